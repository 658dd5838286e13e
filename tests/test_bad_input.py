"""Bad input across every public callable: a finitelearn exception naming the argument.

Each case is (the call, the exception class, the text the message must contain: the
argument's name as the user wrote it).  The table is built from families of bad values
applied to every callable that takes such an argument (dimensions, tolerances, flags,
seeds, weights, points, tables, radii), plus the cases the issue tracker listed by hand.
A case passes only when the call raises that class (every class here is a
FinitelearnError) *and* the message names the argument; no numba or numpy error, no
OverflowError or MemoryError, and no silent answer.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

import finitelearn as fl
from finitelearn.learners import greedy_family, make_student

IA, IT, TL = fl.InvalidArgument, fl.InvalidType, fl.TooLarge

# -- families of bad values -----------------------------------------------------------------
#: a dimension d: (value, exception)
BAD_D = [(True, IT), (2.0, IT), ("3", IT), (None, IT), (3 + 0j, IT), (0, IA), (-1, IA), (2**70, IA)]
#: a tolerance alpha in (0, 1/2) or (0, 1): (value, exception)
BAD_TOL = [(0, IA), (-1, IA), ("-1/8", IA), ("1/0", IA), ("abc", IA), (True, IT), (float("nan"), IA),
           (float("inf"), IA), (None, IT)]
#: a flag
BAD_FLAG = ["False", "no", 0, 1, None, "yes"]
#: a seed (int >= 0)
BAD_SEED = [(-1, IA), (1.5, IT), ("7", IT), (True, IT)]
#: a non-negative radius
BAD_RADIUS = [(-1, IA), ("-1/2", IA), ("far", IA), (None, IT), (float("nan"), IA), (True, IT)]
#: an l_p exponent
BAD_P = [3, -1, "two", None, 1.5, True]

f3 = fl.parity(3, {0, 1})
f4 = fl.parity(4, {0})
nu3 = fl.uniform(3)
T3 = fl.Teacher.from_table([0, 1, fl.UNCERTAIN, 1, 0, 0, 1, 1])
G = fl.Grid.square(3)
C3 = fl.paper_teachers(3)

CASES: list[tuple] = []


def case(call, exc, words):
    CASES.append((call, exc, words if isinstance(words, list) else [words]))


# dimensions, everywhere a d is taken
D_CALLS = {
    "parity": lambda d: fl.parity(d, {0}),
    "dictator": lambda d: fl.dictator(d, 0),
    "majority": lambda d: fl.majority(d),
    "conjunction": lambda d: fl.conjunction(d, {0}),
    "disjunction": lambda d: fl.disjunction(d, {0}),
    "constant": lambda d: fl.constant(d, 1),
    "uniform": lambda d: fl.uniform(d),
    "points": lambda d: fl.points(d),
    "index_to_bits": lambda d: fl.index_to_bits(0, d),
    "paper_teachers": lambda d: fl.paper_teachers(d),
    "parities": lambda d: fl.parities(d),
    "Cube": lambda d: fl.Cube(d),
    "memory_required": lambda d: fl.memory_required(d),
    "uniform_on_subcube": lambda d: fl.uniform_on_subcube(d, {}),
    "point_masses": lambda d: fl.point_masses(d, [0]),
    "from_callable": lambda d: fl.BooleanFunction.from_callable(d, lambda x: 0),
    "StatisticalQuery.from_callable": lambda d: fl.StatisticalQuery.from_callable(d, lambda x, y: 0),
    "parity_feature": lambda d: fl.StatisticalQuery.parity_feature(d, {0}),
}
for name, call in D_CALLS.items():
    for value, exc in BAD_D:
        case(lambda call=call, value=value: call(value), exc, "d=")

# tolerances
TOL_CALLS = {
    "StatisticalQueryOracle": lambda t: fl.StatisticalQueryOracle(f3, nu3, t),
    "sq_query_lower_bound": lambda t: fl.sq_query_lower_bound(8, t),
    "parseval_removal_bound": lambda t: fl.parseval_removal_bound(t),
    "greedy_family": lambda t: greedy_family(3, t),
    "run_scaling": lambda t: fl.run_scaling([3], t, ["greedy"], progress=False),
}
for name, call in TOL_CALLS.items():
    for value, exc in BAD_TOL:
        case(lambda call=call, value=value: call(value), exc, "tolerance=")
# alpha >= 1/2 where the game is empty
for value in ("1/2", "2", "1/d"):
    case(lambda value=value: fl.run_scaling([2, 3], value, ["greedy"], progress=False), IA, "alpha < 1/2")

# flags
FLAG_CALLS = {
    "fourier_coefficients(exact=)": (lambda v: fl.fourier_coefficients(f3, exact=v), "exact="),
    "run_scaling(resume=)": (lambda v: fl.run_scaling([3], "1/8", ["greedy"], resume=v, progress=False), "resume="),
    "run_scaling(progress=)": (lambda v: fl.run_scaling([3], "1/8", ["greedy"], progress=v), "progress="),
    "FastGradient(snap=)": (lambda v: fl.FastGradient(1, snap=v), "snap="),
    "FastGradient(toward_boundary=)": (lambda v: fl.FastGradient(1, toward_boundary=v), "toward_boundary="),
    "from_callable(progress=)": (lambda v: fl.BooleanFunction.from_callable(2, lambda x: 0, progress=v), "progress="),
}
for name, (call, word) in FLAG_CALLS.items():
    for value in BAD_FLAG:
        if value is None and "progress" in word and "from_callable" in name:
            continue  # progress=None means "automatic" there
        case(lambda call=call, value=value: call(value), IT, word)

# seeds
SEED_CALLS = {
    "random-features": lambda s: make_student("random-features", seed=s),
    "gf2-elimination": lambda s: make_student("gf2-elimination", seed=s),
    "run_scaling": lambda s: fl.run_scaling([3], "1/8", ["greedy"], seed=s, progress=False),
    "noisy oracle": lambda s: fl.StatisticalQueryOracle(f3, nu3, "1/8", "noisy", seed=s),
}
for name, call in SEED_CALLS.items():
    for value, exc in BAD_SEED:
        case(lambda call=call, value=value: call(value), exc, "seed=")

# radii and exponents of Section 3.2
RADIUS_CALLS = {
    "LpNeighbourhood": lambda r: fl.LpNeighbourhood(r, p=2),
    "FastGradient": lambda r: fl.FastGradient(r),
    "neighbourhood": lambda r: fl.neighbourhood(3, [0], r, p=2),
    "lp_robust": lambda r: fl.lp_robust(f3, fl.point_masses(3, [0]), r, p=2),
}
for name, call in RADIUS_CALLS.items():
    for value, exc in BAD_RADIUS:
        case(lambda call=call, value=value: call(value), exc, "delta=")
P_CALLS = {
    "LpNeighbourhood": lambda p: fl.LpNeighbourhood(1, p=p),
    "neighbourhood": lambda p: fl.neighbourhood(3, [0], 1, p=p),
    "lp_margin": lambda p: fl.lp_margin(f3, fl.point_masses(3, [0]), p=p),
    "Cube.distance": lambda p: fl.Cube(3).distance(0, 1, p=p),
    "Grid.distance": lambda p: G.distance(0, 1, p=p),
}
for name, call in P_CALLS.items():
    for value in BAD_P:
        case(lambda call=call, value=value: call(value), IA, "p=")

# weights of distributions
BAD_WEIGHTS = [([1, -1], IA, "non-negative"), ([0, 0], IA, "positive"), ([True, 1], IT, "weights"),
               ([1, "x"], IA, "weights"), ([1, float("nan")], IA, "weights"), ([2**63, 1], IA, "weights"),
               ([1, None], IT, "weights"), ("11", IT, "weights")]
for w, exc, word in BAD_WEIGHTS:
    case(lambda w=w: fl.from_weights(w), exc, word)
    case(lambda w=w: fl.Distribution.from_weights(fl.Cube(1), w), exc, word)
    if not isinstance(w, str):
        case(lambda w=w: fl.point_masses(1, [0, 1], w), exc, word)
case(lambda: fl.from_weights([1, 1, 1]), IA, ["weights=", "power of two"])
case(lambda: fl.Distribution.from_weights(G, [1] * 8), IA, "weights=")
case(lambda: fl.point_masses(2, [(0, 0), (1, 1)], weights=[1]), IA, "one weight per point")

# points
BAD_POINTS = [((0, 2, 0), IA, "0 or 1"), ((0, 0), IA, "length d=3"), (8, IA, "0..7"), (-1, IA, "0..7"),
              (1.5, IT, "x="), ("000", IT, "x="), ((True, 0, 0.5), IA, "0 or 1")]
for x, exc, word in BAD_POINTS:
    case(lambda x=x: nu3.pmf(x), exc, word)
    case(lambda x=x: fl.Cube(3).index(x), exc, word)
    case(lambda x=x: fl.MembershipOracle(f3).query(x), exc, word)
    case(lambda x=x: T3(x), exc, word)
for x, exc, word in [((Fraction(1, 3), 0), IA, "a point of the grid"), ((0,), IA, "2 coordinates"),
                     (9, IA, "0..8"), ("00", IT, "x=")]:
    case(lambda x=x: G.index(x), exc, word)

# functions and tables
for table, exc, word in [([0, 1, 1], IA, "power of two"), ([1], IA, "power of two"), ([0, 2, 1, 0], IA, "0 or 1"),
                         (np.array([0.0, 1.0]), IT, "dtype float64"), (["0", "1"], IT, "table="),
                         ([[0, 1], [1, 0]], IA, "one-dimensional")]:
    case(lambda table=table: fl.BooleanFunction.from_truth_table(table), exc, ["table=", word])
for S, exc, word in [({-1}, IA, "S="), ({0.5}, IT, "S="), (16, IA, "S=16"), (True, IT, "S="), ("01", IT, "S=")]:
    case(lambda S=S: fl.parity(4, S), exc, word)
case(lambda: fl.dictator(3, 3), IA, ["i=3", "0..2"])
case(lambda: fl.majority(4), IA, ["d=4", "odd"])
case(lambda: fl.constant(3, 2), IA, "value=")
case(lambda: f3.restrict({0: 0, 1: 0, 2: 1}), IA, "at most 2")
case(lambda: f3.restrict({5: 0}), IA, "fixed coordinate=5")
case(lambda: f3.restrict([0]), IT, "fixed=")
case(lambda: f3 ^ f4, fl.DomainMismatch, ["d=3", "d=4"])
case(lambda: fl.agreement_probability(f3, f4, nu3), fl.DomainMismatch, ["d=3", "d=4"])
case(lambda: fl.agreement_probability(f3, [0] * 8, nu3), IT, "T=")
case(lambda: fl.agreement_probability(f3, f3, "uniform"), IT, "distribution=")
case(lambda: fl.correlation(f3, f3, fl.uniform(4)), fl.DomainMismatch, "d=")
case(lambda: fl.influence(f3, 3), IA, "i=3")
case(lambda: fl.influence(f3, -1), IA, "i=-1")
case(lambda: fl.noise_stability(f3, 2), IA, "rho=2")
case(lambda: fl.noise_stability(f3, "half"), IA, "rho='half'")
case(lambda: fl.fourier_coefficients([0, 1]), IT, "f=")
case(lambda: fl.walsh_hadamard(np.zeros(3)), IA, ["values=", "power of two"])
case(lambda: fl.walsh_hadamard(np.zeros(4, dtype=np.int32)), IT, "int32")
case(lambda: fl.walsh_hadamard([1, 2]), IT, "values=")
case(lambda: fl.walsh_hadamard(np.zeros(4), threads=0), IA, "threads=")
case(lambda: fl.walsh_hadamard(np.array([2**62, 0, 0, 0])), IA, "values=")
case(lambda: fl.bits_to_index((0, 1), d=3), IA, "length d=3")
case(lambda: fl.index_to_bits(8, 3), IA, "k=8")
case(lambda: fl.index_to_bits(5, 2**34), IA, "d=")
case(lambda: fl.uniform_on_subcube(2**70, {0: 1}), IA, "d=")
case(lambda: fl.uniform_on_subcube(3, {3: 0}), IA, "fixed coordinate=3")
case(lambda: fl.uniform_on_subcube(3, {0: 2}), IA, "bits 0 or 1")
case(lambda: fl.parity(2**36, 1), IA, "d=")
case(lambda: fl.parity(60, {0}), TL, ["d=60", "need"])
case(lambda: fl.memory_required(20, -1), IA, "bytes_per_point=")
case(lambda: fl.memory_required(2**40), IA, "d=")
case(lambda: fl.Cube(40).points(), TL, "d=40")
case(lambda: fl.Grid.square(3, -1, 1, 2**70), IA, "dim=")

# distributions
case(lambda: fl.uniform(4).probability(f3), fl.DomainMismatch, ["d=3", "d=4"])
case(lambda: nu3.condition(lambda x: False), fl.UndefinedProbability, "probability 0")
case(lambda: nu3.probability(lambda x: 2), IA, "event=")
case(lambda: nu3.probability("all"), IT, "event=")
case(lambda: nu3.expectation([1, 2]), IA, "values=")
case(lambda: nu3.expectation([1] * 7 + ["x"]), IA, "values=")
case(lambda: nu3.expectation(5), IT, "values=")
case(lambda: fl.Distribution.uniform_on(fl.Cube(2), lambda x: False), IA, "event=")
case(lambda: fl.Distribution.uniform("X"), IT, "domain=")
case(lambda: fl.Distribution.point_masses(fl.Cube(1), []), IA, "pts=")
case(lambda: fl.Distribution.from_weights(G, [1] * 9).d, fl.DomainMismatch, "not on a cube")

# teachers, students, robustness
case(lambda: fl.Teacher.from_table([0, 1, 2]), IA, "table=")
case(lambda: fl.Teacher.from_table([0, -2, 1, 1]), IA, "UNCERTAIN")
case(lambda: fl.Teacher.from_table([0, 1, 1, 1], n_classes=1), IA, "n_classes=")
case(lambda: fl.Teacher.from_table("0101"), IT, "table=")
case(lambda: fl.Teacher.from_callable(2, 7), IT, "fn=")
case(lambda: fl.Teacher.from_callable(2, lambda x: "A"), IA, "fn=")
case(lambda: fl.Teacher.from_score(2, [0, 1, 2, 0]), IA, "score=")
case(lambda: fl.Teacher.from_score(2, [0, 1, 1, 0], lo="0.9", hi="0.1"), IA, "lo=")
case(lambda: fl.Teacher.from_score(2, [0, 1, 1, 0], hi=2), IA, "hi=")
case(lambda: fl.Student.from_table([0, fl.UNCERTAIN, 1, 1]), IA, "never outputs U")
case(lambda: fl.Student.from_callable(G, lambda x: -1), IA, "fn=")
case(lambda: fl.LinearStudent(G, (0, 0)), IA, "w=")
case(lambda: fl.LinearStudent(G, (1, 2, 3)), IA, "w=")
case(lambda: fl.LinearStudent(G, "12"), IT, "w=")
case(lambda: fl.is_strongly_robust(f3, [0, 1, -1, 1]), IT, "teacher=")
case(lambda: fl.is_strongly_robust(fl.dictator(2, 0), T3), fl.DomainMismatch, "student")
case(lambda: fl.robustness(f3, T3, "l2", nu3), IT, "attack=")
case(lambda: fl.robustness(f3, T3, fl.AllDistributions(), fl.uniform(4)), fl.DomainMismatch, "mu")
case(lambda: fl.robustness(f3, T3, fl.AllDistributions(), "mu"), IT, "mu=")
case(lambda: fl.is_robust(f3, T3, fl.AllDistributions(), nu3, 2), IA, "eps=")
case(lambda: fl.is_robust(f3, T3, fl.AllDistributions(), nu3, "x"), IA, "eps=")
case(lambda: fl.RadonNikodymBall(0), IA, "c=")
case(lambda: fl.RadonNikodymBall(2), IA, "c=")
case(lambda: fl.RadonNikodymBall("x"), IA, "c=")
case(lambda: fl.FastGradient(1, norm=1), IA, "norm=")
case(lambda: fl.Pushforward(5), IT, "gamma=")
case(lambda: fl.pushforward(nu3, lambda x: (2, 0, 0)), IA, "gamma=")
case(lambda: fl.pushforward(nu3, [0] * 7), IA, "gamma=")
case(lambda: fl.DistributionList([]), IA, "distributions=")
case(lambda: fl.DistributionList([nu3, "nu"]), IT, "distributions[1]=")
case(lambda: fl.DistributionList("nu"), IT, "distributions=")
case(lambda: fl.adversarial_examples(f3, T3).mass(fl.uniform(4)), fl.DomainMismatch, "mu")
case(lambda: fl.Grid([(1, -1)], 3), IA, "bounds=")
case(lambda: fl.Grid([(0, 1)], 1), IA, "n=")
case(lambda: fl.Grid("box", 3), IT, "bounds=")
case(lambda: fl.Grid([(0, 1)], 2.5), IT, "n=")
case(lambda: fl.Grid([(0, 1)], 2**30), IA, "n=")

# classes, oracles, students
case(lambda: C3.subclass([0, 0]), IA, ["members=", "distinct"])
case(lambda: C3.subclass([0.5]), IT, "members=")
case(lambda: C3.subclass([True]), IT, "members=")
case(lambda: C3.subclass([9]), IA, "members=")
case(lambda: C3.subclass([]), IA, "members=")
case(lambda: fl.ConceptClass.from_functions([f3, f3]), IA, "distinct")
case(lambda: fl.ConceptClass.from_functions([f3, f4]), fl.DomainMismatch, "different d")
case(lambda: fl.ConceptClass.from_functions([]), IA, "functions=")
case(lambda: fl.ConceptClass.from_tables([]), IA, "tables=")
case(lambda: fl.parities(4, containing={0}, excluding={0}), IA, "excluding=")
case(lambda: fl.StatisticalQueryOracle(f3, nu3, "1/8", "psychic"), IA, "responder=")
case(lambda: fl.StatisticalQueryOracle(f3, fl.uniform(4), "1/8"), fl.DomainMismatch, "d=")
case(lambda: fl.StatisticalQueryOracle(C3, nu3, "1/8", "truthful"), IA, "adaptive")
case(lambda: fl.StatisticalQueryOracle(f3, nu3, "1/8", budget=-1), IA, "budget=")
case(lambda: fl.StatisticalQueryOracle(f3, nu3, "1/8", budget=1.5), IT, "budget=")
case(lambda: fl.StatisticalQueryOracle(f3, nu3, "1/8").query("chi"), IT, "chi=")
case(lambda: fl.StatisticalQueryOracle(f3, nu3, "1/8").feature_query(f4), fl.DomainMismatch, "d=")
case(lambda: fl.StatisticalQuery.from_table([[0, 2], [1, 0]]), IA, "[0, 1]")
case(lambda: fl.StatisticalQuery.from_table([[0, 1], [1, 0], [0, 0]]), IA, "2**d rows")
case(lambda: fl.StatisticalQuery.from_table([[0, 1, 1]]), IA, "shape")
case(lambda: fl.StatisticalQuery.from_callable(2, lambda x, y: 2), IA, "fn=")
case(lambda: fl.StatisticalQuery.from_numerators([[0, 1], [1, 0]], 0), IA, "denominator")
case(lambda: fl.MembershipOracle("T"), IT, "teacher")
case(lambda: fl.MembershipOracle(f3, budget=-1), IA, "budget=")
case(lambda: make_student("genius"), IA, "name=")
case(lambda: fl.learners.PaperLearner().learn("oracle"), IT, "oracle=")
case(lambda: fl.learners.CandidateTesting().learn(fl.MembershipOracle(f3)), IT, "oracle=")
case(lambda: fl.sq_query_lower_bound(0, "1/8"), IA, "class_size=")
case(lambda: fl.sq_query_lower_bound(True, "1/8"), IT, "class_size=")
case(lambda: fl.membership_query_lower_bound(0), IA, "class_size=")
case(lambda: fl.membership_query_lower_bound("8"), IT, "class_size=")
case(lambda: fl.sq_dimension("C", nu3), IT, "concept_class=")
case(lambda: fl.sq_dimension(C3, fl.uniform(4)), fl.DomainMismatch, "d=")
case(lambda: fl.sq_dimension(C3, nu3, threshold=2), IA, "threshold=")
case(lambda: fl.membership_query_complexity("C"), IT, "concept_class=")
case(lambda: fl.membership_query_complexity(C3, nonadaptive="yes"), IT, "nonadaptive=")
case(lambda: fl.teaching_dimension("C"), IT, "concept_class=")

# the scaling experiment and its records
case(lambda: fl.run_scaling([1, 3], "1/8", ["greedy"], progress=False), IA, "d_values=")
case(lambda: fl.run_scaling([21], "1/8", ["greedy"], progress=False), IA, "d_values=")
case(lambda: fl.run_scaling("2..5", "1/8", ["greedy"], progress=False), IT, "d_values=")
case(lambda: fl.run_scaling([3], "1/8", ["genius"], progress=False), IA, "students=")
case(lambda: fl.run_scaling([3], "1/8", 7, progress=False), IT, "students=")
case(lambda: fl.run_scaling([3], "1/8", [], progress=False), IA, "students=")
case(lambda: fl.run_scaling([3], "1/8", ["greedy"], responder="truthful", progress=False), IA, "responder=")
case(lambda: fl.run_scaling([3], "1/8", ["greedy"], budget=0, progress=False), IA, "budget=")
case(lambda: fl.run_scaling([3], "1/8", ["greedy"], out_dir="", progress=False), IA, "out_dir=")
case(lambda: fl.run_scaling([3], "1/8", ["greedy"], out_dir=5, progress=False), IT, "out_dir=")
case(lambda: fl.run_scaling([3], "1/8", ["greedy"], on_record=5, progress=False), IT, "on_record=")
case(lambda: fl.parse_tolerance("1/d + x"), IA, "tolerance=")
case(lambda: fl.parse_tolerance("d" * 200), IA, "tolerance=")
case(lambda: fl.parse_tolerance(["1/8"]), IT, "tolerance=")
case(lambda: fl.plot_scaling([{}]), IA, "'d'")
case(lambda: fl.plot_scaling([3]), IT, "records[0]=")
case(lambda: fl.plot_scaling([]), IA, "records=")
case(lambda: fl.plot_scaling("records"), IT, "records=")


def _rec():
    from dataclasses import asdict

    return asdict(fl.run_scaling([3], "1/8", ["greedy"], progress=False)[0])


for field, bad in [("queries", "lots"), ("identified", "maybe"), ("d", 2.5), ("seconds", -1.0), ("oracle", "x"),
                   ("budget", 0), ("alpha", "one"), ("version_space_sizes", "many")]:
    case(lambda field=field, bad=bad: fl.plot_scaling([_rec() | {field: bad}]), IA, f"records[0]['{field}']")


# -- the engine, lazy functions and the census (issue 14) -------------------------------
LAZY_D_CALLS = {
    "parity(lazy=True)": lambda d: fl.parity(d, {0}, lazy=True),
    "dictator(lazy=True)": lambda d: fl.dictator(d, 0, lazy=True),
    "majority(lazy=True)": lambda d: fl.majority(d, lazy=True),
    "conjunction(lazy=True)": lambda d: fl.conjunction(d, {0}, lazy=True),
    "disjunction(lazy=True)": lambda d: fl.disjunction(d, {0}, lazy=True),
    "constant(lazy=True)": lambda d: fl.constant(d, 1, lazy=True),
    "threshold(lazy=True)": lambda d: fl.threshold(d, [1], 1, lazy=True),
    "from_kernel": lambda d: fl.BooleanFunction.from_kernel(d, _zero_kernel),
    "count_functions": lambda d: fl.count_functions(d, "balanced"),
}


def _njit_zero():
    import numba

    @numba.njit
    def zero(k):
        return 0

    return zero


_zero_kernel = _njit_zero()
for name, call in LAZY_D_CALLS.items():
    for value, exc in BAD_D:
        case(lambda call=call, value=value: call(value), exc, "d=")
case(lambda: fl.parity(41, {0}, lazy=True), IA, ["d=41", "1..40"])
case(lambda: fl.count_functions(6, "balanced"), IA, ["d=6", "1..5"])
case(lambda: fl.majority(4, lazy=True), IA, "d=4")
for value in BAD_FLAG:
    case(lambda value=value: fl.parity(3, {0}, lazy=value), IT, "lazy=")
    case(lambda value=value: fl.threshold(3, [1, 1, 1], 2, lazy=value), IT, "lazy=")
case(lambda: fl.threshold(3, [1, 1], 1), IA, "weights=")
case(lambda: fl.threshold(3, "111", 1), IT, "weights=")
case(lambda: fl.threshold(3, [1, "x", 1], 1), IA, "weights=")
case(lambda: fl.threshold(3, [1, 1, 1], None), IT, "theta=")
case(lambda: fl.threshold(2, [2**62, 2**62], 1), IA, "weights=")
case(lambda: fl.parity(3, {3}, lazy=True), IA, "S=")
case(lambda: fl.dictator(3, 3, lazy=True), IA, "i=")
case(lambda: fl.constant(3, 2, lazy=True), IA, "value=")
case(lambda: fl.BooleanFunction.from_kernel(3, lambda k: 0), IT, "kernel=")
case(lambda: fl.BooleanFunction.from_kernel(3, np.sum), IT, "kernel=")
case(lambda: fl.parity(3, {0}, lazy=True) ^ fl.parity(4, {0}, lazy=True), fl.DomainMismatch, "d=4")
case(lambda: fl.parity(3, {0}, lazy=True).flipped({5}), IA, "mask=")
case(lambda: fl.parity(40, {0}, lazy=True).truth_table, TL, "f.d")
case(lambda: fl.parity(40, {0}, lazy=True)(2**40), IA, "x=")
case(lambda: fl.agreement_probability(fl.parity(3, {0}, lazy=True), f3, nu3, engine="dask"), IT, "engine=")
case(lambda: fl.agreement_probability(fl.parity(3, {0}, lazy=True), 5, nu3), IT, "T=")
case(lambda: fl.agreement_probability(fl.parity(3, {0}, lazy=True), f3, fl.uniform(4)), fl.DomainMismatch, "Cube(d=4)")
case(lambda: fl.fourier_coefficient(f3, {3}), IA, "S=")
case(lambda: fl.fourier_coefficient(5, {0}), IT, "f=")
case(lambda: fl.fourier_coefficient(f3, {0}, distribution="uniform"), IT, "distribution=")
case(lambda: fl.fourier_coefficient(f3, {0}, engine=2), IT, "engine=")
case(lambda: fl.influence(fl.parity(3, {0}, lazy=True), 3), IA, "i=")
case(lambda: fl.influence(f3, 0, distribution=fl.uniform(4)), fl.DomainMismatch, "Cube(d=4)")
case(lambda: fl.total_influence(f3, engine="local"), IT, "engine=")
case(lambda: fl.count_functions(3, "balance"), IA, "predicate=")
case(lambda: fl.count_functions(3, 5), IT, "predicate=")
case(lambda: fl.count_functions(3, _zero_kernel), IA, "predicate=")
case(lambda: fl.count_functions(3, "bent", engine=1), IT, "engine=")
case(lambda: fl.count_functions(3, "bent", chunk=0), IA, "chunk=")
case(lambda: fl.census.degree_at_most(-1), IA, "k=")
case(lambda: fl.census.resilient("1"), IT, "k=")
case(lambda: fl.census.Predicate(_zero_kernel), IA, "kernel=")
case(lambda: fl.local_engine(threads=0), IA, "threads=")
case(lambda: fl.local_engine(threads=1.5), IT, "threads=")
case(lambda: fl.local_engine(chunk=0), IA, "chunk=")
case(lambda: fl.dask_engine(workers=0), IA, "workers=")
case(lambda: fl.dask_engine(address=5), IT, "address=")
case(lambda: fl.dask_engine(threads_per_worker=0), IA, "threads_per_worker=")
case(lambda: fl.dask_engine(timeout=0), IA, "timeout=")
case(lambda: fl.dask_engine(chunk=-1), IA, "chunk=")
case(lambda: fl.run_scaling([3], "1/8", ["greedy"], progress=False, engine="dask"), IT, "engine=")
case(lambda: fl.one_query_search(5, "1/8"), IA, "d=")
case(lambda: fl.one_query_search(3, "0"), IA, "tolerance=")
case(lambda: fl.one_query_search(3, "1/8", require_consistent="yes"), IT, "require_consistent=")
case(lambda: fl.one_query_search(3, "1/8", engine=3), IT, "engine=")

@pytest.mark.parametrize("call, exc, words", CASES, ids=[str(i) for i in range(len(CASES))])
def test_bad_input(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert isinstance(info.value, fl.FinitelearnError)
    for w in words:
        assert w in str(info.value), f"{w!r} not in {str(info.value)!r}"


def test_there_are_at_least_300_cases():
    assert len(CASES) >= 300


def test_plot_scaling_refuses_a_folder_as_path(tmp_path):
    from dataclasses import asdict

    recs = [asdict(r) for r in fl.run_scaling([3], "1/8", ["greedy"], progress=False)]
    with pytest.raises(fl.InvalidArgument, match="folder"):
        fl.plot_scaling(recs, tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv, words", [
    (["scaling", "--tolerance", "2", "--d-max", "3"], ["--tolerance='2'", "alpha < 1/2"]),
    (["scaling", "--d-max", "25"], ["--d-max"]),
    (["demo", "--d-max", "1"], ["--d-max"]),
    (["scaling", "--students", "genius", "--d-max", "3"], ["--students='genius'"]),
    (["scaling", "--tolerance", "-1/8"], ["--tolerance=-1/8"]),
    (["info", "1099511627776"], ["d="]),
    (["info", "0"], ["0"]),
    (["verify", "--d-max", "1"], ["--d-max"]),
    (["scaling", "--d-max", "3", "--workers", "2", "--scheduler", "tcp://127.0.0.1:9"], ["--scheduler", "--workers"]),
    (["scaling", "--d-max", "3", "--workers", "0"], ["--workers"]),
])
def test_the_command_line_names_the_option(argv, words, tmp_path, capsys):
    from finitelearn.cli import main

    try:
        code = main(argv + (["--out", str(tmp_path / "o"), "--no-progress"] if argv[0] in ("scaling", "demo") else []))
    except SystemExit as exc:  # argparse's own refusals
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2, err
    for w in words:
        assert w in err
    assert "Traceback" not in err


def test_a_tiny_tolerance_runs_through_the_command_line(tmp_path, capsys):
    from finitelearn.cli import main

    code = main(["scaling", "--tolerance", "1/10^30", "--d-max", "3", "--students", "greedy", "--out",
                 str(tmp_path / "o"), "--no-progress", "--no-plot"])
    out = capsys.readouterr()
    assert code == 0 and "Traceback" not in out.err
    assert "greedy" in out.out


def test_huge_tolerance_denominators_work_where_they_make_sense():
    """1/10^30 is a valid tolerance: the greedy family is empty there, not an OverflowError."""
    assert greedy_family(4, Fraction(1, 10**30))[0].name == "one parity"
    assert fl.sq_query_lower_bound(8, Fraction(1, 10**30)) >= 1
    assert math.isfinite(fl.parseval_removal_bound(Fraction(1, 10**30)))
