/* suites.h - the CUnit suites of the unit-test binary, one per module. */
#ifndef GG_TESTS_SUITES_H
#define GG_TESTS_SUITES_H

#include <CUnit/CUnit.h>

#include "glossgraph.h"

/* Each adds its suite to the registry; returns a CUE_* code. */
CU_ErrorCode suite_text_add(void);
CU_ErrorCode suite_page_add(void);
CU_ErrorCode suite_html_add(void);
CU_ErrorCode suite_markdown_add(void);
CU_ErrorCode suite_csv_add(void);
CU_ErrorCode suite_json_add(void);
CU_ErrorCode suite_skos_add(void);
CU_ErrorCode suite_rst_add(void);
CU_ErrorCode suite_asciidoc_add(void);
CU_ErrorCode suite_docx_add(void);
CU_ErrorCode suite_odf_add(void);
CU_ErrorCode suite_xlsx_add(void);
CU_ErrorCode suite_docbook_add(void);
CU_ErrorCode suite_texinfo_add(void);
CU_ErrorCode suite_latex_add(void);
CU_ErrorCode suite_yaml_add(void);
CU_ErrorCode suite_model_add(void);
CU_ErrorCode suite_automaton_add(void);
CU_ErrorCode suite_links_add(void);
CU_ErrorCode suite_link_cases_add(void);
CU_ErrorCode suite_export_add(void);
CU_ErrorCode suite_output_add(void);
CU_ErrorCode suite_graph_add(void);
CU_ErrorCode suite_query_add(void);
CU_ErrorCode suite_version_add(void);
CU_ErrorCode suite_map_add(void);
CU_ErrorCode suite_store_add(void);

/* Shared by the readers' suites (helpers.c). */
/* The first entry of g whose header is `header`, or NULL. */
const gg_entry *entry_named(const gg_glossary *g, const char *header);
/* A new glossary read from text[0, len) as file `name` and built; NULL when
 * any step fails (the caller asserts it is not). */
gg_glossary *read_built(const char *name, const char *text, size_t len);
/* The same for the file at `path` (FIXTURE). */
gg_glossary *read_fixture(const char *path);
/* The first 64 KiB of file `path`, malloc'd, into *len; NULL on failure. */
char *slurp(const char *path, size_t *len);
/* How many of g's diagnostics hold `words` in their message. */
size_t diagnostics_saying(const gg_glossary *g, const char *words);

/* Path of a fixture under tests/data (the binary runs from tests/). */
#define FIXTURE(name) "data/" name

#endif
