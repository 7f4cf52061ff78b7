"""A self-contained HTML page of an article with its facts highlighted (no external assets).

Every character range is shown with the kinds of all facts covering it (a place inside an
organization is both), coloured by the innermost one. Hovering shows the normalized
records; clicking shows them in full in the side panel. A table of all facts follows the text.
"""
from __future__ import annotations

import html
import json

from .summary import describe
from .models import Document

__all__ = ["render_html"]

KIND_OF = {"Figure": "figure", "DateMention": "date", "Place": "place",
           "Organization": "organization"}
LABELS = {"figure": "figure (数量)", "date": "date (日期)", "place": "place (地点)",
          "organization": "organization (机构)"}

_STYLE = """
body{font:16px/1.8 system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:0;color:#222}
header{padding:12px 20px;background:#f6f6f6;border-bottom:1px solid #ddd}
h1{font-size:18px;margin:0 0 6px}
.legend span{display:inline-block;margin-right:14px;padding:0 6px;border-radius:3px}
main{display:flex;gap:20px;padding:20px}
#text{white-space:pre-wrap;flex:3;max-width:60em}
aside{flex:1;position:sticky;top:10px;align-self:flex-start;font-size:13px;
      background:#fafafa;border:1px solid #ddd;padding:10px;min-height:6em}
aside pre{white-space:pre-wrap;word-break:break-all;margin:0}
.f{border-radius:3px;cursor:pointer}
.f.sel{outline:2px solid #333}
.figure{background:#ffd166}.date{background:#8ecae6}.place{background:#b7e4c7}
.organization{background:#f4acb7}
.nested{box-shadow:inset 0 -3px 0 rgba(0,0,0,.35)}
table{border-collapse:collapse;margin:0 20px 30px;font-size:14px}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0}
"""

_SCRIPT = r"""
(function () {
  var facts = JSON.parse(document.getElementById('facts').textContent);
  var panel = document.getElementById('panel');
  var selected = [];
  function show(ids) {
    selected.forEach(function (el) { el.classList.remove('sel'); });
    selected = [];
    var shown = ids.map(function (i) { return facts[i]; });
    panel.textContent = JSON.stringify(shown, null, 2);
    ids.forEach(function (i) {
      document.querySelectorAll('[data-facts~="' + i + '"]').forEach(function (el) {
        el.classList.add('sel'); selected.push(el);
      });
    });
  }
  document.getElementById('text').addEventListener('click', function (event) {
    var el = event.target.closest('.f');
    if (el) { show(el.dataset.facts.split(' ').map(Number)); }
  });
  document.querySelectorAll('tr[data-fact]').forEach(function (row) {
    row.addEventListener('click', function () { show([Number(row.dataset.fact)]); });
  });
  var link = /^#fact-(\d+)$/.exec(location.hash);  // view.html#fact-3 opens fact 3
  if (link && facts[Number(link[1])]) { show([Number(link[1])]); }
})();
"""


def render_html(doc: Document, text: str, title: str | None = None) -> str:
    """The page for ``doc`` extracted from ``text`` (the same string that was passed to
    ``factkit.extract``)."""
    if not isinstance(doc, Document) or not isinstance(text, str):
        raise TypeError("render_html(doc, text) takes a factkit.Document and the str it was "
                        "extracted from")
    facts = doc.facts
    records = []
    for fact in facts:
        record = {"fact": KIND_OF[type(fact).__name__], **fact.model_dump(mode="json")}
        records.append(record)
    body = _highlighted(text, facts)
    rows = "".join(
        f'<tr data-fact="{i}"><td>{KIND_OF[type(f).__name__]}</td><td>{html.escape(f.text)}</td>'
        f"<td>{f.start}–{f.end}</td><td>{html.escape(describe(f))}</td></tr>"
        for i, f in enumerate(facts))
    legend = "".join(f'<span class="{k}">{html.escape(v)}</span>' for k, v in LABELS.items())
    counts = ", ".join(f"{len(getattr(doc, k))} {k}" for k in
                       ("figures", "dates", "places", "organizations"))
    heading = html.escape(title or "factkit")
    ref = f" · reference date {doc.ref_date}" + (" (inferred)" if doc.ref_date_inferred else "") \
        if doc.ref_date else ""
    warnings = "".join(f"<p>⚠ {html.escape(w)}</p>" for w in doc.warnings)
    data = json.dumps(records, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading}</title><style>{_STYLE}</style></head>
<body>
<header><h1>{heading}</h1><div class="legend">{legend}</div>
<div>{counts}{html.escape(ref)}</div>{warnings}</header>
<main><div id="text">{body}</div>
<aside><b>Click a highlighted fact</b><pre id="panel"></pre></aside></main>
<table><thead><tr><th>kind</th><th>text</th><th>span</th><th>value</th></tr></thead>
<tbody>{rows}</tbody></table>
<script type="application/json" id="facts">{data}</script>
<script>{_SCRIPT}</script>
</body></html>
"""


def _highlighted(text: str, facts: list) -> str:
    """The text cut at every fact boundary; each piece marked with the facts covering it."""
    cuts = sorted({0, len(text), *(f.start for f in facts), *(f.end for f in facts)})
    by_start = sorted(range(len(facts)), key=lambda i: facts[i].start)
    active: list[int] = []
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
        kind = KIND_OF[type(facts[inner]).__name__]
        tip = html.escape(" | ".join(f"{KIND_OF[type(facts[i]).__name__]}: {describe(facts[i])}"
                                     for i in covering), quote=True)
        nested = " nested" if len(covering) > 1 else ""
        ids = " ".join(map(str, covering))
        out.append(f'<span class="f {kind}{nested}" data-facts="{ids}" title="{tip}">'
                   f"{piece}</span>")
    return "".join(out)
