/* yaml.c - YAML glossaries, and the front matter of Markdown pages: parsed with libyaml into the tree the JSON reader reads. */
#include "read/yaml.h"
#include "core/error.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Containers nest at most this deep (the tree's readers and its freeing recurse). */
#define MAX_NESTING 256

/* Where the members of one container start (the container referenced while the tree lives). */
struct gg_i_yaml_members {
	json_t *container;
	size_t *starts;
	size_t n;
};

/* A container being built: its members so far, and a mapping's key waiting for its value. */
typedef struct frame {
	json_t *container;
	bool mapping;
	char *key;       /* malloc'd */
	bool skip_value; /* the key is passed over, and so is its value */
	size_t *starts;
	size_t n, cap;
} frame;

/*
 * The text position where each line of src->text[from, to) starts, as
 * YAML counts lines (a line break is "\n", "\r\n", "\r", U+0085, U+2028 or
 * U+2029), into tree->line_starts. 0 or GG_ENOMEM.
 */
static int count_lines(const gg_i_source *src, size_t from, size_t to, gg_i_yaml_tree *tree)
{
	const unsigned char *t = (const unsigned char *)src->text;
	size_t cap = 0;
	if (GG_ARRAY_PUSH_SLOT(tree->line_starts, tree->n_lines, cap))
		return GG_ENOMEM;
	tree->line_starts[tree->n_lines++] = from;
	for (size_t i = from; i < to; i++) {
		size_t next = 0;
		if (t[i] == '\n' || (t[i] == '\r' && (i + 1 >= to || t[i + 1] != '\n')))
			next = i + 1;
		else if (t[i] == 0xC2 && i + 1 < to && t[i + 1] == 0x85)
			next = i + 2;
		else if (t[i] == 0xE2 && i + 2 < to && t[i + 1] == 0x80 && (t[i + 2] == 0xA8 || t[i + 2] == 0xA9))
			next = i + 3;
		if (!next)
			continue;
		if (GG_ARRAY_PUSH_SLOT(tree->line_starts, tree->n_lines, cap))
			return GG_ENOMEM;
		tree->line_starts[tree->n_lines++] = next;
	}
	return 0;
}

/* The text position of the start of YAML line `line` (0-based) of the tree's document. */
static size_t line_start(const gg_i_yaml_tree *tree, size_t line)
{
	return tree->line_starts[line < tree->n_lines ? line : tree->n_lines - 1];
}

/* A scalar event's value: a string, or (not for a key) null for an empty, "~" or "null" plain one. NULL when out of memory. */
static json_t *scalar_value(const yaml_event_t *e, bool key)
{
	const char *v = (const char *)e->data.scalar.value;
	size_t n = e->data.scalar.length;
	if (!key && e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (n == 0 || (n == 1 && v[0] == '~') ||
	     (n == 4 && (!memcmp(v, "null", 4) || !memcmp(v, "Null", 4) || !memcmp(v, "NULL", 4)))))
		return json_null();
	return json_stringn(v, n);
}

/* Whether the next node in frame f is a key of its mapping. */
static bool expects_key(const frame *f)
{
	return f->mapping && !f->key && !f->skip_value;
}

/* Note that a member of f starts at `pos`. 0 or GG_ENOMEM. */
static int note_start(frame *f, size_t pos)
{
	if (GG_ARRAY_PUSH_SLOT(f->starts, f->n, f->cap))
		return GG_ENOMEM;
	f->starts[f->n++] = pos;
	return 0;
}

/*
 * Put value v (taken) into frame f: an item, a key, or a key's value. A
 * key that is no string, or that the mapping has already, has its value
 * passed over (the first value of a key is kept), counted in the tree
 * with its line (`line`). 0 or GG_ENOMEM.
 */
static int attach(gg_i_yaml_tree *tree, frame *f, json_t *v, uint32_t line)
{
	if (!f->mapping)
		return json_array_append_new(f->container, v) ? GG_ENOMEM : 0;
	if (expects_key(f)) {
		f->skip_value = !json_is_string(v) || json_object_get(f->container, json_string_value(v));
		if (f->skip_value) {
			f->n--; /* no member of its own */
			if (!tree->passed_over++)
				tree->passed_line = line;
		} else if (!(f->key = strdup(json_string_value(v)))) {
			json_decref(v);
			return GG_ENOMEM;
		}
		json_decref(v);
		return 0;
	}
	int err = 0;
	if (f->key)
		err = json_object_set_new(f->container, f->key, v) ? GG_ENOMEM : 0;
	else
		json_decref(v);
	free(f->key);
	f->key = NULL;
	f->skip_value = false;
	return err;
}

/* Keep where container f's members start, the container referenced for as long as the tree. 0 or GG_ENOMEM. */
static int keep_members(gg_i_yaml_tree *tree, frame *f)
{
	if (GG_ARRAY_PUSH_SLOT(tree->members, tree->n_members, tree->cap_members)) {
		free(f->starts);
		return GG_ENOMEM;
	}
	tree->members[tree->n_members++] = (struct gg_i_yaml_members){ json_incref(f->container), f->starts, f->n };
	return 0;
}

/* qsort and bsearch order of the tree's members: by their container's address. */
static int compare_members(const void *x, const void *y)
{
	uintptr_t a = (uintptr_t)((const struct gg_i_yaml_members *)x)->container;
	uintptr_t b = (uintptr_t)((const struct gg_i_yaml_members *)y)->container;
	return a < b ? -1 : a > b;
}

int gg_i_yaml_load(const gg_i_source *src, size_t from, size_t to, gg_i_yaml_tree *tree, char *why, size_t size,
		   uint32_t *line)
{
	yaml_parser_t parser;
	frame *stack = calloc(MAX_NESTING, sizeof(*stack));
	size_t depth = 0;
	int err = 0;
	bool done = false;

	memset(tree, 0, sizeof(*tree));
	if (!stack || count_lines(src, from, to, tree) || !yaml_parser_initialize(&parser)) {
		free(stack);
		return gg_i_error_oom();
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)src->text + from, to - from);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!err) {
		yaml_event_t e;
		if (!yaml_parser_parse(&parser, &e)) {
			if (parser.error == YAML_MEMORY_ERROR) {
				err = GG_ENOMEM;
			} else if (!done) {
				snprintf(why, size, "%s%s%s", parser.problem ? parser.problem : "not YAML",
					 parser.context ? " " : "", parser.context ? parser.context : "");
				*line = gg_i_source_line(src, line_start(tree, parser.problem_mark.line));
				err = GG_I_NOT_YAML;
			}
			break;
		}
		yaml_event_type_t type = e.type;
		uint32_t at_line = gg_i_source_line(src, line_start(tree, e.start_mark.line));
		if (done) { /* past the first document: is there another? */
			tree->more_documents |= type == YAML_DOCUMENT_START_EVENT;
			yaml_event_delete(&e);
			if (type == YAML_STREAM_END_EVENT || tree->more_documents)
				break;
			continue;
		}
		frame *top = depth ? &stack[depth - 1] : NULL;
		json_t *value = NULL;
		bool begins = type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT ||
			      type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT;
		if (begins && top && (!top->mapping || expects_key(top)))
			err = note_start(top, line_start(tree, e.start_mark.line));
		switch (type) {
		case YAML_SCALAR_EVENT:
			value = scalar_value(&e, top && expects_key(top));
			break;
		case YAML_ALIAS_EVENT: /* not expanded: a few aliases can stand for a huge tree */
			value = json_null();
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth == MAX_NESTING) {
				snprintf(why, size, "nested more than %d levels deep", MAX_NESTING);
				*line = at_line;
				err = err ? err : GG_I_NOT_YAML;
				break;
			}
			stack[depth] = (frame){ type == YAML_MAPPING_START_EVENT ? json_object() : json_array(),
						type == YAML_MAPPING_START_EVENT, NULL, false, NULL, 0, 0 };
			if (!stack[depth++].container)
				err = GG_ENOMEM;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT: {
			if (!depth)
				break;
			frame *f = &stack[--depth];
			value = f->container;
			free(f->key);
			err = err ? err : keep_members(tree, f);
			break;
		}
		case YAML_DOCUMENT_END_EVENT: /* the first document is read; the others are only noticed */
			done = true;
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&e);
		if ((type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT) && !value)
			err = err ? err : GG_ENOMEM;
		if (value && !err) {
			top = depth ? &stack[depth - 1] : NULL;
			if (top)
				err = attach(tree, top, value, at_line);
			else if (!tree->root)
				tree->root = value;
			else
				json_decref(value);
		} else if (value) {
			json_decref(value);
		}
		if (type == YAML_STREAM_END_EVENT)
			break;
	}
	while (depth) { /* stopped inside containers: drop them */
		frame *f = &stack[--depth];
		json_decref(f->container);
		free(f->key);
		free(f->starts);
	}
	free(stack);
	yaml_parser_delete(&parser);
	if (tree->n_members) /* looked up by container */
		qsort(tree->members, tree->n_members, sizeof(*tree->members), compare_members);
	return err == GG_ENOMEM ? gg_i_error_oom() : err;
}

void gg_i_yaml_free(gg_i_yaml_tree *tree)
{
	json_decref(tree->root);
	for (size_t i = 0; i < tree->n_members; i++) {
		json_decref(tree->members[i].container);
		free(tree->members[i].starts);
	}
	free(tree->members);
	free(tree->line_starts);
	memset(tree, 0, sizeof(*tree));
}

size_t *gg_i_yaml_member_starts(void *ctx, const gg_i_source *src, const json_t *container, const size_t *path,
				size_t depth, size_t at, size_t *n)
{
	const gg_i_yaml_tree *tree = ctx;
	struct gg_i_yaml_members key = { (json_t *)container, NULL, 0 };
	(void)src;
	(void)path;
	(void)depth;
	(void)at;
	*n = 0;
	const struct gg_i_yaml_members *m =
		tree->n_members ? bsearch(&key, tree->members, tree->n_members, sizeof(key), compare_members) : NULL;
	if (!m)
		return malloc(1);
	size_t *copy = malloc(m->n ? m->n * sizeof(*copy) : 1);
	if (copy && m->n)
		memcpy(copy, m->starts, m->n * sizeof(*copy));
	*n = copy ? m->n : 0;
	return copy;
}

int gg_i_read_yaml(gg_glossary *g, const char *name, char *data, size_t len)
{
	gg_i_source src;
	gg_i_yaml_tree tree = { 0 };
	char why[256];
	uint32_t line = 0;
	size_t before = g->n_entries;
	int err = gg_i_source_open(&src, g, name, data, len);
	if (err)
		goto cleanup;
	err = gg_i_yaml_load(&src, 0, src.len, &tree, why, sizeof(why), &line);
	if (err == GG_I_NOT_YAML) {
		err = gg_i_source_fail(&src, line, "invalid YAML: %s", why);
		goto cleanup;
	}
	if (!err && !tree.root)
		err = gg_i_glossary_warn(g, name, 0, "empty file");
	else if (!err && !json_is_array(tree.root) && !json_is_object(tree.root))
		err = gg_i_source_fail(&src, 1, "a YAML glossary is a list of mappings or a mapping of terms");
	else if (!err)
		err = gg_i_read_tree(&src, tree.root, gg_i_yaml_member_starts, &tree);
	if (!err && tree.passed_over)
		err = gg_i_glossary_warn(g, name, tree.passed_line, "%zu key%s given twice or not a scalar: %s passed over",
					 tree.passed_over, tree.passed_over == 1 ? "" : "s",
					 tree.passed_over == 1 ? "its value" : "their values");
	if (!err && tree.more_documents)
		err = gg_i_glossary_warn(g, name, 0, "only the first YAML document is read");
	if (!err && tree.root && (json_is_array(tree.root) || json_is_object(tree.root)) && g->n_entries == before)
		err = gg_i_glossary_warn(g, name, 0, "no entries in this file");
cleanup:
	gg_i_yaml_free(&tree);
	gg_i_source_close(&src);
	return err;
}
