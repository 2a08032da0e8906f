"""HTML for the chat, sources, library and timeline: every piece of document or user text is escaped."""

from __future__ import annotations

import re

from rag import Answer, Citation, language, normalize, normalize_with_map

from .i18n import HINT_QUESTIONS, STRINGS, counted, model_label, pick, t
from .state import Conversation

_MARK = re.compile(r"\[(\d+)\]")


_ESC = str.maketrans({**{c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|~"},
                      "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def esc(text: str) -> str:
    """Escape text so neither HTML nor Markdown in it can act (no tags, links or images); one pass, so an
    entity is never escaped twice (an apostrophe shows as an apostrophe)."""
    return (text or "").translate(_ESC)


# Inside Arabic text, a run that reads left to right: Latin words (with their digits, hyphens, apostrophes and
# spaces between them), or numbers joined by a dash, slash, colon or point (an ISO date "2025-08-28"). In a
# right-to-left line such a run is reordered ("28-08-2025": after Arabic letters its digits are Arabic numbers,
# and a dash does not join them), so the page isolates it left to right (<bdi dir="ltr">: the text itself, what
# is copied and what the API returns, is unchanged).
_LATIN = "A-Za-z\u00C0-\u024F\u1E00-\u1EFF"
_LTR_RUN = re.compile(rf"[{_LATIN}0-9](?:[{_LATIN}0-9]|[-\u2010\u2011\u2013/.:,'\u2019&+_ ](?=[{_LATIN}0-9]))*")
_LTR_NEEDED = re.compile(rf"[{_LATIN}]|[0-9][^0-9][0-9]")


def esc_ltr_runs(text: str, arabic: bool | None = None) -> str:
    """`esc(text)`, and in Arabic text (`arabic`, else the text's own language) each Latin run, ISO date and
    dashed number in its own left-to-right isolate; other text escaped only."""
    if not (language(text or "") == "ar" if arabic is None else arabic):
        return esc(text)
    out, last = [], 0
    for m in _LTR_RUN.finditer(text):
        if _LTR_NEEDED.search(m.group(0)):
            out.append(esc(text[last:m.start()]) + f'<bdi dir="ltr">{esc(m.group(0))}</bdi>')
            last = m.end()
    out.append(esc(text[last:]))
    return "".join(out)


def direction(text: str) -> str:
    return "rtl" if language(text or "") == "ar" else "ltr"


def label(c: Citation, lang: str) -> str:
    """A human name for a passage's article: its title, else "Article n" (never the file name)."""
    return c.title or t(lang, "article", n=c.n)


def _with_text(lang: str, key: str, text: str) -> str:
    """An interface sentence holding a user's or an article's text, that text isolated in its own direction."""
    return esc(t(lang, key, q="\ufffc")).replace("\ufffc", f"<bdi>{esc_ltr_runs(text)}</bdi>")


def _meta(*parts: str) -> str:
    return " · ".join(f'<bdi>{esc(p)}</bdi>' for p in parts if p)


# ---------------------------------------------------------------- chat

def _with_citations(text: str, turn: int | None, lang: str, unsupported=frozenset()) -> str:
    """Escaped text whose [n] markers become focusable citation chips (in Arabic text, its left-to-right runs
    isolated)."""
    parts, last = [], 0
    arabic = language(text or "") == "ar"
    for m in _MARK.finditer(text):
        parts.append(esc_ltr_runs(text[last:m.start()], arabic))
        n = int(m.group(1))
        if turn is None:
            parts.append(f"[{n}]")
        else:
            bad = n in unsupported
            tip = t(lang, "unsupported") if bad else t(lang, "show_passage", n=n)
            parts.append(f'<button type="button" class="cite{" unsupported" if bad else ""}" data-a="{turn}" '
                         f'data-n="{n}" aria-label="{esc(tip)}">[{n}]</button>')
        last = m.end()
    parts.append(esc_ltr_runs(text[last:], arabic))
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


def preview_card(n: int, outlet: str, date: str, title: str, sentence: str) -> str:
    """One hidden preview (outlet, date, title, the cited sentence) that hovering or focusing chip [n] shows."""
    return (f'<div class="pv" data-n="{n}"><div class="pv-meta">[{n}] {_meta(outlet, date)}</div>'
            f'<div class="pv-title" dir="auto"{lang_attr(title)}>{esc_ltr_runs(title)}</div>'
            f'<div class="pv-sent" dir="auto"{lang_attr(sentence)}>{esc_ltr_runs(sentence)}</div></div>')


def _previews(a: Answer, lang: str) -> str:
    """Hidden preview cards of an answer's passages, one per chip number."""
    by_n = evidence_by_n(a)
    out = [preview_card(c.n, c.outlet, c.date, label(c, lang),
                        (by_n.get(c.n) or [c.text[:220] + ("…" if len(c.text) > 220 else "")])[0])
           for c in a.citations]
    return f'<div class="previews" hidden>{"".join(out)}</div>'


def lang_attr(text: str) -> str:
    """` lang="ar"` for Arabic text (fonts, hyphenation and screen readers follow it), else nothing."""
    return ' lang="ar"' if language(text or "") == "ar" else ""


def answer_lines(text: str, turn: int | None, lang: str, unsupported=frozenset()) -> str:
    """An answer's lines, each its own block with its own direction (an English line and an Arabic quote under
    it are not one right-to-left paragraph); each chip stays with the sentence before it."""
    lines = [ln for ln in (text or "").split("\n") if ln.strip()] or [""]
    return "".join(f'<p class="ans-line" dir="auto"{lang_attr(ln)}>{_with_citations(ln, turn, lang, unsupported)}</p>'
                   for ln in lines)


def notices(a: Answer, lang: str) -> list[str]:
    """Why the answer shown is not the model's own, or what its check removed, in the interface language (the
    raw notice names endpoints and exceptions: it stays in the API's JSON and the log)."""
    out = []
    if a.fallback:
        out.append(t(lang, "notice_unverified" if a.model_text is not None else "err_model_failed"))
    if a.invalid_citations:
        out.append(t(lang, "notice_invalid", nums=", ".join(f"[{n}]" for n in a.invalid_citations)))
    if a.unsupported:
        out.append(t(lang, "notice_unsupported", n=len(a.unsupported)))
    if a.notice and not out:
        out.append(t(lang, "notice_other"))
    return out


def user_message(question: str) -> str:
    d = direction(question)
    return f'<div dir="{d}" class="msg user msg-{d}">{esc_ltr_runs(question)}</div>'


def answer_message(a: Answer, turn: int, lang: str, *, last: bool, feedback: bool | None = None) -> str:
    """The final assistant message: its own direction, chips, abstention set apart, rewritten question, actions."""
    d = direction(a.answer or a.question)
    unsupported = {u["n"] for u in a.unsupported}
    body = answer_lines(a.answer, turn, lang, unsupported)
    cls = "msg answer abstained" if a.abstained else "msg answer"
    ans_lang = "ar" if d == "rtl" else "en"
    head = f'<div class="abstain-label">⚠ {esc(t(ans_lang, "abstained"))}</div>' if a.abstained else ""
    rewritten = (f'<div class="rewritten" dir="{"rtl" if lang == "ar" else "ltr"}">↳ '
                 f'{_with_text(lang, "searched_for", a.standalone_question)}</div>'
                 if a.standalone_question else "")
    notice = "".join(f'<div class="notice" dir="{"rtl" if lang == "ar" else "ltr"}">{esc(n)}</div>'
                     for n in notices(a, lang))
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
        shown = answer_lines(text, None, lang) if text else esc(t(lang, "pending"))
        parts.append(user_message(q))
        parts.append(f'<div dir="{d}" class="msg pending msg-{d}" aria-busy="true">{shown}</div>')
    if not parts:
        return chat_hint(lang)
    return f'<div class="conversation">{"".join(parts)}</div>'


def chat_hint(lang: str) -> str:
    """The empty chat: what to ask, and example questions in the interface's language (a click fills the box)."""
    d = "rtl" if pick(lang) == "ar" else "ltr"
    qs = "".join(f'<li><button type="button" class="hint-q" data-fill="{esc(q)}"{lang_attr(q)}>{esc(q)}</button></li>'
                 for q in HINT_QUESTIONS[pick(lang)])
    return (f'<div class="chat-empty" dir="{d}"><p class="chat-hint">{esc(t(lang, "hint"))}</p>'
            f'<p class="chat-hint-ex">{esc(t(lang, "hint_examples"))}</p><ul class="hint-list">{qs}</ul></div>')


def error_line(message: str | None, lang: str) -> str:
    if not message:
        return ""
    return f'<div class="inline-error" role="alert" dir="{"rtl" if lang == "ar" else "ltr"}">⚠ {esc(message)}</div>'


def meta_line(a: Answer, lang: str = "en") -> str:
    """Which model and prompt answered, and how long it took, in the interface language."""
    prompt = f' · {esc(t(lang, "meta_prompt"))} <bdi dir="ltr">{esc(a.prompt)}</bdi>' if a.prompt else ""
    # the app's own answerers are named in the interface's language, a model server's models as they are called
    name = model_label(lang, a.model)
    ltr = ' dir="ltr"' if name == a.model else ""
    model = f'<bdi class="model-name"{ltr}>{esc(name)}</bdi>'
    secs = t(lang, "meta_secs", s=f'<bdi dir="ltr">{a.timings_ms.get("total", 0) / 1000:.2f}</bdi>')
    return (f'<div class="meta" dir="{"rtl" if lang == "ar" else "ltr"}">{esc(t(lang, "meta_model"))} '
            f'{model}{prompt} · <span class="meta-secs">{secs}</span></div>')


# ---------------------------------------------------------------- sources

def highlight(passage: str, sentences: list[str]) -> str:
    """The passage, escaped (its left-to-right runs isolated when it is Arabic), with each given sentence (found
    after normalisation) in <mark>."""
    arabic = language(passage or "") == "ar"
    iso = lambda text: esc_ltr_runs(text, arabic)  # noqa: E731
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
        out.append(iso(passage[last:a]) + "<mark>" + iso(passage[a:b]) + "</mark>")
        last = b
    out.append(iso(passage[last:]))
    return "".join(out)


def article_html(doc: dict, start: int, end: int, sentences: list[str], mark_id: str = "") -> str:
    """A whole article with one passage (start..end) marked and the given sentences highlighted inside it."""
    text = doc["text"]
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    inner = highlight(text[start:end], sentences)
    ident = f' id="{esc(mark_id)}"' if mark_id else ""
    arabic = language(text or "") == "ar"
    return (f'<div dir="{direction(text)}"{lang_attr(text)} class="article-text">{esc_ltr_runs(text[:start], arabic)}'
            f'<mark class="passage"{ident}>{inner}</mark>{esc_ltr_runs(text[end:], arabic)}</div>')


def article_for(a: Answer, turn: int, n: int, doc: dict) -> str:
    """The whole article behind passage n of an answer, the passage marked and its cited sentences highlighted;
    the page's script moves it into that card's <details>."""
    c = next(c for c in a.citations if c.n == n)
    return (f'<div class="article-load" data-a="{turn}" data-n="{n}">'
            f'{article_html(doc, c.start, c.end, evidence_by_n(a).get(n, []))}</div>')


def sources_empty(lang: str) -> str:
    return f'<div class="sources-empty" dir="auto">{esc(t(lang, "sources_empty"))}</div>'


def _snippet(text: str, title: str = "", n: int = 90) -> str:
    """A passage's first words (after its article's title, when it starts with it: the title is said above)."""
    text, title = " ".join((text or "").split()), " ".join((title or "").split())
    if title and text.startswith(title) and len(text) > len(title) + 10:
        text = text[len(title):].lstrip(" .:،-–")
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "…"


def sources_panel(a: Answer | None, turn: int, lang: str, selected: int | None = None) -> str:
    """One compact group per article (cited articles first): its title, outlet and date once, then its passages
    as collapsed cards, each headed by its number and first words; a card opens its passage with the cited
    sentences marked, and its whole article on demand (fetched when its <details> opens: an answer does not
    carry five whole articles)."""
    if a is None:
        return sources_empty(lang)
    by_n = evidence_by_n(a)
    cited = [c for c in a.citations if c.n in a.cited]
    others = [c for c in a.citations if c.n not in a.cited]
    unsupported = {u["n"] for u in a.unsupported}
    articles: dict[str, list] = {}
    for c in cited + others:
        articles.setdefault(c.source, []).append(c)
    groups = []
    for group in articles.values():
        first, is_cited = group[0], any(c.n in a.cited for c in group)
        kind = "cited" if is_cited else "uncited"
        badge = f'<span class="badge {kind}">{esc(t(lang, kind if is_cited else "not_cited"))}</span>'
        cards = []
        for c in group:
            n = c.n
            ckind = "cited" if n in a.cited else "uncited"
            flag = (f' <span class="badge warn">{esc(t(lang, "unsupported"))}</span>' if n in unsupported else "")
            article = (f'<details class="article" data-a="{turn}" data-n="{n}"><summary>{esc(t(lang, "open_article"))}'
                       f'</summary><div class="article-slot"></div></details>')
            back = (f'<button type="button" class="back-to-answer" data-a="{turn}" data-n="{n}">↑ '
                    f'{esc(t(lang, "back_to_answer"))}</button>')
            sel = n == selected
            cards.append(
                f'<details class="source-card {ckind}{" selected" if sel else ""}" id="src-{turn}-{n}" data-n="{n}"'
                f'{" open" if sel else ""}><summary class="source-head"><span class="cite-num">[{n}]</span> '
                f'<span class="src-snippet" dir="auto"{lang_attr(c.text)}>{esc_ltr_runs(_snippet(c.text, c.title))}</span>{flag}</summary>'
                f'{back}<div dir="{direction(c.text)}"{lang_attr(c.text)} class="passage-text">'
                f'{highlight(c.text, by_n.get(n, []))}</div>{article}</details>')
        groups.append(
            f'<section class="src-article {kind}" data-passages="{len(group)}"><div class="src-article-head">'
            f'<span class="src-title" dir="auto"{lang_attr(label(first, lang))}>{esc(label(first, lang))}</span> '
            f'<span class="src-meta">{_meta(first.outlet, first.date)}</span> {badge}</div>{"".join(cards)}</section>')
    head = f'<div class="sources-q" dir="{"rtl" if lang == "ar" else "ltr"}">{_with_text(lang, "sources_for", a.question)}</div>'
    if a.abstained:
        head += f'<div class="closest">{esc(t(lang, "closest"))}</div>'
    cls = "sources abstained" if a.abstained else "sources"
    return (f'<div class="{cls}" data-answer="{turn}" dir="{"rtl" if lang == "ar" else "ltr"}">{head}'
            f'<div class="src-groups">{"".join(groups)}</div></div>')


def article_gone(turn: int, n: int, lang: str) -> str:
    """What "Open the whole article" shows once the article has been deleted from the library."""
    return (f'<div class="article-load" data-a="{turn}" data-n="{n}"><div class="article-gone" role="status" '
            f'dir="{"rtl" if lang == "ar" else "ltr"}">{esc(t(lang, "article_deleted"))}</div></div>')


# ---------------------------------------------------------------- header, library

def library_summary(docs: list[dict], lang: str) -> str:
    if not docs:
        return f'<div class="holds">{esc(t(lang, "empty_library"))}</div>'
    dates = sorted(d["date"] for d in docs if d.get("date"))
    outlets = sorted({d["outlet"] for d in docs if d.get("outlet")})
    span = t(lang, "span", first=f'<bdi dir="ltr">{esc(dates[0])}</bdi>',
             last=f'<bdi dir="ltr">{esc(dates[-1])}</bdi>') if dates else ""
    sep = "، " if lang == "ar" else ", "
    # the first six outlets, then how many more (not "…" before the sentence's full stop)
    names = sep.join(f"<bdi>{esc(o)}</bdi>" for o in outlets[:6]) + (
        esc(t(lang, "more_outlets", n=len(outlets) - 6)) if len(outlets) > 6 else "")
    outl = t(lang, "outlets", outlets=names) if outlets else ""
    return (f'<div class="holds" dir="{"rtl" if lang == "ar" else "ltr"}">'
            f'{t(lang, "holds", n=counted(lang, len(docs), "articles"), span=span, outlets=outl)}</div>')


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


def sort_date(doc: dict, dates: dict, reported: dict[str, str]) -> str:
    """The date a row sorts by: stated, else the one inferred (as in its cell); '' when there is none."""
    if doc.get("date"):
        return doc["date"][:10]
    art = dates.get(doc["source"])
    return (art.estimate if art is not None and art.estimate else reported.get(doc["source"], ""))[:10]


def date_cell(doc: dict, lang: str, dates: dict, titles: dict[str, str], reported: dict[str, str] | None = None) -> str:
    """A document's date: as stated, else the date inferred from what it reports (≈, with how in the tooltip):
    the timeline's inference for the article, else the latest dated contact it reports (it was written after it)."""
    if doc.get("date"):
        return f'<span class="lib-date" dir="ltr">{esc(doc["date"])}</span>'
    art = dates.get(doc["source"])
    seen = (reported or {}).get(doc["source"])
    if art is not None and art.estimate:
        words, tip = esc(art.label(lang)), date_basis(art, lang, titles)
    elif seen:
        words = esc(t(lang, "after_date", d=seen))
        tip = t(lang, "inferred_tip", basis=t(lang, "basis_contact", d=seen))
    else:
        return f'<span class="unknown">{esc(t(lang, "unknown"))}</span>'
    words = re.sub(r"\d{4}-\d{2}(?:-\d{2})?", lambda m: f'<span class="nowrap" dir="ltr">{m.group(0)}</span>', words)
    return f'<span class="lib-date inferred" tabindex="0" title="{esc(tip)}">≈ {words}</span>'


def library_table(docs: list[dict], lang: str, dates: dict | None = None, reported: dict[str, str] | None = None) -> str:
    """The articles, one row each, sortable by title, date and outlet (the header buttons; the page's script
    sorts the rows by their data-* keys); `dates` (source → inferred ArticleDate) and `reported` (source → the
    latest date of a contact it reports) fill dates the articles do not state."""
    dates, reported = dates or {}, reported or {}
    titles = {d["source"]: d["title"] for d in docs if d.get("title")}
    head = "".join(f'<th class="{k}" aria-sort="none"><button type="button" class="lib-sort" data-key="{key}" '
                   f'aria-label="{esc(t(lang, "sort_by", col=t(lang, k)))}">{esc(t(lang, k))}'
                   f'<span class="sort-arrow" aria-hidden="true"></span></button></th>'
                   for k, key in (("col_title", "title"), ("col_date", "date"), ("col_outlet", "outlet")))
    head += f'<th class="col_chunks">{esc(t(lang, "col_chunks"))}</th>'
    rows = []
    unknown = f'<span class="unknown">{esc(t(lang, "unknown"))}</span>'
    inferred = False
    for d in docs:
        cell = date_cell(d, lang, dates, titles, reported)
        inferred = inferred or "inferred" in cell
        title = d["title"] or d["source"]
        rows.append(f'<tr data-title="{esc(normalize(title))}" data-date="{esc(sort_date(d, dates, reported))}" '
                    f'data-outlet="{esc(normalize(d["outlet"] or ""))}"><td dir="auto" class="lib-title"{lang_attr(title)}>'
                    f'<button type="button" class="lib-open" data-box="lib" data-payload="open:{esc(d["source"])}">'
                    f'{esc(title)}</button></td><td class="col-date">{cell}</td><td dir="auto" class="lib-outlet">'
                    f'{esc(d["outlet"]) or unknown}</td><td dir="ltr" class="col-num">{d["chunks"]}</td></tr>')
    note = f'<p class="lib-note" dir="auto">{esc(t(lang, "inferred_note"))}</p>' if inferred else ""
    return (f'<table class="library" dir="{"rtl" if lang == "ar" else "ltr"}"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{note}')


def document_view(doc: dict, lang: str) -> str:
    return (f'<div class="doc-view" tabindex="-1"><div class="doc-head" dir="auto"><b>{esc(doc["title"] or doc["source"])}</b> '
            f'<span class="src-meta">{_meta(doc.get("outlet") or "", doc.get("date") or "")}</span></div>'
            f'<div dir="{direction(doc["text"])}"{lang_attr(doc["text"])} class="article-text">{esc_ltr_runs(doc["text"])}</div></div>')


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

def _axis(events: list[dict]) -> str:
    """Every dated contact as a dot on a date axis; dots that would cover one another stack in rows."""
    from datetime import date as D

    def day(d: str) -> D | None:  # a day, or a month's (or a year's) first day: "2025-03" is placed at March 1st
        try:
            return D.fromisoformat((d[:10] + "-01-01"[len(d[:10]) - 4:]) if len(d[:10]) in (4, 7) else d[:10])
        except ValueError:
            return None

    dated = sorted({e["date"][:10] for e in events if e.get("date") and day(e["date"])}, key=day)
    if not dated:
        return ""
    first, last = dated[0], dated[-1]
    a, b = day(first), day(last)

    def pos(d: str) -> float:
        x = day(d)
        return 2 + 96 * (x - a).days / ((b - a).days or 1) if x else 0.0

    rows_end: list[float] = []  # per row, the position (in %) of its last dot
    dots = []
    for e in sorted((e for e in events if e.get("date")), key=lambda e: pos(e["date"])):
        x = pos(e["date"])
        row = next((i for i, end in enumerate(rows_end) if x - end >= 2.2), len(rows_end))
        rows_end[row:row + 1] = [x]
        dots.append(f'<button type="button" class="tl-dot kind-{esc(e["kind"])}" data-ev="ev-{esc(e["id"])}" '
                    f'data-x="{x:.1f}" style="inset-inline-start:{x:.1f}%;top:{4 + 16 * row}px" aria-label="{esc(e["date"])} · '
                    f'{esc(e["summary"][:80])}" title="{esc(e["date"])} · {esc(e["summary"][:80])}"></button>')
    height = 30 + 16 * len(rows_end)
    return (f'<div class="tl-axis" dir="ltr" style="height:{height}px" data-rows="{len(rows_end)}">'
            f'<div class="tl-line"></div>{"".join(dots)}<span class="tl-from">{esc(first)}</span>'
            f'<span class="tl-to">{esc(last)}</span></div>')


def _event_row(e: dict, lang: str, docs: dict[str, dict]) -> str:
    names = [(p.get("name_en") or p["name"]) if lang == "en" else p["name"] for p in e.get("participants", [])]
    who = ("، " if lang == "ar" else ", ").join(names)
    kind = t(lang, f"kind_{e['kind']}") if f"kind_{e['kind']}" in STRINGS["en"] else e["kind"]
    status = e.get("status") or "happened"
    if status != "happened":  # a contact that did not (or not yet) happen says so, with the words that said it
        key = f"status_{status}"
        kind += f" ({t(lang, key) if key in STRINGS['en'] else status})"
    place = (e.get("place_en") or e.get("place")) if lang == "en" else e.get("place")
    cites = e.get("citations", [])
    chips = "".join(f'<button type="button" class="cite tl-cite" data-n="{j + 1}" data-box="tl" '
                    f'data-payload="cite:{esc(e["id"])}:{j}" aria-label="{esc(t(lang, "show_passage", n=j + 1))}">'
                    f'[{j + 1}]</button>' for j, _ in enumerate(cites))
    pvs = []
    for j, c in enumerate(cites):
        doc = docs.get(c["source"], {})
        pvs.append(preview_card(j + 1, doc.get("outlet") or "", doc.get("date") or "",
                                doc.get("title") or t(lang, "article", n=j + 1), c.get("text") or ""))
    if e["date"]:
        when = f'<span class="tl-date" dir="ltr">{esc(e["date"])}</span>'
    else:  # undated: the date its article is placed at, marked as inferred
        art = _article_label(e.get("article_date") or "", lang)
        when = (f'<span class="tl-date undated">{esc(t(lang, "undated"))}</span>' +
                (f' <span class="tl-art" title="{esc(t(lang, "tl_article_date"))}">({esc(t(lang, "tl_article"))} ≈ '
                 f'{art})</span>' if art else ""))
    basis = f' title="{esc(e["status_basis"])}"' if status != "happened" and e.get("status_basis") else ""
    return (f'<li class="tl-event status-{esc(status)}" id="ev-{esc(e["id"])}" tabindex="-1" '
            f'dir="{"rtl" if lang == "ar" else "ltr"}">{when} <span class="badge kind{" not-held" if status != "happened" else ""}"'
            f'{basis}>{esc(kind)}</span>{" · <bdi>" + esc(place) + "</bdi> ·" if place else ""} <span dir="auto" class="tl-who">'
            f'{esc(who)}</span><div dir="auto" class="tl-summary"{lang_attr(e["summary"])}>{esc_ltr_runs(e["summary"])} {chips}'
            f'</div><div class="previews" hidden>{"".join(pvs)}</div></li>')


def timeline(events: list[dict], lang: str, docs: dict[str, dict] | None = None, left_out: int = 0) -> str:
    """Dots on a date axis above the dated contacts, then the undated ones in a group of their own (each with
    its article's inferred date); `left_out` undated contacts a period filter could not place are counted.
    Each citation is a chip with the chat's preview that opens its article."""
    docs = docs or {}
    note = (f'<div class="tl-left-out" role="note" dir="{"rtl" if lang == "ar" else "ltr"}">'
            f'{esc(t(lang, "tl_left_out_one" if left_out == 1 else "tl_left_out", n=left_out))}</div>' if left_out else "")
    if not events:
        return f'<div class="tl-empty">{esc(t(lang, "tl_none"))}</div>{note}'
    dated = [e for e in events if e.get("date")]
    undated = [e for e in events if not e.get("date")]
    parts = [_axis(events), f'<div class="tl-count" dir="{"rtl" if lang == "ar" else "ltr"}">'
                            f'{esc(t(lang, "tl_count", n=counted(lang, len(events), "contacts")))}</div>', note]
    if dated:
        parts.append(f'<ol class="tl-list tl-dated">{"".join(_event_row(e, lang, docs) for e in dated)}</ol>')
    if undated:
        parts.append(f'<section class="tl-undated"><h4 class="tl-undated-head" dir="auto">'
                     f'{esc(t(lang, "tl_undated_head", n=len(undated)))}</h4><p class="tl-undated-why" dir="auto">'
                     f'{esc(t(lang, "tl_undated_why"))}</p><ol class="tl-list">'
                     f'{"".join(_event_row(e, lang, docs) for e in undated)}</ol></section>')
    return f'<div class="timeline">{"".join(parts)}</div>'


# ---------------------------------------------------------------- saved conversations

def history_list(saved: list, current: str, lang: str) -> str:
    """The browser's saved conversations, newest first, each opening on click; and a button deleting them all.
    `data-current` tells the page's script which conversation it is on (kept in local storage)."""
    d = "rtl" if lang == "ar" else "ltr"
    if not saved:
        return (f'<div class="history" data-current="{esc(current)}" dir="{d}"><p class="history-none">'
                f'{esc(t(lang, "history_none"))}</p></div>')
    items = []
    for s in saved:
        cur = s.conv_id == current
        mark = ' aria-current="true"' if cur else ""
        items.append(f'<li><button type="button" class="hist-open{" current" if cur else ""}" data-box="chat" '
                     f'data-payload="open:{esc(s.conv_id)}"{mark}>'
                     f'<span class="hist-title" dir="auto"{lang_attr(s.title)}>{esc_ltr_runs(s.title)}</span> '
                     f'<span class="hist-n">{esc(t(lang, "history_turns", n=s.turns))}</span></button></li>')
    return (f'<div class="history" data-current="{esc(current)}" dir="{d}"><ol class="history-list">{"".join(items)}'
            f'</ol><button type="button" class="act hist-clear" data-box="chat" data-payload="clear">'
            f'{esc(t(lang, "history_clear"))}</button></div>')
