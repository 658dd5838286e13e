"""Attacks of Definition 3.2: an attack maps (mu, S) to a family P = A(mu, S) of distributions.

Every attack here is exact on a finite domain, and every family knows how to compute the
infimum of (3.1), inf over nu in P of P_nu(T = S | x in Omega_0 u ... u Omega_{K-1}),
from its structure (:func:`finitelearn.robustness` calls it):

* :class:`LpNeighbourhood` -- the l_p attack of Section 3.2, all nu whose support lies
  within delta of supp(mu) in l_p, p in {0, 1, 2, inf}.  The worst nu is a point mass on
  a reachable confident point the student gets wrong (value 0), else on any reachable
  confident point (value 1).
* :class:`RadonNikodymBall` -- {nu : dnu/dmu in [c, 1/c]}: a linear-fractional program
  solved exactly at a vertex (see the class docstring for the derivation).
* :class:`Pushforward` -- the single distribution Gamma # mu for a user map Gamma.
* :class:`FastGradient` -- Gamma(x) = x + delta g/||g||, g = dS/dx, for students with a
  gradient (:class:`finitelearn.LinearStudent`), with an exact rounding to the grid.
* :class:`DistributionList` -- a fixed finite list of distributions (the weak attack of
  Theorem 4.2 is ``DistributionList([uniform(d)])``).
* :class:`AllDistributions` -- every distribution on X; robustness with respect to it
  is strong robustness (Definition 3.1), as the paper remarks after Definition 3.2.

The conditional probability in (3.1) is undefined for nu with nu(confident region) = 0.
The infimum is taken over the members with nu(confident) > 0; when there are none the
result says so (``defined`` is False) and never divides by zero.

Examples
--------
>>> import finitelearn as fl
>>> T = fl.Teacher.from_table([0, 0, fl.UNCERTAIN, 1])        # on {0,1}^2
>>> S = fl.BooleanFunction.from_truth_table([0, 1, 1, 1])     # wrong at point 1
>>> mu = fl.point_masses(2, [0])
>>> fl.robustness(S, T, LpNeighbourhood(delta=0, p=0), mu).value
Fraction(1, 1)
>>> fl.robustness(S, T, LpNeighbourhood(delta=1, p=0), mu).value
Fraction(0, 1)
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Iterable, Sequence

import numpy as np

from .distributions import Distribution
from .domains import Cube, FiniteDomain, Grid, as_domain, check_p, check_radius
from .student import student_labels
from .validation import as_fraction, fail, fail_type

__all__ = [
    "Attack",
    "Family",
    "Infimum",
    "check_distribution",
    "LpNeighbourhood",
    "RadonNikodymBall",
    "Pushforward",
    "FastGradient",
    "DistributionList",
    "AllDistributions",
    "SupportFamily",
    "RadonNikodymFamily",
    "FiniteFamily",
    "neighbourhood",
    "pushforward",
]


def check_distribution(mu: Any, domain: FiniteDomain | None = None, name: str = "mu") -> Distribution:
    """Check that ``mu`` is a :class:`finitelearn.Distribution` (on ``domain`` if given).

    >>> import finitelearn as fl
    >>> check_distribution(fl.uniform(2), fl.Cube(2)).total
    4
    """
    if not isinstance(mu, Distribution):
        raise fail_type(name, mu, "a finitelearn.Distribution")
    if domain is not None:
        mu.check_domain(domain, name)
    return mu


def neighbourhood(domain: Any, points: Any, delta: Any, p: Any) -> np.ndarray:
    """All points within l_p distance delta of some point of ``points`` (exact).

    Parameters
    ----------
    domain : FiniteDomain or int
    points : iterable of points or indices, or a bool mask over the domain
    delta : rational >= 0
        The radius; for p = 0 a number of coordinates (floored).
    p : 0, 1, 2 or inf

    Returns
    -------
    numpy.ndarray
        Sorted int64 indices.

    Examples
    --------
    >>> neighbourhood(3, [0], 1, p=0)             # Hamming ball of radius 1 around 000
    array([0, 1, 2, 4])
    >>> neighbourhood(3, [0], "1.5", p=2)         # l_2 <= 1.5 means Hamming <= 2
    array([0, 1, 2, 3, 4, 5, 6])
    """
    domain = as_domain(domain)
    delta_q, p_v = check_radius(delta), check_p(p)
    src = np.flatnonzero(domain.event_mask(points, "points")).astype(np.int64)
    return np.flatnonzero(domain.within(src, delta_q, p_v)).astype(np.int64)


@dataclass(frozen=True)
class Infimum:
    """The exact infimum of (3.1) over a family: its value (None when undefined), a
    member ``nu`` attaining it, a ``witness`` point the student gets wrong, and a note.
    :func:`finitelearn.robustness` wraps it in a :class:`finitelearn.robustness.Robustness`."""

    value: Fraction | None
    nu: Any
    witness: int | None
    note: str


def _single_value(support: np.ndarray, weights: np.ndarray, agree: np.ndarray, confident: np.ndarray) -> tuple[int, int]:
    """(nu(confident and T = S), nu(confident)) as integer weights."""
    c = confident[support]
    a = c & agree[support]
    return int(weights[a].sum()), int(weights[c].sum())


class Family(ABC):
    """A family P of distributions on a finite domain (the output of an attack)."""

    domain: FiniteDomain

    @abstractmethod
    def contains(self, nu: Any) -> bool:
        """True when the distribution ``nu`` belongs to the family."""

    def __contains__(self, nu: Any) -> bool:
        return self.contains(nu)

    @abstractmethod
    def infimum(self, agree: np.ndarray, confident: np.ndarray) -> Infimum:
        """inf over members of P(T = S | confident), from the family's structure."""


class SupportFamily(Family):
    """All distributions whose support lies in a given set of points (``allowed``).

    The l_p neighbourhood family (allowed = the points within delta of supp(mu)) and the
    family of all distributions (allowed = X).
    """

    def __init__(self, domain: FiniteDomain, allowed: np.ndarray, description: str) -> None:
        self.domain = domain
        self._allowed = allowed.copy()
        self._allowed.flags.writeable = False
        self.description = description

    @property
    def allowed(self) -> np.ndarray:
        """Sorted int64 indices of the points a member may charge."""
        return np.flatnonzero(self._allowed).astype(np.int64)

    def allowed_mask(self) -> np.ndarray:
        """Bool mask over the domain of :attr:`allowed`."""
        return self._allowed

    def contains(self, nu: Any) -> bool:
        return bool(self._allowed[check_distribution(nu, self.domain, "nu").support].all())

    def infimum(self, agree: np.ndarray, confident: np.ndarray) -> Infimum:
        conf = self._allowed & confident
        if not conf.any():
            return Infimum(None, None, None,
                        f"no point the family may charge ({self.description}) is in the teacher's confident region")
        wrong = np.flatnonzero(conf & ~agree)
        if wrong.size:
            k = int(wrong[0])
            return Infimum(Fraction(0), Distribution.point_masses(self.domain, [k]), k,
                        f"a point mass on a reachable confident point the student gets wrong ({self.description})")
        k = int(np.flatnonzero(conf)[0])
        return Infimum(Fraction(1), Distribution.point_masses(self.domain, [k]), None,
                    f"every reachable confident point is classified as the teacher does ({self.description})")

    def __repr__(self) -> str:
        return f"SupportFamily({self.description}, {int(self._allowed.sum())} points allowed)"


class FiniteFamily(Family):
    """A finite list of distributions; the infimum is the minimum over the members."""

    def __init__(self, domain: FiniteDomain, members: Sequence[Any]) -> None:
        self.domain = domain
        self.members = list(members)
        for i, nu in enumerate(self.members):
            check_distribution(nu, domain, f"distributions[{i}]")

    def contains(self, nu: Any) -> bool:
        return check_distribution(nu, self.domain, "nu") in self.members

    def values(self, agree: np.ndarray, confident: np.ndarray) -> list[Fraction | None]:
        """P_nu(T = S | confident) for each member (None where nu(confident) = 0)."""
        out: list[Fraction | None] = []
        for nu in self.members:
            a, c = _single_value(nu.support, nu.weights, agree, confident)
            out.append(Fraction(a, c) if c else None)
        return out

    def infimum(self, agree: np.ndarray, confident: np.ndarray) -> Infimum:
        vals = self.values(agree, confident)
        best: int | None = None
        best_v: Fraction | None = None  # vals[best]
        for i, v in enumerate(vals):
            if v is not None and (best_v is None or v < best_v):
                best, best_v = i, v
        if best is None:
            return Infimum(None, None, None, "every member of the family puts probability 0 on the teacher's confident region")
        s = self.members[best].support
        wrong = s[confident[s] & ~agree[s]]
        return Infimum(vals[best], self.members[best], int(wrong[0]) if wrong.size else None,
                    f"member {best} of {len(vals)} attains the minimum")

    def __len__(self) -> int:
        return len(self.members)

    def __iter__(self):
        return iter(self.members)

    def __repr__(self) -> str:
        return f"FiniteFamily({len(self.members)} distributions on {self.domain!r})"


class RadonNikodymFamily(Family):
    """{nu : nu << mu, dnu/dmu in [c, 1/c] on supp(mu)}, nu a probability (Section 3.2)."""

    def __init__(self, domain: FiniteDomain, mu: Any, c: Fraction) -> None:
        self.domain = domain
        self.mu = mu
        self.c = c
        check_distribution(mu, domain, "mu")
        self._s, self._w, self._t = mu.support, mu.weights, mu.total

    def contains(self, nu: Any) -> bool:
        nu = check_distribution(nu, self.domain, "nu")
        s, w, t = nu.support, nu.weights, nu.total
        pos = dict(zip(s.tolist(), w.tolist()))
        if not set(pos) <= set(self._s.tolist()):
            return False  # not absolutely continuous
        for k, wm in zip(self._s.tolist(), self._w.tolist()):
            r = Fraction(pos.get(k, 0) * self._t, t * wm)  # nu(x) / mu(x)
            if not self.c <= r <= 1 / self.c:
                return False
        return True

    def infimum(self, agree: np.ndarray, confident: np.ndarray) -> Infimum:
        s, w, t = self._s, self._w, self._t
        conf = confident[s]
        mis = conf & ~agree[s]
        good = conf & agree[s]
        other = ~conf
        m = Fraction(int(w[mis].sum()), t)
        g = Fraction(int(w[good].sum()), t)
        o = Fraction(int(w[other].sum()), t)
        if m + g == 0:
            return Infimum(None, None, None, "mu puts no mass on the teacher's confident region, and nu << mu")
        a, b = _rn_vertex(m, g, o, self.c)
        e = 1 - a - b
        r_mis = a / m if m else Fraction(0)
        r_good = b / g if g else Fraction(0)
        r_other = e / o if o else Fraction(0)
        weights = []
        for wm, is_mis, is_good in zip(w.tolist(), mis.tolist(), good.tolist()):
            r = r_mis if is_mis else r_good if is_good else r_other
            weights.append(Fraction(int(wm), t) * r)
        nu = Distribution.point_masses(self.domain, s.tolist(), weights)
        witness = int(s[mis][0]) if m else None
        return Infimum(b / (a + b), nu, witness,
                    f"dnu/dmu = {r_mis} on the confident points the student gets wrong, {r_good} on the "
                    f"confident points it gets right, {r_other} elsewhere on supp(mu)")

    def __repr__(self) -> str:
        return f"RadonNikodymFamily(c={self.c}, around a distribution on {self.domain!r})"


def _rn_vertex(m: Fraction, g: Fraction, o: Fraction, c: Fraction) -> tuple[Fraction, Fraction]:
    """Minimise b / (a + b) over the polygon of aggregate masses (a, b) = (nu(M), nu(G)).

    nu = r mu with r in [c, 1/c] is a probability iff a in [c m, m/c], b in [c g, g/c],
    e = 1 - a - b in [c o, o/c]; any such (a, b, e) is reached by r constant on M, G and
    O.  The objective is linear-fractional (its level sets are lines through the origin),
    so its minimum over the polygon is at a vertex: intersect every pair of non-parallel
    edge lines, keep the feasible points, take the smallest value (first on ties).
    """
    lines = [  # alpha a + beta b = gamma
        (1, 0, c * m), (1, 0, m / c),
        (0, 1, c * g), (0, 1, g / c),
        (1, 1, 1 - o / c), (1, 1, 1 - c * o),
    ]

    def feasible(a: Fraction, b: Fraction) -> bool:
        return c * m <= a <= m / c and c * g <= b <= g / c and 1 - o / c <= a + b <= 1 - c * o

    best = None
    for i in range(len(lines)):
        for j in range(i + 1, len(lines)):
            a1, b1, g1 = lines[i]
            a2, b2, g2 = lines[j]
            det = a1 * b2 - a2 * b1
            if det == 0:
                continue
            a = (g1 * b2 - g2 * b1) / det
            b = (a1 * g2 - a2 * g1) / det
            if feasible(a, b):
                v = b / (a + b)
                if best is None or v < best[0]:
                    best = (v, a, b)
    assert best is not None, "the polygon contains (m, g), so it has a vertex"
    return best[1], best[2]


# ---------------------------------------------------------------------------------
# attacks
# ---------------------------------------------------------------------------------


class Attack(ABC):
    """An attack A of Definition 3.2: ``family(mu, student)`` is P = A(mu, S).

    >>> import finitelearn as fl
    >>> isinstance(LpNeighbourhood(1, p=0), Attack)
    True
    >>> P = LpNeighbourhood(1, p=0).family(fl.point_masses(2, [0]), fl.constant(2, 0))
    >>> P.allowed
    array([0, 1, 2])
    """

    @abstractmethod
    def family(self, mu: Any, student: Any) -> Family:
        """The family of adversarial distributions P = A(mu, S).

        >>> import finitelearn as fl
        >>> P = DistributionList([fl.uniform(2)]).family(fl.point_masses(2, [0]), fl.constant(2, 0))
        >>> len(P.members)
        1
        """


class LpNeighbourhood(Attack):
    """The l_p attack of Section 3.2: P = {nu : every x in supp(nu) is within delta of supp(mu)}.

    Parameters
    ----------
    delta : rational >= 0
        The radius (for p = 0, a number of coordinates: the Hamming radius on the cube).
    p : 0, 1, 2 or inf
        On {0,1}^d: l_0 = l_1 = Hamming distance, l_2 = sqrt(Hamming), l_inf = [x != y].
        On a grid distances are exact (l_2 compared through squares).

    Examples
    --------
    >>> import finitelearn as fl
    >>> P = LpNeighbourhood(1, p=0).family(fl.point_masses(3, [0]), fl.constant(3, 0))
    >>> P.allowed
    array([0, 1, 2, 4])
    >>> fl.point_masses(3, [1, 2]) in P, fl.point_masses(3, [3]) in P
    (True, False)
    """

    def __init__(self, delta: Any, p: Any = 2) -> None:
        self.delta = check_radius(delta)
        self.p = check_p(p)

    def family(self, mu: Any, student: Any = None) -> SupportFamily:
        mu = check_distribution(mu)
        allowed = mu.domain.within(mu.support, self.delta, self.p)
        return SupportFamily(mu.domain, allowed, f"l_{self.p} distance <= {self.delta} from supp(mu)")

    def __repr__(self) -> str:
        return f"LpNeighbourhood(delta={self.delta}, p={self.p})"


class AllDistributions(Attack):
    """The attack producing every distribution on X (strong robustness, Definition 3.1).

    >>> import finitelearn as fl
    >>> len(AllDistributions().family(fl.uniform(2), fl.constant(2, 0)).allowed)
    4
    """

    def family(self, mu: Any, student: Any = None) -> SupportFamily:
        domain = check_distribution(mu).domain
        return SupportFamily(domain, np.ones(domain.size, dtype=bool), "every distribution on X")

    def __repr__(self) -> str:
        return "AllDistributions()"


class RadonNikodymBall(Attack):
    """P = {nu : dnu/dmu in [c, 1/c]} for 0 < c <= 1 (Section 3.2).

    A member is nu = r mu with r(x) in [c, 1/c] on supp(mu) and sum_x mu(x) r(x) = 1 (nu
    is a probability, absolutely continuous with respect to mu).

    The infimum of (3.1).  Split supp(mu) into M (confident, student wrong), G
    (confident, student right) and O (the teacher uncertain), with masses m, g, o.  Then
    P_nu(T = S | confident) = b / (a + b) with a = nu(M), b = nu(G), and the reachable
    aggregates are exactly a in [c m, m/c], b in [c g, g/c], 1 - a - b in [c o, o/c]
    (take r constant on each part).  The ratio is linear-fractional, minimal at a vertex
    of that polygon; we enumerate the vertices exactly.  Intuitively: weight 1/c on M and
    c on G, with O absorbing the normalisation as far as [c, 1/c] allows, and when it
    cannot, M or G gives way.  Undefined when m + g = 0 (then nu(confident) = 0 for all
    nu << mu).  c = 1 gives P = {mu}.

    Examples
    --------
    >>> import finitelearn as fl
    >>> T = fl.Teacher.from_table([0, 1, fl.UNCERTAIN, 1])
    >>> S = fl.constant(2, 1)                         # wrong at point 0 only
    >>> r = fl.robustness(S, T, RadonNikodymBall("1/2"), fl.uniform(2))
    >>> r.value                                        # mu gives 2/3; the ball pushes to 1/3
    Fraction(1, 3)
    >>> [r.distribution.pmf(k) for k in range(4)]     # dnu/dmu = 2 on M, 1/2 on G, 1 on O
    [Fraction(1, 2), Fraction(1, 8), Fraction(1, 4), Fraction(1, 8)]
    """

    def __init__(self, c: Any) -> None:
        q = as_fraction(c, "c")
        if not 0 < q <= 1:
            raise fail("c", c, "a number in (0, 1] (dnu/dmu in [c, 1/c] needs c <= 1/c)")
        self.c = q

    def family(self, mu: Any, student: Any = None) -> RadonNikodymFamily:
        return RadonNikodymFamily(check_distribution(mu).domain, mu, self.c)

    def __repr__(self) -> str:
        return f"RadonNikodymBall(c={self.c})"


def pushforward(mu: Any, gamma: Any) -> Any:
    """Gamma # mu: the distribution of Gamma(x) for x ~ mu (exact).

    ``gamma`` maps a point's coordinates to a point of the same domain (coordinates or
    index), or is a table of target indices, one per point.

    >>> import finitelearn as fl
    >>> pushforward(fl.uniform(2), lambda x: (1, x[1]))     # set x_1 to 1
    Distribution(d=2, {1: 1/2, 3: 1/2})
    """
    mu = check_distribution(mu)
    domain, s, w = mu.domain, mu.support, mu.weights
    target = _map_points(domain, gamma, s)
    acc: dict[int, int] = {}
    for k, v in zip(target, w.tolist()):
        acc[k] = acc.get(k, 0) + int(v)
    keys = sorted(acc)
    return Distribution.point_masses(domain, keys, [acc[k] for k in keys])


def _map_points(domain: FiniteDomain, gamma: Any, idx: np.ndarray) -> list[int]:
    if callable(gamma):
        out = []
        for k in idx.tolist():
            x = domain.point(k)
            y = gamma(x)
            try:
                out.append(domain.index(y, "gamma"))
            except (ValueError, TypeError):
                raise fail("gamma", gamma, f"a map into the domain {domain!r} (gamma({x}) = {y!r} is not one of its points)") from None
        return out
    if isinstance(gamma, (str, bytes)) or not isinstance(gamma, Iterable):
        raise fail_type("gamma", gamma, "a callable on points or a table of point indices")
    table = list(gamma)
    if len(table) != domain.size:
        raise fail("gamma", f"<table of length {len(table)}>", f"a table of {domain.size} point indices")
    return [domain.check_index(table[k], "gamma") for k in idx.tolist()]


class Pushforward(Attack):
    """The single distribution Gamma # mu for a user map Gamma: X -> X (Section 3.2).

    ``gamma`` is a callable on coordinates returning a point of the domain, or a table of
    target indices.  To land a continuous map on a grid, round with
    :meth:`finitelearn.Grid.nearest_index`.

    >>> import finitelearn as fl
    >>> T = fl.Teacher.from_table([0, 1, 0, 1])       # T = x_1
    >>> S = fl.constant(2, 0)
    >>> flip = Pushforward(lambda x: (1 - x[0], x[1]))
    >>> fl.robustness(S, T, flip, fl.point_masses(2, [0])).value
    Fraction(0, 1)
    """

    def __init__(self, gamma: Any) -> None:
        if not callable(gamma) and (isinstance(gamma, (str, bytes)) or not isinstance(gamma, Iterable)):
            raise fail_type("gamma", gamma, "a callable on points or a table of point indices")
        self.gamma = gamma

    def family(self, mu: Any, student: Any = None) -> FiniteFamily:
        return FiniteFamily(check_distribution(mu).domain, [pushforward(mu, self.gamma)])

    def __repr__(self) -> str:
        return f"Pushforward({self.gamma!r})"


class DistributionList(Attack):
    """A fixed finite family {nu_1, ..., nu_m}, independent of mu and S.

    >>> import finitelearn as fl
    >>> A = DistributionList([fl.uniform(3)])         # the weak attack of Theorem 4.2
    >>> T = fl.Teacher.from_table(fl.parity(3, {0, 1}))
    >>> fl.robustness(fl.dictator(3, 0), T, A, fl.point_masses(3, [0, 1])).value
    Fraction(1, 2)
    """

    def __init__(self, distributions: Iterable[Any]) -> None:
        if isinstance(distributions, Distribution):
            distributions = [distributions]
        if isinstance(distributions, (str, bytes)) or not isinstance(distributions, Iterable):
            raise fail_type("distributions", distributions, "an iterable of distributions")
        members = list(distributions)
        if not members:
            raise fail("distributions", members, "at least one distribution")
        for i, nu in enumerate(members):
            check_distribution(nu, name=f"distributions[{i}]")
        self.distributions = members

    def family(self, mu: Any, student: Any = None) -> FiniteFamily:
        return FiniteFamily(check_distribution(mu).domain, self.distributions)

    def __repr__(self) -> str:
        return f"DistributionList({len(self.distributions)} distributions)"


# ---------------------------------------------------------------------------------
# the fast-gradient attack
# ---------------------------------------------------------------------------------


def _as_grid(domain: FiniteDomain) -> Grid:
    if isinstance(domain, Grid):
        return domain
    if isinstance(domain, Cube):  # {0,1}^d is the grid with 2 points per axis, same indexing
        return Grid([(0, 1)] * domain.d, 2)
    raise fail_type("mu", domain, "a distribution on a Grid or a Cube")


def _floor_c_plus_b_sqrt(C: Fraction, Bc: Fraction, R: int) -> int:
    """floor(C + Bc * sqrt(R)) exactly, for rationals C, Bc and an int R >= 0."""
    def ge(m: int) -> bool:  # C + Bc sqrt(R) >= m  <=>  Bc sqrt(R) >= m - C
        t = m - C
        if Bc >= 0:
            return t <= 0 or Bc * Bc * R >= t * t
        return t <= 0 and Bc * Bc * R <= t * t

    m = math.floor(float(C) + float(Bc) * math.sqrt(R))
    while not ge(m):
        m -= 1
    while ge(m + 1):
        m += 1
    return m


class FastGradient(Attack):
    """The fast-gradient attack of Section 3.2: P = {Gamma # mu}, Gamma(x) = x + delta g/||g||.

    g = dS/dx is the student's gradient: a :class:`finitelearn.LinearStudent` has
    g = w (its ``gradient``); any student with a ``gradient`` attribute (a constant
    vector, or a callable of the point's coordinates) works.  Unlike the other attacks
    here, the family depends on S everywhere (through g), so robustness with respect to
    it can change when S changes only on Omega_U.

    Parameters
    ----------
    delta : rational >= 0
        The step length.
    norm : 2 or inf
        ``2``: the paper's g / ||g||_2.  ``inf``: the fast gradient *sign* method,
        Gamma(x) = x + delta sign(g) (the steepest l_inf step).
    toward_boundary : bool
        False (default): the paper's formula as written, every point moves along +g
        (up the score, towards label 1).  True: each point moves along -g where the
        student says 1 and +g where it says 0, i.e. along the gradient of the loss,
        towards the decision boundary (the usual FGSM).
    snap : bool
        Whether Gamma(x) is rounded to the grid (default True; see below).

    The exact treatment (where the paper is silent).  Gamma(x) must be a point of the
    finite domain.  g/||g||_2 is irrational unless ||g||_2 is rational (g = (3, 4)), so
    with ``snap=True`` each coordinate of x + delta g/||g|| is rounded to the *nearest*
    grid value exactly (an exact floor of c + b sqrt(R), no floats in the decision; ties
    upwards) and clamped to the box (X is the box).  With ``snap=False`` Gamma(x) must be
    a grid point exactly, else an error.  On the cube (the grid {0,1}^d) the same rules
    apply.

    Examples
    --------
    >>> import finitelearn as fl
    >>> G = fl.Grid.square(5)                         # step 1/2
    >>> S = fl.LinearStudent(G, (3, 4))               # ||g||_2 = 5, g/||g|| = (3/5, 4/5)
    >>> mu = fl.Distribution.point_masses(G, [(0, 0)])
    >>> FastGradient(5, snap=False).family(mu, fl.LinearStudent(G, (3, 4))).members[0]
    Traceback (most recent call last):
    ...
    finitelearn.errors.InvalidArgument: delta=Fraction(5, 1) is not allowed: ...
    >>> FastGradient("1/2", norm="inf").family(mu, S).members[0]
    Distribution(Grid([-1, 1] x [-1, 1], n=5), {(1/2, 1/2): 1})
    """

    def __init__(self, delta: Any, norm: Any = 2, toward_boundary: bool = False, snap: bool = True) -> None:
        self.delta = check_radius(delta)
        norm = check_p(norm, "norm")
        if norm not in (2, math.inf):
            raise fail("norm", norm, "2 or inf")
        self.norm = norm
        if not isinstance(toward_boundary, (bool, np.bool_)):
            raise fail_type("toward_boundary", toward_boundary, "a bool")
        if not isinstance(snap, (bool, np.bool_)):
            raise fail_type("snap", snap, "a bool")
        self.toward_boundary = bool(toward_boundary)
        self.snap = bool(snap)

    def _gradient(self, student: Any, x: tuple, dim: int) -> list[Fraction]:
        g = getattr(student, "gradient", None)
        if g is None:
            raise fail_type("student", student, "a student with a gradient (e.g. a finitelearn.LinearStudent)")
        if callable(g):
            g = g(x)
        if isinstance(g, (str, bytes)) or not isinstance(g, Iterable):
            raise fail_type("student.gradient", g, f"a vector of {dim} rationals")
        gl = [as_fraction(v, "student.gradient") for v in g]
        if len(gl) != dim:
            raise fail("student.gradient", g, f"a vector of {dim} rationals")
        return gl

    def gamma(self, domain: Any, student: Any) -> np.ndarray:
        """The map Gamma as a table: entry k is the index of Gamma(point k).

        >>> import finitelearn as fl
        >>> G = fl.Grid.square(3)
        >>> FastGradient(1, norm="inf").gamma(G, fl.LinearStudent(G, (1, 0)))
        array([1, 2, 2, 4, 5, 5, 7, 8, 8])
        """
        domain = as_domain(domain)
        return self._gamma_on(domain, student, np.arange(domain.size, dtype=np.int64))

    def _gamma_on(self, domain: FiniteDomain, student: Any, idx: np.ndarray) -> np.ndarray:
        """Gamma as a table over the domain, computed at the points ``idx`` (identity elsewhere)."""
        labels = student_labels(student, domain)
        G = _as_grid(domain)
        table = np.arange(domain.size, dtype=np.int64)
        for k in idx.tolist():
            x = G.point(k)
            g = self._gradient(student, x, G.dim)
            if all(v == 0 for v in g):
                continue  # no direction: the point stays
            sigma = -1 if (self.toward_boundary and labels[k] == 1) else 1
            table[k] = self._step(G, x, g, sigma)
        return table

    def _step(self, G: Grid, x: tuple, g: list[Fraction], sigma: int) -> int:
        d = self.delta
        if self.norm == math.inf:
            shift = [sigma * d * (1 if v > 0 else -1 if v < 0 else 0) for v in g]
            return self._land(G, [xi + si for xi, si in zip(x, shift)], x)
        q = sum(v * v for v in g)  # ||g||^2 = P/Q;  1/||g|| = sqrt(P Q) / P
        P, Q = q.numerator, q.denominator
        R = P * Q
        s = math.isqrt(R)
        if s * s == R:
            shift = [sigma * d * v * s / P for v in g]
            return self._land(G, [xi + si for xi, si in zip(x, shift)], x)
        if not self.snap:
            raise fail("delta", d, f"a step landing on the grid; ||g||_2 = sqrt({q}) is irrational, use snap=True")
        js = []
        for xi, vi, lo, st in zip(x, g, G.lower, G.steps):
            C = (xi - lo) / st + Fraction(1, 2)
            Bc = sigma * d * vi / (P * st)
            js.append(_floor_c_plus_b_sqrt(C, Bc, R))
        return G.index_from_axis_indices(js)

    def _land(self, G: Grid, y: list[Fraction], x: tuple) -> int:
        if self.snap:
            return G.nearest_index(y)
        try:
            return G.index(y)
        except (ValueError, TypeError):
            raise fail("delta", self.delta, f"a step landing on a grid point (x={tuple(str(v) for v in x)} "
                                            f"moves to {tuple(str(v) for v in y)}); use snap=True") from None

    def family(self, mu: Any, student: Any) -> FiniteFamily:
        mu = check_distribution(mu)
        return FiniteFamily(mu.domain, [pushforward(mu, self._gamma_on(mu.domain, student, mu.support))])

    def __repr__(self) -> str:
        return (f"FastGradient(delta={self.delta}, norm={self.norm}, "
                f"toward_boundary={self.toward_boundary}, snap={self.snap})")
