"""The Walsh-Hadamard kernel (finitelearn._kernels.wht) against its plain twins.

The public ``walsh_hadamard`` (validation, copying) is tested in test_fourier.py; here we
bind the kernel, single-threaded and threaded, to ``naive.wht`` (the O(4^d) definition)
on every small input, on random and hypothesis input, on every code path of the blocked
schedule (by shrinking its tuning so that small d reach the multi-pass and chunked
paths), on the involution identity and at the int64 overflow bound; ``naive.wht_butterfly``
(O(d 2^d), itself bound to ``naive.wht``) stands in where the definition is too slow.
No test looks at wall-clock time (scripts/bench.py does the timing).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finitelearn._kernels.wht import blocked, int64_extremes, textbook, wht_copy, wht_inplace
from tests import naive

DTYPES = [np.int64, np.float64]
THREADS = [1, 2]


def transformed(values: np.ndarray, threads: int = 1) -> np.ndarray:
    out = values.copy()
    wht_inplace(out, threads=threads)
    return out


def definition(values: np.ndarray) -> np.ndarray:
    """naive.wht on the entries as Python numbers, back in the input's dtype."""
    return np.array(naive.wht(values.tolist()), dtype=values.dtype)


_EXPECTED: dict = {}


def reference(values: np.ndarray) -> np.ndarray:
    """The definition up to d = 9, the numpy butterfly above (both plain twins in naive)."""
    key = (values.dtype.str, values.tobytes())
    if key not in _EXPECTED:
        _EXPECTED[key] = definition(values) if values.shape[0] <= 2**9 else naive.wht_butterfly(values)
    return _EXPECTED[key]


def random_values(d: int, dtype, seed: int, bound: int = 1000) -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = rng.integers(-bound, bound + 1, size=2**d)
    if dtype == np.float64:
        # non-integer floats, exact sums not expected: compared with a tolerance below
        return values.astype(np.float64) + rng.random(2**d)
    return values.astype(np.int64)


def integral_values(d: int, dtype, seed: int) -> np.ndarray:
    """Integer-valued entries: summed exactly in any order, in int64 and in float64."""
    return np.round(random_values(d, dtype, seed)).astype(dtype)


# -- the plain twins agree with each other -----------------------------------------------------


@pytest.mark.parametrize("d", range(0, 8))
def test_the_butterfly_twin_is_the_definition(d):
    values = random_values(d, np.int64, seed=d)
    assert naive.wht_butterfly(values).tolist() == naive.wht(values.tolist())


def test_the_definition_on_sympys_example():
    assert naive.wht([4, 2, 2, 0, 0, 2, -2, 0]) == [8, 0, 8, 0, 8, 8, 0, 0]  # sympy's fwht doctest


# -- every small input ---------------------------------------------------------------------------


@pytest.mark.parametrize("threads", THREADS)
@pytest.mark.parametrize("d", [0, 1, 2])
def test_every_vector_in_minus_one_zero_one(d, threads):
    n = 1 << d
    for m in range(3**n):
        v = np.array([(m // 3**k) % 3 - 1 for k in range(n)], dtype=np.int64)
        want = naive.wht(v.tolist())
        assert transformed(v, threads).tolist() == want
        assert wht_copy(v, threads=threads).tolist() == want
        assert transformed(v.astype(np.float64), threads).tolist() == want


@pytest.mark.parametrize("d", [0, 1, 2, 3])
def test_every_signed_table(d):
    for m in range(1 << (1 << d)):
        v = np.array([1 - 2 * ((m >> k) & 1) for k in range(1 << d)], dtype=np.int64)
        assert transformed(v).tolist() == naive.wht(v.tolist())


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("d", range(0, 7))
def test_textbook_loop_against_the_definition(d, dtype):
    values = integral_values(d, dtype, seed=d)
    out = values.copy()
    textbook(out)
    assert np.array_equal(out, definition(values))


# -- random input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("threads", THREADS)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("d", range(0, 10))
def test_against_the_definition(d, dtype, threads):
    values = random_values(d, dtype, seed=d)
    out = transformed(values, threads)
    assert out.dtype == dtype
    if dtype == np.int64:
        assert np.array_equal(out, reference(values))
    else:
        np.testing.assert_allclose(out, reference(values), rtol=1e-12, atol=1e-9 * 2**d)
    integral = integral_values(d, dtype, seed=d)
    assert np.array_equal(transformed(integral, threads), reference(integral))
    assert np.array_equal(wht_copy(integral, threads=threads), reference(integral))


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


# -- every path of the blocked schedule ----------------------------------------------------------

# (sub_bits, block_bits, chunk_bits): the shipped tuning (12, 18, 16) only reaches the block
# sweeps for d > 12, the whole-array sweeps for d > 18 and cuts runs into chunks for d > 19;
# these shrunken ones reach every branch at d <= 10: radix 2/4/8 remainders at each level,
# several blocks (threaded: blocks to threads), one block (threaded: sub-blocks to
# threads), sub-block = block, runs cut into 1, 2 or many chunks.
TUNINGS = [
    (6, 6, 6),
    (6, 6, 0),
    (6, 7, 3),
    (6, 8, 7),
    (6, 9, 16),
    (7, 7, 7),
    (7, 10, 8),
    (8, 8, 2),
    (12, 18, 16),
]


@pytest.mark.parametrize("threads", THREADS)
@pytest.mark.parametrize("tuning", TUNINGS, ids=str)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("d", [6, 7, 8, 9, 10])
def test_every_path_of_the_blocked_kernel(d, dtype, tuning, threads):
    values = integral_values(d, dtype, seed=100 + d)
    expected = reference(values)
    out = values.copy()
    blocked(out, out, *tuning, threads=threads)  # in place
    assert np.array_equal(out, expected)
    frozen = values.copy()
    out = np.empty_like(values)
    blocked(values, out, *tuning, threads=threads)  # out of place: the copy rides on the first pass
    assert np.array_equal(out, expected)
    assert np.array_equal(values, frozen)


@pytest.mark.parametrize("threads", THREADS)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("d", [13, 15, 19, 20])
def test_multi_pass_sizes_against_the_butterfly(d, dtype, threads):
    # the shipped tuning: block sweeps (d > 12), whole-array sweeps (d > 18), chunks (d > 19)
    values = integral_values(d, dtype, seed=d)
    assert np.array_equal(transformed(values, threads), naive.wht_butterfly(values))


# -- hypothesis --------------------------------------------------------------------------------------


@st.composite
def vectors(draw, max_d: int, elements):
    d = draw(st.integers(0, max_d))
    return np.array(draw(st.lists(elements, min_size=2**d, max_size=2**d)))


@settings(deadline=None, max_examples=60)
@given(vectors(8, st.integers(-(2**40), 2**40)), st.sampled_from(THREADS), st.sampled_from(TUNINGS))
def test_hypothesis_int64_exact(values, threads, tuning):
    values = values.astype(np.int64)
    expected = definition(values)
    assert np.array_equal(transformed(values, threads), expected)
    assert np.array_equal(wht_copy(values, threads=threads), expected)
    if values.shape[0] >= 2 ** tuning[0]:
        out = np.empty_like(values)
        blocked(values, out, *tuning, threads=threads)
        assert np.array_equal(out, expected)


@settings(deadline=None, max_examples=60)
@given(vectors(8, st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)),
       st.sampled_from(THREADS))
def test_hypothesis_float64(values, threads):
    values = values.astype(np.float64)
    d = values.shape[0].bit_length() - 1
    np.testing.assert_allclose(transformed(values, threads), definition(values), rtol=1e-9, atol=1e-6 * 2**d)


# -- identities and bounds ---------------------------------------------------------------------------


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
    for threads in THREADS:
        out = transformed(values, threads)
        if d <= 8:
            assert [int(v) for v in out] == naive.wht([int(v) for v in values])
        else:
            assert np.array_equal(out, naive.wht_butterfly(values))
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


@pytest.mark.parametrize("threads", THREADS)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("d", [0, 1, 5, 6, 8, 12, 13, 14, 16, 19])
def test_wht_copy_against_the_twins_on_each_route(d, dtype, threads):
    # d <= 12: a copy, then the textbook loop; from 13: the blocked kernel out of place (the
    # copy rides on its first pass); each against naive.wht (d <= 9) or naive.wht_butterfly,
    # not against wht_inplace (which shares the blocked kernel)
    values = integral_values(d, dtype, seed=7 * d)
    frozen = values.copy()
    out = wht_copy(values, threads=threads)
    assert out.dtype == dtype and out is not values and not np.shares_memory(out, values)
    assert np.array_equal(out, reference(values))
    assert np.array_equal(values, frozen)


@pytest.mark.parametrize("threads", THREADS)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("d", [18, 19, 21, 22])
def test_wht_copy_out_of_place_from_one_block_to_beyond_the_l3(d, dtype, threads):
    # one block (2^18), two and eight blocks (one sweep level above the tiles, in the L3 with
    # the input), 16 blocks (beyond it): the first pass reads the input and writes the output,
    # the sweeps run on the output, except at d = 22 on one thread (32 MiB: a copy, then in
    # place; the route is tested below); each against the butterfly twin
    values = integral_values(d, dtype, seed=11 * d)
    frozen = values.copy()
    out = wht_copy(values, threads=threads)
    assert out.dtype == dtype and not np.shares_memory(out, values)
    assert np.array_equal(out, naive.wht_butterfly(values))
    assert np.array_equal(values, frozen)


@pytest.mark.parametrize(("dtype", "d", "threads", "copy_first"), [
    (np.float64, 21, 1, False), (np.float64, 22, 1, True), (np.int64, 24, 1, True), (np.float64, 25, 1, False),
    (np.int32, 22, 1, False), (np.int32, 23, 1, True), (np.int32, 25, 1, True), (np.int32, 26, 1, False),
    (np.float64, 22, 2, False), (np.int64, 24, 2, False)])
def test_wht_copy_copies_first_from_32_to_128_mib_on_one_thread(monkeypatch, dtype, d, threads, copy_first):
    # the route only (its results are bound above at d = 21, 22): from 32 to 128 MiB of
    # entries, on one thread, a copy and then the blocked kernel in place; otherwise the
    # blocked kernel reads values and writes a new array.  np.zeros' pages stay untouched
    # unless copied: the fused cases (blocked stubbed) cost no resident memory, a copy-first
    # case its copy (at most 128 MiB).
    from finitelearn._kernels import wht as W
    calls = []
    monkeypatch.setattr(W, "blocked", lambda src, a, threads=1: calls.append((src, a, threads)))
    values = np.zeros(2**d, dtype)
    out = W.wht_copy(values, threads=threads)
    [(src, a, used)] = calls
    assert a is out and not np.may_share_memory(out, values) and out.dtype == dtype and out.shape == values.shape
    assert (src is out, src is values, used) == ((True, False, 1) if copy_first else (False, True, threads))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("d", [6, 12, 13, 18, 19, 21])
def test_threads_give_the_same_result(d, dtype):
    # d <= 18: sub-blocks to threads; d >= 19: blocks to threads, then chunked sweeps
    values = integral_values(d, dtype, seed=3 * d)
    one = transformed(values)
    two = transformed(values, threads=2)
    assert np.array_equal(two, one)
    frozen = values.copy()
    assert np.array_equal(wht_copy(values, threads=2), one)
    assert np.array_equal(values, frozen)
    assert np.array_equal(two, naive.wht_butterfly(values))


# -- int64_extremes --------------------------------------------------------------------------------


def test_int64_extremes_every_short_vector():
    for n in range(1, 5):
        for m in range(5**n):
            v = [(m // 5**k) % 5 - 2 for k in range(n)]
            lo, hi = int64_extremes(np.array(v, dtype=np.int64))
            assert (int(lo), int(hi)) == naive.int64_extremes(v)


@settings(deadline=None, max_examples=50)
@given(st.lists(st.integers(-(2**63), 2**63 - 1), min_size=1, max_size=300))
def test_int64_extremes(entries):
    a = np.array(entries, dtype=np.int64)
    lo, hi = int64_extremes(a)
    assert (int(lo), int(hi)) == naive.int64_extremes(entries)


# The first pass: five stages of 32 entries in registers (an LLVM intrinsic) and its plain
# form, each bound to the definition on every dtype the kernel takes, and on uint8 tables
# read as 1 - 2 t, at an offset inside a longer array (the other entries left alone).

@pytest.mark.parametrize("dtype, out_dtype", [(np.int16, np.int16), (np.int32, np.int32), (np.int64, np.int64),
                                              (np.float64, np.float64), (np.uint8, np.int32), (np.uint8, np.float64)])
@pytest.mark.parametrize("plain", [False, True])
def test_first_five_stages_against_the_definition(dtype, out_dtype, plain):
    from numba import njit

    from finitelearn._kernels import wht as W

    first5 = W._first5 if plain else njit(lambda src, s, a, t: W._first5(src, s, a, t))
    rng = np.random.default_rng(32)
    for trial in range(20):
        lo, hi = (0, 2) if dtype == np.uint8 else (-100, 101)
        src = rng.integers(lo, hi, 96).astype(dtype)
        s = int(rng.integers(0, 3)) * 32
        t = int(rng.integers(0, 3)) * 32
        a = np.full(96, 7, out_dtype)
        first5(src, np.uint64(s), a, np.uint64(t))
        entries = src[s:s + 32].astype(np.int64)
        if dtype == np.uint8:
            entries = 1 - 2 * entries
        expected = naive.wht(entries.tolist())
        assert a[t:t + 32].tolist() == expected
        assert (np.delete(a, np.arange(t, t + 32)) == 7).all()
    if dtype != np.uint8:  # in place (src is a, s == t)
        x = rng.integers(-100, 101, 64).astype(dtype)
        want = naive.wht(x[32:].astype(np.int64).tolist())
        first5(x, np.uint64(32), x, np.uint64(32))
        assert x[32:].tolist() == want
