/*
 * glossgraph/links.h - the linker: cross-references between concepts found
 * in their definitions, weighted, each with its evidence.
 */
#ifndef GLOSSGRAPH_LINKS_H
#define GLOSSGRAPH_LINKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "glossary.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gg_links gg_links;

/** What an edge stands for. */
typedef enum gg_edge_kind {
	GG_EDGE_MENTION,  /**< the source's definition names the target */
	GG_EDGE_EDITOR,   /**< an editor's explicit link (HTML <a href="#...">) */
	GG_EDGE_CATEGORY, /**< the source's header category is the target */
	GG_EDGE_KEYWORD,  /**< the source's header lists the target as keyword */
	GG_EDGE_KIND_COUNT
} gg_edge_kind;

/** How the first mention matched. */
typedef enum gg_match_rule {
	GG_RULE_EXACT,        /**< the name as written */
	GG_RULE_CASE_FOLDED,  /**< the name in other capitals */
	GG_RULE_INFLECTED,    /**< a plural or other inflected form */
	GG_RULE_ABBREVIATION, /**< an abbreviation, capitals as written */
	GG_RULE_ALIAS,        /**< another name of the concept */
	GG_RULE_HEADER,       /**< from the header line (category, keyword) */
	GG_RULE_HREF,         /**< from an editor's link */
	GG_MATCH_RULE_COUNT
} gg_match_rule;

/** Why an edge is held back from the default graph. */
typedef enum gg_hold_reason {
	GG_HELD_NONE,       /**< kept */
	GG_HELD_LOW_SCORE,  /**< the link's score is below the threshold (gg_links_threshold) */
	GG_HELD_CASE_CLASH, /**< capitalised in the text, never in the glossary */
	GG_HELD_STOP_TERM,  /**< the target is in the user's stop-term list */
	GG_HELD_MIN_WEIGHT, /**< fewer mentions than --min-weight */
	GG_HELD_IN_CODE,    /**< every mention is inside a URL, path, identifier or code span */
	GG_HOLD_REASON_COUNT
} gg_hold_reason;

/** One cross-reference from one concept to another. */
typedef struct gg_edge {
	size_t source, target; /**< concept indices */
	gg_edge_kind kind;
	gg_match_rule rule;
	gg_hold_reason held;
	bool cued;             /**< a mention follows "see", "compare", ... */
	uint32_t weight;       /**< mentions, summed over the source's entries */
	uint32_t surface_len;  /**< bytes of `surface` (kept here, where it fills what would be padding) */
	double specificity;    /**< 1 for a target only this source mentions, towards 0 for one every definition mentions */
	double score;          /**< a mention's link score in [0, 1] (the evidence combined, README "Linking"); 1 for the other kinds */
	/* evidence: the first mention, in the text of entry `entry` (its
	 * file and line: gg_glossary_entry; the text around it: gg_edge_snippet) */
	size_t entry;          /**< entry holding the first mention */
	const char *surface;   /**< the mention as written: surface_len bytes, not NUL-terminated, inside the glossary's text */
	uint64_t offset;       /**< byte offset of the mention in the entry's file */
} gg_edge;

/** Room for the snippet of any mention (not of a header line, which can be longer). */
#define GG_SNIPPET_MAX 512

/**
 * The text around edge e's evidence, on one line: for a mention or an
 * editor link, up to 60 bytes each side of it in the definition ("..." where
 * cut, Markdown ** dropped); for a category or keyword, the header line.
 * Writes at most `size` bytes, NUL included, to buf (as snprintf) and
 * returns the snippet's whole length; "" when the edge names no text of the
 * glossary. Made on demand from the glossary's text: nothing is stored.
 */
size_t gg_edge_snippet(const gg_links *l, const gg_edge *e, char *buf, size_t size);

/** The name of an edge kind: "mention", "editor", "category", "keyword". */
const char *gg_edge_kind_name(gg_edge_kind k);
/** The name of a match rule: "exact", "case-folded", "inflected", ... */
const char *gg_match_rule_name(gg_match_rule r);
/** Why an edge is held: "low-score", "case-clash", ...; "" when it is kept. */
const char *gg_hold_reason_name(gg_hold_reason h);

/**
 * The evidence a mention link's score combines, each a number (README,
 * "Linking"): the score is 1 / (1 + exp(-sum of weight x value)).
 */
typedef enum gg_link_feature {
	GG_FEATURE_BIAS,         /**< always 1 */
	GG_FEATURE_COMMON,       /**< more definitions name the target than its share: max(5, N / 250) of N, four times that unless its name is one ordinary word */
	GG_FEATURE_EXCESS,       /**< log((1 + definitions naming it) / (1 + its share)) when above its share, else 0 */
	GG_FEATURE_ORDINARY,     /**< the target's name is one ordinary word of the language, named by two definitions or more */
	GG_FEATURE_MULTIWORD,    /**< the target's name has several words */
	GG_FEATURE_CAPITALS,     /**< the target's name has a capital past its first letter (NASA, NeRF) */
	GG_FEATURE_ABBREVIATION, /**< the mention is an abbreviation of the target */
	GG_FEATURE_INFLECTED,    /**< the mention is a plural or other inflected form */
	GG_FEATURE_CUED,         /**< a cue ("see", "syn.", "q.v." ...) introduces a mention */
	GG_FEATURE_RECIPROCAL,   /**< the target's definition names the source back */
	GG_FEATURE_MENTIONS,     /**< log(mentions) */
	GG_FEATURE_POSITION,     /**< where the first mention stands: 0 at the definition's start, 1 at its end */
	GG_FEATURE_CASE_AGREES,  /**< a mention inside a sentence shows the capitals of the target's name */
	GG_FEATURE_PLAIN_WORD,   /**< the target is an ordinary word and the first mention is in lower case */
	GG_FEATURE_DENSE,        /**< how far the glossary's vocabulary density (gg_links_vocabulary_density) exceeds the model's pivot, else 0; the same for every mention of a glossary */
	GG_FEATURE_SPECIFICITY,  /**< how few definitions name the target: 1 - log(1 + definitions naming it) / log(1 + N), the edge's specificity */
	GG_LINK_FEATURE_COUNT
} gg_link_feature;

/** A feature's name as a link model file spells it: "df", "ordinary", ... */
const char *gg_link_feature_name(gg_link_feature f);

/** How dense a graph to make when no threshold is given. */
typedef enum gg_link_density {
	GG_DENSITY_AUTO,     /**< the glossary's own editor links when it has enough, else balanced */
	GG_DENSITY_SPARSE,   /**< fewer links: the model's threshold raised */
	GG_DENSITY_BALANCED, /**< the model's threshold */
	GG_DENSITY_DENSE,    /**< more links: the model's threshold lowered */
	GG_LINK_DENSITY_COUNT
} gg_link_density;

/** Where the threshold of a links object came from. */
typedef enum gg_threshold_source {
	GG_THRESHOLD_MODEL,   /**< the link model's own */
	GG_THRESHOLD_DENSITY, /**< the model's, moved by gg_link_options.density */
	GG_THRESHOLD_EDITORS, /**< fitted to the glossary's editor links */
	GG_THRESHOLD_USER,    /**< gg_link_options.threshold */
	GG_THRESHOLD_SOURCE_COUNT
} gg_threshold_source;

/** "model", "density", "editor links", "user". */
const char *gg_threshold_source_name(gg_threshold_source s);

/** Settings of the linker; gg_link_options_init gives the defaults. */
typedef struct gg_link_options {
	const char *model;       /**< link model file (feature weights and threshold); NULL: the built-in one */
	double threshold;        /**< keep mention links scoring at least this; negative: from the model, density or editor links (-1) */
	gg_link_density density; /**< AUTO */
	uint32_t min_weight;     /**< hold edges with fewer mentions (1) */
	bool keep_all;           /**< hold nothing back */
	bool drop_held;          /**< keep only the edges of the default graph: held ones are counted (gg_links_dropped) but not stored, which saves memory on big glossaries; gg_check and exports of held edges need them */
	const char *stop_terms;  /**< file of terms never linked to, one a line; NULL for none */
	const char *dictionary;  /**< word list telling ordinary words (default /usr/share/dict/words) */
	unsigned threads;        /**< 0: one per core */
	gg_progress progress;    /**< told how linking goes (GG_STAGE_LINK); zeroed: not */
} gg_link_options;

/** Fill *o with the defaults (the values in the comments above). */
void gg_link_options_init(gg_link_options *o);

/**
 * Link every definition of a built glossary (`o` NULL: the defaults), on
 * several threads when there is over 1 MiB of text. Time linear in the
 * text, whatever the number of terms. The glossary must outlive the links.
 * @return 0; GG_EINVAL when the glossary is not built; GG_EIO when the
 * stop-term file, the link model file, or a dictionary named in `o`,
 * cannot be read (a missing default dictionary only makes every one-word
 * name ordinary); GG_EINVAL for a link model file that is not one (its
 * file and line in the message); GG_ELIMIT
 * past the matcher's size limits; GG_ENOMEM. *out is NULL on error.
 */
int gg_links_new(gg_links **out, const gg_glossary *g, const gg_link_options *o);
/** Release the links; NULL is allowed. */
void gg_links_free(gg_links *l);

/** The edges stored, sorted by source, target, kind: every edge, held ones
 * included, unless the links were made with drop_held (gg_links_dropped). */
size_t gg_links_count(const gg_links *l);
/** Edge i, or NULL when i is out of range; valid while l lives. */
const gg_edge *gg_links_edge(const gg_links *l, size_t i);

/** Held-back edges not stored because of drop_held (0 without it). */
size_t gg_links_dropped(const gg_links *l);

/** How many definitions (concepts) mention concept c (held-back links included). */
size_t gg_links_mentioned_by(const gg_links *l, size_t c);
/** The glossary the links were made from. */
const gg_glossary *gg_links_glossary(const gg_links *l);
/** The threshold mention links were kept at, and where it came from (*source, may be NULL). */
double gg_links_threshold(const gg_links *l, gg_threshold_source *source);
/** Editor links the threshold was fitted to (0 unless its source is GG_THRESHOLD_EDITORS). */
size_t gg_links_calibration_links(const gg_links *l);
/** The weight of feature f in the model the links were scored with. */
double gg_links_feature_weight(const gg_links *l, gg_link_feature f);
/**
 * The features of edge e (one of l's) in x: what its score combines. A
 * mention's are worked out anew from the glossary; other kinds get zeros
 * but the bias. O(log E).
 */
void gg_links_edge_features(double x[GG_LINK_FEATURE_COUNT], const gg_links *l, const gg_edge *e);

/**
 * How densely the glossary's definitions are written in its own
 * vocabulary: the links to terms named without a cue, by at most half of
 * the definitions, per 100 bytes of definition text (held-back links
 * included); 0 when fewer than 50 links count, and for links made from
 * ready edges.
 */
double gg_links_vocabulary_density(const gg_links *l);

/** Bytes of definition text scanned, for throughput figures. */
uint64_t gg_links_bytes_scanned(const gg_links *l);
/** Mentions found in all definitions, those of held-back links included. */
uint64_t gg_links_mentions(const gg_links *l);

#ifdef __cplusplus
}
#endif

#endif
