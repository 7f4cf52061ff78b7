"""Organizations: [place prefix] + [body] + [type suffix], with kind and the place they belong to.

1. **Suffix.** Every type suffix of ``data/org_suffixes.tsv`` is found (longest first); it
   gives the kind (有限公司 → company, 卫生院 → hospital, 管委会 → government, 党工委 →
   party, 高新区 → zone …) and the right boundary.
2. **Left boundary.** From the suffix, the name runs left over name characters and stops at
   punctuation and at the words of ``data/org_stopwords.txt`` (与, 在, 走进, 依托 …). Within
   that stretch the name starts at the first place the places extractor found there
   (走进娄星区人民医院 → 娄星区人民医院); with no place in it, the whole stretch is the body,
   which must be a real name: at least two characters, not only generic words (公立医院,
   乡镇卫生院 are no names: ``data/org_generic.txt``).
3. **Short forms.** A body that is only a level (市委, 市政府, 区人民医院, 省儿童医院) names
   the organization of the place the article is about: ``place`` is the nearest prefecture
   (市), county (县/区) or province (省) mentioned before it, or the most mentioned one.
4. **Companies without a suffix**: a name before a company marker (蓝思科技, 重药控股博瑞药业,
   ``data/company_markers.txt``), a curated list of well-known brands
   (``data/company_brands.txt``), and the other names listed with a company found so far
   (华润三九、阿秒光学 → both companies).

A bare place name used for its government (嘉禾县提前部署) is reported as a place only:
the government reading is a figure of speech, and reporting it twice would double every
county in the text.
"""
from __future__ import annotations

import bisect
import itertools
from functools import cache

import regex

from .candidates import Candidate, Context
from .lexicon import read_lines, read_table
from .normalize import NormalizedText

__all__ = ["extract"]

_MAX_NAME = 20
_LEVEL_CHARS = "省市县区州镇乡"
_LEVEL_OF_CHAR = {"省": "province", "市": "prefecture", "州": "prefecture", "县": "county",
                  "区": "county", "镇": "township", "乡": "township"}
_NAME_CHAR = regex.compile(r"[\p{Han}A-Za-z（）()·]")
_MAX_BODY_WITHOUT_PLACE = 6


@cache
def _suffixes() -> dict[str, str]:
    return {row["suffix"]: row["kind"] for row in read_table("org_suffixes.tsv")}


@cache
def _suffix_regex() -> regex.Pattern:
    words = sorted(_suffixes(), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(w) for w in words))


@cache
def _stopwords() -> tuple[str, ...]:
    return tuple(sorted(read_lines("org_stopwords.txt"), key=len, reverse=True))


@cache
def _stopword_set() -> tuple[frozenset[str], tuple[int, ...]]:
    words = frozenset(_stopwords())
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


@cache
def _generic_regex() -> regex.Pattern:
    words = sorted(read_lines("org_generic.txt"), key=len, reverse=True)
    return regex.compile("(?:" + "|".join(regex.escape(w) for w in words) + ")+")


@cache
def _brand_regex() -> regex.Pattern:
    brands = sorted(read_lines("company_brands.txt"), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(w) for w in brands))


@cache
def _marker_regex() -> regex.Pattern:
    """A company marker where a name can end: before punctuation, a list word or a verb."""
    markers = sorted(read_lines("company_markers.txt"), key=len, reverse=True)
    return regex.compile(
        rf"(?:{'|'.join(regex.escape(w) for w in markers)})(?=[^\p{{Han}}]|$|与|和|等|及|、"
        rf"|相关|负责|建成|引进|扩产|跻身|通过|入驻|落户|投资|签约|项目|公司|的)")


def _stopword_end(text: str, end: int) -> int:
    """Length of the stop word that ends at ``end`` (0 if none)."""
    words, lengths = _stopword_set()
    for length in lengths:
        if end >= length and text[end - length:end] in words:
            return length
    return 0


def _left_stretch(text: str, suffix_start: int, floor: int = 0) -> int:
    """Where the name characters before a suffix begin, stop words excluded; never before
    ``floor`` (the end of a date or figure: 2家卫生院 has no name)."""
    i = suffix_start
    limit = max(floor, suffix_start - _MAX_NAME)
    while i > limit and _NAME_CHAR.match(text[i - 1]):
        if _stopword_end(text, i):
            break
        i -= 1
    return i


def _stopword_at(text: str, position: int) -> bool:
    words, lengths = _stopword_set()
    return any(text[position:position + length] in words for length in lengths)


def _is_generic(body: str) -> bool:
    return not body or bool(_generic_regex().fullmatch(body))


def _ends_generic(body: str) -> bool:
    """区级龙头医院, 二级公立医院: the word right before the suffix is a generic one (of two
    characters or more: 沙坪村党总支 is a name)."""
    for start in range(max(0, len(body) - 6), len(body) - 1):
        if _generic_regex().fullmatch(body, start):
            return True
    return False


class _Places(list):
    """The place candidates sorted by start, with their starts for bisection: lookups stay
    logarithmic, so a text of many megabytes stays linear."""

    def __init__(self, places) -> None:
        super().__init__(sorted(places, key=lambda p: p.start))
        self.starts = [p.start for p in self]


def _place_at(places: _Places, start: int, end: int) -> list[Candidate]:
    i = bisect.bisect_left(places.starts, start)
    found = []
    while i < len(places) and places[i].start < end:
        if places[i].end <= end:
            found.append(places[i])
        i += 1
    return found


def _home(inside: list[Candidate]) -> str | None:
    """The place an organization belongs to: the last place in its name when that lies within
    the first (中国（湖南）自由贸易试验区郴州片区 → 郴州市), else the first (广州市湖南郴州商会
    is in 广州市)."""
    # a river or a site in a name (湘江实验室) is not where the organization belongs
    inside = [p for p in inside if p.fields["level"] not in ("feature", "site")]
    if not inside:
        return None
    first, last = inside[0].fields, inside[-1].fields
    within = first["level"] == "country" or first["name"] in (last.get("path") or [])
    home = last if within else first
    # a name the places extractor could not resolve (永兴 of several 永兴) is no official one
    return None if home.get("candidates") else home["name"]


def _floor(quantity_ends: list[int], position: int) -> int:
    """The end of the last date or figure ending at or before ``position`` (sorted ends):
    a name cannot start before it."""
    k = bisect.bisect_right(quantity_ends, position)
    return quantity_ends[k - 1] if k else 0


def extract(ntext: NormalizedText, context: Context | None = None) -> list[Candidate]:
    text = ntext.text
    if len(text) < 2:
        return []
    places = _Places(getattr(context, "places", None) or [])
    quantity_ends = sorted(c.end for c in getattr(context, "found", None) or []
                           if c.fact in ("date", "figure"))
    found: list[Candidate] = []
    for m in _suffix_regex().finditer(text):
        candidate = _named(m, text, places, _floor(quantity_ends, m.start()))
        if candidate:
            found.append(candidate)
    found += _zone_short_forms(text, found)
    found += _companies(text, places, found)
    return _join_adjacent(found)


def _join_adjacent(found: list[Candidate]) -> list[Candidate]:
    """国家电网 + 郴州供电公司 written together are one organization, the last one's kind."""
    ordered = sorted(found, key=lambda c: (c.start, -c.end))
    out: list[Candidate] = []
    for c in ordered:
        if out and out[-1].end == c.start and out[-1].fields["kind"] == "company" \
                and c.fields["kind"] == "company":
            first = out.pop()
            c = Candidate(first.start, c.end, "organization", first.rule + c.rule,
                          {**c.fields, "name": first.fields["name"] + c.fields["name"]})
        out.append(c)
    return out


_ZONE_SHORT = regex.compile(r"高新区|经开区|开发区|产业园|工业园")


def _zone_short_forms(text: str, named: list[Candidate]) -> list[Candidate]:
    """高新区 alone, once the article has named 嘉禾高新区: the same zone, written short."""
    zones = sorted((c for c in named if c.fields["kind"] == "zone"), key=lambda c: c.end)
    if not zones:
        return []
    last_zone_by_suffix: dict[str, Candidate] = {}
    next_zone = 0
    covered = {i for c in named for i in range(c.start, c.end)}
    out = []
    for m in _ZONE_SHORT.finditer(text):
        if m.start() in covered or (m.start() and _NAME_CHAR.match(text[m.start() - 1])
                                    and not _stopword_end(text, m.start())):
            continue
        while next_zone < len(zones) and zones[next_zone].end <= m.start():
            zone = zones[next_zone]
            for short in _ZONE_SHORT.findall(zone.fields["name"][-3:]):
                last_zone_by_suffix[short] = zone
            next_zone += 1
        earlier = last_zone_by_suffix.get(m.group())
        if earlier:
            out.append(Candidate(m.start(), m.end(), "organization", "<zone short form>",
                                 {"name": m.group(), "kind": "zone",
                                  "place": earlier.fields["place"]}))
    return out


def _named(m: regex.Match, text: str, places: list[Candidate], floor: int) -> Candidate | None:
    suffix, kind = m.group(), _suffixes()[m.group()]
    suffix_start, end = m.span()
    stretch = _left_stretch(text, suffix_start, floor)
    # a place may share characters with the suffix (郴州市 + 市委, 长青社区 + 社区卫生服务中心)
    inside = [p for p in _place_at(places, stretch, end) if p.start < suffix_start]
    if inside:
        start = inside[0].start
        rest = text[inside[-1].end:suffix_start]
        if rest and _is_generic(rest):
            return None  # 娄星区基层医院: a place and a generic word
        return Candidate(start, end, "organization", "<place><body><suffix>",
                         {"name": text[start:end], "kind": kind, "place": _home(inside)})
    body = text[stretch:suffix_start]
    if not body:
        if suffix not in _BARE_SHORT_FORMS:
            return None
        place = _context_place(places, suffix_start, _LEVEL_OF_CHAR[suffix[0]])
        return Candidate(suffix_start, end, "organization", "<short form>",
                         {"name": suffix, "kind": kind, "place": place})
    if _is_generic(body) or _ends_generic(body):
        return None  # 公立医院, 乡镇卫生院, 区级龙头医院
    if body[0] in _LEVEL_CHARS and len(body) <= 4:
        # 市政府, 区人民医院, 省儿童医院, 市中心医院: the organization of the place in context
        place = _context_place(places, stretch, _LEVEL_OF_CHAR[body[0]])
        return Candidate(stretch, end, "organization", "<level><suffix>",
                         {"name": text[stretch:end], "kind": kind, "place": place})
    if len(body) < 2 or len(body) > _MAX_BODY_WITHOUT_PLACE:
        return None
    return Candidate(stretch, end, "organization", "<body><suffix>",
                     {"name": text[stretch:end], "kind": kind, "place": None})


# suffixes that name an organization on their own (市委 in 郴州市委、市政府 … 市委)
_BARE_SHORT_FORMS = {"市委", "县委", "区委", "省委", "州委"}


_LEVEL_INDEX = {"province": 0, "prefecture": 1, "county": 2, "township": 3}


def _context_place(places: _Places, before: int, level: str) -> str | None:
    """The place of this level the article is about at this point: the nearest place named
    before it at or below that level, taken up to that level (市中心医院 after 娄星区 is
    娄底市's); with none before, the first one after."""
    k = bisect.bisect_left(places.starts, before)
    earlier = (places[i] for i in range(k - 1, -1, -1) if places[i].end <= before)
    later = (places[i] for i in range(k, len(places)))
    for p in itertools.chain(earlier, later):
        if level == "prefecture" and p.fields["level"] == "county" and \
                p.fields["name"].endswith("市"):
            return p.fields["name"]  # 资兴市委、市政府: a county-level city
        name = _at_level(p.fields, level)
        if name:
            return name
    return None


def _at_level(fields: dict, level: str) -> str | None:
    if fields["level"] == level:
        return fields["name"]
    if fields["level"] not in _LEVEL_INDEX and fields["level"] != "village":
        return None
    path = fields.get("path") or []
    index = _LEVEL_INDEX[level]
    # a path skips placeholder levels (北京市 › 东城区): only trust it below a province
    if index < len(path) and (index == 0 or len(path) > 1):
        return path[index]
    return None


_LIST_SEPARATORS = regex.compile(r"[、与和及]")
_LIST_ITEM = regex.compile(r"\p{Han}{2,5}")


def _companies(text: str, places: list[Candidate], named: list[Candidate]) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _brand_regex().finditer(text):
        # a brand is not placed by the place word in it (宁德时代 is no 宁德 company)
        found.append(Candidate(m.start(), m.end(), "organization", "<brand>",
                               {"name": m.group(), "kind": "company", "place": None}))
    for m in _marker_regex().finditer(text):
        start = _left_stretch(text, m.start())
        start = max(start, m.start() - 6)
        inside = _place_at(places, start, m.end())
        if inside:
            start = inside[0].start
        elif m.start() - start < 2 or _is_generic(text[start:m.start()]):
            continue
        found.append(_company(start, m.end(), text, places))
    found += _listed_with(text, found, places, named)
    return found


def _company(start: int, end: int, text: str, places: list[Candidate]) -> Candidate:
    return Candidate(start, end, "organization", "<company short name>",
                     {"name": text[start:end], "kind": "company",
                      "place": _first_place(places, start, end)})


def _first_place(places: list[Candidate], start: int, end: int) -> str | None:
    inside = _place_at(places, start, end)
    return inside[0].fields["name"] if inside else None


def _listed_with(text: str, companies: list[Candidate], places: list[Candidate],
                 named: list[Candidate]) -> list[Candidate]:
    """华润三九、阿秒光学建成智能工厂: names listed with a company are companies too."""
    out: list[Candidate] = []
    taken = {(c.start, c.end) for c in companies + named}
    covered = set()
    for c in companies + named:
        covered.update(range(c.start, c.end))
    place_spans = {(p.start, p.end) for p in places}
    for company in companies:
        for direction in (-1, 1):
            position = company.start if direction < 0 else company.end
            while True:
                item = _neighbour_item(text, position, direction)
                if item is None:
                    break
                start, end = item
                name = text[start:end]
                if (start, end) in taken or (start, end) in place_spans or \
                        any(i in covered for i in range(start, end)) or _is_generic(name) or \
                        _stopword_end(text, end) or _stopword_at(name, 0):
                    break
                out.append(Candidate(start, end, "organization", "<listed with a company>",
                                     {"name": name, "kind": "company", "place": None}))
                taken.add((start, end))
                covered.update(range(start, end))
                position = start if direction < 0 else end
    return out


def _neighbour_item(text: str, position: int, direction: int) -> tuple[int, int] | None:
    """The 2-5 character name on the other side of a list separator next to ``position``."""
    if direction > 0:
        if position >= len(text) or not _LIST_SEPARATORS.match(text[position]):
            return None
        m = _LIST_ITEM.match(text, position + 1)
        if not m:
            return None
        # the item ends where the list goes on or the clause turns (建成, 通过, 形成 …)
        end = m.start()
        while end < len(text) and end - m.start() < 5 and regex.match(r"\p{Han}", text[end]) \
                and not _LIST_SEPARATORS.match(text[end]) and not _stopword_at(text, end):
            end += 1
        if end < len(text) and regex.match(r"\p{Han}", text[end]) and \
                not _LIST_SEPARATORS.match(text[end]) and not _stopword_at(text, end):
            return None  # runs on into the sentence: not a list item
        return (m.start(), end) if end - m.start() >= 2 else None
    if position == 0 or not _LIST_SEPARATORS.match(text[position - 1]):
        return None
    start = position - 1
    while start > 0 and position - 1 - start < 5 and regex.match(r"\p{Han}", text[start - 1]) \
            and not _LIST_SEPARATORS.match(text[start - 1]):
        start -= 1
    if start > 0 and regex.match(r"\p{Han}", text[start - 1]) and \
            not _LIST_SEPARATORS.match(text[start - 1]) and not _stopword_end(text, start):
        return None
    return (start, position - 1) if position - 1 - start >= 2 else None
