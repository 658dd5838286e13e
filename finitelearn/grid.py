"""Deprecated: :class:`Grid` lives in :mod:`finitelearn.domains`, :class:`LinearStudent` in
:mod:`finitelearn.student`.  Kept for one release; importing it warns."""

import warnings

from .domains import Grid
from .student import LinearStudent

warnings.warn("finitelearn.grid is deprecated: use finitelearn.domains.Grid and finitelearn.student.LinearStudent",
              DeprecationWarning, stacklevel=2)

__all__ = ["Grid", "LinearStudent"]
