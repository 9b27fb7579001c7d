/* gexf.c - GEXF 1.3 through the XML writer of xml.h: viz colour, size and position, typed attributes. */
#include "export/export.h"
#include "export/xml.h"

/*
 * GEXF elements in the default namespace http://gexf.net/1.3 and the viz
 * data under the literal prefix viz: (http://gexf.net/1.3/viz), which
 * sigma.js's reader looks for by name. A node's label is its display name;
 * an edge's kind is GEXF's own edge attribute (1.3 allows parallel edges of
 * different kinds); the other attributes are declared in <attributes>,
 * aliases and categories as GEXF 1.3 lists (liststring).
 */
typedef struct attribute {
	const char *id;
	const char *type; /* integer, double, boolean, string, liststring */
} attribute;

/* gg_i_xml_node_values' keys, in its order. */
static const attribute node_attributes[] = {
	{ "name", "string" },
	{ "node_kind", "string" },
	{ "aliases", "liststring" },
	{ "categories", "liststring" },
	{ "definition", "string" },
	{ "summary", "string" },
	{ "community", "integer" },
	{ "community_name", "string" },
	{ "pagerank", "double" },
	{ "betweenness", "double" },
	{ "in_degree", "integer" },
	{ "out_degree", "integer" },
};

/* gg_i_xml_edge_values' keys, in its order (held declared apart). */
static const attribute edge_attributes[] = {
	{ "mentions", "integer" },
	{ "rule", "string" },
	{ "evidence", "string" },
	{ "surface", "string" },
	{ "specificity", "double" },
	{ "cued", "boolean" },
	{ "score", "double" },
};

static const attribute held_attribute = { "held", "string" };

/* <attribute id= title= type=/> */
static void declare(gg_i_xml *x, const attribute *a)
{
	gg_i_xml_start(x, "attribute");
	gg_i_xml_attr(x, "id", a->id);
	gg_i_xml_attr(x, "title", a->id);
	gg_i_xml_attr(x, "type", a->type);
	gg_i_xml_end(x);
}

static void declare_all(gg_i_xml *x, const char *class, const attribute *a, size_t n,
			const attribute *extra)
{
	gg_i_xml_start(x, "attributes");
	gg_i_xml_attr(x, "class", class);
	gg_i_xml_attr(x, "mode", "static");
	for (size_t i = 0; i < n; i++)
		declare(x, &a[i]);
	if (extra)
		declare(x, extra);
	gg_i_xml_end(x);
}

/* A node: its label, attributes, then viz colour, position and size. */
static void write_node(gg_i_xml *x, const gg_i_node_text *t)
{
	gg_i_xml_start_node(x, t);
	gg_i_xml_attr(x, "label", gg_i_str(&t->label));
	gg_i_xml_start(x, "attvalues");
	gg_i_xml_node_values(x, t, gg_i_str(&t->alias_list), gg_i_str(&t->category_list));
	gg_i_xml_end(x);
	gg_i_xml_start(x, "viz:color");
	gg_i_xml_attr_uint(x, "r", t->r);
	gg_i_xml_attr_uint(x, "g", t->g);
	gg_i_xml_attr_uint(x, "b", t->b);
	gg_i_xml_end(x);
	gg_i_xml_start(x, "viz:position");
	gg_i_xml_attr_number(x, "x", t->x);
	gg_i_xml_attr_number(x, "y", t->y);
	gg_i_xml_end(x);
	gg_i_xml_start(x, "viz:size");
	gg_i_xml_attr_number(x, "value", t->size);
	gg_i_xml_end(x);
	gg_i_xml_end(x);
}

/*
 * An edge: ends, kind, label (the kind, which Gephi takes for the edge's
 * type) and weight (the line width, which Gephi draws) as GEXF attributes,
 * the raw weight as mentions among the attvalues, the width again as
 * viz:thickness.
 */
static void write_edge(gg_i_xml *x, const gg_i_edge_text *t, bool held)
{
	const char *kind = gg_edge_kind_name(t->edge->kind);

	gg_i_xml_start_edge(x, t);
	gg_i_xml_attr(x, "kind", kind);
	gg_i_xml_attr(x, "label", kind);
	gg_i_xml_attr_number(x, "weight", t->width);
	gg_i_xml_start(x, "attvalues");
	gg_i_xml_edge_values(x, t, held);
	gg_i_xml_end(x);
	gg_i_xml_start(x, "viz:thickness");
	gg_i_xml_attr_number(x, "value", t->width);
	gg_i_xml_end(x);
	gg_i_xml_end(x);
}

int gg_i_write_gexf(FILE *f, const gg_i_view *v)
{
	bool held = v->options->with_held;
	gg_i_xml x;
	int err = gg_i_xml_open(&x, f);

	if (err)
		return err;
	gg_i_xml_value_style(&x, "attvalue", "for", "value");
	gg_i_xml_start(&x, "gexf");
	gg_i_xml_attr(&x, "xmlns", "http://gexf.net/1.3");
	gg_i_xml_attr(&x, "xmlns:viz", "http://gexf.net/1.3/viz");
	gg_i_xml_attr(&x, "version", "1.3");
	gg_i_xml_start(&x, "meta");
	gg_i_xml_element(&x, "creator", "glossgraph");
	gg_i_xml_element(&x, "description", "concepts of a glossary and the definitions that name them");
	gg_i_xml_end(&x);
	gg_i_xml_start(&x, "graph");
	gg_i_xml_attr(&x, "defaultedgetype", "directed");
	gg_i_xml_attr(&x, "mode", "static");
	declare_all(&x, "node", node_attributes,
		    sizeof(node_attributes) / sizeof(node_attributes[0]), NULL);
	declare_all(&x, "edge", edge_attributes,
		    sizeof(edge_attributes) / sizeof(edge_attributes[0]),
		    held ? &held_attribute : NULL);
	gg_i_xml_start(&x, "nodes");
	gg_i_xml_attr_uint(&x, "count", v->n_nodes);
	err = gg_i_xml_each_node(&x, v, write_node);
	gg_i_xml_end(&x);
	gg_i_xml_start(&x, "edges");
	gg_i_xml_attr_uint(&x, "count", v->n_edges);
	if (!err)
		err = gg_i_xml_each_edge(&x, v, held, write_edge);
	gg_i_xml_end(&x);
	gg_i_xml_end(&x);
	gg_i_xml_end(&x);
	int close_err = gg_i_xml_close(&x, "GEXF");
	return err ? err : close_err;
}
