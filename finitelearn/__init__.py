"""finitelearn: exact, exhaustive checks of learning-theory claims on small finite domains.

The first subject is Ma & Ying, "Achieving adversarial robustness requires an active
teacher": the decoupled data generator / teacher / student framework, strong robustness
(Definition 3.1) and robustness with respect to an attack (Definition 3.2), statistical
queries against parity teachers (Theorems 4.1-4.2) and the membership-query learner of an
active teacher (Theorem 4.3).  See README.md for the conventions.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import (
    DomainMismatch,
    FinitelearnError,
    InvalidArgument,
    InvalidType,
    QueryBudgetExceeded,
    TooLarge,
    UndefinedProbability,
)
from .cube import bits_to_index, index_to_bits, memory_required, points
