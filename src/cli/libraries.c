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
 * F(return type, name, (parameters), (arguments)), or V(...) for those
 * returning nothing.
 */
#define LIBXML2_FUNCTIONS(F, V)                                                                  \
	F(htmlDocPtr, htmlCtxtReadMemory,                                                        \
	  (htmlParserCtxtPtr c, const char *b, int n, const char *url, const char *enc, int opt), \
	  (c, b, n, url, enc, opt))                                                              \
	F(const htmlEntityDesc *, htmlEntityLookup, (const xmlChar *name), (name))               \
	V(htmlFreeParserCtxt, (htmlParserCtxtPtr c), (c))                                         \
	F(htmlParserCtxtPtr, htmlNewParserCtxt, (void), ())                                       \
	F(xmlErrorPtr, xmlCtxtGetLastError, (void *c), (c))                                       \
	F(xmlDocPtr, xmlCtxtReadMemory,                                                          \
	  (xmlParserCtxtPtr c, const char *b, int n, const char *url, const char *enc, int opt),  \
	  (c, b, n, url, enc, opt))                                                              \
	F(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *d), (d))                               \
	V(xmlFreeDoc, (xmlDocPtr d), (d))                                                         \
	V(xmlFreeParserCtxt, (xmlParserCtxtPtr c), (c))                                           \
	F(xmlErrorPtr, xmlGetLastError, (void), ())                                               \
	F(long, xmlGetLineNo, (const xmlNode *n), (n))                                            \
	F(xmlChar *, xmlGetNsProp, (const xmlNode *n, const xmlChar *name, const xmlChar *ns),    \
	  (n, name, ns))                                                                         \
	F(xmlChar *, xmlGetProp, (const xmlNode *n, const xmlChar *name), (n, name))              \
	F(xmlAttrPtr, xmlHasProp, (const xmlNode *n, const xmlChar *name), (n, name))             \
	V(xmlInitParser, (void), ())                                                              \
	F(xmlParserCtxtPtr, xmlNewParserCtxt, (void), ())                                         \
	F(xmlChar *, xmlNodeGetContent, (const xmlNode *n), (n))                                  \
	F(xmlChar *, xmlNodeGetLang, (const xmlNode *n), (n))                                     \
	F(xmlChar *, xmlNodeListGetString, (xmlDocPtr d, const xmlNode *list, int in_line),       \
	  (d, list, in_line))                                                                    \
	V(xmlNodeSetName, (xmlNodePtr n, const xmlChar *name), (n, name))                         \
	F(int, xmlOutputBufferClose, (xmlOutputBufferPtr out), (out))                             \
	F(xmlOutputBufferPtr, xmlOutputBufferCreateFile,                                         \
	  (FILE * f, xmlCharEncodingHandlerPtr encoder), (f, encoder))                           \
	F(int, xmlOutputBufferFlush, (xmlOutputBufferPtr out), (out))                             \
	F(int, xmlOutputBufferWrite, (xmlOutputBufferPtr out, int len, const char *b),            \
	  (out, len, b))                                                                         \
	F(xmlDocPtr, xmlReadMemory,                                                              \
	  (const char *b, int n, const char *url, const char *enc, int opt), (b, n, url, enc, opt)) \
	V(xmlResetLastError, (void), ())                                                          \
	V(xmlSetGenericErrorFunc, (void *c, xmlGenericErrorFunc handler), (c, handler))           \
	V(xmlSetStructuredErrorFunc, (void *c, xmlStructuredErrorFunc handler), (c, handler))     \
	F(int, xmlStrcasecmp, (const xmlChar *a, const xmlChar *b), (a, b))                       \
	F(xmlGenericErrorFunc *, __xmlGenericError, (void), ())                                   \
	F(void **, __xmlGenericErrorContext, (void), ())                                          \
	F(const char **, __xmlParserVersion, (void), ())                                          \
	F(xmlStructuredErrorFunc *, __xmlStructuredError, (void), ())                             \
	F(void **, __xmlStructuredErrorContext, (void), ())

#define LIBZIP_FUNCTIONS(F, V)                                                                   \
	V(zip_discard, (zip_t * z), (z))                                                          \
	V(zip_error_fini, (zip_error_t * e), (e))                                                 \
	V(zip_error_init, (zip_error_t * e), (e))                                                 \
	F(const char *, zip_error_strerror, (zip_error_t * e), (e))                               \
	F(int, zip_fclose, (zip_file_t * f), (f))                                                 \
	F(const char *, zip_file_strerror, (zip_file_t * f), (f))                                 \
	F(zip_file_t *, zip_fopen, (zip_t * z, const char *name, zip_flags_t flags),              \
	  (z, name, flags))                                                                      \
	F(zip_int64_t, zip_fread, (zip_file_t * f, void *b, zip_uint64_t n), (f, b, n))          \
	F(zip_t *, zip_open_from_source, (zip_source_t * s, int flags, zip_error_t *e),          \
	  (s, flags, e))                                                                         \
	F(zip_source_t *, zip_source_buffer_create,                                              \
	  (const void *b, zip_uint64_t n, int free_it, zip_error_t *e), (b, n, free_it, e))      \
	V(zip_source_free, (zip_source_t * s), (s))                                               \
	F(int, zip_stat, (zip_t * z, const char *name, zip_flags_t flags, zip_stat_t *st),       \
	  (z, name, flags, st))                                                                  \
	V(zip_stat_init, (zip_stat_t * st), (st))                                                 \
	F(const char *, zip_strerror, (zip_t * z), (z))

/* libgvc's functions and libcgraph's (libgvc loads libcgraph: one handle finds both). */
#define GRAPHVIZ_FUNCTIONS(F, V)                                                                 \
	F(GVC_t *, gvContext, (void), ())                                                         \
	F(int, gvFreeContext, (GVC_t * c), (c))                                                   \
	F(int, gvFreeLayout, (GVC_t * c, graph_t *g), (c, g))                                     \
	V(gvFreeRenderData, (char *data), (data))                                                 \
	F(int, gvLayout, (GVC_t * c, graph_t *g, const char *engine), (c, g, engine))             \
	F(int, gvRenderData,                                                                     \
	  (GVC_t * c, graph_t *g, const char *format, char **out, unsigned int *len),            \
	  (c, g, format, out, len))                                                              \
	F(char *, gvcVersion, (GVC_t * c), (c))                                                   \
	F(Agsym_t *, agattr, (Agraph_t * g, int kind, char *name, char *value),                   \
	  (g, kind, name, value))                                                                \
	F(int, agclose, (Agraph_t * g), (g))                                                      \
	F(Agedge_t *, agedge, (Agraph_t * g, Agnode_t *t, Agnode_t *h, char *name, int create),  \
	  (g, t, h, name, create))                                                               \
	F(Agnode_t *, agnode, (Agraph_t * g, char *name, int create), (g, name, create))          \
	F(Agraph_t *, agopen, (char *name, Agdesc_t desc, Agdisc_t *disc), (name, desc, disc))    \
	F(int, agsafeset, (void *obj, char *name, char *value, char *def),                        \
	  (obj, name, value, def))                                                               \
	F(agerrlevel_t, agseterr, (agerrlevel_t level), (level))                                  \
	F(agusererrf, agseterrf, (agusererrf f), (f))                                             \
	F(char *, agstrdup_html, (Agraph_t * g, char *s), (g, s))                                 \
	F(int, agstrfree, (Agraph_t * g, char *s), (g, s))                                        \
	F(int, agxset, (void *obj, Agsym_t *sym, char *value), (obj, sym, value))

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

#define POINTER(ret, name, params, args) ret(*name) params;
#define VOID_POINTER(name, params, args) void(*name) params;

/*
 * One library: its table of pointers, its loader (run once, whichever
 * thread calls first) and the stand-ins. LOAD_EXTRA runs after the
 * functions are found, with the handle as `h`.
 */
#define STAND_IN(lib, ret, name, params, args)           \
	ret name params                                  \
	{                                                \
		pthread_once(&lib##_once, load_##lib);   \
		return lib##_api.name args;              \
	}
#define VOID_STAND_IN(lib, name, params, args)           \
	void name params                                 \
	{                                                \
		pthread_once(&lib##_once, load_##lib);   \
		lib##_api.name args;                     \
	}

/* ---- libxml2 ---- */

static const library libxml2 = { GG_SONAME_LIBXML2, "HTML, XML and office inputs and the "
							  "GraphML and GEXF outputs" };
static struct {
	LIBXML2_FUNCTIONS(POINTER, VOID_POINTER)
} libxml2_api;
static xmlFreeFunc *libxml2_free; /* libxml2's own xmlFree */
static pthread_once_t libxml2_once = PTHREAD_ONCE_INIT;

#define RESOLVE_LIBXML2(ret, name, params, args) resolve(&libxml2_api.name, h, &libxml2, #name);
#define RESOLVE_VOID_LIBXML2(name, params, args) resolve(&libxml2_api.name, h, &libxml2, #name);

static void load_libxml2(void)
{
	void *h = open_library(&libxml2);
	LIBXML2_FUNCTIONS(RESOLVE_LIBXML2, RESOLVE_VOID_LIBXML2)
	libxml2_free = find(h, &libxml2, "xmlFree");
}

#define STAND_IN_LIBXML2(ret, name, params, args) STAND_IN(libxml2, ret, name, params, args)
#define VOID_STAND_IN_LIBXML2(name, params, args) VOID_STAND_IN(libxml2, name, params, args)
LIBXML2_FUNCTIONS(STAND_IN_LIBXML2, VOID_STAND_IN_LIBXML2)

/* libxml2's xmlFree is a variable that callers call through; what it
 * frees came from libxml2, so libxml2 is loaded by then. */
static void free_with_libxml2(void *p)
{
	pthread_once(&libxml2_once, load_libxml2);
	(*libxml2_free)(p);
}
xmlFreeFunc xmlFree = free_with_libxml2;

/* ---- libzip ---- */

static const library libzip = { GG_SONAME_LIBZIP, "Word, OpenDocument and Excel inputs" };
static struct {
	LIBZIP_FUNCTIONS(POINTER, VOID_POINTER)
} libzip_api;
static pthread_once_t libzip_once = PTHREAD_ONCE_INIT;

#define RESOLVE_LIBZIP(ret, name, params, args) resolve(&libzip_api.name, h, &libzip, #name);
#define RESOLVE_VOID_LIBZIP(name, params, args) resolve(&libzip_api.name, h, &libzip, #name);

static void load_libzip(void)
{
	void *h = open_library(&libzip);
	LIBZIP_FUNCTIONS(RESOLVE_LIBZIP, RESOLVE_VOID_LIBZIP)
}

#define STAND_IN_LIBZIP(ret, name, params, args) STAND_IN(libzip, ret, name, params, args)
#define VOID_STAND_IN_LIBZIP(name, params, args) VOID_STAND_IN(libzip, name, params, args)
LIBZIP_FUNCTIONS(STAND_IN_LIBZIP, VOID_STAND_IN_LIBZIP)

/* ---- graphviz ---- */

static const library graphviz = { GG_SONAME_LIBGVC, "the SVG drawings" };
static struct {
	GRAPHVIZ_FUNCTIONS(POINTER, VOID_POINTER)
} graphviz_api;
static pthread_once_t graphviz_once = PTHREAD_ONCE_INIT;

#define RESOLVE_GRAPHVIZ(ret, name, params, args) resolve(&graphviz_api.name, h, &graphviz, #name);
#define RESOLVE_VOID_GRAPHVIZ(name, params, args) resolve(&graphviz_api.name, h, &graphviz, #name);

static void load_graphviz(void)
{
	void *h = open_library(&graphviz);
	GRAPHVIZ_FUNCTIONS(RESOLVE_GRAPHVIZ, RESOLVE_VOID_GRAPHVIZ)
}

#define STAND_IN_GRAPHVIZ(ret, name, params, args) STAND_IN(graphviz, ret, name, params, args)
#define VOID_STAND_IN_GRAPHVIZ(name, params, args) VOID_STAND_IN(graphviz, name, params, args)
GRAPHVIZ_FUNCTIONS(STAND_IN_GRAPHVIZ, VOID_STAND_IN_GRAPHVIZ)

/* cgraph's description of a directed graph, read (by value) before the
 * first call into graphviz: its value as cgraph defines it. */
Agdesc_t Agdirected = { .directed = 1, .maingraph = 1 };
