/* text.c - UTF-8 validation and sanitising, case folding, edit distance. */
#include "core/text.h"

#include "core/error.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t gg_i_utf8_valid_len(const unsigned char *s, size_t len)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if (n == 3) {
		if (c == 0xE0 && s[1] < 0xA0)
			return 0; /* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0; /* surrogate */
		if (c == 0xEF && s[1] == 0xBF && s[2] >= 0xBE)
			return 0; /* U+FFFE, U+FFFF */
	} else if (n == 4) {
		if (c == 0xF0 && s[1] < 0x90)
			return 0; /* overlong */
		if (c == 0xF4 && s[1] >= 0x90)
			return 0; /* past U+10FFFF */
	}
	return n;
}

/*
 * Bytes to skip for one invalid subpart starting at s (at least 1): the lead
 * byte and the continuation bytes that still form the start of some valid
 * sequence (Unicode's "maximal subpart"), so "\xE2\x82" at the end is one
 * replacement and "\xE0\x80" is two.
 */
static size_t invalid_span(const unsigned char *s, size_t len)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t need;
	if (c >= 0xC2 && c <= 0xDF)
		need = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		need = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		need = 4;
	else
		return 1;
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	size_t i = 1;
	while (i < need && i < len && s[i] >= lo && s[i] <= hi) {
		i++;
		lo = 0x80;
		hi = 0xBF;
	}
	return i;
}

static bool is_forbidden_control(unsigned char c)
{
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

size_t gg_i_utf8_sanitize(gg_i_buf *out, const char *s, size_t len)
{
	return gg_i_utf8_sanitize_steps(out, s, len, NULL, NULL);
}

/*
 * Where the bytes XML can carry, from u[i], end: at the first NUL or
 * forbidden control, or invalid UTF-8 sequence, or at len.
 */
static size_t clean_run_end(const unsigned char *u, size_t i, size_t len)
{
	while (i < len) {
		if (len - i >= 8 && gg_i_ascii_printable8(u + i)) {
			i += 8;
			continue;
		}
		if (u[i] >= 0x20 && u[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = is_forbidden_control(u[i]) ? 0 : gg_i_utf8_valid_len(u + i, len - i);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

/* Bytes of the bad span at u[i] that one replacement stands for. */
static size_t bad_span(const unsigned char *u, size_t i, size_t len)
{
	return is_forbidden_control(u[i]) ? 1 : invalid_span(u + i, len - i);
}

size_t gg_i_utf8_sanitize_steps(gg_i_buf *out, const char *s, size_t len,
			      void (*on_step)(size_t copy_pos, size_t orig_pos, void *payload),
			      void *payload)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t replaced = 0, start = 0, i, base = out->len;

	while ((i = clean_run_end(u, start, len)) < len) {
		gg_i_buf_put(out, s + start, i - start);
		gg_i_buf_puts(out, GG_REPLACEMENT);
		replaced++;
		start = i + bad_span(u, i, len);
		if (on_step)
			on_step(out->len - base, start, payload);
	}
	gg_i_buf_put(out, s + start, len - start);
	return replaced;
}

size_t gg_i_utf8_count_bad(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t bad = 0, i = 0;

	while ((i = clean_run_end(u, i, len)) < len) {
		bad++;
		i += bad_span(u, i, len);
	}
	return bad;
}

/*
 * Fold the valid UTF-8 s[0..len) (utf8proc_decompose, then utf8proc_reencode,
 * as utf8proc_map does) and append it to `out`, with `scratch` for the code
 * points. 0 or GG_ENOMEM.
 */
static int fold_valid(gg_i_buf *out, gg_i_buf *scratch, const char *s, size_t len,
		      utf8proc_option_t options)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t n;

	for (;;) {
		utf8proc_ssize_t room = (utf8proc_ssize_t)(scratch->cap / sizeof(utf8proc_int32_t));

		n = utf8proc_decompose(u, (utf8proc_ssize_t)len, (utf8proc_int32_t *)(void *)scratch->ptr,
				       room, options);
		if (n < 0) { /* cannot happen for valid UTF-8: keep the bytes */
			gg_i_buf_put_grow(out, s, len);
			return gg_i_buf_ok(out);
		}
		if (n <= room)
			break;
		scratch->len = 0;
		if (!gg_i_buf_reserve(scratch, (size_t)n * sizeof(utf8proc_int32_t)))
			return gg_i_error_oom();
	}
	n = utf8proc_reencode((utf8proc_int32_t *)(void *)scratch->ptr, n, options);
	if (n < 0)
		gg_i_buf_put_grow(out, s, len);
	else
		gg_i_buf_put_grow(out, scratch->ptr, (size_t)n);
	return gg_i_buf_ok(out);
}

/* ASCII needs no table: NFC leaves it alone and full case folding lowers it. */
int gg_i_utf8_fold(gg_i_buf *out, gg_i_buf *scratch, const char *s, size_t len, unsigned flags)
{
	const unsigned char *u = (const unsigned char *)s;
	utf8proc_option_t options = UTF8PROC_STABLE | UTF8PROC_COMPOSE |
				    (flags & GG_FOLD_CASE ? UTF8PROC_CASEFOLD : 0);
	size_t i = 0;

	while (i < len) {
		size_t run = i;
		bool ascii = true;

		while (run < len) {
			size_t n = gg_i_utf8_valid_len(u + run, len - run);

			if (!n)
				break;
			ascii &= u[run] < 0x80;
			run += n;
		}
		if (ascii) {
			if (!gg_i_buf_reserve(out, run - i))
				return gg_i_error_oom();
			for (size_t k = i; k < run; k++)
				out->ptr[out->len++] = flags & GG_FOLD_CASE ? gg_i_ascii_lower(s[k]) : s[k];
			out->ptr[out->len] = '\0';
		} else {
			int err = fold_valid(out, scratch, s + i, run - i, options);

			if (err)
				return err;
		}
		if (run < len)
			gg_i_buf_putc(out, s[run++]);
		i = run;
	}
	return gg_i_buf_ok(out);
}

size_t gg_i_utf8_char(const unsigned char *s, size_t len, gg_i_char_kind *kind)
{
	size_t n = gg_i_utf8_valid_len(s, len);
	utf8proc_int32_t cp;

	if (s[0] < 0x80) { /* the same answers as the table's, without a call */
		*kind = s[0] >= 'A' && s[0] <= 'Z' ? GG_CHAR_CAPITAL :
			s[0] >= 'a' && s[0] <= 'z' ? GG_CHAR_LETTER :
			s[0] == ' ' ? GG_CHAR_SPACE : GG_CHAR_OTHER;
		return 1;
	}
	*kind = GG_CHAR_OTHER;
	if (!n)
		return 1;
	if (utf8proc_iterate(s, (utf8proc_ssize_t)n, &cp) < 0)
		return n;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		*kind = GG_CHAR_CAPITAL;
		break;
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		*kind = GG_CHAR_LETTER;
		break;
	case UTF8PROC_CATEGORY_ZS:
		*kind = GG_CHAR_SPACE;
		break;
	default:
		break;
	}
	return n;
}

bool gg_i_utf8_has_capital(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	gg_i_char_kind kind;

	for (size_t i = 0; i < len;) {
		if (u[i] < 0x80) {
			if (u[i] >= 'A' && u[i] <= 'Z')
				return true;
			i++;
			continue;
		}
		i += gg_i_utf8_char(u + i, len - i, &kind);
		if (kind == GG_CHAR_CAPITAL)
			return true;
	}
	return false;
}

int gg_i_strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int d = (unsigned char)gg_i_ascii_lower(*a) - (unsigned char)gg_i_ascii_lower(*b);
		if (d || !*a)
			return d;
	}
}

const char *gg_i_trim(const char *s, size_t *len)
{
	size_t n = *len;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*len = n;
	return s;
}

char *gg_i_strndup(const char *s, size_t len)
{
	char *p = malloc(len + 1);
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

size_t gg_i_edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > lb + cap || lb > la + cap)
		return cap;
	if (lb > 255)
		lb = 255;
	size_t row[256];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best = i;
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = gg_i_ascii_lower(a[i - 1]) == gg_i_ascii_lower(b[j - 1]) ? 0 : 1;
			size_t v = diag + cost;
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best >= cap)
			return cap;
	}
	return row[lb] < cap ? row[lb] : cap;
}

/* Longest parenthetical of a name, '(' and ')' included. */
#define MAX_NAME_PAREN 122

size_t gg_i_name_paren_end(const char *s, size_t p, size_t n)
{
	if (p >= n || s[p] != '(')
		return p;
	size_t close = p + 1;
	while (close < n && close - p < MAX_NAME_PAREN && s[close] != ')' && s[close] != '(')
		close++;
	return close < n && s[close] == ')' && close > p + 1 ? close + 1 : p;
}

bool gg_i_is_exponent(unsigned char before, const char *s, size_t n)
{
	if (!gg_i_is_word_byte(before) && before != ')')
		return false;
	size_t sign = n && (s[0] == '+' || s[0] == '-') ? 1
		: n >= 3 && memcmp(s, "\xE2\x88\x92", 3) == 0 ? 3 : 0;
	size_t digits = sign;
	while (digits < n && s[digits] >= '0' && s[digits] <= '9')
		digits++;
	if (digits == n && digits > sign)
		return true;
	return n == 1 && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z');
}
