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
