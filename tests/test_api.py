"""The public API: types, bad input, empty input, records and the JSON schema."""
from __future__ import annotations

import datetime
import json
from pathlib import Path

import pydantic
import pytest

import factkit
from factkit import Document, Figure

SCHEMA = Path(__file__).parent.parent / "examples" / "document.schema.json"


def test_empty_text_gives_an_empty_document():
    doc = factkit.extract("")
    assert doc == Document()
    assert doc.figures == doc.dates == doc.places == doc.organizations == []


@pytest.mark.parametrize("bad", [b"bytes", 42, None, ["list"]])
def test_text_must_be_str(bad):
    with pytest.raises(TypeError, match="str"):
        factkit.extract(bad)


@pytest.mark.parametrize("bad", ["2026-13-01", "yesterday", "2026/02/24"])
def test_malformed_ref_date_names_the_value(bad):
    with pytest.raises(ValueError, match="ref_date"):
        factkit.extract("今年", ref_date=bad)


@pytest.mark.parametrize("bad", [20260224, 3.5, ["2026-02-24"]])
def test_ref_date_of_wrong_type(bad):
    with pytest.raises(TypeError, match="ref_date"):
        factkit.extract("今年", ref_date=bad)


def test_ref_date_forms():
    day = datetime.date(2026, 2, 25)
    assert factkit.extract("x", ref_date=day).ref_date == day
    assert factkit.extract("x", ref_date="2026-02-25").ref_date == day
    assert factkit.extract("x", ref_date=datetime.datetime(2026, 2, 25, 8)).ref_date == day
    assert factkit.extract("x").ref_date is None


def test_offsets_point_into_the_original_input():
    text = "累计发\n\n出预警50起，增长１２％"
    doc = factkit.extract(text)
    assert [f.text for f in doc.figures] == ["50起", "１２％"]
    for f in doc.figures:
        assert text[f.start:f.end] == f.text


def test_records_are_frozen_and_strict():
    figure = factkit.extract("54家").figures[0]
    with pytest.raises(pydantic.ValidationError):
        figure.value = 1  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        Figure(text="x", start=0, end=1, value=1, kind="count", unit="家", color="red")


def test_records_validate_their_invariants():
    with pytest.raises(pydantic.ValidationError):
        Figure(text="x", start=5, end=1, value=1, kind="count", unit="家")
    with pytest.raises(pydantic.ValidationError):
        Figure(text="x", start=0, end=1, low=5, high=1, qualifier="range", kind="count", unit="家")
    with pytest.raises(pydantic.ValidationError):
        Figure(text="x", start=0, end=1, kind="count", unit="家")


def test_document_round_trips_through_json():
    doc = factkit.extract("GDP已跨越3500亿元大关，增长56.67%")
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert json.loads(doc.model_dump_json())["figures"][0]["value"] == "350000000000"


def test_committed_json_schema_is_current():
    """examples/document.schema.json is what Document.model_json_schema() says today.
    Regenerate: python -c "import json,factkit; print(json.dumps(factkit.Document.
    model_json_schema(), ensure_ascii=False, indent=2))" > examples/document.schema.json"""
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert _ours(committed) == _ours(Document.model_json_schema())


def _ours(schema):
    """The schema without what differs between pydantic releases rather than between
    versions of factkit: the string pattern some releases attach to Decimal fields."""
    if isinstance(schema, dict):
        return {k: _ours(v) for k, v in schema.items()
                if not (k == "pattern" and str(v).startswith("^(?!^[-+.]*$)"))}
    if isinstance(schema, list):
        return [_ours(v) for v in schema]
    return schema


def test_public_names():
    for name in ("extract", "parse_number", "Document", "Figure", "DateMention", "Place",
                 "Organization", "Pipeline"):
        assert name in factkit.__all__ and hasattr(factkit, name)


def test_pipeline_is_swappable():
    figures_only = factkit.Pipeline(extractors=[factkit.figures.extract])
    assert [f.text for f in figures_only("54家").figures] == ["54家"]
    nothing = factkit.Pipeline(extractors=[])
    assert nothing("54家") == Document()


def test_document_keeps_its_text_and_a_short_repr():
    text = "GDP已跨越3500亿元大关"
    doc = factkit.extract(text, ref_date="2026-02-25", source="a.txt")
    assert doc.text is text and doc.source == "a.txt"
    assert factkit.extract(text, keep_text=False).text is None
    assert repr(doc).startswith("<Document source='a.txt', figures=1, dates=0, places=0, "
                                "organizations=0, ")
    assert repr(doc).endswith(", ref_date=2026-02-25>") and "\n" not in repr(doc)
    assert "text" not in json.loads(doc.model_dump_json())
    assert doc == factkit.extract(text, ref_date="2026-02-25")  # source is not compared


def test_a_failing_extractor_is_reported_and_the_others_still_run():
    def broken(ntext, context):
        raise KeyError("个多月")

    from factkit import figures
    doc = factkit.Pipeline(extractors=[broken, figures.extract])("增长6.8%")
    assert [f.text for f in doc.figures] == ["6.8%"]
    assert len(doc.warnings) == 1 and "KeyError" in doc.warnings[0]


def test_the_cycle_collector_is_paused_during_extraction_and_restored_after():
    import gc

    seen = []

    def watching(ntext, context):
        seen.append(gc.isenabled())
        return []

    def failing_policy(candidates):
        raise RuntimeError("policy")

    assert gc.isenabled()
    factkit.Pipeline(extractors=[watching])("增长6.8%")
    assert seen == [False] and gc.isenabled()
    with pytest.raises(RuntimeError, match="policy"):   # restored on the way out of an error
        factkit.Pipeline(extractors=[watching], overlap_policy=failing_policy)("增长6.8%")
    assert gc.isenabled()
    gc.disable()   # a caller that paused it itself finds it paused still
    try:
        factkit.Pipeline(extractors=[watching]).records("增长6.8%")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_import_loads_only_what_extract_needs():
    # worker processes, HTML and tables load on first use, and validators on first validation
    probe = ("import sys, factkit\n"
             "heavy = ['concurrent.futures.process', 'multiprocessing', 'factkit.batch',"
             " 'factkit.html', 'factkit.tables']\n"
             "print([m for m in heavy if m in sys.modules])\n"
             "print(factkit.Figure.__pydantic_complete__)\n"
             "factkit.extract('2025年郴州市地区生产总值增长5%。')\n"
             "print(factkit.Figure.__pydantic_complete__)\n"
             "print(factkit.batch.extract_many is factkit.extract_many,"
             " callable(factkit.to_frame), 'render_html' in dir(factkit))\n")
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[:4] == ["[]", "False", "False", "True True True"]
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        factkit.nonesuch  # noqa: B018
