"""normalize -> extractors -> overlap policy -> Document."""
from __future__ import annotations

import bisect
import datetime
import gc
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any, Generic, NamedTuple, Protocol, TypeVar, cast

from pydantic import BaseModel

from . import dates, figures, orgs, places, statements
from .candidates import Candidate, Context
from .models import DateMention, Document, Fact, Figure, Organization, Place
from .normalize import NormalizedText, normalize
from .overlaps import resolve

__all__ = ["Pipeline", "Extractor", "DEFAULT_EXTRACTORS", "RecordFactory"]

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
    ``Pipeline(extractors=[factkit.figures.extract])``. Records are built without validating
    again what the extractors produced (see ``RecordFactory``); ``validate_records=True``
    validates every record, for tests and for extractors under development.
    """

    def __init__(self, extractors: Sequence[Extractor] = DEFAULT_EXTRACTORS,
                 overlap_policy: OverlapPolicy = resolve, *,
                 validate_records: bool = False) -> None:
        self.extractors = tuple(extractors)
        self.overlap_policy = overlap_policy
        self._factories: dict[str, _RecordBuilder] = {
            fact: _Validating(record_type) if validate_records else RecordFactory(record_type)
            for fact, record_type in _RECORD_TYPES.items()}
        # (pydantic's ``model_construct`` costs as much as building a hundred records)
        self._document: Callable[[dict[str, Any]], Document] = (
            (lambda values: Document(**values)) if validate_records
            else RecordFactory(Document))

    def __call__(self, text: str, ref_date: datetime.date | None = None) -> Document:
        with _cycle_collection_paused():
            kept, ntext, context = self._extract(text, ref_date)
            spans: dict[str, statements.NormalizedSpans] = {}
            lists = self._build(kept, ntext, 0, spans)
            # statements read the final records (after the overlap policy) against the same text
            figures = cast(list[Figure], lists["figures"])
            dates_ = cast(list[DateMention], lists["dates"])
            places_ = cast(list[Place], lists["places"])
            organizations = cast(list[Organization], lists["organizations"])
            found = statements.build(ntext, figures, dates_, places_, organizations,
                                     context.ref_date, spans=spans)
        # the lists are built here and hold records only: nothing left to validate
        return self._document({"figures": figures, "dates": dates_, "places": places_,
                               "organizations": organizations, "ref_date": context.ref_date,
                               "ref_date_inferred": context.ref_date_inferred,
                               "warnings": context.warnings, "statements": found})

    def records(self, text: str, ref_date: datetime.date | None = None,
                offset: int = 0) -> tuple[dict[str, list[Fact]], Context]:
        """The records of ``text`` by Document field, each list in order of start, and the
        context the extractors left (reference date, warnings). ``offset`` is added to every
        record's start and end, for a piece of a longer text (see ``factkit.stream``)."""
        with _cycle_collection_paused():
            kept, ntext, context = self._extract(text, ref_date)
            return self._build(kept, ntext, offset), context

    def _extract(self, text: str, ref_date: datetime.date | None
                 ) -> tuple[list[Candidate], NormalizedText, Context]:
        ntext = normalize(text)
        context = Context(ref_date=ref_date)
        candidates: list[Candidate] = []
        for extractor in self.extractors:
            context.found = candidates  # what earlier extractors found, for the later ones
            try:
                candidates.extend(extractor(ntext, context))
            except Exception as error:  # noqa: BLE001 - extract never raises on a str
                # A fault in one extractor must not cost the reader the other kinds: say what
                # failed, in the document, and go on (the fuzz tests keep this path empty).
                name = getattr(extractor, "__module__", "") or repr(extractor)
                context.warnings.append(f"{name} failed on this text and found nothing: "
                                        f"{type(error).__name__}: {error}")
        kept = list(self.overlap_policy(candidates))
        # Offsets map to the original monotonically, so candidates in (start, end) order give
        # records in order; the default policy returns them so, a custom one may not.
        if self.overlap_policy is not resolve and any(
                (b.start, b.end) < (a.start, a.end) for a, b in pairwise(kept)):
            kept.sort(key=lambda c: (c.start, c.end))
        # Only the kept candidates live on, and each only until its record is built, so a text
        # of a million facts never holds a million candidates and records at once.
        del candidates
        context.found = []
        context.places = []
        return kept, ntext, context

    def _build(self, kept: list[Candidate], ntext: NormalizedText, offset: int,
               spans: dict[str, statements.NormalizedSpans] | None = None
               ) -> dict[str, list[Fact]]:
        """The records of ``kept`` (in order of start, as ``_extract`` leaves them), with
        ``offset`` added to their offsets; ``kept`` is emptied on the way. ``spans``, if given,
        is filled with where the records stand in the normalized text, by Document field, in
        the order of the records: statements read them there, and would otherwise map each
        record's offsets back."""
        lists: dict[str, list[Fact]] = {name: [] for name in _DOCUMENT_FIELDS.values()}
        strings: dict[str, str] = {}  # one object per distinct text of this document
        written = ntext.written
        # per kind of fact, the builder of its records and where they go
        builders = {fact: (factory.located, lists[_DOCUMENT_FIELDS[fact]].append)
                    for fact, factory in self._factories.items()}
        if spans is not None:
            spans.update({name: ([], []) for name in _DOCUMENT_FIELDS.values()})
            span_adders = {fact: (spans[name][0].append, spans[name][1].append)
                           for fact, name in _DOCUMENT_FIELDS.items()}
        # Offsets go back to the original as ``span_to_original`` maps them, written out: every
        # record of a joined text asks, and in order of start the cuts before a start are
        # counted on from the record before rather than searched for.
        positions, shifts = ntext.offsets.cut_positions, ntext.offsets.cut_shifts
        cut_count = len(positions)
        k = 0   # how many cuts stand at or before the start of the record before
        kept.reverse()
        while kept:
            candidate = kept.pop()
            start, end = candidate.start, candidate.end
            fact = candidate.fact
            if spans is not None:
                add_start, add_end = span_adders[fact]
                add_start(start)
                add_end(end if end > start else start)   # (max() costs more)
            text = written[start:end]
            if end < start:   # an empty span, not a negative one
                end = start
            if cut_count:   # (most texts have no layout break: their offsets are the original's)
                if k and positions[k - 1] > start:   # out of order: count again
                    k = bisect.bisect_right(positions, start)
                while k < cut_count and positions[k] <= start:
                    k += 1
                shift = shifts[k - 1] if k else 0
                if k < cut_count and positions[k] < end:   # a cut inside the span
                    end += shifts[bisect.bisect_right(positions, end - 1, k) - 1] - shift
                start += shift
                end += shift
            build, add = builders[fact]
            add(build(strings.setdefault(text, text), start + offset, end + offset,
                      candidate.fields))
        return lists


class _cycle_collection_paused:
    """Extraction makes candidates, records and statements by the million on a long text, and
    none of them forms a reference cycle: the cycle collector would walk the growing heap again
    and again for nothing (a third of the time on a text dense with figures).

    A class rather than a ``contextmanager`` generator: it is entered once per ``extract``
    call, and the generator's machinery cost a tenth of a call on a short text."""

    __slots__ = ("was_enabled",)

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        if self.was_enabled:
            gc.disable()

    def __exit__(self, *exception: object) -> None:
        if self.was_enabled:
            gc.enable()


_MISSING = object()
_Record = TypeVar("_Record", bound=BaseModel)


class _RecordBuilder(Protocol):
    def __call__(self, values: dict[str, Any]) -> Fact: ...

    def located(self, text: str, start: int, end: int, fields: dict[str, Any]) -> Fact: ...


class _Validating:
    """Builds records through pydantic's validation (``validate_records=True``)."""

    def __init__(self, record_type: type[Fact]) -> None:
        self.record_type = record_type

    def __call__(self, values: dict[str, Any]) -> Fact:
        return self.record_type(**values)

    def located(self, text: str, start: int, end: int, fields: dict[str, Any]) -> Fact:
        return self.record_type(text=text, start=start, end=end, **fields)


_set_attribute = object.__setattr__
# ``object.__new__`` called as such: through the record type it goes by a checking wrapper
_new_instance = object.__new__
# pydantic keeps three values per record in slots: their descriptors' setters are called
# directly, which costs less than ``object.__setattr__`` finding them by name.
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class RecordFactory(Generic[_Record]):
    """Builds records of one type from values that are already right, without validating
    them again (what ``model_construct`` does, without its per-field loop), and small:

    - one fields-set object is shared by every record built from the same keys: pydantic keeps
      a set of the fields given per instance, which would cost more than the rest of a small
      record;
    - the values are stored as the record's attributes, rather than by handing the record a
      dict of its own as pydantic does: Python then keeps them in its compact per-class layout,
      with keys shared by every record of the type (about 260 bytes for an 11-field record,
      against 550 with a dict of its own), and ``__dict__`` is a view of them.

    Records built here equal records built with validation (``tests/test_records.py`` checks
    it on the corpora and the seeds). Values that would not validate as they are (a missing
    required field, an unknown one) go through validation, which raises and says what is
    wrong.
    """

    def __init__(self, record_type: type[_Record]) -> None:
        if record_type.__new__ is not object.__new__:
            raise TypeError(f"{record_type.__name__} makes its instances itself (__new__)")
        self.record_type = record_type
        self.template: dict[str, Any] = {}
        self.required: list[str] = []
        self.factories: list[tuple[str, Callable[..., Any]]] = []
        self.first_field = next(iter(record_type.model_fields))
        for name, field in record_type.model_fields.items():
            if field.default_factory is not None:
                self.template[name] = _MISSING
                self.factories.append((name, field.default_factory))
            elif field.is_required():
                self.template[name] = _MISSING
                self.required.append(name)
            else:
                if isinstance(field.default, (list, dict, set)):
                    raise TypeError(f"{record_type.__name__}.{name}: a mutable default needs "
                                    "a default_factory")
                self.template[name] = field.default
        # Records of a kind are built from the same few sets of keys: what depends on the keys
        # only (are they complete and known, the fields-set object, the default factories
        # still to call, do they come in the order of the fields) is worked out once per set.
        self._by_keys: dict[tuple[str, ...], _KeySet] = {}
        # the same for ``located``, by the keys after the location, for the sets in order
        self._by_keys_after_location: dict[tuple[str, ...], _KeySet] = {}
        self._location_first = tuple(record_type.model_fields)[:3] == ("text", "start", "end")
        # private attributes (a Document's ``_text``) start at their defaults, as pydantic's
        self.private: dict[str, Any] | None = {
            name: attribute.get_default()
            for name, attribute in record_type.__private_attributes__.items()} or None

    def __call__(self, values: dict[str, Any]) -> _Record:
        known = self._by_keys.get(tuple(values))
        if known is None:
            keys = tuple(values)
            if not self.template.keys() >= set(keys) or not set(keys) >= set(self.required):
                return self.record_type(**values)   # validation says what is wrong
            known = self._by_keys.setdefault(keys, self._key_set(keys))
        fields_set, factories, after = known
        record: _Record = _new_instance(self.record_type)
        # One attribute is stored first, so that the record's ``__dict__`` is the compact view
        # of its attributes and not empty: ``dict.update`` of an empty dict replaces its table
        # with a copy of the other's, a dict of its own. Every field then goes in, in the order
        # of the fields, so every record of the type shares one key table.
        _set_attribute(record, self.first_field, None)
        attributes = record.__dict__
        if after is None:
            attributes.update(self.template)
            attributes.update(values)
        else:
            attributes.update(values)
            attributes.update(after)
        return _completed(record, attributes, fields_set, factories, self.private)

    def located(self, text: str, start: int, end: int, fields: dict[str, Any]) -> _Record:
        """The record of ``text`` at ``start``-``end`` with the other ``fields``, as the
        pipeline builds one from a candidate: the location goes straight into the record,
        with no dict of all the values made first (a third less work than ``__call__``)."""
        known = self._by_keys_after_location.get(tuple(fields))
        if known is None:
            values = {"text": text, "start": start, "end": end, **fields}
            built = self(values)
            # keys seen for the first time, learned by ``__call__``; remembered here if they
            # come in the order of the fields (others always go through ``__call__``)
            learned = self._by_keys.get(tuple(values))
            if learned is not None and learned.after is not None and self._location_first:
                self._by_keys_after_location[tuple(fields)] = learned
            return built
        fields_set, factories, after = known
        record: _Record = _new_instance(self.record_type)
        _set_attribute(record, "text", text)   # the first field: see ``__call__``
        attributes = record.__dict__
        attributes["start"] = start
        attributes["end"] = end
        attributes.update(fields)
        if after:   # (most often every field is given: nothing to add)
            attributes.update(after)
        return _completed(record, attributes, fields_set, factories, self.private)

    def _key_set(self, keys: tuple[str, ...]) -> _KeySet:
        order = tuple(self.template)
        # values whose keys are the first fields in order go in as they are, the defaults of
        # the remaining fields after them; others need the defaults in first to fix the order
        after = ({name: self.template[name] for name in order[len(keys):]}
                 if order[:len(keys)] == keys else None)
        factories = [(name, factory) for name, factory in self.factories if name not in keys]
        return _KeySet(set(keys), factories, after)


def _completed(record: _Record, attributes: dict[str, Any], fields_set: set[str],
               factories: list[tuple[str, Callable[..., Any]]],
               private: dict[str, Any] | None) -> _Record:
    """The record with the fields of its default factories and pydantic's three slots set."""
    for name, factory in factories:
        attributes[name] = factory()
    _set_fields_set(record, fields_set)
    _set_extra(record, None)
    _set_private(record, None if private is None else private.copy())
    return record


class _KeySet(NamedTuple):
    fields_set: set[str]
    factories: list[tuple[str, Callable[..., Any]]]
    after: dict[str, Any] | None   # defaults of the fields after the given ones, if in order
