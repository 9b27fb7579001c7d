#!/usr/bin/env bash
# progress.sh - a long build shows its progress on stderr when stderr is a
# terminal (a pseudo-terminal made by util-linux's script), and nothing of it
# when stderr is not one or with --quiet. GLOSSGRAPH_PROGRESS_AFTER=0 shows
# it from the start, so that a small glossary will do.
# usage: tests/cli/progress.sh path/to/glossgraph
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

# on_tty FILE ARGS...: run the binary with stdin, stdout and stderr on a
# pseudo-terminal; what it wrote there goes to FILE, its exit code to RC.
on_tty() {
	local file=$1 cmd
	shift
	cmd=$(printf '%q ' "$BIN" "$@")
	RC=0
	script -qec "$cmd" /dev/null </dev/null >"$file" 2>&1 || RC=$?
}

if ! command -v script >/dev/null; then
	echo "progress.sh: no script (util-linux): skipped"
	exit 0
fi

begin "on a terminal, every stage of a build shows its share done"
GLOSSGRAPH_PROGRESS_AFTER=0 on_tty "$TMP/tty" build -o "$TMP/out.tty" --formats graphml,dot
[ "$RC" -eq 0 ] || fail "exit $RC"
for stage in reading concepts linking graph writing; do
	grep -aqE "glossgraph: $stage [0-9]+%" "$TMP/tty" || fail "no progress of stage '$stage'"
done
grep -aqE "writing 100%|about [0-9]+ (s|min) left" "$TMP/tty" || fail "no time left and no end"
grep -aq $'\r' "$TMP/tty" || fail "the line is not drawn anew in place"
# wiped before the other messages: each of them starts its own line
grep -aq $'\033\[Kglossgraph: wrote ' "$TMP/tty" || fail "progress not wiped before 'wrote'"
[ -s "$TMP/out.tty/glossary.graphml" ] && [ -s "$TMP/out.tty/glossary.dot" ] || fail "files missing"

begin "on a terminal with --quiet: no progress"
GLOSSGRAPH_PROGRESS_AFTER=0 on_tty "$TMP/quiet" build -q -o "$TMP/out.quiet" --formats graphml
[ "$RC" -eq 0 ] || fail "exit $RC"
if grep -aqE "[0-9]+%" "$TMP/quiet"; then fail "progress shown: $(tr '\r' '\n' <"$TMP/quiet" | head -3)"; fi

begin "stderr not a terminal: no progress, the same messages"
GLOSSGRAPH_PROGRESS_AFTER=0 "$BIN" build -o "$TMP/out.file" --formats graphml,dot >"$TMP/out" 2>"$TMP/err" </dev/null
RC=$?
[ "$RC" -eq 0 ] || fail "exit $RC"
if grep -aqE "[0-9]+%|"$'\r' "$TMP/err"; then fail "progress on a file: $(head -3 "$TMP/err")"; fi
grep -q "glossgraph: wrote .*glossary.graphml" "$TMP/err" || fail "no 'wrote' line"
cmp -s "$TMP/out.tty/glossary.graphml" "$TMP/out.file/glossary.graphml" ||
	fail "the terminal's build wrote another GraphML"

begin "a build shorter than the delay shows nothing"
GLOSSGRAPH_PROGRESS_AFTER=60 on_tty "$TMP/short" build -o "$TMP/out.short" --formats graphml
[ "$RC" -eq 0 ] || fail "exit $RC"
if grep -aqE "[0-9]+%" "$TMP/short"; then fail "progress shown before the delay"; fi

begin "export on a terminal shows the writing"
GLOSSGRAPH_PROGRESS_AFTER=0 on_tty "$TMP/export" export gexf -o "$TMP/one.gexf"
[ "$RC" -eq 0 ] || fail "exit $RC"
grep -aqE "glossgraph: writing [0-9]+%" "$TMP/export" || fail "no progress of the export"

finish
