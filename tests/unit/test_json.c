/* test_json.c - the JSON reader: an array of objects, a map of terms, errors. */
#include "suites.h"
#include "glossgraph.h"

#include <string.h>

static void test_array(void)
{
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_path(g, FIXTURE("array.json")), 0);
	/* the string item and the entry without a definition, with their lines */
	CU_ASSERT_EQUAL_FATAL(gg_glossary_diagnostic_count(g), 2);
	CU_ASSERT_EQUAL(gg_glossary_diagnostic(g, 0)->line, 11);
	CU_ASSERT_EQUAL(gg_glossary_diagnostic(g, 1)->line, 12);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);

	const gg_entry *wal = entry_named(g, "Write-ahead log");
	CU_ASSERT_PTR_NOT_NULL_FATAL(wal);
	CU_ASSERT_EQUAL(wal->line, 2);
	CU_ASSERT_STRING_EQUAL(wal->definition, "A log written before the data; a checkpoint cuts it.");
	CU_ASSERT_EQUAL_FATAL(wal->n_names, 2);
	CU_ASSERT_STRING_EQUAL(wal->names[1], "redo log");
	CU_ASSERT_EQUAL_FATAL(wal->n_abbrevs, 1);
	CU_ASSERT_STRING_EQUAL(wal->abbrevs[0], "WAL");
	CU_ASSERT_EQUAL(wal->n_categories, 2);
	/* "see also" is a stated relation: an editor link without text */
	CU_ASSERT_EQUAL_FATAL(wal->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(wal->xrefs[0].target, "Checkpoint");
	CU_ASSERT_EQUAL(wal->xrefs[0].len, 0);
	const gg_entry *cp = entry_named(g, "Checkpoint");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cp);
	CU_ASSERT_EQUAL(cp->line, 10);
	gg_glossary_free(g);
}

static void test_map(void)
{
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_path(g, FIXTURE("map.json")), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	const gg_entry *wal = entry_named(g, "Write-ahead log");
	CU_ASSERT_PTR_NOT_NULL_FATAL(wal);
	CU_ASSERT_EQUAL(wal->line, 2);
	const gg_entry *cp = entry_named(g, "Checkpoint");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cp);
	CU_ASSERT_EQUAL(cp->line, 3);
	CU_ASSERT_STRING_EQUAL(cp->definition, "Flushes pages to disk.");
	CU_ASSERT_EQUAL_FATAL(cp->n_names, 2);
	CU_ASSERT_STRING_EQUAL(cp->names[0], "flush point");
	CU_ASSERT_STRING_EQUAL(cp->categories[0], "storage");
	gg_glossary_free(g);
}

/*
 * The list of entries inside objects that wrap it: alone, beside members
 * about the glossary (objects and arrays among them, empty ones too, and
 * another array of objects without definitions), or one object further
 * down; each entry keeps its own line. A one-entry map of term -> object
 * stays a map.
 */
static void test_wrapped(void)
{
	const char *texts[] = {
		"{\"terms\": [\n  {\"term\": \"a\", \"definition\": \"An a.\"},\n"
		"  {\"term\": \"b\", \"definition\": \"A b.\"}\n]}\n",
		"{\"version\": 1, \"name\": \"Terms\", \"about\": {\"tags\": [1, {\"x\": [2]}]}, \"terms\": [\n"
		"  {\"term\": \"a\", \"definition\": \"An a.\", \"aliases\": [\"alpha\"]},\n"
		"  {\"term\": \"b\", \"definition\": \"A b.\"}\n]}\n",
		"{\"glossary\": {\"title\": \"T\",\n\"entries\": [\n  {\"term\": \"a\", \"definition\": \"An a.\"},\n"
		"  {\"term\": \"b\", \"definition\": \"A b.\"}]}}\n",
		"{\"version\": 1, \"tags\": [], \"sources\": [{\"name\": \"x\"}], \"more\": {},\n\"terms\": [\n"
		"  {\"term\": \"a\", \"definition\": \"An a.\"},\n  {\"term\": \"b\", \"definition\": \"A b.\"}]}\n",
	};
	const unsigned first_line[] = { 2, 2, 3, 3 };
	for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
		gg_glossary *g = NULL;
		CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
		CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "w.json", texts[i], strlen(texts[i])), 0);
		CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 2);
		CU_ASSERT_EQUAL(gg_glossary_diagnostic_count(g), 0);
		CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, "a");
		CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 1)->header, "b");
		CU_ASSERT_EQUAL(gg_glossary_entry(g, 0)->line, first_line[i]);
		CU_ASSERT_EQUAL(gg_glossary_entry(g, 1)->line, first_line[i] + 1);
		gg_glossary_free(g);
	}

	/* JSON-LD without SKOS (schema.org's DefinedTermSet) is a JSON glossary */
	const char schema[] = "{\"@context\": \"https://schema.org\", \"@type\": \"DefinedTermSet\", \"name\": \"G\",\n"
			      "\"hasDefinedTerm\": [\n{\"@type\": \"DefinedTerm\", \"name\": \"a\", \"description\": \"An a.\"},\n"
			      "{\"@type\": \"DefinedTerm\", \"name\": \"b\", \"description\": \"A b.\"}]}\n";
	gg_glossary *s = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&s), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(s, "s.json", schema, sizeof(schema) - 1), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(s), 2);
	CU_ASSERT_EQUAL(gg_glossary_entry(s, 1)->line, 4);
	gg_glossary_free(s);

	/* a member beside the list that reads like an entry is warned of, with its line */
	const char beside[] = "{\"version\": \"2.1\", \"lang\": \"en\", \"title\": \"Cloud terms\",\n"
			      "\"API\": \"An interface for programs.\",\n"
			      "\"Storage\": [{\"term\": \"Bucket\", \"definition\": \"A container.\"}]}\n";
	gg_glossary *w = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&w), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(w, "w.json", beside, sizeof(beside) - 1), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(w), 1);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_diagnostic_count(w), 1);
	CU_ASSERT_EQUAL(gg_glossary_diagnostic(w, 0)->line, 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_glossary_diagnostic(w, 0)->message, "'API' beside the list of entries"));
	gg_glossary_free(w);

	const char one[] = "{\"Cache\": {\"definition\": \"A fast store.\", \"aliases\": [\"buffer\"]}}";
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "one.json", one, sizeof(one) - 1), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 1);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, "Cache");
	gg_glossary_free(g);
}

static void test_list_items(void)
{
	/* an array's item is one value even with a separator in it; a string is split */
	const char text[] = "[{\"term\": \"a\", \"definition\": \"An a.\",\n"
			    "  \"aliases\": [\"x; y\", \" \"], \"related\": [\"b|c\", \"\"],\n"
			    "  \"category\": \"k1 | k2\"}]\n";
	gg_glossary *g = NULL;
	g = read_built("l.json", text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 1);
	const gg_entry *a = gg_glossary_entry(g, 0);
	CU_ASSERT_EQUAL_FATAL(a->n_names, 1);
	CU_ASSERT_STRING_EQUAL(a->names[0], "x; y");
	CU_ASSERT_EQUAL_FATAL(a->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(a->xrefs[0].target, "b|c");
	CU_ASSERT_EQUAL_FATAL(a->n_categories, 2);
	CU_ASSERT_STRING_EQUAL(a->categories[0], "k1");
	CU_ASSERT_STRING_EQUAL(a->categories[1], "k2");
	gg_glossary_free(g);

	/* a definition given as paragraphs; "word" and "meaning" name the fields */
	const char paragraphs[] = "[{\"word\": \"a\", \"meaning\": [\"First.\", 7, \"Second.\"]}]";
	g = read_built("p.json", paragraphs, sizeof(paragraphs) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 1);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition, "First. Second.");
	gg_glossary_free(g);
}

static void test_bad_json(void)
{
	static const struct {
		const char *text, *message;
	} cases[] = {
		{ "[\n{\"term\": \"a\", \"definition\": \"x\"},\n{\"term\": \"b\" \"definition\": \"y\"}\n]",
		  "bad.json:3: invalid JSON" },
		{ "{\"a\": \"x\", \"a\": \"y\"}", "bad.json:1: invalid JSON: duplicate object key" },
		{ "42", "bad.json:1: a JSON glossary is an array of objects" },
		{ "[{\"term\": \"a\", \"definition\": \"x\"}", "bad.json:1: invalid JSON" },
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		gg_glossary *g = NULL;
		CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
		CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "bad.json", cases[k].text, strlen(cases[k].text)), GG_EINPUT);
		CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), cases[k].message));
		CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
		gg_glossary_free(g);
	}
	/* escapes decode; a control character is replaced */
	const char text[] = "{\"caf\\u00e9\": \"A \\\"drink\\\"\\u0001.\"}";
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "esc.json", text, sizeof(text) - 1), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 1);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, "caf\xC3\xA9");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition, "A \"drink\"\xEF\xBF\xBD.");
	gg_glossary_free(g);
}

/*
 * DocBook's glossary in JSON: json.org's example (one GlossEntry object),
 * and divisions in an array with GlossEntry arrays: each entry's line is
 * where its object opens, a division's title its category (not a
 * letter's); a GlossTerm inside a definition, an entry without one and an
 * array in the list leave the lines of the entries after them right; a
 * key named GlossEntry with no entry in it is any other key.
 */
static void test_docbook_shape(void)
{
	const char sample[] =
		"{\"glossary\": {\"title\": \"example glossary\",\n"
		" \"GlossDiv\": {\"title\": \"S\", \"GlossList\": {\"GlossEntry\": {\n"
		"  \"ID\": \"SGML\", \"SortAs\": \"SGML\",\n"
		"  \"GlossTerm\": \"Standard Generalized Markup Language\",\n"
		"  \"Acronym\": \"SGML\", \"Abbrev\": \"ISO 8879:1986\",\n"
		"  \"GlossDef\": {\"para\": \"A meta-markup language, used to create markup languages such as DocBook.\",\n"
		"   \"GlossSeeAlso\": [\"GML\", \"XML\"]},\n"
		"  \"GlossSee\": \"markup\"}}}}}\n";
	gg_glossary *g = read_built("g.json", sample, sizeof(sample) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 1);
	const gg_entry *e = gg_glossary_entry(g, 0);
	CU_ASSERT_STRING_EQUAL(e->header, "Standard Generalized Markup Language");
	CU_ASSERT_STRING_EQUAL(e->definition, "A meta-markup language, used to create markup languages such as DocBook.");
	CU_ASSERT_EQUAL(e->line, 2); /* where its object opens */
	CU_ASSERT_EQUAL(e->n_categories, 0);
	CU_ASSERT_EQUAL(e->n_xrefs, 3); /* GML, XML, markup */
	size_t a, b;
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "SGML"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "standard generalized markup language"), 0);
	CU_ASSERT_EQUAL(a, b);
	gg_glossary_free(g);

	const char divisions[] =
		"{\"glossary\": {\"GlossDiv\": [\n"
		" {\"title\": \"Markup\", \"GlossList\": {\"GlossEntry\": [\n"
		"  {\"GlossTerm\": \"Tag\", \"GlossDef\": {\"para\": [\"A name in brackets.\", \"Opens an element.\"]}},\n"
		"  {\"GlossTerm\": \"Element\", \"GlossDef\": \"A tag and its content.\"}]}},\n"
		" {\"title\": \"Styles\", \"GlossList\": {\"GlossEntry\": [\n"
		"  {\"glossterm\": \"Stylesheet\", \"GlossDef\": {\"para\": \"Rules that lay out each element.\"}}]}}]}}\n";
	g = read_built("d.json", divisions, sizeof(divisions) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 3);
	const gg_entry *tag = entry_named(g, "Tag"), *sheet = entry_named(g, "Stylesheet");
	CU_ASSERT_PTR_NOT_NULL_FATAL(tag);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sheet);
	CU_ASSERT_STRING_EQUAL(tag->definition, "A name in brackets. Opens an element.");
	CU_ASSERT_EQUAL(tag->line, 3);
	CU_ASSERT_EQUAL(sheet->line, 6);
	CU_ASSERT_EQUAL_FATAL(tag->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(tag->categories[0], "Markup");
	CU_ASSERT_EQUAL_FATAL(sheet->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(sheet->categories[0], "Styles");
	gg_glossary_free(g);

	const char odd[] = "{\"GlossDiv\": {\"GlossList\": {\"GlossEntry\": [\n"
			   " {\"GlossTerm\": \"Alpha\", \"GlossDef\": {\"para\": \"First.\", \"x\": {\"GlossTerm\": \"y\"}}},\n"
			   " {\"ID\": \"n\", \"GlossDef\": \"No term.\"},\n"
			   " [{\"GlossTerm\": \"Listed\", \"GlossDef\": \"In a list.\"}],\n"
			   " {\"GlossTerm\": \"Beta\", \"GlossDef\": \"Second.\"}]}}}\n";
	g = read_built("o.json", odd, sizeof(odd) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Beta"));
	CU_ASSERT_EQUAL(entry_named(g, "Beta")->line, 5);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "1 object nested too deep or in a list within GlossEntry"), 1);
	gg_glossary_free(g);

	const char map[] = "{\"GlossEntry\": \"A DocBook element.\", \"API\": \"An interface.\"}\n";
	g = read_built("m.json", map, sizeof(map) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	gg_glossary_free(g);
}

CU_ErrorCode suite_json_add(void)
{
	CU_pSuite s = CU_add_suite("JSON reader", NULL, NULL);
	if (!s || !CU_add_test(s, "array of objects", test_array) ||
	    !CU_add_test(s, "map of terms", test_map) ||
	    !CU_add_test(s, "a list inside an object", test_wrapped) ||
	    !CU_add_test(s, "list items split in strings only", test_list_items) ||
	    !CU_add_test(s, "bad JSON", test_bad_json) ||
	    !CU_add_test(s, "DocBook's glossary in JSON (json.org's example)", test_docbook_shape))
		return CU_get_error();
	return CUE_SUCCESS;
}
