/*
 * fuzz_export.c - libFuzzer harness for the writers: a page from the input
 * goes through linker and graph into GraphML, GEXF, DOT and JSON in memory;
 * each is read back by a real parser (libxml2, cgraph) or checked for the
 * bytes its format forbids. A writer's output a reader rejects is a crash.
 */
#include "glossgraph.h"

#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* The output of one format, in a malloc'd buffer (NULL when writing failed). */
static char *write_format(const gg_graph *gr, gg_export_format f, size_t *len)
{
	char *buf = NULL;
	FILE *mem = open_memstream(&buf, len);
	if (!mem)
		return NULL;
	int err = gg_export_write(gr, f, NULL, mem);
	if (fclose(mem) != 0 || err) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void read_back_xml(const char *buf, size_t len)
{
	xmlDocPtr doc = xmlReadMemory(buf, (int)len, "fuzz.xml", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
				      XML_PARSE_HUGE);
	if (!doc)
		abort(); /* not well-formed XML */
	xmlFreeDoc(doc);
}

static void read_back_dot(const char *buf)
{
	Agraph_t *g = agmemread(buf);
	if (!g)
		abort();
	agclose(g);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	gg_glossary *g = NULL;
	gg_links *l = NULL;
	gg_graph *gr = NULL;
	gg_link_options o;

	if (size > 4096 || gg_glossary_new(&g) != 0)
		goto done;
	if (gg_glossary_read_buffer(g, "fuzz.txt", (const char *)data, size) != 0 ||
	    gg_glossary_build(g, NULL) != 0)
		goto done;
	gg_link_options_init(&o);
	o.threads = 1;
	o.dictionary = "/dev/null";
	o.keep_all = true;
	if (gg_links_new(&l, g, &o) != 0 || gg_graph_new(&gr, l, &(gg_graph_options){ .include_held = true, .threads = 1 }) != 0)
		abort();
	static const gg_export_format formats[] = { GG_FORMAT_GRAPHML, GG_FORMAT_GEXF,
						    GG_FORMAT_DOT, GG_FORMAT_JSON,
						    GG_FORMAT_SKOS };
	for (size_t i = 0; i < sizeof(formats) / sizeof(*formats); i++) {
		size_t len = 0;
		char *buf = write_format(gr, formats[i], &len);
		if (!buf || strlen(buf) != len)
			abort(); /* a writer failed, or wrote a NUL */
		if (formats[i] == GG_FORMAT_DOT)
			read_back_dot(buf);
		else if (formats[i] != GG_FORMAT_JSON && formats[i] != GG_FORMAT_SKOS)
			read_back_xml(buf, len);
		free(buf);
	}
done:
	gg_graph_free(gr);
	gg_links_free(l);
	gg_glossary_free(g);
	return 0;
}
