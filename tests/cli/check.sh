#!/usr/bin/env bash
# check.sh - black-box tests of `glossgraph check` and the link decision's
# options: scores and their parts, held links by reason, the threshold and
# where it came from (a model file, a density, the glossary's editor links).
# usage: tests/cli/check.sh path/to/glossgraph   (run.sh calls it)
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

EDITORS=tests/data/editor-links.html

begin "check: links by state, the threshold and its source"
run check -q
expect 0 "^links: [0-9]+ kept, [0-9]+ held back \(low-score\), .*[0-9]+ held back \(in-code\); threshold 0\.[0-9]+ \(model\)$"

begin "check: an editor's link to no entry, with its file and line"
printf 'Term,Definition,See also\nAlpha,The first letter,Omega\nBeta,The second letter,Alpha\n' >"$TMP/letters.csv"
run check -q -i "$TMP/letters.csv"
expect 0 "^unknown-target +Alpha: links to 'Omega', which names no entry \(.*letters.csv:2\)$"
run check -q --tsv -i "$TMP/letters.csv"
expect 0 "^unknown-target	Alpha	links to 'Omega', which names no entry"

begin "check --tsv and --json name the threshold"
run check -q --tsv
expect 0 "^link-threshold		0\.[0-9]+ \(model\)$"
run check -q --json
expect 0 '"threshold": "0\.[0-9]+ \(model\)"'
"$PYTHON" -m json.tool "$TMP/out" >/dev/null || fail "invalid JSON"

begin "check --scores --tsv: one row per mention link, one column per feature"
run check -q --scores --tsv
expect 0 "	(kept|low-score)	0\.[0-9]{4}	"
[ "$(head -1 "$TMP/out")" = "source	target	state	score	common	excess	ordinary	multiword	capitals	abbreviation	inflected	cued	reciprocal	mentions	position	case_agrees	plain_word	dense	specificity" ] ||
	fail "header: $(head -1 "$TMP/out")"
awk -F'\t' 'NR > 1 && NF != 19 { bad = 1 } END { exit bad }' "$TMP/out" || fail "a row without 19 cells"

begin "check --scores explains a held link by its score's parts"
run check -q --scores -i "$EDITORS"
expect 0 "^Amplifier -> Signal: low-score, score 0\.[0-9]+: bias 1 \([-+][0-9.]+\) common 1 \(-"
run check -q --scores --json
"$PYTHON" -m json.tool "$TMP/out" >/dev/null || fail "invalid JSON"

begin "--link-threshold 1 holds every mention link, 0 keeps them"
run check -q --link-threshold 1
expect 0 "^links: [0-9]+ kept, [0-9]+ held back \(low-score\).*threshold 1\.000 \(user\)$"
run check -q --link-threshold 1 --scores --tsv
expect 0 "	low-score	"
grep -q "	kept	" "$TMP/out" && fail "a mention link kept"
run export tsv -q --link-threshold 0 -o "$TMP/all.tsv"
expect 0
run export tsv -q --keep-all -o "$TMP/keep.tsv"
[ "$(grep -c '	mention	' "$TMP/all.tsv")" -gt "$(grep -c '	mention	' "$TMP/keep.tsv")" ] &&
	fail "threshold 0 keeps more than --keep-all"

begin "--link-threshold and --link-density refuse bad values"
run check -q --link-threshold 1.5
expect 2 "" "--link-threshold wants a number from 0 to 1, not '1.5'"
run check -q --link-density thick
expect 2 "" "--link-density wants sparse, balanced or dense, not 'thick'"

begin "--link-density: sparse keeps no more links than balanced, dense more"
count() { run check -q -i "$EDITORS" --link-density "$1"; sed -n 's/^links: \([0-9]*\) kept.*/\1/p' "$TMP/out"; }
sparse=$(count sparse) balanced=$(count balanced) dense=$(count dense)
[ "$sparse" -le "$balanced" ] && [ "$balanced" -lt "$dense" ] ||
	fail "sparse $sparse, balanced $balanced, dense $dense"

begin "export tsv carries the score column"
run export tsv -q -o "$TMP/e.tsv"
expect 0
head -1 "$TMP/e.tsv" | grep -q "	cued	score$" || fail "header: $(head -1 "$TMP/e.tsv")"

begin "--link-model: a model file is used, a bad one is refused with file:line"
printf '# keeps everything\nbias 9\nthreshold 0.5\n' >"$TMP/model.txt"
run check -q --link-model "$TMP/model.txt"
expect 0 "^links: [0-9]+ kept, 0 held back \(low-score\)"
printf 'bias 1\nweight_of_moon 2\nthreshold 0.5\n' >"$TMP/bad.txt"
run check -q --link-model "$TMP/bad.txt"
expect 1 "" "bad.txt:2: unknown feature 'weight_of_moon'"
[ -s "$TMP/out" ] && fail "output despite the error"
run check -q --link-model "$TMP/missing.txt"
expect 1 "" "cannot open link model '.*missing.txt'"

begin "editor links set the threshold, and the summary says so"
run stats -i "$EDITORS"
expect 0 "" "link threshold 0\.[0-9]+, fitted to the glossary's 27 editor links"
run check -q -i "$EDITORS"
expect 0 "threshold 0\.[0-9]+ \(fitted to 27 editor links\)$" 
grep -q "^over-linked  *Signal: named by 9 of 10" "$TMP/out" || fail "Signal is not over-linked"
run check -q -i "$EDITORS" --link-density balanced
expect 0 "threshold 0\.[0-9]+ \(model\)$"
run stats -i "$EDITORS" --link-threshold 0.5
grep -q "fitted to" "$TMP/err" && fail "a threshold given is not fitted"

begin "a mention inside a path or identifier is held as in-code"
cat >"$TMP/code.txt" <<'PAGE'
catalog, databases

**Catalog** lists the tables.

schema, databases

**Schema** lives in pg_catalog only.
PAGE
run check -q --scores --tsv -i "$TMP/code.txt"
expect 0 "^Schema	Catalog	in-code	"

finish
