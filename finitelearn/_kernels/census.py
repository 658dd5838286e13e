"""numba predicates on truth tables as integers (private): the census of Boolean functions.

A Boolean function on d <= 5 variables is its truth table t as an integer (bit k of t is
f(point k), the packed word of docs/design.md), n = 2^d bits.  Each predicate has the
signature ``pred(t, d, arg)`` (t a uint64, d and arg int64) so that one counting kernel
(``finitelearn._kernels.lazy.count_tables``) serves them all.

Fourier coefficients are read bit-sliced: the integer coefficient 2^d fhat(S) of
F = (-1)^f is n - 2 popcount(t ^ P_S), where P_S is the packed table of the parity
chi_S (the xor of the coordinate patterns of the i in S).  No array is allocated.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .bits import popcount64

__all__ = ["coordinate_pattern", "walsh", "balanced", "monotone", "bent", "degree_at_most", "resilient"]

_C0 = np.uint64(0xAAAAAAAAAAAAAAAA)
_C1 = np.uint64(0xCCCCCCCCCCCCCCCC)
_C2 = np.uint64(0xF0F0F0F0F0F0F0F0)
_C3 = np.uint64(0xFF00FF00FF00FF00)
_C4 = np.uint64(0xFFFF0000FFFF0000)
_C5 = np.uint64(0xFFFFFFFF00000000)


@njit(cache=True)
def coordinate_pattern(i, d):
    """The packed table of x_{i+1} on {0,1}^d (d <= 6): bit k is bit i of k."""
    if i == 0:
        c = _C0
    elif i == 1:
        c = _C1
    elif i == 2:
        c = _C2
    elif i == 3:
        c = _C3
    elif i == 4:
        c = _C4
    else:
        c = _C5
    # the low 2^d bits: all ones shifted right by 64 - 2^d (0..63, never a shift by 64,
    # which LLVM leaves undefined)
    valid = ~np.uint64(0) >> np.uint64(64 - (1 << d))
    return c & valid


@njit(cache=True)
def walsh(t, d, S):
    """2^d fhat(S) of F = (-1)^f: n - 2 popcount(t ^ chi_S)."""
    p = np.uint64(0)
    for i in range(d):
        if (S >> i) & 1:
            p ^= coordinate_pattern(i, d)
    return (1 << d) - 2 * np.int64(popcount64(np.uint64(t) ^ p))


@njit(cache=True)
def balanced(t, d, arg):
    """f takes the value 1 on exactly half of the points."""
    return np.int64(popcount64(np.uint64(t))) == (1 << (d - 1))


@njit(cache=True)
def monotone(t, d, arg):
    """x <= y coordinatewise implies f(x) <= f(y): for each i, f(x) <= f(x + e_i) where x_i = 0."""
    t = np.uint64(t)
    for i in range(d):
        c = coordinate_pattern(i, d)
        low = t & ~c                      # f at the points with x_i = 0, in place
        high = (t & c) >> np.uint64(1 << i)  # f at x + e_i, moved onto x
        if low & ~high:
            return False
    return True


@njit(cache=True)
def bent(t, d, arg):
    """|2^d fhat(S)| = 2^(d/2) for every S (none for odd d)."""
    n = 1 << d
    for S in range(n):
        w = walsh(t, d, S)
        if w * w != n:
            return False
    return True


@njit(cache=True)
def degree_at_most(t, d, arg):
    """Fourier degree <= arg: fhat(S) = 0 for every |S| > arg."""
    for S in range(1 << d):
        if popcount64(np.uint64(S)) > arg and walsh(t, d, S) != 0:
            return False
    return True


@njit(cache=True)
def resilient(t, d, arg):
    """Resilient of order arg: fhat(S) = 0 for every |S| <= arg (balanced and arg-wise independent)."""
    for S in range(1 << d):
        if popcount64(np.uint64(S)) <= arg and walsh(t, d, S) != 0:
            return False
    return True
