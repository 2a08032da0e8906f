"""A contact report as the extractor gives it and the library stores it (rag/contacts/events.py writes them,
rag/contacts/timeline.py merges them): one article's mention of a visit, call, meeting, delegation or statement,
and what one article yields."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..text.dates import ArticleDate

KINDS = ("visit", "call", "meeting", "delegation", "statement")
GROUP = {"visit": "travel", "delegation": "travel", "meeting": "travel", "call": "call", "statement": "statement"}
PRIORITY = {"visit": 0, "delegation": 1, "meeting": 2, "call": 0, "statement": 0}

@dataclass
class Mention:
    """One article's report of a contact; `to_dict`/`from_dict` are its stored JSON form."""

    source: str
    kind: str
    status: str
    order: int
    participants: list[dict] = field(default_factory=list)
    place: dict | None = None
    date: str | None = None
    date_basis: str = ""
    reported: list[str] = field(default_factory=list)
    summary: str = ""
    citations: list[dict] = field(default_factory=list)
    sides: list[str] = field(default_factory=list)
    directed_by: list[dict] = field(default_factory=list)  # who sent or directed it without taking part
    status_basis: str = ""  # the words that gave a status other than 'happened'
    weekday: int | None = None  # the weekday its report names when the day itself could not be resolved
    date_end: str | None = None  # a later day the same report gives (arrived Monday, talks on Tuesday)
    # [from, to) of a role a participant held only for a time, named with him ("قائد الإدارة السورية الجديدة
    # أحمد الشرع"): an undated report's contact lies within it
    span: list[str] | None = None
    month: int | None = None  # the month its report names when the year could not be known ("his December talks")
    monthday: str | None = None  # 'MM-DD' its report names when the year could not be known ("في 14 آذار")

    @property
    def id(self) -> str:
        first = self.citations[0]["start"] if self.citations else self.order
        return hashlib.sha1(f"{self.source}|{self.kind}|{first}".encode()).hexdigest()[:12]

    @property
    def named(self) -> set[str]:
        return {p["id"] for p in self.participants if p.get("named")}

    def to_dict(self) -> dict:
        return {"id": self.id, "source": self.source, "kind": self.kind, "status": self.status, "order": self.order,
                "participants": self.participants, "place": self.place, "date": self.date,
                "date_basis": self.date_basis, "reported": self.reported, "summary": self.summary,
                "citations": self.citations, "sides": self.sides, "directed_by": self.directed_by,
                "status_basis": self.status_basis, "weekday": self.weekday, "date_end": self.date_end,
                "span": self.span, "month": self.month, "monthday": self.monthday}

    @classmethod
    def from_dict(cls, d: dict) -> "Mention":
        return cls(d["source"], d["kind"], d["status"], d.get("order", 0), d.get("participants", []), d.get("place"),
                   d.get("date"), d.get("date_basis", ""), d.get("reported", []), d.get("summary", ""),
                   d.get("citations", []), d.get("sides", []), d.get("directed_by", []), d.get("status_basis", ""),
                   d.get("weekday"), d.get("date_end"), d.get("span"), d.get("month"), d.get("monthday"))


@dataclass
class Extraction:
    """What an article yields: the extractor version, the article's date and its contact mentions."""

    version: str
    article: ArticleDate
    mentions: list[Mention]

    def rows(self) -> tuple[str, dict, list[dict]]:
        return self.version, self.article.to_dict(), [m.to_dict() for m in self.mentions]
