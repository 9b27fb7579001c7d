/* arena.c - bump allocator: large blocks, one free for everything. */
#include "core/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE ((size_t)1 << 20)

struct gg_i_arena_block {
	gg_i_arena_block *next;
	size_t size;
	size_t used;
	alignas(max_align_t) unsigned char data[];
};

void *gg_i_arena_alloc(gg_i_arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	if (size > SIZE_MAX - align - sizeof(gg_i_arena_block))
		return NULL;
	size = (size + align - 1) & ~(align - 1);
	gg_i_arena_block *b = a->head;
	if (!b || b->size - b->used < size) {
		size_t bsize = size > BLOCK_SIZE / 4 ? size : BLOCK_SIZE;
		b = malloc(sizeof(*b) + bsize);
		if (!b)
			return NULL;
		b->size = bsize;
		b->used = 0;
		if (size > BLOCK_SIZE / 4 && a->head) {
			/* keep filling the current block; chain the big one behind it */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = b->data + b->used;
	b->used += size;
	a->used += size;
	return p;
}

char *gg_i_arena_strndup(gg_i_arena *a, const char *s, size_t len)
{
	char *p = gg_i_arena_alloc(a, len + 1);
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *gg_i_arena_strdup(gg_i_arena *a, const char *s)
{
	return gg_i_arena_strndup(a, s, strlen(s));
}

void gg_i_arena_adopt(gg_i_arena *a, gg_i_arena *from)
{
	if (!from->head)
		return;
	gg_i_arena_block *last = from->head;
	while (last->next)
		last = last->next;
	if (a->head) { /* behind a's head, which goes on being filled */
		last->next = a->head->next;
		a->head->next = from->head;
	} else {
		a->head = from->head;
	}
	a->used += from->used;
	*from = (gg_i_arena)GG_ARENA_INIT;
}

void gg_i_arena_free(gg_i_arena *a)
{
	gg_i_arena_block *b = a->head;
	while (b) {
		gg_i_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used = 0;
}
