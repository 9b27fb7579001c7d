#!/usr/bin/env bash
# run.sh - black-box tests of the glossgraph command: the reader, the concept
# model and the command line's contract (exit codes, stdout, stderr).
# usage: tests/cli/run.sh path/to/glossgraph   (run from anywhere)
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

begin "terms lists the seed concepts"
run terms --tsv -q
expect 0 "^Neural Tangent Kernel	"
[ "$(head -1 "$TMP/out" | cut -f1)" = name ] || fail "TSV header"

begin "summary line: pages, entries, duplicates"
run terms
expect 0 "" "read 2 pages: 100 entries, 18 exact duplicates dropped"

begin "terms --json is valid JSON"
run terms --json -q
expect 0
"$PYTHON" -m json.tool "$TMP/out" >/dev/null || fail "invalid JSON"

begin "show NTK gives neural tangent kernel"
run show NTK -q
expect 0 "^Neural Tangent Kernel$"
[ "$(head -1 "$TMP/out")" = "Neural Tangent Kernel" ] || fail "first line: $(head -1 "$TMP/out")"

begin "show NAS gives neural architecture search"
run show NAS -q
[ "$(head -1 "$TMP/out")" = "Neural Architecture Search" ] || fail "first line: $(head -1 "$TMP/out")"
expect 0

begin "show nerf and its long name give one concept"
run show nerf -q
cp "$TMP/out" "$TMP/nerf"
run show "neural radiance fields (nerf)" -q
cmp -s "$TMP/out" "$TMP/nerf" || fail "different concepts"
expect 0 "^Neural Radiance Field"

begin "the seven pruning entries are one concept"
run show "neural network pruning" -q
[ "$(grep -c '^data/.*: neural network pruning' "$TMP/out")" -eq 7 ] || fail "entries: $(grep -c '^data/' "$TMP/out")"
expect 0 "^Neural Network Pruning$"

begin "show pruning: no such term, suggestions"
run show pruning -q
expect 1 "" "no term 'pruning'; did you mean"
grep -q "Neural Network Pruning" "$TMP/err" || fail "no suggestion"

begin "show --json"
run show NTK --json -q
expect 0 '"name": "Neural Tangent Kernel"'
"$PYTHON" -m json.tool "$TMP/out" >/dev/null || fail "invalid JSON"

begin "usage errors exit 2"
run show
expect 2 "" "missing argument"
run nosuchcommand
expect 2 "" "not a subcommand"
run terms --bogus
expect 2

begin "--help everywhere exits 0"
for cmd in terms show; do
	run "$cmd" --help
	[ "$RC" -eq 0 ] && grep -q "^usage: glossgraph $cmd" "$TMP/out" || fail "$cmd --help"
done
run --help
expect 0 "subcommands:"

begin "a missing path"
run terms -i no/such/dir
expect 1 "" "cannot open 'no/such/dir': No such file or directory"

begin "a directory without pages"
mkdir -p "$TMP/empty"
run terms -i "$TMP/empty"
expect 1 "" "no pages in directory"

begin "an unreadable file"
printf 'x, y\n\n**X** is.\n' >"$TMP/secret.txt"
chmod 000 "$TMP/secret.txt"
run terms -i "$TMP/secret.txt"
[ "$(id -u)" -eq 0 ] || expect 1 "" "cannot open"  # root reads it anyway
chmod 644 "$TMP/secret.txt"

begin "an empty file"
: >"$TMP/empty.txt"
run terms -i "$TMP/empty.txt"
expect 1 "" "empty.txt: warning: empty page"

begin "a file with no entries"
printf '\n\n   \n' >"$TMP/blank.txt"
run terms -i "$TMP/blank.txt"
expect 1 "" "no glossary entries found"

begin "CRLF and BOM read as LF"
printf 'one, cat\n\n**One** names two.\n\ntwo, cat\n\n**Two** is two.\n' >"$TMP/lf.txt"
printf '\357\273\277one, cat\r\n\r\n**One** names two.\r\n\r\ntwo, cat\r\n\r\n**Two** is two.\r\n' >"$TMP/crlf.txt"
run terms --tsv -q -i "$TMP/lf.txt"
cp "$TMP/out" "$TMP/lf.out"
run terms --tsv -q -i "$TMP/crlf.txt"
cmp -s "$TMP/out" "$TMP/lf.out" || fail "CRLF differs from LF"
expect 0

begin "invalid UTF-8 and NUL are replaced and reported with file:line"
printf 'bad\377 one, cat\n\n**Bad one** has \000 a NUL.\n' >"$TMP/bad.txt"
run terms -i "$TMP/bad.txt"
expect 0 "" "bad.txt:1: warning: 1 invalid UTF-8 or control byte replaced"
grep -q "bad.txt:3: warning" "$TMP/err" || fail "line 3 not reported"

begin "a header without definition is kept and reported"
printf 'lonely, cat\n' >"$TMP/lonely.txt"
run show lonely -i "$TMP/lonely.txt"
expect 0 "^lonely$" "lonely.txt:1: warning: 'lonely, cat' has no definition"

begin "a 5 MB line"
{ printf 'long, cat\n\n**Long** '; head -c 5000000 /dev/zero | tr '\0' 'x'; printf '\n'; } >"$TMP/long.txt"
run terms -q -i "$TMP/long.txt"
expect 0 "^Long"

begin "exact duplicates are notes with -v"
run terms -v
grep -q "note: exact duplicate of data/000_fca2964c48dbdb34.txt:" "$TMP/err" || fail "no duplicate note"
[ "$(grep -c 'note: exact duplicate' "$TMP/err")" -eq 18 ] || fail "not 18 duplicates"

begin "HTML glossary"
run show beta -q -i tests/data/glossary.html
expect 0 "^Beta$"

begin "HTML editor links are edges of their own kind"
run export tsv -q -i tests/data/glossary.html -o -
expect 0 "^Alpha	Beta	1	editor	href	"
grep -q "^Alpha	Gamma ray	1	editor	href	" "$TMP/out" || fail "no editor edge to Gamma ray"

begin "stdout closed or full is an error"
RC=0; "$BIN" terms -q >/dev/full 2>"$TMP/err" || RC=$?
expect 1 "" "cannot write to standard output"

finish || status=1
for extra in "$(dirname "$0")"/graph.sh "$(dirname "$0")"/export.sh "$(dirname "$0")"/adversarial.sh "$(dirname "$0")"/map.sh; do
	[ -x "$extra" ] && { "$extra" "$BIN" || status=1; }
done
exit "${status:-0}"
