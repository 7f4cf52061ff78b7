"""Comparison of extracted facts with a hand annotation (tests/seeds/expected_facts.yaml and
tests/regions/expected_facts.yaml): precision and recall per kind, with a report of what is
missing, extra and wrong. Records are pydantic models or the annotation's dicts."""
from __future__ import annotations

from conftest import as_decimal

FIGURE_FIELDS = ("text", "start", "end", "value", "low", "high", "qualifier", "kind", "unit")
DATE_FIELDS = ("first_day", "last_day", "granularity", "calendar", "relative")
PLACE_FIELDS = ("name", "level", "code", "path")
ORGANIZATION_FIELDS = ("kind", "place")


def get(record, key):
    return record.get(key) if isinstance(record, dict) else getattr(record, key)


def figure_key(record) -> tuple:
    return tuple(as_decimal(get(record, k)) if k in ("value", "low", "high") else get(record, k)
                 for k in FIGURE_FIELDS)


def precision_recall(expected: list[tuple], found: list[tuple]) -> tuple[float, float]:
    hits = len(set(expected) & set(found))
    precision = hits / len(found) if found else 1.0
    recall = hits / len(expected) if expected else 1.0
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def span(record) -> tuple:
    return get(record, "start"), get(record, "end"), get(record, "text")


def _values(record, fields: tuple[str, ...]) -> tuple:
    return tuple(tuple(v) if isinstance(v := get(record, f), (list, tuple)) else v
                 for f in fields)


def compare(name: str, kind: str, expected_records: list, found_records: list,
            fields: tuple[str, ...]) -> tuple[float, float, float, str]:
    """Span precision and recall of ``kind``, and on how many of the mentions found at the
    right span the annotated ``fields`` also agree; with a report of the differences."""
    expected = {span(r): _values(r, fields) for r in expected_records}
    found = {span(r): _values(r, fields) for r in found_records}
    precision, recall = precision_recall(list(expected), list(found))
    matched = set(expected) & set(found)
    wrong = sorted((s, expected[s], found[s]) for s in matched if expected[s] != found[s])
    agreement = 1 - len(wrong) / len(matched) if matched else 1.0
    report = (f"{name}: {kind} precision {precision:.3f}, recall {recall:.3f}, "
              f"{'/'.join(fields)} right on {agreement:.3f}\n"
              f"missing: {sorted(set(expected) - set(found))}\n"
              f"extra: {sorted(set(found) - set(expected))}\nwrong: {wrong}")
    return precision, recall, agreement, report


def strict_precision_recall(expected_records: list, found_records: list,
                            fields: tuple[str, ...]) -> tuple[float, float]:
    """A mention counts only when its span and every one of ``fields`` agree."""
    def keys(records):
        return [span(r) + _values(r, fields) for r in records]
    return precision_recall(keys(expected_records), keys(found_records))
