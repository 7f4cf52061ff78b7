"""factkit: structured facts from Chinese news articles, as typed Pydantic records.

>>> import datetime, factkit
>>> doc = factkit.extract("GDP已跨越3500亿元大关，关联企业54家。")
>>> [(f.text, f.value, f.unit) for f in doc.figures]
[('3500亿元', Decimal('350000000000'), 'CNY'), ('54家', Decimal('54'), '家')]
"""
from __future__ import annotations

import datetime
import decimal
import importlib
from typing import TYPE_CHECKING, Any

from .models import DateMention, Document, Fact, Figure, Mention, Organization, Place, Statement
from .numerals import parse_number
from .pipeline import Pipeline

if TYPE_CHECKING:
    from .batch import Result, extract_many, pipe, read_jsonl
    from .html import render_html, render_report
    from .stream import iter_facts
    from .tables import to_frame

# Imported on first use: a script that only calls extract() should not pay at start-up for
# worker processes, HTML or tables (multiprocessing alone costs as much as the records).
_LAZY = {"Result": "batch", "extract_many": "batch", "pipe": "batch", "read_jsonl": "batch",
         "render_html": "html", "render_report": "html", "iter_facts": "stream",
         "to_frame": "tables"}


_LAZY_MODULES = frozenset(("batch", "html", "stream", "tables", "summary", "cli",
                           "spacy_component"))


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:  # factkit.batch.extract_many without importing factkit.batch
        return importlib.import_module(f".{name}", __name__)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'factkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | _LAZY_MODULES)

__all__ = [
    "extract", "iter_facts", "extract_many", "pipe", "read_jsonl", "to_frame", "Result",
    "render_html", "render_report", "parse_number", "Pipeline", "Document", "Fact", "Figure",
    "DateMention", "Place", "Organization", "Statement", "Mention", "__version__",
]

__version__ = "0.1.0"

_default_pipeline: Pipeline | None = None
_DECIMAL_DIGITS = 34


def extract(text: str, ref_date: datetime.date | str | None = None, *,
            source: str | None = None, keep_text: bool = True) -> Document:
    """Extract every fact from ``text``.

    ``ref_date`` is the day the article speaks from (its publication date); relative and
    year-less dates resolve against it. A ``datetime`` counts by its date, and an ISO string
    (``"2026-02-25"``) is accepted for convenience. ``source`` (a file name, a URL) is kept in
    ``doc.source``; the text itself is kept in ``doc.text`` (a reference, not serialized;
    ``keep_text=False`` leaves it out, e.g. to free huge texts early). Raises
    ``TypeError`` for a non-string text or a ref_date of another type, ``ValueError`` for a
    malformed ref_date string.
    """
    if not isinstance(text, str):
        raise TypeError(f"factkit.extract() needs text as str, not {type(text).__name__}"
                        + (" (decode bytes first, e.g. data.decode('utf-8'))"
                           if isinstance(text, (bytes, bytearray)) else ""))
    if source is not None and not isinstance(source, str):
        raise TypeError(f"source must be a str or None, not {type(source).__name__}")
    document = _extract(text, _as_date(ref_date), source)
    if not keep_text:
        document._text = None
    return document


def _extract(text: str, ref_date: datetime.date | None, source: str | None = None) -> Document:
    """extract() without the argument checks, for callers that made them."""
    global _default_pipeline
    if _default_pipeline is None:
        _default_pipeline = Pipeline()
    with decimal.localcontext() as context:
        # figures multiply numerals by scale words and units: at Decimal's default 28 digits a
        # long amount would be rounded. 34 (decimal128, as parse_number) keeps every amount of
        # up to 34 significant digits exact, and an inexact quotient (三分之一) to 34 digits.
        context.prec = _DECIMAL_DIGITS
        document = _default_pipeline(text, ref_date)
    if source is not None:
        document = document.model_copy(update={"source": source})
    # (the private attribute set in its dict: pydantic's ``__setattr__`` costs a tenth as
    # much as building the whole document)
    private = document.__pydantic_private__
    assert private is not None   # a Document has a private attribute: pydantic made the dict
    private["_text"] = text
    return document


def _as_date(ref_date: object) -> datetime.date | None:
    if ref_date is None:
        return None
    if isinstance(ref_date, datetime.datetime):
        return ref_date.date()
    if isinstance(ref_date, datetime.date):
        return ref_date
    if isinstance(ref_date, str):
        try:
            return datetime.date.fromisoformat(ref_date.strip())
        except ValueError:
            raise ValueError(f"ref_date {ref_date!r} is not a date in YYYY-MM-DD form") from None
    raise TypeError(f"ref_date must be a datetime.date, an ISO date string or None, "
                    f"not {type(ref_date).__name__}")
