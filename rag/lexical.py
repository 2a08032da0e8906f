"""BM25 over Arabic-normalised tokens, as an inverted index: a query touches only its terms' postings."""

from __future__ import annotations

import math
import pickle
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from .arabic import tokens


class BM25Index:
    """Okapi BM25 (k1=1.5, b=0.75) with per-term postings arrays."""

    def __init__(self, ids: list[str], texts: list[str], k1: float = 1.5, b: float = 0.75):
        self.ids = list(ids)
        self.k1, self.b = k1, b
        lengths = np.zeros(len(texts), dtype=np.float32)
        post_docs: dict[str, list[int]] = defaultdict(list)
        post_tf: dict[str, list[int]] = defaultdict(list)
        for d, text in enumerate(texts):
            toks = tokens(text)
            lengths[d] = len(toks)
            for term, tf in Counter(toks).items():
                post_docs[term].append(d)
                post_tf[term].append(tf)
        n = max(len(texts), 1)
        avg = float(lengths.mean()) if len(texts) else 1.0
        norm = k1 * (1 - b + b * lengths / max(avg, 1e-9))
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.idf: dict[str, float] = {}
        for term, docs in post_docs.items():
            d_arr = np.asarray(docs, dtype=np.int32)
            tf = np.asarray(post_tf[term], dtype=np.float32)
            df = len(docs)
            self.idf[term] = math.log(1 + (n - df + 0.5) / (df + 0.5))
            # Term weight per posting, precomputed: idf * tf * (k1 + 1) / (tf + norm).
            self.postings[term] = (d_arr, (self.idf[term] * tf * (k1 + 1) / (tf + norm[d_arr])).astype(np.float32))
        self.n = len(texts)

    def search(self, query: str, n: int) -> list[tuple[str, float]]:
        """Top `n` (chunk id, score) for the query; only documents sharing a term are scored."""
        terms = set(tokens(query))
        hits = [self.postings[t] for t in terms if t in self.postings]
        if not hits:
            return []
        docs = np.concatenate([h[0] for h in hits])
        weights = np.concatenate([h[1] for h in hits])
        uniq, inv = np.unique(docs, return_inverse=True)
        scores = np.bincount(inv, weights=weights).astype(np.float32)
        top = np.argsort(-scores, kind="stable")[:n] if len(scores) <= 4 * n else \
            np.argpartition(-scores, n)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[int(uniq[i])], float(scores[i])) for i in top]

    def idf_of(self, term: str) -> float:
        """Inverse document frequency of a (normalised) term; unseen terms weigh the most."""
        return self.idf.get(term, math.log(1 + (self.n + 0.5) / 0.5))

    def save(self, path: Path, generation: int) -> None:
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump((generation, self), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)

    @staticmethod
    def load(path: Path, generation: int) -> "BM25Index | None":
        """The saved index if it was built for this generation of the library, else None."""
        try:
            with open(path, "rb") as fh:
                gen, index = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            return None
        return index if gen == generation else None
