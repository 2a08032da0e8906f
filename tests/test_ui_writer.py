"""The browser's library writes and the writer lock, in real headless Chromium (Debian's): while another process
holds the library, an upload says it is waiting (in the page's language) and goes on when the lock is free.
One `rag serve` on a copy of the seeds for the module; the lock is held by this process through the same
`flock` every writer takes."""

import os
import re
import threading

import pytest

from ui_support import Server, open_page, shot, tab, warm_home

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def writer_server(tmp_path_factory, seeded_settings):
    home = warm_home(tmp_path_factory.mktemp("ui-writer") / "home", seeded_settings.home_path)
    srv = Server(home, {"RAG_WRITER_WAIT": "60"})
    srv.home = home
    yield srv
    srv.stop()


class HeldLibrary:
    """The library's writer lock, held by this test process as `rag ingest` holds it, until `release()`."""

    def __init__(self, home):
        from rag.index.writer import WriterLock

        self._free, self._held = threading.Event(), threading.Event()
        lock = WriterLock(home / "writer.lock", wait=5)

        def hold():
            with lock.hold("rag ingest"):
                self._held.set()
                self._free.wait(120)
        self._thread = threading.Thread(target=hold, daemon=True)
        self._thread.start()
        assert self._held.wait(10)

    def release(self):
        self._free.set()
        self._thread.join(10)


def test_an_upload_waiting_for_the_writer_says_so_in_arabic(browser, writer_server, tmp_path):
    ctx, page = open_page(browser, writer_server, query="?lang=ar")
    tab(page, "المكتبة")
    page.wait_for_selector("#library tbody tr", timeout=30_000)
    rows = page.locator("#library tbody tr").count()
    new = tmp_path / "writer_probe.txt"
    new.write_text("زيارة أثناء الكتابة\n\nزار وفد عراقي دمشق لبحث ملف المياه والحدود.", encoding="utf-8")
    held = HeldLibrary(writer_server.home)
    try:
        page.set_input_files("#upload input[type=file]", str(new))
        page.wait_for_timeout(1500)
        page.click("#ingest")
        line = page.locator("#ingest-status .waiting-line")
        line.wait_for(state="visible", timeout=30_000)
        text = line.inner_text()
        assert "بانتظار" in text and str(os.getpid()) in text and "إضافة مقالات" in text, text
        assert not re.search(r"[A-Za-z]", text), f"Latin-script text in the Arabic waiting line: {text}"
        assert page.locator("#library tbody tr").count() == rows  # nothing written while the lock is held
        shot(page, "ui-writer-upload-waiting-ar", full=False)
    finally:
        held.release()
    page.wait_for_function("document.querySelector('#ingest-status').innerText.includes('أُضيف 1')", timeout=60_000)
    page.wait_for_function(f"document.querySelectorAll('#library tbody tr').length == {rows + 1}", timeout=30_000)
    assert page.locator("#ingest-status .waiting-line").count() == 0
    ctx.close()


def test_library_delete_goes_through_the_library_waits_for_the_writer_and_leaves_it_whole(browser, writer_server):
    """The Library tab deletes as `rag delete` does (rag.Library.delete): under the writer lock, saying so while
    another writer holds it; chunks, vectors, contacts and index rows go in one step (`rag check` finds nothing)."""
    import json
    import sqlite3

    from conftest import SHAIBANI
    from test_cli import run

    ctx, page = open_page(browser, writer_server)
    tab(page, "Library")
    page.wait_for_selector("#library tbody tr", timeout=30_000)
    rows = page.locator("#library tbody tr").count()
    page.locator("#library .lib-open", has_text="تطوير العلاقات").first.click()
    page.wait_for_selector("#lib-delete", state="visible", timeout=15_000)
    page.click("#lib-delete")
    page.wait_for_selector("#lib-confirm", state="visible", timeout=15_000)
    held = HeldLibrary(writer_server.home)
    try:
        page.click("#lib-confirm")
        line = page.locator("#lib-msg .waiting-line")
        line.wait_for(state="visible", timeout=30_000)
        text = line.inner_text()
        assert "Waiting for the library's other writer" in text and str(os.getpid()) in text, text
        assert "تطوير العلاقات" in text, text
        assert page.locator("#library tbody tr").count() == rows  # nothing deleted while the lock is held
        shot(page, "ui-writer-delete-waiting-en", full=False)
    finally:
        held.release()
    page.wait_for_function(f"document.querySelectorAll('#library tbody tr').length == {rows - 1}", timeout=30_000)
    assert "Deleted" in page.locator("#lib-msg").inner_text()
    ctx.close()
    db = sqlite3.connect(writer_server.home / "library.sqlite")
    left = [db.execute(f"SELECT count(*) FROM {table} WHERE source=?", (SHAIBANI,)).fetchone()[0]
            for table in ("documents", "chunks", "events")]
    db.close()
    assert left == [0, 0, 0], left
    r = run(["check", "--json"], writer_server.home)
    report = json.loads(r.stdout)
    assert r.returncode == 0 and report["ok"] and not report["problems"], r.stdout + r.stderr
