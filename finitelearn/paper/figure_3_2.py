"""The two examples of Fig. 3.2 (Ma & Ying, Sections 3.2 and 3.3), exact on a grid.

Both panels live on X = [-1,1]^2, discretised by :class:`finitelearn.Grid` with ``n``
points per axis (step h = 2/(n-1)).  Labels: A = 1, B = 0 (finitelearn.teacher).

Left panel -- "l_2 robust model may not be adversarially robust".
    Teacher: A if x_1 >= 1/2, B if x_1 <= -1/2, U otherwise (Section 3.2).
    mu: uniform on the grid points of [1/2,1]^2 u [-1,-1/2]^2.
    Student: the max-margin separator of supp(mu), boundary x_1 + x_2 = 0:
    S = A iff x_1 + x_2 >= 0 (boundary points get A, the LinearStudent convention).
    The adversarial examples (the grey area): {x_1 >= 1/2, x_1 + x_2 < 0} and
    {x_1 <= -1/2, x_1 + x_2 >= 0}, two triangles of area 1/8 each.

    The grey area's mass, exactly.  We measure it by Lebesgue measure: the grey area is
    ``GREY_AREA = 1/4``; as a fraction of X = [-1,1]^2 (area 4) it is ``GREY_MASS = 1/16``
    (the mass under the uniform distribution on X, which the grid's uniform distribution
    approximates), and as a fraction of the confident region Omega_A u Omega_B (area 2) it
    is ``GREY_MASS_CONFIDENT = 1/8``.  Under mu it is 0: mu never shows them.  On the grid
    with n = 4m + 1 the uniform mass is exactly (m+1)^2 / (4m+1)^2 (a closed form derived
    in tests/paper/test_figure_3_2.py), which tends to 1/16.

    Claims: not strongly robust (Definition 3.1); l_2 robust (1.1) for every
    delta < 1/sqrt(2) (``LEFT_L2_MARGIN_SQUARED = 1/2``, attained on the grid when
    n = 4m + 1); robust for the l_2 neighbourhood attack of Section 3.2 iff delta < 1
    (every adversarial example is at distance >= 1 from supp(mu), a gap of 1 in x_1 or
    x_2, with equality exactly on the segments {-1/2} x [1/2, 1] and {1/2} x [-1, -1/2),
    straight across from the squares).

Right panel -- "strongly adversarially robust model may not be l_2 robust".
    Teacher (classes in the second and fourth quadrants, no margin; our choice where the
    paper draws only a picture): A if x_1 < 0 < x_2, B if x_2 < 0 < x_1, U otherwise (the
    first and third quadrants and the axes).
    mu: uniform on the confident grid points (the paper does not give mu; the argument
    "we can always find a sample in Omega_A u Omega_B" needs samples near the origin).
    Student: the line through the origin x_2 = x_1, S = A iff x_2 - x_1 >= 0.

    Claims: strongly robust for every n; its l_2 margin on the grid is h (n even) or
    sqrt(2) h (n odd), which tends to 0, so for every delta > 0 the student is not l_2
    robust on fine enough grids (and in the continuum not for any delta > 0).

Examples
--------
>>> import finitelearn as fl
>>> left = fl.paper.figure_3_2_left(9)
>>> bool(fl.is_strongly_robust(left.student, left.teacher))
False
>>> left.grey_mass() == Fraction(3**2, 9**2)   # (m+1)^2/(4m+1)^2 with m = 2
True
>>> bool(fl.lp_robust(left.student, left.mu, "0.7", p=2))
True
>>> right = fl.paper.figure_3_2_right(9)
>>> bool(fl.is_strongly_robust(right.student, right.teacher)), right.l2_margin().distance_power
(True, Fraction(1, 8))
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from ..validation import check_int, fail
from ..distributions import Distribution
from ..domains import Grid
from ..student import LinearStudent
from ..robustness import AdversarialExamples, LpMargin, adversarial_examples, lp_margin
from ..teacher import UNCERTAIN, Teacher

__all__ = [
    "A",
    "B",
    "Figure32Example",
    "figure_3_2_left",
    "figure_3_2_right",
    "GREY_AREA",
    "GREY_MASS",
    "GREY_MASS_CONFIDENT",
    "LEFT_L2_MARGIN_SQUARED",
    "LEFT_L2_ATTACK_RADIUS",
    "plot_figure_3_2",
]

A = 1
B = 0

#: Lebesgue area of the left panel's adversarial region (two triangles of area 1/8).
GREY_AREA = Fraction(1, 4)
#: GREY_AREA / area([-1,1]^2): the mass of the grey area under the uniform distribution on X.
GREY_MASS = Fraction(1, 16)
#: GREY_AREA / area(Omega_A u Omega_B): its mass under the uniform distribution on the confident region.
GREY_MASS_CONFIDENT = Fraction(1, 8)
#: Left panel: squared l_2 distance from supp(mu) to the student's boundary (1/sqrt(2) squared).
LEFT_L2_MARGIN_SQUARED = Fraction(1, 2)
#: Left panel: the l_2 neighbourhood attack reaches an adversarial example iff delta >= 1.
LEFT_L2_ATTACK_RADIUS = Fraction(1)

_HALF = Fraction(1, 2)


@dataclass(frozen=True, eq=False)
class Figure32Example:
    """One panel of Fig. 3.2: the grid, teacher, student and data generator mu.

    >>> left = figure_3_2_left(9)
    >>> left.panel, left.grid.size, left.grid.steps
    ('left', 81, (Fraction(1, 4), Fraction(1, 4)))
    """

    panel: str
    grid: Grid
    teacher: Teacher
    student: LinearStudent
    mu: Distribution

    def adversarial_examples(self) -> AdversarialExamples:
        """The adversarial examples {T != U, S != T} (the grey area).

        >>> len(figure_3_2_left(9).adversarial_examples().indices)
        9
        """
        return adversarial_examples(self.student, self.teacher)

    def uniform(self) -> Distribution:
        """The uniform distribution on every grid point of [-1,1]^2.

        >>> figure_3_2_left(9).uniform().support_size()
        81
        """
        return Distribution.uniform(self.grid)

    def grey_mass(self) -> Fraction:
        """Mass of the adversarial examples under the uniform distribution on the grid.

        >>> figure_3_2_left(9).grey_mass(), figure_3_2_right(9).grey_mass()
        (Fraction(1, 9), Fraction(0, 1))
        """
        return self.adversarial_examples().mass(self.uniform())

    def grey_mass_confident(self) -> Fraction:
        """Mass of the adversarial examples under the uniform distribution on the confident points.

        >>> figure_3_2_left(9).grey_mass_confident()
        Fraction(1, 6)
        """
        conf = Distribution.uniform_on(self.grid, self.teacher.confident_mask())
        return self.adversarial_examples().mass(conf)

    def l2_margin(self) -> LpMargin:
        """The exact l_2 margin of the student on supp(mu) (squared in ``distance_power``).

        >>> m = figure_3_2_left(9).l2_margin()
        >>> m.p, m.distance_power, m.source, m.target
        (2, Fraction(1, 2), 20, 40)
        """
        return lp_margin(self.student, self.mu, 2)

    @property
    def step(self) -> Fraction:
        """The grid step h = 2/(n-1)."""
        return self.grid.steps[0]


def _check_n(n: Any) -> int:
    n = check_int(n, "n")
    if not 2 <= n <= 2001:
        raise fail("n", n, "an int in 2..2001 (points per axis of the grid on [-1,1]^2)")
    return n


def figure_3_2_left(n: int) -> Figure32Example:
    """The left panel of Fig. 3.2 on the grid with ``n`` points per axis (see the module docstring).

    Parameters
    ----------
    n : int
        Points per axis, 2..2001; with n = 4m + 1 the lines x_1 = +-1/2 are on the grid.
        mu needs grid points in the squares, so n >= 3.

    Examples
    --------
    >>> ex = figure_3_2_left(5)
    >>> ex.mu.support_size(), len(ex.teacher.omega(A)), len(ex.adversarial_examples())
    (8, 10, 4)
    """
    n = _check_n(n)
    if n < 3:
        raise fail("n", n, "n >= 3 (mu needs grid points in [1/2,1]^2 and [-1,-1/2]^2)")
    G = Grid.square(n)
    T = Teacher.from_callable(G, lambda x: A if x[0] >= _HALF else B if x[0] <= -_HALF else UNCERTAIN)
    S = LinearStudent(G, (1, 1), 0)
    mu = Distribution.uniform_on(
        G, lambda x: (x[0] >= _HALF and x[1] >= _HALF) or (x[0] <= -_HALF and x[1] <= -_HALF))
    return Figure32Example("left", G, T, S, mu)


def figure_3_2_right(n: int) -> Figure32Example:
    """The right panel of Fig. 3.2 on the grid with ``n`` points per axis (see the module docstring).

    Examples
    --------
    >>> ex = figure_3_2_right(4)                  # points -1, -1/3, 1/3, 1
    >>> ex.teacher((Fraction(-1, 3), Fraction(1, 3))), ex.teacher((Fraction(1, 3), Fraction(1, 3)))
    (1, -1)
    >>> ex.l2_margin().distance_power == ex.step ** 2      # n even: margin h
    True
    """
    n = _check_n(n)
    G = Grid.square(n)
    T = Teacher.from_callable(G, lambda x: A if x[0] < 0 < x[1] else B if x[1] < 0 < x[0] else UNCERTAIN)
    S = LinearStudent(G, (-1, 1), 0)
    mu = Distribution.uniform_on(G, T.confident_mask())
    return Figure32Example("right", G, T, S, mu)


# ---------------------------------------------------------------------------------
# the figure
# ---------------------------------------------------------------------------------


def _draw_panel(ax: Any, ex: Figure32Example, title: str) -> None:
    import matplotlib.colors as mcolors

    G = ex.grid
    n = G.shape[0]
    h = float(ex.step)
    extent = (-1 - h / 2, 1 + h / 2, -1 - h / 2, 1 + h / 2)
    T = ex.teacher.table.reshape(n, n)  # row = x_2 index, column = x_1 index
    regions = np.where(T == A, 1, np.where(T == B, 2, 0))
    cmap = mcolors.ListedColormap(["white", "#9ecae1", "#fdae6b"])
    ax.imshow(regions, origin="lower", extent=extent, cmap=cmap, vmin=0, vmax=2, interpolation="nearest")
    adv = ex.adversarial_examples().mask().reshape(n, n)
    grey = np.zeros((n, n, 4))
    grey[adv] = (0.5, 0.5, 0.5, 1.0)
    ax.imshow(grey, origin="lower", extent=extent, interpolation="nearest")
    supp = np.zeros(G.size, dtype=bool)
    supp[ex.mu.support] = True
    xs = np.linspace(-1, 1, n)
    X1, X2 = np.meshgrid(xs, xs)
    ax.contourf(X1, X2, supp.reshape(n, n).astype(float), levels=[0.5, 1.5], colors="none", hatches=["////"])
    ax.contour(X1, X2, supp.reshape(n, n).astype(float), levels=[0.5], colors="k", linewidths=0.8)
    w1, w2 = (float(v) for v in ex.student.w)
    t = np.linspace(-1, 1, 2)
    ax.plot(t, -w1 * t / w2, color="red", linewidth=2)
    ax.set_xlim(-1, 1)
    ax.set_ylim(-1, 1)
    ax.set_aspect("equal")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(title, fontsize=9)


def plot_figure_3_2(n: int = 81, path: Any = None) -> Any:
    """Draw both panels of Fig. 3.2 from the exact grid objects; save a PNG if ``path``.

    Returns the :class:`matplotlib.figure.Figure` (made without pyplot, the backend left
    alone; the PNG is 1200 x 648 pixels, 120 dpi).  Each panel shows the teacher's regions
    (Omega_A blue, Omega_B orange, Omega_U white), supp(mu) hatched, the student's
    boundary in red and the adversarial examples in grey, with the exact numbers in the
    title.

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "figure_3_2.png")
    >>> fig = plot_figure_3_2(9, path)
    >>> len(fig.axes), os.path.exists(path)
    (2, True)
    """
    from matplotlib.figure import Figure

    from ..plots import save_figure

    left, right = figure_3_2_left(n), figure_3_2_right(n)
    fig = Figure(figsize=(10, 5.4))
    axes = fig.subplots(1, 2)
    lm = left.l2_margin()
    _draw_panel(axes[0], left,
                f"l2 robust (margin {float(lm):.3f}), not strongly robust\n"
                f"grey mass {float(left.grey_mass()):.4f} (continuum 1/16), n={n}")
    rm = right.l2_margin()
    _draw_panel(axes[1], right,
                f"strongly robust, not l2 robust\n"
                f"l2 margin {float(rm):.4f} = grid step scale, -> 0 as n grows, n={n}")
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor="#9ecae1", label=r"$\Omega_A$ (T = A)"),
        Patch(facecolor="#fdae6b", label=r"$\Omega_B$ (T = B)"),
        Patch(facecolor="white", edgecolor="0.6", label=r"$\Omega_U$ (T = U)"),
        Patch(facecolor="0.5", label="adversarial examples"),
        Patch(facecolor="none", edgecolor="k", hatch="////", label=r"supp($\mu$)"),
        Line2D([0], [0], color="red", linewidth=2, label="student's boundary"),
    ]
    fig.legend(handles=handles, loc="lower center", ncol=6, fontsize=8, frameon=False)
    fig.suptitle("Fig. 3.2 (Ma & Ying), exact on a grid", fontsize=11)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    if path is not None:
        save_figure(fig, path, dpi=120)
    return fig
