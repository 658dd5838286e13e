"""Students: SQ learners, membership-query learners and passive learners (Section 4).

Students by name (as in the records of the scaling experiment and ``--students``):

================================  ============  ==========================================
name                              oracle        what it asks
================================  ============  ==========================================
``candidate-testing``             sq            feature query f_S' for each candidate
``coordinate-correlations``       sq            feature queries E[x_i T], i = 1..d
``random-features``               sq            random Boolean features (seeded)
``greedy``                        sq            the query of its family removing the most
``paper-d+1``                     membership    T(0), T(e_1), ..., T(e_d) (Theorem 4.3)
``optimal``                       membership    the most even split (log2 |class|)
``gf2-elimination``               membership    random points, Gaussian elimination
================================  ============  ==========================================

>>> sorted(STUDENTS)[:3]
['candidate-testing', 'coordinate-correlations', 'gf2-elimination']
>>> make_student("random-features", seed=3).seed
3
"""

from __future__ import annotations

import warnings
from typing import Any

from ..validation import fail, fail_type
from .base import Learner, LearningResult, default_budget
from .membership import GF2Elimination, OptimalMembership, PaperLearner
from .passive import PassiveReportRow, PassiveStudent, least_squares_student, paper_mu, passive_student_report
from .sq import CandidateTesting, CoordinateCorrelations, Greedy, QueryPattern, RandomFeatures, greedy_family

__all__ = [
    "LearningResult", "Learner", "default_budget",
    "CandidateTesting", "CoordinateCorrelations", "RandomFeatures", "Greedy", "QueryPattern", "greedy_family",
    "PaperLearner", "OptimalMembership", "GF2Elimination",
    "PassiveStudent", "least_squares_student", "PassiveReportRow", "passive_student_report", "paper_mu",
    "STUDENTS", "SQ_STUDENTS", "MEMBERSHIP_STUDENTS", "make_student",
]

STUDENTS = {
    cls.name: cls
    for cls in (CandidateTesting, CoordinateCorrelations, RandomFeatures, Greedy,
                PaperLearner, OptimalMembership, GF2Elimination)
}
SQ_STUDENTS = tuple(n for n, c in STUDENTS.items() if c.kind == "sq")
MEMBERSHIP_STUDENTS = tuple(n for n, c in STUDENTS.items() if c.kind == "membership")
_SEEDED = (RandomFeatures, GF2Elimination)


def __getattr__(name: str) -> Any:
    if name == "Student":
        warnings.warn("finitelearn.learners.Student is deprecated: the base of the query-asking students is "
                      "finitelearn.learners.Learner (finitelearn.Student is Section 3's labelling S(x))",
                      DeprecationWarning, stacklevel=2)
        return Learner
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def make_student(name: Any, seed: Any = 0) -> Learner:
    """The student called ``name`` (seeded students get ``seed``).

    >>> make_student("paper-d+1").name, make_student("candidate-testing").kind
    ('paper-d+1', 'sq')
    >>> make_student("gf2-elimination", seed=5).seed
    5
    """
    if not isinstance(name, str):
        raise fail_type("name", name, "a str, one of " + ", ".join(STUDENTS))
    if name not in STUDENTS:
        raise fail("name", name, "one of " + ", ".join(STUDENTS))
    cls = STUDENTS[name]
    return cls(seed=seed) if cls in _SEEDED else cls()
