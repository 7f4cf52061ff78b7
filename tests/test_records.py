"""Records as the pipeline builds them (without validating again) equal records built with
full validation, field by field and type by type, on every corpus phrase and on the seeds;
and they stay small."""
from __future__ import annotations

import datetime
import tracemalloc

import pytest

import factkit
from conftest import SEEDS, load_yaml
from factkit.pipeline import Pipeline, RecordFactory
from factkit.models import Figure, Place

FAST = Pipeline()
VALIDATED = Pipeline(validate_records=True)
FIELDS = ("figures", "dates", "places", "organizations")


def _corpus_cases():
    for name in ("figures", "dates", "orgs", "places"):
        corpus = load_yaml(f"corpus/{name}.yaml")
        default_ref = corpus.get("ref")
        for case in corpus.get("positive", []) + corpus.get("xfail", []):
            yield case["in"], case.get("ref", default_ref)
        for text in corpus.get("negative", []):
            yield text, default_ref


CASES = [(text, ref) for text, ref in _corpus_cases()]
CASES += [(path.read_text(encoding="utf-8"), ref)
          for path in sorted(SEEDS.glob("*.txt")) for ref in (None, datetime.date(2026, 2, 25))]


def _same(fast, validated) -> None:
    assert type(fast) is type(validated)
    assert fast == validated
    assert fast.model_dump_json() == validated.model_dump_json()
    assert fast.model_fields_set == validated.model_fields_set
    for name in type(fast).model_fields:
        a, b = getattr(fast, name), getattr(validated, name)
        assert type(a) is type(b), f"{name}: {type(a).__name__} vs {type(b).__name__}"


def test_fast_records_equal_validated_records():
    compared = 0
    for text, ref in CASES:
        fast, validated = FAST(text, ref), VALIDATED(text, ref)
        assert fast == validated, text[:40]
        assert fast.model_dump_json() == validated.model_dump_json()
        # the document itself is built the fast way too: the same fields, set and private
        assert list(fast.__dict__) == list(validated.__dict__)
        assert fast.model_fields_set == validated.model_fields_set
        assert fast.__pydantic_private__ == validated.__pydantic_private__ == {"_text": None}
        for field in FIELDS:
            assert len(getattr(fast, field)) == len(getattr(validated, field))
            for a, b in zip(getattr(fast, field), getattr(validated, field)):
                _same(a, b)
                compared += 1
    assert compared > 1000


def test_factory_validates_what_it_cannot_build():
    factory = RecordFactory(Figure)
    with pytest.raises(ValueError):  # pydantic's ValidationError: kind and unit missing
        factory({"text": "5", "start": 0, "end": 1, "value": 5})
    with pytest.raises(ValueError):  # an unknown field
        factory({"text": "5", "start": 0, "end": 1, "value": 5, "kind": "count", "unit": "",
                 "colour": "red"})


def test_default_factories_give_each_record_its_own_list():
    factory = RecordFactory(Place)
    a = factory({"text": "郴州", "start": 0, "end": 2, "name": "郴州市", "level": "prefecture"})
    b = factory({"text": "郴州", "start": 5, "end": 7, "name": "郴州市", "level": "prefecture"})
    assert a.path == [] and a.path is not b.path


def test_records_stay_small():
    """A document of many facts costs a few hundred bytes per fact, and building it a few
    hundred more at most (candidates go as their records are built)."""
    factkit.extract("1年郴州市")  # lexicons load outside the measure
    text = "，1年郴州市" * 2_000
    tracemalloc.start()
    try:
        doc = factkit.extract(text)
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(doc.figures) + len(doc.places) == 4_000
    # a statement is a record users keep too (it refers to the figure, not a copy of it)
    facts = len(doc.figures) + len(doc.places) + len(doc.statements)
    assert retained / facts < 800, f"{retained / facts:.0f} bytes per fact kept"
    assert (peak - retained) / facts < 500, f"{(peak - retained) / facts:.0f} bytes per fact"


@pytest.mark.parametrize("fields", [
    {"name": "郴州市", "level": "prefecture"},   # in the order of the fields
    {"level": "prefecture", "name": "郴州市"},   # not: goes the long way every time
    {"name": "郴州市", "level": "prefecture", "code": "431000000000", "path": ["湖南省"],
     "candidates": [], "country": "中国"},   # every field given, none from a factory
])
def test_located_builds_what_validation_builds(fields):
    factory = RecordFactory(Place)
    # the first record teaches the factory the keys, the next ones are built from them
    records = [factory.located("郴州", at, at + 2, fields) for at in (0, 5, 9)]
    for record, at in zip(records, (0, 5, 9)):
        validated = Place(text="郴州", start=at, end=at + 2, **fields)
        _same(record, validated)
        assert list(record.__dict__) == list(Place.model_fields)   # the shared key layout
    assert records[1].path is not records[2].path or "path" in fields


def test_located_validates_what_it_cannot_build():
    factory = RecordFactory(Figure)
    for _ in range(2):   # also once the keys are known
        with pytest.raises(ValueError):
            factory.located("5", 0, 1, {"value": 5})
        with pytest.raises(ValueError):
            factory.located("5", 0, 1, {"value": 5, "kind": "count", "unit": "",
                                        "colour": "red"})
