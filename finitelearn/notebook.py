"""Rich representations for notebooks: what a user inspects, as a Markdown table.

Jupyter shows an object's ``_repr_markdown_`` when it has one; the classes a user looks
at (a :class:`finitelearn.Distribution`, a learning result, an oracle's transcript, the
records of a scaling run, a proofs_check report) define it through :func:`markdown_table`.

>>> print(markdown_table(["x", "P(x)"], [["(0, 0)", "1/2"], ["(1, 1)", "1/2"]]))
| x | P(x) |
|---|---|
| (0, 0) | 1/2 |
| (1, 1) | 1/2 |
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

__all__ = ["markdown_table", "MAX_ROWS"]

#: Rows shown before the table is cut (with a line saying how many were left out).
MAX_ROWS = 20


def _cell(v: Any) -> str:
    return str(v).replace("|", "\\|").replace("\n", " ")


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "",
                   total: int | None = None) -> str:
    """A Markdown table of at most :data:`MAX_ROWS` rows (``total``: how many there are in all).

    >>> print(markdown_table(["d", "queries"], [(2, 3), (3, 4)], title="paper-d+1"))
    **paper-d+1**
    <BLANKLINE>
    | d | queries |
    |---|---|
    | 2 | 3 |
    | 3 | 4 |
    """
    rows = list(rows)
    lines = [f"**{title}**", ""] if title else []
    lines.append("| " + " | ".join(_cell(h) for h in headers) + " |")
    lines.append("|" + "---|" * len(headers))
    for r in rows[:MAX_ROWS]:
        lines.append("| " + " | ".join(_cell(v) for v in r) + " |")
    n = len(rows) if total is None else total
    if n > MAX_ROWS:
        lines.append(f"\n({n - MAX_ROWS} more rows not shown)")
    return "\n".join(lines)
