#!/usr/bin/env bash
# run.sh - the installed library as a user meets it: the files make install
# put under ROOT/PREFIX, then each example program built with
# `pkg-config --cflags --libs glossgraph` against them and run on the seed pages.
# usage: tests/examples/run.sh ROOT PREFIX   (make test-install calls it; CC and
# CFLAGS from the environment)
set -u
ROOT=$1
PREFIX=$2
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
status=0
fail() { echo "FAIL: examples: $*" >&2; status=1; }

for f in bin/glossgraph lib/libglossgraph.a lib/libglossgraph.so include/glossgraph.h \
	include/glossgraph/graph.h lib/pkgconfig/glossgraph.pc share/man/man1/glossgraph.1 \
	share/bash-completion/completions/glossgraph share/zsh/site-functions/_glossgraph; do
	[ -e "$ROOT$PREFIX/$f" ] || fail "not installed: $PREFIX/$f"
done

export PKG_CONFIG_PATH="$ROOT$PREFIX/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$ROOT"
version=$(sed -n 's/^#define GG_VERSION "\(.*\)"/\1/p' "$TOP/include/glossgraph.h")
[ "$(pkg-config --modversion glossgraph)" = "$version" ] || fail "pkg-config version"
flags=$(pkg-config --cflags --libs glossgraph) || fail "pkg-config --cflags --libs"
for example in neighbors export communities; do
	# shellcheck disable=SC2086
	${CC:-cc} ${CFLAGS:-} -Wall -Wextra -Werror -o "$TMP/$example" "$HERE/$example.c" $flags ||
		fail "$example does not build"
done
# The static library with the libraries Requires.private names (their shared
# versions: igraph's own static list names packages Debian leaves out).
private=$(pkg-config --print-requires-private glossgraph | tr '\n' ' ')
# shellcheck disable=SC2086
static_flags="$(pkg-config --cflags glossgraph) $ROOT$PREFIX/lib/libglossgraph.a $(pkg-config --libs $private) -lpthread -lm"
# shellcheck disable=SC2086
${CC:-cc} ${CFLAGS:-} -Wall -Wextra -Werror -o "$TMP/neighbors-static" "$HERE/neighbors.c" $static_flags ||
	fail "neighbors does not link with the static library"
export LD_LIBRARY_PATH="$ROOT$PREFIX/lib"
cd "$TOP" || exit 2
"$TMP/neighbors" data NTK >"$TMP/out" || fail "neighbors failed"
grep -q "^Neural Tangent Kernel (glossgraph $version)$" "$TMP/out" || fail "neighbors: $(head -1 "$TMP/out")"
grep -q "^  <- Neural Tangent Kernel NAS$" "$TMP/out" || fail "neighbors: no NTK NAS"
"$TMP/neighbors-static" data NTK >"$TMP/out.static" || fail "static neighbors failed"
cmp -s "$TMP/out" "$TMP/out.static" || fail "static and shared neighbors differ"
ldd "$TMP/neighbors" | grep -q "libglossgraph.so.* => $ROOT" || fail "not linked with the installed libglossgraph.so"
"$TMP/export" data graphml >"$TMP/out" || fail "export failed"
grep -q "<graphml" "$TMP/out" || fail "export: no GraphML"
"$TMP/export" data nosuch >"$TMP/out" 2>"$TMP/err" && fail "export: a bad format accepted"
"$TMP/communities" data >"$TMP/out" || fail "communities failed"
grep -q "^1 ([0-9]*): " "$TMP/out" || fail "communities: $(head -1 "$TMP/out")"
[ "$("$ROOT$PREFIX/bin/glossgraph" --version)" = "glossgraph $version" ] || fail "installed --version"
echo "examples: $([ "$status" -eq 0 ] && echo passed || echo failed)"
exit "$status"
