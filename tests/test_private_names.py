"""No module of the oracle/learner layer reaches into another module's private names.

Scanned: oracles, responders, classes, experiments, cli and the learners.  Flagged: an
``from X import _name`` of a finitelearn module other than the numba kernels, and an
attribute access ``obj._name`` whose name the scanned module does not define itself (as a
function, a class attribute, a slot or a ``self._name =`` assignment).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import finitelearn as fl

ROOT = Path(fl.__file__).resolve().parent
MODULES = ["oracles.py", "responders.py", "classes.py", "experiments.py", "cli.py",
           "learners/__init__.py", "learners/base.py", "learners/sq.py", "learners/membership.py",
           "learners/passive.py"]
KNOWN = {
}


def private_uses(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
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
    # other libraries (``import argparse``) are not finitelearn modules
    foreign = {(a.asname or a.name).split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
               for a in node.names}
    kernels = ("_kernels", "_oracle_kernels", "_robustness_kernels", "_wht")

    def private(name: str) -> bool:
        return name.startswith("_") and not name.startswith("__")

    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            if (node.module or "").startswith(kernels):
                continue
            found |= {a.name for a in node.names if private(a.name) and not a.name.startswith(kernels)}
        elif isinstance(node, ast.Attribute) and private(node.attr) and node.attr not in own:
            if not (isinstance(node.value, ast.Name) and node.value.id in foreign):
                found.add(node.attr)
    return found


@pytest.mark.parametrize("module", MODULES)
def test_no_private_names_of_other_modules(module):
    used = {name for name in private_uses(ROOT / module) if (module, name) not in KNOWN}
    assert not used, f"{module} uses private names of other modules: {sorted(used)}"


def test_the_scan_sees_a_reach_in(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from .oracles import _respond\nimport x\nx.y._tables()\n")
    assert private_uses(bad) == {"_respond", "_tables"}
