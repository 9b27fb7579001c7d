/* edge_rows.c - the links' edges as a table SQLite reads from memory, so that one INSERT ... SELECT writes them all. */
#include "store/store_i.h"
#include "link/links.h"
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

/*
 * Why a virtual table: inserting 1.7 million edges one statement run at a
 * time (bind, step, reset) cost three times the CPU of the same rows
 * inserted by one statement, which keeps its cursors on the table and its
 * indexes where the last row went. The table has the columns of `edges`,
 * in its order; it is eponymous (no CREATE VIRTUAL TABLE) and read-only.
 */
enum {
	COL_ID, COL_SOURCE, COL_TARGET, COL_KIND, COL_RULE, COL_HELD, COL_CUED, COL_WEIGHT,
	COL_SPECIFICITY, COL_SCORE, COL_ENTRY, COL_OFFSET, COL_SURFACE, COL_SURFACE_IN,
	COL_SURFACE_AT
};

/* The table: SQLite's base, then the links it reads. */
typedef struct {
	sqlite3_vtab base;
	const gg_links *links;
} edge_table;

/* A scan: SQLite's base, then the edge it is at. */
typedef struct {
	sqlite3_vtab_cursor base;
	size_t at;
} edge_cursor;

static int edge_connect(sqlite3 *db, void *links, int argc, const char *const *argv,
			sqlite3_vtab **out, char **err)
{
	(void)argc, (void)argv, (void)err;
	int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(id, source, target, kind, rule, held, cued,"
					  " weight, specificity, score, entry, offset, surface,"
					  " surface_in, surface_at)");
	if (rc != SQLITE_OK)
		return rc;
	edge_table *t = sqlite3_malloc(sizeof(*t));
	if (!t)
		return SQLITE_NOMEM;
	memset(t, 0, sizeof(*t));
	t->links = links;
	*out = &t->base;
	return SQLITE_OK;
}

static int edge_disconnect(sqlite3_vtab *t)
{
	sqlite3_free(t);
	return SQLITE_OK;
}

/* Every scan reads every edge in order: nothing to choose. */
static int edge_best_index(sqlite3_vtab *t, sqlite3_index_info *info)
{
	(void)t;
	info->estimatedCost = 1e6;
	return SQLITE_OK;
}

static int edge_open(sqlite3_vtab *t, sqlite3_vtab_cursor **out)
{
	(void)t;
	edge_cursor *c = sqlite3_malloc(sizeof(*c));
	if (!c)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof(*c));
	*out = &c->base;
	return SQLITE_OK;
}

static int edge_close(sqlite3_vtab_cursor *c)
{
	sqlite3_free(c);
	return SQLITE_OK;
}

static int edge_filter(sqlite3_vtab_cursor *c, int plan, const char *plan_text, int argc,
		       sqlite3_value **argv)
{
	(void)plan, (void)plan_text, (void)argc, (void)argv;
	((edge_cursor *)c)->at = 0;
	return SQLITE_OK;
}

static int edge_next(sqlite3_vtab_cursor *c)
{
	((edge_cursor *)c)->at++;
	return SQLITE_OK;
}

static int edge_eof(sqlite3_vtab_cursor *c)
{
	const edge_table *t = (const edge_table *)c->pVtab;
	return ((edge_cursor *)c)->at >= gg_links_count(t->links);
}

/* Where an edge's surface lies: "definition" or "header" of its entry with the byte it starts at, else NULL. */
static const char *surface_place(const gg_entry *entry, const gg_edge *e, size_t *at)
{
	uintptr_t p = (uintptr_t)e->surface;
	if (!entry || !e->surface)
		return NULL;
	uintptr_t def = (uintptr_t)entry->definition, head = (uintptr_t)entry->header;
	if (p >= def && p - def <= entry->definition_len &&
	    entry->definition_len - (p - def) >= e->surface_len) {
		*at = (size_t)(p - def);
		return "definition";
	}
	size_t head_len = strlen(entry->header);
	if (p >= head && p - head <= head_len && head_len - (p - head) >= e->surface_len) {
		*at = (size_t)(p - head);
		return "header";
	}
	return NULL;
}

/* A name (never NULL in practice) as a text result, NULL as SQL NULL. */
static void result_name(sqlite3_context *ctx, const char *name)
{
	if (name)
		sqlite3_result_text(ctx, name, -1, SQLITE_STATIC);
	else
		sqlite3_result_null(ctx);
}

/*
 * Column `col` of the edge under the cursor: the edge as gg_edge holds it,
 * its names as gg_*_name gives them, its surface's text where it lies in
 * the glossary (static: the glossary outlives the statement).
 */
static int edge_column(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int col)
{
	const edge_table *t = (const edge_table *)c->pVtab;
	size_t i = ((edge_cursor *)c)->at, at = 0;
	const gg_edge *e = gg_links_edge(t->links, i);
	switch (col) {
	case COL_ID: sqlite3_result_int64(ctx, (sqlite3_int64)i); break;
	case COL_SOURCE: sqlite3_result_int64(ctx, (sqlite3_int64)e->source); break;
	case COL_TARGET: sqlite3_result_int64(ctx, (sqlite3_int64)e->target); break;
	case COL_KIND: result_name(ctx, gg_edge_kind_name(e->kind)); break;
	case COL_RULE: result_name(ctx, gg_match_rule_name(e->rule)); break;
	case COL_HELD: result_name(ctx, gg_hold_reason_name(e->held)); break;
	case COL_CUED: sqlite3_result_int(ctx, e->cued); break;
	case COL_WEIGHT: sqlite3_result_int64(ctx, (sqlite3_int64)e->weight); break;
	case COL_SPECIFICITY: sqlite3_result_double(ctx, e->specificity); break;
	case COL_SCORE: sqlite3_result_double(ctx, e->score); break;
	case COL_ENTRY: sqlite3_result_int64(ctx, (sqlite3_int64)e->entry); break;
	case COL_OFFSET: sqlite3_result_int64(ctx, (sqlite3_int64)e->offset); break;
	case COL_SURFACE:
		if (e->surface)
			sqlite3_result_text64(ctx, e->surface, e->surface_len, SQLITE_STATIC, SQLITE_UTF8);
		else
			sqlite3_result_null(ctx);
		break;
	case COL_SURFACE_IN:
	case COL_SURFACE_AT: {
		const char *place = surface_place(
			gg_glossary_entry(gg_links_glossary(t->links), e->entry), e, &at);
		if (!place)
			sqlite3_result_null(ctx);
		else if (col == COL_SURFACE_IN)
			sqlite3_result_text(ctx, place, -1, SQLITE_STATIC);
		else
			sqlite3_result_int64(ctx, (sqlite3_int64)at);
		break;
	}
	default: sqlite3_result_null(ctx);
	}
	return SQLITE_OK;
}

static int edge_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *rowid)
{
	*rowid = (sqlite3_int64)((edge_cursor *)c)->at;
	return SQLITE_OK;
}

static const sqlite3_module edge_module = {
	.xConnect = edge_connect,
	.xBestIndex = edge_best_index,
	.xDisconnect = edge_disconnect,
	.xOpen = edge_open,
	.xClose = edge_close,
	.xFilter = edge_filter,
	.xNext = edge_next,
	.xEof = edge_eof,
	.xColumn = edge_column,
	.xRowid = edge_rowid,
};

int gg_i_store_edge_rows(sqlite3 *db, const gg_links *l)
{
	return sqlite3_create_module_v2(db, GG_I_STORE_EDGE_ROWS, &edge_module, (void *)l, NULL);
}
