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
ARTIFACTS = ROOT / "artifacts" / "screenshots"
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
    """Select a tab by its label. The tab bar wraps on a phone, so every tab is a visible button
    (no overflow menu to open first)."""
    loc = page.locator("#tabs button[role=tab]", has_text=name).first
    loc.wait_for(state="visible", timeout=15_000)
    if before_click:
        before_click()
    loc.click()
