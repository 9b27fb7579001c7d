/* fuzz_csv.c - libFuzzer harness for the CSV reader (invariants: reader_invariants.h). */
#include "reader_invariants.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	check_reader("fuzz.csv", data, size, IN_FILE_LINES | IN_FILE_OFFSETS);
	return 0;
}
