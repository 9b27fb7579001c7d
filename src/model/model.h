/* model.h - the glossary object's private layout, shared by read/ and model/, and store/, which saves it and makes it again. */
#ifndef GG_MODEL_MODEL_H
#define GG_MODEL_MODEL_H

#include "glossgraph.h"
#include "core/arena.h"
#include "core/strmap.h"

/* What the header line and the bold opening of one entry say (names.c). */
typedef struct gg_i_entry_names {
	const char *term;       /* the entry's own name, display spelling */
	const char *bold;       /* the definition's bold name, or NULL */
	const char **abbrevs;   /* abbreviations, display spelling */
	size_t n_abbrevs;
	const char **keywords;  /* header items that are neither name nor category */
	size_t n_keywords;
	const char *category;   /* trailing header category, or NULL */
	const char *last_item;  /* trailing header item, a category candidate */
	bool category_shaped;   /* the header's shape makes last_item a category */
	const char **aliases;   /* names given in "(also X)", "(a.k.a. X)"... */
	size_t n_aliases;
	const char *bare;       /* "Handler" of "Handler (callback)", or NULL */
	const char *redirect;   /* "Tuple" of "Record: see Tuple", or NULL */
	size_t first_item_abbrev; /* abbrevs[from here] are header items */
	bool redirected;        /* joined the concept its redirect names */
} gg_i_entry_names;

/*
 * Where a definition whose bytes differ from its file's (bad bytes replaced,
 * lines joined) falls in the file: from anchors[i].pos on, definition bytes
 * follow the file from anchors[i].offset, byte for byte.
 */
typedef struct gg_i_offset_anchor {
	size_t pos;
	uint64_t offset;
} gg_i_offset_anchor;

typedef struct gg_i_offset_map {
	size_t n;
	gg_i_offset_anchor anchors[];
} gg_i_offset_map;

struct gg_glossary {
	gg_i_arena arena;           /* every string and small array below */
	char **pages;             /* file contents, kept for definitions pointing in */
	size_t n_pages, cap_pages;
	gg_entry *entries;
	const gg_i_offset_map **maps; /* parallel to entries; NULL: verbatim */
	gg_i_entry_names *names;    /* parallel to entries, filled by build */
	size_t n_entries, cap_entries;
	gg_concept *concepts;
	size_t n_concepts;
	gg_i_strmap lookup;         /* normalised name/alias/abbrev/keyword -> concept */
	gg_i_strmap lookup_caps;    /* the same for names in capitals ("HEAD") */
	gg_diagnostic *diags;
	size_t n_diags, cap_diags;
	gg_read_stats stats;
	bool built;
	bool failed;              /* build failed: the glossary can only be freed */
	gg_progress read_progress;  /* told how reading a directory goes */
};

/*
 * Record a diagnostic "file:line: message" (line 0: the whole file; file
 * NULL: the whole glossary). The message is copied; `file` must live as
 * long as the glossary (in its arena). Returns 0 or GG_ENOMEM.
 */
int gg_i_glossary_diag(gg_glossary *g, gg_diagnostic_level level, const char *file,
		       uint32_t line, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#define gg_i_glossary_warn(g, file, line, ...) \
	gg_i_glossary_diag((g), GG_DIAG_WARNING, (file), (line), __VA_ARGS__)

/*
 * Append an entry. `e` is copied; its strings must already live in the
 * glossary (arena or a page buffer handed over with gg_i_glossary_keep_page),
 * and so must `map` (NULL when the definition is the file's bytes at
 * e->offset, or for HTML, whose offsets count within the definition).
 */
int gg_i_glossary_add_entry(gg_glossary *g, const gg_entry *e, const gg_i_offset_map *map);

/*
 * The key a name is looked up by: its name key (gg_i_name_key), or, for a
 * name without a letter or digit ("..."), the name itself trimmed of white
 * space, so that whatever is listed can be found. In the arena; NULL when
 * out of memory.
 */
char *gg_i_glossary_lookup_key(gg_i_arena *a, const char *name);

/*
 * The concept a lookup key names, in *out: names in capitals first when
 * `caps_first` ("HEAD"), else the others first ("head"). Returns whether
 * one does.
 */
bool gg_i_glossary_lookup(const gg_glossary *g, const char *key, bool caps_first, uint32_t *out);

/*
 * Where gg_i_glossary_find_in looks a lookup key up: the names in capitals
 * (`capitals`) or the others. True with *out set when a concept has it.
 */
typedef bool (*gg_i_form_lookup)(void *payload, const char *key, bool capitals, uint32_t *out);

/*
 * gg_glossary_find with the lookups done by `get` (a saved graph's forms
 * table, say): the same keys asked in the same order. Returns 0 with *out
 * set, or GG_ENOTFOUND.
 */
int gg_i_glossary_find_in(size_t *out, gg_i_form_lookup get, void *payload, const char *query);

/* Hand a malloc'd page buffer to the glossary, which frees it. */
int gg_i_glossary_keep_page(gg_glossary *g, char *page);

#endif
