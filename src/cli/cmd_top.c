/* cmd_top.c - `glossgraph top`: the central terms by PageRank, in-degree or betweenness. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
	"glossgraph top [-n N] [--by pagerank|in-degree|betweenness] [--keywords] [--tsv|--json]";

static const char *const measure_names[GG_CENTRALITY_COUNT] = {
	[GG_BY_PAGERANK] = "pagerank",
	[GG_BY_IN_DEGREE] = "in-degree",
	[GG_BY_BETWEENNESS] = "betweenness",
};

struct args {
	long max;
	gg_centrality by;
	bool keywords;
};

/* -n, --by and --keywords into struct args; non-zero (reported) for a bad value. */
static int top_option(int opt, const char *arg, void *payload)
{
	struct args *a = payload;
	switch (opt) {
	case 'n':
		return !cli_parse_count(usage, "-n", arg, &a->max);
	case 'b':
		for (size_t i = 0; i < sizeof(measure_names) / sizeof(*measure_names); i++) {
			if (strcmp(arg, measure_names[i]) == 0) {
				a->by = (gg_centrality)i;
				return 0;
			}
		}
		return cli_usage_error(usage, "--by takes pagerank, in-degree or betweenness, not '%s'",
				       arg);
	case 'k':
		a->keywords = true;
		return 0;
	default:
		return 1;
	}
}

/* The node ranked `rank` (1-based) in `format`; JSON elements after the first get a comma. */
static void print_node(const gg_node *n, size_t rank, output_format format)
{
	const char *kind = n->kind == GG_CONCEPT_TERM ? "term" : "keyword";

	switch (format) {
	case FORMAT_TEXT:
		printf("%2zu. %s  pagerank %.4f  in %u  out %u  betweenness %.4g%s\n", rank, cli_safe(n->name),
		       n->pagerank, n->in_degree, n->out_degree, n->betweenness,
		       n->kind == GG_CONCEPT_TERM ? "" : "  (keyword)");
		break;
	case FORMAT_TSV:
		printf("%zu\t", rank);
		cli_tsv_cell(stdout, n->name);
		printf("\t%s\t%.6f\t%u\t%u\t%.6g\t%d\n", kind, n->pagerank, n->in_degree,
		       n->out_degree, n->betweenness, n->community);
		break;
	case FORMAT_JSON:
		printf("%s\n  {\"rank\": %zu, \"name\": ", rank > 1 ? "," : "", rank);
		cli_json_string(stdout, n->name);
		printf(", \"kind\": \"%s\", \"pagerank\": %.6f, \"in_degree\": %u, "
		       "\"out_degree\": %u, \"betweenness\": %.6g, \"community\": %d}",
		       kind, n->pagerank, n->in_degree, n->out_degree, n->betweenness, n->community);
		break;
	}
}

int cmd_top(int argc, char **argv)
{
	static const struct option long_options[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "keywords", no_argument, NULL, 'k' },
		CLI_DB_LONG_OPTION,
		CLI_COMMON_LONG_OPTIONS
	};
	static const cli_spec spec = {
		usage, "Lists the most central terms, one a line: by PageRank over the weighted\n"
		"links (the default), by in-degree (how many terms link to it), or by\n"
		"betweenness (how many shortest chains pass through it; estimated from a\n"
		"sample of starting terms on big graphs). Ties go by PageRank, then name.\n\n"
		"  -n N              how many (default 10; 0: all)\n"
		"      --by MEASURE  pagerank, in-degree or betweenness\n"
		"      --keywords    rank header-keyword nodes too\n",
		"n:", long_options, top_option, 0, 0
	};
	struct args args = { 10, GG_BY_PAGERANK, false };
	cli_common common;
	cli_graph g;
	gg_ranking r;
	int code;

	int first = cli_graph_begin(argc, argv, &spec, &args, &common, &g, &code);
	if (first < 0)
		return code;
	size_t max = args.max ? (size_t)args.max : gg_graph_node_count(g.graph);
	if (gg_query_top(&r, g.graph, args.by, max, args.keywords) != 0) {
		cli_error("%s", gg_error_last());
		return cli_graph_end(&common, &g, EXIT_ERROR);
	}
	if (common.format == FORMAT_TSV)
		puts("rank\tname\tkind\tpagerank\tin_degree\tout_degree\tbetweenness\tcommunity");
	if (common.format == FORMAT_JSON)
		putchar('[');
	for (size_t i = 0; i < r.count; i++)
		print_node(gg_graph_node(g.graph, r.nodes[i]), i + 1, common.format);
	if (common.format == FORMAT_JSON)
		fputs(r.count ? "\n]\n" : "]\n", stdout);
	gg_ranking_destroy(&r);
	return cli_graph_end(&common, &g, EXIT_OK);
}
