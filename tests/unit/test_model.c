/* test_model.c - the concept model on the seed pages and on small cases. */
#include "suites.h"
#include "glossgraph.h"
#include "core/buf.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static gg_glossary *seeds;

static int load_seeds(void)
{
	if (gg_glossary_new(&seeds) || gg_glossary_read_path(seeds, "../data") ||
	    gg_glossary_build(seeds, NULL))
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
	if (gg_glossary_find(&c, seeds, query) != 0)
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
	CU_ASSERT_EQUAL(gg_glossary_find(&c, seeds, "pruning"), GG_ENOTFOUND);
	size_t n = gg_glossary_suggest(near, 8, seeds, "pruning");
	CU_ASSERT_TRUE_FATAL(n >= 3);
	CU_ASSERT_PTR_EQUAL(gg_glossary_concept(seeds, near[0]), find("neural network pruning"));
	for (size_t i = 0; i < n; i++)
		CU_ASSERT_PTR_NOT_NULL(strstr(gg_glossary_concept(seeds, near[i])->name, "runing"));
	n = gg_glossary_suggest(near, 8, seeds, "nueral radiance feild");
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
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	CU_ASSERT_EQUAL(gg_glossary_stats(g)->duplicates, 2);
	CU_ASSERT_EQUAL(gg_glossary_stats(g)->concepts, 2);
	size_t h, m;
	CU_ASSERT_EQUAL(gg_glossary_find(&h, g, "hacker"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&m, g, "hackers (the movie)"), 0);
	CU_ASSERT_NOT_EQUAL(h, m);
	gg_glossary_free(g);
}

/* ---- data-driven cases: data/model/names.cases ------------------------ */

/* Append the strings in list[0, n) to b, joined by "; ". */
static void put_list(gg_i_buf *b, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			gg_i_buf_puts(b, "; ");
		gg_i_buf_puts(b, list[i]);
	}
}

/* One line per term concept: name, aliases, abbreviations, categories,
 * tab-separated, empty fields at the end left out. */
static void describe_concepts(const gg_glossary *g, gg_i_buf *out)
{
	for (size_t c = 0; c < gg_glossary_concept_count(g); c++) {
		const gg_concept *k = gg_glossary_concept(g, c);
		if (k->kind != GG_CONCEPT_TERM)
			continue;
		size_t start = out->len;
		gg_i_buf_puts(out, k->name);
		gg_i_buf_putc(out, '\t');
		put_list(out, k->aliases, k->n_aliases);
		gg_i_buf_putc(out, '\t');
		put_list(out, k->abbrevs, k->n_abbrevs);
		gg_i_buf_putc(out, '\t');
		put_list(out, k->categories, k->n_categories);
		while (out->len > start && out->ptr[out->len - 1] == '\t')
			out->len--;
		gg_i_buf_putc(out, '\n');
	}
}

/* Whether a diagnostic of g reads "file:line: message" with `want` in it. */
static bool has_warning(const gg_glossary *g, const char *want)
{
	for (size_t i = 0; i < gg_glossary_diagnostic_count(g); i++) {
		const gg_diagnostic *d = gg_glossary_diagnostic(g, i);
		char line[600];
		snprintf(line, sizeof(line), "%s:%u: %s", d->file ? d->file : "", d->line, d->message);
		if (strstr(line, want))
			return true;
	}
	return false;
}

/* Check one case: page text, expected concept lines, lookups "query\tname",
 * diagnostics (each line a part of one) and parts no diagnostic may have. */
static void check_case(const char *title, const gg_i_buf *page, const gg_i_buf *concepts,
		       const gg_i_buf *finds, const gg_i_buf *warnings, const gg_i_buf *unwanted)
{
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "case.txt", page->ptr ? page->ptr : "", page->len), 0);
	int built = gg_glossary_build(g, NULL);
	CU_ASSERT_EQUAL(built, 0);
	gg_i_buf got = GG_BUF_INIT;
	if (built == 0)
		describe_concepts(g, &got);
	const char *want = concepts->ptr ? concepts->ptr : "";
	if (!got.ptr || strcmp(got.ptr, want) != 0) {
		fprintf(stderr, "\ncase: %s\nwanted:\n%sgot:\n%s", title, want, got.ptr ? got.ptr : "");
		CU_FAIL("concepts differ");
	}
	for (const char *line = finds->ptr; built == 0 && line && *line;) {
		const char *end = strchr(line, '\n');
		const char *tab = memchr(line, '\t', (size_t)(end - line));
		CU_ASSERT_PTR_NOT_NULL_FATAL(tab);
		char query[256], name[256];
		snprintf(query, sizeof(query), "%.*s", (int)(tab - line), line);
		snprintf(name, sizeof(name), "%.*s", (int)(end - tab - 1), tab + 1);
		size_t c;
		int r = gg_glossary_find(&c, g, query);
		if (r != 0 || strcmp(gg_glossary_concept(g, c)->name, name) != 0) {
			fprintf(stderr, "\ncase: %s\nfind '%s': wanted '%s', got '%s'\n", title, query, name,
				r ? "(none)" : gg_glossary_concept(g, c)->name);
			CU_FAIL("lookup differs");
		}
		line = end + 1;
	}
	for (const char *line = warnings->ptr; built == 0 && line && *line;) {
		const char *end = strchr(line, '\n');
		char part[512];
		snprintf(part, sizeof(part), "%.*s", (int)(end - line), line);
		if (!has_warning(g, part)) {
			fprintf(stderr, "\ncase: %s\nno diagnostic '%s'\n", title, part);
			CU_FAIL("diagnostic missing");
		}
		line = end + 1;
	}
	for (const char *line = unwanted->ptr; built == 0 && line && *line;) {
		const char *end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		char part[512];
		snprintf(part, sizeof(part), "%.*s", (int)(end - line), line);
		if (has_warning(g, part)) {
			fprintf(stderr, "\ncase: %s\nan unwanted diagnostic '%s'\n", title, part);
			CU_FAIL("diagnostic reported");
		}
		line = *end ? end + 1 : end;
	}
	gg_i_buf_free(&got);
	gg_glossary_free(g);
}

static void buf_clear(gg_i_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

static void test_name_cases(void)
{
	FILE *f = fopen(FIXTURE("model/names.cases"), "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	char line[1024], title[256] = "";
	gg_i_buf page = GG_BUF_INIT, concepts = GG_BUF_INIT, finds = GG_BUF_INIT, warnings = GG_BUF_INIT,
		 unwanted = GG_BUF_INIT;
	gg_i_buf *section = NULL;
	size_t cases = 0;
	bool more = true;
	while (more) {
		more = fgets(line, sizeof(line), f) != NULL;
		if (!more || strncmp(line, "=== ", 4) == 0) {
			if (section) {
				check_case(title, &page, &concepts, &finds, &warnings, &unwanted);
				cases++;
			}
			if (!more)
				break;
			snprintf(title, sizeof(title), "%.200s", line + 4);
			buf_clear(&page);
			buf_clear(&concepts);
			buf_clear(&finds);
			buf_clear(&warnings);
			buf_clear(&unwanted);
			section = &page;
		} else if (section && strcmp(line, "--- concepts\n") == 0) {
			section = &concepts;
		} else if (section && strcmp(line, "--- find\n") == 0) {
			section = &finds;
		} else if (section && strcmp(line, "--- diagnostics\n") == 0) {
			section = &warnings;
		} else if (section && strcmp(line, "--- no diagnostics\n") == 0) {
			section = &unwanted;
		} else if (section == &page || (section && strcmp(line, "\n") != 0)) {
			gg_i_buf_puts(section, line);
		}
	}
	fclose(f);
	CU_ASSERT_TRUE(cases >= 10);
	gg_i_buf_free(&page);
	gg_i_buf_free(&concepts);
	gg_i_buf_free(&finds);
	gg_i_buf_free(&warnings);
	gg_i_buf_free(&unwanted);
}

/* Built on one thread or two (past 4096 entries), a glossary has the same concepts. */
static gg_glossary *built_with(const char *text, size_t len, unsigned threads)
{
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "many.txt", text, len), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, &(gg_build_options){ .threads = threads }), 0);
	return g;
}

static void test_build_threads(void)
{
	enum { N = 5000 };
	gg_i_buf text = GG_BUF_INIT;
	for (int i = 0; i < N; i++)
		gg_i_buf_printf(&text, "term %d (T%d), kind %d\n\n**Term %d** follows term %d.\n\n",
			      i, i, i % 7, i, i ? i - 1 : N - 1);
	CU_ASSERT_FATAL(text.ptr != NULL);
	gg_glossary *one = built_with(text.ptr, text.len, 1), *two = built_with(text.ptr, text.len, 2);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_concept_count(one), gg_glossary_concept_count(two));
	CU_ASSERT(gg_glossary_concept_count(one) >= N);
	for (size_t c = 0; c < gg_glossary_concept_count(one); c++) {
		const gg_concept *a = gg_glossary_concept(one, c), *b = gg_glossary_concept(two, c);
		CU_ASSERT_STRING_EQUAL(a->name, b->name);
		CU_ASSERT_EQUAL(a->n_abbrevs, b->n_abbrevs);
		CU_ASSERT_EQUAL(a->n_entries, b->n_entries);
	}
	gg_glossary_free(one);
	gg_glossary_free(two);
	gg_i_buf_free(&text);
}

CU_ErrorCode suite_model_add(void)
{
	CU_pSuite s = CU_add_suite("concept model", load_seeds, free_seeds);
	if (!s || !CU_add_test(s, "seed counts, nothing lost", test_counts) ||
	    !CU_add_test(s, "built on one thread or two", test_build_threads) ||
	    !CU_add_test(s, "abbreviations resolve", test_abbreviations_resolve) ||
	    !CU_add_test(s, "variant entries merge", test_merges) ||
	    !CU_add_test(s, "categories and keyword nodes", test_categories_and_keywords) ||
	    !CU_add_test(s, "suggestions", test_suggestions) ||
	    !CU_add_test(s, "duplicates and disambiguators", test_small_cases) ||
	    !CU_add_test(s, "name cases (data/model/names.cases)", test_name_cases))
		return CU_get_error();
	return CUE_SUCCESS;
}
