"""Names kept for one release after the redesign: each still works and warns (README, "Renamed")."""

import importlib
import sys

import pytest

import finitelearn as fl


def test_finite_distribution_is_distribution_with_a_warning():
    with pytest.warns(DeprecationWarning, match="FiniteDistribution"):
        FD = fl.FiniteDistribution
    assert FD is fl.Distribution
    G = fl.Grid.square(3)
    assert FD.point_masses(G, [(0, 0)]) == fl.Distribution.point_masses(G, [(0, 0)])
    with pytest.warns(DeprecationWarning):
        from finitelearn.distributions import FiniteDistribution  # noqa: F401


@pytest.mark.parametrize("module, names", [
    ("finitelearn.cube", ["points", "index_to_bits", "bits_to_index", "memory_required", "check_memory"]),
    ("finitelearn.domain", ["FiniteDomain", "Cube", "FiniteDistribution", "check_p", "P_VALUES"]),
    ("finitelearn.grid", ["Grid", "LinearStudent"]),
])
def test_old_modules_warn_and_still_serve_their_names(module, names):
    sys.modules.pop(module, None)
    with pytest.warns(DeprecationWarning, match=module):
        mod = importlib.import_module(module)
    for n in names:
        assert getattr(mod, n) is not None
    assert mod.Grid is fl.Grid if module == "finitelearn.grid" else True
    if module == "finitelearn.cube":
        assert mod.points(2).tolist() == [[0, 0], [1, 0], [0, 1], [1, 1]]


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError):
        fl.NoSuchThing  # noqa: B018


def test_example_4_1_old_names_warn():
    from finitelearn.paper import example_4_1 as E

    with pytest.warns(DeprecationWarning, match="predict"):
        old = E.student_labels
    assert old is E.predict
    with pytest.warns(DeprecationWarning, match="is_strongly_robust_on_box"):
        assert E.is_strongly_robust is E.is_strongly_robust_on_box
