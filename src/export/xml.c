/* xml.c - a thin layer over libxml2's xmlTextWriter that cleans every string and remembers failures, and the values GraphML and GEXF share. */
#include "export/xml.h"
#include "core/error.h"

/* The clean copy of s, in x's scratch buffer (valid until the next call). */
static const xmlChar *clean(gg_i_xml *x, const char *s)
{
	gg_buf_clear(&x->scratch);
	gg_i_clean(&x->scratch, s);
	if (x->scratch.oom) {
		x->failed = true;
		return NULL;
	}
	return (const xmlChar *)gg_i_str(&x->scratch);
}

/* Record a libxml2 call's result. */
static void check(gg_i_xml *x, int rc)
{
	if (rc < 0)
		x->failed = true;
}

/* libxml2 prints its errors unless told otherwise; here they go nowhere. */
static void silent(void *context, const char *fmt, ...)
{
	(void)context;
	(void)fmt;
}

/* The same for libxml2's structured errors. */
static void silent_structured(void *context, xmlErrorPtr error)
{
	(void)context;
	(void)error;
}

/* Put back the error handlers gg_i_xml_open found. */
static void restore_handlers(gg_i_xml *x)
{
	xmlSetGenericErrorFunc(x->generic_context, x->generic);
	xmlSetStructuredErrorFunc(x->structured_context, x->structured);
}

int gg_i_xml_open(gg_i_xml *x, FILE *f)
{
	x->scratch = (gg_buf)GG_BUF_INIT;
	x->failed = false;
	x->value_element = x->value_key = x->value_attr = NULL;
	x->generic = xmlGenericError;
	x->generic_context = xmlGenericErrorContext;
	x->structured = xmlStructuredError;
	x->structured_context = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, silent);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
	xmlOutputBufferPtr out = xmlOutputBufferCreateFile(f, NULL);
	x->w = out ? xmlNewTextWriter(out) : NULL;
	if (!x->w) {
		if (out)
			xmlOutputBufferClose(out);
		restore_handlers(x);
		return gg_error_set(GG_ERROR, "libxml2 cannot start an XML writer");
	}
	check(x, xmlTextWriterSetIndent(x->w, 1));
	check(x, xmlTextWriterSetIndentString(x->w, (const xmlChar *)"  "));
	check(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL));
	return 0;
}

void gg_i_xml_start(gg_i_xml *x, const char *element)
{
	if (!x->failed)
		check(x, xmlTextWriterStartElement(x->w, (const xmlChar *)element));
}

void gg_i_xml_end(gg_i_xml *x)
{
	if (!x->failed)
		check(x, xmlTextWriterEndElement(x->w));
}

void gg_i_xml_attr(gg_i_xml *x, const char *name, const char *value)
{
	const xmlChar *v = x->failed ? NULL : clean(x, value);
	if (v)
		check(x, xmlTextWriterWriteAttribute(x->w, (const xmlChar *)name, v));
}

void gg_i_xml_attr_number(gg_i_xml *x, const char *name, double value)
{
	char num[GG_I_NUMBER_MAX];
	gg_i_xml_attr(x, name, gg_i_number(num, value));
}

void gg_i_xml_attr_uint(gg_i_xml *x, const char *name, unsigned long long value)
{
	char num[GG_I_NUMBER_MAX];
	snprintf(num, sizeof(num), "%llu", value);
	gg_i_xml_attr(x, name, num);
}

/* An id attribute "<prefix><index>": n17, e42. */
static void attr_id(gg_i_xml *x, const char *name, char prefix, size_t index)
{
	char id[GG_I_NUMBER_MAX];
	snprintf(id, sizeof(id), "%c%zu", prefix, index);
	gg_i_xml_attr(x, name, id);
}

void gg_i_xml_value_style(gg_i_xml *x, const char *element, const char *key, const char *attr)
{
	x->value_element = element;
	x->value_key = key;
	x->value_attr = attr;
}

void gg_i_xml_value(gg_i_xml *x, const char *name, const char *value)
{
	if (!x->value_element || !x->value_key) {
		x->failed = true;
		return;
	}
	gg_i_xml_start(x, x->value_element);
	gg_i_xml_attr(x, x->value_key, name);
	if (x->value_attr)
		gg_i_xml_attr(x, x->value_attr, value);
	else
		gg_i_xml_text(x, value);
	gg_i_xml_end(x);
}

void gg_i_xml_value_number(gg_i_xml *x, const char *name, double value)
{
	char num[GG_I_NUMBER_MAX];
	gg_i_xml_value(x, name, gg_i_number(num, value));
}

void gg_i_xml_value_int(gg_i_xml *x, const char *name, long long value)
{
	char num[GG_I_NUMBER_MAX];
	snprintf(num, sizeof(num), "%lld", value);
	gg_i_xml_value(x, name, num);
}

void gg_i_xml_start_node(gg_i_xml *x, const gg_i_node_text *t)
{
	gg_i_xml_start(x, "node");
	attr_id(x, "id", 'n', t->index);
}

void gg_i_xml_start_edge(gg_i_xml *x, const gg_i_edge_text *t)
{
	gg_i_xml_start(x, "edge");
	attr_id(x, "id", 'e', t->index);
	attr_id(x, "source", 'n', t->from);
	attr_id(x, "target", 'n', t->to);
}

void gg_i_xml_node_values(gg_i_xml *x, const gg_i_node_text *t)
{
	const gg_node *n = t->node;

	gg_i_xml_value(x, "type", gg_i_type_name(n->kind));
	gg_i_xml_value(x, "aliases", gg_i_str(&t->aliases));
	gg_i_xml_value(x, "categories", gg_i_str(&t->categories));
	gg_i_xml_value(x, "definition", gg_i_str(&t->definition));
	gg_i_xml_value_int(x, "community", n->community);
	gg_i_xml_value_number(x, "pagerank", n->pagerank);
	gg_i_xml_value_number(x, "betweenness", n->betweenness);
	gg_i_xml_value_int(x, "in_degree", n->in_degree);
	gg_i_xml_value_int(x, "out_degree", n->out_degree);
}

void gg_i_xml_edge_values(gg_i_xml *x, const gg_i_edge_text *t, bool held)
{
	const gg_edge *e = t->edge;

	gg_i_xml_value(x, "rule", gg_match_rule_name(e->rule));
	gg_i_xml_value(x, "evidence", gg_i_str(&t->evidence));
	gg_i_xml_value(x, "surface", gg_i_str(&t->surface));
	gg_i_xml_value_number(x, "specificity", e->specificity);
	gg_i_xml_value(x, "cued", e->cued ? "true" : "false");
	if (held)
		gg_i_xml_value(x, "held", gg_hold_reason_name(e->held));
}

int gg_i_xml_each_node(gg_i_xml *x, const gg_i_view *v,
		       void (*write)(gg_i_xml *x, const gg_i_node_text *t))
{
	gg_i_node_text t = { 0 };
	int err = 0;

	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		err = gg_i_node_text_fill(&t, v, i);
		if (!err)
			write(x, &t);
	}
	gg_i_node_text_free(&t);
	return err;
}

int gg_i_xml_each_edge(gg_i_xml *x, const gg_i_view *v, bool held,
		       void (*write)(gg_i_xml *x, const gg_i_edge_text *t, bool held))
{
	gg_i_edge_text t = { 0 };
	int err = 0;

	for (size_t i = 0; i < v->n_edges && !err; i++) {
		err = gg_i_edge_text_fill(&t, v, i);
		if (!err)
			write(x, &t, held);
	}
	gg_i_edge_text_free(&t);
	return err;
}

void gg_i_xml_text(gg_i_xml *x, const char *text)
{
	const xmlChar *t = x->failed ? NULL : clean(x, text);
	if (t)
		check(x, xmlTextWriterWriteString(x->w, t));
}

void gg_i_xml_element(gg_i_xml *x, const char *element, const char *text)
{
	const xmlChar *t = x->failed ? NULL : clean(x, text);
	if (t)
		check(x, xmlTextWriterWriteElement(x->w, (const xmlChar *)element, t));
}

int gg_i_xml_close(gg_i_xml *x, const char *what)
{
	if (!x->failed)
		check(x, xmlTextWriterEndDocument(x->w));
	xmlFreeTextWriter(x->w);
	x->w = NULL;
	restore_handlers(x);
	bool oom = x->scratch.oom;
	gg_buf_free(&x->scratch);
	if (oom)
		return gg_error_oom();
	if (x->failed)
		return gg_error_set(GG_ERROR, "cannot write the %s: libxml2 failed", what);
	return 0;
}
