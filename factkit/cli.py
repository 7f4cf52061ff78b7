"""``factkit extract FILE... [--ref-date YYYY-MM-DD] [--format json|jsonl|table]``.

Every file is processed even when another one fails; a failure is reported on stderr with the
file's name and the exit status is 1. ``-`` reads standard input.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TextIO

from . import __version__, extract
from .models import Document

FORMATS = ("json", "jsonl", "table")


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
    ex = commands.add_parser("extract", help="extract facts from text files",
                             description="Extract facts from text files ('-' for stdin).")
    ex.add_argument("files", nargs="+", metavar="FILE", help="text files; '-' reads stdin")
    ex.add_argument("--ref-date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                    help="the day the articles speak from (publication date)")
    ex.add_argument("--format", choices=FORMATS, default="json",
                    help="json: one pretty object per file; jsonl: one line per file; "
                         "table: one row per fact (default: json)")
    ex.add_argument("--encoding", default="utf-8",
                    help="encoding of the input files (default utf-8; e.g. gb18030)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:
        # the reader went away (factkit … | head): stop quietly, as other filters do
        sys.stderr.close()
        return 0


def _run(args: argparse.Namespace) -> int:
    failures = 0
    out = sys.stdout
    for source, text in _read_all(args.files, args.encoding):
        if text is None:
            failures += 1
            continue
        try:
            doc = extract(text, ref_date=args.ref_date)
        except Exception as err:  # a bug must not stop the other files
            print(f"factkit: {source}: extraction failed: {type(err).__name__}: {err}",
                  file=sys.stderr)
            failures += 1
            continue
        _write(out, args.format, source, doc)
        out.flush()
    return 1 if failures else 0


def _read_all(files: Sequence[str], encoding: str) -> Iterator[tuple[str, str | None]]:
    for name in files:
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(name, "rb") as handle:
                    data = handle.read()
        except OSError as err:
            print(f"factkit: {name}: cannot read: {err.strerror or err}", file=sys.stderr)
            yield name, None
            continue
        try:
            text = data.decode(encoding)
        except LookupError:
            print(f"factkit: unknown encoding {encoding!r}", file=sys.stderr)
            yield name, None
            continue
        except UnicodeDecodeError as err:
            print(f"factkit: {name}: not valid {encoding} (byte 0x{data[err.start]:02x} at "
                  f"offset {err.start}); try --encoding gb18030", file=sys.stderr)
            yield name, None
            continue
        yield name, text.removeprefix("\ufeff")


def _write(out: TextIO, fmt: str, source: str, doc: Document) -> None:
    if fmt == "table":
        _write_table(out, source, doc)
        return
    record = {"source": source, **doc.model_dump(mode="json")}
    if fmt == "jsonl":
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")


def describe(fact) -> str:
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
