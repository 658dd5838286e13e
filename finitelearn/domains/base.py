"""The finite-domain interface: points indexed 0..size-1, events, exact l_p distances.

A finite domain X (Section 3 of the paper) is a finite set of points of R^n, indexed
``0 .. size-1``; teachers, students and distributions are tables over those indices
(docs/design.md, "Points").  Every domain answers the two distance questions that the
attacks and robustness definitions of Section 3 ask, exactly:

* :meth:`FiniteDomain.within` -- which points lie within l_p distance delta of a set of
  sources (the l_p attack of Section 3.2);
* :meth:`FiniteDomain.closest_pair` -- the smallest l_p distance between two sets and a
  pair attaining it (the margin of l_p robustness (1.1)).

Distances are exact rationals: l_0, l_1 and l_inf as they are, l_2 through its square
(``distance_power``).  The cube answers by popcount (Hamming distances), a grid by
integer lattice arithmetic.
"""

from __future__ import annotations

import math
import numbers
from abc import ABC, abstractmethod
from fractions import Fraction
from typing import Any, Callable, Iterable

import numpy as np

from ..memory import check_objects
from ..progress import points_with_progress
from ..validation import as_fraction, fail, fail_type

__all__ = ["FiniteDomain", "P_VALUES", "check_p", "check_radius", "is_index"]

#: The l_p exponents the framework supports (Section 3.2): 0 (count of differing
#: coordinates), 1, 2 and infinity.
P_VALUES = (0, 1, 2, math.inf)


def is_index(x: Any) -> bool:
    """True for an int-like point index (not a bool).

    >>> is_index(3), is_index(True), is_index((0, 1))
    (True, False, False)
    """
    return isinstance(x, numbers.Integral) and not isinstance(x, (bool, np.bool_))


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
    if p in (0, 1, 2) and float(p) == int(float(p)):  # numbers.Real promises __float__, not __int__
        return int(float(p))
    raise fail(name, p, "one of 0, 1, 2, inf")


def check_radius(delta: Any, name: str = "delta") -> Fraction:
    """An exact radius delta >= 0 (a perturbation size of Section 3.2).

    >>> check_radius("1/2")
    Fraction(1, 2)
    """
    q = as_fraction(delta, name)
    if q < 0:
        raise fail(name, delta, "a number >= 0")
    return q


class FiniteDomain(ABC):
    """A finite set of points of R^n, indexed ``0``, ..., ``size - 1`` (the paper's X).

    Subclasses: :class:`finitelearn.Cube` ({0,1}^d) and :class:`finitelearn.Grid`.
    Domains are immutable values: equal domains compare equal and hash alike.

    >>> import finitelearn as fl
    >>> fl.Cube(2) == fl.Cube(2), fl.Cube(2).size
    (True, 4)
    >>> isinstance(fl.Grid.square(3), FiniteDomain)
    True
    """

    # -- what a domain is ---------------------------------------------------------
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
        """Coordinates of point ``k`` (bits on the cube, Fractions on a grid).

        >>> import finitelearn as fl
        >>> fl.Cube(3).point(6)
        (0, 1, 1)
        >>> fl.Grid([(0, 1)], 3).point(1)
        (Fraction(1, 2),)
        """

    @abstractmethod
    def index(self, x: Any, name: str = "x") -> int:
        """Index of a point given by its coordinates (or by its index, checked).

        >>> import finitelearn as fl
        >>> fl.Cube(3).index((0, 1, 1))
        6
        >>> fl.Grid([(0, 1)], 3).index(("1/2",))
        1
        """

    @abstractmethod
    def coordinates(self) -> np.ndarray:
        """(size, dim) float64 coordinates, for plotting only (not exact).

        >>> import finitelearn as fl
        >>> fl.Grid([(0, 1)], 3).coordinates()
        array([[0. ],
               [0.5],
               [1. ]])
        """

    @abstractmethod
    def key(self) -> tuple:
        """A hashable description; equal domains have equal keys.

        >>> import finitelearn as fl
        >>> fl.Cube(3).key() == fl.Cube(3).key()
        True
        """

    # -- exact l_p distances (Section 3.2) --------------------------------------------
    @abstractmethod
    def within(self, sources: np.ndarray, delta: Fraction, p: float) -> np.ndarray:
        """Bool mask of the points within l_p distance ``delta`` of some source.

        ``sources`` are int64 point indices; ``delta`` a checked radius
        (:func:`check_radius`), for p = 0 a number of coordinates (floored); ``p`` a
        checked exponent (:func:`check_p`).

        >>> import numpy as np, finitelearn as fl
        >>> fl.Cube(2).within(np.array([0]), 1, 1)
        array([ True,  True,  True, False])
        """

    @abstractmethod
    def closest_pair(self, sources: np.ndarray, targets: np.ndarray, p: float) -> tuple[Fraction, int, int] | None:
        """The smallest l_p distance between a source and a target, and a pair attaining it.

        Returns ``(distance_power, source, target)``: the distance for p in {0, 1, inf}
        and its *square* for p = 2, exact; ties go to the smallest target index, then
        the smallest source index.  None when either set is empty.

        >>> import numpy as np, finitelearn as fl
        >>> fl.Cube(3).closest_pair(np.array([0]), np.array([3, 7]), 1)
        (Fraction(2, 1), 0, 3)
        """

    @abstractmethod
    def distance(self, x: Any, y: Any, p: Any = 2) -> Fraction:
        """Exact ||x - y||_p for p in {0, 1, inf}; for p = 2 the squared distance.

        >>> import finitelearn as fl
        >>> fl.Cube(3).distance((0, 0, 0), (1, 1, 0), p=1)
        Fraction(2, 1)
        >>> fl.Grid([(0, 1)], 3).distance((0,), (1,), p=2)
        Fraction(1, 1)
        """

    # -- shared helpers -------------------------------------------------------------
    def check_index(self, k: Any, name: str = "x") -> int:
        """Check a point index in ``0 .. size-1``.

        >>> import finitelearn as fl
        >>> fl.Cube(2).check_index(3)
        3
        >>> fl.Cube(2).check_index(4)
        Traceback (most recent call last):
            ...
        finitelearn.errors.InvalidArgument: x=4 is not allowed: a point index in 0..3
        """
        if not is_index(k):
            raise fail_type(name, k, "a point index (int)")
        k = int(k)
        if not 0 <= k < self.size:
            raise fail(name, k, f"a point index in 0..{self.size - 1}")
        return k

    def points(self) -> list[tuple]:
        """All points as coordinate tuples, in index order (refused where they would not fit).

        >>> import finitelearn as fl
        >>> fl.Cube(2).points()
        [(0, 0), (1, 0), (0, 1), (1, 1)]
        """
        check_objects(self.size, 56 + 40 * self.dim, "domain")
        return [self.point(k) for k in range(self.size)]

    def mask(self, predicate: Callable[[tuple], Any], name: str = "predicate") -> np.ndarray:
        """Bool array over the domain: ``predicate(x)`` for each point (called from Python).

        >>> import finitelearn as fl
        >>> fl.Cube(2).mask(lambda x: x[0] == 1)
        array([False,  True, False,  True])
        """
        return self.event_on(predicate, np.arange(self.size, dtype=np.int64), name)

    def event_on(self, event: Any, indices: np.ndarray, name: str = "event") -> np.ndarray:
        """Bool array over ``indices``: which of those points lie in ``event``.

        ``event`` is a bool mask over the whole domain, a predicate on a point's
        coordinates (called once per index, from Python), or an iterable of points
        (coordinates or indices).

        >>> import numpy as np, finitelearn as fl
        >>> fl.Cube(2).event_on(fl.dictator(2, 0), np.array([0, 1, 3]))
        array([False,  True,  True])
        """
        if isinstance(event, np.ndarray) and event.dtype == bool:
            if event.ndim != 1 or event.shape[0] != self.size:
                raise fail(name, event, f"a bool mask of length {self.size}")
            return event[indices]
        if callable(event):
            out = np.empty(indices.shape[0], dtype=bool)
            for r in points_with_progress(indices.shape[0], f"evaluating {name}"):
                k = int(indices[r])
                x = self.point(k)
                v = event(x)
                if isinstance(v, (bool, np.bool_)) or (is_index(v) and int(v) in (0, 1)):
                    out[r] = bool(v)
                else:
                    raise fail(name, event, f"a predicate returning a bool (returned {v!r} at x={x})")
            return out
        if isinstance(event, (str, bytes)) or not isinstance(event, Iterable):
            raise fail_type(name, event, "a bool mask, a predicate on points, or an iterable of points")
        idx = np.asarray(sorted({self.index(x, name) for x in event}), dtype=np.int64)
        return np.isin(indices, idx)

    def event_mask(self, event: Any, name: str = "event") -> np.ndarray:
        """A bool mask over the whole domain from a mask, a predicate, or points.

        >>> import finitelearn as fl
        >>> fl.Cube(2).event_mask([(0, 0), (1, 1)])
        array([ True, False, False,  True])
        >>> fl.Cube(2).event_mask(lambda x: x[1] == 1)
        array([False, False,  True,  True])
        """
        return self.event_on(event, np.arange(self.size, dtype=np.int64), name)

    # -- identity -------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FiniteDomain):
            return NotImplemented
        return self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())
