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

from factkit import places
from factkit.gazetteer import gazetteer
from factkit.normalize import normalize

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
