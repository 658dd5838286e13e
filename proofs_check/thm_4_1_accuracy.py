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
from .report import Report, verdict_of

CLAIM = "Thm 4.1 holds 'for any fixed accuracy eps'"
REFERENCE = "Thm 4.1, (4.2)"
DEFAULT_D_MAX = 10
#: The largest d this check runs (its tables over the cube grow as 4^d or 2^d * classes).
MAX_D = 14
EXHAUSTIVE_D = 4


def check(d_max: int = DEFAULT_D_MAX) -> Report:
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

    holds = all(facts.values())
    d0 = min(d_max, 4)
    witness = (
        f"false for eps >= 1/2: eps > 1/2 by h = 0 with no query; eps = 1/2 by one SQ chi(x,y) = y "
        f"(tolerance 1/5; answer 0 only for f_{set_text(0)}) then h = OR(x_1..x_d), "
        f"P(OR = f_S) = 1/2 + 2^-d exactly for all S != {{}} (d=1..{d_max}; e.g. d={d0}: "
        f"{Fraction(1, 2) + Fraction(1, 2**d0)}). Holds for eps < 1/2: one h satisfies (4.2) for "
        f"< 1/(1-2eps)^2 parities (all h, d<={min(d_max, EXHAUSTIVE_D)}). Read: 'for any fixed eps < 1/2'"
    ) if holds else "FAILED: " + ", ".join(k for k, v in facts.items() if not v)
    return Report(claim=CLAIM, reference=REFERENCE, d_min=1, d_max=d_max, checked=checked,
                  verdict=verdict_of(holds, False), witness=witness,
                  details={"facts": facts, "max_parities_one_h_satisfies": worst})
