"""Theorem 4.1 "for any fixed accuracy eps": true only for eps < 1/2.

The paper states Theorem 4.1 (Kearns' Theorem 5) "for any fixed accuracy eps" with the
success criterion P(h = f) > 1 - eps of (4.2).  Mechanical check of what eps it needs:

* eps > 1/2: the constant hypothesis h = 0 satisfies (4.2) for every parity with *zero*
  queries (P(h = f_S) >= 1/2 > 1 - eps);
* eps = 1/2: one statistical query chi(x, y) = y at tolerance 1/5 (answer 0 for f_empty,
  1/2 for every other parity: the intervals of width 2/5 do not meet) tells f_empty apart;
  then h = 0 for f_empty and h = OR(x_1, ..., x_d) otherwise gives
  P(OR = f_S) = 1/2 + 2^(-d) > 1/2 for every S != empty.  Both numbers are computed
  exactly with ``fl.agreement_probability`` for every parity;
* eps < 1/2 (the corrected statement): the claim holds.  Put gamma = 1 - 2 eps > 0; a
  hypothesis h satisfies (4.2) for f_S iff Hhat(S) > gamma (H = (-1)^h), and by Parseval at
  most floor((1/gamma^2) - tiny) parities qualify: checked exhaustively over all 2^(2^d)
  hypotheses for d <= 4 (k Hhat_(k)^2 <= 1 for every k with Hhat_(k) > 0).  With the
  null responder of thm_4_1_parities each query removes fewer than 1/(4 alpha^2)
  candidates, so a student needs at least (2^d - 1/gamma^2) * 4 alpha^2 queries.

Verdict ``erratum``: the statement needs "for any fixed eps < 1/2" (Kearns' theorem is
about eps < 1/2; at eps = 1/2 even weak learning is easy here, and the equality case
1/2 + 2^(-d) shows the advantage vanishes exponentially, as the corrected theorem says).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

import finitelearn as fl

from .common import all_tables, set_text, sign_matrix
from .report import ERRATUM, REFUTED, VERIFIED, Report, failed_facts

REFERENCE = "Thm 4.1, (4.2)"
DEFAULT_D_MAX = 10
MAX_D = 14
CAP_REASON = "agreement of OR with 2^d parities over 2^d points: 4^14 entries at d = 14"
EXHAUSTIVE_D = 4


def check(d_max: int = DEFAULT_D_MAX) -> list[Report]:
    d_max = min(int(d_max), MAX_D)          # larger d: see MAX_D
    facts: dict[str, bool] = {}
    checked = 0

    # eps > 1/2: constant 0, no queries
    for d in range(1, d_max + 1):
        U = fl.uniform(d)
        zero = fl.constant(d, 0)
        facts[f"constant h, d={d}"] = all(fl.agreement_probability(zero, f, U) >= Fraction(1, 2)
                                          for f in fl.parities(d))
        checked += 1 << d

    # eps = 1/2: one query, then OR
    alpha = Fraction(1, 5)
    for d in range(1, d_max + 1):
        U = fl.uniform(d)
        chi_y = [U.probability(f) for f in fl.parities(d)]          # E[chi(x, f(x))] with chi = y
        separated = all((a == 0) == (S == 0) for S, a in enumerate(chi_y)) and \
            all(a in (0, Fraction(1, 2)) for a in chi_y) and 2 * alpha < Fraction(1, 2)
        OR = fl.disjunction(d, range(d))
        acc = [fl.agreement_probability(OR, f, U) for f in fl.parities(d)]
        facts[f"one query separates f_empty, d={d}"] = separated
        facts[f"OR beats 1/2 on every S != empty, d={d}"] = all(
            a == Fraction(1, 2) + Fraction(1, 2**d) for a in acc[1:])
        checked += 1 << d

    # eps < 1/2: Parseval on hypotheses, exhaustively for d <= 4
    worst = {}
    for d in range(1, min(d_max, EXHAUSTIVE_D) + 1):
        n = 1 << d
        Hs = 1 - 2 * all_tables(n).astype(np.int64)                 # every H = (-1)^h
        spec = Hs @ sign_matrix(d).T                                 # 2^d * Hhat(S)
        s = -np.sort(-spec, axis=1)
        k = np.arange(1, n + 1, dtype=np.int64)[None, :]
        val = np.where(s > 0, k * s * s, 0)                          # 4^d * k * Hhat_(k)^2
        facts[f"Parseval on hypotheses, d={d}"] = bool((val <= 4**d).all())
        # how many parities one h can satisfy at eps = 1/4, 1/8 (gamma = 1/2, 3/4)
        worst[d] = {str(eps): int(((spec * 1) > (1 - 2 * eps) * n).sum(axis=1).max())
                    for eps in (Fraction(1, 4), Fraction(1, 8))}
        checked += Hs.shape[0]
    for d, w in worst.items():
        facts[f"at most 1/gamma^2 satisfied, d={d}"] = (
            w[str(Fraction(1, 4))] < 4 and w[str(Fraction(1, 8))] < Fraction(16, 9))

    d0 = min(d_max, 4)
    big = {k: v for k, v in facts.items() if k.startswith(("constant", "one query", "OR"))}
    small = {k: v for k, v in facts.items() if k not in big}
    r_big = Report(
        title="Thm 4.1 'for any fixed accuracy eps': false for eps >= 1/2",
        claim='"Then, for any fixed accuracy eps, there does not exist polynomials p(d) and q(d), and an '
              'algorithm using statistical queries ... that satisfies P(h(x) = f(x)) > 1 - eps. (4.2)"',
        reference=REFERENCE, verdict=ERRATUM if all(big.values()) else REFUTED,
        checked=f"every parity, d=1..{d_max}: the constant 0 (no query); one SQ chi(x,y)=y at tolerance 1/5 "
                f"then h = OR(x_1..x_d)",
        evidence=(f"counterexamples: eps > 1/2: h = 0 with no query has P(h = f_S) >= 1/2 > 1 - eps for every "
                  f"S; eps = 1/2: one SQ chi(x,y) = y (answer 0 only for f_{set_text(0)}) then "
                  f"h = OR(x_1..x_d), P(OR = f_S) = 1/2 + 2^-d > 1/2 for all S != {{}} (d=1..{d_max}; "
                  f"d={d0}: {Fraction(1, 2) + Fraction(1, 2**d0)}). Read: 'for any fixed eps < 1/2'")
        if all(big.values()) else failed_facts(big),
        independent_reference=("closed form by counting: OR(x) = f_S(x) iff x = 0 or f_S(x) = 1 (for x != 0 "
                               "OR is 1), i.e. at 1 + 2^(d-1) points for S != {}, so 1/2 + 2^-d; "
                               "E[f_S] = 1/2 for S != {} and 0 for S = {} (half the points have odd |S & x|)"),
        count=checked, d_min=1, d_max=d_max, details={"facts": big})
    r_small = Report(
        title="Thm 4.1 for eps < 1/2: one h satisfies (4.2) for < 1/(1-2eps)^2 parities",
        claim='"It is proven in [19] that parity functions are not efficiently learnable from statistical '
              'queries." (Theorem 4.1 for eps < 1/2)',
        reference=REFERENCE, verdict=VERIFIED if all(small.values()) else REFUTED,
        checked=f"every hypothesis h: X -> {{0,1}}, d=1..{min(d_max, EXHAUSTIVE_D)}: its Walsh spectrum against "
                f"every parity",
        evidence=(f"k Hhat_(k)^2 <= 1 for every h and k (Parseval), so (4.2) holds for at most "
                  f"floor(1/(1-2eps)^2) parities at once; at eps = 1/4, 1/8 the most is "
                  f"{ {d: w for d, w in worst.items()} }") if all(small.values()) else failed_facts(small),
        independent_reference="the spectrum 2^d Hhat(S) = sum_x (-1)^h(x) (-1)^|S&x| by a plain numpy matrix "
                              "product over all tables (common.all_tables, common.sign_matrix)",
        count=checked, d_min=1, d_max=min(d_max, EXHAUSTIVE_D), scope="all h",
        details={"facts": small, "max_parities_one_h_satisfies": worst})
    return [r_big, r_small]
