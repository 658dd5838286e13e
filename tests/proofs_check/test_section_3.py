"""Definition 3.1 => 3.2 and Fig. 3.2 checks."""

from proofs_check import def_3_1_implies_3_2, fig_3_2
from proofs_check.report import ERRATUM, VERIFIED


def test_definition_3_1_implies_3_2():
    r = def_3_1_implies_3_2.check(d_max=1)
    assert r.verdict == ERRATUM, r.witness
    assert all(r.details["facts"].values())
    assert r.details["undefined_cases"] > 0
    # d = 1, K = 2: 9 teachers x 4 students; K = 3: 16 x 9 -> 180 pairs checked at least
    assert r.checked >= 9 * 4 + 16 * 9


def test_figure_3_2():
    r = fig_3_2.check()
    assert r.verdict == VERIFIED, r.witness
    assert "1/sqrt2" in r.witness
