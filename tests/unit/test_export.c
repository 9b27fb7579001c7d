/* test_export.c - the exporters on a graph of nasty names: clean text, read-back, selection, caps, atomic files. */
#include "suites.h"
#include "glossgraph.h"
#include "core/text.h"
#include "export/dot.h"
#include "export/export.h"
#include "export/names.h"
#include "export/view.h"
#include "graph/graph_i.h"
#include "link/links.h"
#include "model/model.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/* The page the fixture is read from: seven terms that mention each other, one alone. */
static const char page[] =
	"alpha, cat one\n\n**Alpha** is the first. It names beta and gamma.\n\n"
	"beta, cat one\n\n**Beta** follows alpha, e.g. the second one. More text.\n\n"
	"gamma, cat two\n\n**Gamma** is third.\n\n"
	"delta, cat two\n\n**Delta** is fourth.\n\n"
	"epsilon, cat two\n\n**Epsilon** is fifth.\n\n"
	"zeta, cat three\n\n**Zeta** is sixth.\n\n"
	"eta, cat three\n\n**Eta** is seventh.\n\n"
	"lonely, hermit life, cat three\n\n**Lonely** names nothing and nothing names it.\n";

/* Names the exporters must survive, given to the concepts after the build. */
static const char *const nasty[] = {
	"Alpha \\N \\G \\l \\\\ ends in a backslash\\",
	"Beta \"quoted\" <b>&amp; &#1; ]]> -- 'x'",
	"Gamma\x01\x1f ctl \xff\xfe bad \xef\xbf\xbe utf8 \xed\xa0\x80",
	"Delta\ttab\nnewline\rcr",
	"graph",
	"\"starts with a quote, has a comma",
	"\xc3\x9c" "n\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9 \xe5\x90\x8d\xe5\x89\x8d \xe2\x80\xae rtl",
};
#define N_NASTY (sizeof(nasty) / sizeof(nasty[0]))

static gg_glossary *glossary;
static gg_links *links;
static gg_graph *graph, *graph_held;
static size_t concept_of[N_NASTY + 1]; /* the last: lonely */

/*
 * An edge of the fixture. Its evidence is the whole definition of the
 * first entry of concept `carrier`, replaced by `snippet` (NULL: no
 * mention text, the source's own entry), in a file with a bad name.
 */
static gg_edge edge(size_t from, size_t to, gg_edge_kind kind, uint32_t weight,
		    gg_hold_reason held, size_t carrier, const char *snippet)
{
	gg_edge e;
	memset(&e, 0, sizeof(e));
	e.source = concept_of[from];
	e.target = concept_of[to];
	e.kind = kind;
	e.rule = kind == GG_EDGE_MENTION ? GG_RULE_CASE_FOLDED : GG_RULE_HEADER;
	e.weight = weight;
	e.specificity = 0.5;
	e.cued = weight > 2;
	e.held = held;
	e.entry = glossary->concepts[concept_of[snippet ? carrier : from]].entries[0];
	if (snippet) {
		glossary->entries[e.entry].definition = snippet;
		glossary->entries[e.entry].definition_len = strlen(snippet);
		e.surface = snippet;
		e.surface_len = (uint32_t)strlen(snippet);
	}
	glossary->entries[e.entry].file = "pages/bad\x7f\xff name:1.txt";
	glossary->entries[e.entry].line = 3;
	e.offset = 42 + from;
	return e;
}

static int make_fixture(void)
{
	static const char *const plain[] = { "alpha", "beta", "gamma", "delta", "epsilon",
					     "zeta", "eta", "lonely" };
	if (gg_glossary_new(&glossary) ||
	    gg_glossary_read_buffer(glossary, "fixture.txt", page, sizeof(page) - 1) ||
	    gg_glossary_build(glossary, NULL))
		return 1;
	for (size_t i = 0; i <= N_NASTY; i++)
		if (gg_glossary_find(&concept_of[i], glossary, plain[i]) != 0)
			return 1;
	/* the reader cleans what it reads: put raw bytes where only a bug would */
	for (size_t i = 0; i < N_NASTY; i++)
		glossary->concepts[concept_of[i]].name = nasty[i];
	const gg_concept *alpha = &glossary->concepts[concept_of[0]];
	glossary->entries[alpha->entries[0]].definition =
		"**Alpha**\x01 is the **first**\xff one. It names beta and gamma.";

	/* carriers 2 to 7: alpha's and beta's own definitions are checked as they are */
	gg_edge edges[] = {
		edge(0, 1, GG_EDGE_MENTION, 3, GG_HELD_NONE, 2, "\x02 snip\\pet \"q\" \xc3\x28 <x>&y ]]>"),
		edge(0, 2, GG_EDGE_MENTION, 1, GG_HELD_NONE, 3, "plain, with a comma"),
		edge(0, 2, GG_EDGE_CATEGORY, 1, GG_HELD_NONE, 0, NULL),
		edge(1, 0, GG_EDGE_MENTION, 7, GG_HELD_NONE, 4, "\"leading quote"),
		edge(1, 3, GG_EDGE_EDITOR, 1, GG_HELD_NONE, 5, "tab\there"),
		edge(2, 3, GG_EDGE_MENTION, 2, GG_HELD_NONE, 6, "line\nbreak"),
		edge(3, 4, GG_EDGE_MENTION, 1, GG_HELD_NONE, 0, NULL),
		edge(4, 5, GG_EDGE_MENTION, 1, GG_HELD_NONE, 0, NULL),
		edge(5, 6, GG_EDGE_MENTION, 1, GG_HELD_NONE, 0, NULL),
		edge(6, 0, GG_EDGE_MENTION, 1, GG_HELD_LOW_SCORE, 7, "held back"),
	};
	if (gg_i_links_from_edges(&links, glossary, edges, sizeof(edges) / sizeof(edges[0])) ||
	    gg_graph_new(&graph, links, NULL) || gg_graph_new(&graph_held, links, &(gg_graph_options){ .include_held = true, .threads = 0 }))
		return 1;
	return 0;
}

static int free_fixture(void)
{
	gg_graph_free(graph);
	gg_graph_free(graph_held);
	gg_links_free(links);
	gg_glossary_free(glossary);
	return 0;
}

/* What an export writes to a stream, in memory. */
typedef struct output {
	char *data;
	size_t len;
	int err;
} output;

static output write_format(const gg_graph *gr, gg_export_format f, const gg_export_options *o)
{
	output out = { NULL, 0, 0 };
	FILE *mem = open_memstream(&out.data, &out.len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(mem);
	out.err = gg_export_write(gr, f, o, mem);
	fclose(mem);
	return out;
}

/* The text an exporter should make of s: cleaned, TAB, CR and LF as spaces. */
static char *expected_text(const char *s)
{
	gg_i_buf b = GG_BUF_INIT;
	gg_i_clean(&b, s);
	return gg_i_buf_detach(&b);
}

/* Occurrences of needle in hay[0..len). */
static size_t count(const char *hay, size_t len, const char *needle)
{
	size_t n = 0, k = strlen(needle);
	for (size_t i = 0; i + k <= len; i++)
		n += memcmp(hay + i, needle, k) == 0;
	return n;
}

static void test_format_names(void)
{
	gg_export_format f;
	for (int k = 0; k < GG_EXPORT_FORMAT_COUNT; k++) {
		CU_ASSERT_EQUAL(gg_export_format_from_name(&f, gg_export_format_name((gg_export_format)k)), 0);
		CU_ASSERT_EQUAL((int)f, k);
	}
	CU_ASSERT_EQUAL(gg_export_format_from_name(&f, "GraphML"), 0);
	CU_ASSERT_EQUAL(f, GG_FORMAT_GRAPHML);
	CU_ASSERT_EQUAL(gg_export_format_from_name(&f, "png"), GG_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "png"));
}

/* Lower ASCII in place, the key of unique names that ignore case. */
static void lower_key(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s += 'a' - 'A';
}

static void test_unique_names(void)
{
	gg_i_names names = { 0 };
	const char *out = NULL;
	char want[32];
	for (int i = 1; i <= 1000; i++) {
		CU_ASSERT_EQUAL_FATAL(gg_i_names_take(&names, i % 2 ? "Note" : "note", lower_key, &out), 0);
		if (i == 1)
			snprintf(want, sizeof(want), "Note");
		else
			snprintf(want, sizeof(want), "%s-%d", i % 2 ? "Note" : "note", i);
		CU_ASSERT_STRING_EQUAL(out, want);
	}
	/* a base that is itself a taken name moves on from there */
	CU_ASSERT_EQUAL(gg_i_names_take(&names, "note-2", lower_key, &out), 0);
	CU_ASSERT_STRING_EQUAL(out, "note-2-2");
	CU_ASSERT_EQUAL(gg_i_names_take(&names, "note-999", NULL, &out), 0);
	CU_ASSERT_STRING_EQUAL(out, "note-999-2");
	CU_ASSERT_EQUAL(gg_i_names_take(&names, "NOTE", lower_key, &out), 0);
	CU_ASSERT_STRING_EQUAL(out, "NOTE-1001");
	gg_i_names_free(&names);
}

/* A Neo4j stem names two files, ".csv" dropped; destroy zeroes the pair and may be repeated. */
static void test_neo4j_paths(void)
{
	gg_neo4j_paths pair;
	CU_ASSERT_EQUAL_FATAL(gg_export_neo4j_paths(&pair, "out/terms.csv"), 0);
	CU_ASSERT_STRING_EQUAL(pair.nodes, "out/terms.nodes.csv");
	CU_ASSERT_STRING_EQUAL(pair.relationships, "out/terms.relationships.csv");
	gg_neo4j_paths_destroy(&pair);
	CU_ASSERT_PTR_NULL(pair.nodes);
	CU_ASSERT_PTR_NULL(pair.relationships);
	gg_neo4j_paths_destroy(&pair);
	CU_ASSERT_EQUAL_FATAL(gg_export_neo4j_paths(&pair, "terms"), 0);
	CU_ASSERT_STRING_EQUAL(pair.nodes, "terms.nodes.csv");
	gg_neo4j_paths_destroy(&pair);
}

static void test_text_helpers(void)
{
	gg_i_buf b = GG_BUF_INIT;
	gg_i_clean(&b, "a\x01" "b\tc\xff" "d\xef\xbf\xbe");
	CU_ASSERT_STRING_EQUAL(b.ptr, "a" GG_REPLACEMENT "b c" GG_REPLACEMENT "d" GG_REPLACEMENT);
	gg_i_buf_free(&b);

	char num[GG_I_NUMBER_MAX];
	CU_ASSERT_STRING_EQUAL(gg_i_number(num, -0.0), "0");
	CU_ASSERT_STRING_EQUAL(gg_i_number(num, 0.0 / 0.0), "0");
	CU_ASSERT_STRING_EQUAL(gg_i_number(num, 1.0 / 3), "0.333333333");
	CU_ASSERT_STRING_EQUAL(gg_i_number(num, 2.5e-7), "2.5e-07");

	char hex[8];
	unsigned char rgb[3];
	gg_i_community_hex(0, hex);
	gg_i_community_rgb(0, rgb);
	CU_ASSERT_STRING_EQUAL(hex, "#77AADD");
	CU_ASSERT_TRUE(rgb[0] == 0x77 && rgb[1] == 0xAA && rgb[2] == 0xDD);
	gg_i_community_hex(-1, hex);
	CU_ASSERT_STRING_EQUAL(hex, "#DDDDDD");
	gg_i_community_hex(1000, hex);
	CU_ASSERT_STRING_EQUAL(hex, "#DDDDDD");
}

/* A 64-bit step of xorshift: the same sequence on every run. */
static uint64_t next_bits(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/* gg_i_number writes what printf's %.9g writes, on doubles of every kind:
 * any bits, quotients, ties of the tenth digit, powers of ten and their
 * neighbours, the ends of the range it formats itself. */
static void test_number_as_printf(void)
{
	uint64_t state = 88172645463325252ull;
	size_t differ = 0;
	for (int i = 0; i < 200000; i++) {
		uint64_t bits = next_bits(&state);
		double any, p = pow(10, (int)(next_bits(&state) % 44) - 22);
		memcpy(&any, &bits, sizeof(any));
		double x[] = {
			any,
			(double)(next_bits(&state) % 2000000000) / (double)(1 + next_bits(&state) % 100000),
			ldexp((double)(next_bits(&state) >> 11), -(int)(next_bits(&state) % 120)),
			((double)(next_bits(&state) % 1000000000) + 0.5) / 1024,
			(double)(next_bits(&state) % 1000000000) + 0.5,
			p, nextafter(p, 0), nextafter(p, 1e300), 9.999999995 * p, -p / 3,
		};
		for (size_t k = 0; k < sizeof(x) / sizeof(x[0]); k++) {
			char got[GG_I_NUMBER_MAX], want[64];
			gg_i_number(got, x[k]);
			if (!isfinite(x[k]) || x[k] == 0)
				snprintf(want, sizeof(want), "0");
			else
				snprintf(want, sizeof(want), "%.9g", x[k]);
			differ += strcmp(got, want) != 0;
		}
	}
	CU_ASSERT_EQUAL(differ, 0);
	char num[GG_I_NUMBER_MAX];
	CU_ASSERT_STRING_EQUAL(gg_i_number(num, 12345678.25), "12345678.2"); /* a tie: to even */
	CU_ASSERT_STRING_EQUAL(gg_i_number(num, 12345678.75), "12345678.8");
	CU_ASSERT_STRING_EQUAL(gg_i_number(num, 999999999.5), "1e+09");
	CU_ASSERT_STRING_EQUAL(gg_i_number(num, 0.0001), "0.0001");
	CU_ASSERT_STRING_EQUAL(gg_i_number(num, -123456789012.0), "-1.23456789e+11");
}

/* The DOT writer quotes as cgraph's agcanon does, on random strings of
 * ids, numbers, words, quotes, backslashes, keywords and UTF-8, up to
 * lines long enough to be broken several times. */
static void test_dot_quoting(void)
{
	static const char *const pieces[] = { "a", "Z", "_", "0", "9", ".", "-", " ", "\"", "\\",
					      "\xC3\xA9", "&", "(", ",", "node", "Graph", "e" };
	const size_t n_pieces = sizeof(pieces) / sizeof(pieces[0]);
	uint64_t state = 12345;
	gg_i_buf got = GG_BUF_INIT;
	char text[1400];
	size_t differ = 0;
	for (int i = 0; i < 30000; i++) {
		size_t max = i % 3 == 0 ? 12 : i % 3 == 1 ? 300 : 1000, len = 0;
		size_t target = next_bits(&state) % max, alphabet = i % 4 == 0 ? 7 : n_pieces;
		text[0] = '\0';
		while (len < target) {
			const char *piece = pieces[next_bits(&state) % alphabet];
			size_t n = strlen(piece);
			if (len + n >= sizeof(text))
				break;
			memcpy(text + len, piece, n + 1);
			len += n;
		}
		gg_i_buf_clear(&got);
		gg_i_dot_canon(&got, text);
		differ += strcmp(gg_i_str(&got), agcanon(text, 0)) != 0;
	}
	CU_ASSERT_EQUAL(differ, 0);
	CU_ASSERT_FALSE(got.oom);
	gg_i_buf_free(&got);
}

/* The summary is the definition's first sentence: ** gone, "e.g." not an end;
 * the definition is whole, its Markdown gone. */
static void test_first_sentence(void)
{
	gg_export_options o;
	gg_i_view v;
	gg_i_node_text t = { 0 };

	gg_export_options_init(&o);
	CU_ASSERT_EQUAL_FATAL(gg_i_view_init(&v, graph, &o), 0);
	for (size_t i = 0; i < v.n_nodes; i++) {
		CU_ASSERT_EQUAL_FATAL(gg_i_node_text_fill(&t, &v, i), 0);
		if (t.node->concept == concept_of[0])
			CU_ASSERT_STRING_EQUAL(t.summary.ptr,
					       "Alpha" GG_REPLACEMENT " is the first" GG_REPLACEMENT " one.");
		if (t.node->concept == concept_of[0])
			CU_ASSERT_STRING_EQUAL(t.definition.ptr, "Alpha" GG_REPLACEMENT " is the first"
					       GG_REPLACEMENT " one. It names beta and gamma.");
		if (t.node->concept == concept_of[1])
			CU_ASSERT_STRING_EQUAL(t.summary.ptr, "Beta follows alpha, e.g. the second one.");
	}
	gg_i_node_text_free(&t);
	gg_i_view_destroy(&v);
}

/* Every byte of every format is valid UTF-8 without a control character XML forbids. */
static void test_clean_output(void)
{
	gg_export_options o;
	gg_export_options_init(&o);
	o.with_held = true;
	for (int f = 0; f < GG_EXPORT_FORMAT_COUNT; f++) {
		if (f == GG_FORMAT_NEO4J || f == GG_FORMAT_VAULT)
			continue;
		output out = write_format(graph_held, (gg_export_format)f, &o);
		CU_ASSERT_EQUAL(out.err, 0);
		CU_ASSERT_TRUE(out.len > 100);
		CU_ASSERT_EQUAL(gg_i_utf8_count_bad(out.data, out.len), 0);
		if (gg_i_utf8_count_bad(out.data, out.len))
			fprintf(stderr, "\n%s has bad bytes\n", gg_export_format_name((gg_export_format)f));
		free(out.data);
	}
}

/* SKOS: the editor's link once as skos:related, each mention described, names escaped by serd. */
static void test_skos(void)
{
	gg_export_options o;
	gg_export_options_init(&o);
	o.base_iri = "urn:test:";
	output out = write_format(graph, GG_FORMAT_SKOS, &o);
	CU_ASSERT_EQUAL_FATAL(out.err, 0);
	CU_ASSERT_EQUAL(count(out.data, out.len, "skos:related"), 1);
	CU_ASSERT_EQUAL(count(out.data, out.len, "a gg:Mention"), 7);
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "<urn:test:scheme>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "\"\"\"Beta \"quoted\" <b>&amp;"));
	free(out.data);
	o.base_iri = "no iri";
	out = write_format(graph, GG_FORMAT_SKOS, &o);
	CU_ASSERT_EQUAL(out.err, GG_EINVAL);
	free(out.data);
}

/* The same graph gives the same bytes. */
static void test_deterministic(void)
{
	gg_export_options o;
	gg_export_options_init(&o);
	for (int f = 0; f < GG_EXPORT_FORMAT_COUNT; f++) {
		if (f == GG_FORMAT_NEO4J || f == GG_FORMAT_VAULT)
			continue;
		output a = write_format(graph, (gg_export_format)f, &o);
		output b = write_format(graph, (gg_export_format)f, &o);
		CU_ASSERT_EQUAL(a.err, 0);
		CU_ASSERT_TRUE(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
		free(a.data);
		free(b.data);
	}
}

/* A format that reads no measure writes the same bytes from a graph built without them. */
static void test_without_measures(void)
{
	gg_graph *bare = NULL;
	gg_graph_options go;
	gg_graph_options_init(&go);
	go.include_held = true;
	go.without_measures = true;
	CU_ASSERT_EQUAL_FATAL(gg_graph_new(&bare, links, &go), 0);
	gg_export_options o;
	gg_export_options_init(&o);
	for (int held = 0; held < 2; held++) /* the kept edges, then the held ones too */
		for (int f = 0; f < GG_EXPORT_FORMAT_COUNT; f++) {
			if (f == GG_FORMAT_NEO4J || f == GG_FORMAT_VAULT || gg_export_reads_measures((gg_export_format)f))
				continue;
			o.with_held = held;
			output a = write_format(graph_held, (gg_export_format)f, &o);
			output b = write_format(bare, (gg_export_format)f, &o);
			CU_ASSERT_EQUAL(a.err, 0);
			CU_ASSERT_TRUE(a.len > 0 && a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
			free(a.data);
			free(b.data);
		}
	CU_ASSERT_FALSE(gg_export_reads_measures(GG_FORMAT_TSV));
	CU_ASSERT_FALSE(gg_export_reads_measures(GG_FORMAT_CSV));
	CU_ASSERT_TRUE(gg_export_reads_measures(GG_FORMAT_GRAPHML));
	CU_ASSERT_TRUE(gg_export_reads_measures(GG_FORMAT_JSON));
	gg_graph_free(bare);
}

static xmlDocPtr parse_xml(const output *out)
{
	return xmlReadMemory(out->data, (int)out->len, "export.xml", NULL,
			     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

static size_t children(xmlNodePtr parent, const char *name)
{
	size_t n = 0;
	for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
		n += c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0;
	return n;
}

/* Whether the node with concept name `label` (cleaned) is among the labels seen. */
static bool label_seen(char **seen, size_t n, size_t which)
{
	char *want = expected_text(nasty[which]);
	bool found = false;
	for (size_t i = 0; i < n && !found; i++)
		found = strcmp(seen[i], want) == 0;
	free(want);
	return found;
}

static void test_graphml(void)
{
	gg_export_options o;
	gg_export_options_init(&o);
	output out = write_format(graph, GG_FORMAT_GRAPHML, &o);
	CU_ASSERT_EQUAL_FATAL(out.err, 0);
	CU_ASSERT_EQUAL(strncmp(out.data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 38), 0);
	xmlDocPtr doc = parse_xml(&out);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	CU_ASSERT_STRING_EQUAL((const char *)root->name, "graphml");
	size_t keys = 0;
	for (xmlNodePtr k = root->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "key"))
			continue;
		keys++;
		xmlChar *id = xmlGetProp(k, (const xmlChar *)"id");
		xmlChar *name = xmlGetProp(k, (const xmlChar *)"attr.name");
		xmlChar *dom = xmlGetProp(k, (const xmlChar *)"for");
		xmlChar *type = xmlGetProp(k, (const xmlChar *)"attr.type");
		/* never d0, d1, ...: the name, but the edges' label */
		CU_ASSERT_TRUE(!strcmp((char *)id, (char *)name) ||
			       (!strcmp((char *)id, "edge_label") && !strcmp((char *)name, "label")));
		CU_ASSERT_TRUE(dom && (!strcmp((char *)dom, "node") || !strcmp((char *)dom, "edge")));
		CU_ASSERT_TRUE(type && strstr(" int double boolean string ", (char *)type));
		xmlFree(id);
		xmlFree(name);
		xmlFree(dom);
		xmlFree(type);
	}
	CU_ASSERT_EQUAL(keys, 30);
	xmlNodePtr g = child(root, "graph");
	CU_ASSERT_EQUAL(children(g, "node"), gg_graph_node_count(graph));
	CU_ASSERT_EQUAL(children(g, "edge"), gg_graph_edge_count(graph));
	char *labels[32];
	size_t n = 0;
	for (xmlNodePtr node = g->children; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE || strcmp((const char *)node->name, "node"))
			continue;
		xmlNodePtr d = child(node, "data"); /* label comes first */
		xmlChar *key = xmlGetProp(d, (const xmlChar *)"key");
		CU_ASSERT_STRING_EQUAL(key, "label");
		xmlFree(key);
		if (n < 32)
			labels[n++] = (char *)xmlNodeGetContent(d);
	}
	for (size_t i = 0; i < N_NASTY; i++)
		CU_ASSERT_TRUE(label_seen(labels, n, i));
	for (size_t i = 0; i < n; i++)
		xmlFree(labels[i]);
	xmlFreeDoc(doc);
	free(out.data);
}

static void test_gexf(void)
{
	gg_export_options o;
	gg_export_options_init(&o);
	output out = write_format(graph, GG_FORMAT_GEXF, &o);
	CU_ASSERT_EQUAL_FATAL(out.err, 0);
	xmlDocPtr doc = parse_xml(&out);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	CU_ASSERT_STRING_EQUAL((const char *)root->ns->href, "http://gexf.net/1.3");
	xmlNodePtr nodes = child(child(root, "graph"), "nodes");
	xmlNodePtr edges = child(child(root, "graph"), "edges");
	CU_ASSERT_EQUAL(children(nodes, "node"), gg_graph_node_count(graph));
	CU_ASSERT_EQUAL(children(edges, "edge"), gg_graph_edge_count(graph));
	char *labels[32];
	size_t n = 0;
	for (xmlNodePtr node = nodes->children; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *id = xmlGetProp(node, (const xmlChar *)"id");
		const gg_node *gn = gg_graph_node(graph, strtoul((char *)id + 1, NULL, 10));
		xmlFree(id);
		xmlNodePtr colour = child(node, "color");
		CU_ASSERT_PTR_NOT_NULL_FATAL(colour);
		CU_ASSERT_STRING_EQUAL((const char *)colour->ns->href, "http://gexf.net/1.3/viz");
		CU_ASSERT_STRING_EQUAL((const char *)colour->ns->prefix, "viz");
		unsigned char rgb[3];
		gg_i_community_rgb(gn->community, rgb);
		xmlChar *r = xmlGetProp(colour, (const xmlChar *)"r");
		CU_ASSERT_EQUAL(atoi((char *)r), rgb[0]);
		xmlFree(r);
		CU_ASSERT_PTR_NOT_NULL(child(node, "position"));
		CU_ASSERT_PTR_NOT_NULL(child(node, "size"));
		if (n < 32)
			labels[n++] = (char *)xmlGetProp(node, (const xmlChar *)"label");
	}
	for (size_t i = 0; i < N_NASTY; i++)
		CU_ASSERT_TRUE(label_seen(labels, n, i));
	for (size_t i = 0; i < n; i++)
		xmlFree(labels[i]);
	xmlFreeDoc(doc);
	free(out.data);
}

/* Undo what the DOT writer did to a label: \\ -> \, &amp; -> &. */
static void unescape_label(char *s)
{
	char *w = s;
	for (char *r = s; *r; ) {
		if (r[0] == '\\' && r[1] == '\\') {
			*w++ = '\\';
			r += 2;
		} else if (strncmp(r, "&amp;", 5) == 0) {
			*w++ = '&';
			r += 5;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

static void test_dot(void)
{
	gg_export_options o;
	gg_export_options_init(&o);
	output out = write_format(graph, GG_FORMAT_DOT, &o);
	CU_ASSERT_EQUAL_FATAL(out.err, 0);
	Agraph_t *g = agmemread(out.data);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL((size_t)agnnodes(g), gg_graph_node_count(graph));
	CU_ASSERT_EQUAL((size_t)agnedges(g), gg_graph_edge_count(graph));
	char *labels[32];
	size_t n = 0;
	for (Agnode_t *v = agfstnode(g); v && n < 32; v = agnxtnode(g, v)) {
		CU_ASSERT_EQUAL(agnameof(v)[0], 'n'); /* synthetic ids */
		char *label = agget(v, (char *)"label");
		labels[n] = strdup(label ? label : "");
		unescape_label(labels[n++]);
	}
	for (size_t i = 0; i < N_NASTY; i++)
		CU_ASSERT_TRUE(label_seen(labels, n, i));
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	agclose(g);
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "kind=mention"));
	free(out.data);
}

static void test_svg(void)
{
	gg_export_options o;
	gg_export_options_init(&o);
	output out = write_format(graph, GG_FORMAT_SVG, &o);
	CU_ASSERT_EQUAL_FATAL(out.err, 0);
	xmlDocPtr doc = parse_xml(&out);
	CU_ASSERT_PTR_NOT_NULL(doc);
	xmlFreeDoc(doc);
	CU_ASSERT_EQUAL(count(out.data, out.len, "class=\"node\""), gg_graph_node_count(graph));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "xlink:title=\"Alpha" GG_REPLACEMENT " is the first"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "&amp;#1;")); /* shown as typed, not a character */
	free(out.data);

	o.has_focus = true;
	o.focus = concept_of[0];
	o.depth = 1;
	out = write_format(graph, GG_FORMAT_SVG, &o);
	CU_ASSERT_EQUAL(out.err, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "within 1 link"));
	free(out.data);

	gg_export_options_init(&o);
	o.max_layout_nodes = 2;
	out = write_format(graph, GG_FORMAT_SVG, &o);
	CU_ASSERT_EQUAL(out.err, GG_ELIMIT);
	CU_ASSERT_EQUAL(out.len, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "--top"));
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "--focus"));
	free(out.data);

	gg_export_options_init(&o);
	o.layout = "hairball";
	out = write_format(graph, GG_FORMAT_SVG, &o);
	CU_ASSERT_EQUAL(out.err, GG_EINVAL);
	free(out.data);
}

/* Split a line into TAB-separated fields (in place); returns how many. */
static size_t fields(char *line, char **f, size_t max)
{
	size_t n = 0;
	for (char *p = line; n < max; ) {
		f[n++] = p;
		p = strchr(p, '\t');
		if (!p)
			break;
		*p++ = '\0';
	}
	return n;
}

static void test_tsv(void)
{
	gg_export_options o;
	gg_export_options_init(&o);
	o.with_held = true;
	output out = write_format(graph_held, GG_FORMAT_TSV, &o);
	CU_ASSERT_EQUAL_FATAL(out.err, 0);
	CU_ASSERT_EQUAL(count(out.data, out.len, "\n"), gg_graph_edge_count(graph_held) + 1);
	char *save, *line = strtok_r(out.data, "\n", &save);
	CU_ASSERT_STRING_EQUAL(line, "source\ttarget\tweight\tkind\trule\tevidence\tevidence_file\t"
			       "evidence_line\tevidence_offset\tsurface\tsnippet\tspecificity\tcued\tscore\theld");
	size_t held = 0, quoted = 0;
	while ((line = strtok_r(NULL, "\n", &save))) {
		char *f[20];
		CU_ASSERT_EQUAL(fields(line, f, 20), 15);
		CU_ASSERT_TRUE(strstr(" mention editor category keyword ", f[3]) != NULL);
		CU_ASSERT_TRUE(strstr(" exact case-folded inflected abbreviation alias header href ",
				      f[4]) != NULL);
		held += strcmp(f[14], "low-score") == 0;
		quoted += strcmp(f[10], "\"\"\"leading quote\"") == 0;
		quoted += strcmp(f[0], "\"\"\"starts with a quote, has a comma\"") == 0;
		if (strstr(f[10], "snip"))
			CU_ASSERT_STRING_EQUAL(f[5], "pages/bad\x7f" GG_REPLACEMENT
					       " name:1.txt:42: " GG_REPLACEMENT " snip\\pet \"q\" "
					       GG_REPLACEMENT "( <x>&y ]]>");
	}
	CU_ASSERT_EQUAL(held, 1);
	CU_ASSERT_TRUE(quoted >= 2);
	free(out.data);

	gg_export_options_init(&o);
	out = write_format(graph, GG_FORMAT_CSV, &o);
	CU_ASSERT_EQUAL_FATAL(out.err, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "\"plain, with a comma\""));
	CU_ASSERT_PTR_NULL(strstr(out.data, ",held"));
	free(out.data);
}

static void test_json(void)
{
	gg_export_options o;
	gg_export_options_init(&o);
	output out = write_format(graph, GG_FORMAT_JSON, &o);
	CU_ASSERT_EQUAL_FATAL(out.err, 0);
	CU_ASSERT_EQUAL(count(out.data, out.len, "{\"id\": "), gg_graph_node_count(graph));
	CU_ASSERT_EQUAL(count(out.data, out.len, "{\"source\": "), gg_graph_edge_count(graph));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "\"label\": \"Alpha \\\\N \\\\G"));
	/* every quote and backslash escaped, the text between them whole */
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "\"name\": \"Alpha \\\\N \\\\G \\\\l \\\\\\\\ "
					  "ends in a backslash\\\\\", "));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "\"name\": \"Beta \\\"quoted\\\" <b>&amp; &#1; "
					  "]]> -- 'x'\", "));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "\"name\": \"\\\"starts with a quote, has a comma\", "));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "\"multigraph\": true"));
	free(out.data);
}

/* Top N keeps the highest PageRank; a focus keeps its neighbourhood. */
static void test_selection(void)
{
	gg_export_options o;
	gg_i_view v;
	size_t n = gg_graph_node_count(graph);

	gg_export_options_init(&o);
	o.top = 3;
	CU_ASSERT_EQUAL_FATAL(gg_i_view_init(&v, graph, &o), 0);
	CU_ASSERT_EQUAL(v.n_nodes, 3);
	for (size_t i = 0; i < n; i++) {
		bool kept = false;
		for (size_t k = 0; k < v.n_nodes; k++)
			kept |= v.nodes[k] == i;
		if (kept)
			continue;
		for (size_t k = 0; k < v.n_nodes; k++) /* nothing left out outranks what was kept */
			CU_ASSERT_TRUE(gg_graph_node(graph, i)->pagerank <=
				       gg_graph_node(graph, v.nodes[k])->pagerank);
	}
	for (size_t e = 0; e < v.n_edges; e++) {
		size_t a, b, ka = 0, kb = 0;
		gg_graph_edge(graph, v.edges[e], &a, &b);
		for (size_t k = 0; k < v.n_nodes; k++) {
			ka += v.nodes[k] == a;
			kb += v.nodes[k] == b;
		}
		CU_ASSERT_TRUE(ka == 1 && kb == 1);
	}
	gg_i_view_destroy(&v);

	/* around delta, one link: gamma, beta (editor link to it), epsilon */
	gg_export_options_init(&o);
	o.has_focus = true;
	o.focus = concept_of[3];
	o.depth = 1;
	CU_ASSERT_EQUAL_FATAL(gg_i_view_init(&v, graph, &o), 0);
	CU_ASSERT_EQUAL(v.n_nodes, 4);
	gg_i_view_destroy(&v);
	o.depth = 2; /* and alpha, zeta */
	CU_ASSERT_EQUAL_FATAL(gg_i_view_init(&v, graph, &o), 0);
	CU_ASSERT_EQUAL(v.n_nodes, 6);
	gg_i_view_destroy(&v);
	o.top = 2; /* nearest first */
	CU_ASSERT_EQUAL_FATAL(gg_i_view_init(&v, graph, &o), 0);
	CU_ASSERT_EQUAL(v.n_nodes, 2);
	bool has_focus = false;
	for (size_t k = 0; k < v.n_nodes; k++)
		has_focus |= gg_graph_node(graph, v.nodes[k])->concept == concept_of[3];
	CU_ASSERT_TRUE(has_focus);
	gg_i_view_destroy(&v);

	o.top = 0;
	o.focus = concept_of[N_NASTY]; /* lonely: a node of its own */
	CU_ASSERT_EQUAL_FATAL(gg_i_view_init(&v, graph, &o), 0);
	CU_ASSERT_EQUAL(v.n_nodes, 1);
	CU_ASSERT_EQUAL(v.n_edges, 0);
	gg_i_view_destroy(&v);
	size_t outside = 0;
	for (size_t c = 0; c < gg_glossary_concept_count(glossary); c++) {
		size_t node;
		if (gg_graph_node_of(&node, graph, c) == 0)
			continue;
		outside++;
		o.focus = c; /* a keyword no one else names: not drawn */
		CU_ASSERT_EQUAL(gg_i_view_init(&v, graph, &o), GG_ENOTFOUND);
		CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "is not in the graph"));
		gg_i_view_destroy(&v);
	}
	CU_ASSERT_TRUE(outside > 0); /* lonely's header keywords */
	o.focus = gg_glossary_concept_count(glossary);
	CU_ASSERT_EQUAL(gg_i_view_init(&v, graph, &o), GG_EINVAL);
	gg_i_view_destroy(&v);
}

/* A scratch folder for the file tests. */
static char folder[64];

static char *in_folder(const char *name)
{
	static char path[2][128];
	static int turn;
	turn ^= 1;
	snprintf(path[turn], sizeof(path[turn]), "%s/%s", folder, name);
	return path[turn];
}

static void put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(text, f);
	fclose(f);
}

static bool file_is(const char *path, const char *text)
{
	char buf[256] = "";
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return strcmp(buf, text) == 0;
}

/* Files in the folder, temporary ones included. */
static size_t files_in_folder(void)
{
	size_t n = 0;
	DIR *d = opendir(folder);
	for (struct dirent *e; d && (e = readdir(d));)
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	if (d)
		closedir(d);
	return n;
}

static void test_atomic_files(void)
{
	strcpy(folder, "/tmp/gg-export-XXXXXX");
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(folder));
	char *old = in_folder("old.graphml");
	put_file(old, "old content\n");

	/* a write that fails half-way (the file size limit stands in for a full disk) */
	struct rlimit saved, small;
	getrlimit(RLIMIT_FSIZE, &saved);
	small = saved;
	small.rlim_cur = 1024;
	void (*previous)(int) = signal(SIGXFSZ, SIG_IGN);
	CU_ASSERT_EQUAL_FATAL(setrlimit(RLIMIT_FSIZE, &small), 0);
	int err = gg_export_file(graph, GG_FORMAT_GRAPHML, NULL, old);
	setrlimit(RLIMIT_FSIZE, &saved);
	signal(SIGXFSZ, previous);
	CU_ASSERT_EQUAL(err, GG_EIO);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "old.graphml"));
	CU_ASSERT_TRUE(file_is(old, "old content\n"));
	CU_ASSERT_EQUAL(files_in_folder(), 1); /* no temporary file left */

	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_DOT, NULL, "/dev/full"), GG_EIO);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), strerror(ENOSPC)));
	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_DOT, NULL, "/dev/null"), 0);
	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_DOT, NULL, folder), GG_EIO);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "folder"));
	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_DOT, NULL, in_folder("no/such.dot")), GG_EIO);
	CU_ASSERT_EQUAL(files_in_folder(), 1);

	/* success replaces the file; through a symbolic link, its target */
	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_GRAPHML, NULL, old), 0);
	CU_ASSERT_FALSE(file_is(old, "old content\n"));
	char *target = in_folder("target.tsv");
	put_file(target, "old\n");
	CU_ASSERT_EQUAL(symlink("target.tsv", in_folder("link.tsv")), 0);
	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_TSV, NULL, in_folder("link.tsv")), 0);
	struct stat st;
	CU_ASSERT_TRUE(lstat(in_folder("link.tsv"), &st) == 0 && S_ISLNK(st.st_mode));
	CU_ASSERT_FALSE(file_is(target, "old\n"));

	/* neo4j: two files from one stem */
	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_NEO4J, NULL, in_folder("n4j.csv")), 0);
	CU_ASSERT_EQUAL(access(in_folder("n4j.nodes.csv"), R_OK), 0);
	CU_ASSERT_EQUAL(access(in_folder("n4j.relationships.csv"), R_OK), 0);
	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_NEO4J, NULL, "-"), GG_EINVAL);
	CU_ASSERT_EQUAL(files_in_folder(), 5);

	const char *names[] = { "old.graphml", "target.tsv", "link.tsv", "n4j.nodes.csv",
				"n4j.relationships.csv" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		unlink(in_folder(names[i]));
	CU_ASSERT_EQUAL(rmdir(folder), 0);
}

/*
 * rename(2) as the library sees it: the test binary's definition is the one
 * libglossgraph.a links to. While `rename_fails_onto` is set, a rename onto
 * a path ending in it fails with EACCES; once `renames_before_failing`
 * (when not negative) reaches 0, every rename fails. Other calls are the
 * real one.
 */
static const char *rename_fails_onto;
static int renames_before_failing = -1;

int rename(const char *from, const char *to)
{
	size_t n = strlen(to), k = rename_fails_onto ? strlen(rename_fails_onto) : 0;
	bool fails = renames_before_failing == 0;
	if (renames_before_failing > 0)
		renames_before_failing--;
	if (fails || (k && n >= k && strcmp(to + n - k, rename_fails_onto) == 0)) {
		errno = EACCES;
		return -1;
	}
	return renameat(AT_FDCWD, from, AT_FDCWD, to);
}

/* Neo4j: when the second file cannot be renamed into place, neither changes. */
static void test_neo4j_pair(void)
{
	strcpy(folder, "/tmp/gg-neo4j-XXXXXX");
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(folder));

	/* no old pair: the new nodes file is taken back */
	rename_fails_onto = "pair.relationships.csv";
	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_NEO4J, NULL, in_folder("pair")), GG_EIO);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "pair.relationships.csv"));
	CU_ASSERT_EQUAL(files_in_folder(), 0);

	/* an old pair: the old nodes file is put back, and no backup is left */
	put_file(in_folder("pair.nodes.csv"), "old nodes\n");
	put_file(in_folder("pair.relationships.csv"), "old relationships\n");
	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_NEO4J, NULL, in_folder("pair")), GG_EIO);
	CU_ASSERT_TRUE(file_is(in_folder("pair.nodes.csv"), "old nodes\n"));
	CU_ASSERT_TRUE(file_is(in_folder("pair.relationships.csv"), "old relationships\n"));
	CU_ASSERT_EQUAL(files_in_folder(), 2);

	/* the first rename failing changes nothing either */
	rename_fails_onto = "pair.nodes.csv";
	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_NEO4J, NULL, in_folder("pair")), GG_EIO);
	CU_ASSERT_TRUE(file_is(in_folder("pair.nodes.csv"), "old nodes\n"));
	CU_ASSERT_TRUE(file_is(in_folder("pair.relationships.csv"), "old relationships\n"));
	CU_ASSERT_EQUAL(files_in_folder(), 2);

	/* the undo failing too: the old nodes file is kept, and the message says where */
	rename_fails_onto = NULL;
	renames_before_failing = 1;
	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_NEO4J, NULL, in_folder("pair")), GG_EIO);
	renames_before_failing = -1;
	const char *kept = strstr(gg_error_last(), "the old one is kept as '");
	CU_ASSERT_PTR_NOT_NULL_FATAL(kept);
	char backup[PATH_MAX];
	kept += strlen("the old one is kept as '");
	snprintf(backup, sizeof(backup), "%.*s", (int)strcspn(kept, "'"), kept);
	CU_ASSERT_TRUE(file_is(backup, "old nodes\n"));
	CU_ASSERT_TRUE(file_is(in_folder("pair.relationships.csv"), "old relationships\n"));
	CU_ASSERT_EQUAL(files_in_folder(), 3);
	CU_ASSERT_EQUAL(rename(backup, in_folder("pair.nodes.csv")), 0);

	/* and when both renames work, both files are new */
	CU_ASSERT_EQUAL(gg_export_file(graph, GG_FORMAT_NEO4J, NULL, in_folder("pair")), 0);
	CU_ASSERT_FALSE(file_is(in_folder("pair.nodes.csv"), "old nodes\n"));
	CU_ASSERT_FALSE(file_is(in_folder("pair.relationships.csv"), "old relationships\n"));
	CU_ASSERT_EQUAL(files_in_folder(), 2);

	unlink(in_folder("pair.nodes.csv"));
	unlink(in_folder("pair.relationships.csv"));
	CU_ASSERT_EQUAL(rmdir(folder), 0);
}

/* DOT, GraphML and GEXF handed a stream that fails (a full disk) say so. */
static void test_failed_stream(void)
{
	const gg_export_format formats[] = { GG_FORMAT_DOT, GG_FORMAT_GRAPHML, GG_FORMAT_GEXF };
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		FILE *full = fopen("/dev/full", "w");
		CU_ASSERT_PTR_NOT_NULL_FATAL(full);
		CU_ASSERT_NOT_EQUAL(gg_export_write(graph, formats[i], NULL, full), 0);
		fclose(full);
	}
}

/* A node of the reference scale's sweep: position, radius. */
struct ref_disc {
	double x, y, r;
};

static int ref_by_x(const void *pa, const void *pb)
{
	const struct ref_disc *a = pa, *b = pb;
	return a->x < b->x ? -1 : a->x > b->x;
}

/* Overlapping pairs at scale s by a sweep over every pair within the widest reach in x. */
static size_t ref_overlaps(const struct ref_disc *d, size_t n, double r_max, double s, size_t enough)
{
	size_t count = 0;
	double reach = 2 * r_max / s;
	for (size_t i = 0; i < n && count <= enough; i++) {
		for (size_t j = i + 1; j < n && d[j].x - d[i].x < reach; j++) {
			double dx = (d[j].x - d[i].x) * s, dy = (d[j].y - d[i].y) * s;
			double r = d[i].r + d[j].r;
			if (dx * dx + dy * dy < r * r && ++count > enough)
				break;
		}
	}
	return count;
}

/* The view's scale as the plain sweep finds it: the reference gg_i_view_scale must match. */
static double ref_scale(const gg_node *nodes, size_t n)
{
	struct ref_disc *d = malloc((n ? n : 1) * sizeof(*d));
	size_t budget = n / 100;
	double r_max = 0;
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	for (size_t i = 0; i < n; i++) {
		d[i] = (struct ref_disc){ isfinite(nodes[i].x) ? nodes[i].x : 0,
					  isfinite(nodes[i].y) ? nodes[i].y : 0,
					  nodes[i].size > 0 ? nodes[i].size : 0 };
		if (d[i].r > r_max)
			r_max = d[i].r;
	}
	qsort(d, n, sizeof(*d), ref_by_x);
	double lo = 0, hi = 1;
	while (hi < 1e6 && ref_overlaps(d, n, r_max, hi, budget) > budget) {
		lo = hi;
		hi *= 2;
	}
	if (r_max > 0 && lo > 0) {
		for (int k = 0; k < 20; k++) {
			double mid = (lo + hi) / 2;
			if (ref_overlaps(d, n, r_max, mid, budget) > budget)
				lo = mid;
			else
				hi = mid;
		}
	}
	free(d);
	double unit = pow(10, floor(log10(hi)) - 2);
	return ceil(hi / unit) * unit;
}

/* A number in [0, 1) from a linear congruential generator. */
static double next_unit(uint64_t *state)
{
	*state = *state * 6364136223846793005ull + 1442695040888963407ull;
	return (double)(*state >> 11) / 9007199254740992.0;
}

/* The scale found by columns is the sweep's, on layouts of every shape: spread,
 * clustered, on one line, on one point, with sizes of 0, equal sizes, NaNs. */
static void test_view_scale(void)
{
	static const size_t sizes[] = { 0, 1, 2, 40, 700, 5000 };
	uint64_t state = 7;
	for (int shape = 0; shape < 6; shape++) {
		for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
			size_t n = sizes[k];
			gg_node *nodes = calloc(n ? n : 1, sizeof(*nodes));
			size_t *ids = malloc((n ? n : 1) * sizeof(*ids));
			CU_ASSERT_FATAL(nodes && ids);
			for (size_t i = 0; i < n; i++) {
				double u = next_unit(&state), w = next_unit(&state), z = next_unit(&state);
				ids[i] = i;
				nodes[i].size = 1 + 9 * z * z * z * z;
				switch (shape) {
				case 0: /* spread */
					nodes[i].x = 1000 * u;
					nodes[i].y = 1000 * w;
					break;
				case 1: /* twenty tight clusters */
					nodes[i].x = 100 * (double)(i % 20) + u;
					nodes[i].y = 37 * (double)(i % 7) + w;
					break;
				case 2: /* one vertical line: every x ties */
					nodes[i].x = 5;
					nodes[i].y = 300 * u;
					break;
				case 3: /* one point */
					break;
				case 4: /* equal sizes on a coarse lattice, some of size 0 */
					nodes[i].x = floor(30 * u);
					nodes[i].y = floor(30 * w);
					nodes[i].size = z < 0.1 ? 0 : 2;
					break;
				default: /* spread, with positions that are not numbers */
					nodes[i].x = z < 0.05 ? NAN : 200 * u - 100;
					nodes[i].y = z > 0.95 ? INFINITY : 200 * w - 100;
					break;
				}
			}
			struct gg_graph fake = { .nodes = nodes, .n_nodes = n };
			gg_i_view v = { .graph = &fake, .nodes = ids, .n_nodes = n };
			CU_ASSERT_EQUAL(gg_i_view_scale(&v), 0);
			double want = ref_scale(nodes, n);
			CU_ASSERT_EQUAL(v.scale, want);
			if (v.scale != want)
				fprintf(stderr, "shape %d, %zu nodes: scale %g, the sweep's %g\n", shape, n,
					v.scale, want);
			free(nodes);
			free(ids);
		}
	}
}

CU_ErrorCode suite_export_add(void)
{
	CU_pSuite s = CU_add_suite("exports", make_fixture, free_fixture);
	if (!s || !CU_add_test(s, "format names", test_format_names) ||
	    !CU_add_test(s, "edge tables need no measures", test_without_measures) ||
	    !CU_add_test(s, "unique names", test_unique_names) ||
	    !CU_add_test(s, "neo4j paths", test_neo4j_paths) ||
	    !CU_add_test(s, "text helpers", test_text_helpers) ||
	    !CU_add_test(s, "numbers as printf writes them", test_number_as_printf) ||
	    !CU_add_test(s, "DOT quoting as cgraph's", test_dot_quoting) ||
	    !CU_add_test(s, "first sentence", test_first_sentence) ||
	    !CU_add_test(s, "no raw bytes in any format", test_clean_output) ||
	    !CU_add_test(s, "byte-identical runs", test_deterministic) ||
	    !CU_add_test(s, "GraphML read back", test_graphml) ||
	    !CU_add_test(s, "GEXF read back", test_gexf) ||
	    !CU_add_test(s, "DOT read back by cgraph", test_dot) ||
	    !CU_add_test(s, "a failed stream is reported", test_failed_stream) ||
	    !CU_add_test(s, "SVG, focus, caps", test_svg) ||
	    !CU_add_test(s, "TSV and CSV", test_tsv) ||
	    !CU_add_test(s, "JSON", test_json) ||
	    !CU_add_test(s, "SKOS", test_skos) ||
	    !CU_add_test(s, "top and focus", test_selection) ||
	    !CU_add_test(s, "atomic files", test_atomic_files) ||
	    !CU_add_test(s, "neo4j pair: both files or neither", test_neo4j_pair) ||
	    !CU_add_test(s, "the view's scale: the sweep's on every layout", test_view_scale))
		return CU_get_error();
	return CUE_SUCCESS;
}
