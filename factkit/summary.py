"""One-line readings of records, for the table view and the HTML page."""
from __future__ import annotations

from typing import Any

__all__ = ["describe"]


def describe(fact: Any) -> str:
    """A short reading of a record's normalized value, for the table view."""
    name = type(fact).__name__
    if name == "Figure":
        if fact.qualifier == "range":
            amount = f"{fact.low}–{fact.high}"
        else:
            amount = f"{fact.value}"
        qualifier = "" if fact.qualifier in ("exact", "range") else f" ({fact.qualifier})"
        return f"{amount} {fact.unit}{qualifier}".strip()
    if name == "DateMention":
        days = (f"{fact.first_day}" if fact.first_day == fact.last_day
                else f"{fact.first_day}..{fact.last_day}")
        return f"{days} [{fact.granularity}]"
    if name == "Place":
        return f"{fact.name} {fact.code or ''} {'/'.join(fact.path)}".strip()
    if name == "Organization":
        return f"{fact.kind} @ {fact.place or '?'}"
    return ""
