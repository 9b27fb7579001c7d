/* fuzz_csv.c - libFuzzer harness for the CSV reader (invariants: reader_invariants.h). */
#include "reader_invariants.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	check_reader("fuzz.csv", data, size, 1);
	return 0;
}
