/* dot.h - the cgraph graph of a view that the SVG renderer lays out, and graphviz's messages. */
#ifndef GG_EXPORT_DOT_H
#define GG_EXPORT_DOT_H

#include "export/export.h"
#include "core/buf.h"

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
 * Append str as cgraph's agcanon writes an ordinary (not HTML) string, so
 * that the DOT stream is what agwrite writes without graphviz: as it is
 * when it is an id (letters, digits, '_', bytes beyond ASCII, not starting
 * with a digit) or a number (-?digits with one '.'), and not a keyword;
 * else between double quotes, '"' escaped as \", and a line longer than
 * 128 bytes broken by a backslash and a newline at the first place where a
 * byte of a word (letters, digits, '.', '-', bytes beyond ASCII) follows
 * one that is neither of a word nor a backslash. O(length); out->oom on
 * failure. The unit tests compare it with agcanon.
 */
void gg_i_dot_canon(gg_i_buf *out, const char *str);

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
