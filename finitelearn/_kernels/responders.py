"""numba kernels of the max-consistent responder (private): grouping the values, scanning the windows.

:func:`finitelearn.responders.max_consistent_answer` answers the statistical query whose
exact values over the version space are ``values`` (with multiplicities ``counts``) with
the answer keeping the most candidates within t, nearest to the null value among the best.
Over thousands of candidates per query (the scaling run asks tens of thousands of
queries) the numpy form's dozen passes and temporaries dominated the query; here:

* ``group_dense`` counts integer values spread over a short range (the usual case: one
  query's values over many parities are a few integers apart) into the distinct values,
  ascending, with their total counts: two passes, no sort;
* ``best_window`` scans the windows [v_i, v_i + 2t] over sorted distinct values with two
  pointers (O(n)) and keeps the first best one by (count, distance of its admissible
  interval to the null value).

All arithmetic is int64; the caller (``responders.py``) uses them only when the values,
the window and the null value are int64 with room (|x| < 2^60).  The plain twins are
``tests/naive.py``'s ``group_values`` and ``best_window``.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["best_window", "group_dense"]


@njit(cache=True)
def group_dense(values, counts, lo, size):
    """(distinct values ascending, their total counts) of ``values`` (all in lo .. lo + size - 1)."""
    per = np.zeros(size, np.int64)
    for i in range(values.shape[0]):
        per[values[i] - lo] += counts[i]
    m = 0
    for k in range(size):
        if per[k] != 0:
            m += 1
    v = np.empty(m, np.int64)
    c = np.empty(m, np.int64)
    m = 0
    for k in range(size):
        if per[k] != 0:
            v[m] = lo + k
            c[m] = per[k]
            m += 1
    return v, c


@njit(cache=True)
def best_window(v, c, t, null, truth, has_truth):
    """(answer, kept) of the max-consistent responder over sorted distinct values v with counts c.

    The window starting at v_i holds v_i .. v_j (v_j <= v_i + 2t < v_{j+1}); its admissible
    answers are [v_j - t, v_i + t] (intersected with [truth - t, truth + t] when
    ``has_truth``, and then only windows holding ``truth`` count: count -1 otherwise;
    ``truth`` must then be one of v, at count 0 if no candidate has it, so that the window
    starting at it holds it: the caller's ``_start_at_truth``).
    The first window with the largest count, and among those the smallest distance of the
    interval to ``null``, gives the answer: the point of its interval nearest to ``null``.
    """
    n = v.shape[0]
    best_cnt = np.int64(-2)
    best_dist = np.int64(0)
    best_lo = np.int64(0)
    best_hi = np.int64(0)
    j = 0
    inside = np.int64(0)  # sum of c[i .. j - 1]
    for i in range(n):
        top = v[i] + 2 * t
        while j < n and v[j] <= top:
            inside += c[j]
            j += 1
        cnt = inside
        lo = v[j - 1] - t
        hi = v[i] + t
        if has_truth:
            if not (v[i] <= truth and truth <= top):
                cnt = -1
            lo = max(lo, truth - t)
            hi = min(hi, truth + t)
        dist = max(max(lo - null, null - hi), 0)
        if cnt > best_cnt or (cnt == best_cnt and dist < best_dist):
            best_cnt = cnt
            best_dist = dist
            best_lo = lo
            best_hi = hi
        inside -= c[i]
    return min(max(null, best_lo), best_hi), best_cnt
