#!/usr/bin/env python3
"""Write the Excel workbooks of the tests (run from the repository's top):

  same/glossary.xlsx   the glossary of same/glossary.csv as Excel keeps one:
                       a header row, then a row a term, every text a shared
                       string, empty cells left out (the others placed by
                       their references)
  book.xlsx            what the workbook reader reads: two sheets (the
                       second's rows go on after the first's), rich text
                       runs and a phonetic guide, an inline string, a
                       number, a boolean, an inline string without its
                       text, Excel's escapes (_x000D_), a formula's string
                       result, a sheet that is no well-formed XML, rows
                       with a gap before them, a sheet the relationships
                       do not name, the workbook at another path

The archives are written byte for byte the same each time (fixed dates).
Plain Python: no third-party module needed.
"""
import csv
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def column(i):
    name = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def rels(items):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="%s">%s'
            '</Relationships>' % (PKG_REL, ''.join(
                '<Relationship Id="%s" Type="%s/%s" Target="%s"/>' % (i, DOC_REL, t, target)
                for i, t, target in items)))


def write(path, folder, sheets, strings, extra_rels=()):
    """A workbook in `folder` ("xl/"): sheets as (name, rows XML) and the shared strings' XML items."""
    book = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook %s %s><sheets>%s</sheets>'
            '</workbook>' % (MAIN, REL, ''.join(
                '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(n), k + 1, k + 1)
                for k, (n, _rows) in enumerate(sheets))))
    book_rels = [('rId%d' % (k + 1), 'worksheet', 'worksheets/sheet%d.xml' % (k + 1))
                 for k, (n, rows) in enumerate(sheets) if rows is not None]
    book_rels.append(('rIdS', 'sharedStrings', 'sharedStrings.xml'))
    book_rels.extend(extra_rels)
    members = [
        ('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/></Types>'),
        ('_rels/.rels', rels([('rId1', 'officeDocument', folder + 'workbook.xml')])),
        (folder + 'workbook.xml', book),
        (folder + '_rels/workbook.xml.rels', rels(book_rels)),
        (folder + 'sharedStrings.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<sst %s count="%d" uniqueCount="%d">%s</sst>' % (MAIN, len(strings), len(strings), ''.join(strings))),
    ]
    for k, (_n, rows) in enumerate(sheets):
        if rows is not None:
            members.append((folder + 'worksheets/sheet%d.xml' % (k + 1),
                            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet %s>'
                            '<sheetData>%s</sheetData></worksheet>' % (MAIN, rows)))
    with zipfile.ZipFile(path, 'w') as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def same_glossary():
    with open(os.path.join(HERE, 'same', 'glossary.csv'), encoding='utf-8') as f:
        rows = list(csv.reader(f))
    strings, index = [], {}

    def shared(text):
        if text not in index:
            index[text] = len(strings)
            strings.append('<si><t xml:space="preserve">%s</t></si>' % escape(text))
        return index[text]
    xml = []
    for r, row in enumerate(rows, 1):
        cells = ''.join('<c r="%s%d" t="s"><v>%d</v></c>' % (column(c), r, shared(text))
                        for c, text in enumerate(row) if text)
        xml.append('<row r="%d">%s</row>' % (r, cells))
    write(os.path.join(HERE, 'same', 'glossary.xlsx'), 'xl/', [('Glossary', ''.join(xml))], strings)


def book():
    strings = ['<si><t>Term</t></si>', '<si><t>Definition</t></si>',
               '<si><r><rPr><b/></rPr><t>Kanji</t></r><rPh sb="0" eb="2"><t>kanji</t></rPh></si>',
               '<si><r><t xml:space="preserve">Characters borrowed </t></r><r><rPr><i/></rPr>'
               '<t>from Chinese</t></r></si>',
               '<si><t>Kana</t></si>']
    first = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr">'
             '<is><t>Notes</t></is></c></row>'
             '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c>'
             '<c r="C2"><v>2136</v></c><c r="D2" s="1"/><c r="E2" t="inlineStr"/></row>'
             '<row r="5"><c r="A5" t="s"><v>4</v></c><c r="C5" t="b"><v>1</v></c></row>'
             '<row r="3"><c r="A3" t="inlineStr"><is><t>Out of order</t></is></c></row>')
    second = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Term</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>Definition</t></is></c></row>'
              '<row r="3"><c r="A3" t="inlineStr"><is><t>Romaji</t></is></c>'
              '<c r="B3" t="str"><f>CONCAT("Latin ","letters")</f><v>Latin letters</v></c></row>'
              '<row r="4"><c r="A4" t="inlineStr"><is><t>Furigana</t></is></c>'
              '<c r="B4" t="inlineStr"><is><t>Kana beside kanji,_x000D_ as in _x005F_x0041_</t></is></c></row>')
    broken = '<row r="1"><c r="A1" t="inlineStr"><is><t>Term</t></is></c>'
    write(os.path.join(HERE, 'book.xlsx'), 'book/', [('Japanese', first), ('Chart', None), ('More', second),
                                                     ('Broken', broken)], strings)


if __name__ == '__main__':
    same_glossary()
    book()
