"""Every occurrence of a large set of phrases in a text, in one pass (Aho-Corasick).

A lexicon of tens of thousands of names (places, organizations, units) is compiled once into
an automaton (pyahocorasick); a text is then read once, whatever the number of names, and
each match is reported as a half-open span. The automaton keeps only the phrases' lengths:
callers look the matched text up in their own tables.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import ahocorasick

__all__ = ["PhraseIndex", "leftmost_longest"]


class PhraseIndex:
    """The phrases of a lexicon, matched all at once."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        count = 0
        for phrase in phrases:
            if phrase:
                self._automaton.add_word(phrase, len(phrase))
                count += 1
        if count:
            self._automaton.make_automaton()
        self.size = count

    def __contains__(self, phrase: str) -> bool:
        return self._automaton.exists(phrase)

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of every occurrence, overlapping ones included, by end position."""
        if not self.size:
            return
        for last, length in self._automaton.iter(text):
            yield last + 1 - length, last + 1


def leftmost_longest(spans: Iterable[tuple[int, int]], longest: int) -> Iterator[tuple[int, int]]:
    """Non-overlapping spans, from left to right the longest at each start, from spans given
    in order of their end (as ``PhraseIndex.spans`` gives them) and at most ``longest`` long.

    Streaming: a span is decided as soon as no later span can start at or before it, so
    memory stays bounded by the spans of one window of ``longest`` characters.
    """
    pending: list[tuple[int, int]] = []
    free = 0
    for start, end in spans:
        if start < free:
            continue
        pending.append((start, end))
        # every later span ends at or after `end`, so starts at or after end - longest
        while pending:
            first = min(s for s, _ in pending)
            if first >= end - longest:
                break
            chosen = max(e for s, e in pending if s == first)
            yield first, chosen
            free = chosen
            pending = [(s, e) for s, e in pending if s >= free]
    while pending:
        first = min(s for s, _ in pending)
        chosen = max(e for s, e in pending if s == first)
        yield first, chosen
        pending = [(s, e) for s, e in pending if s >= chosen]
