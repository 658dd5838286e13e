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
from ..functions import parity
from ._base import LearningResult, Student, first_candidate

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


class PaperLearner(Student):
    """The learner in the proof of Theorem 4.3: T(0), T(e_1), ..., T(e_d) (d + 1 data queries).

    i is in S exactly when T(e_i) != T(0).  The hypothesis is f_S (or its complement when
    T(0) = 1, so affine parities are learned too).  It uses no knowledge of the class
    beyond "the teacher is a parity", so it asks all d + 1 queries even where the class
    (4.3) already fixes the answer (T(0) = 0, T(e_1) = 1).
    """

    name = "paper-d+1"
    kind = "membership"

    def learn(self, oracle: Any, budget: Any = None) -> LearningResult:
        self._check_oracle(oracle, need_class=False)
        limit = self._budget(oracle, budget)
        start = oracle.queries
        d = oracle.d
        answers = []
        for x in [0] + [1 << i for i in range(d)]:  # the points 0, e_1, ..., e_d
            if len(answers) >= limit:
                return self._result(oracle, start, parity(d, 0), "budget", identified=False)
            answers.append(oracle.query(x))
        t0 = answers[0]
        mask = sum(1 << i for i in range(d) if answers[i + 1] != t0)
        h = parity(d, mask)
        if t0:
            h = ~h
        # without a class the premise "T is a parity (or its complement)" pins T down
        identified = True if oracle.concept_class is None else None
        return self._result(oracle, start, h, "identified", identified=identified, subset=None if t0 else mask)


class OptimalMembership(Student):
    """The query that splits the version space most evenly, until one teacher is left.

    For a parity class the queries are the unit points e_i of the coordinates on which the
    candidates still differ (for an affine version space, such as every one met with the
    class (4.3), each splits it exactly in half); for a general class, the point whose
    labels split the candidates most evenly.  Meets ceil(log2 |class|) whenever every
    split is exact, which is optimal: an adversary that keeps the larger half forces it.
    """

    name = "optimal"
    kind = "membership"

    def learn(self, oracle: Any, budget: Any = None) -> LearningResult:
        self._check_oracle(oracle, need_class=True)
        limit = self._budget(oracle, budget)
        start = oracle.queries
        C = oracle.concept_class
        d = oracle.d
        stopped = "identified"
        while oracle.version_space_size > 1:
            if oracle.queries - start >= limit:
                stopped = "budget"
                break
            vs = oracle.version_space_indices()
            n = vs.shape[0]
            if C.is_parity_class:
                masks = C.masks[vs]
                ones = np.array([int(((masks >> i) & 1).sum()) for i in range(d)])
                x = 1 << int(np.argmax(np.minimum(ones, n - ones)))
            else:
                ones = C.tables[vs].sum(axis=0, dtype=np.int64)
                x = int(np.argmax(np.minimum(ones, n - ones)))
                if min(int(ones[x]), n - int(ones[x])) == 0:  # pragma: no cover - distinct members always split
                    stopped = "no progress"
                    break
            oracle.query(x)
        h, mask = first_candidate(oracle)
        return self._result(oracle, start, h, stopped, subset=mask)


class GF2Elimination(Student):
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
    """

    name = "gf2-elimination"
    kind = "membership"

    def _default_budget(self, class_size: int, d: int) -> int:
        # d unknowns at most; each extra query fails to add an equation with probability <= 1/2
        return d + 64

    def __init__(self, seed: Any = 0) -> None:
        self.seed = seed

    def learn(self, oracle: Any, budget: Any = None) -> LearningResult:
        self._check_oracle(oracle, need_class=False)
        fixed, fixed_bits = _parity_structure(oracle)
        rng = as_rng(self.seed, allow_none=False)
        limit = self._budget(oracle, budget)
        start = oracle.queries
        d = oracle.d
        free = ((1 << d) - 1) & ~fixed
        unknowns = bin(free).count("1")
        basis: dict[int, tuple[int, int]] = {}  # pivot bit -> (row, rhs), row over the free coordinates
        stopped = "identified"
        while len(basis) < unknowns:
            if oracle.queries - start >= limit:
                stopped = "budget"
                break
            x = int(rng.integers(0, 1 << d))
            y = oracle.query(x)
            row = x & free
            rhs = y ^ (bin(fixed_bits & x).count("1") & 1)
            while row:
                p = row.bit_length() - 1
                if p not in basis:
                    basis[p] = (row, rhs)
                    break
                prow, prhs = basis[p]
                row ^= prow
                rhs ^= prhs
        if stopped == "budget":
            k = oracle.version_space_indices()[0] if oracle.concept_class is not None else None
            h = oracle.concept_class[int(k)] if k is not None else parity(d, fixed_bits)
            return self._result(oracle, start, h, stopped,
                                identified=False if oracle.concept_class is None else None)
        # back-substitution, lowest pivot first: row = pivot bit + lower bits
        S = fixed_bits
        for p in sorted(basis):
            row, rhs = basis[p]
            lower = row & ~(1 << p)
            bit = rhs ^ (bin(lower & S).count("1") & 1)
            if bit:
                S |= 1 << p
        h = parity(d, S)
        identified = True if oracle.concept_class is None else None
        return self._result(oracle, start, h, stopped, identified=identified, subset=S)
