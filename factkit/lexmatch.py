"""Every occurrence of a large set of phrases in a text, in one pass, from lexicons compiled
ahead of time.

**One pass for several lexicons.** The place names of the gazetteer and the organization
names and type suffixes are one ``Lexicon`` (``data/lexicon.bin``): each phrase carries one
payload per domain ("place", "org"), empty where the phrase is not of that domain. A text is
scanned once (``Lexicon.scan``); the places and the organizations extractors both read that
scan, kept for the last text scanned.

**How a scan runs.** Phrases are grouped by their *opening*, their first two characters (the
whole phrase when it has one). An Aho-Corasick automaton over the openings (ahocorasick_rs,
in Rust) finds, in one call, every position where a phrase may start; only there, the
phrases of that opening are looked up by hash, for the few lengths they come in. Measured on
the seed articles and on 1 MB of news, with the 48,000 phrases of the two lexicons: the
automaton finds the openings in 0.5 ms per 10,000 characters, where a Python loop over the
character pairs takes 4-10 ms and pyahocorasick over the whole phrases 14 ms (its root has a
child per first character, thousands, searched one by one). An automaton over the whole
phrases scans about as fast as the one over openings, but takes 160 ms to build against
25 ms: the build is paid on every start, as the Rust automaton cannot be stored.

**Compiled files** (``scripts/compile_lexicons.py`` writes them; a test rebuilds them from
the source tables and compares): a JSON header line naming the sources and the sections,
then the sections' bytes. A phrase lexicon has three sections: ``openings`` (sorted, one per
line), ``offsets`` (little-endian uint32: where each opening's group starts in ``groups``)
and ``groups`` (one line per phrase: the phrase and its payloads, tab-separated). Nothing is
decoded at load but the openings: a group is decoded the first time a text holds its opening.
"""
from __future__ import annotations

import json
import sys
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import ahocorasick_rs

__all__ = ["Lexicon", "Hit", "lexicon", "leftmost_longest", "read_sections", "write_sections",
           "compile_phrases"]

DOMAINS = ("place", "org")


@cache
def read_sections(name: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The header and the sections of a compiled file under ``factkit/data``."""
    raw = resources.files("factkit").joinpath("data", name).read_bytes()
    header_end = raw.index(b"\n") + 1
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
    return (json.dumps(header, ensure_ascii=False, sort_keys=False) + "\n").encode() + \
        b"".join(sections.values())


def _opening(phrase: str) -> str:
    return phrase[:2]


def compile_phrases(payloads: Mapping[str, tuple[str, ...]]) -> dict[str, bytes]:
    """The sections of a phrase lexicon: phrase -> one payload per domain (no tab, no line
    break in either)."""
    groups: dict[str, list[str]] = {}
    for phrase in sorted(payloads):
        groups.setdefault(_opening(phrase), []).append("\t".join((phrase, *payloads[phrase])))
    openings = sorted(groups)
    offsets = array("I", [0])
    encoded = []
    for opening in openings:
        group = ("\n".join(groups[opening]) + "\n").encode()
        encoded.append(group)
        offsets.append(offsets[-1] + len(group))
    if sys.byteorder != "little":
        offsets.byteswap()
    return {"openings": "\n".join(openings).encode(), "offsets": offsets.tobytes(),
            "groups": b"".join(encoded)}


class Hit(NamedTuple):
    start: int
    end: int
    phrase: str
    payloads: tuple[str, ...]   # one per domain, "" where the phrase is not of that domain


class _Group(NamedTuple):
    lengths: tuple[int, ...]                 # longest first
    phrases: dict[str, tuple[str, ...]]      # phrase -> payloads


class Lexicon:
    """A compiled phrase lexicon: every phrase of it in a text, in one pass."""

    def __init__(self, sections: Mapping[str, bytes], domains: tuple[str, ...]) -> None:
        self.domains = domains
        self._openings = bytes(sections["openings"]).decode().split("\n")
        offsets = array("I")
        offsets.frombytes(sections["offsets"])
        if sys.byteorder != "little":
            offsets.byteswap()
        self._offsets = offsets
        self._groups_bytes = sections["groups"]
        self._groups: dict[int, _Group] = {}
        self._automaton = ahocorasick_rs.AhoCorasick(self._openings)
        self._last: tuple[str, list[Hit]] | None = None

    def _group(self, index: int) -> _Group:
        group = self._groups.get(index)
        if group is None:
            text = bytes(self._groups_bytes[self._offsets[index]:self._offsets[index + 1]])
            phrases: dict[str, tuple[str, ...]] = {}
            for line in text.decode().splitlines():
                phrase, *payloads = line.split("\t")
                phrases[phrase] = tuple(payloads)
            lengths = tuple(sorted({len(p) for p in phrases}, reverse=True))
            group = self._groups[index] = _Group(lengths, phrases)
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

    def scan(self, text: str) -> list[Hit]:
        """Every occurrence of every phrase, by start, the longest first at each start. The
        scan of the last text is kept: the extractors that read the same text share it."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        hits: list[Hit] = []
        group_of = self._groups.get
        size = len(text)
        for index, start, _ in sorted(self._automaton.find_matches_as_indexes(
                text, overlapping=True), key=_by_start_then_longest):
            group = group_of(index) or self._group(index)
            phrases = group.phrases
            for length in group.lengths:
                end = start + length
                if end <= size:  # a slice past the end would be a shorter phrase
                    phrase = text[start:end]
                    payloads = phrases.get(phrase)
                    if payloads is not None:
                        hits.append(Hit(start, end, phrase, payloads))
        self._last = (text, hits)
        return hits


def _by_start_then_longest(match: tuple[int, int, int]) -> tuple[int, int]:
    # a two-character opening and a one-character phrase may start at the same position
    return match[1], -match[2]


@cache
def lexicon() -> Lexicon:
    """The shared lexicon of place and organization phrases (``data/lexicon.bin``)."""
    header, sections = read_sections("lexicon.bin")
    return Lexicon(sections, tuple(header["domains"]))


def leftmost_longest(spans: Iterable[tuple[int, int]],
                     accept: Callable[[int, int], bool] = lambda start, end: True
                     ) -> Iterator[tuple[int, int]]:
    """Non-overlapping spans, from left to right the longest accepted one at each start, from
    spans given by start, longest first (as ``Lexicon.scan`` gives them)."""
    free = 0
    for start, end in spans:
        if start >= free and accept(start, end):
            yield start, end
            free = end
