"""Theorem 4.1 checks at small d, and the check's own machinery on planted violations."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from proofs_check import thm_4_1_accuracy, thm_4_1_parities
from proofs_check.common import all_tables, parity_matrix
from proofs_check.report import ERRATUM, VERIFIED


def test_parities_check_small_d():
    r = thm_4_1_parities.check(d_max=4, examples=30)
    assert r.verdict == VERIFIED, r.witness
    assert r.details["sq_dimension"] == {1: 2, 2: 4, 3: 8, 4: 16}
    # the queries meeting the Parseval bound with equality: independent count at d = 1, 2
    assert r.details["queries_meeting_the_bound_with_equality"][1] == naive_tight_count(1)
    assert r.details["queries_meeting_the_bound_with_equality"][2] == naive_tight_count(2)
    assert r.checked > 2 ** 16


def naive_tight_count(d):
    """Queries chi for which some k has exactly k parities at distance delta_(k) with 4 k delta^2 = 1."""
    n = 2**d
    count = 0
    for code in range(2 ** (2 * n)):
        chi = [(code >> p) & 1 for p in range(2 * n)]
        null = Fraction(sum(chi), 2 * n)
        deltas = []
        for S in range(n):
            f = [bin(S & x).count("1") % 2 for x in range(n)]
            deltas.append(abs(Fraction(sum(chi[x + n * f[x]] for x in range(n)), n) - null))
        deltas.sort(reverse=True)
        if any(4 * (k + 1) * dl * dl == 1 for k, dl in enumerate(deltas)):
            count += 1
    return count


def test_parseval_test_catches_a_violation():
    """The per-query test is not vacuous: a fabricated deviation vector above the bound fails."""
    d = 2
    ok = np.array([[4, 0, 0, 0]])          # one parity at delta 1/2: allowed (4^d = 16 = 1 * 4^2)
    bad = np.array([[4, 1, 0, 0]])         # and a second one: 1*16 ok, 2*1 ok -> still fine
    worse = np.array([[3, 3, 0, 0]])       # 2 * 9 = 18 > 16: too many far parities
    assert thm_4_1_parities._parseval_ok(ok, d)[0][0] <= 16
    assert thm_4_1_parities._parseval_ok(bad, d)[0][0] <= 16
    assert thm_4_1_parities._parseval_ok(worse, d)[0][0] > 16


def test_deviation_by_enumeration_matches_the_definition():
    d, n = 2, 4
    Q = all_tables(2 * n)[::37]
    D = thm_4_1_parities._deviations(Q, d)
    P = parity_matrix(d)
    for q in range(Q.shape[0]):
        chi = Q[q]
        for S in range(n):
            e = Fraction(sum(int(chi[x + n * P[S, x]]) for x in range(n)), n)
            null = Fraction(int(chi.sum()), 2 * n)
            assert Fraction(int(D[q, S]), 2 * n) == abs(e - null)


def test_accuracy_check_is_an_erratum_with_the_or_witness():
    r = thm_4_1_accuracy.check(d_max=5)
    assert r.verdict == ERRATUM, r.witness
    assert "eps < 1/2" in r.witness and "OR" in r.witness
    assert all(r.details["facts"].values())
