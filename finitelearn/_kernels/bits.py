"""Bit-level numba kernels (private): popcount, bit-packed tables, weighted sums.

The public functions validate their arguments and then call these.  Every kernel sums
in int64 with no fastmath; the wrappers check the overflow bounds.  Each kernel has a
plain twin in ``tests/naive.py`` that the tests bind it to.

Bit-packed tables: a Boolean function on {0,1}^d is also stored as ``max(1, 2^d/64)``
uint64 words, bit j of word w being f(64 w + j); for d < 6 the unused high bits are 0
(packing and unpacking are numpy's, in finitelearn.functions: faster than a loop here).
"""

from __future__ import annotations

import numpy as np
from llvmlite import ir
from numba import config, njit, types
from numba.extending import intrinsic

__all__ = [
    "popcount64",
    "parity_packed",
    "popcount_table",
    "count_ones_packed",
    "count_disagreements_packed",
    "weighted_agreements",
    "weighted_sum",
    "influence_counts",
    "signed_table",
    "weight_by_degree",
    "restrict_table",
]


@intrinsic
def _ctpop(typingctx, x):
    """llvm.ctpop on a uint64: one POPCNT instruction where the CPU has it."""
    if not isinstance(x, types.Integer):  # pragma: no cover - typing guard
        return None
    sig = types.uint64(types.uint64)

    def codegen(context, builder, signature, args):
        (value,) = args
        fn = builder.module.declare_intrinsic("llvm.ctpop", [ir.IntType(64)])
        return builder.call(fn, [value])

    return sig, codegen


if config.DISABLE_JIT:  # type: ignore[attr-defined]  # set at import from NUMBA_DISABLE_JIT (coverage runs): the intrinsic has no Python form

    def popcount64(x):
        """Number of set bits of a uint64 (pure-Python form under NUMBA_DISABLE_JIT)."""
        return np.uint64(bin(int(x)).count("1"))

else:

    @njit(cache=True)
    def popcount64(x):
        """Number of set bits of a uint64."""
        return _ctpop(np.uint64(x))


@njit(cache=True)
def parity_packed(d, mask):
    """Packed table of f_S (S = mask): bit j of word w is popcount(mask & (64w+j)) mod 2.

    Built directly in packed form: the low six bits of a point choose the bit inside a
    word, the rest choose the word, so each word is a fixed 64-bit pattern or its
    complement.
    """
    n = np.int64(1) << d
    nwords = max(np.int64(1), n >> 6)
    low = mask & 63
    pattern = np.uint64(0)
    for j in range(min(n, 64)):
        if popcount64(np.uint64(low & j)) & np.uint64(1):
            pattern |= np.uint64(1) << np.uint64(j)
    # complemented only in the words w with popcount(high & w) odd, so never in word 0: with
    # fewer than 64 points (one word, its padding bits 0) the pattern is never complemented
    flipped = ~pattern
    high = np.uint64(mask >> 6)
    out = np.empty(nwords, dtype=np.uint64)
    for w in range(nwords):
        if popcount64(high & np.uint64(w)) & np.uint64(1):
            out[w] = flipped
        else:
            out[w] = pattern
    return out


@njit(cache=True)
def popcount_table(d):
    """int8 table of popcount(k) for k in 0..2^d-1 (the Hamming weight of each point)."""
    n = np.int64(1) << d
    out = np.empty(n, dtype=np.int8)
    for k in range(n):
        out[k] = np.int8(popcount64(np.uint64(k)))
    return out


@njit(cache=True)
def count_ones_packed(packed):
    """Number of set bits in a packed table."""
    total = np.int64(0)
    for w in range(len(packed)):
        total += np.int64(popcount64(packed[w]))
    return total


@njit(cache=True)
def count_disagreements_packed(a, b):
    """Number of points where two packed tables differ: sum popcount(a ^ b)."""
    total = np.int64(0)
    for w in range(len(a)):
        total += np.int64(popcount64(a[w] ^ b[w]))
    return total


@njit(cache=True)
def weighted_agreements(ta, tb, support, weights):
    """sum of weights[i] over support points s_i with ta[s_i] == tb[s_i]."""
    total = np.int64(0)
    for i in range(len(support)):
        s = support[i]
        if ta[s] == tb[s]:
            total += weights[i]
    return total


@njit(cache=True)
def weighted_sum(values, support, weights):
    """sum of weights[i] * values[s_i] over the support (int64)."""
    total = np.int64(0)
    for i in range(len(support)):
        total += weights[i] * np.int64(values[support[i]])
    return total


@njit(cache=True)
def influence_counts(table, d):
    """For each coordinate i, the number of x with f(x) != f(x xor e_i)."""
    n = len(table)
    out = np.zeros(d, dtype=np.int64)
    for i in range(d):
        bit = np.int64(1) << i
        c = np.int64(0)
        for k in range(n):
            if table[k] != table[k ^ bit]:
                c += 1
        out[i] = c
    return out


@njit(cache=True)
def signed_table(table):
    """(-1)^f as int64: the +-1 form F of a Boolean f (docs/design.md Fourier convention)."""
    n = len(table)
    out = np.empty(n, dtype=np.int64)
    for k in range(n):
        out[k] = 1 - 2 * np.int64(table[k])
    return out


@njit(cache=True)
def weight_by_degree(spectrum, d):
    """W[k] = sum over |S| = k of spectrum[S]^2 (int64; caller bounds the overflow).

    The square is taken in int64 whatever the spectrum's dtype (int16 or int32 from
    integer_spectrum): numba widens a narrow product by itself, numpy scalars do not, and
    with NUMBA_DISABLE_JIT=1 this runs on numpy scalars (256^2 wrapped to 0 in int16).
    """
    out = np.zeros(d + 1, dtype=np.int64)
    for s in range(len(spectrum)):
        v = np.int64(spectrum[s])
        out[popcount64(np.uint64(s))] += v * v
    return out


@njit(cache=True)
def restrict_table(table, d, fixed_mask, fixed_values):
    """Table of f restricted to {x : x_i = fixed bit for i in fixed_mask}, on the free bits."""
    free = np.empty(d, dtype=np.int64)
    m = 0
    for i in range(d):
        if not (fixed_mask >> i) & 1:
            free[m] = i
            m += 1
    n = np.int64(1) << m
    out = np.empty(n, dtype=np.uint8)
    for k in range(n):
        x = fixed_values
        for j in range(m):
            if (k >> j) & 1:
                x |= np.int64(1) << free[j]
        out[k] = table[x]
    return out
