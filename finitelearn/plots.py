"""Figures from the records of the experiments, and the one helper that writes figures.

Every figure the package draws is a :class:`matplotlib.figure.Figure` made directly, never
through ``pyplot`` and never by switching the backend: a notebook keeps its backend, and
the returned Figure displays there.  matplotlib is imported inside the functions, so
``import finitelearn`` does not import it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from .validation import fail, fail_type

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_scaling", "save_figure", "STUDENT_LABELS"]

STUDENT_LABELS = {
    "candidate-testing": "SQ: candidate testing (feature query h = f_S' per candidate)",
    "coordinate-correlations": "SQ: coordinate correlations E[x_i T(x)]",
    "random-features": "SQ: random Boolean features h",
    "greedy": "SQ: greedy (agreement with a majority of parities)",
    "paper-d+1": "data: the paper's learner T(0), T(e_1), ..., T(e_d)",
    "optimal": "data: most even split (optimal)",
    "gf2-elimination": "data: random points + GF(2) elimination",
}


def save_figure(fig: Any, path: str | os.PathLike[str], **savefig_kwargs: Any) -> Path:
    """Write ``fig`` to ``path``, creating the parent folder; return ``path`` as a Path.

    The format follows the suffix (``.png``, ``.pdf``, ``.svg``, ...).  Keyword arguments
    go to :meth:`matplotlib.figure.Figure.savefig` (``dpi``, ``bbox_inches``, ...).  The
    figure is written through its own canvas: the backend and pyplot are left alone.

    >>> import tempfile, pathlib
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1))
    >>> out = save_figure(fig, pathlib.Path(tempfile.mkdtemp()) / "new" / "f.png", dpi=50)
    >>> out.read_bytes()[:4] == b"\\x89PNG"
    True
    """
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        raise fail_type("fig", fig, "a matplotlib.figure.Figure")
    if not isinstance(path, (str, os.PathLike)) or not str(path).strip():
        raise fail_type("path", path, "a file path such as 'out/figure.png'")
    out = Path(path)
    if out.is_dir():
        raise fail("path", str(path), "a file path (this path is a folder; add a file name such as scaling.png)")
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, **savefig_kwargs)
    return out


def _as_dicts(records: Sequence[Any]) -> list[dict]:
    from dataclasses import asdict, is_dataclass

    from .records import validate_record

    if isinstance(records, (str, bytes, dict)) or not isinstance(records, Iterable):
        raise fail_type("records", records, "a sequence of ScalingRecord objects or dicts read from scaling.json")
    out = []
    for i, r in enumerate(records):
        if is_dataclass(r) and not isinstance(r, type):
            r = asdict(r)
        out.append(validate_record(r, f"records[{i}]"))
    return out


def plot_scaling(records: Sequence[Any], path: str | os.PathLike[str] | None = None,
                 title: str | None = None) -> Figure:
    """Query counts against d on a log axis: SQ students against the Parseval lower bound,
    data-query students against the paper's d + 1 (Theorems 4.2 and 4.3).

    Filled markers: the student identified the teacher.  A student that never identifies
    it (its budget ran out, or nothing in its family could rule out a candidate) is drawn
    thin, with a cross at the queries it asked before it stopped and a note saying so: its
    count is not a number of queries to identify.  Records of several tolerances are
    drawn one panel per tolerance; the records of one tolerance must share one responder.
    The legend sits below the panels, so it does not squeeze them.

    Parameters
    ----------
    records : sequence of ScalingRecord or dict
    path : path, optional
        The PNG to write (130 dpi, cropped to the drawing; the folder is created).
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
        The figure (not registered with pyplot; a notebook displays it).

    Examples
    --------
    >>> import finitelearn as fl
    >>> recs = fl.run_scaling([2, 3], "1/8", ["greedy", "paper-d+1"], progress=False)
    >>> fig = plot_scaling(recs)
    >>> len(fig.axes), fig.axes[0].get_yscale()
    (1, 'log')
    """
    from fractions import Fraction

    from matplotlib.figure import Figure

    recs = _as_dicts(records)
    if not recs:
        raise fail("records", records, "at least one record")

    def tol_key(t: str) -> tuple:
        try:
            return (0, Fraction(t), t)
        except (ValueError, ZeroDivisionError):
            return (1, Fraction(0), t)

    tols = sorted({r["tolerance"] for r in recs}, key=tol_key)
    for t in tols:
        resp = {r["responder"] for r in recs if r["oracle"] == "sq" and r["tolerance"] == t}
        if len(resp) > 1:
            raise fail("records", f"tolerance {t}: responders {sorted(resp)}",
                       "records of one responder per tolerance (one run per tolerance)")
    k = len(tols)
    fig = Figure(figsize=(6.4 * k if k > 1 else 9.5, 8.2))
    axes = fig.subplots(1, k, sharey=True, squeeze=False)[0]
    for ax, t in zip(axes, tols):
        _draw_scaling_panel(ax, [r for r in recs if r["tolerance"] == t], t, title if k == 1 else None)
    if title and k > 1:
        fig.suptitle(title, fontsize=11)
    axes[0].set_ylabel("queries asked (until one teacher is left, or until the student stopped)")
    # one legend for every panel, below them
    seen: dict[str, Any] = {}
    for ax in axes:
        for h, lab in zip(*ax.get_legend_handles_labels()):
            seen.setdefault(lab, h)
    from matplotlib.lines import Line2D

    seen.setdefault("filled marker: teacher identified", Line2D([], [], marker="o", color="black", ls=""))
    seen.setdefault(NEVER_NOTE, Line2D([], [], marker="x", color="black", ls="", ms=7))
    fig.legend(list(seen.values()), list(seen.keys()), loc="lower center", ncol=2, fontsize=8, frameon=False)
    rows = (len(seen) + 1) // 2
    fig.tight_layout(rect=(0, min(0.03 + 0.021 * rows, 0.45), 1, 1))
    if path is not None:
        save_figure(fig, path, dpi=130, bbox_inches="tight")
    return fig


NEVER_NOTE = "cross: stopped without identifying the teacher (budget, or no query could rule one out)"


def _draw_scaling_panel(ax: Any, recs: list[dict], tol: str, title: str | None) -> None:
    resp = {r["responder"] for r in recs if r["oracle"] == "sq"}
    responder = resp.pop() if resp else None
    ds = sorted({int(r["d"]) for r in recs})
    sq_colors = ["tab:red", "tab:orange", "tab:brown", "tab:purple", "tab:pink"]
    mq_colors = ["tab:blue", "tab:green", "tab:cyan", "tab:olive"]
    names = list(dict.fromkeys(r["student"] for r in recs))
    markers = "osD^v<>p"
    ci = {"sq": 0, "membership": 0}
    for k, name in enumerate(names):
        rs = sorted((r for r in recs if r["student"] == name), key=lambda r: int(r["d"]))
        kind = rs[0]["oracle"]
        palette = sq_colors if kind == "sq" else mq_colors
        color = palette[ci[kind] % len(palette)]
        ci[kind] += 1
        x = [int(r["d"]) for r in rs]
        y = [max(int(r["queries"]), 1) for r in rs]
        style = "-" if kind == "sq" else "--"
        label = STUDENT_LABELS.get(name, name)
        never = not any(r["identified"] for r in rs)
        if never:
            label += "  [never identifies]"
        ax.plot(x, y, style, color=color, lw=0.9 if never else 1.8, alpha=0.55 if never else 1.0, label=label,
                zorder=3)
        for xi, yi, r in zip(x, y, rs):
            if r["identified"]:
                ax.plot([xi], [yi], markers[k % len(markers)], color=color, ms=6, zorder=4)
            else:
                ax.plot([xi], [yi], "x", color=color, ms=7, mew=1.6, zorder=4)
        if never:
            ax.annotate("never identifies", (x[-1], y[-1]), xytext=(4, -3), textcoords="offset points",
                        fontsize=7, color=color)

    # the bounds
    sq = [r for r in recs if r["oracle"] == "sq"]
    if sq:
        pts = sorted({(int(r["d"]), r["lower_bound"]) for r in sq if r["lower_bound"] is not None})
        if pts:
            ax.plot([p[0] for p in pts], [max(p[1], 1) for p in pts], color="black", lw=2.4, ls=":",
                    label="SQ lower bound (Parseval): each query rules out < 1/(4\u03b1\u00b2) teachers", zorder=2)
        sharp = sorted({(int(r["d"]), r["sharpest_lower_bound"]) for r in sq
                        if r.get("sharpest_lower_bound") is not None
                        and r.get("sharpest_lower_bound") != r["lower_bound"]})
        if sharp:
            ax.plot([p[0] for p in sharp], [max(p[1], 1) for p in sharp], color="black", lw=1.6, ls="--",
                    marker="_", ms=10, label="sharpest known SQ lower bound: ceil((|T|-1) / exact one-query "
                    "maximum) (finitelearn.max_eliminations)", zorder=2)
    ax.plot(ds, [d + 1 for d in ds], color="tab:blue", lw=9, alpha=0.18, solid_capstyle="round",
            label="Theorem 4.3: d + 1 data queries", zorder=1)
    ax.plot(ds, [d - 1 for d in ds], color="tab:green", lw=9, alpha=0.18, solid_capstyle="round",
            label="information bound log2|T| = d - 1 (data queries)", zorder=1)
    ax.plot(ds, [2 ** (d - 1) for d in ds], color="gray", lw=9, alpha=0.15, solid_capstyle="round",
            label="number of teachers |T| = 2^(d-1)", zorder=1)

    ax.set_yscale("log")
    ax.set_xticks(ds)
    ax.set_xlabel("d  (teachers f_S on {0,1}^d with 1 \u2208 S, equation (4.3))")
    adversary = "" if responder is None else (
        {"max_consistent": "max-consistent adversary", "null": "null (Parseval) adversary"}.get(responder, ""))
    ax.set_title(title or (
        "Passive vs active teacher: queries to identify a parity teacher\n"
        f"SQ on \u03bd = uniform (tolerance \u03b1 = {tol}, {adversary}) vs data queries"),
        fontsize=10)
    ax.grid(True, which="both", alpha=0.25)
