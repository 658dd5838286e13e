"""The exhaustive one-query search of the SQ-complexity work, cut into chunks for the engine.

For the paper's class (4.3), {f_S : 1 in S} under the uniform distribution, and Boolean
queries chi: {0,1}^d x {0,1} -> {0,1} (Kearns' STAT), :func:`one_query_search` tries
*every* query (2^(2^(d+1)) of them: 256 at d = 2, 65536 at d = 3, 2^32 at d = 4) and
returns the most members one query rules out against the null answer, with the first
query attaining it.  The range of queries is cut into chunks; each chunk returns a max
with its witness, and the partials combine by ``max`` on (count, -query), which is
associative and commutative, so the answer and the witness do not depend on the engine.
It is an independent check of :func:`finitelearn.max_eliminations` (CP-SAT), which it
agrees with, and the witness is re-checked through
:class:`~finitelearn.StatisticalQueryOracle` in exact arithmetic.

Examples
--------
>>> r = one_query_search(3, "1/8")
>>> r.value, r.checked, r.queries
(3, 3, 65536)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from ._kernels import sq_search as KS
from .bounds import check_tolerance
from .classes import paper_teachers
from .distributions import uniform
from .engine import check_engine
from .oracles import StatisticalQuery
from .validation import check_bool, check_int, fail

__all__ = ["OneQuerySearch", "one_query_search", "MAX_SEARCH_D"]

#: Largest d of the exhaustive search: 2^32 Boolean queries at d = 4.
MAX_SEARCH_D = 4


@dataclass(frozen=True)
class OneQuerySearch:
    """The result of :func:`one_query_search`.

    Attributes
    ----------
    value : int
        The most members of the class (4.3) one Boolean query rules out against the null
        answer (-1 when ``require_consistent`` and no query keeps a member).
    witness : StatisticalQuery
        The first query (in the order of the integer encoding) attaining it.
    checked : int or None
        What :func:`finitelearn.sq_complexity.eliminated_by` measures for the witness
        through a fresh oracle (equal to ``value``).
    queries : int
        The number of queries tried.

    Examples
    --------
    >>> one_query_search(2, "1/8").queries
    256
    """

    value: int
    witness: StatisticalQuery = field(repr=False)
    checked: int | None
    queries: int


def search_task(d: int, masks: np.ndarray, thr: int, require: bool, lo: int, hi: int) -> tuple[int, int]:
    """(count, -query) of the best query in lo..hi-1 (one chunk; combined by ``max``).

    >>> search_task(2, np.array([1, 3]), 1, True, 0, 256)
    (1, -5)
    """
    best, t = KS.best_query(d, masks, thr, require, lo, hi)
    return int(best), -int(t)


def _query_of(t: int, d: int) -> StatisticalQuery:
    n = 1 << d
    return StatisticalQuery.from_table([[(t >> x) & 1, (t >> (n + x)) & 1] for x in range(n)])


def one_query_search(d: Any, tolerance: Any, *, require_consistent: bool = True, engine: Any = None,
                     chunk: int | None = None) -> OneQuerySearch:
    """The exact one-query maximum of the class (4.3) against the null answer, by trying every Boolean query.

    Parameters
    ----------
    d : int
        2 <= d <= 4.
    tolerance : number or str
        alpha in (0, 1/2), read exactly.
    require_consistent : bool
        Count only queries whose null answer keeps a member (as in the adaptive game).
    engine : Engine, optional
        Where the chunks run (default: this process).
    chunk : int, optional
        Queries per chunk.

    Examples
    --------
    >>> import finitelearn as fl
    >>> r = one_query_search(3, "1/16")
    >>> r.value == fl.max_eliminations(fl.paper_teachers(3), fl.uniform(3), "1/16").value
    True
    """
    d = check_int(d, "d")
    if not 2 <= d <= MAX_SEARCH_D:
        raise fail("d", d, f"an int in 2..{MAX_SEARCH_D} (2^(2^(d+1)) Boolean queries)")
    alpha = check_tolerance(tolerance)
    require = check_bool(require_consistent, "require_consistent")
    eng = check_engine(engine)
    C = paper_teachers(d)
    masks = np.asarray(C.masks, dtype=np.int64)
    scaled = alpha * (1 << (d + 1))
    thr = scaled.numerator // scaled.denominator  # |G| > alpha 2^(d+1)  iff  |G| > floor(alpha 2^(d+1))
    n = 1 << (1 << (d + 1))
    best, neg_t = eng.map_reduce(search_task, (d, masks, thr, require), n, max, (-2, 0), chunk=chunk)
    t = -neg_t
    witness = _query_of(max(t, 0), d)
    checked = None
    if best >= 0:
        from .sq_complexity import eliminated_by

        checked = eliminated_by(witness, C, uniform(d), Fraction(alpha), "null", require)
    return OneQuerySearch(int(best), witness, checked, n)
