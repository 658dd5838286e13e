"""numba kernels of the oracles (private).

Each kernel sums in int64 with no fastmath; the callers in :mod:`finitelearn.oracles`
check the overflow bound (weight total x query denominator < 2^61) first.  The plain
twins live in ``tests/naive.py`` (bound in ``tests/_kernels/test_oracle.py``).
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["teacher_sum", "class_sums", "parity_labels"]


@njit(cache=True)
def teacher_sum(table, support, weights, num0, num1):
    """sum_{x in support} w(x) * num_{T(x)}(x): the numerator of E_D[chi(x, T(x))]."""
    total = np.int64(0)
    for k in range(len(support)):
        x = support[k]
        if table[x]:
            total += weights[k] * num1[x]
        else:
            total += weights[k] * num0[x]
    return total


@njit(cache=True)
def class_sums(tables, rows, support, weights, num0, num1):
    """teacher_sum for the members ``rows`` of a class given by (m, 2^d) uint8 tables."""
    out = np.empty(len(rows), dtype=np.int64)
    for r in range(len(rows)):
        t = tables[rows[r]]
        total = np.int64(0)
        for k in range(len(support)):
            x = support[k]
            if t[x]:
                total += weights[k] * num1[x]
            else:
                total += weights[k] * num0[x]
        out[r] = total
    return out


@njit(cache=True)
def parity_labels(masks, x):
    """f_S(x) = popcount(S & x) mod 2 for every mask S (uint8), the data-query answers of a parity class."""
    out = np.empty(len(masks), dtype=np.uint8)
    for k in range(len(masks)):
        v = masks[k] & x
        p = 0
        while v:
            v &= v - 1
            p ^= 1
        out[k] = p
    return out
