"""Theorem 4.3 checks: the d+1 learner through the oracle, and the optimum."""

from __future__ import annotations

import finitelearn as fl
from proofs_check import thm_4_3_learner, thm_4_3_optimal
from proofs_check.report import ERRATUM, REFUTED, VERIFIED


def test_learner_identifies_every_teacher():
    r = thm_4_3_learner.check(d_max=6)
    assert r.verdict == VERIFIED, r.witness
    assert r.checked == sum(2 ** (d - 1) for d in range(1, 7))


def test_learner_check_notices_a_wrong_student(monkeypatch):
    """A student that gets one teacher wrong must make the check fail."""
    from finitelearn.learners import PaperLearner

    original = PaperLearner.learn

    def sloppy(self, oracle, budget=None):
        r = original(self, oracle, budget)
        if oracle.d == 3 and r.hypothesis == fl.parity(3, {0, 2}):
            object.__setattr__(r, "hypothesis", fl.parity(3, {0}))
        return r

    monkeypatch.setattr(PaperLearner, "learn", sloppy)
    r = thm_4_3_learner.check(d_max=4)
    assert r.verdict == REFUTED
    assert "hypothesis = teacher, d=3" in r.witness


def test_optimal_count_is_an_erratum():
    r = thm_4_3_optimal.check(d_max=5)
    assert r.verdict == ERRATUM, r.witness
    table = {row["d"]: row for row in r.details["table"]}
    assert [table[d]["optimal"] for d in range(1, 6)] == [d - 1 for d in range(1, 6)]
    assert [table[d]["paper"] for d in range(1, 6)] == [d + 1 for d in range(1, 6)]
    assert [table[d]["teaching_dimension"] for d in range(1, 6)] == [d - 1 for d in range(1, 6)]
    assert [table[d]["optimal_all_parities"] for d in range(1, 6)] == list(range(1, 6))
