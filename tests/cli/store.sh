#!/usr/bin/env bash
# store.sh - black-box tests of the saved graph: every query subcommand
# answers from --db byte for byte as from the pages (seed pages, a generated
# glossary, HTML with editor links); changed inputs are reported; the
# database is written whole or not at all; files that are not one, of a newer
# schema or damaged are refused; the schema is the one the README documents.
# usage: tests/cli/store.sh path/to/glossgraph   (run.sh calls it)
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

# The query command lines compared; TERM1 and TERM2 are replaced by two terms of the glossary,
# MISS1 by TERM1 misspelt.
QUERIES=(
	"terms" "terms --tsv --keywords" "terms --json"
	"show TERM1" "show TERM1 --tsv" "show TERM1 --json"
	"show pruninng" "neighbors pruninng"
	"neighbors TERM1" "neighbors TERM1 --depth 2 --json" "neighbors TERM2 --in --tsv"
	"neighbors TERM2 --depth 3 --out" "neighbors TERM1 --depth 2 --in --tsv"
	"related TERM1" "related TERM1 TERM2 --all --tsv" "related TERM2 --json"
	"path TERM1 TERM2" "path TERM2 TERM1 --undirected --json"
	"top" "top --by betweenness -n 0 --tsv" "top --by in-degree --keywords --json"
	"communities" "communities --json" "stats" "stats --json"
	"check" "check -n 0 --json" "check --scores --tsv"
	"export tsv -o -" "export json -o -" "export graphml -o -" "export csv --all -o -"
	"export dot --focus TERM1 --depth 2 -o -"
	"search TERM1" "search TERM2 --json -n 0"
	"neighbors MISS1" "show MISS1" "related MISS1 --tsv"
	"path MISS1 TERM2" "path TERM1 MISS1 --tsv" "path TERM1 TERM1"
)

# same_answer DB INPUT ARGS...: glossgraph ARGS from the pages (-i INPUT) and from
# DB gives the same stdout, stderr and exit status.
same_answer() {
	local db=$1 input=$2
	shift 2
	RC=0; "$BIN" "$@" -i "$input" >"$TMP/pages.out" 2>"$TMP/pages.err" || RC=$?
	local rc_pages=$RC
	RC=0; "$BIN" "$@" --db "$db" >"$TMP/db.out" 2>"$TMP/db.err" || RC=$?
	[ "$RC" = "$rc_pages" ] || fail "$*: exit $RC from the database, $rc_pages from the pages"
	cmp -s "$TMP/pages.out" "$TMP/db.out" || fail "$*: stdout differs: $(diff "$TMP/pages.out" "$TMP/db.out" | head -3)"
	cmp -s "$TMP/pages.err" "$TMP/db.err" || fail "$*: stderr differs: $(diff "$TMP/pages.err" "$TMP/db.err" | head -3)"
}

# same_answers DB TERM1 TERM2 INPUT: every query of QUERIES is a same_answer.
same_answers() {
	local db=$1 t1=$2 t2=$3 input=$4 q
	for q in "${QUERIES[@]}"; do
		q=${q//TERM1/\"$t1\"}
		q=${q//TERM2/\"$t2\"}
		q=${q//MISS1/\"${t1}qz\"}
		eval "set -- $q"
		same_answer "$db" "$input" "$@"
	done
}

begin "build writes glossary.sqlite by default, and says so"
run build -i data -o "$TMP/seeds"
expect 0 "" "wrote $TMP/seeds/glossary.sqlite"
[ -s "$TMP/seeds/glossary.sqlite" ] || fail "no database"
run build -q -i data -o "$TMP/nodb" --formats tsv
[ -e "$TMP/nodb/glossary.sqlite" ] && fail "written without being asked"
run build -q -i data -o "$TMP/onlydb" --formats sqlite
[ "$(ls "$TMP/onlydb")" = glossary.sqlite ] || fail "--formats sqlite wrote: $(ls "$TMP/onlydb")"

begin "every query from the seed pages' database is byte-identical"
same_answers "$TMP/seeds/glossary.sqlite" NTK NAS data

begin "every query from a generated glossary's database is byte-identical"
"$PYTHON" scripts/gen_glossary.py -q --entries 1500 --seed 7 -o "$TMP/gen" || fail "gen_glossary.py"
run build -q -i "$TMP/gen" -o "$TMP/gen-db" --formats sqlite
expect 0
t1=$("$BIN" top -n 1 --tsv -q -i "$TMP/gen" | sed -n 2p | cut -f2)
t2=$("$BIN" top -n 2 --by in-degree --tsv -q -i "$TMP/gen" | sed -n 3p | cut -f2)
[ -n "$t1" ] && [ -n "$t2" ] || fail "no terms to ask about"
same_answers "$TMP/gen-db/glossary.sqlite" "$t1" "$t2" "$TMP/gen"

begin "HTML editor links (a fitted threshold) and SKOS answer the same from the database"
run build -q -i tests/data/editor-links.html -o "$TMP/html" --formats sqlite
expect 0
same_answers "$TMP/html/glossary.sqlite" Amplifier Signal tests/data/editor-links.html
run build -q -i tests/data/glossary.ttl -o "$TMP/ttl" --formats sqlite
expect 0
t1=$("$BIN" terms --tsv -q -i tests/data/glossary.ttl 2>/dev/null | sed -n 2p | cut -f1)
same_answers "$TMP/ttl/glossary.sqlite" "$t1" "$t1" tests/data/glossary.ttl

begin "related of one term from a database with hubs reads only its part, and answers the same"
# 12,000 generated entries: their most mentioned terms have over 1,000 links
"$PYTHON" scripts/gen_glossary.py -q --entries 12000 --seed 3 -o "$TMP/hubs" || fail "gen_glossary.py"
run build -q -i "$TMP/hubs" -o "$TMP/hubs-db" --formats sqlite
expect 0
"$BIN" top -n 0 --by in-degree --tsv -q --db "$TMP/hubs-db/glossary.sqlite" >"$TMP/ranked"
[ "$(sed -n 2p "$TMP/ranked" | cut -f5)" -gt 1000 ] || fail "no term with over 1,000 links in"
n=$(($(wc -l <"$TMP/ranked") - 1))
for rank in 1 2 $((n / 100)) $((n / 2)) $n; do
	term=$(sed -n "$((rank + 1))p" "$TMP/ranked" | cut -f2)
	same_answer "$TMP/hubs-db/glossary.sqlite" "$TMP/hubs" related "$term"
	same_answer "$TMP/hubs-db/glossary.sqlite" "$TMP/hubs" related -n 0 --tsv "$term"
done

begin "paths from a database with hubs: the same chains, found without reading it all"
# pairs of terms from the most to the least linked, the links' way and either way
for pair in "1 $n" "$n 1" "2 $((n / 2))" "$((n / 100)) $((n / 3))" "$((n / 2)) $((n / 4))" "$n $((n - 1))"; do
	set -- $pair
	from=$(sed -n "$(($1 + 1))p" "$TMP/ranked" | cut -f2)
	to=$(sed -n "$(($2 + 1))p" "$TMP/ranked" | cut -f2)
	same_answer "$TMP/hubs-db/glossary.sqlite" "$TMP/hubs" path "$from" "$to" --tsv
	same_answer "$TMP/hubs-db/glossary.sqlite" "$TMP/hubs" path "$from" "$to" --tsv --undirected
done

begin "a database of schema 2 (its indexes by an end hold every edge, no saved figures) answers the same"
cp "$TMP/gen-db/glossary.sqlite" "$TMP/v2.sqlite"
sqlite3 "$TMP/v2.sqlite" "DROP INDEX edges_source; DROP INDEX edges_target;
	CREATE INDEX edges_source ON edges(source); CREATE INDEX edges_target ON edges(target);
	PRAGMA user_version = 2;" || fail "sqlite3"
t1=$("$BIN" top -n 1 --tsv -q -i "$TMP/gen" | sed -n 2p | cut -f2)
t2=$("$BIN" top -n 2 --by in-degree --tsv -q -i "$TMP/gen" | sed -n 3p | cut -f2)
sqlite3 "$TMP/v2.sqlite" "DELETE FROM meta WHERE key LIKE 'graph_%';" || fail "sqlite3"
same_answer "$TMP/v2.sqlite" "$TMP/gen" neighbors "$t1" --depth 2
same_answer "$TMP/v2.sqlite" "$TMP/gen" related "$t2" --tsv
same_answer "$TMP/v2.sqlite" "$TMP/gen" path "$t2" "$t1"
same_answer "$TMP/v2.sqlite" "$TMP/gen" path "$t1" "$t2" --undirected
same_answer "$TMP/v2.sqlite" "$TMP/gen" stats
same_answer "$TMP/v2.sqlite" "$TMP/gen" search "$t1" --json

begin "link options recorded: a --keep-all database answers as --keep-all pages"
run build -q -i data --keep-all -o "$TMP/all" --formats sqlite
expect 0
run check -q --keep-all -i data
cp "$TMP/out" "$TMP/keep-all.check"
run check -q --db "$TMP/all/glossary.sqlite"
cmp -s "$TMP/out" "$TMP/keep-all.check" || fail "check differs"

begin "a dense glossary's scores and their parts from the database as from the pages"
grep -v '^#' tests/data/links/dense.txt >"$TMP/dense.txt"
run build -q -i "$TMP/dense.txt" -o "$TMP/dense" --formats sqlite
expect 0
run check --scores --tsv -n 0 -q -i "$TMP/dense.txt"
cp "$TMP/out" "$TMP/dense.scores"
[ "$(awk -F'\t' 'NR > 1 && $18 > 0' "$TMP/out" | wc -l)" -gt 0 ] || fail "no link with a dense part"
run check --scores --tsv -n 0 -q --db "$TMP/dense/glossary.sqlite"
cmp -s "$TMP/out" "$TMP/dense.scores" || fail "the scores' parts differ"

begin "--db with -i or a link option is a usage error"
run terms --db "$TMP/seeds/glossary.sqlite" -i data
expect 2 "" "--db answers from the saved graph"
run related NAS --db "$TMP/seeds/glossary.sqlite" --keep-all
expect 2 "" "--db answers from the saved graph"

begin "a changed input is reported on stderr, and the answer still comes from the database"
mkdir -p "$TMP/pages"
cp data/*.txt "$TMP/pages/"
run build -q -i "$TMP/pages" -o "$TMP/stale" --formats sqlite
run neighbors NAS -q --db "$TMP/stale/glossary.sqlite"
cp "$TMP/out" "$TMP/before"
[ -s "$TMP/err" ] && fail "a warning before anything changed: $(cat "$TMP/err")"
page=$(ls "$TMP/pages" | head -1)
printf 'extra term, cat\n\n**Extra term** is new.\n' >>"$TMP/pages/$page"
run neighbors NAS -q --db "$TMP/stale/glossary.sqlite"
expect 0 "" "warning: '$TMP/pages/$page' has changed since '$TMP/stale/glossary.sqlite' was built"
cmp -s "$TMP/out" "$TMP/before" || fail "the answer changed"
rm "$TMP/pages/$page"
run terms -q --db "$TMP/stale/glossary.sqlite"
expect 0 "" "warning: '$TMP/pages/$page' has changed"

begin "with thousands of pages in two folders, each changed or removed page (and its folder) is reported, none other"
mkdir -p "$TMP/many/a" "$TMP/many/b"
for i in $(seq 1000 2299); do
	dir=a
	[ "$i" -ge 1700 ] && dir=b
	printf 'term %s, cat\n\n**Term %s** is linked to term 1000.\n' "$i" "$i" >"$TMP/many/$dir/page-$i.txt"
done
touch -d 2001-01-01 "$TMP/many/a" "$TMP/many/b" # a removal below changes its folder's time for sure
run build -q -i "$TMP/many/a" -i "$TMP/many/b" -o "$TMP/many/out" --formats sqlite
expect 0
run neighbors 'term 1000' -q --db "$TMP/many/out/glossary.sqlite"
expect 0
[ -s "$TMP/err" ] && fail "a warning before anything changed: $(cat "$TMP/err")"
touch -d 2001-01-01 "$TMP/many/a/page-1003.txt"
echo >>"$TMP/many/b/page-2298.txt"
rm "$TMP/many/a/page-1600.txt"
run neighbors 'term 1000' -q --db "$TMP/many/out/glossary.sqlite"
expect 0
[ "$(grep -c 'has changed' "$TMP/err")" = 4 ] || fail "not four warnings: $(cat "$TMP/err")"
for p in a/page-1003.txt a/page-1600.txt b/page-2298.txt a; do
	grep -q "warning: '$TMP/many/$p' has changed" "$TMP/err" || fail "no warning for $p"
done

begin "relative inputs are found from the folder the database was built in"
mkdir -p "$TMP/rel/sub"
cp -r data "$TMP/rel/pages"
(cd "$TMP/rel" && "$BIN" build -q -i pages -o out --formats sqlite) || fail "build in $TMP/rel"
RC=0
(cd "$TMP/rel/sub" && "$BIN" neighbors NAS -q --db ../out/glossary.sqlite) >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "" ""
[ -s "$TMP/err" ] && fail "a warning from another folder though nothing changed: $(cat "$TMP/err")"
touch -d 2001-01-01 "$TMP/rel/pages/"*.txt
RC=0
(cd "$TMP/rel/sub" && "$BIN" neighbors NAS -q --db ../out/glossary.sqlite) >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "" "warning: 'pages/"

begin "a failed write leaves the old database as it was and no temporary file"
mkdir -p "$TMP/keep"
echo "old content" >"$TMP/keep/glossary.sqlite"
# a file size limit stands in for a full disk: writes past 100 KB fail
RC=0
(trap '' XFSZ; ulimit -f 100; exec "$BIN" build -q -i data -o "$TMP/keep" --formats sqlite) \
	>"$TMP/out" 2>"$TMP/err" || RC=$?
expect 1 "" "cannot write '$TMP/keep/glossary.sqlite'"
[ "$(cat "$TMP/keep/glossary.sqlite")" = "old content" ] || fail "old file changed"
[ "$(ls -A "$TMP/keep")" = glossary.sqlite ] || fail "left behind: $(ls -A "$TMP/keep")"

begin "the database is written beside the exports: each is reported, the database last"
run build -i data -o "$TMP/beside" --formats tsv,dot,sqlite
expect 0
grep -o "wrote [^ ]*" "$TMP/err" | sed 's|.*/||' >"$TMP/wrote"
[ "$(echo $(cat "$TMP/wrote"))" = "glossary.dot glossary.tsv glossary.sqlite" ] ||
	fail "reported: $(echo $(cat "$TMP/wrote"))"
[ -s "$TMP/beside/glossary.sqlite" ] || fail "no database"
"$BIN" stats -q --db "$TMP/beside/glossary.sqlite" >"$TMP/out" 2>&1 || fail "the database does not answer"
mkdir -p "$TMP/beside-full"
echo "old content" >"$TMP/beside-full/glossary.sqlite"
# the TSV (38 KB) fits under the limit, the database does not
RC=0
(trap '' XFSZ; ulimit -f 100; exec "$BIN" build -q -i data -o "$TMP/beside-full" --formats tsv,sqlite) \
	>"$TMP/out" 2>"$TMP/err" || RC=$?
expect 1 "" "cannot write '$TMP/beside-full/glossary.sqlite'"
cmp -s "$TMP/beside-full/glossary.tsv" "$TMP/beside/glossary.tsv" || fail "the TSV was not written whole"
[ "$(cat "$TMP/beside-full/glossary.sqlite")" = "old content" ] || fail "old database changed"
[ "$(ls -A "$TMP/beside-full")" = "$(printf 'glossary.sqlite\nglossary.tsv')" ] ||
	fail "left behind: $(ls -A "$TMP/beside-full")"

begin "the database begun while linking: when linking fails, the old one stays and nothing is left"
mkdir -p "$TMP/stopped"
echo "old content" >"$TMP/stopped/glossary.sqlite"
echo "bias not-a-number" >"$TMP/bad.model"
run build -i data -o "$TMP/stopped" --formats tsv,sqlite --link-model "$TMP/bad.model"
expect 1 "" "bad.model:1: expected NAME VALUE"
grep -q "glossary.sqlite" "$TMP/err" && fail "the database reported: $(cat "$TMP/err")"
[ "$(cat "$TMP/stopped/glossary.sqlite")" = "old content" ] || fail "old database changed"
[ "$(ls -A "$TMP/stopped")" = glossary.sqlite ] || fail "left behind: $(ls -A "$TMP/stopped")"

begin "an unwritable folder fails, says why, leaves nothing"
mkdir -p "$TMP/ro"
chmod 555 "$TMP/ro"
if [ -w "$TMP/ro" ]; then
	: # root writes anywhere: nothing to test
else
	run build -q -i data -o "$TMP/ro" --formats sqlite
	expect 1 "" "cannot write in '$TMP/ro"
	[ -z "$(ls -A "$TMP/ro")" ] || fail "left behind: $(ls -A "$TMP/ro")"
fi
chmod 755 "$TMP/ro"

begin "a file that is not a database, not glossgraph's, newer, damaged or missing: exit 1"
cp data/000_fca2964c48dbdb34.txt "$TMP/page.sqlite"
run terms --db "$TMP/page.sqlite"
expect 1 "" "'$TMP/page.sqlite' is not a glossgraph database"
sqlite3 "$TMP/other.sqlite" "CREATE TABLE t(a); INSERT INTO t VALUES(1);"
run stats --db "$TMP/other.sqlite"
expect 1 "" "'$TMP/other.sqlite' is not a glossgraph database"
cp "$TMP/seeds/glossary.sqlite" "$TMP/newer.sqlite"
sqlite3 "$TMP/newer.sqlite" "PRAGMA user_version = 99;"
run related NAS --db "$TMP/newer.sqlite"
expect 1 "" "has schema version 99, newer than this glossgraph reads"
size=$(stat -c %s "$TMP/seeds/glossary.sqlite")
head -c $((size / 2)) "$TMP/seeds/glossary.sqlite" >"$TMP/half.sqlite"
run neighbors NAS --db "$TMP/half.sqlite"
expect 1 "" "'$TMP/half.sqlite' is a damaged glossgraph database"
cp "$TMP/seeds/glossary.sqlite" "$TMP/rows.sqlite"
sqlite3 "$TMP/rows.sqlite" "DELETE FROM concepts WHERE id = 3;"
run top --db "$TMP/rows.sqlite"
expect 1 "" "is a damaged glossgraph database: the concepts are not numbered in order"
run top --db "$TMP/no-such.sqlite"
expect 1 "" "cannot open '$TMP/no-such.sqlite': No such file or directory"
: >"$TMP/empty.sqlite"
run top --db "$TMP/empty.sqlite"
expect 1 "" "is not a glossgraph database"

begin "sqlite3 reads the schema the README documents"
db="$TMP/seeds/glossary.sqlite"
# README: "| `table` | `column`, `column`, ... |" rows of the "Saved graph (SQLite)" section
sed -n '/^## Saved graph (SQLite)/,/^## /p' README.md | grep -E '^\| `[a-z_]+` \|' |
	sed -E 's/^\| `([a-z_]+)` \| ([^|]*)\|.*/\1 \2/; s/`//g; s/,//g' >"$TMP/readme-schema"
[ -s "$TMP/readme-schema" ] || fail "no schema table in the README"
while read -r table columns; do
	actual=$(sqlite3 "$db" "SELECT group_concat(name, ' ') FROM pragma_table_info('$table');")
	[ "$actual" = "$(echo $columns)" ] || fail "$table: README says '$(echo $columns)', the database has '$actual'"
done <"$TMP/readme-schema"
tables=$(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'definitions_%' ORDER BY name;" | tr '\n' ' ')
documented=$(cut -d' ' -f1 "$TMP/readme-schema" | sort | tr '\n' ' ')
[ "$tables" = "$documented" ] || fail "tables: database '$tables', README '$documented'"
[ "$(sqlite3 "$db" "PRAGMA user_version;")" = 3 ] || fail "user_version"
[ "$(sqlite3 "$db" "SELECT count(*) FROM concepts WHERE kind = 'term';")" = 55 ] || fail "55 terms"
sqlite3 "$db" "SELECT c.name FROM edges e JOIN concepts c ON c.id = e.target JOIN concepts s ON s.id = e.source
	WHERE s.name = 'Neural Tangent Kernel NAS' AND e.held = '' ORDER BY c.name;" >"$TMP/sql-out"
grep -q "^Neural Tangent Kernel$" "$TMP/sql-out" || fail "no edge to the kernel: $(cat "$TMP/sql-out")"
# the README's query of the links into a term, with their snippets, as `neighbors --in` prints them
sqlite3 "$db" "SELECT s.name, e.snippet FROM edges_with_evidence e JOIN concepts s ON s.id = e.source
	JOIN concepts t ON t.id = e.target WHERE t.name = 'Neural Tangent Kernel' AND e.held = '' ORDER BY e.id;" >"$TMP/sql-out"
[ -s "$TMP/sql-out" ] || fail "no snippet of the links into the kernel"
"$BIN" neighbors "Neural Tangent Kernel" --in --tsv -q --db "$db" >"$TMP/neighbors"
while IFS='|' read -r name snippet; do
	grep -qF -- "$name	" "$TMP/neighbors" && grep -qF -- "	$snippet" "$TMP/neighbors" ||
		fail "snippet not as neighbors prints it: $name: $snippet"
done <"$TMP/sql-out"
[ "$(sqlite3 "$db" "SELECT count(*) FROM definitions WHERE definitions MATCH 'kernel';")" -gt 0 ] ||
	fail "full-text index empty"
[ "$(sqlite3 "$db" "PRAGMA integrity_check;")" = ok ] || fail "integrity_check"

begin "search: ranked hits with snippets; a term's name as words; a bad query is an error"
run search "tangent kernel" -q --db "$TMP/seeds/glossary.sqlite"
expect 0 "^ 1\. Neural Tangent Kernel"
grep -q "\[Kernel\]" "$TMP/out" || fail "no marked match"
run search 'kernel++' -q --db "$TMP/seeds/glossary.sqlite"
expect 0 "^ 1\. "
grep -q "\[Kernel\]" "$TMP/out" || fail "no marked match for kernel++"
run search '"kernel' -q
expect 1 "" "cannot search for '\"kernel'"
run search zzzqqq
expect 0 "" "no definition matches 'zzzqqq'"

finish
