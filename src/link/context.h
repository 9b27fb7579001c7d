/* context.h - what the text around a mention says: cues, sentence starts. */
#ifndef GG_LINK_CONTEXT_H
#define GG_LINK_CONTEXT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Whether text[start] opens a sentence: only opening quotes or brackets lie
 * between it and the text's start or a '.', '!', '?', ':' or ';' (with any
 * closing quotes or brackets) followed by white space.
 */
bool gg_i_sentence_start(const char *text, size_t start);

/*
 * Whether a cross-reference cue stands right before text[start]: one of
 * "see", "cf.", "compare", "synonym(s)", "opposite(s)", then only small
 * connecting words ("also", "the", "under", "entry", ...), spaces, ':' or
 * ',' -- within the 40 bytes before it. These are the conventions
 * glossaries in general use for cross-references.
 */
bool gg_i_after_cue(const char *text, size_t start);

/* Whether text[from, to) holds only list glue: , ; white space "and" "or". */
bool gg_i_list_glue(const char *text, size_t from, size_t to);

#endif
