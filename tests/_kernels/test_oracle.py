"""finitelearn._kernels.oracle against its plain twins in tests/naive.py: every table and
support on the small cubes, then hypothesis inputs with the dimension drawn once.

Exhaustive supports weigh point s with 2^s and the numerators are distinct per point and
label, so a sum that counts a wrong point, or a point's wrong label, changes."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from finitelearn._kernels import oracle as OK
from tests import naive
from tests._kernels.inputs import every_support, every_table, support_and_weights, table


def numerators(d: int) -> tuple[np.ndarray, np.ndarray]:
    n = 1 << d
    num0 = np.array([3 * k + 1 for k in range(n)], dtype=np.int64)
    num1 = np.array([5 * k + 2 for k in range(n)], dtype=np.int64)
    return num0, num1


@pytest.mark.parametrize("d", [0, 1, 2, 3])
def test_teacher_sum_every_table_and_support(d):
    num0, num1 = numerators(d)
    tables = list(every_table(d))
    for support in every_support(d):
        w = np.array([1 << int(s) for s in support], dtype=np.int64)
        for t in tables:
            assert OK.teacher_sum(t, support, w, num0, num1) == naive.teacher_sum(t, support, w, num0, num1)


@pytest.mark.parametrize("d", [0, 1, 2, 3])
def test_class_sums_of_every_table_and_support(d):
    num0, num1 = numerators(d)
    tables = np.array([t for t in every_table(d)], dtype=np.uint8)
    m = tables.shape[0]
    row_sets = [np.arange(m, dtype=np.int64), np.arange(m, dtype=np.int64)[::-1].copy(),
                np.array([m - 1, 0, m // 2, 0], dtype=np.int64), np.array([], dtype=np.int64)]
    for support in every_support(d):
        w = np.array([1 << int(s) for s in support], dtype=np.int64)
        for rows in row_sets:
            got = OK.class_sums(tables, rows, support, w, num0, num1)
            assert got.dtype == np.int64
            assert got.tolist() == naive.class_sums(tables, rows, support, w, num0, num1)


@pytest.mark.parametrize("d", range(0, 7))
def test_parity_labels_every_mask_and_point(d):
    masks = np.arange(1 << d, dtype=np.int64)
    for x in range(1 << d):
        got = OK.parity_labels(masks, np.int64(x))
        assert got.dtype == np.uint8 and got.tolist() == naive.parity_labels(masks, x)


@st.composite
def oracle_inputs(draw):
    d = draw(st.integers(0, 9))
    n = 1 << d
    q = draw(st.integers(1, 2**20))  # the query's denominator: numerators lie in [0, q]
    num = st.lists(st.integers(0, q), min_size=n, max_size=n).map(lambda v: np.array(v, dtype=np.int64))
    m = draw(st.integers(1, 6))
    tables = np.array(draw(st.lists(table(d), min_size=m, max_size=m)), dtype=np.uint8).reshape(m, n)
    rows = np.array(draw(st.lists(st.integers(0, m - 1), max_size=8)), dtype=np.int64)
    support, w = draw(support_and_weights(d, 2**20))
    return tables, rows, support, w, draw(num), draw(num)


@given(oracle_inputs())
def test_teacher_and_class_sums(args):
    tables, rows, support, w, num0, num1 = args
    for t in tables:
        assert OK.teacher_sum(t, support, w, num0, num1) == naive.teacher_sum(t, support, w, num0, num1)
    assert OK.class_sums(tables, rows, support, w, num0, num1).tolist() == naive.class_sums(
        tables, rows, support, w, num0, num1)


@st.composite
def masks_and_point(draw):
    d = draw(st.integers(0, 30))
    masks = draw(st.lists(st.integers(0, 2**d - 1), min_size=1, max_size=40))
    return np.array(masks, dtype=np.int64), draw(st.integers(0, 2**d - 1))


@given(masks_and_point())
def test_parity_labels(mx):
    masks, x = mx
    assert OK.parity_labels(masks, np.int64(x)).tolist() == naive.parity_labels(masks, x)
