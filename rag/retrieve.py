"""Hybrid retrieval: Chroma dense search and BM25 fused by reciprocal rank, as a LangChain retriever."""

from __future__ import annotations

from dataclasses import dataclass

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from .library import Library
from .store import StoredChunk

RRF_K = 60


@dataclass
class Hit:
    """A retrieved chunk and how it was found."""

    chunk: StoredChunk
    score: float
    dense: float | None = None  # cosine similarity, when dense search found it
    lexical: float | None = None  # BM25 score, when lexical search found it


def hybrid_search(library: Library, question: str, k: int, lexical_weight: float | None = None,
                  candidates: int | None = None, vector=None) -> list[Hit]:
    """Top-k chunks by weighted reciprocal-rank fusion of dense and BM25 rankings."""
    s = library.settings
    w_lex = s.lexical_weight if lexical_weight is None else lexical_weight
    n = max(candidates or s.candidates, k)
    if vector is None:
        vector = library.embedder.embed_query_vector(question)
    dense = library.store.dense_search(vector, n) if w_lex < 1.0 else []
    lexical = library.lexical.search(question, n) if w_lex > 0.0 else []
    fused: dict[str, list] = {}
    for rank, (cid, sim) in enumerate(dense):
        fused.setdefault(cid, [0.0, None, None])
        fused[cid][0] += 2 * (1 - w_lex) / (RRF_K + rank + 1)
        fused[cid][1] = sim
    for rank, (cid, bm) in enumerate(lexical):
        fused.setdefault(cid, [0.0, None, None])
        fused[cid][0] += 2 * w_lex / (RRF_K + rank + 1)
        fused[cid][2] = bm
    best = sorted(fused.items(), key=lambda kv: -kv[1][0])[:k]
    chunks = {c.id: c for c in library.store.get_chunks([cid for cid, _ in best], vectors=True)}
    return [Hit(chunks[cid], v[0], v[1], v[2]) for cid, v in best if cid in chunks]


def to_langchain(hit: Hit) -> LCDocument:
    c = hit.chunk
    return LCDocument(page_content=c.text, id=c.id, metadata={
        "chunk_id": c.id, "source": c.source, "title": c.title, "date": c.date, "outlet": c.outlet,
        "url": c.url, "start": c.start, "end": c.end, "score": hit.score, "dense": hit.dense,
        "lexical": hit.lexical})


class HybridRetriever(BaseRetriever):
    """LangChain retriever over the library (dense + BM25, reciprocal-rank fusion)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    library: Library
    k: int = 5
    lexical_weight: float = 0.5

    def hits(self, question: str) -> list[Hit]:
        return hybrid_search(self.library, question, self.k, self.lexical_weight)

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        return [to_langchain(h) for h in self.hits(query)]
