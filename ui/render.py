"""HTML for the chat: every piece of document or user text is escaped; markup is only ours."""

from __future__ import annotations

import html
import re

from rag import language, normalize, normalize_with_map

_MARK = re.compile(r"\[(\d+)\]")


def esc(text: str) -> str:
    """Escape text so neither HTML nor Markdown in it can act (no tags, links or images)."""
    out = html.escape(text, quote=True)
    return re.sub(r"([\\`*_{}\[\]()#+!|~])", lambda m: f"&#{ord(m.group(1))};", out)


def direction(text: str) -> str:
    return "rtl" if language(text) == "ar" else "ltr"


def user_message(question: str) -> str:
    d = direction(question)
    return f'<div dir="{d}" class="msg msg-{d}">{esc(question)}</div>'


def streaming_message(text: str, question: str) -> str:
    d = direction(text or question)
    return f'<div dir="{d}" class="msg msg-{d} streaming">{_with_citations(text, None)}</div>'


def _with_citations(text: str, answer_index: int | None, unsupported: set[int] | frozenset = frozenset()) -> str:
    """Escaped text whose [n] markers become clickable citation chips."""
    parts, last = [], 0
    for m in _MARK.finditer(text):
        parts.append(esc(text[last:m.start()]))
        n = int(m.group(1))
        cls = f"cite a-{answer_index} n-{n}" + (" unsupported" if n in unsupported else "")
        tip = "not supported by this passage" if n in unsupported else f"show passage {n}"
        parts.append(f'<span class="{cls}" title="{tip}">[{n}]</span>' if answer_index is not None else f"[{n}]")
        last = m.end()
    parts.append(esc(text[last:]))
    return "".join(parts)


def answer_message(answer: dict, index: int) -> str:
    """The final assistant message: direction of its own text, chips for citations, abstentions set apart."""
    d = direction(answer["answer"] or answer["question"])
    unsupported = {u["n"] for u in answer.get("unsupported", [])}
    body = _with_citations(answer["answer"], index, unsupported)
    cls = "msg answer abstained" if answer["abstained"] else "msg answer"
    head = ""
    if answer["abstained"]:
        label = "لا إجابة في المصادر" if d == "rtl" else "Not in the sources"
        head = f'<div class="abstain-label">⚠ {label}</div>'
    notice = f'<div class="notice" dir="ltr">{esc(answer["notice"])}</div>' if answer.get("notice") else ""
    return f'<div dir="{d}" class="{cls} msg-{d}">{head}{body}{notice}</div>'


def meta_line(answer: dict) -> str:
    prompt = f" · prompt `{answer['prompt']}`" if answer.get("prompt") else ""
    return f"model `{answer['model']}`{prompt} · {answer['timings_ms']['total'] / 1000:.2f} s"


def _highlight(passage: str, sentences: list[str]) -> str:
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


def cited_sentences_by_n(answer: dict) -> dict[int, list[str]]:
    """For each cited passage, the sentences of it to highlight: the evidence the citation check found."""
    from rag import cited_sentences

    out: dict[int, list[str]] = {}
    for s in answer.get("support", []):
        out.setdefault(s["n"], []).append(s["evidence"])
    for sent, nums in cited_sentences(answer["answer"]):
        for n in nums:
            out.setdefault(n, []).append(sent)
    return out


def sources_panel(answer: dict | None, index: int, selected: int | None, articles: dict[str, dict]) -> str:
    """Every passage of one answer: metadata, cited sentences highlighted, the whole article on demand."""
    if not answer:
        return '<div class="sources-empty">Sources appear here. Click a [n] in an answer to see its passage.</div>'
    by_n = cited_sentences_by_n(answer)
    unsupported = {u["n"] for u in answer.get("unsupported", [])}
    cards = []
    for c in answer["citations"]:
        n = c["n"]
        classes = ["source-card"] + (["selected"] if n == selected else []) + (["cited"] if n in by_n else [])
        meta = " · ".join(esc(x) for x in (c["outlet"], c["date"], c["title"]) if x)
        flag = '<span class="badge warn">unsupported citation</span>' if n in unsupported else ""
        passage = _highlight(c["text"], by_n.get(n, []))
        art = articles.get(c["source"])
        article_html = ""
        if art:
            t = art["text"]
            s, e = c.get("start", 0), c.get("end", 0)
            inner = _highlight(t[s:e], by_n.get(n, []))
            article_html = (f'<details class="article"{" open" if n == selected else ""}><summary>open article</summary>'
                            f'<div dir="{direction(t)}" class="article-text">{esc(t[:s])}'
                            f'<mark class="passage" id="passage-{index}-{n}">{inner}</mark>{esc(t[e:])}</div></details>')
        cards.append(
            f'<div class="{" ".join(classes)}" id="src-{n}"><div class="source-head">'
            f'<span class="cite-num">[{n}]</span> {meta} {flag}<div class="source-id">{esc(c["source"])}</div></div>'
            f'<div dir="{direction(c["text"])}" class="passage-text">{passage}</div>{article_html}</div>')
    return f'<div class="sources" data-answer="{index}">{"".join(cards)}</div>'


CSS = """
.msg-rtl { direction: rtl; text-align: right; }
.msg-ltr { direction: ltr; text-align: left; }
.cite { color: #1d4ed8; cursor: pointer; font-weight: 600; padding: 0 1px; border-radius: 3px; }
.cite:hover { background: #dbeafe; }
.cite.unsupported { color: #b45309; text-decoration: underline wavy; }
.answer.abstained { border-inline-start: 4px solid #f59e0b; padding-inline-start: 8px; color: #57534e; }
.abstain-label { font-weight: 600; color: #b45309; margin-bottom: 4px; }
.notice { font-size: 0.85em; color: #92400e; margin-top: 6px; }
.source-card { border: 1px solid #e5e7eb; border-radius: 8px; padding: 8px 10px; margin-bottom: 8px; }
.source-card.selected { border-color: #2563eb; box-shadow: 0 0 0 2px #bfdbfe; }
.source-head { font-size: 0.85em; color: #374151; margin-bottom: 4px; }
.source-id { font-family: monospace; font-size: 0.8em; color: #6b7280; }
.cite-num { font-weight: 700; color: #1d4ed8; }
.passage-text, .article-text { line-height: 1.7; white-space: pre-wrap; }
#sources { max-height: 80vh; overflow-y: auto; }
.passage-text mark, .article-text mark mark { background: #fde68a; }
.article-text mark.passage { background: #e0f2fe; }
.badge.warn { background: #fef3c7; color: #92400e; border-radius: 4px; padding: 0 4px; font-size: 0.8em; }
#cite-ref, #cite-go { display: none !important; }
"""

HEAD = """
<script>
document.addEventListener('click', function (e) {
  const el = e.target.closest ? e.target.closest('.cite') : null;
  if (!el) return;
  const a = [...el.classList].find(c => c.startsWith('a-'));
  const n = [...el.classList].find(c => c.startsWith('n-'));
  if (!a || !n) return;
  const box = document.querySelector('#cite-ref textarea, #cite-ref input');
  if (!box) return;
  box.value = a.slice(2) + ':' + n.slice(2);
  box.dispatchEvent(new Event('input', {bubbles: true}));
  setTimeout(function () { const b = document.querySelector('#cite-go'); if (b) b.click(); }, 60);
}, true);
</script>
"""
