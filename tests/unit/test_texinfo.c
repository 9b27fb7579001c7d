/* test_texinfo.c - the Texinfo reader: tables of entries, references, what is text and what is left out. */
#include "suites.h"
#include "glossgraph.h"

#include <string.h>

/*
 * Two chapters of tables: "@itemx" aliases, an anchor before an "@item"
 * and the references to it, to a node, to an unknown node (by its text)
 * and to another manual; code, a value, a superscript, a footnote, an
 * example; accents, glyphs, quotes and dashes; a nested list and table
 * that are text; menus, comments, index entries and "@ignore" left out;
 * "@include" said not to be read.
 */
static void test_texinfo_glossary(void)
{
	const char doc[] =
		"\\input texinfo\n"                                                     /* 1 */
		"@setfilename t.info\n"                                                /* 2 */
		"@set TOOL make\n"                                                     /* 3 */
		"@node Top\n"                                                          /* 4 */
		"@top Terms\n"                                                         /* 5 */
		"@menu\n* Jobs:: the jobs\n@end menu\n"                                /* 6-8 */
		"@node Jobs\n"                                                         /* 9 */
		"@chapter Jobs\n"                                                      /* 10 */
		"@c a comment\n"                                                       /* 11 */
		"@table @asis\n"                                                       /* 12 */
		"@item Batch job\n"                                                    /* 13 */
		"@itemx batch\n"                                                       /* 14 */
		"@cindex batch\n"                                                      /* 15 */
		"Work run by @command{cron} on a @ref{Node,,node}, 10@sup{3} a day@footnote{Or more.};\n"
		"@pxref{Scheduler}.  Built with @value{TOOL} and @code{@var{file}.c}.\n" /* 17 */
		"\n"
		"@example\na Node in code\n@end example\n"                             /* 19-21 */
		"\n"
		"@anchor{Node}\n"                                                      /* 23 */
		"@item Node\n"                                                         /* 24 */
		"A machine: @xref{Jobs}, and @ref{Grid,,,grid,Grid Manual}.  @'Ecole @'{e}t@'e @dots{} "
		"``quoted'' -- @email{a@@b.org}\n"                                     /* 25 */
		"\n"
		"@item Scheduler\n"                                                    /* 27 */
		"Places each @dfn{job} --- see @ref{Batch job}.  @acronym{CPU, central processing unit} time.\n"
		"@itemize @bullet\n@item\na list item\n@end itemize\n"                /* 29-32 */
		"@table @code\n@item nested\nnot an entry\n@end table\n"              /* 33-36 */
		"@end table\n"                                                         /* 37 */
		"@node Other\n"
		"@chapter Other\n"
		"@ignore\n@table @asis\n@item Hidden\nNot read.\n@end table\n@end ignore\n"
		"@include more.texi\n"
		"@table @asis\n"
		"@item Host\n"
		"See Node.\n"
		"@end table\n"
		"@bye\n";
	gg_glossary *g = read_built("t.texi", doc, sizeof(doc) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);
	const gg_entry *job = entry_named(g, "Batch job"), *node = entry_named(g, "Node"),
		       *sched = entry_named(g, "Scheduler");
	CU_ASSERT_PTR_NOT_NULL_FATAL(job);
	CU_ASSERT_PTR_NOT_NULL_FATAL(node);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sched);
	CU_ASSERT_PTR_NULL(entry_named(g, "nested"));
	CU_ASSERT_PTR_NULL(entry_named(g, "Hidden"));
	CU_ASSERT_EQUAL(job->line, 13);
	CU_ASSERT_EQUAL(node->line, 24);
	CU_ASSERT_EQUAL(sched->line, 27);
	CU_ASSERT_STRING_EQUAL(job->definition, "Work run by `cron` on a node, 10^3 a day; see Scheduler. "
						"Built with make and `file.c`. `a Node in code`");
	CU_ASSERT_STRING_EQUAL(node->definition, "A machine: See Jobs, and Grid. \xC3\x89" "cole \xC3\xA9t\xC3\xA9 "
						 "\xE2\x80\xA6 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 `a@b.org`");
	CU_ASSERT_STRING_EQUAL(sched->definition, "Places each job \xE2\x80\x94 see Batch job. CPU (central "
						  "processing unit) time. a list item nested: not an entry");
	/* "@ref{Node,,node}" by its anchor, "@pxref{Scheduler}" (no such node) by its text;
	 * a node and another manual are no links */
	CU_ASSERT_EQUAL_FATAL(job->n_xrefs, 2);
	CU_ASSERT_STRING_EQUAL(job->xrefs[0].target, "Node");
	CU_ASSERT_STRING_EQUAL(job->xrefs[1].target, "Scheduler");
	CU_ASSERT_EQUAL(node->n_xrefs, 0);
	CU_ASSERT_EQUAL_FATAL(sched->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(sched->xrefs[0].target, "Batch job");
	CU_ASSERT_EQUAL_FATAL(job->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(job->categories[0], "Jobs");
	size_t a, b;
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "batch"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "batch job"), 0);
	CU_ASSERT_EQUAL(a, b);
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "host"), 0); /* "See Node." joins Node */
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "node"), 0);
	CU_ASSERT_EQUAL(a, b);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "'@include more.texi' is not read"), 1);
	gg_glossary_free(g);
}

/*
 * A glossary chapter without the file's header (a file a manual
 * includes): one section per letter names no category; an anchor after
 * the item lines; a table in a quotation is still the glossary's, one in
 * a list is not; "@iftex" and "@ifinfo" left out, "@ifhtml" read.
 */
static void test_texinfo_chapter(void)
{
	const char doc[] =
		"@node Glossary\n"
		"@appendix Glossary\n"
		"@section A\n"
		"@table @strong\n"
		"@item Alpha\n"
		"@anchor{alpha}\n"
		"First; @ref{beta}.\n"
		"@end table\n"
		"@section B\n"
		"@quotation\n"
		"@table @asis\n"
		"@item Beta\n"
		"@iftex\nTeX only.\n@end iftex\n"
		"@ifinfo\nInfo only.\n@end ifinfo\n"
		"@ifhtml\nSecond, after @ref{alpha,,Alpha}.\n@end ifhtml\n"
		"@end table\n"
		"@end quotation\n"
		"@anchor{beta}\n"
		"@itemize\n@item x\n@table @asis\n@item Gamma\nIn a list.\n@end table\n@end itemize\n";
	gg_glossary *g = read_built("glossary.texi", doc, sizeof(doc) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	const gg_entry *alpha = entry_named(g, "Alpha"), *beta = entry_named(g, "Beta");
	CU_ASSERT_PTR_NOT_NULL_FATAL(alpha);
	CU_ASSERT_PTR_NOT_NULL_FATAL(beta);
	CU_ASSERT_EQUAL(alpha->n_categories, 0);
	CU_ASSERT_STRING_EQUAL(alpha->definition, "First; beta.");
	CU_ASSERT_STRING_EQUAL(beta->definition, "Second, after Alpha.");
	/* "beta" anchors the list after the table, no entry: a link to it is text */
	CU_ASSERT_EQUAL(alpha->n_xrefs, 0);
	CU_ASSERT_EQUAL_FATAL(beta->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(beta->xrefs[0].target, "Alpha");
	gg_glossary_free(g);
}

/* A file without a table, an empty one, and braces left open: warned of, nothing read, nothing lost from the rest. */
static void test_texinfo_no_entries(void)
{
	const char none[] = "\\input texinfo\n@node Top\n@top Notes\nJust @emph{text}.\n@bye\n";
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "notes.texi", none, sizeof(none) - 1), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "no entries in this file (no two-column table"), 1);
	gg_glossary_free(g);
	const char open[] = "@table @asis\n@item Term @code{x\nText with @emph{no end and @{ @} @@.\n@end table\n";
	g = read_built("open.texi", open, sizeof(open) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *term = entry_named(g, "Term x");
	CU_ASSERT_PTR_NOT_NULL_FATAL(term);
	CU_ASSERT_STRING_EQUAL(term->definition, "Text with no end and { } @.");
	gg_glossary_free(g);
}

/*
 * What GNU manuals write: code with dashes and variables, an example with
 * commands and grouping, "@ifset"/"@ifclear" after "@clear", "@deffn" and
 * "@quotation" headings; a reference to a node of another file is a link
 * only when its text names an entry.
 */
static void test_texinfo_manual(void)
{
	const char doc[] =
		"@clear FLAG\n"
		"@table @asis\n"
		"@item @option{--output=@var{file}}\n"
		"Writes ``here'' to @code{@var{file}--name}.\n"
		"@smallexample\n@group\n(setq foo @{bar@}) ; @var{file}.c @dots{}\n@end group\n@end smallexample\n"
		"@ifset FLAG\nFlag is set.\n@end ifset\n"
		"@ifclear FLAG\nFlag is clear.\n@end ifclear\n"
		"@deffn Command forward-word n\nMoves forward.\n@end deffn\n"
		"@quotation Note\nA note.\n@end quotation\n"
		"@xref{Mark}, and @ref{Other term}.\n"
		"@item Other term\n"
		"Second.\n"
		"@end table\n";
	gg_glossary *g = read_built("manual.texi", doc, sizeof(doc) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *e = entry_named(g, "--output=file");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_STRING_EQUAL(e->definition,
			       "Writes \xE2\x80\x9Chere\xE2\x80\x9D to `file--name`. `(setq foo {bar}) ; file.c \xE2\x80\xA6` "
			       "Flag is clear. Command forward-word n Moves forward. Note: A note. See Mark, and Other term.");
	CU_ASSERT_EQUAL_FATAL(e->n_xrefs, 1); /* "Mark" names no entry */
	CU_ASSERT_STRING_EQUAL(e->xrefs[0].target, "Other term");
	gg_glossary_free(g);

	/* a redirect by an anchor whose name is no term's joins the entry the anchor is on, unwarned */
	const char see[] = "@table @asis\n@item Argument\n@xref{Glossary---Numeric Argument}.\n"
			   "@anchor{Glossary---Numeric Argument}\n@item Numeric Argument\nA number given to a command.\n"
			   "@end table\n";
	g = read_built("see.texi", see, sizeof(see) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	size_t a, b;
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "argument"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "numeric argument"), 0);
	CU_ASSERT_EQUAL(a, b);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "which names no entry"), 0);
	gg_glossary_free(g);
}

CU_ErrorCode suite_texinfo_add(void)
{
	CU_pSuite s = CU_add_suite("Texinfo reader", NULL, NULL);
	if (!s || !CU_add_test(s, "a glossary: items, references, text and what is left out", test_texinfo_glossary) ||
	    !CU_add_test(s, "a glossary chapter: letters, anchors, blocks", test_texinfo_chapter) ||
	    !CU_add_test(s, "no table, braces left open", test_texinfo_no_entries) ||
	    !CU_add_test(s, "what manuals write: code, examples, conditions, headings", test_texinfo_manual))
		return CU_get_error();
	return CUE_SUCCESS;
}
