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


def test_gf2_elimination_without_a_class_and_seeded():
    T = fl.parity(7, 0b1010011)
    a = GF2Elimination(seed=4).learn(fl.MembershipOracle(T))
    b = GF2Elimination(seed=4).learn(fl.MembershipOracle(T))
    assert a.hypothesis == T and a.queries == b.queries and a.queries >= 7


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
