"""Every occurrence of a large set of phrases in a text, in one pass, from lexicons compiled
ahead of time.

**One pass for several lexicons.** The place names of the gazetteer and the organization
names, type suffixes and company markers are one ``Lexicon`` (``data/lexicon.bin``): each
phrase carries one payload per domain ("place", "org"), empty where the phrase is not of that
domain. A text is scanned once (``Lexicon.scan``): the scan belongs to the text
(``NormalizedText.phrases``), and the places and the organizations extractors both read it
there.

**How a scan runs.** One Aho-Corasick automaton over every whole phrase (daachorse's
character-wise double array, in Rust) gives every occurrence in one call. It is built with
the lexicon, by ``scripts/compile_lexicons.py``, and stored in ``lexicon.bin``: loading it
takes 2 ms, building it 130-200 ms. Its patterns are the phrases in sorted order, so the
pattern a match names is the phrase's line in the file; a phrase's payloads are decoded the
first time a text holds it, and kept (at most one tuple per phrase).
Measured in instructions per warm pass over the seed articles (10,900 characters, 48,974
phrases): 2.4 M for a scan, of which 1.4 M inside the automaton and the rest turning its
matches into ``Hits``; the design it replaced took 4.8 M (an ahocorasick_rs automaton over
the phrases' first two characters, built at run time as it cannot be stored, then a hash
lookup of the lengths each opening comes in; and as that build took 50 ms, a scan in Python
by character pairs for the first 50,000 characters of a run). Why daachorse: of the
Aho-Corasick libraries for Python it alone stores a built automaton in a form that loads
without building it again (``serialize``, the same bytes on every build, and a checked
``deserialize``); ahocorasick_rs cannot be stored, and a pickled pyahocorasick automaton
loads in 10 ms but took 14 ms to scan the seeds, where the design replaced took under 1 ms
(its root has a child per first character, thousands, searched one by one). The stored
automaton is 2.9 MB of the file, and as much memory once loaded.

**An automaton the installed daachorse cannot read.** The header of ``lexicon.bin`` (and of
``fold.bin``, normalize.py's automaton of the characters that fold) names the daachorse
version that wrote the automaton. When another version is installed, or the stored bytes do
not deserialize, the automaton is built from its patterns instead (``stored_automaton``),
once per process, with a warning: slower to start, never a different result. The dependency
is held below the next minor version of daachorse, whose format may change.

**Compiled files** (``scripts/compile_lexicons.py`` writes them; a test rebuilds them from
the source tables and compares): a JSON header line naming the sources and the sections,
then the sections' bytes. A phrase lexicon has three sections: ``phrases`` (one line per
phrase, in sorted order: the phrase and its payloads, tab-separated), ``phrase_offsets``
(little-endian uint32: where each line starts, and the end) and ``automaton`` (the
serialized automaton over the phrases, in that order).
"""
from __future__ import annotations

import json
import mmap
import os
import sys
import warnings
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar

import daachorse

__all__ = ["Lexicon", "Hits", "Blocks", "lexicon", "leftmost_longest", "data_file",
           "read_sections", "write_sections", "compile_phrases", "compile_blocks", "compile_index",
           "daachorse_version", "stored_automaton"]

DOMAINS = ("place", "org")


def data_file(name: str) -> bytes:
    """The bytes of a file under ``factkit/data``, mapped rather than read where it is a
    file on disk: only the pages used are read, so a large compiled file loads at no cost."""
    resource = resources.files("factkit").joinpath("data", name)
    try:
        with open(str(resource), "rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            return mapped  # type: ignore[return-value]
    except (OSError, ValueError):  # inside a zip archive, or an empty file
        return resource.read_bytes()


@cache
def read_sections(name: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The header and the sections of a compiled file under ``factkit/data``."""
    raw = data_file(name)
    header_end = raw.find(b"\n") + 1
    header = json.loads(raw[:header_end])
    sections: dict[str, bytes] = {}
    offset = header_end
    view = memoryview(raw)
    for section, size in header["sections"]:
        sections[section] = view[offset:offset + size]  # type: ignore[assignment]
        offset += size
    return header, sections


def write_sections(meta: dict[str, Any], sections: dict[str, bytes]) -> bytes:
    """The bytes of a compiled file: ``meta`` and the section sizes on a JSON header line."""
    header = {**meta, "sections": [[name, len(data)] for name, data in sections.items()]}
    return (json.dumps(header, ensure_ascii=False) + "\n").encode() + b"".join(sections.values())


def _uint32(data: bytes) -> array[int]:
    numbers = array("I")
    numbers.frombytes(data)
    if sys.byteorder != "little":
        numbers.byteswap()
    return numbers


def _uint32_bytes(numbers: Iterable[int]) -> bytes:
    packed = array("I", numbers)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


class Blocks:
    """Text blocks by key, in three sections of a compiled file (``NAME.keys``: the keys, a
    line each; ``NAME.offsets``: uint32 byte offsets; ``NAME``: the blocks, UTF-8). Only the
    keys are read at load; a block is decoded when asked for."""

    def __init__(self, sections: Mapping[str, bytes], name: str,
                 data: bytes | None = None) -> None:
        keys = bytes(sections[name + ".keys"]).decode().split("\n")
        self._index = {key: number for number, key in enumerate(keys)}
        self._offsets = _uint32(sections[name + ".offsets"])
        self._data = sections[name] if data is None else data

    def span(self, key: str) -> tuple[int, int] | None:
        """Where the block of ``key`` is in the data, None for an unknown key."""
        number = self._index.get(key)
        if number is None:
            return None
        return self._offsets[number], self._offsets[number + 1]

    def __contains__(self, key: str) -> bool:
        return key in self._index

    def keys(self) -> Iterable[str]:
        return self._index.keys()

    def raw(self, key: str) -> bytes | None:
        span = self.span(key)
        return None if span is None else bytes(self._data[span[0]:span[1]])

    def get(self, key: str) -> str | None:
        raw = self.raw(key)
        return None if raw is None else raw.decode()


def compile_blocks(name: str, blocks: Mapping[str, str | bytes]) -> dict[str, bytes]:
    """The sections ``Blocks`` reads: key -> text or bytes (no line break in a key)."""
    encoded = [b if isinstance(b, bytes) else b.encode() for b in blocks.values()]
    return {**compile_index(name, blocks, [len(block) for block in encoded]),
            name: b"".join(encoded)}


def compile_index(name: str, keys: Iterable[str], sizes: Iterable[int],
                  start: int = 0) -> dict[str, bytes]:
    """The keys and offsets of ``Blocks`` over data of blocks of ``sizes`` from ``start``,
    kept elsewhere (``Blocks(..., data=...)``)."""
    offsets = [start]
    for size in sizes:
        offsets.append(offsets[-1] + size)
    return {name + ".keys": "\n".join(keys).encode(), name + ".offsets": _uint32_bytes(offsets)}


def daachorse_version() -> str:
    """The version of the installed daachorse (for the header of a compiled lexicon)."""
    from importlib.metadata import version
    return version("daachorse")


def _daachorse_is(version: str) -> bool:
    """Whether the installed daachorse is ``version``. An installed distribution keeps its
    metadata in a directory named by its version beside its package (PEP 376, 627): one look
    at the disk, where importlib.metadata would answer after a 25 ms import, 5 % of a cold
    start."""
    site = os.path.dirname(os.path.dirname(daachorse.__file__))
    return os.path.isdir(os.path.join(site, f"daachorse-{version}.dist-info"))


def stored_automaton(data: bytes, written_with: str, file: str,
                     patterns: Callable[[], list[str]]) -> daachorse.CharwiseDoubleArrayAhoCorasick:
    """The automaton stored in a compiled file, or, where the installed daachorse is not
    ``written_with`` or cannot read it, the automaton built again from its ``patterns``, with
    a warning: slower to start, never a different result."""
    if not _daachorse_is(written_with):
        reason = f"the installed daachorse is not {written_with}, which wrote it"
    else:
        try:
            return daachorse.CharwiseDoubleArrayAhoCorasick.deserialize(bytes(data))
        except ValueError as error:
            reason = f"daachorse {written_with} cannot read it ({error})"
    warnings.warn(f"factkit: the automaton stored in {file} is not used: {reason}; building "
                  "it from its patterns instead (up to 0.2 s at each start; the results are "
                  "the same)", RuntimeWarning, stacklevel=3)
    return daachorse.CharwiseDoubleArrayAhoCorasick(patterns())


def compile_phrases(payloads: Mapping[str, tuple[str, ...]]) -> dict[str, bytes]:
    """The sections of a phrase lexicon: phrase -> one payload per domain (no tab, no line
    break in either)."""
    phrases = sorted(payloads)
    lines = [("\t".join((phrase, *payloads[phrase])) + "\n").encode() for phrase in phrases]
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    automaton = daachorse.CharwiseDoubleArrayAhoCorasick(phrases)
    return {"phrases": b"".join(lines), "phrase_offsets": _uint32_bytes(offsets),
            "automaton": automaton.serialize()}


class Hits(NamedTuple):
    """Every occurrence of a phrase in a text, by start, the longest first at each start: its
    start, its end and its payloads (one per domain, "" where the phrase is not of that
    domain). Three flat sequences rather than a tuple per occurrence: a long text has
    millions, and they go with the document until its records are built. Positions are
    arrays of machine integers (8 bytes a position, not an int object of 32 and a pointer);
    payloads are shared tuples, which cost the garbage collector nothing to walk."""

    starts: array[int]
    ends: array[int]
    payloads: list[tuple[str, ...]]

    @classmethod
    def empty(cls) -> Hits:
        return cls(array("q"), array("q"), [])

    def __iter__(self) -> Iterator[tuple[int, int, tuple[str, ...]]]:  # type: ignore[override]
        return zip(self.starts, self.ends, self.payloads)

    def __len__(self) -> int:
        return len(self.starts)


_start = itemgetter(0)


class Lexicon:
    """A compiled phrase lexicon: every phrase of it in a text, in one pass. ``written_with``
    is the daachorse version that wrote the stored automaton."""

    def __init__(self, sections: Mapping[str, bytes], written_with: str) -> None:
        self._lines = sections["phrases"]
        self._line_offsets = _uint32(sections["phrase_offsets"])
        self._payloads: dict[int, tuple[str, ...]] = {}  # by pattern, decoded when first found
        self._automaton = stored_automaton(sections["automaton"], written_with, "lexicon.bin",
                                           lambda: [phrase for phrase, _ in self])

    def _line(self, pattern: int) -> list[str]:
        """The phrase of a pattern and its payloads."""
        start, end = self._line_offsets[pattern], self._line_offsets[pattern + 1]
        return str(self._lines[start:end - 1], "utf-8").split("\t")

    def _decode(self, patterns: Iterable[int]) -> None:
        decoded = self._payloads
        for pattern in patterns:
            decoded[pattern] = tuple(self._line(pattern)[1:])

    def payloads(self, phrase: str) -> tuple[str, ...] | None:
        """The payloads of ``phrase``, None when the lexicon does not hold it."""
        whole = len(phrase)
        for start, end, pattern in self._automaton.find_overlapping(phrase):
            if start == 0 and end == whole:
                if pattern not in self._payloads:
                    self._decode((pattern,))
                return self._payloads[pattern]
        return None

    def __iter__(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """Every phrase with its payloads, in sorted order (decodes the whole lexicon: for
        tests and tools, and to build the automaton where the stored one cannot be read)."""
        for line in str(self._lines, "utf-8").split("\n")[:-1]:
            phrase, *payloads = line.split("\t")
            yield phrase, tuple(payloads)

    def scan(self, text: str) -> Hits:
        """Every occurrence of every phrase, by start, the longest first at each start."""
        matches = self._automaton.find_overlapping(text)
        if not matches:
            return Hits.empty()
        # an automaton reports a phrase where it ends, so the matches come by end: reversed,
        # then sorted by start (a stable sort), they come the longest first at each start
        matches.reverse()
        matches.sort(key=_start)
        starts, ends, patterns = zip(*matches)
        decoded = self._payloads
        try:
            payloads = list(map(decoded.__getitem__, patterns))
        except KeyError:  # phrases no text held before
            self._decode(set(patterns).difference(decoded))
            payloads = list(map(decoded.__getitem__, patterns))
        return Hits(array("q", starts), array("q", ends), payloads)


@cache
def lexicon() -> Lexicon:
    """The shared lexicon of place and organization phrases (``data/lexicon.bin``)."""
    header, sections = read_sections("lexicon.bin")
    if tuple(header["domains"]) != DOMAINS:  # payloads are read by position in DOMAINS
        raise ValueError(f"lexicon.bin holds the domains {header['domains']}, not {DOMAINS}: "
                         "run scripts/compile_lexicons.py")
    return Lexicon(sections, header["daachorse"])


Span = TypeVar("Span", bound=tuple[Any, ...])


def leftmost_longest(spans: Iterable[Span],
                     accept: Callable[..., bool] = lambda *span: True) -> Iterator[Span]:
    """Non-overlapping spans, from left to right the longest accepted one at each start, from
    spans (start, end, ...) given by start, longest first (as ``Lexicon.scan`` gives them);
    ``accept`` is called with the items of a span."""
    free = 0
    for span in spans:
        if span[0] >= free and accept(*span):
            yield span
            free = span[1]
