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
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["simulate_removed"]


@njit(cache=True)
def simulate_removed(in_vs, span, a, support, coefficients, vs_size, n, b, t, null_kind):
    """Candidates ruled out by the answer of the ``null`` (``null_kind``) or ``max_consistent`` adversary.

    Parameters (all int64 but ``in_vs``, a bool array over the masks 0..2^d - 1)
    ----------
    in_vs : the version space as a membership table.
    span : v_J for every J (span[J] = xor of the directions in J).
    a : the anchor (a candidate mask).
    support, coefficients : the J with Fhat(J) != 0 and 2^k Fhat(J) (in [-n, n], never 0).
    vs_size : the version-space size; the members not hit sit at the null value.
    n : 2^k.  b : the tolerance's denominator.  t : the tolerance in units (2 n alpha b).

    The value of a hit with coefficient c is (n - c) b, in units of 1/(2 n b); the null
    value is n b (c = 0, which no hit has).  The null responder answers the null value when
    a value is within t of it, else the value nearest to it moved t towards it (the first
    hit's on a tie, as :func:`finitelearn.responders.null_answer` reads them in hit
    order); the max-consistent one the window [v, v + 2t] holding the most candidates,
    nearest to the null value, the lowest on a tie (:func:`max_consistent_answer`).
    """
    m = 2 * n + 1
    count = np.zeros(m, np.int64)
    first = np.full(m, -1, np.int64)
    hits = 0
    for j in range(support.shape[0]):
        if in_vs[a ^ span[support[j]]]:
            c = coefficients[j] + n
            if count[c] == 0:
                first[c] = j
            count[c] += 1
            hits += 1
    rest = vs_size - hits
    count[n] += rest  # the null value's group (c = 0)
    if rest > 0:
        first[n] = support.shape[0]  # after every hit
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
