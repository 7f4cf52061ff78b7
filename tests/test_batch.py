"""Collections of articles: extract_many and the CLI's corpus mode."""
from __future__ import annotations

import datetime
import json
import os
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


def test_a_bare_string_is_one_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ab").mkdir()
    (tmp_path / "ab" / "x.txt").write_text("关联企业54家", encoding="utf-8")
    (tmp_path / "a").write_text("不该读到", encoding="utf-8")
    results = list(factkit.extract_many("ab", jobs=1))
    assert [r.source for r in results] == [os.path.join("ab", "x.txt")]
    assert results[0].document.source == results[0].source
    assert [r.source for r in factkit.extract_many(tmp_path / "ab" / "x.txt", jobs=1)] == [
        str(tmp_path / "ab" / "x.txt")]
    with pytest.raises(TypeError):
        list(factkit.extract_many(b"ab"))


def test_pipe_yields_documents_in_order():
    texts = ["关联企业54家", "增长12%", "", "今年产值3.5亿元"] * 5
    one = list(factkit.pipe(texts))
    two = list(factkit.pipe(iter(texts), jobs=2, batch_size=3))
    assert one == two == [factkit.extract(t) for t in texts]
    assert [d.text for d in two] == texts


def test_pipe_takes_a_reference_date_per_text():
    docs = list(factkit.pipe([("今年", "2024-05-01"), "今年", ("今年", None)],
                             ref_date=datetime.date(2026, 1, 1), jobs=2))
    assert [d.dates[0].first_day.year for d in docs] == [2024, 2026, 2026]


def test_pipe_refuses_a_bare_string_and_bad_items():
    with pytest.raises(TypeError, match="not one str"):
        factkit.pipe("关联企业54家")
    with pytest.raises(TypeError, match="item 1"):
        list(factkit.pipe(["关联企业54家", 42]))
    with pytest.raises(ValueError, match="ref_date"):
        list(factkit.pipe([("今年", "yesterday")]))
    with pytest.raises(ValueError, match="jobs"):
        factkit.pipe(["x"], jobs=0)


@pytest.mark.parametrize("form", ["csv", "json", "mapping"])
def test_each_file_has_its_own_reference_date(tmp_path, form):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text("今年粮食产量增长5%", encoding="utf-8")
    dates = {"a.txt": "2024-03-01", "articles/b.txt": "2023-07-01"}
    if form == "csv":
        sidecar = tmp_path / "dates.csv"
        sidecar.write_text("file,date\n" + "".join(f"{k},{v}\n" for k, v in dates.items()),
                           encoding="utf-8")
    elif form == "json":
        sidecar = tmp_path / "dates.json"
        sidecar.write_text(json.dumps(dates), encoding="utf-8")
    else:
        sidecar = {str(folder / "a.txt"): "2024-03-01", str(folder / "b.txt"): "2023-07-01"}
    got = {os.path.basename(r.source): r.document.ref_date for r in factkit.extract_many(
        [folder], ref_dates=sidecar, ref_date="2026-01-01", jobs=2)}
    assert got == {"a.txt": datetime.date(2024, 3, 1), "b.txt": datetime.date(2023, 7, 1),
                   "c.txt": datetime.date(2026, 1, 1)}
    if form != "mapping":
        out = tmp_path / "facts.jsonl"
        assert main(["extract", str(folder), "--ref-date-from", str(sidecar), "--ref-date",
                     "2026-01-01", "-o", str(out)]) == 0
        lines = {os.path.basename(d.source): d.ref_date for d in factkit.read_jsonl(out)}
        assert lines == got


@pytest.mark.parametrize("content", [
    "path,ref_date\nx/a.txt,2024-03-01\nb.txt,2023-07-01T08:00:00\n",
    "2024-03-01,a.txt\n2023/07/01,b.txt\n",
    "id,published,source\n1,2024-03-01,a.txt\n2,2023-07-01,b.txt\n",
])
def test_sidecar_csv_forms(tmp_path, content):
    sidecar = tmp_path / "dates.csv"
    sidecar.write_text(content, encoding="utf-8")
    table = factkit.batch.load_ref_dates(sidecar)
    assert sorted(table.values()) == [datetime.date(2023, 7, 1), datetime.date(2024, 3, 1)]


def test_sidecar_json_list(tmp_path):
    sidecar = tmp_path / "dates.json"
    sidecar.write_text('[{"file": "a.txt", "date": "2024-03-01"}]', encoding="utf-8")
    assert factkit.batch.load_ref_dates(sidecar) == {"a.txt": datetime.date(2024, 3, 1)}


def test_a_malformed_sidecar_is_reported(tmp_path, capsys):
    sidecar = tmp_path / "dates.csv"
    sidecar.write_text("file,date\na.txt,2024-03-01\nb.txt,March 3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"dates.csv:3"):
        factkit.batch.load_ref_dates(sidecar)
    assert main(["extract", str(SEEDS), "--ref-date-from", str(sidecar)]) == 2
    assert "dates.csv:3" in capsys.readouterr().err
    sidecar = tmp_path / "dates.json"
    sidecar.write_text('{"a.txt": "2024-03-01", "b.txt": null}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"dates.json: entry 'b.txt'"):
        factkit.batch.load_ref_dates(sidecar)


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_read_jsonl_gives_back_the_documents(corpus, tmp_path, fmt):
    out = tmp_path / f"facts.{fmt}"
    assert main(["extract", str(corpus), "-o", str(out), "--jobs", "2"]) == 1  # bad.txt
    back = factkit.read_jsonl(out)
    made = {r.source: r.document for r in factkit.extract_many([corpus], jobs=1) if r.document}
    assert {d.source: d for d in back} == made
    line = out.read_text(encoding="utf-8").splitlines()[0 if fmt == "jsonl" else 1]
    if fmt == "jsonl":
        assert factkit.Document.model_validate_json(line).source == back[0].source


def test_read_jsonl_names_a_bad_line(tmp_path):
    bad = tmp_path / "facts.jsonl"
    bad.write_text('{"source": "a", "figures": []}\n{"figures": "many"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"facts.jsonl:2"):
        factkit.read_jsonl(bad)


def test_an_unlistable_folder_is_reported(tmp_path, monkeypatch, capsys):
    """As a plain user sees it (root lists every folder): os.scandir refuses."""
    folder = tmp_path / "articles"
    (folder / "secret").mkdir(parents=True)
    (folder / "a.txt").write_text("关联企业54家", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("secret"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", lambda path: scandir(path))
    assert main(["extract", str(folder), "--format", "jsonl", "--jobs", "1"]) == 1
    out, err = capsys.readouterr()
    assert f"{folder / 'secret'}: folder cannot be read: Permission denied" in err
    assert json.loads(out)["source"] == str(folder / "a.txt")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to drop privileges")
def test_an_unreadable_folder_as_a_plain_user(tmp_path):
    """The same with real permissions: as root the check runs in a child process that has
    become the user nobody."""
    import tempfile

    top = tempfile.mkdtemp(prefix="factkit-perm-")
    try:
        os.chmod(top, 0o755)
        folder = os.path.join(top, "articles")
        os.makedirs(os.path.join(folder, "secret"))
        with open(os.path.join(folder, "a.txt"), "w", encoding="utf-8") as f:
            f.write("关联企业54家")
        os.chmod(folder, 0o755)
        os.chmod(os.path.join(folder, "secret"), 0o000)
        if os.geteuid() != 0:
            code, err = _run_cli_capturing([folder])
        else:
            _run_cli_capturing([folder])  # load every module while they can still be read
            code, err = _as_nobody(lambda: _run_cli_capturing([folder]))
        assert code == 1, err
        assert "secret: folder cannot be read: Permission denied" in err
    finally:
        os.chmod(os.path.join(top, "articles", "secret"), 0o755)
        shutil.rmtree(top)


def _run_cli_capturing(inputs):
    import contextlib
    import io

    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(["extract", *inputs, "--format", "jsonl", "--jobs", "1"])
    return code, err.getvalue()


def _as_nobody(work):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: become nobody, do the work, report, leave without cleanup
        try:
            os.close(read)
            os.setgid(65534)
            os.setuid(65534)
            code, err = work()
            os.write(write, json.dumps([code, err]).encode())
        except BaseException as problem:  # pragma: no cover - reported to the parent
            os.write(write, json.dumps([-1, repr(problem)]).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    code, err = json.loads(data)
    if code == -1:
        pytest.skip(f"could not drop privileges here: {err}")
    return code, err


def test_cli_output_read_back_equals_extract(tmp_path):
    out = tmp_path / "facts.jsonl"
    seeds = sorted(SEEDS.glob("*.txt"))
    assert main(["extract", *map(str, seeds), "-o", str(out), "--ref-date", "2026-02-25"]) == 0
    back = {d.source: d for d in factkit.read_jsonl(out)}
    for seed in seeds:
        made = factkit.extract(seed.read_text(encoding="utf-8"), ref_date="2026-02-25")
        assert back[str(seed)] == made and back[str(seed)].source == str(seed)
        assert back[str(seed)].model_dump(exclude={"source"}) == made.model_dump(
            exclude={"source"})
