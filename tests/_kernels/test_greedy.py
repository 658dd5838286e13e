"""The greedy student's kernel (finitelearn._kernels.greedy) against its plain twin.

``naive.simulate_removed`` lists every hit's value and asks the public Python responders;
the kernel counting-sorts the coefficients.  They are compared on every small pattern and
version space, on random ones and on hypothesis-drawn ones, for both adversaries.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finitelearn._kernels.greedy import simulate_removed
from tests import naive


def both(in_vs, span, a, support, coefs, vs_size, n, b, t, null_kind):
    args = (np.asarray(in_vs, dtype=bool), np.asarray(span, dtype=np.int64), np.int64(a),
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
                    got, want = both(in_vs, [0, v], a, [0, 1], coefs, size, 2, b, t, null_kind)
                    assert got == want, (in_vs, v, a, coefs, b, t)


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
    got, want = both(in_vs, span, int(rng.integers(0, 1 << d)), support, coefs, int(in_vs.sum()), n, b, t, null_kind)
    assert got == want


@settings(deadline=None, max_examples=150)
@given(st.lists(st.booleans(), min_size=8, max_size=8).filter(any),
       st.lists(st.sampled_from([-4, -3, -2, -1, 1, 2, 3, 4]), min_size=4, max_size=4),
       st.integers(0, 7), st.integers(1, 7), st.integers(1, 7), st.integers(1, 5), st.integers(0, 20), st.booleans())
def test_hypothesis(in_vs, coefs, a, v1, v2, b, t, null_kind):
    span = [0, v1, v2, v1 ^ v2]
    got, want = both(in_vs, span, a, [0, 1, 2, 3], coefs, sum(in_vs), 4, b, t, null_kind)
    assert got == want
