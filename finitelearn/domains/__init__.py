"""The finite domains X of the paper: the Boolean cube {0,1}^d and rational grids.

One interface (:class:`FiniteDomain`): points indexed ``0 .. size-1``, events, and the
exact l_p distance questions of Section 3.2 (:meth:`FiniteDomain.within`,
:meth:`FiniteDomain.closest_pair`).  Everything else (functions, distributions,
teachers, students) is a table over a domain's indices (docs/design.md).

>>> from finitelearn.domains import Cube, Grid, as_domain
>>> as_domain(3), Grid.square(3).size
(Cube(d=3), 9)
"""

from __future__ import annotations

from typing import Any

from ..validation import fail_type
from .base import P_VALUES, FiniteDomain, check_p, check_radius, is_index
from .cube import MAX_D, Cube, bits_to_index, check_fixed, hamming_radius, index_to_bits, points, size
from .grid import MAX_POINTS, Grid

__all__ = [
    "FiniteDomain", "Cube", "Grid", "as_domain", "P_VALUES", "check_p", "check_radius", "is_index",
    "MAX_D", "MAX_POINTS", "points", "index_to_bits", "bits_to_index", "size", "check_fixed",
    "hamming_radius",
]


def as_domain(domain: Any, name: str = "domain") -> FiniteDomain:
    """A :class:`FiniteDomain` from a domain or an int d (meaning :class:`Cube` (d)).

    >>> as_domain(3)
    Cube(d=3)
    """
    if isinstance(domain, FiniteDomain):
        return domain
    if is_index(domain):
        return Cube(int(domain))
    raise fail_type(name, domain, "a finite domain (finitelearn.Cube, finitelearn.Grid) or an int d for {0,1}^d")
