/* jsonld.c - JSON-LD read into statements with jansson (see rdf.h): node objects under inline contexts. */
#include "read/rdf.h"
#include "core/buf.h"
#include "core/error.h"

#include <jansson.h>
#include <stdio.h>
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

typedef struct jsonld_reader {
	const char *text;
	size_t len;
	size_t scan;    /* where the last node's "@id" was found in the text */
	uint32_t line;  /* the line there */
	unsigned blanks; /* blank nodes named so far */
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
 * Append to out the IRI that `value` stands for in c: a term's mapping
 * (`vocab`: where terms and "@vocab" apply, as for properties and types),
 * a compact IRI's prefix expanded ("skos:prefLabel"), "@base" before a
 * relative "@id", or the value itself (a full IRI, a keyword, "_:b0").
 */
static void expand(const context *c, const char *value, bool vocab, gg_i_buf *out, int steps)
{
	const char *mapped = vocab && value[0] != '@' ? mapped_iri(definition(c, value)) : NULL;
	if (mapped && strcmp(mapped, value) != 0 && steps < MAX_EXPANSION) {
		expand(c, mapped, true, out, steps + 1);
		return;
	}
	const char *colon = strchr(value, ':');
	if (colon && colon > value && strncmp(colon + 1, "//", 2) != 0 && steps < MAX_EXPANSION) {
		char prefix[128];
		size_t n = (size_t)(colon - value);
		const char *iri = NULL;
		if (n < sizeof(prefix)) {
			memcpy(prefix, value, n);
			prefix[n] = '\0';
			iri = mapped_iri(definition(c, prefix));
		}
		if (iri) {
			expand(c, iri, true, out, steps + 1);
			gg_i_buf_puts(out, colon + 1);
			return;
		}
	}
	const char *vocabulary = vocab ? setting(c, "@vocab") : NULL, *base = vocab ? NULL : setting(c, "@base");
	if (!colon && value[0] != '@' && (vocabulary || base))
		gg_i_buf_puts(out, vocabulary ? vocabulary : base);
	gg_i_buf_puts(out, value);
}

/* The keyword `key` stands for in c ("@id" for "id": "@id"), or key itself. */
static const char *keyword_of(const context *c, const char *key)
{
	if (key[0] == '@')
		return key;
	json_t *def = definition(c, key);
	return json_is_string(def) && json_string_value(def)[0] == '@' ? json_string_value(def) : key;
}

/* How far past the last node's place a node's "@id" is looked for. */
#define LINE_WINDOW (256 * 1024)

/* The end of the JSON string at t[i] ('"' there) when it spells id (a "\/"
 * for a '/' too, as some writers escape it), else 0. */
static size_t spells(const char *t, size_t len, size_t i, const char *id)
{
	size_t j = i + 1;
	for (; *id && j < len; id++) {
		if (t[j] == '\\' && j + 1 < len && t[j + 1] == '/' && *id == '/')
			j += 2;
		else if (t[j] == *id && t[j] != '\\')
			j++;
		else
			return 0;
	}
	return !*id && j < len && t[j] == '"' ? j + 1 : 0;
}

/*
 * The line of the node whose "@id" is `id`: where the text names it after
 * the last node's place (JSON keeps no positions), taking first a place
 * where more members follow (a node, not a reference {"@id": ...}); the
 * last node's line when it is not found within LINE_WINDOW bytes.
 */
static uint32_t node_line(jsonld_reader *r, const char *id)
{
	size_t end = r->len - r->scan > LINE_WINDOW ? r->scan + LINE_WINDOW : r->len, found = SIZE_MAX;
	for (int pass = 0; pass < 2 && id && found == SIZE_MAX; pass++)
		for (size_t i = r->scan; i < end; i++) {
			const char *quote = memchr(r->text + i, '"', end - i);
			if (!quote)
				break;
			i = (size_t)(quote - r->text);
			size_t after = spells(r->text, r->len, i, id);
			if (!after)
				continue;
			while (after < r->len && strchr(" \t\r\n", r->text[after]))
				after++;
			if (pass == 1 || (after < r->len && r->text[after] == ',')) {
				found = i;
				break;
			}
		}
	if (found != SIZE_MAX) {
		for (size_t k = r->scan; k < found; k++)
			r->line += r->text[k] == '\n';
		r->scan = found;
	}
	return r->line;
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

/*
 * The statements of property `predicate` of `subject` with value v: a
 * string, number or boolean (a literal, or an IRI where the term's
 * definition `def` says "@type": "@id"), a value object, a list or set, a
 * language map, or a node object (its own statements, then the link to it).
 */
static void property_value(jsonld_reader *r, const context *c, const char *subject, const char *predicate,
			   json_t *def, json_t *v, const char *lang, uint32_t line, int depth)
{
	json_t *type = json_is_object(def) ? json_object_get(def, "@type") : NULL;
	json_t *container = json_is_object(def) ? json_object_get(def, "@container") : NULL;
	json_t *def_lang = json_is_object(def) ? json_object_get(def, "@language") : NULL;
	char number[64];
	size_t i;
	json_t *item;
	const char *key;
	if (r->err || depth > MAX_DEPTH)
		return;
	if (json_is_string(def_lang))
		lang = json_string_value(def_lang);
	switch (json_typeof(v)) {
	case JSON_STRING:
		if (json_is_string(type) && (strcmp(json_string_value(type), "@id") == 0 ||
					     strcmp(json_string_value(type), "@vocab") == 0)) {
			gg_i_buf iri = GG_BUF_INIT;
			expand(c, json_string_value(v), strcmp(json_string_value(type), "@vocab") == 0, &iri, 0);
			if ((r->err = gg_i_buf_ok(&iri)) == 0)
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
			       json_is_string(language) ? json_string_value(language) : lang, line, depth + 1);
		json_decref(plain);
	} else if (list) {
		property_value(r, c, subject, predicate, def, list, lang, line, depth + 1);
	} else if (json_is_string(container) && strcmp(json_string_value(container), "@language") == 0) {
		json_object_foreach(v, key, item) /* a language map: language -> strings */
			property_value(r, c, subject, predicate, NULL, item, key, line, depth + 1);
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
	if (json_is_string(id))
		expand(c, json_string_value(id), false, &subject, 0);
	else
		gg_i_buf_printf(&subject, "_:b%u", r->blanks++);
	bool reference = json_is_string(id) && json_object_size(o) == 1; /* {"@id": ...}: a node named, not described */
	uint32_t line = reference ? r->line : node_line(r, json_is_string(id) ? json_string_value(id) : NULL);
	if ((r->err = gg_i_buf_ok(&subject)) != 0)
		goto done;
	for (i = 0; i < (json_is_array(types) ? json_array_size(types) : json_is_string(types)); i++) {
		json_t *t = json_is_array(types) ? json_array_get(types, i) : types;
		if (!json_is_string(t))
			continue;
		gg_i_buf_clear(&predicate);
		expand(c, json_string_value(t), true, &predicate, 0);
		if ((r->err = gg_i_buf_ok(&predicate)) != 0)
			goto done;
		emit(r, subject.ptr, RDF_TYPE, predicate.ptr, predicate.len, false, "", line);
	}
	json_object_foreach(o, key, v) {
		if (r->err || keyword_of(c, key)[0] == '@')
			continue;
		gg_i_buf_clear(&predicate);
		expand(c, key, true, &predicate, 0);
		if ((r->err = gg_i_buf_ok(&predicate)) != 0)
			break;
		if (strchr(predicate.ptr, ':')) /* a term no context defines names nothing */
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
	json_t *root = json_loadb(text, len, JSON_DECODE_ANY, &jerr);
	if (!root || !(json_is_object(root) || json_is_array(root))) {
		*error_line = root ? 1 : (uint32_t)(jerr.line > 0 ? jerr.line : 0);
		snprintf(message, size, "%s", root ? "a JSON-LD document is an object or an array"
						   : jerr.text);
		json_decref(root);
		return GG_EINPUT;
	}
	jsonld_reader r = { text, len, 0, 1, 0, sink, payload, 0 };
	size_t i;
	json_t *item;
	if (json_is_array(root)) {
		json_array_foreach(root, i, item)
			if (json_is_object(item))
				node(&r, NULL, item, NULL, 0);
	} else {
		node(&r, NULL, root, NULL, 0);
	}
	json_decref(root);
	return r.err;
}
