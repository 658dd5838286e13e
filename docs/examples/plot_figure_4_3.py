"""
Fig. 4.3: accuracy of the CNN students during training (from a short run's CSV)
================================================================================

Example 4.2 trains CNN students with PyTorch (``finitelearn example 4.2``); the figure is
drawn from the records it writes. This page draws it from a small CSV of a short run
shipped beside the script, so that building the docs needs no torch.
"""

from pathlib import Path

from finitelearn.paper import example_4_2

try:
    here = Path(__file__).parent
except NameError:  # run by sphinx-gallery, from the example's folder
    here = Path.cwd()
records = example_4_2.read_records(here / "figure_4_3_records.csv")
by_student = {name: [r for r in records if r.student == name] for name in ("plain", "filtered")}
fig = example_4_2.plot_figure_4_3(by_student)
