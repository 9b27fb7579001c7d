/*
 * skos.c - reader for SKOS vocabularies in Turtle, parsed with serd: each
 * skos:Concept is an entry (prefLabel, altLabel/hiddenLabel, definition),
 * collections it is a member of are its categories, and skos:related,
 * broader and narrower are editor links.
 */
#include "read/read.h"
#include "core/error.h"
#include "core/text.h"
#include "model/names.h"

#include <serd/serd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"

typedef enum predicate {
	P_PREF, P_ALT, P_HIDDEN, P_DEFINITION, P_RELATED, P_BROADER, P_NARROWER,
	P_MEMBER, P_TYPE, P_LABEL
} predicate;

/* One statement kept: subject (index), what it says, the object's text and language. */
typedef struct triple {
	uint32_t subject;
	predicate pred;
	const char *object;
	size_t object_len;
	const char *lang; /* "" when untagged */
} triple;

typedef struct subject {
	const char *iri;
	uint32_t line;
	bool concept, other;   /* a skos:Concept; a Collection or ConceptScheme */
	const char *label;     /* chosen prefLabel (or rdfs:label), or NULL */
	size_t first, n;       /* its triples in the sorted order */
} subject;

typedef struct skos_reader {
	gg_i_source *src;
	SerdEnv *env;
	gg_i_strmap by_iri;      /* iri -> subject index */
	subject *subjects;
	size_t n_subjects, cap_subjects;
	triple *triples;
	size_t n_triples, cap_triples;
	size_t scan;           /* where the last subject was found in the text */
	char error[300];       /* serd's first error */
	unsigned error_line, error_col;
	int err;
} skos_reader;

/* Note a prefixed name whose prefix was never declared, where it is written. */
static void undeclared(skos_reader *r, const SerdNode *n)
{
	if (r->error[0])
		return;
	const char *t = r->src->text, *hit = strstr(t + r->scan, (const char *)n->buf);
	size_t at = hit ? (size_t)(hit - t) : r->scan;
	r->error_line = gg_i_source_line(r->src, at);
	r->error_col = (unsigned)(at - r->src->lines[r->error_line - 1] + 1);
	snprintf(r->error, sizeof(r->error), "undeclared prefix in '%.100s'", (const char *)n->buf);
}

/*
 * The node's text with prefixed names expanded (an undeclared prefix is
 * noted as the file's error); arena copy, NULL when out of memory.
 */
static const char *node_text(skos_reader *r, const SerdNode *n)
{
	gg_i_arena *a = &r->src->g->arena;
	if (n->type == SERD_CURIE) {
		SerdNode full = serd_env_expand_node(r->env, n);
		if (full.buf) {
			char *s = gg_i_arena_strndup(a, (const char *)full.buf, full.n_bytes);
			serd_node_free(&full);
			return s;
		}
		undeclared(r, n);
	}
	return gg_i_arena_strndup(a, (const char *)n->buf, n->n_bytes);
}

/* The first place at or after `from` where `form` opens a line (after blanks), or NULL. */
static const char *line_opening(const char *t, size_t from, const char *form)
{
	for (const char *hit = strstr(t + from, form); hit; hit = strstr(hit + 1, form)) {
		const char *p = hit;
		while (p > t && (p[-1] == ' ' || p[-1] == '\t'))
			p--;
		if (p == t || p[-1] == '\n' || p[-1] == '\r')
			return hit;
	}
	return NULL;
}

/*
 * The line where a subject written as `written` opens its statements:
 * serd gives no positions, so the text is searched on from the last one
 * (a blank node, or a subject not found, takes the last one's line).
 */
static uint32_t subject_line(skos_reader *r, const SerdNode *written)
{
	const char *t = r->src->text;
	char form[512];
	int n = snprintf(form, sizeof(form), written->type == SERD_URI ? "<%s>" : "%s", (const char *)written->buf);
	const char *hit = NULL;
	/* statements come in the order of the text: search on from the last subject */
	if (written->type != SERD_BLANK && n > 0 && (size_t)n < sizeof(form) &&
	    (hit = line_opening(t, r->scan, form)))
		r->scan = (size_t)(hit - t);
	return gg_i_source_line(r->src, hit ? (size_t)(hit - t) : r->scan);
}

static bool predicate_of(const char *iri, predicate *out)
{
	static const struct {
		const char *iri;
		predicate p;
	} known[] = {
		{ SKOS "prefLabel", P_PREF }, { SKOS "altLabel", P_ALT }, { SKOS "hiddenLabel", P_HIDDEN },
		{ SKOS "definition", P_DEFINITION }, { SKOS "related", P_RELATED },
		{ SKOS "broader", P_BROADER }, { SKOS "narrower", P_NARROWER },
		{ SKOS "member", P_MEMBER }, { RDF_TYPE, P_TYPE }, { RDFS_LABEL, P_LABEL },
	};
	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++)
		if (strcmp(iri, known[i].iri) == 0) {
			*out = known[i].p;
			return true;
		}
	return false;
}

/* The index of the subject named `iri`, added when new. */
static int subject_index(skos_reader *r, const char *iri, const SerdNode *written, uint32_t *out)
{
	uint32_t n = (uint32_t)r->n_subjects;
	int added = gg_i_strmap_put(&r->by_iri, iri, n, out);
	if (added < 0)
		return GG_ENOMEM;
	if (!added)
		return 0;
	if (GG_ARRAY_PUSH_SLOT(r->subjects, r->n_subjects, r->cap_subjects))
		return GG_ENOMEM;
	r->subjects[r->n_subjects++] = (subject){ iri, written ? subject_line(r, written) : 0, false, false, NULL, 0, 0 };
	return 0;
}

static SerdStatus on_prefix(void *handle, const SerdNode *name, const SerdNode *uri)
{
	skos_reader *r = handle;
	return serd_env_set_prefix(r->env, name, uri);
}

static SerdStatus on_base(void *handle, const SerdNode *uri)
{
	skos_reader *r = handle;
	return serd_env_set_base_uri(r->env, uri);
}

static SerdStatus on_statement(void *handle, SerdStatementFlags flags, const SerdNode *graph,
			       const SerdNode *subj, const SerdNode *pred, const SerdNode *obj,
			       const SerdNode *datatype, const SerdNode *lang)
{
	(void)flags;
	(void)graph;
	(void)datatype;
	skos_reader *r = handle;
	const char *p = node_text(r, pred);
	predicate kind;
	if (!p) {
		r->err = gg_i_error_oom();
		return SERD_FAILURE;
	}
	if (!predicate_of(p, &kind))
		return SERD_SUCCESS; /* mention links and other statements are not read back */
	const char *s = node_text(r, subj), *o = node_text(r, obj);
	const char *l = lang ? gg_i_arena_strndup(&r->src->g->arena, (const char *)lang->buf, lang->n_bytes) : "";
	uint32_t si;
	if (!s || !o || !l || subject_index(r, s, subj, &si) ||
	    GG_ARRAY_PUSH_SLOT(r->triples, r->n_triples, r->cap_triples)) {
		r->err = gg_i_error_oom();
		return SERD_FAILURE;
	}
	r->triples[r->n_triples++] = (triple){ si, kind, o, obj->type == SERD_LITERAL ? obj->n_bytes : strlen(o), l };
	if (kind == P_TYPE) {
		subject *sub = &r->subjects[si];
		sub->concept |= strcmp(o, SKOS "Concept") == 0;
		sub->other |= strcmp(o, SKOS "Collection") == 0 || strcmp(o, SKOS "ConceptScheme") == 0 ||
			      strcmp(o, SKOS "OrderedCollection") == 0;
	}
	return SERD_SUCCESS;
}

static SerdStatus on_error(void *handle, const SerdError *e)
{
	skos_reader *r = handle;
	if (r->error[0])
		return SERD_SUCCESS;
	va_list args;
	va_copy(args, *e->args);
	/* serd hands over its own printf format with its arguments */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(r->error, sizeof(r->error), e->fmt, args);
#pragma GCC diagnostic pop
	va_end(args);
	r->error[strcspn(r->error, "\n")] = '\0';
	if (!r->error[0])
		snprintf(r->error, sizeof(r->error), "invalid Turtle");
	r->error_line = e->line;
	r->error_col = e->col;
	return SERD_SUCCESS;
}

/* Whether a label's language is preferred: none, or English. */
static bool preferred_lang(const char *lang)
{
	return !*lang || gg_i_strcasecmp(lang, "en") == 0 || strncasecmp(lang, "en-", 3) == 0;
}

/*
 * Whether triple t of subject s is one to read: untagged or English labels
 * when the subject has one of that predicate, else those in the language
 * of its first.
 */
static bool chosen(const skos_reader *r, const subject *s, const triple *t)
{
	const triple *first = NULL;
	for (size_t i = s->first; i < s->first + s->n; i++) {
		const triple *u = &r->triples[i];
		if (u->pred != t->pred)
			continue;
		if (preferred_lang(u->lang))
			return preferred_lang(t->lang);
		if (!first)
			first = u;
	}
	return first && strcmp(first->lang, t->lang) == 0;
}

/* The part of an IRI after its last '#' or '/', for things without a label. */
static const char *local_name(const char *iri)
{
	const char *hash = strrchr(iri, '#'), *slash = strrchr(iri, '/');
	const char *cut = hash > slash ? hash : slash;
	return cut && cut[1] ? cut + 1 : iri;
}

/* Order the triples by subject (keeping their order) and choose each subject's label. */
static int organise(skos_reader *r)
{
	/* counting sort: stable, O(n) */
	size_t *start = calloc(r->n_subjects + 1, sizeof(*start));
	triple *sorted = malloc((r->n_triples ? r->n_triples : 1) * sizeof(*sorted));
	if (!start || !sorted) {
		free(start);
		free(sorted);
		return gg_i_error_oom();
	}
	for (size_t i = 0; i < r->n_triples; i++)
		start[r->triples[i].subject + 1]++;
	for (size_t s = 0; s < r->n_subjects; s++) {
		start[s + 1] += start[s];
		r->subjects[s].first = start[s];
		r->subjects[s].n = start[s + 1] - start[s];
	}
	for (size_t i = 0; i < r->n_triples; i++)
		sorted[start[r->triples[i].subject]++] = r->triples[i];
	free(start);
	free(r->triples);
	r->triples = sorted;
	r->cap_triples = r->n_triples;
	for (size_t s = 0; s < r->n_subjects; s++) {
		subject *sub = &r->subjects[s];
		for (int pass = 0; pass < 2 && !sub->label; pass++)
			for (size_t i = sub->first; i < sub->first + sub->n && !sub->label; i++) {
				const triple *t = &r->triples[i];
				if (t->pred == (pass ? P_LABEL : P_PREF) && chosen(r, sub, t))
					sub->label = t->object;
			}
	}
	return 0;
}

/* A label that abbreviates the term ("NAS" of "Neural Architecture Search"). */
static bool abbreviates(const char *label, const char *term)
{
	bool upper = false;
	for (const char *p = label; *p; p++) {
		if (*p == ' ')
			return false;
		upper |= (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
	}
	return upper && term && gg_i_name_is_abbrev_of(label, strlen(label), term, strlen(term));
}

static int read_concept(skos_reader *r, size_t s)
{
	const subject *sub = &r->subjects[s];
	gg_i_record rec;
	int err = 0;
	gg_i_record_init(&rec, r->src, 0);
	rec.line = sub->line ? sub->line : 1;
	rec.keep_undefined = true; /* vocabularies often define few of their concepts */
	if (sub->label)
		gg_i_record_name(&rec, sub->label, strlen(sub->label));
	for (size_t i = sub->first; i < sub->first + sub->n && !err; i++) {
		const triple *t = &r->triples[i];
		if ((t->pred == P_ALT || t->pred == P_HIDDEN) && chosen(r, sub, t)) {
			if (abbreviates(t->object, sub->label))
				gg_i_record_abbrev(&rec, t->object, t->object_len);
			else
				gg_i_record_name(&rec, t->object, t->object_len);
		} else if (t->pred == P_DEFINITION && chosen(r, sub, t)) {
			gg_i_record_text(&rec, "\n", 1, SIZE_MAX);
			gg_i_record_text(&rec, t->object, t->object_len, SIZE_MAX);
		} else if (t->pred == P_RELATED || t->pred == P_BROADER || t->pred == P_NARROWER) {
			uint32_t o;
			const char *target = gg_i_strmap_get(&r->by_iri, t->object, &o) && r->subjects[o].label
				? r->subjects[o].label : local_name(t->object);
			err = gg_i_record_xref(&rec, target, strlen(target), rec.definition.len);
		}
	}
	/* the collections it is a member of, in the order they say so */
	for (size_t c = 0; c < r->n_subjects && !err; c++) {
		const subject *col = &r->subjects[c];
		for (size_t i = col->first; i < col->first + col->n; i++) {
			const triple *t = &r->triples[i];
			uint32_t member;
			if (t->pred == P_MEMBER && gg_i_strmap_get(&r->by_iri, t->object, &member) && member == s) {
				const char *name = col->label ? col->label : local_name(col->iri);
				gg_i_record_category(&rec, name, strlen(name));
			}
		}
	}
	if (!err)
		err = gg_i_record_finish(&rec);
	gg_i_record_free(&rec);
	return err;
}

int gg_i_read_skos(gg_glossary *g, const char *name, char *data, size_t len)
{
	gg_i_source src;
	skos_reader r;
	memset(&r, 0, sizeof(r));
	SerdReader *reader = NULL;
	int err = gg_i_source_open(&src, g, name, data, len);
	r.src = &src;
	if (err)
		goto cleanup;
	if (!(r.env = serd_env_new(NULL)) ||
	    !(reader = serd_reader_new(SERD_TURTLE, &r, NULL, on_base, on_prefix, on_statement, NULL))) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	serd_reader_set_error_sink(reader, on_error, &r);
	SerdStatus st = serd_reader_read_string(reader, (const uint8_t *)src.text);
	if (r.err) {
		err = r.err;
		goto cleanup;
	}
	if (st > SERD_FAILURE || r.error[0]) {
		err = gg_i_source_fail(&src, r.error_line, "column %u: %s", r.error_col,
				       r.error[0] ? r.error : "invalid Turtle");
		goto cleanup;
	}
	if ((err = organise(&r)))
		goto cleanup;
	size_t before = g->n_entries;
	for (size_t s = 0; s < r.n_subjects && !err; s++) {
		const subject *sub = &r.subjects[s];
		bool defined = false;
		for (size_t i = sub->first; i < sub->first + sub->n; i++)
			defined |= r.triples[i].pred == P_DEFINITION;
		if (sub->concept || (defined && !sub->other))
			err = read_concept(&r, s);
	}
	if (!err && g->n_entries == before)
		err = gg_i_glossary_warn(g, name, 0, "%s", src.len ? "no skos:Concept in this file" : "empty file");
cleanup:
	serd_reader_free(reader);
	serd_env_free(r.env);
	gg_i_strmap_free(&r.by_iri);
	free(r.subjects);
	free(r.triples);
	gg_i_source_close(&src);
	return err;
}
