/* cmd_terms.c - `glossgraph terms`: the concepts, one a line. */
#include "cli/cli.h"

#include <stdio.h>

static const char usage[] = "glossgraph terms [-i PATH]... [--tsv|--json] [--keywords]";

static void print_list_text(FILE *f, const char *label, const char **items, size_t n)
{
	if (!n)
		return;
	fprintf(f, "  %s: ", label);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%s", i ? "; " : "", cli_safe(items[i]));
	fputc('\n', f);
}

static void print_list_tsv(FILE *f, const char **items, size_t n)
{
	fputc('\t', f);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs("; ", f);
		cli_tsv_cell(f, items[i]);
	}
}

static void print_list_json(FILE *f, const char *key, const char **items, size_t n)
{
	fprintf(f, ", \"%s\": [", key);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(", ", f);
		cli_json_string(f, items[i]);
	}
	fputc(']', f);
}

static void print_concept(const gg_concept *c, output_format format, bool first)
{
	switch (format) {
	case FORMAT_TEXT:
		printf("%s (%zu entr%s%s)\n", cli_safe(c->name), c->n_entries, c->n_entries == 1 ? "y" : "ies",
		       c->kind == GG_CONCEPT_KEYWORD ? ", keyword" : "");
		print_list_text(stdout, "aliases", c->aliases, c->n_aliases);
		print_list_text(stdout, "abbreviations", c->abbrevs, c->n_abbrevs);
		print_list_text(stdout, "categories", c->categories, c->n_categories);
		break;
	case FORMAT_TSV:
		cli_tsv_cell(stdout, c->name);
		print_list_tsv(stdout, c->aliases, c->n_aliases);
		print_list_tsv(stdout, c->abbrevs, c->n_abbrevs);
		print_list_tsv(stdout, c->categories, c->n_categories);
		printf("\t%zu\t%s\n", c->n_entries, c->kind == GG_CONCEPT_KEYWORD ? "keyword" : "term");
		break;
	case FORMAT_JSON:
		printf("%s\n  {\"name\": ", first ? "" : ",");
		cli_json_string(stdout, c->name);
		printf(", \"kind\": \"%s\"", c->kind == GG_CONCEPT_KEYWORD ? "keyword" : "term");
		print_list_json(stdout, "aliases", c->aliases, c->n_aliases);
		print_list_json(stdout, "abbreviations", c->abbrevs, c->n_abbrevs);
		print_list_json(stdout, "categories", c->categories, c->n_categories);
		printf(", \"entries\": %zu}", c->n_entries);
		break;
	}
}

static int terms_option(int opt, const char *arg, void *payload)
{
	(void)arg;
	if (opt != 'k')
		return 1;
	*(bool *)payload = true;
	return 0;
}

int cmd_terms(int argc, char **argv)
{
	static const struct option long_options[] = {
		{ "keywords", no_argument, NULL, 'k' },
		CLI_DB_LONG_OPTION,
		CLI_COMMON_LONG_OPTIONS
	};
	static const cli_spec spec = {
		usage, "Lists the concepts the glossary's entries merge into.\n\n"
		"      --keywords    also list keyword nodes\n",
		"", long_options, terms_option, 0, 0
	};
	cli_common common;
	bool keywords = false;
	int code;

	cli_common_init(&common);

	if (cli_parse(argc, argv, &spec, &common, &keywords, &code) < 0) {
		cli_common_free(&common);
		return code;
	}
	cli_graph cg;
	bool loaded = cli_load_names(&common, &cg);
	const gg_glossary *g = cg.glossary;
	cli_common_free(&common);
	if (!loaded)
		return EXIT_ERROR;
	if (common.format == FORMAT_TSV)
		puts("name\taliases\tabbreviations\tcategories\tentries\tkind");
	if (common.format == FORMAT_JSON)
		fputs("[", stdout);
	bool first = true;
	for (size_t i = 0; i < gg_glossary_concept_count(g); i++) {
		const gg_concept *c = gg_glossary_concept(g, i);
		if (c->kind == GG_CONCEPT_KEYWORD && !keywords)
			continue;
		print_concept(c, common.format, first);
		first = false;
	}
	if (common.format == FORMAT_JSON)
		fputs("\n]\n", stdout);
	cli_graph_free(&cg);
	return cli_finish_stdout(EXIT_OK);
}
