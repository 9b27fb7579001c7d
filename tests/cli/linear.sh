#!/usr/bin/env bash
# linear.sh - reading and name folding take time linear in the input: each
# check times an input and one four times larger and wants the ratio of CPU
# times under 8 (a quadratic step gives 16). Ratios, never absolute times.
# usage: tests/cli/linear.sh path/to/glossgraph
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

# Microseconds of CPU time (user and system) `terms` takes on FILE, the best
# of three runs; 0 on failure. CPU time, not wall time: other work on the
# machine slows the clock, much less the process's own count.
best_time() {
	"$PYTHON" - "$BIN" "$1" 2>"$TMP/err" <<'PY' || echo 0
import os, subprocess, sys
best = None
for _ in range(3):
    p = subprocess.Popen(["timeout", "120", sys.argv[1], "terms", "-q", "-i", sys.argv[2]],
                         stdout=subprocess.DEVNULL)
    _, status, use = os.wait4(p.pid, 0)
    if status != 0:
        sys.exit(1)
    t = int((use.ru_utime + use.ru_stime) * 1e6) + 1
    best = t if best is None else min(best, t)
print(best)
PY
}

# linear NAME EXT N PYTHON: PYTHON writes an input of size n (sys.argv[1])
# to sys.argv[2]; the times of n = N and n = 4N must stay within 8x.
linear() {
	begin "linear time: $1"
	"$PYTHON" -c "$4" "$3" "$TMP/small.$2" && "$PYTHON" -c "$4" $(($3 * 4)) "$TMP/large.$2" ||
		{ fail "cannot make the inputs"; return; }
	local small large
	small=$(best_time "$TMP/small.$2")
	large=$(best_time "$TMP/large.$2")
	if [ "$small" -eq 0 ] || [ "$large" -eq 0 ]; then
		fail "glossgraph failed or timed out"
	elif [ $((large)) -ge $((small * 8)) ]; then
		fail "4x the input took $((large / small))x the CPU time ($small us, $large us)"
	fi
}

linear "a <dt> of combining marks" html 60000 '
import sys
n = int(sys.argv[1])
marks = "\u0301\u0316" * n
open(sys.argv[2], "w").write("<html><body><dl><dt>a" + marks + "</dt><dd>A mark.</dd>"
    "<dt>b</dt><dd>Another.</dd></dl></body></html>\n")'

linear "a long name of parentheses" html 200000 '
import sys
n = int(sys.argv[1])
open(sys.argv[2], "w").write("<html><body><dl><dt>a " + "(also " * n + ")</dt>"
    "<dd>See b.</dd><dt>b</dt><dd>A term.</dd></dl></body></html>\n")'

linear "many entries of one name" txt 5000 '
import sys
n = int(sys.argv[1])
with open(sys.argv[2], "w") as f:
    for i in range(n):
        f.write("widget, gadgets\n\n**Widget (W%d)** is thing %d.\n\n" % (i, i))'

linear "long header lines" txt 2000 '
import sys
n = int(sys.argv[1])
with open(sys.argv[2], "w") as f:
    for i in range(n):
        items = ",".join("item (also x%d" % k for k in range(60))
        f.write("term %d see, %s\n\n**Term %d** see term %d.\n\n" % (i, items, i, i + 1))'

linear "many redirects and aliases" txt 4000 '
import sys
n = int(sys.argv[1])
with open(sys.argv[2], "w") as f:
    f.write("target\n\n**Target** The one.\n\n")
    for i in range(n):
        f.write("name%d (also other%d), cat\n\nSee target.\n\n" % (i, i))'

linear "a Latin-1 CSV of many rows" csv 10000 '
import sys
n = int(sys.argv[1])
with open(sys.argv[2], "wb") as f:
    f.write(b"term,definition\n")
    for i in range(n):
        f.write(b"caf\xe9 %d,A caf\xe9 that serves term %d.\n" % (i, i))'

linear "a SKOS vocabulary of many members" ttl 3000 '
import sys
n = int(sys.argv[1])
with open(sys.argv[2], "w") as f:
    f.write("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix ex: <http://example.org/> .\n")
    f.write("ex:all a skos:Collection ; skos:prefLabel \"All\" .\n")
    for i in range(n):
        f.write("ex:c%d a skos:Concept ; skos:prefLabel \"term %d\"@en, \"terme %d\"@fr ;\n"
                "    skos:definition \"Thing %d.\"@en .\nex:all skos:member ex:c%d .\n" % (i, i, i, i, i))'

linear "a SKOS vocabulary of subjects within lines" ttl 3000 '
import sys
n = int(sys.argv[1])
with open(sys.argv[2], "w") as f:
    f.write("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix ex: <http://example.org/> .\n")
    for i in range(n):
        f.write("ex:c%d a skos:Concept ; skos:prefLabel \"term %d\" . ex:d%d a skos:Concept ;"
                " skos:prefLabel \"other %d\" ; skos:definition \"Thing %d.\" .\n" % (i, i, i, i, i))'

finish
