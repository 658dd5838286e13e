import itertools
import pickle

import numpy as np
import pytest
from hypothesis import given, strategies as st

import finitelearn as fl
from finitelearn.strategies import boolean_functions, function_pairs
from tests import naive


@pytest.mark.parametrize("d", range(1, 9))
def test_parity_matches_definition_for_every_subset(d):
    for mask in range(2**d):
        S = [i for i in range(d) if mask >> i & 1]
        f = fl.parity(d, S)
        assert f.truth_table.tolist() == naive.parity_table(d, S)
        assert f.packed.tolist() == naive.pack(naive.parity_table(d, S))


def test_parity_packed_at_large_d_without_byte_table():
    d = 20
    f = fl.parity(d, {0, 7, 19})
    assert f._table is None  # built directly in packed form
    rng = np.random.default_rng(0)
    for k in rng.integers(0, 2**d, 200).tolist():
        assert f(k) == (((k >> 0) & 1) + ((k >> 7) & 1) + ((k >> 19) & 1)) % 2
    assert f.weight() == 2 ** (d - 1)


@pytest.mark.parametrize("d", [1, 3, 5, 7])
def test_majority_dictator_conjunction_disjunction(d):
    assert fl.majority(d).truth_table.tolist() == naive.majority_table(d)
    for i in range(d):
        assert fl.dictator(d, i).truth_table.tolist() == [naive.bits(k, d)[i] for k in range(2**d)]
    S = {0, d - 1}
    assert fl.conjunction(d, S).truth_table.tolist() == [int(all(naive.bits(k, d)[i] for i in S)) for k in range(2**d)]
    assert fl.disjunction(d, S).truth_table.tolist() == [int(any(naive.bits(k, d)[i] for i in S)) for k in range(2**d)]
    assert fl.constant(d, 1).weight() == 2**d and fl.constant(d, 0).weight() == 0


def test_issue_examples():
    f = fl.parity(4, {0, 2})
    assert f.truth_table.tolist() == naive.parity_table(4, [0, 2])
    assert not f.truth_table.flags.writeable
    with pytest.raises(ValueError):
        f.truth_table[0] = 1
    t = fl.BooleanFunction.from_truth_table([0, 1, 1, 0])
    assert t == fl.parity(2, {0, 1})
    u = fl.BooleanFunction.from_callable(3, lambda x: x[0] ^ (x[1] & x[2]))
    assert u.truth_table.tolist() == [b[0] ^ (b[1] & b[2]) for b in (naive.bits(k, 3) for k in range(8))]


def test_all_functions_on_two_bits_algebra():
    tables = naive.all_tables(2)
    for ta, tb in itertools.product(tables, repeat=2):
        f, g = fl.BooleanFunction.from_truth_table(ta), fl.BooleanFunction.from_truth_table(tb)
        assert (f ^ g).truth_table.tolist() == [a ^ b for a, b in zip(ta, tb)]
        assert (f & g).truth_table.tolist() == [a & b for a, b in zip(ta, tb)]
        assert (f | g).truth_table.tolist() == [a | b for a, b in zip(ta, tb)]
        assert (~f).truth_table.tolist() == [1 - a for a in ta]
        assert (f == g) == (ta == tb)
        assert (hash(f) == hash(g)) or ta != tb


@given(function_pairs(max_d=10))
def test_pack_unpack_and_ops_against_naive(fg):
    f, g = fg
    ta, tb = f.truth_table.tolist(), g.truth_table.tolist()
    assert f.packed.tolist() == naive.pack(ta)
    h = fl.BooleanFunction._from_packed(f.d, f.packed)
    assert h.truth_table.tolist() == ta and h == f and hash(h) == hash(f)
    assert (f ^ g).truth_table.tolist() == [a ^ b for a, b in zip(ta, tb)]
    assert (~f).weight() == 2**f.d - sum(ta)
    assert pickle.loads(pickle.dumps(f)) == f


@given(boolean_functions(min_d=2, max_d=8), st.data())
def test_restrict_against_naive(f, data):
    d = f.d
    coords = data.draw(st.sets(st.integers(0, d - 1), min_size=1, max_size=d - 1))
    fixed = {i: data.draw(st.integers(0, 1)) for i in coords}
    r = f.restrict(fixed)
    assert r.d == d - len(fixed)
    assert r.truth_table.tolist() == naive.restrict(f.truth_table.tolist(), d, fixed)


def test_restriction_of_paper_teachers_is_parity_of_the_rest():
    # Theorem 4.2's proof: f_S restricted to x_1 = 0 is the parity of S \ {1} on x_2..x_d
    d = 5
    for mask in range(2**d):
        if mask & 1:
            f = fl.parity(d, mask)
            assert f.restrict({0: 0}) == fl.parity(d - 1, mask >> 1)
            assert f.restrict({0: 1}) == ~fl.parity(d - 1, mask >> 1)


def test_call_accepts_bits_and_index():
    f = fl.parity(3, {1})
    assert f((0, 1, 0)) == 1 and f(2) == 1 and f((1, 0, 1)) == 0
    with pytest.raises(fl.InvalidArgument, match="x="):
        f((0, 1))
    with pytest.raises(fl.InvalidArgument, match="x="):
        f(8)


def test_direct_constructor_is_refused():
    with pytest.raises(TypeError, match="from_truth_table"):
        fl.BooleanFunction([0, 1])


@pytest.mark.parametrize("d", [1, 2, 3, 6, 7, 16])
def test_packed_and_truth_table_against_naive_both_ways(d):
    """The bit-packed form (numpy's little-endian packing, zero-padded to one word below d = 6)
    against ``naive.pack``, and the byte table rebuilt from the packed form alone: every table at
    d <= 3, random ones beyond."""
    rng = np.random.default_rng(d)
    tables = ([list(t) for t in itertools.product([0, 1], repeat=1 << d)] if d <= 3
              else [rng.integers(0, 2, 1 << d).tolist() for _ in range(5)])
    for t in tables:
        f = fl.BooleanFunction.from_truth_table(t)
        assert f.packed.dtype == np.uint64 and f.packed.tolist() == naive.pack(t)
        g = fl.BooleanFunction._from_packed(d, f.packed)
        assert g.truth_table.dtype == np.uint8 and g.truth_table.tolist() == t


@given(st.integers(1, 9).flatmap(lambda d: st.lists(st.integers(0, 1), min_size=2 ** d, max_size=2 ** d)))
def test_from_packed_is_the_function_of_its_bits(table):
    """from_packed(d, naive.pack(t)) is from_truth_table(t); it keeps only the bits, and
    transient_truth_table reads the table without keeping it (a fresh array each call)."""
    d = len(table).bit_length() - 1
    f = fl.BooleanFunction.from_packed(d, naive.pack(table))
    assert f._table is None
    once = f.transient_truth_table()
    assert once.tolist() == table and f._table is None and f.transient_truth_table() is not once
    assert f == fl.BooleanFunction.from_truth_table(table) and f.truth_table.tolist() == table
    assert f.transient_truth_table() is f.truth_table  # a held table is handed out as it is


@pytest.mark.parametrize("d, packed, says", [
    (3, [1, 0], "1 words for d=3"),
    (7, [1], "2 words for d=7"),
    (2, [[1]], "one-dimensional"),
    (6, [-1], "non-negative"),
    (6, [1.0], "unsigned 64-bit words"),
    (6, np.array([1.0]), "unsigned 64-bit words"),
    (6, [True], "unsigned 64-bit words"),
    (6, np.array([-3]), "non-negative"),
    (6, [1 << 64], "below 2**64"),
    (3, [1 << 8], "no bit set from 2**d = 8 up"),
    (0, [1], "d=0"),
])
def test_from_packed_refuses_bad_words_naming_the_argument(d, packed, says):
    with pytest.raises((ValueError, TypeError), match="packed" if d else "d") as e:
        fl.BooleanFunction.from_packed(d, packed)
    assert says in str(e.value)
