"""Membership-query (data-query) students: the active student of Theorem 4.3.

- :class:`PaperLearner` (``"paper-d+1"``): the proof of Theorem 4.3, T(0) and T(e_1), ...,
  T(e_d); i is in S exactly when T(e_i) != T(0).  d + 1 queries, for every teacher.
- :class:`OptimalMembership` (``"optimal"``): a query that splits the version space as
  evenly as possible; for the class (4.3) every split is exact, so it meets the
  information-theoretic bound log2 |class| = d - 1 (no student can do better against the
  adversary that keeps the larger half).
- :class:`GF2Elimination` (``"gf2-elimination"``): random points (seeded); each answer is a
  linear equation sum_{i in S} x_i = T(x) over GF(2), solved by Gaussian elimination once
  the equations pin S down.

Examples
--------
>>> import finitelearn as fl
>>> T = fl.parity(6, {0, 3, 5})
>>> r = PaperLearner().learn(fl.MembershipOracle(T))
>>> r.hypothesis == T, r.queries
(True, 7)
>>> OptimalMembership().learn(fl.MembershipOracle(fl.paper_teachers(6))).queries
5
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..validation import as_rng, fail
from ..functions import BooleanFunction, parity
from .base import Learner, first_candidate

__all__ = ["PaperLearner", "OptimalMembership", "GF2Elimination"]


def _parity_structure(oracle: Any) -> tuple[int, int]:
    """(fixed mask, fixed bits) of S known from the class (no class: nothing is known)."""
    C = oracle.concept_class
    full = (1 << oracle.d) - 1
    if C is None:
        return 0, 0
    if not C.is_parity_class:
        raise fail("oracle", oracle, "an oracle whose class is a class of parities (this student solves for S)")
    masks = C.masks
    varying = int(np.bitwise_or.reduce(masks ^ masks[0]))
    fixed = full & ~varying
    return fixed, int(masks[0]) & fixed


class PaperLearner(Learner):
    """The learner in the proof of Theorem 4.3: T(0), T(e_1), ..., T(e_d) (d + 1 data queries).

    i is in S exactly when T(e_i) != T(0).  The hypothesis is f_S (or its complement when
    T(0) = 1, so affine parities are learned too).  It uses no knowledge of the class
    beyond "the teacher is a parity", so it asks all d + 1 queries even where the class
    (4.3) already fixes the answer (T(0) = 0, T(e_1) = 1).

    >>> import finitelearn as fl
    >>> r = PaperLearner().learn(fl.MembershipOracle(fl.parity(4, {0, 3})))
    >>> r.queries, r.subset
    (5, 9)
    """

    name = "paper-d+1"
    kind = "membership"
    needs_class = False

    def start(self, oracle: Any) -> None:
        self._answers: list[int] = []

    def done(self, oracle: Any) -> bool:
        return len(self._answers) == oracle.d + 1

    def next_query(self, oracle: Any) -> int:
        k = len(self._answers)  # the points 0, e_1, ..., e_d
        return 0 if k == 0 else 1 << (k - 1)

    def observe(self, oracle: Any, query: Any, answer: Any) -> None:
        self._answers.append(int(answer))

    def hypothesis(self, oracle: Any, stopped: str) -> tuple[BooleanFunction, int | None]:
        d = oracle.d
        if stopped != "identified":  # the budget ran out before the d + 1 answers
            return first_candidate(oracle) if oracle.concept_class is not None else (parity(d, 0), None)
        t0 = self._answers[0]
        mask = sum(1 << i for i in range(d) if self._answers[i + 1] != t0)
        # without a class the premise "T is a parity (or its complement)" pins T down
        return (~parity(d, mask), None) if t0 else (parity(d, mask), mask)


class OptimalMembership(Learner):
    """The query that splits the version space most evenly, until one teacher is left.

    For a parity class the queries are the unit points e_i of the coordinates on which the
    candidates still differ (for an affine version space, such as every one met with the
    class (4.3), each splits it exactly in half); for a general class, the point whose
    labels split the candidates most evenly.  Meets ceil(log2 |class|) whenever every
    split is exact, which is optimal: an adversary that keeps the larger half forces it.

    >>> import finitelearn as fl
    >>> C = fl.paper_teachers(4)
    >>> r = OptimalMembership().learn(fl.MembershipOracle(C[6], concept_class=C))
    >>> r.identified, r.queries, r.subset
    (True, 3, 13)
    """

    name = "optimal"
    kind = "membership"

    def next_query(self, oracle: Any) -> int | None:
        C = oracle.concept_class
        vs = oracle.version_space_indices()
        n = vs.shape[0]
        if C.is_parity_class:
            masks = C.masks[vs]
            ones = np.array([int(((masks >> i) & 1).sum()) for i in range(oracle.d)])
            return 1 << int(np.argmax(np.minimum(ones, n - ones)))
        ones = C.tables[vs].sum(axis=0, dtype=np.int64)
        x = int(np.argmax(np.minimum(ones, n - ones)))
        if min(int(ones[x]), n - int(ones[x])) == 0:  # pragma: no cover - distinct members always split
            return None
        return x


class GF2Elimination(Learner):
    """Random data queries (seeded) solved as linear equations over GF(2).

    Each answer T(x) = sum_{i in S} x_i mod 2 is one equation in the unknown bits of S
    (those the class does not fix); elimination keeps a basis of the equations and stops
    when it has as many independent ones as unknowns.  A random point is independent of
    r earlier equations with probability 1 - 2^(r - n), so about n + 1.6 queries are
    needed for n unknowns.

    Without a budget it may ask d + 64 queries (the chance of needing more is below 2^-64).

    Parameters
    ----------
    seed : int or numpy.random.Generator

    Examples
    --------
    >>> import finitelearn as fl
    >>> r = GF2Elimination(seed=0).learn(fl.MembershipOracle(fl.parity(4, {1, 2}), concept_class=fl.parities(4)))
    >>> r.identified, r.subset
    (True, 6)
    """

    name = "gf2-elimination"
    kind = "membership"
    needs_class = False

    def __init__(self, seed: Any = 0) -> None:
        as_rng(seed, allow_none=False)  # refuse a bad seed now, not at the first query
        self.seed = seed

    def default_budget(self, class_size: int, d: int) -> int:
        """d + 64: d unknowns at most; each extra query fails to add an equation with probability <= 1/2.

        >>> GF2Elimination().default_budget(16, 4)
        68
        """
        return d + 64

    def start(self, oracle: Any) -> None:
        self._fixed, self._fixed_bits = _parity_structure(oracle)
        self._rng = as_rng(self.seed, allow_none=False)
        self._free = ((1 << oracle.d) - 1) & ~self._fixed
        self._unknowns = bin(self._free).count("1")
        self._basis: dict[int, tuple[int, int]] = {}  # pivot bit -> (row, rhs), row over the free coordinates

    def done(self, oracle: Any) -> bool:
        return len(self._basis) == self._unknowns

    def next_query(self, oracle: Any) -> int:
        return int(self._rng.integers(0, 1 << oracle.d))

    def observe(self, oracle: Any, query: Any, answer: Any) -> None:
        row = query & self._free
        rhs = int(answer) ^ (bin(self._fixed_bits & query).count("1") & 1)
        while row:
            p = row.bit_length() - 1
            if p not in self._basis:
                self._basis[p] = (row, rhs)
                break
            prow, prhs = self._basis[p]
            row ^= prow
            rhs ^= prhs

    def hypothesis(self, oracle: Any, stopped: str) -> tuple[BooleanFunction, int | None]:
        d = oracle.d
        if stopped != "identified":
            return first_candidate(oracle) if oracle.concept_class is not None else (parity(d, self._fixed_bits), None)
        # back-substitution, lowest pivot first: row = pivot bit + lower bits
        S = self._fixed_bits
        for p in sorted(self._basis):
            row, rhs = self._basis[p]
            lower = row & ~(1 << p)
            if rhs ^ (bin(lower & S).count("1") & 1):
                S |= 1 << p
        return parity(d, S), S
