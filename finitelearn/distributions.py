"""Exact probability distributions on {0,1}^d: the data generator mu and the attack's nu.

A :class:`Distribution` holds non-negative integer weights on its support and their
total; every probability is ``Fraction(weight, total)``.  The uniform distribution on
the whole cube is kept implicit (no table), so it costs nothing at large d.

Examples
--------
>>> import finitelearn as fl
>>> mu = fl.point_masses(4, [(0, 0, 0, 0), (1, 0, 0, 0)])   # the paper's mu, Section 4.1
>>> mu.probability(fl.dictator(4, 0))
Fraction(1, 2)
>>> fl.uniform(4).probability(fl.parity(4, {0, 1}))
Fraction(1, 2)
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Any, Callable, Iterable, Mapping

import numpy as np

from ._kernels import bits as K
from ._validation import check_dimension, fail, fail_type
from .cube import bits_to_index, check_memory
from .errors import DomainMismatch, UndefinedProbability
from .functions import BooleanFunction, _check_fixed

__all__ = [
    "Distribution",
    "uniform",
    "point_masses",
    "uniform_on_subcube",
    "from_weights",
]

_INT64_MAX = 2**63 - 1


def _freeze(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


class Distribution:
    """An exact distribution on {0,1}^d with integer weights.

    Attributes
    ----------
    d : int
        Dimension of the cube.
    support : numpy.ndarray
        Sorted int64 indices of the points with positive weight.
    weights : numpy.ndarray
        Their int64 weights (all > 0), aligned with ``support``.
    total : int
        The sum of the weights; P(x) = weight(x) / total.

    Build one with :func:`uniform`, :func:`point_masses`, :func:`uniform_on_subcube`
    or :func:`from_weights`; derive others with :meth:`condition`.
    """

    __slots__ = ("_d", "_support", "_weights", "_total", "_uniform")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("use finitelearn.uniform, point_masses, uniform_on_subcube or from_weights")

    @classmethod
    def _make(cls, d: int, support: np.ndarray | None, weights: np.ndarray | None, total: int,
              is_uniform: bool = False) -> "Distribution":
        self = object.__new__(cls)
        self._d = d
        self._support = None if support is None else _freeze(support)
        self._weights = None if weights is None else _freeze(weights)
        self._total = int(total)
        self._uniform = is_uniform
        return self

    # -- properties -----------------------------------------------------------------
    @property
    def d(self) -> int:
        """Dimension of the cube."""
        return self._d

    @property
    def is_uniform(self) -> bool:
        """True for the uniform distribution on the whole cube (kept without a table)."""
        return self._uniform

    @property
    def support(self) -> np.ndarray:
        """Sorted int64 indices of the points with positive probability."""
        if self._support is None:
            check_memory(self._d, bytes_per_point=8, name="distribution.d")
            self._support = _freeze(np.arange(1 << self._d, dtype=np.int64))
        return self._support

    @property
    def weights(self) -> np.ndarray:
        """int64 weights aligned with :attr:`support`."""
        if self._weights is None:
            check_memory(self._d, bytes_per_point=8, name="distribution.d")
            self._weights = _freeze(np.ones(1 << self._d, dtype=np.int64))
        return self._weights

    @property
    def total(self) -> int:
        """Sum of the weights."""
        return self._total

    def support_size(self) -> int:
        """Number of points with positive probability."""
        return (1 << self._d) if self._uniform else int(self._support.shape[0])

    def support_points(self) -> np.ndarray:
        """The support as a (n, d) uint8 array of bits (column i is the paper's x_{i+1})."""
        s = self.support
        return ((s[:, None] >> np.arange(self._d, dtype=np.int64)[None, :]) & 1).astype(np.uint8)

    def dense_weights(self) -> np.ndarray:
        """int64 weights of all 2^d points (zero off the support)."""
        check_memory(self._d, bytes_per_point=8, name="distribution.d")
        out = np.zeros(1 << self._d, dtype=np.int64)
        out[self.support] = self.weights
        return out

    def pmf(self, x: Any) -> Fraction:
        """P(x) for a point given by its bits or its index.

        >>> uniform(3).pmf((1, 0, 1))
        Fraction(1, 8)
        """
        k = _point_index(x, self._d, "x")
        if self._uniform:
            return Fraction(1, 1 << self._d)
        i = int(np.searchsorted(self._support, k))
        if i < self._support.shape[0] and self._support[i] == k:
            return Fraction(int(self._weights[i]), self._total)
        return Fraction(0)

    # -- events ---------------------------------------------------------------------
    def _event_on_support(self, event: Any, name: str = "event") -> np.ndarray:
        """Boolean mask over :attr:`support` of the points in ``event``."""
        d = self._d
        if isinstance(event, BooleanFunction):
            if event.d != d:
                raise DomainMismatch(f"{name} is on d={event.d} and the distribution on d={d}")
            return event.truth_table[self.support].astype(bool)
        if callable(event):
            pts = self.support_points()
            out = np.empty(pts.shape[0], dtype=bool)
            for r in range(pts.shape[0]):
                v = event(tuple(int(b) for b in pts[r]))
                if not isinstance(v, (bool, np.bool_, numbers.Integral)) or int(v) not in (0, 1):
                    raise fail(name, event, f"a predicate returning a bool (returned {v!r})")
                out[r] = bool(v)
            return out
        arr = np.asarray(event) if not isinstance(event, (set, frozenset)) else None
        if arr is not None and arr.dtype == bool and arr.ndim == 1:
            if arr.shape[0] != (1 << d):
                raise fail(name, event, f"a bool mask of length 2**{d}")
            return arr[self.support]
        if isinstance(event, Iterable):
            idx = sorted({_point_index(x, d, name) for x in event})
            return np.isin(self.support, np.asarray(idx, dtype=np.int64))
        raise fail_type(name, event, "a BooleanFunction, a predicate on bits, a bool mask of length 2**d, or points")

    def probability(self, event: Any) -> Fraction:
        """Exact P(x in event).

        ``event`` is a :class:`BooleanFunction` (the event f = 1), a predicate on a
        point's bits, a bool mask of length 2^d, or an iterable of points.

        >>> uniform(3).probability(lambda x: x[0] == 1 and x[1] == 1)
        Fraction(1, 4)
        """
        if self._uniform and isinstance(event, BooleanFunction):
            if event.d != self._d:
                raise DomainMismatch(f"event is on d={event.d} and the distribution on d={self._d}")
            return Fraction(event.weight(), 1 << self._d)
        mask = self._event_on_support(event)
        return Fraction(int(self.weights[mask].sum()), self._total)

    def condition(self, event: Any) -> "Distribution":
        """The conditional distribution given ``event`` (same forms as :meth:`probability`).

        >>> uniform(2).condition(lambda x: x[0] == 0).support
        array([0, 2])
        """
        mask = self._event_on_support(event)
        if not mask.any():
            raise UndefinedProbability("cannot condition on an event of probability 0 under this distribution")
        return _reduced(self._d, self.support[mask].copy(), self.weights[mask].copy())

    def expectation(self, values: Any) -> Fraction:
        """Exact E[v(x)] for a table of 2^d integer or Fraction values (or a BooleanFunction).

        >>> uniform(2).expectation([0, 1, 2, 3])
        Fraction(3, 2)
        """
        if isinstance(values, BooleanFunction):
            return self.probability(values)
        arr = np.asarray(values, dtype=object) if not isinstance(values, np.ndarray) else values
        if arr.ndim != 1 or arr.shape[0] != (1 << self._d):
            raise fail("values", values, f"a table of 2**{self._d} numbers")
        if arr.dtype.kind in "iub":
            v = arr.astype(np.int64)
            bound = int(np.abs(v).max()) if v.size else 0
            if bound * self._total < _INT64_MAX:
                return Fraction(int(K.weighted_sum(v, self.support, self.weights)), self._total)
        if arr.dtype.kind == "f":
            raise fail_type("values", values, "integer or Fraction values (floats are not exact)")
        s = self.support
        acc = Fraction(0)
        for i, w in zip(s.tolist(), self.weights.tolist()):
            acc += w * Fraction(arr[i])
        return acc / self._total

    # -- identity -------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Distribution):
            return NotImplemented
        if self._d != other._d:
            return False
        if self._uniform or other._uniform:  # the uniform one is canonical (see _reduced)
            return self._uniform and other._uniform
        if self.support_size() != other.support_size():
            return False
        if not np.array_equal(self.support, other.support):
            return False
        a = [w * other._total for w in self.weights.tolist()]
        b = [w * self._total for w in other.weights.tolist()]
        return a == b

    def __hash__(self) -> int:
        if self._uniform:
            return hash((self._d, "uniform"))
        # weights are kept divided by their gcd (see _reduced), so they are canonical
        return hash((self._d, self._support.tobytes(), self._weights.tobytes()))

    def __repr__(self) -> str:
        if self._uniform:
            return f"Distribution(uniform on {{0,1}}^{self._d})"
        n = self.support_size()
        if n <= 4:
            items = ", ".join(
                f"{int(s)}: {Fraction(int(w), self._total)}" for s, w in zip(self._support, self._weights)
            )
            return f"Distribution(d={self._d}, {{{items}}})"
        return f"Distribution(d={self._d}, support size {n})"


def _point_index(x: Any, d: int, name: str) -> int:
    if isinstance(x, numbers.Integral) and not isinstance(x, (bool, np.bool_)):
        k = int(x)
        if not 0 <= k < (1 << d):
            raise fail(name, x, f"a point index in 0..2**{d}-1 or a tuple of {d} bits")
        return k
    return bits_to_index(x, d, name=name)


def _reduced(d: int, support: np.ndarray, weights: np.ndarray) -> Distribution:
    """Distribution from sorted support and positive int64 weights, divided by their gcd."""
    g = int(np.gcd.reduce(weights)) if weights.size else 1
    if g > 1:
        weights = weights // g
    total = int(sum(int(w) for w in weights.tolist())) if weights.size < 1 << 16 else int(weights.sum())
    if total > _INT64_MAX:
        raise fail("weights", "...", "weights whose total fits in int64 (< 2**63)")
    if support.shape[0] == (1 << d) and (weights == weights[0]).all():
        return Distribution._make(d, None, None, 1 << d, is_uniform=True)
    return Distribution._make(d, support.astype(np.int64), weights.astype(np.int64), total)


def uniform(d: int) -> Distribution:
    """The uniform distribution on {0,1}^d (the paper's nu and D of Theorem 4.1).

    >>> uniform(3).pmf(0)
    Fraction(1, 8)
    """
    d = check_dimension(d)
    if d > 62:
        raise fail("d", d, "an int <= 62 (2**d must fit in int64)")
    return Distribution._make(d, None, None, 1 << d, is_uniform=True)


def _exact_weights(raw: Iterable[Any], name: str) -> list[int]:
    """Integer weights from ints or Fractions (Fractions scaled by the lcm of denominators)."""
    vals = []
    for w in raw:
        if isinstance(w, (bool, np.bool_)):
            raise fail_type(name, w, "ints or Fractions")
        if isinstance(w, numbers.Integral):
            vals.append(Fraction(int(w)))
        elif isinstance(w, numbers.Rational):
            vals.append(Fraction(int(w.numerator), int(w.denominator)))
        elif isinstance(w, str):
            try:
                vals.append(Fraction(w))
            except (ValueError, ZeroDivisionError):
                raise fail(name, w, "ints, Fractions or strings such as '1/3'") from None
        else:
            raise fail_type(name, w, "ints or Fractions (floats are not exact; use Fraction)")
    if any(v < 0 for v in vals):
        raise fail(name, [str(v) for v in vals if v < 0][0], "non-negative weights")
    if not any(v > 0 for v in vals):
        raise fail(name, "all zero" if vals else "empty", "at least one positive weight")
    lcm = 1
    for v in vals:
        lcm = lcm * v.denominator // math.gcd(lcm, v.denominator)
    return [int(v * lcm) for v in vals]


def point_masses(d: int, pts: Iterable[Any], weights: Iterable[Any] | None = None) -> Distribution:
    """A distribution on finitely many points (uniform on them unless ``weights`` given).

    Parameters
    ----------
    d : int
        Dimension of the cube.
    pts : iterable
        Points as tuples of d bits (``x[0]`` is the paper's x_1) or as indices.
    weights : iterable of int or Fraction, optional
        Non-negative, not all zero; repeated points add up.

    Examples
    --------
    >>> mu = point_masses(4, [(0, 0, 0, 0), (1, 0, 0, 0)])
    >>> mu.support, mu.total
    (array([0, 1]), 2)
    """
    d = check_dimension(d)
    keys, w = tally_points(pts, weights, lambda x: _point_index(x, d, "pts"))
    return _reduced(d, np.asarray(keys, dtype=np.int64), np.asarray(w, dtype=np.int64))


def tally_points(pts: Any, weights: Any, index: Callable[[Any], int]) -> tuple[list[int], list[int]]:
    """Sorted distinct point indices and their integer weights (repeats add up; zeros dropped).

    Shared by the cube's :func:`point_masses` and ``FiniteDistribution.point_masses``.
    """
    if isinstance(pts, (str, bytes)) or not isinstance(pts, Iterable):
        raise fail_type("pts", pts, "an iterable of points")
    idx = [index(x) for x in pts]
    if not idx:
        raise fail("pts", [], "at least one point")
    if weights is None:
        w = [1] * len(idx)
    else:
        if isinstance(weights, (str, bytes)) or not isinstance(weights, Iterable):
            raise fail_type("weights", weights, "an iterable of ints or Fractions")
        wl = list(weights)
        if len(wl) != len(idx):
            raise fail("weights", wl, f"one weight per point ({len(idx)} points)")
        w = _exact_weights(wl, "weights")
    acc: dict[int, int] = {}
    for k, wk in zip(idx, w):
        acc[k] = acc.get(k, 0) + wk
    keys = sorted(k for k, v in acc.items() if v > 0)
    return keys, [acc[k] for k in keys]


def uniform_on_subcube(d: int, fixed: Mapping[int, int]) -> Distribution:
    """Uniform on the subcube where the coordinates in ``fixed`` take the given bits.

    ``uniform_on_subcube(d, {0: 0})`` is unif(X_0) in the proof of Theorem 4.2.

    >>> uniform_on_subcube(3, {0: 0}).support
    array([0, 2, 4, 6])
    """
    d = check_dimension(d)
    mask, values = _check_fixed(fixed, d)
    free = [i for i in range(d) if not (mask >> i) & 1]
    check_memory(len(free) if free else 1, bytes_per_point=16, name="number of free coordinates")
    k = np.arange(1 << len(free), dtype=np.int64)
    support = np.full(k.shape, values, dtype=np.int64)
    for j, i in enumerate(free):
        support |= ((k >> j) & 1) << i
    support.sort()
    return _reduced(d, support, np.ones(support.shape[0], dtype=np.int64))


def from_weights(weights: Any) -> Distribution:
    """A distribution from a table of 2^d non-negative int or Fraction weights.

    >>> from fractions import Fraction
    >>> D = from_weights([Fraction(1, 2), 0, Fraction(1, 4), Fraction(1, 4)])
    >>> D.pmf(0), D.d
    (Fraction(1, 2), 2)
    """
    if isinstance(weights, np.ndarray) and weights.dtype.kind == "f":
        raise fail_type("weights", weights, "ints or Fractions (floats are not exact)")
    seq = list(weights) if not isinstance(weights, (str, bytes)) and isinstance(weights, Iterable) else None
    if seq is None:
        raise fail_type("weights", weights, "a table of 2**d ints or Fractions")
    n = len(seq)
    if n < 2 or n & (n - 1):
        raise fail("weights", weights, f"a table whose length is a power of two >= 2 (got {n})")
    w = _exact_weights(seq, "weights")
    d = n.bit_length() - 1
    arr = np.asarray(w, dtype=object)
    support = np.flatnonzero(arr != 0).astype(np.int64)
    if max(w) > _INT64_MAX:
        raise fail("weights", weights, "weights whose scaled integers fit in int64")
    return _reduced(d, support, np.asarray([w[i] for i in support.tolist()], dtype=np.int64))
