"""Theorem 4.1 as the paper uses it: why statistical queries cannot find a parity.

Claim checked (the three facts the proof of Kearns' Theorem 5 rests on, docs/design.md):

1. the 2^d parities are pairwise uncorrelated under the uniform distribution
   (E[(-1)^{f_S} (-1)^{f_T}] = 0 for S != T), checked with ``fl.correlation``;
2. so their SQ dimension (threshold 0) is 2^d, checked with ``fl.sq_dimension``;
3. for *every* statistical query chi: X x {0,1} -> {0,1} and every tolerance alpha > 0,
   fewer than 1/(4 alpha^2) parities f_S have E[chi(x, f_S(x))] farther than alpha from
   the null answer N(chi) = E[(chi(x,0) + chi(x,1))/2] (which does not depend on S).  With
   delta_S = |E[chi(x, f_S(x))] - N(chi)| sorted decreasingly, this holds for all alpha iff
   4 k delta_(k)^2 <= 1 for every k (the count is k just below delta_(k)).  Checked
   exhaustively over all 2^(2^(d+1)) queries for d <= 3 (65,536 at d = 3), on a grid of
   alphas directly as well, and over hypothesis-drawn queries for larger d.  Answers are
   computed by plain enumeration of E[chi(x, f_S(x))], independently of any oracle code,
   and the identity delta_S = |ghat(S)|/2 with g = chi(., 1) - chi(., 0) is checked
   against ``fl.walsh_hadamard``; the exact and null values of ``fl.StatisticalQueryOracle``
   are compared with the enumeration on (a sample of) the same queries.

The bound is tight: chi(x, y) = [y = f_S(x)] puts one parity at distance exactly 1/2
(k = 1, 4 k delta^2 = 1), and a bent g (d even) puts all 2^d at distance 2^(-d/2-1).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

import finitelearn as fl

from .common import all_tables, parity_matrix, sign_matrix, ternary_parseval
from .report import REFUTED, VERIFIED, Report, failed_facts

REFERENCE = "Thm 4.1 (Kearns Thm 5), Sec. 4.1"
EXHAUSTIVE_D = 3
TERNARY_D = 4
DEFAULT_D_MAX = 10
MAX_D = 11
CAP_REASON = ("the parity matrix and correlation tables grow as 4^d and fl.sq_dimension as 2^d x 2^d: "
              "d = 11 (queries: all 2^16 at d <= 3, all 3^16 g at d = 4, random above)")


def _deviations(Q: np.ndarray, d: int) -> np.ndarray:
    """D[q, S] = 2^(d+1) * delta_S for each query row of Q (columns x + 2^d y), by enumeration."""
    n = 1 << d
    P = parity_matrix(d).astype(np.int64)                 # f_S(x)
    idx = np.arange(n)[None, :] + n * P                   # column of (x, f_S(x))
    E = np.zeros((Q.shape[0], n), dtype=np.int64)         # sum_x chi(x, f_S(x))
    for S in range(n):
        E[:, S] = Q[:, idx[S]].sum(axis=1, dtype=np.int64)
    null2 = Q.sum(axis=1, dtype=np.int64)                 # sum_x chi(x,0) + chi(x,1)
    return np.abs(2 * E - null2[:, None])


def _parseval_ok(D: np.ndarray, d: int) -> tuple[np.ndarray, np.ndarray]:
    """Per query: max_k k * D_(k)^2 (must be <= 4^d) and whether equality is reached."""
    Ds = -np.sort(-D, axis=1)
    k = np.arange(1, D.shape[1] + 1, dtype=np.int64)[None, :]
    ratio = (k * Ds * Ds).max(axis=1)
    return ratio, ratio == 4**d


def _direct_alpha_grid(D: np.ndarray, d: int) -> bool:
    """count{S : delta_S > alpha} < 1/(4 alpha^2) for alpha = j / 2^(d+3), j = 1..2^(d+2)."""
    for j in range(1, (1 << (d + 2)) + 1):
        # delta_S > alpha  <=>  D / 2^(d+1) > j / 2^(d+3)  <=>  4 D > j
        count = (4 * D > j).sum(axis=1)
        # count < 1/(4 alpha^2) = 4^(d+3) / (4 j^2)  <=>  count * j^2 < 4^(d+2)
        if not (count * j * j < 4 ** (d + 2)).all():
            return False
    return True


def check(d_max: int = DEFAULT_D_MAX, examples: int = 150) -> list[Report]:
    """Run the three checks for d = 1..d_max (exhaustive queries for d <= 3)."""
    d_max = min(int(d_max), MAX_D)          # larger d: see MAX_D
    facts: dict[str, bool] = {}
    checked = 0
    details: dict = {}

    # 1. pairwise uncorrelated
    for d in range(1, min(d_max, 7) + 1):
        F = list(fl.parities(d))
        U = fl.uniform(d)
        ok = all(fl.correlation(F[i], F[j], U) == (1 if i == j else 0)
                 for i in range(len(F)) for j in range(i, len(F)))
        facts[f"uncorrelated d={d}"] = ok
        checked += len(F) * (len(F) + 1) // 2

    # 2. SQ dimension
    sqdims = {}
    for d in range(1, min(d_max, 10) + 1):
        r = fl.sq_dimension(fl.parities(d), fl.uniform(d), 0)
        sqdims[d] = r.dimension
        facts[f"SQ dim d={d}"] = r.dimension == 2**d
        checked += 1
    details["sq_dimension"] = sqdims

    # 3a. every query, exhaustively
    tight = {}
    for d in range(1, min(d_max, EXHAUSTIVE_D) + 1):
        n = 1 << d
        Q = all_tables(2 * n)                             # every chi, column x + 2^d y
        D = _deviations(Q, d)
        ratio, eq = _parseval_ok(D, d)
        facts[f"Parseval bound d={d}"] = bool((ratio <= 4**d).all())
        facts[f"alpha grid d={d}"] = _direct_alpha_grid(D, d)
        # identity with the Walsh-Hadamard spectrum of g = chi(.,1) - chi(.,0)
        g = Q[:, n:].astype(np.int64) - Q[:, :n].astype(np.int64)
        G = g @ sign_matrix(d).T
        facts[f"identity (numpy) d={d}"] = bool((np.abs(G) == D).all())
        step = max(1, Q.shape[0] // 4096)
        facts[f"identity (fl.walsh_hadamard) d={d}"] = all(
            (np.abs(fl.walsh_hadamard(np.ascontiguousarray(g[q]))) == D[q]).all()
            for q in range(0, Q.shape[0], step))
        tight[d] = int(eq.sum())
        # the library's SQ oracle gives the same exact and null values (a sample at d = 3)
        facts[f"fl.StatisticalQueryOracle agrees, d={d}"] = _oracle_agrees(Q[::max(1, Q.shape[0] // 1024)], d)
        checked += Q.shape[0]
    details["queries_meeting_the_bound_with_equality"] = tight

    # 3b. every g = chi(.,1) - chi(.,0) in {-1,0,1}^(2^d) (the central identity: the deviations of a
    # query depend on g only, and every g comes from some chi), so every query, d <= TERNARY_D
    ternary = {}
    for d in range(1, min(d_max, TERNARY_D) + 1):
        worst, n_tight, broken = ternary_parseval(d)
        ternary[d] = {"g_vectors": 3 ** (1 << d), "max_k_kD2": worst, "tight_g": n_tight}
        facts[f"every g: Parseval identity and bound, d={d}"] = broken == 0 and worst == 4**d
        if d > EXHAUSTIVE_D:
            checked += 3 ** (1 << d)
    details["every_g"] = ternary
    # the library's exact one-query maximum (fl.max_eliminations) is being written in parallel; until its
    # API is fixed this check does not call it, and says so
    details["fl.max_eliminations"] = ("present in this finitelearn, not yet compared" if hasattr(fl, "max_eliminations")
                                      else "not in this finitelearn yet, not compared")

    # 3c. hypothesis-drawn queries (random) for larger d
    drawn = 0
    for d in range(TERNARY_D + 1, d_max + 1):
        ok, n_ex = _hypothesis_queries(d, examples)
        facts[f"Parseval bound (hypothesis) d={d}"] = ok
        drawn += n_ex
        checked += n_ex
    for d in range(2, d_max + 1, 2):                          # bent g: all 2^d at 2^(-d/2-1)
        n = 1 << d
        x = np.arange(n)
        bent = np.zeros(n, dtype=np.int64)
        for i in range(0, d, 2):
            bent ^= ((x >> i) & 1) & ((x >> (i + 1)) & 1)
        chi = np.concatenate([1 - bent, bent]).astype(np.uint8)[None, :]
        D = _deviations(chi, d)
        ratio, eq = _parseval_ok(D, d)
        facts[f"bent query tight d={d}"] = bool(eq[0]) and bool((D == 2 ** (d // 2)).all())
        checked += 1
    details["hypothesis_queries"] = drawn

    details["facts"] = facts
    dim = {k: v for k, v in facts.items() if k.startswith(("uncorrelated", "SQ dim"))}
    per = {k: v for k, v in facts.items() if k not in dim}
    de = min(d_max, EXHAUSTIVE_D)
    dt = min(d_max, TERNARY_D)
    r_dim = Report(
        title="Parities: pairwise uncorrelated, SQ dimension 2^d",
        claim='"It is proven in [19] that parity functions are not efficiently learnable from statistical '
              'queries." (Kearns\' proof: the parities are pairwise uncorrelated under the uniform distribution)',
        reference=REFERENCE, verdict=VERIFIED if all(dim.values()) else REFUTED,
        checked=f"every pair of parities, d=1..{min(d_max, 7)}; SQ dimension, d=1..{min(d_max, 10)}",
        evidence=(f"E[(-1)^f_S (-1)^f_T] = [S = T] for every pair; SQ dimension = 2^d for d=1..{min(d_max, 10)}: "
                  f"{sqdims}") if all(dim.values()) else failed_facts(dim),
        independent_reference="orthogonality of characters: sum_x (-1)^|(S^T) & x| = 2^d [S = T] (a closed form); "
                              "the SQ dimension of pairwise-orthogonal functions is their number",
        count=sum(2 ** (d - 1) * (2 ** d + 1) for d in range(1, min(d_max, 7) + 1)), d_min=1, d_max=min(d_max, 10),
        details={"facts": dim, "sq_dimension": sqdims})
    tight_txt = f"{tight.get(de, 0):,} of the {2 ** (2 ** (de + 1)):,} queries at d={de}"
    r_per = Report(
        title="Each SQ is far from the null answer for < 1/(4 alpha^2) parities",
        claim='"Then, for any fixed accuracy eps, there does not exist polynomials p(d) and q(d), and an algorithm '
              'using statistical queries with tolerance alpha >= 1/q(d) ..." (Theorem 4.1; its engine)',
        reference=REFERENCE, verdict=VERIFIED if all(per.values()) else REFUTED,
        checked=(f"every query chi: X x {{0,1}} -> {{0,1}} directly for d<={de} (also on a grid of alphas); every "
                 f"g = chi(.,1)-chi(.,0) in {{-1,0,1}}^(2^d) for d<={dt} ({3 ** (1 << dt):,} at d={dt}: all "
                 f"{2 ** (2 ** (dt + 1)):,} queries by the central identity); random (hypothesis-drawn, derandomised) "
                 f"queries for d={dt + 1}..{d_max} ({drawn} in all); the bent query for even d"),
        evidence=(f"max over all queries of 4k*delta_(k)^2 is exactly 1 (Parseval) for every d<={dt}, reached by "
                  f"{tight_txt} (e.g. chi(x,y)=[y=f_S(x)]: one parity at distance 1/2; bent g: all 2^d at "
                  f"2^(-d/2-1)), so 'fewer than 1/(4 alpha^2)' is tight but never fails; above d={dt} only random "
                  f"queries, none fails; fl.max_eliminations: {details['fl.max_eliminations']}")
        if all(per.values()) else failed_facts(per),
        independent_reference=("E[chi(x, f_S(x))] by plain enumeration of the truth tables (no oracle code); the "
                               "identity delta_S = |ghat(S)|/2 checked against a numpy +-1 matrix product; at d=4 a "
                               "plain in-place Walsh-Hadamard butterfly per g (proofs_check.common, numba) with a "
                               "histogram of |ghat|; fl.walsh_hadamard and fl.StatisticalQueryOracle compared"),
        count=checked, d_min=1, d_max=d_max, scope=f"all queries d<={dt}",
        details={"facts": per, "queries_meeting_the_bound_with_equality": tight, "every_g": ternary,
                 "hypothesis_queries": drawn})
    return [r_dim, r_per]


def _oracle_agrees(Q: np.ndarray, d: int) -> bool:
    """exact_value and null_value of ``fl.StatisticalQueryOracle`` against plain enumeration."""
    n = 1 << d
    P = parity_matrix(d)
    teachers = list(fl.parities(d))
    oracle = fl.StatisticalQueryOracle(teachers[0], fl.uniform(d), Fraction(1, 8))
    for row in Q:
        q = fl.StatisticalQuery.from_table(row.reshape(2, n).T)
        if oracle.null_value(q) != Fraction(int(row.sum()), 2 * n):
            return False
        for S, f in enumerate(teachers):
            if oracle.exact_value(q, f) != Fraction(int(sum(int(row[x + n * P[S, x]]) for x in range(n))), n):
                return False
    return True


def _hypothesis_queries(d: int, examples: int) -> tuple[bool, int]:
    """Hypothesis-drawn chi = (chi(., 0), chi(., 1)) at dimension d: (bound held, how many)."""
    from hypothesis import HealthCheck, given, settings
    from finitelearn.strategies import function_pairs

    P = parity_matrix(d).astype(np.int64)
    seen = [0]

    @settings(max_examples=examples, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(function_pairs(d=d))
    def prop(pair):
        t0 = pair[0].truth_table.astype(np.int64)
        t1 = pair[1].truth_table.astype(np.int64)
        E = t0.sum() + P @ (t1 - t0)                       # sum_x chi(x, f_S(x)) for all S
        D = np.abs(2 * E - (t0.sum() + t1.sum()))[None, :]
        ratio, _ = _parseval_ok(D, d)
        seen[0] += 1
        assert ratio[0] <= 4**d, (d, ratio[0])

    try:
        prop()
    except AssertionError:
        return False, seen[0]
    return True, seen[0]
