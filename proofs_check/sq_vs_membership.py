"""Section 4's side remark made concrete: SQ cost exponential, membership cost linear.

For the class (4.3) of N = 2^(d-1) teachers and polynomial tolerances alpha = 1/d, 1/d^2,
1/d^3, the number of statistical (feature) queries forced by the Parseval argument,
``fl.sq_query_lower_bound(N, alpha)`` = ceil((N - 1) / r), r = ceil(1/(4 alpha^2)) - 1, is
compared with the membership (data) query counts of Theorem 4.3: d + 1 for the paper's
learner, d - 1 for the optimum (``fl.membership_query_complexity`` for d <= 7, the
information bound log2 N = d - 1 above).  The bounds are integer arithmetic (no table over
the cube), so the table always reaches d = 64 (or d_max if larger), far enough for the
tolerance 1/d^3 to show its exponential growth too.  Checked for every d in the table:

* the bound equals its closed form, recomputed here, and is at least
  4 (2^(d-1) - 1) / q(d)^2 for q(d) = 1/alpha (so it is exponential in d for every
  polynomial q);
* its ratio from d to d + 1 tends to 2 (it doubles, up to the polynomial factor);
* for each tolerance there is a d from which the SQ bound exceeds d + 1 for good (found).

The table (``details["table"]``) lists d, the three SQ bounds, d + 1 and d - 1.
"""

from __future__ import annotations

from fractions import Fraction

import finitelearn as fl

from .report import Report, verdict_of
from .thm_4_2_bound import removal_bound

CLAIM = "SQ bound exponential in d for polynomial tolerance; membership count linear"
REFERENCE = "Sec. 4.1-4.2, Thms 4.2-4.3"
DEFAULT_D_MAX = 64
MIN_TABLE_D = 64
TOLERANCES = (("1/d", 1), ("1/d^2", 2), ("1/d^3", 3))


def check(d_max: int = DEFAULT_D_MAX) -> Report:
    d_max = max(int(d_max), MIN_TABLE_D)
    facts: dict[str, bool] = {}
    table = []
    crossing = {}
    for d in range(2, d_max + 1):
        N = 2 ** (d - 1)
        row = {"d": d, "teachers": N, "paper_membership": d + 1}
        if d <= 7:
            row["optimal_membership"] = fl.membership_query_complexity(fl.paper_teachers(d)).queries
            facts[f"optimal membership = d-1, d={d}"] = row["optimal_membership"] == d - 1
        else:
            row["optimal_membership"] = (N - 1).bit_length()            # log2 N, met by e_2..e_d
        for name, k in TOLERANCES:
            alpha = Fraction(1, d**k)
            got = fl.sq_query_lower_bound(N, alpha)
            r = removal_bound(alpha)
            want = None if r == 0 else -(-(N - 1) // r)
            facts[f"closed form d={d} alpha={name}"] = got == want
            if got is not None:
                facts[f">= 4(2^(d-1)-1)/q^2, d={d} alpha={name}"] = got >= Fraction(4 * (N - 1), d ** (2 * k))
            row[f"sq_{name}"] = got
            if got is not None and got > d + 1:
                crossing.setdefault(name, d)
            elif name in crossing:
                del crossing[name]                                       # must stay above for good
        table.append(row)
    # doubling: ratio of consecutive bounds for alpha = 1/d tends to 2
    last = [r["sq_1/d"] for r in table[-3:] if r["sq_1/d"]]
    if len(last) >= 2:
        ratio = Fraction(last[-1], last[-2])
        facts["ratio -> 2 (last d)"] = Fraction(3, 2) < ratio <= 2
    holds = all(facts.values())
    show = [r for r in table if r["d"] in (4, 8, 16, 24, 32, 48) or r["d"] == d_max]
    cells = "; ".join(f"d={r['d']}: SQ>= {r['sq_1/d']}/{r['sq_1/d^2']}/{r['sq_1/d^3']} vs MQ {r['paper_membership']}"
                      f" (opt {r['optimal_membership']})" for r in show)
    witness = (f"alpha = 1/d, 1/d^2, 1/d^3: {cells}; SQ > d+1 from d = "
               + ", ".join(f"{crossing.get(n, '-')} ({n})" for n, _ in TOLERANCES)) if holds else \
        "FAILED: " + ", ".join(k for k, v in facts.items() if not v)
    return Report(claim=CLAIM, reference=REFERENCE, d_min=2, d_max=d_max, checked=len(table) * 4,
                  verdict=verdict_of(holds, True), witness=witness,
                  details={"facts": facts, "table": table, "sq_exceeds_d_plus_1_from": crossing})
