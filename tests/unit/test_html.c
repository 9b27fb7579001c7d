/* test_html.c - the HTML reader: definition lists and editors' links. */
#include "suites.h"
#include "glossgraph.h"

#include <string.h>

static const gg_entry *entry_named(const gg_glossary *g, const char *header)
{
	for (size_t i = 0; i < gg_glossary_entry_count(g); i++)
		if (strcmp(gg_glossary_entry(g, i)->header, header) == 0)
			return gg_glossary_entry(g, i);
	return NULL;
}

static void test_definition_lists(void)
{
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_path(g, FIXTURE("glossary.html")), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);

	const gg_entry *alpha = entry_named(g, "Alpha");
	CU_ASSERT_PTR_NOT_NULL_FATAL(alpha);
	CU_ASSERT_STRING_EQUAL(alpha->definition,
			       "The first letter. Compare beta and the gamma ray; not a web link.");
	CU_ASSERT_EQUAL_FATAL(alpha->n_xrefs, 2);
	CU_ASSERT_STRING_EQUAL(alpha->xrefs[0].target, "Beta");
	CU_ASSERT_EQUAL(strncmp(alpha->definition + alpha->xrefs[0].offset, "beta", alpha->xrefs[0].len), 0);
	CU_ASSERT_STRING_EQUAL(alpha->xrefs[1].target, "Gamma ray");
	CU_ASSERT_EQUAL(strncmp(alpha->definition + alpha->xrefs[1].offset, "gamma ray", 9), 0);
	CU_ASSERT_EQUAL(alpha->line, 6);

	/* two <dt> for one <dd>: one entry, one concept, both names */
	const gg_entry *beta = entry_named(g, "Beta");
	CU_ASSERT_PTR_NOT_NULL_FATAL(beta);
	CU_ASSERT_EQUAL(beta->n_names, 1);
	CU_ASSERT_STRING_EQUAL(beta->definition, "The letter after alpha. Also a test.");
	size_t b1, b2;
	CU_ASSERT_EQUAL(gg_glossary_find(g, "beta", &b1), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(g, "second letter", &b2), 0);
	CU_ASSERT_EQUAL(b1, b2);

	/* a link to an anchor the page lacks keeps its text as the target */
	const gg_entry *gamma = entry_named(g, "Gamma ray");
	CU_ASSERT_PTR_NOT_NULL_FATAL(gamma);
	CU_ASSERT_EQUAL_FATAL(gamma->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(gamma->xrefs[0].target, "delta waves");

	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Lonely term"));
	gg_glossary_free(g);
}

static void test_bad_html(void)
{
	const char page[] = "<html><body><dl><dt>Caf\xFF</dt><dd>A stray byte \xFF here.</dd></dl></body></html>";
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "bad.html", page, sizeof(page) - 1), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g), 0);
	CU_ASSERT_EQUAL(gg_glossary_stats(g)->replaced_bytes, 2);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, "Caf\xEF\xBF\xBD");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition, "A stray byte \xEF\xBF\xBD here.");
	gg_glossary_free(g);

	const char none[] = "<html><body><p>No list here.</p></body></html>";
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "none.html", none, sizeof(none) - 1), 0);
	CU_ASSERT_EQUAL(gg_glossary_diagnostic_count(g), 1);
	CU_ASSERT_EQUAL(gg_glossary_build(g), GG_EINPUT);
	gg_glossary_free(g);
}

CU_ErrorCode suite_html_add(void)
{
	CU_pSuite s = CU_add_suite("HTML reader", NULL, NULL);
	if (!s || !CU_add_test(s, "definition lists and links", test_definition_lists) ||
	    !CU_add_test(s, "bad bytes, no list", test_bad_html))
		return CU_get_error();
	return CUE_SUCCESS;
}
