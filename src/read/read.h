/* read.h - the page readers behind gg_glossary_read_path/read_buffer. */
#ifndef GG_READ_READ_H
#define GG_READ_READ_H

#include "model/model.h"

/*
 * Read a text page in the seed shape (page chrome, then entries: a header
 * line, a blank line, a definition, a blank line). Takes ownership of `data`,
 * which must be malloc'd with room for len + 1 bytes. Problems in the page
 * become diagnostics; returns 0 or GG_ENOMEM.
 */
int gg_i_read_text_page(gg_glossary *g, const char *name, char *data, size_t len);

/*
 * Read an HTML page's definition lists (<dl><dt>term</dt><dd>text</dd></dl>)
 * with libxml2's HTML parser; links to anchors inside a definition become
 * the entry's editor cross-references. Does not take `data`. Returns 0 or
 * GG_ENOMEM.
 */
int gg_i_read_html_page(gg_glossary *g, const char *name, const char *data, size_t len);

#endif
