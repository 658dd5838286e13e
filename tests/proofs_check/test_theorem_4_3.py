"""Theorem 4.3 checks: the d+1 learner through the oracle, and the optimum, with mutations."""

from __future__ import annotations

import finitelearn as fl
from proofs_check import thm_4_3_learner, thm_4_3_optimal
from proofs_check.report import IMPROVEMENT, REFUTED, VERIFIED


def test_learner_identifies_every_teacher():
    [r] = thm_4_3_learner.check(d_max=6)
    assert r.verdict == VERIFIED, r.evidence
    assert r.count == sum(2 ** (d - 1) for d in range(1, 7))


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
    [r] = thm_4_3_learner.check(d_max=4)
    assert r.verdict == REFUTED
    assert "hypothesis = teacher, d=3" in r.evidence


def test_optimal_count_is_an_improvement(monkeypatch):
    rs = thm_4_3_optimal.check(d_max=5)
    assert [r.verdict for r in rs] == [IMPROVEMENT, IMPROVEMENT], [r.evidence for r in rs]
    table = {row["d"]: row for row in rs[0].details["table"]}
    assert [table[d]["optimal"] for d in range(1, 6)] == [d - 1 for d in range(1, 6)]
    assert [table[d]["paper"] for d in range(1, 6)] == [d + 1 for d in range(1, 6)]
    assert [table[d]["teaching_dimension"] for d in range(1, 6)] == [d - 1 for d in range(1, 6)]
    assert [table[d]["optimal_all_parities"] for d in range(1, 6)] == list(range(1, 6))
    # the library off by one: the check's own minimax and the information bound must notice
    original = fl.membership_query_complexity

    class OffByOne:
        def __init__(self, r):
            self._r = r
            self.queries = r.queries + 1

        def __getattr__(self, name):
            return getattr(self._r, name)

    monkeypatch.setattr(fl, "membership_query_complexity", lambda *a, **k: OffByOne(original(*a, **k)))
    assert thm_4_3_optimal.check(d_max=3)[0].verdict == REFUTED


def test_plain_minimax_and_teaching_dimension():
    assert [thm_4_3_optimal._minimax([S for S in range(1 << d) if S & 1], d) for d in (1, 2, 3)] == [0, 1, 2]
    assert thm_4_3_optimal._minimax(list(range(8)), 3) == 3
    assert thm_4_3_optimal._teaching_dimension([1, 3, 5, 7], 3) == 2
