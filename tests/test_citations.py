from rag.answer.citations import check, cited_sentences, normalize_markers

P = ["زار وزير الخارجية السوري أسعد الشيباني بغداد في 14 من آذار 2025.",
     "بحث الجانبان ملف الحدود والتنسيق الأمني.",
     "تلقى الشرع اتصالا هاتفيا من السوداني."]


def test_marker_forms():
    text, cited, invalid = normalize_markers("أ [1]. ب [1, 2]. ج [1][3]. د [١]. هـ [٢،٣].", 3)
    assert cited == [1, 1, 2, 1, 3, 1, 2, 3] and invalid == []
    assert "[1][2]" in text and "[١]" not in text


def test_out_of_range_markers_are_removed_and_reported():
    text, cited, invalid = normalize_markers("زار بغداد [1][7]. وبحث [0].", 3)
    assert invalid == [7, 0] and cited == [1]
    assert "[7]" not in text and "[0]" not in text and text.endswith("وبحث.")


def test_markers_after_the_period_belong_to_the_sentence():
    assert cited_sentences("زار الشيباني بغداد. [1] وبحث الحدود [2].") == [("زار الشيباني بغداد.", [1]),
                                                                           ("وبحث الحدود.", [2])]


def test_supported_unsupported_and_uncited():
    good = check("زار الشيباني بغداد في 14 من آذار 2025 [1]. وبحث الجانبان ملف الحدود [2].", P)
    assert good.unsupported == [] and not good.uncited and good.cited == [1, 2]
    bad = check("وقع الطرفان اتفاقية لتصدير النفط عبر ميناء طرطوس [3].", P)
    assert bad.unsupported == [{"sentence": "وقع الطرفان اتفاقية لتصدير النفط عبر ميناء طرطوس.", "n": 3}]
    none = check("زار الشيباني بغداد.", P)
    assert none.uncited


def test_extractive_answers_pass_by_construction(pipeline, seeds_qa):
    answerable = [q for q in seeds_qa if q.get("answerable", True)][:12]
    answered, checked = 0, 0
    for q in answerable:
        a = pipeline.ask(q["question"])
        if not a.abstained:
            answered += 1
            assert a.cited and a.unsupported == [] and a.invalid_citations == [] and not a.uncited, q["id"]
            # every (sentence, citation) pair was checked against its passage and found its evidence there
            pairs = sum(len(set(nums)) for _, nums in cited_sentences(a.answer) if nums)
            assert pairs >= 1 and len(a.support) == pairs, (q["id"], pairs, a.support)
            checked += pairs
    # not vacuous: most of these answerable questions are answered, and their cited sentences were checked
    assert answered >= 9, f"only {answered} of {len(answerable)} answerable questions were answered"
    assert checked >= answered, f"{checked} supported sentences checked over {answered} answers"


def test_evidence_is_the_passage_sentence_behind_each_citation():
    from rag.answer.citations import check
    passages = ["زار الوزير دمشق أمس. وبحث الجانبان ملف الحدود والتنسيق الأمني. ثم عاد إلى بغداد."]
    sents = [["زار الوزير دمشق أمس.", "وبحث الجانبان ملف الحدود والتنسيق الأمني.", "ثم عاد إلى بغداد."]]
    res = check("بحث الجانبان ملف الحدود [1].", passages, passage_sentences=sents)
    assert res.support == [{"sentence": "بحث الجانبان ملف الحدود.", "n": 1,
                            "evidence": "وبحث الجانبان ملف الحدود والتنسيق الأمني."}]


def test_english_lead_line_is_checked_fact_by_fact_against_its_passage():
    """The English lead line of an answer to an English question carries [n] and each of its facts (names
    in their Arabic forms, the date, the kind of contact) must be in passage n."""
    good = check("From the Arabic sources: Visit — Asaad al-Shaibani, Baghdad — 14 March 2025 [1]. "
                 "Phone call — Ahmed al-Sharaa, Mohammed Shia al-Sudani [3].", P)
    assert good.unsupported == [] and good.cited == [1, 3]
    wrong_month = check("From the Arabic sources: Visit — Asaad al-Shaibani, Baghdad — 14 January 2025 [1].", P)
    wrong_name = check("From the Arabic sources: Visit — Fuad Hussein, Baghdad — 14 March 2025 [1].", P)
    wrong_kind = check("From the Arabic sources: Phone call — Asaad al-Shaibani, Baghdad [1].", P)
    wrong_passage = check("From the Arabic sources: Phone call — Ahmed al-Sharaa, Mohammed Shia al-Sudani [1].", P)
    for bad in (wrong_month, wrong_name, wrong_kind, wrong_passage):
        assert [u["n"] for u in bad.unsupported] == [1], bad.text


def test_english_sentence_that_claims_more_than_names_and_dates_is_not_passed_on_its_names():
    """'Shaibani was arrested in Baghdad' names only things passage 1 holds, but claims more: it is not
    verified by its names (and with no embedding to compare, it stays unsupported)."""
    bad = check("Asaad al-Shaibani was arrested in Baghdad on 14 March 2025 [1].", P)
    assert [u["n"] for u in bad.unsupported] == [1]
