"""Teachers with an uncertain label U, and students (Section 3 of the paper).

The teacher T of Section 3.2 assigns each point of a finite domain X a class
``0 .. K-1`` or the uncertain label U (``UNCERTAIN = -1``, docs/design.md); its confident
regions are Omega_k = {x : T(x) = k} and its uncertain region Omega_U = {x : T(x) = U},
with Omega_0 u ... u Omega_{K-1} u Omega_U = X.

A student (the labelling S of Definitions 3.1 and 3.2) lives in
:mod:`finitelearn.student`.

Binary labels.  For two classes the paper writes A and B.  Remark 3.2 builds a teacher
from a score N(x) in [0,1], "the probability that the input belongs to class A"; here
that class is label 1 (as a BooleanFunction is the indicator of label 1), so A = 1 and
B = 0 throughout (``finitelearn.paper.figure_3_2`` included).

Examples
--------
>>> import finitelearn as fl
>>> T = fl.Teacher.from_table([0, fl.UNCERTAIN, 1, 1])      # on {0,1}^2
>>> T.omega(1), T.omega_uncertain(), T.confident_region()
(array([2, 3]), array([1]), array([0, 2, 3]))
>>> T((0, 1)), T.n_classes
(1, 2)
"""

from __future__ import annotations

import numbers
from fractions import Fraction
from typing import Any, Callable, Iterable

import numpy as np

from .progress import points_with_progress
from .validation import as_fraction, check_int, fail, fail_type, read_only
from .domains import Cube, FiniteDomain, as_domain
from .errors import DomainMismatch
from .functions import BooleanFunction

__all__ = ["UNCERTAIN", "MAX_CLASSES", "Labelling", "Teacher", "tabulate_labels", "label_array", "domain_for_table"]

#: The teacher's uncertain label U (Section 3.2), stored in int8 tables.
UNCERTAIN = -1

MAX_CLASSES = 127



def domain_for_table(n: int, domain: Any, name: str) -> FiniteDomain:
    if domain is None:
        if n < 2 or n & (n - 1):
            raise fail(name, f"<table of length {n}>",
                       "a table of length 2**d for the cube, or pass domain= (e.g. a finitelearn.Grid)")
        return Cube(n.bit_length() - 1)
    domain = as_domain(domain)
    if n != domain.size:
        raise fail(name, f"<table of length {n}>", f"a table of {domain.size} labels, one per point of {domain!r}")
    return domain


def label_array(table: Any, name: str, allow_uncertain: bool) -> np.ndarray:
    if isinstance(table, (str, bytes)) or not isinstance(table, Iterable):
        raise fail_type(name, table, "a table of integer labels")
    arr = np.asarray(table if isinstance(table, np.ndarray) else list(table))
    if arr.ndim != 1:
        raise fail(name, table, "a one-dimensional table of labels")
    if arr.dtype == object:
        arr = np.asarray([UNCERTAIN if v is None and allow_uncertain else v for v in arr.tolist()])
    if arr.dtype.kind not in "biu":
        raise fail_type(name, table, f"integer labels (got dtype {arr.dtype})")
    arr = arr.astype(np.int64)
    lo = UNCERTAIN if allow_uncertain else 0
    bad = (arr < lo) | (arr >= MAX_CLASSES)
    if bad.any():
        allowed = (f"labels 0..{MAX_CLASSES - 1} or UNCERTAIN (-1)" if allow_uncertain
                   else f"labels 0..{MAX_CLASSES - 1} (a student never outputs U)")
        raise fail(name, int(arr[bad][0]), allowed)
    return arr.astype(np.int8)


def _check_n_classes(n_classes: Any, table: np.ndarray) -> int:
    top = int(table.max()) + 1 if table.size else 0
    if n_classes is None:
        return max(2, top)
    K = check_int(n_classes, "n_classes")
    if not 2 <= K <= MAX_CLASSES:
        raise fail("n_classes", n_classes, f"an int in 2..{MAX_CLASSES}")
    if top > K:
        raise fail("n_classes", n_classes, f"more classes than the largest label (found label {top - 1})")
    return K


def tabulate_labels(domain: FiniteDomain, fn: Any, allow_uncertain: bool) -> np.ndarray:
    """``fn`` (point coordinates -> label) at every point of ``domain``, as an int8 table.

    Labels are 0..MAX_CLASSES-1, or ``UNCERTAIN`` (None too) when ``allow_uncertain``
    (a teacher; a student never outputs U).

    >>> tabulate_labels(as_domain(1), lambda x: x[0], allow_uncertain=False)
    array([0, 1], dtype=int8)
    """
    if not callable(fn):
        raise fail_type("fn", fn, "a callable taking a point's coordinates")
    lo = UNCERTAIN if allow_uncertain else 0
    allowed = (f"a callable returning a label 0..{MAX_CLASSES - 1} or UNCERTAIN" if allow_uncertain
               else f"a callable returning a label 0..{MAX_CLASSES - 1} (a student never outputs U")
    out = np.empty(domain.size, dtype=np.int8)
    for k in points_with_progress(domain.size, "tabulating fn"):
        x = domain.point(k)
        v = fn(x)
        if v is None and allow_uncertain:
            v = UNCERTAIN
        if isinstance(v, (bool, np.bool_)):
            v = int(v)
        if not isinstance(v, numbers.Integral) or not lo <= int(v) < MAX_CLASSES:
            sep = "; " if not allow_uncertain else " ("
            raise fail("fn", fn, f"{allowed}{sep}returned {v!r} at x={x})")
        out[k] = int(v)
    return out


class Labelling:
    """A table of int8 labels over the points of a finite domain: what a teacher T and a
    student S of Section 3 both are (the teacher's table may hold ``UNCERTAIN``)."""

    __slots__ = ("_domain", "_table")
    _domain: FiniteDomain
    _table: np.ndarray

    @property
    def domain(self) -> FiniteDomain:
        """The finite domain X."""
        return self._domain

    @property
    def table(self) -> np.ndarray:
        """Read-only int8 labels over the domain's points, in index order."""
        return self._table

    def __call__(self, x: Any) -> int:
        """The label of a point given by its coordinates or index."""
        return int(self._table[self._domain.index(x, "x")])


class Teacher(Labelling):
    """A teacher T: X -> {0, ..., K-1, U} on a finite domain (Section 3.2).

    Build one with :meth:`from_table`, :meth:`from_callable` or :meth:`from_score`
    (Remark 3.2).  The table is a read-only int8 array over the domain's points, with
    ``UNCERTAIN = -1`` for U.

    Examples
    --------
    >>> import finitelearn as fl
    >>> G = fl.Grid.square(5)
    >>> T = Teacher.from_callable(G, lambda x: 1 if x[0] >= Fraction(1, 2) else
    ...                                      0 if x[0] <= Fraction(-1, 2) else fl.UNCERTAIN)
    >>> len(T.omega(1)), len(T.omega(0)), len(T.omega_uncertain())
    (10, 10, 5)
    """

    __slots__ = ("_K",)
    _K: int

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("use Teacher.from_table, Teacher.from_callable or Teacher.from_score")

    @classmethod
    def _make(cls, domain: FiniteDomain, table: np.ndarray, K: int) -> "Teacher":
        self = object.__new__(cls)
        self._domain = domain
        self._table = read_only(np.ascontiguousarray(table, dtype=np.int8))
        self._K = K
        return self

    # -- constructors ---------------------------------------------------------------
    @classmethod
    def from_table(cls, table: Any, domain: Any = None, n_classes: Any = None) -> "Teacher":
        """A teacher from its labels: ints 0..K-1 or ``UNCERTAIN`` (or None) for U.

        Parameters
        ----------
        table : array_like of int, or BooleanFunction
            One label per point of the domain, in index order.  A BooleanFunction is a
            teacher on its cube that is never uncertain.
        domain : FiniteDomain or int, optional
            Defaults to the cube {0,1}^d with 2^d = len(table).
        n_classes : int, optional
            K; defaults to max(2, largest label + 1).

        Examples
        --------
        >>> Teacher.from_table([1, -1, 0, 0]).table
        array([ 1, -1,  0,  0], dtype=int8)
        """
        if isinstance(table, BooleanFunction):
            if domain is not None and as_domain(domain) != Cube(table.d):
                raise DomainMismatch(f"table is on {{0,1}}^{table.d} and domain is {as_domain(domain)!r}")
            arr = table.truth_table.astype(np.int8)
            return cls._make(Cube(table.d), arr, _check_n_classes(n_classes, arr))
        arr = label_array(table, "table", allow_uncertain=True)
        dom = domain_for_table(arr.shape[0], domain, "table")
        return cls._make(dom, arr, _check_n_classes(n_classes, arr))

    @classmethod
    def from_callable(cls, domain: Any, fn: Callable[[tuple], Any], n_classes: Any = None) -> "Teacher":
        """Tabulate ``fn`` (point coordinates -> label or ``UNCERTAIN``/None) on the domain.

        ``fn`` receives bits on the cube and exact Fractions on a grid.

        >>> Teacher.from_callable(2, lambda x: UNCERTAIN if x[0] == x[1] else x[0]).table
        array([-1,  1,  0, -1], dtype=int8)
        """
        domain = as_domain(domain)
        out = tabulate_labels(domain, fn, allow_uncertain=True)
        return cls._make(domain, out, _check_n_classes(n_classes, out))

    @classmethod
    def from_score(cls, domain: Any, score: Any, lo: Any = Fraction(1, 100), hi: Any = Fraction(99, 100)) -> "Teacher":
        """Remark 3.2: T = A (label 1) if N(x) > hi, B (label 0) if N(x) < lo, U otherwise.

        Parameters
        ----------
        domain : FiniteDomain or int
        score : callable or array_like
            N: X -> [0,1], the probability of class A; a callable on coordinates or a
            table over the domain.  Values are taken exactly (floats by their decimal
            repr, so 0.99 is 99/100).
        lo, hi : rational
            The thresholds, 0 <= lo <= hi <= 1 (the paper's 0.01 and 0.99 by default).

        Examples
        --------
        >>> Teacher.from_score(2, [0, "1/2", "0.995", 1]).table
        array([ 0, -1,  1,  1], dtype=int8)
        >>> Teacher.from_score(2, [0, "1/2", "0.995", 1], lo="1/2", hi="1/2").table
        array([ 0, -1,  1,  1], dtype=int8)
        """
        domain = as_domain(domain)
        lo_q = as_fraction(lo, "lo")
        hi_q = as_fraction(hi, "hi")
        if not 0 <= lo_q <= 1:
            raise fail("lo", lo, "a number in [0, 1]")
        if not 0 <= hi_q <= 1:
            raise fail("hi", hi, "a number in [0, 1]")
        if lo_q > hi_q:
            raise fail("lo", lo, f"a threshold lo <= hi (hi={hi_q}): lo > hi would make a point both A and B")
        if callable(score):
            values = []
            for k in points_with_progress(domain.size, "tabulating score"):
                x = domain.point(k)
                try:
                    values.append(as_fraction(score(x), "score"))
                except (ValueError, TypeError) as e:
                    raise fail("score", score, f"a callable returning a number in [0, 1] ({e} at x={x})") from None
        elif isinstance(score, Iterable) and not isinstance(score, (str, bytes)):
            raw = list(score)
            if len(raw) != domain.size:
                raise fail("score", f"<table of length {len(raw)}>", f"{domain.size} values, one per point")
            values = [as_fraction(v, "score") for v in raw]
        else:
            raise fail_type("score", score, "a callable or a table of numbers in [0, 1]")
        for k, v in enumerate(values):
            if not 0 <= v <= 1:
                raise fail("score", score, f"values in [0, 1] (N = {v} at x={domain.point(k)})")
        out = np.asarray([1 if v > hi_q else 0 if v < lo_q else UNCERTAIN for v in values], dtype=np.int8)
        return cls._make(domain, out, 2)

    # -- the teacher ----------------------------------------------------------------
    @property
    def n_classes(self) -> int:
        """K, the number of classes (U not counted)."""
        return self._K

    def omega(self, k: Any) -> np.ndarray:
        """Omega_k = {x : T(x) = k}, as sorted int64 point indices.

        ``k`` may be ``UNCERTAIN`` (the same as :meth:`omega_uncertain`).

        >>> Teacher.from_table([0, UNCERTAIN, 1, 1]).omega(1)
        array([2, 3])
        """
        if isinstance(k, (bool, np.bool_)) or not isinstance(k, numbers.Integral):
            raise fail_type("k", k, "a class label (int) or UNCERTAIN")
        if not (int(k) == UNCERTAIN or 0 <= int(k) < self._K):
            raise fail("k", k, f"a class label in 0..{self._K - 1} or UNCERTAIN (-1)")
        return np.flatnonzero(self._table == int(k)).astype(np.int64)

    def omega_uncertain(self) -> np.ndarray:
        """Omega_U = {x : T(x) = U}, as sorted int64 point indices.

        >>> Teacher.from_table([0, UNCERTAIN, 1, 1]).omega_uncertain()
        array([1])
        """
        return np.flatnonzero(self._table == UNCERTAIN).astype(np.int64)

    def confident_mask(self) -> np.ndarray:
        """Bool mask of the confident region Omega_0 u ... u Omega_{K-1}.

        >>> Teacher.from_table([0, UNCERTAIN, 1, 1]).confident_mask()
        array([ True, False,  True,  True])
        """
        return self._table != UNCERTAIN

    def confident_region(self) -> np.ndarray:
        """The union of the Omega_k of (3.1), as sorted int64 point indices.

        >>> Teacher.from_table([0, UNCERTAIN, 1, 1]).confident_region()
        array([0, 2, 3])
        """
        return np.flatnonzero(self._table != UNCERTAIN).astype(np.int64)

    def region_points(self, k: Any) -> list[tuple]:
        """Omega_k as a list of points (coordinates).

        >>> Teacher.from_table([0, UNCERTAIN, 1, 1]).region_points(1)
        [(0, 1), (1, 1)]
        """
        return [self._domain.point(int(i)) for i in self.omega(k)]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Teacher):
            return NotImplemented
        return self._domain == other._domain and self._K == other._K and np.array_equal(self._table, other._table)

    def __hash__(self) -> int:
        return hash((self._domain, self._K, self._table.tobytes()))

    def __repr__(self) -> str:
        sizes = ", ".join(f"|Omega_{k}|={int((self._table == k).sum())}" for k in range(self._K))
        return f"Teacher(on {self._domain!r}, {sizes}, |Omega_U|={int((self._table == UNCERTAIN).sum())})"
