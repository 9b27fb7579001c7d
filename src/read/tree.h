/* tree.h - what the JSON and YAML readers share: a tree of values (jansson's) read as entries. */
#ifndef GG_READ_TREE_H
#define GG_READ_TREE_H

#include "read/read.h"

#include <jansson.h>
#include <stdbool.h>

/*
 * Where each member of `container` (the value of an array, the key of an
 * object) starts in the source's text, in order, as a malloc'd array of *n
 * positions; path[0, depth) are the indices of the members that lead to
 * the container from the root, and `at` is where the member holding it
 * starts (SIZE_MAX: not known). NULL when out of memory.
 */
typedef size_t *(*gg_i_member_starts)(void *ctx, const gg_i_source *src, const json_t *container,
				      const size_t *path, size_t depth, size_t at, size_t *n);

/*
 * The entries of a tree: the objects of an array, the members of an
 * object of terms (term -> definition, or term -> object), or those of the
 * list that wrapper objects hold ({"terms": [...]}); each at its member's
 * start. 0 or an error; a tree without entries is no error.
 */
int gg_i_read_tree(gg_i_source *src, json_t *root, gg_i_member_starts starts, void *ctx);

/*
 * The fields of object o into rec, by their keys' names (a CSV column's
 * name, or DocBook's); with `named` (the entry's term given already) a
 * term field is an alias. Keys that name no field are passed over, values
 * of the wrong kind warned of. 0 or GG_ENOMEM.
 */
int gg_i_tree_fields(gg_i_record *rec, json_t *o, bool named);

#endif
