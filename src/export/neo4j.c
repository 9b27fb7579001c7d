/* neo4j.c - the two CSV files of neo4j-admin's bulk import: nodes and relationships. */
#include "export/export.h"
#include "core/error.h"

/*
 * nodes:          id:ID, name, node_kind, aliases:string[],
 *                 categories:string[], community:int, community_name,
 *                 pagerank:double, betweenness:double, in_degree:int,
 *                 out_degree:int, definition, summary, :LABEL
 *                 (labels Concept;Term or Concept;Keyword)
 * relationships:  :START_ID, :END_ID, :TYPE (MENTIONS, LINKS_TO,
 *                 IN_CATEGORY, HAS_KEYWORD), weight:int, kind, rule,
 *                 evidence, surface, specificity:double, cued:boolean, score:double,
 *                 and held when held edges are exported
 * Numbers are doubles (neo4j's float is 32 bits). Arrays use neo4j's
 * default delimiter ';' (a ';' inside an item becomes ','); quoting is RFC
 * 4180, which neo4j-admin reads by default, and cells are safe for Cypher's
 * LOAD CSV and spreadsheets as gg_i_table_cell writes them:
 *   neo4j-admin database import full --nodes=STEM.nodes.csv \
 *       --relationships=STEM.relationships.csv
 */

static const char *relationship_type(gg_edge_kind k)
{
	switch (k) {
	case GG_EDGE_MENTION: return "MENTIONS";
	case GG_EDGE_EDITOR: return "LINKS_TO";
	case GG_EDGE_CATEGORY: return "IN_CATEGORY";
	case GG_EDGE_KEYWORD: return "HAS_KEYWORD";
	case GG_EDGE_KIND_COUNT: break;
	}
	return "RELATED_TO";
}

/* Write the strings of a then b as one array cell; `scratch` is reused. */
static int array_cell(FILE *f, const char **a, size_t na, const char **b, size_t nb,
		      gg_i_buf *scratch)
{
	gg_i_buf_clear(scratch);
	for (size_t i = 0; i < na + nb; i++) {
		size_t start = scratch->len + (i ? 1 : 0);
		if (i)
			gg_i_buf_putc(scratch, ';');
		gg_i_clean(scratch, i < na ? a[i] : b[i - na]);
		for (size_t k = start; !scratch->oom && k < scratch->len; k++)
			if (scratch->ptr[k] == ';')
				scratch->ptr[k] = ',';
	}
	if (scratch->oom)
		return gg_i_error_oom();
	gg_i_table_cell(f, gg_i_str(scratch), GG_I_CELL_NEO4J);
	return 0;
}

/* The nodes file: header, then a row per node. Returns 0 or GG_ENOMEM. */
static int write_nodes(FILE *f, const gg_i_view *v)
{
	gg_i_node_text t = { 0 };
	gg_i_buf scratch = GG_BUF_INIT;
	char num[GG_I_NUMBER_MAX];
	int err = 0;

	fputs("id:ID,name,node_kind,aliases:string[],categories:string[],community:int,"
	      "community_name,pagerank:double,betweenness:double,in_degree:int,out_degree:int,"
	      "definition,summary,:LABEL\n", f);
	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		if ((err = gg_i_node_text_fill(&t, v, i)) != 0)
			break;
		const gg_concept *c = t.concept;
		fprintf(f, "n%zu,", t.index);
		gg_i_table_cell(f, gg_i_str(&t.name), GG_I_CELL_NEO4J);
		fprintf(f, ",%s,", gg_i_type_name(t.node->kind));
		err = array_cell(f, c->aliases, c->n_aliases, c->abbrevs, c->n_abbrevs, &scratch);
		fputc(',', f);
		if (!err)
			err = array_cell(f, c->categories, c->n_categories, NULL, 0, &scratch);
		fprintf(f, ",%d,", t.node->community);
		gg_i_table_cell(f, gg_i_str(&t.community_name), GG_I_CELL_NEO4J);
		fprintf(f, ",%s,", gg_i_number(num, t.node->pagerank));
		fprintf(f, "%s,", gg_i_number(num, t.node->betweenness));
		fprintf(f, "%u,%u,", (unsigned)t.node->in_degree, (unsigned)t.node->out_degree);
		gg_i_table_cell(f, gg_i_str(&t.definition), GG_I_CELL_NEO4J);
		fputc(',', f);
		gg_i_table_cell(f, gg_i_str(&t.summary), GG_I_CELL_NEO4J);
		fprintf(f, ",Concept;%s\n", t.node->kind == GG_CONCEPT_KEYWORD ? "Keyword" : "Term");
	}
	gg_i_node_text_free(&t);
	gg_i_buf_free(&scratch);
	return err;
}

/* The relationships file: header, then a row per edge. Returns 0 or GG_ENOMEM. */
static int write_relationships(FILE *f, const gg_i_view *v)
{
	gg_i_edge_text t = { 0 };
	char num[GG_I_NUMBER_MAX];
	bool held = v->options->with_held;
	int err = 0;

	fprintf(f, ":START_ID,:END_ID,:TYPE,weight:int,kind,rule,evidence,surface,"
		"specificity:double,cued:boolean,score:double%s\n", held ? ",held" : "");
	for (size_t i = 0; i < v->n_edges && !err; i++) {
		if ((err = gg_i_edge_text_fill(&t, v, i)) != 0)
			break;
		const gg_edge *e = t.edge;
		fprintf(f, "n%zu,n%zu,%s,%u,%s,%s,", t.from, t.to, relationship_type(e->kind),
			(unsigned)e->weight, gg_edge_kind_name(e->kind), gg_match_rule_name(e->rule));
		gg_i_table_cell(f, gg_i_str(&t.evidence), GG_I_CELL_NEO4J);
		fputc(',', f);
		gg_i_table_cell(f, gg_i_str(&t.surface), GG_I_CELL_NEO4J);
		fprintf(f, ",%s,%s", gg_i_number(num, e->specificity), e->cued ? "true" : "false");
		fprintf(f, ",%s", gg_i_number(num, e->score));
		if (held)
			fprintf(f, ",%s", gg_hold_reason_name(e->held));
		fputc('\n', f);
	}
	gg_i_edge_text_free(&t);
	return err;
}

int gg_i_write_neo4j(FILE *nodes, FILE *relationships, const gg_i_view *v)
{
	int err = write_nodes(nodes, v);
	return err ? err : write_relationships(relationships, v);
}
