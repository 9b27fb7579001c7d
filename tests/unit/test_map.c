/* test_map.c - the HTML map's writer: the page around the data, the data script-safe, the view's own node numbers. */
#include "suites.h"
#include "glossgraph.h"
#include "export/html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Terms named to break out of a script element, and text JSON must escape. */
static const char page[] =
	"</script><script>x=1</script>, cat one\n\n"
	"**</script><script>x=1</script>** names <!-- and amp & co.\n\n"
	"<!--, cat one\n\n"
	"**<!--** has a \"quote\", a back\\slash, U+2028 \xe2\x80\xa8 and U+2029 \xe2\x80\xa9; "
	"it names </script><script>x=1</script>.\n\n"
	"plain, cat two\n\n**Plain** names <!-- and plain things.\n";

static gg_glossary *glossary;
static gg_links *links;
static gg_graph *graph;

static int make_fixture(void)
{
	if (gg_glossary_new(&glossary) ||
	    gg_glossary_read_buffer(glossary, "map.txt", page, sizeof(page) - 1) ||
	    gg_glossary_build(glossary, NULL) || gg_links_new(&links, glossary, NULL) ||
	    gg_graph_new(&graph, links, &(gg_graph_options){ .include_held = true, .threads = 0 }))
		return 1;
	return 0;
}

static int free_fixture(void)
{
	gg_graph_free(graph);
	gg_links_free(links);
	gg_glossary_free(glossary);
	return 0;
}

/* A page written to memory; data/len/err. */
typedef struct written {
	char *data;
	size_t len;
	int err;
} written;

static written write_map(const gg_export_options *o)
{
	written w = { NULL, 0, 0 };
	FILE *mem = open_memstream(&w.data, &w.len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(mem);
	w.err = gg_export_write(graph, GG_FORMAT_HTML, o, mem);
	fclose(mem);
	return w;
}

/* Occurrences of needle in hay[0..len). */
static size_t count(const char *hay, size_t len, const char *needle)
{
	size_t n = 0, k = strlen(needle);
	for (size_t i = 0; i + k <= len; i++)
		n += memcmp(hay + i, needle, k) == 0;
	return n;
}

/* The page is head, graph, middle, text, tail: five scripts (graph, text, two libraries, the map's own). */
static void test_page_parts(void)
{
	written w = write_map(NULL);
	CU_ASSERT_EQUAL_FATAL(w.err, 0);
	CU_ASSERT_FATAL(w.len > gg_i_map_head_len + gg_i_map_tail_len);
	CU_ASSERT_EQUAL(memcmp(w.data, gg_i_map_head, gg_i_map_head_len), 0);
	CU_ASSERT_EQUAL(memcmp(w.data + w.len - gg_i_map_tail_len, gg_i_map_tail, gg_i_map_tail_len), 0);
	CU_ASSERT_EQUAL(count(w.data, w.len, "</script>"), 5);
	CU_ASSERT_EQUAL(count(w.data, gg_i_map_head_len, "id=\"gg-data\""), 1);
	CU_ASSERT_EQUAL(count((const char *)gg_i_map_middle, gg_i_map_middle_len, "id=\"gg-text\""), 1);
	CU_ASSERT_EQUAL(count(w.data, w.len, (const char *)gg_i_map_middle), 1);
	free(w.data);
}

/* No text of the glossary can end the script or become markup; JSON escapes stay right. */
static void test_data_escaped(void)
{
	written w = write_map(NULL);
	CU_ASSERT_EQUAL_FATAL(w.err, 0);
	const char *data = w.data + gg_i_map_head_len;
	size_t len = w.len - gg_i_map_head_len - gg_i_map_tail_len;
	const char *middle = strstr(data, (const char *)gg_i_map_middle);
	CU_ASSERT_PTR_NOT_NULL_FATAL(middle);
	/* the graph and the text, the middle's markup blanked out between them */
	memset((char *)middle, ' ', gg_i_map_middle_len);
	CU_ASSERT_EQUAL(count(data, len, "<"), 0);
	CU_ASSERT_EQUAL(count(data, len, ">"), 0);
	CU_ASSERT_EQUAL(count(data, len, "&"), 0);
	CU_ASSERT_EQUAL(count(data, len, "\xe2\x80\xa8"), 0);
	CU_ASSERT_EQUAL(count(data, len, "\xe2\x80\xa9"), 0);
	CU_ASSERT(count(data, len, "\"\\u003c/script\\u003e\\u003cscript\\u003ex=1\\u003c/script\\u003e\"") > 0);
	CU_ASSERT(count(data, len, "\"\\u003c!--") > 0);
	CU_ASSERT(count(data, len, "amp \\u0026 co.") > 0);
	CU_ASSERT(count(data, len, "U+2028 \\u2028 and U+2029 \\u2029") > 0);
	CU_ASSERT(count(data, len, "a \\\"quote\\\", a back\\\\slash") > 0);
	free(w.data);
}

/* Edges name nodes by their place in the view, not in the graph; eight numbers each with the hold reason. */
static void test_view_numbers(void)
{
	gg_export_options o;
	gg_export_options_init(&o);
	o.top = 2;
	o.with_held = true;
	written w = write_map(&o);
	CU_ASSERT_EQUAL_FATAL(w.err, 0);
	const char *data = w.data + gg_i_map_head_len;
	CU_ASSERT_PTR_NOT_NULL(strstr(data, "{\"terms\":2,\"keywords\":0,"));
	const char *edges = strstr(data, "\"edges\":[");
	const char *end = strstr(data, "\"kinds\":");
	CU_ASSERT_FATAL(edges && end && edges < end);
	CU_ASSERT_PTR_NOT_NULL(strstr(end, "\"held\":[\""));
	size_t n = 0;
	CU_ASSERT_PTR_NOT_NULL(strstr(data, "\"stride\":8,"));
	for (const char *p = strstr(edges, "\n"); p && p + 1 < end; p = strstr(p + 1, "\n")) {
		size_t from, to;
		long kind, rule, file, held;
		unsigned weight, line;
		char close;
		CU_ASSERT_EQUAL(sscanf(p, "\n%zu,%zu,%ld,%u,%ld,%ld,%u,%ld%c", &from, &to, &kind, &weight,
				       &rule, &file, &line, &held, &close), 9);
		CU_ASSERT(from < 2 && to < 2 && (close == ',' || close == ']') && held >= 0);
		n++;
	}
	CU_ASSERT(n > 0);
	free(w.data);
}

CU_ErrorCode suite_map_add(void)
{
	CU_pSuite s = CU_add_suite("html map", make_fixture, free_fixture);
	if (!s || !CU_add_test(s, "head, data, tail", test_page_parts) ||
	    !CU_add_test(s, "script-safe data", test_data_escaped) ||
	    !CU_add_test(s, "the view's node numbers", test_view_numbers))
		return CU_get_error();
	return CUE_SUCCESS;
}
