"""finitelearn._kernels.robustness against its plain twins in tests/naive.py: every pair
of small lattice points and every set of sources among them, then hypothesis inputs with
the dimension drawn once."""

from __future__ import annotations

from itertools import product

import numpy as np
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from finitelearn._kernels import robustness as RK
from tests import naive

P_CODES = [0, 1, 2, 3]


def grid(dim: int, lo: int, hi: int) -> np.ndarray:
    points = list(product(range(lo, hi + 1), repeat=dim))
    return np.array(points, dtype=np.int64).reshape(len(points), dim)


@pytest.mark.parametrize("p_code", P_CODES)
@pytest.mark.parametrize("dim", [0, 1, 2, 3])
def test_lattice_distance_every_pair(dim, p_code):
    X = grid(dim, -2, 2)
    for i in range(X.shape[0]):
        for j in range(X.shape[0]):
            assert RK.lattice_distance(X, i, X, j, p_code) == naive.lattice_distance(X, i, X, j, p_code)


@pytest.mark.parametrize("p_code", P_CODES)
@pytest.mark.parametrize("dim", [1, 2])
def test_nearest_and_within_every_source_set(dim, p_code):
    targets = grid(dim, -2, 2)
    pool = grid(dim, -1, 1)
    for m in range(1 << pool.shape[0]):
        sources = pool[[k for k in range(pool.shape[0]) if (m >> k) & 1]]
        best, arg = RK.nearest_source(targets, sources, p_code)
        assert (best.tolist(), arg.tolist()) == naive.nearest_source(targets, sources, p_code)
        for thr in range(0, 9, 2 if m % 3 else 1):
            assert RK.within_of_sources(targets, sources, p_code, thr).tolist() == naive.within_of_sources(
                targets, sources, p_code, thr)


@st.composite
def lattice_inputs(draw):
    """Targets, sources, p_code and a threshold drawn from the distances that occur.

    A threshold drawn from 0..dim (2 scale)^2 (the range of squared l_2) exceeds every
    l_0, l_1 and l_inf distance in most draws, and ``within_of_sources`` is then the same
    for every target.  Here it is one of the realised target-source distances (the plain
    twin's, per p_code): a target's distance to its nearest source, exactly or moved by 1.
    The boundary ``<= threshold`` is pinned, and the targets nearer than that one fall on
    one side of it, those further on the other."""
    dim = draw(st.integers(1, 5))
    scale = draw(st.sampled_from([1, 3, 1000, 2**20]))
    # a few shared values too: at a large scale coordinates drawn from the whole range all
    # differ, and every l_0 distance is dim
    coordinate = st.integers(-scale, scale) | st.sampled_from([-scale, 0, 1, scale])
    row = st.lists(coordinate, min_size=dim, max_size=dim)
    # two targets or more, so that they can fall on both sides; no sources (every answer
    # False, best -1) comes with the empty source set of the exhaustive test above
    targets = draw(st.lists(row, min_size=2, max_size=12))
    sources = draw(st.lists(row, min_size=1, max_size=12))
    as_array = lambda rows: np.array(rows, dtype=np.int64).reshape(len(rows), dim)
    p_code = draw(st.sampled_from(P_CODES))
    X, Y = as_array(targets), as_array(sources)
    nearest = sorted(set(naive.nearest_source(X, Y, p_code)[0]))  # each target's distance to its nearest source
    # not the largest (which every target is within) unless it is the only one
    threshold = max(0, draw(st.sampled_from(nearest[:-1] or nearest)) + draw(st.sampled_from([-1, 0, 0, 1])))
    return X, Y, p_code, threshold


def test_lattice_inputs_split_the_targets():
    """The strategy above, 120 derandomised draws: in at least 40% of them (72% measured),
    and at least 5 times for each p_code, some targets are within the threshold and some
    are not (with a threshold drawn from 0..dim (2 scale)^2, in 8% of all draws)."""
    split, seen = dict.fromkeys(P_CODES, 0), dict.fromkeys(P_CODES, 0)

    @settings(max_examples=120, derandomize=True, database=None, phases=[Phase.generate])
    @given(lattice_inputs())
    def record(args):
        targets, sources, p_code, threshold = args
        seen[p_code] += 1
        split[p_code] += len(set(naive.within_of_sources(targets, sources, p_code, threshold))) == 2

    record()
    assert sum(split.values()) >= 120 * 2 // 5 and all(split[p] >= 5 for p in P_CODES), (split, seen)


@given(lattice_inputs())
def test_lattice_kernels(args):
    targets, sources, p_code, threshold = args
    for i in range(targets.shape[0]):
        for j in range(sources.shape[0]):
            assert RK.lattice_distance(targets, i, sources, j, p_code) == naive.lattice_distance(
                targets, i, sources, j, p_code)
    best, arg = RK.nearest_source(targets, sources, p_code)
    assert (best.tolist(), arg.tolist()) == naive.nearest_source(targets, sources, p_code)
    assert RK.within_of_sources(targets, sources, p_code, threshold).tolist() == naive.within_of_sources(
        targets, sources, p_code, threshold)


@pytest.mark.parametrize("d", [1, 2, 3, 4])
def test_hamming_transform_every_source_set(d):
    """Exhaustive at d <= 3 (every subset of the cube as sources), every single source and pair at d = 4."""
    n = 1 << d
    if d <= 3:
        sets = [[k for k in range(n) if (m >> k) & 1] for m in range(1 << n)]
    else:
        sets = [[a] for a in range(n)] + [[a, b] for a in range(n) for b in range(a + 1, n)]
    for src in sets:
        dist, origin = RK.hamming_transform(d, np.asarray(src, dtype=np.int64))
        want_d, want_o = naive.hamming_transform(d, src)
        assert dist.tolist() == want_d and origin.tolist() == want_o, src


@given(st.integers(1, 9).flatmap(lambda d: st.tuples(st.just(d), st.sets(st.integers(0, (1 << d) - 1), max_size=12))))
def test_hamming_transform_matches_its_twin(case):
    d, src = case
    dist, origin = RK.hamming_transform(d, np.asarray(sorted(src), dtype=np.int64))
    want_d, want_o = naive.hamming_transform(d, sorted(src))
    assert dist.tolist() == want_d and origin.tolist() == want_o
