"""Example 4.1 and Figure 4.1 (Ma & Ying, Section 4.2): linear students of a comparison.

The teacher of Example 4.1 looks at x in [0,1]^100 and says y = -1 if x_1 > x_100 and
y = +1 if x_1 <= x_100.  Three students are trained on the same 1000 + 1000 points:

1. the plain student, least squares without bias on all 100 coordinates (eq. 4.6); the
   paper's attack moves the coordinates x_2..x_99 by eps * sign(alpha_i) and flips it;
2. the student told that only x_1 and x_100 matter, least squares on them (eq. 4.7);
   the paper got (4.8) y_hat = -2.01 x_1 + 1.98 x_100, which still has adversarial
   examples (the paper's x_1 = 1, x_100 = 1.01);
3. the student told also that the teacher has integer coefficients, which rounds (4.8)
   and is strongly robust.

Exactness.  The least-squares fits, the predictions and the attack are floating point
(numpy), as in the paper.  The robustness verdicts and witnesses are exact: a float
coefficient is turned into the rational number it is (``Fraction(float)``, its exact
binary value, never its decimal repr) and everything after that is ``Fraction``
arithmetic or a sympy decision procedure.

What "strongly robust" means here (Definition 3.1).  The teacher of Example 4.1 is
confident everywhere: it has no uncertain region U, so Omega_{-1} and Omega_{+1} cover
[0,1]^100 and strong robustness asks the student to equal the teacher at *every* point of
[0,1]^100, the tie x_1 = x_100 included (where the teacher says +1).

Choices where the paper is silent or loose (the issue asks to say where we chose):

* **Student labels.** A linear student says +1 when y_hat >= 0 and -1 when y_hat < 0.
  This is the convention that matches the teacher at the tie (x_1 = x_100 -> +1), so the
  rounded model -2 x_1 + 2 x_100 equals the teacher everywhere; with "y_hat > 0 -> +1" no
  linear model without bias could (y_hat = 0 at x_1 = x_100).
* **Data.** "For each class, we uniformly sample 1000 training data": points uniform in
  [0,1]^100, drawn in batches from ``numpy.random.default_rng(seed)`` and sorted into the
  two classes by the teacher until each has ``n_per_class`` (rejection sampling, so each
  class is exactly uniform on its region).  The test points (to measure the attack) are
  drawn the same way from an independent stream: ``SeedSequence(seed).spawn(2)``.
* **The attack.** The paper writes the case x_1 > x_100 and the bound
  eps > alpha^T x / sum_{i=2..99} |alpha_i|, where alpha^T x < 0; we read it with
  absolute values and push against the student's label s in {-1, +1}:
  x_hat_i = x_i - s * eps * sign(alpha_i) for i = 2..99, which changes y_hat by
  -s * eps * sum |alpha_i|, so the label flips once eps > |alpha^T x| / sum |alpha_i|
  (the smallest eps, reported per point).  We use eps = (1 + margin) * that bound with
  margin = 1e-6 (and eps = margin when the bound is 0).  As in the paper the construction
  is not clipped to [0,1]^100; we report how many attacked points stay inside the cube,
  and also a *clipped* variant (x_hat clipped to [0,1], with its own smallest eps).
* **Rounding.** To the nearest integer (Python's ``round``) of the sparse coefficients
  (4.8), as the paper does; we also report whether rounding the dense coefficients gives
  the same model.
* **Grid check.** :func:`grid_check` runs the framework's strong-robustness check
  (``finitelearn.robustness.is_strongly_robust`` on a ``finitelearn.Grid``) on the
  rational grid {0, 1/n, ..., 1}^2 of the (x_1, x_100) plane; the framework's labels are
  0/1, with 1 for the paper's +1.
"""

from __future__ import annotations

import json
import math
import numbers
import os
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..validation import as_rng, check_int, fail, fail_type

__all__ = [
    "D",
    "PAPER_SPARSE_COEFFICIENTS",
    "PAPER_WITNESS",
    "teacher",
    "predict",
    "sample",
    "fit_dense",
    "fit_sparse",
    "round_coefficients",
    "AttackResult",
    "attack",
    "Witness",
    "disagreement_witness",
    "is_strongly_robust_on_box",
    "symbolic_strongly_robust",
    "grid_check",
    "plot_figure_4_1",
    "run",
]

#: Dimension of Example 4.1.
D = 100
#: The sparse coefficients the paper reports, eq. (4.8): -2.01 x_1 + 1.98 x_100.
PAPER_SPARSE_COEFFICIENTS = (Fraction(-201, 100), Fraction(198, 100))
#: The paper's adversarial example (x_1, x_100) = (1, 1.01), outside [0,1]^2.
PAPER_WITNESS = (Fraction(1), Fraction(101, 100))

_MARGIN = 1e-6


# ----------------------------------------------------------------------------- data


def teacher(X: Any) -> np.ndarray:
    """The teacher of Example 4.1: -1 where x_1 > x_100 (last coordinate), else +1.

    Parameters
    ----------
    X : array_like, shape (n, d) or (d,)
        Points; the first column is x_1 and the last is x_100 (x_d).

    Returns
    -------
    numpy.ndarray of int64 in {-1, +1}, shape (n,) (or a 0-d array for one point).

    >>> teacher([[0.7, 0.2, 0.3], [0.3, 0.9, 0.3], [0.1, 0.0, 0.6]]).tolist()
    [-1, 1, 1]
    """
    X = _as_points(X, "X")
    return np.where(X[..., 0] <= X[..., -1], 1, -1).astype(np.int64)


def predict(coefficients: Any, X: Any) -> np.ndarray:
    """Labels of the linear student y_hat = alpha^T x: +1 if y_hat >= 0, else -1.

    ``coefficients`` has one entry per column of X (floats).  The convention
    y_hat >= 0 -> +1 is the one that matches the teacher at x_1 = x_100.

    >>> predict([-2.0, 2.0], [[0.5, 0.5], [0.6, 0.5]]).tolist()
    [1, -1]
    """
    X = _as_points(X, "X")
    alpha = _as_coefficients(coefficients, "coefficients", X.shape[-1])
    return np.where(X @ alpha >= 0, 1, -1).astype(np.int64)


def sample(
    n_per_class: int = 1000,
    seed: int | np.random.Generator | None = 0,
    d: int = D,
) -> tuple[np.ndarray, np.ndarray]:
    """Draw ``n_per_class`` points uniformly from each class of Example 4.1.

    Points uniform in [0,1]^d are drawn in batches and kept, in the order drawn, until
    each class has ``n_per_class`` (rejection sampling).  The result lists the class -1
    points first, then the class +1 points.

    Parameters
    ----------
    n_per_class : int
        Points per class (1000 in the paper).
    seed : int, numpy.random.Generator or None
    d : int
        Dimension (100 in the paper; >= 2).

    Returns
    -------
    X : numpy.ndarray, float64, shape (2 * n_per_class, d)
    y : numpy.ndarray, int64 in {-1, +1}, shape (2 * n_per_class,)

    >>> X, y = sample(3, seed=1, d=4)
    >>> X.shape, y.tolist()
    ((6, 4), [-1, -1, -1, 1, 1, 1])
    >>> bool((teacher(X) == y).all())
    True
    """
    n = check_int(n_per_class, "n_per_class")
    if n < 1:
        raise fail("n_per_class", n, "an int >= 1")
    d = check_int(d, "d")
    if d < 2:
        raise fail("d", d, "an int >= 2 (the teacher compares x_1 and x_d)")
    rng = _rng(seed)
    kept: dict[int, list[np.ndarray]] = {-1: [], 1: []}
    count = {-1: 0, 1: 0}
    while min(count.values()) < n:
        batch = rng.random((2 * n, d))
        labels = teacher(batch)
        for c in (-1, 1):
            rows = batch[labels == c][: n - count[c]]
            kept[c].append(rows)
            count[c] += len(rows)
    X = np.vstack(kept[-1] + kept[1])
    y = np.repeat(np.array([-1, 1], dtype=np.int64), n)
    return X, y


# ----------------------------------------------------------------------------- students


def fit_dense(X: Any, y: Any) -> np.ndarray:
    """Least squares without bias on all coordinates, eq. (4.6) (floats).

    Returns alpha minimising ||X alpha - y||_2 (``numpy.linalg.lstsq``).

    >>> fit_dense([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], [1.0, 2.0, 3.0]).round(6).tolist()
    [1.0, 2.0]
    """
    X = _as_points(X, "X")
    if X.ndim != 2:
        raise fail("X", X.shape, "a 2-d array of points (one per row)")
    y = np.asarray(y, dtype=np.float64)
    if y.shape != (X.shape[0],):
        raise fail("y", y.shape, f"one label per row of X, shape ({X.shape[0]},)")
    alpha, *_ = np.linalg.lstsq(X, y, rcond=None)
    return alpha


def fit_sparse(X: Any, y: Any) -> np.ndarray:
    """Least squares on (x_1, x_100) only, eq. (4.7) (floats): the two coefficients.

    >>> fit_sparse([[1.0, 5.0, 0.0], [0.0, 5.0, 1.0]], [-2.0, 2.0]).round(6).tolist()
    [-2.0, 2.0]
    """
    X = _as_points(X, "X")
    if X.ndim != 2:
        raise fail("X", X.shape, "a 2-d array of points (one per row)")
    return fit_dense(X[:, [0, -1]], y)


def round_coefficients(coefficients: Any) -> list[int]:
    """Round coefficients to the nearest integers (the teacher's integer hint).

    >>> round_coefficients([-2.01, 1.98])
    [-2, 2]
    """
    alpha = _as_coefficients(coefficients, "coefficients")
    return [int(round(float(a))) for a in alpha]


# ----------------------------------------------------------------------------- the attack


@dataclass(frozen=True)
class AttackResult:
    """The paper's attack on the dense student (see the module docstring).

    Attributes
    ----------
    correct : bool array (n,)
        Points the student classifies correctly (the ones attacked).
    eps_min : float array (n_correct,)
        The smallest eps, |alpha^T x| / sum_{i=2..99} |alpha_i|, per attacked point.
    eps : float array (n_correct,)
        The eps used, (1 + margin) * eps_min.
    x_hat : float array (n_correct, d)
        The attacked points (unclipped, as in the paper).
    flipped : bool array (n_correct,)
        Whether the student's label of x_hat differs from its label of x (recomputed).
    teacher_unchanged : bool array (n_correct,)
        Whether the teacher's label of x_hat equals its label of x.
    inside : bool array (n_correct,)
        Whether x_hat lies in [0,1]^d.
    clipped_eps_min : float array (n_correct,)
        The smallest eps for the clipped variant (inf when no eps flips it).
    clipped_flipped : bool array (n_correct,)
        Whether the clipped variant flips the student.

    Examples
    --------
    >>> res = attack([-1.0, 0.5, -0.5, 1.0], [[0.5, 0.5, 0.5, 0.6], [0.9, 0.5, 0.5, 0.1]])
    >>> res.correct.tolist(), res.eps_min.round(6).tolist(), res.teacher_unchanged.tolist()
    ([True, True], [0.1, 0.8], [True, True])
    """

    correct: np.ndarray
    eps_min: np.ndarray
    eps: np.ndarray
    x_hat: np.ndarray
    flipped: np.ndarray
    teacher_unchanged: np.ndarray
    inside: np.ndarray
    clipped_eps_min: np.ndarray
    clipped_flipped: np.ndarray

    @property
    def success_rate(self) -> float:
        """Fraction of attacked points flipped with the teacher's label unchanged."""
        n = len(self.flipped)
        return float((self.flipped & self.teacher_unchanged).sum() / n) if n else 0.0

    @property
    def clipped_success_rate(self) -> float:
        """Same for the clipped variant."""
        n = len(self.clipped_flipped)
        return float(self.clipped_flipped.sum() / n) if n else 0.0


def attack(coefficients: Any, X: Any, margin: float = _MARGIN) -> AttackResult:
    """The paper's attack on a dense linear student (Section 4.2, after eq. 4.6).

    For each point x that the student classifies correctly, with student label s,
    x_hat_i = x_i - s * eps * sign(alpha_i) for the coordinates i = 2..d-1 (x_1 and x_d
    are kept, so the teacher's label cannot change), with eps = (1 + margin) times the
    smallest flipping eps |alpha^T x| / sum_{i=2..d-1} |alpha_i|.  Not clipped to the
    cube, as in the paper.  The clipped variant clips x_hat to [0,1]^d and uses the
    smallest eps that flips the clipped point, if there is one.  All floating point.

    Parameters
    ----------
    coefficients : array_like, shape (d,)
        The student's alpha.
    X : array_like, shape (n, d)
        Points to attack (only the correctly classified ones are).
    margin : float
        Relative margin above the smallest eps, > 0.

    Examples
    --------
    >>> res = attack([-1.0, 0.5, -0.5, 1.0], [[0.5, 0.5, 0.5, 0.6], [0.9, 0.5, 0.5, 0.1]])
    >>> res.eps_min.round(6).tolist()
    [0.1, 0.8]
    >>> res.flipped.tolist(), res.inside.tolist(), res.clipped_flipped.tolist()
    ([True, True], [True, False], [True, False])
    """
    X = _as_points(X, "X")
    if X.ndim != 2:
        raise fail("X", X.shape, "a 2-d array of points (one per row)")
    d = X.shape[1]
    if d < 3:
        raise fail("X", X.shape, "points with d >= 3 coordinates (x_2..x_{d-1} are moved)")
    alpha = _as_coefficients(coefficients, "coefficients", d)
    if isinstance(margin, (bool, np.bool_)) or not isinstance(margin, numbers.Real):
        raise fail_type("margin", margin, "a float > 0")
    if not (math.isfinite(margin) and margin > 0):
        raise fail("margin", margin, "a finite float > 0")
    middle = alpha[1:-1]
    total = np.abs(middle).sum()
    if total == 0:
        raise fail("coefficients", "alpha_2..alpha_{d-1} all 0",
                   "a student that uses some coordinate other than x_1 and x_d")

    y_true = teacher(X)
    value = X @ alpha
    s = np.where(value >= 0, 1, -1)
    correct = s == y_true
    Xc, vc, sc = X[correct], value[correct], s[correct]

    eps_min = np.abs(vc) / total
    eps = np.where(eps_min > 0, eps_min * (1 + margin), margin)
    direction = -sc[:, None] * np.sign(middle)[None, :]
    x_hat = Xc.copy()
    x_hat[:, 1:-1] += eps[:, None] * direction
    flipped = predict(alpha, x_hat) != sc
    teacher_unchanged = teacher(x_hat) == teacher(Xc)
    inside = ((x_hat >= 0) & (x_hat <= 1)).all(axis=1)

    # clipped: coordinate i can move by at most room_i in its direction
    room = np.where(direction > 0, 1 - Xc[:, 1:-1], np.where(direction < 0, Xc[:, 1:-1], 0))
    clipped_eps_min = _clipped_eps(np.abs(middle), room, np.abs(vc))
    ok = np.isfinite(clipped_eps_min)
    ce = np.where(clipped_eps_min > 0, clipped_eps_min * (1 + margin), margin)
    x_clip = Xc.copy()
    x_clip[:, 1:-1] = np.clip(Xc[:, 1:-1] + np.where(ok, ce, 1.0)[:, None] * direction, 0, 1)
    clipped_flipped = (predict(alpha, x_clip) != sc) & (teacher(x_clip) == teacher(Xc))
    return AttackResult(correct, eps_min, eps, x_hat, flipped, teacher_unchanged, inside,
                        clipped_eps_min, clipped_flipped)


def _clipped_eps(w: np.ndarray, room: np.ndarray, need: np.ndarray) -> np.ndarray:
    """Smallest eps with sum_i w_i min(eps, room_i) >= need, per row (inf if none)."""
    order = np.argsort(room, axis=1)
    r = np.take_along_axis(room, order, axis=1)
    ww = w[order]
    n, m = r.shape
    # g(r_k) = sum_{j<k} w_j r_j + r_k * sum_{j>=k} w_j  for the sorted rooms
    below = np.concatenate([np.zeros((n, 1)), np.cumsum(ww * r, axis=1)[:, :-1]], axis=1)
    above = np.cumsum(ww[:, ::-1], axis=1)[:, ::-1]
    g_at = below + r * above
    out = np.full(n, np.inf)
    for k in range(n):
        hit = np.nonzero(g_at[k] >= need[k])[0]
        if len(hit) == 0:
            continue
        j = hit[0]
        base = below[k, j]
        out[k] = (need[k] - base) / above[k, j] if above[k, j] > 0 else r[k, j]
        out[k] = max(out[k], r[k, j - 1] if j > 0 else 0.0)
    return out


# ----------------------------------------------------------------------------- exact robustness


@dataclass(frozen=True)
class Witness:
    """An exact point of [0,1]^d where a linear student and the teacher disagree.

    ``point`` has d Fractions (x_1 first, x_d last), ``value`` is alpha^T x exactly
    (alpha the exact binary values of the coefficients), ``teacher_label`` and
    ``student_label`` differ.  The point is strictly inside the teacher's class
    (x_1 < x_d or x_1 > x_d), not on the tie.

    >>> w = disagreement_witness([Fraction(-201, 100), Fraction(198, 100)])
    >>> w.point, w.value, w.teacher_label, w.student_label
    ((Fraction(67, 68), Fraction(1, 1)), Fraction(-3, 6800), 1, -1)
    """

    point: tuple[Fraction, ...]
    value: Fraction
    teacher_label: int
    student_label: int

    def as_strings(self) -> dict[str, Any]:
        """A JSON-friendly form (Fractions as strings such as '67/68').

        >>> disagreement_witness([Fraction(-201, 100), Fraction(198, 100)]).as_strings()
        {'point': ['67/68', '1'], 'value': '-3/6800', 'teacher_label': 1, 'student_label': -1}
        """
        return {
            "point": [str(q) for q in self.point],
            "value": str(self.value),
            "teacher_label": self.teacher_label,
            "student_label": self.student_label,
        }


def disagreement_witness(coefficients: Any) -> Witness | None:
    """An exact adversarial point of the linear student alpha, or None if there is none.

    The student says +1 iff alpha^T x >= 0 on [0,1]^d; the teacher says +1 iff
    x_1 <= x_d.  Write a = alpha_1, b = alpha_d, N (P) the sum of the negative (positive)
    alpha_i, 1 < i < d, exactly (Fractions of the coefficients' binary values).

    * Teacher +1, student -1: the minimum of alpha^T x over the closed set x_1 <= x_d
      is m = N + min(0, b, a + b), attained at a vertex; a disagreement exists iff m < 0,
      and then also strictly inside (x_1 < x_d), found on the segment from the vertex to
      the point with x_1 = 0, x_d = 1.
    * Teacher -1, student +1: on x_1 > x_d, if the point q with x_1 = 1, x_d = 0 (and
      x_i = 1 where alpha_i > 0) has alpha^T q >= 0 it is a witness; otherwise one exists
      iff the maximum over the closure, M = P + max(0, a, a + b), is > 0 (if M = 0 and
      a < 0 then alpha^T x <= a (x_1 - x_d) < 0 there).

    So the student is strongly robust iff alpha_i = 0 for 1 < i < d, a < 0 and b = -a
    (the paper's condition after eq. 4.6, with the tie convention y_hat >= 0 -> +1).
    The witness uses the simplest rationals that work.

    Examples
    --------
    >>> w = disagreement_witness([Fraction(-201, 100), Fraction(198, 100)])  # eq. (4.8)
    >>> [str(q) for q in w.point], w.teacher_label, w.student_label
    (['67/68', '1'], 1, -1)
    >>> disagreement_witness([-2, 2]) is None
    True
    """
    alpha = _exact_coefficients(coefficients)
    a, b, mid = alpha[0], alpha[-1], alpha[1:-1]
    neg = [1 if c < 0 else 0 for c in mid]
    pos = [1 if c > 0 else 0 for c in mid]

    def value_of(x1: Fraction, xd: Fraction, m: list[int]) -> Fraction:
        return a * x1 + b * xd + sum((c * k for c, k in zip(mid, m)), Fraction(0))

    def make(x1: Fraction, xd: Fraction, m: list[int]) -> Witness:
        point = (Fraction(x1),) + tuple(Fraction(k) for k in m) + (Fraction(xd),)
        v = sum((c * q for c, q in zip(alpha, point)), Fraction(0))
        return Witness(point, v, 1 if x1 <= xd else -1, 1 if v >= 0 else -1)

    # teacher +1, student -1
    vertices = [(Fraction(0), Fraction(0)), (Fraction(0), Fraction(1)), (Fraction(1), Fraction(1))]
    vals = [value_of(x1, xd, neg) for x1, xd in vertices]
    m = min(vals)
    if m < 0:
        v1, vd = vertices[vals.index(m)]
        p_val = value_of(Fraction(0), Fraction(1), neg)
        if p_val < 0:
            lam = Fraction(1)
        else:  # (1 - lam) m + lam p_val < 0  iff  lam < m / (m - p_val)
            lam = _simplest_between(Fraction(0), m / (m - p_val))
        return make((1 - lam) * v1, (1 - lam) * vd + lam, neg)
    # teacher -1, student +1
    if value_of(Fraction(1), Fraction(0), pos) >= 0:
        return make(Fraction(1), Fraction(0), pos)
    vertices = [(Fraction(0), Fraction(0)), (Fraction(1), Fraction(0)), (Fraction(1), Fraction(1))]
    vals = [value_of(x1, xd, pos) for x1, xd in vertices]
    M = max(vals)
    if M > 0:
        v1, vd = vertices[vals.index(M)]
        q_val = value_of(Fraction(1), Fraction(0), pos)  # < 0 here
        lam = _simplest_between(Fraction(0), M / (M - q_val))
        return make((1 - lam) * v1 + lam, (1 - lam) * vd, pos)
    return None


def is_strongly_robust_on_box(coefficients: Any) -> bool:
    """Exact verdict of Definition 3.1 for a linear student of Example 4.1 on [0,1]^d.

    True iff the student (+1 iff alpha^T x >= 0) equals the teacher at every point of
    [0,1]^d, i.e. iff :func:`disagreement_witness` finds none.

    >>> is_strongly_robust_on_box([-2, 2]), is_strongly_robust_on_box([-2.01, 1.98])
    (True, False)
    """
    return disagreement_witness(coefficients) is None


def symbolic_strongly_robust(coefficients: Any) -> bool:
    """Decide strong robustness symbolically with sympy's linear real arithmetic.

    Asks sympy (``satisfiable(..., use_lra_theory=True)``) whether some real x in
    [0,1]^d satisfies (x_1 <= x_d and alpha^T x < 0) or (x_1 > x_d and alpha^T x >= 0),
    with alpha the exact rational values of the coefficients.  Returns True iff neither
    system is satisfiable: a proof, independent of :func:`disagreement_witness`, that the
    student equals the teacher on the whole cube.

    >>> symbolic_strongly_robust([-2, 2]), symbolic_strongly_robust([-2, 0, 2])
    (True, True)
    >>> symbolic_strongly_robust([Fraction(-201, 100), Fraction(198, 100)])
    False
    """
    import sympy
    from sympy.logic.inference import satisfiable

    alpha = _exact_coefficients(coefficients)
    xs = sympy.symbols(f"x1:{len(alpha) + 1}", real=True)
    value = sympy.Add(*[sympy.Rational(c.numerator, c.denominator) * x
                        for c, x in zip(alpha, xs)])
    box = [c for x in xs for c in (x >= 0, x <= 1)]
    plus_wrong = sympy.And(xs[0] <= xs[-1], value < 0, *box)
    minus_wrong = sympy.And(xs[0] > xs[-1], value >= 0, *box)
    return not (satisfiable(plus_wrong, use_lra_theory=True)
                or satisfiable(minus_wrong, use_lra_theory=True))


def grid_check(coefficients: Any, n: int = 100) -> Any:
    """Definition 3.1 for a sparse student on the grid {0, 1/n, ..., 1}^2 of (x_1, x_100).

    Uses the framework: a :class:`finitelearn.Grid` of the (x_1, x_100) plane, the
    teacher as a :class:`finitelearn.teacher.Teacher` (label 1 where x_1 <= x_100, the
    paper's +1; label 0 for the paper's -1; no uncertain points), the student as a
    :class:`finitelearn.LinearStudent` (label 1 iff a_1 x_1 + a_2 x_100 >= 0, the
    same tie convention) and :func:`finitelearn.robustness.is_strongly_robust`.  Float
    coefficients are passed as their exact binary values (``Fraction(float)``).

    Returns
    -------
    finitelearn.robustness.StrongRobustness
        Truthy iff the student equals the teacher at every grid point; otherwise it
        carries the number of adversarial grid points and the one of smallest grid index
        (x_100 major, x_1 minor), with the framework's 0/1 labels.

    Examples
    --------
    >>> bool(grid_check([-2, 2], 10))
    True
    >>> r = grid_check([Fraction(-201, 100), Fraction(198, 100)], 10)
    >>> bool(r), r.n_adversarial, [str(q) for q in r.witness_point]
    (False, 10, ['1/10', '1/10'])
    """
    from ..domains import Grid
    from ..student import LinearStudent
    from ..robustness import is_strongly_robust as framework_is_strongly_robust
    from ..teacher import Teacher

    alpha = _exact_coefficients(coefficients)
    if len(alpha) != 2:
        raise fail("coefficients", coefficients, "two coefficients (of x_1 and x_100)")
    n = check_int(n, "n")
    if n < 1:
        raise fail("n", n, "an int >= 1")
    grid = Grid([(0, 1), (0, 1)], n + 1)
    teacher_t = Teacher.from_callable(grid, lambda x: 1 if x[0] <= x[1] else 0, n_classes=2)
    student = LinearStudent(grid, alpha)
    return framework_is_strongly_robust(student, teacher_t)


# ----------------------------------------------------------------------------- figure, run


def plot_figure_4_1(
    coefficients: Any,
    originals: Any,
    adversarial: Any,
    path: str | os.PathLike[str] | None = None,
    captions: Sequence[str] | None = None,
) -> Any:
    """Draw Figure 4.1: the dense coefficients and adversarial examples as 10 x 10 images.

    Parameters
    ----------
    coefficients : array_like, shape (100,)
    originals, adversarial : array_like, shape (k, 100)
        Points and their attacked versions; each is shown as a 10 x 10 image, row by row
        (x_1 top left, x_100 bottom right), on the grey scale [0, 1].
    path : path, optional
        Output file (format from the suffix, 120 dpi; the folder is created).
    captions : sequence of str, optional
        One caption per example.

    Returns
    -------
    matplotlib.figure.Figure
        Made without pyplot (the backend is left alone); (3.2 + 1.8 k) x 4.2 inches.  Each
        tile is titled with the teacher's label and the student's (red where they differ).

    >>> import tempfile, pathlib
    >>> x = np.full((2, 100), 0.5)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "f.png"
    >>> fig = plot_figure_4_1(np.linspace(-1, 1, 100), x, x + 0.1, path)
    >>> path.exists(), len(fig.axes)
    (True, 5)
    """
    from matplotlib.figure import Figure

    from ..plots import save_figure

    alpha = _as_coefficients(coefficients, "coefficients", D)
    xo = _as_points(originals, "originals")
    xa = _as_points(adversarial, "adversarial")
    if xo.ndim != 2 or xo.shape[1] != D or xa.shape != xo.shape:
        raise fail("adversarial", xa.shape, f"the shape of originals, (k, {D})")
    k = len(xo)
    fig = Figure(figsize=(3.2 + 1.8 * max(k, 1), 4.2))
    gs = fig.add_gridspec(2, 1 + max(k, 1), width_ratios=[2.6] + [1] * max(k, 1))
    ax = fig.add_subplot(gs[:, 0])
    idx = np.arange(1, D + 1)
    ax.bar(idx, alpha, width=0.8, color="0.5")
    ax.bar([1, D], alpha[[0, -1]], width=1.6, color="C3")
    ax.set_xlabel("coordinate i")
    ax.set_ylabel("alpha_i")
    ax.set_title("least-squares coefficients", fontsize=10)
    for j in range(k):
        for row, (pts, name) in enumerate(((xo, "x"), (xa, "x_hat"))):
            a = fig.add_subplot(gs[row, 1 + j])
            a.imshow(pts[j].reshape(10, 10), cmap="gray", vmin=0, vmax=1)
            a.set_xticks([])
            a.set_yticks([])
            label = int(np.where(pts[j] @ alpha >= 0, 1, -1))
            truth = int(teacher(pts[j]))
            a.set_title(f"{name}\nteacher {truth:+d}, student {label:+d}", fontsize=8,
                        color="black" if label == truth else "tab:red")
            if row == 1 and captions is not None:
                a.set_xlabel(captions[j], fontsize=7)
    fig.suptitle("Figure 4.1 (Ma & Ying, Example 4.1)")
    fig.tight_layout()
    if path is not None:
        save_figure(fig, path, dpi=120)
    return fig


def run(
    seed: int = 0,
    out: str | os.PathLike[str] | None = None,
    *,
    n_per_class: int = 1000,
    n_test_per_class: int = 1000,
    grid_n: int = 100,
    n_examples: int = 3,
    progress: bool = False,
) -> dict[str, Any]:
    """Run Example 4.1 end to end; write ``example_4_1.json`` and ``figure_4_1.png``.

    Returns the summary (the JSON's content): the fitted coefficients (floats), the
    rounded ones, the attack's success rates and eps, the exact witnesses (Fractions as
    strings) and the exact verdicts.  With ``out=None`` nothing is written;
    ``progress=True`` shows a tqdm bar over the stages.

    >>> r = run(seed=0, n_per_class=50, n_test_per_class=50, grid_n=4)
    >>> r["rounded_coefficients"], r["rounded_strongly_robust"], r["sparse_strongly_robust"]
    ([-2, 2], True, False)
    """
    seed_i = check_int(seed, "seed")
    if seed_i < 0:
        raise fail("seed", seed, "an int >= 0")
    n_examples = check_int(n_examples, "n_examples")
    if n_examples < 0:
        raise fail("n_examples", n_examples, "an int >= 0")
    if out is not None:  # checked and created before any work, so no error lands after a progress bar
        from ..records import prepare_out_dir

        out = prepare_out_dir(out, "out")
    from tqdm.auto import tqdm

    bar = tqdm(total=5, disable=not progress, desc="Example 4.1", unit="stage")
    train_ss, test_ss = np.random.SeedSequence(seed_i).spawn(2)
    X, y = sample(n_per_class, np.random.default_rng(train_ss))
    Xt, yt = sample(n_test_per_class, np.random.default_rng(test_ss))
    bar.update(1)

    dense = fit_dense(X, y)
    sparse = fit_sparse(X, y)
    rounded = round_coefficients(sparse)
    rounded_dense = round_coefficients(dense)
    res = attack(dense, Xt)
    bar.update(1)

    sparse_w = disagreement_witness(sparse)
    dense_w = disagreement_witness(dense)
    paper_w = disagreement_witness(PAPER_SPARSE_COEFFICIENTS)
    # the paper's (1, 1.01), scaled into the square by 1/1.01 (signs are unchanged)
    scaled = (PAPER_WITNESS[0] / PAPER_WITNESS[1], Fraction(1))
    ex_sparse = [Fraction(float(c)) for c in sparse]
    rounded_symbolic = symbolic_strongly_robust(rounded)
    sparse_symbolic = symbolic_strongly_robust(sparse)
    bar.update(1)
    rounded_grid = grid_check(rounded, grid_n)
    sparse_grid = grid_check(sparse, grid_n)
    bar.update(1)

    def acc(coefs: np.ndarray, pts: np.ndarray) -> float:
        return float((predict(coefs, pts) == yt).mean())

    def stats(v: np.ndarray) -> dict[str, float]:
        v = v[np.isfinite(v)]
        if not len(v):
            return {}
        return {"min": float(v.min()), "median": float(np.median(v)), "max": float(v.max())}

    summary: dict[str, Any] = {
        "example": "4.1",
        "seed": seed_i,
        "n_per_class": n_per_class,
        "n_test_per_class": n_test_per_class,
        "tie_convention": "student +1 iff y_hat >= 0 (teacher +1 iff x_1 <= x_100)",
        "dense_coefficients": dense.tolist(),
        "sparse_coefficients": sparse.tolist(),
        "sparse_coefficients_exact": [str(q) for q in ex_sparse],
        "rounded_coefficients": rounded,
        "rounded_dense_coefficients_nonzero": {
            str(i + 1): c for i, c in enumerate(rounded_dense) if c != 0},
        "rounding_dense_gives_rounded_sparse": rounded_dense == [rounded[0]] + [0] * (D - 2) + [rounded[1]],
        "test_accuracy": {
            "dense": acc(dense, Xt),
            "sparse": acc(sparse, Xt[:, [0, -1]]),
            "rounded": acc(np.array(rounded, dtype=float), Xt[:, [0, -1]]),
        },
        "attacked_points": int(res.correct.sum()),
        "attack_success_rate": res.success_rate,
        "attack_teacher_unchanged_rate": float(res.teacher_unchanged.mean()) if len(res.eps) else 0.0,
        "attack_eps_min": stats(res.eps_min),
        "attack_inside_cube_rate": float(res.inside.mean()) if len(res.eps) else 0.0,
        "attack_clipped_success_rate": res.clipped_success_rate,
        "attack_clipped_eps_min": stats(res.clipped_eps_min),
        "dense_strongly_robust": dense_w is None,
        "dense_witness": None if dense_w is None else dense_w.as_strings(),
        "sparse_strongly_robust": sparse_w is None,
        "sparse_witness": None if sparse_w is None else sparse_w.as_strings(),
        "paper_sparse_witness": None if paper_w is None else paper_w.as_strings(),
        "paper_point_scaled": {
            "point": [str(q) for q in scaled],
            "adversarial_for_paper_coefficients": _disagrees(PAPER_SPARSE_COEFFICIENTS, scaled),
            "adversarial_for_our_coefficients": _disagrees(ex_sparse, scaled),
        },
        "rounded_strongly_robust": is_strongly_robust_on_box(rounded),
        "rounded_symbolic_proof": rounded_symbolic,
        "sparse_symbolic_strongly_robust": sparse_symbolic,
        "grid_check": {
            "method": "finitelearn.robustness.is_strongly_robust on a finitelearn.Grid",
            "grid": f"{{0, 1/{grid_n}, ..., 1}}^2 of (x_1, x_100)",
            "rounded_strongly_robust": bool(rounded_grid),
            "rounded_disagreements": rounded_grid.n_adversarial,
            "sparse_strongly_robust": bool(sparse_grid),
            "sparse_disagreements": sparse_grid.n_adversarial,
            "sparse_first_witness": None if sparse_grid.witness_point is None
            else [str(q) for q in sparse_grid.witness_point],
        },
    }
    if out is not None:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        ok = np.nonzero(res.flipped & res.inside)[0]
        pick = ok[np.argsort(res.eps_min[ok])][:n_examples] if len(ok) else np.array([], int)
        Xc = Xt[res.correct]
        captions = [f"eps = {res.eps[j]:.3g}" for j in pick]
        plot_figure_4_1(dense, Xc[pick], res.x_hat[pick], out / "figure_4_1.png", captions)
        summary["figure"] = "figure_4_1.png"
        (out / "example_4_1.json").write_text(json.dumps(summary, indent=2) + "\n")
    bar.update(1)
    bar.close()
    return summary


# ----------------------------------------------------------------------------- private


def _disagrees(coefficients: Sequence[Fraction], point: Sequence[Fraction]) -> bool:
    v = sum((c * q for c, q in zip(coefficients, point)), Fraction(0))
    return (1 if v >= 0 else -1) != (1 if point[0] <= point[-1] else -1)


def _simplest_between(lo: Fraction, hi: Fraction | None) -> Fraction:
    """The rational with the smallest denominator strictly between lo >= 0 and hi > lo
    (hi None means +infinity), by the Stern-Brocot / continued-fraction recursion."""
    n = math.floor(lo) + 1
    if hi is None or n < hi:
        return Fraction(n)
    fl = n - 1
    new_lo = 1 / (hi - fl)
    new_hi = None if lo == fl else 1 / (lo - fl)
    return fl + 1 / _simplest_between(new_lo, new_hi)


def _as_points(X: Any, name: str) -> np.ndarray:
    try:
        arr = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError):
        raise fail_type(name, X, "an array of real numbers") from None
    if arr.ndim not in (1, 2) or arr.shape[-1] < 2:
        raise fail(name, arr.shape, "points of d >= 2 coordinates, shape (n, d) or (d,)")
    if not np.isfinite(arr).all():
        raise fail(name, "non-finite entries", "finite numbers")
    return arr


def _as_coefficients(coefficients: Any, name: str, d: int | None = None) -> np.ndarray:
    try:
        alpha = np.asarray(coefficients, dtype=np.float64)
    except (TypeError, ValueError):
        raise fail_type(name, coefficients, "a sequence of real numbers") from None
    if alpha.ndim != 1 or len(alpha) < 2 or (d is not None and len(alpha) != d):
        want = f"{d} coefficients" if d is not None else "a 1-d sequence of >= 2 coefficients"
        raise fail(name, coefficients, want)
    if not np.isfinite(alpha).all():
        raise fail(name, coefficients, "finite numbers")
    return alpha


def _exact_coefficients(coefficients: Any) -> list[Fraction]:
    """Coefficients as exact rationals: ints and Fractions as they are, floats by their
    exact binary value ``Fraction(float)``."""
    if isinstance(coefficients, (str, bytes)):
        raise fail_type("coefficients", coefficients, "a sequence of numbers")
    if isinstance(coefficients, np.ndarray):
        items = coefficients.tolist()
    else:
        try:
            items = list(coefficients)
        except TypeError:
            raise fail_type("coefficients", coefficients, "a sequence of numbers") from None
    if len(items) < 2:
        raise fail("coefficients", coefficients, "at least 2 coefficients (x_1 and x_d)")
    out = []
    for c in items:
        if isinstance(c, (bool, np.bool_)):
            raise fail_type("coefficients", coefficients, "numbers, not bools")
        if isinstance(c, Fraction):
            out.append(c)
        elif isinstance(c, numbers.Integral):
            out.append(Fraction(int(c)))
        elif isinstance(c, numbers.Real):
            if not math.isfinite(float(c)):
                raise fail("coefficients", coefficients, "finite numbers")
            out.append(Fraction(float(c)))
        else:
            raise fail_type("coefficients", coefficients, "a sequence of real numbers")
    return out


_rng = as_rng


_RENAMED = {"student_labels": "predict", "is_strongly_robust": "is_strongly_robust_on_box"}


def __getattr__(name: str) -> Any:
    """The names of the first release, kept for one more (each warns with a DeprecationWarning)."""
    if name in _RENAMED:
        import warnings

        new = _RENAMED[name]
        warnings.warn(f"finitelearn.paper.example_4_1.{name} is deprecated: use {new} (the Section 3 "
                      f"names student_labels and is_strongly_robust belong to the finite framework)",
                      DeprecationWarning, stacklevel=2)
        return globals()[new]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
