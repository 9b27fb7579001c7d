/* fuzz_asciidoc.c - libFuzzer harness for the AsciiDoc reader (invariants: reader_invariants.h). */
#include "reader_invariants.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	check_reader("fuzz.adoc", data, size, 1);
	return 0;
}
