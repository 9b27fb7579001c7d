#!/usr/bin/env bash
# scaling.sh - every stage stays linear: the CPU time of a command on an
# input and on one four times larger, checked as a ratio (never against a
# clock). Linear work gives about 4, quadratic about 16; the bound (8)
# leaves room for a loaded machine and n log n steps.
# usage: tests/cli/scaling.sh path/to/glossgraph
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2
BOUND=8
SMALL=8000

# cpu FILE ARGS...: user + system seconds of `glossgraph ARGS -q -i FILE`
cpu() {
	local file=$1
	shift
	{ TIMEFORMAT='%3U %3S'; time "$BIN" "$@" -q -i "$file" >/dev/null 2>&1; } 2>&1 |
		awk '{ print $1 + $2 }'
}

# ratio A B: B / A, with a floor of 10 ms under A so that a near-zero time
# does not inflate it
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a < 0.01) a = 0.01; printf "%.1f", b / a }'; }

# scales NAME SMALL_FILE LARGE_FILE ARGS...: the ratio of the two CPU times
# is below BOUND; measured again (the better of two) when it is not, as a
# busy machine can slow one run
scales() {
	local name=$1 small=$2 large=$3
	shift 3
	begin "$name scales linearly"
	local a b r
	a=$(cpu "$small" "$@")
	b=$(cpu "$large" "$@")
	r=$(ratio "$a" "$b")
	if ! awk -v r="$r" -v m="$BOUND" 'BEGIN { exit !(r < m) }'; then
		a=$(awk -v x="$a" -v y="$(cpu "$small" "$@")" 'BEGIN { print (y < x ? y : x) }')
		b=$(awk -v x="$b" -v y="$(cpu "$large" "$@")" 'BEGIN { print (y < x ? y : x) }')
		r=$(ratio "$a" "$b")
	fi
	echo "scaling.sh: $name: ${a}s -> ${b}s, x$r"
	awk -v r="$r" -v m="$BOUND" 'BEGIN { exit !(r < m) }' ||
		fail "x$r for 4 times the input (bound $BOUND)"
}

tests/adversarial/make-glossary.sh "$SMALL" >"$TMP/small.txt"
tests/adversarial/make-glossary.sh $((4 * SMALL)) >"$TMP/large.txt"
# one definition of 6.5 MB and of 26 MB, naming a term every few words
long_page() {
	printf 'alpha, cat\n\n**Alpha** is first.\n\nbeta, cat\n\n**Beta** '
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "then alpha and some words, " }'
	printf 'end.\n'
}
long_page 250000 >"$TMP/long-small.txt"
long_page 1000000 >"$TMP/long-large.txt"
# one definition that is a single token naming a term 20,000 and 80,000
# times ("b[b[b[...": each mention is checked for code around it)
token_page() {
	printf 'Term,Definition\nb,A letter.\na,"'
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "b[" }'
	printf '"\n'
}
token_page 20000 >"$TMP/token-small.csv"
token_page 80000 >"$TMP/token-large.csv"

scales "the text page reader (terms)" "$TMP/small.txt" "$TMP/large.txt" terms --tsv
scales "a long definition (terms)" "$TMP/long-small.txt" "$TMP/long-large.txt" terms --tsv
scales "the linker (check)" "$TMP/small.txt" "$TMP/large.txt" check
scales "the linker on a long definition (check)" "$TMP/long-small.txt" "$TMP/long-large.txt" check
scales "the linker on a definition of one long token (check)" "$TMP/token-small.csv" "$TMP/token-large.csv" check
scales "the graph (stats)" "$TMP/small.txt" "$TMP/large.txt" stats
for format in dot graphml gexf svg tsv csv json neo4j; do
	scales "export $format" "$TMP/small.txt" "$TMP/large.txt" export "$format" -o "$TMP/out.$format"
done
# an alias made of quotes, each escaped in the GEXF list of aliases
quotes() {
	"$PYTHON" -c 'import sys; n = int(sys.argv[1]); sys.stdout.write("term,definition,aliases\nalpha,The first; see beta.,\"x" + "\"\"" * n + "\"\nbeta,The second.,\n")' "$1"
}
quotes 50000 >"$TMP/quotes-small.csv"
quotes 200000 >"$TMP/quotes-large.csv"
scales "export gexf of an alias of quotes" "$TMP/quotes-small.csv" "$TMP/quotes-large.csv" export gexf -o "$TMP/quotes.gexf"
# a folder of notes, the second run replacing the first's
scales "export vault" "$TMP/small.txt" "$TMP/large.txt" export vault -o "$TMP/vault"

finish
