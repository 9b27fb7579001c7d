#!/usr/bin/env bash
# make-glossary.sh N [SALT] - writes to stdout a text page of N entries
# ("item 00042"), each definition naming three others, for tests that need
# a big glossary of a known size (SALT changes which terms are named).
set -eu
awk -v n="$1" -v salt="${2:-0}" 'BEGIN {
	for (i = 0; i < n; i++) {
		printf "item %05d, cat%d\n\n", i, i % 7
		printf "**Item %05d** is a widget built from item %05d and item %05d, often with item %05d.\n\n",
			i, (i * 7 + 1) % n, (i * 13 + 5) % n, (i * 31 + 11 + salt) % n
	}
}'
