"""Exact combinatorics of finite concept classes: SQ dimension, query complexity, teaching.

Section 4 of the paper compares a student that asks statistical (feature) queries with a
student that asks the teacher for labels of chosen points (Theorem 4.3, "d+1 data
queries"), and argues that an *active teacher* helps.  This module makes the three
quantities behind that comparison exact for any finite class of teachers given as truth
tables (a :class:`~finitelearn.ConceptClass`, or an (m, 2^d) 0/1 array):

* :func:`sq_dimension` - the largest set of pairwise (almost) uncorrelated concepts under a
  distribution, the quantity that lower-bounds SQ learning (Kearns' Theorem 5 behind
  Theorem 4.1; Blum et al. 1994);
* :func:`membership_query_complexity` - the least worst-case number of membership (data)
  queries with which an adaptive student identifies every teacher of the class, with an
  optimal strategy as a decision tree, and on request the non-adaptive minimum;
* :func:`teaching_dimension` - the least number of labelled points a teacher must show so
  that only it stays consistent (Goldman and Kearns 1995), the worst case over teachers,
  with a minimal teaching set for every teacher;
* :func:`sq_query_lower_bound` - the number of statistical queries the Parseval argument
  forces, ``ceil((N - 1) / r)`` with r = ceil(1/(4 alpha^2)) - 1 the most candidates one
  query can rule out against the null answer (re-exported from :mod:`finitelearn.bounds`;
  ``None`` when alpha >= 1/2, where no number of queries suffices).

All searches are exact (no heuristics decide an answer; heuristics only order the search
and give the first upper bound).  They are exponential in the worst case: each function
refuses, with :class:`~finitelearn.TooLarge` and a message that says why, the sizes it
cannot finish, and takes a keyword to raise its limit.

Examples
--------
>>> import finitelearn as fl
>>> T = fl.paper_teachers(4)                 # {f_S : 1 in S}, equation (4.3)
>>> fl.membership_query_complexity(T).queries   # the paper's learner uses d+1 = 5
3
>>> fl.teaching_dimension(T).dimension
3
>>> fl.sq_dimension(fl.parities(4), fl.uniform(4), 0).dimension
16
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .validation import as_fraction, check_int, fail, fail_type
from .classes import ConceptClass
from .domains import index_to_bits
from .distributions import Distribution
from .errors import DomainMismatch, TooLarge
from .bounds import sq_query_lower_bound  # re-exported: the fourth quantity of this module
from .fourier import walsh_hadamard
from .functions import BooleanFunction

__all__ = [
    "SQDimension",
    "QueryTree",
    "MembershipQueryComplexity",
    "TeachingDimension",
    "sq_dimension",
    "membership_query_complexity",
    "teaching_dimension",
    "sq_query_lower_bound",
]

#: Default limits (keywords of the functions below).
MAX_MEMBERS = 4096
MAX_PAIR_WORK = 4 * 10**9
MAX_CLIQUES = 10**6
MAX_STATES = 5 * 10**6
MAX_SUBSETS = 2 * 10**6


# --------------------------------------------------------------------------------------
# shared helpers
# --------------------------------------------------------------------------------------
def _as_class(concept_class: Any) -> ConceptClass:
    if isinstance(concept_class, ConceptClass):
        return concept_class
    if isinstance(concept_class, (np.ndarray, list, tuple)):
        return ConceptClass.from_tables(concept_class)
    raise fail_type("concept_class", concept_class, "a finitelearn.ConceptClass or an (m, 2**d) 0/1 array")


def _check_members(cc: ConceptClass, limit: int, name: str) -> int:
    m = len(cc)
    limit = check_int(limit, name)
    if m > limit:
        raise TooLarge(
            f"concept_class={cc!r} is not allowed: {m} members is more than {name}={limit}; "
            f"the exact search is exponential in the class size (pass a larger {name} to try)"
        )
    return m


def _columns(cc: ConceptClass) -> list[int]:
    """For every point x, the members with f(x) = 1 as a Python int bitmask (bit j = member j)."""
    tables = np.ascontiguousarray(cc.tables.T)              # (2^d, m) uint8
    packed = np.packbits(tables, axis=1, bitorder="little")  # (2^d, ceil(m/8))
    return [int.from_bytes(row.tobytes(), "little") for row in packed]


def _ceil_log2(n: int) -> int:
    """ceil(log2 n) for n >= 1 (every caller passes a class or version space of >= 1 member)."""
    return (n - 1).bit_length()


def _point_text(x: int, d: int) -> str:
    return "(" + ",".join(str(b) for b in index_to_bits(x, d)) + ")"


# --------------------------------------------------------------------------------------
# SQ dimension
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SQDimension:
    """The SQ dimension of a class and a set that witnesses it.

    Attributes
    ----------
    dimension : int
        The size of the largest set of members whose pairwise +-1 correlations are at
        most ``threshold`` in absolute value.
    members : tuple of int
        Positions (in the class) of one such largest set.
    threshold : Fraction
        The correlation bound used.

    Examples
    --------
    >>> import finitelearn as fl
    >>> r = fl.sq_dimension(fl.parities(2), fl.uniform(2), 0)
    >>> r.dimension, r.members, r.threshold
    (4, (0, 1, 2, 3), Fraction(0, 1))
    """

    dimension: int
    members: tuple[int, ...]
    threshold: Fraction

    def __int__(self) -> int:
        return self.dimension


def _correlation_numerators(cc: ConceptClass, D: Distribution) -> np.ndarray:
    """(m, m) int64 matrix of total * E_D[F_i F_j] with F = (-1)^f (exact)."""
    if cc.is_parity_class:
        # E_D[chi_S chi_T] = E_D[chi_{S xor T}] = W(S xor T) / total, W = Walsh transform of D.
        W = walsh_hadamard(D.dense_weights())
        masks = cc.masks
        assert masks is not None  # a parity class has its masks
        return W[masks[:, None] ^ masks[None, :]]
    F = 1 - 2 * cc.tables[:, D.support].astype(np.int64)    # (m, n_s) of +-1
    return (F * D.weights[None, :]) @ F.T


def sq_dimension(concept_class: Any, distribution: Distribution, threshold: Any = 0, *,
                 max_members: int = MAX_MEMBERS, max_cliques: int = MAX_CLIQUES) -> SQDimension:
    """SQ dimension: the largest set of concepts with pairwise |correlation| <= threshold.

    Two members f, g are *compatible* when ``|E_D[(-1)^f (-1)^g]| <= threshold``; the SQ
    dimension is the size of a maximum clique of the compatibility graph (Blum, Furst,
    Jackson, Kearns, Mansour, Rudich 1994; the quantity behind Kearns' Theorem 5, the
    paper's Theorem 4.1).  Correlations are exact integers; the clique is found with
    networkx (``find_cliques``, Bron-Kerbosch with pivoting), after a shortcut for the
    complete graph (every pair compatible, as for parities under the uniform distribution).

    Parameters
    ----------
    concept_class : ConceptClass or array_like
        The members (truth tables of shape (m, 2^d)).
    distribution : Distribution
        The distribution D of x, on the same {0,1}^d.
    threshold : number, default 0
        Correlation bound in [0, 1] (int, Fraction, decimal float or string '1/8').
    max_members : int, default 4096
        Classes with more members are refused (:class:`~finitelearn.TooLarge`): the pairwise
        table needs m^2 entries.
    max_cliques : int, default 1000000
        The clique search stops with :class:`~finitelearn.TooLarge` after visiting this many
        maximal cliques.

    Returns
    -------
    SQDimension

    Examples
    --------
    >>> import finitelearn as fl
    >>> sq_dimension(fl.parities(3), fl.uniform(3), 0)
    SQDimension(dimension=8, members=(0, 1, 2, 3, 4, 5, 6, 7), threshold=Fraction(0, 1))
    >>> mu = fl.point_masses(3, [(0, 0, 0), (1, 0, 0)])        # the paper's mu
    >>> sq_dimension(fl.parities(3), mu, 0).dimension           # mu sees x_1 only
    2
    """
    cc = _as_class(concept_class)
    if not isinstance(distribution, Distribution):
        raise fail_type("distribution", distribution, "a finitelearn.Distribution")
    if distribution.d != cc.d:
        raise DomainMismatch(f"the class is on d={cc.d} and the distribution on d={distribution.d}")
    thr = as_fraction(threshold, "threshold")
    if not 0 <= thr <= 1:
        raise fail("threshold", threshold, "a correlation bound in [0, 1]")
    m = _check_members(cc, max_members, "max_members")
    max_cliques = check_int(max_cliques, "max_cliques")
    if not cc.is_parity_class:
        work = m * m * distribution.support_size()
        if work > MAX_PAIR_WORK:
            raise TooLarge(
                f"concept_class={cc!r} is not allowed: the pairwise correlations need "
                f"m^2 * |supp D| = {work:.3g} integer operations, more than {MAX_PAIR_WORK:.0e}"
            )
    num = np.abs(_correlation_numerators(cc, distribution))
    # compatible pairs: |num| / total <= thr = p / q, i.e. |num| q <= p total, which for the
    # integer |num| is |num| <= floor(p total / q): exact, with no product that could leave int64
    ok = num <= thr.numerator * distribution.total // thr.denominator
    np.fill_diagonal(ok, True)
    if ok.all():
        return SQDimension(m, tuple(range(m)), thr)
    import networkx as nx

    G = nx.Graph()
    G.add_nodes_from(range(m))
    iu, ju = np.nonzero(np.triu(ok, 1))
    G.add_edges_from(zip(iu.tolist(), ju.tolist()))
    best: list[int] = [0]
    for n_seen, clique in enumerate(nx.find_cliques(G), start=1):  # raises on the clique after the limit
        if len(clique) > len(best):
            best = clique
        if n_seen > max_cliques:
            raise TooLarge(
                f"concept_class={cc!r} is not allowed: the maximum-clique search visited "
                f"max_cliques={max_cliques} maximal cliques without finishing (largest so far "
                f"{len(best)}); pass a larger max_cliques to try harder"
            )
    return SQDimension(len(best), tuple(sorted(best)), thr)


# --------------------------------------------------------------------------------------
# membership queries
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QueryTree:
    """A membership-query strategy: ask ``point``, go to ``if_0`` or ``if_1`` by the label.

    A leaf has ``point = None`` and names the identified ``member`` (its position in the
    class).  ``d`` is the cube dimension (for printing points in the paper's order).

    >>> import finitelearn as fl
    >>> tree = fl.membership_query_complexity(fl.paper_teachers(2)).tree
    >>> tree.point, tree.if_0.member, tree.if_1.member
    (2, 0, 1)
    """

    d: int
    point: int | None = None
    if_0: "QueryTree | None" = None
    if_1: "QueryTree | None" = None
    member: int | None = None

    @property
    def is_leaf(self) -> bool:
        return self.point is None

    def _inner(self) -> "tuple[int, QueryTree, QueryTree]":
        # (point, if_0, if_1) of a node that is not a leaf: it asks a point and has both children
        assert self.point is not None and self.if_0 is not None and self.if_1 is not None
        return self.point, self.if_0, self.if_1

    def depth(self) -> int:
        """The worst-case number of queries (the height of the tree).

        >>> import finitelearn as fl
        >>> fl.membership_query_complexity(fl.paper_teachers(3)).tree.depth()
        2
        """
        if self.is_leaf:
            return 0
        _, if_0, if_1 = self._inner()
        return 1 + max(if_0.depth(), if_1.depth())

    def leaves(self) -> int:
        """Number of leaves (identified members).

        >>> import finitelearn as fl
        >>> fl.membership_query_complexity(fl.paper_teachers(3)).tree.leaves()
        4
        """
        if self.is_leaf:
            return 1
        _, if_0, if_1 = self._inner()
        return if_0.leaves() + if_1.leaves()

    def run(self, teacher: BooleanFunction) -> tuple[int | None, list[int]]:
        """Play the strategy against ``teacher``: (the member it names, the points asked).

        >>> import finitelearn as fl
        >>> tree = fl.membership_query_complexity(fl.paper_teachers(3)).tree
        >>> tree.run(fl.parity(3, {0, 2}))
        (2, [2, 4])
        """
        if not isinstance(teacher, BooleanFunction):
            raise fail_type("teacher", teacher, "a finitelearn.BooleanFunction")
        if teacher.d != self.d:
            raise DomainMismatch(f"the strategy is on d={self.d} and the teacher on d={teacher.d}")
        node: QueryTree = self
        asked: list[int] = []
        while not node.is_leaf:
            point, if_0, if_1 = node._inner()
            asked.append(point)
            node = if_1 if teacher(point) else if_0
        return node.member, asked

    def lines(self, indent: str = "") -> list[str]:
        """The tree as text lines, points in the paper's order x = (x_1, ..., x_d).

        >>> import finitelearn as fl
        >>> fl.membership_query_complexity(fl.paper_teachers(2)).tree.lines()
        ['ask T(0,1)', '  = 0:', '    -> member 0', '  = 1:', '    -> member 1']
        """
        if self.is_leaf:
            return [f"{indent}-> member {self.member}"]
        point, if_0, if_1 = self._inner()
        out = [f"{indent}ask T{_point_text(point, self.d)}"]
        for label, child in ((0, if_0), (1, if_1)):
            out.append(f"{indent}  = {label}:")
            out.extend(child.lines(indent + "    "))
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


@dataclass(frozen=True)
class MembershipQueryComplexity:
    """Exact membership-query complexity of a class.

    Attributes
    ----------
    queries : int
        The minimum over adaptive strategies of the worst-case number of queries that
        identify the teacher.
    tree : QueryTree
        An optimal strategy (height ``queries``).
    version_spaces : int
        How many version spaces the minimax search solved.
    nonadaptive : int or None
        The minimum number of points whose labels separate all members (a query set
        fixed in advance), when requested.
    nonadaptive_points : tuple of int or None
        One such minimum set of point indices.

    Examples
    --------
    >>> import finitelearn as fl
    >>> r = fl.membership_query_complexity(fl.parities(2), nonadaptive=True)
    >>> r.queries, r.version_spaces, r.nonadaptive, r.nonadaptive_points
    (2, 3, 2, (1, 2))
    """

    queries: int
    tree: QueryTree
    version_spaces: int
    nonadaptive: int | None = None
    nonadaptive_points: tuple[int, ...] | None = None

    def __int__(self) -> int:
        return self.queries


def _distinct_partitions(cols: list[int], full: int) -> list[tuple[int, int]]:
    """(point, column) for one point per distinct non-trivial partition of the class."""
    seen: set[int] = set()
    out = []
    for x, c in enumerate(cols):
        if c == 0 or c == full:
            continue
        key = min(c, full ^ c)
        if key not in seen:
            seen.add(key)
            out.append((x, c))
    return out


def _minimax(cols: list[tuple[int, int]], full: int, max_states: int) -> tuple[int, dict[int, int]]:
    """Exact minimax over version spaces; returns (cost of full, best query per state)."""
    memo: dict[int, int] = {}
    choice: dict[int, int] = {}

    def solve(V: int) -> int:
        n = V.bit_count()
        if n <= 1:
            return 0
        got = memo.get(V)
        if got is not None:
            return got
        if len(memo) >= max_states:
            raise TooLarge(
                f"the minimax search solved max_states={max_states} version spaces without "
                f"finishing; the class is too large for an exact answer (pass a larger max_states to try)"
            )
        lb = _ceil_log2(n)
        seen: set[int] = set()
        cands = []
        for x, c in cols:
            a = V & c
            if a == 0 or a == V:
                continue                   # a query that does not split V teaches nothing
            b = V ^ a
            key = min(a, b)
            if key in seen:
                continue                   # same partition of V as an earlier query
            seen.add(key)
            na = a.bit_count()
            big, small = (a, b) if na >= n - na else (b, a)
            cands.append((max(na, n - na), x, big, small))
        cands.sort(key=lambda t: t[0])
        best, best_x = n, None             # n - 1 queries always suffice; n is a sentinel
        for nbig, x, big, small in cands:
            if 1 + _ceil_log2(nbig) >= best:
                break                      # sorted: no later query can do better
            cb = solve(big)
            if 1 + cb >= best:
                continue
            cs = solve(small)
            cost = 1 + max(cb, cs)
            if cost < best:
                best, best_x = cost, x
                if best == lb:
                    break
        # the members are distinct, so some query splits V and the first one beats the sentinel
        assert best_x is not None
        memo[V] = best
        choice[V] = best_x
        return best

    return solve(full), choice


def _build_tree(d: int, V: int, col_of: dict[int, int], choice: dict[int, int]) -> QueryTree:
    if V.bit_count() <= 1:
        return QueryTree(d=d, member=V.bit_length() - 1)
    x = choice[V]
    c = col_of[x]
    return QueryTree(d=d, point=x, if_0=_build_tree(d, V & ~c, col_of, choice),
                     if_1=_build_tree(d, V & c, col_of, choice))


def _nonadaptive(parts: list[tuple[int, int]], full: int, m: int, max_subsets: int) -> tuple[int, tuple[int, ...]]:
    """Least number of columns whose joint labels separate all m members (exact)."""

    def refine(blocks: list[int], c: int) -> list[int]:
        out = []
        for b in blocks:
            a = b & c
            if a:
                out.append(a)
            if a != b:
                out.append(b ^ a)
        return out

    # greedy upper bound
    blocks, chosen = [full], []
    while len(blocks) < m:
        x, c = max(parts, key=lambda t: len(refine(blocks, t[1])))
        blocks = refine(blocks, c)
        chosen.append(x)
    upper = len(chosen)
    lb = _ceil_log2(m)
    n = len(parts)
    work = sum(math.comb(n, k) for k in range(lb, upper))
    if work > max_subsets:
        raise TooLarge(
            f"the non-adaptive minimum needs up to {work:,} query sets checked (sizes {lb}.."
            f"{upper - 1} of {n} distinct queries), more than max_subsets={max_subsets}; "
            f"pass a larger max_subsets to try"
        )
    for k in range(lb, upper):
        found = _separating_set(parts, full, m, k, refine)
        if found is not None:
            return k, found
    return upper, tuple(sorted(chosen))


def _separating_set(parts, full, m, k, refine):
    n = len(parts)

    def dfs(start: int, blocks: list[int], chosen: list[int]):
        r = k - len(chosen)
        if len(blocks) == m:
            return tuple(sorted(chosen))
        if r == 0 or len(blocks) << r < m:
            return None
        for i in range(start, n - r + 1):
            x, c = parts[i]
            got = dfs(i + 1, refine(blocks, c), chosen + [x])
            if got is not None:
                return got
        return None

    return dfs(0, [full], [])


def membership_query_complexity(concept_class: Any, *, nonadaptive: bool = False,
                                max_members: int = MAX_MEMBERS, max_states: int = MAX_STATES,
                                max_subsets: int = MAX_SUBSETS) -> MembershipQueryComplexity:
    """Exact worst-case number of membership queries that identify the teacher (Theorem 4.3).

    A student that may ask the teacher T for T(x) at any x (a data / membership query)
    and knows that T lies in the class keeps a *version space*, the members consistent
    with the answers so far.  The value is the minimax

        Q(V) = 0 if |V| <= 1,   Q(V) = min_x 1 + max(Q(V_0(x)), Q(V_1(x))),

    over queries x that split V (others teach nothing), memoised over version spaces (bit
    masks of members), with queries inducing the same partition of V tried once and a
    branch-and-bound on the information bound ``ceil(log2 |V|)``.  The paper's learner
    (Theorem 4.3) asks d+1 points; for the paper's class the optimum is d-1.

    Parameters
    ----------
    concept_class : ConceptClass or array_like
        The teachers the student must tell apart.
    nonadaptive : bool, default False
        Also compute the least number of points fixed in advance whose labels separate all
        members (exhaustive over query sets below a greedy upper bound; for very small d).
    max_members : int, default 4096
        Classes with more members are refused (:class:`~finitelearn.TooLarge`).
    max_states : int, default 5000000
        The search stops with :class:`~finitelearn.TooLarge` after this many version spaces.
    max_subsets : int, default 2000000
        The non-adaptive search refuses up front when it would check more query sets.

    Returns
    -------
    MembershipQueryComplexity

    Examples
    --------
    >>> import finitelearn as fl
    >>> r = membership_query_complexity(fl.parities(3), nonadaptive=True)
    >>> r.queries, r.nonadaptive, r.tree.depth()
    (3, 3, 3)
    >>> print(membership_query_complexity(fl.paper_teachers(2)).tree)
    ask T(0,1)
      = 0:
        -> member 0
      = 1:
        -> member 1
    """
    cc = _as_class(concept_class)
    m = _check_members(cc, max_members, "max_members")
    max_states = check_int(max_states, "max_states")
    max_subsets = check_int(max_subsets, "max_subsets")
    if not isinstance(nonadaptive, (bool, np.bool_)):
        raise fail_type("nonadaptive", nonadaptive, "a bool")
    full = (1 << m) - 1
    cols = _columns(cc)
    parts = _distinct_partitions(cols, full)
    cost, choice = _minimax(parts, full, max_states)
    tree = _build_tree(cc.d, full, dict(parts), choice)
    na: int | None = None
    na_points: tuple[int, ...] | None = None
    if nonadaptive:
        if m == 1:
            na, na_points = 0, ()
        else:
            na, na_points = _nonadaptive(parts, full, m, max_subsets)
    return MembershipQueryComplexity(cost, tree, len(choice), na, na_points)


# --------------------------------------------------------------------------------------
# teaching dimension
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TeachingDimension:
    """Exact teaching dimension of a class (Goldman and Kearns 1995).

    Attributes
    ----------
    dimension : int
        max over members c of the size of a smallest teaching set of c.
    teaching_sets : tuple of tuple of int
        For member k, a smallest set of point indices whose labels c(x) leave only c
        consistent (the labels are the member's own values there).

    Examples
    --------
    >>> import finitelearn as fl
    >>> td = fl.teaching_dimension(fl.paper_teachers(2))
    >>> td.dimension, td.teaching_sets
    (1, ((2,), (2,)))
    """

    dimension: int
    teaching_sets: tuple[tuple[int, ...], ...]

    def __int__(self) -> int:
        return self.dimension

    def sizes(self) -> list[int]:
        """The teaching-set size of every member.

        >>> import finitelearn as fl
        >>> fl.teaching_dimension(fl.paper_teachers(3)).sizes()
        [2, 2, 2, 2]
        """
        return [len(s) for s in self.teaching_sets]


def _min_cover(universe: int, sets: list[tuple[int, int]], budget: list[int]) -> tuple[int, ...]:
    """Smallest list of points whose sets cover ``universe`` (exact branch and bound)."""
    if not universe:
        return ()
    # drop sets that cover nothing and duplicates
    seen: set[int] = set()
    cand = []
    for x, s in sets:
        s &= universe
        if s and s not in seen:
            seen.add(s)
            cand.append((x, s))
    # greedy upper bound
    left, greedy = universe, []
    while left:
        x, s = max(cand, key=lambda t: (t[1] & left).bit_count())
        greedy.append(x)
        left &= ~s
    best = [tuple(greedy)]
    failed: dict[int, int] = {}    # left -> the largest room with which it was searched in vain

    def dfs(left: int, chosen: list[int], allowed: list[tuple[int, int]]) -> None:
        # invariant: ``allowed`` holds every candidate set that meets ``left``
        budget[0] -= 1
        if budget[0] < 0:
            raise TooLarge("budget")
        if not left:
            if len(chosen) < len(best[0]):
                best[0] = tuple(chosen)
            return
        before = len(best[0])
        room = before - 1 - len(chosen)        # sets we may still add to improve
        if room <= 0 or failed.get(left, -1) >= room:
            return
        useful = [(x, s & left) for x, s in allowed if s & left]
        if not useful:
            return
        top = max(s.bit_count() for _, s in useful)
        if top * room < left.bit_count():
            return                                     # even the largest sets cannot finish
        # branch on the element covered by the fewest sets
        e_best: int | None = None
        n_best: int | None = None
        probe = left
        while probe:
            e = probe & -probe
            probe ^= e
            n_e = sum(1 for _, s in useful if s & e)
            if n_best is None or n_e < n_best:
                e_best, n_best = e, n_e
                if n_e <= 1:
                    break
        assert e_best is not None  # left != 0: the loop above ran at least once
        # one of the sets covering e_best is in every cover; try each, largest first.
        # (No "exclude earlier branches" trick: it would make the memo of failed
        # version states unsound; the memo already cuts the orderings of one choice.)
        branch = sorted((t for t in useful if t[1] & e_best), key=lambda t: -t[1].bit_count())
        for x, s in branch:
            dfs(left & ~s, chosen + [x], useful)
        if len(best[0]) == before:    # nothing better found from here: no cover of left by room sets
            failed[left] = room       # (a larger room for left would have returned above)

    dfs(universe, [], cand)
    return tuple(sorted(best[0]))


def teaching_dimension(concept_class: Any, *, max_members: int = MAX_MEMBERS,
                       max_nodes: int = MAX_STATES) -> TeachingDimension:
    """Exact teaching dimension, with a minimal teaching set for every member.

    A teaching set of a member c is a set of points P such that c is the only member of
    the class that agrees with c on all of P; the teaching dimension is the largest, over
    members, of the smallest teaching set (Goldman and Kearns, "On the complexity of
    teaching", 1995).  It is what an *active teacher* (Section 4.2) must show at least.
    Each smallest teaching set is an exact minimum set cover (points cover the members
    they tell apart from c), found by branch and bound from a greedy upper bound.

    Parameters
    ----------
    concept_class : ConceptClass or array_like
        The class.
    max_members : int, default 4096
        Classes with more members are refused up front (:class:`~finitelearn.TooLarge`).
    max_nodes : int, default 5000000
        The search stops with :class:`~finitelearn.TooLarge` after this many search nodes.

    Returns
    -------
    TeachingDimension

    Examples
    --------
    >>> import finitelearn as fl
    >>> td = teaching_dimension(fl.parities(3))
    >>> td.dimension, td.sizes()
    (3, [3, 3, 3, 3, 3, 3, 3, 3])
    >>> teaching_dimension([[0, 0, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0]]).sizes()   # singletons
    [2, 1, 1]
    """
    cc = _as_class(concept_class)
    m = _check_members(cc, max_members, "max_members")
    max_nodes = check_int(max_nodes, "max_nodes")
    full = (1 << m) - 1
    cols = _columns(cc)
    tables = cc.tables
    budget = [max_nodes]
    sets_out = []
    for j in range(m):
        others = full ^ (1 << j)
        row = tables[j]
        sets = [(x, (full ^ c) if row[x] else c) for x, c in enumerate(cols)]
        try:
            sets_out.append(_min_cover(others, sets, budget))
        except TooLarge:
            raise TooLarge(
                f"concept_class={cc!r} is not allowed: the exact set-cover search used "
                f"max_nodes={max_nodes} nodes (at member {j} of {m}) without finishing; "
                f"pass a larger max_nodes to try harder"
            ) from None
    return TeachingDimension(max((len(s) for s in sets_out), default=0), tuple(sets_out))
