"""Hypothesis strategies for finitelearn objects, for your own property tests.

Needs the ``hypothesis`` package (``pip install 'finitelearn[dev]'``).

Examples
--------
>>> from hypothesis import given, settings
>>> import finitelearn as fl
>>> from finitelearn.strategies import boolean_functions
>>> @settings(max_examples=20, deadline=None)
... @given(boolean_functions(d=3))
... def test_parseval(f):
...     assert sum(c * c for c in fl.fourier_coefficients(f, exact=True)) == 1
>>> test_parseval()
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
from hypothesis import strategies as st

from .distributions import Distribution, from_weights, point_masses
from .functions import BooleanFunction

__all__ = [
    "dimensions",
    "boolean_functions",
    "function_pairs",
    "distributions",
    "cube_problems",
    "subsets",
    "rationals",
]


def dimensions(min_d: int = 1, max_d: int = 6) -> st.SearchStrategy[int]:
    """Cube dimensions d in [min_d, max_d] (shrinking towards min_d).

    >>> dimensions(2, 4)
    integers(min_value=2, max_value=4)
    """
    return st.integers(min_value=min_d, max_value=max_d)


def _table(d: int) -> st.SearchStrategy[np.ndarray]:
    n = 1 << d
    if d <= 6:  # one integer encodes the whole table: hypothesis explores all of them at d <= 3
        return st.integers(min_value=0, max_value=(1 << n) - 1).map(
            lambda k: np.array([(k >> i) & 1 for i in range(n)], dtype=np.uint8)
        )
    return st.binary(min_size=n, max_size=n).map(lambda b: (np.frombuffer(b, dtype=np.uint8) & 1).copy())


@st.composite
def boolean_functions(draw: Any, d: int | None = None, min_d: int = 1, max_d: int = 6) -> BooleanFunction:
    """Boolean functions on {0,1}^d (d drawn from [min_d, max_d] unless given).

    >>> boolean_functions(d=2)
    boolean_functions(d=2)
    """
    dd = d if d is not None else draw(dimensions(min_d, max_d))
    return BooleanFunction.from_truth_table(draw(_table(dd)))


@st.composite
def function_pairs(draw: Any, d: int | None = None, min_d: int = 1, max_d: int = 6) -> tuple[BooleanFunction, BooleanFunction]:
    """Two Boolean functions on the same cube.

    >>> function_pairs(d=3)
    function_pairs(d=3)
    """
    dd = d if d is not None else draw(dimensions(min_d, max_d))
    return draw(boolean_functions(d=dd)), draw(boolean_functions(d=dd))


@st.composite
def subsets(draw: Any, d: int) -> frozenset[int]:
    """Subsets S of the 0-based coordinates 0..d-1.

    >>> subsets(3)
    subsets(3)
    """
    return frozenset(draw(st.sets(st.integers(min_value=0, max_value=d - 1), max_size=d)))


def rationals(min_value: Any = 0, max_value: Any = 1, max_denominator: int = 64) -> st.SearchStrategy[Fraction]:
    """Exact rationals in [min_value, max_value] with bounded denominators.

    >>> rationals(0, 1, max_denominator=8)
    fractions(min_value=0, max_value=1, max_denominator=8)
    """
    return st.fractions(min_value=min_value, max_value=max_value, max_denominator=max_denominator)


@st.composite
def distributions(draw: Any, d: int | None = None, min_d: int = 1, max_d: int = 6,
                  max_weight: int = 20) -> Distribution:
    """Exact distributions on {0,1}^d: dense integer weights or a few point masses.

    Dense weights may be zero (a support that is not the whole cube); point masses sit at
    distinct points drawn from the whole cube with their own weights, so that a support
    point's index and its position in the support differ.

    >>> distributions(d=2, max_weight=5)
    distributions(d=2, max_weight=5)
    """
    dd = d if d is not None else draw(dimensions(min_d, max_d))
    n = 1 << dd
    if draw(st.booleans()):
        w = draw(st.lists(st.integers(0, max_weight), min_size=n, max_size=n).filter(any))
        return from_weights(w)
    k = draw(st.integers(1, min(n, 8)))
    pts = draw(st.lists(st.integers(0, n - 1), min_size=k, max_size=k, unique=True))
    ws = draw(st.lists(st.integers(1, max_weight), min_size=k, max_size=k))
    return point_masses(dd, pts, ws)


@st.composite
def cube_problems(draw: Any, n_functions: int = 2, min_d: int = 1, max_d: int = 6,
                  max_weight: int = 20) -> tuple[int, list[BooleanFunction], Distribution]:
    """``(d, [f_1, ..., f_k], D)``: d drawn once, then k functions and a distribution on it.

    Drawing d first and everything else from it keeps every example on one cube (two
    strategies that draw their own d rarely agree, and a test that falls back to a default
    on a mismatch tests the default).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, deadline=None)
    ... @given(cube_problems(n_functions=2, max_d=4))
    ... def test_same_cube(p):
    ...     d, (f, g), D = p
    ...     assert f.d == g.d == D.d == d
    >>> test_same_cube()
    """
    d = draw(dimensions(min_d, max_d))
    fs = [draw(boolean_functions(d=d)) for _ in range(n_functions)]
    return d, fs, draw(distributions(d=d, max_weight=max_weight))
