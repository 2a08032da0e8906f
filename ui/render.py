"""HTML for the chat, sources, library and timeline: every piece of document or user text is escaped."""

from __future__ import annotations

import re

from rag import Answer, Citation, language, normalize, normalize_with_map

from .i18n import STRINGS, t
from .state import Conversation

_MARK = re.compile(r"\[(\d+)\]")


_ESC = str.maketrans({**{c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|~"},
                      "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def esc(text: str) -> str:
    """Escape text so neither HTML nor Markdown in it can act (no tags, links or images); one pass, so an
    entity is never escaped twice (an apostrophe shows as an apostrophe)."""
    return (text or "").translate(_ESC)


def direction(text: str) -> str:
    return "rtl" if language(text or "") == "ar" else "ltr"


def label(c: Citation, lang: str) -> str:
    """A human name for a passage's article: its title, else "Article n" (never the file name)."""
    return c.title or t(lang, "article", n=c.n)


def _with_text(lang: str, key: str, text: str) -> str:
    """An interface sentence holding a user's or an article's text, that text isolated in its own direction."""
    return esc(t(lang, key, q="\ufffc")).replace("\ufffc", f"<bdi>{esc(text)}</bdi>")


def _meta(*parts: str) -> str:
    return " · ".join(f'<bdi>{esc(p)}</bdi>' for p in parts if p)


# ---------------------------------------------------------------- chat

def _with_citations(text: str, turn: int | None, lang: str, unsupported=frozenset()) -> str:
    """Escaped text whose [n] markers become focusable citation chips."""
    parts, last = [], 0
    for m in _MARK.finditer(text):
        parts.append(esc(text[last:m.start()]))
        n = int(m.group(1))
        if turn is None:
            parts.append(f"[{n}]")
        else:
            bad = n in unsupported
            tip = t(lang, "unsupported") if bad else t(lang, "show_passage", n=n)
            parts.append(f'<button type="button" class="cite{" unsupported" if bad else ""}" data-a="{turn}" '
                         f'data-n="{n}" aria-label="{esc(tip)}">[{n}]</button>')
        last = m.end()
    parts.append(esc(text[last:]))
    return "".join(parts)


def evidence_by_n(a: Answer) -> dict[int, list[str]]:
    """For each cited passage, the sentences of it to highlight: the evidence the citation check found."""
    from rag import cited_sentences

    out: dict[int, list[str]] = {}
    for s in a.support:
        out.setdefault(s["n"], []).append(s["evidence"])
    for sent, nums in cited_sentences(a.answer):
        for n in nums:
            out.setdefault(n, []).append(sent)
    return out


def _previews(a: Answer, lang: str) -> str:
    """Hidden preview cards (outlet, date, title, the cited sentence) that hovering a chip shows."""
    by_n = evidence_by_n(a)
    out = []
    for c in a.citations:
        sent = (by_n.get(c.n) or [c.text[:220] + ("…" if len(c.text) > 220 else "")])[0]
        out.append(f'<div class="pv" data-n="{c.n}"><div class="pv-meta">[{c.n}] {_meta(c.outlet, c.date)}'
                   f'</div><div class="pv-title" dir="auto">{esc(label(c, lang))}</div>'
                   f'<div class="pv-sent" dir="auto">{esc(sent)}</div></div>')
    return f'<div class="previews" hidden>{"".join(out)}</div>'


def user_message(question: str) -> str:
    d = direction(question)
    return f'<div dir="{d}" class="msg user msg-{d}">{esc(question)}</div>'


def answer_message(a: Answer, turn: int, lang: str, *, last: bool, feedback: bool | None = None) -> str:
    """The final assistant message: its own direction, chips, abstention set apart, rewritten question, actions."""
    d = direction(a.answer or a.question)
    unsupported = {u["n"] for u in a.unsupported}
    body = _with_citations(a.answer, turn, lang, unsupported)
    cls = "msg answer abstained" if a.abstained else "msg answer"
    ans_lang = "ar" if d == "rtl" else "en"
    head = f'<div class="abstain-label">⚠ {esc(t(ans_lang, "abstained"))}</div>' if a.abstained else ""
    rewritten = (f'<div class="rewritten" dir="{"rtl" if lang == "ar" else "ltr"}">↳ '
                 f'{_with_text(lang, "searched_for", a.standalone_question)}</div>'
                 if a.standalone_question else "")
    notice = f'<div class="notice" dir="auto">{esc(a.notice)}</div>' if a.notice else ""
    acts = []
    for liked, key, icon in ((True, "like", "✓"), (False, "dislike", "✗")):
        pressed = "true" if feedback is liked else "false"
        acts.append(f'<button type="button" class="act fb" data-box="chat" data-payload="{key}:{turn}" '
                    f'aria-pressed="{pressed}" aria-label="{esc(t(lang, key))}" title="{esc(t(lang, key))}">{icon} {esc(t(lang, key))}</button>')
    if last:
        acts.append(f'<button type="button" class="act regen" data-box="chat" data-payload="regen:{turn}">↻ '
                    f'{esc(t(lang, "regenerate"))}</button>')
        acts.append(f'<button type="button" class="act edit" data-box="chat" data-payload="edit:{turn}">✎ '
                    f'{esc(t(lang, "edit"))}</button>')
    thanks = f'<span class="thanks">{esc(t(lang, "thanks"))}</span>' if feedback is not None else ""
    return (f'<div dir="{d}" class="{cls} msg-{d}" data-turn="{turn}">{head}<div class="answer-text">{body}</div>'
            f'{rewritten}{notice}{_previews(a, lang)}<div class="actions" dir="{"rtl" if lang == "ar" else "ltr"}">'
            f'{"".join(acts)}{thanks}</div></div>')


def conversation(conv: Conversation, lang: str, pending: tuple[str, str] | None = None) -> str:
    """The whole conversation; `pending` is (question, text so far) of the answer being written."""
    parts = []
    for i, turn in enumerate(conv.turns):
        parts.append(user_message(turn.question))
        parts.append(answer_message(turn.answer, i, lang, last=(i == len(conv.turns) - 1 and not pending),
                                    feedback=turn.feedback))
    if pending:
        q, text = pending
        d = direction(text or q)
        shown = _with_citations(text, None, lang) if text else esc(t(lang, "pending"))
        parts.append(user_message(q))
        parts.append(f'<div dir="{d}" class="msg pending msg-{d}" aria-busy="true">{shown}</div>')
    if not parts:
        return '<div class="chat-empty"></div>'
    return f'<div class="conversation">{"".join(parts)}</div>'


def error_line(message: str | None, lang: str) -> str:
    if not message:
        return ""
    return f'<div class="inline-error" role="alert" dir="{"rtl" if lang == "ar" else "ltr"}">⚠ {esc(message)}</div>'


def meta_line(a: Answer, lang: str = "en") -> str:
    """Which model and prompt answered, and how long it took, in the interface language."""
    prompt = f' · {esc(t(lang, "meta_prompt"))} <bdi dir="ltr">{esc(a.prompt)}</bdi>' if a.prompt else ""
    secs = f'<bdi dir="ltr">{a.timings_ms.get("total", 0) / 1000:.2f} s</bdi>'
    return (f'<div class="meta" dir="{"rtl" if lang == "ar" else "ltr"}">{esc(t(lang, "meta_model"))} '
            f'<bdi dir="ltr">{esc(a.model)}</bdi>{prompt} · {secs}</div>')


# ---------------------------------------------------------------- sources

def highlight(passage: str, sentences: list[str]) -> str:
    """The passage, escaped, with each given sentence (found after normalisation) in <mark>."""
    norm, where = normalize_with_map(passage)
    spans = []
    for s in sentences:
        key = normalize(s.strip().rstrip(".؟?!"))
        pos = norm.find(key) if key else -1
        if pos >= 0:
            spans.append((where[pos], where[pos + len(key) - 1] + 1))
    out, last = [], 0
    for a, b in sorted(spans):
        if a < last:
            continue
        out.append(esc(passage[last:a]) + "<mark>" + esc(passage[a:b]) + "</mark>")
        last = b
    out.append(esc(passage[last:]))
    return "".join(out)


def article_html(doc: dict, start: int, end: int, sentences: list[str], mark_id: str = "") -> str:
    """A whole article with one passage (start..end) marked and the given sentences highlighted inside it."""
    text = doc["text"]
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    inner = highlight(text[start:end], sentences)
    ident = f' id="{esc(mark_id)}"' if mark_id else ""
    return (f'<div dir="{direction(text)}" class="article-text">{esc(text[:start])}'
            f'<mark class="passage"{ident}>{inner}</mark>{esc(text[end:])}</div>')


def article_for(a: Answer, turn: int, n: int, doc: dict) -> str:
    """The whole article behind passage n of an answer, the passage marked and its cited sentences highlighted;
    the page's script moves it into that card's <details>."""
    c = next(c for c in a.citations if c.n == n)
    return (f'<div class="article-load" data-a="{turn}" data-n="{n}">'
            f'{article_html(doc, c.start, c.end, evidence_by_n(a).get(n, []))}</div>')


def sources_empty(lang: str) -> str:
    return f'<div class="sources-empty" dir="auto">{esc(t(lang, "sources_empty"))}</div>'


def sources_panel(a: Answer | None, turn: int, lang: str, selected: int | None = None) -> str:
    """A compact source list (cited first; one line per article, the numbers of its passages side by side: three
    passages of one article are one source) above collapsed cards, one per passage; each card opens its article
    on demand (the article is fetched when its <details> opens: an answer does not carry five whole articles)."""
    if a is None:
        return sources_empty(lang)
    by_n = evidence_by_n(a)
    cited = [c for c in a.citations if c.n in a.cited]
    others = [c for c in a.citations if c.n not in a.cited]
    unsupported = {u["n"] for u in a.unsupported}
    items, cards = [], []
    articles: dict[str, list] = {}  # the list has one line per article, its passages' numbers side by side
    for c in cited + others:
        articles.setdefault(c.source, []).append(c)
    for group in articles.values():
        first, is_cited = group[0], any(c.n in a.cited for c in group)
        kind = "cited" if is_cited else "uncited"
        badge = f'<span class="badge {kind}">{esc(t(lang, kind if is_cited else "not_cited"))}</span>'
        nums = "".join(f'<button type="button" class="src-jump cite-num{" cited" if c.n in a.cited else ""}" '
                       f'data-a="{turn}" data-n="{c.n}">[{c.n}]</button>' for c in group)
        items.append(f'<li class="src-item {kind}" data-passages="{len(group)}"><span class="src-nums">{nums}</span> '
                     f'<button type="button" class="src-jump" data-a="{turn}" data-n="{first.n}"><span class="src-title"'
                     f' dir="auto">{esc(label(first, lang))}</span></button> '
                     f'<span class="src-meta">{_meta(first.outlet, first.date)}</span> {badge}</li>')
    for c in cited + others:
        n, is_cited = c.n, c.n in a.cited
        kind = "cited" if is_cited else "uncited"
        flag = (f' <span class="badge warn">{esc(t(lang, "unsupported"))}</span>' if n in unsupported else "")
        article = (f'<details class="article" data-a="{turn}" data-n="{n}"><summary>{esc(t(lang, "open_article"))}'
                   f'</summary><div class="article-slot"></div></details>')
        back = (f'<button type="button" class="back-to-answer" data-a="{turn}" data-n="{n}">↑ '
                f'{esc(t(lang, "back_to_answer"))}</button>')
        sel = n == selected
        cards.append(
            f'<details class="source-card {kind}{" selected" if sel else ""}" id="src-{turn}-{n}" data-n="{n}"'
            f'{" open" if sel else ""}><summary class="source-head"><span class="cite-num">[{n}]</span> '
            f'<span dir="auto" class="src-title">{esc(label(c, lang))}</span> '
            f'<span class="src-meta">{_meta(c.outlet, c.date)}</span>{flag}</summary>'
            f'{back}<div dir="{direction(c.text)}" class="passage-text">{highlight(c.text, by_n.get(n, []))}</div>'
            f'{article}</details>')
    head = f'<div class="sources-q" dir="{"rtl" if lang == "ar" else "ltr"}">{_with_text(lang, "sources_for", a.question)}</div>'
    if a.abstained:
        head += f'<div class="closest">{esc(t(lang, "closest"))}</div>'
    cls = "sources abstained" if a.abstained else "sources"
    return (f'<div class="{cls}" data-answer="{turn}" dir="{"rtl" if lang == "ar" else "ltr"}">{head}'
            f'<ol class="source-list">{"".join(items)}</ol><div class="cards">{"".join(cards)}</div></div>')


# ---------------------------------------------------------------- header, library

def library_summary(docs: list[dict], lang: str) -> str:
    if not docs:
        return f'<div class="holds">{esc(t(lang, "empty_library"))}</div>'
    dates = sorted(d["date"] for d in docs if d.get("date"))
    outlets = sorted({d["outlet"] for d in docs if d.get("outlet")})
    span = t(lang, "span", first=f'<bdi dir="ltr">{esc(dates[0])}</bdi>',
             last=f'<bdi dir="ltr">{esc(dates[-1])}</bdi>') if dates else ""
    sep = "، " if lang == "ar" else ", "
    names = sep.join(f"<bdi>{esc(o)}</bdi>" for o in outlets[:6]) + ("…" if len(outlets) > 6 else "")
    outl = t(lang, "outlets", outlets=names) if outlets else ""
    return (f'<div class="holds" dir="{"rtl" if lang == "ar" else "ltr"}">'
            f'{t(lang, "holds", n=len(docs), span=span, outlets=outl)}</div>')


_BASIS_AR = [  # how rag/text/dates.py and rag/contacts/timeline.py say an undated article was placed, in Arabic
    (re.compile(r"it speaks of the fall of Assad \((\S+)\) as past"), "يتحدث عن سقوط الأسد ({0}) بصيغة الماضي"),
    (re.compile(r"it speaks of Bashar al-Assad's government as in office \(fell (\S+)\)"),
     "يتحدث عن حكومة بشار الأسد وهي في الحكم (سقطت في {0})"),
    (re.compile(r"it speaks of Syria's return to the Arab League \((\S+)\) as past"),
     "يتحدث عن عودة سوريا إلى جامعة الدول العربية ({0}) بصيغة الماضي"),
    (re.compile(r"it reports a contact of (\S+) \(dated by ([^)]*)\)"), "يروي اتصالاً جرى في {0} (أرّخه مقال «{1}»)"),
    (re.compile(r"it quotes a tweet of (\S+)"), "يقتبس تغريدة بتاريخ {0}"),
]
_DATED_BY = re.compile(r"\(dated by ([^)]*)\)")
_ISO = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def date_basis(art, lang: str, titles: dict[str, str]) -> str:
    """Why an undated article is placed where it is, in the interface language, naming articles by title."""
    basis = art.basis.removeprefix("undated; ").removeprefix("undated ")
    if lang == "ar":
        parts = []
        for part in basis.split("; "):
            for rx, ar in _BASIS_AR:
                m = rx.search(part)
                if m:
                    parts.append(ar.format(*(g if _ISO.fullmatch(g) else titles.get(g) or "آخر"
                                             for g in m.groups())))
                    break
        basis = "؛ ".join(parts)
    else:
        basis = _DATED_BY.sub(lambda m: f"(dated by “{titles.get(m.group(1)) or 'another article'}”)", basis)
    return t(lang, "inferred_tip", basis=basis) if basis else t(lang, "inferred_tip_bare")


def date_cell(doc: dict, lang: str, dates: dict, titles: dict[str, str]) -> str:
    """A document's date: as stated, else the date inferred from what it reports (≈, with how in the tooltip)."""
    if doc.get("date"):
        return f'<span class="lib-date" dir="ltr">{esc(doc["date"])}</span>'
    art = dates.get(doc["source"])
    if art is None or not art.estimate:
        return f'<span class="unknown">{esc(t(lang, "unknown"))}</span>'
    words = esc(art.label(lang))
    words = re.sub(r"\d{4}-\d{2}(?:-\d{2})?", lambda m: f'<span class="nowrap" dir="ltr">{m.group(0)}</span>', words)
    return (f'<span class="lib-date inferred" tabindex="0" title="{esc(date_basis(art, lang, titles))}">'
            f'≈ {words}</span>')


def library_table(docs: list[dict], lang: str, dates: dict | None = None) -> str:
    """The articles, one row each; `dates` (source → inferred ArticleDate) fills dates the articles do not state."""
    dates = dates or {}
    titles = {d["source"]: d["title"] for d in docs if d.get("title")}
    head = "".join(f'<th class="{k}">{esc(t(lang, k))}</th>' for k in ("col_title", "col_date", "col_outlet",
                                                                        "col_chunks"))
    rows = []
    unknown = f'<span class="unknown">{esc(t(lang, "unknown"))}</span>'
    inferred = False
    for d in docs:
        cell = date_cell(d, lang, dates, titles)
        inferred = inferred or "inferred" in cell
        rows.append(f'<tr><td dir="auto" class="lib-title"><button type="button" class="lib-open" data-box="lib" '
                    f'data-payload="open:{esc(d["source"])}">{esc(d["title"] or d["source"])}</button></td>'
                    f'<td class="col-date">{cell}</td><td dir="auto">{esc(d["outlet"]) or unknown}</td>'
                    f'<td dir="ltr" class="col-num">{d["chunks"]}</td></tr>')
    note = f'<p class="lib-note" dir="auto">{esc(t(lang, "inferred_note"))}</p>' if inferred else ""
    return (f'<table class="library" dir="{"rtl" if lang == "ar" else "ltr"}"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{note}')


def document_view(doc: dict, lang: str) -> str:
    return (f'<div class="doc-view"><div class="doc-head" dir="auto"><b>{esc(doc["title"] or doc["source"])}</b> '
            f'<span class="src-meta">{_meta(doc.get("outlet") or "", doc.get("date") or "")}</span></div>'
            f'<div dir="{direction(doc["text"])}" class="article-text">{esc(doc["text"])}</div></div>')


# ---------------------------------------------------------------- timeline

_ART_LABEL = re.compile(r"(between|after|before) (\d{4}-\d{2}(?:-\d{2})?)(?: and (\d{4}-\d{2}(?:-\d{2})?))?$")


def _article_label(label: str, lang: str) -> str:
    """An undated contact's article date ("before 2024-12-08" as rag labels it) in the interface language, HTML."""
    m = _ART_LABEL.match(label)
    date = lambda d: f'<span class="nowrap" dir="ltr">{esc(d)}</span>'  # noqa: E731
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", label):
        return date(label)
    if not m:
        return ""
    word, a, b = m.groups()
    if lang == "ar":
        return {"between": f"بين {date(a)} و{date(b or '')}", "after": f"بعد {date(a)}", "before": f"قبل {date(a)}"}[word]
    return f"{word} {date(a)}" + (f" and {date(b)}" if b else "")

def timeline(events: list[dict], lang: str) -> str:
    """Dots on a date axis above a list of contacts; each citation is a chip that opens its article."""
    if not events:
        return f'<div class="tl-empty">{esc(t(lang, "tl_none"))}</div>'
    dated = sorted({e["date"][:10] for e in events if e.get("date")})
    first, last = (dated[0], dated[-1]) if dated else ("", "")

    def pos(date: str) -> float:
        from datetime import date as D
        try:
            a, b, x = D.fromisoformat(first), D.fromisoformat(last), D.fromisoformat(date[:10])
        except ValueError:
            return 0.0
        span = (b - a).days or 1
        return 2 + 96 * (x - a).days / span

    dots = "".join(f'<a class="tl-dot kind-{esc(e["kind"])}" href="#ev-{esc(e["id"])}" style="inset-inline-start:'
                   f'{pos(e["date"]):.1f}%" title="{esc(e["date"] or "")} · {esc(e["summary"][:80])}"></a>'
                   for e in events if e.get("date"))
    axis = (f'<div class="tl-axis" dir="ltr"><div class="tl-line"></div>{dots}'
            f'<span class="tl-from">{esc(first)}</span><span class="tl-to">{esc(last)}</span></div>')
    rows = []
    for e in events:
        names = [(p.get("name_en") or p["name"]) if lang == "en" else p["name"] for p in e.get("participants", [])]
        who = ("، " if lang == "ar" else ", ").join(names)
        kind = t(lang, f"kind_{e['kind']}") if f"kind_{e['kind']}" in STRINGS["en"] else e["kind"]
        if e.get("status") == "planned":
            kind += f" ({t(lang, 'planned')})"
        place = (e.get("place_en") or e.get("place")) if lang == "en" else e.get("place")
        chips = "".join(f'<button type="button" class="cite tl-cite" data-box="tl" data-payload="cite:{esc(e["id"])}:{j}"'
                        f' aria-label="{esc(t(lang, "show_passage", n=j + 1))}">[{j + 1}]</button>'
                        for j, _ in enumerate(e.get("citations", [])))
        if e["date"]:
            when = f'<span class="tl-date" dir="ltr">{esc(e["date"])}</span>'
        else:  # undated: the date its article is placed at, marked as inferred
            art = _article_label(e.get("article_date") or "", lang)
            when = (f'<span class="tl-date undated">{esc(t(lang, "undated"))}</span>' +
                    (f' <span class="tl-art" title="{esc(t(lang, "tl_article_date"))}">({esc(t(lang, "tl_article"))} ≈ '
                     f'{art})</span>' if art else ""))
        rows.append(f'<li class="tl-event" id="ev-{esc(e["id"])}">{when} <span class="badge kind">{esc(kind)}</span>'
                    f'{" · <bdi>" + esc(place) + "</bdi> ·" if place else ""} <span dir="auto" class="tl-who">{esc(who)}'
                    f'</span><div dir="auto" class="tl-summary">{esc(e["summary"])} {chips}</div></li>')
    return (f'<div class="timeline">{axis}<div class="tl-count">{esc(t(lang, "tl_count", n=len(events)))}</div>'
            f'<ol class="tl-list">{"".join(rows)}</ol></div>')
