"""Names that hold for one document: the short names it defines (广州地铁集团有限公司（以下简称
“广州地铁”）), the short forms of bodies it has named in full (发改委 after 国家发展和改革委员会,
公安局 after 郴州市公安局, 高新区 after 嘉禾高新区). Each is an organization everywhere in the
document, with the kind and place of the body it stands for.
"""
from __future__ import annotations

from functools import cache

import regex

from ..candidates import Candidate
from .edges import is_generic, is_name_char, left_edge_ok, stopword_end
from .placing import Places, Spans

__all__ = ["definitions", "bodies_after_place", "short_forms", "zone_short_forms"]

_QUOTED = r"[“\"「『‘]?(?P<short>[\p{Han}A-Za-z0-9·]{2,12}?)[”\"」』’]?"


@cache
def _definition() -> regex.Pattern:
    # （以下简称“广州地铁”）, (下称广州地铁), （简称：广州地铁）, （“广州地铁”）, ，简称“广州地铁”
    return regex.compile(
        r"\s*(?:[（(]\s*(?:(?:以下|下文)?(?:简称|称)|下称)?[：:]?\s*" + _QUOTED + r"\s*[）)]"
        r"|[，,]\s*(?:以下|下文)?简称[：:]?\s*" + _QUOTED + r"(?=[，。；,;）)\s]|$))")


# what a definition opens with, after any space
_DEFINITION_OPENERS = frozenset("（(，,")
_KINDS_WITH_SHORT_BODIES = {"government", "party", "legislature", "judicial", "military",
                            "hospital", "school", "research", "media"}


def definitions(text: str, bodies: list[Candidate],
                shorts: dict[str, tuple[str, str | None]]) -> None:
    """The short names the document gives its bodies, into ``shorts``."""
    for body in bodies:
        after = body.end
        following = text[after:after + 1]
        if following not in _DEFINITION_OPENERS and not following.isspace():
            continue  # most bodies: neither a bracket, a comma nor a space follows
        while after < len(text) and text[after].isspace():
            after += 1
        if after == len(text) or text[after] not in _DEFINITION_OPENERS:
            continue
        m = _definition().match(text, body.end)
        if not m:
            continue
        short = m.group("short")
        # a bracket holding a place or a date is no definition: 郴州经开区管委会（2025年）
        if short and not is_generic(short) and not short.isdigit() and short != body.fields["name"]:
            shorts.setdefault(short, (body.fields["kind"], body.fields["place"]))


def bodies_after_place(bodies: list[Candidate], places: Places,
                       suffix_kinds: dict[str, str],
                       shorts: dict[str, tuple[str, str | None]]) -> None:
    """郴州市公安局 named, a later 公安局 is the same body: the body after the place, when it
    is a whole type suffix of three characters or more."""
    starting_at = places.by_start.get
    for body in bodies:
        fields = body.fields
        if fields["kind"] not in _KINDS_WITH_SHORT_BODIES or fields["place"] is None:
            continue
        place = starting_at(body.start)
        if place is None:
            continue
        rest = fields["name"][place.end - body.start:]
        if len(rest) >= 3 and rest in suffix_kinds:
            shorts.setdefault(rest, (fields["kind"], fields["place"]))


def short_forms(text: str, shorts: dict[str, tuple[str, str | None]],
                edges: set[int]) -> list[Candidate]:
    """Every occurrence of the document's short names, where it starts a word."""
    # a document defines a handful of short names: a search for each beats building an
    # automaton for the document
    matches = sorted((start + len(name), start, name) for name in shorts
                     for start in _occurrences(text, name, overlapping=True))
    found = []
    for end, start, name in matches:
        if left_edge_ok(text, start, edges):
            kind, place = shorts[name]
            found.append(Candidate(start, end, "organization", "<document short form>",
                                   {"name": name, "kind": kind, "place": place}))
    return found


_ZONE_SHORTS = ("高新区", "经开区", "开发区", "产业园", "工业园")


def zone_short_forms(text: str, named: list[Candidate]) -> list[Candidate]:
    """高新区 alone, once the article has named 嘉禾高新区: the same zone, written short."""
    zones = sorted((c for c in named if c.fields["kind"] == "zone"), key=lambda c: c.end)
    # a short form stands for an earlier zone whose name ends with it: the others are not
    # looked for (a search reads the whole text)
    shorts = {zone.fields["name"][-3:] for zone in zones}.intersection(_ZONE_SHORTS)
    if not shorts:
        return []
    # no short form overlaps another (none starts with the character that ends one)
    mentions = sorted((start, short) for short in shorts for start in _occurrences(text, short))
    if not mentions:
        return []
    last_zone_by_suffix: dict[str, Candidate] = {}
    next_zone = 0
    bodies = Spans(named)
    out = []
    for start, short in mentions:
        # a mention inside a body named in full (嘉禾高新区) is that body
        if bodies.overlaps(start, start + 1):
            continue
        if start and is_name_char(text[start - 1]) and not stopword_end(text, start):
            continue  # inside a word
        while next_zone < len(zones) and zones[next_zone].end <= start:
            zone = zones[next_zone]
            if zone.fields["name"][-3:] in _ZONE_SHORTS:
                last_zone_by_suffix[zone.fields["name"][-3:]] = zone
            next_zone += 1
        earlier = last_zone_by_suffix.get(short)
        if earlier:
            out.append(Candidate(start, start + len(short), "organization", "<zone short form>",
                                 {"name": short, "kind": "zone",
                                  "place": earlier.fields["place"]}))
    return out


def _occurrences(text: str, word: str, overlapping: bool = False) -> list[int]:
    """Where ``word`` starts in ``text``; occurrences that overlap one found before it only
    when ``overlapping``."""
    found = []
    step = 1 if overlapping else len(word)
    start = text.find(word)
    while start >= 0:
        found.append(start)
        start = text.find(word, start + step)
    return found
