/* yaml.h - YAML documents made into trees (src/read/tree.h) for the YAML reader and Markdown's front matter. */
#ifndef GG_READ_YAML_H
#define GG_READ_YAML_H

#include "read/tree.h"

#include <stdint.h>

/* A YAML document made into a tree, with where its containers' members start. */
typedef struct gg_i_yaml_tree {
	json_t *root;
	struct gg_i_yaml_members *members; /* one per container kept, by the container's address */
	size_t n_members, cap_members;
	size_t *line_starts; /* the text position of each of the document's lines, as YAML counts them */
	size_t n_lines;
	size_t passed_over;  /* keys passed over: given twice, or no scalar */
	uint32_t passed_line; /* the first one's line in the file */
	bool more_documents;  /* another document followed the first */
} gg_i_yaml_tree;

/* gg_i_yaml_load's result for text that is no YAML. */
#define GG_I_NOT_YAML 1

/*
 * Parse the YAML document in src->text[from, to) (its first one, starting
 * at a line's start) into *tree: every scalar a string (an empty or "~" or
 * "null" plain value null; a key always its string), aliases null, a
 * mapping's key given twice or that is no scalar passed over (counted).
 * Returns 0; GG_I_NOT_YAML when it is no YAML or nests deeper than 256
 * levels, with why (and *line, its line in the file); GG_ENOMEM. The tree
 * is the caller's to free (gg_i_yaml_free) in every case.
 */
int gg_i_yaml_load(const gg_i_source *src, size_t from, size_t to, gg_i_yaml_tree *tree, char *why, size_t size,
		   uint32_t *line);
void gg_i_yaml_free(gg_i_yaml_tree *tree);

/* gg_i_member_starts for a YAML tree (ctx: the gg_i_yaml_tree). */
size_t *gg_i_yaml_member_starts(void *ctx, const gg_i_source *src, const json_t *container, const size_t *path,
				size_t depth, size_t at, size_t *n);

#endif
