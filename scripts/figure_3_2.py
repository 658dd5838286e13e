"""Reproduce Fig. 3.2 of Ma & Ying exactly on grids, and the convergence of the grey area.

Writes, in order, into the folder ``--out``:

1. ``figure_3_2.json`` -- for each n in ``--ns`` (n = 4m + 1 by default): the exact grey mass
   of the left panel under the uniform distribution on the grid (and on the confident
   points), its distance to the continuum values 1/16 and 1/8, the left student's squared
   l_2 margin and the right student's, and whether each student is strongly robust.
   Rows already in the file are reused (the script resumes).
2. ``figure_3_2.png`` -- both panels drawn from the exact grid objects at ``--n``.

There is no randomness here, hence no ``--seed``.

Usage::

    python scripts/figure_3_2.py --n 81 --out out/figure_3_2
"""

from __future__ import annotations

import argparse
import json
from fractions import Fraction
from pathlib import Path

from tqdm import tqdm

import finitelearn as fl
from finitelearn.paper import figure_3_2 as fig


def row(n: int) -> dict:
    left, right = fl.paper.figure_3_2_left(n), fl.paper.figure_3_2_right(n)
    g = left.grey_mass()
    gc = left.grey_mass_confident()
    lm, rm = left.l2_margin(), right.l2_margin()
    return {
        "n": n,
        "step": str(left.step),
        "grey_mass_uniform": str(g),
        "grey_mass_uniform_error": str(abs(g - fig.GREY_MASS)),
        "grey_mass_confident": str(gc),
        "grey_mass_confident_error": str(abs(gc - fig.GREY_MASS_CONFIDENT)),
        "left_l2_margin_squared": str(lm.distance_power),
        "left_strongly_robust": bool(fl.is_strongly_robust(left.student, left.teacher)),
        "right_l2_margin_squared": str(rm.distance_power),
        "right_strongly_robust": bool(fl.is_strongly_robust(right.student, right.teacher)),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=81, help="points per axis of the drawn figure")
    ap.add_argument("--ns", type=int, nargs="+", default=[5, 9, 17, 33, 65, 129],
                    help="grid sizes of the convergence table")
    ap.add_argument("--out", default="figure_3_2", metavar="DIR",
                    help="output folder (writes figure_3_2.json and figure_3_2.png; created if missing)")
    args = ap.parse_args(argv)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        ap.error(f"--out {args.out}: a folder is expected, and this is a file")
    out.mkdir(parents=True, exist_ok=True)
    data_path = out / "figure_3_2.json"
    rows = {}
    if data_path.exists():
        rows = {r["n"]: r for r in json.loads(data_path.read_text())["rows"]}
    for n in tqdm(args.ns, desc="grids"):
        if n not in rows:
            rows[n] = row(n)
            data_path.write_text(json.dumps({
                "continuum": {"grey_area": str(fig.GREY_AREA), "grey_mass_uniform": str(fig.GREY_MASS),
                              "grey_mass_confident": str(fig.GREY_MASS_CONFIDENT),
                              "left_l2_margin_squared": str(fig.LEFT_L2_MARGIN_SQUARED)},
                "rows": [rows[k] for k in sorted(rows)],
            }, indent=1))
    for k in sorted(rows):
        r = rows[k]
        print(f"n={k:4d}  grey mass {r['grey_mass_uniform']:>12} "
              f"(error {float(Fraction(r['grey_mass_uniform_error'])):.5f})  "
              f"right l2 margin^2 {r['right_l2_margin_squared']}")
    png = out / "figure_3_2.png"
    fig.plot_figure_3_2(args.n, png)
    print(f"wrote {data_path} and {png}")


if __name__ == "__main__":
    main()
