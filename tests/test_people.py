"""Officials as data: one person per spelling, English forms, and a user file that extends the list."""

import json

import pytest

from rag.text.arabic import normalize
from rag.errors import ConfigError
from rag.domain.people import load_officials


def _people(text, officials):
    return [(m.item.id, m.short) for m in officials.scan(normalize(text)) if m.kind == "person"]


def test_spellings_of_one_person_are_one_person():
    o = load_officials()
    for text in ("أسعد الشيباني", "أسعد حسن الشيباني", "اسعد حسن الشيباني", "للشيباني", "والشيباني"):
        hits = _people(text, o)
        assert [h[0] for h in hits] == ["asaad-al-shaibani"], text
    assert o.by_id["asaad-al-shaibani"].en == "Asaad al-Shaibani"
    assert [p.id for p in o.resolve("Shaibani")] == ["asaad-al-shaibani"]
    assert [p.id for p in o.resolve("al-Shaibani")] == ["asaad-al-shaibani"]
    assert [p.id for p in o.resolve("الشيباني")] == ["asaad-al-shaibani"]


def test_roles_follow_the_date():
    sharaa = load_officials().by_id["ahmed-al-sharaa"]
    assert sharaa.role_at("2024-12-26")["en"].startswith("leader")
    assert sharaa.role_at("2025-04-01")["en"] == "Syrian President"


def test_a_user_file_extends_and_replaces_entries(tmp_path):
    shipped = load_officials()
    (tmp_path / "officials.json").write_text(json.dumps({"people": [
        {"id": "salem-al-hadithi", "name": "سالم الحديثي", "en": "Salem al-Hadithi", "country": "Iraq",
         "short": ["الحديثي"], "roles": [{"ar": "مستشار الأمن القومي العراقي", "en": "Iraqi National Security Adviser",
                                           "rank": "minister"}]},
        {"id": "fuad-hussein", "name": "فؤاد محمد حسين", "en": "Fuad Mohammed Hussein", "country": "Iraq"}]}),
        encoding="utf-8")
    o = load_officials(tmp_path)
    assert [h[0] for h in _people("زار سالم الحديثي دمشق", o)] == ["salem-al-hadithi"]
    assert o.by_id["fuad-hussein"].en == "Fuad Mohammed Hussein"
    assert o.digest != shipped.digest  # so documents are re-extracted with the new list
    assert "salem-al-hadithi" not in shipped.by_id


def test_a_broken_user_file_is_a_clear_error(tmp_path):
    (tmp_path / "officials.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="officials.json"):
        load_officials(tmp_path)
