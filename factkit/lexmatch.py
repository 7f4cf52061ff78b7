"""Every occurrence of a large set of phrases in a text, in one pass, from lexicons compiled
ahead of time.

**One pass for several lexicons.** The place names of the gazetteer and the organization
names, type suffixes and company markers are one ``Lexicon`` (``data/lexicon.bin``): each
phrase carries one payload per domain ("place", "org"), empty where the phrase is not of that
domain. A text is scanned once (``Lexicon.scan``): the scan belongs to the text
(``NormalizedText.phrases``), and the places and the organizations extractors both read it
there.

**How a scan runs.** Phrases are grouped by their *opening*, their first two characters (the
whole phrase when it has one). An Aho-Corasick automaton (ahocorasick_rs, in Rust) finds, in
one call, every position where a phrase may start; only there, the phrases of that opening
that go on with the next character are looked up by hash. The automaton's patterns are the
openings' *triggers*: an opening that is a phrase itself is its own trigger; one that only
opens longer phrases (医疗 of 医疗保障局) is triggered by their first three characters. On
news, two openings found in three are words that open phrases (发展, 中国) followed by nothing
of the lexicon: over the 35,000 triggers of the 27,000 openings, the automaton finds 350
positions to look at on the seeds instead of 1,000.
Measured (CPU, on a loaded 2-core machine) with the 48,000 phrases of the two lexicons, on the
seed articles (10,900 characters) and on 1 MB of news (350,000 characters): an index by
opening read by a Python loop over the character pairs, 9-11 ms and 290-320 ms;
pyahocorasick over the whole phrases, 14 ms and 300-460 ms (its root has a child per first
character, thousands, searched one by one); ahocorasick_rs over the whole phrases, 0.4-0.8 ms
and 28-30 ms, but it takes 130-200 ms to build, on every start, as it cannot be stored
(a pickled pyahocorasick automaton loads in 10 ms, and scans as slowly). The automaton over
the openings builds in 25-30 ms and a whole scan takes 1.1-1.3 ms on the seeds; over their
triggers, 45-55 ms and 0.8-0.9 ms (measured later, same machine). One automaton
for places and organizations rather than two: a second pass would read the text again for
the 300 openings of organization names the first one finds anyway.

**Compiled files** (``scripts/compile_lexicons.py`` writes them; a test rebuilds them from
the source tables and compares): a JSON header line naming the sources and the sections,
then the sections' bytes. A phrase lexicon has nine sections: ``openings`` (sorted, one per
line), ``offsets`` (little-endian uint32: where each opening's group starts in ``groups``),
``groups`` (one line per phrase: the phrase and its payloads, tab-separated), ``singles``
(the openings of one character), ``triggers`` (one per line), ``trigger_openings``
(uint32: the opening each trigger stands for), and the openings of two characters by their
first one for a scan without the automaton: ``pair_firsts`` (the first characters),
``pair_seconds`` (the second characters of each, a line each) and ``pair_bases`` (uint32:
the index of its first opening). Nothing is decoded at load but the openings: a group is
decoded the first time a text holds its opening, the triggers when the automaton is built,
the openings by first character at the first scan without it (2,600 entries, built in a
third of the time an index of the 27,000 openings took).
"""
from __future__ import annotations

import json
import mmap
import re
import sys
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from itertools import repeat
from importlib import resources
from typing import Any, NamedTuple, TypeVar

import ahocorasick_rs

__all__ = ["Lexicon", "Hits", "Blocks", "lexicon", "leftmost_longest", "data_file",
           "read_sections", "write_sections", "compile_phrases", "compile_blocks", "compile_index"]

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


def _opening(phrase: str) -> str:
    return phrase[:2]


def compile_phrases(payloads: Mapping[str, tuple[str, ...]]) -> dict[str, bytes]:
    """The sections of a phrase lexicon: phrase -> one payload per domain (no tab, no line
    break in either)."""
    groups: dict[str, list[str]] = {}
    for phrase in sorted(payloads):
        groups.setdefault(_opening(phrase), []).append("\t".join((phrase, *payloads[phrase])))
    openings = sorted(groups)
    offsets = [0]
    encoded = []
    triggers: list[str] = []
    trigger_openings: list[int] = []
    for index, opening in enumerate(openings):
        group = ("\n".join(groups[opening]) + "\n").encode()
        encoded.append(group)
        offsets.append(offsets[-1] + len(group))
        # an opening that is a phrase triggers itself; one that is not, by its phrases' first
        # three characters
        found = [opening] if opening in payloads else \
            sorted({line[:3] for line in groups[opening]})
        triggers += found
        trigger_openings += [index] * len(found)
    # the openings of two characters by their first: its seconds, and the index of the first
    pair_firsts: list[str] = []
    pair_seconds: list[list[str]] = []
    pair_bases: list[int] = []
    for index, opening in enumerate(openings):
        if len(opening) == 2:
            if not pair_firsts or pair_firsts[-1] != opening[0]:
                pair_firsts.append(opening[0])
                pair_seconds.append([])
                pair_bases.append(index)
            pair_seconds[-1].append(opening[1])
    return {"openings": "\n".join(openings).encode(), "offsets": _uint32_bytes(offsets),
            "groups": b"".join(encoded),
            "singles": "".join(o for o in openings if len(o) == 1).encode(),
            "triggers": "\n".join(triggers).encode(),
            "trigger_openings": _uint32_bytes(trigger_openings),
            "pair_firsts": "".join(pair_firsts).encode(),
            "pair_seconds": "\n".join("".join(s) for s in pair_seconds).encode(),
            "pair_bases": _uint32_bytes(pair_bases)}


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


class _Group(NamedTuple):
    # the lengths of the phrases longer than the opening, by the character after it, longest
    # first: at a position, only the lengths that can match there are tried
    longer: dict[str, tuple[int, ...]]
    whole: tuple[str, ...] | None            # the payloads of the opening itself, if a phrase
    phrases: dict[str, tuple[str, ...]]      # phrase -> payloads


# Characters scanned before the automaton is built. Building it takes 45-55 ms (CPU), as
# long as finding the openings of 100,000 characters in Python (0.5 µs a character), after
# which it finds them at 0.1 µs: a short text is scanned without it (the first extraction
# pays nothing for it), and a run of texts or a long one builds it early, at half that
# length, so that a steady run is measured (benchmarks/stages.py) and served with it.
BUILD_AFTER = 50_000


class Lexicon:
    """A compiled phrase lexicon: every phrase of it in a text, in one pass."""

    def __init__(self, sections: Mapping[str, bytes]) -> None:
        self._openings = bytes(sections["openings"]).decode().split("\n")
        self._one_character = bytes(sections["singles"]).decode()  # the phrases of one character
        self._offsets = _uint32(sections["offsets"])
        self._groups_bytes = sections["groups"]
        self._triggers = sections["triggers"], sections["trigger_openings"]
        self._pair_sections = (sections["pair_firsts"], sections["pair_seconds"],
                               sections["pair_bases"])
        self._groups: dict[int, _Group] = {}
        self._automaton: ahocorasick_rs.AhoCorasick | None = None
        self._trigger_openings: array[int] = array("I")
        self._pairs: tuple[dict[str, str], dict[str, int], re.Pattern[str] | None] | None = None
        self._scanned = 0

    def _group(self, index: int) -> _Group:
        group = self._groups.get(index)
        if group is None:
            start, end = self._offsets[index], self._offsets[index + 1]
            text = bytes(self._groups_bytes[start:end]).decode()
            # a line is a phrase and its payloads: all read as one list of cells, a line a row
            width = text.count("\t", 0, text.index("\n")) + 1
            cells = text.replace("\n", "\t").split("\t")
            del cells[-1]  # after the last line break
            rows = zip(*(cells[column::width] for column in range(1, width))) if width > 1 \
                else repeat(())
            phrases = dict(zip(cells[::width], rows))
            by_next: dict[str, set[int]] = {}
            for phrase in phrases:
                if len(phrase) > 2:
                    by_next.setdefault(phrase[2], set()).add(len(phrase))
            longer = {after: tuple(sorted(found, reverse=True))
                      for after, found in by_next.items()}
            opening = self._openings[index]
            group = self._groups[index] = _Group(longer, phrases.get(opening), phrases)
        return group

    def payloads(self, phrase: str) -> tuple[str, ...] | None:
        """The payloads of ``phrase``, None when the lexicon does not hold it."""
        opening = _opening(phrase)
        index = bisect_left(self._openings, opening)
        if index == len(self._openings) or self._openings[index] != opening:
            return None
        return self._group(index).phrases.get(phrase)

    def __iter__(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """Every phrase with its payloads (decodes the whole lexicon: for tests and tools)."""
        for index in range(len(self._openings)):
            yield from self._group(index).phrases.items()

    def openings(self, text: str, automaton: bool | None = None) -> list[tuple[int, int, int]]:
        """(start, -length, group) of every opening in ``text``, by start, the longer first.
        ``automaton`` forces one way of finding them or the other (for tests); by default
        the automaton is used once it is worth building (``BUILD_AFTER``)."""
        if automaton is None:
            self._scanned += len(text)
            automaton = self._automaton is not None or self._scanned > BUILD_AFTER
        if automaton:
            if self._automaton is None:
                self._automaton, self._trigger_openings = self._build_automaton()
            # a trigger of three characters stands for its opening of two
            opening_of = self._trigger_openings
            found = [(start, -1 if end - start == 1 else -2, opening_of[index])
                     for index, start, end in
                     self._automaton.find_matches_as_indexes(text, overlapping=True)]
        else:
            seconds, bases, singles = self._pairs if self._pairs is not None \
                else self._pair_openings()
            found = []
            get = seconds.get
            for start, (first, second) in enumerate(zip(text, text[1:])):
                following = get(first)
                if following is not None:
                    at = following.find(second)
                    if at >= 0:
                        found.append((start, -2, bases[first] + at))
            if singles is not None:
                openings = self._openings
                found += [(m.start(), -1, bisect_left(openings, m.group()))
                          for m in singles.finditer(text)]
        found.sort()
        return found

    def _build_automaton(self) -> tuple[ahocorasick_rs.AhoCorasick, array[int]]:
        triggers, openings = self._triggers
        return (ahocorasick_rs.AhoCorasick(bytes(triggers).decode().split("\n")),
                _uint32(openings))

    def _pair_openings(self) -> tuple[dict[str, str], dict[str, int], re.Pattern[str] | None]:
        # first character -> the second characters of its openings of two (in the order of
        # the openings), and -> the index of the first of them: a few thousand entries, where
        # an index of every opening would take 27,000 and longer to build than a scan takes
        firsts_data, seconds_data, bases_data = self._pair_sections
        firsts = bytes(firsts_data).decode()
        seconds = dict(zip(firsts, bytes(seconds_data).decode().split("\n")))
        bases = dict(zip(firsts, _uint32(bases_data)))
        singles = re.compile(f"[{re.escape(self._one_character)}]") \
            if self._one_character else None
        self._pairs = seconds, bases, singles
        return self._pairs

    def scan(self, text: str, automaton: bool | None = None) -> Hits:
        """Every occurrence of every phrase, by start, the longest first at each start."""
        hits = Hits.empty()
        add_start, add_end, add_payloads = hits.starts.append, hits.ends.append, \
            hits.payloads.append
        group_of = self._groups.get
        size = len(text)
        for start, minus_opening, index in self.openings(text, automaton):
            longer, whole, phrases = group_of(index) or self._group(index)
            # most openings are words that open phrases (医疗 of 医疗保障局) and are no phrase
            # themselves: one lookup finds nothing to try
            lengths = longer.get(text[start + 2:start + 3]) if longer else None
            if lengths:
                for length in lengths:
                    end = start + length
                    if end <= size:  # a slice past the end would be a shorter phrase
                        payloads = phrases.get(text[start:end])
                        if payloads is not None:
                            add_start(start)
                            add_end(end)
                            add_payloads(payloads)
            if whole is not None:
                add_start(start)
                add_end(start - minus_opening)
                add_payloads(whole)
        return hits


@cache
def lexicon() -> Lexicon:
    """The shared lexicon of place and organization phrases (``data/lexicon.bin``)."""
    header, sections = read_sections("lexicon.bin")
    if tuple(header["domains"]) != DOMAINS:  # payloads are read by position in DOMAINS
        raise ValueError(f"lexicon.bin holds the domains {header['domains']}, not {DOMAINS}: "
                         "run scripts/compile_lexicons.py")
    return Lexicon(sections)


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
