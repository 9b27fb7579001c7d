/* html.c - the interactive concept map: the page around the graph's data, written as script-safe JSON. */
#include "export/html.h"
#include "core/error.h"
#include "core/strmap.h"

#include <stdlib.h>
#include <string.h>

/*
 * The page holds two JSON objects the page's script (src/export/map/map.js)
 * reads. The first, read before the map is drawn, is the graph:
 *
 *   {"terms": T, "keywords": K, "links": E, "stride": S,
 *    "communities": [[name, "#RRGGBB", nodes in the view], ...],
 *    "nodes": [[label, type, community, x, y, size, pagerank,
 *               [aliases], [abbreviations], [categories]], ...],
 *    "edges": [source, target, kind, weight, rule, file, line, held?, ...],
 *    "kinds": [name, ...], "rules": [name, ...], "held": [name, ...],
 *    "files": [path, ...]}
 *
 * "edges" is flat, S numbers an edge (a browser reads one array of numbers
 * several times faster than as many small arrays as there are edges).
 * type is 0 for a term, 1 for a keyword; community indexes "communities"
 * (named after its most central term); source and target index "nodes";
 * kind, rule, held and file index their lists (file -1: no evidence); line
 * is the evidence entry's line; held is there only when held edges are
 * exported. The second, read when a term is first shown, is the text:
 *
 *   {"definitions": [[each entry's whole definition], ...],
 *    "snippets": [the evidence around each edge's first mention, ...]}
 *
 * in the order of "nodes" and "edges".
 */

/* Names (of kinds, rules, reasons, files) each listed once, numbered in order of first use. */
typedef struct name_table {
	gg_i_strmap index;    /* name -> number; keys borrowed from the graph */
	const char **names;
	size_t len, cap;
} name_table;

#define NAME_TABLE_INIT { GG_STRMAP_INIT, NULL, 0, 0 }

/* The number of `name` in the table, added when new; -1 when out of memory. */
static long name_number(name_table *t, const char *name)
{
	uint32_t existing;
	int put = gg_i_strmap_put(&t->index, name, (uint32_t)t->len, &existing);
	if (put == 0)
		return (long)existing;
	if (put < 0 || GG_ARRAY_PUSH_SLOT(t->names, t->len, t->cap) != 0)
		return -1;
	t->names[t->len] = name;
	return (long)t->len++;
}

static void name_table_destroy(name_table *t)
{
	gg_i_strmap_free(&t->index);
	free(t->names);
}

/* Write clean text (valid UTF-8, no control characters) as a JSON string
 * that no HTML parser reads as markup: <, >, & and the two JavaScript line
 * separators U+2028 and U+2029 as \u escapes. */
static void string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		size_t run = strcspn((const char *)p, "\"\\<>&\xE2");
		if (run) { /* the text up to the next byte to look at, in one write */
			fwrite(p, 1, run, f);
			p += run - 1;
			continue;
		}
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '<':
			fputs("\\u003c", f);
			break;
		case '>':
			fputs("\\u003e", f);
			break;
		case '&':
			fputs("\\u0026", f);
			break;
		case 0xE2:
			if (p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
				fputs(p[2] == 0xA8 ? "\\u2028" : "\\u2029", f);
				p += 2;
				break;
			}
			/* fall through */
		default:
			fputc(*p, f);
		}
	}
	fputc('"', f);
}

/* Write s (not yet clean) as a JSON string, cleaned through `scratch`. */
static int dirty_string(FILE *f, const char *s, size_t len, gg_i_buf *scratch)
{
	gg_i_buf_clear(scratch);
	gg_i_clean_n(scratch, s, len);
	if (scratch->oom)
		return gg_i_error_oom();
	string(f, gg_i_str(scratch));
	return 0;
}

/* "[...]": the strings of a, cleaned through `scratch`. */
static int string_array(FILE *f, const char *const *a, size_t n, gg_i_buf *scratch)
{
	int err = 0;
	fputc('[', f);
	for (size_t i = 0; i < n && !err; i++) {
		fputs(i ? "," : "", f);
		err = dirty_string(f, a[i], strlen(a[i]), scratch);
	}
	fputc(']', f);
	return err;
}

/* ",x": a number as every export writes it. */
static void number(FILE *f, double x)
{
	char num[GG_I_NUMBER_MAX];
	fputc(',', f);
	fputs(gg_i_number(num, x), f);
}

/* One node's array; GG_ENOMEM when cleaning its text fails. */
static int write_node(FILE *f, const gg_i_node_text *t, gg_i_buf *scratch)
{
	const gg_concept *c = t->concept;
	const gg_node *n = t->node;

	fputc('[', f);
	string(f, gg_i_str(&t->label));
	fprintf(f, ",%d,%d", n->kind == GG_CONCEPT_KEYWORD, n->community);
	number(f, n->x);
	number(f, n->y);
	number(f, n->size);
	number(f, n->pagerank);
	fputc(',', f);
	int err = string_array(f, c->aliases, c->n_aliases, scratch);
	fputc(',', f);
	if (!err)
		err = string_array(f, c->abbrevs, c->n_abbrevs, scratch);
	fputc(',', f);
	if (!err)
		err = string_array(f, c->categories, c->n_categories, scratch);
	fputc(']', f);
	return err;
}

/* The whole definitions of the concept of the view's i-th node, as an array. */
static int write_definitions(FILE *f, const gg_i_view *v, size_t i, gg_i_buf *scratch)
{
	const gg_node *n = gg_graph_node(v->graph, v->nodes[i]);
	const gg_concept *c = gg_glossary_concept(v->glossary, n->concept);
	int err = 0;

	fputc('[', f);
	for (size_t k = 0; k < c->n_entries && !err; k++) {
		const gg_entry *e = gg_glossary_entry(v->glossary, c->entries[k]);
		fputs(k ? "," : "", f);
		err = dirty_string(f, e->definition, e->definition_len, scratch);
	}
	fputc(']', f);
	return err;
}

/* The lists an edge's numbers index. */
typedef struct edge_names {
	name_table kinds, rules, held, files;
} edge_names;

/* The view's i-th edge, its numbers without brackets; `position` maps graph node
 * indices to their place in the view. GG_ENOMEM when a list cannot grow. */
static int write_edge(FILE *f, const gg_i_view *v, size_t i, const size_t *position,
		      edge_names *names)
{
	size_t from, to;
	const gg_edge *e = gg_graph_edge(v->graph, v->edges[i], &from, &to);
	const gg_entry *entry = gg_glossary_entry(v->glossary, e->entry);
	long kind = name_number(&names->kinds, gg_edge_kind_name(e->kind));
	long rule = name_number(&names->rules, gg_match_rule_name(e->rule));
	long file = entry ? name_number(&names->files, entry->file) : -1;
	long held = v->options->with_held ? name_number(&names->held, gg_hold_reason_name(e->held)) : 0;

	if (kind < 0 || rule < 0 || held < 0 || (entry && file < 0))
		return gg_i_error_oom();
	fprintf(f, "%zu,%zu,%ld,%u,%ld,%ld,%u", position[from], position[to], kind,
		(unsigned)e->weight, rule, file, entry ? (unsigned)entry->line : 0u);
	if (v->options->with_held)
		fprintf(f, ",%ld", held);
	return 0;
}

/* ",\n\"key\":[...]": the names of a table, cleaned through `scratch`. */
static int write_names(FILE *f, const char *key, const name_table *t, gg_i_buf *scratch)
{
	fprintf(f, ",\n\"%s\":", key);
	return string_array(f, t->names, t->len, scratch);
}

/* The communities of the view's nodes: name (most central term), colour, nodes in the view. */
static int write_communities(FILE *f, const gg_i_view *v, gg_i_buf *scratch)
{
	size_t n = gg_graph_community_count(v->graph);
	size_t *count = calloc(n + 1, sizeof(*count));
	int err = 0;

	if (!count)
		return gg_i_error_oom();
	for (size_t i = 0; i < v->n_nodes; i++) {
		int c = gg_graph_node(v->graph, v->nodes[i])->community;
		if (c >= 0 && (size_t)c < n)
			count[c]++;
	}
	fputs("\"communities\":[", f);
	for (size_t i = 0; i < n && !err; i++) {
		const gg_community *c = gg_graph_community(v->graph, i);
		const char *name = c->size ? gg_graph_node(v->graph, c->members[0])->name : "";
		for (size_t k = 0; k < c->size; k++) {
			const gg_node *m = gg_graph_node(v->graph, c->members[k]);
			if (m->kind == GG_CONCEPT_TERM) {
				name = m->name;
				break;
			}
		}
		char hex[8];
		gg_i_community_hex((int)i, hex);
		fputs(i ? ",\n[" : "\n[", f);
		err = dirty_string(f, name, strlen(name), scratch);
		fprintf(f, ",\"%s\",%zu]", hex, count[i]);
	}
	fputs("],\n", f);
	free(count);
	return err;
}

/* The first object: the graph, without its long texts. */
static int write_graph(FILE *f, const gg_i_view *v, gg_i_buf *scratch)
{
	size_t n_graph = gg_graph_node_count(v->graph), terms = 0;
	size_t *position = malloc((n_graph + 1) * sizeof(*position));
	gg_i_node_text nt = { 0 };
	edge_names names = { NAME_TABLE_INIT, NAME_TABLE_INIT, NAME_TABLE_INIT, NAME_TABLE_INIT };
	int err = 0;

	if (!position)
		return gg_i_error_oom();
	for (size_t i = 0; i < v->n_nodes; i++) {
		position[v->nodes[i]] = i;
		terms += gg_graph_node(v->graph, v->nodes[i])->kind == GG_CONCEPT_TERM;
	}
	fprintf(f, "{\"terms\":%zu,\"keywords\":%zu,\"links\":%zu,\"stride\":%d,\n", terms,
		v->n_nodes - terms, v->n_edges, v->options->with_held ? 8 : 7);
	err = write_communities(f, v, scratch);
	fputs("\"nodes\":[", f);
	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		fputs(i ? ",\n" : "\n", f);
		err = gg_i_node_text_fill(&nt, v, i);
		if (!err)
			err = write_node(f, &nt, scratch);
	}
	fputs("],\n\"edges\":[", f);
	for (size_t i = 0; i < v->n_edges && !err; i++) {
		fputs(i ? ",\n" : "\n", f);
		err = write_edge(f, v, i, position, &names);
	}
	fputc(']', f);
	if (!err)
		err = write_names(f, "kinds", &names.kinds, scratch);
	if (!err)
		err = write_names(f, "rules", &names.rules, scratch);
	if (!err)
		err = write_names(f, "held", &names.held, scratch);
	if (!err)
		err = write_names(f, "files", &names.files, scratch);
	fputs("}\n", f);
	gg_i_node_text_free(&nt);
	name_table_destroy(&names.kinds);
	name_table_destroy(&names.rules);
	name_table_destroy(&names.held);
	name_table_destroy(&names.files);
	free(position);
	return err;
}

/* The second object: every node's definitions, every edge's snippet. */
static int write_text(FILE *f, const gg_i_view *v, gg_i_buf *scratch)
{
	gg_i_edge_text et = { 0 };
	int err = 0;

	fputs("{\"definitions\":[", f);
	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		fputs(i ? ",\n" : "\n", f);
		err = write_definitions(f, v, i, scratch);
	}
	fputs("],\n\"snippets\":[", f);
	for (size_t i = 0; i < v->n_edges && !err; i++) {
		fputs(i ? ",\n" : "\n", f);
		err = gg_i_edge_text_fill(&et, v, i);
		if (!err)
			string(f, gg_i_str(&et.snippet));
	}
	fputs("]}\n", f);
	gg_i_edge_text_free(&et);
	return err;
}

int gg_i_write_html(FILE *f, const gg_i_view *v)
{
	gg_i_buf scratch = GG_BUF_INIT;

	fwrite(gg_i_map_head, 1, gg_i_map_head_len, f);
	int err = write_graph(f, v, &scratch);
	fwrite(gg_i_map_middle, 1, gg_i_map_middle_len, f);
	if (!err)
		err = write_text(f, v, &scratch);
	fwrite(gg_i_map_tail, 1, gg_i_map_tail_len, f);
	gg_i_buf_free(&scratch);
	return err;
}
