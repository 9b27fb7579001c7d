/* main.c - runs every CUnit suite; exits non-zero when a test fails. */
#include "suites.h"

#include <CUnit/Basic.h>
#include <stdio.h>

static CU_ErrorCode (*const suites[])(void) = {
	suite_text_add,
	suite_page_add,
	suite_html_add,
	suite_markdown_add,
	suite_csv_add,
	suite_json_add,
	suite_skos_add,
	suite_rst_add,
	suite_asciidoc_add,
	suite_docx_add,
	suite_odf_add,
	suite_xlsx_add,
	suite_docbook_add,
	suite_texinfo_add,
	suite_latex_add,
	suite_yaml_add,
	suite_model_add,
	suite_automaton_add,
	suite_links_add,
	suite_link_cases_add,
	suite_export_add,
	suite_output_add,
	suite_graph_add,
	suite_query_add,
	suite_version_add,
	suite_map_add,
	suite_store_add,
};

int main(void)
{
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++) {
		if (suites[i]() != CUE_SUCCESS) {
			fprintf(stderr, "unit-tests: cannot register suite: %s\n",
				CU_get_error_msg());
			CU_cleanup_registry();
			return 2;
		}
	}
	CU_basic_set_mode(CU_BRM_NORMAL);
	CU_basic_run_tests();
	unsigned failed = CU_get_number_of_failures() +
			  CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	return failed ? 1 : 0;
}
