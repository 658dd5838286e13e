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
    MissingExtra,
    QueryBudgetExceeded,
    SchedulerUnreachable,
    TooLarge,
    UndefinedProbability,
)
from .domains import Cube, FiniteDomain, Grid, bits_to_index, index_to_bits, points
from .memory import memory_required
from .functions import (
    BooleanFunction,
    conjunction,
    constant,
    dictator,
    disjunction,
    majority,
    parity,
    threshold,
)
from .distributions import Distribution, from_weights, point_masses, uniform, uniform_on_subcube
from .agreement import agreement_probability, correlation, disagreement_probability
from .fourier import (
    degree,
    fourier_coefficient,
    fourier_coefficients,
    influence,
    influences,
    integer_spectrum,
    noise_stability,
    spectral_weights,
    total_influence,
    walsh_hadamard,
)

__all__ = [
    "__version__",
    # errors
    "FinitelearnError", "InvalidArgument", "InvalidType", "DomainMismatch", "TooLarge",
    "QueryBudgetExceeded", "UndefinedProbability", "MissingExtra", "SchedulerUnreachable",
    # the cube
    "points", "index_to_bits", "bits_to_index", "memory_required",
    # functions
    "BooleanFunction", "parity", "dictator", "majority", "conjunction", "disjunction", "constant", "threshold",
    # distributions
    "Distribution", "uniform", "point_masses", "uniform_on_subcube", "from_weights",
    # agreement
    "agreement_probability", "disagreement_probability", "correlation",
    # Fourier
    "walsh_hadamard", "integer_spectrum", "fourier_coefficient", "fourier_coefficients", "influence", "influences",
    "total_influence", "degree", "spectral_weights", "noise_stability",
]
from .classes import ConceptClass, paper_teachers, parities
from .engine import DaskEngine, Engine, LocalEngine, dask_engine, local_engine
from .lazy import LazyFunction
from .census import count_functions
from .sq_search import one_query_search

__all__ += ["Engine", "LocalEngine", "DaskEngine", "local_engine", "dask_engine", "LazyFunction", "count_functions",
            "one_query_search"]

__all__ += ["ConceptClass", "parities", "paper_teachers"]
from .teacher import UNCERTAIN, Teacher
from .student import LinearStudent, Student
from .attacks import (
    AllDistributions,
    Attack,
    DistributionList,
    FastGradient,
    LpNeighbourhood,
    Pushforward,
    RadonNikodymBall,
    neighbourhood,
    pushforward,
)
from .robustness import (
    adversarial_examples,
    is_robust,
    is_strongly_robust,
    lp_margin,
    lp_robust,
    robustness,
)
from . import paper  # fl.paper.figure_3_2_left(n), fl.paper.figure_3_2_right(n)

__all__ += [
    # Section 3: domains, teachers, students, attacks, Definitions 3.1 and 3.2
    "FiniteDomain", "Cube", "Grid", "UNCERTAIN", "Teacher", "Student",
    "LinearStudent", "Attack", "LpNeighbourhood", "RadonNikodymBall", "Pushforward", "FastGradient",
    "DistributionList", "AllDistributions", "neighbourhood", "pushforward", "adversarial_examples",
    "is_strongly_robust", "robustness", "is_robust", "lp_robust", "lp_margin",
]
from .complexity import (
    MembershipQueryComplexity,
    QueryTree,
    SQDimension,
    TeachingDimension,
    membership_query_complexity,
    sq_dimension,
    teaching_dimension,
)

__all__ += [
    "sq_dimension", "membership_query_complexity", "teaching_dimension",
    "SQDimension", "QueryTree", "MembershipQueryComplexity", "TeachingDimension",
]
from .bounds import membership_query_lower_bound, parseval_removal_bound, sq_query_lower_bound
from . import responders
from .oracles import MembershipOracle, StatisticalQuery, StatisticalQueryOracle, TranscriptEntry
from . import learners
from .sq_complexity import (
    OneQueryBound,
    SQQueryComplexity,
    SQStrategy,
    StatisticalDimensions,
    max_eliminations,
    sq_query_complexity,
    statistical_dimension_bounds,
)

__all__ += [
    "max_eliminations", "sq_query_complexity", "statistical_dimension_bounds",
    "OneQueryBound", "SQQueryComplexity", "SQStrategy", "StatisticalDimensions",
]
from .experiments import ScalingRecord, parse_tolerance, run_scaling
from .plots import plot_scaling

__all__ += [
    "sq_query_lower_bound", "parseval_removal_bound", "membership_query_lower_bound",
    "StatisticalQuery", "StatisticalQueryOracle", "MembershipOracle", "TranscriptEntry",
    "run_scaling", "parse_tolerance", "ScalingRecord", "plot_scaling",
]


def __getattr__(name: str):
    """Deprecated names, kept for one release (each warns with a DeprecationWarning)."""
    if name == "FiniteDistribution":
        import warnings

        warnings.warn("finitelearn.FiniteDistribution is deprecated: finitelearn.Distribution serves "
                      "every finite domain (the same classmethods: uniform, uniform_on, point_masses, "
                      "from_weights)", DeprecationWarning, stacklevel=2)
        return Distribution
    raise AttributeError(f"module 'finitelearn' has no attribute {name!r}")
