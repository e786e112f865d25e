package config

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/bwlint/bwlint/inputs/source"
)

// PolicyChange is one difference between two policy files, such as the
// policies at the roots of the snapshots a review compares: a block added
// or removed, or one attribute of a block added, removed or changed.
type PolicyChange struct {
	// Block is the block's type: lint, check, host, cluster, waiver or
	// rule.
	Block string
	// Name is the block's label ("" for the lint block).
	Name string
	// Attribute is the attribute that changed; "" when the whole block
	// was added or removed.
	Attribute string
	// Kind is "added", "removed" or "changed".
	Kind string
	// Before and After are the attribute's expression as written, with
	// runs of white space made one space; "" on the side without it;
	// source.Redacted for a value the policy holds for a secret.
	Before, After string
	// BeforeAt and AfterAt locate the block or attribute in each file;
	// zero on the side where it is absent.
	BeforeAt, AfterAt hcl.Range
}

// Policy change kinds, as reviews spell them.
const (
	PolicyAdded   = "added"
	PolicyRemoved = "removed"
	PolicyChanged = "changed"
)

// ComparePolicies lists what differs between two policies, block by block
// and attribute by attribute, in the order of the after file with the
// removed blocks of the before file last. Either may be the default
// policy (no file), which has no blocks. Attributes are compared as
// written, so a change of spelling that means the same ("warning" for
// "warning ") is no change, but one of form ("a", "b" reordered) is: a
// review shows the policy change a person made.
func ComparePolicies(before, after *Config) []PolicyChange {
	b, a := policyBlocks(before), policyBlocks(after)
	var out []PolicyChange
	for _, blk := range a {
		old := findBlock(b, blk.kind, blk.name)
		if old == nil {
			out = append(out, PolicyChange{Block: blk.kind, Name: blk.name, Kind: PolicyAdded, AfterAt: blk.at})
			continue
		}
		out = append(out, compareAttributes(*old, blk)...)
	}
	for _, blk := range b {
		if findBlock(a, blk.kind, blk.name) == nil {
			out = append(out, PolicyChange{Block: blk.kind, Name: blk.name, Kind: PolicyRemoved, BeforeAt: blk.at})
		}
	}
	return out
}

// policyBlock is one block of a policy file, with its attributes as
// written.
type policyBlock struct {
	kind, name string
	at         hcl.Range
	attrs      []policyAttr
}

type policyAttr struct {
	name, text string
	at         hcl.Range
	secret     bool
}

// policyBlocks reads the blocks of c's file in order; none for the
// default policy or a file that did not parse.
func policyBlocks(c *Config) []policyBlock {
	if c == nil || c.path == "" {
		return nil
	}
	f := c.files[c.path]
	if f == nil {
		return nil
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	secrets, _ := policySecrets(f)
	var out []policyBlock
	for _, blk := range body.Blocks {
		pb := policyBlock{kind: blk.Type, name: strings.Join(blk.Labels, " "), at: blk.DefRange()}
		pb.attrs = attributesOf(f.Bytes, secrets, blk.Body, "")
		out = append(out, pb)
	}
	return out
}

// attributesOf lists a body's attributes, nested blocks' ones named by
// their path ("expect.allowUserApp" is not HCL, but "block.attr" names a
// nested block's attribute), sorted by name.
//
// A value the policy holds for a secret (policySecrets: the expected value
// of a rule on a password, a URL's password) is compared as written but
// shown as source.Redacted.
func attributesOf(src []byte, secrets []source.Span, body *hclsyntax.Body, prefix string) []policyAttr {
	var out []policyAttr
	for name, a := range body.Attributes {
		r := a.Expr.Range()
		text := ""
		if r.End.Byte <= len(src) && r.Start.Byte <= r.End.Byte {
			text = strings.Join(strings.Fields(string(src[r.Start.Byte:r.End.Byte])), " ")
		}
		secret := slices.ContainsFunc(secrets, func(sp source.Span) bool { return sp.Start < r.End.Byte && r.Start.Byte < sp.End })
		if secret {
			// Two different secrets are one change shown alike: keep
			// them apart by a digest no one can read back.
			text = source.Redacted + " " + shortDigest(text)
		}
		out = append(out, policyAttr{name: prefix + name, text: text, at: a.SrcRange, secret: secret})
	}
	for _, blk := range body.Blocks {
		p := prefix + strings.Join(append([]string{blk.Type}, blk.Labels...), " ") + "."
		out = append(out, attributesOf(src, secrets, blk.Body, p)...)
	}
	slices.SortFunc(out, func(x, y policyAttr) int { return cmp.Compare(x.name, y.name) })
	return out
}

func findBlock(bs []policyBlock, kind, name string) *policyBlock {
	for i := range bs {
		if bs[i].kind == kind && bs[i].name == name {
			return &bs[i]
		}
	}
	return nil
}

func compareAttributes(b, a policyBlock) []PolicyChange {
	var out []PolicyChange
	find := func(as []policyAttr, name string) *policyAttr {
		for i := range as {
			if as[i].name == name {
				return &as[i]
			}
		}
		return nil
	}
	for _, x := range a.attrs {
		old := find(b.attrs, x.name)
		switch {
		case old == nil:
			out = append(out, PolicyChange{Block: a.kind, Name: a.name, Attribute: x.name, Kind: PolicyAdded, After: shown(x), AfterAt: x.at})
		case old.text != x.text:
			pc := PolicyChange{Block: a.kind, Name: a.name, Attribute: x.name, Kind: PolicyChanged,
				Before: old.text, After: x.text, BeforeAt: old.at, AfterAt: x.at}
			if old.secret || x.secret {
				pc.Before, pc.After = source.Redacted, source.Redacted
			}
			out = append(out, pc)
		}
	}
	for _, x := range b.attrs {
		if find(a.attrs, x.name) == nil {
			out = append(out, PolicyChange{Block: b.kind, Name: b.name, Attribute: x.name, Kind: PolicyRemoved, Before: shown(x), BeforeAt: x.at})
		}
	}
	return out
}

// Subject names what a change is about: "waiver \"as2-patch-window\"
// expires", "lint fail_on".
func (p PolicyChange) Subject() string {
	s := p.Block
	if p.Name != "" {
		s += " " + `"` + p.Name + `"`
	}
	if p.Attribute != "" {
		s += " " + p.Attribute
	}
	return s
}

// shown is an attribute's value fit to print.
func shown(a policyAttr) string {
	if a.secret {
		return source.Redacted
	}
	return a.text
}

// shortDigest tells two secrets apart in a comparison without showing
// either.
func shortDigest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}
