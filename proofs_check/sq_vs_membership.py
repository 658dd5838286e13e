"""Section 4's side remark made concrete: SQ cost exponential, membership cost linear.

For the class (4.3) of N = 2^(d-1) teachers and polynomial tolerances alpha = 1/d, 1/d^2,
1/d^3, the number of statistical (feature) queries forced by the Parseval argument,
``fl.sq_query_lower_bound(N, alpha)``, is compared with the membership (data) query counts
of Theorem 4.3: d + 1 for the paper's learner, d - 1 for the optimum.  The table reaches
d = 64 (or d_max if larger), far enough for 1/d^3 to show its exponential growth too.

Independent references (none uses the library's bound):

* **closed form, in integers.**  Against the null responder a query removes the teachers
  with |ghat(S)|/2 > alpha, fewer than 1/(4 alpha^2) of them (Parseval).  For alpha = 1/q,
  q = d^k an integer, 1/(4 alpha^2) = q^2/4, so the most a query removes is
  r = ceil(q^2/4) - 1 = floor((q^2 - 1)/4), and identifying one of N teachers needs at
  least ceil((N - 1)/r) = (N - 1 + r - 1) // r queries.  Computed here with Python ints
  only (no Fractions, no removal bound shared with other checks);
* **plain enumeration, d <= ENUM_D.**  The most teachers one feature query h can actually
  remove against the null responder, r*(alpha) = max over all 2^(2^d) features h of
  #{T : |E_nu[h T] - E[h]/2| > alpha}, by summing truth tables; checked r* <= r, so the
  bound is a valid lower bound (feature queries are weaker than general SQs: |E[h chi_S]|
  <= 1/2 for S != {}, so a feature query moves by at most 1/4 and r*(1/d) = 0 for d <= 4);
* the optimum d - 1 of the membership count from the information bound log2 N.

Also checked: the bound is at least 4 (2^(d-1) - 1) / q(d)^2 (exponential for every
polynomial q); its ratio from d to d + 1 tends to 2; for each tolerance there is a d from
which the SQ bound exceeds d + 1 for good.
"""

from __future__ import annotations

from fractions import Fraction

import finitelearn as fl

import numpy as np

from .common import all_tables, paper_masks, parity_matrix
from .report import REFUTED, VERIFIED, Report, failed_facts

CLAIM = "SQ bound exponential in d for polynomial tolerance; membership count linear"
REFERENCE = "Sec. 4.1-4.2, Thms 4.2-4.3"
DEFAULT_D_MAX = 64
MIN_TABLE_D = 64
MAX_D = 256
ENUM_D = 4
CAP_REASON = "integer arithmetic only; d <= 256 keeps the table readable (enumeration d <= 4: 2^16 features)"
TOLERANCES = (("1/d", 1), ("1/d^2", 2), ("1/d^3", 3))


def closed_form(N: int, q: int) -> int | None:
    """ceil((N - 1) / r), r = floor((q^2 - 1) / 4), for alpha = 1/q (None when r = 0 < N - 1)."""
    r = (q * q - 1) // 4
    if N == 1:
        return 0
    return None if r == 0 else (N - 1 + r - 1) // r


def max_removed(d: int, q: int) -> int:
    """r*(1/q): the most teachers of (4.3) one feature query removes against the null
    responder, by plain enumeration of every feature h."""
    n = 1 << d
    H = all_tables(n).astype(np.int64)
    P = parity_matrix(d).astype(np.int64)[paper_masks(d)]
    dev = np.abs(2 * (H @ P.T) - H.sum(axis=1)[:, None])      # 2^(d+1) |E[hT] - E[h]/2|
    return int((dev * q > 2 * n).sum(axis=1).max())           # |.| > 1/q


def check(d_max: int = DEFAULT_D_MAX) -> list[Report]:
    d_max = min(max(int(d_max), MIN_TABLE_D), MAX_D)
    facts: dict[str, bool] = {}
    table = []
    crossing = {}
    for d in range(2, d_max + 1):
        N = 2 ** (d - 1)
        row = {"d": d, "teachers": N, "paper_membership": d + 1}
        row["optimal_membership"] = (N - 1).bit_length()                # log2 N, met by e_2..e_d
        for name, k in TOLERANCES:
            alpha = Fraction(1, d**k)
            got = fl.sq_query_lower_bound(N, alpha)
            want = closed_form(N, d**k)
            facts[f"closed form d={d} alpha={name}"] = got == want
            if d <= ENUM_D:
                r_star, r = max_removed(d, d**k), (d ** (2 * k) - 1) // 4
                row[f"max_removed_{name}"] = r_star
                facts[f"enumerated r* <= r, d={d} alpha={name}"] = r_star <= r
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
    enum = ", ".join(f"d={r['d']}: {r.get('max_removed_1/d')}" for r in table if r["d"] <= ENUM_D)
    evidence = (f"alpha = 1/d, 1/d^2, 1/d^3: {cells}; SQ > d+1 from d = "
                + ", ".join(f"{crossing.get(n, '-')} ({n})" for n, _ in TOLERANCES)
                + f"; most teachers one feature query removes at alpha=1/d, by enumeration: {enum}") \
        if holds else failed_facts(facts)
    return [Report(
        title="SQ bound exponential in d, membership count linear",
        claim='"However, by Theorem 4.1, they cannot be learned efficiently on nu using feature queries." '
              'vs Theorem 4.3\'s "within d+1 data queries"',
        reference=REFERENCE, verdict=VERIFIED if holds else REFUTED,
        checked=f"the Parseval lower bound for N = 2^(d-1) teachers at alpha = 1/d, 1/d^2, 1/d^3, d=2..{d_max}; "
                f"every feature query at d<={ENUM_D}",
        evidence=evidence,
        independent_reference=("closed form in integers: r = floor((q^2-1)/4) for alpha = 1/q, bound = "
                               "ceil((N-1)/r); the most teachers one query removes by plain enumeration of "
                               f"all 2^(2^d) features, d<={ENUM_D}; optimum d-1 = log2 N (information bound)"),
        count=len(table) * 4, d_min=2, d_max=d_max,
        details={"facts": facts, "table": table, "sq_exceeds_d_plus_1_from": crossing})]
