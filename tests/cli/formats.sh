#!/usr/bin/env bash
# formats.sh - black-box tests of the input formats: Markdown, CSV/TSV, JSON, YAML,
# SKOS (Turtle, RDF/XML, JSON-LD), reStructuredText, AsciiDoc, Texinfo, Word, HTML layouts,
# line lists and standard input give the same concepts and links for the
# same glossary; malformed
# files are reported with file:line and read no half.
# usage: tests/cli/formats.sh path/to/glossgraph   (run from anywhere)
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2
SAME=tests/data/same
# the CSV's glossary in the other formats (tables.rst: reST list and CSV
# tables; glossary.myst.md: MyST glossary directives; glossary.tex: the
# LaTeX glossaries package's entries and abbreviations)
SAME_FILES="glossary.md glossary.json glossary.yaml glossary.ttl glossary.rdf glossary.jsonld glossary.rst
	glossary.adoc glossary.docx glossary.odt glossary.ods glossary.xlsx tables.rst glossary.myst.md glossary.tex"

# the edges without their evidence (which names the file and its offsets)
edges() { "$BIN" export tsv -q -o - "$@" | cut -f1-4 | sort; }

begin "one glossary in fourteen formats, as reST tables and MyST: the same concepts"
run terms --tsv -q -i $SAME/glossary.csv
expect 0 "^Virtual machine	guest machine	VM	Compute	1	term$"
cp "$TMP/out" "$TMP/terms.csv"
[ "$(wc -l <"$TMP/terms.csv")" -eq 15 ] || fail "not 14 concepts"
for f in $SAME_FILES; do
	run terms --tsv -q -i $SAME/$f
	expect 0
	cmp -s "$TMP/out" "$TMP/terms.csv" || fail "$f: $(diff "$TMP/terms.csv" "$TMP/out" | head -3)"
done

begin "one glossary in fourteen formats, as reST tables and MyST: the same links"
edges -i $SAME/glossary.csv >"$TMP/edges.csv"
grep -q "^Virtual machine	Hypervisor	1	editor$" "$TMP/edges.csv" || fail "no editor link"
grep -q "^Load balancer	Virtual machine	1	mention$" "$TMP/edges.csv" || fail "no mention link"
for f in $SAME_FILES; do
	edges -i $SAME/$f >"$TMP/edges"
	cmp -s "$TMP/edges" "$TMP/edges.csv" || fail "$f: $(diff "$TMP/edges.csv" "$TMP/edges" | head -3)"
done

begin "one glossary as a static site keeps it, a Markdown page per term with front matter: the same concepts and links"
# tests/data/site: title, aka, tags, related and the page's text; a Hugo shortcode links one page to another
run terms --tsv -q -i tests/data/site
expect 0
sort "$TMP/out" | cut -f1-4 | cmp -s - <(sort "$TMP/terms.csv" | cut -f1-4) ||
	fail "site: $(sort "$TMP/out" | cut -f1-4 | diff <(sort "$TMP/terms.csv" | cut -f1-4) - | head -3)"
edges -i tests/data/site >"$TMP/edges"
cmp -s "$TMP/edges" "$TMP/edges.csv" || fail "site: $(diff "$TMP/edges.csv" "$TMP/edges" | head -3)"
run show -q "Virtual machine" -i tests/data/site/virtual-machine.md
expect 0 "virtual-machine.md:2: Virtual machine" 
grep -q "glossary_tooltip" "$TMP/out" && fail "a shortcode left in the text"
# YAML by --format from standard input; bad YAML fails with its line and keeps nothing
RC=0; "$BIN" terms -q --tsv --format yaml -i - <$SAME/glossary.yaml >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^Virtual machine	guest machine	VM	Compute	1	term$"
printf -- '- term: A\n  definition: x\n - term: B\n' >"$TMP/bad.yaml"
run terms -i "$TMP/bad.yaml"
expect 1 "" "bad.yaml:3: invalid YAML"

begin "one glossary made into HTML by Sphinx, Asciidoctor, Texinfo and DocBook, and its DocBook and Texinfo sources: the same concepts and links"
# tests/data/made/make.sh made the pages; Sphinx sorts its glossary, and
# DocBook gives each synonym an entry of its own ("See Virtual machine")
MADE=tests/data/made
sort "$TMP/terms.csv" | cut -f1-4 >"$TMP/terms.sorted"
for f in sphinx.html asciidoctor.html texinfo.html docbook.html glossary.dbk glossary.texi; do
	run terms --tsv -q -i $MADE/$f
	expect 0
	sort "$TMP/out" | cut -f1-4 | cmp -s - "$TMP/terms.sorted" ||
		fail "$f: $(sort "$TMP/out" | cut -f1-4 | diff "$TMP/terms.sorted" - | head -3)"
	edges -i $MADE/$f >"$TMP/edges"
	cmp -s "$TMP/edges" "$TMP/edges.csv" || fail "$f: $(diff "$TMP/edges.csv" "$TMP/edges" | head -3)"
done
# DocBook found by its content, from standard input, by --format; an entry's line is its term's
cp $MADE/glossary.dbk "$TMP/cloud.xml"
run show -q "Load balancer" -i "$TMP/cloud.xml"
expect 0 "cloud.xml:107: Load balancer \\(LB\\)"
RC=0; "$BIN" terms -q --tsv --format docbook -i - <$MADE/glossary.dbk >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^Virtual machine	guest machine	VM	Compute	2	term$"
printf '<?xml version="1.0"?>\n<glossary><title>Cut</title><glossentry><glossterm>A' >"$TMP/cut.dbk"
run terms -i "$TMP/cut.dbk"
expect 1 "" "cut.dbk: warning: not a DocBook document \\(.*not well-formed XML"
printf '<?xml version="1.0"?>\n<article xmlns="http://docbook.org/ns/docbook"><para>None.</para></article>\n' >"$TMP/none.xml"
run terms -i "$TMP/none.xml"
expect 1 "" "none.xml: warning: no <glossary> or <glosslist>"
# Texinfo found by its content ("\input texinfo"; "@node" and "@table" lines), from standard input by --format
cp $MADE/glossary.texi "$TMP/cloud.txt"
run show -q "Load balancer" -i "$TMP/cloud.txt"
expect 0 "cloud.txt:75: Load balancer \\(LB\\)"
sed 1,2d $MADE/glossary.texi >"$TMP/chapter.txt"
run terms -q --tsv -i "$TMP/chapter.txt"
expect 0 "^Virtual machine	guest machine	VM	Compute	1	term$"
RC=0; "$BIN" terms -q --tsv --format texinfo -i - <$MADE/glossary.texi >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^Virtual machine	guest machine	VM	Compute	1	term$"
printf '@node Top\n@top T\n@include terms.texi\n@table @asis\n@item A\nThe first.\n@end table\n' >"$TMP/main.texi"
run terms -i "$TMP/main.texi"
expect 0 "^A " "main.texi:3: warning: '@include terms.texi' is not read"
# AsciiDoc's preprocessor: a conditional drops an entry, an include is reported with its line
printf ':cloud:\n\nifndef::cloud[]\nB::\n  Local only.\nendif::[]\n\ninclude::terms.adoc[]\n\nA::\n  The first.\n' >"$TMP/main.adoc"
run terms -i "$TMP/main.adoc"
expect 0 "^A " "main.adoc:8: warning: 'include::terms.adoc\\[\\]' is not read"
! grep -q "^B " "$TMP/out" || fail "main.adoc: the entry of a dropped conditional was read"
# LaTeX found by its content (a "\newglossaryentry" line), from standard input by --format; a
# document's description list under its sections, "\ref" to an item's label an editor link,
# "\input" reported with its line
sed 1,2d $SAME/glossary.tex >"$TMP/cloud.txt"
run terms -q --tsv -i "$TMP/cloud.txt"
expect 0 "^Virtual machine	guest machine	VM	Compute	1	term$"
RC=0; "$BIN" terms -q --tsv --format latex -i - <$SAME/glossary.tex >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^Load balancer		LB	Networking	1	term$"
printf '\\documentclass{book}\n\\begin{document}\n\\section{Jobs}\n\\begin{description}\n\\item[Batch job] Run by\n  \\texttt{cron}; see \\ref{node}. %% not text\n\\input{terms}\n\\section{Places}\n\\item[Node\\label{node}] A machine.\n\\end{description}\n\\end{document}\n' >"$TMP/doc.tex"
run neighbors -q --out "Batch job" -i "$TMP/doc.tex"
expect 0 "^Batch job -> Node  \\[editor" "doc.tex:7: warning: \"\\\\input\\{terms\\}\" is not read"
run show -q "Batch job" -i "$TMP/doc.tex"
expect 0 "^Run by \`cron\`; see Node\\.$"
printf '\\input texinfo\n@node Top\n@top Notes\nNo table.\n' >"$TMP/none.texi"
run terms -i "$TMP/none.texi"
expect 1 "" "none.texi: warning: no entries in this file \\(no two-column table"
# Asciidoctor's anchor on the list a term opens; Texinfo's at the end of the definition before
run neighbors -q --in "Container orchestration" -i $MADE/asciidoctor.html
expect 0 "^Container -> Container orchestration  \\[editor"
run neighbors -q --in Autoscaling -i $MADE/texinfo.html
expect 0 "^Infrastructure as code -> Autoscaling  \\[editor"
run neighbors -q --in Autoscaling -i $MADE/glossary.texi
expect 0 "^Infrastructure as code -> Autoscaling  \\[editor"
# a link to an anchor the page lacks ("<<lb,load balancer>>") is taken by its text
run check -q -i $MADE/asciidoctor.html
expect 0
grep -q "unknown-target" "$TMP/out" && fail "asciidoctor.html: $(grep unknown-target "$TMP/out")"

begin "one glossary in four HTML layouts, a Markdown table and a line list: the same concepts and links"
LAYOUTS=tests/data/layouts
run terms --tsv -q -i $LAYOUTS/list.html
expect 0 "^Registration	"
cp "$TMP/out" "$TMP/terms.list"
edges -i $LAYOUTS/list.html >"$TMP/edges.list"
grep -q "^Halftone	Screen	1	editor$" "$TMP/edges.list" || fail "no editor link"
grep -q "^Registration	Halftone	1	mention$" "$TMP/edges.list" || fail "no mention link"
for f in table.html headings.html bold.html table.md; do
	run terms --tsv -q -i $LAYOUTS/$f
	expect 0
	cmp -s "$TMP/out" "$TMP/terms.list" || fail "$f: $(diff "$TMP/terms.list" "$TMP/out" | head -3)"
	edges -i $LAYOUTS/$f >"$TMP/edges"
	cmp -s "$TMP/edges" "$TMP/edges.list" || fail "$f: $(diff "$TMP/edges.list" "$TMP/edges" | head -3)"
done
# a text file of one entry a line: the same terms and mentions (no editor links)
run terms --tsv -q -i $LAYOUTS/lines.txt
expect 0
cmp -s "$TMP/out" "$TMP/terms.list" || fail "lines.txt: $(diff "$TMP/terms.list" "$TMP/out" | head -3)"
edges -i $LAYOUTS/lines.txt >"$TMP/edges" 2>/dev/null
grep -v "	editor$" "$TMP/edges.list" | cmp -s - "$TMP/edges" || fail "lines.txt: $(grep -v "	editor$" "$TMP/edges.list" | diff - "$TMP/edges" | head -3)"
run terms -i $LAYOUTS/lines.txt
expect 0 "" "lines.txt:1: warning: 1 line skipped: before the first entry"

begin "a TSV file reads as its CSV twin"
"$PYTHON" -c 'import csv,sys; w=csv.writer(sys.stdout, delimiter="\t", lineterminator="\n"); [w.writerow(r) for r in csv.reader(open(sys.argv[1]))]' \
	$SAME/glossary.csv >"$TMP/glossary.tsv"
run terms --tsv -q -i "$TMP/glossary.tsv"
cmp -s "$TMP/out" "$TMP/terms.csv" || fail "TSV differs"
expect 0

begin "standard input, by content, named <stdin>"
for f in csv md json ttl rst adoc docx odt ods xlsx; do
	RC=0; "$BIN" terms --tsv -q -i - <$SAME/glossary.$f >"$TMP/out" 2>"$TMP/err" || RC=$?
	expect 0
	cmp -s "$TMP/out" "$TMP/terms.csv" || fail "stdin $f differs"
done
RC=0; "$BIN" show vm -q -i - <$SAME/glossary.md >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^<stdin>:7: Virtual machine \(VM\)$"

begin "--format when the content cannot tell"
RC=0; printf 'term,definition\nfoo,"a ""foo"""\n' | "$BIN" terms -q --tsv --format csv -i - >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^foo	"
RC=0; printf '## Foo\n\nA foo.\n' | "$BIN" terms -q --tsv --format markdown -i - >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^Foo	"
run terms -i $SAME/glossary.csv --format toml
expect 1 "" "no input format 'toml'"

begin "reStructuredText and AsciiDoc: the editors' links, by --format and by content"
RC=0; printf 'Foo\n   A foo; see :term:`the bar <Bar>`.\n\nBar\n   A bar.\n' |
	"$BIN" export tsv -q --format rst -o - -i - >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^Foo	Bar	1	editor	"
RC=0; printf 'foo:: A foo; see <<def_bar>>.\n\n[[def_bar]]bar:: A bar.\n' |
	"$BIN" export tsv -q --format asciidoc -o - -i - >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^foo	bar	1	editor	.*	bar	"
printf '[[def_ref]]ref::\n\tA name that points at an <<def_object,object>>.\n\n[[def_object]]object::\n\tThe unit of storage.\n' >"$TMP/glossary-content.txt"
run show ref -i "$TMP/glossary-content.txt"
expect 0 "glossary-content.txt:1: ref"
grep -q "^A name that points at an object\.$" "$TMP/out" || fail "markup left in the definition"

begin "Word documents: by --format; a ZIP of something else, a lock file beside one: skipped"
RC=0; "$BIN" terms -q --tsv --format docx -i - <$SAME/glossary.docx >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^Virtual machine	guest machine	VM	Compute	1	term$"
"$PYTHON" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").writestr("content.xml", "<x/>")' "$TMP/notes.zip"
run terms -i "$TMP/notes.zip"
expect 1 "" "notes.zip: warning: not a Word document \(no word/document.xml in the archive\); skipped"
mkdir "$TMP/word"
cp $SAME/glossary.docx "$TMP/word/glossary.docx"
head -c 162 $SAME/glossary.docx >"$TMP/word/~\$glossary.docx" # Word's lock file while it is open
run terms -q --tsv -i "$TMP/word"
expect 0 "^Virtual machine	guest machine	VM	Compute	1	term$"
run terms --tsv -i "$TMP/word"
expect 0 "" "glossary.docx: warning: not a Word document"
run show backlog -i tests/data/team.docx
expect 0 "team.docx:3: Backlog"

begin "OpenDocument: by --format, by content; flat documents; what is no text or spreadsheet: skipped"
RC=0; "$BIN" terms -q --tsv --format odt -i - <$SAME/glossary.odt >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^Virtual machine	guest machine	VM	Compute	1	term$"
RC=0; "$BIN" terms -q --tsv --format ods -i - <$SAME/glossary.ods >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^Virtual machine	guest machine	VM	Compute	1	term$"
run show vm -i $SAME/glossary.ods
expect 0 "glossary.ods:2: Virtual machine"
run export tsv -q -o - -i tests/data/headings.fodt
expect 0 "^Halftone	Screen	1	editor	"
cp tests/data/headings.fodt "$TMP/headings.xml"
run terms -q --tsv -i "$TMP/headings.xml"
expect 0 "^Screen			Prepress	1	term$"
# by content, the media type's member with an extra field (as zip(1) writes one)
"$PYTHON" -c '
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile(sys.argv[2], "w") as out:
    for info in src.infolist():
        copy = zipfile.ZipInfo(info.filename, info.date_time)
        copy.compress_type = info.compress_type
        copy.extra = b"UT\x05\x00\x01\x00\x00\x00\x00" if info.filename == "mimetype" else b""
        out.writestr(copy, src.read(info.filename))' tests/data/team.odt "$TMP/team-extra"
RC=0; "$BIN" terms -q --tsv -i - <"$TMP/team-extra" >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^Backlog				1	term$"
# a damaged styles.xml: the text read plain, and said
"$PYTHON" -c '
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile(sys.argv[2], "w") as out:
    for info in src.infolist():
        data = src.read(info.filename)
        out.writestr(info, data[:len(data) // 2] if info.filename == "styles.xml" else data)' tests/data/team.odt "$TMP/badstyles.odt"
run terms -i "$TMP/badstyles.odt"
expect 0 "" "badstyles.odt: warning: the named styles \(styles.xml is not well-formed XML: .*\) left out"
"$PYTHON" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").writestr("content.xml", "<x/>")' "$TMP/notes.odt"
run terms -i "$TMP/notes.odt"
expect 1 "" "notes.odt: warning: not an OpenDocument text or spreadsheet \(it has no body\); skipped"

begin "Excel workbooks: by --format, by content, named as a Word document; what is no workbook: skipped"
RC=0; "$BIN" terms -q --tsv --format xlsx -i - <$SAME/glossary.xlsx >"$TMP/out" 2>"$TMP/err" || RC=$?
expect 0 "^Virtual machine	guest machine	VM	Compute	1	term$"
run show romaji -i tests/data/book.xlsx
expect 0 "book.xlsx:8: Romaji"
cp $SAME/glossary.xlsx "$TMP/sheet.docx"
run terms -q --tsv -i "$TMP/sheet.docx"
expect 0 "^Virtual machine	guest machine	VM	Compute	1	term$"
head -c 1000 $SAME/glossary.xlsx >"$TMP/cut.xlsx"
run terms -i "$TMP/cut.xlsx"
expect 1 "" "cut.xlsx: warning: not an Excel workbook"

begin "formats mix in one -i list"
run terms -q --tsv -i $SAME/glossary.md -i tests/data/glossary.html
expect 0 "^Beta	"
grep -q "^Virtual machine	" "$TMP/out" || fail "no Markdown concept"

begin "CSV: quoted newlines keep line numbers right"
printf 'term,definition\n"a","one\nline two\nthree"\n"b",\n"c","see a"\n' >"$TMP/lines.csv"
run show c -i "$TMP/lines.csv"
expect 0 "lines.csv:6: c" "lines.csv:5: warning: 'b' has no definition; skipped"

begin "CSV: an unterminated quote fails the file with its line"
printf 'term,definition\na,fine\nb,"never closed\nc,more\n' >"$TMP/open.csv"
run terms -i "$TMP/open.csv"
expect 1 "" "open.csv:3: quoted field without its closing quote"
[ -s "$TMP/out" ] && fail "output written"

begin "CSV: no term column names the columns there are"
printf 'lemma,sense,notes\nx,y,z\n' >"$TMP/cols.csv"
run terms -i "$TMP/cols.csv"
expect 1 "" "cols.csv:1: no term column .*the columns are 'lemma', 'sense', 'notes'"

begin "CSV: two columns without a header row are term and definition"
printf 'Router,Forwards packets to a switch.\nSwitch,Joins hosts.\n' >"$TMP/two.csv"
run terms --tsv -i "$TMP/two.csv"
expect 0 "^Router	" "two.csv:1: warning: no column named in the first row: the two columns read as term and definition"
grep -q "^Switch	" "$TMP/out" || fail "no Switch"

begin "CSV: header only, empty file"
printf 'term,definition\n' >"$TMP/header.csv"
run terms -i "$TMP/header.csv"
expect 1 "" "header.csv: warning: no entries in this file"
: >"$TMP/empty.csv"
run terms -i "$TMP/empty.csv"
expect 1 "" "empty.csv: warning: empty file"

begin "CSV: bad UTF-8 replaced and reported with file:line"
printf 'term,definition\ncaf\351,"a \001 drink"\n' >"$TMP/bad.csv"
run terms -i "$TMP/bad.csv"
expect 0 "caf" "bad.csv:2: warning: 2 invalid UTF-8 or control bytes replaced"

begin "CSV: a 5 MB field"
{ printf 'term,definition\nlong,"'; head -c 5000000 /dev/zero | tr '\0' 'x'; printf '"\n'; } >"$TMP/huge.csv"
run terms -q --tsv -i "$TMP/huge.csv"
expect 0 "^long	"

begin "JSON: the three shapes"
printf '{"alpha": "The first; see beta.", "beta": {"definition": "The second.", "aliases": "b2|second"}}\n' >"$TMP/map.json"
run terms -q --tsv -i "$TMP/map.json"
expect 0 "^beta	b2; second	"
grep -q "^alpha	" "$TMP/out" || fail "no alpha"

begin "JSON: a syntax error fails the file with its line"
printf '[\n {"term": "a", "definition": "x"},\n {"term": "b" "definition": "y"}\n]\n' >"$TMP/bad.json"
run terms -i "$TMP/bad.json"
expect 1 "" "bad.json:3: invalid JSON"

begin "JSON: deep nesting is an error, not a crash"
"$PYTHON" -c 'print("[" * 100000 + "]" * 100000)' >"$TMP/deep.json"
run terms -i "$TMP/deep.json"
expect 1 "" "deep.json:1: invalid JSON"

begin "JSON: not a glossary's shape"
printf '"just a string"\n' >"$TMP/string.json"
run terms -i "$TMP/string.json"
expect 1 "" "string.json:1: a JSON glossary is an array of objects"

begin "JSON: entries keep the line of their object"
run show "load balancer" -i $SAME/glossary.json
expect 0 "glossary.json:[0-9]+: Load balancer"
line=$(grep -o 'glossary.json:[0-9]*' "$TMP/out" | head -1 | cut -d: -f2)
sed -n "${line}p" $SAME/glossary.json | grep -q '{' || fail "line $line is not the object's start"
sed -n "$((line + 1))p" $SAME/glossary.json | grep -q '"Load balancer"' || fail "line $line: not Load balancer's object"

begin "Turtle: a syntax error is reported with file:line:column"
printf '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a> a skos:Concept ;\n  skos:prefLabel "x" ;;; .\n<b> skos:prefLabel "y\n' >"$TMP/bad.ttl"
run terms -i "$TMP/bad.ttl"
expect 1 "" "bad.ttl:[0-9]+: column [0-9]+: "

begin "Turtle: labels in English first, hidden labels match"
cat >"$TMP/lang.ttl" <<'EOF'
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<#chat> a skos:Concept ;
    skos:prefLabel "chat"@fr, "cat"@en ;
    skos:hiddenLabel "kitty" ;
    skos:definition "un animal"@fr, "An animal; see dog."@en ;
    skos:broader <#dog> .
<#dog> a skos:Concept ; skos:prefLabel "dog" ; skos:definition "Another animal." .
EOF
run show kitty -q -i "$TMP/lang.ttl"
expect 0 "^cat$"
grep -q "^An animal; see dog.$" "$TMP/out" || fail "not the English definition"
run export tsv -q -o - -i "$TMP/lang.ttl"
expect 0 "^cat	dog	1	editor	"

begin "Markdown: one heading per term, markup removed, code kept"
cat >"$TMP/heads.md" <<'EOF'
# Glossary

Intro text.

## Alpha

The first letter, before [beta](#beta). Try `beta --now`.

```
beta in code
```

## Beta

The *second* letter, after **alpha**; see [elsewhere](https://example.org/#alpha).
EOF
run show beta -i "$TMP/heads.md"
expect 0 "heads.md:13: Beta$"
grep -q "^The second letter, after alpha; see elsewhere.$" "$TMP/out" || fail "markup not removed"
run show alpha -q -i "$TMP/heads.md"
grep -q 'Try `beta --now`. `beta in code`$' "$TMP/out" || fail "code not kept: $(tail -1 "$TMP/out")"
run export tsv -q -o - -i "$TMP/heads.md"
expect 0 "^Alpha	Beta	1	editor	"
grep -q "^Beta	Alpha	1	editor" "$TMP/out" && fail "a link elsewhere made an editor link"

begin "Markdown: an empty file and one without entries"
: >"$TMP/empty.md"
run terms -i "$TMP/empty.md"
expect 1 "" "empty.md: warning: empty file"
printf 'just prose\n' >"$TMP/prose.md"
run terms -i "$TMP/prose.md"
expect 1 "" "prose.md: warning: no entries in this file"

begin "export skos reads back: the same concepts and the same links between terms"
run export skos -q -i data -o "$TMP/seeds.ttl"
expect 0
"$BIN" terms --tsv -q -i data | cut -f1 | sort >"$TMP/names.pages"
"$BIN" terms --tsv -q -i "$TMP/seeds.ttl" 2>/dev/null | cut -f1 | sort >"$TMP/names.ttl"
cmp -s "$TMP/names.pages" "$TMP/names.ttl" || fail "concepts differ: $(diff "$TMP/names.pages" "$TMP/names.ttl" | head -3)"
# mention links whose target is a term (keyword nodes are not read back)
mentions() {
	"$BIN" export tsv -q -i "$1" -o - 2>/dev/null |
		awk -F'\t' 'NR == FNR { term[$0] = 1; next } $4 == "mention" && ($2 in term) { print $1 "\t" $2 }' \
			"$TMP/names.pages" - | sort
}
mentions data >"$TMP/links.pages"
mentions "$TMP/seeds.ttl" >"$TMP/links.ttl"
[ -s "$TMP/links.pages" ] || fail "no links between terms"
cmp -s "$TMP/links.pages" "$TMP/links.ttl" || fail "links differ: $(diff "$TMP/links.pages" "$TMP/links.ttl" | head -3)"

finish
