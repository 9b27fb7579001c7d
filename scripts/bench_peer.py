#!/usr/bin/python3
"""bench_peer.py - the plain script a user might write instead of glossgraph.

    scripts/bench_peer.py PAGES_DIR_OR_FILE... -o OUT.graphml

Reads pages in the seed shape (chrome, then "header" and "definition"
blocks separated by blank lines), takes each header's first item as the
term (a trailing "(abbr)" or a second item that looks like an abbreviation
gives its abbreviation), finds every term and abbreviation in every
definition with one pyahocorasick automaton (case-insensitive, whole
words), builds a networkx DiGraph weighted by mentions and writes GraphML.
The benchmark times it against `glossgraph build` on the same pages.
"""

import argparse
import os
import re
import sys

import ahocorasick
import networkx as nx

PAREN_ABBR = re.compile(r"^(.*?)\s*\(([^()]{1,12})\)$")


def page_files(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if not name.startswith("."):
                    yield os.path.join(p, name)
        else:
            yield p


def entries(path):
    """(header, definition) pairs of one page."""
    with open(path, encoding="utf-8", errors="replace") as f:
        blocks = [b.strip() for b in f.read().replace("\r\n", "\n").split("\n\n")]
    start = 0
    for i, b in enumerate(blocks[:8]):
        if "Showing page" in b:
            start = i + 1
    i = start
    while i + 1 < len(blocks):
        header, body = blocks[i], blocks[i + 1]
        if header and body:
            yield header, body
        i += 2


def parse_header(header):
    items = [x.strip() for x in header.split(",")]
    term, abbr = items[0], None
    m = PAREN_ABBR.match(term)
    if m:
        term, abbr = m.group(1), m.group(2)
    elif len(items) == 3 and re.fullmatch(r"[A-Za-z0-9]{2,8}", items[1]):
        abbr = items[1]
    category = items[-1] if len(items) in (2, 3) else None
    return term, abbr, category


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()

    terms = {}        # key -> {"label", "category", "definitions"}
    for path in page_files(a.inputs):
        for header, body in entries(path):
            term, abbr, category = parse_header(header)
            key = term.lower()
            t = terms.setdefault(key, {"label": term, "abbr": abbr, "category": category,
                                       "definitions": []})
            t["definitions"].append(body)
            if abbr and not t["abbr"]:
                t["abbr"] = abbr

    auto = ahocorasick.Automaton()
    for key, t in terms.items():
        auto.add_word(key, (key, len(key)))
        if t["abbr"]:
            ab = t["abbr"].lower()
            if ab not in auto:
                auto.add_word(ab, (key, len(ab)))
    auto.make_automaton()

    g = nx.DiGraph()
    for key, t in terms.items():
        g.add_node(key, label=t["label"], category=t["category"] or "")
    for key, t in terms.items():
        for text in t["definitions"]:
            low = text.lower()
            for end, (target, n) in auto.iter(low):
                if target == key:
                    continue
                start = end - n + 1
                if start > 0 and low[start - 1].isalnum():
                    continue
                if end + 1 < len(low) and low[end + 1].isalnum():
                    continue
                if g.has_edge(key, target):
                    g[key][target]["weight"] += 1
                else:
                    g.add_edge(key, target, weight=1)
    nx.write_graphml(g, a.output)
    print("bench_peer: %d nodes, %d edges -> %s" % (
        g.number_of_nodes(), g.number_of_edges(), a.output), file=sys.stderr)


if __name__ == "__main__":
    main()
