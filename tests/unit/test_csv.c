/* test_csv.c - the CSV/TSV reader: columns by name, RFC 4180 quoting, bad rows and files. */
#include "suites.h"
#include "glossgraph.h"

#include <string.h>

static void test_columns_and_quotes(void)
{
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_path(g, FIXTURE("glossary.csv")), 0);
	/* the row without a term and the one without a definition are reported */
	CU_ASSERT_EQUAL_FATAL(gg_glossary_diagnostic_count(g), 2);
	CU_ASSERT_EQUAL(gg_glossary_diagnostic(g, 0)->line, 6);
	CU_ASSERT_EQUAL(gg_glossary_diagnostic(g, 1)->line, 7);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_glossary_diagnostic(g, 1)->message, "'Vacuum' has no definition"));
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);

	const gg_entry *wal = entry_named(g, "Write-ahead log");
	CU_ASSERT_PTR_NOT_NULL_FATAL(wal);
	CU_ASSERT_EQUAL(wal->line, 2);
	CU_ASSERT_STRING_EQUAL(wal->definition, "A log written before the data, \"first\"; then the pages.");
	CU_ASSERT_EQUAL_FATAL(wal->n_names, 2);
	CU_ASSERT_STRING_EQUAL(wal->names[0], "journal");
	CU_ASSERT_STRING_EQUAL(wal->names[1], "redo log");
	CU_ASSERT_EQUAL_FATAL(wal->n_abbrevs, 1);
	CU_ASSERT_STRING_EQUAL(wal->abbrevs[0], "WAL");
	CU_ASSERT_EQUAL_FATAL(wal->n_categories, 2);
	CU_ASSERT_STRING_EQUAL(wal->categories[1], "durability");
	/* offsets skip the opening quote and the doubled one */
	size_t i = (size_t)(wal - gg_glossary_entry(g, 0));
	const char *first = strstr(wal->definition, "first");
	CU_ASSERT_EQUAL(gg_glossary_file_offset(g, i, 0), 75);
	CU_ASSERT_EQUAL(gg_glossary_file_offset(g, i, (size_t)(first - wal->definition)), 108);
	/* the quoted newline counts: the next row is on line 4 */
	const gg_entry *cp = entry_named(g, "Checkpoint");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cp);
	CU_ASSERT_EQUAL(cp->line, 4);
	size_t c;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&c, g, "wal"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&i, g, "redo log"), 0);
	CU_ASSERT_EQUAL(c, i);
	gg_glossary_free(g);
}

static void test_tsv(void)
{
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_path(g, FIXTURE("glossary.tsv")), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	const gg_entry *alpha = entry_named(g, "alpha");
	CU_ASSERT_PTR_NOT_NULL_FATAL(alpha);
	CU_ASSERT_STRING_EQUAL(alpha->definition, "The first letter; see beta.");
	gg_glossary_free(g);
}

/*
 * Columns named as spreadsheets name them: "Related terms" are the
 * editors' links, "Also known as" aliases, "Topic" the category.
 */
static void test_column_names(void)
{
	static const char text[] = "Term,Definition,Also known as,Related terms,Topic\n"
				   "Backlog,The ordered list of work.,Product backlog,Sprint; Product owner,Process\n"
				   "Sprint,A fixed period of work.,Iteration,,Process\n"
				   "Product owner,Orders the work.,,,Roles\n";
	gg_glossary *g = read_built("team.csv", text, strlen(text));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *backlog = entry_named(g, "Backlog");
	CU_ASSERT_PTR_NOT_NULL_FATAL(backlog);
	CU_ASSERT_EQUAL_FATAL(backlog->n_names, 1);
	CU_ASSERT_STRING_EQUAL(backlog->names[0], "Product backlog");
	CU_ASSERT_EQUAL_FATAL(backlog->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(backlog->categories[0], "Process");
	CU_ASSERT_EQUAL_FATAL(backlog->n_xrefs, 2);
	CU_ASSERT_STRING_EQUAL(backlog->xrefs[0].target, "Sprint");
	CU_ASSERT_STRING_EQUAL(backlog->xrefs[1].target, "Product owner");
	gg_glossary_free(g);
}

/* read_buffer's result for `text`, and how many entries it left */
static int read_text(const char *name, const char *text, size_t *entries)
{
	gg_glossary *g = NULL;
	if (gg_glossary_new(&g))
		return GG_ENOMEM;
	int err = gg_glossary_read_buffer(g, name, text, strlen(text));
	*entries = gg_glossary_entry_count(g);
	gg_glossary_free(g);
	return err;
}

static void test_bad_files(void)
{
	size_t n = 99;
	/* an unterminated quote fails the file: the good row before it goes too */
	CU_ASSERT_EQUAL(read_text("open.csv", "term,definition\na,fine\nb,\"never\nclosed\n", &n), GG_EINPUT);
	CU_ASSERT_EQUAL(n, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "open.csv:3: quoted field without its closing quote"));
	CU_ASSERT_EQUAL(read_text("cols.csv", "lemma,sense,notes\nx,y,z\n", &n), GG_EINPUT);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "the columns are 'lemma', 'sense', 'notes'"));
	CU_ASSERT_EQUAL(read_text("def.csv", "Term,Notes\nx,y\n", &n), GG_EINPUT);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "no definition column"));
	/* header only, empty: nothing, and a warning */
	CU_ASSERT_EQUAL(read_text("h.csv", "term,definition\n", &n), 0);
	CU_ASSERT_EQUAL(n, 0);
	CU_ASSERT_EQUAL(read_text("e.csv", "", &n), 0);
	CU_ASSERT_EQUAL(n, 0);
	/* CRLF rows, a field with text after its closing quote, a short row */
	CU_ASSERT_EQUAL(read_text("crlf.csv", "term,definition,tags\r\n\"a\"x,b\r\nc,d\r\n", &n), 0);
	CU_ASSERT_EQUAL(n, 2);
}

/* Two columns whose first row names none: no header, term and definition,
 * the first row an entry too; "word" and "gloss" name columns. */
static void test_two_columns(void)
{
	const char *texts[] = { "Router,\"Forwards packets, see switch.\"\nSwitch,Joins hosts.\n",
				"Word,Gloss\nRouter,\"Forwards packets, see switch.\"\nSwitch,Joins hosts.\n" };
	for (size_t i = 0; i < 2; i++) {
		gg_glossary *g = NULL;
		CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
		CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "two.csv", texts[i], strlen(texts[i])), 0);
		CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
		CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
		const gg_entry *router = entry_named(g, "Router");
		CU_ASSERT_PTR_NOT_NULL_FATAL(router);
		CU_ASSERT_STRING_EQUAL(router->definition, "Forwards packets, see switch.");
		CU_ASSERT_EQUAL(router->line, i + 1);
		bool noted = gg_glossary_diagnostic_count(g) == 1 &&
			     gg_glossary_diagnostic(g, 0)->level == GG_DIAG_WARNING &&
			     strstr(gg_glossary_diagnostic(g, 0)->message, "no column named in the first row");
		CU_ASSERT_EQUAL(noted, i == 0);
		gg_glossary_free(g);
	}
}

/* CSV with ';' between fields, as spreadsheets write it where ',' is the
 * decimal mark: told by the first row, a header; a ',' in a field is then
 * text; a file whose first row has more ',' stays comma-separated, and so
 * does one without a header whose first definition holds ';'. */
static void test_semicolons(void)
{
	const char text[] = "\xEF\xBB\xBFTerm;Definition;Synonyms\r\n"
			    "Cache;\"A fast store; small, near\";Buffer\r\n"
			    "Index;A lookup, kept sorted.;\r\n";
	gg_glossary *g = NULL;
	g = read_built("semi.csv", text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	const gg_entry *cache = entry_named(g, "Cache"), *index = entry_named(g, "Index");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cache);
	CU_ASSERT_PTR_NOT_NULL_FATAL(index);
	CU_ASSERT_STRING_EQUAL(cache->definition, "A fast store; small, near");
	CU_ASSERT_EQUAL_FATAL(cache->n_names, 1);
	CU_ASSERT_STRING_EQUAL(cache->names[0], "Buffer");
	CU_ASSERT_STRING_EQUAL(index->definition, "A lookup, kept sorted.");
	gg_glossary_free(g);

	const char commas[] = "term,definition,note; see\nCache,A fast store; small.,x\n";
	g = read_built("c.csv", commas, sizeof(commas) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Cache"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Cache")->definition, "A fast store; small.");
	gg_glossary_free(g);

	const char headerless[] = "API,An interface; see SDK; also REST\nSDK,A kit\n";
	g = read_built("h.csv", headerless, sizeof(headerless) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "API"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "API")->definition, "An interface; see SDK; also REST");
	gg_glossary_free(g);
}

CU_ErrorCode suite_csv_add(void)
{
	CU_pSuite s = CU_add_suite("CSV reader", NULL, NULL);
	if (!s || !CU_add_test(s, "columns and quotes", test_columns_and_quotes) ||
	    !CU_add_test(s, "TSV", test_tsv) ||
	    !CU_add_test(s, "columns as spreadsheets name them", test_column_names) ||
	    !CU_add_test(s, "bad files", test_bad_files) ||
	    !CU_add_test(s, "two columns without a header", test_two_columns) ||
	    !CU_add_test(s, "fields parted by ';'", test_semicolons))
		return CU_get_error();
	return CUE_SUCCESS;
}
