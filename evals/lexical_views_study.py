"""More lexical and dense views for issue 14 (ARCD R@1 >= 0.75), each scored on every set at once.

    python -m evals.lexical_views_study OUT [OUT ...] [--grid] [--only=NAME]   # OUT: data/ and fusion_capture.pkl

OUT is a folder made by `python -m evals.fusion_study SET OUT` (its library in OUT/data, its questions with
their gold sources in OUT/fusion_capture.pkl). Everything is recomputed over the whole corpus of each
set from the chunks' text with today's rag.tokens: the product's lexical list (rag.LexicalIndex itself,
stemmed BM25 + 0.5 x adjacent-pair BM25) and the product's fusion (rag.index.retrieve's functions), then the
views measured here: character n-grams within words, a stronger stemmer, lexical pseudo-relevance
feedback (RM3-like), dense query variants and sentence-level dense variants. For each setting it prints
R@1 per set and the margin over the better of that setting's own dense-only and lexical-only rankings.
Question vectors come from the library's embedding cache (computed once).
"""

from __future__ import annotations

import itertools
import math
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from rag import LexicalIndex, adaptive_weight, lexical_query, load_settings, open_library, score_fusion, stem, tokens

from .fusion_study import _BM25 as BM25
from .fusion_study import _bigrams, _top
from .metrics import recall_at, reciprocal_rank

N = 50  # candidates per list, as the product (Settings.candidates)
W = 0.55  # the product's lexical weight


# --- views -----------------------------------------------------------------------------------------

def char_ngrams(toks: list[str], n: int) -> list[str]:
    """Within-word character n-grams with word-boundary markers; a word shorter than n counts whole."""
    out = []
    for t in toks:
        w = f"<{t}>"
        if len(w) <= n:
            out.append(w)
        else:
            out.extend(w[i:i + n] for i in range(len(w) - n + 1))
    return out


_PRE2 = ("وبال", "وكال", "فبال", "فلل", "ولل", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ك", "ل", "س")
_SUF2 = ("اتها", "اتهم", "يات", "يين", "يون", "هما", "كما", "تها", "تهم", "ات", "ون", "ين", "ان", "ية", "يه",
         "ها", "هم", "هن", "كم", "نا", "ه", "ي", "ا", "ت")


def stem2(token: str) -> str:
    """A stronger light stemmer: one more prefix pass (و ف ب ك ل ال لل س, at least three letters kept) and
    up to two suffixes (plural, feminine, pronoun endings), at least three letters kept."""
    if not token or not ("\u0621" <= token[0] <= "\u064a"):
        return token
    for p in _PRE2:
        if token.startswith(p) and len(token) - len(p) >= 3:
            token = token[len(p):]
            break
    for _ in range(2):
        for s in _SUF2:
            if token.endswith(s) and len(token) - len(s) >= 3:
                token = token[:-len(s)]
                break
        else:
            break
    return token


# --- one set, loaded --------------------------------------------------------------------------------

class SetData:
    def __init__(self, out: Path):
        self.name = out.name
        rows = pickle.loads((out / "fusion_capture.pkl").read_bytes())
        s = load_settings().with_(home=str(out / "data"), chroma_url="", collection="eval")
        lib = open_library(s)
        chunks = lib.store.get_chunks(vectors=True)
        self.ids = [c.id for c in chunks]
        self.source = [c.source for c in chunks]
        got = lib.store.collection.get(ids=self.ids, include=["embeddings"])
        vec = dict(zip(got["ids"], got["embeddings"]))
        self.V = np.array([vec[i] for i in self.ids], dtype=np.float32)
        self.svecs = [c.sentence_vectors if c.sentence_vectors is not None else np.zeros((0, self.V.shape[1]))
                      for c in chunks]
        self.toks = [tokens(c.text) for c in chunks]
        self.sent_toks = [[set(tokens(c.text[a:b])) for a, b in c.sentences] for c in chunks]
        self.q = [r["q"] for r in rows]
        self.gold = [r["gold"] for r in rows]
        self.qtoks = [tokens(lexical_query(q)) for q in self.q]
        self.qvec = np.array([lib.embedder.embed_query_vector(q) for q in self.q], dtype=np.float32)
        lq = [" ".join(t) for t in self.qtoks]
        self.qvec_lex = np.array([lib.embedder.embed_query_vector(q if q.strip() else o)
                                  for q, o in zip(lq, self.q)], dtype=np.float32)
        self.qvec_pass = np.asarray(lib.embedder.embed_passages(self.q), dtype=np.float32)  # "passage: " + q
        index = LexicalIndex(self.ids, [c.text for c in chunks])
        self.product_lexical = [index.search(lexical_query(q), N) for q in self.q]
        self.captured_dense = [r["dense"] for r in rows]
        self._bm: dict = {}
        self._chunk_sim = None

    # dense
    def dense(self, qv: np.ndarray, mix: float = 0.5, sent: str = "max") -> list[list[tuple[str, float]]]:
        """Per question: the top N by chunk cosine, re-scored with (1 - mix) chunk + mix sentence score."""
        sims = qv @ self.V.T
        out = []
        for i in range(len(qv)):
            cand = np.argsort(-sims[i], kind="stable")[:N]
            lst = []
            for j in cand:
                sim = float(sims[i, j])
                sv = self.svecs[j]
                if len(sv) and mix:
                    ss = sv @ qv[i]
                    sim = (1 - mix) * sim + mix * sentence_score(ss, sv, qv[i], sent)
                lst.append((self.ids[j], sim))
            lst.sort(key=lambda x: -x[1])
            out.append(lst)
        return out

    def bm(self, view: str, k1: float = 1.5, b: float = 0.75) -> BM25:
        key = (view, k1, b)
        if key not in self._bm:
            self._bm[key] = BM25([apply_view(view, t) for t in self.toks], k1, b)
        return self._bm[key]

    def scores(self, i: int, view: str, k1: float = 1.5, b: float = 0.75) -> np.ndarray:
        return self.bm(view, k1, b).scores(apply_view(view, self.qtoks[i]))

    def score(self, lists: list[dict]) -> dict:
        r1 = mrr = 0.0
        for fused, gold in zip(lists, self.gold):
            ranked = [self.src[c] for c, _ in sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:10]]
            r1 += recall_at(ranked, gold, 1)
            mrr += reciprocal_rank(ranked, gold)
        n = max(len(lists), 1)
        return {"R@1": r1 / n, "MRR": mrr / n}

    @property
    def src(self) -> dict:
        return dict(zip(self.ids, self.source))


def sentence_score(ss: np.ndarray, sv: np.ndarray, q: np.ndarray, how: str) -> float:
    if how == "max":
        return float(ss.max())
    if how.startswith("top2:"):  # max mixed with the second best
        a = float(how.split(":")[1])
        s = np.sort(ss)[::-1]
        return float((1 - a) * s[0] + a * (s[1] if len(s) > 1 else s[0]))
    if how.startswith("pair:"):  # max over single sentences and adjacent pairs (mean of two unit vectors)
        a = float(how.split(":")[1])
        best = float(ss.max())
        if len(sv) > 1:
            m = sv[:-1] + sv[1:]
            m = m / (np.linalg.norm(m, axis=1, keepdims=True) + 1e-9)
            best2 = float((m @ q).max())
            return (1 - a) * best + a * max(best, best2)
        return best
    raise ValueError(how)


def apply_view(view: str, toks: list[str]) -> list[str]:
    if view == "words":
        return toks
    if view == "stems":
        return [stem(t) for t in toks]
    if view == "stems2":
        return [stem2(t) for t in toks]
    if view == "pairs":
        return _bigrams(toks)
    if view == "pairs_stem":
        return _bigrams([stem(t) for t in toks])
    if view.startswith("ng"):  # ng3, ng4, ng5, ng34 ...
        return [g for n in view[2:] for g in char_ngrams(toks, int(n))]
    raise ValueError(view)


# --- fusion (the product's) --------------------------------------------------------------------------

def fuse(dense, lexical, w: float = W) -> dict:
    return score_fusion(dense, lexical, adaptive_weight(lexical, w))


def margins(d: SetData, dense_lists, lex_lists, w: float = W) -> tuple[float, float, float, float]:
    hyb = d.score([fuse(a, b, w) for a, b in zip(dense_lists, lex_lists)])
    dn = d.score([dict(a) for a in dense_lists])["R@1"]
    lx = d.score([dict(b) for b in lex_lists])["R@1"]
    return hyb["R@1"], dn, lx, hyb["MRR"]


def combine(d: SetData, parts: list[tuple[float, str]], k1b=(1.5, 0.75)) -> list[list[tuple[str, float]]]:
    """Lexical list per question: sum of weight x BM25 over views (each over the whole corpus)."""
    out = []
    for i in range(len(d.q)):
        tot = np.zeros(len(d.ids))
        for wt, view in parts:
            kb = k1b if view in ("stems", "stems2", "words") else (1.5, 0.75)
            tot += wt * d.scores(i, view, *kb)
        out.append(_top(d.ids, tot, N))
    return out


def prf(d: SetData, base: list[tuple[float, str]], fb_docs: int, fb_terms: int, beta: float, view: str = "stems"):
    """RM3-like: the top `fb_docs` of the base lexical ranking give `fb_terms` expansion terms (in `view`,
    weighted by idf x frequency in those passages), added to the stemmed query at weight beta."""
    bm = d.bm(view)
    out = []
    for i in range(len(d.q)):
        tot = np.zeros(len(d.ids))
        for wt, v in base:
            tot += wt * d.scores(i, v)
        first = np.argsort(-tot, kind="stable")[:fb_docs]
        qterms = set(apply_view(view, d.qtoks[i]))
        cand: Counter = Counter()
        for j in first:
            if tot[j] <= 0:
                continue
            terms = apply_view(view, d.toks[j])
            c = Counter(terms)
            for t, f in c.items():
                if t not in qterms:
                    cand[t] += f / len(terms) * bm.idf(t)
        extra = [t for t, _ in cand.most_common(fb_terms)]
        if extra:
            tot = tot + beta * bm.scores(extra)
        out.append(_top(d.ids, tot, N))
    return out


def proximity(d: SetData, base_lists, gamma: float):
    """Add gamma x (best sentence's share of the question's idf mass) x the list's top score."""
    bm = d.bm("words")
    slot = {c: j for j, c in enumerate(d.ids)}
    out = []
    for i, lst in enumerate(base_lists):
        idf = {t: bm.idf(t) for t in set(d.qtoks[i]) if t in bm.post}
        total = sum(idf.values()) or 1.0
        best = lst[0][1] if lst else 1.0
        new = []
        for c, s in lst:
            cov = max((sum(v for t, v in idf.items() if t in st) for st in d.sent_toks[slot[c]]), default=0.0) / total
            new.append((c, s + gamma * best * cov))
        new.sort(key=lambda x: -x[1])
        out.append(new)
    return out


def main(argv: list[str]) -> int:
    outs = [Path(a) for a in argv if not a.startswith("--")]
    only = [a[7:] for a in argv if a.startswith("--only=")]
    sets = []
    for o in outs:
        t = time.time()
        sets.append(SetData(o))
        print(f"# loaded {o.name}: {len(sets[-1].q)} questions, {len(sets[-1].ids)} chunks, {time.time() - t:.0f} s",
              flush=True)

    def report(name: str, dense_of, lex_of, w: float = W):
        if only and not any(x in name for x in only):
            return
        cells, ok = [], True
        for d in sets:
            h, dn, lx, mrr = margins(d, dense_of(d), lex_of(d), w)
            m = h - max(dn, lx)
            ok &= m >= 0.01
            cells.append(f"{d.name[:5]} {h:.3f} ({m:+.3f}; d {dn:.3f} l {lx:.3f}; mrr {mrr:.3f})")
        print(f"{'OK ' if ok else '   '}{name:44s} " + "  ".join(cells), flush=True)

    dcache: dict = {}

    def dense(kind="q", mix=0.5, sent="max"):
        def get(d):
            key = (d.name, kind, mix, sent)
            if key not in dcache:
                if kind == "q":
                    qv = d.qvec
                elif kind == "lex":
                    qv = d.qvec_lex
                elif kind.startswith("pass:"):  # a x the question embedded as a passage + (1 - a) x as a query
                    a = float(kind.split(":")[1])
                    qv = (1 - a) * d.qvec + a * d.qvec_pass
                    qv = qv / np.linalg.norm(qv, axis=1, keepdims=True)
                else:  # "avg:a": a x lexical-form vector + (1 - a) x question vector, renormalised
                    a = float(kind.split(":")[1])
                    qv = (1 - a) * d.qvec + a * d.qvec_lex
                    qv = qv / np.linalg.norm(qv, axis=1, keepdims=True)
                dcache[key] = d.dense(qv, mix, sent)
            return dcache[key]
        return get

    lcache: dict = {}

    def lex(parts, k1b=(1.5, 0.75)):
        def get(d):
            key = (d.name, tuple(parts), k1b)
            if key not in lcache:
                lcache[key] = combine(d, parts, k1b)
            return lcache[key]
        return get

    product_lex = lambda d: d.product_lexical  # noqa: E731
    prod = [(1.0, "stems"), (0.5, "pairs")]

    # 0. reproduction: the product's own lists; the study's recomputation of them
    report("PRODUCT (LexicalIndex + captured dense)", lambda d: _captured_dense(d), product_lex)
    report("PRODUCT (numpy dense)", dense(), product_lex)
    report("study stems + 0.5 pairs", dense(), lex(prod))

    # 1. character n-grams
    for view in ("ng3", "ng4", "ng5", "ng34", "ng45"):
        report(f"{view} alone", dense(), lex([(1.0, view)]))
    for view in ("ng3", "ng4", "ng5"):
        for x in (0.25, 0.5, 1.0):
            report(f"stems + 0.5 pairs + {x} {view}", dense(), lex(prod + [(x, view)]))
    for view in ("ng4", "ng5"):
        report(f"{view} + 0.5 pairs", dense(), lex([(1.0, view), (0.5, "pairs")]))

    # 2. stronger stemmer
    report("stems2 alone", dense(), lex([(1.0, "stems2")]))
    report("stems2 + 0.5 pairs", dense(), lex([(1.0, "stems2"), (0.5, "pairs")]))
    report("stems + 0.5 stems2 + 0.5 pairs", dense(), lex(prod + [(0.5, "stems2")]))
    report("stems + 0.5 pairs_stem", dense(), lex([(1.0, "stems"), (0.5, "pairs_stem")]))

    # 3. lexical PRF
    for fb_docs, fb_terms, beta in ((3, 5, 0.3), (3, 10, 0.3), (5, 10, 0.3), (3, 5, 0.5), (5, 10, 0.5)):
        report(f"PRF docs {fb_docs} terms {fb_terms} beta {beta}", dense(),
               _cached(lcache, ("prf", fb_docs, fb_terms, beta), lambda d, a=fb_docs, b=fb_terms, c=beta: prf(d, prod, a, b, c)))

    # 4. dense query variants
    report("dense: lexical-form query", dense("lex"), product_lex)
    for a in (0.25, 0.5):
        report(f"dense: avg query vecs a {a}", dense(f"avg:{a}"), product_lex)

    for a in (0.25, 0.5, 0.75, 1.0):
        report(f"dense: query as passage a {a}", dense(f"pass:{a}"), product_lex)

    # 5. sentence-level dense
    for a in (0.25, 0.5):
        report(f"dense: sentence max + {a} second", dense(sent=f"top2:{a}"), product_lex)
    for a in (0.5, 1.0):
        report(f"dense: sentence pairs {a}", dense(sent=f"pair:{a}"), product_lex)

    # 6. proximity: the best sentence's idf coverage added to the lexical score
    for g in (0.1, 0.2, 0.3):
        report(f"proximity gamma {g}", dense(), lambda d, g=g: proximity(d, d.product_lexical, g))

    # 7. candidate-local idf: query terms common to the top K lexical candidates weigh less
    for K, beta in ((10, 0.3), (10, 0.6), (20, 0.6), (50, 0.3)):
        report(f"local idf K {K} beta {beta}", dense(),
               _cached(lcache, ("local", K, beta), lambda d, K=K, b=beta: local_idf(d, b, K)))

    # 8. the promising ones together, with the lexical weight and the adaptive slope
    if "--grid" in argv:
        grid(sets, dense, lex)
    return 0


def grid(sets, dense, lex) -> None:
    """Lexical views x dense query forms x lexical weight x adaptive (base, slope), every set at once."""
    lexes = {"prod": [(1.0, "stems"), (0.5, "pairs")],
             "+.25ng4": [(1.0, "stems"), (0.5, "pairs"), (0.25, "ng4")],
             "+.25ng3": [(1.0, "stems"), (0.5, "pairs"), (0.25, "ng3")],
             "s2+.5p+.25ng4": [(1.0, "stems2"), (0.5, "pairs"), (0.25, "ng4")]}
    denses = {"q": ("q", "max"), "pass.35": ("pass:0.35", "max"), "pass.5": ("pass:0.5", "max"),
              "pass.5+pairs": ("pass:0.5", "pair:0.5"), "pass.75": ("pass:0.75", "max"), "q+pairs": ("q", "pair:0.5")}
    for (dk, (kind, sent)), (lk, parts), w, (base, slope) in itertools.product(
            denses.items(), lexes.items(), (0.45, 0.5, 0.55, 0.6, 0.65), ((0.7, 0.8), (0.5, 1.2), (1.0, 0.0))):
        cells, ok = [], True
        for d in sets:
            D, L = dense(kind, 0.5, sent)(d), lex(parts)(d)
            h = d.score([score_fusion(a, b, adaptive_weight(b, w, base=base, slope=slope)) for a, b in zip(D, L)])["R@1"]
            m = h - max(d.score([dict(a) for a in D])["R@1"], d.score([dict(b) for b in L])["R@1"])
            ok &= m >= 0.01
            cells.append(f"{d.name[:5]} {h:.3f} ({m:+.3f})")
        print(f"{'OK ' if ok else '   '}grid {lk:14s} {dk:12s} w {w} adapt {base},{slope}  " + "  ".join(cells), flush=True)


def local_idf(d: SetData, beta: float, K: int, pair_w: float = 0.5):
    """Stemmed BM25 whose term weights are idf x ((1 - beta) + beta x idf among the top K candidates /
    its maximum), plus pair_w x pair BM25: the words every candidate shares (the article's topic) count less."""
    bm = d.bm("stems")
    out = []
    for i in range(len(d.q)):
        parts = {}
        for t in set(apply_view("stems", d.qtoks[i])):
            p = bm.post.get(t)
            if p is None:
                continue
            dd, tf = p
            v = np.zeros(bm.n)
            v[dd] = tf * (bm.k1 + 1) / (tf + bm.k1 * (1 - bm.b + bm.b * bm.len[dd] / bm.avg))
            parts[t] = (bm.idf(t), v)
        pair = d.scores(i, "pairs")
        base = sum((idf * v for idf, v in parts.values()), np.zeros(bm.n)) + pair_w * pair
        cand = np.argsort(-base, kind="stable")[:K]
        cand = cand[base[cand] > 0]
        n = len(cand)
        new = pair_w * pair
        for idf, v in parts.values():
            df = int((v[cand] > 0).sum())
            local = math.log(1 + (n - df + 0.5) / (df + 0.5)) / math.log(1 + (n + 0.5) / 0.5) if n else 1.0
            new = new + idf * ((1 - beta) + beta * local) * v
        out.append(_top(d.ids, new, N))
    return out


def _cached(cache: dict, key, fn):
    def get(d):
        k = (d.name, key)
        if k not in cache:
            cache[k] = fn(d)
        return cache[k]
    return get


def _captured_dense(d: SetData):
    """The captured Chroma top N re-scored with the sentence mix (the product's dense list)."""
    slot = {c: j for j, c in enumerate(d.ids)}
    out = []
    for i, lst in enumerate(d.captured_dense):
        new = []
        for c, sim in lst:
            sv = d.svecs[slot[c]] if c in slot else np.zeros((0,))
            if len(sv):
                sim = 0.5 * sim + 0.5 * float((sv @ d.qvec[i]).max())
            new.append((c, sim))
        new.sort(key=lambda x: -x[1])
        out.append(new)
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
