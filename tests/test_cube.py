import numpy as np
import pytest
from hypothesis import given, strategies as st

import finitelearn as fl
from finitelearn.memory import check_memory, memory_required


@pytest.mark.parametrize("d", [1, 2, 3, 5, 8])
def test_points_rows_are_the_bits_of_their_index(d):
    P = fl.points(d)
    assert P.shape == (2**d, d) and P.dtype == np.uint8
    assert not P.flags.writeable
    for k in range(2**d):
        assert tuple(P[k]) == tuple((k >> i) & 1 for i in range(d))


@given(st.integers(1, 40).flatmap(lambda d: st.tuples(st.just(d), st.integers(0, 2**d - 1))))
def test_index_bits_roundtrip(dk):
    d, k = dk
    x = fl.index_to_bits(k, d)
    assert len(x) == d and fl.bits_to_index(x) == k
    assert sum(b * 2**i for i, b in enumerate(x)) == k  # bit i-1 of the index is the paper's x_i


def test_paper_point_encoding():
    # e_1 = (1, 0, ..., 0) is index 1; e_d is index 2^(d-1)
    assert fl.bits_to_index((1, 0, 0, 0)) == 1
    assert fl.bits_to_index((0, 0, 0, 1)) == 8


def test_memory_guard_refuses_before_allocating():
    with pytest.raises(fl.TooLarge, match=r"d=60.*need .*PiB|d=60.*need .*EiB|d=60.*need"):
        check_memory(60)
    with pytest.raises(fl.TooLarge, match="d=45"):
        fl.parity(45, {0})
    with pytest.raises(fl.TooLarge):
        fl.points(40)
    assert memory_required(10, 8) == 8 * 1024
