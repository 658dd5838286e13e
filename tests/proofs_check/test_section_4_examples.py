"""Example 4.1 and the SQ-vs-membership table."""

from proofs_check import example_4_1, sq_vs_membership
from proofs_check.report import ERRATUM, VERIFIED


def test_example_4_1():
    r = example_4_1.check()
    assert r.verdict == ERRATUM, r.witness
    assert r.details["rounded"] == [-2, 2]
    assert "67/68" in r.witness


def test_sq_vs_membership_table():
    r = sq_vs_membership.check(d_max=10)
    assert r.verdict == VERIFIED, r.witness
    rows = {row["d"]: row for row in r.details["table"]}
    assert rows[10]["sq_1/d"] == -(-(2**9 - 1) // 24)          # r = ceil(100/4) - 1 = 24
    assert rows[5]["optimal_membership"] == 4 and rows[5]["paper_membership"] == 6
    assert r.details["sq_exceeds_d_plus_1_from"] == {"1/d": 9, "1/d^2": 22, "1/d^3": 35}
