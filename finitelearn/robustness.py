"""Adversarial examples, strong robustness (Definition 3.1) and robustness with respect to
an attack (Definition 3.2), next to the classical l_p robustness of (1.1).

* :func:`adversarial_examples` -- the exact set {x : T(x) != U and S(x) != T(x)} of
  Section 3.2, with its mass under any distribution.
* :func:`is_strongly_robust` -- Definition 3.1: S = T on Omega_0 u ... u Omega_{K-1};
  a truthy/falsy result carrying a witness when it fails.
* :func:`robustness` -- the exact infimum in (3.1),
  inf_{nu in A(mu, S)} P_{x~nu}(T(x) = S(x) | x in Omega_0 u ... u Omega_{K-1}),
  with the distribution attaining it; :func:`is_robust` compares it with 1 - eps.
* :func:`lp_robust` -- (1.1) as a yes/no: no point within delta of supp(mu) changes the
  student's label; :func:`lp_margin` -- the exact distance at which it starts failing.

Undefined conditional probabilities.  A nu with nu(confident region) = 0 has no
conditional probability in (3.1); the infimum runs over the members with
nu(confident) > 0.  If there is none, :func:`robustness` returns a result with
``defined`` False whose ``value`` raises :class:`finitelearn.UndefinedProbability`, and
:func:`is_robust` raises it: nothing is divided by zero.

Examples
--------
>>> import finitelearn as fl
>>> T = fl.Teacher.from_table([0, fl.UNCERTAIN, fl.UNCERTAIN, 1])   # {0,1}^2
>>> S = fl.dictator(2, 0)                    # S = x_1: agrees at 00 and 11
>>> bool(fl.is_strongly_robust(S, T))
True
>>> fl.robustness(S, T, fl.AllDistributions(), fl.uniform(2)).value
Fraction(1, 1)
>>> bool(fl.lp_robust(S, fl.uniform(2), 1, p=0))       # but its label flips at distance 1
False
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from ._kernels import robustness as RK
from ._validation import as_fraction, fail, fail_type
from .attacks import Attack, _check_delta, domain_of
from .domain import FiniteDomain, _distribution_arrays, _p_code, check_p
from .errors import UndefinedProbability
from .teacher import UNCERTAIN, Teacher, student_labels

__all__ = [
    "AdversarialExamples",
    "StrongRobustness",
    "Robustness",
    "RobustnessVerdict",
    "LpRobustness",
    "LpMargin",
    "adversarial_examples",
    "is_strongly_robust",
    "robustness",
    "is_robust",
    "lp_robust",
    "lp_margin",
]


def _check_teacher(teacher: Any) -> Teacher:
    if not isinstance(teacher, Teacher):
        raise fail_type("teacher", teacher, "a finitelearn.Teacher")
    return teacher


def _points(domain: FiniteDomain, idx: np.ndarray) -> list[tuple]:
    return [domain.point(int(k)) for k in idx]


# ---------------------------------------------------------------------------------
# adversarial examples and Definition 3.1
# ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class AdversarialExamples:
    """The set {x : T(x) != U and S(x) != T(x)} of Section 3.2 (exact).

    Attributes
    ----------
    domain : FiniteDomain
    indices : numpy.ndarray
        Sorted int64 indices of the adversarial examples.
    """

    domain: FiniteDomain
    indices: np.ndarray

    def __len__(self) -> int:
        return int(self.indices.shape[0])

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self):
        return iter(self.indices.tolist())

    def __contains__(self, x: Any) -> bool:
        k = self.domain.index(x, "x")
        i = int(np.searchsorted(self.indices, k))
        return i < len(self) and int(self.indices[i]) == k

    def points(self) -> list[tuple]:
        """The adversarial examples as coordinates."""
        return _points(self.domain, self.indices)

    def mask(self) -> np.ndarray:
        """Bool mask over the domain."""
        m = np.zeros(self.domain.size, dtype=bool)
        m[self.indices] = True
        return m

    def mass(self, mu: Any) -> Fraction:
        """Exact P_{x~mu}(x is an adversarial example).

        >>> import finitelearn as fl
        >>> T = fl.Teacher.from_table([0, 1, fl.UNCERTAIN, 1])
        >>> fl.adversarial_examples(fl.constant(2, 1), T).mass(fl.uniform(2))
        Fraction(1, 4)
        """
        s, w, t = _distribution_arrays(mu, self.domain)
        return Fraction(int(w[self.mask()[s]].sum()), t)

    def __repr__(self) -> str:
        return f"AdversarialExamples({len(self)} points of {self.domain!r})"


def adversarial_examples(student: Any, teacher: Teacher) -> AdversarialExamples:
    """The adversarial examples of S with respect to T: T(x) != U and S(x) != T(x) (Section 3.2).

    Parameters
    ----------
    student : BooleanFunction or Student
        On the teacher's domain.
    teacher : Teacher

    Examples
    --------
    >>> import finitelearn as fl
    >>> T = fl.Teacher.from_table([0, 1, fl.UNCERTAIN, 1])
    >>> adv = adversarial_examples(fl.constant(2, 1), T)
    >>> adv.indices, adv.points()
    (array([0]), [(0, 0)])
    """
    teacher = _check_teacher(teacher)
    S = student_labels(student, teacher.domain)
    T = teacher.table
    idx = np.flatnonzero((T != UNCERTAIN) & (S != T)).astype(np.int64)
    idx.flags.writeable = False
    return AdversarialExamples(teacher.domain, idx)


@dataclass(frozen=True)
class StrongRobustness:
    """Verdict of Definition 3.1, truthy when S = T on the whole confident region.

    Attributes
    ----------
    robust : bool
    witness : int or None
        When not robust, the smallest-index adversarial example.
    witness_point : tuple or None
        Its coordinates.
    teacher_label, student_label : int or None
        T and S at the witness.
    n_adversarial : int
        The number of adversarial examples.
    """

    robust: bool
    witness: int | None
    witness_point: tuple | None
    teacher_label: int | None
    student_label: int | None
    n_adversarial: int

    def __bool__(self) -> bool:
        return self.robust


def is_strongly_robust(student: Any, teacher: Teacher) -> StrongRobustness:
    """Definition 3.1: S(x) = T(x) for every x in Omega_0 u ... u Omega_{K-1}.

    The data distribution mu plays no role in the definition, so it is not an argument.

    Examples
    --------
    >>> import finitelearn as fl
    >>> T = fl.Teacher.from_table([0, 1, fl.UNCERTAIN, 1])
    >>> r = is_strongly_robust(fl.constant(2, 1), T)
    >>> bool(r), r.witness_point, r.teacher_label, r.student_label
    (False, (0, 0), 0, 1)
    >>> bool(is_strongly_robust(fl.dictator(2, 0), T))   # differs only on Omega_U
    True
    """
    adv = adversarial_examples(student, teacher)
    if not adv:
        return StrongRobustness(True, None, None, None, None, 0)
    k = int(adv.indices[0])
    S = student_labels(student, teacher.domain)
    return StrongRobustness(False, k, teacher.domain.point(k), int(teacher.table[k]), int(S[k]), len(adv))


# ---------------------------------------------------------------------------------
# Definition 3.2
# ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Robustness:
    """The exact infimum in (3.1) for one student, teacher, attack and mu.

    Attributes
    ----------
    defined : bool
        False when every member of the family puts probability 0 on the teacher's
        confident region (the conditional probability of (3.1) is undefined for all).
    distribution : distribution or None
        A member of the family attaining the infimum (None when undefined).
    witness : int or None
        A confident point the student gets wrong charged by ``distribution``, if any.
    explanation : str
        How the infimum was attained (or why it is undefined).
    family : Family
        The family A(mu, S).
    """

    _value: Fraction | None
    distribution: Any
    witness: int | None
    explanation: str
    family: Any = field(repr=False)

    @property
    def defined(self) -> bool:
        return self._value is not None

    @property
    def value(self) -> Fraction:
        """The infimum as a Fraction; raises UndefinedProbability when not defined."""
        if self._value is None:
            raise UndefinedProbability(
                "P(T = S | x in the teacher's confident region) is undefined for every member of the "
                f"family: {self.explanation}")
        return self._value

    def __repr__(self) -> str:
        v = str(self._value) if self._value is not None else "undefined"
        return f"Robustness(value={v}, {self.explanation})"


def _check_attack(attack: Any) -> Attack:
    if not isinstance(attack, Attack):
        raise fail_type("attack", attack, "a finitelearn attack (LpNeighbourhood, RadonNikodymBall, ...)")
    return attack


def robustness(student: Any, teacher: Teacher, attack: Attack, mu: Any) -> Robustness:
    """inf_{nu in A(mu, S)} P_{x~nu}(T(x) = S(x) | x in Omega_0 u ... u Omega_{K-1}), exactly (3.1).

    Parameters
    ----------
    student : BooleanFunction or Student
    teacher : Teacher
    attack : Attack
        e.g. :class:`LpNeighbourhood`, :class:`RadonNikodymBall`, :class:`Pushforward`,
        :class:`FastGradient`, :class:`DistributionList`, :class:`AllDistributions`.
    mu : Distribution or FiniteDistribution
        The data generator, on the teacher's domain.

    Returns
    -------
    Robustness
        ``value`` (a Fraction), ``distribution`` (a member attaining it), ``witness``.
        The infimum is over the members with nu(confident region) > 0; when none has,
        ``defined`` is False.

    Examples
    --------
    >>> import finitelearn as fl
    >>> T = fl.Teacher.from_table([0, 1, fl.UNCERTAIN, 1])
    >>> S = fl.constant(2, 1)
    >>> r = robustness(S, T, fl.LpNeighbourhood(1, p=1), fl.point_masses(2, [2]))
    >>> r.value, r.distribution, r.witness
    (Fraction(0, 1), Distribution(d=2, {0: 1}), 0)
    >>> robustness(S, T, fl.LpNeighbourhood(0, p=1), fl.point_masses(2, [2])).defined
    False
    """
    teacher = _check_teacher(teacher)
    domain = teacher.domain
    S = student_labels(student, domain)
    attack = _check_attack(attack)
    _distribution_arrays(mu, domain, "mu")
    family = attack.family(mu, student)
    T = teacher.table
    confident = T != UNCERTAIN
    agree = S == T
    inf = family._infimum(agree, confident)
    return Robustness(inf.value, inf.nu, inf.witness, inf.note, family)


@dataclass(frozen=True, eq=False)
class RobustnessVerdict:
    """(A, mu, eps)-adversarial robustness (Definition 3.2): truthy when value > 1 - eps."""

    robust: bool
    value: Fraction
    eps: Fraction
    result: Robustness

    def __bool__(self) -> bool:
        return self.robust


def _check_eps(eps: Any) -> Fraction:
    q = as_fraction(eps, "eps")
    if not 0 <= q <= 1:
        raise fail("eps", eps, "a number in [0, 1]")
    return q


def is_robust(student: Any, teacher: Teacher, attack: Attack, mu: Any, eps: Any) -> RobustnessVerdict:
    """Definition 3.2: S is (A, mu, eps)-adversarially robust w.r.t. T iff the infimum (3.1) > 1 - eps.

    The inequality is strict as in (3.1), so with eps = 0 no student is robust.  Raises
    :class:`finitelearn.UndefinedProbability` when the family puts no mass on the
    teacher's confident region (check ``robustness(...).defined`` first).

    Examples
    --------
    >>> import finitelearn as fl
    >>> T = fl.Teacher.from_table([0, 1, fl.UNCERTAIN, 1])
    >>> v = is_robust(fl.constant(2, 1), T, fl.RadonNikodymBall("1/2"), fl.uniform(2), "0.7")
    >>> bool(v), v.value
    (True, Fraction(1, 3))
    """
    eps_q = _check_eps(eps)
    r = robustness(student, teacher, attack, mu)
    v = r.value  # raises UndefinedProbability when undefined
    return RobustnessVerdict(v > 1 - eps_q, v, eps_q, r)


# ---------------------------------------------------------------------------------
# classical l_p robustness (1.1)
# ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LpMargin:
    """The exact l_p distance from supp(mu) to the nearest point the student labels differently.

    S is l_p robust with radius delta (:func:`lp_robust`) iff delta < distance.

    Attributes
    ----------
    p : 0, 1, 2 or inf
    distance_power : Fraction or None
        The distance for p in {0, 1, inf} and the *squared* distance for p = 2 (exact);
        None when no point of the domain changes the label (an infinite margin).
    source, target : int or None
        A pair attaining it: source in supp(mu), target with S(target) != S(source).
    """

    p: float
    distance_power: Fraction | None
    source: int | None
    target: int | None

    @property
    def infinite(self) -> bool:
        return self.distance_power is None

    def __float__(self) -> float:
        if self.distance_power is None:
            return math.inf
        return math.sqrt(self.distance_power) if self.p == 2 else float(self.distance_power)

    def exceeds(self, delta: Any) -> bool:
        """Exactly: delta < margin (so the student is l_p robust at radius delta)."""
        d = _check_delta(delta)
        if self.distance_power is None:
            return True
        if self.p == 0:
            return math.floor(d) < self.distance_power
        if self.p == 2:
            return d * d < self.distance_power
        return d < self.distance_power


def lp_margin(student: Any, mu: Any, p: Any = 2) -> LpMargin:
    """The exact smallest l_p distance between x' in supp(mu) and x with S(x) != S(x').

    Examples
    --------
    >>> import finitelearn as fl
    >>> m = lp_margin(fl.dictator(3, 0), fl.point_masses(3, [0]), p=2)
    >>> m.distance_power, m.source, m.target          # squared l_2 distance 1
    (Fraction(1, 1), 0, 1)
    """
    p = check_p(p)
    domain = domain_of(mu)
    S = student_labels(student, domain)
    s, _, _ = _distribution_arrays(mu, domain)
    domain._check_lattice_bounds(p)
    L = domain._lattice()
    best = None
    for label in np.unique(S[s]).tolist():
        src = s[S[s] == label]
        tgt = np.flatnonzero(S != label).astype(np.int64)
        if tgt.size == 0:
            continue
        vals, arg = RK.nearest_source(L[tgt], L[src], _p_code(p))
        i = int(np.argmin(vals))
        v = int(vals[i])
        cand = (v, int(src[arg[i]]), int(tgt[i]))
        if best is None or cand < best:
            best = cand
    if best is None:
        return LpMargin(p, None, None, None)
    return LpMargin(p, domain.exact_distance(best[0], p), best[1], best[2])


@dataclass(frozen=True)
class LpRobustness:
    """Verdict of l_p robustness (1.1): truthy when no point within delta of supp(mu)
    changes the student's label.  ``source``/``target`` witness a failure."""

    robust: bool
    delta: Fraction
    p: float
    margin: LpMargin
    source: int | None
    target: int | None

    def __bool__(self) -> bool:
        return self.robust


def lp_robust(student: Any, mu: Any, delta: Any, p: Any = 2) -> LpRobustness:
    """Classical l_p robustness of (1.1), as a yes/no for the 0-1 loss.

    S is l_p robust with radius delta on mu when S(x) = S(x') for every x' in supp(mu)
    and every point x of the domain with ||x - x'||_p <= delta.  It does not involve the
    teacher: set it side by side with :func:`is_strongly_robust` (Section 3.3).

    Examples
    --------
    >>> import finitelearn as fl
    >>> r = lp_robust(fl.dictator(3, 0), fl.point_masses(3, [0]), 1, p=0)
    >>> bool(r), r.source, r.target
    (False, 0, 1)
    >>> bool(lp_robust(fl.dictator(3, 0), fl.point_masses(3, [0]), "0.9", p=2))
    True
    """
    d = _check_delta(delta)
    p = check_p(p)
    m = lp_margin(student, mu, p)
    ok = m.exceeds(d)
    return LpRobustness(ok, d, p, m, None if ok else m.source, None if ok else m.target)
