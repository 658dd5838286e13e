"""
Fig. 3.2: two students of a teacher with an uncertain region
============================================================

Both panels of Fig. 3.2, exact on a rational grid with 33 points per axis (the paper's
continuum is the limit n -> infinity). Left: an l2-robust student that is not strongly
robust (the grey adversarial examples have mass -> 1/16). Right: a strongly robust
student whose l2 margin shrinks with the grid step.
"""

import finitelearn as fl
from finitelearn.paper.figure_3_2 import plot_figure_3_2

left = fl.paper.figure_3_2_left(33)
print("grey mass on the grid:", left.grey_mass(), "~", float(left.grey_mass()))
fig = plot_figure_3_2(33)
