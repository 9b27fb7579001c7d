/*
 * json.c - reader for JSON glossaries, parsed with jansson: an array of
 * objects keyed as the CSV columns (also inside objects that wrap it), an
 * object of term -> definition string, or term -> object; or DocBook's
 * glossary in JSON, as json.org's example has it (GlossDiv, GlossList,
 * GlossEntry with GlossTerm, Acronym, Abbrev, GlossDef with its para and
 * GlossSeeAlso, GlossSee).
 */
#include "read/tree.h"
#include "core/error.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* How many wrapper objects are looked through for the list of entries. */
#define MAX_WRAPPERS 4
/* How deep GlossEntry members are looked for. */
#define MAX_GLOSS_DEPTH 16

/*
 * Where each member of the container at `path` starts (a value of an
 * array, a key of an object), in order: path[0, depth) are the indices of
 * the members that lead to it from the root (depth 0: the root itself).
 * jansson keeps no positions, so one light pass over the text finds them;
 * the text is valid JSON (jansson said so), which keeps the pass simple.
 * Returns a malloc'd array, or NULL when out of memory (with *n 0 for an
 * empty container).
 */
static size_t *member_starts(const char *t, size_t len, const size_t *path, size_t depth, size_t *n)
{
	size_t *at = NULL, cap = 0, level = 0, matched = 0; /* levels 1..matched are on the path */
	size_t count[MAX_WRAPPERS + 2] = { 0 };            /* members begun, per level 1..depth + 1 */
	bool expecting = false;
	*n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = t[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		if (expecting && c != ']' && c != '}') { /* a member begins, at a level followed or not */
			size_t index = level <= depth + 1 ? count[level]++ : 0;
			if (level <= depth && matched + 1 >= level) {
				matched = index == path[level - 1] ? level : level - 1;
			} else if (level == depth + 1 && matched == depth) {
				if (GG_ARRAY_PUSH_SLOT(at, *n, cap)) {
					free(at);
					return NULL;
				}
				at[(*n)++] = i;
			}
			expecting = false;
		}
		if (c == '"') {
			for (i++; i < len && t[i] != '"'; i++)
				if (t[i] == '\\')
					i++;
		} else if (c == '{' || c == '[') {
			if (++level <= depth + 1)
				count[level] = 0;
			expecting = true;
		} else if (c == '}' || c == ']') {
			level--;
			matched = matched < level ? matched : level;
			expecting = false; /* "{}" and "[]" hold no member */
		} else if (c == ',') {
			expecting = true;
		}
	}
	return at ? at : malloc(1);
}

/* The field a JSON key names: a CSV column's name, or DocBook's (GlossTerm, GlossDef, Abbrev, GlossSee, GlossSeeAlso). */
static gg_i_field json_field(const char *key)
{
	static const struct {
		const char *name;
		gg_i_field field;
	} docbook[] = {
		{ "glossterm", GG_FIELD_TERM },	   { "glossdef", GG_FIELD_DEFINITION }, { "abbrev", GG_FIELD_ABBREV },
		{ "glosssee", GG_FIELD_RELATED }, { "glossseealso", GG_FIELD_RELATED },
	};
	for (size_t k = 0; k < sizeof(docbook) / sizeof(*docbook); k++)
		if (gg_i_strcasecmp(key, docbook[k].name) == 0)
			return docbook[k].field;
	return gg_i_field_named(key, strlen(key));
}

/* Whether v is an array that holds an object. */
static bool is_entry_list(json_t *v)
{
	size_t i;
	json_t *item;
	if (json_is_array(v))
		json_array_foreach(v, i, item)
			if (json_is_object(item))
				return true;
	return false;
}

/* Whether the first object of the array v has a key that names a definition. */
static bool holds_definitions(json_t *v)
{
	size_t i;
	json_t *item;
	const char *key;
	json_t *value;
	json_array_foreach(v, i, item) {
		if (!json_is_object(item))
			continue;
		json_object_foreach(item, key, value)
			if (json_field(key) == GG_FIELD_DEFINITION)
				return true;
		return false;
	}
	return false;
}

/*
 * The container of root's entries: root itself, or the list a wrapper
 * object holds: its one member that is an array of objects (or the one
 * whose objects have a definition, among several), the others telling about the
 * glossary ({"version": 1, "terms": [...]}), or the same
 * inside an object that is root's only member, and so on down
 * ({"glossary": {"title": ..., "terms": [...]}}). path[0, *depth) gets
 * the indices of the members that lead to it.
 */
static json_t *entries_of(json_t *root, size_t path[MAX_WRAPPERS + 1], size_t *depth)
{
	json_t *o = root;
	for (*depth = 0; json_is_object(o) && *depth < MAX_WRAPPERS;) {
		const char *key;
		json_t *v, *list = NULL, *named = NULL;
		size_t k = 0, lists = 0, named_lists = 0, list_at = 0, named_at = 0;
		json_object_foreach(o, key, v) {
			if (is_entry_list(v)) {
				list = v;
				list_at = k;
				lists++;
				if (holds_definitions(v)) {
					named = v;
					named_at = k;
					named_lists++;
				}
			}
			k++;
		}
		if (lists == 1 || named_lists == 1) {
			path[(*depth)++] = lists == 1 ? list_at : named_at;
			return lists == 1 ? list : named;
		}
		json_t *only = json_object_size(o) == 1 ? json_object_iter_value(json_object_iter(o)) : NULL;
		if (!json_is_object(only))
			break;
		path[(*depth)++] = 0;
		o = only;
	}
	*depth = 0; /* no list inside: root's members are the entries */
	return root;
}

/*
 * Add one value of field f: a string, or an array of strings for a list or
 * for a definition (its paragraphs, in order); for a definition also
 * DocBook's object of a para (or several) and GlossSeeAlso.
 */
static int add_value(gg_i_record *rec, gg_i_field f, const char *key, json_t *v)
{
	if (json_is_string(v))
		return gg_i_record_field(rec, f, json_string_value(v), json_string_length(v), SIZE_MAX);
	if (json_is_array(v) && f != GG_FIELD_TERM) {
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item) {
			if (!json_is_string(item)) {
				int err = gg_i_glossary_warn(rec->src->g, rec->src->name, rec->line,
							     "an item of '%.40s' is not a string; passed over", key);
				if (err)
					return err;
				continue;
			}
			/* one item is one name, even with a ';' in it */
			int err = gg_i_record_item(rec, f, json_string_value(item), json_string_length(item), SIZE_MAX);
			if (err)
				return err;
		}
		return 0;
	}
	if (json_is_null(v))
		return 0;
	if (json_is_object(v) && f == GG_FIELD_DEFINITION) {
		/* DocBook's GlossDef: its para (one or several) and its GlossSeeAlso */
		const char *k;
		json_t *member;
		bool taken = false;
		json_object_foreach(v, k, member) {
			gg_i_field g = gg_i_strcasecmp(k, "para") == 0 ? GG_FIELD_DEFINITION : json_field(k);
			if (g == GG_FIELD_NONE || g == GG_FIELD_TERM || json_is_object(member))
				continue;
			taken = true;
			int err = add_value(rec, g, k, member);
			if (err)
				return err;
		}
		if (taken)
			return 0;
	}
	return gg_i_glossary_warn(rec->src->g, rec->src->name, rec->line, "'%.40s' is not %s; passed over", key,
				  f == GG_FIELD_TERM ? "a string" : "a string or an array of strings");
}

int gg_i_tree_fields(gg_i_record *rec, json_t *o, bool named)
{
	int err = 0;
	for (int pass = 0; pass < 2 && !err; pass++) {
		const char *key;
		json_t *v;
		json_object_foreach(o, key, v) {
			gg_i_field f = json_field(key);
			if (f == GG_FIELD_NONE || (pass == 0) != (f == GG_FIELD_TERM))
				continue;
			if (f == GG_FIELD_TERM && named)
				f = GG_FIELD_ALIASES; /* the key is the term; a "term" inside names it too */
			if ((err = add_value(rec, f, key, v)))
				break;
		}
	}
	return err;
}

/*
 * One entry from object `o`; `term` (a map's key) is its term when not
 * NULL, `category` its category when not NULL. Keys that name no field are
 * passed over.
 */
static int read_object(gg_i_source *src, size_t at, const char *term, size_t term_len, const char *category,
		       json_t *o)
{
	gg_i_record rec;
	gg_i_record_init(&rec, src, at);
	if (term)
		gg_i_record_name(&rec, term, term_len);
	if (category)
		gg_i_record_category(&rec, category, strlen(category));
	int err = gg_i_tree_fields(&rec, o, term != NULL);
	if (!err)
		err = gg_i_record_finish(&rec);
	gg_i_record_free(&rec);
	return err;
}

/* Where the members of a container are, for the entries read from it. */
typedef struct members {
	gg_i_source *src;
	gg_i_member_starts starts;
	void *ctx;
	size_t path[MAX_WRAPPERS + 1]; /* the indices that lead to the container */
	size_t depth;
} members;

/* The single key of object o when it names no field ({"API": "An interface"}), else NULL. */
static const char *single_term(json_t *o)
{
	void *it = json_object_size(o) == 1 ? json_object_iter(o) : NULL;
	const char *key = it ? json_object_iter_key(it) : NULL;
	return key && json_field(key) == GG_FIELD_NONE ? key : NULL;
}

/* One member of an object of terms: `term` -> a definition (string) or an object of fields. 0 or an error. */
static int read_term(gg_i_source *src, size_t pos, const char *term, json_t *v)
{
	if (json_is_object(v))
		return read_object(src, pos, term, strlen(term), NULL, v);
	if (!json_is_string(v))
		return gg_i_glossary_warn(src->g, src->name, gg_i_source_line(src, pos),
					  "'%.80s' is neither a definition nor an object; skipped", term);
	gg_i_record rec;
	gg_i_record_init(&rec, src, pos);
	gg_i_record_name(&rec, term, strlen(term));
	gg_i_record_text(&rec, json_string_value(v), json_string_length(v), SIZE_MAX);
	int err = gg_i_record_finish(&rec);
	gg_i_record_free(&rec);
	return err;
}

/*
 * Read each member of c (an array, or an object) as an entry: an array's
 * objects, or its one-key objects ({"API": "..."}) as terms; an object's
 * members as terms, or a member that is a list of objects as the entries
 * of the category its key names ({"Storage": [...]}). m gives where the
 * members start. Returns 0 or the first error.
 */
static int read_members(members *m, json_t *c)
{
	size_t n_at = 0, k = 0;
	size_t *at = m->starts(m->ctx, m->src, c, m->path, m->depth, SIZE_MAX, &n_at);
	gg_i_source *src = m->src;
	int err = at ? 0 : gg_i_error_oom();
	if (!err && json_is_array(c)) {
		size_t i;
		json_t *v;
		json_array_foreach(c, i, v) {
			size_t pos = i < n_at ? at[i] : 0;
			const char *term = json_is_object(v) ? single_term(v) : NULL;
			if (term)
				err = read_term(src, pos, term, json_object_get(v, term));
			else if (json_is_object(v))
				err = read_object(src, pos, NULL, 0, NULL, v);
			else
				err = gg_i_glossary_warn(src->g, src->name, gg_i_source_line(src, pos),
							 "an array item that is not an object skipped");
			if (err)
				break;
		}
	} else if (!err) {
		const char *key;
		json_t *v;
		json_object_foreach(c, key, v) {
			size_t pos = k < n_at ? at[k] : 0;
			if (is_entry_list(v) && m->depth < MAX_WRAPPERS) { /* a category's entries */
				members inner = *m;
				inner.path[inner.depth++] = k;
				size_t i, n_in = 0;
				json_t *e;
				size_t *in = m->starts(m->ctx, src, v, inner.path, inner.depth, pos, &n_in);
				if (!in)
					err = gg_i_error_oom();
				json_array_foreach(v, i, e) {
					if (err)
						break;
					if (json_is_object(e))
						err = read_object(src, i < n_in ? in[i] : pos, NULL, 0, key, e);
				}
				free(in);
			} else {
				err = read_term(src, pos, key, v);
			}
			k++;
			if (err)
				break;
		}
	}
	free(at);
	return err;
}

/*
 * Whether object o is one entry: a term field holding a string, a
 * definition field, and no list of entries (a titled wrapper's "title"
 * and "description" tell about the glossary).
 */
static bool one_entry(json_t *o)
{
	const char *key;
	json_t *v;
	bool term = false, definition = false;
	json_object_foreach(o, key, v) {
		gg_i_field f = json_field(key);
		if (is_entry_list(v))
			return false;
		term |= f == GG_FIELD_TERM && json_is_string(v);
		definition |= f == GG_FIELD_DEFINITION;
	}
	return term && definition;
}

/*
 * Whether a wrapper's member `key` with a string value tells about the
 * glossary: a field's name ("title", "description"), an "@" key of
 * JSON-LD, or a word of the kind files carry about themselves. Any other
 * ({"API": "An interface", "terms": [...]}) reads like an entry.
 */
static bool about_the_glossary(const char *key)
{
	static const char *const words[] = { "version", "author", "authors", "license", "licence", "url",
					     "homepage", "language", "lang", "locale", "date", "updated", "created",
					     "modified", "source", "copyright", "id", "schema", "$schema",
					     "generator", "format", "count", "total", "type", "kind", NULL };
	if (key[0] == '@' || json_field(key) != GG_FIELD_NONE)
		return true;
	for (const char *const *w = words; *w; w++)
		if (strcasecmp(*w, key) == 0)
			return true;
	return false;
}

/*
 * Warn, with its line, of each member of the wrappers that m's path goes
 * through (root first) that reads like an entry but is passed over
 * (about_the_glossary). 0 or an error.
 */
static int warn_passed_over(const members *m, json_t *root)
{
	json_t *o = root;
	int err = 0;
	for (size_t d = 0; d < m->depth && json_is_object(o) && !err; d++) {
		size_t n_at = 0, k = 0, *at = m->starts(m->ctx, m->src, o, m->path, d, SIZE_MAX, &n_at);
		const char *key;
		json_t *v, *next = NULL;
		if (!at)
			return gg_i_error_oom();
		json_object_foreach(o, key, v) {
			if (k == m->path[d])
				next = v;
			else if (!err && json_is_string(v) && !about_the_glossary(key))
				err = gg_i_glossary_warn(m->src->g, m->src->name,
							 k < n_at ? gg_i_source_line(m->src, at[k]) : 0,
							 "'%.80s' beside the list of entries is not read as an entry", key);
			k++;
		}
		free(at);
		o = next;
	}
	return err;
}

int gg_i_read_tree(gg_i_source *src, json_t *root, gg_i_member_starts starts, void *ctx)
{
	members m = { src, starts, ctx, { 0 }, 0 };
	if (json_is_object(root) && one_entry(root)) { /* {"term": ..., "definition": ...} */
		size_t n_at = 0, *at = starts(ctx, src, root, m.path, 0, SIZE_MAX, &n_at);
		int err = at ? read_object(src, n_at ? at[0] : 0, NULL, 0, NULL, root) : gg_i_error_oom();
		free(at);
		return err;
	}
	json_t *entries = entries_of(root, m.path, &m.depth);
	int err = warn_passed_over(&m, root);
	return err ? err : read_members(&m, entries);
}

/*
 * Where the items of the array that is the value of the member starting at
 * t[at] (its key) start: from there to the array's end only, so that
 * reading each of many categories' entries stays linear. A malloc'd array,
 * or NULL when out of memory.
 */
static size_t *item_starts(const char *t, size_t len, size_t at, size_t *n)
{
	size_t *starts = NULL, cap = 0, level = 0;
	bool expecting = false, in_array = false;
	*n = 0;
	for (size_t i = at; i < len; i++) {
		char c = t[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		if (expecting && c != ']') {
			if (GG_ARRAY_PUSH_SLOT(starts, *n, cap)) {
				free(starts);
				return NULL;
			}
			starts[(*n)++] = i;
			expecting = false;
		}
		if (c == '"') {
			for (i++; i < len && t[i] != '"'; i++)
				if (t[i] == '\\')
					i++;
		} else if (c == '[' || c == '{') {
			expecting = !in_array && c == '[';
			in_array = true;
			level++;
		} else if (c == ']' || c == '}') {
			if (--level == 0)
				break;
		} else if (c == ',' && level == 1) {
			expecting = true;
		}
	}
	return starts ? starts : malloc(1);
}

/* gg_i_member_starts for JSON: over the source's text, from `at` when it is known. */
static size_t *json_member_starts(void *ctx, const gg_i_source *src, const json_t *container, const size_t *path,
				  size_t depth, size_t at, size_t *n)
{
	(void)ctx;
	(void)container;
	return at == SIZE_MAX ? member_starts(src->text, src->len, path, depth, n) : item_starts(src->text, src->len, at, n);
}

/* How many members of object o have key `name`, case ignored. */
static size_t count_keys(json_t *o, const char *name)
{
	const char *key;
	json_t *m;
	size_t n = 0;
	json_object_foreach(o, key, m)
		n += gg_i_strcasecmp(key, name) == 0;
	return n;
}

/* Whether v (a GlossEntry's value) is an entry with a GlossTerm, or an array that holds one. */
static bool is_gloss_entry(json_t *v)
{
	size_t i;
	json_t *e;
	if (json_is_object(v))
		return count_keys(v, "glossterm") > 0;
	json_array_foreach(v, i, e)
		if (json_is_object(e) && count_keys(e, "glossterm"))
			return true;
	return false;
}

/* Whether v holds a GlossEntry member with an entry, at most MAX_GLOSS_DEPTH levels down. */
static bool holds_gloss_entries(json_t *v, int depth)
{
	const char *key;
	json_t *m;
	size_t i;
	if (depth > MAX_GLOSS_DEPTH)
		return false;
	if (json_is_object(v)) {
		json_object_foreach(v, key, m)
			if ((gg_i_strcasecmp(key, "glossentry") == 0 && is_gloss_entry(m)) ||
			    holds_gloss_entries(m, depth + 1))
				return true;
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, m)
			if (holds_gloss_entries(m, depth + 1))
				return true;
	}
	return false;
}

/*
 * Where each object starts in the text ('{' outside strings), in order:
 * jansson keeps an object's members in the order of the text, so the k-th
 * object a walk in document order meets starts at the k-th. A malloc'd
 * array, or NULL when out of memory.
 */
static size_t *object_starts(const char *t, size_t len, size_t *n)
{
	size_t *at = NULL, cap = 0;
	*n = 0;
	for (size_t i = 0; i < len; i++) {
		if (t[i] == '"') {
			for (i++; i < len && t[i] != '"'; i++)
				if (t[i] == '\\')
					i++;
		} else if (t[i] == '{') {
			if (GG_ARRAY_PUSH_SLOT(at, *n, cap)) {
				free(at);
				return NULL;
			}
			at[(*n)++] = i;
		}
	}
	return at ? at : malloc(1);
}

/* How many objects v holds, itself included. */
static size_t objects_in(json_t *v)
{
	const char *key;
	json_t *m;
	size_t i, n = json_is_object(v);
	if (json_is_object(v)) {
		json_object_foreach(v, key, m)
			n += objects_in(m);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, m)
			n += objects_in(m);
	}
	return n;
}

/* A walk of DocBook-shaped JSON in document order: where each object
 * starts, how many the walk has met, and what it passed over. */
typedef struct gloss_walk {
	gg_i_source *src;
	const size_t *objects;
	size_t n_objects, met, passed_over;
} gloss_walk;

/* The title of a division (an object with a GlossList or GlossEntry member), unless one letter. */
static const char *division_title(json_t *o)
{
	const char *key, *title = NULL;
	json_t *m;
	bool division = false;
	json_object_foreach(o, key, m) {
		if (gg_i_strcasecmp(key, "title") == 0 && json_is_string(m))
			title = json_string_value(m);
		division |= gg_i_strcasecmp(key, "glosslist") == 0 || gg_i_strcasecmp(key, "glossentry") == 0;
	}
	return division && title && gg_i_utf8_chars(title, strlen(title)) > 1 ? title : NULL;
}

/* One GlossEntry object e, at the walk's next object. 0 or an error. */
static int read_gloss_entry(gloss_walk *w, json_t *e, const char *category)
{
	size_t at = w->met < w->n_objects ? w->objects[w->met] : 0;
	w->met += objects_in(e);
	return read_object(w->src, at, NULL, 0, category, e);
}

/* The GlossEntry objects under v, each an entry under the nearest
 * division's title; what is deeper than MAX_GLOSS_DEPTH passed over and
 * counted. 0 or the first error. */
static int read_gloss(gloss_walk *w, json_t *v, const char *category, int depth)
{
	const char *key;
	json_t *m;
	size_t i;
	int err = 0;
	if (depth > MAX_GLOSS_DEPTH) {
		size_t n = objects_in(v);
		w->met += n;
		w->passed_over += n;
		return 0;
	}
	if (json_is_array(v)) {
		json_array_foreach(v, i, m)
			if ((err = read_gloss(w, m, category, depth + 1)) != 0)
				return err;
		return 0;
	}
	if (!json_is_object(v))
		return 0;
	w->met++;
	const char *title = division_title(v);
	category = title ? title : category;
	json_object_foreach(v, key, m) {
		if (gg_i_strcasecmp(key, "glossentry") != 0) {
			err = read_gloss(w, m, category, depth + 1);
		} else if (json_is_object(m)) {
			err = read_gloss_entry(w, m, category);
		} else {
			json_t *e;
			json_array_foreach(m, i, e) {
				if (json_is_object(e)) {
					err = read_gloss_entry(w, e, category);
				} else { /* an array in the list: no entry */
					size_t n = objects_in(e);
					w->met += n;
					w->passed_over += n;
				}
				if (err)
					break;
			}
		}
		if (err)
			return err;
	}
	return 0;
}

int gg_i_read_json(gg_glossary *g, const char *name, char *data, size_t len)
{
	gg_i_source src;
	json_t *root = NULL;
	size_t *at = NULL;
	int err = gg_i_source_open(&src, g, name, data, len);
	if (err)
		goto cleanup;
	json_error_t jerr;
	root = json_loadb(src.text, src.len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
	if (!root) {
		if (src.len == 0 || strspn(src.text, " \t\r\n") == src.len)
			err = gg_i_glossary_warn(g, name, 0, "empty file");
		else
			err = gg_i_source_fail(&src, jerr.line > 0 ? (uint32_t)jerr.line : 0, "invalid JSON: %s (column %d)",
					       jerr.text, jerr.column);
		goto cleanup;
	}
	if (!json_is_array(root) && !json_is_object(root)) {
		err = gg_i_source_fail(&src, 1, "a JSON glossary is an array of objects or an object of terms");
		goto cleanup;
	}
	size_t before = g->n_entries;
	if (holds_gloss_entries(root, 0)) {
		gloss_walk w = { &src, NULL, 0, 0, 0 };
		if (!(at = object_starts(src.text, src.len, &w.n_objects))) {
			err = gg_i_error_oom();
			goto cleanup;
		}
		w.objects = at;
		err = read_gloss(&w, root, NULL, 0);
		if (!err && w.passed_over)
			err = gg_i_glossary_warn(g, name, 0,
						 "%zu object%s nested too deep or in a list within GlossEntry passed over",
						 w.passed_over, w.passed_over == 1 ? "" : "s");
		if (err || g->n_entries > before)
			goto done;
		free(at); /* no entry that way: read as any other glossary */
		at = NULL;
	}
	err = gg_i_read_tree(&src, root, json_member_starts, NULL);
done:
	if (!err && g->n_entries == before)
		err = gg_i_glossary_warn(g, name, 0, "no entries in this file");
cleanup:
	free(at);
	json_decref(root);
	gg_i_source_close(&src);
	return err;
}
