/* xml.h - the XML writer behind GraphML and GEXF, over libxml2's output buffer, with every string made safe for XML 1.0, and what the two write alike. */
#ifndef GG_EXPORT_XML_H
#define GG_EXPORT_XML_H

#include "core/buf.h"
#include "core/libxml.h"
#include "export/export.h"

#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Deepest nesting of elements a document may have. */
#define GG_I_XML_DEPTH 8

/* Numbers the writer remembers having written (a power of two). */
#define GG_I_XML_NUMBERS 256

/* A number and how gg_i_number writes it. */
typedef struct gg_i_xml_number {
	uint64_t bits; /* the double's bits */
	bool set;
	char text[GG_I_NUMBER_MAX];
} gg_i_xml_number;

/*
 * An XML document being written to a FILE, laid out as libxml2's text
 * writer lays it out when it indents by two spaces: one element a line, an
 * element holding text on one line, an empty element as <name .../>. An
 * element holds either text or elements. The text is built in `chunk` and
 * handed to libxml2's output buffer 64 KB at a time. Calls after a failure
 * do nothing; gg_i_xml_close reports it. Element and attribute names are
 * literals; every value is made clean as gg_i_clean makes it (text already
 * clean, as the node and edge text is, is only checked), so no character
 * XML 1.0 forbids (control characters, invalid UTF-8, U+FFFE, U+FFFF)
 * reaches the file, and TAB, CR and LF become spaces; then & < > " are
 * escaped.
 */
typedef struct gg_i_xml {
	xmlOutputBufferPtr out;
	gg_i_buf chunk;   /* text written, not yet handed to out */
	gg_i_buf scratch; /* the clean copy of a value that was not clean */
	bool failed;
	const char *open[GG_I_XML_DEPTH]; /* names of the elements open, outermost first */
	size_t depth;
	bool in_tag;    /* the innermost element's start tag is not closed yet */
	bool has_text;  /* the innermost element holds text */
	/* libxml2's error handlers, silenced while writing: a failure is
	 * reported once, by the caller, not printed by the library */
	gg_i_libxml_quiet quiet;
	/* how gg_i_xml_value writes a keyed value (gg_i_xml_value_style) */
	const char *value_element, *value_key, *value_attr;
	size_t value_element_len, value_key_len, value_attr_len;
	/* numbers written before, by their bits: many edges share a
	 * specificity, many nodes a size */
	gg_i_xml_number numbers[GG_I_XML_NUMBERS];
} gg_i_xml;

/* Start a UTF-8 document with its XML declaration. Returns 0, or GG_ERROR
 * when libxml2 cannot start an output buffer. */
int gg_i_xml_open(gg_i_xml *x, FILE *f);
void gg_i_xml_start(gg_i_xml *x, const char *element);
void gg_i_xml_end(gg_i_xml *x);
/* An attribute of the element just started. */
void gg_i_xml_attr(gg_i_xml *x, const char *name, const char *value);
void gg_i_xml_attr_number(gg_i_xml *x, const char *name, double value);
void gg_i_xml_attr_uint(gg_i_xml *x, const char *name, unsigned long long value);
/* <element>text</element> */
void gg_i_xml_element(gg_i_xml *x, const char *element, const char *text);

/*
 * How the format writes the value of a node's or an edge's attribute:
 * <ELEMENT KEY="name" ATTR="value"/>, or <ELEMENT KEY="name">value</ELEMENT>
 * when `attr` is NULL. GraphML is ("data", "key", NULL), GEXF ("attvalue",
 * "for", "value"). Call once after gg_i_xml_open, before gg_i_xml_value;
 * the strings must outlive the writer.
 */
void gg_i_xml_value_style(gg_i_xml *x, const char *element, const char *key, const char *attr);
/* One value in the format's style; without a style set, the writer fails. */
void gg_i_xml_value(gg_i_xml *x, const char *name, const char *value);
/* A value that is a number (gg_i_number) or a whole number. */
void gg_i_xml_value_number(gg_i_xml *x, const char *name, double value);
void gg_i_xml_value_int(gg_i_xml *x, const char *name, long long value);

/* Open <node id="nI"> for the node of `t` (I: its graph index), as GraphML
 * and GEXF both write it; close it with gg_i_xml_end. */
void gg_i_xml_start_node(gg_i_xml *x, const gg_i_node_text *t);
/* Open <edge id="eI" source="nA" target="nB"> for the edge of `t`. */
void gg_i_xml_start_edge(gg_i_xml *x, const gg_i_edge_text *t);

/*
 * The attributes GraphML and GEXF both write as keyed values, in the order
 * both declare them. A node's: name (whole, where label may be cut), node_kind, aliases and categories (as given:
 * each format writes a list its own way), definition, summary, community,
 * community_name, pagerank, betweenness, in_degree, out_degree. An edge's:
 * mentions (the raw weight), rule, evidence, surface, specificity, cued,
 * score, then held when `held`.
 */
void gg_i_xml_node_values(gg_i_xml *x, const gg_i_node_text *t, const char *aliases,
			  const char *categories);
void gg_i_xml_edge_values(gg_i_xml *x, const gg_i_edge_text *t, bool held);

/*
 * Call `write` for every node (edge) of the view in order, with its text
 * filled, until one fails. Returns 0 or GG_ENOMEM; the writer's own
 * failures are left for gg_i_xml_close.
 */
int gg_i_xml_each_node(gg_i_xml *x, const gg_i_view *v,
		       void (*write)(gg_i_xml *x, const gg_i_node_text *t));
int gg_i_xml_each_edge(gg_i_xml *x, const gg_i_view *v, bool held,
		       void (*write)(gg_i_xml *x, const gg_i_edge_text *t, bool held));

/* End the elements still open, hand everything to the FILE and free the
 * writer. Returns 0, or GG_ERROR ("cannot write the <what>: libxml2
 * failed") or GG_ENOMEM. */
int gg_i_xml_close(gg_i_xml *x, const char *what);

#endif
