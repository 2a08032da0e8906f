from rag.ingestion.chunking import chunk_document, sentences
from rag.documents import Document

ARABIC_TEXT = ("زار وزير الخارجية السوري بغداد. وبحث الجانبان ملف الحدود، والتعاون الأمني؛ والاقتصاد! "
               "هل اتفقا؟ نعم.\nوفي اليوم التالي عاد إلى دمشق.")


def test_chunks_respect_sentences_and_offsets():
    doc = Document(source="s.txt", text=ARABIC_TEXT * 8, title="ت")
    chunks = chunk_document(doc, max_chars=200, overlap=1)
    assert len(chunks) > 2
    for c in chunks:
        assert doc.text[c.start:c.end] == c.text
        assert len(c.text) <= 200
        assert c.text[-1] in ".؟!؛" or c.end == len(doc.text.rstrip())
        for s, e in c.sentences:
            assert c.text[s:e].strip() == c.text[s:e]
    # one sentence of overlap: each chunk starts with the last sentence of the one before
    for a, b in zip(chunks, chunks[1:]):
        last = a.text[a.sentences[-1][0]:a.sentences[-1][1]]
        assert b.text.startswith(last)


def test_chunk_ids_are_deterministic_and_versioned():
    d1 = Document(source="s.txt", text=ARABIC_TEXT)
    assert [c.id for c in chunk_document(d1)] == [c.id for c in chunk_document(Document("s.txt", ARABIC_TEXT))]
    d2 = Document(source="s.txt", text=ARABIC_TEXT + " إضافة.")
    assert chunk_document(d1)[0].id != chunk_document(d2)[0].id


def test_overlong_sentence_is_cut_at_commas():
    long = "، ".join(["جملة فرعية طويلة عن الحدود"] * 60) + "."
    spans = sentences(long, 300)
    assert all(e - s <= 300 for s, e in spans)
    assert all(long[s:e].endswith(("،", ".")) for s, e in spans)


def test_a_name_with_an_initial_is_one_sentence():
    """The period of an initial (Arabic or Latin letter, or a Latin letter's Arabic name) ends no sentence;
    a word ending in a letter after a mark ("صيفًا."), one after a number ("1990 م.") and a line's end
    still do."""
    text = ("أدت ولاية رئيس البلدية و. هايدون بيرنز في جاكسونفيل إلى إنشاء قاعة جديدة للمدينة. "
            "وتعرف باسم ترجمة جون سي. ميسنجر منذ زمن بعيد. "
            "Written by J. R. R. Tolkien in the thirties. "
            "كان ذلك صيفًا. ثم جاء الشتاء. "
            "تأسست الشركة عام 1990 م. وبعد ذلك توسعت كثيرا.\n"
            "أ. بند أول في القائمة.")
    got = [text[s:e] for s, e in sentences(text, 1200)]
    assert got == ["أدت ولاية رئيس البلدية و. هايدون بيرنز في جاكسونفيل إلى إنشاء قاعة جديدة للمدينة.",
                   "وتعرف باسم ترجمة جون سي. ميسنجر منذ زمن بعيد.",
                   "Written by J. R. R. Tolkien in the thirties.",
                   "كان ذلك صيفًا.", "ثم جاء الشتاء.",
                   "تأسست الشركة عام 1990 م.", "وبعد ذلك توسعت كثيرا.",
                   "أ. بند أول في القائمة."]
    doc = Document(source="j.txt", text=text)
    chunk = chunk_document(doc, max_chars=200, overlap=0)[0]
    assert chunk.text[chunk.sentences[0][0]:chunk.sentences[0][1]] == got[0]


def test_a_library_chunked_by_the_previous_chunker_rechunks_at_the_next_ingest(fresh_settings, tmp_path):
    """A library written before chunker version 2 (its stored digest has no chunker version) re-chunks each
    article on the next ingest, as an update: one vector per chunk, then unchanged; the article with an
    initial then has its name in one sentence."""
    from rag import hybrid_search, ingest, open_library

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "jax.txt").write_text(
        "مشاريع جاكسونفيل\n\nبدأت حكومة مدينة جاكسونفيل بعد الحرب العالمية الثانية بزيادة الإنفاق على المشاريع. "
        "أدت ولاية رئيس البلدية و. هايدون بيرنز في جاكسونفيل إلى إنشاء قاعة جديدة للمدينة ومكتبة عامة.\n",
        encoding="utf-8")
    lib = open_library(fresh_settings)
    assert ingest(lib, [folder], progress=False).added == ["jax.txt"]
    digest = lib.store.db.execute("SELECT digest FROM documents WHERE source='jax.txt'").fetchone()[0]
    old = "1:" + digest.split(":", 1)[1]  # what the last release stored: version 1:chars:overlap:doc
    with lib.store.db:
        lib.store.db.execute("UPDATE documents SET digest=? WHERE source='jax.txt'", (old,))

    report = ingest(lib, [folder], progress=False)
    assert report.updated == ["jax.txt"] and not report.added and not report.conflicts
    after = lib.store.get_chunks()
    assert lib.store.collection.count() == len(after)
    assert ingest(lib, [folder], progress=False).unchanged == ["jax.txt"]
    hit = hybrid_search(lib, "من هو رئيس البلدية هايدون بيرنز", 1)[0]
    sents = [hit.chunk.text[s:e] for s, e in hit.chunk.sentences]
    assert any("و. هايدون بيرنز" in s and s.startswith("أدت ولاية") for s in sents)
