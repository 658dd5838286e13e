"""Teachers with an uncertain label (Section 3.2, Remark 3.2) and students."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import finitelearn as fl
from finitelearn.student import student_labels

F = Fraction
U = fl.UNCERTAIN


def test_uncertain_is_minus_one():
    assert fl.UNCERTAIN == -1


@settings(deadline=None, max_examples=80)
@given(st.integers(1, 3).flatmap(lambda d: st.lists(st.integers(-1, 2), min_size=2**d, max_size=2**d)))
def test_regions_partition_the_domain(labels):
    T = fl.Teacher.from_table(labels)
    n = len(labels)
    assert T.domain == fl.Cube(n.bit_length() - 1)
    assert T.table.dtype == np.int8 and not T.table.flags.writeable
    assert T.n_classes == max(2, max(labels) + 1)
    seen = []
    for k in range(T.n_classes):
        omega = T.omega(k).tolist()
        assert omega == [x for x in range(n) if labels[x] == k]
        seen += omega
    assert T.omega_uncertain().tolist() == [x for x in range(n) if labels[x] == U] == T.omega(U).tolist()
    assert T.confident_region().tolist() == [x for x in range(n) if labels[x] != U]
    assert sorted(seen + T.omega_uncertain().tolist()) == list(range(n))
    assert all(T(x) == labels[x] for x in range(n))


def test_from_callable_on_a_grid_uses_exact_coordinates():
    G = fl.Grid.square(5)
    T = fl.Teacher.from_callable(G, lambda x: 1 if x[0] >= F(1, 2) else 0 if x[0] <= F(-1, 2) else None)
    for k, x in enumerate(G.points()):
        assert T(k) == (1 if x[0] >= F(1, 2) else 0 if x[0] <= F(-1, 2) else U)
    assert T.region_points(1)[0] == (F(1, 2), F(-1))
    assert fl.Teacher.from_table(T.table, domain=G) == T


def test_from_boolean_function_and_n_classes():
    T = fl.Teacher.from_table(fl.parity(3, {0, 1}))
    assert T.table.tolist() == fl.parity(3, {0, 1}).truth_table.tolist() and len(T.omega_uncertain()) == 0
    assert fl.Teacher.from_table([0, 0, U, U], n_classes=4).n_classes == 4


@pytest.mark.parametrize("lo, hi", [(F(1, 100), F(99, 100)), ("0.25", "0.75"), (F(1, 3), F(1, 3)), (0, 1)])
def test_remark_3_2_score_thresholds(lo, hi):
    X = fl.Cube(3)
    scores = [F(0), F(1, 100), F(1, 3), F(1, 2), F(3, 4), F(99, 100), F(199, 200), F(1)]
    T = fl.Teacher.from_score(X, scores, lo=lo, hi=hi)
    lo_q, hi_q = F(lo), F(hi)
    assert T.table.tolist() == [1 if s > hi_q else 0 if s < lo_q else U for s in scores]
    assert fl.Teacher.from_score(X, lambda x: scores[x[0] + 2 * x[1] + 4 * x[2]], lo=lo, hi=hi) == T


def test_remark_3_2_defaults_are_the_papers_and_floats_are_read_as_decimals():
    # N = 0.99 is not > 0.99 and N = 0.01 is not < 0.01: both uncertain, as the paper's strict inequalities say
    T = fl.Teacher.from_score(2, [0.99, 0.991, 0.01, 0.0099])
    assert T.table.tolist() == [U, 1, U, 0]


def test_students():
    S = fl.Student.from_table([0, 2, 1, 1])
    assert S.domain == fl.Cube(2) and S((1, 0)) == 2
    G = fl.Grid.square(3)
    S2 = fl.Student.from_callable(G, lambda x: int(x[0] + x[1] > 0))
    assert S2.table.tolist() == [int(x[0] + x[1] > 0) for x in G.points()]
    assert student_labels(fl.majority(3), fl.Cube(3)).tolist() == fl.majority(3).truth_table.tolist()
    assert fl.Student.from_table(fl.dictator(2, 0)) == fl.Student.from_table([0, 1, 0, 1])


@pytest.mark.parametrize("call, exc, words", [
    (lambda: fl.Teacher.from_score(2, [0, 0, 0, 0], lo="0.9", hi="0.1"), fl.InvalidArgument, "lo="),
    (lambda: fl.Teacher.from_score(2, [0, 0, 0, 0], lo=-1), fl.InvalidArgument, "lo="),
    (lambda: fl.Teacher.from_score(2, [0, 0, 0, 0], hi=2), fl.InvalidArgument, "hi="),
    (lambda: fl.Teacher.from_score(2, [0, 0, 0, F(3, 2)]), fl.InvalidArgument, "score"),
    (lambda: fl.Teacher.from_score(2, [0, 0, 0]), fl.InvalidArgument, "score"),
    (lambda: fl.Teacher.from_score(2, lambda x: "high"), fl.InvalidArgument, "score"),
    (lambda: fl.Teacher.from_table([0, 1, 2]), fl.InvalidArgument, "table"),
    (lambda: fl.Teacher.from_table([0, -2, 1, 1]), fl.InvalidArgument, "table=-2"),
    (lambda: fl.Teacher.from_table([0.5, 1, 1, 1]), fl.InvalidType, "table"),
    (lambda: fl.Teacher.from_table([0, 1, 1, 1], domain=fl.Grid.square(3)), fl.InvalidArgument, "9 labels"),
    (lambda: fl.Teacher.from_table([0, 3, 1, 1], n_classes=2), fl.InvalidArgument, "n_classes"),
    (lambda: fl.Teacher.from_callable(2, lambda x: "A"), fl.InvalidArgument, "fn"),
    (lambda: fl.Teacher.from_table([0, 1, 1, 1]).omega(5), fl.InvalidArgument, "k=5"),
    (lambda: fl.Teacher.from_table(fl.dictator(2, 0), domain=3), fl.DomainMismatch, "domain"),
    (lambda: fl.Student.from_table([0, U, 1, 1]), fl.InvalidArgument, "never outputs U"),
    (lambda: fl.Student.from_callable(2, lambda x: -1), fl.InvalidArgument, "never outputs U"),
    (lambda: student_labels(fl.dictator(3, 0), fl.Cube(2)), fl.DomainMismatch, "student"),
    (lambda: student_labels([0, 1, 0, 1], fl.Cube(2)), fl.InvalidType, "student"),
    (lambda: fl.Teacher([0, 1]), TypeError, "from_table"),
])
def test_bad_input(call, exc, words):
    with pytest.raises(exc, match=words):
        call()
