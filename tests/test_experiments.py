"""The scaling experiment: safe tolerance parsing, records, bounds, resume."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.parsing.sympy_parser import (
    implicit_multiplication_application,
    parse_expr,
    rationalize,
    standard_transformations,
)

import finitelearn as fl
from finitelearn.experiments import CSV_FIELDS, format_table, parse_tolerance, read_records, run_scaling
from tests import sq_twins


@pytest.mark.parametrize("text, d, want", [
    ("1/8", 5, Fraction(1, 8)), ("0.125", 3, Fraction(1, 8)), ("1/d", 4, Fraction(1, 4)),
    ("1/d^2", 3, Fraction(1, 9)), ("1/d**2", 3, Fraction(1, 9)), ("1/(2d)", 5, Fraction(1, 10)),
    ("d^-1", 7, Fraction(1, 7)), ("2/(d + 1)", 3, Fraction(1, 2)), ("  1 / ( 2 * d )  ", 2, Fraction(1, 4)),
    ("1/2^3", 1, Fraction(1, 8)), ("-(-1)/d", 2, Fraction(1, 2)), ("(d+1)^-2", 1, Fraction(1, 4)),
    ("1/(d(d-1))", 3, Fraction(1, 6)), ("3", 2, Fraction(3)),
])
def test_parse_tolerance_values(text, d, want):
    assert parse_tolerance(text)(d) == want


@st.composite
def expressions(draw, depth=0):
    if depth > 3 or draw(st.integers(0, 2)) == 0:
        return draw(st.sampled_from(["d", "1", "2", "3", "7", "0.5"]))
    op = draw(st.sampled_from(["+", "-", "*", "/", "^", "neg", "paren"]))
    a = draw(expressions(depth + 1))
    if op == "neg":
        return f"-{a}" if not a.startswith("-") else f"({a})"
    if op == "paren":
        return f"({a})"
    if op == "^":
        return f"({a})^{draw(st.integers(-3, 3))}"
    b = draw(expressions(depth + 1))
    return f"({a}){op}({b})"


@settings(deadline=None, max_examples=200)
@given(expressions(), st.integers(1, 9))
def test_parse_tolerance_agrees_with_sympy(text, d):
    """An independent reading of the same text: sympy's parser with d substituted."""
    transformations = standard_transformations + (implicit_multiplication_application, rationalize)
    sym = parse_expr(text.replace("^", "**"), local_dict={"d": sympy.Symbol("d")},
                     transformations=transformations)
    want = sym.subs("d", d)
    # sympy simplifies d/(d/0) to 0 symbolically; the tolerance is undefined there, as it is
    # wherever some power with a negative exponent has a base equal to 0 at this d
    raw = parse_expr(text.replace("^", "**"), local_dict={"d": sympy.Integer(d)},
                     transformations=transformations, evaluate=False)
    undefined = any(
        node.is_Pow and node.exp.is_negative and sympy.simplify(node.base) == 0
        for node in sympy.preorder_traversal(raw)
    )
    tol = parse_tolerance(text)
    if want.is_Rational and want > 0 and not undefined:
        assert tol(d) == Fraction(int(want.p), int(want.q))
    else:
        with pytest.raises(fl.InvalidArgument, match="tolerance="):
            tol(d)


@pytest.mark.parametrize("text, words", [
    ("__import__('os').system('true')", ["cannot read", "_"]),
    ("exp(d)", ["cannot read"]), ("1//8", ["unexpected"]), ("", ["empty"]), ("(1/d", ["ends too early"]),
    ("1/", ["ends too early"]), ("d)", ["unexpected ')'"]), ("x" * 101, ["100 characters"]),
])
def test_parse_tolerance_refuses(text, words):
    with pytest.raises(fl.InvalidArgument) as info:
        parse_tolerance(text)
    for w in words:
        assert w in str(info.value)


@pytest.mark.parametrize("text, d, words", [
    ("1/(d-3)", 3, ["at d=3", "division by zero"]), ("d-3", 2, ["alpha > 0", "d=2", "-1"]),
    ("2^(1/2)", 2, ["exponent 1/2"]), ("d^100", 2, ["exponent 100"]), ("0", 5, ["alpha > 0"]),
])
def test_tolerance_must_be_positive_and_defined(text, d, words):
    with pytest.raises(fl.InvalidArgument) as info:
        parse_tolerance(text)(d)
    for w in words:
        assert w in str(info.value)


def test_tolerance_checked_for_every_d_before_running(tmp_path):
    with pytest.raises(fl.InvalidArgument, match="at d=2 it is -1"):
        run_scaling(range(2, 6), "1/(d-3)", out_dir=tmp_path, progress=False)
    with pytest.raises(fl.InvalidArgument, match="at d=3"):
        run_scaling(range(3, 6), "1/(d-3)", out_dir=tmp_path, progress=False)
    assert not (tmp_path / "scaling.json").exists()


@pytest.mark.parametrize("responder", ["max_consistent", "null"])
def test_records_and_their_bounds(responder):
    recs = run_scaling(range(2, 9), "1/(2d)", responder=responder, progress=False)
    assert len(recs) == 7 * 7
    for r in recs:
        m = 2 ** (r.d - 1)
        assert r.class_size == m and r.paper_d_plus_1 == r.d + 1 and r.optimal_membership == r.d - 1
        assert len(r.version_space_sizes) == r.queries
        assert r.identified == (r.version_space_sizes[-1:] == [1] or m == 1)
        assert r.identified == (r.worst_case_agreement == "1")
        if r.oracle == "sq":
            alpha = Fraction(1, 2 * r.d)
            assert r.alpha == str(alpha) and r.lower_bound_kind == "parseval"
            assert r.lower_bound == sq_twins.parseval_bound(m, alpha)
            if r.identified:  # the theorem: no student beats the Parseval bound
                assert r.queries >= r.lower_bound
            assert r.max_removed * 4 * alpha * alpha < 1
        else:
            assert r.lower_bound == r.d - 1 and r.identified and r.queries >= r.d - 1
    by = {(r.d, r.student): r for r in recs}
    for d in range(2, 9):
        assert by[d, "paper-d+1"].queries == d + 1
        assert by[d, "optimal"].queries == d - 1
        assert by[d, "coordinate-correlations"].queries == d


def test_resume_after_an_interruption(tmp_path):
    seen = []

    def stop_after_five(rec):
        seen.append((rec.d, rec.student))
        if len(seen) == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_scaling(range(2, 5), "1/8", out_dir=tmp_path, progress=False, on_record=stop_after_five)
    assert len(read_records(tmp_path)) == 5  # written as each finished
    new = []
    recs = run_scaling(range(2, 5), "1/8", out_dir=tmp_path, progress=False, on_record=lambda r: new.append((r.d, r.student)))
    assert len(recs) == 21 and len(new) == 16 and not set(new) & set(seen)
    # another tolerance goes beside, not over, these records
    run_scaling([2], "1/16", students="greedy", out_dir=tmp_path, progress=False)
    stored = read_records(tmp_path)
    assert len(stored) == 22
    with open(tmp_path / "scaling.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 22 and set(CSV_FIELDS) <= set(rows[0])
    assert "version_space_sizes" not in rows[0] and "version_space_sizes" in stored[0]
    for row, rec in zip(rows, stored):
        assert (int(row["d"]), row["student"], int(row["queries"])) == (rec["d"], rec["student"], rec["queries"])
    # --no-resume recomputes this run's records and keeps the others
    again = []
    run_scaling(range(2, 5), "1/8", out_dir=tmp_path, progress=False, resume=False, on_record=again.append)
    assert len(again) == 21 and len(read_records(tmp_path)) == 22
    json.loads((tmp_path / "scaling.json").read_text())


def _no_seconds(recs):
    return [{k: v for k, v in asdict(r).items() if k != "seconds"} for r in recs]


SEEDED = ["random-features", "gf2-elimination"]


def test_the_seed_reaches_the_seeded_students_and_keys_the_records(tmp_path):
    """random-features at d = 8, alpha = 1/64 (128 teachers): each query is the feature query of a
    uniformly random h, whose values E[h f_S] = (1 - hhat(0) + hhat(S))/4 are multiples of 1/256
    spread with standard deviation about 1/64 = alpha (hhat(S) has 1/16), so the adversary's
    window of width 2 alpha keeps a random share (about three quarters) of the version space at
    every query: the sizes after the first query alone coincide for two seeds with probability
    about 0.08, and the whole runs (10 to 50 sizes) of 400 seeds were 400 different sequences.
    A run ignoring the seed would give every seed the same record.
    The same seed gives the same records; resuming with another seed computes that seed's
    records beside the first (the resume key holds the seed) and a rerun of a seed is resumed."""
    def run(seed, **kwargs):
        return run_scaling([8], "1/64", SEEDED, seed=seed, progress=False, **kwargs)

    one, two = run(1), run(2)
    assert [r.seed for r in one] == [1, 1] and [r.seed for r in two] == [2, 2]
    assert one[0].version_space_sizes != two[0].version_space_sizes
    assert _no_seconds(run(1)) == _no_seconds(one)
    assert _no_seconds(run(1, out_dir=tmp_path)) == _no_seconds(one)
    new = []
    assert _no_seconds(run(2, out_dir=tmp_path, on_record=new.append)) == _no_seconds(two)
    assert sorted((r.seed, r.student) for r in new) == [(2, s) for s in sorted(SEEDED)]  # computed, not reused
    stored = read_records(tmp_path)
    assert sorted((r["seed"], r["student"]) for r in stored) == [(s, n) for s in (1, 2) for n in sorted(SEEDED)]
    assert {r["seed"]: r["version_space_sizes"] for r in stored if r["student"] == SEEDED[0]} == \
        {1: one[0].version_space_sizes, 2: two[0].version_space_sizes}
    again = []
    assert _no_seconds(run(1, out_dir=tmp_path, on_record=again.append)) == _no_seconds(one)
    assert again == []  # resumed from the file


def test_budget_and_table():
    recs = run_scaling([6], "1/8", ["candidate-testing", "greedy"], budget=5, progress=False)
    assert all(r.queries == 5 and not r.identified and r.stopped == "budget" and r.budget == 5 for r in recs)
    table = format_table(recs)
    assert "5*" in table and "not identified" in table


@pytest.mark.parametrize("kwargs, exc, words", [
    (dict(d_values=[1, 2]), fl.InvalidArgument, ["d_values", "2..20"]),
    (dict(d_values=[21]), fl.InvalidArgument, ["2..20"]),
    (dict(d_values="2-5"), fl.InvalidType, ["d_values"]),
    (dict(d_values=[3], students=["genius"]), fl.InvalidArgument, ["students='genius'", "greedy"]),
    (dict(d_values=[3], students=[]), fl.InvalidArgument, ["at least one student"]),
    (dict(d_values=[3], responder="truthful"), fl.InvalidArgument, ["responder='truthful'"]),
    (dict(d_values=[3], budget=0), fl.InvalidArgument, ["budget=0"]),
    (dict(d_values=[3], tolerance=None), fl.InvalidType, ["tolerance=None"]),
    (dict(d_values=[3], tolerance="-1/8"), fl.InvalidArgument, ["alpha > 0"]),
])
def test_bad_input(kwargs, exc, words):
    kwargs.setdefault("progress", False)
    d_values = kwargs.pop("d_values")
    with pytest.raises(exc) as info:
        run_scaling(d_values, **kwargs)
    for w in words:
        assert w in str(info.value)


def test_corrupt_json_is_refused(tmp_path):
    (tmp_path / "scaling.json").write_text("{not json")
    with pytest.raises(fl.InvalidArgument, match="valid JSON"):
        run_scaling([2], progress=False, out_dir=tmp_path)


def test_exact_bounds_solved_in_a_second_process_give_the_same_records(tmp_path):
    """With d beyond SHARPEST_D_MAX in the run, the exact one-query bounds of the small d are solved
    by a second process while the larger d run, and those records come last: the records (returned
    and on disk) are in the run's order and carry the bounds a run of the small d alone gives."""
    from finitelearn.experiments import SHARPEST_D_MAX, sharpest_sq_bound

    ds = [SHARPEST_D_MAX - 1, SHARPEST_D_MAX, SHARPEST_D_MAX + 1]
    names = ["greedy", "paper-d+1"]
    recs = run_scaling(ds, "1/8", students=names, out_dir=tmp_path, progress=False)
    assert [(r.d, r.student) for r in recs] == [(d, s) for d in ds for s in names]
    on_disk = read_records(tmp_path)
    assert [(r["d"], r["student"]) for r in on_disk] == [(d, s) for d in ds for s in names]
    sharpest_sq_bound.cache_clear()
    alone = run_scaling(ds[:2], "1/8", students=["greedy"], progress=False)
    for r, a in zip([r for r in recs if r.student == "greedy"], alone):
        assert (r.d, r.sharpest_lower_bound, r.sharpest_lower_bound_source) == \
            (a.d, a.sharpest_lower_bound, a.sharpest_lower_bound_source)
    assert recs[0].sharpest_lower_bound == sq_twins.sharpest_bound(ds[0], "1/8", "max_consistent")  # d = 4
    assert recs[2].sharpest_lower_bound is not None and "one-query maximum" in recs[2].sharpest_lower_bound_source


@pytest.mark.parametrize("responder", ["null", "max_consistent"])
@pytest.mark.parametrize("alpha", ["1/4", "1/8", "1/16"])
@pytest.mark.parametrize("d", [3, 4])
def test_sharpest_bound_equals_the_twins(d, alpha, responder):
    """sharpest_sq_bound (CP-SAT or the orbit enumeration) against the plain enumerations of
    tests/sq_twins.py: every Boolean query at d = 3, the reduced model at d = 4."""
    from finitelearn.experiments import sharpest_sq_bound

    bound, source = sharpest_sq_bound(d, Fraction(alpha), responder)
    assert bound == sq_twins.sharpest_bound(d, alpha, responder)
    if bound is not None and bound > (sq_twins.parseval_bound(1 << (d - 1), Fraction(alpha)) or 0):
        assert f"r <= {sq_twins.one_query_maximum(d, alpha, responder)} " in source  # the maximum it rests on


@pytest.mark.parametrize("interpreter", ["/nonexistent/python", "false", "", None])
def test_a_bound_worker_that_cannot_start_or_fails_leaves_the_bounds_to_this_process(monkeypatch, interpreter):
    """The worker is an optimisation: when it cannot start (no such interpreter) or exits with an
    error (``false``), every bound is solved here: the twins' values (tests/sq_twins.py)."""
    import shutil
    import sys as _sys
    from fractions import Fraction

    from finitelearn import experiments
    from finitelearn.experiments import SHARPEST_D_MAX

    monkeypatch.setattr(_sys, "executable", interpreter and (shutil.which(interpreter) or interpreter))
    ds = [3, 4]
    assert SHARPEST_D_MAX >= 4  # (the worker solves the d up to SHARPEST_D_MAX)
    alphas = {d: Fraction(1, 8) for d in ds}
    worker = experiments._BoundWorker(ds, alphas, "max_consistent")
    got = [worker.result(d) for d in ds]
    worker.stop()
    assert [b for b, _ in got] == [sq_twins.sharpest_bound(d, "1/8", "max_consistent") for d in ds] == [3, 3]
    assert all("ceil((m-1)/r)" in src for _, src in got)


def test_the_bound_worker_answers_as_this_process_and_stops_when_asked(monkeypatch):
    from fractions import Fraction

    from finitelearn import experiments

    # the two bounds from the twins (the in-process solver is replaced below, so the worker's
    # answers cannot come from it): d = 4 at 1/16 and d = 3 at 1/8 are both Parseval's
    want = [sq_twins.sharpest_bound(4, "1/16", "null"), sq_twins.sharpest_bound(3, "1/8", "null")]
    assert want == [1, 1]

    def not_here(*args):
        raise AssertionError("solved in this process, not by the worker")

    worker = experiments._BoundWorker([3, 4], {3: Fraction(1, 8), 4: Fraction(1, 16)}, "null")
    assert worker._proc is not None
    monkeypatch.setattr(experiments, "sharpest_sq_bound", not_here)  # so the answers must come from the worker
    assert [b for b, _ in (worker.result(4), worker.result(3))] == want
    assert worker._proc.returncode == 0
    slow = experiments._BoundWorker([5], {5: Fraction(1, 8)}, "null")
    slow.stop()  # a run that ends early ends its worker
    assert slow._proc.poll() is not None


def test_the_bound_worker_s_output_is_read_only_from_its_tagged_well_formed_lines():
    from finitelearn.experiments import _BOUND_TAG, _bound_lines

    out = "\n".join([
        "some library's chatter",
        _BOUND_TAG + '[3, 3, "ceil((m-1)/r)"]',
        _BOUND_TAG + '[4, null, "no query rules out a teacher"]',
        _BOUND_TAG + "[5, 3",                    # cut short
        _BOUND_TAG + '[6, 2.5, "not an int"]',
        _BOUND_TAG + '[7, true, "a bool is not a bound"]',
        _BOUND_TAG + '[9, 4, "not asked"]',
        _BOUND_TAG + "5",                        # not three values
        _BOUND_TAG + "null",
        _BOUND_TAG + '[[2], 1, "an unhashable d"]',
        _BOUND_TAG + '[true, 1, "a bool is not a d"]',
        '[2, 1, "untagged"]',
    ])
    assert _bound_lines(out, {2, 3, 4, 5, 6, 7}) == {3: (3, "ceil((m-1)/r)"), 4: (None, "no query rules out a teacher")}


def test_a_bound_worker_that_is_too_slow_is_ended_and_its_bounds_solved_here(monkeypatch):
    from fractions import Fraction

    from finitelearn import experiments

    monkeypatch.setattr(experiments, "_BOUND_WORKER_TIMEOUT", 0.01)
    worker = experiments._BoundWorker([3, 4], {3: Fraction(1, 8), 4: Fraction(1, 16)}, "max_consistent")
    got = [worker.result(3), worker.result(4)]
    assert worker._proc.poll() is not None  # ended, not left running
    assert [b for b, _ in got] == [sq_twins.sharpest_bound(3, "1/8", "max_consistent"),
                                   sq_twins.sharpest_bound(4, "1/16", "max_consistent")] == [3, 2]
