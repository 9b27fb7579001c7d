/* libraries.c - libxml2, libzip and graphviz loaded when the command first needs them, not at every start. */
#include <dlfcn.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlstring.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

/*
 * Why: loading a shared library costs its relocations, and libxml2 brings
 * ICU and libzip OpenSSL's libcrypto, all bound at once: about 10 of the
 * 15 ms that `glossgraph --version` took, paid by every query of a saved
 * graph although none reads HTML or a Word file. So the command is linked
 * without these three libraries (the Makefile's CLI_LIBS), and this file
 * defines each function of theirs that the library calls: the first call
 * into one of them loads it with dlopen and finds all its functions; every
 * call then goes through the pointer found. The prototypes come from the
 * libraries' own headers, so the compiler checks each stand-in against them.
 * A program of one's own linked with libglossgraph links the libraries as
 * usual; only the command uses this file.
 *
 * A library that cannot be loaded ends the command with a message (as the
 * dynamic loader would have at its start); the files it was writing are
 * temporaries, never renamed into place, and swept by the next run.
 *
 * Each list names a library's functions that glossgraph calls:
 * F(lib, return type, name, (parameters), (arguments)), or V(lib, ...)
 * for those returning nothing.
 */
#define LIBXML2_FUNCTIONS(F, V, lib)                                                                \
	F(lib, htmlDocPtr, htmlCtxtReadMemory,                                                      \
	  (htmlParserCtxtPtr c, const char *b, int n, const char *url, const char *enc, int opt),   \
	  (c, b, n, url, enc, opt))                                                                 \
	F(lib, const htmlEntityDesc *, htmlEntityLookup, (const xmlChar *name), (name))             \
	V(lib, htmlFreeParserCtxt, (htmlParserCtxtPtr c), (c))                                      \
	F(lib, htmlParserCtxtPtr, htmlNewParserCtxt, (void), ())                                    \
	F(lib, xmlErrorPtr, xmlCtxtGetLastError, (void *c), (c))                                    \
	F(lib, xmlDocPtr, xmlCtxtReadMemory,                                                        \
	  (xmlParserCtxtPtr c, const char *b, int n, const char *url, const char *enc, int opt),    \
	  (c, b, n, url, enc, opt))                                                                 \
	F(lib, xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *d), (d))                            \
	V(lib, xmlFreeDoc, (xmlDocPtr d), (d))                                                      \
	V(lib, xmlFreeParserCtxt, (xmlParserCtxtPtr c), (c))                                        \
	F(lib, xmlErrorPtr, xmlGetLastError, (void), ())                                            \
	F(lib, long, xmlGetLineNo, (const xmlNode *n), (n))                                         \
	F(lib, xmlChar *, xmlGetNsProp, (const xmlNode *n, const xmlChar *name, const xmlChar *ns), \
	  (n, name, ns))                                                                            \
	F(lib, xmlChar *, xmlGetProp, (const xmlNode *n, const xmlChar *name), (n, name))           \
	F(lib, xmlAttrPtr, xmlHasProp, (const xmlNode *n, const xmlChar *name), (n, name))          \
	V(lib, xmlInitParser, (void), ())                                                           \
	F(lib, xmlParserCtxtPtr, xmlNewParserCtxt, (void), ())                                      \
	F(lib, xmlChar *, xmlNodeGetContent, (const xmlNode *n), (n))                               \
	F(lib, xmlChar *, xmlNodeGetLang, (const xmlNode *n), (n))                                  \
	F(lib, xmlChar *, xmlNodeListGetString, (xmlDocPtr d, const xmlNode *list, int in_line),    \
	  (d, list, in_line))                                                                       \
	V(lib, xmlNodeSetName, (xmlNodePtr n, const xmlChar *name), (n, name))                      \
	F(lib, int, xmlOutputBufferClose, (xmlOutputBufferPtr out), (out))                          \
	F(lib, xmlOutputBufferPtr, xmlOutputBufferCreateFile,                                       \
	  (FILE * f, xmlCharEncodingHandlerPtr encoder), (f, encoder))                              \
	F(lib, int, xmlOutputBufferFlush, (xmlOutputBufferPtr out), (out))                          \
	F(lib, int, xmlOutputBufferWrite, (xmlOutputBufferPtr out, int len, const char *b),         \
	  (out, len, b))                                                                            \
	F(lib, xmlDocPtr, xmlReadMemory,                                                            \
	  (const char *b, int n, const char *url, const char *enc, int opt), (b, n, url, enc, opt)) \
	V(lib, xmlResetLastError, (void), ())                                                       \
	V(lib, xmlSetGenericErrorFunc, (void *c, xmlGenericErrorFunc handler), (c, handler))        \
	V(lib, xmlSetStructuredErrorFunc, (void *c, xmlStructuredErrorFunc handler), (c, handler))  \
	F(lib, int, xmlStrcasecmp, (const xmlChar *a, const xmlChar *b), (a, b))                    \
	F(lib, xmlGenericErrorFunc *, __xmlGenericError, (void), ())                                \
	F(lib, void **, __xmlGenericErrorContext, (void), ())                                       \
	F(lib, const char **, __xmlParserVersion, (void), ())                                       \
	F(lib, xmlStructuredErrorFunc *, __xmlStructuredError, (void), ())                          \
	F(lib, void **, __xmlStructuredErrorContext, (void), ())

#define LIBZIP_FUNCTIONS(F, V, lib)                                                                 \
	V(lib, zip_discard, (zip_t * z), (z))                                                       \
	V(lib, zip_error_fini, (zip_error_t * e), (e))                                              \
	V(lib, zip_error_init, (zip_error_t * e), (e))                                              \
	F(lib, const char *, zip_error_strerror, (zip_error_t * e), (e))                            \
	F(lib, int, zip_fclose, (zip_file_t * f), (f))                                              \
	F(lib, const char *, zip_file_strerror, (zip_file_t * f), (f))                              \
	F(lib, zip_file_t *, zip_fopen, (zip_t * z, const char *name, zip_flags_t flags),           \
	  (z, name, flags))                                                                         \
	F(lib, zip_int64_t, zip_fread, (zip_file_t * f, void *b, zip_uint64_t n), (f, b, n))        \
	F(lib, zip_t *, zip_open_from_source, (zip_source_t * s, int flags, zip_error_t *e),        \
	  (s, flags, e))                                                                            \
	F(lib, zip_source_t *, zip_source_buffer_create,                                            \
	  (const void *b, zip_uint64_t n, int free_it, zip_error_t *e), (b, n, free_it, e))         \
	V(lib, zip_source_free, (zip_source_t * s), (s))                                            \
	F(lib, int, zip_stat, (zip_t * z, const char *name, zip_flags_t flags, zip_stat_t *st),     \
	  (z, name, flags, st))                                                                     \
	V(lib, zip_stat_init, (zip_stat_t * st), (st))                                              \
	F(lib, const char *, zip_strerror, (zip_t * z), (z))

/* libgvc's functions and libcgraph's (libgvc loads libcgraph: one handle finds both). */
#define GRAPHVIZ_FUNCTIONS(F, V, lib)                                                               \
	F(lib, GVC_t *, gvContext, (void), ())                                                      \
	F(lib, int, gvFreeContext, (GVC_t * c), (c))                                                \
	F(lib, int, gvFreeLayout, (GVC_t * c, graph_t *g), (c, g))                                  \
	V(lib, gvFreeRenderData, (char *data), (data))                                              \
	F(lib, int, gvLayout, (GVC_t * c, graph_t *g, const char *engine), (c, g, engine))          \
	F(lib, int, gvRenderData,                                                                   \
	  (GVC_t * c, graph_t *g, const char *format, char **out, unsigned int *len),               \
	  (c, g, format, out, len))                                                                 \
	F(lib, char *, gvcVersion, (GVC_t * c), (c))                                                \
	F(lib, Agsym_t *, agattr, (Agraph_t * g, int kind, char *name, char *value),                \
	  (g, kind, name, value))                                                                   \
	F(lib, int, agclose, (Agraph_t * g), (g))                                                   \
	F(lib, Agedge_t *, agedge, (Agraph_t * g, Agnode_t *t, Agnode_t *h, char *name, int create), \
	  (g, t, h, name, create))                                                                  \
	F(lib, Agnode_t *, agnode, (Agraph_t * g, char *name, int create), (g, name, create))       \
	F(lib, Agraph_t *, agopen, (char *name, Agdesc_t desc, Agdisc_t *disc), (name, desc, disc)) \
	F(lib, int, agsafeset, (void *obj, char *name, char *value, char *def),                     \
	  (obj, name, value, def))                                                                  \
	F(lib, agerrlevel_t, agseterr, (agerrlevel_t level), (level))                               \
	F(lib, agusererrf, agseterrf, (agusererrf f), (f))                                          \
	F(lib, char *, agstrdup_html, (Agraph_t * g, char *s), (g, s))                              \
	F(lib, int, agstrfree, (Agraph_t * g, char *s), (g, s))                                     \
	F(lib, int, agxset, (void *obj, Agsym_t *sym, char *value), (obj, sym, value))

_Static_assert(sizeof(GG_SONAME_LIBXML2) > 1 && sizeof(GG_SONAME_LIBZIP) > 1 &&
		       sizeof(GG_SONAME_LIBGVC) > 1,
	       "the Makefile names the libraries' files (SONAME_... in config.mk)");

/* A library loaded on demand: its file and what needs it, for the message. */
typedef struct library {
	const char *soname;
	const char *needed_for;
} library;

/*
 * dlopen the library (its symbols local: nothing else binds to them) or
 * end the command with a message naming it. Never returns NULL.
 */
static void *open_library(const library *l)
{
	void *h = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		fprintf(stderr, "glossgraph: cannot load %s, which %s need: %s\n", l->soname,
			l->needed_for, dlerror());
		fflush(stdout);
		_exit(1);
	}
	return h;
}

/* The address of `name` in the library open as h, or end the command as open_library does. */
static void *find(void *h, const library *l, const char *name)
{
	void *p = dlsym(h, name);
	if (!p) {
		fprintf(stderr, "glossgraph: %s has no '%s' (another version than the one glossgraph "
			"was built with?)\n", l->soname, name);
		fflush(stdout);
		_exit(1);
	}
	return p;
}

/* Set the function pointer at `slot` to `name` of the library (POSIX: dlsym's
 * void * converts to a function pointer of the same representation). */
static void resolve(void *slot, void *h, const library *l, const char *name)
{
	void *p = find(h, l, name);
	memcpy(slot, &p, sizeof(p));
}

#define POINTER(lib, ret, name, params, args) ret(*name) params;
#define VOID_POINTER(lib, name, params, args) void(*name) params;
#define RESOLVE(lib, ret, name, params, args) resolve(&lib##_api.name, h, &lib, #name);
#define VOID_RESOLVE(lib, name, params, args) resolve(&lib##_api.name, h, &lib, #name);
#define STAND_IN(lib, ret, name, params, args)                                                      \
	ret name params                                                                             \
	{                                                                                           \
		pthread_once(&lib##_once, load_##lib);                                              \
		return lib##_api.name args;                                                         \
	}
#define VOID_STAND_IN(lib, name, params, args)                                                      \
	void name params                                                                            \
	{                                                                                           \
		pthread_once(&lib##_once, load_##lib);                                              \
		lib##_api.name args;                                                                \
	}

/*
 * One library `lib` whose functions FUNCTIONS lists: its table of
 * pointers, its loader (run once, by whichever thread calls first; then
 * `loaded` is given the handle) and the stand-ins.
 */
#define LOADED_WHEN_USED(lib, FUNCTIONS, soname, needed_for, loaded)                                \
	static const library lib = { soname, needed_for };                                          \
	static struct {                                                                             \
		FUNCTIONS(POINTER, VOID_POINTER, lib)                                               \
	} lib##_api;                                                                                \
	static pthread_once_t lib##_once = PTHREAD_ONCE_INIT;                                       \
	static void load_##lib(void)                                                                \
	{                                                                                           \
		void *h = open_library(&lib);                                                       \
		FUNCTIONS(RESOLVE, VOID_RESOLVE, lib)                                               \
		loaded(h);                                                                          \
	}                                                                                           \
	FUNCTIONS(STAND_IN, VOID_STAND_IN, lib)

/* Nothing more to find in a library once its functions are found. */
static void nothing_more(void *h)
{
	(void)h;
}

/* libxml2's own xmlFree, found once libxml2 is loaded. */
static xmlFreeFunc *libxml2_free;
static void find_libxml2_free(void *h);

LOADED_WHEN_USED(libxml2, LIBXML2_FUNCTIONS, GG_SONAME_LIBXML2,
		 "HTML, XML and office inputs and the GraphML and GEXF outputs", find_libxml2_free)
LOADED_WHEN_USED(libzip, LIBZIP_FUNCTIONS, GG_SONAME_LIBZIP, "Word, OpenDocument and Excel inputs",
		 nothing_more)
LOADED_WHEN_USED(graphviz, GRAPHVIZ_FUNCTIONS, GG_SONAME_LIBGVC, "the SVG drawings", nothing_more)

static void find_libxml2_free(void *h)
{
	libxml2_free = find(h, &libxml2, "xmlFree");
}

/* libxml2's xmlFree is a variable that callers call through; what it
 * frees came from libxml2, so libxml2 is loaded by then. */
static void free_with_libxml2(void *p)
{
	pthread_once(&libxml2_once, load_libxml2);
	(*libxml2_free)(p);
}
xmlFreeFunc xmlFree = free_with_libxml2;

/* cgraph's description of a directed graph, read (by value) before the
 * first call into graphviz: its value as cgraph defines it. */
Agdesc_t Agdirected = { .directed = 1, .maingraph = 1 };
