/* test_docbook.c - the DocBook reader: DocBook 5 and 4, glossaries and glosslists, links, what is left out. */
#include "suites.h"
#include "glossgraph.h"

#include <string.h>

/*
 * DocBook 5 (a namespace, xml:id) with a glossary in an article: a
 * division as the category, acronyms, a link by glossterm linkend, an
 * xref shown as the term it points to, "see also" by otherterm, program
 * text as code, a superscript, a footnote and an index term left out; a
 * glosssee without otherterm; each entry on its term's line.
 */
static void test_docbook5(void)
{
	const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                /* 1 */
		"<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\">\n"          /* 2 */
		"<info><title>Notes</title></info>\n"                                          /* 3 */
		"<glossary xml:id=\"g\"><info><title>Glossary</title></info>\n"                /* 4 */
		"<glossdiv><title>Jobs</title>\n"                                              /* 5 */
		"<glossentry xml:id=\"job\">\n"                                                /* 6 */
		"  <glossterm>Batch job</glossterm><acronym>BJ</acronym>\n"                    /* 7 */
		"  <glossdef><para>Work run by <command>cron</command> on a\n"                /* 8 */
		"  <glossterm linkend=\"node\">node</glossterm>, 10<superscript>3</superscript> a day"
		"<footnote><para>Or more.</para></footnote><indexterm><primary>x</primary></indexterm>;"
		" see <xref linkend=\"sched\"/>.</para>\n"                                     /* 9 */
		"  <glossseealso otherterm=\"node\"/></glossdef></glossentry>\n"               /* 10 */
		"</glossdiv><glossdiv><title>Machines</title>\n"                               /* 11 */
		"<glossentry xml:id=\"node\"><glossterm>Node</glossterm>\n"                    /* 12 */
		"  <glossdef><para>A machine.</para></glossdef></glossentry>\n"                /* 13 */
		"<glossentry xml:id=\"sched\"><glossterm>Scheduler</glossterm>\n"              /* 14 */
		"  <glossdef><para>Places each <link linkend=\"job\">job</link>.</para></glossdef></glossentry>\n"
		"<glossentry><glossterm>Host</glossterm><glosssee>Node</glosssee></glossentry>\n" /* 16 */
		"</glossdiv></glossary></article>\n";
	gg_glossary *g = read_built("notes.xml", doc, sizeof(doc) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *job = entry_named(g, "Batch job (BJ)"), *node = entry_named(g, "Node"),
		       *sched = entry_named(g, "Scheduler");
	CU_ASSERT_PTR_NOT_NULL_FATAL(job);
	CU_ASSERT_PTR_NOT_NULL_FATAL(node);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sched);
	CU_ASSERT_EQUAL(job->line, 7);
	CU_ASSERT_EQUAL(node->line, 12);
	CU_ASSERT_EQUAL(sched->line, 14);
	CU_ASSERT_STRING_EQUAL(job->definition,
			       "Work run by `cron` on a node, 10^3 a day; see Scheduler. See also Node.");
	CU_ASSERT_EQUAL_FATAL(job->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(job->categories[0], "Jobs");
	CU_ASSERT_EQUAL_FATAL(job->n_xrefs, 3);
	CU_ASSERT_STRING_EQUAL(job->xrefs[0].target, "Node");
	CU_ASSERT_STRING_EQUAL(job->xrefs[1].target, "Scheduler");
	CU_ASSERT_STRING_EQUAL(job->xrefs[2].target, "Node");
	CU_ASSERT_EQUAL_FATAL(sched->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(sched->xrefs[0].target, "Batch job (BJ)");
	size_t a, b;
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "BJ"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "batch job"), 0);
	CU_ASSERT_EQUAL(a, b);
	/* "Host: See Node." joins Node */
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "host"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "node"), 0);
	CU_ASSERT_EQUAL(a, b);
	gg_glossary_free(g);
}

/* DocBook 4: a glosslist in a chapter, ids without a namespace (on an entry, on a term), abbreviations. */
static void test_docbook4_glosslist(void)
{
	const char doc[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE chapter PUBLIC \"-//OASIS//DTD DocBook XML V4.5//EN\" \"docbookx.dtd\">\n"
		"<chapter id=\"c\"><title>Terms</title><para>Intro.</para>\n"
		"<glosslist><glossentry id=\"t\"><glossterm>Tape</glossterm><abbrev>T</abbrev>"
		"<glossdef><para>Slow <glossterm linkend=\"d\">disk</glossterm>.</para></glossdef></glossentry>\n"
		"<glossentry><glossterm id=\"d\">Disk</glossterm><glossdef><para>Fast; see "
		"<xref linkend=\"t\"/>.</para></glossdef></glossentry>"
		"</glosslist></chapter>\n";
	gg_glossary *g = read_built("c.dbk", doc, sizeof(doc) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	const gg_entry *tape = entry_named(g, "Tape (T)");
	CU_ASSERT_PTR_NOT_NULL_FATAL(tape);
	CU_ASSERT_EQUAL(tape->line, 4);
	CU_ASSERT_EQUAL(tape->n_categories, 0);
	CU_ASSERT_EQUAL_FATAL(tape->n_xrefs, 1); /* to the id on Disk's term */
	CU_ASSERT_STRING_EQUAL(tape->xrefs[0].target, "Disk");
	const gg_entry *disk = entry_named(g, "Disk");
	CU_ASSERT_PTR_NOT_NULL_FATAL(disk);
	CU_ASSERT_STRING_EQUAL(disk->definition, "Fast; see Tape.");
	gg_glossary_free(g);
}

/* Not well-formed, or no glossary: skipped with a warning, nothing read. */
static void test_docbook_skipped(void)
{
	static const char *const docs[] = {
		"<?xml version=\"1.0\"?>\n<glossary><glossentry><glossterm>Cut",
		"<?xml version=\"1.0\"?>\n<article xmlns=\"http://docbook.org/ns/docbook\"><para>No terms.</para></article>\n",
	};
	static const char *const said[] = { "not a DocBook document", "no <glossary> or <glosslist>" };
	for (size_t k = 0; k < 2; k++) {
		gg_glossary *g = NULL;
		CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
		CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "x.dbk", docs[k], strlen(docs[k])), 0);
		CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
		CU_ASSERT_EQUAL(diagnostics_saying(g, said[k]), 1);
		gg_glossary_free(g);
	}
}

/*
 * What a document holds beyond the plain case: entities (declared in the
 * document, and DocBook's own names), a link and an xref to a section (no
 * entry: its text, the section's title), a glosssee to no entry, a
 * division in a division, an entry after the divisions, a listing as code,
 * a link inside a link; a second glossary without a title, whose entries
 * take no category of the first's.
 */
static void test_docbook_structure(void)
{
	const char doc[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE book PUBLIC \"-//OASIS//DTD DocBook XML V4.5//EN\" \"docbookx.dtd\" [\n"
		"<!ENTITY tool \"Frobnicator\">\n"
		"]>\n"
		"<book><chapter id=\"setup\"><title>Setting up</title><para>Text.</para></chapter>\n"
		"<glossary><title>Terms</title>\n"
		"<glossdiv><title>Parts</title>\n"
		"<glossentry id=\"knob\"><glossterm>Knob</glossterm><glossdef><para>Turns the &tool; &mdash; "
		"see <link linkend=\"setup\">setting up</link> and <xref linkend=\"setup\"/>;"
		" <link linkend=\"dial\">a <glossterm linkend=\"knob\">knob</glossterm> dial</link>.</para>"
		"<programlisting>knob --turn</programlisting></glossdef></glossentry>\n"
		"<glossdiv><title>Small parts</title>\n"
		"<glossentry id=\"dial\"><glossterm>Dial</glossterm><glossdef><para>Shows.</para></glossdef></glossentry>\n"
		"</glossdiv></glossdiv>\n"
		"<glossdiv><title>Wholes</title>\n"
		"<glossentry><glossterm>Gizmo</glossterm><glosssee otherterm=\"nowhere\"/></glossentry>\n"
		"</glossdiv>\n"
		"<glossentry><glossterm>Widget</glossterm><glossdef><para>A thing.</para></glossdef></glossentry>\n"
		"</glossary>\n"
		"<glossary><glossentry><glossterm>Gear</glossterm><glossdef><para>Turns.</para></glossdef>"
		"</glossentry></glossary></book>\n";
	gg_glossary *g = read_built("book.xml", doc, sizeof(doc) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *knob = entry_named(g, "Knob"), *dial = entry_named(g, "Dial"), *gizmo = entry_named(g, "Gizmo"),
		       *widget = entry_named(g, "Widget"), *gear = entry_named(g, "Gear");
	CU_ASSERT_PTR_NOT_NULL_FATAL(knob);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dial);
	CU_ASSERT_PTR_NOT_NULL_FATAL(gizmo);
	CU_ASSERT_PTR_NOT_NULL_FATAL(widget);
	CU_ASSERT_PTR_NOT_NULL_FATAL(gear);
	CU_ASSERT_STRING_EQUAL(knob->definition, "Turns the Frobnicator \xE2\x80\x94 see setting up and Setting up; "
						 "a knob dial. `knob --turn`");
	CU_ASSERT_EQUAL_FATAL(knob->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(knob->xrefs[0].target, "Dial");
	CU_ASSERT_EQUAL(knob->line, 8);
	CU_ASSERT_EQUAL_FATAL(dial->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(dial->categories[0], "Small parts");
	CU_ASSERT_STRING_EQUAL(gizmo->definition, "See nowhere.");
	CU_ASSERT_EQUAL(diagnostics_saying(g, "'nowhere', which names no entry"), 1);
	CU_ASSERT_EQUAL(widget->n_categories, 0);
	CU_ASSERT_EQUAL(gear->n_categories, 0);
	gg_glossary_free(g);
}

CU_ErrorCode suite_docbook_add(void)
{
	CU_pSuite s = CU_add_suite("DocBook reader", NULL, NULL);
	if (!s || !CU_add_test(s, "DocBook 5: a glossary, its links and what is left out", test_docbook5) ||
	    !CU_add_test(s, "DocBook 4: a glosslist", test_docbook4_glosslist) ||
	    !CU_add_test(s, "entities, links to no entry, divisions in divisions", test_docbook_structure) ||
	    !CU_add_test(s, "no XML, no glossary: skipped", test_docbook_skipped))
		return CU_get_error();
	return CUE_SUCCESS;
}
