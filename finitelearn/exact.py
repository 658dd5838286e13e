"""The one exactness routine: user numbers -> integers with a common denominator.

Every exact quantity of finitelearn (distribution weights, expectation tables, query
values, scores) enters through this module, so that a number is read the same way
everywhere (docs/design.md, "Exactness"):

* ints, :class:`fractions.Fraction` and other rationals are taken as they are;
* strings such as ``'1/3'`` or ``'0.125'`` are parsed exactly;
* floats (Python or numpy) are read as their *shortest decimal* in their own precision,
  so ``0.1`` means 1/10 and ``numpy.float32(0.1)`` too; nan and infinities are refused;
* bools are refused (``True`` is not a weight).

Sums, gcds and lcms are taken in Python ints, so nothing wraps; what a numba kernel
must carry in int64 is checked by :func:`as_int64` and refused with an error naming
the argument when it does not fit.

Examples
--------
>>> from fractions import Fraction
>>> w = integer_weights([Fraction(1, 2), "1/3", 0.25], "weights")
>>> w.values, w.total, w.denominator
([6, 4, 3], 13, 12)
>>> exact_table([0.1, -2, "1/4"], "values")
([2, -40, 5], 20)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Iterable, Sequence

import numpy as np

from .memory import check_objects
from .validation import as_fraction, fail, fail_type

__all__ = [
    "INT64_MAX",
    "IntegerWeights",
    "lcm_of_denominators",
    "gcd_of",
    "integer_weights",
    "exact_table",
    "as_int64",
    "fits_int64",
    "narrowest_int",
]

#: The largest value an int64 kernel accumulator may reach.
INT64_MAX = 2**63 - 1


def lcm_of_denominators(values: Iterable[Fraction]) -> int:
    """The least common multiple of the denominators (1 for an empty input).

    >>> lcm_of_denominators([Fraction(1, 4), Fraction(5, 6), Fraction(2)])
    12
    """
    out = 1
    for v in values:
        out = math.lcm(out, v.denominator)
    return out


def gcd_of(values: Iterable[int]) -> int:
    """The gcd of Python ints (0 for an empty or all-zero input).

    >>> gcd_of([6, 9, 0])
    3
    """
    g = 0
    for v in values:
        g = math.gcd(g, int(v))
    return g


def _read_all(raw: Any, name: str) -> list[Fraction]:
    if hasattr(raw, "__len__"):
        check_objects(len(raw), 160, name)  # one Fraction (and its ints) per entry
    if isinstance(raw, np.ndarray):
        if raw.ndim != 1:
            raise fail(name, raw, "a one-dimensional table of numbers")
        if raw.dtype.kind == "b":
            raise fail_type(name, raw, "numbers (ints, Fractions, decimal strings or floats), not bools")
        if raw.dtype.kind in "iu":
            return [Fraction(v) for v in raw.tolist()]  # tolist gives Python ints, uint64 included
        if raw.dtype.kind == "f":  # numpy scalars keep their own precision (float32 0.1 is 1/10)
            return [as_fraction(v, name) for v in raw]
        return [as_fraction(v, name) for v in raw.tolist()]
    if isinstance(raw, (str, bytes)) or not isinstance(raw, Iterable):
        raise fail_type(name, raw, "an iterable of numbers (ints, Fractions, decimal strings or floats)")
    return [as_fraction(v, name) for v in raw]


@dataclass(frozen=True)
class IntegerWeights:
    """Non-negative weights scaled to integers: ``values[i] / denominator`` is the i-th weight.

    ``total`` is ``sum(values)`` as a Python int (never wrapped).  The values are not
    reduced by their gcd (a :class:`finitelearn.Distribution` keeps only the ratios and
    divides by the gcd itself).

    >>> from fractions import Fraction
    >>> w = integer_weights([1, "0.5"], "weights")
    >>> w
    IntegerWeights(values=[2, 1], total=3, denominator=2)
    >>> [Fraction(v, w.denominator) for v in w.values]
    [Fraction(1, 1), Fraction(1, 2)]
    """

    values: list[int]
    total: int
    denominator: int



def integer_weights(raw: Any, name: str, *, positive_total: bool = True) -> IntegerWeights:
    """Read non-negative weights exactly and scale them by the lcm of their denominators.

    Parameters
    ----------
    raw : iterable of numbers
        Ints, Fractions, decimal strings or floats (read as their shortest decimal).
    name : str
        The argument's name, for error messages.
    positive_total : bool
        Refuse an all-zero (or empty) input (the default: weights of a distribution).

    Examples
    --------
    >>> integer_weights(["1/2", "1/4"], "weights")
    IntegerWeights(values=[2, 1], total=3, denominator=4)
    """
    vals = _read_all(raw, name)
    for v in vals:
        if v < 0:
            raise fail(name, str(v), "non-negative weights")
    if positive_total and not any(v > 0 for v in vals):
        raise fail(name, "all zero" if vals else "empty", "at least one positive weight")
    den = lcm_of_denominators(vals)
    ints = [int(v * den) for v in vals]
    return IntegerWeights(ints, sum(ints), den)


def exact_table(raw: Any, name: str) -> tuple[list[int], int]:
    """Read a table of numbers of any sign exactly: (integer numerators, common denominator).

    ``raw[i] == numerators[i] / denominator`` exactly, the denominator being the lcm of
    the entries' denominators.

    >>> exact_table([Fraction(1, 3), 2, "-0.5"], "values")
    ([2, 12, -3], 6)
    """
    vals = _read_all(raw, name)
    den = lcm_of_denominators(vals)
    return [int(v * den) for v in vals], den


def fits_int64(bound: int) -> bool:
    """True when a non-negative Python int ``bound`` fits an int64 accumulator.

    >>> fits_int64(2**63 - 1), fits_int64(2**63)
    (True, False)
    """
    return 0 <= bound <= INT64_MAX


def as_int64(values: Sequence[int], name: str, what: str = "values") -> np.ndarray:
    """An int64 array of Python ints, refused with a clear error when one does not fit.

    >>> as_int64([1, -2], "weights")
    array([ 1, -2])
    >>> as_int64([2**63], "weights")
    Traceback (most recent call last):
    ...
    finitelearn.errors.InvalidArgument: weights=9223372036854775808 is not allowed: values below 2**63 in absolute value once scaled to integers (the exact kernels sum in int64)
    """
    for v in values:
        if not -INT64_MAX <= v <= INT64_MAX:
            raise fail(name, v, f"{what} below 2**63 in absolute value once scaled to integers "
                                "(the exact kernels sum in int64)")
    return np.asarray(values, dtype=np.int64) if len(values) else np.zeros(0, dtype=np.int64)


_INT_TYPES = ((np.int16, 2**15 - 1), (np.int32, 2**31 - 1), (np.int64, 2**63 - 1))


def narrowest_int(bound: int) -> type | None:
    """The narrowest of int16, int32, int64 holding every integer of absolute value <= ``bound``.

    None when even int64 cannot (the caller then computes in Python ints or refuses).
    ``bound`` is a proven bound on |every entry| of a result *and of every intermediate*
    (for the transform: max|a| * 2^d bounds every partial transform as well).  So a
    +-1 table (bound 2^d) is transformed in int16 for d <= 14, in int32 for d <= 30 and
    in int64 for d <= 62.  (Here, not with the kernels, so that choosing a type imports no numba.)

    >>> [narrowest_int(b).__name__ for b in (2**15 - 1, 2**15, 2**62)], narrowest_int(2**63)
    (['int16', 'int32', 'int64'], None)
    """
    for dtype, top in _INT_TYPES:
        if bound <= top:
            return dtype
    return None
