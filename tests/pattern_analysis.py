"""What a regular expression can match, read from the standard library's parse tree.

The date scanner runs each rule only around its anchor characters and only inside clauses
(each with the break that closes it); both are sound only if every match holds an anchor,
no match consumes a clause break and no lookahead can see past one. These helpers prove that from the patterns themselves, so that a rule edited
later cannot silently lose matches. The parse tree is an internal of ``re`` (``re._parser``,
``sre_parse`` before 3.11); only tests use it.
"""
from __future__ import annotations

from collections.abc import Iterable

try:
    from re import _constants as C
    from re import _parser as parser
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT} | ({C.POSSESSIVE_REPEAT} if hasattr(C, "POSSESSIVE_REPEAT")
                                          else set())
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)


def parse(pattern: str):  # type: ignore[no-untyped-def]
    return parser.parse(pattern)


def _charset(items) -> set[str] | None:  # type: ignore[no-untyped-def]
    """The characters of a [...] set, or None when it is negated or uses a category."""
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:  # NEGATE, CATEGORY
            return None
    return chars


def requires(seq, anchors: str | set[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether every string ``seq`` matches holds at least one of ``anchors``."""
    anchors = set(anchors)
    return any(_item_requires(op, av, anchors) for op, av in seq)


def _item_requires(op, av, anchors: set[str]) -> bool:  # type: ignore[no-untyped-def]
    if op is C.LITERAL:
        return chr(av) in anchors
    if op is C.IN:
        chars = _charset(av)
        return chars is not None and chars <= anchors
    if op is C.BRANCH:
        return all(requires(branch, anchors) for branch in av[1])
    if op is C.SUBPATTERN:
        return requires(av[-1], anchors)
    if op in _REPEATS:
        return av[0] >= 1 and requires(av[2], anchors)
    if op is _ATOMIC:
        return requires(av, anchors)
    return False  # assertions, back references, conditionals consume nothing certain


def forward_characters(seq) -> tuple[set[str], bool]:  # type: ignore[no-untyped-def]
    """The characters the pattern may consume or test with a lookahead, and whether it may
    also look forward with something open-ended (a negated set, a category, ., $, \\b) whose
    answer at the end of a clause could differ from its answer at the break character."""
    chars: set[str] = set()
    open_ended = False

    def walk(seq, behind: bool) -> None:  # type: ignore[no-untyped-def]
        nonlocal open_ended
        for op, av in seq:
            if op is C.LITERAL:
                if not behind:
                    chars.add(chr(av))
            elif op is C.IN:
                found = _charset(av)
                if not behind:
                    if found is None:
                        open_ended = True
                    else:
                        chars.update(found)
            elif op in (C.NOT_LITERAL, C.ANY):
                open_ended = open_ended or not behind
            elif op is C.AT:
                if av not in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
                    open_ended = True
            elif op is C.BRANCH:
                for branch in av[1]:
                    walk(branch, behind)
            elif op is C.SUBPATTERN:
                walk(av[-1], behind)
            elif op in _REPEATS:
                walk(av[2], behind)
            elif op is _ATOMIC:
                walk(av, behind)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                direction, inner = av
                # a lookbehind reads only what lies before the current position, which a
                # search started later still sees; a lookahead inside it could read further
                walk(inner, behind or direction < 0)
            elif op is C.GROUPREF_EXISTS:
                _, yes, no = av
                walk(yes, behind)
                if no is not None:
                    walk(no, behind)
            elif op is C.GROUPREF:
                continue  # repeats a group already walked
            else:
                open_ended = True
    walk(seq, False)
    return chars, open_ended


def choose_anchors(seq) -> set[str] | None:  # type: ignore[no-untyped-def]
    """A small set of characters every match holds (None when none is certain): for each
    alternative the rarest-looking required character, preferring later ones (年, 月, 日 end
    the parts of a date)."""
    options = _options(seq)
    return min(options, key=_cost) if options else None


_COMMON = set("0123456789一二两三四五六七八九十零〇")


def _cost(chars: Iterable[str]) -> float:
    return sum(10 if c in _COMMON else 1 for c in chars)


def _options(seq) -> list[set[str]]:  # type: ignore[no-untyped-def]
    found: list[set[str]] = []
    for op, av in seq:
        found.extend(_item_options(op, av))
    found.reverse()  # min() keeps the first of equals: prefer the later part
    return found


def _item_options(op, av) -> list[set[str]]:  # type: ignore[no-untyped-def]
    if op is C.LITERAL:
        return [{chr(av)}]
    if op is C.IN:
        chars = _charset(av)
        return [chars] if chars is not None and len(chars) < 200 else []
    if op is C.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            options = _options(branch)
            if not options:
                return []
            # prefer what the union already holds, then the cheapest
            union |= min(options, key=lambda s: (not s <= union, _cost(s)))
        return [union]
    if op is C.SUBPATTERN:
        return _options(av[-1])
    if op in _REPEATS:
        return _options(av[2]) if av[0] >= 1 else []
    if op is _ATOMIC:
        return _options(av)
    return []


def consumed_characters(seq) -> tuple[set[str], bool]:  # type: ignore[no-untyped-def]
    """The characters a match may consume (lookarounds aside), and whether it may also consume
    something open-ended (a negated set, a category, .) or test the end ($, \\b), whose answer
    differs at the end of a stretch scanned on its own."""
    chars: set[str] = set()
    open_ended = False
    for body in _parts(seq):
        found, open_part = forward_characters(body)
        chars |= found
        open_ended = open_ended or open_part
    return chars, open_ended


def _parts(seq):  # type: ignore[no-untyped-def]
    """``seq`` without its lookarounds, as one-item sequences."""
    for op, av in seq:
        if op in (C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.BRANCH:
            for branch in av[1]:
                yield from _parts(branch)
        elif op is C.SUBPATTERN:
            yield from _parts(av[-1])
        elif op in _REPEATS:
            yield from _parts(av[2])
        elif op is _ATOMIC:
            yield from _parts(av)
        elif op is C.GROUPREF_EXISTS:
            yield from _parts(av[1])
            if av[2] is not None:
                yield from _parts(av[2])
        else:
            yield [(op, av)]


def lookaheads(seq) -> list:  # type: ignore[no-untyped-def]
    """The bodies of the lookaheads of ``seq`` (not those inside a lookbehind, which read
    only what lies before the position)."""
    found = []
    for op, av in seq:
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, inner = av
            if direction > 0:
                found.append(inner)
                found.extend(lookaheads(inner))
        elif op is C.BRANCH:
            for branch in av[1]:
                found.extend(lookaheads(branch))
        elif op is C.SUBPATTERN:
            found.extend(lookaheads(av[-1]))
        elif op in _REPEATS:
            found.extend(lookaheads(av[2]))
        elif op is _ATOMIC:
            found.extend(lookaheads(av))
        elif op is C.GROUPREF_EXISTS:
            found.extend(lookaheads(av[1]))
            if av[2] is not None:
                found.extend(lookaheads(av[2]))
    return found
