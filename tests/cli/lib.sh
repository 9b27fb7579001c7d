# lib.sh - helpers for black-box tests of the glossgraph binary.
# Source it with BIN set; each check is `begin NAME` then commands with
# `run`, `expect` and `fail`; a check passes unless something in it failed.
# End with `finish`, which prints "N passed, N failed".

TOP=$(cd "$(dirname "$0")/../.." && pwd)
SCHEMAS_DIR=${SCHEMAS_DIR:-$TOP/../shared/schemas}
PYTHON=${PYTHON:-/usr/bin/python3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PASSED=0
FAILED=0
CURRENT=

CHECK_FAILED=0

# Count the verdict of the check that is open, if any.
tally() {
	[ -n "$CURRENT" ] || return 0
	if [ "$CHECK_FAILED" -eq 0 ]; then PASSED=$((PASSED + 1)); else FAILED=$((FAILED + 1)); fi
	CURRENT=
}

begin() { tally; CURRENT=$1; CHECK_FAILED=0; }
fail() {
	CHECK_FAILED=1
	echo "FAIL: $CURRENT: $*" >&2
	[ -s "$TMP/err" ] && sed 's/^/    stderr: /' "$TMP/err" | head -5 >&2
	return 0
}

# run ARGS...: run the binary; stdout in $TMP/out, stderr in $TMP/err, exit in $RC.
run() {
	RC=0
	"$BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null || RC=$?
}

# expect CODE [PATTERN_IN_STDOUT] [PATTERN_IN_STDERR] (extended regexps)
expect() {
	if [ "$RC" -ne "$1" ]; then
		fail "exit $RC, expected $1"
	elif [ -n "${2:-}" ] && ! grep -qE -- "$2" "$TMP/out"; then
		fail "stdout lacks /$2/"
	elif [ -n "${3:-}" ] && ! grep -qE -- "$3" "$TMP/err"; then
		fail "stderr lacks /$3/"
	fi
}

finish() {
	tally
	echo "$(basename "$0"): $PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
}
