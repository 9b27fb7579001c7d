#!/usr/bin/env python3
"""Fit glossgraph's link score on glossaries whose editors marked their links.

usage: link_model.py [--binary B] [--eval DIR] [--leave-out NAME] [--features F,...] [--c] [SET...]

For each set (a folder of DIR holding gold.tsv, terms.tsv and the input:
pages/ or stripped.html), runs `B check --scores --tsv` to get every
candidate mention link with its features, labels each by the editors' links
(gold.tsv), and fits a logistic regression (Newton's method, a small L2
penalty, each glossary weighing the same whatever its size). The threshold
is the one that maximises the glossaries' mean F1. Only the features named
by --features take part (the others weigh 0): by default those that
leave-one-glossary-out validation kept, as each of the others made the
held-out F1 worse. The glossary-wide feature `dense` is fitted apart, as
it is the same for every candidate of a glossary: its pivot is the mean
vocabulary density of the glossaries, its weight the one (of a grid, the
geometric middle of those that tie) that maximises their mean F1 under the
threshold found before. Prints the model as a `--link-model` file, or with
--c as the C initialiser of decide.c.
Plain Python: no third-party module needed.
"""
import argparse
import csv
import math
import os
import subprocess
import sys
import tempfile

L2 = 0.02           # penalty on every weight but the bias, per glossary
ITERATIONS = 25
THRESHOLDS = [k / 100 for k in range(2, 99)]
FEATURES = ('common', 'ordinary', 'multiword', 'cued', 'reciprocal', 'mentions', 'case_agrees',
            'dense', 'specificity', 'inflected')
DENSE = 'dense'
DENSE_WEIGHTS = [k / 20 for k in range(0, 201)]
# a model under which the `dense` column is the glossary's vocabulary density itself
RAW_DENSITY_MODEL = 'threshold 0.5\ndensity_pivot 0\n'


def norm(s):
    return ' '.join(str(s).split()).lower()


def set_input(folder):
    """The input path of one evaluation set."""
    pages = os.path.join(folder, 'pages')
    return pages if os.path.isdir(pages) else os.path.join(folder, 'stripped.html')


def load_set(binary, folder, features=None, extra=()):
    """Candidates of one set: (features, label, pair) rows, the gold size and
    the glossary's vocabulary density. Features not in `features` (None:
    all) are 0 in every row; `dense` is always 0 there (fit_model fits it)."""
    alias = {}
    with open(os.path.join(folder, 'terms.tsv'), encoding='utf-8') as f:
        for line in f:
            names = [norm(h) for h in line.rstrip('\n').split('\t')]
            for h in names:
                alias.setdefault(h, names[0])
    with open(os.path.join(folder, 'gold.tsv'), encoding='utf-8') as f:
        gold = {tuple(l.rstrip('\n').split('\t')[:2]) for l in f if '\t' in l}
    with tempfile.NamedTemporaryFile('w', suffix='.model') as model:
        model.write(RAW_DENSITY_MODEL)
        model.flush()
        out = subprocess.run([binary, 'check', '--scores', '--tsv', '-q', '-i', set_input(folder),
                              '--link-model', model.name, *extra],
                             check=True, capture_output=True, text=True).stdout
    rows = csv.reader(out.splitlines(), delimiter='\t', quoting=csv.QUOTE_NONE)
    header = next(rows)
    names = header[4:]
    data = []
    density = 0.0
    for r in rows:
        if r[2] not in ('kept', 'low-score'):
            continue  # held for its text (case clash, code), not by score
        pair = (alias.get(norm(r[0]), norm(r[0])), alias.get(norm(r[1]), norm(r[1])))
        if pair[0] == pair[1]:
            continue
        values = dict(zip(names, r[4:]))
        density = float(values.get(DENSE, 0))
        x = [float(v) if f != DENSE and (features is None or f in features) else 0.0
             for f, v in zip(names, r[4:])]
        data.append(([1.0] + x, pair in gold, pair))
    return names, data, len(gold), density


def predict(w, x):
    z = sum(a * b for a, b in zip(w, x))
    return 1 / (1 + math.exp(-z)) if z > -700 else 0.0


def solve(a, b):
    """x with a x = b (a symmetric positive definite): Gaussian elimination."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def fit(sets):
    """Weights of a logistic regression over every set's rows, sets weighing the same."""
    n = len(sets[0][0][0])
    w = [0.0] * n
    for _ in range(ITERATIONS):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for rows in sets:
            share = 1.0 / len(rows)
            for x, y, _pair in rows:
                p = predict(w, x)
                g = (p - y) * share
                h = p * (1 - p) * share
                for i in range(n):
                    if x[i]:
                        grad[i] += g * x[i]
                        hx = h * x[i]
                        for j in range(i, n):
                            hess[i][j] += hx * x[j]
        for i in range(n):
            for j in range(i):
                hess[i][j] = hess[j][i]
            if i:
                grad[i] += L2 * len(sets) * w[i]
                hess[i][i] += L2 * len(sets)
            hess[i][i] += 1e-9
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def f1_at(rows, gold_size, w, threshold):
    pred = {pair for x, _y, pair in rows if predict(w, x) >= threshold}
    hits = len({pair for x, y, pair in rows if y and pair in pred})
    return 2 * hits / (len(pred) + gold_size) if pred or gold_size else 0.0


def best_threshold(sets, golds, w):
    scored = [[(predict(w, x), y, pair) for x, y, pair in rows] for rows in sets]
    best = (-1, 0.5)
    for t in THRESHOLDS:
        mean = 0.0
        for rows, gold_size in zip(scored, golds):
            pred = {pair for p, _y, pair in rows if p >= t}
            hits = len({pair for p, y, pair in rows if y and p >= t})
            mean += 2 * hits / (len(pred) + gold_size) if pred or gold_size else 0.0
        mean /= len(scored)
        if mean > best[0]:
            best = (mean, t)
    return best[1]


def best_dense_weight(sets, golds, densities, pivot, w, threshold):
    """The weight of `dense` that maximises the sets' mean F1 at `threshold`
    (w weighing it 0), each set's `dense` its density past the pivot. Where
    a run of weights of the grid ties for the best, the geometric middle of
    the longest run: its lower end is where the training sets' F1 starts to
    drop, and when few training sets are dense the run is long (any weight
    that lifts them past the threshold will do)."""
    sums = [[(sum(a * b for a, b in zip(w, x)), y, pair) for x, y, pair in rows] for rows in sets]
    cut = math.log(threshold / (1 - threshold))
    means = []
    for b in DENSE_WEIGHTS:
        mean = 0.0
        for rows, gold_size, density in zip(sums, golds, densities):
            shift = b * max(0.0, density - pivot)
            pred = {pair for z, _y, pair in rows if z + shift >= cut}
            hits = len({pair for z, y, pair in rows if y and z + shift >= cut})
            mean += 2 * hits / (len(pred) + gold_size) if pred or gold_size else 0.0
        means.append(mean / len(sets))
    top = max(means)
    runs, start = [], None
    for i, m in enumerate(means + [-1.0]):
        if m > top - 1e-12 and start is None:
            start = i
        elif m <= top - 1e-12 and start is not None:
            runs.append((start, i - 1))
            start = None
    lo, hi = max(runs, key=lambda r: (r[1] - r[0], -r[0]))
    low = max(DENSE_WEIGHTS[lo], DENSE_WEIGHTS[1])  # a run from 0: its first step
    return math.sqrt(low * DENSE_WEIGHTS[hi]) if hi > lo else DENSE_WEIGHTS[lo]


def fit_model(binary, folder, names, features=FEATURES):
    """Fit on the sets `names` of folder: (feature names, weights, threshold,
    density pivot)."""
    loaded = [load_set(binary, os.path.join(folder, n), features) for n in names]
    features = loaded[0][0]
    sets = [rows for _f, rows, _g, _d in loaded]
    golds = [g for _f, _rows, g, _d in loaded]
    densities = [d for _f, _rows, _g, d in loaded]
    w = fit(sets)
    threshold = best_threshold(sets, golds, w)
    pivot = sum(densities) / len(densities)
    if DENSE in features:
        w[1 + features.index(DENSE)] = best_dense_weight(sets, golds, densities, pivot, w,
                                                         threshold)
    return features, w, threshold, pivot


def model_text(features, w, threshold, pivot, names):
    lines = ['# glossgraph link model: logistic regression fitted on %s' % ', '.join(names),
             'bias %.6g' % w[0]]
    lines += ['%s %.6g' % (f, v) for f, v in zip(features, w[1:])]
    lines.append('threshold %.4g' % threshold)
    lines.append('density_pivot %.4g' % pivot)
    return '\n'.join(lines) + '\n'


def c_text(features, w, threshold, pivot):
    lines = ['\t\t[GG_FEATURE_BIAS] = %.4f,' % w[0]]
    lines += ['\t\t[GG_FEATURE_%s] = %.4f,' % (f.upper(), v) for f, v in zip(features, w[1:])]
    lines.append('\tm->threshold = %.2f;' % threshold)
    lines.append('\tm->density_pivot = %.4f;' % pivot)
    return '\n'.join(lines) + '\n'


def all_sets(folder):
    return sorted(n for n in os.listdir(folder)
                  if os.path.isfile(os.path.join(folder, n, 'gold.tsv')))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--binary', default='build/release/glossgraph')
    ap.add_argument('--eval', default='../shared/eval')
    ap.add_argument('--leave-out', action='append', default=[])
    ap.add_argument('--features', default=','.join(FEATURES),
                    help='the features that take part, comma-separated')
    ap.add_argument('--c', action='store_true', help='print the C initialiser')
    ap.add_argument('sets', nargs='*')
    a = ap.parse_args()
    names = [n for n in (a.sets or all_sets(a.eval)) if n not in a.leave_out]
    if not names:
        sys.exit('link_model.py: no set to fit on')
    features, w, t, pivot = fit_model(a.binary, a.eval, names, set(a.features.split(',')))
    sys.stdout.write(c_text(features, w, t, pivot) if a.c
                     else model_text(features, w, t, pivot, names))


if __name__ == '__main__':
    main()
