"""What every student returns, and the checks they share (private)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..validation import check_int, fail, fail_type
from ..functions import BooleanFunction
from ..oracles import MembershipOracle, StatisticalQueryOracle

__all__ = ["LearningResult", "Student", "default_budget"]


@dataclass
class LearningResult:
    """What a student learned and what it cost.

    Attributes
    ----------
    student : str
        The student's name (``"candidate-testing"``, ``"paper-d+1"``, ...).
    oracle : str
        ``"sq"`` or ``"membership"``.
    hypothesis : BooleanFunction
        The student's output h.
    queries : int
        Queries asked during this run.
    identified : bool
        True when the answers leave exactly one teacher of the class (the version space
        has size 1); for a student run without a class, when its own reasoning pins the
        teacher down (the d+1 learner's premise that the teacher is a parity).
    stopped : str
        Why the run ended: ``"identified"``, ``"budget"`` (the stated budget ran out) or
        ``"no progress"`` (nothing in the student's family of queries can rule out a
        candidate any more, or the family is exhausted).
    version_space_sizes : list of int
        The version-space size after each query (empty without a class).
    removed : list of int
        Candidates each query ruled out (empty without a class).
    subset : int or None
        S as a mask when the hypothesis is a parity f_S.
    """

    student: str
    oracle: str
    hypothesis: BooleanFunction
    queries: int
    identified: bool
    stopped: str
    version_space_sizes: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    subset: int | None = None

    @property
    def max_removed(self) -> int:
        """The most candidates one query ruled out (0 when none or no class)."""
        return max(self.removed, default=0)


def default_budget(class_size: int, d: int) -> int:
    """Queries a student may ask when no budget is given: the class size plus d.

    Enough for candidate testing (at most class size - 1 queries) and for every
    membership student; a student that needs more has failed to beat exhaustive testing.
    """
    return int(class_size) + int(d)


def first_candidate(oracle: Any) -> tuple[BooleanFunction, int | None]:
    """The first teacher still in the oracle's version space (and its mask for a parity class)."""
    C = oracle.concept_class
    k = int(oracle.version_space_indices()[0])
    mask = int(C.masks[k]) if C.is_parity_class else None
    return C[k], mask


class Student:
    """Base of the students: ``learn(oracle, budget=None) -> LearningResult``.

    Subclasses set ``name`` (as in the records and on the command line) and ``kind``
    (``"sq"`` or ``"membership"``, the oracle they need).
    """

    name = "student"
    kind = "sq"

    def _default_budget(self, class_size: int, d: int) -> int:
        return default_budget(class_size, d)

    def _check_oracle(self, oracle: Any, need_class: bool) -> None:
        want = StatisticalQueryOracle if self.kind == "sq" else MembershipOracle
        if not isinstance(oracle, want):
            raise fail_type(
                "oracle", oracle,
                f"a {want.__name__} (the {self.name} student asks "
                f"{'statistical' if self.kind == 'sq' else 'data (membership)'} queries)",
            )
        if need_class and oracle.concept_class is None:
            raise fail("oracle", oracle,
                       f"an oracle that knows the class of teachers (concept_class=...): the {self.name} "
                       "student chooses its queries from the candidates still possible")

    def _budget(self, oracle: Any, budget: Any) -> int:
        if budget is None:
            size = len(oracle.concept_class) if oracle.concept_class is not None else 1 << oracle.d
            b = self._default_budget(size, oracle.d)
        else:
            b = check_int(budget, "budget")
            if b < 0:
                raise fail("budget", budget, "an int >= 0")
        if oracle.budget is not None:
            b = min(b, oracle.budget - oracle.queries)
        return max(b, 0)

    def _result(self, oracle: Any, start: int, hypothesis: BooleanFunction, stopped: str,
                identified: bool | None = None, subset: int | None = None) -> LearningResult:
        entries = oracle.transcript[start:]
        sizes = [e.version_space_size for e in entries if e.version_space_size is not None]
        removed = [e.removed for e in entries if e.removed is not None]
        if identified is None:
            identified = oracle.version_space_size == 1
        return LearningResult(self.name, self.kind, hypothesis, oracle.queries - start, bool(identified),
                              stopped, sizes, removed, subset)

    def learn(self, oracle: Any, budget: Any = None) -> LearningResult:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()  # '{self.name}'"
