"""Concept classes: membership and positions found from masks, against plain enumeration."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import finitelearn as fl
from finitelearn.classes import parity_mask_of


def table_of(f):
    return [int(v) for v in f.truth_table]


def plain_parity_mask(table, d):
    """S with table[x] = popcount(S & x) mod 2 for every x, by trying every S."""
    for S in range(1 << d):
        if all(table[x] == bin(S & x).count("1") % 2 for x in range(1 << d)):
            return S
    return None


@pytest.mark.parametrize("d", [1, 2, 3])
def test_parity_mask_of_every_function_on_small_cubes(d):
    n = 1 << d
    for table in itertools.product([0, 1], repeat=n):
        f = fl.BooleanFunction.from_truth_table(list(table))
        assert parity_mask_of(f) == plain_parity_mask(table, d)


@pytest.mark.parametrize("cls", [fl.paper_teachers(4), fl.parities(4, excluding={1}),
                                 fl.ConceptClass.from_tables([[0, 1, 1, 0], [0, 0, 0, 1], [1, 1, 1, 1]])])
def test_index_and_contains_agree_with_a_scan_of_the_members(cls):
    d = cls.d
    members = [table_of(cls[k]) for k in range(len(cls))]
    if d <= 2:
        probes = [list(t) for t in itertools.product([0, 1], repeat=1 << d)]
    else:  # every parity, every complement and a non-parity
        probes = [table_of(g(fl.parity(d, S))) for S in range(1 << d) for g in (lambda f: f, lambda f: ~f)]
        probes.append(table_of(fl.dictator(d, 0) & fl.dictator(d, 1)))
    for table in probes:
        f = fl.BooleanFunction.from_truth_table(list(table))
        want = [k for k, m in enumerate(members) if m == list(table)]
        assert (f in cls) == bool(want)
        if want:
            assert cls.index(f) == want[0]
        else:
            with pytest.raises(fl.InvalidArgument, match="a member of this class"):
                cls.index(f)
    assert fl.parity(d + 1, 1) not in cls and "f" not in cls


def test_index_builds_no_member_of_a_parity_class(monkeypatch):
    C = fl.paper_teachers(12)
    monkeypatch.setattr(type(C), "__getitem__", lambda self, k: pytest.fail("a member was built"))
    assert C.index(fl.parity(12, {0, 5})) == int(np.flatnonzero(C.masks == 0b100001)[0])
    assert fl.parity(12, {1}) not in C


@pytest.mark.parametrize("d", [1, 2, 3, 5, 7])
def test_parity_class_tables_against_the_definition(d):
    """The tables a parity class builds from its masks are f_S(x) = sum_{i in S} x_i mod 2, point by point."""
    from tests import naive

    for C in (fl.parities(d), fl.paper_teachers(d)):
        T = C.tables
        assert T.dtype == np.uint8 and T.shape == (len(C), 1 << d) and not T.flags.writeable
        for row, S in zip(T.tolist(), C.subsets()):
            assert row == naive.parity_table(d, sorted(S))


@pytest.mark.parametrize("d", [1, 3, 6])
def test_position_of_mask_against_a_scan(d):
    """A parity class's mask lookup against scanning its masks, members and non-members, any order."""
    for C in (fl.parities(d), fl.paper_teachers(d)):
        listed = C.masks.tolist()
        for m in range(1 << d):
            assert C.position_of_mask(m) == (listed.index(m) if m in listed else None)
    with pytest.raises(fl.InvalidArgument, match="parity class"):
        fl.ConceptClass.from_tables([[0, 1], [1, 1]]).position_of_mask(1)
