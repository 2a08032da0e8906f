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


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
