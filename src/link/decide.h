/* decide.h - the link decision: each mention link's score, the threshold, and why a link is held. */
#ifndef GG_LINK_DECIDE_H
#define GG_LINK_DECIDE_H

#include "glossgraph.h"

#include <stdint.h>

/* A link model: a weight per feature, the threshold a score must reach, and
 * the vocabulary density past which a glossary counts as dense. */
typedef struct gg_i_link_model {
	double weight[GG_LINK_FEATURE_COUNT];
	double threshold;
	double density_pivot;
} gg_i_link_model;

/* The built-in model, fitted on real glossaries (decide.c says how). */
void gg_i_model_builtin(gg_i_link_model *m);

/*
 * Read a model file into *m: lines "NAME VALUE" (a feature name of
 * gg_link_feature_name, "threshold" or "density_pivot"), '#' comments and
 * blank lines. Features the file leaves out weigh 0, the pivot is 0 when
 * left out; the threshold must be given.
 * Returns 0, GG_EIO when the file cannot be read, GG_EINVAL (file:line
 * in the message) for a line that is not one of these.
 */
int gg_i_model_read(gg_i_link_model *m, const char *path);

/* The score of features x under model m: the logistic of their weighted sum. */
double gg_i_score(const gg_i_link_model *m, const double x[GG_LINK_FEATURE_COUNT]);

/* What the features of a mention are read from. */
typedef struct gg_i_evidence {
	const gg_glossary *g;
	const gg_edge *edges;     /* sorted by source, target, kind */
	size_t n_edges;
	const uint32_t *df;       /* per concept: definitions naming it cleanly */
	const bool *ordinary;     /* per concept: its name is an ordinary word (NULL: none is) */
	size_t n_terms;
	/* shortcuts deciding sets up; NULL / false: worked out each time */
	const uint8_t *name_marks; /* per concept: gg_i_name_marks of its name */
	const size_t *run;        /* per source: its first edge; run[concepts] = n_edges */
	double dense;             /* the value of GG_FEATURE_DENSE, the same for every mention */
	bool skip_text;           /* leave the features read from the text at 0 (they weigh 0) */
	double log_terms;         /* log(1 + n_terms), for the specificity */
} gg_i_evidence;

/* What a concept's name shows, as the features read it. */
enum { GG_I_NAME_WORDS = 1, GG_I_NAME_INNER_CAPITAL = 2, GG_I_NAME_CAPITAL = 4 };

/* The GG_I_NAME_* marks of a name: several words, a capital past the first letter, any capital. */
uint8_t gg_i_name_marks(const char *name);

/*
 * The features of edge i in x. A mention is clean when `held` says neither
 * case clash nor code; reciprocity looks for a clean mention back.
 */
void gg_i_edge_features(const gg_i_evidence *ev, size_t i, double x[GG_LINK_FEATURE_COUNT]);

/* What deciding hands to the links object (all arrays malloc'd, per concept). */
typedef struct gg_i_decision {
	uint32_t *mentioned_by;   /* definitions naming the concept, held links included */
	uint32_t *df;             /* definitions naming it cleanly */
	uint64_t mentions;        /* mentions in all definitions */
	size_t dropped;           /* held edges left out (drop_held) */
	double threshold;
	gg_threshold_source source;
	size_t calibration_links; /* editor links the threshold was fitted to */
	double density;           /* gg_links_vocabulary_density */
} gg_i_decision;

/*
 * The vocabulary density of edges[0, n) (sorted, with their provisional
 * `held`) over definitions text_bytes long, df per concept as
 * gg_i_decision.df, n_concepts concepts: gg_links_vocabulary_density
 * (0 below DENSITY_MIN_LINKS links).
 */
double gg_i_vocabulary_density(const gg_edge *edges, size_t n, const uint32_t *df,
			       size_t n_concepts, uint64_t text_bytes);

/* The value of GG_FEATURE_DENSE for a glossary of vocabulary density `density` under m. */
double gg_i_dense(const gg_i_link_model *m, double density);

/*
 * Score and decide every edge of *edges (n of them, ordered by source,
 * target and kind, with a provisional `held`: GG_HELD_NONE, CASE_CLASH or
 * IN_CODE by what their mentions showed), on `threads` threads, with model
 * m and options o; text_bytes is the length of all the definitions;
 * `ordinary` and `stop` (NULL for none) are per concept. With drop_held
 * the held edges leave *edges (*n shrinks). Fills *d.
 * Returns 0 or GG_ENOMEM (then *d holds nothing to free).
 */
int gg_i_decide_all(const gg_glossary *g, const gg_link_options *o, const gg_i_link_model *m,
		    unsigned threads, gg_edge **edges, size_t *n, uint64_t text_bytes,
		    const bool *ordinary, const bool *stop, gg_i_decision *d);

#endif
