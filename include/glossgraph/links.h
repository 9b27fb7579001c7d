/*
 * glossgraph/links.h - the linker: cross-references between concepts found
 * in their definitions, weighted, each with its evidence.
 */
#ifndef GLOSSGRAPH_LINKS_H
#define GLOSSGRAPH_LINKS_H

typedef struct gg_links gg_links;

/** What an edge stands for. */
typedef enum gg_edge_kind {
	GG_EDGE_MENTION,  /**< the source's definition names the target */
	GG_EDGE_EDITOR,   /**< an editor's explicit link (HTML <a href="#...">) */
	GG_EDGE_CATEGORY, /**< the source's header category is the target */
	GG_EDGE_KEYWORD   /**< the source's header lists the target as keyword */
} gg_edge_kind;

/** How the first mention matched. */
typedef enum gg_match_rule {
	GG_RULE_EXACT,        /**< the name as written */
	GG_RULE_CASE_FOLDED,  /**< the name in other capitals */
	GG_RULE_INFLECTED,    /**< a plural or other inflected form */
	GG_RULE_ABBREVIATION, /**< an abbreviation, capitals as written */
	GG_RULE_ALIAS,        /**< another name of the concept */
	GG_RULE_HEADER,       /**< from the header line (category, keyword) */
	GG_RULE_HREF          /**< from an editor's link */
} gg_match_rule;

/** Why an edge is held back from the default graph. */
typedef enum gg_hold_reason {
	GG_HELD_NONE,       /**< kept */
	GG_HELD_GENERIC,    /**< the target is mentioned by too many definitions */
	GG_HELD_CASE_CLASH, /**< capitalised in the text, never in the glossary */
	GG_HELD_STOP_TERM,  /**< the target is in the user's stop-term list */
	GG_HELD_MIN_WEIGHT  /**< fewer mentions than --min-weight */
} gg_hold_reason;

/** One cross-reference from one concept to another. */
typedef struct gg_edge {
	size_t source, target; /**< concept indices */
	gg_edge_kind kind;
	gg_match_rule rule;
	gg_hold_reason held;
	bool cued;             /**< a mention follows "see", "compare", ... */
	uint32_t weight;       /**< mentions, summed over the source's entries */
	double specificity;    /**< 1 for a target only this source mentions, towards 0 for one every definition mentions */
	/* evidence: the first mention, in the text of entry `entry` (its
	 * file and line: gg_glossary_entry; the text around it: gg_edge_snippet) */
	size_t entry;          /**< entry holding the first mention */
	const char *surface;   /**< the mention as written: surface_len bytes, not NUL-terminated, inside the glossary's text */
	uint32_t surface_len;
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
/** Why an edge is held: "generic", "case-clash", ...; "" when it is kept. */
const char *gg_hold_reason_name(gg_hold_reason h);

/** Settings of the linker; gg_link_options_init gives the defaults. */
typedef struct gg_link_options {
	double generic_fraction; /**< f: a target named by more than this share of definitions is generic (0.004) */
	double specific_factor;  /**< K: how much more a multi-word or coined term may be named (4) */
	uint32_t generic_floor;  /**< a target named by this many definitions or fewer is never generic (5) */
	uint32_t min_weight;     /**< hold edges with fewer mentions (1) */
	bool keep_all;           /**< hold nothing back */
	bool drop_held;          /**< keep only the edges of the default graph: held ones are counted (gg_links_dropped) but not stored, which saves memory on big glossaries; gg_check and exports of held edges need them */
	const char *stop_terms;  /**< file of terms never linked to, one a line; NULL for none */
	const char *dictionary;  /**< word list telling ordinary words (default /usr/share/dict/words) */
	unsigned threads;        /**< 0: one per core */
} gg_link_options;

/** Fill *o with the defaults (the values in the comments above). */
void gg_link_options_init(gg_link_options *o);

/**
 * Link every definition of a built glossary (`o` NULL: the defaults), on
 * several threads when there is over 1 MiB of text. Time linear in the
 * text, whatever the number of terms. The glossary must outlive the links.
 * @return 0; GG_EINVAL when the glossary is not built; GG_EIO when the
 * stop-term file, or a dictionary named in `o`, cannot be read (a missing
 * default dictionary only makes every one-word name ordinary); GG_ELIMIT
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
/** Bytes of definition text scanned, for throughput figures. */
uint64_t gg_links_bytes_scanned(const gg_links *l);
/** Mentions found in all definitions, those of held-back links included. */
uint64_t gg_links_mentions(const gg_links *l);

#endif
