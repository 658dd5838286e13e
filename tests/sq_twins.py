"""Twins of the one-query maximum (finitelearn.sq_complexity.max_eliminations), written from
the definitions with no central identity and no solver: every Boolean query enumerated
(d <= 3: 2^16 queries), the reduced model of the paper's class enumerated at d = 4 (5^8
functions), what one query rules out recounted in Fractions, and the adaptive game's
brute-force minimax.  Shared by
tests/test_sq_complexity.py and the scaling tests (tests/test_experiments.py), whose
sharpest lower bound is max(Parseval, ceil((m - 1) / r)) with r this maximum."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from functools import lru_cache

import numpy as np

from tests import naive


def all_boolean_queries(d):
    """(q, 2^d, 2) array of every chi: X x {0,1} -> {0,1}."""
    n = 1 << d
    bits = np.arange(1 << (2 * n), dtype=np.int64)
    return ((bits[:, None] >> np.arange(2 * n)[None, :]) & 1).reshape(-1, n, 2)


def exact_values(chi, tables, weights):
    """(q, m) numerators over W of E_D[chi(x, T(x))], and (q,) numerators over 2W of the null value."""
    n = tables.shape[1]
    vals = np.stack([(chi[:, np.arange(n), t] * weights).sum(axis=1) for t in tables], axis=1)
    null2 = (chi.sum(axis=2) * weights).sum(axis=1)
    return vals, null2


def twin_max_eliminations(tables, weights, alpha):
    """(null & consistent, null any, max_consistent) by enumerating all Boolean queries."""
    alpha = Fraction(alpha)
    W = int(weights.sum())
    chi = all_boolean_queries(int(np.log2(tables.shape[1])))
    vals, null2 = exact_values(chi, tables, weights)
    # |V/W - null2/(2W)| > alpha  <=>  |2V - null2| * b > 2 a W
    dev = np.abs(2 * vals - null2[:, None]) * alpha.denominator
    out = (dev > 2 * alpha.numerator * W).sum(axis=1)
    m = tables.shape[0]
    consistent = out < m
    best_null = int(out[consistent].max())
    best_any = int(out.max())
    # the adversary keeps the most values in a window of width 2 alpha
    kept = np.zeros(vals.shape[0], dtype=np.int64)
    for i in range(m):
        diff = (vals - vals[:, [i]]) * alpha.denominator
        kept = np.maximum(kept, ((diff >= 0) & (diff <= 2 * alpha.numerator * W)).sum(axis=1))
    best_mc = int((m - kept).max())
    return best_null, best_any, best_mc


def twin_game(tables, weights, alpha):
    """Brute-force minimax of the adaptive game (memoised recursion over version spaces)."""
    alpha = Fraction(alpha)
    W = int(weights.sum())
    chi = all_boolean_queries(int(np.log2(tables.shape[1])))
    vals, _ = exact_values(chi, tables, weights)
    vals = [tuple(Fraction(int(v), W) for v in row) for row in np.unique(vals, axis=0)]
    m = tables.shape[0]

    @lru_cache(maxsize=None)
    def value(V):
        if len(V) == 1:
            return 0
        best = math.inf
        for row in vals:
            answers = {row[i] + alpha for i in V}          # every kept set lies in one of these windows
            kept = [tuple(j for j in V if abs(row[j] - A) <= alpha) for A in answers]
            if any(len(k) == len(V) for k in kept):
                continue
            best = min(best, 1 + max(value(k) for k in kept))
        return best

    return value(tuple(range(m)))


def plain_eliminated(query, cc, alpha, answer):
    """What ``query`` rules out of ``cc`` under the uniform law, from the definition: each member's
    E[chi(x, T(x))] summed over the points in Fractions, the adversary's answer by naive.py."""
    num, den = query.numerators.tolist(), query.denominator
    n = 1 << cc.d
    values = [Fraction(sum(num[x][int(t[x])] for x in range(n)), den * n) for t in cc.tables.tolist()]
    null = Fraction(sum(num[x][0] + num[x][1] for x in range(n)), 2 * den * n)
    return naive.adversary_removed(answer, values, null, Fraction(alpha))


@lru_cache(maxsize=None)
def twin_reduced_d4(alpha):
    """d = 4 by enumerating h: {0,1}^3 -> {-2..2} (5^8 functions), the class spectrum by a plain sum."""
    alpha = Fraction(alpha)
    xs = range(8)
    chi = np.array([[(-1) ** bin(s & x).count("1") for x in xs] for s in xs])
    hs = np.array(list(itertools.product(range(-2, 3), repeat=8)))
    G = hs @ chi.T                                  # every S' in {0,1}^3 is a member (S = {1} u S')
    K0 = 2 * alpha * 16                             # |G| > 2 alpha 2^d
    assert K0.denominator == 1                      # the alphas asked here: 1/4, 1/8, 1/16
    K0 = int(K0)                                    # int64 comparisons (a Fraction made them 25M object ones)
    out = (np.abs(G) > K0).sum(axis=1)
    null = int(out[out < 8].max()), int(out.max())
    kept = np.zeros(len(hs), dtype=np.int64)
    for i in range(8):
        diff = G - G[:, [i]]
        kept = np.maximum(kept, ((diff >= 0) & (diff <= 2 * K0)).sum(axis=1))
    return null[0], null[1], int((8 - kept).max())


def paper_tables(d):
    """The teachers of (4.3) from the definition: f_S(x) = |S & x| mod 2 for the odd masks S
    (index 0 is the paper's coordinate 1), as a (2^(d-1), 2^d) int64 array."""
    return np.array([[bin(S & x).count("1") % 2 for x in range(1 << d)] for S in range(1, 1 << d, 2)],
                    dtype=np.int64)


def one_query_maximum(d, alpha, responder):
    """The most of (4.3)'s teachers one query rules out under the uniform law (d = 2, 3: every
    Boolean query; d = 4: the reduced model): any query against the null responder, the
    max-consistent adversary's removals otherwise (it always keeps a member)."""
    if d in (2, 3):
        _, null_any, mc = twin_max_eliminations(paper_tables(d), np.ones(1 << d, dtype=np.int64), alpha)
    elif d == 4:
        _, null_any, mc = twin_reduced_d4(alpha)
    else:
        raise ValueError(f"d = {d}: the twins enumerate d = 2, 3 and 4 only")
    return null_any if responder == "null" else mc


def parseval_bound(m, alpha):
    """Parseval's bound (4.3) on the SQ game's length for m members: at most
    ceil(1 / (4 alpha^2)) - 1 of them are ruled out per query, so ceil((m - 1) / that) queries;
    None when alpha is so large that no query rules out any."""
    removal = math.ceil(1 / (4 * Fraction(alpha) ** 2)) - 1  # exact: a Fraction
    return None if removal <= 0 else -(-(m - 1) // removal)


def sharpest_bound(d, alpha, responder):
    """The scaling records' sharpest lower bound on the SQ game's length, from the twins:
    max(Parseval, ceil((m - 1) / r)) with m = 2^(d-1), :func:`parseval_bound` and r
    :func:`one_query_maximum`; None when r = 0."""
    alpha = Fraction(alpha)
    m = 1 << (d - 1)
    r = one_query_maximum(d, alpha, responder)
    if r == 0:
        return None
    return max(parseval_bound(m, alpha) or 0, -(-(m - 1) // r))


@lru_cache(maxsize=None)
def best_one_query_d3(alpha, require=True):
    """The best single query at d = 3 against (4.3), {f_S : 1 in S}, by ``naive.best_query``
    over all 2^16 Boolean queries (alpha = thr / 2^(d+1)): (how many it rules out, the first
    such query as its table chi(x, 0), chi(x, 1)).  Any alpha: 2^(d+1) |value - null| is an
    integer k, and k > 2^(d+1) alpha exactly when k > floor(2^(d+1) alpha)."""
    n = 8
    thr = math.floor(Fraction(alpha) * 2 * n)
    best, t = naive.best_query(3, [0b001, 0b011, 0b101, 0b111], thr, require, 0, 1 << (2 * n))
    return best, [[(t >> x) & 1, (t >> (n + x)) & 1] for x in range(n)]
