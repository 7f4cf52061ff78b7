"""``factkit extract FILE_OR_DIR... [--ref-date D] [--ref-date-from SIDECAR]
[--format json|jsonl|table|html|csv|parquet] [-o FILE] [--only KINDS] [--jobs N] [--resume]
[-q | -v]``.

Every file is processed even when another one fails; a failure is reported on stderr with the
file's name and the exit status is 1. ``-`` reads standard input; folders give their .txt
files. With several files the work is spread over processes and results are written as they
arrive. The destination is checked before any work, and written as FILE.partial, renamed at
the end; two runs writing one FILE at once are refused.
"""
from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import os
import signal
import sys
import time
import unicodedata
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import IO, Any

from . import __version__, _extract
from .batch import _RefDates, decode_article, extract_many, iter_text_files, load_ref_dates
from .html import render_html, render_report
from .models import Document
from .summary import describe
from .tables import TableWriter

FORMATS = ("json", "jsonl", "table", "html", "csv", "parquet")
KINDS = ("figures", "dates", "places", "organizations", "statements")
SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html",
            ".htm": "html", ".txt": "table", ".csv": "csv", ".parquet": "parquet"}
_TYPE_OF_KIND = {"figures": "figure", "dates": "date", "places": "place",
                 "organizations": "organization"}


class _Terminated(Exception):
    """SIGTERM, turned into an exception so that the run stops as cleanly as on Ctrl-C."""


class _UsageError(Exception):
    """A problem with the command line or its destination, found before any work."""


def _iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in YYYY-MM-DD form") from None


def _kinds(text: str) -> list[str]:
    kinds = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(f"{text!r}: --only takes a comma-separated list of "
                                         f"{', '.join(KINDS)}")
    return kinds


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factkit", description="Extract figures, dates, places and organizations "
                                    "from Chinese news articles.")
    parser.add_argument("--version", action="version", version=f"factkit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser(
        "extract", help="extract facts from text files and folders",
        description="Extract facts from text files, folders of .txt files, or '-' (stdin).")
    ex.add_argument("files", nargs="+", metavar="FILE_OR_DIR",
                    help="text files, folders (their .txt files, recursively), '-' for stdin")
    ex.add_argument("--ref-date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                    help="the day the articles speak from (publication date)")
    ex.add_argument("--ref-date-from", metavar="SIDECAR", default=None,
                    help="each article's own reference date, from a CSV of file,date rows or a "
                         "JSON object {file: date}; a file matches by its path as given, its "
                         "path relative to the sidecar's folder, or its name. Articles it does "
                         "not list take --ref-date, else the date inferred from their text")
    ex.add_argument("--format", choices=FORMATS, default=None,
                    help="json: one object per file (an array for several); jsonl: one line per "
                         "file; table: one row per fact; html: a page with the facts "
                         "highlighted (one section per file); csv, parquet: one row per fact "
                         "with a type column, or per statement with --only statements "
                         "(parquet needs -o). Default: from the -o suffix, else json")
    ex.add_argument("-o", "--out", metavar="FILE", default=None,
                    help="write to FILE instead of stdout; written as FILE.partial and renamed "
                         "at the end, so an interrupted run never leaves a complete-looking file")
    ex.add_argument("--only", type=_kinds, default=None, metavar="KINDS",
                    help="only these kinds, comma-separated: " + ",".join(KINDS))
    ex.add_argument("--jobs", type=int, default=None, metavar="N",
                    help="worker processes (default: all cores when there are several files)")
    ex.add_argument("--resume", action="store_true",
                    help="with --out FILE.jsonl: skip the articles FILE (or FILE.partial) "
                         "already holds")
    ex.add_argument("--encoding", default="utf-8",
                    help="encoding of the input files without a byte order mark (default "
                         "utf-8; e.g. gb18030, big5); a UTF-8/16/32 byte order mark wins")
    talk = ex.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true",
                      help="print nothing but the errors (no progress bar, no summary)")
    talk.add_argument("-v", "--verbose", action="store_true",
                      help="a line per article and a summary at the end")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        _check(args)
    except _UsageError as err:
        print(f"factkit: {err}", file=sys.stderr)
        return 2
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        return _run(args)
    except BrokenPipeError:
        # the reader went away (factkit … | head): stop quietly, as other filters do
        sys.stderr.close()
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise _Terminated()


def _stop_in(error: BaseException) -> KeyboardInterrupt | _Terminated | None:
    """The Ctrl-C or SIGTERM that stopped the run, also when it came while pydantic called a
    serializer function (a Decimal's) and was handed on as the cause of a serialization
    error; None for any other error."""
    for stop in (error, error.__cause__):
        if isinstance(stop, (KeyboardInterrupt, _Terminated)):
            return stop
    return None


def _check(args: argparse.Namespace) -> None:
    """Everything that can be told before any work: formats, options, the destination."""
    suffix = Path(args.out).suffix.lower() if args.out else ""
    implied = SUFFIXES.get(suffix)
    if args.format and implied and implied != args.format:
        raise _UsageError(f"-o {args.out}: a {suffix} file for --format {args.format}? "
                          f"Use a .{_suffix_of(args.format)} name, or --format {implied}")
    if args.out and not args.format and not implied:
        raise _UsageError(f"-o {args.out}: cannot tell the format from the suffix "
                          f"{suffix or '(none)'}; give --format or use one of "
                          f"{', '.join(sorted(SUFFIXES))}")
    args.format = args.format or implied or "json"
    if args.format == "parquet" and not args.out:
        raise _UsageError("--format parquet writes a file: give -o FILE.parquet")
    if args.format == "parquet" and importlib.util.find_spec("pyarrow") is None:
        raise _UsageError("--format parquet needs pyarrow: pip install 'factkit[pandas]'")
    if args.resume and (not args.out or args.format != "jsonl"):
        raise _UsageError("--resume needs --out FILE with the jsonl format")
    if args.jobs is not None and args.jobs < 1:
        raise _UsageError("--jobs must be at least 1")
    if args.only and "statements" in args.only and len(args.only) > 1 \
            and args.format in ("csv", "parquet"):
        raise _UsageError("statements have a table of their own: --only statements, or "
                          "--only with the other kinds")
    if args.out:
        _check_destination(args.out)
    try:
        "".encode(args.encoding)
    except LookupError:
        raise _UsageError(f"--encoding {args.encoding}: unknown encoding") from None
    args.ref_dates = None
    if args.ref_date_from:
        try:
            load_ref_dates(args.ref_date_from)  # a malformed sidecar stops the run before work
        except (OSError, ValueError) as err:
            raise _UsageError(str(err)) from None
        args.ref_dates = args.ref_date_from


def _suffix_of(fmt: str) -> str:
    return {"table": "txt"}.get(fmt, fmt)


def _check_destination(out: str) -> None:
    path = Path(out)
    folder = path.parent
    if path.is_dir():
        raise _UsageError(f"-o {out}: is a folder; give a file name inside it")
    if not folder.exists():
        raise _UsageError(f"-o {out}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise _UsageError(f"-o {out}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _UsageError(f"-o {out}: the folder {folder} is not writable")
    if path.exists() and not os.access(path, os.W_OK):
        raise _UsageError(f"-o {out}: the file is not writable")


def _run(args: argparse.Namespace) -> int:
    try:
        target = Output(args.out, resume=args.resume,
                        binary=args.format == "parquet")
    except _UsageError as err:
        print(f"factkit: {err}", file=sys.stderr)
        return 2
    failures = written = 0
    talk = _Talk(quiet=args.quiet, verbose=args.verbose,
                 bar=target.path is not None and sys.stderr.isatty() and not args.quiet)
    results: Generator[_Outcome, None, None] | None = None
    try:
        files, empty = _inputs(args, skip=target.done)
        for folder in empty:
            failures += 1
            print(f"factkit: {folder}: no .txt files in this folder", file=sys.stderr)
        talk.total = len(files)
        writer = _Writer(target.stream, args, several=len(files) > 1)
        results = _results(args, files)
        for result in results:
            if result.error:
                failures += 1
                talk.error(result.error)
            else:
                assert result.document is not None
                writer.add(result.document)
                written += 1
                talk.done(result.source, result.document)
            talk.step(failures)
        writer.close()
    except BaseException as error:
        stop = _stop_in(error)
        if stop is None:
            target.abandon()  # a fault of factkit itself: release the output for the next run
            raise
        if results is not None:
            results.close()  # stops the workers before the message
        talk.close()
        target.abandon()
        what = "interrupted" if isinstance(stop, KeyboardInterrupt) else "terminated"
        print(f"factkit: {what}; what was done is in {target.partial or 'stdout'}"
              + (" (rerun with --resume to go on)" if target.partial and args.format == "jsonl"
                 else ""), file=sys.stderr)
        return 130 if isinstance(stop, KeyboardInterrupt) else 143
    talk.close()
    talk.summary(written, failures)
    if written == 0 and not target.kept_lines:
        target.discard()  # nothing to show: no empty file that looks like a result
    else:
        target.finish()
    return 1 if failures else 0


def _inputs(args: argparse.Namespace, skip: set[str]) -> tuple[list[str], list[str]]:
    """The files to extract, and the folders given that hold no .txt file."""
    files: list[str] = []
    empty: list[str] = []
    for item in args.files:
        found = list(iter_text_files(item))
        if not found and os.path.isdir(item):
            empty.append(item)
        files += [f for f in found if f not in skip]
    return files, empty


@dataclass
class _Outcome:
    source: str
    document: Document | None = None
    error: str | None = None


def _results(args: argparse.Namespace, files: list[str]) -> Generator[_Outcome, None, None]:
    """Articles one by one: stdin in this process, files through extract_many, in the order
    given (json, table and html) or as they finish (jsonl, csv, parquet to a file)."""
    date_of = _RefDates(args.ref_date, args.ref_dates)
    if "-" in files:
        for name in files:
            if name != "-":
                yield from _results_of(args, [name])
                continue
            try:
                text = decode_article(sys.stdin.buffer.read(), args.encoding)
                yield _Outcome(name, _extract(text, date_of(name), source=name))
            except ValueError as err:
                yield _Outcome(name, error=f"<stdin>: {err}")
        return
    yield from _results_of(args, files)


def _results_of(args: argparse.Namespace, files: list[str]) -> Iterator[_Outcome]:
    jobs = args.jobs or (None if len(files) > 1 else 1)
    ordered = args.out is None or args.format in ("json", "table", "html")
    for result in extract_many(files, ref_date=args.ref_date, ref_dates=args.ref_dates,
                               jobs=jobs, encoding=args.encoding, ordered=ordered):
        yield _Outcome(result.source, result.document, result.error)


class _Writer:
    """One format's output: documents in, text or table rows out."""

    def __init__(self, out: IO[Any], args: argparse.Namespace, several: bool) -> None:
        self.out, self.format, self.only = out, args.format, args.only
        self.several = several
        self.count = 0
        self.documents: list[Document] = []
        self.table: TableWriter | None = None
        if self.format in ("csv", "parquet"):
            kind = "statements" if self.only == ["statements"] else "facts"
            types = [_TYPE_OF_KIND[k] for k in self.only] if self.only and kind == "facts" \
                else None
            self.table = TableWriter(out, self.format, kind, types)

    def add(self, doc: Document) -> None:
        if self.table is not None:
            self.table.add(doc)
        elif self.format == "table":
            _write_table(self.out, doc.source or "", doc, self.only)
        elif self.format == "html":
            self.documents.append(doc)
        else:
            record = {"source": doc.source, **doc.model_dump(mode="json", exclude=self._hidden())}
            if self.format == "jsonl":
                self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                text = json.dumps(record, ensure_ascii=False, indent=2)
                if self.several:
                    # several files make one JSON array, so that the output parses as a whole
                    text = ("[\n" if self.count == 0 else ",\n") + text
                self.out.write(text if self.several else text + "\n")
        self.count += 1
        self.out.flush()

    def _hidden(self) -> set[str]:
        hidden = {"source"}
        if self.only:
            hidden |= {k for k in KINDS if k not in self.only}
        return hidden

    def close(self) -> None:
        if self.table is not None:
            self.table.close()
        elif self.format == "json" and self.several:
            self.out.write("\n]\n" if self.count else "[]\n")
        elif self.format == "html" and self.documents:
            if len(self.documents) == 1:
                doc = self.documents[0]
                self.out.write(render_html(doc, title=doc.source, only=self.only))
            else:
                self.out.write(render_report(self.documents, only=self.only))
        self.out.flush()


class Output:
    """stdout, or a file written as FILE.partial and renamed to FILE when the run ends. The
    run holds a lock on FILE.lock meanwhile, so a second run on the same FILE is refused."""

    def __init__(self, path: str | None, resume: bool = False, binary: bool = False) -> None:
        self.path = path
        self.partial = path + ".partial" if path else None
        self.done: set[str] = set()
        self.kept_lines = 0
        self.lock: IO[str] | None = None
        if path is None:
            self.stream: IO[Any] = sys.stdout.buffer if binary else sys.stdout
            return
        assert self.partial is not None
        self._lock(path)
        try:
            if resume:
                self._gather_previous()
            if binary:
                self.stream = open(self.partial, "ab" if resume else "wb")
            else:
                self.stream = open(self.partial, "a" if resume else "w", encoding="utf-8")
        except OSError as err:
            self._unlock()
            raise _UsageError(f"-o {path}: cannot write: {err.strerror or err}") from None

    def _lock(self, path: str) -> None:
        lock_path = path + ".lock"
        try:
            self.lock = open(lock_path, "a", encoding="utf-8")
        except OSError as err:
            raise _UsageError(f"-o {path}: cannot write: {err.strerror or err}") from None
        try:
            import fcntl

            fcntl.flock(self.lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:
            pass  # no advisory locks on this system: the caller must not run two at once
        except OSError:
            self.lock.close()
            self.lock = None
            raise _UsageError(f"-o {path}: another factkit run is writing this file "
                              f"(it holds {lock_path}); wait for it to end") from None

    def _unlock(self) -> None:
        if self.lock is not None and self.path:
            os.unlink(self.path + ".lock")
            self.lock.close()
            self.lock = None

    def _gather_previous(self) -> None:
        """Keep the complete lines of FILE.partial (an interrupted run) and of FILE (a
        finished one), each source once; they are not extracted again. A line an interruption
        cut short is dropped, so its article is done again."""
        assert self.partial is not None and self.path is not None
        rebuilt = Path(self.partial + ".tmp")
        with open(rebuilt, "w", encoding="utf-8") as out:
            for previous in (Path(self.partial), Path(self.path)):
                if not previous.exists():
                    continue
                with open(previous, encoding="utf-8") as lines:
                    for line in lines:
                        source = _source_of(line)
                        if source and source not in self.done:
                            out.write(line if line.endswith("\n") else line + "\n")
                            self.done.add(source)
        self.kept_lines = len(self.done)
        os.replace(rebuilt, self.partial)

    def finish(self) -> None:
        if self.partial and self.path:
            self.stream.close()
            os.replace(self.partial, self.path)
            self._unlock()

    def discard(self) -> None:
        if self.partial:
            self.stream.close()
            os.unlink(self.partial)
            self._unlock()

    def abandon(self) -> None:
        if self.partial:
            self.stream.close()
            self._unlock()


def _source_of(line: str) -> str | None:
    try:
        source = json.loads(line).get("source")
        return source if isinstance(source, str) else None
    except (ValueError, AttributeError):
        return None  # a line cut short by an interruption: that article is extracted again


class _Talk:
    """What goes to stderr: errors always, a progress bar with an ETA on a terminal, and with
    -v a line per article and a summary."""

    WIDTH = 30

    def __init__(self, quiet: bool, verbose: bool, bar: bool) -> None:
        self.quiet, self.verbose, self.bar = quiet, verbose, bar
        self.count = 0
        self.total = 0
        self.started = time.monotonic()

    def error(self, message: str) -> None:
        self._clear()
        print(f"factkit: {message}", file=sys.stderr)

    def done(self, source: str, doc: Document) -> None:
        if self.verbose:
            self._clear()
            counts = ", ".join(f"{len(getattr(doc, k))} {k}" for k in KINDS if hasattr(doc, k))
            print(f"factkit: {source}: {counts}", file=sys.stderr)

    def step(self, failures: int) -> None:
        self.count += 1
        if not self.bar:
            return
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.count / elapsed
        done = int(self.WIDTH * self.count / self.total) if self.total else 0
        left = (self.total - self.count) / rate if self.total and rate else 0
        eta = f", ETA {_clock(left)}" if self.count < self.total else ""
        sys.stderr.write(f"\r[{'#' * done}{'-' * (self.WIDTH - done)}] {self.count}/"
                         f"{self.total or '?'} articles, {failures} failed, {rate:.1f}/s{eta}  ")
        sys.stderr.flush()

    def _clear(self) -> None:
        if self.bar and self.count:
            sys.stderr.write("\r" + " " * 100 + "\r")

    def close(self) -> None:
        if self.bar and self.count:
            sys.stderr.write("\n")

    def summary(self, written: int, failures: int) -> None:
        if self.verbose:
            print(f"factkit: {written} articles done, {failures} failed in "
                  f"{time.monotonic() - self.started:.1f} s", file=sys.stderr)


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


_KIND_LABEL = {"Figure": "figure", "DateMention": "date", "Place": "place",
               "Organization": "organization"}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _write_table(out: IO[str], source: str, doc: Document, only: list[str] | None = None) -> None:
    kinds = {_TYPE_OF_KIND[k] for k in (only or _TYPE_OF_KIND) if k in _TYPE_OF_KIND}
    labels = [_KIND_LABEL.get(type(f).__name__, type(f).__name__.lower()) for f in doc.facts]
    rows = [(label, f.text, f"{f.start}-{f.end}", describe(f))
            for label, f in zip(labels, doc.facts) if label in kinds or not only]
    header = ("kind", "text", "span", "value")
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    widths[1] = min(widths[1], 30)
    out.write(f"# {source}: {len(rows)} facts\n")
    out.write("  ".join(_pad(h, w) for h, w in zip(header, widths)).rstrip() + "\n")
    for row in rows:
        out.write("  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip() + "\n")
    out.write("\n")


if __name__ == "__main__":
    raise SystemExit(main())
