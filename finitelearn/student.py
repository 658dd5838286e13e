"""Students: the labelling S: X -> {0, ..., K-1} of Definitions 3.1 and 3.2 (never U).

In Section 3 of the paper the student is the trained model S, compared point by point
with the teacher.  On the cube a :class:`finitelearn.BooleanFunction` is a student as it
is; :class:`Student` covers K classes and any finite domain, and
:class:`LinearStudent` is the linear model with a gradient that the fast-gradient attack
of Section 3.2 needs.  (The query-asking algorithms of Section 4 are the *learners* of
:mod:`finitelearn.learners`.)

Examples
--------
>>> import finitelearn as fl
>>> S = fl.Student.from_table([0, 1, 1, 1])
>>> S((1, 0)), student_labels(fl.dictator(2, 0), fl.Cube(2)).tolist()
(1, [0, 1, 0, 1])
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from .domains import Cube, FiniteDomain, Grid, as_domain
from .errors import DomainMismatch
from .exact import lcm_of_denominators
from .functions import BooleanFunction
from .teacher import Labelling, domain_for_table, label_array, tabulate_labels
from .validation import as_fraction, fail, fail_type, read_only

__all__ = ["Student", "LinearStudent", "student_labels"]



class Student(Labelling):
    """A student S: X -> {0, ..., K-1} on a finite domain (never U).

    On the cube a :class:`finitelearn.BooleanFunction` is a student as it is; this class
    covers K classes and other domains.  See also :class:`finitelearn.LinearStudent`.

    Examples
    --------
    >>> import finitelearn as fl
    >>> S = Student.from_callable(fl.Grid.square(3), lambda x: int(x[1] > 0))
    >>> S.table
    array([0, 0, 0, 0, 0, 0, 1, 1, 1], dtype=int8)
    """

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("use Student.from_table, Student.from_callable or finitelearn.LinearStudent")

    def _init(self, domain: FiniteDomain, table: np.ndarray) -> None:
        self._domain = domain
        self._table = read_only(np.ascontiguousarray(table, dtype=np.int8))

    @classmethod
    def from_table(cls, table: Any, domain: Any = None) -> "Student":
        """A student from its labels 0..K-1 (domain defaults to the cube of that size).

        >>> Student.from_table([0, 2, 1, 1]).table
        array([0, 2, 1, 1], dtype=int8)
        """
        if isinstance(table, BooleanFunction):
            table = table.truth_table
        arr = label_array(table, "table", allow_uncertain=False)
        self = object.__new__(cls)
        self._init(domain_for_table(arr.shape[0], domain, "table"), arr)
        return self

    @classmethod
    def from_callable(cls, domain: Any, fn: Callable[[tuple], Any]) -> "Student":
        """Tabulate ``fn`` (point coordinates -> label 0..K-1) on the domain.

        >>> Student.from_callable(2, lambda x: x[0] & x[1]).table
        array([0, 0, 0, 1], dtype=int8)
        """
        domain = as_domain(domain)
        out = tabulate_labels(domain, fn, allow_uncertain=False)
        self = object.__new__(cls)
        self._init(domain, out)
        return self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Student):
            return NotImplemented
        return self._domain == other._domain and np.array_equal(self._table, other._table)

    def __hash__(self) -> int:
        return hash((self._domain, self._table.tobytes()))

    def __repr__(self) -> str:
        return f"Student(on {self._domain!r}, {len(np.unique(self._table))} labels used)"


def student_labels(student: Any, domain: FiniteDomain, name: str = "student") -> np.ndarray:
    """The student's labels over ``domain`` as an int8 array (checks type and domain).

    >>> import finitelearn as fl
    >>> student_labels(fl.dictator(2, 0), fl.Cube(2))
    array([0, 1, 0, 1], dtype=int8)
    """
    if isinstance(student, BooleanFunction):
        if domain != Cube(student.d):
            raise DomainMismatch(f"{name} is on {{0,1}}^{student.d} and the teacher on {domain!r}")
        return student.truth_table.astype(np.int8)
    if isinstance(student, Student):
        if student.domain != domain:
            raise DomainMismatch(f"{name} is on {student.domain!r} and the teacher on {domain!r}")
        return student.table
    raise fail_type(name, student, "a finitelearn.BooleanFunction (cube) or a finitelearn.Student")


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
        D = lcm_of_denominators([const, *coef])
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
    D = lcm_of_denominators(vals)
    return np.asarray([int(v * D) for v in vals], dtype=object), D
