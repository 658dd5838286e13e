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
        t = abs(X[i, c] - Y[j, c])
        if p_code == 0:
            if t:
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
    best = np.empty(n, dtype=np.int64)  # every entry is set below
    arg = np.empty(n, dtype=np.int64)
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


@njit(cache=True)
def hamming_transform(d, sources):
    """Multi-source breadth-first search over {0,1}^d (neighbours differ in one bit).

    ``sources`` are sorted distinct int64 point indices.  Returns (dist, origin): dist[k]
    is the Hamming distance from point k to the nearest source (int8, -1 with no
    sources), origin[k] the smallest such source.  Level by level: a point first reached
    at level L+1 keeps the origin of the first of its level-L neighbours in the queue, the
    smallest origin among them, which is the smallest source at distance L+1.  By induction
    on L, each level sits in the queue in nondecreasing order of origin: level 0 is the
    sorted sources, and level L+1 is appended while level L is read in that order.  So a
    later neighbour never has a smaller origin, and a point is set once, when first reached.
    """
    n = np.int64(1) << d
    dist = np.full(n, -1, dtype=np.int8)
    origin = np.full(n, -1, dtype=np.int64)
    queue = np.empty(n, dtype=np.int64)
    end = 0
    for j in range(len(sources)):
        s = sources[j]
        dist[s] = 0
        origin[s] = s
        queue[end] = s
        end += 1
    start = 0
    level = 0
    while start < end:
        stop = end
        for q in range(start, stop):
            u = queue[q]
            for i in range(d):
                v = u ^ (np.int64(1) << i)
                if dist[v] < 0:
                    dist[v] = level + 1
                    origin[v] = origin[u]
                    queue[end] = v
                    end += 1
        start = stop
        level += 1
    return dist, origin
