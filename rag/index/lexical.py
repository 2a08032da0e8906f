"""BM25 over Arabic-normalised tokens, kept in step with the library incrementally.

On disk: the `lexicon` table of the library's SQLite holds each current chunk's normalised tokens,
written and removed by `Store.put_document`/`delete_document` in the transaction that switches the
chunks (so a crash can never leave the index out of step), stamped with the library generation; the
`lexicon_gone` table records removed chunk ids by generation. In memory: an inverted index (per-term
postings arrays) that applies only the rows changed since the generation it has seen, so a change
never rebuilds it. Scores are computed at query time from tf, document length and document
frequency, so an incrementally updated index scores exactly like one rebuilt from scratch.

Retrieval searches two views of the same stored tokens (`LexicalIndex`): the tokens light-stemmed, so
inflected forms match, plus half the score of BM25 over adjacent-token pairs, so phrases count extra. The
plain tokens' index stays for the answerer, whose sentence scores weigh terms by their idf. Measured over
every set (evals/fusion_study.md, with the lexical weight 0.55): R@1 ARCD 0.718 → 0.737, XQuAD-ar 0.935 →
0.944, MLQA-ar 0.752 → 0.770, seeds unchanged.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from array import array
from collections import Counter
from typing import Callable, Iterable

import numpy as np

from ..domain.names import SKELETON_MIN, arabic_skeleton
from ..text.arabic import stem, tokens

SCHEMA = """
CREATE TABLE IF NOT EXISTS lexicon (id TEXT PRIMARY KEY, gen INTEGER NOT NULL, terms TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS lexicon_gen ON lexicon(gen);
CREATE TABLE IF NOT EXISTS lexicon_gone (id TEXT NOT NULL, gen INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS lexicon_gone_gen ON lexicon_gone(gen);
"""


# --- the persisted part (called inside the store's transactions) -----------------------------------

def lexicon_put(db: sqlite3.Connection, gen: int, rows: Iterable[tuple[str, str]]) -> None:
    """Index chunks (id, text) at generation `gen`; replaces an id's previous entry."""
    db.executemany("INSERT OR REPLACE INTO lexicon VALUES (?, ?, ?)",
                   [(cid, gen, " ".join(tokens(text))) for cid, text in rows])


def lexicon_remove(db: sqlite3.Connection, gen: int, ids: list[str]) -> None:
    """Remove chunks from the index at generation `gen` (recorded, so caches can follow)."""
    for b in range(0, len(ids), 500):
        part = ids[b:b + 500]
        db.execute(f"DELETE FROM lexicon WHERE id IN ({','.join('?' * len(part))})", part)
    db.executemany("INSERT INTO lexicon_gone VALUES (?, ?)", [(i, gen) for i in ids])


def lexicon_migrate(db: sqlite3.Connection, gen: int) -> int:
    """Index every chunk once, for a library made before the lexicon table existed."""
    if db.execute("SELECT value FROM meta WHERE key='lexicon'").fetchone():
        return 0
    with db:
        rows = db.execute("SELECT id, text FROM chunks WHERE id NOT IN (SELECT id FROM lexicon)").fetchall()
        lexicon_put(db, gen, rows)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('lexicon', '1')")
    return len(rows)


KEEP_REMOVALS = 256  # generations of removals kept for readers that follow the library change by change


def lexicon_prune(db: sqlite3.Connection, gen: int, keep: int | None = None) -> int:
    """Forget the removals recorded more than `keep` (KEEP_REMOVALS) generations before `gen`, so deleted rows
    do not pile up in `lexicon_gone`; a reader further behind than that reads every row again. Returns how
    many went."""
    cut = gen - (KEEP_REMOVALS if keep is None else keep)
    if cut <= 0:
        return 0
    n = db.execute("DELETE FROM lexicon_gone WHERE gen <= ?", (cut,)).rowcount
    db.execute("INSERT INTO meta VALUES ('lexicon_pruned', ?) ON CONFLICT(key) DO UPDATE SET "
               "value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))", (str(cut),))
    return n


def changes_since(db: sqlite3.Connection, seen: int) -> tuple[int, list[str], list[tuple[str, str]], bool]:
    """(generation, removed ids, (id, terms) rows added or replaced, whether these are all the rows and the
    reader must start afresh) since generation `seen` (-1: all rows), read in one snapshot. A reader behind
    the removals kept (`lexicon_prune`) gets all rows."""
    own = not db.in_transaction
    if own:
        db.execute("BEGIN")
    try:
        got = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('generation', 'lexicon_pruned')"))
        generation, pruned = int(got.get("generation", 0)), int(got.get("lexicon_pruned", 0))
        if generation == seen:
            return generation, [], [], False
        if seen < 0 or seen < pruned:
            return generation, [], db.execute("SELECT id, terms FROM lexicon").fetchall(), True
        gone = [r[0] for r in db.execute("SELECT id FROM lexicon_gone WHERE gen > ?", (seen,))]
        return generation, gone, db.execute("SELECT id, terms FROM lexicon WHERE gen > ?", (seen,)).fetchall(), False
    finally:
        if own:
            db.execute("COMMIT")


# --- the in-memory index --------------------------------------------------------------------------

# Views: what an index counts, from a chunk's (or a query's) normalised tokens. A view that maps each token
# on its own says so in `per_token` (token -> its terms), and `pairs` is marked `adjacent`: the bulk add
# (opening a library) then computes each distinct token once and counts with numpy.
def words(toks: list[str]) -> list[str]:
    return toks


def stems(toks: list[str]) -> list[str]:
    return [stem(t) for t in toks]


def pairs(toks: list[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in zip(toks, toks[1:])]


words.per_token = lambda t: [t]  # type: ignore[attr-defined]
stems.per_token = lambda t: [stem(t)]  # type: ignore[attr-defined]
pairs.adjacent = True  # type: ignore[attr-defined]


class Batch:
    """Many rows (id, space-joined tokens) encoded once for every view's bulk add: the distinct tokens, and
    each token occurrence as (token number, row number). A later row of the same id replaces an earlier one."""

    def __init__(self, rows: Iterable[tuple[str, str]]):
        last = dict(rows)
        self.ids = list(last)
        vocab: dict[str, int] = {}
        put = vocab.setdefault
        wid, lens = array("i"), array("i")
        for terms in last.values():
            toks = terms.split()
            wid.extend([put(t, len(vocab)) for t in toks])
            lens.append(len(toks))
        self.tokens = list(vocab)
        self.wid = np.frombuffer(wid, dtype=np.int32) if wid else np.zeros(0, dtype=np.int32)
        self.row = np.repeat(np.arange(len(self.ids), dtype=np.int32), np.frombuffer(lens, dtype=np.int32)
                             if lens else np.zeros(0, dtype=np.int32))
        self._texts = list(last.values())

    def __len__(self) -> int:
        return len(self.ids)

    def terms(self, view: Callable[[list[str]], list[str]]) -> tuple[list[str], np.ndarray, np.ndarray]:
        """(term names, each term occurrence's term number, its row number) as `view` sees the rows."""
        per_token = getattr(view, "per_token", None)
        if per_token is not None:
            names: dict[str, int] = {}
            put = names.setdefault
            flat, starts = array("i"), array("i", [0])
            for tok in self.tokens:
                flat.extend([put(t, len(names)) for t in per_token(tok)])
                starts.append(len(flat))
            f = np.frombuffer(flat, dtype=np.int32) if flat else np.zeros(0, dtype=np.int32)
            st = np.frombuffer(starts, dtype=np.int32)
            counts = np.diff(st)
            if len(counts) and (counts == 1).all():
                return list(names), f[self.wid], self.row
            each = counts[self.wid]  # terms per occurrence
            first = np.repeat(st[:-1][self.wid], each)
            within = np.arange(int(each.sum())) - np.repeat(np.cumsum(each) - each, each)
            return list(names), f[first + within], np.repeat(self.row, each)
        if getattr(view, "adjacent", False):
            same = self.row[1:] == self.row[:-1]
            v = max(1, len(self.tokens))
            key = self.wid[:-1][same].astype(np.int64) * v + self.wid[1:][same]
            uniq, tid = np.unique(key, return_inverse=True)
            toks = self.tokens
            return [f"{toks[k // v]}_{toks[k % v]}" for k in uniq.tolist()], tid, self.row[1:][same]
        names, tids, rows = {}, array("i"), array("i")  # any other view: token lists through the view itself
        for r, text in enumerate(self._texts):
            got = [names.setdefault(t, len(names)) for t in view(text.split())]
            tids.extend(got)
            rows.extend([r] * len(got))
        return list(names), np.frombuffer(tids, dtype=np.int32) if tids else np.zeros(0, np.int32), \
            np.frombuffer(rows, dtype=np.int32) if rows else np.zeros(0, np.int32)


class BM25Index:
    """Okapi BM25 (k1=1.5, b=0.75) over per-term postings, updated by deltas.

    A chunk occupies a slot; removing it marks the slot dead (its postings are skipped and dropped
    at the next compaction). New postings go to small per-term lists that are merged into the
    term's arrays when the term is next searched.
    """

    compact_at = 1000  # dead slots before compaction (and at least a quarter of the live ones)

    def __init__(self, ids: Iterable[str] = (), texts: Iterable[str] = (), k1: float = 1.5, b: float = 0.75,
                 view: Callable[[list[str]], list[str]] = words):
        self.k1, self.b = k1, b
        self.view = view
        self.generation = -1
        self.ids: list[str] = []
        self._slot: dict[str, int] = {}
        self._len = np.zeros(1024, dtype=np.float64)
        self._alive = np.zeros(1024, dtype=bool)
        self._total = 0  # sum of alive lengths (exact integer, so avgdl never drifts)
        self._dead = 0
        self._base: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._delta: dict[str, list[tuple[int, int]]] = {}
        self._df: dict[str, int] = {}
        self._lock = threading.RLock()
        self.add([(i, " ".join(tokens(t))) for i, t in zip(ids, texts)])

    @property
    def n(self) -> int:
        return len(self._slot)

    # --- updates ---

    bulk_at = 1000  # rows in one add() from which postings go straight into arrays (opening a library)

    def add(self, rows: Iterable[tuple[str, str]] | Batch) -> None:
        """Add (or replace) chunks given as (id, space-joined normalised tokens), or as a `Batch` of them."""
        if isinstance(rows, Batch):
            with self._lock:
                self._add_bulk(rows)
            return
        rows = list(rows)
        with self._lock:
            if len(rows) >= self.bulk_at:
                self._add_bulk(Batch(rows))
                return
            for cid, terms in rows:
                if cid in self._slot:
                    self.remove([cid])
                slot, counts = self._place(cid, terms)
                for term, tf in counts.items():
                    self._delta.setdefault(term, []).append((slot, tf))
            self._df.clear()

    def _place(self, cid: str, terms: str) -> tuple[int, Counter]:
        """A new slot for the chunk, and its terms' counts."""
        toks = self.view(terms.split())
        slot = len(self.ids)
        if slot >= len(self._len):
            self._len = np.resize(self._len, 2 * slot)
            self._alive = np.resize(self._alive, 2 * slot)
        self.ids.append(cid)
        self._slot[cid] = slot
        self._len[slot] = len(toks)
        self._alive[slot] = True
        self._total += len(toks)
        return slot, Counter(toks)

    def _add_bulk(self, batch: Batch) -> None:
        """Many rows at once: each distinct token goes through the view once, and the (term, slot) counts are
        made with numpy (a Python (slot, tf) pair per posting took most of the time and memory at 100k)."""
        if not len(batch):
            return
        self.remove([cid for cid in batch.ids if cid in self._slot])  # before any new slot: removal may compact
        names, tid, row = batch.terms(self.view)
        n, base = len(batch), len(self.ids)
        lengths = np.bincount(row, minlength=n).astype(np.float64)
        if base + n > len(self._len):
            size = max(2 * (base + n), 1024)
            self._len, self._alive = np.resize(self._len, size), np.resize(self._alive, size)
        self._len[base:base + n] = lengths
        self._alive[base:base + n] = True
        self._total += int(lengths.sum())
        self.ids.extend(batch.ids)
        self._slot.update(zip(batch.ids, range(base, base + n)))
        if len(tid):
            key, tf = np.unique(tid.astype(np.int64) * n + row, return_counts=True)  # term-major, rows ascending
            t = key // n
            d, f = (key - t * n + base).astype(np.int32), tf.astype(np.float32)
            cuts = (np.flatnonzero(np.diff(t)) + 1).tolist()
            starts, ends = [0] + cuts, cuts + [len(t)]
            terms = [names[i] for i in t[starts].tolist()]
            if not self._base and not self._delta:  # a fresh index (opening a library): nothing to merge
                self._base = {term: (d[a:b], f[a:b]) for term, a, b in zip(terms, starts, ends)}
            else:
                for term, a, b in zip(terms, starts, ends):
                    old = self._postings(term)
                    self._base[term] = (d[a:b], f[a:b]) if old is None else \
                        (np.concatenate([old[0], d[a:b]]), np.concatenate([old[1], f[a:b]]))
        self._df.clear()

    def remove(self, ids: Iterable[str]) -> None:
        with self._lock:
            for cid in ids:
                slot = self._slot.pop(cid, None)
                if slot is None:
                    continue
                self._alive[slot] = False
                self._total -= int(self._len[slot])
                self._dead += 1
            self._df.clear()
            if self._dead > self.compact_at and self._dead > len(self._slot) // 4:
                self._compact()

    def apply(self, generation: int, gone: list[str], rows: list[tuple[str, str]] | Batch) -> None:
        """Apply a change read by `changes_since` (nothing when this index has seen its generation)."""
        with self._lock:
            if generation == self.generation:
                return
            self.remove(gone)
            self.add(rows)
            self.generation = generation

    def _postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        pending = self._delta.pop(term, None)
        base = self._base.get(term)
        if pending:
            d = np.fromiter((s for s, _ in pending), dtype=np.int32, count=len(pending))
            t = np.fromiter((f for _, f in pending), dtype=np.float32, count=len(pending))
            base = (d, t) if base is None else (np.concatenate([base[0], d]), np.concatenate([base[1], t]))
            self._base[term] = base
        return base

    def _compact(self) -> None:
        """Drop dead slots' postings and renumber the slots densely."""
        for term in list(self._delta):
            self._postings(term)
        alive = self._alive[:len(self.ids)]
        new_slot = np.cumsum(alive) - 1
        for term, (d, t) in list(self._base.items()):
            keep = alive[d]
            if keep.any():
                self._base[term] = (new_slot[d[keep]].astype(np.int32), t[keep])
            else:
                del self._base[term]
        self.ids = [cid for cid, a in zip(self.ids, alive) if a]
        self._slot = {cid: n for n, cid in enumerate(self.ids)}
        lengths = self._len[:len(alive)][alive]
        size = max(1024, 2 * len(self.ids))
        self._len = np.zeros(size, dtype=np.float64)
        self._len[:len(lengths)] = lengths
        self._alive = np.zeros(size, dtype=bool)
        self._alive[:len(lengths)] = True
        self._dead = 0

    # --- queries ---

    def vocabulary(self) -> list[str]:
        """The terms indexed (a term whose chunks were all removed may stay until the next compaction)."""
        with self._lock:
            return list(self._base.keys() | self._delta.keys())

    def df(self, term: str) -> int:
        with self._lock:
            got = self._df.get(term)
            if got is None:
                p = self._postings(term)
                got = int(self._alive[p[0]].sum()) if p is not None else 0
                self._df[term] = got
            return got

    def idf_of(self, term: str) -> float:
        """Inverse document frequency of a (normalised) term; unseen terms weigh the most."""
        df = self.df(term)
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def search(self, query: str, n: int) -> list[tuple[str, float]]:
        """Top `n` (chunk id, score) for the query; only chunks sharing a term are scored.

        Ties are broken by chunk id, so the order does not depend on the history of updates.
        """
        with self._lock:
            if not self._slot:
                return []
            avg = self._total / len(self._slot)
            docs, weights = [], []
            for term in sorted(set(self.view(tokens(query)))):
                p = self._postings(term)
                if p is None:
                    continue
                d, tf = p
                keep = self._alive[d]
                d, tf = d[keep], tf[keep].astype(np.float64)
                if not len(d):
                    continue
                idf = math.log(1 + (len(self._slot) - len(d) + 0.5) / (len(d) + 0.5))
                norm = self.k1 * (1 - self.b + self.b * self._len[d] / avg)
                docs.append(d)
                weights.append(idf * tf * (self.k1 + 1) / (tf + norm))
            if not docs:
                return []
            uniq, inv = np.unique(np.concatenate(docs), return_inverse=True)
            scores = np.bincount(inv, weights=np.concatenate(weights))
            if len(scores) > n:
                bar = np.partition(scores, len(scores) - n)[len(scores) - n]
                top = np.nonzero(scores >= bar)[0]
            else:
                top = np.arange(len(scores))
            ranked = sorted(((float(scores[i]), self.ids[int(uniq[i])]) for i in top), key=lambda x: (-x[0], x[1]))
            return [(cid, s) for s, cid in ranked[:n]]


PAIR_WEIGHT = 0.5  # share of the adjacent-pair BM25 score added to the stemmed one


class LexicalIndex:
    """The library's lexical side: `words` (plain tokens: the answerer's idf), and for retrieval
    `search`, stemmed BM25 plus PAIR_WEIGHT × pair BM25 (see the module's docstring). The three follow
    the same stored rows, read once per change."""

    def __init__(self, ids: Iterable[str] = (), texts: Iterable[str] = ()):
        self.words, self.stems, self.pairs = BM25Index(), BM25Index(view=stems), BM25Index(view=pairs)
        rows = self._once([(i, " ".join(tokens(t))) for i, t in zip(ids, texts)])  # tokenised once for the three
        for index in (self.words, self.stems, self.pairs):
            index.add(rows)
        self.generation = -1
        self._skeletons: tuple[int, dict[str, tuple[str, ...]]] = (-2, {})

    @staticmethod
    def _once(rows: list[tuple[str, str]]) -> list[tuple[str, str]] | Batch:
        """Many rows are encoded once for the three indexes' bulk adds; a few go row by row."""
        return Batch(rows) if len(rows) >= BM25Index.bulk_at else rows

    def refresh(self, db: sqlite3.Connection) -> None:
        """Apply what changed in the library since the generation these indexes have seen (one snapshot)."""
        generation, gone, rows, afresh = changes_since(db, self.generation)
        if afresh and self.generation >= 0:  # behind the removals kept: start again from every row
            self.words, self.stems, self.pairs = BM25Index(), BM25Index(view=stems), BM25Index(view=pairs)
        many = self._once(rows)
        for index in (self.words, self.stems, self.pairs):
            index.apply(generation, gone, many)
        self.generation = generation

    def spelled(self, skeleton: str) -> tuple[str, ...]:
        """The Arabic words of the library (plain tokens) with this consonant skeleton
        (rag/domain/names.arabic_skeleton), read once per generation of the index."""
        if self._skeletons[0] != self.generation:
            table: dict[str, list[str]] = {}
            for term in self.words.vocabulary():
                if "\u0600" <= term[:1] <= "\u06ff" and len(key := arabic_skeleton(term)) >= SKELETON_MIN:
                    table.setdefault(key, []).append(term)
            self._skeletons = (self.generation, {k: tuple(sorted(v)) for k, v in table.items()})
        return self._skeletons[1].get(skeleton, ())

    def search(self, query: str, n: int) -> list[tuple[str, float]]:
        """Top `n` (chunk id, score): stemmed BM25 plus PAIR_WEIGHT × pair BM25, each taken over its top 3n
        (a chunk in one list only gets that one); ties broken by chunk id."""
        total = dict(self.stems.search(query, 3 * n))
        for cid, score in self.pairs.search(query, 3 * n):
            total[cid] = total.get(cid, 0.0) + PAIR_WEIGHT * score
        return sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
