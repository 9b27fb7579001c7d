#!/usr/bin/env bash
# unix.sh - black-box tests of what a Unix command is expected to have:
# --version, help, suggestions, exit statuses in every --help, the manual
# page and the bash completion, escaped terminal output, valid JSON for any
# file name, neighbors --depth output that grows linearly, path X X, the
# restart with 2 MB memory pages.
# usage: tests/cli/unix.sh path/to/glossgraph   (run.sh calls it)
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

# The subcommands, as the general help lists them.
SUBCOMMANDS=$("$BIN" --help | sed -n '/^subcommands:/,/^$/s/^  \([a-z]*\) .*/\1/p')

begin "the help lists the subcommands"
[ "$(echo "$SUBCOMMANDS" | wc -l)" -ge 11 ] || fail "subcommands: $SUBCOMMANDS"

begin "--version and -V: one line with the version of glossgraph.h"
version=$(sed -n 's/^#define GG_VERSION "\(.*\)"/\1/p' include/glossgraph.h)
run --version
expect 0 "^glossgraph $version\$"
[ "$(wc -l <"$TMP/out")" -eq 1 ] || fail "more than one line"
cp "$TMP/out" "$TMP/version"
run -V
cmp -s "$TMP/out" "$TMP/version" || fail "-V differs from --version"

begin "--version --verbose: the libraries built with and running"
run --version --verbose
expect 0 "^glossgraph $version\$"
[ "$(wc -l <"$TMP/out")" -eq 2 ] || fail "not two lines"
for lib in igraph libxml2 graphviz utf8proc serd; do
	sed -n 2p "$TMP/out" | grep -qE "(^|, )$lib [0-9]" || fail "no $lib version"
done
grep -q "igraph [0-9.]* (running [0-9.]*)" "$TMP/out" || fail "no running igraph version"
run --version --bogus
expect 2 "" "unexpected argument '--bogus'"

begin "help SUBCOMMAND prints what SUBCOMMAND --help does"
for cmd in $SUBCOMMANDS; do
	run help "$cmd"
	cp "$TMP/out" "$TMP/help"
	[ "$RC" -eq 0 ] || fail "help $cmd: exit $RC"
	run "$cmd" --help
	cmp -s "$TMP/out" "$TMP/help" || fail "help $cmd differs from $cmd --help"
done
run help
expect 0 "^subcommands:"
run help nosuch extra
expect 2 "" "unexpected argument 'extra'"

begin "every --help states the exit statuses"
for cmd in $SUBCOMMANDS; do
	run "$cmd" --help
	grep -q "^exit status: 0 .*; 1 .*; 2 " "$TMP/out" ||
		grep -A1 "^exit status:" "$TMP/out" | tr '\n' ' ' | grep -q "0 .*1 .*2 bad command line" ||
		fail "$cmd --help has no exit status"
done
run --help
expect 0 "^exit status:"

begin "a mistyped subcommand: the closest one suggested"
run neighbours NTK
expect 2 "" "unknown subcommand 'neighbours'; did you mean 'neighbors'\?"
run comunities
expect 2 "" "did you mean 'communities'\?"
run help neighbour
expect 2 "" "did you mean 'neighbors'\?"
run xyzzy
expect 2 "" "unknown subcommand 'xyzzy'; see 'glossgraph --help'"

begin "a mistyped option: the closest one suggested"
run terms --jsn
expect 2 "" "unknown option '--jsn'; did you mean '--json'\?"
run neighbors NTK --detph 2
expect 2 "" "did you mean '--depth'\?"
run export dot --fcus NAS
expect 2 "" "did you mean '--focus'\?"
run terms --frobnicate
expect 2 "" "unknown option '--frobnicate'$"
run neighbors NTK --depth
expect 2 "" "option '--depth' needs a value"
run terms --json=yes
expect 2 "" "option '--json' takes no value"
run terms -Z
expect 2 "" "unknown option '-Z'"
run terms --json -Zq
expect 2 "" "unknown option '-Z'"

begin "the manual page: every subcommand and option, no roff warnings"
"$PYTHON" scripts/cli_docs.py "$BIN" man src/cli/glossgraph.1.in >"$TMP/glossgraph.1" ||
	fail "cli_docs.py man failed"
warnings=$(groff -ww -z -man "$TMP/glossgraph.1" 2>&1)
[ -z "$warnings" ] || fail "groff: $warnings"
man_text=$(groff -man -Tutf8 "$TMP/glossgraph.1" 2>/dev/null | sed 's/.\x08//g')
for section in NAME SYNOPSIS DESCRIPTION "INPUT FORMATS" SUBCOMMANDS "COMMON OPTIONS" \
	"OUTPUT FORMATS" "EXIT STATUS" EXAMPLES; do
	echo "$man_text" | grep -q "^$section" || fail "no section $section"
done
echo "$man_text" | grep -q "glossgraph $version" || fail "no version"
for cmd in $SUBCOMMANDS; do
	echo "$man_text" | grep -q "^   $cmd\$" || fail "no subsection $cmd"
	for opt in $("$BIN" "$cmd" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
		echo "$man_text" | grep -q -- "$opt" || fail "$cmd: $opt not in the page"
	done
done
for format in dot graphml gexf svg tsv csv json neo4j; do
	echo "$man_text" | grep -qE "^       $format\b|^       [a-z, ]*\b$format\b" || fail "format $format not listed"
done

# complete WORDS...: COMPREPLY of the bash completion for the command line
# WORDS (the last one the word being completed), one a line in $TMP/out.
complete_words() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_glossgraph; [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"' _ "$TMP/completion" "$@" >"$TMP/out" 2>"$TMP/err"
}

begin "bash completion: subcommands, options, formats, values, files"
"$PYTHON" scripts/cli_docs.py "$BIN" bash >"$TMP/completion" || fail "cli_docs.py bash failed"
bash -n "$TMP/completion" || fail "not valid bash"
complete_words glossgraph neigh
[ "$(cat "$TMP/out")" = neighbors ] || fail "neigh: $(cat "$TMP/out")"
complete_words glossgraph ""
[ "$(grep -c . "$TMP/out")" -ge 12 ] || fail "subcommands: $(tr '\n' ' ' <"$TMP/out")"
complete_words glossgraph help comm
[ "$(cat "$TMP/out")" = communities ] || fail "help comm: $(cat "$TMP/out")"
complete_words glossgraph neighbors NTK --de
[ "$(cat "$TMP/out")" = --depth ] || fail "--de: $(cat "$TMP/out")"
complete_words glossgraph export g
[ "$(sort "$TMP/out" | tr '\n' ' ')" = "gexf graphml graphology " ] || fail "export g: $(cat "$TMP/out")"
complete_words glossgraph top --by p
[ "$(cat "$TMP/out")" = pagerank ] || fail "--by p: $(cat "$TMP/out")"
complete_words glossgraph build --formats ne
[ "$(cat "$TMP/out")" = neo4j ] || fail "--formats ne: $(cat "$TMP/out")"
mkdir -p "$TMP/pages" && : >"$TMP/pages/one.txt"
complete_words glossgraph terms -i "$TMP/pages/o"
[ "$(cat "$TMP/out")" = "$TMP/pages/one.txt" ] || fail "-i file: $(cat "$TMP/out")"
: >"$TMP/pages/two words.txt"
complete_words glossgraph show -i "$TMP/pages/tw"
[ "$(cat "$TMP/out")" = "$TMP/pages/two words.txt" ] || fail "a name with a space: $(cat "$TMP/out")"
complete_words glossgraph terms --min-weight ""
[ ! -s "$TMP/out" ] || fail "a number completed as: $(head -1 "$TMP/out")"
for cmd in $SUBCOMMANDS; do  # every option of every --help is offered
	complete_words glossgraph "$cmd" --
	for opt in $("$BIN" "$cmd" --help | grep -oE -- '^ +(-[a-zA-Z], )?--[a-z][a-z-]+' | grep -oE -- '--[a-z-]+'); do
		grep -qx -- "$opt" "$TMP/out" || fail "$cmd: $opt not completed"
	done
done

# zsh_completes LINE TEXT: TAB after LINE in zsh shows TEXT (within 30 s).
zsh_completes() {
	timeout 30 zsh -f "$TOP/tests/cli/zsh-complete.zsh" "$TMP/zsh" "$1" "$2" >/dev/null 2>&1 ||
		fail "zsh: '$1' TAB does not show '$2'"
}

begin "zsh completion: subcommands, options, formats, values, files"
mkdir -p "$TMP/zsh"
"$PYTHON" scripts/cli_docs.py "$BIN" zsh >"$TMP/zsh/_glossgraph" || fail "cli_docs.py zsh failed"
zsh -n "$TMP/zsh/_glossgraph" || fail "not valid zsh"
zsh_completes "glossgraph neigh" "glossgraph neighbors"
zsh_completes "glossgraph help comm" "help communities"
zsh_completes "glossgraph neighbors NTK --dep" "--depth"
zsh_completes "glossgraph path FROM TO --und" "--undirected"
zsh_completes "glossgraph export gex" "export gexf"
zsh_completes "glossgraph top --by p" "--by pagerank"
zsh_completes "glossgraph terms -i $TMP/pages/on" "$TMP/pages/one.txt"

# A page named with a terminal escape sequence, another not UTF-8.
ESC_NAME="$TMP/red$(printf '\033')[31mpage.txt"
BAD_NAME="$TMP/bad$(printf '\377\376')name.txt"
printf 'alpha, cat\n\n**Alpha** is a thing; see also beta, gamma.\n\nbeta, cat\n\n**Beta** is a thing.\n\ngamma, cat\n\n**Gamma** is another thing; see beta.\n' >"$ESC_NAME"
cp "$ESC_NAME" "$BAD_NAME"

# no_escape_bytes FILE...: none holds an ESC byte.
no_escape_bytes() {
	for f in "$@"; do
		if grep -q "$(printf '\033')" "$f"; then fail "an ESC byte in $(basename "$f")"; fi
	done
}

begin "a file name's escape sequence is printed escaped, on stdout and stderr"
for args in "show alpha" "neighbors alpha" "path alpha beta" "terms" "check" "related alpha" \
	"top" "communities" "stats"; do
	# shellcheck disable=SC2086
	run $args -i "$ESC_NAME"
	[ "$RC" -eq 0 ] || fail "$args: exit $RC"
	no_escape_bytes "$TMP/out" "$TMP/err"
done
run show alpha -q -i "$ESC_NAME"
grep -qF 'red\x1b[31mpage.txt:1: alpha, cat' "$TMP/out" || fail "show: no escaped name"
run terms -i "$ESC_NAME/nowhere"
expect 1 "" 'cannot open .*red\\x1b\[31mpage.txt/nowhere'
no_escape_bytes "$TMP/err"
run show alpha -q --tsv -i "$ESC_NAME"
grep -qF 'red\x1b[31mpage.txt' "$TMP/out" || fail "TSV: no escaped name"
no_escape_bytes "$TMP/out"
run terms -q -i "$BAD_NAME"
expect 0 "" ""
run show alpha -q -i "$BAD_NAME"
grep -qF 'bad\xff\xfename.txt:1:' "$TMP/out" || fail "a byte that is not UTF-8 not shown as \\xHH"

begin "--json is valid UTF-8 JSON whatever the file name"
for args in "show alpha" "neighbors alpha" "path alpha beta" "neighbors alpha --depth 2"; do
	for page in "$BAD_NAME" "$ESC_NAME"; do
		# shellcheck disable=SC2086
		run $args --json -q -i "$page"
		[ "$RC" -eq 0 ] || fail "$args: exit $RC"
		"$PYTHON" -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8", errors="strict"))' \
			"$TMP/out" 2>"$TMP/err" || fail "$args --json: invalid: $(tail -1 "$TMP/err")"
	done
done
run show alpha --json -q -i "$BAD_NAME"
"$PYTHON" -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["entries"][0]["file"].endswith("bad\ufffd\ufffdname.txt"), d["entries"][0]["file"]' "$TMP/out" ||
	fail "bytes not replaced by U+FFFD"
run show alpha --json -q -i "$ESC_NAME"
grep -qF '\u001b[31mpage.txt' "$TMP/out" || fail "ESC not \\u001b in JSON"

# chain N: a page of N terms, each naming the next.
chain() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
		printf "k%05dq, cat\n\n**K%05dq** comes before k%05dq.\n\n", i, i, i + 1 }'
}

begin "neighbors --depth: each term once, output linear in the chain's length"
chain 1000 >"$TMP/chain1000.txt"
chain 4000 >"$TMP/chain4000.txt"
run neighbors k00000q --out --depth 100000 -q -i "$TMP/chain1000.txt"
expect 0 "^999  K00998q -> K00999q  \[mention, 1\]"
small=$(wc -c <"$TMP/out")
[ "$(wc -l <"$TMP/out")" -eq 999 ] || fail "not 999 lines: $(wc -l <"$TMP/out")"
run neighbors k00000q --out --depth 100000 -q -i "$TMP/chain4000.txt"
expect 0 "^3999  K03998q -> K03999q  "
large=$(wc -c <"$TMP/out")
[ "$large" -le $((small * 9 / 2)) ] || fail "4 times the terms, $large bytes against $small"
[ "$(cut -d' ' -f3 "$TMP/out" | sort | uniq -d | wc -l)" -eq 0 ] || fail "a term listed twice"
run neighbors k00000q --out --depth 100000 -q --json -i "$TMP/chain4000.txt"
"$PYTHON" -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["neighbors"]) == 3999 and d["neighbors"][-1]["depth"] == 3999' "$TMP/out" || fail "JSON"

begin "neighbors with the default depth: lines as before, no hop count"
run neighbors alpha --out -q -i "$ESC_NAME"
expect 0 "^Alpha -> Beta  \[mention, 1\]"

begin "path X X: the same concept, said, exit 0"
run path alpha Alpha -q -i "$ESC_NAME"
expect 0 "^'alpha' and 'Alpha' are the same concept: Alpha$"
run path NTK "neural tangent kernel" -q
expect 0 "same concept: Neural Tangent Kernel$"
run path NTK NTK --json -q
expect 0 '"hops": \[\]'
valid=$("$PYTHON" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["hops"]))' "$TMP/out")
[ "$valid" = 0 ] || fail "JSON hops: $valid"

begin "2 MB of pages: the restart with 2 MB memory pages answers as without, once, never for --db or standard input"
"$PYTHON" scripts/gen_glossary.py -q --entries 6000 --seed 3 -o "$TMP/big"
big_mb=$(du -sm "$TMP/big" | cut -f1)
[ "$big_mb" -ge 2 ] || fail "the glossary has $big_mb MB"
big_term=$(sed -n 's/^\*\*\([^*]*\)\*\*.*/\1/p' "$TMP/big/page-000001.txt" | head -1)
run related "$big_term" --tsv -i "$TMP/big"
expect 0
[ "$(wc -l <"$TMP/out")" -gt 1 ] || fail "no related terms"
cp "$TMP/out" "$TMP/big.out"
cp "$TMP/err" "$TMP/big.err"
GLIBC_TUNABLES=glibc.malloc.hugetlb=0 run related "$big_term" --tsv -i "$TMP/big"
expect 0
cmp -s "$TMP/out" "$TMP/big.out" || fail "stdout differs"
cmp -s "$TMP/err" "$TMP/big.err" || fail "stderr differs"
cat "$TMP/big"/*.txt >"$TMP/big.txt"
"$BIN" terms -q --tsv -i - <"$TMP/big.txt" >"$TMP/stdin.out" 2>"$TMP/err" || fail "standard input"
"$BIN" terms -q --tsv -i "$TMP/big.txt" >"$TMP/file.out" 2>"$TMP/err" || fail "one file"
cmp -s "$TMP/stdin.out" "$TMP/file.out" || fail "standard input and the file differ"
# where the kernel gives huge pages on request, one restart (strace counts the execs;
# the test set installs it)
if grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null &&
	command -v strace >/dev/null; then
	execs() {
		strace -f -e trace=execve -o "$TMP/trace" "$@" >/dev/null 2>&1 <"$TMP/big.txt"
		grep -c 'execve(' "$TMP/trace"
	}
	[ "$(execs "$BIN" terms -q -i "$TMP/big")" = 2 ] || fail "not restarted once for 2 MB of pages"
	[ "$(execs "$BIN" terms -q)" = 1 ] || fail "restarted for the seed pages"
	[ "$(GLIBC_TUNABLES=glibc.malloc.hugetlb=0 execs "$BIN" terms -q -i "$TMP/big")" = 1 ] ||
		fail "restarted though the tunable was set"
	[ "$(execs "$BIN" terms -q -i -)" = 1 ] || fail "restarted when reading standard input"
	[ "$(execs "$BIN" terms -q --db "$TMP/none.sqlite")" = 1 ] || fail "restarted for --db"
fi

finish
