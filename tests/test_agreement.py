import importlib
import itertools
from fractions import Fraction

import pytest
from hypothesis import given

import finitelearn as fl
from finitelearn.strategies import cube_problems, function_pairs
from tests import naive


def test_every_pair_on_two_bits_under_uniform_and_mu():
    tables = naive.all_tables(2)
    # support {1, 2, 3} (points (1,0), (0,1), (1,1)) with unequal weights: a point's index and
    # its position in the support differ, and so do the weights of any two of them
    mu = fl.point_masses(2, [(1, 0), (0, 1), (1, 1)], weights=[1, 3, 5])
    assert mu.support.tolist() == [1, 2, 3]
    for ta, tb in itertools.product(tables, repeat=2):
        f, g = fl.BooleanFunction.from_truth_table(ta), fl.BooleanFunction.from_truth_table(tb)
        assert fl.agreement_probability(f, g, fl.uniform(2)) == naive.agreement(ta, tb, [1] * 4)
        assert fl.agreement_probability(f, g, mu) == naive.agreement(ta, tb, [0, 1, 3, 5])


@given(cube_problems(n_functions=2, max_d=10))
def test_agreement_against_naive(problem):
    d, (f, g), D = problem
    w = D.dense_weights().tolist()
    p = fl.agreement_probability(f, g, D)
    assert p == naive.agreement(f.truth_table.tolist(), g.truth_table.tolist(), w)
    assert p == fl.agreement_probability(g, f, D)  # symmetry
    assert fl.disagreement_probability(f, g, D) == 1 - p
    assert fl.correlation(f, g, D) == 2 * p - 1
    assert fl.agreement_probability(f, g, fl.uniform(d)) == naive.agreement(
        f.truth_table.tolist(), g.truth_table.tolist(), [1] * 2**d)


@given(function_pairs(max_d=8))
def test_uniform_correlation_is_plancherel(fg):
    f, g = fg
    # Plancherel with both spectra from the plain butterfly of tests/naive.py
    n = 2**f.d
    cf = naive.wht_butterfly(naive.signed_table(f.truth_table.tolist()))
    cg = naive.wht_butterfly(naive.signed_table(g.truth_table.tolist()))
    assert fl.correlation(f, g, fl.uniform(f.d)) == Fraction(sum(int(a) * int(b) for a, b in zip(cf, cg)), n * n)


def test_paper_section_4_1_numbers():
    d = 6
    mu = fl.point_masses(d, [(0,) * d, (1,) + (0,) * (d - 1)])
    nu = fl.uniform(d)
    x1 = fl.dictator(d, 0)
    for T in fl.paper_teachers(d):
        assert fl.agreement_probability(x1, T, mu) == 1  # every teacher looks like x_1 on mu
        expect = 1 if T == x1 else Fraction(1, 2)
        assert fl.agreement_probability(x1, T, nu) == expect


def test_agreement_at_d_24_packed():
    d = 24
    f, g = fl.parity(d, {0, 3}), fl.parity(d, {0, 3, 23})
    assert fl.agreement_probability(f, g, fl.uniform(d)) == Fraction(1, 2)
    assert fl.agreement_probability(f, f, fl.uniform(d)) == 1
    assert fl.agreement_probability(f, ~f, fl.uniform(d)) == 0


@given(cube_problems(n_functions=2, max_d=6))
def test_the_python_int_route_agrees(problem):
    """Totals that do not fit int64 are summed in Python ints: the same answers as the kernel."""
    module = importlib.import_module("finitelearn.agreement")
    d, (f, g), D = problem
    want = naive.agreement(f.truth_table.tolist(), g.truth_table.tolist(), D.dense_weights().tolist())
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(module, "fits_int64", lambda total: False)
        assert fl.agreement_probability(f, g, D) == want
        assert fl.disagreement_probability(f, g, D) == 1 - want


@pytest.mark.parametrize("lazy_side", ["h", "T"])
def test_one_lazy_function_is_never_tabulated(monkeypatch, lazy_side):
    """The docstring: when h *or* T is lazy the count runs chunk by chunk, never through a
    table.  With room for T's table (built first) but not for the lazy side's 2^20 / 8 bytes,
    the answer must still come: P(x0 = x0 AND x1) = 3/4 under the uniform distribution."""
    d = 20
    table = fl.conjunction(d, {0, 1})
    table.packed, table.truth_table  # built while the memory allows
    lazy = fl.dictator(d, 0, lazy=True)
    monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str((1 << d) // 8 - 1))
    with pytest.raises(fl.TooLarge):
        fl.dictator(d, 0, lazy=True).packed  # the table the count must not build
    h, T = (lazy, table) if lazy_side == "h" else (table, lazy)
    assert fl.agreement_probability(h, T, fl.uniform(d)) == Fraction(3, 4)
    assert fl.disagreement_probability(h, T, fl.uniform(d)) == Fraction(1, 4)
    assert fl.correlation(h, T, fl.uniform(d)) == Fraction(1, 2)


def test_the_arguments_by_name_and_engine_by_keyword_only():
    """The signatures: h, T (f, g) and distribution may be named; engine is keyword-only."""
    f, g, U = fl.dictator(3, 0), fl.majority(3), fl.uniform(3)
    # majority(x) = x0 on 6 of the 8 points (it differs only at 011 and 100 in x0, x1, x2)
    assert fl.agreement_probability(h=f, T=g, distribution=U) == Fraction(3, 4)
    assert fl.disagreement_probability(h=f, T=g, distribution=U) == Fraction(1, 4)
    assert fl.correlation(f=f, g=g, distribution=U) == Fraction(1, 2)
    for fn in (fl.agreement_probability, fl.disagreement_probability, fl.correlation):
        with pytest.raises(TypeError):
            fn(f, g, U, None)
