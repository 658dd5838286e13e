"""Plain enumeration shared by the checks (numpy only; no finitelearn internals).

Points and subsets are integers as in finitelearn (bit i-1 is the paper's x_i); the
text helpers print them in the paper's 1-based numbering.
"""

from __future__ import annotations

import numba
import numpy as np

__all__ = ["popcount_parity", "parity_matrix", "sign_matrix", "all_tables", "point_text", "set_text",
           "paper_masks", "ternary_parseval"]


def popcount_parity(a: np.ndarray) -> np.ndarray:
    """(popcount of each int64 entry) mod 2."""
    a = np.array(a, dtype=np.int64)
    out = np.zeros(a.shape, dtype=np.int64)
    while a.any():
        out ^= a & 1
        a = a >> 1
    return out


def parity_matrix(d: int) -> np.ndarray:
    """(2^d, 2^d) uint8: row S, column x, entry f_S(x) = |S & x| mod 2."""
    k = np.arange(1 << d, dtype=np.int64)
    return popcount_parity(k[:, None] & k[None, :]).astype(np.uint8)


def sign_matrix(d: int) -> np.ndarray:
    """(2^d, 2^d) int64: chi_S(x) = (-1)^{|S & x|}."""
    return 1 - 2 * parity_matrix(d).astype(np.int64)


def all_tables(n: int) -> np.ndarray:
    """(2^n, n) uint8: every 0/1 table on n points (row c has bit x of c at column x)."""
    if n > 20:
        raise ValueError(f"n={n} is not allowed: at most 20 points (2^n tables)")
    c = np.arange(1 << n, dtype=np.int64)
    return ((c[:, None] >> np.arange(n, dtype=np.int64)[None, :]) & 1).astype(np.uint8)


def paper_masks(d: int) -> np.ndarray:
    """Masks of the paper's class (4.3): every S containing coordinate 1 (bit 0)."""
    return np.arange(1 << d, dtype=np.int64)[1::2]


def point_text(x: int, d: int) -> str:
    """The point with index x as (x_1, ..., x_d)."""
    return "(" + ",".join(str((int(x) >> i) & 1) for i in range(d)) + ")"


def set_text(S: int) -> str:
    """The subset with mask S in the paper's numbering, e.g. {1,3}."""
    S = int(S)
    return "{" + ",".join(str(i + 1) for i in range(S.bit_length()) if (S >> i) & 1) + "}"


@numba.njit(parallel=True, cache=True)
def _ternary_parseval(d: int) -> tuple:
    """Every g in {-1,0,1}^(2^d): max_k k D_(k)^2 with D = |2^d ghat| (plain WHT per g), how
    many g reach 4^d, and how many break sum_S D_S^2 = 2^d sum_x g(x)^2."""
    n = 1 << d
    total = 3 ** n
    blocks = 64
    per = (total + blocks - 1) // blocks
    worst = np.zeros(blocks, np.int64)
    tight = np.zeros(blocks, np.int64)
    broken = np.zeros(blocks, np.int64)
    for b in numba.prange(blocks):
        v = np.empty(n, np.int64)
        hist = np.empty(n + 1, np.int64)
        lo = b * per
        hi = min(total, lo + per)
        for code in range(lo, hi):
            c = code
            norm = 0
            for x in range(n):
                v[x] = c % 3 - 1
                c //= 3
                norm += v[x] * v[x]
            h = 1
            while h < n:
                for i in range(0, n, 2 * h):
                    for j in range(i, i + h):
                        a = v[j]
                        e = v[j + h]
                        v[j] = a + e
                        v[j + h] = a - e
                h *= 2
            hist[:] = 0
            sq = 0
            for s in range(n):
                a = abs(v[s])
                hist[a] += 1
                sq += a * a
            if sq != n * norm:
                broken[b] += 1
            best = 0
            k = 0
            for a in range(n, 0, -1):
                k += hist[a]
                if hist[a] > 0 and k * a * a > best:
                    best = k * a * a
            if best > worst[b]:
                worst[b] = best
            if best == n * n:
                tight[b] += 1
    return worst.max(), tight.sum(), broken.sum()


def ternary_parseval(d: int) -> tuple[int, int, int]:
    """Exhaustive over every g = chi(.,1) - chi(.,0) in {-1,0,1}^(2^d) (all 2^(2^(d+1)) queries
    chi, by the central identity): (max_k k D_(k)^2, number of g reaching 4^d, number of g
    breaking Parseval), D = 2^d |ghat| sorted decreasingly.  d <= 4 (3^16 g)."""
    if not 1 <= d <= 4:
        raise ValueError(f"d={d} is not allowed: 1..4 (3^(2^d) vectors g)")
    w, t, b = _ternary_parseval(d)
    return int(w), int(t), int(b)
