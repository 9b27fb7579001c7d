/* rdf.h - RDF/XML and JSON-LD read into statements: the part of each syntax that vocabularies (SKOS) use. */
#ifndef GG_READ_RDF_H
#define GG_READ_RDF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One statement; its strings live during the sink's call only. */
typedef struct gg_i_rdf_statement {
	const char *subject;   /* an IRI as written (rdf:about, @id), "#id" (rdf:ID), or "_:name" for a blank node */
	const char *predicate; /* an IRI: the element's namespace and local name */
	const char *object;    /* an IRI or blank node, or the literal's text */
	size_t object_len;
	bool literal;
	const char *lang;      /* the literal's language (xml:lang, @language), "" when none */
	uint32_t line;         /* the line of the subject's node element or node object */
} gg_i_rdf_statement;

/* Takes each statement; a non-zero return stops the reading and is returned. */
typedef int (*gg_i_rdf_sink)(const gg_i_rdf_statement *st, void *payload);

/*
 * Read the RDF/XML document text[0, len) (`name` for libxml2's messages) and
 * hand every statement to `sink`, in document order: node elements (typed,
 * or rdf:Description, with rdf:about, rdf:ID or rdf:nodeID, else a blank
 * node), property attributes, and property elements holding a literal,
 * rdf:resource, rdf:nodeID, a nested node element, or
 * rdf:parseType="Resource" or "Literal". Containers' rdf:li, collections
 * (parseType "Collection"), reification and xml:base are not read. No network, no external entities. Returns 0,
 * the sink's return, GG_ENOMEM, or GG_EINPUT for a document that is not
 * well-formed XML, with its line in *error_line and libxml2's message in
 * message[0, size).
 */
int gg_i_read_rdfxml(const char *text, size_t len, const char *name, gg_i_rdf_sink sink, void *payload,
		     uint32_t *error_line, char *message, size_t size);

/*
 * Read the JSON-LD document text[0, len) and hand every statement to
 * `sink`: node objects at the top, in an array or in "@graph", and nested
 * ones; "@id", "@type", "@value", "@language", "@list" and "@set"; terms,
 * prefixes, "@vocab", "@base" and "@language" of inline contexts (a
 * context's "@type": "@id" and "@container": "@language" included).
 * Remote contexts are not fetched: their terms stay unknown, full and
 * compact IRIs of the inline ones still read. A statement's line is that of
 * its node object's '{'; blank nodes are "_:d" + the document's label or
 * "_:g" + a number. Returns 0, the sink's return, GG_ENOMEM, or GG_EINPUT
 * for text that is not JSON (or has a key twice in an object), with its
 * line in *error_line and the message in message[0, size).
 */
int gg_i_read_jsonld(const char *text, size_t len, gg_i_rdf_sink sink, void *payload, uint32_t *error_line,
		     char *message, size_t size);

#endif
