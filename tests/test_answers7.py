"""Answers, seventh pass (from this session's new-user review): a listed person's family name in another
transliteration ("al-Shibani") is that person in the answerer's sentences too; a plan "to travel to Baghdad soon" is a
plan, not the visit; a wire dateline closed by "--" names where the report was filed, not the visit's destination.
The rules are tested where they act (the answerer's terms, its visitor check, its status words)."""

from __future__ import annotations

import pytest


def test_another_spelling_of_a_family_name_is_the_same_person_for_the_answerer():
    """Rule (names.spelled_forms, extractive._terms): "al-Shibani" holds the forms of Asaad al-Shaibani."""
    from rag.answer.extractive import _terms
    assert "shaibani" in _terms("Asaad al-Shibani arrived in Baghdad on Friday.")
    assert "shaibani" not in _terms("Al-Shabandar arrived in Baghdad on Friday.")


@pytest.mark.parametrize("text", ["BAGHDAD, March 14, 2025 (Gulf Wire) -- Asaad al-Shaibani arrived in Baghdad.",
                                  "BAGHDAD, March 14 (Gulf Wire) - Asaad al-Shaibani arrived in Baghdad."])
def test_a_wire_dateline_closed_by_two_hyphens_is_no_destination(text):
    """Rule (extractive._DATELINE): the city before "--" is where the report was filed."""
    from rag.answer.extractive import _visitor_first
    assert _visitor_first(text, "Asaad al-Shaibani", "Baghdad")


def test_a_plan_to_travel_soon_is_a_plan():
    """Data (answer_types.json statuses, planned): "would travel to Baghdad soon" is no visit that took place."""
    from rag.answer.expected import status_of
    from rag.text.arabic import normalize
    assert status_of(normalize("Al-Shibani said he would travel to Baghdad.")) == "planned"
    assert status_of(normalize("Al-Shibani will be in Baghdad soon, his office said.")) == "planned"
    assert status_of(normalize("Al-Shibani arrived in Baghdad on Friday.")) == ""

