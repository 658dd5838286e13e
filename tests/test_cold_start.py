"""Cold start: ``import finitelearn`` imports no heavy optional library and not numba.

Checked in a fresh interpreter (``sys.modules`` after the import); the kernels still work
afterwards (their modules load on first use).  No time is measured (scripts/bench.py
does that).
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["matplotlib", "sympy", "networkx", "torch", "numba", "llvmlite", "ortools", "dask", "hypothesis"]

CHILD = f"""
import json, sys
import finitelearn as fl
before = [m for m in {HEAVY!r} if m in sys.modules]
spec = fl.integer_spectrum(fl.majority(3))
print(json.dumps({{"before": before, "spectrum": spec.tolist(), "numba_after": "numba" in sys.modules}}))
"""


def test_import_finitelearn_imports_no_heavy_module():
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["before"] == []
    assert result["spectrum"] == [0, 4, 4, 0, 4, 0, 0, -4]  # the lazy kernel modules load when used
    assert result["numba_after"]
