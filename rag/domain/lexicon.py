"""The contact words as data: kinds and their trigger words, references back to a contact, status cues (denied,
rumoured, cancelled, postponed, hypothetical, planned), who directed a contact, role words before a name, in
Arabic and English. Shipped in rag/domain/data/contacts.json; RAG_HOME/contacts.json (same shape) adds to it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from ..text.arabic import normalize
from ..text.script import has_arabic

DATA = Path(__file__).resolve().parent / "data" / "contacts.json"
STATUSES = ("denied", "rumoured", "cancelled", "postponed", "hypothetical", "planned")


class WordIndex(list):
    """A sentence's (position, word) pairs with a word -> positions table, built once and looked up by every
    word list (a sentence is searched for dozens of lists)."""

    def __init__(self, pairs):
        super().__init__(pairs)
        self.index: dict[str, list[int]] = {}
        for p, w in self:
            self.index.setdefault(w, []).append(p)


@dataclass
class Words:
    """Single words (a set) and phrases of several words (one regex), all normalised."""

    words: frozenset[str]
    phrases: tuple[str, ...]
    _re: re.Pattern | None = field(default=None, repr=False)
    _firsts: frozenset[str] = field(default=frozenset(), repr=False)  # the phrases' first words
    _by_first: dict | None = field(default=None, repr=False, compare=False)  # first word -> its phrases (`starting`)

    @classmethod
    def of(cls, items) -> "Words":
        norm = {re.sub(r"\s+", " ", normalize(x).strip()) for x in items if x and not str(x).startswith("_")}
        single = frozenset(w for w in norm if " " not in w and "-" not in w)  # ("long-delayed" is two words)
        multi = tuple(sorted((w for w in norm if " " in w or "-" in w), key=len, reverse=True))
        rx = re.compile(r"(?<!\w)(?:[وفبل](?=[\u0600-\u06ff]))?(" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in multi) + r")(?!\w)") \
            if multi else None
        firsts = frozenset(m.group(0) for p in multi if (m := re.match(r"\w+", p)))
        return cls(single, multi, rx, firsts)

    def find(self, norm: str, words: list[tuple[int, str]]) -> list[int]:
        """Positions in a normalised sentence where one of these words or phrases stands (`words`: the sentence's
        (position, word) pairs; a `WordIndex` finds them by lookup instead of a scan)."""
        index = getattr(words, "index", None)
        if index is not None:
            out = sorted(p for w in (self.words & index.keys()) for p in index[w])
        else:
            out = [p for p, w in words if w in self.words]
        # a phrase is looked for only when a sentence's words hold its first word (a sentence is searched for dozens
        # of lists; most hold none of their phrases)
        if self._re is not None and (index is None or not self._firsts.isdisjoint(index.keys())):
            out += [m.start() for m in self._re.finditer(norm)]
        return out

    def spans(self, norm: str, words: "WordIndex | None" = None) -> list[tuple[int, int]]:
        """(start, end) of the phrases of several words in a normalised sentence (`words`, its WordIndex when there
        is one: a sentence holding no phrase's first word is not searched)."""
        if self._re is None or (words is not None and self._firsts.isdisjoint(words.index.keys())):
            return []
        return [(m.start(), m.end()) for m in self._re.finditer(norm)]

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def starting(self, word: str) -> tuple[str, ...]:
        """The phrases whose first word is `word` (a list may hold hundreds: the times apart of `durations`)."""
        if self._by_first is None:
            by: dict[str, list[str]] = {}
            for ph in self.phrases:
                if (m := re.match(r"\w+", ph)):
                    by.setdefault(m.group(0), []).append(ph)
            self._by_first = {k: tuple(v) for k, v in by.items()}
        return self._by_first.get(word, ())


def _both(entry) -> list[str]:
    if isinstance(entry, dict):
        return [w for k, v in entry.items() if not k.startswith("_") for w in (v if isinstance(v, list) else [])]
    return list(entry or [])


@dataclass
class Lexicon:
    kinds: dict[str, Words]
    back: dict[str, Words]
    status: list[tuple[str, Words]]
    planned_weak: Words
    past: Words
    directed: Words
    gather: Words
    tied: Words
    not_people: Words
    earlier: Words  # a sentence on an earlier occasion than the article's contact ("وكان … قد", "had earlier")
    occasion: Words  # an occasion of its own where an official speaks (a forum, an interview)
    during: Words  # words that put what was said inside a contact ("خلال استقباله", "during talks with")
    resident: Words  # roles of officials living in the other country (an ambassador): received there, not a visit
    talk: Words  # meeting words that only say what was discussed ("discussed", "بحث"): after a call, that call
    was_due: Words  # "كان من المفترض", "was supposed to": a day after them is when a contact was due, not when it was
    ordinals: Words  # "the first (in December)", "والثانية (في 25 نيسان)": days of the earlier contacts a sentence counts
    joins: Words  # words that open a clause of its own contact ("…, and Z led a delegation", "…، فيما زار …")
    negated: Words  # a contact said not to have taken place ("did not meet", "لم يلتق")
    negators: Words  # "not", "لم": before "any" / "أي" / "إلى" and a contact word in one clause, no contact reported
    neg_determiners: Words
    neg_close: Words  # "no": a contact word at most two words after it ("no announced meeting") is negated
    joins_apart: Words  # joins that put the next clause's contact at another time ("…, days before …")
    status_not: Words  # phrases holding a status cue that give no status ("long-delayed", "long-awaited")
    portfolio: Words  # English words of a ministry's portfolio ("Minister of Water Resources")
    returns: Words  # "returned to", "عاد إلى": a visit abroad, or home (no venue)
    envoy_for: Words  # "UN envoy for Syria": the country after them is no side of the contact
    posted_at: Words  # "السفارة", "embassy": a city right after them is where a mission is, not a contact's place
    neg_idioms: Words  # words after "لا" / "not" that make it no negation ("لا يزال" still, "لا سيما" especially)
    before_place: Words  # words before a place ("في", "قرب"): what follows a role after them is a place, not a name
    audience: Words  # "drew attention in", "أثار جدلاً في": the place right after them is where it was heard of
    since: Words  # "since", "منذ": a day later in their phrase ("since the fall of Assad in December") is a start
    reported: Words  # "that", "أن": a clause they open is what the sentence before it says (claims, denies …)
    modals: Words  # "may", "قد": before a verb in a contact's clause, a hypothetical contact
    modals_past: Words  # "وكان … قد تلقى": a past perfect, no modal
    denied_contact: Words  # "any contact", "تنسيق": a contact only when a denial speaks of it ("denied any channel with …")
    call_weak: Words  # "اتصال": a call word that names a contact in general beside a visit or meeting word
    possessed_party: Words  # "al-Sudani's counterpart": after a possessive, nouns that keep him a party
    subject_pronouns: Words  # "He": a sentence opening with one goes on about the subject of the one before
    origin: Words  # "a delegation from", "وفد قادم من": the city right after them is where a party comes from
    present_in: Words  # "in", "في": an official of one side in a city of the other ("al-Shaibani in Baghdad")
    invited_to: Words  # "inviting him to": a city a few words after them is the venue of another contact
    roles: list[tuple[str, str]]  # (normalised role phrase, rank), longest first
    name_stop: frozenset[str]
    digest: str = ""
    joint_acts: re.Pattern | None = None  # "joint Iraqi–Syrian security operation", "عملية أمنية مشتركة": cooperation
    cooperation: Words | None = None  # "in coordination with", "بالتنسيق مع": a meeting of parties of both sides
    crossing_open: Words | None = None  # "إعادة فتح", "reopened": a crossing of the two reopened, their border bodies met
    crossings: Words | None = None  # "منفذ", "crossing": the words of a crossing (`crossing_open` needs one)
    crossing_topic: Words | None = None  # "لبحث", "talks on": a reopening right after them is a topic, no act
    ranks_en: tuple[str, ...] = ()  # "Lt", "Gen", "Dr": ranks written before an English name, with or without a period
    counterfactual: Words | None = None  # "Had he …", "Were she to …": a sentence opening with them tells a
    # contact that did not happen (hypothetical)
    role_after: Words | None = None  # "آنذاك", "السابق": between a title's country and the name after it
    heads_of: tuple[str, ...] = ()  # "who heads", "who leads": a name before them is of the side of what he heads
    offset: tuple | None = None  # (regex, values, back words) of a sentence opening with a time from the contact
    # before it ("Ten days earlier …", "وبعد يومين …"): `offset_at`
    principal_of: Words | None = None  # "مستشار", "adviser to": the official named right after them is whose
    # adviser (spokesman, aide) it is, not a party to the contact
    principal_joined: Words | None = None  # "المبعوث الخاص": only an official joined to "لـ" right after them is
    # whose envoy it is ("المبعوث الخاص لرئيس الوزراء"; "المبعوث الخاص عزت الشابندر" is the envoy himself)
    directed_passive: Words | None = None  # "was", "were": a one-word cue of `directed` right after them is passive
    sessions: Words | None = None  # "session", "دورتها": a body of both sides holding one (a meeting of the sides)
    led_by: Words | None = None  # "برئاسة", "led by": the person named right after heads the delegation before them
    kinds_not: Words | None = None  # "call for", "calls for": phrases holding a contact word that name no contact
    carried: Words | None = None  # "سلّم", "handed": an invitation after them in its clause is carried on a trip, no plan
    outlet_after: Words | None = None  # "news agency", "-based": a city right before them names an outlet, no venue
    neg_between: Words | None = None  # "بينهما", "between them": a later clause's negated contact between the two
    # denies the sentence's ("… في قاعة واحدة، ولم يُعلن عن لقاء بينهما")
    unconfirmed: Words | None = None  # "ولم يصدر أي تأكيد لهذه المفاوضات", "neither government confirmed it": the
    # contact the sentences before claimed, told as done, is a claim (rumoured)
    join_frames: Words | None = None  # "ويأتي", "which came": words between a comma and a join ("…، ويأتي بعد شهر
    # من لقاء …"): the join after them opens the clause
    list_links: Words | None = None  # "and", "و", "s": the only words besides names in an item of a list of people
    with_party: Words | None = None  # "with", "مع": the side named right after them and a denied contact's word is
    # its other party ("denied any agreement with the Syrian side")
    stand_ins: Words | None = None  # "sending", "وأوفد": the one named after them came in the place of one who did not
    forming: Words | None = None  # "agreed to form", "على تشكيل": a joint body right after them meets, a plan
    # the title ids and body function groups whose word that a crossing reopened is the reopening itself
    crossing_speakers: frozenset[str] = frozenset()
    crossing_near: Words | None = None  # "فتح", "opened": an opening only with a crossing word `crossing_reach` words away
    crossing_reach: int = 0
    tally: Words | None = None  # "مرات", "times": a contact word before them counts contacts, tells none
    receiving: Words | None = None  # "received": a contact only with someone among the next `receiving_reach` words
    receiving_reach: int = 0
    receiving_passive: frozenset[str] = frozenset()  # "is", "was": right before a verb of receiving, the passive
    border_with: Words | None = None  # "الحدود مع", "the border with": a country after them is no venue nor party
    back_of: frozenset[str] = frozenset()  # "of", "by": "the trip of <someone>" is that one's contact
    crossing_general: Words | None = None  # "المعابر", "crossings": no crossing a plainer word of opening needs
    gone_by: Words | None = None  # "did not", "لم": a contact called off with a cue opening with one was due on a day gone by
    role_en: tuple[tuple[str, str], ...] = ()  # (Arabic role, English): "محافظ الأنبار" is "the governor of Anbar"
    deals: Words | None = None  # "agreement", "عقود": a denied one names a contact only with a party of each side
    delegation_words: Words | None = None  # "وفد", "delegation": of a province or city of one side, that side's
    denied_after: Words | None = None  # "غير صحيح", "untrue": a denial after the contact word it denies
    plurals: tuple[tuple[str, str], ...] = ()  # (plural role word, its singular): "وزراء" -> "وزير", "ministers" ->
    # "minister", for officials of a list of countries ("the foreign ministers of Iraq, Jordan and Syria")
    proposal: Words | None = None  # "proposed", "اقترح": a plan when a contact's word after them is what is proposed
    # ("proposed a tripartite meeting", "اقترح … عقد لقاء": "عقد" there is "holding", not "held")
    trilateral: Words | None = None  # "tripartite", "ثلاثي": a third country in their clause joins the two sides
    today: Words | None = None  # "اليوم", "today": a known gathering told as held then dates an undated page
    today_not: Words | None = None  # "التالي": right after "اليوم" it is "the day" of something else
    today_held: Words | None = None  # "تنطلق", "opens": the clause of a gathering told as held today holds one
    proposal_during: Words | None = None  # "during", "خلال": right before a contact's word, the occasion of a proposal
    office_from: str = ""  # a person in office only from a day later than this bounds an undated report of him
    ranks_ar: frozenset[str] = frozenset()  # "المهندس", "الدكتور", "اللواء": words before an Arabic name after a title
    gathering_referred: Words | None = None  # "لما اتفق عليه في", "as agreed at": a gathering after them is no occasion
    announced: Words | None = None  # "announced", "أعلن": between a weekday and a plan's word, the day is the report's
    reported_future: Words | None = None  # "would": after a verb of saying, before a contact word, a plan
    hypothetical_not_before: frozenset[str] = frozenset()  # "one day ahead": a span of time, no hypothesis
    name_compound: frozenset[str] = frozenset()  # "عبد", "abu": the name's last word after them is no name alone
    reported_future_not: frozenset[str] = frozenset()  # "would not": no plan
    reported_future_if: frozenset[str] = frozenset()  # "if", "unless": a condition, no plan
    object_pronouns: Words | None = None  # "him", "استقبله": a contact taking someone named before
    not_name_openings: tuple[str, ...] = ()  # "وي", "وت": a word opening so (a conjunction and a verb) is no name's
    speaks_after: Words | None = None  # "announcing", "said": a city right before them speaks for its side
    speaks_before: Words | None = None  # "أعلنت", "قالت": a city right after them speaks for its side
    gathering_back: Words | None = None  # "الاجتماع", "the meeting": a contact told with one, of no day or place of
    # its own, was held at the gathering the article named before it
    _cooperating: tuple | None = field(default=None, repr=False, compare=False)  # `cooperating`'s last answer

    def role_en_of(self, role: str) -> str | None:
        """The English of an Arabic role (`role_en`), looked up in a table built once."""
        table = self.__dict__.get("_role_en_table")
        if table is None:
            table = self.__dict__["_role_en_table"] = dict(self.role_en)
        return table.get(role)

    def cooperating(self, norm: str, words: list[tuple[int, str]]) -> list[int]:
        """Where a sentence says two sides act together (`cooperation`, `joint_acts`): a meeting word that needs a
        party of each side named beside it."""
        # (the last sentence's answer is kept: a sentence is asked several times with the same word list; another
        # list, a filtered one, is asked afresh)
        last = self._cooperating
        if last is not None and last[0] == norm and last[1] is words:
            return list(last[2])
        out = self.cooperation.find(norm, words) if self.cooperation is not None else []
        if self.joint_acts is not None:
            out = out + [m.start() for m in self.joint_acts.finditer(norm)]
        out = sorted(set(out))
        self._cooperating = (norm, words, out)
        return list(out)

    def offset_at(self, norm: str) -> tuple[int, int, int, bool] | None:
        """(days, start, end, whether counted in days) of a time from the contact reported before, opening a normalised
        sentence ("Ten days earlier …" -10, "وبعد يومين …" +2, "A week later" +7), or None; "بعد يومين من …" counts
        from what follows."""
        if self.offset is None:
            return None
        rx, values, back, _ = self.offset
        m = rx.match(norm.lower())
        if m is None:
            return None
        return self._offset_days(m, values, back, 1)

    def offset_of(self, norm: str) -> tuple[int, int, int, bool] | None:
        """(days, start, end, whether counted in days) of a time before a contact word in a normalised sentence ("…,
        ten days after his meeting with …" -10, "بعد عشرة أيام من لقائه" -10, "two days before the summit" +2): how far
        the contact it names is from the one the sentence reports; None without one (or with no contact word within
        three words after it)."""
        if self.offset is None:
            return None
        _, values, back, of = self.offset
        for m in of.finditer(norm.lower()):
            after = norm[m.end():].split()[:3]
            if any(self.kind_of(w) or self.kind_of(w[1:]) for w in after):
                got = self._offset_days(m, values, back, -1)
                if got is not None:
                    return got
        return None

    def opener_of(self, norm: str) -> tuple[int, int, int, bool] | None:
        """(days, start of the main clause, end of the time, whether counted in days) of a sentence OPENING with a
        time from another contact, up to a comma ("Four days after Mr Al Shatri's visit, Fuad Hussein spoke by
        phone …" +4, "بعد أسبوعين من زيارة الشطري، …" +14, "Two days before the summit, …" -2): the main clause's
        contact was that long from the contact named in the opening; None when the sentence opens otherwise, or
        the opening names no contact word or runs past twelve words."""
        if self.offset is None:
            return None
        _, values, back, of = self.offset
        low = norm.lower()
        m = of.match(low, len(low) - len(re.sub(r"^\s*(?:(?:and|but|و)\s+)?", "", low)))
        if m is None:
            return None
        comma = re.search(r"[،,]", low[m.end():])
        if comma is None:
            return None
        opening = low[m.end():m.end() + comma.start()].split()
        if len(opening) > 12 or not any(self.kind_of(w) or self.kind_of(w[1:]) or self.kind_of(w.rstrip("'’s"))
                                        for w in opening):
            return None
        got = self._offset_days(m, values, back, 1)
        return None if got is None else (got[0], m.end() + comma.end(), got[2], got[3])

    @staticmethod
    def _offset_days(m: re.Match, values: dict, back: frozenset, sign: int) -> tuple[int, int, int, bool] | None:
        link = m.group("l") or m.group("l2")
        if m.group("dual"):
            days = step = values.get(m.group("dual"), 0)
        else:
            n, unit = m.group("n") or m.group("n2"), m.group("u") or m.group("u2")
            step = values.get(unit, 0)
            days = (int(n) if n.isdigit() else values.get(n, 0)) * step
        if not days:
            return None
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        # (counted in weeks, "two weeks after", it gives the month only: a week is a round figure)
        return sign * (-days if link in back else days), start, m.end(), step < 7

    def kind_of(self, word: str) -> str | None:
        """The contact kind a word is a trigger of ("الزياره" and "visit" -> visit)."""
        bare = word[2:] if word.startswith("ال") else word
        return next((k for k, w in self.kinds.items() if k != "statement" and (word in w or bare in w)), None)

    def refers_back(self, word: str) -> bool:
        """Whether a word is one of the words that refer back to a contact ("the visit", "the talks")."""
        return any(word == x or word in x.split() for w in self.back.values() for x in (*w.words, *w.phrases))

    def crossing_opened(self, norm: str, words: list[tuple[int, str]]) -> list[int]:
        """Where a sentence says a crossing (re)opens: a word of `crossing_open` in a sentence with a word of a
        crossing, or a plainer word of opening (`crossing_near`: "فتح", "opened") with a word of a crossing at most
        `crossing_reach` words before or after it ("فتح معبر البوكمال", "the crossing … opened")."""
        if not self.crossing_open or not self.crossings:
            return []
        at = self.crossings.find(norm, words)
        if not at:
            return []
        out = self.crossing_open.find(norm, words)
        if self.crossing_near is not None and self.crossing_reach:
            rank = {p: i for i, p in enumerate(sorted({p for p, _ in words}))}
            general = set(self.crossing_general.find(norm, words)) if self.crossing_general is not None else set()
            places = [rank[p] for p in at if p in rank and p not in general]
            # (a word with "ل" or "ب" before it, "لفتح", "بفتح", is a purpose or a demand, no opening)
            out += [p for p in self.crossing_near.find(norm, words) if p in rank and norm[p] not in "لب" and any(
                0 < abs(rank[p] - c) <= self.crossing_reach for c in places)]
        return sorted(set(out))

    def kind_at(self, norm: str, words: list[tuple[int, str]]) -> dict[str, list[int]]:
        spans = self.kinds_not.spans(norm, words) if self.kinds_not is not None else []
        out = {k: pos for k, w in self.kinds.items()
               if (pos := [p for p in w.find(norm, words) if not any(a <= p < b for a, b in spans)])}
        joint = self.cooperating(norm, words)
        if joint:
            out["meeting"] = sorted({*out.get("meeting", []), *joint})
        return out

    def contact_at(self, norm: str, words: list[tuple[int, str]]) -> list[int]:
        """Where a word of a contact (not words said) stands in a normalised sentence, in order."""
        return sorted(p for k, pos in self.kind_at(norm, words).items() if k != "statement" for p in pos)


def _merge(base: dict, extra: dict) -> dict:
    """Lists in `extra` are added to the same lists in `base` (recursively)."""
    out = dict(base)
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        elif isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = out[k] + [x for x in v if x not in out[k]]
        else:
            out[k] = v
    return out


def inflected(phrases: list[str], verbs: list[list[str]]) -> list[str]:
    """English phrases of several words with their first word in every form of its verb (`verb_forms`: "sat down
    with" -> "sits down with", "sit down with", "sitting down with"); other phrases, and single words (a noun as
    often as a verb: "talks"), as they are."""
    forms = {f.lower(): group for group in verbs for f in group}
    out = list(phrases)
    for p in phrases:
        first, _, rest = p.partition(" ")
        for f in forms.get(first.lower(), ()) if rest and not has_arabic(p) else ():
            out.append(f"{f} {rest}".strip())
    return list(dict.fromkeys(out))


def futures(words: list[str]) -> list[str]:
    """The future forms of Arabic present-tense verbs ("يزور" -> "سيزور", "تحل ضيفة" -> "ستحل ضيفة"), normalised."""
    out = []
    for w in words:
        n = re.sub(r"\s+", " ", normalize(w).strip())
        if has_arabic(n) and len(n.split()[0]) >= 3 and n[0] in "يتن":
            out.append("س" + n)
    return out


def persons(words: list[str]) -> list[str]:
    """Arabic present-tense verbs in the other third person ("يؤجل" -> "تؤجل", "تبحث" -> "يبحث", "تحل ضيفة" ->
    "يحل ضيفة"): a list names one; a subject of the other gender (a ministry, a delegation, "الحكومة") takes the
    other."""
    out = []
    for w in words:
        n = re.sub(r"\s+", " ", normalize(w).strip())
        first = n.split(" ", 1)[0]
        if has_arabic(n) and len(first) >= 3 and first[0] in "يت":
            out.append(("ت" if n[0] == "ي" else "ي") + n[1:])
    return out


def offsets(obj: dict) -> tuple | None:
    """The regex, values and back words of `durations` for `Lexicon.offset_at`: English "count unit later|earlier",
    Arabic "قبل|بعد [ذلك] [ب]count unit" or a dual unit, not followed by "من"."""
    en, ar = obj.get("en", {}), obj.get("ar", {})
    values = {normalize(k).lower(): v for part in (en, ar) for k, v in part.get("values", {}).items()}
    back = frozenset(normalize(w).lower() for part in (en, ar) for w in part.get("back", []))
    if not values:
        return None

    def alt(items) -> str:
        return "|".join(re.escape(normalize(x).lower()) for x in sorted(items, key=len, reverse=True) if x) or "(?!)"
    links_en = [x for x in en.get("links", []) if x in ("later", "earlier")]
    counts = alt([*en.get("counts", []), *ar.get("counts", [])])
    units = alt([*en.get("units", []), *ar.get("units", []), *(k for k in ar.get("values", {}) if k in ("يوم", "أسبوع"))])
    rx = re.compile(
        rf"^\s*(?:(?:and|but|و)\s+)?(?:(?P<body>(?P<n>\d+|{counts})\s+(?P<u>{units}))\s+(?P<l>{alt(links_en)})(?!\w)|"
        rf"و?(?P<l2>{alt(ar.get('links', []))})\s+(?:ذلك\s+)?ب?(?:(?P<n2>\d+|{counts})\s+(?P<u2>{units})|(?P<dual>{alt(ar.get('duals', []))}))"
        rf"(?!\s+من)(?!\w))")
    # "…, ten days after his meeting with al-Sharaa in Doha", "بعد عشرة أيام من لقائه الشرع": the contact named after
    # it was that long before the one the sentence reports
    links_of = [x for x in en.get("links", []) if x in ("after", "before")]
    of = re.compile(
        rf"(?<!\w)(?:(?P<n>\d+|{counts})\s+(?P<u>{units})\s+(?P<l>{alt(links_of)})|"
        rf"(?P<l2>{alt(ar.get('links', []))})\s+(?:(?P<n2>\d+|{counts})\s+(?P<u2>{units})|(?P<dual>{alt(ar.get('duals', []))}))"
        rf"\s+من)\s+")
    return rx, values, back, of


def durations(obj: dict) -> list[str]:
    """The joins a time between two contacts makes (`durations`): "three weeks after", "بعد ثلاثة أسابيع من",
    "قبل أسبوعين من"."""
    en, ar = obj.get("en", {}), obj.get("ar", {})
    out = [f"{c} {u} {ln}" for c in en.get("counts", []) for u in en.get("units", []) for ln in en.get("links", [])]
    of = ar.get("of", ["من"])
    out += [f"{ln} {c} {u} {o}" for ln in ar.get("links", []) for c in ar.get("counts", []) for u in ar.get("units", [])
            for o in of]
    out += [f"{ln} {u} {o}" for ln in ar.get("links", []) for u in (*ar.get("duals", []), *ar.get("singulars", []))
            for o in of]
    # a round figure: "بعد نحو شهرين من" (English "about two months after" holds "two months after" as it is)
    out += [f"{ln} {a} {x[len(ln) + 1:]}" for a in ar.get("about", []) for x in list(out) if has_arabic(x)
            for ln in ar.get("links", []) if x.startswith(ln + " ")]
    return out


def build(obj: dict, digest: str = "") -> Lexicon:
    verbs = [g for g in obj.get("verb_forms", {}).get("en", []) if isinstance(g, list)]
    kinds = {k: Words.of(inflected((w := _both(v) + (_both(obj.get("returns")) if k == "visit" else [])) + persons(w),
                                   verbs))
             for k, v in obj["kinds"].items() if not k.startswith("_")}
    # an Arabic contact verb in the present tense with the future's "سـ" ("سيحلّ ضيفاً", "ستستقبل"): the same contact
    # word, and a planned contact
    # (not a word that is itself a cue of a contact that did not happen: "سيغيب عن" is no plan of a visit)
    st = obj.get("status", {})
    nots = Words.of([w for s in STATUSES if s != "planned" for w in _both(st.get(s, {}))])
    ahead = [f for k, v in obj["kinds"].items() if not k.startswith("_") and k != "statement"
             for f in futures(_both(v)) if f[1:] not in nots.words and f[1:] not in nots.phrases]
    kinds = {k: Words.of([*w.words, *w.phrases, *(f for f in ahead if k != "statement" and
                                                     (f[1:] in w.words or f[1:] in w.phrases))]) for k, w in kinds.items()}
    back = {k: Words.of(_both(v)) for k, v in obj.get("back", {}).items() if not k.startswith("_")}
    status = [(s, Words.of(_both(st.get(s, {})) + persons(_both(st.get(s, {}))) + (ahead if s == "planned" else [])))
              for s in STATUSES]
    roles: dict[str, str] = {}
    for lang in ("ar", "en"):
        for phrase, rank in obj.get("role_words", {}).get(lang, {}).items():
            roles[re.sub(r"\s+", " ", normalize(phrase).strip())] = rank
    stop = {normalize(w) for w in _both(obj.get("name_stop", {}))}
    return Lexicon(kinds, back, status, Words.of(_both(st.get("planned_weak", {}))), Words.of(_both(obj.get("past"))),
                   Words.of(_both(obj.get("directed"))), Words.of(_both(obj.get("gather"))),
                   Words.of(_both(obj.get("tied"))), Words.of(_both(obj.get("not_people"))),
                   Words.of(_both(obj.get("earlier"))), Words.of(_both(obj.get("occasion"))),
                   Words.of(_both(obj.get("during"))), Words.of(_both(obj.get("resident"))),
                   Words.of(_both(obj.get("talk"))), Words.of(_both(obj.get("was_due"))),
                   Words.of(_both(obj.get("ordinals"))), Words.of(_both(obj.get("joins")) + durations(obj.get("durations", {}))),
                   Words.of(_both(obj.get("negated"))), Words.of(_both(obj.get("negated", {}).get("negators"))),
                   Words.of(_both(obj.get("negated", {}).get("determiners"))),
                   Words.of(_both(obj.get("negated", {}).get("close"))), Words.of(_both(obj.get("joins", {}).get("apart")) + durations(obj.get("durations", {}))),
                   Words.of(_both(obj.get("status_not"))), Words.of(_both(obj.get("portfolio_words"))), Words.of(_both(obj.get("returns"))), Words.of(_both(obj.get("envoy_for"))), Words.of(_both(obj.get("posted_at"))),
                   Words.of(_both(obj.get("negated", {}).get("idioms"))), Words.of(_both(obj.get("before_place"))),
                   Words.of(_both(obj.get("audience"))), Words.of(_both(obj.get("since"))),
                   Words.of(_both(obj.get("reported"))), Words.of(_both(obj.get("modals"))), Words.of(_both(obj.get("modals", {}).get("past"))), Words.of(_both(obj.get("denied_contact"))),
                   Words.of(_both(obj.get("call_weak"))),
                   Words.of(_both(obj.get("possessed_party"))),
                   Words.of(_both(obj.get("subject_pronouns"))),
                   Words.of(_both(obj.get("origin"))),
                   Words.of(_both(obj.get("present_in"))),
                   Words.of(_both(obj.get("invited_to"))),
                   sorted(roles.items(), key=lambda kv: -len(kv[0])), frozenset(stop), digest,
                   joint_acts(obj.get("joint_acts", {})), Words.of(_both(obj.get("cooperation"))),
                   Words.of(_both(obj.get("crossing_open"))),
                   Words.of(_both(obj.get("crossing_open", {}).get("crossings"))),
                   Words.of(_both(obj.get("crossing_open", {}).get("topic"))),
                   tuple(sorted({w.strip(". ") for w in obj.get("ranks", {}).get("en", []) if w.strip(". ")},
                                key=len, reverse=True)),
                   Words.of(_both(st.get("hypothetical", {}).get("opens"))),
                   Words.of(_both(obj.get("role_after"))),
                   tuple(normalize(w).lower() for w in _both(obj.get("heads_of"))),
                   offsets(obj.get("durations", {})),
                   Words.of(_both(obj.get("principal_of"))),
                   Words.of(_both(obj.get("principal_of", {}).get("joined"))),
                   Words.of(_both(obj.get("directed", {}).get("passive"))),
                   Words.of(_both(obj.get("sessions"))),
                   Words.of(_both(obj.get("led_by"))),
                   Words.of(_both(obj.get("kinds_not"))),
                   Words.of(_both(obj.get("carried"))),
                   Words.of(_both(obj.get("outlet_after"))),
                   Words.of(_both(obj.get("negated", {}).get("between"))),
                   Words.of(_both(obj.get("unconfirmed"))),
                   gathering_back=Words.of(_both(obj.get("gathering_back"))),
                   speaks_after=Words.of(_both(obj.get("place_speaks", {}).get("after"))),
                   speaks_before=Words.of(_both(obj.get("place_speaks", {}).get("before"))),
                   join_frames=Words.of(_both(obj.get("joins", {}).get("frames"))),
                   list_links=Words.of(_both(obj.get("list_links"))),
                   stand_ins=Words.of(_both(obj.get("stand_ins"))),
                   forming=Words.of(_both(obj.get("forming"))),
                   gone_by=Words.of(_both(obj.get("gone_by"))),
                   crossing_speakers=frozenset(obj.get("crossing_open", {}).get("speakers", {}).get("ids", [])),
                   crossing_near=Words.of(_both(obj.get("crossing_open", {}).get("near"))),
                   crossing_reach=int(obj.get("crossing_open", {}).get("near", {}).get("reach", 0)),
                   tally=Words.of(_both(obj.get("tally"))),
                   receiving=Words.of(_both(obj.get("receiving"))),
                   receiving_reach=int(obj.get("receiving", {}).get("reach", 0)),
                   receiving_passive=frozenset(normalize(w).lower() for w in _both(
                       obj.get("receiving", {}).get("passive"))),
                   border_with=Words.of(_both(obj.get("border_with"))),
                   back_of=frozenset(normalize(w).lower() for w in _both(obj.get("back_of"))),
                   crossing_general=Words.of(_both(obj.get("crossing_open", {}).get("near", {}).get("general"))),
                   role_en=tuple((normalize(k).lower(), v) for k, v in obj.get("role_en", {}).items()
                                 if not k.startswith("_")),
                   denied_after=Words.of(_both(obj.get("status", {}).get("denied", {}).get("after"))),
                   delegation_words=Words.of(_both(obj.get("delegation_words"))),
                   deals=Words.of(_both(obj.get("denied_contact", {}).get("deals"))),
                   with_party=Words.of(_both(obj.get("denied_contact", {}).get("with"))),
                   proposal=Words.of(_both(st.get("planned_weak", {}).get("proposal"))),
                   proposal_during=Words.of(_both(st.get("planned_weak", {}).get("proposal", {}).get("during"))),
                   trilateral=Words.of(_both(obj.get("trilateral"))),
                   today=Words.of(_both(obj.get("today"))),
                   today_not=Words.of(_both(obj.get("today", {}).get("not"))),
                   today_held=Words.of(_both(obj.get("today", {}).get("held"))),
                   office_from=str(obj.get("office_from", {}).get("after", "")),
                   ranks_ar=frozenset(normalize(w) for w in obj.get("ranks", {}).get("ar", [])),
                   gathering_referred=Words.of(_both(obj.get("gathering_referred"))),
                   announced=Words.of(_both(obj.get("announced"))),
                   reported_future=Words.of(_both(st.get("planned", {}).get("reported_future"))),
                   hypothetical_not_before=frozenset(normalize(w).lower() for w in _both(
                       st.get("hypothetical", {}).get("not_followed_by"))),
                   name_compound=frozenset(normalize(w).lower() for w in _both(obj.get("name_stop", {}).get("compound"))),
                   reported_future_not=frozenset(normalize(w).lower() for w in _both(
                       st.get("planned", {}).get("reported_future", {}).get("not_before"))) | {"have"},
                   reported_future_if=frozenset(normalize(w).lower() for w in _both(
                       st.get("planned", {}).get("reported_future", {}).get("conditions"))),
                   object_pronouns=Words.of(_both(obj.get("object_pronouns"))),
                   not_name_openings=tuple(normalize(w) for w in obj.get("name_stop", {}).get("openings", {}).get("ar", [])),
                   plurals=tuple((normalize(k).lower(), normalize(v).lower())
                                 for lang in ("ar", "en") for k, v in obj.get("plural_roles", {}).get(lang, {}).items()))


def joint_acts(obj: dict) -> re.Pattern | None:
    """An act both sides carry out together, its words apart (`joint_acts`): English "joint" … "operation" (at most
    three words between: "a joint Iraqi–Syrian security operation"), Arabic "عملية" … "مشتركة" ("عملية أمنية
    مشتركة"); an act done by one party with another ("عملية نفذتها … مع …")."""
    def alt(items) -> str:
        return "|".join(re.escape(normalize(x).lower()) for x in sorted(items, key=len, reverse=True) if x)
    en, ar = obj.get("en", {}), obj.get("ar", {})
    parts = []
    if en.get("joint") and en.get("acts"):
        parts.append(rf"(?<![\w-])(?:{alt(en['joint'])})(?:[\s–-]+[\w–-]+){{0,3}}?\s+(?:{alt(en['acts'])})(?![\w-])")
    if ar.get("joint") and ar.get("acts"):
        parts.append(rf"(?<!\w)[وفب]?(?:{alt(ar['acts'])})(?:\s+[^\s،,.؛:]+){{0,3}}?\s+(?:{alt(ar['joint'])})(?!\w)")
    for lang, pre in ((en, r"(?<![\w-])"), (ar, r"(?<!\w)[وفب]?")):
        # an act done by one party with another ("an operation carried out by X with Y", "عملية نفذتها X مع Y")
        if lang.get("acts") and lang.get("done") and lang.get("with"):
            parts.append(rf"{pre}(?:{alt(lang['acts'])})\s+(?:{alt(lang['done'])})(?:\s+[^\s،,.؛:]+){{1,8}}?\s+"
                         rf"(?:{alt(lang['with'])})(?!\w)")
    return re.compile("|".join(parts)) if parts else None


def load_lexicon(home: Path | str | None = None) -> tuple[Lexicon, str]:
    """The shipped contact words merged with RAG_HOME/contacts.json when there is one; and the raw text's digest."""
    raw = DATA.read_text(encoding="utf-8")
    obj = json.loads(raw)
    h = hashlib.sha256(raw.encode())
    extra = Path(home).expanduser() / "contacts.json" if home else None
    if extra and extra.is_file():
        text = extra.read_text(encoding="utf-8")
        try:
            more = json.loads(text)
            if not isinstance(more, dict):
                raise ValueError("not an object")
            obj = _merge(obj, more)
            build(obj)  # fails here, with the file named, rather than at the first article
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"{extra} is not a valid contact-words file ({exc.__class__.__name__}: {exc}); "
                              f"fix it or remove it (its shape is rag/domain/data/contacts.json)") from None
        h.update(text.encode())
    d = h.hexdigest()[:8]
    return build(obj, d), d
