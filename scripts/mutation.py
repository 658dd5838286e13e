"""Mutation testing of finitelearn's core modules with cosmic-ray; not part of CI.

Usage::

    pip install cosmic-ray
    python scripts/mutation.py                       # every core module, one after another
    python scripts/mutation.py responders agreement  # some of them
    python scripts/mutation.py --cap 1200 --jobs 2 oracles   # at most 20 minutes, 2 workers
    python scripts/mutation.py --report              # only rewrite the report from the sessions

Why cosmic-ray and not mutmut 3: mutmut 3 mutates through trampolines and skips every
decorated function, so it never mutates an ``@njit`` kernel, and ``finitelearn/_kernels``
is almost nothing else. cosmic-ray writes each mutant into the source file and runs a
fresh test process, which numba then compiles: the kernels are mutated like the rest.

Each module is mutated in its own copy of the tree (``--work``, default
``/tmp/finitelearn-mutation/<module>``), never in this checkout, so the suite can be run
and edited while the mutants run. Each mutant runs only the tests that bind that module
(``MODULES`` below), derandomised (``CI=true``, the ``ci`` hypothesis profile of
``conftest.py``), slow tests deselected, stopping at the first failure.

The operators are cosmic-ray's core set less the ones that only make noise: binary
operators are replaced by their natural neighbours (``+`` by ``-``, ``<<`` by ``>>``,
``&`` by ``|`` ...) instead of all 132 pairs; comparisons by the other orderings, not by
``is``; ``RemoveDecorator`` is left out (removing ``@njit`` runs the same code in Python:
an equivalent mutant every time) and so are the variable replacer and inserter, which
draw at random. ``--max-mutants N --seed S`` runs a uniform random sample of N mutants.

The report (``mutation-report.md`` and ``mutation-report.json`` at the repository root,
gitignored) gives per module: mutants, killed, survived, timeouts, not run, the score
killed / (killed + survived) over the mutants that ran, and every survivor as a diff.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# module (relative to finitelearn/) -> the tests that bind it, fastest first
MODULES: dict[str, list[str]] = {
    "_kernels/bits.py": ["tests/_kernels/test_bits.py", "tests/test_functions.py"],
    "_kernels/wht.py": ["tests/_kernels/test_wht.py", "tests/test_fourier.py"],
    "_kernels/oracle.py": ["tests/_kernels/test_oracle.py", "tests/test_oracles.py"],
    "_kernels/robustness.py": ["tests/_kernels/test_robustness.py", "tests/test_robustness.py"],
    "distributions.py": ["tests/test_distributions.py", "tests/test_agreement.py",
                         "tests/test_errors.py", "tests/test_deprecated.py"],
    "agreement.py": ["tests/test_agreement.py"],
    "fourier.py": ["tests/test_fourier.py"],
    "responders.py": ["tests/test_responders.py", "tests/test_oracles.py"],
    "oracles.py": ["tests/test_oracles.py", "tests/test_responders.py", "tests/learners"],
    "learners/base.py": ["tests/learners"],
    "learners/sq.py": ["tests/learners/test_sq.py", "tests/learners/test_base.py"],
    "learners/membership.py": ["tests/learners/test_membership.py", "tests/learners/test_base.py"],
    "learners/passive.py": ["tests/learners/test_passive.py", "tests/learners/test_base.py"],
    "complexity.py": ["tests/test_complexity.py"],
}

_BINARY_KEEP = {
    "Add_Sub", "Sub_Add", "Mul_Add", "Mul_Div", "Div_Mul", "FloorDiv_Div", "FloorDiv_Mul",
    "Mod_FloorDiv", "Pow_Mul", "LShift_RShift", "RShift_LShift", "BitAnd_BitOr",
    "BitOr_BitAnd", "BitXor_BitOr", "BitAnd_BitXor", "BitOr_BitXor", "BitXor_BitAnd",
}
_ORDER = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE"}


def operator_kept(name: str) -> bool:
    """Whether the driver runs mutants of cosmic-ray operator ``name`` (``core/...``)."""
    op = name.split("/", 1)[-1]
    if op.startswith("ReplaceBinaryOperator_"):
        return op[len("ReplaceBinaryOperator_"):] in _BINARY_KEEP
    if op.startswith("ReplaceComparisonOperator_"):
        a, b = op[len("ReplaceComparisonOperator_"):].split("_")
        return (a in _ORDER and b in _ORDER) or {a, b} == {"Is", "IsNot"}
    return op not in {"RemoveDecorator", "VariableReplacer", "VariableInserter"}


def slug(module: str) -> str:
    return module.removesuffix(".py").replace("/", ".")


def copy_tree(dest: Path) -> None:
    """This checkout as it is on disk (uncommitted tests included), without .git."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
        ".git", "mutants", ".hypothesis", ".pytest_cache", "mutation-report*", "*.egg-info"))


def test_command(module: str) -> str:
    tests = " ".join(MODULES[module])
    doctest = f"finitelearn/{module}"
    return (f"{sys.executable} -m pytest -x -q -p no:cacheprovider --no-header -o addopts= "
            f"-m 'not slow' --doctest-modules {doctest} {tests}")


def write_config(work: Path, module: str, timeout: float) -> Path:
    cfg = work / "cosmic-ray.toml"
    cfg.write_text(
        "[cosmic-ray]\n"
        f'module-path = "finitelearn/{module}"\n'
        f"timeout = {timeout}\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(test_command(module))}\n\n"
        "[cosmic-ray.distributor]\n"
        'name = "local"\n'
    )
    return cfg


def prune(session: Path, max_mutants: int | None, seed: int,
          only: set[tuple[str, int]] | None = None) -> tuple[int, int]:
    """Skip the operators left out and, with max_mutants, all but a random sample; with
    ``only``, all but those (operator, occurrence) pairs (the survivors of an earlier run)."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    with use_db(str(session), WorkDB.Mode.open) as db:
        items = list(db.pending_work_items)
        kept = [it for it in items if all(operator_kept(m.operator_name) for m in it.mutations)]
        if only is not None:
            kept = [it for it in kept if (it.mutations[0].operator_name, it.mutations[0].occurrence) in only]
        left_out = [it.job_id for it in items if it not in kept]
        if max_mutants is not None and len(kept) > max_mutants:
            sample = set(it.job_id for it in random.Random(seed).sample(kept, max_mutants))
            left_out += [it.job_id for it in kept if it.job_id not in sample]
            kept = [it for it in kept if it.job_id in sample]
        if left_out:
            db.set_multiple_results(left_out, WorkResult(output="left out by scripts/mutation.py",
                                                         worker_outcome=WorkerOutcome.SKIPPED))
        return len(items), len(kept)


def run_module(module: str, args: argparse.Namespace) -> None:
    work = Path(args.work) / slug(module)
    copy_tree(work)
    cfg = write_config(work, module, args.timeout)
    session = work / "session.sqlite"
    env = dict(os.environ, CI="true", HYPOTHESIS_PROFILE="ci", PYTHONPATH=str(work),
               NUMBA_NUM_THREADS="1")
    env.pop("NUMBA_DISABLE_JIT", None)
    base = subprocess.run(test_command(module), shell=True, cwd=work, env=env,
                          capture_output=True, text=True)
    if base.returncode != 0:
        print(f"{module}: the unmutated tests fail, not mutating:\n{base.stdout[-2000:]}")
        return
    subprocess.run(["cosmic-ray", "init", str(cfg), str(session)], cwd=work, env=env, check=True)
    only = None
    if args.survivors_of:
        rows = json.loads(Path(args.survivors_of).read_text())
        only = {(x["operator"], x["occurrence"]) for r in rows if r["module"] == f"finitelearn/{module}"
                for x in r["survivors"]}
    total, kept = prune(session, None if only is not None else args.max_mutants, args.seed, only)
    print(f"{module}: {total} mutants, {kept} to run", flush=True)
    start = time.monotonic()
    # --jobs workers, each with its own copy of the tree (cosmic-ray writes into the file)
    if args.jobs > 1:
        _exec_parallel(module, work, cfg, session, env, args)
    else:
        _exec(["cosmic-ray", "exec", str(cfg), str(session)], work, env, args.cap)
    print(f"{module}: ran for {time.monotonic() - start:.0f} s", flush=True)


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (by parent id, read from /proc)."""
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def _stop(proc: subprocess.Popen) -> None:
    """End cosmic-ray and the test run it started (in a session of its own, so not in
    cosmic-ray's process group), by their ids."""
    below = _descendants(proc.pid)
    os.killpg(proc.pid, signal.SIGTERM)
    for pid in below:
        try:
            os.killpg(pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass
    proc.wait()


def _exec(cmd: list[str], cwd: Path, env: dict, cap: float | None) -> None:
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=cap)
    except subprocess.TimeoutExpired:
        _stop(proc)  # the copy may be left mutated: it is scratch, copied anew on each run


def _exec_parallel(module, work, cfg, session, env, args) -> None:
    """Split the pending mutants over --jobs copies of the tree, one session each."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    with use_db(str(session), WorkDB.Mode.open) as db:
        pending = [it.job_id for it in db.pending_work_items]
    procs = []
    for j in range(args.jobs):
        wj = work.parent / f"{slug(module)}~{j}"
        copy_tree(wj)
        shutil.copy(session, wj / "session.sqlite")
        mine = set(pending[j::args.jobs])
        with use_db(str(wj / "session.sqlite"), WorkDB.Mode.open) as db:
            others = [i for i in pending if i not in mine]
            if others:
                db.set_multiple_results(others, WorkResult(output="another job",
                                                           worker_outcome=WorkerOutcome.SKIPPED))
        wcfg = write_config(wj, module, args.timeout)
        procs.append((wj, subprocess.Popen(
            ["cosmic-ray", "exec", str(wcfg), str(wj / "session.sqlite")], cwd=wj,
            env=dict(env, PYTHONPATH=str(wj)), start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)))
    deadline = None if args.cap is None else time.monotonic() + args.cap
    for _, p in procs:
        try:
            p.wait(timeout=None if deadline is None else max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _stop(p)
    # gather the results back into the module's session
    with use_db(str(session), WorkDB.Mode.open) as db:
        for wj, _ in procs:
            with use_db(str(wj / "session.sqlite"), WorkDB.Mode.open) as dj:
                for job_id, result in dj.results:
                    if result.output != "another job" and job_id in pending:
                        db.set_result(job_id, result)


def collect(module: str, work_root: Path) -> dict | None:
    from cosmic_ray.work_db import WorkDB, use_db

    session = work_root / slug(module) / "session.sqlite"
    if not session.exists():
        return None
    counts = {"mutants": 0, "killed": 0, "survived": 0, "timeout": 0, "incompetent": 0,
              "left_out": 0, "not_run": 0}
    survivors = []
    with use_db(str(session), WorkDB.Mode.open) as db:
        results = dict(db.results)
        for item in db.work_items:
            counts["mutants"] += 1
            r = results.get(item.job_id)
            if r is None:
                counts["not_run"] += 1
                continue
            outcome = r.worker_outcome.value
            if outcome == "skipped":
                counts["left_out"] += 1
            elif outcome in ("abnormal", "exception", "no-test"):
                counts["incompetent"] += 1  # the worker itself failed: not a test's verdict
            elif r.test_outcome is not None and r.test_outcome.value == "killed":
                counts["killed"] += 1  # a failing test, or the per-mutant timeout
                counts["timeout"] += r.output == "timeout"
            elif r.test_outcome is not None and r.test_outcome.value == "incompetent":
                counts["incompetent"] += 1
            else:
                counts["survived"] += 1
                m = item.mutations[0]
                survivors.append({"job_id": item.job_id, "operator": m.operator_name,
                                  "occurrence": m.occurrence, "line": m.start_pos[0],
                                  "diff": r.diff})
    ran = counts["killed"] + counts["survived"]
    counts["score"] = None if ran == 0 else round(counts["killed"] / ran, 4)
    return {"module": f"finitelearn/{module}", **counts, "survivors": survivors}


def write_report(modules: list[str], work_root: Path, out: Path) -> None:
    rows = [r for m in modules if (r := collect(m, work_root)) is not None]
    out.with_suffix(".json").write_text(json.dumps(rows, indent=1))
    lines = ["# Mutation report (cosmic-ray, scripts/mutation.py)", "",
             "| module | mutants | run | killed | survived | timeouts | not run | score |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        run = r["killed"] + r["survived"] + r["incompetent"]
        score = "-" if r["score"] is None else f"{100 * r['score']:.1f}%"
        lines.append(f"| {r['module']} | {r['mutants'] - r['left_out']} | {run} | {r['killed']} | "
                     f"{r['survived']} | {r['timeout']} | {r['not_run']} | {score} |")
    for r in rows:
        if r["survivors"]:
            lines += ["", f"## Survivors in {r['module']}", ""]
            for s in r["survivors"]:
                lines += [f"- line {s['line']}, {s['operator']}", "", "```diff",
                          (s["diff"] or "").strip(), "```", ""]
    out.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines[:4 + len(rows)]))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("modules", nargs="*", help="modules under finitelearn/ (default: all core)")
    p.add_argument("--cap", type=float, default=None, help="seconds per module (default: none)")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds per mutant")
    p.add_argument("--jobs", type=int, default=1, help="parallel workers per module")
    p.add_argument("--max-mutants", type=int, default=None, help="run a random sample")
    p.add_argument("--seed", type=int, default=0, help="seed of the sample")
    p.add_argument("--survivors-of", default=None,
                   help="a report JSON: run again only its survivors (after new tests; the source unchanged)")
    p.add_argument("--work", default="/tmp/finitelearn-mutation", help="scratch folder")
    p.add_argument("--report", action="store_true", help="only write the report")
    p.add_argument("--out", default=str(ROOT / "mutation-report"),
                   help="report path without suffix (.md and .json are written)")
    args = p.parse_args(argv)
    modules = []
    for m in args.modules or list(MODULES):
        m = m if m.endswith(".py") else m.replace(".", "/") + ".py"
        m = re.sub(r"^finitelearn/", "", m)
        if m not in MODULES:
            p.error(f"unknown module {m!r}; one of: {', '.join(MODULES)}")
        modules.append(m)
    if not args.report:
        for m in modules:
            run_module(m, args)
            write_report(list(MODULES), Path(args.work), Path(args.out))
    write_report(list(MODULES), Path(args.work), Path(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
