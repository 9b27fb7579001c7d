/* export.c - the export API: formats, options, dispatch, and the text and colours every writer shares. */
#include "export/export.h"
#include "export/html.h"
#include "export/output.h"
#include "core/error.h"
#include "core/text.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Longest tooltip text, in bytes, before it is cut at a word. */
#define SENTENCE_MAX 300

static const char *const format_names[GG_FORMAT_COUNT] = {
	[GG_FORMAT_DOT] = "dot",
	[GG_FORMAT_GRAPHML] = "graphml",
	[GG_FORMAT_GEXF] = "gexf",
	[GG_FORMAT_SVG] = "svg",
	[GG_FORMAT_TSV] = "tsv",
	[GG_FORMAT_CSV] = "csv",
	[GG_FORMAT_JSON] = "json",
	[GG_FORMAT_NEO4J] = "neo4j",
	[GG_FORMAT_HTML] = "html",
};

/*
 * Paul Tol's "light" scheme: eight colours that colour-blind readers tell
 * apart and that keep dark text legible, then pale grey for the rest.
 */
static const unsigned char palette[][3] = {
	{ 0x77, 0xAA, 0xDD }, /* light blue */
	{ 0xEE, 0x88, 0x66 }, /* orange */
	{ 0xEE, 0xDD, 0x88 }, /* light yellow */
	{ 0xFF, 0xAA, 0xBB }, /* pink */
	{ 0x99, 0xDD, 0xFF }, /* light cyan */
	{ 0x44, 0xBB, 0x99 }, /* mint */
	{ 0xBB, 0xCC, 0x33 }, /* pear */
	{ 0xAA, 0xAA, 0x00 }, /* olive */
};
static const unsigned char pale_grey[3] = { 0xDD, 0xDD, 0xDD };

void gg_export_options_init(gg_export_options *o)
{
	memset(o, 0, sizeof(*o));
	o->depth = 2;
	o->max_layout_nodes = GG_EXPORT_MAX_LAYOUT_NODES;
	o->max_layout_edges = GG_EXPORT_MAX_LAYOUT_EDGES;
}

int gg_export_format_from_name(const char *name, gg_export_format *out)
{
	for (int f = 0; f < GG_FORMAT_COUNT; f++) {
		if (gg_strcasecmp(name, format_names[f]) == 0) {
			*out = (gg_export_format)f;
			return 0;
		}
	}
	return gg_error_set(GG_EINVAL, "unknown format '%s' (dot, graphml, gexf, svg, tsv, "
			    "csv, json, neo4j, html)", name);
}

const char *gg_export_format_name(gg_export_format f)
{
	return f >= 0 && f < GG_FORMAT_COUNT ? format_names[f] : "unknown";
}

const char *gg_i_type_name(gg_concept_kind k)
{
	return k == GG_CONCEPT_KEYWORD ? "keyword" : "term";
}

void gg_i_community_rgb(int community, unsigned char rgb[3])
{
	size_t n = sizeof(palette) / sizeof(palette[0]);
	const unsigned char *c = community >= 0 && (size_t)community < n
		? palette[community] : pale_grey;
	memcpy(rgb, c, 3);
}

void gg_i_community_hex(int community, char hex[8])
{
	unsigned char c[3];
	gg_i_community_rgb(community, c);
	snprintf(hex, 8, "#%02X%02X%02X", c[0], c[1], c[2]);
}

const char *gg_i_number(char buf[GG_I_NUMBER_MAX], double x)
{
	if (!isfinite(x) || x == 0)
		x = 0; /* also turns -0 into 0 */
	snprintf(buf, GG_I_NUMBER_MAX, "%.9g", x);
	const char *point = localeconv()->decimal_point;
	if (point && strcmp(point, ".") != 0) {
		char *at = strstr(buf, point);
		if (at) {
			size_t n = strlen(point);
			*at = '.';
			memmove(at + 1, at + n, strlen(at + n) + 1);
		}
	}
	return buf;
}

void gg_i_clean(gg_buf *out, const char *s)
{
	if (s)
		gg_i_clean_n(out, s, strlen(s));
}

void gg_i_clean_n(gg_buf *out, const char *s, size_t len)
{
	size_t start = out->len;
	gg_utf8_sanitize(out, s, len);
	if (out->oom)
		return;
	unsigned char *u = (unsigned char *)out->ptr;
	for (size_t i = start; i < out->len;) {
		if (out->len - i >= 8 && gg_ascii_printable8(u + i)) {
			i += 8;
			continue;
		}
		if (u[i] == '\t' || u[i] == '\n' || u[i] == '\r')
			u[i] = ' ';
		i++;
	}
}

/* Append the cleaned items, "; " between them and after what out holds. */
static void join(gg_buf *out, const char **items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (out->len)
			gg_buf_puts(out, "; ");
		gg_i_clean(out, items[i]);
	}
}

/* White space, as first_sentence folds it. */
static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether plain[i], one of .!?, ends a sentence: a space and a capital, a
 * digit or an opening mark follow, or nothing does. "e.g. the" does not. */
static bool ends_sentence(const char *plain, size_t len, size_t i)
{
	if (i + 1 >= len)
		return true;
	if (plain[i + 1] != ' ')
		return false;
	if (i + 2 >= len)
		return true;
	char c = plain[i + 2];
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '(' || c == '"' ||
	       c == '-' || (unsigned char)c >= 0x80;
}

/*
 * Judge the stops (.!?) of plain[*judged, upto) in order, upto <= len:
 * true at the first that ends the sentence, with *judged just past it;
 * false with *judged = upto.
 */
static bool find_end(const char *plain, size_t len, size_t upto, size_t *judged)
{
	for (; *judged < upto; ++*judged) {
		char c = plain[*judged];
		if ((c == '.' || c == '!' || c == '?') && ends_sentence(plain, len, *judged)) {
			++*judged;
			return true;
		}
	}
	return false;
}

/*
 * Append the first sentence of `def` with Markdown's ** removed and runs of
 * white space made one space, cut at a word past SENTENCE_MAX bytes. Only
 * the opening of the definition is read, and only up to the sentence's
 * end: a stop is judged as soon as the two bytes after it are known.
 */
static void first_sentence(gg_buf *out, const char *def)
{
	char plain[SENTENCE_MAX + 8];
	size_t len = 0, judged = 0; /* the stops in plain[0, judged) end no sentence */
	bool ended = false;
	plain[0] = '\0'; /* nothing is read from it when def is empty; the compiler cannot tell */

	for (const char *p = def; *p && len < sizeof(plain) - 1 && !ended; p++) {
		if (p[0] == '*' && p[1] == '*') {
			p++;
			continue;
		}
		if (is_space(*p)) {
			if (len && plain[len - 1] != ' ')
				plain[len++] = ' ';
		} else {
			plain[len++] = *p;
		}
		/* a stop with two bytes after it is judged already */
		ended = len > 2 && find_end(plain, len, len - 2, &judged);
	}
	if (ended || find_end(plain, len, len, &judged))
		len = judged; /* just past the stop */
	bool cut = false;
	if (len > SENTENCE_MAX) {
		size_t at = SENTENCE_MAX;
		while (at > SENTENCE_MAX / 2 && plain[at] != ' ')
			at--;
		while (at > 0 && ((unsigned char)plain[at] & 0xC0) == 0x80)
			at--; /* no space found: stay on a character boundary */
		len = at;
		cut = true;
	}
	while (len && plain[len - 1] == ' ')
		len--;
	gg_i_clean_n(out, plain, len);
	if (cut)
		gg_buf_puts(out, "\xE2\x80\xA6"); /* ... */
}

int gg_i_node_text_fill(gg_i_node_text *t, const gg_i_view *v, size_t i)
{
	t->index = v->nodes[i];
	t->node = gg_graph_node(v->graph, t->index);
	t->concept = gg_glossary_concept(v->glossary, t->node->concept);
	unsigned char rgb[3];
	gg_i_community_rgb(t->node->community, rgb);
	t->r = rgb[0];
	t->g = rgb[1];
	t->b = rgb[2];
	gg_buf_clear(&t->label);
	gg_buf_clear(&t->aliases);
	gg_buf_clear(&t->categories);
	gg_buf_clear(&t->definition);
	gg_i_clean(&t->label, t->node->name);
	join(&t->aliases, t->concept->aliases, t->concept->n_aliases);
	join(&t->aliases, t->concept->abbrevs, t->concept->n_abbrevs);
	join(&t->categories, t->concept->categories, t->concept->n_categories);
	if (t->concept->n_entries) {
		const gg_entry *e = gg_glossary_entry(v->glossary, t->concept->entries[0]);
		first_sentence(&t->definition, e->definition);
	}
	if (t->label.oom || t->aliases.oom || t->categories.oom || t->definition.oom)
		return gg_error_oom();
	return 0;
}

void gg_i_node_text_free(gg_i_node_text *t)
{
	gg_buf_free(&t->label);
	gg_buf_free(&t->aliases);
	gg_buf_free(&t->categories);
	gg_buf_free(&t->definition);
}

int gg_i_edge_text_fill(gg_i_edge_text *t, const gg_i_view *v, size_t i)
{
	t->index = v->edges[i];
	t->edge = gg_graph_edge(v->graph, t->index, &t->from, &t->to);
	t->entry = gg_glossary_entry(v->glossary, t->edge->entry);
	gg_buf_clear(&t->evidence);
	gg_buf_clear(&t->surface);
	gg_buf_clear(&t->file);
	gg_buf_clear(&t->snippet);
	if (t->edge->surface)
		gg_i_clean_n(&t->surface, t->edge->surface, t->edge->surface_len);
	if (t->entry)
		gg_i_clean(&t->file, t->entry->file);
	/* the snippet, made in the evidence buffer (a second time only for a
	 * header line longer than any mention's snippet) and cleaned from there */
	const gg_links *links = gg_graph_links(v->graph);
	size_t n = 0;
	if (gg_buf_reserve(&t->evidence, GG_SNIPPET_MAX)) {
		n = gg_edge_snippet(links, t->edge, t->evidence.ptr, GG_SNIPPET_MAX);
		if (n >= GG_SNIPPET_MAX)
			n = gg_buf_reserve(&t->evidence, n)
				    ? gg_edge_snippet(links, t->edge, t->evidence.ptr, n + 1) : 0;
	}
	if (n)
		gg_i_clean_n(&t->snippet, t->evidence.ptr, n);
	gg_buf_clear(&t->evidence);
	if (t->file.len) {
		gg_buf_put(&t->evidence, t->file.ptr, t->file.len);
		char num[GG_I_NUMBER_MAX];
		int k = snprintf(num, sizeof(num), ":%llu", (unsigned long long)t->edge->offset);
		gg_buf_put(&t->evidence, num, (size_t)k);
		if (t->snippet.len) {
			gg_buf_put(&t->evidence, ": ", 2);
			gg_buf_put(&t->evidence, t->snippet.ptr, t->snippet.len);
		}
	}
	if (t->evidence.oom || t->surface.oom || t->file.oom || t->snippet.oom)
		return gg_error_oom();
	return 0;
}

void gg_i_edge_text_free(gg_i_edge_text *t)
{
	gg_buf_free(&t->evidence);
	gg_buf_free(&t->surface);
	gg_buf_free(&t->file);
	gg_buf_free(&t->snippet);
}

bool gg_export_uses_graphviz(gg_export_format f)
{
	return f == GG_FORMAT_DOT || f == GG_FORMAT_SVG;
}

/* Write the view in format f (not neo4j) to out. */
static int write_view(gg_export_format f, FILE *out, const gg_i_view *v)
{
	switch (f) {
	case GG_FORMAT_DOT: return gg_i_write_dot(out, v);
	case GG_FORMAT_GRAPHML: return gg_i_write_graphml(out, v);
	case GG_FORMAT_GEXF: return gg_i_write_gexf(out, v);
	case GG_FORMAT_SVG: return gg_i_write_svg(out, v);
	case GG_FORMAT_TSV: return gg_i_write_table(out, v, '\t');
	case GG_FORMAT_CSV: return gg_i_write_table(out, v, ',');
	case GG_FORMAT_JSON: return gg_i_write_json(out, v);
	case GG_FORMAT_HTML: return gg_i_write_html(out, v);
	case GG_FORMAT_NEO4J:
	case GG_FORMAT_COUNT:
		break;
	}
	return gg_error_set(GG_EINVAL, "format '%s' cannot be written to one stream",
			    gg_export_format_name(f));
}

int gg_export_write(const gg_graph *gr, gg_export_format f,
		    const gg_export_options *o, FILE *out)
{
	gg_export_options defaults;
	gg_i_view v;

	if (!o) {
		gg_export_options_init(&defaults);
		o = &defaults;
	}
	int err = gg_i_view_init(&v, gr, o);
	if (!err)
		err = write_view(f, out, &v);
	gg_i_view_destroy(&v);
	return err;
}

int gg_export_neo4j_paths(const char *stem, char **nodes, char **relationships)
{
	size_t n = strlen(stem);
	if (n > 4 && strcmp(stem + n - 4, ".csv") == 0)
		n -= 4;
	gg_buf a = GG_BUF_INIT, b = GG_BUF_INIT;
	gg_buf_printf(&a, "%.*s.nodes.csv", (int)n, stem);
	gg_buf_printf(&b, "%.*s.relationships.csv", (int)n, stem);
	*nodes = gg_buf_detach(&a);
	*relationships = gg_buf_detach(&b);
	if (!*nodes || !*relationships) {
		free(*nodes);
		free(*relationships);
		*nodes = *relationships = NULL;
		return gg_error_oom();
	}
	return 0;
}

/*
 * Before `o` (closed, not yet committed) is renamed over its path, keep the
 * file now there under a second name, a hard link "TMP.old" beside it, so
 * that it can be put back. *backup is that name, or NULL when there is
 * nothing to put back: no file there yet, or `o` is written in place.
 * Returns 0, GG_EIO (the file system cannot link it: nothing is replaced)
 * or GG_ENOMEM.
 */
static int keep_old(const gg_i_output *o, char **backup)
{
	gg_buf name = GG_BUF_INIT;

	*backup = NULL;
	if (!o->tmp)
		return 0;
	gg_buf_printf(&name, "%s.old", o->tmp);
	if (name.oom)
		return gg_error_oom();
	if (link(o->path, name.ptr) != 0) {
		int err = errno == ENOENT ? 0
			: gg_error_set_errno(GG_EIO, errno, "cannot keep the old '%s' while it is "
					     "replaced", o->path);
		gg_buf_free(&name);
		return err;
	}
	*backup = gg_buf_detach(&name);
	return 0;
}

/*
 * Rename both closed temporaries into place, nodes first; when the second
 * rename fails, put the old nodes file back (or remove the new one when
 * there was none), so that both files change or neither does. Only when
 * that undo fails too are the new nodes left beside the old relationships,
 * and the message says so and where the old nodes file is kept. Returns 0,
 * GG_EIO or GG_ENOMEM.
 */
static int commit_pair(gg_i_output *nodes, gg_i_output *rels)
{
	char *path = NULL, *backup = NULL;
	int err = keep_old(nodes, &backup);

	if (!err && nodes->tmp && !(path = gg_strndup(nodes->path, strlen(nodes->path))))
		err = gg_error_oom();
	if (!err)
		err = gg_i_output_commit(nodes);
	if (!err && (err = gg_i_output_commit(rels)) != 0 && path) {
		int undone = (backup ? rename(backup, path) : unlink(path)) == 0, undo_errno = errno;
		if (undone) {
			free(backup);
			backup = NULL;
		} else {
			char why[256];
			snprintf(why, sizeof(why), "%s", gg_error_last());
			if (backup)
				gg_error_set_errno(err, undo_errno, "%s; the new '%s' could not be taken "
						   "back (the old one is kept as '%s')", why, path, backup);
			else
				gg_error_set_errno(err, undo_errno, "%s; the new '%s' could not be "
						   "taken back", why, path);
			free(backup); /* its file is the only copy of the old nodes: kept */
			backup = NULL;
		}
	}
	if (backup)
		unlink(backup);
	free(backup);
	free(path);
	return err;
}

/* Both Neo4j files, written to temporaries, then renamed into place together. */
static int export_neo4j(const gg_i_view *v, const char *stem)
{
	gg_i_output nodes = GG_I_OUTPUT_INIT, rels = GG_I_OUTPUT_INIT;
	char *nodes_path = NULL, *rels_path = NULL;

	if (strcmp(stem, "-") == 0)
		return gg_error_set(GG_EINVAL, "neo4j writes two files: give a path stem, not '-'");
	int err = gg_export_neo4j_paths(stem, &nodes_path, &rels_path);
	if (!err)
		err = gg_i_output_open(&nodes, nodes_path);
	if (!err)
		err = gg_i_output_open(&rels, rels_path);
	if (!err) {
		int write_err = gg_i_write_neo4j(nodes.f, rels.f, v);
		int close_err = gg_i_output_close(&nodes);
		if (!close_err)
			close_err = gg_i_output_close(&rels);
		err = close_err ? close_err : write_err;
	}
	if (!err)
		err = commit_pair(&nodes, &rels);
	gg_i_output_abort(&nodes);
	gg_i_output_abort(&rels);
	free(nodes_path);
	free(rels_path);
	return err;
}

int gg_export_file(const gg_graph *gr, gg_export_format f,
		   const gg_export_options *o, const char *path)
{
	gg_export_options defaults;
	gg_i_output out = GG_I_OUTPUT_INIT;
	gg_i_view v;

	if (!o) {
		gg_export_options_init(&defaults);
		o = &defaults;
	}
	int err = gg_i_view_init(&v, gr, o);
	if (!err && f == GG_FORMAT_NEO4J) {
		err = export_neo4j(&v, path);
	} else if (!err) {
		err = gg_i_output_open(&out, path);
		if (!err) {
			int write_err = write_view(f, out.f, &v);
			/* a failed write (a full disk) explains a writer's failure best */
			int close_err = gg_i_output_close(&out);
			err = close_err ? close_err : write_err;
		}
		if (!err)
			err = gg_i_output_commit(&out);
		gg_i_output_abort(&out);
	}
	gg_i_view_destroy(&v);
	return err;
}
