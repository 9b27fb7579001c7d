/*
 * test_cases.c - the link decision on small glossaries: each file of
 * data/links holds a glossary page, a line "----", then one expectation a
 * line about the mention link from one term to another:
 *   kept S -> T         linked and kept in the default graph
 *   clean S -> T        linked, its text neither in code nor clashing in case
 *   held REASON S -> T  held back for REASON (gg_hold_reason_name)
 *   cued S -> T         a cue introduces a mention
 *   uncued S -> T       linked, but no cue introduces it
 *   none S -> T         no mention link at all
 * Lines starting with '#' before the page are comments.
 */
#include "suites.h"
#include "glossgraph.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CASES_DIR "data/links"

/* The mention edge from concept `from` to `to` by name, or NULL. */
static const gg_edge *mention(const gg_glossary *g, const gg_links *l, const char *from,
			      const char *to)
{
	size_t s, t;
	if (gg_glossary_find(&s, g, from) != 0 || gg_glossary_find(&t, g, to) != 0)
		return NULL;
	for (size_t i = 0; i < gg_links_count(l); i++) {
		const gg_edge *e = gg_links_edge(l, i);
		if (e->source == s && e->target == t && e->kind == GG_EDGE_MENTION)
			return e;
	}
	return NULL;
}

/* Whether expectation `line` (see the top) holds; prints it when not. */
static bool expectation_holds(const char *file, const gg_glossary *g, const gg_links *l,
			      char *line)
{
	char verb[16], reason[32] = "", from[128], to[128];
	bool held = strncmp(line, "held ", 5) == 0;
	int skip = 0; /* where the source's name starts */
	int n = held ? sscanf(line, "%15s %31s %n", verb, reason, &skip)
		     : sscanf(line, "%15s %n", verb, &skip);
	const char *arrow = strstr(line, " -> "); /* names may hold '-' */
	size_t len = arrow && arrow > line + skip ? (size_t)(arrow - line - skip) : 0;
	if (n != (held ? 2 : 1) || !len || len >= sizeof(from) || strlen(arrow + 4) >= sizeof(to)) {
		fprintf(stderr, "\n%s: bad expectation '%s'\n", file, line);
		return false;
	}
	memcpy(from, line + skip, len);
	from[len] = '\0';
	strcpy(to, arrow + 4);
	const gg_edge *e = mention(g, l, from, to);
	bool ok;
	if (strcmp(verb, "none") == 0)
		ok = e == NULL;
	else if (!e)
		ok = false;
	else if (held)
		ok = strcmp(gg_hold_reason_name(e->held), reason) == 0;
	else if (strcmp(verb, "kept") == 0)
		ok = e->held == GG_HELD_NONE;
	else if (strcmp(verb, "clean") == 0)
		ok = e->held != GG_HELD_IN_CODE && e->held != GG_HELD_CASE_CLASH;
	else if (strcmp(verb, "cued") == 0)
		ok = e->cued;
	else if (strcmp(verb, "uncued") == 0)
		ok = !e->cued;
	else
		ok = false;
	if (!ok)
		fprintf(stderr, "\n%s: '%s' does not hold (%s)\n", file, line,
			e ? gg_hold_reason_name(e->held) : "no link");
	return ok;
}

/* Run one case file: a failed assertion for each expectation that does not hold. */
static void run_case(const char *path)
{
	FILE *f = fopen(path, "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	char *page = NULL, line[1024];
	size_t page_len = 0, expectations = 0;
	bool in_page = true;
	gg_glossary *g = NULL;
	gg_links *l = NULL;
	while (fgets(line, sizeof(line), f)) {
		if (in_page && strcmp(line, "----\n") == 0) {
			in_page = false;
			gg_link_options o;
			gg_link_options_init(&o);
			CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
			CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, path, page, page_len), 0);
			CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
			CU_ASSERT_EQUAL_FATAL(gg_links_new(&l, g, &o), 0);
			continue;
		}
		if (in_page) {
			if (line[0] == '#')
				continue;
			size_t n = strlen(line);
			char *grown = realloc(page, page_len + n + 1);
			CU_ASSERT_PTR_NOT_NULL_FATAL(grown);
			page = grown;
			memcpy(page + page_len, line, n + 1);
			page_len += n;
			continue;
		}
		line[strcspn(line, "\n")] = '\0';
		if (!line[0])
			continue;
		expectations++;
		CU_ASSERT_TRUE(expectation_holds(path, g, l, line));
	}
	fclose(f);
	CU_ASSERT_TRUE(expectations > 0);
	gg_links_free(l);
	gg_glossary_free(g);
	free(page);
}

/* Every case file of data/links. */
static void test_link_cases(void)
{
	DIR *d = opendir(CASES_DIR);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	size_t files = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 4, ".txt") != 0)
			continue;
		char path[512];
		snprintf(path, sizeof(path), "%s/%s", CASES_DIR, de->d_name);
		run_case(path);
		files++;
	}
	closedir(d);
	CU_ASSERT_TRUE(files >= 2);
}

/* A model file: read when well formed, refused with file:line when not. */
static void test_model_file(void)
{
	static const char page[] = "alpha, x\n\n**Alpha** names beta.\n\nbeta, x\n\n**Beta** is one.\n";
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "m.txt", page, sizeof(page) - 1), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	char good[] = "link-model-XXXXXX"; /* in the tests folder, removed at the end */
	int fd = mkstemp(good);
	CU_ASSERT_FATAL(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("# a model that keeps everything\nbias 5\ncued 1\nthreshold 0.5\n", f);
	fclose(f);
	gg_link_options o;
	gg_link_options_init(&o);
	o.model = good;
	gg_links *l = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_links_new(&l, g, &o), 0);
	CU_ASSERT_DOUBLE_EQUAL(gg_links_feature_weight(l, GG_FEATURE_BIAS), 5, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(gg_links_feature_weight(l, GG_FEATURE_ORDINARY), 0, 1e-12);
	const gg_edge *e = mention(g, l, "alpha", "beta");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_DOUBLE_EQUAL(e->score, 1 / (1 + exp(-5.0)), 1e-9);
	CU_ASSERT_EQUAL(e->held, GG_HELD_NONE);
	gg_links_free(l);

	f = fopen(good, "w");
	fputs("bias 1\nsize_of_moon 2\nthreshold 0.5\n", f);
	fclose(f);
	CU_ASSERT_EQUAL(gg_links_new(&l, g, &o), GG_EINVAL);
	CU_ASSERT_PTR_NULL(l);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), ":2: unknown feature 'size_of_moon'"));
	f = fopen(good, "w");
	fputs("bias 1\nthreshold 0.5\ndensity_pivot -1\n", f);
	fclose(f);
	CU_ASSERT_EQUAL(gg_links_new(&l, g, &o), GG_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), ":3: the density pivot must not be negative"));
	f = fopen(good, "w");
	fputs("bias 1\n", f);
	fclose(f);
	CU_ASSERT_EQUAL(gg_links_new(&l, g, &o), GG_EINVAL);
	remove(good);
	CU_ASSERT_EQUAL(gg_links_new(&l, g, &o), GG_EIO);

	/* a threshold given holds whatever scores below it */
	gg_link_options_init(&o);
	o.threshold = 1;
	CU_ASSERT_EQUAL_FATAL(gg_links_new(&l, g, &o), 0);
	gg_threshold_source source;
	CU_ASSERT_DOUBLE_EQUAL(gg_links_threshold(l, &source), 1, 1e-12);
	CU_ASSERT_EQUAL(source, GG_THRESHOLD_USER);
	CU_ASSERT_EQUAL(mention(g, l, "alpha", "beta")->held, GG_HELD_LOW_SCORE);
	gg_links_free(l);
	gg_glossary_free(g);
}

/* The links of a case file's page under the default options; *g and *l to free. */
static void link_case_page(gg_glossary **g, gg_links **l, const char *path)
{
	FILE *f = fopen(path, "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	char page[8192], line[1024];
	size_t len = 0;
	while (fgets(line, sizeof(line), f) && strcmp(line, "----\n") != 0) {
		size_t n = strlen(line);
		if (line[0] == '#' || len + n >= sizeof(page))
			continue;
		memcpy(page + len, line, n);
		len += n;
	}
	fclose(f);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(*g, path, page, len), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(*g, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(gg_links_new(l, *g, NULL), 0);
}

/*
 * The vocabulary density: links to terms named without a cue per 100 bytes
 * of definitions, 0 below 50 such links; `dense` is its excess over the
 * model's pivot, the same for every mention of the glossary.
 */
static void test_vocabulary_density(void)
{
	gg_glossary *g = NULL;
	gg_links *l = NULL;
	link_case_page(&g, &l, CASES_DIR "/dense.txt");
	double density = gg_links_vocabulary_density(l);
	CU_ASSERT_TRUE(density > 2 && density < 6);
	double x[GG_LINK_FEATURE_COUNT], dense = -1;
	for (size_t i = 0; i < gg_links_count(l); i++) {
		const gg_edge *e = gg_links_edge(l, i);
		if (e->kind != GG_EDGE_MENTION)
			continue;
		gg_links_edge_features(x, l, e);
		if (dense < 0)
			dense = x[GG_FEATURE_DENSE];
		CU_ASSERT_DOUBLE_EQUAL(x[GG_FEATURE_DENSE], dense, 1e-12);
	}
	CU_ASSERT_TRUE(dense > 0 && dense < density);
	gg_links_free(l);
	gg_glossary_free(g);

	link_case_page(&g, &l, CASES_DIR "/senses.txt");
	CU_ASSERT_DOUBLE_EQUAL(gg_links_vocabulary_density(l), 0, 1e-12);
	gg_links_free(l);
	gg_glossary_free(g);
}

CU_ErrorCode suite_link_cases_add(void)
{
	CU_pSuite s = CU_add_suite("link decision", NULL, NULL);
	if (!s || !CU_add_test(s, "case files", test_link_cases) ||
	    !CU_add_test(s, "model file and threshold", test_model_file) ||
	    !CU_add_test(s, "vocabulary density", test_vocabulary_density))
		return CU_get_error();
	return CUE_SUCCESS;
}
