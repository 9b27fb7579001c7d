/* test_text.c - UTF-8 sanitising, name keys, abbreviations, edit distance, page arrays. */
#include "suites.h"
#include "core/buf.h"
#include "core/text.h"
#include "model/names.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void check_sanitize(const char *in, size_t len, const char *want, size_t want_bad)
{
	gg_i_buf b = GG_BUF_INIT;
	size_t bad = gg_i_utf8_sanitize(&b, in, len);
	CU_ASSERT_EQUAL(bad, want_bad);
	CU_ASSERT_EQUAL(gg_i_utf8_count_bad(in, len), want_bad);
	CU_ASSERT_STRING_EQUAL(b.ptr ? b.ptr : "", want);
	gg_i_buf_free(&b);
}

static void test_sanitize(void)
{
	check_sanitize("plain", 5, "plain", 0);
	check_sanitize("caf\xC3\xA9", 5, "caf\xC3\xA9", 0);
	check_sanitize("a\xFF" "b", 3, "a" GG_REPLACEMENT "b", 1);
	check_sanitize("a\0b", 3, "a" GG_REPLACEMENT "b", 1);            /* NUL */
	check_sanitize("\x01x", 2, GG_REPLACEMENT "x", 1);                 /* control */
	check_sanitize("tab\tok", 6, "tab\tok", 0);
	check_sanitize("\xC0\xAF", 2, GG_REPLACEMENT GG_REPLACEMENT, 2);   /* overlong */
	check_sanitize("\xE0\x80\xAF", 3, GG_REPLACEMENT GG_REPLACEMENT GG_REPLACEMENT, 3);
	check_sanitize("\xED\xA0\x80", 3, GG_REPLACEMENT GG_REPLACEMENT GG_REPLACEMENT, 3); /* surrogate */
	check_sanitize("end\xE2\x82", 5, "end" GG_REPLACEMENT, 1);         /* cut short */
	check_sanitize("\xEF\xBF\xBF", 3, GG_REPLACEMENT, 1);             /* U+FFFF */
	check_sanitize("\xF4\x90\x80\x80", 4, GG_REPLACEMENT GG_REPLACEMENT GG_REPLACEMENT GG_REPLACEMENT, 4);
	check_sanitize("\xF0\x9F\x98\x80", 4, "\xF0\x9F\x98\x80", 0);      /* emoji */
	/* past 8 bytes, where runs of printable ASCII are skipped eight at a time */
	check_sanitize("0123456789abcdef\x01xyz", 20, "0123456789abcdef" GG_REPLACEMENT "xyz", 1);
	check_sanitize("01234567\xFF", 9, "01234567" GG_REPLACEMENT, 1);
	check_sanitize("0123456\x7F\x80" "0123456789", 19,
		       "0123456\x7F" GG_REPLACEMENT "0123456789", 1);
	check_sanitize("caf\xC3\xA9 au lait, s'il vous pla\xC3\xAEt\x1F", 32,
		       "caf\xC3\xA9 au lait, s'il vous pla\xC3\xAEt" GG_REPLACEMENT, 1);
}

/* Every byte value at every place of an 8-byte window: printable ASCII and
 * DEL pass, everything else does not. */
static void test_printable8(void)
{
	int wrong = 0;
	for (int at = 0; at < 8; at++) {
		for (int b = 0; b < 256; b++) {
			unsigned char w[8];
			memset(w, ' ', sizeof(w));
			w[at] = (unsigned char)b;
			wrong += gg_i_ascii_printable8(w) != (b >= 0x20 && b < 0x80);
			memset(w, 0x7F, sizeof(w));
			w[at] = (unsigned char)b;
			wrong += gg_i_ascii_printable8(w) != (b >= 0x20 && b < 0x80);
		}
	}
	CU_ASSERT_EQUAL(wrong, 0);
}

static void check_key(const char *name, const char *want)
{
	gg_i_arena a = GG_ARENA_INIT;
	char *key = gg_i_name_key(&a, name, strlen(name));
	CU_ASSERT_PTR_NOT_NULL_FATAL(key);
	CU_ASSERT_STRING_EQUAL(key, want);
	gg_i_arena_free(&a);
}

static void test_name_key(void)
{
	check_key("Neural Radiance Fields", "neural radiance field");
	check_key("neural radiance field", "neural radiance field");
	check_key("  **Neural-Architecture_Search**. ", "neural architecture search");
	check_key("policies", "policy");
	check_key("classes", "class");
	check_key("searches", "search");
	check_key("analysis", "analysis");
	check_key("bogus", "bogus");
	check_key("mode", "mode");
	check_key("mod", "mod");
	check_key("NAS", "nas");
	check_key("C++", "c++");
	check_key("un*x", "un*x");
	check_key("Caf\xC3\xA9", "caf\xC3\xA9");        /* NFC */
	check_key("Cafe\xCC\x81", "caf\xC3\xA9");       /* NFD meets NFC */
	check_key("\xC3\x89lan", "\xC3\xA9lan");         /* non-ASCII capital */
	check_key("Stra\xC3\x9F" "e", "strasse");       /* full case folding */
}

static void test_abbreviations(void)
{
#define ABBR(a, f) gg_i_name_is_abbrev_of(a, strlen(a), f, strlen(f))
	CU_ASSERT_TRUE(ABBR("NTK", "Neural Tangent Kernel"));
	CU_ASSERT_TRUE(ABBR("ntk", "neural tangent kernel"));
	CU_ASSERT_TRUE(ABBR("NeRF", "Neural Radiance Fields"));
	CU_ASSERT_TRUE(ABBR("Neural ODEs", "Neural Ordinary Differential Equations"));
	CU_ASSERT_TRUE(ABBR("NGU", "Never Give Up"));
	CU_ASSERT_FALSE(ABBR("nas", "neural tangent kernel"));
	CU_ASSERT_FALSE(ABBR("of", "walk off the end"));
	CU_ASSERT_FALSE(ABBR("scaling laws", "neural scaling laws"));
	CU_ASSERT_FALSE(ABBR("kernel", "kernel"));
	CU_ASSERT_FALSE(ABBR("XX", "Xenon lamp"));  /* no letter used twice */
	CU_ASSERT_TRUE(ABBR("NNGP", "Neural Network Gaussian Process"));
#undef ABBR
}

static void test_qualified_base(void)
{
	CU_ASSERT_EQUAL(gg_i_name_qualified_base("neural network pruning method"), strlen("neural network pruning"));
	CU_ASSERT_EQUAL(gg_i_name_qualified_base("neural network pruning for edge"), strlen("neural network pruning"));
	CU_ASSERT_EQUAL(gg_i_name_qualified_base("learning for robot"), 0); /* one-word base */
	CU_ASSERT_EQUAL(gg_i_name_qualified_base("neural ode graph"), 0);
	CU_ASSERT_EQUAL(gg_i_name_qualified_base("kernel"), 0);
}

static void test_edit_distance(void)
{
	CU_ASSERT_EQUAL(gg_i_edit_distance("kitten", "sitting", 10), 3);
	CU_ASSERT_EQUAL(gg_i_edit_distance("NeRF", "nerf", 10), 0);
	CU_ASSERT_EQUAL(gg_i_edit_distance("abc", "abcdefghij", 3), 3); /* capped */
}

/* gg_i_utf8_fold of s, with flags, as a string (static storage). */
static const char *folded(const char *s, unsigned flags)
{
	static gg_i_buf out = GG_BUF_INIT, scratch = GG_BUF_INIT;

	out.len = 0;
	CU_ASSERT_EQUAL(gg_i_utf8_fold(&out, &scratch, s, strlen(s), flags), 0);
	return out.len ? out.ptr : "";
}

static void test_unicode_fold(void)
{
	CU_ASSERT_STRING_EQUAL(folded("STRASSE Stra\xc3\x9f" "e", GG_FOLD_CASE), "strasse strasse");
	CU_ASSERT_STRING_EQUAL(folded("\xef\xac\x81le", GG_FOLD_CASE), "file");             /* U+FB01 */
	CU_ASSERT_STRING_EQUAL(folded("\xc3\x89" "COLE", GG_FOLD_CASE), "\xc3\xa9" "cole"); /* É */
	CU_ASSERT_STRING_EQUAL(folded("\xce\xa3\xce\x9f\xcf\x82", GG_FOLD_CASE),            /* ΣΟς */
			       "\xcf\x83\xce\xbf\xcf\x83");
	/* NFD composes; without case folding the case stays */
	CU_ASSERT_STRING_EQUAL(folded("E\xcc\x81" "cole", 0), "\xc3\x89" "cole");
	CU_ASSERT_STRING_EQUAL(folded("E\xcc\x81" "cole", GG_FOLD_CASE), "\xc3\xa9" "cole");
	/* bytes that are not UTF-8 are kept, the text around them folded */
	CU_ASSERT_STRING_EQUAL(folded("\xc3\x89\xff\xc3\x89", GG_FOLD_CASE), "\xc3\xa9\xff\xc3\xa9");
	CU_ASSERT_STRING_EQUAL(folded("ABC", 0), "ABC");
	CU_ASSERT_STRING_EQUAL(folded("", GG_FOLD_CASE), "");
}

static void test_unicode_kinds(void)
{
	static const struct {
		const char *s;
		size_t len;
		gg_i_char_kind kind;
	} cases[] = {
		{ "A", 1, GG_CHAR_CAPITAL },          { "z", 1, GG_CHAR_LETTER },
		{ " ", 1, GG_CHAR_SPACE },            { "7", 1, GG_CHAR_OTHER },
		{ "\xc3\xa9", 2, GG_CHAR_LETTER },    { "\xce\xa3", 2, GG_CHAR_CAPITAL },
		{ "\xc2\xa0", 2, GG_CHAR_SPACE },     { "\xe2\x80\xaf", 3, GG_CHAR_SPACE },
		{ "\xe2\x80\x87", 3, GG_CHAR_SPACE }, { "\xcc\x81", 2, GG_CHAR_OTHER },
		{ "\xe2\x80\x94", 3, GG_CHAR_OTHER }, { "\xe6\x9d\xb1", 3, GG_CHAR_LETTER },
		{ "\xff", 1, GG_CHAR_OTHER },         { "\xc3", 1, GG_CHAR_OTHER },
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		gg_i_char_kind kind;

		CU_ASSERT_EQUAL(gg_i_utf8_char((const unsigned char *)cases[k].s, strlen(cases[k].s),
					     &kind), cases[k].len);
		CU_ASSERT_EQUAL(kind, cases[k].kind);
	}
	CU_ASSERT_TRUE(gg_i_utf8_has_capital("\xc3\x9c" "ber", 4));
	CU_ASSERT_TRUE(gg_i_utf8_has_capital("x Y", 3));
	CU_ASSERT_FALSE(gg_i_utf8_has_capital("\xc3\xbc" "ber \xcf\x83", 7));
}

/* Whether the page holding p is mapped at all. */
static bool page_mapped(const void *p)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	unsigned char resident;
	void *start = (void *)((uintptr_t)p / page * page);
	return mincore(start, page, &resident) == 0 || errno != ENOMEM;
}

/* An element of an odd size, so that neither a page nor a step holds a whole number of them. */
typedef struct element {
	uint64_t id;
	char pad[32];
} element;

static void test_page_arrays(void)
{
	/* past two steps of the move (4 MB each) and into a third */
	const size_t n = 2 * (4u << 20) / sizeof(element) + 1001;
	element *a = NULL;
	size_t cap = 0;
	size_t grown = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == cap) {
			CU_ASSERT_FATAL(gg_i_pages_grow((void **)&a, &cap, i, sizeof(*a)) == 0);
			grown++;
		}
		a[i].id = i * 2654435761u;
		a[i].pad[i % sizeof(a[i].pad)] = (char)i;
	}
	CU_ASSERT(cap >= n);
	CU_ASSERT(grown > 1 && grown < 20); /* doubling */
	element *copy = malloc(n * sizeof(*copy));
	CU_ASSERT_FATAL(copy != NULL);
	const element *first = a, *last = a + n - 1;
	CU_ASSERT(page_mapped(first) && page_mapped(last));
	void *none = NULL; /* elements bigger than a page are refused */
	size_t none_cap = 0;
	CU_ASSERT_EQUAL(gg_i_pages_grow(&none, &none_cap, 0, (size_t)1 << 20), GG_EINVAL);
	CU_ASSERT(none == NULL && none_cap == 0);
	gg_i_pages_move(copy, a, n, cap, sizeof(*a));
	size_t wrong = 0;
	for (size_t i = 0; i < n; i++)
		wrong += copy[i].id != i * 2654435761u || copy[i].pad[i % sizeof(copy[i].pad)] != (char)i;
	CU_ASSERT_EQUAL(wrong, 0);
	/* the pages went back to the system, the first (moved in the first step) and the last */
	if (gg_i_pages_unmapped) {
		CU_ASSERT_FALSE(page_mapped(first));
		CU_ASSERT_FALSE(page_mapped(last));
	}
	free(copy);
	gg_i_pages_move(NULL, NULL, 0, 0, sizeof(*a)); /* nothing to move */

	/* a small one, freed without a move */
	element *b = NULL;
	size_t b_cap = 0;
	CU_ASSERT_FATAL(gg_i_pages_grow((void **)&b, &b_cap, 0, sizeof(*b)) == 0);
	b[0].id = 7;
	CU_ASSERT(page_mapped(b));
	gg_i_pages_free(b, b_cap, sizeof(*b));
	CU_ASSERT(!gg_i_pages_unmapped || !page_mapped(b));
}

CU_ErrorCode suite_text_add(void)
{
	CU_pSuite s = CU_add_suite("text and names", NULL, NULL);
	if (!s || !CU_add_test(s, "UTF-8 sanitising", test_sanitize) ||
	    !CU_add_test(s, "printable ASCII eight bytes at a time", test_printable8) ||
	    !CU_add_test(s, "name keys", test_name_key) ||
	    !CU_add_test(s, "abbreviations", test_abbreviations) ||
	    !CU_add_test(s, "qualified names", test_qualified_base) ||
	    !CU_add_test(s, "edit distance", test_edit_distance) ||
	    !CU_add_test(s, "Unicode folding", test_unicode_fold) ||
	    !CU_add_test(s, "Unicode character kinds", test_unicode_kinds) ||
	    !CU_add_test(s, "page arrays grow in place and hand their pages back", test_page_arrays))
		return CU_get_error();
	return CUE_SUCCESS;
}
