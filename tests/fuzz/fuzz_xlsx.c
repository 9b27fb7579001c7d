/*
 * fuzz_xlsx.c - libFuzzer harness for the Excel reader: the input is the
 * workbook's one worksheet (xl/worksheets/sheet1.xml), packed with a
 * workbook naming it into a ZIP archive here (stored, with libzip), then
 * read as an .xlsx (invariants: reader_invariants.h; lines count the
 * sheet's rows, offsets the cells' text, not the archive's bytes).
 */
#include "reader_invariants.h"
#include "zip_pack.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char workbook[] =
	"<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
	"<sheet name=\"Glossary\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] =
	"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
	"Target=\"worksheets/sheet1.xml\"/></Relationships>";

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	unsigned char *xlsx;
	size_t len;
	const zip_member members[] = { { "xl/workbook.xml", workbook, sizeof(workbook) - 1 },
				       { "xl/_rels/workbook.xml.rels", workbook_rels, sizeof(workbook_rels) - 1 },
				       { "xl/worksheets/sheet1.xml", data, size } };
	if (zip_pack(members, 3, &xlsx, &len)) {
		check_reader("fuzz.xlsx", xlsx, len, 0);
		free(xlsx);
	}
	return 0;
}
