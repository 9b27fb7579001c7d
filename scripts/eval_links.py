#!/usr/bin/env python3
"""Link quality of a glossgraph binary on glossaries with their editors' links.

usage: eval_links.py [--binary B] [--eval DIR] [--no-loo]

Builds nothing. For every set of DIR (default ../shared/eval: NAME/gold.tsv,
NAME/terms.tsv, NAME/pages or NAME/stripped.html) prints one table row:
the default graph's precision / recall / F1, the same with --keep-all, the
naive linker's F1 (every mention of a headword or alias of terms.tsv in any
case, whole words, optional plural, leftmost-longest, nothing held back; on
the definitions as the binary reads them), and the leave-one-out F1: the
link model fitted (scripts/link_model.py) on the other sets only, then used
on this one with --link-model. Last, the means.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import link_model  # noqa: E402


def score(binary, folder, tmp, extra):
    """(precision, recall, f1) of `binary export tsv` with options `extra`."""
    edges = os.path.join(tmp, 'edges.tsv')
    subprocess.run([binary, 'export', 'tsv', '-q', '-i', link_model.set_input(folder),
                    '-o', edges, *extra], check=True)
    scorer = os.path.join(os.path.dirname(os.path.abspath(folder)), 'score_links.py')
    out = subprocess.run([sys.executable, scorer, os.path.join(folder, 'gold.tsv'),
                          os.path.join(folder, 'terms.tsv'), edges],
                         check=True, capture_output=True, text=True).stdout.split()
    return tuple(float(out[out.index(k) + 1]) for k in ('precision', 'recall', 'f1'))


def naive_score(binary, folder, tmp):
    """F1 of the naive linker on the definitions `binary` reads from the set."""
    nodes = os.path.join(tmp, 'nodes.json')
    subprocess.run([binary, 'export', 'json', '-q', '-i', link_model.set_input(folder),
                    '-o', nodes], check=True)
    with open(nodes, encoding='utf-8') as f:
        concepts = [n for n in json.load(f)['nodes'] if n.get('node_kind') == 'term']
    alias = {}
    with open(os.path.join(folder, 'terms.tsv'), encoding='utf-8') as f:
        for line in f:
            names = [link_model.norm(h) for h in line.rstrip('\n').split('\t') if h.strip()]
            for h in names:
                alias.setdefault(h, names[0])
    with open(os.path.join(folder, 'gold.tsv'), encoding='utf-8') as f:
        gold = {tuple(l.rstrip('\n').split('\t')[:2]) for l in f if '\t' in l}
    # longest names first: at each position the alternation takes the longest
    spelled = sorted(alias, key=len, reverse=True)
    pattern = re.compile(r'(?<!\w)(?:%s)(?:e?s)?(?!\w)' %
                         '|'.join(r'\s+'.join(map(re.escape, n.split())) for n in spelled),
                         re.IGNORECASE)
    pred = set()
    for c in concepts:
        source = alias.get(link_model.norm(c['name']), link_model.norm(c['name']))
        for m in pattern.finditer(c.get('definition', '')):
            written = link_model.norm(m.group(0))
            target = alias.get(written) or alias.get(re.sub(r'e?s$', '', written))
            if target is None and written.endswith('es'):
                target = alias.get(written[:-1])
            if target and target != source:
                pred.add((source, target))
    hits = len(pred & gold)
    return 2 * hits / (len(pred) + len(gold)) if pred or gold else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--binary', default='build/release/glossgraph')
    ap.add_argument('--eval', default='../shared/eval')
    ap.add_argument('--no-loo', action='store_true', help='skip the leave-one-out column')
    a = ap.parse_args()
    names = link_model.all_sets(a.eval)
    print('| set | default P / R / F1 | --keep-all P / R / F1 | naive F1 | leave-one-out F1 |')
    print('| --- | --- | --- | ---: | ---: |')
    sums = [0.0, 0.0, 0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        for n in names:
            folder = os.path.join(a.eval, n)
            d = score(a.binary, folder, tmp, [])
            k = score(a.binary, folder, tmp, ['--keep-all'])
            naive = naive_score(a.binary, folder, tmp)
            loo = float('nan')
            if not a.no_loo:
                others = [o for o in names if o != n]
                features, w, t, pivot = link_model.fit_model(a.binary, a.eval, others)
                model = os.path.join(tmp, 'model.txt')
                with open(model, 'w') as f:
                    f.write(link_model.model_text(features, w, t, pivot, others))
                loo = score(a.binary, folder, tmp, ['--link-model', model])[2]
            sums = [sums[0] + d[2], sums[1] + k[2], sums[2] + naive, sums[3] + loo]
            print('| %s | %.3f / %.3f / %.3f | %.3f / %.3f / %.3f | %.3f | %.3f |'
                  % (n, *d, *k, naive, loo))
            sys.stdout.flush()
    m = [s / len(names) for s in sums]
    print('| mean F1 | %.3f | %.3f | %.3f | %.3f |' % tuple(m))


if __name__ == '__main__':
    main()
