"""numba kernels of finitelearn (private): the hot loops, one module per feature.

    bits        popcount, bit-packed tables (pack, unpack, parities, counts), weighted
                sums and agreements over a support, influence counts, signed tables,
                Fourier weight by degree, restrictions
    wht         the Walsh-Hadamard transform (one blocked kernel, threads a parameter)
    greedy      the greedy SQ student's simulated adversary (one candidate query)
    oracle      the exact sums behind the statistical-query and membership oracles
    responders  the max-consistent responder's grouping and window scan
    robustness  integer l_p distances between lattice points
    small       not numba: numpy routes with the same results for inputs of at most 2^12,
                where numba's start-up costs more than the loop (``finitelearn demo``
                imports no numba); imported plainly, not lazily

Use them as ``from finitelearn._kernels import bits as K`` (or ``wht``, ``oracle``,
``robustness``).  Inside this package the modules import each other freely; outside it
only the public (no leading underscore) names of these modules are used.

The rules every kernel here keeps:

* Exact kernels are exact: integer sums in int64 (or the array's own dtype for the WHT),
  no ``fastmath``, no narrowing, no float on an exact path.
* Integer types are chosen from a bound proven in the calling wrapper (the public
  function validates its arguments and checks the overflow bound before any kernel
  runs), never from a guess; the bound is documented where it is checked.
* ``@njit(cache=True)``: compiled lazily on first call and cached across runs; nothing
  is compiled and no global state is set up at import time.
* The modules themselves load lazily (a module object whose first read of a missing name
  executes it; its metadata such as ``__file__`` is there before, so tools that walk
  ``sys.modules`` do not execute it): ``import finitelearn`` does not import numba
  (about half of its import time), nor does ``import torch`` or ``inspect.getmodule``
  after it; the first read of a kernel (``K.signed_table``) executes the module.  So outside this
  package kernel modules are imported as modules (``from finitelearn._kernels import
  wht``), never ``from finitelearn._kernels.wht import name``, which would load them at
  import time.
* Every kernel has a plain, obviously correct twin in ``tests/naive.py`` (plain Python
  loops over ints, sharing no code with the kernel), and the tests in
  ``tests/_kernels/`` bind each kernel to its twin on every small input and on
  hypothesis-drawn ones.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

__all__ = ["load_all", "bits", "census", "greedy", "lazy", "oracle", "responders", "robustness", "sq", "sq_search", "wht"]


class _LazyModule(ModuleType):
    """A kernel module not executed yet: its first read of a missing (non-dunder) name executes it.

    ``__name__``, ``__file__``, ``__spec__`` and the other module metadata are set before
    (by :func:`importlib.util.module_from_spec`), so tools that walk ``sys.modules`` and
    probe them (``inspect.getmodule``, which torch's import and doctest collection call)
    do not execute the module; :class:`importlib.util.LazyLoader` executed it on any
    attribute read, and so imported numba for them.
    """

    def __getattr__(self, name: str) -> object:
        if name.startswith("__") and name.endswith("__") and name != "__all__":
            raise AttributeError(name)  # a probe of module metadata (__path__, __wrapped__, ...)
        _execute(self)
        return getattr(self, name)


def _execute(module: ModuleType) -> None:
    """Run a lazy kernel module's code now (once); a module already executed is left alone."""
    if type(module) is not _LazyModule:
        return
    module.__class__ = ModuleType  # type: ignore[assignment]  # (mypy narrowed it) from here on its names are read plainly
    spec = module.__spec__
    assert spec is not None and spec.loader is not None
    try:
        spec.loader.exec_module(module)
    except BaseException:
        module.__class__ = _LazyModule  # a failed execution is retried on the next read
        raise


def _lazy(name: str) -> ModuleType:
    """The submodule ``name``, executed on the first read of one of its names (numba is imported then)."""
    fullname = f"{__name__}.{name}"
    if fullname in sys.modules:
        return sys.modules[fullname]
    spec = importlib.util.find_spec(fullname)
    assert spec is not None and spec.loader is not None  # the submodules ship with the package
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _LazyModule
    sys.modules[fullname] = module
    return module


bits = _lazy("bits")
census = _lazy("census")
greedy = _lazy("greedy")
lazy = _lazy("lazy")
oracle = _lazy("oracle")
responders = _lazy("responders")
robustness = _lazy("robustness")
sq = _lazy("sq")
sq_search = _lazy("sq_search")
wht = _lazy("wht")


def load_all() -> None:
    """Execute every kernel module now (imports numba; compiles nothing).

    Call it before threads use kernels: a first execution is not guarded by a lock, so
    two threads reading a lazy module for the first time at once could see it half
    executed.
    """
    for name in __all__:
        if name != "load_all":
            _execute(globals()[name])
