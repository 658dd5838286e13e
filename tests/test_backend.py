"""Drawing a figure leaves matplotlib's backend and pyplot's figure registry alone.

Every figure the package draws is drawn here at its smallest size, under a backend that
is not Agg (as a notebook's would not be): the backend must be the same afterwards, no
figure may be left registered with pyplot, and each file written must be a PNG of the
pixel size the code fixes (the scaling plot is cropped to its drawing, so only nonzero).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import matplotlib
import matplotlib.image as mpimg
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from finitelearn.experiments import run_scaling, scaling_command
from finitelearn.paper import example_4_1, example_4_2, figure_3_2
from finitelearn.plots import plot_scaling

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SCRIPT_3_2 = Path(__file__).resolve().parents[1] / "scripts" / "figure_3_2.py"


@pytest.fixture
def svg_backend():
    """Switch to the non-Agg "svg" backend for the test; restore the previous one after."""
    before = matplotlib.get_backend()
    plt.close("all")
    matplotlib.use("svg")
    assert matplotlib.get_backend() == "svg"
    yield "svg"
    plt.close("all")
    matplotlib.use(before)


def _scaling(tmp_path):
    recs = run_scaling([2, 3], "1/8", ["greedy", "paper-d+1"], progress=False)
    return plot_scaling(recs, tmp_path / "sub" / "scaling.png"), {"sub/scaling.png": None}


def _scaling_command(tmp_path):
    import io

    scaling_command(2, 3, "1/8", tmp_path, students="paper-d+1", progress=False, stream=io.StringIO())
    return None, {"scaling.png": None}


def _figure_3_2(tmp_path):  # both panels, left and right, in one figure
    return figure_3_2.plot_figure_3_2(5, tmp_path / "fig_3_2.png"), {"fig_3_2.png": (648, 1200)}


def _figure_3_2_script(tmp_path):
    spec = importlib.util.spec_from_file_location("figure_3_2_script", SCRIPT_3_2)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.main(["--n", "5", "--ns", "5", "--out", str(tmp_path / "f")])  # --out is a folder
    return None, {"f/figure_3_2.png": (648, 1200)}


def _figure_4_1(tmp_path):
    x = np.full((2, 100), 0.25)
    fig = example_4_1.plot_figure_4_1(np.linspace(-1, 1, 100), x, x + 0.5, tmp_path / "fig_4_1.png",
                                      ["a", "b"])
    return fig, {"fig_4_1.png": (504, 816)}  # (3.2 + 1.8 * 2) x 4.2 inches at 120 dpi


def _example_4_1_run(tmp_path):
    example_4_1.run(seed=0, out=tmp_path, n_per_class=100, n_test_per_class=100, grid_n=3, n_examples=1)
    return None, {"figure_4_1.png": (504, 600)}  # (3.2 + 1.8) x 4.2 inches at 120 dpi


def _figure_4_3(tmp_path):
    csv = tmp_path / "records.csv"
    csv.write_text(
        "student,seed,step,epoch,examples_seen,train_loss,test_accuracy,"
        "adversarial_accuracy,elapsed_seconds\n"
        "plain,0,0,0.0,0,nan,0.5,0.5,0.0\n"
        "plain,0,1,1.0,50,0.7,0.9,0.2,0.1\n")
    recs = example_4_2.read_records(csv)
    fig = example_4_2.plot_figure_4_3({"plain": recs, "filtered": recs}, tmp_path / "fig_4_3.png")
    return fig, {"fig_4_3.png": (480, 1200)}


DRAWINGS = [_scaling, _scaling_command, _figure_3_2, _figure_3_2_script, _figure_4_1, _example_4_1_run,
            _figure_4_3]


@pytest.mark.parametrize("draw", DRAWINGS, ids=lambda f: f.__name__.lstrip("_"))
def test_drawing_keeps_the_backend_and_leaks_no_figure(draw, svg_backend, tmp_path):
    fig, files = draw(tmp_path)
    assert matplotlib.get_backend() == svg_backend
    assert plt.get_fignums() == []
    if fig is not None:
        assert isinstance(fig, Figure) and fig.canvas.manager is None
    for name, size in files.items():
        path = tmp_path / name
        data = path.read_bytes()
        assert data[:8] == PNG_MAGIC and len(data) > 1000
        img = mpimg.imread(path)
        assert img.ndim == 3 and img.shape[0] > 0 and img.shape[1] > 0
        if size is not None:
            assert img.shape[:2] == size


def test_figure_3_2_script_refuses_a_file_as_out(tmp_path):
    spec = importlib.util.spec_from_file_location("figure_3_2_script", SCRIPT_3_2)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    (tmp_path / "file").write_text("")
    with pytest.raises(SystemExit):
        script.main(["--n", "5", "--ns", "5", "--out", str(tmp_path / "file")])
    script.main(["--n", "5", "--ns", "5", "--out", str(tmp_path / "new" / "dir")])
    assert sorted(p.name for p in (tmp_path / "new" / "dir").iterdir()) == ["figure_3_2.json", "figure_3_2.png"]


def test_figure_4_1_tiles_carry_both_labels():
    x = np.zeros((1, 100))
    x[0, 0], x[0, -1] = 0.2, 0.8       # teacher +1
    alpha = -np.ones(100)              # student -1 on it
    fig = example_4_1.plot_figure_4_1(alpha, x, x)
    titles = [ax.get_title() for ax in fig.axes[1:]]
    assert titles == ["x\nteacher +1, student -1", "x_hat\nteacher +1, student -1"]
