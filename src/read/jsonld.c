/* jsonld.c - JSON-LD read into statements with jansson (see rdf.h): node objects under inline contexts. */
#include "read/rdf.h"
#include "core/buf.h"
#include "core/error.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
/* How deep node objects nest, and how many contexts one node stacks, before the rest is passed over. */
#define MAX_DEPTH 64
#define MAX_CONTEXTS 8
/* How many steps a term may take through other terms to its IRI. */
#define MAX_EXPANSION 8

/* The context in force: an inline context object over the one around it. */
typedef struct context {
	const struct context *outer;
	json_t *local; /* a context object; NULL at the top */
} context;

/* An object of the parsed document and the line where its '{' stands. */
typedef struct object_line {
	const json_t *object;
	uint32_t line;
} object_line;

typedef struct jsonld_reader {
	object_line *lines; /* every object of the document, sorted by address */
	size_t n_lines;
	unsigned blanks;    /* blank nodes named so far */
	gg_i_rdf_sink sink;
	void *payload;
	int err;
} jsonld_reader;

/* The definition of `key` in c, the innermost first; NULL when none defines it. */
static json_t *definition(const context *c, const char *key)
{
	for (; c; c = c->outer) {
		json_t *d = c->local ? json_object_get(c->local, key) : NULL;
		if (d)
			return d;
	}
	return NULL;
}

/* The string a context keyword ("@vocab", "@base", "@language") is set to in c, or NULL. */
static const char *setting(const context *c, const char *keyword)
{
	json_t *v = definition(c, keyword);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The IRI a term definition maps to: the string, or its "@id"; NULL for none. */
static const char *mapped_iri(json_t *def)
{
	if (json_is_string(def))
		return json_string_value(def);
	json_t *id = json_is_object(def) ? json_object_get(def, "@id") : NULL;
	return json_is_string(id) ? json_string_value(id) : NULL;
}

/*
 * Append to out `ref` resolved against the IRI `base` as RFC 3986 has it
 * for the references documents write: "#frag", "/path", "name", or
 * "../name" (taken as "name"); an absolute IRI (a scheme before any '/')
 * or a base without "//" as it is.
 */
static void resolve(const char *base, const char *ref, gg_i_buf *out)
{
	const char *authority = strstr(base, "//");
	size_t scheme = strcspn(ref, ":/?#");
	if (!authority || ref[scheme] == ':' || strncmp(ref, "//", 2) == 0) {
		gg_i_buf_puts(out, ref);
		return;
	}
	size_t keep;
	if (ref[0] == '#')
		keep = strcspn(base, "#");
	else if (ref[0] == '/')
		keep = (size_t)(authority - base) + 2 + strcspn(authority + 2, "/?#");
	else {
		size_t path_end = strcspn(base, "?#");
		keep = path_end;
		while (keep > (size_t)(authority - base) + 2 && base[keep - 1] != '/')
			keep--;
		if (keep == (size_t)(authority - base) + 2) { /* "http://host" + "name": "http://host/name" */
			gg_i_buf_put(out, base, path_end);
			gg_i_buf_putc(out, '/');
			keep = 0;
		}
		while (strncmp(ref, "./", 2) == 0 || strncmp(ref, "../", 3) == 0)
			ref += ref[1] == '/' ? 2 : 3;
	}
	if (keep)
		gg_i_buf_put(out, base, keep);
	gg_i_buf_puts(out, ref);
}

/*
 * Append to out the IRI that `value` stands for in c: a term's mapping
 * (`vocab`: where terms and "@vocab" apply, as for properties and types),
 * a compact IRI's prefix expanded ("skos:prefLabel"), a relative "@id"
 * resolved against "@base", or the value itself (a full IRI, a keyword,
 * "_:b0"). False when it stands for none: a term mapped to null, or
 * mappings that go round (then out holds nothing new to use).
 */
static bool expand(const context *c, const char *value, bool vocab, gg_i_buf *out, int steps)
{
	if (steps > MAX_EXPANSION)
		return false;
	json_t *def = vocab && value[0] != '@' ? definition(c, value) : NULL;
	if (json_is_null(def) || (json_is_object(def) && json_is_null(json_object_get(def, "@id"))))
		return false;
	const char *mapped = mapped_iri(def);
	if (mapped && strcmp(mapped, value) != 0)
		return expand(c, mapped, true, out, steps + 1);
	const char *colon = strchr(value, ':');
	if (colon && colon > value && strncmp(colon + 1, "//", 2) != 0) {
		char prefix[128];
		size_t n = (size_t)(colon - value);
		const char *iri = NULL;
		if (n < sizeof(prefix)) {
			memcpy(prefix, value, n);
			prefix[n] = '\0';
			iri = mapped_iri(definition(c, prefix));
		}
		if (iri) {
			if (!expand(c, iri, true, out, steps + 1))
				return false;
			gg_i_buf_puts(out, colon + 1);
			return true;
		}
	}
	const char *vocabulary = vocab ? setting(c, "@vocab") : NULL, *base = vocab ? NULL : setting(c, "@base");
	if (!colon && value[0] != '@' && vocabulary)
		gg_i_buf_puts(out, vocabulary);
	if (!colon && value[0] != '@' && base)
		resolve(base, value, out);
	else
		gg_i_buf_puts(out, value);
	return true;
}

/*
 * Append to out the name of the node `value` (an "@id") names in c: its
 * IRI, or a blank node of the document as "_:d..." (the reader's own blank
 * nodes are "_:g...", so the two never meet).
 */
static bool node_name(const context *c, const char *value, gg_i_buf *out)
{
	if (strncmp(value, "_:", 2) == 0) {
		gg_i_buf_puts(out, "_:d");
		gg_i_buf_puts(out, value + 2);
		return true;
	}
	return expand(c, value, false, out, 0);
}

/* The keyword `key` stands for in c ("@id" for "id": "@id"), or key itself. */
static const char *keyword_of(const context *c, const char *key)
{
	if (key[0] == '@')
		return key;
	json_t *def = definition(c, key);
	return json_is_string(def) && json_string_value(def)[0] == '@' ? json_string_value(def) : key;
}

static int compare_objects(const void *x, const void *y)
{
	const json_t *a = ((const object_line *)x)->object, *b = ((const object_line *)y)->object;
	return a < b ? -1 : a > b;
}

/*
 * Number the objects under v in the order their '{' stand in the text (a
 * depth-first walk: jansson keeps an object's members in the order they
 * were read), giving each the line of the next '{' of *at (the offsets of
 * every '{' outside strings, in order). Past MAX_DEPTH they keep none.
 */
static void number_objects(jsonld_reader *r, const json_t *v, const uint32_t *at, size_t n_at, size_t *k,
			   int depth)
{
	size_t i;
	const char *key;
	json_t *item;
	if (depth > MAX_DEPTH)
		return;
	if (json_is_object(v)) {
		if (*k < n_at)
			r->lines[r->n_lines++] = (object_line){ v, at[*k] };
		++*k;
		json_object_foreach((json_t *)v, key, item)
			number_objects(r, item, at, n_at, k, depth + 1);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, item)
			number_objects(r, item, at, n_at, k, depth + 1);
	}
}

/*
 * The line of every object of root, from one pass over the text (JSON
 * keeps no positions): r->lines sorted by address for node_line. 0 or
 * GG_ENOMEM.
 */
static int index_lines(jsonld_reader *r, const json_t *root, const char *text, size_t len)
{
	uint32_t *at = NULL, line = 1;
	size_t n_at = 0, cap = 0, k = 0;
	bool quoted = false;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == '\n')
			line++;
		else if (quoted && c == '\\')
			i += i + 1 < len && text[i + 1] != '\n';
		else if (c == '"')
			quoted = !quoted;
		else if (c == '{' && !quoted) {
			if (GG_ARRAY_PUSH_SLOT(at, n_at, cap)) {
				free(at);
				return gg_i_error_oom();
			}
			at[n_at++] = line;
		}
	}
	r->lines = malloc((n_at ? n_at : 1) * sizeof(*r->lines));
	if (r->lines)
		number_objects(r, root, at, n_at, &k, 0);
	free(at);
	if (!r->lines)
		return gg_i_error_oom();
	qsort(r->lines, r->n_lines, sizeof(*r->lines), compare_objects);
	return 0;
}

/* The line where node object o opens; 0 when unknown. */
static uint32_t node_line(const jsonld_reader *r, const json_t *o)
{
	object_line key = { o, 0 };
	const object_line *hit = bsearch(&key, r->lines, r->n_lines, sizeof(*r->lines), compare_objects);
	return hit ? hit->line : 0;
}

/* Hand one statement to the sink; object[0, n) is a literal when `literal`. */
static void emit(jsonld_reader *r, const char *subject, const char *predicate, const char *object, size_t n,
		 bool literal, const char *lang, uint32_t line)
{
	if (r->err)
		return;
	gg_i_rdf_statement st = { subject, predicate, object, n, literal, lang ? lang : "", line };
	r->err = r->sink(&st, r->payload);
}

static void node(jsonld_reader *r, const context *outer, json_t *o, gg_i_buf *id_out, int depth);

/* Whether the term definition def's "@container" holds `kind` ("@language"), alone or in an array. */
static bool container_is(json_t *def, const char *kind)
{
	json_t *container = json_is_object(def) ? json_object_get(def, "@container") : NULL, *item;
	size_t i;
	if (json_is_string(container))
		return strcmp(json_string_value(container), kind) == 0;
	json_array_foreach(container, i, item)
		if (json_is_string(item) && strcmp(json_string_value(item), kind) == 0)
			return true;
	return false;
}

/*
 * The statements of property `predicate` of `subject` with value v: a
 * string, number or boolean (a literal in language `lang`, or an IRI where
 * the term's definition `def` says "@type": "@id"; a term typed otherwise
 * has no language), a value object (its own "@language" or none), a list
 * or set, a language map ("@none" for no language), or a node object (its
 * own statements, then the link to it).
 */
static void property_value(jsonld_reader *r, const context *c, const char *subject, const char *predicate,
			   json_t *def, json_t *v, const char *lang, uint32_t line, int depth)
{
	json_t *type = json_is_object(def) ? json_object_get(def, "@type") : NULL;
	json_t *def_lang = json_is_object(def) ? json_object_get(def, "@language") : NULL;
	char number[64];
	size_t i;
	json_t *item;
	const char *key;
	if (r->err || depth > MAX_DEPTH)
		return;
	if (json_is_string(def_lang))
		lang = json_string_value(def_lang);
	else if (json_is_null(def_lang) || json_is_string(type))
		lang = "";
	switch (json_typeof(v)) {
	case JSON_STRING:
		if (json_is_string(type) && (strcmp(json_string_value(type), "@id") == 0 ||
					     strcmp(json_string_value(type), "@vocab") == 0)) {
			gg_i_buf iri = GG_BUF_INIT;
			bool named = strcmp(json_string_value(type), "@vocab") == 0
					     ? expand(c, json_string_value(v), true, &iri, 0)
					     : node_name(c, json_string_value(v), &iri);
			if ((r->err = gg_i_buf_ok(&iri)) == 0 && named)
				emit(r, subject, predicate, iri.ptr, iri.len, false, "", line);
			gg_i_buf_free(&iri);
		} else {
			emit(r, subject, predicate, json_string_value(v), json_string_length(v), true, lang, line);
		}
		return;
	case JSON_INTEGER:
	case JSON_REAL:
		if (json_is_integer(v))
			snprintf(number, sizeof(number), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		else
			snprintf(number, sizeof(number), "%.17g", json_real_value(v));
		emit(r, subject, predicate, number, strlen(number), true, "", line);
		return;
	case JSON_TRUE:
	case JSON_FALSE:
		emit(r, subject, predicate, json_is_true(v) ? "true" : "false", json_is_true(v) ? 4 : 5, true, "", line);
		return;
	case JSON_ARRAY:
		json_array_foreach(v, i, item)
			property_value(r, c, subject, predicate, def, item, lang, line, depth + 1);
		return;
	case JSON_NULL:
		return;
	case JSON_OBJECT:
		break;
	}
	json_t *value = NULL, *list = NULL, *language = NULL;
	json_object_foreach(v, key, item) {
		const char *k = keyword_of(c, key);
		if (strcmp(k, "@value") == 0)
			value = item;
		else if (strcmp(k, "@list") == 0 || strcmp(k, "@set") == 0)
			list = item;
		else if (strcmp(k, "@language") == 0)
			language = item;
	}
	if (value) { /* a value object */
		json_t *plain = json_object(); /* the value alone, read as a literal (no coercion) */
		if (!plain) {
			r->err = gg_i_error_oom();
			return;
		}
		property_value(r, c, subject, predicate, plain, value,
			       json_is_string(language) ? json_string_value(language) : "", line, depth + 1);
		json_decref(plain);
	} else if (list) {
		property_value(r, c, subject, predicate, def, list, lang, line, depth + 1);
	} else if (container_is(def, "@language")) {
		json_object_foreach(v, key, item) /* a language map: language -> strings */
			property_value(r, c, subject, predicate, NULL, item, strcmp(key, "@none") == 0 ? "" : key, line,
				       depth + 1);
	} else {
		gg_i_buf id = GG_BUF_INIT;
		node(r, c, v, &id, depth + 1);
		if (!r->err && (r->err = gg_i_buf_ok(&id)) == 0)
			emit(r, subject, predicate, id.ptr, id.len, false, "", line);
		gg_i_buf_free(&id);
	}
}

/*
 * The statements of node object o under the context around it (its own
 * "@context" over it): "@type", every property, and the nodes of its
 * "@graph". Its name (its "@id" expanded, or a new blank node) into
 * id_out when not NULL.
 */
static void node(jsonld_reader *r, const context *outer, json_t *o, gg_i_buf *id_out, int depth)
{
	context stack[MAX_CONTEXTS];
	const context *c = outer;
	json_t *local = json_object_get(o, "@context"), *item, *v;
	size_t i, n = 0;
	const char *key;
	if (r->err || depth > MAX_DEPTH)
		return;
	if (json_is_object(local))
		stack[n++] = (context){ c, local };
	else if (json_is_array(local))
		json_array_foreach(local, i, item)
			if (json_is_object(item) && n < MAX_CONTEXTS) /* a remote context's IRI is not fetched */
				stack[n] = (context){ n ? &stack[n - 1] : c, item }, n++;
	c = n ? &stack[n - 1] : c;

	json_t *id = NULL, *types = NULL, *graph = NULL;
	json_object_foreach(o, key, v) {
		const char *k = keyword_of(c, key);
		if (strcmp(k, "@id") == 0)
			id = v;
		else if (strcmp(k, "@type") == 0)
			types = v;
		else if (strcmp(k, "@graph") == 0)
			graph = v;
	}
	gg_i_buf subject = GG_BUF_INIT, predicate = GG_BUF_INIT;
	if (!json_is_string(id) || !node_name(c, json_string_value(id), &subject)) {
		gg_i_buf_clear(&subject);
		gg_i_buf_printf(&subject, "_:g%u", r->blanks++);
	}
	uint32_t line = node_line(r, o);
	if ((r->err = gg_i_buf_ok(&subject)) != 0)
		goto done;
	for (i = 0; i < (json_is_array(types) ? json_array_size(types) : json_is_string(types)); i++) {
		json_t *t = json_is_array(types) ? json_array_get(types, i) : types;
		if (!json_is_string(t))
			continue;
		gg_i_buf_clear(&predicate);
		bool named = expand(c, json_string_value(t), true, &predicate, 0);
		if ((r->err = gg_i_buf_ok(&predicate)) != 0)
			goto done;
		if (named)
			emit(r, subject.ptr, RDF_TYPE, predicate.ptr, predicate.len, false, "", line);
	}
	json_object_foreach(o, key, v) {
		if (r->err || keyword_of(c, key)[0] == '@')
			continue;
		gg_i_buf_clear(&predicate);
		bool named = expand(c, key, true, &predicate, 0);
		if ((r->err = gg_i_buf_ok(&predicate)) != 0)
			break;
		if (named && strchr(predicate.ptr, ':')) /* a term no context defines names nothing */
			property_value(r, c, subject.ptr, predicate.ptr, definition(c, key), v, setting(c, "@language"),
				       line, depth);
	}
	if (json_is_array(graph))
		json_array_foreach(graph, i, item)
			if (json_is_object(item))
				node(r, c, item, NULL, depth + 1);
	if (!r->err && id_out)
		gg_i_buf_put(id_out, subject.ptr, subject.len);
done:
	gg_i_buf_free(&subject);
	gg_i_buf_free(&predicate);
}

int gg_i_read_jsonld(const char *text, size_t len, gg_i_rdf_sink sink, void *payload, uint32_t *error_line,
		     char *message, size_t size)
{
	json_error_t jerr;
	/* no duplicate keys: the objects jansson keeps are then those of the text, one for one */
	json_t *root = json_loadb(text, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
	if (!root || !(json_is_object(root) || json_is_array(root))) {
		*error_line = root ? 1 : (uint32_t)(jerr.line > 0 ? jerr.line : 0);
		snprintf(message, size, "%s", root ? "a JSON-LD document is an object or an array"
						   : jerr.text);
		json_decref(root);
		return GG_EINPUT;
	}
	jsonld_reader r = { NULL, 0, 0, sink, payload, 0 };
	size_t i;
	json_t *item;
	r.err = index_lines(&r, root, text, len);
	if (!r.err && json_is_array(root)) {
		json_array_foreach(root, i, item)
			if (json_is_object(item))
				node(&r, NULL, item, NULL, 0);
	} else if (!r.err) {
		node(&r, NULL, root, NULL, 0);
	}
	free(r.lines);
	json_decref(root);
	return r.err;
}
