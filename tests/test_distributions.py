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


def test_subcube_fixing_a_coordinate_other_than_the_first():
    assert fl.uniform_on_subcube(3, {2: 1}).support.tolist() == [4, 5, 6, 7]
    assert fl.uniform_on_subcube(4, {1: 0, 3: 1}).support.tolist() == [8, 9, 12, 13]
    assert fl.uniform_on_subcube(3, {0: 1, 1: 0, 2: 1}).support.tolist() == [5]


def test_support_size_repr_and_iterables():
    D = fl.point_masses(3, [1, 5, 6], [1, 2, 3])
    assert D.support_size() == 3 and fl.uniform(3).support_size() == 8
    assert repr(fl.uniform(3)) == "Distribution(uniform on {0,1}^3)"
    assert repr(D) == "Distribution(d=3, {1: 1/6, 5: 1/3, 6: 1/2})"
    four = fl.point_masses(3, [0, 1, 2, 3])
    assert repr(four) == "Distribution(d=3, {0: 1/4, 1: 1/4, 2: 1/4, 3: 1/4})"  # up to 4 points listed
    assert repr(fl.point_masses(3, [0, 1, 2, 3, 7])) == "Distribution(d=3, support size 5)"
    # any iterable of weights, a generator included, is one table: P = (1/4, 0, 1/2, 1/4)
    want = [Fraction(1, 4), 0, Fraction(1, 2), Fraction(1, 4)]
    for D2 in (fl.from_weights(w for w in [1, 0, 2, 1]), fl.from_weights(np.array([1, 0, 2, 1])),
               fl.from_weights([1, 0, 2, 1])):
        assert [D2.pmf(k) for k in range(4)] == want


def test_module_attributes_and_deprecated_name():
    import finitelearn.distributions as module

    for name in ("Bogus", "AAA", "finite_distribution"):
        with pytest.raises(AttributeError, match=name):
            getattr(module, name)
    with pytest.warns(DeprecationWarning, match="FiniteDistribution") as record:
        assert module.FiniteDistribution is fl.Distribution
    assert record[0].filename == __file__  # the warning points at the caller
    D = fl.uniform(2)
    with pytest.warns(DeprecationWarning):
        assert fl.Distribution.from_distribution(D) is D
    with pytest.warns(DeprecationWarning), pytest.raises(fl.InvalidType, match="D="):
        fl.Distribution.from_distribution([1, 1])


def test_expectation_refuses_a_table_of_the_wrong_shape():
    """One number per point: a longer or shorter array, a 2-D one or a 0-d one is refused."""
    D = fl.point_masses(2, [1, 3], weights=[1, 2])
    assert D.expectation(np.array([0, 3, 0, 6])) == Fraction(1 * 3 + 2 * 6, 3)
    for bad in (np.zeros(5, dtype=np.int64), np.zeros(3, dtype=np.int64), np.zeros((2, 2), dtype=np.int64),
                np.array(4)):
        with pytest.raises(fl.InvalidArgument, match="a table of 4 numbers"):
            D.expectation(bad)


def test_a_weight_table_has_at_least_two_entries():
    """from_weights without a domain reads the cube from the length 2^d, d >= 1."""
    assert fl.from_weights([1, 3]).pmf((1,)) == Fraction(3, 4)
    for bad in ([5], [1, 2, 3]):
        with pytest.raises(fl.InvalidArgument, match="power of two >= 2"):
            fl.from_weights(bad)


def test_point_masses_need_one_weight_per_point():
    assert fl.point_masses(3, [0, 5], weights=[1, 3]).pmf(5) == Fraction(3, 4)
    for w in ([1], [1, 2, 3]):
        with pytest.raises(fl.InvalidArgument, match="one weight per point \\(2 points\\)"):
            fl.point_masses(3, [0, 5], weights=w)


def test_distributions_on_different_cubes_differ():
    assert fl.uniform(3) != fl.uniform(4) and fl.uniform(3) == fl.uniform(3)
    assert fl.point_masses(2, [0, 1]) != fl.point_masses(3, [0, 1])
    assert fl.point_masses(3, [0, 1]) == fl.point_masses(3, [1, 0])
    assert fl.point_masses(2, range(4)) == fl.uniform(2) != fl.point_masses(2, range(3))
    # the same support with other weights, other support with the same weights
    assert fl.point_masses(3, [0, 1], [1, 2]) != fl.point_masses(3, [0, 1], [2, 1])
    assert fl.point_masses(3, [0, 1], [1, 2]) != fl.point_masses(3, [0, 2], [1, 2])
    assert fl.point_masses(3, [0, 1], [1, 2]) == fl.point_masses(3, [1, 0], [4, 2])


def test_the_notebook_table_lists_the_support_with_its_probabilities():
    """Point k = (x_1, ..., x_d) with x_i bit i - 1 of k (docs/design.md); P(x) = w / total."""
    from tests import naive

    D = fl.point_masses(2, [1, 3], weights=[1, 2])
    rows = [f"| {tuple(naive.bits(k, 2))} | {k} | {p} |" for k, p in ((1, "1/3"), (3, "2/3"))]
    assert D._repr_markdown_() == ("**Distribution(d=2, {1: 1/3, 3: 2/3})**\n\n| x | index | P(x) |\n|---|---|---|\n"
                                   + "\n".join(rows))
    rows = [f"| {tuple(naive.bits(k, 1))} | {k} | 1/2 |" for k in (0, 1)]
    assert fl.uniform(1)._repr_markdown_() == ("**Distribution(uniform on {0,1}^1)**\n\n| x | index | P(x) |\n"
                                               "|---|---|---|\n" + "\n".join(rows))


def test_weights_from_a_generator_with_a_domain():
    want = [Fraction(1, 4), 0, Fraction(1, 2), Fraction(1, 4)]  # the weights 1, 0, 2, 1 over their sum
    for D in (fl.Distribution.from_weights(fl.Cube(2), (w for w in [1, 0, 2, 1])),
              fl.from_weights((w for w in [1, 0, 2, 1]), domain=fl.Cube(2)),
              fl.Distribution.from_weights(fl.Cube(2), np.array([1, 0, 2, 1]))):
        assert [D.pmf(k) for k in range(4)] == want and D.d == 2


def test_expectation_refuses_a_list_of_the_wrong_length():
    """As for arrays: a list (or any iterable) one number per point, not more, not fewer."""
    D = fl.point_masses(2, [1, 3], weights=[1, 2])
    assert D.expectation([0, 3, 0, 6]) == Fraction(1 * 3 + 2 * 6, 3)
    for bad in ([0, 3, 0, 6, 9], [0, 3, 0]):
        with pytest.raises(fl.InvalidArgument, match="a table of 4 numbers"):
            D.expectation(bad)


def test_weight_tables_that_are_not_iterables_are_refused():
    for bad in (5, "1234", b"12"):
        with pytest.raises(fl.InvalidType, match="weights"):
            fl.Distribution.from_weights(fl.Cube(2), bad)


def test_support_tables_are_refused_exactly_past_the_memory_available(monkeypatch):
    """The implicit uniform and subcube forms build their tables only on demand, after a
    memory check: the uniform support is one int64 arange (8 bytes a point), a subcube's is
    built from an int64 counter and the int64 points (16 bytes a point); a single point is
    never checked.  Each is allowed with exactly that much memory and refused with a byte less."""
    cases = [(lambda: fl.uniform(3), 8 * 8), (lambda: fl.uniform_on_subcube(2, {0: 1}), 16 * 2),
             (lambda: fl.uniform_on_subcube(4, {1: 0}), 16 * 8)]
    for make, need in cases:
        for attr in ("support", "weights"):
            D = make()
            monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str(need - 1))
            with pytest.raises(fl.TooLarge):
                getattr(D, attr)
            monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str(need))
            assert len(getattr(D, attr)) == need // (8 if need == 64 else 16)
            monkeypatch.delenv("FINITELEARN_MEMORY_LIMIT")
    D = fl.uniform_on_subcube(2, {0: 1, 1: 0})  # one point: nothing to check
    monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", "1")
    assert D.support.tolist() == [1]


def test_equal_distributions_hash_equal_and_a_subcube_shows_its_points():
    """A subcube built as such and the same points listed are equal, so they hash equal; the
    notebook table of the implicit form lists the subcube's points (x_0 = 1: 1, 3, 5, 7)."""
    S = fl.uniform_on_subcube(3, {0: 1})
    P = fl.point_masses(3, [1, 3, 5, 7])
    assert S == P and hash(S) == hash(P)
    md = fl.uniform_on_subcube(3, {0: 1})._repr_markdown_()  # before its support is built
    assert [int(line.split("|")[2]) for line in md.splitlines()[4:]] == [1, 3, 5, 7]
    assert all(line.split("|")[3].strip() == "1/4" for line in md.splitlines()[4:])


def test_the_deprecation_warnings_name_the_caller():
    with pytest.warns(DeprecationWarning) as caught:
        fl.Distribution.from_distribution(fl.uniform(2))
        fl.uniform(2).to_distribution()
    assert [w.filename for w in caught] == [__file__, __file__]


def test_a_small_support_on_a_grid_is_shown_as_points():
    G = fl.Grid([(0, 1), (0, 1)], 2)  # the points (0, 0), (1, 0), (0, 1), (1, 1)
    D = fl.point_masses(G, [(0, 0), (1, 1)], weights=[1, 3])
    assert repr(D) == f"Distribution({G!r}, {{(0, 0): 1/4, (1, 1): 3/4}})"


def test_subcubes_compare_and_hash_by_their_points():
    """Different subcubes differ (whichever is 'smaller' as a tuple); fixing nothing is the
    uniform distribution; the uniform one and the same points listed hash equal."""
    A, B = fl.uniform_on_subcube(3, {0: 0}), fl.uniform_on_subcube(3, {0: 1})
    assert A != B and B != A
    assert fl.uniform_on_subcube(3, {1: 0}) != fl.uniform_on_subcube(3, {0: 0, 2: 1})
    E = fl.uniform_on_subcube(3, {})
    assert E.is_uniform and E == fl.uniform(3) and E.subcube == (0, 0)
    assert fl.uniform(3) == fl.point_masses(3, range(8)) and hash(fl.uniform(3)) == hash(fl.point_masses(3, range(8)))


def test_expectation_refuses_a_column_of_the_right_length():
    D = fl.point_masses(2, [1, 3], weights=[1, 2])
    with pytest.raises(fl.InvalidArgument, match="a table of 4 numbers"):
        D.expectation(np.zeros((4, 1), dtype=np.int64))


def test_numbers_that_are_not_iterables_are_refused_as_tables():
    for bad in (5, "12"):
        with pytest.raises(fl.InvalidType):
            fl.point_masses(2, [0, 1], weights=bad)
        with pytest.raises(fl.InvalidType):
            fl.uniform(2).expectation(bad)
        with pytest.raises(fl.InvalidType):
            fl.from_weights(bad)


def test_one_point_is_a_subcube_and_zero_weights_leave_the_support():
    """A single point is the subcube fixing every coordinate; points of weight 0 (given, or
    adding up to 0 nowhere: weights are >= 0) are not in the support."""
    assert fl.point_masses(2, [1]) == fl.uniform_on_subcube(2, {0: 1, 1: 0})
    assert fl.point_masses(2, [1]).subcube == (3, 1)
    D = fl.point_masses(2, [0, 1, 3], weights=[1, 0, 2])
    assert D.support.tolist() == [0, 3] and D.weights.tolist() == [1, 2] and D.support_size() == 2


def test_a_weight_table_for_a_domain_has_one_weight_per_point():
    assert fl.Distribution.from_weights(fl.Cube(2), [1, 1, 1, 1]) == fl.uniform(2)
    for bad in ([1, 1, 1], [1, 1, 1, 1, 1]):
        with pytest.raises(fl.InvalidArgument, match="a table of 4 weights"):
            fl.Distribution.from_weights(fl.Cube(2), bad)


def test_points_that_are_not_an_iterable_are_refused():
    for bad in (5, "01"):
        with pytest.raises(fl.InvalidType, match="pts"):
            fl.point_masses(2, bad)


def test_uniform_on_an_event():
    D = fl.Distribution.uniform_on(fl.Cube(2), lambda x: x[1] == 1)
    assert [D.pmf(k) for k in range(4)] == [0, 0, Fraction(1, 2), Fraction(1, 2)]
    assert D == fl.uniform_on_subcube(2, {1: 1})
