/* cmd_neighbors.c - `glossgraph neighbors TERM`: the links out of and into a term, with evidence. */
#include "cli/cli.h"

#include <limits.h>
#include <stdio.h>

static const char usage[] =
	"glossgraph neighbors TERM [--out|--in|--both] [--depth K] [--min-weight W] [--tsv|--json]";

struct args {
	gg_direction dir;
	long depth;
};

/* The command's own options into struct args; non-zero (reported) for a bad value. */
static int neighbors_option(int opt, const char *arg, void *payload)
{
	struct args *a = payload;
	switch (opt) {
	case 'o':
		a->dir = GG_DIR_OUT;
		return 0;
	case 'I':
		a->dir = GG_DIR_IN;
		return 0;
	case 'B':
		a->dir = GG_DIR_BOTH;
		return 0;
	case 'd':
		if (!cli_parse_count(usage, "--depth", arg, &a->depth))
			return 1;
		if (a->depth < 1)
			return cli_usage_error(usage, "--depth takes 1 or more, not '%s'", arg);
		return 0;
	default:
		return 1;
	}
}

/*
 * "FROM -> TO  [kind, weight]  snippet"; when the walk goes beyond one hop,
 * led by the hop count ("2  FROM -> TO ..."), so a line's length does not
 * grow with its depth.
 */
static void print_text(const gg_graph *gr, const gg_neighbor *n, const gg_edge *e,
		       size_t from, size_t to, const cli_evidence *ev, bool numbered)
{
	if (numbered)
		printf("%u  ", n->depth);
	printf("%s -> %s  [%s, %u]  %s\n", cli_safe(gg_graph_node(gr, from)->name),
	       cli_safe(gg_graph_node(gr, to)->name), gg_edge_kind_name(e->kind), e->weight,
	       cli_safe(ev->snippet));
}

/* One TSV row under print_list's header. */
static void print_tsv(const gg_graph *gr, const gg_neighbor *n, const gg_edge *e,
		      size_t from, size_t to, const cli_evidence *ev)
{
	printf("%u\t%s\t", n->depth, n->incoming ? "in" : "out");
	cli_tsv_cell(stdout, gg_graph_node(gr, n->node)->name);
	putchar('\t');
	cli_tsv_cell(stdout, gg_graph_node(gr, from)->name);
	putchar('\t');
	cli_tsv_cell(stdout, gg_graph_node(gr, to)->name);
	printf("\t%s\t%u\t", gg_edge_kind_name(e->kind), e->weight);
	cli_tsv_cell(stdout, ev->file);
	printf("\t%u\t", ev->line);
	cli_tsv_cell(stdout, ev->snippet);
	putchar('\n');
}

/* One object of the "neighbors" array; `first` leaves out the comma. */
static void print_json(const gg_graph *gr, const gg_neighbor *n, const gg_edge *e,
		       size_t from, size_t to, const cli_evidence *ev, bool first)
{
	printf("%s\n    {\"depth\": %u, \"direction\": \"%s\", \"name\": ", first ? "" : ",",
	       n->depth, n->incoming ? "in" : "out");
	cli_json_string(stdout, gg_graph_node(gr, n->node)->name);
	fputs(", \"from\": ", stdout);
	cli_json_string(stdout, gg_graph_node(gr, from)->name);
	fputs(", \"to\": ", stdout);
	cli_json_string(stdout, gg_graph_node(gr, to)->name);
	printf(", \"kind\": \"%s\", \"weight\": %u, \"file\": ", gg_edge_kind_name(e->kind), e->weight);
	cli_json_string(stdout, ev->file);
	printf(", \"line\": %u, \"snippet\": ", ev->line);
	cli_json_string(stdout, ev->snippet);
	putchar('}');
}

/* The whole answer in `format`, headers and brackets included. */
static void print_list(const gg_graph *gr, size_t node, const gg_neighbor_list *l,
		       output_format format, bool numbered)
{
	if (format == FORMAT_TSV)
		puts("depth\tdirection\tname\tfrom\tto\tkind\tweight\tfile\tline\tsnippet");
	if (format == FORMAT_JSON) {
		fputs("{\n  \"term\": ", stdout);
		cli_json_string(stdout, gg_graph_node(gr, node)->name);
		fputs(",\n  \"neighbors\": [", stdout);
	}
	for (size_t i = 0; i < l->count; i++) {
		const gg_neighbor *n = &l->items[i];
		size_t from, to;
		const gg_edge *e = gg_graph_edge(gr, n->edge, &from, &to);
		cli_evidence ev;
		cli_evidence_of(gr, e, &ev);
		if (format == FORMAT_JSON)
			print_json(gr, n, e, from, to, &ev, i == 0);
		else if (format == FORMAT_TSV)
			print_tsv(gr, n, e, from, to, &ev);
		else
			print_text(gr, n, e, from, to, &ev, numbered);
	}
	if (format == FORMAT_JSON)
		fputs(l->count ? "\n  ]\n}\n" : "]\n}\n", stdout);
}

int cmd_neighbors(int argc, char **argv)
{
	static const struct option long_options[] = {
		{ "out", no_argument, NULL, 'o' },
		{ "in", no_argument, NULL, 'I' },
		{ "both", no_argument, NULL, 'B' },
		{ "depth", required_argument, NULL, 'd' },
		CLI_DB_LONG_OPTION,
		CLI_COMMON_LONG_OPTIONS
	};
	static const cli_spec spec = {
		usage, "Lists the cross-references of TERM, one a line: `FROM -> TO  [kind,\n"
		"weight]  evidence`, the terms it links to (--out), the terms linking to\n"
		"it (--in), or both (the default). With --depth K above 1 each line starts\n"
		"with its hop count, and a term shows only at the depth it is first\n"
		"reached, a line for each link that reached it from the hop before.\n"
		"With --min-weight W only links of W mentions or more are followed.\n"
		"TSV and JSON add the direction, the file and the line.\n\n"
		"  -d, --depth K     follow K hops (default 1)\n"
		"      --out, --in, --both  which links to follow\n",
		"d:", long_options, neighbors_option, 1, 1
	};
	struct args args = { GG_DIR_BOTH, 1 };
	cli_common common;
	cli_graph g;
	size_t concept, node;
	gg_neighbor_list list = { NULL, 0 };
	int code;

	int first = cli_begin(argc, argv, &spec, &args, &common, &code);
	if (first < 0)
		return code;
	/* from a saved graph, only the neighbourhood asked about is read */
	unsigned depth = args.depth > UINT_MAX ? UINT_MAX : (unsigned)args.depth;
	if (!cli_load_around(&common, argv[first], depth, true, &g)) {
		cli_common_free(&common);
		return EXIT_ERROR;
	}
	code = EXIT_ERROR;
	if (!cli_resolve_term(g.glossary, argv[first], &concept))
		goto done;
	if (gg_graph_node_of(&node, g.graph, concept) != 0 ||
	    gg_query_neighbors(&list, g.graph, node, args.dir,
			       args.depth > UINT32_MAX ? UINT32_MAX : (uint32_t)args.depth,
			       common.link.min_weight) != 0) {
		cli_error("%s", gg_error_last());
		goto done;
	}
	print_list(g.graph, node, &list, common.format, args.depth > 1);
	if (!list.count && !common.quiet)
		cli_error("no cross-references %s '%s'", args.dir == GG_DIR_OUT ? "out of"
			  : args.dir == GG_DIR_IN ? "into" : "around", gg_graph_node(g.graph, node)->name);
	code = EXIT_OK;
done:
	gg_neighbor_list_destroy(&list);
	return cli_graph_end(&common, &g, code);
}
