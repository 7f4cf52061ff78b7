"""Documents as tables: factkit.to_frame, and the command line's CSV and Parquet read back by
pandas with the same rows and numbers."""
from __future__ import annotations

import builtins
import datetime
import sys
from decimal import Decimal

import pytest

import factkit
from conftest import GROWTH, SEEDS, with_growth_statements
from factkit import DateMention, Document, Figure
from factkit.cli import main

pd = pytest.importorskip("pandas", reason="to_frame needs the pandas extra: "
                                          "pip install 'factkit[pandas]'")

SEED = SEEDS / "000_f762f7c7f036bfc1.txt"


@pytest.fixture(scope="module")
def docs():
    return [factkit.extract(p.read_text(encoding="utf-8"), source=p.name)
            for p in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize("kind", ["figures", "dates", "places", "organizations"])
def test_a_row_per_record_with_source_and_ref_date(docs, kind):
    frame = factkit.to_frame(docs, kind)
    records = [(d, r) for d in docs for r in getattr(d, kind)]
    assert len(frame) == len(records)
    assert list(frame["text"]) == [r.text for _, r in records]
    assert list(frame["source"]) == [d.source for d, _ in records]
    assert list(frame["start"]) == [r.start for _, r in records]
    assert frame["ref_date"].dtype.kind == "M"
    assert [t.date() for t in frame["ref_date"]] == [d.ref_date for d, _ in records]


def test_numbers_are_floats_by_default_and_exact_on_request(docs):
    frame = factkit.to_frame(docs[0], "figures")
    assert frame["value"].dtype == "float64"
    row = frame[frame["text"] == "3500亿元"].iloc[0]
    assert row["value"] == 350_000_000_000.0 and row["unit"] == "CNY"
    exact = factkit.to_frame(docs[0], "figures", exact=True)
    assert exact[exact["text"] == "3500亿元"].iloc[0]["value"] == Decimal("350000000000")
    tiny = Figure(text="x", start=0, end=1, value=Decimal("0.1000000000000000000000000000001"),
                  kind="money", unit="CNY")
    assert factkit.to_frame(Document(figures=[tiny]), "figures", exact=True)["value"][0] \
        == tiny.value


def test_dates_are_dates(docs):
    frame = factkit.to_frame(docs[0], "dates")
    assert frame["first_day"].dtype.kind == "M" and frame["last_day"].dtype.kind == "M"
    row = frame[frame["text"] == "十五五"].iloc[0]
    assert row["first_day"].date() == datetime.date(2026, 1, 1)
    assert row["last_day"].date() == datetime.date(2030, 12, 31)
    # the whole calendar range fits (no nanosecond limit of 1677..2262)
    far = DateMention(text="x", start=0, end=1, first_day=datetime.date(1, 1, 1),
                      last_day=datetime.date(9999, 12, 31), granularity="other")
    frame = factkit.to_frame(Document(dates=[far]), "dates")
    assert frame["last_day"][0].year == 9999 and frame["first_day"][0].year == 1


def test_facts_table_has_every_kind_with_a_type_column(docs):
    frame = factkit.to_frame(docs, "facts")
    assert len(frame) == sum(len(d.facts) for d in docs)
    assert set(frame["type"]) == {"figure", "date", "place", "organization"}
    places = frame[frame["type"] == "place"]
    assert places["name"].notna().all() and places["value"].isna().all()
    assert list(frame["document"].unique()) == list(range(len(docs)))


def test_places_lists_are_joined(docs):
    frame = factkit.to_frame(docs[0], "places")
    row = frame[frame["name"] == "壁溪村"].iloc[0]
    assert row["path"] == "湖南省/郴州市/资兴市/汤溪镇" and row["code"] == "431081110209"


def test_statements_table():
    text = GROWTH
    doc = factkit.extract(text)
    place = next(p for p in doc.places if p.name == "郴州市")
    with_statements = with_growth_statements(doc)
    frame = factkit.to_frame([with_statements], "statements")
    assert len(frame) == 2
    first = frame.iloc[0]
    assert first["text"] == "6.8%" and first["value"] == 6.8 and first["unit"] == "%"
    assert first["metric"] == "地区生产总值" and first["metric_start"] == 9
    assert first["relation"] == "change" and first["basis"] == "yoy"
    assert first["subject"] == "郴州市" and first["subject_type"] == "place"
    assert first["subject_code"] == place.code
    assert first["period"] == "2025年"
    assert first["period_first_day"].date() == datetime.date(2025, 1, 1)
    assert first["sentence_end"] == len(text)
    second = frame.iloc[1]
    assert pd.isna(second["metric"]) and pd.isna(second["subject"])
    assert pd.isna(second["period_first_day"])
    names = factkit.tables.columns("statements")
    assert list(factkit.to_frame(doc, "statements").columns)[:len(names)] == names
    assert list(frame.columns)[:len(names)] == names


def test_results_of_extract_many_are_taken_as_they_are(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    results = list(factkit.extract_many([SEEDS, tmp_path], jobs=1))
    frame = factkit.to_frame(results, "figures")
    assert set(frame["source"]) == {str(p) for p in SEEDS.glob("*.txt")}


def test_empty_input_gives_the_columns():
    frame = factkit.to_frame([], "figures")
    assert len(frame) == 0 and {"source", "ref_date", "value", "unit"} <= set(frame.columns)


def test_bad_arguments():
    doc = factkit.extract("54家")
    with pytest.raises(ValueError, match="kind must be one of"):
        factkit.to_frame(doc, "numbers")
    with pytest.raises(TypeError, match="Document"):
        factkit.to_frame("54家", "figures")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="item 1"):
        factkit.to_frame([doc, "54家"], "figures")  # type: ignore[list-item]


def test_missing_pandas_names_the_extra(monkeypatch):
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "pandas", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"factkit\[pandas\]"):
        factkit.to_frame(factkit.extract("54家"), "figures")


def _expected(docs_by_source, types=None):
    return [(source, f.text, f.start, getattr(f, "value", None)) for source, doc in docs_by_source
            for f in doc.facts if types is None or type(f).__name__ in types]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_tables_read_back_with_the_same_rows_and_numbers(tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="Parquet needs the pandas extra")
    out = tmp_path / f"facts.{fmt}"
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    assert main(["extract", *files, "-o", str(out), "--ref-date", "2026-02-25"]) == 0
    frame = pd.read_csv(out, dtype={"code": str}) if fmt == "csv" else pd.read_parquet(out)
    docs = [(f, factkit.extract(open(f, encoding="utf-8").read(), ref_date="2026-02-25"))
            for f in files]
    got = sorted(zip(frame["source"], frame["text"], frame["start"], frame["value"]),
                 key=lambda r: (r[0], r[2], r[1]))
    want = sorted(_expected(docs), key=lambda r: (r[0], r[2], r[1]))
    assert len(got) == len(want)
    for (gs, gt, gp, gv), (ws, wt, wp, wv) in zip(got, want):
        assert (gs, gt, gp) == (ws, wt, wp)
        assert (pd.isna(gv) and wv is None) or float(wv) == gv
    assert set(frame["type"]) == {"figure", "date", "place", "organization"}
    assert str(pd.Timestamp(frame["ref_date"].iloc[0]).date()) == "2026-02-25"


def test_cli_csv_keeps_numbers_exact_and_filters_kinds(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("补贴0.000000000001元，投资12345678901234567890123456789012元，2025年",
                       encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert main(["extract", str(article), "-o", str(out), "--only", "figures"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "0.000000000001" in text and "E-" not in text
    assert "12345678901234567890123456789012" in text
    frame = pd.read_csv(out)
    assert set(frame["type"]) == {"figure"}


def test_cli_statements_table(tmp_path):
    out = tmp_path / "statements.csv"
    assert main(["extract", str(SEED), "-o", str(out), "--only", "statements"]) == 0
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {"metric", "relation", "basis", "subject", "period", "value"} <= set(header)
