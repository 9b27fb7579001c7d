#!/usr/bin/env bash
# map.sh - black-box tests of `glossgraph export html`: the page's data is
# script-safe JSON, and the map works in headless Chromium (tests/js/map.test.mjs).
# usage: tests/cli/map.sh path/to/glossgraph   (run from anywhere)
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

# data_check FILE: the JSON of the page's two data elements, checked by Python.
data_check() {
	"$PYTHON" - "$1" <<'PY'
import json, sys
page = open(sys.argv[1], encoding='utf-8').read()
def element(id):
    tag = '<script type="application/json" id="%s">' % id
    start = page.index(tag) + len(tag)
    raw = page[start:page.index('</script>', start)]
    bad = [c for c in '<>&\u2028\u2029' if c in raw]
    if bad:
        sys.exit('raw %r in %s' % (bad, id))
    return json.loads(raw)
data, text = element('gg-data'), element('gg-text')
names = [n[0] for n in data['nodes']]
for want in ('</script><script>window.__pwned=1</script>', '<!--', '<img src=x onerror=window.__pwned=2>'):
    if want not in names:
        sys.exit('no node named %r: %r' % (want, names))
if not any('\u2028' in d for n in text['definitions'] for d in n):
    sys.exit('the line separator is lost')
PY
}

begin "export html writes one page"
run export html -i data -o "$TMP/seed.html"
expect 0 "" "wrote $TMP/seed.html"
grep -q '^<!DOCTYPE html>' "$TMP/seed.html" || fail "not an HTML page"
grep -q 'Copyright' "$TMP/seed.html" || fail "the libraries' licences are missing"

begin "hostile names stay data: <, >, &, U+2028, U+2029 escaped"
run export html -q -i tests/data/hostile.txt -o "$TMP/hostile.html"
expect 0
[ "$(grep -c '</script>' "$TMP/hostile.html")" -eq 5 ] || fail "a name ended a script element"
data_check "$TMP/hostile.html" >"$TMP/err" 2>&1 || fail "$(tail -1 "$TMP/err")"

begin "a glossary of more than 5,000 terms"
"$PYTHON" scripts/gen_glossary.py -q --seed 1 --entries 6000 --one-file -o "$TMP/big.txt" || fail "gen_glossary.py"
run export html -q -i "$TMP/big.txt" -o "$TMP/big.html"
expect 0

begin "the map in headless Chromium"
node tests/js/map.test.mjs "$TMP/seed.html" "$TMP/hostile.html" "$TMP/big.html" >"$TMP/out" 2>&1 ||
	fail "$(grep -v '^ok ' "$TMP/out" | head -10)"

finish
