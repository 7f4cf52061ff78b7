"""The command line: formats, several files, stdin, encodings, failures that do not stop it."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

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
