/* json.c - node-link JSON in networkx's node_link_data shape (directed multigraph). */
#include "export/export.h"
#include "core/error.h"

/*
 * {"directed": true, "multigraph": true, "graph": {}, "nodes": [...],
 *  "edges": [...]}: nodes carry the attributes of export.h with aliases and
 * categories as arrays; edges carry "key" (their kind, which tells apart
 * two edges between the same concepts) and the edge attributes.
 * networkx (3.4 and later) reads it with node_link_graph(d) as it is.
 */

/* Write clean text (valid UTF-8, no control characters) as a JSON string. */
static void string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* , "key": "text" */
static void key_string(FILE *f, const char *key, const char *s)
{
	fprintf(f, ", \"%s\": ", key);
	string(f, s);
}

/* , "key": number */
static void key_number(FILE *f, const char *key, double x)
{
	char num[GG_I_NUMBER_MAX];
	fprintf(f, ", \"%s\": %s", key, gg_i_number(num, x));
}

/* An array of the strings of a, then of b, each cleaned through `scratch`. */
static int key_array(FILE *f, const char *key, const char **a, size_t na,
		     const char **b, size_t nb, gg_buf *scratch)
{
	fprintf(f, ", \"%s\": [", key);
	for (size_t i = 0; i < na + nb; i++) {
		gg_buf_clear(scratch);
		gg_i_clean(scratch, i < na ? a[i] : b[i - na]);
		if (scratch->oom)
			return gg_error_oom();
		fputs(i ? ", " : "", f);
		string(f, gg_i_str(scratch));
	}
	fputc(']', f);
	return 0;
}

/* One node object; GG_ENOMEM when cleaning an alias fails. */
static int write_node(FILE *f, const gg_i_node_text *t, gg_buf *scratch)
{
	const gg_concept *c = t->concept;
	const gg_node *n = t->node;

	fprintf(f, "    {\"id\": \"n%zu\"", t->index);
	key_string(f, "label", gg_i_str(&t->label));
	key_string(f, "node_kind", gg_i_type_name(n->kind));
	int err = key_array(f, "aliases", c->aliases, c->n_aliases, c->abbrevs, c->n_abbrevs,
			    scratch);
	if (!err)
		err = key_array(f, "categories", c->categories, c->n_categories, NULL, 0, scratch);
	if (err)
		return err;
	fprintf(f, ", \"community\": %d", n->community);
	key_string(f, "community_name", gg_i_str(&t->community_name));
	key_number(f, "pagerank", n->pagerank);
	key_number(f, "betweenness", n->betweenness);
	fprintf(f, ", \"in_degree\": %u, \"out_degree\": %u", (unsigned)n->in_degree,
		(unsigned)n->out_degree);
	key_number(f, "x", t->x);
	key_number(f, "y", t->y);
	key_number(f, "size", t->size);
	key_string(f, "color", t->color);
	fprintf(f, ", \"r\": %u, \"g\": %u, \"b\": %u", t->r, t->g, t->b);
	key_string(f, "definition", gg_i_str(&t->definition));
	key_string(f, "summary", gg_i_str(&t->summary));
	fputc('}', f);
	return 0;
}

/* One link object. */
static void write_link(FILE *f, const gg_i_edge_text *t, bool held)
{
	const gg_edge *e = t->edge;

	fprintf(f, "    {\"source\": \"n%zu\", \"target\": \"n%zu\", \"key\": \"%s\"",
		t->from, t->to, gg_edge_kind_name(e->kind));
	fprintf(f, ", \"weight\": %u", (unsigned)e->weight);
	key_string(f, "kind", gg_edge_kind_name(e->kind));
	key_string(f, "rule", gg_match_rule_name(e->rule));
	key_string(f, "evidence", gg_i_str(&t->evidence));
	key_string(f, "surface", gg_i_str(&t->surface));
	key_number(f, "specificity", e->specificity);
	fprintf(f, ", \"cued\": %s", e->cued ? "true" : "false");
	if (held)
		key_string(f, "held", gg_hold_reason_name(e->held));
	fputc('}', f);
}

int gg_i_write_json(FILE *f, const gg_i_view *v)
{
	gg_i_node_text nt = { 0 };
	gg_i_edge_text et = { 0 };
	gg_buf scratch = GG_BUF_INIT;
	int err = 0;

	fputs("{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {},\n"
	      "  \"nodes\": [", f);
	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		fputs(i ? ",\n" : "\n", f);
		err = gg_i_node_text_fill(&nt, v, i);
		if (!err)
			err = write_node(f, &nt, &scratch);
	}
	fputs("\n  ],\n  \"edges\": [", f);
	for (size_t i = 0; i < v->n_edges && !err; i++) {
		fputs(i ? ",\n" : "\n", f);
		err = gg_i_edge_text_fill(&et, v, i);
		if (!err)
			write_link(f, &et, v->options->with_held);
	}
	fputs("\n  ]\n}\n", f);
	gg_i_node_text_free(&nt);
	gg_i_edge_text_free(&et);
	gg_buf_free(&scratch);
	return err;
}
