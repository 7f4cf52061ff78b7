"""The date extractor settles overlaps between its rules' specs a stretch of text at a time and
builds one spec per distinct match of a rule that reads only its match
(factkit/dates/resolution.py). Both must give exactly what settling all specs at once and
building every match gives: proved here on generated spans and on real and repeated text."""
from __future__ import annotations

import ast
import inspect
import random
import textwrap

import pytest

from conftest import SEEDS, corpus_strings
from factkit.dates import resolution
from factkit.dates.days import DateSpec, Resolution
from factkit.dates.rules import _rules
from factkit.normalize import normalize
from factkit.overlaps import resolve


def _spec(start: int, end: int) -> DateSpec:
    return DateSpec(start, end, "test", lambda r: Resolution(None, None, "day"))


def _streams(rng: random.Random, size: int) -> list[list[tuple[int, DateSpec]]]:
    """Rules' specs in order of match start; some start before their match (a year written
    before a festival), some share a span with another rule's."""
    streams: list[list[tuple[int, DateSpec]]] = []
    for _ in range(rng.randint(1, 6)):
        at, stream = 0, []
        while True:
            at += rng.randint(0, 12)
            if at >= size:
                break
            length = rng.randint(1, 9)
            back = rng.choice([0, 0, 0, rng.randint(1, resolution._LOOK_BACK)])
            stream.append((at, _spec(max(0, at - back), at + length)))
            at += length
        streams.append(stream)
    for _ in range(rng.randint(0, 5)):  # the same span from two rules: the first rule's wins
        donor = rng.choice(streams)
        if donor:
            at, spec = rng.choice(donor)
            streams.append([(at, _spec(spec.start, spec.end))])
    return streams


@pytest.mark.parametrize("stretch", [1, 7, 40, 2048])
def test_settling_by_stretches_keeps_what_settling_all_keeps(monkeypatch, stretch):
    monkeypatch.setattr(resolution, "_STRETCH", stretch)
    rng = random.Random(stretch)
    for _ in range(400):
        streams = _streams(rng, rng.choice([30, 300, 3000]))
        everything = [spec for stream in streams for _, spec in stream]
        settled = resolution._settled([
            iter([(spec.start, order, at, spec.end, spec) for at, spec in stream])
            for order, stream in enumerate(streams)])
        assert [id(spec) for spec in settled] == [id(spec) for spec in resolve(everything)]


def _reads(function: object) -> tuple[set[str], set[str]]:
    """Names a function's code loads, and what it reads of its match ``m``."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))  # type: ignore[arg-type]
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    of_match = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name) and node.value.id == "m"}
    of_match |= {ast.unparse(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)
                 and any(isinstance(arg, ast.Name) and arg.id == "m" for arg in node.args)}
    return names, of_match


# helpers that read a match's named groups only
_GROUP_READERS = {"_group", "_explicit_year_prefix", "_amount", "_target_month",
                  "_names_relative_year"}


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: r.name)
def test_a_builder_said_to_read_only_its_match_does(rule):
    if rule.reads_text:
        return
    names, of_match = _reads(rule.build)
    assert "text" not in names, f"{rule.name}: the builder reads the text around its match"
    assert of_match <= {"group", "start", "end"} | _GROUP_READERS, (rule.name, of_match)


def _texts() -> list[str]:
    phrases = corpus_strings("dates")
    rng = random.Random(24)
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    glued = ["".join(rng.choice(phrases) + rng.choice(["", "，", "至", " ", "。"])
                     for _ in range(300)) for _ in range(10)]
    repeated = [unit * 400 for unit in ("2026年2月24日", "正月初八", "深冬", "2025年春节，",
                                        "下午3点", "2月24日至3月1日", "115年", "今年国庆假期",
                                        "2026年 一季度末")]
    return seeds + glued + repeated


def test_no_spec_starts_further_before_its_match_than_the_settling_looks_back():
    anchor_sets = resolution._anchor_sets()
    for raw in _texts():
        text = normalize(raw).text
        index = resolution.TextIndex(text, anchor_sets)
        for order, rule in enumerate(_rules()):
            for start, _, match_start, _, _ in resolution._rule_specs(
                    rule, order, index.matches(rule), text, set()):
                assert start >= match_start - resolution._LOOK_BACK, (rule.name, text)


def _dates(text: str) -> list[tuple[int, int, dict[str, object]]]:
    return [(c.start, c.end, c.fields) for c in resolution.extract(normalize(text))]


def test_the_extractor_finds_what_it_finds_building_every_match_and_settling_at_the_end(
        monkeypatch):
    texts = _texts()
    fast = [_dates(text) for text in texts]
    monkeypatch.setattr(resolution, "_STRETCH", 10**9)
    for rule in _rules():
        monkeypatch.setattr(rule, "reads_text", True)
    assert [_dates(text) for text in texts] == fast


def test_comparing_a_memo_key_with_the_last_one_first_changes_nothing(monkeypatch):
    # runs of one date, and neighbours that share a resolve function but not their state
    # or their fields (a day with another part of day or clock time)
    texts = _texts() + [unit * 200 for unit in (
        "深冬初春", "2月24日上午，2月24日下午，", "2月24日9时，2月24日10时，", "正月初八2月24日",
        "24日，25日，24日，", "9时至10时，9时至11时，", "今年，去年，", "2025年3月\n4月，")]
    # one date again after another written once, which changed the resolver's state
    texts += ["".join(f"{month}月{day}日，24日，" for month in range(1, 13) for day in (3, 5)),
              "".join(f"{year}年，3月，" for year in range(1990, 2030))]
    fast = [_dates(text) for text in texts]
    monkeypatch.setattr(resolution, "_COMPARE_WITH_LAST", False)
    assert [_dates(text) for text in texts] == fast
