#!/usr/bin/python3
"""readback.py - read glossgraph's exports back with real readers and compare them.

usage: /usr/bin/python3 tests/readback.py DIR [STEM]

Reads DIR/STEM.json (default STEM: glossary) with networkx as the reference,
then every other export found beside it, and checks that each holds the same
nodes, edges and attributes (label, node_kind, pagerank, community; weight, kind):
  .graphml   networkx.read_graphml, and igraph's Read_GraphML when python3-igraph
             is installed
  .gexf      xml.etree (networkx 2.8 reads GEXF 1.2 only): labels, viz colour,
             size and position, edges
  .dot       pygraphviz (graphviz's own parser) when python3-pygraphviz is
             installed; labels unescaped as graphviz reads them
  .tsv .csv  the csv module: one row per edge, names and kinds
  .nodes.csv .relationships.csv  the Neo4j headers and rows; no cell a
             spreadsheet would run as a formula
  .graphology.json .cytoscape.json  the same graph in those shapes
  .ttl       rdflib: one SKOS concept per node, labels, links
and that nodes at their own size overlap little (at most 3% of pairs per node).
Prints one line per check; exits 1 when one fails, 2 on a usage error.
"""
import csv
import json
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter

import networkx as nx

GEXF = '{http://gexf.net/1.3}'
VIZ = '{http://gexf.net/1.3/viz}'
KINDS = {'mention', 'editor', 'category', 'keyword'}
RULES = {'exact', 'case-folded', 'inflected', 'abbreviation', 'alias', 'header', 'href'}

failures = []


def check(ok, what):
    print('readback: %s %s' % ('OK  ' if ok else 'FAIL', what))
    if not ok:
        failures.append(what)
    return ok


def node_link_graph(data):
    """networkx's reader as users call it: node_link_graph(d) from networkx 3.4 on,
    where "edges" is the default key; older networkx is told the key."""
    version = tuple(int(p) for p in nx.__version__.split('.')[:2])
    if version >= (3, 4):
        return nx.node_link_graph(data)
    return nx.node_link_graph(data, link='edges')


def reference(path):
    """Nodes {id: attrs} and the multiset of edges (source, target, kind, weight)."""
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    g = node_link_graph(data)
    check(g.is_directed() and g.is_multigraph(), 'json: directed multigraph')
    nodes = dict(g.nodes(data=True))
    edges = Counter((u, v, a['kind'], int(a['weight'])) for u, v, a in g.edges(data=True))
    for n, a in nodes.items():
        if not (set(a) >= {'label', 'node_kind', 'pagerank', 'community', 'community_name',
                           'definition', 'summary', 'r', 'g', 'b'}):
            check(False, 'json: node %s lacks attributes' % n)
            break
    bad = [e for e in edges if e[2] not in KINDS]
    check(not bad, 'json: %d nodes, %d edges, kinds known' % (len(nodes), sum(edges.values())))
    return nodes, edges


def same_nodes(fmt, nodes, got):
    """got: {id: (label, node_kind, pagerank, community)}"""
    check(set(got) == set(nodes), '%s: same %d node ids' % (fmt, len(got)))
    bad = [n for n in nodes if n in got and got[n] != (
        nodes[n]['label'], nodes[n]['node_kind'], float(nodes[n]['pagerank']),
        int(nodes[n]['community']))]
    check(not bad, '%s: same label, node_kind, pagerank, community%s' % (
        fmt, ' (first difference: %r vs %r)' % (got[bad[0]], nodes[bad[0]]) if bad else ''))


def same_edges(fmt, edges, got):
    check(got == edges, '%s: same %d edges (source, target, kind, weight)' % (
        fmt, sum(got.values())))


def read_graphml(path, nodes, edges):
    g = nx.read_graphml(path)
    same_nodes('graphml/networkx', nodes, {
        n: (a.get('label'), a.get('node_kind'), a.get('pagerank'), a.get('community'))
        for n, a in g.nodes(data=True)})
    same_edges('graphml/networkx', edges, Counter(
        (u, v, a.get('kind'), a.get('mentions')) for u, v, a in g.edges(data=True)))
    check(all(a.get('label') == a.get('kind') and 1 <= a.get('weight') <= 5
              for _, _, a in g.edges(data=True)),
          'graphml/networkx: edge label is the kind, weight a width of 1 to 5')
    node_types = all(isinstance(a.get('community'), int) and isinstance(a.get('pagerank'), float)
                     and isinstance(a.get('label'), str) for _, a in g.nodes(data=True))
    edge_types = all(isinstance(a.get('weight'), float) and isinstance(a.get('cued'), bool)
                     for _, _, a in g.edges(data=True))
    check(node_types and edge_types, 'graphml/networkx: int, double, boolean, string as typed')
    names = {k.get('attr.name') for k in ET.parse(path).getroot().findall(
        '{http://graphml.graphdrawing.org/xmlns}key')}
    check(not (names & RESERVED - {'x', 'y', 'size', 'color', 'label'}),
          'graphml: no reserved attribute name but the drawing\'s (x, y, size, color, label)')
    try:
        import igraph
    except ImportError:
        print('readback: SKIP graphml/igraph: python3-igraph is not installed')
        return
    ig = igraph.Graph.Read_GraphML(path)
    same_nodes('graphml/igraph', nodes, {
        v['id']: (v['label'], v['node_kind'], v['pagerank'], int(v['community'])) for v in ig.vs})
    same_edges('graphml/igraph', edges, Counter(
        (ig.vs[e.source]['id'], ig.vs[e.target]['id'], e['kind'], int(e['mentions']))
        for e in ig.es))


def read_gexf(path, nodes, edges):
    root = ET.parse(path).getroot()
    check(root.tag == GEXF + 'gexf' and root.get('version') == '1.3', 'gexf: GEXF 1.3 root')
    graph = root.find(GEXF + 'graph')
    titles = {}
    for attrs in graph.findall(GEXF + 'attributes'):
        for a in attrs.findall(GEXF + 'attribute'):
            titles[(attrs.get('class'), a.get('id'))] = a.get('title')
    got, colours = {}, []
    for n in graph.find(GEXF + 'nodes').findall(GEXF + 'node'):
        values = {a.get('for'): a.get('value')
                  for a in n.find(GEXF + 'attvalues').findall(GEXF + 'attvalue')}
        got[n.get('id')] = (n.get('label'), values.get('node_kind'), float(values.get('pagerank')),
                            int(values.get('community')))
        c = n.find(VIZ + 'color')
        ref = nodes.get(n.get('id'), {})
        colours.append(c is not None and (int(c.get('r')), int(c.get('g')), int(c.get('b'))) ==
                       (ref.get('r'), ref.get('g'), ref.get('b')) and
                       n.find(VIZ + 'size') is not None and n.find(VIZ + 'position') is not None)
    same_nodes('gexf', nodes, got)
    check(all(colours), 'gexf: viz:color matches the community colour; viz:size, viz:position')
    def mentions(e):
        for a in e.find(GEXF + 'attvalues').findall(GEXF + 'attvalue'):
            if a.get('for') == 'mentions':
                return int(a.get('value'))
    same_edges('gexf', edges, Counter(
        (e.get('source'), e.get('target'), e.get('kind'), mentions(e))
        for e in graph.find(GEXF + 'edges').findall(GEXF + 'edge')))
    check(not (set(titles.values()) & RESERVED), 'gexf: no reserved attribute name')
    check(titles.get(('node', 'aliases')) and all(
        titles.get(('node', a)) for a in ('community_name', 'definition', 'summary')),
        'gexf: aliases, community_name, definition, summary declared')


def unescape_dot(s):
    """A label as graphviz shows it: \\\\ is one backslash, &amp; one ampersand."""
    out, i = [], 0
    while i < len(s):
        if s.startswith('\\\\', i):
            out.append('\\')
            i += 2
        elif s.startswith('&amp;', i):
            out.append('&')
            i += 5
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def read_dot(path, nodes, edges):
    try:
        import pygraphviz
    except ImportError:
        print('readback: SKIP dot: python3-pygraphviz is not installed (validate.sh dot '
              'still parses it with graphviz)')
        return
    g = pygraphviz.AGraph(path)
    got = {n: unescape_dot(n.attr['label']) for n in g.nodes()}
    check(set(got) == set(nodes), 'dot/pygraphviz: same %d node ids' % len(got))
    bad = [n for n in nodes if got.get(n) != nodes[n]['label']]
    check(not bad, 'dot/pygraphviz: same labels%s' % (
        ' (first difference: %r vs %r)' % (got.get(bad[0]), nodes[bad[0]]['label'])
        if bad else ''))
    same_edges('dot/pygraphviz', edges, Counter(
        (str(e[0]), str(e[1]), e.attr['kind'], int(e.attr['weight'])) for e in g.edges()))


def unguard(cell):
    """A cell's text: the ' that keeps a spreadsheet from running it removed."""
    return cell[1:] if cell.startswith("'") else cell


def check_guarded(fmt, rows):
    """No cell a spreadsheet would run as a formula."""
    bad = [cell for r in rows for cell in r if cell[:1] in ('=', '+', '-', '@', '\t', '\r')
           and not cell.lstrip('-').replace('.', '', 1).replace('e', '', 1).isdigit()]
    check(not bad, '%s: no cell begins with = + - @%s' % (fmt, ' (%r)' % bad[0] if bad else ''))


def read_table(path, delimiter, nodes, edges):
    fmt = os.path.splitext(path)[1][1:]
    with open(path, encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    header = rows[0] if rows else []
    check(header[:6] == ['source', 'target', 'weight', 'kind', 'rule', 'evidence'],
          '%s: header source, target, weight, kind, rule, evidence' % fmt)
    check(all(len(r) == len(header) for r in rows), '%s: every row has %d cells' % (
        fmt, len(header)))
    names = Counter((nodes[u]['label'], nodes[v]['label'], k, w)
                    for (u, v, k, w), n in edges.items() for _ in range(n))
    got = Counter((unguard(r[0]), unguard(r[1]), r[3], int(r[2])) for r in rows[1:] if len(r) >= 6)
    check_guarded(fmt, rows)
    check(got == names, '%s: same %d edges by name' % (fmt, sum(got.values())))
    check(all(r[4] in RULES for r in rows[1:]), '%s: rules known' % fmt)


def read_neo4j(stem, nodes, edges):
    with open(stem + '.nodes.csv', encoding='utf-8', newline='') as f:
        text = f.read()
        rows = list(csv.reader(text.splitlines()))
    check_guarded('neo4j', rows)
    check(sorted(unguard(r[1]) for r in rows[1:]) ==
          sorted(a.get('name', a['label']) for a in nodes.values()), 'neo4j: same names')
    check('\\"' not in text, 'neo4j: no backslash before a quote (LOAD CSV reads it as an escape)')
    check(rows[0][0] == 'id:ID' and rows[0][-1] == ':LABEL', 'neo4j: nodes header')
    check(sorted(r[0] for r in rows[1:]) == sorted(nodes), 'neo4j: same %d nodes' % (
        len(rows) - 1))
    with open(stem + '.relationships.csv', encoding='utf-8', newline='') as f:
        rels = list(csv.reader(f))
    check(rels[0][:4] == [':START_ID', ':END_ID', ':TYPE', 'weight:int'],
          'neo4j: relationships header')
    kinds = {'MENTIONS': 'mention', 'LINKS_TO': 'editor', 'IN_CATEGORY': 'category',
             'HAS_KEYWORD': 'keyword'}
    got = Counter((r[0], r[1], kinds.get(r[2]), int(float(r[3]))) for r in rels[1:])
    same_edges('neo4j', edges, got)


# Attribute names sigma.js and graphology keep for their own drawing.
RESERVED = {'type', 'x', 'y', 'size', 'color', 'label', 'hidden', 'zIndex', 'forceLabel'}


def overlap_share(points):
    """Node pairs closer than the sum of their radii, per node: points are (x, y, r)."""
    points = sorted(points)
    reach = 2 * max((p[2] for p in points), default=0)
    pairs = 0
    for i, (x, y, r) in enumerate(points):
        for x2, y2, r2 in points[i + 1:]:
            if x2 - x >= reach:
                break
            if (x2 - x) ** 2 + (y2 - y) ** 2 < (r + r2) ** 2:
                pairs += 1
    return pairs / len(points) if points else 0


def read_json_shapes(stem, nodes, edges):
    """The graphology and cytoscape.js shapes: same graph, drawing attributes set."""
    path = stem + '.graphology.json'
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            d = json.load(f)
        check(d['options'] == {'type': 'directed', 'multi': True, 'allowSelfLoops': True},
              'graphology: directed multigraph options')
        check({n['key'] for n in d['nodes']} == set(nodes), 'graphology: same %d node keys' %
              len(d['nodes']))
        check(all({'x', 'y', 'size', 'color', 'label'} <= set(n['attributes']) and
                  'type' not in n['attributes'] for n in d['nodes']),
              'graphology: x, y, size, color, label on every node; no type')
        same_edges('graphology', edges, Counter(
            (e['source'], e['target'], e['attributes']['kind'], e['attributes']['weight'])
            for e in d['edges']))
    path = stem + '.cytoscape.json'
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            d = json.load(f)['elements']
        check({n['data']['id'] for n in d['nodes']} == set(nodes) and
              all(set(n['position']) == {'x', 'y'} for n in d['nodes']),
              'cytoscape: same %d node ids, each with a position' % len(d['nodes']))
        same_edges('cytoscape', edges, Counter(
            (e['data']['source'], e['data']['target'], e['data']['kind'], e['data']['weight'])
            for e in d['edges']))


def check_overlap(nodes, limit):
    """At most `limit` overlapping node pairs per node at the nodes' own size."""
    share = overlap_share([(a['x'], a['y'], a['size']) for a in nodes.values()])
    check(share <= limit, 'json: %.2f%% node pairs overlap per node (at most %g%%)' % (
        100 * share, 100 * limit))


def read_skos(path, nodes, edges):
    """The SKOS Turtle through rdflib: one concept per node, labels, links."""
    try:
        import rdflib
        from rdflib.namespace import RDF, SKOS
    except ImportError:
        print('readback: SKIP skos: rdflib is not installed')
        return
    gg = rdflib.Namespace('https://glossgraph.example/ns#')
    g = rdflib.Graph()
    g.parse(path, format='turtle')
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    check(len(concepts) == len(nodes), 'skos: %d concepts for %d nodes' % (
        len(concepts), len(nodes)))
    check(len(set(g.subjects(RDF.type, SKOS.ConceptScheme))) == 1 and
          all((c, SKOS.inScheme, None) in g for c in concepts), 'skos: one scheme, every concept in it')
    pref = {c: [str(o) for o in g.objects(c, SKOS.prefLabel)] for c in concepts}
    check(all(len(p) == 1 for p in pref.values()), 'skos: exactly one prefLabel per concept')
    names = sorted(a.get('name', a['label']) for a in nodes.values())
    check(sorted(p[0] for p in pref.values() if p) == names, 'skos: prefLabels are the names')
    overlap = [c for c in concepts if len(set(map(str, g.objects(c, SKOS.altLabel))) |
               set(map(str, g.objects(c, SKOS.hiddenLabel))) | set(pref[c])) !=
               len(list(g.objects(c, SKOS.altLabel))) + len(list(g.objects(c, SKOS.hiddenLabel))) +
               len(pref[c])]
    check(not overlap, 'skos: no label repeated within a concept')
    links = [(s, p, o) for p in (SKOS.related, gg.mentions, gg.inCategory, gg.hasKeyword)
             for s, o in g.subject_objects(p)]
    check(all(s != o for s, _, o in links), 'skos: no concept related to itself')
    related = set(g.subject_objects(SKOS.related))
    check(not any((o, s) in related for s, o in related), 'skos: skos:related once per pair')
    mentions = {(u, v) for (u, v, k, w) in edges if k == 'mention' and u != v}
    check(len(set(g.subject_objects(gg.mentions))) == len(mentions),
          'skos: %d gg:mentions for %d mention edges' % (len(set(g.subject_objects(gg.mentions))),
                                                         len(mentions)))
    described = list(g.subjects(RDF.type, gg.Mention))
    check(len(described) == sum(n for (u, v, k, w), n in edges.items() if k == 'mention' and u != v)
          and all((m, gg.weight, None) in g for m in described),
          'skos: each mention described with its weight')
    check(all((c, SKOS.member, None) in g for c in g.subjects(RDF.type, SKOS.Collection)),
          'skos: every collection has members')


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    stem = os.path.join(argv[1], argv[2] if len(argv) == 3 else 'glossary')
    if not os.path.exists(stem + '.json'):
        sys.stderr.write('readback: no %s.json to compare with\n' % stem)
        return 2
    nodes, edges = reference(stem + '.json')
    check_overlap(nodes, 0.03)
    read_json_shapes(stem, nodes, edges)
    for ext, read in (('.graphml', read_graphml), ('.gexf', read_gexf), ('.dot', read_dot)):
        if os.path.exists(stem + ext):
            read(stem + ext, nodes, edges)
    for ext, delimiter in (('.tsv', '\t'), ('.csv', ',')):
        if os.path.exists(stem + ext):
            read_table(stem + ext, delimiter, nodes, edges)
    if os.path.exists(stem + '.ttl'):
        read_skos(stem + '.ttl', nodes, edges)
    if os.path.exists(stem + '.nodes.csv'):
        read_neo4j(stem, nodes, edges)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
