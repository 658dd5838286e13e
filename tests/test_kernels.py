"""Each numba kernel against its plain twin in tests/naive.py."""

import numpy as np
import pytest
from hypothesis import given, strategies as st

from finitelearn._kernels import bits as K
from finitelearn._kernels.wht import wht_inplace, wht_reference
from finitelearn.strategies import boolean_functions
from tests import naive


def test_popcount64_edges():
    for x in [0, 1, 2**63, 2**64 - 1, 0x5555555555555555, 12345678901234567]:
        assert K.popcount64(np.uint64(x)) == bin(x).count("1")


@given(boolean_functions(max_d=10))
def test_pack_and_unpack(f):
    t = f.truth_table
    p = K.pack_table(t)
    assert p.tolist() == naive.pack(t.tolist())
    assert K.unpack_table(p, t.shape[0]).tolist() == t.tolist()
    assert K.count_ones_packed(p) == int(t.sum())


@pytest.mark.parametrize("d", range(0, 9))
def test_parity_packed_every_mask(d):
    for mask in range(2**d):
        S = [i for i in range(d) if mask >> i & 1]
        assert K.parity_packed(d, mask).tolist() == naive.pack(naive.parity_table(d, S))


@given(st.integers(1, 10).flatmap(lambda d: st.tuples(st.just(d), st.integers(0, 2**d - 1), st.integers(0, 2**d - 1))))
def test_disagreements_packed(dab):
    d, a, b = dab
    pa, pb = K.parity_packed(d, a), K.parity_packed(d, b)
    ta, tb = naive.parity_table(d, [i for i in range(d) if a >> i & 1]), naive.parity_table(d, [i for i in range(d) if b >> i & 1])
    assert K.count_disagreements_packed(pa, pb) == sum(x != y for x, y in zip(ta, tb))


@given(boolean_functions(max_d=8), boolean_functions(max_d=8), st.data())
def test_weighted_agreements_and_sum(f, g, data):
    if f.d != g.d:
        g = f ^ f  # constant 0 on f's cube
    n = 2**f.d
    w = data.draw(st.lists(st.integers(0, 50), min_size=n, max_size=n))
    support = np.array([k for k in range(n) if w[k] > 0], dtype=np.int64)
    weights = np.array([w[k] for k in support], dtype=np.int64)
    expect = sum(w[k] for k in range(n) if f.truth_table[k] == g.truth_table[k])
    assert K.weighted_agreements(f.truth_table, g.truth_table, support, weights) == expect
    vals = np.arange(n, dtype=np.int64) - 3
    assert K.weighted_sum(vals, support, weights) == sum(w[k] * (k - 3) for k in range(n))


@given(boolean_functions(max_d=9))
def test_influence_counts(f):
    t = f.truth_table.tolist()
    counts = K.influence_counts(f.truth_table, f.d)
    for i in range(f.d):
        assert counts[i] == sum(1 for x in range(len(t)) if t[x] != t[x ^ (1 << i)])


@pytest.mark.parametrize("d", range(0, 9))
def test_wht_kernel_against_reference(d):
    rng = np.random.default_rng(d)
    a = rng.integers(-1000, 1000, 2**d).astype(np.int64)
    b = a.copy()
    wht_inplace(b)
    assert b.tolist() == naive.wht(a.tolist()) == wht_reference(a).tolist()


def test_restrict_table_twin():
    t = np.array(naive.majority_table(5), dtype=np.uint8)
    got = K.restrict_table(t, 5, 0b10010, 0b00010)
    assert got.tolist() == naive.restrict(t.tolist(), 5, {1: 1, 4: 0})


def test_kernels_compile_and_agree_with_jit_disabled_twins():
    # the python functions behind the njit wrappers are the same algorithms; run one uncompiled
    t = np.array(naive.parity_table(4, [1, 2]), dtype=np.uint8)
    py = lambda k: getattr(k, "py_func", k)  # under NUMBA_DISABLE_JIT=1 the kernels are already Python
    assert py(K.pack_table)(t).tolist() == K.pack_table(t).tolist()
    assert py(K.influence_counts)(t, 4).tolist() == K.influence_counts(t, 4).tolist()


@pytest.mark.parametrize("d", [1, 2, 3])
def test_every_function_on_small_cubes(d):
    """Every kernel on every Boolean function with d <= 3 (256 functions at d = 3)."""
    n = 2**d
    weights = np.arange(1, n + 1, dtype=np.int64)
    support = np.arange(n, dtype=np.int64)
    ref = np.array(naive.parity_table(d, [0]), dtype=np.uint8)
    for t in naive.all_tables(d):
        a = np.array(t, dtype=np.uint8)
        p = K.pack_table(a)
        assert p.tolist() == naive.pack(t)
        assert K.unpack_table(p, n).tolist() == t
        assert K.count_ones_packed(p) == sum(t)
        assert K.count_disagreements_packed(p, K.pack_table(ref)) == sum(x != y for x, y in zip(t, ref.tolist()))
        assert K.influence_counts(a, d).tolist() == [naive.influence(t, d, i) * n for i in range(d)]
        assert K.weighted_agreements(a, ref, support, weights) == sum(
            w for w, x, y in zip(weights.tolist(), t, ref.tolist()) if x == y
        )
        s = K.signed_table(a)
        wht_inplace(s)
        assert s.tolist() == naive.wht([1 - 2 * x for x in t])
        assert K.weight_by_degree(s, d).tolist() == [
            sum(v * v for m, v in enumerate(s.tolist()) if bin(m).count("1") == k) for k in range(d + 1)
        ]
