"""SQ students against the oracles: counts, identification, the Parseval bound on every query."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import finitelearn as fl
from tests import naive
from finitelearn.learners import (
    CandidateTesting,
    CoordinateCorrelations,
    GF2Elimination,
    Greedy,
    OptimalMembership,
    PaperLearner,
    RandomFeatures,
    greedy_family,
    make_student,
)

SQ = [CandidateTesting, CoordinateCorrelations, lambda: RandomFeatures(seed=1), Greedy]


def par(S, x):
    return bin(S & x).count("1") % 2


def game(d, alpha="1/8", responder="null", **kw):
    return fl.StatisticalQueryOracle(fl.paper_teachers(d), fl.uniform(d), alpha, responder, **kw)


def _recount(o, alpha):
    """Each query's removals recounted from the class members' exact values (plain numpy over
    the points), for any subclass of parities in the adaptive game; and the members left."""
    alpha = Fraction(alpha)
    d = o.d
    n = 1 << d
    x = np.arange(n)
    alive = [int(S) for S in o.concept_class.masks]
    counts = []
    for entry in o.transcript:
        num = np.asarray(entry.query.numerators, dtype=object)
        kept = []
        for S in alive:
            labels = np.array([bin(S & int(k)).count("1") % 2 for k in x])
            if abs(Fraction(int(num[x, labels].sum()), entry.query.denominator * n) - entry.answer) <= alpha:
                kept.append(S)
        counts.append(len(alive) - len(kept))
        alive = kept
    return counts, alive


def _recount_removals(o, alpha):
    return _recount(o, alpha)[0]


def parseval_ok(oracle, result, alpha):
    """Replay the oracle's transcript in plain numpy (:func:`_recount`): the removals equal what
    the oracle and the result report, and each is fewer than 1/(4 alpha^2)."""
    alpha = Fraction(alpha)
    counts, alive = _recount(oracle, alpha)
    assert counts == [e.removed for e in oracle.transcript] == result.removed
    assert sorted(alive) == sorted(oracle.version_space_masks().tolist())
    return all(r * 4 * alpha * alpha < 1 for r in counts)


@pytest.mark.parametrize("d", range(2, 9))
def test_candidate_testing_against_null_removes_one_per_query(d):
    r = CandidateTesting().learn(game(d))
    assert r.identified and r.stopped == "identified"
    assert r.queries == 2 ** (d - 1) - 1
    assert r.removed == [1] * r.queries
    assert r.version_space_sizes == list(range(2 ** (d - 1) - 1, 0, -1))
    assert r.queries >= fl.sq_query_lower_bound(2 ** (d - 1), "1/8")


@pytest.mark.parametrize("d", [2, 3, 5])
def test_candidate_testing_against_max_consistent(d):
    """At alpha = 1/8 the values 1/2 (the candidate tested) and 1/4 (the rest) fit one answer, 3/8."""
    r = CandidateTesting().learn(game(d, responder="max_consistent"))
    assert not r.identified and r.stopped == "no progress" and r.queries == 2 ** (d - 1)
    assert r.removed == [0] * r.queries
    r = CandidateTesting().learn(game(d, "1/16", responder="max_consistent"))
    assert r.identified and r.queries == 2 ** (d - 1) - 1


@pytest.mark.parametrize("d", [3, 5])
def test_candidate_testing_with_a_truthful_teacher_finds_it(d):
    C = fl.paper_teachers(d)
    for k, T in enumerate(C):
        o = fl.StatisticalQueryOracle(T, fl.uniform(d), "1/8", concept_class=C)
        r = CandidateTesting().learn(o)
        assert r.identified and r.hypothesis == T
        assert r.queries == min(k + 1, len(C) - 1)


def test_candidate_testing_skips_the_candidates_already_ruled_out():
    """Four functions on d = 2 where the first feature query (h = the constant 1, value E[T])
    rules out the second candidate too: the next query is of the third, the first still in
    the version space; the queries and what they rule out by plain enumeration in Fractions."""
    tables = [[1, 1, 1, 1], [1, 0, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1]]
    C = fl.ConceptClass.from_functions([fl.BooleanFunction.from_truth_table(np.array(t, dtype=np.uint8))
                                        for t in tables])
    alpha = Fraction(1, 8)

    def corr(h, c):
        return Fraction(sum(x * y for x, y in zip(h, c)), 4)

    for teacher in range(4):
        alive, asked = list(range(4)), []
        for k in range(4):
            if k in alive and len(alive) > 1:
                asked.append(k)
                truth = corr(tables[k], tables[teacher])
                alive = [c for c in alive if abs(corr(tables[k], tables[c]) - truth) <= alpha]
        o = fl.StatisticalQueryOracle(C[teacher], fl.uniform(2), alpha, concept_class=C)
        r = CandidateTesting().learn(o)
        got = [e.query.feature_function.truth_table.tolist() for e in o.transcript]
        assert got == [tables[k] for k in asked], teacher
        assert [c for c in range(4) if o.in_version_space(c)] == alive
        assert r.identified == (alive == [teacher])
        if teacher == 3:  # E[T] = 1/2 rules out candidates 0 (1) and 1 (1/4): 1 is skipped
            assert asked == [0, 2]


def test_coordinate_correlations_say_nothing_about_a_parity():
    """E[x_i f_S] = 1/4 for every i and every S != {i}: all teachers but f_{1} answer alike."""
    d = 6
    C = fl.paper_teachers(d)
    for T, S in zip(C, C.masks.tolist()):
        vals = [Fraction(sum(par(1 << i, x) * par(S, x) for x in range(64)), 64) for i in range(d)]
        assert vals == ([Fraction(1, 2)] + [Fraction(1, 4)] * (d - 1) if S == 1 else [Fraction(1, 4)] * d)
    o = game(d)
    r = CoordinateCorrelations().learn(o)
    assert r.queries == d and not r.identified and r.stopped == "no progress"
    assert r.removed == [1] + [0] * (d - 1)  # only f_{1} = x_1 is ruled out
    # the queries are the d coordinates x_1, ..., x_d themselves, in order
    assert [e.query.parity_mask for e in o.transcript] == [1 << i for i in range(d)]
    assert [e.query.kind for e in o.transcript] == ["feature"] * d
    assert 1 not in o.version_space_masks().tolist() and o.version_space_size == 2 ** (d - 1) - 1


def features(seed, d=6, budget=20):
    o = game(d)
    RandomFeatures(seed=seed).learn(o, budget=budget)
    return [e.query.feature_function.truth_table.tolist() for e in o.transcript]


def test_random_features_learn_nothing_at_d_8_and_are_seeded():
    runs = [RandomFeatures(seed=3).learn(game(8), budget=40) for _ in range(2)]
    assert runs[0].queries == 40 and runs[0].stopped == "budget" and not runs[0].identified
    assert runs[0].removed == [0] * 40
    assert features(5) == features(5)  # one seed, one run
    # the seed matters: other seeds give other features, a Generator is read as the seed
    assert features(5) != features(6) and features(0) != features(5)
    assert features(np.random.default_rng(5)) == features(np.random.default_rng(5)) != features(6)


@pytest.mark.parametrize("d", [2, 3, 6, 7, 10])
def test_random_features_are_the_seed_s_bytes_bit_by_bit(d):
    """Each feature is the next 2^d bits of the seed's uniform random bytes (8 points a byte,
    ceil(2^d / 8) bytes a query): the same stream as numpy's Generator read directly."""
    n = 1 << d
    rng = np.random.default_rng(9)
    want = [np.unpackbits(np.frombuffer(rng.bytes(-(-n // 8)), dtype=np.uint8), count=n).tolist()
            for _ in range(12)]
    got = features(9, d=d, budget=12)  # (the run may identify the teacher before 12 queries)
    assert len(got) >= 2 and got == want[: len(got)]


def test_random_features_keep_one_bit_per_point_in_the_transcript():
    """The transcript keeps every feature; they stay bit-packed (a byte table per feature
    held 2.3 GiB at d = 16 and grew the run's time with its page faults), also after the
    oracle has answered them from their spectra."""
    o = game(13, responder="max_consistent")
    RandomFeatures(seed=2).learn(o, budget=5)
    hs = [e.query.feature_function for e in o.transcript]
    assert len(hs) == 5 and all(h._table is None and h._packed.nbytes == (1 << 13) // 8 for h in hs)
    # and integer_spectrum of such an h (read from its bits) is its spectrum by the definition
    h = hs[0]
    table = np.unpackbits(h.packed.astype("<u8").view(np.uint8), bitorder="little")
    assert fl.integer_spectrum(h).tolist() == naive.wht_butterfly(1 - 2 * table.astype(np.int64)).tolist()
    assert h._table is None


def test_greedy_queries_keep_one_bit_per_point_in_the_transcript():
    o = game(13, responder="max_consistent")
    Greedy().learn(o, budget=3)
    hs = [e.query.feature_function for e in o.transcript]
    assert len(hs) == 3 and all(h._table is None and h.packed.nbytes == (1 << 13) // 8 for h in hs)


def test_random_features_follow_the_uniform_law():
    """A uniform random h: each +-1 correlation E[H chi_S] over n = 2^d points has mean 0 and
    variance 1/n, and the features are distinct.  Checked on 200 features at d = 6, against
    every chi_S: the mean within 5 standard errors, the variance within 20% of 1/64."""
    tabs = np.array(features(11, d=6, budget=200))
    assert tabs.shape == (200, 64) and len({t.tobytes() for t in tabs}) == 200
    H = 1 - 2 * tabs.astype(np.int64)
    chis = np.array([[1 - 2 * par(S, x) for x in range(64)] for S in range(64)])
    corr = (H @ chis.T) / 64.0  # 200 x 64 correlations
    m = corr.size
    assert abs(corr.mean()) < 5 * np.sqrt(1 / 64 / m)
    assert abs(corr.var() - 1 / 64) < 0.2 / 64
    assert abs(tabs.mean() - 0.5) < 5 * np.sqrt(0.25 / tabs.size)


@pytest.mark.parametrize("responder", ["null", "max_consistent"])
@pytest.mark.parametrize("d", [3, 6, 9])
def test_greedy_predictions_are_exact_and_it_identifies(d, responder):
    g = Greedy()
    o = game(d, responder=responder)
    r = g.learn(o)
    assert r.identified and o.version_space_size == 1
    assert [p for _, p, _ in g.choices] == [a for _, _, a in g.choices] == r.removed
    assert r.queries >= fl.sq_query_lower_bound(2 ** (d - 1), "1/8")
    assert parseval_ok(o, r, "1/8")


def test_greedy_beats_candidate_testing_and_records_its_best_query():
    d = 10
    r = Greedy().learn(game(d))
    assert r.max_removed == 10  # majority of 9 parities: 9 + 1 coefficients above 1/4
    assert r.queries < (2 ** (d - 1) - 1) / 5
    fam = {p.name: p for p in greedy_family(9, "1/8")}
    maj = fam["majority of 9 (signs +)"]
    assert sorted(np.abs(maj.coefficients[np.abs(maj.coefficients) * 4 > 512]).tolist()) == [140] * 10  # 70/256 each


@pytest.mark.parametrize("make", SQ)
@pytest.mark.parametrize("responder", ["null", "max_consistent"])
def test_every_sq_student_obeys_parseval_on_every_query(make, responder):
    for d in range(2, 8):
        for alpha in ("1/8", "1/5", "1/16"):
            o = game(d, alpha, responder)
            r = make().learn(o)  # the oracle raises if the bound is broken
            assert parseval_ok(o, r, alpha)
            assert len(r.version_space_sizes) == r.queries


@pytest.mark.parametrize("make", SQ)
@pytest.mark.parametrize("responder", fl.oracles.RESPONDERS)
def test_the_true_teacher_is_never_lost(make, responder):
    d = 5
    C = fl.paper_teachers(d)
    for k in (0, 5, 15):
        T = C[k]
        o = fl.StatisticalQueryOracle(T, fl.uniform(d), "1/8", responder, concept_class=C, seed=k)
        r = make().learn(o)
        assert o.in_version_space(k)
        if r.identified:
            assert r.hypothesis == T


def test_budget_is_respected():
    r = CandidateTesting().learn(game(8), budget=10)
    assert r.queries == 10 and r.stopped == "budget" and not r.identified
    o = game(8, budget=5)
    r = Greedy().learn(o)
    assert r.queries == 5 and r.stopped == "budget"


def test_judged_against_the_worst_teacher_left():
    o = game(6)
    r = CoordinateCorrelations().learn(o)
    worst, _ = o.worst_case_agreement(r.hypothesis)
    assert worst == Fraction(1, 2)
    o = game(6)
    r = CandidateTesting().learn(o)
    assert o.worst_case_agreement(r.hypothesis)[0] == 1


BAD = [
    (lambda: CandidateTesting().learn(fl.MembershipOracle(fl.parity(3, 1))), fl.InvalidType, ["oracle=", "StatisticalQueryOracle"]),
    (lambda: Greedy().learn("oracle"), fl.InvalidType, ["oracle='oracle'"]),
    (lambda: PaperLearner().learn(game(3)), fl.InvalidType, ["oracle=", "MembershipOracle"]),
    (lambda: OptimalMembership().learn(game(3)), fl.InvalidType, ["MembershipOracle"]),
    (lambda: GF2Elimination().learn(game(3)), fl.InvalidType, ["MembershipOracle"]),
    (lambda: CandidateTesting().learn(fl.StatisticalQueryOracle(fl.parity(3, 1), fl.uniform(3), "1/8")),
     fl.InvalidArgument, ["concept_class"]),
    (lambda: OptimalMembership().learn(fl.MembershipOracle(fl.parity(3, 1))), fl.InvalidArgument, ["concept_class"]),
    (lambda: Greedy().learn(fl.StatisticalQueryOracle(fl.ConceptClass.from_tables([[0, 1, 1, 0], [0, 0, 0, 1]]),
                                                        fl.uniform(2), "1/8", "null")), fl.InvalidArgument, ["parity class"]),
    (lambda: GF2Elimination().learn(fl.MembershipOracle(fl.ConceptClass.from_tables([[0, 1, 1, 0], [0, 0, 0, 1]]))),
     fl.InvalidArgument, ["class of parities"]),
    (lambda: CandidateTesting().learn(game(3), budget=-1), fl.InvalidArgument, ["budget=-1"]),
    (lambda: CandidateTesting().learn(game(3), budget="10"), fl.InvalidType, ["budget='10'"]),
    (lambda: RandomFeatures(seed=1.5).learn(game(3)), fl.InvalidType, ["seed=1.5"]),
    (lambda: RandomFeatures(seed=None), fl.InvalidType, ["seed=None", "reproducible"]),  # refused at once
    (lambda: Greedy(max_k=0), fl.InvalidArgument, ["max_k"]),
    (lambda: Greedy(top=0), fl.InvalidArgument, ["top", "(11, 0, 512)", "ints >= 1"]),
    (lambda: Greedy(max_translates=0), fl.InvalidArgument, ["max_translates", "(11, 4, 0)", "ints >= 1"]),
    (lambda: Greedy(max_k=0, top=0, max_translates=0), fl.InvalidArgument, ["(0, 0, 0)"]),
    (lambda: make_student("sq-magic"), fl.InvalidArgument, ["name='sq-magic'", "candidate-testing"]),
    (lambda: make_student(3), fl.InvalidType, ["name=3"]),
]


@pytest.mark.parametrize("call, exc, words", BAD)
def test_bad_input(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    for w in words:
        assert w in str(info.value)


def test_greedy_family_patterns_by_their_spectra():
    """Inner products are bent (every coefficient +-2^(k/2) in units of 2^-k), up to 2m = 8;
    the alternating-sign majority is the majority with inputs flipped: the same magnitudes."""
    fam = {p.name: p for p in greedy_family(9, "1/128")}
    assert [f"inner product of {k}" in fam for k in (2, 4, 6, 8)] == [True] * 4
    for k in (2, 4, 6, 8):
        c = np.abs(np.asarray(fam[f"inner product of {k}"].coefficients, dtype=np.int64))
        assert c.size == 2**k and set(c.tolist()) == {2 ** (k // 2)}
    for k in (3, 5, 7, 9):
        plus = np.asarray(fam[f"majority of {k} (signs +)"].coefficients, dtype=np.int64)
        alt = np.asarray(fam[f"majority of {k} (signs +-)"].coefficients, dtype=np.int64)
        assert sorted(np.abs(plus).tolist()) == sorted(np.abs(alt).tolist()) and not np.array_equal(plus, alt)


# -- the greedy student tries every candidate as a block translate's anchor -------------------
def _window_removal(values, alpha, responder):
    """Candidates ruled out by the answer of ``responder``, by brute force over the values:
    null answers the point nearest to 1/2 (E[(chi(x, 0) + chi(x, 1))/2] of an agreement
    query) within alpha of some candidate; max_consistent keeps the most values within alpha
    of one answer (a window [v, v + 2 alpha] from a value)."""
    if responder == "null":
        answer = min((min(max(Fraction(1, 2), v - alpha), v + alpha) for v in values),
                     key=lambda A: abs(A - Fraction(1, 2)))
        return sum(abs(v - answer) > alpha for v in values)
    return len(values) - max(sum(v <= u <= v + 2 * alpha for u in values) for v in values)


def _block_translate_removals(d, masks, alpha, responder, max_k, strong_hits=False):
    """For every candidate a as the anchor and every pattern F of the documented family on the
    block B (the first max_k coordinates on which the candidates differ): the agreement query
    with h = [chi_a(x) F(x_B) = +1], each candidate's value P(f_S(x) = h(x)) summed over the
    cube in plain Python, the responder's removal by brute force.  Patterns here: the constant
    (one parity), majorities of k = 3, 5, ... (signs + and +-), inner products of 2m bits,
    kept when a coefficient Fhat(J) (summed from the definition) exceeds 2 alpha."""
    n = 1 << d
    varying = 0
    for S in masks:
        varying |= S ^ masks[0]
    block = [i for i in range(d) if varying >> i & 1][:max_k]
    K = len(block)

    def majority(k, signs):
        return lambda y: 1 if sum(s * (1 - 2 * y[j]) for j, s in enumerate(signs)) > 0 else -1

    patterns = [(0, lambda y: 1)]
    for k in range(3, K + 1, 2):
        patterns += [(k, majority(k, [1] * k)), (k, majority(k, [(-1) ** j for j in range(k)]))]
    for k in range(2, min(K, 8) + 1, 2):
        patterns.append((k, lambda y: 1 - 2 * (sum(y[j] * y[j + 1] for j in range(0, len(y) - 1, 2)) % 2)))

    def strong(k, F):
        ys = [[(m >> j) & 1 for j in range(k)] for m in range(1 << k)]
        return any(abs(Fraction(sum(F(y) * (-1) ** sum(y[j] for j in range(k) if J >> j & 1) for y in ys), 1 << k))
                   > 2 * alpha for J in range(1 << k))

    out = {}
    for k, F in patterns:
        if not strong(k, F):
            continue
        for a in masks:
            h = [int((1 - 2 * par(a, x)) * F([(x >> block[j]) & 1 for j in range(k)]) > 0) for x in range(n)]
            values = [Fraction(sum(h[x] == par(S, x) for x in range(n)), n) for S in masks]
            removal = _window_removal(values, alpha, responder)
            # the strong hits: the candidates whose value is more than alpha from the null value 1/2
            out[(k, F, a)] = (removal, sum(abs(v - Fraction(1, 2)) > alpha for v in values)) if strong_hits else removal
    return out


def _greedy_top_translates_bound(d, masks, alpha, responder, max_k, top):
    """The most any pattern's ``top`` block translates with the most strong hits (ties: the
    first in the version space's order) rule out, every candidate a translate (step 1), all by
    brute force: the greedy's first query rules out at least as many."""
    table = _block_translate_removals(d, masks, Fraction(alpha), responder, max_k, strong_hits=True)
    best = 0
    for pattern in {(k, F) for k, F, _ in table}:
        ranked = sorted(masks, key=lambda a: -table[(*pattern, a)][1])  # stable: ties by position
        best = max([best] + [table[(*pattern, a)][0] for a in ranked[:top]])
    return best


@pytest.mark.parametrize("d, masks, alpha, responder, max_k, top", [
    (3, [2, 4, 7], "1/16", "null", 2, 1),
    (3, [2, 4, 5], "1/16", "null", 3, 1),
    (5, [1, 12, 13], "3/16", "null", 3, 1),
    (4, [1, 2, 3, 4, 7, 8, 10, 12, 13, 14], "1/16", "max_consistent", 3, 2),
])
def test_greedy_weighs_the_translates_with_the_most_strong_hits(d, masks, alpha, responder, max_k, top):
    """With fewer kept translates than candidates (top < n), the kept ones are those with the
    most strong hits: the greedy's first query rules out at least the best of them."""
    from finitelearn.learners import sq

    bound = _greedy_top_translates_bound(d, masks, alpha, responder, max_k, top)
    for kernel in (False, True):  # the numpy step, then the kernel step (forced on this small cube)
        old, sq._NUMPY_MAX_POINTS = sq._NUMPY_MAX_POINTS, (1 if kernel else sq._NUMPY_MAX_POINTS)
        try:
            got = _greedy_first_removal(d, masks, alpha, responder, max_k=max_k, top=top, max_translates=len(masks))
        finally:
            sq._NUMPY_MAX_POINTS = old
        assert got >= bound, kernel


def _greedy_first_removal(d, masks, alpha, responder, **kw):
    C = fl.parities(d).subclass(masks)
    o = fl.StatisticalQueryOracle(C, fl.uniform(d), alpha, responder)
    Greedy(**kw).learn(o, budget=1)
    return o.transcript[0].removed


def test_greedy_tries_every_candidate_as_the_anchor_when_there_are_few():
    """Four candidates {0, 4, 6, 7} at d = 3, alpha = 1/16, blocks of 2 coordinates: by brute
    force only the anchors 4 and 7 (positions 1 and 3) let an inner product of 2 rule out 2
    against the max-consistent adversary.  While n // max_translates <= 1 every candidate is
    an anchor, so the first query rules out 2; at max_translates = 2 (step 2: anchors 0 and
    6) the search misses them, so the example pins the width at n // max_translates = 1."""
    d, masks, alpha = 3, [0, 4, 6, 7], Fraction(1, 16)
    removals = _block_translate_removals(d, masks, alpha, "max_consistent", max_k=2)
    by_anchor = {a: max(r for (_, _, b), r in removals.items() if b == a) for a in masks}
    assert by_anchor == {0: 1, 4: 2, 6: 1, 7: 2}
    from finitelearn.learners import sq

    for kernel in (False, True):  # the numpy step, then the kernel step (forced on this small cube)
        old, sq._NUMPY_MAX_POINTS = sq._NUMPY_MAX_POINTS, (1 if kernel else sq._NUMPY_MAX_POINTS)
        try:
            for m in (3, 4, 512):  # 4 // m <= 1: step 1, every anchor
                assert _greedy_first_removal(d, masks, alpha, "max_consistent", max_k=2, max_translates=m) == 2
            for m in (1, 2):  # step 4, 2: anchors {0}, {0, 6}
                assert _greedy_first_removal(d, masks, alpha, "max_consistent", max_k=2, max_translates=m) < 2
        finally:
            sq._NUMPY_MAX_POINTS = old


@pytest.mark.parametrize("d, masks, alpha, responder, max_k", [
    (4, [0, 4, 9], "1/16", "null", 2),  # the block is coordinates 0 and 2 (3 varies too, 1 does not)
    (3, [0, 4, 6, 7], "1/16", "max_consistent", 2),
    (4, [3, 11, 15], "1/8", "null", 3),  # bits 0 and 1 are set in every member: they do not vary
    (5, [1, 3, 10, 15, 29], f"1/{2**61}", "null", 3),  # a tolerance beyond int64: simulated in Python ints
    (5, [4, 8, 10, 24], f"1/{2**61}", "max_consistent", 2),
])
def test_greedy_matches_the_best_block_translate_on_hand_picked_classes(d, masks, alpha, responder, max_k):
    """Classes where one coordinate below the block does not vary: the block is the first
    max_k coordinates on which the candidates differ (the docstring), so the best block
    translate, brute-forced on that block, is within the greedy's reach."""
    best = max(_block_translate_removals(d, masks, Fraction(alpha), responder, max_k).values())
    n = len(masks)
    assert _greedy_first_removal(d, masks, alpha, responder, max_k=max_k, max_translates=n, top=n) >= best >= 1


@settings(deadline=None, max_examples=25)
@given(st.integers(3, 4).flatmap(lambda d: st.tuples(
    st.just(d), st.lists(st.integers(0, (1 << d) - 1), min_size=2, max_size=7, unique=True),
    st.sampled_from(["1/16", "1/8", "3/16"]), st.sampled_from(["null", "max_consistent"]), st.integers(2, 3))))
# a null-responder tie (values 1/4, 1/4 for f_3, f_1 and 3/4 for f_0): the oracle answers near the
# member first in the version space (f_0), which the simulation once broke by hit order instead
@example((3, [0, 1, 3], "1/16", "null", 2))
# the even parities at d = 3 (the version space after the greedy's first query on all 8 at 1/32): the
# best block translate is of a pattern on fewer bits than the block (3 bits vary, max_k = 3)
@example((3, [0, 3, 5, 6], "1/32", "max_consistent", 3))
def test_greedy_is_at_least_as_good_as_every_block_translate(args):
    """With every candidate an anchor and simulated (max_translates, top >= n), the greedy
    first query rules out at least as many as the best block-translate query, brute-forced."""
    d, masks, alpha, responder, max_k = args
    best = max(_block_translate_removals(d, masks, Fraction(alpha), responder, max_k).values(), default=0)
    n = len(masks)
    assert _greedy_first_removal(d, masks, alpha, responder, max_k=max_k, max_translates=n, top=n) >= best


def test_greedy_family_default_max_k_is_11():
    # the documented default: patterns on at most min(block_size, 11) coordinates
    names = [p.name for p in greedy_family(12, "1/1024")]
    assert "majority of 11 (signs +)" in names and "majority of 11 (signs +-)" in names
    assert names == [p.name for p in greedy_family(12, "1/1024", max_k=11)]
    assert names != [p.name for p in greedy_family(12, "1/1024", max_k=10)]


def test_greedy_stops_when_no_query_of_its_family_rules_anyone_out():
    """Two parities at alpha = 3/8 against the max-consistent adversary: the family is the one-parity
    pattern alone (every other pattern's coefficients are at most 1/2 <= 2 alpha), whose query gives
    the two candidates values 1/2 and 0 or 1, one window of width 2 alpha = 3/4 apart at most: no
    query rules anyone out, so the student asks none and stops."""
    assert [p.name for p in greedy_family(3, "3/8")] == ["one parity"]
    o = fl.StatisticalQueryOracle(fl.parities(3).subclass([1, 2]), fl.uniform(3), "3/8", "max_consistent")
    r = Greedy().learn(o)
    assert (r.stopped, r.queries, o.version_space_size) == ("no progress", 0, 2)
    from finitelearn.learners import sq

    old, sq._NUMPY_MAX_POINTS = sq._NUMPY_MAX_POINTS, 1  # the kernel step says so too
    try:
        r = Greedy().learn(fl.StatisticalQueryOracle(fl.parities(3).subclass([1, 2]), fl.uniform(3), "3/8",
                                                     "max_consistent"))
    finally:
        sq._NUMPY_MAX_POINTS = old
    assert (r.stopped, r.queries) == ("no progress", 0)
    # the step itself, by either route: nothing ruled out, no query
    vs = np.array([1, 2], dtype=np.int64)
    pos = np.full(8, -1, dtype=np.int64)
    pos[vs] = [0, 1]
    g = Greedy()
    g._strong, g._arrays, g._spans = {}, {}, {}
    family = sq._family(2, Fraction(3, 8))
    assert g._best_python(family, vs, pos, [1, 2], "max_consistent", Fraction(3, 8)) == (0, None, None, None)
    old, sq._NUMPY_MAX_POINTS = sq._NUMPY_MAX_POINTS, 1
    try:
        assert g._best(family, vs, pos, [1, 2], "max_consistent", Fraction(3, 8)) == (0, None, None, None)
    finally:
        sq._NUMPY_MAX_POINTS = old


@pytest.mark.parametrize("alpha", ["1/2", "3/4", "1"])
@pytest.mark.parametrize("responder", ["max_consistent", "null", "truthful"])
def test_greedy_at_a_tolerance_of_one_half_or_more_asks_nothing(alpha, responder):
    """At alpha >= 1/2 every pattern's coefficients are at most 1 <= 2 alpha, so the family is
    empty (by the definition of a strong coefficient), and the worst case it plans for rules
    nobody out: the answer 1/2 lies within alpha of every value in [0, 1].  The student stops
    "no progress" without a query (it used to raise on the empty family)."""
    C = fl.paper_teachers(4)
    assert greedy_family(4, alpha) == []
    h = [(x >> 1) & 1 for x in range(16)]  # the worst case by hand: 1/2 is within alpha of every value
    for S in range(16):
        v = Fraction(sum(h[x] == bin(x & S).count("1") % 2 for x in range(16)), 16)
        assert abs(v - Fraction(1, 2)) <= Fraction(alpha)
    o = fl.StatisticalQueryOracle(C[5], fl.uniform(4), alpha, responder, concept_class=C)
    r = Greedy().learn(o)
    assert (r.stopped, r.queries, o.version_space_size) == ("no progress", 0, len(C))


def test_greedy_accepts_the_smallest_settings():
    """max_k = top = max_translates = 1 is allowed (the refusal is of values below 1) and still
    identifies: one direction, one translate, one kept per pattern."""
    g = Greedy(max_k=1, top=1, max_translates=1)
    assert (g.max_k, g.top, g.max_translates) == (1, 1, 1)
    o = game(4)
    r = g.learn(o)
    assert r.identified and o.version_space_size == 1
    assert r.queries >= fl.sq_query_lower_bound(2 ** 3, "1/8")


def test_greedy_family_tables_by_their_definitions():
    """Each pattern's table, indexed by the block bits y: the majorities sign(sum_j s_j (-1)^(y_j))
    with s = (1, 1, ...) or alternating (1, -1, 1, ...), the inner product
    (-1)^(y_0 y_1 + y_2 y_3 + ...), the constant 1; and its spectrum from the definition."""
    fam = {p.name: p for p in greedy_family(7, "1/128")}

    def table(k, F):
        return [F([(m >> j) & 1 for j in range(k)]) for m in range(1 << k)]

    want = {"one parity": (0, lambda y: 1)}
    for k in (3, 5, 7):
        for signs, tag in (([1] * k, "+"), ([(-1) ** j for j in range(k)], "+-")):
            want[f"majority of {k} (signs {tag})"] = (
                k, lambda y, s=signs: 1 if sum(sj * (1 - 2 * yj) for sj, yj in zip(s, y)) > 0 else -1)
    for k in (2, 4, 6):
        want[f"inner product of {k}"] = (k, lambda y: (-1) ** sum(y[j] * y[j + 1] for j in range(0, len(y) - 1, 2)))
    assert sorted(fam) == sorted(want)
    for name, (k, F) in want.items():
        t = table(k, F)
        p = fam[name]
        assert p.k == k and p.table.tolist() == t, name
        spec = naive.wht(t)
        assert p.support.tolist() == [J for J in range(1 << k) if spec[J]]
        assert p.coefficients.tolist() == [spec[J] for J in range(1 << k) if spec[J]]


def test_independent_differences_against_plain_elimination():
    """Up to k differences vs[anchor] ^ s for the candidates s after the anchor (cyclically, in
    order), each kept when independent over GF(2) of those kept before: a plain rank test."""
    from finitelearn.learners.sq import _independent_differences

    def rank(vectors):
        basis = []
        for v in vectors:
            for b in basis:
                v = min(v, v ^ b)
            if v:
                basis.append(v)
        return len(basis)

    rng = np.random.default_rng(7)
    for _ in range(60):
        d = int(rng.integers(2, 7))
        vs = np.array(sorted(rng.choice(1 << d, size=int(rng.integers(2, min(1 << d, 12) + 1)), replace=False)))
        anchor = int(rng.integers(0, len(vs)))
        k = int(rng.integers(1, d + 1))
        a = int(vs[anchor])
        want = []
        for step in range(1, len(vs)):
            v = a ^ int(vs[(anchor + step) % len(vs)])
            if len(want) < k and rank(want + [v]) > len(want):
                want.append(v)
        assert _independent_differences(vs, anchor, k) == want
        assert _independent_differences(vs, anchor, k, kernel=True) == want


def test_greedy_predictions_stay_exact_at_a_tolerance_beyond_int64():
    """alpha = 2^-61: the simulated values (n - c) b reach 2^64 in int64 units, so the greedy
    must simulate in Python ints; its predictions equal the oracle's removals (which are
    recounted here from the candidates' exact values)."""
    alpha = Fraction(1, 2**61)
    for d in (3, 4):
        o = game(d, alpha)
        g = Greedy()
        r = g.learn(o, budget=3)
        assert [p for _, p, _ in g.choices] == [a for _, _, a in g.choices] == r.removed
        assert parseval_ok(o, r, alpha)
    # a class of 11 parities at d = 4 against the max-consistent adversary: steps where some
    # candidate's support misses the version space (its hits and non-hits both occur)
    o = fl.StatisticalQueryOracle(fl.parities(4).subclass([2, 3, 4, 5, 6, 7, 9, 10, 13, 14, 15]), fl.uniform(4),
                                  alpha, "max_consistent")
    g = Greedy(max_k=3, top=2, max_translates=16)
    g.learn(o, budget=3)
    removed = [e.removed for e in o.transcript]
    assert len(removed) == 3 and min(removed) >= 1  # 11 candidates are not identified in 3 queries
    assert [p for _, p, _ in g.choices] == [a for _, _, a in g.choices] == removed
    assert removed == _recount_removals(o, alpha)



@settings(deadline=None, max_examples=80)
@given(st.data())
def test_greedy_step_kernel_chooses_as_the_plain_loop(data):
    """One step of the greedy search: the kernel (every candidate in one call) returns the same
    (removed, pattern, anchor, directions) as the plain loop that simulates them one by one, and
    both the step built from the definitions (``naive.greedy_step``: each query's table point by
    point, its value for every candidate counted over the cube), which shares none of their code
    (anchors, directions, strong hits, simulation)."""
    _kernel_step_against_the_plain_loop(data)


@settings(deadline=None, max_examples=25)
@given(st.data())
def test_greedy_step_kernel_as_plain_python_chooses_as_the_plain_loop(data):
    """The same, with the kernels' source run as plain Python (their py_func, on bounds-checked
    numpy arrays and numpy scalars, as NUMBA_DISABLE_JIT=1 runs them): compiled code does not
    check bounds, so a slice read past its end, or a product that only numba widens, would pass
    the compiled comparison and fail here."""
    from finitelearn._kernels import greedy as GK

    with pytest.MonkeyPatch.context() as mp:
        for name in ("simulate_removed", "_span_of", "best_candidate", "independent_differences"):
            kernel = getattr(GK, name)  # best_candidate's calls resolve to the plain forms
            mp.setattr(GK, name, getattr(kernel, "py_func", kernel))  # (NUMBA_DISABLE_JIT=1: already plain)
        _kernel_step_against_the_plain_loop(data, max_d=7, max_members=30)


def _kernel_step_against_the_plain_loop(data, max_d=9, max_members=60):
    d = data.draw(st.integers(3, max_d), label="d")
    masks = sorted(data.draw(st.sets(st.integers(0, (1 << d) - 1), min_size=2, max_size=max_members), label="vs"))
    order = data.draw(st.permutations(masks), label="order")  # the version space in any order
    vs = np.array(order, dtype=np.int64)
    alpha = Fraction(data.draw(st.sampled_from(["1/16", "1/8", "3/16", "1/32", "1/5"])))
    kind = data.draw(st.sampled_from(["null", "max_consistent"]), label="kind")
    g = Greedy(max_k=data.draw(st.integers(1, 6), label="max_k"), top=data.draw(st.integers(1, 5), label="top"),
               max_translates=data.draw(st.integers(1, 40), label="max_translates"))
    _compare_step(g, d, vs, alpha, kind)


def test_greedy_step_kernel_on_subspaces_of_lower_dimension():
    """Version spaces that are linear codes: their differences span fewer directions than the
    bits they vary in, so an anchor has fewer free directions than the family's largest pattern,
    and the patterns it cannot take must be skipped, not end the anchor's turn (the family is
    not ordered by size: majorities of 3 come before the inner product of 2). Kernel step
    against the plain loop, both adversaries."""
    rng = np.random.default_rng(7)
    for trial in range(40):
        d = int(rng.integers(4, 8))
        r = int(rng.integers(2, 4))
        gens = rng.integers(1, 1 << d, size=r).tolist()
        code = {0}
        for v in gens:
            code |= {c ^ v for c in code}
        vs = np.array(rng.permutation(sorted(code)), dtype=np.int64)
        if vs.shape[0] < 4:
            continue
        for kind in ("null", "max_consistent"):
            for alpha in (Fraction(1, 8), Fraction(1, 16)):
                _compare_step(Greedy(max_k=int(rng.integers(3, 7))), d, vs, alpha, kind)


def _compare_step(g, d, vs, alpha, kind):
    from finitelearn.learners import sq
    from finitelearn.learners.sq import _family

    g._strong, g._arrays, g._spans = {}, {}, {}
    pos = np.full(1 << d, -1, dtype=np.int64)
    pos[vs] = np.arange(vs.shape[0])
    varying = int(np.bitwise_or.reduce(vs ^ vs[0]))
    block = [1 << i for i in range(d) if (varying >> i) & 1][: g.max_k]
    family = _family(min(bin(varying).count("1"), g.max_k), alpha)
    old, sq._NUMPY_MAX_POINTS = sq._NUMPY_MAX_POINTS, 1  # the kernel on every cube of 2 points or more
    try:
        fast = g._best(family, vs, pos, block, kind, alpha)
    finally:
        sq._NUMPY_MAX_POINTS = old
    plain = g._best_python(family, vs, pos, block, kind, alpha)
    assert (fast[0], fast[1], fast[2], fast[3]) == (plain[0], plain[1], plain[2], plain[3])
    # both routes against the step built from the definitions (tests/naive.py)
    want = naive.greedy_step(d, [int(v) for v in vs], [(p.k, [int(v) for v in p.table]) for p in family], block,
                             kind, alpha, g.max_k, g.top, g.max_translates)
    got = (fast[0], None if fast[1] is None else family.index(fast[1]), fast[2],
           None if fast[3] is None else [int(v) for v in fast[3]])
    assert got == want


@settings(deadline=None, max_examples=150)
@given(st.data())
def test_simulate_removed_in_python_ints_against_the_definition(data):
    """The greedy's Python-int simulation (its path at tolerances beyond int64) at every kind of
    tolerance: the hits' values 1/2 - c / 2^(k+1) in the version space's order, the other
    members at 1/2, as exact Fractions, and the adversary's removal from its definition."""
    from finitelearn.learners.sq import _simulate_removed

    k = data.draw(st.integers(0, 4), label="k")
    n = 1 << k
    coefs = data.draw(st.lists(st.integers(-n, n).filter(bool), max_size=2 * n), label="hit coefficients")
    rest = data.draw(st.integers(0 if coefs else 1, 4), label="members not hit")
    alpha = Fraction(data.draw(st.sampled_from(["1/2", "1/4", "3/16", "1/8", "1/16", "1/32", "1/5", "2^-61"]).map(
        lambda a: "1/" + str(2**61) if a == "2^-61" else a), label="alpha"))
    kind = data.draw(st.sampled_from(["null", "max_consistent"]), label="kind")
    values = [Fraction(1, 2) - Fraction(c, 2 * n) for c in coefs] + [Fraction(1, 2)] * rest
    got = _simulate_removed(kind, len(values), np.array(coefs, dtype=np.int64), k, alpha)
    assert got == naive.adversary_removed(kind, values, Fraction(1, 2), alpha)


def test_simulate_removed_in_python_ints_examples():
    from finitelearn.learners.sq import _simulate_removed

    # k = 1 (values 1/2 - c/4): hits c = 1, 1, -2 at 1/4, 1/4, 1, one member at 1/2; alpha = 1/8
    # null: 1/2 is a member's value, answered; the three hits are ruled out
    assert _simulate_removed("null", 4, np.array([1, 1, -2]), 1, Fraction(1, 8)) == 3
    # max-consistent: the window [1/4, 1/2] holds three (1/4, 1/4, 1/2): one ruled out
    assert _simulate_removed("max_consistent", 4, np.array([1, 1, -2]), 1, Fraction(1, 8)) == 1
    # every member hit: the null responder answers the nearest (1/4, first) moved to 3/8: keeps two
    assert _simulate_removed("null", 3, np.array([1, 1, -2]), 1, Fraction(1, 8)) == 1


@pytest.mark.parametrize("alpha", [Fraction(1, 2**61), Fraction(1, 3**37), Fraction(1, 8)])
def test_greedy_step_at_d_13_the_kernel_only_where_int64_holds(alpha):
    """At d = 13 (more than 2^12 points) the step is one kernel call unless its values outgrow
    int64 (2^-61, 3^-37: (2^k - c) b passes 2^63), where the plain loop in Python ints runs; either
    way the step is the plain loop's (60 members drawn from the cube, both adversaries)."""
    from finitelearn.learners import sq

    d = 13
    rng = np.random.default_rng(13)
    vs = np.array(rng.choice(1 << d, size=60, replace=False), dtype=np.int64)
    pos = np.full(1 << d, -1, dtype=np.int64)
    pos[vs] = np.arange(vs.shape[0])
    varying = int(np.bitwise_or.reduce(vs ^ vs[0]))
    for kind in ("null", "max_consistent"):
        g = Greedy()
        g._strong, g._arrays, g._spans = {}, {}, {}
        block = [1 << i for i in range(d) if (varying >> i) & 1][: g.max_k]
        family = sq._family(min(bin(varying).count("1"), g.max_k), alpha)
        step = g._best(family, vs, pos, block, kind, alpha)
        plain = g._best_python(family, vs, pos, block, kind, alpha)
        assert step[0] >= 1 and (step[0], step[1], step[2], step[3]) == (plain[0], plain[1], plain[2], plain[3])


def test_greedy_step_weighs_the_free_directions_of_the_anchor_at_two_thirds():
    """56 members at d = 7 in a drawn order, alpha = 1/32, the null adversary: the best query of
    the step (32 ruled out, by both routes) is the inner product of 6 on the free directions of
    the anchor at position 2n/3 = 37; its removal recounted from the definition (each member's
    agreement with the query's table by enumeration, the null adversary's answer from its
    definition)."""
    from finitelearn.learners import sq

    d = 7
    order = [108, 26, 83, 62, 38, 2, 59, 58, 96, 88, 51, 56, 23, 120, 4, 92, 32, 46, 127, 47, 57, 67, 110, 76,
             117, 28, 0, 126, 33, 109, 18, 114, 68, 24, 20, 100, 122, 21, 74, 103, 64, 90, 81, 3, 17, 14, 77, 86,
             116, 124, 115, 7, 91, 118, 107, 40]
    vs = np.array(order, dtype=np.int64)
    alpha = Fraction(1, 32)
    g = Greedy(max_k=6, top=1, max_translates=16)
    g._strong, g._arrays, g._spans = {}, {}, {}
    pos = np.full(1 << d, -1, dtype=np.int64)
    pos[vs] = np.arange(vs.shape[0])
    varying = int(np.bitwise_or.reduce(vs ^ vs[0]))
    block = [1 << i for i in range(d) if (varying >> i) & 1][: g.max_k]
    family = sq._family(min(bin(varying).count("1"), g.max_k), alpha)
    plain = g._best_python(family, vs, pos, block, "null", alpha)
    old, sq._NUMPY_MAX_POINTS = sq._NUMPY_MAX_POINTS, 1  # the kernel step
    try:
        fast = g._best(family, vs, pos, block, "null", alpha)
    finally:
        sq._NUMPY_MAX_POINTS = old
    assert plain[0] == fast[0] == 32
    assert plain[2] == fast[2] == order[2 * len(order) // 3] == 21
    removed, pat, a, dirs = plain
    h = naive.greedy_query_table(d, dirs, a, pat.table.tolist())
    values = [Fraction(sum(h[x] == par(S, x) for x in range(1 << d)), 1 << d) for S in order]
    assert naive.adversary_removed("null", values, Fraction(1, 2), alpha) == 32


@pytest.mark.parametrize("alpha", ["1/8", "1/4", "3/10", "1/2", "1/16",
                                   f"1/{2**61}", f"3/{2**65}"])  # b 2^k beyond int64: Python ints
def test_a_pattern_s_strong_set_is_fhat_above_2_alpha_by_definition(alpha):
    """strong(alpha) = the J with |Fhat(J)| > 2 alpha (strictly: |Fhat| = 2 alpha is not strong),
    Fhat summed by the definition in plain Python from each pattern's +-1 table."""
    from finitelearn.learners.sq import QueryPattern

    a = Fraction(alpha)
    for p in greedy_family(6, "1/64"):
        fhat = naive.fourier([(1 - int(v)) // 2 for v in p.table.tolist()])  # +1 -> bit 0, -1 -> bit 1
        want = [J for J, c in enumerate(fhat) if abs(c) > 2 * a]
        assert p.strong(a).tolist() == want, p.name
    one = QueryPattern.from_table("one parity", [1])  # |Fhat| = 1 = 2 alpha at alpha = 1/2: not strong
    assert one.strong(Fraction(1, 2)).tolist() == [] and one.strong(Fraction(49, 100)).tolist() == [0]


def test_random_features_default_seed_is_0():
    T = fl.parity(5, {0, 3})
    C = fl.parities(5)
    a = fl.StatisticalQueryOracle(T, fl.uniform(5), "1/8", concept_class=C)
    b = fl.StatisticalQueryOracle(T, fl.uniform(5), "1/8", concept_class=C)
    RandomFeatures().learn(a, budget=5)
    RandomFeatures(seed=0).learn(b, budget=5)
    assert [e.answer for e in a.transcript] == [e.answer for e in b.transcript]
    assert [e.version_space_size for e in a.transcript] == [e.version_space_size for e in b.transcript]
