/*
 * fuzz_docx.c - libFuzzer harness for the Word reader: the input is the
 * document's word/document.xml, packed into a ZIP archive here (stored,
 * with libzip), then read as a .docx (invariants: reader_invariants.h;
 * offsets count in the document's text, not in the archive's bytes).
 */
#include "reader_invariants.h"
#include "zip_pack.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	unsigned char *docx;
	size_t len;
	const zip_member document = { "word/document.xml", data, size };
	if (zip_pack(&document, 1, &docx, &len)) {
		check_reader("fuzz.docx", docx, len, 0);
		free(docx);
	}
	return 0;
}
