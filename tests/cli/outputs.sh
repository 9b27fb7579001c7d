#!/usr/bin/env bash
# outputs.sh - how outputs are written: descriptors and devices written
# through, modes, owners and links kept, unwritable files refused, no
# temporary left by a signal or a dead run, the Neo4j pair from one run
# when two builds race, and output names checked.
# usage: tests/cli/outputs.sh path/to/glossgraph
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2
PAGE=$TOP/data/000_fca2964c48dbdb34.txt
W=$TMP/w
mkdir -p "$W"

# the temporaries left in folder $1
temporaries() { find "$1" -maxdepth 1 -name '.glossgraph.tmp-*'; }
# export ARGS... into the current folder, from the seed page, quietly
gg() { "$BIN" "$@" -q -i "$PAGE"; }

begin "writing through /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N appends to what the shell opened"
cd "$W" || exit 2
for target in /dev/stdout /dev/stderr /dev/fd/3 /proc/self/fd/3; do
	echo first >log
	case $target in
	/dev/stdout) gg export tsv -o $target >>log 2>"$TMP/err" ;;
	/dev/stderr) gg export tsv -o $target 2>>log ;;
	*) gg export tsv -o $target 3>>log 2>"$TMP/err" ;;
	esac || fail "$target: exit $?"
	[ "$(head -1 log)" = first ] || fail "$target replaced the file it leads to"
	grep -q "^source	target	" log || fail "$target: nothing written"
	[ -z "$(temporaries .)" ] || fail "$target: a temporary left"
done
cd "$TOP" || exit 2

begin "a FIFO is written through, not replaced"
mkfifo "$W/fifo"
cat "$W/fifo" >"$W/from-fifo" &
reader=$!
run export tsv -i "$PAGE" -o "$W/fifo"
wait "$reader"
expect 0
[ -p "$W/fifo" ] || fail "the FIFO was replaced"
grep -q "^source	target	" "$W/from-fifo" || fail "nothing came through the FIFO"

begin "/dev/null stays a device"
run export graphml -i "$PAGE" -o /dev/null
expect 0
[ -c /dev/null ] || fail "/dev/null is no longer a device"

begin "replacing a file keeps its mode"
for mode in 600 640 604 755; do
	echo old >"$W/m.tsv"
	chmod "$mode" "$W/m.tsv"
	run export tsv -i "$PAGE" -o "$W/m.tsv"
	expect 0
	[ "$(stat -c %a "$W/m.tsv")" = "$mode" ] || fail "mode $mode became $(stat -c %a "$W/m.tsv")"
done

begin "a symlink: the file it points to is replaced, the link stays"
echo old >"$W/target.tsv"
ln -s target.tsv "$W/link.tsv"
ln -s missing.tsv "$W/dangling.tsv"
run export tsv -i "$PAGE" -o "$W/link.tsv"
expect 0
[ -L "$W/link.tsv" ] || fail "the link was replaced"
grep -q "^source	" "$W/target.tsv" || fail "its target was not written"
run export tsv -i "$PAGE" -o "$W/dangling.tsv"
expect 0
[ -L "$W/dangling.tsv" ] && [ -f "$W/missing.tsv" ] || fail "a dangling link: its target not made"

# as root, the unprivileged checks run as nobody
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
if [ "$(id -u)" -eq 0 ] && as_nobody true 2>/dev/null && as_nobody test -x "$BIN" -a -r "$PAGE"; then
	begin "as another user: a file we may not write is refused, even in a world-writable folder"
	chmod 711 "$TMP"
	mkdir -m 777 "$TMP/open"
	echo mine >"$TMP/open/root.tsv"
	RC=0
	as_nobody "$BIN" export tsv -q -i "$PAGE" -o "$TMP/open/root.tsv" 2>"$TMP/err" || RC=$?
	expect 1 "" "cannot write '.*root.tsv': Permission denied"
	[ "$(cat "$TMP/open/root.tsv")" = mine ] || fail "the file was replaced"
	[ "$(stat -c %U "$TMP/open/root.tsv")" = root ] || fail "its owner changed"
	[ -z "$(temporaries "$TMP/open")" ] || fail "a temporary left"

	begin "as root: replacing another user's file keeps its owner and group"
	echo theirs >"$TMP/open/theirs.tsv"
	chown nobody:nogroup "$TMP/open/theirs.tsv"
	chmod 640 "$TMP/open/theirs.tsv"
	run export tsv -i "$PAGE" -o "$TMP/open/theirs.tsv"
	expect 0
	[ "$(stat -c %U:%G:%a "$TMP/open/theirs.tsv")" = nobody:nogroup:640 ] ||
		fail "became $(stat -c %U:%G:%a "$TMP/open/theirs.tsv")"
elif [ "$(id -u)" -ne 0 ]; then
	begin "a read-only file is refused, as > refuses it"
	echo mine >"$W/read-only.tsv"
	chmod 444 "$W/read-only.tsv"
	run export tsv -i "$PAGE" -o "$W/read-only.tsv"
	expect 1 "" "cannot write '.*read-only.tsv': Permission denied"
	[ "$(cat "$W/read-only.tsv")" = mine ] || fail "the file was replaced"
	echo "outputs.sh: skipped the other-user checks (they need root and setpriv)"
else
	echo "outputs.sh: skipped the other-user checks (setpriv cannot run as nobody here)"
fi

# A glossary big enough that writing GraphML takes a while.
tests/adversarial/make-glossary.sh 50000 >"$TMP/big.txt"

begin "SIGINT, SIGTERM, SIGHUP while writing: no temporary left, the old file intact"
mkdir -p "$W/sig"
for sig in INT TERM HUP; do
	echo "the old file" >"$W/sig/big.graphml"
	# a background job starts with SIGINT ignored: give it the default back
	env --default-signal="$sig" "$BIN" export graphml -q -i "$TMP/big.txt" -o "$W/sig/big.graphml" 2>/dev/null &
	pid=$!
	seen=
	while kill -0 "$pid" 2>/dev/null; do
		[ -n "$(temporaries "$W/sig")" ] && { seen=1; break; }
		sleep 0.02
	done
	kill -s "$sig" "$pid" 2>/dev/null
	RC=0
	{ wait "$pid"; } 2>/dev/null || RC=$?
	[ -n "$seen" ] || { fail "SIG$sig: the write ended before a temporary was seen"; continue; }
	[ "$RC" -gt 128 ] || fail "SIG$sig: exit $RC, not killed by the signal"
	[ -z "$(temporaries "$W/sig")" ] || fail "SIG$sig left $(temporaries "$W/sig")"
	[ "$(cat "$W/sig/big.graphml")" = "the old file" ] || fail "SIG$sig: the old file changed"
done

begin "the next write into a folder removes the temporaries of a run that is gone"
mkdir -p "$W/stale"
sh -c 'exit 0' &
dead=$!
wait "$dead"
kill -0 "$dead" 2>/dev/null && dead=999999999
printf 'x%.0s' {1..1000} >"$W/stale/.glossgraph.tmp-$dead-0"
: >"$W/stale/.glossgraph.tmp-$dead-1.old"     # not the exact pattern: kept
: >"$W/stale/.glossgraph.tmp-$$-2"            # a live run's: kept
: >"$W/stale/.glossgraph.tmp-$dead-3"         # too young: kept
: >"$W/stale/.glossgraph.tmp-$((dead + 4294967296))-4" # no PID (above INT_MAX): kept
mkdir "$W/stale/.glossgraph.tmp-$dead-5"      # a dead vault's folder of notes: removed
: >"$W/stale/.glossgraph.tmp-$dead-5/Alpha.md"
mkdir -p "$W/stale/.glossgraph.tmp-$dead-6/.obsidian" # a folder within: kept
mkdir "$W/stale/.glossgraph.tmp-$dead-7" "$W/stale/.glossgraph.tmp-$dead-7.old" # a swap under way: kept
touch -d '1 minute ago' "$W/stale/.glossgraph.tmp-$dead-0" "$W/stale/.glossgraph.tmp-$dead-1.old" \
	"$W/stale/.glossgraph.tmp-$$-2" "$W/stale/.glossgraph.tmp-$((dead + 4294967296))-4" \
	"$W/stale/.glossgraph.tmp-$dead-5" "$W/stale/.glossgraph.tmp-$dead-6" "$W/stale/.glossgraph.tmp-$dead-7"
run export tsv -i "$PAGE" -o "$W/stale/out.tsv"
expect 0
[ -e "$W/stale/.glossgraph.tmp-$dead-0" ] && fail "the dead run's temporary is still there"
[ -e "$W/stale/.glossgraph.tmp-$dead-5" ] && fail "the dead run's vault folder is still there"
for kept in ".glossgraph.tmp-$dead-1.old" ".glossgraph.tmp-$$-2" ".glossgraph.tmp-$dead-3" \
	".glossgraph.tmp-$((dead + 4294967296))-4" ".glossgraph.tmp-$dead-6/.obsidian" \
	".glossgraph.tmp-$dead-7" ".glossgraph.tmp-$dead-7.old"; do
	[ -e "$W/stale/$kept" ] || fail "$kept was removed"
done
run export vault -i "$PAGE" -o "$W/stale/vault"
expect 0
[ -z "$(temporaries "$W/stale" | grep -v -e "-$dead-" -e "-$$-" -e "-$((dead + 4294967296))-")" ] ||
	fail "the vault export left $(temporaries "$W/stale")"

begin "two builds into one folder at once: the Neo4j pair always comes from one run"
tests/adversarial/make-glossary.sh 1000 1 >"$TMP/a.txt"
tests/adversarial/make-glossary.sh 1500 2 >"$TMP/b.txt"
# "nodes relationships" line counts of one run of each input
pair() { echo "$(wc -l <"$1/g.nodes.csv") $(wc -l <"$1/g.relationships.csv")"; }
"$BIN" build -q -i "$TMP/a.txt" -o "$W/ref-a" --name g --formats neo4j
"$BIN" build -q -i "$TMP/b.txt" -o "$W/ref-b" --name g --formats neo4j
ref_a=$(pair "$W/ref-a")
ref_b=$(pair "$W/ref-b")
for round in $(seq 30); do
	"$BIN" build -q -i "$TMP/a.txt" -o "$W/race" --name g --formats neo4j &
	a=$!
	"$BIN" build -q -i "$TMP/b.txt" -o "$W/race" --name g --formats neo4j &
	b=$!
	wait "$a" || fail "round $round: a failed"
	wait "$b" || fail "round $round: b failed"
	got=$(pair "$W/race")
	[ "$got" = "$ref_a" ] || [ "$got" = "$ref_b" ] || { fail "round $round: a mixed pair ($got)"; break; }
	unknown=$(awk -F, 'FNR == 1 { next } NR == FNR { id[$1] = 1; next }
		!($1 in id) || !($2 in id) { n++ } END { print n + 0 }' \
		"$W/race/g.nodes.csv" "$W/race/g.relationships.csv")
	[ "$unknown" -eq 0 ] || { fail "round $round: $unknown links to ids not in the nodes file"; break; }
done
[ -z "$(temporaries "$W/race")" ] || fail "a temporary left"

begin "a 250-byte file name is written"
long=$(printf 'n%.0s' {1..246}).tsv
run export tsv -i "$PAGE" -o "$W/$long"
expect 0
[ -s "$W/$long" ] || fail "not written"

begin "a name longer than the file system allows is refused before anything is written"
mkdir -p "$W/toolong"
run export tsv -i "$PAGE" -o "$W/toolong/$(printf 'n%.0s' {1..256})"
expect 1 "" "cannot write '.*': File name too long"
run export neo4j -i "$PAGE" -o "$W/toolong/$(printf 'n%.0s' {1..240})"
expect 1 "" "File name too long"
[ -z "$(ls -A "$W/toolong")" ] || fail "left $(ls -A "$W/toolong")"
run build -i "$PAGE" -o "$W/toolong/b" --name "$(printf 'n%.0s' {1..240})"
expect 2 "" "too long a file name"
[ -e "$W/toolong/b" ] && fail "something was written"

begin "an output that is the stop-term list is refused, the list intact"
printf 'nothing\n' >"$W/stop.txt"
run export tsv -i "$PAGE" --stop-terms "$W/stop.txt" -o "$W/stop.txt"
expect 1 "" "will not write '.*stop.txt': it is an input"
[ "$(cat "$W/stop.txt")" = nothing ] || fail "the stop-term list changed"
printf 'nothing\n' >"$W/stop.tsv"
run build -i "$PAGE" --stop-terms "$W/stop.tsv" -o "$W" --name stop --formats tsv
expect 1 "" "will not write '.*stop.tsv': it is an input"
[ "$(cat "$W/stop.tsv")" = nothing ] || fail "build changed the stop-term list"

begin "build's outputs have distinct names: --name nas --focus NAS is refused"
run build -i "$PAGE" -o "$W/clash" --name nas --focus NAS
expect 2 "" "two of the outputs would be '.*clash/nas.svg'"
[ -e "$W/clash" ] && fail "something was written"

begin "--name that is empty, hidden or a path is a usage error"
for name in "" . .. .hidden a/b; do
	run build -i "$PAGE" -o "$W/names" --name "$name"
	expect 2 "" "--name takes a file name"
done
[ -e "$W/names" ] && fail "something was written"

begin "--formats that is empty or unknown is a usage error"
for list in "" "," "tsv,nope"; do
	run build -i "$PAGE" -o "$W/formats" --formats "$list"
	expect 2 "" "--formats takes a list|unknown|format"
done
[ -e "$W/formats" ] && fail "something was written"

finish
