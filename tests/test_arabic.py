from rag.text.arabic import language, normalize, normalize_with_map, sentence_spans, stem, strip_prefix, tokens


def test_normalize_folds_spelling_variants():
    assert normalize("أإآٱ") == "اااا"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("مدرسة") == "مدرسه"
    assert normalize("العـــراق") == "العراق"  # tatweel
    assert normalize("سُورِيَّا") == "سوريا"  # diacritics
    assert normalize("٢٠٢٥") == "2025"
    assert normalize("Baghdad") == "baghdad"


def test_normalize_map_points_at_original_characters():
    text = "زارَ الشيبانـيّ بغداد"
    norm, where = normalize_with_map(text)
    assert len(norm) == len(where)
    for i, ch in enumerate(norm):
        assert normalize(text[where[i]]) == ch


def test_prefix_stripping_keeps_three_letters():
    assert strip_prefix("والعراق") == "عراق"
    assert strip_prefix("بالحدود") == "حدود"
    assert strip_prefix("للدول") == "دول"
    assert strip_prefix("وزير") == "زير"  # و + three letters
    assert strip_prefix("ولد") == "ولد"  # only two would remain


def test_tokens_match_across_spellings():
    assert set(tokens("زار الشيباني العراق")) == set(tokens("وزارَ الشّيبانيّ للعراق"))
    assert "في" not in tokens("في بغداد")


def test_language():
    assert language("متى زار الشيباني بغداد؟") == "ar"
    assert language("When did Shaibani visit Baghdad?") == "en"
    assert language("What did الشيباني say?") == "en"


def test_sentence_spans_split_on_arabic_punctuation():
    text = "زار الوزير بغداد. هل عاد؟ نعم؛ عاد أمس!\nسطر جديد"
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts == ["زار الوزير بغداد.", "هل عاد؟", "نعم؛", "عاد أمس!", "سطر جديد"]


def test_decimal_point_is_not_a_sentence_end():
    text = "بلغت النسبة 3.5 بالمئة. ثم ارتفعت."
    assert len(sentence_spans(text)) == 2


def test_stem_matches_inflected_forms_and_keeps_three_letters():
    """ناقداً and ناقد, اتصالهما and اتصالاً meet on one stem; short words and Latin words stay whole."""
    pairs = [("ناقداً", "ناقد"), ("اتصالهما", "اتصالاً"), ("المشطيات", "المشطية"), ("حدودها", "حدود")]
    for a, b in pairs:
        assert stem(tokens(a)[0]) == stem(tokens(b)[0]), (a, b)
    assert stem("بلد") == "بلد" and stem("iraqis") == "iraqis"
    assert stem(tokens("الحدود")[0]) != stem(tokens("الحدث")[0])
