"""Membership-query students: Theorem 4.3 exhaustively, the optimal count, Gaussian elimination."""

from __future__ import annotations

import time

import numpy as np
import pytest

import finitelearn as fl
from finitelearn.learners import GF2Elimination, OptimalMembership, PaperLearner


def theorem_4_3_exhaustive(d):
    """Run the d+1 learner through a MembershipOracle on every teacher of (4.3); return the count."""
    C = fl.paper_teachers(d)
    want_points = [0] + [1 << i for i in range(d)]
    for k, T in enumerate(C):
        o = fl.MembershipOracle(T)
        r = PaperLearner().learn(o)
        assert r.queries == d + 1 == o.queries
        assert [e.query for e in o.transcript] == want_points  # 0, e_1, ..., e_d
        assert r.subset == int(C.masks[k])  # S recovered exactly: the hypothesis is f_S = T
        assert r.identified
    return len(C)


@pytest.mark.parametrize("d", range(1, 13))
def test_theorem_4_3_every_teacher_up_to_d_12(d):
    assert theorem_4_3_exhaustive(d) == 2 ** (d - 1)


@pytest.mark.slow
def test_theorem_4_3_every_teacher_up_to_d_20():
    for d in range(13, 21):
        t = time.perf_counter()
        theorem_4_3_exhaustive(d)
        print(f"d={d}: {2 ** (d - 1)} teachers x {d + 1} data queries in {time.perf_counter() - t:.1f} s")


@pytest.mark.parametrize("d", [2, 4, 6])
def test_hypothesis_is_the_teacher_and_strongly_robust(d):
    """Definition 3.1 with a teacher that is never uncertain: robust iff h = T everywhere."""
    for T in fl.paper_teachers(d):
        h = PaperLearner().learn(fl.MembershipOracle(T)).hypothesis
        assert h == T
        assert bool(fl.is_strongly_robust(h, fl.Teacher.from_table(T.truth_table)))


def test_paper_learner_handles_complements_and_any_parity():
    d = 5
    for S in range(32):
        for T in (fl.parity(d, S), ~fl.parity(d, S)):
            assert PaperLearner().learn(fl.MembershipOracle(T)).hypothesis == T


@pytest.mark.parametrize("d", range(2, 9))
def test_optimal_meets_log2_class_size(d):
    C = fl.paper_teachers(d)
    game = fl.MembershipOracle(C)
    r = OptimalMembership().learn(game)
    assert r.queries == d - 1 == fl.membership_query_lower_bound(len(C)) and r.identified
    for T in list(C)[:: max(1, len(C) // 16)]:
        r = OptimalMembership().learn(fl.MembershipOracle(T, concept_class=C))
        assert r.queries == d - 1 and r.hypothesis == T
    # and the paper's learner, in the same game, uses d + 1 (two of its queries tell nothing)
    game = fl.MembershipOracle(C)
    r = PaperLearner().learn(game)
    assert r.queries == d + 1 and r.removed[:2] == [0, 0] and r.identified


@pytest.mark.parametrize("d", [2, 3, 4])
def test_optimal_equals_the_exact_minimax(d):
    """Issue 5's exact minimax over adaptive strategies agrees: d - 1 for the class (4.3)."""
    assert fl.membership_query_complexity(fl.paper_teachers(d)).queries == d - 1


def test_no_student_beats_the_information_bound_against_the_adversary():
    rng = np.random.default_rng(0)
    d = 6
    for _ in range(20):
        o = fl.MembershipOracle(fl.paper_teachers(d))
        while o.version_space_size > 1:
            o.query(int(rng.integers(0, 1 << d)))
        assert o.queries >= d - 1


def test_optimal_on_a_general_class():
    tables = [[(k >> i) & 1 for i in range(8)] for k in (3, 5, 6, 9, 10, 12, 17, 200)]
    C = fl.ConceptClass.from_tables(tables)
    for T in C:
        r = OptimalMembership().learn(fl.MembershipOracle(T, concept_class=C))
        assert r.hypothesis == T and r.identified
    r = OptimalMembership().learn(fl.MembershipOracle(C))  # the adversary: at least log2 8 = 3
    assert r.identified and r.queries >= 3


@pytest.mark.parametrize("d", range(2, 8))
def test_gf2_elimination_finds_every_teacher(d):
    C = fl.paper_teachers(d)
    counts = []
    for k, T in enumerate(C):
        r = GF2Elimination(seed=k).learn(fl.MembershipOracle(T, concept_class=C))
        assert r.hypothesis == T and r.identified and r.subset == int(C.masks[k])
        assert r.queries >= d - 1
        counts.append(r.queries)
    if d >= 5:  # expected about (d - 1) + 1.6 queries
        assert np.mean(counts) < d + 2


def plain_rank(rows):
    """Rank over GF(2) of the bit vectors ``rows`` (ints), by plain row reduction."""
    rows, rank = list(rows), 0
    for bit in range(max((r.bit_length() for r in rows), default=0)):
        pivot = next((k for k in range(rank, len(rows)) if rows[k] >> bit & 1), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        rows = rows[:rank + 1] + [r ^ rows[rank] if r >> bit & 1 else r for r in rows[rank + 1:]]
        rank += 1
    return rank


def gf2_points(seed, T, concept_class=None):
    o = fl.MembershipOracle(T, concept_class=concept_class)
    r = GF2Elimination(seed=seed).learn(o)
    return r, [int(e.query) for e in o.transcript]


@pytest.mark.parametrize("seed", range(8))
def test_gf2_elimination_stops_at_full_rank_and_is_seeded(seed):
    """The points asked are the seed's, and the student stops at the first query after which
    they span all unknowns (rank d without a class, rank d - 1 of the free bits in (4.3))."""
    d = 7
    T = fl.parity(d, 0b1010011)
    a, pa = gf2_points(seed, T)
    b, pb = gf2_points(seed, T)
    assert a.hypothesis == T and a.identified and a.subset == 0b1010011
    assert pa == pb and a.queries == b.queries == len(pa) >= d  # one seed, one run
    assert pa != gf2_points(seed + 100, T)[1]  # another seed, other points
    assert gf2_points(np.random.default_rng(seed), T)[1] == gf2_points(np.random.default_rng(seed), T)[1]
    ranks = [plain_rank(pa[:k + 1]) for k in range(len(pa))]
    assert ranks[-1] == d and all(r < d for r in ranks[:-1])
    C = fl.paper_teachers(d)
    r, pts = gf2_points(seed, T, C)
    free = [p & ~1 for p in pts]  # x_1 is known to be in S
    ranks = [plain_rank(free[:k + 1]) for k in range(len(free))]
    assert r.hypothesis == T and ranks[-1] == d - 1 and all(q < d - 1 for q in ranks[:-1])


def test_gf2_elimination_asks_uniform_points():
    """Over 150 seeds at d = 4, the points asked are uniform on the 16 points (a chi-square
    statistic below 40 with 15 degrees of freedom: its 0.1% tail starts near 37.7)."""
    T = fl.parity(4, 0b0110)
    pts = [p for seed in range(150) for p in gf2_points(seed, T)[1]]
    counts = np.bincount(pts, minlength=16)
    expected = len(pts) / 16
    assert ((counts - expected) ** 2 / expected).sum() < 40
    # the first point of different seeds differs too: not one fixed opening sequence
    assert len({gf2_points(seed, T)[1][0] for seed in range(40)}) >= 12


def test_budgets():
    C = fl.paper_teachers(6)
    r = PaperLearner().learn(fl.MembershipOracle(C[3]), budget=3)
    assert r.stopped == "budget" and not r.identified and r.queries == 3
    r = GF2Elimination(seed=0).learn(fl.MembershipOracle(C[3], concept_class=C), budget=2)
    assert r.stopped == "budget" and not r.identified and r.queries == 2
    o = fl.MembershipOracle(C, budget=2)
    r = OptimalMembership().learn(o)
    assert r.stopped == "budget" and r.queries == 2
    with pytest.raises(fl.QueryBudgetExceeded):
        o.query(0)


def test_gf2_elimination_default_seed_and_budget_stop_without_a_class():
    T = fl.parity(6, 0b101101)
    r = GF2Elimination().learn(fl.MembershipOracle(T))  # the default seed is a valid seed
    assert r.identified and r.hypothesis == T
    r = GF2Elimination(seed=1).learn(fl.MembershipOracle(T), budget=2)
    # stopped early without a class: the parity of the coordinates known to be in S (none)
    assert r.stopped == "budget" and not r.identified and r.hypothesis == fl.parity(6, 0)


@pytest.mark.parametrize("seed", range(4))
def test_gf2_elimination_on_a_class_with_a_coordinate_known_to_be_out(seed):
    """parities(5, containing={0}, excluding={2}): x_1 in S and x_3 not; 3 unknowns."""
    C = fl.parities(5, containing={0}, excluding={2})
    for k, T in enumerate(C):
        o = fl.MembershipOracle(T, concept_class=C)
        r = GF2Elimination(seed=seed).learn(o)
        assert r.identified and r.hypothesis == T and r.subset == int(C.masks[k])
        free = [int(e.query) & 0b11010 for e in o.transcript]
        assert plain_rank(free) == 3 and plain_rank(free[:-1]) < 3


@pytest.mark.parametrize("mask", [0, 5, 15])
def test_gf2_elimination_on_a_class_of_one_member_asks_nothing(mask):
    """Every coordinate of S is known from a one-member class (no bit varies), so there is
    nothing to solve for: identified with no query, the member's own mask."""
    d = 4
    C = fl.parities(d).subclass([mask])
    o = fl.MembershipOracle(C[0], concept_class=C)
    r = GF2Elimination(seed=3).learn(o)
    assert r.identified and r.queries == 0 and r.subset == mask and o.queries == 0


def test_gf2_elimination_default_seed_is_0_and_none_is_refused_at_once():
    """The signature's default seed=0 is the run GF2Elimination(seed=0) makes (the same
    points asked); seed=None is refused when the student is made, not at its first query."""
    T = fl.parity(6, 0b101101)
    a, b = fl.MembershipOracle(T), fl.MembershipOracle(T)
    GF2Elimination().learn(a)
    GF2Elimination(seed=0).learn(b)
    assert [e.query for e in a.transcript] == [e.query for e in b.transcript]
    with pytest.raises(fl.InvalidType, match="seed=None"):
        GF2Elimination(seed=None)


def test_paper_learner_stopped_early_without_a_class_outputs_the_empty_parity():
    """As for GF2 elimination: without a class, stopped by the budget, the output is the
    parity of the coordinates known to be in S, none: the constant 0 function."""
    r = PaperLearner().learn(fl.MembershipOracle(fl.parity(5, {0, 3})), budget=2)
    assert r.stopped == "budget" and r.hypothesis == fl.parity(5, 0) and r.subset is None
