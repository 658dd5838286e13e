"""Finite domains X and exact distributions on them (the setting of Section 3).

Every finite domain indexes its points ``0 .. size-1``; teachers, students and
distributions are tables over those indices.  Two domains exist:

* :class:`Cube` -- {0,1}^d with the point encoding of DESIGN.md (bit i of the index is
  the paper's x_{i+1});
* :class:`finitelearn.Grid` -- a regular grid of rational points in a box of R^n
  (``finitelearn/grid.py``), for the examples of Section 3.3 (Fig. 3.2).

A :class:`FiniteDistribution` is an exact distribution (integer weights and their total)
on any finite domain.  On the cube the foundation's :class:`finitelearn.Distribution`
is accepted everywhere a distribution is, and results on the cube come back as one.

Distances.  Both domains sit in R^n with exact rational coordinates, so the l_p
distances of Section 3.2 (p in {0, 1, 2, inf}) are exact: each domain keeps its points
as integer vectors in units of ``1/scale``; l_1 and l_inf distances are compared as
integers, l_2 distances through their squares, l_0 counts differing coordinates.  On
{0,1}^d this gives l_0 = l_1 = Hamming distance, l_2 = sqrt(Hamming), l_inf = [x != y].

Examples
--------
>>> import finitelearn as fl
>>> X = fl.Cube(3)
>>> X.size, X.point(5)
(8, (1, 0, 1))
>>> mu = fl.FiniteDistribution.point_masses(X, [(0, 0, 0), (1, 0, 0)])
>>> mu.probability(lambda x: x[0] == 1)
Fraction(1, 2)
"""

from __future__ import annotations

import math
import numbers
from abc import ABC, abstractmethod
from fractions import Fraction
from typing import Any, Callable, Iterable

import numpy as np

from ._validation import check_dimension, fail, fail_type
from .cube import bits_to_index, check_memory
from .distributions import Distribution, _exact_weights, point_masses, tally_points
from .errors import DomainMismatch, UndefinedProbability

__all__ = [
    "FiniteDomain",
    "Cube",
    "as_domain",
    "FiniteDistribution",
    "check_p",
    "P_VALUES",
]

_INT64_MAX = 2**63 - 1

#: The l_p exponents the framework supports (Section 3.2): 0 (count of differing
#: coordinates), 1, 2 and infinity.
P_VALUES = (0, 1, 2, math.inf)


def check_p(p: Any, name: str = "p") -> float:
    """Check an l_p exponent: 0, 1, 2 or infinity (``math.inf``, ``numpy.inf`` or ``"inf"``).

    >>> check_p("inf"), check_p(2)
    (inf, 2)
    """
    if isinstance(p, str) and p.strip().lower() in ("inf", "infinity"):
        return math.inf
    if isinstance(p, (bool, np.bool_)) or not isinstance(p, numbers.Real):
        raise fail(name, p, "one of 0, 1, 2, inf")
    if p == math.inf:
        return math.inf
    if p in (0, 1, 2) and float(p) == int(p):
        return int(p)
    raise fail(name, p, "one of 0, 1, 2, inf")


def _p_code(p: float) -> int:
    return 3 if p == math.inf else int(p)


def _freeze(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


class FiniteDomain(ABC):
    """A finite set of points of R^n, indexed ``0 .. size-1`` (the paper's X).

    Subclasses give the points' coordinates and an integer lattice for exact distances.
    """

    @property
    @abstractmethod
    def size(self) -> int:
        """Number of points."""

    @property
    @abstractmethod
    def dim(self) -> int:
        """Dimension n of the ambient R^n."""

    @abstractmethod
    def point(self, k: int) -> tuple:
        """Coordinates of point ``k`` (bits on the cube, Fractions on a grid)."""

    @abstractmethod
    def index(self, x: Any, name: str = "x") -> int:
        """Index of a point given by its coordinates (or by its index, checked)."""

    @abstractmethod
    def _lattice(self) -> np.ndarray:
        """(size, dim) int64: coordinates times :meth:`_scale`, up to a translation."""

    @abstractmethod
    def _scale(self) -> int:
        """Positive int B: lattice vectors are coordinates times B (up to translation)."""

    @abstractmethod
    def coordinates(self) -> np.ndarray:
        """(size, dim) float64 coordinates, for plotting only (not exact)."""

    # -- shared helpers -------------------------------------------------------------
    def check_index(self, k: Any, name: str = "x") -> int:
        """Check a point index in ``0 .. size-1``."""
        if isinstance(k, (bool, np.bool_)) or not isinstance(k, numbers.Integral):
            raise fail_type(name, k, "a point index (int)")
        k = int(k)
        if not 0 <= k < self.size:
            raise fail(name, k, f"a point index in 0..{self.size - 1}")
        return k

    def points(self) -> list[tuple]:
        """All points as coordinate tuples, in index order.

        >>> Cube(2).points()
        [(0, 0), (1, 0), (0, 1), (1, 1)]
        """
        return [self.point(k) for k in range(self.size)]

    def mask(self, predicate: Callable[[tuple], Any], name: str = "predicate") -> np.ndarray:
        """Bool array over the domain: ``predicate(x)`` for each point (called from Python).

        >>> Cube(2).mask(lambda x: x[0] == 1)
        array([False,  True, False,  True])
        """
        if not callable(predicate):
            raise fail_type(name, predicate, "a callable taking a point's coordinates")
        out = np.empty(self.size, dtype=bool)
        for k in range(self.size):
            v = predicate(self.point(k))
            if not isinstance(v, (bool, np.bool_)) and not (isinstance(v, numbers.Integral) and int(v) in (0, 1)):
                raise fail(name, predicate, f"a predicate returning a bool (returned {v!r} at x={self.point(k)})")
            out[k] = bool(v)
        return out

    def event_mask(self, event: Any, name: str = "event") -> np.ndarray:
        """A bool mask over the domain from a mask, a predicate, or an iterable of points."""
        if callable(event) and not isinstance(event, np.ndarray):
            return self.mask(event, name)
        if isinstance(event, np.ndarray) and event.dtype == bool:
            if event.ndim != 1 or event.shape[0] != self.size:
                raise fail(name, event, f"a bool mask of length {self.size}")
            return event.copy()
        if isinstance(event, (str, bytes)) or not isinstance(event, Iterable):
            raise fail_type(name, event, "a bool mask, a predicate on points, or an iterable of points")
        out = np.zeros(self.size, dtype=bool)
        for x in event:
            out[self.index(x, name)] = True
        return out

    # -- exact l_p distances (Section 3.2) ------------------------------------------
    def _threshold(self, delta: Fraction, p: float) -> int:
        """Largest integer lattice value v with distance(v) <= delta (see :meth:`exact_distance`)."""
        B = self._scale()
        if p == 0:
            return math.floor(delta)
        if p == 2:
            return math.floor(delta * delta * B * B)
        return math.floor(delta * B)

    def exact_distance(self, value: int, p: float) -> Fraction:
        """Turn a lattice value into the exact distance; for p = 2 the *squared* distance.

        Lattice values: p = 0 the number of differing coordinates, p = 1 the sum of
        |differences|, p = 2 the sum of squared differences, p = inf the largest
        |difference|, all in units of ``1/scale`` (``1/scale^2`` for p = 2).
        """
        B = self._scale()
        if p == 0:
            return Fraction(int(value))
        if p == 2:
            return Fraction(int(value), B * B)
        return Fraction(int(value), B)

    def distance(self, x: Any, y: Any, p: Any = 2) -> Fraction:
        """Exact ||x - y||_p for p in {0, 1, inf}; for p = 2 the squared distance ||x - y||_2^2.

        >>> Cube(3).distance((1, 0, 1), (0, 0, 0), p=2)   # squared: Hamming distance
        Fraction(2, 1)
        """
        p = check_p(p)
        i, j = self.index(x, "x"), self.index(y, "y")
        L = self._lattice()
        diff = np.abs(L[i] - L[j]).astype(object)
        if p == 0:
            v = int(np.count_nonzero(diff))
        elif p == 1:
            v = int(sum(diff))
        elif p == 2:
            v = int(sum(t * t for t in diff))
        else:
            v = int(max(diff)) if len(diff) else 0
        return self.exact_distance(v, p)

    def _check_lattice_bounds(self, p: float) -> None:
        L = self._lattice()
        span = int(L.max() - L.min()) if L.size else 0
        bound = span * span * self.dim if p == 2 else span * self.dim
        if bound >= _INT64_MAX:
            raise fail("domain", self, "a domain whose exact l_p distances fit in int64")

    # -- identity -------------------------------------------------------------------
    @abstractmethod
    def _key(self) -> tuple:
        """Hashable description; equal domains have equal keys."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FiniteDomain):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


class Cube(FiniteDomain):
    """The Boolean cube {0,1}^d as a finite domain (DESIGN.md point encoding).

    Parameters
    ----------
    d : int
        Dimension; the domain has 2^d points.

    Examples
    --------
    >>> X = Cube(2)
    >>> X.index((1, 1)), X.point(2)
    (3, (0, 1))
    >>> Cube(2) == Cube(2), Cube(2) == Cube(3)
    (True, False)
    """

    __slots__ = ("_d", "_lat")

    def __init__(self, d: int) -> None:
        self._d = check_dimension(d)
        if self._d > 40:
            raise fail("d", d, "an int <= 40 (the framework tabulates every point)")
        self._lat = None

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
        if isinstance(x, numbers.Integral) and not isinstance(x, (bool, np.bool_)):
            return self.check_index(x, name)
        return bits_to_index(x, self._d, name=name)

    def _lattice(self) -> np.ndarray:
        if self._lat is None:
            check_memory(self._d, bytes_per_point=8 * self._d, name="d")
            k = np.arange(1 << self._d, dtype=np.int64)
            self._lat = _freeze((k[:, None] >> np.arange(self._d, dtype=np.int64)[None, :]) & 1)
        return self._lat

    def _scale(self) -> int:
        return 1

    def coordinates(self) -> np.ndarray:
        return self._lattice().astype(np.float64)

    def _key(self) -> tuple:
        return ("cube", self._d)

    def __repr__(self) -> str:
        return f"Cube(d={self._d})"


def as_domain(domain: Any, name: str = "domain") -> FiniteDomain:
    """A :class:`FiniteDomain` from a domain or an int d (meaning :class:`Cube` (d)).

    >>> as_domain(3)
    Cube(d=3)
    """
    if isinstance(domain, FiniteDomain):
        return domain
    if isinstance(domain, numbers.Integral) and not isinstance(domain, (bool, np.bool_)):
        return Cube(int(domain))
    raise fail_type(name, domain, "a finite domain (finitelearn.Cube, finitelearn.Grid) or an int d for {0,1}^d")


# ---------------------------------------------------------------------------------
# exact distributions on any finite domain
# ---------------------------------------------------------------------------------


class FiniteDistribution:
    """An exact distribution on a finite domain: integer weights on a support.

    The data generator mu and the attack's nu of Section 3.2 on any
    :class:`FiniteDomain`; every probability is ``Fraction(weight, total)``.  Build one
    with :meth:`uniform`, :meth:`uniform_on`, :meth:`point_masses` or :meth:`from_weights`.

    Attributes
    ----------
    domain : FiniteDomain
    support : numpy.ndarray
        Sorted int64 indices of the points with positive weight.
    weights : numpy.ndarray
        Their int64 weights (> 0), divided by their gcd.
    total : int
        Sum of the weights.

    Examples
    --------
    >>> import finitelearn as fl
    >>> G = fl.Grid([(0, 1)], 3)                  # the points 0, 1/2, 1
    >>> nu = FiniteDistribution.from_weights(G, [1, 0, 3])
    >>> nu.pmf((1,)), nu.probability(lambda x: x[0] < 1)
    (Fraction(3, 4), Fraction(1, 4))
    """

    __slots__ = ("_domain", "_support", "_weights", "_total")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("use FiniteDistribution.uniform, uniform_on, point_masses or from_weights")

    @classmethod
    def _make(cls, domain: FiniteDomain, support: np.ndarray, weights: np.ndarray) -> "FiniteDistribution":
        """From sorted distinct support and positive int weights (divided by their gcd here)."""
        w = [int(v) for v in np.asarray(weights).tolist()]
        g = 0
        for v in w:
            g = math.gcd(g, v)
        w = [v // g for v in w]
        total = sum(w)
        if total > _INT64_MAX:
            raise fail("weights", "...", "weights whose total fits in int64 (< 2**63)")
        self = object.__new__(cls)
        self._domain = domain
        self._support = _freeze(np.asarray(support, dtype=np.int64).copy())
        self._weights = _freeze(np.asarray(w, dtype=np.int64))
        self._total = int(total)
        return self

    # -- constructors ---------------------------------------------------------------
    @classmethod
    def uniform(cls, domain: Any) -> "FiniteDistribution":
        """The uniform distribution on every point of ``domain``.

        >>> FiniteDistribution.uniform(Cube(2)).pmf(3)
        Fraction(1, 4)
        """
        domain = as_domain(domain)
        n = domain.size
        return cls._make(domain, np.arange(n, dtype=np.int64), np.ones(n, dtype=np.int64))

    @classmethod
    def uniform_on(cls, domain: Any, event: Any) -> "FiniteDistribution":
        """Uniform on the points of ``event`` (a bool mask, a predicate on points, or points).

        >>> FiniteDistribution.uniform_on(Cube(2), lambda x: x[1] == 1).support
        array([2, 3])
        """
        domain = as_domain(domain)
        m = domain.event_mask(event, "event")
        if not m.any():
            raise fail("event", event, "an event containing at least one point of the domain")
        idx = np.flatnonzero(m).astype(np.int64)
        return cls._make(domain, idx, np.ones(idx.shape[0], dtype=np.int64))

    @classmethod
    def point_masses(cls, domain: Any, pts: Iterable[Any], weights: Iterable[Any] | None = None) -> "FiniteDistribution":
        """Finitely many points (uniform on them unless ``weights``; repeats add up).

        >>> FiniteDistribution.point_masses(Cube(2), [0, 3], [1, 2]).pmf(3)
        Fraction(2, 3)
        """
        domain = as_domain(domain)
        keys, w = tally_points(pts, weights, lambda x: domain.index(x, "pts"))
        return cls._make(domain, np.asarray(keys, dtype=np.int64), np.asarray(w, dtype=object))

    @classmethod
    def from_weights(cls, domain: Any, weights: Any) -> "FiniteDistribution":
        """A table of ``domain.size`` non-negative int or Fraction weights.

        >>> FiniteDistribution.from_weights(Cube(1), [1, 3]).pmf(1)
        Fraction(3, 4)
        """
        domain = as_domain(domain)
        if isinstance(weights, np.ndarray) and weights.dtype.kind == "f":
            raise fail_type("weights", weights, "ints or Fractions (floats are not exact)")
        if isinstance(weights, (str, bytes)) or not isinstance(weights, Iterable):
            raise fail_type("weights", weights, f"a table of {domain.size} ints or Fractions")
        seq = list(weights)
        if len(seq) != domain.size:
            raise fail("weights", weights, f"a table of {domain.size} weights, one per point")
        w = _exact_weights(seq, "weights")
        idx = [k for k, v in enumerate(w) if v > 0]
        return cls._make(domain, np.asarray(idx, dtype=np.int64), np.asarray([w[k] for k in idx], dtype=object))

    @classmethod
    def from_distribution(cls, D: Distribution) -> "FiniteDistribution":
        """The same distribution as a cube :class:`finitelearn.Distribution`, on :class:`Cube` (d).

        >>> import finitelearn as fl
        >>> FiniteDistribution.from_distribution(fl.uniform(2)).pmf(0)
        Fraction(1, 4)
        """
        if not isinstance(D, Distribution):
            raise fail_type("D", D, "a finitelearn.Distribution")
        return cls._make(Cube(D.d), np.asarray(D.support), np.asarray(D.weights))

    # -- properties -----------------------------------------------------------------
    @property
    def domain(self) -> FiniteDomain:
        """The finite domain the distribution lives on."""
        return self._domain

    @property
    def support(self) -> np.ndarray:
        """Sorted int64 indices of the points with positive probability."""
        return self._support

    @property
    def weights(self) -> np.ndarray:
        """int64 weights aligned with :attr:`support`."""
        return self._weights

    @property
    def total(self) -> int:
        """Sum of the weights."""
        return self._total

    def support_size(self) -> int:
        """Number of points with positive probability."""
        return int(self._support.shape[0])

    def dense_weights(self) -> np.ndarray:
        """int64 weights of every point of the domain (zero off the support)."""
        out = np.zeros(self._domain.size, dtype=np.int64)
        out[self._support] = self._weights
        return out

    def pmf(self, x: Any) -> Fraction:
        """P(x) for a point given by its coordinates or its index."""
        k = self._domain.index(x, "x")
        i = int(np.searchsorted(self._support, k))
        if i < self._support.shape[0] and self._support[i] == k:
            return Fraction(int(self._weights[i]), self._total)
        return Fraction(0)

    def probability(self, event: Any) -> Fraction:
        """Exact P(x in event): a bool mask over the domain, a predicate, or points."""
        m = self._domain.event_mask(event, "event")
        return Fraction(int(self._weights[m[self._support]].sum()), self._total)

    def condition(self, event: Any) -> "FiniteDistribution":
        """The conditional distribution given ``event``; UndefinedProbability if P(event) = 0."""
        m = self._domain.event_mask(event, "event")[self._support]
        if not m.any():
            raise UndefinedProbability("cannot condition on an event of probability 0 under this distribution")
        return FiniteDistribution._make(self._domain, self._support[m], self._weights[m])

    def to_distribution(self) -> Distribution:
        """On a :class:`Cube`, the same distribution as a :class:`finitelearn.Distribution`."""
        if not isinstance(self._domain, Cube):
            raise fail("distribution", self, "a distribution on a Cube")
        return point_masses(self._domain.d, self._support.tolist(), self._weights.tolist())

    # -- identity -------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Distribution):
            other = FiniteDistribution.from_distribution(other)
        if not isinstance(other, FiniteDistribution):
            return NotImplemented
        return (
            self._domain == other._domain
            and np.array_equal(self._support, other._support)
            and np.array_equal(self._weights, other._weights)
        )

    def __hash__(self) -> int:
        return hash((self._domain, self._support.tobytes(), self._weights.tobytes()))

    def __repr__(self) -> str:
        n = self.support_size()
        if n <= 4:
            items = ", ".join(f"{self._domain.point(int(s))}: {Fraction(int(w), self._total)}"
                              for s, w in zip(self._support, self._weights))
            return f"FiniteDistribution({self._domain!r}, {{{items}}})"
        return f"FiniteDistribution({self._domain!r}, support size {n})"


def _distribution_arrays(mu: Any, domain: FiniteDomain, name: str = "mu") -> tuple[np.ndarray, np.ndarray, int]:
    """(support, weights, total) of a distribution on ``domain``; checks the domain."""
    if isinstance(mu, Distribution):
        if not isinstance(domain, Cube) or mu.d != domain.d:
            raise DomainMismatch(f"{name} is on {{0,1}}^{mu.d} and the teacher on {domain!r}")
        check_memory(mu.d, bytes_per_point=16, name=f"{name}.d")
        return np.asarray(mu.support, dtype=np.int64), np.asarray(mu.weights, dtype=np.int64), int(mu.total)
    if isinstance(mu, FiniteDistribution):
        if mu.domain != domain:
            raise DomainMismatch(f"{name} is on {mu.domain!r} and the teacher on {domain!r}")
        return mu.support, mu.weights, mu.total
    raise fail_type(name, mu, "a finitelearn.FiniteDistribution (or a finitelearn.Distribution on the cube)")


def _make_distribution(domain: FiniteDomain, support: Iterable[int], weights: Iterable[Any]) -> Any:
    """A distribution from indices and exact (int or Fraction) weights: a cube
    :class:`Distribution` on a :class:`Cube`, a :class:`FiniteDistribution` otherwise."""
    support = [int(k) for k in support]
    w = _exact_weights(list(weights), "weights")
    pairs = sorted((k, v) for k, v in zip(support, w) if v > 0)
    if isinstance(domain, Cube):
        return point_masses(domain.d, [k for k, _ in pairs], [v for _, v in pairs])
    return FiniteDistribution._make(domain, np.asarray([k for k, _ in pairs], dtype=np.int64),
                                    np.asarray([v for _, v in pairs], dtype=object))


def _dense_probabilities(nu: Any, domain: FiniteDomain) -> dict[int, Fraction]:
    s, w, t = _distribution_arrays(nu, domain, "nu")
    return {int(k): Fraction(int(v), t) for k, v in zip(s.tolist(), w.tolist())}
