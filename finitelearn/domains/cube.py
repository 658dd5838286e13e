"""The Boolean cube {0,1}^d: point <-> index, all points, subcubes, Hamming distances.

Convention (docs/design.md, "Points"): the point x = (x_1, ..., x_d) is stored as the
integer ``sum_i x_i * 2**(i-1)``, so bit ``i-1`` of the index is the paper's coordinate
x_i.  In code coordinates are 0-based: ``bits[0]`` is the paper's x_1.

On {0,1}^d every l_p distance is a function of the Hamming distance h = popcount(x ^ y):
l_0 = l_1 = h, l_2 = sqrt(h), l_inf = [h > 0].  :class:`Cube` answers the distance
questions of :class:`~finitelearn.domains.FiniteDomain` with a breadth-first search over
the cube (each point's Hamming distance to the nearest source), never with a (2^d, d)
table of coordinates.

Examples
--------
>>> X = Cube(3)
>>> X.size, X.point(5), X.index((1, 0, 1))
(8, (1, 0, 1), 5)
>>> X.distance((1, 0, 1), (0, 0, 0), p=1)
Fraction(2, 1)
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from .._kernels import robustness as RK
from ..memory import check_memory
from ..validation import check_coordinate, check_dimension, check_int, fail, fail_type
from .base import FiniteDomain, check_p, is_index

__all__ = [
    "Cube",
    "MAX_D",
    "points",
    "index_to_bits",
    "bits_to_index",
    "size",
    "check_fixed",
    "hamming_radius",
]

#: The largest d whose point indices fit in int64.
MAX_D = 62


def _check_d(d: Any, name: str = "d") -> int:
    d = check_dimension(d, name)
    if d > MAX_D:
        raise fail(name, d, f"an int in 1..{MAX_D} (point indices of {{0,1}}^d must fit in int64)")
    return d


def size(d: int) -> int:
    """Number of points of {0,1}^d, 2**d.

    >>> size(4)
    16
    """
    return 1 << _check_d(d)


def points(d: int) -> np.ndarray:
    """All 2^d points of {0,1}^d as a read-only (2^d, d) uint8 array.

    Row k is the point with index k; column i is the paper's x_{i+1}.

    >>> points(2)
    array([[0, 0],
           [1, 0],
           [0, 1],
           [1, 1]], dtype=uint8)
    """
    d = _check_d(d)
    # peak: the output (d bytes a point), the indices and one column's temporaries (8 + 8 + 8)
    check_memory(d, bytes_per_point=d + 24)
    k = np.arange(1 << d, dtype=np.int64)
    out = np.empty((1 << d, d), dtype=np.uint8)
    for i in range(d):
        out[:, i] = (k >> i) & 1
    out.flags.writeable = False
    return out


def index_to_bits(k: Any, d: int) -> tuple[int, ...]:
    """The point with index ``k`` as a tuple of d bits (bits[0] is the paper's x_1).

    >>> index_to_bits(5, 4)
    (1, 0, 1, 0)
    """
    d = _check_d(d)
    k = check_int(k, "k")
    if not 0 <= k < (1 << d):
        raise fail("k", k, f"a point index in 0..2**{d}-1")
    return tuple((k >> i) & 1 for i in range(d))


def bits_to_index(bits: Iterable[Any], d: int | None = None, name: str = "point") -> int:
    """The index of a point given by its bits (bits[0] is the paper's x_1).

    >>> bits_to_index((1, 0, 1, 0))
    5
    """
    if isinstance(bits, (str, bytes)) or not isinstance(bits, (Sequence, np.ndarray, Iterable)):
        raise fail_type(name, bits, "a sequence of 0/1 bits")
    seq = list(bits)
    if d is not None and len(seq) != d:
        raise fail(name, tuple(seq), f"a point of length d={d}")
    if not seq:
        raise fail(name, tuple(seq), "a point with at least one bit")
    if len(seq) > MAX_D:
        raise fail(name, f"<point of length {len(seq)}>", f"a point of at most {MAX_D} bits")
    k = 0
    for i, b in enumerate(seq):
        if isinstance(b, (bool, np.bool_)):
            b = int(b)
        if is_index(b) and int(b) in (0, 1):
            k |= int(b) << i
        else:
            raise fail(name, tuple(seq), "entries 0 or 1 only")
    return k


def check_fixed(fixed: Any, d: int, name: str = "fixed") -> tuple[int, int]:
    """A subcube {x : x_i = b_i for i in fixed} as (mask of fixed coordinates, their bits).

    >>> check_fixed({0: 1, 2: 0}, 3)
    (5, 1)
    """
    if not isinstance(fixed, Mapping):
        raise fail_type(name, fixed, "a mapping {coordinate: bit}")
    mask = 0
    values = 0
    for i, b in fixed.items():
        i = check_coordinate(i, d, name=f"{name} coordinate")
        if isinstance(b, (bool, np.bool_)):
            b = int(b)
        if not is_index(b) or int(b) not in (0, 1):
            raise fail(name, dict(fixed), "bits 0 or 1 as values")
        mask |= 1 << i
        values |= int(b) << i
    return mask, values


def hamming_radius(delta: Fraction, p: float, d: int) -> int:
    """The largest Hamming distance h with l_p distance sqrt-or-not(h) <= delta on {0,1}^d.

    p = 0 and 1: floor(delta); p = 2: floor(delta^2); p = inf: d if delta >= 1 else 0.

    >>> hamming_radius(Fraction(3, 2), 2, 5), hamming_radius(Fraction(1), math.inf, 5)
    (2, 5)
    """
    if p == math.inf:
        return d if delta >= 1 else 0
    r = math.floor(delta * delta) if p == 2 else math.floor(delta)
    return min(r, d)


def _hamming_to_power(h: int, p: float) -> Fraction:
    """The exact l_p distance (squared for p = 2) of two points at Hamming distance h."""
    if p == math.inf:
        return Fraction(1 if h > 0 else 0)
    return Fraction(h)


class Cube(FiniteDomain):
    """The Boolean cube {0,1}^d as a finite domain (docs/design.md point encoding).

    Parameters
    ----------
    d : int
        Dimension, 1 <= d <= 62; the domain has 2^d points.  Tables over it are
        refused by the memory guard where they would not fit.

    Examples
    --------
    >>> X = Cube(2)
    >>> X.index((1, 1)), X.point(2)
    (3, (0, 1))
    >>> Cube(2) == Cube(2), Cube(2) == Cube(3)
    (True, False)
    """

    __slots__ = ("_d",)

    def __init__(self, d: int) -> None:
        self._d = _check_d(d)

    @property
    def d(self) -> int:
        """Dimension d of {0,1}^d."""
        return self._d

    @property
    def size(self) -> int:
        return 1 << self._d

    @property
    def dim(self) -> int:
        return self._d

    def point(self, k: int) -> tuple:
        k = self.check_index(k, "k")
        return tuple((k >> i) & 1 for i in range(self._d))

    def index(self, x: Any, name: str = "x") -> int:
        if is_index(x):
            return self.check_index(x, name)
        return bits_to_index(x, self._d, name=name)

    def points(self) -> list[tuple]:
        """All points as bit tuples, in index order.

        >>> Cube(2).points()
        [(0, 0), (1, 0), (0, 1), (1, 1)]
        """
        check_memory(self._d, bytes_per_point=64 + 9 * self._d, name="d")  # a tuple of d small ints per point
        return [tuple(int(b) for b in row) for row in points(self._d).tolist()]

    def coordinates(self) -> np.ndarray:
        return points(self._d).astype(np.float64)

    def key(self) -> tuple:
        return ("cube", self._d)

    # -- distances by popcount -------------------------------------------------------
    def hamming_distances(self, sources: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each point's Hamming distance to the nearest source, and that source.

        Returns (distance int8, nearest source int64) over all 2^d points; ties go to
        the smallest source index.  With no sources every distance is -1.

        >>> dist, near = Cube(3).hamming_distances(np.array([0, 7]))
        >>> dist.tolist(), near.tolist()
        ([0, 1, 1, 1, 1, 1, 1, 0], [0, 0, 0, 7, 0, 7, 7, 7])
        """
        check_memory(self._d, bytes_per_point=17, name="d")
        src = np.unique(np.asarray(sources, dtype=np.int64))
        return RK.hamming_transform(self._d, src)

    def within(self, sources: np.ndarray, delta: Fraction, p: float) -> np.ndarray:
        """Points within l_p distance delta of a source (a Hamming ball union).

        >>> Cube(3).within(np.array([0]), Fraction(1), 0).nonzero()[0].tolist()
        [0, 1, 2, 4]
        """
        r = hamming_radius(delta, p, self._d)
        out = np.zeros(self.size, dtype=bool)
        src = np.asarray(sources, dtype=np.int64)
        if src.size == 0:
            return out
        if r >= self._d:
            out[:] = True
            return out
        if r == 0:
            out[src] = True
            return out
        dist, _ = self.hamming_distances(src)
        return (dist >= 0) & (dist <= r)

    def closest_pair(self, sources: np.ndarray, targets: np.ndarray, p: float) -> tuple[Fraction, int, int] | None:
        """The nearest (source, target) pair in Hamming distance (so in every l_p).

        >>> Cube(3).closest_pair(np.array([0]), np.array([3, 6, 4]), 2)
        (Fraction(1, 1), 0, 4)
        """
        src = np.asarray(sources, dtype=np.int64)
        tgt = np.asarray(targets, dtype=np.int64)
        if src.size == 0 or tgt.size == 0:
            return None
        if p == math.inf:  # l_inf is [x != y]: every differing pair ties at 1
            common = np.intersect1d(src, tgt)
            if common.size:
                t = int(common.min())
                return Fraction(0), t, t
            return Fraction(1), int(src.min()), int(tgt.min())
        dist, near = self.hamming_distances(src)
        dt = dist[tgt].astype(np.int64)
        best = int(dt.min())
        # ties: the smallest target index first (targets need not be sorted)
        t = int(tgt[dt == best].min())
        return _hamming_to_power(best, p), int(near[t]), t

    def distance(self, x: Any, y: Any, p: Any = 2) -> Fraction:
        """Exact ||x - y||_p for p in {0, 1, inf}; for p = 2 the squared distance.

        >>> Cube(3).distance((1, 0, 1), (0, 0, 0), p=2)   # squared: the Hamming distance
        Fraction(2, 1)
        """
        p = check_p(p)
        h = bin(self.index(x, "x") ^ self.index(y, "y")).count("1")
        return _hamming_to_power(h, p)

    def __repr__(self) -> str:
        return f"Cube(d={self._d})"
