#!/bin/sh
# make.sh - the cloud glossary of tests/data/same made into HTML pages by the
# documentation generators people publish glossaries with, so that the HTML
# reader is tested on their real markup (tests/cli/formats.sh): Sphinx
# (glossary directive, :term: roles), Asciidoctor (a [glossary] list, block
# anchors, <<xrefs>>), Texinfo's makeinfo (@table, @anchor, @ref) and the
# DocBook XSL stylesheets (glossentry, glosssee, glossterm linkend).
#
#   tests/data/made/make.sh      (Debian: python3-sphinx asciidoctor texinfo
#                                 docbook-xsl xsltproc; not run by make test)
#
# The pages are committed; run this again after changing a source.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
same=$here/../same
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/sphinx"
cp "$same/glossary.rst" "$work/sphinx/index.rst"
printf "project = 'Cloud'\nhtml_theme = 'basic'\n" >"$work/sphinx/conf.py"
sphinx-build -q -b html "$work/sphinx" "$work/sphinx/out"
# the theme's inline script left out: the page's markup is what is tested
sed '/<script>.*<\/script>/d' "$work/sphinx/out/index.html" >"$here/sphinx.html"

asciidoctor -a linkcss -a copycss! -o "$here/asciidoctor.html" "$same/glossary.adoc"

makeinfo --html --no-split -o "$here/texinfo.html" "$here/glossary.texi"

xsltproc --nonet --stringparam glossentry.show.acronym yes -o "$here/docbook.html" \
	/usr/share/xml/docbook/stylesheet/docbook-xsl/html/docbook.xsl "$here/glossary.dbk"
