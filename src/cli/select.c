/* select.c - what the graph commands share: the selection options of build and export, and the start and end of a command that loads the graph. */
#include "cli/cli.h"

/* Deepest --depth handed to the exporter; more reaches no further on any real graph. */
#define MAX_DEPTH 1000

int cli_selection_option(cli_selection *s, const char *usage, int opt, const char *arg)
{
	switch (opt) {
	case CLI_OPT_TOP:
		return cli_parse_count(usage, "--top", arg, &s->top) ? 0 : 1;
	case CLI_OPT_FOCUS:
		s->focus = arg;
		return 0;
	case CLI_OPT_DEPTH:
		return cli_parse_count(usage, "--depth", arg, &s->depth) ? 0 : 1;
	case CLI_OPT_ALL:
		s->all = true;
		return 0;
	}
	return 1;
}

void cli_selection_options(const cli_selection *s, bool around_focus, gg_export_options *o)
{
	gg_export_options_init(o);
	o->with_held = s->all;
	o->depth = (unsigned)(s->depth > MAX_DEPTH ? MAX_DEPTH : s->depth);
	o->has_focus = around_focus;
}

int cli_begin(int argc, char **argv, const cli_spec *spec, void *payload, cli_common *c,
	      int *exit_code)
{
	cli_common_init(c);
	int first = cli_parse(argc, argv, spec, c, payload, exit_code);
	if (first < 0)
		cli_common_free(c);
	else
		cli_progress_begin(c->quiet);
	return first;
}

/* cli_graph_load with `load` for the graph. */
static int graph_load_with(int first, cli_common *c, cli_graph *g, int *exit_code,
			   bool (*load)(const cli_common *, cli_graph *))
{
	if (first >= 0 && !load(c, g)) {
		*exit_code = EXIT_ERROR;
		first = -1;
	}
	if (first < 0)
		cli_common_free(c); /* may be freed already: cli_common_free allows that */
	return first;
}

int cli_graph_load(int first, cli_common *c, cli_graph *g, int *exit_code)
{
	return graph_load_with(first, c, g, exit_code, cli_load_figures);
}

int cli_graph_begin(int argc, char **argv, const cli_spec *spec, void *payload, cli_common *c,
		    cli_graph *g, int *exit_code)
{
	return graph_load_with(cli_begin(argc, argv, spec, payload, c, exit_code), c, g, exit_code,
			       cli_load_nodes);
}

int cli_graph_end(cli_common *c, cli_graph *g, int code)
{
	cli_graph_free(g);
	cli_common_free(c);
	return cli_finish_stdout(code);
}
