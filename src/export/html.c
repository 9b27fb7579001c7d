/* html.c - the interactive concept map: the page around the graph's data, written as script-safe JSON. */
#include "export/html.h"
#include "core/error.h"
#include "core/strmap.h"

#include <stdlib.h>
#include <string.h>

/*
 * The data the page's script (src/export/map/map.js) reads, one JSON object:
 *
 *   {"terms": T, "keywords": K, "links": E,
 *    "communities": [[name, "#RRGGBB", nodes in the view], ...],
 *    "nodes": [[label, type, community, x, y, size, pagerank,
 *               [aliases], [abbreviations], [categories], [definitions]], ...],
 *    "edges": [[source, target, kind, weight, rule, snippet, file, line,
 *               held?], ...],
 *    "files": [path, ...]}
 *
 * type is 0 for a term, 1 for a keyword; community indexes "communities"
 * (named after its most central term); source and target index "nodes";
 * definitions are the whole definitions of the concept's entries; file
 * indexes "files" (-1: no evidence), line is the evidence entry's line; held
 * is there only when held edges are exported.
 */

/* Write clean text (valid UTF-8, no control characters) as a JSON string
 * that no HTML parser reads as markup: <, >, & and the two JavaScript line
 * separators U+2028 and U+2029 as \u escapes. */
static void string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
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
static int dirty_string(FILE *f, const char *s, size_t len, gg_buf *scratch)
{
	gg_buf_clear(scratch);
	gg_i_clean_n(scratch, s, len);
	if (scratch->oom)
		return gg_error_oom();
	string(f, gg_i_str(scratch));
	return 0;
}

/* ",[...]": the strings of a, cleaned through `scratch`. */
static int string_array(FILE *f, const char *const *a, size_t n, gg_buf *scratch)
{
	int err = 0;
	fputs(",[", f);
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
static int write_node(FILE *f, const gg_i_view *v, const gg_i_node_text *t, gg_buf *scratch)
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
	int err = string_array(f, c->aliases, c->n_aliases, scratch);
	if (!err)
		err = string_array(f, c->abbrevs, c->n_abbrevs, scratch);
	if (!err)
		err = string_array(f, c->categories, c->n_categories, scratch);
	fputs(",[", f);
	for (size_t i = 0; i < c->n_entries && !err; i++) {
		const gg_entry *e = gg_glossary_entry(v->glossary, c->entries[i]);
		fputs(i ? "," : "", f);
		err = dirty_string(f, e->definition, e->definition_len, scratch);
	}
	fputs("]]", f);
	return err;
}

/* The evidence files of the edges, each once, numbered in order of first use. */
typedef struct file_table {
	gg_strmap index;   /* path -> number; keys are the entries' own paths */
	const char **paths;
	size_t len, cap;
} file_table;

/* The number of `path` in the table, added when new; -1 when out of memory. */
static long file_number(file_table *t, const char *path)
{
	uint32_t existing;
	int put = gg_strmap_put(&t->index, path, (uint32_t)t->len, &existing);
	if (put == 0)
		return (long)existing;
	if (put < 0 || GG_ARRAY_PUSH_SLOT(t->paths, t->len, t->cap) != 0)
		return -1;
	t->paths[t->len] = path;
	return (long)t->len++;
}

/* One edge's array; `position` maps graph node indices to their place in
 * the view. GG_ENOMEM when the file table cannot grow. */
static int write_edge(FILE *f, const gg_i_view *v, const gg_i_edge_text *t,
		      const size_t *position, file_table *files)
{
	const gg_edge *e = t->edge;
	long file = -1;

	if (t->entry && (file = file_number(files, t->entry->file)) < 0)
		return gg_error_oom();
	fprintf(f, "[%zu,%zu,", position[t->from], position[t->to]);
	string(f, gg_edge_kind_name(e->kind));
	fprintf(f, ",%u,", (unsigned)e->weight);
	string(f, gg_match_rule_name(e->rule));
	fputc(',', f);
	string(f, gg_i_str(&t->snippet));
	fprintf(f, ",%ld,%u", file, t->entry ? (unsigned)t->entry->line : 0u);
	if (v->options->with_held) {
		fputc(',', f);
		string(f, gg_hold_reason_name(e->held));
	}
	fputc(']', f);
	return 0;
}

/* The communities of the view's nodes: name (most central term), colour, nodes in the view. */
static int write_communities(FILE *f, const gg_i_view *v, gg_buf *scratch)
{
	size_t n = gg_graph_community_count(v->graph);
	size_t *count = calloc(n + 1, sizeof(*count));
	int err = 0;

	if (!count)
		return gg_error_oom();
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

int gg_i_write_html(FILE *f, const gg_i_view *v)
{
	size_t n_graph = gg_graph_node_count(v->graph), terms = 0;
	size_t *position = malloc((n_graph + 1) * sizeof(*position));
	gg_i_node_text nt = { 0 };
	gg_i_edge_text et = { 0 };
	gg_buf scratch = GG_BUF_INIT;
	file_table files = { GG_STRMAP_INIT, NULL, 0, 0 };
	int err = 0;

	if (!position)
		return gg_error_oom();
	for (size_t i = 0; i < v->n_nodes; i++) {
		position[v->nodes[i]] = i;
		terms += gg_graph_node(v->graph, v->nodes[i])->kind == GG_CONCEPT_TERM;
	}
	fwrite(gg_i_map_head, 1, gg_i_map_head_len, f);
	fprintf(f, "{\"terms\":%zu,\"keywords\":%zu,\"links\":%zu,\n", terms, v->n_nodes - terms,
		v->n_edges);
	err = write_communities(f, v, &scratch);
	fputs("\"nodes\":[", f);
	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		fputs(i ? ",\n" : "\n", f);
		err = gg_i_node_text_fill(&nt, v, i);
		if (!err)
			err = write_node(f, v, &nt, &scratch);
	}
	fputs("],\n\"edges\":[", f);
	for (size_t i = 0; i < v->n_edges && !err; i++) {
		fputs(i ? ",\n" : "\n", f);
		err = gg_i_edge_text_fill(&et, v, i);
		if (!err)
			err = write_edge(f, v, &et, position, &files);
	}
	fputs("],\n\"files\":[", f);
	for (size_t i = 0; i < files.len && !err; i++) {
		fputs(i ? "," : "", f);
		err = dirty_string(f, files.paths[i], strlen(files.paths[i]), &scratch);
	}
	fputs("]}", f);
	fwrite(gg_i_map_tail, 1, gg_i_map_tail_len, f);
	gg_i_node_text_free(&nt);
	gg_i_edge_text_free(&et);
	gg_buf_free(&scratch);
	gg_strmap_free(&files.index);
	free(files.paths);
	free(position);
	return err;
}
