"""The Dask engine: the same exact results as in this process, faults, a real cluster.

A module-scoped LocalCluster of two worker processes (started here, closed after: CI needs
no service running); one test kills a worker process mid-computation; one starts a
scheduler and two workers with the ``dask scheduler`` and ``dask worker`` commands on
127.0.0.1 and runs ``finitelearn scaling --scheduler`` against them.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from fractions import Fraction
from math import comb
from pathlib import Path

import numba
import pytest

pytest.importorskip("distributed")

import finitelearn as fl  # noqa: E402
from finitelearn.experiments import run_scaling  # noqa: E402
from finitelearn.lazy import count_ones  # noqa: E402
from tests import naive, sq_twins  # noqa: E402

ROOT = Path(fl.__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}


@numba.njit
def slow_parity(k):
    """The parity of all bits of k, one bit at a time (a user's rule that is slow on purpose)."""
    c = 0
    while k:
        c ^= k & 1
        k >>= 1
    return c


@numba.njit
def mixed(k):
    return ((k * 2654435761) >> 9) & 1


@pytest.fixture(scope="module")
def eng():
    e = fl.dask_engine(workers=2, threads_per_worker=1)
    try:
        yield e
    finally:
        e.close()


def _lazy_cases(d):
    f = fl.threshold(d, list(range(-4, d - 4)), 2, lazy=True) ^ fl.parity(d, {0, d - 1}, lazy=True)
    g = fl.conjunction(d, {1, 2}, lazy=True) | fl.BooleanFunction.from_kernel(d, mixed)
    return f, g


@pytest.mark.parametrize("d", [3, 7, 12])
def test_every_sum_is_the_same_fraction_in_process_and_on_dask(eng, d):
    f, g = _lazy_cases(d)
    tf, tg = f.truth_table.tolist(), g.truth_table.tolist()
    F, G = fl.BooleanFunction.from_truth_table(tf), fl.BooleanFunction.from_truth_table(tg)
    for D in (fl.uniform(d), fl.uniform_on_subcube(d, {0: 1, d - 1: 0} if d > 1 else {0: 1})):
        w = D.dense_weights().tolist()
        here = naive.agreement(tf, tg, w)
        assert fl.agreement_probability(f, g, D) == here
        assert fl.agreement_probability(f, g, D, engine=eng) == here
        assert fl.agreement_probability(F, G, D, engine=eng) == here
        assert fl.correlation(f, g, D, engine=eng) == fl.correlation(F, G, D) == 2 * here - 1
        assert fl.fourier_coefficient(f, {0, 2}, distribution=D, engine=eng) == naive.fourier_coefficient(tf, 0b101, w)
        assert fl.influence(g, 1, distribution=D, engine=eng) == naive.influence(tg, d, 1, w)
    assert fl.fourier_coefficient(f, {0, 2}, engine=eng) == naive.fourier_coefficient(tf, 0b101, [1] * (1 << d))
    assert fl.influence(f, 1, engine=eng) == naive.influence(tf, d, 1)
    assert fl.total_influence(g, engine=eng) == sum(naive.influence(tg, d, i) for i in range(d))


def test_many_small_chunks_and_large_d(eng):
    f = fl.parity(34, {0, 33}, lazy=True)
    g = fl.disjunction(34, {1, 32}, lazy=True)
    D = fl.uniform_on_subcube(34, {i: 0 for i in range(8, 30)})  # 2^12 points: 64 words
    # the 2^12 points of D by plain enumeration: bits 0..7 and 30..33 free
    free = list(range(8)) + list(range(30, 34))
    points = [sum(((k >> j) & 1) << b for j, b in enumerate(free)) for k in range(1 << 12)]
    want = sum(((x ^ (x >> 33)) & 1) != (((x >> 1) | (x >> 32)) & 1) for x in points)
    assert want == 2048  # f = x_1 + x_34 is uniform given g's bits x_2, x_33: they differ on half
    assert count_ones(f ^ g, D) == want
    assert fl.lazy.count_ones(f ^ g, D, eng, chunk=1) == want
    # x_1 + x_34 odd and not (x_2 or x_33), or even and (x_2 or x_33): 1/2 of the points
    assert fl.agreement_probability(f, g, fl.uniform(34), engine=eng) == Fraction(1, 2)


def test_census_on_dask(eng):
    assert fl.count_functions(4, "monotone", eng) == 168  # Dedekind M(4)
    assert fl.count_functions(4, "bent", eng) == 896
    # Fourier degree <= 2 at d = 3: only fhat({1,2,3}) = 0, i.e. f agrees with x1 + x2 + x3 (mod 2)
    # on exactly 4 of the 8 points: C(8, 4) functions (the predicate of naive.py counts the same)
    want = sum(1 for t in range(1 << 8) if naive.degree_at_most(t, 3, 2))
    assert fl.count_functions(3, fl.census.degree_at_most(2), eng) == want == comb(8, 4)
    assert fl.count_functions(5, "balanced", eng) == comb(32, 16) == 601080390


@pytest.mark.parametrize("tol", ["1/16", "1/8"])
def test_the_one_query_search_on_dask(eng, tol):
    want = sq_twins.best_one_query_d3(Fraction(tol))
    here = fl.one_query_search(3, tol)
    there = fl.one_query_search(3, tol, engine=eng, chunk=1 << 10)
    assert (there.value, there.witness.numerators.tolist()) == want
    assert (here.value, here.witness.numerators.tolist()) == want


def test_a_worker_killed_mid_computation_does_not_change_the_answer(eng):
    d = 27
    f = fl.BooleanFunction.from_kernel(d, slow_parity)
    fl.lazy.count_ones(fl.BooleanFunction.from_kernel(8, slow_parity), fl.uniform(8), eng)  # compile on the workers
    pids = eng.client.run(os.getpid)
    done = threading.Event()
    result = {}

    def compute():
        try:
            result["value"] = fl.lazy.count_ones(f, fl.uniform(d), eng, chunk=1 << 13)
        except BaseException as exc:  # pragma: no cover - reported below
            result["error"] = exc
        done.set()

    t = threading.Thread(target=compute)
    t.start()
    victim_address = sorted(pids)[0]
    deadline = time.monotonic() + 60
    while not eng.client.processing().get(victim_address) and time.monotonic() < deadline:
        time.sleep(0.05)  # until the victim is running chunks of this computation
    time.sleep(0.3)
    assert not done.is_set(), "the computation finished before the kill: make it longer"
    os.kill(pids[victim_address], signal.SIGKILL)
    t.join(timeout=120)
    assert done.is_set() and "error" not in result, result
    assert result["value"] == 2 ** (d - 1)  # half of the points have odd weight
    eng.client.wait_for_workers(2, timeout=60)  # the nanny restarted it


def test_an_unreachable_scheduler_is_named():
    with pytest.raises(fl.SchedulerUnreachable, match=r"tcp://127\.0\.0\.1:9"):
        fl.dask_engine("tcp://127.0.0.1:9", timeout=1)
    with pytest.raises(ConnectionError):
        fl.dask_engine("127.0.0.1:9", timeout=1)


def _rows(out):
    recs = json.loads((Path(out) / "scaling.json").read_text())["records"]
    return {(r["d"], r["student"]): {k: v for k, v in r.items() if k != "seconds"} for r in recs}


def _known(rows, alpha="1/8"):
    """The records' fields that follow from the paper and the twins, not from run_scaling:
    2^(d-1) teachers; d + 1 membership queries for Theorem 4.3's student and d - 1 for the
    optimal one (each query at most halves the parities against the larger-half adversary);
    GF(2) elimination identifies, each query keeping the version space or halving it; the SQ
    students' Parseval and sharpest bounds (tests/sq_twins.py)."""
    for (d, student), r in rows.items():
        m = 1 << (d - 1)
        assert r["class_size"] == m and r["paper_d_plus_1"] == d + 1 and r["optimal_membership"] == d - 1
        assert r["identified"] and r["version_space_sizes"][-1] == 1
        if student == "paper-d+1":
            assert r["queries"] == d + 1
        elif student == "optimal":
            assert r["queries"] == d - 1
        elif student == "gf2-elimination":
            sizes = [m] + r["version_space_sizes"]
            assert all(b in (a, a // 2) for a, b in zip(sizes, sizes[1:])) and r["queries"] >= d - 1
        else:  # an SQ student against the max-consistent adversary
            assert r["lower_bound"] == sq_twins.parseval_bound(m, alpha)
            assert r["sharpest_lower_bound"] == sq_twins.sharpest_bound(d, alpha, "max_consistent")


def test_scaling_on_the_cluster_writes_the_same_records_and_resumes(eng, tmp_path):
    here, there = tmp_path / "here", tmp_path / "there"
    students = ["paper-d+1", "greedy", "gf2-elimination"]
    a = run_scaling([2, 3], "1/8", students=students, out_dir=here, progress=False)
    b = run_scaling([2, 3], "1/8", students=students, out_dir=there, progress=False, engine=eng)
    assert [(r.d, r.student) for r in a] == [(r.d, r.student) for r in b]
    assert _rows(here) == _rows(there)
    _known(_rows(there))
    assert (here / "scaling.csv").read_text().count("\n") == (there / "scaling.csv").read_text().count("\n")
    seconds = [r.seconds for r in b]
    again = run_scaling([2, 3], "1/8", students=students, out_dir=there, progress=False, engine=eng)
    assert [r.seconds for r in again] == seconds  # resumed from the file, nothing recomputed


def test_the_seed_reaches_the_students_on_the_cluster(eng):
    """random-features at d = 8, alpha = 1/64, where two seeds' records differ with overwhelming
    probability (tests/test_experiments.py says why): the cluster's record of seed 1 is this
    process's record of seed 1, not that of the default seed 0."""
    def sizes(seed, **kwargs):
        (r,) = run_scaling([8], "1/64", ["random-features"], seed=seed, progress=False, **kwargs)
        return r.seed, r.version_space_sizes

    there = sizes(1, engine=eng)
    assert there == sizes(1) and there[1] != sizes(0)[1]


def test_ctrl_c_keeps_the_finished_records_and_a_rerun_completes(eng, tmp_path):
    out = tmp_path / "run"
    seen = []

    def interrupt(rec):
        seen.append(rec)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_scaling([2, 3, 4, 5], "1/8", students=["paper-d+1", "optimal"], out_dir=out, progress=False,
                    engine=eng, on_record=interrupt)
    kept = _rows(out)
    assert len(kept) == 1 and (seen[0].d, seen[0].student) in kept
    full = run_scaling([2, 3, 4, 5], "1/8", students=["paper-d+1", "optimal"], out_dir=out, progress=False, engine=eng)
    assert len(full) == 8 and len(_rows(out)) == 8


def test_ctrl_c_of_finitelearn_scaling_workers_keeps_the_records_and_exits_130(tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "finitelearn.cli", "scaling", "--d-min", "2", "--d-max", "14",
           "--students", "greedy,candidate-testing", "--workers", "2", "--out", str(out), "--no-plot", "--no-progress"]
    p = subprocess.Popen(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and p.poll() is None:
            if (out / "scaling.json").exists() and len(_rows(out)) >= 1:
                break
            time.sleep(0.2)
        assert p.poll() is None, p.communicate()
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    assert p.returncode == 130, err
    kept = len(_rows(out))
    assert 1 <= kept < 26 and f"interrupted: {kept} records kept" in err


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dask_command():
    exe = shutil.which("dask")
    return [exe] if exe else [sys.executable, "-m", "dask"]


def test_finitelearn_scaling_against_dask_scheduler_and_dask_worker_processes(tmp_path):
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = []
    logs = []
    try:
        def start(args, name):
            log = open(tmp_path / f"{name}.log", "w")
            logs.append(log)
            procs.append(subprocess.Popen(_dask_command() + args, env=ENV, stdout=log, stderr=subprocess.STDOUT,
                                          cwd=tmp_path, start_new_session=True))

        start(["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], "scheduler")
        for i in range(2):
            start(["worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                   "--name", f"w{i}"], f"worker{i}")
        from distributed import Client

        with Client(address, timeout=60) as c:
            c.wait_for_workers(2, timeout=60)
        out = tmp_path / "out"
        cmd = [sys.executable, "-m", "finitelearn.cli", "scaling", "--d-min", "2", "--d-max", "3",
               "--students", "paper-d+1,optimal,gf2-elimination", "--scheduler", address, "--out", str(out),
               "--no-plot", "--no-progress"]
        done = subprocess.run(cmd, env=ENV, capture_output=True, text=True, timeout=180, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "6 records" in done.stdout
        here = tmp_path / "here"
        run_scaling([2, 3], "1/8", students=["paper-d+1", "optimal", "gf2-elimination"], out_dir=here, progress=False)
        assert _rows(out) == _rows(here)
        _known(_rows(out))
    finally:
        for p in reversed(procs):  # the workers first, then the scheduler: only what this test started
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(timeout=20)
        for log in logs:
            log.close()


def test_the_scheduler_address_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("FINITELEARN_SCHEDULER", "tcp://127.0.0.1:9")
    with pytest.raises(fl.SchedulerUnreachable, match=r"tcp://127\.0\.0\.1:9.*FINITELEARN_SCHEDULER"):
        fl.dask_engine(timeout=1)
