"""finitelearn.complexity against brute-force twins written from the definitions,
literature values, and identities that tie the quantities together."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finitelearn as fl
from finitelearn import complexity as C


# --------------------------------------------------------------------------------------
# brute-force twins: plain Python over lists, straight from the definitions
# --------------------------------------------------------------------------------------
def naive_sq_dimension(tables, weights, threshold):
    """Largest set of rows with pairwise |E[(-1)^f (-1)^g]| <= threshold (all subsets)."""
    m = len(tables)
    total = sum(weights)

    def corr(f, g):
        return Fraction(sum(w * (1 if f[x] == g[x] else -1) for x, w in enumerate(weights)), total)

    for size in range(m, 0, -1):
        for subset in itertools.combinations(range(m), size):
            if all(abs(corr(tables[i], tables[j])) <= threshold
                   for i, j in itertools.combinations(subset, 2)):
                return size
    return 0


def naive_can_identify(tables, V, k):
    """Can a student identify the teacher in V with at most k adaptive queries?"""
    if len(V) <= 1:
        return True
    if k == 0:
        return False
    for x in range(len(tables[0])):
        if all(naive_can_identify(tables, [j for j in V if tables[j][x] == b], k - 1) for b in (0, 1)):
            return True
    return False


def naive_membership_queries(tables):
    V = list(range(len(tables)))
    k = 0
    while not naive_can_identify(tables, V, k):
        k += 1
    return k


def naive_nonadaptive(tables):
    n = len(tables[0])
    for k in range(n + 1):
        for P in itertools.combinations(range(n), k):
            if len({tuple(row[x] for x in P) for row in tables}) == len(tables):
                return k
    raise AssertionError("rows are not distinct")


def naive_teaching_set_size(tables, j):
    n = len(tables[0])
    c = tables[j]
    for k in range(n + 1):
        for P in itertools.combinations(range(n), k):
            consistent = [i for i, row in enumerate(tables) if all(row[x] == c[x] for x in P)]
            if consistent == [j]:
                return k
    raise AssertionError("rows are not distinct")


def naive_parity_table(d, S):
    return [sum((x >> i) & 1 for i in S) % 2 for x in range(2**d)]


@st.composite
def small_classes(draw, max_d=3, max_m=7):
    d = draw(st.integers(1, max_d))
    n = 2**d
    m = draw(st.integers(1, min(max_m, 2**n)))
    codes = draw(st.lists(st.integers(0, 2**n - 1), min_size=m, max_size=m, unique=True))
    return [[(code >> x) & 1 for x in range(n)] for code in codes]


# --------------------------------------------------------------------------------------
# the twins agree with the library
# --------------------------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(small_classes(), st.data())
def test_sq_dimension_matches_brute_force(tables, data):
    d = len(tables[0]).bit_length() - 1
    weights = data.draw(st.lists(st.integers(0, 4), min_size=2**d, max_size=2**d).filter(any))
    threshold = data.draw(st.sampled_from([Fraction(0), Fraction(1, 4), Fraction(1, 2), Fraction(1)]))
    r = fl.sq_dimension(tables, fl.from_weights(weights), threshold)
    assert r.dimension == naive_sq_dimension(tables, weights, threshold)
    # the witness is a set of that size whose pairs all satisfy the bound
    assert len(r.members) == r.dimension == len(set(r.members))
    total = sum(weights)
    for i, j in itertools.combinations(r.members, 2):
        c = sum(w * (1 if tables[i][x] == tables[j][x] else -1) for x, w in enumerate(weights))
        assert abs(Fraction(c, total)) <= threshold


@settings(max_examples=60, deadline=None)
@given(small_classes())
def test_membership_query_complexity_matches_brute_force(tables):
    r = fl.membership_query_complexity(tables, nonadaptive=True)
    assert r.queries == naive_membership_queries(tables)
    assert r.nonadaptive == naive_nonadaptive(tables)
    check_tree(tables, r)
    # the non-adaptive set separates all members
    assert len({tuple(row[x] for x in r.nonadaptive_points) for row in tables}) == len(tables)
    assert len(r.nonadaptive_points) == r.nonadaptive


@settings(max_examples=60, deadline=None)
@given(small_classes())
def test_teaching_dimension_matches_brute_force(tables):
    r = fl.teaching_dimension(tables)
    sizes = [naive_teaching_set_size(tables, j) for j in range(len(tables))]
    assert r.sizes() == sizes
    assert r.dimension == max(sizes)
    check_teaching_sets(tables, r)


def check_tree(tables, r):
    """The tree identifies every member with at most r.queries queries, and some needs all."""
    tree = r.tree
    assert tree.depth() == r.queries
    assert tree.leaves() == len(tables)
    for j, row in enumerate(tables):
        member, asked = tree.run(fl.BooleanFunction.from_truth_table(row))
        assert member == j
        assert len(asked) <= r.queries


def check_teaching_sets(tables, r):
    for j, P in enumerate(r.teaching_sets):
        consistent = [i for i, row in enumerate(tables) if all(row[x] == tables[j][x] for x in P)]
        assert consistent == [j]


# --------------------------------------------------------------------------------------
# literature values and closed forms
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("d", range(1, 8))
def test_all_parities(d):
    """All parities on d bits: SQ dimension 2^d (pairwise uncorrelated), MQ = TD = d."""
    F = fl.parities(d)
    assert fl.sq_dimension(F, fl.uniform(d), 0).dimension == 2**d
    mq = fl.membership_query_complexity(F)
    assert mq.queries == d                     # log2 |F| and d queries e_1..e_d suffice
    if d <= 7:
        check_tree([naive_parity_table(d, S) for S in F.subsets()], mq)
    if d <= 5:                                 # Goldman & Kearns: linear functions over GF(2)
        assert fl.teaching_dimension(F).dimension == d


@pytest.mark.parametrize("d", range(1, 8))
def test_paper_teachers(d):
    """{f_S : 1 in S} (4.3): 2^(d-1) members, so MQ >= d-1; e_2..e_d achieve it; TD = d-1."""
    T = fl.paper_teachers(d)
    mq = fl.membership_query_complexity(T, nonadaptive=d <= 5)
    assert mq.queries == d - 1
    if d <= 5:
        assert mq.nonadaptive == d - 1
        assert fl.teaching_dimension(T).dimension == d - 1
    tables = [naive_parity_table(d, S) for S in T.subsets()]
    check_tree(tables, mq)


@pytest.mark.parametrize("d", range(1, 4))
def test_brute_force_on_the_paper_classes(d):
    for cls in (fl.parities(d), fl.paper_teachers(d)):
        tables = [naive_parity_table(d, S) for S in cls.subsets()]
        assert fl.membership_query_complexity(cls).queries == naive_membership_queries(tables)
        assert fl.teaching_dimension(cls).sizes() == [naive_teaching_set_size(tables, j) for j in range(len(tables))]


@pytest.mark.parametrize("d", [1, 2, 3])
def test_singletons_and_empty(d):
    """Goldman & Kearns' example: singletons plus the empty concept on N points have TD = N
    (the empty concept must be shown every point), each singleton TD 1; a student needs N
    queries in the worst case (all answers 0)."""
    N = 2**d
    tables = [[0] * N] + [[int(x == k) for x in range(N)] for k in range(N)]
    td = fl.teaching_dimension(tables)
    assert td.sizes() == [N] + [1] * N
    mq = fl.membership_query_complexity(tables, nonadaptive=True)
    assert mq.queries == N and mq.nonadaptive == N


def test_all_functions_on_three_bits():
    """The class of all 256 functions: every point must be asked (MQ = TD = 2^d = 8)."""
    tables = [[(k >> x) & 1 for x in range(8)] for k in range(256)]
    assert fl.membership_query_complexity(tables).queries == 8
    td = fl.teaching_dimension(tables)
    assert td.dimension == 8 and set(td.sizes()) == {8}


def test_sq_dimension_under_the_papers_mu():
    """Under mu = unif{0, e_1}, E_mu[chi_S chi_T] = 1 if 1 not in S^T else 0: the compatible
    pairs form a complete bipartite graph, so the largest uncorrelated set has 2 members,
    and any threshold >= 1 makes everything compatible."""
    d = 4
    mu = fl.point_masses(d, [(0,) * d, (1,) + (0,) * (d - 1)])
    r = fl.sq_dimension(fl.parities(d), mu, 0)
    assert r.dimension == 2
    a, b = (fl.parities(d).subsets()[k] for k in r.members)
    assert (0 in a) != (0 in b)
    assert fl.sq_dimension(fl.parities(d), mu, 1).dimension == 2**d
    # and the paper's teachers are all equal on mu: correlation 1, no two are compatible
    assert fl.sq_dimension(fl.paper_teachers(d), mu, Fraction(99, 100)).dimension == 1


def test_sq_dimension_threshold_matters():
    """Dictators and their majority on 3 bits: corr(x_i, x_j) = 0, corr(x_i, maj) = 1/2."""
    fs = [fl.dictator(3, i) for i in range(3)] + [fl.majority(3)]
    cc = fl.ConceptClass.from_functions(fs)
    assert fl.correlation(fs[0], fs[3], fl.uniform(3)) == Fraction(1, 2)
    assert fl.sq_dimension(cc, fl.uniform(3), 0).dimension == 3
    assert fl.sq_dimension(cc, fl.uniform(3), Fraction(1, 2)).dimension == 4
    assert fl.sq_dimension(cc, fl.uniform(3), "0.49").dimension == 3


@settings(max_examples=40, deadline=None)
@given(small_classes(max_d=3, max_m=12))
def test_orderings(tables):
    """ceil(log2 m) <= adaptive <= non-adaptive; TD <= non-adaptive; adaptive <= m - 1."""
    m = len(tables)
    r = fl.membership_query_complexity(tables, nonadaptive=True)
    td = fl.teaching_dimension(tables)
    assert math.ceil(math.log2(m)) <= r.queries <= r.nonadaptive
    assert r.queries <= max(m - 1, 0)
    assert td.dimension <= r.nonadaptive


def test_tree_text_uses_the_papers_order():
    tree = fl.membership_query_complexity(fl.paper_teachers(3)).tree
    text = str(tree)
    # the first query asks e_2 = (0,1,0) (x_1 is the first printed bit)
    assert text.splitlines()[0] == "ask T(0,1,0)"
    assert text.count("-> member") == 4


# --------------------------------------------------------------------------------------
# bad input and refusals
# --------------------------------------------------------------------------------------
par3 = fl.parities(3)
mu3 = fl.point_masses(3, [(0, 0, 0), (1, 0, 0)])

BAD = [
    (lambda: fl.sq_dimension("abc", fl.uniform(3)), fl.InvalidType, ["concept_class='abc'"]),
    (lambda: fl.sq_dimension(par3, [1] * 8), fl.InvalidType, ["distribution=", "Distribution"]),
    (lambda: fl.sq_dimension(par3, fl.uniform(4)), fl.DomainMismatch, ["d=3", "d=4"]),
    (lambda: fl.sq_dimension(par3, fl.uniform(3), 2), fl.InvalidArgument, ["threshold=2", "[0, 1]"]),
    (lambda: fl.sq_dimension(par3, fl.uniform(3), -0.5), fl.InvalidArgument, ["threshold=-0.5"]),
    (lambda: fl.sq_dimension(par3, fl.uniform(3), "tiny"), fl.InvalidArgument, ["threshold='tiny'"]),
    (lambda: fl.sq_dimension(par3, fl.uniform(3), 0, max_members=4), fl.TooLarge, ["8 members", "max_members=4"]),
    (lambda: fl.sq_dimension(par3, mu3, 0, max_cliques=1), fl.TooLarge, ["max_cliques=1", "maximal cliques"]),
    (lambda: fl.membership_query_complexity(42), fl.InvalidType, ["concept_class=42"]),
    (lambda: fl.membership_query_complexity([[0, 1, 2, 0]]), fl.InvalidArgument, ["table=", "0 or 1"]),
    (lambda: fl.membership_query_complexity([[0, 1, 1]]), fl.InvalidArgument, ["power of two"]),
    (lambda: fl.membership_query_complexity([[0, 1], [0, 1]]), fl.InvalidArgument, ["distinct"]),
    (lambda: fl.membership_query_complexity(par3, nonadaptive="yes"), fl.InvalidType, ["nonadaptive='yes'"]),
    (lambda: fl.membership_query_complexity(par3, max_members=7), fl.TooLarge, ["8 members", "max_members=7"]),
    (lambda: fl.membership_query_complexity(par3, max_states=2), fl.TooLarge, ["max_states=2", "version spaces"]),
    (lambda: fl.membership_query_complexity([[0] * 8] + [[int(x == k) for x in range(8)] for k in range(8)],
                                            nonadaptive=True, max_subsets=10),     # sum C(8, 4..7) = 162
     fl.TooLarge, ["max_subsets=10", "query sets"]),
    (lambda: fl.membership_query_complexity(par3, max_states=2.5), fl.InvalidType, ["max_states=2.5"]),
    (lambda: fl.teaching_dimension(None), fl.InvalidType, ["concept_class=None"]),
    (lambda: fl.teaching_dimension(par3, max_members=3), fl.TooLarge, ["max_members=3"]),
    (lambda: fl.teaching_dimension(fl.parities(5), max_nodes=100), fl.TooLarge, ["max_nodes=100", "set-cover"]),
]


@pytest.mark.parametrize("call, exc, words", BAD)
def test_bad_input(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    for w in words:
        assert w in str(info.value), (w, str(info.value))


def test_one_member_needs_nothing():
    r = fl.membership_query_complexity([[0, 1, 1, 0]], nonadaptive=True)
    assert (r.queries, r.nonadaptive, r.tree.member) == (0, 0, 0)
    assert fl.teaching_dimension([[0, 1, 1, 0]]).teaching_sets == ((),)


# --------------------------------------------------------------------------------------
# sq_query_lower_bound (re-exported from finitelearn.bounds)
# --------------------------------------------------------------------------------------
def naive_sq_query_lower_bound(N, alpha):
    """Straight from DESIGN.md: each query removes fewer than 1/(4 alpha^2) candidates
    against the null responder; count the queries until one candidate is left."""
    r = 0
    while 4 * (r + 1) * alpha * alpha < 1:      # r + 1 < 1/(4 alpha^2)
        r += 1
    if N == 1:
        return 0
    if r == 0:
        return None
    left, q = N, 0
    while left > 1:
        left -= min(r, left - 1)
        q += 1
    return q


def test_sq_query_lower_bound_is_reexported():
    assert C.sq_query_lower_bound is fl.sq_query_lower_bound
    assert "sq_query_lower_bound" in C.__all__


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5000), st.integers(1, 40), st.integers(1, 40))
def test_sq_query_lower_bound_matches_the_definition(N, p, q):
    alpha = Fraction(p, p + q)                   # in (0, 1)
    assert C.sq_query_lower_bound(N, alpha) == naive_sq_query_lower_bound(N, alpha)


def test_sq_query_lower_bound_values():
    # the class (4.3) at d = 10 and alpha = 1/10: r = 24, ceil(511 / 24) = 22
    assert C.sq_query_lower_bound(2**9, Fraction(1, 10)) == 22
    assert C.sq_query_lower_bound(2**9, Fraction(1, 2)) is None


def test_sq_dimension_tiny_threshold_and_exact_clique_budget():
    mu = fl.point_masses(3, [0, 1])
    # under mu the parities fall into two correlation classes (x_1 in S or not): |corr| = 1 or 0
    assert fl.sq_dimension(fl.parities(3), mu, "1e-20").dimension == 2
    assert fl.sq_dimension(fl.parities(3), mu, 0, max_cliques=16).dimension == 2  # the search ends at 16
    with pytest.raises(fl.TooLarge, match="max_cliques=15"):
        fl.sq_dimension(fl.parities(3), mu, 0, max_cliques=15)


def test_strategy_run_refuses_a_teacher_on_another_cube():
    tree = fl.membership_query_complexity(fl.paper_teachers(3)).tree
    for d in (2, 4):
        with pytest.raises(fl.DomainMismatch, match=f"the strategy is on d=3 and the teacher on d={d}"):
            tree.run(fl.parity(d, 1))
    queries, points = tree.run(fl.parity(3, {0, 2}))
    assert queries == len(points) == 2  # d - 1 membership queries (the class has 2^(d-1) members)
    # the labels at the points asked leave only the teacher (mask 0b101) of the class, by the definition
    labels = [bin(0b101 & x).count("1") % 2 for x in points]
    assert [S for S in (1, 3, 5, 7) if [bin(S & x).count("1") % 2 for x in points] == labels] == [0b101]


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 6).flatmap(lambda m: st.tuples(
    st.just(m), st.lists(st.integers(0, 2**m - 1), min_size=1, max_size=12))))
def test_distinct_partitions_one_point_per_nontrivial_split(args):
    """A point's column (bit i: member i labels it 1) splits the class; the helper keeps the
    first point of each split {c, complement} that is not trivial (c = 0 or all members)."""
    from finitelearn.complexity import _distinct_partitions

    m, cols = args
    full = 2**m - 1
    want, seen = [], set()
    for x, c in enumerate(cols):
        split = frozenset({c, full ^ c})
        if c not in (0, full) and split not in seen:
            seen.add(split)
            want.append((x, c))
    assert _distinct_partitions(cols, full) == want


def test_nonadaptive_optimum_that_halves_exactly_where_the_greedy_does_not():
    """Four members on d = 2; point 0 splits them 1 | 3, points 1 and 2 split them 2 | 2 and
    together separate all four, point 3 labels them all 0.  The greedy set (first query of the most blocks: point 0, a tie) needs
    3 points; the optimum is the perfect halving {1, 2}: 2 = log2 4, by brute force too."""
    tables = [[1, 1, 1, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0]]
    r = fl.membership_query_complexity(tables, nonadaptive=True)
    assert r.nonadaptive == naive_nonadaptive(tables) == 2
    assert sorted(r.nonadaptive_points) == [1, 2]


def _smallest_cover_size(universe, sets):
    for r in range(len(sets) + 1):
        for c in itertools.combinations([s for _, s in sets], r):
            acc = 0
            for s in c:
                acc |= s
            if acc == universe:
                return r
    return None


def test_min_cover_on_a_set_system_where_the_memo_must_not_prune():
    """The exact cover search remembers states searched in vain; a state from which a better
    cover WAS found must not be remembered as such (it is reached again later with fewer
    sets chosen).  Here 4 sets cover the 9 elements (brute force); a memo of the states from
    which a cover was found returns 5 (found by a random search against that mutant)."""
    from finitelearn.complexity import _min_cover

    sets = [(0, 322), (1, 32), (2, 64), (3, 200), (4, 8), (5, 265), (6, 128), (7, 72), (8, 18), (9, 96),
            (10, 68), (11, 196), (12, 144), (13, 1)]
    got = _min_cover(511, sets, [10**7])
    acc = 0
    for x in got:
        acc |= dict(sets)[x]
    assert acc == 511 and len(got) == _smallest_cover_size(511, sets) == 4


@settings(max_examples=40, deadline=None)
@given(st.integers(4, 9).flatmap(lambda u: st.tuples(
    st.just(u), st.lists(st.integers(1, 2**u - 1), min_size=1, max_size=12))))
def test_min_cover_is_a_smallest_cover(args):
    from finitelearn.complexity import _min_cover

    u, masks = args
    universe = 0
    for s in masks:
        universe |= s
    sets = list(enumerate(masks))
    got = _min_cover(universe, sets, [10**7])
    acc = 0
    for x in got:
        acc |= masks[x]
    assert acc == universe and len(got) == _smallest_cover_size(universe, sets)


# --------------------------------------------------------------------------------------
# the limits: inclusive, and the defaults the keywords document (MAX_MEMBERS = 4096,
# MAX_PAIR_WORK = 4e9 integer operations for the pairwise correlations)
# --------------------------------------------------------------------------------------
def test_member_limits_are_inclusive():
    """A class of exactly max_members members is searched (8 parities on d = 3: SQ dimension 8,
    d = 3 queries, teaching dimension 3, the literature values above); one more is refused."""
    assert fl.sq_dimension(par3, fl.uniform(3), 0, max_members=8).dimension == 8
    assert fl.membership_query_complexity(par3, max_members=8).queries == 3
    assert fl.teaching_dimension(par3, max_members=8).dimension == 3
    for call in (lambda: fl.sq_dimension(par3, fl.uniform(3), 0, max_members=7),
                 lambda: fl.membership_query_complexity(par3, max_members=7),
                 lambda: fl.teaching_dimension(par3, max_members=7)):
        with pytest.raises(fl.TooLarge, match="8 members is more than max_members=7"):
            call()


def test_sq_dimension_threshold_defaults_to_0():
    """``threshold : number, default 0``.  On d = 2 under the uniform law the tables 0000 and 0001
    (as +-1: four +1's, and three +1's and a -1) correlate 2/4 = 1/2: at threshold 0 no two of
    them may be together (dimension 1), at threshold 1/2 or more both (dimension 2)."""
    C = [[0, 0, 0, 0], [0, 0, 0, 1]]
    r = fl.sq_dimension(C, fl.uniform(2))
    assert r.dimension == 1 and len(r.members) == 1 and r.members[0] in (0, 1)  # a position in the class
    assert fl.sq_dimension(C, fl.uniform(2), "1/2").dimension == 2


@pytest.mark.parametrize("name", ["sq_dimension", "membership_query_complexity", "teaching_dimension"])
def test_every_limit_default_is_the_one_documented(name):
    """Each search's limits are keywords whose docstring line reads ``max_x : int, default N``
    (numpydoc): the signature's default is that N, and every max_ keyword has such a line."""
    import inspect
    import re

    f = getattr(fl, name)
    documented = {k: int(v) for k, v in re.findall(r"^\s+(max_\w+) : int, default (\d+)$", f.__doc__, re.M)}
    defaults = {k: p.default for k, p in inspect.signature(f).parameters.items() if k.startswith("max_")}
    assert documented == defaults and len(defaults) >= 2


def test_default_member_limit_is_4096():
    """4097 distinct members (tables k = 0..4096 read as bits on d = 4) are refused by every
    search without a max_members keyword; 4096 pass the member check (the SQ dimension then
    stops at the pair-work limit, a different refusal: 4096^2 * 256 = 4.29e9 > 4e9)."""
    big = [[(k >> x) & 1 for x in range(16)] for k in range(4097)]
    for call in (lambda: fl.sq_dimension(big, fl.uniform(4), 0),
                 lambda: fl.membership_query_complexity(big),
                 lambda: fl.teaching_dimension(big)):
        with pytest.raises(fl.TooLarge, match="4097 members is more than max_members=4096"):
            call()
    rng = np.random.default_rng(0)
    tables = rng.integers(0, 2, size=(4096, 256), dtype=np.uint8)   # distinct with probability ~1
    with pytest.raises(fl.TooLarge) as info:
        fl.sq_dimension(tables, fl.uniform(8), 0)
    assert "m^2 * |supp D| = 4.29e+09 integer operations, more than 4e+09" in str(info.value)


def test_pair_work_limit_is_inclusive_and_counts_m_squared_times_the_support(monkeypatch):
    """The pairwise correlations of a class that is not a parity class cost m^2 * |supp D|
    integer operations: dictators and majority on 3 bits (m = 4) under a distribution on 5
    points cost 4 * 4 * 5 = 80; a limit of 80 lets them through (dimension 3: the dictators
    correlate 1/5 pairwise, by hand below, and 3/5 with the majority), 79 refuses them."""
    fs = [fl.dictator(3, i) for i in range(3)] + [fl.majority(3)]
    cc = fl.ConceptClass.from_functions(fs)
    D = fl.point_masses(3, [(0, 0, 0), (1, 1, 0), (1, 0, 1), (0, 1, 1), (1, 1, 1)])
    # by hand: x_1 x_2 over the five points is (+)(+), (-)(-), (-)(+), (+)(-), (-)(-) in +-1: sum 1,
    # so corr(x_1, x_2) = 1/5; with threshold 1/5 the dictators are pairwise compatible
    tables = [[(x >> i) & 1 for x in range(8)] for i in range(3)] + [[int(bin(x).count("1") >= 2) for x in range(8)]]
    weights = [1 if x in (0, 3, 5, 6, 7) else 0 for x in range(8)]     # x_1 is bit 0 of the index
    monkeypatch.setattr(C, "MAX_PAIR_WORK", 80)
    assert fl.sq_dimension(cc, D, Fraction(1, 5)).dimension == naive_sq_dimension(tables, weights, Fraction(1, 5)) == 3
    monkeypatch.setattr(C, "MAX_PAIR_WORK", 79)
    with pytest.raises(fl.TooLarge, match=r"m\^2 \* \|supp D\| = 80 integer operations"):
        fl.sq_dimension(cc, D, Fraction(1, 5))
    # a parity class is never charged: its correlations come from one transform of D
    monkeypatch.setattr(C, "MAX_PAIR_WORK", 0)
    assert fl.sq_dimension(fl.parities(3), fl.uniform(3), 0).dimension == 8


def test_threshold_compared_exactly_where_floats_would_round():
    """Total 2^62 on two points, |correlation| = (floor(2^62 / 3) + 1) / 2^62, just above 1/3:
    the pair is not compatible at threshold 1/3 (exact: 3 (floor(2^62/3) + 1) > 2^62), though
    in doubles the numerator and 2^62 / 3 are the same number (spacing 256 there)."""
    T = 2**62
    num = T // 3 + 1
    w0, w1 = (T + num) // 2, (T - num) // 2
    assert w0 + w1 == T and w0 - w1 == num and float(num) == T / 3
    tables = [[0, 0], [0, 1]]          # the constant 0 and x_1: correlation (w0 - w1) / T
    D = fl.from_weights([w0, w1])
    assert fl.sq_dimension(tables, D, Fraction(1, 3)).dimension == naive_sq_dimension(tables, [w0, w1], Fraction(1, 3)) == 1
    # a hair more threshold and they are compatible
    assert fl.sq_dimension(tables, D, Fraction(num, T)).dimension == naive_sq_dimension(tables, [w0, w1], Fraction(num, T)) == 2


def test_nonadaptive_subset_limit_is_inclusive():
    """Singletons and the empty concept on N = 8 points: 8 distinct queries (point x splits
    {x} from the rest), ceil(log2 9) = 4 <= k, and the greedy needs all 8 points (only x tells
    the empty concept from the singleton x), so the search would check the query sets of
    sizes 4..7: C(8,4) + C(8,5) + C(8,6) + C(8,7) = 70 + 56 + 28 + 8 = 162.  A limit of 162
    lets it run (the minimum is N = 8, Goldman and Kearns' value, as in
    test_singletons_and_empty); 161 refuses it and names the count."""
    N = 8
    tables = [[0] * N] + [[int(x == k) for x in range(N)] for k in range(N)]
    assert sum(math.comb(8, k) for k in range(4, 8)) == 162
    r = fl.membership_query_complexity(tables, nonadaptive=True, max_subsets=162)
    assert r.nonadaptive == naive_nonadaptive(tables) == N
    with pytest.raises(fl.TooLarge, match=r"up to 162 query sets checked \(sizes 4\.\.7 of 8 distinct queries\), "
                                          r"more than max_subsets=161"):
        fl.membership_query_complexity(tables, nonadaptive=True, max_subsets=161)


def test_strategy_run_refuses_what_is_not_a_boolean_function():
    tree = fl.membership_query_complexity(fl.paper_teachers(3)).tree
    for bad in (42, [0, 1, 1, 0, 0, 1, 1, 0], "f"):
        with pytest.raises(fl.InvalidType, match="teacher="):
            tree.run(bad)


def test_nonadaptive_is_off_by_default():
    """The docstring: ``nonadaptive : bool, default False``; then no non-adaptive answer."""
    r = fl.membership_query_complexity(par3)
    assert (r.queries, r.nonadaptive, r.nonadaptive_points) == (3, None, None)


def test_teaching_node_budget_is_exact_on_two_members():
    """Two members that differ at one point: for each, the greedy cover is that point (one
    set), so the branch and bound's root has no room to improve and stops: one node per
    member, two in all (the budget is shared).  max_nodes = 2 finishes (sets (1,), (1,)),
    max_nodes = 1 stops at the second member."""
    tables = [[0, 0], [0, 1]]
    assert fl.teaching_dimension(tables, max_nodes=2).teaching_sets == ((1,), (1,))
    with pytest.raises(fl.TooLarge, match=r"max_nodes=1 nodes \(at member 1 of 2\)"):
        fl.teaching_dimension(tables, max_nodes=1)


def test_min_cover_branches_on_the_sets_that_cover_the_chosen_element():
    """Found by a random search against a cover search that branches on the sets differing
    from the chosen element instead of those covering it: 1 | 18 | 12 covers the 5 elements
    with 3 sets (brute force), which that search misses (it returns 4)."""
    from finitelearn.complexity import _min_cover

    masks = [1, 16, 16, 10, 12, 18]
    sets = list(enumerate(masks))
    got = _min_cover(31, sets, [10**6])
    acc = 0
    for x in got:
        acc |= masks[x]
    assert acc == 31 and len(got) == _smallest_cover_size(31, sets) == 3


def test_arguments_by_name_and_options_keyword_only():
    """The signatures: the class (and the distribution) by position or by name, every option
    after ``*`` by name only."""
    assert fl.sq_dimension(concept_class=par3, distribution=fl.uniform(3), threshold=0).dimension == 8
    assert fl.membership_query_complexity(concept_class=par3).queries == 3
    assert fl.teaching_dimension(concept_class=par3).dimension == 3
    for call in (lambda: fl.sq_dimension(par3, fl.uniform(3), 0, 4096),
                 lambda: fl.membership_query_complexity(par3, True),
                 lambda: fl.teaching_dimension(par3, 4096)):
        with pytest.raises(TypeError, match="positional argument"):
            call()


def test_sq_dimension_refuses_a_distribution_on_a_smaller_cube():
    with pytest.raises(fl.DomainMismatch, match="the class is on d=3 and the distribution on d=2"):
        fl.sq_dimension(par3, fl.uniform(2), 0)


# Two classes on d = 3 (each member a truth table, bit x of the code = its value at x),
# found by a random search against minimax variants that stop collecting candidate queries
# early; the brute-force twin (naive_membership_queries) gives 3 queries for both.
_MQ_DUPLICATE_SPLIT_FIRST = [202, 66, 150, 58, 244, 122, 24, 157]
_MQ_EASY_BIG_SIDE_LATER = [20, 128, 52, 92, 131, 122, 135]


@pytest.mark.parametrize("codes", [_MQ_DUPLICATE_SPLIT_FIRST, _MQ_EASY_BIG_SIDE_LATER])
def test_minimax_keeps_every_candidate_query(codes):
    """The minimax search must go on past a query that splits the version space as an earlier
    one did, and past a candidate whose larger side is already too costly (a later, less
    balanced query may still be cheaper): stopping at either gives 4 here, not 3."""
    tables = [[(c >> x) & 1 for x in range(8)] for c in codes]
    assert naive_membership_queries(tables) == 3
    r = fl.membership_query_complexity(tables)
    assert r.queries == 3
    check_tree(tables, r)


def test_max_states_is_inclusive_on_the_parities_of_two_bits():
    """parities(2): 4 members, every query halves them, 2 queries (ceil log2 4). The search
    enters the whole class, solves one half, then the other, then finishes the whole: when it
    enters the second half it has solved one version space. max_states=2 lets it finish,
    max_states=1 stops it there."""
    p2 = [naive_parity_table(2, S) for S in ((), (0,), (1,), (0, 1))]
    assert fl.membership_query_complexity(p2, max_states=2).queries == 2
    with pytest.raises(fl.TooLarge, match="max_states=1"):
        fl.membership_query_complexity(p2, max_states=1)


def test_anti_point_functions_need_a_query_per_member_but_one():
    """The 8 functions on d = 3 that are 1 everywhere but at one point: a query at x answers 0
    for one member only, so an adversary answering 1 rules out one member per query: 7 queries
    (and 7 suffice). After a 1 at x, the column of x is 1 on every member left: a query that
    does not split the version space must be skipped, not searched (it leads back to the same
    version space)."""
    anti = [[0 if x == j else 1 for x in range(8)] for j in range(8)]
    r = fl.membership_query_complexity(anti)
    assert r.queries == 7
    check_tree(anti, r)


def test_minimax_keeps_the_best_query_when_a_later_one_costs_more():
    """18 members on d = 3: seven that are 0 at point 7 and at exactly one of the points 0..6
    (alone they need 6 queries: a query rules out one of them) and eleven that are 1 at point 7
    (found by a random search against the variant below). The brute-force twin gives 6. A later candidate query whose larger side is cheap can still cost more (its smaller
    side is the hard one): replacing the best query by any query of another cost gave 7."""
    codes = [125, 227, 148, 111, 216, 192, 126, 160, 184, 195, 63, 155, 152, 95, 123, 236, 164, 119]
    tables = [[(c >> x) & 1 for x in range(8)] for c in codes]
    assert naive_membership_queries(tables) == 6
    r = fl.membership_query_complexity(tables)
    assert r.queries == 6
    check_tree(tables, r)
