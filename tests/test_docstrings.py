"""Every public function and class carries a doctested example (``>>> ``) in its docstring.

The API reference shows each public name with its example, and ``--doctest-modules``
runs them, so an example here is both documentation and a test.  This walks the
public modules, takes each name in their ``__all__`` that is a function or a class
(for a class: its docstring and each public method defined on it) and asserts the
docstring has a ``>>> `` line.  Names whose example cannot run as a doctest are in
``ALLOWED`` with the reason.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import finitelearn

PUBLIC_MODULES = [
    "finitelearn",
    "finitelearn.domains",
    "finitelearn.learners",
    "finitelearn.paper",
    *sorted(
        f"finitelearn.paper.{m.name}"
        for m in pkgutil.iter_modules(finitelearn.paper.__path__)
        if not m.name.startswith("_")
    ),
    "finitelearn.sq_complexity",
    "finitelearn.engine",
    "finitelearn.lazy",
    "finitelearn.census",
    "finitelearn.sq_search",
    "finitelearn.records",
    "finitelearn.exact",
    "finitelearn.memory",
    "finitelearn.validation",
    "finitelearn.notebook",
    "finitelearn.typing",
    "finitelearn.strategies",
]

# qualified name (module.name or module.Class.method) -> why it has no runnable example
ALLOWED: dict[str, str] = {
}


def _documented_objects():
    """(qualified name, object) for each public function, class and public method, once each."""
    seen: set[int] = set()
    out: list[tuple[str, object]] = []
    for modname in PUBLIC_MODULES:
        module = importlib.import_module(modname)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            # the __all__ name, not __qualname__ (a decorated strategy's is "accept.<locals>...")
            qual = f"{obj.__module__}.{name}"
            out.append((qual, obj))
            if inspect.isclass(obj):
                for attr, raw in vars(obj).items():
                    if attr.startswith("_"):
                        continue
                    func = raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else raw
                    if inspect.isfunction(func) and id(func) not in seen:
                        seen.add(id(func))
                        out.append((f"{qual}.{attr}", func))
    return out


OBJECTS = _documented_objects()


def test_walk_finds_names():
    assert len(OBJECTS) > 100
    names = {q for q, _ in OBJECTS}
    assert "finitelearn.functions.parity" in names


def test_allow_list_is_current():
    """Every allowed name still exists and still lacks an example (else drop it from ALLOWED)."""
    docs = {q: inspect.getdoc(o) or "" for q, o in OBJECTS}
    assert set(ALLOWED) <= set(docs), set(ALLOWED) - set(docs)
    assert [q for q in ALLOWED if ">>> " in docs[q]] == []


@pytest.mark.parametrize("qual,obj", OBJECTS, ids=[q for q, _ in OBJECTS])
def test_docstring_has_example(qual, obj):
    if qual in ALLOWED:
        pytest.skip(ALLOWED[qual])
    doc = inspect.getdoc(obj) or ""
    assert ">>> " in doc, f"{qual}: docstring has no '>>> ' example"
