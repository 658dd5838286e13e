"""finitelearn._kernels.bits against its plain twins in tests/naive.py.

Each kernel: every input on the small cubes (every table at d <= 3, every mask, every
support), then hypothesis inputs with the dimension drawn once.  Weights on exhaustive
supports are distinct powers of two (point s weighs 2^s), so a sum names exactly the
points it counted.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from finitelearn._kernels import bits as K
from finitelearn.functions import _pack
from tests import naive
from tests._kernels.inputs import every_support, every_table, int_vector, support_and_weights, table

SMALL = [0, 1, 2, 3]


def powers_of_two(support: np.ndarray) -> np.ndarray:
    return np.array([1 << int(s) for s in support], dtype=np.int64)


# -- popcount64 ----------------------------------------------------------------------------


def test_popcount64_every_12_bit_value_and_every_byte_at_every_position():
    for x in range(1 << 12):
        assert K.popcount64(np.uint64(x)) == naive.popcount64(x)
    for shift in range(0, 64, 8):
        for byte in range(256):
            x = byte << shift
            assert K.popcount64(np.uint64(x)) == naive.popcount64(x)
    for i in range(65):
        for x in (2**i - 1, (2**64 - 1) ^ (2**i - 1), 2 ** min(i, 63)):
            assert K.popcount64(np.uint64(x)) == naive.popcount64(x)


@given(st.integers(0, 2**64 - 1))
def test_popcount64(x):
    assert K.popcount64(np.uint64(x)) == naive.popcount64(x)


# -- pack, unpack, count ---------------------------------------------------------------------


def pack(t):
    """The packed table, as the package packs it (numpy, finitelearn.functions._pack; bound to
    naive.pack_table here and through BooleanFunction in tests/test_functions.py)."""
    return _pack(np.asarray(t, dtype=np.uint8))


@pytest.mark.parametrize("d", SMALL)
def test_pack_and_count_every_table(d):
    for t in every_table(d):
        p = pack(t)
        assert p.dtype == np.uint64 and p.tolist() == naive.pack_table(t)
        assert naive.unpack_table(p, t.shape[0]) == t.tolist()
        assert K.count_ones_packed(p) == naive.count_ones_packed(p)


@given(st.integers(0, 12).flatmap(table))
def test_pack_and_count(t):
    p = pack(t)
    assert p.tolist() == naive.pack_table(t)
    assert K.count_ones_packed(p) == naive.count_ones_packed(p)


@given(st.integers(1, 4).flatmap(lambda w: st.lists(st.integers(0, 2**64 - 1), min_size=w, max_size=w)))
def test_count_ones_of_arbitrary_words(words):
    p = np.array(words, dtype=np.uint64)
    assert K.count_ones_packed(p) == naive.count_ones_packed(p)


@pytest.mark.parametrize("d", SMALL[:3])
def test_disagreements_every_pair_of_tables(d):
    packed = [pack(t) for t in every_table(d)]
    for a in packed:
        for b in packed:
            assert K.count_disagreements_packed(a, b) == naive.count_disagreements_packed(a, b)


def test_disagreements_every_pair_of_tables_at_d3():
    packed = [pack(t) for t in every_table(3)]
    words = [int(p[0]) for p in packed]
    for a, x in zip(packed, words):
        for b, y in zip(packed, words):
            assert K.count_disagreements_packed(a, b) == bin(x ^ y).count("1")
    # and the twin itself on a sample of these pairs
    for a in packed[::17]:
        for b in packed[::13]:
            assert naive.count_disagreements_packed(a, b) == bin(int(a[0]) ^ int(b[0])).count("1")


@given(st.integers(0, 11).flatmap(lambda d: st.tuples(table(d), table(d))))
def test_disagreements(pair):
    a, b = (pack(t) for t in pair)
    assert K.count_disagreements_packed(a, b) == naive.count_disagreements_packed(a, b)
    assert K.count_disagreements_packed(a, b) == sum(x != y for x, y in zip(*(t.tolist() for t in pair)))


# -- parities and popcount tables ------------------------------------------------------------


@pytest.mark.parametrize("d", range(0, 9))
def test_parity_packed_every_mask(d):
    for mask in range(2**d):
        assert K.parity_packed(d, mask).tolist() == naive.parity_packed(d, mask)


@given(st.integers(0, 14).flatmap(lambda d: st.tuples(st.just(d), st.integers(0, 2**d - 1))))
def test_parity_packed(dm):
    d, mask = dm
    assert K.parity_packed(d, mask).tolist() == naive.parity_packed(d, mask)


@pytest.mark.parametrize("d", range(0, 13))
def test_popcount_table_every_d(d):
    t = K.popcount_table(d)
    assert t.dtype == np.int8 and t.tolist() == naive.popcount_table(d)


# -- weighted sums over a support ------------------------------------------------------------


@pytest.mark.parametrize("d", SMALL[:3])
def test_weighted_agreements_every_pair_and_support(d):
    tables = list(every_table(d))
    for support in every_support(d):
        w = powers_of_two(support)
        for ta in tables:
            for tb in tables:
                assert K.weighted_agreements(ta, tb, support, w) == naive.weighted_agreements(ta, tb, support, w)


def test_weighted_agreements_every_table_and_support_at_d3():
    ref = np.array(naive.parity_table(3, [0, 2]), dtype=np.uint8)
    tables = list(every_table(3))
    for support in every_support(3):
        w = powers_of_two(support)
        for t in tables:
            assert K.weighted_agreements(t, ref, support, w) == naive.weighted_agreements(t, ref, support, w)


@given(st.integers(0, 10).flatmap(lambda d: st.tuples(table(d), table(d), support_and_weights(d, 2**40))))
def test_weighted_agreements(args):
    ta, tb, (support, w) = args
    assert K.weighted_agreements(ta, tb, support, w) == naive.weighted_agreements(ta, tb, support, w)


@pytest.mark.parametrize("d", SMALL)
def test_weighted_sum_every_support(d):
    n = 1 << d
    if d <= 2:  # every value vector in {-1, 0, 2}^n
        vectors = [np.array([(-1, 0, 2)[(m // 3**k) % 3] for k in range(n)], dtype=np.int64) for m in range(3**n)]
    else:
        vectors = [np.array([(k * 7919) % 23 - 11 for k in range(n)], dtype=np.int64)]
        vectors += [t.astype(np.int64) for t in every_table(d)]
    for support in every_support(d):
        w = powers_of_two(support)
        for v in vectors:
            assert K.weighted_sum(v, support, w) == naive.weighted_sum(v, support, w)


@given(st.integers(0, 10).flatmap(lambda d: st.tuples(int_vector(1 << d, 2**20), support_and_weights(d))))
def test_weighted_sum(args):
    v, (support, w) = args
    assert K.weighted_sum(v, support, w) == naive.weighted_sum(v, support, w)


# -- Fourier helpers -------------------------------------------------------------------------


@pytest.mark.parametrize("d", SMALL)
def test_influence_and_signed_tables_every_table(d):
    for t in every_table(d):
        assert K.influence_counts(t, d).tolist() == naive.influence_counts(t, d)
        s = K.signed_table(t)
        assert s.dtype == np.int64 and s.tolist() == naive.signed_table(t)


@given(st.integers(0, 10).flatmap(lambda d: st.tuples(st.just(d), table(d))))
def test_influence_and_signed_tables(dt):
    d, t = dt
    assert K.influence_counts(t, d).tolist() == naive.influence_counts(t, d)
    assert K.signed_table(t).tolist() == naive.signed_table(t)


@pytest.mark.parametrize("d", SMALL)
def test_weight_by_degree_every_spectrum(d):
    n = 1 << d
    spectra = [naive.wht(naive.signed_table(t)) for t in every_table(d)]
    if d <= 2:  # and every vector in {-2..2}^n
        spectra += [[(m // 5**k) % 5 - 2 for k in range(n)] for m in range(5**n)]
    for spec in spectra:
        s = np.array(spec, dtype=np.int64)
        assert K.weight_by_degree(s, d).tolist() == naive.weight_by_degree(s, d)


@pytest.mark.parametrize("dtype", [np.int16, np.int32])
def test_weight_by_degree_of_a_narrow_spectrum_squares_in_int64(dtype):
    """integer_spectrum gives int16/int32 arrays; their squares pass those types (2^8 squared is
    2^16). Compiled, and as plain Python on numpy scalars (py_func, what NUMBA_DISABLE_JIT=1
    runs), the weights are the exact sums of squares (against the plain twin on Python ints)."""
    d = 8
    spec = np.zeros(1 << d, dtype=dtype)
    spec[0], spec[3], spec[255] = 256, -200, 181
    want = naive.weight_by_degree([int(v) for v in spec], d)
    assert want[0] == 65536 and want[2] == 40000 and want[8] == 32761
    assert K.weight_by_degree(spec, d).tolist() == want
    plain = getattr(K.weight_by_degree, "py_func", K.weight_by_degree)  # (with NUMBA_DISABLE_JIT=1: itself)
    assert plain(spec, d).tolist() == want


@given(st.integers(0, 10).flatmap(lambda d: st.tuples(st.just(d), int_vector(1 << d, 2**25))))
def test_weight_by_degree(ds):
    d, s = ds
    assert K.weight_by_degree(s, d).tolist() == naive.weight_by_degree(s, d)


# -- restrictions ----------------------------------------------------------------------------


@pytest.mark.parametrize("d", SMALL)
def test_restrict_every_table_mask_and_values(d):
    for t in every_table(d):
        for mask in range(1 << d):
            for values in range(1 << d):
                if values & ~mask:
                    continue  # fixed values lie inside the fixed mask (the caller's contract)
                got = K.restrict_table(t, d, mask, values)
                assert got.dtype == np.uint8
                assert got.tolist() == naive.restrict_table(t, d, mask, values)


@st.composite
def restrictions(draw):
    d = draw(st.integers(1, 10))
    mask = draw(st.integers(0, 2**d - 1))
    values = draw(st.integers(0, 2**d - 1)) & mask
    return d, draw(table(d)), mask, values


@given(restrictions())
def test_restrict(args):
    d, t, mask, values = args
    assert K.restrict_table(t, d, mask, values).tolist() == naive.restrict_table(t, d, mask, values)
