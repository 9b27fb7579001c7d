/* write.c - saving a graph, its links and its glossary in an SQLite database, written whole or not at all. */
#include "store/store_i.h"
#include "core/error.h"
#include "export/output_temp.h"
#include "link/links.h"
#include "model/model.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void gg_store_write_options_init(gg_store_write_options *o)
{
	memset(o, 0, sizeof(*o));
}

int gg_i_store_error(sqlite3 *db, int code, const char *what, const char *path)
{
	int sql = db ? sqlite3_errcode(db) : SQLITE_NOMEM;
	if (sql == SQLITE_NOMEM)
		return gg_i_error_oom();
	return gg_i_error_set(code, "%s '%s': %s", what, path, db ? sqlite3_errmsg(db) : "");
}

/* The statements of one write, prepared once and reused row after row. */
enum {
	PUT_META, PUT_INPUT, PUT_CONCEPT, PUT_NAME, PUT_ENTRY, PUT_ITEM, PUT_FORM,
	PUT_COMMUNITY, PUT_DIAGNOSTIC, PUT_COUNT
};

static const char *const put_sql[PUT_COUNT] = {
	[PUT_META] = "INSERT INTO meta VALUES(?1, ?2)",
	[PUT_INPUT] = "INSERT INTO inputs(path, size, mtime) VALUES(?1, ?2, ?3)",
	[PUT_CONCEPT] = ("INSERT INTO concepts VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
			 " ?13, ?14, ?15, ?16, ?17, ?18)"),
	[PUT_NAME] = "INSERT INTO concept_names VALUES(?1, ?2, ?3, ?4)",
	[PUT_ENTRY] = "INSERT INTO entries VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[PUT_ITEM] = "INSERT INTO entry_items VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
	[PUT_FORM] = "INSERT INTO forms VALUES(?1, ?2, ?3)",
	[PUT_COMMUNITY] = "INSERT INTO communities VALUES(?1, ?2, ?3)",
	[PUT_DIAGNOSTIC] = "INSERT INTO diagnostics VALUES(?1, ?2, ?3, ?4, ?5)",
};

/* A write in progress: the database, its statements and where errors go. */
typedef struct writer {
	sqlite3 *db;
	sqlite3_stmt *put[PUT_COUNT];
	const char *path; /* the target, for messages */
	int err;
} writer;

/* Run statement `s` once its parameters are bound, then reset it; keeps the first error in w. */
static void step(writer *w, sqlite3_stmt *s)
{
	if (!w->err && sqlite3_step(s) != SQLITE_DONE)
		w->err = gg_i_store_error(w->db, GG_EIO, "cannot write", w->path);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* Run SQL text (several statements) on w's database; keeps the first error. */
static void exec(writer *w, const char *sql)
{
	if (!w->err && sqlite3_exec(w->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		w->err = gg_i_store_error(w->db, GG_EIO, "cannot write", w->path);
}

/* Bind text s[0, len) (NULL: SQL NULL) as parameter i; the text must live until the step. */
static void bind_text(sqlite3_stmt *s, int i, const char *text, size_t len)
{
	if (text)
		sqlite3_bind_text64(s, i, text, len, SQLITE_STATIC, SQLITE_UTF8);
	else
		sqlite3_bind_null(s, i);
}

static void bind_str(sqlite3_stmt *s, int i, const char *text)
{
	bind_text(s, i, text, text ? strlen(text) : 0);
}

static void put_meta_text(writer *w, const char *key, const char *value)
{
	sqlite3_stmt *s = w->put[PUT_META];
	bind_str(s, 1, key);
	bind_str(s, 2, value);
	step(w, s);
}

static void put_meta_int(writer *w, const char *key, int64_t value)
{
	sqlite3_stmt *s = w->put[PUT_META];
	bind_str(s, 1, key);
	sqlite3_bind_int64(s, 2, value);
	step(w, s);
}

static void put_meta_real(writer *w, const char *key, double value)
{
	sqlite3_stmt *s = w->put[PUT_META];
	bind_str(s, 1, key);
	sqlite3_bind_double(s, 2, value);
	step(w, s);
}

/* The figures the commands print besides the rows: read statistics, the threshold, the model, the graph's. */
static void put_meta(writer *w, const gg_graph *gr, const gg_store_write_options *o)
{
	const gg_links *l = gg_graph_links(gr);
	const gg_read_stats *st = gg_glossary_stats(gg_graph_glossary(gr));
	gg_threshold_source source;
	double threshold = gg_links_threshold(l, &source);
	char key[64];

	put_meta_text(w, "glossgraph_version", gg_version());
	put_meta_int(w, "schema_version", GG_STORE_SCHEMA_VERSION);
	put_meta_text(w, "settings", o->settings ? o->settings : "");
	/* the folder relative input paths start from, so that they are found
	 * whatever folder the database is read from */
	char *dir = getcwd(NULL, 0);
	put_meta_text(w, "build_dir", dir ? dir : "");
	free(dir);
	put_meta_int(w, "pages", (int64_t)st->pages);
	put_meta_int(w, "entries_read", (int64_t)st->entries);
	put_meta_int(w, "duplicates", (int64_t)st->duplicates);
	put_meta_int(w, "terms", (int64_t)st->concepts);
	put_meta_int(w, "keywords", (int64_t)st->keywords);
	put_meta_int(w, "chrome_lines", (int64_t)st->chrome_lines);
	put_meta_int(w, "skipped_lines", (int64_t)st->skipped_lines);
	put_meta_int(w, "replaced_bytes", (int64_t)st->replaced_bytes);
	put_meta_int(w, "warnings", (int64_t)st->warnings);
	put_meta_real(w, "threshold", threshold);
	put_meta_text(w, "threshold_source", gg_threshold_source_name(source));
	put_meta_int(w, "calibration_links", (int64_t)gg_links_calibration_links(l));
	for (int f = 0; f < GG_LINK_FEATURE_COUNT; f++) {
		snprintf(key, sizeof(key), "weight_%s", gg_link_feature_name((gg_link_feature)f));
		put_meta_real(w, key, gg_links_feature_weight(l, (gg_link_feature)f));
	}
	put_meta_real(w, "model_threshold", l->model.threshold);
	put_meta_real(w, "vocabulary_density", gg_links_vocabulary_density(l));
	put_meta_real(w, "density_pivot", l->model.density_pivot);
	put_meta_int(w, "links_dropped", (int64_t)gg_links_dropped(l));
	put_meta_int(w, "bytes_scanned", (int64_t)gg_links_bytes_scanned(l));
	put_meta_int(w, "mentions", (int64_t)gg_links_mentions(l));
	put_meta_int(w, "has_scores", l->df != NULL);
	put_meta_int(w, "has_ordinary", l->ordinary != NULL);
	put_meta_int(w, "concepts", (int64_t)gg_glossary_concept_count(gg_graph_glossary(gr)));
	put_meta_int(w, "entries", (int64_t)gg_glossary_entry_count(gg_graph_glossary(gr)));
	size_t held = 0;
	for (size_t i = 0; i < gg_links_count(l); i++)
		held += gg_links_edge(l, i)->held != GG_HELD_NONE;
	put_meta_int(w, "edges_kept", (int64_t)(gg_links_count(l) - held));
	put_meta_int(w, "edges_held", (int64_t)held);
	put_meta_int(w, "nodes", (int64_t)gg_graph_node_count(gr));
	put_meta_real(w, "modularity", gg_graph_modularity(gr));
	gg_graph_stats figures;
	if (!w->err && (w->err = gg_query_stats(&figures, gr)) != 0)
		return;
	for (size_t i = 0; i < gg_i_store_figure_count; i++) {
		const gg_i_store_figure *f = &gg_i_store_figures[i];
		const char *at = (const char *)&figures + f->offset;
		if (f->real)
			put_meta_real(w, f->key, *(const double *)at);
		else
			put_meta_int(w, f->key, (int64_t)*(const size_t *)at);
	}
	put_meta_int(w, "betweenness_sources", (int64_t)gg_graph_betweenness_sources(gr));
}

/* Record each input path, and each file entries came from, with its size and time now. */
static void put_inputs(writer *w, const gg_glossary *g, const gg_store_write_options *o)
{
	sqlite3_stmt *s = w->put[PUT_INPUT];
	const char *last = NULL;
	struct stat st;

	for (size_t i = 0; i < o->n_inputs && !w->err; i++) {
		if (strcmp(o->inputs[i], "-") == 0 || stat(o->inputs[i], &st) != 0)
			continue;
		bind_str(s, 1, o->inputs[i]);
		sqlite3_bind_int64(s, 2, (int64_t)st.st_size);
		sqlite3_bind_int64(s, 3, (int64_t)st.st_mtime);
		step(w, s);
	}
	for (size_t i = 0; i < gg_glossary_entry_count(g) && !w->err; i++) {
		const char *file = gg_glossary_entry(g, i)->file;
		if ((last && strcmp(last, file) == 0) || stat(file, &st) != 0 || S_ISDIR(st.st_mode))
			continue;
		last = file; /* entries come in file order: one row a file */
		bool given = false;
		for (size_t k = 0; k < o->n_inputs; k++)
			given = given || strcmp(o->inputs[k], file) == 0;
		if (given)
			continue;
		bind_str(s, 1, file);
		sqlite3_bind_int64(s, 2, (int64_t)st.st_size);
		sqlite3_bind_int64(s, 3, (int64_t)st.st_mtime);
		step(w, s);
	}
}

/* One list of names of concept c, `kind` naming it ("alias", ...). */
static void put_names(writer *w, size_t c, const char *kind, const char *const *names, size_t n)
{
	sqlite3_stmt *s = w->put[PUT_NAME];
	for (size_t i = 0; i < n && !w->err; i++) {
		sqlite3_bind_int64(s, 1, (int64_t)c);
		bind_str(s, 2, kind);
		sqlite3_bind_int64(s, 3, (int64_t)i);
		bind_str(s, 4, names[i]);
		step(w, s);
	}
}

/* Every concept with its node's measures and its per-concept link counts (its names: put_concept_names). */
static void put_concepts(writer *w, const gg_graph *gr)
{
	const gg_glossary *g = gg_graph_glossary(gr);
	const gg_links *l = gg_graph_links(gr);
	sqlite3_stmt *s = w->put[PUT_CONCEPT];
	size_t n_nodes = gg_graph_node_count(gr);
	size_t *rank = calloc(n_nodes ? n_nodes : 1, sizeof(*rank));

	if (!rank) {
		w->err = gg_i_error_oom();
		return;
	}
	for (size_t k = 0; k < gg_graph_community_count(gr); k++) {
		const gg_community *cm = gg_graph_community(gr, k);
		for (size_t i = 0; i < cm->size; i++)
			rank[cm->members[i]] = i;
	}
	for (size_t c = 0; c < gg_glossary_concept_count(g) && !w->err; c++) {
		const gg_concept *k = gg_glossary_concept(g, c);
		size_t node;
		sqlite3_bind_int64(s, 1, (int64_t)c);
		bind_str(s, 2, k->kind == GG_CONCEPT_TERM ? "term" : "keyword");
		bind_str(s, 3, k->name);
		if (gg_graph_node_of(&node, gr, c) == 0) {
			const gg_node *v = gg_graph_node(gr, node);
			sqlite3_bind_int64(s, 4, (int64_t)node);
			sqlite3_bind_int64(s, 5, v->community);
			sqlite3_bind_int64(s, 6, (int64_t)rank[node]);
			sqlite3_bind_double(s, 7, v->pagerank);
			sqlite3_bind_double(s, 8, v->betweenness);
			sqlite3_bind_int64(s, 9, v->in_degree);
			sqlite3_bind_int64(s, 10, v->out_degree);
			sqlite3_bind_double(s, 11, v->in_weight);
			sqlite3_bind_double(s, 12, v->out_weight);
			sqlite3_bind_double(s, 13, v->x);
			sqlite3_bind_double(s, 14, v->y);
			sqlite3_bind_double(s, 15, v->size);
		}
		sqlite3_bind_int64(s, 16, (int64_t)gg_links_mentioned_by(l, c));
		if (l->df)
			sqlite3_bind_int64(s, 17, l->df[c]);
		if (l->ordinary)
			sqlite3_bind_int(s, 18, l->ordinary[c]);
		step(w, s);
	}
	free(rank);
}

/* Every concept's aliases, abbreviations, categories and keywords, concept by concept. */
static void put_concept_names(writer *w, const gg_glossary *g)
{
	for (size_t c = 0; c < gg_glossary_concept_count(g) && !w->err; c++) {
		const gg_concept *k = gg_glossary_concept(g, c);
		put_names(w, c, "alias", k->aliases, k->n_aliases);
		put_names(w, c, "abbreviation", k->abbrevs, k->n_abbrevs);
		put_names(w, c, "category", k->categories, k->n_categories);
		put_names(w, c, "keyword", k->keywords, k->n_keywords);
	}
}

/* One list of strings of entry i. */
static void put_items(writer *w, size_t i, const char *kind, const char *const *items, size_t n)
{
	sqlite3_stmt *s = w->put[PUT_ITEM];
	for (size_t k = 0; k < n && !w->err; k++) {
		sqlite3_bind_int64(s, 1, (int64_t)i);
		bind_str(s, 2, kind);
		sqlite3_bind_int64(s, 3, (int64_t)k);
		bind_str(s, 4, items[k]);
		step(w, s);
	}
}

int gg_i_store_put_entries(sqlite3 *db, const char *path, const gg_glossary *g)
{
	writer w = { .db = db, .path = path };
	sqlite3_stmt *s = NULL, *items = NULL;

	if (sqlite3_prepare_v2(db, put_sql[PUT_ENTRY], -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, put_sql[PUT_ITEM], -1, &items, NULL) != SQLITE_OK)
		w.err = gg_i_store_error(db, GG_EIO, "cannot write", path);
	w.put[PUT_ITEM] = items;
	for (size_t i = 0; i < gg_glossary_entry_count(g) && !w.err; i++) {
		const gg_entry *e = gg_glossary_entry(g, i);
		sqlite3_bind_int64(s, 1, (int64_t)i);
		sqlite3_bind_int64(s, 2, (int64_t)e->concept);
		bind_str(s, 3, e->file);
		sqlite3_bind_int64(s, 4, e->line);
		sqlite3_bind_int64(s, 5, (int64_t)e->header_offset);
		sqlite3_bind_int64(s, 6, (int64_t)e->offset);
		bind_str(s, 7, e->header);
		sqlite3_bind_int(s, 8, e->header_is_name);
		bind_text(s, 9, e->definition, e->definition_len);
		step(&w, s);
		put_items(&w, i, "name", e->names, e->n_names);
		put_items(&w, i, "abbreviation", e->abbrevs, e->n_abbrevs);
		put_items(&w, i, "category", e->categories, e->n_categories);
		for (size_t k = 0; k < e->n_xrefs && !w.err; k++) {
			sqlite3_bind_int64(items, 1, (int64_t)i);
			bind_str(items, 2, "xref");
			sqlite3_bind_int64(items, 3, (int64_t)k);
			bind_str(items, 4, e->xrefs[k].target);
			sqlite3_bind_int64(items, 5, (int64_t)e->xrefs[k].offset);
			sqlite3_bind_int64(items, 6, (int64_t)e->xrefs[k].len);
			step(&w, items);
		}
	}
	sqlite3_finalize(s);
	sqlite3_finalize(items);
	return w.err;
}

/* The lookup table: every normalised form a concept is found by, from the glossary's two maps. */
static void put_forms(writer *w, const gg_glossary *g)
{
	sqlite3_stmt *s = w->put[PUT_FORM];
	const gg_i_strmap *maps[2] = { &g->lookup, &g->lookup_caps };
	for (int m = 0; m < 2; m++) {
		for (size_t k = 0; k < maps[m]->cap && !w->err; k++) {
			if (!maps[m]->keys[k])
				continue;
			bind_str(s, 1, maps[m]->keys[k]);
			sqlite3_bind_int(s, 2, m);
			sqlite3_bind_int64(s, 3, maps[m]->values[k]);
			step(w, s);
		}
	}
}

/*
 * Every edge of the links, held ones included when the links kept them,
 * with its evidence, in one statement (edge_rows.c); its entry's file and
 * line and the snippet are not stored (edges_with_evidence takes them from
 * the entry).
 */
static void put_edges(writer *w, const gg_links *l)
{
	if (!w->err && gg_i_store_edge_rows(w->db, l) != SQLITE_OK)
		w->err = gg_i_store_error(w->db, GG_EIO, "cannot write", w->path);
	exec(w, "INSERT INTO edges SELECT * FROM " GG_I_STORE_EDGE_ROWS);
}

/* The communities, each named by its most central member. */
static void put_communities(writer *w, const gg_graph *gr)
{
	sqlite3_stmt *s = w->put[PUT_COMMUNITY];
	for (size_t k = 0; k < gg_graph_community_count(gr) && !w->err; k++) {
		const gg_community *cm = gg_graph_community(gr, k);
		sqlite3_bind_int64(s, 1, (int64_t)k);
		sqlite3_bind_int64(s, 2, (int64_t)cm->size);
		bind_str(s, 3, cm->size ? gg_graph_node(gr, cm->members[0])->name : "");
		step(w, s);
	}
}

static void put_diagnostics(writer *w, const gg_glossary *g)
{
	sqlite3_stmt *s = w->put[PUT_DIAGNOSTIC];
	for (size_t i = 0; i < gg_glossary_diagnostic_count(g) && !w->err; i++) {
		const gg_diagnostic *d = gg_glossary_diagnostic(g, i);
		sqlite3_bind_int64(s, 1, (int64_t)i);
		bind_str(s, 2, d->level == GG_DIAG_NOTE ? "note" : "warning");
		bind_str(s, 3, d->file);
		sqlite3_bind_int64(s, 4, d->line);
		bind_str(s, 5, d->message);
		step(w, s);
	}
}

/* A saved graph being written: the database, the temporary file it is in, what was written. */
struct gg_store_writer {
	writer w;
	const gg_glossary *glossary;
	const gg_store_write_options *options;
	const gg_links *links; /* NULL until the edges are written */
	char *tmp;             /* the temporary file, renamed over w.path when finished */
	int fd;                /* tmp, open: locked against a sweep, its pages sent to disk after each stage */
	int slot;              /* its slot for removal on a signal */
	bool finished;
};

/*
 * Open the temporary file `tmp` (empty) as w's database, begin its one
 * transaction, make the schema and prepare the statements. Keeps the first
 * error in w.
 */
static void begin(writer *w, const char *tmp)
{
	char pragmas[160];

	/* one thread at a time uses the connection: no locking in it */
	if (sqlite3_open_v2(tmp, &w->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		w->err = gg_i_store_error(w->db, GG_EIO, "cannot write", w->path);
		return;
	}
	/* The file is ours alone until renamed: no journal; durability comes from the final sync. */
	snprintf(pragmas, sizeof(pragmas),
		 "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=8192;"
		 " PRAGMA application_id=%d; PRAGMA user_version=%d;",
		 GG_I_STORE_APPLICATION_ID, GG_STORE_SCHEMA_VERSION);
	exec(w, pragmas);
	exec(w, "BEGIN;");
	exec(w, GG_I_STORE_SCHEMA);
	exec(w, GG_I_STORE_ORDERED_INDEXES);
	for (int k = 0; k < PUT_COUNT && !w->err; k++)
		if (sqlite3_prepare_v2(w->db, put_sql[k], -1, &w->put[k], NULL) != SQLITE_OK)
			w->err = gg_i_store_error(w->db, GG_EIO, "cannot write", w->path);
}

/* Finalize w's statements and close its database; keeps the first error in w. */
static void end(writer *w)
{
	for (int k = 0; k < PUT_COUNT; k++) {
		sqlite3_finalize(w->put[k]);
		w->put[k] = NULL;
	}
	if (w->db && sqlite3_close(w->db) != SQLITE_OK && !w->err)
		w->err = gg_i_error_set(GG_EIO, "cannot write '%s': %s", w->path, sqlite3_errmsg(w->db));
	w->db = NULL;
}

int gg_store_writer_new(gg_store_writer **out, const gg_glossary *g, const char *path,
			const gg_store_write_options *o)
{
	static const gg_store_write_options defaults = { NULL, 0, NULL };
	struct stat st;
	int err;

	*out = NULL;
	if (!*path || strcmp(path, "-") == 0)
		return gg_i_error_set(GG_EIO, "cannot write a database to '%s': it needs a file name",
				      path);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return gg_i_error_set(GG_EIO, "cannot write '%s': not a regular file", path);
	gg_store_writer *sw = calloc(1, sizeof(*sw));
	if (!sw)
		return gg_i_error_oom();
	sw->w.path = path;
	sw->glossary = g;
	sw->options = o ? o : &defaults;
	sw->slot = -1;
	const char *slash = strrchr(path, '/');
	if ((err = gg_i_temp_create(path, slash ? (size_t)(slash - path) + 1 : 0, &sw->fd,
				    &sw->tmp, &sw->slot))) {
		free(sw);
		return err;
	}
	begin(&sw->w, sw->tmp);
	put_inputs(&sw->w, g, sw->options);
	put_concept_names(&sw->w, g);
	if (!sw->w.err)
		sw->w.err = gg_i_store_put_entries(sw->w.db, path, g);
	put_forms(&sw->w, g);
	put_diagnostics(&sw->w, g);
	exec(&sw->w, GG_I_STORE_GLOSSARY_INDEXES);
	if (!sw->w.err && gg_i_store_index_definitions(sw->w.db) != SQLITE_OK)
		sw->w.err = gg_i_store_error(sw->w.db, GG_EIO, "cannot write", path);
	gg_i_temp_write_back(sw->fd, 0, 0);
	if ((err = sw->w.err)) {
		gg_store_writer_free(sw);
		return err;
	}
	*out = sw;
	return 0;
}

int gg_store_writer_put_links(gg_store_writer *sw, const gg_links *l)
{
	if (sw->w.err)
		return sw->w.err;
	if (sw->links || gg_links_glossary(l) != sw->glossary)
		return gg_i_error_set(GG_EINVAL, "cannot write '%s': %s", sw->w.path,
				      sw->links ? "its edges are written already"
						: "the links are of another glossary");
	sw->links = l;
	put_edges(&sw->w, l);
	exec(&sw->w, GG_I_STORE_EDGE_INDEXES);
	gg_i_temp_write_back(sw->fd, 0, 0);
	return sw->w.err;
}

int gg_store_writer_finish(gg_store_writer *sw, const gg_graph *gr)
{
	int err;

	if (sw->w.err)
		return sw->w.err;
	if (sw->finished || gg_graph_glossary(gr) != sw->glossary ||
	    (sw->links && gg_graph_links(gr) != sw->links))
		return gg_i_error_set(GG_EINVAL, "cannot write '%s': %s", sw->w.path,
				      sw->finished ? "it is written already"
						   : "the graph is not of the links written");
	if (!sw->links && (err = gg_store_writer_put_links(sw, gg_graph_links(gr))))
		return err;
	put_meta(&sw->w, gr, sw->options);
	put_concepts(&sw->w, gr);
	put_communities(&sw->w, gr);
	exec(&sw->w, "COMMIT;");
	end(&sw->w);
	if ((err = sw->w.err))
		return err;
	if (fsync(sw->fd) != 0 || rename(sw->tmp, sw->w.path) != 0)
		err = sw->w.err = gg_i_error_set_errno(GG_EIO, errno, "cannot write '%s'", sw->w.path);
	sw->finished = !err;
	return err;
}

void gg_store_writer_free(gg_store_writer *sw)
{
	if (!sw)
		return;
	end(&sw->w);
	if (!sw->finished && sw->tmp)
		unlink(sw->tmp);
	if (sw->fd >= 0)
		close(sw->fd);
	gg_i_temp_forget(sw->slot);
	free(sw->tmp);
	free(sw);
}

int gg_store_write(const gg_graph *gr, const char *path, const gg_store_write_options *o)
{
	gg_store_writer *sw = NULL;
	int err = gg_store_writer_new(&sw, gg_graph_glossary(gr), path, o);
	if (!err)
		err = gg_store_writer_finish(sw, gr);
	gg_store_writer_free(sw);
	return err;
}
