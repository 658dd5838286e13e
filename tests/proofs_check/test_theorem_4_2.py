"""Theorem 4.2 checks at small d, with the numbers they must find computed independently."""

from __future__ import annotations

from fractions import Fraction
from itertools import product

from proofs_check import (thm_4_2_bound, thm_4_2_inequality, thm_4_2_restriction, thm_4_2_setting,
                          thm_4_2_simulation)
from proofs_check.report import ERRATUM, VERIFIED


def test_setting():
    r = thm_4_2_setting.check(d_max=5)
    assert r.verdict == VERIFIED, r.witness
    assert r.checked == sum(2 ** (d - 1) for d in range(2, 6))
    assert thm_4_2_setting.regression_student(3, bias=True) == ([1, 0, 0], 0)


def test_restriction_and_the_x3_typo():
    r = thm_4_2_restriction.check(d_max=6)
    assert r.verdict == ERRATUM
    assert r.details["literal_reading_correct_for_d"] == [3]
    assert "x_2, ..., x_3" in r.claim


def naive_equality_cases(d):
    """(h, T) with P_X(h != T) = eps > 0 and P_X0(h = T) = 1 - 2 eps, from the definitions."""
    n = 2**d
    count = 0
    teachers = [S for S in range(n) if S & 1]
    for T in teachers:
        t = [bin(S_x).count("1") % 2 for S_x in (T & x for x in range(n))]
        for h in product((0, 1), repeat=n):
            a = sum(h[x] != t[x] for x in range(n))
            if a == 0:
                continue
            eps = Fraction(a, n)
            p0 = Fraction(sum(h[x] == t[x] for x in range(0, n, 2)), n // 2)
            if p0 == 1 - 2 * eps:
                count += 1
    return count


def test_inequality_equality_cases():
    r = thm_4_2_inequality.check(d_max=3)
    assert r.verdict == ERRATUM, r.witness
    assert r.details["equality_cases"] == {2: naive_equality_cases(2), 3: naive_equality_cases(3)}
    assert "1/4" in r.witness and "1/2" in r.witness


def test_simulation():
    r = thm_4_2_simulation.check(d_max=3)
    assert r.verdict == ERRATUM, r.witness
    assert all(r.details["facts"].values())


def test_bound_and_eps_range():
    r = thm_4_2_bound.check(d_max=8)
    assert r.verdict == ERRATUM, r.witness
    assert "eps >= 1/2" in r.witness
    # one h never satisfies (4.4) for two teachers at eps = 1/8 (1/(1-2eps)^2 = 16/9 < 2)
    assert all(v == 1 for k, v in r.details["max_teachers_one_h_satisfies"].items() if k.endswith("eps=1/8"))


def test_removal_bound_closed_form():
    assert [thm_4_2_bound.removal_bound(Fraction(1, k)) for k in (2, 3, 4, 8)] == [0, 2, 3, 15]
    assert thm_4_2_bound.removal_bound(Fraction(3, 10)) == 2       # 1/(4 * 0.09) = 2.77...
