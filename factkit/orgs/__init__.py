"""Organizations: the bodies news is about, with their kind and the place they belong to.

1. **Lexicon** (``lexicon.py``, one Aho-Corasick pass): named bodies with their kind and place
   (国务院, 全国人大常委会, 新华社, 世卫组织, 北大, 行政院, 廉政公署, 比亚迪:
   ``data/org_names.tsv``, ``org_universities.tsv``, ``company_brands.txt``), found where
   they start a word (``named.py``).
2. **Grammar** (``grammar.py``): [place or level word] + [body] + [type suffix], the suffix
   from ``data/org_suffixes.tsv`` or a department stem with its body word (住建局,
   应急管理厅, 消防救援支队); a bare level word (市政府, 县住建局) takes the place the article
   is about; a department after its body is one body with it (财政部预算司).
3. **Companies** without a suffix (``companies.py``): before a marker (蓝思科技) or listed with
   a company (华润三九、阿秒光学).
4. **The document's own names** (``document.py``): short names it defines (以下简称“广州地铁”),
   short forms of bodies it named in full (发改委, 公安局, 高新区), everywhere in it.

A bare place name used for its government (嘉禾县提前部署) is reported as a place only:
the government reading is a figure of speech, and reporting it twice would double every
county in the text.
"""
from __future__ import annotations

from itertools import compress
from operator import attrgetter

from ..candidates import Candidate, Context
from ..normalize import NormalizedText
from . import companies, document, grammar, lexicon
from .named import named_bodies
from .placing import Places

__all__ = ["extract"]


_QUANTITIES = frozenset(("date", "figure"))
_START, _END, _FACT = attrgetter("start"), attrgetter("end"), attrgetter("fact")


def extract(ntext: NormalizedText, context: Context | None = None) -> list[Candidate]:
    text = ntext.text
    if len(text) < 2:
        return []
    longest_names, longest_suffixes, markers = lexicon.read(ntext.phrases)
    congresses = grammar.congresses(text)
    places = Places(getattr(context, "places", None) or [])
    periodicals = grammar.periodicals(text, places)
    if not (longest_names or longest_suffixes or markers or congresses or periodicals):
        return []  # no body is named without one of them (a text dense with figures: 1年1年…)
    found = getattr(context, "found", None) or []
    quantity_ends = sorted(compress(map(_END, found), map(_QUANTITIES.__contains__,
                                                          map(_FACT, found))))
    edges = set(quantity_ends) | set(places.by_end)
    suffix_kinds = lexicon.suffix_kinds()

    shorts: dict[str, tuple[str, str | None]] = {}
    known = named_bodies(longest_names, text, places, edges, shorts)
    by_suffix = grammar.by_suffix(grammar.suffix_spans(longest_suffixes), text, places,
                                  quantity_ends, {c.end: c.start for c in known})
    by_suffix += congresses + periodicals
    # a department after a known body keeps that body's place (公安部 + 交通管理局)
    bodies = _merge(known + grammar.nested(known + by_suffix, text, suffix_kinds), by_suffix)
    marked = companies.marked_companies(text, markers, places)
    bodies += marked

    edges.update(map(_END, bodies))
    document.definitions(text, bodies, shorts)
    document.bodies_after_place(bodies, places, suffix_kinds, shorts)
    bodies += document.short_forms(text, shorts, edges)
    bodies += document.zone_short_forms(text, bodies)
    # a list is taken for companies only when a known or marked company is in it: a suffix
    # (福城公司) says nothing of the words listed before it (财政、税务)
    seeds = [c for c in known if c.fields["kind"] == "company"] + marked
    bodies += companies.listed_with(text, seeds, places, bodies)
    return _as_written(companies.join_adjacent(bodies), ntext)


def _as_written(found: list[Candidate], ntext: NormalizedText) -> list[Candidate]:
    """``name`` is the name as written (經濟部), matched through the fold (经济部); kind and
    place stay simplified."""
    if ntext.written == ntext.text:
        return found
    as_written = []
    for c in found:
        written = ntext.written_text(c.start, c.end)
        if written != c.fields["name"]:
            c = Candidate(c.start, c.end, c.fact, c.rule, {**c.fields, "name": written})
        as_written.append(c)
    return as_written


def _merge(known: list[Candidate], by_suffix: list[Candidate]) -> list[Candidate]:
    """One candidate per span: the lexicon's, unless it places a company nowhere and the
    grammar read the place in its name (中国建设银行)."""
    by_span = dict(zip(zip(map(_START, by_suffix), map(_END, by_suffix)), by_suffix))
    merged = []
    for c in known:
        other = by_span.pop((c.start, c.end), None)
        if other is not None and c.fields["place"] is None and \
                other.fields["place"] is not None and other.fields["kind"] == c.fields["kind"]:
            c = other
        merged.append(c)
    return merged + list(by_span.values())
