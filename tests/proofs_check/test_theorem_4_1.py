"""Theorem 4.1 checks at small d, with planted mutations that must change the verdicts."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

import finitelearn as fl
from proofs_check import thm_4_1_accuracy, thm_4_1_parities
from proofs_check.common import all_tables, parity_matrix, ternary_parseval
from proofs_check.report import ERRATUM, REFUTED, VERIFIED


def test_parities_check_small_d(monkeypatch):
    rs = thm_4_1_parities.check(d_max=4, examples=30)
    assert [r.verdict for r in rs] == [VERIFIED, VERIFIED], [r.evidence for r in rs]
    assert rs[0].details["sq_dimension"] == {1: 2, 2: 4, 3: 8, 4: 16}
    tight = rs[1].details["queries_meeting_the_bound_with_equality"]
    assert tight[1] == naive_tight_count(1) and tight[2] == naive_tight_count(2)
    assert rs[1].details["every_g"][4]["g_vectors"] == 3**16
    # a wrong constant in what the enumeration returns: one g above Parseval
    monkeypatch.setattr(thm_4_1_parities, "ternary_parseval", lambda d: (4**d + 1, 0, 0))
    assert [r.verdict for r in thm_4_1_parities.check(d_max=4, examples=5)] == [VERIFIED, REFUTED]


def test_parities_check_flipped_inequality(monkeypatch):
    """The per-query test with its inequality flipped must fail on the real queries."""
    original = thm_4_1_parities._parseval_ok

    def flipped(D, d):
        ratio, eq = original(D, d)
        return 2 * 4**d - ratio, eq           # '<= 4^d' now holds only where it failed before
    monkeypatch.setattr(thm_4_1_parities, "_parseval_ok", flipped)
    assert thm_4_1_parities.check(d_max=3, examples=5)[1].verdict == REFUTED


def test_ternary_enumeration_against_the_queries():
    """The g-level enumeration agrees with the query-level one at d = 1, 2 (all 2^(2^(d+1)) queries)."""
    for d in (1, 2):
        n = 1 << d
        Q = all_tables(2 * n)
        D = thm_4_1_parities._deviations(Q, d)
        ratio, _ = thm_4_1_parities._parseval_ok(D, d)
        worst, _, broken = ternary_parseval(d)
        assert worst == int(ratio.max()) == 4**d and broken == 0


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
    d = 2
    assert thm_4_1_parities._parseval_ok(np.array([[4, 0, 0, 0]]), d)[0][0] <= 16
    assert thm_4_1_parities._parseval_ok(np.array([[3, 3, 0, 0]]), d)[0][0] > 16


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


def test_accuracy_check(monkeypatch):
    rs = thm_4_1_accuracy.check(d_max=5)
    assert [r.verdict for r in rs] == [ERRATUM, VERIFIED], [r.evidence for r in rs]
    assert "eps < 1/2" in rs[0].evidence and "OR" in rs[0].evidence
    # a wrong witness: AND instead of OR does not beat 1/2, so the counterexample is gone
    monkeypatch.setattr(fl, "disjunction", lambda d, idx: fl.conjunction(d, idx))
    assert thm_4_1_accuracy.check(d_max=5)[0].verdict == REFUTED
