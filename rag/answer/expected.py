"""What a question expects of the sentence that answers it (issue 28), read from `data/answer_types.json`:

- its **expected answer type** (date, time span, number, person in a role, place, organisation, list, reason,
  quotation, yes/no) and whether a sentence holds an answer of that type that the question does not already
  hold (`holds_answer`);
- its **focus**: the acts it asks about (`asked_relations`: a visit, a call, a refusal, an agreement …), the
  roles (`asked_roles`: the ambassador, the spokesman …) and the periods (`asked_years`) the cited sentence must
  match; and the names it uses that the library never mentions (`unknown_names`).

The words are data (Arabic in any spelling, English); the rules that read them are here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..domain.names import NAMES, english_name_spans, english_of
from ..text.arabic import normalize, normalize_with_map, stem, tokens
from .questions import Question
from .shapes import has_date, has_number
from ..text.dates import MONTH_ALT, MONTHS

DATA = Path(__file__).with_name("data") / "answer_types.json"

# The shapes (rag/answer/shapes.py) whose answer type is the shape itself.
_SHAPE_TYPES = {"date": "date", "number": "number", "person": "person", "list": "list", "reason": "reason",
                "statement": "quotation", "yesno": "yesno", "comparison": "comparison"}


@dataclass(frozen=True)
class Vocabulary:
    asks: tuple[tuple[str, re.Pattern], ...]
    evidence: dict[str, frozenset]
    roles: dict[str, tuple[tuple[str, ...], ...]]  # role word -> its forms, each as a tuple of tokens
    relations: dict[str, tuple[re.Pattern | None, tuple[re.Pattern, ...]]]  # kind -> (word prefixes, phrases)
    general: frozenset
    not_person: frozenset  # general words and an organisation's ('Framework', 'Airways'): no word of a person's name
    countries: dict[str, frozenset]
    list_openers: tuple[str, ...]
    asks_role: re.Pattern
    titles: dict[str, tuple[tuple[str, ...], ...]]
    counted: re.Pattern
    statuses: dict[str, re.Pattern]
    role_of: frozenset
    title_heads: re.Pattern
    counted_generic: frozenset


def _forms(words) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(tokens(w, stop=False)) or (normalize(w),) for w in words)


def _relation(words) -> tuple[re.Pattern | None, tuple[re.Pattern, ...]]:
    single = [normalize(w) for w in words if " " not in w]
    # a phrase's words may have one word between them ('اعاد العراق فتح' is 'اعاد فتح')
    phrases = tuple(re.compile(r"(?<!\w)" + r"\w*\s+(?:\w+\s+)?".join(re.escape(x) for x in normalize(w).split()))
                    for w in words if " " in w)
    return (re.compile("^(" + "|".join(single) + ")") if single else None), phrases


@lru_cache(maxsize=1)
def answer_data() -> dict:
    """answer_types.json, parsed once: each word list below is read from it."""
    return json.loads(DATA.read_text(encoding="utf-8"))


STATUS_GAP = 5  # words a status's " … " may stand for ("يعتذر الشرع عن حضور": "يعتذر … عن حضور")


def _status_form(word: str) -> str:
    """A status word's pattern: its normalised words, " … " standing for up to STATUS_GAP words (a name between the
    verb and what it is about: "اعتذر … عن حضور" is declining to attend, "اعتذر عن الحادثة" an apology)."""
    parts = [re.escape(normalize(p.strip())) for p in word.split("…")]
    return rf"(?:\s+\S+){{0,{STATUS_GAP}}}\s+".join(parts)


@lru_cache(maxsize=4)
def vocabulary(path: Path = DATA) -> Vocabulary:
    """The answer-type, role and relation words (read once)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Vocabulary(
        asks=tuple((kind, re.compile(rx, re.I)) for kind, rx in data["asks"]),
        evidence={k: frozenset(normalize(w) for w in ws) for k, ws in data["evidence"].items()},
        roles={normalize(k): _forms(ws) for k, ws in data["roles"].items()},
        relations={k: _relation(ws) for k, ws in data["relations"].items()},
        general=frozenset(data["general_capitalised"]),
        not_person=frozenset(data["general_capitalised"]) | frozenset(data.get("organisation_capitalised", [])),
        countries={c: frozenset(normalize(w) for w in ws) for c, ws in data["countries"].items()},
        list_openers=tuple(normalize(w) for w in data["list_openers"]),
        asks_role=re.compile(data["asks_role"], re.I),
        titles={normalize(k): _forms(ws) for k, ws in data["titles"].items()},
        counted=re.compile(data["counted"], re.I),
        statuses={k: re.compile(r"(?<!\w)[وبل]?(?:" + "|".join(_status_form(w) for w in ws) + ")")
                  for k, ws in data["statuses"].items()},
        role_of=frozenset(normalize(w) for w in data["role_of"]),
        title_heads=re.compile(r"^[وبل]?(ال)?(" + "|".join(normalize(w) for w in data["title_heads"]) + ")"),
        counted_generic=frozenset(normalize(w) for w in data["counted_generic"]))


def expected_type(q: Question) -> str:
    """The kind of answer the question expects: span, place, organisation (by cue words), else its shape's
    (date, number, person, list, reason, quotation, yesno, comparison), else 'fact'."""
    for kind, rx in vocabulary().asks:
        if rx.search(q.normalized):
            return kind
    return _SHAPE_TYPES.get(q.shape.kind, "fact")


def asked_roles(q: Question) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
    """For a question about a person ('who is the ambassador …', 'من هو المتحدث …'): the roles it names,
    each with the forms a sentence must hold."""
    if expected_type(q) != "person" or not vocabulary().asks_role.search(q.normalized):
        return []
    roles = vocabulary().roles
    for w in re.findall(r"\w+", q.normalized):  # the first role word names the answer's role
        for key in (w, w[2:] if w.startswith("ال") else w):
            if key in roles:
                return [(key, roles[key])]
    return []


@lru_cache(maxsize=1)
def person_roles() -> frozenset:
    """answer_types.json `person_roles`: the role words that name a person by themselves (normalised)."""
    return frozenset(normalize(w) for w in answer_data().get("person_roles", ()))


def named_roles(q: Question) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
    """The role a question names someone by, whatever it asks ('when did the Iraqi prime minister visit …',
    'متى زار رئيس الوزراء العراقي …'): its first role word, with the forms a sentence must hold."""
    roles = vocabulary().roles
    for w in re.findall(r"\w+", q.normalized):
        for key in (w, w[2:] if w.startswith("ال") else w):
            if key in roles:
                return [(key, roles[key])]
    return []


def role_whose(q: Question, forms: tuple[tuple[str, ...], ...]) -> list[str]:
    """The words naming whom the role asked serves ('المتحدث باسم وزارة الخارجية' -> وزاره, خارجيه; 'spokesman
    for the foreign ministry' -> foreign, ministry): up to two content words after the role and a `role_of` word."""
    words = re.findall(r"\w+", q.normalized)
    for i, w in enumerate(words[:-2]):
        if any(len(f) == 1 and _matches(w, f[0]) for f in forms) and words[i + 1] in vocabulary().role_of:
            rest = [t for x in words[i + 2:i + 6] for t in tokens(x) if not countries_of(x)]
            return rest[:2]
    return []


def serves(whose: list[str], forms: tuple[tuple[str, ...], ...], text_norm: str) -> bool:
    """A sentence (normalised) names the role followed, within six words, by the words of whom it serves."""
    words = re.findall(r"\w+", text_norm)
    for i, w in enumerate(words):
        if any(len(f) == 1 and _matches(w, f[0]) for f in forms):
            after = {t for x in words[i + 1:i + 7] for t in tokens(x)}
            if all(any(a.startswith(x) or x.startswith(a) for a in after) for x in whose):
                return True
    return False


def countries_of(text_norm: str) -> set[str]:
    """The countries (Iraq, Syria) a normalised text names by name or adjective."""
    words = set(re.findall(r"[\w']+", text_norm))
    return {c for c, forms in vocabulary().countries.items() if words & forms}


def role_country_clash(q: Question, text_norm: str) -> bool:
    """A question about one country's role ('the Syrian spokesman') and a sentence naming only the other's."""
    asked = countries_of(q.normalized)
    if len(asked) != 1:
        return False
    named = countries_of(text_norm)
    return bool(named) and not (named & asked)


@lru_cache(maxsize=1)
def _countries_of_people() -> dict[str, str]:
    """Canonical name (rag/domain/names.py) -> the country of the official (rag/domain/data/officials.json)."""
    from ..domain.names import NAMES
    from ..domain.people import load_officials
    by_spelling = {}
    for p in load_officials().people:
        for f in (p.en, *p.variants, *p.short):
            by_spelling[f.lower().removeprefix("the ")] = p.country
    return {name: c for name, aliases in NAMES.items()
            if (c := next((by_spelling[a] for a in (name.lower(), *aliases) if a in by_spelling), None))}


_COUNTRY_KEYS = {"iraq": "Iraq", "syria": "Syria"}


def official_country_clash(q: Question, text_norm: str) -> bool:
    """A question about one country's official ('the Syrian defence minister', 'رئيس الاستخبارات السوري') and a
    sentence whose named officials (officials.json) are all of the other country: it names another man."""
    from ..domain.names import PEOPLE, arabic_names, english_names
    asked = {_COUNTRY_KEYS.get(c.lower(), c) for c in countries_of(q.normalized)}
    if len(asked) != 1:
        return False
    of = _countries_of_people()
    own = set(q.entities)  # the people the question names itself are not the one it asks about by title
    named = {of[n] for n in arabic_names(text_norm) + english_names(text_norm) if n in PEOPLE and n in of
             and n not in own}
    return bool(named) and not (named & asked)


def asked_titles(q: Question) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
    """The title words naming an official the question is about ('the Iraqi defence minister', 'وزير الصحة')."""
    titles = vocabulary().titles
    words = re.findall(r"\w+", q.normalized)
    out = []
    for i, w in enumerate(words):
        key = w[2:] if w.startswith("ال") and w[2:] in titles else w
        near = words[max(0, i - 2):i + 3]  # a title word qualifies a minister or ministry next to it
        if key in titles and titles[key] not in [f for _, f in out] and any(_head(x) for x in near):
            out.append((key, titles[key]))
    return out


def _head(word: str) -> bool:
    return bool(vocabulary().title_heads.match(word))


def titled_in(forms: tuple[tuple[str, ...], ...], text_norm: str) -> bool:
    """A text (normalised) names the official by the title: a form of the title word within three words of a
    minister or ministry word ('وزير التجارة', 'trade minister'; not 'border trade')."""
    words = re.findall(r"\w+", text_norm)
    heads = [i for i, w in enumerate(words) if _head(w)]
    return any(abs(i - j) <= 3 for i in heads for j, w in enumerate(words)
               if any(len(f) == 1 and _matches(w, f[0]) for f in forms))


@lru_cache(maxsize=64)
def _title_people(forms: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    """Canonical name -> country of the known officials (officials.json) one of whose roles carries the title word
    next to a minister's or ministry's word ('Syrian Energy Minister', 'وزير الطاقة السوري')."""
    from ..domain.names import NAMES
    from ..domain.people import load_officials
    by_spelling = {}
    for p in load_officials().people:
        for role in p.roles:
            words = [w for t in (role.get("en", ""), role.get("ar", "")) for w in re.findall(r"\w+", normalize(t).lower())]
            if any(len(f) == 1 and _matches(w, f[0]) for w in words for f in forms) and any(_head(w) for w in words):
                for f in (p.en, *p.variants, *p.short):
                    by_spelling[f.lower().removeprefix("the ")] = p.country
    return {name: c for name, aliases in NAMES.items()
            if (c := next((by_spelling[a] for a in (name.lower(), *aliases) if a in by_spelling), None))}


def title_holder_named(q: Question, forms: tuple[tuple[str, ...], ...], text_norm: str) -> bool:
    """The sentence (normalised) names a known official whose role carries the title asked (of the country the
    question names, when it names one): 'al-Bashir announced …' is about 'Syria's energy minister' though it does
    not say his title."""
    from ..domain.names import PEOPLE, arabic_names, english_names
    holders = _title_people(forms)
    if not holders:
        return False
    asked = {_COUNTRY_KEYS.get(c.lower(), c) for c in countries_of(q.normalized)}
    found = english_names if not re.search(r"[\u0600-\u06ff]", text_norm) else arabic_names
    return any(n in holders and n in PEOPLE and (len(asked) != 1 or holders[n] in asked) for n in found(text_norm))


HOLDER_REACH = 6  # words after a title (or before it, in English) within which its holder is named


@lru_cache(maxsize=1)
def _counterparts() -> frozenset:
    return frozenset(normalize(w) for w in answer_data().get("counterparts", []))


@lru_cache(maxsize=1)
def _holder_heads() -> re.Pattern:
    words = answer_data().get("title_holder_heads", [])
    return re.compile(r"^[وبل]?(ال)?(" + "|".join(re.escape(normalize(w)) for w in words) + r")$")


@lru_cache(maxsize=1)
def _unnamed_after() -> re.Pattern:
    words = answer_data().get("unnamed_after", [])
    return re.compile(r"^[وف]?(ال)?(" + "|".join(re.escape(normalize(w)) for w in words) + r")")


def _holder_head(word: str) -> bool:
    return bool(_holder_heads().match(word))


def title_holders(forms: tuple[tuple[str, ...], ...], text_norm: str) -> set[str]:
    """The countries of the people a sentence (normalised) names as holding the title (none when one of its holders is
    not a known person, or not named): the first known person named
    right after the title word near a minister or ministry word ('وزير الدفاع ثابت العباسي', 'Defence Minister Thabet
    al-Abbasi'; in English, else the last one right before it, set off as an apposition: 'al-Abbasi, Iraq's defence
    minister'), or right after a counterpart word ('his Syrian counterpart Murhaf Abu Qasra', 'نظيره السوري'), who
    holds the same title."""
    return _title_mentions(forms, text_norm)[0]


def title_unnamed(forms: tuple[tuple[str, ...], ...], text_norm: str) -> bool:
    """The sentence (normalised) mentions the title (near a minister's word) and names no holder at any mention: each
    is followed by the sentence's end or a word of answer_types.json `unnamed_after` ('وزير الدفاع ورئيس
    الاستخبارات', 'its defence minister and its intelligence chief'); a name before an English title that is not set
    off as its apposition ('Foreign Minister X together with its defence minister') is not its holder."""
    held, unnamed = _title_mentions(forms, text_norm)
    return unnamed and not held


def _title_mentions(forms: tuple[tuple[str, ...], ...], text_norm: str) -> tuple[set[str], bool]:
    """`title_holders`, and whether the title is mentioned with every mention naming no one."""
    from ..domain.names import PEOPLE, arabic_names, english_names
    of = _countries_of_people()
    words = re.findall(r"[\w'-]+", text_norm)
    heads = [i for i, w in enumerate(words) if _holder_head(w)]  # a minister, not a ministry
    spots = [j for j, w in enumerate(words) if any(len(f) == 1 and _matches(w, f[0]) for f in forms)
             and any(abs(i - j) <= 3 for i in heads)]
    spots += [j for j, w in enumerate(words) if w in _counterparts() or (w[:1] in "وب" and w[1:] in _counterparts())]
    english = not re.search(r"[\u0600-\u06ff]", text_norm)
    found = english_names if english else arabic_names
    countries = {w for f in vocabulary().countries.values() for w in f}
    out = set()
    for j in spots:
        after = [n for n in found(" ".join(words[j + 1:j + 1 + HOLDER_REACH])) if n in PEOPLE and n in of]
        before = [n for n in found(" ".join(_apposed(words[max(0, j - HOLDER_REACH):j], countries, found)))
                  if n in PEOPLE and n in of] if english else []
        if after or before:
            out.add(of[(after or before[::-1])[0]])
            continue
        rest = words[j + 1:]
        if english:  # (past the minister's word: 'defence minister and …')
            rest = rest[next((i + 1 for i, w in enumerate(rest[:3]) if _holder_head(w)), 0):]
        nxt = next((w for w in rest if w not in countries and _stripped(w) not in countries), "")
        if not nxt or _unnamed_after().match(nxt):
            continue  # "ووزير الدفاع ورئيس الاستخبارات", "its defence minister and …": this mention names no one
        return set(), False  # a holder the tables do not know: he may be the one asked
    return out, bool(spots)


def _apposed(before: list[str], countries: set[str], found) -> list[str]:
    """Of the words before an English title, the name set off as its apposition ('al-Abbasi, Iraq's defence minister':
    the comma is gone once tokenised): the last words, up to three, that name someone (`found`) right before the
    title, with only countries' words and answer_types.json `apposition_words` ('the', 'then', 'acting') between;
    [] when another word stands between ('X together with its defence minister')."""
    allowed = _apposition_words() | countries
    i = len(before)
    while i > 0 and (before[i - 1] in allowed or before[i - 1].removesuffix("'s") in allowed):
        i -= 1
    return next((before[i - k:i] for k in (1, 2, 3) if i - k >= 0 and found(" ".join(before[i - k:i]))), [])


@lru_cache(maxsize=1)
def _apposition_words() -> frozenset:
    return frozenset(normalize(w) for w in answer_data().get("apposition_words", ()))


def holder_clash(q: Question, forms: tuple[tuple[str, ...], ...], text_norm: str) -> bool:
    """A question about one country's titled official ('وزير الدفاع السوري') and a sentence whose holders of that title
    (`title_holders`) are all of the other country: it names the other side's minister."""
    asked = {_COUNTRY_KEYS.get(c.lower(), c) for c in countries_of(q.normalized)}
    held = title_holders(forms, text_norm)
    return len(asked) == 1 and bool(held) and not (held & asked)


@lru_cache(maxsize=1)
def _role_name_breaks() -> frozenset:
    return frozenset(normalize(w) for w in answer_data().get("role_name_breaks", ()))


@lru_cache(maxsize=1)
def _qualifier_words() -> frozenset:
    """The words of the places' and countries' Arabic names (normalised, also without 'ال'): what qualifies a role
    word before its holder's name ('محافظ دير الزور', 'السفير السوري لدى بغداد')."""
    from ..domain.names import ARABIC, PEOPLE
    words = {w for name, forms in ARABIC.items() if name not in PEOPLE for f in forms for w in normalize(f).split()}
    words |= {w for f in vocabulary().countries.values() for w in f}
    return frozenset(words | {w[2:] for w in words if w.startswith("ال")})


def role_unnamed(q: Question, text: str) -> bool:
    """An Arabic sentence that mentions the role a person question asks about ('ما اسم محافظ الأنبار …'; one naming a
    person by itself, answer_types.json `person_roles`) only as a role:
    every mention of the role word is followed, past the places and countries that qualify it, by the sentence's end
    or a word that starts no name (answer_types.json `role_name_breaks`: 'عند', 'الذي'; another role word or a
    counterpart: 'ومحافظ', 'ونظيره'), and it names no known person. Such a sentence does not say who holds the
    role (its names cannot otherwise be told from its other words: `names_a_new_person` gives None)."""
    from ..domain.names import PEOPLE, arabic_names
    if not re.search(r"[\u0600-\u06ff]", text):
        return False
    roles = asked_roles(q)  # (a role that names a person by itself: a governor, not the intelligence service)
    if not roles or normalize(roles[0][0]) not in person_roles():
        return False
    norm = normalize(without_period_mentions(text))
    if any(n in PEOPLE for n in arabic_names(norm)):
        return False
    forms = [f for f in roles[0][1] if len(f) == 1]
    words = re.findall(r"\w+", norm)
    spots = [i for i, w in enumerate(words) if any(_matches(w, f[0]) and len(w) <= len(f[0]) + 3 for f in forms)]
    if not spots:
        return False
    quals, breaks, role_words = _qualifier_words(), _role_name_breaks(), set(vocabulary().roles)
    for i in spots:
        j = i + 1
        while j < len(words) and (words[j] in quals or _stripped(words[j]) in quals):
            j += 1
        if j >= len(words):
            continue
        w = words[j]
        bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
        if w in breaks or bare in breaks or bare in _counterparts() or _unnamed_after().match(w) or \
                bare in role_words or bare.removeprefix("ال") in role_words:
            continue
        return False
    return True


@lru_cache(maxsize=1)
def _representation() -> tuple[re.Pattern | None, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    data = answer_data()
    asks = [normalize(p) for p in data.get("asks_representative", ())]
    cues = [normalize(w) if w.strip() == w else normalize(w.strip()) + " " for w in data.get("representation_cues", ())]
    return (re.compile("|".join(asks)) if asks else None, tuple(w for w in cues if " " not in w.strip()
                                                                 and not w.endswith(" ")),
            tuple(w.strip() for w in cues if w.endswith(" ")), tuple(w for w in cues if " " in w.strip()))


def asks_representative(q: Question) -> bool:
    """A person question asking who represented a country, a government or a body ('Who represented Syria at …',
    'من مثّل العراق في …'; answer_types.json `asks_representative`)."""
    rx = _representation()[0]
    return expected_type(q) == "person" and rx is not None and bool(rx.search(q.normalized))


def represents(q: Question, text_norm: str) -> bool:
    """The sentence (normalised) tells someone standing for the side asked: a word of representing, attending or
    leading a delegation (answer_types.json `representation_cues`), and, of the one country the question names, an
    official of it ('Syria's foreign minister, Asaad al-Shaibani, led the delegation', 'وشارك عن العراق وزير
    الخارجية فؤاد حسين')."""
    _, prefixes, exact, phrases = _representation()
    words = re.findall(r"\w+", text_norm)
    if not (any(_matches(w, p) for w in words for p in prefixes) or any(w in exact for w in words) or
            any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text_norm) for p in phrases)):
        return False
    asked = countries_of(q.normalized)
    if len(asked) != 1:
        return True
    country = next(iter(asked))
    return country in countries_of(text_norm) or names_official_of(q, country, text_norm)


def named_words(q: Question) -> list[str]:
    """An English question's capitalised names that are not general words or known names (a place or a
    person the tables do not know: 'Jeddah', 'Fidan'), each by its last word, lower case: an English sentence
    must hold them (a person named in full once is named by the family name after: 'Mukhtar al-Moussawi' is
    'Moussawi' in the next sentences)."""
    if q.language != "en":
        return []
    return [words[-1].lower() for _, words in _capitalised(q) if words]


def named_word_forms(q: Question) -> list[frozenset]:
    """For each of `named_words`: the words that name it in an English sentence, its last word and, when its run
    has two words or more and the first is not a given name (`given_names`), its first ('Hashed al-Shaabi' is
    'the Hashed'); an event's name also by its head word (`event_heads`: 'Antalya Diplomacy Forum' is 'the
    Antalya forum')."""
    if q.language != "en":
        return []
    given, heads = _given_names(), _event_heads()
    return [frozenset({words[-1].lower()} | ({words[0].lower()} if len(words) > 1 and words[0].lower() not in given
                                             else set()) | ({run.split()[-1].lower()} & heads))
            for run, words in _capitalised(q) if words]


PLACE_PREPOSITIONS = ("from", "in", "at", "near", "across", "outside", "inside")


def named_as_place(q: Question) -> list[bool]:
    """For each of `named_word_forms`: whether the question names it after a preposition of place ('the report from
    Domiz', 'in Kawergosk'): where something is, which a passage may say once."""
    if q.language != "en":
        return []
    text = str(q)
    out = []
    for run, words in _capitalised(q):
        if not words:
            continue
        before = re.findall(r"[A-Za-z]+", text[:text.find(run)])[-1:] if run in text else []
        out.append(bool(before) and before[0].lower() in PLACE_PREPOSITIONS)
    return out


@lru_cache(maxsize=1)
def _event_heads() -> frozenset:
    return frozenset(answer_data().get("event_heads", ()))


@lru_cache(maxsize=1)
def _given_names() -> frozenset:
    from ..domain.names import PEOPLE
    data = answer_data()
    return frozenset(w.lower() for w in data.get("given_names", ())) | frozenset(p.split()[0].lower() for p in PEOPLE)


@lru_cache(maxsize=1)
def _speech_goes_on() -> re.Pattern:
    words = answer_data().get("continues_speech", ())
    alt = "|".join(sorted((re.escape(normalize(w)) for w in words), key=len, reverse=True))
    # (or sets the speaker off between commas early on: 'Keeping the camp on the border, he said, "is a time bomb"')
    return re.compile(rf"^\W*(?:{alt})(?!\w)|(?<!\w)(?:{alt})\W*$|^[\"“«][^\"”»]+[\"”»],?\s*(?:{alt})(?!\w)|"
                      rf"^[^.\"“«]{{0,120}},\s*(?:{alt})\s*,")


def continues_speech(text_norm: str) -> bool:
    """A sentence (normalised) that goes on with the previous one's speaker: it opens with one of
    `continues_speech` ('وأضاف …'), ends with one ('…, he added.'), or quotes and then names the speaker so
    ('"Terrorism has no borders," he said, …')."""
    return bool(_speech_goes_on().search(text_norm.rstrip(". ")))


@lru_cache(maxsize=1)
def _identity() -> re.Pattern | None:
    rx = answer_data().get("asks_identity")
    return re.compile(rx, re.I) if rx else None


def asks_identity(question_norm: str) -> bool:
    """A question (normalised) that asks who one person is by what that person said ('who is the … who said',
    'من هو … الذي تحدث'; `asks_identity`)."""
    rx = _identity()
    return bool(rx and rx.search(question_norm))


@lru_cache(maxsize=1)
def _period_mentions() -> tuple[re.Pattern | None, re.Pattern | None]:
    data = answer_data().get("period_mentions", {})
    en, ar = data.get("en", []), data.get("ar", [])
    return (re.compile("|".join(f"(?:{x})" for x in en)) if en else None,
            re.compile("|".join(f"(?:{x})" for x in ar)) if ar else None)


def without_period_mentions(text: str) -> str:
    """The sentence (as written) without the people it names only to date something by their fall ('since the Assad
    government fell', 'من سقوط الأسد'; answer_types.json `period_mentions`); Arabic text comes back normalised."""
    en, ar = _period_mentions()
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        text = normalize(text)
        return ar.sub(" ", text) if ar is not None else text
    return en.sub(" ", text) if en is not None else text


def names_a_new_person(q: Question, text: str) -> bool | None:
    """Whether a sentence (as written) names a person the question does not: one the name tables know, or, in
    English, a run of two or more capitalised words that are not general words ('Claudio Cordone'); None for an
    Arabic sentence naming no known person (its names cannot be told from its other words)."""
    from ..domain.names import PEOPLE, arabic_names, english_names
    # (every name the question writes is its own, also one that only dates it: "after Bashar al-Assad's fall")
    asked = set(q.entities) | set(english_names(str(q))) | set(arabic_names(q.normalized))
    english = not any("\u0600" <= ch <= "\u06ff" for ch in text)
    text = without_period_mentions(text)  # (not the fallen ruler who dates it: 'since the Assad government fell')
    known = english_names(text) if english else arabic_names(normalize(text))
    if any(n in PEOPLE and n not in asked for n in known):
        return True
    if not english:
        return None
    for _, (a, b) in english_name_spans(text):
        text = text[:a] + " " * (b - a) + text[b:]
    general = vocabulary().not_person  # ('Coordination Framework' names no person)
    qwords = {w.lower() for w in re.findall(r"[A-Za-z]+", q)}
    def plain(w: str) -> bool:
        return not (w.lower() in general or w.lower().removesuffix("s") in general or w.lower() in qwords)

    for m in _CAPITALISED.finditer(text):
        words = [w for w in re.findall(r"[A-Za-z]+", m.group(1)) if w.lower() not in _PARTICLES]
        if len(words) >= 2 and all(plain(w) for w in words):
            return True
        # (a name after an official's title in one run: "Industry Minister Yarub Qudah")
        for i, w in enumerate(words[:-2]):
            if _official_word(w.lower()) and len(rest := words[i + 1:]) >= 2 and all(plain(x) for x in rest):
                return True
    return False


_BARE = re.compile(r"(?<![\w'’-])([A-Z][a-z]{3,})(?:['’]s(?![\w'’-])|(?![\w'’-])(?!\s+(?:[A-Z]|al-|el-)))")
_NAME_LEAD = re.compile(r"(?:(?<![\w'’-])(?:al|el|Al|El)[-\s]|[A-Z][a-z'’]+\s+)$")


@lru_cache(maxsize=1)
def _known_name_words() -> frozenset:
    """Words a bare capitalised word must not be to stand for a listed family name: the tables' own spellings (already
    read) and the first words of every listed name (given names: 'Bashar', 'Mustafa', 'Mohammed')."""
    words: set[str] = set()
    for name, aliases in NAMES.items():
        for a in (name.lower(), *aliases):
            parts = a.split()
            if len(parts) == 1:
                words.add(a)
            elif parts:
                words.add(parts[0])
    return frozenset(words)


@lru_cache(maxsize=20_000)
def bare_spellings(text: str) -> tuple[tuple[str, tuple[int, int]], ...]:
    """answers22: a listed person's family name written alone and without its article in another transliteration
    ('Shibani landed in Baghdad', 'Shibani's Baghdad visit' of Asaad al-Shaibani), which the tables read only as
    'al-Shibani' (`people.spelling_key`, a family name of four consonants or more that one person has): each with its
    (start, end). Not a word the tables spell, nor a given name of theirs ('Bashar'), nor one beside another name part
    ('Mustafa al-Kadhimi', 'Ali Shibani')."""
    from ..domain.names import SPELLED
    from ..domain.people import spelling_key
    if not SPELLED:
        return ()
    known = _known_name_words()
    general = vocabulary().general
    out = []
    for m in _BARE.finditer(text):
        word = m.group(1)
        low = word.lower()
        if low in known or low in general:
            continue
        lead = _NAME_LEAD.search(text[:m.start()])
        if lead and not (lead.group(0)[0].isupper() and (w := lead.group(0).split()[0].lower()) in general
                         and w not in _given_names()):
            continue  # (after al-, or after a capitalised word that is no title: part of a longer name)
        if (name := SPELLED.get(spelling_key(word))) is not None:
            out.append((name, m.span()))
    return tuple(out)


def _capitalised(q: Question) -> list[tuple[str, list[str]]]:
    """An English question's capitalised runs (not its first word, not the names the tables know), each with
    its words that are not general words ('Minister', 'Syrian') or name particles (al-, Abu)."""
    text = str(q)
    for _, (a, b) in (*english_name_spans(text), *bare_spellings(text)):
        text = text[:a] + " " * (b - a) + text[b:]
    general = vocabulary().general
    first = len(text) - len(text.lstrip())
    out = []
    for m in _CAPITALISED.finditer(text):
        if m.start() == first:
            continue
        words = [w for w in re.findall(r"[A-Za-z]+", m.group(1)) if w.lower() not in general
                 and w.lower().removesuffix("s") not in general and w.lower() not in _PARTICLES]
        out.append((m.group(1), words))
    return out


_PARTICLES = {"al", "el", "bin", "abu", "abd", "abdul"}


def window_holds(forms: tuple[tuple[str, ...], ...], window: frozenset) -> bool:
    """Some form of a role or title (each of its words, prefix-matched) is among a sentence's window terms."""
    return any(all(any(t.startswith(f) for t in window) for f in form) for form in forms)


@lru_cache(maxsize=1)
def _other_countries() -> frozenset:
    return frozenset(normalize(w) for w in answer_data().get("other_countries", ()))


def third_country_role(q: Question, forms: tuple[tuple[str, ...], ...], text_norm: str) -> bool:
    """A question about one country's role ('Syria's ambassador in Baghdad') and a sentence whose every mention of
    that role is qualified by a third country's word within two words ('Iran's ambassador', 'the Iranian
    ambassador', 'السفير الايراني', 'سفير ايران'; `other_countries`), the country asked named nowhere in it."""
    if len(countries_of(q.normalized)) != 1 or countries_of(q.normalized) & countries_of(text_norm):
        return False
    words = re.findall(r"[\w'.]+", text_norm)
    others = _other_countries()
    spots = [(i, len(form)) for form in forms for i in range(len(words) - len(form) + 1)
             if all(_matches(words[i + j], form[j]) for j in range(len(form)))]
    return bool(spots) and all(any(w.removeprefix("و") in others for w in words[max(0, i - 2):i] + words[i + n:i + n + 2])
                               for i, n in spots)


def holds_role(forms: tuple[tuple[str, ...], ...], text_norm: str) -> bool:
    """A sentence (normalised) holds one of a role's forms (a form of several words as a phrase)."""
    words = re.findall(r"\w+", text_norm)
    for form in forms:
        n = len(form)
        for i in range(len(words) - n + 1):
            if all(_matches(words[i + j], form[j]) for j in range(n)):
                return True
    return False


def _matches(word: str, form: str) -> bool:
    return word.startswith(form) or (len(word) > 2 and word[:2] in ("ال", "وا", "با", "لل") and
                                     word[2:].startswith(form.removeprefix("ال"))) or \
        (len(word) > 1 and word[0] in "وفبل" and word[1:].startswith(form))


def relations(terms, text_norm: str = "", implied: bool = True) -> set[str]:
    """The kinds of act named by a set of (normalised) terms, or by a phrase of the (normalised) text; `implied`:
    with the talks a visit, a call or a meeting holds."""
    written = set(re.findall(r"\w+", text_norm))
    words = set(terms) | written  # the words as written too ("وقعها" is token "قعها")
    # a ministry's word with its pronoun ('وزارته', 'وزارتها': his, her ministry) is no 'زارت' (she visited) once
    # its first letter is read off as 'and'
    words -= {t for t in terms if t.startswith("زارت") and len(t) > 4 and t not in written}
    found = {kind for kind, (rx, phrases) in vocabulary().relations.items()
             if (rx is not None and any(rx.match(t) for t in words)) or any(p.search(text_norm) for p in phrases)}
    # a visit, a call or a meeting is a contact with talks ("X met Y in Damascus" reports their talks there)
    return found | {"talks"} if implied and found & TALKING_ACTS else found


TALKING_ACTS = {"visit", "call", "meeting"}


@lru_cache(maxsize=1)
def _status_idioms() -> re.Pattern | None:
    forms = answer_data().get("status_idioms", [])
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(f)) for f in forms) + r")(?!\w)") if forms else None


def asked_relations(q: Question) -> set[str]:
    """The acts a question asks about (its Arabic terms, its English words and its phrases); a status idiom's words
    name none ('before it was called off': no call; answer_types.json `status_idioms`)."""
    rx = _status_idioms()
    text = rx.sub(" ", q.normalized) if rx is not None else q.normalized
    if text == q.normalized:
        return relations(set(q.terms) | {w.lower() for w in re.findall(r"[A-Za-z]+", q)}, q.normalized, implied=False)
    kept = set(re.findall(r"\w+", text))
    return relations({t for t in q.terms if t in kept or not t.isascii()} | set(re.findall(r"[a-z]+", text)), text,
                     implied=False)


_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
# A month named with a year or a day next to it ("شباط 2025", "June 2025", "14 من آذار"): "may" alone is a verb.
_MONTH = re.compile(rf"(?<!\w)({MONTH_ALT})\s+(?:من\s+)?(?:عام\s+)?(?:19|20)\d\d(?!\d)|"
                    rf"(?<!\d)\d{{1,2}}\s+(?:من\s+)?({MONTH_ALT})(?!\w)")


# The digits that date or rank, not count: a day with its month, a month with its year, a year, a numeric date,
# an ordinal.
_DATE_OR_RANK = re.compile(rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:من\s+)?(?:{MONTH_ALT})(?!\w)|"
                           rf"(?<!\w)(?:{MONTH_ALT})\s+(?:من\s+)?(?:عام\s+)?\d{{1,4}}(?:st|nd|rd|th)?(?!\d)|"
                           r"(?<!\d)(?:19|20)\d\d(?!\d)|(?<!\d)\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?(?!\d)|"
                           r"(?<!\d)\d+(?:st|nd|rd|th)(?!\w)|"
                           # an Arabic ordinal of eleven to nineteen ('الدورة السادسة عشرة', 'الحادي عشر'): a rank
                           r"(?<!\w)ال(?:حادي|حاديه|ثاني|ثانيه|ثالث|ثالثه|رابع|رابعه|خامس|خامسه|سادس|سادسه|سابع|سابعه|"
                           r"ثامن|ثامنه|تاسع|تاسعه)\s+(?:عشر|عشره)(?!\w)", re.I)


def _undated(text_norm: str, forms: frozenset = frozenset()) -> str:
    """The text with the digits that date or rank blanked; four digits that look like a year but stand right before
    a form of the noun counted are a count ('1905 عسكريين': 1,905 soldiers, not the year 1905)."""
    def blank(m: re.Match) -> str:
        if forms and m.group(0).isdigit():
            after = re.match(r"\s*([\w']+)", text_norm[m.end():])
            if after and any(_same_word(t, f) for t in tokens(after.group(1)) for f in forms):
                return m.group(0)
        return " "
    return _DATE_OR_RANK.sub(blank, text_norm)


_DAY_MONTH = re.compile(rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:من\s+)?(?:{MONTH_ALT})(?!\w)|"
                        rf"(?<!\w)(?:{MONTH_ALT})\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)", re.I)
_NUMERIC_DAY = re.compile(r"(?<!\d)\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?!\d)")


def months_of(text_norm: str) -> set[int]:
    """The months a normalised text names with a year or a day next to them."""
    return {MONTHS[m.group(1) or m.group(2)] for m in _MONTH.finditer(text_norm)}


# Years that name a thing, not the time asked: 'the 1987 and 1989 agreements', 'the 2003 war'.
_NAMING_YEARS = re.compile(r"(?<!\w)the\s+((?:(?:19|20)\d\d\s*(?:,|and|or|-|–)\s*)*(?:19|20)\d\d)\s+(?!and\b|or\b)[a-z]")


def asked_years(q: Question) -> set[str]:
    """The years a question names ('in 2023', 'عام 2018'): the answer must be about that year."""
    return set(_YEAR.findall(q.normalized))


def years_of_time(q: Question) -> set[str]:
    """The years a question names as its time, not those that name a thing ('the 1987 and 1989 agreements': the
    agreements' years, not when the minister discussed them; 'the 2003 war')."""
    return set(_YEAR.findall(_NAMING_YEARS.sub(" ", q.normalized)))


def years_of(text: str) -> set[str]:
    return set(_YEAR.findall(text))


_EN_DATE = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|"
                      r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|"
                      r"thursday|friday|saturday|sunday|yesterday|today|tomorrow)\b|\b(19|20)\d\d\b|\d{1,2}/\d{1,2}")


def holds_answer(kind: str, q: Question, text_norm: str) -> bool | None:
    """Whether a sentence holds an answer of the expected type that the question does not already hold;
    None for types a sentence is not checked for (reason, list, quotation, yes/no, fact: the ranking and
    the other checks decide)."""
    ev = vocabulary().evidence
    if kind == "date":
        rest = _without(text_norm, q.normalized)
        return has_date(rest) or bool(_EN_DATE.search(rest))
    if kind == "number":  # an amount or a count, not the digits of a date (14 June, 2025) or of a rank (34th)
        rest = _without(_undated(text_norm, counted_forms(q)[0]), q.normalized)
        if has_number(rest):
            return True
        # a count in words ('the ten staff') only beside the noun the question counts ('the two sides', 'two
        # decades' are no count)
        forms = counted_forms(q)[0]
        return bool(forms) and any(_number_word(w) for w in rest.split()) and counts(forms, text_norm)
    if kind == "day":  # a day, not a month or a year: a weekday, "yesterday", a day with its month, a numeric date
        rest = _without(text_norm, q.normalized)
        return any(w in ev["day"] or w[1:] in ev["day"] for w in re.findall(r"\w+", rest)) or \
            bool(_DAY_MONTH.search(rest) or _NUMERIC_DAY.search(text_norm))
    if kind == "money":  # an amount of money: a number (not a date's) and a currency beside it in the sentence
        words = re.findall(r"\w+|\$", text_norm)
        rest = _without(_DATE_OR_RANK.sub(" ", text_norm), q.normalized)
        return (any(w in ev["money"] or w[1:] in ev["money"] or w[2:] in ev["money"] for w in words) or "$" in text_norm) \
            and (has_number(rest) or any(w in ev["amount"] for w in rest.split()))
    if kind == "length":  # a length: a number (not a date's) with a unit of length right after it ('800 كيلومتر', '685 km')
        words, asked = re.findall(r"[\w.,]+", _DATE_OR_RANK.sub(" ", text_norm)), set(re.findall(r"\w+", q.normalized))
        return any(has_number(w) and w not in asked and any(x in ev["length"] or _stripped(x) in ev["length"] for x in words[i + 1:i + 3])
                   for i, w in enumerate(words))
    if kind == "span":
        words = set(re.findall(r"\w+", text_norm)) - set(re.findall(r"\w+", q.normalized))
        return any(w in ev["span"] or w[1:] in ev["span"] for w in words) and has_number(text_norm)
    if kind == "list":  # a sentence that lists items is preferred (the ranking decides among them)
        return bool(list_items(text_norm)) or None
    if kind == "reason":  # a sentence giving a reason ('because', 'بسبب', 'عزا ذلك إلى') is preferred when close
        return bool((rx := _reason_cues()) is not None and rx.search(_without(text_norm, q.normalized))) or None
    if kind in ("place", "organisation"):  # the cue word may be the question's own ("which agency": وكالة …)
        return any(w in ev[kind] or _stripped(w) in ev[kind] for w in re.findall(r"\w+", text_norm)) or None
    return None


@lru_cache(maxsize=1)
def _reason_cues() -> re.Pattern | None:
    cues = answer_data().get("reason_cues", [])
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(c)) for c in cues) + r")(?!\w)") if cues else None


GLOSSARY = Path(__file__).with_name("data") / "glossary.json"


@lru_cache(maxsize=1)
def _counted_glossary() -> tuple[tuple[frozenset, frozenset], ...]:
    """The counted nouns of data/glossary.json: (English forms, Arabic tokens) for each."""
    if not GLOSSARY.exists():
        return ()
    data = json.loads(GLOSSARY.read_text(encoding="utf-8"))
    return tuple((frozenset(w.lower() for w in g.get("en", ())),
                  frozenset(t for w in g.get("ar", ()) for t in tokens(w)))
                 for g in data.get("counted", ()))


def glossary_forms(words: list[str]) -> frozenset:
    """The forms in both languages of the glossary's counted nouns that hold one of the words (English lower case,
    or Arabic tokens): the noun a count question counts, to be looked for in the sentences of either language.
    Empty when none of the words is in the glossary."""
    out: set[str] = set()
    for en, ar in _counted_glossary():
        if any(w in en or w in ar for w in words):
            out |= en | ar
    return frozenset(out)


def _latin(form: str) -> bool:
    return bool(re.match(r"[a-z]", form))


def english_forms(forms: frozenset) -> bool:
    """Among a counted noun's forms, English ones (Latin letters)."""
    return any(_latin(f) for f in forms)


def counted_forms(q: Question, loose: bool = False) -> tuple[frozenset, bool]:
    """For a question that counts something ('كم عدد الضباط', 'how many trucks'): the forms (tokens) of the
    noun counted, in the question's language and, for an English noun the vocabulary knows, in Arabic; and
    whether Arabic forms are among them (an Arabic question's are Arabic only). Empty for other questions."""
    if expected_type(q) != "number":
        return frozenset(), False
    m = vocabulary().counted.search(q.normalized)
    if not m:
        return frozenset(), False
    generic = vocabulary().counted_generic
    rest = re.findall(r"[\w'-]+", q.normalized[m.end():])
    if q.language == "en":  # the noun phrase up to its verb or preposition: "former Syrian soldiers did"
        from ..domain.names import is_stop_word, word_forms
        phrase = []
        for w in rest[:3]:
            # (the noun ends at its verb: "how many trucks crossed al-Qaim" counts trucks, not crossings; a participle
            # opening the phrase qualifies the noun, "how many displaced families")
            if is_stop_word(w) or phrase and w.endswith("ed"):
                break
            phrase.append(w)
        if not phrase or any(w in generic for w in phrase):
            return frozenset(), False
        forms = {f for w in phrase for f in (w, w.removesuffix("es"), w.removesuffix("s"),
                                              w[:-3] + "y" if w.endswith("ies") else w)}
        arabic = {t for w in phrase for f in word_forms(w) for t in tokens(f)}
        arabic |= {t for t in glossary_forms(phrase) if not _latin(t)}  # (data/glossary.json)
        forms |= {t for t in glossary_forms(phrase) if _latin(t)}  # (its other English forms: 'kg' ~ 'kilograms')
        return frozenset(forms | arabic), bool(arabic)
    # The noun after كم عدد, or after كم alone in the accusative that counts (كم برميلا; not a verb: كم بلغت),
    # unless one that counts anything (افراد, مره). `loose`: also a noun in ة, whose accusative shows no alif
    # (كم عائلةً, normalised عائله): only to let a sentence counting it past the act check (as the number's noun
    # it would cut right answers on XQuAD-ar: كم نسبة, كم وحدة, كم منطقةً … ثلاثة مراكز).
    t = tokens(rest[0]) if rest else []
    if not t or t[0] in generic or rest[0] in generic or rest[0].isdigit() or \
            ("عدد" not in m.group(0) and not rest[0].endswith(("ا", "ه") if loose else "ا")):
        return frozenset(), False
    # (a noun of data/glossary.json with its English forms too: an English sentence must count it)
    return frozenset(t[:1]) | glossary_forms(t[:1]), True


def _same_word(a: str, b: str) -> bool:
    """Two tokens are forms of one word: equal stems, one stem extending the other, or (Arabic) the same
    consonants once the long vowels are dropped (a broken plural: ضباط ~ ضابط, جنود ~ جندي)."""
    if a == b or stem(a) == stem(b):
        return True
    short, long_ = sorted((stem(a), stem(b)), key=len)
    if len(short) >= 4 and long_.startswith(short):
        return True
    ka, kb = _skeleton(stem(a)), _skeleton(stem(b))
    return len(ka) >= 3 and ka == kb


def _skeleton(word: str) -> str:
    return word[:1] + re.sub(r"[اويىء]", "", word[1:]) if re.match(r"[\u0600-\u06ff]", word) else word


def _number_word(word: str) -> bool:
    """An English number word a count is written in ('the ten staff', 'dozens of trucks'; `evidence`
    number_words)."""
    return word.lower() in vocabulary().evidence["number_words"]


def counts(forms: frozenset, text_norm: str) -> bool:
    """A sentence (normalised) holds a number (not a date's or a rank's) within three words of a form of the
    noun counted ('33 الف برميل', 'more than 800 of its citizens')."""
    # ('Thirty-seven Arab and foreign countries': a number written in two words is read at its last one, and 'and'
    # between the number and its noun joins two of the noun's qualifiers, not another count)
    words = [w for w in re.findall(r"[\w.,%]+", _undated(text_norm, forms)) if w not in ("and", "or")]
    nums = [i for i, w in enumerate(words) if (has_number(w) or _number_word(w))
            and not (i + 1 < len(words) and _number_word(words[i + 1]) and _number_word(w))]
    if not nums:
        return False
    nouns = [i for i, w in enumerate(words) if any(_same_word(t, f) for t in tokens(w) for f in forms)]
    # The counted noun follows its number ('مئات الجنود', '800 of its citizens'), or follows 'عدد'/'number'
    # before it ('عدد العراقيين بلغ 500'); 'مع العراق مئات الجنود' counts soldiers.
    return any(0 < j - i <= 3 or (0 < i - j <= 3 and j > 0 and words[j - 1] in ("عدد", "number", "total"))
               for i in nums for j in nouns)


def count_years(forms: frozenset, text_norm: str) -> set[str]:
    """The numbers that look like years but count the noun counted: a year's digits right before a form of it
    ('1905 عسكريين', '1905 من الضباط', '2000 soldiers'): a count, not the year of what the sentence reports."""
    if not forms:
        return set()
    words = re.findall(r"[\w.,%]+", text_norm)
    return {w for i, w in enumerate(words) if _YEAR.fullmatch(w) and any(
        _same_word(t, f) for x in words[i + 1:i + 1 + COUNT_REACH] for t in tokens(x) for f in forms)}


COUNT_REACH = 2  # words between a count and its noun ('1905 من الضباط')


def counted_country(q: Question) -> tuple[str, frozenset]:
    """The country whose word qualifies the noun a question counts ('كم طائرة عراقية', 'how many Iraqi planes'),
    with the forms (tokens) of that noun; ('', ∅) when none does."""
    if expected_type(q) != "number":
        return "", frozenset()
    m = vocabulary().counted.search(q.normalized)
    if not m:
        return "", frozenset()
    rest = re.findall(r"[\w'-]+", q.normalized[m.end():])
    if q.language == "en":  # "how many Iraqi officers": the country word, then the noun
        forms, _ = counted_forms(q)
        near = rest[:2]
    else:  # "كم طائرة عراقية", "كم فريقا عراقيا": the noun, then the country word
        forms, near = frozenset(tokens(rest[0])[:1]) if rest else frozenset(), rest[1:2]
        forms |= glossary_forms(list(forms))  # (data/glossary.json: an English sentence's noun too)
    for country, cforms in vocabulary().countries.items():
        if any(_country_word(w, cforms) for w in near):
            return country, forms
    return "", frozenset()


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[str, str, re.Pattern], ...]:
    """The cities and provinces of the domain data (rag/domain/data/officials.json places, not the two countries):
    (English name, first Arabic form, a pattern of their normalised forms as whole words)."""
    from ..domain.people import load_officials
    out = []
    for p in load_officials().places:
        if p.en in ("Iraq", "Syria"):
            continue
        forms = sorted({normalize(f) for f in p.forms if normalize(f)}, key=len, reverse=True)
        ar = next((f for f in p.forms if re.search(r"[\u0600-\u06ff]", f)), p.en)
        out.append((p.en, ar, re.compile(r"(?<!\w)(?:[وفبل]|لل)?(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")))
    return tuple(out)


def names_place(q: Question, text_norm: str) -> bool:
    """Where: the sentence names a city, province or crossing of the domain's tables that the question does not ("in
    Doha"; not "in Qatar" for "in which city", a country being no place of the tables)."""
    return bool(set(places_named(text_norm)) - set(places_named(q.normalized)))


def places_named(text_norm: str) -> dict[str, str]:
    """The domain's cities and provinces a normalised text names: English name -> its Arabic form."""
    return {en: ar for en, ar, rx in _places() if rx.search(text_norm)}


def without_routes(text: str) -> str:
    """The text (as written) with its routes blanked: two of the domain's places joined by a dash name a pipeline,
    a road or a crossing ('خط كركوك – بانياس', 'the al-Qaim–al-Bukamal crossing'), not where anyone went."""
    norm, where = normalize_with_map(text)
    found = [m.span() for _, _, rx in _places() for m in rx.finditer(norm)]
    for a0, a1 in found:
        for b0, b1 in found:
            if a1 <= b0 and _ROUTE_DASH.fullmatch(norm[a1:b0]):
                start, end = where[a0], (where[b1] if b1 < len(where) else len(text))
                text = text[:start] + " " * (end - start) + text[end:]
    return text


_ROUTE_DASH = re.compile(r"\s*[-–—]\s*(?:ال)?")  # between a route's two ends ('al-Qaim–al-Bukamal')


def _country_word(word: str, cforms: frozenset) -> bool:
    """A (normalised) word is a form of a country's word, with its prefixes or an accusative alif ('عراقيا')."""
    return any(w in cforms or _stripped(w) in cforms for w in (word, word.removesuffix("ا")))


def counts_of_country(forms: frozenset, country: str, text_norm: str) -> bool:
    """A sentence counts the noun as `counts` does, with the country's word within six words after the noun (in English, before it too)
    ('16 طائرة من سوريا وتركيا' does not count Iraqi planes; '20 Iraqi teams', 'فرق اطفاء عراقية' do)."""
    cforms = vocabulary().countries.get(country, frozenset())
    words = re.findall(r"[\w.,%'-]+", _undated(text_norm, forms))
    nouns = [i for i, w in enumerate(words) if any(_same_word(t, f) for t in tokens(w) for f in forms)]
    # in Arabic the country follows its noun ('طائرات عراقية', 'طائرات من العراق'); in English it may come before
    if any(_country_word(w, cforms) for j in nouns
           for w in words[(j if re.match(r"[\u0600-\u06ff]", words[j]) else max(0, j - 6)):j + 6]):
        return True
    # An Arabic sentence whose verb has the country for subject ('وشارك العراق … بنحو مئة ضابط') counts its own, when
    # it names no other country of the vocabulary
    others = {w for c, f in vocabulary().countries.items() if c != country for w in f}
    return bool(nouns) and bool(words) and bool(re.match(r"[\u0600-\u06ff]", words[0])) and \
        any(_country_word(w, cforms) for w in words[1:3]) and not any(_country_word(w, others) for w in words)


def _stripped(word: str) -> str:
    for p in ("وال", "بال", "لل", "ال", "و", "ب", "ل"):
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):] if word[len(p):] else word
    return word


def _without(text_norm: str, question_norm: str) -> str:
    """The sentence without the words (and numbers) the question already holds."""
    qwords = set(re.findall(r"\w+", question_norm))
    return " ".join(w for w in re.findall(r"\w+", text_norm) if w not in qwords)


_CAPITALISED = re.compile(r"(?<![\w'-])([A-Z][a-z]+(?:[- ](?:al-|el-|bin |abu |abd |abdul )?[A-Z][a-z]+)*)")


def unknown_names(q: Question, corpus_has) -> list[str]:
    """Names a question uses that the library never mentions: for an English question, capitalised words
    (not the first word, not known names or general words) that no article holds; for an Arabic question,
    two or more consecutive words no article holds. `corpus_has(token)` says whether any article holds a
    (normalised) token."""
    out: list[str] = []
    if q.language == "en":
        aliases = {a for al in NAMES.values() for a in al}
        for run, words in _capitalised(q):
            words = [w for w in words if w.lower() not in aliases]
            # A name is known when each of its words is (Mohammed is, Mohammed al-Bashir may not be).
            if words and not all(corpus_has(normalize(w)) or _known_in_arabic(w, corpus_has) for w in words):
                out.append(run)
        return out
    # Arabic: a name the library lacks reads as two or more unknown words, a later one with ال (قاسم الاعرجي).
    run: list[str] = []
    for w in re.findall(r"\w+", q.normalized)[1:] + [""]:  # not from the first word (ماهي, a question word)
        t = tokens(w)
        if w and len(w) >= 4 and not w.isdigit() and t and not any(corpus_has(x) or corpus_has(stem(x)) or
                                                                      any(corpus_has(e) for e in english_of(x))
                                                                      for x in t) \
                and (run or w[0] not in "يت"):  # a name does not start like a verb (يسلط الضوء, تقبل الحل)
            run.append(w)
            continue
        if len(run) >= 2 and not run[0].startswith("ال") and any(x.startswith("ال") for x in run[1:]):
            out.append(" ".join(run))
        run = []
    return out


# Items are split at commas, "and", and the attached و of Arabic (not the و that starts وزير, وفد, وكالة …).
@lru_cache(maxsize=1)
def official_forms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """For each word of the English name of an official or place in the domain data (rag/domain/data), the
    Arabic forms (as tokens) of the officials and places whose English name holds it."""
    from ..domain.people import load_officials
    o = load_officials()
    out: dict[str, set[tuple[str, ...]]] = {}
    for x in (*o.people, *o.places):
        forms = {tuple(tokens(f)) for f in ((x.name, *x.variants) if hasattr(x, "variants") else x.forms) if tokens(f)}
        for w in re.findall(r"[A-Za-z]+", x.en):
            out.setdefault(w.lower(), set()).update(forms)
    return {w: tuple(fs) for w, fs in out.items()}


def _known_in_arabic(word: str, corpus_has) -> bool:
    """An English word of an official's or place's name whose Arabic form the library holds."""
    return any(all(corpus_has(t) for t in form) for form in official_forms().get(word.lower(), ()))


_SPLIT = re.compile(r"\s*[،,;؛]\s*|\s+(?:and|or)\s+|\s+و(?!(?:زير|زار|فد|كال|لاي|طن|سط|قت|ضع|صول|جود|حد|ثيق)\w*)"
                    r"(?=[^\W\d_]{3,})")


_LIST_END = re.compile(r"\s(?:في|خلال|حيث|الذي|التي|which|where|during|in order)\s")


_LEADING_WAW = re.compile(r"^و(?!(?:زير|زار|فد|كال|لاي|طن|سط|قت|ضع|صول|جود|حد|ثيق)\w*)(?=\w{3})")


def list_items(sentence: str) -> list[str]:
    """The items of a list inside a sentence, after a list opener ('بحضور أ وب وج', 'ملفات الحدود والهول
    والسجون', 'including A, B and C'): two to eight items of at most six words each, as written; else []."""
    openers = vocabulary().list_openers
    norm, where = normalize_with_map(sentence)
    best = -1
    for op in openers:
        m = re.search(r"(?<!\w)[وب]?" + re.escape(op) + r"(?!\w)", norm)
        if m and (best < 0 or m.end() < best):
            best = m.end()
    if best < 0:
        return []
    # an opener right after it goes with it ("يضم ممثلين عن", "included representatives of")
    chained = True
    while chained:
        chained = False
        for op in openers:
            m = re.compile(r"\s*[وب]?" + re.escape(op) + r"(?!\w)").match(norm, best)
            if m and m.end() > best:
                best, chained = m.end(), True
    tail = sentence[where[best] if best < len(where) else len(sentence):].strip(" :،,.؟?»\"")
    tail = re.split(r"[.؟?!؛;]", tail)[0]
    # The list ends at a clause after it ("… وج في قصر الشعب", "…, where"), not at one inside its first item
    # ("ممثلين عن قيادة قوات الحدود في وزارة الداخلية، ووزارتي النفط والتجارة"): the first such word after an item
    # separator.
    for m in _LIST_END.finditer(tail):
        if _SPLIT.search(tail[:m.start()]):
            tail = tail[:m.start()]
            break
    items = [_LEADING_WAW.sub("", i.strip(" :،,.«»\"'")) for i in _SPLIT.split(tail)]
    items = [i for i in items if i and len(i.split()) <= 6]
    return items if 2 <= len(items) <= 6 else []


def status_of(text_norm: str) -> str:
    """The status other than 'happened' a (normalised) text gives an act ('postponed', 'planned', …), or ''."""
    for status, rx in vocabulary().statuses.items():
        if rx.search(text_norm):
            return status
    return ""


@lru_cache(maxsize=1)
def _asked_statuses() -> dict[str, re.Pattern]:
    data = answer_data().get("asked_statuses", {})
    return {k: re.compile(r"(?<!\w)[وف]?(?:" + "|".join(re.escape(normalize(w)) for w in ws) + r")(?!\w)")
            for k, ws in data.items()}


def asked_status(q: Question) -> str:
    """The status the question itself gives the act it asks about ('when was the visit postponed', 'before it was
    called off', 'لماذا أُجّلت زيارة …'): `statuses`, or the question-only whole words of `asked_statuses`; ''."""
    return status_of(q.normalized) or next((k for k, rx in _asked_statuses().items() if rx.search(q.normalized)), "")


@lru_cache(maxsize=1)
def _outlets() -> dict[str, re.Pattern]:
    data = answer_data().get("outlets", {})
    return {name: re.compile(r"(?<!\w)[وبل]?(?:" + "|".join(re.escape(normalize(f)) for f in forms) + r")(?!\w)")
            for name, forms in data.items()}


def outlets_named(text_norm: str) -> set[str]:
    """The news outlets (answer_types.json `outlets`) a normalised text names."""
    return {name for name, rx in _outlets().items() if rx.search(text_norm)}


@lru_cache(maxsize=1)
def _lasts() -> tuple[re.Pattern, re.Pattern]:
    data = answer_data()
    return re.compile(data.get("asks_last", r"(?!)"), re.I), re.compile(data.get("says_last", r"(?!)"), re.I)


def asks_last(q: Question) -> bool:
    """The question asks about the last or final one of something (answer_types.json `asks_last`)."""
    return bool(_lasts()[0].search(q.normalized))


def says_last(text_norm: str) -> bool:
    """A (normalised) sentence says something was the last or final one (answer_types.json `says_last`)."""
    return bool(_lasts()[1].search(text_norm))


@lru_cache(maxsize=1)
def _describe() -> re.Pattern:
    return re.compile(answer_data().get("asks_description", r"(?!)"), re.I)


def asks_description(q: Question) -> bool:
    """The question asks how someone described something (answer_types.json `asks_description`)."""
    return bool(_describe().search(q.normalized))


# A phrase the question quotes: in double quotes, guillemets, curly quotes, or single quotes that open after a space
# and close before a non-letter ('ambiguous'; not the apostrophe of "al-Shatri's").
_QUOTE = re.compile(r'["“«]([^"“”«»]{2,80})["”»]|(?<![\w])[\'‘]([^\'‘’]{2,80}?)[\'’](?!\w)')


def _words(text_norm: str) -> list[str]:
    return re.findall(r"\w+", text_norm)


def quoted_phrases(q: Question) -> list[tuple[str, ...]]:
    """The phrases a question quotes as said or called ('called the results "ambiguous"', 'بأنها "عملية وتنفيذية"'),
    each as its normalised words; a quote of fewer than four letters quotes nothing, nor does a quoted name or
    title (no cue of saying or calling before it, answer_types.json `quote_cues`)."""
    out = []
    cues = _quote_cues()
    for m in _QUOTE.finditer(q.normalized):
        words = tuple(_words(m.group(1) or m.group(2)))
        before = _words(q.normalized[:m.start()])
        # (said or called: a cue word of `quote_cues` before it in the question, or "بـ" on it)
        said = any(w in cues for w in before) or q.normalized[max(0, m.start() - 2):m.start()].strip() in ("ب", "بـ")
        if words and sum(map(len, words)) >= 4 and said:
            out.append(words)
    return out


@lru_cache(maxsize=1)
def _quote_cues() -> frozenset:
    return frozenset(normalize(w) for w in answer_data().get("quote_cues", ())
                     if not w.startswith("_comment"))


def holds_quote(phrases: list[tuple[str, ...]], text_norm: str) -> bool:
    """A (normalised) sentence holds every phrase the question quotes, word for word in order (a word may carry
    a one-letter prefix: 'بـ"عملية'). None quoted: False."""
    if not phrases:
        return False
    words = _words(text_norm)

    def at(i: int, phrase: tuple[str, ...]) -> bool:
        return all(i + k < len(words) and (words[i + k] == w or (len(words[i + k]) == len(w) + 1
                                                                     and words[i + k].endswith(w)))
                   for k, w in enumerate(phrase))
    return all(any(at(i, p) for i in range(len(words))) for p in phrases)


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset:
    return frozenset(normalize(w) for w in answer_data().get("organisation_qualifiers", ()))


def organisation_role(q: Question, forms: tuple[tuple[str, ...], ...]) -> bool:
    """The role the question asks about is an organisation's ('المبعوث الأممي إلى سوريا', 'the UN envoy to Syria'):
    a word of `organisation_qualifiers` within two words of it. The country the question names is then where the
    role serves, not whose it is: no sentence is 'the other country's'."""
    words = re.findall(r"[\w'.]+", q.normalized)
    orgs = _organisation_words()
    spots = [(i, len(form)) for form in forms for i in range(len(words) - len(form) + 1)
             if all(_matches(words[i + j], form[j]) for j in range(len(form)))]
    return any(w in orgs or w.removeprefix("و") in orgs for i, n in spots
               for w in words[max(0, i - 2):i] + words[i + n:i + n + 2])


_MONTH_WORD = re.compile(rf"(?<!\w)(?:[وفب]|في\s+)?({'|'.join(sorted((re.escape(m) for m in MONTHS if len(m) >= 4 and m != 'march'), key=len, reverse=True))})(?!\w)"
                         rf"|(?<!\w)({MONTH_ALT})\.?\s*(?=\d{{1,2}}(?!\d))"
                         # ('may' and 'march' after a preposition of time: 'the summit in May', 'since March')
                         rf"|(?<!\w)(?:in|since|until|by|early|late|mid|last|next|from)\s+(may|march)(?!\w)")


def months_named(text_norm: str) -> set[int]:
    """The months a normalised text names at all ('في نيسان الماضي', 'in April', 'Apr. 15'; a short or ambiguous
    form only before a day: 'اب', 'may', 'march', 'apr' alone are not months)."""
    found = {MONTHS[m.group(1) or m.group(2) or m.group(3)] for m in _MONTH_WORD.finditer(text_norm)}
    if (rx := _qualified_month()) is not None:  # ('من آب الماضي': a short form with its qualifier, answers22)
        found |= {MONTHS[m.group(1)] for m in rx.finditer(text_norm)}
    return found


@lru_cache(maxsize=1)
def _qualified_month() -> re.Pattern | None:
    words = [normalize(w) for w in answer_data().get("month_qualifiers", ())]
    if not words:
        return None
    short = [m for m in MONTHS if len(m) < 4 and not re.match(r"[a-z]", m)]
    return re.compile(rf"(?<!\w)(?:[وفب]|في\s+|من\s+)?({'|'.join(re.escape(m) for m in short)})\s+"
                      rf"(?:{'|'.join(re.escape(w) for w in words)})(?!\w)") if short else None


def months_with_day(text_norm: str) -> set[int]:
    """The months a normalised text names with a day ('15 نيسان', 'April 15')."""
    return {MONTHS[k] for m in _DAY_MONTH.finditer(text_norm) for k in MONTHS
            if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", m.group(0))}


@lru_cache(maxsize=1)
def _outcome() -> re.Pattern:
    return re.compile(answer_data().get("asks_outcome", r"(?!)"), re.I)


def asks_outcome(q: Question) -> bool:
    """The question asks what an act produced: its results or outcome (answer_types.json `asks_outcome`)."""
    return bool(_outcome().search(q.normalized))


_SINCE_YEAR = re.compile(r"(?<!\w)(?:since|منذ|مند)\s+(?:(?:early|late|mid|the\s+end\s+of|عام|العام|سنه|مطلع|اواخر|نهايه|منتصف)\s+)*"
                         rf"(?:(?:{MONTH_ALT})\s+)?(?:19|20)\d\d(?!\d)")


def act_years(text_norm: str) -> set[str]:
    """The years a (normalised) sentence names, but those after 'since' / 'منذ' ('idle since 2003', 'منذ عام 2011'):
    the year a state began is not the year of what the sentence reports."""
    return years_of(_SINCE_YEAR.sub(" ", text_norm))


WITHHELD_REACH = 10  # words after a cue of `withheld` within which the kind of answer withheld is named


@lru_cache(maxsize=1)
def _withheld() -> tuple[re.Pattern, re.Pattern, re.Pattern, dict[str, tuple[str, ...]]]:
    data = answer_data().get("withheld", {})
    cues = sorted((normalize(w) for w in data.get("cues", [])), key=len, reverse=True)
    none = sorted((normalize(w) for w in data.get("none", [])), key=len, reverse=True)
    kinds = {k: tuple(normalize(w) for w in ws) for k, ws in data.get("kinds", {}).items()}
    cue_rx = re.compile(r"(?<!\w)[وف]?(?:" + ("|".join(map(re.escape, cues)) or "(?!)") + r")(?!\w)((?:\W+\w+){0,%d})" % WITHHELD_REACH)
    none_rx = re.compile(r"(?<!\w)(?:" + ("|".join(map(re.escape, none)) or "(?!)") + r")\s+((?:[\w'-]+(?:\s*,\s*|\s+(?:or|and|nor)\s+)?)+)")
    after = sorted((normalize(w) for w in data.get("after", [])), key=len, reverse=True)
    after_rx = re.compile(r"((?:\w+\W+){1,3})(?:" + ("|".join(map(re.escape, after)) or "(?!)") + r")(?!\w)")
    return cue_rx, none_rx, after_rx, kinds


def _kind_word(word: str, phrase: str, kind_words: tuple[str, ...]) -> bool:
    if any(" " in k and re.search(rf"(?<!\w){re.escape(k)}(?!\w)", phrase) for k in kind_words):
        return True
    if word.isascii():
        return word in kind_words
    bare = re.sub(r"^(?:[وفبل]?ال|[وفبل]{1,2})(?=\w{3})", "", word)
    return any(k for k in kind_words if not k.isascii() and (word.startswith(k) or bare.startswith(k)))


def mentions_counted(forms: frozenset, text_norm: str) -> bool:
    """A sentence (normalised) names the noun a question counts, in any form (with or without a number)."""
    return any(_same_word(t, f) for w in re.findall(r"[\w']+", text_norm) for t in tokens(w) for f in forms)


def withheld(kind: str, text_norm: str) -> bool:
    """The (normalised) sentence says that the kind of answer asked was not given: 'did not say when …', 'No date,
    membership or venue … was given', 'ولم يحدد البيان مكان تنفيذ العملية ولا تاريخها' (answer_types.json
    `withheld`)."""
    cue_rx, none_rx, after_rx, kinds = _withheld()
    words = kinds.get(kind)
    if not words:
        return False
    for m in cue_rx.finditer(text_norm):
        tail = m.group(1)
        if any(_kind_word(w, tail, words) for w in re.findall(r"\w+", tail)):
            return True
    for m in after_rx.finditer(text_norm):  # "the raid's date is not given": the kind's word just before
        if any(_kind_word(w, m.group(1), words) for w in re.findall(r"\w+", m.group(1))):
            return True
    every = {w for ws in kinds.values() for w in ws}
    for m in none_rx.finditer(text_norm):  # "no date, membership or venue": the listed words right after "no"
        listed = []
        for w in re.findall(r"[\w'-]+", m.group(1)):
            if w in ("or", "and", "nor"):
                continue
            if not _kind_word(w, w, tuple(every)):
                break
            listed.append(w)
        if any(_kind_word(w, w, words) for w in listed):
            return True
    return False


@lru_cache(maxsize=1)
def _announcement() -> re.Pattern | None:
    rx = answer_data().get("asks_announcement")
    return re.compile(rx) if rx else None


def asks_announcement(q: Question) -> bool:
    """A date question about when an act was announced, disclosed or confirmed (answer_types.json
    `asks_announcement`): the date asked is the announcement's, not the act's."""
    rx = _announcement()
    return rx is not None and bool(rx.search(q.normalized))


def withheld_acts(kind: str, text_norm: str) -> set[str]:
    """The acts (`relations`) named after the kind withheld by a cue ('without giving a date for the trip': a
    visit): what the sentence says was not given is of that act."""
    cue_rx, _, _, kinds = _withheld()
    words = kinds.get(kind) or ()
    acts: set[str] = set()
    for m in cue_rx.finditer(text_norm):
        tail = m.group(1)
        found = re.findall(r"\w+", tail)
        at = next((i for i, w in enumerate(found) if _kind_word(w, w, words)), None)
        if at is not None:
            rest = " ".join(found[at + 1:])
            acts |= relations(set(tokens(rest)) | set(found[at + 1:]), rest, implied=False)
    return acts


@lru_cache(maxsize=1)
def _future() -> re.Pattern:
    return re.compile(answer_data().get("asks_future", r"(?!)"), re.I)


@lru_cache(maxsize=1)
def _before_words() -> re.Pattern | None:
    data = answer_data().get("before_words", {})
    words = [normalize(w) for lang in ("en", "ar") for w in data.get(lang, ())]
    if not words:
        return None
    # (an Arabic word ending in a joined preposition, 'تمهيدا ل', takes the next word whole: 'تمهيدا لزيارة')
    alt = "|".join(re.escape(w) + ("" if w.endswith(" ل") else r"(?!\w)")
                   for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)[وف]?(?:{alt})")


BEFORE_REACH = 4  # words after a word of 'before' that may tell the act it places the question before


def before_acts(q: Question, acts: set[str] | frozenset) -> set[str]:
    """Those of `acts` the question asks about something before ('what did the Syrian side ask before al-Shaibani's
    visit', 'ماذا طلب … قبل زيارة الشيباني'; answer_types.json `before_words`): such an act is not presupposed to have
    taken place."""
    rx = _before_words()
    out: set[str] = set()
    if rx is None or not acts:
        return out
    for m in rx.finditer(q.normalized):
        after = " ".join(q.normalized[m.end():].split()[:BEFORE_REACH])
        out |= set(acts) & relations(frozenset(tokens(after)), after)
    return out


def speaks_future(text_norm: str) -> bool:
    """answers22: a (normalised) sentence speaks of what is to come (the words of `asks_future`: 'the summit that
    Baghdad will host')."""
    return bool(_future().search(text_norm))


def asks_future(q: Question) -> bool:
    """The question speaks of what is to come ('what will X discuss', 'ماذا سيبحث'): answer_types.json
    `asks_future`."""
    return bool(_future().search(q.normalized))


OFFICIAL_REACH = 3  # words between a country's word and the official's word it qualifies


@lru_cache(maxsize=1)
def _official_heads() -> frozenset:
    return frozenset(normalize(w) for w in answer_data().get("official_heads", ()))


def _official_word(word: str) -> bool:
    heads = _official_heads()
    return word in heads or _stripped(word) in heads or word.removesuffix("s") in heads


def _country_beside_official(country: str, text_norm: str, adjective: bool = False) -> bool:
    cforms = vocabulary().countries.get(country, frozenset())
    names = frozenset()
    if adjective:  # the country's adjective ('Syrian official', 'مسؤول سوري'), not its name ('visited Syria')
        names = frozenset(normalize(w) for w in answer_data().get("country_names", ()))
        cforms = cforms - names
    words = re.findall(r"[\w']+", text_norm)
    return any(w not in names and _stripped(w) not in names and _country_word(w, cforms) and any(_official_word(x) for x in words[max(0, i - OFFICIAL_REACH):i + OFFICIAL_REACH + 1])
               for i, w in enumerate(words))


def asked_official_country(q: Question, lists: bool = False) -> str:
    """For a person question asking for one country's official ('Which Syrian official …', 'أي مسؤول سوري …', 'Which
    Syrian interior minister …'): that country ('Syria', 'Iraq'); else ''. The country's word stands within
    OFFICIAL_REACH words of an official's word (answer_types.json `official_heads`) in the question's first words
    (the person asked for, not the contact's place: 'Which official visited Syria'). `lists`: a list question's
    people too ('Which Iraqi ministers did X meet', answers22)."""
    if expected_type(q) != "person" and not (lists and expected_type(q) == "list" and asks_people(q)):
        return ""
    words = re.findall(r"[\w']+", q.normalized)[:6]
    names = {normalize(w) for w in answer_data().get("country_names", ())}
    asked = set()
    for c, forms in vocabulary().countries.items():
        adjectives = forms - names
        for i, w in enumerate(words):
            if w in names or _stripped(w) in names or not _country_word(w, adjectives):
                continue
            # the adjective before the official's word in English ('Which Syrian (interior) minister'), after it in
            # Arabic ('أي مسؤول سوري', 'من وزير الداخلية السوري'), among the question's first words
            # ('Whom did Iraqi Foreign Minister Fuad Hussein call' asks for no Iraqi: the adjective right after the
            # question word, or after 'who is the')
            en_asked = i == 1 and words[0] in ("which", "what") or i == 3 and words[0] == "who" and words[2] == "the"
            # (the official's word right after the adjective, or after a title word: 'Which Syrian interior minister';
            # not after a name the adjective begins: 'the Iraqi Airways spokesman' is the carrier's, no country's)
            en_asked = en_asked and (_official_word(words[i + 1] if i + 1 < len(words) else "") or (
                not _named_after(str(q), i) and any(_official_word(x) for x in words[i + 2:i + 3])))
            if (q.language == "en" and en_asked and any(_official_word(x) for x in words[i + 1:i + 3])) or (
                    q.language == "ar" and words[0] in ("اي", "من", "ما") and
                    any(_official_word(x) for x in words[max(0, i - 2):i] if words.index(x) <= 2)):
                asked.add(c)
    return next(iter(asked)) if len(asked) == 1 else ""


def asks_people(q: Question) -> bool:
    """A list question whose items are people ('Which Iraqi ministers held talks …', 'Which leaders received …', 'من
    التقى …'): a word of answer_types.json `people_heads` among its first words."""
    heads = frozenset(normalize(w) for w in answer_data().get("people_heads", ()))
    words = re.findall(r"[\w']+", q.normalized)[:4]
    return any(w in heads or _stripped(w) in heads for w in words)


def _named_after(question: str, i: int) -> bool:
    """The question's word after its i-th (an English country adjective) is capitalised and no title word: the two
    begin a name ('Iraqi Airways', 'Syrian Democratic Forces'), not an official's title ('Syrian Interior Minister')."""
    words = re.findall(r"[\w']+", question)
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return nxt[:1].isupper() and nxt.lower() not in vocabulary().titles


def names_official_of(q: Question, country: str, text_norm: str) -> bool:
    """The sentence (normalised) names an official of the country: one the tables know (not named by the question),
    or the country's word beside an official's word."""
    from ..domain.names import PEOPLE, arabic_names, english_names
    of = _countries_of_people()
    key = {"Iraq": "Iraq", "Syria": "Syria"}.get(country, country)
    own = set(q.entities)
    if any(of.get(n) == key for n in arabic_names(text_norm) + english_names(text_norm) if n in PEOPLE and n not in own):
        return True
    return _country_beside_official(country, text_norm, adjective=True)


PROXY_REACH = 5  # words before a person's name within which a word of acting for him makes the mention his principal's


@lru_cache(maxsize=1)
def _proxy_cues() -> tuple[frozenset, frozenset]:
    data = answer_data().get("proxy_cues", {})
    return (frozenset(normalize(w) for w in data.get("before", ())),
            frozenset(normalize(w) for w in data.get("after", ())))


@lru_cache(maxsize=1)
def _sender_words() -> tuple[frozenset, ...]:
    """`proxy_cues`' verbs of sending (Arabic before the sender, English after him), and the title heads and sides
    that make someone else the sender: `sender_before`, `sender_after`, `sender_titles`, `sender_sides`."""
    data = answer_data().get("proxy_cues", {})
    return tuple(frozenset(normalize(w) for w in data.get(k, ()))
                 for k in ("sender_before", "sender_after", "sender_titles", "sender_sides"))


def principal_only(forms: list[set[str]], text: str, normalized: str | None = None) -> bool:
    """A sentence names the person (by one of his forms' word sets) only as someone another acts for: each mention
    has, within PROXY_REACH words before it, a word of acting for him ('المبعوث الخاص لرئيس الوزراء العراقي محمد
    شياع السوداني', 'بتوجيه من', 'on behalf of'), or right after it one of his envoy ("al-Sudani's envoy";
    answer_types.json `proxy_cues`). False when the sentence does not name him. `normalized`: the text's normalised
    form when it is already made (a question's: it is normalised once)."""
    before, after = _proxy_cues()
    words = re.findall(r"[\w']+", normalize(text) if normalized is None else normalized)
    toks = [set(tokens(w)) for w in words]
    spans = []
    for form in forms:
        n = len(form)
        for i in range(len(words)):
            if toks[i] & form and form <= set().union(*toks[i:i + n + 1]):
                last = max(k for k in range(i, min(len(words), i + n + 1)) if toks[k] & form)
                spans.append((i, last + 1))
    if not spans:
        return False
    mentions: list[list[int]] = []  # overlapping spans are one mention ('محمد شياع السوداني', 'السوداني')
    for i, j in sorted(spans):
        if mentions and i < mentions[-1][1]:
            mentions[-1][1] = max(mentions[-1][1], j)
        else:
            mentions.append([i, j])

    def cue(w: str) -> bool:
        return w in before or _stripped(w) in before or w.removeprefix("ل") in before

    sent_before, sent_after, titles, sides = _sender_words()

    def sender(i: int, j: int) -> bool:
        """The subject of a verb of sending someone ('أوفد رئيس الوزراء محمد شياع السوداني رئيس جهاز المخابرات …
        إلى دمشق', 'al-Sudani sent his intelligence chief'): the one sent went, not he. In Arabic the first person
        named after the verb (no listed person between), in English the name right before it."""
        from ..domain.names import PEOPLE, arabic_names
        for k in range(max(0, i - PROXY_REACH), i):
            if words[k] in sent_before or words[k].removeprefix("و") in sent_before or \
                    words[k].removeprefix("ف") in sent_before:
                between = words[k + 1:i]
                # (a side right after the verb, or a title before the one he holds, is the sender: "أرسل العراق
                # مستشار الأمن القومي قاسم الأعرجي", "أوفد رئيس الوزراء وزير الخارجية فؤاد حسين": he was sent)
                if between and (between[0] in sides or sum(w.removeprefix("ال") in titles for w in between) >= 2):
                    return False
                return not any(n in PEOPLE for n in arabic_names(" ".join(between)))
        return j < len(words) and words[j] in sent_after

    def acted_for(i: int, j: int) -> bool:
        possessive = any(w.endswith("'s") for w in words[i:j])
        return any(cue(w) for w in words[max(0, i - PROXY_REACH):i]) or (
            possessive and any(w in after for w in words[j:j + 2])) or sender(i, j)

    return all(acted_for(i, j) for i, j in mentions)


@lru_cache(maxsize=1)
def _open_periods() -> re.Pattern:
    words = sorted({normalize(w) for w in answer_data().get("open_periods", [])}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


def before_office(q: Question) -> list[tuple[str, str, str]]:
    """The people a question names (the domain's officials, rag/domain/data/officials.json) who held none of their
    roles until after the period it asks about ends (its year, with its month when it names one), as (English
    name, Arabic name, the first role's start): 'their phone call of 30 December 2023' of a foreign minister in office from
    December 2024. None for a span open on one side ('since 2023', 'before 2025')."""
    import calendar
    years = years_of_time(q)
    if not years or _open_periods().search(q.normalized):
        return []
    y = max(int(x) for x in years)
    months = months_of(q.normalized) if len(years) == 1 else set()
    m = max(months) if months else 12
    end = f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
    from ..domain.names import PEOPLE
    from ..domain.people import load_officials
    known = {n.lower(): p for p in load_officials().people for n in (p.en, *getattr(p, "en_variants", ()))}
    out = []
    for e in q.entities:
        p = known.get(e.lower()) if e in PEOPLE else None
        starts = [r.get("from", "") for r in (p.roles if p else ())]
        if starts and all(s and s > end for s in starts):
            out.append((p.en, p.name, min(starts)))
    return out


@lru_cache(maxsize=1)
def _ordinal_words() -> tuple[dict, dict, dict, dict, frozenset, frozenset, frozenset]:
    data = answer_data().get("ordinals", {})

    def table(key: str) -> dict[str, int]:
        return {normalize(k): v for k, v in data.get(key, {}).items()}
    return (table("en"), table("en_tens"), table("ar"), table("ar_tens"),
            frozenset(normalize(w) for w in data.get("ar_teen", ())),
            frozenset(normalize(w) for w in data.get("not_after", ())),
            frozenset(normalize(w) for w in data.get("session_words", ())))


_EN_RANK = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$")


def _arabic_rank_base(word: str) -> str:
    """The word of an Arabic rank without its article and a joined و, ب or ل ('والثانية' → 'ثانيه'); '' when the
    word has no article (a rank is definite: 'الدورة الثالثة')."""
    for prefix in ("ال", "وال", "بال", "لل", "فال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix):]
    return ""


def ordinals_at(text_norm: str) -> list[tuple[int, int]]:
    """The ranks a normalised text names, as (word position, value): '13th', 'thirteenth', 'sixty-second',
    'الثالثة عشرة', 'الثانية والستين' (answer_types.json `ordinals`); not a month's name ('كانون الأول')."""
    en, en_tens, ar, ar_tens, teen, not_after, _ = _ordinal_words()
    words = re.findall(r"\w+", text_norm)
    out: list[tuple[int, int]] = []
    joined = -1  # the tens word a unit before it took ('الثانية والستين' is one rank)
    for i, w in enumerate(words):
        if i == joined:
            continue
        if (m := _EN_RANK.match(w)):
            out.append((i, int(m.group(1))))
        elif w in en:
            v = en[w]
            out.append((i, v + en_tens[words[i - 1]] if v < 10 and i and words[i - 1] in en_tens else v))
        elif (base := _arabic_rank_base(w)) in ar and not (i and words[i - 1] in not_after):
            v = ar[base]
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if v < 10 and nxt in teen:
                v += 10
            elif v < 10 and (tens := _arabic_rank_base(nxt)) in ar_tens and nxt.startswith("و"):
                v, joined = v + ar_tens[tens], i + 1
            out.append((i, v))
    return out


def ordinals_of(text_norm: str) -> set[int]:
    """The values of the ranks a normalised text names."""
    return {v for _, v in ordinals_at(text_norm)}


def asked_ordinals(q: Question) -> set[int]:
    """The ranks a question asks about ('the 13th session', 'الدفعة الرابعة', 'the 62nd fair'): those of two or
    more, or the first session or meeting of a body when it names no person ('الاجتماع الأول للجنة'; 'their first
    meeting' of two people is told without the word); a sentence answering it holds that rank."""
    from ..domain.names import PEOPLE
    found = ordinals_at(q.normalized)
    ranks = {v for _, v in found if v >= 2}
    if ranks or any(e in PEOPLE for e in q.entities):
        return ranks
    sessions = _ordinal_words()[6]
    words = re.findall(r"\w+", q.normalized)
    # (also with a possessive ending: 'اجتماعه الأول', its first meeting)
    near = lambda i: any(x in sessions or _arabic_rank_base(x) in sessions or x[1:] in sessions
                         for w in words[max(0, i - 2):i + 3] for x in _possessed(w))
    return {1} if any(v == 1 and near(i) for i, v in found) else set()


def _possessed(word: str) -> tuple[str, ...]:
    """An Arabic word and, when it ends in a possessive pronoun ('اجتماعه', 'اجتماعها', 'جلستهم'), the noun without it
    (ة written ه once normalised: 'جلسته' -> 'جلسه')."""
    out = [word]
    for end in ("هما", "هم", "ها", "ه"):
        if word.endswith(end) and len(word) - len(end) >= 3 and re.match(r"[\u0600-\u06ff]", word):
            stem = word[:-len(end)]
            out += [stem, stem[:-1] + "ه"] if stem.endswith("ت") else [stem]
            break
    return tuple(out)


@lru_cache(maxsize=1)
def _unheld_rank_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = answer_data().get("unheld_ranks", {})
    return tuple(normalize(w) for w in data.get("before", ())), tuple(normalize(w) for w in data.get("after", ()))


def unheld_rank(ranks: set[int], text_norm: str) -> bool:
    """A (normalised) sentence says the ranked act asked has not been held or announced: a rank asked with, within
    UNHELD_RANK_REACH words before it, a word of answer_types.json `unheld_ranks` before ('no date, membership or
    first session has been announced', 'لم يُعلن عن اجتماعها الأول'), or within that reach after it one of `after`
    ('its first meeting has not been held'). ('the first session, held on Monday' says nothing of the kind.)"""
    before, after = _unheld_rank_words()
    words = re.findall(r"\w+", text_norm)

    def holds(span: list[str], phrases: tuple[str, ...]) -> bool:
        text = " " + " ".join(span) + " "
        return any(f" {p} " in text for p in phrases)
    return any(v in ranks and (holds(words[max(0, i - UNHELD_RANK_REACH):i], before) or
                               holds(words[i + 1:i + 1 + UNHELD_RANK_REACH], after))
               for i, v in ordinals_at(text_norm))


UNHELD_RANK_REACH = 6  # words between a rank and the words saying it was not held ('no date, membership or first')


@lru_cache(maxsize=1)
def _hypothetical_opens() -> frozenset:
    """Words that, opening a sentence, make it hypothetical: the contacts lexicon's English openers ('Had he …',
    'Were he to …': rag/domain/data/contacts.json status.hypothetical.opens) and answer_types.json
    `hypothetical_opens` ('ولو جلس …، لكان')."""
    from ..domain.lexicon import load_lexicon
    counterfactual = load_lexicon()[0].counterfactual  # (already normalised)
    words = counterfactual.words if counterfactual is not None else frozenset()
    return frozenset(words) | frozenset(normalize(w) for w in answer_data().get("hypothetical_opens", ()))


def opens_hypothetically(text_norm: str) -> bool:
    """A (normalised) sentence opens with a word of a hypothetical ('Had al-Sharaa landed …, he would have',
    'ولو جلس وزير الكهرباء …، لكان'): what it tells did not happen."""
    first = re.match(r"\W*(\w+)", text_norm)
    return first is not None and first.group(1) in _hypothetical_opens()


def role_of_other_country(q: Question, forms: tuple[tuple[str, ...], ...], text_norm: str) -> bool:
    """A question about one country's role ('Iraq's ambassador in Damascus') and a sentence in which every mention
    of that role is qualified, within OFFICIAL_REACH words (after an Arabic role, before or after an English one), by
    the other country's word only ('السفير السوري في بغداد', 'Syria's ambassador'): it names the other country's
    holder, whatever other country words it holds."""
    asked = countries_of(q.normalized)
    if len(asked) != 1:
        return False
    words = re.findall(r"[\w']+", text_norm)
    countries = vocabulary().countries
    mentions = []
    for form in forms:
        n = len(form)
        for i in range(len(words) - n + 1):
            if all(_matches(words[i + j], form[j]) for j in range(n)):
                # (an Arabic role's country follows it, 'السفير السوري', 'سفير العراق': a country word before it
                # qualifies another noun, 'رئيس الجمهورية العراقية السفير …')
                before = [] if re.match(r"[\u0600-\u06ff]", words[i]) else words[max(0, i - OFFICIAL_REACH):i]
                near = before + words[i + n:i + n + OFFICIAL_REACH]
                mentions.append({c for c, cforms in countries.items() if any(_country_word(w, cforms) for w in near)})
    return bool(mentions) and all(m and not (m & asked) for m in mentions)
