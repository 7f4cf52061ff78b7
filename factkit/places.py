"""Places: names of administrative divisions, resolved to codes and paths, and other places.

How a name becomes a place, in order:

1. **Scan.** Every name of the lexicon (gazetteer.py: official names 郴州市, 汤溪镇; short
   names 郴州, 资兴; Taiwan's, Hong Kong's and Macao's divisions; countries, foreign
   divisions and cities; regions, features, sites; literary names 莲城) is found in one
   leftmost-longest pass (lexmatch.py), so a longer name wins over the names inside it.
   A short name is not read across a word boundary (其中|国有, 远大|理想) nor inside a word
   that holds it (发展中国家).
2. **Accept.** Official names are places, except a few that are ordinary words (城区) and
   two-character ones (成县) that run into the words around them. Province short names are
   places; prefecture short names are, unless they are also common words or given names
   (长春 after a surname), and county short names need support (资源, 通道, 大关 are words):
   a following 县/市/区/委/高新区…, a parent or child right beside them (郴州资兴), or the
   same division or one of its children named in full elsewhere in the text.
3. **One-character forms** (美, 中, 京, 湘) are places only in their frames: runs (中美,
   京津冀), after 驻/访/抵/在/来 … and before 方/企/籍/总统 … (place_abbreviations.tsv).
4. **Resolve.** A name that fits several divisions (34 places are called 石井镇) is resolved
   inside the place written right before it (资兴市汤溪镇), else inside the places the
   article has already established (a town after 娄星区 is 娄星区's), else to the province or
   prefecture of that name (西安 → 西安市), else left unresolved with the candidates' codes
   in ``candidates``: never an arbitrary pick.
5. **Chains down to villages.** After a resolved township, X村 / X社区 is looked up among
   its villages; elsewhere, a village name is resolved only when its township or county is
   named in the same text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence, Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress, repeat
from operator import attrgetter, contains, itemgetter
from typing import Any, NamedTuple, cast

import regex

from .candidates import Candidate, Context
from .gazetteer import (LEVEL_ORDER, PLACE, Abbreviation, ExtraPlace, Gazetteer,
                        boundary_words, gazetteer, is_statistical_code, place_name)
from .lexicon import read_table
from .lexmatch import Hits
from .normalize import NormalizedText, is_han

__all__ = ["extract"]


@cache
def _words() -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    for row in read_table("place_words.tsv"):
        kinds.setdefault(row["kind"], set()).add(row["word"])
    return kinds


@cache
def _words_by_first(kind: str) -> dict[str, tuple[str, ...]]:
    by_first: dict[str, list[str]] = {}
    for word in sorted(_words()[kind]):
        by_first.setdefault(word[0], []).append(word)
    return {first: tuple(words) for first, words in by_first.items()}


def _word_at(text: str, at: int, kind: str) -> bool:
    """Whether a word of that kind (place_words.tsv) starts at ``at``: looked for only after
    the characters they start with."""
    words = _words_by_first(kind).get(text[at:at + 1])
    return words is not None and text.startswith(words, at)


@dataclass(slots=True)  # a long text holds hundreds of thousands of them
class Mention:
    start: int
    end: int
    text: str
    codes: Sequence[str] = ()                        # candidate divisions
    via: str = "name"                                # name | alias | extra | abbr | village | shape
    accepted: bool = False
    code: str | None = None                          # the resolved division
    extra: ExtraPlace | None = None
    parent: str | None = None                        # for villages and shapes without a code
    shape_level: str | None = None


# a village name right after its township: two to six characters, not a function word first
_VILLAGE_AFTER = regex.compile(r"(?![的和与及等在各全该本其每])(\p{Han}{2,6}?)(村|社区)")
_TOWNSHIP_AFTER = regex.compile(r"(\p{Han}{1,5}?)(镇|乡|街道)")
# what starts the suffix of _TOWNSHIP_AFTER, searched for in steps of C (a slice and a set
# would make a string of each character)
_TOWNSHIP_LAST = re.compile("[镇乡街]")
_VILLAGE_SUFFIXES = ("村", "社区")
# what may follow a town name that is not in the data (X镇人民政府, X镇的)
_SHAPE_FOLLOWERS = regex.compile(r"的|人民|党委|政府|卫生院|中心|派出所|居民|村民|\p{Han}{1,6}?(?:村|社区)")


class _Name(NamedTuple):
    """A place name of the lexicon as this module reads it, worked out once per name."""

    codes: tuple[str, ...]      # its divisions: of that official name, then of that short name
    via: str                    # name | alias | extra
    extra: ExtraPlace | None
    blocker: bool               # a word that holds a name inside it (发展中国家)
    # only a short name of counties or lower divisions (同德 of 同德县): it gives way to a
    # name that overlaps it (同德国总理), see _yields
    weak: bool


@cache  # a payload is one string object of the lexicon: its hash is computed once
def _name(payload: str) -> _Name | None:
    """What a place payload names; None for a name not read in running text (a zone), and
    for a phrase of the lexicon that names no place (its place payload is "")."""
    if not payload:
        return None
    place = place_name(payload)
    if not place.matched:
        return None
    if place.extra is not None:
        return _Name((), "extra", place.extra, place.blocker, False)
    codes = list(place.codes)
    codes += [c for c in place.alias_codes if c not in codes]
    g = gazetteer()
    weak = not place.codes and all(
        LEVEL_ORDER.get(g.divisions[c].level, 9) >= LEVEL_ORDER["county"]
        for c in place.alias_codes)
    return _Name(tuple(codes), "name" if place.codes else "alias", None, place.blocker, weak)


_PLACE_PAYLOAD = itemgetter(PLACE)
_START, _END = attrgetter("start"), attrgetter("end")


def _names(phrases: Hits) -> list[_Name | None]:
    """The place name of each of the lexicon's hits, None where a hit names none (most of
    the others are organizations'): in steps of C, none in Python per hit."""
    return list(map(_name, map(_PLACE_PAYLOAD, phrases.payloads)))


def _names_starting_in(phrases: Hits, names: list[_Name | None], start: int,
                       end: int) -> Iterator[tuple[int, int, _Name]]:
    """The place names (``names``: the hits' own) of the lexicon's hits that start inside
    [start, end)."""
    starts = phrases.starts
    for index in range(bisect_left(starts, start), len(starts)):
        if starts[index] >= end:
            break
        name = names[index]
        if name is not None:
            yield starts[index], phrases.ends[index], name


# The memo costs each name a key, and pays where the same names stand in the same
# surroundings again and again: in a text of many names (a news article holds a few hundred
# phrases of the lexicon, of places and of organizations)
_MEMO_AFTER = 1_000


def _scan(text: str, phrases: Hits, memo: bool | None = None) -> list[Mention]:
    """Leftmost-longest names, all found in one pass over the text, except where the text
    segments another way around a short name (其中国有, 远大理想, 建设和县级).

    Whether a name is read where it stands depends on the name and on the two characters
    on either side of it, except where _yields looks at the names that start inside it (a
    weak name, or one whose first character ends the word before it): every other decision
    is remembered for the text by that window (a text may name 郴州市 100,000 times), in a
    text of more than _MEMO_AFTER phrases. ``memo`` True or False decides it for any text
    (for tests)."""
    opening = boundary_words().by_first
    names = _names(phrases)
    decided: dict[str, bool] = {}    # window -> whether the name in its middle is read
    if memo is None:
        memo = len(phrases) > _MEMO_AFTER
    mentions = []
    free = 0  # where the last name read ends: no name is read inside it
    # the hits that name a place (the names picked by themselves: not None), by start, the
    # longest first: lexmatch.leftmost_longest, written out (a call per name costs more
    # than the test it makes)
    for start, end, name in cast(Iterator[tuple[int, int, _Name]],
                                 compress(zip(phrases.starts, phrases.ends, names), names)):
        if start < free:
            continue
        # the window holds everything _across_words reads: two characters on either side.
        # Near the ends of the text it is shorter (or wraps around): decided afresh there
        if memo:
            window = text[start - 2:end + 2]
            remembered = len(window) == end - start + 4
            accepted = decided.get(window) if remembered else None
        else:
            remembered, accepted = False, None
        if accepted is None:
            # whether the name's first character ends the word before it (其中|国有), for
            # both tests
            splits = start > 0 and text[start - 1:start + 1] in opening[text[start - 1]]
            accepted = not _across_words(text, start, end, opening, splits)
            if accepted and (name.weak or splits):
                accepted = not _yields(text, start, end, phrases, names, opening)
            elif remembered:
                decided[window] = accepted
        if accepted:
            free = end
            # a word that holds a name inside it (发展中国家) is matched too, and wins, and
            # is dropped
            if not name.blocker:
                # by position: a keyword would cost the call a dict
                mentions.append(Mention(start, end, text[start:end], name.codes, name.via,
                                        False, None, name.extra))
    return mentions


def _yields(text: str, start: int, end: int, phrases: Hits, names: list[_Name | None],
            opening: Mapping[str, AbstractSet[str]]) -> bool:
    """True when a weak name gives way to a strong one that starts inside it and ends after
    it: asked of a county's short name (同德 in 同德国总理) and of a name whose first
    character ends the word before it (关中 in 有关中国)."""
    starts = phrases.starts
    inside = bisect_left(starts, start + 1)
    if inside == len(starts) or starts[inside] >= end:
        return False  # no phrase starts inside it: most names
    for inner, inner_end, inner_name in _names_starting_in(phrases, names, start + 1, end):
        if inner_end > end and inner_end - inner >= end - start and not inner_name.weak and \
                not _across_words(text, inner, inner_end, opening,
                                  text[inner - 1:inner + 1] in opening[text[inner - 1]]):
            return True
    return False


# a two-character name opening with one of these, in running text, is more often the word
# and the next word (建设和县级: 和 + 县级) than the place (和县)
_FUNCTION_CHARS = set("和与及或同跟向对在从把被给")


def _across_words(text: str, start: int, end: int, opening: Mapping[str, AbstractSet[str]],
                  splits: bool) -> bool:
    """True when a short name's first character ends a word (``splits``: the word of it and
    the character before it) and its last character opens one (其中|国有: not 中国;
    远大|理想: not 大理; 发展中|国家: not 中国). ``opening``: the boundary words by their
    first character (``WordSet.by_first``)."""
    if end - start > 3 or start == 0:
        return False
    # the end of the name is looked at only where its start already reads another way
    if not (splits or start > 1 and text[start - 2:start + 1] in opening[text[start - 2]] or
            end - start == 2 and text[start] in _FUNCTION_CHARS and is_han(text[start - 1])):
        return False
    words = opening[text[end - 1]]
    return text[end - 1:end + 1] in words or text[end - 1:end + 2] in words


_ABBR_RUN_EXCLUDED = set("新")  # 新 opens too many words (新青年) to start a run


def _abbreviations(text: str, g: Gazetteer, taken: list[Mention]) -> list[Mention]:
    """One-character forms in their frames only: runs (湘粤, 中美, 京津冀), after 驻/访/在 …
    (驻华, 在京) and before 方/企/籍 … (美方, 湘企); never a free character. ``taken``: the
    names read, by start."""
    # what the names cover (``_reach``), read at the first run: most texts have none
    starts: list[int] | None = None
    reach: list[int] = []
    words = boundary_words()
    frames = _frames(g)
    found: list[Mention] = []
    for run_match in _abbreviation_runs(g).finditer(text):
        i, j = run_match.span()
        if j - i == 1 and not (i and text[i - 1] in _BEFORE) and \
                text[j:j + 1] not in frames[text[i]][1]:
            continue  # a lone character in no frame: most of them (中, 美, 新 in running text)
        if starts is None:
            starts, reach = _reach(taken)
        overlapping = bisect_left(starts, j)
        if overlapping and reach[overlapping - 1] > i:
            continue  # part of a name found already (湘潭, 美国)
        readings = None
        if j - i >= 2:
            readings = _run_readings(text, i, j, g, words)
            if readings is None and j - i >= 3:  # 中美加强: the run ends before 加强
                j -= 1
                readings = _run_readings(text, i, j, g, words)
        if readings:
            found += [_abbreviation_mention(k, reading, g) for k, reading in
                      zip(range(i, j), readings)]
            continue
        # not a run: its first character may follow a frame (访华以及), its last precede one
        for k in {i, j - 1}:
            reading = _framed_reading(text, k, g, words, before=k == i, after=k == j - 1)
            if reading is not None:
                found.append(_abbreviation_mention(k, reading, g))
    return found


def _readings(ch: str, g: Gazetteer) -> tuple[Abbreviation, ...]:
    return _frames(g).get(ch, _NO_FRAME)[0]


_NO_FRAME: tuple[tuple[Abbreviation, ...], frozenset[str]] = ((), frozenset())


@cache
def _frames(g: Gazetteer) -> dict[str, tuple[tuple[Abbreviation, ...], frozenset[str]]]:
    """Each one-character form: its readings, and the characters its frame words after it
    start with (most characters are followed by none of them: nothing more to try)."""
    frames = {}
    for ch in {*g.short_forms, *g.abbreviations}:
        readings = list(g.short_forms.get(ch, ()))
        if ch in g.abbreviations and not any(r.kind == "division" for r in readings):
            readings.append(Abbreviation(ch, "", "division", False,
                                         tuple(sorted(_words()["abbr_suffix"]))))
        frames[ch] = (tuple(readings), frozenset(w[0] for r in readings for w in r.after))
    return frames


def _run_readings(text: str, i: int, j: int, g: Gazetteer,
                  words: AbstractSet[str]) -> list[Abbreviation] | None:
    """The readings of a run of two or more one-character forms, all of one kind (中美 are
    countries, 京津冀 divisions), unless the run is a word (黑云) or its ends belong to the
    words around it (集中美, 中英文)."""
    run = text[i:j]
    framed = _word_at(text, j, "run_frame")
    if run[0] in _ABBR_RUN_EXCLUDED or (j - i == 2 and run in words and not framed) or \
            len(set(run)) < len(run):
        return None  # 新青年, 黑云, 阿里巴巴; but 中意两国
    if i and text[i - 1:i + 1] in words:
        return None
    if text[j - 1:j + 1] in words and not _frame_after(text, j - 1, g, words):
        return None
    for kind in ("country", "division"):
        readings = []
        for ch in run:
            reading = next((r for r in _readings(ch, g) if r.kind == kind), None)
            if reading is None:
                break
            readings.append(reading)
        else:
            if j - i == 2 and any(r.weak for r in readings) and not framed:
                return None  # 比赛中以2∶0, 以拉小板车为生: 以 and 拉 are words here
            return readings
    return None


_BEFORE = set("驻访抵在来赴进离返对反侵旅留")


def _framed_reading(text: str, i: int, g: Gazetteer, words: AbstractSet[str],
                    before: bool = True, after: bool = True) -> Abbreviation | None:
    readings, next_chars = _frames(g).get(text[i], _NO_FRAME)
    if not readings:
        return None
    # 现在京东: 在 belongs to 现在 (unless 来华, 访华 are words themselves: 邀请来华)
    if before and i and text[i - 1] in _BEFORE and text[i:i + 2] not in words and \
            not (i >= 2 and text[i - 2:i] in words and text[i - 1:i + 1] not in words):
        reading = next((r for r in readings if r.before), None)
        if reading is not None:
            return reading
    if not after or text[i + 1:i + 2] not in next_chars:
        return None  # no frame word follows: most characters, looked at no further
    return _frame_after(text, i, g, words)


def _frame_after(text: str, i: int, g: Gazetteer, words: AbstractSet[str]) -> Abbreviation | None:
    """The reading of text[i] followed by a word that makes it a place (美方, 湘企), unless
    the character belongs to the word before it (集中方) or the frame word to the one after
    it (美方向)."""
    readings, next_chars = _frames(g).get(text[i], _NO_FRAME)
    if text[i + 1:i + 2] not in next_chars or i and text[i - 1:i + 1] in words:
        return None
    for reading in readings:
        for after in reading.after:
            end = i + 1 + len(after)
            if text.startswith(after, i + 1) and not (
                    after in _WORD_HEADS and text[end - 1:end + 1] in words):
                return reading
    return None


# frame words that open many other words (方向, 商业, 资金, 股份, 军队), so they are frames
# only when they do not run into the next character (湘菜馆 is still 湘 + 菜馆)
_WORD_HEADS = {"方", "商", "资", "股", "军", "人", "企"}


def _abbreviation_mention(i: int, reading: Abbreviation, g: Gazetteer) -> Mention:
    ch = reading.char
    if reading.kind == "division":
        codes = [g.abbreviations[ch]] if not reading.official else \
            list(g.by_name.get(reading.official, []))
        return Mention(i, i + 1, ch, codes, "abbr", True)
    return Mention(i, i + 1, ch, (), "abbr", True, None, g.extra.get(reading.official))


@cache
def _abbreviation_runs(g: Gazetteer) -> re.Pattern[str]:
    """Runs of one-character forms, and the lone ones that may stand in a frame: after a
    character of _BEFORE, or before one that a frame word after it starts with. The other
    lone ones, most of them (中, 美, 新 in running text), are not even looked at."""
    # the standard library's character-set search: several times faster than regex's here
    frames = _frames(g)
    chars = re.escape("".join(sorted(frames)))
    before = re.escape("".join(sorted(_BEFORE)))
    after = re.escape("".join(sorted({c for _, next_chars in frames.values()
                                      for c in next_chars})))
    return re.compile(f"[{chars}](?:[{chars}]+|(?<=[{before}].)|(?=[{after}]))")


@cache  # asked for every mention of a place
def _level(g: Gazetteer, code: str) -> str:
    return g.divisions[code].level


# 中区, 东区 (districts of Taichung, Hong Kong …): also ordinary words (卒中区域, 东区域), so
# they need support like any short name
_COMPASS_DISTRICT = regex.compile(r"[东西南北中]+区")

# characters after a river's name that make it the name of a lake, a reservoir or a bay
_LONGER_WATER = frozenset("湖库潭湾池")


def _accept(mentions: list[Mention], text: str, g: Gazetteer) -> None:
    words = _words()
    # Divisions named in full (or as a province) anywhere: what supports short names.
    named: set[str] = set()
    for m in mentions:
        # only names that point to one division: 高新区 exists in a dozen cities
        if m.via == "name" and len(m.text) >= 3 and len(m.codes) == 1 and \
                m.text not in words["not_a_place"]:
            named.update(m.codes)
    named_with_parents = set(named)
    for code in named:
        named_with_parents.update(g.ancestors(code))

    for index, m in enumerate(mentions):
        if m.via == "extra" and m.extra is not None:
            if m.text == "两岸" and m.start and (
                    text[m.start - 1] in _WATER or index and mentions[index - 1].end == m.start):
                continue  # 湘江两岸, 河两岸: the banks of a river, not the two sides of the Strait
            if m.extra.level == "country" and _word_at(text, m.end, "currency"):
                continue  # 挪威克朗, 瑞士法郎: a currency, not the country
            if m.extra.level == "feature" and text[m.end:m.end + 1] in _LONGER_WATER:
                continue  # 东江湖, 新安江水库: the name of another body of water, not the river
        if m.via in ("extra", "abbr"):
            m.accepted = True
            suffix = _FOREIGN_SUFFIXES.get(m.extra.level) if m.extra is not None else None
            if suffix and m.extra is not None and m.end < len(text) and text[m.end] in suffix \
                    and m.extra.country != "中国" and m.text[-1] not in suffix:
                m.text += text[m.end]  # 维也纳市, 巴伐利亚州: the suffix belongs to the name
                m.end += 1
            continue
        if m.text in words["not_a_place"]:
            continue
        if m.text.endswith("乡") and text[m.end:m.end + 1] == "村":
            continue  # 振兴乡村: the word 乡村, not the township 振兴乡
        # what supports a name, each asked only where the answer is still open: a following
        # word (县, 委, 高新区), a related place right beside it, the same place named elsewhere
        if m.via == "name" or m.text[-1] in "县市区旗盟":
            # full names, and short forms that keep their suffix (城步县); a two-character
            # name (成县, 中山) runs into the words around it unless something supports it
            # Taiwan's, Hong Kong's and Macao's names are few and unique (新界, 北区 is not)
            m.accepted = len(m.text) >= 3 or \
                _supported(mentions, index, text, g, named_with_parents) or \
                len(m.codes) == 1 and (not is_statistical_code(m.codes[0])
                                       or _opens_clause(text, m.start)) and \
                not _COMPASS_DISTRICT.fullmatch(m.text)
            continue
        if m.text in words["needs_support"]:
            # 长春 in 彭长春, 中山 in 中山大学: only the same place named elsewhere counts
            m.accepted = _adjacent_related(mentions, index, g) or \
                not named_with_parents.isdisjoint(m.codes)
        elif _salient(m.codes, g) is not None:
            # 李长春, 王大同: a given name after a surname, unless a place supports it
            m.accepted = not (
                m.start and text[m.start - 1] in words["surname"] and
                not (index and mentions[index - 1].end == m.start)) or \
                _supported(mentions, index, text, g, named_with_parents)
        else:
            m.accepted = _supported(mentions, index, text, g, named_with_parents)
    # Support spreads: once a short name is accepted, its other mentions are the same place.
    refused_aliases = [m for m in mentions if m.via == "alias" and not m.accepted]
    if refused_aliases:
        accepted_aliases = {m.text for m in mentions if m.accepted and m.via == "alias"}
        for m in refused_aliases:
            if m.text in accepted_aliases:
                m.accepted = True


def _opens_clause(text: str, start: int) -> bool:
    """No Chinese character stands before ``start`` (，沛县就…, 、滑县): a two-character name
    there cannot be the tail of a word before it (完成县级 holds no 成县)."""
    return start == 0 or not is_han(text[start - 1])


def _supported(mentions: list[Mention], index: int, text: str, g: Gazetteer,
               named_with_parents: AbstractSet[str]) -> bool:
    m = mentions[index]
    return _word_at(text, m.end, "after") or _adjacent_related(mentions, index, g) or \
        not named_with_parents.isdisjoint(m.codes)


_WATER = set("江河湖溪川水渠峡")
# what may follow a foreign city's or first-level division's name as part of it
_FOREIGN_SUFFIXES = {"city": "市", "province": "州省邦县府"}


def _salient(codes: Sequence[str], g: Gazetteer) -> str | None:
    """The division a short name means when nothing else decides: a province (海南), or a
    prefecture over the county of the same name inside it (长沙 = 长沙市, not 长沙县)."""
    return _salient_of(tuple(codes), g)


@cache  # the same names come back in every text
def _salient_of(codes: tuple[str, ...], g: Gazetteer) -> str | None:
    provinces = [c for c in codes if _level(g, c) == "province"]
    if len(provinces) == 1:
        return provinces[0]
    if len(codes) == 1 and not is_statistical_code(codes[0]):
        return codes[0]  # 港岛, 湾仔, 花莲: no other place has that name
    # a prefecture seat or famous city (西安 = 西安市, not the 西安区 of 辽源 or 牡丹江): a
    # same-named district is chosen only when the context supports it (_pick runs first)
    prefectures = [c for c in codes if _level(g, c) == "prefecture"]
    if len(prefectures) == 1:
        return prefectures[0]
    return None


def _adjacent_related(mentions: list[Mention], index: int, g: Gazetteer) -> bool:
    """A parent right before (郴州资兴) or a child right after (资兴汤溪镇)."""
    m = mentions[index]
    if index > 0 and mentions[index - 1].end == m.start:
        prev = mentions[index - 1]
        if any(p in g.ancestors(c) for c in m.codes for p in prev.codes):
            return True
    if index + 1 < len(mentions) and mentions[index + 1].start == m.end:
        nxt = mentions[index + 1]
        if any(c in g.ancestors(n) for n in nxt.codes for c in m.codes):
            return True
    return False


def _resolve(mentions: list[Mention], g: Gazetteer) -> None:
    accepted = [m for m in mentions if m.accepted and m.codes]
    for m in accepted:
        if len(m.codes) == 1:
            m.code = m.codes[0]
    for _ in range(2):  # a second pass uses what the first one settled
        if all(m.code for m in accepted):
            return  # most texts: every name points to one division
        # the divisions the text has settled, and their ancestors
        context: set[str] = set()
        for code in {m.code for m in accepted if m.code}:
            context.add(code)
            context.update(g.ancestors(code))
        settled = False
        previous: Mention | None = None
        for m in accepted:
            if m.code is None:
                m.code = _pick(m, previous, context, g)
                settled = settled or m.code is not None
            previous = m
        if not settled:
            return  # a second pass would find what this one found


def _pick(m: Mention, previous: Mention | None, context: AbstractSet[str],
          g: Gazetteer) -> str | None:
    codes = m.codes
    if previous and previous.end == m.start and previous.code:
        inside = [c for c in codes if previous.code in g.ancestors(c)]
        if len(inside) == 1:
            return inside[0]
        if inside:
            codes = inside
    named = [c for c in codes if c in context]
    if len(named) == 1:
        return named[0]
    # the candidate whose nearest established ancestor is deepest
    best: list[tuple[int, str]] = []
    for code in codes:
        depth = max((LEVEL_ORDER[g.divisions[a].level] for a in g.ancestors(code) if a in context),
                    default=0)
        best.append((depth, code))
    best.sort(reverse=True)
    if best and best[0][0] > 0 and (len(best) == 1 or best[0][0] > best[1][0]):
        return best[0][1]
    if m.via == "alias":
        return _salient(m.codes, g)
    return None


def _villages(mentions: list[Mention], text: str, g: Gazetteer,
              screen: bool = True) -> list[Mention]:
    """Villages and towns below places the text has named: in a chain (资兴市汤溪镇壁溪村), and
    village names of the townships and counties the text names. ``screen=False`` looks each
    word ending in 村 or 社区 up in every county's villages (for tests). ``mentions``: by
    start."""
    found: list[Mention] = []
    starts: set[int] | None = None  # where the mentions start, once a chain asks
    # township -> where the text names it (or its county) first: the order decides between
    # two named townships that both have a village of that name
    township_codes: dict[str, int] = {}
    named_townships: set[str] = set()
    counties: set[str] = set()
    # the counties of the townships in township_codes (a township's code opens with the six
    # digits of its county's, as a Taiwanese township's id opens with its county's)
    village_counties: set[str] = set()
    for m in mentions:
        if not m.accepted or not m.code:
            continue
        level = _level(g, m.code)
        if level == "county" and m.code not in counties:  # its first mention is the one kept
            counties.add(m.code)
            # its townships, where not named before: the first mention of each is kept
            children = g.children(m.code)
            townships = dict.fromkeys(children, m.start)
            townships.update(township_codes)
            township_codes = townships
            if children:
                village_counties.add(m.code[:6])
        if level == "township":
            village_counties.add(m.code[:6])
            named_townships.add(m.code)
            township_codes[m.code] = min(township_codes.get(m.code, m.start), m.start)
            chained = _VILLAGE_AFTER.match(text, m.end)
            if chained:
                found.append(_village(m.end, chained.end(), text, m.code, g))
        elif level == "county":
            # a town's name is one to five characters before its 镇, 乡 or 街道
            chained = None if not _TOWNSHIP_LAST.search(text, m.end + 1, m.end + 6) else \
                _TOWNSHIP_AFTER.match(text, m.end)
            if chained and (len(chained.group(1)) < 2 or is_han(text[chained.end():chained.end() + 1])
                            and not _SHAPE_FOLLOWERS.match(text, chained.end())):
                chained = None  # 城乡医疗: a word, not a town
            if chained:
                if starts is None:
                    starts = {other.start for other in mentions}
                if m.end in starts:
                    chained = None  # a name of the lexicon, read already
            if chained:
                name = chained.group()
                code = next((c for c in g.by_name.get(name, []) if g.divisions[c].parent == m.code),
                            None)
                if code is None:
                    found.append(Mention(m.end, chained.end(), name, via="shape", accepted=True,
                                         parent=m.code, shape_level="township"))
    # village names of the townships named in the text, wherever they stand: looked up only
    # where 村 or 社区 ends a word no name covers
    suffix_ends = _ends_of(text, _VILLAGE_SUFFIXES) if township_codes else []
    if suffix_ends:
        name_starts, reach = _reach(sorted((*mentions, *found), key=_START) if found
                                    else mentions)
        ends = set(map(_END, mentions))
        # townships named as such first, then by where they are named, then by code: the
        # result never depends on set order (hash seeds)
        def rank(township: str) -> tuple[bool, int, str]:
            return township not in named_townships, township_codes[township], township
        by_county = [g.village_names(county) for county in sorted(village_counties)]
        for end in suffix_ends:
            covering = bisect_right(name_starts, end - 1)
            if covering and reach[covering - 1] >= end:
                continue  # the word ends inside a name
            lo = end - 7 if end > 7 else 0
            # the characters before each start, read in one slice (the first start of the
            # text has none: the space stands for it)
            before = text[lo - 1:end - 3] if lo else " " + text[:end - 3]
            for start, ch in zip(range(lo, end - 2), before):  # the longest name first
                # is_han, its common block first (a call per start costs more than the test)
                if ("\u4e00" <= ch <= "\u9fff" or is_han(ch)) and start not in ends:
                    continue
                written = text[start:end]
                # most words ending in 村 name no village of those counties: asked of each
                # county in steps of C before the order of their townships is worked out
                if screen and not any(map(contains, by_county, repeat(written))):
                    continue
                # the village of that name in the first township of the order
                code = min(((rank(township), code) for names in by_county
                            for township, code in names.get(written, ())
                            if township in township_codes),
                           default=((False, 0, ""), None))[1]
                if code is not None:
                    found.append(Mention(start, end, written, [code], "village", True, code))
                    break
    return found


def _reach(names: Sequence[Mention]) -> tuple[list[int], list[int]]:
    """The starts of ``names`` (by start) and the farthest end among the names up to each:
    whether a name covers a character, or overlaps a span, is found by bisection (a mark
    per character of every name costs more than the few questions a text asks of them)."""
    reach = list(map(_END, names))
    if reach != sorted(reach):  # names inside names
        reach = list(accumulate(reach, max))
    return list(map(_START, names)), reach


def _ends_of(text: str, words: Sequence[str]) -> list[int]:
    """Where the words end in ``text``, in order (words that cannot overlap one another): a
    search for each word is several times faster than a pattern of them on Chinese text."""
    ends = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            ends.append(at + len(word))
            at = text.find(word, at + len(word))
    ends.sort()
    return ends


def _village(start: int, end: int, text: str, township: str, g: Gazetteer) -> Mention:
    written = text[start:end]
    villages = g.villages_of(township)
    # 大溪沙坪村: the longest known village name the written one ends with
    for cut in range(0, len(written) - 2):
        code = villages.get(written[cut:])
        if code:
            return Mention(start, end, written, [code], "village", True, code)
    return Mention(start, end, written, via="village", accepted=True, parent=township,
                   shape_level="village")


def _fields(m: Mention, g: Gazetteer) -> dict[str, Any] | None:
    if m.extra is not None:
        extra = m.extra
        if extra.code:  # a literary name of a division: report the division
            return {"name": extra.official, "level": extra.level, "code": extra.code,
                    "path": g.path(extra.code), "candidates": [], "country": "中国"}
        return {"name": extra.official, "level": extra.level, "code": None,
                "path": list(extra.path), "candidates": [], "country": extra.country}
    if m.code:
        division = g.divisions.get(m.code)
        if division is None:  # a village
            return {"name": _village_name(m, g), "level": "village", "code": m.code,
                    "path": g.path(m.code[:9] + "000") + [g.divisions[m.code[:9] + "000"].name],
                    "candidates": [], "country": "中国"}
        return {"name": division.name, "level": division.level,
                "code": m.code if is_statistical_code(m.code) else None,
                "path": g.path(m.code), "candidates": [], "country": "中国"}
    if m.parent:
        return {"name": m.text, "level": m.shape_level or "other", "code": None,
                "path": g.path(m.parent) + [g.divisions[m.parent].name], "candidates": [],
                "country": "中国"}
    levels = {_level(g, c) for c in m.codes}
    return {"name": m.text, "level": levels.pop() if len(levels) == 1 else "other",
            "code": None, "path": [], "candidates": sorted(c for c in m.codes
                                                            if is_statistical_code(c)),
            "country": "中国"}


def _village_name(m: Mention, g: Gazetteer) -> str:
    assert m.code is not None  # a village is named once its code is settled
    township = m.code[:9] + "000"
    for name, code in g.villages_of(township).items():
        if code == m.code:
            return name
    return m.text


_RULES = {via: f"<{via}>" for via in ("name", "alias", "extra", "abbr", "village", "shape")}
_UNREAD: dict[str, Any] = {}  # a mention whose fields are not worked out yet


def extract(ntext: NormalizedText, context: Context | None = None) -> list[Candidate]:
    text = ntext.text
    if len(text) < 2:
        return []
    g = gazetteer()
    mentions = _scan(text, ntext.phrases)
    _accept(mentions, text, g)
    # one-character forms where no accepted name is (中方 is China's side unless 怀化 supports
    # the county 中方县)
    mentions = [m for m in mentions if m.accepted]
    mentions += _abbreviations(text, g, mentions)
    mentions.sort(key=_START)
    _resolve(mentions, g)  # every mention here is accepted: the villages go by them
    villages = _villages(mentions, text, g)
    if villages:  # the others are in order of start already
        mentions = sorted(mentions + villages, key=_START)
    candidates: list[Candidate] = []
    # the same place named again shares its fields (a text may name 郴州市 100,000 times)
    shared: dict[tuple[Any, ...], dict[str, Any] | None] = {}
    add = candidates.append
    for m in mentions:
        key = (m.code, id(m.extra), m.text, m.parent, m.shape_level, tuple(m.codes))
        fields = shared.get(key, _UNREAD)
        if fields is _UNREAD:
            fields = shared[key] = _fields(m, g)
        if fields is not None:
            add(Candidate(m.start, m.end, "place", _RULES[m.via], fields))
    if context is not None:
        context.places = candidates
    return candidates
