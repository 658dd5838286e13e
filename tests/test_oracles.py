"""Oracles of Section 4: exact values against plain enumeration, responders, the adaptive game.

Every expected value here is computed in plain Python from the definitions
(E_D[chi(x, T(x))] as a sum over points with Fractions), never by finitelearn.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import finitelearn as fl
from finitelearn.oracles import InvariantViolated, StatisticalQuery
from tests import naive

SETTINGS = settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])


# -- plain twins ---------------------------------------------------------------------------
def bits(k, d):
    return tuple((k >> i) & 1 for i in range(d))


def par(S, x):
    return bin(S & x).count("1") % 2


def chi_pm(S, x):
    return -1 if par(S, x) else 1


def plain_value(chi, T, D):
    """E_D[chi(x, T(x))] by the definition: chi a list of (chi(x,0), chi(x,1)) Fractions."""
    n = len(chi)
    w = D.dense_weights().tolist()
    tot = sum(w)
    return sum(Fraction(w[x]) * chi[x][T[x]] for x in range(n)) / tot


def plain_null(chi, D):
    n = len(chi)
    w = D.dense_weights().tolist()
    return sum(Fraction(w[x]) * (chi[x][0] + chi[x][1]) / 2 for x in range(n)) / sum(w)


@st.composite
def query_tables(draw, d, max_den=6):
    n = 1 << d
    den = draw(st.integers(1, max_den))
    nums = draw(st.lists(st.integers(0, den), min_size=2 * n, max_size=2 * n))
    return [(Fraction(nums[2 * x], den), Fraction(nums[2 * x + 1], den)) for x in range(n)]


@st.composite
def dists(draw, d):
    if draw(st.booleans()):
        return fl.uniform(d)
    w = draw(st.lists(st.integers(0, 5), min_size=1 << d, max_size=1 << d))
    assume(sum(w) > 0)
    return fl.from_weights(w)


def as_query(chi):
    return StatisticalQuery.from_table(np.array([[a, b] for a, b in chi], dtype=object))


# -- the central identity -------------------------------------------------------------------
@SETTINGS
@given(st.integers(1, 4).flatmap(lambda d: st.tuples(st.just(d), query_tables(d))))
def test_central_identity_against_enumeration(args):
    """E[chi(x, f_S(x))] = E[(chi(x,0) + chi(x,1))/2] - ghat(S)/2, ghat in the +-1 convention.

    The identity the null responder rests on, checked on the oracle's own numbers: its exact
    value for f_S and its null value, against ghat(S) summed here from the definition."""
    d, chi = args
    n = 1 << d
    q = as_query(chi)
    g = [chi[x][1] - chi[x][0] for x in range(n)]
    null = sum((chi[x][0] + chi[x][1]) / 2 for x in range(n)) / n
    game = fl.StatisticalQueryOracle(fl.parities(d), fl.uniform(d), "1/1000", responder="null")
    assert game.null_value(q) == null
    values = game.candidate_values(q)
    for S in range(n):
        T = [par(S, x) for x in range(n)]
        direct = sum(chi[x][T[x]] for x in range(n)) / n
        ghat = sum(g[x] * chi_pm(S, x) for x in range(n)) / n
        o = fl.StatisticalQueryOracle(fl.parity(d, S), fl.uniform(d), "1/1000")
        assert o.exact_value(q) == direct == game.null_value(q) - ghat / 2
        assert values[S] == direct


@SETTINGS
@given(st.integers(1, 4).flatmap(lambda d: st.tuples(st.just(d), query_tables(d), dists(d))))
def test_exact_values_equal_enumeration(args):
    """Fixed teacher, parity class (one WHT), general class (tables): all equal plain sums."""
    d, chi, D = args
    n = 1 << d
    q = as_query(chi)
    parity_game = fl.StatisticalQueryOracle(fl.parities(d), D, "1/1000", responder="null")
    via_wht = parity_game.candidate_values(q)
    tables = [[par(S, x) for x in range(n)] for S in range(n)]
    general = fl.ConceptClass.from_tables(tables)
    general_game = fl.StatisticalQueryOracle(general, D, "1/1000", responder="null")
    via_matrix = general_game.candidate_values(q)
    for S in range(n):
        want = plain_value(chi, tables[S], D)
        assert via_wht[S] == want
        assert via_matrix[S] == want
        o = fl.StatisticalQueryOracle(fl.parity(d, S), D, "1/1000")
        assert o.exact_value(q) == want
        assert o.query(q) == want  # truthful
    assert parity_game.null_value(q) == plain_null(chi, D)


def test_exact_value_of_a_general_teacher_and_callable_query():
    d = 3
    T = fl.majority(3)
    D = fl.point_masses(3, [0, 3, 7], weights=[1, 2, 3])
    o = fl.StatisticalQueryOracle(T, D, "1/8")
    fn = lambda x, y: Fraction(x[0] + x[1] + y, 3)  # noqa: E731
    want = plain_value([(fn(bits(k, d), 0), fn(bits(k, d), 1)) for k in range(8)], T.truth_table.tolist(), D)
    assert o.exact_value(fn) == want == o.query(fn)
    # points 0, 3 = (1,1,0), 7 = (1,1,1); Maj = 0, 1, 1; chi = 0, 3/3, 3/3; weights 1, 2, 3
    assert want == Fraction(0 * 1 + 1 * 2 + 1 * 3, 6)


@pytest.mark.parametrize("d", [1, 2, 3, 5, 6])
def test_parity_fast_path_equals_general_path_and_closed_form(d):
    """E[f_S' f_S] = 1/2 if S = S' != {}, 1/4 for distinct non-empty S, S', 0 if either is empty."""
    n = 1 << d
    C = fl.parities(d)
    for Sp in range(n):
        h = fl.parity(d, Sp)
        for kind in ("feature", "agreement"):
            q = getattr(StatisticalQuery, kind)(h)
            assert q.parity_mask == Sp
            fast = fl.StatisticalQueryOracle(C, fl.uniform(d), "1/8", "null").candidate_values(q)
            slow = fl.StatisticalQueryOracle(C, fl.uniform(d), "1/8", "null", fast_paths=False).candidate_values(q)
            assert list(fast) == list(slow)
            for S in range(n):
                if kind == "feature":
                    closed = Fraction(0) if S == 0 or Sp == 0 else (Fraction(1, 2) if S == Sp else Fraction(1, 4))
                    plain = Fraction(sum(par(Sp, x) * par(S, x) for x in range(n)), n)
                else:
                    closed = Fraction(1) if S == Sp else Fraction(1, 2)
                    plain = Fraction(sum(par(Sp, x) == par(S, x) for x in range(n)), n)
                assert fast[S] == closed == plain


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_parity_transcripts_by_the_closed_form_and_by_enumeration(data):
    """The same parity queries asked of two oracles over all parities (f_0 included), one with
    the closed-form groups (fast_paths, the default) and one enumerating every member's value:
    the same answers and the same version space after every query, for both adversaries,
    adaptive or with a fixed teacher, and both as the definitions say: the members' values
    enumerated here, the answer among those ``reference_answers`` allows, the version space
    the members within alpha of it."""
    d = data.draw(st.integers(1, 5), label="d")
    n = 1 << d
    responder = data.draw(st.sampled_from(["null", "max_consistent"]), label="responder")
    alpha = data.draw(st.sampled_from(["1/16", "1/8", "1/5", "1/4", "1/3"]), label="alpha")
    teacher = data.draw(st.one_of(st.none(), st.integers(0, n - 1)), label="teacher")
    C = fl.parities(d)
    queries = data.draw(st.lists(st.tuples(st.sampled_from(["feature", "agreement"]), st.integers(0, n - 1)),
                                 min_size=1, max_size=8), label="queries")

    def oracle(fast):
        if teacher is None:
            return fl.StatisticalQueryOracle(C, fl.uniform(d), alpha, responder, fast_paths=fast)
        return fl.StatisticalQueryOracle(C[teacher], fl.uniform(d), alpha, responder, concept_class=C,
                                         fast_paths=fast)

    fast, slow = oracle(True), oracle(False)
    a = Fraction(alpha)
    alive = list(range(n))  # parities(d)[m] is f_m
    for kind, S in queries:
        q = getattr(StatisticalQuery, f"parity_{kind}")(d, S)
        fS = [par(S, x) for x in range(n)]
        if kind == "feature":  # E[f_S(x) f_m(x)], null E[f_S(x) (0 + 1)/2]
            vals = {m: Fraction(sum(fS[x] * par(m, x) for x in range(n)), n) for m in alive}
            null = Fraction(sum(fS), 2 * n)
        else:                  # P(f_S = f_m), null 1/2
            vals = {m: Fraction(sum(fS[x] == par(m, x) for x in range(n)), n) for m in alive}
            null = Fraction(1, 2)
        answer = fast.query(q)
        truth = None if teacher is None else vals[teacher]
        assert answer in reference_answers(list(vals.values()), a, null, responder, truth), (answer, vals)
        assert slow.query(q) == answer
        alive = [m for m in alive if abs(vals[m] - answer) <= a]
        assert fast.version_space_masks().tolist() == alive == slow.version_space_masks().tolist()


def test_parity_query_of_a_teacher_without_a_class():
    """A parity teacher with no concept class, parity queries under the uniform law (the closed
    form's conditions but for the class): truthful answers are the exact values, 1/2 for the
    feature query of f_S itself (labels in {0, 1}: E[f_S(x) y] = P(f_S = 1)) and 1 for its
    agreement query, 1/4 and 1/2 for another S."""
    o = fl.StatisticalQueryOracle(fl.parity(3, 5), fl.uniform(3), "1/8")
    assert o.query(StatisticalQuery.parity_feature(3, 5)) == Fraction(1, 2)
    assert o.query(StatisticalQuery.parity_agreement(3, 5)) == 1
    assert o.query(StatisticalQuery.parity_feature(3, 3)) == Fraction(1, 4)
    assert o.query(StatisticalQuery.parity_agreement(3, 3)) == Fraction(1, 2)


def test_oracle_accessors_by_hand():
    """The small accessors on an adaptive game over the parities of d = 2 (4 members): a 0/1 int
    table is read as is; version_space is the class of the members left, version_space_masks
    their masks (None for a class that is not a parity class); in_version_space(-1) is False
    (no member -1); the transcript table numbers queries from 1; the budget's refusal names the
    query it refuses."""
    q = StatisticalQuery.from_table(np.array([[0, 1], [1, 0], [0, 1], [1, 0]]))  # an int 0/1 table
    strings = [["1/3", "0.25"], ["1", "0"]]  # a list of strings, and the same as a numpy str array
    for t in (strings, np.array(strings)):
        assert [StatisticalQuery.from_table(t).value(x, y) for x in (0, 1) for y in (0, 1)] == \
            [Fraction(1, 3), Fraction(1, 4), 1, 0]
    assert [q.value(x, y) for x in range(4) for y in (0, 1)] == [0, 1, 1, 0, 0, 1, 1, 0]
    assert q.feature_function is None and q.parity_mask is None  # a general query has no feature
    assert StatisticalQuery.parity_agreement(2, 3).feature_function == fl.parity(2, 3)
    C = fl.parities(2)
    o = fl.StatisticalQueryOracle(C, fl.uniform(2), "1/8", "null", budget=2)
    o.query(StatisticalQuery.parity_agreement(2, 1))
    # by hand: f_{0} agrees with its own query everywhere (1), every other parity half the time
    # (1/2 = the null value, answered): f_{0} alone is more than 1/8 away, ruled out
    assert sorted(o.version_space_masks().tolist()) == [0, 2, 3]
    left = o.version_space
    assert sorted(left.tables.tolist()) == sorted(fl.parity(2, m).truth_table.tolist() for m in (0, 2, 3))
    assert [o.in_version_space(C.index(fl.parity(2, m))) for m in range(4)] == [True, False, True, True]
    assert o.in_version_space(-1) is False and o.in_version_space(4) is False
    assert o._repr_markdown_().splitlines()[4].startswith("| 1 | ")
    o.query(StatisticalQuery.parity_agreement(2, 2))
    with pytest.raises(fl.QueryBudgetExceeded, match="query 3 refused"):
        o.query(StatisticalQuery.parity_agreement(2, 3))
    other = fl.StatisticalQueryOracle(fl.ConceptClass.from_tables([[0, 0, 0, 1], [0, 1, 1, 1]]), fl.uniform(2), "1/8", "null")
    assert other.version_space_masks() is None and len(other.version_space) == 2


def test_parity_detection_sees_whole_table():
    """A function agreeing with a parity on 0 and every e_i but not elsewhere is not taken for it."""
    d = 4
    t = np.array(fl.parity(d, 0b1011).truth_table)
    t[0b1111] ^= 1
    assert StatisticalQuery.feature(fl.BooleanFunction.from_truth_table(t)).parity_mask is None
    assert StatisticalQuery.feature(~fl.parity(d, 3)).parity_mask is None
    assert StatisticalQuery.feature(fl.parity(d, 0b1011)).parity_mask == 0b1011


# -- responders with a fixed teacher ------------------------------------------------------
alphas = st.sampled_from([Fraction(1, 2), Fraction(1, 8), Fraction(1, 16), Fraction(3, 10), Fraction(1, 100)])


@SETTINGS
@given(st.integers(1, 4).flatmap(lambda d: st.tuples(st.just(d), query_tables(d), st.integers(0, 2**d - 1))),
       alphas, st.sampled_from(fl.oracles.RESPONDERS), st.integers(0, 3))
def test_answer_within_tolerance_of_the_truth(args, alpha, responder, seed):
    d, chi, S = args
    T = fl.parity(d, S)
    D = fl.uniform(d)
    o = fl.StatisticalQueryOracle(T, D, alpha, responder, concept_class=fl.parities(d), seed=seed)
    truth = plain_value(chi, T.truth_table.tolist(), D)
    null = plain_null(chi, D)
    ans = o.query(as_query(chi))
    assert isinstance(ans, Fraction)
    assert abs(ans - truth) <= alpha
    if responder == "truthful":
        assert ans == truth
    if responder == "null":
        assert ans == (null if abs(null - truth) <= alpha else (truth + alpha if null > truth else truth - alpha))
    # the version space never loses the true teacher
    assert o.in_version_space(S)
    e = o.transcript[-1]
    assert (e.value, e.answer) == (truth, ans)


def brute_max_consistent(values, alpha, null, truth=None):
    """Largest number of values within alpha of one admissible answer (tried at every breakpoint)."""
    cands = {v + s for v in values for s in (-alpha, alpha)} | {null} | set(values)
    if truth is not None:
        cands = {min(max(c, truth - alpha), truth + alpha) for c in cands} | {truth}
    return max(sum(abs(v - c) <= alpha for v in values) for c in cands)


@SETTINGS
@given(st.integers(2, 4).flatmap(lambda d: st.tuples(st.just(d), query_tables(d), st.integers(0, 2**d - 1))),
       alphas)
def test_max_consistent_keeps_the_most(args, alpha):
    d, chi, S = args
    D = fl.uniform(d)
    n = 1 << d
    values = [plain_value(chi, [par(R, x) for x in range(n)], D) for R in range(n)]
    null = plain_null(chi, D)
    fixed = fl.StatisticalQueryOracle(fl.parity(d, S), D, alpha, "max_consistent", concept_class=fl.parities(d))
    ans = fixed.query(as_query(chi))
    assert fixed.version_space_size == brute_max_consistent(values, alpha, null, truth=values[S])
    assert abs(ans - values[S]) <= alpha
    game = fl.StatisticalQueryOracle(fl.parities(d), D, alpha, "max_consistent")
    ans = game.query(as_query(chi))
    assert game.version_space_size == brute_max_consistent(values, alpha, null)
    kept = game.version_space_masks().tolist()
    assert kept == [R for R in range(n) if abs(values[R] - ans) <= alpha]


def test_noisy_is_seeded_exact_and_within_tolerance():
    d = 3
    q = StatisticalQuery.feature(fl.majority(3))
    answers = []
    for _ in range(2):
        o = fl.StatisticalQueryOracle(fl.parity(d, 5), fl.uniform(d), "1/8", "noisy", seed=7)
        answers.append([o.query(q) for _ in range(50)])
    assert answers[0] == answers[1]
    truth = Fraction(sum(m * par(5, x) for x, m in enumerate(fl.majority(3).truth_table.tolist())), 8)
    assert all(isinstance(a, Fraction) and abs(a - truth) <= Fraction(1, 8) for a in answers[0])
    assert len(set(answers[0])) > 40  # really random
    other = fl.StatisticalQueryOracle(fl.parity(d, 5), fl.uniform(d), "1/8", "noisy", seed=8)
    assert [other.query(q) for _ in range(50)] != answers[0]


# -- the adaptive game ----------------------------------------------------------------------
@SETTINGS
@given(st.integers(2, 5).flatmap(lambda d: st.tuples(st.just(d), st.lists(query_tables(d, 4), min_size=1, max_size=6))),
       alphas, st.sampled_from(["null", "max_consistent"]), st.booleans())
def test_adaptive_game_invariants(args, alpha, responder, paper):
    """Every answer within alpha of every kept teacher; the Parseval bound on every query."""
    d, chis = args
    C = fl.paper_teachers(d) if paper else fl.parities(d)
    masks = C.masks.tolist()
    D = fl.uniform(d)
    n = 1 << d
    o = fl.StatisticalQueryOracle(C, D, alpha, responder)
    alive = set(masks)
    sizes = []
    for chi in chis:
        ans = o.query(as_query(chi))
        values = {R: plain_value(chi, [par(R, x) for x in range(n)], D) for R in alive}
        kept = {R for R in alive if abs(values[R] - ans) <= alpha}   # by the definition
        assert set(o.version_space_masks().tolist()) == kept
        assert kept, "never empty"
        removed = len(alive) - len(kept)
        assert o.transcript[-1].removed == removed
        assert removed * 4 * alpha**2 < 1  # Parseval: fewer than 1/(4 alpha^2)
        alive = kept
        sizes.append(len(kept))
    assert o.version_space_sizes() == sizes


def test_one_majority_query_removes_ten_of_at_most_fifteen():
    """alpha = 1/8 allows at most 15 removals per query; the greedy majority query reaches 10."""
    assert fl.parseval_removal_bound("1/8") == 15
    d = 10
    g = fl.learners.Greedy()
    o = fl.StatisticalQueryOracle(fl.paper_teachers(d), fl.uniform(d), "1/8", "null")
    g.learn(o, budget=1)
    # recounted from the query itself: each teacher's exact value and the null value summed over
    # the 2^10 points, the null responder's removals by naive.adversary_removed
    q = o.transcript[0].query
    num, n = np.asarray(q.numerators, dtype=np.int64), 1 << d
    x = np.arange(n)
    values = [Fraction(int(num[x, [par(S, k) for k in range(n)]].sum()), q.denominator * n)
              for S in fl.paper_teachers(d).masks.tolist()]
    null = Fraction(int(num.sum()), 2 * q.denominator * n)
    assert naive.adversary_removed("null", values, null, Fraction(1, 8)) == o.transcript[0].removed == 10


def test_fixed_teacher_null_responder_is_not_bound_by_parseval():
    """With a fixed teacher the null responder must move towards the truth and may rule out many."""
    d = 8
    T = fl.parity(d, 0b10101)
    o = fl.StatisticalQueryOracle(T, fl.uniform(d), "1/16", "null", concept_class=fl.paper_teachers(d))
    assert o.feature_query(T) == Fraction(1, 2) - Fraction(1, 16)  # truth 1/2, null 1/4
    assert o.version_space_size == 1
    assert o.transcript[0].removed == 127 > fl.parseval_removal_bound("1/16") == 63
    # the same query in the adaptive game: the adversary answers 1/4 and only f_S is ruled out
    game = fl.StatisticalQueryOracle(fl.paper_teachers(d), fl.uniform(d), "1/16", "null")
    assert game.feature_query(T) == Fraction(1, 4) and game.transcript[0].removed == 1


@SETTINGS
@given(st.integers(2, 5).flatmap(lambda d: st.tuples(st.just(d), st.lists(st.integers(0, 1), min_size=2**d, max_size=2**d))))
def test_feature_queries_learn_nothing_at_tolerance_one_eighth(args):
    """|E[h f_S] - E[h f_S']| <= 1/4 for every Boolean h: at alpha >= 1/8 one answer fits every parity."""
    d, table = args
    h = fl.BooleanFunction.from_truth_table(table)
    n = 1 << d
    vals = [Fraction(sum(table[x] * par(S, x) for x in range(n)), n) for S in range(1, n)]
    assert max(vals) - min(vals) <= Fraction(1, 4)
    o = fl.StatisticalQueryOracle(fl.parities(d, containing={0}), fl.uniform(d), "1/8", "max_consistent")
    o.feature_query(h)
    assert o.version_space_size == 1 << (d - 1)


def test_worst_case_agreement():
    d = 4
    C = fl.paper_teachers(d)
    o = fl.StatisticalQueryOracle(C, fl.uniform(d), "1/8", "null")
    h = fl.parity(d, 0b0011)
    worst, T = o.worst_case_agreement(h)
    want = min(Fraction(sum(h.truth_table[x] == par(S, x) for x in range(16)), 16) for S in C.masks.tolist())
    assert worst == want == Fraction(1, 2) and T != h
    # E[x_1 f_S] is 1/2 for S = {1} and 1/4 for the others, the null value 1/4: the null
    # responder answers 1/4 and rules out f_{1} alone, which leaves the worst teacher as it was
    assert o.feature_query(fl.parity(d, 0b0001)) == Fraction(1, 4)
    assert o.transcript[-1].removed == 1 and 1 not in o.version_space_masks().tolist()
    assert o.version_space_size == 7
    worst, T = o.worst_case_agreement(h)
    left = [S for S in C.masks.tolist() if S != 1]
    assert worst == min(Fraction(sum(h.truth_table[x] == par(S, x) for x in range(16)), 16) for S in left)
    assert int(C.masks[C.index(T)]) in left
    fixed = fl.StatisticalQueryOracle(h, fl.uniform(d), "1/8")
    assert fixed.worst_case_agreement(h) == (Fraction(1), h)


# -- membership oracle ----------------------------------------------------------------------
def test_membership_oracle_answers_counts_and_budget():
    d = 4
    T = fl.parity(d, 0b0110)
    o = fl.MembershipOracle(T, budget=3)
    assert [o.query(x) for x in [(0, 1, 0, 0), 0b0110, [1, 1, 1, 1]]] == [1, 0, 0]
    assert o.queries == 3
    with pytest.raises(fl.QueryBudgetExceeded, match="budget of 3"):
        o.query(0)
    assert o.queries == 3 and [e.query for e in o.transcript] == [2, 6, 15]


@pytest.mark.parametrize("d", [2, 3, 5])
def test_adaptive_membership_keeps_the_larger_half(d):
    C = fl.paper_teachers(d)
    o = fl.MembershipOracle(C)
    rng = np.random.default_rng(d)
    alive = set(C.masks.tolist())
    while len(alive) > 1:
        x = int(rng.integers(0, 1 << d))
        y = o.query(x)
        ones = {S for S in alive if par(S, x)}
        want = 1 if 2 * len(ones) > len(alive) else 0
        assert y == want
        alive = ones if y else alive - ones
        assert set(o.version_space_masks().tolist()) == alive
    assert o.queries >= d - 1  # the information-theoretic bound


def test_membership_version_space_general_class():
    tables = [[0, 1, 1, 0], [0, 0, 0, 1], [1, 1, 1, 1]]
    C = fl.ConceptClass.from_tables(tables)
    o = fl.MembershipOracle(C[1], concept_class=C)
    o.query(3)
    assert o.version_space_size == 2  # members 1 and 2 label point 3 with 1
    o.query(0)
    assert o.version_space_indices().tolist() == [1]


# -- bad input --------------------------------------------------------------------------------
T3 = fl.parity(3, 1)
U3 = fl.uniform(3)
C3 = fl.paper_teachers(3)

BAD = [
    (lambda: fl.StatisticalQueryOracle(T3, U3, 0), fl.InvalidArgument, ["tolerance=0", "> 0"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "-1/8"), fl.InvalidArgument, ["tolerance='-1/8'", "> 0"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "a lot"), fl.InvalidArgument, ["tolerance='a lot'"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, None), fl.InvalidType, ["tolerance=None"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, float("nan")), fl.InvalidArgument, ["tolerance=nan"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8", "liar"), fl.InvalidArgument, ["responder='liar'", "null"]),
    (lambda: fl.StatisticalQueryOracle(C3, U3, "1/8", "truthful"), fl.InvalidArgument, ["responder='truthful'", "adaptive"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8", "noisy"), fl.InvalidArgument, ["seed=None"]),
    (lambda: fl.StatisticalQueryOracle(T3, fl.uniform(4), "1/8"), fl.DomainMismatch, ["d=3", "d=4"]),
    (lambda: fl.StatisticalQueryOracle(fl.paper_teachers(4), U3, "1/8", "null"), fl.DomainMismatch, ["class", "d=4", "d=3"]),
    (lambda: fl.StatisticalQueryOracle(T3, [1] * 8, "1/8"), fl.InvalidType, ["distribution="]),
    (lambda: fl.StatisticalQueryOracle([0, 1], U3, "1/8"), fl.InvalidType, ["teacher="]),
    (lambda: fl.StatisticalQueryOracle(fl.majority(3), U3, "1/8", concept_class=C3), fl.InvalidArgument, ["a member"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8", budget=-1), fl.InvalidArgument, ["budget=-1"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").query(np.zeros((8, 3))), fl.InvalidArgument, ["shape (2**d, 2)"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").query(np.zeros((8, 1))), fl.InvalidArgument, ["shape (2**d, 2)"]),
    (lambda: StatisticalQuery.from_numerators([[0, 1], [1, 0]], 0), fl.InvalidArgument, ["denominator=0", "1..2**62-1"]),
    (lambda: StatisticalQuery.from_numerators([[0, 1], [1, 0]], 2**62), fl.InvalidArgument, ["1..2**62-1"]),
    (lambda: StatisticalQuery.from_numerators([[0, 1], [1, 0]], 2**62 + 1), fl.InvalidArgument, ["1..2**62-1"]),
    (lambda: StatisticalQuery.from_numerators([[0, -1], [1, 0]], 4), fl.InvalidArgument, ["found -1 at x=0, y=1"]),
    (lambda: StatisticalQuery.from_numerators([[0, -1], [5, 0]], 4), fl.InvalidArgument, ["found -1 at x=0, y=1"]),
    (lambda: StatisticalQuery.from_table([[Fraction(1, 2**62), 0]] * 2), fl.InvalidArgument, ["below 2**62"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8", concept_class=fl.parities(2)), fl.DomainMismatch,
     ["d=3", "d=2"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").feature_query(fl.parity(2, 1)), fl.DomainMismatch, ["d=2", "d=3"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").worst_case_agreement(fl.parity(2, 1)), fl.DomainMismatch,
     ["d=2", "d=3"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").worst_case_agreement(fl.parity(4, 1)), fl.DomainMismatch,
     ["d=4", "d=3"]),
    (lambda: fl.StatisticalQueryOracle(fl.parity(2, 1), fl.from_weights([2**62, 1, 0, 0]), "1/8"),
     fl.InvalidArgument, ["distribution=", "below 2**62"]),
    (lambda: fl.StatisticalQueryOracle(fl.parity(2, 1), fl.from_weights([2**62 - 1, 1, 0, 0]), "1/8"),
     fl.InvalidArgument, ["distribution=", "below 2**62"]),
    *[(lambda a=a: StatisticalQuery.from_table(a), fl.InvalidType, ["table=", f"numbers (got dtype {a.dtype})"])
      for a in (np.zeros((2, 2), dtype="timedelta64[s]"), np.zeros((2, 2), dtype="datetime64[s]"),
                np.zeros((2, 2), dtype=complex))],
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").query(np.zeros(8)), fl.InvalidArgument, ["shape (2**d, 2)"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").query(np.zeros((8, 2, 1))), fl.InvalidArgument, ["shape (2**d, 2)"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").query(np.zeros((4, 2), int)), fl.DomainMismatch, ["d=2", "d=3"]),
    (lambda: StatisticalQuery.from_table([[Fraction(1, 2**62 + 1), 0]] * 2), fl.InvalidArgument, ["below 2**62"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").query(np.zeros((6, 2))), fl.InvalidArgument, ["2**d rows"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").query(np.zeros((1, 2))), fl.InvalidArgument,
     ["2**d rows with d >= 1 (got 1 rows)"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").query(np.zeros((16, 2), int)), fl.DomainMismatch, ["d=4", "d=3"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").query(np.full((8, 2), 1.5)), fl.InvalidArgument, ["[0, 1]", "3/2"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").query([[0, 1]] * 7 + [[0, -1]]), fl.InvalidArgument, ["[0, 1]", "x=7, y=1"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").query(lambda x, y: 2), fl.InvalidArgument, ["fn=", "[0, 1]"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").query(T3), fl.InvalidType, ["chi=", "feature_query"]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").feature_query([0, 1] * 4), fl.InvalidType, ["h="]),
    (lambda: fl.StatisticalQueryOracle(T3, U3, "1/8").feature_query(fl.parity(4, 1)), fl.DomainMismatch, ["d=4", "d=3"]),
    (lambda: StatisticalQuery.from_numerators([[0, 5], [1, 1]], 4), fl.InvalidArgument, ["numerators=", "found 5"]),
    (lambda: StatisticalQuery.from_numerators([[0, 1], [1, 1]], 0), fl.InvalidArgument, ["denominator=0"]),
    (lambda: StatisticalQuery.from_table([["a", 0], [0, 0]]), fl.InvalidArgument, ["table='a'"]),
    (lambda: StatisticalQuery(), TypeError, ["from_table"]),
    (lambda: fl.MembershipOracle(T3).query((0, 1)), fl.InvalidArgument, ["x=(0, 1)", "length d=3"]),
    (lambda: fl.MembershipOracle(T3).query((0, 2, 1)), fl.InvalidArgument, ["x=", "0 or 1"]),
    (lambda: fl.MembershipOracle(T3).query(8), fl.InvalidArgument, ["x=8", "0..7"]),
    (lambda: fl.MembershipOracle(T3).query("010"), fl.InvalidType, ["x='010'"]),
    (lambda: fl.MembershipOracle(T3).query(0.5), fl.InvalidType, ["x=0.5"]),
    (lambda: fl.MembershipOracle(T3, budget=1.5), fl.InvalidType, ["budget=1.5"]),
    (lambda: fl.MembershipOracle(T3, concept_class=fl.paper_teachers(4)), fl.DomainMismatch, ["d=3", "d=4"]),
    (lambda: fl.MembershipOracle(C3, concept_class=C3), fl.InvalidArgument, ["concept_class="]),
]


@pytest.mark.parametrize("call, exc, words", BAD)
def test_bad_input(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    for w in words:
        assert w in str(info.value)
    assert "numba" not in str(info.value).lower()


def test_budget_exceeded_sq():
    o = fl.StatisticalQueryOracle(T3, U3, "1/8", budget=2)
    o.feature_query(T3)
    o.feature_query(T3)
    with pytest.raises(fl.QueryBudgetExceeded, match="budget of 2 queries exhausted"):
        o.feature_query(T3)
    assert o.queries == 2 and len(o.transcript) == 2


def test_invariant_violation_is_an_assertion_error():
    assert issubclass(InvariantViolated, AssertionError)


def test_the_checks_inside_the_oracle_fire(monkeypatch):
    """A responder that breaks the rules is caught: not within alpha, or beyond the Parseval bound."""
    d = 8
    T = fl.parity(d, 0b1)
    o = fl.StatisticalQueryOracle(T, fl.uniform(d), "1/16", "truthful")
    monkeypatch.setattr(fl.responders, "respond", lambda kind, values, counts, truth, null, t, rng: (truth + 2 * t, 1))
    with pytest.raises(InvariantViolated, match="not within 1/16"):
        o.feature_query(T)
    # adaptive: answer the value of f_{0} itself, which rules out all 127 others (> 63)
    game = fl.StatisticalQueryOracle(fl.paper_teachers(d), fl.uniform(d), "1/16", "null")
    monkeypatch.setattr(fl.responders, "respond", lambda kind, values, counts, truth, null, t, rng: (int(values.max()), 1))
    with pytest.raises(InvariantViolated, match="removed 127 parities"):
        game.feature_query(T)


def test_review_regressions_tolerance_seed_and_types():
    from finitelearn.oracles import StatisticalQuery

    q = StatisticalQuery.feature(fl.parity(3, {0, 1}))
    for responder in ("null", "max_consistent"):
        o = fl.StatisticalQueryOracle(fl.parity(3, {0, 1}), fl.uniform(3), 10**19, responder)
        assert o.query(q) == Fraction(1, 4)  # the null value E[h y] for y independent of x: 1/2 * 1/2
        game = fl.StatisticalQueryOracle(fl.paper_teachers(4), fl.uniform(4), 10**19, responder)
        game.query(StatisticalQuery.feature(fl.parity(4, {0, 1})))
        assert game.version_space_size == 8  # an answer within 10^19 of everything rules out nothing
    with pytest.raises(fl.InvalidArgument, match="seed=-1"):
        fl.StatisticalQueryOracle(fl.parity(3, {0}), fl.uniform(3), "1/8", "noisy", seed=-1)
    with pytest.raises(fl.InvalidType, match="fast_paths='no'"):
        fl.StatisticalQueryOracle(fl.parity(3, {0}), fl.uniform(3), "1/8", fast_paths="no")
    with pytest.raises(fl.InvalidArgument, match="y=1.0"):
        q.value(0, 1.0)


@pytest.mark.parametrize("paper, alpha, k, bound", [
    (True, "1/4", 3, None), (True, "1/4", 4, "4"),  # 1/(4 alpha^2) = 4 exactly: the equality case
    (False, "1/5", 6, None), (False, "1/5", 8, "25/4"),  # 25/4; no answer rules out exactly 7 here
])
def test_the_parseval_check_fires_exactly_at_the_bound(monkeypatch, paper, alpha, k, bound):
    """A responder that rules out k parities is allowed while k < 1/(4 alpha^2), caught from the
    bound on ("fewer than"): at alpha = 1/4 (the paper's teachers, bound 4) and at alpha = 1/5
    (all parities, bound 25/4, the tolerance's numerator and denominator both in play)."""
    d = 5
    h = fl.BooleanFunction.from_truth_table([int(c) for c in "01100000011001111101011000100101"])

    def remove_exactly_k(kind, values, counts, truth, null, t, rng):
        vs = [int(v) for v in values]
        for A in range(min(vs) - t - 1, max(vs) + t + 2):
            if sum(abs(v - A) > t for v in vs) == k:
                return A, 1
        raise AssertionError(f"no answer removes exactly {k}")

    C = fl.paper_teachers(d) if paper else fl.parities(d)
    game = fl.StatisticalQueryOracle(C, fl.uniform(d), alpha, "null")
    monkeypatch.setattr(fl.responders, "respond", remove_exactly_k)
    if bound is not None:
        with pytest.raises(InvariantViolated, match=f"removed {k} parities, not fewer than 1/\\(4 alpha\\^2\\) = {bound}$"):
            game.feature_query(h)
        return
    answer = game.feature_query(h)
    masks = C.masks.tolist()
    vals = {S: Fraction(sum(int(h.truth_table[x]) * par(S, x) for x in range(1 << d)), 1 << d) for S in masks}
    out = [S for S in masks if abs(vals[S] - answer) > Fraction(alpha)]
    assert len(out) == k == game.transcript[-1].removed
    assert sorted(game.version_space_masks().tolist()) == sorted(set(masks) - set(out))


@settings(deadline=None, max_examples=12)
@given(st.integers(5, 8), st.sampled_from(["1/8", "1/6", "1/5", "3/16", "1/4", "3/10"]), st.integers(1, 4))
def test_parseval_bound_on_the_greedy_students_near_tight_queries(d, tol, n_queries):
    """The greedy family (majorities, inner products) comes close to 1/(4 alpha^2) removals;
    each removal count is recomputed here by plain enumeration over the version space."""
    alpha = Fraction(tol)
    bound = Fraction(1, 4) / alpha**2
    o = fl.StatisticalQueryOracle(fl.paper_teachers(d), fl.uniform(d), tol, "null")
    before = [int(m) for m in fl.paper_teachers(d).masks]
    fl.learners.Greedy().learn(o, budget=n_queries)
    pts = [[(k >> i) & 1 for i in range(d)] for k in range(2**d)]
    for entry in o.transcript:
        num = entry.query.numerators
        den = entry.query.denominator
        kept = []
        for S in before:
            value = Fraction(sum(int(num[k, sum(pts[k][i] for i in range(d) if S >> i & 1) % 2]) for k in range(2**d)),
                             den * 2**d)
            if abs(value - entry.answer) <= alpha:
                kept.append(S)
        removed = len(before) - len(kept)
        assert removed == entry.removed and removed < bound
        before = kept


# -- memory: a fixed teacher in a parity class of 2^17 members -------------------------------
MEMORY_CHILD = """
import resource
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # a regression fails here, not the machine
import finitelearn as fl
o = fl.StatisticalQueryOracle(fl.parity(18, {0, 3}), fl.uniform(18), "1/8", concept_class=fl.paper_teachers(18))
answer = o.feature_query(fl.parity(18, {0, 3}))
both = o.query(fl.StatisticalQuery.agreement(fl.dictator(18, 1) & fl.dictator(18, 2)))
print(fl.__file__, answer, both, o.version_space_size, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_fixed_teacher_in_a_parity_class_builds_no_member():
    """Finding the teacher in paper_teachers(18) used to build all 2^17 members (about 4 GiB)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(fl.__file__).resolve().parent.parent  # run the child on this very package
    # Linux keeps ru_maxrss across exec: a child exec'd straight from pytest reports pytest's
    # own peak.  A shell that forks the child (it does not exec it: a command follows) starts
    # the count afresh.
    out = subprocess.run(["/bin/sh", "-c", '"$0" -c "$1"; exit $?', sys.executable, MEMORY_CHILD],
                         cwd=root, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    where, answer, both, size, maxrss_kib = out.stdout.split()
    assert Path(where).resolve() == Path(fl.__file__).resolve()
    # E[f_S f_S] = P(f_S = 1) = 1/2; the truthful answer rules out every other parity (their value is 1/4)
    assert (answer, size) == ("1/2", "1")
    # x_2 x_3 does not depend on x_1, x_4, of which f_S is the parity: P(h = f_S) = 1/2
    assert both == "1/2"
    assert int(maxrss_kib) * 1024 < 512 * 2**20, f"peak RSS {int(maxrss_kib) / 1024:.0f} MiB"


def test_exact_value_of_any_member_in_the_adaptive_game():
    """exact_value(chi, teacher) in the game: the plain sum, for several members and a skewed D;
    a teacher on a smaller or a larger cube is refused."""
    d = 3
    D = fl.point_masses(d, [1, 2, 6, 7], [1, 2, 3, 5])
    chi = [(Fraction(x % 3, 4), Fraction((x * 5) % 4, 4)) for x in range(8)]
    game = fl.StatisticalQueryOracle(fl.paper_teachers(d), D, "1/8", "null")
    for S in (1, 3, 5, 7):
        T = fl.parity(d, S)
        assert game.exact_value(as_query(chi), T) == plain_value(chi, T.truth_table.tolist(), D)
    M = fl.majority(3)
    assert game.exact_value(as_query(chi), M) == plain_value(chi, M.truth_table.tolist(), D)
    for other in (2, 4):
        with pytest.raises(fl.DomainMismatch, match=f"teacher is on d={other} and the oracle on d=3"):
            game.exact_value(as_query(chi), fl.parity(other, 1))
    with pytest.raises(fl.DomainMismatch):
        fl.StatisticalQueryOracle(fl.parity(3, 1), fl.uniform(3), "1/8").exact_value(as_query(chi), fl.parity(2, 1))


def test_a_bad_integer_table_is_located():
    table = np.zeros((8, 2), dtype=np.int64)
    table[3, 1] = 2
    with pytest.raises(fl.InvalidArgument, match=r"found 2 at x=3, y=1"):
        StatisticalQuery.from_table(table)
    table[3, 1], table[5, 0] = 1, -1
    with pytest.raises(fl.InvalidArgument, match=r"found -1 at x=5, y=0"):
        StatisticalQuery.from_table(table)
    table[6, 1] = 3  # two bad entries: the first is named
    with pytest.raises(fl.InvalidArgument, match=r"found -1 at x=5, y=0"):
        StatisticalQuery.from_table(table)


def test_a_budget_of_zero_refuses_the_first_query_and_adaptive_says_which_game():
    o = fl.StatisticalQueryOracle(T3, U3, "1/8", budget=0)
    assert o.budget == 0 and o.adaptive is False
    with pytest.raises(fl.QueryBudgetExceeded, match="budget of 0 queries exhausted: query 1 refused"):
        o.feature_query(T3)
    game = fl.MembershipOracle(C3, budget=0)
    assert game.adaptive is True
    with pytest.raises(fl.QueryBudgetExceeded, match="query 1 refused"):
        game.query(0)


def test_oracle_options_are_keyword_only():
    with pytest.raises(TypeError):
        fl.MembershipOracle(fl.parity(3, 1), None)
    with pytest.raises(TypeError):
        fl.MembershipOracle(fl.paper_teachers(3), None, 5)


def test_a_query_s_denominator_is_refused_exactly_at_two_to_the_62():
    """Q 2^d = 2 W den 2^d must stay below 2^62 (int64 sums exact): under the uniform
    distribution on d = 3 (W = 8) den = 2^55 is the first denominator refused, and so is every
    larger one."""
    T = fl.parity(3, {0})
    for den, ok in ((2**55 - 1, True), (2**55, False), (2**55 + 1, False), (2**60 - 1, False)):
        q = StatisticalQuery.from_table(np.array([[Fraction(1, den), 0]] * 8, dtype=object))
        o = fl.StatisticalQueryOracle(T, fl.uniform(3), "1/8")
        if ok:  # chi(x, 0) = 1/den, chi(x, 1) = 0, and T(x) = x_1 is 0 on half the points
            assert o.exact_value(q) == Fraction(1, 2 * den)
        else:
            with pytest.raises(fl.InvalidArgument, match="below 2\\*\\*62"):
                o.exact_value(q)


@pytest.mark.parametrize("uniform, per_point", [(True, 80), (False, 96)])
def test_the_class_values_memory_estimate_is_pinned(monkeypatch, uniform, per_point):
    """A general query against a parity class goes through one WHT of the query's columns:
    80 bytes a point under the uniform distribution, 96 with weights (tests/test_memory.py
    measures them); allowed at exactly that, refused one byte short."""
    d = 10
    n = 1 << d
    rng = np.random.default_rng(5)
    chi = [(Fraction(int(a), 3), Fraction(int(b), 3)) for a, b in rng.integers(0, 4, size=(n, 2))]
    q = as_query(chi)
    D = fl.uniform(d) if uniform else fl.from_weights(rng.integers(1, 4, size=n).tolist())
    masks = [0, 5, 513]
    C = fl.parities(d).subclass(masks)
    for limit, ok in ((per_point * n, True), (per_point * n - 1, False)):
        monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str(limit))
        game = fl.StatisticalQueryOracle(C, D, "1/8", responder="null")
        if ok:
            assert game.candidate_values(q).tolist() == [plain_value(chi, [par(S, x) for x in range(n)], D)
                                                         for S in masks]
        else:
            with pytest.raises(fl.TooLarge, match=f"{per_point:g} byte"):
                game.candidate_values(q)


def test_a_parity_query_names_its_set():
    q = StatisticalQuery.parity_feature(5, 0b10011)
    assert repr(q) == "StatisticalQuery(feature of f_S, S=[0, 1, 4] (0-based), d=5)"
    assert repr(StatisticalQuery.parity_feature(5, 0)) == "StatisticalQuery(feature of f_S, S=[] (0-based), d=5)"


def test_in_version_space_past_the_last_member_is_false():
    C = fl.paper_teachers(3)  # masks 1, 3, 5, 7
    o = fl.StatisticalQueryOracle(C, fl.uniform(3), "1/16", "null")
    assert [o.in_version_space(k) for k in range(5)] == [True, True, True, True, False]
    assert o.in_version_space(10) is False
    o.feature_query(fl.parity(3, {0, 1, 2}))  # E[f_7 f_S] = 1/2 for S = 7, 1/4 else: f_7 ruled out at 1/16
    assert o.version_space_indices().tolist() == [0, 1, 2]
    assert [o.in_version_space(k) for k in range(5)] == [True, True, True, False, False]


@SETTINGS
@given(st.integers(1, 7).flatmap(lambda d: st.tuples(
    st.just(d), st.lists(st.integers(0, 1), min_size=1 << d, max_size=1 << d))))
def test_feature_and_agreement_queries_of_any_h_against_enumeration(args):
    """The uniform route of feature/agreement queries (the integer spectrum of h, the null value
    from h's weight) against plain sums: E[h f_S], P(h = f_S) and their null values E[h]/2, 1/2."""
    d, table = args
    n = 1 << d
    h = fl.BooleanFunction.from_truth_table(table)
    for C in (fl.parities(d), fl.paper_teachers(d)):
        game = fl.StatisticalQueryOracle(C, fl.uniform(d), "1/1000", responder="null")
        for kind in ("feature", "agreement"):
            q = getattr(fl.StatisticalQuery, kind)(h)
            want_null = Fraction(sum(table), 2 * n) if kind == "feature" else Fraction(1, 2)
            assert game.null_value(q) == want_null
            for S, v in zip(C.subsets(), game.candidate_values(q)):
                f = [par(sum(1 << i for i in S), x) for x in range(n)]
                if kind == "feature":
                    want = Fraction(sum(table[x] * f[x] for x in range(n)), n)
                else:
                    want = Fraction(sum(table[x] == f[x] for x in range(n)), n)
                assert v == want


def test_class_values_stay_exact_where_the_float_transform_would_round():
    """Weights near 2^52 under a non-uniform distribution: the transform's bound max|g| 2^d passes
    2^53, so the exact integer kernel must answer, not the float64 route (which rounds here and
    gave a negative probability). Expected: E_D[h(x) f_S(x)] summed in Fractions over the points."""
    d = 3
    w = [2**52 - (2 * i + 1) for i in range(8)]
    C = fl.parities(d)
    o = fl.StatisticalQueryOracle(C[3], fl.from_weights(w), "1/8", concept_class=C)
    h = [1, 1, 1, 0, 1, 1, 1, 1]
    got = o.candidate_values(fl.StatisticalQuery.feature(fl.BooleanFunction.from_truth_table(h)))
    total = sum(w)
    want = []
    for S in range(1 << d):
        f = [bin(S & x).count("1") % 2 for x in range(1 << d)]
        want.append(sum(Fraction(w[x], total) * h[x] * f[x] for x in range(1 << d)))
    assert [Fraction(v) for v in got] == want
    assert all(v >= 0 for v in want)


# -- references for the responders' choices (plain Fractions) --------------------------------
def reference_answers(values, alpha, null, responder, truth=None):
    """Every answer the adversary may give against members with these exact values: the
    null responder, the admissible values (within alpha of a member) nearest to null; the
    max-consistent one, those keeping the most members, nearest to null among them.  The
    best answers are among null and the breakpoints v +- alpha.  With a fixed teacher of
    value ``truth`` (one of ``values``) only answers within alpha of it are admissible, and
    its ends truth +- alpha are breakpoints too."""
    cands = {null} | {v + s for v in values for s in (-alpha, alpha)}
    if truth is not None:
        cands = {c for c in cands | {truth - alpha, truth + alpha} if abs(c - truth) <= alpha}
    kept = {c: sum(abs(v - c) <= alpha for v in values) for c in cands}
    if responder == "null":
        ok = [c for c in cands if kept[c] >= 1]
    else:
        top = max(kept.values())
        ok = [c for c in cands if kept[c] == top]
    near = min(abs(c - null) for c in ok)
    return {c for c in ok if abs(c - null) == near}


def _closed_form_game(d, masks, alpha, responder, kind, S):
    """An adaptive game over the parities with these masks, one parity query of f_S asked; the
    members' exact values by enumeration, and what the reference allows."""
    n = 1 << d
    C = fl.parities(d)
    sub = C.subclass([C.index(fl.parity(d, m)) for m in masks])
    game = fl.StatisticalQueryOracle(sub, fl.uniform(d), alpha, responder)
    q = getattr(StatisticalQuery, f"parity_{kind}")(d, S)
    fS = [par(S, x) for x in range(n)]
    if kind == "feature":
        vals = {m: Fraction(sum(fS[x] * par(m, x) for x in range(n)), n) for m in masks}
        null = Fraction(sum(fS), 2 * n)
    else:
        vals = {m: Fraction(sum(fS[x] == par(m, x) for x in range(n)), n) for m in masks}
        null = Fraction(1, 2)
    answer = game.query(q)
    return game, answer, vals, reference_answers(list(vals.values()), Fraction(alpha), null, responder)


@pytest.mark.parametrize("d, masks, alpha, responder, kind, S", [
    (2, [0, 1], "1/8", "null", "feature", 1),            # only f_0 and f_S: no other member
    (2, [0, 1], "1/8", "max_consistent", "feature", 1),
    (3, [0, 5], "1/16", "null", "feature", 5),
    (2, [0, 1, 2, 3], "1/8", "max_consistent", "feature", 1),   # f_0, f_S alone, two at 1/4
    (2, [1, 2], "1/8", "max_consistent", "agreement", 1),       # f_S at 1, f_T at the null 1/2
    (3, list(range(8)), "1/4", "null", "feature", 1),    # f_0 exactly alpha away from the null answer
    (3, list(range(8)), "1/4", "max_consistent", "feature", 3),
    (3, [3, 5, 6], "1/8", "max_consistent", "agreement", 3),
])
def test_closed_form_groups_answer_as_the_reference(d, masks, alpha, responder, kind, S):
    """The closed-form route (f_0, f_S and one group for every other member) against the
    responders' definitions on the members' enumerated values: classes where a group is
    empty (no member besides f_0 and f_S), where the special members' counts decide the
    max-consistent window, and where f_0 lies exactly alpha from the answer."""
    game, answer, vals, allowed = _closed_form_game(d, masks, alpha, responder, kind, S)
    assert answer in allowed, (answer, allowed)
    a = Fraction(alpha)
    assert sorted(game.version_space_masks().tolist()) == [m for m in masks if abs(vals[m] - answer) <= a]


def test_noisy_answers_rule_out_by_exact_values_on_the_finer_grid():
    """The noisy responder answers on a grid 2^20 times finer; with a query over 2^45 the
    members' values in those units pass 2^63, and the version space must still be decided
    exactly: members within alpha of the answer, by Fractions, over many seeds."""
    d, den = 3, 2**45
    n = 1 << d
    nums = np.zeros((n, 2), dtype=np.int64)
    for x in range(n):  # chi(x, 1) = (den - 1)/den where x_1 = 1, chi(x, 0) = x / (8 den)
        nums[x, 1] = den - 1 if x & 1 else 0
        nums[x, 0] = x
    q = StatisticalQuery.from_numerators(nums, den)
    C = fl.parities(d)
    vals = {m: sum(Fraction(int(nums[x, par(m, x)]), den) for x in range(n)) / n for m in range(n)}
    alpha = Fraction(1, 3)
    ruled_out = 0
    for seed in range(12):
        o = fl.StatisticalQueryOracle(C[1], fl.uniform(d), alpha, "noisy", concept_class=C, seed=seed)
        answer = o.query(q)
        assert abs(answer - vals[1]) <= alpha
        want = [m for m in range(n) if abs(vals[m] - answer) <= alpha]
        assert o.version_space_masks().tolist() == want
        ruled_out += n - len(want)
    assert ruled_out > 0  # some answers do rule members out


def test_noisy_answers_spread_over_the_whole_tolerance_beyond_one():
    """The noisy answers lie within alpha of the truth and spread over that whole window, also
    for alpha > 1: the tolerance is not clipped to 1 as the adversaries' is (their answers stay
    in [0, 1] anyway). Over 40 seeds at alpha = 3 some answer lies more than 1 from the truth
    (were the noise uniform over [-1, 1] instead, none could; uniform over [-3, 3], all 40
    within 1 has probability (1/3)^40)."""
    q = StatisticalQuery.parity_feature(3, 1)
    truth = Fraction(1, 2)  # E[f_S(x) y] with y = f_S(x): P(f_S = 1)
    for alpha in (Fraction(3), Fraction(5, 2)):
        answers = [fl.StatisticalQueryOracle(fl.parity(3, 1), fl.uniform(3), alpha, "noisy", seed=seed).query(q)
                   for seed in range(40)]
        assert all(abs(a - truth) <= alpha for a in answers)
        assert max(abs(a - truth) for a in answers) > 1
        assert min(answers) < 0 and max(answers) > 1  # both sides, outside [0, 1]


def test_an_empty_version_space_is_caught(monkeypatch):
    """A responder answering far from every member would empty the adaptive game's version
    space: the oracle raises rather than go on with no teacher left."""
    game = fl.StatisticalQueryOracle(fl.paper_teachers(3), fl.uniform(3), "1/8", "null")
    monkeypatch.setattr(fl.responders, "respond", lambda kind, values, counts, truth, null, t, rng: (-10 * t, 1))
    with pytest.raises(InvariantViolated, match="version space became empty"):
        game.query(StatisticalQuery.feature(fl.majority(3)))


def test_the_parseval_check_scales_with_the_tolerance_numerator(monkeypatch):
    """alpha = 3/16 (numerator 3): 1/(4 alpha^2) = 64/9, about 7.1. Answering f_S's own value
    on the parities of d = 4 rules out the other 15: caught; on d = 3 the other 7: allowed."""
    def own_value(kind, values, counts, truth, null, t, rng):
        return int(values.max()), 1

    monkeypatch.setattr(fl.responders, "respond", own_value)
    game = fl.StatisticalQueryOracle(fl.parities(4), fl.uniform(4), "3/16", "null")
    with pytest.raises(InvariantViolated, match="removed 15 parities, not fewer than 1/\\(4 alpha\\^2\\) = 64/9"):
        game.query(StatisticalQuery.parity_feature(4, 3))
    small = fl.StatisticalQueryOracle(fl.parities(3), fl.uniform(3), "3/16", "null")
    small.query(StatisticalQuery.parity_feature(3, 3))
    assert small.version_space_masks().tolist() == [3] and small.transcript[-1].removed == 7


def test_general_route_values_need_the_wide_integer_types():
    """Table queries on the Walsh-Hadamard route, against enumeration: uniform on d = 8 with
    chi(x, y) = y, uniform on d = 6 with a query over 1024 (sums up to 1024 * 2^6, past int16),
    and a weighted distribution with weights near 1000 and a query over 64 (sums up to W 64,
    past int16)."""
    d = 8
    n = 1 << d
    C = fl.parities(d)
    game = fl.StatisticalQueryOracle(C, fl.uniform(d), "1/8", "null")
    q = StatisticalQuery.from_table(np.array([[0, 1]] * n))
    got = game.candidate_values(q).tolist()
    assert got == [Fraction(sum(par(m, x) for x in range(n)), n) for m in range(n)]
    d = 6  # a query over 1024: num1 - num0 = 1023 at every point, its transform 1023 * 64 at S = {}
    n = 1 << d
    game = fl.StatisticalQueryOracle(fl.parities(d), fl.uniform(d), "1/8", "null")
    chi = [(Fraction(0), Fraction(1023, 1024))] * n
    got = game.candidate_values(as_query(chi)).tolist()
    assert got == [plain_value(chi, [par(m, x) for x in range(n)], fl.uniform(d)) for m in range(n)]
    d = 3
    w = [1000 + 7 * x for x in range(8)]
    D = fl.from_weights(w)
    chi = [(Fraction(x, 64), Fraction(63 - x, 64)) for x in range(8)]
    o = fl.StatisticalQueryOracle(fl.parities(d), D, "1/8", "null")
    got = o.candidate_values(as_query(chi)).tolist()
    assert got == [plain_value(chi, [par(m, x) for x in range(8)], D) for m in range(8)]


def test_null_value_of_a_parity_query_under_a_weighted_distribution():
    """The closed form of a parity query's null value holds for the uniform law only; under
    another the null value is E_D[(chi(x,0) + chi(x,1))/2] by enumeration."""
    d = 3
    D = fl.from_weights([5, 1, 0, 2, 3, 0, 0, 1])
    o = fl.StatisticalQueryOracle(fl.parities(d), D, "1/8", "null")
    for S in range(1, 8):
        feature = [(Fraction(0), Fraction(par(S, x))) for x in range(8)]
        agree = [(Fraction(1 - par(S, x)), Fraction(par(S, x))) for x in range(8)]
        assert o.null_value(StatisticalQuery.parity_feature(d, S)) == plain_null(feature, D)
        assert o.null_value(StatisticalQuery.parity_agreement(d, S)) == plain_null(agree, D) == Fraction(1, 2)
    assert o.null_value(StatisticalQuery.parity_feature(d, 3)) != Fraction(1, 4)
    h = fl.majority(d)  # not a parity: the feature and agreement queries of any h
    feature = [(Fraction(0), Fraction(int(v))) for v in h.truth_table.tolist()]
    assert o.null_value(StatisticalQuery.feature(h)) == plain_null(feature, D) != Fraction(h.weight(), 16)
    assert o.null_value(StatisticalQuery.agreement(h)) == Fraction(1, 2)


def test_a_parity_teacher_in_a_class_that_is_not_of_parities():
    """A fixed parity teacher kept in a class with a non-parity member: the closed form of the
    teacher's value needs a parity class, so the value comes by enumeration, and is exact."""
    d = 3
    T = fl.parity(d, 3)
    C = fl.ConceptClass.from_tables([T.truth_table, fl.majority(d).truth_table])
    o = fl.StatisticalQueryOracle(T, fl.uniform(d), "1/8", concept_class=C)
    maj = fl.majority(d).truth_table.tolist()
    assert o.exact_value(StatisticalQuery.parity_feature(d, 3), fl.majority(d)) == \
        Fraction(sum(maj[x] * par(3, x) for x in range(8)), 8) == Fraction(1, 4)
    assert o.query(StatisticalQuery.parity_feature(d, 3)) == Fraction(1, 2)  # truthful: E[f_S f_S] = 1/2
    assert o.version_space_size == 1  # the majority, 1/4 from the answer, is ruled out
    assert o.query(StatisticalQuery.parity_agreement(d, 1)) == Fraction(1, 2)


def test_a_query_s_columns_estimate_is_pinned_at_its_boundary(monkeypatch):
    """numerator_columns holds two int64 columns: 16 bytes a point, refused one byte short of it."""
    q = fl.StatisticalQuery.feature(fl.parity(16, {0, 3}))
    monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str(16 * 2**16))
    num0, num1 = q.numerator_columns()
    assert num0.nbytes + num1.nbytes == 16 * 2**16
    monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str(16 * 2**16 - 1))
    with pytest.raises(fl.TooLarge, match="query.d=16"):
        q.numerator_columns()


def test_a_callable_query_s_estimate_is_pinned_at_its_boundary(monkeypatch):
    """from_callable tabulates chi into the two int64 columns of the query it returns: 16 bytes
    a point, allowed at exactly that, refused one byte short (named by d)."""
    d = 12
    monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str(16 * 2**d))
    q = StatisticalQuery.from_callable(d, lambda x, y: y * x[0])
    num0, num1 = q.numerator_columns()
    assert num0.nbytes + num1.nbytes == 16 * 2**d and int(num1.sum()) == 2**(d - 1)
    monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str(16 * 2**d - 1))
    with pytest.raises(fl.TooLarge, match="d=12"):
        StatisticalQuery.from_callable(d, lambda x, y: y * x[0])


# -- keep_only_answers: the transcript without its queries -------------------------------------
def _rf_run(d: int, answers_only: bool, seed: int = 5):
    from finitelearn.learners import make_student

    oracle = fl.StatisticalQueryOracle(fl.paper_teachers(d), fl.uniform(d), "1/8", "null")
    if answers_only:
        oracle.keep_only_answers()
    result = make_student("random-features", seed=seed).learn(oracle)
    return oracle, result


def test_keeping_only_answers_changes_no_count_and_drops_every_query():
    full, r_full = _rf_run(8, False)
    lean, r_lean = _rf_run(8, True)
    assert r_full.queries > 8  # a real run, not a one-query stop
    assert (r_lean.queries, r_lean.identified, r_lean.stopped, r_lean.version_space_sizes, r_lean.removed) == \
        (r_full.queries, r_full.identified, r_full.stopped, r_full.version_space_sizes, r_full.removed)
    assert r_lean.hypothesis == r_full.hypothesis
    assert all(isinstance(e.query, StatisticalQuery) for e in full.transcript)
    assert [e.query for e in lean.transcript] == [None] * r_full.queries
    keep = [(e.value, e.answer, e.version_space_size, e.removed) for e in full.transcript]
    assert [(e.value, e.answer, e.version_space_size, e.removed) for e in lean.transcript] == keep


def test_keeping_only_answers_from_the_call_on_and_for_data_queries():
    # entries before the call keep their queries; a second call changes nothing; the
    # membership oracle drops its point indices the same way
    o = fl.StatisticalQueryOracle(fl.parity(3, {0}), fl.uniform(3), "1/8", responder="truthful")
    first = StatisticalQuery.parity_feature(3, 1)
    assert o.query(first) == Fraction(1, 2)  # E[f f] for f = x_0: P(x_0 = 1)
    o.keep_only_answers()
    o.keep_only_answers()
    assert o.feature_query(fl.parity(3, {0, 1})) == Fraction(1, 4)  # P(x_0 = 1, x_1 = 0)
    assert [e.query for e in o.transcript] == [first, None]
    assert [e.value for e in o.transcript] == [Fraction(1, 2), Fraction(1, 4)]
    data = fl.MembershipOracle(fl.parity(2, {0}))
    data.keep_only_answers()
    assert data.query((1, 0)) == 1 and data.query((0, 1)) == 0
    assert [(e.query, e.answer) for e in data.transcript] == [(None, 1), (None, 0)]


def test_keeping_only_answers_frees_the_features():
    # random features at d = 12: 2^11 + 12 queries of 2^12 bits (512 bytes) each; with only
    # the answers kept, the transcript holds none of them once the run is over
    import gc
    import tracemalloc

    d = 12
    held = []
    for answers_only in (False, True):
        gc.collect()
        tracemalloc.start()
        oracle, result = _rf_run(d, answers_only)
        gc.collect()
        held.append(tracemalloc.get_traced_memory()[0])
        tracemalloc.stop()
        del oracle, result
    features = (2**(d - 1) + d) * 2**d // 8
    assert held[0] - held[1] >= 0.9 * features, (held, features)


def test_the_scaling_run_keeps_only_answers(monkeypatch):
    from finitelearn.experiments import run_scaling

    calls = []
    for cls in (fl.StatisticalQueryOracle, fl.MembershipOracle):
        real = cls.keep_only_answers
        monkeypatch.setattr(cls, "keep_only_answers",
                            lambda self, real=real: calls.append(type(self).__name__) or real(self))
    records = run_scaling([3], "1/8", students=["random-features", "paper-d+1"], progress=False)
    assert sorted(calls) == ["MembershipOracle", "StatisticalQueryOracle"]
    assert [r.student for r in records] == ["random-features", "paper-d+1"]
    assert all(r.queries >= 1 and len(r.version_space_sizes) == r.queries for r in records)
