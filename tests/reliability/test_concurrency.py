"""Writers against writers (issue 26): `rag delete` and a second `rag ingest` started while a `rag ingest` holds
the library and a `rag serve` answers from it, round after round; and the same file name ingested from two
folders at once. After every round `rag check` finds nothing, the server finds the new article by dense search
alone (it runs with RAG_LEXICAL_WEIGHT=0, so a server blind to vectors written by other processes cannot
cite it), exactly one of the two same-name ingests wins and the other is refused by name.

Before the writer lock, the second writer's sweep deleted the first one's pending vectors (current chunks
without vectors: `rag check` reports them), and both same-name ingests said "added" while one article was lost.
Bounded: RAG_TEST_CONCURRENCY_ROUNDS rounds (default 3) and CONCURRENCY_SECONDS in all.
"""

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

pytestmark = [pytest.mark.slow, pytest.mark.server]
ROUNDS = int(os.environ.get("RAG_TEST_CONCURRENCY_ROUNDS", "3"))
CONCURRENCY_SECONDS = 420
BIG = 4  # articles of the first (long) ingest, a few chunks each
# One subject per round for the second ingest's article: a question about it must find it by its vector alone.
SUBJECTS = [
    ("مشروع الربط الكهربائي", "اتفق وزيرا الكهرباء في العراق وسوريا على مشروع ربط كهربائي بقدرة خمسمئة ميغاواط "
     "عبر محطة البوكمال، يبدأ تشغيله التجريبي في الصيف المقبل.", "ما قدرة مشروع الربط الكهربائي بين العراق وسوريا؟"),
    ("خط أنابيب كركوك بانياس", "بحث وفد نفطي عراقي في دمشق إعادة تأهيل خط أنابيب النفط من كركوك إلى ميناء بانياس "
     "على البحر المتوسط، بكلفة تقدر بمليار دولار.", "ما كلفة إعادة تأهيل خط أنابيب كركوك بانياس؟"),
    ("سكة حديد البصرة اللاذقية", "ناقش مسؤولون من البلدين مد سكة حديد تربط ميناء البصرة بميناء اللاذقية مرورا "
     "بالأنبار ودير الزور لنقل البضائع.", "ما المدن التي تمر بها سكة الحديد بين البصرة واللاذقية؟"),
    ("منحة القمح", "أعلنت بغداد إرسال منحة من عشرين ألف طن من القمح إلى سوريا عبر منفذ القائم خلال الشهر الحالي.",
     "كم طنا من القمح أرسل العراق إلى سوريا؟"),
    ("الطيران المدني", "استأنفت الخطوط الجوية العراقية رحلاتها المباشرة بين بغداد ودمشق بواقع ثلاث رحلات أسبوعيا.",
     "كم رحلة أسبوعيا بين بغداد ودمشق بعد استئناف الطيران؟"),
]


def _env(extra=None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra or {})
    return env


def _rag(home: Path, *args: str) -> subprocess.Popen:
    code = "import sys; from rag.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen([sys.executable, "-c", code, *args, "--home", str(home)], env=_env(), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _done(proc: subprocess.Popen, timeout: float = 300) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def _big(folder: Path, tag: int) -> None:
    """BIG articles of 3-4 chunks; most sentences are shared (the embedding cache has them after the first
    round), every chunk holds one naming the round, so each round updates every article."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(BIG):
        body = " ".join(
            f"وقال مصدر في اللجنة المشتركة رقم {i} إن الجولة {j} من الدورة {tag} انتهت بتفاهم على ملف المعابر." if j % 4 == 0
            else f"بحث الوفد في الجولة {j} ملف الحدود والتنسيق الأمني بين العراق وسوريا، وأكد الجانبان أهمية المعبر "
                 f"رقم {j} للتجارة." for j in range(24))
        (folder / f"big{i}.txt").write_text(f"اجتماعات اللجنة المشتركة {i}\n{body}\n", encoding="utf-8")


def _holder_pid(home: Path) -> int | None:
    try:
        return json.loads((home / "writer.lock").read_text(encoding="utf-8") or "{}").get("pid")
    except (OSError, ValueError):
        return None


def _ask(server, question: str) -> dict:
    req = urllib.request.Request(server.url + "v1/ask", data=json.dumps({"question": question}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as resp:
        return json.loads(resp.read())


@pytest.fixture(scope="module")
def served(tmp_path_factory, seeded_settings):
    from ui_support import Server, warm_home
    home = warm_home(tmp_path_factory.mktemp("concurrency") / "home", seeded_settings.home_path)
    code, out, err = _done(_rag(home, "ingest", str(SEEDS), "--no-progress"))
    assert code == 0, err
    srv = Server(home, {"RAG_LEXICAL_WEIGHT": "0"})  # dense only: it must see other processes' vectors
    yield home, srv
    srv.stop()


def test_writers_never_interleave_and_check_finds_nothing(served, tmp_path):
    home, server = served
    assert ROUNDS >= 1
    start = time.monotonic()
    waited = 0
    previous = "000_bfc544fcf7e9c4f1.txt"  # what the round's delete removes: a seed, then the last round's note
    for r in range(ROUNDS):
        assert time.monotonic() - start < CONCURRENCY_SECONDS, f"only {r} rounds in {CONCURRENCY_SECONDS} s"
        subject, text, question = SUBJECTS[r % len(SUBJECTS)]
        _big(tmp_path / "big", r)
        note = tmp_path / f"b{r}" / f"note{r}.txt"
        note.parent.mkdir()
        note.write_text(f"{subject}\n{text}\n", encoding="utf-8")
        same = f"same{r}.txt"
        for side, words in (("x", "زار وفد أمني عراقي دمشق لبحث ضبط الحدود."), ("y", "زار وفد تجاري سوري بغداد لبحث الرسوم الجمركية.")):
            (tmp_path / f"{side}{r}").mkdir()
            (tmp_path / f"{side}{r}" / same).write_text(f"{words} الجولة {r}.\n", encoding="utf-8")

        first = _rag(home, "ingest", str(tmp_path / "big"), "--no-progress")
        t = time.monotonic()
        while _holder_pid(home) != first.pid and first.poll() is None and time.monotonic() - t < 120:
            time.sleep(0.01)
        others = {"delete": _rag(home, "delete", previous),
                  "note": _rag(home, "ingest", str(note), "--no-progress"),
                  "x": _rag(home, "ingest", str(tmp_path / f"x{r}"), "--no-progress"),
                  "y": _rag(home, "ingest", str(tmp_path / f"y{r}"), "--no-progress")}
        code, out, err = _done(first)
        assert code == 0 and f"{BIG} {'added' if r == 0 else 'updated'}" in out, (out, err)
        got = {name: _done(p) for name, p in others.items()}
        waited += sum("waiting for the library's other writer" in e for _, _, e in got.values())

        assert got["delete"][0] == 0 and f"deleted 1 article(s): {previous}" in got["delete"][1], got["delete"]
        assert got["note"][0] == 0 and "1 added" in got["note"][1], got["note"]
        # the same name from two folders at once: one wins, the other is refused by name
        wins = [s for s in ("x", "y") if got[s][0] == 0 and "1 added" in got[s][1]]
        lost = [s for s in ("x", "y") if got[s][0] == 1 and "1 refused" in got[s][1] and same in got[s][1]]
        assert len(wins) == 1 and len(lost) == 1, {s: got[s] for s in ("x", "y")}
        assert f"refused {same}: the library already holds an article by this name" in got[lost[0]][2]
        lib = json.loads(subprocess.run([sys.executable, "-m", "rag.cli", "library", "--json", "--home", str(home)],
                                        env=_env(), cwd=ROOT, capture_output=True, text=True, check=True).stdout)
        held = {d["source"]: d for d in lib}
        assert held[same]["origin"] == str((tmp_path / f"{wins[0]}{r}" / same).resolve())
        assert previous not in held and f"note{r}.txt" in held

        # the library is whole: every chunk has its vector and lexical row, every mention its article
        check = subprocess.run([sys.executable, "-m", "rag.cli", "check", "--json", "--home", str(home)], env=_env(),
                               cwd=ROOT, capture_output=True, text=True)
        report = json.loads(check.stdout)
        assert check.returncode == 0 and report["ok"], f"round {r}: {report['problems']}"
        # the server, dense only, finds what the CLI wrote after it started, and not what the CLI deleted
        answer = _ask(server, question)
        sources = [c["source"] for c in answer["citations"]]
        assert f"note{r}.txt" in sources, (question, sources)
        assert previous not in sources
        previous = f"note{r}.txt"
    assert waited >= ROUNDS, f"the later writers waited only {waited} times in {ROUNDS} rounds: they did not overlap"
    print(f"\n{ROUNDS} rounds of 5 writers against a running ingest and server in {time.monotonic() - start:.0f} s; "
          f"{waited} waits for the writer lock")
