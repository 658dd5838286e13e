"""Numba kernel for the exact max-consistent one-query search (private).

:func:`finitelearn.sq_complexity._mc_exhaustive` fixes one half h0 of a query's h (its
spectrum ``A``) and runs over every other half h1 (the rows of ``spec``): the class's
values are ``A + spec[r]`` and ``A - spec[r]``, and the adversary keeps the most values
in a window of width ``win``.  ``least_max_window`` returns the least such count below
``start`` and the first row attaining it.  Its plain twin lives in ``tests/naive.py``
(bound in ``tests/_kernels/test_sq.py``).
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def least_max_window(A, spec, win, start):
    """(k, row): min over rows r of the max window count of A +- spec[r], if below ``start``; else (start, -1).

    A row is skipped as soon as one window is seen to hold ``k`` values (the best so far):
    first the window centred at 0 ([-win/2, win/2], the null answer's), then every window
    of the sorted values.
    """
    n = A.shape[0]
    m = 2 * n
    half = win // 2
    best = start
    best_row = -1
    buf = np.empty(m, dtype=np.int64)
    for r in range(spec.shape[0]):
        c = 0
        for i in range(n):
            a = np.int64(A[i]) + spec[r, i]
            b = np.int64(A[i]) - spec[r, i]
            buf[i] = a
            buf[n + i] = b
            if -half <= a <= half:
                c += 1
            if -half <= b <= half:
                c += 1
        if c >= best:
            continue
        for i in range(1, m):                   # insertion sort of 2n small values
            v = buf[i]
            j = i - 1
            while j >= 0 and buf[j] > v:
                buf[j + 1] = buf[j]
                j -= 1
            buf[j + 1] = v
        kk = 0
        j = 0
        for i in range(m):
            while j < m and buf[j] - buf[i] <= win:
                j += 1
            if j - i > kk:
                kk = j - i
                if kk >= best:
                    break
        if kk < best:
            best = kk
            best_row = r
    return best, best_row
