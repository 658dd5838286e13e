"""The scaling figure: written from records, one run per figure, no matplotlib at import."""

from __future__ import annotations

import subprocess
import sys

import matplotlib.image as mpimg
import pytest

import finitelearn as fl
from finitelearn.experiments import read_records, run_scaling
from finitelearn.plots import STUDENT_LABELS, plot_scaling


def test_plot_from_records_and_from_json(tmp_path):
    recs = run_scaling(range(2, 7), "1/8", out_dir=tmp_path, progress=False)
    png = plot_scaling(recs, tmp_path / "a.png")
    img = mpimg.imread(png)
    assert img.shape[0] > 400 and img.shape[1] > 800
    png2 = plot_scaling(read_records(tmp_path), tmp_path / "b.png")  # dicts from scaling.json
    assert mpimg.imread(png2).shape == img.shape
    assert set(STUDENT_LABELS) == set(fl.learners.STUDENTS)


def test_one_run_per_figure(tmp_path):
    a = run_scaling([3], "1/8", ["greedy"], progress=False)
    b = run_scaling([3], "1/16", ["greedy"], progress=False)
    with pytest.raises(fl.InvalidArgument, match="one tolerance"):
        plot_scaling(a + b, tmp_path / "x.png")
    with pytest.raises(fl.InvalidArgument, match="at least one record"):
        plot_scaling([], tmp_path / "x.png")
    with pytest.raises(fl.InvalidType, match="records="):
        plot_scaling([3], tmp_path / "x.png")


def test_importing_finitelearn_does_not_import_matplotlib():
    code = "import sys, finitelearn, finitelearn.experiments; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
