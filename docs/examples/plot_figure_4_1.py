"""
Fig. 4.1: a dense least-squares student and its adversarial examples
=====================================================================

Example 4.1 with 200 training points per class: the least-squares coefficients spread
over all 100 coordinates, and the paper's attack moves the middle coordinates only, so
the teacher's label (x_1 against x_100) stays while the student's flips.
"""

import numpy as np

from finitelearn.paper import example_4_1 as ex

X, y = ex.sample(200, seed=0)
alpha = ex.fit_dense(X, y)
Xt, _ = ex.sample(100, seed=1)
res = ex.attack(alpha, Xt)
ok = np.nonzero(res.flipped & res.inside)[0][:2]
originals = Xt[res.correct][ok]
print("attack success rate:", res.success_rate)
fig = ex.plot_figure_4_1(alpha, originals, res.x_hat[ok],
                         captions=[f"eps = {res.eps[j]:.3g}" for j in ok])
