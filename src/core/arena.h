/* arena.h - bump allocator for strings and records freed all at once. */
#ifndef GG_CORE_ARENA_H
#define GG_CORE_ARENA_H

#include <stddef.h>

typedef struct gg_i_arena_block gg_i_arena_block;

/* Zero-initialise (GG_ARENA_INIT); release everything with gg_i_arena_free. */
typedef struct gg_i_arena {
	gg_i_arena_block *head;
	size_t used; /* bytes handed out, for the benchmark's memory report */
} gg_i_arena;

#define GG_ARENA_INIT { NULL, 0 }

/* `size` bytes aligned for any type, or NULL when out of memory. */
void *gg_i_arena_alloc(gg_i_arena *a, size_t size);
/* A NUL-terminated copy of s[0..len) in the arena, or NULL. */
char *gg_i_arena_strndup(gg_i_arena *a, const char *s, size_t len);
char *gg_i_arena_strdup(gg_i_arena *a, const char *s);
/* Move every block of `from` into `a`, where it stays until a is freed;
 * `from` is left empty. Nothing is copied: pointers into it stay valid. */
void gg_i_arena_adopt(gg_i_arena *a, gg_i_arena *from);
void gg_i_arena_free(gg_i_arena *a);

#endif
