"""Theorem 4.2, its setting: mu says nothing about which teacher, yet fits them all.

The paper: mu is uniform on the two points 0 = (0, ..., 0) and e_1 = (1, 0, ..., 0), nu is
uniform on X = {0,1}^d, the teachers are T = {f_S : 1 in S} (4.3), and "since mu only
supports on two points, teachers in T can be learned by a simple linear regression on mu".
Checked exactly, for every teacher and d = 2..d_max:

1. every teacher gives the same labelled data on supp(mu): T(0) = 0 and T(e_1) = 1, so the
   data from mu carries no information about which teacher it is (all 2^(d-1) of them
   produce the same sample, with probability 1);
2. the least-squares fit on supp(mu) (with and without bias, minimum-norm solution, exact
   rationals via sympy's pseudo-inverse) is y = x_1, and its 0/1 student h = [y >= 1/2]
   agrees with every teacher on mu (P_mu(h = T) = 1, ``fl.agreement_probability``);
3. but the same student is (A, mu, eps)-robust for a single teacher only: P_nu(h = T) = 1
   for T = f_{1} and exactly 1/2 for the other 2^(d-1) - 1 teachers.  So "learned on mu"
   is not "learned on nu": this is the gap Theorem 4.2 is about.
"""

from __future__ import annotations

from fractions import Fraction

import sympy

import finitelearn as fl

from .common import set_text
from .report import REFUTED, VERIFIED, Report, failed_facts

REFERENCE = "Sec. 4.1 before Thm 4.2, (4.3)"
DEFAULT_D_MAX = 10
MAX_D = 14
CAP_REASON = "agreement of 2^(d-1) teachers over 2^d points: d = 14 is 2^13 x 2^14"


def regression_student(d: int, bias: bool) -> tuple[list[Fraction], Fraction]:
    """Exact minimum-norm least squares on supp(mu) = {0, e_1} with labels (0, 1)."""
    rows = [[0] * d, [1] + [0] * (d - 1)]
    if bias:
        rows = [[1] + r for r in rows]
    X = sympy.Matrix(rows)
    y = sympy.Matrix([0, 1])
    w = X.pinv() * y
    coef = [Fraction(int(sympy.fraction(c)[0]), int(sympy.fraction(c)[1])) for c in w]
    return (coef[1:], coef[0]) if bias else (coef, Fraction(0))


def check(d_max: int = DEFAULT_D_MAX) -> list[Report]:
    d_max = min(int(d_max), MAX_D)          # larger d: see MAX_D
    facts: dict[str, bool] = {}
    checked = 0
    for d in range(2, d_max + 1):
        T = fl.paper_teachers(d)
        mu = fl.point_masses(d, [(0,) * d, (1,) + (0,) * (d - 1)])
        nu = fl.uniform(d)
        e1 = 1
        facts[f"same labels on supp(mu), d={d}"] = all(f(0) == 0 and f(e1) == 1 for f in T)
        for bias in (False, True):
            w, b = regression_student(d, bias)
            facts[f"regression is y = x_1 (bias={bias}), d={d}"] = (
                w == [1] + [0] * (d - 1) and b == 0)
        h = fl.BooleanFunction.from_callable(d, lambda x: int(x[0] >= Fraction(1, 2)))
        facts[f"h fits every teacher on mu, d={d}"] = all(
            fl.agreement_probability(h, f, mu) == 1 for f in T)
        on_nu = [fl.agreement_probability(h, f, nu) for f in T]
        subsets = T.subsets()
        facts[f"h on nu: 1 for f_{{1}}, 1/2 otherwise, d={d}"] = all(
            (a == 1) if S == frozenset({0}) else (a == Fraction(1, 2)) for S, a in zip(subsets, on_nu))
        checked += len(T)
    holds = all(facts.values())
    evidence = (
        f"for d=2..{d_max} all 2^(d-1) teachers give T(0)=0, T(e_1)=1; least squares on mu "
        f"(min-norm, with/without bias) is y = x_1 for every teacher; h = x_1 has P_mu(h=T) = 1 "
        f"for all T but P_nu(h=T) = 1/2 for every T != f_{set_text(1)}"
    ) if holds else failed_facts(facts)
    return [Report(
        title="Regression on mu fits every teacher (and is robust for one)",
        claim='"Then, since mu only supports on two points, teachers in T can be learned by a simple linear '
              'regression on mu."',
        reference=REFERENCE, verdict=VERIFIED if holds else REFUTED,
        checked=f"every teacher of (4.3), d=2..{d_max}: its labels on supp(mu), the exact least-squares fit, "
                f"P_mu and P_nu of agreement", evidence=evidence,
        independent_reference="the labels T(0) = 0, T(e_1) = 1 from the definition (|S & 0| = 0, 1 in S); the "
                              "fit by sympy's exact pseudo-inverse (no finitelearn code)",
        count=checked, d_min=2, d_max=d_max, details={"facts": facts})]
