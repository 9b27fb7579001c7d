/* export.h - the format writers, one per format, each writing a view of the graph. */
#ifndef GG_EXPORT_EXPORT_H
#define GG_EXPORT_EXPORT_H

#include "export/view.h"

#include <stdio.h>

/* How a table cell is written: for a TSV, a CSV, or a CSV of neo4j's. */
typedef enum gg_i_cell_style {
	GG_I_CELL_TSV,
	GG_I_CELL_CSV,
	GG_I_CELL_NEO4J
} gg_i_cell_style;

/*
 * Write one table cell of clean text. A cell that begins with = + - @ (a
 * formula to a spreadsheet) or ' gets a ' in front, so that a spreadsheet
 * shows it as text; removing one leading ' from every cell that has one
 * gives the text back. Then it is quoted as RFC 4180 says when it holds a
 * comma or a double quote (CSV), or begins with one (TSV). In neo4j's
 * cells, a backslash that would stand before a quote of the quoting, which
 * Cypher's LOAD CSV reads as an escape, is written U+29F5 (reverse solidus
 * operator) instead.
 */
void gg_i_table_cell(FILE *f, const char *s, gg_i_cell_style style);

/* The writers, one per format. Each writes the whole view to `f` and
 * returns 0 or a GG_E* code with the message set. */
int gg_i_write_dot(FILE *f, const gg_i_view *v);
int gg_i_write_graphml(FILE *f, const gg_i_view *v);
int gg_i_write_gexf(FILE *f, const gg_i_view *v);
int gg_i_write_svg(FILE *f, const gg_i_view *v);
int gg_i_write_table(FILE *f, const gg_i_view *v, char separator);
/* The JSON shapes of json.c. */
typedef enum gg_i_json_shape {
	GG_I_JSON_NETWORKX,
	GG_I_JSON_GRAPHOLOGY,
	GG_I_JSON_CYTOSCAPE
} gg_i_json_shape;
int gg_i_write_json(FILE *f, const gg_i_view *v, gg_i_json_shape shape);
int gg_i_write_skos(FILE *f, const gg_i_view *v);
/* The vault: a folder of notes at `dir`, put in place whole (vault.c). */
int gg_i_export_vault(const gg_i_view *v, const char *dir);
int gg_i_write_neo4j(FILE *nodes, FILE *relationships, const gg_i_view *v);

#endif
