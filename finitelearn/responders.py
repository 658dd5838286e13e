"""How a statistical-query oracle answers: the responders of Section 4.1.

STAT(T, D) with tolerance alpha may answer a query chi with any value within alpha of
the exact value v = E_D[chi(x, T(x))].  A *responder* is the rule that picks it:

``"truthful"``
    v itself.
``"noisy"``
    uniform on the grid v + alpha k / 2^20, k = -2^20..2^20 (seeded): an exact
    :class:`~fractions.Fraction` drawn from a discretised uniform law on [v - alpha, v + alpha].
``"null"``
    the Parseval adversary of Theorems 4.1 and 4.2: the *null value*
    E_D[(chi(x, 0) + chi(x, 1))/2] when it is within alpha of the truth, otherwise the
    value within tolerance nearest to it (:func:`null_answer`).
``"max_consistent"``
    the answer within tolerance that keeps the most candidates consistent, a sliding
    window of width 2 alpha over their sorted exact values; among the best windows, the
    answer nearest to the null value (:func:`max_consistent_answer`).

Why the null value: for a parity teacher f_S under uniform x and g = chi(., 1) - chi(., 0),
the central identity (docs/design.md, Section 4.1)

    E[chi(x, f_S(x))] = E[(chi(x,0) + chi(x,1))/2] - ghat(S)/2

splits every exact value into a part that does not depend on S (the null value) and
ghat(S)/2.  Answering the null value is within alpha of every f_S with |ghat(S)| <= 2 alpha,
and by Parseval (sum_S ghat(S)^2 = E[g^2] <= 1) fewer than 1/(4 alpha^2) parities are
farther: so each answer rules out fewer than 1/(4 alpha^2) candidates.

Units
-----
The functions here work in exact integers: every exact value of one query is an
integer over a common denominator Q, and alpha = a/b, so values, the truth, the null value
and the half-width t = a Q are integers in units of 1/(Q b).  :func:`to_units` converts
numerators over Q to these units.  :func:`respond` returns ``(numerator, scale)``: the
answer is ``numerator / (Q b scale)`` (scale is 1 except for the noisy responder).

Examples
--------
>>> normalize_responder("Max-Consistent")
'max_consistent'
>>> respond("null", None, None, truth=8, null=4, t=2, rng=None)   # truth 8, null 4, alpha 2: move to 6
(6, 1)
>>> max_consistent_answer([0, 3, 4, 10], [1, 1, 1, 1], t=2, null=9)   # only 2 keeps 0, 3 and 4
(2, 3)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._kernels import responders as RK
from .validation import fail, fail_type

__all__ = [
    "RESPONDERS",
    "ADVERSARIAL_RESPONDERS",
    "NOISE_GRID",
    "normalize_responder",
    "to_units",
    "null_answer",
    "max_consistent_answer",
    "respond",
]

RESPONDERS = ("truthful", "noisy", "null", "max_consistent")
"""Every responder name, in its normal form."""

ADVERSARIAL_RESPONDERS = ("null", "max_consistent")
"""The responders that can play the adaptive game (they need no fixed teacher)."""

NOISE_GRID = 1 << 20
"""The noisy responder draws k uniformly in -NOISE_GRID..NOISE_GRID and answers v + alpha k / NOISE_GRID."""

_INT64_SAFE = 1 << 62


def normalize_responder(responder: Any, *, adversarial: bool = False, name: str = "responder") -> str:
    """The normal form of a responder name, the one rule every caller uses.

    Surrounding blanks are dropped, letters lower-cased, and ``-`` and blanks inside the
    name become ``_``: ``"Max-Consistent"``, ``" max consistent "`` and
    ``"max_consistent"`` are the same responder.

    Parameters
    ----------
    responder : str
    adversarial : bool
        Accept only :data:`ADVERSARIAL_RESPONDERS` (the adaptive game, the scaling experiment).
    name : str
        The argument's name in error messages.

    Raises
    ------
    InvalidType
        ``responder`` is not a str.
    InvalidArgument
        The name is not one of the allowed responders.

    >>> normalize_responder(" NULL "), normalize_responder("max consistent", adversarial=True)
    ('null', 'max_consistent')
    """
    allowed = ADVERSARIAL_RESPONDERS if adversarial else RESPONDERS
    if not isinstance(responder, str):
        raise fail_type(name, responder, f"a str, one of {allowed}")
    r = "_".join(responder.strip().lower().replace("-", " ").split())
    if r not in RESPONDERS:
        raise fail(name, responder, f"one of {allowed}")
    if r not in allowed:
        raise fail(name, responder, f"one of {allowed} (the adversary of the adaptive game: "
                                    "a class without a fixed teacher has no truth to tell)")
    return r


def to_units(nums: np.ndarray, b: int, limit: int) -> np.ndarray:
    """``nums * b``: numerators over Q turned into units of 1/(Q b).

    int64 when safe (``limit * b`` below 2^60, so that differences and sums of a few such
    values stay exact), otherwise an object array of exact Python ints.

    >>> to_units(np.array([1, 2]), 3, 10).tolist()
    [3, 6]
    """
    if limit * b < (_INT64_SAFE >> 2):
        return np.asarray(nums).astype(np.int64) * np.int64(b)
    return np.array([int(v) * b for v in np.asarray(nums).tolist()], dtype=object)


def null_answer(values: Any, truth: int | None, null: int, t: int) -> int:
    """The null responder's answer: the null value, or the admissible value nearest to it.

    With a fixed teacher (``truth`` given) the admissible answers are [truth - t, truth + t];
    in the adaptive game (``truth`` None) an answer must be within t of at least one
    candidate's value in ``values``, and the one nearest to ``null`` is taken.

    >>> null_answer(None, truth=10, null=4, t=3), null_answer([10, 12], truth=None, null=4, t=3)
    (7, 7)
    """
    if truth is not None:
        if abs(null - truth) <= t:
            return null
        return truth + t if null > truth else truth - t
    values = np.asarray(values)
    if values.ndim != 1 or values.shape[0] == 0:
        raise fail("values", values, "a non-empty 1-D array of the candidates' values (or a truth)")
    if values.dtype != object and \
            max(abs(null), t, abs(int(values.min())), abs(int(values.max()))) >= (_INT64_SAFE >> 1):
        values = values.astype(object)      # exact Python ints: values - null would wrap in int64
    dist = np.abs(values - null)
    if (dist <= t).any():
        return null
    k = int(np.argmin(dist))
    v = int(values[k])
    return v - t if v > null else v + t


def max_consistent_answer(values: Any, counts: Any, t: int, null: int, truth: int | None = None) -> tuple[int, int]:
    """The answer keeping the most candidates within t; nearest to the null value among the best.

    A candidate with value v is kept by an answer A when |v - A| <= t.  The windows
    [v_i, v_i + 2t] over the sorted values (each starting at a value, which loses nothing:
    a best window can always be slid right until its left end meets a value) give every
    maximal set kept by one answer.  With a fixed teacher only windows containing
    ``truth`` count and the answer is also kept within t of it; ``truth`` is then a start
    too (with no candidate of its own), since a window holding it may slide right only up
    to it.

    Tie-break: among the windows holding the most candidates, the answer is the point of
    their admissible intervals [v_j - t, v_i + t] nearest to ``null`` (so when the null
    value itself is among the best answers, it is answered, exactly as the null responder
    would), the first such window in sorted order on equal distances.

    Parameters
    ----------
    values, counts : array_like of int
        The candidates' exact values in units of 1/(Q b), with multiplicities.
    t : int
        The tolerance in the same units.
    null : int
        The null value.
    truth : int, optional
        The fixed teacher's value.

    Returns
    -------
    (answer, kept)
        The answer and the number of candidates (counted with multiplicity) it keeps.
    """
    values = np.asarray(values)
    counts = np.asarray(counts, dtype=np.int64)
    if values.ndim != 1 or counts.shape != values.shape:
        raise fail("counts", counts, f"a 1-D array of one multiplicity per value (values has shape {values.shape})")
    if values.shape[0] == 0 and truth is None:
        raise fail("values", values, "at least one candidate's value (or a truth)")
    if counts.shape[0] and int(counts.min()) < 0:  # the kernels' grouping and windows sum them as counts
        raise fail("counts", counts, "multiplicities >= 0")
    if values.shape[0] <= _SMALL:
        v_, c_ = [int(x) for x in values.tolist()], [int(x) for x in counts.tolist()]
        if truth is not None:  # the start at truth (no candidate of its own), see _start_at_truth
            v_, c_ = v_ + [int(truth)], c_ + [0]
        return _max_consistent_small(v_, c_, int(t), int(null), None if truth is None else int(truth))
    if values.dtype.kind in "iu":  # fixed-width ints: int64 with room, else exact Python ints
        vmin, vmax = int(values.min()), int(values.max())
        # v + 2t, v - t and the distances stay far inside int64 (else numpy would wrap them)
        if max(-vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) < _INT64_SAFE >> 2:
            values = values.astype(np.int64, copy=False)
            if values.shape[0] > _KERNEL_MIN:
                v, c = _start_at_truth(*_grouped(values, counts), truth)
                ans, kept = RK.best_window(v, c, np.int64(t), np.int64(null),
                                           np.int64(0 if truth is None else truth), truth is not None)
                return int(ans), int(kept)
        else:
            values = values.astype(object)
    v, c = _start_at_truth(*_grouped(values, counts), truth)
    cum = np.concatenate([[0], np.cumsum(c)])
    j = np.searchsorted(v, v + 2 * t, side="right")
    i = np.arange(v.shape[0])
    cnt = cum[j] - cum[i]
    lo = v[j - 1] - t
    hi = v + t
    if truth is not None:
        valid = (v <= truth) & (truth <= v + 2 * t)
        cnt = np.where(valid, cnt, -1)
        lo = np.maximum(lo, truth - t)
        hi = np.minimum(hi, truth + t)
    best = cnt.max()
    cand = np.flatnonzero(cnt == best)
    lo_c, hi_c = lo[cand], hi[cand]
    dist = np.maximum(np.maximum(lo_c - null, null - hi_c), 0)
    k = int(cand[int(np.argmin(dist))])
    return int(min(max(null, int(lo[k])), int(hi[k]))), int(best)


_SMALL = 24  # up to this many values the windows are scanned in plain Python (numpy's per-call cost dominates)
# above this many values the kernels of _kernels/responders.py group and scan (the version spaces
# of the scaling run at d >= 13); below it numpy's passes cost little, and the demo (d <= 12)
# compiles two kernels fewer on a fresh install
_KERNEL_MIN = 2048


def _grouped(values: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The values sorted, with their counts; above ``_KERNEL_MIN`` int64 values spread over a
    range at most 16 times their number (one query's exact values over many candidates are a
    few integers apart) are counted into distinct values by a kernel instead (measured 5-10x
    faster than numpy's bincount, 5x faster than sorting, at 16 n).

    Duplicates change no answer of :func:`max_consistent_answer`: of the windows starting
    at equal values the first holds the most and has the same admissible interval, so the
    first best window is the same.
    """
    if values.dtype == np.int64 and values.shape[0] > _KERNEL_MIN:
        lo, hi = int(values.min()), int(values.max())
        if hi - lo <= 16 * values.shape[0]:
            return RK.group_dense(values, counts, np.int64(lo), np.int64(hi - lo + 1))
    order = np.argsort(values, kind="stable")
    return values[order], counts[order]


def _start_at_truth(v: np.ndarray, c: np.ndarray, truth: int | None) -> tuple[np.ndarray, np.ndarray]:
    """The sorted distinct values ``v`` (counts ``c``) with ``truth`` among them, at count 0 if no
    candidate has it: a window holding the truth slides right only up to it, so
    [truth, truth + 2t] is a start of its own where no candidate sits at the truth."""
    if truth is None:
        return v, c
    i = int(np.searchsorted(v, truth))
    if i < v.shape[0] and v[i] == truth:
        return v, c
    return np.insert(v, i, truth), np.insert(c, i, 0)


def _max_consistent_small(v: list[int], c: list[int], t: int, null: int, truth: int | None) -> tuple[int, int]:
    """:func:`max_consistent_answer` on a few values, in Python ints (the same windows and tie-break)."""
    order = sorted(range(len(v)), key=v.__getitem__)
    v = [v[i] for i in order]
    c = [c[i] for i in order]
    cum = [0]
    for x in c:
        cum.append(cum[-1] + x)
    best = None
    n = len(v)
    j = 0
    for i in range(n):
        top = v[i] + 2 * t
        if j < i:
            j = i
        while j < n and v[j] <= top:
            j += 1
        cnt = cum[j] - cum[i]
        lo = v[j - 1] - t
        hi = v[i] + t
        if truth is not None:
            if not v[i] <= truth <= top:
                cnt = -1
            lo = max(lo, truth - t)
            hi = min(hi, truth + t)
        dist = max(lo - null, null - hi, 0)
        key = (-cnt, dist)
        if best is None or key < best[0]:
            best = (key, lo, hi, cnt)
    assert best is not None
    _, lo, hi, cnt = best
    return min(max(null, lo), hi), cnt


def respond(kind: str, values: np.ndarray | None, counts: np.ndarray | None, truth: int | None,
            null: int, t: int, rng: np.random.Generator | None) -> tuple[int, int]:
    """The answer of responder ``kind`` as ``(numerator, scale)``, in units of 1/(Q b scale).

    Parameters
    ----------
    kind : str
        A name in normal form (:func:`normalize_responder`).
    values, counts : numpy.ndarray or None
        The exact values (units of 1/(Q b)) of the candidates still kept, with
        multiplicities; None when the oracle keeps no class.
    truth : int or None
        The fixed teacher's value; None in the adaptive game.
    null : int
        The null value E_D[(chi(x, 0) + chi(x, 1))/2].
    t : int
        alpha in the same units.
    rng : numpy.random.Generator or None
        For ``"noisy"``.

    >>> respond("truthful", None, None, truth=5, null=0, t=1, rng=None)
    (5, 1)
    >>> respond("max_consistent", np.array([0, 3, 4, 10]), np.ones(4, dtype=np.int64), None, 9, 2, None)
    (2, 1)
    """
    if kind in ("truthful", "noisy") and truth is None:
        raise fail("truth", truth, f"the fixed teacher's value: the {kind} answer needs one (in the adaptive "
                                   "game use 'null' or 'max_consistent')")
    if kind == "truthful":
        assert truth is not None
        return truth, 1
    if kind == "noisy":
        if rng is None:
            raise fail_type("rng", rng, "a numpy.random.Generator (the noisy answer is seeded)")
        assert truth is not None
        k = int(rng.integers(-NOISE_GRID, NOISE_GRID + 1))
        return truth * NOISE_GRID + k * t, NOISE_GRID
    if kind == "null":
        return null_answer(values, truth, null, t), 1
    if kind == "max_consistent":
        if values is None:  # no class: one candidate, the teacher
            values = np.array([truth], dtype=np.int64)
            counts = np.ones(1, dtype=np.int64)
        return max_consistent_answer(values, counts, t, null, truth)[0], 1
    raise fail("responder", kind, f"one of {RESPONDERS}")  # pragma: no cover - normalised by the caller
