"""Examples 4.1 and 4.2 and the SQ-vs-membership table, each with a planted mutation."""

import numpy as np
import pytest

import finitelearn as fl
from proofs_check import example_4_1, example_4_2, sq_vs_membership
from proofs_check.report import ERRATUM, IMPROVEMENT, REFUTED, VERIFIED


def test_example_4_1(monkeypatch):
    rs = example_4_1.check()
    assert [r.verdict for r in rs] == [VERIFIED, VERIFIED, ERRATUM, ERRATUM, IMPROVEMENT], [r.evidence for r in rs]
    assert "67/68" in rs[3].evidence
    assert rs[4].details["rounded_plain_fit_nonzero"] == [1, 100]
    from finitelearn.paper import example_4_1 as E

    original = E.fit_dense

    def noisier(X, y):                       # a plain fit with one coefficient rounding away from 0
        a = np.array(original(X, y), dtype=float)
        a[1] = 0.7
        return a

    monkeypatch.setattr(E, "fit_dense", noisier)
    assert example_4_1.check()[4].verdict == REFUTED


def test_sq_vs_membership_table(monkeypatch):
    [r] = sq_vs_membership.check(d_max=10)
    assert r.verdict == VERIFIED, r.evidence
    rows = {row["d"]: row for row in r.details["table"]}
    assert rows[10]["sq_1/d"] == -(-(2**9 - 1) // 24)          # r = ceil(100/4) - 1 = 24
    assert rows[5]["optimal_membership"] == 4 and rows[5]["paper_membership"] == 6
    assert r.details["sq_exceeds_d_plus_1_from"] == {name: crossing_from(k) for name, k in
                                                     (("1/d", 1), ("1/d^2", 2), ("1/d^3", 3))}
    assert r.details["sq_exceeds_d_plus_1_from"] == {"1/d": 9, "1/d^2": 22, "1/d^3": 35}  # as derived below
    # a feature query moves E[hT] by at most 1/4 (|E[h chi_S]| <= 1/2): nothing is removed at alpha = 1/4
    assert rows[4]["max_removed_1/d"] == 0
    assert rows[4]["max_removed_1/d^2"] <= (16**2 - 1) // 4
    original = fl.sq_query_lower_bound

    def wrong_constant(m, alpha):            # 1/(2 alpha^2) instead of 1/(4 alpha^2)
        return original(m, alpha * 2) if alpha * 2 < 1 else None

    monkeypatch.setattr(fl, "sq_query_lower_bound", wrong_constant)
    assert sq_vs_membership.check(d_max=10)[0].verdict == REFUTED


def crossing_from(k, d_max=400):
    """The d from which the Parseval bound for N = 2^(d-1) teachers at alpha = 1/d^k exceeds
    d + 1 for good, in integers and without the library: a query removes at most
    r = floor((d^2k - 1)/4) teachers (|ghat|/2 > 1/q for fewer than q^2/4 of them), and
    ceil((N - 1)/r) > d + 1 iff N - 1 > (d + 1) r.  The condition is checked on every d up to
    d_max; past it, it holds for good: from d to d + 1 the left side more than doubles
    (2^d - 1 = 2 (2^(d-1) - 1) + 1), the right side grows by at most
    (d + 2)(d + 1)^2k / ((d + 1) d^2k) < 2 (checked at d_max, and it decreases in d)."""
    def holds(d):
        return 2 ** (d - 1) - 1 > (d + 1) * ((d ** (2 * k) - 1) // 4)

    failing = [d for d in range(2, d_max + 1) if not holds(d)]
    assert (d_max + 2) * (d_max + 1) ** (2 * k) < 2 * (d_max + 1) * d_max ** (2 * k)
    return failing[-1] + 1


def test_the_crossings_against_the_real_root():
    """The crossings of crossing_from against sympy: d0 - 1 < x_k < d0 for the largest real
    root x_k of 2^(x-1) = (x + 1) x^2k / 4 (the integer condition without the floors)."""
    import sympy

    x = sympy.symbols("x", positive=True)
    for k, guess in ((1, 9), (2, 21), (3, 35)):
        root = sympy.nsolve(2 ** (x - 1) - (x + 1) * x ** (2 * k) / 4, x, guess)
        d0 = crossing_from(k)
        assert d0 - 1 < root < d0, (k, root, d0)


def test_sq_closed_form_by_hand():
    assert sq_vs_membership.closed_form(2**9, 10) == 22        # r = floor(99/4) = 24: ceil(511/24) = 22
    assert sq_vs_membership.closed_form(1, 3) == 0 and sq_vs_membership.closed_form(4, 2) is None


def test_example_4_2_data_and_filter(monkeypatch):
    rs = example_4_2.check()
    assert [r.verdict for r in rs] == [VERIFIED, ERRATUM], [r.evidence for r in rs]
    st = rs[1].details["stats"]
    assert st["square"]["max_pixels"] == 4 and rs[1].details["torch_agrees"]
    original = example_4_2.diff_offsets
    monkeypatch.setattr(example_4_2, "diff_offsets", lambda k, r, p: original(k, r, p)[1:])   # a dropped case
    assert example_4_2.check()[1].verdict == REFUTED


def test_square_residue_by_hand():
    """A textured square keeps exactly its 4 outer-corner windows at 0.5 when x+y is even."""
    assert len(example_4_2.diff_offsets(0, 12, 0)) == 4
    assert len(example_4_2.diff_offsets(0, 12, 1)) == 0


@pytest.mark.slow
def test_example_4_2_reduced_training_run():
    rs = example_4_2.check(train=True)
    assert rs[2].verdict == VERIFIED, rs[2].evidence
