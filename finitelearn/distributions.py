"""Exact probability distributions on a finite domain: the data generator mu and the attack's nu.

One class, :class:`Distribution`, serves every finite domain (the cube {0,1}^d, a rational
grid): it holds non-negative integer weights on its support and their total, and every
probability is ``Fraction(weight, total)``.  The uniform distribution is kept implicit
(no table), so ``uniform(40)`` costs nothing until a table is asked for.

Weights enter through :func:`finitelearn.exact.integer_weights` (ints, Fractions,
strings such as ``'1/3'``, floats read as their shortest decimal) and are kept divided
by their gcd, so that equal distributions have equal weights, compare equal and hash
alike.  The total is a Python int; every weight must fit in int64 (the kernels' type)
and is refused with an error naming ``weights`` otherwise.

Examples
--------
>>> import finitelearn as fl
>>> mu = fl.point_masses(4, [(0, 0, 0, 0), (1, 0, 0, 0)])   # the paper's mu, Section 4.1
>>> mu.probability(fl.dictator(4, 0))
Fraction(1, 2)
>>> fl.uniform(4).probability(fl.parity(4, {0, 1}))
Fraction(1, 2)
>>> G = fl.Grid([(0, 1)], 3)                                 # the points 0, 1/2, 1
>>> nu = Distribution.from_weights(G, [1, 0, 3])
>>> nu.pmf((1,)), nu.probability(lambda x: x[0] < 1)
(Fraction(3, 4), Fraction(1, 4))
"""

from __future__ import annotations

import warnings
from fractions import Fraction
from typing import Any, Iterable, Mapping

import numpy as np

from .domains import Cube, FiniteDomain, as_domain, check_fixed
from .errors import DomainMismatch, UndefinedProbability
from .exact import as_int64, exact_table, fits_int64, gcd_of, integer_weights
from .functions import BooleanFunction
from .memory import check_memory
from .validation import fail, fail_type, read_only

__all__ = [
    "Distribution",
    "uniform",
    "point_masses",
    "uniform_on_subcube",
    "from_weights",
]



class Distribution:
    """An exact distribution on a finite domain: integer weights on a support.

    Attributes
    ----------
    domain : FiniteDomain
        The domain X (a :class:`finitelearn.Cube` or :class:`finitelearn.Grid`).
    support : numpy.ndarray
        Sorted int64 indices of the points with positive weight.
    weights : numpy.ndarray
        Their int64 weights (all > 0, divided by their gcd), aligned with ``support``.
    total : int
        The sum of the weights (a Python int); P(x) = weight(x) / total.

    Build one with :func:`uniform`, :func:`point_masses`, :func:`uniform_on_subcube`,
    :func:`from_weights`, or the classmethods :meth:`uniform`, :meth:`uniform_on`,
    :meth:`point_masses`, :meth:`from_weights` that take the domain first; derive
    others with :meth:`condition`.

    Examples
    --------
    >>> D = Distribution.point_masses(Cube(2), [0, 3], [1, 2])
    >>> D.pmf(3), D.total
    (Fraction(2, 3), 3)
    >>> D == point_masses(2, [3, 0, 3], [1, 1, 1]), hash(D) == hash(point_masses(2, [0, 3], ["1/3", "2/3"]))
    (True, True)
    """

    __slots__ = ("_domain", "_support", "_weights", "_total", "_uniform", "_subcube")
    _domain: FiniteDomain
    _support: Any  # np.ndarray, or None for the implicit uniform distribution (built on demand)
    _weights: Any
    _total: int
    _uniform: bool
    _subcube: tuple[int, int] | None  # (fixed mask, fixed values) of a uniform distribution on a subcube

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("use finitelearn.uniform, point_masses, uniform_on_subcube, from_weights "
                        "or Distribution.uniform / uniform_on / point_masses / from_weights")

    @classmethod
    def _make(cls, domain: FiniteDomain, support: np.ndarray | None, weights: list[int] | None) -> "Distribution":
        """From sorted distinct indices and positive Python-int weights (canonicalised here)."""
        self = object.__new__(cls)
        self._domain = domain
        if support is None:  # the implicit uniform distribution
            self._support = None
            self._weights = None
            self._total = domain.size
            self._uniform = True
            self._subcube = None
            return self
        assert weights is not None  # an explicit support always comes with its weights
        g = gcd_of(weights) or 1
        w = [v // g for v in weights]
        if len(w) == domain.size and all(v == 1 for v in w):
            return cls._make(domain, None, None)
        self._support = read_only(np.asarray(support, dtype=np.int64))
        self._weights = read_only(as_int64(w, "weights", "weights"))
        self._total = sum(w)
        self._uniform = False
        self._subcube = None
        n = len(w)
        if isinstance(domain, Cube) and n & (n - 1) == 0 and all(v == 1 for v in w):
            # uniform on a subcube (canonical form: however it was built, it knows it is one)
            s = self._support
            lo, hi = int(np.bitwise_and.reduce(s)), int(np.bitwise_or.reduce(s))
            if bin(lo ^ hi).count("1") == n.bit_length() - 1:
                fixed = (domain.size - 1) & ~(lo ^ hi)
                self._subcube = (fixed, lo & fixed)
        return self

    @classmethod
    def _make_subcube(cls, domain: Cube, fixed_mask: int, fixed_values: int) -> "Distribution":
        """Uniform on {x : x & fixed_mask == fixed_values}, kept without a table."""
        if fixed_mask == 0:
            return cls._make(domain, None, None)
        self = object.__new__(cls)
        self._domain = domain
        self._support = None
        self._weights = None
        self._total = 1 << (domain.d - bin(fixed_mask).count("1"))
        self._uniform = False
        self._subcube = (fixed_mask, fixed_values)
        return self

    # -- constructors (domain first) ------------------------------------------------
    @classmethod
    def uniform(cls, domain: Any) -> "Distribution":
        """The uniform distribution on every point of ``domain`` (kept without a table).

        >>> Distribution.uniform(Cube(2)).pmf(3)
        Fraction(1, 4)
        """
        return cls._make(as_domain(domain), None, None)

    @classmethod
    def uniform_on(cls, domain: Any, event: Any) -> "Distribution":
        """Uniform on the points of ``event`` (a bool mask, a predicate on points, or points).

        >>> Distribution.uniform_on(Cube(2), lambda x: x[1] == 1).support
        array([2, 3])
        """
        domain = as_domain(domain)
        m = domain.event_mask(event, "event")
        if not m.any():
            raise fail("event", event, "an event containing at least one point of the domain")
        idx = np.flatnonzero(m).astype(np.int64)
        return cls._make(domain, idx, [1] * idx.shape[0])

    @classmethod
    def point_masses(cls, domain: Any, pts: Iterable[Any], weights: Iterable[Any] | None = None) -> "Distribution":
        """Finitely many points, uniform on them unless ``weights`` (repeats add up).

        >>> Distribution.point_masses(Cube(2), [(0, 0), (1, 1)], ["1/4", 0.75]).pmf(3)
        Fraction(3, 4)
        """
        domain = as_domain(domain)
        if isinstance(pts, (str, bytes)) or not isinstance(pts, Iterable):
            raise fail_type("pts", pts, "an iterable of points")
        idx = [domain.index(x, "pts") for x in pts]
        if not idx:
            raise fail("pts", [], "at least one point")
        if weights is None:
            w = [1] * len(idx)
        else:
            if isinstance(weights, (str, bytes)) or not isinstance(weights, Iterable):
                raise fail_type("weights", weights, "an iterable of numbers")
            wl = list(weights)
            if len(wl) != len(idx):
                raise fail("weights", wl, f"one weight per point ({len(idx)} points)")
            w = integer_weights(wl, "weights").values
        acc: dict[int, int] = {}
        for k, wk in zip(idx, w):
            acc[k] = acc.get(k, 0) + wk
        keys = sorted(k for k, v in acc.items() if v > 0)
        return cls._make(domain, np.asarray(keys, dtype=np.int64), [acc[k] for k in keys])

    @classmethod
    def from_weights(cls, domain: Any, weights: Any) -> "Distribution":
        """A table of ``domain.size`` non-negative weights, one per point in index order.

        >>> Distribution.from_weights(Cube(1), [1, 3]).pmf(1)
        Fraction(3, 4)
        """
        domain = as_domain(domain)
        if isinstance(weights, (str, bytes)) or not isinstance(weights, (Iterable, np.ndarray)):
            raise fail_type("weights", weights, f"a table of {domain.size} numbers")
        if not isinstance(weights, np.ndarray):
            weights = list(weights)
        n = len(weights)
        if n != domain.size:
            raise fail("weights", f"<table of length {n}>", f"a table of {domain.size} weights, one per point of {domain!r}")
        w = integer_weights(weights, "weights").values
        idx = [k for k, v in enumerate(w) if v > 0]
        return cls._make(domain, np.asarray(idx, dtype=np.int64), [w[k] for k in idx])

    # -- properties -----------------------------------------------------------------
    @property
    def domain(self) -> FiniteDomain:
        """The finite domain the distribution lives on."""
        return self._domain

    @property
    def d(self) -> int:
        """Dimension of the cube (a distribution on {0,1}^d only)."""
        if not isinstance(self._domain, Cube):
            raise DomainMismatch(f"this distribution is on {self._domain!r}, not on a cube {{0,1}}^d")
        return self._domain.d

    @property
    def is_uniform(self) -> bool:
        """True for the uniform distribution on the whole domain (kept without a table)."""
        return self._uniform

    @property
    def subcube(self) -> tuple[int, int] | None:
        """``(fixed_mask, fixed_values)`` when this is uniform on a subcube of a cube, else None.

        The subcube is {x : x & fixed_mask == fixed_values}; the uniform distribution on the
        whole cube is ``(0, 0)``.  Such a distribution keeps no table (up to d = 40, for
        lazy functions) until its support is asked for.

        >>> import finitelearn as fl
        >>> fl.uniform_on_subcube(3, {0: 1, 2: 0}).subcube, fl.uniform(3).subcube
        ((5, 1), (0, 0))
        >>> fl.point_masses(2, [0, 3]).subcube is None
        True
        """
        if self._uniform:
            return (0, 0) if isinstance(self._domain, Cube) else None
        return self._subcube

    @property
    def support(self) -> np.ndarray:
        """Sorted int64 indices of the points with positive probability."""
        if self._support is None:
            self._check_table_memory()
            if self._uniform:
                self._support = read_only(np.arange(self._domain.size, dtype=np.int64))
            else:
                assert self._subcube is not None  # only the uniform and subcube forms keep no table
                self._support = read_only(_subcube_points(self.d, *self._subcube))
        return self._support

    @property
    def weights(self) -> np.ndarray:
        """int64 weights aligned with :attr:`support`."""
        if self._weights is None:
            self._check_table_memory()
            self._weights = read_only(np.ones(self._total, dtype=np.int64))
        return self._weights

    @property
    def total(self) -> int:
        """Sum of the weights (a Python int)."""
        return self._total

    def _check_table_memory(self) -> None:
        if isinstance(self._domain, Cube):
            if self._subcube is not None:
                free = self._total.bit_length() - 1
                if free >= 1:
                    check_memory(free, bytes_per_point=16, name="number of free coordinates")
                return
            check_memory(self._domain.d, bytes_per_point=8, name="distribution.d")

    def support_size(self) -> int:
        """Number of points with positive probability.

        >>> import finitelearn as fl
        >>> fl.point_masses(3, [(0, 0, 0), (1, 1, 1)]).support_size()
        2
        """
        return self._domain.size if self._uniform else (self._total if self._support is None
                                                         else int(self._support.shape[0]))

    def support_points(self) -> Any:
        """The support's points: on a cube a (n, d) uint8 array of bits (column i is the
        paper's x_{i+1}), elsewhere a list of coordinate tuples.

        >>> import finitelearn as fl
        >>> fl.point_masses(3, [(0, 0, 0), (1, 1, 1)]).support_points()
        array([[0, 0, 0],
               [1, 1, 1]], dtype=uint8)
        """
        s = self.support
        if isinstance(self._domain, Cube):
            d = self._domain.d
            return ((s[:, None] >> np.arange(d, dtype=np.int64)[None, :]) & 1).astype(np.uint8)
        return [self._domain.point(int(k)) for k in s]

    def dense_weights(self) -> np.ndarray:
        """int64 weights of every point of the domain (zero off the support).

        >>> import finitelearn as fl
        >>> fl.point_masses(2, [(1, 0), (1, 1)], [1, 3]).dense_weights()
        array([0, 1, 0, 3])
        """
        self._check_table_memory()
        out = np.zeros(self._domain.size, dtype=np.int64)
        out[self.support] = self.weights
        return out

    def check_domain(self, domain: FiniteDomain, name: str = "mu", other: str = "the teacher") -> "Distribution":
        """Return self, or raise :class:`finitelearn.DomainMismatch` naming ``name`` if it lives elsewhere.

        >>> import finitelearn as fl
        >>> fl.uniform(2).check_domain(fl.Cube(2)) == fl.uniform(2)
        True
        >>> fl.uniform(2).check_domain(fl.Cube(3))
        Traceback (most recent call last):
            ...
        finitelearn.errors.DomainMismatch: mu is on Cube(d=2) and the teacher on Cube(d=3)
        """
        if self._domain != domain:
            raise DomainMismatch(f"{name} is on {self._domain!r} and {other} on {domain!r}")
        return self

    def mass(self, on_support: np.ndarray) -> int:
        """The exact total weight of the support points selected by a bool mask over :attr:`support`.

        >>> import numpy as np, finitelearn as fl
        >>> D = fl.point_masses(2, [(1, 0), (1, 1)], [1, 3])
        >>> D.mass(np.array([False, True]))
        3
        """
        w = self.weights[on_support]
        if fits_int64(self._total):
            return int(w.sum())
        return sum(int(v) for v in w.tolist())

    def pmf(self, x: Any) -> Fraction:
        """P(x) for a point given by its coordinates or its index.

        >>> uniform(3).pmf((1, 0, 1))
        Fraction(1, 8)
        """
        k = self._domain.index(x, "x")
        if self._uniform:
            return Fraction(1, self._total)
        if self._subcube is not None:
            return Fraction(1, self._total) if k & self._subcube[0] == self._subcube[1] else Fraction(0)
        i = int(np.searchsorted(self._support, k))
        if i < self._support.shape[0] and self._support[i] == k:
            return Fraction(int(self._weights[i]), self._total)
        return Fraction(0)

    # -- events ---------------------------------------------------------------------
    def event_on_support(self, event: Any, name: str = "event") -> np.ndarray:
        """Bool mask over :attr:`support` of the points in ``event``.

        ``event`` is a :class:`BooleanFunction` on a cube (the event f = 1), a predicate
        on a point's coordinates, a bool mask over the domain, or an iterable of points.

        >>> import finitelearn as fl
        >>> D = fl.point_masses(2, [(1, 0), (1, 1)], [1, 3])
        >>> D.event_on_support(fl.dictator(2, 1))
        array([False,  True])
        """
        if isinstance(event, BooleanFunction):
            self.check_domain(Cube(event.d), "the distribution", name)
            return event.truth_table[self.support].astype(bool)
        return self._domain.event_on(event, self.support, name)

    def probability(self, event: Any) -> Fraction:
        """Exact P(x in event) (the forms of :meth:`event_on_support`).

        >>> uniform(3).probability(lambda x: x[0] == 1 and x[1] == 1)
        Fraction(1, 4)
        """
        if self._uniform and isinstance(event, BooleanFunction):
            self.check_domain(Cube(event.d), "the distribution", "event")
            return Fraction(event.weight(), self._total)
        return Fraction(self.mass(self.event_on_support(event)), self._total)

    def condition(self, event: Any) -> "Distribution":
        """The conditional distribution given ``event`` (same forms as :meth:`probability`).

        >>> uniform(2).condition(lambda x: x[0] == 0).support
        array([0, 2])
        """
        mask = self.event_on_support(event)
        if not mask.any():
            raise UndefinedProbability("cannot condition on an event of probability 0 under this distribution")
        return Distribution._make(self._domain, self.support[mask], [int(v) for v in self.weights[mask].tolist()])

    def expectation(self, values: Any) -> Fraction:
        """Exact E[v(x)] for a table of one number per point (or a BooleanFunction).

        Entries are read by :func:`finitelearn.exact.exact_table`: ints, Fractions,
        decimal strings, floats as their shortest decimal (``0.1`` is 1/10).  Sums are
        exact whatever their size (int64 kernels only where the bound is proven).

        >>> uniform(2).expectation([0, 1, 2, 3])
        Fraction(3, 2)
        >>> point_masses(3, [0, 1], [2**61, 3]).expectation(np.array([4] * 8))
        Fraction(4, 1)
        """
        if isinstance(values, BooleanFunction):
            return self.probability(values)
        n = self._domain.size
        arr: np.ndarray | list[Any]
        if isinstance(values, np.ndarray):
            if values.ndim != 1 or values.shape[0] != n:
                raise fail("values", values, f"a table of {n} numbers, one per point")
            arr = values
        elif isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
            raise fail_type("values", values, f"a table of {n} numbers, one per point")
        else:
            arr = list(values)
            if len(arr) != n:
                raise fail("values", f"<table of length {len(arr)}>", f"a table of {n} numbers, one per point")
        s = self.support
        if isinstance(arr, np.ndarray) and arr.dtype.kind in "iu":
            sub = arr[s]
            bound = max(abs(int(sub.max())), abs(int(sub.min()))) * self._total if sub.size else 0
            if fits_int64(bound):  # every partial sum is at most bound in absolute value
                return Fraction(int((sub.astype(np.int64) * self.weights).sum()), self._total)
            nums, den = [int(v) for v in sub.tolist()], 1
        else:
            picked = arr[s] if isinstance(arr, np.ndarray) else [arr[k] for k in s.tolist()]
            nums, den = exact_table(picked, "values")
        acc = sum(w * v for w, v in zip(self.weights.tolist(), nums))
        return Fraction(acc, self._total * den)

    # -- identity -------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Distribution):
            return NotImplemented
        if self._domain != other._domain or self._uniform != other._uniform:
            return False
        if self._uniform:
            return True
        if self._subcube is not None or other._subcube is not None:
            return self._subcube == other._subcube
        return bool(np.array_equal(self._support, other._support) and np.array_equal(self._weights, other._weights))

    def __hash__(self) -> int:
        if self._uniform:
            return hash((self._domain, "uniform"))
        if self._subcube is not None:
            return hash((self._domain, "subcube", self._subcube))
        return hash((self._domain, self._support.tobytes(), self._weights.tobytes()))

    def __repr__(self) -> str:
        dom = self._domain
        cube = isinstance(dom, Cube)
        where = f"d={dom.d}" if isinstance(dom, Cube) else repr(dom)
        if self._uniform:
            return f"Distribution(uniform on {{0,1}}^{dom.d})" if isinstance(dom, Cube) else f"Distribution(uniform on {where})"
        n = self.support_size()
        if n <= 4:
            def show(k: int) -> str:
                if cube:
                    return str(k)
                return "(" + ", ".join(str(c) for c in self._domain.point(k)) + ")"
            items = ", ".join(f"{show(int(s))}: {Fraction(int(w), self._total)}"
                              for s, w in zip(self.support, self.weights))
            return f"Distribution({where}, {{{items}}})"
        return f"Distribution({where}, support size {n})"

    def _repr_markdown_(self) -> str:
        """The support and its exact probabilities, for a notebook."""
        from .notebook import MAX_ROWS, markdown_table

        n = self.support_size()
        if self._uniform:
            shown = np.arange(min(n, MAX_ROWS), dtype=np.int64)
        elif self._support is None and self._subcube is not None:
            shown = _subcube_points(self.d, *self._subcube, count=min(n, MAX_ROWS))
        else:
            shown = self._support[:MAX_ROWS]
        rows = [[self._domain.point(int(k)), int(k), self.pmf(int(k))] for k in shown]
        return markdown_table(["x", "index", "P(x)"], rows, title=repr(self), total=n)

    # -- deprecated conversions (FiniteDistribution is Distribution now) -------------
    @classmethod
    def from_distribution(cls, D: "Distribution") -> "Distribution":
        """Deprecated: there is one distribution class; returns ``D``.

        >>> import finitelearn as fl
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     D = Distribution.from_distribution(fl.uniform(2))
        >>> D == fl.uniform(2), caught[0].category.__name__
        (True, 'DeprecationWarning')
        """
        warnings.warn("FiniteDistribution.from_distribution is deprecated: Distribution serves every domain",
                      DeprecationWarning, stacklevel=2)
        if not isinstance(D, Distribution):
            raise fail_type("D", D, "a finitelearn.Distribution")
        return D

    def to_distribution(self) -> "Distribution":
        """Deprecated: there is one distribution class; returns self.

        >>> import finitelearn as fl
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     D = fl.uniform(2).to_distribution()
        >>> D == fl.uniform(2), caught[0].category.__name__
        (True, 'DeprecationWarning')
        """
        warnings.warn("Distribution.to_distribution is deprecated: Distribution serves every domain",
                      DeprecationWarning, stacklevel=2)
        return self


def _cube_or_domain(d: Any) -> FiniteDomain:
    return as_domain(d, "d")


def uniform(d: Any) -> Distribution:
    """The uniform distribution on {0,1}^d (the paper's nu and D of Theorem 4.1), or on a domain.

    >>> uniform(3).pmf(0)
    Fraction(1, 8)
    """
    return Distribution.uniform(_cube_or_domain(d))


def point_masses(d: Any, pts: Iterable[Any], weights: Iterable[Any] | None = None) -> Distribution:
    """A distribution on finitely many points (uniform on them unless ``weights`` given).

    Parameters
    ----------
    d : int or FiniteDomain
        Dimension of the cube (or the domain itself).
    pts : iterable
        Points as tuples of coordinates (``x[0]`` is the paper's x_1) or as indices.
    weights : iterable of numbers, optional
        Non-negative, not all zero; repeated points add up.

    Examples
    --------
    >>> mu = point_masses(4, [(0, 0, 0, 0), (1, 0, 0, 0)])
    >>> mu.support, mu.total
    (array([0, 1]), 2)
    """
    return Distribution.point_masses(_cube_or_domain(d), pts, weights)


def uniform_on_subcube(d: int, fixed: Mapping[int, int]) -> Distribution:
    """Uniform on the subcube where the coordinates in ``fixed`` take the given bits.

    ``uniform_on_subcube(d, {0: 0})`` is unif(X_0) in the proof of Theorem 4.2.

    >>> uniform_on_subcube(3, {0: 0}).support
    array([0, 2, 4, 6])
    """
    X = Cube(d)
    mask, values = check_fixed(fixed, X.d)
    return Distribution._make_subcube(X, mask, values)  # no table until the support is asked for


def _subcube_points(d: int, mask: int, values: int, count: int | None = None) -> np.ndarray:
    """The sorted points of {x : x & mask == values} (the first ``count`` of them)."""
    free = [i for i in range(d) if not (mask >> i) & 1]
    n = 1 << len(free)
    k = np.arange(n if count is None else min(n, count), dtype=np.int64)
    support = np.full(k.shape, values, dtype=np.int64)
    for j, i in enumerate(free):
        support |= ((k >> j) & 1) << i
    return support  # increasing: the free bits of k are deposited in order


def from_weights(weights: Any, domain: Any = None) -> Distribution:
    """A distribution from a table of non-negative weights, one per point.

    Without ``domain`` the table has 2^d entries and the domain is {0,1}^d.

    >>> from fractions import Fraction
    >>> D = from_weights([Fraction(1, 2), 0, Fraction(1, 4), Fraction(1, 4)])
    >>> D.pmf(0), D.d
    (Fraction(1, 2), 2)
    """
    if domain is not None:
        return Distribution.from_weights(domain, weights)
    if isinstance(weights, (str, bytes)) or not isinstance(weights, (Iterable, np.ndarray)):
        raise fail_type("weights", weights, "a table of 2**d numbers")
    if not isinstance(weights, np.ndarray):
        weights = list(weights)
    n = len(weights)
    if n < 2 or n & (n - 1):
        raise fail("weights", f"<table of length {n}>", "a table whose length is a power of two >= 2 (or pass domain=)")
    return Distribution.from_weights(Cube(n.bit_length() - 1), weights)


def __getattr__(name: str) -> Any:
    if name == "FiniteDistribution":
        warnings.warn("FiniteDistribution is deprecated: finitelearn.Distribution serves every finite domain",
                      DeprecationWarning, stacklevel=2)
        return Distribution
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
