#!/usr/bin/env bash
# make-cases.sh DIR - writes the adversarial corpus into DIR, one file (or
# folder) per case of cases.tsv. The cases are generated rather than stored
# so that every odd byte is spelled out here, and the big ones (a 100 MB
# line, 50,000 terms, 100,000 nested elements) cost nothing in the tree.
set -eu
out=$1
mkdir -p "$out"
cd "$out"

lf='one, cat\n\n**One** names two and (three).\n\ntwo, cat\n\n**Two** names one.\n\nthree, cat\n\n**Three** is three.\n'
printf "$lf" >lf.txt
printf '\357\273\277'"$lf" >bom.txt
printf "$lf" | sed 's/$/\r/' >crlf.txt
printf "$lf" | tr '\n' '\r' >cr.txt
{ printf '\377\376'; printf "$lf" | iconv -f UTF-8 -t UTF-16LE; } >utf16le.txt
{ printf '\376\377'; printf "$lf" | sed 's/$/\r/' | iconv -f UTF-8 -t UTF-16BE; } >utf16be-crlf.txt

: >empty.txt
printf ' \t\n\n   \n\t\n' >whitespace.txt
printf 'lonely term, cat\n' >header-only.txt
printf 'one, cat\n\n**One** names two.\ntwo, cat\n\n**Two** names one.\n' >no-blank-line.txt
printf 'nul, cat\n\n**Nul** has a \000 NUL and names ctl.\n\nctl, cat\n\n**Ctl** has \001\002\033 controls and names nul.\n' >nul-control.txt
printf 'over, cat\n\n**Over** long \300\257 slash and \340\200\257 names sur.\n\nsur, cat\n\n**Sur** a surrogate \355\240\200 and U+FFFF \357\277\277 names over.\n' >overlong-surrogate.txt
printf 'cut, cat\n\n**Cut** ends in a cut sequence \342\202' >truncated-end.txt
# an invalid sequence across the 64 KiB mark, where a buffered reader would cut
{ printf 'edge, cat\n\n**Edge** '; head -c 65520 /dev/zero | tr '\0' 'x'; printf ' \342\202\254\342\202 \360\237\230 end.\n'; } >buffer-boundary.txt
{ printf 'long, cat\n\n**Long** '; head -c 5000000 /dev/zero | tr '\0' 'x'; printf ' names short.\n\nshort, cat\n\n**Short** names long.\n'; } >line-5mb.txt
head -c 100000000 /dev/zero | tr '\0' 'a' >file-100mb-no-newline.txt
printf 'Bit, units\n\n**Bit** A binary digit.\n\nbit, units\n\n**bit** The smallest unit, see Bits.\n' >case-only.txt
printf 'caf\303\251, food\n\n**Caf\303\251** serves coffee.\n\ncafe\314\201, food\n\n**Cafe\314\201** is also a place.\n\nbar, food\n\n**Bar** is near the caf\303\251.\n' >nfc-nfd.txt
printf 'kernel, math\n\n**Kernel** a function.\n\ntangent kernel, math\n\n**Tangent Kernel** a kernel.\n\nneural tangent kernel, ntk, math\n\n**Neural Tangent Kernel (NTK)** beats the tangent kernel and the kernel.\n\nuser, math\n\n**User** uses the neural tangent kernel, the NTK.\n' >substrings.txt
printf 'narcissus, myth\n\n**Narcissus** mentions narcissus, Narcissus and narcissi (narcissus).\n' >self-mention.txt
printf 'alpha, loop\n\n**Alpha** leads to beta.\n\nbeta, loop\n\n**Beta** leads to gamma.\n\ngamma, loop\n\n**Gamma** leads back to alpha.\n' >cycle.txt
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "chain term %05d, chain\n\n**Chain Term %05d** leads to chain term %05d.\n\n", i, i, i + 1 }' >chain-50000.txt
{
	for name in node Edge graph strict 'say "hi"' 'back\slash' 'new\Nline' '<b>bold</b>' '&amp;' 'cdata ]]> end' 'semi;colon' '{brace' 'arrow -> b' 'tab	inside'; do
		printf '%s, weird\n\n**%s** is named oddly; see node, Edge, graph and strict.\n\n' "$name" "$name"
	done
} >weird-names.txt
mkdir -p order
printf "$lf" >order/1.txt
printf 'four, cat\n\n**Four** names one and two.\n\none, cat\n\n**One** again.\n' >order/2.txt

printf '<html><body><dl><dt>Stray</dt><dd>A stray \377 byte, see <a href="#other">other</a>.</dd><dt id="other">Other</dt><dd>Names stray.</dd></dl></body></html>' >stray-byte.html
{ printf '<html><body><dl><dt>Big</dt><dd>'; head -c 10000000 /dev/zero | tr '\0' 'w'; printf ' names small.</dd><dt>Small</dt><dd>Names big.</dd></dl></body></html>'; } >text-node-10mb.html
awk 'BEGIN { printf "<html><body><dl><dt>Deep</dt><dd>"; for (i = 0; i < 100000; i++) printf "<span>"; printf "deep"; for (i = 0; i < 100000; i++) printf "</span>"; printf "</dd><dt>After</dt><dd>names deep.</dd></dl></body></html>" }' >nested-100000.html

# a folder of pages holding more than pages; an image named as an input
mkdir -p mixed-folder/sub
printf "$lf" >mixed-folder/page.txt
printf 'term,definition\nHub,A repeater.\n' >mixed-folder/sub/more.csv
ln -sf /nonexistent/page.txt mixed-folder/dangling.txt
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\020\000\000\000\020\010\006\000\000\000\037\363\377a\000\000\000\004sBIT\010\010\010\010' >mixed-folder/logo.png
cp mixed-folder/logo.png image.png
seq 1 100000 | gzip -c >compressed.gz
printf "$lf" | iconv -f UTF-8 -t UTF-16LE >utf16-no-bom.txt
{
	printf '\377\376'
	printf '%s\n' '<?xml version="1.0" encoding="UTF-16"?>' \
		'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:skos="http://www.w3.org/2004/02/skos/core#">' \
		'<skos:Concept rdf:about="http://example.org/one"><skos:prefLabel>One</skos:prefLabel><skos:definition>Names two.</skos:definition></skos:Concept>' \
		'<skos:Concept rdf:about="http://example.org/two"><skos:prefLabel>Two</skos:prefLabel><skos:definition>Names one.</skos:definition></skos:Concept>' \
		'</rdf:RDF>' | iconv -f UTF-8 -t UTF-16LE
} >utf16-declared.rdf

# file names the evidence carries into every format
mkdir -p long-name odd-file-name
printf "$lf" >"long-name/$(printf 'p%.0s' {1..246}).txt"
printf "$lf" >"odd-file-name/-a"$'\t'"tab"$'\n'"newline \"q\" <&> ]]>.txt"
