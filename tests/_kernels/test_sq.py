"""finitelearn._kernels.sq against its plain twin in tests/naive.py: exhaustive small
inputs (every A and row over a small value range) and hypothesis inputs."""

from __future__ import annotations

from itertools import product

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from finitelearn._kernels import sq as SK
from tests import naive


@pytest.mark.parametrize("win", [0, 2, 4])
@pytest.mark.parametrize("start", [1, 3, 5])
def test_least_max_window_every_small_input(win, start):
    rows = np.array(list(product(range(-2, 3), repeat=2)), dtype=np.int8)
    for A in rows:
        assert SK.least_max_window(A, rows, win, start) == naive.least_max_window(A, rows, win, start)


@given(st.integers(1, 4).flatmap(lambda n: st.tuples(
    st.lists(st.integers(-16, 16), min_size=n, max_size=n),
    st.lists(st.lists(st.integers(-16, 16), min_size=n, max_size=n), min_size=1, max_size=30),
    st.sampled_from([0, 2, 4, 8, 16]), st.integers(1, 2 * n + 1))))
def test_least_max_window_hypothesis(args):
    A, rows, win, start = args
    A8, R8 = np.array(A, dtype=np.int8), np.array(rows, dtype=np.int8)
    assert SK.least_max_window(A8, R8, win, start) == naive.least_max_window(A8, R8, win, start)


def test_a_row_skipped_by_the_null_window_does_not_end_the_search():
    """Row 1 keeps all four values in the null window [-1, 1] (4 >= the best so far, 2) and
    is skipped; row 2, after it, keeps at most one value per window and is the answer.
    Worked by hand (win = 2): row 0's values +-10, +-11 put two in [10, 12]; row 2's
    +-10, +-20 are pairwise more than 2 apart."""
    A = np.array([0, 0], dtype=np.int8)
    rows = np.array([[10, 11], [0, 1], [10, 20]], dtype=np.int8)
    assert SK.least_max_window(A, rows, 2, 5) == (1, 2) == naive.least_max_window(A, rows, 2, 5)
    plain = getattr(SK.least_max_window, "py_func", SK.least_max_window)  # (NUMBA_DISABLE_JIT=1: itself)
    assert plain(A, rows, 2, 5) == (1, 2)
