/* cmd_communities.c - `glossgraph communities`: the groups of linked terms, named by their centres. */
#include "cli/cli.h"

#include <stdio.h>

static const char usage[] =
	"glossgraph communities [--min-size K] [--names N] [--tsv|--json]";

struct args {
	long min_size;
	long names;
};

/* --min-size and --names into struct args; non-zero (reported) for a bad value. */
static int communities_option(int opt, const char *arg, void *payload)
{
	struct args *a = payload;
	switch (opt) {
	case 'm':
		return !cli_parse_count(usage, "--min-size", arg, &a->min_size);
	case 'N':
		return !cli_parse_count(usage, "--names", arg, &a->names);
	default:
		return 1;
	}
}

/* The community's name: its most central term, or its most central node when it has no term. */
static const char *community_name(const gg_graph *gr, const gg_community *c)
{
	for (size_t k = 0; k < c->size; k++)
		if (gg_graph_node(gr, c->members[k])->kind == GG_CONCEPT_TERM)
			return gg_graph_node(gr, c->members[k])->name;
	return gg_graph_node(gr, c->members[0])->name;
}

/* Community id in `format`: text names `names` members after its name. */
static void print_community(const gg_graph *gr, size_t id, const gg_community *c,
			    size_t names, output_format format, bool first)
{
	const char *name = community_name(gr, c);

	switch (format) {
	case FORMAT_TEXT:
		printf("%zu. %s (%zu)", id + 1, cli_safe(name), c->size);
		for (size_t k = 0, shown = 0; k < c->size; k++) {
			const char *member = gg_graph_node(gr, c->members[k])->name;
			if (member == name)
				continue;
			if (shown == names) {
				printf("; and %zu more", c->size - 1 - shown);
				break;
			}
			printf("%s%s", shown++ ? "; " : ": ", cli_safe(member));
		}
		putchar('\n');
		break;
	case FORMAT_TSV:
		printf("%zu\t%zu\t", id + 1, c->size);
		cli_tsv_cell(stdout, name);
		putchar('\t');
		for (size_t k = 0; k < c->size; k++) {
			fputs(k ? "; " : "", stdout);
			cli_tsv_cell(stdout, gg_graph_node(gr, c->members[k])->name);
		}
		putchar('\n');
		break;
	case FORMAT_JSON:
		printf("%s\n  {\"community\": %zu, \"size\": %zu, \"name\": ", first ? "" : ",",
		       id + 1, c->size);
		cli_json_string(stdout, name);
		fputs(", \"members\": [", stdout);
		for (size_t k = 0; k < c->size; k++) {
			fputs(k ? ", " : "", stdout);
			cli_json_string(stdout, gg_graph_node(gr, c->members[k])->name);
		}
		fputs("]}", stdout);
		break;
	}
}

int cmd_communities(int argc, char **argv)
{
	static const struct option long_options[] = {
		{ "min-size", required_argument, NULL, 'm' },
		{ "names", required_argument, NULL, 'N' },
		CLI_DB_LONG_OPTION,
		CLI_COMMON_LONG_OPTIONS
	};
	static const cli_spec spec = {
		usage, "Lists the communities of the graph (Leiden, modularity, on the links\n"
		"taken both ways and weighted by mentions), largest first, one a line:\n"
		"its number, its most central term (by PageRank) as its name, its size and\n"
		"its next most central members (header keywords included). TSV and JSON\n"
		"list every member, most central first.\n\n"
		"      --min-size K  only communities of K concepts or more (default 2)\n"
		"      --names N     members named per line of text (default 5)\n",
		"", long_options, communities_option, 0, 0
	};
	struct args args = { 2, 5 };
	cli_common common;
	cli_graph g;
	int code;

	int first = cli_graph_begin(argc, argv, &spec, &args, &common, &g, &code);
	if (first < 0)
		return code;
	const gg_graph *gr = g.graph;
	size_t shown = 0, hidden = 0, names = (size_t)args.names;
	if (common.format == FORMAT_TSV)
		puts("community\tsize\tname\tmembers");
	if (common.format == FORMAT_JSON)
		putchar('[');
	for (size_t i = 0; i < gg_graph_community_count(gr); i++) {
		const gg_community *c = gg_graph_community(gr, i);
		if (c->size < (size_t)args.min_size) {
			hidden += c->size;
			continue;
		}
		print_community(gr, i, c, names, common.format, shown++ == 0);
	}
	if (common.format == FORMAT_JSON)
		fputs(shown ? "\n]\n" : "]\n", stdout);
	if (hidden && !common.quiet)
		cli_error("%zu concept%s in communities smaller than %ld not listed", hidden,
			  hidden == 1 ? "" : "s", args.min_size);
	return cli_graph_end(&common, &g, EXIT_OK);
}
