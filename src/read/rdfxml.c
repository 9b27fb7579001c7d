/* rdfxml.c - RDF/XML read into statements with libxml2's parser (see rdf.h). */
#include "read/rdf.h"
#include "core/error.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define XML_NS "http://www.w3.org/XML/1998/namespace"

typedef struct rdf_walk {
	gg_i_rdf_sink sink;
	void *payload;
	size_t blanks; /* blank nodes made so far, for their names */
} rdf_walk;

/* Whether the name (namespace ns, local name) is rdf:`local`. */
static bool is_rdf(const xmlNs *ns, const xmlChar *name, const char *local)
{
	return ns && ns->href && strcmp((const char *)ns->href, RDF_NS) == 0 &&
	       strcmp((const char *)name, local) == 0;
}

static bool in_namespace(const xmlNs *ns, const char *iri)
{
	return ns && ns->href && strcmp((const char *)ns->href, iri) == 0;
}

/* The IRI of a name: its namespace, then its local name (malloc'd; NULL when out of memory). */
static char *name_iri(const xmlNs *ns, const xmlChar *name)
{
	const char *base = ns && ns->href ? (const char *)ns->href : "";
	size_t a = strlen(base), b = strlen((const char *)name);
	char *s = malloc(a + b + 1);
	if (s) {
		memcpy(s, base, a);
		memcpy(s + a, name, b + 1);
	}
	return s;
}

/* prefix then text, malloc'd; NULL when out of memory. */
static char *joined(const char *prefix, const char *text)
{
	size_t a = strlen(prefix), b = strlen(text);
	char *s = malloc(a + b + 1);
	if (s) {
		memcpy(s, prefix, a);
		memcpy(s + a, text, b + 1);
	}
	return s;
}

static xmlChar *rdf_attribute(xmlNode *n, const char *local)
{
	return xmlGetNsProp(n, (const xmlChar *)local, (const xmlChar *)RDF_NS);
}

/* A new blank node's name, malloc'd: "_:" and a number, which no rdf:nodeID
 * (an XML name, never opening with a digit) can be. */
static char *new_blank(rdf_walk *w)
{
	char name[32];
	snprintf(name, sizeof(name), "_:%zu", ++w->blanks);
	return joined("", name);
}

/* The subject node element n names, malloc'd: rdf:about, "#" rdf:ID, "_:" rdf:nodeID, else a new blank node. */
static char *subject_of(rdf_walk *w, xmlNode *n)
{
	static const char *const forms[][2] = { { "about", "" }, { "ID", "#" }, { "nodeID", "_:" } };
	for (size_t k = 0; k < sizeof(forms) / sizeof(*forms); k++) {
		xmlChar *v = rdf_attribute(n, forms[k][0]);
		if (v) {
			char *s = joined(forms[k][1], (const char *)v);
			xmlFree(v);
			return s;
		}
	}
	return new_blank(w);
}

/* Hand one statement to the sink. */
static int emit(rdf_walk *w, const char *subject, const char *predicate, const char *object, bool literal,
		const char *lang, uint32_t line)
{
	gg_i_rdf_statement st = { subject, predicate, object, strlen(object), literal, lang ? lang : "", line };
	return w->sink(&st, w->payload);
}

/* A literal: the text under n, in its xml:lang. */
static int emit_literal(rdf_walk *w, const char *subject, const char *predicate, xmlNode *n, uint32_t line)
{
	xmlChar *text = xmlNodeGetContent(n), *lang = xmlNodeGetLang(n);
	int err = text ? emit(w, subject, predicate, (const char *)text, true, (const char *)lang, line)
		       : gg_i_error_oom();
	xmlFree(text);
	xmlFree(lang);
	return err;
}

static int node_element(rdf_walk *w, xmlNode *n, char **subject);

/*
 * Property element p of `subject` (whose node element starts at `line`):
 * its object is rdf:resource, rdf:nodeID, a blank node of the properties
 * inside (parseType "Resource"), a nested node element, or a literal.
 */
static int property_element(rdf_walk *w, const char *subject, xmlNode *p, uint32_t line)
{
	if (is_rdf(p->ns, p->name, "li"))
		return 0; /* a container's members: not read */
	char *predicate = name_iri(p->ns, p->name), *object = NULL;
	xmlChar *resource = rdf_attribute(p, "resource"), *node_id = rdf_attribute(p, "nodeID"),
		*parse_type = rdf_attribute(p, "parseType");
	xmlNode *inner = p->children;
	while (inner && inner->type != XML_ELEMENT_NODE)
		inner = inner->next;
	int err = 0;
	if (!predicate) {
		err = gg_i_error_oom();
	} else if (resource || node_id) {
		object = resource ? joined("", (const char *)resource) : joined("_:", (const char *)node_id);
		err = object ? emit(w, subject, predicate, object, false, NULL, line) : gg_i_error_oom();
	} else if (parse_type && strcmp((const char *)parse_type, "Resource") == 0) {
		object = new_blank(w);
		err = object ? emit(w, subject, predicate, object, false, NULL, line) : gg_i_error_oom();
		for (xmlNode *c = p->children; c && !err; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				err = property_element(w, object, c, line);
	} else if (parse_type && strcmp((const char *)parse_type, "Literal") != 0) {
		/* a Collection (an RDF list) or another parse type: not read */
	} else if (inner && !parse_type) {
		err = node_element(w, inner, &object);
		if (!err)
			err = emit(w, subject, predicate, object, false, NULL, line);
	} else {
		err = emit_literal(w, subject, predicate, p, line);
	}
	free(predicate);
	free(object);
	xmlFree(resource);
	xmlFree(node_id);
	xmlFree(parse_type);
	return err;
}

/*
 * Node element n: its type (unless rdf:Description), its property
 * attributes and its property elements. *subject gets its subject (malloc'd,
 * the caller frees it), also on error when made.
 */
static int node_element(rdf_walk *w, xmlNode *n, char **subject)
{
	uint32_t line = (uint32_t)(xmlGetLineNo(n) > 0 ? xmlGetLineNo(n) : 0);
	char *s = *subject = subject_of(w, n);
	if (!s)
		return gg_i_error_oom();
	int err = 0;
	if (!is_rdf(n->ns, n->name, "Description")) {
		char *type = name_iri(n->ns, n->name);
		err = type ? emit(w, s, RDF_NS "type", type, false, NULL, line) : gg_i_error_oom();
		free(type);
	}
	for (xmlAttr *a = n->properties; a && !err; a = a->next) {
		if (!a->ns || in_namespace(a->ns, XML_NS) || (in_namespace(a->ns, RDF_NS) && !is_rdf(a->ns, a->name, "type")))
			continue;
		char *predicate = name_iri(a->ns, a->name);
		xmlChar *value = xmlNodeListGetString(n->doc, a->children, 1), *lang = xmlNodeGetLang(n);
		bool resource = is_rdf(a->ns, a->name, "type");
		err = predicate && value ? emit(w, s, predicate, (const char *)value, !resource,
						resource ? NULL : (const char *)lang, line)
					 : gg_i_error_oom();
		free(predicate);
		xmlFree(value);
		xmlFree(lang);
	}
	for (xmlNode *c = n->children; c && !err; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			err = property_element(w, s, c, line);
	return err;
}

/* The first error of a parse, kept by first_error (through the context's _private). */
typedef struct parse_error {
	bool seen;
	uint32_t line;
	char *message;
	size_t size;
} parse_error;

#if LIBXML_VERSION >= 21200
typedef const xmlError *error_arg;
#else
typedef xmlErrorPtr error_arg;
#endif

/* The parser's error channel: keeps the first error (the later ones follow from it). */
static void first_error(void *data, error_arg e)
{
	parse_error *out = ((xmlParserCtxtPtr)data)->_private;
	if (out->seen || e->level < XML_ERR_ERROR)
		return;
	out->seen = true;
	out->line = e->line > 0 ? (uint32_t)e->line : 0;
	snprintf(out->message, out->size, "%s", e->message ? e->message : "not well-formed XML");
	out->message[strcspn(out->message, "\n")] = '\0';
}

int gg_i_read_rdfxml(const char *text, size_t len, const char *name, gg_i_rdf_sink sink, void *payload,
		     uint32_t *error_line, char *message, size_t size)
{
	if (len > INT32_MAX) {
		*error_line = 0;
		snprintf(message, size, "an RDF/XML file larger than 2 GiB");
		return GG_EINPUT;
	}
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return gg_i_error_oom();
	parse_error first = { false, 0, message, size };
	ctxt->_private = &first;
	ctxt->sax->serror = first_error;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, text, (int)len, name, NULL,
					  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
					  XML_PARSE_BIG_LINES);
	int err = 0;
	if (!doc || !xmlDocGetRootElement(doc) || first.seen || !ctxt->wellFormed) {
		const xmlError *last = xmlCtxtGetLastError(ctxt);
		if (!first.seen) { /* a parser that did not call first_error */
			first.line = last && last->line > 0 ? (uint32_t)last->line : 0;
			snprintf(message, size, "%s", last && last->message ? last->message : "not well-formed XML");
			message[strcspn(message, "\n")] = '\0';
		}
		*error_line = first.line;
		err = GG_EINPUT;
	} else {
		rdf_walk w = { sink, payload, 0 };
		xmlNode *root = xmlDocGetRootElement(doc);
		bool rdf = is_rdf(root->ns, root->name, "RDF");
		for (xmlNode *n = rdf ? root->children : root; n && !err; n = rdf ? n->next : NULL) {
			if (n->type != XML_ELEMENT_NODE)
				continue;
			char *subject = NULL;
			err = node_element(&w, n, &subject);
			free(subject);
		}
	}
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return err;
}
