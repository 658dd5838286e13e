"""count_functions (finitelearn.census) against independent enumerations and literature values.

The independent side: every truth table of d <= 4 as a row of a numpy array, its spectrum
by a product with the Hadamard matrix (no finitelearn code), the predicates read from the
definitions; and the literature: Dedekind numbers M(d) (3, 6, 20, 168), the bent functions
on 4 variables (896), the balanced ones (C(2^d, 2^(d-1))).
"""

from __future__ import annotations

from math import comb

import numba
import numpy as np
import pytest

import finitelearn as fl
from finitelearn import census
from tests import naive


def _all_tables(d):
    n = 1 << d
    t = np.arange(1 << n, dtype=np.int64)
    return ((t[:, None] >> np.arange(n)[None, :]) & 1).astype(np.int64)  # row t, column x = f(x)


def _spectra(d):
    n = 1 << d
    H = np.array([[(-1) ** bin(s & x).count("1") for s in range(n)] for x in range(n)], dtype=np.int64)
    return (1 - 2 * _all_tables(d)) @ H  # column S: 2^d fhat(S)


def _independent_counts(d):
    n = 1 << d
    T, W = _all_tables(d), _spectra(d)
    size = np.array([bin(s).count("1") for s in range(n)])
    pairs = [(x, y) for x in range(n) for y in range(n) if x & y == x and x != y]
    mono = np.ones(T.shape[0], dtype=bool)
    for x, y in pairs:
        mono &= T[:, x] <= T[:, y]
    out = {"balanced": int((T.sum(axis=1) * 2 == n).sum()), "monotone": int(mono.sum()),
           "bent": int((W**2 == n).all(axis=1).sum())}
    for k in range(d + 1):
        out[f"degree{k}"] = int((W[:, size > k] == 0).all(axis=1).sum())
        out[f"resilient{k}"] = int((W[:, size <= k] == 0).all(axis=1).sum())
    return out


@pytest.mark.parametrize("d", [1, 2, 3, 4])
def test_every_shipped_predicate_against_an_independent_enumeration(d):
    want = _independent_counts(d)
    assert fl.count_functions(d, "balanced") == want["balanced"] == comb(1 << d, 1 << (d - 1))
    assert fl.count_functions(d, "monotone") == want["monotone"] == [3, 6, 20, 168][d - 1]  # Dedekind numbers
    assert fl.count_functions(d, "bent") == want["bent"]
    for k in range(d + 1):
        assert fl.count_functions(d, census.degree_at_most(k)) == want[f"degree{k}"]
        assert fl.count_functions(d, census.resilient(k)) == want[f"resilient{k}"]


def test_literature_values():
    assert fl.count_functions(4, "bent") == 896
    assert fl.count_functions(2, "bent") == 8
    assert fl.count_functions(3, "bent") == 0  # odd d: no bent functions
    assert fl.count_functions(4, "monotone") == 168


def test_degree_agrees_with_the_table_based_degree_at_d_3():
    """The census's degree predicate against the degree of each of the 256 tables, read off
    the spectrum summed by the definition (naive.fourier): the largest |S| with fhat(S) != 0."""
    tables = _all_tables(3)
    by_degree = [0] * 4
    for row in tables:
        c = naive.fourier(row.tolist())
        by_degree[max(bin(s).count("1") for s in range(8) if c[s] != 0)] += 1
    for k in range(4):
        assert fl.count_functions(3, census.degree_at_most(k)) == sum(by_degree[: k + 1])


@numba.njit
def _symmetric(t, d):
    """f depends only on the Hamming weight of x."""
    n = 1 << d
    for x in range(n):
        for y in range(n):
            cx = 0
            cy = 0
            for i in range(d):
                cx += (x >> i) & 1
                cy += (y >> i) & 1
            if cx == cy and ((t >> np.uint64(x)) & np.uint64(1)) != ((t >> np.uint64(y)) & np.uint64(1)):
                return False
    return True


def test_a_users_predicate():
    for d in (1, 2, 3, 4):
        assert fl.count_functions(d, _symmetric) == 2 ** (d + 1)  # one bit per weight 0..d


def test_chunks_and_threads_do_not_change_the_count():
    assert fl.count_functions(4, "bent", fl.local_engine(threads=2), chunk=1000) == 896


@pytest.mark.slow
def test_balanced_on_5_variables_in_process():
    assert fl.count_functions(5, "balanced") == comb(32, 16) == 601080390


@pytest.mark.slow
def test_bent_on_5_variables_in_process():
    assert fl.count_functions(5, "bent") == 0
