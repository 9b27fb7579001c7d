#!/usr/bin/env bash
# graph.sh - black-box tests of the graph queries: neighbors, related, path,
# top, communities and stats, on the seed pages and on small made-up pages.
# usage: tests/cli/graph.sh path/to/glossgraph   (run.sh calls it)
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

# valid_json: the last output parses as JSON.
valid_json() {
	"$PYTHON" -m json.tool "$TMP/out" >/dev/null 2>&1 || fail "invalid JSON"
}

# tsv_header WORD: the first column of the TSV header row is WORD.
tsv_header() {
	[ "$(head -1 "$TMP/out" | cut -f1)" = "$1" ] || fail "TSV header: $(head -1 "$TMP/out")"
}

begin "neighbors of NTK NAS, out: the kernel and the search"
run neighbors "neural tangent kernel nas" --out -q
expect 0 "^Neural Tangent Kernel NAS -> Neural Tangent Kernel  \[mention, [0-9]+\]"
grep -q "^Neural Tangent Kernel NAS -> Neural Architecture Search  \[" "$TMP/out" || fail "no NAS"
grep -q "^[^ ].* -> Neural Tangent Kernel NAS " "$TMP/out" && fail "an incoming edge with --out"

begin "neighbors NTK --in: NTK NAS links to it"
run neighbors NTK --in -q
expect 0 "^Neural Tangent Kernel NAS -> Neural Tangent Kernel  \[mention"

begin "neighbors: evidence snippet, TSV, JSON"
run neighbors NTK --in -q --tsv
expect 0 "	in	Neural Tangent Kernel NAS	Neural Tangent Kernel NAS	Neural Tangent Kernel	mention	"
tsv_header depth
grep -q "use neural tangent kernel properties" "$TMP/out" || fail "no snippet"
run neighbors "neural tangent kernel nas" --json -q
expect 0 '"direction": "out"'
valid_json

begin "neighbors --depth 2 reaches further, lines led by the hop count"
run neighbors NTK --in --depth 2 -q
expect 0 "^1  Neural Tangent Kernel NAS -> Neural Tangent Kernel "
run neighbors NAS --both --depth 2 -q
expect 0 "^2  .* -> "

begin "neighbors --min-weight keeps heavy links only"
run neighbors "neural tangent kernel nas" --out --min-weight 3 -q
expect 0 "-> Neural Tangent Kernel "
grep -q "Neural Architecture Search" "$TMP/out" && fail "a light link kept"

begin "neighbors: no such term, usage errors"
run neighbors "neural tangent kernal nass" -q
expect 1 "" "no term 'neural tangent kernal nass'; did you mean"
grep -q "Neural Tangent Kernel" "$TMP/err" || fail "no suggestion"
run neighbors "xavier glorot" -q
expect 1 "" "'xavier glorot' is not in the graph \(a header keyword only one concept lists"
run neighbors
expect 2 "" "missing argument"
run neighbors NTK --depth 0
expect 2 "" "--depth"
run neighbors NTK --depth x
expect 2 "" "whole number"

begin "related NAS: the NAS methods first, each with reasons"
run related NAS -q
expect 0 "^ 1\. "
head -3 "$TMP/out" | grep -q "Neural Tangent Kernel NAS (.*): it links to Neural Architecture Search" ||
	fail "NTK NAS not in the first three"
head -3 "$TMP/out" | grep -q "Neural predictor" || fail "Neural predictor not in the first three"
[ "$(grep -c ": .*random-walk proximity" "$TMP/out")" -eq "$(wc -l <"$TMP/out")" ] || fail "a line without reasons"

begin "related -n, TSV, JSON, several terms"
run related NAS -n 2 -q
[ "$(wc -l <"$TMP/out")" -eq 2 ] || fail "not 2 lines"
run related NAS NTK --tsv -q
expect 0 "^Neural Tangent Kernel	1	Neural Tangent Kernel NAS	"
tsv_header term
run related NAS --json -q
expect 0 '"term": "Neural Architecture Search"'
valid_json
run related NAS NTK --json -q
valid_json
run related --all -n 1 --json -q
valid_json

begin "related: usage"
run related -q
expect 2 "" "missing argument"
run related NAS --all -q
expect 2 "" "--all takes no TERM"

begin "path: one hop with its evidence"
run path "neural tangent kernel nas" NTK -q
expect 0 "^Neural Tangent Kernel NAS -> Neural Tangent Kernel  \[mention, [0-9]+\]  .*kernel"
[ "$(wc -l <"$TMP/out")" -eq 1 ] || fail "not one hop"

begin "path: none along the links, one against them"
run path NTK NAS -q
expect 1 "" "no chain of cross-references from 'Neural Tangent Kernel' to 'Neural Architecture Search'; there is one against"
run path NTK NAS --undirected -q
expect 0 "^Neural Tangent Kernel <- Neural Tangent Kernel NAS "
[ "$(wc -l <"$TMP/out")" -eq 2 ] || fail "not two hops"
run path NTK NAS --undirected --json -q
expect 0 '"direction": "reverse"'
valid_json
run path NTK NAS --undirected --tsv -q
tsv_header hop

begin "path: none either way"
run path NTK "neural radiance field" -q
expect 1 "" "no chain of cross-references from 'Neural Tangent Kernel' to 'Neural Radiance Field', either way"
run path NTK -q
expect 2 "" "missing argument"

begin "top: the hubs of the seed pages"
run top -n 5 -q
expect 0 "^ 1\. Neural Radiance Field  pagerank "
grep -q "Neural Architecture Search" "$TMP/out" || fail "NAS not in the top 5"
[ "$(wc -l <"$TMP/out")" -eq 5 ] || fail "not 5 lines"
run top --by in-degree -n 3 -q
expect 0 "Neural Radiance Field"
run top --by betweenness -n 1 -q
expect 0 "^ 1\. Neural Radiance Field "
run top --json -q
valid_json
run top --tsv --keywords -n 0 -q
tsv_header rank
grep -q "	keyword	" "$TMP/out" || fail "no keyword with --keywords"
run top --by fame
expect 2 "" "--by takes pagerank, in-degree or betweenness"

begin "communities: the NAS family is one group"
run communities -q
expect 0 "^[0-9]+\. Neural Architecture Search \(5\): "
grep "^[0-9]*\. Neural Architecture Search " "$TMP/out" | grep -q "Neural Tangent Kernel NAS" ||
	fail "NTK NAS not with NAS"
run communities -q --tsv
tsv_header community
run communities -q --json --min-size 1
valid_json
total=$("$PYTHON" -c 'import json,sys; print(sum(c["size"] for c in json.load(open(sys.argv[1]))))' "$TMP/out")
run stats -q --json
nodes=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["nodes"])' "$TMP/out")
[ "$total" = "$nodes" ] || fail "community sizes sum to $total, not $nodes nodes"

begin "stats: figures of the seed graph"
run stats
expect 0 "^nodes: [0-9]+ \(55 terms, [0-9]+ header keywords\)" "read 2 pages"
grep -qE "^edges: [1-9][0-9]* \([1-9][0-9]* mention, 0 editor, [0-9]+ category, [0-9]+ keyword\)" "$TMP/out" ||
	fail "edges line"
grep -q "^components: " "$TMP/out" && grep -q "^isolated concepts: " "$TMP/out" &&
	grep -q "^density: 0\.0" "$TMP/out" || fail "figures missing"
run stats --tsv -q
tsv_header figure
run stats --json -q
valid_json

begin "same input, same answers"
for cmd in "communities --json" "top -n 0 --tsv" "related NAS --tsv" "stats"; do
	run $cmd -q
	cp "$TMP/out" "$TMP/first"
	run $cmd -q
	cmp -s "$TMP/out" "$TMP/first" || fail "$cmd differs between runs"
done

begin "each query answers the seed pages fast from a cold start"
case "$BIN" in *asan*) limit=10000 ;; *) limit=1000 ;; esac  # milliseconds
for cmd in "neighbors NTK" "related NAS" "path NAS NTK --undirected" "top" "communities" "stats"; do
	start=$(date +%s%N)
	run $cmd -q
	took=$((($(date +%s%N) - start) / 1000000))
	[ "$took" -lt "$limit" ] || fail "$cmd took $took ms"
done

begin "a glossary without links"
printf 'one, cat\n\n**One** is alone.\n\ntwo, cat\n\n**Two** is alone too.\n' >"$TMP/alone.txt"
run stats -i "$TMP/alone.txt" -q
expect 0 "^isolated concepts: 2$"
run path one two -i "$TMP/alone.txt" -q
expect 1 "" "no chain of cross-references"
run related one -i "$TMP/alone.txt" -q
expect 0
[ -s "$TMP/out" ] && fail "related terms out of nothing"
run neighbors one -i "$TMP/alone.txt"
expect 0 "" "no cross-references around 'One'"
run communities -i "$TMP/alone.txt" --json -q
expect 0
valid_json

begin "--help of every query"
for cmd in neighbors related path top communities stats; do
	run "$cmd" --help
	[ "$RC" -eq 0 ] && grep -q "^usage: glossgraph $cmd" "$TMP/out" || fail "$cmd --help"
done

begin "neighbors: links to terms written in other capitals, spellings and spaces (Unicode)"
run neighbors "unicode notes" --out -q --tsv -i tests/data/unicode.txt
expect 0
for t in "école normale" "über cache" "σχήμα" "москва" "Straße" "file system" "café au lait" "cache line"; do
	cut -f5 "$TMP/out" | grep -qxF "$t" || fail "no link to $t"
done

begin "export tsv: Unicode surfaces as written, at their offsets in the file"
run export tsv --all -q -o - -i tests/data/unicode.txt
expect 0
"$PYTHON" - "$TMP/out" tests/data/unicode.txt <<'EOF' || fail "surfaces or offsets"
import csv, sys
data = open(sys.argv[2], "rb").read()
rows = csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""), delimiter="\t")
want = {"ÉCOLE NORMALE", "Über cache", "ΣΧΉΜΑ", "МОСКВА", "STRASSE",
        "\ufb01le system", "cafe\u0301 au lait", "cache\u00a0line"}
got = set()
for r in rows:
    s = r["surface"].encode()
    o = int(r["evidence_offset"])
    assert data[o:o + len(s)] == s, r
    got.add(r["surface"])
assert want <= got, want - got
EOF

finish
