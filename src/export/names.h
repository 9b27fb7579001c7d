/* names.h - unique names within one export (IRI slugs, file names): a taken name gets -2, -3, ... */
#ifndef GG_EXPORT_NAMES_H
#define GG_EXPORT_NAMES_H

#include "core/strmap.h"

#include <stddef.h>

/* The names given so far, owned. Zero-initialise; release with gg_i_names_free. */
typedef struct gg_i_names {
	gg_i_strmap taken; /* keys: the names below */
	char **owned;
	size_t n, cap;
} gg_i_names;

/*
 * Give out `base` when it is free, else the first free of base-2, base-3,
 * ...; `fold` (NULL: none) maps the name to the key compared, so that
 * names that differ in case only can count as taken. *out is the name,
 * owned by `names` until gg_i_names_free. Returns 0 or GG_ENOMEM. The same
 * calls in the same order give the same names.
 */
int gg_i_names_take(gg_i_names *names, const char *base, void (*fold)(char *key),
		    const char **out);
void gg_i_names_free(gg_i_names *names);

#endif
