"""The Dask recipe (examples/dask_corpus.py) on a LocalCluster with two workers gives what one
process gives."""
from __future__ import annotations

import importlib.util
import json
import shutil

import pytest

import factkit
from conftest import REPO, SEEDS

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")


def _recipe():
    spec = importlib.util.spec_from_file_location("dask_corpus", REPO / "examples" / "dask_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_recipe_equals_single_process(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(3):
        for seed in SEEDS.glob("*.txt"):
            shutil.copy(seed, articles / f"{i}_{seed.name}")
    files = _recipe().run(str(articles), str(tmp_path / "out"), workers=2)
    records = {}
    for name in files:
        for line in open(name, encoding="utf-8").read().splitlines():
            if line.strip():
                record = json.loads(line)
                records[record.pop("source").rsplit("/", 1)[-1]] = record
    expected = {p.name: factkit.extract(p.read_text(encoding="utf-8")).model_dump(
        mode="json", exclude={"source"})
                for p in articles.glob("*.txt")}
    assert records == expected
