/* fuzz_markdown.c - libFuzzer harness for the Markdown reader (invariants: reader_invariants.h). */
#include "reader_invariants.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	check_reader("fuzz.md", data, size, IN_FILE_LINES | IN_FILE_OFFSETS);
	return 0;
}
