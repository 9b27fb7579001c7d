#!/usr/bin/env bash
# export.sh - black-box tests of `glossgraph build` and `glossgraph export`:
# every format validated (../shared/schemas/validate.sh) and read back with
# real readers (graphviz, xmllint, networkx, igraph), byte-identical runs,
# atomic writes that leave an old file alone, refusals and caps.
# usage: tests/cli/export.sh path/to/glossgraph   (run from anywhere)
# Environment: SCHEMAS_DIR (default ../shared/schemas beside the repo),
# PYTHON (default /usr/bin/python3, the one with Debian's networkx).
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2
VALIDATE=$SCHEMAS_DIR/validate.sh
READBACK=$TOP/tests/readback.py

FORMATS="dot graphml gexf svg tsv csv json html"
FILES="glossary.dot glossary.graphml glossary.gexf glossary.svg glossary.tsv glossary.csv
glossary.json glossary.nodes.csv glossary.relationships.csv glossary.html nas.svg"

# validate KIND FILE: the shared validator must accept it.
validate() {
	"$VALIDATE" "$1" "$2" >"$TMP/v.out" 2>&1 || { fail "validate.sh $1 $2: $(tail -3 "$TMP/v.out")"; return 0; }
}

# readback DIR [STEM]: every export read back and compared.
readback() {
	"$PYTHON" "$READBACK" "$@" >"$TMP/r.out" 2>&1 || fail "readback: $(grep -v '^readback: OK' "$TMP/r.out" | head -5)"
}

begin "the validator is there"
[ -x "$VALIDATE" ] || fail "no $VALIDATE (set SCHEMAS_DIR)"

begin "build writes every format of the seed graph, and the map around NAS"
run build -q -i data -o "$TMP/g" --focus NAS
expect 0
for f in $FILES; do [ -s "$TMP/g/$f" ] || fail "no $f"; done
[ "$(ls -A "$TMP/g" | wc -l)" -eq 11 ] || fail "other files: $(ls -A "$TMP/g")"

begin "build tells what it wrote"
run build -i data -o "$TMP/told" --formats tsv,neo4j
expect 0 "" "wrote $TMP/told/glossary.tsv"
grep -q "wrote $TMP/told/glossary.nodes.csv and $TMP/told/glossary.relationships.csv" "$TMP/err" ||
	fail "neo4j files not told"
[ "$(ls "$TMP/told" | wc -l)" -eq 3 ] || fail "--formats not kept: $(ls "$TMP/told")"

begin "DOT, GraphML, GEXF and both SVGs pass validate.sh"
for k in dot graphml gexf svg; do validate "$k" "$TMP/g/glossary.$k"; done
validate svg "$TMP/g/nas.svg"

begin "every format reads back with the same nodes, edges and attributes"
readback "$TMP/g"

begin "the same input gives byte-identical files"
run build -q -i data -o "$TMP/again" --focus NAS
expect 0
for f in $FILES; do cmp -s "$TMP/g/$f" "$TMP/again/$f" || fail "$f differs"; done

begin "export -o - writes to standard output what build writes to a file"
for f in $FORMATS; do
	run export "$f" -q -i data -o -
	[ "$RC" -eq 0 ] && cmp -s "$TMP/out" "$TMP/g/glossary.$f" || fail "$f differs (exit $RC)"
done
run export svg --focus nas -q
cmp -s "$TMP/out" "$TMP/g/nas.svg" || fail "focus map differs"

begin "export -o FILE writes the file and says so"
run export gexf -i data -o "$TMP/one.gexf"
expect 0 "" "wrote $TMP/one.gexf"
cmp -s "$TMP/one.gexf" "$TMP/g/glossary.gexf" || fail "differs from build's"

begin "TSV: the linker's columns and values"
head -1 "$TMP/g/glossary.tsv" | grep -q "^source	target	weight	kind	rule	evidence	" || fail "header"
awk -F'\t' 'NR > 1 && $4 !~ /^(mention|editor|category|keyword)$/ { exit 1 }' "$TMP/g/glossary.tsv" ||
	fail "a kind outside mention/editor/category/keyword"
awk -F'\t' 'NR > 1 && $5 !~ /^(exact|case-folded|inflected|abbreviation|alias|header|href)$/ { exit 1 }' \
	"$TMP/g/glossary.tsv" || fail "an unknown rule"
awk -F'\t' 'NR > 1 && $6 !~ /:[0-9]+(: |$)/ { exit 1 }' "$TMP/g/glossary.tsv" ||
	fail "evidence is not file:offset: snippet"
grep -q "	mention	" "$TMP/g/glossary.tsv" || fail "no mention edge"

begin "TSV --all: held edges too, with why"
run export tsv --all -q -i data
expect 0 "	held$"
awk -F'\t' 'NR > 1 && $NF !~ /^(|generic|case-clash|stop-term|min-weight)$/ { exit 1 }' "$TMP/out" ||
	fail "held column"
[ "$(wc -l <"$TMP/out")" -ge "$(wc -l <"$TMP/g/glossary.tsv")" ] || fail "fewer rows than without --all"

begin "Neo4j headers"
head -1 "$TMP/g/glossary.nodes.csv" | grep -q "^id:ID,.*,:LABEL$" || fail "nodes header"
head -1 "$TMP/g/glossary.relationships.csv" | grep -q "^:START_ID,:END_ID,:TYPE,weight:float" ||
	fail "relationships header"

begin "a full disk fails, says why, exits 1"
run export dot -q -i data -o /dev/full
expect 1 "" "cannot write '/dev/full': No space left on device"

begin "a failed write leaves the old file as it was and no temporary file"
mkdir -p "$TMP/keep"
echo "old content" >"$TMP/keep/glossary.graphml"
# a file size limit stands in for a full disk: writes past 1 KB fail
RC=0
(trap '' XFSZ; ulimit -f 1; exec "$BIN" export graphml -q -i data -o "$TMP/keep/glossary.graphml") \
	>"$TMP/out" 2>"$TMP/err" || RC=$?
expect 1 "" "cannot write '.*glossary.graphml': File too large"
[ "$(cat "$TMP/keep/glossary.graphml")" = "old content" ] || fail "old file changed"
[ "$(ls -A "$TMP/keep")" = glossary.graphml ] || fail "left behind: $(ls -A "$TMP/keep")"

begin "build into an unwritable place fails and says why"
run build -q -i data -o /proc/no-such-dir
expect 1 "" "cannot make folder '/proc/no-such-dir'"
run export dot -q -i data -o "$TMP/no/such/folder/x.dot"
expect 1 "" "cannot write in '$TMP/no/such/folder'"
run export dot -q -i data -o "$TMP"
expect 1 "" "it is a folder"
run export dot -q -i data -o /dev/null
expect 0

begin "an output that is an input is refused"
mkdir -p "$TMP/in"
cp data/000_fca2964c48dbdb34.txt "$TMP/in/page.txt"
cp "$TMP/in/page.txt" "$TMP/page.orig"
run export tsv -q -i "$TMP/in/page.txt" -o "$TMP/in/page.txt"
expect 1 "" "will not write '.*page.txt': it is an input"
cmp -s "$TMP/in/page.txt" "$TMP/page.orig" || fail "input changed"
run export dot -q -i "$TMP/in" -o "$TMP/in/graph.dot"
expect 1 "" "in an input folder"
[ ! -e "$TMP/in/graph.dot" ] || fail "wrote into the input folder"
run build -q -i "$TMP/in" -o "$TMP/in"
expect 1 "" "will not write"
[ "$(ls -A "$TMP/in")" = page.txt ] || fail "wrote into the input folder: $(ls -A "$TMP/in")"

begin "usage errors exit 2, an unknown focus exits 1"
run export png -q
expect 2 "" "unknown format 'png'"
run export neo4j -q
expect 2 "" "give -o a path stem"
run export svg --top many -q
expect 2 "" "--top takes a whole number"
run build --formats dot,gif -q -o "$TMP/x"
expect 2 "" "unknown format 'gif'"
run export svg --focus "no such thing at all" -q
expect 1 "" "no term 'no such thing at all'"
for cmd in build export; do
	run "$cmd" --help
	[ "$RC" -eq 0 ] && grep -q "^usage: glossgraph $cmd" "$TMP/out" || fail "$cmd --help"
done

# A page of nasty names, in a file whose name is not UTF-8 either.
NASTY="$TMP/nasty/bad"$'\001'"name"$'\377'".txt"
mkdir -p "$TMP/nasty"
{
	printf 'back\\N slash\\, odd names\n\n**Back\\N slash\\** ends in a backslash and names quote "marks" and amp &#1; entity.\n\n'
	printf 'quote "marks", odd names\n\n**Quote "marks"** follow back slash and amp &#1; entity.\n\n'
	printf 'amp &#1; entity, odd names\n\n**Amp &#1; entity** <b>is</b> ]]> named by back slash\\N.\n\n'
	printf 'ctrl\001 bytes\377 here, odd names\n\n**Ctrl\001 bytes\377 here** name quote "marks" and back slash.\n\n'
	printf 'graph, odd names\n\n**graph** names amp &#1; entity, back slash and quote "marks".\n'
} >"$NASTY"

begin "nasty names: every format written"
run build -q -i "$TMP/nasty" -o "$TMP/n" --focus graph
expect 0
for f in $FILES; do
	[ "$f" = nas.svg ] && f=graph.svg
	[ -s "$TMP/n/$f" ] || fail "no $f"
done

begin "nasty names: nothing XML forbids reaches a file"
for f in "$TMP"/n/*; do
	"$PYTHON" - "$f" <<'EOF' || fail "$(basename "$f") has raw control bytes or invalid UTF-8"
import re, sys
data = open(sys.argv[1], 'rb').read()
text = data.decode('utf-8')  # raises on invalid UTF-8
sys.exit(1 if re.search('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]', text) else 0)
EOF
done

begin "nasty names: DOT, GraphML, GEXF and SVG pass validate.sh"
for k in dot graphml gexf svg; do validate "$k" "$TMP/n/glossary.$k"; done
validate svg "$TMP/n/graph.svg"
xmllint --noout --nonet "$TMP/n/glossary.svg" 2>"$TMP/x.err" || fail "xmllint: $(head -2 "$TMP/x.err")"

begin "nasty names: every format reads back the same"
readback "$TMP/n"

# A big glossary: 2,000 invented terms, each naming three others.
begin "past the layout cap, SVG refuses and points to --top and --focus"
awk 'BEGIN {
	split("ka lo mi nu pe ra si to vu wa xe yo za be co", s, " ")
	for (i = 0; i < 2000; i++) {
		name[i] = s[i % 15 + 1] s[int(i / 15) % 15 + 1] s[int(i / 225) % 15 + 1] "tron"
	}
	for (i = 0; i < 2000; i++) {
		printf "%s, inventions\n\n**%s** is made of %s, %s and %s.\n\n", name[i], name[i],
			name[(i * 7 + 1) % 2000], name[(i * 13 + 5) % 2000], name[(i * 31 + 11) % 2000]
	}
}' >"$TMP/big.txt"
run export svg --top 0 -q -i "$TMP/big.txt" -o "$TMP/big.svg"
expect 1 "" "more than a layout can take .*--top N.*--focus TERM"
[ ! -e "$TMP/big.svg" ] || fail "a file was written"

begin "a big glossary: the overview keeps the most central terms and reads"
run export svg -q -i "$TMP/big.txt" -o "$TMP/big.svg"
expect 0
validate svg "$TMP/big.svg"
[ "$(grep -c 'class="node"' "$TMP/big.svg")" -eq 150 ] || fail "not 150 terms"

finish
