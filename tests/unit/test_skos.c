/* test_skos.c - the SKOS reader, Turtle, RDF/XML and JSON-LD: labels, languages, collections, relations, errors. */
#include "suites.h"
#include "glossgraph.h"

#include <string.h>

static void test_concepts(void)
{
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_path(g, FIXTURE("glossary.ttl")), 0);
	/* a concept without a definition is kept as a term, and reported */
	CU_ASSERT_EQUAL_FATAL(gg_glossary_diagnostic_count(g), 1);
	CU_ASSERT_EQUAL(gg_glossary_diagnostic(g, 0)->line, 22);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	/* the scheme and the collection are no entries; a defined resource is */
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);
	const gg_entry *fsync = entry_named(g, "fsync");
	CU_ASSERT_PTR_NOT_NULL_FATAL(fsync);
	CU_ASSERT_STRING_EQUAL(fsync->definition, "");

	const gg_entry *wal = entry_named(g, "Write-ahead log");
	CU_ASSERT_PTR_NOT_NULL_FATAL(wal);
	CU_ASSERT_EQUAL(wal->line, 8);
	CU_ASSERT_STRING_EQUAL(wal->definition, "A log written before the data; a checkpoint cuts it.");
	/* an altLabel that abbreviates the term is its abbreviation */
	CU_ASSERT_EQUAL_FATAL(wal->n_abbrevs, 1);
	CU_ASSERT_STRING_EQUAL(wal->abbrevs[0], "WAL");
	CU_ASSERT_EQUAL_FATAL(wal->n_names, 2);
	CU_ASSERT_STRING_EQUAL(wal->names[0], "redo log");
	CU_ASSERT_STRING_EQUAL(wal->names[1], "xlog");
	CU_ASSERT_EQUAL_FATAL(wal->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(wal->categories[0], "Storage");
	/* skos:related is an editor link; the mention statement is not read */
	CU_ASSERT_EQUAL_FATAL(wal->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(wal->xrefs[0].target, "Checkpoint");

	const gg_entry *cp = entry_named(g, "Checkpoint");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cp);
	CU_ASSERT_EQUAL(cp->line, 17);
	CU_ASSERT_EQUAL_FATAL(cp->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(cp->xrefs[0].target, "Durability");
	/* with no English label, the first language's */
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Durability"));
	gg_glossary_free(g);
}

static void test_bad_turtle(void)
{
	static const char *const cases[] = {
		"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a> a skos:Concept ;\n  skos:prefLabel \"x\" ;;; \"y\" .\n",
		"<a> <b> \"never closed\n",
		"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a> skos:prefLabel \"a\" ;\n  ex:note \"x\" .\n",
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		gg_glossary *g = NULL;
		CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
		CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "bad.ttl", cases[k], strlen(cases[k])), GG_EINPUT);
		CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), k == 2 ? "bad.ttl:3: column 3: undeclared prefix in 'ex:note'" : "bad.ttl:"));
		CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), ": column "));
		CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
		gg_glossary_free(g);
	}
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "none.ttl", "<a> <b> <c> .\n", 14), 0);
	CU_ASSERT_EQUAL(gg_glossary_diagnostic_count(g), 1);
	CU_ASSERT_EQUAL(gg_glossary_build(g, NULL), GG_EINPUT);
	gg_glossary_free(g);
}

/*
 * SKOS in RDF/XML: typed node elements and rdf:Description with rdf:type,
 * a node element nested in a property (its own concept), internal
 * entities, xml:lang inherited and chosen as in Turtle, parseType Literal
 * and Resource, rdf:nodeID; a document that is not well-formed fails with
 * its line.
 */
static void test_rdf_xml(void)
{
	const char text[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE rdf:RDF [ <!ENTITY ex \"http://example.org/v#\"> ]>\n"
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
		"         xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\" xml:lang=\"en\">\n"
		"  <skos:Concept rdf:about=\"&ex;router\">\n"
		"    <skos:prefLabel xml:lang=\"de\">Wegleiter</skos:prefLabel>\n"
		"    <skos:prefLabel>Router</skos:prefLabel>\n"
		"    <skos:altLabel>gateway</skos:altLabel>\n"
		"    <skos:definition>Forwards packets; compare switch.</skos:definition>\n"
		"    <skos:related rdf:resource=\"&ex;switch\"/>\n"
		"    <skos:broader>\n"
		"      <skos:Concept rdf:about=\"&ex;device\">\n"
		"        <skos:prefLabel>Network device</skos:prefLabel>\n"
		"        <skos:definition>Hardware on a network.</skos:definition>\n"
		"      </skos:Concept>\n"
		"    </skos:broader>\n"
		"    <skos:note rdf:parseType=\"Resource\"><skos:prefLabel>no concept</skos:prefLabel></skos:note>\n"
		"  </skos:Concept>\n"
		"  <rdf:Description rdf:about=\"&ex;switch\">\n"
		"    <rdf:type rdf:resource=\"http://www.w3.org/2004/02/skos/core#Concept\"/>\n"
		"    <skos:prefLabel>Switch</skos:prefLabel>\n"
		"    <skos:definition rdf:parseType=\"Literal\">Joins <b>hosts</b>.</skos:definition>\n"
		"    <skos:related rdf:nodeID=\"n1\"/>\n"
		"  </rdf:Description>\n"
		"</rdf:RDF>\n";
	gg_glossary *g = NULL;
	g = read_built("v.rdf", text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	const gg_entry *router = entry_named(g, "Router"), *device = entry_named(g, "Network device"),
		       *sw = entry_named(g, "Switch");
	CU_ASSERT_PTR_NOT_NULL_FATAL(router);
	CU_ASSERT_PTR_NOT_NULL_FATAL(device);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sw);
	CU_ASSERT_EQUAL(router->line, 5);
	CU_ASSERT_EQUAL(device->line, 12);
	CU_ASSERT_STRING_EQUAL(router->definition, "Forwards packets; compare switch.");
	CU_ASSERT_EQUAL_FATAL(router->n_names, 1);
	CU_ASSERT_STRING_EQUAL(router->names[0], "gateway");
	CU_ASSERT_EQUAL_FATAL(router->n_xrefs, 2);
	CU_ASSERT_STRING_EQUAL(router->xrefs[0].target, "Switch");
	CU_ASSERT_STRING_EQUAL(router->xrefs[1].target, "Network device");
	CU_ASSERT_STRING_EQUAL(sw->definition, "Joins hosts.");
	gg_glossary_free(g);

	const char bad[] = "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
			   "  <rdf:Description rdf:about=\"x\">\n</rdf:RDF>\n";
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "bad.rdf", bad, sizeof(bad) - 1), GG_EINPUT);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "bad.rdf:4: invalid RDF/XML: "));
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
	gg_glossary_free(g);
}

/*
 * JSON-LD: compact IRIs under an inline context, value objects with their
 * languages (English chosen), a node nested as a value (its own entry and
 * the link), keyword aliases ("uri": "@id"), a language map, "@type":
 * "@id" coercion with "@base", expanded form, and "\\/" in the written
 * "@id"s; each entry at the line of its node. A remote context is not
 * fetched; bad JSON fails with its line.
 */
static void test_json_ld(void)
{
	const char compact[] =
		"{\"@context\": {\"skos\": \"http://www.w3.org/2004/02/skos/core#\", \"ex\": \"http://example.org/\"},\n"
		" \"@graph\": [\n"
		"  {\"@id\": \"ex:cache\", \"@type\": \"skos:Concept\",\n"
		"   \"skos:prefLabel\": [{\"@value\": \"Antememoria\", \"@language\": \"es\"}, {\"@value\": \"Cache\", \"@language\": \"en\"}],\n"
		"   \"skos:definition\": \"A fast store.\", \"skos:related\": {\"@id\": \"ex:index\"},\n"
		"   \"skos:broader\": {\"@id\": \"ex:store\", \"@type\": \"skos:Concept\", \"skos:prefLabel\": \"Store\",\n"
		"                    \"skos:definition\": \"Keeps data.\"}},\n"
		"  {\"@id\": \"ex:index\", \"@type\": \"skos:Concept\", \"skos:prefLabel\": \"Index\",\n"
		"   \"skos:altLabel\": \"lookup table\", \"skos:definition\": {\"@value\": \"A lookup.\", \"@language\": \"en\"}}\n"
		" ]}\n";
	gg_glossary *g = NULL;
	g = read_built("v.jsonld", compact, sizeof(compact) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	const gg_entry *cache = entry_named(g, "Cache"), *index = entry_named(g, "Index"), *store = entry_named(g, "Store");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cache);
	CU_ASSERT_PTR_NOT_NULL_FATAL(index);
	CU_ASSERT_PTR_NOT_NULL_FATAL(store);
	CU_ASSERT_EQUAL(cache->line, 3);
	CU_ASSERT_EQUAL(store->line, 6);
	CU_ASSERT_EQUAL(index->line, 8);
	CU_ASSERT_STRING_EQUAL(cache->definition, "A fast store.");
	CU_ASSERT_EQUAL_FATAL(cache->n_xrefs, 2);
	CU_ASSERT_STRING_EQUAL(cache->xrefs[0].target, "Index");
	CU_ASSERT_STRING_EQUAL(cache->xrefs[1].target, "Store");
	CU_ASSERT_EQUAL_FATAL(index->n_names, 1);
	CU_ASSERT_STRING_EQUAL(index->names[0], "lookup table");
	gg_glossary_free(g);

	const char aliased[] =
		"{\"@context\": [\"https://example.org/remote-context\", {\"skos\": \"http://www.w3.org/2004/02/skos/core#\",\n"
		"   \"uri\": \"@id\", \"type\": \"@type\", \"graph\": \"@graph\", \"Concept\": \"skos:Concept\",\n"
		"   \"prefLabel\": {\"@id\": \"skos:prefLabel\", \"@container\": \"@language\"},\n"
		"   \"definition\": \"skos:definition\", \"broader\": {\"@id\": \"skos:broader\", \"@type\": \"@id\"},\n"
		"   \"@base\": \"http://example.org/voc/\"}],\n"
		" \"graph\": [\n"
		"  {\"uri\": \"queue\", \"type\": \"Concept\", \"prefLabel\": {\"de\": \"Warteschlange\", \"en\": \"Queue\"},\n"
		"   \"definition\": \"A line of items.\", \"broader\": \"buffer\"},\n"
		"  {\"uri\": \"buffer\", \"type\": \"Concept\", \"prefLabel\": {\"en\": \"Buffer\"}, \"definition\": \"Memory.\"}]}\n";
	g = read_built("v.json", aliased, sizeof(aliased) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	const gg_entry *queue = entry_named(g, "Queue");
	CU_ASSERT_PTR_NOT_NULL_FATAL(queue);
	CU_ASSERT_EQUAL(queue->line, 7);
	CU_ASSERT_EQUAL_FATAL(queue->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(queue->xrefs[0].target, "Buffer");
	CU_ASSERT_EQUAL(entry_named(g, "Buffer")->line, 9);
	gg_glossary_free(g);

	const char expanded[] =
		"[{\"@id\": \"http:\\/\\/ex.org\\/a\", \"@type\": [\"http://www.w3.org/2004/02/skos/core#Concept\"],\n"
		"  \"http://www.w3.org/2004/02/skos/core#prefLabel\": [{\"@value\": \"Alpha\"}],\n"
		"  \"http://www.w3.org/2004/02/skos/core#definition\": [{\"@value\": \"First; see beta.\"}]},\n"
		" {\"@id\": \"http:\\/\\/ex.org\\/b\", \"@type\": [\"http://www.w3.org/2004/02/skos/core#Concept\"],\n"
		"  \"http://www.w3.org/2004/02/skos/core#prefLabel\": [{\"@value\": \"Beta\"}]}]\n";
	g = read_built("e.jsonld", expanded, sizeof(expanded) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Beta"));
	CU_ASSERT_EQUAL(entry_named(g, "Beta")->line, 4);
	gg_glossary_free(g);

	/* the document's blank nodes and the reader's own stay apart; "@base"
	 * resolves a path and a fragment; a term mapped to null names nothing */
	const char blanks[] =
		"{\"@context\": {\"skos\": \"http://www.w3.org/2004/02/skos/core#\", \"@base\": \"https://ex.org/voc/cloud\",\n"
		"  \"note\": null, \"@vocab\": \"http://www.w3.org/2004/02/skos/core#\"},\n"
		" \"@graph\": [\n"
		"  {\"@id\": \"_:g1\", \"@type\": \"skos:Concept\", \"skos:prefLabel\": \"Alpha\", \"note\": \"x\",\n"
		"   \"skos:definition\": \"The first.\", \"skos:related\": {\"@id\": \"https://ex.org/voc/cloud#c\"}},\n"
		"  {\"@type\": \"skos:Concept\", \"skos:prefLabel\": \"Beta\", \"skos:definition\": \"The second.\"},\n"
		"  {\"@id\": \"#c\", \"@type\": \"skos:Concept\", \"skos:prefLabel\": \"Gamma\", \"skos:definition\": \"The third.\"},\n"
		"  {\"@id\": \"/voc/cloud#d\", \"@type\": \"skos:Concept\", \"skos:prefLabel\": \"Delta\",\n"
		"   \"skos:definition\": \"The fourth.\", \"skos:related\": {\"@id\": \"#c\"}}]}\n";
	g = read_built("b.jsonld", blanks, sizeof(blanks) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Alpha"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Alpha")->definition, "The first.");
	CU_ASSERT_EQUAL_FATAL(entry_named(g, "Alpha")->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Alpha")->xrefs[0].target, "Gamma");
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Delta"));
	CU_ASSERT_EQUAL_FATAL(entry_named(g, "Delta")->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Delta")->xrefs[0].target, "Gamma");
	CU_ASSERT_EQUAL(entry_named(g, "Beta")->line, 6);
	gg_glossary_free(g);

	const char bad[] = "{\"@context\": {},\n \"x\": [1,\n";
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "bad.jsonld", bad, sizeof(bad) - 1), GG_EINPUT);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "bad.jsonld:3: invalid JSON-LD: "));
	gg_glossary_free(g);
}

CU_ErrorCode suite_skos_add(void)
{
	CU_pSuite s = CU_add_suite("SKOS reader", NULL, NULL);
	if (!s || !CU_add_test(s, "concepts, labels, collections", test_concepts) ||
	    !CU_add_test(s, "bad Turtle", test_bad_turtle) ||
	    !CU_add_test(s, "RDF/XML", test_rdf_xml) ||
	    !CU_add_test(s, "JSON-LD", test_json_ld))
		return CU_get_error();
	return CUE_SUCCESS;
}
