"""Mutation testing of finitelearn's core modules with cosmic-ray; not part of CI.

Usage::

    pip install cosmic-ray
    python scripts/mutation.py                       # every core module, one after another
    python scripts/mutation.py responders agreement  # some of them
    python scripts/mutation.py --cap 1200 --jobs 2 oracles   # at most 20 minutes, 2 workers
    python scripts/mutation.py --max-mutants 40 fourier      # a uniform random sample (--seed)
    python scripts/mutation.py --rerun-survivors fourier     # after new tests: the survivors again
    python scripts/mutation.py --extend-sample 60 --seed 9 _kernels/wht   # 60 more of a sampled session's rest
    python scripts/mutation.py --report              # only rewrite the report from the sessions
    python scripts/mutation.py --reuse /old/mutation-sessions --reuse-commit 94122cf   # earlier kills kept
    python scripts/mutation.py --report --archive scripts/mutation-results   # report + sessions, to commit

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
an equivalent mutant every time), and so is every mutant of a decorator line (``cache=True``
-> ``False``, ``parallel=True`` -> ``False``: compile options, the same values), and so are
the variable replacer and inserter, which draw at random. Mutants whose change lies inside a
type annotation (a parameter's, a return's, an annotated assignment's) are left out before
they run (:func:`annotation_spans`: every module has ``from __future__ import annotations``,
so annotations are strings, never evaluated; ``np.ndarray | None`` -> ``np.ndarray & None``
is not behaviour), and the report counts them per module apart from the mutants.
``--max-mutants N --seed S`` runs a uniform random sample of N mutants; ``--extend-sample M
--seed S`` later runs M more, drawn uniformly from the mutants the sample left out, so the
mutants run stay a uniform sample of the module's.

numba: nothing compiled is reused across runs (no ``__pycache__`` is copied, each run and
each job has an empty ``NUMBA_CACHE_DIR``; see :func:`fresh_numba_cache`), so every kernel
mutant is compiled and tested through its compiled path.  The per-mutant timeout is 3 x the
unmutated tests with an empty cache (at least 120 s); ``--assert=plain`` keeps pytest from
spending minutes on the difflib report of a failing comparison of long lists.

Test selection (the default; ``--no-select`` runs every mutant against the whole set): a
mutant runs only the tests that execute the line(s) it changes, by coverage.  Before a
module's mutants run, ``scripts/mutation_select.py`` runs the module's test set once under
coverage.py with one dynamic context per test (its pytest node id) and keeps, per line, the
tests that execute it (kernel modules: collected with ``NUMBA_DISABLE_JIT=1``, and a line
counts as executed by every test that executes its function, since numba compiles whole
functions; the mutants still run compiled).  cosmic-ray's test command is that script's
``run``: it diffs the mutated module against the pristine copy, and runs the whole set if a
changed line runs at import or collection time (module level, signatures, decorators), no
test at all if no test executes it (the mutant survives, which is the true verdict), else
exactly the tests that execute it, the fastest first, with ``-x``.  The map is collected
again when the module or its tests change (a hash of them).  ``mutation_check_selection.py``
runs earlier sessions' mutants both ways and compares the verdicts (MUTATION.md).

Sessions resume: a module whose session exists in ``--work`` runs only its pending mutants
(``--fresh`` starts anew).  ``--reuse DIR`` marks as killed, without running them, the
mutants an earlier session killed that are the same mutant (operator, position and the
text of the enclosing function all equal; ``--reuse-commit`` is the source those sessions
mutated); the earlier survivors run again.

The report (``mutation-report.md`` and ``mutation-report.json`` at the repository root,
gitignored) gives per module: the mutants left out inside annotations, mutants, not sampled, run, killed (on the second pass,
by the timeout), survived, equivalent, not run, the score killed / (killed + survived)
over the mutants that ran and the score without the equivalent mutants; every survivor
as a diff with the reason it is equivalent (``scripts/mutation_equivalents.py``) or NOT
EXPLAINED, and every timeout.  The sessions are copied to ``mutation-sessions/``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import shlex
import signal
import subprocess
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from mutation_equivalents import equivalent  # noqa: E402  (the survivors explained as equivalent)

# module (relative to finitelearn/) -> the tests that bind it, fastest first
MODULES: dict[str, list[str]] = {
    "_kernels/bits.py": ["tests/_kernels/test_bits.py", "tests/test_functions.py"],
    "_kernels/wht.py": ["tests/_kernels/test_wht.py", "tests/_kernels/test_wht_narrow.py", "tests/test_fourier.py"],
    "_kernels/oracle.py": ["tests/_kernels/test_oracle.py", "tests/test_oracles.py"],
    "_kernels/robustness.py": ["tests/_kernels/test_robustness.py", "tests/test_robustness.py"],
    "_kernels/small.py": ["tests/_kernels/test_small.py", "tests/learners/test_sq.py"],
    "_kernels/greedy.py": ["tests/_kernels/test_greedy.py", "tests/learners/test_sq.py"],
    "_kernels/responders.py": ["tests/_kernels/test_responders.py", "tests/test_responders.py"],
    "_kernels/census.py": ["tests/_kernels/test_census.py", "tests/test_census.py"],
    "_kernels/lazy.py": ["tests/_kernels/test_lazy.py", "tests/test_lazy.py", "tests/_kernels/test_census.py"],
    "_kernels/sq.py": ["tests/_kernels/test_sq.py", "tests/test_sq_complexity.py"],
    "_kernels/sq_search.py": ["tests/_kernels/test_sq_search.py", "tests/test_sq_search.py"],
    "distributions.py": ["tests/test_distributions.py", "tests/test_agreement.py",
                         "tests/test_errors.py", "tests/test_deprecated.py", "tests/test_exactness.py"],
    "agreement.py": ["tests/test_agreement.py", "tests/test_exactness.py"],
    "fourier.py": ["tests/test_fourier.py", "tests/test_exactness.py"],
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


OPERATOR_LEFT_OUT = "operator left out by scripts/mutation.py"
NOT_SAMPLED = "not in the sample (--max-mutants)"
IN_ANNOTATION = "inside a type annotation (a string under `from __future__ import annotations`): left out"


def annotation_spans(source: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The (start, end) of every type annotation of ``source`` that Python never evaluates, as
    cosmic-ray gives a mutation's position: (row from 1, column in characters from 0).

    Parameter and return annotations and the annotation of an annotated assignment, in a
    module with ``from __future__ import annotations`` (PEP 563: they are kept as strings,
    never evaluated; nothing in finitelearn reads them back with ``get_type_hints``). A
    module without that import gets none: its annotations are evaluated when the ``def``
    runs, so a mutant there is behaviour (a ``TypeError`` at import, for one)."""
    import ast

    tree = ast.parse(source)
    future = any(isinstance(n, ast.ImportFrom) and n.module == "__future__"
                 and any(a.name == "annotations" for a in n.names) for n in tree.body)
    if not future:
        return []
    lines = source.splitlines()

    def pos(row: int, byte_col: int) -> tuple[int, int]:  # ast columns count UTF-8 bytes, parso's characters
        return row, len(lines[row - 1].encode()[:byte_col].decode())

    spans = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            a = node.args
            anns = [x.annotation for x in (*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg)
                    if x is not None] + [node.returns]
        elif isinstance(node, ast.AnnAssign):
            anns = [node.annotation]
        else:
            continue
        spans += [(pos(n.lineno, n.col_offset), pos(n.end_lineno, n.end_col_offset))
                  for n in anns if n is not None]
    return spans


def in_annotation(spans: list[tuple[tuple[int, int], tuple[int, int]]], mutation) -> bool:
    """Whether a cosmic-ray mutation's whole span lies inside one of ``spans``."""
    start, end = tuple(mutation.start_pos), tuple(mutation.end_pos)
    return any(s <= start and end <= e for s, e in spans)


def slug(module: str) -> str:
    return module.removesuffix(".py").replace("/", ".")


def copy_tree(dest: Path) -> None:
    """This checkout as it is on disk (uncommitted tests included), without .git."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
        ".git", "mutants", ".hypothesis", ".pytest_cache", "mutation-report*", "*.egg-info",
        "mutation-sessions", "__pycache__"))  # no stale bytecode or numba cache (*.nbi, *.nbc)


def fresh_numba_cache(work: Path) -> str:
    """A new, empty NUMBA_CACHE_DIR for one run: numba compiles every kernel it meets from
    the source on disk.  Within a run the cache is shared by the mutants, which is safe:
    numba keys a cache entry on its source file's (mtime, size), and cosmic-ray rewrites the
    file for each mutant and restores it after, so a kernel of another mutant (or of the
    unmutated file) is never loaded for a mutated file.  ``--no-numba-cache`` takes a new
    folder for every mutant instead (slower: every kernel is compiled every time)."""
    return tempfile.mkdtemp(prefix="numba-cache-", dir=work.parent)


def test_command(module: str, per_mutant_cache: bool = False, select: tuple[Path, Path] | None = None) -> str:
    """The whole test set of ``module``; with ``select = (coverage map, pristine copy)`` the
    wrapper of scripts/mutation_select.py, which runs only the tests of the changed lines."""
    tests = " ".join(MODULES[module])
    doctest = f"finitelearn/{module}"
    # --assert=plain: a failing assert is not explained, so pytest's difflib report of two
    # long lists (quadratic, seconds per failing example while hypothesis shrinks) does not
    # turn a killed mutant into a timeout
    pytest = (f"{sys.executable} -m pytest -x -q -p no:cacheprovider -p _hypothesis_pytestplugin --no-header "
              f"-o addopts= --assert=plain "
              f"-m 'not slow' --doctest-modules {doctest} {tests}")
    if select is not None:
        cmap, pristine = select
        pytest = (f"{sys.executable} scripts/mutation_select.py run "
                  f"--map {cmap} --pristine {pristine}")
    if per_mutant_cache:  # cosmic-ray splits the command with shlex: a shell sets the variable
        return "sh -c " + shlex.quote('NUMBA_CACHE_DIR="$(mktemp -d)" exec ' + pytest)
    return pytest


def write_config(work: Path, module: str, timeout: float, per_mutant_cache: bool = False,
                 select: tuple[Path, Path] | None = None) -> Path:
    cfg = work / "cosmic-ray.toml"
    cfg.write_text(
        "[cosmic-ray]\n"
        f'module-path = "finitelearn/{module}"\n'
        f"timeout = {timeout}\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(test_command(module, per_mutant_cache, select))}\n\n"
        "[cosmic-ray.distributor]\n"
        'name = "local"\n'
    )
    return cfg


def prune(session: Path, max_mutants: int | None, seed: int, root: Path) -> tuple[int, int, int]:
    """Skip the operators left out, the mutants inside type annotations (a filter of the
    session in the manner of cosmic-ray's ``cr-filter-*`` tools, which mark work items
    SKIPPED; none of them selects by syntax: the pragma and line filters work on whole
    lines, and a signature line holds default values, which are behaviour) and, with
    max_mutants, all but a uniform random sample. Returns (all, kept, in annotations)."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    with use_db(str(session), WorkDB.Mode.open) as db:
        items = list(db.pending_work_items)
        src = {}
        spans = {}

        def annotated(it) -> bool:
            path = root / it.mutations[0].module_path
            if path not in spans:
                spans[path] = annotation_spans(path.read_text())
            return all(in_annotation(spans[path], m) for m in it.mutations)

        def on_decorator(m) -> bool:  # @njit(cache=..., parallel=...): compile options only
            path = root / m.module_path  # relative to the copy cosmic-ray ran in
            if path not in src:
                src[path] = path.read_text().splitlines()
            return src[path][m.start_pos[0] - 1].lstrip().startswith("@")

        kept = [it for it in items if all(operator_kept(m.operator_name) and not on_decorator(m)
                                          for m in it.mutations)]
        noise = [it.job_id for it in items if it not in kept]
        typing = [it.job_id for it in kept if annotated(it)]
        kept = [it for it in kept if it.job_id not in set(typing)]
        unsampled = []
        if max_mutants is not None and len(kept) > max_mutants:
            sample = set(it.job_id for it in random.Random(seed).sample(kept, max_mutants))
            unsampled = [it.job_id for it in kept if it.job_id not in sample]
            kept = [it for it in kept if it.job_id in sample]
        for ids, why in ((noise, OPERATOR_LEFT_OUT), (typing, IN_ANNOTATION), (unsampled, NOT_SAMPLED)):
            if ids:
                db.set_multiple_results(ids, WorkResult(output=why, worker_outcome=WorkerOutcome.SKIPPED))
        return len(items), len(kept), len(typing)


def _survivor_ids(session: Path, module: str) -> list[str]:
    """Job ids of the mutants that ran and survived (their tests passed), less those
    scripts/mutation_equivalents.py explains as equivalent (no test can kill them)."""
    from cosmic_ray.work_db import WorkDB, use_db

    with use_db(str(session), WorkDB.Mode.open) as db:
        return [job_id for job_id, r in db.results
                if r.worker_outcome.value == "normal" and r.test_outcome is not None
                and r.test_outcome.value == "survived" and equivalent(module, r.diff or "") is None]


def _forget_results(session: Path, job_ids: list[str]) -> None:
    """Make these mutants pending again (cosmic-ray runs the mutants without a result)."""
    con = sqlite3.connect(session)
    with con:
        con.executemany("DELETE FROM work_results WHERE job_id = ?", [(j,) for j in job_ids])
    con.close()


def _session_kept(work: Path, names: list[str]):
    """Copy the tree into ``work`` anew, keeping the files ``names`` of the old copy."""
    keep = {n: work.parent / f"{work.name}.{n}" for n in names if (work / n).exists()}
    for n, k in keep.items():
        shutil.copy(work / n, k)
    copy_tree(work)
    for n, k in keep.items():
        shutil.move(k, work / n)


def prepare_selection(module: str, work: Path, env: dict) -> tuple[Path, Path]:
    """The pristine copy of the module and its coverage map (scripts/mutation_select.py), kept
    next to the work copy; collected again only when the module or its tests changed."""
    import hashlib

    import mutation_select

    pristine = work.parent / f"{slug(module)}.pristine.py"
    cmap = work.parent / f"{slug(module)}.coverage.json"
    src = (work / "finitelearn" / module).read_text()
    h = hashlib.sha256(src.encode())
    for t in MODULES[module]:
        for f in sorted((work / t).rglob("*.py")) if (work / t).is_dir() else [work / t]:
            h.update(f.read_bytes())
    h.update((work / "tests" / "naive.py").read_bytes())
    stamp = work.parent / f"{slug(module)}.coverage.sha256"
    if not (cmap.exists() and stamp.exists() and stamp.read_text() == h.hexdigest()):
        t0 = time.monotonic()
        res = mutation_select.collect(module, MODULES[module], work, cmap, env, module.startswith("_kernels/"))
        stamp.write_text(h.hexdigest())
        print(f"{module}: coverage map of {len(res['lines'])} lines collected in {time.monotonic() - t0:.0f} s "
              f"(pytest exit {res['returncode']})", flush=True)
    pristine.write_text(src)
    return cmap, pristine


def run_module(module: str, args: argparse.Namespace) -> None:
    work = Path(args.work) / slug(module)
    session = work / "session.sqlite"
    rerun = args.rerun_survivors
    resume = session.exists() and not args.fresh and not rerun
    if rerun:
        if not session.exists():
            print(f"{module}: no session to rerun in {work}")
            return
        _session_kept(work, ["session.sqlite", "second-pass.json"])  # the tests as they are now, the source as before
    elif resume:
        _session_kept(work, ["session.sqlite", "second-pass.json"])  # cosmic-ray runs the pending mutants
    else:
        copy_tree(work)
    # PYTEST_DISABLE_PLUGIN_AUTOLOAD: only hypothesis' plugin is loaded (-p), not pytest-benchmark's
    # or platformdirs' (0.7 s of every mutant's start-up; no test of MODULES uses their fixtures,
    # and the unmutated run below would fail if one did)
    env = dict(os.environ, CI="true", HYPOTHESIS_PROFILE="ci", PYTHONPATH=str(work),
               NUMBA_NUM_THREADS="1", NUMBA_CACHE_DIR=fresh_numba_cache(work), PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    env.pop("NUMBA_DISABLE_JIT", None)
    # the unmutated tests must pass; timed with an empty numba cache, which is what a mutant
    # of a kernel module costs (its kernels recompiled), so the timeout can be set from it
    t0 = time.monotonic()
    base = subprocess.run(test_command(module), shell=True, cwd=work, env=env,
                          capture_output=True, text=True)
    base_s = time.monotonic() - t0
    if base.returncode != 0:
        print(f"{module}: the unmutated tests fail, not mutating:\n{base.stdout[-2000:]}")
        return
    timeout = args.timeout if args.timeout is not None else max(120.0, round(3 * base_s))
    select = None if args.no_select else prepare_selection(module, work, env)
    cfg = write_config(work, module, timeout, args.no_numba_cache, select)
    if rerun:
        again = _survivor_ids(session, module)
        second = work / "second-pass.json"
        earlier = json.loads(second.read_text()) if second.exists() else []
        second.write_text(json.dumps(sorted(set(earlier) | set(again))))
        _forget_results(session, again)
        print(f"{module}: {len(again)} survivors to run again (tests {base_s:.0f} s, timeout {timeout:.0f} s)",
              flush=True)
    elif resume:
        if args.extend_sample:
            added = _extend_sample(session, args.extend_sample, args.seed)
            print(f"{module}: {added} mutants not sampled before added to the sample", flush=True)
        if args.reuse is not None:
            reused = reuse_verdicts(module, session, work, Path(args.reuse), args.reuse_commit, args.reuse_survivors)
            print(f"{module}: {reused} pending mutants given an earlier session's verdict", flush=True)
        print(f"{module}: resuming {_pending(session)} pending mutants (tests {base_s:.0f} s, timeout {timeout:.0f} s)",
              flush=True)
    else:
        subprocess.run(["cosmic-ray", "init", str(cfg), str(session)], cwd=work, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        total, kept, typing = prune(session, args.max_mutants, args.seed, work)
        reused = 0 if args.reuse is None else reuse_verdicts(module, session, work, Path(args.reuse), args.reuse_commit,
                                                             args.reuse_survivors)
        print(f"{module}: {total} mutants, {typing} of the operators kept inside type annotations (left out), "
              f"{kept} to run, {reused} of them killed in an earlier session "
              f"(tests {base_s:.0f} s, timeout {timeout:.0f} s)", flush=True)
    start = time.monotonic()
    # --jobs workers, each with its own copy of the tree (cosmic-ray writes into the file)
    if args.jobs > 1:
        _exec_parallel(module, work, cfg, session, env, args, timeout, select)
    else:
        _exec(["cosmic-ray", "exec", str(cfg), str(session)], work, env, args.cap)
    print(f"{module}: ran for {time.monotonic() - start:.0f} s", flush=True)
    keep_dir = ROOT / "mutation-sessions"
    keep_dir.mkdir(exist_ok=True)
    shutil.copy(session, keep_dir / f"{slug(module)}.sqlite")
    if (work / "second-pass.json").exists():
        shutil.copy(work / "second-pass.json", keep_dir / f"{slug(module)}.second-pass.json")


def _extend_sample(session: Path, more: int, seed: int) -> int:
    """Make ``more`` of the session's mutants left out of its sample pending, drawn uniformly
    (``random.Random(seed)``) from all of them: a uniform sample joined with a uniform sample
    of the rest is a uniform sample of the whole. Returns how many were added."""
    con = sqlite3.connect(session)
    rest = sorted(j for (j,) in con.execute("SELECT job_id FROM work_results WHERE worker_outcome = 'SKIPPED' "
                                            "AND output = ?", (NOT_SAMPLED,)))
    con.close()
    chosen = random.Random(seed).sample(rest, min(more, len(rest)))
    _forget_results(session, chosen)
    return len(chosen)


# cosmic-ray's pending work items: those without a result
_PENDING_ITEMS = "FROM work_items WHERE job_id NOT IN (SELECT job_id FROM work_results)"


def _unsample_pending(session: Path) -> int:
    """Leave the session's pending mutants out of its sample (marked as --max-mutants marks
    them), so that a run stopped by --cap reports a sample, not mutants "not run".  Uniform:
    cosmic-ray takes the pending mutants in random order (``pending_work_items`` orders by
    ``random()``), so the ones it ran are a uniform draw of those it was given, independent of
    their verdicts. Returns how many were left out.

    Plain SQL on cosmic-ray's tables (a pending mutant is a work item without a result; the
    row written is the one its ``set_multiple_results`` writes for a SKIPPED outcome), so
    that the tests need no cosmic-ray."""
    con = sqlite3.connect(session)
    with con:
        n = con.execute("INSERT INTO work_results (worker_outcome, output, test_outcome, diff, job_id) "
                        "SELECT 'SKIPPED', ?, NULL, NULL, job_id " + _PENDING_ITEMS, (NOT_SAMPLED,)).rowcount
    con.close()
    return n


def _pending(session: Path) -> int:
    """How many of the session's mutants have no result yet (cosmic-ray's pending work items)."""
    con = sqlite3.connect(session)
    (n,) = con.execute("SELECT COUNT(*) " + _PENDING_ITEMS).fetchone()
    con.close()
    return n


REUSED = "reused: killed in the earlier session "
REUSED_SURVIVOR = "reused: survived in the earlier session "


def _mutation_keys(source: str, specs: list) -> dict:
    """A key per mutation that does not depend on the rest of the module: the operator, the
    source text of the enclosing top-level function or method (the whole module outside
    any), the position relative to it, and the rank among the operator's mutations there."""
    import ast

    tree = ast.parse(source)
    lines = source.splitlines()
    defs = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([d.lineno for d in node.decorator_list] + [node.lineno])
            defs.append((first, node.end_lineno))
    keys, rank = {}, {}
    for job_id, op, args_json, occurrence, row, col, erow, ecol in sorted(specs, key=lambda t: t[3]):
        inside = [d for d in defs if d[0] <= row and erow <= d[1]]
        first, last = max(inside) if inside else (1, len(lines))  # the innermost
        text = "\n".join(lines[first - 1:last])
        k = (op, args_json, text, row - first, col, erow - first, ecol)
        rank[k] = rank.get(k, -1) + 1
        keys[job_id] = (*k, rank[k])
    return keys


def same_mutants(old_src: str, old_specs: list, old_ids: set, new_src: str, new_specs: list,
                 new_ids: set) -> dict:
    """new job id -> old job id, for the mutants of ``new_ids`` that are the same mutant as one
    of ``old_ids`` (:func:`_mutation_keys` equal).  The keys are made over every mutant of each
    module and filtered afterwards: a key's rank (its place among the operator's mutations at
    one spot) must not depend on which mutants are kept (the keys were once made over the
    kept ones only, and gave 31 of 287 wht mutants another mutant's verdict)."""
    old_keys = {k: j for j, k in _mutation_keys(old_src, old_specs).items() if j in old_ids}
    return {j: old_keys[k] for j, k in _mutation_keys(new_src, new_specs).items()
            if j in new_ids and k in old_keys}


def _specs(con) -> list:
    return con.execute("SELECT job_id, operator_name, operator_args, occurrence, start_pos_row, start_pos_col, "
                       "end_pos_row, end_pos_col FROM mutation_specs").fetchall()


def _shift_hunks(diff: str, delta: int) -> str:
    """A unified diff with its hunk headers moved ``delta`` lines (the function moved in the module)."""
    def moved(m: re.Match) -> str:
        a, b, c, e = int(m[1]) + delta, m[2] or "", int(m[3]) + delta, m[4] or ""
        return f"@@ -{a}{b} +{c}{e} @@"
    return re.sub(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@", moved, diff, flags=re.M)


def reuse_verdicts(module: str, session: Path, work: Path, old_dir: Path, old_commit: str,
                   survivors: bool = False) -> int:
    """Mark as killed, without running them, the pending mutants that an earlier session
    (``old_dir/<slug>.sqlite``, run on the source of ``old_commit``) killed and that are the
    same mutant: the same operator at the same place of a textually identical function.
    Survivors of the earlier session run again, unless ``survivors``: then they are carried
    over as survivors (conservative: run again with tests that only grew, a survivor can only
    be killed), for a module re-run after a change to a few of its functions, whose mutants
    (and every mutant never run) do run.  Diffs are moved to the function's new lines."""
    old_session = old_dir / f"{slug(module)}.sqlite"
    if not old_session.exists():
        return 0
    old_src = subprocess.run(["git", "show", f"{old_commit}:finitelearn/{module}"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
    new_src = (work / "finitelearn" / module).read_text()
    oc = sqlite3.connect(old_session)
    wanted = ("KILLED", "SURVIVED") if survivors else ("KILLED",)
    verdicts = {j: (out, diff, outcome) for j, out, diff, outcome in oc.execute(
        "SELECT job_id, output, diff, test_outcome FROM work_results WHERE worker_outcome = 'NORMAL' AND "
        f"test_outcome IN ({', '.join('?' * len(wanted))})", wanted)}
    old_specs = _specs(oc)
    oc.close()
    nc = sqlite3.connect(session)
    pending = {j for (j,) in nc.execute("SELECT job_id FROM work_items WHERE job_id NOT IN "
                                        "(SELECT job_id FROM work_results)")}
    new_specs = _specs(nc)
    old_rows = {s[0]: s[4] for s in old_specs}
    new_rows = {s[0]: s[4] for s in new_specs}
    rows = []
    for j, oj in same_mutants(old_src, old_specs, set(verdicts), new_src, new_specs, pending).items():
        out, diff, outcome = verdicts[oj]
        diff = _shift_hunks(diff or "", new_rows[j] - old_rows[oj])
        if outcome == "KILLED":
            timeout = "timeout" if out == "timeout" else ""
            rows.append(("NORMAL", (REUSED + oj + (" (timeout)" if timeout else "")), "KILLED", diff, j))
        else:
            rows.append(("NORMAL", REUSED_SURVIVOR + oj, "SURVIVED", diff, j))
    with nc:
        nc.executemany("INSERT INTO work_results (worker_outcome, output, test_outcome, diff, job_id) "
                       "VALUES (?, ?, ?, ?, ?)", rows)
    nc.close()
    return len(rows)


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


def _exec_parallel(module, work, cfg, session, env, args, timeout, select=None) -> None:
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
        wcfg = write_config(wj, module, timeout, args.no_numba_cache, select)
        procs.append((wj, subprocess.Popen(
            ["cosmic-ray", "exec", str(wcfg), str(wj / "session.sqlite")], cwd=wj,
            env=dict(env, PYTHONPATH=str(wj), NUMBA_CACHE_DIR=fresh_numba_cache(work)),
            start_new_session=True,
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
    meta = _archived_meta(session)  # a session restored from an archive carries these itself
    second = work_root / slug(module) / "second-pass.json"
    second_ids = set(json.loads(second.read_text()) if second.exists() else meta.get("second_pass", []))
    counts = {"mutants": 0, "in_annotation": 0, "in_annotation_ran": {}, "sampled_out": 0, "killed": 0,
              "reused": 0, "killed_2nd": 0, "survived": 0, "survived_reused": 0, "untested": 0, "equivalent": 0, "timeout": 0,
              "incompetent": 0, "not_run": 0}
    # the source the session mutated: the pristine copy the selection keeps (prepare_selection),
    # else the module in the work copy (which a run stopped mid-mutant leaves mutated); a diff
    # that does not fit it is reported
    pristine = work_root / f"{slug(module)}.pristine.py"
    if pristine.exists():
        source = pristine.read_text()
    elif "pristine" in meta:
        source = meta["pristine"]
    else:
        source = (work_root / slug(module) / "finitelearn" / module).read_text()
    spans, src_lines, misfits = annotation_spans(source), source.splitlines(), 0
    survivors, timeouts = [], []
    with use_db(str(session), WorkDB.Mode.open) as db:
        results = dict(db.results)
        for item in db.work_items:
            r = results.get(item.job_id)
            if r is not None and r.worker_outcome.value == "skipped" and r.output not in (NOT_SAMPLED, IN_ANNOTATION):
                continue  # an operator left out (or, in a job's copy, another job's mutant)
            if r is not None and r.diff:
                before = [ln for ln in _changed_lines(r.diff).splitlines() if ln.startswith("-")][:1]
                row = item.mutations[0].start_pos[0]
                misfits += not (before and 0 < row <= len(src_lines)
                                and before[0][1:].strip() == src_lines[row - 1].strip())
            if all(in_annotation(spans, m) for m in item.mutations):
                # not behaviour: left out before running (prune), or run by a session made before
                # the filter existed, whose verdict is kept here only as a count
                counts["in_annotation"] += 1
                if r is not None and r.output != IN_ANNOTATION:
                    v = r.test_outcome.value if r.test_outcome is not None else r.worker_outcome.value
                    counts["in_annotation_ran"][v] = counts["in_annotation_ran"].get(v, 0) + 1
                continue
            counts["mutants"] += 1
            if r is None:
                counts["not_run"] += 1
                continue
            outcome = r.worker_outcome.value
            if outcome == "skipped":
                counts["sampled_out"] += 1
            elif outcome in ("abnormal", "exception", "no-test"):
                counts["incompetent"] += 1  # the worker itself failed: not a test's verdict
            elif r.test_outcome is not None and r.test_outcome.value == "killed":
                counts["killed"] += 1  # a failing test, or the per-mutant timeout
                timed_out = r.output == "timeout" or (r.output or "").endswith("(timeout)")
                counts["timeout"] += timed_out
                counts["reused"] += (r.output or "").startswith(REUSED)
                if timed_out:
                    timeouts.append({"job_id": item.job_id, "line": item.mutations[0].start_pos[0],
                                     "diff": r.diff})
                counts["killed_2nd"] += item.job_id in second_ids
            elif r.test_outcome is not None and r.test_outcome.value == "incompetent":
                counts["incompetent"] += 1
            else:
                counts["survived"] += 1
                counts["untested"] += "no test executes the changed line" in (r.output or "")
                counts["survived_reused"] += (r.output or "").startswith(REUSED_SURVIVOR)
                m = item.mutations[0]
                why = equivalent(module, r.diff or "")
                counts["equivalent"] += why is not None
                survivors.append({"job_id": item.job_id, "operator": m.operator_name,
                                  "occurrence": m.occurrence, "line": m.start_pos[0],
                                  "diff": r.diff, "equivalent": why})
    ran = counts["killed"] + counts["survived"]
    counts["score"] = None if ran == 0 else round(counts["killed"] / ran, 4)
    real = ran - counts["equivalent"]
    counts["score_without_equivalents"] = None if real == 0 else round(counts["killed"] / real, 4)
    if misfits:
        print(f"{module}: WARNING: {misfits} diffs of the session do not fit the source in its work copy "
              f"(the annotation filter and the lines reported may be wrong)", flush=True)
    return {"module": f"finitelearn/{module}", **counts, "survivors": survivors, "timeouts": timeouts}


def _changed_lines(diff: str) -> str:
    return "\n".join(line for line in diff.splitlines()
                     if line[:1] in "+-" and not line.startswith(("+++", "---")))


def wilson_interval(k: int, n: int, z: float = 1.959963984540054) -> tuple[float | None, float | None]:
    """The Wilson score interval of a proportion k / n (95% at the default z); (None, None) for n = 0.

    >>> [round(x, 4) for x in wilson_interval(59, 61)]
    [0.8881, 0.991]
    """
    if n == 0:
        return None, None
    ph = k / n
    centre = (ph + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * (ph * (1 - ph) / n + z * z / (4 * n * n)) ** 0.5
    return max(0.0, centre - half), min(1.0, centre + half)


def write_report(modules: list[str], work_root: Path, out: Path) -> None:
    rows = [r for m in modules if (r := collect(m, work_root)) is not None]
    out.with_suffix(".json").write_text(json.dumps(rows, indent=1))
    lines = ["# Mutation report (cosmic-ray, scripts/mutation.py)", "",
             "in annotations: mutants of the operators kept whose change lies inside a type annotation "
             "(a string under `from __future__ import annotations`, never evaluated), left out and counted "
             "nowhere else (\"ran before\": verdicts of sessions made before they were left out); "
             "mutants: the other mutants of the operators kept; ran: killed + survived (+ incompetent); "
             "of them reused / carried over: verdicts of an earlier session on the same mutant of a textually "
             "identical function (--reuse, --reuse-survivors), not run again; "
             "killed 2nd: of the killed, killed only when the first pass's survivors ran again "
             "with new tests; timeouts: of the killed, by the per-mutant timeout; score: killed / "
             "(killed + survived).", "",
             "| module | in annotations (left out) | mutants | not sampled | ran | killed | of them reused "
             "| killed 2nd | timeouts | survived | of them untested | equivalent | not run | score "
             "| without equivalents |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]

    def pct(x):
        return "-" if x is None else f"{100 * x:.1f}%"

    for r in rows:
        run = r["killed"] + r["survived"] + r["incompetent"]
        before = ", ".join(f"{n} {v}" for v, n in sorted(r["in_annotation_ran"].items()))
        lines.append(f"| {r['module']} | {r['in_annotation']}{f' (ran before: {before})' if before else ''} | "
                     f"{r['mutants']} | {r['sampled_out']} | {run} | {r['killed']} | "
                     f"{r['reused']} | {r['killed_2nd']} | {r['timeout']} | {r['survived']}"
                     f"{f' ({n} carried over)' if (n := r.get('survived_reused')) else ''} | {r['untested']} | "
                     f"{r['equivalent']} | "
                     f"{r['not_run']} | {pct(r['score'])} | {pct(r['score_without_equivalents'])} |")
    n_table = len(lines)
    sampled = [r for r in rows if r["sampled_out"]]
    if sampled:
        lines += ["", "Sampled modules (a uniform sample of the mutants ran): the score without equivalents "
                      "over all the module's mutants, estimated from the sample, with a 95% Wilson interval "
                      "(the equivalent mutants of the sample left out of its count):", ""]
        for r in sampled:
            n = r["killed"] + r["survived"] - r["equivalent"]
            lo, hi = wilson_interval(r["killed"], n)
            lines.append(f"- {r['module']}: {r['killed']} killed of {n} non-equivalent mutants in a sample of "
                         f"{r['killed'] + r['survived'] + r['incompetent']} of {r['mutants']}: "
                         f"{pct(r['score_without_equivalents'])}, 95% interval {pct(lo)} to {pct(hi)}")
    for r in rows:
        if r["survivors"]:
            lines += ["", f"## Survivors in {r['module']}", ""]
            for s in r["survivors"]:
                why = f"equivalent: {s['equivalent']}" if s["equivalent"] else "NOT EXPLAINED"
                lines += [f"- line {s['line']}, {s['operator']} (occurrence {s['occurrence']}): {why}", "",
                          "```diff", _changed_lines(s["diff"] or ""), "```", ""]
    for r in rows:
        if r["timeouts"]:
            lines += ["", f"## Killed by the timeout in {r['module']} (judge each: a loop that never ends, "
                          "or a slow machine)", ""]
            for s in r["timeouts"]:
                lines += [f"- line {s['line']}", "", "```diff", _changed_lines(s["diff"] or ""), "```", ""]
    out.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines[4:n_table]), flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("modules", nargs="*", help="modules under finitelearn/ (default: all core)")
    p.add_argument("--cap", type=float, default=None, help="seconds per module (default: none)")
    p.add_argument("--timeout", type=float, default=None,
                   help="seconds per mutant (default: 3 x the unmutated tests with an empty numba cache, >= 120: a job's first mutant compiles every kernel)")
    p.add_argument("--no-numba-cache", action="store_true",
                   help="an empty numba cache for every mutant (default: one per run, see fresh_numba_cache)")
    p.add_argument("--jobs", type=int, default=1, help="parallel workers per module")
    p.add_argument("--max-mutants", type=int, default=None, help="run a random sample")
    p.add_argument("--seed", type=int, default=0, help="seed of the sample")
    p.add_argument("--extend-sample", type=int, default=0, metavar="M",
                   help="on resuming a sampled session: M more of the mutants its sample left out, drawn "
                        "uniformly with --seed")
    p.add_argument("--unsample-pending", action="store_true",
                   help="after a run stopped by --cap: leave the modules' pending mutants out of the sample "
                        "(what ran is a uniform draw: cosmic-ray takes them in random order)")
    p.add_argument("--rerun-survivors", action="store_true",
                   help="run the survivors of the modules' sessions again with the tests as they are now "
                        "(the source unchanged); the report counts them as killed on the second pass")
    p.add_argument("--work", default="/tmp/finitelearn-mutation", help="scratch folder")
    p.add_argument("--fresh", action="store_true",
                   help="start the module's session anew (default: resume a session found in --work)")
    p.add_argument("--no-select", action="store_true",
                   help="every mutant runs the module's whole test set (default: only the tests that execute "
                        "the changed lines, scripts/mutation_select.py)")
    p.add_argument("--reuse", default=None,
                   help="a folder of earlier sessions (<module>.sqlite): their killed mutants that are the same "
                        "mutant of the same function are not run again")
    p.add_argument("--reuse-commit", default="94122cf", help="the commit whose source the --reuse sessions mutated")
    p.add_argument("--reuse-survivors", action="store_true",
                   help="with --reuse: carry the earlier survivors over too (same mutant of the same function), "
                        "without running them; conservative, for a re-run after a change to a few functions")
    p.add_argument("--report", action="store_true", help="only write the report")
    p.add_argument("--archive", default=None,
                   help="after the report, copy it and every module's session (outputs cut to their last "
                        "line, so a few hundred KB) into this folder, to be committed: machines are wiped "
                        "between sessions, and --reuse ARCHIVE --reuse-commit <the commit they ran on> "
                        "skips their kills later")
    p.add_argument("--out", default=str(ROOT / "mutation-report"),
                   help="report path without suffix (.md and .json are written)")
    args = p.parse_args(argv)
    if Path(args.work).resolve().is_relative_to(ROOT):
        p.error(f"--work {args.work!r} is inside the repository, which each run copies into it: "
                "give a folder outside it (the default is /tmp/finitelearn-mutation)")
    modules = []
    for m in args.modules or list(MODULES):
        m = m if m.endswith(".py") else m.replace(".", "/") + ".py"
        m = re.sub(r"^finitelearn/", "", m)
        if m not in MODULES:
            p.error(f"unknown module {m!r}; one of: {', '.join(MODULES)}")
        modules.append(m)
    if args.unsample_pending:
        for m in modules:
            session = Path(args.work) / slug(m) / "session.sqlite"
            if session.exists():
                print(f"{m}: {_unsample_pending(session)} pending mutants left out of the sample", flush=True)
        args.report = True
    if not args.report:
        for m in modules:
            run_module(m, args)
            write_report(list(MODULES), Path(args.work), Path(args.out))
    write_report(list(MODULES), Path(args.work), Path(args.out))
    if args.archive:
        archive(Path(args.work), Path(args.out), Path(args.archive))
    return 0


_META = "finitelearn_archive"  # a table of the archived sqlite: the session's source and second pass


def _archived_meta(session: Path) -> dict:
    """What :func:`archive` stored beside a session: its pristine source and second-pass ids."""
    con = sqlite3.connect(session)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (_META,)).fetchone():
            return {}
        return {k: json.loads(v) for k, v in con.execute(f"SELECT key, value FROM {_META}")}
    finally:
        con.close()  # (sqlite3's context manager commits, it does not close)


def archive(work_root: Path, report: Path, dest: Path) -> None:
    """The report and every session under ``work_root``, each session's test outputs cut to
    their last line (the verdicts, diffs and mutation specs kept: enough for the report and
    for ``--reuse``), with the source the session mutated and the ids its second pass
    killed stored in the same file: a session copied back to ``<work>/<slug>/session.sqlite``
    reports as it did, whatever the source is now."""
    dest.mkdir(parents=True, exist_ok=True)
    for suffix in (".md", ".json"):
        if report.with_suffix(suffix).exists():
            shutil.copy(report.with_suffix(suffix), dest / f"report{suffix}")
    slugs = {slug(m) for m in MODULES}
    for session in sorted(work_root.glob("*/session.sqlite")):
        if session.parent.name not in slugs:
            continue  # a parallel job's copy (<slug>~j): its verdicts were gathered into the module's session
        out = dest / f"{session.parent.name}.sqlite"
        out.unlink(missing_ok=True)
        src = sqlite3.connect(session)
        with sqlite3.connect(out) as con:
            src.backup(con)
        src.close()
        meta = _archived_meta(session)
        slug_ = session.parent.name
        pristine = work_root / f"{slug_}.pristine.py"
        module = next((m for m in MODULES if slug(m) == slug_), None)
        copy = session.parent / "finitelearn" / module if module else None
        if pristine.exists():
            meta["pristine"] = pristine.read_text()
        elif "pristine" not in meta and copy is not None and copy.exists():
            meta["pristine"] = copy.read_text()  # a --no-select run keeps no pristine copy: its work copy's module
        second = session.parent / "second-pass.json"
        if second.exists():
            meta["second_pass"] = json.loads(second.read_text())
        con = sqlite3.connect(out)
        con.execute(f"CREATE TABLE IF NOT EXISTS {_META} (key TEXT PRIMARY KEY, value TEXT)")
        con.executemany(f"INSERT OR REPLACE INTO {_META} VALUES (?, ?)", [(k, json.dumps(v)) for k, v in meta.items()])
        rows = con.execute("SELECT job_id, output FROM work_results").fetchall()
        last = [((o or "").strip().splitlines() or [""])[-1][-300:] for _, o in rows]
        con.executemany("UPDATE work_results SET output = ? WHERE job_id = ?",
                        [(o, j) for o, (j, _) in zip(last, rows)])
        con.commit()
        con.execute("VACUUM")
        con.close()
        print(f"archived {session.parent.name}: {out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    sys.exit(main())
