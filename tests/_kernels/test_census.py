"""finitelearn._kernels.census against its plain twins in tests/naive.py: every table on
d <= 3 (256 of them at d = 3), hypothesis tables at d = 4 and 5."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finitelearn._kernels import census as KC
from finitelearn._kernels import lazy as LK
from tests import naive

PREDICATES = ["balanced", "monotone", "bent", "degree_at_most", "resilient"]


@pytest.mark.parametrize("d", [1, 2, 3])
def test_every_predicate_on_every_table(d):
    for t in range(1 << (1 << d)):
        for name in PREDICATES:
            for arg in range(d + 1):
                assert bool(getattr(KC, name)(np.uint64(t), d, arg)) == bool(getattr(naive, name)(t, d, arg)), (name, t, arg)
        for S in range(1 << d):
            assert KC.walsh(np.uint64(t), d, S) == naive.walsh(t, d, S)


@pytest.mark.parametrize("d", [1, 2, 3, 4, 5, 6])
def test_coordinate_pattern(d):
    """Up to d = 6, the docstring's limit (a whole 64-bit word), compiled and plain."""
    for i in range(d):
        want = naive.coordinate_pattern(i, d)
        assert want == sum(1 << k for k in range(1 << d) if (k >> i) & 1)
        assert int(KC.coordinate_pattern(i, d)) == want
        plain = getattr(KC.coordinate_pattern, "py_func", KC.coordinate_pattern)  # (NUMBA_DISABLE_JIT=1: itself)
        assert int(plain(i, d)) == want


@settings(max_examples=60)
@given(st.integers(4, 5).flatmap(lambda d: st.tuples(st.just(d), st.integers(0, 2 ** (2**d) - 1), st.integers(0, 3))))
def test_predicates_on_hypothesis_tables(case):
    d, t, arg = case
    for name in PREDICATES:
        assert bool(getattr(KC, name)(np.uint64(t), d, arg)) == bool(getattr(naive, name)(t, d, arg)), name


@pytest.mark.parametrize("name", PREDICATES)
def test_count_tables_against_the_twin(name):
    for lo, hi in [(0, 256), (17, 200)]:
        assert LK.count_tables(getattr(KC, name), 3, 1, lo, hi) == naive.count_tables(getattr(naive, name), 3, 1, lo, hi)
