#!/bin/bash
# bench_store.sh - the saved graph's benchmark (make bench runs it after bench.sh).
#
#   scripts/bench_store.sh [BIN [BASELINE]]   BIN: build/release/glossgraph
#
# On the generated glossaries of bench.sh (build/bench/corpus, made here when
# missing): at 100,000 entries, `neighbors`, `related` and `search` of a term
# of median in-degree, a misspelt term, and `path` from it to a term of the
# first quartile, answered from the pages and from the database, and `build
# --formats graphml,dot` with and without the database, each pair in the same
# run, as ratios. BENCH_STORE_ENTRIES lists the sizes (100000; BENCH_FULL=1
# or BENCH_STORE_ENTRIES="100000 1000000" adds 1,000,000 entries): past
# 100,000, the queries from the database only, with their peak
# memory against the build's, the database built once with `--formats
# sqlite` and kept (delete it to measure its build again). With BASELINE
# (another glossgraph, the previous one), its answers from the same
# database are timed in the same run, and the ratio is against it.
# Wall-clock times, best of BENCH_RUNS (3) for the queries, one run for the
# builds. Writes build/bench/store.md.
set -euo pipefail
export LC_NUMERIC=C

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${1:-$ROOT/build/release/glossgraph}")
BASELINE=${2:+$(realpath "$2")}
PYTHON=/usr/bin/python3
WORK=${BENCH_DIR:-$ROOT/build/bench}
RUNS=${BENCH_RUNS:-3}
SIZES=${BENCH_STORE_ENTRIES:-100000}
[ "${BENCH_FULL:-0}" = 1 ] && SIZES="100000 1000000"
OUT=$WORK/store.md
say() { echo "bench_store: $*" >&2; }

# corpus N: the directory of the N-entry glossary bench.sh uses (generated once).
corpus() {
	local dir=$WORK/corpus/n$1-d1000
	local stamp
	stamp="$(sha1sum "$ROOT/scripts/gen_glossary.py" | cut -c1-12) seed=1 --entries $1 --def-bytes 1000"
	if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
		say "generating $1 entries"
		rm -rf "$dir"
		"$PYTHON" "$ROOT/scripts/gen_glossary.py" -q --seed 1 --entries "$1" --def-bytes 1000 -o "$dir"
		echo "$stamp" >"$dir/.stamp"
	fi
	echo "$dir"
}

# timed CMD...: run CMD once (stdout discarded); sets WALL (s) and RSS (peak MB).
# Exit 1 with "did you mean" is the answer to a misspelt term.
timed() {
	local rc=0
	/usr/bin/time -f "%e %M" -o "$WORK/.store-time" "$@" >/dev/null 2>"$WORK/.store-err" || rc=$?
	if [ "$rc" != 0 ] && ! { [ "$rc" = 1 ] && grep -q "did you mean" "$WORK/.store-err"; }; then
		sed 's/^/    /' "$WORK/.store-err" | tail -3 >&2
		return 1
	fi
	read -r WALL RSS < <(tail -1 "$WORK/.store-time")
	RSS=$((RSS / 1024))
}

# best CMD...: the fastest of RUNS runs; sets WALL and RSS.
best() {
	local b= r= i
	for ((i = 0; i < RUNS; i++)); do
		timed "$@"
		if [ -z "$b" ] || awk "BEGIN { exit !($WALL < $b) }"; then b=$WALL; r=$RSS; fi
	done
	WALL=$b
	RSS=$r
}
ratio() { awk "BEGIN { printf \"%.1f\", $1 / ($2 > 0 ? $2 : 0.001) }"; }

mkdir -p "$WORK"
{
	if [ -n "$BASELINE" ]; then
		echo "| entries | measure | $(basename "$BASELINE") --db | $(basename "$BIN") --db | ratio |"
	else
		echo "| entries | measure | from the pages | from the database | ratio |"
	fi
	echo "| ---: | --- | ---: | ---: | ---: |"
} >"$OUT"
for n in $SIZES; do
	dir=$(corpus "$n")
	cat "$dir"/* >/dev/null # the page cache, as bench.sh
	out=$WORK/store-$n
	db=$out/glossary.sqlite
	build_note=
	if [ "$n" -le 100000 ]; then
		rm -rf "$out" "$out-nodb"
		say "$n: build with and without the database"
		timed "$BIN" build -q -i "$dir" -o "$out-nodb" --formats graphml,dot
		build_wall=$WALL build_rss=$RSS
		timed "$BIN" build -q -i "$dir" -o "$out" --formats graphml,dot,sqlite
		db_build_wall=$WALL
		rm -rf "$out-nodb" "$out"/glossary.graphml "$out"/glossary.dot
	elif [ ! -s "$db" ] || [ "$dir/.stamp" -nt "$db" ]; then
		rm -rf "$out"
		say "$n: build the database"
		timed "$BIN" build -q -i "$dir" -o "$out" --formats sqlite
		build_wall=$WALL build_rss=$RSS
		build_note="build: ${build_wall} s (${build_rss} MB)"
		echo "$build_note" >"$out/.build"
	else
		say "$n: the database of an earlier run ($db)"
		build_note="$(cat "$out/.build" 2>/dev/null || echo "build: not measured")"
	fi
	cat "$db" >/dev/null # the page cache, as for the pages
	# a term of median in-degree, and for `path` one at the first quartile
	read -r term_line < <("$BIN" top --by in-degree -n 0 --tsv -q --db "$db" |
		awk -F'\t' 'NR > 1 { t[NR] = $2 } END { print t[int((NR + 1) / 2)] "\t" t[int((NR + 1) / 4)] }')
	term=${term_line%%$'\t'*} other=${term_line#*$'\t'}
	say "$n: neighbors and related of '$term', path to '$other'"
	if [ "$n" -le 100000 ]; then
		echo "| $n | build --formats graphml,dot (+ sqlite) | ${build_wall} s | ${db_build_wall} s | +$(awk "BEGIN { printf \"%.0f\", 100 * ($db_build_wall / $build_wall - 1) }")% |" >>"$OUT"
	fi
	# the same term misspelt: the answer is "did you mean" (exit 1)
	for q in neighbors related search path "neighbors of a misspelt term"; do
		asked=("$term")
		[ "${q#neighbors of}" != "$q" ] && asked=("${term}qz")
		[ "$q" = path ] && asked=("$term" "$other")
		if [ -n "$BASELINE" ]; then
			best "$BASELINE" "${q%% *}" "${asked[@]}" -q --db "$db"
			base="$WALL s ($RSS MB)" base_wall=$WALL
		elif [ "$n" -le 100000 ]; then
			best "$BIN" "${q%% *}" "${asked[@]}" -q -i "$dir"
			base="$WALL s ($RSS MB)" base_wall=$WALL
		else
			base=$build_note base_wall=
		fi
		best "$BIN" "${q%% *}" "${asked[@]}" -q --db "$db"
		cell=-
		[ -n "$base_wall" ] && cell="$(ratio "$base_wall" "$WALL")x"
		echo "| $n | $q: time (peak memory) | $base | $WALL s ($RSS MB) | $cell |" >>"$OUT"
	done
	echo "| $n | database size | $(du -smL "$dir" | cut -f1) MB of pages | $(du -sm "$db" | cut -f1) MB | - |" >>"$OUT"
done
cat "$OUT"
