from fractions import Fraction

import numpy as np
import pytest

import finitelearn as fl
from finitelearn.validation import as_fraction, as_rng


@pytest.mark.parametrize("value, want", [
    (0.1, Fraction(1, 10)), (np.float32(0.1), Fraction(1, 10)), (np.float16(0.1), Fraction(1, 10)),
    (np.float32(0.99), Fraction(99, 100)), (1e-20, Fraction(1, 10**20)), (3.0, Fraction(3)),
    (np.int8(-3), Fraction(-3)), ("1/8", Fraction(1, 8)), ("0.125", Fraction(1, 8)), (Fraction(2, 3), Fraction(2, 3)),
])
def test_as_fraction_reads_the_decimal_a_reader_means(value, want):
    assert as_fraction(value, "x") == want


def test_float32_scores_give_the_same_teacher_as_float64():
    # Remark 3.2 with a network's float32 output: 0.99 is not > 0.99, 0.01 is not < 0.01
    for dtype in (np.float64, np.float32):
        assert fl.Teacher.from_score(1, np.array([0.99, 0.01], dtype=dtype)).table.tolist() == [-1, -1]


def test_as_rng():
    assert as_rng(5).integers(0, 10**9) == np.random.default_rng(5).integers(0, 10**9)
    g = np.random.default_rng(1)
    assert as_rng(g) is g
    with pytest.raises(fl.InvalidArgument, match="seed=-1"):
        as_rng(-1)
    with pytest.raises(fl.InvalidType, match="seed=None"):
        as_rng(None, allow_none=False)
    with pytest.raises(fl.InvalidType, match="seed=1.5"):
        as_rng(1.5)
