"""Searches over objects: the census of the Boolean functions on d <= 5 variables.

:func:`count_functions` counts the functions f: {0,1}^d -> {0,1} (all 2^(2^d) of them,
each its truth table as an integer t, bit k = f(point k)) for which a numba predicate
holds.  The range of tables is cut into chunks and run by an engine
(:mod:`finitelearn.engine`): in this process or on a Dask cluster; the count is the same
exact int.  At d = 5 there are 2^32 tables: a popcount predicate (balanced) takes seconds
per core, a Fourier one (bent, degree, resilient) minutes.

Predicates shipped (:data:`PREDICATES`, by name or as :class:`Predicate` objects):
``balanced``, ``monotone``, ``bent``, :func:`degree_at_most` (Fourier degree <= k) and
:func:`resilient` (order k).  A user's predicate is a ``@numba.njit`` function
``pred(t, d)`` (or ``pred(t, d, arg)`` with :class:`Predicate`) of the table t (a uint64)
returning a bool.

Examples
--------
>>> count_functions(3, "balanced")   # C(8, 4)
70
>>> count_functions(4, degree_at_most(1))   # constants, dictators and their negations
10
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ._kernels import census as KC
from ._kernels import lazy as LK
from .engine import check_engine
from .validation import check_int, check_jit_function, fail

__all__ = ["Predicate", "PREDICATES", "count_functions", "degree_at_most", "resilient", "MAX_CENSUS_D"]

#: Largest d of a census: 2^(2^5) = 2^32 tables (d = 6 would be 2^64).
MAX_CENSUS_D = 5


class Predicate:
    """A numba predicate ``kernel(t, d, arg)`` on truth tables, with its int argument.

    Parameters
    ----------
    kernel : numba dispatcher
        ``@numba.njit`` function of (t: uint64 table, d: int, arg: int) returning a bool.
    arg : int
        Passed to every call (a degree, an order).
    name : str, optional
        For printing.

    Examples
    --------
    >>> import numba
    >>> @numba.njit
    ... def value_at_zero_is(t, d, arg):
    ...     return (t & 1) == arg
    >>> count_functions(3, Predicate(value_at_zero_is, 1, "f(0) = 1"))   # 2^7
    128
    """

    def __init__(self, kernel: Any, arg: int = 0, name: str | None = None) -> None:
        _check_kernel(kernel, 3, "kernel")
        self.kernel = kernel
        self.arg = check_int(arg, "arg")
        self.name = name or getattr(kernel, "__name__", "predicate")

    def __repr__(self) -> str:
        return f"Predicate({self.name})"

    def __reduce__(self):
        return (Predicate, (self.kernel, self.arg, self.name))


def _check_kernel(kernel: Any, nargs: int, name: str) -> None:
    check_jit_function(kernel, nargs, name, "a @numba.njit predicate of the truth table, or a shipped name "
                       f"({', '.join(sorted(PREDICATES))})", f"{nargs} arguments (t, d, arg)")


def degree_at_most(k: Any) -> Predicate:
    """Fourier degree <= k (every fhat(S) with |S| > k is 0).

    >>> count_functions(3, degree_at_most(0))
    2
    """
    k = check_int(k, "k")
    if k < 0:
        raise fail("k", k, "an int >= 0")
    return Predicate(KC.degree_at_most, k, f"degree <= {k}")


def resilient(k: Any) -> Predicate:
    """Resilient of order k: fhat(S) = 0 for every |S| <= k (k = 0: balanced).

    >>> count_functions(3, resilient(0)) == count_functions(3, "balanced")
    True
    """
    k = check_int(k, "k")
    if k < 0:
        raise fail("k", k, "an int >= 0")
    return Predicate(KC.resilient, k, f"resilient of order {k}")


class _Shipped(Mapping):
    """The shipped predicates by name, their kernels looked up on first use (so that
    ``import finitelearn`` does not import numba)."""

    _names = ("balanced", "monotone", "bent")

    def __getitem__(self, name: str) -> Predicate:
        if name not in self._names:
            raise KeyError(name)
        return Predicate(getattr(KC, name), 0, name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


#: The predicates shipped, by name.
PREDICATES: Mapping[str, Predicate] = _Shipped()


def _wrap_two(pred: Any) -> Any:
    from numba import njit

    @njit
    def with_arg(t, d, arg):  # pragma: no cover - compiled
        return pred(t, d)

    return with_arg


def count_task(kernel: Any, d: int, arg: int, lo: int, hi: int) -> int:
    """Tables lo..hi-1 that satisfy the predicate (one chunk of the engine).

    >>> count_task(PREDICATES["balanced"].kernel, 2, 0, 0, 16)
    6
    """
    return int(LK.count_tables(kernel, d, arg, lo, hi))


def count_functions(d: Any, predicate: Any, engine: Any = None, *, chunk: int | None = None) -> int:
    """The number of Boolean functions on d variables for which ``predicate`` holds (exact).

    Parameters
    ----------
    d : int
        1 <= d <= 5 (2^(2^d) functions: 2^32 at d = 5).
    predicate : str, Predicate or numba function
        A shipped name (``"balanced"``, ``"monotone"``, ``"bent"``), a :class:`Predicate`
        (:func:`degree_at_most`, :func:`resilient`, or a user's kernel with an argument),
        or a user's ``@numba.njit`` function ``pred(t, d)`` of the truth table t (a uint64,
        bit k = f(point k)).
    engine : Engine, optional
        Where the chunks run (default: this process); the count does not depend on it.
    chunk : int, optional
        Tables per chunk.

    Examples
    --------
    >>> count_functions(4, "monotone")    # the Dedekind number M(4)
    168
    >>> count_functions(4, "bent")
    896
    >>> import numba
    >>> @numba.njit
    ... def self_dual_at_zero(t, d):
    ...     return (t & 1) != ((t >> ((1 << d) - 1)) & 1)   # f(0) != f(1, ..., 1)
    >>> count_functions(2, self_dual_at_zero)
    8
    """
    d = check_int(d, "d")
    if not 1 <= d <= MAX_CENSUS_D:
        raise fail("d", d, f"an int in 1..{MAX_CENSUS_D} (2^(2^d) truth tables)")
    if isinstance(predicate, str):
        if predicate not in PREDICATES:
            raise fail("predicate", predicate, f"one of {', '.join(sorted(PREDICATES))}, a Predicate or a numba function")
        pred = PREDICATES[predicate]
    elif isinstance(predicate, Predicate):
        pred = predicate
    else:
        _check_kernel(predicate, 2, "predicate")
        pred = Predicate(_wrap_two(predicate), 0, getattr(predicate, "__name__", "predicate"))
    eng = check_engine(engine)
    n = 1 << (1 << d)
    try:
        return int(eng.map_reduce(count_task, (pred.kernel, d, pred.arg), n, chunk=chunk))
    except Exception as exc:
        if type(exc).__module__.startswith("numba"):  # the user's kernel does not compile
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise fail("predicate", predicate, f"a numba predicate that compiles for (uint64, int64, int64) ({first})") from None
        raise
