/* skos.c - the concepts as a SKOS concept scheme in Turtle, written by serd. */
#include "export/export.h"
#include "export/names.h"
#include "core/error.h"

#include <serd/serd.h>
#include <stdlib.h>
#include <string.h>

/*
 * BASE is --base-iri (GG_EXPORT_BASE_IRI by default):
 *   BASE + "scheme"              a skos:ConceptScheme
 *   BASE + SLUG                  a skos:Concept per node: skos:prefLabel (its
 *                                name), skos:altLabel (aliases and
 *                                abbreviations, none equal to the prefLabel),
 *                                skos:definition (each entry's, whole), skos:inScheme, and
 *                                gg:community, gg:nodeKind
 *   BASE + "category/" + SLUG    a skos:Collection per category, skos:member
 *                                its concepts
 * Links between two different concepts: an editor's link is skos:related,
 * written once per pair (skos:related is symmetric); a mention is
 * gg:mentions, a category header gg:inCategory, a keyword gg:hasKeyword:
 * directed sub-properties of skos:semanticRelation, declared in the file.
 * Each mention is also described by a blank node of class gg:Mention with
 * gg:source, gg:target, gg:weight (mentions, xsd:integer), gg:score (the
 * link score, xsd:double) and gg:evidence
 * ("file:offset: snippet"). gg is GG_SKOS_NS. A SLUG is the name in lower
 * case, every run of characters an IRI path cannot hold as they are made
 * one '-'; two concepts of one slug get -2, -3, ... in graph order.
 */
#define GG_SKOS_NS "https://glossgraph.example/ns#"
#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define OWL "http://www.w3.org/2002/07/owl#"
#define XSD "http://www.w3.org/2001/XMLSchema#"

/* A serd node for a NUL-terminated string (borrowed). */
static SerdNode node(SerdType type, const char *s)
{
	return serd_node_from_string(type, (const uint8_t *)s);
}

/* The Turtle being written, and its failure. */
typedef struct turtle {
	SerdWriter *writer;
	SerdEnv *env;
	SerdStatus status;
} turtle;

/* One statement; a literal object may have a datatype (NULL: none). */
static void triple(turtle *t, const SerdNode *s, const char *p, const SerdNode *o,
		   const char *datatype)
{
	if (t->status)
		return;
	SerdNode pred = node(SERD_URI, p), type = datatype ? node(SERD_URI, datatype) : SERD_NODE_NULL;
	t->status = serd_writer_write_statement(t->writer, 0, NULL, s, &pred, o,
						datatype ? &type : NULL, NULL);
}

static void triple_uri(turtle *t, const SerdNode *s, const char *p, const char *o)
{
	SerdNode obj = node(SERD_URI, o);
	triple(t, s, p, &obj, NULL);
}

static void triple_text(turtle *t, const SerdNode *s, const char *p, const char *text)
{
	SerdNode obj = node(SERD_LITERAL, text);
	triple(t, s, p, &obj, NULL);
}

static void prefix(turtle *t, const char *name, const char *uri)
{
	SerdNode n = node(SERD_LITERAL, name), u = node(SERD_URI, uri);
	if (!t->status)
		t->status = serd_env_set_prefix(t->env, &n, &u);
	if (!t->status)
		t->status = serd_writer_set_prefix(t->writer, &n, &u);
}

/* Whether code point c may stand in an IRI path as it is (RFC 3987
 * iunreserved, without '.' and '~', which read poorly in a slug). */
static bool slug_char(unsigned long c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
	       (c >= 0xFDF0 && c <= 0xFFEF) || (c >= 0x10000 && c <= 0xEFFFD && (c & 0xFFFE) != 0xFFFE);
}

/* Decode the UTF-8 character at s (valid: the text is clean); *len its bytes. */
static unsigned long decode(const unsigned char *s, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
	unsigned long c = s[0] & (0x3F >> (n - 1));
	for (size_t i = 1; i < n && s[i]; i++)
		c = (c << 6) | (s[i] & 0x3F);
	*len = n;
	return c;
}

/* Append the slug of clean text `name`: "concept" when nothing of it is left. */
static void slug(gg_i_buf *out, const char *name)
{
	size_t start = out->len;
	for (const unsigned char *p = (const unsigned char *)name; *p;) {
		size_t len;
		unsigned long c = decode(p, &len);
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (slug_char(c)) {
			if (c < 0x80)
				gg_i_buf_putc(out, (char)c);
			else
				gg_i_buf_put(out, (const char *)p, len);
		} else if (out->len > start && out->ptr[out->len - 1] != '-') {
			gg_i_buf_putc(out, '-');
		}
		p += len;
	}
	while (!out->oom && out->len > start && out->ptr[out->len - 1] == '-')
		out->ptr[--out->len] = '\0';
	if (out->len == start)
		gg_i_buf_puts(out, "concept");
}

/* IRIs made for one export: the nodes', by graph index, and the categories'. */
typedef struct iris {
	gg_i_names names;    /* slugs given */
	const char **of_node; /* graph index -> IRI, NULL when not in the view */
	gg_i_strmap categories; /* a collection's IRI -> its index in write_all's category_iri */
	gg_i_buf text;
} iris;

/* Give `base` + slug of `name` (within `folder`) an IRI of its own; *out borrowed from `names`. */
static int make_iri(iris *r, const char *base, const char *folder, const char *name,
		    const char **out)
{
	gg_i_buf_clear(&r->text);
	gg_i_buf_puts(&r->text, base);
	gg_i_buf_puts(&r->text, folder);
	slug(&r->text, name);
	if (r->text.oom)
		return gg_i_error_oom();
	return gg_i_names_take(&r->names, r->text.ptr, NULL, out);
}

/* Whether `s` is one of the NUL-ended strings in labels. */
static bool among(const gg_i_buf *labels, const char *s)
{
	for (size_t at = 0; at < labels->len; at += strlen(labels->ptr + at) + 1)
		if (strcmp(labels->ptr + at, s) == 0)
			return true;
	return false;
}

/* A concept's own statements: no altLabel repeats the prefLabel or another
 * altLabel. Returns 0 or GG_ENOMEM. */
static int write_concept(turtle *t, const gg_i_view *v, const gg_i_node_text *nt, const char *iri,
			 const char *scheme)
{
	const gg_concept *c = nt->concept;
	SerdNode s = node(SERD_URI, iri);
	gg_i_buf labels = GG_BUF_INIT, alias = GG_BUF_INIT;
	char num[GG_I_NUMBER_MAX];

	triple_uri(t, &s, RDF "type", SKOS "Concept");
	triple_uri(t, &s, SKOS "inScheme", scheme);
	triple_text(t, &s, SKOS "prefLabel", gg_i_str(&nt->name));
	gg_i_buf_put(&labels, gg_i_str(&nt->name), nt->name.len + 1);
	for (size_t i = 0; i < c->n_aliases + c->n_abbrevs && !labels.oom && !alias.oom; i++) {
		gg_i_buf_clear(&alias);
		gg_i_clean(&alias, i < c->n_aliases ? c->aliases[i] : c->abbrevs[i - c->n_aliases]);
		if (!alias.len || alias.oom || among(&labels, alias.ptr))
			continue;
		triple_text(t, &s, SKOS "altLabel", alias.ptr);
		gg_i_buf_put(&labels, alias.ptr, alias.len + 1);
	}
	if (nt->definition.len)
		triple_text(t, &s, SKOS "definition", gg_i_str(&nt->definition));
	/* the definitions of its other entries, each a skos:definition of its own */
	for (size_t k = 1; k < c->n_entries && !alias.oom; k++) {
		gg_i_buf_clear(&alias);
		gg_i_plain_definition(&alias, gg_glossary_entry(v->glossary, c->entries[k])->definition);
		if (alias.len && !alias.oom && strcmp(alias.ptr, gg_i_str(&nt->definition)) != 0)
			triple_text(t, &s, SKOS "definition", alias.ptr);
	}
	snprintf(num, sizeof(num), "%d", nt->node->community);
	SerdNode community = node(SERD_LITERAL, num);
	triple(t, &s, GG_SKOS_NS "community", &community, XSD "integer");
	triple_text(t, &s, GG_SKOS_NS "nodeKind", gg_i_type_name(nt->node->kind));
	int err = labels.oom || alias.oom ? gg_i_error_oom() : 0;
	gg_i_buf_free(&labels);
	gg_i_buf_free(&alias);
	return err;
}

/* A category and one of its members (view positions). */
typedef struct membership {
	size_t category, member;
} membership;

static int by_category(const void *pa, const void *pb)
{
	const membership *a = pa, *b = pb;
	if (a->category != b->category)
		return a->category < b->category ? -1 : 1;
	return a->member < b->member ? -1 : a->member > b->member;
}

/* An unordered pair of graph node indices, lower first. */
typedef struct pair {
	size_t a, b;
} pair;

static int by_pair(const void *pa, const void *pb)
{
	const pair *x = pa, *y = pb;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

/* Declare a directed link property of the gg namespace. */
static void declare(turtle *t, const char *iri, const char *label, const char *comment)
{
	SerdNode s = node(SERD_URI, iri);
	triple_uri(t, &s, RDF "type", OWL "ObjectProperty");
	triple_uri(t, &s, RDFS "subPropertyOf", SKOS "semanticRelation");
	triple_text(t, &s, RDFS "label", label);
	triple_text(t, &s, RDFS "comment", comment);
}

/* The property of a directed link of kind k (not an editor's). */
static const char *link_property(gg_edge_kind k)
{
	switch (k) {
	case GG_EDGE_CATEGORY: return GG_SKOS_NS "inCategory";
	case GG_EDGE_KEYWORD: return GG_SKOS_NS "hasKeyword";
	case GG_EDGE_MENTION:
	case GG_EDGE_EDITOR:
	case GG_EDGE_KIND_COUNT:
		break;
	}
	return GG_SKOS_NS "mentions";
}

/* Whether the base IRI can start every IRI: no character an IRI forbids. */
static bool valid_base(const char *base)
{
	if (!*base || !strchr(base, ':'))
		return false;
	for (const unsigned char *p = (const unsigned char *)base; *p; p++)
		if (*p <= ' ' || *p == 0x7F || strchr("<>\"{}|\\^`", *p))
			return false;
	return true;
}

/* Write the scheme, concepts, collections and links. Returns 0, GG_ENOMEM. */
static int write_all(turtle *t, const gg_i_view *v, const char *base, iris *r)
{
	gg_i_node_text nt = { 0 };
	gg_i_edge_text et = { 0 };
	membership *members = NULL;
	pair *related = NULL;
	const char **category_iri = NULL;
	size_t n_members = 0, cap_members = 0, n_related = 0, cap_related = 0;
	size_t n_categories = 0, cap_categories = 0;
	gg_i_buf blank = GG_BUF_INIT, cat = GG_BUF_INIT;
	const char *scheme;
	int err = make_iri(r, base, "", "scheme", &scheme);

	if (!err) {
		SerdNode s = node(SERD_URI, scheme);
		triple_uri(t, &s, RDF "type", SKOS "ConceptScheme");
		triple_text(t, &s, SKOS "prefLabel", "glossary");
		declare(t, GG_SKOS_NS "mentions", "mentions",
			"the subject's definition names the object");
		declare(t, GG_SKOS_NS "inCategory", "in category",
			"the subject's header names the object as its category");
		declare(t, GG_SKOS_NS "hasKeyword", "has keyword",
			"the subject's header lists the object as a keyword");
	}
	/* every node's IRI first: links name nodes written later */
	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		err = gg_i_node_text_fill(&nt, v, i);
		if (!err)
			err = make_iri(r, base, "", gg_i_str(&nt.name), &r->of_node[nt.index]);
	}
	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		err = gg_i_node_text_fill(&nt, v, i);
		if (!err)
			err = write_concept(t, v, &nt, r->of_node[nt.index], scheme);
		for (size_t k = 0; k < nt.concept->n_categories && !err; k++) {
			gg_i_buf_clear(&cat);
			gg_i_clean(&cat, nt.concept->categories[k]);
			if (cat.oom) {
				err = gg_i_error_oom();
				break;
			}
			uint32_t at;
			const char *iri;
			gg_i_buf_clear(&r->text);
			gg_i_buf_puts(&r->text, base);
			gg_i_buf_puts(&r->text, "category/");
			slug(&r->text, cat.ptr);
			if (r->text.oom) {
				err = gg_i_error_oom();
				break;
			}
			/* one collection per slug: "Cat One" and "cat-one" share it */
			if (!gg_i_strmap_get(&r->categories, r->text.ptr, &at)) {
				if ((err = gg_i_names_take(&r->names, r->text.ptr, NULL, &iri)) != 0)
					break;
				if (n_categories == cap_categories &&
				    (err = GG_ARRAY_PUSH_SLOT(category_iri, n_categories, cap_categories)) != 0)
					break;
				at = (uint32_t)n_categories;
				category_iri[n_categories++] = iri;
				if (gg_i_strmap_put(&r->categories, iri, at, NULL) < 0) {
					err = gg_i_error_oom();
					break;
				}
				SerdNode s = node(SERD_URI, iri);
				triple_uri(t, &s, RDF "type", SKOS "Collection");
				triple_text(t, &s, SKOS "prefLabel", cat.ptr);
			}
			if (n_members == cap_members &&
			    (err = GG_ARRAY_PUSH_SLOT(members, n_members, cap_members)) != 0)
				break;
			members[n_members++] = (membership){ at, nt.index };
		}
	}
	if (members)
		qsort(members, n_members, sizeof(*members), by_category);
	for (size_t i = 0; i < n_members && !err; i++) {
		SerdNode s = node(SERD_URI, category_iri[members[i].category]);
		triple_uri(t, &s, SKOS "member", r->of_node[members[i].member]);
	}
	for (size_t i = 0; i < v->n_edges && !err; i++) {
		if ((err = gg_i_edge_text_fill(&et, v, i)) != 0 || et.from == et.to)
			continue; /* no concept is related to itself */
		const gg_edge *e = et.edge;
		if (e->kind == GG_EDGE_EDITOR) {
			if (n_related == cap_related &&
			    (err = GG_ARRAY_PUSH_SLOT(related, n_related, cap_related)) != 0)
				break;
			related[n_related++] = et.from < et.to ? (pair){ et.from, et.to }
							       : (pair){ et.to, et.from };
			continue;
		}
		SerdNode s = node(SERD_URI, r->of_node[et.from]);
		triple_uri(t, &s, link_property(e->kind), r->of_node[et.to]);
		if (e->kind != GG_EDGE_MENTION)
			continue;
		char num[GG_I_NUMBER_MAX];
		gg_i_buf_clear(&blank);
		gg_i_buf_printf(&blank, "e%zu", et.index);
		if (blank.oom) {
			err = gg_i_error_oom();
			break;
		}
		SerdNode b = node(SERD_BLANK, blank.ptr);
		triple_uri(t, &b, RDF "type", GG_SKOS_NS "Mention");
		triple_uri(t, &b, GG_SKOS_NS "source", r->of_node[et.from]);
		triple_uri(t, &b, GG_SKOS_NS "target", r->of_node[et.to]);
		snprintf(num, sizeof(num), "%u", (unsigned)e->weight);
		SerdNode weight = node(SERD_LITERAL, num);
		triple(t, &b, GG_SKOS_NS "weight", &weight, XSD "integer");
		char score_text[GG_I_NUMBER_MAX];
		SerdNode score = node(SERD_LITERAL, gg_i_number(score_text, e->score));
		triple(t, &b, GG_SKOS_NS "score", &score, XSD "double");
		if (et.evidence.len)
			triple_text(t, &b, GG_SKOS_NS "evidence", gg_i_str(&et.evidence));
	}
	if (related)
		qsort(related, n_related, sizeof(*related), by_pair);
	for (size_t i = 0; i < n_related && !err; i++) {
		if (i && !by_pair(&related[i], &related[i - 1]))
			continue;
		SerdNode s = node(SERD_URI, r->of_node[related[i].a]);
		triple_uri(t, &s, SKOS "related", r->of_node[related[i].b]);
	}
	gg_i_node_text_free(&nt);
	gg_i_edge_text_free(&et);
	gg_i_buf_free(&blank);
	gg_i_buf_free(&cat);
	free(members);
	free(related);
	free(category_iri);
	return err;
}

int gg_i_write_skos(FILE *f, const gg_i_view *v)
{
	const char *base = v->options->base_iri ? v->options->base_iri : GG_EXPORT_BASE_IRI;
	iris r = { .categories = GG_STRMAP_INIT, .text = GG_BUF_INIT };
	turtle t = { NULL, NULL, SERD_SUCCESS };
	int err = 0;

	if (!valid_base(base))
		return gg_i_error_set(GG_EINVAL, "--base-iri '%s' is not an IRI to build on (a scheme "
				    "such as https: or urn:, no spaces, no <>\"{}|\\^`)", base);
	r.of_node = calloc(gg_graph_node_count(v->graph) + 1, sizeof(*r.of_node));
	t.env = serd_env_new(NULL);
	if (t.env)
		t.writer = serd_writer_new(SERD_TURTLE,
					   SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED |
						   SERD_STYLE_BULK, /* in pages, not piece by piece */
					   t.env, NULL, serd_file_sink, f);
	if (!r.of_node || !t.env || !t.writer) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	prefix(&t, "skos", SKOS);
	prefix(&t, "gg", GG_SKOS_NS);
	prefix(&t, "rdf", RDF);
	prefix(&t, "rdfs", RDFS);
	prefix(&t, "owl", OWL);
	prefix(&t, "xsd", XSD);
	err = write_all(&t, v, base, &r);
	if (!t.status)
		t.status = serd_writer_finish(t.writer);
	if (!err && t.status)
		err = gg_i_error_set(GG_ERROR, "cannot write the Turtle: %s",
				   (const char *)serd_strerror(t.status));
cleanup:
	if (t.writer)
		serd_writer_free(t.writer);
	if (t.env)
		serd_env_free(t.env);
	free(r.of_node);
	gg_i_names_free(&r.names);
	gg_i_strmap_free(&r.categories);
	gg_i_buf_free(&r.text);
	return err;
}
