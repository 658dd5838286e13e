"""Definitions 3.1 and 3.2, adversarial examples and l_p robustness (1.1), against plain
Fraction loops written here from the definitions, and as property tests."""

from fractions import Fraction
from itertools import combinations
import math

import pytest
from hypothesis import assume, given, settings, strategies as st

import finitelearn as fl

F = Fraction
U = fl.UNCERTAIN
SETTINGS = settings(deadline=None, max_examples=60)


# -- plain references -------------------------------------------------------------------

def bits(k, d):
    return tuple((k >> i) & 1 for i in range(d))


def naive_value(probs, T, S):
    """P_nu(T = S | T != U) from {index: probability}; None if nu(T != U) = 0."""
    conf = sum((p for k, p in probs.items() if T[k] != U), F(0))
    if conf == 0:
        return None
    return sum((p for k, p in probs.items() if T[k] != U and S[k] == T[k]), F(0)) / conf


def probs_of(nu):
    D = nu
    return {int(k): F(int(w), D.total) for k, w in zip(D.support, D.weights)}


def naive_cube_dist(a, b, d, p):
    h = sum(x != y for x, y in zip(bits(a, d), bits(b, d)))
    if p in (0, 1):
        return F(h)
    if p == 2:
        return F(h)  # squared
    return F(1 if h else 0)


def naive_within(dist, delta, p):
    delta = F(delta)
    if p == 0:
        return dist <= math.floor(delta)
    if p == 2:
        return dist <= delta * delta
    return dist <= delta


def naive_allowed(spec, d, w):
    """The points a member of an l_p / all-distributions family may charge: those within
    delta of supp(mu) (naive_within on naive_cube_dist), or every point."""
    n = 2**d
    if spec[0] == "all":
        return list(range(n))
    _, delta, p = spec
    supp = [k for k in range(n) if w[k]]
    return [k for k in range(n) if any(naive_within(naive_cube_dist(k, s, d, p), delta, p) for s in supp)]


def naive_members(spec, d, w):
    """The members of a finite family as {index: probability}: the list's distributions, or
    Gamma # mu (the mass of mu moved from x to gamma[x])."""
    if spec[0] == "list":
        return [{k: F(x[k], sum(x)) for k in range(2**d) if x[k]} for x in spec[1]]
    push = {}
    for k, g in enumerate(spec[1]):
        if w[k]:
            push[g] = push.get(g, 0) + F(w[k], sum(w))
    return [push]


def naive_member(spec, d, w, probs):
    """nu in A(mu), by the definition of each family (Section 3.2)."""
    probs = {k: v for k, v in probs.items() if v}
    if spec[0] in ("lp", "all"):
        return set(probs) <= set(naive_allowed(spec, d, w))
    if spec[0] == "rn":  # nu << mu and dnu/dmu in [c, 1/c] on supp(mu)
        c, supp = spec[1], [k for k in range(2**d) if w[k]]
        return set(probs) <= set(supp) and all(c <= probs.get(k, 0) / F(w[k], sum(w)) <= 1 / c for k in supp)
    return probs in naive_members(spec, d, w)


def naive_robustness(spec, d, T, S, w):
    """inf over nu in A(mu) of P_nu(T = S | T != U) (Definition 3.2), None when no member
    charges the confident region.

    l_p and all distributions: P_nu(T = S | T != U) is an average of 1 (confident, right)
    and 0 (confident, wrong) with weights nu(x), so the infimum over the distributions on
    the allowed points is at a point mass: 0 if a confident allowed point is wrong, else 1.
    Finite families: the minimum over the members.  The Radon-Nikodym ball, by hand: with
    m, g, o = mu(wrong), mu(right), mu(uncertain) and a, b, e the same masses of nu, the
    constraints are a in [c m, m/c], b in [c g, g/c], e = 1 - a - b in [c o, o/c]; b/(a + b)
    is least with b = c g and a as large as e allows, a = min(m/c, 1 - c g - c o); only if
    then e > o/c (too little mass) must b rise, to 1 - m/c - o/c."""
    n = 2**d
    if spec[0] in ("lp", "all"):
        conf = [k for k in naive_allowed(spec, d, w) if T[k] != U]
        return None if not conf else F(0) if any(S[k] != T[k] for k in conf) else F(1)
    if spec[0] == "rn":
        c, tot = spec[1], sum(w)
        m = F(sum(w[k] for k in range(n) if T[k] != U and S[k] != T[k]), tot)
        g = F(sum(w[k] for k in range(n) if T[k] != U and S[k] == T[k]), tot)
        o = 1 - m - g
        if m + g == 0:
            return None
        a, b = min(m / c, 1 - c * g - c * o), c * g
        if 1 - a - b > o / c:
            b = 1 - m / c - o / c
        return b / (a + b)
    vals = [v for v in (naive_value(nu, T, S) for nu in naive_members(spec, d, w)) if v is not None]
    return min(vals) if vals else None


# -- strategies -------------------------------------------------------------------------

DELTAS = [F(0), F(1, 2), F(1), F(3, 2), F(2), F(3)]
CS = [F(1), F(9, 10), F(3, 4), F(2, 3), F(1, 2), F(1, 3), F(1, 5)]


@st.composite
def setups(draw, max_d=3, robust=None, d=None):
    """(d, teacher table, student table, mu weights); robust=True makes S = T on the confident region."""
    d = draw(st.integers(1, max_d)) if d is None else d
    n = 2**d
    T = draw(st.lists(st.integers(-1, 1), min_size=n, max_size=n))
    S = draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))
    if robust is None:
        robust = draw(st.booleans())
    if robust:
        S = [t if t != U else s for t, s in zip(T, S)]
    # supp(mu) half the points on average: with every weight in 0..3 it held ~3/4 of them,
    # and every point was within distance 1 of it (an l_p family of all distributions)
    w = draw(st.lists(st.sampled_from([0, 0, 0, 1, 2, 3]), min_size=n, max_size=n).filter(any))
    return d, T, S, w


@st.composite
def attacks(draw, d):
    """(attack, spec): spec is the attack as plain data, read by the references above."""
    n = 2**d
    kind = draw(st.sampled_from(["lp", "rn", "list", "push", "all"]))
    if kind == "lp":
        delta, p = draw(st.sampled_from(DELTAS)), draw(st.sampled_from(fl.domains.P_VALUES))
        return fl.LpNeighbourhood(delta, p), ("lp", delta, p)
    if kind == "rn":
        c = draw(st.sampled_from(CS))
        return fl.RadonNikodymBall(c), ("rn", c)
    if kind == "list":
        ws = draw(st.lists(st.lists(st.integers(0, 3), min_size=n, max_size=n).filter(any), min_size=1, max_size=3))
        return fl.DistributionList([fl.from_weights(w) for w in ws]), ("list", ws)
    if kind == "push":
        gamma = draw(st.lists(st.integers(0, n - 1), min_size=n, max_size=n))
        return fl.Pushforward(gamma), ("push", gamma)
    return fl.AllDistributions(), ("all",)


def build(d, T, S, w):
    return fl.Teacher.from_table(T), fl.BooleanFunction.from_truth_table(S), fl.from_weights(w)


# -- adversarial examples and Definition 3.1 ---------------------------------------------

@SETTINGS
@given(setups())
def test_adversarial_examples_and_strong_robustness(setup):
    d, T, S, w = setup
    teacher, student, mu = build(d, T, S, w)
    adv = fl.adversarial_examples(student, teacher)
    expect = [k for k in range(2**d) if T[k] != U and S[k] != T[k]]
    assert adv.indices.tolist() == expect and len(adv) == len(expect)
    assert adv.points() == [bits(k, d) for k in expect]
    assert adv.mass(mu) == F(sum(w[k] for k in expect), sum(w))
    r = fl.is_strongly_robust(student, teacher)
    assert bool(r) == (not expect) and r.n_adversarial == len(expect)
    if expect:
        k = r.witness
        assert k == expect[0] and r.witness_point == bits(k, d)
        assert (r.teacher_label, r.student_label) == (T[k], S[k])
    # the paper: strong robustness is robustness w.r.t. the attack producing every distribution
    all_r = fl.robustness(student, teacher, fl.AllDistributions(), mu)
    if any(t != U for t in T):
        assert all_r.value == (1 if not expect else 0)
    else:
        assert not all_r.defined


# -- Definition 3.2: properties ----------------------------------------------------------

@SETTINGS
@given(st.data())
def test_strong_robustness_implies_robustness_for_every_attack_and_eps(data):
    d, T, S, w = data.draw(setups(robust=True))
    teacher, student, mu = build(d, T, S, w)
    assert fl.is_strongly_robust(student, teacher)
    attack, _ = data.draw(attacks(d))
    eps = data.draw(st.fractions(0, 1).filter(lambda e: e > 0))
    r = fl.robustness(student, teacher, attack, mu)
    if r.defined:
        assert r.value == 1
        assert fl.is_robust(student, teacher, attack, mu, eps)
    else:
        with pytest.raises(fl.UndefinedProbability):
            fl.is_robust(student, teacher, attack, mu, eps)


@SETTINGS
@given(st.data())
def test_robustness_depends_on_the_student_only_inside_the_confident_region(data):
    d, T, S, w = data.draw(setups())
    teacher, student, mu = build(d, T, S, w)
    S2 = [s if t != U else data.draw(st.integers(0, 1)) for t, s in zip(T, S)]
    other = fl.BooleanFunction.from_truth_table(S2)
    attack, spec = data.draw(attacks(d))
    # each against the definition, enumerated (naive_robustness), not one against the other
    for table, r in ((S, fl.robustness(student, teacher, attack, mu)), (S2, fl.robustness(other, teacher, attack, mu))):
        want = naive_robustness(spec, d, T, table, w)
        assert r.defined == (want is not None)
        if r.defined:
            assert r.value == want


@SETTINGS
@given(st.data())
def test_the_infimum_is_attained_and_below_every_member(data):
    d, T, S, w = data.draw(setups())
    teacher, student, mu = build(d, T, S, w)
    attack, spec = data.draw(attacks(d))
    r = fl.robustness(student, teacher, attack, mu)
    fam = r.family
    n = 2**d
    # members of the family, from its description (naive_allowed, naive_members, the ratio
    # bounds), never from the family object
    members = []
    if spec[0] in ("lp", "all"):
        allowed = naive_allowed(spec, d, w)
        for _ in range(3):
            ws = data.draw(st.lists(st.integers(0, 4), min_size=len(allowed), max_size=len(allowed)))
            if any(ws):
                members.append(fl.point_masses(d, allowed, ws))
    elif spec[0] == "rn":
        c = spec[1]
        s = mu.support.tolist()
        for _ in range(3):
            r_x = data.draw(st.lists(st.fractions(c, 1 / c, max_denominator=12), min_size=len(s), max_size=len(s)))
            probs = {k: F(int(wk), mu.total) * rk for k, wk, rk in zip(s, mu.weights.tolist(), r_x)}
            z = sum(probs.values())
            probs = {k: v / z for k, v in probs.items()}
            if all(c <= probs[k] / mu.pmf(k) <= 1 / c for k in s):
                members.append(fl.point_masses(d, list(probs), list(probs.values())))
        if r.defined:  # the family is convex: mixtures of mu and the minimiser are members
            t = data.draw(st.fractions(0, 1, max_denominator=10))
            mix = {k: (1 - t) * mu.pmf(k) + t * r.distribution.pmf(k) for k in range(n)}
            members.append(fl.point_masses(d, list(mix), list(mix.values())))
    else:
        members = [fl.point_masses(d, list(nu), list(nu.values())) for nu in naive_members(spec, d, w)]
    for nu in members:
        assert naive_member(spec, d, w, probs_of(nu))  # (the draw above, by the definition)
        assert nu in fam
        v = naive_value(probs_of(nu), T, S)
        if v is not None:
            assert r.defined and r.value <= v
    # other distributions, each in the family exactly when the definition says so: every
    # point mass (l_p: those beyond delta from supp(mu) are not), mu, any weights on the
    # cube, and (the Radon-Nikodym ball, c < 1) mu with a little mass moved off supp(mu),
    # its ratios on supp(mu) in [c, 1/c] but not absolutely continuous
    others = [fl.point_masses(d, [k]) for k in range(n)] + [mu]
    others.append(fl.from_weights(data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n).filter(any))))
    if spec[0] == "rn" and spec[1] < 1:
        t = (1 - spec[1]) / 2
        for k in sorted(set(range(n)) - set(mu.support.tolist())):
            off = {j: (1 - t) * mu.pmf(j) + t * (j == k) for j in range(n)}
            others.append(fl.point_masses(d, list(off), list(off.values())))
    for nu in others:
        assert (nu in fam) == naive_member(spec, d, w, probs_of(nu))
    want = naive_robustness(spec, d, T, S, w)
    assert r.defined == (want is not None)
    if r.defined:
        assert r.value == want
        assert naive_member(spec, d, w, probs_of(r.distribution)) and r.distribution in fam
        assert naive_value(probs_of(r.distribution), T, S) == r.value
        if r.witness is not None:
            assert T[r.witness] != U and S[r.witness] != T[r.witness]
            assert r.distribution.pmf(r.witness) > 0


@SETTINGS
@given(setups(d=3), st.lists(st.lists(st.integers(0, 3), min_size=8, max_size=8), min_size=1, max_size=4))
def test_finite_family_is_the_minimum_over_members(setup, ws):
    d, T, S, w = setup
    assert d == 3 and len(T) == len(S) == len(w) == 8
    teacher, student, mu = build(3, T, S, w)
    ws = [x for x in ws if any(x)]
    assume(ws)
    members = [fl.from_weights(x) for x in ws]
    vals = [naive_value({k: F(x[k], sum(x)) for k in range(8)}, T, S) for x in ws]
    r = fl.robustness(student, teacher, fl.DistributionList(members), mu)
    defined = [v for v in vals if v is not None]
    if defined:
        assert r.value == min(defined)
        assert naive_value(probs_of(r.distribution), T, S) == min(defined)
    else:
        assert not r.defined


@SETTINGS
@given(setups(), st.sampled_from(fl.domains.P_VALUES))
def test_lp_family_matches_brute_force_and_is_monotone_in_delta(setup, p):
    d, T, S, w = setup
    teacher, student, mu = build(d, T, S, w)
    n = 2**d
    supp = [k for k in range(n) if w[k]]
    previous = None
    for delta in DELTAS:
        r = fl.robustness(student, teacher, fl.LpNeighbourhood(delta, p), mu)
        allowed = [k for k in range(n) if any(naive_within(naive_cube_dist(k, s, d, p), delta, p) for s in supp)]
        assert r.family.allowed.tolist() == allowed
        # brute force over the uniform distributions on every non-empty subset of the allowed points
        vals = []
        for size in range(1, len(allowed) + 1):
            for sub in combinations(allowed, size):
                v = naive_value({k: F(1, size) for k in sub}, T, S)
                if v is not None:
                    vals.append(v)
        if vals:
            assert r.value == min(vals)
            if previous is not None:
                assert r.value <= previous  # a larger radius never increases the infimum
            previous = r.value
        else:
            assert not r.defined and previous is None


# -- the Radon-Nikodym ball against a rational grid of weights ----------------------------

def compositions(total, parts):
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in compositions(total - first, parts - 1):
            yield (first,) + rest


def brute_force_rn(mu_probs, T, S, c, K):
    """min of P_nu(T = S | conf) over nu with nu(x) in {0, 1/K, ..., 1} and dnu/dmu in [c, 1/c]."""
    keys = list(mu_probs)
    best = None
    for comp in compositions(K, len(keys)):
        nu = {k: F(v, K) for k, v in zip(keys, comp)}
        if all(c <= nu[k] / mu_probs[k] <= 1 / c for k in keys):
            v = naive_value(nu, T, S)
            if v is not None and (best is None or v < best):
                best = v
    return best


@settings(deadline=None, max_examples=40)
@given(st.lists(st.integers(1, 3), min_size=2, max_size=3), st.data())
def test_radon_nikodym_infimum_matches_brute_force(mu_w, data):
    s = len(mu_w)
    labels = data.draw(st.lists(st.sampled_from(["wrong", "right", "U"]), min_size=s, max_size=s))
    c = data.draw(st.sampled_from([F(1, 2), F(2, 3), F(1, 3), F(3, 4), F(1)]))
    d = 2
    T = [U] * 4
    S = [0] * 4
    for k, lab in enumerate(labels):
        T[k] = {"wrong": 1, "right": 0, "U": U}[lab]
    teacher = fl.Teacher.from_table(T)
    mu = fl.point_masses(d, list(range(s)), mu_w)
    r = fl.robustness(fl.BooleanFunction.from_truth_table(S), teacher, fl.RadonNikodymBall(c), mu)
    mu_probs = {k: F(mu_w[k], sum(mu_w)) for k in range(s)}
    if all(lab == "U" for lab in labels):
        assert not r.defined
        return
    nu = probs_of(r.distribution)
    assert r.distribution in r.family and sum(nu.values()) == 1
    assert all(c <= nu.get(k, 0) / mu_probs[k] <= 1 / c for k in range(s))
    assert naive_value(nu, T, S) == r.value
    K = 1
    for v in nu.values():
        K = K * v.denominator // math.gcd(K, v.denominator)
    if K <= 150:
        # the minimiser lies on the grid 1/K: the brute force over that grid finds the same value
        assert brute_force_rn(mu_probs, T, S, c, K) == r.value
    # a fixed fine grid never beats the exact infimum
    coarse = brute_force_rn(mu_probs, T, S, c, 60)
    if coarse is not None:
        assert coarse >= r.value


def test_radon_nikodym_when_uncertain_mass_cannot_absorb_the_normalisation():
    # no uncertain mass: nu(M) + nu(G) = 1, so G cannot go down to c g when M cannot rise enough
    teacher = fl.Teacher.from_table([1, 0, 0, 0])
    S = fl.constant(2, 0)                      # wrong at point 0 only
    mu = fl.point_masses(2, [0, 1], [1, 3])    # m = 1/4, g = 3/4
    r = fl.robustness(S, teacher, fl.RadonNikodymBall(F(1, 2)), mu)
    # a = min(m/c, 1 - c g) = min(1/2, 5/8) = 1/2, b = 1/2
    assert r.value == F(1, 2)
    assert probs_of(r.distribution) == {0: F(1, 2), 1: F(1, 2)}
    assert fl.robustness(S, teacher, fl.RadonNikodymBall(1), mu).value == F(3, 4)  # c = 1: P = {mu}


# -- classical l_p robustness (1.1) ------------------------------------------------------

@SETTINGS
@given(setups(), st.sampled_from(fl.domains.P_VALUES), st.sampled_from(DELTAS))
def test_lp_robust_matches_brute_force(setup, p, delta):
    d, T, S, w = setup
    student = fl.BooleanFunction.from_truth_table(S)
    mu = fl.from_weights(w)
    n = 2**d
    supp = [k for k in range(n) if w[k]]
    pairs = [(a, b) for a in supp for b in range(n) if S[a] != S[b]]
    bad = [(a, b) for a, b in pairs if naive_within(naive_cube_dist(a, b, d, p), delta, p)]
    r = fl.lp_robust(student, mu, delta, p)
    assert bool(r) == (not bad)
    if bad:
        assert S[r.source] != S[r.target] and r.source in supp
        assert naive_within(naive_cube_dist(r.source, r.target, d, p), delta, p)
    m = fl.lp_margin(student, mu, p)
    if pairs:
        assert m.distance_power == min(naive_cube_dist(a, b, d, p) for a, b in pairs)
    else:
        assert m.infinite and float(m) == math.inf


def test_l2_margin_is_reported_squared_and_compared_exactly():
    G = fl.Grid.square(5)
    S = fl.LinearStudent(G, (1, 1))            # boundary x_1 + x_2 = 0, ties -> 1
    mu = fl.Distribution.point_masses(G, [(F(-1, 2), F(-1, 2))])
    m = fl.lp_margin(S, mu, 2)
    assert m.distance_power == F(1, 2) and math.isclose(float(m), math.sqrt(0.5))  # reaches (0, 0)
    assert fl.lp_robust(S, mu, F(7, 10), 2) and not fl.lp_robust(S, mu, F(71, 100), 2)
    assert fl.lp_margin(S, mu, "inf").distance_power == F(1, 2)
    assert fl.lp_margin(S, mu, 1).distance_power == 1


# -- undefined conditional probabilities ------------------------------------------------

def test_undefined_when_the_family_misses_the_confident_region():
    teacher = fl.Teacher.from_table([U, U, U, 1])
    S = fl.constant(2, 0)
    mu = fl.point_masses(2, [0])
    for attack in [fl.LpNeighbourhood(1, 1), fl.RadonNikodymBall(F(1, 2)), fl.DistributionList([mu]),
                   fl.Pushforward(lambda x: (1, 0))]:
        r = fl.robustness(S, teacher, attack, mu)
        assert not r.defined and r.distribution is None and "undefined" in repr(r)
        with pytest.raises(fl.UndefinedProbability, match="confident"):
            r.value
        with pytest.raises(fl.UndefinedProbability):
            fl.is_robust(S, teacher, attack, mu, F(1, 2))
    r = fl.robustness(S, teacher, fl.LpNeighbourhood(2, 1), mu)  # now (1, 1) is reachable
    assert r.value == 0 and r.witness == 3


def test_eps_zero_is_never_robust_because_the_inequality_is_strict():
    teacher = fl.Teacher.from_table([0, 1, 0, 1])
    S = fl.dictator(2, 0)
    assert fl.robustness(S, teacher, fl.AllDistributions(), fl.uniform(2)).value == 1
    assert not fl.is_robust(S, teacher, fl.AllDistributions(), fl.uniform(2), 0)
    assert fl.is_robust(S, teacher, fl.AllDistributions(), fl.uniform(2), F(1, 10**9))


# -- grid domains -----------------------------------------------------------------------

def test_robustness_on_a_grid_with_k_classes():
    G = fl.Grid.square(5)
    teacher = fl.Teacher.from_callable(G, lambda x: 2 if x[0] > F(1, 2) else 0 if x[0] < 0 else U)
    S = fl.Student.from_callable(G, lambda x: 2 if x[0] >= 0 else 1 if x[1] > 0 else 0)
    adv = fl.adversarial_examples(S, teacher)
    assert adv.points() == [x for x in G.points() if x[0] < 0 and x[1] > 0]
    mu = fl.Distribution.point_masses(G, [(-1, -1)])
    r = fl.robustness(S, teacher, fl.LpNeighbourhood(1, 2), mu)
    assert r.value == 1 and r.witness is None  # reaches (-1, 0) but no point with x_2 > 0
    r = fl.robustness(S, teacher, fl.LpNeighbourhood(F(3, 2), 2), mu)
    assert r.value == 0 and G.point(r.witness) == (-1, F(1, 2))
    assert G.index((F(-1, 2), F(1, 2))) not in r.family.allowed  # at sqrt(10)/2 > 3/2
    r = fl.robustness(S, teacher, fl.LpNeighbourhood(F(3, 2), "inf"), mu)
    assert G.index((F(-1, 2), F(1, 2))) in r.family.allowed and G.index((1, -1)) not in r.family.allowed


# -- bad input --------------------------------------------------------------------------

T2 = fl.Teacher.from_table([0, 1, U, 1])
S2 = fl.constant(2, 1)
MU2 = fl.uniform(2)


@pytest.mark.parametrize("call, exc, words", [
    (lambda: fl.robustness(fl.constant(3, 1), T2, fl.AllDistributions(), MU2), fl.DomainMismatch, "student"),
    (lambda: fl.robustness(S2, T2, fl.AllDistributions(), fl.uniform(3)), fl.DomainMismatch, "mu"),
    (lambda: fl.robustness(S2, T2, fl.AllDistributions(), fl.Distribution.uniform(fl.Grid.square(2))),
     fl.DomainMismatch, "mu"),
    (lambda: fl.adversarial_examples(fl.LinearStudent(fl.Grid.square(3), (1, 0)), T2), fl.DomainMismatch, "student"),
    (lambda: fl.is_strongly_robust(S2, [0, 1, -1, 1]), fl.InvalidType, "teacher"),
    (lambda: fl.robustness(S2, T2, "l2", MU2), fl.InvalidType, "attack"),
    (lambda: fl.robustness(S2, T2, fl.AllDistributions(), [1, 1, 1, 1]), fl.InvalidType, "mu"),
    (lambda: fl.is_robust(S2, T2, fl.AllDistributions(), MU2, F(3, 2)), fl.InvalidArgument, "eps=Fraction"),
    (lambda: fl.is_robust(S2, T2, fl.AllDistributions(), MU2, -0.1), fl.InvalidArgument, "eps=-0.1"),
    (lambda: fl.RadonNikodymBall(0), fl.InvalidArgument, "c=0"),
    (lambda: fl.RadonNikodymBall(F(3, 2)), fl.InvalidArgument, "c=Fraction"),
    (lambda: fl.RadonNikodymBall(-1), fl.InvalidArgument, "c=-1"),
    (lambda: fl.LpNeighbourhood(-1, 2), fl.InvalidArgument, "delta=-1"),
    (lambda: fl.LpNeighbourhood(1, 3), fl.InvalidArgument, "p=3"),
    (lambda: fl.LpNeighbourhood(1, -1), fl.InvalidArgument, "p=-1"),
    (lambda: fl.lp_robust(S2, MU2, -1, 2), fl.InvalidArgument, "delta=-1"),
    (lambda: fl.lp_robust(S2, MU2, 1, "l2"), fl.InvalidArgument, "p='l2'"),
    (lambda: fl.lp_margin(S2, MU2, 0.5), fl.InvalidArgument, "p=0.5"),
    (lambda: fl.FastGradient(-1), fl.InvalidArgument, "delta=-1"),
    (lambda: fl.FastGradient(1, norm=1), fl.InvalidArgument, "norm=1"),
    (lambda: fl.Pushforward(3), fl.InvalidType, "gamma"),
    (lambda: fl.DistributionList([]), fl.InvalidArgument, "distributions"),
    (lambda: fl.DistributionList([[1, 0]]), fl.InvalidType, "distributions"),
])
def test_bad_input(call, exc, words):
    with pytest.raises(exc, match=words) as e:
        call()
    assert isinstance(e.value, fl.FinitelearnError)
