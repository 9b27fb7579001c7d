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
 * connecting words ("also", "the", "under", "entry", ...) and the place
 * the reader is sent to ("see the explanation at", "the discussion in"),
 * spaces, ':' or ',' -- within the 40 bytes before it. These are the conventions
 * glossaries in general use for cross-references.
 */
bool gg_i_after_cue(const char *text, size_t start);

/*
 * Whether a cue stands right after the mention text[.., end): "(q.v.)",
 * "q.v." or "qv" (quod vide: "which see").
 */
bool gg_i_before_qv(const char *text, size_t len, size_t end);

/*
 * Whether the mention text[.., end) names another document rather than a
 * term: "see the X manual", "... chapter", "... section", "... page",
 * "... documentation", "... guide". Such a "see" is no cue.
 */
bool gg_i_names_document(const char *text, size_t len, size_t end);

/*
 * Whether the mention text[start, end) of a definition len bytes long is
 * part of a URL, an e-mail address, a file path (refs/heads/main), or an
 * identifier or command name (pg_catalog, os.path, mapping[key],
 * git-pack-refs, std::string, key=value): the mention is glued to such a
 * token. A mention that spans the whole token is the term itself. The
 * token is read up to 1 KiB each side of the mention.
 */
bool gg_i_in_code(const char *text, size_t len, size_t start, size_t end);

/*
 * Whether the mention text[start, end) stands in a Markdown code span: a
 * backtick that opens a word (not "par`tee") before it and one that closes
 * a word after it, each within CODE_SPAN_MAX bytes, none between.
 */
bool gg_i_in_code_span(const char *text, size_t len, size_t start, size_t end);

/* Whether text[from, to) holds only list glue: , ; white space "and" "or". */
bool gg_i_list_glue(const char *text, size_t from, size_t to);

#endif
