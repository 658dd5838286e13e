"""Fig. 3.2 of the paper, exact on grids: the claims of Section 3.3 and the convergence of
the grey area to its continuum value.  Expected values are derived by hand below (and the
continuum area by sympy), not read from the module."""

from fractions import Fraction
import importlib.util
import json
from pathlib import Path

import pytest
import sympy

import finitelearn as fl
from finitelearn.paper import figure_3_2 as fig

F = Fraction
U = fl.UNCERTAIN
HALF = F(1, 2)


# -- the continuum values ----------------------------------------------------------------

def test_continuum_grey_area_by_sympy():
    x1, x2 = sympy.symbols("x1 x2")
    # Omega_A and S = B: x_1 >= 1/2, x_2 < -x_1;  Omega_B and S = A: x_1 <= -1/2, x_2 >= -x_1
    upper = sympy.integrate(sympy.integrate(1, (x2, -1, -x1)), (x1, sympy.Rational(1, 2), 1))
    lower = sympy.integrate(sympy.integrate(1, (x2, -x1, 1)), (x1, -1, -sympy.Rational(1, 2)))
    area = upper + lower
    assert area == sympy.Rational(1, 4) == fig.GREY_AREA
    assert fig.GREY_MASS == fig.GREY_AREA / 4            # area of [-1,1]^2
    assert fig.GREY_MASS_CONFIDENT == fig.GREY_AREA / 2  # area of Omega_A u Omega_B


# -- the left panel -----------------------------------------------------------------------

@pytest.mark.parametrize("n", [5, 8, 9, 21])
def test_left_panel_objects(n):
    ex = fl.paper.figure_3_2_left(n)
    G = ex.grid
    assert G == fl.Grid.square(n)
    pts = G.points()
    assert ex.teacher.table.tolist() == [fig.A if x[0] >= HALF else fig.B if x[0] <= -HALF else U for x in pts]
    assert ex.student.table.tolist() == [fig.A if x[0] + x[1] >= 0 else fig.B for x in pts]
    in_squares = [k for k, x in enumerate(pts)
                  if (x[0] >= HALF and x[1] >= HALF) or (x[0] <= -HALF and x[1] <= -HALF)]
    assert ex.mu.support.tolist() == in_squares and set(ex.mu.weights.tolist()) == {1}
    adv = [k for k, x in enumerate(pts)
           if (x[0] >= HALF and x[0] + x[1] < 0) or (x[0] <= -HALF and x[0] + x[1] >= 0)]
    assert ex.adversarial_examples().indices.tolist() == adv


@pytest.mark.parametrize("m", [1, 2, 4, 8, 16])
def test_left_panel_claims_on_grids_through_one_half(m):
    n = 4 * m + 1                                  # x_1 = +-1/2 are grid lines
    ex = fl.paper.figure_3_2_left(n)
    # clean accuracy 1, yet not strongly robust (Definition 3.1): a witness in the grey area
    assert ex.adversarial_examples().mass(ex.mu) == 0
    r = fl.is_strongly_robust(ex.student, ex.teacher)
    assert not r
    x = r.witness_point
    assert (x[0] >= HALF and x[0] + x[1] < 0) or (x[0] <= -HALF and x[0] + x[1] >= 0)
    # the grey mass, counted by hand: (m+1)^2 grey points out of (4m+1)^2, and
    # 2 (m+1)(4m+1) confident points
    assert ex.grey_mass() == F((m + 1) ** 2, (4 * m + 1) ** 2)
    assert ex.grey_mass_confident() == F(m + 1, 2 * (4 * m + 1))
    # l_2 robust with a large margin: supp(mu) is 1/sqrt(2) from the boundary; on this grid
    # (-1/2, -1/2) reaches (0, 0) (S = A) at exactly that distance, squared (1/2)^2 + (1/2)^2
    # (from the A square, x_1 + x_2 >= 1, the points with x_1 + x_2 < 0 are further)
    assert ex.l2_margin().distance_power == F(1, 2) == fig.LEFT_L2_MARGIN_SQUARED  # (the module's constant too)
    assert fl.lp_robust(ex.student, ex.mu, F(7, 10), 2)
    assert not fl.lp_robust(ex.student, ex.mu, F(71, 100), 2)
    # Definition 3.2 with the l_2 attack: robust iff delta < 1.  Every adversarial example is
    # at distance >= 1 from supp(mu) (a gap of 1 in x_1 or in x_2), with equality exactly on
    # the segments {-1/2} x [1/2, 1] (straight across from the A square) and
    # {1/2} x [-1, -1/2) (straight across from the B square)
    assert fl.robustness(ex.student, ex.teacher, fl.LpNeighbourhood(F(99, 100), 2), ex.mu).value == 1
    assert fig.LEFT_L2_ATTACK_RADIUS == 1
    hit = fl.robustness(ex.student, ex.teacher, fl.LpNeighbourhood(1, 2), ex.mu)
    assert hit.value == 0
    reached = [ex.grid.point(k) for k in hit.family.allowed if k in ex.adversarial_examples()]
    expect = [x for x in ex.grid.points() if (x[0] == -HALF and x[1] >= HALF) or (x[0] == HALF and x[1] < -HALF)]
    assert sorted(reached) == sorted(expect) and len(expect) == 2 * m + 1
    assert ex.grid.point(hit.witness) in reached
    assert fl.is_robust(ex.student, ex.teacher, fl.LpNeighbourhood(F(99, 100), 2), ex.mu, F(1, 100))


def test_left_panel_grey_mass_converges_to_the_continuum_value():
    errors = []
    for m in [1, 2, 4, 8, 16, 32]:
        ex = fl.paper.figure_3_2_left(4 * m + 1)
        errors.append((abs(ex.grey_mass() - fig.GREY_MASS), abs(ex.grey_mass_confident() - fig.GREY_MASS_CONFIDENT)))
    for (e1, c1), (e2, c2) in zip(errors, errors[1:]):
        assert e2 < e1 and c2 < c1                  # the error shrinks at every refinement
    assert errors[-1][0] < F(1, 300) and errors[-1][1] < F(1, 200)
    # any n, not only n = 4m + 1: the error is O(step)
    for n in [6, 7, 11, 16, 31, 40, 63]:
        ex = fl.paper.figure_3_2_left(n)
        assert abs(ex.grey_mass() - fig.GREY_MASS) * n <= F(1, 2)
        assert abs(ex.grey_mass_confident() - fig.GREY_MASS_CONFIDENT) * n <= F(1, 2)


# -- the right panel -----------------------------------------------------------------------

@pytest.mark.parametrize("n", [3, 4, 5, 8, 9, 16, 17])
def test_right_panel_strongly_robust_but_margin_is_one_grid_step(n):
    ex = fl.paper.figure_3_2_right(n)
    pts = ex.grid.points()
    assert ex.teacher.table.tolist() == [fig.A if x[0] < 0 < x[1] else fig.B if x[1] < 0 < x[0] else U
                                         for x in pts]
    assert ex.student.table.tolist() == [fig.A if x[1] - x[0] >= 0 else fig.B for x in pts]
    assert ex.mu.support.tolist() == ex.teacher.confident_region().tolist()
    assert fl.is_strongly_robust(ex.student, ex.teacher)
    assert len(ex.adversarial_examples()) == 0
    h = ex.step
    # n odd: (h, -h) in Omega_B reaches the origin (S = A) at sqrt(2) h;
    # n even: (h/2, -h/2) in Omega_B reaches (h/2, h/2) (S = A) at h
    assert ex.l2_margin().distance_power == (2 * h * h if n % 2 else h * h)
    for delta in [F(1, 10), F(1, 2), 1, 2]:
        assert fl.robustness(ex.student, ex.teacher, fl.LpNeighbourhood(delta, 2), ex.mu).value == 1


@pytest.mark.parametrize("k", [0, 1, 2, 3, 4, 5])
def test_right_panel_is_not_l2_robust_for_a_sequence_of_deltas_tending_to_zero(k):
    delta = F(1, 2**k)
    n = 2 ** (k + 2) + 1                          # step h = delta / 2 < delta / sqrt(2)
    ex = fl.paper.figure_3_2_right(n)
    assert fl.is_strongly_robust(ex.student, ex.teacher)
    r = fl.lp_robust(ex.student, ex.mu, delta, 2)
    assert not r
    src, tgt = ex.grid.point(r.source), ex.grid.point(r.target)
    assert ex.teacher(r.source) != U                         # a confident sample ...
    assert (src[1] - src[0]) ** 2 / 2 <= delta**2            # ... within delta of the boundary x_2 = x_1
    assert ex.student(r.source) != ex.student(r.target)      # whose delta-ball changes the label
    assert (src[0] - tgt[0]) ** 2 + (src[1] - tgt[1]) ** 2 <= delta**2


# -- the figure and the script -------------------------------------------------------------

def test_plot_writes_a_png(tmp_path):
    path = tmp_path / "fig.png"
    figure = fig.plot_figure_3_2(9, path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(figure.axes) == 2
    for ax, w in zip(figure.axes, [(1, 1), (-1, 1)]):
        xs, ys = ax.lines[0].get_data()   # the student's boundary w . x = 0
        assert all(abs(w[0] * a + w[1] * b) < 1e-12 for a, b in zip(xs, ys))


def test_script_writes_data_then_plot_and_resumes(tmp_path):
    path = Path(__file__).resolve().parents[2] / "scripts" / "figure_3_2.py"
    spec = importlib.util.spec_from_file_location("figure_3_2_script", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path / "f"  # --out is a folder
    script.main(["--n", "9", "--ns", "5", "9", "--out", str(out)])
    data = json.loads((out / "figure_3_2.json").read_text())
    rows = {r["n"]: r for r in data["rows"]}
    assert F(rows[9]["grey_mass_uniform"]) == F(9, 81) and F(rows[5]["grey_mass_uniform"]) == F(4, 25)
    assert rows[9]["right_strongly_robust"] and not rows[9]["left_strongly_robust"]
    assert (out / "figure_3_2.png").exists()
    rows[9]["grey_mass_uniform"] = "marker"  # a resumed run keeps existing rows
    (out / "figure_3_2.json").write_text(json.dumps({"rows": list(rows.values())}))
    script.main(["--n", "5", "--ns", "5", "9", "17", "--out", str(out)])
    again = {r["n"]: r for r in json.loads((out / "figure_3_2.json").read_text())["rows"]}
    assert again[9]["grey_mass_uniform"] == "marker" and F(again[17]["grey_mass_uniform"]) == F(25, 289)


@pytest.mark.parametrize("call", [lambda: fl.paper.figure_3_2_left(2), lambda: fl.paper.figure_3_2_right(1),
                                  lambda: fl.paper.figure_3_2_left(5000)])
def test_bad_n(call):
    with pytest.raises(fl.InvalidArgument, match="n="):
        call()
