"""The passive student of Theorem 4.2: least squares on mu's two points."""

from __future__ import annotations

from fractions import Fraction

import dataclasses

import numpy as np
import pytest

import finitelearn as fl
from finitelearn.learners import least_squares_student, paper_mu, passive_student_report


@pytest.mark.parametrize("d", range(2, 9))
def test_agreement_one_on_mu_one_half_on_nu_but_for_x1(d):
    rows = passive_student_report(d)
    assert len(rows) == 2 ** (d - 1)
    for r in rows:
        assert r.agreement_mu == 1
        assert r.agreement_nu == (1 if r.subset == frozenset({0}) else Fraction(1, 2))


def test_the_regression_is_x1_for_every_teacher():
    """Derivation: rows (1, 0..0) and (1, 1, 0..0), labels 0 and 1 -> b = 0, w = e_1 (min norm)."""
    d = 6
    mu = paper_mu(d)
    for T in fl.paper_teachers(d):
        s = least_squares_student(T, mu)
        assert s.bias == 0 and s.weights == (1,) + (0,) * (d - 1)
        assert s.hypothesis == fl.dictator(d, 0) == fl.parity(d, {0})
    # an independent float computation (numpy's minimum-norm lstsq) agrees
    A = np.array([[1.0] + [0.0] * d, [1.0, 1.0] + [0.0] * (d - 1)])
    theta = np.linalg.lstsq(A, np.array([0.0, 1.0]), rcond=None)[0]
    assert np.allclose(theta, [0.0, 1.0] + [0.0] * (d - 1))


def test_weighted_least_squares_without_an_exact_fit_matches_numpy():
    d = 3
    pts = [0, 1, 2, 3, 7]
    w = [1, 2, 3, 1, 5]
    D = fl.point_masses(d, pts, weights=w)
    T = fl.majority(3)
    s = least_squares_student(T, D)
    X = np.array([[1.0] + [float((k >> i) & 1) for i in range(d)] for k in pts])
    y = np.array([float(T(k)) for k in pts])
    sw = np.sqrt(np.array(w, dtype=float))
    theta = np.linalg.lstsq(X * sw[:, None], y * sw, rcond=None)[0]
    assert np.allclose([float(s.bias)] + [float(v) for v in s.weights], theta)
    for k in range(8):
        score = float(s.bias) + sum(float(s.weights[i]) * ((k >> i) & 1) for i in range(d))
        if abs(score - 0.5) > 1e-9:
            assert s.hypothesis(k) == int(score >= 0.5)


def test_bad_input():
    with pytest.raises(fl.DomainMismatch):
        least_squares_student(fl.parity(3, 1), paper_mu(4))
    with pytest.raises(fl.InvalidType, match="teacher="):
        least_squares_student([0, 1], paper_mu(1))
    with pytest.raises(fl.InvalidArgument, match="d=1"):
        passive_student_report(1)


def test_boundaries_of_the_passive_student():
    """Support of 256 points is accepted, 257 refused; a distribution on a smaller or larger
    cube than the teacher is refused; the student is frozen."""
    T = fl.parity(9, 1)
    ok = fl.point_masses(9, list(range(256)))
    s = fl.learners.least_squares_student(T, ok)
    assert s.hypothesis.d == 9
    with pytest.raises(fl.InvalidArgument, match="at most 256 support points"):
        fl.learners.least_squares_student(T, fl.point_masses(9, list(range(257))))
    for d in (8, 10):
        with pytest.raises(fl.DomainMismatch, match=f"the teacher is on d=9 and the distribution on d={d}"):
            fl.learners.least_squares_student(T, fl.uniform(d) if d == 8 else fl.point_masses(10, [0, 1]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.bias = 0


def test_the_threshold_itself_predicts_1():
    """h(x) = [w . x + b >= threshold]: on mu = {000, 100} the dictator x_0 is interpolated by
    w = (1, 0, 0), b = 0 (the least-norm solution of b = 0, b + w_0 = 1, by hand), so its
    score is x_0, and the threshold 1 itself, reached at x_0 = 1, predicts 1 there."""
    mu = fl.point_masses(3, [(0, 0, 0), (1, 0, 0)])
    s = least_squares_student(fl.dictator(3, 0), mu, threshold=1)
    assert s.weights == (1, 0, 0) and s.bias == 0
    assert s.hypothesis == fl.dictator(3, 0)
