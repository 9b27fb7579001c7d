/* version.c - the library's version, and those of the libraries it was built with and runs with. */
#include "glossgraph.h"

#include <igraph/igraph_version.h>
#include <libxml/xmlversion.h>
#include <libxml/globals.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>
#include <utf8proc.h>

#include <pthread.h>
#include <stdio.h>

/* serd has no version macro nor function; the Makefile passes the version
 * pkg-config reports at build time. */
#ifndef GG_SERD_BUILT_VERSION
#define GG_SERD_BUILT_VERSION "?"
#endif

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

enum { DEPENDENCIES = 5, VERSION_MAX = 32 };

static gg_dependency_version table[DEPENDENCIES];
static char running_graphviz[VERSION_MAX];
static char running_libxml2[VERSION_MAX];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

const char *gg_version(void)
{
	return GG_VERSION;
}

/* libxml2 reports itself as "21014" for 2.10.14: make it dotted. */
static void dotted_libxml2(const char *number, char *out, size_t cap)
{
	int n = 0;
	if (number && sscanf(number, "%d", &n) == 1 && n > 0)
		snprintf(out, cap, "%d.%d.%d", n / 10000, n / 100 % 100, n % 100);
	else
		snprintf(out, cap, "?");
}

/* Fill the table once: asking graphviz needs a context, made and freed here. */
static void fill_table(void)
{
	const char *igraph_running = NULL;
	int major, minor, patch;
	igraph_version(&igraph_running, &major, &minor, &patch);

	dotted_libxml2(xmlParserVersion, running_libxml2, sizeof(running_libxml2));

	snprintf(running_graphviz, sizeof(running_graphviz), "?");
	GVC_t *gvc = gvContext();
	if (gvc) {
		const char *v = gvcVersion(gvc);
		if (v)
			snprintf(running_graphviz, sizeof(running_graphviz), "%s", v);
		gvFreeContext(gvc);
	}

	table[0] = (gg_dependency_version){ "igraph", IGRAPH_VERSION,
					    igraph_running ? igraph_running : "?" };
	table[1] = (gg_dependency_version){ "libxml2", LIBXML_DOTTED_VERSION, running_libxml2 };
	table[2] = (gg_dependency_version){ "graphviz", PACKAGE_VERSION, running_graphviz };
	table[3] = (gg_dependency_version){
		"utf8proc",
		STRINGIFY(UTF8PROC_VERSION_MAJOR) "." STRINGIFY(UTF8PROC_VERSION_MINOR) "."
		STRINGIFY(UTF8PROC_VERSION_PATCH),
		utf8proc_version() };
	table[4] = (gg_dependency_version){ "serd", GG_SERD_BUILT_VERSION, NULL };
}

const gg_dependency_version *gg_dependency_versions(size_t *count)
{
	pthread_once(&table_once, fill_table);
	*count = DEPENDENCIES;
	return table;
}
