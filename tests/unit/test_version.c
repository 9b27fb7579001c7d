/* test_version.c - the library's version and the versions of its dependencies. */
#include "suites.h"

#include "glossgraph.h"

#include <stdio.h>
#include <string.h>

static void test_version_string(void)
{
	char expected[32];
	snprintf(expected, sizeof(expected), "%d.%d.%d", GG_VERSION_MAJOR, GG_VERSION_MINOR,
		 GG_VERSION_PATCH);
	CU_ASSERT_STRING_EQUAL(GG_VERSION, expected);
	CU_ASSERT_STRING_EQUAL(gg_version(), GG_VERSION);
}

static void test_dependency_versions(void)
{
	static const char *const names[] = { "igraph", "libxml2", "graphviz", "utf8proc", "serd" };
	size_t n = 0;
	const gg_dependency_version *d = gg_dependency_versions(&n);
	CU_ASSERT_EQUAL_FATAL(n, sizeof(names) / sizeof(*names));
	for (size_t i = 0; i < n; i++) {
		CU_ASSERT_STRING_EQUAL(d[i].name, names[i]);
		CU_ASSERT(d[i].built[0] >= '0' && d[i].built[0] <= '9'); /* a number, not "?" */
	}
	for (size_t i = 0; i < 4; i++) /* all but serd say what runs */
		CU_ASSERT_PTR_NOT_NULL(d[i].running);
	CU_ASSERT_PTR_NULL(d[4].running);
	CU_ASSERT_PTR_EQUAL(gg_dependency_versions(&n), d); /* one table */
}

CU_ErrorCode suite_version_add(void)
{
	CU_pSuite s = CU_add_suite("version", NULL, NULL);
	if (!s || !CU_add_test(s, "GG_VERSION and gg_version", test_version_string) ||
	    !CU_add_test(s, "dependency versions", test_dependency_versions))
		return CU_get_error();
	return CUE_SUCCESS;
}
