"""Shortcuts of the places extractor: each reads as the plain way does (factkit/places.py).

The texts are the seed articles, the places and organizations corpora, and their phrases run
together at random (so that a name meets many neighbours: other names, words that run into
it, 其中|国有, 远大|理想, 有关|中国, 建设|和县级).
"""
from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from conftest import SEEDS, corpus_strings
from factkit import places
from factkit.gazetteer import boundary_words
from factkit.lexmatch import Hits, leftmost_longest
from factkit.normalize import normalize


def _texts() -> list[str]:
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    phrases = corpus_strings("places", "orgs")
    rng = random.Random(17)
    mixtures = ["".join(rng.choice(phrases) + rng.choice(["", "", "，", "、", "的", "在", "\n"])
                        for _ in range(60)) for _ in range(40)]
    return seeds + phrases + mixtures


_TEXTS = _texts()


def _plain_scan(text: str, phrases: Hits) -> list[places.Mention]:
    """The scan as a leftmost-longest pass with a test per name, the words asked as a set."""
    words = boundary_words()
    names = places._names(phrases)

    def across_words(start: int, end: int, splits: bool) -> bool:
        if end - start > 3 or start == 0:
            return False
        if not (splits or start > 1 and text[start - 2:start + 1] in words or
                end - start == 2 and text[start] in places._FUNCTION_CHARS and
                places.is_han(text[start - 1])):
            return False
        return text[end - 1:end + 1] in words or text[end - 1:end + 2] in words

    def yields(start: int, end: int) -> bool:
        for inner, inner_end, inner_name in places._names_starting_in(phrases, names,
                                                                      start + 1, end):
            if inner_end > end and inner_end - inner >= end - start and \
                    not inner_name.weak and \
                    not across_words(inner, inner_end, text[inner - 1:inner + 1] in words):
                return True
        return False

    def accept(start: int, end: int, name: places._Name) -> bool:
        splits = start > 0 and text[start - 1:start + 1] in words
        if across_words(start, end, splits):
            return False
        return not ((name.weak or splits) and yields(start, end))

    named: Iterator[tuple[int, int, places._Name]] = (
        (start, end, name) for start, end, name in zip(phrases.starts, phrases.ends, names)
        if name is not None)
    return [places.Mention(start, end, text[start:end], name.codes, name.via, extra=name.extra)
            for start, end, name in leftmost_longest(named, accept) if not name.blocker]


def test_the_texts_are_there() -> None:
    assert len(_TEXTS) > 500


@pytest.mark.parametrize("memo", [False, True])
def test_the_scan_reads_every_name_as_the_plain_pass_does(memo: bool) -> None:
    # the scan walks the hits itself (no call per name) and asks the boundary words by their
    # first character: the same mentions, read and refused, as the plain pass
    differing = [text for text in _TEXTS
                 if places._scan(text, normalize(text).phrases, memo=memo)
                 != _plain_scan(text, normalize(text).phrases)]
    assert differing == []


def test_the_boundary_words_by_first_character_are_the_words() -> None:
    words = boundary_words()
    pairs = {text[i:i + length] for text in _TEXTS[:200] for i in range(len(text))
             for length in (2, 3)}
    assert any(pair in words for pair in pairs)
    assert [pair for pair in pairs if (pair in words.by_first[pair[0]]) != (pair in words)] == []


def _plain_abbreviations(text: str, taken: list[places.Mention]) -> list[places.Mention]:
    """``places._abbreviations`` the plain way: what the names cover marked a character at a
    time."""
    g = places.gazetteer()
    covered = bytearray(len(text))
    for m in taken:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    words = boundary_words()
    frames = places._frames(g)
    found: list[places.Mention] = []
    for run_match in places._abbreviation_runs(g).finditer(text):
        i, j = run_match.span()
        if j - i == 1 and not (i and text[i - 1] in places._BEFORE) and \
                text[j:j + 1] not in frames[text[i]][1] or any(covered[i:j]):
            continue
        readings = None
        if j - i >= 2:
            readings = places._run_readings(text, i, j, g, words)
            if readings is None and j - i >= 3:
                j -= 1
                readings = places._run_readings(text, i, j, g, words)
        if readings:
            found += [places._abbreviation_mention(k, reading, g)
                      for k, reading in zip(range(i, j), readings)]
            continue
        for k in {i, j - 1}:
            reading = places._framed_reading(text, k, g, words, before=k == i, after=k == j - 1)
            if reading is not None:
                found.append(places._abbreviation_mention(k, reading, g))
    return found


def test_one_character_forms_are_read_beside_names_as_the_plain_way_reads_them() -> None:
    # what the names cover is found by bisection: the accepted names of every text
    g = places.gazetteer()
    read = 0
    for text in _TEXTS:
        ntext = normalize(text)
        taken = places._scan(ntext.text, ntext.phrases)
        places._accept(taken, ntext.text, g)
        taken = [m for m in taken if m.accepted]
        found = places._abbreviations(ntext.text, g, taken)
        assert found == _plain_abbreviations(ntext.text, taken), text[:40]
        read += len(found)
    assert read > 50


def test_a_one_character_form_inside_a_name_that_holds_a_shorter_one_is_no_place() -> None:
    # names inside names (one that starts with a longer one and ends first): what covers the
    # run is the longer name, not the last one by start
    text = "访中美两国"
    g = places.gazetteer()
    outer, inner = places.Mention(0, 5, text), places.Mention(0, 1, "访")
    assert [m.text for m in places._abbreviations(text, g, [])] == ["中", "美"]
    assert places._abbreviations(text, g, [outer, inner]) == \
        _plain_abbreviations(text, [outer, inner]) == []
