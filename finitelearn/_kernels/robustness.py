"""Numba kernels for exact l_p distances between lattice points (private).

Points are int64 vectors (a domain's ``_lattice()``: coordinates times the domain's
scale).  ``p_code`` is 0 (number of differing coordinates), 1 (sum of |differences|),
2 (sum of squared differences) or 3 (largest |difference|, for p = inf).  The callers
check that the values fit in int64 (``FiniteDomain._check_lattice_bounds``).  Plain
twins live in ``tests/naive.py`` (bound in ``tests/_kernels/test_robustness.py``).
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def lattice_distance(X, i, Y, j, p_code):
    """The integer l_p value between rows X[i] and Y[j] (see the module docstring)."""
    acc = 0
    for c in range(X.shape[1]):
        t = X[i, c] - Y[j, c]
        if t < 0:
            t = -t
        if p_code == 0:
            if t != 0:
                acc += 1
        elif p_code == 1:
            acc += t
        elif p_code == 2:
            acc += t * t
        else:
            if t > acc:
                acc = t
    return acc


@njit(cache=True)
def nearest_source(targets, sources, p_code):
    """For each target row, the smallest l_p value to a source row and that source's row.

    Returns (best, arg): int64 arrays of length len(targets); with no sources, best is -1.
    """
    n = targets.shape[0]
    best = np.full(n, -1, dtype=np.int64)
    arg = np.full(n, -1, dtype=np.int64)
    for t in range(n):
        b = -1
        a = -1
        for s in range(sources.shape[0]):
            v = lattice_distance(targets, t, sources, s, p_code)
            if b < 0 or v < b:
                b = v
                a = s
                if v == 0:
                    break
        best[t] = b
        arg[t] = a
    return best, arg


@njit(cache=True)
def within_of_sources(targets, sources, p_code, threshold):
    """Bool per target: some source is within ``threshold`` (lattice value <= threshold)."""
    n = targets.shape[0]
    out = np.zeros(n, dtype=np.bool_)
    for t in range(n):
        for s in range(sources.shape[0]):
            if lattice_distance(targets, t, sources, s, p_code) <= threshold:
                out[t] = True
                break
    return out
