/* libxml.h - what the readers and writers built on libxml2 share: its messages silenced for a call, a walk of a tree. */
#ifndef GG_CORE_LIBXML_H
#define GG_CORE_LIBXML_H

#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdbool.h>

/*
 * libxml2's error handlers of the calling thread, kept while they are
 * silenced: libxml2 prints its errors unless told otherwise, and
 * glossgraph tells each failure once, in its own words.
 */
typedef struct gg_i_libxml_quiet {
	xmlGenericErrorFunc generic;
	void *generic_context;
	xmlStructuredErrorFunc structured;
	void *structured_context;
} gg_i_libxml_quiet;

/* Silence the thread's libxml2 handlers, keeping them in q. */
void gg_i_libxml_silence(gg_i_libxml_quiet *q);

/* Put back the handlers gg_i_libxml_silence kept in q. */
void gg_i_libxml_restore(const gg_i_libxml_quiet *q);

/*
 * The node after n in a pre-order walk of the subtree under root (n in
 * it), or NULL at its end. With `descend` false, n's children are passed
 * by; only elements' children are visited (not an entity reference's).
 */
xmlNode *gg_i_libxml_next(const xmlNode *n, const xmlNode *root, bool descend);

#endif
