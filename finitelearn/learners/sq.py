"""Statistical-query students for the parity teachers of Theorem 4.2 (a passive teacher).

Each student asks a :class:`~finitelearn.StatisticalQueryOracle` that knows the class of
teachers (in the adaptive game, the class itself) and stops when the version space holds
one teacher, when its budget runs out, or when nothing in its family of queries can rule
out a candidate any more.  Against the null responder no query of any student rules out
1/(4 alpha^2) or more parities (the Parseval bound, checked by the oracle on every query).

- :class:`CandidateTesting` (``"candidate-testing"``): the feature query h = f_S' for each
  candidate S' in turn.  E[f_S' f_S] is 1/2 for S = S' and 1/4 for every other teacher, so
  one query rules out at most the one candidate tested (none at all against the
  max-consistent adversary once alpha >= 1/8: 1/4 and 1/2 then fit in one answer).
- :class:`CoordinateCorrelations` (``"coordinate-correlations"``): the feature queries
  E[x_i T] for i = 1..d.  E[x_i f_S] = 1/4 unless S = {i}: they say nothing about a parity.
- :class:`RandomFeatures` (``"random-features"``): uniformly random Boolean features h
  (seeded).  Their correlations with every parity are about 2^(-d/2): nothing is learned.
- :class:`Greedy` (``"greedy"``): at each step, from the family of agreement queries
  chi(x, y) = [y = h(x)] with (-1)^(1 - h) = chi_a(x) F(x_B) (F a majority, an inner
  product or a constant on a block B of coordinates, a a candidate), the one that rules out
  the most candidates against the oracle's adversary (simulated exactly).  Under the
  central identity its spectrum is ghat(a + J) = Fhat(J): a majority of k parities puts
  k + 1 coefficients above 2 alpha at once.

Examples
--------
>>> import finitelearn as fl
>>> game = fl.StatisticalQueryOracle(fl.paper_teachers(5), fl.uniform(5), "1/8", responder="null")
>>> r = CandidateTesting().learn(game)
>>> r.queries, r.identified, r.max_removed        # 2^(d-1) - 1 queries, one candidate each
(15, True, 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .._kernels import greedy as GK
from .._kernels import small as KS
from ..validation import as_rng, check_int, fail
from ..fourier import walsh_hadamard
from ..exact import fits_int64
from ..functions import BooleanFunction
from ..oracles import StatisticalQuery
from ..responders import ADVERSARIAL_RESPONDERS, respond
from .base import Learner

__all__ = ["CandidateTesting", "CoordinateCorrelations", "RandomFeatures", "Greedy", "QueryPattern",
           "greedy_family"]


def _seed(seed: Any) -> np.random.Generator:
    return as_rng(seed, allow_none=False)


class CandidateTesting(Learner):
    """Feature query h = f_S' (a member's own table) for each candidate in turn (Section 4.1).

    Candidates already ruled out are skipped; "no progress" once every candidate was
    tested.  Works for any class; for a parity class the query is built from the mask
    (:meth:`StatisticalQuery.parity_feature`), so no table is built and the oracle
    answers in closed form under the uniform distribution.

    >>> import finitelearn as fl
    >>> C = fl.paper_teachers(3)
    >>> r = CandidateTesting().learn(fl.StatisticalQueryOracle(C[3], fl.uniform(3), "1/8", concept_class=C))
    >>> r.identified, r.queries, r.subset
    (True, 3, 7)
    """

    name = "candidate-testing"
    kind = "sq"

    def start(self, oracle: Any) -> None:
        self._next = 0

    def next_query(self, oracle: Any) -> StatisticalQuery | None:
        C = oracle.concept_class
        k = self._next
        while k < len(C) and not oracle.in_version_space(k):
            k += 1
        self._next = k + 1
        if k >= len(C):
            return None
        if C.is_parity_class:
            return StatisticalQuery.parity_feature(oracle.d, int(C.masks[k]))
        return StatisticalQuery.feature(C[k])


class CoordinateCorrelations(Learner):
    """The feature queries E[x_i T(x)] for every coordinate i (then it has nothing left to ask).

    For a parity teacher f_S under the uniform distribution E[x_i f_S] = 1/4 unless
    S = {i}, where it is 1/2: the correlations with single coordinates say nothing about
    which parity the teacher is.  (The dictator x_i is the parity f_{i}, so each query is
    built from its mask.)

    >>> import finitelearn as fl
    >>> C = fl.paper_teachers(3)
    >>> r = CoordinateCorrelations().learn(fl.StatisticalQueryOracle(C[1], fl.uniform(3), "1/8", concept_class=C))
    >>> r.queries, r.stopped, r.identified
    (3, 'no progress', False)
    """

    name = "coordinate-correlations"
    kind = "sq"

    def start(self, oracle: Any) -> None:
        self._i = 0

    def next_query(self, oracle: Any) -> StatisticalQuery | None:
        if self._i >= oracle.d:
            return None
        self._i += 1
        return StatisticalQuery.parity_feature(oracle.d, 1 << (self._i - 1))


class RandomFeatures(Learner):
    """Feature queries of uniformly random Boolean features h (seeded) until one teacher is left.

    Parameters
    ----------
    seed : int or numpy.random.Generator

    Examples
    --------
    >>> import finitelearn as fl
    >>> C = fl.paper_teachers(3)
    >>> r = RandomFeatures(seed=5).learn(fl.StatisticalQueryOracle(C[2], fl.uniform(3), "1/8", concept_class=C))
    >>> r.identified, r.subset, r.queries
    (True, 5, 4)
    """

    name = "random-features"
    kind = "sq"

    def __init__(self, seed: Any = 0) -> None:
        _seed(seed)  # refuse a bad seed now, not at the first query
        self.seed = seed

    def start(self, oracle: Any) -> None:
        self._rng = _seed(self.seed)

    def next_query(self, oracle: Any) -> StatisticalQuery:
        # uniform i.i.d. bits: the bits of uniform random bytes (8 per byte, 8x fewer draws
        # than one integer per point), point x = 8i + j taking bit 7 - j of byte i (numpy's
        # unpackbits order).  h is born packed (bit j of byte i is point 8i + j: each byte
        # bit-reversed) and stays 1 bit per point in the transcript: 2^15 features at
        # d = 16 are 256 MiB, not 2.3 GiB with byte tables, whose page faults took the
        # student at d = 16 from 10.9 s to 28 s in `finitelearn scaling` (measured)
        n = 1 << oracle.d
        raw = np.frombuffer(self._rng.bytes((n + 7) // 8), dtype=np.uint8)
        if n < 8:  # d < 3: the first n bits of one byte
            raw = raw & np.uint8((0xFF00 >> n) & 0xFF)
        words = _REVERSED_BYTES[raw]
        if words.shape[0] < 8:  # d < 6: one zero-padded word
            words = np.concatenate([words, np.zeros(8 - words.shape[0], dtype=np.uint8)])
        return StatisticalQuery.feature(BooleanFunction.from_packed(oracle.d, words.view("<u8")))


# byte b -> b with its 8 bits in reverse order (unpackbits' big-endian order -> the packed little-endian order)
_REVERSED_BYTES = np.array([int(f"{b:08b}"[::-1], 2) for b in range(256)], dtype=np.uint8)


# ---------------------------------------------------------------------------------------
# the greedy student and its family of queries
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QueryPattern:
    """A function F: {0,1}^k -> {-1, +1} of k block coordinates, with its spectrum.

    The query built from F and a candidate a is the agreement query with h, where
    (-1)^(1 - h(x)) = g(x) = chi_a(x) F(x_B); by the central identity its value for f_S
    is 1/2 - ghat(S)/2 with ghat(a + J) = Fhat(J) (J a subset of the block B).

    Attributes
    ----------
    name : str
    k : int
        Number of block coordinates F reads.
    table : numpy.ndarray
        int64 values +-1 of F, indexed by the block bits.
    support : numpy.ndarray
        Block subsets J (as masks over 0..k-1) with Fhat(J) != 0.
    coefficients : numpy.ndarray
        2^k Fhat(J) for J in ``support`` (exact integers).

    Examples
    --------
    >>> p = QueryPattern.from_table("one parity", [1])
    >>> p.k, p.support, p.coefficients
    (0, array([0]), array([1]))
    """

    name: str
    k: int
    table: np.ndarray
    support: np.ndarray
    coefficients: np.ndarray

    @classmethod
    def from_table(cls, name: str, table: np.ndarray) -> "QueryPattern":
        """The pattern with values ``table`` (+-1, indexed by the k block bits) and its spectrum.

        >>> p = QueryPattern.from_table("x_1 x_2", [1, -1, -1, 1])
        >>> p.k, p.support, p.coefficients
        (2, array([3]), array([4]))
        """
        table = np.asarray(table, dtype=np.int64)
        k = table.shape[0].bit_length() - 1
        spec = walsh_hadamard(table)
        nz = np.flatnonzero(spec)
        return cls(name, k, table, nz.astype(np.int64), spec[nz].astype(np.int64))

    def strong(self, tolerance: Fraction) -> np.ndarray:
        """The J with |Fhat(J)| > 2 alpha: the candidates the null answer rules out.

        >>> from fractions import Fraction
        >>> p = greedy_family(3, "1/8")[1]
        >>> p.name, p.strong(Fraction(1, 8))
        ('majority of 3 (signs +)', array([1, 2, 4, 7]))
        """
        a, b = tolerance.numerator, tolerance.denominator
        coef = np.abs(self.coefficients)
        if not fits_int64(b << self.k):  # |coef| <= 2^k: compare in Python ints when b * 2^k outgrows int64
            coef = coef.astype(object)
        return self.support[np.asarray(coef * b > 2 * a * (1 << self.k), dtype=bool)]


def _majority(k: int, signs: list[int]) -> np.ndarray:
    y = np.arange(1 << k, dtype=np.int64)
    total = np.zeros(1 << k, dtype=np.int64)
    for j in range(k):
        total += signs[j] * (1 - 2 * ((y >> j) & 1))
    return np.where(total > 0, 1, -1).astype(np.int64)


def _inner_product(k: int) -> np.ndarray:
    y = np.arange(1 << k, dtype=np.int64)
    acc = np.zeros(1 << k, dtype=np.int64)
    for j in range(0, k - 1, 2):
        acc ^= ((y >> j) & 1) & ((y >> (j + 1)) & 1)
    return (1 - 2 * acc).astype(np.int64)


def greedy_family(block_size: int, tolerance: Any, max_k: int = 11) -> list[QueryPattern]:
    """The greedy student's family of patterns F on at most ``min(block_size, max_k)`` coordinates.

    A constant (the agreement query with one parity), majorities of k = 3, 5, ... parities
    with all signs + and with alternating signs, and inner products (bent functions) of
    2m coordinates; only patterns with a coefficient above 2 alpha are kept.

    >>> [p.name for p in greedy_family(3, "1/8")]
    ['one parity', 'majority of 3 (signs +)', 'majority of 3 (signs +-)', 'inner product of 2']
    """
    from ..bounds import check_tolerance

    return _family(min(check_int(block_size, "block_size"), check_int(max_k, "max_k")), check_tolerance(tolerance))


def _family(kmax: int, alpha: Fraction) -> list[QueryPattern]:
    """:func:`greedy_family` for validated arguments (the greedy student's own calls)."""
    out = [QueryPattern.from_table("one parity", np.array([1], dtype=np.int64))]
    for k in range(3, kmax + 1, 2):
        out.append(QueryPattern.from_table(f"majority of {k} (signs +)", _majority(k, [1] * k)))
        out.append(QueryPattern.from_table(f"majority of {k} (signs +-)",
                                           _majority(k, [1 if j % 2 == 0 else -1 for j in range(k)])))
    for k in range(2, min(kmax, 8) + 1, 2):
        out.append(QueryPattern.from_table(f"inner product of {k}", _inner_product(k)))
    return [p for p in out if p.strong(alpha).size]


def _simulate_removed(kind: str, vs_size: int, hit_coefs: np.ndarray, k: int, alpha: Fraction) -> int:
    """Candidates the adversary ``kind`` rules out: values 1/2 - c/2^(k+1) for the hits, 1/2 for the rest.

    ``hit_coefs`` lists the hits in the version space's order (the null responder's tie
    goes to the member first in it, as the oracle's).  The hits are grouped by coefficient first (a pattern has few distinct coefficients,
    so the responder sees a handful of values with multiplicities, which gives the same
    answer: the groups keep the order of their first hit, the null value comes last).
    Values are exact Python ints (numerators over 2^(k+1) b) whatever the tolerance.
    """
    a, b = alpha.numerator, alpha.denominator
    n = 1 << k
    coefs, first, cnts = np.unique(hit_coefs, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")
    values = [(n - c) * b for c in coefs[order].tolist()]
    counts = cnts[order].tolist()
    null = n * b
    t = a * 2 * n
    n0 = vs_size - hit_coefs.shape[0]
    if n0 > 0:
        values.append(null)
        counts.append(n0)
    ans, _ = respond(kind, np.array(values), np.array(counts, dtype=np.int64), None, null, t, None)
    kept = sum(c for v, c in zip(values, counts) if abs(v - ans) <= t)
    return vs_size - kept


class Greedy(Learner):
    """Greedy SQ student: the query of its family that rules out the most candidates.

    The family: agreement queries chi(x, y) = [y = h(x)] with
    (-1)^(1 - h(x)) = g(x) = chi_a(x) F(<v_1, x>, ..., <v_k, x>), where F is a pattern of
    :func:`greedy_family` (a constant, majorities, inner products), a is a candidate (the
    anchor) and v_1, ..., v_k are linearly independent directions.  By the central identity
    the value of such a query for f_S is 1/2 - ghat(S)/2 with ghat(a + sum_{j in J} v_j) = Fhat(J),
    so the student decides which candidates the large coefficients land on:

    - *free directions*: v_j = a + s_j for candidates s_1, s_2, ... (first ones with
      independent differences), so that the k level-one coefficients of a majority all
      hit candidates still possible;
    - *block translates*: v_j = e_j on a block of up to ``max_k`` coordinates on which the
      candidates differ, every candidate a (up to ``max_translates``, evenly spaced) tried
      as the anchor and the ``top`` best of each pattern kept.

    Each candidate query is simulated exactly against the oracle's adversary
    (``max_consistent`` when the oracle is truthful or noisy: the student plans for the
    worst case) and the one ruling out the most is asked.  Needs a parity class and the
    uniform distribution.

    Parameters
    ----------
    max_k : int
        The most directions a pattern uses.
    top : int
        Block translates per pattern simulated exactly.
    max_translates : int
        Most block translates tried per pattern and step.

    Attributes
    ----------
    choices : list of (str, int, int)
        After :meth:`learn`: for each query, the pattern's name, the number of candidates
        it was predicted to rule out and the number the oracle's answer ruled out.

    Examples
    --------
    >>> import finitelearn as fl
    >>> C = fl.paper_teachers(4)
    >>> r = Greedy().learn(fl.StatisticalQueryOracle(C[5], fl.uniform(4), "1/8", concept_class=C))
    >>> r.identified, r.queries, r.subset
    (True, 6, 11)
    """

    name = "greedy"
    kind = "sq"

    def __init__(self, max_k: int = 11, top: int = 4, max_translates: int = 512) -> None:
        self.max_k = check_int(max_k, "max_k")
        self.top = check_int(top, "top")
        self.max_translates = check_int(max_translates, "max_translates")
        if self.max_k < 1 or self.top < 1 or self.max_translates < 1:
            raise fail("max_k, top, max_translates", (max_k, top, max_translates), "ints >= 1")
        self.choices: list[tuple[str, int, int]] = []

    def start(self, oracle: Any) -> None:
        if not oracle.concept_class.is_parity_class or not oracle.distribution.is_uniform:
            raise fail("oracle", oracle, "a parity class under the uniform distribution (the greedy family "
                                         "is built from the Fourier spectrum of parities)")
        self._adversary = oracle.responder if oracle.responder in ADVERSARIAL_RESPONDERS else "max_consistent"
        self._pos = np.full(1 << oracle.d, -1, dtype=np.int64)  # mask -> position in the version space
        self._pos_set = np.zeros(0, dtype=np.int64)  # the masks _pos holds positions of
        self._families: dict[int, list[QueryPattern]] = {}
        self._strong: dict[str, np.ndarray] = {}  # pattern name -> its strong J at the oracle's tolerance
        self._arrays: dict[tuple[str, ...], tuple] = {}  # a family as the kernel (or numpy) reads it
        self._spans: dict[tuple[int, ...], np.ndarray] = {}  # a block's span
        self._predicted = 0
        self._pattern = ""
        self.choices = []

    def next_query(self, oracle: Any) -> StatisticalQuery | None:
        alpha = oracle.tolerance
        vs = oracle.version_space_masks()
        self._pos[self._pos_set] = -1  # only the last step's members: no pass over all 2^d masks
        self._pos[vs] = np.arange(vs.shape[0], dtype=np.int64)
        self._pos_set = vs
        varying = int(np.bitwise_or.reduce(vs ^ vs[0]))
        block = [1 << i for i in range(oracle.d) if (varying >> i) & 1][: self.max_k]
        kfam = min(bin(varying).count("1"), self.max_k)
        if kfam not in self._families:
            self._families[kfam] = _family(kfam, alpha)
        removed, pat, a, dirs = self._best(self._families[kfam], vs, self._pos, block, self._adversary, alpha)
        self._size_before = vs.shape[0]
        if pat is None:
            return None
        route = KS if (1 << oracle.d) <= KS.SMALL else GK  # numpy at the demo's sizes: no numba to start
        table = route.query_table(oracle.d, np.array(dirs[: pat.k], dtype=np.int64), np.int64(a), pat.table)
        self._pattern, self._predicted = pat.name, removed
        # kept bit-packed (see RandomFeatures.next_query): the transcript holds 1 bit per point
        return StatisticalQuery.agreement(BooleanFunction.from_packed(oracle.d, BooleanFunction.from_truth_table(table).packed))

    def observe(self, oracle: Any, query: Any, answer: Any) -> None:
        # what the answer ruled out, from the version space's size (the transcript property copies)
        self.choices.append((self._pattern, self._predicted, self._size_before - oracle.version_space_size))

    def _best(self, family: list[QueryPattern], vs: np.ndarray, pos: np.ndarray, block: list[int],
              kind: str, alpha: Fraction) -> tuple:
        """(removed, pattern, anchor, directions) of the best query of this step, or (0, None, None, None).

        One kernel call (``_kernels.greedy.best_candidate``) on cubes of more than
        ``_NUMPY_MAX_POINTS`` points (d >= 13) when every simulated value fits int64 with
        room; otherwise :meth:`_best_python` (numpy, or Python ints at a tinier tolerance),
        which the kernel is tested to choose exactly as.  So a run at d <= 12 (the demo)
        starts no numba, and a larger one runs every step in the kernel.
        """
        if not family:  # no pattern has a coefficient above 2 alpha (alpha >= 1/2): no query can rule out
            return 0, None, None, None
        ta, tb = alpha.numerator, alpha.denominator
        kmax = max(p.k for p in family)
        m = 1 << kmax
        n = vs.shape[0]
        if pos.shape[0] <= _NUMPY_MAX_POINTS or not fits_int64(4 * (2 * m * tb + ta * 2 * m)):
            return self._best_python(family, vs, pos, block, kind, alpha)
        anchors = sorted({0, n // 3, (2 * n) // 3})
        dirs = [_independent_differences(vs, i, self.max_k, kernel=True) for i in anchors]
        D = np.zeros((len(anchors), max(1, self.max_k)), dtype=np.int64)
        for s, ds in enumerate(dirs):
            D[s, : len(ds)] = ds
        arrays = self._family_arrays(family, alpha)
        step = max(1, n // self.max_translates)
        removed, p, a, src = GK.best_candidate(
            pos, vs, np.array(anchors, dtype=np.int64), D, np.array([len(ds) for ds in dirs], dtype=np.int64),
            np.array(block + [0] * (self.max_k - len(block)), dtype=np.int64), np.int64(len(block)), *arrays,
            vs[::step], np.int64(self.top), np.int64(tb), np.int64(ta), kind == "null")
        if p < 0:
            return (0, None, None, None)
        return (int(removed), family[int(p)], int(a), dirs[int(src)] if src >= 0 else block)

    def _family_arrays(self, family: list[QueryPattern], alpha: Fraction) -> tuple:
        """The family as the kernel reads it: k per pattern, supports, coefficients and strong J concatenated."""
        key = tuple(p.name for p in family)
        cached = self._arrays.get(key)
        if cached is None:
            strong = [self._strong.setdefault(p.name, p.strong(alpha)) for p in family]
            sup_off = np.cumsum([0] + [p.support.shape[0] for p in family]).astype(np.int64)
            strong_off = np.cumsum([0] + [s.shape[0] for s in strong]).astype(np.int64)
            cached = self._arrays[key] = (
                np.array([p.k for p in family], dtype=np.int64), sup_off,
                np.concatenate([p.support for p in family]).astype(np.int64),
                np.concatenate([p.coefficients for p in family]).astype(np.int64),
                strong_off, np.concatenate(strong).astype(np.int64))
        return cached

    def _best_python(self, family: list[QueryPattern], vs: np.ndarray, pos: np.ndarray, block: list[int],
                     kind: str, alpha: Fraction) -> tuple:
        """:meth:`_best` without the kernel: the candidates listed in the order the student
        weighs them, all simulated at once (``_kernels.small.simulate_removed``, or one by
        one in Python ints at a tolerance too tiny for int64), then the first best kept."""
        n = vs.shape[0]
        sup, valid, cols, vals, kmax = self._padded(family)
        ks = np.array([p.k for p in family])
        # the candidates, in the order weighed: each anchor's free directions (the level-one
        # coefficients land on chosen candidates) with every pattern they fit, then block translates
        which: list[np.ndarray] = []  # pattern indices
        anchors: list[np.ndarray] = []
        hits: list[np.ndarray] = []  # members' positions of each candidate's support, -1 outside V
        dirs_of: list[list[int]] = []  # the directions of each candidate
        strong_hits: list[int | None] = []
        for anchor in sorted({0, n // 3, (2 * n) // 3}):
            a = int(vs[anchor])
            dirs = _independent_differences(vs, anchor, self.max_k, kernel=pos.shape[0] > _NUMPY_MAX_POINTS)
            fit = np.flatnonzero(ks <= len(dirs))
            which.append(fit)
            anchors.append(np.full(fit.shape[0], a, dtype=np.int64))
            hits.append(pos[a ^ _span(dirs)[sup[fit]]])
            dirs_of += [dirs] * fit.shape[0]
            strong_hits += [None] * fit.shape[0]
        step = max(1, n // self.max_translates)
        translates = vs[::step]
        block_span = self._spans.get(tuple(block))
        if block_span is None:  # the block changes only when a coordinate stops varying
            block_span = self._spans[tuple(block)] = _span(block)
        for i, pat in enumerate(family):
            if pat.k > len(block):
                continue
            strong = self._strong.get(pat.name)
            if strong is None:
                strong = self._strong[pat.name] = pat.strong(alpha)
            counts = (pos[translates[:, None] ^ block_span[strong][None, :]] >= 0).sum(axis=1)
            top = np.argsort(-counts, kind="stable")[: self.top]
            which.append(np.full(top.shape[0], i))
            anchors.append(translates[top].astype(np.int64))
            hits.append(pos[translates[top][:, None] ^ block_span[sup[i]][None, :]])
            dirs_of += [block] * top.shape[0]
            strong_hits += counts[top].tolist()
        pidx = np.concatenate(which).astype(np.int64)
        if pidx.shape[0] == 0:
            return (0, None, None, None)
        anchor_of = np.concatenate(anchors)
        H = np.where(valid[pidx], np.concatenate(hits), -1)
        ta, tb = alpha.numerator, alpha.denominator
        big = 1 << kmax
        if fits_int64(4 * (2 * big * tb + ta * 2 * big)):  # every value and the window fit int64
            removed = KS.simulate_on_grid(H, cols[pidx], vals, n, big, tb, ta * 2 * big, kind == "null").tolist()
        else:  # a tiny tolerance: one by one in Python ints
            removed = []
            for r, p in enumerate(pidx.tolist()):
                row = H[r][valid[p]]
                hit = row >= 0
                order = np.argsort(row[hit], kind="stable")  # the hits in the version space's order
                removed.append(_simulate_removed(kind, n, family[p].coefficients[hit][order], family[p].k, alpha))
        best: tuple = (0, None, None, None)
        for r, (got, sh) in enumerate(zip(removed, strong_hits)):
            if sh is not None and sh <= best[0]:
                continue  # not weighed: the adversary never rules out more than the strong hits
            if got > best[0]:
                best = (got, family[int(pidx[r])], int(anchor_of[r]), dirs_of[r])
        return best

    def _padded(self, family: list[QueryPattern]) -> tuple:
        """The family's supports as rows padded to one width (with J = 0), which entries are
        real, their values' columns on the grid of the largest pattern (value 2^kmax - c
        2^(kmax - k) over b for a coefficient c of a pattern of k bits), that grid's values
        (the null value 2^kmax among them), and kmax."""
        key = ("padded",) + tuple(p.name for p in family)
        cached = self._arrays.get(key)
        if cached is None:
            kmax = max(p.k for p in family)
            width = max(p.support.shape[0] for p in family)
            sup = np.zeros((len(family), width), dtype=np.int64)
            valid = np.zeros((len(family), width), dtype=bool)
            coef = np.zeros((len(family), width), dtype=np.int64)
            for i, p in enumerate(family):
                s = p.support.shape[0]
                sup[i, :s], valid[i, :s] = p.support, True
                coef[i, :s] = p.coefficients.astype(np.int64) << (kmax - p.k)
            q = (1 << kmax) - coef
            vals = np.union1d(q[valid], [1 << kmax])
            cached = self._arrays[key] = (sup, valid, np.searchsorted(vals, q), vals, kmax)
        return cached


#: On cubes of more points (d >= 13) a step's search is one kernel call; on these (d <= 12: the
#: demo, which then imports no numba) numpy costs about a millisecond a step.
_NUMPY_MAX_POINTS = KS.SMALL


def _span(dirs: list[int]) -> np.ndarray:
    """v_J = xor of dirs[j] for j in J, for every J (int64 array of length 2^len(dirs))."""
    out = np.zeros(1 << len(dirs), dtype=np.int64)
    for j, v in enumerate(dirs):
        out[1 << j: 2 << j] = out[: 1 << j] ^ v
    return out


def _independent_differences(vs: np.ndarray, anchor: int, k: int, kernel: bool = False) -> list[int]:
    """Up to k differences vs[anchor] ^ s (s a candidate, in order after the anchor) independent over GF(2).

    The first difference in that order outside the span of those chosen before it, k
    times (the greedy basis of the sequence): the kernel
    ``_kernels.greedy.independent_differences`` (one pass that stops at the k-th) when
    ``kernel``, else its numpy route ``_kernels.small.independent_differences``.
    """
    if not kernel:
        return KS.independent_differences(vs, anchor, k)
    return [int(v) for v in GK.independent_differences(vs, np.int64(anchor), np.int64(k)).tolist()]
