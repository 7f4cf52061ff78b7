"""factkit.iter_facts: the records of a long text, chunk by chunk, equal extract's."""
from __future__ import annotations

import datetime
import random

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import factkit
from conftest import SEEDS
from factkit.stream import chunk_spans
from lexicon_text import LAYOUT_BREAK, pending_calendar_fix, texts

REF = datetime.date(2026, 2, 25)
MARKUP = "#*>|-=_`"
ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
# long texts of many paragraphs: each seed article several times over (one article at a time:
# the two name different villages of the same name, which only the whole text can weigh)
LONG = ["\n\n".join([article] * 3) for article in ARTICLES]


@pytest.mark.parametrize("chunk_size", [300, 2_000, 8_000])
@pytest.mark.parametrize("text", LONG, ids=["seed0x3", "seed1x3"])
def test_records_equal_extract(text, chunk_size):
    assert len(list(chunk_spans(text, chunk_size))) > 1
    streamed = list(factkit.iter_facts(text, REF, chunk_size=chunk_size))
    assert streamed == factkit.extract(text, ref_date=REF).facts


def test_one_chunk_is_extract():
    """A text shorter than a chunk, reference date inferred or not, is read as extract reads
    it."""
    for article in ARTICLES:
        assert list(factkit.iter_facts(article)) == factkit.extract(article).facts


def test_chunks_cover_the_text_and_end_at_paragraphs_or_sentences():
    rng = random.Random(3)
    paragraphs = [p for article in ARTICLES for p in article.split("\n") if p.strip()]
    rng.shuffle(paragraphs)
    # layout breaks inside sentences, as PDF extraction leaves them, must not be taken for ends
    text = "\n".join(p[:20] + "\n" + p[20:] if len(p) > 40 else p for p in paragraphs)
    spans = list(chunk_spans(text, 1_000))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end == start
        before = text[:end].rstrip(" \t\u3000\n")
        # a sentence end, or a line break next to Markdown markup (a heading, a list item)
        assert before[-1] in "。！？!?；;…”’」』）)" or before[-1] in MARKUP \
            or text[end] in MARKUP, repr(text[end - 30:end + 5])


def test_offsets_index_the_whole_text():
    text = "\n".join(ARTICLES[0].split("\n")[::-1])
    records = list(factkit.iter_facts(text, REF, chunk_size=700))
    assert len(records) > 50
    assert [(r.start, r.end) for r in records] == sorted((r.start, r.end) for r in records)
    for r in records:
        assert r.text == LAYOUT_BREAK.sub("", text[r.start:r.end])


def test_inferred_reference_date_carries_to_later_chunks():
    opening = "2025年3月5日，全市召开大会。\n"
    filler = "会议强调，要抓好各项工作落实。\n" * 200
    text = opening + filler + "今年粮食总产量创新高。\n"
    late = [r for r in factkit.iter_facts(text, chunk_size=500)
            if isinstance(r, factkit.DateMention) and r.text == "今年"]
    assert late and late[0].first_day == datetime.date(2025, 1, 1)


def test_a_sentence_longer_than_a_chunk_is_not_cut():
    text = "一" * 3_000 + "。" + "郴州市5家企业。"
    spans = list(chunk_spans(text, 1_000))
    assert spans[0] == (0, 3_001)
    records = list(factkit.iter_facts(text, chunk_size=1_000))
    assert [r.text for r in records if r.start > 3_000] == \
        [r.text for r in factkit.extract(text).facts if r.start > 3_000]


def test_bad_arguments():
    with pytest.raises(TypeError):
        list(factkit.iter_facts(b"bytes"))
    with pytest.raises(ValueError):
        list(factkit.iter_facts("文本", chunk_size=0))
    assert list(factkit.iter_facts("")) == []


@pending_calendar_fix
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(texts(max_tokens=10), min_size=1, max_size=8), st.integers(1, 80))
@example(["郴州市5家企业", "深冬时节"], 3)
def test_records_index_the_whole_text_on_any_paragraphs(paragraphs, chunk_size):
    text = "。\n".join(paragraphs)
    records = list(factkit.iter_facts(text, REF, chunk_size=chunk_size))
    assert [(r.start, r.end) for r in records] == sorted((r.start, r.end) for r in records)
    for r in records:
        assert 0 <= r.start < r.end <= len(text)
        assert r.text == LAYOUT_BREAK.sub("", text[r.start:r.end])


@pytest.mark.parametrize("unit", ["1年", "2026年2月24日", "深冬", "郴州市委、", "3.5万余吨"])
def test_text_without_sentence_ends_is_cut_without_cutting_a_mention(unit):
    # one string repeated with no sentence end: cut at the chunk size, read across the cut
    text = unit * (30_000 // len(unit))
    spans = list(chunk_spans(text, 1_000))
    assert len(spans) > 20 and spans[-1][1] == len(text)
    streamed = [(r.start, r.end, type(r).__name__, r.text)
                for r in factkit.iter_facts(text, chunk_size=1_000)]
    whole = sorted((r.start, r.end, type(r).__name__, r.text) for r in factkit.extract(text).facts)
    assert streamed == whole
