"""Village names found wherever a text names their township or county: a word ending in 村
or 社区 is screened (is it a village name of any county named?) before the townships that
have a village of that name are ranked; the screen must change nothing.

The texts run together, in a fixed random order, counties and townships of Chenzhou and
Loudi (资兴市, 桂阳县, 娄星区, 汤溪镇, 黄沙坪街道), village names of theirs from the
gazetteer (NBS 2023), among them names that several townships share (周塘村, 双江村), and
words ending in 村 or 社区 that are no village of theirs (农村, 乡村, 同村, 新农村, 城市社区).
"""
from __future__ import annotations

import random

import pytest

from conftest import SEEDS, corpus_strings
from factkit import places
from factkit.gazetteer import gazetteer
from factkit.normalize import is_han, normalize

_PLACES = ["资兴市", "桂阳县", "娄星区", "汤溪镇", "黄沙坪街道", "郴州市", "湖南省"]
_VILLAGES = ["壁溪村", "沙坪村", "长青社区", "周塘村", "双江村", "和谐村", "七里村", "三都社区",
             "南阳村", "坝塘村", "七步村", "大溪沙坪村", "新立村"]
_WORDS = ["农村", "乡村", "同村", "新农村", "城市社区", "的", "，", "。", "、", "在", "村民",
          "党总支", "书记", "振兴", "全村", "大力发展"]


def _texts() -> list[str]:
    rng = random.Random(11)
    texts = []
    for _ in range(40):
        pieces = rng.choices(_PLACES, k=3) + rng.choices(_VILLAGES, k=6) + \
            rng.choices(_WORDS, k=12)
        rng.shuffle(pieces)
        texts.append("".join(pieces))
    return texts


def _villages(text: str, screen: bool) -> list[places.Mention]:
    g = gazetteer()
    mentions = places._scan(text, normalize(text).phrases)
    places._accept(mentions, text, g)
    mentions = [m for m in mentions if m.accepted]
    mentions.sort(key=places._START)
    places._resolve(mentions, g)
    return places._villages(mentions, text, g, screen=screen)


@pytest.mark.parametrize("text", _texts(), ids=lambda text: text[:12])
def test_the_screen_finds_the_villages_a_lookup_of_every_word_finds(text: str) -> None:
    assert _villages(text, screen=True) == _villages(text, screen=False)


def test_the_texts_hold_villages_of_every_county() -> None:
    # the comparison above means something only where villages are found, in each county
    found = {m.code[:6] for text in _texts() for m in _villages(text, screen=True)
             if m.via == "village" and m.code}
    assert {"431081", "431021", "431302"} <= found


def _plain_villages(mentions: list[places.Mention], text: str) -> list[places.Mention]:
    """``places._villages`` the plain way: what names cover marked a character at a time,
    every start before a word ending in 村 or 社区 tested with is_han, every word looked up in
    every county, a county followed by 镇, 乡 or 街 told by a set."""
    g = gazetteer()
    found: list[places.Mention] = []
    starts: set[int] | None = None
    township_codes: dict[str, int] = {}
    named_townships: set[str] = set()
    counties: set[str] = set()
    village_counties: set[str] = set()
    for m in mentions:
        if not m.accepted or not m.code:
            continue
        level = places._level(g, m.code)
        if level == "county" and m.code not in counties:
            counties.add(m.code)
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
            chained = places._VILLAGE_AFTER.match(text, m.end)
            if chained:
                found.append(places._village(m.end, chained.end(), text, m.code, g))
        elif level == "county":
            chained = None if set("镇乡街").isdisjoint(text[m.end + 1:m.end + 6]) else \
                places._TOWNSHIP_AFTER.match(text, m.end)
            if chained and (len(chained.group(1)) < 2 or
                            is_han(text[chained.end():chained.end() + 1]) and
                            not places._SHAPE_FOLLOWERS.match(text, chained.end())):
                chained = None
            if chained:
                if starts is None:
                    starts = {other.start for other in mentions}
                if m.end in starts:
                    chained = None
            if chained:
                name = chained.group()
                code = next((c for c in g.by_name.get(name, [])
                             if g.divisions[c].parent == m.code), None)
                if code is None:
                    found.append(places.Mention(m.end, chained.end(), name, via="shape",
                                                accepted=True, parent=m.code,
                                                shape_level="township"))
    if not township_codes:
        return found
    covered = bytearray(len(text))
    for m in (*mentions, *found):
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    ends = {m.end for m in mentions}
    by_county = [g.village_names(county) for county in sorted(village_counties)]
    for end in places._ends_of(text, places._VILLAGE_SUFFIXES):
        if covered[end - 1]:
            continue
        for start in range(max(0, end - 7), end - 2):
            if start and start not in ends and is_han(text[start - 1]):
                continue
            written = text[start:end]
            code = min((((township not in named_townships, township_codes[township], township),
                         code) for names in by_county
                        for township, code in names.get(written, ())
                        if township in township_codes), default=((False, 0, ""), None))[1]
            if code is not None:
                found.append(places.Mention(start, end, written, [code], "village", True, code))
                break
    return found


def _shortcut_texts() -> list[str]:
    """The seeds, the places and organizations corpora and their phrases run together, the
    texts above, and words ending in 村 or 社区 at a text's start, after a mark, after a
    name, inside one and after a county followed by 镇, 乡 or 街."""
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    phrases = corpus_strings("places", "orgs")
    rng = random.Random(17)
    mixtures = ["".join(rng.choice(phrases) + rng.choice(["", "", "，", "、", "的", "在", "\n"])
                        for _ in range(60)) for _ in range(40)]
    edges = ["壁溪村在资兴市", "沙坪村，桂阳县", "资兴市壁溪村", "资兴市，壁溪村。", "资兴市（壁溪村）",
             "娄星区长青社区", "娄星区，长青社区", "桂阳县城乡医疗", "桂阳县黄沙坪街道大溪沙坪村",
             "资兴市汤溪镇壁溪村，沙坪村", "资兴市、桂阳县、娄星区的周塘村和双江村"]
    return seeds + phrases + mixtures + _texts() + edges


def _accepted(text: str) -> list[places.Mention]:
    g = gazetteer()
    ntext = normalize(text)
    mentions = places._scan(ntext.text, ntext.phrases)
    places._accept(mentions, ntext.text, g)
    mentions = [m for m in mentions if m.accepted]
    mentions += places._abbreviations(ntext.text, g, mentions)
    mentions.sort(key=places._START)
    places._resolve(mentions, g)
    return mentions


def test_the_villages_are_found_as_the_plain_way_finds_them() -> None:
    texts = _shortcut_texts()
    differing = [text[:40] for text in texts
                 if places._villages(_accepted(text), normalize(text).text, gazetteer())
                 != _plain_villages(_accepted(text), normalize(text).text)]
    assert differing == []
    # the comparison means something only where villages are found after marks and names
    assert sum(m.via == "village" for text in texts
               for m in _plain_villages(_accepted(text), normalize(text).text)) > 50


def test_a_word_inside_a_name_that_holds_a_shorter_one_is_no_village() -> None:
    # names inside names (a span holding a shorter one that starts after it): what covers
    # the word's last character is the outer name, not the last one to start before it
    text = "资兴市，壁溪村"
    g = gazetteer()
    county = places.Mention(0, 3, "资兴市", ["431081000000"], "name", True, "431081000000")
    outer = places.Mention(3, 7, "，壁溪村", accepted=True)
    inner = places.Mention(4, 5, "壁", accepted=True)
    assert [m.text for m in places._villages([county], text, g)] == ["壁溪村"]
    assert places._villages([county, outer, inner], text, g) == \
        _plain_villages([county, outer, inner], text) == []
