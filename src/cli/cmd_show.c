/* cmd_show.c - `glossgraph show TERM`: one concept, all of its entries. */
#include "cli/cli.h"

#include <stdio.h>

static const char usage[] = "glossgraph show TERM [-i PATH]... [--tsv|--json]";

static void text_list(const char *label, const char **items, size_t n)
{
	if (!n)
		return;
	printf("%s: ", label);
	for (size_t i = 0; i < n; i++)
		printf("%s%s", i ? "; " : "", cli_safe(items[i]));
	putchar('\n');
}

static void json_list(const char *key, const char **items, size_t n)
{
	printf(",\n  \"%s\": [", key);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(", ", stdout);
		cli_json_string(stdout, items[i]);
	}
	putchar(']');
}

/* The terms whose headers list keyword node `k`. */
static void keyword_owners(const gg_glossary *g, size_t k, output_format format)
{
	bool first = true;
	for (size_t c = 0; c < gg_glossary_concept_count(g); c++) {
		const gg_concept *owner = gg_glossary_concept(g, c);
		for (size_t i = 0; i < owner->n_keywords; i++) {
			size_t found;
			if (gg_glossary_find(&found, g, owner->keywords[i]) != 0 || found != k)
				continue;
			if (format == FORMAT_JSON) {
				fputs(first ? "" : ", ", stdout);
				cli_json_string(stdout, owner->name);
			} else {
				printf("%s%s", first ? "keyword of: " : "; ", cli_safe(owner->name));
			}
			first = false;
			break;
		}
	}
	if (format != FORMAT_JSON && !first)
		putchar('\n');
}

static void show_text(const gg_glossary *g, size_t id)
{
	const gg_concept *c = gg_glossary_concept(g, id);
	printf("%s\n", cli_safe(c->name));
	text_list("aliases", c->aliases, c->n_aliases);
	text_list("abbreviations", c->abbrevs, c->n_abbrevs);
	text_list("categories", c->categories, c->n_categories);
	text_list("keywords", c->keywords, c->n_keywords);
	if (c->kind == GG_CONCEPT_KEYWORD)
		keyword_owners(g, id, FORMAT_TEXT);
	for (size_t i = 0; i < c->n_entries; i++) {
		const gg_entry *e = gg_glossary_entry(g, c->entries[i]);
		printf("\n%s:%u: %s\n%s\n", cli_safe(e->file), e->line, cli_safe(e->header),
		       cli_safe(e->definition));
	}
}

static void show_tsv(const gg_glossary *g, size_t id)
{
	const gg_concept *c = gg_glossary_concept(g, id);
	puts("name\tfile\tline\theader\tdefinition");
	for (size_t i = 0; i < c->n_entries; i++) {
		const gg_entry *e = gg_glossary_entry(g, c->entries[i]);
		cli_tsv_cell(stdout, c->name);
		putchar('\t');
		cli_tsv_cell(stdout, e->file);
		printf("\t%u\t", e->line);
		cli_tsv_cell(stdout, e->header);
		putchar('\t');
		cli_tsv_cell(stdout, e->definition);
		putchar('\n');
	}
}

static void show_json(const gg_glossary *g, size_t id)
{
	const gg_concept *c = gg_glossary_concept(g, id);
	fputs("{\n  \"name\": ", stdout);
	cli_json_string(stdout, c->name);
	printf(",\n  \"kind\": \"%s\"", c->kind == GG_CONCEPT_KEYWORD ? "keyword" : "term");
	json_list("aliases", c->aliases, c->n_aliases);
	json_list("abbreviations", c->abbrevs, c->n_abbrevs);
	json_list("categories", c->categories, c->n_categories);
	json_list("keywords", c->keywords, c->n_keywords);
	fputs(",\n  \"keyword_of\": [", stdout);
	if (c->kind == GG_CONCEPT_KEYWORD)
		keyword_owners(g, id, FORMAT_JSON);
	fputs("],\n  \"entries\": [", stdout);
	for (size_t i = 0; i < c->n_entries; i++) {
		const gg_entry *e = gg_glossary_entry(g, c->entries[i]);
		fputs(i ? ",\n    {\"file\": " : "\n    {\"file\": ", stdout);
		cli_json_string(stdout, e->file);
		printf(", \"line\": %u, \"header\": ", e->line);
		cli_json_string(stdout, e->header);
		fputs(", \"definition\": ", stdout);
		cli_json_string(stdout, e->definition);
		putchar('}');
	}
	fputs("]\n}\n", stdout);
}

int cmd_show(int argc, char **argv)
{
	static const struct option long_options[] = { CLI_DB_LONG_OPTION, CLI_COMMON_LONG_OPTIONS };
	static const cli_spec spec = {
		usage, "Prints one concept: its name on the first line, then its aliases,\n"
		"abbreviations, categories and keywords, then each entry's file:line,\n"
		"header and definition. TERM may be any name, alias or abbreviation.\n\n",
		"", long_options, NULL, 1, 1
	};
	cli_common common;
	int code;

	cli_common_init(&common);
	int first = cli_parse(argc, argv, &spec, &common, NULL, &code);
	if (first < 0) {
		cli_common_free(&common);
		return code;
	}
	cli_graph cg;
	bool loaded = cli_load_around(&common, argv[first], 1, false, &cg);
	const gg_glossary *g = cg.glossary;
	cli_common_free(&common);
	if (!loaded)
		return EXIT_ERROR;
	size_t id;
	if (!cli_resolve_term(g, argv[first], &id)) {
		cli_graph_free(&cg);
		return EXIT_ERROR;
	}
	if (common.format == FORMAT_JSON)
		show_json(g, id);
	else if (common.format == FORMAT_TSV)
		show_tsv(g, id);
	else
		show_text(g, id);
	cli_graph_free(&cg);
	return cli_finish_stdout(EXIT_OK);
}
