"""The learn loop of Learner: its three ways to stop, the budget, and the deprecated name.

Expected counts come from plain enumeration: the version space is recomputed here as the
list of masks S whose parity f_S agrees with every answer so far.
"""

from __future__ import annotations

import warnings

import pytest

import finitelearn as fl
from finitelearn.learners import CandidateTesting, CoordinateCorrelations, Learner, PaperLearner, default_budget


def par(S, x):
    return bin(S & x).count("1") % 2


class PointsInOrder(Learner):
    """Asks the points 0, 1, 2, ... up to ``last`` (then has nothing left to ask)."""

    name = "points-in-order"
    kind = "membership"

    def __init__(self, last):
        self.last = last

    def start(self, oracle):
        self.asked = []

    def next_query(self, oracle):
        k = len(self.asked)
        return k if k <= self.last else None

    def observe(self, oracle, query, answer):
        self.asked.append((query, answer))


def plain_queries_to_identify(masks, T, order):
    """Queries of ``order`` asked until one mask is consistent with the answers of f_T."""
    alive = list(masks)
    for n, x in enumerate(order):
        if len(alive) == 1:
            return n
        alive = [S for S in alive if par(S, x) == par(T, x)]
    return len(order) if len(alive) == 1 else None


@pytest.mark.parametrize("d", [3, 4, 5])
def test_loop_stops_when_identified(d):
    C = fl.paper_teachers(d)
    masks = C.masks.tolist()
    for k, T in enumerate(masks):
        want = plain_queries_to_identify(masks, T, range(1 << d))
        r = PointsInOrder(last=(1 << d) - 1).learn(fl.MembershipOracle(C[k], concept_class=C))
        assert (r.stopped, r.identified, r.queries, r.subset) == ("identified", True, want, T)
        assert r.hypothesis == fl.parity(d, T)


def test_loop_stops_when_the_budget_is_spent():
    d = 5
    C = fl.paper_teachers(d)
    T = C.masks.tolist()[-1]  # 0b11111: needs every unit point
    assert plain_queries_to_identify(C.masks.tolist(), T, range(32)) > 3
    r = PointsInOrder(last=31).learn(fl.MembershipOracle(C[len(C) - 1], concept_class=C), budget=3)
    assert (r.stopped, r.identified, r.queries) == ("budget", False, 3)
    # the oracle's own budget caps the run as well
    o = fl.MembershipOracle(C[len(C) - 1], concept_class=C, budget=2)
    r = PointsInOrder(last=31).learn(o)
    assert (r.stopped, r.queries, o.queries) == ("budget", 2, 2)
    assert PointsInOrder(last=31).learn(fl.MembershipOracle(C[0], concept_class=C), budget=0).queries == 0


def test_loop_stops_when_nothing_is_left_to_ask():
    d = 5
    C = fl.paper_teachers(d)
    masks = C.masks.tolist()
    r = PointsInOrder(last=1).learn(fl.MembershipOracle(C[3], concept_class=C))
    # the points 0 and e_1 are labelled alike by every teacher of (4.3): nothing ruled out
    alive = [S for S in masks if all(par(S, x) == par(masks[3], x) for x in (0, 1))]
    assert (r.stopped, r.identified, r.queries) == ("no progress", False, 2)
    assert r.version_space_sizes == [len(alive)] * 2 == [len(masks)] * 2
    assert r.removed == [0, 0]


def test_real_students_reach_each_stop():
    game = fl.StatisticalQueryOracle(fl.paper_teachers(4), fl.uniform(4), "1/8", "null")
    assert CandidateTesting().learn(game).stopped == "identified"
    game = fl.StatisticalQueryOracle(fl.paper_teachers(4), fl.uniform(4), "1/8", "null")
    assert CandidateTesting().learn(game, budget=2).stopped == "budget"
    game = fl.StatisticalQueryOracle(fl.paper_teachers(4), fl.uniform(4), "1/8", "null")
    r = CoordinateCorrelations().learn(game)
    # one query per coordinate, d = 4 of them; after the first (which rules out f_{1} = x_1) every
    # teacher answers each alike (tests/learners/test_sq.py derives E[x_i f_S] = 1/4)
    assert (r.stopped, r.queries) == ("no progress", 4)


def test_default_budget_is_public():
    assert CandidateTesting().default_budget(16, 5) == default_budget(16, 5) == 16 + 5  # class size + d
    assert fl.learners.GF2Elimination().default_budget(16, 5) == 5 + 64
    r = CandidateTesting().learn(fl.StatisticalQueryOracle(fl.paper_teachers(6), fl.uniform(6), "1/8", "max_consistent"))
    assert r.stopped == "no progress" and r.queries == 32 <= CandidateTesting().default_budget(32, 6)


def test_candidate_testing_builds_queries_from_masks(monkeypatch):
    """No table is built or read to find S again: the query carries the candidate's mask."""
    from finitelearn import oracles

    def refuse(*args, **kwargs):
        raise AssertionError("a parity query went through a table")

    monkeypatch.setattr(oracles, "parity_mask_of", refuse)
    monkeypatch.setattr(oracles.StatisticalQuery, "feature", classmethod(refuse))
    monkeypatch.setattr(oracles.StatisticalQuery, "numerator_columns", refuse)
    game = fl.StatisticalQueryOracle(fl.paper_teachers(12), fl.uniform(12), "1/8", "null")
    r = CandidateTesting().learn(game, budget=5)
    assert r.queries == 5 and r.removed == [1] * 5
    assert [e.query.parity_mask for e in game.transcript] == fl.paper_teachers(12).masks[:5].tolist()


def test_student_is_a_deprecated_alias_of_learner():
    with pytest.warns(DeprecationWarning, match="Learner"):
        alias = fl.learners.Student
    assert alias is Learner
    with pytest.warns(DeprecationWarning):
        from finitelearn.learners import Student  # noqa: F401
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fl.Student is fl.student.Student  # Section 3's labelling S(x) is untouched
        assert issubclass(PaperLearner, Learner)
        exec("from finitelearn.learners import *", {})  # no warning: Student is not in __all__
    with pytest.raises(AttributeError):
        fl.learners.NoSuchThing  # noqa: B018


def test_a_second_run_on_the_same_oracle_counts_its_own_queries():
    from finitelearn.learners import PaperLearner

    o = fl.MembershipOracle(fl.parity(5, 0b10011))
    first = PaperLearner().learn(o)
    second = PaperLearner().learn(o)
    assert first.queries == second.queries == 6 and o.queries == 12  # d + 1 each (Theorem 4.3)
    assert first.hypothesis == second.hypothesis == fl.parity(5, 0b10011)


def test_default_query_limit_without_a_class_is_2_to_the_d_plus_d():
    from finitelearn.learners import PaperLearner

    assert PaperLearner().query_limit(fl.MembershipOracle(fl.parity(5, 1))) == 2**5 + 5
    assert PaperLearner().query_limit(fl.MembershipOracle(fl.paper_teachers(5))) == 16 + 5
    assert PaperLearner().query_limit(fl.MembershipOracle(fl.parity(5, 1), budget=7), budget=100) == 7


def test_the_wrong_oracle_is_named_with_the_kind_of_query():
    from finitelearn.learners import CandidateTesting, PaperLearner

    sq = fl.StatisticalQueryOracle(fl.paper_teachers(3), fl.uniform(3), "1/8", "null")
    with pytest.raises(fl.InvalidType, match=r"a MembershipOracle \(the .* student asks data \(membership\) queries\)"):
        PaperLearner().learn(sq)
    with pytest.raises(fl.InvalidType, match=r"a StatisticalQueryOracle \(the .* student asks statistical queries\)"):
        CandidateTesting().learn(fl.MembershipOracle(fl.parity(3, 1)))


def test_the_result_in_a_notebook_lists_each_query_from_one():
    """Candidate testing against the null responder at d = 3 rules out one of the 4 teachers
    per query (Section 4.1), so after query k there are 4 - k left."""
    o = fl.StatisticalQueryOracle(fl.paper_teachers(3), fl.uniform(3), "1/8", "null")
    r = fl.learners.CandidateTesting().learn(o)
    assert r._repr_markdown_() == (
        "**candidate-testing** (sq queries): 3 queries, identified (stopped: identified)\n\n"
        "| query | teachers left | ruled out |\n|---|---|---|\n"
        + "\n".join(f"| {k} | {4 - k} | 1 |" for k in (1, 2, 3)))


def test_an_oracle_s_remaining_budget_bounds_the_student():
    """An oracle with budget 5 that has answered 3 queries leaves the student 2: it stops
    with 'budget' after 2 (not 5 + 3 = 8, and no QueryBudgetExceeded)."""
    o = fl.StatisticalQueryOracle(fl.paper_teachers(6), fl.uniform(6), "1/8", "null", budget=5)
    for S in (1, 3, 5):
        o.feature_query(fl.parity(6, S))
    r = fl.learners.CandidateTesting().learn(o)
    assert r.queries == 2 and r.stopped == "budget" and o.queries == 5
    # a student that started on a spent oracle asks nothing
    r = fl.learners.CandidateTesting().learn(o)
    assert r.queries == 0 and r.stopped == "budget" and r.removed == [] and r.max_removed == 0


def test_max_removed_is_zero_without_queries():
    C = fl.parities(3).subclass([6])
    r = fl.learners.GF2Elimination(seed=0).learn(fl.MembershipOracle(C[0], concept_class=C))
    assert r.queries == 0 and r.removed == [] and r.max_removed == 0


def test_without_a_class_only_the_identified_stop_identifies():
    """Learner.identified without a class: True exactly when the run ended because done()
    said so ('identified'), not on 'budget' or 'no progress'."""
    oracle = fl.StatisticalQueryOracle(fl.parity(2, {1}), fl.uniform(2), "1/8")
    s = CandidateTesting()
    assert [s.identified(oracle, why) for why in ("identified", "budget", "no progress")] == [True, False, False]


def test_the_default_hypothesis_is_the_first_teacher_left():
    """With no query asked (budget 0) every member is left, and the output is the first: C[0]."""
    C = fl.parities(3)
    r = CandidateTesting().learn(fl.StatisticalQueryOracle(C[5], fl.uniform(3), "1/8", concept_class=C), budget=0)
    assert r.queries == 0 and not r.identified and r.stopped == "budget"
    assert r.hypothesis == C[0] and r.subset == int(C.masks[0])
