#!/usr/bin/env python3
"""Write the OpenDocument files of the tests (run from the repository's top):

  same/glossary.odt    the glossary of same/glossary.csv as LibreOffice keeps
                       one: a title, a line of text, then a table whose header
                       row is bold by its paragraph style; `code` in a span
                       whose font face is fixed-pitch
  same/glossary.ods    the same as a spreadsheet: a header row, then a row a
                       term; cells repeated, empty rows to the sheet's end
  team.odt             what the text reader reads: bold terms opening
                       paragraphs (by an automatic text style, by a named
                       paragraph style through its parent, bold turned off
                       in a span), bookmarks and links to them (text:a,
                       text:bookmark-ref), a footnote, a tracked deletion, a
                       comment, a table of contents, a text box, spaces
                       (text:s), a tab, a line break, a superscript, a list
                       of items
  headings.fodt        a flat document: one heading per term under its
                       section's heading, a link to a heading (#Name|outline)

The archives are written byte for byte the same each time (fixed dates).
Plain Python: no third-party module needed.
"""
import csv
import os
import zipfile
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')
FONTS = ('<office:font-face-decls>'
         '<style:font-face style:name="Liberation Serif" svg:font-family="\'Liberation Serif\'"'
         ' style:font-pitch="variable"/>'
         '<style:font-face style:name="Source Code" svg:font-family="\'Source Code Pro\'"'
         ' style:font-pitch="fixed"/></office:font-face-decls>')
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')
TEXT_TYPE = 'application/vnd.oasis.opendocument.text'
SHEET_TYPE = 'application/vnd.oasis.opendocument.spreadsheet'


def p(inner, style=None):
    return '<text:p%s>%s</text:p>' % (' text:style-name=%s' % quoteattr(style) if style else '', inner)


def span(text, style):
    return '<text:span text:style-name=%s>%s</text:span>' % (quoteattr(style), escape(text))


def code_spans(text):
    """Text with a `code` span in the fixed-pitch face (automatic style Code), without the backticks."""
    out, code = [], False
    for piece in text.split('`'):
        if piece:
            out.append(span(piece, 'Code') if code else escape(piece))
        code = not code
    return ''.join(out)


def styles_xml(named=''):
    return ('<?xml version="1.0" encoding="UTF-8"?><office:document-styles %s>%s<office:styles>'
            '<style:style style:name="Standard" style:family="paragraph"/>'
            '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">'
            '<style:text-properties fo:font-size="28pt" fo:font-weight="bold"/></style:style>'
            '%s</office:styles></office:document-styles>' % (NS, FONTS, named))


def content_xml(automatic, body, kind='text'):
    return ('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s>%s'
            '<office:automatic-styles>%s</office:automatic-styles>'
            '<office:body><office:%s>%s</office:%s></office:body></office:document-content>'
            % (NS, FONTS, automatic, kind, body, kind))


def write(path, media_type, content, styles):
    """A package as LibreOffice writes one: the media type first, stored."""
    members = [('mimetype', media_type, zipfile.ZIP_STORED),
               ('content.xml', content, zipfile.ZIP_DEFLATED),
               ('styles.xml', styles, zipfile.ZIP_DEFLATED),
               ('META-INF/manifest.xml', MANIFEST % media_type, zipfile.ZIP_DEFLATED)]
    with zipfile.ZipFile(path, 'w') as z:
        for name, data, method in members:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)


CODE_STYLE = ('<style:style style:name="Code" style:family="text">'
              '<style:text-properties style:font-name="Source Code"/></style:style>')


def read_rows():
    with open(os.path.join(HERE, 'same', 'glossary.csv'), encoding='utf-8') as f:
        return list(csv.reader(f))


def same_text():
    rows = read_rows()
    automatic = ('<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">'
                 '<style:text-properties fo:font-weight="bold"/></style:style>' + CODE_STYLE)
    cells = lambda row, head: ''.join(
        '<table:table-cell office:value-type="string">%s</table:table-cell>'
        % (p(escape(c), 'P1') if head else p(code_spans(c))) for c in row)
    table = ('<table:table table:name="Terms"><table:table-column table:number-columns-repeated="%d"/>'
             '<table:table-header-rows><table:table-row>%s</table:table-row></table:table-header-rows>%s'
             '</table:table>' % (len(rows[0]), cells(rows[0], True),
                                 ''.join('<table:table-row>%s</table:table-row>' % cells(r, False)
                                         for r in rows[1:])))
    body = ('<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/>'
            '</text:sequence-decls>' + p('Cloud glossary', 'Title') +
            p('Terms of the trade, grouped by area.') + table)
    write(os.path.join(HERE, 'same', 'glossary.odt'), TEXT_TYPE, content_xml(automatic, body), styles_xml())


def same_sheet():
    rows = read_rows()

    def cell(text):
        return ('<table:table-cell office:value-type="string" calcext:value-type="string">%s'
                '</table:table-cell>' % p(escape(text)))
    body_rows = []
    for i, row in enumerate(rows):
        cells = []
        for c in row:
            # an empty cell as LibreOffice writes it, and two empty ones in a row as one repeated
            if not c and cells and cells[-1] == '<table:table-cell/>':
                cells[-1] = '<table:table-cell table:number-columns-repeated="2"/>'
            else:
                cells.append(cell(c) if c else '<table:table-cell/>')
        cells.append('<table:table-cell table:number-columns-repeated="1018"/>')
        body_rows.append('<table:table-row table:style-name="ro1">%s</table:table-row>' % ''.join(cells))
    body_rows.append('<table:table-row table:style-name="ro1" table:number-rows-repeated="1048560">'
                     '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
    table = ('<table:table table:name="Glossary"><table:table-column table:number-columns-repeated="1024"/>'
             '%s</table:table><table:named-expressions/>' % ''.join(body_rows))
    ns = NS + ' xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
    content = content_xml('', table, 'spreadsheet').replace(NS, ns, 1)
    write(os.path.join(HERE, 'same', 'glossary.ods'), SHEET_TYPE, content, styles_xml())


def team():
    named = ('<style:style style:name="Term" style:family="paragraph" style:parent-style-name="Standard">'
             '<style:text-properties fo:font-weight="700"/></style:style>'
             '<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis"'
             ' style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>')
    automatic = ('<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Term"/>'
                 '<style:style style:name="T1" style:family="text">'
                 '<style:text-properties fo:font-weight="bold"/></style:style>'
                 '<style:style style:name="T2" style:family="text">'
                 '<style:text-properties fo:font-weight="normal"/></style:style>'
                 '<style:style style:name="T3" style:family="text">'
                 '<style:text-properties style:text-position="super 58%"/></style:style>' + CODE_STYLE)
    mark = lambda name: '<text:bookmark text:name=%s/>' % quoteattr(name)
    body = ''.join([
        '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
        '<office:change-info><dc:creator>x</dc:creator></office:change-info>'
        '<text:p>Words taken out.</text:p></text:deletion></text:changed-region></text:tracked-changes>',
        '<text:table-of-content text:name="Contents"><text:index-body>'
        '<text:p>Backlog 1</text:p><text:p>Sprint 1</text:p></text:index-body></text:table-of-content>',
        p('Team glossary', 'Title'),
        p(mark('backlog') + span('Backlog', 'T1') + ': The ordered list of work; the '
          '<text:a xlink:type="simple" xlink:href="#owner">product owner</text:a> orders it.'
          '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
          '<text:note-body><text:p>As the guide has it.</text:p></text:note-body></text:note>'),
        p(mark('sprint') + span('Sprint', 'Strong_20_Emphasis') + ' \u2013 A fixed period of work from the '
          '<text:bookmark-ref text:reference-format="text" text:ref-name="backlog">backlog</text:bookmark-ref>.'
          '<text:change text:change-id="ct1"/> Two<text:s text:c="3"/>weeks long.'),
        p(mark('owner') + 'Product owner:' + span(' Orders the backlog', 'T2') + '<text:tab/>'
          + span('and accepts the work of a sprint; runs ', 'T2') + span('git log', 'Code')
          + span('.', 'T2'), 'P1'),
        p(span('Velocity', 'T1') + '<draw:frame draw:name="Chart"><draw:text-box><text:p>A chart of it'
          '</text:p></draw:text-box></draw:frame> \u2013 Work done in a sprint, about 10' + span('2', 'T3') +
          ' points.<text:line-break/>Measured each sprint.'
          '<office:annotation><dc:creator>x</dc:creator><text:p>Check this.</text:p></office:annotation>'),
        '<text:list><text:list-item>%s</text:list-item></text:list>'
        % p(span('Stakeholder', 'T1') + ' \u2013 Anyone with an interest in the product.'),
    ])
    write(os.path.join(HERE, 'team.odt'), TEXT_TYPE, content_xml(automatic, body), styles_xml(named))


def headings():
    h = lambda level, text: '<text:h text:outline-level="%d">%s</text:h>' % (level, text)
    body = ''.join([
        h(1, 'Printing'),
        h(2, 'Halftone'),
        p('Dots of one ink in a pattern that the eye blends, made through a '
          '<text:a xlink:type="simple" xlink:href="#Screen|outline">screen</text:a>.'),
        h(1, 'Prepress'),
        h(2, 'Screen'),
        p('A grid of lines that breaks an image into dots.'),
    ])
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s '
           'office:mimetype="application/vnd.oasis.opendocument.text">%s'
           '<office:styles><style:style style:name="Standard" style:family="paragraph"/></office:styles>'
           '<office:body><office:text>%s</office:text></office:body></office:document>\n'
           % (NS, FONTS, body))
    with open(os.path.join(HERE, 'headings.fodt'), 'w', encoding='utf-8') as f:
        f.write(doc)


if __name__ == '__main__':
    same_text()
    same_sheet()
    team()
    headings()
