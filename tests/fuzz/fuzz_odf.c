/*
 * fuzz_odf.c - libFuzzer harness for the OpenDocument reader: the input is
 * read as a flat document (.fodt: its XML, or a ZIP archive when it starts
 * as one); invariants: reader_invariants.h (lines count the document's
 * paragraphs and rows, offsets its text, not the file's bytes).
 */
#include "reader_invariants.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	check_reader("fuzz.fodt", data, size, 0);
	return 0;
}
