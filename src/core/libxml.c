/* libxml.c - libxml2's messages silenced for a call, and a pre-order walk of a tree. */
#include "core/libxml.h"

/* An error handler that says nothing. */
static void silent(void *context, const char *fmt, ...)
{
	(void)context;
	(void)fmt;
}

/* The same for libxml2's structured errors. */
static void silent_structured(void *context, xmlErrorPtr error)
{
	(void)context;
	(void)error;
}

void gg_i_libxml_silence(gg_i_libxml_quiet *q)
{
	q->generic = xmlGenericError;
	q->generic_context = xmlGenericErrorContext;
	q->structured = xmlStructuredError;
	q->structured_context = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, silent);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
}

void gg_i_libxml_restore(const gg_i_libxml_quiet *q)
{
	xmlSetGenericErrorFunc(q->generic_context, q->generic);
	xmlSetStructuredErrorFunc(q->structured_context, q->structured);
}

xmlNode *gg_i_libxml_next(const xmlNode *n, const xmlNode *root, bool descend)
{
	if (descend && n->children && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}
