"""Extraction over collections of articles: many files or texts, several processes, bounded
memory.

>>> import factkit
>>> results = factkit.extract_many(["seeds/000_f762f7c7f036bfc1.txt"], jobs=1)
>>> [(r.source, len(r.document.figures) > 0, r.error) for r in results]
[('seeds/000_f762f7c7f036bfc1.txt', True, None)]

Work is handed to the workers a few items at a time, and results come back as they are ready,
so memory stays bounded however large the corpus: only the articles in flight are held. Each
worker process loads the lexicons and the gazetteer once, for all its articles. Workers ignore
Ctrl-C (the main process handles it and stops them) and exit by themselves when the main
process dies, however it dies.
"""
from __future__ import annotations

import codecs
import csv
import datetime
import json
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, Union

from .models import Document

__all__ = ["Result", "extract_many", "pipe", "read_jsonl", "load_ref_dates", "iter_text_files",
           "read_article"]

PathArg = Union[str, "os.PathLike[str]"]
DateArg = Union[datetime.date, str, None]
T = TypeVar("T")


@dataclass(frozen=True)
class Result:
    """One article's outcome: its ``document``, or the ``error`` that stopped it."""

    source: str
    document: Document | None = None
    error: str | None = None


def _as_paths(paths: PathArg | Iterable[PathArg], what: str) -> Iterable[PathArg]:
    """A bare path (``"articles"``) is one path, never a sequence of one-letter paths."""
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    if isinstance(paths, (bytes, bytearray)):
        raise TypeError(f"{what} takes paths as str or os.PathLike, not bytes")
    return paths


def iter_text_files(inputs: PathArg | Iterable[PathArg]) -> Iterator[str]:
    """Files as given, and the ``.txt`` files under folders (sorted, recursively). A folder that
    cannot be listed is given back as it is, so that reading it reports the problem by name."""
    for item in _as_paths(inputs, "iter_text_files()"):
        if os.path.isdir(item):
            yield from _walk(os.fspath(item))
        else:
            yield os.fspath(item)


def _walk(folder: str) -> Iterator[str]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        yield folder  # read_article says why it cannot be read
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.name.endswith(".txt") and entry.is_file():
            yield entry.path


# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32 LE"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 BE"),
         (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE"),
         (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE"))


def decode_article(data: bytes, encoding: str = "utf-8") -> str:
    """Bytes to text: a byte order mark (UTF-8, UTF-16, UTF-32) decides the encoding, else
    ``encoding``. A ``ValueError`` says what the bytes look like when they do not decode."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as err:
                raise ValueError(f"starts with a {name} byte order mark but is not valid {name} "
                                 f"(at byte offset {err.start}: {err.reason})") from None
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise ValueError(f"not valid {encoding} (byte 0x{data[err.start]:02x} at offset "
                         f"{err.start}); {_looks_like(data, encoding)}") from None


def _looks_like(data: bytes, tried: str) -> str:
    """What undecodable bytes seem to be, with the encoding to try."""
    sample = data[:4096]
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in b"\t\n\r")
    best, label = max(((_chinese_share(sample, codec), codec) for codec in
                       ("utf-16-le", "utf-16-be", "gb18030", "big5") if codec != tried),
                      default=(0.0, ""))
    if best >= 0.6:
        return f"the bytes read as {_NAMES[label]}: try the encoding {label}"
    if controls > len(sample) // 20:
        return "it holds many control bytes: it looks like a binary file, not text"
    return "try another encoding, e.g. gb18030 or big5"


_NAMES = {"utf-16-le": "UTF-16 LE text without a byte order mark",
          "utf-16-be": "UTF-16 BE text without a byte order mark",
          "gb18030": "simplified Chinese (GB18030/GBK)", "big5": "traditional Chinese (Big5)"}
# The everyday characters of each encoding (GB2312 level 1, Big5's frequent block): text in
# that encoding is made mostly of them, the same bytes read in another encoding are not.
_COMMON = {"gb18030": ("gb2312", 0xB0, 0xD7), "big5": ("big5", 0xA4, 0xC6),
           "utf-16-le": ("gb2312", 0xB0, 0xD7), "utf-16-be": ("gb2312", 0xB0, 0xD7)}


def _chinese_share(sample: bytes, codec: str) -> float:
    """The share of the decoded characters that are everyday Chinese characters or ASCII."""
    try:
        # the sample may end inside a multi-byte character
        text = codecs.getincrementaldecoder(codec)().decode(sample, final=False)
    except UnicodeDecodeError:
        return 0.0
    if not text:
        return 0.0
    table, low, high = _COMMON[codec]
    good = 0
    for ch in text:
        if " " <= ch <= "~" or ch in "\t\n\r\u3000\uff0c\u3002\u3001\uff1a\uff1b":
            good += 1
            continue
        if codec.startswith("utf-16") and "\u4e00" <= ch <= "\u9fff":
            good += 1  # any common ideograph: UTF-16 is not bound to one character set
            continue
        try:
            lead = ch.encode(table)[0]
        except UnicodeEncodeError:
            continue
        good += low <= lead <= high
    return good / len(text)


def read_article(path: str, encoding: str = "utf-8") -> str:
    """The text of an article file; a clear error naming the file and the problem."""
    if os.path.isdir(path):
        try:
            os.listdir(path)
            problem = "is a folder"
        except OSError as err:
            problem = f"folder cannot be read: {err.strerror or err}"
        raise OSError(f"{path}: {problem}")
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise OSError(f"{path}: cannot read: {err.strerror or err}") from None
    try:
        return decode_article(data, encoding)
    except ValueError as err:
        raise ValueError(f"{path}: {err}") from None
    except LookupError:
        raise LookupError(f"{path}: unknown encoding {encoding!r}") from None


_FILE_COLUMNS = ("file", "path", "source", "filename", "name")
_DATE_COLUMNS = ("date", "ref_date", "published", "publication_date", "pub_date", "day")


def load_ref_dates(sidecar: PathArg) -> dict[str, datetime.date]:
    """Per-file reference dates from a sidecar: a CSV of ``file,date`` rows (either order; a
    header row naming the columns, e.g. ``file,date`` or ``path,ref_date``, is allowed and may
    have other columns too) or JSON: an object ``{"file": "YYYY-MM-DD"}`` or a list of
    ``{"file": ..., "date": ...}`` objects. Dates are ISO (a time after the day is ignored).
    Raises ``ValueError`` naming the sidecar and the line of a malformed entry."""
    path = os.fspath(sidecar)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as err:
        raise OSError(f"{path}: cannot read: {err.strerror or err}") from None
    if path.lower().endswith(".json"):
        rows, where = _json_rows(path, text)
    else:
        rows, where = _csv_rows(path, text)
    table: dict[str, datetime.date] = {}
    for number, (name, day) in enumerate(rows):
        parsed = _day(day)
        if parsed is None:
            raise ValueError(f"{path}{where[number]}: {day!r} is not a date in YYYY-MM-DD form")
        table[name] = parsed
    return table


def _day(text: str) -> datetime.date | None:
    text = text.strip().replace("/", "-")
    for parse in (datetime.date.fromisoformat, datetime.datetime.fromisoformat):
        try:
            value = parse(text)
        except ValueError:
            continue
        return value.date() if isinstance(value, datetime.datetime) else value
    return None


def _csv_rows(path: str, text: str) -> tuple[list[tuple[str, str]], list[str]]:
    lines = [(n, row) for n, row in enumerate(csv.reader(text.splitlines()), start=1)
             if row and "".join(row).strip()]
    file_col, date_col = 0, 1
    if lines and not any(_day(cell) for cell in lines[0][1]):
        header = [cell.strip().lower() for cell in lines[0][1]]
        file_col = next((header.index(c) for c in _FILE_COLUMNS if c in header), 0)
        date_col = next((header.index(c) for c in _DATE_COLUMNS if c in header),
                        1 if file_col != 1 else 0)
        lines = lines[1:]
    elif lines and len(lines[0][1]) >= 2 and _day(lines[0][1][0]) and not _day(lines[0][1][1]):
        file_col, date_col = 1, 0  # date,file
    rows, where = [], []
    for number, row in lines:
        if len(row) <= max(file_col, date_col):
            raise ValueError(f"{path}:{number}: expected a file and a date")
        rows.append((row[file_col].strip(), row[date_col]))
        where.append(f":{number}")
    return rows, where


def _json_rows(path: str, text: str) -> tuple[list[tuple[str, str]], list[str]]:
    try:
        entries = json.loads(text)
    except ValueError as err:
        raise ValueError(f"{path}: not valid JSON: {err}") from None
    if isinstance(entries, dict):
        return ([(str(k), str(v)) for k, v in entries.items()],
                [f": entry {k!r}" for k in entries])
    if isinstance(entries, list) and all(isinstance(e, dict) for e in entries):
        rows = []
        for entry in entries:
            name = next((entry[c] for c in _FILE_COLUMNS if c in entry), None)
            day = next((entry[c] for c in _DATE_COLUMNS if c in entry), None)
            if name is None or day is None:
                raise ValueError(f"{path}: entry {entry!r} needs a file and a date")
            rows.append((str(name), str(day)))
        return rows, [f": entry {name!r}" for name, _ in rows]
    raise ValueError(f'{path}: expected a JSON object {{"file": "YYYY-MM-DD"}} or a list of '
                     f'{{"file": ..., "date": ...}} objects')


class _RefDates:
    """The reference date of each file: its sidecar entry, found by the path as given, the path
    relative to the sidecar's folder, or the file name; else the common default."""

    def __init__(self, default: datetime.date | None,
                 table: Mapping[str, DateArg] | PathArg | None) -> None:
        from . import _as_date

        self.default = default
        self.base: str | None = None
        if isinstance(table, (str, os.PathLike)):
            self.base = os.path.dirname(os.path.abspath(table))
            table = load_ref_dates(table)
        self.table = {os.path.normpath(k): _as_date(v) for k, v in (table or {}).items()}

    def __call__(self, path: str) -> datetime.date | None:
        if not self.table:
            return self.default
        keys = [os.path.normpath(path), os.path.basename(path)]
        if self.base:
            keys.insert(1, os.path.relpath(os.path.abspath(path), self.base))
        for key in keys:
            if key in self.table:
                return self.table[key]
        return self.default


def _extract_file(path: str, ref_date: datetime.date | None, encoding: str) -> Result:
    from . import _extract

    try:
        text = read_article(path, encoding)
    except (OSError, ValueError, LookupError) as err:
        return Result(path, error=str(err))  # these name the file already
    try:
        return Result(path, _extract(text, ref_date, source=path))
    except Exception as err:  # one bad article must not stop a corpus
        return Result(path, error=f"{path}: {type(err).__name__}: {err}")


def extract_many(paths: PathArg | Iterable[PathArg], *, ref_date: DateArg = None,
                 ref_dates: Mapping[str, DateArg] | PathArg | None = None,
                 jobs: int | None = None, encoding: str = "utf-8",
                 in_flight: int | None = None, ordered: bool = False) -> Iterator[Result]:
    """Extract every article of ``paths`` (files and folders of ``.txt`` files; a single str
    or path is one path), yielding a ``Result`` per article as it is ready, or in input order
    with ``ordered=True``. Each document's ``source`` is its path.

    ``ref_date`` is the reference date of every article; ``ref_dates`` gives articles their
    own: a mapping of path to date, or the path of a sidecar file (see ``load_ref_dates``);
    an article it does not list takes ``ref_date``, and with neither the date is inferred from
    the article itself. ``jobs`` is the number of worker processes (default: all cores; 1 runs
    in this process). ``in_flight`` bounds how many articles are queued at once (default: 4
    per worker).
    """
    from . import _as_date

    files = iter_text_files(_as_paths(paths, "extract_many()"))
    date_of = _RefDates(_as_date(ref_date), ref_dates)
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        for path in files:
            yield _extract_file(path, date_of(path), encoding)
        return
    tasks = ((_extract_file, (path, date_of(path), encoding)) for path in files)
    yield from _run_in_pool(tasks, jobs, in_flight or 4 * jobs, ordered)


def pipe(texts: Iterable[str | tuple[str, DateArg]], *, ref_date: DateArg = None,
         jobs: int = 1, batch_size: int = 16) -> Iterator[Document]:
    """Extract every text of ``texts``, yielding a ``Document`` per text in input order.

    An item is a ``str``, or a ``(text, ref_date)`` pair giving that text its own reference
    date (``ref_date`` is the default for the others). With ``jobs`` > 1 the texts go to that
    many worker processes, ``batch_size`` at a time; memory stays bounded by the texts in
    flight. A bare ``str`` is refused with ``TypeError`` (it would be a loop over characters).
    """
    from . import _as_date

    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError("pipe() takes an iterable of texts, not one str: use factkit.extract(text)"
                        " for one text, or pass [text]")
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive int, not {jobs!r}")
    return _pipe(texts, _as_date(ref_date), jobs, batch_size)


def _pipe(texts: Iterable[str | tuple[str, DateArg]], default: datetime.date | None, jobs: int,
          batch_size: int) -> Iterator[Document]:
    items = (_pipe_item(item, default, number) for number, item in enumerate(texts))
    if jobs == 1:
        from . import _extract

        for text, day in items:
            yield _extract(text, day)
        return
    sent: deque[list[tuple[str, datetime.date | None]]] = deque()

    def tasks() -> Iterator[tuple[Callable[..., list[Document]], tuple[object, ...]]]:
        for batch in _batched(items, batch_size):
            sent.append(batch)
            yield _extract_texts, (batch,)

    for documents in _run_in_pool(tasks(), jobs, 2 * jobs, ordered=True):
        for (text, _), document in zip(sent.popleft(), documents):
            document._text = text
            yield document


def _pipe_item(item: object, default: datetime.date | None,
               number: int) -> tuple[str, datetime.date | None]:
    from . import _as_date

    if isinstance(item, str):
        return item, default
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
        return item[0], _as_date(item[1]) if item[1] is not None else default
    raise TypeError(f"pipe(): item {number} is a {type(item).__name__}; each item must be a str "
                    "or a (text, ref_date) pair")


def _batched(items: Iterator[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_texts(batch: list[tuple[str, datetime.date | None]]) -> list[Document]:
    from . import _extract

    documents = [_extract(text, day) for text, day in batch]
    for document in documents:
        document._text = None  # the caller has the texts: do not send them back
    return documents


def _run_in_pool(tasks: Iterator[tuple[Callable[..., T], tuple[object, ...]]], jobs: int,
                 limit: int, ordered: bool) -> Iterator[T]:
    """Results of ``tasks`` from ``jobs`` worker processes, at most ``limit`` in flight,
    in the order given or as they finish. On an interruption the queued tasks are cancelled."""
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_started,
                               initargs=(os.getpid(),))
    try:
        if ordered:
            window: deque[Future[T]] = deque()
            for function, args in tasks:
                window.append(pool.submit(function, *args))
                if len(window) >= limit:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        else:
            pending: set[Future[T]] = set()
            for function, args in tasks:
                pending.add(pool.submit(function, *args))
                if len(pending) >= limit:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield future.result()
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_started(parent: int) -> None:
    """In each worker: Ctrl-C is the main process's to handle (no worker tracebacks), and the
    worker exits when the main process is gone, even after a SIGKILL that let it clean
    nothing up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the kernel ends us with the parent
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    # the portable fallback: once the parent is gone we are re-parented
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def read_jsonl(path: PathArg) -> list[Document]:
    """The documents of a file the command line wrote: JSON lines (``--format jsonl``) or a
    JSON array or object (``--format json``), ``source`` included. Raises ``ValueError`` naming
    the file and line of a record that is not a document."""
    return list(iter_jsonl(path))


def iter_jsonl(path: PathArg) -> Iterator[Document]:
    """``read_jsonl`` one document at a time, for files larger than memory."""
    name = os.fspath(path)
    with open(name, encoding="utf-8-sig") as lines:
        first = lines.read(1)
        while first.isspace():
            first = lines.read(1)
        lines.seek(0)
        if first in ("[", "{") and not _is_jsonl(name):
            yield from _documents_of_json(name, lines.read())
            return
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield _document(name, number, line)


def _is_jsonl(name: str) -> bool:
    """A one-object-per-line file, told from a pretty-printed JSON one by its first line."""
    with open(name, encoding="utf-8-sig") as lines:
        first = next(lines, "").strip()
    try:
        json.loads(first)
        return True
    except ValueError:
        return False


def _documents_of_json(name: str, text: str) -> Iterator[Document]:
    try:
        data = json.loads(text)
    except ValueError as err:
        raise ValueError(f"{name}: not valid JSON: {err}") from None
    for number, record in enumerate(data if isinstance(data, list) else [data], start=1):
        try:
            yield Document.model_validate(record)
        except ValueError as err:
            raise ValueError(f"{name}: record {number} is not a factkit document: {err}") from None


def _document(name: str, number: int, line: str) -> Document:
    try:
        return Document.model_validate_json(line)
    except ValueError as err:
        raise ValueError(f"{name}:{number}: not a factkit document: {err}") from None
