#!/usr/bin/python3
"""gen_glossary.py - write a synthetic glossary in the seed pages' shape.

    scripts/gen_glossary.py --entries 12000 --seed 1 -o build/bench/g12k
    scripts/gen_glossary.py --entries 1000000 --def-bytes 1000 -o g1m
    scripts/gen_glossary.py --entries 1000 --one-file -o g1k.txt

The output is a directory of pages of 50 entries each (page-000001.txt, ...)
or, with --one-file, a single page holding every entry. Each page has the
seed chrome (back link, title, "N technical terms and definitions", letter
bar, "Showing page K of P (N entries)"), then entries sorted by header: a
header line in one of the real shapes and a one-line Markdown definition
opening with its bold display name.

What makes it look like a real glossary:
  - term names combine technical modifiers, field words and head nouns
    ("adaptive lattice scheduler"); some are eponyms (made-up surnames:
    "Varden transform"), some single words; about a third of the multi-word
    terms have an abbreviation (NTK, NeRF);
  - headers: "term, category", "term, abbr, category",
    "term (abbr),term,abbr,category", keyword lists, and rare split-word
    lists; categories are drawn Zipf-distributed from a pool;
  - every definition mentions other terms, drawn Zipf-distributed (a few
    hubs, a long tail), in varied surface forms: lower case, Title Case,
    plural, abbreviation, hyphenated, bold, after "see also";
  - 15% of entries (--variants) are variants of a concept already there
    (the same name with another definition, a plural, "X techniques",
    "X for Y", a trailing abbreviation, the abbreviation alone) or, one in
    five of them, exact duplicates, so that merging has work to do.

Definition lengths follow a log-normal law around --def-bytes (360 by
default: 12,000 entries make about 5 MB; 1,000 bytes make 1M entries about
1 GB). The output depends only on the options: the same --seed gives the same
bytes, whatever --jobs.
"""

import argparse
import bisect
import itertools
import math
import multiprocessing
import os
import random
import sys

ENTRIES_PER_PAGE = 50

# Technical head nouns: the last word of most term names.
HEADS = """
network kernel model encoder decoder protocol cache scheduler compiler
allocator transform estimator classifier regression sampler filter buffer
pipeline architecture algorithm layer embedding attention tree graph index
queue lock register bus controller sensor gate transistor lithography
etching deposition interconnect package wafer memory storage routing
placement synthesis verification inference training distillation
quantization pruning compression retrieval search ranking parser tokenizer
loss gradient regularization normalization activation dropout batching
sharding replication consensus hashing encryption signature certificate
firewall proxy gateway socket thread process daemon shell terminal driver
firmware bootloader hypervisor container orchestrator simulator solver
optimizer projection decomposition factorization interpolation
convolution pooling tokenization segmentation detection tracking
calibration alignment augmentation annotation benchmark metric dataset
schema query transaction journal checkpoint snapshot migration rollback
heuristic planner agent policy reward critic oscillator
amplifier modulator demodulator antenna waveguide resonator photodiode
laser lens mirror mask resist implant anneal oxide nitride dielectric
capacitor inductor resistor diode substrate bonding probe tester
scanner lexer linker loader debugger profiler tracer sandbox enclave
mutex semaphore barrier channel stream codec vocoder spectrogram
manifold tensor matrix vector operator functional distribution prior
posterior likelihood field surface mesh
shader rasterizer renderer texture voxel pointcloud splatting
""".split()

# Modifiers: the first word of many term names.
MODIFIERS = """
neural adaptive sparse dense distributed parallel stochastic bayesian
causal contrastive generative discriminative recurrent convolutional
residual hierarchical incremental federated quantum optical thermal
dynamic static lossless lossy asynchronous synchronous probabilistic
deterministic differentiable variational adversarial robust scalable
secure private approximate exact linear nonlinear spectral temporal
spatial semantic syntactic lexical visual acoustic multimodal
multilingual cross-domain self-supervised semi-supervised supervised
unsupervised online offline streaming batched cached pipelined
vectorized compiled interpreted virtual physical logical analog digital
mixed-signal low-power high-bandwidth fault-tolerant lock-free
wait-free speculative predictive reactive proactive continual lifelong
hybrid modular recursive iterative greedy optimal suboptimal
constrained unconstrained regularized normalized weighted gated masked
shared global local elastic rigid implicit explicit latent hidden
""".split()

# Field words: the middle of many term names, and single-word terms.
FIELD_WORDS = """
lattice spectrum photon vertex entropy tensor carrier charge packet frame
token context prompt value reward state feature pixel voxel depth motion
flow phase frequency voltage current clock timing power leakage yield
defect overlay focus exposure dose etch oxide metal copper silicon
gallium carbon graphene qubit spin magnetic ferroelectric memristive
synaptic spiking event camera lidar radar sonar audio speech speaker
language text document query key hash bloom trie heap stack ring torus
fabric switch router link lane bandwidth latency throughput batch
window segment page block sector log commit replica shard partition
cluster node edge cloud device host user fiber coroutine actor message
signal noise echo pulse wave beam photonic plasmonic acoustic thermal
strain stress fatigue creep fracture crystal grain boundary interface
junction contact via trench fin gate-all-around nanosheet channel well
bias threshold sense refresh retention endurance wear parity syndrome
codeword checksum nonce salt cipher key-exchange handshake session
cookie header payload frame-level sentence paragraph corpus vocabulary
subword character phoneme prosody pitch timbre tempo rhythm melody chord
spectral cepstral wavelet fourier laplacian hessian jacobian gaussian
poisson markov dirichlet bernoulli softmax sigmoid relu gelu swish
attention-head residual skip bottleneck expert mixture 
prefix suffix sliding rotary positional relative absolute anchor
proposal region instance panoptic semantic keypoint pose skeleton
mesh-based implicit-surface radiance occupancy signed-distance
billboard sprite tile atlas mipmap shadow reflection refraction
caustic specular diffuse ambient occlusion irradiance luminance
chroma gamut tone sensor-fusion odometry mapping
localization loop-closure trajectory waypoint gripper actuator
servo motor torque inertia damping stiffness compliance impedance
admittance feedback feedforward setpoint disturbance observer
 kalman particle ensemble bootstrap bagging boosting
stacking margin hinge kernel-trick support vector prototype centroid
medoid density outlier anomaly drift shift covariate label class
ordinal hierarchy taxonomy ontology schema catalog lineage provenance
governance audit consent privacy fairness robustness
certificate-chain trust enclave attestation firmware-update rollback
canary blue-green feature-flag circuit breaker backpressure retry
timeout deadline quota rate-limit admission eviction prefetch
writeback write-through coherence consistency linearizable causal-order
vector-clock lamport gossip epidemic quorum leader follower lease
fencing heartbeat watchdog interrupt trap syscall page-table tlb
cacheline prefetcher branch predictor speculation reorder retire
dispatch issue rename scoreboard pipeline-stage superscalar simd
vliw systolic dataflow tile-based near-memory in-memory processing
chiplet interposer bump underfill reticle stepper 
photoresist developer rinse bake cure 
diffusion epitaxy sputter evaporation plating polishing dicing
""".split()

# Syllables of the made-up surnames of eponymous terms.
SURNAME_SYLLABLES = """
var den kor lin mas ter bel hol ran sen dor vik tal mer son ka ri no
wen stra gan fel ber ro ma li ost ham quist ley ton wick sky ova ard
""".split()

# Fields and subfields: categories are drawn from these.
DOMAINS = [
    "computer vision", "natural language processing", "speech", "robotics",
    "security", "databases", "networking", "compilers", "operating systems",
    "semiconductor manufacturing", "lithography", "theory", "optimization",
    "hardware", "graphics", "reinforcement learning", "statistics",
    "signal processing", "control theory", "cryptography", "storage",
    "distributed systems", "programming languages", "audio", "3d vision",
    "generative models", "evaluation", "data engineering", "mlops",
    "interpretability", "chip design", "packaging", "testing", "physics",
    "chemistry ai", "time series", "recommender systems", "information retrieval",
    "edge ai", "embedded systems", "networking hardware", "quantum computing",
    "bioinformatics", "finance", "human computer interaction", "ethics",
]

# Plain words the definitions are written with.
NOUNS = """
data system value method result input output state function parameter
error signal sample feature representation structure process approach
performance accuracy latency throughput cost quality resource
constraint objective variable set sequence token layer unit step
stage level order space time memory energy power rate size scale
technique framework strategy design property behavior component
interface operation instance example case problem solution estimate
bound limit threshold trade-off baseline variant extension version
""".split()
VERBS = """
reduces improves computes estimates combines separates maps encodes
stores captures tracks updates predicts measures controls balances
transforms selects filters ranks aggregates distributes schedules
approximates bounds stabilizes accelerates simplifies extends
generalizes replaces preserves exposes limits enables supports
""".split()
ADJECTIVES = """
efficient accurate robust simple complex large small fast slow stable
common standard practical theoretical empirical typical specific general
explicit implicit local global discrete continuous sparse dense
noisy clean fixed variable shared separate joint independent early
late final initial intermediate consistent reliable expensive cheap
""".split()
PREPOSITIONS = "for with across over under between within through from into".split()
DETERMINERS = "the a each every its this one".split()
ADVERBS = """
often typically usually directly explicitly gradually jointly
efficiently carefully rarely widely
""".split()
SECTION_TITLES = ["Why It Matters", "How It Works", "Key Properties",
                  "How It Is Used in Practice", "Limitations", "Variants"]
QUALIFIERS = ["techniques", "methods", "strategies", "advanced", "approaches"]
CUES = ["See also", "Compare", "Cf.", "See"]
UPPER = "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z All"


def make_surnames(rng, n):
    """Pronounceable surnames for eponyms ("Varden transform"), seeded."""
    out = set()
    while len(out) < n:
        k = 2 if rng.random() < 0.7 else 3
        out.add("".join(rng.choice(SURNAME_SYLLABLES) for _ in range(k)).capitalize())
    return sorted(out)


def plural(word):
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def name_key(words):
    """Roughly how the model compares names: lower case, plural endings off."""
    return " ".join(w.lower().rstrip("s").replace("-", " ") for w in words)


def title_word(w):
    if w[0].isupper():
        return w
    return "-".join(p[:1].upper() + p[1:] for p in w.split("-"))


def picker(rng):
    """rng.choice, without its overhead (the definitions make millions of picks)."""
    rnd = rng.random
    return lambda seq: seq[int(rnd() * len(seq))]


def article(word):
    return "an" if word[0] in "aeiou" else "a"


def zipf_cumulative(n, s):
    """Cumulative weights of ranks 1..n under Zipf's law with exponent s."""
    return list(itertools.accumulate(1.0 / (r ** s) for r in range(1, n + 1)))


class Concept:
    __slots__ = ("words", "name", "display", "abbr", "category")

    def __init__(self, words, display, abbr, category):
        self.words = words
        self.name = " ".join(words).lower()
        self.display = display
        self.abbr = abbr
        self.category = category


class Plan:
    """Everything decided up front, in one seeded pass: concepts and entries."""

    def __init__(self, args):
        self.args = args
        rng = random.Random(args.seed)
        self.fields = FIELD_WORDS
        self.surnames = make_surnames(random.Random(args.seed ^ 0xE901), 1500)
        n_entries = args.entries
        n_concepts = max(1, round(n_entries * (1 - args.variants)))

        # Categories: named fields, then "modifier field" as the glossary grows.
        n_cat = max(12, min(2000, n_entries // 60))
        cats = list(DOMAINS)
        rng.shuffle(cats)
        seen = set(cats)
        while len(cats) < n_cat:
            c = rng.choice(MODIFIERS) + " " + rng.choice(DOMAINS)
            if c not in seen:
                seen.add(c)
                cats.append(c)
        self.categories = cats[:n_cat]
        self.cat_cum = zipf_cumulative(len(self.categories), 1.1)

        self.concepts = self._make_concepts(rng, n_concepts)
        # Mention ranks: short, general names tend to be the hubs.
        order = sorted(range(len(self.concepts)),
                       key=lambda i: len(self.concepts[i].words) + 2.5 * rng.random())
        self.by_rank = order
        self.mention_cum = zipf_cumulative(len(order), args.zipf)

        # Free keyword phrases, recurring across headers.
        n_kw = max(50, n_concepts // 5)
        self.phrases = [rng.choice(MODIFIERS) + " " + rng.choice(HEADS) if rng.random() < 0.6
                        else rng.choice(self.fields) + " " + rng.choice(HEADS)
                        for _ in range(n_kw)]
        self.phrase_cum = zipf_cumulative(n_kw, 1.0)

        self.entries = self._make_entries(rng, n_entries)
        self.site = title_word(rng.choice(self.fields)) + " " + rng.choice(
            ["Labs", "Systems", "Research", "Academy", "Works", "Institute"])

    def _make_name(self, rng):
        r = rng.random()
        fw, mods, heads = self.fields, MODIFIERS, HEADS
        if r < 0.33:
            return [rng.choice(mods), rng.choice(fw), rng.choice(heads)]
        if r < 0.52:
            return [rng.choice(mods), rng.choice(heads)]
        if r < 0.68:
            return [rng.choice(fw), rng.choice(heads)]
        if r < 0.78:
            return [rng.choice(mods), rng.choice(mods), rng.choice(heads)]
        if r < 0.86:
            return [rng.choice(self.surnames), rng.choice(heads)]
        if r < 0.94:
            return [rng.choice(fw), rng.choice(fw), rng.choice(heads)]
        if r < 0.98:
            return [rng.choice(mods), rng.choice(fw), rng.choice(fw), rng.choice(heads)]
        return [rng.choice(fw)]

    def _make_abbr(self, rng, words, used):
        parts = [p for w in words for p in w.split("-")]
        if len(parts) < 2 or len(parts) > 5:
            return None
        plain = "".join(p[0] for p in parts).upper()
        mixed = parts[0][0].upper() + parts[0][1] + "".join(p[0].upper() for p in parts[1:])
        for cand in (plain, mixed):
            if cand not in used:
                used.add(cand)
                return cand
        # A few real collisions: the same letters for two terms.
        return plain if rng.random() < 0.03 else None

    def _make_concepts(self, rng, n):
        concepts, keys, used_abbr = [], set(), set()
        # Single-word hubs: the bare head nouns, a handful per thousand concepts.
        for h in HEADS[: max(10, min(len(HEADS), n // 100))]:
            if len(concepts) >= n:
                break
            keys.add(name_key([h]))
            concepts.append(Concept((h,), title_word(h), None, None))
        tries = 0
        while len(concepts) < n:
            words = self._make_name(rng)
            tries += 1
            key = name_key(words)
            if key in keys or len(set(words)) < len(words) or words[-1] in QUALIFIERS:
                if tries > 50 * n:
                    words = words + [str(tries)]
                    key = name_key(words)
                else:
                    continue
            keys.add(key)
            abbr = self._make_abbr(rng, words, used_abbr) if rng.random() < 0.38 else None
            if rng.random() < 0.15:
                display = " ".join(words)  # shown in lower case, as some are
            else:
                display = " ".join(title_word(w) if w not in ("of", "and") else w for w in words)
            concepts.append(Concept(tuple(words), display, abbr, None))
        cat_idx = range(len(self.categories))
        for c, ci in zip(concepts, rng.choices(cat_idx, cum_weights=self.cat_cum, k=len(concepts))):
            c.category = self.categories[ci]
        return concepts

    def _keywords(self, rng):
        """A header's keyword list: names of related terms and free phrases."""
        out = []
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.45:
                t = self.concepts[self.pick_mention(rng)]
                out.append(t.name if not t.abbr or rng.random() < 0.7
                           else t.name + " " + t.abbr.lower())
            else:
                out.append(self.phrases[bisect.bisect_left(
                    self.phrase_cum, rng.random() * self.phrase_cum[-1])])
        return out

    def pick_mention(self, rng):
        i = bisect.bisect_left(self.mention_cum, rng.random() * self.mention_cum[-1])
        return self.by_rank[min(i, len(self.by_rank) - 1)]

    def _header(self, rng, c, name=None):
        """A header line in one of the real shapes."""
        name = name or c.name
        comma = ", " if rng.random() < 0.6 else ","
        r = rng.random()
        if c.abbr and name == c.abbr.lower():
            return name + comma + c.category
        if c.abbr and r < 0.25:
            return name + comma + c.abbr.lower() + comma + c.category
        if c.abbr and r < 0.38:
            a = c.abbr.lower()
            return "%s (%s),%s,%s,%s" % (name, a, name, a, c.category)
        if r < 0.70:
            return name + comma + c.category
        if r < 0.985 or len(c.words) < 2 or name != c.name:
            return ",".join([name] + self._keywords(rng))
        items = list(name.split(" "))
        if c.abbr:
            items.append(c.abbr)
        items.append(rng.choice(MODIFIERS))
        return ",".join(items)

    def _make_entries(self, rng, n_entries):
        """(header, concept, opening name, entry seed) per entry, sorted as pages are."""
        entries = []
        concepts = self.concepts
        seed_base = self.args.seed << 32
        for ci, c in enumerate(concepts):
            h = self._header(rng, c)
            entries.append((h, ci, c.display, len(entries)))
        n_variants = n_entries - len(entries)
        n_dups = max(0, round(n_variants * 0.2))
        n_variants -= n_dups
        for _ in range(n_variants):
            ci = rng.randrange(len(concepts))
            c = concepts[ci]
            r = rng.random()
            if r < 0.35:
                name, disp = c.name, c.display        # another entry, same name
            elif r < 0.55:
                name = " ".join(c.words[:-1] + (plural(c.words[-1]),)).lower()
                disp = " ".join(c.display.split(" ")[:-1] + [plural(c.display.split(" ")[-1])])
            elif r < 0.75 and len(c.words) >= 2 and rng.random() < 0.4:
                prep, field = rng.choice(["for", "in"]), rng.choice(DOMAINS)
                name = "%s %s %s" % (c.name, prep, field)
                disp = "%s %s %s" % (c.display, prep, field.title())
            elif r < 0.75:
                q = rng.choice(QUALIFIERS)
                name, disp = c.name + " " + q, c.display + " " + q.title()
            elif r < 0.9 and c.abbr:
                name, disp = c.name + " " + c.abbr.lower(), c.display
            elif c.abbr:
                name, disp = c.abbr.lower(), c.abbr    # named by its abbreviation only
            else:
                name, disp = c.name, c.display
            h = self._header(rng, c, name)
            entries.append((h, ci, disp, len(entries)))
        for _ in range(n_dups):
            entries.append(entries[rng.randrange(len(entries))])
        entries = [(h, ci, disp, seed_base + es) for h, ci, disp, es in entries]
        entries.sort(key=lambda e: (e[0].lower(), e[3]))
        return entries


# ---- definitions, made per entry from its own seed -------------------------

PLAN = None
POOL = None


def filler_pool(seed, size=6000):
    """Sentences the definitions are made of (plain, list items, numbers)."""
    rng = random.Random(seed ^ 0x5EED)
    ch = rng.choice
    out = []
    for _ in range(size):
        r = rng.random()
        if r < 0.35:
            s = "%s %s %s %s %s %s %s %s." % (
                ch(DETERMINERS).capitalize(), ch(NOUNS), ch(VERBS), ch(DETERMINERS),
                ch(ADJECTIVES), ch(NOUNS), ch(PREPOSITIONS), ch(NOUNS))
        elif r < 0.6:
            s = "- **%s**: %s %s %s %s %s, %s %s." % (
                ch(NOUNS).capitalize(), ch(ADJECTIVES).capitalize(), ch(NOUNS), ch(VERBS),
                ch(NOUNS), ch(ADVERBS), ch(ADJECTIVES), ch(NOUNS))
        elif r < 0.75:
            s = "It %s %s %s %s — %s %s %s %s %s." % (
                ch(ADVERBS), ch(VERBS), ch(ADJECTIVES), ch(NOUNS), ch(DETERMINERS),
                ch(NOUNS), ch(VERBS), ch(ADJECTIVES), ch(NOUNS))
        elif r < 0.85:
            s = "%s %s %s by %d%% %s %s (%d)." % (
                ch(ADJECTIVES).capitalize(), ch(NOUNS), ch(VERBS), rng.randint(2, 90),
                ch(PREPOSITIONS), ch(NOUNS), rng.randint(1985, 2024))
        elif r < 0.93:
            s = "%s: %s %s → %s %s, $O(n \\log n)$ %s." % (
                ch(NOUNS).capitalize(), ch(ADJECTIVES), ch(NOUNS), ch(ADJECTIVES),
                ch(NOUNS), ch(NOUNS))
        else:
            s = "%s %s %s %s %s %s %s, %s %s %s." % (
                ch(DETERMINERS).capitalize(), ch(ADJECTIVES), ch(NOUNS), ch(ADVERBS),
                ch(VERBS), ch(NOUNS), ch(PREPOSITIONS), ch(ADJECTIVES), ch(NOUNS),
                ch(NOUNS))
        out.append(s)
    return out


def surface(rng, t):
    """How a definition names another term."""
    r = rng.random()
    if r < 0.48:
        return t.name
    if r < 0.60:
        return t.display
    if r < 0.70:
        return " ".join(t.words[:-1] + (plural(t.words[-1]),)).lower()
    if r < 0.82 and t.abbr:
        return t.abbr
    if r < 0.88:
        return t.name.replace(" ", "-")
    if r < 0.94:
        return "**" + t.display + "**"
    if t.abbr:
        return "%s (%s)" % (t.display, t.abbr)
    return t.name


def mention_clause(rng, m, m2):
    ch = picker(rng)
    r = rng.random()
    if r < 0.2:
        return "It builds on %s." % m
    if r < 0.3:
        return "%s %s." % (ch(CUES), m)
    if r < 0.45:
        return "Unlike %s, it %s %s %s." % (m, ch(VERBS), ch(ADJECTIVES), ch(NOUNS))
    if r < 0.65:
        return "- **%s**: %s %s the %s %s %s %s." % (
            ch(NOUNS).capitalize(), m, ch(VERBS), ch(NOUNS), ch(PREPOSITIONS),
            ch(ADJECTIVES), ch(NOUNS))
    if r < 0.8:
        return "In practice it is combined with %s and %s." % (m, m2)
    if r < 0.9:
        return "The %s of %s %s %s %s." % (ch(NOUNS), m, ch(VERBS), ch(ADJECTIVES), ch(NOUNS))
    return "%s %s %s, as in %s." % (ch(ADJECTIVES).capitalize(), ch(NOUNS), ch(VERBS), m)


def definition(entry):
    _, ci, disp, eseed = entry
    plan, pool = PLAN, POOL
    a = plan.args
    c = plan.concepts[ci]
    rng = random.Random(eseed)
    ch = picker(rng)
    # Sentences overrun the drawn length by about 40 bytes on average.
    mean = max(40, a.def_bytes - 40)
    sigma = 0.6
    target = int(rng.lognormvariate(math.log(mean) - sigma * sigma / 2, sigma))
    target = max(40, min(target, 20 * mean))
    parts = []
    abbr = c.abbr if disp != c.abbr else None
    r = rng.random()
    if r < 0.55 and abbr:
        adj = ch(ADJECTIVES)
        parts.append("**%s (%s)** is %s **%s %s %s %s** —" % (
            disp, abbr, article(adj), adj, ch(NOUNS), ch(PREPOSITIONS), ch(NOUNS)))
    elif r < 0.65 and abbr:
        parts.append("**%s** (%s) is %s %s %s %s." % (
            abbr, disp, ch(DETERMINERS), ch(ADJECTIVES), ch(NOUNS), ch(VERBS)))
    elif r < 0.92:
        adj = ch(ADJECTIVES)
        parts.append("**%s** is %s **%s %s that %s %s %s**." % (
            disp, article(adj), adj, ch(NOUNS), ch(VERBS), ch(ADJECTIVES), ch(NOUNS)))
    else:
        parts.append("%s is %s %s %s %s." % (
            disp[0].upper() + disp[1:], ch(DETERMINERS), ch(ADJECTIVES), ch(NOUNS),
            ch(PREPOSITIONS)))
    size = len(parts[0])
    n_mentions = max(1 if target > 150 else 0, round(target / a.mention_every * rng.uniform(0.5, 1.5)))
    sections = 0
    while size < target:
        if n_mentions and rng.random() < 0.45:
            n_mentions -= 1
            t = plan.pick_mention(rng)
            if t == ci:
                continue
            t2 = plan.pick_mention(rng)
            s = mention_clause(rng, surface(rng, plan.concepts[t]),
                               surface(rng, plan.concepts[t2 if t2 != ci else t]))
        elif size > 200 and sections < 2 and rng.random() < 0.08:
            sections += 1
            s = "**%s**" % ch(SECTION_TITLES)
        else:
            s = ch(pool)
        parts.append(s)
        size += len(s) + 1
    if target > 400 and rng.random() < 0.5:
        parts.append("**%s** is **%s %s %s %s** — %s" % (
            abbr or disp, ch(DETERMINERS), ch(ADJECTIVES), ch(NOUNS), ch(PREPOSITIONS),
            ch(pool)))
    return " ".join(parts)


def chrome(plan, page, pages):
    n = len(plan.entries)
    return ("← Back to %s\n\n%s Glossary\n\n%s technical terms and definitions\n\n"
            "%s\nShowing page %d of %d (%s entries)\n\n" % (
                plan.site, plan.site, format(n, ","), UPPER, page, pages, format(n, ",")))


def page_text(job):
    page, pages, lo, hi = job[:4]
    plan = PLAN
    out = [chrome(plan, page, pages)] if page else []
    for e in plan.entries[lo:hi]:
        out.append(e[0])
        out.append("\n\n")
        out.append(definition(e))
        out.append("\n\n")
    return "".join(out)


def write_page(job):
    text = page_text(job)
    path = job[4] if len(job) > 4 else None
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def main():
    global PLAN, POOL
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", "-n", type=int, default=1000,
                    help="number of entries, duplicates and variants included (1000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (1)")
    ap.add_argument("--def-bytes", type=int, default=360,
                    help="mean definition length in bytes (360: 12k entries ~ 5 MB)")
    ap.add_argument("--mention-every", type=int, default=110,
                    help="about one mention of another term per this many bytes (110)")
    ap.add_argument("--variants", type=float, default=0.15,
                    help="share of entries that are variants (4/5) or exact duplicates "
                    "(1/5) of another entry (0.15)")
    ap.add_argument("--zipf", type=float, default=1.0,
                    help="Zipf exponent of the mentions' targets (1.0)")
    ap.add_argument("--one-file", action="store_true",
                    help="write one file (OUT) instead of a directory of 50-entry pages")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                    help="processes writing pages (default: one per core)")
    ap.add_argument("--output", "-o", required=True, help="output directory (or file)")
    ap.add_argument("--quiet", "-q", action="store_true", help="no summary on stderr")
    a = ap.parse_args()
    if a.entries < 1 or a.def_bytes < 60 or a.mention_every < 20 or not 0 <= a.variants < 1:
        ap.error("need --entries >= 1, --def-bytes >= 60, --mention-every >= 20, "
                 "0 <= --variants < 1")

    PLAN = Plan(a)
    POOL = filler_pool(a.seed)
    n = len(PLAN.entries)
    total = 0
    ctx = multiprocessing.get_context("fork")
    if a.one_file:
        jobs = [(1 if i == 0 else 0, 1, lo, min(n, lo + 1000))
                for i, lo in enumerate(range(0, n, 1000))]
        tmp = a.output + ".tmp"
        with open(tmp, "wb") as f:
            if a.jobs > 1 and len(jobs) > 4:
                with ctx.Pool(a.jobs) as pool:
                    for text in pool.imap(page_text, jobs, chunksize=4):
                        data = text.encode("utf-8")
                        f.write(data)
                        total += len(data)
            else:
                for job in jobs:
                    data = page_text(job).encode("utf-8")
                    f.write(data)
                    total += len(data)
        os.replace(tmp, a.output)
        files = 1
    else:
        os.makedirs(a.output, exist_ok=True)
        for old in os.listdir(a.output):
            if old.startswith("page-") and old.endswith(".txt"):
                os.unlink(os.path.join(a.output, old))
        pages = (n + ENTRIES_PER_PAGE - 1) // ENTRIES_PER_PAGE
        width = max(6, len(str(pages)))
        jobs = [(p + 1, pages, p * ENTRIES_PER_PAGE, min(n, (p + 1) * ENTRIES_PER_PAGE),
                 os.path.join(a.output, "page-%0*d.txt" % (width, p + 1)))
                for p in range(pages)]
        if a.jobs > 1 and pages > 8:
            with ctx.Pool(a.jobs) as pool:
                total = sum(pool.imap_unordered(write_page, jobs, chunksize=16))
        else:
            total = sum(write_page(j) for j in jobs)
        files = pages
    if not a.quiet:
        n_abbr = sum(1 for c in PLAN.concepts if c.abbr)
        print("gen_glossary: %d entries (%d terms, %d with abbreviations, %d categories) "
              "in %d file%s, %.1f MB, seed %d" % (
                  n, len(PLAN.concepts), n_abbr, len(PLAN.categories), files,
                  "" if files == 1 else "s", total / 1e6, a.seed), file=sys.stderr)


if __name__ == "__main__":
    main()
