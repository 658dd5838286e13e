"""A sphinx-gallery image scraper for figures made without pyplot.

finitelearn draws on :class:`matplotlib.figure.Figure` objects that are never registered
with pyplot (a notebook keeps its backend; see ``docs/design.md``), so sphinx-gallery's
own matplotlib scraper, which walks ``pyplot.get_fignums()``, sees none of them.  This one
looks for Figure objects among the example's global names after each code block and
writes every one it has not written before.
"""

from __future__ import annotations

from pathlib import Path

_seen: dict[str, set[int]] = {}


def figure_scraper(block, block_vars, gallery_conf) -> str:
    from matplotlib.figure import Figure
    from sphinx_gallery.scrapers import figure_rst

    src = str(block_vars.get("src_file", ""))
    seen = _seen.setdefault(src, set())
    figures = [v for v in block_vars["example_globals"].values() if isinstance(v, Figure) and id(v) not in seen]
    paths = []
    for fig, image_path in zip(figures, block_vars["image_path_iterator"]):
        seen.add(id(fig))
        fig.savefig(image_path, dpi=80, bbox_inches="tight")
        paths.append(image_path)
    return figure_rst(paths, gallery_conf["src_dir"]) if paths else ""
