/*
 * cmd_check.c - `glossgraph check`: what the linker held back and why, and
 * the findings of gg_check, one a line.
 */
#include "cli/cli.h"

#include <stdlib.h>

static const char usage[] = "glossgraph check [-i PATH]... [--tsv|--json] [-n N]";

static const char *const finding_names[] = {
	[GG_FINDING_OVER_LINKED] = "over-linked",
	[GG_FINDING_ORPHAN] = "orphan",
	[GG_FINDING_UNMENTIONED] = "unmentioned",
	[GG_FINDING_ABBREV_COLLISION] = "abbreviation-collision",
	[GG_FINDING_NEAR_DUPLICATE] = "likely-duplicate",
};

/* One line of explanation for a finding. */
static void describe(char *buf, size_t cap, const gg_glossary *g, const gg_finding *f)
{
	size_t terms = gg_glossary_stats(g)->concepts;
	const char *other = f->other != SIZE_MAX ? gg_glossary_concept(g, f->other)->name : "";
	switch (f->kind) {
	case GG_FINDING_OVER_LINKED:
		snprintf(buf, cap, "named by %zu of %zu definitions; %zu link%s to it held back",
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
	}
}

/* "kept", or why links are held back. */
static const char *link_state(gg_hold_reason r)
{
	return r == GG_HELD_NONE ? "kept" : gg_hold_reason_name(r);
}

static int check_option(int opt, const char *arg, void *payload)
{
	return opt == 'n' && cli_parse_count(usage, "-n", arg, payload) ? 0 : 1;
}

int cmd_check(int argc, char **argv)
{
	static const struct option long_options[] = { CLI_COMMON_LONG_OPTIONS };
	static const cli_spec spec = {
		usage, "Reports what the linker held back from the graph and why (by reason),\n"
		"then findings: over-linked terms (held back as generic), orphans,\n"
		"concepts nobody links to, abbreviation collisions and likely duplicate\n"
		"concepts. Lists at most N findings of each kind (default 20).\n\n"
		"  -n N              findings of each kind (0: all)\n",
		"n:", long_options, check_option, 0, 0
	};
	cli_common common;
	long max = 20;
	int code;
	cli_common_init(&common);
	if (cli_parse(argc, argv, &spec, &common, &max, &code) < 0) {
		cli_common_free(&common);
		return code;
	}
	gg_glossary *g = cli_load_glossary(&common);
	gg_links *l = NULL;
	gg_finding *found = NULL;
	size_t n = 0;
	cli_common_free(&common);
	if (!g)
		return EXIT_ERROR;
	if (gg_links_new(&l, g, &common.link) != 0 || gg_check(l, &found, &n) != 0) {
		cli_error("%s", gg_error_last());
		gg_links_free(l);
		gg_glossary_free(g);
		return EXIT_ERROR;
	}

	size_t held[GG_HELD_MIN_WEIGHT + 1] = { 0 };
	for (size_t i = 0; i < gg_links_count(l); i++)
		held[gg_links_edge(l, i)->held]++;
	if (common.format == FORMAT_JSON) {
		fputs("{\n  \"links\": {", stdout);
		for (size_t r = 0; r <= GG_HELD_MIN_WEIGHT; r++)
			printf("%s\"%s\": %zu", r ? ", " : "", link_state(r), held[r]);
		fputs("},\n  \"findings\": [", stdout);
	} else if (common.format == FORMAT_TSV) {
		puts("finding\tterm\tdetail");
		for (size_t r = 0; r <= GG_HELD_MIN_WEIGHT; r++)
			printf("links-%s\t\t%zu\n", link_state(r), held[r]);
	} else {
		printf("links: %zu kept", held[GG_HELD_NONE]);
		for (size_t r = 1; r <= GG_HELD_MIN_WEIGHT; r++)
			printf(", %zu held back (%s)", held[r], gg_hold_reason_name(r));
		putchar('\n');
	}
	size_t shown = 0, of_kind = 0;
	for (size_t i = 0; i < n; i++) {
		const gg_finding *f = &found[i];
		of_kind = i && found[i - 1].kind == f->kind ? of_kind + 1 : 0;
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
	free(found);
	gg_links_free(l);
	gg_glossary_free(g);
	return cli_finish_stdout(EXIT_OK);
}
