/* dot.h - the cgraph graph of a view that the SVG renderer lays out, and graphviz's messages. */
#ifndef GG_EXPORT_DOT_H
#define GG_EXPORT_DOT_H

#include "export/export.h"

#include <graphviz/cgraph.h>

/*
 * Build the cgraph digraph of a view for a layout, with the attributes the
 * DOT writer writes: every node with its label, colour (fillcolor by
 * community), fontsize (by centrality), tooltip (first sentence of its
 * definition) and the export attributes; every edge with weight, kind,
 * rule, evidence and penwidth (by weight). The nodes are named after their
 * terms (the SVG's <title>s). Strings are cleaned and escaped for graphviz:
 * backslashes doubled everywhere but in names (labels expand \N, \G, \l),
 * and '&' written &amp; in labels, tooltips and names, which graphviz reads
 * as entities. Around a focus, the focus is the root of a radial layout.
 * *out is NULL on failure. Returns 0, GG_ENOMEM, or GG_ERROR
 * with graphviz's message.
 */
int gg_i_dot_graph(Agraph_t **out, const gg_i_view *v);

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
