"""Coverage-based test selection for scripts/mutation.py: each mutant runs only the tests
that execute the line(s) it changes.

Two parts:

``collect``  (run once per tree, before the mutants): the module's test set (``MODULES`` in
    mutation.py, the module's doctests included) runs under coverage.py with one dynamic
    context per test, its pytest node id (set by the pytest plugin in this file), and writes
    ``<work>/<slug>.coverage.json``: for every line of the module the node ids of the tests
    that execute it, and the lines executed with no test context: at import or at collection
    time (a fresh ``import finitelearn.<module>`` under coverage adds the lines that run at
    import, since the kernel modules are imported lazily, inside the first test that needs
    them).  The numba kernel modules are collected with ``NUMBA_DISABLE_JIT=1`` (their bodies
    run as Python, so coverage sees them), and a line of a kernel counts as executed by every
    test that executes any line of the same function: numba compiles a whole function on its
    first call, so a mutant of a line the Python run never reached can still fail to compile.
    The mutants themselves run compiled, as before.

``run``  (cosmic-ray's test command, in the mutated copy): diffs the module on disk against
    the pristine copy saved by mutation.py, maps the changed lines back to the pristine line
    numbers (to the whole statement, or for a kernel to the whole function) and then

    - if a changed line runs at import or collection time (or is not inside any statement
      coverage knows, e.g. a decorator or a signature): runs the module's whole test set, as
      without selection;
    - if no test executes it: exits 0 without running anything (the mutant survives: no test
      can see a line it never executes), except in a kernel module, where such a line may
      run only compiled (an ``@intrinsic``'s typing and code generation, a branch taken only
      with the JIT on) and the whole test set runs;
    - else: runs exactly the tests that execute it, the fastest first (durations measured
      by the collecting run), with the same pytest options (``-x``, ``--assert=plain``, the
      CI hypothesis profile from the environment); pytest runs node ids given on the
      command line in that order.

The verdicts were checked against the unselected runs of the earlier sessions (MUTATION.md).
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import os
import subprocess
import sys
from pathlib import Path


# ----------------------------------------------------------------- the pytest plugin (collect)

_STARTED: dict[str, float] = {}
_DURATIONS: dict[str, float] = {}


def pytest_runtest_protocol(item, nextitem):  # noqa: ARG001 - pytest hook
    import time

    import coverage

    cov = coverage.Coverage.current()
    if cov is not None:
        cov.switch_context(item.nodeid)
    _STARTED[item.nodeid] = time.monotonic()


def pytest_runtest_logfinish(nodeid, location):  # noqa: ARG001 - pytest hook
    import time

    import coverage

    cov = coverage.Coverage.current()
    if cov is not None:
        cov.switch_context("")
    if nodeid in _STARTED:
        _DURATIONS[nodeid] = round(time.monotonic() - _STARTED.pop(nodeid), 3)


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001 - pytest hook
    out = os.environ.get("MUTATION_SELECT_DURATIONS")
    if out:
        Path(out).write_text(json.dumps(_DURATIONS))


# ----------------------------------------------------------------------------- source geometry

def statement_spans(source: str, whole_functions: bool) -> dict[int, tuple[int, int]]:
    """line -> (first, last) line of the smallest statement holding it (a compound statement:
    its header only); with ``whole_functions`` a line inside a function maps to the function's
    body instead (numba compiles the function as a whole)."""
    tree = ast.parse(source)
    spans: dict[int, tuple[int, int]] = {}

    def visit(node: ast.AST, func: tuple[int, int] | None, in_func: bool = False) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                body = getattr(child, "body", None)
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) and not in_func:
                    f = (child.body[0].lineno, child.end_lineno) if whole_functions else None
                    # a module's or class's def line, decorators and signature run at import
                    head_end = child.body[0].lineno - 1
                    for ln in range(min([d.lineno for d in child.decorator_list] + [child.lineno]), head_end + 1):
                        spans[ln] = (-1, -1)  # import time
                    visit(child, f, True)
                    continue
                if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                    first, last = child.lineno, body[0].lineno - 1
                else:
                    first, last = child.lineno, child.end_lineno
                span = func if func is not None else (first, last)
                for ln in range(first, last + 1):
                    spans[ln] = span
                visit(child, func, in_func)
            else:
                visit(child, func, in_func)

    visit(tree, None)
    return spans


def changed_lines(pristine: str, mutated: str) -> set[int]:
    """Line numbers of the pristine text that the mutated text replaces or deletes
    (an insertion counts as a change of the line before it)."""
    out: set[int] = set()
    sm = difflib.SequenceMatcher(a=pristine.splitlines(), b=mutated.splitlines(), autojunk=False)
    for tag, i1, i2, _, _ in sm.get_opcodes():
        if tag == "equal":
            continue
        out.update(range(i1 + 1, i2 + 1) if i2 > i1 else [max(i1, 1)])
    return out


# --------------------------------------------------------------------------------- collect

def _import_lines(module: str, path: Path, cwd: Path, env: dict) -> list[int]:
    """The module's lines that run when it is imported, in a fresh process."""
    code = ("import coverage, importlib, json, sys\n"
            f"cov = coverage.Coverage(include=[{str(path)!r}], data_file=None)\n"
            "cov.start()\n"
            f"importlib.import_module({module!r})\n"
            "cov.stop()\n"
            f"print(json.dumps(sorted(cov.get_data().lines({str(path)!r}) or [])))\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def collect(module: str, tests: list[str], cwd: Path, out: Path, env: dict, kernel: bool) -> dict:
    """Run the module's tests under coverage (one context per test) and write the line map."""
    path = (cwd / "finitelearn" / module).resolve()
    data_file = out.with_suffix(".coverage")
    rc = out.with_suffix(".coveragerc")
    rc.write_text(f"[run]\ninclude = {path}\ndata_file = {data_file}\n")
    env = dict(env)
    if kernel:
        env["NUMBA_DISABLE_JIT"] = "1"
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parent), env.get("PYTHONPATH", "")])
    durations = out.with_suffix(".durations.json")
    env["MUTATION_SELECT_DURATIONS"] = str(durations)
    cmd = [sys.executable, "-m", "coverage", "run", f"--rcfile={rc}", "-m", "pytest", "-q", "-p", "no:cacheprovider",
           "-p", "_hypothesis_pytestplugin",
           "--no-header", "-o", "addopts=", "--assert=plain", "-m", "not slow", "-p", "mutation_select",
           "--doctest-modules", f"finitelearn/{module}", *tests]
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    import coverage

    data = coverage.CoverageData(basename=str(data_file))
    data.read()
    by_line = data.contexts_by_lineno(str(path))
    import_time = set(_import_lines("finitelearn." + module.removesuffix(".py").replace("/", "."), path, cwd, env))
    lines: dict[str, list[str]] = {}
    for ln, ctxs in by_line.items():
        if "" in ctxs:
            import_time.add(ln)
        ids = sorted(c for c in ctxs if c)
        if ids:
            lines[str(ln)] = ids
    result = {"module": module, "kernel": kernel, "tests": tests, "import_time": sorted(import_time),
              "lines": lines, "durations": json.loads(durations.read_text()) if durations.exists() else {},
              "pytest_tail": r.stdout[-600:], "returncode": r.returncode}
    out.write_text(json.dumps(result))
    return result


# ------------------------------------------------------------------------------------- run

def select(cmap: dict, pristine: str, mutated: str) -> list[str] | None:
    """The node ids to run for this mutant: None = the whole test set, [] = none."""
    spans = statement_spans(pristine, whole_functions=cmap["kernel"])
    import_time = set(cmap["import_time"])
    lines = cmap["lines"]
    chosen: set[str] = set()
    for ln in changed_lines(pristine, mutated):
        span = spans.get(ln)
        if span is None or span == (-1, -1):
            return None  # a decorator, a signature, a line outside any statement: runs at import
        for x in range(span[0], span[1] + 1):
            if x in import_time:
                return None
            chosen.update(lines.get(str(x), ()))
    if not chosen and cmap["kernel"]:
        # a kernel module's code that the collecting run (NUMBA_DISABLE_JIT=1) never executes
        # can still run compiled: an @intrinsic's typing and code generation run when numba
        # compiles a caller, and a branch taken only with the JIT on is skipped under
        # coverage; so it gets the whole test set, never "untested"
        return None
    # fastest first (the durations of the collecting run): with -x a killed mutant stops at
    # its first failing test, so the cheap ones are tried before the expensive ones
    durations = cmap.get("durations", {})
    return sorted(chosen, key=lambda i: (durations.get(i, 0.0), i))


def run(args: argparse.Namespace) -> int:
    cmap = json.loads(Path(args.map).read_text())
    module = cmap["module"]
    pristine = Path(args.pristine).read_text()
    mutated = (Path.cwd() / "finitelearn" / module).read_text()
    ids = select(cmap, pristine, mutated)
    base = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-p", "_hypothesis_pytestplugin",
            "--no-header", "-o", "addopts=",
            "--assert=plain", "-m", "not slow"]
    if ids is None:
        cmd = base + ["--doctest-modules", f"finitelearn/{module}", *cmap["tests"]]
    elif not ids:
        print("mutation_select: no test executes the changed line(s); the mutant survives untested")
        return 0
    else:
        doctest = [i for i in ids if i.startswith("finitelearn/")]
        cmd = base + (["--doctest-modules"] if doctest else []) + ids
    if args.log:
        with open(args.log, "a") as fh:
            fh.write(json.dumps({"n": None if ids is None else len(ids)}) + "\n")
    sys.stdout.flush()
    os.execv(cmd[0], cmd)  # the same process: cosmic-ray's timeout ends pytest itself


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="cosmic-ray's test command: run the tests of the changed lines")
    r.add_argument("--map", required=True)
    r.add_argument("--pristine", required=True)
    r.add_argument("--log", default=None)
    args = p.parse_args(argv)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
