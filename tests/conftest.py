from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, Optional, Union

import yaml
from pydantic import BaseModel

from factkit import DateMention, Document, Figure, Organization, Place

TESTS = Path(__file__).parent
REPO = TESTS.parent
SEEDS = REPO / "seeds"


def load_yaml(name: str):
    return yaml.safe_load((TESTS / name).read_text(encoding="utf-8"))


def corpus_strings(*names: str) -> list[str]:
    """Every string (phrases, expected texts, notes) of the named corpora, in file order: text
    for tests that check a property on whatever the corpora hold."""
    strings: list[str] = []

    def walk(value) -> None:  # type: ignore[no-untyped-def]
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
    for name in names:
        walk(load_yaml(f"corpus/{name}.yaml"))
    return strings


def as_decimal(value):
    """YAML numbers arrive as int/float; compare them as the decimals they were written as."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value))


class _Mention(BaseModel):
    text: str
    start: int
    end: int


class _Statement(BaseModel):
    """A statement record with API.md's fields, for documents built in the tests of the
    views (tables, HTML) independently of the statements extractor."""

    figure: Figure
    metric: Optional[_Mention] = None
    relation: Literal["level", "change", "share", "target", "other"]
    basis: Optional[Literal["yoy", "mom", "vs_previous"]] = None
    subject: Optional[Union[Place, Organization]] = None
    period: Optional[DateMention] = None
    sentence_start: int
    sentence_end: int


class _DocumentWithStatements(Document):
    statements: list[Any] = []


GROWTH = "2025年，郴州市地区生产总值同比增长6.8%。"


def with_growth_statements(doc: Document) -> Document:
    """``doc`` (extracted from GROWTH) with two statements: one complete, one bare."""
    figure = doc.figures[0]
    place = next(p for p in doc.places if p.name == "郴州市")
    full = _Statement(figure=figure, metric=_Mention(text="地区生产总值", start=9, end=15),
                      relation="change", basis="yoy", subject=place, period=doc.dates[0],
                      sentence_start=0, sentence_end=len(GROWTH))
    bare = _Statement(figure=figure, relation="level", sentence_start=0, sentence_end=3)
    fields = {k: v for k, v in dict(doc).items() if k != "statements"}
    made = _DocumentWithStatements(**fields, statements=[full, bare])
    made._text = doc.text
    return made
