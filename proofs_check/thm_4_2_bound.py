"""Theorem 4.2: the query lower bound it yields, and the range of eps it holds for.

Theorem 4.2 is stated "for any fixed eps > 0".  Checked exactly:

1. Per-query removal on nu itself (no detour through X_0): for every feature query h
   (all 2^(2^d) of them, d = 2..min(d_max, 4)) and every tolerance alpha on a grid, the
   null responder (answer E[h]/2) contradicts at most r(alpha) = ceil(1/(4 alpha^2)) - 1
   teachers of (4.3), with r recomputed here and compared with the per-query count
   (plain enumeration of E_nu[h T]); for d <= 3 the public oracle's adaptive game
   (``fl.StatisticalQueryOracle`` on the class, null responder) answers the null value and
   rules out exactly the teachers the enumeration says.
2. What a learner must reach: a hypothesis h satisfies (4.4) P_nu(h = T) > 1 - eps for at
   most M(eps) teachers of the class, M(eps) < 1/(1 - 2 eps)^2 (Parseval; exact maximum
   over all h for d <= 4).  Hence any student needs at least
   ceil((2^(d-1) - M(eps)) / r(alpha)) feature queries: exponential in d for alpha >=
   1/q(d).  For M = 1 this is ``fl.sq_query_lower_bound(2^(d-1), alpha)``, compared here
   with its closed form for d up to d_max.
3. The range of eps.  For eps >= 1/2 the theorem is false: h = OR(x_1, .., x_d) with no
   query has P_nu(h = T) = 1/2 + 2^(-d) > 1/2 >= 1 - eps for every T in the class (exact).
   The paper's proof covers only eps < 1/4: it needs Theorem 4.1 at accuracy 2 eps, which
   holds only for 2 eps < 1/2 (thm_4_1_accuracy); at eps = 1/4 the restricted problem is
   solvable with one query (tell f_{1}|X_0 = 0 apart, then OR(x_2..x_d) has P_{X_0} =
   1/2 + 2^(-(d-1)) > 1 - 2 eps for the rest).  For 1/4 <= eps < 1/2 the theorem is still
   true, by item 2 directly on nu.

Records: ``erratum`` ("for any fixed eps > 0" is false for eps >= 1/2, counterexample OR);
``gap`` (the proof via X_0 covers eps < 1/4 only); ``verified`` (the bound for eps < 1/2).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

import finitelearn as fl

from .common import all_tables, paper_masks, parity_matrix
from .report import ERRATUM, GAP, REFUTED, VERIFIED, Report, failed_facts

REFERENCE = "Thm 4.2 and proof"
EXHAUSTIVE_D = 4
DEFAULT_D_MAX = 20
MAX_D = 24
CAP_REASON = ("all features d <= 4 (2^16), OR against 2^(d-1) teachers d <= 12, X_0 d <= 10; "
              "above that only integer bounds, d <= 24 (the CLI's largest)")


def removal_bound(alpha: Fraction) -> int:
    """Largest integer r < 1/(4 alpha^2) (independent of finitelearn.bounds)."""
    inv = 1 / (4 * alpha * alpha)
    return inv.numerator // inv.denominator - (1 if inv.denominator == 1 else 0)


def _oracle_game_agrees(H: np.ndarray, D: np.ndarray, d: int) -> bool:
    """The public oracle's adaptive game (null responder) against the enumeration above.

    For every feature h and alpha in {1/16, 1/8, 1/4}, a fresh game on the class answers
    the null value E[h]/2 and rules out exactly the teachers with delta_T > alpha, whenever
    some teacher is within alpha of the null value.
    """
    n = 1 << d
    for alpha in (Fraction(1, 16), Fraction(1, 8), Fraction(1, 4)):
        far = (D * 1 > alpha * 2 * n).sum(axis=1)                       # delta_T > alpha
        for i in range(H.shape[0]):
            if far[i] == D.shape[1]:
                continue                                                # null not allowed then
            game = fl.StatisticalQueryOracle(fl.paper_teachers(d), fl.uniform(d), alpha, responder="null")
            h = fl.BooleanFunction.from_truth_table(H[i].astype(np.uint8))
            answer = game.feature_query(h)
            if answer != Fraction(int(H[i].sum()), 2 * n) or game.transcript[-1].removed != int(far[i]):
                return False
    return True


def check(d_max: int = DEFAULT_D_MAX) -> list[Report]:
    d_max = min(int(d_max), MAX_D)
    facts: dict[str, bool] = {}
    checked = 0
    M = {}
    for d in range(2, min(d_max, EXHAUSTIVE_D) + 1):
        n = 1 << d
        H = all_tables(n).astype(np.int64)
        P = parity_matrix(d).astype(np.int64)[paper_masks(d)]          # the teachers
        EhT = H @ P.T                                                   # 2^d E_nu[h T]
        null2 = H.sum(axis=1)                                           # 2^(d+1) * null
        D = np.abs(2 * EhT - null2[:, None])                            # 2^(d+1) delta_T
        ok = True
        for j in range(1, 4 * n + 1):
            alpha = Fraction(j, 8 * n)                                  # delta > alpha <=> 8nD > 2^(d+1) j ...
            removed = (D * 8 * n > j * 2 * n).sum(axis=1)               # D/2^(d+1) > j/(8n)
            ok &= bool((removed <= removal_bound(alpha)).all())
        facts[f"each feature query removes <= r(alpha) teachers, d={d}"] = ok
        # M(eps): most teachers one h satisfies
        sgnH = 1 - 2 * H
        corr = sgnH @ (1 - 2 * P).T                                     # 2^d * E[(-1)^h (-1)^T]
        for eps in (Fraction(1, 8), Fraction(1, 4), Fraction(3, 8)):
            gamma = 1 - 2 * eps
            m = int((corr > gamma * n).sum(axis=1).max())
            M[(d, str(eps))] = m
            facts[f"M(eps={eps}) < 1/(1-2eps)^2, d={d}"] = m < 1 / gamma**2
        checked += H.shape[0]
        if d <= 3:
            facts[f"fl.StatisticalQueryOracle null game removes the same teachers, d={d}"] = \
                _oracle_game_agrees(H, D, d)
    # fl.sq_query_lower_bound = ceil((N - 1) / r) for the class, many d and alphas
    bound_rows = {}
    for d in range(2, d_max + 1):
        N = 2 ** (d - 1)
        for name, alpha in (("1/d", Fraction(1, d)), ("1/d^2", Fraction(1, d * d))):
            r = removal_bound(alpha)
            want = None if (r == 0 and N > 1) else (0 if N == 1 else -(-(N - 1) // r))
            got = fl.sq_query_lower_bound(N, alpha)
            facts[f"sq_query_lower_bound(2^{d - 1}, {name})"] = got == want
            bound_rows[(d, name)] = got
            checked += 1
    # the range of eps
    for d in range(2, d_max + 1):
        U = fl.uniform(d)
        OR = fl.disjunction(d, range(d))
        if d <= 12:
            facts[f"OR beats 1/2 on every teacher, d={d}"] = all(
                fl.agreement_probability(OR, T, U) == Fraction(1, 2) + Fraction(1, 2**d)
                for T in fl.paper_teachers(d))
            checked += 2 ** (d - 1)
        if 3 <= d <= 10:
            X0 = fl.uniform_on_subcube(d, {0: 0})
            OR0 = fl.disjunction(d, range(1, d))
            target = fl.parity(d, {0})
            facts[f"at eps=1/4 (4.5) needs only one query, d={d}"] = all(
                fl.agreement_probability(OR0, T, X0) == Fraction(1, 2) + Fraction(1, 2 ** (d - 1))
                for T in fl.paper_teachers(d) if T != target) and \
                X0.probability(target) == 0 and all(X0.probability(T) == Fraction(1, 2)
                                                     for T in fl.paper_teachers(d) if T != target)
    dd = d_max
    f_or = {k: v for k, v in facts.items() if k.startswith("OR beats")}
    f_quarter = {k: v for k, v in facts.items() if k.startswith("at eps=1/4")}
    f_bound = {k: v for k, v in facts.items() if k not in f_or and k not in f_quarter}
    details = {"max_teachers_one_h_satisfies": {f"d={d},eps={e}": v for (d, e), v in M.items()},
               "sq_lower_bounds": {f"d={d},alpha={a}": v for (d, a), v in bound_rows.items()}}
    claim = ('"Then, for any fixed eps > 0, there does not exist a polynomial p(d) such that for any T in T '
             'the student can learn an (A, mu, eps)-Adversarially robust classifier with respect to T within '
             'p(d) feature queries."')
    d_or = min(dd, 12)
    r_or = Report(
        title="Thm 4.2 'for any fixed eps > 0': false for eps >= 1/2",
        claim=claim, reference="Thm 4.2", verdict=ERRATUM if all(f_or.values()) else REFUTED,
        checked=f"h = OR(x_1..x_d) against every teacher of (4.3) on nu, d=2..{d_or}",
        evidence=(f"counterexample: with no feature query at all, h = OR(x_1..x_d) has P_nu(h = T) = 1/2 + 2^-d "
                  f"> 1/2 >= 1 - eps for every T of (4.3) and every eps >= 1/2 (d=2..{d_or}); read 'for any "
                  f"fixed eps < 1/2'") if all(f_or.values()) else failed_facts(f_or),
        independent_reference="closed form by counting: OR = f_S exactly at 0 and at the 2^(d-1) points with "
                              "f_S = 1, (1 + 2^(d-1))/2^d = 1/2 + 2^-d",
        count=sum(2 ** (d - 1) for d in range(2, d_or + 1)), d_min=2, d_max=d_or, details={"facts": f_or})
    d_q = min(dd, 10)
    r_quarter = Report(
        title="Proof of Thm 4.2 via X_0 covers only eps < 1/4",
        claim='"Hence, Equation (4.5) is contradictory with Theorem 4.1." ((4.5) is P_{unif(X_0)}(h = T) > 1 - 2eps, '
              'Theorem 4.1 at accuracy 2 eps)',
        reference=REFERENCE, verdict=GAP if all(f_quarter.values()) else REFUTED,
        checked=f"at eps = 1/4: one SQ then h = OR(x_2..x_d) on unif(X_0), every teacher, d=3..{d_q}",
        evidence=(f"the contradiction needs Theorem 4.1 at accuracy 2eps < 1/2: at eps = 1/4, (4.5) is reached "
                  f"with one query (answer 0 only for f_{{1}}|X_0 = 0) and h = OR(x_2..x_d), P_X0(h = T) = "
                  f"1/2 + 2^-(d-1) > 1/2 = 1 - 2eps for every other T (d=3..{d_q}); so the proof covers eps < 1/4. "
                  f"The theorem still holds for 1/4 <= eps < 1/2: directly on nu, one h satisfies (4.4) for < "
                  f"1/(1-2eps)^2 teachers and each query removes <= r(alpha) (next record)")
        if all(f_quarter.values()) else failed_facts(f_quarter),
        independent_reference="closed forms by counting on X_0 (OR(x_2..x_d) = T' at 1 + 2^(d-2) of the 2^(d-1) "
                              "points; E_X0[T'] = 1/2 for T' != 0)",
        count=sum(2 ** (d - 1) for d in range(3, d_q + 1)), d_min=3, d_max=d_q, details={"facts": f_quarter})
    r_bound = Report(
        title="Thm 4.2 for eps < 1/2: the SQ lower bound on nu",
        claim=claim + " (for eps < 1/2)", reference="Thm 4.2 and proof",
        verdict=VERIFIED if all(f_bound.values()) else REFUTED,
        checked=f"every feature query h (d<={min(dd, EXHAUSTIVE_D)}) on a grid of tolerances; the most teachers "
                f"one h satisfies (4.4) at eps = 1/8, 1/4, 3/8; fl.sq_query_lower_bound for d=2..{dd}",
        evidence=(f"each feature query removes <= ceil(1/(4alpha^2))-1 teachers against the null responder "
                  f"(all h, d<={min(dd, EXHAUSTIVE_D)}; the public oracle's null game removes the same ones, d<=3); "
                  f"one h satisfies (4.4) for < 1/(1-2eps)^2 teachers; so >= ceil((2^(d-1) - M)/r) queries, "
                  f"e.g. d={dd}, alpha=1/d: >= {bound_rows.get((dd, '1/d'))}") if all(f_bound.values())
        else failed_facts(f_bound),
        independent_reference="E_nu[hT] by plain numpy sums over all truth tables; r(alpha) = largest integer "
                              "< 1/(4alpha^2) by exact Fraction arithmetic (removal_bound, written here)",
        count=checked, d_min=2, d_max=dd, details={"facts": f_bound, **details})
    return [r_or, r_quarter, r_bound]
