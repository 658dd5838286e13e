"""Exact SQ complexity of small classes: one-query maxima, the adaptive game value, SDA.

Issue 11.  The Parseval bound (:func:`~finitelearn.parseval_removal_bound`) says one
statistical query rules out fewer than 1/(4 alpha^2) parities against the null answer.
This module computes the true numbers for a small class, each with a certificate:

* :func:`max_eliminations` - the largest number of members one statistical query can rule
  out (against the null answer, or against the adversary that keeps the most members),
  solved exactly with OR-Tools CP-SAT, with a witness query that is re-checked through
  :class:`~finitelearn.StatisticalQueryOracle` in exact arithmetic before it is returned;
* :func:`sq_query_complexity` - the exact value of the adaptive SQ game (min over
  deterministic students, max over adversaries answering within alpha of a member still
  kept) by exhaustive enumeration of what one query can leave behind, with an optimal
  strategy tree replayed through the oracle;
* :func:`statistical_dimension_bounds` - the SQ dimension with a correlation threshold
  (Blum et al. 1994) and Feldman's statistical dimension with average correlation (SDA),
  with the number of queries each forces, exact.

The models
----------
Every exact value of a query chi on a member T is, by the central identity generalised
to any class (docs/design.md), E_D[chi(x, T(x))] = N - E_D[g F_T]/2 with N the null value,
g = chi(., 1) - chi(., 0) and F_T = (-1)^T.  So *both* answer models depend on the query
only through the vector (E_D[g F_T])_T.  For the paper's class (4.3) under the uniform
distribution (members f_S, 0 in S), writing x = (x_1, x') and S = {1} + S',

    sum_x g(x) chi_S(x) = sum_x' h(x') chi_S'(x'),   h(x') = g(0, x') - g(1, x') in {-2..2},

and every h: {0,1}^(d-1) -> {-2..2} comes from a Boolean query.  The *reduced* model
searches h (2^(d-1) variables of 5 values instead of 2^(d+1) bits) and breaks the
symmetries of the class: h -> -h, the invertible linear maps of the coordinates 2..d
(which permute the spectrum: we ask that the spectrum be largest on e_1, then on e_2
outside span(e_1), ... a greedy basis), and for the null model the translations (which
flip signs of the spectrum: we ask that it be >= 0 on e_1..e_{d-1}).  For the max-consistent
answer at 3 <= d <= 5 ``model="auto"`` does not call the solver: it enumerates h exactly
(:func:`_mc_exhaustive`: one half of h per orbit of GL(d-2, 2) x {+-1}, the other half in
full, the densest window read off the sorted spectrum, a numba kernel), which settles
d = 5 where the solver's bound stalls.  At d >= 6 a seeded local search (simulated
annealing on h) finds a strong query first and CP-SAT is asked only for a better one, so
INFEASIBLE proves the heuristic's query optimal; and max-consistent is capped by the null
maximum over consistent queries whenever no null answer keeps nobody (the adversary may
answer the null value whenever it keeps a member).  The *plain* model
searches chi itself, for any class and distribution; the tests check both give the same
values where both finish.

All solver work is exact integer arithmetic (CP-SAT is an integer solver); no float
decides an answer.
"""

from __future__ import annotations

import functools
import itertools
import math
import numbers
import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from ._kernels import small as KS
from ._kernels import sq as SK
from .bounds import check_tolerance, parseval_removal_bound
from .classes import ConceptClass
from .distributions import Distribution
from .errors import DomainMismatch, MissingExtra, TooLarge
from .oracles import InvariantViolated, StatisticalQuery, StatisticalQueryOracle
from .validation import as_fraction, check_bool, check_int, fail, fail_type

__all__ = [
    "OneQueryBound",
    "SQStrategy",
    "SQQueryComplexity",
    "StatisticalDimensions",
    "max_eliminations",
    "sq_query_complexity",
    "statistical_dimension_bounds",
    "is_paper_class",
    "bounds_row",
    "bounds_csv_rows",
    "replay_strategy",
    "eliminated_by",
    "ANSWERS",
    "QUERIES",
]

ANSWERS = ("null", "max_consistent")
QUERIES = ("boolean", "unit")
MODELS = ("auto", "plain", "reduced")
_SOLVER_PIP = "pip install 'finitelearn[solver]'  (or: pip install ortools)"


# --------------------------------------------------------------------------------------
# checks
# --------------------------------------------------------------------------------------
def _cp_model():
    try:
        from ortools.sat.python import cp_model
    except ImportError:  # pragma: no cover - the solver extra is installed in CI
        raise MissingExtra(f"max_eliminations needs OR-Tools CP-SAT, the 'solver' extra: {_SOLVER_PIP}") from None
    return cp_model


def _check_inputs(concept_class: Any, distribution: Any, tolerance: Any) -> tuple[ConceptClass, Distribution, Fraction]:
    if not isinstance(concept_class, ConceptClass):
        if isinstance(concept_class, (np.ndarray, list, tuple)):
            concept_class = ConceptClass.from_tables(concept_class)
        else:
            raise fail_type("concept_class", concept_class, "a finitelearn.ConceptClass or an (m, 2**d) 0/1 array")
    if not isinstance(distribution, Distribution):
        raise fail_type("distribution", distribution, "a finitelearn.Distribution")
    if distribution.d != concept_class.d:
        raise DomainMismatch(f"the class is on d={concept_class.d} and the distribution on d={distribution.d}: "
                             "concept_class and distribution must live on the same cube")
    alpha = check_tolerance(tolerance)
    return concept_class, distribution, alpha


def _check_choice(value: Any, name: str, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        raise fail_type(name, value, f"a str, one of {allowed}")
    v = "_".join(value.strip().lower().replace("-", " ").split())
    if v not in allowed:
        raise fail(name, value, f"one of {allowed}")
    return v


def _check_time_limit(time_limit: Any) -> float | None:
    if time_limit is None:
        return None
    if isinstance(time_limit, (bool, np.bool_)) or not isinstance(time_limit, numbers.Real):
        raise fail_type("time_limit", time_limit, "a positive number of seconds or None")
    t = float(time_limit)
    if not (t > 0 and math.isfinite(t)):
        raise fail("time_limit", time_limit, "a positive, finite number of seconds or None")
    return t


def is_paper_class(concept_class: ConceptClass, distribution: Distribution) -> bool:
    """True for the class (4.3) {f_S : 1 in S} (any order of members) under the uniform distribution.

    >>> import finitelearn as fl
    >>> is_paper_class(fl.paper_teachers(4), fl.uniform(4)), is_paper_class(fl.parities(4), fl.uniform(4))
    (True, False)
    """
    if not (concept_class.is_parity_class and distribution.is_uniform):
        return False
    masks = concept_class.masks
    assert masks is not None  # a parity class has its masks
    d = concept_class.d
    return len(masks) == 1 << (d - 1) and bool(np.all(masks & 1)) and len(set(masks.tolist())) == len(masks)


# --------------------------------------------------------------------------------------
# the one-query maximum
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OneQueryBound:
    """The most members one statistical query rules out, with a certificate.

    Attributes
    ----------
    value : int or None
        The exact maximum when ``status == "optimal"``, else None.
    lower, upper : int
        Honest bounds: ``witness`` rules out ``lower`` members (re-checked through the
        oracle); no query rules out more than ``upper``.
    status : str
        ``"optimal"`` (lower == upper) or ``"bounds"``.
    witness : StatisticalQuery
        A query attaining ``lower``.
    answer, queries : str
        The answer model and the query range.
    require_consistent : bool
    model : str
        ``"plain"``, ``"reduced"`` or ``"exhaustive"`` (module docstring).
    seconds : float
        Wall-clock time of the search.

    Examples
    --------
    >>> import finitelearn as fl
    >>> b = fl.max_eliminations(fl.paper_teachers(2), fl.uniform(2), "1/8")
    >>> b.value, b.lower, b.upper, b.status, b.answer
    (1, 1, 1, 'optimal', 'null')
    """

    value: int | None
    lower: int
    upper: int
    status: str
    witness: StatisticalQuery = field(repr=False)
    answer: str
    queries: str
    require_consistent: bool
    model: str
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the numbers, the status and the witness as a (2^d, 2) table of numerators.

        >>> import finitelearn as fl
        >>> b = fl.max_eliminations(fl.paper_teachers(2), fl.uniform(2), "1/8")
        >>> sorted(b.to_dict())
        ['answer', 'lower', 'model', 'queries', 'require_consistent', 'seconds', 'status', 'upper', 'value', 'witness']
        """
        return {"value": self.value, "lower": self.lower, "upper": self.upper, "status": self.status,
                "answer": self.answer, "queries": self.queries, "require_consistent": self.require_consistent,
                "model": self.model, "seconds": round(self.seconds, 4),
                "witness": {"numerators": self.witness.numerators.tolist(), "denominator": self.witness.denominator}}


def _spectrum_sign(d: int) -> np.ndarray:
    """(2^d, 2^d) int64 matrix of chi_S(x) = (-1)^{|S & x|}, rows S."""
    idx = np.arange(1 << d, dtype=np.int64)
    pc = np.bitwise_count(idx[:, None] & idx[None, :]).astype(np.int64)
    return 1 - 2 * (pc & 1)


def _thresholds(alpha: Fraction, total: int) -> int:
    """K0 = floor(2 alpha W): a member is ruled out by the null answer iff |Delta| > K0
    (Delta = 2 (V - N) over W), and two values V_i <= V_j (over W) fit one answer iff V_j - V_i <= K0."""
    return (2 * alpha.numerator * total) // alpha.denominator


def _solve(model, time_limit: float | None, workers: int):
    cp_model = _cp_model()
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    if time_limit is not None:
        solver.parameters.max_time_in_seconds = time_limit
    status = solver.Solve(model)
    return solver, status, cp_model


def _plain(cc: ConceptClass, D: Distribution, alpha: Fraction, answer: str, require: bool,
           time_limit: float | None, workers: int):
    """CP-SAT on chi itself: 2 |supp D| Booleans, any class and distribution."""
    cp_model = _cp_model()
    m = len(cc)
    n = 1 << cc.d
    w = np.zeros(n, dtype=np.int64)
    w[D.support] = D.weights
    W = int(D.total)
    K0 = _thresholds(alpha, W)
    T = cc.tables.astype(np.int64)
    M = cp_model.CpModel()
    supp = [int(x) for x in D.support]
    c0 = {x: M.NewBoolVar(f"c0_{x}") for x in supp}
    c1 = {x: M.NewBoolVar(f"c1_{x}") for x in supp}
    V = [sum(int(w[x]) * (c1[x] if T[j, x] else c0[x]) for x in supp) for j in range(m)]
    N2 = sum(int(w[x]) * (c0[x] + c1[x]) for x in supp)
    big = 2 * W
    if answer == "null":
        obj = _null_part(M, [2 * V[j] - N2 for j in range(m)], K0, big, require)
        M.Maximize(obj)
    else:
        K = _window_part(M, V, K0, 0, W)
        M.Minimize(K)
    solver, status, cp = _solve(M, time_limit, workers)
    chi = None
    if status in (cp.OPTIMAL, cp.FEASIBLE):
        chi = np.zeros((n, 2), dtype=np.int64)
        for x in supp:
            chi[x, 0] = solver.Value(c0[x])
            chi[x, 1] = solver.Value(c1[x])
    return solver, status, cp, chi, m


def _null_part(M, deltas, K0: int, big: int, require: bool):
    """Indicators e_j => |delta_j| > K0, k_j => |delta_j| <= K0; returns sum e_j."""
    es, ks = [], []
    for j, dj in enumerate(deltas):
        e = M.NewBoolVar(f"e{j}")
        k = M.NewBoolVar(f"k{j}")
        a = M.NewIntVar(0, big, f"abs{j}")
        dv = M.NewIntVar(-big, big, f"delta{j}")
        M.Add(dv == dj)
        M.AddAbsEquality(a, dv)
        M.Add(a >= K0 + 1).OnlyEnforceIf(e)
        M.Add(a <= K0).OnlyEnforceIf(k)
        M.AddBoolOr([e.Not(), k.Not()])
        es.append(e)
        ks.append(k)
    if require:
        M.AddBoolOr(ks)
    return sum(es)


def _window_part(M, V, K0: int, lo: int, hi: int, energy=None):
    """K >= the members in every window [c, c + K0] of values: returns K.

    Each member's value V_j in [lo, hi] is one-hot encoded (z[j][v] = [V_j = v]), so the
    count of members in a window is a linear sum: this propagates far better than pairwise
    comparisons.  Every set an answer keeps lies in such a window (c = answer - alpha).
    """
    m = len(V)
    K = M.NewIntVar(1, m, "K")
    rng = range(lo, hi + 1)
    cnt: dict[int, list[Any]] = {v: [] for v in rng}  # CP-SAT BoolVars
    for j in range(m):
        zs = []
        for v in rng:
            z = M.NewBoolVar(f"z{j}_{v}")
            cnt[v].append(z)
            zs.append((v, z))
        M.AddExactlyOne([z for _, z in zs])
        M.Add(sum(v * z for v, z in zs) == V[j])
    for c in rng:
        M.Add(sum(z for v in range(c, min(c + K0, hi) + 1) for z in cnt[v]) <= K)
    if energy is not None:  # a redundant linear identity (Parseval) that tightens the relaxation
        M.Add(sum(v * v * z for v in rng for z in cnt[v]) == energy)
    return K


def _reduced(cc: ConceptClass, alpha: Fraction, answer: str, require: bool, time_limit: float | None,
             workers: int, symmetry: bool = True, kept_at_least: int | None = None,
             better_than: int | None = None):
    """CP-SAT on h: {0,1}^(d-1) -> {-2..2} for the class (4.3) under uniform (module docstring).

    ``better_than``: only queries ruling out more than this many members (a known witness's
    count), so INFEASIBLE proves that witness optimal.  ``kept_at_least``: a proven lower
    bound on the max-consistent adversary's window (a redundant cut).
    """
    cp_model = _cp_model()
    d = cc.d
    nb = d - 1
    nn = 1 << nb
    K0 = _thresholds(alpha, 1 << d)           # threshold on |G(S)|, G = sum_x g chi_S (W = 2^d)
    H = _spectrum_sign(nb)
    M = cp_model.CpModel()
    h = [M.NewIntVar(-2, 2, f"h{x}") for x in range(nn)]
    big = 2 * nn
    spec = []
    for s in range(nn):
        v = M.NewIntVar(-big, big, f"H{s}")
        M.Add(v == sum(int(H[s, x]) * h[x] for x in range(nn)))
        spec.append(v)
    # member j <-> S' = mask >> 1
    assert cc.masks is not None  # the class (4.3) is a parity class
    order = [int(mk) >> 1 for mk in cc.masks]
    if symmetry:
        M.Add(spec[0] >= 0)                   # h -> -h
        if answer == "null":
            absv = []
            for s in range(nn):
                a = M.NewIntVar(0, big, f"aH{s}")
                M.AddAbsEquality(a, spec[s])
                absv.append(a)
            key = absv
        else:
            key = spec
        span = {0}
        for k in range(nb):                   # greedy basis: e_k is largest outside span(e_1..e_{k-1})
            e = 1 << k
            for s in range(1, nn):
                if s not in span:
                    M.Add(key[e] >= key[s])
            span |= {s ^ e for s in span}
        if answer == "null":
            for k in range(nb):               # translations: signs on the basis
                M.Add(spec[1 << k] >= 0)
    if answer == "null":
        obj = _null_part(M, [spec[s] for s in order], K0, big, require)
        if better_than is not None:
            M.Add(obj >= better_than + 1)
        M.Maximize(obj)
    else:
        # window in V units [0, K0]  <=>  G_i - G_j in [0, 2 K0]; the family of windows is symmetric under G -> -G
        # Parseval on {0,1}^(d-1): sum_S' H(S')^2 = 2^(d-1) sum_x' h(x')^2, h^2 one-hot encoded
        sq = []
        for x in range(nn):
            zs = {v: M.NewBoolVar(f"hz{x}_{v}") for v in range(-2, 3)}
            M.AddExactlyOne(list(zs.values()))
            M.Add(sum(v * z for v, z in zs.items()) == h[x])
            sq.append(sum(v * v * z for v, z in zs.items()))
        K = _window_part(M, [spec[s] for s in order], 2 * K0, -big, big, energy=nn * sum(sq))
        if kept_at_least is not None:
            M.Add(K >= kept_at_least)
        if better_than is not None:
            M.Add(K <= nn - better_than - 1)
        M.Minimize(K)
    solver, status, cp = _solve(M, time_limit, workers)
    chi = None
    if status in (cp.OPTIMAL, cp.FEASIBLE):
        chi = _chi_from_h([solver.Value(v) for v in h], d)
    return solver, status, cp, chi, len(cc)


def _gl_perms(n: int) -> list[np.ndarray]:
    """Every invertible linear map of {0,1}^n as the permutation x -> Mx of 0..2^n-1."""
    N = 1 << n
    out = []
    for cols in itertools.product(range(1, N), repeat=n):
        img = [0] * N
        for x in range(N):
            v = 0
            for i in range(n):
                if (x >> i) & 1:
                    v ^= cols[i]
            img[x] = v
        if len(set(img)) == N:
            out.append(np.array(img, dtype=np.int64))
    return out


@functools.lru_cache(maxsize=4)
def _half_orbits(n: int):
    """All h0: {0,1}^n -> {-2..2}, their spectra, and one representative per orbit of GL(n, 2) x {+-1}."""
    N = 1 << n
    allh = np.array(list(itertools.product(range(-2, 3), repeat=N)), dtype=np.int8).reshape(-1, N)
    pw = 5 ** np.arange(N, dtype=np.int64)
    own = ((allh.astype(np.int64) + 2) * pw).sum(axis=1)
    canon = own.copy()
    for P in _gl_perms(n):
        for sg in (1, -1):
            canon = np.minimum(canon, (((sg * allh[:, P]).astype(np.int64) + 2) * pw).sum(axis=1))
    order = np.argsort(own)
    reps = order[np.searchsorted(own[order], np.unique(canon))]
    spec = allh.astype(np.int16) @ _spectrum_sign(n).astype(np.int16).T
    return allh, spec, reps


def _mc_exhaustive(d: int, alpha: Fraction, deadline: float | None):
    """The max-consistent one-query maximum for the class (4.3) under uniform, 3 <= d <= 5, by enumeration.

    In the reduced model the adversary keeps the most spectrum values G(S') = H(S') in a window of
    width 2 K0.  Split x' = (x'', x_d): H(S'', s) = A(S'') + (-1)^s B(S'') with A, B the spectra
    of the two halves h0, h1 of h.  The maps h(x'', x_d) -> +-h(M x'', x_d), M in GL(d-2, 2),
    permute (and maybe negate) the spectrum, and the window family is symmetric under
    negation, so h0 may be taken as one representative per orbit while h1 runs over all
    5^(2^(d-2)) functions.  Sorted values s: some window keeps k members iff
    min_i (s[i+k-1] - s[i]) <= 2 K0.  Returns (K, h) with K the least possible max window
    count over every h and h attaining it, or None when the deadline passes first.
    """
    n = d - 2
    allh, spec, reps = _half_orbits(n)
    m = 2 << n
    win = 2 * _thresholds(alpha, 1 << d)
    spec8 = spec.astype(np.int8)       # |spectrum of a half| <= 2^(d-1) <= 16 here: int8 keeps it in cache
    best_k, best_h = m + 1, np.zeros(m, dtype=np.int64)
    # numpy up to d = 4 (5^4 rows of 8 values: no numba to start for the demo), the kernel at d = 5
    route = KS if spec8.size <= 16 * KS.SMALL else SK
    for r in reps.tolist():
        if deadline is not None and time.perf_counter() > deadline:
            return None
        k, row = route.least_max_window(spec8[r], spec8, win, best_k)
        if row >= 0:
            best_k, best_h = int(k), np.concatenate([allh[r], allh[row]]).astype(np.int64)
    return best_k, best_h.tolist()


def _local_search(d: int, alpha: Fraction, answer: str, require: bool, restarts: int = 40,
                  steps: int = 4000, seed: int = 0) -> tuple[int, list[int]]:
    """A good h for the reduced model by simulated annealing (a primal heuristic, not a proof).

    The count it returns is only a lower bound; :func:`max_eliminations` re-checks its
    query through the oracle and asks the solver for anything better.  Deterministic
    (``seed``), so results are reproducible.  Returns (eliminations, h).
    """
    nb = d - 1
    nn = 1 << nb
    Hm = _spectrum_sign(nb)
    K0 = _thresholds(alpha, 1 << d)
    ar = np.arange(nn)

    def value(h: np.ndarray) -> int:
        spec = Hm @ h
        if answer == "null":
            c = int((np.abs(spec) > K0).sum())
            return -1 if (require and c == nn) else c
        srt = np.sort(spec)
        return nn - int((np.searchsorted(srt, srt + 2 * K0, side="right") - ar).max())

    cost, h = _anneal(lambda h: (-value(h),), (0,), nn, np.random.default_rng(seed), restarts, steps,
                      temp0=2.0, decay=0.999)
    return -cost[0], (np.zeros(nn, dtype=np.int64) if h is None else h).tolist()


def _anneal(cost: Any, start: tuple, nn: int, rng: np.random.Generator, restarts: int, steps: int, *,
            temp0: float, decay: float, first: np.ndarray | None = None,
            good_enough: Any = None) -> tuple[tuple, np.ndarray | None]:
    """Simulated annealing over h: {0,1}^(d-1) -> {-2..2}, minimising the tuple ``cost(h)``.

    One coordinate is redrawn per step; a worse h is accepted with probability
    exp(-(rise of cost[0]) / temperature).  ``first`` is the first restart's start (random
    otherwise); ``good_enough(best)`` stops early.  Returns the best cost below ``start``
    and its h, or (``start``, None) when nothing beat it.
    """
    best, best_h = start, None
    for t in range(restarts):
        h = first.copy() if (t == 0 and first is not None) else rng.integers(-2, 3, nn)
        v, temp = cost(h), temp0
        if v < best:
            best, best_h = v, h.copy()
        for _ in range(steps):
            x = int(rng.integers(nn))
            old = h[x]
            h[x] = rng.integers(-2, 3)
            v2 = cost(h)
            if v2 <= v or rng.random() < math.exp((v[0] - v2[0]) / temp):
                v = v2
                if v < best:
                    best, best_h = v, h.copy()
            else:
                h[x] = old
            temp = max(0.05, temp * decay)
        if good_enough is not None and good_enough(best):
            break
    return best, best_h


# g(0, x') - g(1, x') = h(x'), g in {-1, 0, 1}; g -> (chi(x,0), chi(x,1))
_SPLIT = {2: (1, -1), 1: (1, 0), 0: (0, 0), -1: (-1, 0), -2: (-1, 1)}
_CHI = {1: (0, 1), 0: (0, 0), -1: (1, 0)}


def _chi_from_h(hvals: list[int], d: int) -> np.ndarray:
    chi = np.zeros((1 << d, 2), dtype=np.int64)
    for xp, hv in enumerate(hvals):
        g0, g1 = _SPLIT[int(hv)]
        chi[(xp << 1) | 0] = _CHI[g0]
        chi[(xp << 1) | 1] = _CHI[g1]
    return chi


def _all_pairs_within(cc: ConceptClass, D: Distribution, alpha: Fraction) -> bool:
    """True when P_D(T_i != T_j) <= 2 alpha for every pair of members (exact)."""
    T = cc.tables[:, D.support].astype(np.int64)
    w = D.weights.astype(np.int64)
    dis = (T * w) @ (1 - T).T
    dis = dis + dis.T                                   # W * P(T_i != T_j)
    return bool((dis * alpha.denominator <= 2 * alpha.numerator * int(D.total)).all())


def eliminated_by(query: StatisticalQuery, concept_class: ConceptClass, distribution: Distribution,
                  tolerance: Fraction, answer: str, require_consistent: bool) -> int | None:
    """Members ``query`` rules out, measured through a fresh StatisticalQueryOracle (exact).

    ``answer="null"``: members farther than alpha from the null value, or None when
    ``require_consistent`` and no member is kept.  ``"max_consistent"``: what the oracle's
    max-consistent responder rules out.

    >>> import finitelearn as fl
    >>> from fractions import Fraction
    >>> C, mu = fl.paper_teachers(3), fl.uniform(3)
    >>> q = fl.StatisticalQuery.from_callable(3, lambda x, y: int(y == x[0]))
    >>> eliminated_by(q, C, mu, Fraction(1, 8), "null", True)
    1
    """
    oracle = StatisticalQueryOracle(concept_class, distribution, tolerance, responder=answer)
    if answer == "null":
        values = oracle.candidate_values(query)
        assert values is not None  # the oracle was given the class
        null = oracle.null_value(query)
        out = sum(1 for v in values.tolist() if abs(v - null) > tolerance)
        if require_consistent and out == len(values):
            return None
        return out
    oracle.query(query)
    kept = oracle.version_space_size
    assert kept is not None  # the oracle was given the class
    return len(concept_class) - kept


# proven upper bounds of the null model for the class (4.3) under uniform, (d, alpha, require) -> int:
# a proof stays true whatever time limit found it, so the max-consistent cap reuses them
_NULL_UPPER: dict[tuple[int, Fraction, bool], int] = {}


def _null_upper(cc: ConceptClass, D: Distribution, alpha: Fraction, require: bool, time_limit: float | None,
                workers: int) -> int:
    key = (cc.d, alpha, require)
    if key not in _NULL_UPPER:
        max_eliminations(cc, D, alpha, answer="null", require_consistent=require, time_limit=time_limit,
                         workers=workers)
    return _NULL_UPPER[key]


def max_eliminations(concept_class: Any, distribution: Any, tolerance: Any, *, answer: str = "null",
                     queries: str = "boolean", require_consistent: bool = True, time_limit: Any = None,
                     model: str = "auto", workers: int = 2) -> OneQueryBound:
    """The largest number of members of the class one statistical query rules out (issue 11.1).

    Parameters
    ----------
    concept_class : ConceptClass
    distribution : Distribution
        D on the same cube.
    tolerance : number
        alpha > 0 (``"1/8"``, a Fraction, ...).
    answer : {"null", "max_consistent"}
        ``"null"``: the oracle answers the null value E_D[(chi(x,0)+chi(x,1))/2] and a member
        is ruled out when its exact value is farther than alpha.  ``"max_consistent"``: the
        adversary answers anything and keeps the most members; the value is the most
        members some query forces out whatever it answers.
    queries : {"boolean", "unit"}
        chi with values in {0,1} (Kearns' STAT), solved exactly; or in [0,1]: the
        Boolean optimum is a lower bound and the Parseval bound (parity classes under
        the uniform distribution; the class size otherwise) an upper bound, so the
        status is ``"optimal"`` only where they meet.
    require_consistent : bool
        With ``answer="null"``, count only queries whose null answer keeps a member (as in
        the adaptive game).  No effect on ``"max_consistent"`` (its answer always keeps one).
    time_limit : positive number or None
        Seconds for the solver; when it stops first the result has ``status="bounds"``.
    model : {"auto", "plain", "reduced"}
        ``"reduced"`` (the class (4.3) under uniform only, module docstring) or ``"plain"``;
        ``"auto"`` picks the reduced model when it applies (for ``"max_consistent"`` at
        3 <= d <= 5 its exact enumeration, reported as ``model="exhaustive"``; if
        ``time_limit`` runs out first, the CP-SAT reduced model gets what is left).
    workers : int
        CP-SAT worker threads (default 2).

    Returns
    -------
    OneQueryBound

    Examples
    --------
    >>> import finitelearn as fl
    >>> r = fl.max_eliminations(fl.paper_teachers(3), fl.uniform(3), "1/8")
    >>> r.value, r.status
    (3, 'optimal')
    >>> fl.max_eliminations(fl.paper_teachers(3), fl.uniform(3), "1/8", answer="max_consistent").value
    1
    """
    t0 = time.perf_counter()
    cc, D, alpha = _check_inputs(concept_class, distribution, tolerance)
    answer = _check_choice(answer, "answer", ANSWERS)
    queries = _check_choice(queries, "queries", QUERIES)
    require = check_bool(require_consistent, "require_consistent")
    tl = _check_time_limit(time_limit)
    model = _check_choice(model, "model", MODELS)
    workers = check_int(workers, "workers")
    if workers < 1:
        raise fail("workers", workers, "an int >= 1")
    paper = is_paper_class(cc, D)
    if model == "reduced" and not paper:
        raise fail("model", model, "'plain' or 'auto' here: the reduced model is for the class (4.3) under the "
                                   "uniform distribution")
    use = "reduced" if (model == "reduced" or (model == "auto" and paper)) else "plain"
    m = len(cc)
    if m > 256 or (use == "plain" and D.support_size() > 1 << 12):
        raise TooLarge(f"concept_class={cc!r} is not allowed: the exact one-query search is for small classes "
                       f"(at most 256 members and 4096 points of support)")
    cap = m - 1 if (require or answer == "max_consistent") else m
    if answer == "max_consistent" and _all_pairs_within(cc, D, alpha):
        # |E chi(x,T_i) - E chi(x,T_j)| <= P(T_i != T_j) <= 2 alpha for every pair, so all values
        # fit one window of width 2 alpha (Helly on the line): the adversary keeps everyone
        witness = StatisticalQuery.from_numerators(np.zeros((1 << cc.d, 2), dtype=np.int64), 1)
        if eliminated_by(witness, cc, D, alpha, answer, require) != 0:  # pragma: no cover
            raise InvariantViolated("the zero query ruled out a member")
        return OneQueryBound(0, 0, 0, "optimal", witness, answer, queries, require, "pairwise",
                             time.perf_counter() - t0)
    exh = None
    if use == "reduced" and model == "auto" and answer == "max_consistent" and 3 <= cc.d <= 5:
        exh = _mc_exhaustive(cc.d, alpha, None if tl is None else t0 + tl)
    if exh is not None:
        K, hvals = exh
        lo = hi = m - K
        witness = StatisticalQuery.from_numerators(_chi_from_h(hvals, cc.d), 1)
        use = "exhaustive"
    elif use == "reduced":
        cap_hi, kept = cap, None
        if answer == "max_consistent":
            # the adversary may answer the null value whenever it keeps a member, so
            # mc <= the null maximum over such queries, unless some query's null answer keeps
            # no one (then only m - 1); both from the null model, in a third of the time each
            share = None if tl is None else tl / 3
            if _null_upper(cc, D, alpha, False, share, workers) < m:
                cap_hi = min(cap, _null_upper(cc, D, alpha, True, share, workers))
                kept = m - cap_hi
        ls_val, ls_h = _local_search(cc.d, alpha, answer, require) if cc.d >= 6 else (0, None)
        if ls_h is not None and answer == "null" and not require:   # a consistent query counts here too
            ls_val, ls_h = max((ls_val, ls_h), _local_search(cc.d, alpha, answer, True))
        if tl is not None:       # what the enumeration and the null bounds left of the time limit
            tl = max(0.1, t0 + tl - time.perf_counter())
        better = ls_val if ls_h is not None and ls_val > 0 else None
        if better is not None and better >= cap_hi:
            status = None        # the heuristic already meets the proven cap
        else:
            solver, status, cp, chi, m = _reduced(cc, alpha, answer, require, tl, workers,
                                                  kept_at_least=kept, better_than=better)
    else:
        solver, status, cp, chi, m = _plain(cc, D, alpha, answer, require, tl, workers)
    cap = m - 1 if (require or answer == "max_consistent") else m
    if exh is not None:
        pass
    elif use == "reduced" and better is not None and (status is None or status != cp.OPTIMAL and status != cp.FEASIBLE):
        # nothing better than the heuristic's query: proven optimal (INFEASIBLE, or it meets the
        # cap), else bounds from the solver's objective bound
        lo = better
        assert ls_h is not None  # better is set only with the heuristic's h
        witness = StatisticalQuery.from_numerators(_chi_from_h(ls_h, cc.d), 1)
        if status is None or status == cp.INFEASIBLE:
            hi = better
        elif answer == "null":
            hi = int(math.floor(solver.BestObjectiveBound() + 1e-6))
        else:
            hi = m - int(math.ceil(solver.BestObjectiveBound() - 1e-6))
        hi = min(hi, cap_hi)
    elif status in (cp.OPTIMAL, cp.FEASIBLE):
        if answer == "null":
            lo, hi = int(round(solver.ObjectiveValue())), int(math.floor(solver.BestObjectiveBound() + 1e-6))
        else:  # minimised K: the value is m - K
            lo = m - int(round(solver.ObjectiveValue()))
            hi = m - int(math.ceil(solver.BestObjectiveBound() - 1e-6))
        witness = StatisticalQuery.from_numerators(chi, 1)
    elif status == cp.INFEASIBLE:  # pragma: no cover - the zero query is always feasible
        raise InvariantViolated("the one-query model is infeasible: a bug in finitelearn")
    else:  # no solution within the time limit: the zero query rules out nothing
        lo, hi = 0, cap
        witness = StatisticalQuery.from_numerators(np.zeros((1 << cc.d, 2), dtype=np.int64), 1)
    # the certificate: the witness's eliminations measured by the oracle, exactly
    got = eliminated_by(witness, cc, D, alpha, answer, require)
    if got is None or got < lo:
        raise InvariantViolated(f"the solver's witness rules out {got} members through the oracle, not {lo}")
    lo = got  # a feasible solution may rule out more than its objective counted
    hi = min(hi, cap)
    if use == "reduced":
        hi = min(hi, cap_hi)
    if queries == "unit":
        if cc.is_parity_class and D.is_uniform:
            hi = min(cap, max(hi, parseval_removal_bound(alpha)))
        else:
            hi = cap
    if lo > hi:
        raise InvariantViolated(f"lower bound {lo} above upper bound {hi}: a bug in finitelearn")
    st = "optimal" if lo == hi else "bounds"
    if paper and answer == "null" and queries == "boolean":
        key = (cc.d, alpha, require)
        _NULL_UPPER[key] = min(hi, _NULL_UPPER.get(key, hi))
    return OneQueryBound(lo if st == "optimal" else None, lo, hi, st, witness, answer, queries, require, use,
                         time.perf_counter() - t0)


# --------------------------------------------------------------------------------------
# the adaptive game
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SQStrategy:
    """A node of an SQ strategy: the version space, the query asked, and a child per answer.

    ``children`` maps each set of members an answer can keep (a window of width 2 alpha
    over the members' exact values, anchored at one of them) to the strategy that follows.
    A leaf has ``query = None`` and one member.

    >>> import finitelearn as fl
    >>> s = fl.sq_query_complexity(fl.paper_teachers(2), fl.uniform(2), "1/8").strategy
    >>> s.members, len(s.children)
    ((0, 1), 2)
    """

    members: tuple[int, ...]
    query: StatisticalQuery | None = field(repr=False)
    children: tuple[tuple[tuple[int, ...], "SQStrategy"], ...] = ()

    @property
    def depth(self) -> int:
        """Worst-case number of queries from this node."""
        return 0 if self.query is None else 1 + max(c.depth for _, c in self.children)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready nested dict (queries as numerator tables).

        >>> import finitelearn as fl
        >>> s = fl.sq_query_complexity(fl.paper_teachers(2), fl.uniform(2), "1/8").strategy
        >>> sorted(s.to_dict())
        ['children', 'members', 'query']
        """
        out: dict[str, Any] = {"members": list(self.members)}
        if self.query is not None:
            out["query"] = {"numerators": self.query.numerators.tolist(), "denominator": self.query.denominator}
            out["children"] = [c.to_dict() for _, c in self.children]
        return out


@dataclass(frozen=True)
class SQQueryComplexity:
    """The exact value of the adaptive SQ game.

    ``value`` is an int, ``math.inf`` when no query ever makes progress, or None when
    ``status == "bounds"`` (then ``lower``/``upper`` bound it).  ``strategy`` is an optimal
    :class:`SQStrategy` when the value is exact; with bounds, the greedy student whose
    replayed worst case is ``upper`` (None when the value is infinite or none was found).

    >>> import finitelearn as fl
    >>> r = fl.sq_query_complexity(fl.paper_teachers(2), fl.uniform(2), "1/8")
    >>> r.value, r.lower, r.upper, r.status
    (1, 1, 1, 'optimal')
    """

    value: int | float | None
    lower: int | float
    upper: int | float
    status: str
    strategy: SQStrategy | None = field(repr=False)
    method: str
    seconds: float


def _window_masks(vals: np.ndarray, K0: int) -> np.ndarray:
    """For rows of member values (q, m) -> (q, m) uint64 masks: members j with 0 <= v_j - v_i <= K0."""
    q, m = vals.shape
    diff = vals[:, None, :] - vals[:, :, None]       # [r, i, j] = v_j - v_i
    inside = (diff >= 0) & (diff <= K0)
    weights = (np.uint64(1) << np.arange(m, dtype=np.uint64))
    return (inside.astype(np.uint64) * weights[None, None, :]).sum(axis=2, dtype=np.uint64)


def _query_families(cc: ConceptClass, D: Distribution, alpha: Fraction):
    """Distinct window families of all Boolean queries, each with a representative query table.

    Returns (masks (u, m) uint64, chis list of (2^d, 2) tables, method)."""
    d = cc.d
    m = len(cc)
    if is_paper_class(cc, D) and d <= 4:
        nb = d - 1
        nn = 1 << nb
        hs = np.array(np.meshgrid(*[np.arange(-2, 3)] * nn, indexing="ij")).reshape(nn, -1).T.astype(np.int64)
        spec = hs @ _spectrum_sign(nb).T                  # (5^nn, nn): H(S')
        assert cc.masks is not None  # the class (4.3) is a parity class
        G = spec[:, [int(mk) >> 1 for mk in cc.masks]]
        K0 = _thresholds(alpha, 1 << d)
        masks = _window_masks(-G, 2 * K0)             # V = N - G/2: windows upward in V
        method = "exhaustive over h: {0,1}^(d-1) -> {-2..2} (the central identity)"
        uniq, first = np.unique(masks, axis=0, return_index=True)
        chis = [_chi_from_h(hs[k].tolist(), d) for k in first.tolist()]
        return uniq, chis, method
    n = 1 << d
    if 2 * n > 16:
        raise TooLarge(f"concept_class={cc!r} is not allowed: exhaustive enumeration of Boolean queries is for "
                       "d <= 3 (any class) or d <= 4 (the class (4.3) under uniform)")
    bits = np.arange(1 << (2 * n), dtype=np.int64)
    chi = ((bits[:, None] >> np.arange(2 * n)[None, :]) & 1).reshape(-1, n, 2)   # chi[q, x, y]
    w = np.zeros(n, dtype=np.int64)
    w[D.support] = D.weights
    T = cc.tables.astype(np.int64)                          # (m, n)
    vals = np.stack([(chi[:, np.arange(n), T[j]] * w[None, :]).sum(axis=1) for j in range(m)], axis=1)
    masks = _window_masks(vals, _thresholds(alpha, int(D.total)))
    uniq, first = np.unique(masks, axis=0, return_index=True)
    return uniq, [chi[k] for k in first.tolist()], "exhaustive over all Boolean queries"


def _game_dp(fam: np.ndarray, m: int):
    """val[V] over all version spaces V (bitmasks), and the best family index (or -1)."""
    full = (1 << m) - 1
    INF = np.iinfo(np.int64).max // 4
    val = np.full(1 << m, INF, dtype=np.int64)
    best = np.full(1 << m, -1, dtype=np.int64)
    sizes = np.bitwise_count(np.arange(1 << m, dtype=np.uint64)).astype(np.int64)
    val[sizes <= 1] = 0
    fam = fam.astype(np.int64)
    for V in sorted(range(1, full + 1), key=lambda v: sizes[v]):
        if sizes[V] <= 1:
            continue
        mem = [j for j in range(m) if (V >> j) & 1]
        kept = fam[:, mem] & V                      # (u, |V|)
        stuck = (kept == V).any(axis=1)
        worst = val[kept].max(axis=1)
        worst = np.where(stuck, INF, worst)
        k = int(np.argmin(worst))
        if worst[k] < INF:
            val[V] = 1 + worst[k]
            best[V] = k
    return val, best, INF


def _build_tree(V: int, m: int, fam: np.ndarray, chis, best: np.ndarray) -> SQStrategy:
    mem = tuple(j for j in range(m) if (V >> j) & 1)
    if len(mem) <= 1:
        return SQStrategy(mem, None, ())
    k = int(best[V])
    kids = sorted({int(fam[k, j]) & V for j in mem})
    children = tuple((tuple(j for j in range(m) if (s >> j) & 1), _build_tree(s, m, fam, chis, best)) for s in kids)
    return SQStrategy(mem, StatisticalQuery.from_numerators(chis[k], 1), children)


def replay_strategy(strategy: SQStrategy, concept_class: ConceptClass, distribution: Distribution,
                    tolerance: Fraction) -> int:
    """Check a strategy against every adversary answer through the oracle; return its worst case.

    At every node the members' exact values come from ``StatisticalQueryOracle.candidate_values``;
    for each member i the answer v_i + alpha (the window [v_i, v_i + 2 alpha], which every
    answer's kept set is contained in) must keep exactly the members of one child, a proper
    subset of the node; leaves hold one member.

    >>> import finitelearn as fl
    >>> from fractions import Fraction
    >>> C, mu = fl.paper_teachers(2), fl.uniform(2)
    >>> s = fl.sq_query_complexity(C, mu, "1/8").strategy
    >>> replay_strategy(s, C, mu, Fraction(1, 8))
    1
    """
    oracle = StatisticalQueryOracle(concept_class, distribution, tolerance, responder="null")

    def walk(node: SQStrategy) -> int:
        if node.query is None:
            if len(node.members) != 1:
                raise InvariantViolated(f"a leaf of the strategy keeps {len(node.members)} members")
            return 0
        values = oracle.candidate_values(node.query)
        assert values is not None  # the oracle was given the class and is never asked: it keeps every member
        kids = dict(node.children)
        worst = 0
        for i in node.members:
            A = values[i] + tolerance
            kept = tuple(j for j in node.members if abs(values[j] - A) <= tolerance)
            if kept not in kids or len(kept) == len(node.members):
                raise InvariantViolated(f"the answer {A} keeps {kept}, which the strategy does not handle")
            worst = max(worst, walk(kids[kept]))
        return 1 + worst

    return walk(strategy)


def _greedy_tree(cc: ConceptClass, D: Distribution, alpha: Fraction, deadline: float | None,
                 restarts: int = 4, steps: int = 1500, seed: int = 0) -> SQStrategy | None:
    """A strategy for the class (4.3) under uniform: at every version space V a seeded local
    search over h (the reduced model) for the query whose largest kept window over V is
    smallest, then every answer's kept set recursively.  An upper bound on the game value
    once replayed; None when some V admits no progress found, or the deadline passes.
    """
    d = cc.d
    nb = d - 1
    nn = 1 << nb
    Hm = _spectrum_sign(nb)
    win = 2 * _thresholds(alpha, 1 << d)
    assert cc.masks is not None
    sp = np.array([int(mk) >> 1 for mk in cc.masks], dtype=np.int64)   # member j <-> S'
    oracle = StatisticalQueryOracle(cc, D, alpha, responder="null")
    rng = np.random.default_rng(seed)
    memo: dict[tuple[int, ...], SQStrategy | None] = {}

    def score(h: np.ndarray, rows: np.ndarray) -> tuple[int, int]:
        srt = np.sort(Hm[rows] @ h)
        counts = np.searchsorted(srt, srt + win, side="right") - np.arange(len(srt))
        k = int(counts.max())
        return k, int((counts == k).sum())

    def best_query(V: tuple[int, ...]) -> np.ndarray | None:
        rows = sp[list(V)]
        # the first start correlates with one member (2 chi_S'): it splits that member off
        # whenever 2^d > 2 alpha-window, so progress is never missed for want of a start
        _, h = _anneal(lambda h: score(h, rows), (len(V), 0), nn, rng, restarts, steps, temp0=1.0, decay=0.998,
                       first=2 * Hm[rows[0]], good_enough=lambda best: best[0] == 1)
        return h

    def node(V: tuple[int, ...]) -> SQStrategy | None:
        if len(V) == 1:
            return SQStrategy(V, None, ())
        if V in memo:
            return memo[V]
        if deadline is not None and time.perf_counter() > deadline:
            return None
        h = best_query(V)
        out = None
        if h is not None:
            q = StatisticalQuery.from_numerators(_chi_from_h(h.tolist(), d), 1)
            values = oracle.candidate_values(q)
            assert values is not None
            kids: list[tuple[tuple[int, ...], SQStrategy]] = []
            stuck = False
            for i in V:       # the answer v_i + alpha keeps the window [v_i, v_i + 2 alpha] (replay_strategy)
                kept = tuple(j for j in V if values[i] <= values[j] <= values[i] + 2 * alpha)
                if kept not in dict(kids):
                    child = node(kept)
                    if child is None:
                        stuck = True
                        break
                    kids.append((kept, child))
            if not stuck:
                out = SQStrategy(V, q, tuple(kids))
        memo[V] = out
        return out

    return node(tuple(range(len(cc))))


def sq_query_complexity(concept_class: Any, distribution: Any, tolerance: Any, *, queries: str = "boolean",
                        time_limit: Any = None) -> SQQueryComplexity:
    """The exact adaptive SQ query complexity of a small class (issue 11.2).

    The minimum over deterministic students of the worst case over adversaries (answers
    within alpha of some member still kept) of the number of queries until one member is
    left.  Computed by enumerating every Boolean query once (for the class (4.3) under
    uniform, every h of the central identity; d <= 4), keeping the distinct families of
    sets an answer can leave, and a dynamic programme over all version spaces.  The
    optimal strategy is replayed through the oracle (:func:`replay_strategy`) before it
    is returned.  Larger classes get ``status="bounds"``: the lower bound
    ceil((m - 1) / r) with r the exact (or upper-bounded) one-query maximum against the
    max-consistent adversary (half of ``time_limit``), and for the class (4.3) under
    uniform the upper bound of a greedy student (a seeded local search for each version
    space's query, every answer followed), replayed through the oracle; ``math.inf`` when
    none is found in time.

    ``queries="unit"`` is accepted only for the bounds (the exhaustive game is over
    Boolean queries).

    Examples
    --------
    >>> import finitelearn as fl
    >>> fl.sq_query_complexity(fl.paper_teachers(3), fl.uniform(3), "1/8").value
    3
    """
    t0 = time.perf_counter()
    cc, D, alpha = _check_inputs(concept_class, distribution, tolerance)
    queries = _check_choice(queries, "queries", QUERIES)
    tl = _check_time_limit(time_limit)
    m = len(cc)
    if m == 1:
        return SQQueryComplexity(0, 0, 0, "optimal", SQStrategy((0,), None, ()), "trivial", time.perf_counter() - t0)
    exhaustive = queries == "boolean" and m <= 16 and ((is_paper_class(cc, D) and cc.d <= 4) or cc.d <= 3)
    if exhaustive:
        fam, chis, method = _query_families(cc, D, alpha)
        val, best, INF = _game_dp(fam, m)
        full = (1 << m) - 1
        if val[full] >= INF:
            return SQQueryComplexity(math.inf, math.inf, math.inf, "optimal", None, method, time.perf_counter() - t0)
        tree = _build_tree(full, m, fam, chis, best)
        got = replay_strategy(tree, cc, D, alpha)
        if got != int(val[full]):
            raise InvariantViolated(f"the strategy replays in {got} queries, not {int(val[full])}")
        v = int(val[full])
        return SQQueryComplexity(v, v, v, "optimal", tree, method, time.perf_counter() - t0)
    one = max_eliminations(cc, D, alpha, answer="max_consistent", queries=queries,
                           time_limit=None if tl is None else tl / 2)
    r = one.upper
    lower: int | float = math.inf if r == 0 else -(-(m - 1) // r)
    if lower == math.inf:
        return SQQueryComplexity(math.inf, math.inf, math.inf, "optimal", None, "one-query bound ceil((m-1)/r)",
                                 time.perf_counter() - t0)
    greedy: SQStrategy | None = None
    upper: int | float = math.inf
    method = "one-query bound ceil((m-1)/r)"
    if is_paper_class(cc, D):
        greedy = _greedy_tree(cc, D, alpha, None if tl is None else t0 + tl)
        if greedy is not None:
            upper = replay_strategy(greedy, cc, D, alpha)      # the greedy student's exact worst case
            method += "; upper: a greedy student (local search per version space), replayed"
    if upper < lower:
        raise InvariantViolated(f"a replayed strategy of {upper} queries beats the lower bound {lower}")
    if upper == lower:
        return SQQueryComplexity(lower, lower, upper, "optimal", greedy, method, time.perf_counter() - t0)
    return SQQueryComplexity(None, lower, upper, "bounds", greedy, method, time.perf_counter() - t0)


# --------------------------------------------------------------------------------------
# statistical dimensions
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StatisticalDimensions:
    """The SQ dimension at a threshold and the SDA, with the query counts each forces.

    Attributes
    ----------
    sq_dimension : int
        Largest set of members with pairwise |E_D[F F']| <= ``threshold``.
    threshold : Fraction
    sq_removal : int
        The most members of that set one query can rule out against the null answer:
        the largest k < (1 + (q-1) threshold) / (4 alpha^2) (Bessel's inequality for a
        Gram matrix of largest eigenvalue <= 1 + (q-1) threshold).
    sq_queries : int or float
        ceil((q - 1) / sq_removal) (``math.inf`` when no member can be ruled out).
    sda : int
        Feldman's SDA(C, D, gamma) with gamma = 4 alpha^2: the largest q such that every
        subset of at least m/q members has average |correlation| <= gamma.
    sda_removal : int
        The most members one query can rule out by the SDA argument: a set E ruled out by
        one query has average |correlation| > 4 alpha^2 (Cauchy-Schwarz), so
        sda_removal is the largest size of such a set (0 if none).
    sda_queries : int or float
        ceil((m - 1) / sda_removal).

    Examples
    --------
    >>> import finitelearn as fl
    >>> s = fl.statistical_dimension_bounds(fl.paper_teachers(3), fl.uniform(3), "1/8")
    >>> s.sq_dimension, s.threshold, s.gamma
    (4, Fraction(0, 1), Fraction(1, 16))
    """

    sq_dimension: int
    threshold: Fraction
    sq_removal: int
    sq_queries: int | float
    sda: int
    gamma: Fraction
    sda_removal: int
    sda_queries: int | float


def _correlations(cc: ConceptClass, D: Distribution) -> tuple[np.ndarray, int]:
    F = 1 - 2 * cc.tables[:, D.support].astype(np.int64)
    return (F * D.weights[None, :]) @ F.T, int(D.total)


def _max_avg_by_size(C: np.ndarray) -> list[int]:
    """max over subsets E of size k of sum_{i,j in E} |C_ij| (numerators), k = 0..m (exact)."""
    m = C.shape[0]
    A = np.abs(C)
    off = A - np.diag(np.diag(A))
    if not off.any():     # pairwise uncorrelated: the sum is k * W for every set
        return [int(A[0, 0]) * k for k in range(m + 1)]
    if m > 20:
        raise TooLarge(f"a class of {m} correlated members: the exact SDA enumerates subsets (m <= 20)")
    best = [0] * (m + 1)
    for E in range(1, 1 << m):
        idx = [j for j in range(m) if (E >> j) & 1]
        s = int(A[np.ix_(idx, idx)].sum())
        k = len(idx)
        best[k] = max(best[k], s)
    return best


def statistical_dimension_bounds(concept_class: Any, distribution: Any, tolerance: Any,
                                 threshold: Any = 0) -> StatisticalDimensions:
    """SQ dimension (threshold) and SDA (gamma = 4 alpha^2) with the query counts they force (issue 11.3).

    Examples
    --------
    >>> import finitelearn as fl
    >>> s = fl.statistical_dimension_bounds(fl.paper_teachers(5), fl.uniform(5), "1/8")
    >>> s.sq_dimension, s.sq_removal, s.sq_queries, s.sda, s.sda_removal, s.sda_queries
    (16, 15, 1, 1, 15, 1)
    """
    from .complexity import sq_dimension

    cc, D, alpha = _check_inputs(concept_class, distribution, tolerance)
    thr = as_fraction(threshold, "threshold")
    if not 0 <= thr <= 1:
        raise fail("threshold", threshold, "a correlation bound in [0, 1]")
    m = len(cc)
    q = sq_dimension(cc, D, thr).dimension
    cap = (1 + (q - 1) * thr) / (4 * alpha * alpha)
    r_sq = min(q, math.ceil(cap) - 1)
    sq_queries: int | float = 0 if q <= 1 else (math.inf if r_sq == 0 else -(-(q - 1) // r_sq))
    gamma = 4 * alpha * alpha
    C, W = _correlations(cc, D)
    best = _max_avg_by_size(C)
    # rho(E) = best_k / (k^2 W); a set can be ruled out by one query only if rho > gamma
    bad = [k for k in range(1, m + 1) if Fraction(best[k], k * k * W) > gamma]
    r_sda = max(bad) if bad else 0
    # SDA: the largest q' with rho(C') <= gamma for every |C'| >= m/q'  <=>  ceil(m/q') > r_sda
    sda = 0
    for qq in range(1, m + 1):
        if -(-m // qq) > r_sda:
            sda = qq
    sda_queries: int | float = 0 if m <= 1 else (math.inf if r_sda == 0 else -(-(m - 1) // r_sda))
    return StatisticalDimensions(q, thr, r_sq, sq_queries, sda, gamma, r_sda, sda_queries)


# --------------------------------------------------------------------------------------
# the table of issue 11.4
# --------------------------------------------------------------------------------------
def _cell(value: Any = None, status: str = "not computed", lower: Any = None, upper: Any = None,
          seconds: float = 0.0) -> dict[str, Any]:
    def js(v: Any) -> Any:
        if isinstance(v, float) and math.isinf(v):
            return "inf"
        if isinstance(v, Fraction):
            return str(v)
        return v

    return {"value": js(value), "status": status, "lower": js(lower), "upper": js(upper),
            "seconds": round(float(seconds), 4)}


def _timed(fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t


def bounds_row(d: int, tolerance: Any, *, time_limit: Any = 60, game_d_max: int = 4, workers: int = 2) -> dict[str, Any]:
    """One row of ``finitelearn bounds``: every bound for the class (4.3) under uniform at this d.

    Cells are dicts ``{value, status, lower, upper, seconds}`` with status ``"optimal"``,
    ``"bounds"`` or ``"not computed"``.

    >>> row = bounds_row(2, "1/8", time_limit=10, game_d_max=2, workers=1)
    >>> row["d"], sorted(row)[:4]
    (2, ['adaptive', 'best_student', 'd', 'members'])
    """
    from .bounds import membership_query_lower_bound, sq_query_lower_bound
    from .classes import paper_teachers
    from .distributions import uniform

    d = check_int(d, "d")
    if d < 2:
        raise fail("d", d, "an int >= 2 (the class (4.3) needs d >= 2)")
    alpha = check_tolerance(tolerance)
    tl = _check_time_limit(time_limit)
    cc, D = paper_teachers(d), uniform(d)
    m = len(cc)
    row: dict[str, Any] = {"d": d, "tolerance": str(alpha), "members": m}
    pb, s = _timed(sq_query_lower_bound, m, alpha)
    row["parseval_removal"] = _cell(parseval_removal_bound(alpha), "optimal")
    row["parseval_queries"] = _cell(math.inf if pb is None else pb, "optimal", seconds=s)
    sd, s = _timed(statistical_dimension_bounds, cc, D, alpha)
    row["sq_dimension_queries"] = _cell(sd.sq_queries, "optimal", seconds=s)
    row["sda_queries"] = _cell(sd.sda_queries, "optimal", seconds=s)
    one = {}
    for key, ans, req in (("null", "null", True), ("null_any", "null", False), ("max_consistent", "max_consistent", True)):
        r = max_eliminations(cc, D, alpha, answer=ans, require_consistent=req, time_limit=tl, workers=workers)
        one[key] = r
        row[f"one_query_{key}"] = _cell(r.value, r.status, r.lower, r.upper, r.seconds)
    # (max_eliminations caps max-consistent by the null maximum itself, reusing the null cells' proofs)
    mc = one["max_consistent"]
    r_hi = row["one_query_max_consistent"]["upper"]
    r_lo = mc.lower
    lb = math.inf if r_hi == 0 else -(-(m - 1) // r_hi)
    row["one_query_queries"] = _cell(lb, "optimal" if r_hi == r_lo or lb == math.inf else "bounds",
                                     lb, None if r_lo == 0 else -(-(m - 1) // r_lo))
    if d <= game_d_max:
        g, s = _timed(sq_query_complexity, cc, D, alpha)
        row["adaptive"] = _cell(g.value, g.status, g.lower, g.upper, s)
        row["best_student"] = _cell(g.value, g.status, g.lower, g.upper, s)
    elif lb == math.inf:
        row["adaptive"] = _cell(math.inf, "optimal", math.inf, math.inf)
        row["best_student"] = _cell()
    else:
        t1 = time.perf_counter()
        tree = _greedy_tree(cc, D, alpha, None if tl is None else t1 + tl)
        up = math.inf if tree is None else replay_strategy(tree, cc, D, alpha)
        s = time.perf_counter() - t1
        row["best_student"] = _cell() if tree is None else _cell(up, "optimal", up, up, s)
        if up < lb:
            raise InvariantViolated(f"a replayed strategy of {up} queries beats the lower bound {lb}")
        row["adaptive"] = (_cell(lb, "optimal", lb, up, s) if up == lb
                           else _cell(None, "bounds", lb, None if up == math.inf else up, s))
    row["paper_membership"] = _cell(d + 1, "optimal")
    row["optimal_membership"] = _cell(membership_query_lower_bound(m), "optimal")
    return row


BOUNDS_COLUMNS = ("parseval_removal", "parseval_queries", "sq_dimension_queries", "sda_queries",
                  "one_query_null", "one_query_null_any", "one_query_max_consistent", "one_query_queries",
                  "adaptive", "best_student", "paper_membership", "optimal_membership")


def bounds_csv_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flatten rows of :func:`bounds_row` for CSV: ``<cell>``, ``<cell>_status``, ``<cell>_lower``, ...

    >>> rows = bounds_csv_rows([bounds_row(2, "1/8", time_limit=10, game_d_max=2, workers=1)])
    >>> rows[0]["d"], [k for k in rows[0] if k.startswith("adaptive")]
    (2, ['adaptive', 'adaptive_status', 'adaptive_lower', 'adaptive_upper', 'adaptive_seconds'])
    """
    out = []
    for r in rows:
        flat = {"d": r["d"], "tolerance": r["tolerance"], "members": r["members"]}
        for c in BOUNDS_COLUMNS:
            cell = r[c]
            for k in ("value", "status", "lower", "upper", "seconds"):
                flat[c if k == "value" else f"{c}_{k}"] = cell[k]
        out.append(flat)
    return out
