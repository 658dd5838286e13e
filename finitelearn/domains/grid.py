"""Regular grids of rational points in a box of R^n (the examples of Section 3.3).

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

Distances.  The grid keeps its points as integer vectors in units of ``1/scale`` (the
lcm of the steps' denominators): l_1 and l_inf distances are compared as integers, l_2
distances through their squares, l_0 counts differing coordinates; all exact.

Examples
--------
>>> G = Grid.square(5)                        # {-1, -1/2, 0, 1/2, 1}^2
>>> G.size, G.steps
(25, (Fraction(1, 2), Fraction(1, 2)))
>>> G.point(7)                                # (j_1, j_2) = (2, 1)
(Fraction(0, 1), Fraction(-1, 2))
>>> G.index((0, "1/2"))
17
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Iterable, Sequence

import numpy as np

from .._kernels import robustness as RK
from ..exact import INT64_MAX, lcm_of_denominators
from ..validation import as_fraction, check_int, fail, fail_type
from .base import FiniteDomain, check_p, is_index

__all__ = ["Grid", "MAX_POINTS"]

#: The most points a grid may have (its tables are built whole).
MAX_POINTS = 1 << 26
_MAX_AXES = 26  # 2 points per axis at least


def _p_code(p: float) -> int:
    """The lattice kernels' code of an exponent: 0, 1, 2, or 3 for infinity."""
    return 3 if p == math.inf else int(p)


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
        if dim > _MAX_AXES:
            raise fail("bounds", f"<{dim} axes>", f"at most {_MAX_AXES} axes (at most {MAX_POINTS} points in all)")
        if is_index(n):
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
        if total > MAX_POINTS:
            raise fail("n", n, f"at most {MAX_POINTS} grid points in all (got {total})")
        self._lower = tuple(lower)
        self._upper = tuple(upper)
        self._n = tuple(ns)
        self._steps = tuple((hi - lo) / (m - 1) for lo, hi, m in zip(lower, upper, ns))
        B = lcm_of_denominators(self._steps)
        self._B = B
        self._units = tuple(int(s * B) for s in self._steps)  # integer step in units of 1/B
        strides = [1]
        for m in ns[:-1]:
            strides.append(strides[-1] * m)
        self._strides = tuple(strides)
        self._lat: np.ndarray | None = None

    @classmethod
    def square(cls, n: int, lower: Any = -1, upper: Any = 1, dim: int = 2) -> "Grid":
        """The grid of ``n`` points per axis on ``[lower, upper]^dim`` (default [-1,1]^2).

        >>> Grid.square(3).points()[:2]
        [(Fraction(-1, 1), Fraction(-1, 1)), (Fraction(0, 1), Fraction(-1, 1))]
        """
        dim = check_int(dim, "dim")
        if not 1 <= dim <= _MAX_AXES:
            raise fail("dim", dim, f"an int in 1..{_MAX_AXES} (at least 2 points per axis, "
                                   f"at most {MAX_POINTS} points in all)")
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
        """(size, dim) int64: row k holds the per-axis indices (j_1, ..., j_n) of point k.

        >>> Grid([(0, 1), (0, 1)], (3, 2)).lattice_indices()
        array([[0, 0],
               [1, 0],
               [2, 0],
               [0, 1],
               [1, 1],
               [2, 1]])
        """
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
        if is_index(x):
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
        return self.index_from_axis_indices(
            [math.floor((v - lo) / st + Fraction(1, 2)) for v, lo, st in zip(xs, self._lower, self._steps)])

    def index_from_axis_indices(self, js: Sequence[int]) -> int:
        """The index of the point with per-axis indices ``js``, each clamped to 0..n_i-1.

        >>> Grid.square(5).index_from_axis_indices([7, -1])   # clamped to (4, 0)
        4
        """
        k = 0
        for j, m, s in zip(js, self._n, self._strides):
            k += min(max(int(j), 0), m - 1) * s
        return k

    def coordinates(self) -> np.ndarray:
        """(size, dim) float64 coordinates, for plotting only.

        >>> Grid([(0, 1)], 3).coordinates()
        array([[0. ],
               [0.5],
               [1. ]])
        """
        J = self.lattice_indices().astype(np.float64)
        return np.asarray([float(v) for v in self._lower])[None, :] + J * np.asarray([float(s) for s in self._steps])[None, :]

    def _lattice(self) -> np.ndarray:
        """(size, dim) int64: coordinates times :attr:`scale`, up to a translation (cached)."""
        if self._lat is None:
            lat = self.lattice_indices() * np.asarray(self._units, dtype=np.int64)[None, :]
            lat.flags.writeable = False
            self._lat = lat
        return self._lat

    @property
    def scale(self) -> int:
        """Positive int B: coordinates are exact in units of 1/B (the lcm of the steps' denominators)."""
        return self._B

    def key(self) -> tuple:
        return ("grid", self._lower, self._upper, self._n)

    # -- exact l_p distances ------------------------------------------------------------
    def _check_lattice_bounds(self, p: float) -> None:
        span = max((u * (m - 1) for u, m in zip(self._units, self._n)), default=0)
        bound = span * span * self.dim if p == 2 else span * self.dim
        if bound > INT64_MAX:
            raise fail("domain", self, "a grid whose exact l_p distances fit in int64")

    def _threshold(self, delta: Fraction, p: float) -> int:
        """Largest integer lattice value v whose distance is <= delta."""
        B = self._B
        if p == 0:
            return math.floor(delta)
        if p == 2:
            return math.floor(delta * delta * B * B)
        return math.floor(delta * B)

    def _to_power(self, value: int, p: float) -> Fraction:
        """A lattice value as the exact distance (squared for p = 2)."""
        B = self._B
        if p == 0:
            return Fraction(int(value))
        if p == 2:
            return Fraction(int(value), B * B)
        return Fraction(int(value), B)

    def within(self, sources: np.ndarray, delta: Fraction, p: float) -> np.ndarray:
        """Points within l_p distance delta of a source, exactly.

        >>> G = Grid.square(3)
        >>> G.within(np.array([4]), Fraction(1), 1).reshape(3, 3).astype(int)
        array([[0, 1, 0],
               [1, 1, 1],
               [0, 1, 0]])
        """
        out = np.zeros(self.size, dtype=bool)
        src = np.asarray(sources, dtype=np.int64)
        if src.size == 0:
            return out
        out[src] = True
        self._check_lattice_bounds(p)
        L = self._lattice()
        rest = np.flatnonzero(~out)
        if rest.size:
            out[rest] = RK.within_of_sources(L[rest], L[src], _p_code(p), self._threshold(delta, p))
        return out

    def closest_pair(self, sources: np.ndarray, targets: np.ndarray, p: float) -> tuple[Fraction, int, int] | None:
        """The nearest (source, target) pair, exactly (ties: smallest target, then source).

        >>> Grid.square(3).closest_pair(np.array([0]), np.array([8, 4]), 2)
        (Fraction(2, 1), 0, 4)
        """
        src = np.sort(np.asarray(sources, dtype=np.int64))
        tgt = np.sort(np.asarray(targets, dtype=np.int64))
        if src.size == 0 or tgt.size == 0:
            return None
        self._check_lattice_bounds(p)
        L = self._lattice()
        vals, arg = RK.nearest_source(L[tgt], L[src], _p_code(p))
        i = int(np.argmin(vals))
        return self._to_power(int(vals[i]), p), int(src[arg[i]]), int(tgt[i])

    def distance(self, x: Any, y: Any, p: Any = 2) -> Fraction:
        """Exact ||x - y||_p for p in {0, 1, inf}; for p = 2 the squared distance.

        >>> Grid.square(3).distance((-1, -1), (1, 0), p=2)
        Fraction(5, 1)
        """
        p = check_p(p)
        i, j = self.index(x, "x"), self.index(y, "y")
        L = self._lattice()
        diff = [abs(int(a) - int(b)) for a, b in zip(L[i].tolist(), L[j].tolist())]
        if p == 0:
            v = sum(1 for t in diff if t)
        elif p == 1:
            v = sum(diff)
        elif p == 2:
            v = sum(t * t for t in diff)
        else:
            v = max(diff, default=0)
        return self._to_power(v, p)

    def __repr__(self) -> str:
        box = " x ".join(f"[{lo}, {hi}]" for lo, hi in zip(self._lower, self._upper))
        n = self._n[0] if len(set(self._n)) == 1 else self._n
        return f"Grid({box}, n={n})"


