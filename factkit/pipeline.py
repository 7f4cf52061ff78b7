"""normalize -> extractors -> overlap policy -> records -> statements -> Document."""
from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

from . import dates, figures, orgs, places, statements
from .candidates import Candidate, Context
from .models import DateMention, Document, Fact, Figure, Organization, Place
from .normalize import NormalizedText, normalize
from .overlaps import resolve

__all__ = ["Pipeline", "Extractor", "DEFAULT_EXTRACTORS"]

Extractor = Callable[[NormalizedText, Context], list[Candidate]]
OverlapPolicy = Callable[[list[Candidate]], list[Candidate]]

# dates run first (an inferred reference date is there for the others); organizations run
# after places, whose mentions give them their place prefix
DEFAULT_EXTRACTORS: tuple[Extractor, ...] = (dates.extract, figures.extract, places.extract,
                                              orgs.extract)

_RECORD_TYPES: dict[str, type[Fact]] = {
    "figure": Figure, "date": DateMention, "place": Place, "organization": Organization,
}
_DOCUMENT_FIELDS = {"figure": "figures", "date": "dates", "place": "places",
                    "organization": "organizations"}


class Pipeline:
    """Runs extractors over normalized text and builds a ``Document``.

    ``extractors`` and ``overlap_policy`` can be swapped, e.g. to run figures only:
    ``Pipeline(extractors=[factkit.figures.extract])``.
    """

    def __init__(self, extractors: Sequence[Extractor] = DEFAULT_EXTRACTORS,
                 overlap_policy: OverlapPolicy = resolve) -> None:
        self.extractors = tuple(extractors)
        self.overlap_policy = overlap_policy

    def __call__(self, text: str, ref_date: datetime.date | None = None) -> Document:
        ntext = normalize(text)
        context = Context(ref_date=ref_date)
        candidates: list[Candidate] = []
        for extractor in self.extractors:
            context.found = candidates  # what earlier extractors found, for the later ones
            candidates.extend(extractor(ntext, context))
        lists: dict[str, list[Fact]] = {name: [] for name in _DOCUMENT_FIELDS.values()}
        for candidate in self.overlap_policy(candidates):
            lists[_DOCUMENT_FIELDS[candidate.fact]].append(_record(candidate, ntext))
        for records in lists.values():
            records.sort(key=lambda r: (r.start, r.end))
        # statements read the final records (after the overlap policy) against the same text
        found = statements.build(ntext, lists["figures"], lists["dates"], lists["places"],
                                 lists["organizations"], context.ref_date)
        return Document(**lists, statements=found, ref_date=context.ref_date,
                        ref_date_inferred=context.ref_date_inferred,
                        warnings=context.warnings)


def _record(candidate: Candidate, ntext: NormalizedText) -> Fact:
    start, end = ntext.span_to_original(candidate.start, candidate.end)
    record_type = _RECORD_TYPES[candidate.fact]
    return record_type(text=ntext.written_text(candidate.start, candidate.end),
                       start=start, end=end, **candidate.fields)
