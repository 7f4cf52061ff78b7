"""Documents as tables: one row per record, for pandas, CSV and Parquet.

``to_frame(docs, kind)`` needs pandas (``pip install 'factkit[pandas]'``); ``rows(docs, kind)``
gives the same rows as plain dicts without it (the command line's CSV uses them).

Columns: ``document`` (the document's position in the input), ``source`` and ``ref_date`` of
its document, then the record's fields in the order of the model (``facts`` adds ``type``:
figure, date, place or organization, and has the columns of every kind). Lists are joined:
a place's ``path`` with "/", its ``candidates`` with ";". A statement's row is its figure's
fields followed by ``metric`` (text) with ``metric_start``/``metric_end``, ``relation``,
``basis``, ``subject`` (the name) with ``subject_type`` and ``subject_code``, ``period`` (text)
with ``period_first_day``/``period_last_day``/``period_granularity``, and the sentence bounds.
"""
from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .batch import Result
from .models import DateMention, Document, Fact, Figure, Organization, Place

if TYPE_CHECKING:
    import pandas

__all__ = ["to_frame", "rows", "columns", "KINDS"]

KINDS = ("figures", "dates", "places", "organizations", "statements", "facts")
TYPE_OF: dict[type, str] = {Figure: "figure", DateMention: "date", Place: "place",
                            Organization: "organization"}
_MODEL_OF: dict[str, type[Fact]] = {"figures": Figure, "dates": DateMention, "places": Place,
                                    "organizations": Organization}
_DOCUMENT_COLUMNS = ("document", "source", "ref_date")
_STATEMENT_PARTS = ("metric", "metric_start", "metric_end", "relation", "basis", "subject",
                    "subject_type", "subject_code", "period", "period_first_day",
                    "period_last_day", "period_granularity", "sentence_start", "sentence_end")
_JOINERS = {"path": "/", "candidates": ";"}


def columns(kind: str) -> list[str]:
    """The columns of ``kind``'s table, in order."""
    _check_kind(kind)
    if kind == "facts":
        names: list[str] = ["type"]
        for model in _MODEL_OF.values():
            names += [n for n in model.model_fields if n not in names]
        return [*_DOCUMENT_COLUMNS, *names]
    if kind == "statements":
        return [*_DOCUMENT_COLUMNS, *Figure.model_fields, *_STATEMENT_PARTS]
    return [*_DOCUMENT_COLUMNS, *_MODEL_OF[kind].model_fields]


def rows(doc_or_docs: Document | Iterable[Document | Result],
         kind: str) -> Iterator[dict[str, Any]]:
    """The table of ``kind`` as dicts of Python values (Decimal, date, str, bool, None)."""
    _check_kind(kind)
    documents = [doc_or_docs] if isinstance(doc_or_docs, Document) else doc_or_docs
    if isinstance(documents, (str, bytes)) or not isinstance(documents, Iterable):
        raise TypeError(f"to_frame() takes a factkit.Document or an iterable of them, not "
                        f"{type(doc_or_docs).__name__}")
    for number, item in enumerate(documents):
        doc = item.document if isinstance(item, Result) else item  # extract_many's results
        if doc is None:
            continue  # a file that failed: its error is in the Result
        if not isinstance(doc, Document):
            raise TypeError(f"item {number} is a {type(doc).__name__}, not a factkit.Document")
        head = {"document": number, "source": doc.source, "ref_date": doc.ref_date}
        if kind == "statements":
            for statement in getattr(doc, "statements", None) or []:
                yield {**head, **_statement_row(statement)}
        elif kind == "facts":
            for fact in doc.facts:
                yield {**head, "type": TYPE_OF.get(type(fact), type(fact).__name__.lower()),
                       **_record_row(fact)}
        else:
            for record in getattr(doc, kind):
                yield {**head, **_record_row(record)}


def to_frame(doc_or_docs: Document | Iterable[Document | Result], kind: str = "facts", *,
             exact: bool = False) -> pandas.DataFrame:
    """A pandas DataFrame of one kind of record of one document or many.

    ``doc_or_docs`` is a Document or an iterable of them (``pipe``'s output, or
    ``extract_many``'s results, whose failed files are left out). ``kind`` is "figures",
    "dates", "places", "organizations", "statements" or "facts" (every figure, date, place and
    organization in one table, told apart by a ``type`` column).
    Numbers (``value``, ``low``, ``high``) are float64 columns by default, fine for sums and
    charts; ``exact=True`` keeps them as ``Decimal`` objects, every digit as written. Days
    (``first_day``, ``last_day``, ``ref_date``) are ``datetime64[s]`` columns. Needs pandas:
    ``pip install 'factkit[pandas]'``.
    """
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("factkit.to_frame() needs pandas: pip install 'factkit[pandas]'") \
            from None
    names = columns(kind)
    table = list(rows(doc_or_docs, kind))
    names += [n for row in table[:1] for n in row if n not in names]
    return pd.DataFrame({name: _column(pd, [row.get(name) for row in table], name, exact)
                         for name in names}, columns=names)


_NUMBER_COLUMNS = {"value", "low", "high"}
_DAY_COLUMNS = {"ref_date", "first_day", "last_day", "period_first_day", "period_last_day"}
_INT_COLUMNS = {"document", "start", "end", "metric_start", "metric_end", "sentence_start",
                "sentence_end"}


def _column(pd: Any, values: list[Any], name: str, exact: bool) -> Any:
    sample = next((v for v in values if v is not None), None)
    if name in _NUMBER_COLUMNS or isinstance(sample, Decimal):
        if exact:
            return pd.Series(values, dtype=object)
        return pd.Series([None if v is None else float(v) for v in values], dtype="float64")
    if name in _DAY_COLUMNS or (isinstance(sample, datetime.date)
                                and not isinstance(sample, datetime.datetime)):
        return pd.Series([None if v is None else datetime.datetime(v.year, v.month, v.day)
                          for v in values], dtype="datetime64[s]")
    if name in _INT_COLUMNS or (isinstance(sample, int) and not isinstance(sample, bool)):
        return pd.Series(values, dtype="Int64" if None in values else "int64")
    if isinstance(sample, bool) and None not in values:
        return pd.Series(values, dtype=bool)
    return pd.Series(values, dtype=object)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")


def _record_row(record: BaseModel) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, list):
            value = _JOINERS.get(name, ";").join(map(str, value))
        elif isinstance(value, BaseModel):
            value = getattr(value, "text", str(value))
        row[name] = value
    return row


def _statement_row(statement: Any) -> dict[str, Any]:
    """A statement as its figure's row plus what the figure measures, for whom and when."""
    row = _record_row(statement.figure)
    metric = getattr(statement, "metric", None)
    subject = getattr(statement, "subject", None)
    period = getattr(statement, "period", None)
    row.update({
        "metric": metric.text if metric else None,
        "metric_start": metric.start if metric else None,
        "metric_end": metric.end if metric else None,
        "relation": getattr(statement, "relation", None),
        "basis": getattr(statement, "basis", None),
        "subject": subject.name if subject else None,
        "subject_type": TYPE_OF.get(type(subject)) if subject else None,
        "subject_code": getattr(subject, "code", None) if subject else None,
        "period": period.text if period else None,
        "period_first_day": period.first_day if period else None,
        "period_last_day": period.last_day if period else None,
        "period_granularity": period.granularity if period else None,
        "sentence_start": getattr(statement, "sentence_start", None),
        "sentence_end": getattr(statement, "sentence_end", None),
    })
    # fields a later version adds come along under their own names
    for name in getattr(type(statement), "model_fields", {}):
        if name not in row and name not in ("figure", "metric", "subject", "period"):
            value = getattr(statement, name)
            row[name] = value.text if isinstance(value, BaseModel) and hasattr(
                value, "text") else value
    return row


class TableWriter:
    """Rows of many documents written as they come: CSV (any stream) or Parquet (a file,
    one row group per few hundred documents). Numbers are exact in CSV (plain notation) and
    float64 in Parquet; days are ISO dates in CSV and date32 in Parquet."""

    def __init__(self, target: Any, fmt: str, kind: str, types: Iterable[str] | None = None,
                 batch: int = 200) -> None:
        self.format, self.kind = fmt, kind
        self.types = set(types) if types is not None else None
        self.names = columns(kind)
        self.target = target
        self.pending: list[dict[str, Any]] = []
        self.batch = batch
        self.documents = 0
        self.parquet: Any = None
        if fmt == "csv":
            import csv

            self.csv = csv.DictWriter(target, fieldnames=self.names, extrasaction="ignore")
            self.csv.writeheader()
        elif fmt != "parquet":
            raise ValueError(f"a table is written as csv or parquet, not {fmt}")

    def add(self, doc: Document, number: int | None = None) -> None:
        for row in rows(doc, self.kind):
            if self.types is not None and row.get("type") not in self.types:
                continue
            row["document"] = self.documents if number is None else number
            if self.format == "csv":
                self.csv.writerow({k: _csv_cell(v) for k, v in row.items()})
            else:
                self.pending.append(row)
        self.documents += 1
        if self.format == "parquet" and self.documents % self.batch == 0:
            self._flush()

    def close(self) -> None:
        if self.format == "parquet":
            self._flush(final=True)
            if self.parquet is not None:
                self.parquet.close()

    def _flush(self, final: bool = False) -> None:
        if not self.pending and not (final and self.parquet is None):
            return
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise ImportError("Parquet output needs pyarrow: pip install 'factkit[pandas]'") \
                from None
        schema = pa.schema([(name, _arrow_type(pa, name)) for name in self.names])
        data = {name: [_arrow_cell(row.get(name), name) for row in self.pending]
                for name in self.names}
        table = pa.Table.from_pydict(data, schema=schema)
        if self.parquet is None:
            self.parquet = pq.ParquetWriter(self.target, schema)
        self.parquet.write_table(table)
        self.pending = []


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def _arrow_type(pa: Any, name: str) -> Any:
    if name in _NUMBER_COLUMNS:
        return pa.float64()
    if name in _DAY_COLUMNS:
        return pa.date32()
    if name in _INT_COLUMNS:
        return pa.int64()
    if name == "relative":
        return pa.bool_()
    return pa.string()


def _arrow_cell(value: Any, name: str) -> Any:
    if value is None or name in _DAY_COLUMNS or name in _INT_COLUMNS or name == "relative":
        return value
    if name in _NUMBER_COLUMNS:
        return float(value)
    return value if isinstance(value, str) else _csv_cell(value)
