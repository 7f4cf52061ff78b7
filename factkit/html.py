"""Self-contained HTML pages of articles with their facts highlighted (no external assets).

Every character range is shown with the kinds of all facts covering it (a place inside an
organization is both), coloured by the innermost one. Hovering shows the normalized records in
words (3500亿元 → 350,000,000,000 CNY); clicking shows them in the side panel. Tables of the
facts and of the statements follow the text: click a heading to sort, type in the box to
filter. ``page.html#fact-12`` scrolls to fact 12 and opens it. Several documents make one
report with a section each (``render_report``); the layout fits a phone's width.
"""
from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from .models import Document, Fact
from .summary import describe

__all__ = ["render_html", "render_report", "render_compact", "readable"]

KIND_OF = {"Figure": "figure", "DateMention": "date", "Place": "place",
           "Organization": "organization"}
LABELS = {"figure": "figure (数量)", "date": "date (日期)", "place": "place (地点)",
          "organization": "organization (机构)"}
_LIST_OF = {"figure": "figures", "date": "dates", "place": "places",
            "organization": "organizations"}

_STYLE = """
*{box-sizing:border-box}
body{font:16px/1.8 system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:0;color:#222}
header{padding:12px 20px;background:#f6f6f6;border-bottom:1px solid #ddd}
h1{font-size:18px;margin:0 0 6px;overflow-wrap:anywhere}
h2{font-size:17px;margin:24px 20px 0;overflow-wrap:anywhere}
h3{font-size:15px;margin:16px 20px 6px}
nav ol{margin:6px 0;padding-left:1.5em}
nav li,.meta{overflow-wrap:anywhere}
.legend span{display:inline-block;margin-right:14px;padding:0 6px;border-radius:3px}
main{display:flex;gap:20px;padding:20px}
.text{white-space:pre-wrap;overflow-wrap:anywhere;flex:3;max-width:60em;min-width:0}
aside{flex:1;position:sticky;top:10px;align-self:flex-start;font-size:13px;min-width:0;
      background:#fafafa;border:1px solid #ddd;padding:10px;min-height:6em}
aside dl{margin:0}aside dt{font-weight:bold;margin-top:6px}aside dd{margin:0;overflow-wrap:anywhere}
.f{border-radius:3px;cursor:pointer}
.f.sel{outline:2px solid #333}
.figure{background:#ffd166}.date{background:#8ecae6}.place{background:#b7e4c7}
.organization{background:#f4acb7}
.nested{box-shadow:inset 0 -3px 0 rgba(0,0,0,.35)}
.filter{margin:0 20px 6px;font:inherit;font-size:14px;padding:2px 6px;max-width:calc(100% - 40px)}
table{border-collapse:collapse;margin:0 20px 30px;font-size:14px;max-width:calc(100% - 40px)}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top;
      overflow-wrap:anywhere}
th{background:#f0f0f0;cursor:pointer;user-select:none}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td a{color:inherit}
@media (max-width:700px){
  main{display:block;padding:12px}
  aside{position:static;margin-top:12px}
  header{padding:10px 12px}
  table{margin:0 12px 24px;max-width:calc(100% - 24px);font-size:13px}
  .filter{margin:0 12px 6px}
  .span-col{display:none}
}
"""

_SCRIPT = r"""
(function () {
  var facts = JSON.parse(document.getElementById('facts').textContent);
  var selected = [];
  function panelOf(el) {
    var section = el.closest('section');
    return section && section.querySelector('.panel');
  }
  function show(section, ids, scroll) {
    selected.forEach(function (el) { el.classList.remove('sel'); });
    selected = [];
    var panel = section.querySelector('.panel');
    panel.textContent = '';
    var doc = section.dataset.doc;
    ids.forEach(function (i) {
      var fact = facts[doc][i];
      var list = document.createElement('dl');
      fact.readable.forEach(function (pair) {
        var dt = document.createElement('dt'); dt.textContent = pair[0];
        var dd = document.createElement('dd'); dd.textContent = pair[1];
        list.appendChild(dt); list.appendChild(dd);
      });
      panel.appendChild(list);
      section.querySelectorAll('[data-facts~="' + i + '"]').forEach(function (el) {
        el.classList.add('sel'); selected.push(el);
      });
    });
    if (scroll && selected.length) { selected[0].scrollIntoView({block: 'center'}); }
  }
  document.querySelectorAll('.text').forEach(function (text) {
    text.addEventListener('click', function (event) {
      var el = event.target.closest('.f');
      if (el) { show(el.closest('section'), el.dataset.facts.split(' ').map(Number), false); }
    });
  });
  document.querySelectorAll('tr[data-fact]').forEach(function (row) {
    row.addEventListener('click', function () {
      show(row.closest('section'), [Number(row.dataset.fact)], true);
    });
  });
  function cell(row, index) {
    var td = row.children[index];
    return td.dataset.sort !== undefined ? td.dataset.sort : td.textContent;
  }
  document.querySelectorAll('table.facts th').forEach(function (th, index) {
    th.addEventListener('click', function () {
      var table = th.closest('table'), body = table.tBodies[0];
      var up = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = cell(a, th.cellIndex), y = cell(b, th.cellIndex);
        var nx = parseFloat(x), ny = parseFloat(y);
        var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'zh');
        return up ? order : -order;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  document.querySelectorAll('input.filter').forEach(function (box) {
    box.addEventListener('input', function () {
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      var table = document.getElementById(box.dataset.table);
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
  });
  function follow() {  // page.html#fact-3 (or #d2-fact-3 in a report) opens fact 3
    var link = /^#(?:d(\d+)-)?fact-(\d+)$/.exec(location.hash);
    if (!link) { return; }
    var section = document.querySelector('section[data-doc="' + (link[1] || '0') + '"]');
    if (section && facts[section.dataset.doc][Number(link[2])]) {
      show(section, [Number(link[2])], true);
    }
  }
  window.addEventListener('hashchange', follow);
  follow();
})();
"""


def _kind(fact: Any) -> str:
    """The kind of a record, for labels and colours (a record type the view does not know
    yet is shown by its class name)."""
    name = type(fact).__name__
    return KIND_OF.get(name, name.lower())


def _grouped(value: Decimal | None) -> str:
    """350000000000 → 350,000,000,000; every digit kept, never an exponent."""
    if value is None:
        return ""
    whole, _, fraction = format(value, "f").partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    grouped = f"{int(whole):,}" if whole else "0"
    return f"{sign}{grouped}.{fraction}" if fraction else f"{sign}{grouped}"


_QUALIFIER_WORDS = {"approx": "about", "over": "over", "at_least": "at least",
                    "under": "under", "at_most": "at most"}


def readable(fact: Any) -> str:
    """A record's normalized value in words: "350,000,000,000 CNY", "2026-02-24 (day)"."""
    kind = _kind(fact)
    if kind == "figure":
        if fact.qualifier == "range" or fact.value is None:
            low, high = _grouped(fact.low), _grouped(fact.high)
            amount = f"{low}–{high}" if low and high else low or high
        else:
            amount = _grouped(fact.value)
        word = _QUALIFIER_WORDS.get(fact.qualifier)
        return f"{word + ' ' if word else ''}{amount} {fact.unit}".strip()
    if kind == "date":
        if fact.first_day is None:
            return f"unresolved ({fact.granularity})"
        days = (f"{fact.first_day}" if fact.first_day == fact.last_day
                else f"{fact.first_day} to {fact.last_day}")
        return f"{days} ({fact.granularity})"
    return describe(fact)


def _readable_fields(fact: Any) -> list[tuple[str, str]]:
    """The panel's lines for a fact: what it is, as written, its value and details."""
    kind = _kind(fact)
    lines = [(kind, fact.text), ("value", readable(fact))]
    skip = {"text", "start", "end", "value", "low", "high"}
    for name in type(fact).model_fields:
        value = getattr(fact, name)
        if name in skip or value in (None, [], ""):
            continue
        lines.append((name, "/".join(map(str, value)) if isinstance(value, list) else str(value)))
    lines.append(("characters", f"{fact.start}–{fact.end}"))
    return lines


def _check_text(doc: Document, text: str | None) -> str:
    kept = doc.text
    if text is None:
        if kept is None:
            raise ValueError("this Document carries no text (it was loaded from JSON): "
                             "pass the text it was extracted from, render_html(doc, text)")
        return kept
    if not isinstance(text, str):
        raise TypeError("render_html(doc, text) takes a factkit.Document and the str it was "
                        "extracted from")
    if kept is not None and kept != text:
        raise ValueError("text is not the one this Document was extracted from; "
                         "call render_html(doc) to use the document's own text")
    for fact in doc.facts:
        # a record's text is its slice minus layout breaks (white space with a line break)
        if fact.end > len(text) or "".join(text[fact.start:fact.end].split()) != "".join(
                fact.text.split()):
            raise ValueError(f"text is not the one this Document was extracted from: "
                             f"characters {fact.start}–{fact.end} are not {fact.text!r}")
    return text


def render_html(doc: Document, text: str | None = None, title: str | None = None,
                only: Sequence[str] | None = None) -> str:
    """The page for ``doc``. The text comes from the document itself (``doc.text``, kept by
    ``factkit.extract``); a document loaded from JSON needs ``text``, the same string that
    was extracted, and a text that does not fit the document's offsets is refused with
    ``ValueError``. ``only`` limits the page to some kinds ("figures", "dates", …)."""
    if not isinstance(doc, Document):
        raise TypeError("render_html(doc, text) takes a factkit.Document and the str it was "
                        "extracted from")
    heading = title or doc.source or "factkit"
    return _page(heading, [_section(doc, _check_text(doc, text), 0, only, heading=None)],
                 [_records(doc, only)], nav="")


def render_report(docs: Iterable[Document], title: str = "factkit report",
                  only: Sequence[str] | None = None) -> str:
    """One page for several documents: an index of their sources and a section for each."""
    documents = list(docs)
    if not all(isinstance(d, Document) for d in documents):
        raise TypeError("render_report() takes factkit.Documents")
    sections, data, index = [], [], []
    for number, doc in enumerate(documents):
        name = doc.source or f"document {number + 1}"
        sections.append(_section(doc, _check_text(doc, None), number, only, heading=name))
        data.append(_records(doc, only))
        index.append(f'<li><a href="#d{number}">{html.escape(name)}</a> '
                     f"({_counts(doc)})</li>")
    nav = f"<nav><ol>{''.join(index)}</ol></nav>"
    return _page(title, sections, data, nav)


def _selected(doc: Document, only: Sequence[str] | None) -> list[Fact]:
    return [f for f in doc.facts if not only or _LIST_OF.get(_kind(f)) in only]


def _records(doc: Document, only: Sequence[str] | None) -> list[dict[str, Any]]:
    return [{"fact": _kind(f), "readable": _readable_fields(f)}
            for f in _selected(doc, only)]


def _counts(doc: Document) -> str:
    names = ("figures", "dates", "places", "organizations", "statements")
    return ", ".join(f"{len(getattr(doc, k))} {k}" for k in names if hasattr(doc, k))


def _section(doc: Document, text: str, number: int, only: Sequence[str] | None,
             heading: str | None) -> str:
    facts = _selected(doc, only)
    prefix = f"d{number}-" if heading is not None else ""
    body = _highlighted(text, facts, prefix)
    ref = (f" · reference date {doc.ref_date}" + (" (inferred)" if doc.ref_date_inferred
                                                  else "")) if doc.ref_date else ""
    warnings = "".join(f"<p>⚠ {html.escape(w)}</p>" for w in doc.warnings)
    title = (f'<h2 id="d{number}">{html.escape(heading)}</h2>' if heading is not None else "")
    rows = "".join(
        f'<tr data-fact="{i}"><td data-sort="{i}"><a href="#{prefix}fact-{i}">{i}</a></td>'
        f"<td>{_kind(f)}</td><td>{html.escape(f.text)}</td>"
        f"<td{_sort_key(f)}>{html.escape(readable(f))}</td>"
        f'<td class="span-col" data-sort="{f.start}">{f.start}–{f.end}</td></tr>'
        for i, f in enumerate(facts))
    table_id = f"{prefix}facts-table"
    facts_table = (
        f'<h3>Facts</h3><input class="filter" type="search" placeholder="filter the facts" '
        f'aria-label="filter the facts" data-table="{table_id}">'
        f'<table class="facts" id="{table_id}"><thead><tr><th>#</th><th>kind</th><th>text</th>'
        f'<th>value</th><th class="span-col">characters</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>")
    return (f'<section data-doc="{number}">{title}<div class="meta">{_counts(doc)}'
            f"{html.escape(ref)}</div>{warnings}"
            f'<main><div class="text">{body}</div>'
            f'<aside><b>Click a highlighted fact</b><div class="panel"></div></aside></main>'
            f"{_statements_table(doc, prefix, only)}{facts_table}</section>")


def _sort_key(fact: Any) -> str:
    """Tables sort values by number (a figure's amount, a date's first day), not as text."""
    if _kind(fact) == "figure":
        amount = fact.value if fact.value is not None else fact.low or fact.high
        return f' data-sort="{amount}"' if amount is not None else ""
    if _kind(fact) == "date" and fact.first_day:
        return f' data-sort="{fact.first_day.isoformat()}"'
    return ""


def _statements_table(doc: Document, prefix: str, only: Sequence[str] | None) -> str:
    statements = getattr(doc, "statements", None) or []
    if not statements or (only and "statements" not in only):
        return ""
    rows = []
    for statement in statements:
        figure = statement.figure
        subject, period = statement.subject, statement.period
        metric = statement.metric
        cells = [figure.text, readable(figure), metric.text if metric else "",
                 statement.relation or "", statement.basis or "",
                 getattr(subject, "name", "") if subject else "",
                 f"{period.text} ({readable(period)})" if period else ""]
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    table_id = f"{prefix}statements-table"
    return (f'<h3>Statements</h3><input class="filter" type="search" '
            f'placeholder="filter the statements" aria-label="filter the statements" '
            f'data-table="{table_id}"><table class="facts" id="{table_id}"><thead><tr>'
            "<th>figure</th><th>value</th><th>metric</th><th>relation</th><th>basis</th>"
            f"<th>subject</th><th>period</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _page(title: str, sections: list[str], data: list[list[dict[str, Any]]], nav: str) -> str:
    legend = "".join(f'<span class="{k}">{html.escape(v)}</span>' for k, v in LABELS.items())
    heading = html.escape(title)
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading}</title><style>{_STYLE}</style></head>
<body>
<header><h1>{heading}</h1><div class="legend">{legend}</div>{nav}</header>
{''.join(sections)}
<script type="application/json" id="facts">{payload}</script>
<script>{_SCRIPT}</script>
</body></html>
"""


def _highlighted(text: str, facts: list[Any], prefix: str = "") -> str:
    """The text cut at every fact boundary; each piece marked with the facts covering it. The
    first piece of each fact carries the anchor ``fact-N`` that links scroll to."""
    cuts = sorted({0, len(text), *(f.start for f in facts), *(f.end for f in facts)})
    by_start = sorted(range(len(facts)), key=lambda i: facts[i].start)
    active: list[int] = []
    anchored: set[int] = set()
    next_fact = 0
    out = []
    for start, end in zip(cuts, cuts[1:]):
        piece = html.escape(text[start:end])
        # one sweep: facts enter at their start and leave after their end
        while next_fact < len(by_start) and facts[by_start[next_fact]].start <= start:
            active.append(by_start[next_fact])
            next_fact += 1
        active = [i for i in active if facts[i].end > start]
        covering = sorted(active)
        if not covering:
            out.append(piece)
            continue
        inner = min(covering, key=lambda i: facts[i].end - facts[i].start)
        kind = _kind(facts[inner])
        tip = html.escape(" | ".join(f"{_kind(facts[i])}: {readable(facts[i])}"
                                     for i in covering), quote=True)
        nested = " nested" if len(covering) > 1 else ""
        ids = " ".join(map(str, covering))
        new = [i for i in covering if i not in anchored]
        anchored.update(new)
        anchors = "".join(f'<a id="{prefix}fact-{i}"></a>' for i in new)
        out.append(f'{anchors}<span class="f {kind}{nested}" data-facts="{ids}" title="{tip}">'
                   f"{piece}</span>")
    return "".join(out)


_COMPACT_STYLE = (
    ".factkit-view{font:14px/1.7 system-ui,sans-serif}"
    ".factkit-view .text{white-space:pre-wrap;overflow-wrap:anywhere;max-height:18em;"
    "overflow:auto;border:1px solid #ddd;padding:6px;margin:6px 0}"
    ".factkit-view .figure{background:#ffd166}.factkit-view .date{background:#8ecae6}"
    ".factkit-view .place{background:#b7e4c7}.factkit-view .organization{background:#f4acb7}"
    ".factkit-view .nested{box-shadow:inset 0 -3px 0 rgba(0,0,0,.35)}"
    ".factkit-view table{border-collapse:collapse}.factkit-view td,.factkit-view th"
    "{border:1px solid #ddd;padding:2px 6px;text-align:left}")


def render_compact(doc: Document, limit: int = 200) -> str:
    """A compact view for notebooks (``Document._repr_html_``): the counts, the text with the
    facts highlighted (when the document carries it) and the first ``limit`` facts."""
    facts = doc.facts
    ref = (f", reference date {doc.ref_date}" + (" (inferred)" if doc.ref_date_inferred
                                                 else "")) if doc.ref_date else ""
    source = f"<b>{html.escape(doc.source)}</b>: " if doc.source else ""
    text = (f'<div class="text">{_highlighted(doc.text, facts)}</div>'
            if doc.text is not None else "")
    rows = "".join(f"<tr><td>{_kind(f)}</td><td>{html.escape(f.text)}</td>"
                   f"<td>{html.escape(readable(f))}</td></tr>" for f in facts[:limit])
    more = (f"<p>… and {len(facts) - limit} more (factkit.to_frame(doc) has them all)</p>"
            if len(facts) > limit else "")
    return (f'<div class="factkit-view"><style>{_COMPACT_STYLE}</style>'
            f"<div>{source}{html.escape(_counts(doc) + ref)}</div>{text}"
            f"<table><thead><tr><th>kind</th><th>text</th><th>value</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>{more}</div>")
