/* graphml.c - GraphML through the XML writer of xml.h, typed keys named after their attributes, for Gephi, networkx and igraph. */
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

/* Label, then gg_i_xml_node_values' keys in its order, then the drawing's. */
static const key node_keys[] = {
	{ "label", "node", "string" },
	{ "node_kind", "node", "string" },
	{ "aliases", "node", "string" },
	{ "categories", "node", "string" },
	{ "definition", "node", "string" },
	{ "summary", "node", "string" },
	{ "community", "node", "int" },
	{ "community_name", "node", "string" },
	{ "pagerank", "node", "double" },
	{ "betweenness", "node", "double" },
	{ "in_degree", "node", "int" },
	{ "out_degree", "node", "int" },
	{ "x", "node", "double" },
	{ "y", "node", "double" },
	{ "size", "node", "double" },
	{ "color", "node", "string" },
	{ "r", "node", "int" },
	{ "g", "node", "int" },
	{ "b", "node", "int" },
};

/* Weight and kind, then gg_i_xml_edge_values' keys in its order. */
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

/* A node with every node key, in the order declared. */
static void write_node(gg_i_xml *x, const gg_i_node_text *t)
{
	gg_i_xml_start_node(x, t);
	gg_i_xml_value(x, "label", gg_i_str(&t->label));
	gg_i_xml_node_values(x, t);
	gg_i_xml_value_number(x, "x", t->x);
	gg_i_xml_value_number(x, "y", t->y);
	gg_i_xml_value_number(x, "size", t->size);
	gg_i_xml_value(x, "color", t->color);
	gg_i_xml_value_int(x, "r", t->r);
	gg_i_xml_value_int(x, "g", t->g);
	gg_i_xml_value_int(x, "b", t->b);
	gg_i_xml_end(x);
}

/* An edge with every edge key, in the order declared. */
static void write_edge(gg_i_xml *x, const gg_i_edge_text *t, bool held)
{
	const gg_edge *e = t->edge;

	gg_i_xml_start_edge(x, t);
	gg_i_xml_value_int(x, "weight", e->weight);
	gg_i_xml_value(x, "kind", gg_edge_kind_name(e->kind));
	gg_i_xml_edge_values(x, t, held);
	gg_i_xml_end(x);
}

int gg_i_write_graphml(FILE *f, const gg_i_view *v)
{
	bool held = v->options->with_held;
	gg_i_xml x;
	int err = gg_i_xml_open(&x, f);

	if (err)
		return err;
	gg_i_xml_value_style(&x, "data", "key", NULL);
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
	err = gg_i_xml_each_node(&x, v, write_node);
	if (!err)
		err = gg_i_xml_each_edge(&x, v, held, write_edge);
	gg_i_xml_end(&x);
	gg_i_xml_end(&x);
	int close_err = gg_i_xml_close(&x, "GraphML");
	return err ? err : close_err;
}
