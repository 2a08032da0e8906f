import pytest

from conftest import SHAIBANI


@pytest.mark.parametrize("question,source,within", [
    ("متى زار الشيباني بغداد؟", SHAIBANI, 1),
    ("من هو رئيس جهاز الاستخبارات السورية الجديد؟", "003_13910b3792c7a8a7.txt", 1),
    ("تطورات أي مدينة سورية بحثها فؤاد حسين وبسام صباغ؟", "004_42ccee761c1e329b.txt", 1),
    ("Who is the new head of Syrian intelligence?", "003_13910b3792c7a8a7.txt", 3),
    ("أين يريد العراق أن تبقى عصابات داعش؟", "000_bfc544fcf7e9c4f1.txt", 3),
])
def test_gold_article_is_retrieved(seeded_library, question, source, within):
    from rag import hybrid_search
    hits = hybrid_search(seeded_library, question, 5)
    assert source in [h.chunk.source for h in hits[:within]]
    assert len(hits) == 5 and len({h.chunk.id for h in hits}) == 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_rrf_fusion_is_available(seeded_library):
    from rag import hybrid_search
    hits = hybrid_search(seeded_library, "متى زار الشيباني بغداد؟", 5, fusion="rrf")
    assert hits[0].chunk.source == SHAIBANI
    assert all(h.score <= 2 / 61 + 1e-9 for h in hits)  # reciprocal-rank scores


def test_lexical_weight_extremes(seeded_library):
    from rag import hybrid_search
    dense = hybrid_search(seeded_library, "متى زار الشيباني بغداد؟", 5, lexical_weight=0.0)
    lexical = hybrid_search(seeded_library, "متى زار الشيباني بغداد؟", 5, lexical_weight=1.0)
    assert all(h.lexical is None for h in dense) and all(h.dense is not None for h in dense)
    assert all(h.dense is None for h in lexical) and all(h.lexical is not None for h in lexical)


def test_bm25_matches_normalised_spellings(seeded_library):
    hits = seeded_library.lexical.search("الشّيبانيّ زارَ بَغداد", 3)
    assert hits and hits[0][0].startswith(SHAIBANI)


def test_langchain_retriever(seeded_library):
    from rag import HybridRetriever
    docs = HybridRetriever(library=seeded_library, k=3).invoke("متى زار الشيباني بغداد؟")
    assert len(docs) == 3
    assert docs[0].metadata["source"] == SHAIBANI and "14 من آذار 2025" in docs[0].page_content
    assert {"chunk_id", "title", "date", "outlet", "start", "end", "score"} <= set(docs[0].metadata)
