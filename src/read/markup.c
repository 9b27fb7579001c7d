/* markup.c - what the readers of reStructuredText, AsciiDoc, Texinfo and LaTeX share: lines, sections, links. */
#include "read/markup.h"
#include "core/error.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int gg_i_markup_lines(const gg_i_source *src, gg_i_markup_line **out)
{
	const char *t = src->text;
	gg_i_markup_line *lines = calloc(src->n_lines ? src->n_lines : 1, sizeof(*lines));
	if (!lines)
		return gg_i_error_oom();
	for (size_t k = 0; k < src->n_lines; k++) {
		gg_i_markup_line *l = &lines[k];
		size_t p = src->lines[k], e = p, col = 0;
		while (e < src->len && t[e] != '\n' && t[e] != '\r')
			e++;
		for (; p < e && (t[p] == ' ' || t[p] == '\t'); p++)
			col = t[p] == '\t' ? (col / 8 + 1) * 8 : col + 1;
		l->body = p;
		l->end = e;
		l->indent = col;
	}
	*out = lines;
	return 0;
}

int gg_i_markup_category_level(const size_t *titles, int levels)
{
	int top = 0;
	while (top < levels && !titles[top])
		top++;
	if (top == levels)
		return -1;
	if (titles[top] > 1)
		return top;
	return top + 1 < levels && titles[top + 1] > 1 ? top + 1 : -1;
}

void gg_i_markup_category(gg_i_record *rec, const char *s, size_t n)
{
	const char *t = gg_i_trim(s, &n);
	if (gg_i_utf8_chars(t, n) > 1)
		gg_i_record_category(rec, t, n);
}

int gg_i_markup_xref(gg_i_record *rec, const char *s, size_t n, size_t from)
{
	gg_i_buf name = GG_BUF_INIT;
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		bool white = gg_i_markup_space(s[i]);
		if (!white && space && name.len)
			gg_i_buf_putc(&name, ' ');
		if (!white)
			gg_i_buf_putc(&name, s[i]);
		space = white;
	}
	int err = gg_i_buf_ok(&name);
	if (!err && name.len)
		err = gg_i_record_xref(rec, name.ptr, name.len, from);
	gg_i_buf_free(&name);
	return err;
}

size_t gg_i_markup_last_char(const char *t, size_t start, size_t end)
{
	size_t p = end - 1;
	while (p > start && ((unsigned char)t[p] & 0xC0) == 0x80)
		p--;
	return p;
}

void gg_i_markup_code_line(gg_i_record *rec, gg_i_markup_code_block *b, const char *t,
			   const gg_i_markup_line *l)
{
	gg_i_record_text(rec, "\n", 1, SIZE_MAX);
	if (!b->open) /* a backtick stands for the block's start */
		gg_i_record_text(rec, "`", 1, l->body);
	gg_i_record_text(rec, t + l->body, l->end - l->body, l->body);
	b->open = true;
	b->last = gg_i_markup_last_char(t, l->body, l->end);
}

void gg_i_markup_code_end(gg_i_record *rec, gg_i_markup_code_block *b)
{
	if (b->open)
		gg_i_record_text(rec, "`", 1, b->last);
	b->open = false;
}

void gg_i_markup_emit(gg_i_markup_sink *k, const char *s, size_t n, size_t at)
{
	if (k->rec)
		gg_i_record_text(k->rec, s, n, at);
	else
		gg_i_buf_put(k->out, s, n);
}

void gg_i_markup_emit_elsewhere(gg_i_markup_sink *k, const char *s, size_t n, size_t at, size_t at_last)
{
	if (!k->rec) {
		gg_i_buf_put(k->out, s, n);
		return;
	}
	for (size_t i = 0; i < n;) {
		size_t len = 1;
		while (i + len < n && ((unsigned char)s[i + len] & 0xC0) == 0x80)
			len++;
		gg_i_record_text(k->rec, s + i, len, at + i < at_last ? at + i : at_last);
		i += len;
	}
}

void gg_i_markup_exponent(gg_i_markup_sink *k, const char *s, size_t n)
{
	const gg_i_buf *b = k->rec ? &k->rec->definition : k->out;
	if (b->len && !(k->rec && k->rec->pending_space) &&
	    gg_i_is_exponent((unsigned char)b->ptr[b->len - 1], s, n))
		gg_i_markup_emit(k, "^", 1, SIZE_MAX);
}

void gg_i_markup_code(gg_i_markup_sink *k, const char *s, size_t n, size_t at)
{
	if (k->rec)
		gg_i_record_text(k->rec, "`", 1, at);
	gg_i_markup_emit(k, s, n, at);
	if (k->rec) /* the closing backtick placed at the code's last character */
		gg_i_record_text(k->rec, "`", 1, at == SIZE_MAX || !n ? at : at + gg_i_markup_last_char(s, 0, n));
}

const char *gg_i_markup_tex_letter(const char *name, size_t n)
{
	static const char *const letters[][2] = {
		{ "aa", "\xC3\xA5" }, { "AA", "\xC3\x85" }, { "ae", "\xC3\xA6" }, { "AE", "\xC3\x86" },
		{ "oe", "\xC5\x93" }, { "OE", "\xC5\x92" }, { "o", "\xC3\xB8" }, { "O", "\xC3\x98" },
		{ "ss", "\xC3\x9F" }, { "l", "\xC5\x82" }, { "L", "\xC5\x81" }, { "dh", "\xC3\xB0" },
		{ "DH", "\xC3\x90" }, { "th", "\xC3\xBE" }, { "TH", "\xC3\x9E" },
	};
	for (size_t i = 0; i < sizeof(letters) / sizeof(*letters); i++)
		if (strlen(letters[i][0]) == n && memcmp(name, letters[i][0], n) == 0)
			return letters[i][1];
	return NULL;
}

void gg_i_markup_emit_accented(gg_i_markup_sink *k, const char *s, size_t n, int32_t mark, size_t at,
			       size_t at_last)
{
	char buf[64];
	if (n == 0 || n > sizeof(buf) - 8) {
		gg_i_markup_emit_elsewhere(k, s, n, at, at_last);
		return;
	}
	memcpy(buf, s, n);
	n += (size_t)utf8proc_encode_char(mark, (utf8proc_uint8_t *)buf + n);
	buf[n] = '\0';
	utf8proc_uint8_t *composed = utf8proc_NFC((const utf8proc_uint8_t *)buf);
	if (composed)
		gg_i_markup_emit_elsewhere(k, (const char *)composed, strlen((const char *)composed), at, at_last);
	else
		gg_i_markup_emit_elsewhere(k, buf, n, at, at_last);
	free(composed);
}

void gg_i_markup_role_parts(const char *s, size_t a, size_t b, gg_i_role_parts *out)
{
	while (a < b && (s[a] == '~' || s[a] == '!'))
		a++;
	*out = (gg_i_role_parts){ a, b, a, b };
	if (b == a || s[b - 1] != '>')
		return;
	size_t lt = b - 1;
	while (lt > a && s[lt] != '<')
		lt--;
	if (s[lt] != '<')
		return;
	size_t text_end = lt;
	while (text_end > a && gg_i_markup_space(s[text_end - 1]))
		text_end--;
	out->target = lt + 1;
	out->target_end = b - 1;
	if (text_end > a) {
		out->text_end = text_end;
	} else { /* "<target>" alone shows the target */
		out->text = lt + 1;
		out->text_end = b - 1;
	}
}

bool gg_i_markup_code_role(const char *name, size_t n)
{
	static const char *const roles[] = { "code", "literal", "samp", "file", "command", "program", "option",
		"envvar", "kbd", "makevar", "regexp", "func", "class", "meth", "attr", "data", "const", "mod", "obj",
		"exc", "math", "token", NULL };
	if (memchr(name, ':', n))
		return true;
	for (const char *const *r = roles; *r; r++)
		if (strlen(*r) == n && memcmp(name, *r, n) == 0)
			return true;
	return false;
}
