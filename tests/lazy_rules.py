"""Hypothesis strategies of lazy rules and their plain truth tables (tests only).

Each draw is a pair (lazy function, plain table as a list of 0/1) built side by side: the
table from the definition of each constructor, point by point in Python, sharing no code
with finitelearn.lazy.
"""

from __future__ import annotations

import numba
from hypothesis import strategies as st

import finitelearn as fl


@numba.njit
def hashed_bit(k):
    """A user's rule with no structure: bit 9 of a multiplicative hash of k."""
    return ((k * 2654435761) >> 9) & 1


def _bits(k, d):
    return [(k >> i) & 1 for i in range(d)]


def leaf(d: int):
    n = 2**d
    coords = st.sets(st.integers(0, d - 1), max_size=d)
    pts = range(n)
    return st.one_of(
        coords.map(lambda S: (fl.parity(d, S, lazy=True), [sum(_bits(k, d)[i] for i in S) % 2 for k in pts])),
        coords.map(lambda S: (fl.conjunction(d, S, lazy=True), [int(all(_bits(k, d)[i] for i in S)) for k in pts])),
        coords.map(lambda S: (fl.disjunction(d, S, lazy=True), [int(any(_bits(k, d)[i] for i in S)) for k in pts])),
        st.integers(0, 1).map(lambda v: (fl.constant(d, v, lazy=True), [v] * n)),
        st.tuples(st.lists(st.integers(-5, 5), min_size=d, max_size=d), st.integers(-6, 6)).map(
            lambda wt: (fl.threshold(d, wt[0], wt[1], lazy=True),
                        [int(sum(w * b for w, b in zip(wt[0], _bits(k, d))) >= wt[1]) for k in pts])),
        st.lists(st.integers(0, 1), min_size=n, max_size=n).map(
            lambda t: (fl.BooleanFunction.from_truth_table(t), list(t))),
        st.just((fl.BooleanFunction.from_kernel(d, hashed_bit), [int(hashed_bit.py_func(k)) for k in pts])),
    )


def rule(d: int):
    """A lazy function on {0,1}^d and its table (compositions and coordinate flips of leaves)."""
    def extend(children):
        n = 2**d
        pair = st.tuples(children, children)
        return st.one_of(
            children.map(lambda a: (~fl.lazy.as_lazy(a[0]), [1 - v for v in a[1]])),
            pair.map(lambda p: (fl.lazy.as_lazy(p[0][0]) ^ p[1][0], [x ^ y for x, y in zip(p[0][1], p[1][1])])),
            pair.map(lambda p: (fl.lazy.as_lazy(p[0][0]) & p[1][0], [x & y for x, y in zip(p[0][1], p[1][1])])),
            pair.map(lambda p: (fl.lazy.as_lazy(p[0][0]) | p[1][0], [x | y for x, y in zip(p[0][1], p[1][1])])),
            st.tuples(children, st.integers(0, n - 1)).map(
                lambda c: (fl.lazy.as_lazy(c[0][0]).flipped(c[1]), [c[0][1][k ^ c[1]] for k in range(n)])),
        )
    return st.recursive(leaf(d), extend, max_leaves=5)
