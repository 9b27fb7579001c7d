#!/usr/bin/env bash
# make-seeds.sh DIR - writes big seeds (100 KB to 1 MB) for each fuzzer into
# DIR/page, DIR/html, DIR/link, DIR/export and the readers' DIR/markdown,
# DIR/csv, DIR/json, DIR/yaml, DIR/skos, DIR/rst, DIR/asciidoc, DIR/docx (the
# document.xml of a Word document), DIR/odf (a flat OpenDocument
# spreadsheet), DIR/xlsx (an Excel worksheet), DIR/docbook, DIR/texinfo and DIR/latex, so that size bugs
# (a buffer boundary, a quadratic step, a long line) are within the
# fuzzers' reach.
# They are generated at `make fuzz` time rather than kept in the tree.
set -eu
out=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
glossary=$top/tests/adversarial/make-glossary.sh
mkdir -p "$out/page" "$out/html" "$out/link" "$out/export" "$out/markdown" "$out/csv" "$out/json" "$out/yaml" "$out/skos" \
	"$out/rst" "$out/asciidoc" "$out/docx" "$out/odf" "$out/xlsx" "$out/docbook" "$out/texinfo" "$out/latex"

# pages: the seed corpus's shape (chrome, headers, Markdown) grown to 1 MB,
# a generated glossary, and one line of 200 KB
for i in 1 2 3 4 5 6; do cat "$top"/data/*.txt; done | head -c 1000000 >"$out/page/seed-shape-1mb.txt"
"$glossary" 8000 >"$out/page/generated-8000.txt"
{ printf 'long, cat\n\n**Long** '; head -c 200000 /dev/zero | tr '\0' 'w'; printf ' names long.\n'; } \
	>"$out/page/line-200kb.txt"

# HTML: a Sphinx-like definition list of 3,000 terms with anchors
{
	printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n<dl class="glossary">\n'
	awk 'BEGIN { for (i = 0; i < 3000; i++)
		printf "<dt id=\"t%d\">term %d</dt><dd><p>Uses <a href=\"#t%d\">term %d</a> and term %d.</p></dd>\n",
			i, i, (i * 7 + 1) % 3000, (i * 7 + 1) % 3000, (i * 13 + 5) % 3000 }'
	printf '</dl></body></html>\n'
} >"$out/html/dl-3000.html"

# linker and writers: generated glossaries and the seed pages
"$glossary" 2000 >"$out/link/generated-2000.txt"
cp "$top/data/001_a20414638242ea56.txt" "$out/link/seed-page.txt"
"$glossary" 1000 3 >"$out/export/generated-1000.txt"
head -c 150000 "$top/data/000_fca2964c48dbdb34.txt" >"$out/export/seed-page-150kb.txt"

# the readers: 3,000 entries each in Markdown, CSV, JSON, Turtle, reStructuredText and AsciiDoc
awk 'BEGIN { print "# Glossary\n"; for (i = 0; i < 3000; i++)
	printf "Term %d\n: Uses [term %d](#term-%d) and term %d.\n\n", i, (i * 7 + 1) % 3000, (i * 7 + 1) % 3000, (i * 13 + 5) % 3000 }' \
	>"$out/markdown/deflist-3000.md"
awk 'BEGIN { print "term,definition,aliases,category"; for (i = 0; i < 3000; i++)
	printf "term %d,\"Uses term %d, and \"\"term %d\"\".\",t%d;tt%d,cat %d\n", i, (i * 7 + 1) % 3000, (i * 13 + 5) % 3000, i, i, i % 17 }' \
	>"$out/csv/rows-3000.csv"
awk 'BEGIN { print "["; for (i = 0; i < 3000; i++)
	printf "{\"term\": \"term %d\", \"definition\": \"Uses term %d.\", \"aliases\": [\"t%d\"]}%s\n", i, (i * 7 + 1) % 3000, i, i < 2999 ? "," : "";
	print "]" }' >"$out/json/array-3000.json"
awk 'BEGIN { print "terms:"; for (i = 0; i < 3000; i++)
	printf "  - term: term %d\n    aliases: [t%d]\n    definition: >\n      Uses term %d\n      and term %d.\n", i, i, (i * 7 + 1) % 3000, (i * 13 + 5) % 3000 }' \
	>"$out/yaml/list-3000.yaml"
awk 'BEGIN { print "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix ex: <https://example.org/g/> .";
	for (i = 0; i < 3000; i++)
		printf "ex:t%d a skos:Concept ; skos:prefLabel \"term %d\"@en ; skos:altLabel \"t%d\" ; skos:definition \"Uses term %d.\" ; skos:related ex:t%d .\n", i, i, i, (i * 7 + 1) % 3000, (i * 13 + 5) % 3000 }' \
	>"$out/skos/concepts-3000.ttl"
awk 'BEGIN { print "Glossary\n========\n\n.. glossary::\n"; for (i = 0; i < 3000; i++)
	printf "   Term %d\n   t%d\n      Uses :term:`term %d` and ``term %d``.\n\n", i, i, (i * 7 + 1) % 3000, (i * 13 + 5) % 3000 }' \
	>"$out/rst/glossary-3000.rst"
awk 'BEGIN { print "= Glossary\n"; for (i = 0; i < 3000; i++)
	printf "[[t%d]]Term %d::\n\tUses <<t%d>> and _term %d_.\n\n", i, i, (i * 7 + 1) % 3000, (i * 13 + 5) % 3000 }' \
	>"$out/asciidoc/glossary-3000.adoc"
awk 'BEGIN { printf "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:tbl>";
	for (i = 0; i < 3000; i++)
		printf "<w:tr><w:tc><w:p><w:bookmarkStart w:id=\"%d\" w:name=\"t%d\"/><w:r><w:t>Term %d</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Uses </w:t></w:r><w:hyperlink w:anchor=\"t%d\"><w:r><w:t>term %d</w:t></w:r></w:hyperlink><w:r><w:rPr><w:b/></w:rPr><w:t> and term %d.</w:t></w:r></w:p></w:tc></w:tr>\n", i, i, i, (i * 7 + 1) % 3000, (i * 7 + 1) % 3000, (i * 13 + 5) % 3000;
	print "</w:tbl></w:body></w:document>" }' >"$out/docx/table-3000.xml"
awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><office:body><office:spreadsheet><table:table>";
	printf "<table:table-row><table:table-cell><text:p>Term</text:p></table:table-cell><table:table-cell table:number-columns-repeated=\"2\"/><table:table-cell><text:p>Definition</text:p></table:table-cell></table:table-row>\n";
	for (i = 0; i < 3000; i++)
		printf "<table:table-row><table:table-cell><text:p><text:bookmark text:name=\"t%d\"/>Term %d</text:p></table:table-cell><table:table-cell table:number-columns-repeated=\"2\"/><table:table-cell><text:p>Uses <text:a xlink:href=\"#t%d\">term %d</text:a><text:s text:c=\"2\"/>and term %d.</text:p></table:table-cell></table:table-row>\n", i, i, (i * 7 + 1) % 3000, (i * 7 + 1) % 3000, (i * 13 + 5) % 3000;
	print "</table:table></office:spreadsheet></office:body></office:document>" }' >"$out/odf/sheet-3000.xml"
awk 'BEGIN { printf "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
	printf "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Term</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>Definition</t></is></c></row>\n";
	for (i = 0; i < 3000; i++)
		printf "<row r=\"%d\"><c r=\"A%d\" t=\"inlineStr\"><is><t>Term %d</t></is></c><c r=\"C%d\" t=\"inlineStr\"><is><r><t>Uses term %d </t></r><r><t>and term %d.</t></r></is></c></row>\n", 2 + i + int(i / 3), 2 + i + int(i / 3), i, 2 + i + int(i / 3), (i * 7 + 1) % 3000, (i * 13 + 5) % 3000;
	print "</sheetData></worksheet>" }' >"$out/xlsx/sheet-3000.xml"

# DocBook: a glossary of 3,000 entries in 30 divisions, linked by id
awk 'BEGIN { print "<?xml version=\"1.0\"?>\n<glossary xmlns=\"http://docbook.org/ns/docbook\"><title>Terms</title>";
	for (i = 0; i < 3000; i++) {
		if (i % 100 == 0)
			printf "%s<glossdiv><title>Part %d</title>\n", i ? "</glossdiv>" : "", i / 100;
		printf "<glossentry xml:id=\"t%d\"><glossterm>Term %d</glossterm><glossdef><para>Uses <glossterm linkend=\"t%d\">term %d</glossterm> and <xref linkend=\"t%d\"/>.</para></glossdef></glossentry>\n", i, i, (i * 7 + 1) % 3000, (i * 7 + 1) % 3000, (i * 13 + 5) % 3000 }
	print "</glossdiv></glossary>" }' >"$out/docbook/glossary-3000.dbk"

# Texinfo: a glossary of 3,000 entries in 30 chapters, anchors and references
awk 'BEGIN { print "\\input texinfo\n@node Top\n@top Terms\n";
	for (i = 0; i < 3000; i++) {
		if (i % 100 == 0)
			printf "%s@node Part %d\n@chapter Part %d\n@table @asis\n", i ? "@end table\n" : "", i / 100, i / 100;
		printf "@anchor{t%d}\n@item Term %d\n@itemx t%d\nUses @ref{t%d,,term %d} and @code{term %d}; @pxref{Term %d}.\n\n", i, i, i, (i * 7 + 1) % 3000, (i * 7 + 1) % 3000, (i * 13 + 5) % 3000, (i * 11 + 3) % 3000 }
	print "@end table\n@bye" }' >"$out/texinfo/glossary-3000.texi"

# LaTeX: 3,000 glossary entries of 30 glossaries, references, aliases and acronyms
awk 'BEGIN { print "\\documentclass{article}\n\\usepackage{glossaries-extra}";
	for (i = 0; i < 30; i++)
		printf "\\newglossary*{g%d}{Part %d}\n", i, i;
	for (i = 0; i < 3000; i++) {
		printf "\\newglossaryentry{t%d}{name={Term %d}, type=g%d, see={t%d},\n  description={Uses \\gls{t%d}, \\Glspl{t%d} and \\texttt{term %d}; $x_%d$ \\cite{k}.}}\n", i, i, i % 30, (i * 11 + 3) % 3000, (i * 7 + 1) % 3000, (i * 13 + 5) % 3000, i, i;
		if (i % 10 == 0)
			printf "\\newglossaryentry{a%d}{name={alias %d}, alias=t%d}\n\\newacronym{c%d}{C%d}{Concept number %d}\n", i, i, i, i, i, i }
	print "\\begin{document}\n\\printunsrtglossaries\n\\end{document}" }' >"$out/latex/glossary-3000.tex"
