"""Bad input: every case raises a finitelearn error naming the argument, before any kernel runs."""

from fractions import Fraction

import numpy as np
import pytest

import finitelearn as fl

f3 = fl.parity(3, {0})
nu4 = fl.uniform(4)

CASES = [
    # (call, exception type, words the message must contain)
    (lambda: fl.parity(0, {0}), fl.InvalidArgument, ["d=0", ">= 1"]),
    (lambda: fl.parity(-3, {0}), fl.InvalidArgument, ["d=-3"]),
    (lambda: fl.parity(2.5, {0}), fl.InvalidType, ["d=2.5", "int"]),
    (lambda: fl.parity(True, {0}), fl.InvalidType, ["d=True", "int"]),
    (lambda: fl.parity("4", {0}), fl.InvalidType, ["d='4'", "int"]),
    (lambda: fl.uniform(0), fl.InvalidArgument, ["d=0"]),
    (lambda: fl.uniform(2.0), fl.InvalidType, ["d=2.0"]),
    (lambda: fl.points(-1), fl.InvalidArgument, ["d=-1"]),
    (lambda: fl.majority(True), fl.InvalidType, ["d=True"]),
    (lambda: fl.parity(4, {4}), fl.InvalidArgument, ["S=", "0..3"]),
    (lambda: fl.parity(4, {-1}), fl.InvalidArgument, ["S=", "0..3"]),
    (lambda: fl.parity(4, {0.5}), fl.InvalidType, ["S="]),
    (lambda: fl.parity(4, 16), fl.InvalidArgument, ["S=16", "mask"]),
    (lambda: fl.conjunction(3, {3}), fl.InvalidArgument, ["S="]),
    (lambda: fl.dictator(3, 3), fl.InvalidArgument, ["i=3", "0..2"]),
    (lambda: fl.majority(4), fl.InvalidArgument, ["d=4", "odd"]),
    (lambda: fl.BooleanFunction.from_truth_table([0, 1, 1]), fl.InvalidArgument, ["table=", "power of two"]),
    (lambda: fl.BooleanFunction.from_truth_table([1]), fl.InvalidArgument, ["table=", "power of two"]),
    (lambda: fl.BooleanFunction.from_truth_table([0, 2, 1, 0]), fl.InvalidArgument, ["table=", "0 or 1"]),
    (lambda: fl.BooleanFunction.from_truth_table([0, -1]), fl.InvalidArgument, ["table=", "0 or 1"]),
    (lambda: fl.BooleanFunction.from_truth_table(np.array([0.0, 1.0])), fl.InvalidType, ["table=", "dtype float64"]),
    (lambda: fl.BooleanFunction.from_truth_table(["0", "1"]), fl.InvalidType, ["table="]),
    (lambda: fl.BooleanFunction.from_truth_table([[0, 1], [1, 0]]), fl.InvalidArgument, ["table=", "one-dimensional"]),
    (lambda: fl.BooleanFunction.from_callable(2, lambda x: 2), fl.InvalidArgument, ["fn=", "returned 2"]),
    (lambda: fl.BooleanFunction.from_callable(2, lambda x: "yes"), fl.InvalidArgument, ["fn=", "returned 'yes'"]),
    (lambda: fl.BooleanFunction.from_callable(2, 7), fl.InvalidType, ["fn=7", "callable"]),
    (lambda: fl.from_weights([1, -1, 0, 0]), fl.InvalidArgument, ["weights=", "non-negative"]),
    (lambda: fl.from_weights([0, 0, 0, 0]), fl.InvalidArgument, ["weights=", "positive"]),
    (lambda: fl.from_weights([1, 1, 1]), fl.InvalidArgument, ["weights=", "power of two"]),
    (lambda: fl.from_weights([0.5, float("inf")]), fl.InvalidArgument, ["weights=", "finite"]),
    (lambda: fl.from_weights([True, False]), fl.InvalidType, ["weights="]),
    (lambda: fl.point_masses(2, [(0, 0), (1, 1)], weights=[1]), fl.InvalidArgument, ["weights=", "one weight per point"]),
    (lambda: fl.point_masses(2, [(0, 0)], weights=[-1]), fl.InvalidArgument, ["weights=", "non-negative"]),
    (lambda: fl.point_masses(3, [(0, 0)]), fl.InvalidArgument, ["pts=", "length d=3"]),
    (lambda: fl.point_masses(3, [(0, 2, 0)]), fl.InvalidArgument, ["pts=", "0 or 1"]),
    (lambda: fl.point_masses(3, [8]), fl.InvalidArgument, ["pts=8", "0..7"]),
    (lambda: fl.uniform_on_subcube(3, {3: 0}), fl.InvalidArgument, ["fixed coordinate=3"]),
    (lambda: fl.uniform_on_subcube(3, {0: 2}), fl.InvalidArgument, ["fixed=", "bits 0 or 1"]),
    (lambda: fl.agreement_probability(f3, f3, nu4), fl.DomainMismatch, ["d=3", "d=4"]),
    (lambda: fl.agreement_probability(f3, fl.parity(4, {0}), nu4), fl.DomainMismatch, ["d=3", "d=4"]),
    (lambda: fl.agreement_probability(f3, [0] * 8, fl.uniform(3)), fl.InvalidType, ["T="]),
    (lambda: nu4.probability(f3), fl.DomainMismatch, ["d=3", "d=4"]),
    (lambda: fl.noise_stability(f3, 2), fl.InvalidArgument, ["rho=2", "[-1, 1]"]),
    (lambda: fl.noise_stability(f3, Fraction(-3, 2)), fl.InvalidArgument, ["rho=Fraction(-3, 2)", "[-1, 1]"]),
    (lambda: fl.noise_stability(f3, "half"), fl.InvalidArgument, ["rho='half'"]),
    (lambda: fl.influence(f3, 3), fl.InvalidArgument, ["i=3"]),
    (lambda: fl.fourier_coefficients([0, 1]), fl.InvalidType, ["f=", "BooleanFunction"]),
    (lambda: fl.walsh_hadamard(np.zeros(3)), fl.InvalidArgument, ["values=", "power of two"]),
    (lambda: fl.walsh_hadamard(np.zeros(4, dtype=np.int32)), fl.InvalidType, ["values=", "int32"]),
    (lambda: fl.walsh_hadamard([1, 2]), fl.InvalidType, ["values=", "numpy array"]),
    (lambda: fl.index_to_bits(8, 3), fl.InvalidArgument, ["k=8"]),
    (lambda: fl.bits_to_index((0, 1), d=3), fl.InvalidArgument, ["point=", "length d=3"]),
    (lambda: f3.restrict({0: 0, 1: 0, 2: 1}), fl.InvalidArgument, ["fixed=", "at most 2"]),
    (lambda: f3 ^ fl.parity(4, {0}), fl.DomainMismatch, ["d=3", "d=4"]),
    (lambda: fl.parity(60, {0}), fl.TooLarge, ["d=60", "need"]),
]


@pytest.mark.parametrize("call, exc, words", CASES, ids=[str(i) for i in range(len(CASES))])
def test_bad_input(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert isinstance(info.value, fl.FinitelearnError)
    assert isinstance(info.value, (ValueError, TypeError))
    msg = str(info.value)
    for w in words:
        assert w in msg, f"{w!r} not in {msg!r}"


def test_floats_are_read_as_their_shortest_decimal_everywhere():
    """One reading of floats (docs/design.md, Exactness): 0.1 is 1/10 in weights and in values."""
    assert fl.from_weights([0.1, 0.2, 0.3, 0.4]) == fl.from_weights(["1/10", "2/10", "3/10", "4/10"])
    assert fl.from_weights(np.array([0.1, 0.2, 0.3, 0.4])) == fl.from_weights([1, 2, 3, 4])
    assert fl.uniform(3).expectation([0.1] * 8) == Fraction(1, 10)
    assert fl.uniform(3).expectation(np.full(8, 0.1)) == Fraction(1, 10)
    assert fl.uniform(3).expectation(np.full(8, 0.1, dtype=np.float32)) == Fraction(1, 10)
