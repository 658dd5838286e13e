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


def test_a_user_kernel_is_taken_plain_only_when_numba_runs_plain(monkeypatch):
    """check_jit_function: an @njit function always, a plain function only under
    NUMBA_DISABLE_JIT=1 (numba's njit then returns the function itself), and the count of
    arguments checked either way, naming the argument."""
    import numba

    from finitelearn.errors import InvalidArgument, InvalidType
    from finitelearn.validation import check_jit_function

    def plain(k):
        return k & 1

    check_jit_function(numba.njit(plain), 1, "kernel", "a rule")
    monkeypatch.setattr(numba.config, "DISABLE_JIT", False)
    with pytest.raises(InvalidType, match="kernel="):
        check_jit_function(plain, 1, "kernel", "a rule")
    monkeypatch.setattr(numba.config, "DISABLE_JIT", True)
    check_jit_function(plain, 1, "kernel", "a rule")
    with pytest.raises(InvalidArgument, match=r"kernel=.*two arguments, t and d \(it takes 1\)"):
        check_jit_function(plain, 2, "kernel", "a rule", "two arguments, t and d")
    with pytest.raises(InvalidArgument, match=r"kernel=.*a function of 3 arguments \(it takes 1\)"):
        check_jit_function(numba.njit(plain), 3, "kernel", "a rule")
    with pytest.raises(InvalidType):
        check_jit_function(len, 1, "kernel", "a rule")  # a builtin is no Python function
