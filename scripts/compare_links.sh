#!/bin/bash
# compare_links.sh - show that two builds of glossgraph link the same way.
#
#   scripts/compare_links.sh [-k] OLD_BIN NEW_BIN INPUT...
#
# For each INPUT (a page, a directory of pages or an HTML glossary, as -i
# takes it) runs `glossgraph build --all` with every format but SVG and
# HTML (the graph's layout is not what is compared) and `glossgraph export
# tsv --all` with both binaries, and compares every file byte for byte.
# Prints one line per input, "same" or "DIFFERENT" (with the first lines
# of the diff), and exits 1 if any input differs, 2 on a usage error or a
# build that fails. -k keeps the work directory and prints its path.
set -euo pipefail

keep=0
if [ "${1:-}" = -k ]; then
	keep=1
	shift
fi
if [ $# -lt 3 ]; then
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2
	exit 2
fi
old=$1 new=$2
shift 2
work=$(mktemp -d -t compare_links.XXXXXX)
if [ "$keep" = 1 ]; then
	echo "compare_links: work directory $work" >&2
else
	trap 'rm -rf "$work"' EXIT
fi
formats=dot,graphml,gexf,tsv,csv,json,graphology,cytoscape,neo4j,skos

status=0
n=0
for input in "$@"; do
	n=$((n + 1))
	for side in old new; do
		bin=$old
		[ "$side" = new ] && bin=$new
		out=$work/$n/$side
		mkdir -p "$out"
		if ! "$bin" build -q --all -i "$input" -o "$out" --formats "$formats" 2>"$out.err" ||
			! "$bin" export tsv --all -q -i "$input" -o "$out/export.tsv" 2>>"$out.err"; then
			echo "compare_links: $side binary failed on $input:" >&2
			sed 's/^/  /' "$out.err" >&2
			exit 2
		fi
	done
	if diff -r "$work/$n/old" "$work/$n/new" >"$work/$n.diff"; then
		echo "same       $input ($(cat "$work/$n/new"/* | wc -c) bytes)"
	else
		echo "DIFFERENT  $input"
		head -20 "$work/$n.diff" | sed 's/^/  /'
		status=1
	fi
done
exit $status
