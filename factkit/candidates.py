"""What an extractor hands to the pipeline: a span in the normalized text and the fields of
the record it would become. The pipeline resolves overlaps between candidates and only then
builds records, with offsets mapped back to the original text.

A text of many megabytes makes millions of candidates, so a candidate is slotted (no
per-instance ``__dict__``) and the pipeline drops each one as soon as its record is built."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, Literal

FactType = Literal["figure", "date", "place", "organization"]


# Slotted: a long text yields millions of them. Not frozen: a frozen dataclass sets each field
# through object.__setattr__, which made a candidate cost three times as much to build. Nothing
# changes a candidate once made (a changed candidate is made anew), and it hashes on its span,
# kind and rule as the frozen one did.
@dataclass(slots=True, unsafe_hash=True)
class Candidate:
    start: int                      # half-open span in the normalized text
    end: int
    fact: FactType
    rule: str                       # name of the rule that produced it, for debugging
    # the record's fields but its location (text, start, end), which the pipeline sets
    fields: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Context:
    """What extractors may know about the document besides its text."""

    ref_date: datetime.date | None = None
    ref_date_inferred: bool = False
    warnings: list[str] = field(default_factory=list)
    # the place candidates, once the places extractor has run (organizations use them)
    places: list[Candidate] = field(default_factory=list)
    found: list[Candidate] = field(default_factory=list)
