"""The exhaustive one-query search against the CP-SAT one-query maximum (an independent
method: a solver over the same question) and against a plain enumeration at d = 2."""

from __future__ import annotations

from fractions import Fraction
from itertools import product

import numpy as np
import pytest

import finitelearn as fl
from finitelearn.sq_search import one_query_search
from tests import naive, sq_twins


def _plain_d2(alpha, require):
    """Every Boolean query at d = 2 from the definition: |E[chi(x, f_S(x))] - null| > alpha."""
    d, n = 2, 4
    members = [m for m in range(1 << d) if m & 1]
    best = -1
    for bits in product((0, 1), repeat=2 * n):
        chi = [[bits[x], bits[n + x]] for x in range(n)]
        null = Fraction(sum(chi[x][0] + chi[x][1] for x in range(n)), 2 * n)
        out = 0
        for m in members:
            f = naive.parity_table(d, [i for i in range(d) if (m >> i) & 1])
            v = Fraction(sum(chi[x][f[x]] for x in range(n)), n)
            out += abs(v - null) > alpha
        if require and out == len(members):
            continue
        best = max(best, out)
    return best


@pytest.mark.parametrize("tol", ["1/8", "1/16", "1/5", "1/3"])
@pytest.mark.parametrize("require", [True, False])
def test_against_the_definition_at_d_2_and_3_and_cp_sat(tol, require):
    assert one_query_search(2, tol, require_consistent=require).value == _plain_d2(Fraction(tol), require)
    r = one_query_search(3, tol, require_consistent=require)
    null, null_any, _ = sq_twins.twin_max_eliminations(sq_twins.paper_tables(3), np.ones(8, dtype=np.int64), tol)
    assert r.value == r.checked == (null if require else null_any)  # every Boolean query, in numpy
    pytest.importorskip("ortools")
    m = fl.max_eliminations(fl.paper_teachers(3), fl.uniform(3), tol, answer="null", require_consistent=require)
    assert m.status == "optimal" and r.value == m.value


def test_chunks_and_threads_do_not_change_the_witness():
    want = sq_twins.best_one_query_d3(Fraction(1, 8))  # (value, the first best query's table)
    for r in (one_query_search(3, "1/8"), one_query_search(3, "1/8", engine=fl.local_engine(threads=2), chunk=1000),
              one_query_search(3, "1/8", chunk=7)):
        assert (r.value, r.witness.numerators.tolist()) == want


@pytest.mark.slow
def test_d_4_every_one_of_the_2_to_the_32_queries():
    r = one_query_search(4, "1/8")
    assert r.checked == r.value
    m = fl.max_eliminations(fl.paper_teachers(4), fl.uniform(4), "1/8", answer="null")
    assert m.lower <= r.value <= m.upper
