"""The numpy routes of ``finitelearn._kernels.small`` against their plain twins in ``tests/naive.py``
(the definitions, in Python ints) on every small input and on hypothesis-drawn ones, and
against the numba kernels they stand in for at the sizes where the callers switch.

The routes are taken for at most 2^12 points; the transform is a float64 matrix product that
must be exact, so its bound (max|a| 2^d <= 2^53) is pinned at the equality and just above.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finitelearn as fl
from finitelearn._kernels import greedy as GK
from finitelearn._kernels import small as KS
from finitelearn._kernels import wht as W
from tests import naive

pytestmark = pytest.mark.filterwarnings("error")


# -- the transform --------------------------------------------------------------------------------
def test_the_cached_hadamard_matrices_are_read_only():
    # shared by every call (functools.cache): a write into one would corrupt later transforms
    for k in range(3):
        h = KS._hadamard(k)
        assert h.tolist() == [[(-1) ** bin(S & x).count("1") for x in range(1 << k)] for S in range(1 << k)]
        with pytest.raises(ValueError):
            h[0, 0] = 2.0


def test_wht_every_short_vector():
    for d in range(4):
        for v in itertools.product(range(-2, 3), repeat=1 << d):
            got = KS.wht(np.array(v, dtype=np.int64))
            assert got.dtype == np.int64 and got.tolist() == naive.wht(list(v)), v


@settings(deadline=None, max_examples=60)
@given(st.data())
def test_wht_against_the_definition_and_the_kernel(data):
    d = data.draw(st.integers(0, 12), label="d")
    n = 1 << d
    dtype = data.draw(st.sampled_from([np.int16, np.int32, np.int64]), label="dtype")
    top = min(np.iinfo(dtype).max // n, (1 << 53) // n)  # the caller's bound for both
    a = np.array(data.draw(st.lists(st.integers(-top, top), min_size=n, max_size=n)), dtype=dtype)
    assert KS.transform_is_exact(a)
    got = KS.wht(a)
    assert got.dtype == dtype
    kernel = a.copy()
    W.wht_inplace(kernel)
    assert np.array_equal(got, kernel)
    # the definition where it is cheap (O(4^d)), the plain butterfly beyond
    want = naive.wht([int(x) for x in a]) if d <= 7 else naive.wht_butterfly(a.astype(np.int64)).tolist()
    assert got.tolist() == want


def test_the_float_bound_at_its_equality_and_above():
    n = 4
    edge = np.array([(1 << 53) // n, 0, 0, 0], dtype=np.int64)
    assert KS.transform_is_exact(edge) and KS.transform_is_exact(-edge)
    assert not KS.transform_is_exact(edge + np.array([1, 0, 0, 0]))
    assert not KS.transform_is_exact(np.array([np.iinfo(np.int64).min, 0]))
    assert not KS.transform_is_exact(np.zeros(KS.SMALL * 2, dtype=np.int64))  # too long
    assert KS.transform_is_exact(np.zeros(KS.SMALL, dtype=np.int64))
    assert not KS.transform_is_exact(np.zeros(0, dtype=np.int64))  # no transform of nothing
    assert not KS.transform_is_exact(np.zeros(4))  # float input is not this route's
    assert not KS.transform_is_exact(np.zeros(4, dtype=np.uint8))  # nor unsigned (the transform has signs)
    # the negative side at its equality and just beyond: max|a| is -min there
    assert KS.transform_is_exact(-edge) and not KS.transform_is_exact(-edge - np.array([1, 0, 0, 0]))


def test_the_routes_are_for_at_most_2_to_the_12():
    # the module's promise: inputs of at most 2^12 elements (the demo's d <= 12), not fewer
    assert KS.SMALL == 1 << 12
    assert KS.transform_is_exact(np.zeros(1 << 12, dtype=np.int64))
    assert not KS.transform_is_exact(np.zeros((1 << 12) + 1, dtype=np.int64))


def test_walsh_hadamard_is_exact_on_both_sides_of_the_float_bound():
    # max|a| 2^d = 2^54 - 2: above 2^53, so the kernel transforms it; in float64 the odd sum
    # 2^53 + 2^52 - 1 would round
    a = [2**53 - 1, 2**52]
    assert fl.walsh_hadamard(np.array(a, dtype=np.int64)).tolist() == naive.wht(a) == [2**53 + 2**52 - 1, 2**52 - 1]
    b = [2**52, 2**52 - 1]  # 2^53 exactly: the float route, still exact
    assert fl.walsh_hadamard(np.array(b, dtype=np.int64)).tolist() == naive.wht(b)


@pytest.mark.parametrize("d", range(0, 4))
def test_signed_spectrum_every_table(d):
    for table in naive.all_tables(d):
        got = KS.signed_spectrum(np.array(table, dtype=np.uint8), np.int16)
        assert got.dtype == np.int16
        assert got.tolist() == naive.wht([1 - 2 * v for v in table])


@settings(deadline=None, max_examples=40)
@given(st.integers(4, 12).flatmap(lambda d: st.lists(st.integers(0, 1), min_size=1 << d, max_size=1 << d)))
def test_signed_spectrum_against_the_kernel(table):
    t = np.array(table, dtype=np.uint8)
    for dtype in (np.int16, np.int32):
        assert np.array_equal(KS.signed_spectrum(t, dtype), W.signed_spectrum(t, dtype))
    signed = [1 - 2 * v for v in table]
    want = naive.wht(signed) if t.shape[0] <= 128 else naive.wht_butterfly(np.array(signed, dtype=np.int64)).tolist()
    assert KS.signed_spectrum(t, np.int16).tolist() == want


# -- bits -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("d", range(0, 8))
def test_parity_table_every_mask(d):
    for mask in range(1 << d):
        S = [i for i in range(d) if (mask >> i) & 1]
        got = KS.parity_table(d, mask)
        assert got.dtype == np.uint8 and got.tolist() == naive.parity_table(d, S)


def test_parity_and_its_recognition_on_both_sides_of_the_switch():
    # d = 12 is the last numpy size, d = 13 the first kernel one: same tables, same masks found
    for d, mask in [(12, 0b100000000101), (13, 0b1000000000101), (12, 0), (13, 0)]:
        f = fl.parity(d, mask)
        S = [i for i in range(d) if (mask >> i) & 1]
        assert f.truth_table.tolist() == naive.parity_table(d, S)
        assert fl.classes.parity_mask_of(f) == mask
        assert fl.classes.parity_mask_of(~f) is None
        g = f.truth_table.copy()
        g[[1, 2]] ^= 1  # the weight kept (two flips) when f(1) != f(2): not a parity
        if g.sum() == f.truth_table.sum():
            assert fl.classes.parity_mask_of(fl.BooleanFunction.from_truth_table(g)) is None


@settings(deadline=None, max_examples=60)
@given(st.lists(st.integers(0, 2**64 - 1), min_size=1, max_size=80))
def test_count_ones_packed(words):
    packed = np.array(words, dtype=np.uint64)
    assert KS.count_ones_packed(packed) == naive.count_ones_packed(packed)


@settings(deadline=None, max_examples=60)
@given(st.lists(st.integers(-2**63, 2**63 - 1), min_size=1, max_size=50))
def test_extremes(entries):
    assert KS.extremes(np.array(entries, dtype=np.int64)) == naive.int64_extremes(entries)


def test_parity_labels_every_mask_and_point():
    masks = np.arange(1 << 5, dtype=np.int64)
    for x in range(1 << 5):
        got = KS.parity_labels(masks, x)
        assert got.dtype == np.uint8 and got.tolist() == naive.parity_labels(masks, x)
    big = np.array([2**62 - 1, 2**61 + 3, 5], dtype=np.int64)
    assert KS.parity_labels(big, 2**62 - 1).tolist() == naive.parity_labels(big, 2**62 - 1)


# -- the greedy student's pieces ------------------------------------------------------------------
@settings(deadline=None, max_examples=80)
@given(st.data())
def test_query_table(data):
    d = data.draw(st.integers(0, 8), label="d")
    k = data.draw(st.integers(0, min(d, 4)), label="k")
    dirs = data.draw(st.lists(st.integers(0, (1 << d) - 1), min_size=k, max_size=k), label="dirs")
    a = data.draw(st.integers(0, (1 << d) - 1), label="a")
    table = data.draw(st.lists(st.sampled_from([-1, 1]), min_size=1 << k, max_size=1 << k), label="F")
    args = (d, np.array(dirs, dtype=np.int64), np.int64(a), np.array(table, dtype=np.int64))
    got = KS.query_table(*args)
    assert got.dtype == np.uint8 and got.tolist() == naive.greedy_query_table(d, dirs, a, table)
    assert np.array_equal(got, GK.query_table(*args))


@settings(deadline=None, max_examples=150)
@given(st.data())
def test_independent_differences(data):
    d = data.draw(st.integers(1, 10), label="d")
    # members of a few cosets of a small subspace: differences often dependent, long runs of them
    dim = data.draw(st.integers(0, d), label="dim")
    basis = data.draw(st.lists(st.integers(0, (1 << d) - 1), min_size=dim, max_size=dim), label="basis")
    picks = data.draw(st.lists(st.integers(0, (1 << dim) - 1), min_size=1, max_size=150), label="picks")
    shift = data.draw(st.integers(0, (1 << d) - 1), label="shift")
    members = []
    for p in picks:
        v = shift
        for j, b in enumerate(basis):
            if (p >> j) & 1:
                v ^= b
        members.append(v)
    vs = list(dict.fromkeys(members))  # distinct, in drawn order
    anchor = data.draw(st.integers(0, len(vs) - 1), label="anchor")
    k = data.draw(st.integers(0, 12), label="k")
    arr = np.array(vs, dtype=np.int64)
    got = KS.independent_differences(arr, anchor, k)
    assert got == naive.independent_differences(vs, anchor, k)
    assert got == [int(v) for v in GK.independent_differences(arr, np.int64(anchor), np.int64(k))]


def test_independent_differences_past_the_first_64():
    # 70 members of a 1-dimensional coset first (every difference the same), then new directions:
    # the basis is found only in the numpy pass over the rest
    vs = [0, 1] + [1 ^ (2 * i) for i in range(1, 35)] + [(2 * i) for i in range(1, 35)] + [1 << 20, 1 << 21]
    vs = list(dict.fromkeys(vs))
    for k in (1, 2, 5, 30, 64):
        got = KS.independent_differences(np.array(vs, dtype=np.int64), 0, k)
        assert got == naive.independent_differences(vs, 0, k)


def _positions(in_vs, order):
    members = [m for m in range(len(in_vs)) if in_vs[m]]
    members = [members[i] for i in order]
    pos = np.full(len(in_vs), -1, dtype=np.int64)
    for p, m in enumerate(members):
        pos[m] = p
    return pos


@settings(deadline=None, max_examples=200)
@given(st.data())
def test_simulate_removed_rows_against_the_twin_and_the_kernel(data):
    """Several candidate queries of one pattern at once: each row as the responders answer it
    (naive.simulate_removed, by naive.adversary_removed's definitions) and as the kernel does."""
    d = data.draw(st.integers(2, 7), label="d")
    k = data.draw(st.integers(0, min(d, 4)), label="k")
    n = 1 << k
    # independent directions: v_j with a leading bit of its own
    dirs = [(1 << (d - 1 - j)) | data.draw(st.integers(0, (1 << (d - 1 - j)) - 1)) for j in range(k)]
    span = np.zeros(n, dtype=np.int64)
    for j, v in enumerate(dirs):
        span[1 << j: 2 << j] = span[: 1 << j] ^ v
    support = sorted(data.draw(st.sets(st.integers(0, n - 1), min_size=1), label="support"))
    coefs = data.draw(st.lists(st.integers(-n, n).filter(bool), min_size=len(support), max_size=len(support)))
    in_vs = data.draw(st.lists(st.booleans(), min_size=1 << d, max_size=1 << d), label="V")
    if not any(in_vs):
        in_vs[0] = True
    size = sum(in_vs)
    pos = _positions(in_vs, data.draw(st.permutations(range(size)), label="order"))
    b = data.draw(st.sampled_from([1, 2, 3, 8, 16, 100]), label="b")
    t = data.draw(st.integers(0, 2 * n * b), label="t")
    anchors = data.draw(st.lists(st.integers(0, (1 << d) - 1), min_size=1, max_size=6), label="anchors")
    null_kind = data.draw(st.booleans(), label="null")
    sup, co = np.array(support, dtype=np.int64), np.array(coefs, dtype=np.int64)
    hits = pos[np.array(anchors, dtype=np.int64)[:, None] ^ span[sup][None, :]]
    got = KS.simulate_removed(hits, co, size, n, b, t, null_kind).tolist()
    # the same on a grid with values no hit has (as the greedy student passes its family's)
    extra = data.draw(st.sets(st.integers(0, 2 * n)), label="extra values")
    vals = np.union1d(np.union1d(n - co, [n]), sorted(extra))
    cols = np.broadcast_to(np.searchsorted(vals, n - co), hits.shape)
    assert KS.simulate_on_grid(hits, cols, vals, size, n, b, t, null_kind).tolist() == got
    for a, g in zip(anchors, got):
        args = (pos, span, np.int64(a), sup, co, np.int64(size), np.int64(n), np.int64(b), np.int64(t), null_kind)
        assert g == naive.simulate_removed(*args) == int(GK.simulate_removed(*args))


def _twin_rows(hits, co, size, n, b, t, null_kind):
    """naive.simulate_removed row by row, the candidate's support read off as masks 0..w - 1
    (span the identity, anchor 0) and ``pos`` that row's positions."""
    out = []
    w = hits.shape[1]
    sup = np.arange(w, dtype=np.int64)
    for r in range(hits.shape[0]):
        pos = hits[r].astype(np.int64)
        args = (pos, sup, np.int64(0), sup, co, np.int64(size), np.int64(n), np.int64(b), np.int64(t), null_kind)
        out.append(naive.simulate_removed(*args))
    return out


def test_simulate_removed_null_every_member_hit_nearest_value_then_first_member():
    """No member at the null value: the null responder takes the value nearest to it, the
    first member's on a tie, moved t towards the null value; the members within t stay."""
    # n = 8, null value 8: value 7 (coefficient 1) has the member at position 2, value 6
    # (coefficient 2) those at 0 and 1. The nearer value 7 is answered though its member
    # comes later, and only it stays: 2 ruled out (weighing the distance below the
    # position would answer 6 and keep two)
    hits = np.array([[2, 0, 1]], dtype=np.int64)
    co = np.array([1, 2, 2], dtype=np.int64)
    assert KS.simulate_removed(hits, co, 3, 8, 1, 0, True).tolist() == [2] == _twin_rows(hits, co, 3, 8, 1, 0, True)
    # a tie in distance (values 7 and 9, coefficients 1 and -1): the value of position 0 is
    # answered, whichever column it sits in
    for p7, p9, kept in [(0, 1, 2), (1, 0, 1)]:
        hits = np.array([[p7, p9, 2]], dtype=np.int64)
        co = np.array([1, -1, 1], dtype=np.int64)  # value 7 twice (positions p7 and 2), 9 once
        got = KS.simulate_removed(hits, co, 3, 8, 1, 0, True).tolist()
        assert got == [3 - kept] == _twin_rows(hits, co, 3, 8, 1, 0, True)


@settings(deadline=None, max_examples=200)
@given(st.data())
def test_simulate_removed_null_every_member_hit(data):
    """Rows whose hits are the whole version space (the hypothesis test above rarely draws
    one), against the twin: the nearest value and the tie by position decide what stays."""
    k = data.draw(st.integers(0, 4), label="k")
    n = 1 << k
    w = data.draw(st.integers(1, n), label="width")
    co = np.array(data.draw(st.lists(st.integers(-n, n).filter(bool), min_size=w, max_size=w)), dtype=np.int64)
    rows = data.draw(st.lists(st.permutations(range(w)), min_size=1, max_size=5), label="rows")
    hits = np.array(rows, dtype=np.int64)
    b = data.draw(st.sampled_from([1, 2, 3, 8]), label="b")
    t = data.draw(st.integers(0, 2 * n * b), label="t")
    assert KS.simulate_removed(hits, co, w, n, b, t, True).tolist() == _twin_rows(hits, co, w, n, b, t, True)


def _removed_by_definition(row, co, size, n, b, t, null_kind):
    """naive.adversary_removed on one candidate's values listed by hand: each hit's value
    (n - c) b at its member's position in V, then the null value n b for the members not hit."""
    hits = sorted((int(p), (n - int(c)) * b) for p, c in zip(row, co) if p >= 0)
    values, counts = [v for _, v in hits], [1] * len(hits)
    if size > len(hits):
        values.append(n * b)
        counts.append(size - len(hits))
    return naive.adversary_removed("null" if null_kind else "max_consistent", values, n * b, t, counts)


def test_simulate_removed_patterns_of_fewer_bits_join_on_the_larger_grid():
    """A pattern of k' < k bits, its coefficients scaled by 2^(k - k'), t in the larger unit:
    the same removals as on its own grid (the student's step mixes patterns this way), and
    on both grids the removals of the definition (naive.adversary_removed, no finitelearn)."""
    rng = np.random.default_rng(3)
    for _ in range(300):
        d, k1 = 6, int(rng.integers(0, 3))
        k = k1 + int(rng.integers(1, 3))
        n1, n = 1 << k1, 1 << k
        in_vs = rng.random(1 << d) < 0.5
        in_vs[0] = True
        size = int(in_vs.sum())
        pos = _positions(in_vs.tolist(), rng.permutation(size).tolist())
        sup = np.sort(rng.choice(n1, size=int(rng.integers(1, n1 + 1)), replace=False)).astype(np.int64)
        co = rng.choice([c for c in range(-n1, n1 + 1) if c], size=sup.shape[0]).astype(np.int64)
        span = np.array([0, 5, 18, 23][:n1], dtype=np.int64)  # directions 5 and 18
        hits = pos[rng.integers(0, 1 << d, 4)[:, None] ^ span[sup][None, :]]
        b, ta = int(rng.choice([1, 3, 8])), int(rng.integers(0, 3))
        for null_kind in (True, False):
            own = KS.simulate_removed(hits, co, size, n1, b, ta * 2 * n1, null_kind).tolist()
            joined = KS.simulate_removed(hits, co << (k - k1), size, n, b, ta * 2 * n, null_kind).tolist()
            want = [_removed_by_definition(row, co, size, n1, b, ta * 2 * n1, null_kind) for row in hits.tolist()]
            assert want == [_removed_by_definition(row, co << (k - k1), size, n, b, ta * 2 * n, null_kind)
                            for row in hits.tolist()]
            assert own == want and joined == want


# -- the exact one-query search -------------------------------------------------------------------
@settings(deadline=None, max_examples=150)
@given(st.data())
def test_least_max_window_against_the_twin_and_the_kernel(data):
    from finitelearn._kernels import sq as SK

    n = data.draw(st.integers(1, 8), label="n")
    rows = data.draw(st.integers(0, 30), label="rows")
    A = np.array(data.draw(st.lists(st.integers(-16, 16), min_size=n, max_size=n)), dtype=np.int8)
    spec = np.array(data.draw(st.lists(st.lists(st.integers(-16, 16), min_size=n, max_size=n),
                                       min_size=rows, max_size=rows)), dtype=np.int8).reshape(rows, n)
    win = data.draw(st.integers(0, 40), label="win")
    start = data.draw(st.integers(0, 2 * n + 2), label="start")
    got = KS.least_max_window(A, spec, win, start)
    assert got == tuple(naive.least_max_window(A, spec, win, start))
    assert got == tuple(int(v) for v in SK.least_max_window(A, spec, win, start))


def test_least_max_window_ties_go_to_the_first_row():
    A = np.array([0, 0], dtype=np.int8)
    # rows 0 and 3: values +-5, +-9, one a window of width 1; rows 1 and 2: four zeros in one
    spec = np.array([[0, 0], [5, 9], [0, 0], [9, 5]], dtype=np.int8)
    assert KS.least_max_window(A, spec, 1, 5) == (1, 1)
    assert KS.least_max_window(A, spec, 4, 5) == (2, 1)  # width 4: +5 and +9 together
    assert KS.least_max_window(A, spec, 1, 1) == (1, -1)  # not below start: no row
    assert KS.least_max_window(A, spec[:0], 1, 3) == (3, -1)


def test_simulate_removed_null_fallback_when_every_member_is_hit():
    """No member at the null value (every member of V a hit): the null responder answers the value
    nearest to it, on a tie the one whose member comes first in V, moved t towards it. Here the
    coefficients -2 (two members) and +2 (one) are equally far from it: which member comes first
    decides whether two candidates are kept or one."""
    d, n, b, t = 3, 4, 1, 1
    span = np.array([0, 1, 2, 3], dtype=np.int64)  # k = 2: directions 1 and 2
    support = np.array([0, 1, 2, 3], dtype=np.int64)
    co = np.array([-2, 2, -2, 4], dtype=np.int64)  # values (n - c) b: 6, 2, 6, 0; the null value 4
    a = 4
    in_vs = [0] * (1 << d)
    for J in support.tolist():
        in_vs[a ^ int(span[J])] = 1  # V = exactly the images a + v_J: masks 4, 5, 6, 7
    size = sum(in_vs)
    removed = {}
    for first, order in (("J = 0", [0, 1, 2, 3]), ("J = 1", [1, 0, 2, 3])):
        pos = _positions(in_vs, order)
        hits = pos[np.array([a])[:, None] ^ span[support][None, :]]
        assert (hits >= 0).all()
        args = (pos, span, np.int64(a), support, co, np.int64(size), np.int64(n), np.int64(b), np.int64(t), True)
        got = KS.simulate_removed(hits, co, size, n, b, t, True).tolist()
        assert got == [naive.simulate_removed(*args)] == [int(GK.simulate_removed(*args))]
        removed[first] = got[0]
    assert removed == {"J = 0": 2, "J = 1": 3}  # answer 5 keeps the two at 6; answer 3 keeps the one at 2


def test_least_max_window_rows_do_not_share_a_window():
    # values -5 and 5 in both rows, windows of width 0: one value each. Row 0's top value 5
    # and row 1's lowest -5 are the range (10) apart; the rows must be set further apart
    # than range + width, or row 0's top window would count row 1's lowest too
    A = np.array([0], dtype=np.int8)
    spec = np.array([[5], [5]], dtype=np.int8)
    assert KS.least_max_window(A, spec, 0, 3) == tuple(naive.least_max_window(A, spec, 0, 3)) == (1, 0)
    spec = np.array([[16], [-16], [3]], dtype=np.int8)  # the widest drawn range, width 1
    assert KS.least_max_window(A, spec, 1, 3) == tuple(naive.least_max_window(A, spec, 1, 3)) == (1, 0)
