/* test_yaml.c - the YAML reader: a list of mappings, a mapping of terms, what YAML allows that JSON does not, errors. */
#include "suites.h"
#include "glossgraph.h"

#include <string.h>

/* A glossary read from text; its diagnostics kept (NULL on failure, asserted by the caller). */
static gg_glossary *read_text(const char *name, const char *text, int *rc)
{
	gg_glossary *g = NULL;
	if (gg_glossary_new(&g) != 0)
		return NULL;
	*rc = gg_glossary_read_buffer(g, name, text, strlen(text));
	return g;
}

/*
 * A list of mappings inside a wrapper mapping, as documentation sites keep
 * them: block and flow lists, folded and literal scalars, comments, each
 * entry on the line of its "- "; "NO" and 1.0 stay the strings written.
 */
static void test_yaml_list(void)
{
	const char doc[] =
		"# terms of the trade\n"                 /* 1 */
		"title: Cloud\n"                        /* 2 */
		"terms:\n"                              /* 3 */
		"  - term: Virtual machine\n"           /* 4 */
		"    abbreviation: VM\n"
		"    aliases: [guest machine, guest]\n"
		"    tags:\n"
		"      - Compute\n"
		"    definition: >\n"
		"      Runs on a hypervisor;\n"
		"      its disks are block storage.\n"
		"  - term: Hypervisor\n"                /* 12 */
		"    see also: Virtual machine\n"
		"    definition: |\n"
		"      Software that runs each\n"
		"      virtual machine.\n"
		"  - term: NO\n"                        /* 17 */
		"    definition: 1.0\n";
	gg_glossary *g = read_built("cloud.yaml", doc, sizeof(doc) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	const gg_entry *vm = entry_named(g, "Virtual machine"), *hv = entry_named(g, "Hypervisor"),
		       *no = entry_named(g, "NO");
	CU_ASSERT_PTR_NOT_NULL_FATAL(vm);
	CU_ASSERT_PTR_NOT_NULL_FATAL(hv);
	CU_ASSERT_PTR_NOT_NULL_FATAL(no);
	CU_ASSERT_EQUAL(vm->line, 4);
	CU_ASSERT_EQUAL(hv->line, 12);
	CU_ASSERT_EQUAL(no->line, 17);
	CU_ASSERT_STRING_EQUAL(vm->definition, "Runs on a hypervisor; its disks are block storage.");
	size_t a, b;
	CU_ASSERT_EQUAL(gg_glossary_find(&a, g, "guest"), 0); /* the flow list's items are aliases */
	CU_ASSERT_EQUAL(gg_glossary_find(&b, g, "guest machine"), 0);
	CU_ASSERT_EQUAL(a, b);
	CU_ASSERT_EQUAL_FATAL(vm->n_abbrevs, 1);
	CU_ASSERT_STRING_EQUAL(vm->abbrevs[0], "VM");
	CU_ASSERT_EQUAL_FATAL(vm->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(vm->categories[0], "Compute");
	CU_ASSERT_STRING_EQUAL(hv->definition, "Software that runs each virtual machine.");
	CU_ASSERT_EQUAL_FATAL(hv->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(hv->xrefs[0].target, "Virtual machine");
	CU_ASSERT_STRING_EQUAL(no->definition, "1.0");
	gg_glossary_free(g);
}

/*
 * A mapping of terms: term -> definition, term -> mapping; a key given
 * twice keeps its first value, a key that is a list is passed over (the
 * lines after it stay right), an alias is not expanded, and only the
 * first of two documents is read.
 */
static void test_yaml_map(void)
{
	const char doc[] =
		"Cache: A fast store.\n"                          /* 1 */
		"Cache: A second value.\n"                        /* 2 */
		"? [a, b]\n"                                      /* 3 */
		": passed over\n"                                 /* 4 */
		"Checkpoint:\n"                                   /* 5 */
		"  definition: &cut Where the log is cut.\n"
		"  aliases: [cp]\n"
		"Cut: *cut\n"                                     /* 8 */
		"Write-ahead log:\n"                              /* 9 */
		"  definition: Written before the data; a checkpoint cuts it.\n"
		"---\n"
		"Later: Not read.\n";
	gg_glossary *g = read_built("map.yml", doc, sizeof(doc) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	const gg_entry *cache = entry_named(g, "Cache"), *cp = entry_named(g, "Checkpoint"),
		       *wal = entry_named(g, "Write-ahead log");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cache);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cp);
	CU_ASSERT_PTR_NOT_NULL_FATAL(wal);
	CU_ASSERT_PTR_NULL(entry_named(g, "Later"));
	CU_ASSERT_STRING_EQUAL(cache->definition, "A fast store.");
	CU_ASSERT_EQUAL(cache->line, 1);
	CU_ASSERT_EQUAL(cp->line, 5);
	CU_ASSERT_EQUAL(wal->line, 9);
	CU_ASSERT_STRING_EQUAL(cp->definition, "Where the log is cut.");
	/* "Cut: *cut" is null, not the anchored text: an entry without a definition */
	CU_ASSERT_PTR_NULL(entry_named(g, "Cut"));
	CU_ASSERT_EQUAL(diagnostics_saying(g, "is neither a definition nor an object"), 1);
	gg_glossary_free(g);
}

/* Bad YAML fails the file with its line; a scalar is no glossary; nesting past 256 levels is refused. */
static void test_yaml_errors(void)
{
	int rc = 0;
	gg_glossary *g = read_text("bad.yaml", "- term: A\n  definition: x\n - term: B\n", &rc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(rc, GG_EINPUT);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "bad.yaml:3: invalid YAML"));
	gg_glossary_free(g);

	g = read_text("scalar.yaml", "just text\n", &rc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(rc, GG_EINPUT);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "a list of mappings or a mapping of terms"));
	gg_glossary_free(g);

	char deep[700];
	memset(deep, '[', 600);
	strcpy(deep + 600, "\n");
	g = read_text("deep.yaml", deep, &rc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(rc, GG_EINPUT);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "nested more than 256 levels deep"));
	gg_glossary_free(g);

	g = read_text("empty.yaml", "# nothing\n", &rc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(rc, 0);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "empty file"), 1);
	gg_glossary_free(g);
}

/*
 * The shapes people write beside the JSON ones: a list of one-key items, a
 * mapping of categories to lists of entries, one entry alone; a key
 * "null" is a term; keys passed over and later documents are warned of;
 * a U+2028 in a value keeps the lines after it right.
 */
static void test_yaml_shapes(void)
{
	const char items[] = "- API: An interface.\n- SDK:\n    definition: A kit.\n    aliases: [devkit]\n";
	gg_glossary *g = read_built("items.yaml", items, sizeof(items) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "SDK"));
	CU_ASSERT_EQUAL(entry_named(g, "SDK")->line, 2);
	gg_glossary_free(g);

	const char grouped[] =
		"Storage:\n"
		"  - term: Disk\n"                       /* 2 */
		"    definition: \"A store\\u2028of blocks.\"\n"
		"  - term: Tape\n"                       /* 4 */
		"    definition: Slow.\n"
		"Compute:\n"
		"  - term: CPU\n"                        /* 7 */
		"    definition: A processor.\n"
		"null: The absence of a value.\n"        /* 9 */
		"null: Again.\n"
		"---\n"
		"Later: no.\n";
	g = read_built("grouped.yaml", grouped, sizeof(grouped) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *disk = entry_named(g, "Disk"), *tape = entry_named(g, "Tape"), *cpu = entry_named(g, "CPU"),
		       *null = entry_named(g, "null");
	CU_ASSERT_PTR_NOT_NULL_FATAL(disk);
	CU_ASSERT_PTR_NOT_NULL_FATAL(tape);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cpu);
	CU_ASSERT_PTR_NOT_NULL_FATAL(null);
	CU_ASSERT_EQUAL(disk->line, 2);
	CU_ASSERT_EQUAL(tape->line, 4);
	CU_ASSERT_EQUAL(cpu->line, 7);
	CU_ASSERT_EQUAL(null->line, 9);
	CU_ASSERT_EQUAL_FATAL(tape->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(tape->categories[0], "Storage");
	CU_ASSERT_STRING_EQUAL(cpu->categories[0], "Compute");
	CU_ASSERT_EQUAL(diagnostics_saying(g, "1 key given twice or not a scalar"), 1);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "only the first YAML document is read"), 1);
	gg_glossary_free(g);

	/* a titled wrapper is no entry: its "title" and "description" tell about the glossary */
	const char titled[] = "title: Project glossary\ndescription: Terms used.\nterms:\n"
			      "  - term: API\n    definition: An interface.\n  - term: SDK\n    definition: A kit.\n";
	g = read_built("titled.yaml", titled, sizeof(titled) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NULL(entry_named(g, "Project glossary"));
	gg_glossary_free(g);

	const char one[] = "# one entry\nterm: Alpha\ndefinition: The first.\n";
	g = read_built("one.yaml", one, sizeof(one) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 1);
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Alpha"));
	gg_glossary_free(g);
}

CU_ErrorCode suite_yaml_add(void)
{
	CU_pSuite s = CU_add_suite("YAML reader", NULL, NULL);
	if (!s || !CU_add_test(s, "a list of mappings", test_yaml_list) ||
	    !CU_add_test(s, "a mapping of terms, keys twice, aliases, documents", test_yaml_map) ||
	    !CU_add_test(s, "bad YAML, a scalar, deep nesting, nothing", test_yaml_errors) ||
	    !CU_add_test(s, "one-key items, categories, one entry, keys passed over", test_yaml_shapes))
		return CU_get_error();
	return CUE_SUCCESS;
}
