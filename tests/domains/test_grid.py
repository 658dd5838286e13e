"""Finite domains: the Grid, the Cube as a domain, exact distances, FiniteDistribution,
LinearStudent.  Expected values come from plain Fraction loops written here."""

from fractions import Fraction
from itertools import product
import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import finitelearn as fl
from finitelearn.domains import check_p

F = Fraction


def naive_grid_points(bounds, ns):
    """Points in index order: axis 0 varies fastest."""
    axes = [[F(lo) + j * (F(hi) - F(lo)) / (n - 1) for j in range(n)] for (lo, hi), n in zip(bounds, ns)]
    return [tuple(reversed(p)) for p in product(*reversed(axes))]


def naive_dist(x, y, p):
    diff = [abs(F(a) - F(b)) for a, b in zip(x, y)]
    if p == 0:
        return F(sum(1 for t in diff if t != 0))
    if p == 1:
        return sum(diff, F(0))
    if p == 2:
        return sum((t * t for t in diff), F(0))  # squared
    return max(diff)


def within(x, y, delta, p):
    d = naive_dist(x, y, p)
    delta = F(delta)
    if p == 0:
        return d <= math.floor(delta)
    if p == 2:
        return d <= delta * delta
    return d <= delta


# -- the grid ---------------------------------------------------------------------------

def test_grid_points_and_indexing_match_the_stated_encoding():
    bounds, ns = [(-1, 1), (0, F(1, 3)), (F(-1, 2), 2)], (3, 2, 4)
    G = fl.Grid(bounds, ns)
    pts = naive_grid_points(bounds, ns)
    assert G.size == len(pts) == 24 and G.dim == 3 and G.shape == ns
    assert G.points() == pts
    assert G.steps == (F(1), F(1, 3), F(5, 6))
    for k, x in enumerate(pts):
        assert G.index(x) == k
        assert G.index(tuple(str(v) for v in x)) == k
    J = G.lattice_indices()
    for k in range(G.size):
        assert k == J[k, 0] + 3 * (J[k, 1] + 2 * J[k, 2])
    assert np.allclose(G.coordinates(), np.array([[float(v) for v in x] for x in pts]))


def test_grid_square_and_axis():
    G = fl.Grid.square(5)
    assert G.axis(0) == [F(-1), F(-1, 2), F(0), F(1, 2), F(1)]
    assert G.point(7) == (F(0), F(-1, 2)) and G.index((0, F(-1, 2))) == 7
    assert fl.Grid.square(3, 0, 1, dim=1).points() == [(F(0),), (F(1, 2),), (F(1),)]
    assert fl.Grid.square(5) == fl.Grid([(-1, 1), (-1, 1)], 5) and fl.Grid.square(5) != fl.Grid.square(6)
    assert hash(fl.Grid.square(5)) == hash(fl.Grid([("-1", "1"), (-1.0, 1)], (5, 5)))


def test_nearest_index_rounds_half_up_and_clamps():
    G = fl.Grid.square(5)  # step 1/2
    assert G.point(G.nearest_index((F(3, 10), F(-7, 10)))) == (F(1, 2), F(-1, 2))
    assert G.point(G.nearest_index((F(1, 4), F(-1, 4)))) == (F(1, 2), F(0))  # ties go up
    assert G.point(G.nearest_index((5, -5))) == (F(1), F(-1))


@pytest.mark.parametrize("p", [0, 1, 2, math.inf])
def test_grid_distances_exact(p):
    G = fl.Grid([(-1, 1), (0, F(2, 3))], (4, 3))
    pts = G.points()
    for i in range(G.size):
        for j in range(G.size):
            assert G.distance(i, j, p) == naive_dist(pts[i], pts[j], p)


@pytest.mark.parametrize("p", [0, 1, 2, math.inf])
@pytest.mark.parametrize("delta", [0, F(1, 3), F(1, 2), F(2, 3), 1, F(3, 2), 3])
def test_grid_neighbourhood_matches_brute_force(p, delta):
    G = fl.Grid([(-1, 1), (0, F(2, 3))], (5, 3))
    pts = G.points()
    src = [0, 7, 13]
    got = fl.neighbourhood(G, src, delta, p).tolist()
    expect = [k for k in range(G.size) if any(within(pts[k], pts[s], delta, p) for s in src)]
    assert got == expect


@pytest.mark.parametrize("p", [0, 1, 2, math.inf])
@pytest.mark.parametrize("delta", [0, F(1, 2), 1, F(3, 2), 2, 3])
def test_cube_distances_are_hamming_based(p, delta):
    d = 4
    got = fl.neighbourhood(d, [0b0101], delta, p).tolist()
    ham = [bin(k ^ 0b0101).count("1") for k in range(16)]
    if p in (0, 1):
        expect = [k for k in range(16) if ham[k] <= math.floor(F(delta))]
    elif p == 2:
        expect = [k for k in range(16) if ham[k] <= F(delta) ** 2]
    else:
        expect = [k for k in range(16) if (ham[k] > 0) <= F(delta)]
    assert got == expect


def test_cube_domain():
    X = fl.Cube(3)
    assert X.size == 8 and X.points()[5] == (1, 0, 1) and X.index((1, 0, 1)) == 5
    assert X == fl.Cube(3) and X != fl.Cube(2) and X != fl.Grid.square(3)
    assert X.distance(0, 7, p=1) == 3 and X.distance(0, 7, p=2) == 3 and X.distance(0, 7, p="inf") == 1
    assert X.distance(0, 7, p=0) == 3


# -- distributions on any domain --------------------------------------------------------

def test_finite_distribution_on_a_grid():
    G = fl.Grid.square(3)
    mu = fl.Distribution.point_masses(G, [(0, 0), (1, 1), (0, 0)], [1, F(1, 2), 1])
    assert mu.pmf((0, 0)) == F(4, 5) and mu.pmf(8) == F(1, 5) and mu.pmf(0) == 0
    assert mu.probability(lambda x: x[0] > 0) == F(1, 5)
    assert mu.condition(lambda x: x[1] >= 0).pmf((1, 1)) == F(1, 5)
    with pytest.raises(fl.UndefinedProbability):
        mu.condition(lambda x: x[0] < 0)
    u = fl.Distribution.uniform(G)
    assert u.total == 9 and u.probability(np.ones(9, dtype=bool)) == 1
    assert fl.Distribution.from_weights(G, [0] * 4 + [4] + [0] * 3 + [1]) == mu
    assert u.dense_weights().tolist() == [1] * 9


@settings(deadline=None, max_examples=60)
@given(st.lists(st.integers(0, 5), min_size=8, max_size=8).filter(any), st.integers(0, 255))
def test_finite_distribution_probability_matches_naive(w, event_bits):
    X = fl.Cube(3)
    D = fl.Distribution.from_weights(X, w)
    ev = [(event_bits >> k) & 1 for k in range(8)]
    assert D.probability(np.array(ev, dtype=bool)) == F(sum(wk for wk, e in zip(w, ev) if e), sum(w))
    cube = fl.from_weights(w)  # the same weights through the cube's own constructor
    assert type(D) is type(cube) is fl.Distribution
    assert D == cube and hash(D) == hash(cube)
    assert fl.point_masses(3, range(8), w) == D and hash(fl.point_masses(3, range(8), w)) == hash(D)
    with pytest.warns(DeprecationWarning):
        assert D.to_distribution() is D


def test_one_distribution_class_through_every_path():
    """A cube distribution and the same weights through the domain path: one type, equal, equal hashes."""
    with pytest.warns(DeprecationWarning):
        Old = fl.FiniteDistribution
    assert Old is fl.Distribution
    a = fl.uniform(3)
    b = fl.Distribution.uniform(fl.Cube(3))
    c = fl.Distribution.from_weights(fl.Cube(3), ["1/8"] * 8)
    d = fl.point_masses(fl.Cube(3), list(range(8)))
    assert a == b == c == d and len({hash(a), hash(b), hash(c), hash(d)}) == 1 and a.is_uniform and c.is_uniform
    e = fl.from_weights([1, 2, 0, 3])
    f = fl.Distribution.point_masses(fl.Cube(2), [(1, 1), (0, 0), (1, 0), (1, 1)], [1, "1/2", 1, "1/2"])
    assert e == f and hash(e) == hash(f)
    assert e != fl.from_weights([1, 2, 3, 0])


# -- linear students --------------------------------------------------------------------

def test_linear_student_matches_exact_scores():
    G = fl.Grid([(-1, 1), (F(-1, 3), 1)], (5, 4))
    w, b = (F(2, 3), F(-3, 7)), F(1, 5)
    S = fl.LinearStudent(G, w, b)
    for k, x in enumerate(G.points()):
        s = w[0] * x[0] + w[1] * x[1] + b
        assert S.table[k] == (1 if s >= 0 else 0)
        assert S.score(k) == s
    assert S.gradient == w


def test_linear_student_boundary_points_get_label_1():
    G = fl.Grid.square(5)
    S = fl.LinearStudent(G, (1, 1))
    assert S((F(1, 2), F(-1, 2))) == 1 and S((0, 0)) == 1 and S((0, F(-1, 2))) == 0


# -- bad input --------------------------------------------------------------------------

@pytest.mark.parametrize("call, exc, words", [
    (lambda: fl.Grid([(1, -1)], 3), fl.InvalidArgument, "bounds"),
    (lambda: fl.Grid([(0, 1)], 1), fl.InvalidArgument, "n="),
    (lambda: fl.Grid([(0, 1), (0, 1)], (3, 3, 3)), fl.InvalidArgument, "n="),
    (lambda: fl.Grid("box", 3), fl.InvalidType, "bounds"),
    (lambda: fl.Grid([(0, 1)], 2.5), fl.InvalidType, "n="),
    (lambda: fl.Grid.square(5).index((F(1, 3), 0)), fl.InvalidArgument, "a point of the grid"),
    (lambda: fl.Grid.square(5).index((0,)), fl.InvalidArgument, "2 coordinates"),
    (lambda: fl.Grid.square(5).index(25), fl.InvalidArgument, "0..24"),
    (lambda: fl.Grid.square(5).distance(0, 1, p=3), fl.InvalidArgument, "p=3"),
    (lambda: fl.neighbourhood(2, [0], -1, 2), fl.InvalidArgument, "delta=-1"),
    (lambda: fl.neighbourhood(2, [0], 1, "two"), fl.InvalidArgument, "p='two'"),
    (lambda: fl.LinearStudent(fl.Grid.square(3), (0, 0)), fl.InvalidArgument, "w="),
    (lambda: fl.LinearStudent(fl.Grid.square(3), (1, 2, 3)), fl.InvalidArgument, "w="),
    (lambda: fl.Distribution.from_weights(fl.Grid.square(3), [1] * 8), fl.InvalidArgument, "weights"),
    (lambda: fl.Distribution.from_weights(fl.Cube(1), [0.5, float("nan")]), fl.InvalidArgument, "weights"),
    (lambda: fl.Distribution.from_weights(fl.Cube(1), [True, 1]), fl.InvalidType, "weights"),
    (lambda: fl.Distribution.point_masses(fl.Cube(1), []), fl.InvalidArgument, "pts"),
    (lambda: fl.Distribution.uniform_on(fl.Cube(2), lambda x: False), fl.InvalidArgument, "event"),
    (lambda: fl.Distribution.uniform("X"), fl.InvalidType, "domain"),
])
def test_bad_input(call, exc, words):
    with pytest.raises(exc, match=words.replace("(", r"\(").replace("?", r"\?")) as e:
        call()
    assert isinstance(e.value, fl.FinitelearnError)


def test_check_p_accepts_the_spellings_of_infinity():
    assert check_p(math.inf) == check_p(np.inf) == check_p("inf") == check_p(float("inf")) == math.inf
    assert check_p(2.0) == 2 and check_p(np.int64(0)) == 0
