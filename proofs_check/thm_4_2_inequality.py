"""Theorem 4.2, proof: from P_X(h != T) <= eps to (4.5) P_{unif(X_0)}(h = T) > 1 - 2 eps.

The proof rewrites (4.4) P(h = T) > 1 - eps as P_X(h != T) <= eps (a weakening), counts
the disagreements on X_0 (half of X), gets (1/2^(d-1)) sum_{X_0} [h != T] <= 2 eps, and
concludes "hence" the *strict* (4.5).  Checked exhaustively over every hypothesis
h: X -> {0,1} and every teacher T for d = 2..min(d_max, 4) (2^16 * 8 pairs at d = 4),
with a = #{x in X : h != T} and a_0 = #{x in X_0 : h != T}:

1. the non-strict implication holds: a_0 <= a, i.e. P_X(h != T) <= eps implies
   P_{X_0}(h = T) >= 1 - 2 eps, for every pair and every eps;
2. the strict (4.5) does *not* follow from "<= eps": it fails exactly for the pairs with
   a_0 = a >= 1 (all disagreements inside X_0) at eps = a / 2^d, where P_{X_0}(h = T) =
   1 - 2 eps.  Their number is 2^(d-1) (2^(2^(d-1)) - 1) (each teacher, any non-empty
   set of flips inside X_0), compared with this closed form;
3. the strict (4.5) does follow from the strict (4.4): a < 2^d eps implies
   a_0 / 2^(d-1) < 2 eps (same counts).

Verdict ``gap``: the theorem holds, but the step "<= 2 eps, hence > 1 - 2 eps" is a non
sequitur; keep the strict inequality of (4.4) throughout, or state (4.5) with ">=".
"""

from __future__ import annotations


import numpy as np

import finitelearn as fl

from .common import all_tables, parity_matrix, point_text, set_text
from .report import GAP, REFUTED, Report, failed_facts

REFERENCE = "Thm 4.2 proof, (4.4)-(4.5)"
EXHAUSTIVE_D = 4
MAX_D = 4
CAP_REASON = "every hypothesis h (2^(2^d)) x every teacher: 2^16 x 8 at d = 4, 2^32 at d = 5"


def check(d_max: int = EXHAUSTIVE_D) -> list[Report]:
    d_max = int(d_max)
    facts: dict[str, bool] = {}
    checked = 0
    equality = {}
    witness_pair = None
    for d in range(2, min(d_max, EXHAUSTIVE_D) + 1):
        n = 1 << d
        H = all_tables(n)                                    # every h
        in_X0 = (np.arange(n) & 1) == 0                      # x_1 = 0
        P = parity_matrix(d)
        count_eq = 0
        for S in range(1, n, 2):                             # the teachers: 1 in S
            diff = H != P[S][None, :]
            a = diff.sum(axis=1)
            a0 = diff[:, in_X0].sum(axis=1)
            facts[f"a_0 <= a (non-strict (4.5)), d={d}"] = facts.get(f"a_0 <= a (non-strict (4.5)), d={d}", True) \
                and bool((a0 <= a).all())
            eq = (a0 == a) & (a >= 1)
            count_eq += int(eq.sum())
            if witness_pair is None and eq.any():
                # the smallest witness: one flip at a point of X_0
                i = int(np.flatnonzero(eq & (a == 1))[0])
                witness_pair = (d, S, i)
            checked += H.shape[0]
        equality[d] = count_eq
        facts[f"equality cases = 2^(d-1)(2^(2^(d-1))-1), d={d}"] = count_eq == (n // 2) * (2 ** (n // 2) - 1)
    # the witness, recomputed with the public API
    d, S, i = witness_pair
    h = fl.BooleanFunction.from_truth_table(all_tables(1 << d)[i])
    T = fl.parity(d, {j for j in range(d) if (S >> j) & 1})
    eps = fl.disagreement_probability(h, T, fl.uniform(d))
    X0 = fl.uniform_on_subcube(d, {0: 0})
    p0 = fl.agreement_probability(h, T, X0)
    facts["witness: P_X(h!=T) <= eps and P_X0(h=T) = 1-2eps"] = p0 == 1 - 2 * eps
    flip = int(np.flatnonzero(h.truth_table != T.truth_table)[0])
    holds = all(facts.values())
    evidence = (
        f"d={d}, T=f_{set_text(S)}, h = T with h{point_text(flip, d)} flipped: P_X(h!=T) = {eps} = eps, "
        f"P_X0(h=T) = {p0} = 1-2eps, so the step '<= 2eps, hence (4.5) > 1-2eps' fails; the equality cases "
        f"are exactly 'every disagreement in X_0' ({', '.join(f'd={k}: {v:,}' for k, v in equality.items())}); "
        f"'>=' always holds (a_0 <= a), and '>' holds from the strict (4.4): keep (4.4)'s strict "
        f"inequality and the theorem's proof goes through"
    ) if holds else failed_facts(facts)
    return [Report(
        title="Proof of Thm 4.2: '<= eps' then '(4.5) > 1-2eps'",
        claim='"Equation (4.4) implies P(h(x) != T(x)) <= eps ... which directly gives ... <= 2 eps, and '
              'hence P_{x~unif(X_0)}(h(x) = T(x)) > 1 - 2 eps. (4.5)"',
        reference=REFERENCE, verdict=GAP if holds else REFUTED,
        checked=f"every hypothesis h: X -> {{0,1}} and every teacher, d=2..{min(d_max, EXHAUSTIVE_D)}",
        evidence=evidence,
        independent_reference="disagreement counts a, a_0 by plain numpy over the truth tables; the number of "
                              "equality cases against the closed form 2^(d-1) (2^(2^(d-1)) - 1) (each teacher, "
                              "any non-empty set of flips inside X_0)",
        count=checked, d_min=2, d_max=min(d_max, EXHAUSTIVE_D), scope="all h",
        details={"facts": facts, "equality_cases": equality})]
