/*
 * decide.c - the link decision: every mention link gets one score, the
 * logistic of its weighted evidence, and is kept when the score reaches
 * the threshold (README, "Linking").
 */
#include "link/decide.h"
#include "link/context.h"
#include "core/error.h"
#include "core/text.h"
#include "core/threads.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const feature_names[GG_LINK_FEATURE_COUNT] = {
	[GG_FEATURE_BIAS] = "bias",
	[GG_FEATURE_COMMON] = "common",
	[GG_FEATURE_EXCESS] = "excess",
	[GG_FEATURE_ORDINARY] = "ordinary",
	[GG_FEATURE_MULTIWORD] = "multiword",
	[GG_FEATURE_CAPITALS] = "capitals",
	[GG_FEATURE_ABBREVIATION] = "abbreviation",
	[GG_FEATURE_INFLECTED] = "inflected",
	[GG_FEATURE_CUED] = "cued",
	[GG_FEATURE_RECIPROCAL] = "reciprocal",
	[GG_FEATURE_MENTIONS] = "mentions",
	[GG_FEATURE_POSITION] = "position",
	[GG_FEATURE_CASE_AGREES] = "case_agrees",
	[GG_FEATURE_PLAIN_WORD] = "plain_word",
	[GG_FEATURE_DENSE] = "dense",
	[GG_FEATURE_SPECIFICITY] = "specificity",
};

const char *gg_link_feature_name(gg_link_feature f)
{
	return (unsigned)f < GG_LINK_FEATURE_COUNT ? feature_names[f] : "";
}

/*
 * The built-in model: weights fitted by scripts/link_model.py (logistic
 * regression, each glossary weighing the same, a small L2 penalty) on the
 * candidate links of six real glossaries of different fields and sizes
 * (46 to 2,307 entries) labelled by their editors' own cross-references;
 * the threshold is the one that maximises their mean F1. The features that
 * weigh 0 made the F1 of a glossary left out of the fit worse, so the fit
 * leaves them out; a model file can use them. `dense` is the same for every
 * link of a glossary, so it moves the glossary's threshold rather than
 * ranking its links: past the six glossaries' mean vocabulary density (the
 * pivot) the editors of a glossary written densely in its own terms link
 * nearly every mention (a language standard's glossary links 76% of its
 * candidates, the others 24% to 44%); its weight is the one that
 * maximises the mean F1 at the threshold (the geometric middle of those
 * that tie). Left out in turn, each glossary scores F1 0.59 to 0.85 (mean
 * 0.739) under the fit on the five others
 * (scripts/eval_links.py; README, "Link quality").
 */
void gg_i_model_builtin(gg_i_link_model *m)
{
	static const double weight[GG_LINK_FEATURE_COUNT] = {
		[GG_FEATURE_BIAS] = -0.3238,
		[GG_FEATURE_COMMON] = -0.4300,
		[GG_FEATURE_EXCESS] = 0.0000,
		[GG_FEATURE_ORDINARY] = -0.4039,
		[GG_FEATURE_MULTIWORD] = 0.5491,
		[GG_FEATURE_CAPITALS] = 0.0000,
		[GG_FEATURE_ABBREVIATION] = 0.0000,
		[GG_FEATURE_INFLECTED] = -0.2209,
		[GG_FEATURE_CUED] = 1.0390,
		[GG_FEATURE_RECIPROCAL] = 0.7189,
		[GG_FEATURE_MENTIONS] = 0.0778,
		[GG_FEATURE_POSITION] = 0.0000,
		[GG_FEATURE_CASE_AGREES] = -0.2360,
		[GG_FEATURE_PLAIN_WORD] = 0.0000,
		[GG_FEATURE_DENSE] = 1.8000,
		[GG_FEATURE_SPECIFICITY] = 0.5611,
	};
	memcpy(m->weight, weight, sizeof(weight));
	m->threshold = 0.44;
	m->density_pivot = 1.1696;
}

int gg_i_model_read(gg_i_link_model *m, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return gg_i_error_set_errno(GG_EIO, errno, "cannot open link model '%s'", path);
	char line[256];
	size_t line_no = 0;
	bool has_threshold = false;
	int err = 0;
	memset(m, 0, sizeof(*m));
	while (!err && fgets(line, sizeof(line), f)) {
		line_no++;
		line[strcspn(line, "#\r\n")] = '\0';
		char name[64], extra[2];
		double value;
		int fields = sscanf(line, "%63s %lf %1s", name, &value, extra);
		if (fields <= 0)
			continue;
		if (fields != 2 || !isfinite(value)) {
			err = gg_i_error_set(GG_EINVAL, "%s:%zu: expected NAME VALUE", path, line_no);
			break;
		}
		if (strcmp(name, "density_pivot") == 0) {
			if (value < 0)
				err = gg_i_error_set(GG_EINVAL, "%s:%zu: the density pivot must not be negative",
						   path, line_no);
			m->density_pivot = value;
			continue;
		}
		if (strcmp(name, "threshold") == 0) {
			if (value < 0 || value > 1)
				err = gg_i_error_set(GG_EINVAL, "%s:%zu: the threshold must lie in [0, 1]",
						   path, line_no);
			m->threshold = value;
			has_threshold = true;
			continue;
		}
		size_t k = 0;
		while (k < GG_LINK_FEATURE_COUNT && strcmp(feature_names[k], name) != 0)
			k++;
		if (k == GG_LINK_FEATURE_COUNT)
			err = gg_i_error_set(GG_EINVAL, "%s:%zu: unknown feature '%s'", path, line_no, name);
		else
			m->weight[k] = value;
	}
	if (!err && ferror(f))
		err = gg_i_error_set(GG_EIO, "cannot read link model '%s'", path);
	if (!err && !has_threshold)
		err = gg_i_error_set(GG_EINVAL, "%s: no threshold line", path);
	fclose(f);
	return err;
}

double gg_i_score(const gg_i_link_model *m, const double x[GG_LINK_FEATURE_COUNT])
{
	double sum = 0;
	for (size_t k = 0; k < GG_LINK_FEATURE_COUNT; k++)
		sum += m->weight[k] * x[k];
	return 1.0 / (1.0 + exp(-sum));
}

static bool is_capital(char c)
{
	return c >= 'A' && c <= 'Z';
}

uint8_t gg_i_name_marks(const char *name)
{
	uint8_t marks = 0;
	size_t words = 0;
	for (size_t i = 0; name[i]; i++) {
		bool separator = name[i] == ' ' || name[i] == '-';
		words += !separator && (i == 0 || name[i - 1] == ' ' || name[i - 1] == '-');
		marks |= is_capital(name[i]) ? GG_I_NAME_CAPITAL : 0;
		marks |= i > 0 && is_capital(name[i]) ? GG_I_NAME_INNER_CAPITAL : 0;
	}
	return marks | (words > 1 ? GG_I_NAME_WORDS : 0);
}

/* Whether a mention without a case clash or code around it. */
static bool clean(const gg_edge *e)
{
	return e->kind == GG_EDGE_MENTION && e->held != GG_HELD_CASE_CLASH && e->held != GG_HELD_IN_CODE;
}

/* Whether edges hold a clean mention from source to target: a binary
 * search, in the source's run when it is known. */
static bool mentions_cleanly(const gg_i_evidence *ev, size_t source, size_t target)
{
	size_t lo = ev->run ? ev->run[source] : 0, hi = ev->run ? ev->run[source + 1] : ev->n_edges;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const gg_edge *e = &ev->edges[mid];
		if (e->source < source || (e->source == source && e->target < target))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ev->n_edges && ev->edges[lo].source == source &&
	       ev->edges[lo].target == target && clean(&ev->edges[lo]);
}

/*
 * A target's share of the definitions: how many may name it before it
 * counts as common. Most terms of a glossary are named by a handful of
 * definitions; a term named by over 1 in 250 (at least 5) is a word of the
 * field's everyday language, unless its name is specific (several words,
 * or not an ordinary word), which may be named four times as often.
 */
#define SHARE_FLOOR 5.0
#define SHARE_FRACTION 0.004
#define SHARE_SPECIFIC 4.0

/*
 * Definitions that must name an ordinary word before it counts as one: an
 * everyday word recurs in prose, so a word that one definition alone names
 * shows no everyday use, and in a small glossary whose terms are ordinary
 * words each named once that mention is the term's.
 */
#define ORDINARY_MIN_DF 2

/* GG_FEATURE_SPECIFICITY of a target that df definitions name, log_n = log(1 + N): in [0, 1]. */
static double specificity(double df, double log_n)
{
	double sp = 1.0 - log(1.0 + df) / (log_n > 0 ? log_n : 1);
	return sp < 0 ? 0 : sp;
}

void gg_i_edge_features(const gg_i_evidence *ev, size_t i, double x[GG_LINK_FEATURE_COUNT])
{
	const gg_edge *e = &ev->edges[i];
	memset(x, 0, GG_LINK_FEATURE_COUNT * sizeof(*x));
	x[GG_FEATURE_BIAS] = 1;
	if (e->kind != GG_EDGE_MENTION)
		return;
	uint8_t name = ev->name_marks ? ev->name_marks[e->target]
				      : gg_i_name_marks(gg_glossary_concept(ev->g, e->target)->name);
	bool inner_capital = name & GG_I_NAME_INNER_CAPITAL;
	bool ordinary = ev->ordinary && ev->ordinary[e->target] && !(name & GG_I_NAME_WORDS) &&
			!inner_capital;
	double df = ev->df ? ev->df[e->target] : 0;
	double share = fmax(SHARE_FLOOR, (double)ev->n_terms * SHARE_FRACTION) *
		       (ordinary ? 1.0 : SHARE_SPECIFIC);
	x[GG_FEATURE_COMMON] = df > share;
	x[GG_FEATURE_EXCESS] = df > share ? log((1.0 + df) / (1.0 + share)) : 0;
	x[GG_FEATURE_ORDINARY] = ordinary && df >= ORDINARY_MIN_DF;
	x[GG_FEATURE_MULTIWORD] = (name & GG_I_NAME_WORDS) != 0;
	x[GG_FEATURE_CAPITALS] = inner_capital;
	x[GG_FEATURE_ABBREVIATION] = e->rule == GG_RULE_ABBREVIATION;
	x[GG_FEATURE_INFLECTED] = e->rule == GG_RULE_INFLECTED;
	x[GG_FEATURE_CUED] = e->cued;
	x[GG_FEATURE_RECIPROCAL] = mentions_cleanly(ev, e->target, e->source);
	x[GG_FEATURE_MENTIONS] = log((double)(e->weight ? e->weight : 1));
	x[GG_FEATURE_DENSE] = ev->dense;
	/* without the counts (a part of a saved graph) the edge keeps its own */
	x[GG_FEATURE_SPECIFICITY] = ev->df ? specificity(df, ev->log_terms) : e->specificity;
	if (ev->skip_text)
		return;
	/* the features read from the mention's text */
	const gg_entry *entry = gg_glossary_entry(ev->g, e->entry);
	bool surface_capital = false, sentence_start = false;
	for (size_t k = 0; k < e->surface_len; k++)
		surface_capital |= is_capital(e->surface[k]);
	if (entry && e->surface >= entry->definition &&
	    e->surface < entry->definition + entry->definition_len) {
		size_t at = (size_t)(e->surface - entry->definition);
		x[GG_FEATURE_POSITION] = (double)at / (double)entry->definition_len;
		sentence_start = gg_i_sentence_start(entry->definition, at);
	}
	x[GG_FEATURE_CASE_AGREES] = (name & GG_I_NAME_CAPITAL) && surface_capital && !sentence_start;
	x[GG_FEATURE_PLAIN_WORD] = ordinary && !surface_capital;
}

/*
 * A term named by more than this share of the definitions is part of every
 * entry's furniture (a language label, a field name), not of the prose.
 */
#define FURNITURE_SHARE 0.5

/*
 * Links needed before the density is told: a handful of short definitions
 * is dense in its terms by chance, whatever the editors' habit.
 */
#define DENSITY_MIN_LINKS 50

double gg_i_vocabulary_density(const gg_edge *edges, size_t n, const uint32_t *df,
			       size_t n_concepts, uint64_t text_bytes)
{
	size_t named = 0;
	for (size_t i = 0; i < n; i++)
		named += clean(&edges[i]) && !edges[i].cued &&
			 (double)df[edges[i].target] <= FURNITURE_SHARE * (double)n_concepts;
	return named < DENSITY_MIN_LINKS || !text_bytes ? 0 : 100.0 * (double)named / (double)text_bytes;
}

double gg_i_dense(const gg_i_link_model *m, double density)
{
	return density > m->density_pivot ? density - m->density_pivot : 0;
}

/* One thread's share of the scoring: edges [from, to). */
typedef struct scorer {
	const gg_i_evidence *ev;
	const gg_i_link_model *m;
	gg_edge *edges;
	size_t from, to;
} scorer;

/* Write the score of each edge of the share; a thread's body. Reads only
 * `held` of other edges, writes only `score` and `specificity`. */
static void *score_range(void *arg)
{
	const scorer *s = arg;
	double x[GG_LINK_FEATURE_COUNT];
	for (size_t i = s->from; i < s->to; i++) {
		gg_edge *e = &s->edges[i];
		if (e->kind != GG_EDGE_MENTION) {
			e->score = 1;
			e->specificity = 1;
			continue;
		}
		gg_i_edge_features(s->ev, i, x);
		e->specificity = x[GG_FEATURE_SPECIFICITY];
		e->score = gg_i_score(s->m, x);
	}
	return NULL;
}

/* A mention's score and whether its source's editors linked its target. */
typedef struct scored {
	double score;
	bool linked;
} scored;

static int by_score_desc(const void *a, const void *b)
{
	const scored *x = a, *y = b;
	return x->score < y->score ? 1 : x->score > y->score ? -1 : 0;
}

/* Editor links needed, and sources holding them, before they set the threshold. */
#define CALIBRATION_MIN_LINKS 20
#define CALIBRATION_MIN_SOURCES 5

/*
 * The threshold that best reproduces the glossary's own editor links: on
 * the concepts whose definitions hold editor links, the score threshold
 * whose kept mention links agree best (F1) with the editor links there.
 * Returns 1 and sets *threshold, *links when there are enough editor links
 * (CALIBRATION_MIN_*), 0 when not, GG_ENOMEM.
 */
static int calibrate(const gg_edge *e, size_t n, double *threshold, size_t *links)
{
	size_t editor = 0, sources = 0, candidates = 0;
	for (size_t i = 0; i < n; i++) {
		if (e[i].kind != GG_EDGE_EDITOR)
			continue;
		editor++;
		bool first_of_source = true;
		for (size_t j = i; j > 0 && e[j - 1].source == e[i].source; j--)
			if (e[j - 1].kind == GG_EDGE_EDITOR) {
				first_of_source = false;
				break;
			}
		sources += first_of_source;
	}
	if (editor < CALIBRATION_MIN_LINKS || sources < CALIBRATION_MIN_SOURCES)
		return 0;
	scored *s = malloc(n * sizeof(*s));
	if (!s)
		return gg_i_error_oom();
	/* per source with editor links: its clean mentions, each linked or not */
	for (size_t first = 0; first < n;) {
		size_t end = first;
		bool has_editor = false;
		while (end < n && e[end].source == e[first].source)
			has_editor |= e[end++].kind == GG_EDGE_EDITOR;
		for (size_t i = first; has_editor && i < end; i++)
			if (clean(&e[i]))
				s[candidates++] = (scored){ e[i].score, i + 1 < end &&
					e[i + 1].target == e[i].target && e[i + 1].kind == GG_EDGE_EDITOR };
		first = end;
	}
	qsort(s, candidates, sizeof(*s), by_score_desc);
	/* keep the top k: F1 = 2 hits / (k + editor links) */
	double best_f1 = 0, best = 1;
	size_t hits = 0;
	for (size_t k = 0; k < candidates; k++) {
		hits += s[k].linked;
		bool cut_here = k + 1 == candidates || s[k + 1].score < s[k].score;
		double f1 = 2.0 * (double)hits / (double)(k + 1 + editor);
		if (cut_here && f1 > best_f1) {
			best_f1 = f1;
			best = s[k].score;
		}
	}
	free(s);
	*threshold = best;
	*links = editor;
	return 1;
}

/* The model's threshold moved by `shift` in log-odds. */
static double shifted(double threshold, double shift)
{
	if (threshold <= 0 || threshold >= 1)
		return threshold;
	double logit = log(threshold / (1 - threshold)) + shift;
	return 1.0 / (1.0 + exp(-logit));
}

/* How far (log-odds) sparse and dense move the model's threshold. */
#define DENSITY_SHIFT 1.0

/* The threshold, by the options, the editor links or the model. 0 or GG_ENOMEM. */
static int choose_threshold(const gg_link_options *o, const gg_i_link_model *m,
			    const gg_edge *e, size_t n, gg_i_decision *d)
{
	d->calibration_links = 0;
	if (o->threshold >= 0) {
		d->threshold = o->threshold;
		d->source = GG_THRESHOLD_USER;
		return 0;
	}
	if (o->density != GG_DENSITY_AUTO) {
		double shift = o->density == GG_DENSITY_SPARSE ? DENSITY_SHIFT
			     : o->density == GG_DENSITY_DENSE ? -DENSITY_SHIFT : 0;
		d->threshold = shifted(m->threshold, shift);
		d->source = o->density == GG_DENSITY_BALANCED ? GG_THRESHOLD_MODEL : GG_THRESHOLD_DENSITY;
		return 0;
	}
	int found = calibrate(e, n, &d->threshold, &d->calibration_links);
	if (found < 0)
		return found;
	if (!found)
		d->threshold = m->threshold;
	d->source = found ? GG_THRESHOLD_EDITORS : GG_THRESHOLD_MODEL;
	return 0;
}

/* Why edge e is held back, its score known (README, "Linking"). */
static gg_hold_reason decide(const gg_link_options *o, const bool *stop, double threshold,
			     const gg_edge *e)
{
	if (o->keep_all)
		return GG_HELD_NONE;
	if (stop && stop[e->target])
		return GG_HELD_STOP_TERM;
	if (e->kind != GG_EDGE_MENTION)
		return GG_HELD_NONE;
	if (e->held == GG_HELD_IN_CODE || e->held == GG_HELD_CASE_CLASH)
		return e->held;
	if (e->score < threshold)
		return GG_HELD_LOW_SCORE;
	if (e->weight < o->min_weight)
		return GG_HELD_MIN_WEIGHT;
	return GG_HELD_NONE;
}

int gg_i_decide_all(const gg_glossary *g, const gg_link_options *o, const gg_i_link_model *m,
		    unsigned threads, gg_edge **edges, size_t *n, uint64_t text_bytes,
		    const bool *ordinary, const bool *stop, gg_i_decision *d)
{
	gg_edge *e = *edges;
	size_t n_edges = *n, n_concepts = gg_glossary_concept_count(g);
	memset(d, 0, sizeof(*d));
	d->mentioned_by = calloc(n_concepts ? n_concepts : 1, sizeof(*d->mentioned_by));
	d->df = calloc(n_concepts ? n_concepts : 1, sizeof(*d->df));
	if (!d->mentioned_by || !d->df) {
		free(d->mentioned_by);
		free(d->df);
		memset(d, 0, sizeof(*d));
		return gg_i_error_oom();
	}
	for (size_t i = 0; i < n_edges; i++) {
		if (e[i].kind != GG_EDGE_MENTION)
			continue;
		d->mentioned_by[e[i].target]++;
		d->mentions += e[i].weight;
		d->df[e[i].target] += clean(&e[i]);
	}
	size_t *run = malloc((n_concepts + 1) * sizeof(*run));
	uint8_t *name_marks = malloc(n_concepts ? n_concepts : 1);
	if (!run || !name_marks) {
		free(run);
		free(name_marks);
		free(d->mentioned_by);
		free(d->df);
		memset(d, 0, sizeof(*d));
		return gg_i_error_oom();
	}
	size_t c = 0;
	for (size_t i = 0; i < n_edges; i++)
		while (c <= e[i].source)
			run[c++] = i;
	while (c <= n_concepts)
		run[c++] = n_edges;
	for (c = 0; c < n_concepts; c++)
		name_marks[c] = gg_i_name_marks(gg_glossary_concept(g, c)->name);
	d->density = gg_i_vocabulary_density(e, n_edges, d->df, n_concepts, text_bytes);
	gg_i_evidence ev = { g, e, n_edges, d->df, ordinary, gg_glossary_stats(g)->concepts,
			     name_marks, run, gg_i_dense(m, d->density),
			     m->weight[GG_FEATURE_POSITION] == 0 &&
			     m->weight[GG_FEATURE_CASE_AGREES] == 0 &&
			     m->weight[GG_FEATURE_PLAIN_WORD] == 0,
			     log(1.0 + (double)gg_glossary_stats(g)->concepts) };
	scorer scorers[GG_MAX_THREADS];
	for (unsigned t = 0; t < threads; t++)
		scorers[t] = (scorer){ &ev, m, e, n_edges * t / threads, n_edges * (t + 1) / threads };
	gg_i_run_threads(threads, score_range, scorers, sizeof(*scorers));
	free(run);
	free(name_marks);
	int err = choose_threshold(o, m, e, n_edges, d);
	if (err) {
		free(d->mentioned_by);
		free(d->df);
		memset(d, 0, sizeof(*d));
		return err;
	}
	for (size_t i = 0; i < n_edges; i++)
		e[i].held = decide(o, stop, d->threshold, &e[i]);
	if (o->drop_held) {
		size_t kept = 0;
		for (size_t i = 0; i < n_edges; i++)
			if (e[i].held == GG_HELD_NONE)
				e[kept++] = e[i];
		d->dropped = n_edges - kept;
		*n = kept;
		gg_edge *smaller = realloc(e, (kept ? kept : 1) * sizeof(*e));
		if (smaller) /* else the bigger block serves as well */
			*edges = smaller;
	}
	return 0;
}
