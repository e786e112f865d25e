package lint

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Markdown renders a check's documentation: the page under docs/checks/ and
// what `bwlint explain` prints. Everything comes from the Check value.
func (c *Check) Markdown() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("# %s", c.Name)
	p("")
	p("%s.", upperFirst(c.Title))
	p("")
	p("| | |")
	p("| --- | --- |")
	p("| Default severity | %s |", c.Severity)
	if len(c.Tags) > 0 {
		p("| Tags | %s |", strings.Join(c.Tags, ", "))
	}
	if c.SecuritySeverity != "" {
		p("| Security severity | %s |", c.SecuritySeverity)
	}
	p("")
	p("## What it checks")
	p("")
	p("%s", strings.TrimSpace(c.Doc))
	p("")
	if a := strings.TrimSpace(c.Applies); a != "" {
		p("## Where it applies")
		p("")
		p("%s", a)
		p("")
	}
	p("## Evidence it reads")
	p("")
	for _, e := range c.Evidence {
		p("- %s", e.Markdown())
	}
	p("")
	if captures(c) {
		p("Where the check applies and a capture it needs is missing, unreadable or not understood, the run")
		p("reports an **evidence gap** with the commands that capture it, and fails with exit code 2 unless")
		p("`--missing-evidence report` (or the policy's `missing_evidence = \"report\"`) is given. A check that")
		p("cannot be evaluated for another reason (no host of its role, a value no capture can show, optional")
		p("evidence the snapshot lacks) is reported as not evaluated, with the reason, never as passed.")
	} else {
		p("A check whose evidence is missing is reported as not evaluated, with the reason, never as passed.")
	}
	if opts := OptionDocs(c); len(opts) > 0 {
		p("")
		p("## Options")
		p("")
		p("Set in the check's block of `.bwlint.hcl`:")
		p("")
		p("```hcl")
		p("check %q {", c.Name)
		p("  severity = %q", c.Severity)
		for _, o := range opts {
			p("  %s = %s", o.Name, o.Default)
		}
		p("}")
		p("```")
		p("")
		p("| option | meaning |")
		p("| --- | --- |")
		for _, o := range opts {
			p("| `%s` | %s |", o.Name, o.Doc)
		}
	}
	p("")
	p("## How to fix")
	p("")
	p("%s", strings.TrimSpace(c.Fix))
	return b.String()
}

// captures reports whether a check reads evidence captured from the
// deployment, as opposed to the files given to bwlint.
func captures(c *Check) bool {
	return slices.ContainsFunc(c.Evidence, func(e Evidence) bool { return e.Source.captured() })
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// OptionDoc describes one option of a check.
type OptionDoc struct {
	Name    string // the attribute name in the check's block
	Doc     string
	Default string // the default, written as HCL
}

// OptionDocs lists a check's options from the hcl and doc tags of its
// options struct, with defaults as HCL.
func OptionDocs(c *Check) []OptionDoc {
	if c.Options == nil {
		return nil
	}
	return OptionValues(c.Options())
}

// OptionValues lists the options in opts, a pointer to a check's options
// struct (its defaults, or what a policy set), by attribute name, each
// value as HCL in Default.
func OptionValues(opts any) []OptionDoc {
	v := reflect.ValueOf(opts).Elem()
	var out []OptionDoc
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("hcl"), ",")
		if name == "" {
			continue
		}
		out = append(out, OptionDoc{Name: name, Doc: f.Tag.Get("doc"), Default: hclValue(v.Field(i))})
	}
	return out
}

// hclValue writes a Go value as an HCL expression, maps with sorted keys.
func hclValue(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return strconv.Quote(v.String())
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Slice:
		var parts []string
		for i := 0; i < v.Len(); i++ {
			parts = append(parts, hclValue(v.Index(i)))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case reflect.Map:
		var keys []string
		for _, k := range v.MapKeys() {
			keys = append(keys, k.String())
		}
		slices.Sort(keys)
		var parts []string
		for _, k := range keys {
			parts = append(parts, strconv.Quote(k)+" = "+hclValue(v.MapIndex(reflect.ValueOf(k))))
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	}
	return fmt.Sprint(v.Interface())
}
