/* test_links.c - the linker's edges: evidence made on demand, held edges dropped or kept, order. */
#include "suites.h"
#include "glossgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * "widget" is named by every other definition; "gearbox" names "sprocket" past the snippet's reach; the
 * header of "sprocket" names "machine parts" as its category.
 */
static const char page[] =
	"machine parts, parts\n\n**Machine parts** are widgets and sprockets.\n\n"
	"widget, machine parts\n\n**Widget** is a small part.\n\n"
	"sprocket, machine parts\n\n**Sprocket** is a toothed wheel of a widget.\n\n"
	"gearbox, machine parts\n\n**Gearbox** holds gears in a case, with shafts, seals, oil, "
	"bearings and a housing of cast iron or aluminium, and it drives a sprocket "
	"through a chain that is long enough to end far from the start of this text. "
	"A widget too.\n\n"
	"chain, machine parts\n\n**Chain** links a sprocket to a widget.\n";

static gg_glossary *glossary;

static int make_glossary(void)
{
	return gg_glossary_new(&glossary) ||
	       gg_glossary_read_buffer(glossary, "parts.txt", page, sizeof(page) - 1) ||
	       gg_glossary_build(glossary, NULL);
}

static int free_glossary(void)
{
	gg_glossary_free(glossary);
	return 0;
}

static size_t concept(const gg_glossary *g, const char *name)
{
	size_t c = 0;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&c, g, name), 0);
	return c;
}

/* The edge from `from` to `to` of `kind` in l (the links of g), or NULL. */
static const gg_edge *find_edge(const gg_glossary *g, const gg_links *l, const char *from,
				const char *to, gg_edge_kind kind)
{
	size_t s = concept(g, from), t = concept(g, to);
	for (size_t i = 0; i < gg_links_count(l); i++) {
		const gg_edge *e = gg_links_edge(l, i);
		if (e->source == s && e->target == t && e->kind == kind)
			return e;
	}
	return NULL;
}

/* Links with the defaults, the threshold at 1 so that every mention link is held (no score reaches it). */
static gg_links *link_with(bool keep_all, bool drop_held)
{
	gg_link_options o;
	gg_link_options_init(&o);
	o.threshold = 1;
	o.keep_all = keep_all;
	o.drop_held = drop_held;
	o.dictionary = "/dev/null";
	gg_links *l = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_links_new(&l, glossary, &o), 0);
	return l;
}

/* The surface is the text as written, inside the entry's definition, at its offset. */
static void test_surface_and_offset(void)
{
	gg_links *l = link_with(false, false);
	const gg_edge *e = find_edge(glossary, l, "gearbox", "sprocket", GG_EDGE_MENTION);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	const gg_entry *entry = gg_glossary_entry(glossary, e->entry);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry);
	CU_ASSERT_EQUAL(entry->concept, concept(glossary, "gearbox"));
	CU_ASSERT_STRING_EQUAL(entry->file, "parts.txt");
	CU_ASSERT_EQUAL(e->surface_len, strlen("sprocket"));
	CU_ASSERT_NSTRING_EQUAL(e->surface, "sprocket", e->surface_len);
	CU_ASSERT_TRUE(e->surface > entry->definition &&
		       e->surface < entry->definition + entry->definition_len);
	CU_ASSERT_EQUAL_FATAL(e->offset + e->surface_len <= sizeof(page) - 1, true);
	CU_ASSERT_NSTRING_EQUAL(page + e->offset, "sprocket", e->surface_len);
	gg_links_free(l);
}

/* Snippets: context cut with "...", ** dropped, a header line for a category, snprintf sizes. */
static void test_snippets(void)
{
	gg_links *l = link_with(false, false);
	char buf[GG_SNIPPET_MAX];

	const gg_edge *far = find_edge(glossary, l, "gearbox", "sprocket", GG_EDGE_MENTION);
	CU_ASSERT_PTR_NOT_NULL_FATAL(far);
	size_t n = gg_edge_snippet(l, far, buf, sizeof(buf));
	CU_ASSERT_EQUAL(n, strlen(buf));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "drives a sprocket through"));
	CU_ASSERT_NSTRING_EQUAL(buf, "...", 3);
	CU_ASSERT_STRING_EQUAL(buf + n - 3, "...");
	CU_ASSERT_PTR_NULL(strstr(buf, "**"));

	const gg_edge *near = find_edge(glossary, l, "sprocket", "widget", GG_EDGE_MENTION);
	CU_ASSERT_PTR_NOT_NULL_FATAL(near);
	gg_edge_snippet(l, near, buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "Sprocket is a toothed wheel of a widget.");

	const gg_edge *cat = find_edge(glossary, l, "sprocket", "machine parts", GG_EDGE_CATEGORY);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cat);
	CU_ASSERT_EQUAL(gg_edge_snippet(l, cat, buf, sizeof(buf)), strlen("sprocket, machine parts"));
	CU_ASSERT_STRING_EQUAL(buf, "sprocket, machine parts");
	CU_ASSERT_NSTRING_EQUAL(cat->surface, "machine parts", cat->surface_len);

	/* too small a buffer: cut, NUL-terminated, the whole length returned */
	char small[8];
	CU_ASSERT_EQUAL(gg_edge_snippet(l, near, small, sizeof(small)),
			strlen("Sprocket is a toothed wheel of a widget."));
	CU_ASSERT_STRING_EQUAL(small, "Sprocke");
	CU_ASSERT_EQUAL(gg_edge_snippet(l, near, NULL, 0),
			strlen("Sprocket is a toothed wheel of a widget."));

	/* a surface that is not the glossary's text has no snippet */
	gg_edge foreign = *near;
	foreign.surface = "widget";
	CU_ASSERT_EQUAL(gg_edge_snippet(l, &foreign, buf, sizeof(buf)), 0);
	CU_ASSERT_STRING_EQUAL(buf, "");
	gg_links_free(l);
}

/* drop_held stores only kept edges, and counts the same mentions. */
static void test_drop_held(void)
{
	gg_links *all = link_with(false, false), *kept = link_with(false, true);
	size_t held = 0;
	for (size_t i = 0; i < gg_links_count(all); i++)
		held += gg_links_edge(all, i)->held != GG_HELD_NONE;
	CU_ASSERT_TRUE(held > 0); /* every mention here */
	CU_ASSERT_EQUAL(gg_links_dropped(all), 0);
	CU_ASSERT_EQUAL(gg_links_dropped(kept), held);
	CU_ASSERT_EQUAL(gg_links_count(kept) + held, gg_links_count(all));
	CU_ASSERT_EQUAL(gg_links_mentions(kept), gg_links_mentions(all));
	for (size_t c = 0; c < gg_glossary_concept_count(glossary); c++)
		CU_ASSERT_EQUAL(gg_links_mentioned_by(kept, c), gg_links_mentioned_by(all, c));
	/* the kept edges are the same, field by field, in the same order */
	for (size_t i = 0, k = 0; i < gg_links_count(all); i++) {
		const gg_edge *e = gg_links_edge(all, i);
		if (e->held != GG_HELD_NONE)
			continue;
		CU_ASSERT_EQUAL_FATAL(memcmp(e, gg_links_edge(kept, k++), sizeof(*e)), 0);
	}
	gg_links_free(all);
	gg_links_free(kept);

	gg_links *every = link_with(true, true); /* keep_all: nothing is held, nothing dropped */
	CU_ASSERT_EQUAL(gg_links_dropped(every), 0);
	CU_ASSERT_EQUAL(gg_links_count(every), gg_links_count(kept = link_with(false, false)));
	gg_links_free(every);
	gg_links_free(kept);
}

/* Every value below an enum's _COUNT has a name of its own; past it, "unknown". */
static void test_enum_names(void)
{
	for (int k = 0; k < GG_EDGE_KIND_COUNT; k++)
		CU_ASSERT_TRUE(gg_edge_kind_name(k) && strcmp(gg_edge_kind_name(k), "unknown") != 0);
	for (int r = 0; r < GG_MATCH_RULE_COUNT; r++)
		CU_ASSERT_TRUE(gg_match_rule_name(r) && strcmp(gg_match_rule_name(r), "unknown") != 0);
	for (int h = 1; h < GG_HOLD_REASON_COUNT; h++)
		CU_ASSERT_TRUE(gg_hold_reason_name(h) && *gg_hold_reason_name(h) &&
			       strcmp(gg_hold_reason_name(h), "unknown") != 0);
	for (int s = 0; s < GG_THRESHOLD_SOURCE_COUNT; s++)
		CU_ASSERT_TRUE(gg_threshold_source_name(s) &&
			       strcmp(gg_threshold_source_name(s), "unknown") != 0);
	for (int f = 0; f < GG_LINK_FEATURE_COUNT; f++)
		CU_ASSERT_TRUE(gg_link_feature_name(f) && *gg_link_feature_name(f));
	CU_ASSERT_STRING_EQUAL(gg_edge_kind_name(GG_EDGE_KIND_COUNT), "unknown");
	CU_ASSERT_STRING_EQUAL(gg_match_rule_name(GG_MATCH_RULE_COUNT), "unknown");
	CU_ASSERT_STRING_EQUAL(gg_hold_reason_name(GG_HOLD_REASON_COUNT), "unknown");
	CU_ASSERT_STRING_EQUAL(gg_threshold_source_name(GG_THRESHOLD_SOURCE_COUNT), "unknown");
}

/* gg_check's findings come grouped by kind; the list's destroy zeroes it and may be repeated. */
static void test_check_findings(void)
{
	gg_links *l = link_with(false, false); /* every mention held for its score */
	gg_finding_list found;
	CU_ASSERT_EQUAL_FATAL(gg_check(&found, l), 0);
	CU_ASSERT_TRUE(found.count > 0);
	CU_ASSERT_EQUAL(found.count ? found.items[0].kind : GG_FINDING_ORPHAN, GG_FINDING_OVER_LINKED);
	for (size_t i = 1; i < found.count; i++)
		CU_ASSERT_TRUE(found.items[i - 1].kind <= found.items[i].kind);
	gg_finding_list_destroy(&found);
	CU_ASSERT_PTR_NULL(found.items);
	CU_ASSERT_EQUAL(found.count, 0);
	gg_finding_list_destroy(&found);
	gg_links_free(l);
}

/* An editor's link that names no entry is a finding, once per entry, with the entry that holds it. */
static void test_unknown_targets(void)
{
	const char letters[] = "Term,Definition,See also\n"
			       "Alpha,The first letter,Omega; Beta; Omega\n"
			       "Beta,The second letter,Alpha\n";
	gg_glossary *g = read_built("letters.csv", letters, sizeof(letters) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	gg_links *l = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_links_new(&l, g, NULL), 0);
	gg_finding_list found;
	CU_ASSERT_EQUAL_FATAL(gg_check(&found, l), 0);
	size_t unknown = 0, alpha;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&alpha, g, "alpha"), 0);
	for (size_t i = 0; i < found.count; i++) {
		const gg_finding *f = &found.items[i];
		if (f->kind != GG_FINDING_UNKNOWN_TARGET)
			continue;
		unknown++;
		CU_ASSERT_STRING_EQUAL(f->target, "Omega");
		CU_ASSERT_EQUAL(f->concept, alpha);
		CU_ASSERT_EQUAL(gg_glossary_entry(g, f->entry)->line, 2);
	}
	CU_ASSERT_EQUAL(unknown, 1);
	gg_finding_list_destroy(&found);
	gg_links_free(l);
	gg_glossary_free(g);
}

/* Edges come ordered by source, target, kind, one per triple. */
static void test_order(void)
{
	gg_links *l = link_with(true, false);
	for (size_t i = 1; i < gg_links_count(l); i++) {
		const gg_edge *a = gg_links_edge(l, i - 1), *b = gg_links_edge(l, i);
		bool before = a->source < b->source ||
			      (a->source == b->source && (a->target < b->target ||
			       (a->target == b->target && a->kind < b->kind)));
		CU_ASSERT_TRUE(before);
	}
	gg_links_free(l);
}

/*
 * A mention's rule says whether it wrote the name exactly (EXACT) or in
 * other capitals, or with '-' for ' ' (CASE_FOLDED): names plain, with a
 * capital, with a hyphen (each bold opening spells the name as its
 * header does); mentions as written and otherwise.
 */
static const char rule_page[] =
	"neural network, models\n\n**neural network** is a model.\n\n"
	"Bernoulli trial, statistics\n\n**Bernoulli trial** is an experiment.\n\n"
	"gated-codec, signals\n\n**gated-codec** is a coder.\n\n"
	"alpha tool, tools\n\n**Alpha tool** uses a neural network, a Bernoulli trial "
	"and a gated-codec.\n\n"
	"beta tool, tools\n\n**Beta tool** uses a Neural Network, a bernoulli trial "
	"and a gated codec.\n\n"
	"gamma tool, tools\n\n**Gamma tool** uses a neural-network, a Bernoulli-trial "
	"and a Gated-codec.\n";

static void test_rules(void)
{
	static const struct {
		const char *from, *to;
		gg_match_rule rule;
	} want[] = {
		{ "alpha tool", "neural network", GG_RULE_EXACT },
		{ "alpha tool", "Bernoulli trial", GG_RULE_EXACT },
		{ "alpha tool", "gated-codec", GG_RULE_EXACT },
		{ "beta tool", "neural network", GG_RULE_CASE_FOLDED },
		{ "beta tool", "Bernoulli trial", GG_RULE_CASE_FOLDED },
		{ "beta tool", "gated-codec", GG_RULE_CASE_FOLDED },
		{ "gamma tool", "neural network", GG_RULE_CASE_FOLDED },
		{ "gamma tool", "Bernoulli trial", GG_RULE_CASE_FOLDED },
		{ "gamma tool", "gated-codec", GG_RULE_CASE_FOLDED },
	};
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "rules.txt", rule_page,
						      sizeof(rule_page) - 1), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	gg_link_options o;
	gg_link_options_init(&o);
	o.keep_all = true;
	o.dictionary = "/dev/null";
	gg_links *l = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_links_new(&l, g, &o), 0);
	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		const gg_edge *found = find_edge(g, l, want[k].from, want[k].to, GG_EDGE_MENTION);
		CU_ASSERT_PTR_NOT_NULL(found);
		if (found && found->rule != want[k].rule)
			fprintf(stderr, "\n%s -> %s: rule %s\n", want[k].from, want[k].to,
				gg_match_rule_name(found->rule));
		CU_ASSERT(found && found->rule == want[k].rule);
	}
	gg_links_free(l);
	gg_glossary_free(g);
}

CU_ErrorCode suite_links_add(void)
{
	CU_pSuite s = CU_add_suite("links", make_glossary, free_glossary);
	if (!s || !CU_add_test(s, "surface and offset", test_surface_and_offset) ||
	    !CU_add_test(s, "snippets", test_snippets) ||
	    !CU_add_test(s, "drop held", test_drop_held) ||
	    !CU_add_test(s, "check: findings by kind", test_check_findings) ||
	    !CU_add_test(s, "editors' links to no entry", test_unknown_targets) ||
	    !CU_add_test(s, "enum names", test_enum_names) ||
	    !CU_add_test(s, "order", test_order) ||
	    !CU_add_test(s, "rules: the name as written, or not", test_rules))
		return CU_get_error();
	return CUE_SUCCESS;
}
