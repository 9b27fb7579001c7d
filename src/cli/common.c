/* common.c - option handling, loading and output helpers of the subcommands. */
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cli_common_help[] =
	"  -i, --input PATH  a glossary page or a directory of pages, '-' for\n"
	"                    standard input (repeatable; default: data)\n"
	"      --format F    read inputs as F: page, html, markdown, csv, tsv,\n"
	"                    json, skos (default: by extension and content)\n"
	"      --json        answer in JSON\n"
	"      --tsv         answer as tab-separated values\n"
	"  -v, --verbose     also list notes about the input (duplicates dropped)\n"
	"  -q, --quiet       no summary line on stderr\n"
	"      --min-weight W  hold back links with fewer than W mentions\n"
	"      --keep-all    hold back no link (generic terms included)\n"
	"      --stop-terms FILE  never link to the terms in FILE (one a line)\n"
	"      --link-threshold X  keep mention links scoring X or more (0 to 1)\n"
	"      --link-density sparse|balanced|dense  fewer or more links than the\n"
	"                    model's threshold (default: fitted to the glossary's\n"
	"                    own editor links when it has them, else balanced)\n"
	"      --link-model FILE  feature weights and threshold of the link score\n"
	"  -h, --help        this help\n";

void cli_common_init(cli_common *c)
{
	memset(c, 0, sizeof(*c));
	gg_link_options_init(&c->link);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("glossgraph: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;
	fputs("glossgraph: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: %s\n", usage);
	return EXIT_USAGE;
}

static bool add_input(cli_common *c, const char *path)
{
	const char **grown = realloc(c->inputs, (c->n_inputs + 1) * sizeof(*grown));
	if (!grown)
		return false;
	c->inputs = grown;
	c->inputs[c->n_inputs++] = path;
	return true;
}

/* Read --link-threshold X (a number in [0, 1]) or --link-density NAME into
 * *o; false, with a usage error reported, for anything else. */
static bool parse_link_choice(const char *usage, int opt, const char *arg, gg_link_options *o)
{
	if (opt == CLI_OPT_LINK_THRESHOLD) {
		char *end;
		errno = 0;
		double x = strtod(arg, &end);
		if (errno || end == arg || *end || !(x >= 0 && x <= 1)) {
			cli_usage_error(usage, "--link-threshold wants a number from 0 to 1, not '%s'", arg);
			return false;
		}
		o->threshold = x;
		return true;
	}
	static const char *const densities[] = { "sparse", "balanced", "dense" };
	static const gg_link_density values[] = { GG_DENSITY_SPARSE, GG_DENSITY_BALANCED,
						  GG_DENSITY_DENSE };
	for (size_t k = 0; k < 3; k++) {
		if (strcmp(arg, densities[k]) == 0) {
			o->density = values[k];
			return true;
		}
	}
	cli_usage_error(usage, "--link-density wants sparse, balanced or dense, not '%s'", arg);
	return false;
}

int cli_parse(int argc, char **argv, const cli_spec *spec, cli_common *c,
	      void *payload, int *exit_code)
{
	char shorts[64];
	int opt;
	snprintf(shorts, sizeof(shorts), "%s%s", spec->short_options ? spec->short_options : "",
		 CLI_COMMON_SHORT_OPTIONS);
	optind = 1;
	while ((opt = getopt_long(argc, argv, shorts, spec->long_options, NULL)) != -1) {
		switch (opt) {
		case 'i':
			if (!add_input(c, optarg)) {
				cli_error("out of memory");
				*exit_code = EXIT_ERROR;
				return -1;
			}
			break;
		case 'J':
			c->format = FORMAT_JSON;
			break;
		case 'T':
			c->format = FORMAT_TSV;
			break;
		case 'v':
			c->verbose = true;
			break;
		case 'q':
			c->quiet = true;
			break;
		case 'W': {
			long w;
			if (!cli_parse_count(spec->usage, "--min-weight", optarg, &w)) {
				*exit_code = EXIT_USAGE;
				return -1;
			}
			c->link.min_weight = (uint32_t)(w > UINT32_MAX ? UINT32_MAX : w);
			break;
		}
		case 'A':
			c->link.keep_all = true;
			break;
		case 'S':
			c->link.stop_terms = optarg;
			break;
		case 'F':
			c->input_format = optarg;
			break;
		case CLI_OPT_LINK_MODEL:
			c->link.model = optarg;
			break;
		case CLI_OPT_LINK_THRESHOLD:
		case CLI_OPT_LINK_DENSITY:
			if (!parse_link_choice(spec->usage, opt, optarg, &c->link)) {
				*exit_code = EXIT_USAGE;
				return -1;
			}
			break;
		case 'h':
			printf("usage: %s\n\n%s%s", spec->usage, spec->help, cli_common_help);
			*exit_code = cli_finish_stdout(EXIT_OK);
			return -1;
		case '?':
			fprintf(stderr, "usage: %s\n", spec->usage);
			*exit_code = EXIT_USAGE;
			return -1;
		default:
			if (!spec->option || spec->option(opt, optarg, payload)) {
				*exit_code = EXIT_USAGE;
				return -1;
			}
		}
	}
	size_t operands = (size_t)(argc - optind);
	if (operands < spec->min_operands || operands > spec->max_operands) {
		*exit_code = operands < spec->min_operands
			? cli_usage_error(spec->usage, "missing argument")
			: cli_usage_error(spec->usage, "unexpected argument '%s'",
					  argv[optind + (int)spec->max_operands]);
		return -1;
	}
	return optind;
}

bool cli_parse_count(const char *usage, const char *name, const char *arg, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < 0) {
		cli_usage_error(usage, "%s takes a whole number, not '%s'", name, arg);
		return false;
	}
	*out = v;
	return true;
}

bool cli_parse_number(const char *usage, const char *name, const char *arg, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(arg, &end);
	if (errno || end == arg || *end || !(v >= 0)) {
		cli_usage_error(usage, "%s takes a number >= 0, not '%s'", name, arg);
		return false;
	}
	*out = v;
	return true;
}

void cli_common_free(cli_common *c)
{
	free(c->inputs);
	c->inputs = NULL;
	c->n_inputs = 0;
}

static void print_diagnostics(const gg_glossary *g, bool verbose)
{
	size_t n = gg_glossary_diagnostic_count(g);
	for (size_t i = 0; i < n; i++) {
		const gg_diagnostic *d = gg_glossary_diagnostic(g, i);
		if (d->level == GG_DIAG_NOTE && !verbose)
			continue;
		const char *level = d->level == GG_DIAG_NOTE ? "note" : "warning";
		if (d->file && d->line)
			fprintf(stderr, "glossgraph: %s:%u: %s: %s\n", d->file, d->line, level, d->message);
		else if (d->file)
			fprintf(stderr, "glossgraph: %s: %s: %s\n", d->file, level, d->message);
		else
			fprintf(stderr, "glossgraph: %s: %s\n", level, d->message);
	}
}

static void print_summary(const gg_read_stats *s)
{
	fprintf(stderr, "glossgraph: read %zu page%s: %zu entr%s, %zu exact duplicate%s dropped, "
		"%zu concepts, %zu keyword nodes",
		s->pages, s->pages == 1 ? "" : "s", s->entries, s->entries == 1 ? "y" : "ies",
		s->duplicates, s->duplicates == 1 ? "" : "s", s->concepts, s->keywords);
	if (s->skipped_lines)
		fprintf(stderr, "; %zu line%s outside any entry skipped", s->skipped_lines,
			s->skipped_lines == 1 ? "" : "s");
	if (s->replaced_bytes)
		fprintf(stderr, "; %zu bad byte%s replaced by U+FFFD", s->replaced_bytes,
			s->replaced_bytes == 1 ? "" : "s");
	if (s->warnings)
		fprintf(stderr, "; %zu warning%s", s->warnings, s->warnings == 1 ? "" : "s");
	fputc('\n', stderr);
}

gg_glossary *cli_load_glossary(const cli_common *c)
{
	static const char *const default_inputs[] = { "data" };
	const char *const *inputs = c->n_inputs ? c->inputs : default_inputs;
	size_t n = c->n_inputs ? c->n_inputs : 1;
	gg_glossary *g = NULL;
	int err = gg_glossary_new(&g);

	for (size_t i = 0; i < n && !err; i++)
		err = gg_glossary_read_input(g, inputs[i], c->input_format);
	if (!err)
		err = gg_glossary_build(g);
	if (g)
		print_diagnostics(g, c->verbose);
	if (err) {
		cli_error("%s", gg_error_last());
		gg_glossary_free(g);
		return NULL;
	}
	if (!c->quiet)
		print_summary(gg_glossary_stats(g));
	return g;
}

void cli_link_note(const gg_links *l)
{
	gg_threshold_source source;
	double threshold = gg_links_threshold(l, &source);
	if (source == GG_THRESHOLD_EDITORS)
		fprintf(stderr, "glossgraph: link threshold %.3f, fitted to the glossary's %zu editor links\n",
			threshold, gg_links_calibration_links(l));
}

bool cli_load_graph(const cli_common *c, bool include_held, cli_graph *out)
{
	gg_link_options link = c->link;
	link.drop_held = !include_held; /* a graph without them has no use for them */
	memset(out, 0, sizeof(*out));
	if (!(out->glossary = cli_load_glossary(c)))
		return false;
	if (gg_links_new(&out->links, out->glossary, &link) != 0 ||
	    gg_graph_new(&out->graph, out->links, include_held) != 0) {
		cli_error("%s", gg_error_last());
		cli_graph_free(out);
		return false;
	}
	if (!c->quiet)
		cli_link_note(out->links);
	return true;
}

void cli_graph_free(cli_graph *g)
{
	gg_graph_free(g->graph);
	gg_links_free(g->links);
	gg_glossary_free(g->glossary);
	memset(g, 0, sizeof(*g));
}

bool cli_resolve_term(const gg_glossary *g, const char *term, size_t *out)
{
	if (gg_glossary_find(g, term, out) == 0)
		return true;
	size_t near[8];
	size_t n = gg_glossary_suggest(g, term, near, 8);
	if (!n) {
		cli_error("no term '%s'", term);
		return false;
	}
	cli_error("no term '%s'; did you mean:", term);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "  %s\n", gg_glossary_concept(g, near[i])->name);
	return false;
}

void cli_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

void cli_evidence_of(const gg_graph *gr, const gg_edge *e, cli_evidence *out)
{
	const gg_entry *entry = gg_glossary_entry(gg_graph_glossary(gr), e->entry);
	out->file = entry ? entry->file : "";
	out->line = entry ? entry->line : 0;
	size_t n = gg_edge_snippet(gg_graph_links(gr), e, out->snippet, sizeof(out->snippet));
	if (n >= sizeof(out->snippet)) { /* cut at a character, and say so */
		size_t at = sizeof(out->snippet) - 4;
		while (at > 0 && ((unsigned char)out->snippet[at] & 0xC0) == 0x80)
			at--;
		memcpy(out->snippet + at, "...", 4);
	}
}

void cli_tsv_cell(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

int cli_finish_stdout(int code)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write to standard output: %s", strerror(errno));
		return EXIT_ERROR;
	}
	return code;
}
