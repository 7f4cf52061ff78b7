"""Every occurrence of a large set of phrases in a text, in one pass.

A lexicon of tens of thousands of names (places, organizations, units) is indexed once by
the first two characters of each phrase (a two-level trie whose leaves are hashed): a text
is then read once, whatever the number of phrases, and only the positions whose two
characters open some phrase are looked at, for the few lengths phrases with that opening
have. On Chinese news this is about twice as fast as an Aho-Corasick automaton
(pyahocorasick, measured on the seed articles), because the opening pairs are found in one
pass at C speed and most positions open no phrase.

Phrases of one character are not indexed: a single character is never a name on its own.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

__all__ = ["PhraseIndex", "leftmost_longest"]


class PhraseIndex:
    """The phrases of a lexicon (two characters or more), matched all at once."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._phrases = frozenset(p for p in phrases if len(p) >= 2)
        openings: dict[str, set[int]] = {}
        for phrase in self._phrases:
            openings.setdefault(phrase[:2], set()).add(len(phrase))
        # the first two characters of every phrase -> the lengths they come in, longest first
        self._openings = {pair: tuple(sorted(lengths, reverse=True))
                          for pair, lengths in openings.items()}
        self.longest = max(map(len, self._phrases), default=0)

    def __contains__(self, phrase: str) -> bool:
        return phrase in self._phrases

    def __len__(self) -> int:
        return len(self._phrases)

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of every occurrence, by start, the longest first at each start."""
        openings = self._openings
        pairs = map(str.__add__, text, text[1:])
        for start in [i for i, pair in enumerate(pairs) if pair in openings]:
            for end in self.ends_at(text, start):
                yield start, end


    def ends_at(self, text: str, start: int) -> Iterator[int]:
        """The ends of the phrases that start at ``start``, longest first."""
        for length in self._openings.get(text[start:start + 2], ()):
            if start + length <= len(text) and text[start:start + length] in self._phrases:
                yield start + length


def leftmost_longest(spans: Iterable[tuple[int, int]],
                     accept: Callable[[int, int], bool] = lambda start, end: True
                     ) -> Iterator[tuple[int, int]]:
    """Non-overlapping spans, from left to right the longest accepted one at each start, from
    spans given by start, longest first (as ``PhraseIndex.spans`` gives them)."""
    free = 0
    for start, end in spans:
        if start >= free and accept(start, end):
            yield start, end
            free = end
