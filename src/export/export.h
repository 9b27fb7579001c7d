/* export.h - the format writers, one per format, each writing a view of the graph. */
#ifndef GG_EXPORT_EXPORT_H
#define GG_EXPORT_EXPORT_H

#include "export/view.h"

#include <stdio.h>

/* Write one table cell of clean text: quoted as RFC 4180 says when it holds
 * a comma or a double quote (sep ','), or begins with one (sep TAB). */
void gg_i_table_cell(FILE *f, const char *s, char sep);

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
int gg_i_write_neo4j(FILE *nodes, FILE *relationships, const gg_i_view *v);

#endif
