"""Deprecated: the cube's functions live in :mod:`finitelearn.domains` and :mod:`finitelearn.memory`.

Kept for one release so that ``from finitelearn.cube import points`` keeps working; it
warns with a DeprecationWarning.
"""

import warnings

from .domains.cube import bits_to_index, index_to_bits, points, size
from .memory import available_memory, check_memory, memory_required

warnings.warn("finitelearn.cube is deprecated: use finitelearn.domains (points, index_to_bits, bits_to_index) "
              "and finitelearn.memory (memory_required, check_memory)", DeprecationWarning, stacklevel=2)

__all__ = ["points", "index_to_bits", "bits_to_index", "memory_required", "check_memory", "available_memory", "size"]
