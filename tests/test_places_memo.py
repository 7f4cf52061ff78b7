"""The places scan remembers, per text, how a name read in the same surroundings: the
memo must change nothing. Texts where the same names stand again and again, in the same
and in other surroundings, are read with the memo and without it and must give the same
mentions.

The texts are the places corpus (tests/corpus/places.yaml), its phrases run together in a
fixed random order (so that a name meets many neighbours, some of them inside a window
another name was decided in), and repeated units of county news (郴州市委、,
资兴市汤溪镇壁溪村) alone and between those phrases. Each of the memo's checks is needed for
some of them: the window's two characters on either side of the name (其中国有, 远大理想),
the name's length in the key (a shorter name at the same start, after the longer one was
refused), and no memo for names whose reading looks past the window (同德国总理: _yields).
"""
from __future__ import annotations

import random
from collections.abc import Set as AbstractSet
from types import SimpleNamespace

import pytest

from conftest import load_yaml
from factkit import places
from factkit.gazetteer import boundary_words
from factkit.normalize import normalize

_CORPUS = load_yaml("corpus/places.yaml")
_PHRASES = [case["in"] for case in _CORPUS["positive"]] + list(_CORPUS["negative"])
# county news, and pairs that read one name two ways in windows that differ in one
# character only: two before it (星期三|明显: a word ends on its first character), two after
# it (征丁|青壮年), right at the end of the text (冷不丁青县级: 丁青县 there, 丁青 in
# the middle), or past the window (万山下湖镇: the town wins over the county 万山)
_UNITS = ["郴州市委、", "郴州市", "资兴市汤溪镇壁溪村", "同德国总理", "其中国有", "有关中国",
          "星期三明显回暖，学期三明显回暖，", "在征丁青壮年，在征丁青壮，", "冷不丁青县级",
          "在万山下湖镇，在万山下湖边，"]
# names, and words that run into names (其中|国有, 远大|理想, 有关|中国, 建设|和县级): run
# together at random, the same name meets the same and other neighbours many times
_PIECES = ["郴州", "郴州市", "资兴", "汤溪镇", "同德", "德国", "中国", "大理", "和县", "关中",
           "长春", "湘潭", "美国", "其中", "国有", "远大", "理想", "有关", "建设", "县级",
           "发展中", "国家", "总理", "企业", "市委", "的", "在", "、", "，"]


def _texts() -> list[str]:
    shuffled = random.Random(6)
    texts = ["".join(unit * 40) for unit in _UNITS]
    for _ in range(20):
        chosen = shuffled.sample(_PHRASES, 40)
        texts.append("".join(chosen))
        # the units again and again, each time between other phrases
        texts.append("".join(phrase + shuffled.choice(_UNITS) for phrase in chosen))
    for _ in range(60):
        texts.append("".join(shuffled.choice(_PIECES) for _ in range(60)))
    return texts


def test_the_corpus_is_there() -> None:
    assert len(_PHRASES) > 100


@pytest.mark.parametrize("text", _texts(), ids=lambda text: text[:12])
def test_the_memo_reads_every_name_as_a_fresh_reading_does(text: str) -> None:
    phrases = normalize(text).phrases
    assert places._scan(text, phrases, memo=True) == places._scan(text, phrases, memo=False)


def test_the_memo_is_used() -> None:
    # a dense text decides each repeated name once: the memo holds one window for it
    text = "郴州市委、" * 50
    phrases = normalize(text).phrases
    mentions = places._scan(text, phrases, memo=True)
    assert [m.text for m in mentions] == ["郴州市"] * 50
    assert places._scan(text, phrases, memo=False) == mentions


def test_a_text_of_many_names_is_read_with_the_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    # with the memo, a name in the surroundings of one decided before is not decided again:
    # on in a text of many phrases, off in a short one, where it would cost more than it saves
    # a decision asks the boundary words opening with the character before the name (在)
    decided = []
    words = boundary_words()

    class Noted(dict):  # type: ignore[type-arg]
        def __getitem__(self, first: str) -> AbstractSet[str]:
            if first == "在":
                decided.append(first)
            return words.by_first[first]

    monkeypatch.setattr(places, "boundary_words", lambda: SimpleNamespace(by_first=Noted()))
    short = "在郴州市委、" * 3
    assert len(places._scan(short, normalize(short).phrases)) == 3
    assert len(decided) == 3
    decided.clear()
    long = "在郴州市委、" * (places._MEMO_AFTER // 2 + 1)
    assert len(normalize(long).phrases) > places._MEMO_AFTER
    assert len(places._scan(long, normalize(long).phrases)) == places._MEMO_AFTER // 2 + 1
    assert len(decided) < 5
