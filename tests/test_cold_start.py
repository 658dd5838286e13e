"""Cold start: ``import finitelearn`` imports no heavy optional library and not numba.

Checked in a fresh interpreter (``sys.modules`` after the import); the kernels still work
afterwards (their modules load on first use).  No time is measured (scripts/bench.py
does that).
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests import naive

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
    # the lazy kernel modules load when used: 2^3 fhat of Maj_3 = (x1 + x2 + x3 - x1 x2 x3) / 2
    # (O'Donnell, Analysis of Boolean Functions, section 1.2), the same as naive.py's plain sums
    want = naive.wht(naive.signed_table(naive.majority_table(3)))
    assert result["spectrum"] == want == [0, 4, 4, 0, 4, 0, 0, -4]
    assert result["numba_after"]


WALKER = """
import inspect, json, sys
import finitelearn as fl
from finitelearn import _kernels
# what torch's import and doctest collection do: walk sys.modules and probe module metadata
for name, m in list(sys.modules.items()):
    hasattr(m, "__file__"), hasattr(m, "__path__"), getattr(m, "__wrapped__", None)
inspect.getmodule(inspect.currentframe())
after_walk = "numba" in sys.modules
files = [_kernels.bits.__file__, _kernels.wht.__spec__.name]
still_lazy = "numba" in sys.modules
names = sorted(_kernels.bits.__all__)  # a real name: executes the module
print(json.dumps({"after_walk": after_walk, "still_lazy": still_lazy, "numba_now": "numba" in sys.modules,
                  "files": [f.rsplit("/", 1)[-1] for f in files], "has_popcount": "popcount64" in names}))
"""


def test_walking_sys_modules_does_not_execute_the_kernel_modules():
    """inspect.getmodule and hasattr(m, '__file__') over sys.modules (torch's import does this) leave
    the kernel modules unexecuted and numba unimported; reading a kernel module's names executes it."""
    out = subprocess.run([sys.executable, "-c", WALKER], capture_output=True, text=True, check=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    assert r == {"after_walk": False, "still_lazy": False, "numba_now": True,
                 "files": ["bits.py", "finitelearn._kernels.wht"], "has_popcount": True}


def test_load_all_executes_every_kernel_module():
    code = ("import json, finitelearn; from finitelearn import _kernels; _kernels.load_all(); "
            "print(json.dumps([n for n in _kernels.__all__ if n != 'load_all' "
            "and type(getattr(_kernels, n)).__name__ != 'module']))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
