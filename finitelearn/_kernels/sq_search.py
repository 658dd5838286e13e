"""numba kernel of the exhaustive one-query search (private): every Boolean query, bit-sliced.

A Boolean statistical query chi: {0,1}^d x {0,1} -> {0,1} on n = 2^d points is an
integer t of 2n bits: bit x is chi(x, 0), bit n + x is chi(x, 1).  Against the null
answer a member f_S is ruled out iff |G(S)| > thr, where G(S) = sum_x g(x) chi_S(x) with
g = chi(., 1) - chi(., 0) (the central identity, docs/design.md: the gap to the null value
is |G(S)| / 2^(d+1)) and thr = floor(alpha 2^(d+1)); each G(S) is four popcounts.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .bits import popcount64
from .census import coordinate_pattern

__all__ = ["best_query"]


@njit(cache=True, nogil=True)
def best_query(d, masks, thr, require, lo, hi):
    """(most members ruled out, the smallest query t attaining it) over t in lo..hi-1; (-1, -1) if none counts.

    ``require``: skip queries whose null answer keeps no member.
    """
    n = 1 << d
    valid = (np.uint64(1) << np.uint64(n)) - np.uint64(1)  # n = 2^d <= 16: t holds 2n <= 32 bits (d <= 4)
    m = masks.shape[0]
    pats = np.empty(m, dtype=np.uint64)
    for r in range(m):
        p = np.uint64(0)
        for i in range(d):
            if (masks[r] >> i) & 1:
                p ^= coordinate_pattern(i, d)
        pats[r] = p
    best = -1
    best_t = -1
    for t in range(lo, hi):
        c0 = np.uint64(t) & valid
        c1 = (np.uint64(t) >> np.uint64(n)) & valid
        cnt = 0
        for r in range(m):
            p = pats[r]
            g = (np.int64(popcount64(c1 & ~p)) - np.int64(popcount64(c1 & p))) - \
                (np.int64(popcount64(c0 & ~p)) - np.int64(popcount64(c0 & p)))
            if abs(g) > thr:
                cnt += 1
        if require and cnt == m:
            continue
        if cnt > best:
            best = cnt
            best_t = t
    return best, best_t
