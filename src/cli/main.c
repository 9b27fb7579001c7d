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
	{ "search", cmd_search, "the terms whose definitions match words, ranked, with snippets" },
};

#define N_COMMANDS (sizeof(commands) / sizeof(*commands))

static void print_help(FILE *f)
{
	fputs("usage: glossgraph SUBCOMMAND [options]\n"
	      "       glossgraph help [SUBCOMMAND]\n"
	      "       glossgraph --version [--verbose]\n\n"
	      "Turns technical glossaries into a knowledge graph of their terms.\n\n"
	      "subcommands:\n", f);
	for (size_t i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fputs("\n'glossgraph help SUBCOMMAND' or 'glossgraph SUBCOMMAND --help' tells a\n"
	      "subcommand's options; 'man glossgraph' tells them all.\n\n"
	      "  -V, --version     print the version; with --verbose also the versions of\n"
	      "                    the libraries it was built with and runs with\n"
	      "  -h, --help        this help\n\n", f);
	fputs(cli_exit_help, f);
}

/* "glossgraph 0.3.0", then with `verbose` one line of library versions. */
static int print_version(bool verbose)
{
	printf("glossgraph %s\n", gg_version());
	if (verbose) {
		size_t n;
		const gg_dependency_version *d = gg_dependency_versions(&n);
		for (size_t i = 0; i < n; i++) {
			printf("%s%s %s", i ? ", " : "", d[i].name, d[i].built);
			if (d[i].running)
				printf(" (running %s)", d[i].running);
		}
		putchar('\n');
	}
	return cli_finish_stdout(EXIT_OK);
}

/* The subcommand called `name`, or NULL. */
static const cli_command *find_command(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

/* Report an unknown subcommand, naming the closest one when one is close. */
static int unknown_command(const char *name)
{
	const char *names[N_COMMANDS];
	for (size_t i = 0; i < N_COMMANDS; i++)
		names[i] = commands[i].name;
	const char *near = cli_closest(name, names, N_COMMANDS);
	if (near)
		cli_error("unknown subcommand '%s'; did you mean '%s'?", name, near);
	else
		cli_error("unknown subcommand '%s'; see 'glossgraph --help'", name);
	return EXIT_USAGE;
}

/* `glossgraph help [SUBCOMMAND]`: the general help, or the subcommand's --help. */
static int help(int argc, char **argv)
{
	if (argc == 0) {
		print_help(stdout);
		return cli_finish_stdout(EXIT_OK);
	}
	if (argc > 1) {
		return cli_usage_error("glossgraph help [SUBCOMMAND]", "unexpected argument '%s'",
				       argv[1]);
	}
	const cli_command *c = find_command(argv[0]);
	if (!c)
		return unknown_command(argv[0]);
	char *help_argv[] = { argv[0], (char *)"--help", NULL };
	return c->run(2, help_argv);
}

int main(int argc, char **argv)
{
	/* stderr is unbuffered: a message escaped piece by piece was a write
	 * each, 55 a warning; a line at a time, as each ends */
	static char stderr_buffer[BUFSIZ];
	setvbuf(stderr, stderr_buffer, _IOLBF, sizeof(stderr_buffer));
	if (argc < 2) {
		print_help(stderr);
		return EXIT_USAGE;
	}
	const char *first = argv[1];
	if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0 || strcmp(first, "help") == 0)
		return help(argc - 2, argv + 2);
	if (strcmp(first, "--version") == 0 || strcmp(first, "-V") == 0) {
		bool verbose = argc == 3 && (strcmp(argv[2], "--verbose") == 0 ||
					     strcmp(argv[2], "-v") == 0);
		if (argc > 2 && !verbose) {
			return cli_usage_error("glossgraph --version [--verbose]",
					       "unexpected argument '%s'", argv[2]);
		}
		return print_version(verbose);
	}
	const cli_command *c = find_command(first);
	if (!c)
		return unknown_command(first);
	cli_huge_pages_remember(argv);
	int code = c->run(argc - 1, argv + 1);
	cli_progress_end();
	return code;
}
