/* export.c - the export API: formats, options, and dispatch to the writer of each format. */
#include "export/export.h"
#include "export/html.h"
#include "export/output.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const format_names[GG_EXPORT_FORMAT_COUNT] = {
	[GG_FORMAT_DOT] = "dot",
	[GG_FORMAT_GRAPHML] = "graphml",
	[GG_FORMAT_GEXF] = "gexf",
	[GG_FORMAT_SVG] = "svg",
	[GG_FORMAT_TSV] = "tsv",
	[GG_FORMAT_CSV] = "csv",
	[GG_FORMAT_JSON] = "json",
	[GG_FORMAT_NEO4J] = "neo4j",
	[GG_FORMAT_GRAPHOLOGY] = "graphology",
	[GG_FORMAT_CYTOSCAPE] = "cytoscape",
	[GG_FORMAT_SKOS] = "skos",
	[GG_FORMAT_VAULT] = "vault",
	[GG_FORMAT_HTML] = "html",
};

/* The file extension of each format, where it is not the format's name. */
static const char *const extensions[GG_EXPORT_FORMAT_COUNT] = {
	[GG_FORMAT_NEO4J] = "",
	[GG_FORMAT_GRAPHOLOGY] = "graphology.json",
	[GG_FORMAT_CYTOSCAPE] = "cytoscape.json",
	[GG_FORMAT_SKOS] = "ttl",
};

void gg_export_options_init(gg_export_options *o)
{
	memset(o, 0, sizeof(*o));
	o->depth = 2;
	o->max_layout_nodes = GG_EXPORT_MAX_LAYOUT_NODES;
	o->max_layout_edges = GG_EXPORT_MAX_LAYOUT_EDGES;
}

int gg_export_format_from_name(gg_export_format *out, const char *name)
{
	for (int f = 0; f < GG_EXPORT_FORMAT_COUNT; f++) {
		if (gg_i_strcasecmp(name, format_names[f]) == 0) {
			*out = (gg_export_format)f;
			return 0;
		}
	}
	return gg_i_error_set(GG_EINVAL, "unknown format '%s' (dot, graphml, gexf, svg, tsv, "
			    "csv, json, graphology, cytoscape, neo4j, skos, vault, html)", name);
}

const char *gg_export_format_name(gg_export_format f)
{
	return f >= 0 && f < GG_EXPORT_FORMAT_COUNT ? format_names[f] : "unknown";
}

const char *gg_export_format_extension(gg_export_format f)
{
	if (f >= 0 && f < GG_EXPORT_FORMAT_COUNT && extensions[f])
		return extensions[f];
	return gg_export_format_name(f);
}

bool gg_export_uses_graphviz(gg_export_format f)
{
	return f == GG_FORMAT_SVG; /* DOT is written without it (dot.c) */
}

bool gg_export_reads_measures(gg_export_format f)
{
	return f != GG_FORMAT_TSV && f != GG_FORMAT_CSV; /* table.c writes edges only */
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
	case GG_FORMAT_JSON: return gg_i_write_json(out, v, GG_I_JSON_NETWORKX);
	case GG_FORMAT_GRAPHOLOGY: return gg_i_write_json(out, v, GG_I_JSON_GRAPHOLOGY);
	case GG_FORMAT_CYTOSCAPE: return gg_i_write_json(out, v, GG_I_JSON_CYTOSCAPE);
	case GG_FORMAT_SKOS: return gg_i_write_skos(out, v);
	case GG_FORMAT_HTML: return gg_i_write_html(out, v);
	case GG_FORMAT_NEO4J:
	case GG_FORMAT_VAULT:
	case GG_EXPORT_FORMAT_COUNT:
		break;
	}
	return gg_i_error_set(GG_EINVAL, "format '%s' cannot be written to one stream",
			    gg_export_format_name(f));
}

/* Whether format f writes positions and sizes, which the view then scales. */
static bool draws_positions(gg_export_format f)
{
	return f == GG_FORMAT_GRAPHML || f == GG_FORMAT_GEXF || f == GG_FORMAT_JSON ||
	       f == GG_FORMAT_GRAPHOLOGY || f == GG_FORMAT_CYTOSCAPE;
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
	gg_i_progress(&o->progress, GG_STAGE_EXPORT, 0);
	int err = gg_i_view_init(&v, gr, o);
	if (!err && draws_positions(f))
		err = gg_i_view_scale(&v);
	if (!err)
		err = write_view(f, out, &v);
	gg_i_view_destroy(&v);
	if (!err)
		gg_i_progress(&o->progress, GG_STAGE_EXPORT, 1);
	return err;
}

int gg_export_neo4j_paths(gg_neo4j_paths *out, const char *stem)
{
	size_t n = strlen(stem);
	if (n > 4 && strcmp(stem + n - 4, ".csv") == 0)
		n -= 4;
	gg_i_buf a = GG_BUF_INIT, b = GG_BUF_INIT;
	gg_i_buf_printf(&a, "%.*s.nodes.csv", (int)n, stem);
	gg_i_buf_printf(&b, "%.*s.relationships.csv", (int)n, stem);
	out->nodes = gg_i_buf_detach(&a);
	out->relationships = gg_i_buf_detach(&b);
	if (!out->nodes || !out->relationships) {
		gg_neo4j_paths_destroy(out);
		return gg_i_error_oom();
	}
	return 0;
}

void gg_neo4j_paths_destroy(gg_neo4j_paths *p)
{
	free(p->nodes);
	free(p->relationships);
	p->nodes = p->relationships = NULL;
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
	gg_i_buf name = GG_BUF_INIT;

	*backup = NULL;
	if (!o->tmp)
		return 0;
	gg_i_buf_printf(&name, "%s.old", o->tmp);
	if (name.oom)
		return gg_i_error_oom();
	if (link(o->path, name.ptr) != 0) {
		int err = errno == ENOENT ? 0
			: gg_i_error_set_errno(GG_EIO, errno, "cannot keep the old '%s' while it is "
					     "replaced", o->path);
		gg_i_buf_free(&name);
		return err;
	}
	*backup = gg_i_buf_detach(&name);
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

	if (!err && nodes->tmp && !(path = gg_i_strndup(nodes->path, strlen(nodes->path))))
		err = gg_i_error_oom();
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
				gg_i_error_set_errno(err, undo_errno, "%s; the new '%s' could not be taken "
						   "back (the old one is kept as '%s')", why, path, backup);
			else
				gg_i_error_set_errno(err, undo_errno, "%s; the new '%s' could not be "
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
	gg_neo4j_paths paths = { NULL, NULL };

	if (strcmp(stem, "-") == 0)
		return gg_i_error_set(GG_EINVAL, "neo4j writes two files: give a path stem, not '-'");
	int err = gg_export_neo4j_paths(&paths, stem);
	if (!err)
		err = gg_i_output_open(&nodes, paths.nodes);
	if (!err)
		err = gg_i_output_open(&rels, paths.relationships);
	if (!err) {
		int write_err = gg_i_write_neo4j(nodes.f, rels.f, v);
		int close_err = gg_i_output_close(&nodes);
		if (!close_err)
			close_err = gg_i_output_close(&rels);
		err = close_err ? close_err : write_err;
	}
	if (!err) { /* one run's pair: another run renames its pair before or after */
		int lock;
		err = gg_i_output_lock_folder(nodes.path, &lock);
		if (!err)
			err = commit_pair(&nodes, &rels);
		gg_i_output_unlock_folder(lock);
	}
	gg_i_output_abort(&nodes);
	gg_i_output_abort(&rels);
	gg_neo4j_paths_destroy(&paths);
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
	gg_i_progress(&o->progress, GG_STAGE_EXPORT, 0);
	int err = gg_i_view_init(&v, gr, o);
	if (!err && draws_positions(f))
		err = gg_i_view_scale(&v);
	if (!err && f == GG_FORMAT_NEO4J) {
		err = export_neo4j(&v, path);
	} else if (!err && f == GG_FORMAT_VAULT) {
		err = gg_i_export_vault(&v, path);
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
	if (!err)
		gg_i_progress(&o->progress, GG_STAGE_EXPORT, 1);
	return err;
}
