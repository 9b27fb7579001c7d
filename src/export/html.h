/* html.h - the interactive concept map: one HTML page drawing the graph with sigma.js. */
#ifndef GG_EXPORT_HTML_H
#define GG_EXPORT_HTML_H

#include "export/export.h"

#include <stddef.h>

/*
 * The page, made at build time by scripts/embed_map.sh from
 * src/export/map/ and the sigma.js and graphology builds: everything
 * before the graph's data (head), between the graph and its texts
 * (middle), and after the texts (tail).
 */
extern const unsigned char gg_i_map_head[];
extern const size_t gg_i_map_head_len;
extern const unsigned char gg_i_map_middle[];
extern const size_t gg_i_map_middle_len;
extern const unsigned char gg_i_map_tail[];
extern const size_t gg_i_map_tail_len;

/*
 * Write the view as the map page to `f`: the page's head, the graph as JSON
 * inside a <script type="application/json">, the middle, the definitions and
 * evidence snippets as JSON in a second one (read by the page only when a
 * term is shown), the tail. Every string of the
 * glossary is JSON with <, >, &, U+2028 and U+2029 escaped, so no text can
 * end the script element or become markup. O(V + E + text). Returns 0 or
 * GG_ENOMEM (part of the page may have been written).
 */
int gg_i_write_html(FILE *f, const gg_i_view *v);

#endif
