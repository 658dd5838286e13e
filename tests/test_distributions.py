from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, strategies as st

import finitelearn as fl
from finitelearn.strategies import cube_problems, distributions


def test_issue_examples():
    mu = fl.point_masses(4, [(0, 0, 0, 0), (1, 0, 0, 0)])
    assert mu.support.tolist() == [0, 1] and mu.pmf((1, 0, 0, 0)) == Fraction(1, 2)
    x0 = fl.uniform_on_subcube(4, fixed={0: 0})
    assert x0.support.tolist() == [k for k in range(16) if k % 2 == 0]
    assert all(x0.pmf(k) == Fraction(1, 8) for k in range(0, 16, 2))
    assert x0 == fl.uniform(4).condition(lambda x: x[0] == 0)
    assert fl.uniform(3).pmf(5) == Fraction(1, 8)


def test_weights_from_fractions_and_ints():
    D = fl.from_weights([Fraction(1, 6), Fraction(1, 3), 0, Fraction(1, 2)])
    assert [D.pmf(k) for k in range(4)] == [Fraction(1, 6), Fraction(1, 3), 0, Fraction(1, 2)]
    assert D == fl.from_weights([1, 2, 0, 3]) == fl.point_masses(2, [0, 1, 3], [2, 4, 6])
    assert hash(D) == hash(fl.from_weights([2, 4, 0, 6]))
    assert fl.from_weights([5, 5, 5, 5]) == fl.uniform(2)
    assert fl.point_masses(2, [0, 0, 1], [1, 1, 2]).pmf(0) == Fraction(1, 2)  # repeats add up


@given(cube_problems(n_functions=1, max_d=8))
def test_probability_and_conditioning(problem):
    _, (f,), D = problem
    w = D.dense_weights().tolist()
    t = f.truth_table.tolist()
    p = D.probability(f)
    assert p == Fraction(sum(wk for wk, b in zip(w, t) if b), sum(w))
    assert D.probability(lambda x: f(x) == 1) == p
    assert D.probability(f.truth_table.astype(bool)) == p
    assert D.probability([k for k in range(2**D.d) if t[k]]) == p
    if p > 0:
        C = D.condition(f)
        for k in range(2**D.d):
            expect = Fraction(w[k], sum(wk for wk, b in zip(w, t) if b)) if t[k] else 0
            assert C.pmf(k) == expect
    else:
        with pytest.raises(fl.UndefinedProbability):
            D.condition(f)


@given(distributions(max_d=6), st.data())
def test_expectation_exact(D, data):
    n = 2**D.d
    vals = data.draw(st.lists(st.fractions(-5, 5, max_denominator=7), min_size=n, max_size=n))
    w = D.dense_weights().tolist()
    assert D.expectation(vals) == sum(Fraction(wk) * v for wk, v in zip(w, vals)) / sum(w)
    ints = [int(v * 7) for v in vals]
    assert D.expectation(np.array(ints)) == Fraction(sum(wk * v for wk, v in zip(w, ints)), sum(w))


def test_uniform_is_implicit_at_large_d():
    D = fl.uniform(40)
    assert D.total == 2**40 and D.is_uniform and D._support is None
    assert fl.uniform(20).probability(fl.parity(20, {0, 1})) == Fraction(1, 2)
