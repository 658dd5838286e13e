"""The passive student of Theorem 4.2: linear regression on the data generator's points.

The data generator mu of Section 4.1 is uniform on two points, 0 and e_1, and every
teacher of the class (4.3) labels them T(0) = 0 and T(e_1) = 1.  Least squares on those
two points (with a bias, minimum norm, exact) gives w = e_1, b = 0; thresholded at 1/2
the student is h(x) = x_1 = f_{{1}} for *every* teacher.  So h agrees with T on all of mu
(agreement 1) while on nu = uniform it agrees with f_S on exactly half the cube for every
S != {1}: the paper's adversarial vulnerability in one line.  The one exception is the
teacher f_{{1}} = x_1 itself, which the regression fits everywhere.

Examples
--------
>>> import finitelearn as fl
>>> mu = fl.point_masses(4, [(0, 0, 0, 0), (1, 0, 0, 0)])
>>> s = least_squares_student(fl.parity(4, {0, 2}), mu)
>>> [str(w) for w in s.weights], str(s.bias), s.hypothesis == fl.dictator(4, 0)
(['1', '0', '0', '0'], '0', True)
>>> [(sorted(r.subset), str(r.agreement_mu), str(r.agreement_nu)) for r in passive_student_report(3)]
[([0], '1', '1'), ([0, 1], '1', '1/2'), ([0, 2], '1', '1/2'), ([0, 1, 2], '1', '1/2')]
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from ..validation import as_fraction, check_dimension, fail, fail_type
from ..agreement import agreement_probability
from ..classes import paper_teachers
from ..distributions import Distribution, point_masses, uniform
from ..errors import DomainMismatch
from ..exact import lcm_of_denominators
from ..functions import BooleanFunction

__all__ = ["PassiveStudent", "least_squares_student", "PassiveReportRow", "passive_student_report", "paper_mu"]

_MAX_SUPPORT = 256


@dataclass(frozen=True)
class PassiveStudent:
    """A thresholded linear student h(x) = [w . x + b >= threshold].

    Attributes
    ----------
    weights : tuple of Fraction
        w_i for the paper's x_{i+1}.
    bias : Fraction
    threshold : Fraction
    hypothesis : BooleanFunction

    Examples
    --------
    >>> import finitelearn as fl
    >>> s = least_squares_student(fl.parity(3, {0, 1}), fl.point_masses(3, [(0, 0, 0), (1, 0, 0)]))
    >>> s.weights, s.bias, s.threshold
    ((Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)), Fraction(0, 1), Fraction(1, 2))
    """

    weights: tuple
    bias: Fraction
    threshold: Fraction
    hypothesis: BooleanFunction


def paper_mu(d: int) -> Distribution:
    """The data generator of Section 4.1: uniform on (0, ..., 0) and (1, 0, ..., 0).

    >>> paper_mu(3).support
    array([0, 1])
    """
    d = check_dimension(d)
    return point_masses(d, [0, 1])


def least_squares_student(teacher: BooleanFunction, distribution: Distribution, threshold: Any = Fraction(1, 2)) -> PassiveStudent:
    """Weighted least squares on the support of ``distribution`` (minimum norm, exact), thresholded.

    Fits (w, b) minimising sum_x P(x) (w . x + b - T(x))^2 over the support (the data the
    passive student sees when it samples from mu); among the minimisers, the one of least
    norm ||(b, w)||.  Computed exactly with sympy rationals.  The student predicts 1 where
    w . x + b >= ``threshold``.

    Parameters
    ----------
    teacher : BooleanFunction
    distribution : Distribution
        A distribution with at most 256 support points (the data generator).
    threshold : number
        Default 1/2.

    Examples
    --------
    >>> import finitelearn as fl
    >>> mu = fl.point_masses(3, [(0, 0, 0), (1, 0, 0)])
    >>> s = least_squares_student(fl.parity(3, {0, 2}), mu)
    >>> s.hypothesis == fl.dictator(3, 0)
    True
    """
    import sympy

    if not isinstance(teacher, BooleanFunction):
        raise fail_type("teacher", teacher, "a finitelearn.BooleanFunction")
    if not isinstance(distribution, Distribution):
        raise fail_type("distribution", distribution, "a finitelearn.Distribution")
    if distribution.d != teacher.d:
        raise DomainMismatch(f"the teacher is on d={teacher.d} and the distribution on d={distribution.d}")
    if distribution.support_size() > _MAX_SUPPORT:
        raise fail("distribution", distribution, f"a data generator with at most {_MAX_SUPPORT} support points")
    thr = as_fraction(threshold, "threshold")
    d = teacher.d
    pts = distribution.support_points().astype(int)
    y = [int(teacher(int(k))) for k in distribution.support.tolist()]
    w = [int(v) for v in distribution.weights.tolist()]
    A = sympy.Matrix([[1] + list(row) for row in pts.tolist()])
    Y = sympy.Matrix(y)
    G = A * A.T
    if G.rank() == A.rows:  # independent rows: the fit interpolates, weights play no part
        theta = A.T * G.inv() * Y
    else:
        Wm = sympy.diag(*w)
        theta = (A.T * Wm * A).pinv() * (A.T * Wm * Y)
    coef = [Fraction(int(sympy.fraction(c)[0]), int(sympy.fraction(c)[1])) for c in theta]
    bias, weights = coef[0], tuple(coef[1:])
    # h(x) = [w . x + b >= thr], over all points: integer arithmetic on a common denominator
    den = lcm_of_denominators(coef + [thr])
    wi = np.array([int(c * den) for c in weights], dtype=object)
    score = np.full(1 << d, int(bias * den), dtype=object)
    k = np.arange(1 << d, dtype=np.int64)
    for i in range(d):
        if wi[i]:
            score = score + ((k >> i) & 1).astype(object) * wi[i]
    table = (score >= int(thr * den)).astype(np.uint8)
    return PassiveStudent(weights, bias, thr, BooleanFunction.from_truth_table(table))


@dataclass(frozen=True)
class PassiveReportRow:
    """One teacher f_S of the class (4.3) against the passive student trained on mu.

    >>> row = passive_student_report(2)[1]
    >>> sorted(row.subset), row.agreement_mu, row.agreement_nu
    ([0, 1], Fraction(1, 1), Fraction(1, 2))
    """

    subset: frozenset
    agreement_mu: Fraction
    agreement_nu: Fraction


def passive_student_report(d: int) -> list[PassiveReportRow]:
    """For every teacher of (4.3): the passive student's exact agreement on mu and on nu = uniform.

    Theorem 4.2's setting: agreement 1 on mu for every teacher, 1/2 on nu for every
    teacher except f_{{1}} (agreement 1).

    >>> [(sorted(r.subset), r.agreement_mu, r.agreement_nu) for r in passive_student_report(2)]
    [([0], Fraction(1, 1), Fraction(1, 1)), ([0, 1], Fraction(1, 1), Fraction(1, 2))]
    """
    d = check_dimension(d, minimum=2)
    mu = paper_mu(d)
    nu = uniform(d)
    rows = []
    C = paper_teachers(d)
    for S, T in zip(C.subsets(), C):
        h = least_squares_student(T, mu).hypothesis
        rows.append(PassiveReportRow(S, agreement_probability(h, T, mu), agreement_probability(h, T, nu)))
    return rows
