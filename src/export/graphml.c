/* graphml.c - GraphML through libxml2's writer, typed keys named after their attributes, for Gephi, networkx and igraph. */
#include "export/export.h"
#include "export/xml.h"

/*
 * Every key says what it is for and its type, and its id is the attribute's
 * name (Gephi reads a key with id d3 as the label when ids are d0, d1, ...).
 * No graph-level keys. Booleans are written true/false.
 */
typedef struct key {
	const char *name;
	const char *domain; /* node, edge */
	const char *type;   /* int, double, boolean, string */
} key;

static const key node_keys[] = {
	{ "label", "node", "string" },
	{ "type", "node", "string" },
	{ "aliases", "node", "string" },
	{ "categories", "node", "string" },
	{ "definition", "node", "string" },
	{ "community", "node", "int" },
	{ "pagerank", "node", "double" },
	{ "betweenness", "node", "double" },
	{ "in_degree", "node", "int" },
	{ "out_degree", "node", "int" },
	{ "x", "node", "double" },
	{ "y", "node", "double" },
	{ "size", "node", "double" },
	{ "r", "node", "int" },
	{ "g", "node", "int" },
	{ "b", "node", "int" },
};

static const key edge_keys[] = {
	{ "weight", "edge", "double" },
	{ "kind", "edge", "string" },
	{ "rule", "edge", "string" },
	{ "evidence", "edge", "string" },
	{ "surface", "edge", "string" },
	{ "specificity", "edge", "double" },
	{ "cued", "edge", "boolean" },
};

static const key held_key = { "held", "edge", "string" };

/* <key id=NAME for= attr.name=NAME attr.type=/> */
static void write_key(gg_i_xml *x, const key *k)
{
	gg_i_xml_start(x, "key");
	gg_i_xml_attr(x, "id", k->name);
	gg_i_xml_attr(x, "for", k->domain);
	gg_i_xml_attr(x, "attr.name", k->name);
	gg_i_xml_attr(x, "attr.type", k->type);
	gg_i_xml_end(x);
}

/* <data key="name">text</data> */
static void data(gg_i_xml *x, const char *name, const char *text)
{
	gg_i_xml_start(x, "data");
	gg_i_xml_attr(x, "key", name);
	gg_i_xml_text(x, text);
	gg_i_xml_end(x);
}

/* <data> of a number. */
static void data_number(gg_i_xml *x, const char *name, double value)
{
	char num[GG_I_NUMBER_MAX];
	data(x, name, gg_i_number(num, value));
}

/* <data> of a whole number. */
static void data_int(gg_i_xml *x, const char *name, long long value)
{
	char num[GG_I_NUMBER_MAX];
	snprintf(num, sizeof(num), "%lld", value);
	data(x, name, num);
}

/* An id attribute "<prefix><index>". */
static void id_attr(gg_i_xml *x, const char *name, char prefix, size_t index)
{
	char id[GG_I_NUMBER_MAX];
	snprintf(id, sizeof(id), "%c%zu", prefix, index);
	gg_i_xml_attr(x, name, id);
}

/* A node with every node key, in the order declared. */
static void write_node(gg_i_xml *x, const gg_i_node_text *t)
{
	const gg_node *n = t->node;

	gg_i_xml_start(x, "node");
	id_attr(x, "id", 'n', t->index);
	data(x, "label", gg_i_str(&t->label));
	data(x, "type", gg_i_type_name(n->kind));
	data(x, "aliases", gg_i_str(&t->aliases));
	data(x, "categories", gg_i_str(&t->categories));
	data(x, "definition", gg_i_str(&t->definition));
	data_int(x, "community", n->community);
	data_number(x, "pagerank", n->pagerank);
	data_number(x, "betweenness", n->betweenness);
	data_int(x, "in_degree", n->in_degree);
	data_int(x, "out_degree", n->out_degree);
	data_number(x, "x", n->x);
	data_number(x, "y", n->y);
	data_number(x, "size", n->size);
	data_int(x, "r", t->r);
	data_int(x, "g", t->g);
	data_int(x, "b", t->b);
	gg_i_xml_end(x);
}

/* An edge with every edge key, in the order declared. */
static void write_edge(gg_i_xml *x, const gg_i_edge_text *t, bool held)
{
	const gg_edge *e = t->edge;

	gg_i_xml_start(x, "edge");
	id_attr(x, "id", 'e', t->index);
	id_attr(x, "source", 'n', t->from);
	id_attr(x, "target", 'n', t->to);
	data_int(x, "weight", e->weight);
	data(x, "kind", gg_i_kind_name(e->kind));
	data(x, "rule", gg_i_rule_name(e->rule));
	data(x, "evidence", gg_i_str(&t->evidence));
	data(x, "surface", gg_i_str(&t->surface));
	data_number(x, "specificity", e->specificity);
	data(x, "cued", e->cued ? "true" : "false");
	if (held)
		data(x, "held", gg_i_held_name(e->held));
	gg_i_xml_end(x);
}

int gg_i_write_graphml(FILE *f, const gg_i_view *v)
{
	gg_i_node_text nt = { 0 };
	gg_i_edge_text et = { 0 };
	bool held = v->options->with_held;
	gg_i_xml x;
	int err = gg_i_xml_open(&x, f);

	if (err)
		return err;
	gg_i_xml_start(&x, "graphml");
	gg_i_xml_attr(&x, "xmlns", "http://graphml.graphdrawing.org/xmlns");
	gg_i_xml_attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	gg_i_xml_attr(&x, "xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns "
		      "http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd");
	for (size_t k = 0; k < sizeof(node_keys) / sizeof(node_keys[0]); k++)
		write_key(&x, &node_keys[k]);
	for (size_t k = 0; k < sizeof(edge_keys) / sizeof(edge_keys[0]); k++)
		write_key(&x, &edge_keys[k]);
	if (held)
		write_key(&x, &held_key);
	gg_i_xml_start(&x, "graph");
	gg_i_xml_attr(&x, "id", "glossgraph");
	gg_i_xml_attr(&x, "edgedefault", "directed");
	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		err = gg_i_node_text_fill(&nt, v, i);
		if (!err)
			write_node(&x, &nt);
	}
	for (size_t i = 0; i < v->n_edges && !err; i++) {
		err = gg_i_edge_text_fill(&et, v, i);
		if (!err)
			write_edge(&x, &et, held);
	}
	gg_i_xml_end(&x);
	gg_i_xml_end(&x);
	int close_err = gg_i_xml_close(&x, "GraphML");
	gg_i_node_text_free(&nt);
	gg_i_edge_text_free(&et);
	return err ? err : close_err;
}
