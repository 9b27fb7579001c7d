#!/bin/sh
# install-deps.sh - install the Debian packages glossgraph builds, tests and
# benchmarks with. Called by the Makefile when pkg-config or a test tool is
# missing; safe to run by hand. Exits non-zero with a clear message when it
# cannot install (not root and no sudo, no apt-get, a package not found).
set -eu

# Libraries the program links with (pkg-config names in the Makefile's PKGS).
# wamerican: the word list telling ordinary words from coined terms (linker).
# libserd-dev: Turtle (SKOS) reading and writing.
# libsqlite3-dev: the saved graph (build writes it, --db reads it).
LIB_PACKAGES="pkg-config libigraph-dev libxml2-dev libgraphviz-dev libcunit1-dev libutf8proc-dev libxxhash-dev libserd-dev libjansson-dev libyaml-dev libsqlite3-dev libzip-dev wamerican"
# Tools the tests use to read every export back.
# Node.js and Chromium: graphology reads the exports, the HTML map is opened in a browser.
TEST_PACKAGES="graphviz libxml2-utils librsvg2-bin python3 python3-networkx python3-igraph python3-pygraphviz python3-rdflib chromium"
command -v npm >/dev/null 2>&1 || TEST_PACKAGES="$TEST_PACKAGES nodejs npm"
# The manual page's lint, the zsh completion's test and the installed library's examples.
TEST_PACKAGES="$TEST_PACKAGES groff-base zsh pkg-config"
# The sqlite3 shell reads the saved graph back.
TEST_PACKAGES="$TEST_PACKAGES sqlite3"
# strace counts the command's restarts with 2 MB memory pages.
TEST_PACKAGES="$TEST_PACKAGES strace"
# Peers and tools of the benchmark and the fuzzers (make bench, make fuzz).
BENCH_PACKAGES="ripgrep python3-ahocorasick clang libclang-rt-14-dev"

case "${1:-libs}" in
	libs) packages="$LIB_PACKAGES" ;;
	test) packages="$LIB_PACKAGES $TEST_PACKAGES" ;;
	bench) packages="$LIB_PACKAGES $TEST_PACKAGES $BENCH_PACKAGES" ;;
	*) echo "usage: $0 [libs|test|bench]" >&2; exit 2 ;;
esac

if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-deps: apt-get not found; install these packages by hand: $packages" >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
	SUDO=
elif command -v sudo >/dev/null 2>&1; then
	SUDO=sudo
else
	echo "install-deps: need root (or sudo) to install: $packages" >&2
	exit 1
fi

echo "install-deps: installing $packages" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq >/dev/null; then
	echo "install-deps: 'apt-get update' failed; install these packages by hand: $packages" >&2
	exit 1
fi
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y -qq $packages >/dev/null; then
	echo "install-deps: 'apt-get install' failed for: $packages" >&2
	exit 1
fi
