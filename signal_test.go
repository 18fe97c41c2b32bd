package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The signal tests run claimtrack as a process, as a user's shell would.

// TestSignalStopsAnIngestWaitingOnAPipe: a named pipe nobody writes to,
// given on the command line, blocks its open without end; the first SIGTERM
// must still stop the ingest.
func TestSignalStopsAnIngestWaitingOnAPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	cmd, _, stderr := command(t, "--db", filepath.Join(t.TempDir(), "c.db"), "ingest", fifo)
	code := exitCode(signalled(t, cmd, syscall.SIGTERM))
	if code != 130 || !strings.Contains(stderr.String(), "interrupted after 0 of 1 documents") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestSignalStopsAnIngestOfAnIdleStandardInput: the writer of standard input
// keeps it open and writes nothing.
func TestSignalStopsAnIngestOfAnIdleStandardInput(t *testing.T) {
	cmd, _, stderr := command(t, "--db", filepath.Join(t.TempDir(), "c.db"), "ingest", "-")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	cmd.Stdin = r
	code := exitCode(signalled(t, cmd, os.Interrupt))
	if code != 130 || !strings.Contains(stderr.String(), "interrupted after 0 of 1 documents") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestSecondSignalEndsTheProcess: writing a report to a named pipe nobody
// reads blocks; the first Ctrl-C asks claimtrack to stop, the second ends it.
func TestSecondSignalEndsTheProcess(t *testing.T) {
	db := ingested(t, seedsDir)
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	cmd, _, _ := command(t, "--db", db, "report", "-o", fifo)
	err := signalled(t, cmd, os.Interrupt, os.Interrupt)
	var exit *exec.ExitError
	if !errors.As(err, &exit) || !exit.Sys().(syscall.WaitStatus).Signaled() {
		t.Errorf("want the process ended by the second signal, got %v", err)
	}
}

// signalled starts cmd, sends it each of signals once it is under way (the
// next 300 ms after the one before), and returns how it ended, failing the
// test if it does not end within five seconds of the last.
func signalled(t *testing.T, cmd *exec.Cmd, signals ...os.Signal) error {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	for i, sig := range signals {
		if i > 0 {
			time.Sleep(300 * time.Millisecond)
		}
		cmd.Process.Signal(sig)
	}
	ended := make(chan error, 1)
	go func() { ended <- cmd.Wait() }()
	select {
	case err := <-ended:
		return err
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running 5 s after the signal")
	}
	return nil
}

// exitCode is the exit code of a process that ended with err.
func exitCode(err error) int {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	return 0
}
