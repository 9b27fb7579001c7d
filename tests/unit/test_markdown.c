/* test_markdown.c - the Markdown reader: definition lists, headings, bold lists, tables, links. */
#include "suites.h"
#include "glossgraph.h"

#include <string.h>

/* read `text` as m.md and build it; NULL when either fails */
static gg_glossary *read_text(const char *text)
{
	return read_built("m.md", text, strlen(text));
}

static void test_definition_list(void)
{
	gg_glossary *g = read_fixture(FIXTURE("deflist.md"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);

	/* two term lines: one entry with two names; the parenthesis an abbreviation */
	const gg_entry *bs = entry_named(g, "Block storage (BS)");
	CU_ASSERT_PTR_NOT_NULL_FATAL(bs);
	CU_ASSERT_EQUAL(bs->line, 3);
	CU_ASSERT_EQUAL_FATAL(bs->n_names, 1);
	CU_ASSERT_STRING_EQUAL(bs->names[0], "Raw block device");
	CU_ASSERT_STRING_EQUAL(bs->definition,
			       "Storage in fixed-size blocks; compare object storage and the vendor page.");
	/* the link to a heading of the glossary is an editor link; the other is not */
	CU_ASSERT_EQUAL_FATAL(bs->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(bs->xrefs[0].target, "Object storage");
	CU_ASSERT_EQUAL(strncmp(bs->definition + bs->xrefs[0].offset, "object storage", 14), 0);
	CU_ASSERT_EQUAL(bs->xrefs[0].len, 14);
	/* offsets lead back to the file: the link text sits after "[" */
	size_t i = (size_t)(bs - gg_glossary_entry(g, 0));
	CU_ASSERT_EQUAL(gg_glossary_file_offset(g, i, bs->xrefs[0].offset), 96);
	size_t c;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&c, g, "BS"), 0);
	CU_ASSERT_STRING_EQUAL(gg_glossary_concept(g, c)->name, "Block storage");

	/* an indented paragraph after a blank line continues the definition */
	const gg_entry *os = entry_named(g, "Object storage");
	CU_ASSERT_PTR_NOT_NULL_FATAL(os);
	CU_ASSERT_STRING_EQUAL(os->definition, "Keys and objects, reached over HTTP. A second paragraph, indented.");
	/* code spans stay as written, backticks included */
	const gg_entry *snap = entry_named(g, "Snapshot");
	CU_ASSERT_PTR_NOT_NULL_FATAL(snap);
	CU_ASSERT_STRING_EQUAL(snap->definition, "A copy in time of `block storage` volumes.");
	gg_glossary_free(g);
}

static void test_headings(void)
{
	gg_glossary *g = read_fixture(FIXTURE("headings.md"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	/* level 3 has the most headings with text; level 2 are the categories */
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	const gg_entry *bgp = entry_named(g, "Border Gateway Protocol (BGP)");
	CU_ASSERT_PTR_NOT_NULL_FATAL(bgp);
	CU_ASSERT_EQUAL(bgp->line, 7);
	CU_ASSERT_STRING_EQUAL(bgp->definition,
			       "The protocol between autonomous systems; it picks routes over the Internet exchange.");
	CU_ASSERT_EQUAL_FATAL(bgp->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(bgp->categories[0], "Routing");
	CU_ASSERT_EQUAL_FATAL(bgp->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(bgp->xrefs[0].target, "Internet exchange (IX)");
	const gg_entry *dns = entry_named(g, "DNS");
	CU_ASSERT_PTR_NOT_NULL_FATAL(dns);
	CU_ASSERT_STRING_EQUAL(dns->definition, "Turns names into addresses, as BGP turns prefixes into routes.");
	CU_ASSERT_STRING_EQUAL(dns->categories[0], "Naming");
	gg_glossary_free(g);
}

static void test_bold_list(void)
{
	gg_glossary *g = read_fixture(FIXTURE("bold.md"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);
	const gg_entry *linker = entry_named(g, "Linker");
	CU_ASSERT_PTR_NOT_NULL_FATAL(linker);
	CU_ASSERT_EQUAL(linker->line, 4);
	CU_ASSERT_STRING_EQUAL(linker->definition, "Joins object files into one program made by the compiler.");
	const gg_entry *archiver = entry_named(g, "Archiver");
	CU_ASSERT_PTR_NOT_NULL_FATAL(archiver);
	CU_ASSERT_STRING_EQUAL(archiver->definition, "Packs object files; the linker reads them.");
	const gg_entry *loader = entry_named(g, "Loader");
	CU_ASSERT_PTR_NOT_NULL_FATAL(loader);
	CU_ASSERT_STRING_EQUAL(loader->definition, "Maps a program into memory.");
	gg_glossary_free(g);
}

/* A parenthetical between a bold term and its colon or dash is part of the
 * name (an expansion: the concept's name, the term its abbreviation). */
static void test_bold_parenthetical(void)
{
	gg_glossary *g = read_text("**API** (Application Programming Interface): Rules for programs.\n\n"
				   "- **CLI** (command-line interface) - A text interface.\n"
				   "- **GUI** *(graphical user interface)*: A graphical one.\n\n"
				   "**REST**: A style (of an API): plain.\n\n"
				   "**Open** (not closed) and more: a sentence, no entry.\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);
	const gg_entry *api = entry_named(g, "API (Application Programming Interface)");
	CU_ASSERT_PTR_NOT_NULL_FATAL(api);
	CU_ASSERT_STRING_EQUAL(api->definition, "Rules for programs.");
	const gg_concept *c = gg_glossary_concept(g, api->concept);
	CU_ASSERT_STRING_EQUAL(c->name, "Application Programming Interface");
	CU_ASSERT_EQUAL_FATAL(c->n_abbrevs, 1);
	CU_ASSERT_STRING_EQUAL(c->abbrevs[0], "API");
	const gg_entry *cli = entry_named(g, "CLI (command-line interface)");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cli);
	CU_ASSERT_STRING_EQUAL(cli->definition, "A text interface.");
	const gg_entry *gui = entry_named(g, "GUI (graphical user interface)");
	CU_ASSERT_PTR_NOT_NULL_FATAL(gui);
	CU_ASSERT_STRING_EQUAL(gui->definition, "A graphical one.");
	const gg_entry *rest = entry_named(g, "REST");
	CU_ASSERT_PTR_NOT_NULL_FATAL(rest);
	CU_ASSERT_STRING_EQUAL(rest->definition, "A style (of an API): plain.");
	gg_glossary_free(g);
}

/*
 * A bold line opening a paragraph, with its definition on the next line, is
 * a bold item; a bold
 * label that opens a paragraph under heading after heading ("**Example:**")
 * names one term only, so the headings are the entries.
 */
static void test_bold_lines_and_labels(void)
{
	gg_glossary *g = read_text("# Glossary\n\n**Cache** - A fast store.\n\n**Queue**\nA line of items;\n"
				   "see cache.\n\n**Buffer**:\nA region.\n\n**Not a term**\n\nText alone.\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Queue"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Queue")->definition, "A line of items; see cache.");
	CU_ASSERT_EQUAL(entry_named(g, "Queue")->line, 5);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Buffer"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Buffer")->definition, "A region.");
	gg_glossary_free(g);

	/* inside a paragraph, or over a table, a bold line is no term */
	g = read_text("## Alpha\n\nText of alpha\n**Important**\nmore.\n\n**Table 1**\n| a | b |\n| - | - |\n| 1 | 2 |\n\n"
		      "## Beta\n\nA beta.\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NULL(entry_named(g, "Important"));
	gg_glossary_free(g);

	g = read_text("# Glossary\n\n## Cache\n\nA fast store.\n\n**Example:** a CPU cache.\n\n"
		      "## Index\n\nA lookup.\n\n**Example:** a book index.\n\n## Queue\n\nA line.\n\n"
		      "**Example:** a print queue.\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Cache"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Cache")->definition, "A fast store. Example: a CPU cache.");
	gg_glossary_free(g);
}

static void test_markup_and_nothing(void)
{
	const char text[] = "## A_b term\n\nSee *this*, __that__, snake_case, 2 * 3, \\*stars\\* and ![pic](x.png).\n";
	gg_glossary *g = NULL;
	g = read_built("m.md", text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, "A_b term");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition,
			       "See this, that, snake_case, 2 * 3, *stars* and pic.");
	gg_glossary_free(g);

	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "prose.md", "just prose\n", 11), 0);
	CU_ASSERT_EQUAL(gg_glossary_diagnostic_count(g), 1);
	CU_ASSERT_EQUAL(gg_glossary_build(g, NULL), GG_EINPUT);
	gg_glossary_free(g);
}

static void test_shapes_decided(void)
{
	/* no blank lines between entries; a lazy line stays in its definition */
	gg_glossary *g = read_text("Term A\n: def A starts\n  continues here\nTerm B\n: def B\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition, "def A starts continues here");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 1)->header, "Term B");
	CU_ASSERT_EQUAL(gg_glossary_entry(g, 1)->line, 4);
	gg_glossary_free(g);
	/* a bold note inside a heading's text does not turn the file into a list */
	g = read_text("## One\n\nText one.\n\n**Note**: a note.\n\n## Two\n\nText two.\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition, "Text one. Note: a note.");
	gg_glossary_free(g);
}

/*
 * Tables: columns by their names as in CSV, lists split on ';'; an
 * escaped pipe cuts no cell and is a '|' of it, in a code span too, as
 * GitHub reads tables (where an unescaped one cuts even in a code span);
 * links in the definition are
 * editor links; the section heading above is the category. Without
 * column names the term is the first column and the definition the one
 * with the most text; a heading glossary with a small table inside keeps
 * its headings.
 */
static void test_tables(void)
{
	gg_glossary *g = read_text(
		"# Glossary\n\n## Networking\n\n"
		"| **Term** | Abbreviation | Synonyms | Definition |\n"
		"|:---|---|---|---|\n"
		"| Domain Name System | DNS | name service | Turns names into `a\\|b` addresses; see [router](#router). |\n"
		"| Router | | gateway; edge router | Forwards packets \\| frames. |\n"
		"| Switch | | | Runs `cut -d|` on frames. |\n"
		"| `a\\|b` | | | Either. |\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 4);
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "a|b"));
	const gg_entry *dns = entry_named(g, "Domain Name System"), *router = entry_named(g, "Router");
	CU_ASSERT_PTR_NOT_NULL_FATAL(dns);
	CU_ASSERT_PTR_NOT_NULL_FATAL(router);
	CU_ASSERT_EQUAL(dns->line, 7);
	CU_ASSERT_STRING_EQUAL(dns->definition, "Turns names into `a|b` addresses; see router.");
	CU_ASSERT_EQUAL_FATAL(dns->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(dns->xrefs[0].target, "Router");
	CU_ASSERT_STRING_EQUAL(router->definition, "Forwards packets | frames.");
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Switch"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Switch")->definition, "Runs `cut -d");
	size_t a, b;
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "DNS"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "name service"), 0);
	CU_ASSERT_EQUAL(a, b);
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "edge router"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "gateway"), 0);
	CU_ASSERT_EQUAL(a, b);
	const gg_concept *c = gg_glossary_concept(g, a);
	CU_ASSERT_EQUAL_FATAL(c->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(c->categories[0], "Networking");
	gg_glossary_free(g);

	g = read_text("Hub | Repeats frames to every port.\n--- | ---\nBridge | Joins two networks of hubs.\n"
		      "Repeater | Restores a signal.\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, "Bridge");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition, "Joins two networks of hubs.");
	gg_glossary_free(g);

	g = read_text("## One\n\nText one.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n## Two\n\nText two.\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 1)->header, "Two");
	gg_glossary_free(g);
}


/*
 * Raw HTML as CommonMark reads it: tags dropped (those that part text leave
 * a space, code tags a backtick), comments dropped across the lines of a
 * definition, but text where no tag or closed comment is, autolinks
 * their address; character references decoded, an unknown one kept; an
 * escaped '<' and a '<' before a space are text. A name's code span is its
 * text. An entry commented out is none. Evidence offsets still point into
 * the file.
 */
static void test_raw_html(void)
{
	const char text[] =
		"## Alpha\n\n"
		"If a < b, see <https://example.com/x> or <me@example.org>; \\<b> AT&T &bogus; &#0; "
		"&#xA9;&copy;&#169; <span title=\"a > b\">x</span>y<br>z. Start <!-- a\nhidden\nline --> end.\n\n"
		"<!--\n## Draft\n\nNot ready.\n-->\n\n"
		"## `git pull`\n\nUses <code>alpha</code> &mdash; then Gamma.\n\n"
		"## Gamma\n\nA gamma.\n";
	gg_glossary *g = read_text(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 3);
	const gg_entry *alpha = entry_named(g, "Alpha"), *pull = entry_named(g, "git pull");
	CU_ASSERT_PTR_NOT_NULL_FATAL(alpha);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pull);
	CU_ASSERT_STRING_EQUAL(alpha->definition,
			       "If a < b, see https://example.com/x or me@example.org; <b> AT&T &bogus; "
			       "\xEF\xBF\xBD \xC2\xA9\xC2\xA9\xC2\xA9 xy z. Start end.");
	CU_ASSERT_STRING_EQUAL(pull->definition, "Uses `alpha` \xE2\x80\x94 then Gamma.");
	gg_glossary_free(g);

	/* no tag without CommonMark's attributes; a comment never closed is text */
	g = read_text("- **Less**: true when a<b && c>d, x<y + z>w, <a href=x title='t' hidden/>y.\n"
		      "- **Open**: use <!-- to open\n  a comment.\n- **Shut**: a <!-- hidden\n  note --> word.\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 3);
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Less")->definition, "true when a<b && c>d, x<y + z>w, y.");
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Open")->definition, "use <!-- to open a comment.");
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Shut")->definition, "a word.");
	gg_glossary_free(g);

	gg_links *l = NULL;
	g = read_text(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	gg_link_options o;
	gg_link_options_init(&o);
	o.keep_all = true;
	CU_ASSERT_EQUAL_FATAL(gg_links_new(&l, g, &o), 0);
	size_t found = 0;
	for (size_t i = 0; i < gg_links_count(l); i++) {
		const gg_edge *e = gg_links_edge(l, i);
		if (e->kind == GG_EDGE_MENTION && strcmp(gg_glossary_concept(g, e->target)->name, "Gamma") == 0) {
			found++;
			CU_ASSERT_EQUAL(e->offset, (size_t)(strstr(text, "Gamma.") - text));
		}
	}
	CU_ASSERT_EQUAL(found, 1);
	gg_links_free(l);
	gg_glossary_free(g);
}

/*
 * Footnotes are the page's apparatus: a reference "[^1]" to a note of the
 * file is left out of the text (another "[^x]" is text), a note ("[^1]:
 * ...", its lazy and its indented lines, up to a block) out of the
 * definition above it, whose later paragraphs still belong to it. An
 * exponent in raw HTML reads with a caret; other superscripts as text.
 */
static void test_footnotes_and_exponents(void)
{
	static const char text[] =
		"## Kilo\n\nA factor of 10<sup>3</sup>[^1], since the 19<sup>th</sup> century[^si].\n\n"
		"[^1]: From the\nSI brochure.\n\n    Its second paragraph.\n"
		"[^si]: Another note.\n\nUsed with [^ not a note] and [^x] words.\n\n"
		"## Mega\n\nA factor of 2<SUP>20</SUP>, O(n<sup>\xE2\x88\x92" "1</sup>) or x<sup>n</sup>.\n";
	gg_glossary *g = read_text(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 2);
	const gg_entry *kilo = entry_named(g, "Kilo"), *mega = entry_named(g, "Mega");
	CU_ASSERT_PTR_NOT_NULL_FATAL(kilo);
	CU_ASSERT_PTR_NOT_NULL_FATAL(mega);
	CU_ASSERT_STRING_EQUAL(kilo->definition, "A factor of 10^3, since the 19th century. "
						 "Used with [^ not a note] and [^x] words.");
	CU_ASSERT_STRING_EQUAL(mega->definition, "A factor of 2^20, O(n^\xE2\x88\x92" "1) or x^n.");
	gg_glossary_free(g);

	/* a note ends where a block starts: a comment, a fence, a list item */
	static const char blocks[] =
		"## Alpha\n\nFirst.[^1]\n\n[^1]: A note.\n<!--\nhidden\n-->\nAfter the comment.\n\n"
		"## Beta\n\nSecond.\n\n[^2]: Another.\n```\ncode\n```\n\n"
		"## Gamma\n\nThird.\n\n[^3]: Third note.\n- an item\n";
	g = read_text(blocks);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 3);
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Alpha")->definition, "First. After the comment.");
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Beta")->definition, "Second. `code`");
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Gamma")->definition, "Third. - an item");
	gg_glossary_free(g);
}

/*
 * Abbreviation lines ("*[OCI]: ...", as MkDocs sites keep their glossary)
 * are entries whatever the layout, in file order, and text of no other
 * entry: a text that only spells the abbreviation out is the term, with the
 * abbreviation; any other text is the abbreviation's definition.
 */
static void test_abbreviations(void)
{
	static const char text[] =
		"# Glossary\n\n## Container\n\nA process run by the OCI runtime.\n\n"
		"*[OCI]: Open Container Initiative\n*[REST]: Representational State Transfer, an API style\n\n"
		"## Image\n\nWhat a container starts from.\n\n*[no]: x\n*[]: empty\n*[CRI]:\n";
	gg_glossary *g = read_text(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 5);
	const char *order[] = { "Container", "Open Container Initiative", "REST", "Image", "no" };
	for (size_t i = 0; i < 5; i++)
		CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, i)->header, order[i]);
	const gg_entry *container = entry_named(g, "Container"), *oci = entry_named(g, "Open Container Initiative"),
		       *rest = entry_named(g, "REST");
	CU_ASSERT_PTR_NOT_NULL_FATAL(container);
	CU_ASSERT_PTR_NOT_NULL_FATAL(oci);
	CU_ASSERT_PTR_NOT_NULL_FATAL(rest);
	CU_ASSERT_STRING_EQUAL(container->definition, "A process run by the OCI runtime.");
	CU_ASSERT_EQUAL_FATAL(oci->n_abbrevs, 1);
	CU_ASSERT_STRING_EQUAL(oci->abbrevs[0], "OCI");
	CU_ASSERT_STRING_EQUAL(oci->definition, "Open Container Initiative");
	CU_ASSERT_EQUAL(rest->n_abbrevs, 0);
	CU_ASSERT_STRING_EQUAL(rest->definition, "Representational State Transfer, an API style");
	CU_ASSERT_EQUAL(oci->line, 7);
	gg_glossary_free(g);

	/* a file of abbreviations only */
	g = read_text("*[API]: Application Programming Interface\n*[HTTP]: Hypertext Transfer Protocol\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	size_t api, full;
	CU_ASSERT_EQUAL(gg_glossary_find(&api, g, "API"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&full, g, "application programming interface"), 0);
	CU_ASSERT_EQUAL(api, full);
	gg_glossary_free(g);
}

/* Letter sections name no category, in any alphabet. */
static void test_letter_sections(void)
{
	static const char text[] = "# Glossar\n\n## Ж\n\nЖурнал\n:   Запись событий.\n\n## Á\n\n"
				   "Árbol\n:   Un árbol.\n\n## Networking\n\nRouter\n:   Forwards packets.\n";
	gg_glossary *g = read_text(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 3);
	const gg_entry *log = entry_named(g, "Журнал"), *tree = entry_named(g, "Árbol"), *router = entry_named(g, "Router");
	CU_ASSERT_PTR_NOT_NULL_FATAL(log);
	CU_ASSERT_PTR_NOT_NULL_FATAL(tree);
	CU_ASSERT_PTR_NOT_NULL_FATAL(router);
	CU_ASSERT_EQUAL(log->n_categories, 0);
	CU_ASSERT_EQUAL(tree->n_categories, 0);
	CU_ASSERT_EQUAL_FATAL(router->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(router->categories[0], "Networking");
	gg_glossary_free(g);
}

/*
 * Front matter: a page per term (its title, aliases and tags; its text
 * the definition, a Hugo shortcode showing its text and linking to the
 * entry its term_id names); a page without text (its description); a
 * glossary page whose front matter is no entry and no text; TOML front
 * matter left out; front matter that is no YAML warned of.
 */
static void test_front_matter(void)
{
	const char pod[] =
		"---\n"
		"id: pod\n"
		"title: Pod\n"                                      /* 3 */
		"aka:\n- pods group\n"
		"tags:\n- core-object\n"
		"short_description: >\n  Not read.\n"
		"description: Left out, the page has text.\n"
		"---\n"
		"A set of running {{< glossary_tooltip text=\"containers\" term_id=\"load-balancer\" >}} on a node.\n"
		"\n<!--more-->\n\n"
		"{{< note >}}Kept.{{< /note >}}\n";
	gg_glossary *g = read_built("pod.md", pod, sizeof(pod) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *e = entry_named(g, "Pod");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_EQUAL(e->line, 3);
	CU_ASSERT_STRING_EQUAL(e->definition, "A set of running containers on a node. Kept.");
	CU_ASSERT_EQUAL_FATAL(e->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(e->categories[0], "core-object");
	CU_ASSERT_EQUAL_FATAL(e->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(e->xrefs[0].target, "load balancer");
	size_t a, b;
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "pods group"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "pod"), 0);
	CU_ASSERT_EQUAL(a, b);
	gg_glossary_free(g);

	const char bare[] = "---\ntitle: Node\ndescription: A machine in the cluster.\n---\n";
	g = read_built("node.md", bare, sizeof(bare) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Node"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Node")->definition, "A machine in the cluster.");
	gg_glossary_free(g);

	const char list[] = "---\ntitle: Glossary\nlayout: page\n---\n\nCache\n: A fast store.\n";
	g = read_built("glossary.md", list, sizeof(list) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 1);
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Cache"));
	gg_glossary_free(g);

	const char toml[] = "+++\ntitle = \"Glossary\"\n+++\n\nCache\n: A fast store.\n";
	g = read_built("toml.md", toml, sizeof(toml) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 1);
	gg_glossary_free(g);

	/* a thematic break first, then text: no front matter */
	const char rule[] = "---\n\n## API\n\nAn interface.\n\n---\n\n## SDK\n\nA kit.\n";
	g = read_built("rule.md", rule, sizeof(rule) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	gg_glossary_free(g);

	const char bad[] = "---\ntitle: [unclosed\n---\nText.\n";
	g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "bad.md", bad, sizeof(bad) - 1), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "front matter that is no YAML"), 1);
	gg_glossary_free(g);
}

/*
 * MyST glossary directives: their entries alone (a definition list beside
 * them is no glossary), term lines over a definition set in, stacked
 * terms, options under the fence, text before the first term; roles give
 * their text ({term} also an editor link, the code roles code); a term
 * without a definition reported; a fence left open runs to the end.
 */
static void test_myst_glossary(void)
{
	static const char text[] =
		"# Notes\n"
		"\n"
		"Other\n"
		": A definition list's entry.\n"
		"\n"
		"## Terms\n"
		"\n"
		"````{glossary}\n"
		":sorted:\n"
		"\n"
		"API\n"
		"application programming interface\n"
		"  An interface; see {term}`the kit <SDK>`, {abbr}`HTTP (Hypertext Transfer Protocol)`,\n"
		"  {code}`curl -X` and {ref}`details <api-details>`.\n"
		"\n"
		"  ```\n"
		"  code in a definition\n"
		"  ```\n"
		"\n"
		"Bare\n"
		"````\n"
		"\n"
		":::{glossary}\n"
		"SDK\n"
		"    A kit of tools for an {term}`API`.\n";
	gg_glossary *g = read_built("myst.md", text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NULL(entry_named(g, "Other"));
	const gg_entry *api = entry_named(g, "API");
	CU_ASSERT_PTR_NOT_NULL_FATAL(api);
	CU_ASSERT_EQUAL(api->line, 11);
	CU_ASSERT_EQUAL_FATAL(api->n_names, 1);
	CU_ASSERT_STRING_EQUAL(api->names[0], "application programming interface");
	CU_ASSERT_STRING_EQUAL(api->definition, "An interface; see the kit, HTTP (Hypertext Transfer Protocol), "
						"`curl -X` and details. `code in a definition`");
	CU_ASSERT_EQUAL_FATAL(api->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(api->xrefs[0].target, "SDK");
	CU_ASSERT_EQUAL_FATAL(api->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(api->categories[0], "Terms");
	const gg_entry *sdk = entry_named(g, "SDK");
	CU_ASSERT_PTR_NOT_NULL_FATAL(sdk);
	CU_ASSERT_STRING_EQUAL(sdk->definition, "A kit of tools for an API.");
	CU_ASSERT_EQUAL(diagnostics_saying(g, "'Bare' has no definition"), 1);
	gg_glossary_free(g);

	/* options as a YAML block; text set in before the first term; a
	 * classifier; a target without a space; an inner code block left open
	 * that the directive's fence closes; a fence with spaces after it; a
	 * directive inside a comment, and inline code naming one, are none */
	static const char more[] =
		"`` {glossary} `` is how MyST writes one.\n"
		"\n"
		"<!--\n"
		"```{glossary}\n"
		"Old\n"
		"  A stale entry.\n"
		"```\n"
		"-->\n"
		"\n"
		"````{glossary}\n"
		"---\n"
		"sorted: true\n"
		"---\n"
		"   Terms of the trade.\n"
		"\n"
		"API : interface\n"
		"  An interface.\n"
		"\n"
		"  ```   \n"
		"  a = 1\n"
		"  ```\n"
		"\n"
		"SDK\n"
		"  A kit of {term}`APIs<API>` and {py:class}`Kit`.\n"
		"  ```python\n"
		"  x = 1\n"
		"````\n";
	g = read_built("more.md", more, sizeof(more) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NULL(entry_named(g, "Old"));
	const gg_entry *api2 = entry_named(g, "API"), *kit = entry_named(g, "SDK");
	CU_ASSERT_PTR_NOT_NULL_FATAL(api2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(kit);
	CU_ASSERT_STRING_EQUAL(api2->definition, "An interface. `a = 1`");
	CU_ASSERT_STRING_EQUAL(kit->definition, "A kit of APIs and `Kit`. `x = 1`");
	CU_ASSERT_EQUAL_FATAL(kit->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(kit->xrefs[0].target, "API");
	gg_glossary_free(g);

	/* roles are MyST's alone: in another Markdown file braces stay text;
	 * an empty glossary leaves the file's other layouts */
	static const char plain[] = "```{glossary}\n```\n\nAPI\n: An interface {x}`y`.\n";
	g = read_built("plain.md", plain, sizeof(plain) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "API"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "API")->definition, "An interface y.");
	gg_glossary_free(g);
	static const char not_myst[] = "API\n: An interface {x}`y`.\n";
	g = read_built("notmyst.md", not_myst, sizeof(not_myst) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "API"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "API")->definition, "An interface {x}`y`.");
	gg_glossary_free(g);
}

CU_ErrorCode suite_markdown_add(void)
{
	CU_pSuite s = CU_add_suite("Markdown reader", NULL, NULL);
	if (!s || !CU_add_test(s, "definition list", test_definition_list) ||
	    !CU_add_test(s, "one heading per term", test_headings) ||
	    !CU_add_test(s, "letter sections in any alphabet", test_letter_sections) ||
	    !CU_add_test(s, "bold list", test_bold_list) ||
	    !CU_add_test(s, "bold lines and bold labels", test_bold_lines_and_labels) ||
	    !CU_add_test(s, "a bold term's parenthetical", test_bold_parenthetical) ||
	    !CU_add_test(s, "compact lists, headings with notes", test_shapes_decided) ||
	    !CU_add_test(s, "markup removed, no entries", test_markup_and_nothing) ||
	    !CU_add_test(s, "tables", test_tables) ||
	    !CU_add_test(s, "raw HTML and character references", test_raw_html) ||
	    !CU_add_test(s, "footnotes left out, exponents with a caret", test_footnotes_and_exponents) ||
	    !CU_add_test(s, "abbreviation lines", test_abbreviations) ||
	    !CU_add_test(s, "front matter: a page per term", test_front_matter) ||
	    !CU_add_test(s, "MyST glossary directives and roles", test_myst_glossary))
		return CU_get_error();
	return CUE_SUCCESS;
}
