"""The modules listed here pass ``mypy --strict`` (configured in pyproject.toml). The list
grows until it is the whole package."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO

pytest.importorskip("mypy", reason="mypy is in the test extra: pip install '.[test]'")

STRICT_CLEAN = ["__init__.py", "batch.py", "cli.py", "html.py", "models.py", "summary.py",
                "tables.py", "spacy_component.py", "pipeline.py", "overlaps.py",
                "candidates.py", "lexicon.py", "normalize.py", "gazetteer.py"]


def test_strict_typing(tmp_path):
    files = [str(REPO / "factkit" / name) for name in STRICT_CLEAN]
    run = subprocess.run([sys.executable, "-m", "mypy", "--follow-imports=silent",
                          "--cache-dir", str(tmp_path), *files],
                         capture_output=True, text=True, cwd=REPO, timeout=600)
    assert run.returncode == 0, run.stdout[-5000:]
