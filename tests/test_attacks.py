"""The attack families of Definition 3.2: membership, pushforwards and the fast-gradient
map, checked against plain Fraction computations and sympy's exact floor."""

from fractions import Fraction
import math

import numpy as np
import pytest
import sympy
from hypothesis import given, settings, strategies as st

import finitelearn as fl
from finitelearn.attacks import _floor_c_plus_b_sqrt

F = Fraction
U = fl.UNCERTAIN


def probs(nu):
    D = nu
    return {int(k): F(int(w), D.total) for k, w in zip(D.support, D.weights)}


# -- l_p neighbourhoods ------------------------------------------------------------------

def test_lp_family_membership_on_the_cube():
    mu = fl.point_masses(3, [0b000, 0b111])
    P = fl.LpNeighbourhood(1, p=1).family(mu, fl.constant(3, 0))
    assert P.allowed.tolist() == [0, 1, 2, 3, 4, 5, 6, 7]  # every point is within 1 of 000 or 111
    P = fl.LpNeighbourhood(F(1, 2), p="inf").family(mu, fl.constant(3, 0))
    assert P.allowed.tolist() == [0, 7]  # l_inf distances on the cube are 0 or 1
    assert mu in P and fl.point_masses(3, [7]) in P and fl.point_masses(3, [1]) not in P
    P = fl.LpNeighbourhood(F(3, 2), p=2).family(fl.point_masses(3, [0]), fl.constant(3, 0))
    assert P.allowed.tolist() == [0, 1, 2, 3, 4, 5, 6]  # l_2 <= 3/2: Hamming <= 2
    P = fl.LpNeighbourhood(1, p=0).family(fl.point_masses(3, [0]), None)
    assert fl.point_masses(3, [1, 2, 4], [1, 2, 3]) in P and fl.point_masses(3, [0, 3]) not in P


def test_all_distributions_family():
    P = fl.AllDistributions().family(fl.point_masses(2, [0]), fl.constant(2, 0))
    assert P.allowed.tolist() == [0, 1, 2, 3] and fl.uniform(2) in P


# -- the Radon-Nikodym ball --------------------------------------------------------------

def test_radon_nikodym_membership():
    mu = fl.point_masses(2, [0, 1], [1, 1])
    P = fl.RadonNikodymBall(F(1, 2)).family(mu, fl.constant(2, 0))
    assert mu in P
    assert fl.point_masses(2, [0, 1], [2, 1]) in P          # ratios 4/3, 2/3
    assert fl.point_masses(2, [0, 1], [3, 1]) in P          # ratios 3/2 and 1/2 = c: the ball is closed
    assert fl.point_masses(2, [0, 1], [4, 1]) not in P      # ratio 8/5 ... 2/5 < 1/2
    assert fl.point_masses(2, [0], [1]) not in P            # dnu/dmu = 0 at point 1
    assert fl.point_masses(2, [0, 1, 2], [1, 1, 1]) not in P  # not absolutely continuous
    only = fl.RadonNikodymBall(1).family(mu, None)
    assert mu in only and fl.point_masses(2, [0, 1], [2, 1]) not in only


# -- pushforwards ------------------------------------------------------------------------

@settings(deadline=None, max_examples=50)
@given(st.lists(st.integers(0, 3), min_size=8, max_size=8).filter(any), st.lists(st.integers(0, 7), min_size=8, max_size=8))
def test_pushforward_matches_naive(w, table):
    mu = fl.from_weights(w)
    nu = fl.pushforward(mu, table)
    expect = {}
    for k in range(8):
        if w[k]:
            expect[table[k]] = expect.get(table[k], 0) + F(w[k], sum(w))
    assert probs(nu) == expect
    assert probs(fl.pushforward(mu, lambda x: table[x[0] + 2 * x[1] + 4 * x[2]])) == expect  # a callable attack


def test_pushforward_on_a_grid_and_its_errors():
    G = fl.Grid.square(5)
    mu = fl.Distribution.uniform_on(G, lambda x: x[0] == 1)
    nu = fl.pushforward(mu, lambda x: (-x[0], x[1]))
    assert nu == fl.Distribution.uniform_on(G, lambda x: x[0] == -1)
    with pytest.raises(fl.InvalidArgument, match="gamma"):
        fl.pushforward(mu, lambda x: (x[0] / 3, x[1]))       # 1/3 is not on the grid
    with pytest.raises(fl.InvalidArgument, match="gamma"):
        fl.pushforward(mu, [0] * 24)
    nu = fl.pushforward(mu, lambda x: G.nearest_index((x[0] / 3, x[1])))   # snap explicitly
    assert nu == fl.Distribution.uniform_on(G, lambda x: x[0] == F(1, 2))


def test_pushforward_attack_value():
    teacher = fl.Teacher.from_table([0, 1, U, 1])
    S = fl.constant(2, 1)
    attack = fl.Pushforward(lambda x: (0, 0))
    r = fl.robustness(S, teacher, attack, fl.uniform(2))
    assert r.value == 0 and r.witness == 0 and probs(r.distribution) == {0: 1}


# -- the fast-gradient attack ------------------------------------------------------------

def sympy_snap(x, g, delta, sigma, G):
    """Nearest grid index of x + sigma delta g/||g||_2 via sympy's exact floor, clamped."""
    norm = sympy.sqrt(sum(sympy.Rational(v.numerator, v.denominator) ** 2 for v in g))
    js = []
    for xi, gi, lo, st_, m in zip(x, g, G.lower, G.steps, G.shape):
        R = lambda q: sympy.Rational(q.numerator, q.denominator)
        val = (R(xi) - R(lo)) / R(st_) + sympy.Rational(1, 2) + sigma * R(delta) * R(gi) / (norm * R(st_))
        j = int(sympy.floor(val))
        js.append(min(max(j, 0), m - 1))
    return sum(j * math.prod(G.shape[:i]) for i, j in enumerate(js))


@pytest.mark.parametrize("w", [(1, 1), (1, 2), (F(1, 3), -1), (0, 1), (3, 4)])
@pytest.mark.parametrize("delta", [F(1, 3), F(1, 2), F(7, 10), 1])
def test_fast_gradient_l2_matches_sympy(w, delta):
    G = fl.Grid.square(9)
    S = fl.LinearStudent(G, w, F(1, 7))
    gamma = fl.FastGradient(delta).gamma(G, S)
    for k, x in enumerate(G.points()):
        assert gamma[k] == sympy_snap(x, [F(v) for v in w], delta, 1, G)
    back = fl.FastGradient(delta, toward_boundary=True).gamma(G, S)
    for k, x in enumerate(G.points()):
        assert back[k] == sympy_snap(x, [F(v) for v in w], delta, -1 if S(k) == 1 else 1, G)


def test_fast_gradient_exact_cases():
    G = fl.Grid.square(5)  # step 1/2
    S = fl.LinearStudent(G, (3, 4))      # ||g|| = 5: g/||g|| = (3/5, 4/5)
    mu = fl.Distribution.point_masses(G, [(-1, -1)])
    nu = fl.FastGradient(F(5, 2), snap=False).family(mu, S).members[0]
    assert probs(nu) == {G.index((F(1, 2), 1)): 1}       # (-1, -1) + (3/2, 2)
    with pytest.raises(fl.InvalidArgument, match="delta"):
        fl.FastGradient(1, snap=False).family(mu, S)     # (-2/5, -1/5) is not on the grid
    S2 = fl.LinearStudent(G, (1, -2))                   # sign(g) = (1, -1)
    origin = fl.Distribution.point_masses(G, [(0, 0)])
    nu = fl.FastGradient(F(1, 2), norm="inf", snap=False).family(origin, S2).members[0]
    assert probs(nu) == {G.index((F(1, 2), F(-1, 2))): 1}
    with pytest.raises(fl.InvalidArgument, match="delta"):
        fl.FastGradient(F(1, 3), norm="inf", snap=False).family(origin, S2)   # (1/3, -1/3)
    with pytest.raises(fl.InvalidArgument, match="delta"):
        fl.FastGradient(F(1, 2), norm="inf", snap=False).family(mu, S2)       # leaves the box
    nu = fl.FastGradient(F(1, 2), norm="inf").family(mu, S2).members[0]
    assert probs(nu) == {G.index((F(-1, 2), -1)): 1}                          # clamped to the box
    with pytest.raises(fl.InvalidArgument, match="irrational"):
        fl.FastGradient(1, snap=False).family(mu, fl.LinearStudent(G, (1, 1)))


def test_fast_gradient_sign_method_is_exact_and_clamped():
    G = fl.Grid.square(5)
    S = fl.LinearStudent(G, (2, -1))
    gamma = fl.FastGradient(F(1, 2), norm="inf").gamma(G, S)
    for k, (x1, x2) in enumerate(G.points()):
        y = (min(x1 + F(1, 2), 1), max(x2 - F(1, 2), -1))
        assert gamma[k] == G.index(y)


def test_fast_gradient_attack_value_and_cube():
    G = fl.Grid.square(5)
    teacher = fl.Teacher.from_callable(G, lambda x: 1 if x[0] > 0 else 0 if x[0] < 0 else U)
    S = fl.LinearStudent(G, (1, 0))                      # equals the teacher off the axis x_1 = 0
    mu = fl.Distribution.uniform_on(G, lambda x: x[0] == F(-1, 2))
    assert not fl.robustness(S, teacher, fl.FastGradient(F(1, 2)), mu).defined   # all land on x_1 = 0: U
    r = fl.robustness(S, teacher, fl.FastGradient(1), mu)                         # lands on x_1 = 1/2
    assert r.value == 1  # the student says 1 there, as the teacher
    S_bad = fl.LinearStudent(G, (1, 0), F(-3, 4))        # says 0 on x_1 = 1/2
    assert fl.robustness(S_bad, teacher, fl.FastGradient(1), mu).value == 0
    # on the cube, {0,1}^d is the grid with two points per axis
    Sc = fl.LinearStudent(fl.Cube(2), (1, 1), F(-1, 2))
    gamma = fl.FastGradient(1, norm="inf").gamma(fl.Cube(2), Sc)
    assert gamma.tolist() == [3, 3, 3, 3]


class QuadraticStudent(fl.Student):
    """S = 1 iff x_1^2 + x_2^2 >= 1/4, with the gradient of the score, (2 x_1, 2 x_2)."""

    def __init__(self, G):
        self._init(G, np.array([int(x[0] ** 2 + x[1] ** 2 >= F(1, 4)) for x in G.points()], dtype=np.int8))

    def gradient(self, x):
        return (2 * x[0], 2 * x[1])


def test_fast_gradient_with_a_point_dependent_gradient():
    G = fl.Grid.square(9)  # step 1/4
    S = QuadraticStudent(G)
    gamma = fl.FastGradient(F(1, 4), norm="inf").gamma(G, S)
    sign = lambda v: (v > 0) - (v < 0)
    for k, x in enumerate(G.points()):
        y = tuple(min(max(xi + F(1, 4) * sign(xi), -1), 1) for xi in x)  # outwards, radially by sign
        assert gamma[k] == G.index(y)


def test_fast_gradient_family_depends_on_the_student_outside_the_confident_region():
    G = fl.Grid.square(5)
    teacher = fl.Teacher.from_callable(G, lambda x: 1 if x[0] == 1 else U)
    mu = fl.Distribution.point_masses(G, [(F(1, 2), 0)])
    S1 = fl.LinearStudent(G, (1, 0))        # 1 iff x_1 >= 0
    S2 = fl.LinearStudent(G, (-1, 0), 2)    # 1 everywhere: equal to S1 on Omega_1 = {x_1 = 1}
    assert (S1.table[teacher.confident_mask()] == S2.table[teacher.confident_mask()]).all()
    assert fl.robustness(S1, teacher, fl.FastGradient(F(1, 2)), mu).value == 1  # moved to x_1 = 1
    assert not fl.robustness(S2, teacher, fl.FastGradient(F(1, 2)), mu).defined  # moved to x_1 = 0


def test_fast_gradient_needs_a_gradient():
    with pytest.raises(fl.InvalidType, match="gradient"):
        fl.FastGradient(1).family(fl.uniform(2), fl.constant(2, 0))


def test_exact_floor_of_a_quadratic_irrational():
    for C in [F(0), F(1, 2), F(-7, 3), F(5, 2)]:
        for Bc in [F(1), F(-1), F(3, 7), F(-5, 2), F(0)]:
            for R in [2, 3, 8, 9, 50]:
                expect = int(sympy.floor(sympy.Rational(C.numerator, C.denominator)
                                         + sympy.Rational(Bc.numerator, Bc.denominator) * sympy.sqrt(R)))
                assert _floor_c_plus_b_sqrt(C, Bc, R) == expect


# -- distribution lists ------------------------------------------------------------------

def test_distribution_list():
    A = fl.DistributionList(fl.uniform(2))
    P = A.family(fl.uniform(2), None)
    assert len(P) == 1 and fl.uniform(2) in P and fl.point_masses(2, [0]) not in P
    with pytest.raises(fl.DomainMismatch):
        fl.DistributionList([fl.uniform(3)]).family(fl.uniform(2), None)
