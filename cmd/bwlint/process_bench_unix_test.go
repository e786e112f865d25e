//go:build unix

package main

import (
	"errors"
	"flag"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"
)

// processBin is the bwlint binary BenchmarkLintExampleProcess runs; by
// default it builds one from this package, as "go build" does. Give a
// binary built from another commit to compare the two.
var processBin = flag.String("process.bin", "", "the bwlint binary BenchmarkLintExampleProcess runs (default: build this package)")

// BenchmarkLintExampleProcess measures what a user waits for on a small
// snapshot: a whole "bwlint lint" process on the example snapshot (44
// files), from exec to exit, start-up and package initialisation
// included, with its output discarded. Besides the mean (ns/op) it reports
// the medians of the wall time, the CPU time (user and system), the minor
// page faults and the peak RSS, which vary less on a shared machine.
func BenchmarkLintExampleProcess(b *testing.B) {
	bin := *processBin
	if bin == "" {
		bin = filepath.Join(b.TempDir(), "bwlint")
		if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			b.Fatalf("go build: %v\n%s", err, out)
		}
	}
	var wall, cpu, faults, rss []float64
	for b.Loop() {
		cmd := exec.Command(bin, "lint", "../../testdata/example")
		start := time.Now()
		err := cmd.Run()
		wall = append(wall, float64(time.Since(start).Microseconds())/1000)
		if code := new(exec.ExitError); !errors.As(err, &code) || code.ExitCode() != exitFindings {
			b.Fatalf("bwlint lint testdata/example: %v, want exit code %d (the example's findings)", err, exitFindings)
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		cpu = append(cpu, float64(ru.Utime.Nano()+ru.Stime.Nano())/1e6)
		faults = append(faults, float64(ru.Minflt))
		kib := float64(ru.Maxrss)
		if runtime.GOOS == "darwin" {
			kib /= 1024 // bytes there, KiB elsewhere
		}
		rss = append(rss, kib)
	}
	b.ReportMetric(median(wall), "ms-wall-median")
	b.ReportMetric(median(cpu), "ms-cpu-median")
	b.ReportMetric(median(faults), "faults-median")
	b.ReportMetric(median(rss), "KiB-rss-median")
}

func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if len(s) == 0 {
		return 0
	}
	return (s[(len(s)-1)/2] + s[len(s)/2]) / 2
}
