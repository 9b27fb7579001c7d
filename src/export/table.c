/* table.c - the edge list as TSV or CSV: one row per edge with its evidence. */
#include "export/export.h"
#include "core/error.h"

#include <string.h>

/*
 * Columns, in order:
 *   source, target    the concepts' display names
 *   weight            mentions
 *   kind, rule        as in export.h
 *   evidence          "file:offset: snippet" of the first mention
 *   evidence_file, evidence_line, evidence_offset, surface, snippet
 *                     the same evidence split up (line: of the entry's header)
 *   specificity, cued, score  the linker's measures (score: README, "Linking")
 *   held              why the linker held the edge back ("" when kept);
 *                     only when held edges are exported
 * Cells never hold TAB, CR or LF (they become spaces). CSV quotes a cell
 * with a comma or a double quote as RFC 4180 says; TSV quotes, the same
 * way, only a cell that begins with a double quote, so that csv-aware
 * readers (Python's csv, pandas) do not take it for a quoted cell. A text
 * cell that a spreadsheet would run as a formula begins with ' (see
 * gg_i_table_cell).
 */
static const char *const columns[] = {
	"source", "target", "weight", "kind", "rule", "evidence", "evidence_file",
	"evidence_line", "evidence_offset", "surface", "snippet", "specificity", "cued",
	"score",
};

/* Whether a spreadsheet would take a cell that begins with c for a formula
 * (or c is the guard itself). */
static bool needs_guard(char c)
{
	return c && strchr("=+-@'\t\r", c) != NULL;
}

void gg_i_table_cell(FILE *f, const char *s, gg_i_cell_style style)
{
	bool guard = needs_guard(s[0]);
	bool quote = style == GG_I_CELL_TSV ? !guard && s[0] == '"' : strpbrk(s, ",\"") != NULL;
	if (!quote) {
		if (guard)
			fputc('\'', f);
		fputs(s, f);
		return;
	}
	fputc('"', f);
	if (guard)
		fputc('\'', f);
	for (; *s; s++) {
		size_t run = strcspn(s, "\"\\");
		if (run) { /* the text up to the next quote or backslash, in one write */
			fwrite(s, 1, run, f);
			s += run - 1;
			continue;
		}
		if (*s == '"')
			fputc('"', f);
		if (*s == '\\' && style == GG_I_CELL_NEO4J && (s[1] == '"' || !s[1]))
			fputs("\xE2\xA7\xB5", f); /* U+29F5 */
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

int gg_i_write_table(FILE *f, const gg_i_view *v, char sep)
{
	gg_i_edge_text e = { 0 };
	gg_i_buf source = GG_BUF_INIT, target = GG_BUF_INIT;
	bool held = v->options->with_held;
	gg_i_cell_style style = sep == '\t' ? GG_I_CELL_TSV : GG_I_CELL_CSV;
	char num[GG_I_NUMBER_MAX];
	int err = 0;

	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		if (c)
			fputc(sep, f);
		fputs(columns[c], f);
	}
	if (held)
		fprintf(f, "%cheld", sep);
	fputc('\n', f);

	for (size_t i = 0; i < v->n_edges && !err; i++) {
		if ((err = gg_i_edge_text_fill(&e, v, i)) != 0)
			break;
		gg_i_buf_clear(&source);
		gg_i_buf_clear(&target);
		gg_i_clean(&source, gg_graph_node(v->graph, e.from)->name);
		gg_i_clean(&target, gg_graph_node(v->graph, e.to)->name);
		if ((err = gg_i_buf_ok(&source)) != 0 || (err = gg_i_buf_ok(&target)) != 0)
			break;
		gg_i_table_cell(f, gg_i_str(&source), style);
		fputc(sep, f);
		gg_i_table_cell(f, gg_i_str(&target), style);
		fprintf(f, "%c%u%c%s%c%s%c", sep, (unsigned)e.edge->weight, sep,
			gg_edge_kind_name(e.edge->kind), sep, gg_match_rule_name(e.edge->rule), sep);
		gg_i_table_cell(f, gg_i_str(&e.evidence), style);
		fputc(sep, f);
		gg_i_table_cell(f, gg_i_str(&e.file), style);
		fprintf(f, "%c%u%c%llu%c", sep, e.entry ? (unsigned)e.entry->line : 0u, sep,
			(unsigned long long)e.edge->offset, sep);
		gg_i_table_cell(f, gg_i_str(&e.surface), style);
		fputc(sep, f);
		gg_i_table_cell(f, gg_i_str(&e.snippet), style);
		fprintf(f, "%c%s%c%s", sep, gg_i_number(num, e.edge->specificity),
			sep, e.edge->cued ? "true" : "false");
		fprintf(f, "%c%s", sep, gg_i_number(num, e.edge->score));
		if (held)
			fprintf(f, "%c%s", sep, gg_hold_reason_name(e.edge->held));
		fputc('\n', f);
	}
	gg_i_edge_text_free(&e);
	gg_i_buf_free(&source);
	gg_i_buf_free(&target);
	return err;
}
