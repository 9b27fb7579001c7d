#!/usr/bin/env bash
# headers.sh - every public header compiles on its own, as C11 and (when a
# C++ compiler is present) as C++, with warnings as errors; the library
# beside the binary exports under gg_ only what the headers declare.
# usage: tests/cli/headers.sh path/to/glossgraph   (run.sh calls it)
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

CC=${CC:-cc}
CXX=${CXX:-c++}

for header in include/glossgraph.h include/glossgraph/*.h; do
	name=${header#include/}
	begin "$name compiles alone as C11"
	printf '#include <%s>\n' "$name" >"$TMP/alone.c"
	"$CC" -std=c11 -Wall -Wextra -Werror -pedantic -Iinclude -c -o "$TMP/alone.o" \
		"$TMP/alone.c" 2>"$TMP/err" || fail "$(head -3 "$TMP/err")"
	if command -v "$CXX" >/dev/null 2>&1; then
		begin "$name compiles alone as C++"
		printf '#include <%s>\n' "$name" >"$TMP/alone.cpp"
		"$CXX" -std=c++11 -Wall -Wextra -Werror -pedantic -Iinclude -c -o "$TMP/alone.o" \
			"$TMP/alone.cpp" 2>"$TMP/err" || fail "$(head -3 "$TMP/err")"
	fi
done

LIB=$(dirname "$BIN")/libglossgraph.a
if [ -f "$LIB" ] && command -v nm >/dev/null 2>&1; then
	begin "the library's gg_ symbols are the public ones (gg_i_ for the rest)"
	grep -ohE '\bgg_[a-z0-9_]+' include/glossgraph.h include/glossgraph/*.h | sort -u >"$TMP/declared"
	nm -g --defined-only "$LIB" | awk '$2 ~ /^[TDRB]$/ { print $3 }' | grep '^gg_' |
		grep -v '^gg_i_' | sort -u >"$TMP/exported"
	extra=$(comm -23 "$TMP/exported" "$TMP/declared" | tr '\n' ' ')
	[ -z "$extra" ] || fail "exported but not declared: $extra"
	[ -s "$TMP/exported" ] || fail "no gg_ symbol found in $LIB"
fi

finish
