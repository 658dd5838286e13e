"""The Walsh-Hadamard kernel (private).

``wht_inplace(a)`` overwrites a length-2^d int64 or float64 array with its unnormalised
Walsh-Hadamard transform  A[S] = sum_x a[x] (-1)^{popcount(S & x)}.  Callers validate
(length a power of two, dtype, overflow bound |A| <= max|a| * 2^d < 2^63) before calling.
``wht_reference`` is the plain, obviously correct twin that tests compare against.

How the fast kernel is laid out (measured on the 2-core AMD EPYC this project runs on;
see ``scripts/bench.py``)
-----------------------------------------------------------------------------------------
The transform is a product of d commuting stages, one per bit of the index; stage h = 2^i
replaces (a[j], a[j+h]) by (a[j] + a[j+h], a[j] - a[j+h]).  A textbook loop makes d
passes over memory with scalar arithmetic.  Here:

* Pass 1 works on blocks of ``2^b0`` elements (b0 <= 12: the block stays in L1/L2) and
  does every stage with h < 2^b0 inside the block before moving on:
  bits 0-1 as groups of 4 (LLVM turns these into wide loads and shuffles), bit 2 as a
  compare-and-select over three shifted contiguous loads (no shuffles needed), and bits
  3.. as radix-8 butterflies (three stages per sweep) over contiguous runs.
* Each later pass takes the next ``q`` bits: for every column chunk of ``W`` contiguous
  elements it copies the ``2^q`` rows (stride 2^p) into a contiguous scratch tile during
  the first radix-8 sweep, does the remaining sweeps there, and writes the tile back
  during the last one; d = 24 needs one such pass, d = 28 two.
* All index arithmetic is unsigned (numba then emits no negative-index wraparound, which
  otherwise blocks vectorisation), and segment starts are read from a small array: LLVM
  can then check aliasing per segment instead of hoisting one check over the whole loop
  nest (which fails whenever there is more than one segment and silently falls back to
  scalar code).

Arithmetic is plain + and - on the array's own dtype: exact for int64 within the caller's
overflow bound, no fastmath, no narrowing.
"""

from __future__ import annotations

import numpy as np
from numba import njit, uint64

__all__ = ["wht_inplace", "wht_reference"]

# Tuning, measured at d = 20..28 on this machine (see scripts/bench.py).
_BLOCK_BITS = 12  # pass 1: 2^12 elements = 32 KiB per block
_TILE_BITS = 9  # later passes: at most 2^9 rows per tile
_TILE_WIDTH = 256  # ... of 256 contiguous elements (2 KiB)
_PAD = 8  # guard elements on each side of the first scratch buffer (bit-2 stage)
_SMALL_BITS = 6  # below 2^6 elements the textbook loop is used


@njit(inline="always")
def _bfly2(src, s, sh, dst, t, th, m):
    """Radix-2 butterfly on m elements: streams src[s + k*sh + j] -> dst[t + k*th + j]."""
    s1 = s + sh
    t1 = t + th
    for j in range(m):
        x0 = src[s + j]
        x1 = src[s1 + j]
        dst[t + j] = x0 + x1
        dst[t1 + j] = x0 - x1


@njit(inline="always")
def _bfly4(src, s, sh, dst, t, th, m):
    """Two stages at once on four streams (see _bfly2)."""
    s1 = s + sh
    s2 = s1 + sh
    s3 = s2 + sh
    t1 = t + th
    t2 = t1 + th
    t3 = t2 + th
    for j in range(m):
        x0 = src[s + j]
        x1 = src[s1 + j]
        x2 = src[s2 + j]
        x3 = src[s3 + j]
        y0 = x0 + x1
        y1 = x0 - x1
        y2 = x2 + x3
        y3 = x2 - x3
        dst[t + j] = y0 + y2
        dst[t1 + j] = y1 + y3
        dst[t2 + j] = y0 - y2
        dst[t3 + j] = y1 - y3


@njit(inline="always")
def _bfly8(src, s, sh, dst, t, th, m):
    """Three stages at once on eight streams (see _bfly2)."""
    s1 = s + sh
    s2 = s1 + sh
    s3 = s2 + sh
    s4 = s3 + sh
    s5 = s4 + sh
    s6 = s5 + sh
    s7 = s6 + sh
    t1 = t + th
    t2 = t1 + th
    t3 = t2 + th
    t4 = t3 + th
    t5 = t4 + th
    t6 = t5 + th
    t7 = t6 + th
    for j in range(m):
        x0 = src[s + j]
        x1 = src[s1 + j]
        x2 = src[s2 + j]
        x3 = src[s3 + j]
        x4 = src[s4 + j]
        x5 = src[s5 + j]
        x6 = src[s6 + j]
        x7 = src[s7 + j]
        y0 = x0 + x1
        y1 = x0 - x1
        y2 = x2 + x3
        y3 = x2 - x3
        y4 = x4 + x5
        y5 = x4 - x5
        y6 = x6 + x7
        y7 = x6 - x7
        z0 = y0 + y2
        z1 = y1 + y3
        z2 = y0 - y2
        z3 = y1 - y3
        z4 = y4 + y6
        z5 = y5 + y7
        z6 = y4 - y6
        z7 = y5 - y7
        dst[t + j] = z0 + z4
        dst[t1 + j] = z1 + z5
        dst[t2 + j] = z2 + z6
        dst[t3 + j] = z3 + z7
        dst[t4 + j] = z0 - z4
        dst[t5 + j] = z1 - z5
        dst[t6 + j] = z2 - z6
        dst[t7 + j] = z3 - z7


@njit(inline="always")
def _bfly(radix, src, s, sh, dst, t, th, m):
    if radix == 8:
        _bfly8(src, s, sh, dst, t, th, m)
    elif radix == 4:
        _bfly4(src, s, sh, dst, t, th, m)
    else:
        _bfly2(src, s, sh, dst, t, th, m)


@njit(inline="always")
def _radix(bits_left):
    if bits_left >= 3:
        return 8
    if bits_left == 2:
        return 4
    return 2


@njit(inline="always")
def _log2_radix(radix):
    if radix == 8:
        return 3
    if radix == 4:
        return 2
    return 1


@njit(inline="always")
def _bits01(src, s, dst, t, m):
    """Stages h = 1, 2 on m consecutive groups of 4 (interleaved loads, shuffles)."""
    four = uint64(4)
    one = uint64(1)
    two = uint64(2)
    three = uint64(3)
    for i in range(m):
        g = s + uint64(i) * four
        k = t + uint64(i) * four
        x0 = src[g]
        x1 = src[g + one]
        x2 = src[g + two]
        x3 = src[g + three]
        y0 = x0 + x1
        y1 = x0 - x1
        y2 = x2 + x3
        y3 = x2 - x3
        dst[k] = y0 + y2
        dst[k + one] = y1 + y3
        dst[k + two] = y0 - y2
        dst[k + three] = y1 - y3


@njit(inline="always")
def _bit2(src, s, dst, t, m):
    """Stage h = 4 on m elements, out of place; src[s-4 .. s+m+3] must be readable.

    Every lane loads its partner from both sides and keeps the right one, so the loop
    is a plain contiguous one that vectorises without shuffles.
    """
    four = uint64(4)
    for i in range(m):
        j = uint64(i)
        mid = src[s + j]
        lo = src[s + j - four]
        hi = src[s + j + four]
        if j & four:
            dst[t + j] = lo - mid
        else:
            dst[t + j] = mid + hi


@njit(inline="always")
def _rows(radix, src, sb, ss, dst, db, ds, m, nrows, hr, seq, inplace):
    """One radix sweep over rows: butterflies between rows r, r+hr, ..., r+(radix-1)hr.

    Row r of the source is src[sb + r*ss : sb + r*ss + m], of the destination
    dst[db + r*ds : ...].  When both are contiguous (ss == ds == m) the hr rows of a group
    form one run.  In place (src is dst), group starts go through ``seq`` (seq[i] == i)
    so that LLVM sees them as opaque and checks aliasing per group (see the module
    docstring); between two different arrays the plain affine starts are faster (one
    hoisted check, which passes, and no per-group set-up for short runs).
    """
    span = hr * uint64(radix)
    ngroups = nrows // span
    if ss == m and ds == m:
        run = hr * m
        for i in range(ngroups):
            g = seq[i] * span if inplace else uint64(i) * span
            _bfly(radix, src, sb + g * ss, hr * ss, dst, db + g * ds, hr * ds, run)
    else:
        for i in range(ngroups):
            g = seq[i] * span if inplace else uint64(i) * span
            for r in range(hr):
                row = g + (seq[r] if inplace else uint64(r))
                _bfly(radix, src, sb + row * ss, hr * ss, dst, db + row * ds, hr * ds, m)


@njit(inline="always")
def _block(a, base, bits, s0, s1, seq):
    """Pass 1 on a[base : base + 2^bits] (bits >= _SMALL_BITS): every stage h < 2^bits."""
    n = uint64(1) << uint64(bits)
    pad = uint64(_PAD)
    zero = uint64(0)
    eight = uint64(8)
    _bits01(a, base, s0, pad, n >> uint64(2))  # bits 0, 1: a -> s0
    _bit2(s0, pad, s1, zero, n)  # bit 2: s0 -> s1
    rows = n >> uint64(3)  # rows of 8 elements from here on
    radix = _radix(bits - 3)
    # s1 -> a in runs of 8.  The run length is read from seq (seq[8] == 8): with a
    # literal 8, LLVM unrolls the run completely and the unrolled code stays scalar
    # (3.5x slower, measured); with an opaque length it keeps the vectorised loop.
    run8 = seq[8]
    _rows(radix, s1, zero, run8, a, base, run8, run8, rows, uint64(1), seq, False)
    done = _log2_radix(radix)
    hr = uint64(radix)
    while 3 + done < bits:  # the rest in place, contiguous runs
        radix = _radix(bits - 3 - done)
        _rows(radix, a, base, eight, a, base, eight, eight, rows, hr, seq, True)
        hr *= uint64(radix)
        done += _log2_radix(radix)


@njit(inline="always")
def _tile(a, base, stride, width, q, tile, seq):
    """Stages for the q bits above 2^p on a tile: 2^q rows a[base + r*stride : +width]."""
    nrows = uint64(1) << uint64(q)
    zero = uint64(0)
    radix = _radix(q)
    done = _log2_radix(radix)
    if done == q:  # a single sweep: straight through, in place
        _rows(radix, a, base, stride, a, base, stride, width, nrows, uint64(1), seq, True)
        return
    _rows(radix, a, base, stride, tile, zero, width, width, nrows, uint64(1), seq, False)
    hr = uint64(radix)
    while True:
        radix = _radix(q - done)
        last = done + _log2_radix(radix) == q
        if last:
            _rows(radix, tile, zero, width, a, base, stride, width, nrows, hr, seq, False)
            return
        _rows(radix, tile, zero, width, tile, zero, width, width, nrows, hr, seq, True)
        hr *= uint64(radix)
        done += _log2_radix(radix)


@njit(cache=True)
def _textbook(a):
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


@njit(cache=True)
def _fast(a, block_bits, tile_bits, tile_width):
    """Blocked transform of a (length 2^d, d >= block_bits >= _SMALL_BITS)."""
    n = uint64(a.shape[0])
    d = 0
    while (uint64(1) << uint64(d)) < n:
        d += 1
    b0 = min(d, block_bits)
    B = uint64(1) << uint64(b0)
    rest = d - b0
    npass = (rest + tile_bits - 1) // tile_bits
    qmax = min(tile_bits, rest)
    width = min(uint64(tile_width), B)
    tile_size = width << uint64(qmax) if npass > 0 else uint64(0)
    s0 = np.zeros(B + uint64(2 * _PAD), a.dtype)
    s1 = np.empty(B, a.dtype)
    tile = np.empty(tile_size, a.dtype)
    nseq = max(B, uint64(1) << uint64(qmax))
    seq = np.empty(nseq, np.uint64)
    for i in range(nseq):
        seq[i] = i
    for blk in range(n >> uint64(b0)):
        _block(a, uint64(blk) << uint64(b0), b0, s0, s1, seq)
    p = b0
    for i in range(npass):
        q = (d - p + (npass - i) - 1) // (npass - i)  # spread the bits evenly
        stride = uint64(1) << uint64(p)
        w = min(width, stride)
        for top in range(n >> uint64(p + q)):
            tb = uint64(top) << uint64(p + q)
            for c in range(stride // w):
                _tile(a, tb + uint64(c) * w, stride, w, q, tile, seq)
        p += q


def wht_inplace(a: np.ndarray) -> None:
    """Transform ``a`` in place (int64 or float64, contiguous, length 2^d, d >= 0)."""
    if a.shape[0] < (1 << _SMALL_BITS):
        _textbook(a)
    else:
        _fast(a, _BLOCK_BITS, _TILE_BITS, _TILE_WIDTH)


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
