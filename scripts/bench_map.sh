#!/bin/bash
# bench_map.sh - the HTML concept map's benchmark (make bench-map; not part of make test).
#
#   scripts/bench_map.sh [BIN]      BIN: build/release/glossgraph
#
# Writes the map (glossgraph export html) of the Jargon File pages
# (../shared/eval/jargon/pages) and of generated glossaries of 12,000 and
# 100,000 entries (scripts/gen_glossary.py, seed 1, its default 360-byte
# definitions; cached in build/bench-map), then opens each in headless
# Chromium (scripts/bench_map.mjs, best of BENCH_MAP_RUNS, default 3) and
# prints, per page: the time to write it, its size, the time from
# navigation to the first frame, and what the page says it shows; then the
# targets: Jargon under 5 MB and drawn within 2 s, 12,000 entries within
# 3 s, 100,000 within 5 s. The load average is printed with the figures:
# on a busy machine the browser's times grow with it.
set -euo pipefail
export LC_NUMERIC=C

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "$(dirname "${1:-$ROOT/build/release/glossgraph}")" && pwd)/$(basename "${1:-glossgraph}")
WORK=$ROOT/build/bench-map
JARGON=$ROOT/../shared/eval/jargon/pages
RUNS=${BENCH_MAP_RUNS:-3}
mkdir -p "$WORK"

[ -d "$JARGON" ] || { echo "bench_map.sh: no Jargon pages at $JARGON" >&2; exit 1; }
for n in 12000 100000; do
	[ -d "$WORK/g$n" ] || /usr/bin/python3 "$ROOT/scripts/gen_glossary.py" -q --seed 1 \
		--entries "$n" -o "$WORK/g$n"
done

pages=()
for name in jargon g12000 g100000; do
	input=$WORK/$name
	[ "$name" = jargon ] && input=$JARGON
	start=$(date +%s.%N)
	"$BIN" export html -q -i "$input" -o "$WORK/$name.html"
	end=$(date +%s.%N)
	awk -v n="$name" -v a="$start" -v b="$end" 'BEGIN { printf "%s: written in %.2f s\n", n, b - a }' 
	pages+=("$WORK/$name.html")
done

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
node "$ROOT/scripts/bench_map.mjs" --runs "$RUNS" "${pages[@]}" | tee "$WORK/times.tsv"

# target NAME LIMIT_S [LIMIT_MB]: met or missed, from times.tsv.
target() {
	local line seconds mb
	line=$(grep "/$1.html" "$WORK/times.tsv")
	mb=$(echo "$line" | cut -f2 | cut -d' ' -f1)
	seconds=$(echo "$line" | cut -f3 | cut -d' ' -f3)
	local verdict
	verdict=$(awk -v s="$seconds" -v ls="$2" -v mb="$mb" -v lm="${3:-0}" \
		'BEGIN { print (s < ls && (lm == 0 || mb < lm)) ? "met" : "missed" }')
	printf 'target %-8s first draw %s s (< %s s)%s: %s (page %s)\n' "$1" "$seconds" "$2" \
		"${3:+, $mb MB (< $3 MB)}" "$verdict" "$(echo "$line" | cut -f4)"
}
target jargon 2 5
target g12000 3
target g100000 5
