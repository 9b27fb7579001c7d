/* fuzz_latex.c - libFuzzer harness for the LaTeX reader (invariants: reader_invariants.h). */
#include "reader_invariants.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	check_reader("fuzz.tex", data, size, IN_FILE_LINES | IN_FILE_OFFSETS);
	return 0;
}
