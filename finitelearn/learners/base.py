"""The base of the query-asking students: one learn loop, and what every student returns.

:class:`Learner` runs the loop (budget, counting, the three ways a run stops) and builds
the :class:`LearningResult`; a student supplies only how it picks its next query.  (The
name ``Student`` belongs to Section 3's labelling S(x), :class:`finitelearn.Student`.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..validation import check_int, fail, fail_type
from ..functions import BooleanFunction
from ..oracles import MembershipOracle, StatisticalQueryOracle

__all__ = ["LearningResult", "Learner", "default_budget", "first_candidate"]


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

    Examples
    --------
    >>> import finitelearn as fl
    >>> from finitelearn.learners import PaperLearner
    >>> r = PaperLearner().learn(fl.MembershipOracle(fl.parity(3, {0, 2})))
    >>> r.student, r.queries, r.identified, r.stopped, r.subset
    ('paper-d+1', 4, True, 'identified', 5)
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

    def _repr_markdown_(self) -> str:
        """The result and the version space after each query, for a notebook."""
        from ..notebook import markdown_table

        head = (f"**{self.student}** ({self.oracle} queries): {self.queries} queries, "
                f"{'identified' if self.identified else 'not identified'} (stopped: {self.stopped})")
        rows = [[i + 1, size, rem] for i, (size, rem) in enumerate(zip(self.version_space_sizes, self.removed))]
        return head + "\n\n" + markdown_table(["query", "teachers left", "ruled out"], rows)


def default_budget(class_size: int, d: int) -> int:
    """Queries a student may ask when no budget is given: the class size plus d.

    Enough for candidate testing (at most class size - 1 queries) and for every
    membership student; a student that needs more has failed to beat exhaustive testing.

    >>> default_budget(8, 3)
    11
    """
    return int(class_size) + int(d)


def first_candidate(oracle: Any) -> tuple[BooleanFunction, int | None]:
    """The first teacher still in the oracle's version space (and its mask for a parity class)."""
    C = oracle.concept_class
    k = int(oracle.version_space_indices()[0])
    mask = int(C.masks[k]) if C.is_parity_class else None
    return C[k], mask


class Learner:
    """Base of the query-asking students: ``learn(oracle, budget=None) -> LearningResult``.

    The learn loop is written once, here: check the oracle, fix the budget, then

    1. stop with ``"identified"`` when :meth:`done` (by default: one teacher is left in
       the oracle's version space);
    2. stop with ``"budget"`` when the budget is spent;
    3. ask :meth:`next_query`; stop with ``"no progress"`` when it returns None (the
       student's family of queries is exhausted or can rule out nothing more);
    4. ask the oracle (:meth:`ask`), let the student read the answer (:meth:`observe`)
       and go to 1.

    The result's hypothesis comes from :meth:`hypothesis`, its ``identified`` flag from
    :meth:`identified`.  A subclass sets ``name`` (as in the records and on the command
    line), ``kind`` (``"sq"`` or ``"membership"``, the oracle it needs) and
    ``needs_class``, and supplies :meth:`next_query`; per-run state lives on ``self``
    and is set up in :meth:`start`.

    Examples
    --------
    >>> import finitelearn as fl
    >>> class FirstPoints(Learner):
    ...     name, kind = "first-points", "membership"
    ...     def next_query(self, oracle):
    ...         return self.asked if self.asked < 2 ** oracle.d else None
    ...     def start(self, oracle):
    ...         self.asked = 0
    ...     def observe(self, oracle, query, answer):
    ...         self.asked += 1
    >>> r = FirstPoints().learn(fl.MembershipOracle(fl.paper_teachers(3)[2], concept_class=fl.paper_teachers(3)))
    >>> r.stopped, r.queries, r.subset
    ('identified', 5, 5)
    """

    name = "learner"
    kind = "sq"
    needs_class = True

    # -- what a subclass supplies ----------------------------------------------------
    def next_query(self, oracle: Any) -> Any:  # pragma: no cover - abstract
        """The next query to ask (a point for a membership oracle, a StatisticalQuery for
        an SQ oracle), or None when the student has nothing useful left to ask.

        >>> import finitelearn as fl
        >>> from finitelearn.learners import PaperLearner
        >>> s, oracle = PaperLearner(), fl.MembershipOracle(fl.parity(3, {1}))
        >>> s.start(oracle)
        >>> s.next_query(oracle)
        0
        """
        raise NotImplementedError

    def start(self, oracle: Any) -> None:
        """Set up the per-run state (called once per :meth:`learn`, after the checks).

        >>> import finitelearn as fl
        >>> from finitelearn.learners import CandidateTesting
        >>> s, oracle = CandidateTesting(), fl.StatisticalQueryOracle(fl.parity(2, {0}), fl.uniform(2), "1/8", concept_class=fl.parities(2))
        >>> s.start(oracle)
        >>> s.done(oracle)
        False
        """

    def observe(self, oracle: Any, query: Any, answer: Any) -> None:
        """Read the oracle's answer to ``query`` (by default the version space says it all).

        >>> import finitelearn as fl
        >>> from finitelearn.learners import PaperLearner
        >>> s, oracle = PaperLearner(), fl.MembershipOracle(fl.parity(2, {1}))
        >>> s.start(oracle)
        >>> while not s.done(oracle):
        ...     q = s.next_query(oracle)
        ...     s.observe(oracle, q, s.ask(oracle, q))
        >>> s.hypothesis(oracle, "identified")[1], oracle.queries
        (2, 3)
        """

    def done(self, oracle: Any) -> bool:
        """True when the student has identified the teacher: by default, one is left.

        >>> import finitelearn as fl
        >>> from finitelearn.learners import CandidateTesting
        >>> C = fl.parities(2)
        >>> s, oracle = CandidateTesting(), fl.StatisticalQueryOracle(C[1], fl.uniform(2), "1/8", concept_class=C)
        >>> s.start(oracle)
        >>> s.done(oracle)
        False
        >>> r = s.learn(oracle)
        >>> s.done(oracle), r.stopped
        (True, 'identified')
        """
        return oracle.version_space_size == 1

    def identified(self, oracle: Any, stopped: str) -> bool:
        """The result's ``identified``: one teacher left in the class, or (without a class)
        the run ended because :meth:`done` said so.

        >>> import finitelearn as fl
        >>> from finitelearn.learners import CandidateTesting
        >>> C = fl.parities(2)
        >>> oracle = fl.StatisticalQueryOracle(C[1], fl.uniform(2), "1/8", concept_class=C)
        >>> r = CandidateTesting().learn(oracle)
        >>> CandidateTesting().identified(oracle, r.stopped)
        True
        """
        if oracle.concept_class is not None:
            return oracle.version_space_size == 1
        return stopped == "identified"

    def hypothesis(self, oracle: Any, stopped: str) -> tuple[BooleanFunction, int | None]:
        """(h, S): the output and its mask when it is a parity f_S (default: the first teacher left).

        >>> import finitelearn as fl
        >>> from finitelearn.learners import CandidateTesting
        >>> C = fl.parities(2)
        >>> oracle = fl.StatisticalQueryOracle(C[3], fl.uniform(2), "1/8", concept_class=C)
        >>> r = CandidateTesting().learn(oracle)
        >>> h, S = CandidateTesting().hypothesis(oracle, r.stopped)
        >>> h == C[3], S
        (True, 3)
        """
        return first_candidate(oracle)

    def ask(self, oracle: Any, query: Any) -> Any:
        """Put ``query`` to the oracle (a counted query).

        >>> import finitelearn as fl
        >>> from finitelearn.learners import PaperLearner
        >>> oracle = fl.MembershipOracle(fl.parity(2, {0}))
        >>> PaperLearner().ask(oracle, (1, 0)), oracle.queries
        (1, 1)
        """
        return oracle.query(query)

    def default_budget(self, class_size: int, d: int) -> int:
        """The most queries :meth:`learn` asks when no budget is given (:func:`default_budget`).

        >>> from finitelearn.learners import CandidateTesting
        >>> CandidateTesting().default_budget(8, 3)
        11
        """
        return default_budget(class_size, d)

    # -- the loop ----------------------------------------------------------------------
    def learn(self, oracle: Any, budget: Any = None) -> LearningResult:
        """Ask ``oracle`` until the teacher is identified, the budget is spent or no query helps.

        Parameters
        ----------
        oracle : StatisticalQueryOracle or MembershipOracle
            As ``kind`` says; it must know the class of teachers when ``needs_class``.
        budget : int, optional
            The most queries asked in this run (default :meth:`default_budget`); never
            more than the oracle's own budget still allows.

        Examples
        --------
        >>> import finitelearn as fl
        >>> from finitelearn.learners import CandidateTesting
        >>> C = fl.paper_teachers(3)
        >>> r = CandidateTesting().learn(fl.StatisticalQueryOracle(C[2], fl.uniform(3), "1/8", concept_class=C))
        >>> r.identified, r.queries, sorted(C.subsets()[2]) == [i for i in range(3) if r.subset >> i & 1]
        (True, 3, True)
        """
        self.check_oracle(oracle)
        limit = self.query_limit(oracle, budget)
        start = oracle.queries
        self.start(oracle)
        while True:
            if self.done(oracle):
                stopped = "identified"
                break
            if oracle.queries - start >= limit:
                stopped = "budget"
                break
            query = self.next_query(oracle)
            if query is None:
                stopped = "no progress"
                break
            self.observe(oracle, query, self.ask(oracle, query))
        h, subset = self.hypothesis(oracle, stopped)
        entries = oracle.transcript[start:]
        return LearningResult(
            self.name, self.kind, h, oracle.queries - start, bool(self.identified(oracle, stopped)), stopped,
            [e.version_space_size for e in entries if e.version_space_size is not None],
            [e.removed for e in entries if e.removed is not None], subset,
        )

    def check_oracle(self, oracle: Any) -> None:
        """Refuse an oracle of the wrong kind, or one without a class when ``needs_class``.

        >>> import finitelearn as fl
        >>> from finitelearn.learners import PaperLearner
        >>> PaperLearner().check_oracle(fl.StatisticalQueryOracle(fl.parity(2, {0}), fl.uniform(2), "1/4"))
        Traceback (most recent call last):
            ...
        finitelearn.errors.InvalidType: oracle=<...> has type StatisticalQueryOracle, expected a MembershipOracle (the paper-d+1 student asks data (membership) queries)
        """
        want = StatisticalQueryOracle if self.kind == "sq" else MembershipOracle
        if not isinstance(oracle, want):
            raise fail_type(
                "oracle", oracle,
                f"a {want.__name__} (the {self.name} student asks "
                f"{'statistical' if self.kind == 'sq' else 'data (membership)'} queries)",
            )
        if self.needs_class and oracle.concept_class is None:
            raise fail("oracle", oracle,
                       f"an oracle that knows the class of teachers (concept_class=...): the {self.name} "
                       "student chooses its queries from the candidates still possible")

    def query_limit(self, oracle: Any, budget: Any = None) -> int:
        """Queries this run may ask: ``budget`` (or the default), capped by the oracle's budget left.

        >>> import finitelearn as fl
        >>> from finitelearn.learners import PaperLearner
        >>> oracle = fl.MembershipOracle(fl.parity(3, {0}))
        >>> PaperLearner().query_limit(oracle), PaperLearner().query_limit(oracle, budget=2)
        (11, 2)
        """
        if budget is None:
            size = len(oracle.concept_class) if oracle.concept_class is not None else 1 << oracle.d
            b = self.default_budget(size, oracle.d)
        else:
            b = check_int(budget, "budget")
            if b < 0:
                raise fail("budget", budget, "an int >= 0")
        if oracle.budget is not None:
            b = min(b, oracle.budget - oracle.queries)
        return max(b, 0)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()  # '{self.name}'"
