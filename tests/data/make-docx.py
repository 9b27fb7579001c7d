#!/usr/bin/env python3
"""Write the Word documents of the tests (run from the repository's top):

  same/glossary.docx   the glossary of same/glossary.csv as Word keeps one:
                       a title, a line of text, then a table whose bold
                       header row names its columns; `code` in a Consolas run
  headings.docx        one heading per term in styles based on Word's
                       headings, under a section's
  odd.docx             the odd corners: a main part at another path, no
                       styles, rows in a content control, moved text, a
                       superscript, nested fields, a field that never ends
  team.docx            what the Word reader reads: heading styles (by outline
                       level and by id), bold by run, character and paragraph
                       style, bold turned off in a run, bookmarks, internal
                       hyperlinks, REF and
                       HYPERLINK fields, tracked deletions, a footnote
                       reference, tabs, breaks, a monospace run

The archives are written byte for byte the same each time (fixed dates).
Plain Python: no third-party module needed.
"""
import csv
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def run(text, bold=False, style=None, font=None):
    props = ''
    if style:
        props += '<w:rStyle w:val="%s"/>' % style
    if font:
        props += '<w:rFonts w:ascii="%s" w:hAnsi="%s"/>' % (font, font)
    if bold:
        props += '<w:b/>'
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (
        '<w:rPr>%s</w:rPr>' % props if props else '', escape(text))


def para(inner, style=None):
    return '<w:p>%s%s</w:p>' % ('<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else '', inner)


def text_runs(text):
    """Runs of text, a `code` span in a Consolas run, without the backticks."""
    out, code = [], False
    for piece in text.split('`'):
        if piece:
            out.append(run(piece, font='Consolas') if code else run(piece))
        code = not code
    return ''.join(out)


def styles(extra=''):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles %s>'
            '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
            '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>%s</w:styles>' % (NS, extra))


def write(path, body, style_xml, main='word/document.xml'):
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s'
                '<w:sectPr/></w:body></w:document>' % (NS, body))
    members = [('[Content_Types].xml', CONTENT_TYPES), ('_rels/.rels', RELS.replace('word/document.xml', main)),
               (main, document)]
    if style_xml:
        members.append(('word/styles.xml', style_xml))
    with zipfile.ZipFile(path, 'w') as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def same_glossary():
    with open(os.path.join(HERE, 'same', 'glossary.csv'), encoding='utf-8') as f:
        rows = list(csv.reader(f))
    cells = lambda row, bold: ''.join(
        '<w:tc>%s</w:tc>' % para(run(c, bold=True) if bold else text_runs(c)) for c in row)
    table = '<w:tbl>%s</w:tbl>' % ''.join(
        '<w:tr>%s</w:tr>' % cells(row, i == 0) for i, row in enumerate(rows))
    body = (para(run('Cloud glossary'), 'Title') + para(run('Terms of the trade, grouped by area.')) +
            table)
    write(os.path.join(HERE, 'same', 'glossary.docx'), body, styles())


def team():
    field = lambda code, text: (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> %s </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>%s'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (escape(code), run(text)))
    mark = lambda name, inner: ('<w:bookmarkStart w:id="%d" w:name="%s"/>%s<w:bookmarkEnd w:id="%d"/>'
                                % (len(name), name, inner, len(name)))
    body = ''.join([
        para(run('Team glossary'), 'Title'),
        para(run('Process'), 'Heading1'),
        para(mark('backlog', run('Backlog', bold=True)) + run(': The ordered list of work; the ') +
             '<w:hyperlink w:anchor="owner"><w:r><w:t>product owner</w:t></w:r></w:hyperlink>' +
             run(' orders it.') + '<w:r><w:footnoteReference w:id="1"/></w:r>'),
        para(mark('sprint', run('Sprint', style='Strong')) + run(' \u2013 A fixed period of work from the ') +
             field('REF backlog \\h', 'backlog') + run('.') +
             '<w:del w:id="9" w:author="x"><w:r><w:delText>Words taken out.</w:delText></w:r></w:del>' +
             '<w:ins w:id="10" w:author="x">%s</w:ins>' % run(' Two weeks long.')),
        para(run('Roles'), 'Heading1'),
        para(mark('owner', run('Product owner:', bold=True)) + run(' Orders the backlog') +
             '<w:r><w:tab/><w:t>and accepts the work of a </w:t></w:r>' +
             field('HYPERLINK \\l "sprint"', 'sprint') + run('; runs ') + run('git log', font='Courier New') +
             run('.')),
        para(run('Scrum master', style='Strong') +
             '<w:r><w:br/><w:t>Keeps the sprint going, </w:t></w:r>' + run('not the backlog', bold=False)),
        para(run('Stakeholder') + '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>: Anyone with an interest in the '
             'product.</w:t></w:r>', 'TermPara'),
    ])
    extra = ('<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>'
             '<w:style w:type="paragraph" w:styleId="TermPara"><w:rPr><w:b/></w:rPr></w:style>')
    write(os.path.join(HERE, 'team.docx'), body, styles(extra))


def odd():
    """Its main part elsewhere, no styles.xml, rows in a content control,
    moved text, a superscript, a field inside another's code, and a field
    whose code never ends."""
    begin, sep, end = ('<w:r><w:fldChar w:fldCharType="%s"/></w:r>' % t for t in ('begin', 'separate', 'end'))
    code = lambda c: '<w:r><w:instrText xml:space="preserve">%s</w:instrText></w:r>' % escape(c)
    row = lambda a, b: '<w:tr><w:tc>%s</w:tc><w:tc>%s</w:tc></w:tr>' % (para(run(a)), para(b))
    table = ('<w:tbl>%s<w:sdt><w:sdtContent>%s</w:sdtContent></w:sdt></w:tbl>' % (
        row('Term', run('Definition')),
        row('Kilo', run('A factor of 10') + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>3</w:t></w:r>' +
            run(', ') + '<w:moveTo w:id="1" w:author="x">%s</w:moveTo>' % run('moved here') +
            '<w:moveFrom w:id="2" w:author="x">%s</w:moveFrom>' % run('moved away') + run('.')) +
        row('Mega', run('A factor of ') + begin + code(' IF ') + begin + code(' MERGEFIELD x ') + sep +
            run('HIDDEN') + end + code(' = 1 ') + sep + run('a thousand kilo') + end + run('.'))))
    body = table + para(run('After the table, ') + begin + code(' REF never_ends') + run('lost'))
    write(os.path.join(HERE, 'odd.docx'), body, None, main='word/document2.xml')


def headings():
    """One heading per term, in styles based on Word's headings (w:basedOn,
    with a loop between two styles that must end), under a section's."""
    body = ''.join([
        para(run('Network terms'), 'Title'),
        para(run('Routing'), 'SectionHead'),
        para(run('Router'), 'TermHead'),
        para(run('Forwards packets between networks; see the ') + run('switch', style='Emph') + run('.')),
        para(run('Switching'), 'SectionHead'),
        para(run('Switch'), 'TermHead'),
        para(run('Joins the hosts of one network, unlike a router.')),
        para(run('Looping'), 'LoopA'),
    ])
    extra = ('<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
             '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
             '<w:style w:type="paragraph" w:styleId="SectionHead"><w:basedOn w:val="Heading1"/></w:style>'
             '<w:style w:type="paragraph" w:styleId="TermHead"><w:basedOn w:val="Heading2"/></w:style>'
             '<w:style w:type="paragraph" w:styleId="LoopA"><w:basedOn w:val="LoopB"/></w:style>'
             '<w:style w:type="paragraph" w:styleId="LoopB"><w:basedOn w:val="LoopA"/></w:style>'
             '<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>'
             '<w:style w:type="character" w:styleId="Emph"><w:basedOn w:val="Strong"/>'
             '<w:rPr><w:b w:val="0"/></w:rPr></w:style>')
    write(os.path.join(HERE, 'headings.docx'), body, styles(extra))


if __name__ == '__main__':
    same_glossary()
    team()
    odd()
    headings()
