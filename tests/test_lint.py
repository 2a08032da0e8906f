"""No unused imports, undefined names or similar slips anywhere in the code (pyflakes)."""

import subprocess
import sys

from conftest import ROOT


def test_pyflakes_is_clean():
    p = subprocess.run([sys.executable, "-m", "pyflakes", "rag", "ui", "evals", "bench", "tests"], cwd=ROOT,
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
