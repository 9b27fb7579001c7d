/* cli.h - what the subcommands share: exit codes, options, loading, output. */
#ifndef GG_CLI_CLI_H
#define GG_CLI_CLI_H

#include "glossgraph.h"

#include <getopt.h>

/* Exit codes of the glossgraph command. */
enum {
	EXIT_OK = 0,
	EXIT_ERROR = 1, /* failure, including "no such term" */
	EXIT_USAGE = 2  /* bad command line */
};

typedef enum output_format {
	FORMAT_TEXT,
	FORMAT_TSV,
	FORMAT_JSON
} output_format;

/* Options every subcommand takes. */
typedef struct cli_common {
	const char **inputs; /* -i PATH, repeatable; default "data" */
	size_t n_inputs;
	output_format format;
	bool verbose;
	bool quiet;
	gg_link_options link; /* --min-weight, --keep-all, --stop-terms, --link-* */
	const char *input_format; /* --format; NULL: by extension and content */
	const char *db;       /* --db FILE: answer from the saved graph; NULL: from the pages */
	bool link_set;        /* a link option was given (they do not apply with --db) */
} cli_common;

/* On stderr, when the link threshold was fitted to the glossary's own
 * editor links, a line that says so (the summary of the linking). */
void cli_link_note(const gg_links *l);

/*
 * The build's progress on stderr, when it is a terminal and for work that
 * lasts over two seconds (GLOSSGRAPH_PROGRESS_AFTER=SECONDS sets another
 * delay): one line, "glossgraph: linking 45%, about 12 s left", drawn anew
 * in place and wiped before any other message. The library tells how far
 * each stage is through the progress functions below; cli_load_glossary
 * and cli_load_graph hand them over. Thread-safe.
 */
/* Start the clock; nothing is ever drawn with `quiet` or when stderr is no terminal. */
void cli_progress_begin(bool quiet);
/* The progress function for reading, the model, linking and the graph. */
gg_progress cli_progress_stage(void);
/* Expect n_jobs exports after the graph (their share counts in the time left); reset their shares. */
void cli_progress_exports(size_t n_jobs);
/* The progress function of export job `job` (0 .. n_jobs - 1). */
gg_progress cli_progress_job(size_t job);
/* Wipe the line if it is shown (before another message). */
void cli_progress_clear(void);
/* Wipe the line and draw it no more. */
void cli_progress_end(void);

/* Keep main's argv for cli_restart_with_huge_pages. */
void cli_huge_pages_remember(char **argv);
/*
 * Start the command again (execv of /proc/self/exe with main's argv) with
 * glibc's malloc asking for 2 MB pages (GLIBC_TUNABLES
 * glibc.malloc.hugetlb=1), when the kernel gives them only on request, the
 * tunable is not set already, and the command reads at least 2 MB of pages
 * (not --db, not standard input). cli_parse calls it once the arguments
 * are read, before anything is written. Returns when it does not restart,
 * or could not (then nothing has changed).
 */
void cli_restart_with_huge_pages(const cli_common *c);

/* Zero-initialise `c` with the linker's defaults. */
void cli_common_init(cli_common *c);

/* The inputs the command reads: the -i paths, else "data" alone; their number in *n. Static or c's. */
const char *const *cli_inputs(const cli_common *c, size_t *n);

/* One subcommand: its name, its function and a one-line description. */
typedef struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} cli_command;

/* Codes of the common options without a letter. */
enum {
	CLI_OPT_LINK_MODEL = 768,
	CLI_OPT_LINK_THRESHOLD,
	CLI_OPT_LINK_DENSITY,
	CLI_OPT_DB
};

/* The --db option of the commands that answer from a saved graph; put it before CLI_COMMON_LONG_OPTIONS. */
#define CLI_DB_LONG_OPTION { "db", required_argument, NULL, CLI_OPT_DB }

/* Long options every subcommand accepts; end a command's table with them. */
#define CLI_COMMON_LONG_OPTIONS \
	{ "input", required_argument, NULL, 'i' }, \
	{ "json", no_argument, NULL, 'J' }, \
	{ "tsv", no_argument, NULL, 'T' }, \
	{ "verbose", no_argument, NULL, 'v' }, \
	{ "quiet", no_argument, NULL, 'q' }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ "min-weight", required_argument, NULL, 'W' }, \
	{ "keep-all", no_argument, NULL, 'A' }, \
	{ "stop-terms", required_argument, NULL, 'S' }, \
	{ "link-model", required_argument, NULL, CLI_OPT_LINK_MODEL }, \
	{ "link-threshold", required_argument, NULL, CLI_OPT_LINK_THRESHOLD }, \
	{ "link-density", required_argument, NULL, CLI_OPT_LINK_DENSITY }, \
	{ "format", required_argument, NULL, 'F' }, \
	{ NULL, 0, NULL, 0 }

#define CLI_COMMON_SHORT_OPTIONS "i:vqh"

/* The options text every command's --help ends with. */
extern const char cli_common_help[];
/* The help line of --db, before cli_common_help in the commands that take it. */
extern const char cli_db_help[];
/* The exit statuses, after cli_common_help in every --help. */
extern const char cli_exit_help[];

/* How a subcommand reads its command line. */
typedef struct cli_spec {
	const char *usage;               /* "glossgraph terms [options]" */
	const char *help;                /* what it does and its own options */
	const char *short_options;       /* its own, e.g. "n:" */
	const struct option *long_options; /* its own, then CLI_COMMON_LONG_OPTIONS */
	/* Handle one of its own options; non-zero is a usage error (reported). */
	int (*option)(int opt, const char *arg, void *payload);
	size_t min_operands, max_operands;
} cli_spec;

/*
 * Parse argv. Returns the index of the first operand, or -1 when the command
 * should return *exit_code at once (after --help, or a usage error that was
 * reported). Release `c` with cli_common_free in every case.
 */
int cli_parse(int argc, char **argv, const cli_spec *spec, cli_common *c,
	      void *payload, int *exit_code);
void cli_common_free(cli_common *c);

/* Parse a non-negative integer option value; false (reported) when bad. */
bool cli_parse_count(const char *usage, const char *name, const char *arg, long *out);
bool cli_parse_number(const char *usage, const char *name, const char *arg, double *out);

/*
 * The edit distance between a and b: insertions, deletions, substitutions
 * and swaps of two neighbouring letters, one each;
 * SIZE_MAX when out of memory.
 */
size_t cli_edit_distance(const char *a, const char *b);
/* The one of names[0..n) closest to `word`, when close enough to be a typo; else NULL. */
const char *cli_closest(const char *word, const char *const *names, size_t n);

/* "glossgraph: <message>" on stderr, escaped as cli_put does. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "glossgraph: <note>" on stderr, as cli_error: what was done, not an error. */
void cli_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Report a usage error with the command's usage line; returns EXIT_USAGE. */
int cli_usage_error(const char *usage, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Read every input and build the glossary; prints diagnostics and the
 * one-line summary on stderr. Returns NULL (message printed) on failure.
 */
gg_glossary *cli_load_glossary(const cli_common *c);

/*
 * The glossary, its links and its graph, loaded together: from the pages,
 * or opened from the saved graph of --db (then `store` owns them).
 */
typedef struct cli_graph {
	const gg_glossary *glossary;
	const gg_links *links; /* NULL after cli_load_terms from the pages */
	const gg_graph *graph; /* NULL after cli_load_terms from the pages */
	gg_store *store;
	gg_glossary *own_glossary;
	gg_links *own_links;
	gg_graph *own_graph;
} cli_graph;

/*
 * The glossary alone from the pages (as cli_load_glossary), or the saved
 * graph of --db, for the commands that need only the terms. False
 * (message printed) on failure, with everything released.
 */
bool cli_load_terms(const cli_common *c, cli_graph *out);

/*
 * As cli_load_terms, but from --db only the concepts' names and entries
 * without their text (the store's names_only): for the list of terms.
 */
bool cli_load_names(const cli_common *c, cli_graph *out);

/*
 * As cli_load_terms, but from --db only the glossary's figures (the
 * store's figures_only): for a search, which asks the saved graph's index
 * itself and names its hits.
 */
bool cli_load_for_search(const cli_common *c, cli_graph *out);

/*
 * For `stats`: the graph's figures into *stats, from --db as saved with
 * it (the store's figures_only; a file that holds none is read as
 * cli_load_figures reads it), from the pages of the graph made. out holds
 * what was loaded (its graph empty from --db). False (message printed) on
 * failure, with everything released.
 */
bool cli_load_stats(const cli_common *c, cli_graph *out, gg_graph_stats *stats);

/*
 * Open the saved graph of --db into `out` (held links in the links with
 * `with_held`, in the graph with `graph_with_held`), print its
 * diagnostics and summary as from the pages (with the link threshold's
 * note when `link_note`, as a command that links says it), and warn of
 * inputs changed since. False (message printed) on failure.
 */
bool cli_open_db(const cli_common *c, bool with_held, bool graph_with_held, bool link_note,
		 cli_graph *out);

/*
 * cli_load_graph without held links, for a command that prints no
 * evidence, definition or entry (related, stats): from --db, the text is
 * left out (gg_store_open_options.without_text).
 */
bool cli_load_figures(const cli_common *c, cli_graph *out);

/*
 * cli_load_figures for a command that reads the nodes alone, their
 * measures and communities (top, communities): from --db, no links are
 * read (gg_store_open_options.without_edges).
 */
bool cli_load_nodes(const cli_common *c, cli_graph *out);

/*
 * For a command that asks about one TERM up to `depth` hops: from the
 * pages, cli_load_graph (`graph`) or cli_load_terms; from --db, only what
 * answers about it (gg_store_open_options.around). False (message
 * printed) on failure.
 */
bool cli_load_around(const cli_common *c, const char *term, unsigned depth, bool graph,
		     cli_graph *out);

/*
 * For `related` of one TERM: from the pages, cli_load_graph; from --db,
 * only what gg_query_related of it reads (gg_store_open_options.related).
 * False (message printed) on failure.
 */
bool cli_load_related(const cli_common *c, const char *term, cli_graph *out);

/*
 * For `path` FROM TO: from the pages, cli_load_graph; from --db, only the
 * shortest chain between them (gg_store_open_options.path_to). False
 * (message printed) on failure.
 */
bool cli_load_path(const cli_common *c, const char *from, const char *to, bool undirected,
		   cli_graph *out);

/*
 * Load the glossary (as cli_load_glossary), link it with c->link and build
 * its graph (held edges too when `include_held`; without, the links keep
 * none: drop_held). False (message printed) on failure, with everything
 * released.
 */
bool cli_load_graph(const cli_common *c, bool include_held, cli_graph *out);
/*
 * What cli_load_graph_with calls as the graph is made, on its own thread,
 * so that work on what is made already can start: `glossary_read` once the
 * glossary is read and built (it is read only from then on), `links_made`
 * once it is linked (the graph is made next), `stopped` when loading then
 * fails, before anything is released: once it returns, nothing it was
 * given may be used. Any may be NULL.
 */
typedef struct cli_load_stages {
	void (*glossary_read)(const gg_glossary *g, void *payload);
	void (*links_made)(const gg_links *l, void *payload);
	void (*stopped)(void *payload);
	void *payload;
} cli_load_stages;

/*
 * cli_load_graph, the links keeping the held edges with `held_links`, the
 * graph taking them with `held_graph` (which needs held_links), its
 * measures computed only with `measures` (gg_export_reads_measures says
 * which outputs need them; a database has them whatever is asked);
 * `stages` (NULL: none) is called as each stage is made.
 */
bool cli_load_graph_with(const cli_common *c, bool held_links, bool held_graph, bool measures,
			 const cli_load_stages *stages, cli_graph *out);
void cli_graph_free(cli_graph *g);

/*
 * Resolve TERM as `show` does; on failure prints "no term" with the
 * closest names and returns false.
 */
bool cli_resolve_term(const gg_glossary *g, const char *term, size_t *out);

/*
 * An edge's evidence as the commands print it: the file and line of the
 * entry holding it, and the text around it (a header line longer than the
 * buffer is cut, "..." at the end).
 */
typedef struct cli_evidence {
	const char *file;
	unsigned line;
	char snippet[GG_SNIPPET_MAX];
} cli_evidence;
void cli_evidence_of(const gg_graph *gr, const gg_edge *e, cli_evidence *out);

/*
 * Printing glossary and file text safely. Text output escapes what a
 * terminal would act on: TAB, LF, CR as \t \n \r, other control bytes and
 * bytes that are not UTF-8 as \xHH, C1 control characters as \u0080..\u009f.
 */
/* Write s to f, escaped. */
void cli_put(FILE *f, const char *s);
/*
 * s escaped, for a printf argument: s itself when nothing needs escaping,
 * else a buffer of this module that stays valid until 8 more escaped calls.
 * "(out of memory)" when a buffer cannot grow.
 */
const char *cli_safe(const char *s);
/*
 * Write s as a JSON string literal (quotes included), always valid UTF-8:
 * bytes that are not UTF-8 become U+FFFD, control characters \uXXXX.
 */
void cli_json_string(FILE *f, const char *s);
/* Write s for a TSV cell: TAB, CR and LF become spaces, the rest as cli_put. */
void cli_tsv_cell(FILE *f, const char *s);

/* Flush stdout and report a failed write; returns the exit code to use. */
int cli_finish_stdout(int code);

/*
 * Refuse (reported) to write `path` in `format` when it is an input, or in a
 * folder read as input (the next run would read it). "-" is never refused.
 */
bool cli_refuse_output(const cli_common *c, gg_export_format format, const char *path);
/* "glossgraph: wrote PATH" on stderr; both files for neo4j. */
void cli_report_written(gg_export_format format, const char *path);

/* Which part of the graph build and export write: --top, --focus, --depth, --all. */
typedef struct cli_selection {
	long top;          /* --top N; -1: the format's default */
	const char *focus; /* --focus TERM; NULL: none */
	long depth;        /* --depth K: hops around the focus */
	bool all;          /* --all: held links too, with why */
} cli_selection;

#define CLI_SELECTION_INIT { -1, NULL, 2, false }

/* Option codes of the selection options, above any command's own (from 256). */
enum {
	CLI_OPT_TOP = 512,
	CLI_OPT_FOCUS,
	CLI_OPT_DEPTH,
	CLI_OPT_ALL
};

/* The selection's long options; put them before CLI_COMMON_LONG_OPTIONS. */
#define CLI_SELECTION_LONG_OPTIONS \
	{ "top", required_argument, NULL, CLI_OPT_TOP }, \
	{ "focus", required_argument, NULL, CLI_OPT_FOCUS }, \
	{ "depth", required_argument, NULL, CLI_OPT_DEPTH }, \
	{ "all", no_argument, NULL, CLI_OPT_ALL }

/* The selection in a usage line. */
#define CLI_SELECTION_USAGE "[--top N] [--focus TERM [--depth K]] [--all]"

/* Help lines of --depth and --all; --top and --focus mean different things in
 * build and export, so each command writes those lines itself. */
#define CLI_SELECTION_HELP \
	"      --depth K       links around the focus (default 2)\n" \
	"      --all           add the links the linker held back, with a held\n" \
	"                      column saying why\n"

/*
 * Handle `opt` when it is a selection option; the option function of build
 * and export ends with it. Returns 0, or non-zero for a bad value (reported
 * with `usage`) or an option that is not one of these.
 */
int cli_selection_option(cli_selection *s, const char *usage, int opt, const char *arg);

/*
 * Fill `o` with the defaults and what every file of a selection shares:
 * held links (--all), the depth (at most 1000) and has_focus when
 * `around_focus`. The caller sets `top` and resolves the focus concept.
 */
void cli_selection_options(const cli_selection *s, bool around_focus, gg_export_options *o);

/*
 * The start of every command: cli_common_init, then cli_parse. Returns the
 * index of the first operand, or -1 with `c` released when the command
 * should return *exit_code at once (--help, or a usage error reported).
 */
int cli_begin(int argc, char **argv, const cli_spec *spec, void *payload, cli_common *c,
	      int *exit_code);

/*
 * The start of a command that answers from the graph's nodes alone (their
 * measures and communities): cli_begin, then cli_graph_load with
 * cli_load_nodes. Returns the first operand's index, or -1 (reported, `c`
 * released) with *exit_code to return. End with cli_graph_end.
 */
int cli_graph_begin(int argc, char **argv, const cli_spec *spec, void *payload, cli_common *c,
		    cli_graph *g, int *exit_code);

/*
 * Load the graph (held edges left out; as cli_load_figures, so for a command
 * that prints no evidence) when `first` is an operand index:
 * the second half of cli_graph_begin, for a command that checks its
 * operands first. Returns `first`, or -1 with `c` released (also when
 * first is -1) and *exit_code set to EXIT_ERROR when the load failed.
 */
int cli_graph_load(int first, cli_common *c, cli_graph *g, int *exit_code);

/* Release the graph and `c`, then flush stdout: returns code, or EXIT_ERROR when stdout failed. */
int cli_graph_end(cli_common *c, cli_graph *g, int code);

int cmd_terms(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_neighbors(int argc, char **argv);
int cmd_related(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_top(int argc, char **argv);
int cmd_communities(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_search(int argc, char **argv);

#endif
