"""The package's layout rules (docs/design.md), checked on the source itself.

* No module imports an underscore-prefixed name from another module, and none reaches
  into another object's underscore attributes through a module (``mod._name``): what
  two modules share is public.  The numba kernels' own package ``finitelearn._kernels``
  is the one private place, importable by the package.
* No library module switches the matplotlib backend.
* Data flows one way: the domain layer imports nothing above it.
"""

from __future__ import annotations

import ast
import pathlib

import pytest

import finitelearn

ROOT = pathlib.Path(finitelearn.__file__).resolve().parent.parent
PACKAGES = ["finitelearn", "proofs_check"]
MODULES = sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))
ALLOWED_PRIVATE_MODULES = {"_kernels"}  # the kernels' own package
DUNDER_OK = {"__version__", "__future__", "__all__", "__file__", "__name__"}


def _rel(p: pathlib.Path) -> str:
    return str(p.relative_to(ROOT))


def _private_imports(path: pathlib.Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_kernels = "_kernels" in path.parts
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            parts = (node.module or "").split(".")
            for part in parts:
                if part.startswith("_") and part not in DUNDER_OK and part not in ALLOWED_PRIVATE_MODULES:
                    bad.append(f"line {node.lineno}: from {node.module} import ...")
            for alias in node.names:
                n = alias.name
                if n.startswith("_") and n not in DUNDER_OK and not (n in ALLOWED_PRIVATE_MODULES) and not in_kernels:
                    bad.append(f"line {node.lineno}: from {node.module} import {n}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                for part in alias.name.split("."):
                    if part.startswith("_") and part not in ALLOWED_PRIVATE_MODULES:
                        bad.append(f"line {node.lineno}: import {alias.name}")
    return bad


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_no_module_imports_a_private_name(path):
    assert _private_imports(path) == []


def _private_attribute_uses(path: pathlib.Path) -> set[str]:
    """``obj._name`` where the module does not define ``_name`` itself (as a function, a
    class, an attribute it assigns, a slot): a reach into another module's object."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            own.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__slots__" for t in node.targets):
            own |= {e.value for e in ast.walk(node.value) if isinstance(e, ast.Constant) and isinstance(e.value, str)}
    # other libraries (``import argparse``, ``import numba``) are not finitelearn modules
    foreign = {(a.asname or a.name).split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
               for a in node.names}
    foreign |= {node.module.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                and not node.module.startswith(("finitelearn", "proofs_check"))}
    found = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                and node.attr not in own):
            if not (isinstance(node.value, ast.Name) and node.value.id in foreign):
                found.add(node.attr)
    return found


@pytest.mark.parametrize("path", [p for p in MODULES if "_kernels" not in p.parts], ids=_rel)
def test_no_module_uses_a_private_attribute_of_another_module(path):
    assert _private_attribute_uses(path) == set()


@pytest.mark.parametrize("path", [p for p in MODULES if p.parts[-2] != "tests"], ids=_rel)
def test_no_library_module_switches_the_matplotlib_backend(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "use":
            v = node.func.value
            assert not (isinstance(v, ast.Name) and v.id in ("matplotlib", "mpl")), f"line {node.lineno}"


def test_the_domain_layer_imports_nothing_above_it():
    above = {"distributions", "functions", "classes", "agreement", "fourier", "teacher", "student",
             "robustness", "attacks", "oracles", "responders", "learners", "complexity", "experiments",
             "plots", "paper", "cli"}
    for path in (ROOT / "finitelearn" / "domains").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level >= 1 and node.module:
                assert node.module.split(".")[0] not in above, f"{_rel(path)} line {node.lineno}: {node.module}"


def test_one_distribution_class():
    import inspect

    import finitelearn.distributions as dist

    classes = [c for _, c in inspect.getmembers(dist, inspect.isclass) if c.__module__ == dist.__name__]
    assert [c.__name__ for c in classes] == ["Distribution"]
