"""The page's CSS (light and dark) and the small script behind chips, previews, actions, language and theme."""

import json
import re

from .i18n import GRADIO_AR, t

CSS = """
/* one width whatever the tab shows: centred by its margins, the container would shrink to its content (the
   Library and Evaluations tabs, an empty chat in Arabic were narrower than the chat, the title wrapping) */
.gradio-container { width: 100% !important; max-width: 1400px !important; margin-left: auto !important;
  margin-right: auto !important; }
#top-bar { align-items: center; gap: 8px; }
#top-bar .holds, .holds { font-size: 0.95em; color: var(--body-text-color); opacity: 0.85; }
.app-title { margin: 0; }
.sources-title { margin: 0; }
/* the conversation scrolls inside its own area, sized to the window, so the question row below it stays on
   screen; the page's script keeps the newest message in view */
#chat { height: clamp(220px, calc(100vh - 380px), 1200px); max-height: none; overflow-y: auto !important;
  overscroll-behavior: contain; border: 1px solid var(--border-color-primary) !important; border-radius: 10px; }
#chat > * { min-height: 100%; }
/* the empty chat says what to ask, with example questions that fill the box */
.chat-empty { padding: 16px 18px; max-width: 680px; margin: 0 auto; line-height: 1.7; }
.chat-hint { margin: 0 0 10px; }
.chat-hint-ex { margin: 0 0 6px; font-size: 0.9em; color: #374151; }
.hint-list { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 6px; align-items: flex-start; }
.hint-q { font: inherit; text-align: start; unicode-bidi: plaintext; cursor: pointer; color: var(--body-text-color);
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: 8px;
  padding: 4px 12px; max-width: 100%; }
.hint-q:hover { border-color: #c2410c; }
#ask-row { position: sticky; bottom: 0; z-index: 5; background: var(--background-fill-primary); padding: 4px 0; }
.conversation { display: flex; flex-direction: column; gap: 10px; padding: 4px; }
.msg { padding: 8px 12px; border-radius: 10px; line-height: 1.75; max-width: 92%; overflow-wrap: anywhere; }
.msg.user { background: var(--color-accent-soft); align-self: flex-end; }
.msg.answer, .msg.pending { background: var(--background-fill-secondary); align-self: flex-start;
  border: 1px solid var(--border-color-primary); }
.msg.pending { opacity: 0.8; font-style: italic; }
.msg-rtl { direction: rtl; text-align: right; }
.msg-ltr { direction: ltr; text-align: left; }
/* each line of an answer has its own direction (an English line, then an Arabic quote) */
.answer-text .ans-line, .msg.pending .ans-line { margin: 0 0 4px 0; text-align: start; unicode-bidi: plaintext; }
.cite { color: #1d4ed8; background: #eff6ff; border: 1px solid #bfdbfe; cursor: pointer; font-weight: 700;
  padding: 0 4px; margin: 0 1px; border-radius: 4px; font-size: 0.85em; line-height: 1.4; }
.cite:hover, .cite:focus-visible { background: #dbeafe; outline: 2px solid #2563eb; outline-offset: 1px; }
.cite.unsupported { color: #92400e; background: #fffbeb; border-color: #f59e0b; text-decoration: underline wavy; }
.answer.abstained { border-inline-start: 4px solid #f59e0b; }
.abstain-label { font-weight: 700; color: #92400e; margin-bottom: 4px; }
.rewritten { font-size: 0.85em; color: #374151; margin-top: 4px; }
.notice { font-size: 0.85em; color: #92400e; margin-top: 6px; }
.actions { display: flex; gap: 6px; margin-top: 6px; flex-wrap: wrap; align-items: center; }
.act { font-size: 0.8em; border: 1px solid var(--border-color-primary); border-radius: 6px; padding: 1px 8px;
  background: var(--background-fill-primary); color: var(--body-text-color); cursor: pointer; }
.act[aria-pressed=true] { background: var(--color-accent-soft); border-color: var(--color-accent); }
.thanks { font-size: 0.8em; color: #15803d; }
.inline-error { color: #991b1b; background: #fef2f2; border: 1px solid #fecaca; border-radius: 6px; padding: 4px 10px;
  font-size: 0.9em; }
.meta { font-size: 0.8em; color: #374151; }
#sources { max-height: 80vh; overflow-y: auto !important; scroll-behavior: smooth; }
.sources-q { font-weight: 600; margin-bottom: 4px; }
.closest { color: #92400e; font-size: 0.9em; margin-bottom: 4px; }
.source-list { list-style: none; padding: 0; margin: 0 0 8px 0; }
.src-article { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 6px 8px; margin-bottom: 8px; }
.src-article.cited { border-inline-start: 4px solid #16a34a; }
.src-article.uncited { border-style: dashed; }
.src-article-head { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; font-size: 0.9em; margin-bottom: 4px; }
.src-article-head .src-title { font-weight: 600; }
.src-snippet { font-size: 0.9em; }
.src-jump { background: none; border: none; cursor: pointer; color: inherit; padding: 0; text-align: start;
  font: inherit; font-size: 0.95em; font-weight: normal; }
.sources .cite-num { font-size: 0.9em; }
.src-nums { display: inline-flex; gap: 2px; }
.src-nums .src-jump.cited { font-weight: 600; }
.src-item.cited .src-title { font-weight: 600; }
.src-meta { color: #374151; font-size: 0.85em; }
/* a date or an outlet never breaks across lines (a card header, the list, the preview) */
.src-meta bdi, .pv-meta bdi, .tl-date, .meta bdi, .holds bdi { white-space: nowrap; font-variant-numeric: tabular-nums; }
#answer-meta .meta bdi, #sources .src-meta bdi { color: inherit; }
.badge { border-radius: 4px; padding: 0 5px; font-size: 0.75em; white-space: nowrap; }
.badge.cited { background: #dcfce7; color: #14532d; }
.badge.uncited { background: #f3f4f6; color: #374151; border: 1px dashed #6b7280; }
.badge.warn { background: #fef3c7; color: #78350f; }
.badge.kind { background: #e0e7ff; color: #1e3a8a; }
.badge.kind.not-held { background: #fef3c7; color: #78350f; border: 1px dashed #92400e; }
.source-card { border-top: 1px solid var(--border-color-primary); padding: 4px 2px; }
.source-card.uncited .cite-num { font-weight: 400; }
.source-card.selected { border-color: #2563eb; box-shadow: 0 0 0 2px #93c5fd; opacity: 1; }
.source-head { cursor: pointer; font-size: 0.9em; }
.cite-num { font-weight: 700; color: #1d4ed8; }
.passage-text, .article-text { line-height: 1.8; white-space: pre-wrap; margin-top: 6px; }
.article-text { max-height: 50vh; overflow-y: auto; }
.passage-text mark, .article-text mark mark, .tl-article mark mark { background: #fde68a; color: #1c1917; }
.article-text mark.passage { background: #e0f2fe; color: inherit; }
mark.flash { animation: flash 1.2s ease-in-out 2; }
@keyframes flash { 50% { background: #f59e0b; } }
#cite-preview { position: fixed; z-index: 1000; max-width: 340px; background: var(--background-fill-primary, #fff);
  color: var(--body-text-color, #111); border: 1px solid var(--border-color-primary, #ccc); border-radius: 8px;
  padding: 8px 10px; box-shadow: 0 6px 20px rgba(0,0,0,.25); font-size: 0.85em; line-height: 1.6; pointer-events: none; }
#cite-preview .pv-meta { color: #374151; }
.dark #cite-preview .pv-meta { color: #d1d5db; }
#cite-preview .pv-title { font-weight: 600; }
#cite-preview .pv-sent { margin-top: 4px; border-inline-start: 3px solid #f59e0b; padding-inline-start: 6px; }
.library { width: 100%; border-collapse: collapse; font-family: inherit; }
.library th, .library td { border-bottom: 1px solid var(--border-color-primary); padding: 4px 6px; text-align: start;
  vertical-align: top; }
.lib-open { background: none; border: none; color: var(--link-text-color, #1d4ed8); cursor: pointer; text-align: start;
  padding: 0; font: inherit; }
.library .unknown { color: #374151; font-size: 0.85em; }
.lib-sort { background: none; border: none; padding: 0; font: inherit; font-weight: 600; color: inherit; cursor: pointer; }
.lib-sort .sort-arrow::after { content: " ↕"; }
th[aria-sort=ascending] .lib-sort .sort-arrow::after { content: " ↑"; }
th[aria-sort=descending] .lib-sort .sort-arrow::after { content: " ↓"; }
.library th, .library td { border-left: none !important; border-right: none !important; }
/* Gradio's prose frames every table, row and cell in the text colour: only the light row lines are kept */
table.library, .library tr, table.ev-table, .ev-table tr { border: none !important; }
.library th { border-top: none !important; border-bottom: 2px solid var(--border-color-primary) !important; }
.lib-sort { white-space: nowrap; }
#ask, #stop, #new-chat { white-space: nowrap; }
.doc-view .article-text { max-height: 60vh; }
.library .col-date { font-variant-numeric: tabular-nums; }
.library .lib-date:not(.inferred), .library .nowrap { white-space: nowrap; unicode-bidi: isolate; }
.library .lib-date.inferred { font-style: italic; border-bottom: 1px dotted currentColor; cursor: help; }
.library .col-num { font-variant-numeric: tabular-nums; }
.lib-note { font-size: 0.8em; color: #374151; margin: 4px 0; }
/* Gradio's drop-zone text follows the browser's language, not the interface's: ours replaces it
   (data-ui-lang, not lang: Gradio sets <html lang> to the browser's language; !important: Gradio repeats each
   rule under a more specific prefix) */
#upload [data-testid=upload-text] { font-size: 0 !important; }
#upload [data-testid=upload-text] .or { display: none; }
#upload [data-testid=upload-text]::after { content: __DROP_EN__; font-size: var(--text-lg); display: block;
  color: var(--body-text-color); }
html[data-ui-lang=ar] #upload [data-testid=upload-text]::after { content: __DROP_AR__ !important; }
html[dir=rtl] #upload, html[dir=rtl] #upload label { direction: rtl; }
/* Gradio lays its accordions out left to right whatever the page: in Arabic the label stands on the right, and
   the closed arrow points at it */
html[dir=rtl] .gr-accordion { direction: rtl !important; }
html[dir=rtl] .gr-accordion .label-wrap .icon[style*="rotate(90deg)"] { transform: rotate(-90deg) !important; }
html[dir=rtl] #upload > label { left: auto !important; right: 0 !important; }
#lib-msg, #doc-view, #ingest-status, #chat-error, #answer-meta, #tl-error { min-height: 0 !important; }
/* a message line with nothing to say takes no room (no blank bands above the dots or under the library) */
#lib-msg:has(.prose:empty), #doc-view:has(.prose:empty), #ingest-status:has(.prose:empty),
#chat-error:has(.prose:empty), #answer-meta:has(.prose:empty), #tl-error:has(.prose:empty) { display: none !important; }
.timeline .tl-axis { position: relative; height: 44px; margin: 8px 12px 4px; }
.tl-line { position: absolute; top: 14px; left: 0; right: 0; height: 2px; background: var(--border-color-primary); }
.tl-dot { position: absolute; top: 8px; width: 14px; height: 14px; margin-inline-start: -7px; border-radius: 50%;
  background: #2563eb; border: 2px solid var(--background-fill-primary); }
.tl-dot:hover, .tl-dot:focus { transform: scale(1.4); }
.tl-from, .tl-to { position: absolute; bottom: 0; font-size: 0.75em; color: #374151; }
.tl-from { left: 0; } .tl-to { right: 0; }
.tl-dot { padding: 0; cursor: pointer; }
/* the timeline takes the page's width until a chip opens an article beside it (below it on a phone) */
#tl-side:not(:has(.doc-head)) { display: none !important; }
/* the filters' boxes line up whatever their labels' lengths (a label on two lines keeps its box at the bottom) */
#tl-who label, #tl-since label, #tl-until label { display: flex; flex-direction: column; justify-content: space-between; height: 100%; }
#tl-kind > .container { display: flex; flex-direction: column; justify-content: space-between; height: 100%; }
#tl-kind > .container > .wrap { margin-top: auto; }
@media (min-width: 701px) {
  #tl-side { position: sticky; top: 8px; align-self: flex-start; max-height: calc(100vh - 16px); overflow-y: auto; }
}
.tl-event.tl-current { background: #dbeafe; color: #111827; }
.tl-undated { margin-top: 12px; border-top: 2px dashed var(--border-color-primary); padding-top: 6px; }
.tl-undated-head { margin: 4px 0; }
.tl-undated-why, .tl-left-out { font-size: 0.85em; color: #374151; margin: 2px 0 6px; }
.tl-left-out { border-inline-start: 3px solid #b45309; padding-inline-start: 6px; }
.history-list { list-style: none; padding: 0; margin: 0 0 6px 0; }
.hist-open { background: none; border: none; padding: 3px 0; font: inherit; color: inherit; cursor: pointer; text-align: start; }
.hist-open.current .hist-title { font-weight: 700; }
.hist-n { font-size: 0.8em; color: #374151; }
.article-gone { font-size: 0.9em; color: #7c2d12; background: #fff7ed; border: 1px solid #fdba74; border-radius: 6px; padding: 4px 8px; }
.done-line { font-size: 0.9em; color: #14532d; }
.ev-table { border-collapse: collapse; font-size: 0.9em; }
.ev-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 460px), 1fr)); gap: 12px; }
.ev-chart { margin: 0; }
.ev-chart img { width: 100%; height: auto; display: block; background: #fff; border: 1px solid var(--border-color-primary); border-radius: 6px; }
.ev-chart figcaption { margin-top: 4px; font-size: 0.9em; }
.ev-table th, .ev-table td { border-bottom: 1px solid var(--border-color-primary); padding: 3px 8px; text-align: start; }
/* visible focus everywhere the keyboard can go */
.gradio-container button:focus-visible, .gradio-container summary:focus-visible, .gradio-container a:focus-visible,
.gradio-container [tabindex]:focus-visible, .gradio-container input:focus-visible,
.gradio-container textarea:focus-visible, .source-card > summary:focus, .tl-event:focus {
  outline: 3px solid #1d4ed8 !important; outline-offset: 2px; }
.dark .gradio-container button:focus-visible, .dark .gradio-container summary:focus-visible,
.dark .gradio-container a:focus-visible, .dark .gradio-container [tabindex]:focus-visible,
.dark .gradio-container input:focus-visible, .dark .gradio-container textarea:focus-visible,
.dark .source-card > summary:focus, .dark .tl-event:focus { outline-color: #93c5fd !important; }
.tl-list { list-style: none; padding: 0; }
.tl-event { border-bottom: 1px solid var(--border-color-primary); padding: 6px 0; }
.tl-event:target { background: var(--color-accent-soft); }
.tl-date { font-weight: 600; font-variant-numeric: tabular-nums; }
#cite-act, #cite-go, .hidden-act { display: none !important; }
/* the question box: direction from what is typed; the placeholder follows the interface */
.gradio-container[dir=rtl] #question textarea:placeholder-shown { direction: rtl; text-align: right; }
.gradio-container[dir=ltr] #question textarea:placeholder-shown { direction: ltr; text-align: left; }
/* dark theme: readable highlights and chips */
.dark .cite { color: #bfdbfe; background: #1e3a8a; border-color: #3b82f6; }
.dark .cite:hover, .dark .cite:focus-visible { background: #1d4ed8; outline-color: #93c5fd; }
.dark .cite.unsupported { color: #fde68a; background: #78350f; border-color: #f59e0b; }
.dark .cite-num { color: #93c5fd; }
.dark .passage-text mark, .dark .article-text mark mark, .dark .tl-article mark mark { background: #854d0e; color: #fefce8; }
.dark .article-text mark.passage { background: #0c4a6e; color: #f0f9ff; }
.dark .abstain-label, .dark .notice, .dark .closest { color: #fcd34d; }
.dark .badge.cited { background: #14532d; color: #dcfce7; }
.dark .badge.warn { background: #78350f; color: #fef3c7; }
.dark .badge.kind { background: #1e3a8a; color: #e0e7ff; }
.dark .badge.kind.not-held { background: #78350f; color: #fef3c7; border-color: #fde68a; }
.dark .inline-error { color: #fecaca; background: #450a0a; border-color: #7f1d1d; }
.dark .thanks { color: #86efac; }
.dark .lib-open, .dark .back-to-answer { color: #93c5fd; }
.dark .rewritten, .dark .meta, .dark .src-meta, .dark .library .unknown, .dark .lib-note, .dark .tl-from, .dark .tl-to,
.dark .tl-undated-why, .dark .tl-left-out, .dark .hist-n, .dark .chat-hint-ex { color: #d1d5db; }
.dark .badge.uncited { background: #1f2937; color: #e5e7eb; border-color: #9ca3af; }
.dark .tl-event.tl-current { background: #1e3a8a; color: #f9fafb; }
.dark .article-gone { color: #fed7aa; background: #431407; border-color: #9a3412; }
.dark .done-line { color: #86efac; }
.back-to-answer { display: none; }
.dark .source-card[open] .back-to-answer { color: #93c5fd !important; }
/* Gradio's own quiet text (the slider's ends) and the selected tab: darker, or lighter in dark (no footer: app.py) */
.min_value, .max_value { color: #4b5563 !important; }
.dark .min_value { color: #d1d5db !important; }
.dark .max_value { color: #d1d5db !important; }
#tabs button[role=tab].selected { color: #c2410c !important; }
.dark #tabs button[role=tab].selected { color: #fb923c !important; }
/* Gradio's primary and stop buttons: white text on a darker fill (4.5:1 and more) */
.gradio-container button.primary { background: #c2410c !important; border-color: #c2410c !important; color: #fff !important; }
.gradio-container button.primary:hover { background: #9a3412 !important; }
.gradio-container button.stop { background: #b91c1c !important; border-color: #b91c1c !important; color: #fff !important; }
/* a selected card offers the way back to its chip (the keyboard's way back too) */
.source-card.selected[open] .back-to-answer, .source-card[open]:focus-within .back-to-answer {
  display: inline-block; margin: 6px 0 2px; font-size: 0.85em; padding: 2px 10px;
  border: 1px solid var(--border-color-primary); border-radius: 6px; background: var(--background-fill-primary);
  color: #1d4ed8; cursor: pointer; }
@media (max-width: 700px) {
  /* a phone: narrower page margins, and the four tabs on one line (scrolling sideways, never wrapping) */
  #tabs .tab-container { flex-wrap: nowrap !important; overflow-x: auto; scrollbar-width: none; }
  #tabs button[role=tab] { padding: 0 10px !important; flex: 0 0 auto !important; }
  .source-card[open] .back-to-answer { display: inline-block; margin: 6px 0 2px; font-size: 0.85em; padding: 2px 10px;
    border: 1px solid var(--border-color-primary); border-radius: 6px; background: var(--background-fill-primary);
    color: var(--link-text-color, #1d4ed8); cursor: pointer; }
  #top-bar { flex-wrap: wrap !important; }
  #app-title { flex: 1 1 100% !important; min-width: 100% !important; }
  .app-title { font-size: 1.15em; }
  #chat { height: clamp(200px, calc(100vh - 300px), 900px); }
  #sources { max-height: none; }
  .msg { max-width: 100%; }
  .library .col_chunks, .library .col-num { display: none; }  /* the title gets the room on a phone */
  .library td.col-date, .library td:nth-child(3) { font-size: 0.85em; }
}
""".replace(
    "__DROP_EN__", json.dumps(t("en", "drop_files"), ensure_ascii=False)).replace(
    "__DROP_AR__", json.dumps(t("ar", "drop_files"), ensure_ascii=False))


def one_dark_selector_per_rule(css: str) -> str:
    """Gradio scopes custom CSS by prefixing each selector, but in a list starting with `.dark` only the first
    selector comes out right (the others become `.dark … .contain .dark X`, which never match, and lose to the
    light rule's prefixed form): each `.dark` selector gets a rule of its own."""
    def split(m: re.Match) -> str:
        return "".join(f"{m.group(1)}{sel.strip()} {{{m.group(3)}}}" for sel in m.group(2).split(","))
    return re.sub(r"(^|\n)(\.dark[^{}]*)\{([^{}]*)\}", split, css)


CSS = one_dark_selector_per_rule(CSS)

HEAD = """
<style>
/* outside Gradio's scope (its custom CSS is prefixed with the container): the page's margins on a phone */
@media (max-width: 700px) { .main.fillable { padding-left: 12px !important; padding-right: 12px !important; } }
</style>
<script>
(function () {
  const DROP = __DROP__;
  function box(name) { return document.querySelector('#' + name + '-act textarea, #' + name + '-act input'); }
  // Gradio's own labels follow the browser's language: in the Arabic interface they are put in Arabic (the
  // English is kept in data-en-* to come back); "#" in a pattern stands for a number, kept
  const GRADIO_AR = __GRADIO_AR__;
  function inArabic(v) {
    const nums = v.match(/[0-9]+/g) || [], ar = GRADIO_AR[v.replace(/[0-9]+/g, '#')];
    if (!ar) return null;
    let i = 0;
    return ar.replace(/#/g, () => nums[i++]);
  }
  function gradioWords(ar) {
    document.querySelectorAll('[aria-label], [title]').forEach(function (el) {
      ['aria-label', 'title'].forEach(function (a) {
        const keep = 'data-en-' + a, v = el.getAttribute(a);
        if (v === null) return;
        if (ar) { const t = inArabic(v); if (t) { el.setAttribute(keep, v); el.setAttribute(a, t); } }
        else if (el.hasAttribute(keep)) { el.setAttribute(a, el.getAttribute(keep)); el.removeAttribute(keep); }
      });
    });
  }
  let nonce = 0;
  window.ragSend = function (name, payload) {
    const b = box(name);
    if (!b) return;
    b.value = payload + '#' + (++nonce);
    b.dispatchEvent(new Event('input', {bubbles: true}));
    setTimeout(function () { const g = document.querySelector('#' + name + '-go'); if (g) g.click(); }, 50);
  };
  let wanted = null;
  function selectCard(a, n) {
    const panel = document.querySelector('#sources .sources');
    if (!panel || panel.dataset.answer !== String(a)) { wanted = [a, n]; ragSend('chat', 'cite:' + a + ':' + n); return; }
    panel.querySelectorAll('.source-card.selected').forEach(c => c.classList.remove('selected'));
    const card = panel.querySelector('#src-' + a + '-' + n);
    if (!card) return;
    card.open = true;
    card.classList.add('selected');
    card.querySelectorAll('.passage-text mark').forEach(m => { m.classList.remove('flash'); void m.offsetWidth; m.classList.add('flash'); });
    card.scrollIntoView({block: 'start', behavior: 'smooth'});
    // the focus goes with the eye: to the card (Tab continues inside it; Escape or its button goes back)
    const head = card.querySelector('summary');
    if (head) head.focus({preventScroll: true});
  }
  window.ragSelect = selectCard;
  new MutationObserver(function () {
    if (!wanted) return;
    const panel = document.querySelector('#sources .sources');
    if (panel && panel.dataset.answer === String(wanted[0])) { const w = wanted; wanted = null; selectCard(w[0], w[1]); }
  }).observe(document.documentElement, {childList: true, subtree: true});
  // back from a source to the answer (a phone shows the sources below the chat): the chip that jumped, else
  // the same chip in the re-rendered chat, else the answer
  let lastChip = null;
  function backToAnswer(a, n) {
    let to = lastChip && document.contains(lastChip) && lastChip.dataset.a === String(a) ? lastChip : null;
    to = to || document.querySelector('#chat .answer[data-turn="' + a + '"] .cite[data-n="' + n + '"]') ||
      document.querySelector('#chat .answer[data-turn="' + a + '"]');
    if (!to) return;
    to.scrollIntoView({block: 'center', behavior: 'smooth'});
    if (to.focus) to.focus({preventScroll: true});
  }
  window.ragBack = backToAnswer;
  // the whole article is fetched when its card's "open" is pressed, then moved into the card
  function fillArticle(det) {
    const slot = det.querySelector('.article-slot');
    if (!slot || slot.childElementCount) return true;
    const got = document.querySelector('#article-box .article-load[data-a="' + det.dataset.a + '"][data-n="' + det.dataset.n + '"]');
    if (!got) return false;
    slot.innerHTML = got.innerHTML;
    const m = slot.querySelector('mark.passage');
    if (m) m.scrollIntoView({block: 'nearest'});
    return true;
  }
  document.addEventListener('toggle', function (e) {
    const det = e.target;
    if (!det.matches || !det.matches('details.article[data-a]') || !det.open) return;
    if (!fillArticle(det)) ragSend('chat', 'article:' + det.dataset.a + ':' + det.dataset.n);
  }, true);
  new MutationObserver(function () {
    if (!document.querySelector('#article-box .article-load')) return;
    document.querySelectorAll('#sources details.article[open]').forEach(fillArticle);
  }).observe(document.documentElement, {childList: true, subtree: true});
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape' || !e.target.closest) return;
    const card = e.target.closest('#sources .source-card');
    if (card) { e.preventDefault(); backToAnswer(card.closest('.sources').dataset.answer, card.dataset.n); }
  });
  // the library sorts by a column's header: rows carry their keys (data-title, data-date, data-outlet)
  let libSort = null;
  function sortLibrary() {
    const table = document.querySelector('#library table.library');
    if (!table || !libSort) return;
    const [key, dir] = libSort, body = table.tBodies[0];
    const rows = Array.from(body.rows);
    rows.sort(function (a, b) {
      const x = a.dataset[key] || '', y = b.dataset[key] || '';
      if (!x !== !y) return x ? -1 : 1;  // rows without the key (no date, no outlet) go last either way
      return dir * x.localeCompare(y, document.documentElement.dataset.uiLang || 'en');
    });
    if (rows.some((r, i) => r !== body.rows[i])) rows.forEach(r => body.appendChild(r));
    table.querySelectorAll('th[aria-sort]').forEach(function (th) {
      const b = th.querySelector('.lib-sort');
      const want = b && b.dataset.key === key ? (dir > 0 ? 'ascending' : 'descending') : 'none';
      if (th.getAttribute('aria-sort') !== want) th.setAttribute('aria-sort', want);
    });
  }
  new MutationObserver(sortLibrary).observe(document.documentElement, {childList: true, subtree: true});
  document.addEventListener('click', function (e) {
    const t = e.target.closest ? e.target : null;
    if (!t) return;
    const sorter = t.closest('.lib-sort');
    if (sorter) {
      e.preventDefault();
      libSort = [sorter.dataset.key, libSort && libSort[0] === sorter.dataset.key ? -libSort[1] : 1];
      sortLibrary();
      return;
    }
    // a timeline dot brings its contact into view (a button, not a link: no navigation, no reload)
    const dot = t.closest('.tl-dot[data-ev]');
    if (dot) {
      e.preventDefault();
      const ev = document.getElementById(dot.dataset.ev);
      if (!ev) return;
      document.querySelectorAll('#timeline .tl-current').forEach(x => x.classList.remove('tl-current'));
      ev.classList.add('tl-current');
      ev.scrollIntoView({block: 'center'});
      ev.focus({preventScroll: true});
      return;
    }
    // an example question of the empty chat goes into the question box, to be edited or asked
    const fill = t.closest('.hint-q[data-fill]');
    if (fill) {
      e.preventDefault();
      const q = document.querySelector('#question textarea');
      if (!q) return;
      q.value = fill.dataset.fill;
      q.dispatchEvent(new Event('input', {bubbles: true}));
      q.focus();
      return;
    }
    const back = t.closest('.back-to-answer');
    if (back) { e.preventDefault(); backToAnswer(back.dataset.a, back.dataset.n); return; }
    const chip = t.closest('.cite[data-a], .src-jump');
    if (chip && chip.matches('.cite')) lastChip = chip;
    if (chip) { e.preventDefault(); hidePreview(); selectCard(chip.dataset.a, chip.dataset.n); return; }
    const act = t.closest('[data-box]');
    if (act) { e.preventDefault(); ragSend(act.dataset.box, act.dataset.payload); }
  }, true);
  // the timeline's dots stack by the width the axis really has: dots closer than a dot's width go on rows
  // below (the server's layout assumes a wide page; on a phone they would cover one another)
  function stackDots(axis) {
    const w = axis.clientWidth, dots = Array.from(axis.querySelectorAll('.tl-dot[data-x]'));
    if (!w || !dots.length) return;
    const gap = dots[0].offsetWidth + 2, ends = [];
    dots.map(d => [parseFloat(d.dataset.x) / 100 * w, d]).sort((a, b) => a[0] - b[0]).forEach(function ([x, d]) {
      let row = ends.findIndex(end => x - end >= gap);
      if (row < 0) { row = ends.length; ends.push(x); } else ends[row] = x;
      const top = (4 + 16 * row) + 'px';
      if (d.style.top !== top) d.style.top = top;
    });
    const h = (30 + 16 * ends.length) + 'px';
    if (axis.style.height !== h) { axis.style.height = h; axis.dataset.rows = String(ends.length); }
  }
  const axes = new WeakSet();
  const axisSize = window.ResizeObserver ? new ResizeObserver(es => es.forEach(e => stackDots(e.target))) : null;
  new MutationObserver(function () {
    document.querySelectorAll('.tl-axis').forEach(function (a) {
      if (axes.has(a)) return;
      axes.add(a);
      if (axisSize) axisSize.observe(a);
      stackDots(a);
    });
  }).observe(document.documentElement, {childList: true, subtree: true});
  window.addEventListener('resize', () => document.querySelectorAll('.tl-axis').forEach(stackDots));
  let pv = null, pvChip = null;
  function hidePreview() { if (pv) pv.hidden = true; pvChip = null; }
  function showPreview(chip) {
    pvChip = chip;
    const ans = chip.closest('.answer, .tl-event');
    const src = ans && ans.querySelector('.pv[data-n="' + chip.dataset.n + '"]');
    if (!src) return;
    if (!pv) { pv = document.createElement('div'); pv.id = 'cite-preview'; pv.setAttribute('role', 'tooltip'); document.body.appendChild(pv); }
    pv.innerHTML = src.innerHTML;
    pv.dir = document.documentElement.dir || 'auto';
    pv.hidden = false;
    const r = chip.getBoundingClientRect();
    const w = Math.min(340, window.innerWidth - 16);
    pv.style.left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8)) + 'px';
    const below = r.bottom + 6, h = pv.offsetHeight;
    pv.style.top = (below + h < window.innerHeight ? below : Math.max(8, r.top - h - 6)) + 'px';
  }
  ['mouseover', 'focusin'].forEach(ev => document.addEventListener(ev, function (e) {
    const chip = e.target.closest && e.target.closest('.cite[data-a], .tl-cite');
    if (chip) showPreview(chip);
  }));
  ['mouseout', 'focusout'].forEach(ev => document.addEventListener(ev, function (e) {
    if (e.target.closest && e.target.closest('.cite[data-a], .tl-cite')) hidePreview();
  }));
  // a scroll moves the preview with its chip (focusing a chip scrolls it into view), or hides it once the chip is gone
  document.addEventListener('scroll', function () {
    if (!pvChip || !pv || pv.hidden) return;
    const r = pvChip.getBoundingClientRect();
    if (!document.contains(pvChip) || r.bottom < 0 || r.top > window.innerHeight) hidePreview();
    else showPreview(pvChip);
  }, true);
  // the conversation keeps its newest message in view, inside its own scrolling area, with the question row
  // on screen; it does not move while the user reads back (only a new message moves it)
  let seen = '';
  function newestInView() {
    const box = document.querySelector('#chat');
    const msgs = box ? box.querySelectorAll('.msg') : [];
    const key = msgs.length + ':' + !!(box && box.querySelector('.msg.pending'));
    if (key === seen) return;
    seen = key;
    if (!msgs.length) return;
    const last = msgs[msgs.length - 1], user = last.previousElementSibling || last;
    // the newest answer's end at the bottom of the area; when the question and the answer are taller than the
    // area, the answer's start at its top instead
    const area = () => box.getBoundingClientRect();
    box.scrollTop += last.getBoundingClientRect().bottom - area().bottom + 6;
    if (user.getBoundingClientRect().top < area().top) {
      const first = user.getBoundingClientRect().height + last.getBoundingClientRect().height + 12 <= area().height ? user : last;
      box.scrollTop += first.getBoundingClientRect().top - area().top - 6;
    }
    // the page itself: the question row's end at the window's end when the row or the answer is out of sight
    const row = document.querySelector('#ask-row');
    if (!row) return;
    const r = row.getBoundingClientRect(), a = last.getBoundingClientRect();
    if (r.bottom > innerHeight || r.top < 0 || a.top < 0 || a.top > innerHeight) window.scrollBy(0, r.bottom - innerHeight + 8);
  }
  // the saved conversation this page is on (the server names a new one on "New chat")
  window.ragSession = function () {
    const ok = v => /^[A-Za-z0-9-]{16,64}$/.test(v || '');
    const fresh = () => (window.crypto && crypto.randomUUID) ? crypto.randomUUID() :
      Array.from({length: 32}, () => Math.floor(Math.random() * 16).toString(16)).join('');
    let client = localStorage.getItem('rag-client'), conv = localStorage.getItem('rag-conv');
    if (!ok(client)) { client = fresh(); localStorage.setItem('rag-client', client); }
    if (!ok(conv)) { conv = fresh(); localStorage.setItem('rag-conv', conv); }
    return client + ':' + conv;
  };
  new MutationObserver(function () {
    newestInView();
    const h = document.querySelector('#history .history[data-current]');
    if (h && h.dataset.current && localStorage.getItem('rag-conv') !== h.dataset.current) {
      localStorage.setItem('rag-conv', h.dataset.current); }
    const q = document.querySelector('#question textarea');
    if (q && q.getAttribute('dir') !== 'auto') q.setAttribute('dir', 'auto');
    // Ask is disabled while an answer is pending
    const up = document.querySelector('#upload button.upload-container');
    const drop = DROP[document.documentElement.dataset.uiLang === 'ar' ? 'ar' : 'en'];
    if (up && up.getAttribute('aria-label') !== drop) up.setAttribute('aria-label', drop);
    gradioWords(document.documentElement.dataset.uiLang === 'ar');
    const busy = !!document.querySelector('#chat .msg.pending');
    document.querySelectorAll('#ask').forEach(function (b) {
      if (b.disabled !== busy) { b.disabled = busy; b.setAttribute('aria-disabled', String(busy)); }
    });
  }).observe(document.documentElement, {childList: true, subtree: true});
  // The language the user chose: in the URL (?lang=ar), else with the switch (kept in local storage); null when
  // they chose none, and the server takes the one their browser asks for (its Accept-Language header).
  window.ragLang = function () {
    const url = new URL(location.href).searchParams.get('lang');
    if (url) return url.slice(0, 2).toLowerCase() === 'ar' ? 'ar' : 'en';
    localStorage.removeItem('rag-lang');  // an earlier version kept every page's language, chosen or not
    const chosen = localStorage.getItem('rag-lang-chosen');
    return chosen === 'ar' || chosen === 'en' ? chosen : null;
  };
  window.ragApplyLang = function (lang, chosen) {
    const l = (lang || 'en').slice(0, 2) === 'ar' ? 'ar' : 'en';
    document.documentElement.lang = l;
    document.documentElement.dataset.uiLang = l;  // Gradio resets `lang` to the browser's language
    document.documentElement.dir = l === 'ar' ? 'rtl' : 'ltr';
    const c = document.querySelector('.gradio-container');
    if (c) c.setAttribute('dir', l === 'ar' ? 'rtl' : 'ltr');
    if (chosen) localStorage.setItem('rag-lang-chosen', l);
    return l;
  };
  window.ragTheme = function (toggle) {
    let dark = document.body.classList.contains('dark');
    if (toggle) { dark = !dark; localStorage.setItem('rag-theme', dark ? 'dark' : 'light'); }
    else if (!new URL(location.href).searchParams.get('__theme') && localStorage.getItem('rag-theme')) {
      dark = localStorage.getItem('rag-theme') === 'dark'; }
    document.body.classList.toggle('dark', dark);
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  };
})();
</script>
""".replace("__DROP__", json.dumps({lang: t(lang, "drop_files") for lang in ("en", "ar")}, ensure_ascii=False)).replace(
    "__GRADIO_AR__", json.dumps(GRADIO_AR, ensure_ascii=False))
