"""The spaCy component on a blank Chinese pipeline (no model download)."""
from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import tomllib

import pytest

import factkit
from conftest import REPO, SEEDS

spacy = pytest.importorskip("spacy", reason="the spaCy component needs the spacy extra: "
                                            "pip install 'factkit[spacy]'")


@pytest.fixture(scope="module")
def nlp():
    import factkit.spacy_component  # noqa: F401  (registers the factory, as the entry point does)

    pipeline = spacy.blank("zh")
    pipeline.add_pipe("factkit", config={"ref_date": "2026-02-25"})
    return pipeline


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_every_fact_is_a_span_with_its_record(nlp, seed):
    text = seed.read_text(encoding="utf-8")
    doc = nlp(text)
    expected = factkit.extract(text, ref_date="2026-02-25")
    assert doc._.factkit == expected
    spans = list(doc.spans["factkit"])
    assert [s._.factkit for s in spans] == expected.facts
    labels = {"Figure": "FIGURE", "DateMention": "DATE", "Place": "PLACE", "Organization": "ORG"}
    for span in spans:
        record = span._.factkit
        assert span.label_ == labels[type(record).__name__]
        assert span.start_char <= record.start and record.end <= span.end_char
    # nesting is kept: a place inside an organization is a span of its own
    inside = [s for s in spans if s.label_ == "PLACE" and any(
        o.label_ == "ORG" and o.start <= s.start and s.end <= o.end for o in spans)]
    assert inside or not expected.organizations


def test_top_level_facts_are_entities_without_clashes(nlp):
    text = (SEEDS / "000_f762f7c7f036bfc1.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    ents = list(doc.ents)
    assert ents and all(e.label_ in {"FIGURE", "DATE", "PLACE", "ORG"} for e in ents)
    for left, right in zip(ents, ents[1:]):
        assert left.end <= right.start
    money = next(e for e in ents if e.text == "3500亿元")
    assert money.label_ == "FIGURE"
    # an organization wins over the place inside it
    assert any(e.label_ == "ORG" and e.text.startswith("郴州") for e in ents)


def test_existing_entities_are_kept(nlp):
    from spacy.tokens import Span

    maker = spacy.blank("zh")
    doc = maker("郴州市GDP达3500亿元")
    doc.ents = [Span(doc, 0, 3, label="GPE")]
    doc = nlp.get_pipe("factkit")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("郴州市", "GPE"), ("3500亿元", "FIGURE")]


def test_per_doc_reference_date(nlp):
    doc = nlp.make_doc("今年产值增长5%")
    doc._.factkit_ref_date = "2024-06-01"
    doc = nlp.get_pipe("factkit")(doc)
    assert doc._.factkit.dates[0].first_day.year == 2024


def test_entry_point_registers_the_factory(tmp_path):
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    target = declared["project"]["entry-points"]["spacy_factories"]["factkit"]
    assert target == "factkit.spacy_component:make_factkit"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    installed = [e for e in importlib.metadata.entry_points(group="spacy_factories")
                 if e.name == "factkit" and e.value == target]
    if not installed:
        # this checkout is not the installed one: declare its entry point as pip would
        info = tmp_path / "factkit_checkout-0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text("Metadata-Version: 2.1\nName: factkit-checkout\n"
                                       "Version: 0\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(f"[spacy_factories]\nfactkit = {target}\n",
                                               encoding="utf-8")
        env["PYTHONPATH"] = f"{tmp_path}{os.pathsep}{REPO}"
    # a fresh interpreter that never imports factkit itself: spaCy finds it by the entry point
    code = ("import spacy; nlp = spacy.blank('zh'); nlp.add_pipe('factkit'); "
            "doc = nlp('关联企业54家'); print([(s.text, s.label_) for s in doc.spans['factkit']])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    assert "('54家', 'FIGURE')" in run.stdout
