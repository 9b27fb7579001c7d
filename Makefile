# Makefile - builds libglossgraph.a, the glossgraph command line and the tests.
#
#   make run        build, then build the graph of data/ into graphs/
#   make test       build and run every test (unit, command line, exports)
#   make test-asan  the same tests under AddressSanitizer + UBSan
#   make bench      the benchmark (not part of make test)
#   make bench-map  the HTML map's benchmark: sizes and first draws in Chromium
#   make fuzz       the libFuzzer harnesses, FUZZ_SECONDS each (default 300)
#
# Missing Debian packages are installed by scripts/install-deps.sh.

PKGS := igraph libxml-2.0 libcgraph libgvc cunit libutf8proc libxxhash serd-0
CC ?= cc
CFLAGS ?= -O2 -g
WARN := -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
	-Wvla -Wformat=2 -Wpointer-arith -Wundef -Wwrite-strings
PYTHON := /usr/bin/python3

ifeq ($(FUZZ),1)
BUILD := build/fuzz
CC := clang
SAN := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else ifeq ($(SANITIZE),1)
BUILD := build/asan
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
BUILD := build/release
SAN :=
endif

NEEDS_DEPS := $(filter-out clean help,$(or $(MAKECMDGOALS),all))
ifneq ($(NEEDS_DEPS),)
# The generated config holds pkg-config's flags; make restarts once it exists.
-include $(BUILD)/config.mk
endif

ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
	$(WARN) $(PKG_CFLAGS) $(SAN) -MMD -MP $(CFLAGS)
ALL_LDFLAGS = $(SAN) $(LDFLAGS)
LIBS = $(PKG_LIBS) -lpthread -lm

LIB_SRC := $(sort $(wildcard src/core/*.c src/read/*.c src/model/*.c src/link/*.c \
	src/graph/*.c src/export/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/map_page.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)

LIB := $(BUILD)/libglossgraph.a
BIN := $(BUILD)/glossgraph
TEST_BIN := $(BUILD)/unit-tests

.PHONY: all run test test-tools test-asan bench bench-map fuzz fuzz-smoke fuzz-run clean help

all: $(BIN)

$(BUILD)/config.mk: scripts/install-deps.sh
	@mkdir -p $(@D)
	@{ pkg-config --exists $(PKGS) && test -r /usr/share/dict/words; } 2>/dev/null || \
		scripts/install-deps.sh libs || \
		{ echo "make: missing libraries ($(PKGS)); see scripts/install-deps.sh" >&2; exit 1; }
	@{ echo "PKG_CFLAGS := $$(pkg-config --cflags $(PKGS))"; \
	   echo "PKG_LIBS := $$(pkg-config --libs $(PKGS))"; } > $@.tmp && mv $@.tmp $@

$(BUILD)/%.o: %.c | $(BUILD)/config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The HTML map's page, with sigma.js and graphology inlined, as a C array.
$(BUILD)/gen/map_page.c: scripts/embed_map.sh $(wildcard src/export/map/*) node_modules/.package-lock.json
	@mkdir -p $(@D)
	scripts/embed_map.sh $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c | $(BUILD)/config.mk
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LIBS)
	@ln -sf $(notdir $(BUILD))/glossgraph build/glossgraph 2>/dev/null || true

$(TEST_BIN): $(TEST_OBJ) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(TEST_OBJ) $(LIB) $(LIBS)

run: $(BIN)
	$(BIN) build -i data -o graphs --focus NAS --depth 2

# Test tools (graphviz, xmllint, rsvg-convert, networkx) come with the test set.
test-tools: node_modules/.package-lock.json
	@{ command -v dot && command -v xmllint && command -v rsvg-convert && command -v chromium && \
	   $(PYTHON) -c 'import networkx, igraph, pygraphviz, rdflib'; } >/dev/null 2>&1 || scripts/install-deps.sh test

# JavaScript packages (sigma.js, graphology, the test readers), as the lock file pins them.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || scripts/install-deps.sh test
	npm ci --no-audit --no-fund --loglevel=error

# Sanitized runs share one list of known leaks in graphviz and its fonts.
test: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp
test: $(BIN) $(TEST_BIN) test-tools
	tests/cli/run.sh $(BIN)
	cd tests && ../$(TEST_BIN)

test-asan:
	$(MAKE) SANITIZE=1 CFLAGS="-O1 -g" test

bench: $(BIN)
	@{ command -v rg && $(PYTHON) -c 'import ahocorasick, networkx'; } >/dev/null 2>&1 || \
		scripts/install-deps.sh bench
	scripts/bench.sh $(BIN)

bench-map: $(BIN) test-tools
	scripts/bench_map.sh $(BIN)

# Fuzzing: each harness in tests/fuzz runs FUZZ_SECONDS from its seeds,
# keeping what it learns in build/fuzz-corpus; a finding stops with the input.
FUZZERS := page html link export
FUZZ_SECONDS ?= 300
FUZZ_BINS := $(FUZZERS:%=$(BUILD)/fuzz_%)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(LIB)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB) $(LIBS)

fuzz:
	@command -v clang >/dev/null && ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a \
		>/dev/null 2>&1 || scripts/install-deps.sh bench
	$(MAKE) FUZZ=1 CFLAGS="-O1 -g" fuzz-run

fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=10

fuzz-run: $(FUZZ_BINS)
	@for f in $(FUZZERS); do \
		mkdir -p build/fuzz-corpus/$$f && \
		echo "fuzz_$$f: $(FUZZ_SECONDS) s" && \
		$(BUILD)/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
			-rss_limit_mb=2048 -artifact_prefix=build/fuzz-corpus/$$f- \
			build/fuzz-corpus/$$f tests/fuzz/seeds/$$f 2>build/fuzz-corpus/$$f.log || \
			{ tail -40 build/fuzz-corpus/$$f.log; exit 1; }; \
		grep -E '^(#[0-9]+ *DONE|Done [0-9]+ runs)' build/fuzz-corpus/$$f.log | tail -1; \
	done

clean:
	rm -rf build

help:
	@sed -n '2,9s/^# \{0,1\}//p' Makefile

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
