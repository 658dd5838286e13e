"""The private Walsh-Hadamard kernel against its plain twin (finitelearn._wht).

The public ``walsh_hadamard`` (validation, copying) is tested in test_fourier.py; here we
bind the fast kernel to ``wht_reference`` on random input, on every code path of the
blocked kernel (by shrinking its tuning so that small d reach the multi-pass paths), on
the involution identity and at the int64 overflow bound.  No test looks at wall-clock
time (scripts/bench.py does the timing).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finitelearn._kernels.wht import blocked, textbook, int64_extremes, wht_copy, wht_inplace, wht_reference

DTYPES = [np.int64, np.float64]


def transformed(values: np.ndarray) -> np.ndarray:
    out = values.copy()
    wht_inplace(out)
    return out


def numpy_butterfly(values: np.ndarray) -> np.ndarray:
    """A second, independent O(d 2^d) twin for sizes where the O(4^d) one is too slow."""
    a = values.copy()
    h = 1
    while h < a.shape[0]:
        v = a.reshape(-1, 2, h)
        u = v[:, 0, :].copy()
        w = v[:, 1, :].copy()
        v[:, 0, :] = u + w
        v[:, 1, :] = u - w
        h *= 2
    return a


def random_values(d: int, dtype, seed: int, bound: int = 1000) -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = rng.integers(-bound, bound + 1, size=2**d)
    if dtype == np.float64:
        # non-integer floats, exact sums not expected: compared with a tolerance below
        return values.astype(np.float64) + rng.random(2**d)
    return values.astype(np.int64)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("d", range(0, 9))
def test_against_reference(d, dtype):
    values = random_values(d, dtype, seed=d)
    out = transformed(values)
    assert out.dtype == dtype
    expected = wht_reference(values)
    if dtype == np.int64:
        assert np.array_equal(out, expected)
    else:
        np.testing.assert_allclose(out, expected, rtol=1e-12, atol=1e-9 * 2**d)
    # integer-valued floats are summed exactly in any order
    integral = np.round(values).astype(dtype)
    assert np.array_equal(transformed(integral), wht_reference(integral))


def test_input_is_transformed_in_place():
    a = np.array([4, 2, 2, 0, 0, 2, -2, 0], dtype=np.int64)
    assert wht_inplace(a) is None
    assert a.tolist() == [8, 0, 8, 0, 8, 8, 0, 0]  # sympy's fwht doctest


@pytest.mark.parametrize("dtype", DTYPES)
def test_length_one_and_two(dtype):
    a = np.array([7], dtype=dtype)
    wht_inplace(a)
    assert a.tolist() == [7]
    b = np.array([3, 5], dtype=dtype)
    wht_inplace(b)
    assert b.tolist() == [8, -2]


# (sub_bits, block_bits): the shipped tuning (12, 18) only reaches the block sweeps for
# d > 12 and the whole-array sweeps for d > 18; these shrunken ones reach every branch
# (radix 2/4/8 remainders at each level, several blocks, sub-block = block) at d <= 10.
TUNINGS = [
    (6, 6),
    (6, 7),
    (6, 8),
    (6, 9),
    (7, 7),
    (7, 10),
    (8, 8),
    (12, 18),
]


@pytest.mark.parametrize("tuning", TUNINGS, ids=str)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("d", [6, 7, 8, 9, 10])
def test_every_path_of_the_blocked_kernel(d, dtype, tuning):
    values = np.round(random_values(d, dtype, seed=100 + d)).astype(dtype)
    expected = wht_reference(values) if d <= 8 else numpy_butterfly(values)
    out = values.copy()
    blocked(out, out, *tuning)  # in place
    assert np.array_equal(out, expected)
    frozen = values.copy()
    out = np.empty_like(values)
    blocked(values, out, *tuning)  # out of place: the copy rides on the first pass
    assert np.array_equal(out, expected)
    assert np.array_equal(values, frozen)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("d", [13, 15, 19, 20])
def test_multi_pass_sizes_against_numpy_butterfly(d, dtype):
    values = np.round(random_values(d, dtype, seed=d)).astype(dtype)
    assert np.array_equal(transformed(values), numpy_butterfly(values))


def test_textbook_loop_matches_reference():
    for d in range(0, 7):
        values = random_values(d, np.int64, seed=d)
        out = values.copy()
        textbook(out)
        assert np.array_equal(out, wht_reference(values))


@settings(deadline=None, max_examples=60)
@given(
    d=st.integers(min_value=0, max_value=10),
    data=st.data(),
)
def test_hypothesis_int64_exact(d, data):
    entries = data.draw(st.lists(st.integers(-(2**40), 2**40), min_size=2**d, max_size=2**d))
    values = np.array(entries, dtype=np.int64)
    expected = wht_reference(values) if d <= 7 else numpy_butterfly(values)
    assert np.array_equal(transformed(values), expected)


@settings(deadline=None, max_examples=60)
@given(
    d=st.integers(min_value=0, max_value=10),
    data=st.data(),
)
def test_hypothesis_float64(d, data):
    entries = data.draw(
        st.lists(
            st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False),
            min_size=2**d,
            max_size=2**d,
        )
    )
    values = np.array(entries, dtype=np.float64)
    expected = wht_reference(values) if d <= 7 else numpy_butterfly(values)
    np.testing.assert_allclose(transformed(values), expected, rtol=1e-9, atol=1e-6 * 2**d)


@pytest.mark.parametrize("d", range(0, 17))
def test_involution_exact_int64(d):
    # H H = 2^d I, exactly; |entries| < 2^(62 - 2d) keeps both transforms inside int64
    bound = min(2**20, 2 ** (62 - 2 * d) - 1)
    values = np.random.default_rng(d).integers(-bound, bound + 1, size=2**d).astype(np.int64)
    twice = transformed(transformed(values))
    assert np.array_equal(twice, values * 2**d)


@pytest.mark.parametrize("d", [1, 3, 6, 8, 12, 14, 16])
def test_exact_at_the_overflow_bound(d):
    # entries +-2^62 / 2^d: every partial sum stays within [-2^62, 2^62], so the kernel
    # must be exact there; a float path would lose the low bits
    m = 2**62 // 2**d
    signs = np.random.default_rng(d).choice([-1, 1], size=2**d)
    values = (signs * m).astype(np.int64)
    out = transformed(values)
    if d <= 8:
        exact = wht_reference(np.array([int(v) for v in values], dtype=object))
        assert [int(v) for v in out] == [int(v) for v in exact]
    else:
        assert np.array_equal(out, numpy_butterfly(values))
    # all entries equal: the whole mass lands on S = {} and reaches 2^62 exactly
    same = np.full(2**d, m, dtype=np.int64)
    out = transformed(same)
    assert int(out[0]) == 2**62
    assert not out[1:].any()
    # an odd entry next to the bound: checks the low bit survives
    odd = same.copy()
    odd[-1] -= 1
    out = transformed(odd)
    assert int(out[0]) == 2**62 - 1
    assert int(out[1]) == (1 if d >= 1 else 0)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("d", [0, 1, 5, 6, 8, 13, 19])
def test_wht_copy_equals_copy_then_inplace(d, dtype):
    values = np.round(random_values(d, dtype, seed=7 * d)).astype(dtype)
    frozen = values.copy()
    out = wht_copy(values)
    assert out.dtype == dtype and out is not values
    assert np.array_equal(out, transformed(values))
    assert np.array_equal(values, frozen)


@settings(deadline=None, max_examples=50)
@given(st.lists(st.integers(-(2**63), 2**63 - 1), min_size=1, max_size=300))
def test_int64_extremes(entries):
    a = np.array(entries, dtype=np.int64)
    lo, hi = int64_extremes(a)
    assert (int(lo), int(hi)) == (min(entries), max(entries))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("d", [6, 12, 13, 18, 19, 21])
def test_threads_give_the_same_result(d, dtype):
    # d < 18: sub-blocks to threads; d >= 19: blocks to threads, then chunked sweeps
    values = np.round(random_values(d, dtype, seed=3 * d)).astype(dtype)
    one = transformed(values)
    two = values.copy()
    wht_inplace(two, threads=2)
    assert np.array_equal(two, one)
    frozen = values.copy()
    assert np.array_equal(wht_copy(values, threads=2), one)
    assert np.array_equal(values, frozen)
    if d <= 13:
        assert np.array_equal(one, numpy_butterfly(values))
