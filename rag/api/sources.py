"""An answer's sources list as text: the one formatter for `rag ask`/`rag chat` and the /v1 chat content.

Titles, outlets and urls come from articles, so nothing in them may act where the list is shown: line breaks
are folded (a title cannot start a block of its own), in Markdown (the /v1 content, which chat clients render)
the characters that make links, images and HTML are escaped, and a url is shown only when it is plain http(s).
The answer's own sentences come from articles too: `inert_markdown` keeps their text and `[n]` markers and
takes away the link, image and HTML syntax.
"""

from __future__ import annotations

import re
import textwrap

# What makes a link, an image, an autolink or an HTML tag in Markdown; escaped with a backslash, it is text.
_MD_ACTIVE = str.maketrans({c: "\\" + c for c in "\\[]()<>!`"})
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`\\]+", re.I)
_SPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    return _SPACE.sub(" ", text or "").strip()


def inert_markdown(text: str) -> str:
    """`text` that a Markdown renderer shows as written: no image, link or tag; `[n]` markers stay."""
    # `![` starts an image, `](` and `][` a link, `]:` a link definition, `<` a tag or an autolink
    return re.sub(r"!\[|\][(\[:]|<", lambda m: m[0][:-1] + "\\" + m[0][-1], text or "")


def safe_url(url: str) -> str:
    """The url when it is one plain http(s) address (no javascript:, data:, spaces or brackets), else ''."""
    url = (url or "").strip()
    return url if _URL.fullmatch(url) else ""


def _meta(c, markdown: bool) -> str:
    parts = [one_line(x) for x in (c.outlet, c.date, c.title) if x and one_line(x)]
    text = " · ".join(parts)
    return text.translate(_MD_ACTIVE) if markdown else text


def source_lines(answer, *, markdown: bool = False, cited_only: bool = False, passages: bool = False,
                 heading: str | None = None) -> list[str]:
    """The numbered sources of `answer`, one line each: `[n] outlet · date · title (source) url`.

    `cited_only` lists the cited passages (all of them when none is cited); otherwise every passage, the cited
    ones marked `*`, and `passages` adds each passage's text, indented. `heading` defaults to the answer's
    language ("المصادر:" or "Sources:")."""
    cited = set(answer.cited)
    shown = ([c for c in answer.citations if c.n in cited] or answer.citations) if cited_only else answer.citations
    if heading is None:
        heading = "المصادر:" if re.search(r"[\u0600-\u06FF]", answer.question or "") else "Sources:"
    lines = [heading]
    for c in shown:
        mark = "" if cited_only else ("*" if c.n in cited else " ")
        source = one_line(c.source).translate(_MD_ACTIVE) if markdown else one_line(c.source)
        url = safe_url(c.url)
        lines.append(f"{mark}[{c.n}] {_meta(c, markdown)} ({source})" + (f" {url}" if url else ""))
        if passages:
            lines.append(textwrap.indent(textwrap.fill(c.text, 100), "     > "))
    return lines
