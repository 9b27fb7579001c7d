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

FORMATS="dot graphml gexf svg tsv csv json graphology cytoscape skos html"
FILES="glossary.dot glossary.graphml glossary.gexf glossary.svg glossary.tsv glossary.csv
glossary.json glossary.graphology.json glossary.cytoscape.json glossary.ttl glossary.html glossary.nodes.csv
glossary.relationships.csv glossary.sqlite nas.svg"

# extension FORMAT: the extension of the file build writes in that format.
extension() {
	case "$1" in
	graphology | cytoscape) echo "$1.json" ;;
	skos) echo ttl ;;
	*) echo "$1" ;;
	esac
}

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
[ "$(ls -A "$TMP/g" | wc -l)" -eq 15 ] || fail "other files: $(ls -A "$TMP/g")"

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

begin "graphology reads the GEXF, GraphML and graphology JSON as sigma.js and Gephi Lite do"
node "$TOP/tests/js/readback.mjs" "$TMP/g" >"$TMP/r.out" 2>&1 ||
	fail "$(grep -v ': OK' "$TMP/r.out" | head -5)"

begin "networkx 3.4 or later reads the JSON with node_link_graph(d)"
if python3 -c 'import networkx as nx, sys; sys.exit(tuple(map(int, nx.__version__.split(".")[:2])) < (3, 4))' 2>/dev/null; then
	python3 -c 'import json, sys, networkx as nx
g = nx.node_link_graph(json.load(open(sys.argv[1])))
sys.exit(not (g.is_directed() and g.is_multigraph() and g.number_of_edges() > 0))' "$TMP/g/glossary.json" ||
		fail "node_link_graph(d) failed"
else
	echo "  (skipped: no networkx 3.4 or later on PATH)"
fi

begin "the DOT names no layout: dot, neato and sfdp each read and draw it"
grep -q "layout=" "$TMP/g/glossary.dot" && fail "the DOT sets a layout"
for engine in dot neato sfdp; do
	"$engine" -Tsvg "$TMP/g/glossary.dot" >"$TMP/engine.svg" 2>"$TMP/engine.err" &&
		[ ! -s "$TMP/engine.err" ] && grep -q "<svg" "$TMP/engine.svg" ||
		fail "$engine: $(head -2 "$TMP/engine.err")"
done

begin "SKOS: IRIs start with --base-iri; a base that is no IRI is refused"
run export skos -q -i data --base-iri "urn:example:terms:"
expect 0 "<urn:example:terms:scheme>"
grep -q "https://example.org/glossary/" "$TMP/out" && fail "the default base IRI is still used"
run export skos -q -i data --base-iri "not an iri"
expect 1 "" "is not an IRI to build on"

begin "the same input gives byte-identical files"
run build -q -i data -o "$TMP/again" --focus NAS
expect 0
for f in $FILES; do cmp -s "$TMP/g/$f" "$TMP/again/$f" || fail "$f differs"; done

begin "export -o - writes to standard output what build writes to a file"
for f in $FORMATS; do
	run export "$f" -q -i data -o -
	[ "$RC" -eq 0 ] && cmp -s "$TMP/out" "$TMP/g/glossary.$(extension "$f")" ||
		fail "$f differs (exit $RC)"
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
awk -F'\t' 'NR > 1 && $NF !~ /^(|low-score|case-clash|stop-term|min-weight|in-code)$/ { exit 1 }' "$TMP/out" ||
	fail "held column"
[ "$(wc -l <"$TMP/out")" -ge "$(wc -l <"$TMP/g/glossary.tsv")" ] || fail "fewer rows than without --all"

begin "Neo4j headers"
head -1 "$TMP/g/glossary.nodes.csv" | grep -q "^id:ID,.*,:LABEL$" || fail "nodes header"
head -1 "$TMP/g/glossary.relationships.csv" | grep -q "^:START_ID,:END_ID,:TYPE,weight:int,.*specificity:double" ||
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
	case $f in *.sqlite) continue ;; esac # binary; store.sh reads it back
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

begin "formulas: no CSV, TSV or Neo4j cell begins with = + - @, and the text comes back"
mkdir -p "$TMP/formulas"
printf '%s\n\n' '=cmd|calc, formulas' '**=cmd|calc** runs @home and +1 rule.' \
	'@home, formulas' '**@home** names =cmd|calc.' '+1 rule, formulas' \
	'**+1 rule** names @home and -minus and ends in a backslash\' \
	'-minus, formulas' '**-minus** names "+1 rule", quoted\' >"$TMP/formulas/f.txt"
run build -q -i "$TMP/formulas" -o "$TMP/fo" --formats csv,tsv,neo4j,json
expect 0
readback "$TMP/fo"
grep -q "^'=cmd|calc,'@home," "$TMP/fo/glossary.csv" || fail "no ' before =cmd|calc"

begin "a 17,000-character term: label cut with an ellipsis, name whole; DOT and SVG read"
mkdir -p "$TMP/long"
LONG=$(printf 'x%.0s' $(seq 17000))
printf '<html><body><dl><dt>%s</dt><dd>A long word that names graph.</dd><dt>graph</dt><dd>Graph is named by the %s word.</dd></dl></body></html>\n' \
	"$LONG" "$LONG" >"$TMP/long/long.html"
run build -q -i "$TMP/long" -o "$TMP/lo" --formats dot,svg,json,gexf
expect 0
validate dot "$TMP/lo/glossary.dot"
validate svg "$TMP/lo/glossary.svg"
validate gexf "$TMP/lo/glossary.gexf"
"$PYTHON" -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(not any(len(n["label"]) == 80 and n["label"].endswith("\u2026") and len(n["name"]) == 17000
                 for n in d["nodes"]))' "$TMP/lo/glossary.json" || fail "label not cut, or name not whole"

# check_vault DIR JSON: a note per node, safe names, every wikilink resolves.
check_vault() {
	"$PYTHON" - "$1" "$2" <<'EOF2' || fail "vault $1: $(cat "$TMP/vault.err")"
import json, os, re, sys
folder, nodes = sys.argv[1], json.load(open(sys.argv[2]))['nodes']
notes = [f for f in os.listdir(folder) if f.endswith('.md')]
problems = []
if len(notes) != len(nodes):
    problems.append('%d notes for %d nodes' % (len(notes), len(nodes)))
reserved = {'con', 'prn', 'aux', 'nul'} | {'com%d' % i for i in range(1, 10)} | {'lpt%d' % i for i in range(1, 10)}
for f in notes:
    stem = f[:-3]
    if (re.search(r'[/\\:*?"<>|#^\[\]\x00-\x1f]', stem) or stem.startswith(('.', ' ')) or
            stem.endswith(('.', ' ')) or stem.split('.')[0].lower() in reserved or len(stem.encode()) > 124):
        problems.append('unsafe name %r' % f)
if len({f.lower() for f in notes}) != len(notes):
    problems.append('names that differ only in case')
stems = {f[:-3] for f in notes}
for f in notes:
    text = open(os.path.join(folder, f), encoding='utf-8').read()
    if not text.startswith('---\naliases: [') or '\ncommunity_name: "' not in text:
        problems.append('%s: no front matter' % f)
    for link in re.findall(r'\[\[([^\]|]+)', text):
        if link not in stems:
            problems.append('%s: [[%s]] names no note' % (f, link))
open(os.environ['TMP'] + '/vault.err', 'w').write('; '.join(problems[:3]))
sys.exit(1 if problems else 0)
EOF2
}

begin "vault: a note per term with front matter, safe names, wikilinks that resolve"
export TMP
run export vault -q -i data -o "$TMP/vault"
expect 0
check_vault "$TMP/vault" "$TMP/g/glossary.json"
grep -q "^## Mentions" "$TMP/vault"/*.md || fail "no mentions section"
run export vault -q -i "$TMP/nasty" -o "$TMP/nvault"
expect 0
check_vault "$TMP/nvault" "$TMP/n/glossary.json"

begin "vault: a second export replaces the notes, keeps .obsidian and the user's own notes; another folder is refused"
mkdir -p "$TMP/vault/.obsidian" && echo '{}' >"$TMP/vault/.obsidian/app.json"
echo "mine" >"$TMP/vault/My own note.md"
run export vault -q -i data -o "$TMP/vault"
expect 0
[ -f "$TMP/vault/.obsidian/app.json" ] || fail ".obsidian lost"
[ "$(cat "$TMP/vault/My own note.md" 2>/dev/null)" = mine ] || fail "the user's own note lost"
rm -f "$TMP/vault/My own note.md"
check_vault "$TMP/vault" "$TMP/g/glossary.json"
mkdir -p "$TMP/mine" && echo keep >"$TMP/mine/notes.txt"
run export vault -q -i data -o "$TMP/mine"
expect 1 "" "will not replace"
[ "$(ls -A "$TMP/mine")" = notes.txt ] || fail "the folder changed: $(ls -A "$TMP/mine")"
[ "$(ls -A "$TMP" | grep -c '\.tmp-')" -eq 0 ] || fail "a temporary folder is left"
run export vault -q -i data
expect 2 "" "give -o a folder"

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

begin "a big glossary: at most 3% overlapping node pairs per node in every drawn format"
run build -q -i "$TMP/big.txt" -o "$TMP/bigg" --formats json,graphml,gexf,graphology
expect 0
readback "$TMP/bigg"
node "$TOP/tests/js/readback.mjs" "$TMP/bigg" >"$TMP/r.out" 2>&1 ||
	fail "$(grep -v ': OK' "$TMP/r.out" | head -5)"

begin "a big glossary: the overview keeps the most central terms and reads"
run export svg -q -i "$TMP/big.txt" -o "$TMP/big.svg"
expect 0
validate svg "$TMP/big.svg"
[ "$(grep -c 'class="node"' "$TMP/big.svg")" -eq 150 ] || fail "not 150 terms"
"$PYTHON" -c 'import re, sys
svg = open(sys.argv[1]).read()
m = re.search(r"<svg width=\"([0-9.]+)pt\" height=\"([0-9.]+)pt\"\s+viewBox=", svg)
sys.exit(not (m and float(m.group(1)) <= 1200.5 and float(m.group(2)) <= 750.5))' "$TMP/big.svg" ||
	fail "the overview does not fit 1600 x 1000 pixels with a viewBox"

begin "a crowded focus map is drawn in seconds, not routed edge by edge"
# a hub that 200 terms name, each naming the next: a crowd around the focus
"$PYTHON" - "$TMP/hub.txt" <<'EOF2'
import sys
with open(sys.argv[1], "w") as f:
    f.write("flux capacitor, cat\n\n**Flux Capacitor** is the centre.\n\n")
    for i in range(200):
        f.write("spoke %d, cat\n\n**Spoke %d** turns round the flux capacitor, see spoke %d.\n\n"
                % (i, i, (i + 1) % 200))
EOF2
timeout 120 "$BIN" export svg -q -i "$TMP/hub.txt" --focus "flux capacitor" -o "$TMP/hub.svg" || fail "the crowded focus map failed"
validate svg "$TMP/hub.svg"
[ "$(grep -c 'class="edge"' "$TMP/hub.svg")" -gt 100 ] || fail "not the crowd's edges"

begin "a focus map: the focus is the biggest label, in bold"
"$PYTHON" - "$TMP/g/nas.svg" <<'EOF2' || fail "the focus is not the one biggest bold label"
import re, sys
svg = open(sys.argv[1]).read()
texts = re.findall(r'<text [^>]*?(font-weight="bold" )?font-size="([0-9.]+)">([^<]*)</text>', svg)
bold = [t for t in texts if t[0]]
sys.exit(not (len(bold) == 1 and bold[0][2] == 'Neural Architecture Search' and
              float(bold[0][1]) == max(float(t[1]) for t in texts)))
EOF2

finish
