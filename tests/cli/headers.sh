#!/usr/bin/env bash
# headers.sh - every public header compiles on its own, as C11 and (when a
# C++ compiler is present) as C++, with warnings as errors.
# usage: tests/cli/headers.sh path/to/glossgraph   (run.sh calls it; the binary is not used)
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

finish
