"""numpy routes of some kernels for small inputs (private; imports no numba).

At the demo's sizes (d <= 12, at most 2^12 points) numba's fixed costs outweigh its
loops: importing numba takes 0.3 s, its first compile or cache load 0.7 s, and each
kernel 0.1 to 0.9 s to compile on a fresh install (measured kernel by kernel in
``finitelearn demo`` with an empty ``NUMBA_CACHE_DIR``).  The callers use these for
inputs of at most :data:`SMALL` elements and the kernels beyond; each gives exactly the
kernel's result (the same array, dtype included), and ``tests/_kernels/test_small.py``
binds each to its plain twin in ``tests/naive.py`` and to the kernel on every small input.

The transform is a product of two Hadamard matrices in float64: with x = (x_hi, x_lo),
A = H_hi M H_lo for the table M[x_hi, x_lo] (Sylvester's H[S, x] = (-1)^|S & x|).  The
products are +-a and every sum an integer of absolute value at most max|a| 2^d, so float64
is exact while that bound is at most 2^53 (:func:`transform_is_exact` checks it); BLAS
does it as fast as the compiled loop at these sizes (32 us against 36 us at d = 12).
"""

from __future__ import annotations

import functools

import numpy as np

__all__ = ["SMALL", "count_ones_packed", "extremes", "independent_differences", "least_max_window", "parity_labels",
           "parity_table", "query_table", "signed_spectrum", "simulate_on_grid", "simulate_removed",
           "transform_is_exact", "wht"]

#: the largest input (elements, points or candidates) these routes are used for
SMALL = 1 << 12

_FLOAT_EXACT = 1 << 53  # every integer of absolute value <= 2^53 is a float64


@functools.cache
def _hadamard(k: int) -> np.ndarray:
    """Sylvester's 2^k x 2^k matrix H[S, x] = (-1)^popcount(S & x), float64, read-only."""
    h = np.ones((1, 1))
    for _ in range(k):
        h = np.block([[h, h], [h, -h]])
    h.flags.writeable = False
    return h


def transform_is_exact(a: np.ndarray) -> bool:
    """Whether :func:`wht` transforms the integer array ``a`` exactly: n <= SMALL and max|a| n <= 2^53."""
    n = a.shape[0]
    if n == 0 or n > SMALL or a.dtype.kind != "i":
        return False
    big = max(int(a.max()), -int(a.min()))  # Python ints: -min never overflows
    return big * n <= _FLOAT_EXACT


def wht(a: np.ndarray) -> np.ndarray:
    """The Walsh-Hadamard transform of the integer array ``a`` (length 2^d) as a new array of its dtype.

    The caller checks :func:`transform_is_exact` (or proves max|a| 2^d <= 2^53 itself).
    """
    n = a.shape[0]
    d = n.bit_length() - 1
    lo = d // 2
    m = a.astype(np.float64).reshape(n >> lo, 1 << lo)
    return (_hadamard(d - lo) @ m @ _hadamard(lo)).ravel().astype(a.dtype)


def signed_spectrum(table: np.ndarray, dtype: type) -> np.ndarray:
    """The transform of 1 - 2 ``table`` (a uint8 0/1 table of at most SMALL entries) in ``dtype``."""
    return wht(np.subtract(1, 2 * table.astype(np.int64)).astype(dtype))


def parity_table(d: int, mask: int) -> np.ndarray:
    """uint8 truth table of f_S (S = ``mask``): entry x is popcount(mask & x) mod 2."""
    x = np.arange(1 << d, dtype=np.int64)
    return (np.bitwise_count(x & mask) & 1).astype(np.uint8)


def count_ones_packed(packed: np.ndarray) -> int:
    """Number of set bits in a packed table (uint64 words)."""
    return int(np.bitwise_count(packed).sum())


def extremes(a: np.ndarray) -> tuple[int, int]:
    """(min, max) of a non-empty integer array, as Python ints."""
    return int(a.min()), int(a.max())


def parity_labels(masks: np.ndarray, x: int) -> np.ndarray:
    """f_S(x) = popcount(S & x) mod 2 for every mask S in ``masks`` (uint8)."""
    return (np.bitwise_count(masks & np.int64(x)) & 1).astype(np.uint8)


def query_table(d: int, dirs: np.ndarray, a: int, table: np.ndarray) -> np.ndarray:
    """The greedy student's query: h(x) = [chi_a(x) F(<v_1, x>, ..., <v_k, x>) > 0] (uint8).

    ``dirs`` holds v_1..v_k, ``table`` F's values +-1 indexed by y = sum_j <v_j, x> 2^(j-1).
    y and the parity <a, x> are linear in x over GF(2), so both are built bit by bit of x
    (y(x + 2^i) = y(x) ^ y(2^i) for x < 2^i), as the kernel does.
    """
    n = 1 << d
    y = np.zeros(n, dtype=np.int64)
    s = np.zeros(n, dtype=bool)
    vs = [int(v) for v in dirs.tolist()]
    a = int(a)
    for i in range(d):
        h = 1 << i
        y[h: 2 * h] = y[:h] ^ sum(((v >> i) & 1) << j for j, v in enumerate(vs))
        s[h: 2 * h] = s[:h] ^ bool((a >> i) & 1)
    g = np.asarray(table, dtype=np.int64)[y]
    return ((g > 0) ^ s).astype(np.uint8)  # g = +-1: chi_a(x) g > 0 is g > 0 flipped where <a, x> = 1


def independent_differences(vs: np.ndarray, anchor: int, k: int) -> list[int]:
    """Up to k differences vs[anchor] ^ vs[(anchor + i) % n], i = 1, 2, ..., independent over GF(2).

    The greedy basis of that sequence, as the kernel: each difference outside the span of
    those chosen before it is chosen, until k are.  One numpy pass per difference chosen:
    the differences after it are reduced by it (its leading bit cleared where set), so a
    difference reduces to 0 exactly when it lies in the span of those chosen before it,
    and the next chosen is the next that has not.  (The kernel caps k at 64 for its output
    array; the masks are non-negative int64, so no more than 63 are ever independent.)
    """
    orig = np.concatenate([vs[anchor + 1:], vs[:anchor]]) ^ vs[anchor]
    red = orig.copy()
    out: list[int] = []
    start = 0
    while len(out) < k and start < red.shape[0]:
        nonzero = red[start:].astype(bool)
        i = int(nonzero.argmax())
        if not nonzero[i]:
            break
        i += start
        v = red[i]
        out.append(int(orig[i]))
        later = red[i + 1:]
        later ^= ((later >> np.int64(int(v).bit_length() - 1)) & 1) * v
        start = i + 1
    return out


def simulate_removed(hits: np.ndarray, coefficients: np.ndarray, vs_size: int, n: int, b: int, t: int,
                     null_kind: bool) -> np.ndarray:
    """``_kernels.greedy.simulate_removed`` for many candidate queries of one pattern at once.

    Row r of ``hits`` holds, for each J of the pattern's support, the position in the
    version space of candidate r's member a_r + v_J, or -1 when that mask is not in it
    (positions of one row are distinct).  ``coefficients`` (one row, or one per candidate)
    are the support's 2^k Fhat(J) (never 0), n = 2^k, b the tolerance's denominator, t the
    tolerance in units 2 n alpha b.  Patterns of fewer bits k' join on the grid of n = 2^k
    with their coefficients scaled by 2^(k - k'): every value and t scale alike.
    Returns the candidates each query's answer rules out (int64, one per row).  The
    caller checks that 4 (2 n b + t) fits int64, as for the kernel.

    A hit of coefficient c has value (n - c) b and the members not hit the null value n b;
    the values that occur are the columns of a count per candidate.  The null
    responder answers the null value unless no member sits there, then the value nearest
    to it (on a tie the one whose member comes first) moved t towards it; the
    max-consistent one the window [q b, q b + 2t] holding the most members, the one
    nearest to the null value among those, the lowest on a tie (as the kernel).
    """
    q = n - np.broadcast_to(np.asarray(coefficients, dtype=np.int64), hits.shape)  # each hit's value over b
    # only the support's values (and the null value n) become columns: a handful, not 2n + 1
    vals = np.union1d(q, [n])
    return simulate_on_grid(hits, np.searchsorted(vals, q), vals, vs_size, n, b, t, null_kind)


def simulate_on_grid(hits: np.ndarray, columns: np.ndarray, vals: np.ndarray, vs_size: int, n: int, b: int,
                     t: int, null_kind: bool) -> np.ndarray:
    """:func:`simulate_removed` with the values given as columns: entry (r, j) of ``hits`` has
    value ``vals[columns[r, j]]`` b; ``vals`` is sorted, distinct, holds n (the null value) and
    may hold values no hit has (the greedy student passes its family's, computed once)."""
    rows = hits.shape[0]
    hit = hits >= 0
    m = vals.shape[0]
    flat = (np.arange(rows, dtype=np.int64)[:, None] * m + columns)[hit]
    count = np.bincount(flat, minlength=rows * m).reshape(rows, m)
    rest = vs_size - hit.sum(axis=1)
    at_null = int(np.searchsorted(vals, n))
    count[:, at_null] += rest
    grid = vals * b  # the value of each column
    if not null_kind:
        # the max-consistent answer lies in [v' - t, v + t] for its window [v, v + 2t] (v' the
        # window's top value), so the members within t of it are that window's, the most any
        # window holds: which window and where in it (the tie-breaks) rule out no other member
        ends = np.searchsorted(grid, grid + 2 * t, side="right")  # a window from column s: columns s..ends[s] - 1
        prefix = np.concatenate([np.zeros((rows, 1), dtype=np.int64), np.cumsum(count, axis=1)], axis=1)
        return vs_size - (prefix[:, ends] - prefix[:, :m]).max(axis=1)
    # the null responder: the value nearest to the null value, the first member's on a tie (first:
    # the first member at each value); a row with members at the null value (its column's first
    # stays vs_size, its distance 0 beats every other value's (vs_size + 1) dist) answers it
    null = n * b
    first = np.full(rows * m, vs_size, dtype=np.int64)
    np.minimum.at(first, flat, hits[hit])
    key = np.where(count, np.abs(vals - n)[None, :] * (vs_size + 1) + first.reshape(rows, m), np.iinfo(np.int64).max)
    v = grid[key.argmin(axis=1)]
    ans = np.where(np.abs(v - null) > t, np.where(v > null, v - t, v + t), null)  # moved t towards null
    kept = np.where(np.abs(grid[None, :] - ans[:, None]) <= t, count, 0).sum(axis=1)
    return vs_size - kept


def least_max_window(A: np.ndarray, spec: np.ndarray, win: int, start: int) -> tuple[int, int]:
    """``_kernels.sq.least_max_window`` at once over every row: (k, row) with k the least, over the
    rows r, of the most of the 2n values A +- spec[r] in one window [v, v + win], and the first
    row attaining it, when k < ``start``; else (start, -1).

    Each row's values are sorted, and shifted by the row's number times a gap wider than any
    window, so one sorted array and one search find every window's count.
    """
    rows = spec.shape[0]
    if rows == 0:
        return start, -1
    a = np.asarray(A, dtype=np.int64)
    s = np.asarray(spec, dtype=np.int64)
    vals = np.sort(np.concatenate([a + s, a - s], axis=1), axis=1)
    gap = int(vals.max()) - int(vals.min()) + int(win) + 1
    flat = (vals + np.arange(rows, dtype=np.int64)[:, None] * gap).ravel()
    counts = np.searchsorted(flat, flat + win, side="right") - np.arange(flat.shape[0])
    most = counts.reshape(rows, -1).max(axis=1)
    row = int(most.argmin())
    k = int(most[row])
    return (k, row) if k < start else (start, -1)
