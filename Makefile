# Makefile - builds libglossgraph.a, the glossgraph command line and the tests.
#
#   make run        build, then build the graph of data/ into graphs/
#   make test       build and run every test (unit, command line, exports)
#   make test-asan  the same tests under AddressSanitizer + UBSan
#   make golden     write the golden export files of the seeds anew
#   make test-tsan  the unit tests under ThreadSanitizer
#   make coverage   the tests with gcov; line coverage per source file
#   make bench      the benchmarks, the saved graph's too (not part of make test)
#   make bench-map  the HTML map's benchmark: sizes and first draws in Chromium
#   make fuzz       the libFuzzer harnesses, FUZZ_SECONDS each (default 300)
#   make install    binary, libraries, headers, glossgraph.pc, manual page and
#                   bash and zsh completions under PREFIX (/usr/local); DESTDIR honoured
#   make uninstall  remove what make install put there
#
# Missing Debian packages are installed by scripts/install-deps.sh.

PKGS := igraph libxml-2.0 libcgraph libgvc cunit libutf8proc libxxhash serd-0 jansson yaml-0.1 sqlite3 libzip
CC ?= cc
CFLAGS ?= -O2 -g
WARN := -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
	-Wvla -Wformat=2 -Wpointer-arith -Wundef -Wwrite-strings
# WERROR=1 (as CI builds) turns every warning into an error.
ifeq ($(WERROR),1)
WARN += -Werror
endif
PYTHON := /usr/bin/python3

ifeq ($(FUZZ),1)
BUILD := build/fuzz
CC := clang
SAN := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else ifeq ($(SANITIZE),1)
BUILD := build/asan
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else ifeq ($(SANITIZE),thread)
BUILD := build/tsan
SAN := -fsanitize=thread
else ifeq ($(COVERAGE),1)
BUILD := build/coverage
SAN := --coverage
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
# The command line takes in the parts of igraph it uses: the shared library
# would load BLAS, LAPACK, GLPK, ARPACK and the C++ and Fortran runtimes
# with it, more than a third of the time a query took to start.
# libxml2 (with ICU), libzip (with libcrypto) and graphviz it loads when first
# used (src/cli/libraries.c), so that a query starts without them.
comma := ,
LAZY_LIBS := -lxml2 -lzip -lgvc -lcgraph -lcdt
CLI_LIBS = $(patsubst -ligraph,-Wl$(comma)-Bstatic -ligraph -Wl$(comma)-Bdynamic,\
	$(filter-out $(LAZY_LIBS),$(LIBS))) -ldl

LIB_SRC := $(sort $(wildcard src/core/*.c src/read/*.c src/model/*.c src/link/*.c \
	src/graph/*.c src/export/*.c src/store/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/map_page.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)

LIB := $(BUILD)/libglossgraph.a
BIN := $(BUILD)/glossgraph
TEST_BIN := $(BUILD)/unit-tests

.PHONY: all run test test-tools golden test-asan test-tsan coverage coverage-run bench bench-map fuzz fuzz-smoke \
	fuzz-run clean help docs install uninstall test-install

all: $(BIN)

$(BUILD)/config.mk: scripts/install-deps.sh Makefile
	@mkdir -p $(@D)
	@{ pkg-config --exists $(PKGS) && test -r /usr/share/dict/words; } 2>/dev/null || \
		scripts/install-deps.sh libs || \
		{ echo "make: missing libraries ($(PKGS)); see scripts/install-deps.sh" >&2; exit 1; }
	@{ echo "PKG_CFLAGS := $$(pkg-config --cflags $(PKGS))"; \
	   echo "PKG_LIBS := $$(pkg-config --libs $(PKGS))"; \
	   echo "SERD_VERSION := $$(pkg-config --modversion serd-0)"; \
	   for l in xml2 zip gvc; do \
	     echo "SONAME_$$l := $$(objdump -p "$$($(CC) -print-file-name=lib$$l.so)" | \
	       awk '/SONAME/ { print $$2 }')"; \
	   done; } > $@.tmp && mv $@.tmp $@

# serd has no version macro: version.c gets the one pkg-config reports.
$(BUILD)/src/core/version.o: ALL_CFLAGS += -DGG_SERD_BUILT_VERSION='"$(SERD_VERSION)"'
# The files the command loads when it first needs them.
$(BUILD)/src/cli/libraries.o: ALL_CFLAGS += -DGG_SONAME_LIBXML2='"$(SONAME_xml2)"' \
	-DGG_SONAME_LIBZIP='"$(SONAME_zip)"' -DGG_SONAME_LIBGVC='"$(SONAME_gvc)"'

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
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(CLI_LIBS)
	@ln -sf $(notdir $(BUILD))/glossgraph build/glossgraph 2>/dev/null || true

$(TEST_BIN): $(TEST_OBJ) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(TEST_OBJ) $(LIB) $(LIBS)

# Installing. The version is defined once, in include/glossgraph.h.
VERSION := $(shell sed -n 's/^\#define GG_VERSION "\(.*\)"/\1/p' include/glossgraph.h)
SONAME := libglossgraph.so.$(shell echo $(VERSION) | cut -d. -f1-2)
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
LIBDIR = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
MANDIR = $(PREFIX)/share/man
COMPLETIONDIR = $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONDIR = $(PREFIX)/share/zsh/site-functions
SHLIB := $(BUILD)/libglossgraph.so.$(VERSION)
MAN := $(BUILD)/glossgraph.1
COMPLETION := $(BUILD)/glossgraph.bash
ZSH_COMPLETION := $(BUILD)/_glossgraph

# The shared library needs position-independent objects.
$(LIB_OBJ): ALL_CFLAGS += -fPIC

$(SHLIB): $(LIB_OBJ)
	$(CC) $(ALL_LDFLAGS) -shared -Wl,-soname,$(SONAME) -o $@ $(LIB_OBJ) $(LIBS)

# The manual page and the completion come from the subcommands' own --help.
$(MAN): $(BIN) scripts/cli_docs.py src/cli/glossgraph.1.in
	$(PYTHON) scripts/cli_docs.py $(BIN) man src/cli/glossgraph.1.in >$@.tmp && mv $@.tmp $@

$(COMPLETION): $(BIN) scripts/cli_docs.py
	$(PYTHON) scripts/cli_docs.py $(BIN) bash >$@.tmp && mv $@.tmp $@

$(ZSH_COMPLETION): $(BIN) scripts/cli_docs.py
	$(PYTHON) scripts/cli_docs.py $(BIN) zsh >$@.tmp && mv $@.tmp $@

# glossgraph.pc names the directories of this install, so install writes it.
PC_LINES := 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' 'Name: glossgraph' \
	'Description: technical glossaries into a knowledge graph of their terms' \
	'Version: $(VERSION)' 'Requires.private: $(filter-out cunit,$(PKGS))' \
	'Cflags: -I$${includedir}' 'Libs: -L$${libdir} -lglossgraph' 'Libs.private: -lpthread -lm'

docs: $(MAN) $(COMPLETION) $(ZSH_COMPLETION)

install: $(BIN) $(LIB) $(SHLIB) $(MAN) $(COMPLETION) $(ZSH_COMPLETION)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR)/glossgraph \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(COMPLETIONDIR) $(DESTDIR)$(ZSH_COMPLETIONDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/glossgraph
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libglossgraph.a
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/libglossgraph.so.$(VERSION)
	ln -sf libglossgraph.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libglossgraph.so
	install -m 644 include/glossgraph.h $(DESTDIR)$(INCLUDEDIR)/glossgraph.h
	install -m 644 include/glossgraph/*.h $(DESTDIR)$(INCLUDEDIR)/glossgraph/
	printf '%s\n' $(PC_LINES) >$(DESTDIR)$(LIBDIR)/pkgconfig/glossgraph.pc
	install -m 644 $(MAN) $(DESTDIR)$(MANDIR)/man1/glossgraph.1
	install -m 644 $(COMPLETION) $(DESTDIR)$(COMPLETIONDIR)/glossgraph
	install -m 644 $(ZSH_COMPLETION) $(DESTDIR)$(ZSH_COMPLETIONDIR)/_glossgraph

# Install into a scratch DESTDIR, build and run the examples against it, uninstall.
INSTALL_TEST := $(BUILD)/install-test
test-install: $(BIN) $(LIB) $(SHLIB) $(MAN) $(COMPLETION) $(ZSH_COMPLETION)
	@rm -rf $(INSTALL_TEST)
	@$(MAKE) --no-print-directory -s install DESTDIR=$(CURDIR)/$(INSTALL_TEST)
	CC="$(CC)" CFLAGS="$(SAN)" tests/examples/run.sh $(CURDIR)/$(INSTALL_TEST) $(PREFIX)
	@$(MAKE) --no-print-directory -s uninstall DESTDIR=$(CURDIR)/$(INSTALL_TEST)
	@left=$$(find $(INSTALL_TEST) -type f -o -type l); \
		[ -z "$$left" ] || { echo "make uninstall left: $$left" >&2; exit 1; }
	@rm -rf $(INSTALL_TEST)

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/glossgraph $(DESTDIR)$(LIBDIR)/libglossgraph.a \
		$(DESTDIR)$(LIBDIR)/libglossgraph.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME) \
		$(DESTDIR)$(LIBDIR)/libglossgraph.so $(DESTDIR)$(INCLUDEDIR)/glossgraph.h \
		$(DESTDIR)$(LIBDIR)/pkgconfig/glossgraph.pc $(DESTDIR)$(MANDIR)/man1/glossgraph.1 \
		$(DESTDIR)$(COMPLETIONDIR)/glossgraph $(DESTDIR)$(ZSH_COMPLETIONDIR)/_glossgraph
	rm -rf $(DESTDIR)$(INCLUDEDIR)/glossgraph

run: $(BIN)
	$(BIN) build -i data -o graphs --focus NAS --depth 2

# Test tools (graphviz, xmllint, rsvg-convert, networkx) come with the test set.
test-tools: node_modules/.package-lock.json
	@{ command -v dot && command -v xmllint && command -v rsvg-convert && command -v chromium && \
	   $(PYTHON) -c 'import networkx, igraph, pygraphviz, rdflib'; } >/dev/null 2>&1 || scripts/install-deps.sh test
	@{ command -v groff && command -v pkg-config && command -v zsh && command -v strace; } >/dev/null 2>&1 || \
		scripts/install-deps.sh test

# JavaScript packages (sigma.js, graphology, the test readers), as the lock file pins them.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || scripts/install-deps.sh test
	npm ci --no-audit --no-fund --loglevel=error

# Sanitized runs share one list of known leaks in graphviz and its fonts.
test: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp
test: $(BIN) $(TEST_BIN) test-tools
	tests/cli/run.sh $(BIN)
	$(MAKE) --no-print-directory test-install
	cd tests && ../$(TEST_BIN)

# Write the golden files of tests/golden anew, after a deliberate change of format.
golden: $(BIN)
	tests/cli/golden.sh $(BIN) --update

test-asan:
	$(MAKE) SANITIZE=1 CFLAGS="-O1 -g" test

# ThreadSanitizer on the unit tests, whose graphs and links run on several threads.
test-tsan:
	$(MAKE) SANITIZE=thread CFLAGS="-O1 -g" build/tsan/unit-tests
	cd tests && TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$(CURDIR)/tests/tsan.supp" ../build/tsan/unit-tests

# Coverage: every test of the suite on a gcov build, then lines run per file.
coverage:
	rm -rf build/coverage
	$(MAKE) COVERAGE=1 CFLAGS="-O0 -g" coverage-run

coverage-run: $(BIN) $(TEST_BIN) test-tools
	tests/cli/run.sh $(BIN)
	cd tests && ../$(TEST_BIN)
	scripts/coverage.sh $(BUILD)

bench: $(BIN)
	@{ command -v rg && $(PYTHON) -c 'import ahocorasick, networkx'; } >/dev/null 2>&1 || \
		scripts/install-deps.sh bench
	scripts/bench.sh $(BIN)
	scripts/bench_store.sh $(BIN)

bench-map: $(BIN) test-tools
	scripts/bench_map.sh $(BIN)

# Fuzzing: each harness in tests/fuzz runs FUZZ_SECONDS from its seeds and
# big generated ones (build/fuzz-seeds), keeping what it learns in
# build/fuzz-corpus; a finding stops with the input. Inputs reach
# FUZZ_MAX_LEN bytes from the start (-len_control=0), so size bugs are in reach.
FUZZERS := page html link export markdown csv json yaml skos rst asciidoc docx odf xlsx docbook texinfo latex
FUZZ_SECONDS ?= 300
FUZZ_MAX_LEN ?= 1048576
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
	@tests/fuzz/make-seeds.sh build/fuzz-seeds
	@for f in $(FUZZERS); do \
		mkdir -p build/fuzz-corpus/$$f && \
		echo "fuzz_$$f: $(FUZZ_SECONDS) s" && \
		$(BUILD)/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) \
			-len_control=0 -timeout=30 -rss_limit_mb=2048 \
			-artifact_prefix=build/fuzz-corpus/$$f- build/fuzz-corpus/$$f \
			tests/fuzz/seeds/$$f build/fuzz-seeds/$$f 2>build/fuzz-corpus/$$f.log || \
			{ tail -40 build/fuzz-corpus/$$f.log; exit 1; }; \
		grep -E '^(#[0-9]+ *DONE|Done [0-9]+ runs)' build/fuzz-corpus/$$f.log | tail -1; \
	done

clean:
	rm -rf build

help:
	@sed -n '2,12s/^# \{0,1\}//p' Makefile

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
