"""Extraction over collections of articles: many files, several processes, bounded memory.

>>> import factkit
>>> results = factkit.extract_many(["seeds/000_f762f7c7f036bfc1.txt"], jobs=1)
>>> [(r.source, len(r.document.figures) > 0, r.error) for r in results]
[('seeds/000_f762f7c7f036bfc1.txt', True, None)]

Work is handed to the workers as file paths, a few at a time, and results come back as they
are ready, so memory stays bounded however large the corpus: only the articles in flight are
held. Each worker process loads the lexicons and the gazetteer once, for all its articles.
"""
from __future__ import annotations

import datetime
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from .models import Document

__all__ = ["Result", "extract_many", "iter_text_files", "read_article"]


@dataclass(frozen=True)
class Result:
    """One article's outcome: its ``document``, or the ``error`` that stopped it."""

    source: str
    document: Document | None = None
    error: str | None = None


def iter_text_files(inputs: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Files as given, and the ``.txt`` files under folders (sorted, recursively)."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*.txt")):
                if child.is_file():
                    yield str(child)
        else:
            yield str(item)


def read_article(path: str, encoding: str = "utf-8") -> str:
    """The text of an article file; a clear error naming the file and the problem."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise OSError(f"{path}: cannot read: {err.strerror or err}") from None
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: not valid {encoding} (byte 0x{data[err.start]:02x} at "
                         f"offset {err.start}); try another encoding, e.g. gb18030") from None


def _extract_file(path: str, ref_date: datetime.date | None, encoding: str) -> Result:
    from . import extract

    try:
        return Result(path, extract(read_article(path, encoding), ref_date=ref_date))
    except Exception as err:  # one bad article must not stop a corpus
        return Result(path, error=f"{type(err).__name__}: {err}" if not isinstance(
            err, (OSError, ValueError)) else str(err))


def extract_many(paths: Iterable[str | os.PathLike], *, ref_date: datetime.date | None = None,
                 jobs: int | None = None, encoding: str = "utf-8",
                 in_flight: int | None = None, ordered: bool = False) -> Iterator[Result]:
    """Extract every article of ``paths`` (files and folders of ``.txt`` files), yielding a
    ``Result`` per article as it is ready, or in input order with ``ordered=True``.

    ``jobs`` is the number of worker processes (default: all cores; 1 runs in this process).
    ``in_flight`` bounds how many articles are queued at once (default: 4 per worker).
    """
    files = iter_text_files(paths)
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        for path in files:
            yield _extract_file(path, ref_date, encoding)
        return
    limit = in_flight or 4 * jobs
    if ordered:
        yield from _in_order(files, ref_date, encoding, jobs, limit)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: set[Future] = set()
        for path in files:
            pending.add(pool.submit(_extract_file, path, ref_date, encoding))
            if len(pending) >= limit:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        for future in _as_they_finish(pending):
            yield future.result()


def _in_order(files: Iterator[str], ref_date, encoding: str, jobs: int,
              limit: int) -> Iterator[Result]:
    """A window of ``limit`` articles in flight, handed back in the order they were given."""
    window: deque[Future] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for path in files:
            window.append(pool.submit(_extract_file, path, ref_date, encoding))
            if len(window) >= limit:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def _as_they_finish(pending: set[Future]) -> Iterator[Future]:
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from done
