package report

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// The invocation of a SARIF run: how the run ended, and notifications
// for input problems, check failures, evidence gaps and lost evidence.

// Notification descriptors, referenced by index from
// toolExecutionNotifications.
const (
	notifyInputProblem = iota
	notifyNotEvaluated
	notifyCheckFailure
	notifyEvidenceGap
	notifyLostEvidence
)

var notificationDescriptors = []sarifDescriptor{
	notifyInputProblem: notificationDescriptor("input_problem",
		"An input file could not be read completely.",
		"What an unreadable file or line would have shown is not evidence: the run exits 2 on an input error, never passes in silence. docs/inputs.md describes the files bwlint reads."),
	notifyNotEvaluated: notificationDescriptor("not_evaluated",
		"A check lacked the evidence it needs.",
		"A check that is not evaluated neither passed nor failed; the reason names the capture to add."),
	notifyCheckFailure: notificationDescriptor("check_failure",
		"A check failed internally.",
		"The check's findings are missing from the run, which exits 4; please report it."),
	notifyEvidenceGap: notificationDescriptor("evidence_gap",
		"A check applies to a host but a capture it needs is missing.",
		"An evidence gap is not a pass: the check could not look. The notification names the commands that capture the missing evidence and the file it belongs in. A gap fails the run with exit code 2 (level error) unless it is baselined or --missing-evidence report is given (level warning)."),
	notifyLostEvidence: notificationDescriptor("lost_evidence",
		"A check evaluated before the change is not evaluated after it.",
		"The review's later snapshot lacks evidence the earlier one had: what the check found before is neither confirmed nor fixed."),
}

func notificationDescriptor(id, short, full string) sarifDescriptor {
	return sarifDescriptor{
		ID: id, Name: pascalCase(id),
		ShortDescription: &sarifText{Text: short},
		FullDescription:  &sarifText{Text: full},
		Help:             &sarifText{Text: full},
		HelpURI:          lint.InformationURI + "/blob/main/docs/output.md",
	}
}

func notificationRef(i int) *sarifRef {
	return &sarifRef{ID: notificationDescriptors[i].ID, Index: i}
}

// exitCodeDescriptions follow the exit-code contract of docs/output.md.
var exitCodeDescriptions = map[int]string{
	0: "no finding at or above the failure threshold",
	1: "findings at or above the failure threshold",
	2: "input problems or evidence gaps: some evidence could not be read or is missing",
	3: "usage or configuration error",
	4: "a check failed internally",
}

func (b *sarifBuilder) invocation(r *judge.Result) sarifInvocation {
	inv := sarifInvocation{
		CommandLine:         b.o.Invocation.CommandLine(),
		StartTimeUTC:        sarifTime(b.o.Start),
		EndTimeUTC:          sarifTime(b.o.End),
		ExecutionSuccessful: len(r.Failures) == 0 && !r.HasInputErrors() && len(r.CountingGaps(b.o.MissingEvidence)) == 0,
		ExitCode:            b.o.ExitCode,
		ExitCodeDescription: exitCodeDescriptions[b.o.ExitCode],
		Properties:          &sarifInvocationProps{Policy: b.o.Policy.OrNone(), AsOf: b.o.Invocation.AsOf, NoWaivers: b.o.Invocation.NoWaivers},
	}
	if args := b.o.Invocation.Arguments; len(args) > 1 {
		// SARIF's arguments follow the program's name (§3.20.3).
		inv.Arguments = args[1:]
	}
	// A review lists the evidence it lost first, as every review format
	// does.
	for _, l := range b.o.LostEvidence {
		note := sarifNotification{
			Level:          "warning",
			Message:        sarifText{Text: sentence(fmt.Sprintf("%s was evaluated on %s before the change and is not after it (%s): %s", l.Check, l.Host, l.Status, strings.Join(l.Reasons, "; ")))},
			Descriptor:     notificationRef(notifyLostEvidence),
			AssociatedRule: &sarifRef{ID: l.Check, Index: b.rule(l.Check)},
			Locations:      []sarifLocation{{LogicalLocations: b.logicalLocations(lint.Logical{Host: l.Host})}},
			Properties:     &sarifNotificationProps{Host: l.Host, Status: string(l.Status)},
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, note)
	}
	for _, g := range r.Gaps {
		level := "error"
		if !g.Counts(b.o.MissingEvidence) {
			level = "warning"
		}
		note := sarifNotification{
			Level: level,
			Message: sarifText{Text: sentence(fmt.Sprintf("%s has an evidence gap on %s: %s; capture into %s: %s",
				g.Check, cmp.Or(g.Host, "the snapshot"), g.Reason, b.paths.fromRoot(g.File), strings.Join(g.Capture(), "; ")))},
			Descriptor:     notificationRef(notifyEvidenceGap),
			AssociatedRule: &sarifRef{ID: g.Check, Index: b.rule(g.Check)},
			Properties: &sarifNotificationProps{Host: g.Host, Context: g.Context(), Command: g.Command(), Capture: g.Capture(),
				File: b.paths.fromRoot(g.File), Baselined: g.Baselined},
		}
		if g.Host != "" {
			note.Locations = []sarifLocation{{LogicalLocations: b.logicalLocations(lint.Logical{Host: g.Host})}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, note)
	}
	for _, p := range r.Problems {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:      p.Severity.String(),
			Message:    sarifText{Text: sentence(p.Message)},
			Locations:  []sarifLocation{b.location(p.Range, "", false)},
			Descriptor: notificationRef(notifyInputProblem),
		})
	}
	for _, n := range r.NotEvaluated {
		host := cmp.Or(n.Host, "all hosts")
		note := sarifNotification{
			Level:          "note",
			Message:        sarifText{Text: sentence(fmt.Sprintf("%s not evaluated on %s: %s", n.Check, host, n.Reason))},
			Descriptor:     notificationRef(notifyNotEvaluated),
			AssociatedRule: &sarifRef{ID: n.Check, Index: b.rule(n.Check)},
		}
		if n.Host != "" {
			note.Locations = []sarifLocation{{LogicalLocations: b.logicalLocations(lint.Logical{Host: n.Host})}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, note)
	}
	for _, f := range r.Failures {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:          "error",
			Message:        sarifText{Text: sentence(fmt.Sprintf("check %s failed: %s", f.Check, f.Err))},
			Descriptor:     notificationRef(notifyCheckFailure),
			AssociatedRule: &sarifRef{ID: f.Check, Index: b.rule(f.Check)},
		})
	}
	return inv
}

func sarifTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}
