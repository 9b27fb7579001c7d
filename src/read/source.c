/* source.c - a structured input file's clean text, its lines and offsets. */
#include "read/read.h"
#include "core/error.h"
#include "core/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lines with bad bytes reported one by one, per file, before a summary. */
#define MAX_BYTE_WARNINGS 10

typedef struct step_list {
	gg_i_source *src;
	size_t base_copy, base_orig; /* where the sanitised line starts */
	bool oom;
} step_list;

/* Records where the clean text and the file agree again after a replacement. */
static void on_step(size_t copy_pos, size_t orig_pos, void *payload)
{
	step_list *l = payload;
	gg_i_source *s = l->src;
	if (l->oom || GG_ARRAY_PUSH_SLOT(s->steps, s->n_steps, s->cap_steps)) {
		l->oom = true;
		return;
	}
	s->steps[s->n_steps++] = (gg_i_offset_anchor){ l->base_copy + copy_pos, l->base_orig + orig_pos };
}

/*
 * Copy data[from, len) into `clean` line by line, replacing bad bytes and
 * reporting each line that had some; `bom` bytes were skipped before.
 */
static int sanitise(gg_i_source *src, gg_i_buf *clean, const char *data, size_t len, size_t bom)
{
	size_t warned = 0;
	uint32_t no = 0;
	if (!GG_ARRAY_PUSH_SLOT(src->steps, src->n_steps, src->cap_steps))
		src->steps[src->n_steps++] = (gg_i_offset_anchor){ 0, bom };
	for (size_t pos = bom; pos < len;) {
		size_t end = pos;
		while (end < len && data[end] != '\n')
			end++;
		if (end < len)
			end++;
		no++;
		size_t bad = gg_i_utf8_count_bad(data + pos, end - pos);
		if (bad) {
			step_list l = { src, clean->len, pos, false };
			gg_i_utf8_sanitize_steps(clean, data + pos, end - pos, on_step, &l);
			if (l.oom)
				return gg_i_error_oom();
			src->g->stats.replaced_bytes += bad;
			if (warned++ < MAX_BYTE_WARNINGS &&
			    gg_i_glossary_warn(src->g, src->name, no, "%zu invalid UTF-8 or control byte%s replaced by U+FFFD",
					       bad, bad == 1 ? "" : "s"))
				return GG_ENOMEM;
		} else {
			gg_i_buf_put(clean, data + pos, end - pos);
		}
		pos = end;
	}
	if (warned > MAX_BYTE_WARNINGS &&
	    gg_i_glossary_warn(src->g, src->name, 0, "%zu more lines had bytes replaced by U+FFFD",
			       warned - MAX_BYTE_WARNINGS))
		return GG_ENOMEM;
	return gg_i_buf_ok(clean);
}

/* Index the start of every line (LF, CRLF or a lone CR ends one). */
static int index_lines(gg_i_source *src)
{
	const char *t = src->text;
	if (GG_ARRAY_PUSH_SLOT(src->lines, src->n_lines, src->cap_lines))
		return GG_ENOMEM;
	src->lines[src->n_lines++] = 0;
	for (size_t i = 0; i < src->len; i++) {
		if (t[i] != '\n' && t[i] != '\r')
			continue;
		if (t[i] == '\r' && i + 1 < src->len && t[i + 1] == '\n')
			i++;
		if (i + 1 >= src->len)
			break;
		if (GG_ARRAY_PUSH_SLOT(src->lines, src->n_lines, src->cap_lines))
			return GG_ENOMEM;
		src->lines[src->n_lines++] = i + 1;
	}
	return 0;
}

int gg_i_source_open(gg_i_source *src, gg_glossary *g, const char *name, char *data, size_t len)
{
	memset(src, 0, sizeof(*src));
	src->g = g;
	src->name = name;
	src->before = g->n_entries;
	int err = gg_i_glossary_keep_page(g, data);
	if (err) {
		free(data);
		return err;
	}
	data[len] = '\0';
	size_t bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	if (gg_i_utf8_count_bad(data + bom, len - bom) == 0) {
		src->text = data + bom;
		src->len = len - bom;
		if (bom && !GG_ARRAY_PUSH_SLOT(src->steps, src->n_steps, src->cap_steps))
			src->steps[src->n_steps++] = (gg_i_offset_anchor){ 0, bom };
	} else {
		gg_i_buf clean = GG_BUF_INIT;
		if ((err = sanitise(src, &clean, data, len, bom)) == 0) {
			char *copy = gg_i_buf_detach(&clean);
			if (!copy || gg_i_glossary_keep_page(g, copy)) {
				free(copy);
				err = gg_i_error_oom();
			} else {
				src->text = copy;
				src->len = strlen(copy);
			}
		}
		gg_i_buf_free(&clean);
		if (err)
			return err;
	}
	return index_lines(src);
}

void gg_i_source_close(gg_i_source *src)
{
	free(src->lines);
	free(src->steps);
	src->lines = NULL;
	src->steps = NULL;
}

uint32_t gg_i_source_line(const gg_i_source *src, size_t pos)
{
	size_t lo = 0, hi = src->n_lines; /* last line starting at or before pos */
	if (!hi)
		return 1;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->lines[mid] <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return (uint32_t)(lo + 1 > UINT32_MAX ? UINT32_MAX : lo + 1);
}

uint64_t gg_i_source_offset(const gg_i_source *src, size_t pos)
{
	if (!src->n_steps || pos < src->steps[0].pos)
		return pos;
	size_t lo = 0, hi = src->n_steps;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->steps[mid].pos <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return src->steps[lo].offset + (pos - src->steps[lo].pos);
}

int gg_i_source_fail(gg_i_source *src, uint32_t line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	gg_glossary *g = src->g;
	g->stats.entries -= g->n_entries - src->before;
	g->n_entries = src->before;
	if (line)
		return gg_i_error_set(GG_EINPUT, "%s:%u: %s", src->name, line, msg);
	return gg_i_error_set(GG_EINPUT, "%s: %s", src->name, msg);
}
