"""Notebook representations: each shows the numbers a user inspects, computed independently here."""

from __future__ import annotations

from fractions import Fraction

import finitelearn as fl
from finitelearn.learners import CandidateTesting
from finitelearn.notebook import MAX_ROWS, markdown_table


def test_a_distribution_shows_its_support_and_exact_probabilities():
    D = fl.point_masses(3, [(1, 0, 0), (1, 1, 1)], [1, 3])
    rows = [line for line in D._repr_markdown_().splitlines() if line.startswith("| (")]
    assert rows == ["| (1, 0, 0) | 1 | 1/4 |", "| (1, 1, 1) | 7 | 3/4 |"]
    big = fl.uniform(6)._repr_markdown_()
    assert f"({64 - MAX_ROWS} more rows not shown)" in big and "| 1/64 |" in big


def test_a_learning_result_shows_the_version_space_query_by_query():
    r = CandidateTesting().learn(fl.StatisticalQueryOracle(fl.paper_teachers(4), fl.uniform(4), "1/16", "null"))
    md = r._repr_markdown_()
    assert f"{r.queries} queries" in md and ("identified" in md)
    left = [int(line.split("|")[2]) for line in md.splitlines() if line.startswith("| ") and line[2].isdigit()]
    # against the null answer at alpha = 1/16 each candidate test rules out exactly the one parity asked
    assert left == list(range(7, 0, -1))[: r.queries]


def test_an_oracle_shows_its_transcript():
    O = fl.MembershipOracle(fl.paper_teachers(3))
    O.query((0, 0, 0))
    O.query((1, 0, 0))
    md = O._repr_markdown_()
    assert "2 queries" in md
    assert md.count("\n| ") == 3  # header and two exchanges


def test_scaling_records_show_one_row_per_record():
    recs = fl.run_scaling([3, 4], "1/8", ["paper-d+1"], progress=False)
    md = recs._repr_markdown_()
    assert "| 3 | paper-d+1 | 4 | yes |" in md and "| 4 | paper-d+1 | 5 | yes |" in md
    assert isinstance(recs, list) and len(recs) == 2


def test_a_proofs_check_report_shows_verdict_claim_and_evidence():
    import proofs_check

    r = proofs_check.run(3, only=["thm_4_3_learner"])[0]
    md = r._repr_markdown_()
    assert f"*{r.verdict}*" in md and r.claim[:40] in md and "independent reference" in md


def test_markdown_table_escapes_bars():
    assert "a \\| b" in markdown_table(["h"], [["a | b"]])
    assert "| 1/3 |" in markdown_table(["p"], [[Fraction(1, 3)]])
