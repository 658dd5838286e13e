"""The exhaustive one-query kernel (``_kernels.sq_search.best_query``) query by query.

Each query's count of members ruled out comes from the definition (a member f_S is ruled
out iff |E_x chi(x, f_S(x)) - E_{x,y} chi(x, y)| > alpha, exact Fractions over the
points), not from the central identity the kernel uses; the kernel is asked about one
query at a time (lo..hi = t..t+1) and about whole ranges (the most, the smallest query
attaining it, and the empty answers), and against its plain twin ``naive.best_query`` on
hypothesis-drawn ranges, classes and thresholds at d = 1..4.
"""

from __future__ import annotations

from fractions import Fraction
from math import floor

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finitelearn._kernels import sq_search as KS
from tests import naive


def ruled_out(d: int, masks: list[int], t: int, alpha: Fraction) -> int:
    n = 1 << d
    chi = [[(t >> x) & 1, (t >> (n + x)) & 1] for x in range(n)]
    null = Fraction(sum(c[0] + c[1] for c in chi), 2 * n)
    out = 0
    for S in masks:
        v = Fraction(sum(chi[x][bin(S & x).count("1") & 1] for x in range(n)), n)
        out += abs(v - null) > alpha
    return out


def threshold(d: int, alpha: Fraction) -> int:
    return floor(alpha * (1 << (d + 1)))


CASES = [(2, [1, 3], Fraction(1, 8)), (2, [0, 1, 2, 3], Fraction(1, 5)), (3, [1, 3, 5, 7], Fraction(1, 8)),
         (3, [1, 2, 4, 7], Fraction(1, 16))]


@pytest.mark.parametrize("d, masks, alpha", CASES)
def test_every_query_counted_as_the_definition_counts(d, masks, alpha):
    n = 1 << d
    ts = range(1 << (2 * n)) if d == 2 else np.random.default_rng(d).integers(0, 1 << (2 * n), 400).tolist()
    m = np.array(masks, dtype=np.int64)
    thr = threshold(d, alpha)
    for t in ts:
        want = ruled_out(d, masks, t, alpha)
        assert KS.best_query(d, m, thr, False, t, t + 1) == (want, t)
        assert KS.best_query(d, m, thr, True, t, t + 1) == ((-1, -1) if want == len(masks) else (want, t))


@pytest.mark.parametrize("d, masks, alpha", CASES[:2])
def test_a_range_gives_the_most_and_the_smallest_query_attaining_it(d, masks, alpha):
    n = 1 << d
    m = np.array(masks, dtype=np.int64)
    thr = threshold(d, alpha)
    for lo, hi in ((0, 1 << (2 * n)), (37, 200), (100, 101)):
        for require in (False, True):
            counts = [(ruled_out(d, masks, t, alpha), t) for t in range(lo, hi)]
            counts = [(c, t) for c, t in counts if not (require and c == len(masks))]
            most = max((c for c, _ in counts), default=-1)
            first = min((t for c, t in counts if c == most), default=-1)
            assert KS.best_query(d, m, thr, require, lo, hi) == (most, first)


def test_the_empty_answers():
    m = np.array([1, 3], dtype=np.int64)
    # a tolerance no query exceeds: every query rules out nobody, the first is the witness
    assert KS.best_query(2, m, 8, False, 5, 9) == (0, 5)
    # at tolerance 0 some query rules out both members; require skips it: (-1, -1)
    all_out = [t for t in range(1 << 8) if ruled_out(2, [1, 3], t, Fraction(0)) == 2]
    t = all_out[0]
    assert KS.best_query(2, m, 0, True, t, t + 1) == (-1, -1)
    assert KS.best_query(2, m, 0, True, 3, 3) == (-1, -1)  # an empty range


@settings(deadline=None, max_examples=200)
@given(st.data())
def test_ranges_against_the_twin(data):
    """Any class of parities (repeats allowed, none at all), any threshold around the reachable
    |G| <= 2^(d+1), both settings of require, a range of up to 48 queries anywhere in the 2^(2^(d+1))
    (d = 4: near 2^32 too, where the kernel's bit slices are full)."""
    d = data.draw(st.integers(1, 4), label="d")
    n = 1 << d
    masks = data.draw(st.lists(st.integers(0, n - 1), max_size=n + 2), label="masks")
    thr = data.draw(st.integers(0, 2 * n + 1), label="thr")
    require = data.draw(st.booleans(), label="require")
    top = 1 << (2 * n)
    lo = data.draw(st.one_of(st.integers(0, top), st.integers(max(0, top - 48), top)), label="lo")
    hi = data.draw(st.integers(lo, min(top, lo + 48)), label="hi")
    got = KS.best_query(d, np.array(masks, dtype=np.int64), thr, require, lo, hi)
    assert tuple(int(v) for v in got) == naive.best_query(d, masks, thr, require, lo, hi)


def test_the_twin_by_hand():
    """naive.best_query itself on queries whose counts are plain to see (d = 2, members f_1, f_3)."""
    # t = 0: chi = 0 everywhere, every value and the null value 0: nobody ruled out
    assert naive.best_query(2, [1, 3], 0, False, 0, 1) == (0, 0)
    # t = 2^4 + 2^6 (chi(x, 1) = 1 at x = 0, 2: where x_1 = 0): E chi(x, f(x)) = P(f = 1, x_1 = 0),
    # 0 for f_1 = x_1 and 1/4 for f_3 = x_1 + x_2; the null value 1/4; threshold 1/8 (thr = 1)
    t = (1 << 4) | (1 << 6)
    assert naive.best_query(2, [1, 3], 1, False, t, t + 1) == (1, t)
    assert naive.best_query(2, [1, 3], 2, False, t, t + 1) == (0, t)  # 1/4 is not more than 2/8
