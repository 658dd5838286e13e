"""Tests of finitelearn.paper.example_4_1 (Example 4.1 and Figure 4.1).

Expected values are computed independently: the teacher by plain comparisons, the
attack's flips by recomputing alpha^T x_hat in exact rational arithmetic, the witnesses
by hand arithmetic with Fractions, the least squares by the normal equations.
"""

from __future__ import annotations

import json
from fractions import Fraction

import numpy as np
import pytest

from finitelearn.errors import InvalidArgument, InvalidType
from finitelearn.paper import example_4_1 as ex
from finitelearn.paper.example_4_1 import (
    PAPER_SPARSE_COEFFICIENTS,
    attack,
    disagreement_witness,
    fit_dense,
    fit_sparse,
    grid_check,
    is_strongly_robust_on_box,
    round_coefficients,
    sample,
    predict,
    symbolic_strongly_robust,
    teacher,
)


@pytest.fixture(scope="module")
def data():
    return sample(1000, seed=2024)


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    out = tmp_path_factory.mktemp("ex41")
    return ex.run(seed=0, out=out, grid_n=40), out


# ------------------------------------------------------------------ data and teacher


def test_teacher_by_plain_comparison():
    rng = np.random.default_rng(0)
    X = rng.random((200, 100))
    X[:10, 99] = X[:10, 0]  # ties: the teacher says +1
    expected = [(-1 if row[0] > row[99] else 1) for row in X.tolist()]
    assert teacher(X).tolist() == expected
    assert teacher(X[:10]).tolist() == [1] * 10


def test_sample_classes_uniform_and_inside(data):
    X, y = data
    assert X.shape == (2000, 100) and y.shape == (2000,)
    assert (y[:1000] == -1).all() and (y[1000:] == 1).all()
    assert X.min() >= 0 and X.max() < 1
    assert (teacher(X) == y).all()
    # coordinates other than x_1, x_100 are uniform: mean 1/2, sd of the mean 0.29/sqrt(2000)
    assert abs(X[:, 1:99].mean() - 0.5) < 0.01
    # in class -1 x_1 is the max of two uniforms: mean 2/3
    assert abs(X[:1000, 0].mean() - 2 / 3) < 0.03
    assert abs(X[:1000, 99].mean() - 1 / 3) < 0.03


def test_sample_is_seeded():
    a, _ = sample(5, seed=3)
    b, _ = sample(5, seed=3)
    c, _ = sample(5, seed=4)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


# ------------------------------------------------------------------ students


def test_dense_fit_solves_normal_equations(data):
    X, y = data
    alpha = fit_dense(X, y)
    assert alpha.shape == (100,)
    np.testing.assert_allclose(X.T @ X @ alpha, X.T @ y, atol=1e-8)
    # the dense model leans on x_1 and x_100 and spreads small weights elsewhere
    assert alpha[0] < -1.5 and alpha[99] > 1.5
    assert np.abs(alpha[1:99]).max() < 0.5 and np.count_nonzero(alpha[1:99]) == 98


def test_sparse_fit_by_hand_two_by_two(data):
    X, y = data
    a = fit_sparse(X, y)
    Z = X[:, [0, 99]]
    G = Z.T @ Z
    r = Z.T @ y
    det = G[0, 0] * G[1, 1] - G[0, 1] * G[1, 0]
    by_hand = [(G[1, 1] * r[0] - G[0, 1] * r[1]) / det, (G[0, 0] * r[1] - G[1, 0] * r[0]) / det]
    np.testing.assert_allclose(a, by_hand, rtol=1e-10)
    # close to the paper's (4.8): -2.01 x_1 + 1.98 x_100
    assert abs(a[0] + 2.01) < 0.1 and abs(a[1] - 1.98) < 0.1
    assert round_coefficients(a) == [-2, 2]


def test_predict_tie_convention():
    assert predict([-2, 2], [[0.3, 0.3]]).tolist() == [1]
    assert predict([-2, 2], [[0.3, 0.2999]]).tolist() == [-1]


def test_round_coefficients():
    assert round_coefficients([-2.01, 1.98]) == [-2, 2]
    assert round_coefficients(np.array([0.49, -0.51, 3.0])) == [0, -1, 3]


# ------------------------------------------------------------------ the attack


def test_attack_flips_checked_exactly(data):
    X, y = data
    alpha = fit_dense(X, y)
    Xt, yt = sample(300, seed=99)
    res = attack(alpha, Xt)
    s_all = np.where(Xt @ alpha >= 0, 1, -1)
    assert res.correct.tolist() == (s_all == yt).tolist()
    Xc = Xt[res.correct]
    exact_alpha = [Fraction(float(a)) for a in alpha]
    total = sum(abs(a) for a in exact_alpha[1:99])
    for k in range(0, len(Xc), 37):
        x, xh = Xc[k].tolist(), res.x_hat[k].tolist()
        assert xh[0] == x[0] and xh[99] == x[99]  # teacher's coordinates untouched
        v = sum(a * Fraction(c) for a, c in zip(exact_alpha, x))
        vh = sum(a * Fraction(c) for a, c in zip(exact_alpha, xh))
        s = 1 if v >= 0 else -1
        sh = 1 if vh >= 0 else -1
        assert sh == -s  # flipped, in exact arithmetic on the float point x_hat
        # the smallest eps is |alpha^T x| / sum |alpha_i|
        assert abs(res.eps_min[k] - float(abs(v) / total)) <= 1e-12 * max(1, res.eps_min[k])
        # every moved coordinate moved by eps against the label
        moved = np.array(xh[1:99]) - np.array(x[1:99])
        np.testing.assert_allclose(moved, -s * res.eps[k] * np.sign(alpha[1:99]), atol=1e-12)
    assert res.success_rate == 1.0
    assert res.teacher_unchanged.all()
    # just below the bound the label does not flip
    below = Xc.copy()
    below[:, 1:99] += (0.999 * res.eps_min)[:, None] * (-s_all[res.correct][:, None]) * np.sign(alpha[1:99])
    assert (predict(alpha, below) == s_all[res.correct]).mean() > 0.99


def test_attack_inside_and_clipped_by_hand():
    alpha = [-1.0, 0.5, -0.5, 1.0]
    X = [[0.5, 0.5, 0.5, 0.6], [0.9, 0.5, 0.5, 0.1], [0.2, 0.9, 0.1, 0.1]]
    res = attack(alpha, X)
    # point 3: value -0.2 + 0.45 - 0.05 + 0.1 = 0.3 >= 0 -> +1, teacher -1: not attacked
    assert res.correct.tolist() == [True, True, False]
    np.testing.assert_allclose(res.eps_min, [0.1, 0.8])
    assert res.inside.tolist() == [True, False]
    # clipped, point 2 (label -1): x_2 can rise 0.5 and x_3 fall 0.5: at most +0.5 < 0.8
    assert res.clipped_flipped.tolist() == [True, False]
    assert res.clipped_eps_min[1] == np.inf
    assert res.clipped_success_rate == 0.5


def test_clipped_eps_piecewise():
    # label +1, push down: rooms x_2 = 0.3, x_3 = 0.9, weights 1, 1
    alpha = [-1.0, 1.0, 1.0, 0.5]
    res = attack(alpha, [[0.5, 0.3, 0.9, 0.5]])  # value -0.5 + 1.2 + 0.25 = 0.95, tie: +1
    assert res.correct.tolist() == [True]
    assert res.eps_min[0] == pytest.approx(0.95 / 2)
    assert not res.inside[0]  # x_2 = 0.3 - 0.475 < 0
    # g(eps) = min(eps, .3) + min(eps, .9) = 0.6 + (eps - 0.3) = 0.95 at eps = 0.65
    assert res.clipped_eps_min[0] == pytest.approx(0.65)
    assert res.clipped_flipped.tolist() == [True]
    # value 1.7 > max g = 1.2: the clipped attack cannot flip it
    res = attack([-1.0, 1.0, 1.0, 2.0], [[0.5, 0.3, 0.9, 0.5]])
    assert res.clipped_eps_min[0] == np.inf and res.clipped_flipped.tolist() == [False]
    assert res.flipped.tolist() == [True]
    # label -1, push x_2 up (room 0.8) and x_3 down (room 0.3): value -0.7
    res = attack([-1.0, 1.0, -1.0, 1.0], [[0.9, 0.2, 0.3, 0.3]])
    assert res.correct.tolist() == [True]
    assert res.eps_min[0] == pytest.approx(0.35)
    # g(0.3) = 0.6 < 0.7, then slope 1: eps = 0.4
    assert res.clipped_eps_min[0] == pytest.approx(0.4)
    # no clipping needed: the clipped eps is the paper's
    res = attack([-1.0, 1.0, -1.0, 1.0], [[0.9, 0.2, 0.5, 0.3]])  # value -0.9, rooms .8, .5
    assert res.clipped_eps_min[0] == pytest.approx(0.45) == res.eps_min[0]
    assert res.inside.tolist() == [True]


# ------------------------------------------------------------------ exact robustness


def _plain_grid(coefs, n):
    """Disagreements on {0, 1/n, ..., 1}^2 by a plain double loop with Fractions."""
    a, b = (Fraction(c) for c in coefs)
    bad = []
    for j in range(n + 1):
        for i in range(n + 1):
            x1, x2 = Fraction(i, n), Fraction(j, n)
            if (1 if x1 <= x2 else -1) != (1 if a * x1 + b * x2 >= 0 else -1):
                bad.append((x1, x2))
    return bad


def _hand_check(coefs, point):
    """Teacher and student labels of a 2-d point, by hand with Fractions."""
    a, b = (Fraction(c) for c in coefs)
    x1, x2 = point
    value = a * x1 + b * x2
    return (1 if x1 <= x2 else -1), (1 if value >= 0 else -1), value


def test_paper_witness_and_its_scaled_version():
    # the paper's (1, 1.01) is outside [0,1]^2; scaled by 1/1.01 it is inside
    t, s, v = _hand_check(PAPER_SPARSE_COEFFICIENTS, (Fraction(100, 101), Fraction(1)))
    # by hand: -2.01 * 100/101 + 1.98 = (-20100 + 19998) / 10100
    assert (t, s) == (1, -1) and v == Fraction(-102, 10100)
    w = disagreement_witness(PAPER_SPARSE_COEFFICIENTS)
    assert w.point == (Fraction(67, 68), Fraction(1))
    # by hand: -2.01 * 67/68 + 1.98 = (-134.67 + 134.64) / 68 = -0.03 / 68
    assert w.value == Fraction(-3, 6800)
    assert (w.teacher_label, w.student_label) == (1, -1)
    # 67/68 is the simplest: every p/q with q <= 67 in (66/67, 1) would be needed
    assert all(not (Fraction(66, 67) < Fraction(p, q) < 1)
               for q in range(1, 68) for p in range(q + 1))


def test_sparse_witness_exact_on_fitted_coefficients(data):
    X, y = data
    a = fit_sparse(X, y)
    w = disagreement_witness(a)
    assert w is not None
    exact = [Fraction(float(c)) for c in a]  # the exact binary values
    t, s, v = _hand_check(exact, w.point)
    assert t != s and v == w.value
    assert all(0 <= q <= 1 for q in w.point) and w.point[0] != w.point[1]  # not a tie


@pytest.mark.parametrize(
    "coefs, robust",
    [
        ([-2, 2], True),
        ([-1, 1], True),
        ([Fraction(-1, 3), Fraction(1, 3)], True),
        ([-2, 0, 0, 2], True),
        ([2, -2], False),
        ([0, 0], False),
        ([-2, Fraction(199, 100)], False),
        ([-2, Fraction(201, 100)], False),
        ([-2, 3], False),
        ([-3, 2], False),
        ([1, 5], False),
        ([-2, Fraction(1, 1000), 2], False),
        ([-2, Fraction(-1, 1000), 2], False),
        ([-2, 0.0, 2.0], True),
    ],
)
def test_witness_and_verdicts_agree(coefs, robust):
    w = disagreement_witness(coefs)
    assert (w is None) == robust
    assert is_strongly_robust_on_box(coefs) == robust
    assert symbolic_strongly_robust(coefs) == robust
    if w is not None:
        exact = [Fraction(c) for c in coefs]
        value = sum(c * q for c, q in zip(exact, w.point))
        assert value == w.value
        t = 1 if w.point[0] <= w.point[-1] else -1
        s = 1 if value >= 0 else -1
        assert t == w.teacher_label and s == w.student_label and t != s
        assert all(0 <= q <= 1 for q in w.point) and w.point[0] != w.point[-1]


def test_witness_against_brute_force_grid():
    """The exact verdict agrees with a brute-force rational grid search on random models."""
    rng = np.random.default_rng(5)
    for _ in range(40):
        a, b = (Fraction(int(k), 4) for k in rng.integers(-8, 9, size=2))
        count = grid_check([a, b], 12).n_adversarial
        assert count == len(_plain_grid([a, b], 12))
        w = disagreement_witness([a, b])
        if count:
            assert w is not None
        if w is None:
            assert count == 0 and a < 0 and b == -a


def test_rounded_model_of_the_dense_student_is_strongly_robust(data):
    X, y = data
    rounded = round_coefficients(fit_dense(X, y))
    assert rounded == [-2] + [0] * 98 + [2]
    assert is_strongly_robust_on_box(rounded) and symbolic_strongly_robust(rounded)
    assert not is_strongly_robust_on_box(fit_dense(X, y))


def test_grid_check_against_plain_enumeration(data):
    r = grid_check([Fraction(-201, 100), Fraction(198, 100)], 10)
    # on the grid: x_1 <= x_100 and 1.98 x_100 < 2.01 x_1 only on the diagonal x_1 = x_100 > 0
    assert not r and r.n_adversarial == 10 and r.witness_point == (Fraction(1, 10),) * 2
    assert (r.teacher_label, r.student_label) == (1, 0)  # the framework's 0/1 labels
    assert bool(grid_check([-2, 2], 30)) and grid_check([-2, 2], 30).n_adversarial == 0
    # independent count with integers: on (i/n, j/n), student +1 iff -2i + 3j >= 0
    i, j = np.meshgrid(np.arange(9), np.arange(9), indexing="ij")
    expected = int(((np.where(i <= j, 1, -1)) != np.where(-2 * i + 3 * j >= 0, 1, -1)).sum())
    assert expected > 0 and grid_check([-2, 3], 8).n_adversarial == expected
    # the fitted sparse student, exact binary coefficients: the plain loop agrees
    a = fit_sparse(*data)
    bad = _plain_grid([Fraction(float(c)) for c in a], 40)
    r = grid_check(a, 40)
    assert r.n_adversarial == len(bad)
    assert r.witness_point == (bad[0] if bad else None)


# ------------------------------------------------------------------ run and figure


def test_run_writes_json_and_figure(summary):
    r, out = summary
    data = json.loads((out / "example_4_1.json").read_text())
    assert (out / "figure_4_1.png").stat().st_size > 10_000
    assert len(data["dense_coefficients"]) == 100
    assert len(data["sparse_coefficients"]) == 2
    assert data["rounded_coefficients"] == [-2, 2]
    assert data["attack_success_rate"] == 1.0
    assert data["rounded_strongly_robust"] is True
    assert data["rounded_symbolic_proof"] is True
    assert data["sparse_strongly_robust"] is False
    assert data["grid_check"]["rounded_disagreements"] == 0
    assert data["grid_check"]["rounded_strongly_robust"] is True
    assert data["grid_check"]["sparse_disagreements"] > 0
    assert data["paper_sparse_witness"]["point"] == ["67/68", "1"]
    assert data == json.loads(json.dumps(r))
    # the sparse witness in the JSON is exact on the exact sparse coefficients
    exact = [Fraction(q) for q in data["sparse_coefficients_exact"]]
    assert exact == [Fraction(c) for c in data["sparse_coefficients"]]
    point = [Fraction(q) for q in data["sparse_witness"]["point"]]
    t, s, _ = _hand_check(exact, point)
    assert t != s


def test_figure_4_1_content(tmp_path):
    alpha = np.linspace(-1, 1, 100)
    x = np.zeros((2, 100))
    x[1, 99] = 1.0                      # alpha . x = 0 and 1: both +1
    x_hat = np.zeros((2, 100))
    x_hat[0, 0] = 1.0                   # alpha . x_hat = -1
    x_hat[1] = 1 - x[1]                 # alpha . x_hat = 0 - 1
    fig = ex.plot_figure_4_1(alpha, x, x_hat, tmp_path / "f.png", ["first", "second"])
    assert (tmp_path / "f.png").stat().st_size > 1000
    bars, *images = fig.axes
    heights = [p.get_height() for p in bars.patches]
    assert heights[:100] == list(alpha) and heights[100:] == [alpha[0], alpha[-1]]
    # top row the points, bottom row their attacked versions, as 10 x 10 images row by row
    # each tile names the teacher's label and the student's
    assert [a.get_title() for a in images] == ["x\nteacher +1, student +1", "x_hat\nteacher -1, student -1",
                                               "x\nteacher +1, student +1", "x_hat\nteacher -1, student -1"]
    assert np.array_equal(images[2].get_images()[0].get_array(), x[1].reshape(10, 10))
    assert images[2].get_images()[0].get_array()[9, 9] == 1.0
    assert [images[1].get_xlabel(), images[3].get_xlabel()] == ["first", "second"]


def test_run_is_seeded():
    a = ex.run(seed=1, n_per_class=100, n_test_per_class=100, grid_n=3)
    b = ex.run(seed=1, n_per_class=100, n_test_per_class=100, grid_n=3)
    c = ex.run(seed=2, n_per_class=100, n_test_per_class=100, grid_n=3)
    assert a == b and a["dense_coefficients"] != c["dense_coefficients"]


@pytest.mark.parametrize(
    "call, exc, words",
    [
        (lambda: sample(0), InvalidArgument, "n_per_class=0"),
        (lambda: sample(2.5), InvalidType, "n_per_class=2.5"),
        (lambda: sample(3, seed=1.5), InvalidType, "seed=1.5"),
        (lambda: sample(3, seed=-2), InvalidArgument, "seed=-2"),
        (lambda: sample(3, d=1), InvalidArgument, "d=1"),
        (lambda: ex.run(seed=-1), InvalidArgument, "seed=-1"),
        (lambda: ex.run(seed="a"), InvalidType, "seed='a'"),
        (lambda: attack([1.0] * 4, [[0.1, 0.2, 0.3]]), InvalidArgument, "coefficients"),
        (lambda: attack([1.0] * 2, [[0.1, 0.2]]), InvalidArgument, "d >= 3"),
        (lambda: attack([1.0, 0.0, 1.0], [[0.1, 0.2, 0.3]]), InvalidArgument, "alpha_2"),
        (lambda: attack([1.0, 1.0, 1.0], [[0.1, 0.2, 0.3]], margin=0), InvalidArgument, "margin=0"),
        (lambda: disagreement_witness([1]), InvalidArgument, "at least 2"),
        (lambda: disagreement_witness("ab"), InvalidType, "coefficients"),
        (lambda: disagreement_witness([1, "x"]), InvalidType, "coefficients"),
        (lambda: disagreement_witness([1, float("nan")]), InvalidArgument, "finite"),
        (lambda: grid_check([1, 2, 3]), InvalidArgument, "two coefficients"),
        (lambda: grid_check([1, 2], 0), InvalidArgument, "n=0"),
        (lambda: teacher([[1.0]]), InvalidArgument, "X="),
        (lambda: fit_dense([[1.0, 2.0]], [1.0, 2.0]), InvalidArgument, "y="),
    ],
)
def test_bad_arguments(call, exc, words):
    with pytest.raises(exc, match=words):
        call()


def _plain_sample(n, rng, d=100):
    """Rejection sampling as sample's docstring says, redone by hand: batches of 2n uniform
    points, each kept in the order drawn while its class (-1 iff x_1 > x_d) has fewer than
    n; the class -1 points first."""
    kept = {-1: [], 1: []}
    while min(len(v) for v in kept.values()) < n:
        for row in rng.random((2 * n, d)):
            c = -1 if row[0] > row[-1] else 1
            if len(kept[c]) < n:
                kept[c].append(row)
    return np.array(kept[-1] + kept[1]), np.repeat([-1, 1], n)


def test_cli_example_4_1(tmp_path, capsys):
    """The CLI's JSON and printout against values computed here, not by ex.run: the seed's
    train and test streams (SeedSequence(seed).spawn(2), as run draws them), the least
    squares by the normal equations and by hand (2 x 2), the attack's eps and the clipped
    attack's reach by plain numpy, the witness checked in Fractions."""
    import inspect
    import re

    from finitelearn.cli import main

    assert main(["example", "4.1", "--seed", "4", "--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "example_4_1.json").read_text())
    out = capsys.readouterr().out
    assert data["seed"] == 4 and (tmp_path / "figure_4_1.png").exists()
    train, test = np.random.SeedSequence(4).spawn(2)
    X, y = _plain_sample(1000, np.random.default_rng(train))
    Xt, yt = _plain_sample(1000, np.random.default_rng(test))
    dense = np.linalg.solve(X.T @ X, X.T @ y)
    Z = X[:, [0, 99]]
    G, r = Z.T @ Z, Z.T @ y
    det = G[0, 0] * G[1, 1] - G[0, 1] * G[1, 0]
    sparse = [(G[1, 1] * r[0] - G[0, 1] * r[1]) / det, (G[0, 0] * r[1] - G[1, 0] * r[0]) / det]
    np.testing.assert_allclose(data["dense_coefficients"], dense, rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(data["sparse_coefficients"], sparse, rtol=1e-10)
    assert data["rounded_coefficients"] == [round(a) for a in sparse] == [-2, 2]
    # the attack on the dense student, by the formulas of Section 4.2
    value = Xt @ dense
    s = np.where(value >= 0, 1, -1)
    correct = s == np.where(Xt[:, 0] > Xt[:, 99], -1, 1)
    middle = dense[1:99]
    eps_min = np.abs(value[correct]) / np.abs(middle).sum()
    eps = eps_min * (1 + inspect.signature(ex.attack).parameters["margin"].default)
    moved = Xt[correct][:, 1:99] - (s[correct] * eps)[:, None] * np.sign(middle)[None, :]
    inside = ((moved >= 0) & (moved <= 1)).all(axis=1).mean()
    # clipped: each moved coordinate goes at most to the cube's face, so the most the value
    # can move is sum |alpha_i| room_i; it flips when that reaches |alpha^T x|
    room = np.where(-s[correct][:, None] * np.sign(middle)[None, :] > 0, 1 - Xt[correct][:, 1:99], Xt[correct][:, 1:99])
    clipped = ((room * np.abs(middle)[None, :]).sum(axis=1) >= np.abs(value[correct])).mean()
    assert data["attacked_points"] == int(correct.sum()) and data["attack_success_rate"] == 1.0
    assert data["attack_eps_min"]["median"] == pytest.approx(float(np.median(eps_min)), rel=1e-6)
    assert data["attack_inside_cube_rate"] == pytest.approx(inside, abs=1e-3)
    assert data["attack_clipped_success_rate"] == pytest.approx(clipped, abs=1e-3)
    assert data["test_accuracy"]["dense"] == pytest.approx(float((s == yt).mean()), abs=1e-3)
    # the printout: the same numbers
    m = re.search(r"sparse student: y = (\S+) x_1 \+ (\S+) x_100 \(paper: -2.01, 1.98\); rounded: \[-2, 2\]", out)
    assert m and [float(v) for v in m.groups()] == pytest.approx(sparse, abs=6e-5)
    m = re.search(r"flips 100.0% of (\d+) correctly classified test points \(median eps (\S+); "
                  r"inside the cube (\S+)%; clipped variant (\S+)%\)", out)
    assert m and int(m[1]) == int(correct.sum())
    assert float(m[2]) == pytest.approx(float(np.median(eps_min)), rel=1e-2)
    assert float(m[3]) == pytest.approx(100 * inside, abs=0.1) and float(m[4]) == pytest.approx(100 * clipped, abs=0.1)
    # the printed witness, exact: teacher and student disagree there (the student's exact
    # binary coefficients, those of the JSON, checked against the sparse fit above)
    exact = [Fraction(q) for q in data["sparse_coefficients_exact"]]
    assert [float(q) for q in exact] == pytest.approx(sparse, rel=1e-10)
    m = re.search(r"adversarial example \(exact\): x_1 = (\S+), x_100 = (\S+)\n", out)
    assert m
    t, st_, _ = _hand_check(exact, (Fraction(m[1]), Fraction(m[2])))
    assert t != st_ and all(0 <= Fraction(q) <= 1 for q in m.groups())
    # -2 x_1 + 2 x_100 >= 0 iff x_1 <= x_100: the rounded student is the teacher, so robust
    assert "rounded student strongly robust: True (symbolic proof: True)" in out
    assert data["rounded_strongly_robust"] is True and data["rounded_symbolic_proof"] is True
