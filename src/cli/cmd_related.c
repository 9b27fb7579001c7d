/* cmd_related.c - `glossgraph related TERM...`: terms ranked by relatedness, with reasons. */
#include "cli/cli.h"

#include <stdio.h>

static const char usage[] = "glossgraph related TERM... [-n N] [--all] [--tsv|--json]";

struct args {
	long max;
	bool all;
};

/* -n and --all into struct args; non-zero (reported) for a bad value. */
static int related_option(int opt, const char *arg, void *payload)
{
	struct args *a = payload;
	switch (opt) {
	case 'n':
		return !cli_parse_count(usage, "-n", arg, &a->max);
	case 'a':
		a->all = true;
		return 0;
	default:
		return 1;
	}
}

/*
 * The related terms of one term in `format`. `several`: text gets a heading
 * per term and JSON an element of the outer list (`first` without comma).
 */
static void print_one(const gg_graph *gr, size_t node, const gg_related_list *l,
		      output_format format, bool several, bool first)
{
	const char *term = gg_graph_node(gr, node)->name;

	if (format == FORMAT_JSON) {
		fputs(several ? (first ? "\n  {\"term\": " : ",\n  {\"term\": ") : "{\"term\": ", stdout);
		cli_json_string(stdout, term);
		fputs(", \"related\": [", stdout);
	} else if (format == FORMAT_TEXT && several) {
		printf("%s%s\n", first ? "" : "\n", cli_safe(term));
	}
	for (size_t i = 0; i < l->count; i++) {
		const gg_related *r = &l->items[i];
		const char *name = gg_graph_node(gr, r->node)->name;
		switch (format) {
		case FORMAT_TEXT:
			printf("%s%2zu. %s (%.2f): %s\n", several ? "  " : "", i + 1, cli_safe(name),
			       r->score, cli_safe(r->reasons));
			break;
		case FORMAT_TSV:
			cli_tsv_cell(stdout, term);
			printf("\t%zu\t", i + 1);
			cli_tsv_cell(stdout, name);
			printf("\t%.4f\t%u\t%u\t%u\t%u\t%.4f\t", r->score, r->links_to, r->links_from,
			       r->shared, r->cocited, r->proximity);
			cli_tsv_cell(stdout, r->reasons);
			putchar('\n');
			break;
		case FORMAT_JSON:
			fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", stdout);
			cli_json_string(stdout, name);
			printf(", \"rank\": %zu, \"score\": %.4f, \"links_to\": %u, \"links_from\": %u, "
			       "\"shared\": %u, \"cocited\": %u, \"proximity\": %.4f, \"reasons\": ",
			       i + 1, r->score, r->links_to, r->links_from, r->shared, r->cocited,
			       r->proximity);
			cli_json_string(stdout, r->reasons);
			putchar('}');
			break;
		}
	}
	if (format == FORMAT_JSON)
		fputs(l->count ? "\n  ]}" : "]}", stdout);
}

/* Rank and print the related terms of one node. False (reported) on failure. */
static bool answer(const gg_graph *gr, size_t node, size_t max, output_format format,
		   bool several, bool first)
{
	gg_related_list l;
	if (gg_query_related(&l, gr, node, max) != 0) {
		cli_error("%s", gg_error_last());
		return false;
	}
	print_one(gr, node, &l, format, several, first);
	gg_related_list_destroy(&l);
	return true;
}

int cmd_related(int argc, char **argv)
{
	static const struct option long_options[] = {
		{ "all", no_argument, NULL, 'a' },
		CLI_DB_LONG_OPTION,
		CLI_COMMON_LONG_OPTIONS
	};
	static const cli_spec spec = {
		usage, "Ranks the terms related to each TERM (to every term with --all), best\n"
		"first, one a line with its score and the reasons for it. The score adds\n"
		"a direct link from TERM (1, up to 1.5 for a specific or \"see\"-cued\n"
		"mention), a link back to TERM (0.6), shared link targets and shared\n"
		"citing terms (rare ones count more; up to 0.5 each), and closeness by a\n"
		"random walk from TERM over the links (up to 0.4). Keyword nodes count as\n"
		"shared neighbours but are not listed. TSV has a row per related term of\n"
		"every TERM; JSON gives {term, related} (a list of them for several).\n\n"
		"  -n N              related terms per TERM (default 10; 0: all)\n"
		"      --all         rank for every term of the graph\n",
		"n:", long_options, related_option, 0, (size_t)-1
	};
	struct args args = { 10, false };
	cli_common common;
	cli_graph g;
	int code;

	int first = cli_begin(argc, argv, &spec, &args, &common, &code);
	if (first >= 0 && (first == argc) != args.all) {
		code = args.all ? cli_usage_error(usage, "--all takes no TERM")
				: cli_usage_error(usage, "missing argument");
		first = -1;
	}
	if (first >= 0 && !args.all && argc - first == 1) { /* one TERM: what its answer reads */
		if (!cli_load_related(&common, argv[first], &g)) {
			cli_common_free(&common);
			return EXIT_ERROR;
		}
	} else if ((first = cli_graph_load(first, &common, &g, &code)) < 0) {
		return code;
	}
	code = EXIT_OK;
	const gg_graph *gr = g.graph;
	size_t nodes = gg_graph_node_count(gr), max = args.max ? (size_t)args.max : nodes;
	bool several = args.all || argc - first > 1;
	if (common.format == FORMAT_TSV)
		puts("term\trank\trelated\tscore\tlinks_to\tlinks_from\tshared\tcocited\tproximity\treasons");
	if (common.format == FORMAT_JSON && several)
		putchar('[');
	bool printed = false;
	for (size_t v = 0; args.all && v < nodes && code == EXIT_OK; v++) {
		if (gg_graph_node(gr, v)->kind != GG_CONCEPT_TERM)
			continue;
		if (!answer(gr, v, max, common.format, true, !printed))
			code = EXIT_ERROR;
		printed = true;
	}
	for (int i = first; !args.all && i < argc; i++) {
		size_t concept, node;
		if (!cli_resolve_term(g.glossary, argv[i], &concept)) {
			code = EXIT_ERROR;
			continue;
		}
		if (gg_graph_node_of(&node, gr, concept) != 0) {
			cli_error("%s", gg_error_last());
			code = EXIT_ERROR;
			continue;
		}
		if (!answer(gr, node, max, common.format, several, !printed))
			code = EXIT_ERROR;
		printed = true;
	}
	if (common.format == FORMAT_JSON && (several || printed))
		fputs(several ? "\n]\n" : "\n", stdout);
	return cli_graph_end(&common, &g, code);
}
