/* cmd_search.c - `glossgraph search`: the terms whose definitions match words, ranked, each with a snippet. */
#include "cli/cli.h"

#include <stdio.h>

static const char usage[] = "glossgraph search [-n N] [--db FILE] [--tsv|--json] TEXT";

static int search_option(int opt, const char *arg, void *payload)
{
	return opt == 'n' && cli_parse_count(usage, "-n", arg, payload) ? 0 : 1;
}

/* Hit i (0-based) of the list in `format`; JSON elements after the first get a comma. */
static void print_hit(const gg_search_hit *h, size_t i, output_format format)
{
	const char *name = h->name;
	switch (format) {
	case FORMAT_TEXT:
		printf("%2zu. %s (%.2f): %s\n", i + 1, cli_safe(name), h->score, cli_safe(h->snippet));
		break;
	case FORMAT_TSV:
		printf("%zu\t", i + 1);
		cli_tsv_cell(stdout, name);
		printf("\t%.4f\t", h->score);
		cli_tsv_cell(stdout, h->snippet);
		putchar('\n');
		break;
	case FORMAT_JSON:
		printf("%s\n  {\"rank\": %zu, \"name\": ", i ? "," : "", i + 1);
		cli_json_string(stdout, name);
		printf(", \"score\": %.4f, \"snippet\": ", h->score);
		cli_json_string(stdout, h->snippet);
		putchar('}');
		break;
	}
}

int cmd_search(int argc, char **argv)
{
	static const struct option long_options[] = { CLI_DB_LONG_OPTION, CLI_COMMON_LONG_OPTIONS };
	static const cli_spec spec = {
		usage, "Lists the terms whose definitions match TEXT, most relevant first (bm25,\n"
		"SQLite's full-text ranking), each with the words matched in [brackets]\n"
		"in its best-matching definition. TEXT is FTS5 query syntax: words (all\n"
		"must match), \"a phrase\", OR, NOT, prefix*. With --db the saved graph's\n"
		"index answers; without, the same index is made in memory from the pages\n"
		"first, so both give the same list.\n\n"
		"  -n N              how many (default 10; 0: all)\n",
		"n:", long_options, search_option, 1, 1
	};
	long max = 10;
	cli_common common;
	cli_graph cg;
	gg_search_list hits = { 0 };
	int code;

	cli_common_init(&common);
	int first = cli_parse(argc, argv, &spec, &common, &max, &code);
	if (first < 0) {
		cli_common_free(&common);
		return code;
	}
	bool loaded = cli_load_for_search(&common, &cg);
	cli_common_free(&common);
	if (!loaded)
		return EXIT_ERROR;
	size_t n = max ? (size_t)max : SIZE_MAX;
	int err = cg.store ? gg_store_search(&hits, cg.store, argv[first], n)
			   : gg_glossary_search(&hits, cg.glossary, argv[first], n);
	if (err) {
		cli_error("%s", gg_error_last());
		cli_graph_free(&cg);
		return EXIT_ERROR;
	}
	if (common.format == FORMAT_TSV)
		puts("rank\tname\tscore\tsnippet");
	if (common.format == FORMAT_JSON)
		putchar('[');
	for (size_t i = 0; i < hits.count; i++)
		print_hit(&hits.items[i], i, common.format);
	if (common.format == FORMAT_JSON)
		fputs(hits.count ? "\n]\n" : "]\n", stdout);
	if (!hits.count && !common.quiet)
		cli_note("no definition matches '%s'", argv[first]);
	gg_search_list_destroy(&hits);
	cli_graph_free(&cg);
	return cli_finish_stdout(EXIT_OK);
}
