"""Argument checks shared by the public API (private).

Each helper takes the argument's name explicitly and raises with one message template:
``"<name>=<value!r> is not allowed: <what is allowed>"``.
"""

from __future__ import annotations

import numbers
from fractions import Fraction
from typing import Any, Iterable

import numpy as np

from .errors import InvalidArgument, InvalidType

__all__ = [
    "fail",
    "fail_type",
    "check_int",
    "check_dimension",
    "check_coordinate",
    "subset_mask",
    "as_fraction",
    "check_closed_interval",
]


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def fail(name: str, value: Any, allowed: str) -> InvalidArgument:
    """Return (for ``raise``) an :class:`InvalidArgument` naming the argument.

    >>> raise fail("d", -1, "an int >= 1")
    Traceback (most recent call last):
        ...
    finitelearn.errors.InvalidArgument: d=-1 is not allowed: an int >= 1
    """
    return InvalidArgument(f"{name}={_show(value)} is not allowed: {allowed}")


def fail_type(name: str, value: Any, allowed: str) -> InvalidType:
    """Return (for ``raise``) an :class:`InvalidType` naming the argument.

    >>> raise fail_type("d", "3", "an int")
    Traceback (most recent call last):
        ...
    finitelearn.errors.InvalidType: d='3' has type str, expected an int
    """
    return InvalidType(
        f"{name}={_show(value)} has type {type(value).__name__}, expected {allowed}"
    )


def check_int(value: Any, name: str) -> int:
    """Return ``value`` as a Python int; bool, float and str are refused.

    >>> check_int(3, "d")
    3
    >>> check_int(True, "d")
    Traceback (most recent call last):
        ...
    finitelearn.errors.InvalidType: d=True has type bool, expected an int
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise fail_type(name, value, "an int")
    return int(value)


def check_dimension(d: Any, name: str = "d", minimum: int = 1) -> int:
    """Check a cube dimension: an int >= ``minimum`` (memory is checked separately).

    >>> check_dimension(4)
    4
    >>> check_dimension(0)
    Traceback (most recent call last):
        ...
    finitelearn.errors.InvalidArgument: d=0 is not allowed: an int >= 1
    """
    d = check_int(d, name)
    if d < minimum:
        raise fail(name, d, f"an int >= {minimum}")
    return d


def check_coordinate(i: Any, d: int, name: str = "i") -> int:
    """Check a 0-based coordinate index of {0,1}^d (the paper's x_{i+1}).

    >>> check_coordinate(2, 3)
    2
    >>> check_coordinate(3, 3)
    Traceback (most recent call last):
        ...
    finitelearn.errors.InvalidArgument: i=3 is not allowed: a 0-based coordinate in 0..2 for d=3
    """
    i = check_int(i, name)
    if not 0 <= i < d:
        raise fail(name, i, f"a 0-based coordinate in 0..{d - 1} for d={d}")
    return i


def subset_mask(S: Any, d: int, name: str = "S") -> int:
    """Turn a set of 0-based coordinates, or an int mask, into a mask below 2**d.

    >>> subset_mask({0, 2}, 3)
    5
    >>> subset_mask(5, 3)
    5
    """
    if isinstance(S, (bool, np.bool_)):
        raise fail_type(name, S, "an iterable of coordinates or an int mask")
    if isinstance(S, numbers.Integral):
        mask = int(S)
        if not 0 <= mask < (1 << d):
            raise fail(name, S, f"an int mask in 0..2**{d}-1, or an iterable of coordinates")
        return mask
    if isinstance(S, (str, bytes)) or not isinstance(S, Iterable):
        raise fail_type(name, S, "an iterable of coordinates or an int mask")
    mask = 0
    for i in S:
        if isinstance(i, (bool, np.bool_)) or not isinstance(i, numbers.Integral):
            raise fail_type(name, S, "coordinates that are ints")
        if not 0 <= int(i) < d:
            raise fail(name, S, f"0-based coordinates in 0..{d - 1} for d={d}")
        mask |= 1 << int(i)
    return mask


def as_fraction(value: Any, name: str) -> Fraction:
    """Convert an int, Fraction or exact decimal string to a Fraction.

    Floats are accepted only when they are exactly a short decimal (0.25, 0.99),
    converted through their shortest repr so that 0.1 means 1/10, as a reader expects.

    >>> as_fraction("0.25", "tau")
    Fraction(1, 4)
    >>> as_fraction(1, "tau")
    Fraction(1, 1)
    """
    if isinstance(value, (bool, np.bool_)):
        raise fail_type(name, value, "a number (int, Fraction, or decimal string)")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, (float, np.floating)):
        if not np.isfinite(value):
            raise fail(name, value, "a finite number")
        # the shortest decimal that rounds to this value *in its own precision*:
        # np.float32(0.1) means 1/10, not the float64 widening of its binary value
        return Fraction(np.format_float_positional(value, unique=True, trim="0"))
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            raise fail(name, value, "a number such as 1/8, 0.125 or 3") from None
    raise fail_type(name, value, "a number (int, Fraction, float or string such as '1/8')")


def check_closed_interval(value: Any, name: str, lo: Fraction, hi: Fraction) -> Fraction:
    """Exact number in [lo, hi].

    >>> from fractions import Fraction
    >>> check_closed_interval("0.5", "p", Fraction(0), Fraction(1))
    Fraction(1, 2)
    >>> check_closed_interval("2", "p", Fraction(0), Fraction(1))
    Traceback (most recent call last):
        ...
    finitelearn.errors.InvalidArgument: p='2' is not allowed: a number in [0, 1]
    """
    q = as_fraction(value, name)
    if not lo <= q <= hi:
        raise fail(name, value, f"a number in [{lo}, {hi}]")
    return q


def as_rng(seed: Any, name: str = "seed", allow_none: bool = True) -> np.random.Generator:
    """A numpy Generator from an int seed >= 0, a Generator (used as is) or None (fresh entropy).

    With ``allow_none=False`` a seed is required (results must be reproducible).
    """
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None:
        if not allow_none:
            raise fail_type(name, seed, "an int >= 0 or a numpy.random.Generator (results must be reproducible)")
        return np.random.default_rng()
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, numbers.Integral):
        raise fail_type(name, seed, "an int >= 0, a numpy.random.Generator or None")
    if seed < 0:
        raise fail(name, seed, "an int >= 0, a numpy.random.Generator or None")
    return np.random.default_rng(int(seed))


def _jit_disabled() -> bool:
    """Whether numba runs every @njit function as plain Python (``NUMBA_DISABLE_JIT=1``).

    Only asked about a kernel the caller passed: numba is imported by then whenever the
    kernel came from ``@numba.njit``, so this imports nothing.
    """
    import sys

    numba = sys.modules.get("numba")
    return numba is not None and bool(numba.config.DISABLE_JIT)


def check_jit_function(kernel: Any, nargs: int, name: str, allowed: str, arguments: str | None = None) -> None:
    """Refuse anything but an ``@numba.njit`` function of ``nargs`` arguments, naming ``name``.

    ``allowed`` says what is allowed instead of a wrong type; ``arguments`` what the
    arguments are, for the error on a wrong count (default: "nargs arguments").

    With ``NUMBA_DISABLE_JIT=1`` numba's ``njit`` returns the plain function itself, so any
    Python function of ``nargs`` arguments is taken then (it runs as numba would run it).

    >>> import numba
    >>> check_jit_function(numba.njit(lambda k: k & 1), 1, "kernel", "a rule")
    >>> check_jit_function(len, 1, "kernel", "a @numba.njit rule")
    Traceback (most recent call last):
    ...
    finitelearn.errors.InvalidType: kernel=<built-in function len> has type builtin_function_or_method, expected a @numba.njit rule
    """
    import inspect

    compiled = hasattr(kernel, "py_func") and hasattr(kernel, "compile") and callable(kernel)
    plain = _jit_disabled() and inspect.isfunction(kernel)
    if not (compiled or plain):
        raise fail_type(name, kernel, allowed)
    got = len(inspect.signature(getattr(kernel, "py_func", kernel)).parameters)
    if got != nargs:
        raise fail(name, kernel, f"a function of {arguments or f'{nargs} arguments'} (it takes {got})")


def read_only(a: np.ndarray) -> np.ndarray:
    """Mark an array read-only and return it (tables handed to users are immutable).

    >>> read_only(np.zeros(2)).flags.writeable
    False
    """
    a.flags.writeable = False
    return a


def check_bool(value: Any, name: str) -> bool:
    """A flag: True or False only (not 'False', 0 or None, which truthiness would misread).

    >>> check_bool(True, "exact")
    True
    """
    if not isinstance(value, (bool, np.bool_)):
        raise fail_type(name, value, "a bool (True or False)")
    return bool(value)
