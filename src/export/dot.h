/* dot.h - the cgraph graph of a view, shared by the DOT writer and the SVG renderer, and graphviz's messages. */
#ifndef GG_EXPORT_DOT_H
#define GG_EXPORT_DOT_H

#include "export/export.h"

#include <graphviz/cgraph.h>

/*
 * Build the cgraph digraph of a view: every node with its label, colour
 * (fillcolor by community), fontsize (by centrality), tooltip (first
 * sentence of its definition) and the export attributes; every edge with
 * weight, kind, rule, evidence and penwidth (by weight). With `named_by_term`
 * the nodes are named after their terms (SVG <title>s); otherwise n0, n1, ...
 * after their graph index (DOT). Strings are cleaned and escaped for
 * graphviz: backslashes doubled everywhere (cgraph's writer does not, and
 * labels expand \N, \G, \l), and '&' written &amp; in labels, tooltips and
 * names, which graphviz reads as entities. *out is NULL on failure.
 * Returns 0, GG_ENOMEM, or GG_ERROR with graphviz's message.
 */
int gg_i_dot_graph(Agraph_t **out, const gg_i_view *v, bool named_by_term);

/* Set a graph, node or edge attribute to clean text, escaped as labels are. */
void gg_i_dot_set(void *obj, const char *name, const char *text, gg_buf *scratch);

/*
 * Route graphviz's messages, warnings too, into a buffer from
 * gg_i_gv_capture_begin to gg_i_gv_capture_end, which restores the previous
 * handler. gg_i_gv_messages: what was said so far, on one line (static
 * storage). Not reentrant, as graphviz is not.
 */
void gg_i_gv_capture_begin(void);
const char *gg_i_gv_messages(void);
void gg_i_gv_capture_end(void);

#endif
