/* graphml.c - GraphML through the XML writer of xml.h, typed keys named after their attributes, for Gephi, networkx and igraph. */
#include "export/export.h"
#include "export/xml.h"

/*
 * Every key says what it is for and its type, and its id is the attribute's
 * name (Gephi reads a key with id d3 as the label when ids are d0, d1, ...),
 * but the edges' label, edge_label. Edges have ids; weight is the line
 * width Gephi draws (1 to 5), mentions the raw weight.
 * No graph-level keys. Booleans are written true/false.
 */
typedef struct key {
	const char *id;   /* the name, but edge_label: ids are unique across domains */
	const char *name;
	const char *domain; /* node, edge */
	const char *type;   /* int, double, boolean, string */
} key;

/* Label, then gg_i_xml_node_values' keys in its order, then the drawing's. */
static const key node_keys[] = {
	{ "label", "label", "node", "string" },
	{ "name", "name", "node", "string" },
	{ "node_kind", "node_kind", "node", "string" },
	{ "aliases", "aliases", "node", "string" },
	{ "categories", "categories", "node", "string" },
	{ "definition", "definition", "node", "string" },
	{ "summary", "summary", "node", "string" },
	{ "community", "community", "node", "int" },
	{ "community_name", "community_name", "node", "string" },
	{ "pagerank", "pagerank", "node", "double" },
	{ "betweenness", "betweenness", "node", "double" },
	{ "in_degree", "in_degree", "node", "int" },
	{ "out_degree", "out_degree", "node", "int" },
	{ "x", "x", "node", "double" },
	{ "y", "y", "node", "double" },
	{ "size", "size", "node", "double" },
	{ "color", "color", "node", "string" },
	{ "r", "r", "node", "int" },
	{ "g", "g", "node", "int" },
	{ "b", "b", "node", "int" },
};

/* Label, weight (the line width), kind, then gg_i_xml_edge_values' keys in its order. */
static const key edge_keys[] = {
	{ "edge_label", "label", "edge", "string" },
	{ "weight", "weight", "edge", "double" },
	{ "kind", "kind", "edge", "string" },
	{ "mentions", "mentions", "edge", "int" },
	{ "rule", "rule", "edge", "string" },
	{ "evidence", "evidence", "edge", "string" },
	{ "surface", "surface", "edge", "string" },
	{ "specificity", "specificity", "edge", "double" },
	{ "cued", "cued", "edge", "boolean" },
	{ "score", "score", "edge", "double" },
};

static const key held_key = { "held", "held", "edge", "string" };

/* <key id= for= attr.name= attr.type=/> */
static void write_key(gg_i_xml *x, const key *k)
{
	gg_i_xml_start(x, "key");
	gg_i_xml_attr(x, "id", k->id);
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
	gg_i_xml_node_values(x, t, gg_i_str(&t->aliases), gg_i_str(&t->categories));
	gg_i_xml_value_number(x, "x", t->x);
	gg_i_xml_value_number(x, "y", t->y);
	gg_i_xml_value_number(x, "size", t->size);
	gg_i_xml_value(x, "color", t->color);
	gg_i_xml_value_int(x, "r", t->r);
	gg_i_xml_value_int(x, "g", t->g);
	gg_i_xml_value_int(x, "b", t->b);
	gg_i_xml_end(x);
}

/* An edge with every edge key, in the order declared: its label is its
 * kind, which Gephi takes for its type, so that two edges of different
 * kinds between the same nodes stay two. */
static void write_edge(gg_i_xml *x, const gg_i_edge_text *t, bool held)
{
	const char *kind = gg_edge_kind_name(t->edge->kind);

	gg_i_xml_start_edge(x, t);
	gg_i_xml_value(x, "edge_label", kind);
	gg_i_xml_value_number(x, "weight", t->width);
	gg_i_xml_value(x, "kind", kind);
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
