#!/bin/sh
# Renders claimtrack's HTML consistency report in headless Chromium and saves
# a screenshot, so that a person looks at the page rather than grepping it.
# Installs Debian's chromium first when it is missing (as root).
#
# Usage: scripts/screenshot-report.sh [ARTICLES_DIR] [SCREENSHOT.png]
#   ARTICLES_DIR defaults to the seeds; the HTML is kept beside the PNG.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
articles=$(realpath "${1:-$repo/seeds}")
shot=$(realpath -m "${2:-/tmp/report.png}")
page=${shot%.png}.html

if ! command -v chromium >/dev/null 2>&1; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "chromium is not installed; run this as root or: sudo apt-get install -y chromium" >&2
		exit 1
	fi
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

(cd "$repo" && go build -o "$work/claimtrack" .)
"$work/claimtrack" --db "$work/claims.db" ingest "$articles" >/dev/null
"$work/claimtrack" --db "$work/claims.db" report --format html -o "$page"

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$work/profile" --screenshot="$shot" --window-size=1280,2000 \
	"file://$page" 2>/dev/null

echo "report:     $page"
echo "screenshot: $shot"
