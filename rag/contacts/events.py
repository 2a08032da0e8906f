"""Iraq–Syria contacts extracted from cleaned articles by rules over normalised Arabic (no LLM).

Each article yields *mentions*: one report of a contact (visit, call, meeting, delegation, statement) with
its participants, place, date and status, every field cited by the sentence(s) it came from. Mentions are
stored per article with the article's chunks (rag/index/store.py) and merged across articles when the timeline
is built (rag/contacts/timeline.py), so the same visit reported by three outlets becomes one event citing all three.
A contact of Syria or Iraq with a third country is not an Iraq–Syria contact: clauses naming a third
country are left out, and an event needs an Iraqi and a Syrian side.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from datetime import date, timedelta

from ..text.dates import (LATEST_NOT_AFTER, same_month_text, ORD_DM, ORD_DMY, WEEKDAY_EN, WEEKDAYS, ArticleDate, DateMention,
                          explicit_dates, find_dates, infer_article_date, iso, lead_dateline, lead_dateline_span,
                          resolve_dates, text_years)
from ..documents import Chunk, Document
from ..domain.bodies import RANK as BODY_RANK
from ..domain.lexicon import WordIndex, load_lexicon
from ..domain.people import IRAQ, SYRIA, Gathering, Match, Officials, Person, Place, Title, joint_sides
from ..text.script import has_arabic, name_key
from .mention import GROUP, PRIORITY, Extraction, Mention
from .sentences import (_CLAUSE, _WORD, _Sentence, _clause_span, _days_before, _far, _opens, _plus, _said_before,
                        _sentences, _text_positions, _word_at, _words, fast_normalize)

EXTRACTOR_VERSION = "103"  # bump when the rules change: articles are re-extracted (never re-embedded)
HIGH_RANK = {"head", "minister"}
INVITATION_VERB_WORDS = 3  # the verb receiving an invitation stands at most so many words before it ('received an')
APPOSITION_WORDS = 4  # a stretch of at most so many words between commas sets off a name or title, not a clause

# The trigger, reference, status, direction and role words are data: rag/domain/data/contacts.json (Officials.lexicon).


def extractor_version(officials: Officials) -> str:
    """Changes when the rules or the officials list change, so articles are re-extracted (no re-embedding)."""
    return f"{EXTRACTOR_VERSION}:{officials.digest}"


def _bodies_only(m: "Mention") -> bool:
    """Whether a contact's people are all bodies of a side ("Iraq's joint operations command"): a sentence naming
    people after it reports another contact, not the same one told again with names."""
    return bool(m.participants) and all(p.get("rank") == BODY_RANK for p in m.participants)


def _participant(p: Person | Title, when: str | None) -> dict:
    if isinstance(p, Person):
        r = p.role_at(when)
        return {"id": p.id, "name": p.name, "name_en": p.en, "role": r.get("ar", ""), "role_en": r.get("en", ""),
                "country": p.country, "rank": r.get("rank", "official"), "named": True}
    return {"id": p.id, "name": p.role_ar, "name_en": p.en, "role": p.role_ar, "role_en": p.en,
            "country": p.country, "rank": p.rank, "named": False}


def _out_of_office(p: Person, when: str | None) -> bool:
    """A person whose every role had ended by the contact's date (Assad after 8 December 2024) took no part."""
    ends = [r.get("to") for r in p.roles]
    return bool(when and p.roles and all(ends) and max(ends) <= when[:len(max(ends))])


# A wire dateline at the head of a sentence ("ERBIL, Kurdistan Region -", "CAIRO (AP) -") names where the outlet
# filed from, not where the contact was.
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]{0,30})?(?:\s*\([^)]{1,30}\))?\s*[-–—]\s|"
                       r"[\u0621-\u064a]+(?:\s[\u0621-\u064a]+)?\s*\([^)]{1,30}\)\s*[-–—])")  # "أربيل (كوردستان24)-"


_DESTINATION = re.compile(r"(?:\b(?:to|into)|(?<!\w)(?:الي|الى|إلى))\s*(?:the\s+)?(?:(?:syrian|iraqi|capital|city of|العاصمه|"
                          r"مدينه)\s+)*$")  # before where a visit went
_TOWARDS = re.compile(r"(?:\b(?:to|in|into|at|inside|visit|visited|visiting)|(?<!\w)(?:الي|في|داخل|زار|زيارته|لزياره|زياره)|"
                      r"(?<!\w)[وف]?(?:ب|ل))\s*(?:the\s+)?(?:(?:syrian|iraqi|capital|city of|العاصمه|مدينه|post-assad|قصر|مطار|مقر|palace|airport)\s+)*$")


_NAME_GOES_ON = re.compile(r"[ \t]+(?!(?:On|In|At|To|From|And|For|With|By|The|Of|After|Before|On)\b)[A-Z][a-z]")


# words from "since" to the day it is counted from at most ("since the Hayat Tahrir al-Sham-led offensive swept Bashar
# al-Assad from power in December": thirteen)
SINCE_REACH = 16
# words from a contact word to a word counting contacts at most ("التقى نظيره السوري أسعد الشيباني نحو ثماني مرات")
TALLY_REACH = 8


def _place(pl: Place) -> dict:
    return {"name": pl.ar, "name_en": pl.en, "country": pl.country, **({"across": pl.across} if pl.across else {})}


# what may stand between a city and its country when the country only says where the city is: up to two words of
# the name it heads ("Munich Security Conference", "مؤتمر ميونخ للامن"), then "in", "," or Arabic "ب"/"في"
_LOCATES = re.compile(r"(?:\s+[^\s,،.;؛:]+){0,2}?\s*[,،]?\s*(?:in|ب|في)?\s*")


def _locates(country: Match, matches: list[Match], norm: str) -> bool:
    """Whether a country word only says where a city of its own, named just before it, is."""
    return any(p.kind == "place" and p.item.country == country.item and _LOCATES.fullmatch(norm[p.end:country.start])
               for p in matches if p.end <= country.start)


def _list_year(d, before: tuple[int, int] | None) -> tuple[int, int] | None:
    """(year, month) of a dated list's entry: its own year, else that of the entries before it (the next year when
    its month comes before theirs: a list runs forward in time)."""
    if d.value and len(d.value) >= 7 and not d.relative:
        return int(d.value[:4]), int(d.value[5:7])
    month = int(d.monthday[:2]) if d.monthday else d.month
    if before is None or not month:
        return before
    return (before[0] + 1 if month < before[1] else before[0]), month


def _in_context(day: str | None, basis: str, context: str | None, article: str) -> str | None:
    """A day and month with no year, read as the latest such day before the article's date, in a paragraph that
    wrote a year before it ("December 2024. … handed the soldiers over on December 19" in a review dated December
    2025): the such day nearest that written date, when it is not after the article's; else None."""
    if not (context and day and len(day) == 10 and LATEST_NOT_AFTER in basis):
        return None
    ref = date.fromisoformat(context if len(context) == 10 else context + "-15")
    month, n = int(day[5:7]), int(day[8:10])
    days = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := iso(y, month, n))]
    best = min(days, key=lambda d: abs((date.fromisoformat(d) - ref).days), default=None)
    return best if best and best != day and (not article or best <= article) else None


_WITH_WORDS = {"مع", "with"}  # between a cue of who directed a contact and a name: that name is whom it was with
_IN_VENUE = re.compile(r"(?:\b(?:in|inside)|(?<!\w)(?:في|داخل))\s+$")  # right before a country that is a venue
_HOME_AFTER = re.compile(r"\s*(?:[-–—(,،/]|\s+في\s+\d)")  # after a dateline's city ("بغداد –", "DAMASCUS,")
_ENTRY_BEFORE = re.compile(r"[\s\-–—•*·]*(?:[^\s\d]+\s*(?:[—–-]\s*)?)?")  # before a list entry's date ("- ", "Background — ")
_ENTRY_AFTER = re.compile(r"\s*(?:[:.\-–—]|$)")  # after it
_FROM_BODY = re.compile(r"(?:(?<!\w)[وب]?وفد\w{0,3}(?:\s+\S+){0,2}?\s+من|\bdelegations?(?:\s+\S+){0,2}?\s+(?:from|of))\s+(?:the\s+)?$")
_TOKEN = re.compile(r"[\w'’-]+")
# between a role held for someone (`principal_of`) and the official it is held for: "the", or Arabic "لـ"
_JOINED_LAM = re.compile(r"\s+ل(?=[\u0600-\u06ff])")  # (only the Arabic "لـ": `principal_joined`)
_PRINCIPAL_GAP = re.compile(_JOINED_LAM.pattern + r"|\s+(?:the\s+)?")
_POSSESSED = re.compile(r"['’]s\s+([a-z-]+(?:\s+[a-z-]+)?)")  # an English possessive and the (two) words it owns
_LISTED = re.compile(r"\s*[,،]?\s*(?:and|or|then|و|او|ثم)?\s*")  # between two items of a list of days


def _host(matches: list[Match]) -> str | None:
    """The side a body named without one is of in a sentence that names a city of one side as its only place and
    parties of the other side only ("… في مقر الهيئة بدمشق … مع وفد عراقي"): the host's; else None."""
    cities = {m.item.country for m in matches if m.kind == "place" and m.item.country in (IRAQ, SYRIA) and
              m.item.en != m.item.country}
    if len(cities) != 1:
        return None
    host = next(iter(cities))
    guests = {getattr(m.item, "country", None) for m in matches if m.kind in ("person", "title")}
    return host if guests == {SYRIA if host == IRAQ else IRAQ} else None


FAR_AHEAD = 90  # days
RECAP_AHEAD = 60  # days: the same, told with no day of its report ("A trip set for February 22 was postponed", in a
# look-back of late November, is February of the year gone by; "…, officials said on Monday" is news of one ahead)


def _nearer(past: str | None, ahead: str, ref: str, far: int = FAR_AHEAD) -> str:
    """Of the day before the article's date and the one after it that a phrase may name, the nearer."""
    if not (past and len(past) == 10 and len(ahead) == 10 and len(ref or "") == 10):
        return ahead
    r = date.fromisoformat(ref)
    if (date.fromisoformat(ahead) - r).days > far:  # a contact called off months ahead is rarely news: the
        return past  # day it was due is the one gone by ("the trip for the May 17 summit never happened", December)
    return past if (r - date.fromisoformat(past)).days < (date.fromisoformat(ahead) - r).days else ahead


# Before a title, words that make it whoever holds the office, not its holder on the day
_INDEFINITE_EN = re.compile(r"(?<!\w)(?:a|an|no|any|one)\s+$")


def _indefinite(norm: str, m: Match) -> bool:
    """A title said of no one in particular: "an Iraqi prime minister", "رئيس وزراء عراقي" (its last word an
    adjective without the article)."""
    last = (norm[m.start:m.end].split() or [""])[-1]
    if has_arabic(last):
        return not last.startswith("ال") and last.endswith("ي")
    return bool(_INDEFINITE_EN.search(norm[max(0, m.start - 8):m.start]))


_ANY_HOLDER = re.compile(r"(?<!\w)(?:اي|لاي|next|any|future|new|incoming|former|the next|القادم|المقبل)\s+(?:the\s+)?$")
# English verbs of saying whose speaker may follow them ("…, said Fuad Hussein"); after "told", "urged" … stands
# the one spoken to
_SAID_BY = ("said", "says", "added", "stressed", "affirmed", "reiterated")
# (only after a comma or the words quoted, not after a subject: "A local official said the governor of Anbar and …
# were expected to meet" — what follows is what he said)
_SAID_AFTER = re.compile(r"(?:[,،\"”’']|^)\s*$")
# Where the words said begin: "إنه / أن / بأن …", "that …", a quote mark or a colon.
_SAID_THAT = re.compile(r"(?<!\w)(?:ان|انه|انها|بان|بانه|that)(?!\w)|[\"«“:]")
_TWEET = re.compile(r"^—\s*\S.*\(@\w+\)")
_RELATED_START = re.compile(r"^((مقالات|اخبار|مواضيع) (ذات صله|مشابهه|متعلقه)|اقرا ايضا:?|مرتبط|related (articles|posts|news))$")


def tweet_dates(doc: Document) -> list[tuple[str, str]]:
    """Dates of tweets the article quotes (their credit lines were dropped by cleaning), up to a related-articles
    block: a tweet in the article's own text means the article is no older than it."""
    out = []
    for line in doc.dropped:
        n = fast_normalize(line.strip())
        if _RELATED_START.match(n):
            break
        if _TWEET.match(line.strip()):
            for d in find_dates(line):
                out.append((d, f"it quotes a tweet of {d}"))
    return out


class _Article:
    """Extraction state for one article: the events so far and which person was named in full."""

    def __init__(self, doc: Document, chunks: list[Chunk], officials: Officials):
        self.doc = doc
        self.officials = officials
        self.lex = officials.lexicon or load_lexicon()[0]
        self.sents = _sentences(doc, chunks)
        norm_all = fast_normalize(doc.text)
        self.article = infer_article_date(norm_all, doc.date, tweet_dates(doc))
        if not self.article.value:
            self.article = self._gathering_today() or self.article
        self.years = text_years(norm_all)
        self._families: tuple[int, dict[str, set[str]]] = (0, {})  # (how many seen, their last names: `_named_before`)
        self.seen: dict[str, Person] = {}  # the article's people named in full, in order (short names count after;
        # "the Syrian minister" is the one named before)
        self.towards: set[int] = set()
        self.place_at: dict[int, int] = {}
        self.trigger_at = 0
        self.due: set[int] = set()  # where the sentence's days that a contact was only due on start
        self.mentions: list[Mention] = []
        self.carried: dict[int, list[Match]] = {}  # a clause's start -> the people of the clause before it
        self.anchors: dict[int, str] = {}  # a clause's start -> the day the clause before it writes out
        self.apart_starts: set[int] = set()  # clauses a time-apart join opens (`contact_clauses`)
        self.opened: dict[int, tuple[str, str]] = {}  # a main clause's start -> its day (and basis) from the time
        # its sentence opens with (`_after_opening`)
        self.anchor = ""  # the day the clause before the one being read writes out ('' when none)
        self.last_statement_at = -2
        self.subject: Match | None = None  # the first person the sentence before names in full (its subject)
        self.lead: list[Match] = []  # that person, for a sentence opening with "He"
        self._scanned: dict[tuple[int, str], list[Match]] = {}  # the last sentence read by `scan_of`
        self.same_day: dict[int, tuple[str, str]] = {}  # a clause's start -> the day (and its basis) of the one before
        self.barrier = 0  # the first mention of the dated list's entry being read (`run`): earlier ones are not extended
        self.prev_day: str | None = None  # the last day the sentence before wrote (`run`): "Two days later, …"
        self.last_month = ""  # the last month (YYYY-MM) a sentence before wrote: "من الشهر نفسه" (`dates_in`)
        self.heading: tuple[str, str] | None = None  # the day (and basis) heading that entry, when given alone
        self._dated: dict[str, list] = {}  # a sentence's (or clause's) normalised text -> its dates (`dates_in`)

    def _gathering_today(self) -> ArticleDate | None:
        """An undated page that tells a known gathering as held today ("تنطلق اليوم السبت في العاصمة العراقية أعمال
        القمة العربية", "Arab leaders meet in Baghdad today for their summit"): the page is of that day (lexicon
        `today`; a weekday written with it must be the gathering's; of one of several days, only with that weekday)."""
        today = self.lex.today
        if today is None:
            return None
        for s in self.sents:
            words = _words(s.norm)
            # (not "في اليوم التالي للقاء", the day after the meeting: lexicon `today` `not`)
            at = [p for p in today.find(s.norm, words) if not (
                self.lex.today_not is not None and any(w in self.lex.today_not for w in s.norm[p:].split(None, 3)[1:3]))]
            if not at:
                continue
            found = self.officials.gatherings_in(s.norm)
            if len(found) > 1:  # (the same form of several years: the one in the city the sentence names)
                cities = {x.item.en for x in self.officials.scan(s.norm) if x.kind == "place"}
                found = [g for g in found if g.place in cities]
            if len(found) != 1:
                continue
            g = found[0]
            clause = _clause_span(s.norm, at[0])
            if not any(clause[0] <= x.start() < clause[1] for f in g.forms
                       for x in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", s.norm)):
                continue  # (the gathering and "today" in one clause)
            held = self.lex.today_held.find(s.norm, words) if self.lex.today_held is not None else []
            if not any(clause[0] <= p < clause[1] for p in held):
                continue  # (told as opening or held: not "Iraq today reaps little from the summit it hosted")
            day = date.fromisoformat(g.date)
            if self.article.after and g.date < self.article.after or self.article.before and g.date > self.article.before:
                continue
            wd = next((WEEKDAYS[w] for p in at for w in s.norm[p:p + 30].split()[1:3] if w in WEEKDAYS), None)
            if (wd is not None and wd != day.weekday()) or (wd is None and g.date_end and g.date_end != g.date):
                continue
            return ArticleDate(value=g.date, basis=f"undated; it tells {g.en} ({g.date}) as held today "
                                                   f"('{s.norm[at[0]:at[0] + 20].strip()}')")
        return None

    # ---- per sentence -------------------------------------------------------------------------

    def scope(self, s: "_Sentence"):
        """Matches in the clauses that are not a third country's (a Syria–Egypt call is not ours): a clause with
        a third country's official or country word is left out unless it names an Iraqi and a Syrian official
        (Iraqi and Syrian leaders meeting in Doha are ours; a city abroad is only a place)."""
        norm = s.norm
        masked = norm
        head = _DATELINE.match(s.text)
        # (or a dateline of two cities with the page's date: "ERBIL / BAGHDAD, Oct. 23, 2025 —" names where the
        # report was filed; one city, "DAMASCUS, Oct. 23, 2025 — al-Sharaa received …", is most often the venue, and
        # a dated list's entry, "Dec. 5, 2024 – … lands in Baghdad", is no dateline)
        lead, end = ("", head.end()) if head else lead_dateline_span(norm) if "/" in norm else ("", 0)
        if lead and (lead != self.article.value or "/" not in norm[:end]):
            end = 0
        if end:
            masked = " " * end + masked[end:]
        text = s.text
        for a, b in self.lex.not_people.spans(norm, _words(norm)):
            masked = masked[:a] + " " * (b - a) + masked[b:]
            if len(text) == len(norm):  # English titles are read in the text as written: masked there too
                text = text[:a] + " " * (b - a) + text[b:]
        matches = self._named_before(self.officials.scan(masked, text if len(text) == len(norm) else ""), norm,
                                     text if len(text) == len(norm) else "")
        found = self.officials.titled(masked, text) + self.officials.pairs(masked, text) + \
            self.officials.bodies(masked, text, self.home if self.lex.cooperating(norm, _words(norm)) else
                                  _host(matches))
        # (a title read inside a gathering's name is no official: "منتدى أنطاليا الدبلوماسي في تركيا")
        if any(t.kind == "title" for t in found):
            named_gatherings = self.officials.gathering_spans(masked)
            found = [t for t in found if not (t.kind == "title" and any(a <= t.start < b for a, b in named_gatherings))]
        # "Assad's ambassador": the person whose official is named is not a participant (he stands behind him)
        owners = [(t.start, t.end) for t in found if t.kind == "possessor"]
        owners += [(m.start, m.end) for m in self.owners(norm, matches + [t for t in found if t.kind == "person"])]
        matches = [m for m in matches if not (m.kind == "person" and any(a < m.end and m.start < b for a, b in owners))]
        found = [t for t in found if not (t.kind == "person" and any(a < t.end and t.start < b for a, b in owners))]
        # "مستشار رئيس الوزراء العراقي", "an adviser to Iraq's prime minister": whose adviser he is, not a party
        behind = self.principals(norm)
        # (and the name right after whose title it is, when he holds it: "المبعوث الخاص لرئيس الوزراء العراقي محمد
        # شياع السوداني"; not the role's own holder, "مستشار رئيس الوزراء العراقي فرهاد علاء الدين")
        titles_behind = [m for m in matches + found if m.kind == "title" and m.start in behind]
        behind |= {p.start for p in matches + found if p.kind == "person" and any(
            0 < p.start - t.end <= 2 and not norm[t.end:p.start].strip() and
            any(r.get("title") == t.item.id for r in getattr(p.item, "roles", ())) for t in titles_behind)}
        matches = [m for m in matches if not (m.kind in ("person", "title") and m.start in behind)]
        found = [t for t in found if not (t.kind in ("person", "title") and t.start in behind)]
        # a name read whole after its title holds the listed name inside it that is somebody else's ("النائب العراقي
        # نايف الشمري" is not the minister al-Shammari; "foreign minister Assad al-Shaibani" is not Bashar al-Assad; a
        # listed person's short name inside it is not him: "Hussein Jabbar al-Tamimi" is not Fuad Hussein)
        whole = [t for t in found if t.kind == "person"]
        matches = [m for m in matches if not (m.kind == "person" and any(
            t.start <= m.start and m.end <= t.end and m.end - m.start < t.end - t.start and t.item.id != m.item.id and
            (t.item.id in self.officials.by_id or m.short or name_key(t.item.en) == name_key(m.item.en) and
             self.officials.contradicts_first_name(t.item.en, m.item)) for t in whole))]
        named = [(m.start, m.end) for m in matches if m.kind == "person"]
        # (both sides' bodies in one phrase, "Syrian and Iraqi authorities", hold a side's words of the data, "Iraqi
        # authorities": the phrase is the two bodies)
        # (nor do both sides' officials in one phrase, "Syrian and Iraqi officials", hold "Iraqi officials")
        # (and a body of the side read on the same words, "Iraqi authorities", is that side's body: a party to a
        # joint act)
        wider = [(t.start, t.end, t.item.rank == BODY_RANK) for t in found if t.kind == "title"]
        matches = [m for m in matches if not (m.kind == "title" and m.item.rank == "side" and any(
            a <= m.start and m.end <= b and (b - a > m.end - m.start or body) for a, b, body in wider))]
        titles = [(m.start, m.end) for m in matches if m.kind == "title"]
        for t in (t for t in found if t.kind != "possessor"):
            # a name after a title; a title the data lacks only where no title of the data stands
            if not any(a < t.end and t.start < b for a, b in named + (titles if t.kind == "title" else [])):
                matches.append(t)
        # the one a delegation of a side is led by ("وفد برلماني عراقي برئاسة النائب مصطفى سند", "an Iraqi delegation
        # led by lawmaker Mustafa Sanad"), named with no title of his side, is of that side (lexicon `led_by`)
        if self.lex.led_by is not None:
            every = _words(norm)  # (a cue word ends where its written word ends: "وبرئاسة" is "و" + "برئاسة")
            cues = self.lex.led_by.spans(norm, every) + [(p, p + len(norm[p:].split(None, 1)[0]))
                                                        for w in self.lex.led_by.words & every.index.keys()
                                                        for p in every.index[w]]
            for cue, end in cues:
                group = [m for m in matches if m.kind == "title" and m.item.rank == "delegation" and 0 <= cue - m.end <= 40]
                head = self.officials.named_after(norm, text, end, group[-1].item.country, "head of the delegation") \
                    if group else None
                # (not a name the data or a title already reads there, "برئاسة رئيس جهاز المخابرات حميد الشطري")
                if head is not None and not any(m.kind == "person" and m.start < head.end + 2 and head.start < m.end
                                                for m in matches):
                    matches.append(head)
        # (a body right after "a delegation from" is the delegation's: "وفداً من وزارة الخارجية السورية")
        matches = [m for m in matches if not (m.kind == "title" and m.item.rank == BODY_RANK and
                                              _FROM_BODY.search(norm, 0, m.start))]
        # the country or city inside a body's name ("المديرية العامة لمكافحة المخدرات في العراق") is its side, not a
        # place of the contact
        inner = [(m.start, m.end) for m in matches if m.kind == "title" and m.item.rank == BODY_RANK]
        matches = [m for m in matches if not (m.kind in ("place", "country") and any(a <= m.start < b for a, b in inner))]
        # (so is a province inside an unnamed official's title of one side, "محافظ دير الزور", "محافظي الأنبار ودير
        # الزور", or right after an official's role, "محافظ الأنبار", or in English right before one, "Anbar Governor":
        # where he serves, not where the contact is)
        inner = [(m.start, m.end) for m in matches if m.kind == "title" and m.item.country in (IRAQ, SYRIA) and
                 m.item.rank != "side"]  # (and a delegation's: "وفد من شيوخ عشائر الأنبار" comes from there)
        matches = [m for m in matches if not (m.kind == "place" and m.item.country in (IRAQ, SYRIA) and
                                              m.item.en != m.item.country and
                                              (any(a <= m.start < b for a, b in inner) or
                                               self.officials.jurisdiction(norm, m.start, m.end)))]
        matches.sort(key=lambda m: m.start)
        bounds = [0] + [m.end() for m in _CLAUSE.finditer(norm)] + [len(norm) + 1]
        # (a comma inside one official's or title's words splits no clause: "the foreign ministers of Iraq, Syria,
        # Jordan, Lebanon and Turkey met in Amman", each side's minister read on the whole list)
        spans = [(m.start, m.end) for m in matches if m.kind in ("person", "title")]
        bounds = [b for b in bounds if not any(a < b < e for a, e in spans)]
        # a name set off by commas after the title it names ("received the US envoy for Syria, Tom Barrack, in
        # Baghdad") belongs to the clause before it: its country is that clause's
        people = [(m.start, m.end) for m in matches if m.kind == "person"]
        bounds = [b for i, b in enumerate(bounds) if i in (0, len(bounds) - 1) or not any(
            a >= b and (len(norm) + 1 if i + 1 >= len(bounds) else bounds[i + 1]) - e <= 2 and not norm[b:a].strip()
            for a, e in people)]
        # an item of a list of people set off by commas ("hosted Turkey's Hakan Fidan, Iraq's Fuad Hussein, Lebanon's
        # foreign minister and Syria's Asaad al-Shaibani"): no clause of its own, the list is one clause
        # (its last item goes on to the rest of the clause: "… and Syria's Asaad al-Shaibani on Sunday")
        named_at = [(m.start, m.end) for m in matches if m.kind in ("person", "title", "country")]
        kept_bounds, in_list = [], False
        for i, b in enumerate(bounds):
            if 0 < i < len(bounds) - 1 and norm[b - 1:b] in ",،":
                if _list_item(norm, b, bounds[i + 1] - 1, named_at, self.lex.list_links):
                    in_list = True
                    continue
                end = _list_end(norm, b, bounds[i + 1] - 1, named_at) if in_list else b
                if end > b and _list_item(norm, b, end, named_at, self.lex.list_links):
                    in_list = False
                    continue
            in_list = False
            kept_bounds.append(b)
        bounds = kept_bounds
        clauses = list(zip(bounds, bounds[1:]))

        def clause_of(pos: int) -> int:
            return next(i for i, (a, b) in enumerate(clauses) if a <= pos < b)

        third, actors = set(), {}
        said: list[int] | None = None  # (the clauses' contact words, read only for a country after "in")

        def told_in(ci: int) -> bool:
            nonlocal said
            if said is None:
                said = self.lex.contact_at(norm, _words(norm))
            return any(clauses[ci][0] <= p < clauses[ci][1] for p in said)

        for m in matches:
            country = m.item if m.kind == "country" else getattr(m.item, "country", None)
            if not country:
                continue
            ci = clause_of(m.start)
            if m.kind in ("person", "title"):
                actors.setdefault(ci, set()).add(country)
            # (a country right after a city of its own only says where the city is: "في دافوس بسويسرا", "in Davos,
            # Switzerland", "مؤتمر ميونخ للأمن في ألمانيا", "the Munich Security Conference in Germany")
            # (nor does a country after "in / في" that only says where, in a clause with no contact word of its own:
            # "…، الرئيس السوري أحمد الشرع على هامش منتدى أنطاليا في تركيا"; not "while al-Shaibani held talks in
            # Turkey")
            if country not in (IRAQ, SYRIA) and m.kind != "place" and not (m.kind == "country" and (
                    _locates(m, matches, norm) or _IN_VENUE.search(norm, max(0, m.start - 8), m.start) and
                    not told_in(ci))):
                third.add(ci)
        foreign = {ci for ci in third if not {IRAQ, SYRIA} <= actors.get(ci, set())}
        if foreign and self.lex.trilateral is not None:  # ("The two ministers proposed a tripartite meeting with
            # Turkey": the third joins the two, when the clause names no side's official of its own; "Fuad Hussein
            # attended a trilateral meeting with Turkey and Jordan" is his, a third country's contact)
            foreign -= {ci for p in self.lex.trilateral.find(norm, _words(norm))
                        if not actors.get(ci := clause_of(p), set()) & {IRAQ, SYRIA}}
        keep = [c for i, c in enumerate(clauses) if i not in foreign]

        def inside(pos: int) -> bool:
            return any(a <= pos < b for a, b in keep)

        kept = [m for m in matches if inside(m.start) and not (
            m.kind == "place" and m.item.country not in (IRAQ, SYRIA) and clause_of(m.start) in foreign)]
        # "Shaibani met Fidan in Ankara, a day after talking by phone with Fuad Hussein": the subject of a third
        # country's clause goes on into the next clause, where only the other side is named
        kept_sides = {m.item.country for m in kept if m.kind == "person"}
        if len(kept_sides) == 1 and kept_sides <= {IRAQ, SYRIA}:
            other = SYRIA if IRAQ in kept_sides else IRAQ
            first_kept = min((m.start for m in kept if m.kind == "person"), default=0)
            # (the subject: no third country's official before him in his clause, "التقى فيدان الشيباني، كما التقى
            # في لقاء منفصل فؤاد حسين" is Fidan going on, not al-Shaibani)
            carried = [m for m in matches if m.kind == "person" and m.item.country == other and m.start < first_kept
                       and clause_of(m.start) in foreign and not any(
                           x.kind in ("person", "title") and x.start < m.start and clause_of(x.start) == clause_of(m.start)
                           and getattr(x.item, "country", None) not in (IRAQ, SYRIA) for x in matches)]
            kept = sorted(kept + carried[:1], key=lambda m: m.start)
        # the people of a third country's clause left out: a sentence about them is not more of an earlier contact
        # ("… during al-Shatri's April visit. On Sunday, the US envoy was received in Baghdad by al-Sudani")
        left_out = {m.item.id for m in matches if m.kind == "person"} - {m.item.id for m in kept if m.kind == "person"}
        return kept, inside, left_out

    def scan_of(self, s: "_Sentence") -> list[Match]:
        """The people, titles, places and countries of a sentence as written, read once (`Officials.scan`)."""
        key = (s.start, s.norm)
        if key not in self._scanned:
            text = s.text if len(s.text) == len(s.norm) else ""
            self._scanned = {key: self._named_before(self.officials.scan(s.norm, text), s.norm, text)}
        return self._scanned[key]

    def _named_before(self, matches: list[Match], norm: str, text: str = "") -> list[Match]:
        """A short name several listed people share is the one of them the article named in full before ("نيجيرفان
        بارزاني …", then "بارزاني": Nechirvan, not the first Barzani of the list)."""
        out = []
        for m in matches:
            if m.kind == "person" and m.short and m.item.id not in self.seen:
                alt = [p for p in self.officials.sharing(norm[m.start:m.end]) if p.id in self.seen]
                if len(alt) == 1:
                    m = Match(m.start, m.end, "person", alt[0], True)
            out.append(m)
        # and the last word of the full name of someone it named before, no other such person sharing it
        # ("نيجيرفان بارزاني …", then "بارزاني"; "Nechirvan Barzani …", then "Barzani")
        if self._families[0] != len(self.seen):
            families: dict[str, set[str]] = {}
            for p in self.seen.values():
                for form in (p.name, p.en, *p.variants):
                    words = fast_normalize(form).split()
                    # (not the second word of a compound name, "عبد الله", "Abu …", nor a listed word of the data)
                    # (nor a word some listed name has before its last: a given name, "Mohammed", "سامي"; five
                    # letters at least: "سامي", "صالح" are words too)
                    if len(words) >= 2 and len(words[-1]) >= 5 and words[-2] not in self.lex.name_compound and \
                            not self.officials.is_listed_word(words[-1]) and words[-1] not in self.officials.given_names():
                        families.setdefault(words[-1], set()).add(p.id)
            self._families = (len(self.seen), families)
        for word, ids in self._families[1].items():
            if len(ids) != 1 or word not in norm:
                continue
            person = self.seen[next(iter(ids))]
            for x in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", norm):
                # (English: capitalised as a name is, "Barzani", not "abdullah" in a word)
                if text and not has_arabic(word) and (not text[x.start():x.start() + 1].isupper() or
                                                      self.officials.other_first_name(text, x.start(), person)):
                    continue  # (nor after another capitalised name or title: "King Abdullah")
                if not any(o.start < x.end() and x.start() < o.end for o in out):
                    out.append(Match(x.start(), x.end(), "person", person, True))
        out.sort(key=lambda m: m.start)
        return out

    def present_at(self, s: "_Sentence", every) -> int | None:
        """Where a sentence with no contact word puts an official of one side in a city of the other ("Syrian FM
        al-Shaibani in Baghdad", "الشطري مجدداً في دمشق": lexicon `present_in`, at most two words between), else None."""
        ins = self.lex.present_in.find(s.norm, every)
        if not ins or any(cue.find(s.norm, every) for _, cue in self.lex.status):
            return None  # (nor with a word of a contact that did not happen: "… after al-Sharaa stayed away")
        ms = self.scan_of(s)
        people = [m for m in ms if m.kind == "person" and m.item.country in (IRAQ, SYRIA) and
                  (not m.short or m.item.id in self.seen)]
        for pl in (m for m in ms if m.kind == "place" and m.item.country in (IRAQ, SYRIA) and
                   m.item.en != m.item.country):
            at = next((p for p in ins if p < pl.start and not s.norm[p:pl.start].split()[1:]), None)
            if at is None:
                continue
            for pm in people:
                gap = s.norm[pm.end:at]
                if pm.end <= at and pm.item.country != pl.item.country and len(gap.split()) <= 2 and \
                        not re.search(r"[،,.؛;:]", gap):
                    return at
        return None

    def principals(self, norm: str) -> set[int]:
        """Where an official named right after a role held for someone else may start ("مستشار رئيس الوزراء",
        "adviser to Iraq's prime minister", "spokesman for the president": lexicon `principal_of`)."""
        cue = self.lex.principal_of
        if cue is None:
            return set()
        ends = [b for _, b in cue.spans(norm, _words(norm))]
        for p in cue.find(norm, _words(norm)):
            tok = _TOKEN.match(norm, p)
            if tok is not None and any(tok.group(0)[k:] in cue for k in (0, 1, 2)):
                ends.append(tok.end())
        out = set()
        for end in ends:
            gap = _PRINCIPAL_GAP.match(norm, end)
            if gap is not None:
                out.add(gap.end())
        # ("المبعوث الخاص لرئيس الوزراء العراقي", "مبعوثاً خاصاً للسوداني": lexicon `principal_joined`, only "لـ")
        if self.lex.principal_joined is not None:
            for _, end in self.lex.principal_joined.spans(norm, _words(norm)):
                if (gap := _JOINED_LAM.match(norm, end)) is not None:
                    out |= {gap.end(), gap.end() - 1}  # (a name's match holds its "لـ", a title's may not)
        return out

    def owners(self, norm: str, matches: list[Match]) -> list[Match]:
        """People named only as owners of a thing ("carrying al-Sudani's invitation", "al-Sudani's office said"):
        not participants, unless the thing is the contact or their party to it ("al-Shaibani's visit", "Hussein's
        counterpart": lexicon `possessed_party`)."""
        return [m for m in matches if m.kind == "person" and (o := _POSSESSED.match(norm, m.end)) is not None and
                not any(w in self.lex.possessed_party or self.lex.kind_of(w) or self.lex.refers_back(w)
                        for w in o.group(1).split())]

    def status_of(self, norm: str, words: list[tuple[int, str]], inside, trigger: int | None,
                  past: list[int], triggers: list[int] | None = None, text: str = "") -> tuple[str, str]:
        """'happened', or the status the cue words give (denied, rumoured, … planned) and the cue: those of the
        trigger's own clause first; the sentence's others only when that clause reports nothing as done.
        `past`: where the sentence's verbs of a done contact stand."""
        if self.lex.counterfactual is not None and _opens(self.lex.counterfactual, norm.lstrip()):
            return "hypothetical", norm.lstrip().split(" ", 1)[0]  # "Had al-Sharaa landed in Baghdad, …"
        if norm.rstrip(" \"'”»)").endswith(("?", "؟")):  # a question asks of a contact, it reports none ("هل يزور رئيس
            return "hypothetical", norm.rstrip()[-1]  # وزراء عراقي دمشق في العام الجديد؟", "Will al-Sharaa come?")
        if trigger is not None:
            a, b = _clause_span(norm, trigger)
            # (a name set off by commas does not end the clause: "an invitation has been extended to Syria's president,
            # Ahmed al-Sharaa, to attend the summit" — the invitation is the attending's)
            while a > 0 and (c := _clause_span(norm, a - 1)[0]) > 0 and len(norm[c:a - 1].split()) <= APPOSITION_WORDS:
                a = _clause_span(norm, c - 1)[0]
            if _opens(self.lex.reported, norm[a:b].lstrip()):
                # "Neither side has confirmed claims, circulating since Friday, that X phoned Y": what the clause
                # reports is told by the sentence before it
                a = 0
            mine = lambda p: a <= p < b  # noqa: E731
            got = self._status_in(norm, words, lambda p: inside(p) and mine(p), [p for p in past if mine(p)], text=text)
            if got[0] == "rumoured":  # a claim the sentence goes on to deny ("posts claimed he arrived secretly …;
                # government sources denied them"): denied
                denial = [p for p in dict(self.lex.status)["denied"].find(norm, words) if inside(p) and p >= b]
                if denial:
                    return "denied", _word_at(norm, denial[0])
            # (a denial before the clause that takes it as what it denies: "denied that Baghdad had extended an
            # invitation to al-Sharaa, to attend the summit Iraq is due to host", "نفى أن يكون الوزير قد زار …")
            if got[0] != "denied" and (cue := self._denial_over(norm, words, inside, a)):
                return "denied", cue
            if got[0] != "happened" or any(mine(p) for p in past):
                return got
        # (the sentence's other clauses: a weak cue only in a clause with a contact word of its own, "… مع رفض أي
        # عدوان عليها، خلال لقائه …" is no plan; none in a clause of its own opened by a join word and holding no
        # contact word: "…، في حين غاب الشرع عن قمة بغداد" says nothing of the call before it)
        spans = [_clause_span(norm, t) for t in (triggers or [])]
        if trigger is not None:
            aside = [(a, b) for a, b in self._joined(norm) if not any(a <= t < b for t in triggers or [])]
            inside = (lambda was: lambda p: was(p) and not any(a <= p < b for a, b in aside))(inside)
        return self._status_in(norm, words, inside, past, text=text,
                               weak_at=None if trigger is None else lambda p: any(a <= p < b for a, b in spans))

    def _names_outlet(self, norm: str, end: int) -> bool:
        """Whether the words right after a place (ending at `end`) are an outlet's (lexicon `outlet_after`: 'a Baghdad
        news agency', 'the Damascus-based daily'): the place names the outlet, not where a contact was."""
        if self.lex.outlet_after is None:
            return False
        tail = norm[end:end + 30]
        return any(p <= 2 for p in self.lex.outlet_after.find(tail, _words(tail)))

    def _carried(self, norm: str, words, pos: int, past=()) -> bool:
        """Whether a plan's cue at `pos` is an invitation that belongs to a trip the sentence reports as made: one
        handed over on it ('حين سلّم الشرع دعوة لزيارة بغداد', 'handed al-Sharaa an invitation to visit Baghdad': a
        word of lexicon `carried` before it in its clause), or one the trip followed ('وصل الشيباني إلى بغداد بعد
        تلقيه دعوة رسمية لزيارة العراق', 'arrived … after receiving an invitation to visit': a verb of a done contact
        before it in the sentence, not the one receiving it right before it, 'تلقى دعوة', 'received an invitation')."""
        if self.lex.carried is None or not norm[pos:pos + 12].lstrip("وبل").startswith(("دعو", "invit")):
            return False
        start = _clause_span(norm, pos)[0]
        if any(start <= p < pos for p in self.lex.carried.find(norm, words)):
            return True
        near = {p for p, _ in [x for x in words if x[0] < pos][-INVITATION_VERB_WORDS:]}
        return any(q < pos and q not in near for q in past)

    def _denial_over(self, norm: str, words, inside, start: int) -> str:
        """The cue of a denial standing before `start` (a trigger's clause) and followed by a word that opens what
        it denies (lexicon `reported`: 'that', 'أن'), with no clause of its own opened between them (`joins`); ''
        for none."""
        seq = list(words)
        joined = [a for a, _ in self._joined(norm)]
        for p in dict(self.lex.status)["denied"].find(norm, words):
            if p >= start or not inside(p) or any(p < j <= start for j in joined):
                continue
            if any(w in self.lex.reported.words for _, w in [x for x in seq if x[0] > p][:3]):
                return _word_at(norm, p)
        return ""

    def _joined(self, norm: str) -> list[tuple[int, int]]:
        """(start, end) of the clauses that a join word opens after a comma (lexicon `joins`: "…، في حين …",
        "…, whereas …")."""
        out = []
        for m in _CLAUSE.finditer(norm):
            rest = norm[m.end():].lstrip()
            if _opens(self.lex.joins, rest):
                at = len(norm) - len(rest)
                out.append((at, _clause_span(norm, at)[1]))
        return out

    def modal_at(self, norm: str, words: list[tuple[int, str]], text: str = "") -> list[int]:
        """Where a modal stands before a verb (lexicon `modals`: "may pave the way", "قد تمهّد"): the Arabic one
        before a present-tense verb, the English one in lower case (not the month) before a word other than
        "have" (`text`: the sentence as written, for its capitals; English keeps its places when normalised)."""
        written = text if len(text) == len(norm) else ""
        out = []
        seq = list(words)
        for (p, w), (_, nxt) in zip(seq, seq[1:]):
            if w not in self.lex.modals.words:
                continue
            if has_arabic(w):
                was = [q for q, x in seq if p - 60 <= q < p and x in self.lex.modals_past.words]
                if len(nxt) > 2 and nxt[0] in "يتن" and not was:
                    out.append(p)
            elif written[p:p + len(w)] == w and nxt.isalpha() and nxt != "have":
                out.append(p)
        return out

    def _time_span(self, norm: str, p: int, cue) -> bool:
        """Whether the cue at `p` is followed by a word of a span of time ("one day ahead", "one day after")."""
        stop = self.lex.hypothetical_not_before
        if not stop:
            return False
        tail = norm[p:]
        for phrase in sorted((x for x in (*cue.phrases, *cue.words) if tail.startswith(x)), key=len, reverse=True):
            nxt = tail[len(phrase):].split()
            return bool(nxt) and nxt[0].strip(".,،") in stop
        return False

    def _reported_future(self, norm: str, words) -> list[int]:
        """Where the future of reported speech stands ("said he would visit", lexicon `planned.reported_future`): a
        word of it after a verb of saying (the statement words, `announced`) and right before a contact word (at
        most one word between, not "have")."""
        lex = self.lex
        if lex.reported_future is None:
            return []
        saying = [*lex.kinds["statement"].find(norm, words),
                  *(lex.announced.find(norm, words) if lex.announced is not None else [])]
        if not saying:
            return []
        out = []
        for p in lex.reported_future.find(norm, words):
            rest = norm[p:].split()
            after = [w.strip(".,،") for w in rest[1:4]]
            cond = norm[p:].split(".")[0].split()
            if min(saying) < p and after and after[0] not in lex.reported_future_not and any(
                    lex.kind_of(w) not in (None, "statement") for w in after[:2]) and \
                    not any(w.strip(".,،") in lex.reported_future_if for w in cond):
                out.append(p)  # (not "would not visit", nor "would visit … only if …": lexicon `reported_future`)
        return out

    def _status_in(self, norm: str, words, where, past, weak_at=None, text: str = "") -> tuple[str, str]:
        told = [p for p in self._reported_future(norm, words) if where(p)]
        # ("met on Sunday and agreed to set up a joint operations room": what was agreed is planned, the meeting
        # held; the body's first meeting is a plan of its own, `_joint_plans`)
        formed = {p for p in self.lex.forming.find(norm, words) if any(q < p for q in past)} \
            if self.lex.forming is not None and past else set()
        for status, cue in self.lex.status:
            if status == "hypothetical" and told:  # "al-Bashir said he would visit Iraq": his plan, as told
                return "planned", _word_at(norm, told[0])
            # (a plan's words too, in another clause, only with a contact word there: "… لقاء جمع الشرع والسوداني
            # في الدوحة، وقبل أقل من شهر على القمة المقبلة" is no planned meeting)
            hit = [p for p in cue.find(norm, words) if where(p) and (status != "planned" or weak_at is None or weak_at(p))
                   and not (status == "planned" and (p in formed or self._carried(norm, words, p, past)))]
            if status == "hypothetical":
                # (not a span of time: "one day ahead of the schedule", lexicon `hypothetical.not_followed_by`)
                hit = [p for p in hit if not self._time_span(norm, p, cue)]
                hit += [p for p in self.modal_at(norm, words, text) if where(p) and (weak_at is None or weak_at(p))]
            if hit:
                return status, _word_at(norm, hit[0])
        if (proposed := self._proposed(norm, words, where, past)) is not None:
            return "planned", _word_at(norm, proposed)
        weak = [p for p in self.lex.planned_weak.find(norm, words) if where(p) and (weak_at is None or weak_at(p))]
        if weak and not past:
            return "planned", _word_at(norm, weak[0])
        return "happened", ""

    def _proposed(self, norm: str, words, where, past: list[int]) -> int | None:
        """Where a proposal's word stands whose object is a contact ("proposed a tripartite meeting", "اقترح الوزيران
        عقد لقاء ثلاثي"), when no verb of a contact done stands outside it; None otherwise. Not a proposal made during
        a contact ("proposed a free-trade zone when he held talks", "قدم مقترحاً خلال اجتماع عقده"): the contact's
        word is then a verb done, or comes after "during" (lexicon `during`, `planned_weak.proposal`)."""
        props = [p for p in self.lex.proposal.find(norm, words) if where(p)] if self.lex.proposal is not None else []
        if not props:
            return None
        done, said = set(past), self.lex.contact_at(norm, words)
        occasion = self.lex.proposal_during.find(norm, words) if self.lex.proposal_during is not None else []
        objects = [c for c in said if c not in done and not any(
            0 < c - d and len(norm[d:c].split()) <= 2 for d in occasion)]
        for p in props:
            end = _clause_span(norm, p)[1]
            c = next((c for c in objects if p < c < end), None)
            # (a verb done between them is the proposal's "holding" ("عقد لقاء") unless it is a contact's own word,
            # "held talks")
            if c is not None and all(p <= x <= c and x not in said for x in past):
                return p
        return None

    def role_span(self, norm: str, matches) -> list[str] | None:
        """[from, to) of the roles, held only for a time, that the sentence names a person by ('قائد الإدارة
        السورية الجديدة أحمد الشرع' until 29 January 2025, 'الرئيس السوري أحمد الشرع' after it); of a person known in
        office only from a day (every role of the data has its `from`), from that day."""
        lo, hi = "", ""
        for m in matches:
            roles = getattr(m.item, "roles", ()) if m.kind == "person" else ()
            if roles and all(r.get("from") for r in roles) and min(r["from"] for r in roles) > self.lex.office_from:
                lo = max(lo, min(r["from"] for r in roles))  # (one known in office only from a day within the domain's
                # period: "Syria's intelligence chief Hussein al-Salama" is after 29 March 2025; lexicon `office_from`)
            if len(roles) < 2:
                continue
            before = norm[max(0, m.start - 60):m.start]
            for r in m.item.roles:
                forms = {fast_normalize(r.get("ar", "")).strip(), fast_normalize(r.get("en", "")).strip()} - {""}
                if any(before.rstrip(" ,،").endswith(f) for f in forms):
                    lo = max(lo, r.get("from", ""))
                    hi = min(hi or "9999", r.get("to") or "9999")
        return [lo, hi or "9999"] if lo or hi not in ("", "9999") else None

    def denied_at(self, norm: str, words) -> tuple[int, int] | None:
        """(where the contact word stands, where the denial stands) for a sentence whose denial speaks of a contact
        with a word that names one only there (lexicon `denied_contact`: "denied any channel with the Syrian defence
        ministry", "نفى … أي تنسيق مع …"); None otherwise."""
        lex = self.lex
        nouns = lex.denied_contact.find(norm, words)
        if not nouns:
            return None
        cues = dict(lex.status)["denied"].find(norm, words)
        if cues and (after := [p for p in nouns if p > min(cues)]):
            return after[0], min(cues)
        # "الحديث عن اتفاق بين الحكومتين … غير صحيح", "talk of an agreement … is untrue": the denial after it
        post = lex.denied_after.find(norm, words) if lex.denied_after is not None else []
        if post and (before := [p for p in nouns if p < min(post)]):
            return before[-1], min(post)
        # "said there is no channel yet with …", "قال إنه لا يوجد أي تنسيق مع …", "العباسي: لا تواصل مع …", a quote:
        # words said by one side that there is none (not "neither side reported any contact": nobody's denial)
        said = lex.kinds["statement"].find(norm, words) + [m.start() for m in re.finditer(r"[:\"“«]", norm)]
        neg = lambda w: w in lex.negators or (w[:1] in ("و", "ف") and w[1:] in lex.negators)  # noqa: E731 "ولم"
        for n in (n for n in nouns if any(p < n for p in said)):
            a, _ = _clause_span(norm, n)
            before = [(p, w) for p, w in words if a <= p < n]
            near = sorted({p for p, _ in before})[-2:]
            if any(w in lex.neg_close for p, w in before if p in near):
                return n, min(p for p, w in before if p in near and w in lex.neg_close)
            last = before[-1][0] if before else -1
            if any(w in lex.neg_determiners for p, w in before if p == last) and \
                    (negs := [p for p, w in before if p < last and neg(w)]):
                return n, negs[0]
        return None

    def negated(self, norm: str, words: list[tuple[int, str]], triggers: list[int], people_at: list[int]) -> str:
        """Whether the clause of the sentence's first contact word says that contact did not take place or was not
        reported (lexicon `negated`): a phrase of its own ("did not meet", "لم يلتق"), or the contact word right after
        "any" / "أي" / "إلى" with "not" / "لم" earlier in that clause ("Neither side reported any meeting", "ولم تشر
        المصادر إلى لقاء بين …"); "did not give details of the meeting" keeps its meeting. 'negated'; or 'never' for a
        clause that opens with "no" and an official ("No Iraqi prime minister has visited Damascus": a contact that
        never was, as "has never visited" is; not "No date was given for the meeting"); else ''. `people_at`: where
        the sentence names people or titles."""
        if not triggers:
            return ""
        lex = self.lex
        first = min(triggers)
        # ("جلس السوداني والشرع في قاعة واحدة، ولم يُعلن عن لقاء بينهما", "both attended, but no meeting between
        # them was announced": a later clause denying a contact between the same two denies the sentence's)
        between = lex.neg_between
        for t in sorted(triggers)[1:]:
            a, b = _clause_span(norm, t)
            if between is not None and any(a <= p < b for p in between.find(norm, words)) and \
                    self.negated(norm, words, [t], []) == "negated":
                return "negated"
        a, b = _clause_span(norm, first)
        if any(a <= p < b for p in lex.negated.find(norm, words)):
            return "negated"
        # ("لا يزال مصير زيارة …", "لا سيما …": "still", "especially", no negation; lexicon `negated.idioms`)
        idiom = {p for (p, w), (_, nxt) in zip(words, list(words)[1:]) if nxt in lex.neg_idioms}
        before = [(p, w) for p, w in words if a <= p < first and p not in idiom]
        if not before:
            return ""
        opens = min(p for p, _ in before)
        if any(w in lex.neg_close for p, w in before if p == opens) and len({p for p, _ in before}) <= 6 and \
                any(opens < p <= opens + 6 for p in people_at):
            return "never"
        last = before[-1][0]  # (a word and its forms without a proclitic stand at one position)
        near = sorted({p for p, _ in before})[-3:]  # the three words before the contact word
        if any(w in lex.neg_close for p, w in before if p in near):
            return "negated"  # "had no announced meeting with …"
        neg = lambda w: w in lex.negators or (w[:1] in ("و", "ف") and w[1:] in lex.negators)  # noqa: E731 "ولم"
        return "negated" if any(w in lex.neg_determiners for p, w in before if p == last) and \
            any(neg(w) for p, w in before if p < last) else ""

    @staticmethod
    def _names_title(cur: Mention, parts: list[dict], places) -> bool:
        """Whether the people a sentence names beyond a contact's are those its earlier report gave only by title:
        a headline's "Kurdistan Region president and Syria's al-Sharaa hold first meeting", then "Nechirvan Barzani,
        president of Iraq's Kurdistan Region, sat down with …" (each new name's side had only an unnamed official
        of that rank in the contact)."""
        if cur.place and places and all(pl.en != cur.place["name_en"] for pl in places):
            return False  # (another city: another contact, "… met al-Sharaa in Doha on Tuesday")
        extra = [p for p in parts if p["named"] and p["id"] not in cur.named]
        return bool(extra) and all(
            not any(q["named"] and q["country"] == p["country"] for q in cur.participants) and
            any(not q["named"] and q["country"] == p["country"] and q.get("rank") == p.get("rank")
                for q in cur.participants) for p in extra)

    def _not_coming(self, norm: str, words, matches: list[Match], first: int) -> list[Match]:
        """Of a contact told as done, the people named only in another clause that calls their part off ("وصل
        الشيباني إلى بغداد ليترأس وفد بلاده، بعدما أعلنت الرئاسة أن الرئيس أحمد الشرع لن يشارك", "…, after the
        presidency said al-Sharaa would not attend"): no party to it (lexicon status `cancelled`)."""
        called_off = dict(self.lex.status).get("cancelled")
        if called_off is None:
            return matches
        cues = [p for p in called_off.find(norm, words)
                if _clause_span(norm, p) != _clause_span(norm, first)]
        if not cues:
            return matches
        spans = {_clause_span(norm, p) for p in cues}
        out = {m.item.id for m in matches if m.kind == "person" and any(a <= m.start < b for a, b in spans)}
        out -= {m.item.id for m in matches if m.kind == "person" and not any(a <= m.start < b for a, b in spans)}
        return [m for m in matches if not (m.kind == "person" and m.item.id in out)]

    def directors(self, norm: str, words: list[tuple[int, str]], matches) -> set[str]:
        """Ids of who is named right after 'بتوجيه من' / 'on the instructions of': the first person named after
        the cue (with the title standing before that name), in the cue's clause, not after "with"."""
        out = set()
        for cue in self.lex.directed.find(norm, words):
            before = norm[:cue].split()
            if before and self.lex.directed_passive and before[-1] in self.lex.directed_passive and \
                    f"{norm[cue:].split(' ', 1)[0]} by" not in self.lex.directed.phrases:  # (not "was sent by X")
                continue  # "Syria was represented at the summit by al-Shaibani": he took part
            end = min(next((m.start() for m in _CLAUSE.finditer(norm, cue)), len(norm)), cue + 90)
            after = [m for m in matches if m.kind in ("person", "title") and cue < m.start <= end]
            if not after:
                continue
            # (not who is named after "with": whom the contact was with, "بتوجيه من رئيس مجلس الوزراء لإجراء
            # محادثات مع الرئيس السوري أحمد الشرع")
            if any(w in _WITH_WORDS for w in norm[cue:after[0].start].split()):
                continue
            person = next((m for m in after if m.kind == "person"), None)
            stop = person.start if person else after[0].start
            out |= {m.item.id for m in after if m.start <= stop}
        return out

    def people(self, matches, when: str | None, exact: str | None = None,
               directors: frozenset[str] = frozenset()) -> tuple[list[dict], list[dict], set[str]]:
        """Participants (named people, and titles standing for an unnamed official), side-only titles, sides.
        A director ('on the instructions of the prime minister') does not stand in for his side's delegation."""
        named: list[tuple[int, Person]] = []
        for m in matches:
            if m.kind == "person" and (not m.short or m.item.id in self.seen):
                named.append((m.start, m.item))
        for _, p in named:
            self.seen.setdefault(p.id, p)
        named_countries = {p.country for _, p in named if p.id not in directors}
        out, sides_only, sides = [], [], set()
        for _, p in named:
            # out of office only by a known date: an undated article's bound ('before 8 December') is not one; a
            # spokesman reports a contact, he is not one of its people (his role holds a lexicon `not_people` phrase)
            if p.id not in {x["id"] for x in out} and not _out_of_office(p, exact) and not self._reporter(p, when):
                out.append(_participant(p, when))
        for m in matches:
            if m.kind == "title":
                t: Title = m.item  # type: ignore[assignment]
                if t.country not in (IRAQ, SYRIA):
                    continue  # a third country's unnamed official ("وفد مصري") beside both sides is no participant
                sides.add(t.country)
                if t.rank == "side":
                    sides_only.append(_participant(t, when))
                elif t.country not in named_countries and t.id not in {x["id"] for x in out}:
                    # one unnamed participant per country and kind of official: the most specific wording
                    out.append(_participant(t, when))
            elif m.kind == "country":
                sides.add(m.item)  # type: ignore[arg-type]
            elif m.kind == "place":
                sides.add(m.item.country)  # type: ignore[union-attr]
        sides |= {p["country"] for p in out}
        return out, sides_only, sides

    @cached_property
    def home(self) -> str | None:
        return self.home_city.country if self.home_city is not None else None

    @cached_property
    def home_city(self) -> Place | None:
        """The side of the city an article's dateline files it from ("بغداد – وكالة أنباء براثا", "DAMASCUS, Oct 24
        (SANA) —"): the first words of a byline line or of one of the first four sentences, a city of Iraq or Syria
        followed by a dash, a comma or a bracket. A body named without its side in a sentence of the two sides acting
        together ("أعلنت وزارة الداخلية … بالتعاون مع السلطات السورية") is of it; read only for such a sentence."""
        # (the byline the cleaner took off the page, then the first sentences)
        lines = [fast_normalize(x) for x in self.doc.dropped[:6]] + [s.norm for s in self.sents[:4]]
        for norm in lines:
            ms = self.officials.scan(norm)
            first = ms[0] if ms else None
            if first is not None and first.kind == "place" and first.item.country in (IRAQ, SYRIA) and \
                    not norm[:first.start].strip(" -–—\n") and _HOME_AFTER.match(norm, first.end):
                return first.item
        return None

    def dates_in(self, norm: str) -> list:
        """The dates of a normalised sentence (or clause) against the article's date, read once per text: the list
        reading (`entry_opener`) and the sentence's own reading ask for the same ones."""
        # ("في الخامس والعشرين من الشهر نفسه": the month the article named last before it)
        norm = same_month_text(norm, self.last_month)
        got = self._dated.get(norm)
        if got is None:
            got = resolve_dates(norm, self.article, self.years)
            # a paragraph opening with the page's dateline ("BAGHDAD, Oct. 23, 2025 — … phoned … on Wednesday"):
            # that date is the report's, not the contact's, when the sentence gives a day of its own (not a month:
            # "… the agreement signed in March")
            if len(got) > 1 and (lead := lead_dateline(norm)) and got[0].value == lead == self.article.value and \
                    got[0].start <= 60 and any(d.relative and len(d.value or '') == 10 for d in got[1:]):
                got = got[1:]
            self._dated[norm] = got
        return list(got)

    def entry_opener(self, s: _Sentence):
        """The date a sentence opens with as the heading of a list's entry ("- 30 كانون الأول 2024: …", "July 30,
        2025.", "Background — May 12, 2024."): a date after at most one word and a dash, followed by ":", ".", a dash
        or nothing. (date, whether the sentence is that date alone), else None."""
        for d in self.dates_in(s.norm):
            if _ENTRY_BEFORE.fullmatch(s.norm[:d.start]) and _ENTRY_AFTER.match(s.norm, d.end):
                return d, not s.norm[d.end:].strip(" .:-–—\n")
            break
        return None

    def run(self) -> list[Mention]:
        # a dated list (two entries or more, each opening with its date): an entry's contacts are its own, never
        # more of the entry before; a date standing alone heads the sentences after it, whose contact has its day
        openers = {i: got for i, s in enumerate(self.sents) if (got := self.entry_opener(s)) is not None}
        listed = len(openers) >= 2
        heading = None
        year: tuple[int, int] | None = None  # (year, month) of the list's last entry whose year is known
        context = None  # the year a heading of this paragraph wrote ("December 2024." alone, then "… on December 19")
        heading_at = -1
        for i, s in enumerate(self.sents):
            if i and "\n" in self.doc.text[self.sents[i - 1].end:s.start] and heading_at != i - 1:
                context = None  # (a new paragraph, unless the line before is the heading itself)
            before = len(self.mentions)
            if listed and i in openers:
                self.barrier = len(self.mentions)
                d, alone = openers[i]
                heading = (d.value, d.basis + " (the date heading its entry of a dated list)") if alone and d.value else None
                year = _list_year(d, year)
            self.heading = heading
            opener = _WORD.search(s.norm)
            pronoun = opener is not None and opener.group(0) in self.lex.subject_pronouns
            self.lead = [self.subject] if pronoun and self.subject is not None else []
            for j, part in enumerate(self.contact_clauses(self._after_opening(s))):
                self.anchor = self.anchors.pop(part.start, "")
                if not self.anchor and j:
                    # (a clause after one whose contact has its day: "Mar. 14 — … visits Baghdad, three weeks after a
                    # trip planned for Feb. 22 was put off" in a review of 2025 is 22 February 2025)
                    self.anchor = next((m.date for m in reversed(self.mentions) if m.date and len(m.date) == 10 and
                                        any(s.start <= c["start"] < part.start for c in m.citations)), "")
                carried = self.carried.pop(part.start, None)
                if j == 0 and pronoun and carried is None and self.subject is not None:
                    carried = [self.subject]  # "He first met Ahmed al-Sharaa …" after "Hamid al-Shatri … was …"

                self.sentence(i, part, carried)
            for m in self.mentions[before:]:
                if day := _in_context(m.date, m.date_basis, context, self.article.value):
                    m.date = day
                    m.date_basis = m.date_basis.split(";")[0] + f"; {day[:4]}, the year of the date written before " \
                                                                f"it in its paragraph ({context})"
            written = self.dates_in(s.norm)
            # (a month of no known year too: "في منتصف نيسان" in an undated page)
            self.last_month = next((d.value[:7] if d.value and len(d.value) >= 7 else f"????-{d.month:02d}"
                                    for d in reversed(written) if d.value and len(d.value) >= 7 or d.month),
                                   self.last_month)
            # the last day this sentence writes, for "Two days later, …" in the next one
            self.prev_day = next(((_in_context(d.value, d.basis, context, self.article.value) or d.value)
                                  for d in reversed(written) if d.value and len(d.value) == 10), None)
            # (only a heading: a month and year, or a day with its year, standing alone; not "since the fall of Assad
            # on December 8, 2024" inside a sentence)
            year_line = next((d.value for d in written if d.value and not d.relative and len(d.value) >= 7 and
                              not s.norm[:d.start].strip(" -–—•*#") and not s.norm[d.end:].strip(" .:-–—\n")), None)
            if year_line:
                context, heading_at = year_line, i
            if not pronoun:  # (after "He …", the subject is still the one "He" stood for)
                self.subject = next((m for m in self.scan_of(s) if m.kind == "person" and (not m.short or m.item.id in self.seen)), None)
            if listed and year:
                # an entry's day and month with no year: the year of the entries before it, the next one when its
                # month comes before theirs ("- 30 كانون الأول 2024: …", then "- 14 آذار: …" is 14 March 2025)
                for m in self.mentions[self.barrier:]:
                    if m.date is None and m.monthday and \
                            (day := iso(year[0], int(m.monthday[:2]), int(m.monthday[3:]))):
                        m.date = day
                        m.date_basis = f"'{m.monthday}' has no year; {year[0]}, from the dated list's entries before it"
        return [m for m in self.mentions if IRAQ in m.sides and SYRIA in m.sides]

    def _after_opening(self, s: _Sentence) -> _Sentence:
        """A sentence opening with a time from another contact ("Four days after Mr Al Shatri's visit, Fuad Hussein
        spoke by phone with …", "بعد أسبوعين من زيارة الشطري، …": lexicon `durations`, `Lexicon.opener_of`): its
        main clause only, whose people the opening's are not; its contact's day, when it has none of its own, is
        that time from the day of the contact the article reported before with someone the opening names (or, when
        the opening names no one, the last dated one)."""
        got = self.lex.opener_of(s.norm)
        if got is None:
            return s
        days, cut, end, exact = got
        at_text = _text_positions(s.text, s.norm)
        ta = at_text[cut]
        main = _Sentence(s.start + ta, s.end, s.text[ta:], s.norm[cut:], s.chunk_id)
        opening = s.norm[:cut]
        named = {m.item.id for m in self._named_before(self.officials.scan(opening), opening) if m.kind == "person"}
        if not named or any(d.value or d.monthday for d in self.dates_in(opening)):
            return s  # (an opening naming no one, or with a day of its own, is read as before: "Two days after
            # meeting al-Sharaa in Doha on April 17, …" tells that meeting too)
        kinds = {GROUP.get(k) for k, pos in self.lex.kind_at(opening, _words(opening)).items() if pos} - {None}
        ref = next((m for m in reversed(self.mentions) if m.date and len(m.date) == 10 and
                    named <= {p["id"] for p in m.participants} and GROUP.get(m.kind) in kinds), None)
        if ref is None:
            return s
        moved = _plus(ref.date, days)
        phrase = s.norm[:end].strip()
        self.opened[main.start] = (moved if exact else moved[:7],
                                   f"'{phrase}' = {abs(days)} day(s) {'before' if days < 0 else 'after'} {ref.date}, "
                                   f"the day of the contact it names, reported before" +
                                   ("" if exact else " (counted in weeks: its month)"))
        return main

    def contact_clauses(self, s: _Sentence) -> list[_Sentence]:
        """A sentence reporting two contacts in joined clauses ("X met Y in Doha on 15 April, and Z led a
        delegation to Damascus on 25 April"; "…، فيما زار …") is read as two: split where a clause opens with a
        join word (lexicon `joins`, or "و" on a contact word) or after a semicolon, when each side holds a contact
        word, a person or title, and both countries, and no one is named in both. Otherwise ("arrived on Friday,
        and met al-Sudani on Saturday": one side alone; "received al-Shaibani, and al-Shaibani met Rashid": the same
        visitor going on) it stays one sentence."""
        lex = self.lex
        if not lex.joins.words and not lex.joins.phrases:
            return [s]
        words = _words(s.norm)
        triggers = lex.contact_at(s.norm, words)
        # (an official of one side put in a city of the other, `present_at`, is a contact too: "الشطري في دمشق يوم 26
        # كانون الأول، ثم اتصال فؤاد حسين بالشيباني")
        if triggers and (pres := self.present_at(s, words)) is not None and pres < triggers[0]:
            triggers = [pres] + triggers
        if len(triggers) < 2:
            return [s]
        cuts = []
        apart: set[int] = set()  # cuts whose join puts the next contact at another time ("…, days before …")
        for m in _CLAUSE.finditer(s.norm):
            rest = s.norm[m.end():].lstrip()
            at = len(s.norm) - len(rest)
            first = rest.split(" ", 1)[0]
            framed = _after_frame(lex.join_frames, rest)  # ("، ويأتي اللقاء بعد شهر من …": the join after them)
            joined = m.group(0) in "؛;" or _opens(lex.joins, rest) or _opens(lex.returns, rest) or \
                (framed != rest and _opens(lex.joins, framed)) or \
                (len(first) > 2 and first[0] == "و" and lex.kind_of(first[1:]) is not None) or \
                (len(first) > 2 and first[0] == "و" and any(  # "، والشيباني يمثل بلاده": "و" on a person's name
                    x.kind == "person" and x.start == 0 for x in self.officials.scan(rest[1:])[:1]))
            if joined and triggers[0] < m.start() and any(p >= at for p in triggers):
                cuts.append(at)
                if _opens(lex.joins_apart, rest) or _opens(lex.joins_apart, framed):
                    apart.add(at)
        # a headline's "… ونفي عراقي لاتصال …": "و" on a status word opens a clause too, with no comma (not "زار …
        # دمشق والتقى …": one visit)
        cues = [w for _, w in lex.status]
        for m in re.finditer(r"(?<=\s)و(\w+)", s.norm):
            word = m.group(1)
            # (or on a status phrase after a comma: "…، ومن المنتظر أن يلتقي …")
            if (any(word in w for w in cues) or re.search(r"[،,]\s*$", s.norm[:m.start()]) and
                    any(_opens(w, s.norm[m.start() + 1:]) for w in cues)) and triggers[0] < m.start() and \
                    any(p >= m.start() for p in triggers) and m.start() not in cuts:
                cuts.append(m.start())
        # "and" with no comma on a contact verb ("saw al-Shaibani in Munich in February and met al-Sharaa in Antalya
        # on April 11", "… والتقى …"): a cut only for a contact of its own day and city (`moves_on`)
        bare = set()
        for m in re.finditer(r"(?<=\s)(?:and\s+|و(?=\w))(\w+)", s.norm):
            if lex.kind_of(m.group(1)) not in (None, "statement") and triggers[0] < m.start() and \
                    any(p >= m.start() for p in triggers) and m.start() not in cuts and \
                    not re.search(r"[،,؛;]\s*$", s.norm[max(0, m.start() - 4):m.start()]):
                cuts.append(m.start())
                bare.add(m.start())
        cuts.sort()
        if not cuts:
            return [s]

        at_text = _text_positions(s.text, s.norm)  # (a vowel mark "يُعاد" is gone from the normalised text)

        def part(a: int, b: int) -> _Sentence:
            ta = at_text[a]
            text = s.text[ta:at_text[b]].rstrip(" ,،؛;")
            return _Sentence(s.start + ta, s.start + ta + len(text), text, fast_normalize(text), s.chunk_id)

        found: dict[str, list[Match]] = {}

        def scan(x: _Sentence) -> list[Match]:  # (each part is read once, whichever test asks first)
            if x.norm not in found:  # (the first part's "He" is the subject of the sentence before: `run`)
                ms = self.officials.scan(x.norm, x.text if len(x.text) == len(x.norm) else "")
                owned = self.owners(x.norm, ms)
                lead = self.lead if x.start == s.start else self.carried.get(x.start, [])  # (or the clause before's)
                found[x.norm] = lead + [m for m in ms if m not in owned]
            return found[x.norm]

        def whole(x: _Sentence) -> set[str] | None:
            """The people of a contact of its own (a contact word, someone, and both countries), else None."""
            ms = scan(x)
            if not any(m.kind in ("person", "title") for m in ms):
                return None
            sides = {m.item if m.kind == "country" else getattr(m.item, "country", None) for m in ms}
            if {IRAQ, SYRIA} <= sides and (any(lex.kind_at(x.norm, _words(x.norm)).get(k)
                                                for k in ("visit", "delegation", "meeting", "call")) or
                                            self.present_at(x, _words(x.norm)) is not None):
                return {m.item.id for m in ms if m.kind == "person"}
            return None

        def status(x: _Sentence) -> str:
            return next((st for st, cue in lex.status if cue.find(x.norm, _words(x.norm))), "happened")

        def goes_on(x: _Sentence) -> bool:
            """A clause whose contact verb follows the join at once, naming no one, with a day of its own: the
            subject before goes on to another contact ("… spoke on March 31, and met in Doha on April 15",
            "تحادثا هاتفياً أواخر آذار، والتقيا في الدوحة منتصف نيسان")."""
            ws = x.norm.split()
            verb = ws[1] if len(ws) > 1 and ws[0] in lex.joins else ws[0][1:] if ws and ws[0][:1] == "و" else ""
            if _opens(lex.returns, x.norm) or verb and _opens(lex.returns, x.norm[x.norm.index(verb):]):
                return unnamed_day(x)  # ("…, went back on April 25 with a delegation, and returned on August 28")
            if not verb or lex.kind_of(verb) in (None, "statement"):
                return False
            return unnamed_day(x)

        def unnamed_day(x: _Sentence) -> bool:
            """A clause that names no one of the two sides (a host of a third country may be there: "…, and met
            in Doha on April 15, with the Qatari emir in the room") and has a day of its own."""
            return not any(m.kind in ("person", "title") and getattr(m.item, "country", None) in (IRAQ, SYRIA)
                           for m in scan(x)) and any(
                d.value or d.weekday is not None or d.monthday or d.month
                for d in self.dates_in(x.norm))

        def cities(x: _Sentence) -> set[str]:
            """The cities a clause names."""
            return {m.item.en for m in scan(x) if m.kind == "place" and m.item.en != m.item.country}

        def carries(left: _Sentence, right: _Sentence) -> list[Match]:
            """The left clause's people, and its place when the right one names none, for the right one (none but
            a city of those people's own side, after a time-apart join: "… visit to Baghdad on Friday, weeks after
            an earlier planned trip was delayed, fuelling doubts about … the new authorities in Damascus")."""
            people = [m for m in scan(left) if m.kind in ("person", "title") and m.item.country in (IRAQ, SYRIA)]
            homes = {m.item.country for m in people} if right.start - s.start in {at_text[c] for c in apart} else set()
            return people + [m for m in scan(left) if m.kind == "place" and m.item.country in (IRAQ, SYRIA) and not any(
                x.kind == "place" and x.item.country not in homes for x in scan(right))]

        def one_side(left: _Sentence, right: _Sentence) -> list[Match]:
            """The left clause's venue, when the right one has a contact word and someone of one side only and
            names no place: the venue it goes on about (else [])."""
            ms = scan(right)
            people = {m.item.country for m in ms if m.kind in ("person", "title")}
            own = {m.item if m.kind == "country" else m.item.country for m in ms if m.kind in ("place", "country") and
                   (m.kind == "country" or m.item.en == m.item.country) and
                   (m.item if m.kind == "country" else m.item.country) in people}  # ("Syria was represented by")
            if len(people) != 1 or any(m.kind in ("place", "country") and
                                       (m.item if m.kind == "country" else m.item.en) not in own for m in ms) or \
                    not any(lex.kind_at(right.norm, _words(right.norm)).get(k)
                            for k in ("visit", "delegation", "meeting", "call")):
                return []
            venue = [m for m in scan(left) if m.kind == "place"
                     and m.item.country in (IRAQ, SYRIA) and m.item.country not in people]
            return venue[:1]

        def moves_on(left: _Sentence, right: _Sentence) -> list[Match] | None:
            """A clause whose contact verb follows the join at once, naming someone of one side only, with a day
            and a city of its own (not the left's): the left's subject went on to another contact ("… saw
            al-Shaibani in Munich in February, and met al-Sharaa in Antalya on April 11"). The left's people of the
            other side, for the right clause; else None."""
            ws = right.norm.split()
            verb = ws[1] if len(ws) > 1 and ws[0] in lex.joins else ws[0][1:] if ws and ws[0][:1] == "و" else ""
            if not verb or lex.kind_of(verb) in (None, "statement"):
                return None
            named = {m.item.country for m in scan(right) if m.kind in ("person", "title")}
            rc, lc = cities(right), cities(left)
            if len(named) != 1 or not rc or rc & lc or not lc or not any(
                    d.value or d.weekday is not None or d.monthday or d.month for d in self.dates_in(right.norm)):
                return None
            subject = [m for m in scan(left) if m.kind in ("person", "title") and
                       getattr(m.item, "country", None) in (IRAQ, SYRIA) and m.item.country not in named]
            return subject or None

        def awaits(left: _Sentence, right: _Sentence) -> list[Match] | None:
            """The left clause's people of the other side, when the right one names people of one side only, none
            named in the left, and holds a contact word; else None."""
            named = [m for m in scan(right) if m.kind in ("person", "title")]
            sides = {m.item.country for m in named}
            lp = {m.item.id for m in scan(left) if m.kind in ("person", "title")}
            if len(sides) != 1 or any(m.item.id in lp for m in named) or not any(
                    lex.kind_at(right.norm, _words(right.norm)).get(k) for k in ("visit", "meeting", "call")):
                return None
            other = [m for m in scan(left) if m.kind in ("person", "title") and
                     getattr(m.item, "country", None) in (IRAQ, SYRIA) and m.item.country not in sides]
            return other or None

        def day_of(x: _Sentence) -> str:
            """A clause's own day (or day and month), '' when it has none or several."""
            days = {d.value if d.value and len(d.value) == 10 else d.monthday or "" for d in self.dates_in(x.norm)}
            return next(iter(days)) if len(days) == 1 else ""

        def own_contact(left: _Sentence, right: _Sentence) -> bool:
            """A clause with a contact word, someone the clause before does not name, and a day of its own other
            than the clause before's: another contact of a list ("… arrived in Baghdad on August 11 for pipeline
            talks, and Mr Al Shatri made his third trip on August 28"), whatever the places it names."""
            lp = {m.item.id for m in scan(left) if m.kind in ("person", "title")}
            rms = [m for m in scan(right) if m.kind in ("person", "title")]
            rp = {m.item.id for m in rms}
            at = [p for k in ("visit", "delegation", "meeting", "call")
                  for p in lex.kind_at(right.norm, _words(right.norm)).get(k, [])]
            # (its subject of its own before its contact word: not "…, and met Prime Minister al-Sudani on
            # Saturday", the visitor going on)
            # (nor one whose contact takes someone of the clause before by a pronoun: "…, and Prime Minister
            # al-Sudani received him on Sunday", lexicon `object_pronouns`)
            return bool(rp) and not rp & lp and bool(lp) and "" != day_of(left) != day_of(right) != "" and \
                bool(at) and min(m.start for m in rms) < min(at) and \
                not (lex.object_pronouns is not None and lex.object_pronouns.find(right.norm, _words(right.norm)))

        out, start = [], 0
        for cut in cuts:
            left, right = part(start, cut), part(cut, len(s.norm))
            a, b = whole(left), whole(right)
            if cut not in bare and (a is None or b is None) and own_contact(left, right):
                out.append(left)
                start = cut
                continue
            if a and b is None and (subject := moves_on(left, right)):
                out.append(left)
                start = cut
                self.carried[s.start + at_text[cut]] = subject
                continue
            if cut in bare:
                continue
            # the subject going on to another contact ("visited Damascus on December 26, and visited it again on
            # April 25"), or a contact of its own status and day ("… visited Baghdad on March 14, after a trip
            # planned for February 22 was postponed"): the clause before gives its people, and its place when it
            # names none
            if a and b is None and ((on := goes_on(right)) or
                                    status(right) not in ("happened", status(left)) and (
                                        unnamed_day(right) or cut in apart and not any(
                                            m.kind in ("person", "title") for m in scan(right)))):
                out.append(left)
                start = cut
                self.carried[s.start + at_text[cut]] = carries(left, right)
                if not on:
                    # (its day and month nearest the day written out before it: "March 14, 2025 – …, after a trip
                    # planned for Feb. 22 was postponed" in a review of the year is 22 February 2025)
                    self.anchors[s.start + at_text[cut]] = next((d.value for d in explicit_dates(left.norm)), "")
                continue
            if a and b is None and status(right) != status(left) and \
                    (status(right) != "happened" or status(left) == "cancelled") and (venue := one_side(left, right)):
                # "الشرع لن يحضر قمة بغداد، وسيترأس وفد بلاده الشيباني": the other side's contact at the same venue
                # (and one that happened: "al-Sharaa stayed away from the summit in Baghdad, where Syria was
                # represented by its foreign minister")
                out.append(left)
                start = cut
                self.carried[s.start + at_text[cut]] = venue
                # (the stand-in's day is the day of the contact he stood in at: "… on May 17, where Syria was
                # represented by …")
                # (or its day and month with no year, which a dated list's entry gives it: "- 17 أيار: الشرع يغيب عن
                # قمة بغداد، والشيباني يترأس وفد بلاده")
                day = next(((d.value, d.basis) for d in self.dates_in(left.norm)
                            if d.value and len(d.value) == 10), None) or \
                    next(((None, d.monthday) for d in self.dates_in(left.norm) if d.monthday), None)
                if day:
                    self.same_day[s.start + at_text[cut]] = day
                continue
            if a and b is None and status(right) not in ("happened", status(left)) and not cities(right) and \
                    (subject := awaits(left, right)):
                # the visitor's next contact, still to come ("… met President Rashid earlier in the day, and is
                # expected to meet Speaker al-Mashhadani later", "…، ومن المنتظر أن يلتقي …"): a plan of its own,
                # with the left's people of the other side
                out.append(left)
                start = cut
                self.carried[s.start + at_text[cut]] = subject
                continue
            # the same person going on ("received al-Shaibani in Baghdad, and al-Shaibani then met President
            # Rashid"): one visit, told in two clauses; but not when the clause after says its contact did not
            # happen ("… a call between al-Sudani and al-Sharaa, whereas al-Sharaa stayed away from the Baghdad
            # summit"): two contacts of two statuses
            # (nor when each clause puts its contact in a city of its own: "met al-Sharaa in Doha, and Nechirvan
            # Barzani shook hands with al-Sharaa in Antalya" are two contacts)
            if a is not None and b is not None and (not a & b or (cut in apart and a != b) or
                                                    status(left) != status(right) or
                                                    a != b and (lc := cities(left)) and (rc := cities(right)) and
                                                    not lc & rc):
                out.append(left)
                start = cut
        if not out:
            return [s]
        out.append(part(start, len(s.norm)))
        self.apart_starts |= {s.start + at_text[c] for c in apart if any(x.start == s.start + at_text[c] for x in out)}
        return out

    def last(self, group: str, status: str | None = None) -> Mention | None:
        for m in reversed(self.mentions[self.barrier:]):
            if (group == "any" and m.kind != "statement") or GROUP[m.kind] == group:
                if status is None or m.status == status:
                    return m
        return None

    def cite(self, m: Mention, s: _Sentence) -> None:
        if not any(c["start"] == s.start for c in m.citations):
            m.citations.append({"source": self.doc.source, "chunk_id": s.chunk_id, "text": s.text,
                                "start": s.start, "end": s.end})

    def sentence(self, i: int, s: _Sentence, carried: list[Match] | None = None) -> None:
        """Read one sentence (or clause, `contact_clauses`); `carried`: the people of the clause before, whose
        subject goes on in this one."""
        lex = self.lex
        every = _words(s.norm)
        denial = self.denied_at(s.norm, every)
        worded = any(w.find(s.norm, every) for w in (*lex.kinds.values(), *lex.back.values())) or \
            bool(lex.cooperating(s.norm, every)) or bool(lex.crossing_opened(s.norm, every)) or \
            bool(lex.sessions and lex.sessions.find(s.norm, every) and self.officials.joint_body(s.norm))
        present = None if worded else self.present_at(s, every)
        if not worded and denial is None and present is None:
            # no contact word, no words said, nothing referred back to: only the people it names in full count
            # (for their short names later)
            for m in self.scan_of(s):
                if m.kind == "person" and not m.short:
                    self.seen.setdefault(m.item.id, m.item)
            return
        matches, inside, left_out = self.scope(s)
        if carried:  # (they stand before the clause: position 0)
            matches = [Match(0, 0, m.kind, m.item, m.short) for m in carried] + matches
            if s.start in self.apart_starts and any(m.kind == "place" for m in carried):  # (`carries`: its own
                # side's city is no venue of a visit it carries a place to)
                homes = {m.item.country for m in carried if m.kind in ("person", "title")}
                matches = [m for m in matches if not (m.kind == "place" and m.end and m.item.country in homes)]
        words = WordIndex((p, w) for p, w in every if inside(p))
        back_spans = [(a, b, g) for g, w in lex.back.items() for a, b in w.spans(s.norm, every) if inside(a)]
        back_at = {g: [p for p in w.find(s.norm, words) if inside(p)] for g, w in lex.back.items()}
        if s.start in self.apart_starts:  # a clause put at another time ("…, a month after an earlier plan for the
            back_spans, back_at = [], {}  # trip was put off"): its "the trip" is a contact of that time, told again
        # "the trip of Iraqi intelligence chief Hamid al-Shatri to Damascus", "زيارة الشطري": a word of reference
        # whose own person (after "of", "by", or at once) is no one the last contact of its kind names is that
        # person's contact, told anew
        for g, pos in list(back_at.items()):
            for p in list(pos):
                end = next((b for a, b, h in back_spans if a == p and h == g), p + len(s.norm[p:].split(" ", 1)[0]))
                own = next((m for m in matches if m.kind in ("person", "title") and m.start >= end), None)
                between = s.norm[end:own.start].split() if own is not None else []
                prev = self.last(g) if g != "any" else self.last("any")
                if own is not None and len(between) <= 4 and (not between or between[0] in lex.back_of) and \
                        prev is not None and own.item.id not in {q["id"] for q in prev.participants}:
                    pos.remove(p)
                    back_spans = [x for x in back_spans if x[0] != p]
        # after a contact word and both sides' people ("استقبل الشمري … أنس خطاب والوفد المرافق له"), "the
        # delegation" is part of that new contact, not a reference back to an earlier one
        first_trigger = min((p for k, w in lex.kinds.items() if k != "statement" for p in w.find(s.norm, words)
                             if inside(p)), default=None)

        def complete_before(pos: int) -> bool:
            sides_named = {m.item.country for m in matches if m.kind == "person" and m.start < pos}
            return first_trigger is not None and first_trigger < pos and {IRAQ, SYRIA} <= sides_named

        back = {g for g, pos in back_at.items() if any(not complete_before(p) for p in pos)}
        # a trigger inside a reference back ("the visit") is that reference, not a new contact
        at = {k: [p for p in pos if inside(p) and not any(a <= p < b for a, b, _ in back_spans)]
              for k, pos in lex.kind_at(s.norm, words).items()}
        # the visit an invitation is to ("… في دافوس، حيث تلقى دعوة لزيارة دمشق") is not the contact the sentence
        # reports when it reports another (`_invitations` makes it a plan of its own)
        invites = lex.invited_to.spans(s.norm, words) if lex.invited_to is not None else []
        # ("handed the invitation to al-Sharaa during a meeting in Damascus": who is invited, not where to)
        invites = [(a, b) for a, b in invites if not any(
            x.kind in ("person", "title") and 0 <= x.start - b and len(s.norm[b:x.start].split()) <= 1 for x in matches)]
        if invites:
            kept = {k: [p for p in pos if not any(a <= p <= b for a, b in invites)] for k, pos in at.items()}
            if any(pos for k, pos in kept.items() if k != "statement"):
                at = kept
        topic = lex.crossing_topic.find(s.norm, words) if lex.crossing_topic else []
        opened = [p for p in lex.crossing_opened(s.norm, words) if inside(p) and not any(
            0 < p - t <= 16 and len(s.norm[t:p].split()) <= 2 for t in topic)]
        # (a side's officials may say so: "Iraq's Border Ports Authority said the al-Qaim crossing with Syria reopened")
        # (or do it: "أعادت الهيئة العامة للمنافذ … فتح معبر البوكمال")
        said = [m for m in matches if m.kind == "title" and (
            _speaks(lex, s.norm, m) or (opened and m.end <= opened[0])) and (
            m.item.id in lex.crossing_speakers or m.item.id.rsplit("-body-", 1)[-1] in lex.crossing_speakers)]
        reopened = False
        if opened and not any(m.kind in ("person", "title") and m not in said for m in matches) and {IRAQ, SYRIA} <= (
                {m.item.country for m in matches if m.kind == "place"} | {m.item for m in matches if m.kind == "country"}
                | {m.item.country for m in said}):
            # a crossing between the two reopened ("إعادة فتح منفذ القائم – البوكمال", "the al-Qaim crossing between
            # Iraq and Syria reopens"), naming no one: the two sides' border authorities acted together
            at.setdefault("meeting", []).append(opened[0])
            reopened = True
            matches = [m for m in matches if m not in said] + [
                Match(opened[0], opened[0], "title", self.officials.border_body(c)) for c in (IRAQ, SYRIA)]
        if lex.border_with is not None:
            # "وصل … إلى الشريط الحدودي مع سوريا", "arrived at the border with Syria": the country after a border
            # word is where the border runs to, no venue and no party (lexicon `border_with`)
            edges = [b for _, b in lex.border_with.spans(s.norm, words)]
            matches = [m for m in matches if not (m.kind in ("place", "country") and any(
                0 <= m.start - b <= 1 for b in edges))]
        joint = [m for m in matches if m.kind == "title" and m.item.id.endswith("-body-joint")]
        held = [p for p in lex.sessions.find(s.norm, words) if inside(p)] if joint and lex.sessions is not None else []
        if held:
            # a body of both sides holding a session ("the Iraqi–Syrian joint committee opens its 12th session",
            # "عقدت اللجنة العراقية السورية المشتركة دورتها"): the two sides met
            at.setdefault("meeting", []).append(held[0])
        elif joint and not any(pos for k, pos in at.items() if k != "statement"):
            # (a member of "مجلس الأعمال السوري العراقي" speaking: the body is no speaker)
            matches = [m for m in matches if m not in joint]
        if present is not None:  # "الشطري مجدداً في دمشق": a visit with no verb
            at["visit"] = [present]
        if lex.receiving is not None:
            # "has still not received formal congratulations from Baghdad": a verb of receiving is a contact only
            # with someone (a person, a title, a delegation, "him") among the next words (lexicon `receiving`)
            got = set(lex.receiving.find(s.norm, words))
            if got:
                # (or an invitation to visit: "had received an invitation to visit Iraq" is a plan of that visit)
                # (a country too, "received Iraq's deputy interior minister, Lt. Gen. …", not one after "from")
                heads = [m.start for m in matches if m.kind in ("person", "title") or m.kind == "country" and
                         s.norm[:m.start].split()[-1:] != ["from"]] + \
                    [p for w in (lex.delegation_words, lex.object_pronouns) if w is not None for p in w.find(s.norm, words)] + \
                    [a for a, b in invites if lex.kinds["visit"].find(s.norm[a:b], _words(s.norm[a:b]))]
                # (the passive, "is received in Damascus", received the one before it)
                lone = {p for p in got if not any(0 < h - p and len(s.norm[p:h].split()) <= lex.receiving_reach
                                                  for h in heads) and s.norm[:p].split()[-1:] not in
                        ([w] for w in lex.receiving_passive)}
                at = {k: [p for p in pos if p not in lone] for k, pos in at.items()}
        if lex.tally is not None:
            # "قال إنه التقى نظيره السوري نحو ثماني مرات", "has met his counterpart eight times": a tally of contacts,
            # none of them told (lexicon `tally`, up to TALLY_REACH words after the contact word)
            marks = lex.tally.find(s.norm, words)
            if marks:
                at = {k: [p for p in pos if k == "statement" or not any(
                    0 < t - p and len(s.norm[p:t].split()) <= TALLY_REACH for t in marks)] for k, pos in at.items()}
        talked = set(lex.talk.find(s.norm, every))  # ("بحث", "discussed" say what was discussed, not that they met)
        met_at = [p for k in ("visit", "meeting", "delegation") for p in at.get(k, []) if p not in talked]
        if at.get("call") and met_at and min(at["call"]) > min(met_at) and \
                set(at["call"]) <= set(lex.call_weak.find(s.norm, every)) and \
                not any(m.kind in ("person", "title") and m.start > min(at["call"]) for m in matches):
            # "يصل إلى دمشق ويلتقي الشرع، في أول اتصال رسمي": a general word for a contact after a visit's, naming
            # no one after it, is no call (lexicon `call_weak`; "اتصال هاتفي", "مكالمة" are calls; so is "بحثا خلال
            # اتصال الزيارة المرتقبة", and "تلاها اتصال بين وزيري الخارجية …", a contact of its own)
            at["call"] = []
        anaphor = None
        for g in ("call", "travel", "any"):
            if g in back:
                anaphor = self.last(g) or anaphor
        if anaphor is None:  # "the visit … was postponed" before any other word of it: the article's first report
            for g, pos in back_at.items():
                for p in pos if g != "any" else []:
                    kind = lex.kind_of(s.norm[p:p + 40].split()[1 if s.norm[p:p + 4] == "the " else 0])
                    if kind:
                        at.setdefault(kind, []).append(p)
        new_kinds = {k for k, pos in at.items() if pos}
        denied_only = not new_kinds - {"statement"} and anaphor is None and denial is not None
        if denied_only:  # "denied any channel with …": that contact (also when the denial is words said)
            at["meeting"] = [denial[0]]
            new_kinds |= {"meeting"}
        if not new_kinds and anaphor is None:  # no contact, no words said, nothing referred back to: only the
            self.people(matches, self.article.estimate or None)  # people it names in full (for their short names)
            return
        first = min((p for k, pos in at.items() if k != "statement" for p in pos), default=None)
        who_at = [m.start for m in matches if m.kind in ("person", "title")]
        never = self.negated(s.norm, words, [p for k, pos in at.items() if k != "statement" for p in pos], who_at)
        # "نفى … لا وفود سورية تواصلت معنا": the contact a denial says did not take place is a denied one
        denied = denial is not None and (denied_only or never == "negated")
        if denied:  # the contact denied is the one its word names ("لا وفود سورية تواصلت معنا … لزيارة الشرع": the
            # delegations', not the visit's), a meeting for a word of no kind ("no channel", "لا تنسيق")
            kind = lex.kind_of(s.norm[denial[0]:].split()[0]) or "meeting"
            at = {k: (pos if k == "statement" else []) for k, pos in at.items()} | {kind: [denial[0]]}
            new_kinds = {kind} | ({"statement"} & new_kinds)
            first = denial[0]
        if never == "negated" and not denied:
            self.people(matches, self.article.estimate or None)  # no contact: only its people's short names
            return
        past = [p for p in lex.past.find(s.norm, words) if inside(p)]
        # "بعد أن كان من المقرر أن يصل الشهر الماضي" (lexicon `was_due`) tells when it was due, not that it is planned
        # when the sentence reports it done ("وصل …"); "had been due to meet" alone is a plan
        due_spans = lex.was_due.spans(s.norm, words)
        if not any(not any(a <= p < b for a, b in due_spans) for p in past):
            due_spans = []
        due_spans += lex.status_not.spans(s.norm, words)  # "makes long-delayed first trip": no status
        # (nor does what is said of the contact an invitation is to, after it: "سلّم الشرع دعوة لحضور القمة … في
        # السابع عشر من الشهر المقبل", "… دعوة لزيارة دمشق لم يحدد موعدها")
        due_spans += [(b, _clause_span(s.norm, b)[1]) for a, b in invites if first is not None and first < a]
        status, basis = self.status_of(s.norm, words, lambda p: inside(p) and not any(a <= p < b for a, b in due_spans),
                                       first, past, [p for k, pos in at.items() if k != "statement" for p in pos],
                                       text=s.text)
        if never == "never":
            status, basis = "hypothetical", _word_at(s.norm, _clause_span(s.norm, first)[0])
        if denied:
            status, basis = "denied", _word_at(s.norm, denial[1])
        self.trigger_at = first or 0
        firm = status != "happened" or bool(past)
        dates = [d for d in self.dates_in(s.norm) if inside(d.start)]
        # (nor is the day of another contact an invitation is to: "سلّمه دعوة لحضور قمة بغداد في 17 أيار", "handed
        # him an invitation to the summit on May 17": the summit's day, as its city is the summit's)
        # (a day written out only: "on Sunday", "اليوم" after it are still the day the invitation was handed over)
        dates = [d for d in dates if not (_written_day(s.norm[d.start:d.end]) and
                                          _invited_at(lex, s.norm, d.start, invites))] if invites else dates
        # "his third visit, the first in December and the second on 25 April": days of earlier contacts of the same
        # people, each its own (lexicon `ordinals`), not the day of the one the sentence reports
        earlier = [d for d in dates if d.value and _said_before(lex.ordinals, s.norm, d.start, 24)]
        for d in sorted(dates, key=lambda x: x.start):  # … and the days listed after them ("in December and April")
            if d.value and d not in earlier and any(_LISTED.fullmatch(s.norm[e.end:d.start]) for e in earlier
                                                    if e.end <= d.start):
                earlier.append(d)
        dates = [d for d in dates if d not in earlier]
        # "the first time since the fall of Bashar al-Assad in December that …" (lexicon `since`): the day an earlier
        # time is counted from, not the contact's
        since = lex.since.find(s.norm, words)
        dates = [d for d in dates if not any(
            0 < d.start - c and not re.search(r"[،,.؛;]", s.norm[c:d.start]) and
            1 < len(s.norm[c:d.start].split()) <= SINCE_REACH for c in since)]
        # "Ten days earlier al-Sudani had met al-Sharaa in Doha", "وبعد يومين …": with no day of its own, a sentence
        # opening with a time from the contact reported before it is that contact's day moved by it
        # (and "…, الذي يأتي بعد عشرة أيام من لقائه الشرع في الدوحة": the contact named after the time was that long
        # before the one reported before it)
        if not any(d.value for d in dates) and (op := self.opened.pop(s.start, None)) is not None:
            dates = [DateMention(0, 0, op[0], op[1])]  # "Four days after Mr Al Shatri's visit, …" (`_after_opening`)
        elif not any(d.value for d in dates) and (off := lex.offset_at(s.norm) or lex.offset_of(s.norm)) is not None and \
                (before := self.prev_day or next((m.date for m in reversed(self.mentions) if m.date and
                                                  len(m.date) == 10), None)):
            days, a, b, exact = off
            moved = _plus(before, days)
            dates = [DateMention(a, b, moved if exact else moved[:7], f"'{s.norm[a:b].strip()}' = {abs(days)} day(s) "
                                 f"{'before' if days < 0 else 'after'} {before}, the day " +
                                 ("the sentence before writes" if before == self.prev_day else
                                  "of the contact reported before it")
                                 + ("" if exact else " (counted in weeks: its month)"))]
        # "after it was supposed to take place last month, … today": the day it was due is not the day of a contact
        # that happened (lexicon `was_due`; `extend` leaves these days to contacts that did not happen)
        # (the first day after each cue: "set for February 22, slipped to March 14")
        self.due = {min((d.start for d in dates if 0 < d.start - c <= 50), default=-1)
                    for c in lex.was_due.find(s.norm, words) if inside(c)} - {-1}
        if first is not None and len(dates) > 1:  # of several days, a day in a clause naming nobody gives way to
            # those of the contact word's own clause ("Iraq sent teams to Latakia in July, and a Syrian delegation
            # arrived in Baghdad on August 23")
            ca, cb = _clause_span(s.norm, first)

            def idle(d) -> bool:  # (a clause of its own saying more than the day, "…, في 26 كانون الأول 2024،", is
                # not one: that day is the contact's)
                a, b = _clause_span(s.norm, d.start)
                return not ca <= d.start < cb and not any(a <= p < b for p in who_at) and \
                    len(s.norm[a:b].split()) - len(s.norm[d.start:d.end].split()) >= 3
            dates.sort(key=idle)
        # "القائم بأعمال …" is a chargé d'affaires (lexicon `resident`), not the town al-Qaim
        resident = lex.resident.spans(s.norm, words)
        matches = [m for m in matches if not (m.kind == "place" and any(a <= m.start < b for a, b in resident))]
        # "al-Shaibani returned to Damascus after his Baghdad talks": his own country's city after "returned to" is
        # home, no venue (lexicon `returns`); "al-Shatri returned to Damascus" is a visit
        for r in lex.returns.find(s.norm, words):
            who = [m for m in matches if m.kind == "person" and m.start < r]
            home = who[-1].item.country if who else None
            matches = [m for m in matches if not (m.kind == "place" and home and m.item.country == home and
                                                  r < m.start <= r + 30)]
        # "the UN envoy for Syria" (lexicon `envoy_for`): a third party's official, Syria no side of his contact
        # (not past a name: "المبعوث عزت الشابندر في دمشق" puts the envoy named in Damascus)
        envoys = lex.envoy_for.find(s.norm, words)
        matches = [m for m in matches if not (m.kind in ("country", "place") and any(
            m.start - 30 <= e < m.start and not any(n.kind == "person" and e < n.start < m.start for n in matches)
            for e in envoys))]
        # "a source at the Iraqi embassy in Damascus said …": the mission's city is where a contact was only when
        # the sentence names no other place after "to / in"
        # "the meeting drew attention in Baghdad" (lexicon `audience`): where it was heard of, not where it was
        heard = [b for _, b in lex.audience.spans(s.norm, words)]
        matches = [m for m in matches if not (m.kind == "place" and any(
            0 <= m.start - h <= 6 and not re.search(r"[،,.؛;]", s.norm[h:m.start]) for h in heard))]
        # "with Baghdad announcing the haul", "وأعلنت دمشق" (lexicon `place_speaks`): the city speaks for its side
        matches = [m for m in matches if not (m.kind == "place" and _speaks(lex, s.norm, m))]
        posts = [p for p in lex.posted_at.find(s.norm, words) if inside(p)]
        posted = {id(m.item) for m in matches if m.kind == "place" and any(
            0 < m.start - p <= 40 and len(s.norm[p:m.start].split()) <= 4 and not re.search(r"[،,.؛;]", s.norm[p:m.start])
            for p in posts)}
        # an English place followed by a capitalised word is part of a name ("the Baghdad International Forum"); one
        # followed by an outlet's word names the outlet ("a Baghdad news agency", "Damascus-based", lexicon
        # `outlet_after`)
        matches = [m for m in matches if not (m.kind == "place" and (_NAME_GOES_ON.match(s.text, m.end) or
                                                                     self._names_outlet(s.norm, m.end)))]
        abroad = [m for m in matches if m.kind == "country" and m.item not in (IRAQ, SYRIA) and
                  _TOWARDS.search(s.norm[max(0, m.start - 12):m.start]) and not _locates(m, matches, s.norm)]
        for m in abroad:  # "met in Qatar": the country is where they met
            matches.append(Match(m.start, m.end, "place", Place((), s.text[m.start:m.end], m.item, m.item)))
        matches.sort(key=lambda m: m.start)
        # (where a party comes from is no venue: "hosted a delegation from Baghdad", lexicon `origin`)
        came_from = {b for _, b in lex.origin.spans(s.norm)}
        # (nor where another contact is to be that the one reported carries an invitation to: "receives letter
        # inviting him to Baghdad summit", "inviting him to the Arab League summit that Iraq is to host": lexicon
        # `invited_to`, at most six words between)
        # (nor where a gathering referred to was: "استكمالاً لما اتُّفق عليه في اجتماع عمّان", lexicon `gathering_referred`)
        referred = lex.gathering_referred.spans(s.norm, words) if lex.gathering_referred is not None else []
        origins = {id(m.item) for m in matches if m.kind == "place" and (
            any(0 <= m.start - b <= 2 for b in came_from) or (invites and _invited_at(lex, s.norm, m.start, invites))
            or (referred and _referred_at(s.norm, m.start, referred)))}
        # (a contact denied by a word of no kind, "no coordination with Damascus", has no venue: the city is a side)
        # (nor the country a mission is accredited to: "السفير العراقي لدى سوريا", "Iraq's ambassador to Syria")
        origins |= {i for i in posted if any(id(m.item) == i and m.item.en == m.item.country for m in matches)}
        places = [m.item for m in matches if m.kind == "place" and id(m.item) not in origins] \
            if not denied_only else []
        # places after "to / in / إلى / في": where the contact was, rather than an adjective ("a Baghdad delegation")
        self.towards = {id(m.item) for m in matches if m.kind == "place" and id(m.item) not in posted and
                        _TOWARDS.search(s.norm[max(0, m.start - 12):m.start])}
        self.place_at = {id(m.item): m.start for m in matches if m.kind == "place"}
        when = next((d.value for d in dates if d.value), None) or self.article.estimate or None
        exact = next((d.value for d in dates if d.value), None) or self.article.value or None
        # an official named only by his title is its holder on the report's day ("Iraq's intelligence chief")
        # (of a contact that would be, only a definite title: "a visit by the Iraqi oil minister" is the minister's,
        # "زيارة رئيس وزراء عراقي" is any prime minister's)
        named_at = [m.start for m in matches if m.kind == "person"]
        matches = [m if any(m.end <= a <= m.end + 3 or m.start <= a < m.end for a in named_at) or
                   status == "hypothetical" and (m.kind != "title" or _indefinite(s.norm, m)) else
                   self._earlier(self._holder(m, exact, s.norm), when, s.norm) for m in matches]
        if status == "happened" and first is not None:
            matches = self._not_coming(s.norm, words, matches, first)
        directed_ids = self.directors(s.norm, words, matches)
        parts, side_titles, sides = self.people(matches, when, exact, frozenset(directed_ids))
        directed = [p for p in parts if p["id"] in directed_ids]
        parts = [p for p in parts if p["id"] not in directed_ids]
        doer, told_at = self._doer_before(i, s, matches, parts, side_titles, words, when)
        parts, sides = parts + doer, sides | {p["country"] for p in doer}
        if doer and told_at == i - 1 and self.prev_day and not any(d.value for d in dates):
            # (an act whose own day is not given is dated by the report of it the sentence before: "…, Iraq's
            # Interior Ministry said on Wednesday. … carried out the raid with Syria's …")
            dates = [DateMention(0, 0, self.prev_day, f"{self.prev_day}, the day the sentence before, which reports "
                                                      f"the act, writes")]
        # "the ministry is in talks with the Syrian side": a side named as a whole is its country's party when the
        # sentence names no one else of that country
        # (named after the contact's word: "The Syrian side said Iraq's minister arrived" names a source)
        after = {m.item.id for m in matches if m.kind == "title" and first is not None and m.start > first}
        # (a denial's "any agreement with the Syrian side", "أي عقود مع الجانب السوري": the side right after "with"
        # the denied contact's word is its other party, lexicon `with_party`)
        withs = {m.item.id for m in matches if m.kind == "title" and denied_only and denial is not None and
                 0 < m.start - denial[0] <= 40 and lex.with_party is not None and
                 any(w in lex.with_party for w in s.norm[denial[0]:m.start].split()[1:])}
        # (… and the side denying it, "the Iraqi government denied any agreement with …", when no one else is named)
        deniers = {m.item.id for m in matches if m.kind == "title" and withs and m.start < denial[1]}
        parts += [t for t in side_titles if (parts or deniers and withs) and
                  (not denied_only or t["id"] in withs | deniers) and t["id"] in after | withs | deniers and
                  t["country"] not in {p["country"] for p in parts}]
        if denied_only and denial is not None and lex.deals is not None and \
                (s.norm[denial[0]:].split() or [""])[0] in lex.deals and \
                not {IRAQ, SYRIA} <= {p["country"] for p in parts}:
            new_kinds = set()  # a deal denied with a country or city alone ("no agreement existed with Damascus")
        gather = bool(lex.gather.find(s.norm, words))
        touched: Mention | None = None
        contact_kinds = [k for k in ("visit", "delegation", "meeting", "call") if k in new_kinds]
        if not {IRAQ, SYRIA} <= {p["country"] for p in parts} and (
                contact_kinds == ["meeting"] and set(at["meeting"]) <= set(lex.cooperating(s.norm, words)) or
                parts and all(p.get("rank") == BODY_RANK for p in parts)):
            # acting together with a side named only as a side ("بالتنسيق مع دمشق"), or a body of one side whose other
            # side is only a country word ("soldiers handed themselves over to Iraqi forces"): no contact
            contact_kinds = []
        # one side's official arriving, no place named, in a report filed from the other side's city ("BAGHDAD,
        # March 15 — … Syria's foreign minister arrived on Friday"): the dateline's city is where he came
        # (a verb of a visit done: "arrived", not "gave no date for his arrival")
        if "visit" in contact_kinds and not places and parts and len(sides) == 1 and status == "happened" and \
                set(at.get("visit", [])) & set(past) and \
                (city := self.home_city) is not None and city.country not in sides and city.en != city.country:
            places, sides = [city], sides | {city.country}
            self.towards.add(id(city))
        if contact_kinds and {IRAQ, SYRIA} <= sides:
            kind = "call" if "call" in contact_kinds else contact_kinds[0]
            named_here = {p["id"] for p in parts if p["named"]}
            call = self.last("call")
            talk_at = set(lex.talk.find(s.norm, words))
            if contact_kinds == ["meeting"] and call is not None and call.status == status and not places and \
                    named_here and named_here <= call.named and all(p in talk_at for p in at.get("meeting", [])):
                # "Al-Sharaa and Al-Sudani discussed …" after the article's call between them: that call (the words
                # of talk, lexicon `talk`, say what was discussed, not that they met)
                self.extend(call, s, "call", parts, [], dates, sides, add_people=True)
                touched, contact_kinds = call, []
            # (unless a time apart comes between: "ويأتي اللقاء بعد نحو شهرين من اجتماع السوداني والشرع في الدوحة"
            # is another contact, of the same people too: lexicon `joins.apart`, `durations`)
            if anaphor is not None and not lex.joins_apart.find(s.norm, words):
                # people of the contact referred back to are not in the new one
                rest = [p for p in parts if p["id"] not in {q["id"] for q in anaphor.participants}]
                if GROUP[anaphor.kind] == GROUP[kind] and rest and not {IRAQ, SYRIA} & {p["country"] for p in rest}:
                    # "his meeting with al-Sharaa in Doha, hosted by the emir": the same contact, told again
                    self.extend(anaphor, s, anaphor.kind, rest, places, dates, sides, add_people=True)
                    touched = anaphor
                    contact_kinds = []
                parts = rest
            named = {p["id"] for p in parts if p["named"]}
            prev = self.last(GROUP[kind])
            elsewhere = prev is not None and prev.place is not None and any(
                pl.country != prev.place["country"] for pl in places)  # "his meeting in Doha" after a Baghdad plan
            if not firm and prev is not None and prev.status != "happened" and (not named or named & prev.named) \
                    and not elsewhere:
                status, basis = prev.status, prev.status_basis  # it goes on about the contact that did not happen
            cur = self.last(GROUP[kind], status)
            # naming no one, but going "to / in" another country than the contact before: a contact of its own ("…
            # al-Shatri returned to Damascus on April 25. … a Syrian delegation arrived in Baghdad on August 23")
            # (or the same people, on another day of their own: "On Sunday … sat down in Amman with … . Five days
            # later, on Friday, March 14, Shibani landed in Baghdad")
            day = next((d.value for d in dates if d.value and d.start not in self.due), None)
            moved = cur is not None and (not named or not cur.named or bool(
                day and len(day) == 10 and cur.date and day != cur.date)) and cur.place is not None and any(
                id(pl) in self.towards and pl.country != cur.place["country"] and pl.en != pl.country for pl in places)
            # (or all of its people and more, in the same country: a headline's "Kurdistan Region president meets
            # Syria's Sharaa in Antalya", then "Nechirvan Barzani sat down with Ahmed al-Sharaa … in Turkey")
            more = bool(cur is not None and cur.named and cur.named < named and cur.place is not None and places and
                        all(pl.country == cur.place["country"] for pl in places))
            # (or its visitor meeting another host, with no place or day of its own: "Al-Bashir also met Iraqi
            # Water Resources Minister Aoun Diab Abdullah" during his Baghdad visit)
            # (not an ambassador or chargé d'affaires, who receives him where he serves: lexicon `resident`)
            host = cur.place["country"] if cur is not None and cur.place and cur.status == "happened" and \
                GROUP[cur.kind] == "travel" and not places and not any(d.value for d in dates) and \
                not lex.resident.find(s.norm, words) else None
            guests = {p["id"] for p in parts if p["named"] and p["country"] != host}
            also = bool(host and guests and guests <= cur.named and named - guests and
                        all(p["country"] == host for p in parts if p["named"] and p["id"] not in guests))
            # (or of its own day, far from the contact before: "The crossing at al-Bukamal and al-Qaim reopened in
            # June" after a contact of 15 December)
            apart = cur is not None and _far(cur.date, day)
            if not contact_kinds:
                pass
            # (a crossing reopened is its border bodies' act, never more of a person's trip before it)
            elif cur is not None and not moved and (not carried or also) and not apart and \
                    not (reopened and not _bodies_only(cur)) and \
                    (not (named or left_out) or named and (not cur.named and not _bodies_only(cur) or named <= cur.named) or
                     more or also or
                     self._names_title(cur, parts, places)) \
                    and not (named and anaphor is not None and anaphor is not cur):
                self.extend(cur, s, kind, parts, places, dates, sides, add_people=True)
                touched = cur
            elif parts or directed:  # places alone ("the Kirkuk–Banias pipeline") are not a contact
                m = Mention(self.doc.source, kind, status, i, status_basis=basis)
                self.extend(m, s, kind, parts, places, dates, sides, add_people=True, force=True)
                self.mentions.append(m)
                touched = m
                if any(p <= 2 for p in lex.tied.find(s.norm, words)) and self.last_statement_at == i - 1:
                    self.absorb(m)
            if touched is not None and GROUP[touched.kind] == "travel" and touched.status == "happened":
                for d in earlier:
                    if d.value != touched.date:
                        m = Mention(self.doc.source, touched.kind, "happened", i, status_basis="")
                        # its travellers (the hosts of the one reported may not have been those of the earlier)
                        m.participants = [p for p in touched.participants if p["named"] and not (
                            touched.place and p["country"] == touched.place["country"])]
                        m.place, m.sides = touched.place, list(touched.sides)
                        m.date, m.date_basis = d.value, d.basis + " (an earlier one of the contacts it counts)"
                        m.summary = s.text if len(s.text) <= 300 else s.text[:297].rsplit(" ", 1)[0] + "…"
                        self.cite(m, s)  # (its summary is the sentence that counts it, not the one reported)
                        self.mentions.append(m)
            if touched is not None and touched.date is None and touched.status == "happened" and self.heading:
                touched.date, touched.date_basis = self.heading
            if touched is not None:
                day = self.same_day.pop(s.start, None)
                if day and day[0] is None and touched.date is None and touched.status == "happened":
                    touched.monthday = touched.monthday or day[1]  # (a list's entry gives it its year, `run`)
                elif day and touched.date is None and touched.status == "happened":
                    touched.date, touched.date_basis = day[0], day[1] + " (the day of the contact the clause before reports)"
                span = self.role_span(s.norm, matches)
                if span is not None:  # (each sentence of it may bound it further: a headline, then the body)
                    touched.span = span if touched.span is None else \
                        [max(touched.span[0], span[0]), min(touched.span[1] or "9999", span[1] or "9999")]
                for d in directed:
                    if d["id"] not in {x["id"] for x in touched.directed_by}:
                        touched.directed_by.append(d)
        if anaphor is not None and touched is None and anaphor.status == "happened" and \
                status in ("postponed", "cancelled"):
            # "the visit had been set for Saturday 22 February, but was put off": of a visit that happened, the one
            # due that day did not: a contact of its own, with the visit's travellers (a day of it, not after the
            # report's: "expected since January" gives none); its days are never the visit's
            due = [d for d in dates if d.value and len(d.value) == 10 and not d.future and
                   (not self.article.value or d.value <= self.article.value)]
            if due:
                m = Mention(self.doc.source, anaphor.kind, status, i, status_basis=basis)
                m.participants = [p for p in anaphor.participants if p["named"] and not (
                    anaphor.place and p["country"] == anaphor.place["country"])]
                m.place, m.sides = anaphor.place, list(anaphor.sides)
                self.extend(m, s, anaphor.kind, [], [], due, set(), add_people=False, force=True)
                self.mentions.append(m)
        elif anaphor is not None and touched is None and anaphor.status == "happened" and status == "planned" and \
                GROUP[anaphor.kind] == "travel" and {IRAQ, SYRIA} <= {p["country"] for p in anaphor.participants
                                                                      if p["named"]} and \
                any(pos for k, pos in at.items() if k in ("meeting", "visit", "delegation")) and \
                not any(m.kind in ("person", "title") for m in matches) and \
                not (lex.forming is not None and lex.forming.find(s.norm, words)) and \
                not any(_owned(s.norm, p, lex) for k in ("meeting", "visit", "delegation") for p in at.get(k, [])):
            # "The two ministers proposed a tripartite meeting with Turkey", "واتفق الجانبان على عقد اجتماع مقبل":
            # those of the contact referred back to plan another, its own contact word's (not the one done)
            # (naming no party of its own; "agreed to form a joint committee" is the committee's meeting, `_joint_plans`;
            # not a meeting of others: "التحضيرات لاجتماع وزراء الطاقة العرب المقرر في القاهرة", `_owned`)
            k = next(k for k in ("meeting", "visit", "delegation") if at.get(k))
            m = Mention(self.doc.source, k, status, i, status_basis=basis)
            m.participants = [p for p in anaphor.participants if p["named"]]
            m.sides = list(anaphor.sides)
            self.extend(m, s, k, [], places, [d for d in dates if d.ahead], set(), add_people=False, force=True)
            self.mentions.append(m)
        elif anaphor is not None and touched is not anaphor and touched is None:
            # (its place only where it had none and the sentence puts it "in" one: "The meeting took place in Doha on
            # Tuesday")
            # (a city within five words after the word referring back, no comma between: not "قال حسين في المؤتمر
            # إن المباحثات تناولت … غرفة عمليات تشكّلت في عمّان")
            refs = [p for pos in back_at.values() for p in pos]
            where = [pl for pl in places if id(pl) in self.towards and pl.en != pl.country and any(
                0 < self.place_at.get(id(pl), -1) - r and len(s.norm[r:self.place_at[id(pl)]].split()) <= 5 and
                not re.search(r"[،,.؛;]", s.norm[r:self.place_at[id(pl)]]) for r in refs)] \
                if anaphor.place is None and anaphor.status == "happened" else []
            self.extend(anaphor, s, anaphor.kind, parts if gather else [], where, dates, set(), add_people=gather)
        said_at = at.get("statement", [])
        # the people of the contact the sentence goes on about speak during it, unless the sentence puts their
        # words on an earlier occasion or on one of their own (a forum, an interview)
        own = bool(lex.earlier.find(s.norm, words) or lex.occasion.find(s.norm, words))
        # what an official *said* of a contact (an invitation received, a visit announced, his talks recounted at a
        # forum) is a statement that did happen, besides the contact
        announced = touched is not None and (touched.status != "happened" or own) and first is not None and \
            any(p < first for p in said_at)
        inside_contact = bool(lex.during.find(s.norm, words))  # "أكد … خلال استقباله …": part of that contact
        if said_at and (touched is None or announced) and not inside_contact:
            current = self.mentions[-1] if self.mentions else None
            involved = set() if own or announced else {p["id"] for m in (current, anaphor) if m for p in m.participants}
            if True:  # the speaker: the person named nearest a verb of saying (of high rank unless the
                # sentence gives the words an occasion of their own)
                # of the people named before the contact spoken of, the one nearest the first verb of saying
                # (not inside what was said: after "إن / أن / that" or a quote mark; in English, not the object
                # after the verb: "Iraqi MPs say they were not told of the Syrian minister's invitation")
                verbs = sorted(p for p in said_at if first is None or p < first)
                dist = {}
                if verbs:
                    english = not has_arabic(s.text)
                    near = verbs if english else verbs[:1]  # Arabic: the first verb (its subject follows it)
                    ends = {v: (x.start() if (x := _SAID_THAT.search(s.norm, v + 1)) else len(s.norm)) for v in near}
                    for m in matches:
                        if m.kind not in ("person", "title") or (first is not None and m.start >= first):
                            continue
                        ok = [abs(m.start - v) for v in near
                              if (m.end <= v and (not english or v - m.end <= 40) and
                                  not _SAID_THAT.search(s.norm, m.end, v)) or
                              (v < m.start < ends[v] and (not english or (m.start - v <= 25 and
                                                                           s.norm.startswith(_SAID_BY, v) and
                                                                           _SAID_AFTER.search(s.norm[:v]))))]
                        if ok:
                            dist[m.item.id] = min(dist.get(m.item.id, 999), *ok)
                speakers = sorted((p for p in parts if dist.get(p["id"], 999) <= 120),
                                  key=lambda p: dist[p["id"]])[:1]
                speakers = [p for p in speakers if p["id"] not in involved and
                            (own or announced or p["rank"] in HIGH_RANK)]
            # a statement was made, whatever its words say of a contact (planned, postponed, hypothetical)
            s_status, s_basis = (status, basis) if status in ("denied", "rumoured") and not denied else ("happened", "")
            for sp in speakers[:1]:
                other = SYRIA if sp["country"] == IRAQ else IRAQ
                if other in sides and sp["country"] in (IRAQ, SYRIA):
                    m = Mention(self.doc.source, "statement", s_status, i, status_basis=s_basis)
                    # the day it was said: a relative day ("today", "on Monday") or one given before the verb of
                    # saying, never after its article (a day inside the words is the day of what they speak of)
                    top = self.article.value or self.article.before
                    verb = min(said_at)
                    said_on = [d for d in dates if (d.start < verb or d.relative) and
                               not (top and d.value and d.value[:10] > top[:10]) and
                               not (d.relative and _written_day(s.norm[d.start:d.end]) and
                                    _days_before(d.value, top) > 31)]  # "May 17" (no year) of a year ago: not when said
                    self.extend(m, s, "statement", [sp], [], said_on, {IRAQ, SYRIA}, add_people=True, force=True)
                    self.mentions.append(m)
                    self.last_statement_at = i

    def _doer_before(self, i: int, s: _Sentence, matches, parts: list[dict], side_titles: list[dict], words,
                     when: str | None) -> tuple[list[dict], int]:
        """The other side's party of an act done with one side's body, the doer left unnamed ("An elite unit …
        carried out the raid in close cooperation with Syria's Directorate of Narcotics Control", "the group was
        handed over to a protection force on the Syrian side"): the other side's body (or side) the sentence before,
        or the one before it, names, the article's actor of the act ("Iraq's Interior Ministry said …"); and the
        index of that sentence."""
        named = parts + side_titles
        if not named or len({p["country"] for p in named}) != 1:
            return [], -1  # (the party after "with" is not of one side: read nothing more)
        coop = self.lex.cooperating(s.norm, words)
        if not coop:
            return [], -1
        if not _only_together(self.lex, s.norm, words):
            return [], -1  # (only a phrase of acting together: another contact word, or a verb of one word whose
            # doer may stand after it, "سلّمت القوات العراقية …", has its own people)
        if any(m.kind in ("person", "title", "country") and m.start < coop[0] for m in matches):
            return [], -1  # (the doer is named here)
        other = SYRIA if named[0]["country"] == IRAQ else IRAQ
        for j in (i - 1, i - 2):
            if not 0 <= j < len(self.sents):
                continue
            prev = self.sents[j]
            found = [m for m in (*self.scan_of(prev), *self.officials.bodies(
                prev.norm, prev.text if len(prev.text) == len(prev.norm) else "", self.home))
                if m.kind == "title" and m.item.country == other and m.item.rank in (BODY_RANK, "side")]
            found.sort(key=lambda m: m.start)
            if found:
                return [_participant(found[-1].item, when)], j
        return [], -1

    def _reporter(self, p: Person, when: str | None) -> bool:
        r = p.role_at(when)
        role = fast_normalize(f"{r.get('ar', '')} {r.get('en', '')}")
        return bool(self.lex.not_people.spans(role))

    def _earlier(self, m: Match, when: str | None, norm: str) -> Match:
        """A bare title of a side ("the Syrian minister": a rank and a country, no portfolio) is the one official of
        that side and rank the article has named before; else it stays a title."""
        if m.kind != "title" or getattr(m.item, "rank", "") not in ("minister", "head") or \
                _ANY_HOLDER.search(norm[max(0, m.start - 16):m.start]):
            return m
        words = [w for w in norm[m.start:m.end].split() if w not in ("the", "his", "her")]
        if len(words) > 2:
            return m  # "the Iraqi oil minister": a portfolio the article may not have named
        got = {p.id: p for p in self.seen.values()
               if p.country == m.item.country and p.role_at(when).get("rank", "official") == m.item.rank}
        return Match(m.start, m.end, "person", next(iter(got.values()))) if len(got) == 1 else m

    def _holder(self, m: Match, when: str | None, norm: str) -> Match:
        if m.kind != "title" or getattr(m.item, "rank", "") in ("side", "delegation") or \
                _ANY_HOLDER.search(norm[max(0, m.start - 16):m.start]):
            return m  # "any Iraqi prime minister", "the next president": whoever holds it
        p = self.officials.holder(m.item.id, when)  # (an undated page's title stays as written)
        return Match(m.start, m.end, "person", p) if p is not None else m

    def absorb(self, into: Mention) -> None:
        """'جاء ذلك خلال اتصال …': the statement of the sentence before was made during this contact."""
        for m in list(self.mentions):
            if m.kind == "statement" and m is not into and m.order == into.order - 1:
                into.citations = m.citations + into.citations
                into.participants += [p for p in m.participants if p["id"] not in {q["id"] for q in into.participants}]
                self.mentions.remove(m)

    def extend(self, m: Mention, s: _Sentence, kind: str, parts: list[dict], places: list[Place],
               dates, sides: set[str], *, add_people: bool, force: bool = False) -> None:
        """Fill a mention's fields from a sentence; the sentence is cited when it gave something."""
        gave = force
        if m.status == "happened":
            dates = [d for d in dates if d.start not in self.due]
        if PRIORITY.get(kind, 9) < PRIORITY.get(m.kind, 9) and GROUP[kind] == GROUP[m.kind] and (parts or places):
            m.kind, gave = kind, True  # (a sentence naming no one and nowhere does not make a meeting a visit)
        if add_people:
            have = {p["id"] for p in m.participants}
            named_countries = {p["country"] for p in m.participants + parts if p["named"]}
            for p in parts:
                if p["id"] not in have and (p["named"] or p["country"] not in named_countries):
                    m.participants.append(p)
                    gave = True
            # an unnamed official gives way to the named person of the same country
            m.participants = [p for p in m.participants if p["named"] or p["country"] not in named_countries]
        cities = [p for p in places if p.en not in (IRAQ, SYRIA)]
        if len({p.country for p in places}) > 1 and not cities:
            places = []  # "العراق وسوريا": both countries named, no place given
        if kind != "call" and kind != "statement" and places:
            pool = cities or places
            towards = [p for p in pool if id(p) in self.towards]
            # of several, one in the contact word's clause ("Iraq sent teams to Latakia, and a Syrian delegation arrived
            # in Baghdad"), the nearest the word ("handed … in Damascus an invitation to the summit in Baghdad")
            a, b = _clause_span(s.norm, self.trigger_at)
            # (of a visit, where it went after the word, "to" or "إلى", before any other: "تابعت الأوساط في الأنبار
            # زيارة الشيباني إلى بغداد" is a visit to Baghdad)
            bound = [p for p in towards or pool if kind == "visit" and
                     a <= self.trigger_at < self.place_at.get(id(p), -1) < b and
                     _DESTINATION.search(s.norm[max(0, self.place_at[id(p)] - 30):self.place_at[id(p)]])]
            best = min(bound or towards or pool, key=lambda p: (not a <= self.place_at.get(id(p), -1) < b,
                                                                abs(self.place_at.get(id(p), 0) - self.trigger_at)))
            # (a crossing stays the place of its border bodies' contact: not "في الأنبار" of a later sentence)
            weak = m.place is not None and not m.place.get("towards") and not (
                m.place.get("across") and _bodies_only(m))
            home = m.place is not None and m.place["country"] in (IRAQ, SYRIA) and m.place["name_en"] not in (IRAQ, SYRIA)
            if m.place is not None and towards and best.en == m.place["name_en"]:
                m.place["towards"] = True  # "a Baghdad trip", then "his visit to Baghdad": confirmed
            elif m.place is None or (m.place["name_en"] in (IRAQ, SYRIA) and best.en not in (IRAQ, SYRIA)) or \
                    (weak and towards and not (home and best.country not in (IRAQ, SYRIA))):
                m.place, gave = {**_place(best), "towards": bool(towards)}, True
        if dates:
            d = dates[0]
            if m.status in ("cancelled", "postponed"):  # the day it was due before the day it was told ("كشفت
                # مصادر، اليوم الخميس، أن الزيارة التي كانت مقررة يوم السبت … أرجئت")
                # (a day written out: a weekday it was set for may be the one gone by or the one to come)
                d = next((x for x in dates if x.start in self.due and x.value and
                          _written_day(s.norm[x.start:x.end])), d)
            # of a contact that did not happen (planned, cancelled, postponed, denied …), "today" or "on Saturday"
            # is when it was reported; only a day written out can be the contact's own
            if m.status != "happened" and kind != "statement":
                said = self.lex.kinds["statement"].find(s.norm, _words(s.norm))
                told = self.lex.announced.find(s.norm, _words(s.norm)) if self.lex.announced is not None else []
                entry = self.entry_opener(s)
                if entry is not None and entry[0].start == d.start and d.value and m.date is None and \
                        m.status == "planned" and d.ahead and d.ahead != d.value:
                    # "- 21 شباط: الخارجية السورية تعلن تلقي الشيباني دعوة لزيارة العراق": a plan in a dated list's
                    # entry was reported on that day, a day gone by (not the same day and month still to come; an
                    # entry with its year, and a contact put off or called off, keep their entry's day: "- 22 شباط
                    # 2025: الموعد الأول لزيارة …، وقد أُرجئت")
                    m.reported.append(f"reported {d.value}: {d.basis} (the date of its entry in a dated list)")
                    gave = True
                elif m.status == "cancelled" and d.value and m.date is None and self.lex.gone_by is not None and \
                        _opens(self.lex.gone_by, m.status_basis) and d.weekday is None:
                    # "did not attend the summit that opened in Baghdad on Saturday": the day it was due, gone by
                    m.date, m.date_basis, gave = d.value, d.basis + f" (the day it was due: '{m.status_basis}')", True
                elif d.ahead and m.status in ("planned", "cancelled", "postponed") and m.date is None and \
                        not (entry is not None and entry[0].start == d.start) and \
                        not any(d.start - 25 <= p < d.start for p in said) and \
                        not any(d.end <= p < self.trigger_at for p in said + told):  # not "…, his office said on
                    # Saturday", nor "On Friday, al-Bashir announced he intended to visit Iraq soon"
                    # (a dated list's entry is a day gone by: "- 21 شباط: … وتؤجل تحديد موعدها")
                    # "will visit / will not attend … on Saturday": the Saturday still to come; of a contact called
                    # off or put off, of a day and month, the nearer of that day and the one before ("the visit once
                    # due on 22 February was postponed", reported in March; a weekday still to come stays ahead)
                    told_on = any(x is not d and x.relative and len(x.value or "") == 10 for x in dates)
                    m.date, gave = _nearer(d.value, d.ahead, self.anchor or self.article.value,
                                           FAR_AHEAD if told_on else RECAP_AHEAD) \
                        if m.status in ("cancelled", "postponed") and _written_day(s.norm[d.start:d.end]) \
                        else d.ahead, True
                    phrase = s.norm[d.start:d.end].strip()
                    if len(d.ahead) == 10 and d.weekday is None and not _written_day(phrase):
                        what = "the " + WEEKDAY_EN[date.fromisoformat(d.ahead).weekday()]
                    else:
                        what = d.ahead
                    m.date_basis = f"'{phrase}' = {what}, on or after the article's date (a contact still to come)" \
                        if m.date == d.ahead else f"'{phrase}' = {m.date}, the day it was due, before the article's date"
                elif d.start in self.due and d.value and m.date is None and m.status in ("cancelled", "postponed"):
                    # "أرجئت الزيارة التي كان من المقرر أن تبدأ اليوم السبت": the day it was due
                    m.date, m.date_basis, gave = d.value, d.basis + " (the day it was due)", True
                elif d.relative and d.value and not (m.status in ("planned", "cancelled", "postponed") and
                                                     _written_day(s.norm[d.start:d.end])):
                    m.reported.append(f"reported {d.value}: {d.basis}")
                    gave = True
                elif d.value and m.date is None:  # written out (of a contact due on a day, a day and month too)
                    m.date, m.date_basis, gave = d.value, d.basis, True
            elif m.date is None and d.value:
                m.date, m.date_basis, gave = d.value, d.basis, True
            if m.status == "happened" and m.date and len(m.date) == 10:
                for later in dates:  # one report, two days of one contact: arrived Monday, talks on Tuesday
                    v = later.value
                    if v and len(v) == 10 and m.date < v <= _plus(m.date, 7) and (not m.date_end or v > m.date_end):
                        m.date_end, gave = v, True
            elif m.date is None and not m.date_basis:
                m.date_basis, gave = d.basis, True
                m.weekday = d.weekday
                m.month = d.month or (int(d.monthday[:2]) if d.monthday else None)
                m.monthday = d.monthday
        m.sides = sorted(set(m.sides) | sides)
        if not m.summary:
            m.summary = s.text if len(s.text) <= 300 else s.text[:297].rsplit(" ", 1)[0] + "…"
        if gave:
            self.cite(m, s)


def _speaks(lex, norm: str, m: Match) -> bool:
    """A city standing for its side as the one who speaks (lexicon `place_speaks`): right before an `after` word
    ("Baghdad announcing"), or right after a `before` word ("وأعلنت دمشق"), nothing between."""
    before = norm[max(0, m.start - 60):m.start]
    if _IN_VENUE.search(before[-8:]) or re.search(r"(?<!\w)[وف]?(?:ب|في)$", before.rstrip()[-4:]):
        # ("the meeting in Baghdad confirmed …": a contact's venue; "a local official in Anbar said": still the side
        # speaking)
        word = (before.split()[-2:-1] or [""])[0]
        if lex.kind_of(word) not in (None, "statement"):
            return False
    if lex.speaks_before is not None and before.endswith(" ") and (word := (before.split() or [""])[-1]):
        if word in lex.speaks_before or word[:1] in "وف" and word[1:] in lex.speaks_before:
            return True
    after = norm[m.end:m.end + 40]
    if lex.speaks_after is not None and after.startswith(" ") and after.split():
        if after.split()[0] in lex.speaks_after or 1 in (a for a, _ in lex.speaks_after.spans(after)):
            return True
    return False


def _resident(lex, p: dict) -> bool:
    """An official who lives in the other country (an ambassador, a chargé d'affaires), by the words of his role."""
    role = fast_normalize(f"{p.get('role', '')} {p.get('role_en', '')}")
    return bool(lex.resident.find(role, _words(role)))


GATHERING_YEAR = 365  # days: a gathering farther than this from the article's date is not the one it names
_NOT_BEFORE = {"happened"}  # statuses of a contact that cannot lie after the article telling it
# statuses of a contact a gathering dates: done, called off or put off there, or due there (a denied, rumoured or
# hypothetical one is about the gathering, not a contact held at it: "denied inviting al-Sharaa to the summit")
AT_GATHERING = {"happened", "cancelled", "postponed", "planned"}


def _list_item(norm: str, a: int, b: int, named: list[tuple[int, int]], links) -> bool:
    """Whether norm[a:b] is one item of a list of people: someone named in it and, besides the names, titles and
    countries, only linking words (lexicon `list_links`: "and", "و", "'s")."""
    if links is None or not any(a <= x < b for x, _ in named):
        return False
    rest = norm[a:b]
    for x, y in sorted(named, reverse=True):
        if a <= x and y <= b:
            rest = rest[:x - a] + " " + rest[y - a:]
    return all(w in links for w in re.findall(r"[^\s.،,؛;:()\"'’]+", rest))


def _list_end(norm: str, a: int, b: int, named: list[tuple[int, int]]) -> int:
    """Where the last part of a list ends in norm[a:b] ("lebanon's foreign minister and syria's asaad al-shaibani
    on sunday"): at the end of the first name after its "and" / "و", else `a` (no list's last part)."""
    m = re.search(r"\s(?:and|و)\s*", norm[a:b])
    if not m:
        return a
    after = [y for x, y in sorted(named) if a + m.end() <= x < b]
    return after[0] if after else a


def _after_frame(frames, rest: str) -> str:
    """A clause's normalised text past the frame words opening it (lexicon `join_frames`: "ويأتي اللقاء", "which
    came"), else the text as it is."""
    if frames is None:
        return rest
    for j in sorted((*frames.phrases, *frames.words), key=len, reverse=True):
        if rest.startswith(j + " "):
            return rest[len(j) + 1:].lstrip()
    return rest


def _owned(norm: str, at: int, lex) -> bool:
    """Whether the contact's word at `at` is a meeting of others, a plural role right after it ("اجتماع وزراء الطاقة
    العرب", "a meeting of ministers": lexicon `plural_roles`)."""
    after = norm[at:].split(None, 4)[1:4]
    plural = {p for p, _ in lex.plurals}
    return any(w in plural for w in after if w not in ("of", "the"))


def _written_day(phrase: str) -> bool:
    """Whether a date phrase writes its day out (in digits, or an Arabic ordinal: "الثاني والعشرين من شباط"), not a
    weekday or "today"."""
    return bool(re.search(r"\d", phrase) or ORD_DM.search(phrase) or ORD_DMY.search(phrase))


def _invited_at(lex, norm: str, pos: int, spans: list[tuple[int, int]] | None = None) -> bool:
    """Whether the words at `pos` are what an invitation is to: at most six words after an invitation's words
    (lexicon `invited_to`), nothing between that ends a clause (`_referred_at`)."""
    return lex is not None and lex.invited_to is not None and \
        _referred_at(norm, pos, spans if spans is not None else lex.invited_to.spans(norm))


def _referred_at(norm: str, pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the words at `pos` are what words at `spans` refer to (an invitation's, `invited_to`; what was
    agreed at a gathering, `gathering_referred`): at most six words after them, nothing between that ends a clause."""
    return any(0 <= pos - b and len(norm[b:pos].split()) <= 6 and not re.search(r"[،,.؛;:]", norm[b:pos])
               for _a, b in spans)


def gathering_of(officials: Officials, norm: str, ref: str, status: str, lex=None) -> Gathering | None:
    """The gathering (officials.json `gatherings`) a normalised sentence names, or None: of several sharing a form
    ("the Arab summit" of two years), the one whose city the sentence names, else the one nearest the article's
    date `ref` ('' when unknown: then only a single one). A happened contact is not at a gathering after its
    article (a day's slack: pages dated the day after); nor at one it hands an invitation to ("handed him his
    invitation to the Arab summit")."""
    found = officials.gatherings_in(norm)
    # (not one an invitation is to, nor one referred to: "استكمالاً لما اتُّفق عليه في اجتماع عمّان")
    for words in ((lex.invited_to, lex.gathering_referred) if lex is not None else ()):
        if found and words is not None and (spans := words.spans(norm)):
            found = [g for g in found if any(not _referred_at(norm, x.start(), spans) for f in g.forms
                                             for x in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", norm))]
    if ref and status in _NOT_BEFORE:
        found = [g for g in found if g.date <= _plus(ref[:10], 1)]
    if len(found) > 1:
        cities = {x.item.en for x in officials.scan(norm) if x.kind == "place"}
        found = [g for g in found if g.place in cities] or found
    if ref:
        away = {g.id: abs((date.fromisoformat(g.date) - date.fromisoformat(ref[:10])).days) for g in found}
        near = [g for g in found if away[g.id] <= GATHERING_YEAR]
        return min(near, key=lambda g: away[g.id]) if near else None
    return found[0] if len(found) == 1 else None


def _at_gathering(m: Mention, art: "_Article") -> None:
    """A contact its report places at a known gathering ("on the sidelines of the Arab summit in Baghdad",
    "غاب عن القمة العربية") and gives no day: the gathering's day (of a one-day gathering) and its city, with that
    basis. The sentence before may name the gathering of a contact that did not happen ("… hosted the Arab summit.
    Al-Sharaa did not attend") when the contact's own sentence names no place it went to and no day or month. Not of
    a statement: words about a summit are not said at it."""
    if m.kind in ("call", "statement") or m.status not in AT_GATHERING or not m.citations:
        return
    officials, ref = art.officials, art.article.value or art.article.before or ""
    first = m.citations[0]
    if m.date and len(m.date) >= 10:
        # (a plan of a day and month set ahead of the article's date, at a known gathering held that day and month
        # a year earlier: "had been expected at the Arab League summit in Baghdad on May 17", told in June)
        if m.status != "happened" and (g := gathering_of(officials, fast_normalize(first["text"]), ref, m.status,
                                                         art.lex)) is not None and \
                g.date[4:] == m.date[4:] and g.date < m.date:
            m.date, m.date_basis = g.date, m.date_basis + f"; {g.date[:4]}, the year of {g.en} (the gatherings " \
                                                          f"of officials.json)"
        return
    g = gathering_of(officials, fast_normalize(first["text"]), ref, m.status, art.lex)
    if g is None and m.status != "happened" and not m.date_basis and m.month is None and m.weekday is None and \
            (m.place is None or not m.place.get("towards")):
        before = [s for s in art.sents if s.end <= first["start"]]
        if before:
            g = gathering_of(officials, before[-1].norm, ref, m.status, art.lex)
    back = art.lex.gathering_back
    if g is None and m.status == "happened" and not m.date and m.month is None and m.weekday is None and \
            (m.place is None or not m.place.get("towards") or m.place["name_en"] == m.place["country"]) and \
            back is not None:  # (a country for a place, "في الأردن وتركيا والعراق", is no place of its own)
        # "… اجتماع دول جوار سوريا الذي عقد في العاصمة الأردنية أمس الأحد" then "وضم الاجتماع وزراء الخارجية …":
        # a contact told with a word referring back to a gathering (lexicon `gathering_back`), of no day or place of
        # its own, was held at the one the article named last before it
        norm = fast_normalize(first["text"])
        if back.find(norm, _words(norm)):  # (words and phrases)
            for s in reversed([s for s in art.sents if s.end <= first["start"]]):
                if (g := gathering_of(officials, s.norm, ref, m.status, art.lex)) is not None:
                    break
    if g is None or (m.date and not g.date.startswith(m.date)):
        return
    city = next((pl for pl in officials.places if pl.en == g.place), None)
    if m.place and m.place.get("towards") and m.place["name_en"] not in (IRAQ, SYRIA, g.place) and \
            not (city and m.place["name_en"] == m.place["country"] == city.country):
        return  # a contact the sentence places in another city ("a meeting in Doha … a month before the Baghdad
        # summit") was not held at the gathering
    if not g.date_end:  # (a gathering of several days gives its city only: which day is not known)
        m.date = g.date
        m.date_basis = f"at {g.en} ({g.date}; the gatherings of officials.json): the report gives no day"
    elif m.weekday is not None and not m.date:  # … unless the report names the weekday ("يوم السبت الماضي" in an
        # undated page): the one day of the gathering that was that weekday
        start, end = date.fromisoformat(g.date), date.fromisoformat(g.date_end)
        days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
        same = [d for d in days if d.weekday() == m.weekday]
        if len(same) == 1:
            m.date = same[0].isoformat()
            m.date_basis = f"at {g.en} ({g.date} to {g.date_end}; the gatherings of officials.json), on the " \
                           f"{WEEKDAY_EN[m.weekday]} the report names"
    if city and (m.place is None or m.place["name_en"] in (IRAQ, SYRIA, city.country) or not m.place.get("towards")):
        m.place = {**_place(city), "towards": True}


def _talk_of_call(mentions: list[Mention], lex) -> list[Mention]:
    """A meeting told only in words of talk ("الشرع يبحث مع السوداني أمن الحدود", "X discusses … with Y"), with no
    place or day, whose named people all took part in a call the same article reports: that call, told before the
    article says it was one (a headline over the report of a call)."""
    calls = [m for m in mentions if m.kind == "call"]
    if not calls:
        return mentions
    out = []
    for m in mentions:
        named = {p["id"] for p in m.participants if p["named"]}
        call = next((c for c in calls if c.status == m.status and named and
                     named <= {p["id"] for p in c.participants if p["named"]}), None)
        if m.kind == "meeting" and call is not None and m.place is None and m.date is None and \
                all(_talk_only(lex, fast_normalize(c["text"])) for c in m.citations):
            call.citations += [c for c in m.citations if c["start"] not in {x["start"] for x in call.citations}]
            continue
        out.append(m)
    return out


_LIST_MARKS = ("-", "–", "—", "•", "*", "·")  # what opens a list's entry
UNCONFIRMED_REACH = 2  # sentences after a contact's last report within which "not confirmed" speaks of it


def _unconfirmed(mentions: list[Mention], art: "_Article") -> list[Mention]:
    """A contact told as done ("a local official said talks had begun between the two intelligence services") that its
    sentence or one at most UNCONFIRMED_REACH after its last report leaves unconfirmed ("No confirmation of these talks came
    from Baghdad or Damascus", lexicon `unconfirmed`), no other contact reported between: a claim, rumoured."""
    cue = art.lex.unconfirmed
    if cue is None or not mentions:
        return mentions
    starts = [s.start for s in art.sents]
    for i, s in enumerate(art.sents):
        if not cue.find(s.norm, _words(s.norm)) or art.entry_opener(s) is not None or \
                s.text.lstrip().startswith(_LIST_MARKS):
            continue  # (a list's entry speaks of its own item: "- أيلول: … من دون تأكيد حكومي")
        at = cue.find(s.norm, _words(s.norm))[0]
        # the contact the sentence goes on about: the one last reported before it, or in it after a comma ("… were
        # both in Doha on Monday, but neither government reported talks between them"; not "met him and said the
        # date of the next visit was not confirmed")
        # (between the contact's word and them: "On Monday, al-Sudani met al-Sharaa … whose release neither side
        # reported" is no comma of theirs)
        told = [p for p in art.lex.contact_at(s.norm, _words(s.norm)) if p < at]
        comma = bool(re.search(r"[,،;؛]", s.norm[max(told, default=0):at]))
        before = [m for m in mentions if m.citations and (min(c["start"] for c in m.citations) < s.start or
                                                          comma and min(c["start"] for c in m.citations) == s.start)]
        if not before:
            continue
        m = max(before, key=lambda x: max(c["start"] for c in x.citations if c["start"] <= s.start))
        last = max(c["start"] for c in m.citations if c["start"] <= s.start)
        between = [x for x in mentions if x is not m and x.citations and
                   last < min(c["start"] for c in x.citations) <= s.start]
        k = next((n for n, st in enumerate(starts) if st == last), None)
        if m.status == "happened" and m.kind != "statement" and not between and k is not None and \
                0 <= i - k <= UNCONFIRMED_REACH:
            m.status, m.status_basis = "rumoured", _word_at(s.norm, at)
            art.cite(m, s)
    return mentions


def _acting_together(lex, m: Mention) -> bool:
    """Whether a report's contact is told only by words of acting together ("in coordination with", "a joint
    raid"): every contact word of its first sentence stands inside one of them; or by a crossing reopened."""
    if not m.citations:
        return False
    norm = fast_normalize(m.citations[0]["text"])
    words = _words(norm)
    if lex.crossing_opened(norm, words):
        return True  # (a crossing of the two reopened, or to be: their border authorities' act)
    return _only_together(lex, norm, words)


def _only_together(lex, norm: str, words) -> bool:
    """Whether a sentence has words of acting together (lexicon `cooperation`, `joint_acts`) and every contact word
    of it stands inside them."""
    spans = [*(lex.cooperation.spans(norm, words) if lex.cooperation is not None else []),
             *((x.start(), x.end()) for x in (lex.joint_acts.finditer(norm) if lex.joint_acts else ()))]
    return bool(spans) and all(any(a <= p < b for a, b in spans) for p in lex.contact_at(norm, words))


def _talk_only(lex, norm: str) -> bool:
    """The sentence's contact words are all words of talk (lexicon `talk`), none of a visit, a call or a meeting."""
    words = _words(norm)
    talk = set(lex.talk.find(norm, words))
    found = [p for k, w in lex.kinds.items() if k != "statement" for p in w.find(norm, words)]
    return bool(found) and set(found) <= talk


def extract(doc: Document, chunks: list[Chunk], officials: Officials) -> Extraction:
    """The Iraq–Syria contacts one cleaned article reports, with its inferred date."""
    art = _Article(doc, chunks, officials)
    mentions = _unconfirmed(_talk_of_call(art.run(), art.lex), art)
    lex = art.lex
    for m in mentions:
        if officials.gatherings:
            _at_gathering(m, art)
        guests = [p for p in m.participants if m.place and p["country"] != m.place["country"]]
        # (a place only named, "talks on reopening the Rabia crossing", is not where anyone was received)
        if m.kind in ("meeting", "delegation") and m.place and m.place.get("towards") and \
                m.place["country"] in (IRAQ, SYRIA) and guests and \
                not all(_resident(lex, p) for p in guests) and not (_bodies_only(m) and _acting_together(lex, m)):
            m.kind = "visit"  # received in the other country's capital: that side travelled (not its ambassador;
            # nor bodies acting together there: "an operation inside Syria in coordination with the Syrian
            # authorities"; bodies holding talks there did travel: "Syrian interior ministry officials held talks in
            # Baghdad")
        if m.status == "planned" and m.date is None:
            m.date_basis = "planned, no date given" + ("; " + "; ".join(m.reported) if m.reported else "")
        elif m.date is None and not m.date_basis:
            m.date_basis = "no date in the report"
        m.citations.sort(key=lambda c: c["start"])
    mentions = _stand_ins(mentions, art)
    return Extraction(extractor_version(officials), art.article,
                      mentions + _invitations(mentions, art) + _joint_plans(mentions, art))


def _joint_plans(mentions: list[Mention], art: "_Article") -> list[Mention]:
    """The two sides agreeing to form a body of both (lexicon `forming`: "the two sides agreed to form a joint
    technical committee", "اتفق الجانبان على تشكيل لجنة فنية مشتركة"): that body's meeting, planned, a contact of its
    own. Whose body: the sentence's sides when it names only Iraq and Syria; when it names no country, the two sides it
    speaks of (lexicon `back` `any`) after an Iraq–Syria contact the article reported before it."""
    lex, officials, out = art.lex, art.officials, []
    if lex.forming is None:
        return out
    cited = {(c["start"], c["end"]) for m in mentions for c in m.citations if m.status == "planned"}
    both = lex.back.get("any")
    order = max((m.order for m in mentions), default=0)
    for s in art.sents:
        words = _words(s.norm)
        cues = lex.forming.find(s.norm, words)  # (words and phrases)
        if not cues or (s.start, s.end) in cited:
            continue
        text = s.text if len(s.text) == len(s.norm) else ""
        joint = [b for b in officials.bodies(s.norm, text) if b.item.id.endswith("-body-joint") and b.start > min(cues)]
        if not joint:
            short = officials.joint_short(s.norm)
            before = any(c["start"] < s.start for m in mentions if {IRAQ, SYRIA} <= set(m.sides) for c in m.citations)
            named = {x.item if x.kind == "country" else getattr(x.item, "country", None)
                     for x in officials.scan(s.norm, text)} - {None}
            if short is None or short[0] < min(cues) or named or not before or both is None or \
                    not both.find(s.norm, words):
                continue
            joint = joint_sides(short, s.norm[short[0]:short[1]])
        order += 1
        out.append(Mention(source=art.doc.source, kind="meeting", status="planned", order=order,
                           participants=[_participant(j.item, None) for j in joint],
                           citations=[{"source": art.doc.source, "chunk_id": s.chunk_id, "text": s.text,
                                       "start": s.start, "end": s.end}],
                           sides=[IRAQ, SYRIA], status_basis=s.norm[min(cues):min(cues) + 24].strip(),
                           date_basis="planned, no date given (a body of both sides agreed to be formed)"))
    return out


def _stand_ins(mentions: list[Mention], art: "_Article") -> list[Mention]:
    """A contact called off whose sentence names who came instead (lexicon `stand_ins`: "al-Sharaa did not attend
    the Arab League summit in Baghdad, sending Foreign Minister Asaad al-Shaibani"): the stand-in's own contact
    happened, the same day and place, a contact of its own; the one called off keeps the others."""
    lex, out = art.lex, []
    if lex.stand_ins is None:
        return mentions
    for m in mentions:
        out.append(m)
        if m.status != "cancelled" or m.kind in ("call", "statement") or not m.citations:
            continue
        c = m.citations[0]
        norm = fast_normalize(c["text"])
        cues = lex.stand_ins.find(norm, _words(norm))  # (words and phrases)
        if not cues:
            continue
        after = norm[min(cues):]
        named = {x.item.id: x.item for x in art.officials.scan(" ".join(after.split()[:8])) if x.kind == "person"}
        came = [p for p in m.participants if p["id"] in named] or \
            [_participant(p, m.date) for p in named.values() if p.country in {q["country"] for q in m.participants}]
        rest = [p for p in m.participants if p["id"] not in named]
        if not came or not rest:
            continue
        m.participants = rest
        twin = Mention.from_dict(m.to_dict())
        twin.participants, twin.status, twin.status_basis = came, "happened", ""
        twin.kind = "delegation" if m.kind == "visit" else m.kind
        out.append(twin)
    return out


def _invitations(mentions: list[Mention], art: "_Article") -> list[Mention]:
    """A contact that happened, told with an invitation to a city of one side (lexicon `invited_to`: "met Masrour
    Barzani in Davos, where he conveyed an invitation to visit Damascus", "سلّمه دعوة لزيارة بغداد"): the invited, the
    parties of the other side, plan a visit there, a contact of its own (planned, no date given)."""
    lex, officials, out = art.lex, art.officials, []
    if lex.invited_to is None:
        return out
    for m in mentions:
        if m.status != "happened" or m.kind in ("call", "statement"):
            continue
        for c in m.citations:
            norm = fast_normalize(c["text"])
            spans = lex.invited_to.spans(norm, _words(norm))
            city = None
            for _a, b in spans:
                near = " ".join(norm[b:].split()[:4])
                city = next((x.item for x in officials.scan(near) if x.kind == "place" and
                             x.item.country in (IRAQ, SYRIA) and x.item.en != x.item.country), None)
                if city is not None:
                    break
            if city is None:
                continue
            guests = [p for p in m.participants if p.get("named") and p["country"] not in (city.country,)]
            if not guests:
                continue
            plan = Mention.from_dict(m.to_dict())
            plan.kind, plan.status, plan.participants = "visit", "planned", guests
            plan.place = {**_place(city), "towards": True}
            plan.date = plan.date_end = None
            plan.weekday = plan.month = plan.monthday = None
            plan.span = None
            plan.citations = [c]
            plan.status_basis = norm[spans[0][0]:spans[0][1]]
            plan.date_basis = "planned, no date given (an invitation)"
            plan.sides = sorted({p["country"] for p in m.participants} | {city.country})
            out.append(plan)
            break
    return out


def events_consistent(store) -> list[str]:
    """Problems between the stored contact mentions and their documents (empty when consistent): every
    mention belongs to a current document, cites that document's current chunks and exact text, and every
    document has its extraction record. For kill-point tests: after a crash this must stay empty."""
    db = store.db
    own = not db.in_transaction
    if own:
        db.execute("BEGIN")
    try:
        docs = dict(db.execute("SELECT source, text FROM documents").fetchall())
        chunks: dict[str, set[str]] = {}
        for cid, src in db.execute("SELECT id, source FROM chunks"):
            chunks.setdefault(src, set()).add(cid)
        rows = db.execute("SELECT source, data FROM events").fetchall()
        extracted = {r[0] for r in db.execute("SELECT source FROM event_docs")}
    finally:
        if own:
            db.execute("COMMIT")
    problems = []
    for src, data in rows:
        m = json.loads(data)
        if src not in docs:
            problems.append(f"mention {m.get('id')} belongs to {src}, which is not in the library")
            continue
        for c in m.get("citations", []):
            if c.get("chunk_id") and c["chunk_id"] not in chunks.get(src, set()):
                problems.append(f"mention {m.get('id')} of {src} cites chunk {c['chunk_id']}, which is not current")
            if docs[src][c["start"]:c["end"]] != c["text"]:
                problems.append(f"mention {m.get('id')} of {src} cites text that is not at {c['start']}-{c['end']}")
    for src in extracted - set(docs):
        problems.append(f"extraction record for {src}, which is not in the library")
    for src in set(docs) - extracted:
        problems.append(f"{src} has no extraction record (ingest it again to extract its contacts)")
    return problems
