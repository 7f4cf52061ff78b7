"""The modules listed here pass ``mypy --strict`` (configured in pyproject.toml). The list
grows until it is the whole package."""
from __future__ import annotations

import subprocess
import sys
import warnings

import pytest

from conftest import REPO

pytest.importorskip("mypy", reason="mypy is in the test extra: pip install '.[test]'")

STRICT_CLEAN = ["__init__.py", "batch.py", "cli.py", "html.py", "models.py", "summary.py",
                "tables.py", "spacy_component.py", "pipeline.py", "overlaps.py",
                "candidates.py", "lexicon.py", "normalize.py", "gazetteer.py", "__main__.py",
                "numerals.py", "lunar.py", "lexmatch.py", "dates/__init__.py", "dates/days.py",
                "dates/holidays.py", "dates/periods.py", "orgs/__init__.py", "orgs/companies.py",
                "orgs/document.py", "orgs/edges.py", "orgs/grammar.py", "orgs/lexicon.py",
                "orgs/named.py", "orgs/placing.py", "stream.py", "dates/clock.py",
                "dates/patterns.py", "dates/ranges.py", "dates/resolution.py", "dates/rules.py",
                "dates/builders.py", "dates/scan.py", "figures.py", "places.py",
                "statements.py"]


def test_strict_typing(tmp_path):
    files = [str(REPO / "factkit" / name) for name in STRICT_CLEAN]
    run = subprocess.run([sys.executable, "-m", "mypy", "--follow-imports=silent",
                          "--cache-dir", str(tmp_path), *files],
                         capture_output=True, text=True, cwd=REPO, timeout=600)
    assert run.returncode == 0, run.stdout[-5000:]


def test_every_module_compiles_without_a_warning():
    # an escape Python does not know ("\Z" in a plain string) is a DeprecationWarning on
    # 3.11 and a SyntaxWarning that users see on 3.12
    unclean = []
    for path in sorted((REPO / "factkit").rglob("*.py")):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                compile(path.read_text(encoding="utf-8"), str(path), "exec")
            except SyntaxError as error:
                unclean.append(f"{path.relative_to(REPO)}: {error}")
    assert unclean == []
