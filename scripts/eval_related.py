#!/usr/bin/python3
"""Score `glossgraph related` against the links a glossary's editors wrote.

usage: eval_related.py [GLOSSGRAPH] [--pages DIR] [--gold GOLD.tsv]
                       [--terms TERMS.tsv] [-k K] [--ranks RELATED.tsv]

Runs `GLOSSGRAPH related --all -n K --tsv -q -i DIR` (or reads its output
from --ranks) and compares each term's K best related terms with the terms
its editors linked it to (GOLD.tsv: source<TAB>target, lower-case
headwords; TERMS.tsv: headword<TAB>alias..., to match names). Only terms
with at least one gold link (itself excluded) that glossgraph ranks count.

Prints mean precision at K (hits / K), the same with the denominator
min(K, gold links) so that terms with few links can score 1, mean recall at
K, how many terms were scored, the ceiling of P@K given how many gold links
each has, and P@K over every term with gold links (0 for those glossgraph
ranks nothing for: merged into another concept, or linked to nothing).
Defaults: build/glossgraph and the Jargon set in ../shared/eval/jargon,
K = 5.
"""
import csv
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JARGON = os.path.join(os.path.dirname(TOP), 'shared', 'eval', 'jargon')


def norm(s):
    return ' '.join(s.split()).lower()


def parse_args(argv):
    opts = {'bin': os.path.join(TOP, 'build', 'glossgraph'), 'pages': os.path.join(JARGON, 'pages'),
            'gold': os.path.join(JARGON, 'gold.tsv'), 'terms': os.path.join(JARGON, 'terms.tsv'),
            'k': 5, 'ranks': None}
    it = iter(argv)
    for a in it:
        if a in ('-h', '--help'):
            sys.exit(__doc__)
        elif a in ('--pages', '--gold', '--terms', '--ranks'):
            opts[a[2:]] = next(it, None)
        elif a == '-k':
            opts['k'] = int(next(it, '5'))
        elif a.startswith('-'):
            sys.exit('eval_related: unknown option %s\n%s' % (a, __doc__))
        else:
            opts['bin'] = a
    if any(v is None for v in opts.values() if v != opts['ranks']) or opts['k'] < 1:
        sys.exit(__doc__)
    return opts


def read_ranks(opts):
    """{term: [related...]} in rank order, names as glossgraph prints them."""
    if opts['ranks']:
        with open(opts['ranks'], encoding='utf-8') as f:
            text = f.read()
    else:
        cmd = [opts['bin'], 'related', '--all', '-n', str(opts['k']), '--tsv', '-q',
               '-i', opts['pages']]
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             encoding='utf-8', check=False)
        if run.returncode != 0:
            sys.exit('eval_related: %s failed (%d): %s' % (' '.join(cmd), run.returncode,
                                                           run.stderr.strip()))
        text = run.stdout
    rows = csv.DictReader(text.splitlines(), delimiter='\t', quoting=csv.QUOTE_NONE)
    ranks = {}
    for row in rows:
        ranks.setdefault(row['term'], []).append((int(row['rank']), row['related']))
    return {t: [name for _, name in sorted(r)] for t, r in ranks.items()}


def main(argv):
    opts = parse_args(argv)
    alias = {}
    with open(opts['terms'], encoding='utf-8') as f:
        for line in f:
            names = [norm(n) for n in line.rstrip('\n').split('\t') if n.strip()]
            for n in names:
                alias.setdefault(n, names[0])
    gold = {}
    with open(opts['gold'], encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) >= 2 and norm(parts[0]) != norm(parts[1]):
                gold.setdefault(norm(parts[0]), set()).add(norm(parts[1]))

    def canon(name):
        n = norm(name)
        return alias.get(n, n)

    k = opts['k']
    ranks = {canon(t): [canon(r) for r in rel] for t, rel in read_ranks(opts).items()}
    scored = [t for t in gold if t in ranks]
    if not scored:
        sys.exit('eval_related: no term with gold links was ranked')
    p = pn = r = ceiling = 0.0
    for t in scored:
        hits = len(set(ranks[t][:k]) & gold[t])
        p += hits / k
        pn += hits / min(k, len(gold[t]))
        r += hits / len(gold[t])
        ceiling += min(k, len(gold[t])) / k
    n = len(scored)
    print('terms %d of %d with gold links; P@%d %.3f (ceiling %.3f); P@%d (of min(%d, gold)) %.3f; '
          'R@%d %.3f; P@%d over all %d: %.3f'
          % (n, len(gold), k, p / n, ceiling / n, k, k, pn / n, k, r / n, k, len(gold),
             p / len(gold)))


if __name__ == '__main__':
    main(sys.argv[1:])
