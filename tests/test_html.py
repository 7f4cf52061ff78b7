"""The HTML view: its content, and the page opened in a real headless Chromium."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

import factkit
from conftest import SEEDS

SEED = SEEDS / "000_f762f7c7f036bfc1.txt"


@pytest.fixture(scope="module")
def page():
    text = SEED.read_text(encoding="utf-8")
    doc = factkit.extract(text, ref_date="2026-02-25")
    return doc, factkit.render_html(doc, text, title=SEED.name)


def test_page_is_self_contained_and_complete(page):
    doc, html = page
    assert "<script src" not in html and "<link" not in html and "http" not in html
    records = json.loads(re.search(r'<script type="application/json" id="facts">(.*?)</script>',
                                   html, re.S).group(1))
    assert len(records) == len(doc.facts)
    assert {r["fact"] for r in records} == {"figure", "date", "place", "organization"}
    # every fact is highlighted somewhere, and listed in the table
    for i in range(len(records)):
        assert re.search(rf'data-facts="(?:[0-9 ]* )?{i}(?: [0-9 ]*)?"', html), i
        assert f'<tr data-fact="{i}">' in html
    for kind in ("figure", "date", "place", "organization"):
        assert f'class="{kind}"' in html  # legend


def test_text_is_escaped_and_kept_whole():
    text = "<b>54家</b> & 2026年"
    html = factkit.render_html(factkit.extract(text), text)
    assert "<b>" not in html.split('<div id="text">')[1].split("</div>")[0]
    assert "&lt;b&gt;" in html and "&amp;" in html


def test_render_html_checks_its_arguments():
    with pytest.raises(TypeError):
        factkit.render_html("not a document", "text")  # type: ignore[arg-type]


def _chromium() -> str | None:
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                                "google-chrome"))), None)


def test_page_in_headless_chromium(page, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium on this machine (Debian package 'chromium'; .ci/run installs "
                    "it when it can)")
    doc, html = page
    view = tmp_path / "view.html"
    view.write_text(html, encoding="utf-8")
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
             "--enable-logging=stderr", "--v=0"]
    # the page as the browser built it, with fact 0 opened by its deep link
    run = subprocess.run(flags + ["--dump-dom", view.as_uri() + "#fact-0"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert len(re.findall(r'<span class="f ', dom)) >= len(doc.facts) // 2
    panel = re.search(r'<pre id="panel">(.*?)</pre>', dom, re.S).group(1)
    assert doc.facts[0].text in panel, "clicking a fact shows its record"
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line]
    assert not console, f"the page wrote to the console: {console}"
    shot = subprocess.run(flags + ["--window-size=1300,900", f"--screenshot={tmp_path / 'view.png'}",
                                   view.as_uri()], capture_output=True, text=True, timeout=120)
    assert shot.returncode == 0 and (tmp_path / "view.png").stat().st_size > 10_000
