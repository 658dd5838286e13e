"""The Walsh-Hadamard kernel (private).

``wht_inplace(a)`` overwrites a length-2^d int64 or float64 array with its unnormalised
Walsh-Hadamard transform  A[S] = sum_x a[x] (-1)^{popcount(S & x)}.  Callers validate
(length a power of two, dtype, overflow bound |A| <= max|a| * 2^d < 2^63) before calling.
``wht_reference`` is the plain, obviously correct twin that tests compare against.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["wht_inplace", "wht_reference"]


@njit(cache=True)
def _butterfly(a):
    n = a.shape[0]
    h = 1
    while h < n:
        for start in range(0, n, 2 * h):
            for j in range(start, start + h):
                u = a[j]
                v = a[j + h]
                a[j] = u + v
                a[j + h] = u - v
        h *= 2


def wht_inplace(a: np.ndarray) -> None:
    """Transform ``a`` in place (int64 or float64, contiguous, length 2^d)."""
    _butterfly(a)


def wht_reference(values: np.ndarray) -> np.ndarray:
    """Plain O(4^d) definition: A[S] = sum_x a[x] (-1)^{|S & x|} (for tests, small d)."""
    values = np.asarray(values)
    n = values.shape[0]
    out = np.zeros(n, dtype=values.dtype)
    for s in range(n):
        total = values.dtype.type(0)
        for x in range(n):
            if bin(s & x).count("1") % 2:
                total -= values[x]
            else:
                total += values[x]
        out[s] = total
    return out
