"""Collections of articles: extract_many and the CLI's corpus mode."""
from __future__ import annotations

import json
import shutil

import pytest

import factkit
from conftest import SEEDS
from factkit.cli import main


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
        shutil.copy(seed, folder / "sub" / ("copy_" + seed.name))
    (folder / "bad.txt").write_bytes(b"\xc3\x28 broken \xff")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return folder


def test_extract_many_streams_every_article(corpus):
    single = {r.source: r for r in factkit.extract_many([corpus], jobs=1)}
    multi = {r.source: r for r in factkit.extract_many([corpus], jobs=2, in_flight=2)}
    assert set(single) == set(multi) == {str(p) for p in corpus.rglob("*.txt")}
    assert single[str(corpus / "bad.txt")].error.startswith(str(corpus / "bad.txt"))
    assert "utf-8" in single[str(corpus / "bad.txt")].error
    for source, result in single.items():
        assert result.document == multi[source].document


def test_ordered_results_keep_the_input_order(corpus):
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    got = [r.source for r in factkit.extract_many(files, jobs=2, in_flight=2, ordered=True)]
    assert got == files


def test_corpus_mode_writes_jsonl_atomically(corpus, tmp_path, capsys):
    out = tmp_path / "facts.jsonl"
    code = main(["extract", str(corpus), "--out", str(out), "--jobs", "2"])
    assert code == 1  # bad.txt
    assert "bad.txt" in capsys.readouterr().err
    assert not (tmp_path / "facts.jsonl.partial").exists()
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 4 and all("figures" in line for line in lines)


def test_resume_skips_what_is_done_and_keeps_it(corpus, tmp_path):
    out = tmp_path / "facts.jsonl"
    first = sorted(corpus.glob("0*.txt"))[0]
    main(["extract", str(first), "--out", str(out)])
    # an interrupted run left a partial file with one more article and a cut line
    second = sorted(corpus.glob("0*.txt"))[1]
    doc = factkit.extract(second.read_text(encoding="utf-8"))
    (tmp_path / "facts.jsonl.partial").write_text(
        json.dumps({"source": str(second), **doc.model_dump(mode="json")}, ensure_ascii=False)
        + "\n{\"source\": \"cut sh", encoding="utf-8")
    main(["extract", str(corpus), "--out", str(out), "--resume"])
    sources = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()
               if line.startswith("{\"source\"") and line.endswith("}")]
    assert sorted(sources) == sorted(str(p) for p in corpus.rglob("*.txt") if p.name != "bad.txt")
    assert len(sources) == len(set(sources))


def test_resume_needs_a_jsonl_output(capsys):
    assert main(["extract", str(SEEDS), "--resume"]) == 2
    assert "--resume" in capsys.readouterr().err


def test_html_output_file(tmp_path):
    view = tmp_path / "view.html"
    assert main(["extract", str(SEEDS / "000_f762f7c7f036bfc1.txt"), "-o", str(view)]) == 0
    assert view.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_documents_pickle(tmp_path):
    import pickle

    doc = factkit.extract((SEEDS / "000_f762f7c7f036bfc1.txt").read_text(encoding="utf-8"))
    assert pickle.loads(pickle.dumps(doc)) == doc
