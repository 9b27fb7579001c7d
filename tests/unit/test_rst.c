/* test_rst.c - the reStructuredText reader: Sphinx glossaries, definition lists, inline markup. */
#include "suites.h"
#include "glossgraph.h"

#include <string.h>

/* read `text` as g.rst and build it; NULL when either fails */
static gg_glossary *read_text(const char *text)
{
	return read_built("g.rst", text, strlen(text));
}

static const char sphinx_glossary[] =
	"Glossary\n"
	"========\n"
	"\n"
	".. glossary::\n"
	"   :sorted:\n"
	"\n"
	"   Bytecode\n"
	"   byte code : compilation\n"
	"      The internal representation of a program in the :term:`interpreter`;\n"
	"      it is cached in ``.pyc`` files (see :ref:`the cache <cache>` and\n"
	"      :py:func:`compile`). *Emphasis*, **strong** and `Python <https://python.org>`_\n"
	"      or Python_ read as text, footnotes [#]_ as nothing, |version| as its name,\n"
	"      and \\*escaped\\* stars as stars.\n"
	"\n"
	"   interpreter\n"
	"      Runs :term:`byte code <Bytecode>`; see also :term:`virtual\n"
	"      machine`.\n"
	"\n"
	"      Example::\n"
	"\n"
	"         >>> import dis\n"
	"\n"
	"      A last paragraph.\n"
	"\n"
	"   virtual machine\n"
	"      A computer in software.\n"
	"\n"
	"      .. note:: Not a real machine.\n"
	"\n"
	"      .. code-block:: python\n"
	"         :linenos:\n"
	"\n"
	"         run(vm)\n"
	"\n"
	"      .. seealso:: :term:`interpreter`\n"
	"\n"
	"      .. index:: single: machine; virtual\n"
	"      .. This comment is left out.\n"
	"      .. image:: vm.png\n"
	"         :alt: a picture\n"
	"\n"
	"      The end.\n";

static void test_glossary_directive(void)
{
	gg_glossary *g = read_text(sphinx_glossary);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	/* the title and the directive's option are no entries */
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 3);

	/* stacked term lines: the term and an alias, the classifier cut off */
	const gg_entry *bc = entry_named(g, "Bytecode");
	CU_ASSERT_PTR_NOT_NULL_FATAL(bc);
	CU_ASSERT_EQUAL(bc->line, 7);
	CU_ASSERT_EQUAL(bc->n_categories, 0); /* a lone title is the document's */
	CU_ASSERT_EQUAL_FATAL(bc->n_names, 1);
	CU_ASSERT_STRING_EQUAL(bc->names[0], "byte code");
	/* literals and code roles are code; other roles, emphasis, references and
	 * substitutions their text; footnote references nothing; escapes undone */
	CU_ASSERT_STRING_EQUAL(bc->definition,
			       "The internal representation of a program in the interpreter; it is cached in "
			       "`.pyc` files (see the cache and `compile`). Emphasis, strong and Python or "
			       "Python read as text, footnotes as nothing, version as its name, and *escaped* "
			       "stars as stars.");
	/* :term: is an editor link; :ref: is not */
	CU_ASSERT_EQUAL_FATAL(bc->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(bc->xrefs[0].target, "interpreter");
	CU_ASSERT_EQUAL(strncmp(bc->definition + bc->xrefs[0].offset, "interpreter;", 12), 0);
	CU_ASSERT_EQUAL(bc->xrefs[0].len, 11);
	/* evidence offsets lead back to the file */
	size_t i = (size_t)(bc - gg_glossary_entry(g, 0));
	CU_ASSERT_EQUAL(gg_glossary_file_offset(g, i, bc->xrefs[0].offset),
			(size_t)(strstr(sphinx_glossary, "interpreter`;") - sphinx_glossary));

	/* "text <target>" shows its text and links its target; a role may run over
	 * lines; "::" reads ":" and the literal block after it is code */
	const gg_entry *in = entry_named(g, "interpreter");
	CU_ASSERT_PTR_NOT_NULL_FATAL(in);
	CU_ASSERT_STRING_EQUAL(in->definition,
			       "Runs byte code; see also virtual machine. Example: `>>> import dis` A last paragraph.");
	CU_ASSERT_EQUAL_FATAL(in->n_xrefs, 2);
	CU_ASSERT_STRING_EQUAL(in->xrefs[0].target, "Bytecode");
	CU_ASSERT_EQUAL(strncmp(in->definition + in->xrefs[0].offset, "byte code", in->xrefs[0].len), 0);
	CU_ASSERT_STRING_EQUAL(in->xrefs[1].target, "virtual machine");

	/* directives: a note's text kept, code as code (its options not),
	 * seealso as a "See also:" cue, index entries, comments and images out */
	const gg_entry *vm = entry_named(g, "virtual machine");
	CU_ASSERT_PTR_NOT_NULL_FATAL(vm);
	CU_ASSERT_STRING_EQUAL(vm->definition,
			       "A computer in software. Not a real machine. `run(vm)` See also: interpreter The end.");
	CU_ASSERT_EQUAL_FATAL(vm->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(vm->xrefs[0].target, "interpreter");
	gg_glossary_free(g);
}

static void test_definition_lists(void)
{
	static const char text[] =
		"##########\n"
		"Networking\n"
		"##########\n"
		"\n"
		"Routing\n"
		"=======\n"
		"\n"
		"An introduction that runs\n"
		"over two lines.\n"
		"   A block quote under it, no entry.\n"
		"\n"
		"BGP\n"
		"   The protocol between autonomous systems.\n"
		"- a bullet\n"
		"  with its second line\n"
		"\n"
		"OSPF\n"
		"   A link-state protocol;\n"
		"   unlike BGP it stays inside one system.\n"
		"\n"
		"Naming\n"
		"======\n"
		"\n"
		"DNS\n"
		"   Turns names into addresses.\n";
	gg_glossary *g = read_text(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	/* without a glossary directive, the definition lists at the margin; a
	 * paragraph's later line and a bullet are no terms */
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 3);
	const gg_entry *ospf = entry_named(g, "OSPF");
	CU_ASSERT_PTR_NOT_NULL_FATAL(ospf);
	CU_ASSERT_EQUAL(ospf->line, 17);
	CU_ASSERT_STRING_EQUAL(ospf->definition, "A link-state protocol; unlike BGP it stays inside one system.");
	/* the over- and underlined title is the document's; the sections under it categories */
	CU_ASSERT_EQUAL_FATAL(ospf->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(ospf->categories[0], "Routing");
	const gg_entry *dns = entry_named(g, "DNS");
	CU_ASSERT_PTR_NOT_NULL_FATAL(dns);
	CU_ASSERT_EQUAL_FATAL(dns->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(dns->categories[0], "Naming");
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "BGP"));
	gg_glossary_free(g);
}

/*
 * Exponents (:sup: after an escaped space, no space in the page) read with
 * a caret; footnote and citation references are left out, with the space
 * reST asks for before them when punctuation follows.
 */
static void test_exponents_and_notes(void)
{
	gg_glossary *g = read_text(".. glossary::\n\n   kilo\n"
				   "      A factor of 10\\ :sup:`3` [#f1]_, the 19\\ :sup:`th` [CIT2002]_ and "
				   "2\\ :superscript:`n` [1]_ times.\n\n.. [#f1] A note.\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *kilo = entry_named(g, "kilo");
	CU_ASSERT_PTR_NOT_NULL_FATAL(kilo);
	CU_ASSERT_STRING_EQUAL(kilo->definition, "A factor of 10^3, the 19th and 2^n times.");
	gg_glossary_free(g);
}

/*
 * A space between a mark on the file's last byte (a code block's closing
 * backtick) and text rendered after it is placed in the file, as every
 * character of a definition is (found by the fuzzer).
 */
static void test_offsets_after_last_byte(void)
{
	static const char text[] = ":\n  ::\n *\n   t";
	gg_glossary *g = read_text(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 1);
	const gg_entry *e = gg_glossary_entry(g, 0);
	CU_ASSERT(e->definition_len > 0);
	for (size_t p = 0; p < e->definition_len; p++)
		CU_ASSERT(gg_glossary_file_offset(g, 0, p) < sizeof(text) - 1);
	gg_glossary_free(g);
}

static void test_no_entries(void)
{
	gg_glossary *g = NULL;
	static const char text[] = "Title\n=====\n\nJust a paragraph.\n";
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "n.rst", text, strlen(text)), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_diagnostic_count(g), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_glossary_diagnostic(g, 0)->message, "no glossary directive"));
	gg_glossary_free(g);

	/* found by content too, from a file named otherwise */
	static const char piped[] = ".. glossary::\n\n   Foo\n      A foo.\n";
	g = read_built("glossary.txt", piped, strlen(piped));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 1);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition, "A foo.");
	gg_glossary_free(g);
}

static void test_directives_and_terms(void)
{
	static const char text[] =
		"How to write one::\n"
		"\n"
		"   .. glossary::\n"
		"\n"
		"      shown\n"
		"         Only an example.\n"
		"\n"
		"..\n"
		"   .. glossary::\n"
		"\n"
		"      commented\n"
		"         Out.\n"
		"\n"
		"A\n"
		"-\n"
		"\n"
		".. glossary::\n"
		"\n"
		"   127.0.0.1\n"
		"      The loopback address. See :pep:`8`.\n"
		"\n"
		"      .. admonition:: Tip\n"
		"         :class: tip\n"
		"\n"
		"         Use it.\n"
		"\n"
		"      .. versionadded:: 3.8 Named.\n"
		"      .. only:: html\n"
		"\n"
		"         Shown.\n"
		"      .. math:: E = mc^2\n"
		"\n"
		"   undefined\n"
		"\n"
		"B\n"
		"-\n"
		"\n"
		".. glossary::\n"
		"\n"
		"   1. item\n"
		"      A list, no term.\n";
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "d.rst", text, sizeof(text) - 1), 0);
	/* a directive shown in a literal block or a comment is none; a term
	 * without a definition is reported; "1. item" is a list item */
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 1);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_diagnostic_count(g), 1);
	CU_ASSERT_EQUAL(gg_glossary_diagnostic(g, 0)->line, 33);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_glossary_diagnostic(g, 0)->message, "'undefined' has no definition"));
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	const gg_entry *lo = entry_named(g, "127.0.0.1");
	CU_ASSERT_PTR_NOT_NULL_FATAL(lo);
	/* options out, the version out, a condition out, math as code; one space
	 * between paragraphs; a single letter names no category */
	CU_ASSERT_STRING_EQUAL(lo->definition, "The loopback address. See PEP 8. Tip Use it. Named. Shown. `E = mc^2`");
	CU_ASSERT_EQUAL(lo->n_categories, 0);
	gg_glossary_free(g);
}

/*
 * Substitutions give what their definitions say, wherever in the file they
 * are but in a literal block or code: "replace::" text read as markup in
 * turn (over several lines, with substitutions of its own, no deeper than
 * a bound), "unicode::" the characters of its codes (as docutils reads
 * them), "image::" its ":alt:" text; names match as written, then without
 * regard to case; one not defined, or an image without text, shows its name.
 */
static void test_substitutions(void)
{
	static const char text[] =
		".. |TM| unicode:: U+2122 .. the trade mark sign\n"
		".. |marks| unicode:: 0xA9 x41 &#x42; 67 \\u00AE\n"
		"   :ltrim:\n"
		".. |logo| image:: logo.png\n"
		".. |icon| image:: icon.png\n"
		"   :alt: an icon\n"
		".. |A| replace:: upper\n"
		".. |a| replace:: lower\n"
		".. |dec| unicode:: &#8482; 8482\n"
		"\n"
		"An example of a definition::\n"
		"\n"
		"   .. |product name| replace:: Your Product\n"
		"\n"
		".. code-block:: rst\n"
		"\n"
		"   .. |tm| replace:: Your Mark\n"
		".. |Product   Name| replace:: *Acme* |TM| Cloud\n"
		"   Platform\n"
		".. |loop| replace:: a |loop| b\n"
		"\n"
		".. glossary::\n"
		"\n"
		"   Bucket\n"
		"      A container in |product name|, with |marks|, |logo| |icon| |unknown| and |later|;\n"
		"      |A| and |a|, |dec|.\n"
		"\n"
		"   Loop\n"
		"      Says |loop|.\n"
		"\n"
		"   |TM| Mark\n"
		"      A mark.\n"
		"\n"
		".. |later| replace:: a :term:`Loop`\n";
	gg_glossary *g = read_built("subs.rst", text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	const gg_entry *bucket = entry_named(g, "Bucket");
	CU_ASSERT_PTR_NOT_NULL_FATAL(bucket);
	CU_ASSERT_STRING_EQUAL(bucket->definition,
			       "A container in Acme \xe2\x84\xa2 Cloud Platform, with \xc2\xa9" "ABC\xc2\xae, logo an icon "
			       "unknown and a Loop; upper and lower, &#8482;\xe2\x84\xa2.");
	CU_ASSERT_EQUAL_FATAL(bucket->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(bucket->xrefs[0].target, "Loop");
	const gg_entry *loop = entry_named(g, "Loop");
	CU_ASSERT_PTR_NOT_NULL_FATAL(loop);
	CU_ASSERT_STRING_EQUAL(loop->definition, "Says a a a a a a a a loop b b b b b b b b.");
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "\xe2\x84\xa2 Mark"));
	gg_glossary_free(g);

	/* substitutions within substitutions that would make gigabytes are cut, with a warning */
	static const char bomb[] =
		".. |a| replace:: |b| |b| |b| |b| |b| |b| |b| |b|\n"
		".. |b| replace:: |c| |c| |c| |c| |c| |c| |c| |c|\n"
		".. |c| replace:: |d| |d| |d| |d| |d| |d| |d| |d|\n"
		".. |d| replace:: |e| |e| |e| |e| |e| |e| |e| |e|\n"
		".. |e| replace:: |f| |f| |f| |f| |f| |f| |f| |f|\n"
		".. |f| replace:: |g| |g| |g| |g| |g| |g| |g| |g|\n"
		".. |g| replace:: a long text that is repeated\n"
		"\n"
		"Term\n"
		"   |a| |a| |a| |a|\n";
	g = read_built("bomb.rst", bomb, sizeof(bomb) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *term = entry_named(g, "Term");
	CU_ASSERT_PTR_NOT_NULL_FATAL(term);
	CU_ASSERT(strlen(term->definition) < 16 * sizeof(bomb) + (1u << 20) + 4096);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "substitutions expanded past 16 times"), 1);
	gg_glossary_free(g);
}

/*
 * Tables: a "list-table" and a "csv-table" are entries, a row each, where
 * the file has no glossary directive and its definition lists name fewer
 * than half as many; without a header the first column is the term and
 * the one with the most text the definition; CSV quotes, a quoted value
 * over two lines, another delimiter; a table of one column is none; a
 * table of a file is reported.
 */
static void test_tables(void)
{
	static const char text[] =
		"Terms\n"
		"   A definition list's entry, outnumbered by the rows.\n"
		"\n"
		".. list-table::\n"
		"   :widths: 10 5 40\n"
		"\n"
		"   * - API\n"
		"     - x\n"
		"     - An interface that programs call; see\n"
		"       :term:`SDK`.\n"
		"\n"
		"       * a nested item\n"
		"   *\n"
		"     - SDK\n"
		"     - y\n"
		"     - A kit of tools.\n"
		"\n"
		".. csv-table::\n"
		"   :header: Meaning; Name\n"
		"   :delim: ;\n"
		"\n"
		"   \"A store of \"\"objects\"\"; or\n"
		"   files.\"; Bucket\n"
		"   A file in a bucket.; Object\n"
		"\n"
		".. list-table::\n"
		"\n"
		"   * - One column only\n"
		"\n"
		".. csv-table::\n"
		"   :file: more.csv\n";
	gg_glossary *g = read_built("tables.rst", text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);
	CU_ASSERT_PTR_NULL(entry_named(g, "Terms"));
	const gg_entry *api = entry_named(g, "API");
	CU_ASSERT_PTR_NOT_NULL_FATAL(api);
	CU_ASSERT_EQUAL(api->line, 7);
	CU_ASSERT_STRING_EQUAL(api->definition, "An interface that programs call; see SDK. * a nested item");
	CU_ASSERT_EQUAL_FATAL(api->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(api->xrefs[0].target, "SDK");
	const gg_entry *sdk = entry_named(g, "SDK");
	CU_ASSERT_PTR_NOT_NULL_FATAL(sdk);
	CU_ASSERT_EQUAL(sdk->line, 14);
	CU_ASSERT_STRING_EQUAL(sdk->definition, "A kit of tools.");
	const gg_entry *bucket = entry_named(g, "Bucket");
	CU_ASSERT_PTR_NOT_NULL_FATAL(bucket);
	CU_ASSERT_STRING_EQUAL(bucket->definition, "A store of \"objects\"; or files.");
	CU_ASSERT_EQUAL(bucket->line, 23); /* its term's line */
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Object"));
	CU_ASSERT_EQUAL(diagnostics_saying(g, "the table of 'more.csv' is not read"), 1);
	gg_glossary_free(g);

	/* a title and an option over two lines; the last header row that names
	 * fields; a row with no cells; categories in line order; a literal block
	 * in a cell read as code; the definition in the first column; quotes
	 * and escapes of another dialect, each mention at its place */
	static const char more[] =
		"Group A\n"
		"-------\n"
		"\n"
		".. list-table:: A title that runs\n"
		"   on to a second line\n"
		"   :header-rows: 2\n"
		"   :widths: 20\n"
		"      80\n"
		"\n"
		"   * - Letters\n"
		"     - \n"
		"   * - Term\n"
		"     - Definition\n"
		"   * - Alpha\n"
		"     - The first. Example::\n"
		"\n"
		"           alpha = 1\n"
		"   *\n"
		"   * - Beta\n"
		"     - The second.\n"
		"\n"
		"Group B\n"
		"-------\n"
		"\n"
		".. csv-table::\n"
		"   :header: Definition; Term\n"
		"   :delim: ;\n"
		"   :quote: '\n"
		"   :escape: \\\n"
		"\n"
		"   'It is ''quoted'' and \\'escaped\\', then Alpha.'; Gamma\n";
	g = read_built("more.rst", more, sizeof(more) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	const gg_entry *alpha = entry_named(g, "Alpha");
	CU_ASSERT_PTR_NOT_NULL_FATAL(alpha);
	CU_ASSERT_STRING_EQUAL(alpha->definition, "The first. Example: `alpha = 1`");
	CU_ASSERT_EQUAL_FATAL(alpha->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(alpha->categories[0], "Group A");
	const gg_entry *beta = entry_named(g, "Beta");
	CU_ASSERT_PTR_NOT_NULL_FATAL(beta);
	CU_ASSERT_EQUAL_FATAL(beta->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(beta->categories[0], "Group A");
	const gg_entry *gamma = entry_named(g, "Gamma");
	CU_ASSERT_PTR_NOT_NULL_FATAL(gamma);
	CU_ASSERT_STRING_EQUAL(gamma->definition, "It is 'quoted' and 'escaped', then Alpha.");
	CU_ASSERT_EQUAL_FATAL(gamma->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(gamma->categories[0], "Group B");
	size_t i = (size_t)(gamma - gg_glossary_entry(g, 0));
	const char *at = strstr(gamma->definition, "Alpha");
	CU_ASSERT_EQUAL(gg_glossary_file_offset(g, i, (size_t)(at - gamma->definition)),
			(uint64_t)(strstr(more, "Alpha.'") - more));
	gg_glossary_free(g);

	/* a table inside a definition is its text, and rows without a term name none */
	static const char nested[] =
		"One\n   The first.\n\n   .. list-table::\n\n      * - a\n        - b\n      * - c\n        - d\n"
		"      * - e\n        - f\n\n"
		".. list-table::\n\n   * -\n     - no term\n   * -\n     - none either\n   * -\n     - nor this\n";
	g = read_built("nested.rst", nested, sizeof(nested) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 1);
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "One"));
	gg_glossary_free(g);

	/* a glossary directive's entries alone; a definition list outnumbering the rows */
	static const char both[] =
		".. glossary::\n"
		"\n"
		"   Term\n"
		"      A term.\n"
		"\n"
		".. list-table::\n"
		"\n"
		"   * - Row\n"
		"     - A row.\n";
	g = read_built("both.rst", both, sizeof(both) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 1);
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Term"));
	gg_glossary_free(g);
	static const char lists[] =
		"One\n   The first.\n\nTwo\n   The second.\n\n"
		".. list-table::\n\n   * - Row\n     - A row.\n   * - Other row\n     - Another.\n";
	g = read_built("lists.rst", lists, sizeof(lists) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "One"));
	gg_glossary_free(g);
}

/*
 * Roles split as Sphinx splits them (as MyST's do): "text<target>" with no
 * space, a leading '~' or '!', "<target>" alone.
 */
static void test_role_parts(void)
{
	gg_glossary *g = read_text(".. glossary::\n\n"
				   "   virtual machine\n      A computer in software.\n\n"
				   "   host\n      Runs :term:`machines<virtual machine>`, :term:`~virtual machine`,\n"
				   "      :term:`<virtual machine>` and :code:`run<x>`.\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *host = entry_named(g, "host");
	CU_ASSERT_PTR_NOT_NULL_FATAL(host);
	CU_ASSERT_STRING_EQUAL(host->definition, "Runs machines, virtual machine, virtual machine and `run`.");
	CU_ASSERT_EQUAL_FATAL(host->n_xrefs, 3);
	for (size_t i = 0; i < 3; i++)
		CU_ASSERT_STRING_EQUAL(host->xrefs[i].target, "virtual machine");
	gg_glossary_free(g);
}

CU_ErrorCode suite_rst_add(void)
{
	CU_pSuite s = CU_add_suite("reStructuredText reader", NULL, NULL);
	if (!s || !CU_add_test(s, "Sphinx glossary directive", test_glossary_directive) ||
	    !CU_add_test(s, "definition lists and sections", test_definition_lists) ||
	    !CU_add_test(s, "directives, terms, reports", test_directives_and_terms) ||
	    !CU_add_test(s, "exponents and notes", test_exponents_and_notes) ||
	    !CU_add_test(s, "offsets after a mark on the last byte", test_offsets_after_last_byte) ||
	    !CU_add_test(s, "no entries; found by content", test_no_entries) ||
	    !CU_add_test(s, "substitutions", test_substitutions) ||
	    !CU_add_test(s, "list and CSV tables", test_tables) ||
	    !CU_add_test(s, "roles' text and target", test_role_parts))
		return CU_get_error();
	return CUE_SUCCESS;
}
