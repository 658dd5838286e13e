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


# -- distances by popcount against the grid's lattice arithmetic and brute force -------------
from fractions import Fraction as _F  # noqa: E402

from hypothesis import given as _given  # noqa: E402
from hypothesis import strategies as _st  # noqa: E402

_DELTAS = [_F(0), _F(1, 2), _F(1), _F(3, 2), _F(2), _F(5, 2), _F(3), _F(7)]


def _brute_power(x: int, y: int, p) -> _F:
    h = bin(x ^ y).count("1")
    if p == float("inf"):
        return _F(1 if h else 0)
    return _F(h)  # l_0 = l_1 = h, l_2 squared = h


@_given(_st.integers(1, 6).flatmap(lambda d: _st.tuples(
    _st.just(d), _st.sets(_st.integers(0, (1 << d) - 1), min_size=1, max_size=6),
    _st.sets(_st.integers(0, (1 << d) - 1), min_size=1, max_size=6),
    _st.sampled_from(_DELTAS), _st.sampled_from([0, 1, 2, float("inf")]))))
def test_cube_distances_equal_the_grid_route_and_brute_force(case):
    """{0,1}^d is the grid with 2 points per axis and the same indexing: two independent routes."""
    d, src, tgt, delta, p = case
    X, G = fl.Cube(d), fl.Grid([(0, 1)] * d, 2)
    s, t = np.array(sorted(src)), np.array(sorted(tgt))
    assert X.within(s, delta, p).tolist() == G.within(s, delta, p).tolist()
    radius = delta * delta if p == 2 else delta  # compare powers: l_2 through squares
    want = [any(_brute_power(k, a, p) <= (radius if p != 0 else int(delta)) for a in src) for k in range(1 << d)]
    assert X.within(s, delta, p).tolist() == want
    pair = X.closest_pair(s, t, p)
    assert pair == G.closest_pair(s, t, p)
    best = min(_brute_power(a, b, p) for a in src for b in tgt)
    assert pair[0] == best and _brute_power(pair[1], pair[2], p) == best
    assert pair[2] == min(b for b in tgt if min(_brute_power(a, b, p) for a in src) == best)
    x, y = sorted(src)[0], sorted(tgt)[0]
    assert X.distance(x, y, p) == G.distance(x, y, p) == _brute_power(x, y, p)
