/* xml.h - the libxml2 text writer behind GraphML and GEXF, with every string made safe for XML 1.0. */
#ifndef GG_EXPORT_XML_H
#define GG_EXPORT_XML_H

#include "core/buf.h"

#include <libxml/xmlwriter.h>
#include <stdbool.h>
#include <stdio.h>

/*
 * An XML document being written to a FILE. Calls after a failure do
 * nothing; gg_i_xml_close reports it. Every name and value goes through
 * gg_i_clean first, so no character XML 1.0 forbids (control characters,
 * invalid UTF-8, U+FFFE, U+FFFF) reaches libxml2; libxml2 escapes the rest.
 */
typedef struct gg_i_xml {
	xmlTextWriterPtr w;
	gg_buf scratch;
	bool failed;
	/* libxml2's error handlers, silenced while writing: a failure is
	 * reported once, by the caller, not printed by the library */
	xmlGenericErrorFunc generic;
	void *generic_context;
	xmlStructuredErrorFunc structured;
	void *structured_context;
} gg_i_xml;

/* Start a UTF-8 document with its XML declaration, indented by two spaces.
 * Returns 0, or GG_ERROR when libxml2 cannot start a writer. */
int gg_i_xml_open(gg_i_xml *x, FILE *f);
void gg_i_xml_start(gg_i_xml *x, const char *element);
void gg_i_xml_end(gg_i_xml *x);
void gg_i_xml_attr(gg_i_xml *x, const char *name, const char *value);
void gg_i_xml_attr_number(gg_i_xml *x, const char *name, double value);
void gg_i_xml_attr_uint(gg_i_xml *x, const char *name, unsigned long long value);
/* Text content of the element open. */
void gg_i_xml_text(gg_i_xml *x, const char *text);
/* <element>text</element> */
void gg_i_xml_element(gg_i_xml *x, const char *element, const char *text);

/* End the document, flush it to the FILE and free the writer. Returns 0,
 * or GG_ERROR ("cannot write the <what>: libxml2 failed") or GG_ENOMEM. */
int gg_i_xml_close(gg_i_xml *x, const char *what);

#endif
