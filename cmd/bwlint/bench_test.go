package main

import (
	"context"
	"io"
	"testing"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/linttest"
	"github.com/bwlint/bwlint/lint/report"
)

// BenchmarkLintLarge measures a whole lint run — load, check, render — on
// a large service provider's snapshot: 50 clusters of 2 ASes and 4 XSPs
// (300 hosts) with 40 capture files each, about 12,000 files.
func BenchmarkLintLarge(b *testing.B) {
	dir := b.TempDir()
	files, err := linttest.LargeSnapshot{Clusters: 50, ASPerCluster: 2, XSPPerCluster: 4, FilesPerHost: 40}.Write(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(files), "files")
	b.ResetTimer()
	for b.Loop() {
		snap, err := inputs.Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		res := lint.Run(context.Background(), snap, checks.All(), lint.Settings{})
		if len(res.Findings) == 0 || len(res.Problems) != 0 || len(res.Gaps) != 0 {
			b.Fatalf("%d findings, %d input problems, %d evidence gaps: the synthetic snapshot is wrong", len(res.Findings), len(res.Problems), len(res.Gaps))
		}
		if err := report.Text(io.Discard, judge.New(res, checks.Notes()), report.Options{Snapshot: snap, Threshold: lint.Threshold(lint.Warning)}); err != nil {
			b.Fatal(err)
		}
	}
}
