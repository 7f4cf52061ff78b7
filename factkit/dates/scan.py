"""Running a date rule only where it can match.

Each rule names its anchors: characters one of which every match holds (月 for the month
rules, 年 for the year rules, 时/点/: for clock times). A match never consumes a clause break
(，。；！？、 or a line break) and looks ahead at most at the break that ends its clause. So a
rule's matches in a text are its matches in the clauses that hold an anchor, each scanned up
to and including its closing break, and scanning just those gives exactly what scanning the
whole text gives, at a fraction of the cost: in news, the clauses with 年 are a few percent of
the text, and a rule whose anchors do not occur costs nothing at all.
(tests/test_dates_scan.py proves both properties from the patterns.)

Per text, one regular expression reads the text once, clause after clause, and stops at each
clause that holds an anchor of any rule, giving where it starts and ends and its first anchors
(a pattern that must find a break before the clause reads each clause without an anchor twice:
once to fail there, once to find the next break). The stretches of each anchor set, shared by
the rules with those anchors, are built on the way from the sets each anchor is in.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, TypeVar

__all__ = ["CLAUSE_BREAKS", "AnchorSets", "TextIndex", "opens_with_literal", "word_anchors"]

CLAUSE_BREAKS = "，。；！？、\n"

# Clauses at most this far apart are scanned as one stretch (the text between them holds no
# anchor, so no match: scanning it only costs time, less than a second call).
_JOIN_GAP = 16

# A search per stretch costs about as much as the engine's skipping over this many
# characters to the next place a screen's literal stands: stretches farther apart on average
# are screened one by one.
_SKIPPED_PER_SEARCH = 150

# A clause longer than this has its anchors looked up one character at a time (each a scan at
# memory speed), as reading a text dense with anchors character by character costs more.
_LONG_CLAUSE = 256

# How many kinds of clauses (by the first anchors they hold) an AnchorSets remembers the
# anchor sets of: news needs a few hundred.
_REMEMBERED = 4096

# how common a character is in news, roughly: 一 everywhere, numerals and digits often, and
# 下 (以下, 下降, 下午), 度 (年度, 制度, 程度) and 期 (时期, 期间, 近期) far more than the other
# character of the date words they end (眼下, 季度, 星期)
_WEIGHTS = {c: 10 for c in "0123456789二两三四五六七八九十零〇下度期"} | {"一": 20}


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


def opens_with_literal(source: str) -> bool:
    """Whether every match of the pattern ``source`` opens with the one character it is
    written with (年(?:…), 国庆; not 季|半年, [0-9]年, 年?): the engine then skips to the next
    place that character stands at a few instructions a character, where it tries a
    character class, or a pattern with branches, at each character."""
    if not source or source[0] in "\\[(.^$|?*+{" or source[1:2] in ("?", "*", "+", "{"):
        return False
    depth = 0
    escaped = in_class = False
    for c in source:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return False
    return True


class AnchorSets:
    """The anchor sets of a rule table (several rules share one), and the patterns a text is
    read with for them."""

    def __init__(self, sets: Iterable[str]) -> None:
        self.sets = tuple(dict.fromkeys(sets))
        self.number = {anchors: k for k, anchors in enumerate(self.sets)}
        chars = "".join(sorted(set("".join(self.sets))))
        self.chars = chars
        # for each anchor character, the sets that hold it
        self.holding = {c: tuple(k for k, anchors in enumerate(self.sets) if c in anchors)
                        for c in chars}
        # the same as the bits of a number, which add up to the sets of a clause at the cost
        # of one operation an anchor; and the sets of each sum seen
        self.bits = {c: sum(1 << k for k in sets) for c, sets in self.holding.items()}
        self.sets_of_bits: dict[int, tuple[int, ...]] = {}
        self._compiled: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        # the sets holding one of a clause's anchors, by the anchors the clause pattern
        # lists (clauses hold the same few again and again: 年, 月 and 日, …)
        self.remembered: dict[tuple[str | None, ...], tuple[int, ...]] = {}

    def patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The next clause that holds an anchor, from where the last one ended: the clauses
        without one before it (with their breaks), then the clause, its group what comes
        before its first anchor; or, past the last such clause, the rest of the text. And an
        anchor. The engine reads each character once, as the first pattern always matches
        where the search starts (a pattern that may fail there is tried again one character
        on, which reads the clauses after the last anchor over and over)."""
        if self._compiled is None:
            anchors = re.escape(self.chars)
            breaks = CLAUSE_BREAKS
            bare = f"[^{breaks}{anchors}]*+"
            anchor = f"{bare}([{anchors}])"
            self._compiled = (re.compile(f"(?:{bare}[{breaks}])*+(?:(){anchor}(?:{anchor}"
                                         f"(?:{anchor}(?:{anchor})?)?)?[^{breaks}]*+"
                                         f"|{bare}\\Z)"),
                              re.compile(f"[{anchors}]"))
        return self._compiled

    def holding_any(self, held: tuple[str | None, ...], text: str, start: int,
                    stop: int) -> tuple[int, ...]:
        """The sets that hold one of the anchors of the clause ``text[start:stop]``, whose
        first anchors the clause pattern found (``held``, after an empty group); remembered,
        unless the clause may hold more than those."""
        if held[-1] is None:
            chars: Iterable[str] = [c for c in held[1:] if c is not None]
        elif stop - start > _LONG_CLAUSE:  # and perhaps more
            written = text[start:stop]
            chars = [c for c in self.chars if c in written]
        else:  # the engine lists them, where a set of the clause's characters would hash
            chars = self.patterns()[1].findall(text, start, stop)  # each of them
        bits = 0
        for c in chars:
            bits |= self.bits[c]
        sets = self.sets_of_bits.get(bits)
        if sets is None:
            sets = tuple(k for k in range(len(self.sets)) if bits >> k & 1)
            if len(self.sets_of_bits) < _REMEMBERED:
                self.sets_of_bits[bits] = sets
        if held[-1] is None and len(self.remembered) < _REMEMBERED:
            self.remembered[held] = sets
        return sets


class TextIndex:
    """Where in one text the clauses holding an anchor of each set are."""

    def __init__(self, text: str, anchor_sets: AnchorSets) -> None:
        self.text = text
        self.anchor_sets = anchor_sets
        # for each anchor set, the stretches to scan: clauses that hold one of its anchors,
        # each with the break that closes it, those close together joined (one longer scan
        # costs less than two); where they start and where they end
        count = len(anchor_sets.sets)
        starts: list[list[int]] = [[] for _ in range(count)]
        stops: list[list[int]] = [[] for _ in range(count)]
        holding = anchor_sets.holding
        if any(c in text for c in CLAUSE_BREAKS):
            clauses = anchor_sets.patterns()[0]
            sets_of = anchor_sets.remembered
            for m in clauses.finditer(text):
                held = m.groups()  # its first anchors, after an empty group
                if held[1] is None:  # the clauses after the last one holding an anchor
                    break
                start = m.start(1)
                stop = m.end() + 1  # with its closing break
                sets = sets_of.get(held)
                if sets is None:
                    sets = anchor_sets.holding_any(held, text, start, stop)
                for k in sets:
                    ends = stops[k]
                    if ends and start - ends[-1] < _JOIN_GAP:
                        ends[-1] = stop
                    else:
                        starts[k].append(start)
                        ends.append(stop)
        else:  # one clause (a text dense with anchors, 1年1年…): no scan for breaks
            for c in anchor_sets.chars:
                if c in text:
                    for k in holding[c]:
                        if not starts[k]:
                            starts[k].append(0)
                            stops[k].append(len(text) + 1)
        self._starts = starts
        self._stops = stops

    def rules_anchored(self, rules: Sequence[_Rule]) -> list[tuple[int, _Rule]]:
        """The rules, with their place in ``rules``, one of whose anchors the text holds: the
        others have nothing to search (most rules, in most texts), and are passed over here
        for a list index each rather than asked one by one."""
        number, starts = self.anchor_sets.number, self._starts
        return [(order, rule) for order, rule in enumerate(rules) if starts[number[rule.anchors]]]

    def stretches(self, rule: Scanned) -> list[tuple[int, int]]:
        """The stretches of text to search for ``rule``: the clauses that hold one of its
        anchors, each with the break that closes it (clauses close together joined), and a
        match of its screen, if it has one; none in a text without one of its words. Asked
        before any search, so that a rule with nothing to search costs nothing more."""
        k = self.anchor_sets.number[rule.anchors]
        starts = self._starts[k]
        if not starts:
            return []  # the rule is not even compiled
        screen = rule.screen
        if screen is None:
            spans = list(zip(starts, self._stops[k]))
        elif rule.screen_opens_with_literal and \
                self._stops[k][-1] - starts[0] < len(starts) * _SKIPPED_PER_SEARCH:
            spans = self._screened_by_skipping(screen, starts, self._stops[k])
            if not spans:
                return spans
        else:
            text = self.text
            screen_search = screen.search
            spans = [(start, end) for start, end in zip(starts, self._stops[k])
                     if screen_search(text, start, end) is not None]
            if not spans:
                return spans
        # last, as a word the text lacks costs a pass over all of it
        if rule.words and not any(word in self.text for word in rule.words):
            return []
        return spans

    def _screened_by_skipping(self, screen: re.Pattern[str], starts: list[int],
                              stops: list[int]) -> list[tuple[int, int]]:
        """The stretches holding a match of ``screen``, a pattern opening with a literal
        character, found by searching on from one stretch to the next: the engine skips over
        the stretches without a match (and the text between them) at a few instructions a
        character, where a search per stretch costs a call each. A match found between two
        stretches sends the search on from the start of the next one.

        The search reads past the end of a stretch, which ends with the break that closes
        its last clause: as a screen that opens with a literal consumes no break and looks
        ahead at none (tests/test_dates_scan.py proves it from the patterns), what it finds
        at a place of a stretch does not depend on where the search is told to stop."""
        text = self.text
        search = screen.search
        last = stops[-1]
        count = len(starts)
        spans: list[tuple[int, int]] = []
        k = 0
        at = starts[0]
        while True:
            m = search(text, at, last)
            if m is None:
                return spans
            found = m.start()
            k = bisect_right(stops, found, k)  # the stretch ending after it (one does)
            start = starts[k]
            if found >= start:
                spans.append((start, stops[k]))
                k += 1
                if k == count:
                    return spans
                start = starts[k]
            at = start

    def matches(self, rule: Scanned,
                stretches: list[tuple[int, int]] | None = None) -> Iterator[re.Match[str]]:
        """``rule.pattern.finditer(text)``, searching only ``stretches`` (by default
        ``self.stretches(rule)``)."""
        if stretches is None:
            stretches = self.stretches(rule)
            if not stretches:
                return  # the rule is not even compiled
        text = self.text
        pattern = rule.pattern
        search = pattern.search
        # a rule of one anchor looks for it in what a stretch has left after a match
        anchor = rule.anchors if len(rule.anchors) == 1 else None
        for start, end in stretches:
            m = search(text, start, end)  # most clauses hold no match: no iterator for them
            if m is None:
                continue
            yield m
            after = m.end()
            if after > m.start():  # the matches after it, as finditer would go on
                # Every match consumes an anchor and no break: none follows where the
                # stretch has only its closing break left, or none of the rule's anchor.
                if end - after > 1 and (anchor is None or text.find(anchor, after, end) >= 0):
                    yield from pattern.finditer(text, after, end)
            else:  # after an empty match finditer tries the same place for a longer one
                yield from itertools.islice(pattern.finditer(text, start, end), 1, None)


class Scanned(Protocol):
    """What the scanner needs of a rule (see rules.Rule)."""

    anchors: str
    words: tuple[str, ...]
    screen_opens_with_literal: bool

    @property
    def pattern(self) -> re.Pattern[str]: ...

    @property
    def screen(self) -> re.Pattern[str] | None: ...


_Rule = TypeVar("_Rule", bound=Scanned)
