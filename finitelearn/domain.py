"""Deprecated: finite domains live in :mod:`finitelearn.domains`; there is one
:class:`finitelearn.Distribution` for every domain (``FiniteDistribution`` is its old name).

Kept for one release; importing it warns with a DeprecationWarning.
"""

import warnings

from .distributions import Distribution as FiniteDistribution
from .domains import P_VALUES, Cube, FiniteDomain, as_domain, check_p

warnings.warn("finitelearn.domain is deprecated: use finitelearn.domains, and finitelearn.Distribution "
              "instead of FiniteDistribution", DeprecationWarning, stacklevel=2)

__all__ = ["FiniteDomain", "Cube", "as_domain", "FiniteDistribution", "check_p", "P_VALUES"]
