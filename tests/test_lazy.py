"""Lazy functions (finitelearn.lazy): every constructor and composition against its plain
table, and the exhaustive sums against the table-based functions and the definitions."""

from __future__ import annotations

import pickle
import subprocess
import sys
from fractions import Fraction
from math import comb

import numba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finitelearn as fl
from finitelearn.lazy import count_ones
from tests import naive
from tests.lazy_rules import hashed_bit, rule

DS = [1, 2, 3, 5, 6, 7, 8]


@pytest.mark.parametrize("d", DS)
def test_constructors_equal_their_tables(d):
    S = {0, d - 1}
    pairs = [
        (fl.parity(d, S, lazy=True), fl.parity(d, S)),
        (fl.dictator(d, d - 1, lazy=True), fl.dictator(d, d - 1)),
        (fl.conjunction(d, S, lazy=True), fl.conjunction(d, S)),
        (fl.disjunction(d, S, lazy=True), fl.disjunction(d, S)),
        (fl.constant(d, 0, lazy=True), fl.constant(d, 0)),
        (fl.constant(d, 1, lazy=True), fl.constant(d, 1)),
    ]
    if d % 2:
        pairs.append((fl.majority(d, lazy=True), fl.majority(d)))
    for lazy, table in pairs:
        assert isinstance(lazy, fl.LazyFunction) and not isinstance(table, fl.LazyFunction)
        assert lazy.truth_table.tolist() == table.truth_table.tolist()
        assert lazy.packed.tolist() == table.packed.tolist()
        assert lazy == table and table == lazy and hash(lazy) == hash(table)
        assert lazy.weight() == table.weight()
        for k in range(0, 1 << d, max(1, (1 << d) // 7)):
            assert lazy(k) == table(k)


@pytest.mark.parametrize("d", [1, 3, 6, 8])
def test_threshold_against_the_definition(d):
    w, theta = [3, -2, "1/2", 5, 0, -1, 2, 1][:d], "3/2"
    want = [int(sum(Fraction(wi) * b for wi, b in zip(w, naive.bits(k, d))) >= Fraction(theta)) for k in range(1 << d)]
    assert fl.threshold(d, w, theta).truth_table.tolist() == want
    assert fl.threshold(d, w, theta, lazy=True).truth_table.tolist() == want


@settings(max_examples=60)
@given(st.integers(1, 8).flatmap(rule))
def test_compositions_and_flips_equal_the_plain_table(pair):
    f, table = pair
    assert f.truth_table.tolist() == table
    g = fl.lazy.as_lazy(f)
    assert g.weight() == sum(table)
    assert pickle.loads(pickle.dumps(g)) == g


def test_from_kernel_equals_the_rule_point_by_point():
    f = fl.BooleanFunction.from_kernel(9, hashed_bit)
    assert f.truth_table.tolist() == [int(hashed_bit.py_func(k)) for k in range(512)]


def _distributions(d):
    yield fl.uniform(d)
    yield fl.uniform_on_subcube(d, {0: 1})
    yield fl.uniform_on_subcube(d, {d - 1: 0, 0: 0} if d > 1 else {0: 0})
    yield fl.point_masses(d, [0, (1 << d) - 1, 1 % (1 << d)], [1, 3, 5])


@settings(max_examples=30)
@given(st.integers(1, 8).flatmap(lambda d: st.tuples(rule(d), rule(d), st.sets(st.integers(0, d - 1)),
                                                     st.integers(0, d - 1))))
def test_sums_against_the_table_functions_and_the_definitions(case):
    (f, tf), (g, tg), S, i = case
    d = f.d
    F, G = fl.BooleanFunction.from_truth_table(tf), fl.BooleanFunction.from_truth_table(tg)
    for D in _distributions(d):
        want = naive.agreement(tf, tg, D.dense_weights().tolist())  # P_D(f = g), summed point by point
        assert fl.agreement_probability(F, G, D) == want  # the table-based path
        assert fl.agreement_probability(fl.lazy.as_lazy(f), g, D) == want
        assert fl.agreement_probability(F, G, D, engine=fl.local_engine(threads=2, chunk=1)) == want
        assert fl.disagreement_probability(fl.lazy.as_lazy(f), g, D) == 1 - want
        assert fl.correlation(fl.lazy.as_lazy(f), g, D) == 2 * want - 1
    n = 1 << d
    mask = sum(1 << j for j in S)
    assert fl.fourier_coefficient(f, S) == naive.fourier(tf)[mask]
    assert fl.influence(fl.lazy.as_lazy(f), i) == naive.influence(tf, d, i) == fl.influence(F, i)
    assert fl.total_influence(fl.lazy.as_lazy(f)) == sum(naive.influence(tf, d, j) for j in range(d)) == \
        fl.total_influence(F)
    sub = fl.uniform_on_subcube(d, {i: 1})
    pts = [x for x in range(n) if (x >> i) & 1]
    assert fl.fourier_coefficient(f, S, distribution=sub) == Fraction(
        sum((1 - 2 * tf[x]) * naive.chi(mask, x) for x in pts), len(pts))
    assert fl.influence(f, i, distribution=sub) == Fraction(sum(tf[x] != tf[x ^ (1 << i)] for x in pts), len(pts))


def test_d_40_on_a_subcube_against_an_enumeration_of_its_free_coordinates():
    d = 40
    free = [0, 3, 7, 20, 39]
    fixed = {i: (i * 7) % 2 for i in range(d) if i not in free}
    D = fl.uniform_on_subcube(d, fixed)
    assert D.support_size() == 32 and D.subcube is not None
    f = fl.majority(39, lazy=True)  # on 39 variables: the d of f must match
    with pytest.raises(fl.DomainMismatch):
        fl.agreement_probability(f, fl.parity(d, {0}, lazy=True), D)
    h = fl.threshold(d, [1] * d, 20, lazy=True) ^ fl.parity(d, {0, 39}, lazy=True)
    g = fl.conjunction(d, {3, 7}, lazy=True) | fl.dictator(d, 20, lazy=True)
    points = list(D.support)  # 32 points, enumerated by the distribution itself

    def plain_h(x):
        return int(bin(x).count("1") >= 20) ^ ((x & 1) ^ (x >> 39 & 1))

    def plain_g(x):
        return int((x >> 3 & 1) and (x >> 7 & 1)) | (x >> 20 & 1)

    want = Fraction(sum(plain_h(int(x)) == plain_g(int(x)) for x in points), 32)
    assert fl.agreement_probability(h, g, D) == want
    assert h(int(points[5])) == plain_h(int(points[5]))


def test_uniform_d_32_counts_every_point():
    f = fl.parity(32, {0, 31}, lazy=True) & fl.disjunction(32, {5, 30}, lazy=True)
    # x_1 + x_32 odd (half the points) and x_6 or x_31 (3/4 of them), independent
    assert fl.lazy.as_lazy(f).weight() == 2**32 // 2 * 3 // 4
    assert fl.fourier_coefficient(fl.parity(32, {2, 9}, lazy=True), {2, 9}) == 1  # chi_S against itself
    assert fl.fourier_coefficient(fl.parity(32, {2, 9}, lazy=True), {2}) == 0
    assert fl.influence(fl.majority(31, lazy=True), 4) == Fraction(comb(30, 15), 2**30)


def test_subcube_distributions_are_canonical():
    a = fl.uniform_on_subcube(4, {1: 0, 3: 1})
    b = fl.point_masses(4, [x for x in range(16) if (x >> 1) & 1 == 0 and (x >> 3) & 1 == 1])
    assert a == b and hash(a) == hash(b) and a.subcube == b.subcube == (0b1010, 0b1000)
    assert a.support.tolist() == b.support.tolist() and a.pmf(8) == b.pmf(8) == Fraction(1, 4)
    assert fl.uniform_on_subcube(40, {0: 1}).support_size() == 2**39  # no table


def test_a_table_that_does_not_fit_is_refused():
    with pytest.raises(fl.TooLarge):
        fl.parity(40, {0}, lazy=True).truth_table


def test_the_in_process_path_does_not_import_dask():
    code = ("import sys, finitelearn as fl; f = fl.parity(20, {0}, lazy=True); "
            "fl.agreement_probability(f, fl.parity(20, {1}, lazy=True), fl.uniform(20)); "
            "fl.count_functions(3, 'bent'); fl.local_engine(threads=2); "
            "print([m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_threaded_local_engine_gives_the_same_count():
    f = fl.threshold(20, list(range(-10, 10)), 3, lazy=True)
    one = count_ones(f, fl.uniform(20))
    assert count_ones(f, fl.uniform(20), fl.local_engine(threads=2), chunk=7) == one
    assert one == int(fl.threshold(20, list(range(-10, 10)), 3).truth_table.sum())
    ways = {0: 1}  # the points by their weighted sum, one coordinate at a time (x_i = 0 or 1)
    for w in range(-10, 10):
        nxt = dict(ways)
        for total, c in ways.items():
            nxt[total + w] = nxt.get(total + w, 0) + c
        ways = nxt
    assert one == sum(c for total, c in ways.items() if total >= 3)


@numba.njit
def _returns_two(k):
    return 2.5


def test_from_kernel_refuses_what_is_not_a_rule():
    with pytest.raises(fl.InvalidType, match="kernel"):
        fl.BooleanFunction.from_kernel(3, lambda k: k & 1)
    with pytest.raises(fl.InvalidArgument, match="kernel"):
        fl.BooleanFunction.from_kernel(3, _returns_two)
