/* test_automaton.c - the multi-pattern matcher: folding, words, selection, errors. */
#include "suites.h"
#include "glossgraph.h"
#include "link/automaton.h"
#include "link/forms.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXACT GG_AUTOMATON_EXACT_CASE

struct tpat {
	const char *s;
	uint32_t id;
	unsigned flags;
};

/* Matches written as "start-end:id,id start-end:id ..." for easy comparison. */
struct hits {
	char s[1 << 20];
	size_t len;
	size_t n;
	size_t stop_after; /* return 42 after this many matches; 0: never */
	bool full;         /* s was too small: the test fails */
};

static void hits_reset(struct hits *h, size_t stop_after)
{
	h->s[0] = '\0';
	h->len = h->n = 0;
	h->stop_after = stop_after;
	h->full = false;
}

static void hits_printf(struct hits *h, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void hits_printf(struct hits *h, const char *fmt, ...)
{
	va_list ap;
	size_t room = sizeof(h->s) - h->len;

	va_start(ap, fmt);
	int n = vsnprintf(h->s + h->len, room, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= room)
		h->full = true;
	else
		h->len += (size_t)n;
}

static void hits_span(struct hits *h, size_t start, size_t end)
{
	hits_printf(h, "%s%zu-%zu:", h->n ? " " : "", start, end);
	h->n++;
}

static int record(const gg_i_match *m, void *payload)
{
	struct hits *h = payload;

	hits_span(h, m->start, m->end);
	for (size_t k = 0; k < m->n_ids; k++)
		hits_printf(h, "%s%u", k ? "," : "", (unsigned)m->ids[k]);
	return h->stop_after && h->n >= h->stop_after ? 42 : 0;
}

/* Build and compile an automaton of n patterns; fails the test on error. */
static gg_i_automaton *build(const struct tpat *p, size_t n)
{
	gg_i_automaton *a = NULL;

	CU_ASSERT_FATAL(gg_i_automaton_new(&a) == 0);
	for (size_t k = 0; k < n; k++)
		CU_ASSERT_FATAL(gg_i_automaton_add(a, p[k].s, strlen(p[k].s), p[k].id,
						 p[k].flags) == 0);
	CU_ASSERT_FATAL(gg_i_automaton_compile(a) == 0);
	return a;
}

/* Scan len bytes of text; the matches as a string (static storage). */
static const char *scan_n(const gg_i_automaton *a, const char *text, size_t len)
{
	static struct hits h;

	hits_reset(&h, 0);
	CU_ASSERT_EQUAL(gg_i_automaton_scan(a, text, len, record, &h), 0);
	CU_ASSERT_FALSE(h.full);
	return h.s;
}

static const char *scan(const gg_i_automaton *a, const char *text)
{
	return scan_n(a, text, strlen(text));
}

#define BUILD(pats) build(pats, sizeof(pats) / sizeof(pats[0]))

static void test_fold_hyphen(void)
{
	static const struct tpat pats[] = {
		{ "neural architecture search", 1, 0 },
		{ "Neural-Network", 2, 0 },
		{ "x_y", 3, 0 },
	};
	gg_i_automaton *a = BUILD(pats);

	CU_ASSERT_STRING_EQUAL(scan(a, "neural architecture search"), "0-26:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "use neural-architecture-search."), "4-30:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "NEURAL_ARCHITECTURE Search"), "0-26:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "a neural network"), "2-16:2");
	CU_ASSERT_STRING_EQUAL(scan(a, "a neural_Network"), "2-16:2");
	CU_ASSERT_STRING_EQUAL(scan(a, "X-Y x y X_y"), "0-3:3 4-7:3 8-11:3");
	CU_ASSERT_STRING_EQUAL(scan(a, "neural  network neuralnetwork"), "");
	gg_i_automaton_free(a);
}

static void test_exact_case(void)
{
	static const struct tpat pats[] = {
		{ "NAS", 1, EXACT },
		{ "NeRF", 2, EXACT },
		{ "NERF", 3, EXACT },
		{ "T-SNE", 4, EXACT },
		{ "ReLU", 5, 0 },
		{ "gan", 6, 0 },
		{ "GAN", 7, EXACT },
	};
	gg_i_automaton *a = BUILD(pats);

	CU_ASSERT_STRING_EQUAL(scan(a, "NAS nas Nas NaS nAS"), "0-3:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "NeRF NERF nerf Nerf"), "0-4:2 5-9:3");
	CU_ASSERT_STRING_EQUAL(scan(a, "T-SNE T SNE T_SNE t-sne T-sne"),
			       "0-5:4 6-11:4 12-17:4");
	CU_ASSERT_STRING_EQUAL(scan(a, "relu RELU ReLU"), "0-4:5 5-9:5 10-14:5");
	/* one surface, a case-insensitive and an exact-case pattern */
	CU_ASSERT_STRING_EQUAL(scan(a, "GAN gan Gan"), "0-3:6,7 4-7:6 8-11:6");
	gg_i_automaton_free(a);
}

static void test_exact_and_plain_same_id(void)
{
	static const struct tpat pats[] = {
		{ "NAS", 9, EXACT },
		{ "nas", 9, 0 },
		{ "NAS", 9, EXACT },
	};
	gg_i_automaton *a = BUILD(pats);

	CU_ASSERT_STRING_EQUAL(scan(a, "NAS nas"), "0-3:9 4-7:9");
	gg_i_automaton_free(a);
}

/*
 * A lone waiting candidate, reported without a choice, and exact-case
 * groups: one of a single entry (checked once, when it is queued), one
 * of two entries that fold alike (checked again for the ids that match).
 */
static void test_lone_candidate_exact_groups(void)
{
	static const struct tpat pats[] = {
		{ "NAS", 1, EXACT },
		{ "Kernel", 2, EXACT },
		{ "KERNEL", 3, EXACT },
		{ "NAS search", 4, 0 },
		{ "kernel", 5, 0 },
	};
	gg_i_automaton *a = BUILD(pats);

	CU_ASSERT_STRING_EQUAL(scan(a, "NAS x nas"), "0-3:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "NAS search"), "0-10:4");
	CU_ASSERT_STRING_EQUAL(scan(a, "nas search NAS"), "0-10:4 11-14:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "NAS"), "0-3:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "Kernel KERNEL kernel KerneL"),
			       "0-6:2,5 7-13:3,5 14-20:5 21-27:5");
	gg_i_automaton_free(a);
}

/* A match that ends at a leaf of the trie is settled at once; one that
 * ends inside waits for the longer match that may follow. */
static void test_leaf_settles(void)
{
	static const struct tpat pats[] = {
		{ "kernel", 1, 0 },
		{ "kernel trick", 2, 0 },
		{ "trick shot", 3, 0 },
		{ "shot", 4, 0 },
	};
	gg_i_automaton *a = BUILD(pats);

	CU_ASSERT_STRING_EQUAL(scan(a, "kernel trick shot"), "0-12:2 13-17:4");
	CU_ASSERT_STRING_EQUAL(scan(a, "kernel trickshot"), "0-6:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "the kernel, trick shot"), "4-10:1 12-22:3");
	CU_ASSERT_STRING_EQUAL(scan(a, "kernel trick"), "0-12:2");
	CU_ASSERT_STRING_EQUAL(scan(a, "shot kernel"), "0-4:4 5-11:1");
	gg_i_automaton_free(a);
}

static void test_word_boundary(void)
{
	static const struct tpat pats[] = {
		{ "kernel", 1, 0 },
		{ "caf\xc3\xa9", 2, 0 },
	};
	gg_i_automaton *a = BUILD(pats);

	CU_ASSERT_STRING_EQUAL(scan(a, "kernels subkernel kernel3 3kernel"), "");
	CU_ASSERT_STRING_EQUAL(scan(a, "a kernel. kernel-based (kernel)"),
			       "2-8:1 10-16:1 24-30:1");
	/* bytes >= 0x80 are word bytes: no match next to UTF-8 letters */
	CU_ASSERT_STRING_EQUAL(scan(a, "\xc3\xa9kernel kernel\xc3\xa9"), "");
	CU_ASSERT_STRING_EQUAL(scan(a, "\xc3\xa9 kernel \xc3\xa9"), "3-9:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "caf\xc3\xa9 caf\xc3\xa9s caf\xc3\xa9\xc3\xa9"), "0-5:2");
	CU_ASSERT_STRING_EQUAL(scan(a, "CAF\xc3\xa9!"), "0-5:2");
	gg_i_automaton_free(a);
}

/*
 * Decode a case file field in place: \u{HEX} becomes the code point in
 * UTF-8, \x{HEX} the byte. Returns the decoded length.
 */
static size_t decode_field(char *s)
{
	size_t in = 0, out = 0;

	while (s[in]) {
		char *end;
		unsigned long v;

		if (s[in] == '\\' && (s[in + 1] == 'u' || s[in + 1] == 'x') && s[in + 2] == '{' &&
		    (v = strtoul(s + in + 3, &end, 16), *end == '}')) {
			if (s[in + 1] == 'x')
				s[out++] = (char)v;
			else if (v < 0x80)
				s[out++] = (char)v;
			else if (v < 0x800) {
				s[out++] = (char)(0xC0 | v >> 6);
				s[out++] = (char)(0x80 | (v & 0x3F));
			} else if (v < 0x10000) {
				s[out++] = (char)(0xE0 | v >> 12);
				s[out++] = (char)(0x80 | (v >> 6 & 0x3F));
				s[out++] = (char)(0x80 | (v & 0x3F));
			} else {
				s[out++] = (char)(0xF0 | v >> 18);
				s[out++] = (char)(0x80 | (v >> 12 & 0x3F));
				s[out++] = (char)(0x80 | (v >> 6 & 0x3F));
				s[out++] = (char)(0x80 | (v & 0x3F));
			}
			in = (size_t)(end - s) + 1;
		} else {
			s[out++] = s[in++];
		}
	}
	s[out] = '\0';
	return out;
}

/* Every case of data/automaton_unicode.txt: one term, one text, its matches. */
static void test_unicode_cases(void)
{
	FILE *f = fopen("data/automaton_unicode.txt", "r");
	char line[1024];
	unsigned lineno = 0, cases = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	while (fgets(line, sizeof(line), f)) {
		char *field[4], *save = NULL;
		size_t n = 0;

		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		for (char *tok = strtok_r(line, "\t", &save); tok && n < 4;
		     tok = strtok_r(NULL, "\t", &save))
			field[n++] = tok;
		CU_ASSERT_EQUAL_FATAL(n, 4);

		size_t term_len = decode_field(field[0]), text_len = decode_field(field[2]);
		gg_i_automaton *a = NULL;
		const char *want = strcmp(field[3], "-") == 0 ? "" : field[3];
		char got[256];
		size_t at = 0;
		const char *hits;

		CU_ASSERT_FATAL(gg_i_automaton_new(&a) == 0);
		CU_ASSERT_FATAL(gg_i_automaton_add(a, field[0], term_len, 1,
						 strcmp(field[1], "exact") == 0 ? EXACT : 0) == 0);
		CU_ASSERT_FATAL(gg_i_automaton_compile(a) == 0);
		hits = scan_n(a, field[2], text_len);
		/* "start-end:1 ..." without the ids, to compare with the file */
		for (const char *p = hits; *p && at + 1 < sizeof(got); p++) {
			if (*p == ':')
				while (p[1] && p[1] != ' ')
					p++;
			else
				got[at++] = *p;
		}
		got[at] = '\0';
		if (strcmp(got, want) != 0)
			fprintf(stderr, "\ndata/automaton_unicode.txt:%u: got \"%s\", want \"%s\"\n",
				lineno, got, want);
		CU_ASSERT_STRING_EQUAL(got, want);
		gg_i_automaton_free(a);
		cases++;
	}
	fclose(f);
	CU_ASSERT(cases >= 20);
}

/* A match as the names of the concepts whose forms it found: "NAME;NAME " */
static int record_concepts(const gg_i_match *m, void *payload)
{
	void **p = payload;
	const gg_glossary *g = p[0];
	const gg_i_forms *f = p[1];
	struct hits *h = p[2];

	hits_span(h, m->start, m->end);
	for (size_t k = 0; k < m->n_ids; k++)
		hits_printf(h, "%s%s", k ? ";" : "",
			    gg_glossary_concept(g, f->items[m->ids[k]].concept)->name);
	return 0;
}

/*
 * Forms of abbreviations: a final capital S belongs to the abbreviation
 * (DNS is not the plural of DN, nor HTTPS of HTTP), a lower-case s after
 * capitals makes the plural (URLs, LSTMs).
 */
static void test_acronym_plurals(void)
{
	static const char page[] =
		"distinguished name, dn, directory\n\n"
		"**Distinguished Name (DN)** names an entry.\n\n"
		"domain name system, dns, network\n\n"
		"**Domain Name System (DNS)** resolves names.\n\n"
		"hypertext transfer protocol, http, web\n\n"
		"**Hypertext Transfer Protocol (HTTP)** is the protocol of the web.\n\n"
		"uniform resource locator, url, web\n\n"
		"**Uniform Resource Locator (URL)** is an address.\n\n"
		"long short-term memory, lstm, models\n\n"
		"**Long Short-Term Memory (LSTM)** is a recurrent network.\n";
	static const char text[] = "DNS DN DNs HTTPS HTTP HTTPs URLs URL LSTMs LSTMS";
	static struct hits h;
	gg_glossary *g = NULL;
	gg_i_automaton *a = NULL;
	gg_i_forms f;
	void *payload[3] = { NULL, &f, &h };

	CU_ASSERT_FATAL(gg_glossary_new(&g) == 0);
	CU_ASSERT_FATAL(gg_glossary_read_buffer(g, "acronyms.txt", page, sizeof(page) - 1) == 0);
	CU_ASSERT_FATAL(gg_glossary_build(g, NULL) == 0);
	CU_ASSERT_FATAL(gg_i_automaton_new(&a) == 0);
	CU_ASSERT_FATAL(gg_i_forms_build(g, a, &f) == 0);
	CU_ASSERT_FATAL(gg_i_automaton_compile(a) == 0);
	payload[0] = g;
	hits_reset(&h, 0);
	CU_ASSERT_EQUAL(gg_i_automaton_scan(a, text, strlen(text), record_concepts, payload), 0);
	CU_ASSERT_STRING_EQUAL(h.s, "0-3:Domain Name System 4-6:Distinguished Name "
			       "17-21:Hypertext Transfer Protocol 22-27:Hypertext Transfer Protocol "
			       "28-32:Uniform Resource Locator 33-36:Uniform Resource Locator "
			       "37-42:Long Short-Term Memory");
	gg_i_forms_free(&f);
	gg_i_automaton_free(a);
	gg_glossary_free(g);
}

/*
 * Capitals beyond ASCII: an all-capital word of any script is an
 * abbreviation, matched only as written; a capital first letter is not.
 */
static void test_exact_case_beyond_ascii(void)
{
	static const struct {
		const char *form;
		bool exact;
	} cases[] = {
		{ "\xce\xa3\xce\x99\xce\x93\xce\x9c\xce\x91", true },       /* ΣΙΓΜΑ */
		{ "\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90", true }, /* МОСКВА */
		{ "\xc3\x89NS", true },                                      /* ÉNS */
		{ "\xc3\x9c" "ber cache", false },                           /* Über cache */
		{ "\xcf\x83\xcf\x87\xce\xae\xce\xbc\xce\xb1", false },       /* σχήμα */
		{ "\xc3\x89", true },                                        /* É alone */
		{ "e\xcc\x81" "cole Normale", false },                       /* NFD école */
		{ "NeRF", true },
		{ "Neural network", false },
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		bool got = gg_i_form_exact_case(cases[k].form, strlen(cases[k].form));

		if (got != cases[k].exact)
			fprintf(stderr, "\nexact case of \"%s\": %d\n", cases[k].form, got);
		CU_ASSERT_EQUAL(got, cases[k].exact);
	}
}

static void test_punctuation_edges(void)
{
	static const struct tpat pats[] = {
		{ "(tm)", 1, 0 },
		{ "/dev/null", 2, 0 },
		{ "C|N>K", 3, 0 },
		{ "C++", 4, 0 },
		{ ".NET", 5, 0 },
	};
	gg_i_automaton *a = BUILD(pats);

	CU_ASSERT_STRING_EQUAL(scan(a, "Foo(tm)bar"), "3-7:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "x/dev/null /dev/nully"), "1-10:2");
	CU_ASSERT_STRING_EQUAL(scan(a, "if C|N>K then aC|N>K C|N>Kb"), "3-8:3");
	CU_ASSERT_STRING_EQUAL(scan(a, "C++11 xc++ c++"), "0-3:4 11-14:4");
	CU_ASSERT_STRING_EQUAL(scan(a, "ASP.NET .net .NETs"), "3-7:5 8-12:5");
	gg_i_automaton_free(a);
}

static void test_markdown(void)
{
	static const struct tpat pats[] = {
		{ "NAS", 1, EXACT },
		{ "NTK", 2, EXACT },
		{ "kernel", 3, 0 },
		{ "neural tangent kernel", 4, 0 },
	};
	gg_i_automaton *a = BUILD(pats);

	CU_ASSERT_STRING_EQUAL(scan(a, "**NAS** and (NTK)"), "2-5:1 13-16:2");
	CU_ASSERT_STRING_EQUAL(scan(a, "the kernel, `kernel`"), "4-10:3 13-19:3");
	CU_ASSERT_STRING_EQUAL(scan(a, "[kernel](#kernel) _kernel_"),
			       "1-7:3 10-16:3 19-25:3");
	CU_ASSERT_STRING_EQUAL(scan(a, "*Neural Tangent Kernel* (NTK)."), "1-22:4 25-28:2");
	gg_i_automaton_free(a);
}

static void test_leftmost_longest(void)
{
	static const struct tpat pats[] = {
		{ "neural tangent kernel", 1, 0 },
		{ "kernel", 2, 0 },
		{ "tangent", 3, 0 },
		{ "neural", 4, 0 },
		{ "machine", 5, 0 },
		{ "machine learning", 6, 0 },
		{ "a b", 7, 0 },
		{ "b c", 8, 0 },
		{ "c", 9, 0 },
	};
	gg_i_automaton *a = BUILD(pats);

	CU_ASSERT_STRING_EQUAL(scan(a, "the neural tangent kernel and a kernel"),
			       "4-25:1 32-38:2");
	CU_ASSERT_STRING_EQUAL(scan(a, "neural tangent kernels"), "0-6:4 7-14:3");
	CU_ASSERT_STRING_EQUAL(scan(a, "machine learning machine"), "0-16:6 17-24:5");
	CU_ASSERT_STRING_EQUAL(scan(a, "a b c"), "0-3:7 4-5:9");
	CU_ASSERT_STRING_EQUAL(scan(a, "x b c"), "2-5:8");
	gg_i_automaton_free(a);
}

/* A later, shorter match must survive while a long partial match is pending. */
static void test_pending_after_winner(void)
{
	static const struct tpat pats[] = {
		{ "abcde ghxyz", 1, 0 },
		{ "abcde", 2, 0 },
		{ "gh", 3, 0 },
		{ "de gh", 4, 0 },
	};
	gg_i_automaton *a = BUILD(pats);

	CU_ASSERT_STRING_EQUAL(scan(a, "abcde gh"), "0-5:2 6-8:3");
	CU_ASSERT_STRING_EQUAL(scan(a, "abcde ghxyz"), "0-11:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "x de gh"), "2-7:4");
	gg_i_automaton_free(a);
}

static void test_equal_span_ids(void)
{
	static const struct tpat pats[] = {
		{ "kernel", 5, 0 },
		{ "Kernel", 3, 0 },
		{ "KERNEL", 9, EXACT },
		{ "kernel", 3, 0 },
		{ "kernel", 9, 0 },
		{ "KERNEL", 1, EXACT },
	};
	gg_i_automaton *a = BUILD(pats);

	CU_ASSERT_STRING_EQUAL(scan(a, "kernel"), "0-6:3,5,9");
	CU_ASSERT_STRING_EQUAL(scan(a, "KERNEL"), "0-6:1,3,5,9");
	gg_i_automaton_free(a);
}

static void test_empty_and_nul(void)
{
	static const struct tpat pats[] = {
		{ "nas", 1, 0 },
		{ "x", 2, 0 },
	};
	gg_i_automaton *a = BUILD(pats);
	gg_i_automaton *b = NULL;
	static const char with_nul[] = "nas\0nas\0xnas";
	static const char nul_pattern[] = "a\0b";

	CU_ASSERT_STRING_EQUAL(scan_n(a, "", 0), "");
	CU_ASSERT_STRING_EQUAL(scan_n(a, NULL, 0), "");
	CU_ASSERT_STRING_EQUAL(scan_n(a, with_nul, sizeof(with_nul) - 1), "0-3:1 4-7:1");
	gg_i_automaton_free(a);

	CU_ASSERT_FATAL(gg_i_automaton_new(&b) == 0);
	CU_ASSERT_EQUAL(gg_i_automaton_add(b, nul_pattern, 3, 7, 0), 0);
	CU_ASSERT_EQUAL(gg_i_automaton_compile(b), 0);
	CU_ASSERT_STRING_EQUAL(scan_n(b, "xa\0b a\0b", 8), "5-8:7");
	gg_i_automaton_free(b);
}

static void test_text_edges(void)
{
	static const struct tpat pats[] = {
		{ "kernel", 1, 0 },
		{ "deep learning", 2, 0 },
	};
	gg_i_automaton *a = BUILD(pats);

	CU_ASSERT_STRING_EQUAL(scan(a, "kernel"), "0-6:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "kernel deep learning"), "0-6:1 7-20:2");
	CU_ASSERT_STRING_EQUAL(scan(a, "deep learning kernel"), "0-13:2 14-20:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "kerne"), "");
	CU_ASSERT_STRING_EQUAL(scan(a, "deep learnin"), "");
	gg_i_automaton_free(a);
}

static void test_callback_stop(void)
{
	static const struct tpat pats[] = { { "a", 1, 0 } };
	gg_i_automaton *a = BUILD(pats);
	static struct hits h;

	hits_reset(&h, 2);
	CU_ASSERT_EQUAL(gg_i_automaton_scan(a, "a a a a", 7, record, &h), 42);
	CU_ASSERT_STRING_EQUAL(h.s, "0-1:1 2-3:1");
	gg_i_automaton_free(a);
}

static void test_errors(void)
{
	gg_i_automaton *a = NULL;
	static struct hits h;

	hits_reset(&h, 0);
	CU_ASSERT_FATAL(gg_i_automaton_new(&a) == 0);
	CU_ASSERT_EQUAL(gg_i_automaton_add(a, "", 0, 1, 0), GG_EINVAL);
	CU_ASSERT_EQUAL(gg_i_automaton_add(a, "x", 1, 1, 0x80), GG_EINVAL);
	CU_ASSERT_EQUAL(gg_i_automaton_scan(a, "x", 1, record, &h), GG_EINVAL);
	CU_ASSERT_EQUAL(gg_i_automaton_add(a, "x", 1, 1, 0), 0);
	CU_ASSERT_EQUAL(gg_i_automaton_count(a), 1);
	CU_ASSERT_EQUAL(gg_i_automaton_compile(a), 0);
	CU_ASSERT_EQUAL(gg_i_automaton_add(a, "y", 1, 2, 0), GG_EINVAL);
	CU_ASSERT(strstr(gg_error_last(), "after compile") != NULL);
	CU_ASSERT_EQUAL(gg_i_automaton_compile(a), GG_EINVAL);
	CU_ASSERT_EQUAL(gg_i_automaton_count(a), 1);
	CU_ASSERT(gg_i_automaton_memory(a) > 0);
	CU_ASSERT_STRING_EQUAL(scan(a, "y x"), "2-3:1");
	gg_i_automaton_free(a);
	gg_i_automaton_free(NULL);
}

static void test_no_patterns(void)
{
	gg_i_automaton *a = NULL;

	CU_ASSERT_FATAL(gg_i_automaton_new(&a) == 0);
	CU_ASSERT_EQUAL(gg_i_automaton_compile(a), 0);
	CU_ASSERT_STRING_EQUAL(scan(a, "anything at all"), "");
	gg_i_automaton_free(a);
}

/*
 * The scan reads ASCII one token at a time and hands a word run with a byte
 * >= 0x80 to a batched reader, then takes over again after it; at the
 * root it skips non-word bytes that lead nowhere. Matches across those
 * hand-overs and skips.
 */
static void test_ascii_stretches(void)
{
	static const struct tpat pats[] = {
		{ "kernel", 1, 0 },
		{ "caf\xc3\xa9 kernel", 2, 0 },
		{ ".net", 3, 0 },
		{ "deep", 4, 0 },
		{ "deep learning", 5, 0 },
		{ "NAS", 6, EXACT },
		{ "electroencephalography", 7, 0 },
		{ "x  y", 8, 0 },
	};
	gg_i_automaton *a = BUILD(pats);
	static const char with_nul[] = "kernel\0kernel\0\xff kernel";

	/* a word that runs into a byte >= 0x80, at the end of an ASCII stretch */
	CU_ASSERT_STRING_EQUAL(scan(a, "kernel\xc3\xa9 kernel\xff kernel"), "17-23:1");
	/* ASCII again right after a run beyond it */
	CU_ASSERT_STRING_EQUAL(scan(a, "\xc3\xa9 kernel, \xff, kernel."), "3-9:1 14-20:1");
	CU_ASSERT_STRING_EQUAL(scan(a, "CAF\xc3\x89 Kernel"), "0-12:2");
	CU_ASSERT_STRING_EQUAL(scan(a, "caf\xc3\xa9 kernels kernel"), "14-20:1");
	/* a pattern that opens with a non-word byte is not skipped at the root */
	CU_ASSERT_STRING_EQUAL(scan(a, "asp.net and .NET, ..net"), "3-7:3 12-16:3 19-23:3");
	/* a candidate waits over the bytes after it: no skip then */
	CU_ASSERT_STRING_EQUAL(scan(a, "deep  learning, deep learning; deep-learning"),
			       "0-4:4 16-29:5 31-44:5");
	CU_ASSERT_STRING_EQUAL(scan(a, "x  y x y x   y"), "0-4:8");
	/* exact case in an ASCII stretch and after a run beyond it */
	CU_ASSERT_STRING_EQUAL(scan(a, "NAS nas Nas \xc3\xa9 NAS"), "0-3:6 15-18:6");
	/* words of 16 bytes or more, whole and cut at the text's end */
	CU_ASSERT_STRING_EQUAL(scan(a, "Electroencephalography electroencephalographys "
				       "electroencephalography"), "0-22:7 47-69:7");
	CU_ASSERT_STRING_EQUAL(scan(a, "electroencephalograph"), "");
	CU_ASSERT_STRING_EQUAL(scan_n(a, with_nul, sizeof(with_nul) - 1), "0-6:1 7-13:1 16-22:1");
	gg_i_automaton_free(a);
}

/* ---- reference implementation for the randomized cross-checks ---- */

struct rpat {
	unsigned char s[1024];
	size_t len;
	uint32_t id;
	unsigned flags;
};

struct cand {
	size_t start, end;
	uint32_t id;
};

static unsigned char ref_fold(unsigned char b)
{
	if (b >= 'A' && b <= 'Z')
		return (unsigned char)(b - 'A' + 'a');
	return b == '-' || b == '_' ? ' ' : b;
}

static unsigned char ref_sep(unsigned char b)
{
	return b == '-' || b == '_' ? ' ' : b;
}

static bool ref_word(unsigned char b)
{
	return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') ||
	       (b >= 'A' && b <= 'Z');
}

static int cand_cmp(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Every valid occurrence of every pattern, then greedy leftmost-longest. */
static void ref_scan(const struct rpat *p, size_t np, const unsigned char *t,
		     size_t len, struct hits *h)
{
	struct cand *c = NULL;
	size_t n = 0, cap = 0, cursor = 0;

	for (size_t k = 0; k < np; k++) {
		for (size_t s = 0; s + p[k].len <= len; s++) {
			size_t e = s + p[k].len, j = 0;

			while (j < p[k].len && ref_fold(t[s + j]) == ref_fold(p[k].s[j]) &&
			       (!(p[k].flags & EXACT) || ref_sep(t[s + j]) == ref_sep(p[k].s[j])))
				j++;
			if (j < p[k].len)
				continue;
			if (ref_word(p[k].s[0]) && s > 0 && ref_word(t[s - 1]))
				continue;
			if (ref_word(p[k].s[p[k].len - 1]) && e < len && ref_word(t[e]))
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				c = realloc(c, cap * sizeof(*c));
				CU_ASSERT_FATAL(c != NULL);
			}
			c[n].start = s;
			c[n].end = e;
			c[n].id = p[k].id;
			n++;
		}
	}
	if (n)
		qsort(c, n, sizeof(*c), cand_cmp);
	for (size_t k = 0; k < n; k++) {
		if (c[k].start < cursor)
			continue;
		hits_span(h, c[k].start, c[k].end);
		hits_printf(h, "%u", (unsigned)c[k].id);
		for (size_t j = k + 1; j < n && c[j].start == c[k].start && c[j].end == c[k].end; j++)
			if (c[j].id != c[j - 1].id)
				hits_printf(h, ",%u", (unsigned)c[j].id);
		cursor = c[k].end;
	}
	free(c);
}

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)((rng_state >> 11) % n);
}

/*
 * Scan `t` with an automaton of the np patterns and with the reference;
 * true when they agree (prints the case otherwise).
 */
static bool cross_check(const struct rpat *p, size_t np, const unsigned char *t, size_t len)
{
	static struct hits want, got;
	gg_i_automaton *a = NULL;
	bool same;

	hits_reset(&want, 0);
	hits_reset(&got, 0);
	CU_ASSERT_FATAL(gg_i_automaton_new(&a) == 0);
	for (size_t k = 0; k < np; k++)
		CU_ASSERT_FATAL(gg_i_automaton_add(a, (const char *)p[k].s, p[k].len,
						 p[k].id, p[k].flags) == 0);
	CU_ASSERT_FATAL(gg_i_automaton_compile(a) == 0);
	CU_ASSERT_EQUAL(gg_i_automaton_scan(a, (const char *)t, len, record, &got), 0);
	gg_i_automaton_free(a);
	ref_scan(p, np, t, len, &want);
	CU_ASSERT_FALSE(want.full || got.full);
	same = strcmp(want.s, got.s) == 0;
	if (!same) {
		size_t d = 0;

		while (want.s[d] == got.s[d])
			d++;
		while (d > 0 && want.s[d - 1] != ' ')
			d--;
		fprintf(stderr, "\nautomaton mismatch, text:");
		for (size_t k = 0; k < len && k < 80; k++)
			fprintf(stderr, " %02x", t[k]);
		fprintf(stderr, "\n  want: ...%.60s\n  got:  ...%.60s\n", want.s + d, got.s + d);
	}
	return same;
}

static void test_random_small(void)
{
	static const unsigned char alphabet[] = "aAbB-_ .1\xc3";
	struct rpat p[8];
	unsigned char t[40];
	int bad = 0;

	rng_state = 0x9e3779b97f4a7c15u;
	for (int round = 0; round < 4000 && bad < 3; round++) {
		size_t np = 1 + rnd(8), len = rnd(sizeof(t));

		for (size_t k = 0; k < np; k++) {
			p[k].len = 1 + rnd(4);
			for (size_t j = 0; j < p[k].len; j++)
				p[k].s[j] = alphabet[rnd(sizeof(alphabet) - 1)];
			p[k].id = rnd(6);
			p[k].flags = rnd(3) ? 0 : EXACT;
		}
		for (size_t j = 0; j < len; j++)
			t[j] = rnd(20) ? alphabet[rnd(sizeof(alphabet) - 1)] : 0;
		if (!cross_check(p, np, t, len))
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/*
 * Long texts of ASCII words and separators broken by bytes >= 0x80 (valid
 * and invalid UTF-8 that folding keeps as it is) and NUL, against the
 * reference: every hand-over between the ASCII reader and the batched one,
 * root skips, waiting candidates, and words of 16 bytes or more.
 */
static void test_random_stretches(void)
{
	static const char *const words[] = {
		"a", "ab", "Ab", "net", "NET", "kernel", "Kernels", "x1",
		"abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopqrstuvwxyz0123",
		"caf\xc3\xa9", "\xc3\xa9t\xc3\xa9", "\xff", "b\xc3",
	};
	static const char *const seps[] = { " ", " ", " ", "  ", "-", "_", ", ", ".", "(", ")", "\0" };
	enum { NW = sizeof(words) / sizeof(words[0]), NS = sizeof(seps) / sizeof(seps[0]) };
	static struct rpat p[24];
	static unsigned char t[600];
	int bad = 0;

	rng_state = 4242;
	for (int round = 0; round < 400 && bad < 3; round++) {
		size_t np = 1 + rnd(24), len = 0;

		for (size_t k = 0; k < np; k++) {
			size_t n = 1 + rnd(3);

			p[k].len = 0;
			if (!rnd(6))
				p[k].s[p[k].len++] = (unsigned char)".(-"[rnd(3)];
			for (size_t w = 0; w < n; w++) {
				const char *word = words[rnd(NW)];
				const char *sep = seps[rnd(NS - 1)];

				if (w) {
					memcpy(p[k].s + p[k].len, sep, strlen(sep));
					p[k].len += strlen(sep);
				}
				memcpy(p[k].s + p[k].len, word, strlen(word));
				p[k].len += strlen(word);
			}
			p[k].id = rnd(12);
			p[k].flags = rnd(4) ? 0 : EXACT;
		}
		while (len + 40 < sizeof(t)) {
			const char *word = words[rnd(NW)];
			size_t sep = rnd(NS);

			memcpy(t + len, word, strlen(word));
			len += strlen(word);
			if (sep == NS - 1)
				t[len++] = 0;
			else {
				memcpy(t + len, seps[sep], strlen(seps[sep]));
				len += strlen(seps[sep]);
			}
		}
		if (!cross_check(p, np, t, len))
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/*
 * Many overlapping candidates at once ("a", "a a", "a a a", ...): more than
 * the scan keeps on its stack, and groups with more ids than that.
 */
static void test_random_crowded(void)
{
	static struct rpat p[160];
	unsigned char t[400];
	size_t np = 0;
	int bad = 0;

	for (size_t k = 0; k < 60; k++, np++) {
		p[np].len = 2 * k + 1;
		for (size_t j = 0; j < p[np].len; j++)
			p[np].s[j] = j % 2 ? ' ' : 'a';
		p[np].id = (uint32_t)k;
		p[np].flags = 0;
	}
	for (size_t k = 0; k < 100; k++, np++) {
		memcpy(p[np].s, k % 3 ? "A a" : "a a", 3);
		p[np].len = 3;
		p[np].id = (uint32_t)(1000 + k);
		p[np].flags = EXACT;
	}
	rng_state = 12345;
	for (int round = 0; round < 40 && bad < 3; round++) {
		size_t len = round % 2 ? 3 + rnd(6) : 100 + rnd(sizeof(t) - 100);

		for (size_t j = 0; j < len; j++)
			t[j] = j % 2 ? (rnd(30) ? ' ' : '-') : (rnd(4) ? 'a' : 'A');
		if (!cross_check(p, np, t, len))
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/*
 * Long, self-similar patterns, plus two that hold every byte value so that
 * each byte gets a class of its own: enough trie nodes that the deeper ones
 * lie past the dense rows, so sparse steps and their failure links run.
 */
static void test_random_deep(void)
{
	enum { BASES = 3, BASE_LEN = 4000, NPAT = 400 };
	static const unsigned char alphabet[] = "abbaA- ";
	static unsigned char base[BASES][BASE_LEN];
	static struct rpat p[NPAT];
	static unsigned char t[60000];
	size_t len = 0;

	rng_state = 0xdeadbeefu;
	for (int b = 0; b < BASES; b++)
		for (size_t j = 0; j < BASE_LEN; j++)
			base[b][j] = alphabet[rnd(sizeof(alphabet) - 1)];
	for (size_t k = 0; k < NPAT; k++) {
		int b = (int)rnd(BASES);

		p[k].len = 1 + rnd(k % 2 ? 20 : 1000);
		memcpy(p[k].s, base[b] + rnd(BASE_LEN - 1000), p[k].len);
		p[k].id = (uint32_t)k % 50;
		p[k].flags = rnd(4) ? 0 : EXACT;
	}
	for (size_t k = 0; k < 2; k++) {
		p[k].len = 256;
		for (size_t j = 0; j < 256; j++)
			p[k].s[j] = (unsigned char)(k ? 255 - j : j);
	}
	while (len + 1100 < sizeof(t)) {
		size_t k = rnd(NPAT), piece = rnd(1000);

		if (rnd(2)) {
			memcpy(t + len, p[k].s, p[k].len);
			len += p[k].len;
		} else {
			memcpy(t + len, base[rnd(BASES)] + rnd(BASE_LEN - 1000), piece);
			len += piece;
		}
		t[len++] = rnd(3) ? ' ' : (unsigned char)rnd(256);
	}
	CU_ASSERT(cross_check(p, NPAT, t, len));
}

/*
 * Words of 1 to 40 bytes, half of them near misses of pattern words (a byte
 * more or less, or one changed around the 8th and 16th bytes) in texts long
 * enough for the scan's wide reads: word keys, chunk borders and the
 * comparison of long words, against the reference.
 */
static void test_random_words(void)
{
	enum { NWORDS = 60, NPAT = 80 };
	static const unsigned char letters[] =
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\xc3\xa9";
	static const unsigned char seps[] = " -_,.(";
	static unsigned char words[NWORDS][48];
	static size_t wlen[NWORDS];
	static struct rpat p[NPAT];
	static unsigned char t[8000];
	int bad = 0;

	rng_state = 777;
	for (int round = 0; round < 8 && bad < 3; round++) {
		size_t len = 0;

		for (size_t w = 0; w < NWORDS; w++) {
			if (w < NWORDS / 2) {
				wlen[w] = 1 + rnd(40);
				for (size_t j = 0; j < wlen[w]; j++)
					words[w][j] = letters[rnd(sizeof(letters) - 1)];
				continue;
			}

			size_t from = rnd(NWORDS / 2), at;
			static const size_t spots[] = { 6, 7, 8, 14, 15, 16 };

			memcpy(words[w], words[from], wlen[from]);
			wlen[w] = wlen[from];
			switch (rnd(3)) {
			case 0:
				words[w][wlen[w]++] = letters[rnd(sizeof(letters) - 1)];
				break;
			case 1:
				wlen[w] -= wlen[w] > 1;
				break;
			default:
				at = rnd(2) ? spots[rnd(6)] : rnd((uint32_t)wlen[w]);
				if (at < wlen[w])
					words[w][at] = words[w][at] == 'q' ? 'r' : 'q';
			}
		}
		for (size_t k = 0; k < NPAT; k++) {
			size_t n = 1 + rnd(3);

			p[k].len = 0;
			for (size_t j = 0; j < n; j++) {
				size_t w = rnd(NWORDS / 2);

				if (j)
					p[k].s[p[k].len++] = rnd(2) ? ' ' : '-';
				memcpy(p[k].s + p[k].len, words[w], wlen[w]);
				p[k].len += wlen[w];
			}
			p[k].id = (uint32_t)k;
			p[k].flags = rnd(5) ? 0 : EXACT;
		}
		while (len + 100 < sizeof(t)) {
			size_t w = rnd(NWORDS);

			memcpy(t + len, words[w], wlen[w]);
			for (size_t j = 0; j < wlen[w]; j++)
				if (!rnd(8) && t[len + j] < 0x80)
					t[len + j] ^= 0x20 * (t[len + j] >= 'A');
			len += wlen[w];
			if (rnd(10))
				t[len++] = seps[rnd(sizeof(seps) - 1)];
		}
		if (!cross_check(p, NPAT, t, len))
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/* One thread of test_threads: scan the shared text a few times. */
struct scanner {
	pthread_t thread;
	const gg_i_automaton *a;
	const char *text;
	size_t len;
	struct hits hits;
	int err;
};

static void *scan_thread(void *arg)
{
	struct scanner *sc = arg;

	for (int r = 0; r < 20 && !sc->err; r++) {
		hits_reset(&sc->hits, 0);
		sc->err = gg_i_automaton_scan(sc->a, sc->text, sc->len, record, &sc->hits);
	}
	return NULL;
}

/* Several threads scanning with one automaton at once all see the same matches. */
/*
 * Folding that changes lengths against plain ASCII: a random text of words
 * and the same text with some "fi" written as the ligature U+FB01 (3 bytes
 * for 2) and some spaces as U+00A0 (2 bytes for 1) must give the same
 * matches, at the positions the substitutions moved them to. Long texts
 * make the scan drop and keep many position steps.
 */
static void test_random_folded(void)
{
	static const char *const vocab[] = { "fi", "fix", "file", "a", "b", "fifi", "xfi", "if" };
	enum { NV = sizeof(vocab) / sizeof(vocab[0]), NPAT = 40, NTOK = 3000 };
	static char ascii[NTOK * 6], uni[NTOK * 8], pats[NPAT][40];
	static size_t pos[NTOK * 6 + 1]; /* ascii position -> uni position */
	static struct hits want;
	int bad = 0;

	rng_state = 4242;
	for (int round = 0; round < 6 && bad < 3; round++) {
		gg_i_automaton *a = NULL;
		size_t al = 0, ul = 0;

		CU_ASSERT_FATAL(gg_i_automaton_new(&a) == 0);
		for (uint32_t k = 0; k < NPAT; k++) {
			size_t n = 1 + rnd(3), l = 0;

			for (size_t j = 0; j < n; j++)
				l += (size_t)sprintf(pats[k] + l, "%s%s", j ? " " : "", vocab[rnd(NV)]);
			CU_ASSERT_FATAL(gg_i_automaton_add(a, pats[k], l, k, 0) == 0);
		}
		CU_ASSERT_FATAL(gg_i_automaton_compile(a) == 0);
		for (size_t k = 0; k < NTOK; k++) {
			const char *w = vocab[rnd(NV)];

			for (size_t j = 0; w[j]; j++) {
				pos[al] = ul;
				if (w[j] == 'f' && w[j + 1] == 'i' && rnd(2)) {
					memcpy(uni + ul, "\xef\xac\x81", 3);
					ascii[al++] = 'f';
					pos[al] = ul + 3;
					ascii[al++] = 'i';
					ul += 3;
					j++;
					continue;
				}
				ascii[al++] = w[j];
				uni[ul++] = w[j];
			}
			pos[al] = ul;
			if (rnd(2)) {
				memcpy(uni + ul, "\xc2\xa0", 2);
				ul += 2;
			} else {
				uni[ul++] = ' ';
			}
			ascii[al++] = ' ';
		}
		pos[al] = ul;

		/* the ASCII matches, moved to the positions in the other text */
		const char *plain = scan_n(a, ascii, al);

		hits_reset(&want, 0);
		for (const char *p = plain; *p;) {
			char *end;
			size_t start = strtoul(p, &end, 10), stop = strtoul(end + 1, &end, 10);
			size_t ids = strcspn(end, " ");

			hits_printf(&want, "%s%zu-%zu%.*s", want.len ? " " : "", pos[start], pos[stop],
				    (int)ids, end);
			p = end + ids + (end[ids] == ' ');
		}

		const char *got = scan_n(a, uni, ul);

		if (strcmp(got, want.s) != 0) {
			bad++;
			CU_FAIL("folded text: matches differ from the ASCII text's");
		}
		gg_i_automaton_free(a);
	}
}

static void test_threads(void)
{
	static const struct tpat pats[] = {
		{ "neural tangent kernel", 1, 0 },
		{ "kernel", 2, 0 },
		{ "NTK", 3, EXACT },
		{ "gradient descent", 4, 0 },
		{ "descent", 5, 0 },
	};
	static const char piece[] = "The Neural-Tangent kernel (NTK) of gradient descent; a kernel. ";
	static char text[sizeof(piece) * 200];
	static struct scanner sc[4];
	gg_i_automaton *a = BUILD(pats);
	size_t len = 0;
	const char *want;

	for (int k = 0; k < 200; k++, len += sizeof(piece) - 1)
		memcpy(text + len, piece, sizeof(piece) - 1);
	want = scan_n(a, text, len);
	for (int k = 0; k < 4; k++) {
		sc[k].a = a;
		sc[k].text = text;
		sc[k].len = len;
		sc[k].err = 0;
		CU_ASSERT_FATAL(pthread_create(&sc[k].thread, NULL, scan_thread, &sc[k]) == 0);
	}
	for (int k = 0; k < 4; k++) {
		CU_ASSERT_EQUAL(pthread_join(sc[k].thread, NULL), 0);
		CU_ASSERT_EQUAL(sc[k].err, 0);
		CU_ASSERT_STRING_EQUAL(sc[k].hits.s, want);
	}
	CU_ASSERT_EQUAL(strncmp(want, "4-25:1 27-30:3 35-51:4 55-61:2 67-88:1 ", 39), 0);
	gg_i_automaton_free(a);
}

CU_ErrorCode suite_automaton_add(void)
{
	CU_pSuite s = CU_add_suite("automaton", NULL, NULL);

	if (!s ||
	    !CU_add_test(s, "folding and hyphen variants", test_fold_hyphen) ||
	    !CU_add_test(s, "exact-case patterns", test_exact_case) ||
	    !CU_add_test(s, "exact and plain, one id", test_exact_and_plain_same_id) ||
	    !CU_add_test(s, "a lone candidate, exact-case groups", test_lone_candidate_exact_groups) ||
	    !CU_add_test(s, "a match at a leaf settles at once", test_leaf_settles) ||
	    !CU_add_test(s, "whole-word boundaries", test_word_boundary) ||
	    !CU_add_test(s, "punctuation-edged patterns", test_punctuation_edges) ||
	    !CU_add_test(s, "Unicode folding (data/automaton_unicode.txt)", test_unicode_cases) ||
	    !CU_add_test(s, "abbreviation plurals", test_acronym_plurals) ||
	    !CU_add_test(s, "capitals beyond ASCII", test_exact_case_beyond_ascii) ||
	    !CU_add_test(s, "markdown around terms", test_markdown) ||
	    !CU_add_test(s, "leftmost-longest and nesting", test_leftmost_longest) ||
	    !CU_add_test(s, "match after a pending winner", test_pending_after_winner) ||
	    !CU_add_test(s, "equal-span ids", test_equal_span_ids) ||
	    !CU_add_test(s, "empty text and NUL bytes", test_empty_and_nul) ||
	    !CU_add_test(s, "patterns at text start and end", test_text_edges) ||
	    !CU_add_test(s, "callback stops the scan", test_callback_stop) ||
	    !CU_add_test(s, "errors", test_errors) ||
	    !CU_add_test(s, "no patterns", test_no_patterns) ||
	    !CU_add_test(s, "ASCII stretches, runs beyond ASCII and root skips",
			 test_ascii_stretches) ||
	    !CU_add_test(s, "random small cases against a reference", test_random_small) ||
	    !CU_add_test(s, "crowded candidates against a reference", test_random_crowded) ||
	    !CU_add_test(s, "deep sparse states against a reference", test_random_deep) ||
	    !CU_add_test(s, "words near the pattern words against a reference",
			 test_random_words) ||
	    !CU_add_test(s, "folded text against ASCII text", test_random_folded) ||
	    !CU_add_test(s, "ASCII stretches and runs beyond ASCII against a reference",
			 test_random_stretches) ||
	    !CU_add_test(s, "concurrent scans", test_threads))
		return CU_get_error();
	return CUE_SUCCESS;
}
