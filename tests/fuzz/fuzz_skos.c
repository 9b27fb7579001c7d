/* fuzz_skos.c - libFuzzer harness for the SKOS reader: Turtle, RDF/XML, JSON-LD (invariants: reader_invariants.h). */
#include "reader_invariants.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	check_reader("fuzz.ttl", data, size, IN_FILE_LINES);
	return 0;
}
