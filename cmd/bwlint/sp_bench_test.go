package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint/linttest"
)

// spScale multiplies the service provider's snapshot of BenchmarkLintSP
// and BenchmarkDiffSP: -sp.scale 4 measures 1,200 XSPs and 400 ASes.
var spScale = flag.Int("sp.scale", 1, "multiply the hosts and tag sets of the SP benchmarks' snapshot")

// sp is the service provider of docs/performance.md: 300 XSPs, 100 ASes
// and 300 tag sets in ten clusters, 44 MB in 5,240 files.
var sp = linttest.SPSnapshot{XSPs: 300, ASes: 100, TagSets: 300, Seed: 1}

// writeSP writes the benchmarks' snapshot, repaired or not, and returns
// its directory and size.
func writeSP(b *testing.B, repaired bool) (string, linttest.SPStats) {
	b.Helper()
	s := sp.Scaled(*spScale)
	s.Repaired = repaired
	dir := filepath.Join(b.TempDir(), "sp")
	st, err := s.Write(dir)
	if err != nil {
		b.Fatal(err)
	}
	return dir, st
}

// runBench runs the command as a user types it, with its output
// discarded, and fails on an exit code other than want.
func runBench(b *testing.B, want int, args ...string) {
	b.Helper()
	stderr := io.Discard
	if testing.Verbose() {
		stderr = os.Stderr
	}
	if code := run(append([]string{"bwlint"}, args...), io.Discard, stderr); code != want {
		b.Fatalf("bwlint %v: exit code %d, want %d", args, code, want)
	}
}

// BenchmarkLintSP measures "bwlint lint --format json" on a service
// provider's snapshot, whole: walking, reading, parsing, checking,
// judging and rendering. MB/s is the snapshot's bytes per second.
func BenchmarkLintSP(b *testing.B) {
	dir, st := writeSP(b, false)
	b.SetBytes(st.Bytes)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		runBench(b, 1, "lint", "--format", "json", dir)
	}
	b.ReportMetric(float64(st.Files), "files")
}

// BenchmarkDiffSP measures "bwlint diff --format json" of the snapshot
// before and after its broken hosts were repaired: two snapshots loaded
// and linted, and their reviews compared. MB/s counts both snapshots.
func BenchmarkDiffSP(b *testing.B) {
	before, st := writeSP(b, false)
	after, sta := writeSP(b, true)
	b.SetBytes(st.Bytes + sta.Bytes)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		runBench(b, 0, "diff", "--format", "json", before, after)
	}
	b.ReportMetric(float64(st.Files+sta.Files), "files")
}

// BenchmarkLoadSP loads the snapshot into the model every check reads and
// reports what the model holds once loaded: what a collection leaves live
// beyond what was live before the load, in MB and per byte of the
// snapshot. Peak RSS is this plus
// what the collector lets grow between cycles and what the checks and the
// report add.
func BenchmarkLoadSP(b *testing.B) {
	dir, st := writeSP(b, false)
	b.SetBytes(st.Bytes)
	b.ReportAllocs()
	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	var live uint64
	for b.Loop() {
		b.StopTimer()
		before := heap()
		b.StartTimer()
		s, err := inputs.Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		live = heap() - before
		runtime.KeepAlive(s)
		b.StartTimer()
	}
	b.ReportMetric(float64(live)/1e6, "live-MB")
	b.ReportMetric(float64(live)/float64(st.Bytes), "live/snapshot")
	b.ReportMetric(float64(st.Files), "files")
}
