"""Sphinx configuration of the finitelearn documentation.

Build (warnings are errors)::

    pip install -e '.[docs]'
    npm install --no-save --no-audit --no-fund --prefix docs/_vendor mathjax@3
    python -m sphinx -W -b html docs docs/_build/html

MathJax is served from the local npm copy under ``docs/_vendor`` (the built pages load no
script from the network).  The API reference is generated here, at build time, from the
``__all__`` of every public module (:data:`API_MODULES`), so a public name cannot be left
out of it.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # document this checkout's finitelearn, not another install
os.environ.setdefault("MPLBACKEND", "Agg")  # the gallery's scripts run headless

import finitelearn  # noqa: E402

project = "finitelearn"
author = "finitelearn developers"
copyright = "finitelearn developers"
release = version = finitelearn.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.intersphinx",
    "sphinx.ext.mathjax",
    "numpydoc",
    "myst_parser",
    "sphinx_gallery.gen_gallery",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_vendor", "examples/README.txt", "**/README.txt", "auto_examples/*.ipynb",
                    "auto_examples/*.py", "auto_examples/*.zip", "auto_examples/*.json",
                    "auto_examples/*.md5"]
templates_path = ["_templates"]

# --- MathJax, served locally ---------------------------------------------------------
MATHJAX_DIR = HERE / "_vendor" / "node_modules" / "mathjax"
if not (MATHJAX_DIR / "es5" / "tex-chtml.js").is_file():
    raise RuntimeError(
        f"MathJax is not installed at {MATHJAX_DIR}; the docs serve it locally. Run:\n"
        "    npm install --no-save --no-audit --no-fund --prefix docs/_vendor mathjax@3")
html_static_path = ["_vendor/node_modules"]  # -> _build/html/_static/mathjax/es5/...
mathjax_path = "mathjax/es5/tex-chtml.js"

# --- MyST -----------------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3

# --- autodoc / numpydoc -----------------------------------------------------------------
autosummary_generate = True
autosummary_imported_members = True
autodoc_default_options = {"members": False}
autodoc_typehints = "none"  # numpydoc's "Parameters" sections carry the types
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False
suppress_warnings = ["autosummary.import_cycle"]

intersphinx_mapping: dict = {}  # no network at build time

# --- theme ----------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = f"finitelearn {release}"
html_theme_options = {
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "icon_links": [],
}
html_sidebars = {"index": []}

# --- gallery ----------------------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": "examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"/plot_",
    "download_all_examples": False,
    "remove_config_comments": True,
    "within_subsection_order": "FileNameSortKey",
    "matplotlib_animations": False,
    "image_scrapers": ("finitelearn_docs_scraper.figure_scraper",),
    "reset_modules": (),
    "copyfile_regex": r".*\.csv$",
}
sys.path.insert(0, str(HERE))

# --- the API reference, generated from __all__ ------------------------------------------
API_MODULES = {
    "finitelearn": "The top-level package: functions, distributions, teachers, students, attacks, "
                   "robustness, complexity, bounds, oracles and the scaling experiment.",
    "finitelearn.learners": "Section 4's students as algorithms that ask queries.",
    "finitelearn.responders": "How a statistical-query oracle answers within its tolerance.",
    "finitelearn.domains": "The finite domains: the cube and rational grids.",
    "finitelearn.strategies": "Hypothesis strategies for your own property tests.",
    "finitelearn.engine": "Where exhaustive work runs: in this process or on a Dask cluster.",
    "finitelearn.lazy": "Boolean functions given by a rule, evaluated 64 points a word (d <= 40).",
    "finitelearn.census": "Counting the Boolean functions on d <= 5 variables with a property.",
    "finitelearn.sq_search": "The one-query maximum by trying every Boolean query, on the engine.",
    "finitelearn.records": "Records of long runs on disk.",
    "finitelearn.experiments": "The scaling experiment (Theorems 4.2 and 4.3).",
    "finitelearn.plots": "Figures from the records.",
    "finitelearn.paper.figure_3_2": "Fig. 3.2 on exact rational grids.",
    "finitelearn.paper.example_4_1": "Example 4.1 and Fig. 4.1 (linear regression).",
    "finitelearn.paper.example_4_2": "Example 4.2 and Fig. 4.3 (the CNN students; torch only when run).",
    "finitelearn.paper.pooling": "An exact, faster max pooling for the CNN students' inference passes.",
    "finitelearn.typing": "Type aliases for annotating code that uses finitelearn.",
    "finitelearn.validation": "Argument checks that name the argument.",
    "finitelearn.errors": "The exception hierarchy.",
}


def public_names(modname: str) -> list[str]:
    """The names a module exports (its ``__all__``), minus module objects and dunders."""
    mod = importlib.import_module(modname)
    out = []
    for name in getattr(mod, "__all__", []):
        if name.startswith("__"):
            continue
        obj = getattr(mod, name)
        if isinstance(obj, type(sys)):
            continue
        out.append(name)
    return out


def write_api_pages() -> None:
    api = HERE / "api"
    api.mkdir(exist_ok=True)
    index = ["API reference", "=============", "",
             "Every name in the ``__all__`` of a public module, with its docstring (examples in",
             "the docstrings are run as doctests by ``python -m pytest``).", "",
             ".. toctree::", "   :maxdepth: 1", ""]
    canonical: dict[int, str] = {}  # id(object) -> the first page's full name
    for modname, blurb in API_MODULES.items():
        try:
            names = public_names(modname)
        except ImportError:  # a module that is not there yet on this branch
            continue
        mod = importlib.import_module(modname)
        entries, elsewhere = [], []
        for n in names:
            obj = getattr(mod, n)
            key = id(obj)
            if callable(obj) and key in canonical:  # re-exported: one page per object
                elsewhere.append(f":py:obj:`{n} <{canonical[key]}>`")
            else:
                if callable(obj):
                    canonical[key] = f"{modname}.{n}"
                entries.append(n)
        index.append(f"   {modname}")
        title = f"``{modname}``"
        lines = [title, "=" * len(title), "", blurb, "", f".. currentmodule:: {modname}", "",
                 ".. autosummary::", "   :toctree: generated", "   :nosignatures:", ""]
        lines += [f"   {n}" for n in entries]
        if elsewhere:
            lines += ["", "Also exported here, and documented on the page of the first module above "
                      "that exports them: " + ", ".join(elsewhere) + "."]
        text = "\n".join(lines) + "\n"
        page = api / f"{modname}.rst"
        if not page.exists() or page.read_text() != text:
            page.write_text(text)
    text = "\n".join(index) + "\n"
    if not (api / "index.rst").exists() or (api / "index.rst").read_text() != text:
        (api / "index.rst").write_text(text)


with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    write_api_pages()


# --- docstrings are plain text with math such as |S| and |ghat(S)| --------------------------
_LITERAL = re.compile(r"(``.*?``|`[^`]*`)")


def _escape_bars(line: str) -> str:
    """Escape ``|`` outside literals, so that ``|S|`` is not read as an RST substitution."""
    parts = _LITERAL.split(line)
    return "".join(p if i % 2 else p.replace("|", "\\|") for i, p in enumerate(parts))


def escape_plain_text_math(app, what, name, obj, options, lines) -> None:
    in_doctest = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith((">>>", "...")):
            in_doctest = True
        elif not stripped:
            in_doctest = False
        if not in_doctest and "|" in line and not stripped.startswith((".. ", "+-", "|")):
            lines[i] = _escape_bars(line)


def setup(app) -> None:
    app.connect("autodoc-process-docstring", escape_plain_text_math, priority=400)


# --- the proofs_check report, run at build time ------------------------------------------
PROOFS_CHECK_D_MAX = 3  # every claim at small d, in seconds; the full run is `python -m proofs_check`


def write_proofs_check_page() -> None:
    """Run ``python -m proofs_check --d-max 3 --json`` and write its records as a page."""
    import json
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
        proc = subprocess.run([sys.executable, "-m", "proofs_check", "--d-max", str(PROOFS_CHECK_D_MAX),
                               "--json", str(out), "--quiet"], cwd=ROOT, env=env, capture_output=True,
                              text=True)
        if not out.exists():
            raise RuntimeError(f"python -m proofs_check failed (exit {proc.returncode}):\n{proc.stderr}")
        records = json.loads(out.read_text())
    summary = next((ln for ln in reversed(proc.stdout.splitlines()) if "claims:" in ln), "")
    lines = ["# The proofs_check report", "",
             "`python -m proofs_check` (or `finitelearn verify`) checks every claim of Sections 3",
             "and 4 of the paper mechanically: one module per claim, each returning the objects",
             "counted and any counterexample. This page is the report of",
             f"`python -m proofs_check --d-max {PROOFS_CHECK_D_MAX}`, run when these pages were built;",
             "the default run goes to larger d.", "",
             f"**{summary.strip()}**" if summary else "", "",
             "| claim | reference | d | objects checked | verdict |", "|---|---|---|---|---|"]

    def cell(v) -> str:
        return str(v).replace("|", "\\|").replace("\n", " ")

    for i, r in enumerate(records):
        d = f"{r.get('d_min', '')}..{r.get('d_max', '')}"
        lines.append(f"| [{cell(r.get('claim', ''))}](#claim-{i}) | {cell(r.get('reference', ''))} | {d} | "
                     f"{cell(r.get('checked', ''))} | {cell(r.get('verdict', ''))} |")
    lines.append("")
    for i, r in enumerate(records):
        lines += [f"({'claim-' + str(i)})=", f"## {r.get('claim', '')}", "",
                  f"{r.get('reference', '')}, d up to {r.get('d_max', '')}: "
                  f"**{r.get('verdict', '')}** ({r.get('checked', '')} objects checked).", "",
                  "```text", str(r.get("witness", "")), "```", ""]
    text = "\n".join(lines)
    page = HERE / "proofs_check.md"
    if not page.exists() or page.read_text() != text:
        page.write_text(text)


write_proofs_check_page()
