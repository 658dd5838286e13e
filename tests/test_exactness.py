"""Exact paths near int64's limits, against plain Python-int references (docs/design.md, Exactness).

Nothing may wrap silently: a sum that outgrows int64 is done in Python ints, and a weight
that an int64 kernel cannot carry is refused naming ``weights``.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import finitelearn as fl

BIG = st.integers(0, 2**63 - 1)
NEAR = st.integers(2**62 - 2**20, 2**63 - 1)
WEIGHT = st.one_of(st.integers(0, 3), NEAR, BIG)


def cube_weights(d_min=1, d_max=4):
    return st.integers(d_min, d_max).flatmap(
        lambda d: st.lists(WEIGHT, min_size=1 << d, max_size=1 << d).filter(any))


@given(cube_weights(), st.data())
def test_expectation_of_int_values_near_the_limit(w, data):
    n = len(w)
    vals = data.draw(st.lists(st.integers(-(2**63) + 1, 2**63 - 1), min_size=n, max_size=n))
    D = fl.from_weights(w)
    want = Fraction(sum(a * b for a, b in zip(w, vals)), sum(w))
    assert D.expectation(np.array(vals, dtype=np.int64)) == want
    assert D.expectation(vals) == want
    assert D.expectation(np.array(vals, dtype=object)) == want


@given(cube_weights(), st.data())
def test_expectation_of_uint64_values(w, data):
    n = len(w)
    vals = data.draw(st.lists(st.integers(0, 2**64 - 1), min_size=n, max_size=n))
    D = fl.from_weights(w)
    assert D.expectation(np.array(vals, dtype=np.uint64)) == Fraction(sum(a * b for a, b in zip(w, vals)), sum(w))


def test_the_issue_example_returns_four():
    assert fl.point_masses(3, [0, 1], [2**61, 3]).expectation(np.array([4] * 8)) == 4


@given(cube_weights(2, 5), st.integers(0, 2**32 - 1))
def test_probability_and_pmf_with_totals_beyond_int64(w, event_bits):
    D = fl.from_weights(w)
    total = sum(w)
    assert D.total == total // np.gcd.reduce(np.array(w, dtype=object)) or D.is_uniform
    assert sum(D.pmf(k) for k in range(len(w))) == 1
    assert all(0 <= D.pmf(k) <= 1 for k in range(len(w)))
    ev = np.array([(event_bits >> k) & 1 for k in range(len(w))], dtype=bool)
    assert D.probability(ev) == Fraction(sum(x for x, e in zip(w, ev) if e), total)


@given(cube_weights(2, 5), st.data())
def test_agreement_with_totals_beyond_int64(w, data):
    d = len(w).bit_length() - 1
    t1 = data.draw(st.lists(st.integers(0, 1), min_size=1 << d, max_size=1 << d))
    t2 = data.draw(st.lists(st.integers(0, 1), min_size=1 << d, max_size=1 << d))
    f, g = fl.BooleanFunction.from_truth_table(t1), fl.BooleanFunction.from_truth_table(t2)
    D = fl.from_weights(w)
    want = Fraction(sum(x for x, a, b in zip(w, t1, t2) if a == b), sum(w))
    assert fl.agreement_probability(f, g, D) == want
    assert fl.correlation(f, g, D) == 2 * want - 1


def test_the_issue_example_total_stays_positive():
    D = fl.from_weights([2**46 + i for i in range(2**17)])
    assert D.total == sum(2**46 + i for i in range(2**17)) > 2**63
    assert max(D.pmf(k) for k in (0, 1, 2**17 - 1)) < 1
    f = fl.dictator(17, 0)
    want = Fraction(sum(2**46 + i for i in range(2**17) if i & 1), D.total)
    assert D.probability(f) == want
    assert fl.agreement_probability(f, fl.constant(17, 1), D) == want


@pytest.mark.parametrize("w", [[2**63, 1], [1, 2**70], [Fraction(1, 3), 2**63]])
def test_weights_an_int64_kernel_cannot_carry_are_refused(w):
    with pytest.raises(fl.InvalidArgument, match="weights"):
        fl.from_weights(w)


@given(st.integers(1, 10).flatmap(lambda d: st.tuples(st.just(d), st.integers(1, 2**62))))
def test_walsh_hadamard_int64_refuses_exactly_past_the_bound(case):
    d, m = case
    n = 1 << d
    bound = (2**63 - 1) // n  # max|a| * 2^d must stay <= 2^63 - 1
    a = np.zeros(n, dtype=np.int64)
    a[0] = min(m, bound)
    assert fl.walsh_hadamard(a).tolist() == [int(a[0])] * n
    if bound + 1 < 2**63:
        a[0] = bound + 1
        with pytest.raises(fl.InvalidArgument, match="values"):
            fl.walsh_hadamard(a)
