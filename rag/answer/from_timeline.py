"""Questions about the contacts as a whole (sets, order, first/last, periods) answered from the timeline's events.

The contacts layer (rag/contacts/) holds the events; this module, on the answer side, reads a question's
filters, queries the timeline and writes the answer with its cited sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from ..contacts.mention import GROUP
from ..contacts.timeline import ContactEvent, contact_timeline
from ..domain.people import IRAQ, SYRIA, load_officials
from ..errors import ModelError
from ..index.retrieve import Hit
from ..models.base import Reply
from ..text.arabic import normalize
from ..text.dates import DMY_NAMED, MONTHS
from .compose import spelled_date
from .expected import answer_data, asks_identity, expected_type, holds_role, named_roles, vocabulary
from .questions import as_question

# ---- answers from the timeline -------------------------------------------------------------------


def holds_asked(forms, phrase: tuple[str, ...], role: str) -> bool:
    """A participant's role (normalised) holds the role asked: its first role word's forms, and the question's role
    words in a row when it has several (`_role_phrase`)."""
    return holds_role(forms, role) and (not phrase or holds_role((phrase,), role))


def _role_phrase(q) -> tuple[str, ...]:
    """The question's role words in a row from its first one, when two or more ("deputy foreign minister", "نائب
    وزير الخارجية"): the phrase a participant's role must hold; () otherwise."""
    roles = vocabulary().roles
    within = set(roles) | {x for forms in roles.values() for form in forms for x in form}  # ("وزير", "minister")
    words = re.findall(r"\w+", q.normalized)
    run: list[str] = []
    for w in words:
        if w in within or (w.startswith("ال") and w[2:] in within):
            if run or w in roles or w[2:] in roles:
                run.append(w)
        elif run:
            break
    # (only a role qualified by the word opening it, answer_types.json `role_modifiers`: "intelligence chief" keeps
    # its forms, which hold its other wordings, "head of … intelligence")
    return tuple(run) if len(run) >= 2 and run[0] in _modifiers() else ()


@lru_cache(maxsize=1)
def _modifiers() -> frozenset[str]:
    return frozenset(normalize(w).lower() for w in answer_data().get("role_modifiers", []))

@dataclass
class TimelineAnswer:
    """An answer built from events: text with [n] markers, and the cited sentences behind each n."""

    text: str
    events: list[ContactEvent]
    citations: list[dict]  # {"n", "source", "chunk_id", "sentences": [{"text", "start", "end", ...}]}
    abstained: bool = False
    filters: dict = field(default_factory=dict)

    def hits(self, library) -> list:
        """The passages (chunks) of the cited sentences, numbered as the answer's markers."""
        chunks = {c.id: c for c in library.store.get_chunks([c["chunk_id"] for c in self.citations], vectors=True)}
        return [Hit(chunks[c["chunk_id"]], 1.0) for c in self.citations if c["chunk_id"] in chunks]

    def provider(self):
        """The answer as a model the answer path can stream (named 'timeline')."""
        answer = self

        class TimelineModel:
            name = "timeline"

            def stream(self, ctx):
                yield answer.text
                yield Reply(answer.text, abstained=answer.abstained)

            def complete(self, text: str) -> str:
                raise ModelError("the timeline answer does not generate text")

        return TimelineModel()


_AGG_AR = re.compile(
    r"(الاتصالات|الزيارات|اللقاءات|الاجتماعات|الوفود|الاتصالات|التواصل|اتصالات|زيارات|لقاءات|اجتماعات)|"
    r"(من اتصل بمن|من زار من|اي المسؤولين|اي مسؤولين|ما المسؤولون|من هم المسؤولون|المسؤولين العراقيين|"
    r"المسؤولين السوريين|مسؤولون? عراقي|مسؤولون? سوري)|"
    r"\b(اول|اخر|احدث|اقدم)\s+(اتصال|زياره|لقاء|تواصل|اجتماع)|\bبالترتيب\b|تسلسل|الجدول الزمني|"
    r"في الربع|خلال الربع|بعد سقوط|منذ سقوط")
_AGG_EN = re.compile(
    r"\b(contacts|visits|calls|meetings|delegations)\b|who (called|visited|phoned) whom|which (iraqi|syrian)? ?officials|"
    r"\b(first|last|latest|earliest|most recent)\b.*\b(contact|visit|call|meeting)\b|\btimeline\b|chronolog|"
    r"\bin order\b|\bquarter\b|after (the )?(fall|collapse) of (the )?(assad|regime)", re.I)
_QUARTER = re.compile(r"(first|second|third|fourth|1st|2nd|3rd|4th|q([1-4]))\s*(quarter)?\s*(of)?\s*(\d{4})|"
                      r"الربع\s+(الاول|الثاني|الثالث|الرابع)\s+(من\s+)?(عام\s+|سنه\s+)?(\d{4})", re.I)
_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
      "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4}
_MONTH_YEAR = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\s+(?:من\s+)?(?:عام\s+)?(\d{4})\b")
_YEAR_ONLY = re.compile(r"(?:\bin|خلال|في|عام|سنه)\s+(?:عام\s+)?(\d{4})\b", re.I)
_FALL = re.compile(r"(بعد|منذ)\s+(سقوط|انهيار)|after (the )?(fall|collapse)|since (the )?(fall|collapse)", re.I)
_FIRST = re.compile(r"(?<!\w)[لب]?(اول|اقدم|first|earliest)\b", re.I)  # لأول مرة: first
_LAST = re.compile(r"(?<!\w)[لب]?(اخر|احدث|last|latest|most recent)\b", re.I)
_KIND_WORDS = [
    ("call", re.compile(r"اتصل|اتصال|هاتف|call|phone", re.I)),
    ("visit", re.compile(r"زار|زياره|زيارات|visit|been to|travel|went to", re.I)),
    ("meeting", re.compile(r"لقاء|لقاءات|اجتماع|التقي|meet|met\b", re.I)),
    ("statement", re.compile(r"تصريح|statement", re.I)),
]
_IRAQI = re.compile(r"عراقي|العراقيين|iraqi", re.I)
_SYRIAN = re.compile(r"سوري|السوريين|syrian", re.I)


def _filters(q: str) -> dict:
    f: dict = {}
    m = _QUARTER.search(q)
    if m:
        n = _Q.get((m.group(1) or "").lower()) or (int(m.group(2)) if m.group(2) else None) or _Q.get(m.group(6) or "")
        year = m.group(5) or m.group(9)
        if n and year:
            f["since"] = f"{year}-{3 * n - 2:02d}-01"
            f["until"] = f"{year}-{3 * n:02d}-31"
    if "since" not in f:
        m2 = _MONTH_YEAR.search(q)
        if m2 and not DMY_NAMED.search(q):
            f["since"] = f"{m2.group(2)}-{MONTHS[m2.group(1)]:02d}"
            f["until"] = f"{m2.group(2)}-{MONTHS[m2.group(1)]:02d}-31"
        else:
            m3 = _YEAR_ONLY.search(q)
            if m3:
                f["since"], f["until"] = f"{m3.group(1)}-01-01", f"{m3.group(1)}-12-31"
    if _FALL.search(q) and "since" not in f:
        f["since"] = "2024-12-08"
    kinds = [k for k, rx in _KIND_WORDS if rx.search(q)]
    if len(kinds) == 1:
        f["kind"] = kinds[0]
    for pl in load_officials().places:  # a city named in the question: contacts there only
        if pl.en not in (IRAQ, SYRIA) and (pl.en.lower() in q or any(re.search(
                r"(?<!\w)[وبلف]?" + re.escape(normalize(x)) + r"(?!\w)", q) for x in pl.forms)):
            f["place"] = pl.en
            break
    if _IRAQI.search(q) and not _SYRIAN.search(q):
        f["country"] = IRAQ
    elif _SYRIAN.search(q) and not _IRAQI.search(q):
        f["country"] = SYRIA
    status = asked_status(q)
    if status:
        f["status"] = status
    q = _QUARTER.sub(" ", q)  # "first quarter" is a period, not "the first contact"
    if _FIRST.search(q):
        f["pick"] = "first"
    elif _LAST.search(q):
        f["pick"] = "last"
    return f


_CONTENT = re.compile(r"\b(ناقش|ناقشت|نوقش|بحث|بحثت|الملفات|ملفات|القضايا|قضايا|لماذا|كيف|ما سبب|"
                      r"discuss\w*|topics?|issues?|about what|why|how)\b", re.I)


def _about_content(q_norm: str) -> bool:
    """The question asks what was said or done in a contact, by a verb of saying, thanking, asking or proposing ('what
    did X thank the Syrians for in that first call', 'بماذا طالب … في أول اتصال'; answer_types.json
    `content_verbs`, whole words): a passage's to answer, not the timeline's."""
    from .expected import answer_data
    verbs = {normalize(w) for name, family in answer_data().get("content_verbs", {}).items() if name != "say"
             for w in family}  # (saying excepted: 'ماذا قال … عن تواصل الوفود' may ask for the contacts themselves)
    return any(w in verbs for w in re.findall(r"\w+", q_norm))


def is_timeline_question(question: str) -> bool:
    """Questions about contacts as a set, in order, firsts and lasts, or in a period (not what they were about).
    Not a yes/no question (whether something happened is a passage's to say, "لم يزر" included), and not one
    whose only link to the contacts is a period ("after the fall of Assad") with no kind of contact named
    ("how many officers fled after the fall")."""
    qq = as_question(question)
    q = qq.normalized
    if _CONTENT.search(q) or qq.shape.kind == "yesno" or _about_content(q):
        return False
    if asks_identity(q):  # "من هو رئيس حكومة … الذي تحدث عن اتصالات …": a speaker's identity, not contacts
        return False
    if not (_AGG_AR.search(_FALL.sub(" ", q)) or _AGG_EN.search(_FALL.sub(" ", str(question)))):
        if not (_FALL.search(q) and any(rx.search(q) for _, rx in _KIND_WORDS)):
            return False
    return True


def asked_status(q_norm: str) -> str:
    """The status a question about the contacts asks for (answer_types.json `statuses`), or ''."""
    from .expected import status_of
    return status_of(q_norm)


def _named_people(question: str) -> list[str]:
    """The people a question names (rag/domain/names.py; "after the fall of Assad" names no one): the contacts
    it asks about are theirs."""
    from ..domain.names import PEOPLE
    return [e for e in as_question(question).entities if e in PEOPLE]


def _spelled(date: str | None, lang: str, weekday: bool = False) -> str:
    """A day's date as a reader writes it, after the ISO form: ' (March 14, 2025)', ' (14 آذار 2025)'; `weekday` (a
    question asking on which day): with its day of the week (' (Friday, March 14, 2025)')."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", date or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return ""
    try:
        return f" ({spelled_date(date, lang, weekday=weekday)})"
    except ValueError:  # no such day: no day of the week to give
        return f" ({spelled_date(date, lang)})"


def _takes_part(event: ContactEvent, person: str) -> bool:
    """The person (a canonical name of rag/domain/names.py) is one of the event's named participants."""
    from ..domain.names import NAMES
    from ..text.script import name_key
    keys = {name_key(a) for a in (person, *NAMES.get(person, ()))} - {""}
    return any(p.get("named", True) and (name_key(p.get("name_en") or "") in keys or name_key(p["name"]) in keys)
               for p in event.participants)


_NONE = {"ar": "لا يتضمن الجدول الزمني للاتصالات المستخرج من المصادر أي اتصال عراقي سوري يطابق هذا السؤال.",
         "en": "The timeline of contacts extracted from the sources has no Iraq–Syria contact that matches this question."}


def answer_from_timeline(question: str, library, lang: str | None = None) -> TimelineAnswer | None:
    """An answer listing the matching contacts with dates and [n] markers, or None for other questions."""
    if not is_timeline_question(question):
        return None
    lang = lang or as_question(question).language
    q = as_question(question).normalized
    f = _filters(q)
    events = contact_timeline(library, since=f.get("since"), until=f.get("until"))
    for person in _named_people(question):  # "when did al-Shatri last visit …": al-Shatri's contacts only
        events = [e for e in events if _takes_part(e, person)]
        if not events:  # the timeline holds none of theirs: the passages may still report it
            return None
    if f.get("kind"):
        events = [e for e in events if e.kind == f["kind"] or (f["kind"] == "visit" and GROUP[e.kind] == "travel")
                  or (f["kind"] == "call" and e.kind == "call")]
    if f.get("place"):
        events = [e for e in events if e.place and e.place["name_en"] == f["place"]]
    if f.get("country") and f.get("place"):  # "Iraqi officials who have been to Damascus": the visitors
        events = [e for e in events if any(p["country"] == f["country"] for p in e.participants)]
    # A role the question names its person by ("which Iraqi deputy foreign minister …", "وزير الطاقة السوري"): events
    # one of whose participants (of the country asked, if any) holds that role; none holding it, the timeline does
    # not answer (another official's contact is no answer; the passages may still report it).
    for _, forms in named_roles(as_question(question)):
        # (the role as the question words it, its role words in a row: "deputy foreign minister" is not held by a
        # "Deputy Prime Minister and Foreign Minister")
        phrase = _role_phrase(as_question(question))
        events = [e for e in events if any(
            holds_asked(forms, phrase, role)
            for p in e.participants if p.get("named", True) and (not f.get("country") or p["country"] == f["country"])
            for role in (normalize(p.get("role") or "") + " " + normalize(p.get("role_en") or ""),))]
        if not events:
            return None
    if f.get("status"):  # "which visits were postponed": those of that status only
        events = [e for e in events if e.status == f["status"]]
    elif "since" in f or "until" in f or f.get("pick"):
        events = [e for e in events if e.status == "happened"]
    if f.get("pick"):
        dated = [e for e in events if e.date]
        events = [] if not dated else [dated[0] if f["pick"] == "first" else dated[-1]]
    if not events:
        return TimelineAnswer(_NONE[lang], [], [], abstained=True, filters=f)
    weekday = expected_type(as_question(question)) == "day"  # on which day: the day of the week too
    citations: list[dict] = []  # one per passage (chunk), numbered; its cited sentences in "sentences"
    lines = []
    for ev in events:
        lines.append(f"- {ev.when(lang)}{_spelled(ev.date, lang, weekday)} — {ev.line(lang)}")
        per_source: dict[str, dict] = {}
        surnames = [normalize(p["name"]).split()[-1] for p in ev.participants if p.get("named", True)]
        for c in sorted(ev.citations, key=lambda c: -sum(w in normalize(c["text"]) for w in surnames)):
            per_source.setdefault(c["source"], c)  # each article's sentence that names most participants
        for c in list(per_source.values())[:3]:
            ref = next((x for x in citations if x["chunk_id"] == c["chunk_id"]), None)
            if ref is None:
                ref = {"n": len(citations) + 1, "source": c["source"], "chunk_id": c["chunk_id"], "sentences": []}
                citations.append(ref)
            if c not in ref["sentences"]:
                ref["sentences"].append(c)
            quote = re.sub(r"\s+", " ", c["text"]).strip()
            lines.append(f"  «{quote}» [{ref['n']}]")
    if lang == "en":
        head = (f"{len(events)} Iraq–Syria contacts in the timeline, in date order:" if len(events) > 1 else
                "From the timeline of contacts:")
    else:
        head = (f"{len(events)} من الاتصالات العراقية السورية في الجدول الزمني، بترتيب التاريخ:" if len(events) > 1
                else "من الجدول الزمني للاتصالات:")
    return TimelineAnswer(head + "\n" + "\n".join(lines), events, citations, filters=f)
