/* fuzz_yaml.c - libFuzzer harness for the YAML reader (invariants: reader_invariants.h). */
#include "reader_invariants.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	check_reader("fuzz.yaml", data, size, IN_FILE_LINES);
	return 0;
}
