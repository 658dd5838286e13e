"""The max-consistent responder's kernels (finitelearn._kernels.responders) against their plain twins.

``naive.group_values`` sums counts per distinct value in a dict; ``naive.best_window`` tries
every integer answer (the responder's definition, not its windows).  Compared on every
small input and on hypothesis-drawn ones (``group_dense`` also on exactly the range its
caller gives, lo the least value and size reaching the largest), and through the public
:func:`finitelearn.responders.max_consistent_answer` on 25..80 values, with its kernel
threshold (``_KERNEL_MIN``, 2048 values) lowered so that both its kernel and its numpy
paths run.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finitelearn._kernels.responders import best_window, group_dense
from finitelearn.responders import max_consistent_answer
from tests import naive


def i64(xs):
    return np.asarray(xs, dtype=np.int64)


def kernel_answer(values, counts, t, null, truth=None):
    v, c = naive.group_values(values, counts)
    ans, kept = best_window(i64(v), i64(c), np.int64(t), np.int64(null), np.int64(0 if truth is None else truth),
                            truth is not None)
    return int(ans), int(kept)


def test_group_dense_every_small_case():
    for n in range(1, 5):
        for values in itertools.product(range(-2, 3), repeat=n):
            counts = [1 + (i % 3) for i in range(n)]
            lo, hi = min(values), max(values)
            v, c = group_dense(i64(values), i64(counts), np.int64(lo - 1), np.int64(hi - lo + 3))
            assert (v.tolist(), c.tolist()) == naive.group_values(values, counts)


@settings(deadline=None, max_examples=150)
@given(st.data())
def test_group_dense_hypothesis(data):
    """The documented contract: any values in lo .. lo + size - 1 with positive counts, the range
    tight (lo the least value, size reaching just the largest: the caller's) or with slack on
    either side, negative and large values, counts past 2^32."""
    n = data.draw(st.integers(1, 60), label="n")
    base = data.draw(st.integers(-2**40, 2**40), label="base")
    spread = data.draw(st.sampled_from([1, 3, 40, 2000]), label="spread")
    values = [base + v for v in data.draw(st.lists(st.integers(0, spread), min_size=n, max_size=n), label="values")]
    counts = data.draw(st.lists(st.integers(1, 2**40), min_size=n, max_size=n), label="counts")
    below = data.draw(st.sampled_from([0, 0, 1, 7]), label="below")
    above = data.draw(st.sampled_from([0, 0, 1, 5]), label="above")
    lo = min(values) - below
    size = max(values) - lo + 1 + above
    v, c = group_dense(i64(values), i64(counts), np.int64(lo), np.int64(size))
    assert (v.tolist(), c.tolist()) == naive.group_values(values, counts)


@pytest.mark.parametrize("with_truth", [False, True])
def test_best_window_every_small_case(with_truth):
    # every multiset of up to 4 values in 0..4 (as distinct values with counts), every t, null
    for n in range(1, 5):
        for values in itertools.combinations_with_replacement(range(5), n):
            counts = [1] * n
            for t in range(0, 3):
                for null in range(-1, 6):
                    for truth in (sorted(set(values)) if with_truth else [None]):
                        assert kernel_answer(values, counts, t, null, truth) == \
                            naive.best_window(values, counts, t, null, truth)


@settings(deadline=None, max_examples=300)
@given(st.data())
def test_best_window_hypothesis(data):
    n = data.draw(st.integers(1, 30), label="n")
    values = data.draw(st.lists(st.integers(-60, 60), min_size=n, max_size=n), label="values")
    counts = data.draw(st.lists(st.integers(1, 5), min_size=n, max_size=n), label="counts")
    t = data.draw(st.integers(0, 20), label="t")
    null = data.draw(st.integers(-80, 80), label="null")
    truth = data.draw(st.one_of(st.none(), st.sampled_from(values)), label="truth")
    assert kernel_answer(values, counts, t, null, truth) == naive.best_window(values, counts, t, null, truth)


@pytest.mark.parametrize("kernel_min", [24, 100])  # the kernels' path and numpy's
@settings(deadline=None, max_examples=100)
@given(data=st.data())
def test_public_answer_on_many_values(kernel_min, data):
    # 25..80 values: past the plain-Python scan; above kernel_min the kernels group (dense or
    # sorted) and scan, below it numpy's passes do
    n = data.draw(st.integers(25, 80), label="n")
    spread = data.draw(st.sampled_from([10, 100, 10**6, 10**15]), label="spread")  # dense and sorted grouping
    values = data.draw(st.lists(st.integers(-spread, spread), min_size=n, max_size=n), label="values")
    counts = data.draw(st.lists(st.integers(1, 4), min_size=n, max_size=n), label="counts")
    t = data.draw(st.integers(0, 3 * spread), label="t")
    null = data.draw(st.integers(-2 * spread, 2 * spread), label="null")
    truth = data.draw(st.one_of(st.none(), st.sampled_from(values)), label="truth")
    from finitelearn import responders

    old, responders._KERNEL_MIN = responders._KERNEL_MIN, kernel_min
    try:
        got = max_consistent_answer(i64(values), i64(counts), t, null, truth)
    finally:
        responders._KERNEL_MIN = old
    # the definition, over the candidate answers that can be best: window ends v - t, v + t and null
    answers = {null} | {v - t for v in values} | {v + t for v in values}
    if truth is not None:
        answers = {min(max(A, truth - t), truth + t) for A in answers} | {truth - t, truth + t}
    best = None
    for A in answers:
        kept = sum(c for v, c in zip(values, counts) if abs(v - A) <= t)
        key = (-kept, abs(A - null), A)
        if best is None or key < best:
            best = key
    assert got == (best[2], -best[0])
