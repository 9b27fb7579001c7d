/*
 * skos.c - reader for SKOS vocabularies, in Turtle or N-Triples (parsed
 * with serd), in RDF/XML (rdfxml.c) or in JSON-LD (jsonld.c): each
 * skos:Concept is an entry
 * (prefLabel, altLabel/hiddenLabel, definition), collections it is a member
 * of are its categories, and skos:related, broader and narrower are editor
 * links.
 */
#include "read/read.h"
#include "core/error.h"
#include "core/text.h"
#include "model/names.h"
#include "read/rdf.h"

#include <serd/serd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
/* glossgraph's own vocabulary, as `export skos` writes it (src/export/skos.c) */
#define GG_NODE_KIND "https://glossgraph.example/ns#nodeKind"

typedef enum predicate {
	P_PREF, P_ALT, P_HIDDEN, P_DEFINITION, P_RELATED, P_BROADER, P_NARROWER,
	P_MEMBER, P_TYPE, P_LABEL, P_NODE_KIND, N_PREDICATES
} predicate;

/* Which of a subject's statements of one predicate are read (see chosen()). */
typedef struct choice {
	bool preferred;         /* it has an untagged or English one: read those */
	const char *first_lang; /* else those in this language; NULL when none */
} choice;

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
	bool keyword;          /* a keyword node of `export skos` (gg:nodeKind "keyword") */
	const char *label;     /* chosen prefLabel (or rdfs:label), or NULL */
	size_t first, n;       /* its triples in the sorted order */
	size_t first_col, n_col; /* the collections it is a member of, in collections[] */
	choice choices[N_PREDICATES];
} subject;

typedef struct skos_reader {
	gg_i_source *src;
	SerdEnv *env;
	gg_i_strmap by_iri;      /* iri -> subject index */
	subject *subjects;
	size_t n_subjects, cap_subjects;
	triple *triples;
	size_t n_triples, cap_triples;
	uint32_t *collections; /* subject indices, grouped by member (subject.first_col) */
	size_t scan;           /* where the last subject was found in the text */
	gg_i_strmap openings;    /* the first word of a line -> the first line opening with it */
	uint32_t *next_opening; /* line -> the next line opening with the same word, UINT32_MAX: none */
	size_t *opening_at;    /* line -> where its first word starts */
	char *words;           /* those words, NUL-terminated: the keys of openings */
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

/*
 * Index the first word of every line (after blanks; "<...>" whole, else up
 * to white space), so that a subject's line is found without searching the
 * text. Returns 0 or GG_ENOMEM.
 */
static int index_openings(skos_reader *r)
{
	const gg_i_source *src = r->src;
	const char *t = src->text;
	size_t n = src->n_lines, w = 0;
	r->next_opening = malloc((n ? n : 1) * sizeof(*r->next_opening));
	r->opening_at = malloc((n ? n : 1) * sizeof(*r->opening_at));
	r->words = malloc(src->len + n + 1);
	if (!r->next_opening || !r->opening_at || !r->words)
		return gg_i_error_oom();
	for (size_t k = n; k-- > 0;) { /* backwards: each word's chain runs forwards */
		size_t p = src->lines[k], end;
		while (t[p] == ' ' || t[p] == '\t')
			p++;
		for (end = p; t[end] && !strchr(" \t\r\n", t[end]); end++)
			if (t[p] == '<' && t[end] == '>') {
				end++;
				break;
			}
		r->opening_at[k] = p;
		r->next_opening[k] = UINT32_MAX;
		if (end == p)
			continue;
		char *word = r->words + w;
		memcpy(word, t + p, end - p);
		word[end - p] = '\0';
		w += end - p + 1;
		uint32_t first;
		int added = gg_i_strmap_put(&r->openings, word, (uint32_t)k, &first);
		if (added < 0)
			return gg_i_error_oom();
		if (!added) {
			r->next_opening[k] = first;
			gg_i_strmap_set(&r->openings, word, (uint32_t)k);
		}
	}
	return 0;
}

/*
 * The line where a subject written as `written` opens its statements:
 * serd gives no positions, so the first line at or after the last
 * subject's that opens with it is taken (a blank node, or a subject not
 * found, takes the last one's line).
 */
static uint32_t subject_line(skos_reader *r, const SerdNode *written)
{
	char form[512];
	int n = snprintf(form, sizeof(form), written->type == SERD_URI ? "<%s>" : "%s", (const char *)written->buf);
	uint32_t k;
	if (written->type != SERD_BLANK && n > 0 && (size_t)n < sizeof(form) &&
	    gg_i_strmap_get(&r->openings, form, &k)) {
		while (k != UINT32_MAX && r->opening_at[k] < r->scan)
			k = r->next_opening[k];
		if (k != UINT32_MAX)
			r->scan = r->opening_at[k];
	}
	return gg_i_source_line(r->src, r->scan);
}

/* Whether iri is a predicate the reader keeps; its kind in *out. */
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
		{ GG_NODE_KIND, P_NODE_KIND },
	};
	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++)
		if (strcmp(iri, known[i].iri) == 0) {
			*out = known[i].p;
			return true;
		}
	return false;
}

/* The index of the subject named `iri`, added when new: its line where
 * `written` opens it in Turtle (subject_line), else `line`. */
static int subject_index(skos_reader *r, const char *iri, const SerdNode *written, uint32_t line,
			 uint32_t *out)
{
	uint32_t n = (uint32_t)r->n_subjects;
	int added = gg_i_strmap_put(&r->by_iri, iri, n, out);
	if (added < 0)
		return GG_ENOMEM;
	if (!added)
		return 0;
	if (GG_ARRAY_PUSH_SLOT(r->subjects, r->n_subjects, r->cap_subjects))
		return GG_ENOMEM;
	subject *sub = &r->subjects[r->n_subjects++];
	memset(sub, 0, sizeof(*sub));
	sub->iri = iri;
	sub->line = written ? subject_line(r, written) : line;
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

/*
 * The kind of the predicate node pred in *out, false when it is one not read
 * (nothing is copied then); an undeclared prefix is noted as the file's error.
 * GG_ENOMEM sets r->err.
 */
static bool kept_predicate(skos_reader *r, const SerdNode *pred, predicate *out)
{
	if (pred->type != SERD_CURIE)
		return predicate_of((const char *)pred->buf, out);
	SerdNode full = serd_env_expand_node(r->env, pred);
	if (!full.buf) {
		undeclared(r, pred);
		return false;
	}
	bool kept = predicate_of((const char *)full.buf, out);
	serd_node_free(&full);
	return kept;
}

/*
 * Keep a statement of a predicate the reader reads: subject s (written as
 * `written` in Turtle, else opened at `line`), object o of o_len bytes in
 * language l ("" untagged); the strings are the arena's. 0 or GG_ENOMEM.
 */
static int keep_triple(skos_reader *r, const char *s, predicate kind, const char *o, size_t o_len,
		       const char *l, const SerdNode *written, uint32_t line)
{
	uint32_t si;
	if (subject_index(r, s, written, line, &si) || GG_ARRAY_PUSH_SLOT(r->triples, r->n_triples, r->cap_triples))
		return gg_i_error_oom();
	r->triples[r->n_triples++] = (triple){ si, kind, o, o_len, l };
	if (kind == P_TYPE) {
		subject *sub = &r->subjects[si];
		sub->concept |= strcmp(o, SKOS "Concept") == 0;
		sub->other |= strcmp(o, SKOS "Collection") == 0 || strcmp(o, SKOS "ConceptScheme") == 0 ||
			      strcmp(o, SKOS "OrderedCollection") == 0;
	}
	if (kind == P_NODE_KIND)
		r->subjects[si].keyword |= strcmp(o, "keyword") == 0;
	return 0;
}

/*
 * serd's statement sink: keeps a statement of a known predicate as a triple.
 * SERD_FAILURE with r->err set when out of memory.
 */
static SerdStatus on_statement(void *handle, SerdStatementFlags flags, const SerdNode *graph,
			       const SerdNode *subj, const SerdNode *pred, const SerdNode *obj,
			       const SerdNode *datatype, const SerdNode *lang)
{
	(void)flags;
	(void)graph;
	(void)datatype;
	skos_reader *r = handle;
	predicate kind;
	if (!kept_predicate(r, pred, &kind))
		return SERD_SUCCESS; /* mention links and other statements are not read back */
	const char *s = node_text(r, subj), *o = node_text(r, obj);
	const char *l = lang ? gg_i_arena_strndup(&r->src->g->arena, (const char *)lang->buf, lang->n_bytes) : "";
	if (!s || !o || !l ||
	    keep_triple(r, s, kind, o, obj->type == SERD_LITERAL ? obj->n_bytes : strlen(o), l, subj, 0)) {
		r->err = gg_i_error_oom();
		return SERD_FAILURE;
	}
	return SERD_SUCCESS;
}

/* The statement sink of rdfxml.c and jsonld.c: keeps a statement of a known predicate as a triple. 0 or GG_ENOMEM. */
static int on_rdf_statement(const gg_i_rdf_statement *st, void *payload)
{
	skos_reader *r = payload;
	gg_i_arena *a = &r->src->g->arena;
	predicate kind;
	if (!predicate_of(st->predicate, &kind))
		return 0;
	const char *s = gg_i_arena_strdup(a, st->subject), *o = gg_i_arena_strndup(a, st->object, st->object_len),
		   *l = gg_i_arena_strdup(a, st->lang);
	if (!s || !o || !l)
		return gg_i_error_oom();
	return keep_triple(r, s, kind, o, st->object_len, l, NULL, st->line);
}

/*
 * Whether the text is RDF/XML rather than Turtle: it opens with an XML
 * declaration, a comment or DOCTYPE, or with an element that declares a
 * namespace ("<rdf:RDF xmlns:rdf=..."); Turtle and N-Triples may open with
 * an IRI ("<http://...>", "<urn:x>").
 */
static bool is_rdf_xml(const char *t)
{
	if (strncmp(t, "\xEF\xBB\xBF", 3) == 0)
		t += 3;
	while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
		t++;
	if (t[0] != '<')
		return false;
	if (t[1] == '?' || t[1] == '!')
		return true;
	size_t n = strcspn(t + 1, " \t\r\n>");
	if (!strchr(" \t\r\n", t[1 + n]))
		return false; /* "<iri>": no attributes, so no namespace declared */
	const char *close = strchr(t, '>');
	const char *xmlns = strstr(t, "xmlns");
	return xmlns && (!close || xmlns < close);
}

/* serd's error sink: keeps the first error's message and place for the report. */
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
static bool chosen(const subject *s, const triple *t)
{
	const choice *c = &s->choices[t->pred];
	if (c->preferred)
		return preferred_lang(t->lang);
	return c->first_lang && strcmp(c->first_lang, t->lang) == 0;
}

/* Fill in each predicate's choice of sub from its triples, in one pass. */
static void choose_languages(const skos_reader *r, subject *sub)
{
	for (size_t i = sub->first; i < sub->first + sub->n; i++) {
		const triple *t = &r->triples[i];
		choice *c = &sub->choices[t->pred];
		c->preferred |= preferred_lang(t->lang);
		if (!c->first_lang)
			c->first_lang = t->lang;
	}
}

/*
 * Group the collections each subject is a member of by member (counting
 * sort over the skos:member triples, kept in their order). 0 or GG_ENOMEM.
 */
static int index_members(skos_reader *r)
{
	size_t n = 0;
	uint32_t member;
	for (size_t i = 0; i < r->n_triples; i++) {
		const triple *t = &r->triples[i];
		if (t->pred == P_MEMBER && gg_i_strmap_get(&r->by_iri, t->object, &member)) {
			r->subjects[member].n_col++;
			n++;
		}
	}
	if (!(r->collections = malloc((n ? n : 1) * sizeof(*r->collections))))
		return gg_i_error_oom();
	for (size_t s = 0, at = 0; s < r->n_subjects; s++) {
		r->subjects[s].first_col = at;
		at += r->subjects[s].n_col;
		r->subjects[s].n_col = 0;
	}
	for (size_t i = 0; i < r->n_triples; i++) {
		const triple *t = &r->triples[i];
		if (t->pred == P_MEMBER && gg_i_strmap_get(&r->by_iri, t->object, &member)) {
			subject *m = &r->subjects[member];
			r->collections[m->first_col + m->n_col++] = t->subject;
		}
	}
	return 0;
}

/* The part of an IRI after its last '#' or '/', for things without a label. */
static const char *local_name(const char *iri)
{
	const char *hash = strrchr(iri, '#'), *slash = strrchr(iri, '/');
	const char *cut = hash > slash ? hash : slash;
	return cut && cut[1] ? cut + 1 : iri;
}

/*
 * Order the triples by subject (keeping their order), choose each subject's
 * languages and label, and index memberships. 0 or GG_ENOMEM.
 */
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
		choose_languages(r, sub);
		for (int pass = 0; pass < 2 && !sub->label; pass++)
			for (size_t i = sub->first; i < sub->first + sub->n && !sub->label; i++) {
				const triple *t = &r->triples[i];
				if (t->pred == (pass ? P_LABEL : P_PREF) && chosen(sub, t))
					sub->label = t->object;
			}
	}
	return index_members(r);
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

/* Add subject s as an entry of the glossary: 0, or the error of adding it. */
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
		if ((t->pred == P_ALT || t->pred == P_HIDDEN) && chosen(sub, t)) {
			if (abbreviates(t->object, sub->label))
				gg_i_record_abbrev(&rec, t->object, t->object_len);
			else
				gg_i_record_name(&rec, t->object, t->object_len);
		} else if (t->pred == P_DEFINITION && chosen(sub, t)) {
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
	for (size_t i = sub->first_col; i < sub->first_col + sub->n_col && !err; i++) {
		const subject *col = &r->subjects[r->collections[i]];
		const char *name = col->label ? col->label : local_name(col->iri);
		gg_i_record_category(&rec, name, strlen(name));
	}
	if (!err)
		err = gg_i_record_finish(&rec);
	gg_i_record_free(&rec);
	return err;
}

/* The statements of the Turtle text into r. 0, GG_ENOMEM, or GG_EINPUT with the file failed. */
static int read_turtle(skos_reader *r)
{
	SerdReader *reader = NULL;
	int err = index_openings(r);
	if (!err && (!(r->env = serd_env_new(NULL)) ||
		     !(reader = serd_reader_new(SERD_TURTLE, r, NULL, on_base, on_prefix, on_statement, NULL))))
		err = gg_i_error_oom();
	if (!err) {
		serd_reader_set_error_sink(reader, on_error, r);
		SerdStatus st = serd_reader_read_string(reader, (const uint8_t *)r->src->text);
		if (r->err)
			err = r->err;
		else if (st > SERD_FAILURE || r->error[0])
			err = gg_i_source_fail(r->src, r->error_line, "column %u: %s", r->error_col,
					       r->error[0] ? r->error : "invalid Turtle");
	}
	serd_reader_free(reader);
	return err;
}

/* The statements of the RDF/XML text into r. 0, GG_ENOMEM, or GG_EINPUT with the file failed. */
static int read_xml(skos_reader *r)
{
	uint32_t line = 0;
	char message[300];
	int err = gg_i_read_rdfxml(r->src->text, r->src->len, r->src->name, on_rdf_statement, r, &line, message,
				   sizeof(message));
	return err == GG_EINPUT ? gg_i_source_fail(r->src, line, "invalid RDF/XML: %s", message) : err;
}

/* The statements of the JSON-LD text into r. 0, GG_ENOMEM, or GG_EINPUT with the file failed. */
static int read_json_ld(skos_reader *r)
{
	uint32_t line = 0;
	char message[300];
	int err = gg_i_read_jsonld(r->src->text, r->src->len, on_rdf_statement, r, &line, message, sizeof(message));
	return err == GG_EINPUT ? gg_i_source_fail(r->src, line, "invalid JSON-LD: %s", message) : err;
}

/* Whether the text is JSON (JSON-LD): it opens with '{', '[' or a string, as Turtle never does. */
static bool is_json(const char *t)
{
	if (strncmp(t, "\xEF\xBB\xBF", 3) == 0)
		t += 3;
	t += strspn(t, " \t\r\n");
	return *t == '{' || *t == '[' || *t == '"';
}

int gg_i_read_skos(gg_glossary *g, const char *name, char *data, size_t len)
{
	gg_i_source src;
	skos_reader r;
	memset(&r, 0, sizeof(r));
	int err = gg_i_source_open(&src, g, name, data, len);
	r.src = &src;
	if (err || (err = is_json(src.text) ? read_json_ld(&r) : is_rdf_xml(src.text) ? read_xml(&r) : read_turtle(&r)))
		goto cleanup;
	if ((err = organise(&r)))
		goto cleanup;
	size_t before = g->n_entries;
	for (size_t s = 0; s < r.n_subjects && !err; s++) {
		const subject *sub = &r.subjects[s];
		bool defined = false;
		for (size_t i = sub->first; i < sub->first + sub->n; i++)
			defined |= r.triples[i].pred == P_DEFINITION;
		/* keyword nodes (header items that name no term) are no terms: left out */
		if (!sub->keyword && (sub->concept || (defined && !sub->other)))
			err = read_concept(&r, s);
	}
	if (!err && g->n_entries == before)
		err = gg_i_glossary_warn(g, name, 0, "%s", src.len ? "no skos:Concept in this file" : "empty file");
cleanup:
	serd_env_free(r.env);
	gg_i_strmap_free(&r.by_iri);
	free(r.subjects);
	free(r.triples);
	free(r.collections);
	free(r.next_opening);
	free(r.opening_at);
	free(r.words);
	gg_i_strmap_free(&r.openings);
	gg_i_source_close(&src);
	return err;
}
