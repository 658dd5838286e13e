"""Check the built documentation in a real browser (headless Chromium).

Opens every page of ``docs/_build/html`` (served from 127.0.0.1, no internet needed) in
Debian's ``chromium``, driven through the DevTools protocol over a pipe (standard library
only, no websocket client), and checks that

1. every image on every page loaded (``img.complete`` and a natural width > 0);
2. the math rendered: every ``.math`` element of Sphinx's MathJax output holds the
   ``mjx-container`` MathJax makes, and MathJax itself was loaded from the site (local);
3. every internal link resolves: the page it points to exists and, for ``#fragment``
   links, holds an element with that id;
4. the search page finds ``agreement_probability``.

Chromium is installed with ``apt-get`` when it is missing and we are root (``--no-install``
turns that off).  Exit status 0 when everything passed, 1 otherwise, 2 when the browser
or the built pages are missing.

Usage::

    python -m sphinx -W -b html docs docs/_build/html
    python scripts/check_docs.py [docs/_build/html] [--pages N] [--json FILE]
"""

from __future__ import annotations

import argparse
import functools
import html.parser
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SITE = ROOT / "docs" / "_build" / "html"
SEARCH_TERM = "agreement_probability"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-dev-shm-usage", "--remote-debugging-pipe"]


class CheckFailed(Exception):
    pass


# ---------------------------------------------------------------------------- the browser


def find_chromium(install: bool = True) -> str | None:
    """The chromium executable; installed with apt-get when missing, ``install`` and root."""
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    if install and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("chromium is missing: apt-get install -y chromium", file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update"], check=True, env=env, stdin=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "chromium"], check=True, env=env,
                       stdin=subprocess.DEVNULL)
        return shutil.which("chromium")
    return None


class Browser:
    """Headless Chromium driven over ``--remote-debugging-pipe`` (fds 3 and 4)."""

    def __init__(self, executable: str):
        self.profile = tempfile.mkdtemp(prefix="finitelearn-chromium-")
        to_r, self._to_w = os.pipe()      # we write commands, chromium reads fd 3
        self._from_r, from_w = os.pipe()  # chromium writes fd 4, we read
        cmd = [executable, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", "about:blank"]

        def fds() -> None:  # in the child: the pipe's ends at 3 and 4, whatever numbers they had
            r, w = os.dup(to_r), os.dup(from_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, pass_fds=(3, 4), preexec_fn=fds)
        os.close(to_r)
        os.close(from_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Network"):
            self.call(f"{domain}.enable", session=True)

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            if time.monotonic() > deadline:
                raise CheckFailed("chromium did not answer in time")
            chunk = os.read(self._from_r, 1 << 16)
            if not chunk:
                raise CheckFailed(f"chromium closed the pipe (exit {self.proc.poll()})")
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method: str, session: bool = False, timeout: float = 60, **params) -> dict:
        self._id += 1
        msg: dict = {"id": self._id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        os.write(self._to_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise CheckFailed(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def evaluate(self, expression: str, timeout: float = 60):
        r = self.call("Runtime.evaluate", session=True, timeout=timeout, expression=expression,
                      awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in r:
            raise CheckFailed(f"javascript failed: {r['exceptionDetails'].get('text')} in {expression[:80]}")
        return r["result"].get("value")

    def open(self, url: str, timeout: float = 60) -> None:
        self.events.clear()
        self.call("Page.navigate", session=True, url=url)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate("document.readyState") == "complete" and \
                    self.evaluate("location.href") .split("#")[0] == url.split("#")[0]:
                return
            time.sleep(0.05)
        raise CheckFailed(f"{url} did not finish loading in {timeout} s")

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=10)
        except Exception:  # the browser may already be gone; we end it below either way
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_w)
        os.close(self._from_r)
        shutil.rmtree(self.profile, ignore_errors=True)


# ---------------------------------------------------------------------------- the site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class _Ids(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        for k, v in attrs:
            if k in ("id", "name") and v:
                self.ids.add(v)


@functools.lru_cache(maxsize=None)
def ids_of(path: Path) -> frozenset[str]:
    p = _Ids()
    p.feed(path.read_text(encoding="utf-8", errors="replace"))
    return frozenset(p.ids)


PAGE_REPORT = r"""
(async () => {
  const mathNodes = Array.from(document.querySelectorAll('.math'));
  let mathjax = null;
  if (mathNodes.length) {
    const t0 = Date.now();
    while (!(window.MathJax && MathJax.startup && MathJax.startup.promise) && Date.now() - t0 < 20000)
      await new Promise(r => setTimeout(r, 50));
    if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
    const script = Array.from(document.scripts).find(s => /mathjax/i.test(s.src));
    mathjax = script ? script.src : null;
  }
  const imgs = Array.from(document.images);
  await Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));
  return {
    images: imgs.map(i => ({src: i.currentSrc || i.src, ok: i.complete && i.naturalWidth > 0})),
    math: mathNodes.length,
    rendered: mathNodes.filter(n => n.querySelector('mjx-container') || n.tagName === 'MJX-CONTAINER').length,
    mathErrors: document.querySelectorAll('mjx-merror, [data-mjx-error]').length,
    mathjax: mathjax,
    links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
  };
})()
"""

SEARCH_REPORT = r"""
(async () => {
  const t0 = Date.now();
  const results = () => Array.from(document.querySelectorAll('#search-results li a, ul.search li a'));
  while (Date.now() - t0 < 30000) {
    const summary = document.querySelector('#search-results p.search-summary, #search-results .search-summary');
    if (results().length || (summary && /did not match|found \d+/i.test(summary.textContent))) break;
    await new Promise(r => setTimeout(r, 100));
  }
  return results().map(a => ({href: a.href, text: a.textContent}));
})()
"""


def check_site(site: Path, browser: Browser, base: str, max_pages: int | None = None,
               log=print) -> dict:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if not p.relative_to(site).as_posix().startswith(("_static/", "_sources/", "_images/")))
    if max_pages is not None:
        pages = pages[:max_pages]
    problems: list[str] = []
    counts = {"pages": 0, "images": 0, "math": 0, "links": 0}
    links: dict[str, str] = {}  # link -> first page that has it
    for rel in pages:
        browser.open(base + rel)
        rep = browser.evaluate(PAGE_REPORT, timeout=90)
        counts["pages"] += 1
        for img in rep["images"]:
            counts["images"] += 1
            if not img["ok"]:
                problems.append(f"{rel}: image did not load: {img['src']}")
        counts["math"] += rep["math"]
        if rep["math"]:
            if rep["rendered"] != rep["math"] or rep["mathErrors"]:
                problems.append(f"{rel}: MathJax rendered {rep['rendered']} of {rep['math']} formulas "
                                f"({rep['mathErrors']} errors)")
            if not rep["mathjax"] or not rep["mathjax"].startswith(base):
                problems.append(f"{rel}: MathJax not loaded from the site: {rep['mathjax']}")
        for href in rep["links"]:
            if href.startswith(base):
                links.setdefault(href, rel)
    for href, rel in links.items():
        counts["links"] += 1
        url, frag = urldefrag(href)
        path = unquote(urlparse(url).path)[1:]
        target = site / path
        if not path or path.endswith("/"):
            target = target / "index.html"
        if not target.is_file():
            problems.append(f"{rel}: broken link {href}")
        elif frag and target.suffix == ".html" and unquote(frag) not in ids_of(target):
            problems.append(f"{rel}: link to a missing anchor {href}")
    browser.open(base + f"search.html?q={SEARCH_TERM}")
    hits = browser.evaluate(SEARCH_REPORT, timeout=90)
    found = [h for h in hits if SEARCH_TERM in h["href"] or SEARCH_TERM in h["text"]]
    if not found:
        problems.append(f"search.html?q={SEARCH_TERM}: no result names {SEARCH_TERM} "
                        f"({len(hits)} results: {[h['text'] for h in hits[:5]]})")
    counts["search_results"] = len(hits)
    return {"counts": counts, "problems": problems,
            "search_hits": [h["href"].removeprefix(base) for h in found[:5]]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", nargs="?", default=str(DEFAULT_SITE), help="the built HTML folder")
    ap.add_argument("--pages", type=int, default=None, help="check only the first N pages (sorted)")
    ap.add_argument("--json", default=None, help="also write the report as JSON")
    ap.add_argument("--no-install", action="store_true", help="do not apt-get install chromium if missing")
    args = ap.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file() or not (site / "search.html").is_file():
        print(f"no built documentation at {site}: run python -m sphinx -W -b html docs docs/_build/html",
              file=sys.stderr)
        return 2
    exe = find_chromium(install=not args.no_install)
    if exe is None:
        print("chromium not found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    server, base = serve(site)
    browser = Browser(exe)
    t0 = time.monotonic()
    try:
        report = check_site(site, browser, base, args.pages)
    finally:
        browser.close()
        server.shutdown()
    c = report["counts"]
    print(f"checked {c['pages']} pages in {time.monotonic() - t0:.0f} s: {c['images']} images, "
          f"{c['math']} formulas, {c['links']} internal links, search for {SEARCH_TERM!r}: "
          f"{c['search_results']} results ({', '.join(report['search_hits'][:2])})")
    for p in report["problems"]:
        print("FAIL", p)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))
    print("docs check passed" if not report["problems"] else f"{len(report['problems'])} problems")
    return 0 if not report["problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
