"""The command line: formats, several files, stdin, encodings, failures that do not stop it."""
from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest

import factkit
from conftest import SEEDS
from factkit.cli import main

SEED = str(SEEDS / "000_f762f7c7f036bfc1.txt")


def run(args, stdin: bytes = b"", monkeypatch=None, capsys=None):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_one_object_per_file(monkeypatch, capsys):
    code, out, err = run(["extract", SEED, "--format", "json"], monkeypatch=monkeypatch,
                         capsys=capsys)
    assert code == 0 and err == ""
    record = json.loads(out)
    assert record["source"] == SEED
    assert any(f["text"] == "3500亿元" for f in record["figures"])


def test_jsonl_and_a_bad_file_in_the_middle(monkeypatch, capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("关联企业54家", encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path / "missing.txt"), str(good),
                          "--format", "jsonl"], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1
    assert "missing.txt" in err and "cannot read" in err
    lines = out.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["figures"][0]["text"] == "54家"


def test_undecodable_file_is_reported_with_a_hint(monkeypatch, capsys, tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("累计归还现金近6万元".encode("gb18030"))
    code, out, err = run(["extract", str(gbk)], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "gb18030" in err and out == ""
    code, out, err = run(["extract", str(gbk), "--encoding", "gb18030", "--format", "jsonl"],
                         monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and json.loads(out)["figures"][0]["text"] == "近6万元"


def test_stdin_and_table(monkeypatch, capsys):
    code, out, err = run(["extract", "-", "--format", "table"], stdin="增长56.67%".encode(),
                         monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0
    assert "56.67%" in out and "56.67 %" in out


def test_bad_ref_date_is_a_usage_error(monkeypatch, capsys):
    with pytest.raises(SystemExit) as exit_:
        run(["extract", SEED, "--ref-date", "2026-02-30"], monkeypatch=monkeypatch, capsys=capsys)
    assert exit_.value.code == 2
    assert "2026-02-30" in capsys.readouterr().err


def test_console_script_and_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "factkit", "--version"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.startswith("factkit ")


def test_json_with_several_files_is_one_valid_array(monkeypatch, capsys):
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    code, out, err = run(["extract", *seeds, "--format", "json", "--jobs", "1"],
                         monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0
    records = json.loads(out)
    assert [r["source"] for r in records] == seeds


def test_json_values_are_exact_in_plain_notation(monkeypatch, capsys, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("补贴0.000000000001元，投资1234567890123456789012345678.123456元",
                       encoding="utf-8")
    code, out, err = run(["extract", str(article), "--format", "jsonl"],
                         monkeypatch=monkeypatch, capsys=capsys)
    values = [f["value"] for f in json.loads(out)["figures"]]
    assert values == ["0.000000000001", "1234567890123456789012345678.123456"]  # 34 digits
    assert factkit.parse_number("1234567890123456789012345678901234567.5万") == Decimal(
        "12345678901234567890123456789012345675000")
    big = factkit.Figure(text="x", start=0, end=1, kind="money", unit="CNY",
                         value=Decimal("1.234567890123456789012345678901234E+41"))
    dumped = json.loads(factkit.Document(figures=[big]).model_dump_json())["figures"][0]
    assert dumped["value"] == "123456789012345678901234567890123400000000"
    assert factkit.Document.model_validate_json(
        factkit.Document(figures=[big]).model_dump_json()).figures[0].value == big.value


def test_only_some_kinds(monkeypatch, capsys):
    code, out, err = run(["extract", SEED, "--format", "jsonl", "--only", "figures,dates"],
                         monkeypatch=monkeypatch, capsys=capsys)
    record = json.loads(out)
    assert record["figures"] and record["dates"]
    assert "places" not in record and "organizations" not in record
    code, out, err = run(["extract", SEED, "--format", "table", "--only", "places"],
                         monkeypatch=monkeypatch, capsys=capsys)
    kinds = {line.split()[0] for line in out.splitlines()[2:] if line.strip()}
    assert kinds == {"place"}
    with pytest.raises(SystemExit):
        run(["extract", SEED, "--only", "numbers"], monkeypatch=monkeypatch, capsys=capsys)


def test_quiet_and_verbose(monkeypatch, capsys, tmp_path):
    missing = str(tmp_path / "missing.txt")
    code, out, err = run(["extract", SEED, missing, "-v", "--format", "jsonl", "--jobs", "1"],
                         monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1
    assert f"{SEED}: 54 figures" in err and "1 articles done, 1 failed" in err
    code, out, err = run(["extract", SEED, missing, "-q", "--format", "jsonl", "--jobs", "1"],
                         monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and err.strip().splitlines() == [f"factkit: {missing}: cannot read: "
                                                      "No such file or directory"]


def test_an_empty_folder_says_so(monkeypatch, capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    code, out, err = run(["extract", str(tmp_path / "empty")], monkeypatch=monkeypatch,
                         capsys=capsys)
    assert code == 1 and "no .txt files" in err and str(tmp_path / "empty") in err


def test_progress_bar_shows_an_eta(capsys):
    from factkit.cli import _Talk

    talk = _Talk(quiet=False, verbose=False, bar=True)
    talk.total = 10
    talk.started -= 4  # four seconds for the first two articles
    talk.step(0)
    talk.step(0)
    err = capsys.readouterr().err
    assert "2/10 articles" in err and "ETA 0:16" in err


@pytest.mark.parametrize("out, fmt", [("facts.csv", "json"), ("facts.json", "csv"),
                                      ("facts.parquet", "jsonl"), ("facts.txt", "html")])
def test_out_suffix_must_match_the_format(tmp_path, capsys, out, fmt):
    assert main(["extract", SEED, "-o", str(tmp_path / out), "--format", fmt]) == 2
    err = capsys.readouterr().err
    assert "-o" in err and fmt in err and err.count("\n") == 1
    assert not list(tmp_path.iterdir()), "nothing written"


def test_out_of_unknown_suffix_needs_a_format(tmp_path, capsys):
    assert main(["extract", SEED, "-o", str(tmp_path / "facts.out")]) == 2
    assert "--format" in capsys.readouterr().err
    assert main(["extract", SEED, "-o", str(tmp_path / "facts.out"), "--format", "jsonl"]) == 0
    assert json.loads((tmp_path / "facts.out").read_text(encoding="utf-8"))["source"] == SEED


def test_parquet_needs_a_file(capsys):
    assert main(["extract", SEED, "--format", "parquet"]) == 2
    assert "-o" in capsys.readouterr().err


@pytest.mark.parametrize("where, problem", [("missing/facts.jsonl", "does not exist"),
                                            ("folder", "is a folder"),
                                            ("plain.txt/facts.jsonl", "is not a folder")])
def test_bad_destination_is_one_line_before_any_work(tmp_path, capsys, monkeypatch, where,
                                                     problem):
    (tmp_path / "folder").mkdir()
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr("factkit.cli._run", lambda args: pytest.fail("work started"))
    fmt = ["--format", "jsonl"] if where == "folder" else []
    assert main(["extract", SEED, "-o", str(tmp_path / where), *fmt]) == 2
    err = capsys.readouterr().err
    assert problem in err and err.count("\n") == 1 and "Traceback" not in err
    assert not list(tmp_path.rglob("*.partial"))


def test_unwritable_destination_folder(tmp_path, capsys, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    # root may write anywhere, so the check is seen through os.access as a plain user sees it
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if str(path) == str(locked)
                        else real_access(path, mode))
    assert main(["extract", SEED, "-o", str(locked / "facts.jsonl")]) == 2
    assert "not writable" in capsys.readouterr().err
    assert not list(locked.iterdir())


def test_no_output_file_when_every_input_fails(tmp_path, capsys):
    out = tmp_path / "facts.jsonl"
    assert main(["extract", str(tmp_path / "missing.txt"), "-o", str(out)]) == 1
    assert "missing.txt" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.iterdir())


def test_a_second_run_on_the_same_output_is_refused(tmp_path, capsys):
    import fcntl

    out = tmp_path / "facts.jsonl"
    with open(str(out) + ".lock", "a") as held:  # a first run is writing
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(["extract", SEED, "-o", str(out), "--resume"]) == 2
        assert "another factkit run" in capsys.readouterr().err
    assert main(["extract", SEED, "-o", str(out), "--resume"]) == 0
    assert not (tmp_path / "facts.jsonl.lock").exists()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_byte_order_marks_are_read(tmp_path, monkeypatch, capsys, encoding):
    article = tmp_path / "a.txt"
    data = "关联企业54家".encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    article.write_bytes(data)
    code, out, err = run(["extract", str(article), "--format", "jsonl"],
                         monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and json.loads(out)["figures"][0]["text"] == "54家"
    code, out, err = run(["extract", "-", "--format", "jsonl"], stdin=data,
                         monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and json.loads(out)["figures"][0]["text"] == "54家"


@pytest.mark.parametrize("data, says", [
    ("关联企业54家，增长百分之十二".encode("utf-16-le"), "utf-16-le"),
    ("關聯企業54家，增長百分之十二".encode("big5"), "big5"),
    (bytes(range(256)) * 4, "binary"),
])
def test_undecodable_bytes_are_described(tmp_path, monkeypatch, capsys, data, says):
    article = tmp_path / "a.txt"
    article.write_bytes(data)
    code, out, err = run(["extract", str(article)], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and str(article) in err and says in err


def test_every_error_names_its_file(tmp_path, capsys, monkeypatch):
    article = tmp_path / "crash.txt"
    article.write_text("月份无效", encoding="utf-8")

    def broken(text, ref_date=None, source=None):
        raise ValueError("month must be in 1..12")

    monkeypatch.setattr(factkit, "_extract", broken)
    assert main(["extract", str(article), "--format", "jsonl", "--jobs", "1"]) == 1
    assert f"factkit: {article}: ValueError: month must be in 1..12" in capsys.readouterr().err


def test_parquet_without_pyarrow_names_the_extra(tmp_path, capsys, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "pyarrow" else real(name, *a))
    assert main(["extract", SEED, "-o", str(tmp_path / "facts.parquet")]) == 2
    assert "factkit[pandas]" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
