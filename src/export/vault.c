/* vault.c - the concepts as a folder of linked Markdown notes (Obsidian, Logseq, Foam), written as a whole. */
#include "export/export.h"
#include "export/names.h"
#include "export/output.h"
#include "core/error.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * One note NAME.md per node of the view:
 *   ---
 *   aliases: ["..."]          (aliases and abbreviations)
 *   categories: ["..."]
 *   node_kind: term
 *   community: 3
 *   community_name: "..."
 *   ---
 *   # Name
 *   the whole definition
 *   ## Mentions               each mention: [[Target]], its weight, evidence
 *   ## Links                  editors' links, categories, keywords: [[Target]]
 * NAME is the node's name made safe on every system: no / \ : * ? " < > |
 * (nor # ^ [ ], which break a wikilink), no control character, no leading
 * dot or space, no trailing dot or space, not a reserved Windows name (CON,
 * NUL, COM1, ...), at most NAME_MAX_BYTES bytes; other Unicode is kept. Two
 * names the same but for ASCII case get -2, -3, ... in graph order.
 */

/* Longest note name, in bytes, before ".md". */
#define NAME_MAX_BYTES 120

/* The file each vault holds, listing its notes, so that a later export
 * knows it may replace them and keeps everything else. */
#define MARKER ".glossgraph-vault"

/* Lower ASCII in place: the key under which two note names collide. */
static void fold_case(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s += 'a' - 'A';
}

/* Whether s (any case) is a name Windows keeps for a device. */
static bool reserved_name(const char *s)
{
	static const char *const names[] = { "con", "prn", "aux", "nul" };
	char low[8];
	size_t n = strcspn(s, ".");
	if (n < 3 || n > 4)
		return false;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + ('a' - 'A') : s[i]);
	low[n] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(low, names[i]) == 0)
			return true;
	return n == 4 && (strncmp(low, "com", 3) == 0 || strncmp(low, "lpt", 3) == 0) &&
	       low[3] >= '1' && low[3] <= '9';
}

/* Append the note name of clean text `name` (see above). */
static void note_name(gg_i_buf *out, const char *name)
{
	size_t start = out->len;
	for (const char *p = name; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (out->len == start && (c == '.' || c == ' '))
			continue;
		if (c < 0x20 || c == 0x7F || strchr("/\\:*?\"<>|#^[]", c))
			c = '-';
		/* stay on a character boundary within the cap */
		if (out->len - start >= NAME_MAX_BYTES && (c & 0xC0) != 0x80)
			break;
		gg_i_buf_putc(out, (char)c);
	}
	while (!out->oom && out->len > start && (out->ptr[out->len - 1] == '.' ||
						  out->ptr[out->len - 1] == ' '))
		out->ptr[--out->len] = '\0';
	if (out->oom)
		return;
	if (out->len == start)
		gg_i_buf_puts(out, "note");
	else if (reserved_name(out->ptr + start))
		gg_i_buf_putc(out, '_');
}

/* Append s as a YAML double-quoted string (clean text: no control characters). */
static void yaml_string(gg_i_buf *out, const char *s)
{
	gg_i_buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			gg_i_buf_putc(out, '\\');
		gg_i_buf_putc(out, *s);
	}
	gg_i_buf_putc(out, '"');
}

/* Append a YAML list of the cleaned strings of a, then b. */
static void yaml_list(gg_i_buf *out, const char *key, const char **a, size_t na,
		      const char **b, size_t nb, gg_i_buf *scratch)
{
	gg_i_buf_printf(out, "%s: [", key);
	for (size_t i = 0; i < na + nb; i++) {
		gg_i_buf_clear(scratch);
		gg_i_clean(scratch, i < na ? a[i] : b[i - na]);
		if (scratch->oom) {
			out->oom = true;
			return;
		}
		gg_i_buf_puts(out, i ? ", " : "");
		yaml_string(out, gg_i_str(scratch));
	}
	gg_i_buf_puts(out, "]\n");
}

/* Append a wikilink to note `note` shown as `label` when that differs. */
static void wikilink(gg_i_buf *out, const char *note, const char *label)
{
	gg_i_buf_puts(out, "[[");
	gg_i_buf_puts(out, note);
	if (strcmp(note, label) != 0) {
		gg_i_buf_putc(out, '|');
		for (; *label; label++) /* ] and | would end the link */
			gg_i_buf_putc(out, *label == ']' || *label == '|' || *label == '[' ? ' ' : *label);
	}
	gg_i_buf_puts(out, "]]");
}

/* What one vault export keeps: the note names by graph index, and buffers. */
typedef struct vault {
	const gg_i_view *v;
	gg_i_names names;
	const char **note; /* graph index -> note name (borrowed from names) */
	const char **label; /* graph index -> its clean display name (owned) */
	gg_i_buf text, scratch, path;
	char *tmp_dir;     /* the folder being written */
	char **written;    /* files written in it, to remove on failure */
	size_t n_written, cap_written;
} vault;

/* The text of node i's note into w->text. Returns 0 or GG_ENOMEM. */
static int note_text(vault *w, const gg_i_node_text *nt, size_t first_edge, size_t *next_edge)
{
	const gg_i_view *v = w->v;
	const gg_concept *c = nt->concept;
	gg_i_buf *out = &w->text;
	gg_i_edge_text et = { 0 };
	int err = 0;

	gg_i_buf_clear(out);
	gg_i_buf_puts(out, "---\n");
	yaml_list(out, "aliases", c->aliases, c->n_aliases, c->abbrevs, c->n_abbrevs, &w->scratch);
	yaml_list(out, "categories", c->categories, c->n_categories, NULL, 0, &w->scratch);
	gg_i_buf_printf(out, "node_kind: %s\ncommunity: %d\ncommunity_name: ",
		      gg_i_type_name(nt->node->kind), nt->node->community);
	yaml_string(out, gg_i_str(&nt->community_name));
	gg_i_buf_puts(out, "\n---\n\n# ");
	gg_i_buf_puts(out, gg_i_str(&nt->name));
	gg_i_buf_puts(out, "\n\n");
	if (nt->definition.len) {
		gg_i_buf_puts(out, gg_i_str(&nt->definition));
		gg_i_buf_puts(out, "\n");
	}
	/* the node's out-edges follow each other in the view: mentions, then the rest */
	size_t end = first_edge;
	while (end < v->n_edges) {
		size_t from, to;
		gg_graph_edge(v->graph, v->edges[end], &from, &to);
		if (from != nt->index)
			break;
		end++;
	}
	*next_edge = end;
	for (int pass = 0; pass < 2 && !err; pass++) {
		bool heading = false;
		for (size_t k = first_edge; k < end && !err; k++) {
			if ((err = gg_i_edge_text_fill(&et, v, k)) != 0)
				break;
			const gg_edge *e = et.edge;
			if ((e->kind == GG_EDGE_MENTION) != (pass == 0))
				continue;
			if (!heading)
				gg_i_buf_puts(out, pass == 0 ? "\n## Mentions\n\n" : "\n## Links\n\n");
			heading = true;
			gg_i_buf_puts(out, "- ");
			wikilink(out, w->note[et.to], w->label[et.to]);
			if (pass == 0) {
				gg_i_buf_printf(out, " (%u mention%s)", (unsigned)e->weight,
					      e->weight == 1 ? "" : "s");
				if (et.snippet.len) {
					gg_i_buf_puts(out, ": \"");
					gg_i_buf_puts(out, gg_i_str(&et.snippet));
					gg_i_buf_puts(out, "\"");
				}
				if (et.file.len)
					gg_i_buf_printf(out, " (%s:%llu)", gg_i_str(&et.file),
						      (unsigned long long)e->offset);
			} else {
				gg_i_buf_printf(out, " (%s)", gg_edge_kind_name(e->kind));
			}
			gg_i_buf_putc(out, '\n');
		}
	}
	gg_i_edge_text_free(&et);
	if (!err && (out->oom || w->scratch.oom))
		err = gg_i_error_oom();
	return err;
}

/* Write w->text to DIR/NAME through an atomic output; remember the file. */
static int write_file(vault *w, const char *name)
{
	gg_i_output o = GG_I_OUTPUT_INIT;
	gg_i_buf_clear(&w->path);
	gg_i_buf_printf(&w->path, "%s/%s", w->tmp_dir, name);
	if (w->path.oom)
		return gg_i_error_oom();
	int err = gg_i_output_open(&o, w->path.ptr);
	if (!err) {
		fwrite(gg_i_str(&w->text), 1, w->text.len, o.f);
		err = gg_i_output_close(&o);
	}
	if (!err)
		err = gg_i_output_commit(&o);
	gg_i_output_abort(&o);
	if (!err) {
		char *kept = strdup(w->path.ptr);
		if (!kept || (w->n_written == w->cap_written &&
			      GG_ARRAY_PUSH_SLOT(w->written, w->n_written, w->cap_written) != 0)) {
			free(kept);
			unlink(w->path.ptr);
			return gg_i_error_oom();
		}
		w->written[w->n_written++] = kept;
	}
	return err;
}

/* Name every node's note, then write each note. Returns 0 or a GG_E* code. */
static int write_notes(vault *w)
{
	const gg_i_view *v = w->v;
	gg_i_node_text nt = { 0 };
	int err = 0;

	for (size_t i = 0; i < v->n_nodes && !err; i++) {
		if ((err = gg_i_node_text_fill(&nt, v, i)) != 0)
			break;
		gg_i_buf_clear(&w->scratch);
		note_name(&w->scratch, gg_i_str(&nt.name));
		if (w->scratch.oom) {
			err = gg_i_error_oom();
			break;
		}
		err = gg_i_names_take(&w->names, w->scratch.ptr, fold_case, &w->note[nt.index]);
		if (!err && !(w->label[nt.index] = strdup(gg_i_str(&nt.name))))
			err = gg_i_error_oom();
	}
	for (size_t i = 0, edge = 0; i < v->n_nodes && !err; i++) {
		if ((err = gg_i_node_text_fill(&nt, v, i)) != 0)
			break;
		/* skip the out-edges of nodes before this one */
		while (edge < v->n_edges) {
			size_t from, to;
			gg_graph_edge(v->graph, v->edges[edge], &from, &to);
			if (from >= nt.index)
				break;
			edge++;
		}
		err = note_text(w, &nt, edge, &edge);
		if (!err) {
			gg_i_buf_clear(&w->path);
			gg_i_buf_printf(&w->path, "%s.md", w->note[nt.index]);
			char *file = gg_i_buf_detach(&w->path);
			err = file ? write_file(w, file) : gg_i_error_oom();
			free(file);
		}
	}
	if (!err) {
		/* the manifest: a header, then the notes, one a line */
		gg_i_buf_clear(&w->text);
		gg_i_buf_puts(&w->text, "# A vault written by glossgraph: the next export replaces these "
			    "notes and keeps what else is in the folder.\n");
		for (size_t i = 0; i < v->n_nodes; i++)
			gg_i_buf_printf(&w->text, "%s.md\n", w->note[v->nodes[i]]);
		err = w->text.oom ? gg_i_error_oom() : write_file(w, MARKER);
	}
	gg_i_node_text_free(&nt);
	return err;
}

/* Remove what was written into the temporary folder, then the folder. */
static void remove_tmp(vault *w)
{
	for (size_t i = 0; i < w->n_written; i++)
		unlink(w->written[i]);
	if (w->tmp_dir)
		rmdir(w->tmp_dir);
}

/*
 * Whether a vault may be put at `dir`: nothing there, an empty folder, or
 * an old vault (it holds MARKER). *exists says whether something is there.
 * Returns 0, or GG_EIO naming what is in the way.
 */
static int check_target(const char *dir, bool *exists)
{
	struct stat st;
	*exists = lstat(dir, &st) == 0;
	if (!*exists)
		return errno == ENOENT ? 0 : gg_i_error_set_errno(GG_EIO, errno, "cannot write '%s'", dir);
	if (!S_ISDIR(st.st_mode))
		return gg_i_error_set(GG_EIO, "cannot write the vault '%s': it is not a folder", dir);
	DIR *d = opendir(dir);
	bool ours = false, empty = true;
	if (!d)
		return gg_i_error_set_errno(GG_EIO, errno, "cannot read '%s'", dir);
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		empty = false;
		ours = ours || strcmp(e->d_name, MARKER) == 0;
	}
	closedir(d);
	if (!ours && !empty)
		return gg_i_error_set(GG_EIO, "will not replace '%s': it is a folder, but not a "
				    "vault glossgraph wrote (no %s in it)", dir, MARKER);
	return 0;
}

/* Whether `name` is one of the lines of `manifest` (the notes an old vault holds). */
static bool listed(const gg_i_buf *manifest, const char *name)
{
	size_t n = strlen(name);
	for (const char *line = gg_i_str(manifest); *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (len == n && memcmp(line, name, n) == 0)
			return true;
		line += len + (end ? 1 : 0);
	}
	return false;
}

/* Read the manifest of the vault at `dir` into *out ("" when it has none). */
static void read_manifest(const char *dir, gg_i_buf *out)
{
	gg_i_buf path = GG_BUF_INIT;
	char chunk[4096];
	gg_i_buf_printf(&path, "%s/%s", dir, MARKER);
	FILE *f = path.oom ? NULL : fopen(path.ptr, "r");
	for (size_t n; f && (n = fread(chunk, 1, sizeof(chunk), f)) > 0;)
		gg_i_buf_put(out, chunk, n);
	if (f)
		fclose(f);
	gg_i_buf_putc(out, '\0');
	out->len--;
	gg_i_buf_free(&path);
}

/* Move entry `name` from folder a to folder b. Returns 0 or errno. */
static int move(const char *a, const char *b, const char *name)
{
	gg_i_buf from = GG_BUF_INIT, to = GG_BUF_INIT;
	gg_i_buf_printf(&from, "%s/%s", a, name);
	gg_i_buf_printf(&to, "%s/%s", b, name);
	int e = from.oom || to.oom ? ENOMEM : rename(from.ptr, to.ptr) == 0 ? 0 : errno;
	gg_i_buf_free(&from);
	gg_i_buf_free(&to);
	return e;
}

/*
 * Put the finished folder in place of `dir`. When an old vault (it holds
 * MARKER, which lists its notes) or an empty folder is there, it is moved
 * aside, everything in it that is not one of its notes (.obsidian, the
 * user's own notes) is carried into the new folder unless a new note has
 * its name, the new folder takes its place, and the old notes are removed.
 * Any other folder, or a file, is refused. On failure the old folder is
 * put back as it was. Returns 0, GG_EIO or GG_ENOMEM.
 */
static int swap_in(vault *w, const char *dir)
{
	bool exists;
	int err = check_target(dir, &exists);
	if (err)
		return err;
	if (!exists) {
		if (rename(w->tmp_dir, dir) != 0)
			return gg_i_error_set_errno(GG_EIO, errno, "cannot write '%s'", dir);
		free(w->tmp_dir);
		w->tmp_dir = NULL;
		return 0;
	}
	gg_i_buf old = GG_BUF_INIT, manifest = GG_BUF_INIT, carried = GG_BUF_INIT, path = GG_BUF_INIT;
	read_manifest(dir, &manifest);
	gg_i_buf_printf(&old, "%s.old", w->tmp_dir);
	if (old.oom || manifest.oom) {
		err = gg_i_error_oom();
		goto done;
	}
	if (rename(dir, old.ptr) != 0) {
		err = gg_i_error_set_errno(GG_EIO, errno, "cannot replace '%s'", dir);
		goto done;
	}
	DIR *d = opendir(old.ptr);
	struct stat st;
	for (struct dirent *e; d && !err && (e = readdir(d)) != NULL;) {
		const char *name = e->d_name;
		if (!strcmp(name, ".") || !strcmp(name, "..") || !strcmp(name, MARKER) ||
		    listed(&manifest, name))
			continue;
		gg_i_buf_clear(&path);
		gg_i_buf_printf(&path, "%s/%s", w->tmp_dir, name);
		if (path.oom || carried.oom) {
			err = gg_i_error_oom();
		} else if (lstat(path.ptr, &st) != 0) { /* no new note of that name */
			int e2 = move(old.ptr, w->tmp_dir, name);
			if (e2)
				err = gg_i_error_set_errno(GG_EIO, e2, "cannot carry '%s/%s' over", dir, name);
			else
				gg_i_buf_put(&carried, name, strlen(name) + 1);
		}
	}
	if (d)
		closedir(d);
	if (!err && !d)
		err = gg_i_error_set_errno(GG_EIO, errno, "cannot read '%s'", dir);
	if (!err && rename(w->tmp_dir, dir) != 0)
		err = gg_i_error_set_errno(GG_EIO, errno, "cannot replace '%s'", dir);
	if (err) {
		/* put the old folder back as it was */
		for (size_t at = 0; at < carried.len; at += strlen(carried.ptr + at) + 1)
			move(w->tmp_dir, old.ptr, carried.ptr + at);
		rename(old.ptr, dir);
		goto done;
	}
	/* the old notes and marker, then the folder (kept when something of the user's is left) */
	for (const char *line = gg_i_str(&manifest); *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		gg_i_buf_clear(&path);
		gg_i_buf_printf(&path, "%s/%.*s", old.ptr, (int)len, line);
		if (!path.oom && len)
			unlink(path.ptr);
		line += len + (end ? 1 : 0);
	}
	gg_i_buf_clear(&path);
	gg_i_buf_printf(&path, "%s/%s", old.ptr, MARKER);
	if (!path.oom)
		unlink(path.ptr);
	rmdir(old.ptr);
	free(w->tmp_dir);
	w->tmp_dir = NULL;
done:
	gg_i_buf_free(&old);
	gg_i_buf_free(&manifest);
	gg_i_buf_free(&carried);
	gg_i_buf_free(&path);
	return err;
}

int gg_i_export_vault(const gg_i_view *v, const char *dir)
{
	size_t n = gg_graph_node_count(v->graph);
	vault w = { .v = v, .text = GG_BUF_INIT, .scratch = GG_BUF_INIT, .path = GG_BUF_INIT };
	int err = 0;

	if (strcmp(dir, "-") == 0 || !*dir)
		return gg_i_error_set(GG_EINVAL, "vault writes a folder: give -o a folder, not '-'");
	w.note = calloc(n + 1, sizeof(*w.note));
	w.label = calloc(n + 1, sizeof(*w.label));
	char *copy = strdup(dir), *base = strdup(dir);
	bool exists;
	if (!w.note || !w.label || !copy || !base) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	if ((err = check_target(dir, &exists)) != 0)
		goto cleanup;
	gg_i_buf_printf(&w.path, "%s/.%s.tmp-%ld-XXXXXX", dirname(copy), basename(base), (long)getpid());
	w.tmp_dir = gg_i_buf_detach(&w.path);
	if (!w.tmp_dir) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	if (!mkdtemp(w.tmp_dir)) {
		err = gg_i_error_set_errno(GG_EIO, errno, "cannot write the vault '%s'", dir);
		free(w.tmp_dir);
		w.tmp_dir = NULL;
		goto cleanup;
	}
	err = write_notes(&w);
	if (!err)
		err = swap_in(&w, dir);
cleanup:
	if (err)
		remove_tmp(&w);
	free(w.tmp_dir);
	for (size_t i = 0; i < w.n_written; i++)
		free(w.written[i]);
	free(w.written);
	for (size_t i = 0; w.label && i < n; i++)
		free((char *)w.label[i]);
	free(w.label);
	free(w.note);
	free(copy);
	free(base);
	gg_i_names_free(&w.names);
	gg_i_buf_free(&w.text);
	gg_i_buf_free(&w.scratch);
	gg_i_buf_free(&w.path);
	return err;
}
