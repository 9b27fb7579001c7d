#!/usr/bin/env bash
# golden.sh - every export of the seed pages, byte for byte against the files
# kept in tests/golden/ (SVG aside: its text depends on the fonts installed;
# the HTML map aside: it is mostly sigma.js and graphology, and the browser
# test checks it; the saved graph aside: it records the pages' times, and
# tests/cli/store.sh checks that it answers as the pages).
# A change of format shows in review as a change of these files; after a
# deliberate one, `make golden` writes them anew.
# usage: tests/cli/golden.sh path/to/glossgraph [--update]
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2
GOLDEN=$TOP/tests/golden

"$BIN" build -q -i data -o "$TMP/build" --focus NAS --depth 2 2>"$TMP/err" ||
	{ echo "golden.sh: build failed: $(cat "$TMP/err")" >&2; exit 1; }
rm -f "$TMP"/build/*.svg "$TMP"/build/*.html "$TMP"/build/*.sqlite
if [ "${2:-}" = --update ]; then
	rm -rf "$GOLDEN" && mkdir -p "$GOLDEN" && cp -R "$TMP"/build/. "$GOLDEN"/
	echo "golden.sh: wrote $(find "$GOLDEN" -type f | wc -l) files to $GOLDEN"
	exit 0
fi

for want in $(cd "$GOLDEN" && find . -type f | sort); do
	begin "golden ${want#./}"
	if [ ! -f "$TMP/build/$want" ]; then
		fail "not written"
	elif ! cmp -s "$GOLDEN/$want" "$TMP/build/$want"; then
		fail "differs from $GOLDEN/${want#./}:"
		diff "$GOLDEN/$want" "$TMP/build/$want" | head -8 >&2
	fi
done
begin "no export without its golden file"
extra=$(cd "$TMP/build" && find . -type f | sort | while read -r f; do [ -f "$GOLDEN/$f" ] || echo "$f"; done)
[ -z "$extra" ] || fail "new files: $extra (make golden)"
finish
