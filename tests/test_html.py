"""The HTML view: its content, and the page opened in a real headless Chromium (deep links,
narrow screens, a report of several files)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from decimal import Decimal

import pytest

import factkit
from conftest import GROWTH, SEEDS, with_growth_statements
from factkit.cli import main
from factkit.html import readable

SEED = SEEDS / "000_f762f7c7f036bfc1.txt"


@pytest.fixture(scope="module")
def page():
    text = SEED.read_text(encoding="utf-8")
    doc = factkit.extract(text, ref_date="2026-02-25")
    return doc, factkit.render_html(doc, text, title=SEED.name)


def _payload(html: str):
    return json.loads(re.search(r'<script type="application/json" id="facts">(.*?)</script>',
                                html, re.S).group(1))


def test_page_is_self_contained_and_complete(page):
    doc, html = page
    assert "<script src" not in html and "<link" not in html and "http" not in html
    records = _payload(html)[0]
    assert len(records) == len(doc.facts)
    assert {r["fact"] for r in records} == {"figure", "date", "place", "organization"}
    # every fact is highlighted somewhere, has an anchor, and is listed in the table
    for i in range(len(records)):
        assert re.search(rf'data-facts="(?:[0-9 ]* )?{i}(?: [0-9 ]*)?"', html), i
        assert f'<tr data-fact="{i}">' in html
        assert f'id="fact-{i}"' in html and f'href="#fact-{i}"' in html
    for kind in ("figure", "date", "place", "organization"):
        assert f'class="{kind}"' in html  # legend


def test_values_are_readable_not_json(page):
    doc, html = page
    money = next(f for f in doc.figures if f.text == "3500亿元")
    assert readable(money) == "350,000,000,000 CNY"
    assert "350,000,000,000 CNY" in html
    records = _payload(html)[0]
    shown = next(r for r in records if ["figure", "3500亿元"] in r["readable"])
    assert ["value", "350,000,000,000 CNY"] in shown["readable"]
    assert '"value": "350000000000"' not in html


@pytest.mark.parametrize("text, expected", [
    ("近6万元", "under 60,000 CNY"),
    ("10%—15%", "10–15 %"),
    ("0.000000000001元", "0.000000000001 CNY"),
])
def test_readable_figures(text, expected):
    assert readable(factkit.extract(text).figures[0]) == expected


def test_readable_keeps_every_digit():
    figure = factkit.Figure(text="x", start=0, end=1, value=Decimal("-1234567.5E+3"),
                            kind="money", unit="CNY")
    assert readable(figure) == "-1,234,567,500 CNY"


def test_text_is_escaped_and_kept_whole():
    text = "<b>54家</b> & 2026年"
    html = factkit.render_html(factkit.extract(text), text)
    body = html.split('<div class="text">')[1].split("</div>")[0]
    assert "<b>" not in body and "&lt;b&gt;" in body and "&amp;" in body


def test_document_brings_its_own_text_and_a_wrong_text_is_refused():
    text = "关联企业54家，增长12%"
    doc = factkit.extract(text)
    assert factkit.render_html(doc) == factkit.render_html(doc, text)
    with pytest.raises(ValueError, match="not the one"):
        factkit.render_html(doc, "另一篇文章，完全不同的内容")
    loaded = factkit.Document.model_validate_json(doc.model_dump_json())
    assert loaded.text is None
    with pytest.raises(ValueError, match="pass the text"):
        factkit.render_html(loaded)
    with pytest.raises(ValueError, match="not the one"):
        factkit.render_html(loaded, "关联企业五十家，增长百分之十二")
    assert "54家" in factkit.render_html(loaded, text)


def test_statements_are_tabled():
    doc = with_growth_statements(factkit.extract(GROWTH))
    html = factkit.render_html(doc)
    table = html.split('id="statements-table"')[1].split("</table>")[0]
    assert table.count("<tr>") == 3  # heading and two statements
    for cell in ("6.8%", "6.8 %", "地区生产总值", "change", "yoy", "郴州市",
                 "2025年 (2025-01-01 to 2025-12-31 (year))"):
        assert f"<td>{cell}</td>" in table, cell
    assert "2 statements" in html


def test_render_html_checks_its_arguments():
    with pytest.raises(TypeError):
        factkit.render_html("not a document", "text")  # type: ignore[arg-type]


def test_report_of_several_files(tmp_path):
    out = tmp_path / "report.html"
    assert main(["extract", str(SEEDS), "-o", str(out), "--jobs", "2"]) == 0
    html = out.read_text(encoding="utf-8")
    seeds = sorted(SEEDS.glob("*.txt"))
    assert html.count("<section ") == len(seeds)
    for number, seed in enumerate(seeds):
        assert f'href="#d{number}"' in html and str(seed) in html
        assert f'id="d{number}-fact-0"' in html
    assert len(_payload(html)) == len(seeds)


def test_notebook_view_is_compact(page):
    doc, html = page
    view = doc._repr_html_()
    assert "<script" not in view and len(view) < len(html)
    assert "350,000,000,000 CNY" in view and "54 figures" in view
    assert repr(doc).count("\n") == 0 and len(repr(doc)) < 200
    assert "figures=54" in repr(doc) and "ref_date=2026-02-25" in repr(doc)


def _chromium() -> str | None:
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                                "google-chrome"))), None)


def _browser(tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium on this machine (Debian package 'chromium'; .ci/run installs "
                    "it when it can)")
    return [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
            "--allow-file-access-from-files", "--virtual-time-budget=3000",
            "--enable-logging=stderr", "--v=0"]


def test_page_in_headless_chromium(page, tmp_path):
    flags = _browser(tmp_path)
    doc, html = page
    view = tmp_path / "view.html"
    view.write_text(html, encoding="utf-8")
    # the page as the browser built it, with fact 3 opened by its deep link
    run = subprocess.run(flags + ["--dump-dom", view.as_uri() + "#fact-3"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert len(re.findall(r'<span class="f ', dom)) >= len(doc.facts) // 2
    panel = re.search(r'<div class="panel">(.*?)</div>', dom, re.S).group(1)
    assert doc.facts[3].text in panel, "the deep link opens the fact's record"
    assert re.search(r'class="f [a-z ]*sel"', dom), "and marks it in the text"
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line]
    assert not console, f"the page wrote to the console: {console}"
    shot = subprocess.run(flags + ["--window-size=1300,900",
                                   f"--screenshot={tmp_path / 'view.png'}", view.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert shot.returncode == 0 and (tmp_path / "view.png").stat().st_size > 10_000


_PROBE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="view" src="%s" style="width:%dpx;height:800px;border:0"></iframe>
<script>
document.getElementById('view').addEventListener('load', function () {
  var page = this.contentDocument, wide = [];
  page.querySelectorAll('body *').forEach(function (el) {
    if (el.getBoundingClientRect().right > %d + 1) { wide.push(el.tagName + '.' + el.className); }
  });
  document.body.setAttribute('data-scroll-width', page.documentElement.scrollWidth);
  document.body.setAttribute('data-wide', wide.slice(0, 10).join(' '));
  document.body.setAttribute('data-scroll-y', this.contentWindow.scrollY);
});
</script></body></html>"""


@pytest.mark.parametrize("which", ["one article", "report"])
def test_no_sideways_scroll_on_a_phone(tmp_path, which):
    """The page in a 390 px wide frame (a phone) is no wider than the frame, and a deep link
    scrolls down to its fact."""
    flags = _browser(tmp_path)
    view = tmp_path / "view.html"
    inputs = [str(SEED)] if which == "one article" else [str(SEEDS)]
    assert main(["extract", *inputs, "-o", str(view), "--jobs", "1"]) == 0
    probe = tmp_path / "probe.html"
    probe.write_text(_PROBE % ("view.html#" + ("d1-" if which == "report" else "") + "fact-40",
                               390, 390), encoding="utf-8")
    run = subprocess.run(flags + ["--window-size=600,900", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    width = int(re.search(r'data-scroll-width="(\d+)"', run.stdout).group(1))
    wide = re.search(r'data-wide="([^"]*)"', run.stdout).group(1)
    assert width <= 390, f"the page is {width} px wide at 390 px: {wide}"
    assert float(re.search(r'data-scroll-y="([\d.]+)"', run.stdout).group(1)) > 100
