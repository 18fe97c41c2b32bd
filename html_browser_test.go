package main

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// chromiumFlags render a page headless without touching the network or the
// user's profile.
var chromiumFlags = []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"}

// TestHTMLReportRendersInChromium renders the HTML report with headless
// Chromium and checks the screenshot shows a page with its charts. Without a
// browser on PATH it skips: scripts/screenshot-report.sh installs one.
func TestHTMLReportRendersInChromium(t *testing.T) {
	browser := chromiumPath()
	if browser == "" {
		t.Skip("no chromium on PATH; install Debian's chromium (scripts/screenshot-report.sh does) to render the HTML report")
	}
	corpus := seedsDir
	if _, err := os.Stat(devCorpus); err == nil {
		corpus = devCorpus
	}
	dir := t.TempDir()
	page, shot := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.png")
	db := ingested(t, corpus)
	if _, errOut, code := runCLI(t, "", "--db", db, "report", "--format", "html", "-o", page); code != 0 {
		t.Fatalf("report: %s", errOut)
	}
	html, _ := os.ReadFile(page)

	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	// Tall enough that the first chart is in view even below a long summary.
	args := slices.Concat(chromiumFlags, []string{"--user-data-dir=" + filepath.Join(dir, "profile"),
		"--screenshot=" + shot, "--window-size=1280,4000", "file://" + page})
	if out, err := exec.CommandContext(ctx, browser, args...).CombinedOutput(); err != nil {
		// A browser that cannot start here says nothing about the report.
		t.Skipf("%s did not run: %v\n%s", browser, err, lastLines(string(out), 5))
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 4000 {
		t.Errorf("screenshot is %v, want 1280×4000", b)
	}
	// A rendered report has text, cards and rules in many shades; a blank or
	// unstyled page has a few.
	if n := colourCount(img); n < 64 {
		t.Errorf("the screenshot has only %d colours: the page did not render", n)
	}
	// The first chart plots in the palette's first colour, #0072B2.
	if strings.Contains(string(html), "<svg") && !hasColourNear(img, 0x00, 0x72, 0xB2) {
		t.Errorf("the page has charts, but none shows in the screenshot")
	}
}

// TestHTMLTablesStayInTheirCards lays the HTML report out in headless
// Chromium at widths from 1024 to 1600 pixels and checks that no card is
// wider than its box: a wide table scrolls inside its card. A script added
// to a copy of the page measures each card after layout and writes what
// overflows into the body, which --dump-dom prints.
func TestHTMLTablesStayInTheirCards(t *testing.T) {
	browser := chromiumPath()
	if browser == "" {
		t.Skip("no chromium on PATH; install Debian's chromium (scripts/screenshot-report.sh does) to lay the HTML report out")
	}
	corpus := seedsDir
	if _, err := os.Stat(devCorpus); err == nil {
		corpus = devCorpus
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	db := ingested(t, corpus)
	if _, errOut, code := runCLI(t, "", "--db", db, "report", "--format", "html", "-o", page); code != 0 {
		t.Fatalf("report: %s", errOut)
	}
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	const measure = `<script>window.addEventListener("load", () => {
  const wide = [];
  document.querySelectorAll(".card").forEach((c, i) => {
    if (c.scrollWidth > c.clientWidth + 1) wide.push((c.id || "card-" + i) + ":" + c.scrollWidth + ">" + c.clientWidth);
  });
  document.body.setAttribute("data-cards", document.querySelectorAll(".card").length);
  document.body.setAttribute("data-overflow", wide.length ? wide.join(" ") : "none");
});</script>`
	measured := filepath.Join(dir, "measured.html")
	if err := os.WriteFile(measured, []byte(strings.Replace(string(html), "</body>", measure+"</body>", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{1024, 1280, 1400, 1600} {
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
		args := slices.Concat(chromiumFlags, []string{"--user-data-dir=" + filepath.Join(dir, "profile"), "--dump-dom",
			"--virtual-time-budget=5000", fmt.Sprintf("--window-size=%d,2000", width), "file://" + measured})
		out, err := exec.CommandContext(ctx, browser, args...).Output()
		cancel()
		if err != nil {
			t.Skipf("%s did not run: %v", browser, err)
		}
		dom := string(out)
		if !strings.Contains(dom, `data-overflow="`) || strings.Contains(dom, `data-cards="0"`) {
			t.Fatalf("at %d px the page was not measured (no cards, or the script did not run)", width)
		}
		if !strings.Contains(dom, `data-overflow="none"`) {
			i := strings.Index(dom, `data-overflow="`)
			t.Errorf("at %d px cards overflow: %s", width, dom[i:min(len(dom), i+300)])
		}
	}
}

// chromiumPath is the first Chromium on PATH, or "".
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

func colourCount(img image.Image) int {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	return len(seen)
}

func hasColourNear(img image.Image, r, g, b uint32) bool {
	near := func(a, b uint32) bool { return a+12 >= b && b+12 >= a }
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			if near(pr>>8, r) && near(pg>>8, g) && near(pb>>8, b) {
				return true
			}
		}
	}
	return false
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
