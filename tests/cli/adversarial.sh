#!/usr/bin/env bash
# adversarial.sh - the adversarial corpus (tests/adversarial): each case's
# exit status and message, every export of it valid for the real readers,
# and the case's own point (same graph for CRLF as LF, one concept for NFC
# and NFD, no self-links, ...).
# usage: tests/cli/adversarial.sh path/to/glossgraph
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2
VALIDATE=$SCHEMAS_DIR/validate.sh
CASES=$TMP/cases
tests/adversarial/make-cases.sh "$CASES"

# DOT is read back by graphviz's own parser (cgraph, through pygraphviz).
# validate.sh's `dot -Tcanon` also lays the graph out, which takes graphviz
# many minutes on 50,000 terms; it checks the smaller files.
valid_dot() {
	"$PYTHON" -c 'import pygraphviz, sys; pygraphviz.AGraph(sys.argv[1])' "$1" 2>/dev/null
}

# the edge list without evidence (which names the file and its offsets)
edges() { cut -f1-5 "$1/glossary.tsv"; }
concepts() { "$BIN" terms -q --tsv -i "$1" | tail -n +2 | wc -l; }

while IFS=$'\t' read -r name code pattern what; do
	case "$name" in "#"* | "") continue ;; esac
	begin "$name: $what"
	out=$TMP/built/$name
	[ "$pattern" = - ] && pattern=
	run build -q -i "$CASES/$name" -o "$out" --formats dot,graphml,gexf,svg,tsv,json
	expect "$code" "" "$pattern"
	[ "$code" -eq 0 ] || continue
	formats="graphml gexf svg"
	[ "$(stat -c %s "$out/glossary.dot")" -lt 2000000 ] && formats="dot $formats"
	for format in $formats; do
		"$VALIDATE" "$format" "$out/glossary.$format" >"$TMP/validate" 2>&1 ||
			fail "$format invalid: $(tail -1 "$TMP/validate")"
	done
	valid_dot "$out/glossary.dot" || fail "DOT not read back"
	"$PYTHON" -m json.tool "$out/glossary.json" >/dev/null 2>&1 || fail "JSON invalid"
	[ -z "$(awk -F'\t' 'NR > 1 && $1 == $2' "$out/glossary.tsv")" ] || fail "a self-link"
done <tests/adversarial/cases.tsv

begin "BOM, CRLF, lone CR and UTF-16 give the graph of LF"
for name in bom.txt crlf.txt cr.txt utf16le.txt utf16be-crlf.txt; do
	cmp -s <(edges "$TMP/built/lf.txt") <(edges "$TMP/built/$name") || fail "$name differs"
done

begin "terms differing only in case, or in NFC/NFD, are one concept"
[ "$(concepts "$CASES/case-only.txt")" -eq 1 ] || fail "case-only: $(concepts "$CASES/case-only.txt") concepts"
[ "$(concepts "$CASES/nfc-nfd.txt")" -eq 2 ] || fail "nfc-nfd: $(concepts "$CASES/nfc-nfd.txt") concepts"

begin "the longest term wins"
grep -q "^User	Neural Tangent Kernel	2	mention" "$TMP/built/substrings.txt/glossary.tsv" || fail "no User -> NTK (2 mentions)"
grep -qE "^User	(Tangent Kernel|Kernel)	" "$TMP/built/substrings.txt/glossary.tsv" && fail "a term inside a longer one linked"

begin "a definition naming itself has no edge"
[ "$(wc -l <"$TMP/built/self-mention.txt/glossary.tsv")" -eq 1 ] || fail "edges in self-mention"

begin "paths through a cycle and along the 50,000-term chain"
run path -q --keep-all -i "$CASES/cycle.txt" gamma beta
expect 0 "Alpha"
run path -q -i "$CASES/chain-50000.txt" "chain term 00000" "chain term 00300"
expect 0 "Chain Term 00299"

begin "output is the same whichever order the pages are given in"
run build -q -i "$CASES/order/2.txt" -i "$CASES/order/1.txt" -o "$TMP/order-21" --formats dot,graphml,gexf,tsv,json
run build -q -i "$CASES/order/1.txt" -i "$CASES/order/2.txt" -o "$TMP/order-12" --formats dot,graphml,gexf,tsv,json
diff -r "$TMP/order-12" "$TMP/order-21" >/dev/null || fail "outputs differ"

begin "faults: an output that is an input through a symlink is refused"
cp data/000_fca2964c48dbdb34.txt "$TMP/page.txt"
ln -s "$TMP/page.txt" "$TMP/link.tsv"
run export tsv -q -i "$TMP/page.txt" -o "$TMP/link.tsv"
expect 1 "" "will not write '.*link.tsv': it is an input"
cmp -s "$TMP/page.txt" data/000_fca2964c48dbdb34.txt || fail "the input changed"

begin "faults: a closed standard output is an error, for every kind of command"
for args in "terms" "export tsv -o -" "top" "show NTK"; do
	RC=0
	# shellcheck disable=SC2086
	"$BIN" $args -q -i data >&- 2>"$TMP/err" || RC=$?
	expect 1 "" "cannot write to standard output"
done

finish
