"""Running a date rule only where it can match.

Each rule names its anchors: characters one of which every match holds (月 for the month
rules, 年 for the year rules, 时/点/: for clock times). A match never consumes a clause break
(，。；！？、 or a line break) and looks ahead at most at the break that ends its clause. So a
rule's matches in a text are its matches in the clauses that hold an anchor, each scanned up
to and including its closing break, and scanning just those gives exactly what scanning the
whole text gives, at a fraction of the cost: in news, the clauses with 年 are a few percent of
the text, and a rule whose anchors do not occur costs nothing at all.
(tests/test_dates_scan.py proves both properties from the patterns.)

Per text, one regular expression finds every clause that holds an anchor of any rule, from its
first anchor to its end, and the anchors it holds (the reversed text gives where it starts);
the stretches of each rule follow from those, shared by the rules with the same anchors.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Protocol

__all__ = ["CLAUSE_BREAKS", "TextIndex", "word_anchors"]

CLAUSE_BREAKS = "，。；！？、\n"

# Clauses at most this far apart are scanned as one stretch (the text between them holds no
# anchor, so no match: scanning it only costs time, less than a second call).
_JOIN_GAP = 16

# A clause longer than this has its anchors looked up one character at a time (each a scan at
# memory speed), as reading a text dense with anchors character by character costs more.
_LONG_CLAUSE = 256

# how common a character is in news, roughly: 一 everywhere, numerals and digits often
_WEIGHTS = {c: 10 for c in "0123456789二两三四五六七八九十零〇"} | {"一": 20}


def word_anchors(words: Iterable[str]) -> str:
    """Anchors for a list of words: of each word its least common character (the last of
    equals, as 节, 年, 天 end the names), preferring characters already chosen."""
    chosen: set[str] = set()
    for word in sorted(words, key=len):
        if chosen.intersection(word):
            continue
        best = min(reversed(word), key=lambda c: _WEIGHTS.get(c, 1))
        chosen.add(best)
    return "".join(sorted(chosen))


@cache
def _clause_patterns(anchor_chars: str) -> tuple[re.Pattern[str], re.Pattern[str],
                                                re.Pattern[str]]:
    """A clause that holds an anchor, with the break before it (the text's first clause has
    none: the second pattern reads it), its group what comes before its first anchor; and an
    anchor. The first opens with a single class, so the engine skips from break to break and
    a clause needs no search back for its start."""
    anchors = re.escape(anchor_chars)
    breaks = CLAUSE_BREAKS
    clause = f"([^{breaks}{anchors}]*+)[{anchors}][^{breaks}]*+"
    return re.compile(f"[{breaks}]{clause}"), re.compile(clause), re.compile(f"[{anchors}]")


class TextIndex:
    """Which anchor characters one text holds, and the clauses around them."""

    def __init__(self, text: str, anchor_chars: str) -> None:
        self.text = text
        # the clauses that hold an anchor, numbered in order: where each starts and ends
        starts: list[int] = []
        stops: list[int] = []
        # for each anchor character, the clauses that hold it
        self._clauses: dict[str, list[int]] = {}
        if any(c in text for c in CLAUSE_BREAKS):
            # the engine tries a match at each break only, and reads each clause once
            after_break, first_clause, anchor = _clause_patterns(anchor_chars)
            clauses = self._clauses
            found = after_break.finditer(text)
            head = first_clause.match(text)
            for m in itertools.chain((head,) if head else (), found):
                start, first = m.span(1)
                stop = m.end()
                if stop - first > _LONG_CLAUSE:
                    written = text[first:stop]
                    held: Iterable[str] = [c for c in anchor_chars if c in written]
                else:  # the engine lists them, where a set of the clause's characters
                    held = anchor.findall(text, first, stop)  # would hash each of them
                clause = len(starts)
                starts.append(start)
                stops.append(stop)
                for c in held:
                    holding = clauses.get(c)
                    if holding is None:
                        clauses[c] = [clause]
                    elif holding[-1] != clause:
                        holding.append(clause)
        else:  # one clause (a text dense with anchors, 1年1年…): no scan for breaks
            starts.append(0)
            stops.append(len(text))
            self._clauses = {c: [0] for c in anchor_chars if c in text}
        self._starts = starts
        self._stops = stops
        self._present = frozenset(self._clauses)
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def has_any(self, chars: str) -> bool:
        return not self._present.isdisjoint(chars)

    def spans(self, anchors: str) -> list[tuple[int, int]]:
        """The stretches of text to scan for a rule: the clauses that hold one of
        ``anchors``, each with the break that closes it, clauses close together joined (one
        longer scan costs less than two)."""
        found = self._spans.get(anchors)
        if found is not None:
            return found
        lists = [self._clauses[c] for c in anchors if c in self._present]
        if not lists:
            self._spans[anchors] = []
            return []
        clauses = lists[0] if len(lists) == 1 else sorted(set().union(*lists))
        starts, stops = self._starts, self._stops
        found = []
        start = stop = -_JOIN_GAP - 2  # a stretch before the text, dropped below
        for i in clauses:
            if starts[i] - stop > _JOIN_GAP:
                found.append((start, stop + 1))  # with the closing break
                start = starts[i]
            stop = stops[i]
        found.append((start, stop + 1))
        del found[0]
        self._spans[anchors] = found
        return found

    def matches(self, rule: Scanned) -> Iterator[re.Match[str]]:
        """``rule.pattern.finditer(text)`` (nothing in a text without one of the rule's
        words), scanning only the clauses that hold an anchor (and a match of the rule's
        screen, if it has one)."""
        text = self.text
        spans = self.spans(rule.anchors)
        if not spans:
            return  # the rule is not even compiled
        screen = rule.screen
        if screen is not None:
            screen_search = screen.search
            spans = [(start, end) for start, end in spans
                     if screen_search(text, start, end) is not None]
            if not spans:
                return
        # last, as a word the text lacks costs a pass over all of it
        if rule.words and not any(word in text for word in rule.words):
            return
        pattern = rule.pattern
        search = pattern.search
        for start, end in spans:
            m = search(text, start, end)  # most clauses hold no match: no iterator for them
            if m is None:
                continue
            yield m
            after = m.end()
            if after > m.start():  # the matches after it, as finditer would go on
                yield from pattern.finditer(text, after, end)
            else:  # after an empty match finditer tries the same place for a longer one
                yield from itertools.islice(pattern.finditer(text, start, end), 1, None)


class Scanned(Protocol):
    """What the scanner needs of a rule (see rules.Rule)."""

    anchors: str
    words: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern[str]: ...

    @property
    def screen(self) -> re.Pattern[str] | None: ...
