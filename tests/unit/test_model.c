/* test_model.c - the concept model on the seed pages and on small cases. */
#include "suites.h"
#include "glossgraph.h"

#include <string.h>
#include <strings.h>

static gg_glossary *seeds;

static int load_seeds(void)
{
	if (gg_glossary_new(&seeds) || gg_glossary_read_path(seeds, "../data") ||
	    gg_glossary_build(seeds))
		return 1;
	return 0;
}

static int free_seeds(void)
{
	gg_glossary_free(seeds);
	return 0;
}

static const gg_concept *find(const char *query)
{
	size_t c;
	if (gg_glossary_find(seeds, query, &c) != 0)
		return NULL;
	return gg_glossary_concept(seeds, c);
}

static void test_counts(void)
{
	const gg_read_stats *s = gg_glossary_stats(seeds);
	CU_ASSERT_EQUAL(s->pages, 2);
	CU_ASSERT_EQUAL(s->entries, 100);
	CU_ASSERT_EQUAL(s->duplicates, 18);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(seeds), 82);
	CU_ASSERT_EQUAL(s->skipped_lines, 0);
	CU_ASSERT_EQUAL(s->warnings, 0);
	/* no entry lost: every unique entry belongs to exactly one concept */
	size_t members = 0;
	for (size_t c = 0; c < gg_glossary_concept_count(seeds); c++)
		members += gg_glossary_concept(seeds, c)->n_entries;
	CU_ASSERT_EQUAL(members, 82);
	for (size_t i = 0; i < gg_glossary_entry_count(seeds); i++) {
		const gg_entry *e = gg_glossary_entry(seeds, i);
		const gg_concept *c = gg_glossary_concept(seeds, e->concept);
		bool listed = false;
		for (size_t k = 0; k < c->n_entries; k++)
			listed |= c->entries[k] == i;
		CU_ASSERT_TRUE(listed);
	}
}

static void test_abbreviations_resolve(void)
{
	const gg_concept *ntk = find("NTK"), *nas = find("NAS");
	CU_ASSERT_PTR_NOT_NULL_FATAL(ntk);
	CU_ASSERT_PTR_NOT_NULL_FATAL(nas);
	CU_ASSERT_EQUAL(strcasecmp(ntk->name, "neural tangent kernel"), 0);
	CU_ASSERT_EQUAL(strcasecmp(nas->name, "neural architecture search"), 0);
	CU_ASSERT_STRING_EQUAL(ntk->abbrevs[0], "NTK");
	CU_ASSERT_PTR_EQUAL(find("ntk"), ntk);
	CU_ASSERT_PTR_EQUAL(find("Neural-Tangent-Kernels"), ntk);
}

static void test_merges(void)
{
	const gg_concept *nerf = find("nerf");
	CU_ASSERT_PTR_NOT_NULL_FATAL(nerf);
	CU_ASSERT_PTR_EQUAL(find("neural radiance fields (nerf)"), nerf);
	CU_ASSERT_PTR_EQUAL(find("neural radiance field"), nerf);
	CU_ASSERT_TRUE(nerf->n_entries >= 8);

	const gg_concept *pruning = find("neural network pruning");
	CU_ASSERT_PTR_NOT_NULL_FATAL(pruning);
	CU_ASSERT_EQUAL(strcasecmp(pruning->name, "neural network pruning"), 0);
	CU_ASSERT_EQUAL(pruning->n_entries, 7);
	size_t pruning_entries = 0;
	for (size_t i = 0; i < gg_glossary_entry_count(seeds); i++)
		pruning_entries += strncmp(gg_glossary_entry(seeds, i)->header,
					   "neural network pruning", 22) == 0;
	CU_ASSERT_EQUAL(pruning_entries, 7);

	const gg_concept *ode = find("neural ode");
	CU_ASSERT_PTR_NOT_NULL_FATAL(ode);
	CU_ASSERT_PTR_EQUAL(find("neural ordinary differential equations"), ode);
	CU_ASSERT_PTR_NOT_EQUAL(find("neural ode graphs"), ode);
	CU_ASSERT_PTR_NOT_EQUAL(find("neural tangent kernel nas"), find("neural tangent kernel"));
}

static void test_categories_and_keywords(void)
{
	const gg_concept *ntk_nas = find("neural tangent kernel nas");
	CU_ASSERT_PTR_NOT_NULL_FATAL(ntk_nas);
	CU_ASSERT_EQUAL_FATAL(ntk_nas->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(ntk_nas->categories[0], "neural architecture search");
	const gg_concept *lth = find("lottery ticket hypothesis");
	CU_ASSERT_PTR_NOT_NULL_FATAL(lth);
	CU_ASSERT_EQUAL(lth->kind, GG_CONCEPT_KEYWORD);
	const gg_concept *nas = find("NAS");
	CU_ASSERT_PTR_NOT_NULL_FATAL(nas);
	for (size_t k = 0; k < nas->n_keywords; k++) /* split words are the name, not keywords */
		CU_ASSERT_NOT_EQUAL(strcmp(nas->keywords[k], "architecture"), 0);
}

static void test_suggestions(void)
{
	size_t c, near[8];
	CU_ASSERT_EQUAL(gg_glossary_find(seeds, "pruning", &c), GG_ENOTFOUND);
	size_t n = gg_glossary_suggest(seeds, "pruning", near, 8);
	CU_ASSERT_TRUE_FATAL(n >= 3);
	CU_ASSERT_PTR_EQUAL(gg_glossary_concept(seeds, near[0]), find("neural network pruning"));
	for (size_t i = 0; i < n; i++)
		CU_ASSERT_PTR_NOT_NULL(strstr(gg_glossary_concept(seeds, near[i])->name, "runing"));
	n = gg_glossary_suggest(seeds, "nueral radiance feild", near, 8);
	CU_ASSERT_TRUE_FATAL(n >= 1);
	CU_ASSERT_PTR_EQUAL(gg_glossary_concept(seeds, near[0]), find("nerf"));
}

/* Small cases: exact duplicates across pages, disambiguating parentheses. */
static void test_small_cases(void)
{
	const char *a = "hacker, people\n\n**hacker** A person.\n\nhackers (the movie), film\n\n"
			"**Hackers (the movie)** A film.\n";
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "a.txt", a, strlen(a)), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "b.txt", a, strlen(a)), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g), 0);
	CU_ASSERT_EQUAL(gg_glossary_stats(g)->duplicates, 2);
	CU_ASSERT_EQUAL(gg_glossary_stats(g)->concepts, 2);
	size_t h, m;
	CU_ASSERT_EQUAL(gg_glossary_find(g, "hacker", &h), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(g, "hackers (the movie)", &m), 0);
	CU_ASSERT_NOT_EQUAL(h, m);
	gg_glossary_free(g);
}

CU_ErrorCode suite_model_add(void)
{
	CU_pSuite s = CU_add_suite("concept model", load_seeds, free_seeds);
	if (!s || !CU_add_test(s, "seed counts, nothing lost", test_counts) ||
	    !CU_add_test(s, "abbreviations resolve", test_abbreviations_resolve) ||
	    !CU_add_test(s, "variant entries merge", test_merges) ||
	    !CU_add_test(s, "categories and keyword nodes", test_categories_and_keywords) ||
	    !CU_add_test(s, "suggestions", test_suggestions) ||
	    !CU_add_test(s, "duplicates and disambiguators", test_small_cases))
		return CU_get_error();
	return CUE_SUCCESS;
}
