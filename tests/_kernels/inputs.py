"""Hypothesis strategies for the kernel tests: the dimension is drawn once and every
other argument from it (so two tables always share a cube, supports lie inside it)."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st


def table(d: int) -> st.SearchStrategy[np.ndarray]:
    """A uint8 truth table of length 2^d, every bit drawn (no constant fallback)."""
    n = 1 << d
    if n <= 64:  # one integer encodes the whole table: small cubes explored in full
        return st.integers(0, (1 << n) - 1).map(lambda k: np.array([(k >> i) & 1 for i in range(n)], dtype=np.uint8))
    return st.binary(min_size=n, max_size=n).map(lambda b: (np.frombuffer(b, dtype=np.uint8) & 1).copy())


def int_vector(n: int, bound: int) -> st.SearchStrategy[np.ndarray]:
    """An int64 vector of length n with entries in [-bound, bound]."""
    return st.lists(st.integers(-bound, bound), min_size=n, max_size=n).map(lambda v: np.array(v, dtype=np.int64))


@st.composite
def support_and_weights(draw, d: int, max_weight: int = 2**20) -> tuple[np.ndarray, np.ndarray]:
    """A sorted non-empty support inside {0..2^d-1} (int64) and positive int64 weights."""
    n = 1 << d
    points = sorted(draw(st.sets(st.integers(0, n - 1), min_size=1, max_size=n)))
    weights = draw(st.lists(st.integers(1, max_weight), min_size=len(points), max_size=len(points)))
    return np.array(points, dtype=np.int64), np.array(weights, dtype=np.int64)


def every_support(d: int):
    """Every non-empty subset of the cube's points, as a sorted int64 array."""
    n = 1 << d
    for m in range(1, 1 << n):
        yield np.array([k for k in range(n) if (m >> k) & 1], dtype=np.int64)


def every_table(d: int):
    """Every Boolean function on {0,1}^d as a uint8 table (2^(2^d) of them)."""
    n = 1 << d
    for m in range(1 << n):
        yield np.array([(m >> k) & 1 for k in range(n)], dtype=np.uint8)
