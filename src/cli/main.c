/* main.c - the glossgraph command: dispatches to one function per subcommand. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

static const cli_command commands[] = {
	{ "terms", cmd_terms, "list the concepts: name, aliases, categories, entries" },
	{ "show", cmd_show, "print one concept with every entry's definition" },
	{ "check", cmd_check, "what the linker held back, and what looks wrong" },
	{ "build", cmd_build, "write the graph in every format into a folder (graphs/)" },
	{ "export", cmd_export, "write the graph, or the part around a term, in one format" },
	{ "neighbors", cmd_neighbors, "the terms a term links to and that link to it, with evidence" },
	{ "related", cmd_related, "terms ranked by relatedness to a term, with reasons" },
	{ "path", cmd_path, "the shortest chain of cross-references between two terms" },
	{ "top", cmd_top, "the central terms by PageRank, in-degree or betweenness" },
	{ "communities", cmd_communities, "the groups of closely linked terms, named by their centres" },
	{ "stats", cmd_stats, "nodes, edges by kind, components, isolated terms, density" },
};

static void print_help(FILE *f)
{
	fputs("usage: glossgraph SUBCOMMAND [options]\n\n"
	      "Turns technical glossaries into a knowledge graph of their terms.\n\n"
	      "subcommands:\n", f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fputs("\n'glossgraph SUBCOMMAND --help' tells a subcommand's options.\n", f);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		print_help(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		print_help(stdout);
		return cli_finish_stdout(EXIT_OK);
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	cli_error("'%s' is not a subcommand; see 'glossgraph --help'", argv[1]);
	return EXIT_USAGE;
}
