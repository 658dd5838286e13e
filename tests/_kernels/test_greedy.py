"""The greedy student's kernel (finitelearn._kernels.greedy) against its plain twin.

``naive.simulate_removed`` lists every hit's value and answers as ``naive.adversary_removed``
defines the two adversaries (no finitelearn); the kernel counting-sorts the coefficients.  They are compared on every small pattern and
version space, on random ones and on hypothesis-drawn ones, for both adversaries.
``query_table`` (the asked query's truth table) and ``independent_differences`` (the free
directions) are compared with their definitions in ``naive``: every input at d <= 3 and
hypothesis-drawn ones at d <= 9.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from finitelearn._kernels.greedy import independent_differences, query_table, simulate_removed
from tests import naive


def positions(in_vs, order):
    """pos over the masks: the members of ``in_vs`` in the order ``order`` ("up", "down" or a
    permutation of the members), -1 elsewhere (the null responder's tie goes to the first)."""
    members = [m for m in range(len(in_vs)) if in_vs[m]]
    if order == "down":
        members = members[::-1]
    elif order != "up":
        members = [members[i] for i in order]
    pos = np.full(len(in_vs), -1, dtype=np.int64)
    for p, m in enumerate(members):
        pos[m] = p
    return pos


def both(in_vs, span, a, support, coefs, vs_size, n, b, t, null_kind, order="up"):
    args = (positions(in_vs, order), np.asarray(span, dtype=np.int64), np.int64(a),
            np.asarray(support, dtype=np.int64), np.asarray(coefs, dtype=np.int64), np.int64(vs_size),
            np.int64(n), np.int64(b), np.int64(t), null_kind)
    return int(simulate_removed(*args)), naive.simulate_removed(*args)


@pytest.mark.parametrize("null_kind", [True, False])
def test_every_small_case(null_kind):
    # d = 2 masks, a pattern of k = 1 (n = 2): span [0, v], coefficients in {-2, -1, 1, 2}
    for members in range(1, 16):
        in_vs = [(members >> s) & 1 for s in range(4)]
        size = sum(in_vs)
        for v, a in itertools.product(range(1, 4), range(4)):
            for coefs in itertools.product([-2, -1, 1, 2], repeat=2):
                for b, t in [(1, 0), (1, 1), (2, 1), (3, 2), (8, 4), (1, 9)]:
                    for order in ("up", "down"):
                        got, want = both(in_vs, [0, v], a, [0, 1], coefs, size, 2, b, t, null_kind, order)
                        assert got == want, (in_vs, v, a, coefs, b, t, order)


@pytest.mark.parametrize("null_kind", [True, False])
@pytest.mark.parametrize("seed", range(40))
def test_random_patterns(seed, null_kind):
    rng = np.random.default_rng(seed)
    d = int(rng.integers(3, 9))
    k = int(rng.integers(1, min(d, 6) + 1))
    n = 1 << k
    dirs = rng.integers(1, 1 << d, size=k)
    span = np.zeros(n, dtype=np.int64)
    for j, v in enumerate(dirs):
        span[1 << j: 2 << j] = span[: 1 << j] ^ v
    support = np.sort(rng.choice(n, size=int(rng.integers(1, n + 1)), replace=False)).astype(np.int64)
    coefs = rng.choice([c for c in range(-n, n + 1) if c], size=support.shape[0]).astype(np.int64)
    in_vs = rng.random(1 << d) < rng.random()
    in_vs[int(rng.integers(0, 1 << d))] = True
    b = int(rng.choice([1, 2, 3, 8, 16, 100]))
    t = int(rng.integers(0, 2 * n * b + 1))
    order = rng.permutation(int(in_vs.sum())).tolist()
    got, want = both(in_vs, span, int(rng.integers(0, 1 << d)), support, coefs, int(in_vs.sum()), n, b, t, null_kind,
                     order)
    assert got == want


@pytest.mark.parametrize("null_kind", [True, False])
def test_every_version_space_of_the_four_masks_with_extreme_coefficients(null_kind):
    """d = 2, a pattern of k = 2 on the four masks (n = 4), coefficients in {-4, -1, 1, 4}: the
    extremes put members at the values 0 and 2n b, the ends of the kernel's slots, and the
    tolerances reach windows past the top value (t up to the whole range)."""
    for members in range(1, 16):
        in_vs = [(members >> s) & 1 for s in range(4)]
        size = sum(in_vs)
        for coefs in itertools.product([-4, -1, 1, 4], repeat=4):
            for b, t in [(1, 0), (1, 1), (1, 3), (2, 3), (1, 8)]:
                for order in ("up", "down"):
                    got, want = both(in_vs, [0, 1, 2, 3], 0, [0, 1, 2, 3], coefs, size, 4, b, t, null_kind, order)
                    assert got == want, (in_vs, coefs, b, t, order)


@pytest.mark.parametrize("null_kind", [True, False])
def test_every_member_hit_in_every_order(null_kind):
    """Every member of the version space hit (no member left at the null value): the null
    responder then answers from the value nearest to the null value, the member first in the
    version space on a tie, so the order matters when two groups at equal distance differ in
    size. The four masks of d = 2, a pattern of k = 2 on all of them, every coefficient vector
    in {-2, -1, 1, 2}^4, the members in each of the 24 orders."""
    in_vs = [1, 1, 1, 1]
    for coefs in itertools.product([-2, -1, 1, 2], repeat=4):
        for order in itertools.permutations(range(4)):
            for b, t in [(1, 0), (1, 1), (2, 1), (3, 4)]:
                got, want = both(in_vs, [0, 1, 2, 3], 0, [0, 1, 2, 3], coefs, 4, 4, b, t, null_kind, list(order))
                assert got == want, (coefs, order, b, t)


@settings(deadline=None, max_examples=150)
@given(st.lists(st.booleans(), min_size=8, max_size=8).filter(any),
       st.lists(st.sampled_from([-4, -3, -2, -1, 1, 2, 3, 4]), min_size=4, max_size=4),
       st.integers(0, 7), st.integers(1, 7), st.integers(1, 7), st.integers(1, 5), st.integers(0, 20), st.booleans(),
       st.randoms(use_true_random=False))
def test_hypothesis(in_vs, coefs, a, v1, v2, b, t, null_kind, rnd):
    assume(v1 != v2)  # the contract: independent directions (distinct span entries), as the student's
    span = [0, v1, v2, v1 ^ v2]
    order = list(range(sum(in_vs)))
    rnd.shuffle(order)
    got, want = both(in_vs, span, a, [0, 1, 2, 3], coefs, sum(in_vs), 4, b, t, null_kind, order)
    assert got == want


def table_pair(d, dirs, a, table):
    got = query_table(d, np.asarray(dirs, dtype=np.int64), np.int64(a), np.asarray(table, dtype=np.int64))
    assert got.dtype == np.uint8 and got.shape == (1 << d,)
    return got.tolist(), naive.greedy_query_table(d, dirs, a, table)


@pytest.mark.parametrize("d", [1, 2, 3])
def test_query_table_every_small_case(d):
    # every anchor, every choice of up to 2 directions (dependent ones too: the table is
    # defined for any), every pattern of +-1 (and 0) values on their 2^k points
    for k in (0, 1, 2):
        for dirs in itertools.product(range(1 << d), repeat=k):
            for table in itertools.product([-1, 0, 1], repeat=1 << k):
                for a in range(1 << d):
                    got, want = table_pair(d, list(dirs), a, list(table))
                    assert got == want


@settings(deadline=None, max_examples=120)
@given(st.data())
def test_query_table_hypothesis(data):
    d = data.draw(st.integers(1, 9), label="d")
    k = data.draw(st.integers(0, min(d, 5)), label="k")
    dirs = data.draw(st.lists(st.integers(0, (1 << d) - 1), min_size=k, max_size=k), label="dirs")
    table = data.draw(st.lists(st.sampled_from([-1, 1]), min_size=1 << k, max_size=1 << k), label="table")
    a = data.draw(st.integers(0, (1 << d) - 1), label="a")
    got, want = table_pair(d, dirs, a, table)
    assert got == want


def diffs_pair(vs, anchor, k):
    got = independent_differences(np.asarray(vs, dtype=np.int64), np.int64(anchor), np.int64(k)).tolist()
    return got, naive.independent_differences(vs, anchor, k)


@pytest.mark.parametrize("d", [1, 2, 3])
def test_independent_differences_every_small_case(d):
    # every version space (a set of masks, in sorted order) of the d-cube, every anchor and k
    for r in range(1, (1 << d) + 1):
        for vs in itertools.combinations(range(1 << d), r):
            for anchor in range(r):
                for k in range(1, d + 2):
                    got, want = diffs_pair(list(vs), anchor, k)
                    assert got == want


@settings(deadline=None, max_examples=150)
@given(st.data())
def test_independent_differences_hypothesis(data):
    d = data.draw(st.integers(1, 40), label="d")
    vs = sorted(data.draw(st.sets(st.integers(0, (1 << d) - 1), min_size=1, max_size=40), label="vs"))
    anchor = data.draw(st.integers(0, len(vs) - 1), label="anchor")
    k = data.draw(st.integers(1, 12), label="k")
    got, want = diffs_pair(vs, anchor, k)
    assert got == want
