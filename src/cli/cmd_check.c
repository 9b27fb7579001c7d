/*
 * cmd_check.c - `glossgraph check`: what the linker held back and why, and
 * the findings of gg_check, one a line.
 */
#include "cli/cli.h"

#include <stdlib.h>

static const char usage[] = "glossgraph check [-i PATH]... [--tsv|--json] [-n N] [--scores]";

/* What check was asked: findings per kind, or every mention link's score. */
typedef struct check_request {
	long max;
	bool scores;
} check_request;

enum { OPT_SCORES = 1024 };

static const char *const finding_names[GG_FINDING_KIND_COUNT] = {
	[GG_FINDING_OVER_LINKED] = "over-linked",
	[GG_FINDING_ORPHAN] = "orphan",
	[GG_FINDING_UNMENTIONED] = "unmentioned",
	[GG_FINDING_ABBREV_COLLISION] = "abbreviation-collision",
	[GG_FINDING_NEAR_DUPLICATE] = "likely-duplicate",
	[GG_FINDING_UNKNOWN_TARGET] = "unknown-target",
};

/* One line of explanation for a finding. */
static void describe(char *buf, size_t cap, const gg_glossary *g, const gg_finding *f)
{
	size_t terms = gg_glossary_stats(g)->concepts;
	const char *other = f->other != SIZE_MAX ? gg_glossary_concept(g, f->other)->name : "";
	switch (f->kind) {
	case GG_FINDING_OVER_LINKED:
		snprintf(buf, cap, "named by %zu of %zu definitions; %zu link%s to it held back (low score)",
			 f->count, terms, f->held, f->held == 1 ? "" : "s");
		break;
	case GG_FINDING_ORPHAN:
		snprintf(buf, cap, "no link in or out");
		break;
	case GG_FINDING_UNMENTIONED:
		snprintf(buf, cap, "links to %zu, no definition links to it", f->count);
		break;
	case GG_FINDING_ABBREV_COLLISION:
		snprintf(buf, cap, "'%s' also names '%s'", f->abbreviation, other);
		break;
	case GG_FINDING_NEAR_DUPLICATE:
		snprintf(buf, cap, "and '%s': names %zu letter%s apart", other, f->count,
			 f->count == 1 ? "" : "s");
		break;
	case GG_FINDING_UNKNOWN_TARGET: {
		const gg_entry *e = gg_glossary_entry(g, f->entry);
		snprintf(buf, cap, "links to '%s', which names no entry (%s:%u)", f->target, e->file, (unsigned)e->line);
		break;
	}
	case GG_FINDING_KIND_COUNT:
		buf[0] = '\0';
		break;
	}
}

/* "kept", or why links are held back. */
static const char *link_state(gg_hold_reason r)
{
	return r == GG_HELD_NONE ? "kept" : gg_hold_reason_name(r);
}

static int check_option(int opt, const char *arg, void *payload)
{
	check_request *r = payload;
	if (opt == OPT_SCORES) {
		r->scores = true;
		return 0;
	}
	return opt == 'n' && cli_parse_count(usage, "-n", arg, &r->max) ? 0 : 1;
}

/* Feature k's value and its part of the score (weight x value) as text. */
static void print_part(const gg_links *l, size_t k, const double *x)
{
	printf(" %s %.3g (%+.2f)", gg_link_feature_name((gg_link_feature)k), x[k],
	       gg_links_feature_weight(l, (gg_link_feature)k) * x[k]);
}

/*
 * Every mention link with its score and the parts the score adds up: TSV
 * (source, target, state, score, then each feature's value: the rows a
 * model is fitted from), JSON, or one line each naming the parts that count.
 */
static void print_scores(const gg_links *l, output_format format)
{
	const gg_glossary *g = gg_links_glossary(l);
	double x[GG_LINK_FEATURE_COUNT];
	bool first = true;
	if (format == FORMAT_TSV) {
		fputs("source\ttarget\tstate\tscore", stdout);
		for (size_t k = 1; k < GG_LINK_FEATURE_COUNT; k++)
			printf("\t%s", gg_link_feature_name((gg_link_feature)k));
		putchar('\n');
	} else if (format == FORMAT_JSON) {
		fputs("[", stdout);
	}
	for (size_t i = 0; i < gg_links_count(l); i++) {
		const gg_edge *e = gg_links_edge(l, i);
		if (e->kind != GG_EDGE_MENTION)
			continue;
		const char *source = gg_glossary_concept(g, e->source)->name;
		const char *target = gg_glossary_concept(g, e->target)->name;
		gg_links_edge_features(x, l, e);
		if (format == FORMAT_TSV) {
			cli_tsv_cell(stdout, source);
			putchar('\t');
			cli_tsv_cell(stdout, target);
			printf("\t%s\t%.4f", link_state(e->held), e->score);
			for (size_t k = 1; k < GG_LINK_FEATURE_COUNT; k++)
				printf("\t%.4g", x[k]);
			putchar('\n');
		} else if (format == FORMAT_JSON) {
			fputs(first ? "\n  {\"source\": " : ",\n  {\"source\": ", stdout);
			cli_json_string(stdout, source);
			fputs(", \"target\": ", stdout);
			cli_json_string(stdout, target);
			printf(", \"state\": \"%s\", \"score\": %.4f", link_state(e->held), e->score);
			for (size_t k = 1; k < GG_LINK_FEATURE_COUNT; k++)
				printf(", \"%s\": %.4g", gg_link_feature_name((gg_link_feature)k), x[k]);
			putchar('}');
		} else {
			printf("%s -> %s: %s, score %.3f:", source, target, link_state(e->held), e->score);
			for (size_t k = 0; k < GG_LINK_FEATURE_COUNT; k++)
				if (x[k] != 0 && gg_links_feature_weight(l, (gg_link_feature)k) != 0)
					print_part(l, k, x);
			putchar('\n');
		}
		first = false;
	}
	if (format == FORMAT_JSON)
		fputs("\n]\n", stdout);
}

/* The threshold and where it came from, as text: "0.420 (model)". */
static void describe_threshold(char *buf, size_t cap, const gg_links *l)
{
	gg_threshold_source source;
	double t = gg_links_threshold(l, &source);
	if (source == GG_THRESHOLD_EDITORS)
		snprintf(buf, cap, "%.3f (fitted to %zu editor links)", t, gg_links_calibration_links(l));
	else
		snprintf(buf, cap, "%.3f (%s)", t, gg_threshold_source_name(source));
}

int cmd_check(int argc, char **argv)
{
	static const struct option long_options[] = {
		{ "scores", no_argument, NULL, OPT_SCORES },
		CLI_DB_LONG_OPTION,
		CLI_COMMON_LONG_OPTIONS
	};
	static const cli_spec spec = {
		usage, "Reports what the linker held back from the graph and why (by reason),\n"
		"then findings: over-linked terms (links held back by a low score), orphans,\n"
		"concepts nobody links to, abbreviation collisions, likely duplicate\n"
		"concepts and editors' links that name no entry. Lists at most N\n"
		"findings of each kind (default 20).\n"
		"With --scores: every mention link instead, kept or held, with its\n"
		"score and the evidence the score adds up (--tsv: one column per\n"
		"feature, the rows a link model is fitted from).\n\n"
		"  -n N              findings of each kind (0: all)\n"
		"      --scores      every mention link's score and its parts\n",
		"n:", long_options, check_option, 0, 0
	};
	cli_common common;
	check_request request = { 20, false };
	int code;
	cli_common_init(&common);
	if (cli_parse(argc, argv, &spec, &common, &request, &code) < 0) {
		cli_common_free(&common);
		return code;
	}
	cli_graph cg = { 0 };
	bool loaded = common.db ? cli_open_db(&common, true, false, false, &cg) : cli_load_terms(&common, &cg);
	gg_finding_list found = { NULL, 0 };
	cli_common_free(&common);
	if (!loaded)
		return EXIT_ERROR;
	const gg_glossary *g = cg.glossary;
	if ((!cg.links && gg_links_new(&cg.own_links, g, &common.link) != 0) ||
	    gg_check(&found, cg.links ? cg.links : cg.own_links) != 0) {
		cli_error("%s", gg_error_last());
		cli_graph_free(&cg);
		return EXIT_ERROR;
	}
	const gg_links *l = cg.links ? cg.links : cg.own_links;
	long max = request.max;
	char threshold[128];
	describe_threshold(threshold, sizeof(threshold), l);
	if (request.scores) {
		print_scores(l, common.format);
		gg_finding_list_destroy(&found);
		cli_graph_free(&cg);
		return cli_finish_stdout(EXIT_OK);
	}

	size_t held[GG_HOLD_REASON_COUNT] = { 0 };
	for (size_t i = 0; i < gg_links_count(l); i++)
		held[gg_links_edge(l, i)->held]++;
	if (common.format == FORMAT_JSON) {
		fputs("{\n  \"links\": {", stdout);
		for (size_t r = 0; r < GG_HOLD_REASON_COUNT; r++)
			printf("%s\"%s\": %zu", r ? ", " : "", link_state(r), held[r]);
		fputs("},\n  \"threshold\": ", stdout);
		cli_json_string(stdout, threshold);
		fputs(",\n  \"findings\": [", stdout);
	} else if (common.format == FORMAT_TSV) {
		puts("finding\tterm\tdetail");
		for (size_t r = 0; r < GG_HOLD_REASON_COUNT; r++)
			printf("links-%s\t\t%zu\n", link_state(r), held[r]);
		printf("link-threshold\t\t%s\n", threshold);
	} else {
		printf("links: %zu kept", held[GG_HELD_NONE]);
		for (size_t r = 1; r < GG_HOLD_REASON_COUNT; r++)
			printf(", %zu held back (%s)", held[r], gg_hold_reason_name(r));
		printf("; threshold %s\n", threshold);
	}
	size_t shown = 0, of_kind = 0;
	for (size_t i = 0; i < found.count; i++) {
		const gg_finding *f = &found.items[i];
		of_kind = i && found.items[i - 1].kind == f->kind ? of_kind + 1 : 0;
		if (max && (long)of_kind >= max)
			continue;
		char detail[512];
		const char *term = gg_glossary_concept(g, f->concept)->name;
		describe(detail, sizeof(detail), g, f);
		if (common.format == FORMAT_JSON) {
			printf("%s\n    {\"finding\": \"%s\", \"term\": ", shown ? "," : "", finding_names[f->kind]);
			cli_json_string(stdout, term);
			fputs(", \"detail\": ", stdout);
			cli_json_string(stdout, detail);
			putchar('}');
		} else if (common.format == FORMAT_TSV) {
			printf("%s\t", finding_names[f->kind]);
			cli_tsv_cell(stdout, term);
			putchar('\t');
			cli_tsv_cell(stdout, detail);
			putchar('\n');
		} else {
			printf("%-22s %s: %s\n", finding_names[f->kind], cli_safe(term), cli_safe(detail));
		}
		shown++;
	}
	if (common.format == FORMAT_JSON)
		fputs("\n  ]\n}\n", stdout);
	gg_finding_list_destroy(&found);
	cli_graph_free(&cg);
	return cli_finish_stdout(EXIT_OK);
}
