"""``factkit extract FILE_OR_DIR... [--ref-date D] [--format json|jsonl|table|html]
[--out FILE] [--jobs N] [--resume]``.

Every file is processed even when another one fails; a failure is reported on stderr with the
file's name and the exit status is 1. ``-`` reads standard input; folders give their .txt
files. With several files the work is spread over processes and results are written as they
arrive.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from . import __version__, extract
from .batch import extract_many, iter_text_files, read_article
from .html import render_html
from .models import Document
from .summary import describe

FORMATS = ("json", "jsonl", "table", "html")


def _iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in YYYY-MM-DD form") from None


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
    ex.add_argument("--format", choices=FORMATS, default=None,
                    help="json: one pretty object per file; jsonl: one line per file; table: "
                         "one row per fact; html: a page with the facts highlighted "
                         "(default: from the --out suffix, else json)")
    ex.add_argument("-o", "--out", metavar="FILE", default=None,
                    help="write to FILE instead of stdout; written as FILE.partial and renamed "
                         "at the end, so an interrupted run never leaves a complete-looking file")
    ex.add_argument("--jobs", type=int, default=None, metavar="N",
                    help="worker processes (default: all cores when there are several files)")
    ex.add_argument("--resume", action="store_true",
                    help="with --out FILE.jsonl: skip the articles FILE (or FILE.partial) "
                         "already holds")
    ex.add_argument("--encoding", default="utf-8",
                    help="encoding of the input files (default utf-8; e.g. gb18030)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    args.format = args.format or _format_of(args.out)
    if args.resume and (not args.out or args.format != "jsonl"):
        parser.error("--resume needs --out FILE with the jsonl format")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.format == "html" and (len(args.files) != 1 or Path(args.files[0]).is_dir()):
        parser.error("--format html renders one article: give one file")
    try:
        return _run(args)
    except BrokenPipeError:
        # the reader went away (factkit … | head): stop quietly, as other filters do
        sys.stderr.close()
        return 0


def _format_of(out: str | None) -> str:
    suffix = Path(out).suffix.lower() if out else ""
    return {".jsonl": "jsonl", ".html": "html", ".htm": "html", ".txt": "table"}.get(suffix, "json")


def _run(args: argparse.Namespace) -> int:
    target = Output(args.out, resume=args.resume)
    failures = 0
    progress = _Progress(enabled=target.path is not None and sys.stderr.isatty())
    try:
        for result in _results(args, skip=target.done, progress=progress):
            if result.error:
                failures += 1
                print(f"factkit: {result.error}", file=sys.stderr)
            else:
                _write(target.stream, args.format, result.source, result.document, result.text)
                target.stream.flush()
            progress.step(failures)
    except KeyboardInterrupt:
        progress.close()
        target.abandon()
        print(f"factkit: interrupted; what was done is in {target.partial or 'stdout'}"
              + (" (rerun with --resume to go on)" if target.partial else ""), file=sys.stderr)
        return 130
    progress.close()
    target.finish()
    return 1 if failures else 0


@dataclass
class _Outcome:
    source: str
    document: Document | None = None
    error: str | None = None
    text: str | None = None


def _results(args: argparse.Namespace, skip: set[str], progress: _Progress) -> Iterator[_Outcome]:
    """Articles one by one: stdin and html in this process, files through extract_many."""
    files = [f for f in iter_text_files(args.files) if f not in skip]
    progress.total = len(files)
    if "-" in files or args.format == "html":
        for name in files:
            try:
                text = _read_stdin(args.encoding) if name == "-" else read_article(
                    name, args.encoding)
                yield _Outcome(name, extract(text, ref_date=args.ref_date), text=text)
            except (OSError, ValueError, LookupError) as err:
                yield _Outcome(name, error=_message(name, err))
        return
    jobs = args.jobs or (None if len(files) > 1 else 1)
    # to a file, lines go out as articles finish; on stdout, in the order the files were given
    for result in extract_many(files, ref_date=args.ref_date, jobs=jobs, encoding=args.encoding,
                               ordered=args.out is None):
        yield _Outcome(result.source, result.document, result.error)


def _message(name: str, err: Exception) -> str:
    if isinstance(err, LookupError):
        return f"unknown encoding: {err}"
    text = str(err)
    return text if text.startswith(name) else f"{name}: {text}"


def _read_stdin(encoding: str) -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise ValueError(f"not valid {encoding} (byte 0x{data[err.start]:02x} at offset "
                         f"{err.start}); try --encoding gb18030") from None


class Output:
    """stdout, or a file written as FILE.partial and renamed to FILE when the run ends."""

    def __init__(self, path: str | None, resume: bool = False) -> None:
        self.path = path
        self.partial = path + ".partial" if path else None
        self.done: set[str] = set()
        if path is None:
            self.stream: TextIO = sys.stdout
            return
        if resume:
            self._gather_previous()
        self.stream = open(self.partial, "a" if resume else "w", encoding="utf-8")

    def _gather_previous(self) -> None:
        """Keep the complete lines of FILE.partial (an interrupted run) and of FILE (a
        finished one), each source once; they are not extracted again. A line an interruption
        cut short is dropped, so its article is done again."""
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
        os.replace(rebuilt, self.partial)

    def finish(self) -> None:
        if self.partial:
            self.stream.close()
            os.replace(self.partial, self.path)

    def abandon(self) -> None:
        if self.partial:
            self.stream.close()


def _source_of(line: str) -> str | None:
    try:
        return json.loads(line).get("source")
    except (ValueError, AttributeError):
        return None  # a line cut short by an interruption: that article is extracted again


class _Progress:
    """A one-line progress bar on a terminal's stderr; silent when piped."""

    WIDTH = 30

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.count = 0
        self.total = 0
        self.started = time.monotonic()

    def step(self, failures: int) -> None:
        self.count += 1
        if self.enabled:
            rate = self.count / max(time.monotonic() - self.started, 1e-9)
            done = int(self.WIDTH * self.count / self.total) if self.total else 0
            bar = "#" * done + "-" * (self.WIDTH - done)
            sys.stderr.write(f"\r[{bar}] {self.count}/{self.total or '?'} articles, "
                             f"{failures} failed, {rate:.1f}/s")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.count:
            sys.stderr.write("\n")


def _write(out: TextIO, fmt: str, source: str, doc: Document, text: str | None = None) -> None:
    if fmt == "table":
        _write_table(out, source, doc)
        return
    if fmt == "html":
        out.write(render_html(doc, text or "", title=source))
        return
    record = {"source": source, **doc.model_dump(mode="json")}
    if fmt == "jsonl":
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")


_KIND_LABEL = {"Figure": "figure", "DateMention": "date", "Place": "place",
               "Organization": "organization"}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _write_table(out: TextIO, source: str, doc: Document) -> None:
    rows = [(_KIND_LABEL[type(f).__name__], f.text, f"{f.start}-{f.end}", describe(f))
            for f in doc.facts]
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
