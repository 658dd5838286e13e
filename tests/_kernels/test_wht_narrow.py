"""The Walsh-Hadamard kernel in narrow integer types, and on a Boolean function's uint8 table.

``narrowest_int`` picks int16 / int32 / int64 from a proven bound; these tests pin the
rule at its boundaries (the largest bound of each type and the first one past it) and
bind the kernel, serial and threaded, in every narrow dtype and on uint8 truth tables
(``signed_spectrum``: the sign 1 - 2 t folded into the first pass) to the plain twins of
``tests/naive.py`` (``naive.wht`` on ``naive.signed_table``; ``naive.wht_butterfly``
where the definition is too slow), on every small table, on hypothesis tables, on every
path of the blocked schedule (shrunken tunings) and at the largest d of each type, where
the spectrum of a constant reaches the bound.  No wall-clock time is looked at.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finitelearn._kernels.wht import blocked, signed_spectrum, wht_copy, wht_inplace
from finitelearn.exact import narrowest_int
from tests import naive

THREADS = [1, 2]
NARROW = [np.int16, np.int32]
# (sub_bits, block_bits, chunk_bits), as in test_wht.py: every branch of the schedule at d <= 10
TUNINGS = [(6, 6, 6), (6, 6, 0), (6, 7, 3), (6, 8, 7), (7, 10, 8), (8, 8, 2), (12, 18, 16)]


def signed_reference(table: np.ndarray) -> list[int]:
    """The spectrum of (-1)^t by the twins: the definition up to 2^9 entries, the butterfly above."""
    signed = naive.signed_table(table.tolist())
    if table.shape[0] <= 2**9:
        return naive.wht(signed)
    return naive.wht_butterfly(np.array(signed, dtype=np.int64)).tolist()


def random_table(d: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 2, size=2**d, dtype=np.uint8)


# -- the rule -------------------------------------------------------------------------------------


@pytest.mark.parametrize("bound, want", [
    (0, np.int16), (1, np.int16), (2**14, np.int16), (2**15 - 1, np.int16),  # largest int16 bound
    (2**15, np.int32), (2**30, np.int32), (2**31 - 1, np.int32),  # first int32 bound, largest
    (2**31, np.int64), (2**62, np.int64), (2**63 - 1, np.int64),
    (2**63, None), (2**100, None),  # beyond int64: the caller computes in Python ints or refuses
])
def test_narrowest_int_at_each_boundary(bound, want):
    assert narrowest_int(bound) is want


def test_a_plus_minus_one_table_by_d():
    # the spectrum of a +-1 table on d variables is bounded by 2^d
    assert [narrowest_int(2**d) for d in (14, 15, 30, 31, 62)] == [np.int16, np.int32, np.int32, np.int64, np.int64]


# -- every small table, random and hypothesis tables --------------------------------------------


@pytest.mark.parametrize("d", [0, 1, 2, 3])
def test_every_boolean_function(d):
    dtype = narrowest_int(2**d)
    for m in range(1 << (1 << d)):
        t = np.array([(m >> k) & 1 for k in range(1 << d)], dtype=np.uint8)
        out = signed_spectrum(t, dtype)
        assert out.dtype == dtype
        assert out.tolist() == signed_reference(t)


@pytest.mark.parametrize("threads", THREADS)
@pytest.mark.parametrize("dtype", NARROW + [np.int64])
@pytest.mark.parametrize("d", [4, 9, 12, 13, 14])
def test_signed_spectrum_against_the_twin(d, dtype, threads):
    t = random_table(d, seed=d)
    out = signed_spectrum(t, dtype, threads=threads)
    assert out.dtype == dtype
    assert out.tolist() == signed_reference(t)


@pytest.mark.parametrize("threads", THREADS)
@pytest.mark.parametrize("tuning", TUNINGS, ids=str)
@pytest.mark.parametrize("d", [6, 8, 10])
def test_every_path_of_the_blocked_kernel_on_a_table(d, tuning, threads):
    t = random_table(d, seed=50 + d)
    frozen = t.copy()
    want = signed_reference(t)
    for dtype in NARROW:
        out = np.empty(t.shape[0], dtype=dtype)
        blocked(t, out, *tuning, threads=threads)
        assert out.tolist() == want
    assert np.array_equal(t, frozen)  # the table is only read


@pytest.mark.parametrize("threads", THREADS)
@pytest.mark.parametrize("tuning", TUNINGS, ids=str)
@pytest.mark.parametrize("dtype", NARROW)
@pytest.mark.parametrize("d", [6, 9])
def test_every_path_in_narrow_dtypes(d, dtype, tuning, threads):
    # entries bounded so that max|a| 2^d fits int16: every partial transform fits too
    values = np.random.default_rng(d).integers(-(2**15 // 2**d) + 1, 2**15 // 2**d, size=2**d).astype(dtype)
    want = naive.wht([int(v) for v in values])
    out = values.copy()
    blocked(out, out, *tuning, threads=threads)
    assert out.tolist() == want
    out = np.empty_like(values)
    blocked(values, out, *tuning, threads=threads)
    assert out.tolist() == want


@settings(deadline=None, max_examples=60)
@given(st.integers(0, 9).flatmap(lambda d: st.lists(st.integers(0, 1), min_size=2**d, max_size=2**d)),
       st.sampled_from(THREADS), st.sampled_from(TUNINGS))
def test_hypothesis_tables(bits, threads, tuning):
    t = np.array(bits, dtype=np.uint8)
    want = signed_reference(t)
    dtype = narrowest_int(t.shape[0])
    assert signed_spectrum(t, dtype, threads=threads).tolist() == want
    if t.shape[0] >= 2 ** tuning[0]:
        out = np.empty(t.shape[0], dtype=dtype)
        blocked(t, out, *tuning, threads=threads)
        assert out.tolist() == want


# -- at the bound: the largest d of int16, the first d that needs int32 --------------------------


@pytest.mark.parametrize("threads", THREADS)
@pytest.mark.parametrize("d", [14, 15])
def test_the_bound_is_reached_exactly(d, threads):
    dtype = narrowest_int(2**d)
    assert dtype is (np.int16 if d == 14 else np.int32)
    zero = np.zeros(2**d, dtype=np.uint8)  # f = 0: F = +1, the whole mass 2^d on S = {}
    out = signed_spectrum(zero, dtype, threads=threads)
    assert int(out[0]) == 2**d and not out[1:].any()
    one = np.ones(2**d, dtype=np.uint8)  # f = 1: -2^d
    out = signed_spectrum(one, dtype, threads=threads)
    assert int(out[0]) == -(2**d) and not out[1:].any()
    t = random_table(d, seed=d)
    t[:2] = 0
    assert signed_spectrum(t, dtype, threads=threads).tolist() == signed_reference(t)


def test_int16_cannot_hold_the_first_int32_case():
    # what the rule protects against: at d = 15 the spectrum of a constant is 2^15, not an int16
    assert int(np.int32(2**15).astype(np.int16)) != 2**15


@pytest.mark.parametrize("dtype", NARROW)
@pytest.mark.parametrize("d", [0, 5, 12, 13])
def test_wht_inplace_and_copy_in_narrow_dtypes(d, dtype):
    values = np.random.default_rng(d).integers(-2, 3, size=2**d).astype(dtype)
    want = naive.wht([int(v) for v in values]) if d <= 9 else naive.wht_butterfly(values.astype(np.int64)).tolist()
    assert wht_copy(values).tolist() == want
    out = values.copy()
    wht_inplace(out)
    assert out.dtype == dtype and out.tolist() == want
