"""numba kernel of the greedy SQ student (private): one candidate query against the adversary, simulated.

The greedy student (:class:`finitelearn.learners.Greedy`) weighs some fifty candidate
queries per step; each is the agreement query of g = chi_a F(<v_1, x>, ...), whose value
for the teacher f_S is 1/2 - ghat(S)/2 with ghat(a + v_J) = Fhat(J).  ``simulate_removed``
counts the candidates the adversary's answer to it rules out, in one pass over the
pattern's support and a counting sort of its coefficients (|Fhat(J)| 2^k <= 2^k), with
no temporary arrays of the version space's size.  The caller (``learners/sq.py``) checks
that every number stays below 2^62 (values (2^k - c) b, the window 2t) and otherwise
uses its Python-int path.  The plain twin is ``tests/naive.py``'s ``simulate_removed``,
built on :func:`finitelearn.responders.respond`.

``best_candidate`` runs one whole step of the student's search (every candidate query it
weighs, simulated in the order the student weighs them, the first best kept) in one call;
its reference is the student's own plain loop (``Greedy._best_python``), which it must
choose exactly as.  ``independent_differences`` picks the student's free directions (the greedy GF(2) basis of
the differences to an anchor) and ``query_table`` writes the truth table of the query it
asks; their twins in ``tests/naive.py`` are the definitions, by sets of spans and bit by
bit.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["best_candidate", "independent_differences", "query_table", "simulate_removed"]


@njit(cache=True)
def simulate_removed(pos, span, a, support, coefficients, vs_size, n, b, t, null_kind):
    """Candidates ruled out by the answer of the ``null`` (``null_kind``) or ``max_consistent`` adversary.

    Parameters (all int64)
    ----------
    pos : over the masks 0..2^d - 1, each member's position in the version space (the
        oracle's order), -1 for a mask outside it.
    span : v_J for every J (span[J] = xor of the directions in J).
    a : the anchor (a candidate mask).
    support, coefficients : the J with Fhat(J) != 0 and 2^k Fhat(J) (in [-n, n], never 0).
    vs_size : the version-space size; the members not hit sit at the null value.
    n : 2^k.  b : the tolerance's denominator.  t : the tolerance in units (2 n alpha b).

    The value of a hit with coefficient c is (n - c) b, in units of 1/(2 n b); the null
    value is n b (c = 0, which no hit has).  The null responder answers the null value when
    a value is within t of it, else the value nearest to it moved t towards it (on a tie
    the value of the member first in the version space, as
    :func:`finitelearn.responders.null_answer` reads the oracle's values in that order);
    the max-consistent one the window [v, v + 2t] holding the most candidates, nearest to the null value, the lowest on a tie (:func:`max_consistent_answer`).
    """
    m = 2 * n + 1
    count = np.zeros(m, np.int64)
    first = np.full(m, -1, np.int64)
    hits = 0
    for j in range(support.shape[0]):
        p = pos[a ^ span[support[j]]]
        if p >= 0:
            c = coefficients[j] + n
            if count[c] == 0 or p < first[c]:
                first[c] = p
            count[c] += 1
            hits += 1
    rest = vs_size - hits
    count[n] += rest  # the null value's group (c = 0)
    null = n * b
    if null_kind:
        ans = null
        if rest == 0:
            best_c = -1
            for c in range(m):
                if count[c] == 0:
                    continue
                dist = abs(c - n) * b
                if best_c < 0:
                    best_c = c
                else:
                    bdist = abs(best_c - n) * b
                    if dist < bdist or (dist == bdist and first[c] < first[best_c]):
                        best_c = c
            dist = abs(best_c - n) * b
            if dist > t:
                v = (n - (best_c - n)) * b
                ans = v - t if v > null else v + t
    else:
        # values ascending = coefficients descending; windows start at each present value
        best_cnt = -1
        best_dist = 0
        ans = null
        for ci in range(m - 1, -1, -1):
            if count[ci] == 0:
                continue
            vi = (2 * n - ci) * b
            top = vi + 2 * t
            cnt = 0
            last = vi
            for cj in range(ci, -1, -1):
                vj = (2 * n - cj) * b
                if vj > top:
                    break
                if count[cj]:
                    cnt += count[cj]
                    last = vj
            lo = last - t
            hi = vi + t
            dist = max(max(lo - null, null - hi), 0)
            if cnt > best_cnt or (cnt == best_cnt and dist < best_dist):
                best_cnt = cnt
                best_dist = dist
                ans = min(max(null, lo), hi)
    kept = 0
    for c in range(m):
        if count[c] and abs((2 * n - c) * b - ans) <= t:
            kept += count[c]
    return vs_size - kept


@njit(cache=True)
def independent_differences(vs, anchor, k):
    """Up to k differences vs[anchor] ^ vs[(anchor + i) % n], i = 1, 2, ..., independent over GF(2).

    Each difference outside the span of those chosen before it is chosen (the greedy
    basis of that sequence, which does not depend on how membership in the span is
    decided), until k are chosen or the sequence ends.  The span test reduces by a basis
    kept in row-echelon form by leading bit (64 slots: masks are below 2^62).  Returns
    the chosen differences, in order, as an int64 array.
    """
    n = vs.shape[0]
    a = vs[anchor]
    out = np.empty(min(k, 64), np.int64)
    pivot = np.zeros(64, np.int64)  # pivot[p]: a reduced basis vector whose leading bit is p, or 0
    found = 0
    i = 1
    while i < n and found < out.shape[0]:
        diff = a ^ vs[(anchor + i) % n]
        r = diff
        p = 63
        while r != 0 and p >= 0:
            if (r >> p) & 1:
                if pivot[p] == 0:
                    break
                r ^= pivot[p]
            p -= 1
        if r != 0:
            pivot[p] = r
            out[found] = diff
            found += 1
        i += 1
    return out[:found]


@njit(cache=True)
def query_table(d, dirs, a, table):
    """Truth table of h with (-1)^(1 - h(x)) = chi_a(x) F(<v_1, x>, ..., <v_k, x>), i.e. h(x) = [g(x) > 0].

    ``dirs`` holds v_1..v_k (int64 masks), ``table`` F's values (int64, +-1, indexed by
    y = sum_j <v_j, x> 2^(j-1)).  y and the parity <a, x> are linear in x over GF(2), so
    both are built bit by bit of x (y(x | 2^i) = y(x) ^ y(2^i)): O(2^d), no popcounts.
    """
    n = 1 << d
    y = np.empty(n, np.int64)
    s = np.empty(n, np.uint8)
    y[0] = 0
    s[0] = 0
    for i in range(d):
        yi = 0
        for j in range(dirs.shape[0]):
            yi |= ((dirs[j] >> i) & 1) << j
        si = (a >> i) & 1
        h = 1 << i
        for x in range(h):
            y[x | h] = y[x] ^ yi
            s[x | h] = s[x] ^ si
    out = np.empty(n, np.uint8)
    for x in range(n):
        g = table[y[x]]
        if s[x]:
            g = -g
        out[x] = 1 if g > 0 else 0
    return out


@njit(cache=True)
def _span_of(dirs, k):
    """v_J = xor of dirs[j] for j in J, for every J of 0..k-1 (length 2^k)."""
    out = np.zeros(1 << k, np.int64)
    for j in range(k):
        h = 1 << j
        for i in range(h):
            out[h + i] = out[i] ^ dirs[j]
    return out


@njit(cache=True)
def best_candidate(pos, vs, anchors, dirs, ndirs, block, nblock, pk, sup_off, sup_cat, coef_cat,
                   strong_off, strong_cat, translates, top, b, a_num, null_kind):
    """One step of the greedy student: (removed, pattern, anchor mask, source) of its best query.

    The candidates, in the student's order (a later one replaces the best only when it rules
    out strictly more):

    1. for each anchor slot s (anchor mask vs[anchors[s]], directions dirs[s, :ndirs[s]]),
       each pattern p with pk[p] <= ndirs[s];
    2. for each pattern p with pk[p] <= nblock: the ``top`` translates t of ``translates``
       with the most strong hits (pos[t ^ v_J] >= 0 for the strong J of p, in
       strong_cat[strong_off[p]:strong_off[p+1]], over the block's span), ties by position,
       each weighed only when its hits exceed the best so far (no adversary rules out more).

    Pattern p's support and 2^k Fhat are sup_cat / coef_cat[sup_off[p]:sup_off[p+1]]; the
    tolerance is a_num / b (the caller checks every value fits int64 with room).  ``source``
    is the anchor slot of the best query, or -1 for a block translate; pattern -1 when no
    candidate rules anyone out.
    """
    n = vs.shape[0]
    best = 0
    best_p = -1
    best_a = np.int64(0)
    best_src = -1
    npat = pk.shape[0]
    for s in range(anchors.shape[0]):
        a = vs[anchors[s]]
        span = _span_of(dirs[s], ndirs[s])
        for p in range(npat):
            k = pk[p]
            if k > ndirs[s]:
                continue
            m = np.int64(1) << k
            removed = simulate_removed(pos, span, a, sup_cat[sup_off[p]:sup_off[p + 1]],
                                       coef_cat[sup_off[p]:sup_off[p + 1]], n, m, b, a_num * 2 * m, null_kind)
            if removed > best:
                best, best_p, best_a, best_src = removed, p, a, s
    bspan = _span_of(block, nblock)
    nt = translates.shape[0]
    hits = np.empty(nt, np.int64)
    for p in range(npat):
        k = pk[p]
        if k > nblock:
            continue
        lo, hi = strong_off[p], strong_off[p + 1]
        for j in range(nt):
            c = 0
            t = translates[j]
            for q in range(lo, hi):
                if pos[t ^ bspan[strong_cat[q]]] >= 0:
                    c += 1
            hits[j] = c
        order = np.argsort(-hits, kind="mergesort")  # stable: ties by position
        m = np.int64(1) << k
        for r in range(min(top, nt)):
            j = order[r]
            if hits[j] > best:
                removed = simulate_removed(pos, bspan, translates[j], sup_cat[sup_off[p]:sup_off[p + 1]],
                                           coef_cat[sup_off[p]:sup_off[p + 1]], n, m, b, a_num * 2 * m, null_kind)
                if removed > best:
                    best, best_p, best_a, best_src = removed, p, translates[j], -1
    return best, best_p, best_a, best_src
