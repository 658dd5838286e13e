"""Progress bars for the long loops that call back into Python (tabulating a user's rule).

Tabulating a callable on {0,1}^d calls it 2^d times from Python: about a minute per
2^25 points.  Those loops show a tqdm bar once they are long enough to be noticed, and a
Ctrl-C stops them at once with nothing half-built (the table is only returned whole).

>>> list(points_with_progress(3, "tabulating", progress=False))
[0, 1, 2]
"""

from __future__ import annotations

from typing import Any, Iterator

from .validation import check_bool

__all__ = ["points_with_progress", "AUTO_THRESHOLD"]

#: From this many points on, ``progress=None`` shows a bar.
AUTO_THRESHOLD = 1 << 18


def points_with_progress(n: int, desc: str, progress: Any = None) -> Iterator[int]:
    """``range(n)``, with a tqdm bar when ``progress`` is True, or None and n is large."""
    show = n >= AUTO_THRESHOLD if progress is None else check_bool(progress, "progress")
    if not show:
        return iter(range(n))
    from tqdm.auto import tqdm

    return iter(tqdm(range(n), desc=desc, unit="pt", unit_scale=True, mininterval=0.5))
