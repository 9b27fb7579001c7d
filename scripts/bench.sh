#!/bin/bash
# bench.sh - the glossgraph benchmark (make bench; not part of make test).
#
#   scripts/bench.sh [options] [BIN]      BIN: build/release/glossgraph
#
# Generates seeded glossaries (scripts/gen_glossary.py; cached under
# build/bench/corpus), then measures and prints a table:
#
#   - per size (1k 10k 100k entries, and 1M with --full; ~1 KB definitions,
#     1M ~ 1 GB): the time, CPU time and peak memory of each stage (reading,
#     concept model, linking, graph and its measures, every export) through
#     the public API (scripts/bench_link.c, linked with the library next to
#     BIN), the link throughput with 1 and 2 threads, and the whole
#     `glossgraph build --formats graphml,dot`;
#   - linking a 15,000-term glossary of 30 MB on 1 and 2 threads (MB/s);
#   - the matcher alone on the same text (scripts/bench_match.c: the
#     linker's patterns, a callback that only counts), with its 15,000
#     terms and, with --full, the 1M glossary's, beside a byte loop and
#     memchr over the same text (the bound of any pass over it);
#   - peers on the 12,000-entry, 5 MB glossary, in the same run: mention
#     finding against `rg -F -i -w -o -f TERMS` and `grep -F -i -w -o -f
#     TERMS` with glossgraph's own term list, and the whole build against
#     scripts/bench_peer.py (pyahocorasick + networkx, writing GraphML);
#   - the SVG overview of the 12,000-entry glossary (`export svg --top 150`);
#   - the targets, met or missed.
#
# Sizes below 100k are timed best of 3 (--runs), the 12k commands best of
# three times that, 100k and 1M once, with the pages in the page cache
# (read once before). Past 100k the stages write
# GraphML and DOT only, the formats of the build target. The default run
# takes about 5 minutes on 2 cores; --full adds 1M (generated once into
# build/bench/corpus, 1.1 GB, about 2 minutes; its exports write some 6 GB,
# removed after timing) and about 5 more minutes.
#
# Options (or the environment variable in brackets):
#   --full           sizes 1k 10k 100k 1M [BENCH_FULL=1]
#   --quick          sizes 1k 10k, one run each: a smoke test
#   --sizes "LIST"   sizes to run, e.g. "1k 10k" or "1k 10k 100k 1M" [BENCH_SIZES]
#   --runs N         repetitions of each timing below 100k (3) [BENCH_RUNS]
#   --no-peers       skip rg, grep and the Python script [BENCH_PEERS=0]
#   --seed N         generator seed (1) [BENCH_SEED]
#   --dir DIR        work directory (build/bench) [BENCH_DIR]
# Peers that run longer than BENCH_PEER_TIMEOUT seconds (600) are stopped
# and reported as "more than".
set -euo pipefail
export LC_NUMERIC=C
# The command starts itself again with glibc's malloc asking for 2 MB pages
# where the kernel gives them only on request (src/cli/huge_pages.c): the
# library's benchmark programs and the peers get the same, so that the
# stages add up to what the command does. GLIBC_TUNABLES naming the tunable
# already (=0: 4 KB pages) is kept.
if grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null &&
	[[ "${GLIBC_TUNABLES:-}" != *glibc.malloc.hugetlb* ]]; then
	export GLIBC_TUNABLES=${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1
fi

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=/usr/bin/python3
SIZES=${BENCH_SIZES:-"1k 10k 100k"}
[ "${BENCH_FULL:-0}" = 1 ] && SIZES="1k 10k 100k 1M"
RUNS=${BENCH_RUNS:-3}
PEERS=${BENCH_PEERS:-1}
SEED=${BENCH_SEED:-1}
WORK=${BENCH_DIR:-$ROOT/build/bench}
PEER_TIMEOUT=${BENCH_PEER_TIMEOUT:-600}
SERIES_DEF_BYTES=1000   # 1M entries ~ 1 GB
BIN=

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
while [ $# -gt 0 ]; do
	case $1 in
	--full) SIZES="1k 10k 100k 1M" ;;
	--quick) SIZES="1k 10k"; RUNS=1 ;;
	--sizes) SIZES=$2; shift ;;
	--runs) RUNS=$2; shift ;;
	--no-peers) PEERS=0 ;;
	--seed) SEED=$2; shift ;;
	--dir) WORK=$2; shift ;;
	-h|--help) usage; exit 0 ;;
	-*) echo "bench: unknown option $1" >&2; usage >&2; exit 2 ;;
	*) BIN=$1 ;;
	esac
	shift
done
# commands of a fraction of a second feel every hiccup of a shared machine
SHORT_RUNS=$((RUNS * 3))
BIN=${BIN:-$ROOT/build/release/glossgraph}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
BUILD=$(dirname "$BIN")
LIB=$BUILD/libglossgraph.a

say() { echo "bench: $*" >&2; }
die() { say "$*"; exit 1; }
calc() { awk "BEGIN { printf \"%.6g\", $* }"; }
fmt() { awk -v v="$1" -v f="$2" 'BEGIN { if (v == "" || v == "-") print "-"; else printf f, v }'; }

[ -r "$LIB" ] || die "no $LIB: build first (make)"
mkdir -p "$WORK/corpus" "$WORK/out" "$WORK/runs"

declare -A R   # every figure measured, by name
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)

# ---- the stage timer: scripts/bench_link.c, linked with the library ---------
DEFS=
SYMS=$(nm -g --defined-only "$LIB" 2>/dev/null || true)
if grep -qw gg_graph_new <<<"$SYMS"; then
	DEFS="-DBENCH_HAVE_GRAPH"
	grep -qw gg_export_file <<<"$SYMS" && DEFS="$DEFS -DBENCH_HAVE_EXPORT"
fi
LIBS=$(sed -n 's/^PKG_LIBS := //p' "$BUILD/config.mk" 2>/dev/null || true)
[ -n "$LIBS" ] || LIBS=$(pkg-config --libs igraph libxml-2.0 libcgraph libgvc)
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $DEFS \
	-I"$ROOT/include" -o "$WORK/bench_link" "$ROOT/scripts/bench_link.c" "$LIB" \
	$LIBS -lpthread -lm || die "cannot build scripts/bench_link.c"
# the matcher alone: bench_match reaches into the library's internal headers
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-I"$ROOT/include" -I"$ROOT/src" -o "$WORK/bench_match" "$ROOT/scripts/bench_match.c" "$LIB" \
	$LIBS -lpthread -lm || die "cannot build scripts/bench_match.c"
HAVE_GRAPH=0; HAVE_EXPORT=0
case $DEFS in *GRAPH*) HAVE_GRAPH=1 ;; esac
case $DEFS in *EXPORT*) HAVE_EXPORT=1 ;; esac
HAVE_BUILD=0; HAVE_SVG_CMD=0
"$BIN" build --help >/dev/null 2>&1 && HAVE_BUILD=1
"$BIN" export --help >/dev/null 2>&1 && HAVE_SVG_CMD=1
[ "$HAVE_GRAPH" = 1 ] || say "the library has no gg_graph_new yet: graph and exports not measured"

# ---- corpora, generated once per seed and generator version ----------------
GEN_SUM=$(sha1sum "$ROOT/scripts/gen_glossary.py" | cut -c1-12)
# corpus NAME ARGS...: generate into $WORK/corpus/NAME unless it is there already.
corpus() {
	local name=$1 dir=$WORK/corpus/$1
	shift
	local stamp="$GEN_SUM seed=$SEED $*"
	if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
		say "generating $name ($*)"
		rm -rf "$dir"
		"$PYTHON" "$ROOT/scripts/gen_glossary.py" -q --seed "$SEED" "$@" -o "$dir"
		echo "$stamp" >"$dir/.stamp"
	fi
	echo "$dir"
}
entries_of() {
	case $1 in
	*[kK]) echo $((${1%[kK]} * 1000)) ;;
	*M) echo $((${1%M} * 1000000)) ;;
	*) echo "$1" ;;
	esac
}

# ---- timing helpers ----------------------------------------------------------
# timed OUT CMD...: run CMD (stdout to OUT); sets WALL (s) and RSS (peak kB).
timed() {
	local out=$1
	shift
	"$WORK/bench_link" --time "$WORK/.time" -- "$@" >"$out" 2>"$WORK/.err" || {
		local rc=$?
		sed 's/^/    /' "$WORK/.err" | tail -5 >&2
		return $rc
	}
	read -r WALL RSS <"$WORK/.time"
}
# best_of KEY N CMD...: fastest of N runs into R[KEY.wall], R[KEY.rss].
best_of() {
	local key=$1 n=$2 i best=
	shift 2
	for ((i = 0; i < n; i++)); do
		timed /dev/null "$@" || return 1
		if [ -z "$best" ] || awk "BEGIN { exit !($WALL < $best) }"; then
			best=$WALL
			R[$key.rss]=$RSS
		fi
	done
	R[$key.wall]=$best
}

# repeat_runs PROGRAM NAME N ARGS...: run $WORK/PROGRAM N times, the output of
# run i into $WORK/runs/NAME.i; stop the benchmark when one fails.
repeat_runs() {
	local prog=$1 name=$2 n=$3 i
	shift 3
	for ((i = 1; i <= n; i++)); do
		"$WORK/$prog" "$@" >"$WORK/runs/$name.$i" 2>"$WORK/.err" || {
			sed 's/^/    /' "$WORK/.err" >&2
			die "$prog failed on $name"
		}
	done
}

# stages NAME N ARGS...: run bench_link N times; keep each stage's fastest run.
stages() {
	local name=$1 n=$2
	shift 2
	repeat_runs bench_link "$name" "$n" "$@"
	local line key
	while IFS=$'\t' read -r key line; do
		R[$name.$key]=$line
	done < <(awk -F'\t' '
		$1 == "stage" && (!($2 in w) || $3 < w[$2]) { w[$2] = $3; c[$2] = $4 }
		$1 == "stage" && $5 > m[$2] { m[$2] = $5 }
		$1 == "info" { i[$2] = $3 }
		END {
			for (s in w) printf "%s.wall\t%s\n%s.cpu\t%s\n%s.peak\t%s\n", s, w[s], s, c[s], s, m[s]
			for (k in i) printf "%s\t%s\n", k, i[k]
		}' "$WORK/runs/$name".[0-9]*)
}

# warm DIR: read the pages once, so that every run finds them in the page
# cache (a cold 1 GB read is the disk's speed, not glossgraph's).
warm() { cat "$1"/* >/dev/null; }

# ---- 1. stages per size ---------------------------------------------------------
FORMATS="dot graphml gexf svg tsv csv json neo4j"
for size in $SIZES; do
	n=$(entries_of "$size")
	dir=$(corpus "n$n-d$SERIES_DEF_BYTES" --entries "$n" --def-bytes "$SERIES_DEF_BYTES")
	R[$size.mb]=$(du -sb --exclude=.stamp "$dir" | awk '{ printf "%.1f", $1 / 1e6 }')
	runs=$RUNS
	[ "$n" -ge 100000 ] && runs=1
	say "$size: stages ($runs run(s))"
	rm -rf "$WORK/out/$size" && mkdir -p "$WORK/out/$size"
	threads="1,2"
	formats=()
	if [ "$n" -gt 100000 ]; then # past 100k: the formats of the build target only
		threads="2"
		formats=(--formats graphml,dot)
	fi
	warm "$dir"
	stages "$size" "$runs" --threads "$threads" --out "$WORK/out/$size" "${formats[@]}" "$dir"
	rm -rf "$WORK/out/$size"
	if [ "$HAVE_BUILD" = 1 ]; then
		say "$size: glossgraph build --formats graphml,dot"
		best_of "$size.cli" "$runs" "$BIN" build -q -i "$dir" -o "$WORK/out/$size.cli" \
			--formats graphml,dot ||
			die "glossgraph build failed on $size"
		rm -rf "$WORK/out/$size.cli"
	fi
done

# ---- 2. link throughput, 15,000 terms ---------------------------------------
say "15k terms: linking on 1 and 2 threads"
dict=$(corpus "dict15k" --entries 15000 --variants 0 --def-bytes 2000)
warm "$dict"
stages dict "$RUNS" --threads 1,2 --repeat 2 --no-graph "$dict"

# match NAME N ARGS...: bench_match N times, its best figures into R[NAME.*].
match() {
	local name=$1 n=$2
	shift 2
	repeat_runs bench_match "$name" "$n" --repeat 5 "$@"
	local line key
	while IFS=$'\t' read -r key line; do
		R[$name.$key]=$line
	done < <(awk -F'\t' '
		$1 == "stage" && (!($2 in w) || $3 < w[$2]) { w[$2] = $3 }
		$1 == "stage" && (!($2 in c) || $4 < c[$2]) { c[$2] = $4 }
		$1 == "info" { i[$2] = $3 }
		END {
			for (s in w) printf "%s.wall\t%s\n%s.cpu\t%s\n", s, w[s], s, c[s]
			for (k in i) printf "%s\t%s\n", k, i[k]
		}' "$WORK/runs/$name".[0-9]*)
}
say "15k terms: the matcher alone"
match m15k "$RUNS" "$dict"
for size in $SIZES; do
	if [ "$(entries_of "$size")" -ge 1000000 ]; then
		say "$size terms: the matcher alone, on the 15k text"
		match m1m 1 --text "$dict" "$WORK/corpus/n$(entries_of "$size")-d$SERIES_DEF_BYTES"
	fi
done

# ---- 3. the 12,000-entry glossary: stages, whole build, SVG, peers ----------
g12=$(corpus "g12k" --entries 12000)
R[g12.mb]=$(du -sb --exclude=.stamp "$g12" | awk '{ printf "%.1f", $1 / 1e6 }')
say "12k: stages"
warm "$g12"
rm -rf "$WORK/out/g12" && mkdir -p "$WORK/out/g12"
stages g12 "$RUNS" --threads 1,2 --out "$WORK/out/g12" \
	--terms "$WORK/g12.terms.all" --text "$WORK/g12.text" "$g12"
sort -u "$WORK/g12.terms.all" >"$WORK/g12.terms"
R[g12.terms]=$(wc -l <"$WORK/g12.terms")
if [ "$HAVE_BUILD" = 1 ]; then
	say "12k: glossgraph build --formats graphml,dot"
	best_of g12.cli "$SHORT_RUNS" "$BIN" build -q -i "$g12" -o "$WORK/out/g12.cli" --formats graphml,dot ||
		die "glossgraph build failed on the 12k glossary"
fi
if [ "$HAVE_SVG_CMD" = 1 ]; then
	say "12k: glossgraph export svg --top 150"
	best_of g12.svg "$SHORT_RUNS" "$BIN" export svg --top 150 -q -i "$g12" -o "$WORK/out/g12.svg" ||
		die "glossgraph export svg failed on the 12k glossary"
fi

# peer NAME CMD...: one run (they take long), stopped after PEER_TIMEOUT.
peer() {
	local name=$1
	shift
	if timed "$WORK/out/$name.out" timeout "$PEER_TIMEOUT" "$@"; then
		R[$name.wall]=$WALL
		R[$name.rss]=$RSS
		R[$name.matches]=$(wc -l <"$WORK/out/$name.out")
	else
		R[$name.wall]=">$PEER_TIMEOUT"
	fi
}
if [ "$PEERS" = 1 ]; then
	say "12k: peers (rg, grep: one run each, a minute or two)"
	command -v rg >/dev/null && peer rg rg -F -i -w -o -f "$WORK/g12.terms" "$WORK/g12.text"
	peer grep grep -F -i -w -o -f "$WORK/g12.terms" "$WORK/g12.text"
	say "12k: peer script (Python, networkx + pyahocorasick)"
	if "$PYTHON" -c 'import networkx, ahocorasick' 2>/dev/null; then
		best_of py "$RUNS" "$PYTHON" "$ROOT/scripts/bench_peer.py" "$g12" -o "$WORK/out/g12.peer.graphml"
	else
		say "no python3-networkx or python3-ahocorasick: the script peer is skipped"
	fi
fi

# ---- the tables -----------------------------------------------------------------
v() { echo "${R[$1]:-}"; }
mb() { fmt "$(calc "${1:-0} / 1024")" "%.0f"; }
ms() { [ -n "$1" ] && fmt "$(calc "$1 * 1000")" "%.1f" || echo "-"; }
sec() {
	case $1 in
	"") echo "-" ;;
	">"*) echo "$1" ;;
	*) fmt "$1" "%.3f" ;;
	esac
}
ratio() {
	case $1 in
	"") echo "-" ;;
	">"*) echo ">$(fmt "$(calc "${1#>} / $2")" "%.0f")" ;;
	*) fmt "$(calc "$1 / $2")" "%.1f" ;;
	esac
}
sum_stages() {
	local p=$1 total=0 s x
	shift
	for s in "$@"; do
		x=$(v "$p.$s.wall")
		[ -n "$x" ] || { echo ""; return; }
		total=$(calc "$total + $x")
	done
	echo "$total"
}
# build_of SIZE: read + model + link (2 threads) + graph + GraphML + DOT.
build_of() {
	if [ "$HAVE_EXPORT" = 1 ]; then
		sum_stages "$1" read model link:2 graph export:graphml export:dot
	else
		sum_stages "$1" read model link:2
	fi
}
link_key() { [ -n "$(v "$1.link:1.wall")" ] && echo "link:1" || echo "link:2"; }
cores=$(nproc)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
LOAD_END=$(cut -d' ' -f1 /proc/loadavg)

{
echo
echo "glossgraph bench: $(date -u +%Y-%m-%d), $cores cores ($cpu), seed $SEED;" \
	"times in seconds, best of $RUNS below 100k entries (of $SHORT_RUNS for the 12k commands); load average $LOAD_START at the" \
	"start, $LOAD_END at the end (above $cores the times are inflated: compare the ratios)"
echo
echo "Stages by size (definitions ~1 KB; build = read + model + link + graph +" \
	"GraphML + DOT; peak = highest resident memory, MB)"
echo
echo "| entries | MB | concepts | edges | read | model | link 1t | link 2t | MB/s 2t | graph | graphml+dot | build | µs/entry | peak | CLI build | CLI peak |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for size in $SIZES; do
	n=$(entries_of "$size")
	build=$(build_of "$size")
	mbs=$(calc "$(v "$size.bytes_scanned") / 1e6 / $(v "$size.link:2.wall")")
	echo "| $n | $(v "$size.mb") | $(v "$size.concepts") | $(v "$size.edges") |" \
		"$(sec "$(v "$size.read.wall")") | $(sec "$(v "$size.model.wall")") |" \
		"$(sec "$(v "$size.link:1.wall")") | $(sec "$(v "$size.link:2.wall")") | $(fmt "$mbs" %.0f) |" \
		"$(sec "$(v "$size.graph.wall")") | $(sec "$(sum_stages "$size" export:graphml export:dot)") |" \
		"$(sec "$build") | $(fmt "$(calc "$build * 1e6 / $n")" %.1f) | $(mb "$(v "$size.peak_kb")") |" \
		"$(sec "$(v "$size.cli.wall")") | $( [ -n "$(v "$size.cli.rss")" ] && mb "$(v "$size.cli.rss")" || echo -) |"
done
echo
echo "Peak memory of each stage (MB)"
echo
echo "| entries | read | model | link | graph | exports (max) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for size in $SIZES; do
	exmax=$(for f in $FORMATS; do v "$size.export:$f.peak"; done | sort -n | tail -1)
	echo "| $(entries_of "$size") | $(mb "$(v "$size.read.peak")") | $(mb "$(v "$size.model.peak")") |" \
		"$(mb "$(v "$size.link:2.peak")") | $( [ -n "$(v "$size.graph.peak")" ] && mb "$(v "$size.graph.peak")" || echo -) |" \
		"$( [ -n "$exmax" ] && mb "$exmax" || echo -) |"
done
if [ "$HAVE_EXPORT" = 1 ]; then
	echo
	echo "Exports (seconds; SVG: the 150-node overview)"
	echo
	echo "| entries | ${FORMATS// / | } |"
	echo "|$(for f in entries $FORMATS; do printf ' ---: |'; done)"
	for size in $SIZES; do
		line="| $(entries_of "$size") |"
		for f in $FORMATS; do line="$line $(sec "$(v "$size.export:$f.wall")") |"; done
		echo "$line"
	done
fi

d1=$(v dict.link:1.wall); d2=$(v dict.link:2.wall)
mbs1=$(calc "$(v dict.bytes_scanned) / 1e6 / $d1")
mbs2=$(calc "$(v dict.bytes_scanned) / 1e6 / $d2")
mbs1cpu=$(calc "$(v dict.bytes_scanned) / 1e6 / $(v dict.link:1.cpu)")
echo
echo "Linking, $(v dict.concepts) terms ($(v dict.entries) entries), $(fmt "$(calc "$(v dict.bytes_scanned) / 1e6")" %.1f) MB of definitions:" \
	"1 thread $(fmt "$mbs1" %.0f) MB/s ($(sec "$d1") s; $(fmt "$mbs1cpu" %.0f) MB/s of CPU time)," \
	"2 threads $(fmt "$mbs2" %.0f) MB/s ($(sec "$d2") s, CPU $(sec "$(v dict.link:2.cpu)") s), speed-up $(fmt "$(calc "$d1 / $d2")" %.2f)x"

# mb_s NAME STAGE: MB/s of bench_match's stage over its text
mb_s() { calc "$(v "$1.text_bytes") / 1e6 / $(v "$1.$2.wall")"; }
m15=$(mb_s m15k match)
echo
echo "The matcher alone, one thread, $(fmt "$(calc "$(v m15k.text_bytes) / 1e6")" %.1f) MB of definitions (fastest scan):"
echo
echo "| patterns | MB/s | MB/s of CPU time | matches | memory | byte loop | memchr |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for m in m15k m1m; do
	[ -n "$(v $m.patterns)" ] || continue
	echo "| $(v $m.patterns) | $(fmt "$(mb_s $m match)" %.0f) | $(fmt "$(calc "$(v $m.text_bytes) / 1e6 / $(v $m.match.cpu)")" %.0f) |" \
		"$(v $m.matches) | $(mb "$(calc "$(v $m.automaton_bytes) / 1024")") MB | $(fmt "$(mb_s $m byteloop)" %.0f) MB/s | $(fmt "$(mb_s $m memchr)" %.0f) MB/s |"
done

lk=$(link_key g12)
g12_build=$(sum_stages g12 read model link:2 graph export:graphml export:dot)
echo
echo "The 12,000-entry glossary: $(v g12.mb) MB, $(v g12.concepts) concepts, $(v g12.edges) edges"
echo
echo "| stage | read | model | link 1t | link 2t | graph | graphml | dot | build | build --formats graphml,dot (CLI) | export svg --top 150 (CLI) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
echo "| seconds | $(sec "$(v g12.read.wall)") | $(sec "$(v g12.model.wall)") | $(sec "$(v g12.link:1.wall)") |" \
	"$(sec "$(v g12.link:2.wall)") | $(sec "$(v g12.graph.wall)") | $(sec "$(v g12.export:graphml.wall)") |" \
	"$(sec "$(v g12.export:dot.wall)") | $(sec "$g12_build") | $(sec "$(v g12.cli.wall)") | $(sec "$(v g12.svg.wall)") |"

if [ "$PEERS" = 1 ]; then
	gl=$(v "g12.$lk.wall")
	whole=$(v g12.cli.wall)
	[ -n "$whole" ] || whole=$g12_build
	echo
	echo "Peers on the same 12,000-entry glossary, same run ($(v g12.terms) terms, $(fmt "$(calc "$(stat -c %s "$WORK/g12.text") / 1e6")" %.1f) MB of definitions)"
	echo
	echo "| task | glossgraph | s | peer | s | peer / glossgraph | matches (glossgraph / peer) |"
	echo "| --- | --- | ---: | --- | ---: | ---: | ---: |"
	echo "| mention finding | linking, 1 thread | $(sec "$gl") | rg -F -i -w -o -f TERMS (ripgrep $(rg --version 2>/dev/null | head -1 | awk '{ print $2 }')) | $(sec "$(v rg.wall)") | $(ratio "$(v rg.wall)" "$gl") | $(v g12.mentions) / $(v rg.matches) |"
	echo "| mention finding | linking, 1 thread | $(sec "$gl") | grep -F -i -w -o -f TERMS (GNU grep $(grep --version | head -1 | awk '{ print $NF }'), $(locale charmap 2>/dev/null || echo C)) | $(sec "$(v grep.wall)") | $(ratio "$(v grep.wall)" "$gl") | $(v g12.mentions) / $(v grep.matches) |"
	echo "| whole build | $( [ -n "$(v g12.cli.wall)" ] && echo "glossgraph build (graphml, dot)" || echo "read+link+graph+graphml+dot") | $(sec "$whole") | scripts/bench_peer.py (networkx, pyahocorasick) | $(sec "$(v py.wall)") | $(ratio "$(v py.wall)" "$whole") | |"
fi

# ---- targets ---------------------------------------------------------------
verdict() { awk "BEGIN { exit !($1) }" && echo "met" || echo "MISSED"; }
echo
echo "Targets"
echo
echo "| target | measured | |"
echo "| --- | --- | --- |"
echo "| linking >= 200 MB/s on one core, 15,000 terms | $(fmt "$mbs1" %.0f) MB/s | $(verdict "$mbs1 >= 200") |"
echo "| matching >= 400 MB/s on one core, 15,000 terms | $(fmt "$m15" %.0f) MB/s | $(verdict "$m15 >= 400") |"
if [ -n "$(v m1m.patterns)" ]; then
	m1=$(mb_s m1m match)
	echo "| matching >= 200 MB/s on one core, 1,000,000 terms | $(fmt "$m1" %.0f) MB/s | $(verdict "$m1 >= 200") |"
fi
busy=""
awk "BEGIN { exit !($LOAD_START >= 0.5 || $LOAD_END >= $cores) }" &&
	busy=" (other work on the machine: load $LOAD_START to $LOAD_END; re-run it idle)"
echo "| both cores used (threads over definitions) | speed-up $(fmt "$(calc "$d1 / $d2")" %.2f)x on 2 threads$busy | $(verdict "$d1 / $d2 >= 1.5") |"
if [ -n "$g12_build" ]; then
	# as for 1M: the command decides (it writes GraphML and DOT at once); the API's stages one after the other beside it
	t12=$(v g12.cli.wall)
	[ -n "$t12" ] || t12=$g12_build
	echo "| 12k, 5 MB: read+link+graph+GraphML+DOT < 0.25 s | glossgraph build $(sec "$t12") s; API stages $(sec "$g12_build") s | $(verdict "$t12 < 0.25") |"
fi
if [ "$PEERS" = 1 ] && [ -n "$(v py.wall)" ]; then
	echo "| 12k: >= 20x faster than the script peer | $(ratio "$(v py.wall)" "$whole")x | $(verdict "$(v py.wall) / $whole >= 20") |"
fi
last=${SIZES##* }
if [ "$(entries_of "$last")" -ge 1000000 ]; then
	# the command a user runs decides; the sum of the API's stages is shown beside it
	t1m=$(build_of "$last"); p1m=$(v "$last.peak_kb")
	tcli=$(v "$last.cli.wall"); pcli=$(v "$last.cli.rss")
	[ -n "$tcli" ] || { tcli=$t1m; pcli=$p1m; }
	echo "| 1M entries (~1 GB) built < 60 s, peak < 4 GB | glossgraph build $(sec "$tcli") s, $(mb "$pcli") MB; API stages $(sec "$t1m") s, $(mb "$p1m") MB | $(verdict "$tcli < 60 && $pcli < 4 * 1024 * 1024") |"
fi
# Linear growth from the first size of 10k entries or more (below that the
# fixed costs, such as loading the word list, dominate) to the last.
first=
for size in $SIZES; do
	[ -z "$first" ] && [ "$(entries_of "$size")" -ge 10000 ] && first=$size
done
[ -n "$first" ] || first=${SIZES%% *}
if [ "$first" != "$last" ]; then
	a=$(build_of "$first"); b=$(build_of "$last")
	na=$(entries_of "$first"); nb=$(entries_of "$last")
	grow=$(calc "($b / $nb) / ($a / $na)")
	mgrow=$(calc "($(v "$last.peak_kb") / $nb) / ($(v "$first.peak_kb") / $na)")
	# the command decides here too; the API's stages summed beside it
	tgrow=$grow
	shown="API stages x$(fmt "$grow" %.2f)"
	if [ -n "$(v "$first.cli.wall")" ] && [ -n "$(v "$last.cli.wall")" ]; then
		tgrow=$(calc "($(v "$last.cli.wall") / $nb) / ($(v "$first.cli.wall") / $na)")
		shown="glossgraph build x$(fmt "$tgrow" %.2f) (API stages x$(fmt "$grow" %.2f))"
	fi
	echo "| time and memory linear from $first to $last (per entry, at most x1.5) | time per entry $shown, peak per entry x$(fmt "$mgrow" %.2f) | $(verdict "$tgrow <= 1.5 && $mgrow <= 1.5") |"
	# a bigger vocabulary finds more links per entry, and every link is
	# decided, measured and written: the same growth per link found
	lgrow=$(calc "($(v "$last.edges") / $nb) / ($(v "$first.edges") / $na)")
	echo "| the same per link found (links per entry x$(fmt "$lgrow" %.2f)) | time per link x$(fmt "$(calc "$tgrow / $lgrow")" %.2f) | $(verdict "$tgrow / $lgrow <= 1.5") |"
fi
if [ -n "$(v g12.svg.wall)" ]; then
	echo "| SVG overview of 12k < 10 s | $(sec "$(v g12.svg.wall)") s | $(verdict "$(v g12.svg.wall) < 10") |"
fi
echo
echo "(raw per-run figures: $WORK/runs)"
} | tee "$WORK/results.md"
