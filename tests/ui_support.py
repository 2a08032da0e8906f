"""Starting `rag serve` and headless Debian Chromium for the browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# where the tests' screenshots go (RAG_SHOTS elsewhere, e.g. a review's own folder, leaves the committed ones be)
ARTIFACTS = Path(os.environ.get("RAG_SHOTS") or ROOT / "artifacts" / "screenshots")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def warm_home(target: Path, seeded_home: Path) -> Path:
    """A data folder holding a consistent copy (WAL included) of a seeded embedding cache."""
    target.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(seeded_home / "embeddings.sqlite")
    dst = sqlite3.connect(target / "embeddings.sqlite")
    src.backup(dst)
    src.close()
    dst.close()
    return target


def seeds_pipeline(tmp_path_factory, seeded_settings, name: str, articles: dict[str, str]):
    """The seeds and `articles` (file name -> text) in a library of its own, with a warm embedding cache: a
    `Pipeline` asking over them."""
    from rag import Pipeline, ingest, load_settings, open_library
    home = warm_home(tmp_path_factory.mktemp(name) / "home", seeded_settings.home_path)
    s = load_settings(env={}, home=str(home))
    folder = tmp_path_factory.mktemp(name + "-articles")
    for file, text in articles.items():
        (folder / file).write_text(text, encoding="utf-8")
    lib = open_library(s)
    ingest(lib, [ROOT / "seeds", folder], progress=False)
    return Pipeline(s, lib)


class Server:
    """`rag serve` in a subprocess on a free loopback port."""

    def __init__(self, home: Path, extra_env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
        env.update({"RAG_HOME": str(home), "RAG_UI_PORT": str(self.port), "PYTHONPATH": str(ROOT)})
        env.update(extra_env or {})
        self.log = open(home / "serve.log", "w")
        self.proc = subprocess.Popen([sys.executable, "-m", "rag.cli", "serve"], env=env, cwd=ROOT,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"rag serve exited: {(home / 'serve.log').read_text()[-2000:]}")
            try:
                urllib.request.urlopen(self.url, timeout=2)
                return
            except Exception as exc:  # noqa: BLE001 - still starting
                if getattr(exc, "code", None) == 401:
                    return
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("rag serve did not come up in 180 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def time_budget(target: float) -> tuple[float, str]:
    """The time a step may take: its target, with x2 slack only while the machine is loaded (1-minute load
    average at or above the core count); and a note naming the load, for the test's printout."""
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    slack = 2.0 if load >= cores else 1.0
    return target * slack, f"target {target:.2f} s, allowed {target * slack:.2f} s at load {load:.1f} on {cores} cores"


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def shot(page, name: str, full: bool = True) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    return path


def open_page(browser, server, *, width: int = 1280, height: int = 900, query: str = "", locale: str = "en-US",
              dark: bool = False, outside: list | None = None):
    """A fresh browser context on the app; every request that leaves loopback is recorded in `outside`."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale=locale,
                              color_scheme="dark" if dark else "light")
    page = ctx.new_page()
    if outside is not None:
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(
            ("http://127.0.0.1", "data:", "blob:")) else None)
    page.goto(server.url + query, wait_until="load")
    page.wait_for_selector("#question textarea", timeout=60_000)
    page.wait_for_function("document.querySelector('#holds') && document.querySelector('#holds').innerText.length > 0",
                           timeout=30_000)
    return ctx, page


def ask(page, question: str, n_answers: int = 1):
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    page.wait_for_function(f"document.querySelectorAll('#chat .answer').length >= {n_answers}", timeout=60_000)
    page.wait_for_function("!document.querySelector('#chat .pending')", timeout=60_000)
    return page.locator("#chat .answer").nth(n_answers - 1)


def timed_ask(page, question: str, n_answers: int) -> float:
    """Ask, and return the seconds from the key press to the frame that paints the answer (nothing pending),
    as the page's own clock measures them (Playwright's polling is not counted)."""
    page.fill("#question textarea", question)
    page.evaluate("""(n) => { window.__asked = null; window.__shown = null;
        document.querySelector('#question textarea').addEventListener('keydown',
            () => { window.__asked = performance.now(); }, {once: true});
        const obs = new MutationObserver(() => {
            if (document.querySelectorAll('#chat .answer').length >= n && !document.querySelector('#chat .msg.pending')) {
                obs.disconnect(); requestAnimationFrame(() => { window.__shown = performance.now(); }); } });
        obs.observe(document.querySelector('#chat'), {childList: true, subtree: true, characterData: true}); }""",
                  n_answers)
    page.press("#question textarea", "Enter")
    page.wait_for_function("window.__shown !== null && window.__asked !== null", timeout=60_000)
    page.wait_for_function("!document.querySelector('#chat .pending')", timeout=60_000)
    return page.evaluate("(window.__shown - window.__asked) / 1000")


def _luminance(rgb) -> float:
    def ch(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = rgb[:3]
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def parse_rgb(css: str) -> tuple[float, ...]:
    import re
    return tuple(float(x) for x in re.findall(r"[\d.]+", css)[:3])


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of two computed CSS colours (rgb()/rgba())."""
    a, b = _luminance(parse_rgb(fg)), _luminance(parse_rgb(bg))
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def colours(locator) -> tuple[str, str]:
    """(text colour, the first non-transparent background behind it)."""
    return locator.evaluate("""e => { const c = getComputedStyle(e).color; let n = e;
        while (n) { const b = getComputedStyle(n).backgroundColor;
          if (b && b !== 'rgba(0, 0, 0, 0)' && b !== 'transparent') return [c, b]; n = n.parentElement; }
        return [c, document.body.classList.contains('dark') ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)']; }""")


def no_overlay(page) -> bool:
    """No Gradio error toast/overlay is on the page."""
    return page.locator(".toast-body, .toast-wrap .error").count() == 0


def tab(page, name: str, before_click=None):
    """Select a tab by its label. Every tab is a visible button, on one line on a phone too (no overflow menu to
    open first)."""
    loc = page.locator("#tabs button[role=tab]", has_text=name).first
    loc.wait_for(state="visible", timeout=15_000)
    if before_click:
        before_click()
    loc.click()


# ---------------------------------------------------------------- page walks (issue 27)

CONTRAST_JS = """() => {
  const parse = c => { const m = (c || '').match(/[\\d.]+/g) || []; return [+m[0] || 0, +m[1] || 0, +m[2] || 0, m.length > 3 ? +m[3] : 1]; };
  const over = (top, under) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat([1]); };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                     return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const dark = document.body.classList.contains('dark');
  const root = dark ? [11, 15, 25, 1] : [255, 255, 255, 1];
  function behind(el) {  // the colour behind an element's text: its backgrounds composited, and the opacity above it
    const layers = []; let op = 1;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const cs = getComputedStyle(n);
      op *= parseFloat(cs.opacity);
      const b = parse(cs.backgroundColor);
      if (cs.backgroundColor !== 'rgba(0, 0, 0, 0)' && cs.backgroundColor !== 'transparent' && b[3] > 0) {
        layers.push(b); if (b[3] >= 1) break; }
    }
    let bg = layers.length && layers[layers.length - 1][3] >= 1 ? [0, 0, 0, 1] : root;
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return [bg, op];
  }
  const worst = {};
  for (const el of document.querySelectorAll('body *')) {
    if (['SCRIPT', 'STYLE', 'svg', 'path', 'OPTION'].includes(el.tagName)) continue;
    const own = Array.from(el.childNodes).filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim()).join(' ');
    if (!own) continue;
    const cs = getComputedStyle(el), r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || cs.visibility === 'hidden' || parseFloat(cs.fontSize) < 1) continue;
    if (el.closest('[hidden], .hidden-act, [aria-hidden=true], button:disabled, [aria-disabled=true], .sr-only')) continue;
    const [bg, op] = behind(el);
    let fg = over(parse(cs.color), bg);
    if (op < 1) fg = over([fg[0], fg[1], fg[2], op], bg);
    const sig = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).slice(0, 3).join('.') : '') +
      ' in #' + ((el.closest('[id]') || {}).id || '');
    const v = ratio(fg, bg);
    if (!worst[sig] || v < worst[sig].ratio) worst[sig] = {ratio: Math.round(v * 100) / 100, text: own.slice(0, 60),
      fg: cs.color, bg: 'rgb(' + bg.slice(0, 3).map(Math.round).join(', ') + ')', opacity: op};
  }
  return worst;
}"""


def text_contrasts(page) -> dict:
    """Every text style on screen (tag, classes, nearest id) with its lowest WCAG contrast: the text colour against
    the backgrounds behind it composited, opacity included."""
    return page.evaluate(CONTRAST_JS)


# What is content, not interface: users' and the examples' questions, answers and passages, article titles, outlets, names, model
# names, dates; and the language switch's own "English".
CONTENT = ("#lang, #examples-row button.example, .msg.user, .answer-text, .msg.pending, .pv, .passage-text, .article-text, .src-title, .src-snippet, "
           ".src-meta, bdi, .tl-summary, .tl-who, .hist-title, .lib-title, .lib-outlet, .doc-head, .model-name, "
           "#ev-models, #model, #ev-run, #ev-compare, textarea, input, .meta bdi, .tl-dot, #cite-preview .pv-title, "
           "#cite-preview .pv-sent, [translate=no]")
LATIN_JS = """(content) => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent.replace(/\\.(txt|md|html?|jsonl)\\b/g, '');
    if (!/[A-Za-z]/.test(text)) continue;
    const el = n.parentElement;
    if (!el || ['SCRIPT', 'STYLE', 'TITLE'].includes(el.tagName) || el.closest(content)) continue;
    const cs = getComputedStyle(el), r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || cs.visibility === 'hidden' || parseFloat(cs.fontSize) < 1) continue;
    if (el.closest('[hidden], .hidden-act, [aria-hidden=true]')) continue;
    out.push(n.textContent.trim().slice(0, 80) + '  <' + el.tagName.toLowerCase() + '.' + (typeof el.className === 'string' ? el.className : '') + ' in #' + ((el.closest('[id]') || {}).id || '') + '>');
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (el.closest(content) || el.closest('[hidden], .hidden-act')) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;
    for (const a of ['aria-label', 'title', 'placeholder']) {
      const v = (el.getAttribute(a) || '').replace(/\\.(txt|md|html?|jsonl)\\b/g, '');
      if (/[A-Za-z]/.test(v) && !/^\\d{4}-\\d{2}/.test(v)) out.push(a + '=' + v.slice(0, 80) + '  <' + el.tagName.toLowerCase() + ' in #' + ((el.closest('[id]') || {}).id || '') + '>');
    }
  }
  return out;
}"""


def latin_ui_text(page) -> list[str]:
    """Visible interface text (and labels, titles, placeholders) in Latin script, content excluded."""
    return page.evaluate(LATIN_JS, CONTENT)


def unobstructed(locator) -> bool:
    """The element's first line is inside the window and nothing covers it there."""
    return locator.evaluate("""e => { const r = e.getBoundingClientRect();
        const y = r.top + Math.min(12, r.height / 2), x = r.left + r.width / 2;
        if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return false;
        const hit = document.elementFromPoint(x, y); return !!hit && (e === hit || e.contains(hit)); }""")
