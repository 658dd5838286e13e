"""Oracles of Section 4: data (membership) queries and statistical queries with a tolerance.

A passive teacher answers what an active student asks:

- :class:`MembershipOracle` answers data queries T(x) for any x (Theorem 4.3);
- :class:`StatisticalQueryOracle` is STAT(T, D) of Section 4.1: a query is a function
  chi: {0,1}^d x {0,1} -> [0, 1] (:class:`StatisticalQuery`), the exact value
  E_{x~D} chi(x, T(x)) is computed by enumeration in integer kernels, and a *responder*
  picks an answer within the tolerance alpha of it.  The paper's feature query
  E_D[h(x) T(x)] is the query chi(x, y) = h(x) y (:meth:`StatisticalQueryOracle.feature_query`).

Both oracles count their queries, refuse to exceed a budget, and keep a transcript.  Given
a concept class they also keep the *version space*: the members consistent with every
answer so far.  Given a concept class *instead of* a teacher they play the lower-bound
game adaptively: the answer is chosen adversarially, and any teacher still in the
version space is one the answers are true of.

The answer rules (``responder=``: ``"truthful"``, ``"noisy"``, ``"null"``,
``"max_consistent"``) live in :mod:`finitelearn.responders`.

The central identity (docs/design.md), checked in ``tests/test_oracles.py`` against plain
enumeration: for a parity teacher f_S under uniform x and g = chi(., 1) - chi(., 0),
E[chi(x, f_S(x))] = E[(chi(x,0) + chi(x,1))/2] - ghat(S)/2.  So the exact values of one
query for *all* parities come from one Walsh-Hadamard transform of g (O(d 2^d)), and
for a general finite class from one matrix-vector product.

Examples
--------
>>> import finitelearn as fl
>>> T = fl.parity(4, {0, 2})
>>> stat = fl.StatisticalQueryOracle(T, fl.uniform(4), "1/8")
>>> stat.feature_query(fl.parity(4, {0, 2})), stat.feature_query(fl.dictator(4, 0))
(Fraction(1, 2), Fraction(1, 4))
>>> game = fl.StatisticalQueryOracle(fl.paper_teachers(4), fl.uniform(4), "1/8", responder="null")
>>> game.feature_query(fl.parity(4, {0, 2})), game.version_space_size
(Fraction(1, 4), 7)
>>> data = fl.MembershipOracle(T)
>>> data.query((1, 0, 0, 0)), data.query((1, 0, 1, 0)), data.queries
(1, 0, 2)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any, Callable

import numpy as np

from ._kernels import oracle as OK
from .validation import as_fraction, as_rng, check_dimension, check_int, fail, fail_type, read_only, subset_mask
from .bounds import check_tolerance
from .classes import ConceptClass, parity_mask_of
from .domains import Cube
from .exact import lcm_of_denominators, narrowest_int
from .memory import check_memory
from .distributions import Distribution
from .errors import DomainMismatch, QueryBudgetExceeded
from ._kernels import small as KS
from ._kernels import wht as W
from .fourier import integer_spectrum
from .functions import BooleanFunction, parity
from . import responders
from .responders import ADVERSARIAL_RESPONDERS, RESPONDERS, normalize_responder, to_units

__all__ = [
    "StatisticalQuery",
    "StatisticalQueryOracle",
    "MembershipOracle",
    "TranscriptEntry",
    "InvariantViolated",
    "RESPONDERS",
]

_INT64_SAFE = 1 << 62


class InvariantViolated(AssertionError):
    """A guarantee of the oracle failed (a bug in finitelearn, never bad input).

    Raised if an adaptive answer is not within alpha of a kept teacher's value, if the
    version space became empty, or if one query against an adversarial responder ruled
    out 1/(4 alpha^2) or more parities under the uniform distribution (the Parseval bound).
    """


# ---------------------------------------------------------------------------------------
# queries
# ---------------------------------------------------------------------------------------

class StatisticalQuery:
    """A statistical query chi: {0,1}^d x {0,1} -> [0, 1] (Section 4.1, Kearns' STAT).

    Stored exactly as integer numerators over one common denominator:
    chi(x, y) = ``numerators[x, y] / denominator``.  Build one with :meth:`from_table`,
    :meth:`from_callable`, :meth:`from_numerators`, :meth:`feature` (the paper's feature
    query chi(x, y) = h(x) y) or :meth:`agreement` (Kearns' {0,1}-valued query
    chi(x, y) = [h(x) = y]).

    Examples
    --------
    >>> from fractions import Fraction
    >>> q = StatisticalQuery.from_table([[0, Fraction(1, 3)], [1, 0], [Fraction(1, 2), 1], [0, 0]])
    >>> q.d, q.denominator, q.value((0, 0), 1)
    (2, 6, Fraction(1, 3))
    >>> q.numerators[:, 1]
    array([2, 0, 6, 0])
    """

    __slots__ = ("_d", "_num0", "_num1", "_den", "_kind", "_mask", "_h")
    _d: int
    _num0: Any  # np.ndarray, or None for a feature/agreement query derived from h
    _num1: Any
    _den: int
    _kind: str
    _mask: int | None
    _h: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(
            "use StatisticalQuery.from_table, from_callable, from_numerators, feature or agreement"
        )

    @classmethod
    def _make(cls, d: int, num0: np.ndarray | None, num1: np.ndarray | None, den: int,
              kind: str = "general", mask: int | None = None, h: BooleanFunction | None = None) -> "StatisticalQuery":
        self = object.__new__(cls)
        self._d = d
        self._num0 = None if num0 is None else read_only(np.ascontiguousarray(num0, dtype=np.int64))
        self._num1 = None if num1 is None else read_only(np.ascontiguousarray(num1, dtype=np.int64))
        self._den = int(den)
        self._kind = kind
        self._mask = mask
        self._h = h
        return self

    # -- constructors ---------------------------------------------------------------------
    @classmethod
    def from_numerators(cls, numerators: Any, denominator: Any) -> "StatisticalQuery":
        """chi(x, y) = numerators[x, y] / denominator for an int (2^d, 2) array.

        >>> StatisticalQuery.from_numerators([[0, 3], [1, 2]], 4).value(1, 1)
        Fraction(1, 2)
        """
        den = check_int(denominator, "denominator")
        if not 1 <= den < _INT64_SAFE:
            raise fail("denominator", denominator, "an int in 1..2**62-1")
        arr = np.asarray(numerators)
        if arr.dtype.kind not in "iub":
            raise fail_type("numerators", numerators, f"an integer array (got dtype {arr.dtype})")
        d = _check_table_shape(arr, "numerators")
        arr = arr.astype(np.int64)
        bad = (arr < 0) | (arr > den)
        if bad.any():
            x, y = (int(v) for v in np.argwhere(bad)[0])
            raise fail("numerators", numerators,
                       f"integers in [0, denominator={den}] so that chi is in [0, 1] (found {int(arr[x, y])} at x={x}, y={y})")
        return cls._make(d, arr[:, 0], arr[:, 1], den)

    @classmethod
    def from_table(cls, table: Any) -> "StatisticalQuery":
        """The query whose (2^d, 2) table holds chi(x, y) at row x (point index), column y.

        Entries are numbers in [0, 1]: ints, bools, Fractions, strings such as ``'1/3'``, or
        floats (read as their shortest decimal, 0.1 -> 1/10, as everywhere in finitelearn).

        >>> StatisticalQuery.from_table([[0.5, 0.25], [1, 0]]).denominator
        4
        """
        arr = np.asarray(table, dtype=object) if not isinstance(table, np.ndarray) else table
        d = _check_table_shape(arr, "table")
        n = 1 << d
        if arr.dtype.kind in "biu":
            ints = arr.astype(np.int64)
            if ((ints < 0) | (ints > 1)).any():
                x, y = (int(v) for v in np.argwhere((ints < 0) | (ints > 1))[0])
                raise fail("table", table, f"values in [0, 1] (found {int(ints[x, y])} at x={x}, y={y})")
            return cls._make(d, ints[:, 0], ints[:, 1], 1)
        if arr.dtype.kind == "f":
            uniq, inverse = np.unique(arr, return_inverse=True)
            fr = [as_fraction(v, "table") for v in uniq]  # numpy scalars: their own precision
            flat = [fr[i] for i in inverse.ravel().tolist()]
        elif arr.dtype.kind in "OU":  # objects, or numpy strings such as '1/3' (as in a list)
            flat = [_entry_fraction(v) for v in arr.ravel().tolist()]
        else:
            raise fail_type("table", table, f"numbers (got dtype {arr.dtype})")
        for k, v in enumerate(flat):
            if not 0 <= v <= 1:
                raise fail("table", table, f"values in [0, 1] (found {v} at x={k // 2}, y={k % 2})")
        den = lcm_of_denominators(flat)
        if den >= _INT64_SAFE:
            raise fail("table", table, "values whose common denominator is below 2**62")
        nums = np.array([int(v * den) for v in flat], dtype=np.int64).reshape(n, 2)
        return cls._make(d, nums[:, 0], nums[:, 1], den)

    @classmethod
    def from_callable(cls, d: int, fn: Callable[[tuple[int, ...], int], Any]) -> "StatisticalQuery":
        """Tabulate chi = ``fn(x, y)`` (x a tuple of d bits, y in {0, 1}) on every pair.

        >>> q = StatisticalQuery.from_callable(2, lambda x, y: (x[0] + y) / 2)
        >>> q.value((1, 0), 1)
        Fraction(1, 1)
        """
        d = check_dimension(d)
        check_memory(d, bytes_per_point=16)
        if not callable(fn):
            raise fail_type("fn", fn, "a callable chi(x, y)")
        rows = []
        for k in range(1 << d):
            x = tuple((k >> i) & 1 for i in range(d))
            rows.append([fn(x, 0), fn(x, 1)])
        try:
            return cls.from_table(np.array(rows, dtype=object))
        except (ValueError, TypeError) as exc:
            raise fail("fn", fn, f"a callable returning numbers in [0, 1] ({exc})") from None

    @classmethod
    def feature(cls, h: BooleanFunction) -> "StatisticalQuery":
        """The paper's feature query chi(x, y) = h(x) y, whose value is E_D[h(x) T(x)].

        >>> import finitelearn as fl
        >>> StatisticalQuery.feature(fl.parity(3, {0, 1})).kind
        'feature'
        """
        if not isinstance(h, BooleanFunction):
            raise fail_type("h", h, "a finitelearn.BooleanFunction (a feature h: X -> {0,1})")
        return cls._make(h.d, None, None, 1, "feature", parity_mask_of(h), h)

    @classmethod
    def agreement(cls, h: BooleanFunction) -> "StatisticalQuery":
        """Kearns' query chi(x, y) = [h(x) = y], whose value is P_D(h(x) = T(x)).

        >>> import finitelearn as fl
        >>> StatisticalQuery.agreement(fl.dictator(2, 0)).value((1, 0), 1)
        Fraction(1, 1)
        """
        if not isinstance(h, BooleanFunction):
            raise fail_type("h", h, "a finitelearn.BooleanFunction (a hypothesis h: X -> {0,1})")
        return cls._make(h.d, None, None, 1, "agreement", parity_mask_of(h), h)

    @classmethod
    def parity_feature(cls, d: int, S: Any) -> "StatisticalQuery":
        """The feature query of the parity f_S, chi(x, y) = f_S(x) y, from S alone.

        Equal to ``feature(parity(d, S))`` but neither builds nor reads a table: an oracle
        over parities under the uniform distribution answers it in closed form, and its
        transcript keeps only S.

        >>> q = StatisticalQuery.parity_feature(4, {0, 2})
        >>> q.parity_mask, q.kind
        (5, 'feature')
        >>> bool((q.numerators == StatisticalQuery.feature(parity(4, {0, 2})).numerators).all())
        True
        """
        return cls._from_parity(d, S, "feature")

    @classmethod
    def parity_agreement(cls, d: int, S: Any) -> "StatisticalQuery":
        """Kearns' agreement query with the parity f_S, chi(x, y) = [f_S(x) = y], from S alone.

        >>> StatisticalQuery.parity_agreement(3, 0b110).value((0, 1, 1), 0)
        Fraction(1, 1)
        """
        return cls._from_parity(d, S, "agreement")

    @classmethod
    def _from_parity(cls, d: Any, S: Any, kind: str) -> "StatisticalQuery":
        d = Cube(d).d  # 1 <= d <= 62: point indices must fit in int64
        return cls._make(d, None, None, 1, kind, subset_mask(S, d), None)

    # -- reading ---------------------------------------------------------------------------
    @property
    def d(self) -> int:
        """Dimension of the cube."""
        return self._d

    @property
    def denominator(self) -> int:
        """The common denominator of the table."""
        return self._den

    @property
    def kind(self) -> str:
        """``'feature'``, ``'agreement'`` or ``'general'``."""
        return self._kind

    @property
    def parity_mask(self) -> int | None:
        """S when the query is the feature or agreement query of a parity f_S, else None."""
        return self._mask

    @property
    def feature_function(self) -> BooleanFunction | None:
        """h of a feature or agreement query (None for a general query)."""
        if self._h is None and self._mask is not None:
            self._h = parity(self._d, self._mask)
        return self._h

    def numerator_columns(self) -> tuple[np.ndarray, np.ndarray]:
        """(num0, num1), read-only int64 arrays of length 2^d: chi(x, y) = num_y[x] / denominator.

        Feature and agreement queries derive them from h on each call and do not keep
        them: a transcript of many queries then holds only the features (or only S).

        >>> [c.tolist() for c in StatisticalQuery.parity_feature(2, {1}).numerator_columns()]
        [[0, 0, 0, 0], [0, 0, 1, 1]]
        """
        if self._num0 is not None:
            return self._num0, self._num1
        check_memory(self._d, bytes_per_point=16, name="query.d")
        f = self.feature_function
        assert f is not None  # a query without its columns is a feature or agreement query
        h = f.truth_table.astype(np.int64)
        if self._kind == "feature":
            return read_only(np.zeros_like(h)), read_only(h)
        return read_only(1 - h), read_only(h)

    @property
    def numerators(self) -> np.ndarray:
        """Read-only (2^d, 2) int64 array: chi(x, y) = numerators[x, y] / denominator."""
        n0, n1 = self.numerator_columns()
        return read_only(np.stack([n0, n1], axis=1))

    def value(self, x: Any, y: int) -> Fraction:
        """chi(x, y) as a Fraction (x a point index or a tuple of bits, y in {0, 1}).

        >>> q = StatisticalQuery.from_callable(2, lambda x, y: (x[0] + y) / 2)
        >>> q.value((1, 0), 0), q.value(3, 1)
        (Fraction(1, 2), Fraction(1, 1))
        """
        k = Cube(self._d).index(x, "x")
        if isinstance(y, (bool, np.bool_)) or not isinstance(y, (int, np.integer)) or y not in (0, 1):
            raise fail("y", y, "a label 0 or 1")
        n0, n1 = self.numerator_columns()
        return Fraction(int((n1 if y else n0)[k]), self._den)

    def __repr__(self) -> str:
        if self._mask is not None:
            S = sorted(i for i in range(self._d) if (self._mask >> i) & 1)
            return f"StatisticalQuery({self._kind} of f_S, S={S} (0-based), d={self._d})"
        return f"StatisticalQuery({self._kind}, d={self._d}, denominator={self._den})"


def _entry_fraction(v: Any) -> Fraction:
    return as_fraction(v, "table")


def _check_table_shape(arr: np.ndarray, name: str) -> int:
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise fail(name, arr, f"an array of shape (2**d, 2): row x, column y (got shape {arr.shape})")
    n = arr.shape[0]
    if n < 2 or n & (n - 1):
        raise fail(name, arr, f"2**d rows with d >= 1 (got {n} rows); no padding is done")
    return n.bit_length() - 1


# ---------------------------------------------------------------------------------------
# transcript and responders
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TranscriptEntry:
    """One exchange with an oracle.

    Attributes
    ----------
    query : StatisticalQuery or int or None
        The statistical query, or the point index of a data query; None once the oracle
        keeps only answers (:meth:`StatisticalQueryOracle.keep_only_answers`).
    value : Fraction or int or None
        The exact value for the fixed teacher (None in the adaptive game, where no single
        teacher is fixed).
    answer : Fraction or int
        What the oracle answered.
    version_space_size : int or None
        Members of the class consistent with every answer so far (None without a class).
    removed : int or None
        Members this answer ruled out.

    Examples
    --------
    >>> import finitelearn as fl
    >>> data = MembershipOracle(fl.parity(2, {0}))
    >>> data.query((1, 0))
    1
    >>> data.transcript[0].answer
    1
    """

    query: Any
    value: Any
    answer: Any
    version_space_size: int | None
    removed: int | None


class _AnswersOnly(list):
    """A transcript that keeps each exchange without its query (see ``keep_only_answers``)."""

    def append(self, entry: TranscriptEntry) -> None:
        super().append(replace(entry, query=None))


def _check_budget(budget: Any) -> int | None:
    if budget is None:
        return None
    b = check_int(budget, "budget")
    if b < 0:
        raise fail("budget", budget, "an int >= 0, or None for no budget")
    return b


# ---------------------------------------------------------------------------------------
# the base of both oracles: counting, budget, version space
# ---------------------------------------------------------------------------------------
class _Oracle:
    """Counting, budget and the version space.

    The version space is kept as a boolean ``_alive`` over the class's positions and its
    size, with the sorted positions ``_vs`` compacted from it only when a route reads them
    (O(m) once, not per query).  A query whose candidates take a few distinct values (the
    closed forms of parity features) then rules out members one by one in O(1): the
    candidate-testing game is 2^(d-1) - 1 queries, so a per-query pass over the version
    space would make it quadratic.
    """

    _kind_name = "oracle"
    _teacher: BooleanFunction | None
    _class: ConceptClass | None
    _alive: np.ndarray | None  # _alive[k]: member k of _class is still consistent
    _vs_size: int
    _vs_cache: np.ndarray | None  # flatnonzero(_alive), or None when stale
    _masks_all: np.ndarray | None
    _teacher_pos: int | None

    @property
    def _vs(self) -> np.ndarray | None:
        """Sorted positions in _class of the members still consistent (None without a class)."""
        if self._alive is None:
            return None
        if self._vs_cache is None:
            self._vs_cache = np.flatnonzero(self._alive).astype(np.int64)
        return self._vs_cache

    @_vs.setter
    def _vs(self, positions: np.ndarray) -> None:
        """Keep exactly ``positions`` (sorted, a subset of the current version space)."""
        assert self._alive is not None
        old = self._vs
        assert old is not None
        self._alive[old] = False  # O(|version space|), not O(|class|)
        self._alive[positions] = True
        self._vs_size = int(positions.shape[0])
        self._vs_cache = positions

    def _drop(self, position: int) -> None:
        """Rule out the one member at ``position`` (O(1); the compacted positions go stale)."""
        assert self._alive is not None and self._alive[position]
        self._alive[position] = False
        self._vs_size -= 1
        self._vs_cache = None

    def _init_common(self, teacher: Any, concept_class: Any, budget: Any) -> None:
        if isinstance(teacher, ConceptClass):
            if concept_class is not None:
                raise fail("concept_class", concept_class,
                           "None when the teacher argument is already a class (the adaptive game)")
            self._teacher = None
            self._class = teacher
        elif isinstance(teacher, BooleanFunction):
            self._teacher = teacher
            if concept_class is not None and not isinstance(concept_class, ConceptClass):
                raise fail_type("concept_class", concept_class, "a finitelearn.ConceptClass or None")
            self._class = concept_class
        else:
            raise fail_type("teacher", teacher, "a BooleanFunction (a fixed teacher) or a ConceptClass (the adaptive game)")
        self._d = teacher.d
        if self._class is not None:
            if self._class.d != self._d:
                raise DomainMismatch(f"the teacher is on d={self._d} and concept_class on d={self._class.d}")
            self._alive = np.ones(len(self._class), dtype=bool)
            self._vs_size = len(self._class)
            self._vs_cache = None
            self._masks_all = self._class.masks
            self._teacher_pos = None if self._teacher is None else self._class.index(self._teacher)
        else:
            self._alive = None
            self._vs_size = 0
            self._vs_cache = None
            self._masks_all = None
            self._teacher_pos = None
        self._budget = _check_budget(budget)
        self._count = 0
        self._transcript: list[TranscriptEntry] = []

    def _given_class(self) -> ConceptClass:
        # the concept class where the caller knows there is one: the oracle keeps a version
        # space (_vs is not None) exactly when it has a class, and has one when no teacher is fixed
        assert self._class is not None
        return self._class

    # -- reading -------------------------------------------------------------------------
    @property
    def d(self) -> int:
        """Dimension of the cube."""
        return self._d

    @property
    def teacher(self) -> BooleanFunction | None:
        """The fixed teacher (None in the adaptive game)."""
        return self._teacher

    @property
    def adaptive(self) -> bool:
        """True in the lower-bound game: a class is held instead of a fixed teacher."""
        return self._teacher is None

    @property
    def concept_class(self) -> ConceptClass | None:
        """The class the version space is kept in (None when only a teacher is given)."""
        return self._class

    @property
    def queries(self) -> int:
        """Number of queries answered so far."""
        return self._count

    @property
    def budget(self) -> int | None:
        """The most queries this oracle answers (None: no limit)."""
        return self._budget

    def _repr_markdown_(self) -> str:
        """The transcript so far, for a notebook."""
        from .notebook import markdown_table

        rows = [[i + 1, e.query if isinstance(e.query, int) else repr(e.query), e.value, e.answer,
                 e.version_space_size, e.removed] for i, e in enumerate(self._transcript)]
        return markdown_table(["#", "query", "exact value", "answer", "teachers left", "ruled out"], rows,
                              title=f"{type(self).__name__} on {{0,1}}^{self.d}: {self.queries} queries")

    @property
    def transcript(self) -> tuple[TranscriptEntry, ...]:
        """Every exchange so far, in order."""
        return tuple(self._transcript)

    @property
    def version_space_size(self) -> int | None:
        """Number of members consistent with every answer (None without a class)."""
        return None if self._alive is None else self._vs_size

    def version_space_indices(self) -> np.ndarray | None:
        """Positions in :attr:`concept_class` of the members consistent with every answer."""
        vs = self._vs
        return None if vs is None else vs.copy()

    def in_version_space(self, k: int) -> bool:
        """True when member ``k`` of the class is still consistent with every answer."""
        if self._alive is None:
            raise fail("oracle", self, "an oracle that keeps a version space (give it a concept_class)")
        k = int(k)
        return 0 <= k < self._alive.shape[0] and bool(self._alive[k])

    def version_space_masks(self) -> np.ndarray | None:
        """Subset masks of the version space of a parity class (None otherwise)."""
        if self._vs is None or self._masks_all is None:
            return None
        return self._masks_all[self._vs]

    @property
    def version_space(self) -> ConceptClass | None:
        """The version space as a :class:`ConceptClass` (None without a class)."""
        return None if self._vs is None else self._given_class().subclass(self._vs)

    def keep_only_answers(self) -> None:
        """From now on keep each exchange in :attr:`transcript` without its query.

        The exact value, the answer and the version-space counts stay; ``query`` is None.
        Entries kept before the call keep their queries.  For long runs at large d: each
        random feature on d = 19 is 64 KiB, so the random-features student's budget of
        2^18 + 19 queries would otherwise keep about 16 GiB of features
        (``finitelearn scaling`` keeps only answers).

        >>> import finitelearn as fl
        >>> o = StatisticalQueryOracle(fl.parity(3, {0}), fl.uniform(3), "1/8", responder="truthful")
        >>> o.keep_only_answers()
        >>> o.feature_query(fl.parity(3, {0, 1}))
        Fraction(1, 4)
        >>> o.transcript[0].query is None, o.transcript[0].value
        (True, Fraction(1, 4))
        """
        if not isinstance(self._transcript, _AnswersOnly):
            self._transcript = _AnswersOnly(self._transcript)

    def version_space_sizes(self) -> list[int]:
        """The version-space size after each query (empty without a class)."""
        return [e.version_space_size for e in self._transcript if e.version_space_size is not None]

    def _spend(self) -> None:
        if self._budget is not None and self._count >= self._budget:
            raise QueryBudgetExceeded(
                f"{self._kind_name} budget of {self._budget} queries exhausted: query {self._count + 1} refused"
            )
        self._count += 1


# ---------------------------------------------------------------------------------------
# membership queries (Theorem 4.3)
# ---------------------------------------------------------------------------------------
class MembershipOracle(_Oracle):
    """Data queries: the teacher's label T(x) of any point x (an active student, Theorem 4.3).

    Parameters
    ----------
    teacher : BooleanFunction or ConceptClass
        The fixed teacher T, or a class: then the oracle plays the adaptive game,
        answering the label that keeps the larger part of the version space (0 on a tie),
        so every deterministic student needs ceil(log2 |class|) queries in the worst case.
    concept_class : ConceptClass, optional
        With a fixed teacher (which must be a member): keep the version space.
    budget : int, optional
        The most queries answered; one more raises :class:`~finitelearn.QueryBudgetExceeded`.

    Examples
    --------
    >>> import finitelearn as fl
    >>> game = MembershipOracle(fl.paper_teachers(3))
    >>> game.query((0, 1, 0)), game.version_space_size
    (0, 2)
    """

    _kind_name = "membership oracle"

    def __init__(self, teacher: Any, *, concept_class: Any = None, budget: Any = None) -> None:
        self._init_common(teacher, concept_class, budget)

    def query(self, x: Any) -> int:
        """T(x) for a point x: a tuple of d bits (``x[0]`` is the paper's x_1) or its index.

        >>> import finitelearn as fl
        >>> data = MembershipOracle(fl.parity(3, {0, 1}))
        >>> data.query((1, 1, 0)), data.query(1), data.queries
        (0, 1, 2)
        """
        k = Cube(self._d).index(x, "x")
        self._spend()
        truth = None if self._teacher is None else self._teacher(k)
        removed = None
        if self._vs is not None:
            if self._masks_all is not None:
                masks = self._masks_all[self._vs]
                labels = (KS if masks.shape[0] <= KS.SMALL else OK).parity_labels(masks, np.int64(k))
            else:
                labels = self._given_class().tables[self._vs, k]
            if truth is None:
                ones = int(labels.sum())
                truth_answer = 1 if 2 * ones > labels.shape[0] else 0
            else:
                truth_answer = truth
            keep = labels == truth_answer
            removed = int(labels.shape[0] - keep.sum())
            self._vs = self._vs[keep]
            if self._vs.shape[0] == 0:
                raise InvariantViolated("the version space became empty after a data query")
            answer = truth_answer
        else:
            assert truth is not None  # without a class the teacher is fixed
            answer = truth
        self._transcript.append(TranscriptEntry(k, truth, answer, self.version_space_size, removed))
        return int(answer)


# ---------------------------------------------------------------------------------------
# statistical queries (Section 4.1)
# ---------------------------------------------------------------------------------------
class StatisticalQueryOracle(_Oracle):
    """STAT(T, D) with tolerance alpha (Section 4.1): exact values, answers within alpha.

    Parameters
    ----------
    teacher : BooleanFunction or ConceptClass
        The fixed teacher T: {0,1}^d -> {0,1}; or a class for the adaptive lower-bound
        game (then ``responder`` must be ``"null"`` or ``"max_consistent"``): each answer
        is within alpha of the exact value of every teacher kept in the version space.
    distribution : Distribution
        D, the distribution of x (the paper's nu is ``uniform(d)``).
    tolerance : int, Fraction, decimal float or str
        alpha > 0.
    responder : str
        ``"truthful"``, ``"noisy"``, ``"null"`` or ``"max_consistent"`` (module docstring).
    concept_class : ConceptClass, optional
        With a fixed teacher (a member): keep the version space as well.
    seed : int or numpy.random.Generator, optional
        For the ``"noisy"`` responder.
    budget : int, optional
        The most queries answered.
    fast_paths : bool
        Use the closed form for feature/agreement queries of a parity against a parity
        class under the uniform distribution (E[f_S' f_S] = 1/2 if S = S' != {} and 1/4
        for distinct non-empty S, S').  False forces the general Walsh-Hadamard route
        (the tests compare the two).

    Notes
    -----
    In the adaptive game with a class of parities under the uniform distribution the
    oracle checks, on every query, that it ruled out fewer than 1/(4 alpha^2) members
    (the Parseval bound) and raises :class:`InvariantViolated` otherwise.  With a fixed
    teacher no such bound holds: when the student queries the teacher itself, even the
    null responder must move towards the truth.

    Examples
    --------
    >>> import finitelearn as fl
    >>> stat = StatisticalQueryOracle(fl.parity(3, {0}), fl.uniform(3), "1/4")
    >>> stat.feature_query(fl.dictator(3, 0)), stat.queries
    (Fraction(1, 2), 1)
    """

    _kind_name = "statistical query oracle"

    def __init__(self, teacher: Any, distribution: Any, tolerance: Any, responder: Any = "truthful", *,
                 concept_class: Any = None, seed: Any = None, budget: Any = None, fast_paths: bool = True) -> None:
        self._init_common(teacher, concept_class, budget)
        if not isinstance(distribution, Distribution):
            raise fail_type("distribution", distribution, "a finitelearn.Distribution")
        if distribution.d != self._d:
            what = "concept class" if self._teacher is None else "teacher"
            raise DomainMismatch(f"the {what} is on d={self._d} and the distribution on d={distribution.d}")
        self._D = distribution
        self._alpha = check_tolerance(tolerance)
        self._responder = normalize_responder(responder, adversarial=self._teacher is None)
        if self._responder == "noisy":
            if seed is None:
                raise fail("seed", seed, "an int or numpy Generator for the noisy responder (results must be reproducible)")
        self._rng = None if seed is None else as_rng(seed)
        if not isinstance(fast_paths, (bool, np.bool_)):
            raise fail_type("fast_paths", fast_paths, "a bool")
        self._fast = bool(fast_paths)
        W = distribution.total
        if W >= _INT64_SAFE:  # a total is a Python int (only each weight must fit int64); int64 sums need < 2^62
            raise fail("distribution", distribution, "a weight total below 2**62")
        self._W = W
        self._dense_w: np.ndarray | None = None
        self._tab_cache: tuple[StatisticalQuery, np.ndarray, np.ndarray] | None = None  # the last query's tables
        self._parseval_check = (self._teacher is None and self._given_class().is_parity_class and distribution.is_uniform)

    # -- reading -------------------------------------------------------------------------
    @property
    def tolerance(self) -> Fraction:
        """alpha, exact."""
        return self._alpha

    @property
    def distribution(self) -> Distribution:
        """D, the distribution of x."""
        return self._D

    @property
    def responder(self) -> str:
        """The responder's name."""
        return self._responder

    # -- exact values --------------------------------------------------------------------
    def _as_query(self, chi: Any) -> StatisticalQuery:
        if isinstance(chi, StatisticalQuery):
            q = chi
        elif isinstance(chi, BooleanFunction):
            raise fail_type("chi", chi, "a StatisticalQuery, a callable chi(x, y) or a (2**d, 2) table; "
                                        "for the paper's feature query E[h(x) T(x)] use feature_query(h)")
        elif callable(chi):
            q = StatisticalQuery.from_callable(self._d, chi)
        elif isinstance(chi, (np.ndarray, list, tuple)):
            q = StatisticalQuery.from_table(chi)
        else:
            raise fail_type("chi", chi, "a StatisticalQuery, a callable chi(x, y) or a (2**d, 2) table")
        if q.d != self._d:
            raise DomainMismatch(f"the query is on d={q.d} and the oracle on d={self._d}")
        return q

    def _denominator(self, q: StatisticalQuery) -> int:
        """Q = 2 W den: every exact value of q is an integer over Q."""
        den = q.denominator
        if 2 * self._W * den * (1 << self._d) >= _INT64_SAFE:
            raise fail("query", q, f"a query whose denominator ({den}) times the distribution's weight total "
                                   f"({self._W}) times 2**(d+1) is below 2**62 (int64 sums stay exact)")
        return 2 * self._W * den

    def _tabs(self, q: StatisticalQuery) -> tuple[np.ndarray, np.ndarray]:
        """The tables of q, derived once per query (a one-entry cache: the last query only)."""
        if self._tab_cache is None or self._tab_cache[0] is not q:
            self._tab_cache = (q, *q.numerator_columns())
        return self._tab_cache[1], self._tab_cache[2]

    def _fast_ok(self, q: StatisticalQuery) -> bool:
        # (called only where the oracle has a class: the version space, the teacher's position in it)
        return (self._fast and q.parity_mask is not None and self._D.is_uniform
                and self._given_class().is_parity_class)

    def _fast_values(self, q: StatisticalQuery, masks: np.ndarray) -> np.ndarray:
        """Closed form over parity teachers f_S (uniform D), numerators over Q = 2^(d+1).

        feature of f_S':   E[f_S' f_S] = 1/2 if S = S' != {}, 1/4 if S, S' != {} distinct, else 0.
        agreement with f_S': P(f_S' = f_S) = 1 if S = S', else 1/2.
        """
        n = 1 << self._d
        assert q.parity_mask is not None  # only called when _fast_ok(q)
        s = np.int64(q.parity_mask)
        if q.kind == "feature":
            if s == 0:
                return np.zeros(masks.shape[0], dtype=np.int64)
            out = np.where(masks == 0, 0, n // 2).astype(np.int64)
            out[masks == s] = n
            return out
        out = np.full(masks.shape[0], n, dtype=np.int64)
        out[masks == s] = 2 * n
        return out

    def _fast_groups(self, q: StatisticalQuery) -> tuple[list[int | None], np.ndarray, np.ndarray]:
        """The version space's closed-form values grouped: (groups, values, counts).

        ``groups`` lists, in position order, the position of each member with a value of
        its own (f_0, and f_S for the query's S) and then None for "every other member";
        ``values`` are their numerators over Q (as :meth:`_fast_values`) and ``counts``
        their sizes.  O(log m) per query: no pass over the version space.  A responder
        reads only the values and their multiplicities (the null answer's nearest value
        on a tie is the first in position order, which the order of the groups keeps).
        """
        assert q.parity_mask is not None and self._alive is not None
        s = int(q.parity_mask)
        n = 1 << self._d
        feature = q.kind == "feature"
        # the values of _fast_values, one member at a time: (mask, value)
        if feature:
            own = {0: 0, s: (n if s else 0)}
            generic = n // 2 if s else 0
        else:
            own = {s: 2 * n}
            generic = n
        alive = self._alive
        special = sorted((p, m) for m in own for p in (self._given_class().position_of_mask(m),) if p is not None and alive[p])
        groups: list[int | None] = [p for p, _ in special]
        values = [own[m] for _, m in special]
        counts = [1] * len(special)
        rest = self._vs_size - len(special)
        if rest > 0:  # every other member f_T has the generic value
            groups.append(None)
            values.append(generic)
            counts.append(rest)
        return groups, np.array(values, dtype=np.int64), np.array(counts, dtype=np.int64)

    def _rule_out_groups(self, groups: list[int | None], keep: list[bool]) -> None:
        """Rule out the groups of :meth:`_fast_groups` with ``keep`` False."""
        for g, k in zip(groups, keep):
            if k:
                continue
            if g is not None:
                self._drop(g)
            else:  # every member outside the special ones (rare: a pass over the version space)
                vs = self._vs
                assert vs is not None
                specials = [p for p in groups if p is not None]
                self._vs = vs[np.isin(vs, np.array(specials, dtype=np.int64))]

    def _class_values(self, q: StatisticalQuery, rows: np.ndarray) -> np.ndarray:
        """Numerators over Q of E_D[chi(x, T(x))] for the class members ``rows``."""
        cc = self._given_class()
        if cc.is_parity_class:
            assert self._masks_all is not None  # the masks of the parity class
            masks = self._masks_all[rows]
            if self._fast_ok(q):
                return self._fast_values(q, masks)
            # the query's columns and the feature table, their difference, its transform and its copies,
            # (and, weighted, the dense weights and the product); what the callers build from the
            # values (candidate_values: a Fraction per member) is covered too, measured: tests/test_memory.py
            check_memory(self._d, bytes_per_point=80 if self._D.is_uniform else 96, name="d")
            h = q.feature_function if q.kind in ("feature", "agreement") else None
            if h is not None and self._D.is_uniform:
                # g = h (feature) or 2h - 1 (agreement): both from the integer spectrum
                # F^ of the +-1 table F = 1 - 2h (int16/int32 by its bound 2^d), no int64
                # columns: h^(S) = (2^d [S = 0] - F^(S))/2, and (2h - 1)^ = -F^
                n = 1 << self._d
                spec = integer_spectrum(h)
                F = spec[masks].astype(np.int64)
                if q.kind == "feature":
                    # sum_x h(x) - h^(S) = (n - F^(0))/2 - (n [S = 0] - F^(S))/2; every F^(S) has
                    # the parity of n (a sum of n terms +-1), so the halving is exact
                    F += n - int(spec[0])
                    if masks.shape[0] and int(masks.min()) == 0:
                        F[masks == 0] -= n
                    F >>= 1
                    return F
                F += n  # base sum_x (1 - h + h) = 2^d, minus -F^
                return F
            num0, num1 = self._tabs(q)
            if self._D.is_uniform:
                base = int(num0.sum() + num1.sum())
                # |num1 - num0| <= den, so every partial transform is bounded by den 2^d
                dtype = narrowest_int(q.denominator << self._d)
                g = np.subtract(num1, num0, dtype=dtype)
            else:
                if self._dense_w is None:
                    self._dense_w = self._D.dense_weights()
                w = self._dense_w
                base = int((w * (num0 + num1)).sum())
                # |w (num1 - num0)| summed over x is at most W den (< 2^62, checked in _denominator)
                dtype = narrowest_int(self._W * q.denominator)
                g = (w * (num1 - num0)).astype(dtype)
            assert dtype is not None  # bounds below 2^62 (_denominator)
            if KS.transform_is_exact(g):
                g = KS.wht(g)  # small: numpy, no numba to start (_kernels/small.py)
            else:
                W.wht_inplace(g)
            # the central identity: E[chi(x, f_S(x))] = null - ghat(S)/2, over Q = 2 W den
            return np.int64(base) - g[masks].astype(np.int64)
        num0, num1 = self._tabs(q)
        sums = OK.class_sums(cc.tables, rows, self._D.support, self._D.weights, num0, num1)
        return 2 * sums

    def _teacher_value(self, q: StatisticalQuery) -> int:
        """Numerator over Q of E_D[chi(x, T(x))] for the fixed teacher, by enumeration."""
        if self._teacher_pos is not None and self._fast_ok(q):
            assert self._masks_all is not None  # _fast_ok: the teacher's class is a parity class
            return int(self._fast_values(q, self._masks_all[[self._teacher_pos]])[0])
        num0, num1 = self._tabs(q)
        assert self._teacher is not None  # only called with a fixed teacher
        return 2 * int(OK.teacher_sum(self._teacher.truth_table, self._D.support, self._D.weights, num0, num1))

    def _null_value(self, q: StatisticalQuery) -> int:
        """Numerator over Q of E_D[(chi(x,0) + chi(x,1))/2]."""
        if self._D.is_uniform and q.parity_mask is not None:
            n = 1 << self._d
            # feature of f_S': E[f_S']/2 = 1/4 (S' != {}); agreement: 1/2
            if q.kind == "feature":
                return 0 if q.parity_mask == 0 else n // 2
            return n
        if self._D.is_uniform and q.kind in ("feature", "agreement"):
            # chi(x, 0) + chi(x, 1) is h(x) (feature) or 1 (agreement): no columns built
            if q.kind == "agreement":
                return 1 << self._d
            h = q.feature_function
            assert h is not None  # feature queries carry their feature
            return h.weight()  # sum_x h(x)
        num0, num1 = self._tabs(q)
        if self._D.is_uniform:
            return int(num0.sum() + num1.sum())
        s = self._D.support
        return int(self._D.weights @ (num0[s] + num1[s]))

    def exact_value(self, chi: Any, teacher: BooleanFunction | None = None) -> Fraction:
        """E_D[chi(x, T(x))] exactly, without asking (not counted): for ``teacher`` or the fixed one.

        >>> import finitelearn as fl
        >>> o = StatisticalQueryOracle(fl.parity(3, {0}), fl.uniform(3), "1/8")
        >>> o.exact_value(StatisticalQuery.feature(fl.dictator(3, 0))), o.queries
        (Fraction(1, 2), 0)
        """
        q = self._as_query(chi)
        Q = self._denominator(q)
        if teacher is None:
            if self._teacher is None:
                raise fail("teacher", None, "a BooleanFunction in the adaptive game (no teacher is fixed)")
            return Fraction(self._teacher_value(q), Q)
        if not isinstance(teacher, BooleanFunction):
            raise fail_type("teacher", teacher, "a finitelearn.BooleanFunction")
        if teacher.d != self._d:
            raise DomainMismatch(f"teacher is on d={teacher.d} and the oracle on d={self._d}")
        num0, num1 = self._tabs(q)
        return Fraction(2 * int(OK.teacher_sum(teacher.truth_table, self._D.support, self._D.weights, num0, num1)), Q)

    def null_value(self, chi: Any) -> Fraction:
        """E_D[(chi(x, 0) + chi(x, 1))/2], the answer of the Parseval adversary (not counted).

        >>> import finitelearn as fl
        >>> stat = StatisticalQueryOracle(fl.parities(3), fl.uniform(3), "1/4", responder="null")
        >>> stat.null_value(StatisticalQuery.from_callable(3, lambda x, y: y))
        Fraction(1, 2)
        """
        q = self._as_query(chi)
        return Fraction(self._null_value(q), self._denominator(q))

    def candidate_values(self, chi: Any) -> np.ndarray | None:
        """Exact values (Fractions, object array) of chi for every member of the version space (not counted).

        >>> import finitelearn as fl
        >>> stat = StatisticalQueryOracle(fl.parities(2), fl.uniform(2), "1/4", responder="null")
        >>> stat.candidate_values(StatisticalQuery.from_callable(2, lambda x, y: int(y == x[0])))
        array([Fraction(1, 2), Fraction(1, 1), Fraction(1, 2), Fraction(1, 2)],
              dtype=object)
        """
        if self._vs is None:
            return None
        q = self._as_query(chi)
        Q = self._denominator(q)
        out = np.empty(self._vs.shape[0], dtype=object)
        out[:] = [Fraction(int(v), Q) for v in self._class_values(q, self._vs).tolist()]
        return out

    # -- asking --------------------------------------------------------------------------
    def query(self, chi: Any) -> Fraction:
        """Ask the statistical query chi; the answer is within alpha of E_D[chi(x, T(x))].

        ``chi`` is a :class:`StatisticalQuery`, a callable ``chi(x, y)`` (x a tuple of
        bits, y in {0,1}, values in [0, 1]) or a (2^d, 2) table.

        >>> import finitelearn as fl
        >>> stat = StatisticalQueryOracle(fl.parity(2, {0}), fl.uniform(2), "1/8")
        >>> stat.query(StatisticalQuery.from_callable(2, lambda x, y: int(y == x[0]))), stat.queries
        (Fraction(1, 1), 1)
        """
        q = self._as_query(chi)
        Q = self._denominator(q)
        self._spend()
        a, b = self._alpha.numerator, self._alpha.denominator
        t = a * Q
        if self._responder in ADVERSARIAL_RESPONDERS:
            # values and answers lie in [0, 1]: any alpha >= 1 gives these responders the same
            # answers as alpha = 1, and the bounded window keeps their int64 arithmetic exact
            t = min(t, Q * b)
        truth_num = None if self._teacher is None else self._teacher_value(q)
        null_num = self._null_value(q)
        truth_u = None if truth_num is None else truth_num * b
        null_u = null_num * b
        values_u = None
        counts = None
        groups = None
        if self._alive is not None:
            if self._masks_all is not None and self._fast_ok(q):
                # the closed form takes at most three values: the members f_0 and f_S (by
                # position) and everyone else (one group), answered and ruled out per group
                groups, cand, counts = self._fast_groups(q)
            else:
                vs = self._vs
                assert vs is not None
                cand = self._class_values(q, vs)
                counts = np.ones(cand.shape[0], dtype=np.int64)
            values_u = to_units(cand, b, 2 * Q)
        ans_num, scale = responders.respond(self._responder, values_u, counts, truth_u, null_u, t, self._rng)
        answer = Fraction(ans_num, Q * b * scale)
        if truth_u is not None and abs(truth_u * scale - ans_num) > t * scale:
            assert truth_num is not None  # truth_u is truth_num * b
            raise InvariantViolated(f"answer {answer} is not within {self._alpha} of the truth {Fraction(truth_num, Q)}")
        removed = None
        if values_u is not None:
            if scale != 1:  # a noisy answer on a finer grid: compare as exact Python ints
                values_u = values_u.astype(object)
            n_before = self._vs_size
            if groups is not None:
                keep = np.abs(values_u * scale - ans_num) <= t * scale
                self._rule_out_groups(groups, keep.tolist())
            elif not (scale == 1 and values_u.dtype == np.int64
                      and ans_num - t <= int(values_u.min()) and int(values_u.max()) <= ans_num + t):
                # (otherwise every value is within t of the answer: nobody is ruled out, no mask built)
                keep = np.abs(values_u * scale - ans_num) <= t * scale
                vs = self._vs
                assert vs is not None  # values_u was computed on the version space
                self._vs = vs[keep]
            removed = n_before - self._vs_size
            if self._vs_size == 0:
                raise InvariantViolated("the version space became empty")
            if self._parseval_check and removed * 4 * a * a >= b * b:
                raise InvariantViolated(
                    f"one query removed {removed} parities, not fewer than 1/(4 alpha^2) = {Fraction(b * b, 4 * a * a)}"
                )
        value = None if truth_num is None else Fraction(truth_num, Q)
        self._transcript.append(TranscriptEntry(q, value, answer, self.version_space_size, removed))
        return answer

    def feature_query(self, h: BooleanFunction) -> Fraction:
        """The paper's feature query: E_D[h(x) T(x)] within alpha (chi(x, y) = h(x) y).

        >>> import finitelearn as fl
        >>> o = StatisticalQueryOracle(fl.parity(3, {0, 1}), fl.uniform(3), "1/8", responder="null")
        >>> o.feature_query(fl.parity(3, {0, 1}))   # truth 1/2, null 1/4: the nearest answer within 1/8
        Fraction(3, 8)
        """
        if not isinstance(h, BooleanFunction):
            raise fail_type("h", h, "a finitelearn.BooleanFunction (a feature h: X -> {0,1})")
        if h.d != self._d:
            raise DomainMismatch(f"the feature h is on d={h.d} and the oracle on d={self._d}")
        S = parity_mask_of(h)
        if S is not None:  # keep no table in the transcript
            return self.query(StatisticalQuery.parity_feature(self._d, S))
        return self.query(StatisticalQuery.feature(h))

    # -- judging -------------------------------------------------------------------------
    def worst_case_agreement(self, h: BooleanFunction) -> tuple[Fraction, BooleanFunction]:
        """min over the teachers still possible of P_D(h(x) = T(x)), with a worst teacher.

        In the adaptive game the student's hypothesis is judged against the worst teacher
        still in the version space; with a fixed teacher, against it (equation (4.2)).

        >>> import finitelearn as fl
        >>> stat = StatisticalQueryOracle(fl.parities(2), fl.uniform(2), "1/4", responder="null")
        >>> p, T = stat.worst_case_agreement(fl.dictator(2, 0))
        >>> p
        Fraction(1, 2)
        """
        if not isinstance(h, BooleanFunction):
            raise fail_type("h", h, "a finitelearn.BooleanFunction")
        if h.d != self._d:
            raise DomainMismatch(f"h is on d={h.d} and the oracle on d={self._d}")
        q = StatisticalQuery.agreement(h)
        Q = self._denominator(q)
        if self._teacher is not None:
            return Fraction(self._teacher_value(q), Q), self._teacher
        assert self._vs is not None  # no fixed teacher: the oracle keeps the class's version space
        vals = self._class_values(q, self._vs)
        k = int(np.argmin(vals))
        return Fraction(int(vals[k]), Q), self._given_class()[int(self._vs[k])]
