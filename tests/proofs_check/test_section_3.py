"""Section 3 checks: Remark 3.2, Definitions 3.1 / 3.2, the attack families, Fig. 3.2.

Each check is run as it is, then with one mutation planted into what it computes (a wrong
constant, a flipped inequality, a dropped case): the verdict must change.
"""

from fractions import Fraction

import finitelearn as fl
from proofs_check import attack_families, def_3_1_implies_3_2, fig_3_2, remark_3_2
from proofs_check.report import GAP, REFUTED, VERIFIED


def verdicts(reports):
    return [r.verdict for r in reports]


def test_remark_3_2(monkeypatch):
    [r] = remark_3_2.check(1)
    assert r.verdict == VERIFIED, r.evidence
    assert r.count == 9**2
    monkeypatch.setattr(remark_3_2, "HI", Fraction(98, 100))       # a wrong constant in the definition
    assert verdicts(remark_3_2.check(1)) == [REFUTED]


def test_definition_3_1_implies_3_2(monkeypatch):
    rs = def_3_1_implies_3_2.check(d_max=1)
    assert verdicts(rs) == [VERIFIED, VERIFIED, GAP], [r.evidence for r in rs]
    assert rs[2].details["undefined_cases"] > 0
    assert rs[0].count >= 9 * 4 + 16 * 9
    original = fl.is_strongly_robust
    monkeypatch.setattr(fl, "is_strongly_robust", lambda S, T: not bool(original(S, T)))   # flipped
    assert verdicts(def_3_1_implies_3_2.check(d_max=1))[0] == REFUTED


def test_attack_families_infimum_against_the_vertices(monkeypatch):
    monkeypatch.setattr(attack_families, "GRID_TEACHERS", 1)
    rs = attack_families.check()
    assert verdicts(rs) == [VERIFIED, VERIFIED], [r.evidence for r in rs]
    # a dropped case: the Radon-Nikodym vertices without the free coordinate
    original = attack_families.rn_vertices

    def fewer(mu, c):
        return original(mu, c)[:1]

    monkeypatch.setattr(attack_families, "rn_vertices", fewer)
    assert verdicts(attack_families.check())[0] == REFUTED


def test_rn_vertices_are_the_polytope_vertices():
    mu = {0: Fraction(1, 2), 1: Fraction(1, 2)}
    got = sorted(tuple(sorted(v.items())) for v in attack_families.rn_vertices(mu, Fraction(1, 2)))
    assert got == [((0, Fraction(1, 4)), (1, Fraction(3, 4))), ((0, Fraction(3, 4)), (1, Fraction(1, 4)))]


def test_fast_gradient_family(monkeypatch):
    r = attack_families._fast_gradient()
    assert r.verdict == VERIFIED, r.evidence
    original = fl.FastGradient

    class Backwards(original):                     # a flipped direction: x - delta g/||g||
        def __init__(self, delta, norm=2, toward_boundary=False, snap=True):
            super().__init__(delta, norm=norm, toward_boundary=True, snap=snap)

    monkeypatch.setattr(fl, "FastGradient", Backwards)
    assert attack_families._fast_gradient().verdict == REFUTED


def test_figure_3_2(monkeypatch):
    rs = fig_3_2.check()
    assert verdicts(rs) == [VERIFIED, VERIFIED], [r.evidence for r in rs]
    assert "1/sqrt2" in rs[0].evidence
    original = fig_3_2._margin2_brute
    monkeypatch.setattr(fig_3_2, "_margin2_brute", lambda ex: original(ex) + Fraction(1, 10**6))  # wrong margin
    assert verdicts(fig_3_2.check()) == [REFUTED, REFUTED]


def test_figure_3_2_right_strong_robustness_is_enumerated(monkeypatch):
    """Fig. 3.2 right, "strongly robust": a student wrong at one confident point (x_1 < 0 <
    x_2, where the teacher says A) is refuted by the enumeration of Definition 3.1 even when
    fl.is_strongly_robust is made to say yes."""
    import dataclasses

    import numpy as np

    original = fl.paper.figure_3_2_right
    wrong = {}

    def planted(n):
        ex = original(n)
        if n != 9:
            return ex
        table = np.asarray(ex.student.table).copy()
        k = next(k for k in range(ex.grid.size) if ex.grid.point(k)[0] < 0 < ex.grid.point(k)[1])
        table[k] = 1 - table[k]
        labels = {ex.grid.point(j): int(v) for j, v in enumerate(table.tolist())}
        wrong["student"] = fl.Student.from_callable(ex.grid, lambda x: labels[tuple(x)])
        return dataclasses.replace(ex, student=wrong["student"])

    is_strongly_robust = fl.is_strongly_robust
    monkeypatch.setattr(fl.paper, "figure_3_2_right", planted)
    monkeypatch.setattr(fl, "is_strongly_robust",                      # the library says yes to it
                        lambda S, T: True if S is wrong.get("student") else is_strongly_robust(S, T))
    rs = fig_3_2.check()
    assert "student" in wrong and verdicts(rs) == [VERIFIED, REFUTED]
    facts = rs[1].details["facts"]
    assert not facts["right n=9: strongly robust"] and not facts["right n=9: teacher and student as in the figure"]
    assert all(v for key, v in facts.items() if key.startswith("right n=") and "strongly robust" in key
               and not key.startswith("right n=9:"))
