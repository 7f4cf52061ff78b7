"""factkit as a spaCy pipeline component (``pip install 'factkit[spacy]'``).

    import spacy
    nlp = spacy.blank("zh")
    nlp.add_pipe("factkit", config={"ref_date": "2026-02-25"})
    doc = nlp("郴州市GDP达3500亿元")
    [(s.text, s.label_, s._.factkit.unit) for s in doc.spans["factkit"] if s.label_ == "FIGURE"]
    # [('3500亿元', 'FIGURE', 'CNY')]

The factory is registered under the name "factkit" by the ``spacy_factories`` entry point, so
``nlp.add_pipe("factkit")`` works once factkit is installed, without importing it.

Every fact becomes a span in ``doc.spans["factkit"]`` (nested facts kept: a place inside an
organization is two spans) with the label FIGURE, DATE, PLACE or ORG and its record in
``span._.factkit``; ``doc._.factkit`` holds the whole ``factkit.Document``. The outermost
facts that do not overlap each other, nor entities already in ``doc.ents``, are added to
``doc.ents``. The reference date is the component's ``ref_date`` setting, unless the doc
carries its own in ``doc._.factkit_ref_date``.
"""
from __future__ import annotations

import datetime
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import _as_date, _extract
from .models import Document

__all__ = ["FactkitComponent", "make_factkit", "LABELS"]

LABELS = {"Figure": "FIGURE", "DateMention": "DATE", "Place": "PLACE", "Organization": "ORG"}

for _cls, _name in ((Span, "factkit"), (Doc, "factkit"), (Doc, "factkit_ref_date")):
    if not _cls.has_extension(_name):
        _cls.set_extension(_name, default=None)


class FactkitComponent:
    """Runs ``factkit.extract`` on the doc's text and records the facts as spans."""

    def __init__(self, ref_date: str | datetime.date | None = None, spans_key: str = "factkit",
                 set_ents: bool = True) -> None:
        self.ref_date = _as_date(ref_date)
        self.spans_key = spans_key
        self.set_ents = set_ents

    def __call__(self, doc: Doc) -> Doc:
        ref_date = _as_date(doc._.factkit_ref_date) or self.ref_date
        document: Document = _extract(doc.text, ref_date)
        doc._.factkit = document
        spans: list[Span] = []
        for fact in document.facts:
            span = doc.char_span(fact.start, fact.end, label=LABELS[type(fact).__name__],
                                 alignment_mode="expand")
            if span is None:
                continue
            span._.factkit = fact
            spans.append(span)
        doc.spans[self.spans_key] = spans
        if self.set_ents:
            doc.ents = [*doc.ents, *self._top_level(doc, spans)]
        return doc

    @staticmethod
    def _top_level(doc: Doc, spans: list[Span]) -> list[Span]:
        """The longest spans first, each kept when it touches no kept span or entity."""
        taken = [False] * len(doc)
        for ent in doc.ents:
            taken[ent.start:ent.end] = [True] * (ent.end - ent.start)
        chosen: list[Span] = []
        for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
            if not any(taken[span.start:span.end]):
                taken[span.start:span.end] = [True] * (span.end - span.start)
                chosen.append(span)
        return sorted(chosen, key=lambda s: s.start)


@Language.factory("factkit", default_config={"ref_date": None, "spans_key": "factkit",
                                             "set_ents": True})
def make_factkit(nlp: Language, name: str, ref_date: Any, spans_key: str,
                 set_ents: bool) -> FactkitComponent:
    """The spaCy factory behind ``nlp.add_pipe("factkit", config={...})``."""
    return FactkitComponent(ref_date=ref_date, spans_key=spans_key, set_ents=set_ents)

