/*
 * markdown.c - reader for Markdown glossaries: definition lists ("Term" then
 * ": definition"), bold lists ("- **Term**: definition"), one heading per
 * term, or tables (a row per term); links to the glossary's own headings are
 * editor links. A page whose front matter names a term is one entry (a
 * static site's page per term), Hugo shortcodes their text. Where the file
 * holds MyST glossary directives ("```{glossary}" or ":::{glossary}", as
 * Sphinx's), their entries alone: term lines over a definition set in;
 * MyST roles ({term}`text <target>`) give their text, "term" an editor link.
 */
#include "read/markup.h"
#include "read/yaml.h"
#include "model/names.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/strmap.h"
#include "core/text.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* How far a link or a code span is looked for: keeps long lines linear. */
#define MAX_INLINE_SPAN 4096

typedef enum line_kind {
	LINE_TEXT,
	LINE_BLANK,
	LINE_HEADING,
	LINE_DEFINITION, /* ": definition" */
	LINE_BOLD,       /* "- **Term**: definition" */
	LINE_FENCE,      /* ``` or ~~~ */
	LINE_CODE,       /* inside a fenced block */
	LINE_ABBR        /* "*[HTML]: Hyper Text Markup Language" */
} line_kind;

typedef struct md_line {
	size_t start, end; /* text positions, line break excluded */
	line_kind kind;
	int level;         /* of a heading */
	size_t indent;
	size_t body;       /* where the content starts: past "#", ": ", "- **Term**:" */
	size_t name, name_end; /* the bold term of a LINE_BOLD, the abbreviation of a LINE_ABBR */
	size_t run_end;    /* the first line from here on that is not unindented text */
	bool glossary;     /* a line of a MyST glossary directive's content */
} md_line;

/* An entry found: its name lines (or one bold/heading line) and its definition lines. */
typedef struct md_entry {
	size_t first_name, n_names; /* line indices */
	size_t def_first, def_end;  /* line indices [first, end) */
	size_t category;            /* heading line index, or SIZE_MAX */
	size_t table;               /* a table's row: 1 + the table's index; 0 for none */
} md_entry;


/* A table: what each column holds (gg_i_field_named of its header). */
typedef struct md_table {
	gg_i_field columns[GG_TABLE_MAX_COLUMNS];
	size_t n_columns;
} md_table;

/* A cell of a table row: text positions, trimmed. */
typedef struct md_cell {
	size_t start, end;
} md_cell;

typedef struct md_reader {
	gg_i_source *src;
	md_line *lines;
	size_t n_lines;
	md_entry *entries;
	size_t n_entries, cap_entries;
	md_table *tables;
	size_t n_tables, cap_tables;
	gg_i_strmap slugs;     /* heading slug -> index in terms */
	const char **terms;  /* each entry's first name, rendered */
	size_t n_terms, cap_terms;
	gg_i_strmap notes;   /* the labels of the file's footnotes ("1" of "[^1]: ...") */
	gg_i_arena note_labels; /* their keys */
	size_t front_lines;  /* lines [0, front_lines) are the page's front matter ("---" ... "---") */
	bool front_yaml;     /* between "---" lines (YAML), not "+++" (TOML, not read) */
	size_t glossaries;   /* MyST glossary directives */
	bool myst;           /* a fence opens a MyST directive ("```{name}"): roles are read */
} md_reader;

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_punct(char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/*
 * Where the parenthetical that may follow a bold term at s[p, n) ends
 * (gg_i_name_paren_end), emphasised or not ("*(expansion)*"); p when there
 * is none.
 */
static size_t name_paren_end(const char *s, size_t p, size_t n)
{
	char emphasis = p < n && (s[p] == '*' || s[p] == '_') ? s[p] : 0;
	size_t open = p + (emphasis != 0), close = gg_i_name_paren_end(s, open, n);
	if (close == open)
		return p;
	if (emphasis && (close >= n || s[close++] != emphasis))
		return p;
	return close;
}

/*
 * The bold opening "**Term**" + ':' / '-' / en or em dash, or "**Term:**",
 * at s[i..n); a parenthetical between the term and its colon or dash
 * ("**API** (Application Programming Interface): ...") is part of the
 * name, which then runs from the opening "**" (rendered, its markup goes).
 */
static bool bold_item(const char *s, size_t i, size_t n, size_t *name, size_t *name_end, size_t *body)
{
	if (i + 2 >= n || s[i] != '*' || s[i + 1] != '*')
		return false;
	size_t a = i + 2, b = a;
	while (b + 1 < n && !(s[b] == '*' && s[b + 1] == '*'))
		b++;
	if (b + 1 >= n || b == a)
		return false;
	size_t p = b + 2, e = b;
	bool colon_inside = s[e - 1] == ':';
	if (colon_inside)
		e--;
	while (p < n && is_space(s[p]))
		p++;
	size_t paren_end = colon_inside ? p : name_paren_end(s, p, n);
	if (paren_end > p) {
		a = i;
		e = paren_end;
		for (p = paren_end; p < n && is_space(s[p]);)
			p++;
	}
	if (!colon_inside) {
		size_t dash = gg_i_dash_len(s + p, n - p);
		if (p < n && s[p] == ':')
			p++;
		else if (dash == 3 || (dash == 1 && p + 1 < n && is_space(s[p + 1])))
			p += dash;
		else
			return false;
	}
	while (p < n && is_space(s[p]))
		p++;
	*name = a;
	*name_end = e;
	*body = p;
	return e > a;
}

/* Whether s[p, e) holds "-->", the end of an HTML comment. */
static bool closes_comment(const char *s, size_t p, size_t e)
{
	for (; p + 3 <= e; p++)
		if (s[p] == '-' && s[p + 1] == '-' && s[p + 2] == '>')
			return true;
	return false;
}

/* Whether s[i, n) is all one bold span "**Term**" (spaces after it
 * aside); its name into [*name, *name_end). */
static bool bold_line(const char *s, size_t i, size_t n, size_t *name, size_t *name_end)
{
	while (n > i && is_space(s[n - 1]))
		n--;
	if (n < i + 5 || s[i] != '*' || s[i + 1] != '*' || s[n - 1] != '*' || s[n - 2] != '*' ||
	    is_space(s[i + 2]) || is_space(s[n - 3]) || s[i + 2] == '*' || s[n - 3] == '*')
		return false;
	for (size_t k = i + 2; k + 3 < n; k++)
		if (s[k] == '*' && s[k + 1] == '*')
			return false;
	*name = i + 2;
	*name_end = n - 2;
	return true;
}

/*
 * The end of a footnote label "[^label]" at s[i] ('[' there), past its
 * ']', as Pandoc, PHP Markdown Extra and GitHub write them: a label of up
 * to 64 bytes without spaces or brackets. 0 when there is none. Followed by
 * ':' it opens the note itself, else it refers to one.
 */
static size_t footnote_label_end(const char *s, size_t i, size_t n)
{
	if (n - i < 4 || s[i] != '[' || s[i + 1] != '^')
		return 0;
	for (size_t j = i + 2; j < n && j - i <= 66; j++) {
		if (s[j] == ']')
			return j > i + 2 ? j + 1 : 0;
		if (is_space(s[j]) || s[j] == '[')
			return 0;
	}
	return 0;
}

/*
 * Whether the line s[p, e) (past its indentation) starts a block of its
 * own rather than going on with a paragraph: a heading, a list item, a
 * definition, a quote, a table row, a footnote, an abbreviation, raw HTML.
 */
static bool opens_block(const char *s, size_t p, size_t e)
{
	char c = s[p];
	if (c == '#' || c == '>' || c == '|' || c == '<' || (c == '[' && p + 1 < e && s[p + 1] == '^') ||
	    (c == '*' && p + 1 < e && s[p + 1] == '['))
		return true;
	if ((c == '-' || c == '*' || c == '+' || c == ':') && p + 1 < e && is_space(s[p + 1]))
		return true;
	size_t d = p;
	while (d < e && s[d] >= '0' && s[d] <= '9')
		d++;
	return d > p && d + 1 < e && (s[d] == '.' || s[d] == ')') && is_space(s[d + 1]);
}

/*
 * Whether s[p, e) defines an abbreviation, "*[HTML]: Hyper Text Markup
 * Language" (PHP Markdown Extra, Python-Markdown's abbr, the abbreviation
 * files of MkDocs sites): its abbreviation into l->name, l->name_end, the
 * text after the ':' into l->body.
 */
static bool abbreviation_line(const char *s, size_t p, size_t e, md_line *l)
{
	if (e - p < 5 || s[p] != '*' || s[p + 1] != '[')
		return false;
	const char *close = memchr(s + p + 2, ']', e - p - 2);
	if (!close || close == s + p + 2 || (size_t)(close - s) + 1 >= e || close[1] != ':')
		return false;
	size_t body = (size_t)(close - s) + 2;
	while (body < e && is_space(s[body]))
		body++;
	size_t last = e;
	while (last > body && is_space(s[last - 1]))
		last--;
	if (body == last || s[last - 1] == '*') /* "*[x]: y*" is emphasis */
		return false;
	l->name = p + 2;
	l->name_end = (size_t)(close - s);
	l->body = body;
	return true;
}

/* Whether line k of the source is `mark` ("---"), trailing spaces aside. */
static bool line_is(const gg_i_source *src, size_t k, const char *mark)
{
	size_t s = src->lines[k], e = s, n = strlen(mark);
	while (e < src->len && src->text[e] != '\n' && src->text[e] != '\r')
		e++;
	while (e > s && is_space(src->text[e - 1]))
		e--;
	return e - s == n && memcmp(src->text + s, mark, n) == 0;
}

/* Lines of front matter that a page may open with. */
#define MAX_FRONT_LINES 1000

/* Whether line k opens with a mapping's key ("title:"), as YAML front matter does. */
static bool key_line(const gg_i_source *src, size_t k)
{
	const char *t = src->text;
	size_t i = src->lines[k];
	while (i < src->len && (is_letter(t[i]) || (i > src->lines[k] && (t[i] == '_' || t[i] == '-' ||
									       (t[i] >= '0' && t[i] <= '9')))))
		i++;
	return i > src->lines[k] && i < src->len && t[i] == ':';
}

/*
 * The page's front matter, as static site generators (Jekyll, Hugo,
 * MkDocs, Docusaurus) read it, within its first MAX_FRONT_LINES lines:
 * "---" on the first line, a YAML mapping (or a first line that opens
 * one: bad YAML is warned of later), then "---" or "..."; or TOML between
 * "+++" lines. A page that opens with a thematic break ("---") and text
 * has none. Sets m->front_lines (0: none). 0 or GG_ENOMEM.
 */
static int front_matter(md_reader *m)
{
	const gg_i_source *src = m->src;
	bool yaml = src->n_lines > 1 && line_is(src, 0, "---");
	if (!yaml && !(src->n_lines > 1 && line_is(src, 0, "+++")))
		return 0;
	for (size_t k = 1; k < src->n_lines && k < MAX_FRONT_LINES; k++) {
		if (!(yaml ? line_is(src, k, "---") || line_is(src, k, "...") : line_is(src, k, "+++")))
			continue;
		gg_i_yaml_tree tree;
		char why[256];
		uint32_t line;
		int err = yaml ? gg_i_yaml_load(src, src->lines[1], src->lines[k], &tree, why, sizeof(why), &line) : 0;
		bool mapping = yaml && !err && json_is_object(tree.root);
		if (yaml)
			gg_i_yaml_free(&tree);
		if (err && err != GG_I_NOT_YAML)
			return err;
		if (!yaml || mapping || (k > 1 && key_line(src, 1))) {
			m->front_lines = k + 1;
			m->front_yaml = yaml;
		}
		return 0;
	}
	return 0;
}

/* The run of `mark` characters at s[p, e): its length. */
static size_t mark_run(const char *s, size_t p, size_t e, char mark)
{
	size_t q = p;
	while (q < e && s[q] == mark)
		q++;
	return q - p;
}

/*
 * Whether s[p, e) is a code fence: three or more backticks or tildes (and
 * colons when `colons`), *mark the character, *len how many, *info where
 * what follows them starts (its spaces skipped).
 */
static bool fence_run(const char *s, size_t p, size_t e, bool colons, char *mark, size_t *len, size_t *info)
{
	if (p >= e || (s[p] != '`' && s[p] != '~' && !(colons && s[p] == ':')))
		return false;
	*mark = s[p];
	*len = mark_run(s, p, e, s[p]);
	for (*info = p + *len; *info < e && is_space(s[*info]);)
		++*info;
	return *len >= 3;
}

/* Whether s[p, e) closes a fence of `len` or more `mark` characters (nothing after them). */
static bool closes_fence(const char *s, size_t p, size_t e, char mark, size_t len)
{
	size_t run = mark_run(s, p, e, mark), q = p + run;
	while (q < e && is_space(s[q]))
		q++;
	return q == e && run >= len;
}

/* Whether s[p, e) is a MyST directive option line (":name: value"). */
static bool option_line(const char *s, size_t p, size_t e)
{
	size_t q = p + 1;
	while (q < e && (is_letter(s[q]) || s[q] == '-' || s[q] == '_'))
		q++;
	return p < e && s[p] == ':' && q > p + 1 && q < e && s[q] == ':';
}

/* What scan_lines knows of an open MyST glossary directive. */
typedef struct glossary_scan {
	char mark, inner;        /* its fence's character; an open code block's inside it, or 0 */
	size_t len, inner_len;   /* their lengths */
	bool options, yaml;      /* on its option lines (":name:", or a "---" block) */
} glossary_scan;

/*
 * Line l (its text s[p, e)) inside the open glossary directive g: its
 * options, code blocks in its definitions, its closing fence (which closes
 * them too), else text for find_glossary_entries. Closes g (mark 0) at its
 * fence.
 */
static void scan_glossary_line(const char *s, size_t p, size_t e, md_line *l, glossary_scan *g)
{
	char mark;
	size_t len, info;
	bool closing = p < e && s[p] == g->mark && closes_fence(s, p, e, g->mark, g->len);
	l->glossary = !closing;
	if (closing) {
		g->mark = 0;
		l->kind = LINE_BLANK;
	} else if (g->options && (g->yaml || option_line(s, p, e) || (p + 3 == e && memcmp(s + p, "---", 3) == 0))) {
		if (p + 3 <= e && memcmp(s + p, "---", 3) == 0)
			g->yaml = !g->yaml; /* a YAML block of options */
		l->kind = LINE_BLANK;
	} else if (g->inner ? s[p] == g->inner && closes_fence(s, p, e, g->inner, g->inner_len)
			    : fence_run(s, p, e, false, &mark, &len, &info)) {
		if (!g->inner) {
			g->inner = mark;
			g->inner_len = len;
		} else {
			g->inner = 0;
		}
		l->kind = LINE_FENCE; /* a code block in a definition */
	} else if (g->inner) {
		l->kind = LINE_CODE;
	} else if (p == e) {
		l->kind = LINE_BLANK;
	}
	g->options &= l->kind == LINE_BLANK && !closing && p < e;
}

/*
 * Classify every line of the text. A comment that opens a line ("<!--")
 * is blank up to the line that closes it, as CommonMark's HTML block of a
 * comment shows nothing: an entry commented out is no entry. A line that
 * is one bold span opening a paragraph, with text on the next line (not a
 * table's row), is a bold item too: the term above its definition
 * ("**Term**\nDefinition"), as "<b>Term</b><br>" in HTML. A footnote
 * ("[^label]: text", its next lines, and after a blank line those set in
 * by four) is blank too: a note is the page's apparatus, not part of the
 * definition above it. An abbreviation line ("*[HTML]: ...") is an entry
 * of its own whatever the layout (read_abbreviations), and text of none.
 * The front matter's lines are blank (front_matter). The lines of a MyST
 * glossary directive are its (scan_glossary_line); a fence with "{...}"
 * marks the file as MyST. 0 or GG_ENOMEM.
 */
static int scan_lines(md_reader *m)
{
	const gg_i_source *src = m->src;
	const char *t = src->text;
	if (!(m->lines = calloc(src->n_lines ? src->n_lines : 1, sizeof(*m->lines))))
		return gg_i_error_oom();
	m->n_lines = src->n_lines;
	int err = front_matter(m);
	if (err)
		return err;
	char fence = 0;
	glossary_scan glossary = { 0, 0, 0, 0, false, false };
	bool comment = false, note = false, note_gap = false;
	for (size_t k = 0; k < src->n_lines; k++) {
		md_line *l = &m->lines[k];
		size_t s = src->lines[k], e = s;
		while (e < src->len && t[e] != '\n' && t[e] != '\r')
			e++;
		*l = (md_line){ s, e, LINE_TEXT, 0, 0, s, 0, 0, 0, false };
		if (k < m->front_lines) { /* the page's data, not its text */
			l->kind = LINE_BLANK;
			continue;
		}
		size_t p = s;
		while (p < e && is_space(t[p]))
			p++;
		l->indent = p - s;
		l->body = p;
		if (glossary.mark) { /* a glossary's content: text read by find_glossary_entries */
			scan_glossary_line(t, p, e, l, &glossary);
			continue;
		}
		char mark;
		size_t len, info;
		if (!fence && !comment && l->indent < 4 && fence_run(t, p, e, true, &mark, &len, &info) &&
		    info < e && t[info] == '{') {
			m->myst = true;
			if (e - info >= 10 && memcmp(t + info, "{glossary}", 10) == 0) {
				glossary = (glossary_scan){ mark, 0, len, 0, true, false };
				l->kind = LINE_BLANK;
				m->glossaries++;
				note = false;
				continue;
			}
		}
		if (p == e) {
			l->kind = fence ? LINE_CODE : LINE_BLANK;
			note_gap = note;
			continue;
		}
		if (!fence && (comment || (l->indent < 4 && e - p >= 4 && memcmp(t + p, "<!--", 4) == 0))) {
			comment = !closes_comment(t, comment ? p : p + 4, e);
			l->kind = LINE_BLANK;
			note = false;
			continue;
		}
		bool fence_line = l->indent < 4 && e - p >= 3 && (t[p] == '`' || t[p] == '~') &&
				  t[p + 1] == t[p] && t[p + 2] == t[p];
		if (fence_line && (!fence || fence == t[p])) {
			fence = fence ? 0 : t[p];
			l->kind = LINE_FENCE;
			note = false;
			continue;
		}
		if (fence) {
			l->kind = LINE_CODE;
			continue;
		}
		if (note) { /* its lazy lines, or after a blank line those set in by four */
			if (note_gap ? l->indent >= 4 : !opens_block(t, p, e)) {
				l->kind = LINE_BLANK;
				continue;
			}
			note = false;
		}
		size_t label = l->indent >= 4 ? 0 : footnote_label_end(t, p, e);
		if (label && label < e && t[label] == ':') {
			char *key = gg_i_arena_strndup(&m->note_labels, t + p + 2, label - p - 3);
			if (!key || gg_i_strmap_put(&m->notes, key, 1, NULL) < 0)
				return gg_i_error_oom();
			l->kind = LINE_BLANK;
			note = true;
			note_gap = false;
			continue;
		}
		if (l->indent < 4 && abbreviation_line(t, p, e, l)) {
			l->kind = LINE_ABBR;
			continue;
		}
		if (l->indent >= 4)
			continue;
		int level = 0;
		while (p + (size_t)level < e && t[p + (size_t)level] == '#' && level < 7)
			level++;
		if (level >= 1 && level <= 6 && (p + (size_t)level == e || is_space(t[p + (size_t)level]))) {
			l->kind = LINE_HEADING;
			l->level = level;
			l->body = p + (size_t)level;
			while (l->end > l->body && (is_space(t[l->end - 1]) || t[l->end - 1] == '#'))
				l->end--; /* closing #s */
			continue;
		}
		if (t[p] == ':' && p + 1 < e && is_space(t[p + 1])) {
			l->kind = LINE_DEFINITION;
			l->body = p + 2;
			continue;
		}
		size_t q = p;
		if ((t[q] == '-' || t[q] == '*' || t[q] == '+') && q + 1 < e && is_space(t[q + 1]))
			for (q++; q < e && is_space(t[q]);)
				q++;
		if (bold_item(t, q, e, &l->name, &l->name_end, &l->body))
			l->kind = LINE_BOLD;
	}
	for (size_t k = 0; k + 1 < src->n_lines; k++) {
		md_line *l = &m->lines[k];
		size_t q = l->start + l->indent;
		const md_line *next = &m->lines[k + 1];
		bool opens = k == 0 || m->lines[k - 1].kind == LINE_BLANK || m->lines[k - 1].kind == LINE_HEADING;
		if (l->kind != LINE_TEXT || l->indent >= 4 || !opens || next->kind != LINE_TEXT ||
		    t[next->start + next->indent] == '|') /* a bold caption over a table */
			continue;
		if ((t[q] == '-' || t[q] == '*' || t[q] == '+') && q + 1 < l->end && is_space(t[q + 1]))
			for (q++; q < l->end && is_space(t[q]);)
				q++;
		if (bold_line(t, q, l->end, &l->name, &l->name_end)) {
			l->kind = LINE_BOLD;
			l->body = l->end;
		}
	}
	for (size_t k = src->n_lines; k-- > 0;) {
		md_line *l = &m->lines[k];
		bool text = l->kind == LINE_TEXT && l->indent < 2;
		l->run_end = text ? (k + 1 < src->n_lines ? m->lines[k + 1].run_end : k + 1) : k;
	}
	return 0;
}

static bool blank(const md_line *l)
{
	return l->kind == LINE_BLANK;
}

/* Append e to the entries found. Returns 0 or GG_ENOMEM. */
static int push_entry(md_reader *m, md_entry e)
{
	if (GG_ARRAY_PUSH_SLOT(m->entries, m->n_entries, m->cap_entries))
		return GG_ENOMEM;
	m->entries[m->n_entries++] = e;
	return 0;
}

/* Whether heading line k names a section (a category), not a letter or the title. */
static bool section_heading(const md_reader *m, size_t k, size_t titles)
{
	const md_line *l = &m->lines[k];
	size_t n = l->end - l->body;
	const char *s = gg_i_trim(m->src->text + l->body, &n);
	/* "A", "B", "É", "Ж": letter sections */
	return gg_i_utf8_chars(s, n) > 1 && !(l->level == 1 && titles == 1);
}

/*
 * Where the definition that starts at line k ends: lines that go on without
 * a blank line, further ": " paragraphs, and indented lines after blanks.
 */
static size_t definition_end(const md_reader *m, size_t k, bool bold)
{
	size_t i = k + 1;
	while (i < m->n_lines) {
		const md_line *l = &m->lines[i];
		if (l->kind == LINE_FENCE || l->kind == LINE_CODE) {
			i++;
			continue;
		}
		if (l->kind == LINE_HEADING || l->kind == LINE_ABBR || (bold && l->kind == LINE_BOLD))
			break;
		if (l->kind == LINE_DEFINITION && !bold) {
			i++;
			continue;
		}
		if (!blank(l)) {
			if (blank(&m->lines[i - 1]) && l->indent < 2)
				break;
			/* a term line right before a new ": " starts the next entry */
			size_t j = l->run_end;
			if (!bold && j > i && j < m->n_lines && m->lines[j].kind == LINE_DEFINITION)
				break;
			i++;
			continue;
		}
		size_t j = i;
		while (j < m->n_lines && blank(&m->lines[j]))
			j++;
		if (j >= m->n_lines || !(m->lines[j].indent >= 2 || (!bold && m->lines[j].kind == LINE_DEFINITION)))
			break;
		i = j;
	}
	while (i > k + 1 && blank(&m->lines[i - 1]))
		i--;
	return i;
}

/* Definition and bold lists; returns 0 or GG_ENOMEM. */
static int find_list_entries(md_reader *m, size_t titles)
{
	size_t category = SIZE_MAX, floor = 0; /* floor: where the last entry ended */
	for (size_t k = 0; k < m->n_lines;) {
		md_line *l = &m->lines[k];
		if (l->kind == LINE_HEADING) {
			if (section_heading(m, k, titles))
				category = k;
			k++;
			continue;
		}
		if (l->kind == LINE_BOLD) {
			size_t end = definition_end(m, k, true);
			if (push_entry(m, (md_entry){ k, 1, k, end, category, 0 }))
				return GG_ENOMEM;
			k = floor = end;
			continue;
		}
		if (l->kind == LINE_DEFINITION) {
			/* the term lines above, with at most one blank line between */
			size_t last = k;
			if (last > floor && blank(&m->lines[last - 1]))
				last--;
			size_t first = last;
			while (first > floor && m->lines[first - 1].kind == LINE_TEXT && m->lines[first - 1].indent < 4)
				first--;
			size_t end = definition_end(m, k, false);
			if (first < last && push_entry(m, (md_entry){ first, last - first, k, end, category, 0 }))
				return GG_ENOMEM;
			k = floor = end;
			continue;
		}
		k++;
	}
	return 0;
}

/*
 * The entries of the MyST glossary directives: as in Sphinx's, term lines
 * at the directive's margin (one after another: the first the term, the
 * others aliases; a " : classifier" cut off when read) over a definition
 * set in deeper, blank lines among it; a term without one is reported
 * when read. The nearest section heading above is the category.
 */
static int find_glossary_entries(md_reader *m, size_t titles)
{
	size_t category = SIZE_MAX, margin = 0; /* margin: the directive's fence's indent */
	for (size_t k = 0; k < m->n_lines;) {
		const md_line *l = &m->lines[k];
		if (!l->glossary) {
			if (l->kind == LINE_HEADING && section_heading(m, k, titles))
				category = k;
			margin = l->indent; /* the fence's, when a directive follows */
			k++;
			continue;
		}
		if (blank(l) || l->indent > margin || l->kind == LINE_CODE || l->kind == LINE_FENCE) {
			k++; /* text set in before any term (Sphinx drops it too) */
			continue;
		}
		size_t base = l->indent;
		size_t n = 1, end, last;
		while (k + n < m->n_lines && m->lines[k + n].glossary && !blank(&m->lines[k + n]) &&
		       m->lines[k + n].indent == base)
			n++;
		for (end = last = k + n; end < m->n_lines && m->lines[end].glossary &&
					 (blank(&m->lines[end]) || m->lines[end].indent > base ||
					  m->lines[end].kind == LINE_CODE); end++)
			if (!blank(&m->lines[end]))
				last = end + 1;
		if (push_entry(m, (md_entry){ k, n, k + n, last, category, 0 }))
			return GG_ENOMEM;
		k = last > k + n ? last : k + n;
	}
	return 0;
}

/*
 * One heading per term: the level with the most headings that have text
 * under them (a lone level-1 title is not an entry); an entry's definition
 * runs to the next heading of its level or above.
 */
static bool row_line(const md_reader *m, const md_line *l);

static int find_heading_entries(md_reader *m, size_t titles)
{
	size_t with_text[7] = { 0 };
	for (size_t k = 0; k < m->n_lines; k++) {
		if (m->lines[k].kind != LINE_HEADING || (m->lines[k].level == 1 && titles == 1))
			continue;
		/* text under it: a line before the next heading that is no table row
		 * (a section heading over a table of terms is no term) */
		size_t j = k + 1;
		while (j < m->n_lines && m->lines[j].kind != LINE_HEADING &&
		       (blank(&m->lines[j]) || row_line(m, &m->lines[j])))
			j++;
		if (j < m->n_lines && m->lines[j].kind != LINE_HEADING)
			with_text[m->lines[k].level]++;
	}
	int level = 0;
	for (int v = 1; v <= 6; v++)
		if (with_text[v] > (level ? with_text[level] : 0))
			level = v;
	if (!level)
		return 0;
	size_t category = SIZE_MAX;
	for (size_t k = 0; k < m->n_lines; k++) {
		const md_line *l = &m->lines[k];
		if (l->kind != LINE_HEADING)
			continue;
		if (l->level < level) {
			category = section_heading(m, k, titles) ? k : SIZE_MAX;
			continue;
		}
		if (l->level > level)
			continue;
		size_t end = k + 1;
		while (end < m->n_lines && !(m->lines[end].kind == LINE_HEADING && m->lines[end].level <= level))
			end++;
		size_t first = k + 1;
		while (first < end && blank(&m->lines[first]))
			first++;
		while (end > first && blank(&m->lines[end - 1]))
			end--;
		if (push_entry(m, (md_entry){ k, 1, first, end, category, 0 }))
			return GG_ENOMEM;
	}
	return 0;
}

/*
 * Cut the row at line l into cells, trimmed, without the pipes at the
 * row's ends; an escaped '|' cuts nothing. As GitHub reads tables, a '|'
 * in a code span cuts too: written "\\|" it is a '|' of the cell (render).
 * Returns how many cells (at most GG_TABLE_MAX_COLUMNS; the rest are passed
 * over).
 */
static size_t row_cells(const md_reader *m, const md_line *l, md_cell *cells)
{
	const char *t = m->src->text;
	size_t a = l->start + l->indent, b = l->end, n = 0;
	while (b > a && is_space(t[b - 1]))
		b--;
	if (a < b && t[a] == '|')
		a++;
	if (b > a && t[b - 1] == '|' && !(b - 2 >= a && t[b - 2] == '\\'))
		b--;
	for (size_t i = a, start = a; i <= b && n < GG_TABLE_MAX_COLUMNS; i++) {
		if (i + 1 < b && t[i] == '\\') {
			i++;
			continue;
		}
		if (i < b && t[i] != '|')
			continue;
		size_t x = start, y = i;
		while (x < y && is_space(t[x]))
			x++;
		while (y > x && is_space(t[y - 1]))
			y--;
		cells[n++] = (md_cell){ x, y };
		start = i + 1;
	}
	return n;
}

/* Whether line l could be a row of a table: text (a bold opening too) holding a '|'. */
static bool row_line(const md_reader *m, const md_line *l)
{
	size_t from = l->start + l->indent;
	return (l->kind == LINE_TEXT || l->kind == LINE_BOLD) && l->indent < 4 &&
	       memchr(m->src->text + from, '|', l->end - from);
}

/* Whether line l is a table's delimiter row ("| --- | :---: |"), of `n` cells. */
static bool delimiter_row(const md_reader *m, const md_line *l, size_t n)
{
	md_cell cells[GG_TABLE_MAX_COLUMNS];
	if (!row_line(m, l) || row_cells(m, l, cells) != n)
		return false;
	for (size_t c = 0; c < n; c++) {
		const char *t = m->src->text;
		size_t a = cells[c].start, b = cells[c].end;
		a += a < b && t[a] == ':';
		b -= b > a && t[b - 1] == ':';
		if (a == b)
			return false;
		for (size_t i = a; i < b; i++)
			if (t[i] != '-')
				return false;
	}
	return true;
}

/* What a header cell names (gg_i_field_named), emphasis around it set aside. */
static gg_i_field column_field(const md_reader *m, md_cell c)
{
	const char *t = m->src->text;
	while (c.start < c.end && (t[c.start] == '*' || t[c.start] == '_'))
		c.start++;
	while (c.end > c.start && (t[c.end - 1] == '*' || t[c.end - 1] == '_'))
		c.end--;
	return gg_i_field_named(t + c.start, c.end - c.start);
}

/*
 * Tables: a header row, a delimiter row, then a row per entry, up to a line
 * that is no row. The columns are found by their names as in CSV (term,
 * definition, aliases, ...); without such names the term is the first
 * column and the definition the one that holds the most text. A section
 * heading above a table is its entries' category. 0 or GG_ENOMEM.
 */
static int find_table_entries(md_reader *m, size_t titles)
{
	size_t category = SIZE_MAX;
	md_cell cells[GG_TABLE_MAX_COLUMNS];
	for (size_t k = 0; k < m->n_lines;) {
		const md_line *l = &m->lines[k];
		if (l->kind == LINE_HEADING) {
			category = section_heading(m, k, titles) ? k : SIZE_MAX;
			k++;
			continue;
		}
		size_t n = row_line(m, l) ? row_cells(m, l, cells) : 0;
		if (n < 2 || k + 1 >= m->n_lines || !delimiter_row(m, &m->lines[k + 1], n)) {
			k++;
			continue;
		}
		md_table tb = { { GG_FIELD_NONE }, n };
		for (size_t c = 0; c < n; c++)
			tb.columns[c] = column_field(m, cells[c]);
		size_t end = k + 2, text[GG_TABLE_MAX_COLUMNS] = { 0 };
		for (; end < m->n_lines && row_line(m, &m->lines[end]); end++) {
			size_t cn = row_cells(m, &m->lines[end], cells);
			for (size_t c = 0; c < cn && c < n; c++)
				text[c] += cells[c].end - cells[c].start;
		}
		gg_i_table_columns(tb.columns, n, text);
		if (GG_ARRAY_PUSH_SLOT(m->tables, m->n_tables, m->cap_tables))
			return GG_ENOMEM;
		m->tables[m->n_tables++] = tb;
		for (size_t r = k + 2; r < end; r++)
			if (push_entry(m, (md_entry){ r, 1, r, r, category, m->n_tables })) /* no definition lines: read_row */
				return GG_ENOMEM;
		k = end;
	}
	return 0;
}

/*
 * The GitHub-style anchor of a heading: lower case, letters, digits, '-'
 * and '_' kept, spaces turned to '-', other punctuation dropped.
 */
static void slug_append(gg_i_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t')
			gg_i_buf_putc(out, '-');
		else if ((unsigned char)c >= 0x80 || c == '-' || c == '_' || !is_punct(c))
			gg_i_buf_putc(out, gg_i_ascii_lower(c));
	}
}

/* Hands rendered text to a record (with links) or to a buffer (names). */
typedef struct sink {
	md_reader *m;
	gg_i_record *rec; /* or NULL */
	gg_i_buf *out;
	bool in_link;   /* links do not nest: '[' inside one is text */
	bool in_cell;   /* a table cell: "\\|" is a '|', in a code span too */
	bool name;      /* a name: code spans without their backticks */
	bool in_comment; /* inside an HTML comment opened on an earlier line */
	size_t text_end; /* where the text rendered piece by piece ends: a comment must close before */
} sink;

/* Hand s[0..n), from file offset `at` (SIZE_MAX: none), to the sink's record or buffer. */
static void emit(sink *k, const char *s, size_t n, size_t at)
{
	if (k->rec)
		gg_i_record_text(k->rec, s, n, at);
	else
		gg_i_buf_put(k->out, s, n);
}

/* The end of a run of backticks at s[i..n) that closes one of `run` backticks, or 0. */
static size_t code_span_end(const char *s, size_t i, size_t n, size_t run)
{
	if (n - i > MAX_INLINE_SPAN)
		n = i + MAX_INLINE_SPAN;
	for (size_t j = i; j < n; j++) {
		if (s[j] != '`')
			continue;
		size_t r = 0;
		while (j + r < n && s[j + r] == '`')
			r++;
		if (r == run)
			return j + r;
		j += r - 1;
	}
	return 0;
}

static int render(sink *k, const char *s, size_t n, size_t at);

/* What raw HTML in Markdown stands for in the text read. */
typedef enum raw_html {
	RAW_NONE,     /* no HTML: the '<' is text */
	RAW_TAG,      /* a tag of inline text (<span>, <sup>, <abbr ...>): nothing */
	RAW_BREAK,    /* a tag that parts text (<br>, <p>, <div>, <li> ...): a space */
	RAW_CODE,     /* <code>, <tt>, <kbd>, <samp>, <var> or their end: a backtick */
	RAW_COMMENT,  /* <!-- ... -->: nothing; unclosed, it runs past the line */
	RAW_AUTOLINK  /* <scheme:...> or <name@host>: the address */
} raw_html;

/* Whether the tag name s[0, n) parts text (a space stands for it). */
static bool breaking_tag(const char *s, size_t n)
{
	static const char *const names[] = { "br", "p", "div", "li", "ul", "ol", "dl", "dt", "dd",
					     "table", "tr", "td", "th", "hr", "blockquote", "pre",
					     "section", "details", "summary", "h1", "h2", "h3",
					     "h4", "h5", "h6" };
	for (size_t k = 0; k < sizeof(names) / sizeof(*names); k++)
		if (strlen(names[k]) == n && strncasecmp(s, names[k], n) == 0)
			return true;
	return false;
}

/*
 * The raw HTML at s[i] ('<' there), as CommonMark reads inline HTML: a
 * comment, an autolink, or an opening or closing tag (a name, attributes
 * with quoted values, '/' and '>' on this line). *end gets where it ends
 * (an unclosed comment: at n).
 */
static raw_html raw_html_at(const char *s, size_t i, size_t n, size_t *end)
{
	size_t j = i + 1;
	if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
		for (j = i + 4; j + 3 <= n && memcmp(s + j, "-->", 3) != 0; j++)
			;
		*end = j + 3 <= n ? j + 3 : n;
		return RAW_COMMENT;
	}
	if (n - i >= 2 && s[i + 1] == '!')
		return RAW_NONE;
	bool closing = j < n && s[j] == '/';
	size_t name = j += closing;
	while (j < n && (is_letter(s[j]) || (j > name && ((s[j] >= '0' && s[j] <= '9') || s[j] == '-'))))
		j++;
	if (j == name)
		return RAW_NONE;
	size_t name_end = j;
	if (!closing && j < n && (s[j] == ':' || s[j] == '@' || s[j] == '.' || s[j] == '+')) {
		/* an autolink: no space, '<' or '>' before its '>' */
		bool at = false, colon = false;
		for (; j < n && s[j] != '>' && s[j] != '<' && s[j] != ' ' && s[j] != '\t'; j++) {
			at |= s[j] == '@';
			colon |= s[j] == ':';
		}
		if (j == n || s[j] != '>' || (!at && !colon))
			return RAW_NONE;
		*end = j + 1;
		return RAW_AUTOLINK;
	}
	/* attributes, as CommonMark has them: white space, a name
	 * [A-Za-z_:][A-Za-z0-9_.:-]*, then maybe '=' and a value unquoted,
	 * in '' or in "" */
	while (!closing && j < n && is_space(s[j])) {
		while (j < n && is_space(s[j]))
			j++;
		if (j == n || !(is_letter(s[j]) || s[j] == '_' || s[j] == ':'))
			break;
		while (j < n && (is_letter(s[j]) || (s[j] >= '0' && s[j] <= '9') || strchr("_.:-", s[j])))
			j++;
		size_t k = j;
		while (k < n && is_space(s[k]))
			k++;
		if (k == n || s[k] != '=')
			continue;
		for (k++; k < n && is_space(s[k]);)
			k++;
		if (k < n && (s[k] == '"' || s[k] == '\'')) {
			const char *close = memchr(s + k + 1, s[k], n - k - 1);
			if (!close)
				return RAW_NONE;
			j = (size_t)(close - s) + 1;
		} else {
			for (j = k; j < n && !is_space(s[j]) && !strchr("\"'=<>`", s[j]);)
				j++;
			if (j == k)
				return RAW_NONE;
		}
	}
	while (j < n && is_space(s[j]))
		j++;
	j += !closing && j < n && s[j] == '/';
	if (j == n || s[j] != '>')
		return RAW_NONE;
	*end = j + 1;
	size_t len = name_end - name;
	static const char *const code[] = { "code", "tt", "kbd", "samp", "var" }; /* as the HTML reader's */
	for (size_t k = 0; k < sizeof(code) / sizeof(*code); k++)
		if (strlen(code[k]) == len && strncasecmp(s + name, code[k], len) == 0)
			return RAW_CODE;
	return breaking_tag(s + name, len) ? RAW_BREAK : RAW_TAG;
}

/*
 * The character reference at s[i] ('&' there): "&amp;", "&#8212;" or
 * "&#x2014;", HTML's named entities as libxml2 knows them. Its UTF-8 into
 * out (4 bytes at most), *end past its ';'; 0 when there is none (the '&'
 * is text). A number naming no character gives U+FFFD.
 */
static size_t entity_at(const char *s, size_t i, size_t n, unsigned char out[4], size_t *end)
{
	size_t j = i + 1;
	long cp = -1;
	if (j < n && s[j] == '#') {
		bool hex = ++j < n && (s[j] == 'x' || s[j] == 'X');
		size_t digits = j += hex;
		cp = 0;
		for (; j < n && j - digits < (hex ? 6 : 7); j++) {
			int d = s[j] >= '0' && s[j] <= '9' ? s[j] - '0'
				: hex && (s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'f' ? (s[j] | 0x20) - 'a' + 10 : -1;
			if (d < 0)
				break;
			cp = cp * (hex ? 16 : 10) + d;
		}
		if (j == digits)
			return 0;
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
	} else {
		char name[32];
		while (j < n && j - i - 1 < sizeof(name) - 1 && (is_letter(s[j]) || (j > i + 1 && s[j] >= '0' && s[j] <= '9')))
			j++;
		if (j == i + 1 || j == n || s[j] != ';')
			return 0;
		memcpy(name, s + i + 1, j - i - 1);
		name[j - i - 1] = '\0';
		const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
		if (!e)
			return 0;
		cp = (long)e->value;
	}
	if (j == n || s[j] != ';')
		return 0;
	*end = j + 1;
	return (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, out);
}

/*
 * Whether the tag s[i, end) is a <sup> whose text, up to its </sup>, is an
 * exponent (gg_i_is_exponent) of what stands before it: "10<sup>3</sup>"
 * reads "10^3".
 */
static bool exponent_at(const char *s, size_t i, size_t end, size_t n)
{
	if (!i || end - i < 5 || strncasecmp(s + i, "<sup", 4) != 0 || (s[i + 4] != '>' && !is_space(s[i + 4])))
		return false;
	for (size_t j = end; j < n && j - end <= 16; j++)
		if (s[j] == '<')
			return n - j >= 6 && strncasecmp(s + j, "</sup>", 6) == 0 &&
			       gg_i_is_exponent((unsigned char)s[i - 1], s + end, j - end);
	return false;
}

/*
 * The end of a reference "[^label]" at s[i] (footnote_label_end, no ':'
 * after) to a footnote the file has, or 0: "[^abc]" in a regular
 * expression is text.
 */
static size_t footnote_ref_end(const md_reader *m, const char *s, size_t i, size_t n)
{
	size_t end = footnote_label_end(s, i, n);
	if (!end || (end < n && s[end] == ':'))
		return 0;
	char key[72];
	uint32_t v;
	memcpy(key, s + i + 2, end - i - 3);
	key[end - i - 3] = '\0';
	return gg_i_strmap_get(&m->notes, key, &v) ? end : 0;
}

/* A link "[text](url)" or "[text][ref]" at s[i], '[' there; returns where it ends, or 0. */
static size_t render_link(sink *k, const char *s, size_t i, size_t n, size_t at, int *err)
{
	size_t close = i + 1, depth = 1;
	if (n - i > MAX_INLINE_SPAN)
		n = i + MAX_INLINE_SPAN;
	for (; close < n; close++) {
		if (s[close] == '\\') {
			close++;
			continue;
		}
		if (s[close] == '[')
			depth++;
		else if (s[close] == ']' && --depth == 0)
			break;
	}
	if (close >= n || close + 1 >= n || (s[close + 1] != '(' && s[close + 1] != '['))
		return 0;
	char opener = s[close + 1], closer = opener == '(' ? ')' : ']';
	size_t u = close + 2, end = u;
	while (end < n && s[end] != closer)
		end++;
	if (end >= n)
		return 0;
	size_t from = k->rec ? gg_i_record_mark(k->rec) : 0;
	k->in_link = true;
	*err = render(k, s + i + 1, close - i - 1, at == SIZE_MAX ? at : at + i + 1);
	k->in_link = false;
	if (!*err && k->rec && opener == '(' && s[u] == '#') {
		size_t anchor = u + 1, anchor_end = anchor;
		while (anchor_end < end && s[anchor_end] != ' ' && s[anchor_end] != '"')
			anchor_end++;
		char *key = gg_i_strndup(s + anchor, anchor_end - anchor);
		uint32_t t;
		if (!key) {
			*err = gg_i_error_oom();
		} else if (gg_i_strmap_get(&k->m->slugs, key, &t)) {
			*err = gg_i_record_xref(k->rec, k->m->terms[t], strlen(k->m->terms[t]), from);
		} else if (k->rec->definition.len > from) {
			*err = gg_i_record_xref(k->rec, k->rec->definition.ptr + from, k->rec->definition.len - from, from);
		}
		free(key);
	}
	return end + 1;
}

/*
 * The value of parameter `name` of a shortcode's s[a, b) (name="value",
 * name='value' or name=value), into [*v, *v_end); false when it has none.
 */
static bool shortcode_param(const char *s, size_t a, size_t b, const char *name, size_t *v, size_t *v_end)
{
	size_t len = strlen(name);
	for (size_t i = a; i + len < b; i++) {
		if ((i > a && !is_space(s[i - 1])) || memcmp(s + i, name, len) != 0 || s[i + len] != '=')
			continue;
		size_t j = i + len + 1;
		char quote = j < b && (s[j] == '"' || s[j] == '\'') ? s[j++] : ' ';
		*v = j;
		while (j < b && s[j] != quote && !(quote == ' ' && is_space(s[j])))
			j++;
		*v_end = j;
		return true;
	}
	return false;
}

/*
 * A Hugo shortcode at s[i] ("{{< name params >}}" or "{{% ... %}}"):
 * it shows its `text` parameter, and with a `term_id` or `term` parameter
 * (a glossary tooltip) links to the entry that id's words name
 * ("load-balancer": "load balancer"), showing the id when it has no text;
 * any other shows nothing, and an escaped one (its inside between
 * comment marks, as Hugo's own documentation writes a shortcode) the
 * shortcode it stands for. Returns where it ends, or 0 when there is none.
 */
static size_t render_shortcode(sink *k, const char *s, size_t i, size_t n, size_t at, int *err)
{
	char closer = s[i + 2] == '<' ? '>' : '%';
	size_t limit = n - i > MAX_INLINE_SPAN ? i + MAX_INLINE_SPAN : n, end = i + 3;
	while (end + 2 < limit && !(s[end] == closer && s[end + 1] == '}' && s[end + 2] == '}'))
		end++;
	if (end + 2 >= limit)
		return 0;
	if (end - i >= 7 && s[i + 3] == '/' && s[i + 4] == '*' && s[end - 1] == '/' && s[end - 2] == '*') {
		/* escaped: the shortcode it stands for, its comment marks left out */
		emit(k, s + i, 3, at == SIZE_MAX ? at : at + i);
		emit(k, s + i + 5, end - i - 7, at == SIZE_MAX ? at : at + i + 5);
		emit(k, s + end, 3, at == SIZE_MAX ? at : at + end);
		return end + 3;
	}
	size_t text = 0, text_end = 0, id = 0, id_end = 0;
	bool shown = shortcode_param(s, i + 3, end, "text", &text, &text_end);
	bool linked = shortcode_param(s, i + 3, end, "term_id", &id, &id_end) ||
		      shortcode_param(s, i + 3, end, "term", &id, &id_end);
	gg_i_buf target = GG_BUF_INIT;
	for (size_t j = id; linked && j < id_end; j++) /* an id's words: "load-balancer" */
		gg_i_buf_putc(&target, s[j] == '-' || s[j] == '_' ? ' ' : s[j]);
	size_t from = k->rec ? gg_i_record_mark(k->rec) : 0;
	if (shown)
		*err = render(k, s + text, text_end - text, at == SIZE_MAX ? at : at + text);
	else if (linked && target.len) /* the id as written ("cri-o") */
		emit(k, s + id, id_end - id, at == SIZE_MAX ? at : at + id);
	if (!*err && linked && target.len && k->rec)
		*err = gg_i_record_xref(k->rec, target.ptr, target.len, from);
	*err = *err ? *err : gg_i_buf_ok(&target);
	gg_i_buf_free(&target);
	return end + 3;
}

/*
 * A MyST role at s[i] ("{name}`text`", "{name}`text <target>`"): where it
 * ends, or 0 for none; sets its name s[*name, *name_end) and its content
 * s[*a, *b) inside the backticks.
 */
static size_t role_end(const char *s, size_t i, size_t n, size_t *name, size_t *name_end, size_t *a, size_t *b)
{
	size_t j = i + 1, r = 0, end;
	while (j < n && (is_letter(s[j]) || (s[j] >= '0' && s[j] <= '9') || (s[j] && strchr("_+:-", s[j]))))
		j++;
	if (j == i + 1 || j + 1 >= n || s[j] != '}' || s[j + 1] != '`')
		return 0;
	while (j + 1 + r < n && s[j + 1 + r] == '`')
		r++;
	if (!(end = code_span_end(s, j + 1 + r, n, r)))
		return 0;
	*name = i + 1;
	*name_end = j;
	*a = j + 1 + r;
	*b = end - r;
	return end;
}

/*
 * Role s[name, name_end) of content s[a, b) to the sink: its text
 * (gg_i_markup_role_parts), as code for the code roles and a domain's
 * (gg_i_markup_code_role); {term} also an editor link to its target. In a
 * table cell "\\|" is a '|'. 0 or the error of gg_i_record_xref.
 */
static int render_role(sink *k, const char *s, size_t name, size_t name_end, size_t a, size_t b, size_t at)
{
	gg_i_role_parts p;
	gg_i_markup_role_parts(s, a, b, &p);
	a = p.text;
	size_t text_end = p.text_end;
	size_t len = name_end - name;
	bool code = gg_i_markup_code_role(s + name, len);
	size_t from = k->rec ? gg_i_record_mark(k->rec) : 0;
	size_t text_at = at == SIZE_MAX ? at : at + a;
	if (code && !k->name)
		emit(k, "`", 1, text_at);
	for (size_t i = a, run = a; i <= text_end; i++) /* in a cell, "\\|" is a '|' */
		if (i == text_end || (k->in_cell && s[i] == '\\' && i + 1 < text_end && s[i + 1] == '|')) {
			emit(k, s + run, i - run, at == SIZE_MAX ? at : at + run);
			run = i + 1;
		}
	if (code && !k->name)
		emit(k, "`", 1, at == SIZE_MAX ? at : at + text_end);
	if (k->rec && len == 4 && memcmp(s + name, "term", 4) == 0)
		return gg_i_record_xref(k->rec, s + p.target, p.target_end - p.target, from);
	return 0;
}

/*
 * Render inline Markdown of s[0..n) (at: its text position, or SIZE_MAX):
 * emphasis markers and link syntax dropped, backslash escapes undone,
 * code spans kept as written, backticks included, so they stay marked (but
 * for a table cell's "\\|", a '|' there too; in a name, without the
 * backticks); raw HTML as raw_html_at says, character references
 * decoded; in a MyST file, roles as render_role says.
 */
static int render(sink *k, const char *s, size_t n, size_t at)
{
	size_t i = 0, run = 0; /* s[run..i) is plain text not yet emitted */
	int err = 0;
#define FLUSH() do { if (i > run) emit(k, s + run, i - run, at == SIZE_MAX ? at : at + run); } while (0)
#define AT(x) (at == SIZE_MAX ? at : at + (x))
	if (k->in_comment) { /* a comment opened on an earlier line */
		while (i + 3 <= n && memcmp(s + i, "-->", 3) != 0)
			i++;
		if (i + 3 > n)
			return 0;
		i = run = i + 3;
		k->in_comment = false;
	}
	while (i < n && !err) {
		char c = s[i];
		size_t end = 0, len, role, role_end_at, content, content_end;
		unsigned char decoded[4];
		if (c == '<') {
			raw_html raw = raw_html_at(s, i, n, &end);
			bool open = raw == RAW_COMMENT && (end < i + 7 || memcmp(s + end - 3, "-->", 3) != 0);
			if (raw == RAW_NONE || (open && (at == SIZE_MAX || !closes_comment(k->m->src->text, at + n,
											  k->text_end)))) {
				i++; /* no tag, or a comment never closed: text */
				continue;
			}
			FLUSH();
			if (raw == RAW_BREAK || (raw == RAW_CODE && !k->name))
				emit(k, raw == RAW_BREAK ? " " : "`", 1, AT(i));
			else if (raw == RAW_TAG && exponent_at(s, i, end, n))
				emit(k, "^", 1, AT(i));
			else if (raw == RAW_AUTOLINK)
				emit(k, s + i + 1, end - i - 2, AT(i + 1));
			k->in_comment = open;
			i = run = end;
		} else if (c == '&' && (len = entity_at(s, i, n, decoded, &end)) > 0) {
			FLUSH();
			emit(k, (const char *)decoded, len, AT(i));
			i = run = end;
		} else if (c == '\\' && i + 1 < n && is_punct(s[i + 1])) {
			FLUSH();
			run = i + 1;
			i += 2;
		} else if (c == '`') {
			size_t r = 0;
			while (i + r < n && s[i + r] == '`')
				r++;
			end = code_span_end(s, i + r, n, r);
			if (!end) { /* no closing run: the backticks are text */
				i += r;
				continue;
			}
			if (k->name) { /* a name's code span: its text, without the backticks */
				FLUSH();
				run = i + r;
			}
			for (size_t j = i + r; k->in_cell && j + 1 < end; j++)
				if (s[j] == '\\' && s[j + 1] == '|') {
					i = j;
					FLUSH();
					run = ++j;
				}
			i = k->name ? end - r : end;
			if (k->name) {
				FLUSH();
				i = run = end;
			}
		} else if (c == '{' && k->m->myst && (end = role_end(s, i, n, &role, &role_end_at, &content, &content_end)) != 0) {
			FLUSH();
			err = render_role(k, s, role, role_end_at, content, content_end, at);
			i = run = end;
		} else if (c == '{' && i + 2 < n && s[i + 1] == '{' && (s[i + 2] == '<' || s[i + 2] == '%')) {
			FLUSH();
			end = render_shortcode(k, s, i, n, at, &err);
			if (end)
				i = run = end;
			else
				run = i++;
		} else if (c == '[' && (end = footnote_ref_end(k->m, s, i, n)) != 0) {
			FLUSH(); /* a note's reference: the page's apparatus, not text */
			i = run = end;
		} else if (!k->in_link && (c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '['))) {
			size_t open = c == '!' ? i + 1 : i;
			FLUSH();
			end = render_link(k, s, open, n, at, &err);
			if (end) {
				i = run = end;
			} else {
				run = i;
				i = open + 1;
			}
		} else if (c == '*' || c == '_') {
			size_t r = 0;
			while (i + r < n && s[i + r] == c)
				r++;
			bool before = i > 0 && !is_space(s[i - 1]);
			bool after = i + r < n && !is_space(s[i + r]);
			bool marker = c == '*' ? (before || after)
				: !(before && after && !is_punct(s[i - 1]) && !is_punct(s[i + r]));
			if (marker && (before || after)) {
				FLUSH();
				run = i + r;
			}
			i += r;
		} else {
			i++;
		}
	}
	FLUSH();
#undef FLUSH
#undef AT
	return err;
}

/* The text positions [a, b) (a table cell's when in_cell) rendered as a
 * name into out; NULL when out of memory. */
static const char *render_name(md_reader *m, size_t a, size_t b, bool in_cell, gg_i_buf *out)
{
	sink k = { m, NULL, out, false, in_cell, true, false, 0 };
	gg_i_buf_clear(out);
	size_t n = b - a;
	const char *s = gg_i_trim(m->src->text + a, &n);
	render(&k, s, n, SIZE_MAX);
	return gg_i_buf_ok(out) ? NULL : (out->ptr ? out->ptr : "");
}

/* The rendered name on line l (a heading's, a bold item's, a term line's). */
static const char *name_line_text(md_reader *m, const md_line *l, gg_i_buf *out)
{
	bool named = l->kind == LINE_BOLD || l->kind == LINE_ABBR;
	size_t a = named ? l->name : l->body, b = named ? l->name_end : l->end;
	if (l->glossary) /* a glossary term's " : classifier" */
		b = gg_i_term_end(m->src->text, a, b);
	return render_name(m, a, b, false, out);
}

/* The rendered name of entry me on its line k: a table row's term cell, else the line's. */
static const char *entry_name_text(md_reader *m, const md_entry *me, size_t k, gg_i_buf *out)
{
	if (!me->table)
		return name_line_text(m, &m->lines[k], out);
	const md_table *tb = &m->tables[me->table - 1];
	md_cell cells[GG_TABLE_MAX_COLUMNS];
	size_t n = row_cells(m, &m->lines[k], cells);
	for (size_t c = 0; c < n && c < tb->n_columns; c++)
		if (tb->columns[c] == GG_FIELD_TERM)
			return render_name(m, cells[c].start, cells[c].end, true, out);
	return render_name(m, 0, 0, true, out);
}

/* Index every entry's names by slug, so links can point forward. */
static int index_slugs(md_reader *m)
{
	gg_i_buf name = GG_BUF_INIT, slug = GG_BUF_INIT;
	int err = 0;
	for (size_t e = 0; e < m->n_entries && !err; e++) {
		const md_entry *me = &m->entries[e];
		for (size_t k = me->first_name; k < me->first_name + me->n_names && !err; k++) {
			const char *s = entry_name_text(m, me, k, &name);
			size_t n = name.len;
			if (!s)
				break;
			s = gg_i_trim(s, &n);
			gg_i_buf_clear(&slug);
			slug_append(&slug, s, n);
			const char *term = k == me->first_name ? gg_i_arena_strndup(&m->src->g->arena, s, n) : m->terms[m->n_terms - 1];
			char *key = gg_i_buf_ok(&slug) ? NULL : gg_i_arena_strndup(&m->src->g->arena, slug.ptr ? slug.ptr : "", slug.len);
			if (!term || !key) {
				err = gg_i_error_oom();
				break;
			}
			if (k == me->first_name) {
				if ((err = GG_ARRAY_PUSH_SLOT(m->terms, m->n_terms, m->cap_terms)))
					break;
				m->terms[m->n_terms++] = term;
			}
			if (gg_i_strmap_put(&m->slugs, key, (uint32_t)(m->n_terms - 1), NULL) < 0)
				err = GG_ENOMEM;
		}
	}
	if (!err && (gg_i_buf_ok(&name) || gg_i_buf_ok(&slug)))
		err = gg_i_error_oom();
	gg_i_buf_free(&name);
	gg_i_buf_free(&slug);
	return err;
}

/*
 * A table row into rec: the term cell first (so that aliases follow it),
 * then the other cells by their columns; the definition's cell is rendered
 * with its links. `name` is scratch. 0 or an error.
 */
static int read_row(md_reader *m, const md_entry *me, gg_i_record *rec, gg_i_buf *name)
{
	const md_table *tb = &m->tables[me->table - 1];
	md_cell cells[GG_TABLE_MAX_COLUMNS];
	size_t n = row_cells(m, &m->lines[me->first_name], cells);
	sink k = { m, rec, NULL, false, true, false, false, 0 };
	int err = 0;
	for (int pass = 0; pass < 2 && !err; pass++)
		for (size_t c = 0; c < n && c < tb->n_columns && !err; c++) {
			gg_i_field f = tb->columns[c];
			if (f == GG_FIELD_NONE || (pass == 0) != (f == GG_FIELD_TERM))
				continue;
			if (f == GG_FIELD_DEFINITION) {
				if (rec->definition.len) /* a second definition column goes on after a space */
					gg_i_record_text(rec, "\n", 1, SIZE_MAX);
				err = render(&k, m->src->text + cells[c].start, cells[c].end - cells[c].start,
					     cells[c].start);
				continue;
			}
			const char *s = render_name(m, cells[c].start, cells[c].end, true, name);
			err = s ? gg_i_record_field(rec, f, s, name->len, cells[c].start) : gg_i_error_oom();
		}
	return err;
}

/* Words of an abbreviation's text past this many make no name of it. */
#define MAX_EXPANSION_WORDS 8

/*
 * The names of abbreviation line l: when its text is only what the
 * abbreviation spells out ("*[HTML]: Hyper Text Markup Language": a few
 * words, no sentence, the letters of HTML in order), that text is the
 * term and the abbreviation its abbreviation, as "Hyper Text Markup
 * Language (HTML)" would give; else the abbreviation is the term. 0 or
 * GG_ENOMEM.
 */
static int read_abbreviation(md_reader *m, const md_line *l, gg_i_record *rec)
{
	gg_i_buf abbr = GG_BUF_INIT, full = GG_BUF_INIT;
	const char *a = render_name(m, l->name, l->name_end, false, &abbr);
	const char *f = a ? render_name(m, l->body, l->end, false, &full) : NULL;
	int err = f ? 0 : gg_i_error_oom();
	size_t words = 0;
	bool sentence = false;
	for (size_t i = 0; f && i < full.len; i++) {
		words += i == 0 || (full.ptr[i - 1] == ' ' && full.ptr[i] != ' ');
		sentence = sentence || strchr(".,;:!?()", full.ptr[i]);
	}
	if (f && words <= MAX_EXPANSION_WORDS && !sentence && gg_i_name_is_abbrev_of(a, abbr.len, f, full.len)) {
		gg_i_record_name(rec, f, full.len);
		gg_i_record_abbrev(rec, a, abbr.len);
	} else if (a) {
		gg_i_record_name(rec, a, abbr.len);
	}
	gg_i_buf_free(&abbr);
	gg_i_buf_free(&full);
	return err;
}

/* The definition lines of entry me into rec (fenced blocks as code spans). 0 or an error. */
static int read_definition(md_reader *m, gg_i_record *rec, const md_entry *me)
{
	const char *t = m->src->text;
	sink k = { m, rec, NULL, false, false, false, false,
		   me->def_end > me->def_first ? m->lines[me->def_end - 1].end : 0 };
	bool in_fence = false; /* a fenced block reads as one code span: `code` */
	size_t fence_at = 0;   /* where the last fence opened or closed */
	int err = 0;
	for (size_t i = me->def_first; i < me->def_end && !err; i++) {
		const md_line *l = &m->lines[i];
		bool opened = i > me->def_first && m->lines[i - 1].kind == LINE_FENCE && in_fence;
		if (i > me->def_first && !opened && !(l->kind == LINE_FENCE && in_fence))
			gg_i_record_text(rec, "\n", 1, SIZE_MAX);
		if (l->kind == LINE_FENCE) {
			fence_at = l->start + l->indent;
			gg_i_record_text(rec, "`", 1, fence_at);
			in_fence = !in_fence;
		} else if (l->kind == LINE_CODE) { /* in a glossary directive, set in as its definition is */
			size_t from = l->glossary ? l->body : l->start;
			gg_i_record_text(rec, t + from, l->end - from, from);
		} else if (l->kind != LINE_BLANK && !(l->kind == LINE_ABBR && i != me->first_name)) {
			/* a bold line opens its own entry, or is text of another */
			size_t from = l->kind == LINE_BOLD && i != me->first_name ? l->start + l->indent : l->body;
			err = render(&k, t + from, l->end - from, from);
		}
	}
	if (in_fence) /* a code block the definition's end cuts off: closed where it opened */
		gg_i_record_text(rec, "`", 1, fence_at);
	return err;
}

/* Add entry me (its name lines and definition) to the glossary. Returns 0 or the error of adding it. */
static int read_entry(md_reader *m, const md_entry *me)
{
	gg_i_record rec;
	gg_i_buf name = GG_BUF_INIT;
	int err = 0;
	gg_i_record_init(&rec, m->src, m->lines[me->first_name].start);
	bool abbreviation = m->lines[me->first_name].kind == LINE_ABBR;
	if (abbreviation && (err = read_abbreviation(m, &m->lines[me->first_name], &rec)))
		goto cleanup;
	for (size_t k = me->first_name; k < me->first_name + me->n_names && !me->table && !abbreviation; k++) {
		const char *s = name_line_text(m, &m->lines[k], &name);
		if (!s) {
			err = gg_i_error_oom();
			goto cleanup;
		}
		gg_i_record_name(&rec, s, name.len);
	}
	if (me->table && (err = read_row(m, me, &rec, &name)))
		goto cleanup;
	if (me->category != SIZE_MAX) {
		const md_line *h = &m->lines[me->category];
		const char *s = name_line_text(m, h, &name);
		if (!s) {
			err = gg_i_error_oom();
			goto cleanup;
		}
		gg_i_record_category(&rec, s, name.len);
	}
	err = read_definition(m, &rec, me);
	if (!err)
		err = gg_i_record_finish(&rec);
cleanup:
	gg_i_record_free(&rec);
	gg_i_buf_free(&name);
	return err;
}

/*
 * A definition from front matter, v (a string, or a list of paragraphs),
 * into rec: decoded text has no place of its own in the file, so each
 * character is placed at `at` (its key's line) plus its position, but no
 * further than `last` (the front matter's end).
 */
static void put_front_definition(gg_i_record *rec, json_t *v, size_t at, size_t last)
{
	size_t i;
	json_t *item;
	if (json_is_array(v)) {
		json_array_foreach(v, i, item) {
			if (i)
				gg_i_record_text(rec, "\n", 1, SIZE_MAX);
			put_front_definition(rec, item, at, last);
		}
		return;
	}
	const char *t = json_is_string(v) ? json_string_value(v) : "";
	size_t n = json_is_string(v) ? json_string_length(v) : 0;
	for (i = 0; i < n;) {
		size_t len = 1;
		while (i + len < n && ((unsigned char)t[i + len] & 0xC0) == 0x80)
			len++;
		gg_i_record_text(rec, t + i, len, at + i < last ? at + i : last);
		i += len;
	}
}

/*
 * A page that is one entry, as a static site keeps a glossary (a page per
 * term): its front matter's fields by their names (title, aliases, tags,
 * as a YAML glossary's) and its text as the definition, or the front
 * matter's definition (description) when the page has no text. Read when
 * the page has no entries of its own and its YAML front matter names a
 * term; the entry is on the line of its term. 0 or an error.
 */
static int read_front_entry(md_reader *m)
{
	gg_i_source *src = m->src;
	gg_i_yaml_tree tree;
	char why[256];
	uint32_t line = 0;
	size_t term_at = SIZE_MAX, *starts = NULL, n_starts = 0, k = 0;
	int err = gg_i_yaml_load(src, src->lines[1], src->lines[m->front_lines - 1], &tree, why, sizeof(why), &line);
	if (err == GG_I_NOT_YAML) {
		err = gg_i_glossary_warn(src->g, src->name, line, "front matter that is no YAML (%s) passed over", why);
		goto cleanup;
	}
	if (err || !json_is_object(tree.root))
		goto cleanup;
	bool text = false;
	for (size_t i = m->front_lines; i < m->n_lines && !text; i++)
		text = m->lines[i].kind != LINE_BLANK;
	const char *key;
	json_t *v, *tmp;
	if (!(starts = gg_i_yaml_member_starts(&tree, src, tree.root, NULL, 0, SIZE_MAX, &n_starts))) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	json_object_foreach(tree.root, key, v) {
		if (gg_i_field_named(key, strlen(key)) == GG_FIELD_TERM && json_is_string(v)) {
			term_at = k < n_starts ? starts[k] : 0;
			break;
		}
		k++;
	}
	if (term_at == SIZE_MAX)
		goto cleanup;
	gg_i_record rec;
	gg_i_record_init(&rec, src, term_at);
	md_entry me = { 0, 0, m->front_lines, m->n_lines, SIZE_MAX, 0 };
	k = 0;
	json_object_foreach_safe(tree.root, tmp, key, v) {
		size_t at = k < n_starts ? starts[k] : 0;
		k++;
		if (gg_i_field_named(key, strlen(key)) != GG_FIELD_DEFINITION)
			continue;
		if (!text) /* the front matter's definition, when the page's text gives none */
			put_front_definition(&rec, v, at, src->lines[m->front_lines - 1] - 1);
		json_object_del(tree.root, key);
	}
	err = gg_i_tree_fields(&rec, tree.root, false);
	err = err ? err : read_definition(m, &rec, &me);
	err = err ? err : gg_i_record_finish(&rec);
	gg_i_record_free(&rec);
cleanup:
	free(starts);
	gg_i_yaml_free(&tree);
	return err;
}

/*
 * How many different terms the entries found (m->entries) name, case
 * aside: "**Example:**" opening a paragraph under heading after heading is
 * one term, however many entries it makes. SIZE_MAX when out of memory.
 */
static size_t distinct_names(md_reader *m)
{
	gg_i_name_count count = GG_NAME_COUNT_INIT;
	gg_i_buf name = GG_BUF_INIT;
	bool failed = false;
	for (size_t e = 0; e < m->n_entries && !failed; e++) {
		const char *s = entry_name_text(m, &m->entries[e], m->entries[e].first_name, &name);
		if (s)
			gg_i_name_count_add(&count, s, name.len);
		failed = !s;
	}
	gg_i_buf_free(&name);
	size_t distinct = gg_i_name_count_finish(&count);
	return failed ? SIZE_MAX : distinct;
}

/* qsort order of entries: by their first line. */
static int compare_entries(const void *x, const void *y)
{
	size_t a = ((const md_entry *)x)->first_name, b = ((const md_entry *)y)->first_name;
	return a < b ? -1 : a > b;
}

/*
 * The abbreviation lines as entries, with those of the layout read, in
 * file order: whatever the layout, "*[HTML]: ..." defines a term. Returns
 * 0 or GG_ENOMEM.
 */
static int add_abbreviations(md_reader *m)
{
	size_t before = m->n_entries;
	for (size_t k = 0; k < m->n_lines; k++)
		if (m->lines[k].kind == LINE_ABBR && push_entry(m, (md_entry){ k, 1, k, k + 1, SIZE_MAX, 0 }))
			return GG_ENOMEM;
	if (m->n_entries > before && before)
		qsort(m->entries, m->n_entries, sizeof(*m->entries), compare_entries);
	return 0;
}

int gg_i_read_markdown(gg_glossary *g, const char *name, char *data, size_t len)
{
	gg_i_source src;
	md_reader m = { &src, NULL, 0, NULL, 0, 0, NULL, 0, 0, GG_STRMAP_INIT, NULL, 0, 0, GG_STRMAP_INIT, GG_ARENA_INIT, 0, false, 0, false };
	int err = gg_i_source_open(&src, g, name, data, len);
	if (err || (err = scan_lines(&m)))
		goto cleanup;
	size_t titles = 0;
	for (size_t k = 0; k < m.n_lines; k++)
		titles += m.lines[k].kind == LINE_HEADING && m.lines[k].level == 1;
	/* each layout on its own: lists, unless headings name more different
	 * terms ("**Note**: ..." inside one heading's text after another does
	 * not make a list glossary); tables, when they name more than twice as
	 * many as those (a data table inside a heading glossary does not make
	 * a table one) */
	int (*const finders[])(md_reader *, size_t) = { find_list_entries, find_heading_entries,
							find_table_entries }; /* tables last */
	enum { LAYOUTS = sizeof(finders) / sizeof(*finders) };
	md_entry *found[LAYOUTS] = { NULL };
	size_t counts[LAYOUTS] = { 0 }, terms[LAYOUTS] = { 0 }, best = 0;
	if (m.glossaries && !(err = find_glossary_entries(&m, titles)) && m.n_entries) {
		found[0] = m.entries; /* MyST glossary directives: their entries alone */
		counts[0] = m.n_entries;
	} else {
		free(m.entries);
	}
	bool glossary = counts[0] != 0;
	m.entries = NULL;
	m.n_entries = m.cap_entries = 0;
	for (size_t k = 0; k < LAYOUTS && !err && !glossary; k++) {
		err = finders[k](&m, titles);
		if (!err && (terms[k] = distinct_names(&m)) == SIZE_MAX)
			err = gg_i_error_oom();
		found[k] = m.entries;
		counts[k] = m.n_entries;
		m.entries = NULL;
		m.n_entries = m.cap_entries = 0;
		if (terms[k] > (k == LAYOUTS - 1 ? 2 : 1) * terms[best])
			best = k;
	}
	for (size_t k = 0; k < LAYOUTS; k++)
		if (k != best || err)
			free(found[k]);
	if (err)
		goto cleanup;
	m.entries = found[best];
	m.n_entries = m.cap_entries = counts[best];
	if ((err = add_abbreviations(&m)) || (err = index_slugs(&m)))
		goto cleanup;
	for (size_t e = 0; e < m.n_entries && !err; e++)
		err = read_entry(&m, &m.entries[e]);
	size_t before = g->n_entries;
	if (!err && !m.n_entries && m.front_yaml)
		err = read_front_entry(&m);
	if (!err && !m.n_entries && g->n_entries == before)
		err = gg_i_glossary_warn(g, name, 0, "%s", src.len ? "no entries in this file (no definition list, bold list, headings with text, table or abbreviation)"
								: "empty file");
cleanup:
	free(m.lines);
	free(m.entries);
	free(m.terms);
	free(m.tables);
	gg_i_strmap_free(&m.slugs);
	gg_i_strmap_free(&m.notes);
	gg_i_arena_free(&m.note_labels);
	gg_i_source_close(&src);
	return err;
}
