/* test_latex.c - the LaTeX reader: glossary entries and acronyms, description lists, what is text and what is left out. */
#include "suites.h"
#include "glossgraph.h"

#include <stdio.h>
#include <string.h>

/* The line of the diagnostic saying `words`, or 0 when none says it. */
static uint32_t line_of_diagnostic(const gg_glossary *g, const char *words)
{
	for (size_t i = 0; gg_glossary_diagnostic(g, i); i++)
		if (strstr(gg_glossary_diagnostic(g, i)->message, words))
			return gg_glossary_diagnostic(g, i)->line;
	return 0;
}

/*
 * The glossaries package as a notation glossary writes it: a heading
 * parent (no description) names its children's category; homographs
 * take their parent's name; "\Gls", "\glspl" with a plural given, "\GLS",
 * "\acrlong", "\acrfull" and an insert show what LaTeX shows and link;
 * a key the file lacks links by the key; "see" with its tag; an alias
 * joins its entry; acronyms of three packages; a macro with arguments
 * that defines entries defines none; a definition left open is warned
 * of with its line.
 */
static void test_latex_glossaries(void)
{
	const char doc[] =
		"\\documentclass{article}\n"                                                                   /* 1 */
		"\\newcommand{\\defterm}[2]{\\newglossaryentry{#1}{name=#1,description={#2}}}\n"             /* 2 */
		"\\newglossaryentry{greek}{name={Greek letters}, description={\\nopostdesc}}\n"              /* 3 */
		"\\newglossaryentry{pi}{name={$\\pi$}, parent=greek,\n"                                        /* 4 */
		"  description={A ratio; see \\Gls{tau} and \\glspl{mouse}, \\GLS{dns}.}}\n"                 /* 5 */
		"\\newglossaryentry{tau}{name={tau}, parent=greek, description={Twice \\gls{pi}[-ish],\n"     /* 6 */
		"  not \\gls{nokey}; \\acrlong{dns}, \\acrfull{dns}.}}\n"                                      /* 7 */
		"\\newglossaryentry{mouse}{name=mouse, plural=mice, description={A small animal.}}\n"         /* 8 */
		"\\newglossaryentry{rodent}{name=rodent, alias=mouse}\n"                                       /* 9 */
		"\\newglossaryentry{bank}{name=bank, description={\\nopostdesc}}\n"                            /* 10 */
		"\\newglossaryentry{bank1}{description={Land beside a river.}, parent=bank}\n"                 /* 11 */
		"\\newglossaryentry{bank2}{parent=bank, see={[see also]{mouse,tau}},\n"                        /* 12 */
		"  description={A place that keeps money.}}\n"                                                 /* 13 */
		"\\newacronym{dns}{DNS}{Domain Name System}\n"                                                 /* 14 */
		"\\DeclareAcronym{ip}{short = IP, long = Internet Protocol}\n"                                 /* 15 */
		"\\begin{acronym}\n\\acro{TCP}{Transmission Control Protocol}\n\\end{acronym}\n"              /* 16-18 */
		"\\newglossaryentry{open}{name=open, description={never closed}\n";                           /* 19 */
	gg_glossary *g = read_built("notation.tex", doc, sizeof(doc) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 8);
	CU_ASSERT_PTR_NULL(entry_named(g, "Greek letters"));
	CU_ASSERT_PTR_NULL(entry_named(g, "#1"));
	const gg_entry *pi = entry_named(g, "\xCF\x80"), *tau = entry_named(g, "tau"),
		       *mouse = entry_named(g, "mouse"), *dns = entry_named(g, "Domain Name System");
	CU_ASSERT_PTR_NOT_NULL_FATAL(pi);
	CU_ASSERT_PTR_NOT_NULL_FATAL(tau);
	CU_ASSERT_PTR_NOT_NULL_FATAL(mouse);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dns);
	CU_ASSERT_EQUAL(pi->line, 4);
	CU_ASSERT_STRING_EQUAL(pi->definition, "A ratio; see Tau and mice, DNS.");
	CU_ASSERT_STRING_EQUAL(tau->definition, "Twice \xCF\x80-ish, not nokey; Domain Name System, "
						"Domain Name System (DNS).");
	CU_ASSERT_EQUAL_FATAL(pi->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(pi->categories[0], "Greek letters");
	CU_ASSERT_EQUAL_FATAL(pi->n_xrefs, 3);
	CU_ASSERT_STRING_EQUAL(pi->xrefs[0].target, "tau");
	CU_ASSERT_STRING_EQUAL(pi->xrefs[1].target, "mouse");
	CU_ASSERT_STRING_EQUAL(pi->xrefs[2].target, "Domain Name System");
	CU_ASSERT_EQUAL_FATAL(tau->n_xrefs, 4);
	CU_ASSERT_STRING_EQUAL(tau->xrefs[1].target, "nokey");
	/* the alias is a name of its entry; the homographs are one concept of two entries */
	size_t a, b;
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "rodent"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "mouse"), 0);
	CU_ASSERT_EQUAL(a, b);
	const gg_entry *money = NULL;
	for (size_t e = 0; e < gg_glossary_entry_count(g); e++) {
		const gg_entry *x = gg_glossary_entry(g, e);
		if (strcmp(x->definition, "A place that keeps money.") == 0)
			money = x;
	}
	CU_ASSERT_PTR_NOT_NULL_FATAL(money);
	CU_ASSERT_EQUAL(money->n_categories, 0);
	CU_ASSERT_EQUAL_FATAL(money->n_xrefs, 2);
	CU_ASSERT_STRING_EQUAL(money->xrefs[0].target, "mouse");
	CU_ASSERT_STRING_EQUAL(money->xrefs[1].target, "tau");
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "bank"), 0);
	/* acronyms: the long form the term, the short its abbreviation, kept without a definition */
	CU_ASSERT_EQUAL_FATAL(dns->n_abbrevs, 1);
	CU_ASSERT_STRING_EQUAL(dns->abbrevs[0], "DNS");
	/* an entry without a definition is placed at its header: its stated links' evidence is there */
	CU_ASSERT_EQUAL(dns->offset, dns->header_offset);
	CU_ASSERT(dns->header_offset > 0);
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Internet Protocol"));
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Transmission Control Protocol"));
	CU_ASSERT_EQUAL(line_of_diagnostic(g, "\"\\newglossaryentry\" without its arguments"), 19);
	gg_glossary_free(g);
}

/*
 * A document's description lists: items of the outermost list are
 * entries under the section that sorts them (a nested list is text);
 * "\label" and "\hypertarget" of an item are what "\ref", "\hyperref"
 * and "\hyperlink" link to; code, math, verbatim, accents, letters,
 * quotes and dashes; footnotes, citations and comments left out; a
 * macro's text; "\input" warned of.
 */
static void test_latex_document(void)
{
	const char doc[] =
		"\\documentclass{book}\n"                                                                     /* 1 */
		"\\newcommand{\\tool}{\\textsc{Make}}\n"                                                        /* 2 */
		"\\begin{document}\n"                                                                          /* 3 */
		"\\chapter{Terms}\n"                                                                           /* 4 */
		"\\section{Jobs}\n"                                                                            /* 5 */
		"\\begin{description}\n"                                                                       /* 6 */
		"  \\item[Batch job\\label{batch}] Run by \\texttt{cron} on a node,\n"                         /* 7 */
		"    10\\textsuperscript{3} a day\\footnote{Or more.}; see \\ref{sched}. % a comment\n"        /* 8 */
		"    Built with \\tool{} and \\verb|a{b|.\n"                                                    /* 9 */
		"    \\begin{verbatim}\na Node {in code\n    \\end{verbatim}\n"                               /* 10-12 */
		"  \\item[\\hypertarget{node}{Node}] \\'Ecole \\'{e}t\\'e \\ldots{} ``q'' --- $x^2$, \\c{c}a,\n" /* 13 */
		"    na\\\"{\\i}ve, Stra\\ss e, 5~GB \\cite{k}.\n"                                             /* 14 */
		"    \\begin{description}\\item[Inner] not an entry\\end{description}\n"                        /* 15 */
		"\\section{Places}\n"                                                                          /* 16 */
		"  \\item[Scheduler]\\label{sched} Places each \\emph{job} -- see \\hyperlink{node}{the node},\n"
		"    \\hyperref[batch]{batches}. \\input{more}\n"                                              /* 18 */
		"\\end{description}\n"
		"\\end{document}\n";
	gg_glossary *g = read_built("doc.tex", doc, sizeof(doc) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	CU_ASSERT_PTR_NULL(entry_named(g, "Inner"));
	const gg_entry *job = entry_named(g, "Batch job"), *node = entry_named(g, "Node"),
		       *sched = entry_named(g, "Scheduler");
	CU_ASSERT_PTR_NOT_NULL_FATAL(job);
	CU_ASSERT_PTR_NOT_NULL_FATAL(node);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sched);
	CU_ASSERT_EQUAL(job->line, 7);
	CU_ASSERT_EQUAL(sched->line, 17);
	CU_ASSERT_STRING_EQUAL(job->definition, "Run by `cron` on a node, 10^3 a day; see Scheduler. Built with "
						"Make and `a{b`. `a Node {in code`");
	CU_ASSERT_STRING_EQUAL(node->definition, "\xC3\x89" "cole \xC3\xA9t\xC3\xA9 \xE2\x80\xA6 \xE2\x80\x9Cq\xE2\x80\x9D "
						 "\xE2\x80\x94 `x^2`, \xC3\xA7" "a, na\xC3\xAFve, Stra\xC3\x9F" "e, 5 GB . "
						 "Inner not an entry");
	CU_ASSERT_STRING_EQUAL(sched->definition, "Places each job \xE2\x80\x93 see the node, batches.");
	CU_ASSERT_EQUAL_FATAL(job->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(job->categories[0], "Jobs");
	CU_ASSERT_EQUAL_FATAL(sched->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(sched->categories[0], "Places");
	CU_ASSERT_EQUAL_FATAL(job->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(job->xrefs[0].target, "Scheduler");
	CU_ASSERT_EQUAL_FATAL(sched->n_xrefs, 2);
	CU_ASSERT_STRING_EQUAL(sched->xrefs[0].target, "Node");
	CU_ASSERT_STRING_EQUAL(sched->xrefs[1].target, "Batch job");
	CU_ASSERT_EQUAL(line_of_diagnostic(g, "\"\\input{more}\" is not read"), 18);
	gg_glossary_free(g);
}

/* No entries, an empty file, braces and math left open, a macro that names itself: warned of, bounded. */
static void test_latex_no_entries(void)
{
	const char none[] = "\\documentclass{article}\n\\begin{document}\nJust \\emph{text}.\n\\end{document}\n";
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "none.tex", none, sizeof(none) - 1), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "empty.tex", "", 0), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "no entries in this file (no \"\\newglossaryentry\""), 1);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "empty file"), 1);
	gg_glossary_free(g);

	/* an entry whose braces do not close takes the next one's (as LaTeX would): both warned of */
	const char open[] = "\\newcommand{\\loop}{\\loop\\loop}\n"
			    "\\newglossaryentry{a}{name=A, description={Opens {braces, $math.}}\n"
			    "\\newglossaryentry{b}{name=B, description={After \\gls{a.}}\n"
			    "\\newglossaryentry{c}{name=C, description={Fine, \\gls{a}.}}\n"
			    "\\newglossaryentry{d}{name=D, description={Loops \\loop.}}\n";
	g = read_built("open.tex", open, sizeof(open) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_EQUAL(line_of_diagnostic(g, "\"\\newglossaryentry\" without its arguments"), 2);
	const gg_entry *c = entry_named(g, "C"), *d = entry_named(g, "D");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	CU_ASSERT_STRING_EQUAL(c->definition, "Fine, a.");
	/* a macro naming itself shows its name there */
	CU_ASSERT_STRING_EQUAL(d->definition, "Loops \\loop\\loop.");
	gg_glossary_free(g);
}

/*
 * What LaTeX users write and a first version misread: comments ending the
 * lines of an option list (with commas in them); "\glssee" lists;
 * "\glsentrylong", "\glssymbol" and "\glsdesc"; "\ensuremath" as math;
 * a "\renewcommand" of a letter's name; a '$' inside a comment; names
 * that name each other deeper than markup nests; "\provideglossaryentry"
 * of a key already defined; forms that multiply, bounded.
 */
static void test_latex_as_written(void)
{
	const char doc[] =
		"\\renewcommand{\\P}{\\mathbb{P}}\n"
		"\\DeclareAcronym{vm}{%\n  short = VM ,%\n  long  = virtual machine ,%\n}\n"
		"\\newglossaryentry{hv}{%\n  name={hypervisor},%\n  description={runs each \\ac{vm}}%\n}\n"
		"\\newglossaryentry{ct}{\n  name=container, % the usual spelling, see also docker\n"
		"  description={a process; unlike \\glsentrylong{vm}, \\glssymbol{pi} or \\glsdesc{hv}}}\n"
		"\\newglossaryentry{pi}{name={\\ensuremath{\\pi_{0}}}, symbol={\\ensuremath{\\pi}}, description={a constant,\n"
		"  $x % a $ in a comment\n  + y$; $\\P(A)$}}\n"
		"\\newglossaryentry{prob}{name={$\\P(A)$}, description={a probability}}\n"
		"\\newglossaryentry{a}{name={\\textbf{\\emph{\\gls{b}}} algebra}, description={x}}\n"
		"\\newglossaryentry{b}{name={\\textsf{\\emph{\\gls{c}}} group}, description={y}}\n"
		"\\newglossaryentry{c}{name={\\emph{\\textbf{\\textit{Lie}}}}, description={z}}\n"
		"\\provideglossaryentry{hv}{name={other}, description={not read}}\n"
		"\\glssee{hv}{ct,pi}\n";
	gg_glossary *g = read_built("written.tex", doc, sizeof(doc) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 8);
	CU_ASSERT_PTR_NULL(entry_named(g, "other"));
	const gg_entry *vm = entry_named(g, "virtual machine"), *hv = entry_named(g, "hypervisor"),
		       *ct = entry_named(g, "container"), *pi = entry_named(g, "\xCF\x80_0");
	CU_ASSERT_PTR_NOT_NULL_FATAL(vm);
	CU_ASSERT_PTR_NOT_NULL_FATAL(hv);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ct);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pi);
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "P(A)"));
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Lie group algebra"));
	CU_ASSERT_STRING_EQUAL(hv->definition, "runs each VM");
	CU_ASSERT_STRING_EQUAL(ct->definition, "a process; unlike virtual machine, \xCF\x80 or runs each VM");
	CU_ASSERT_STRING_EQUAL(pi->definition, "a constant, `x + y`; `\\P(A)`");
	CU_ASSERT_EQUAL_FATAL(ct->n_xrefs, 3);
	CU_ASSERT_STRING_EQUAL(ct->xrefs[0].target, "virtual machine");
	CU_ASSERT_STRING_EQUAL(ct->xrefs[1].target, "\xCF\x80_0");
	CU_ASSERT_STRING_EQUAL(ct->xrefs[2].target, "hypervisor");
	CU_ASSERT_EQUAL_FATAL(hv->n_xrefs, 3); /* "\ac{vm}", then "\glssee"'s two */
	CU_ASSERT_STRING_EQUAL(hv->xrefs[1].target, "container");
	CU_ASSERT_STRING_EQUAL(hv->xrefs[2].target, "\xCF\x80_0");
	gg_glossary_free(g);

	/* each short form names the next one's eight times: 8^10 copies, bounded and warned of */
	char many[4096];
	size_t n = 0;
	for (int i = 0; i < 10; i++) {
		n += (size_t)snprintf(many + n, sizeof(many) - n, "\\newacronym{k%d}{", i);
		for (int f = 0; f < 8; f++)
			n += (size_t)snprintf(many + n, sizeof(many) - n, "\\acs{k%d}", i + 1);
		n += (size_t)snprintf(many + n, sizeof(many) - n, "}{long %d}\n", i);
	}
	g = read_built("many.tex", many, n);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "expand past 16 times the file's size"), 1);
	gg_glossary_free(g);
}

/*
 * A bib2gls file (glossaries-extra's glossary in a .bib): "@entry",
 * "@abbreviation", "@index" (a term) and "@symbol", values braced or
 * quoted, an alias, references; a bibliography's entries and "@string"
 * are none.
 */
static void test_latex_bib2gls(void)
{
	const char bib[] =
		"% a bib2gls glossary\n"                                                      /* 1 */
		"@string{cloud = \"Cloud\"}\n"                                                /* 2 */
		"@entry{vm,\n"                                                               /* 3 */
		"  name = {Virtual machine},\n"
		"  description = {An emulated computer that a \\gls{hypervisor} runs.}\n"
		"}\n"
		"@entry{hypervisor, name = \"Hypervisor\",\n"                                 /* 7 */
		"  description = \"Software that runs each \\gls{vm}.\", see = {container}}\n"
		"@abbreviation{nfs, short = {NFS}, long = {Network File System},\n"         /* 9 */
		"  description = {A protocol that shares a file system.}}\n"
		"@index{container}\n"                                                        /* 11 */
		"@entry{guest, name = {guest machine}, alias = {vm}}\n"
		"@article{knuth84, author = {Donald Knuth}, title = {Literate Programming}}\n";
	gg_glossary *g = read_built("terms.bib", bib, sizeof(bib) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);
	const gg_entry *vm = entry_named(g, "Virtual machine"), *hv = entry_named(g, "Hypervisor"),
		       *nfs = entry_named(g, "Network File System"), *ct = entry_named(g, "container");
	CU_ASSERT_PTR_NOT_NULL_FATAL(vm);
	CU_ASSERT_PTR_NOT_NULL_FATAL(hv);
	CU_ASSERT_PTR_NOT_NULL_FATAL(nfs);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ct);
	CU_ASSERT_PTR_NULL(entry_named(g, "Literate Programming"));
	CU_ASSERT_EQUAL(vm->line, 3);
	CU_ASSERT_EQUAL(hv->line, 7);
	CU_ASSERT_STRING_EQUAL(hv->definition, "Software that runs each Virtual machine.");
	CU_ASSERT_EQUAL_FATAL(hv->n_xrefs, 2);
	CU_ASSERT_STRING_EQUAL(hv->xrefs[0].target, "Virtual machine");
	CU_ASSERT_STRING_EQUAL(hv->xrefs[1].target, "container");
	CU_ASSERT_EQUAL_FATAL(nfs->n_abbrevs, 1);
	CU_ASSERT_STRING_EQUAL(nfs->abbrevs[0], "NFS");
	size_t a, b;
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "guest machine"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "virtual machine"), 0);
	CU_ASSERT_EQUAL(a, b);
	gg_glossary_free(g);
}

/*
 * What a second reading found: a '[' that opens no option is looked for
 * briefly; one entry that multiplies leaves the others whole; math
 * names keep what has no character ("$\hat{x}$"); options of listings;
 * '%' in a URL; every citation command; "\Gls" of a letter beyond ASCII;
 * an acronym under a heading; "\glsxtrnewsymbol"; an entry with only a
 * "see" ("See x."); "\input file"; lone CR line ends; "\item[Term:]".
 */
static void test_latex_second_reading(void)
{
	const char doc[] =
		"\\newglossaryentry{hw}{name=Hardware, description={\\nopostdesc}}\n"
		"\\newacronym[parent=hw, description={The chip; \\Gls{ueber}, see \\url{http://x.org/a%20b}\n"
		"  \\citeauthor{knuth} \\footcite[p.~3]{lamport}.}]{cpu}{CPU}{central processing unit}\n"
		"\\newglossaryentry{ueber}{name={\\\"uber}, description={Above.}}\n"
		"\\newglossaryentry{hat}{name={$\\hat{x}$}, description={An estimate.}}\n"
		"\\newglossaryentry{norm}{name={$\\|x\\|_2$}, description={A length:\n"
		"  \\begin{lstlisting}[language=C]\nint x;\n\\end{lstlisting}}}\n"
		"\\glsxtrnewsymbol[description={A ratio.}]{pi}{\\ensuremath{\\pi}}\n"
		"\\newglossaryentry{tw}{name=typewriter, description={}, see={hat}}\n"
		"\\input chapters/more.tex\n"
		"\\newacronym[\\newacronym[\\newacronym[\n";
	gg_glossary *g = read_built("second.tex", doc, sizeof(doc) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *cpu = entry_named(g, "central processing unit"), *hat = entry_named(g, "\\hat{x}"),
		       *norm = entry_named(g, "\\|x\\|_2"), *pi = entry_named(g, "\xCF\x80");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cpu);
	CU_ASSERT_PTR_NOT_NULL_FATAL(hat);
	CU_ASSERT_PTR_NOT_NULL_FATAL(norm);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pi);
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "\xC3\xBC" "ber"));
	CU_ASSERT_STRING_EQUAL(cpu->definition, "The chip; \xC3\x9C" "ber, see `http://x.org/a%20b` .");
	CU_ASSERT_EQUAL_FATAL(cpu->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(cpu->categories[0], "Hardware");
	CU_ASSERT_STRING_EQUAL(norm->definition, "A length: `int x;`");
	CU_ASSERT_STRING_EQUAL(pi->definition, "A ratio.");
	size_t a, b;
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "typewriter"), 0); /* "See \hat{x}.": one of its names */
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "\\hat{x}"), 0);
	CU_ASSERT_EQUAL(a, b);
	CU_ASSERT_EQUAL(line_of_diagnostic(g, "\"\\input chapters/more.tex\" is not read"), 12);
	CU_ASSERT_EQUAL(line_of_diagnostic(g, "\"\\newacronym\" without its arguments"), 13);
	gg_glossary_free(g);

	/* one entry that multiplies (2^40 copies) leaves the others whole */
	char bomb[4096];
	size_t n = 0;
	for (int i = 0; i < 40; i++)
		n += (size_t)snprintf(bomb + n, sizeof(bomb) - n,
				      "\\newglossaryentry{k%d}{name={\\gls{k%d}\\gls{k%d}},description={x}}\n", i, i + 1, i + 1);
	n += (size_t)snprintf(bomb + n, sizeof(bomb) - n, "%s",
			      "\\newglossaryentry{plain}{name={plain}, description={A plain entry.}}\n");
	g = read_built("bomb.tex", bomb, n);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *plain = entry_named(g, "plain");
	CU_ASSERT_PTR_NOT_NULL_FATAL(plain);
	CU_ASSERT_STRING_EQUAL(plain->definition, "A plain entry.");
	CU_ASSERT_EQUAL(diagnostics_saying(g, "expand past 16 times"), 1);
	gg_glossary_free(g);

	const char cr[] = "% lone CR line ends\r\\begin{description}\r\\item[Cache:] A store. % note\r"
			  "\\item[Bus] Wires.\r\\end{description}\r";
	g = read_built("cr.tex", cr, sizeof(cr) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	const gg_entry *cache = entry_named(g, "Cache");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cache);
	CU_ASSERT_STRING_EQUAL(cache->definition, "A store.");
	CU_ASSERT_EQUAL(cache->line, 3);
	gg_glossary_free(g);
}

CU_ErrorCode suite_latex_add(void)
{
	CU_pSuite s = CU_add_suite("latex", NULL, NULL);
	if (!s || !CU_add_test(s, "glossaries, acronyms: keys, references, aliases, parents", test_latex_glossaries) ||
	    !CU_add_test(s, "a document's description lists: sections, labels, text", test_latex_document) ||
	    !CU_add_test(s, "no entries, braces left open, a macro naming itself", test_latex_no_entries) ||
	    !CU_add_test(s, "as users write it: comments in options, symbols, names naming names", test_latex_as_written) ||
	    !CU_add_test(s, "a bib2gls file", test_latex_bib2gls) ||
	    !CU_add_test(s, "what a second reading found", test_latex_second_reading))
		return CU_get_error();
	return CUE_SUCCESS;
}
