"""The browser check of the built docs (scripts/check_docs.py), in headless Chromium.

Runs when the browser and the built pages are present, and skips saying which is missing
otherwise (CI installs chromium and builds the docs first; see docs/contributing_docs.md).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "docs" / "_build" / "html"
SCRIPT = ROOT / "scripts" / "check_docs.py"


def _script():
    spec = importlib.util.spec_from_file_location("check_docs", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


check_docs = _script()
CHROMIUM = check_docs.find_chromium(install=False)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")


@needs_chromium
@pytest.mark.skipif(not (SITE / "search.html").is_file(),
                    reason="the docs are not built (python -m sphinx -W -b html docs docs/_build/html)")
def test_built_docs_pass_the_browser_check(capsys):
    assert check_docs.main([str(SITE), "--no-install"]) == 0
    out = capsys.readouterr().out
    assert "docs check passed" in out and "agreement_probability" in out


@needs_chromium
def test_the_check_finds_what_is_broken(tmp_path):
    """A site with a missing image, a broken link, a missing anchor, math MathJax never
    rendered and a search that finds nothing: each is reported."""
    (tmp_path / "good.png").write_bytes(_png())
    (tmp_path / "index.html").write_text(
        "<html><body><img src='good.png'><img src='missing.png'>"
        "<a href='other.html'>x</a><a href='other.html#nowhere'>y</a><a href='gone.html'>z</a>"
        "<span class='math notranslate nohighlight'>\\(x^2\\)</span></body></html>")
    (tmp_path / "other.html").write_text("<html><body><p id='here'>other</p></body></html>")
    (tmp_path / "search.html").write_text(
        "<html><body><div id='search-results'><p class='search-summary'>did not match</p></div></body></html>")
    server, base = check_docs.serve(tmp_path)
    browser = check_docs.Browser(CHROMIUM)
    try:
        report = check_docs.check_site(tmp_path, browser, base)
    finally:
        browser.close()
        server.shutdown()
    problems = "\n".join(report["problems"])
    assert "image did not load" in problems and "missing.png" in problems and "good.png" not in problems
    assert "broken link" in problems and "gone.html" in problems
    assert "missing anchor" in problems and "#nowhere" in problems
    assert "MathJax rendered 0 of 1" in problems and "MathJax not loaded from the site" in problems
    assert "no result names agreement_probability" in problems
    assert report["counts"]["images"] == 2


def _png() -> bytes:
    import io

    from matplotlib.figure import Figure

    buf = io.BytesIO()
    Figure(figsize=(0.2, 0.2)).savefig(buf, format="png", dpi=50)
    return buf.getvalue()
