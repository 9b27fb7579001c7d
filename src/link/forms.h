/* forms.h - the surface forms a concept is written with, for the matcher. */
#ifndef GG_LINK_FORMS_H
#define GG_LINK_FORMS_H

#include "glossgraph.h"
#include "link/automaton.h"

/* One pattern of the automaton: whose form it is and how it was made. */
typedef struct gg_i_form {
	uint32_t concept;
	gg_match_rule rule; /* EXACT for the name, ALIAS, ABBREVIATION, INFLECTED */
	uint32_t hash;      /* gg_i_hash_bytes of the form as written, cut to 32 bits */
	bool exact_case;
	bool plain;         /* ASCII, no capital, '-' or '_': text of ASCII matching it
			       without any is it */
	bool function_words; /* made of function words only ("is-a", "The"): a mention
				in other capitals or with other joiners is prose */
} gg_i_form;

typedef struct gg_i_forms {
	gg_i_form *items; /* indexed by the automaton's pattern id */
	size_t n, cap;
	bool *has_capital; /* per concept: some form has a capital letter (any script) */
} gg_i_forms;

/*
 * Whether a form must match with its capitals as written: a word with a
 * capital after its first letter ("NAS", "NeRF", "TCP/IP", Greek or
 * Cyrillic acronyms alike), or a form whose only letter is a capital ("C").
 * Other forms match in any case.
 */
bool gg_i_form_exact_case(const char *s, size_t n);

/*
 * Add every form of every concept of `g` to `a` (not compiled): the name,
 * aliases and abbreviations, each with its plural (or singular) on the last
 * word. Forms without letters, affixes ("-oid") and names of more than 256
 * bytes (prose, not terms) are left out. Fills
 * `out` (release with gg_i_forms_free). Returns 0 or GG_ENOMEM / GG_ELIMIT.
 */
int gg_i_forms_build(const gg_glossary *g, gg_i_automaton *a, gg_i_forms *out);
void gg_i_forms_free(gg_i_forms *f);

#endif
