/* search.c - full-text search of the definitions through SQLite's FTS5, from a saved graph or a glossary in memory. */
#include "store/store_i.h"
#include "core/buf.h"
#include "core/error.h"

#include <stdlib.h>
#include <string.h>

void gg_search_list_destroy(gg_search_list *l)
{
	free(l->items);
	free(l->text);
	memset(l, 0, sizeof(*l));
}

/* Whether concept c was listed already; marks it. False (and *oom) when the marks cannot grow. */
static bool listed(bool **seen, size_t *n, size_t c, bool *oom)
{
	if (c >= *n) {
		size_t grown = c + 1 > 2 * *n ? c + 1 : 2 * *n;
		bool *more = realloc(*seen, grown * sizeof(*more));
		if (!more) {
			*oom = true;
			return false;
		}
		memset(more + *n, 0, (grown - *n) * sizeof(*more));
		*seen = more;
		*n = grown;
	}
	bool was = (*seen)[c];
	(*seen)[c] = true;
	return was;
}

/*
 * One search for `query`, as gg_i_store_search does it. A query FTS5
 * cannot read gives GG_EINVAL with SQLite's message put in `unread` (the
 * error itself not set), so that the caller may try again.
 */
static int search(gg_search_list *out, sqlite3 *db, const char *path, const gg_glossary *names,
		  const char *query, size_t max, gg_i_buf *unread)
{
	/* the matches ranked; the snippet and the name of the few listed only */
	static const char sql[] =
		"SELECT e.concept, bm25(definitions), e.id FROM definitions"
		" JOIN entries e ON e.id = definitions.rowid"
		" WHERE definitions MATCH ?1 ORDER BY bm25(definitions), e.concept, e.id";
	static const char snippet_sql[] =
		"SELECT snippet(definitions, 0, '[', ']', '...', 16) FROM definitions"
		" WHERE definitions MATCH ?1 AND rowid = ?2";
	static const char name_sql[] = "SELECT name FROM concepts WHERE id = ?1";
	sqlite3_stmt *s = NULL, *snippet_of = NULL, *name_of = NULL;
	gg_i_buf text = GG_BUF_INIT;
	size_t *at = NULL, cap = 0, n_seen = 0; /* at: each hit's snippet, then its name, in text */
	bool *seen = NULL, oom = false;
	int err = 0, rc = SQLITE_DONE;
	gg_i_store_reader r = { db, path, 0, 0, { { "", 0 } } }; /* for damage, told as a reader tells it */

	memset(out, 0, sizeof(*out));
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, snippet_sql, -1, &snippet_of, NULL) != SQLITE_OK ||
	    (!names && sqlite3_prepare_v2(db, name_sql, -1, &name_of, NULL) != SQLITE_OK)) {
		gg_i_store_damaged(&r, NULL);
		err = r.err;
		goto cleanup;
	}
	sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_text(snippet_of, 1, query, -1, SQLITE_STATIC);
	while (out->count < max && !oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		size_t c = (size_t)sqlite3_column_int64(s, 0);
		if (listed(&seen, &n_seen, c, &oom) || oom)
			continue;
		if (out->count == cap) {
			size_t grown = cap ? 2 * cap : 16;
			gg_search_hit *items = realloc(out->items, grown * sizeof(*items));
			size_t *more = items ? realloc(at, 2 * grown * sizeof(*more)) : NULL;
			if (items)
				out->items = items;
			if (!more) {
				oom = true;
				break;
			}
			at = more;
			cap = grown;
		}
		out->items[out->count] = (gg_search_hit){ c, -sqlite3_column_double(s, 1), NULL, NULL };
		at[2 * out->count] = text.len;
		sqlite3_reset(snippet_of);
		sqlite3_bind_int64(snippet_of, 2, sqlite3_column_int64(s, 2));
		int found = sqlite3_step(snippet_of);
		if (found != SQLITE_ROW) {
			gg_i_store_damaged(&r, found == SQLITE_NOMEM ? NULL : "a match has no snippet");
			err = r.err;
			goto cleanup;
		}
		const char *snippet = (const char *)sqlite3_column_text(snippet_of, 0);
		gg_i_buf_puts(&text, snippet ? snippet : "");
		gg_i_buf_putc(&text, '\0');
		at[2 * out->count + 1] = text.len;
		const char *name = NULL;
		if (names) {
			name = c < gg_glossary_concept_count(names) ? gg_glossary_concept(names, c)->name
								    : NULL;
		} else {
			sqlite3_reset(name_of);
			sqlite3_bind_int64(name_of, 1, (int64_t)c);
			if (sqlite3_step(name_of) == SQLITE_ROW)
				name = (const char *)sqlite3_column_text(name_of, 0);
		}
		if (!name) {
			gg_i_store_damaged(&r, "a definition's term is missing");
			err = r.err;
			goto cleanup;
		}
		gg_i_buf_puts(&text, name);
		gg_i_buf_putc(&text, '\0');
		out->count++;
	}
	if (oom || text.oom) {
		err = gg_i_error_oom();
	} else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		int code = sqlite3_errcode(db);
		if (code == SQLITE_NOMEM || code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
			gg_i_store_damaged(&r, NULL);
		else
			gg_i_buf_puts(unread, sqlite3_errmsg(db));
		err = code == SQLITE_NOMEM || code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? r.err
			: unread->oom ? gg_i_error_oom() : GG_EINVAL;
	}
	if (!err) {
		out->text = text.ptr;
		text.ptr = NULL;
		for (size_t i = 0; i < out->count; i++) {
			out->items[i].snippet = out->text + at[2 * i];
			out->items[i].name = out->text + at[2 * i + 1];
		}
	}
cleanup:
	sqlite3_finalize(s);
	sqlite3_finalize(snippet_of);
	sqlite3_finalize(name_of);
	gg_i_buf_free(&text);
	free(at);
	free(seen);
	if (err)
		gg_search_list_destroy(out);
	return err;
}

/* Each of the words of query (cut at white space) as an FTS5 string, '"'
 * doubled: "C++" "I/O" ask for the words the tokenizer finds in them. */
static void quoted_words(gg_i_buf *out, const char *query)
{
	for (const char *p = query; *p;) {
		size_t space = strspn(p, " \t\r\n"), word;
		p += space;
		if (!*p)
			break;
		word = strcspn(p, " \t\r\n");
		gg_i_buf_puts(out, out->len ? " \"" : "\"");
		for (size_t i = 0; i < word; i++) {
			if (p[i] == '"')
				gg_i_buf_putc(out, '"');
			gg_i_buf_putc(out, p[i]);
		}
		gg_i_buf_putc(out, '"');
		p += word;
	}
}

/*
 * A query FTS5 cannot read that has no '"' of its own (a term's name:
 * "C++", "I/O", "node.js", "a:b") is searched again as its words, each
 * quoted; one with quotes was meant as FTS5's syntax, and its error is told.
 */
int gg_i_store_search(gg_search_list *out, sqlite3 *db, const char *path, const gg_glossary *names,
		      const char *query, size_t max)
{
	gg_i_buf unread = GG_BUF_INIT, quoted = GG_BUF_INIT, unread_again = GG_BUF_INIT;
	int err = search(out, db, path, names, query, max, &unread);
	if (err == GG_EINVAL && unread.len && !strchr(query, '"')) {
		quoted_words(&quoted, query);
		err = quoted.oom ? gg_i_error_oom()
		      : quoted.len ? search(out, db, path, names, quoted.ptr, max, &unread_again)
				   : GG_EINVAL;
	}
	if (err == GG_EINVAL && unread.len)
		err = gg_i_error_set(GG_EINVAL, "cannot search for '%s': %s", query, unread.ptr);
	gg_i_buf_free(&unread);
	gg_i_buf_free(&quoted);
	gg_i_buf_free(&unread_again);
	return err;
}

int gg_i_store_index_definitions(sqlite3 *db)
{
	/*
	 * FTS5 writes a segment each time its buffer of new terms fills, then
	 * merges them: a 32 MB buffer instead of 1 MB took a fifth off the CPU
	 * time of indexing 100,000 definitions (111 MB), for 40 MB more memory
	 * while it runs. A SQLite without the option indexes as before.
	 */
	sqlite3_exec(db, "INSERT INTO definitions(definitions, rank) VALUES('hashsize', 33554432)",
		     NULL, NULL, NULL);
	return sqlite3_exec(db, "INSERT INTO definitions(definitions) VALUES('rebuild')", NULL, NULL,
			    NULL);
}

int gg_glossary_search(gg_search_list *out, const gg_glossary *g, const char *query, size_t max)
{
	static const char name[] = "(the index in memory)";
	sqlite3 *db = NULL;
	int err = 0;

	memset(out, 0, sizeof(*out));
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) !=
		    SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN; " GG_I_STORE_SCHEMA, NULL, NULL, NULL) != SQLITE_OK)
		err = gg_i_store_error(db, GG_ERROR, "cannot make", name);
	if (!err)
		err = gg_i_store_put_entries(db, name, g);
	if (!err && (gg_i_store_index_definitions(db) != SQLITE_OK ||
		     sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK))
		err = gg_i_store_error(db, GG_ERROR, "cannot make", name);
	if (!err)
		err = gg_i_store_search(out, db, name, g, query, max);
	sqlite3_close(db);
	return err;
}
