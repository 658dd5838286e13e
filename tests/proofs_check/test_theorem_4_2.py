"""Theorem 4.2 checks at small d, the numbers they must find computed independently, and a
planted mutation per check that must change its verdict."""

from __future__ import annotations

from fractions import Fraction
from itertools import product

import finitelearn as fl
from proofs_check import (thm_4_2_bound, thm_4_2_inequality, thm_4_2_restriction, thm_4_2_setting,
                          thm_4_2_simulation)
from proofs_check.report import ERRATUM, GAP, REFUTED, VERIFIED


def test_setting(monkeypatch):
    [r] = thm_4_2_setting.check(d_max=5)
    assert r.verdict == VERIFIED, r.evidence
    assert r.count == sum(2 ** (d - 1) for d in range(2, 6))
    assert thm_4_2_setting.regression_student(3, bias=True) == ([1, 0, 0], 0)
    monkeypatch.setattr(thm_4_2_setting, "regression_student", lambda d, bias: ([1] + [0] * (d - 1), Fraction(1, 2)))
    assert thm_4_2_setting.check(d_max=4)[0].verdict == REFUTED


def test_restriction_and_the_x3_typo(monkeypatch):
    [r] = thm_4_2_restriction.check(d_max=6)
    assert r.verdict == ERRATUM
    assert r.details["literal_reading_correct_for_d"] == [3]
    assert "x_2, ..., x_3" in r.claim
    assert thm_4_2_restriction.check(d_max=3)[0].verdict == VERIFIED        # no counterexample at d <= 3
    monkeypatch.setattr(fl, "paper_teachers", lambda d: fl.parities(d))     # the wrong class
    assert thm_4_2_restriction.check(d_max=4)[0].verdict == REFUTED


def naive_equality_cases(d):
    """(h, T) with P_X(h != T) = eps > 0 and P_X0(h = T) = 1 - 2 eps, from the definitions."""
    n = 2**d
    count = 0
    for T in [S for S in range(n) if S & 1]:
        t = [bin(T & x).count("1") % 2 for x in range(n)]
        for h in product((0, 1), repeat=n):
            a = sum(h[x] != t[x] for x in range(n))
            if a == 0:
                continue
            eps = Fraction(a, n)
            p0 = Fraction(sum(h[x] == t[x] for x in range(0, n, 2)), n // 2)
            if p0 == 1 - 2 * eps:
                count += 1
    return count


def test_inequality_equality_cases(monkeypatch):
    [r] = thm_4_2_inequality.check(d_max=3)
    assert r.verdict == GAP, r.evidence
    assert r.details["equality_cases"] == {2: naive_equality_cases(2), 3: naive_equality_cases(3)}
    assert "1/4" in r.evidence and "1/2" in r.evidence
    original = thm_4_2_inequality.all_tables
    monkeypatch.setattr(thm_4_2_inequality, "all_tables", lambda n: original(n)[:-1])   # a dropped case
    assert thm_4_2_inequality.check(d_max=3)[0].verdict == REFUTED


def test_simulation_one_query_suffices(monkeypatch):
    [r] = thm_4_2_simulation.check(d_max=4)
    assert r.verdict == GAP, r.evidence
    assert all(r.details["facts"].values())
    assert "two queries" not in r.evidence.replace("'two queries are needed'", "")
    assert "2alpha" in r.evidence and "halved" in r.evidence
    # the wrong restriction (x_1 = 1 instead of x_1 = 0) must break the identity
    original = fl.BooleanFunction.restrict
    monkeypatch.setattr(fl.BooleanFunction, "restrict", lambda self, fixed: original(self, {0: 1}))
    assert thm_4_2_simulation.check(d_max=3)[0].verdict == REFUTED


def test_single_query_by_hand():
    """chi_h on X_0 has twice the value of the feature query, for the old witness h = [x = e_1]."""
    n = 8  # d = 3
    for S in (1, 3, 5, 7):
        t = [bin(S & x).count("1") % 2 for x in range(n)]
        h = [int(x == 1) for x in range(n)]
        feature = Fraction(sum(h[x] * t[x] for x in range(n)), n)
        chi = [h[2 * k] * t[2 * k] + h[2 * k + 1] * (1 - t[2 * k]) for k in range(n // 2)]
        assert set(chi) <= {0, 1} and Fraction(sum(chi), n // 2) == 2 * feature == Fraction(2, n)


def test_bound_and_eps_range(monkeypatch):
    rs = thm_4_2_bound.check(d_max=8)
    assert [r.verdict for r in rs] == [ERRATUM, GAP, VERIFIED], [r.evidence for r in rs]
    assert "eps >= 1/2" in rs[0].evidence
    assert all(v == 1 for k, v in rs[2].details["max_teachers_one_h_satisfies"].items() if k.endswith("eps=1/8"))
    original = thm_4_2_bound.removal_bound
    monkeypatch.setattr(thm_4_2_bound, "removal_bound", lambda alpha: max(0, original(alpha) - 1))  # wrong constant
    assert thm_4_2_bound.check(d_max=5)[2].verdict == REFUTED


def test_removal_bound_closed_form():
    assert [thm_4_2_bound.removal_bound(Fraction(1, k)) for k in (2, 3, 4, 8)] == [0, 2, 3, 15]
    assert thm_4_2_bound.removal_bound(Fraction(3, 10)) == 2       # 1/(4 * 0.09) = 2.77...
