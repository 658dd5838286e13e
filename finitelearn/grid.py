"""Regular grids of rational points in a box of R^n, and linear students on them.

The examples of Section 3 of the paper live in the continuum ([-1,1]^2 in Fig. 3.2).
A :class:`Grid` discretises a box with exact rational coordinates so that teachers,
students, distributions and every definition of Section 3 can be checked exactly, and
refined to watch a grid quantity converge to its continuum value.

Indexing (the analogue of the cube's point encoding).  A grid with ``n_i`` points on
axis i has the points ``x_i = lower_i + j_i * step_i`` with ``j_i in 0..n_i-1`` and
``step_i = (upper_i - lower_i) / (n_i - 1)``; the point with lattice indices
``(j_1, ..., j_n)`` has index ``k = j_1 + n_1 * (j_2 + n_2 * (j_3 + ...))`` (axis 0
varies fastest, as bit 0 does on the cube).  Coordinates are 0-based in code: axis 0 is
the paper's x_1.

A :class:`LinearStudent` S(x) = 1 if w . x + b >= 0 else 0, with rational w and b, is the
student with a gradient (g = w) that the fast-gradient attack of Section 3.2 needs.

Examples
--------
>>> import finitelearn as fl
>>> G = fl.Grid.square(5)                     # {-1, -1/2, 0, 1/2, 1}^2
>>> G.size, G.steps
(25, (Fraction(1, 2), Fraction(1, 2)))
>>> G.point(7)                                # (j_1, j_2) = (2, 1)
(Fraction(0, 1), Fraction(-1, 2))
>>> G.index((0, "1/2"))
17
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Any, Iterable, Sequence

import numpy as np

from ._validation import as_fraction, check_int, fail, fail_type
from .domain import FiniteDomain, as_domain
from .teacher import Student

__all__ = ["Grid", "LinearStudent"]

_MAX_POINTS = 1 << 26


def _lcm(a: int, b: int) -> int:
    return a * b // math.gcd(a, b)


class Grid(FiniteDomain):
    """A regular grid of rational points in a box of R^n (a finite domain X).

    Parameters
    ----------
    bounds : sequence of (lower, upper) pairs
        One pair per axis, exact rationals (int, Fraction, decimal float or '1/3'),
        lower < upper.
    n : int or sequence of int
        Points per axis (>= 2), the same on every axis if an int.

    Examples
    --------
    >>> G = Grid([(-1, 1), (0, 1)], (3, 2))
    >>> G.points()
    [(Fraction(-1, 1), Fraction(0, 1)), (Fraction(0, 1), Fraction(0, 1)), (Fraction(1, 1), Fraction(0, 1)), (Fraction(-1, 1), Fraction(1, 1)), (Fraction(0, 1), Fraction(1, 1)), (Fraction(1, 1), Fraction(1, 1))]
    """

    __slots__ = ("_lower", "_upper", "_n", "_steps", "_B", "_units", "_lat", "_strides")

    def __init__(self, bounds: Sequence[Sequence[Any]], n: Any) -> None:
        if isinstance(bounds, (str, bytes)) or not isinstance(bounds, Iterable):
            raise fail_type("bounds", bounds, "a sequence of (lower, upper) pairs, one per axis")
        bl = list(bounds)
        if not bl:
            raise fail("bounds", bounds, "at least one axis")
        lower, upper = [], []
        for pair in bl:
            if isinstance(pair, (str, bytes)) or not isinstance(pair, Iterable) or len(list(pair)) != 2:
                raise fail("bounds", bounds, "(lower, upper) pairs")
            lo, hi = (as_fraction(v, "bounds") for v in pair)
            if not lo < hi:
                raise fail("bounds", bounds, "pairs with lower < upper")
            lower.append(lo)
            upper.append(hi)
        dim = len(lower)
        if isinstance(n, numbers.Integral) and not isinstance(n, (bool, np.bool_)):
            ns = [int(n)] * dim
        elif isinstance(n, Iterable) and not isinstance(n, (str, bytes)):
            ns = [check_int(v, "n") for v in n]
            if len(ns) != dim:
                raise fail("n", n, f"an int or {dim} ints (one per axis)")
        else:
            raise fail_type("n", n, "an int or a sequence of ints (points per axis)")
        if any(v < 2 for v in ns):
            raise fail("n", n, "at least 2 points per axis")
        total = math.prod(ns)
        if total > _MAX_POINTS:
            raise fail("n", n, f"at most {_MAX_POINTS} grid points in all (got {total})")
        self._lower = tuple(lower)
        self._upper = tuple(upper)
        self._n = tuple(ns)
        self._steps = tuple((hi - lo) / (m - 1) for lo, hi, m in zip(lower, upper, ns))
        B = 1
        for s in self._steps:
            B = _lcm(B, s.denominator)
        self._B = B
        self._units = tuple(int(s * B) for s in self._steps)  # integer step in units of 1/B
        strides = [1]
        for m in ns[:-1]:
            strides.append(strides[-1] * m)
        self._strides = tuple(strides)
        self._lat = None

    @classmethod
    def square(cls, n: int, lower: Any = -1, upper: Any = 1, dim: int = 2) -> "Grid":
        """The grid of ``n`` points per axis on ``[lower, upper]^dim`` (default [-1,1]^2).

        >>> Grid.square(3).points()[:2]
        [(Fraction(-1, 1), Fraction(-1, 1)), (Fraction(0, 1), Fraction(-1, 1))]
        """
        dim = check_int(dim, "dim")
        if dim < 1:
            raise fail("dim", dim, "an int >= 1")
        return cls([(lower, upper)] * dim, n)

    # -- shape ----------------------------------------------------------------------
    @property
    def size(self) -> int:
        return math.prod(self._n)

    @property
    def dim(self) -> int:
        return len(self._n)

    @property
    def shape(self) -> tuple[int, ...]:
        """Points per axis."""
        return self._n

    @property
    def lower(self) -> tuple[Fraction, ...]:
        """Lower corner of the box."""
        return self._lower

    @property
    def upper(self) -> tuple[Fraction, ...]:
        """Upper corner of the box."""
        return self._upper

    @property
    def steps(self) -> tuple[Fraction, ...]:
        """Grid step of each axis, exact."""
        return self._steps

    def axis(self, i: int) -> list[Fraction]:
        """The coordinates of axis i, exact.

        >>> Grid.square(3).axis(0)
        [Fraction(-1, 1), Fraction(0, 1), Fraction(1, 1)]
        """
        i = check_int(i, "i")
        if not 0 <= i < self.dim:
            raise fail("i", i, f"an axis in 0..{self.dim - 1}")
        return [self._lower[i] + j * self._steps[i] for j in range(self._n[i])]

    # -- points ---------------------------------------------------------------------
    def lattice_indices(self) -> np.ndarray:
        """(size, dim) int64: row k holds the per-axis indices (j_1, ..., j_n) of point k."""
        k = np.arange(self.size, dtype=np.int64)
        return np.stack([(k // s) % m for s, m in zip(self._strides, self._n)], axis=1)

    def point(self, k: int) -> tuple[Fraction, ...]:
        k = self.check_index(k, "k")
        return tuple(lo + ((k // s) % m) * st for lo, s, m, st in zip(self._lower, self._strides, self._n, self._steps))

    def _coords(self, x: Any, name: str) -> tuple[Fraction, ...]:
        if isinstance(x, (str, bytes)) or not isinstance(x, Iterable):
            raise fail_type(name, x, f"a point: an index or {self.dim} coordinates")
        xs = list(x)
        if len(xs) != self.dim:
            raise fail(name, x, f"a point with {self.dim} coordinates")
        return tuple(as_fraction(v, name) for v in xs)

    def index(self, x: Any, name: str = "x") -> int:
        """Index of a grid point given by its exact coordinates (or an index, checked).

        >>> Grid.square(5).index((Fraction(1, 2), -1))
        3
        """
        if isinstance(x, numbers.Integral) and not isinstance(x, (bool, np.bool_)):
            return self.check_index(x, name)
        xs = self._coords(x, name)
        k = 0
        for v, lo, st, m, s in zip(xs, self._lower, self._steps, self._n, self._strides):
            j = (v - lo) / st
            if j.denominator != 1 or not 0 <= j < m:
                raise fail(name, x, f"a point of the grid ({self!r})")
            k += int(j) * s
        return k

    def nearest_index(self, x: Any, name: str = "x") -> int:
        """Index of the grid point nearest to a rational point, coordinatewise.

        Each coordinate is rounded to the nearest grid value (ties upwards) and clamped
        to the box; on a regular grid this is the nearest point in every l_p norm (up to
        ties).

        >>> Grid.square(5).nearest_index(("0.3", 5))     # -> (1/2, 1)
        23
        """
        xs = self._coords(x, name)
        return self._index_from_j([math.floor((v - lo) / st + Fraction(1, 2)) for v, lo, st in zip(xs, self._lower, self._steps)])

    def _index_from_j(self, js: Sequence[int]) -> int:
        k = 0
        for j, m, s in zip(js, self._n, self._strides):
            k += min(max(int(j), 0), m - 1) * s
        return k

    def coordinates(self) -> np.ndarray:
        """(size, dim) float64 coordinates, for plotting only."""
        J = self.lattice_indices().astype(np.float64)
        return np.asarray([float(v) for v in self._lower])[None, :] + J * np.asarray([float(s) for s in self._steps])[None, :]

    def _lattice(self) -> np.ndarray:
        if self._lat is None:
            lat = self.lattice_indices() * np.asarray(self._units, dtype=np.int64)[None, :]
            lat.flags.writeable = False
            self._lat = lat
        return self._lat

    def _scale(self) -> int:
        return self._B

    def _key(self) -> tuple:
        return ("grid", self._lower, self._upper, self._n)

    def __repr__(self) -> str:
        box = " x ".join(f"[{lo}, {hi}]" for lo, hi in zip(self._lower, self._upper))
        n = self._n[0] if len(set(self._n)) == 1 else self._n
        return f"Grid({box}, n={n})"


class LinearStudent(Student):
    """The linear student S(x) = 1 if w . x + b >= 0 else 0 on a grid (exact).

    Its gradient is the score's, g = w, which the fast-gradient attack of Section 3.2
    uses.  Points on the boundary w . x + b = 0 get label 1 (the convention of the
    Example 4.1 module: "+1 when y_hat >= 0").

    Parameters
    ----------
    domain : Grid (or any FiniteDomain with rational coordinates, e.g. a Cube)
    w : sequence of rationals
        One weight per coordinate, not all zero.
    b : rational, optional
        The bias (default 0).

    Examples
    --------
    >>> import finitelearn as fl
    >>> S = LinearStudent(fl.Grid.square(3), (1, 1))     # the max-margin student of Fig. 3.2
    >>> S.table.reshape(3, 3)                              # rows: x_2 = -1, 0, 1
    array([[0, 0, 1],
           [0, 1, 1],
           [1, 1, 1]], dtype=int8)
    >>> S.gradient
    (Fraction(1, 1), Fraction(1, 1))
    """

    __slots__ = ("_w", "_b")

    def __init__(self, domain: Any, w: Sequence[Any], b: Any = 0) -> None:
        domain = as_domain(domain)
        if isinstance(w, (str, bytes)) or not isinstance(w, Iterable):
            raise fail_type("w", w, f"a sequence of {domain.dim} rationals")
        wl = [as_fraction(v, "w") for v in w]
        if len(wl) != domain.dim:
            raise fail("w", w, f"{domain.dim} weights, one per coordinate")
        if all(v == 0 for v in wl):
            raise fail("w", w, "weights not all zero (the gradient must not vanish)")
        bq = as_fraction(b, "b")
        nums, _ = _score_numerators(domain, wl, bq)
        table = (np.asarray(nums) >= 0).astype(np.int8)
        Student._init(self, domain, table)
        self._w = tuple(wl)
        self._b = bq

    @property
    def w(self) -> tuple[Fraction, ...]:
        """The weights."""
        return self._w

    @property
    def b(self) -> Fraction:
        """The bias."""
        return self._b

    @property
    def gradient(self) -> tuple[Fraction, ...]:
        """g = dS/dx of the score w . x + b: the constant vector w (Section 3.2)."""
        return self._w

    def score(self, x: Any) -> Fraction:
        """Exact w . x + b at a point (coordinates or index).

        >>> LinearStudent(Grid.square(3), (1, -2), 1).score((1, 1))
        Fraction(0, 1)
        """
        k = self.domain.index(x, "x")
        pt = self.domain.point(k)
        return sum((wi * Fraction(xi) for wi, xi in zip(self._w, pt)), self._b)

    def __repr__(self) -> str:
        w = ", ".join(str(v) for v in self._w)
        return f"LinearStudent(w=({w}), b={self._b}, on {self.domain!r})"


def _score_numerators(domain: FiniteDomain, w: list[Fraction], b: Fraction) -> tuple[Any, int]:
    """Exact w . x + b at every point as (numerators, common denominator D)."""
    if isinstance(domain, Grid):
        # x_i = lower_i + j_i step_i: score = (b + sum w_i lower_i) + sum (w_i step_i) j_i
        const = b + sum((wi * lo for wi, lo in zip(w, domain.lower)), Fraction(0))
        coef = [wi * st for wi, st in zip(w, domain.steps)]
        D = const.denominator
        for c in coef:
            D = _lcm(D, c.denominator)
        c0 = int(const * D)
        ci = [int(c * D) for c in coef]
        J = domain.lattice_indices()
        if abs(c0) + sum(abs(c) * (m - 1) for c, m in zip(ci, domain.shape)) < 2**62:
            s = np.full(domain.size, c0, dtype=np.int64)
            for i, c in enumerate(ci):
                s += J[:, i] * c
            return s, D
        return np.asarray([c0 + sum(c * int(j) for c, j in zip(ci, row)) for row in J.tolist()], dtype=object), D
    vals = [sum((wi * Fraction(xi) for wi, xi in zip(w, domain.point(k))), b) for k in range(domain.size)]
    D = 1
    for v in vals:
        D = _lcm(D, v.denominator)
    return np.asarray([int(v * D) for v in vals], dtype=object), D
