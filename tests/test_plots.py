"""The scaling figure: written from records, one run per figure, no matplotlib at import;
the one figure-saving helper."""

from __future__ import annotations

import subprocess
import sys

import matplotlib.image as mpimg
import pytest

import finitelearn as fl
from finitelearn.experiments import read_records, run_scaling
from finitelearn.plots import STUDENT_LABELS, plot_scaling, save_figure


def test_plot_from_records_and_from_json(tmp_path):
    recs = run_scaling(range(2, 7), "1/8", out_dir=tmp_path, progress=False)
    fig = plot_scaling(recs, tmp_path / "a.png")
    img = mpimg.imread(tmp_path / "a.png")
    assert img.shape[0] > 400 and img.shape[1] > 800
    plot_scaling(read_records(tmp_path), tmp_path / "b.png")  # dicts from scaling.json
    assert mpimg.imread(tmp_path / "b.png").shape == img.shape
    assert set(STUDENT_LABELS) == set(fl.learners.STUDENTS)
    # the content: one labelled line per student carrying its query counts, and the bounds
    (ax,) = fig.axes
    lines = {ln.get_label(): ln for ln in ax.lines if not ln.get_label().startswith("_")}
    for name in fl.learners.STUDENTS:
        rs = sorted((r for r in recs if r.student == name), key=lambda r: r.d)
        (label,) = [k for k in lines if k.startswith(STUDENT_LABELS[name])]
        xs, ys = lines[label].get_data()
        assert list(xs) == [r.d for r in rs] and list(ys) == [max(r.queries, 1) for r in rs]
        assert label.endswith("[never identifies]") == (not any(r.identified for r in rs))
    xs, ys = lines["Theorem 4.3: d + 1 data queries"].get_data()
    assert list(xs) == [2, 3, 4, 5, 6] and list(ys) == [3, 4, 5, 6, 7]
    assert ax.get_yscale() == "log"
    assert "\u03b1 = 1/8" in ax.get_title()


def test_plot_without_a_path_writes_nothing(tmp_path):
    recs = run_scaling([2, 3], "1/8", ["paper-d+1"], progress=False)
    fig = plot_scaling(recs, title="mine")
    assert fig.axes[0].get_title() == "mine" and fig.canvas.manager is None
    assert not list(tmp_path.iterdir())


def test_save_figure_creates_the_folder_and_checks_its_argument(tmp_path):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2, 1))
    out = save_figure(fig, str(tmp_path / "a" / "b" / "f.png"), dpi=50)
    assert out == tmp_path / "a" / "b" / "f.png"
    assert mpimg.imread(out).shape[:2] == (50, 100)
    with pytest.raises(fl.InvalidType, match="fig="):
        save_figure("not a figure", tmp_path / "g.png")
    assert not (tmp_path / "g.png").exists()


def test_one_panel_per_tolerance(tmp_path):
    a = run_scaling([3, 4], "1/8", ["greedy", "paper-d+1"], progress=False)
    b = run_scaling([3, 4], "1/16", ["greedy", "paper-d+1"], progress=False)
    fig = plot_scaling(b + a, tmp_path / "x.png")
    assert len(fig.axes) == 2
    assert ["\u03b1 = 1/16" in ax.get_title() for ax in fig.axes] == [True, False]  # sorted by alpha
    assert "\u03b1 = 1/8" in fig.axes[1].get_title()
    assert len(fig.legends) == 1  # one legend for both panels, below them
    c = run_scaling([3], "1/8", ["greedy"], responder="null", progress=False)
    with pytest.raises(fl.InvalidArgument, match="one responder per tolerance"):
        plot_scaling(a + c, tmp_path / "y.png")


def test_legend_below_does_not_squeeze_the_axes():
    recs = run_scaling([2, 3, 4], "1/8", progress=False)
    fig = plot_scaling(recs)
    fig.canvas.draw()
    (ax,) = fig.axes
    (legend,) = fig.legends
    box = ax.get_position()
    assert box.width > 0.8  # the axes keep the figure's width
    assert legend.get_window_extent().y1 <= ax.get_tightbbox().y0 + 1  # the legend is below the axes
    assert "or until the student stopped" in ax.get_ylabel()


def test_never_identifying_students_are_drawn_as_such():
    recs = run_scaling([2, 3, 4], "1/8", ["candidate-testing", "paper-d+1"], progress=False)
    assert not any(r.identified for r in recs if r.student == "candidate-testing")
    fig = plot_scaling(recs)
    (ax,) = fig.axes
    marks = [ln for ln in ax.lines if ln.get_label().startswith("_") and len(ln.get_xdata()) == 1]
    crosses = [ln for ln in marks if ln.get_marker() == "x"]
    assert len(crosses) == 3 and len(marks) == 6  # one cross per never-identified run
    assert [t.get_text() for t in ax.texts] == ["never identifies"]
    labels = fig.legends[0].get_texts()
    assert any("cross: stopped without identifying" in t.get_text() for t in labels)


def test_bad_records_are_refused(tmp_path):
    with pytest.raises(fl.InvalidArgument, match="at least one record"):
        plot_scaling([], tmp_path / "x.png")
    with pytest.raises(fl.InvalidType, match=r"records\[0\]="):
        plot_scaling([3], tmp_path / "x.png")


def test_importing_finitelearn_does_not_import_matplotlib():
    code = "import sys, finitelearn, finitelearn.experiments; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_sharpest_known_bound_is_drawn_next_to_parseval_where_it_is_sharper():
    """At d = 4, alpha = 1/8 against max-consistent one query rules out at most 3 of 8 teachers
    (tests/test_sq_complexity.py enumerates it), so ceil(7/3) = 3 queries, above Parseval's 1."""
    import finitelearn as fl

    recs = fl.run_scaling([3, 4], "1/8", ["greedy"], progress=False)
    by_d = {r.d: r for r in recs}
    assert by_d[4].sharpest_lower_bound == 3 and by_d[4].lower_bound == 1
    assert "r <= 3" in by_d[4].sharpest_lower_bound_source
    fig = fl.plot_scaling(recs)
    lines = [ln for ax in fig.axes for ln in ax.get_lines() if "sharpest" in str(ln.get_label())]
    assert len(lines) == 1 and list(lines[0].get_ydata()) == [by_d[d].sharpest_lower_bound for d in (3, 4)]
    assert all(r.sharpest_lower_bound >= r.lower_bound for r in recs)
