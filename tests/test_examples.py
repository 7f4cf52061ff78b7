"""Every script in examples/ runs and prints something."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SEEDS

EXAMPLES = sorted((REPO / "examples").glob("*.py"))
ARGS = {
    "extract_one.py": [str(SEEDS / "000_f762f7c7f036bfc1.txt"), "2026-02-25"],
    "money_csv.py": [str(SEEDS), "--ref-date", "2026-02-25"],
    "test_my_articles.py": [],
    "statements_table.py": [str(SEEDS)],
}
NEEDS = {"dask_corpus.py": "distributed", "statements_table.py": "pandas"}


@pytest.fixture(autouse=True)
def _dask_recipe_args(tmp_path):
    ARGS["dask_corpus.py"] = [str(SEEDS), str(tmp_path / "out"), "--workers", "2"]


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path):
    if script.name in NEEDS:
        pytest.importorskip(NEEDS[script.name])
    result = subprocess.run([sys.executable, str(script), *ARGS.get(script.name, [])],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    if script.name == "statements_table.py":
        assert " statements" in result.stdout and "money written per article" in result.stdout
