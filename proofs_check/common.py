"""Plain enumeration shared by the checks (numpy only; no finitelearn internals).

Points and subsets are integers as in finitelearn (bit i-1 is the paper's x_i); the
text helpers print them in the paper's 1-based numbering.
"""

from __future__ import annotations

import numpy as np

__all__ = ["popcount_parity", "parity_matrix", "sign_matrix", "all_tables", "point_text", "set_text",
           "paper_masks"]


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
