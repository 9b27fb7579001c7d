#!/bin/sh
# coverage.sh - line coverage per source file of a gcov build that has run
# its tests: `scripts/coverage.sh build/coverage` prints one row a file
# (lines run, lines, share) and the total.
set -eu
build=${1:?usage: coverage.sh BUILD_DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for src in $(find src -name '*.c' | sort); do
	obj="$build/${src%.c}.o"
	[ -f "${obj%.o}.gcda" ] || { printf '%s\t0\t?\t0.0%%\n' "$src"; continue; }
	(cd "$tmp" && gcov -n -o "$OLDPWD/$(dirname "$obj")" "$OLDPWD/$src") 2>/dev/null |
		awk -v f="$src" '
			/^File / { file = $2; gsub(/\x27/, "", file) }
			/^Lines executed:/ && index(file, f) {
				split($2, a, ":"); pct = a[2]; sub(/%/, "", pct); n = $4
				printf "%s\t%d\t%d\t%.1f%%\n", f, n * pct / 100 + 0.5, n, pct; exit
			}'
done | awk -F'\t' '
	BEGIN { printf "%-36s %7s %7s %7s\n", "file", "run", "lines", "share" }
	{ printf "%-36s %7s %7s %7s\n", $1, $2, $3, $4; run += $2; if ($3 != "?") all += $3 }
	END { printf "%-36s %7d %7d %6.1f%%\n", "total", run, all, all ? 100 * run / all : 0 }'
