"""Fusion settings scored on every set at once: a setting is kept only if it holds on all of them.

    python -m evals.fusion_grid SET:OUT [SET:OUT ...]     # each OUT captured by `python -m evals.fusion_study`

For each setting (sentence mix, BM25 k1/b, word-bigram share, lexical weight, adaptive slope, sparse share)
it prints R@1 per set and the margin over the better of that setting's own dense-only and BM25-only
rankings (issue 14 asks hybrid >= max(dense, BM25) + 0.01 on every set), and flags the settings that keep
that margin everywhere. Settings that move R@1 by less than one question are noise on the seeds set.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from .fusion_study import attach_sparse, capture, capture_lexical, fuse3, score, sent_dense, with_bigrams


def load(spec: str) -> tuple[str, list[dict]]:
    set_path, out = spec.split(":", 1)
    rows = capture(Path(set_path), Path(out))
    capture_lexical(Path(set_path), Path(out), rows)
    attach_sparse(Path(out), rows)
    return Path(set_path).stem, rows


def lexical_of(r, bm25: str, bigram: float):
    """`bm25` names the BM25 ranking: "lexical" (the product's), "bm25[k1,b]" or "stem[k1,b]"."""
    return with_bigrams(r, bigram, bm25) if bigram else r[bm25]


_REFS: dict = {}


def _ref(key, rows, fuse) -> float:
    if key not in _REFS:
        _REFS[key] = score(rows, fuse)["R@1"]
    return _REFS[key]


def evaluate(sets: list[tuple[str, list[dict]]], mix, bm25, bigram, w, adaptive, sparse_w) -> list[tuple]:
    out = []
    for name, rows in sets:
        if sparse_w and "sparse" not in rows[0]:
            return []
        hyb = score(rows, lambda r: fuse3(r, w, mix=mix, lex=lexical_of(r, bm25, bigram), base=adaptive[0],
                                          slope=adaptive[1], sparse_w=sparse_w))["R@1"]
        dense = _ref((name, mix), rows, lambda r: dict(sent_dense(r, mix)))
        lex = _ref((name, bm25, bigram), rows, lambda r: dict(lexical_of(r, bm25, bigram)))
        out.append((name, hyb, round(hyb - max(dense, lex), 3)))
    return out


def main(argv: list[str]) -> int:
    sets = [load(a) for a in argv if ":" in a]
    lexicals = ("lexical", "bm25[1.2,0.5]", "bm25[0.9,0.5]", "stem[1.5,0.75]", "stem[1.2,0.5]", "stem[0.9,0.5]")
    sparse = (0.0, 0.1, 0.2) if all("sparse" in rows[0] for _, rows in sets) else (0.0,)
    if "--sparse-only" in argv:
        sparse = sparse[1:]
    grid = itertools.product((0.5,), lexicals, (0.0, 0.25, 0.5), (0.45, 0.5, 0.55, 0.6),
                             ((0.7, 0.8), (0.6, 1.0), (0.5, 1.2)), sparse)
    for mix, bm25, bigram, w, adaptive, sparse_w in grid:
        got = evaluate(sets, mix, bm25, bigram, w, adaptive, sparse_w)
        if not got:
            continue
        ok = all(m >= 0.01 for _, _, m in got)
        cells = "  ".join(f"{n[:6]} {h:.3f} ({m:+.3f})" for n, h, m in got)
        print(f"{'OK ' if ok else '   '}mix {mix} bm25 {bm25} bigram {bigram} w {w} adapt {adaptive} sparse {sparse_w}: {cells}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
