"""Facts of a huge text, chunk by chunk, in bounded memory.

``iter_facts(text)`` reads ``text`` in chunks of about ``chunk_size`` characters cut at
paragraph ends and yields the records of each chunk (every kind, in order of start, offsets
into the whole text) before reading the next, so a text of 50 MB never holds more than one
chunk's records, candidates and normalized copies at a time.

Where a chunk ends: at the last paragraph end (a line break that ``normalize`` keeps, i.e. one
after a sentence end or next to markup) within ``chunk_size``; in a paragraph longer than that,
at its last sentence end (。！？；); in a sentence longer than that, at the next sentence or
paragraph end after it. A chunk boundary never cuts a sentence, except in text that has no
sentence end for four chunks and more (a dump, one string repeated): that is cut at the chunk
size, and each side is read with a thousand characters of the other, so no mention is cut.

Context across chunks. Each chunk is read together with up to ``context_size`` characters of
the paragraphs before it (whole paragraphs where they fit), and only records that start inside
the chunk are yielded, so what a mention takes from the text just before it — 当天 the day
last named, a year-less date the year of its paragraph, a place the province named before it,
an organization its place prefix — comes out as ``extract`` gives it. What reaches further
back is read from that window only: a county name that fits several divisions is settled by
the places of the window, not of the whole text.

Reference date. A given ``ref_date`` applies to every chunk. With ``ref_date=None``, the
reference date is inferred as ``extract`` infers it, but from the first chunk that allows it
(an article's date is in its opening lines), and then used for every later chunk; dates
before that chunk stay as read without one.
"""
from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import cast

from .models import Fact
from .normalize import (_BREAK_RUN, _SENTENCE_SPLIT, _SPACES_AND_BREAKS, _is_layout_break,
                        _run_start)
from .pipeline import Pipeline

__all__ = ["iter_facts", "chunk_spans"]

CHUNK_SIZE = 200_000
CONTEXT_SIZE = 2_000
# A "sentence" longer than this many chunks is no sentence (a dump without punctuation, one
# string repeated): it is cut at the chunk size, and each side of the cut is read with this
# many characters of the other, more than any mention spans, so no mention is cut.
_LONGEST_SENTENCE = 4
_CUT_OVERLAP = 1_000


def iter_facts(text: str, ref_date: datetime.date | str | None = None, *,
               chunk_size: int = CHUNK_SIZE, context_size: int = CONTEXT_SIZE,
               pipeline: Pipeline | None = None) -> Iterator[Fact]:
    """Yield every record of ``text`` (figures, dates, places, organizations) in order of
    start, reading it in chunks at paragraph ends; see the module docstring."""
    from . import _as_date, _default_pipeline  # the checks and pipeline ``extract`` uses

    if not isinstance(text, str):
        raise TypeError(f"factkit.iter_facts() needs text as str, not {type(text).__name__}")
    if chunk_size < 1 or context_size < 0:
        raise ValueError("chunk_size must be positive and context_size not negative")
    ref = _as_date(ref_date)
    pipeline = pipeline or _default_pipeline or Pipeline()
    cut_before = False
    for start, end, cut in _chunks(text, chunk_size):
        window = _window_start(text, start, context_size)
        if cut_before:  # read the mention the cut went through whole; it was yielded before
            window = min(window, max(0, start - _CUT_OVERLAP))
        read_end = min(len(text), end + _CUT_OVERLAP) if cut else end
        cut_before = cut
        lists, context = pipeline.records(text[window:read_end], ref, offset=window)
        if ref is None and context.ref_date_inferred:
            ref = context.ref_date
        records = [r for records in lists.values() for r in records if start <= r.start < end]
        del lists
        records.sort(key=lambda r: (r.start, r.end))
        yield from records


def chunk_spans(text: str, chunk_size: int = CHUNK_SIZE) -> Iterator[tuple[int, int]]:
    """The (start, end) of each chunk: consecutive, covering ``text``, cut as the module
    docstring says."""
    for start, end, _ in _chunks(text, chunk_size):
        yield start, end


def _chunks(text: str, chunk_size: int) -> Iterator[tuple[int, int, bool]]:
    """(start, end, whether end cuts endless text rather than ending a sentence)."""
    start = 0
    while start < len(text):
        end, cut = _chunk_end(text, start, chunk_size)
        yield start, end, cut
        start = end


def _chunk_end(text: str, start: int, chunk_size: int) -> tuple[int, bool]:
    limit = start + chunk_size
    if limit >= len(text):
        return len(text), False
    end = _last_paragraph_end(text, start, limit)
    if end is None:
        end = _last_sentence_end(text, start, limit)
    if end is None:
        reach = limit + _LONGEST_SENTENCE * chunk_size
        end = _next_boundary(text, limit, reach)
        if end >= reach:
            return limit, True  # no sentence is this long: a cut, read across (iter_facts)
    return end, False


def _last_paragraph_end(text: str, start: int, limit: int) -> int | None:
    """The end of the last line-break run in text[start:limit] that normalize keeps."""
    position = limit
    while True:
        newline = text.rfind("\n", start, position)
        if newline <= start:
            return None
        run = _BREAK_RUN.match(text, _run_start(text, start, newline, _SPACES_AND_BREAKS))
        if run and run.end() <= limit and not _is_layout_break(text, run.start(), run.end()):
            return cast(int, run.end())
        position = run.start() if run else newline


def _last_sentence_end(text: str, start: int, limit: int) -> int | None:
    # the sentence ends of the last stretch before limit (a bounded look back keeps it linear)
    floor = max(start + 1, limit - 10_000)
    last = None
    for m in _SENTENCE_SPLIT.finditer(text, floor, limit):
        if m.group()[0] != "\n" and m.end() < limit:
            last = m.end()
    return last


def _next_boundary(text: str, position: int, reach: int | None = None) -> int:
    """The first sentence or paragraph end after ``position`` (looked for up to ``reach``)."""
    for m in _SENTENCE_SPLIT.finditer(text, position, len(text) if reach is None else reach):
        if m.group()[0] != "\n":
            return cast(int, m.end())
        run = _BREAK_RUN.match(text, _run_start(text, position, m.start(), _SPACES_AND_BREAKS))
        if run and not _is_layout_break(text, run.start(), run.end()):
            return cast(int, run.end())
    return len(text)


def _window_start(text: str, start: int, context_size: int) -> int:
    """Where the reading of the chunk at ``start`` begins: the first paragraph start within
    ``context_size`` before it (``start`` itself if there is none)."""
    if start == 0 or context_size == 0:
        return start
    floor = max(0, start - context_size)
    position = floor
    while position < start:
        newline = text.find("\n", position, start)
        if newline < 0:
            return start
        run = _BREAK_RUN.match(text, _run_start(text, floor, newline, _SPACES_AND_BREAKS))
        if run and not _is_layout_break(text, run.start(), run.end()):
            return min(cast(int, run.end()), start)
        position = (run.end() if run else newline + 1)
    return start
