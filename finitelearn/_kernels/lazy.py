"""numba kernels of functions given by a rule (private): bit-sliced evaluation, 64 points a word.

A lazy function is compiled (by ``finitelearn.lazy``) into a small straight-line program:
``code`` is an int64 array of shape (n, 3), one row ``(op, a, b)`` per node in post-order
(the last row is the root); leaves read their constants from ``up`` (uint64) and ``ip``
(int64) at offsets ``a`` and ``b``; inner nodes combine the registers ``a`` and ``b``.
The program is run on a block of words at once: register i holds, for each word index w
of the block, the 64 values f(64 w + j), j = 0..63 (bit j), of node i.

Leaves (every one evaluated at x xor m for a flip mask m folded in by the compiler):

* ``OP_CONST``     up[a]: the word.
* ``OP_PARITY``    up[a..a+2] = (pattern of the low coordinates, mask of the high ones
                   shifted down by 6, flip word): pattern ^ flip ^ -(popcount(w & high) & 1).
* ``OP_AND_LITS``  up[a..a+2] = (low pattern, high mask, high polarity): the pattern when
                   (w & high) == polarity, else 0 (a conjunction of literals).
* ``OP_OR_LITS``   the same for a disjunction: pattern | -(any high literal true).
* ``OP_THRESHOLD`` ip[b] = theta, ip[b+1] = n_low, ip[b+2] = n_bytes, then the n_low low
                   sums sorted in decreasing order, then n_bytes tables of 256 high sums;
                   up[a..a+n_low] the prefix masks (bits of the c largest low sums).  Word =
                   prefix mask of the number of low sums >= theta - (high sum of w).
* ``OP_TABLE``     ip[b..b+2] = (offset in ``tabs``, word xor, low xor), up[a..a+5] the
                   delta-swap masks: a bit-packed table read at w xor (word xor), its bits
                   permuted by the low xor.
* ``OP_KBUF``      row a of ``kbuf``: words of a user's kernel computed beforehand for
                   this block (:func:`kernel_words`, compiled per kernel).

Inner nodes: ``OP_NOT``, ``OP_AND``, ``OP_OR``, ``OP_XOR``.

Counts are int64: at most 2^40 points are ever counted by one call (the wrapper's d <= 40).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .bits import popcount64

__all__ = [
    "OP_CONST", "OP_PARITY", "OP_AND_LITS", "OP_OR_LITS", "OP_THRESHOLD", "OP_TABLE", "OP_KBUF",
    "OP_NOT", "OP_AND", "OP_OR", "OP_XOR", "BLOCK",
    "deposit", "subcube_words", "eval_block", "count_block", "count_words", "count_range",
    "kernel_words", "bits_at", "count_tables",
]

OP_CONST, OP_PARITY, OP_AND_LITS, OP_OR_LITS, OP_THRESHOLD, OP_TABLE, OP_KBUF = 0, 1, 2, 3, 4, 5, 6
OP_NOT, OP_AND, OP_OR, OP_XOR = 7, 8, 9, 10
BLOCK = 256  # words per block: the registers of a program stay in the L1/L2 cache


@njit(cache=True, nogil=True)
def deposit(k, mask):
    """The k-th submask of ``mask`` in increasing order (bit i of k goes to the i-th set bit)."""
    out = np.uint64(0)
    k = np.uint64(k)
    j = np.uint64(0)
    m = np.uint64(mask)
    one = np.uint64(1)
    for i in range(64):
        b = np.uint64(i)
        if (m >> b) & one:
            if (k >> j) & one:
                out |= one << b
            j += one
    return out


@njit(cache=True, nogil=True)
def subcube_words(k_lo, n, free, fixed, out):
    """Word indices fixed | s for the submasks s of ``free`` number k_lo .. k_lo+n-1, into ``out``."""
    free = np.uint64(free)
    fixed = np.uint64(fixed)
    s = deposit(k_lo, free)
    one = np.uint64(1)
    for t in range(n):
        out[t] = fixed | s
        s = ((s | ~free) + one) & free


@njit(cache=True, nogil=True)
def eval_block(code, up, ip, tabs, kbuf, widx, n, regs):
    """Run the program on the n words ``widx[:n]``; register i of node i in ``regs[i, :n]``."""
    zero = np.uint64(0)
    one = np.uint64(1)
    ones = ~zero
    for i in range(code.shape[0]):
        op = code[i, 0]
        a = code[i, 1]
        b = code[i, 2]
        if op == OP_CONST:
            v = up[a]
            for t in range(n):
                regs[i, t] = v
        elif op == OP_PARITY:
            lp = up[a] ^ up[a + 2]
            hm = up[a + 1]
            for t in range(n):
                regs[i, t] = lp ^ (zero - (popcount64(widx[t] & hm) & one))
        elif op == OP_AND_LITS:
            lp = up[a]
            hm = up[a + 1]
            hp = up[a + 2]
            for t in range(n):
                regs[i, t] = lp if (widx[t] & hm) == hp else zero
        elif op == OP_OR_LITS:
            lp = up[a]
            hm = up[a + 1]
            hp = up[a + 2]
            for t in range(n):
                regs[i, t] = ones if (~(widx[t] ^ hp) & hm) != zero else lp
        elif op == OP_THRESHOLD:
            theta = ip[b]
            nlow = ip[b + 1]
            nb = ip[b + 2]
            lo_off = b + 3
            tab_off = lo_off + nlow
            for t in range(n):
                w = widx[t]
                h = 0
                for q in range(nb):
                    h += ip[tab_off + q * 256 + np.int64((w >> np.uint64(8 * q)) & np.uint64(255))]
                need = theta - h
                lo = 0
                hi = nlow
                while lo < hi:
                    mid = (lo + hi) >> 1
                    if ip[lo_off + mid] >= need:
                        lo = mid + 1
                    else:
                        hi = mid
                regs[i, t] = up[a + lo]
        elif op == OP_TABLE:
            base = ip[b]
            wx = np.uint64(ip[b + 1])
            lx = ip[b + 2]
            for t in range(n):
                v = tabs[base + np.int64(widx[t] ^ wx)]
                for k in range(6):
                    if (lx >> k) & 1:
                        s = np.uint64(1 << k)
                        m = up[a + k]
                        v = ((v >> s) & m) | ((v & m) << s)
                regs[i, t] = v
        elif op == OP_KBUF:
            for t in range(n):
                regs[i, t] = kbuf[a, t]
        elif op == OP_NOT:
            for t in range(n):
                regs[i, t] = ~regs[a, t]
        elif op == OP_AND:
            for t in range(n):
                regs[i, t] = regs[a, t] & regs[b, t]
        elif op == OP_OR:
            for t in range(n):
                regs[i, t] = regs[a, t] | regs[b, t]
        else:  # OP_XOR
            for t in range(n):
                regs[i, t] = regs[a, t] ^ regs[b, t]


@njit(cache=True, nogil=True)
def count_block(code, up, ip, tabs, kbuf, widx, n, regs, lowmask):
    """Number of points x in the n words ``widx[:n]`` (bits in ``lowmask``) where the root is 1."""
    eval_block(code, up, ip, tabs, kbuf, widx, n, regs)
    r = code.shape[0] - 1
    total = 0
    for t in range(n):
        total += np.int64(popcount64(regs[r, t] & lowmask))
    return total


@njit(cache=True, nogil=True)
def count_words(code, up, ip, tabs, kbuf, widx, n, lowmask):
    """:func:`count_block` with its own registers (one call per block of a user's kernel)."""
    regs = np.empty((code.shape[0], max(n, 1)), dtype=np.uint64)
    return count_block(code, up, ip, tabs, kbuf, widx, n, regs, lowmask)


@njit(cache=True, nogil=True)
def count_range(code, up, ip, tabs, k_lo, k_hi, free, fixed, lowmask):
    """Ones of the root over the words number k_lo..k_hi-1 of the subcube (free, fixed) of words."""
    regs = np.empty((code.shape[0], BLOCK), dtype=np.uint64)
    widx = np.empty(BLOCK, dtype=np.uint64)
    kbuf = np.empty((0, BLOCK), dtype=np.uint64)
    free = np.uint64(free)
    fixed = np.uint64(fixed)
    one = np.uint64(1)
    s = deposit(k_lo, free)
    total = 0
    k = k_lo
    while k < k_hi:
        n = min(BLOCK, k_hi - k)
        for t in range(n):
            widx[t] = fixed | s
            s = ((s | ~free) + one) & free
        total += count_block(code, up, ip, tabs, kbuf, widx, n, regs, lowmask)
        k += n
    return total


@njit(nogil=True)  # not cached: compiled once per user kernel (a function argument)
def kernel_words(fn, widx, n, xmask, nlow, out):
    """out[t] = the word of the user's rule ``fn`` (of the point index) at x xor xmask, x in word widx[t]."""
    one = np.uint64(1)
    for t in range(n):
        base = np.int64(widx[t]) << 6
        v = np.uint64(0)
        for j in range(nlow):
            if fn((base | j) ^ xmask):
                v |= one << np.uint64(j)
        out[t] = v


@njit(cache=True, nogil=True)
def bits_at(code, up, ip, tabs, kbuf, idx, n, out):
    """out[t] = root value (0/1) at the point idx[t], for t < n (the words idx >> 6 are evaluated)."""
    regs = np.empty((code.shape[0], max(n, 1)), dtype=np.uint64)
    widx = np.empty(max(n, 1), dtype=np.uint64)
    for t in range(n):
        widx[t] = np.uint64(idx[t] >> 6)
    eval_block(code, up, ip, tabs, kbuf, widx, n, regs)
    r = code.shape[0] - 1
    for t in range(n):
        out[t] = np.uint8((regs[r, t] >> np.uint64(idx[t] & 63)) & np.uint64(1))


@njit(nogil=True)  # not cached: compiled once per predicate (a function argument)
def count_tables(pred, d, arg, lo, hi):
    """Number of truth tables t in lo..hi-1 (bit k of t = f(point k)) with pred(t, d, arg) true."""
    total = 0
    for t in range(lo, hi):
        if pred(np.uint64(t), d, arg):
            total += 1
    return total
