"""Theorem 4.3: is d + 1 the right count?  The exact optimum and the teaching dimension.

The paper's learner asks T(0) and T(e_i) for i = 1..d, "d + 1 data queries".  Exactly:

1. the least worst-case number of membership queries that identify a teacher of the class
   (4.3) is d - 1 (``fl.membership_query_complexity``, exact minimax over version spaces,
   d <= min(d_max, 7)), equal to the information bound log2 |T| = d - 1, and the optimal
   strategy it returns identifies every teacher (played against each); the non-adaptive
   minimum is also d - 1 (d <= 5);
2. if the student only knows that the teacher is *a parity* (as Theorem 4.3 says), the
   optimum is d (all 2^d parities), still below d + 1;
3. why: T(0) = 0 for every parity, and T(e_1) = 1 for every teacher of (4.3) (1 in S), so
   two of the paper's d + 1 answers are known in advance (checked on every teacher);
4. the teaching dimension (Goldman and Kearns) of the class is d - 1, of all parities d
   (``fl.teaching_dimension``, d <= min(d_max, 5)): an active teacher must show d - 1
   labelled points, and d - 1 suffice (e.g. e_2, .., e_d with their labels).

Verdict ``erratum``: Theorem 4.3's bound holds but is not tight; d - 1 queries suffice and
are necessary for the class (4.3) (d for all parities).
"""

from __future__ import annotations

import finitelearn as fl

from .common import point_text
from .report import Report, verdict_of

CLAIM = "Thm 4.3 count d+1 vs the optimum (membership queries, teaching dimension)"
REFERENCE = "Thm 4.3 and proof, Sec. 4.2"
MQ_D = 7
TD_D = 5
NONADAPTIVE_D = 5


def check(d_max: int = MQ_D) -> Report:
    d_max = int(d_max)
    facts: dict[str, bool] = {}
    checked = 0
    table = []
    for d in range(1, min(d_max, MQ_D) + 1):
        T = fl.paper_teachers(d)
        F = fl.parities(d)
        mq = fl.membership_query_complexity(T, nonadaptive=d <= NONADAPTIVE_D)
        mq_all = fl.membership_query_complexity(F)
        facts[f"MQ(T) = d-1, d={d}"] = mq.queries == d - 1 == (len(T) - 1).bit_length()
        facts[f"MQ(all parities) = d, d={d}"] = mq_all.queries == d
        ok_tree = True
        for k, f in enumerate(T):
            member, asked = mq.tree.run(f)
            ok_tree &= member == k and len(asked) <= d - 1
        facts[f"optimal tree identifies every teacher, d={d}"] = ok_tree and mq.tree.depth() == d - 1
        if d <= NONADAPTIVE_D:
            facts[f"non-adaptive MQ(T) = d-1, d={d}"] = mq.nonadaptive == d - 1
        facts[f"T(0)=0 and T(e_1)=1 for all T, d={d}"] = all(f(0) == 0 and f(1) == 1 for f in T) and \
            all(f(0) == 0 for f in F)
        row = {"d": d, "paper": d + 1, "optimal": mq.queries, "optimal_all_parities": mq_all.queries,
               "nonadaptive": mq.nonadaptive}
        if d <= min(d_max, TD_D):
            td = fl.teaching_dimension(T)
            td_all = fl.teaching_dimension(F)
            facts[f"TD(T) = d-1, d={d}"] = td.dimension == d - 1
            facts[f"TD(all parities) = d, d={d}"] = td_all.dimension == d
            row["teaching_dimension"] = td.dimension
            row["teaching_dimension_all_parities"] = td_all.dimension
        table.append(row)
        checked += len(T) + len(F)
    holds = all(facts.values())
    d3 = min(d_max, 3)
    first = fl.membership_query_complexity(fl.paper_teachers(d3)).tree
    asks = []
    node = first
    while not node.is_leaf:
        asks.append(point_text(node.point, d3))
        node = node.if_0
    witness = (
        f"optimum = d-1 = log2|T| for d=1..{min(d_max, MQ_D)} (paper: d+1), d for all parities; "
        f"T(0)=0 and T(e_1)=1 are known in advance; teaching dimension d-1 (all parities: d) for "
        f"d<={min(d_max, TD_D)}; optimal strategy at d={d3} asks {', '.join(asks)} (e_2..e_d)"
    ) if holds else "FAILED: " + ", ".join(k for k, v in facts.items() if not v)
    return Report(claim=CLAIM, reference=REFERENCE, d_min=1, d_max=min(d_max, MQ_D), checked=checked,
                  verdict=verdict_of(holds, False), witness=witness,
                  details={"facts": facts, "table": table})
