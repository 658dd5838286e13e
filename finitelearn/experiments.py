"""The scaling experiment of Theorems 4.2 and 4.3: passive teacher against active teacher.

For each d and each student, the number of queries until the version space of the class
(4.3), {f_S : 1 in S}, holds one teacher, in the adaptive game against the strongest
responder (``max_consistent`` by default: the counts are worst-case, like the bounds they
are compared with):

- SQ students ask :class:`~finitelearn.StatisticalQueryOracle` (nu = uniform, tolerance
  alpha) and are compared with the exact Parseval lower bound
  :func:`~finitelearn.sq_query_lower_bound`;
- membership students ask :class:`~finitelearn.MembershipOracle` (the adversary keeps the
  larger half) and are compared with the paper's d + 1 and the information-theoretic
  optimum log2 |class| = d - 1 (checked against the exact minimax of
  :func:`~finitelearn.membership_query_complexity` for d <= 7).

Records are written to ``DIR/scaling.json`` and ``DIR/scaling.csv`` as each (d, student)
finishes; a rerun with the same parameters skips the records already there (resume).

Examples
--------
>>> tol = parse_tolerance("1/(2d)")
>>> tol(4), tol.text
(Fraction(1, 8), '1/(2d)')
>>> recs = run_scaling(range(2, 5), "1/8", students=["candidate-testing", "paper-d+1"], progress=False)
>>> [(r.d, r.student, r.queries, r.identified, r.lower_bound) for r in recs]   # doctest: +NORMALIZE_WHITESPACE
[(2, 'candidate-testing', 2, False, 1), (2, 'paper-d+1', 3, True, 1),
 (3, 'candidate-testing', 4, False, 1), (3, 'paper-d+1', 4, True, 2),
 (4, 'candidate-testing', 8, False, 1), (4, 'paper-d+1', 5, True, 3)]
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from .engine import DaskEngine, check_engine
from .errors import MissingExtra
from .records import CSV_FIELDS, RecordStore, ScalingRecord, check_out_dir, read_records, record_key
from .validation import as_fraction, check_bool, check_int, fail, fail_type
from .bounds import membership_query_lower_bound, parseval_removal_bound, sq_query_lower_bound
from .classes import paper_teachers
from .distributions import uniform
from .fourier import integer_spectrum
from .learners import STUDENTS, make_student
from .oracles import MembershipOracle, StatisticalQueryOracle
from .responders import normalize_responder

__all__ = [
    "ExperimentInterrupted",
    "Tolerance",
    "parse_tolerance",
    "check_alphas",
    "ScalingRecord",
    "run_scaling",
    "read_records",
    "format_table",
    "CSV_FIELDS",
]

# ---------------------------------------------------------------------------------------
# tolerance as a function of d: a small safe parser (no eval)
# ---------------------------------------------------------------------------------------
_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|(d)|(\*\*|[-+*/^()]))")


def _tokens(text: str) -> list[str]:
    pos, out = 0, []
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise fail("tolerance", text, "an expression in d with numbers, d, + - * / ^ and parentheses "
                                          f"(such as 1/8, 1/d, 1/d^2, 1/(2d), d^-1); cannot read {text[pos:]!r}")
        assert m.lastindex is not None  # every alternative of _TOKEN is a group: one of them matched
        out.append(m.group(m.lastindex))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


class _Parser:
    """expr := term (+|- term)*; term := unary ((*|/|implicit) unary)*; unary := -unary | power;
    power := atom (^ unary)?; atom := number | d | ( expr ).  Builds a closure over Fractions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokens(text)
        self.i = 0

    def error(self, what: str) -> Exception:
        return fail("tolerance", self.text, f"an expression in d such as 1/8, 1/d, 1/d^2, 1/(2d), d^-1 ({what})")

    def peek(self) -> str | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> str:
        tok = self.peek()
        if tok is None:
            raise self.error("it ends too early")
        self.i += 1
        return tok

    def parse(self) -> Callable[[Fraction], Fraction]:
        if not self.toks:
            raise self.error("it is empty")
        f = self.expr()
        if self.peek() is not None:
            raise self.error(f"unexpected {self.peek()!r}")
        return f

    def expr(self):
        f = self.term()
        while self.peek() in ("+", "-"):
            op = self.take()
            g = self.term()
            f = (lambda a, b: lambda d: a(d) + b(d))(f, g) if op == "+" else (lambda a, b: lambda d: a(d) - b(d))(f, g)
        return f

    def term(self):
        f = self.unary()
        while True:
            tok = self.peek()
            if tok in ("*", "/"):
                self.take()
                g = self.unary()
                f = (lambda a, b: lambda d: a(d) * b(d))(f, g) if tok == "*" else (lambda a, b: lambda d: _div(a(d), b(d)))(f, g)
            elif tok is not None and (tok == "d" or tok == "(" or tok[0].isdigit()):
                g = self.unary()  # implicit multiplication: 2d, 2(d+1)
                f = (lambda a, b: lambda d: a(d) * b(d))(f, g)
            else:
                return f

    def unary(self):
        if self.peek() in ("-", "+"):
            op = self.take()
            g = self.unary()
            return g if op == "+" else (lambda a: lambda d: -a(d))(g)
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek() in ("^", "**"):
            self.take()
            e = self.unary()
            return (lambda a, b: lambda d: _pow(a(d), b(d)))(base, e)
        return base

    def atom(self):
        tok = self.take()
        if tok == "d":
            return lambda d: d
        if tok == "(":
            f = self.expr()
            if self.take() != ")":
                raise self.error("a parenthesis is not closed")
            return f
        if tok[0].isdigit():
            v = Fraction(tok)
            return lambda d: v
        raise self.error(f"unexpected {tok!r}")


class _EvalError(ArithmeticError):
    pass


def _div(a: Fraction, b: Fraction) -> Fraction:
    if b == 0:
        raise _EvalError("division by zero")
    return a / b


def _pow(a: Fraction, e: Fraction) -> Fraction:
    if e.denominator != 1 or abs(e) > 64:
        raise _EvalError(f"exponent {e} is not an integer in -64..64")
    if a == 0 and e < 0:
        raise _EvalError("division by zero")
    return a ** int(e)


@dataclass(frozen=True)
class Tolerance:
    """The SQ tolerance alpha as a function of d, parsed from text such as ``"1/d"``.

    Calling it returns alpha(d) as an exact Fraction, refusing alpha(d) <= 0.
    """

    text: str
    _fn: Callable[[Fraction], Fraction] = field(repr=False, compare=False)

    def __call__(self, d: int) -> Fraction:
        d = check_int(d, "d")
        try:
            value = self._fn(Fraction(d))
        except _EvalError as exc:
            raise fail("tolerance", self.text, f"an expression defined at d={d} ({exc})") from None
        if value <= 0:
            raise fail("tolerance", self.text, f"a tolerance alpha > 0 at every d (at d={d} it is {value})")
        return value


def check_alphas(tol: Tolerance, ds: Iterable[int]) -> dict[int, Fraction]:
    """alpha(d) for every d of a run, each in (0, 1/2), or an error naming ``tolerance``.

    An alpha >= 1/2 makes the game empty: the constant answer 1/2 is within alpha of every
    query's value (values lie in [0, 1]), so no query can rule out a teacher.

    >>> check_alphas(parse_tolerance("1/d"), [2, 3])
    Traceback (most recent call last):
    ...
    finitelearn.errors.InvalidArgument: tolerance='1/d' is not allowed: a tolerance alpha < 1/2 at every d (at d=2 it is 1/2: the constant answer 1/2 is then within alpha of every query's value, so no query can rule out a teacher)
    """
    out = {}
    for d in ds:
        value = tol(d)
        if value >= Fraction(1, 2):
            raise fail("tolerance", tol.text,
                       f"a tolerance alpha < 1/2 at every d (at d={d} it is {value}: the constant answer 1/2 is "
                       "then within alpha of every query's value, so no query can rule out a teacher)")
        out[d] = value
    return out


def parse_tolerance(text: Any) -> Tolerance:
    """Parse the tolerance alpha as a number or an expression in d (no ``eval``).

    Accepts numbers (``1/8``, ``0.125``), ``d``, ``+ - * /``, powers ``^`` or ``**`` with
    integer exponents, parentheses and implicit products (``2d``): ``1/8``, ``1/d``,
    ``1/d^2``, ``1/(2d)``, ``d^-1``.  A Fraction or int is taken as a constant.

    >>> [str(parse_tolerance(t)(4)) for t in ["1/8", "1/d", "1/d^2", "1/(2d)", "d^-1", "0.1", "2/(d+4)"]]
    ['1/8', '1/4', '1/16', '1/8', '1/4', '1/10', '1/4']
    """
    if isinstance(text, bool):
        raise fail_type("tolerance", text, "a string such as '1/8' or '1/d', or a number")
    if isinstance(text, (int, Fraction, float, np.floating)):
        text = str(as_fraction(text, "tolerance"))  # floats as their shortest decimal, as everywhere
    if not isinstance(text, str):
        raise fail_type("tolerance", text, "a string such as '1/8' or '1/d', or a number")
    if len(text) > 100:
        raise fail("tolerance", text, "an expression of at most 100 characters")
    norm = " ".join(text.split())
    return Tolerance(norm, _Parser(norm).parse())


# ---------------------------------------------------------------------------------------
# records
# ---------------------------------------------------------------------------------------
# ---------------------------------------------------------------------------------------
# the experiment
# ---------------------------------------------------------------------------------------
def _check_students(students: Any) -> list[str]:
    if students is None:
        return list(STUDENTS)
    if isinstance(students, str):
        students = [s.strip() for s in students.split(",") if s.strip()]
    if not isinstance(students, Iterable):
        raise fail_type("students", students, "a list of student names or a comma-separated string")
    out = []
    for s in students:
        if s not in STUDENTS:
            raise fail("students", s, "student names among " + ", ".join(STUDENTS))
        if s not in out:
            out.append(s)
    if not out:
        raise fail("students", students, "at least one student")
    return out


_D_MAX = 20


def _check_ds(ds: Any) -> list[int]:
    if isinstance(ds, (str, bytes)) or not isinstance(ds, Iterable):
        raise fail_type("d_values", ds, "an iterable of ints, such as range(2, 15)")
    out = sorted({check_int(d, "d") for d in ds})
    if not out:
        raise fail("d_values", ds, "at least one d")
    if out[0] < 2 or out[-1] > _D_MAX:
        raise fail("d_values", ds, f"dimensions d in 2..{_D_MAX} (the class (4.3) needs d >= 2; 2^19 teachers at most)")
    return out


def _worst_agreement(h, masks: np.ndarray, d: int) -> Fraction:
    """min over S in masks of P_{x~unif}(h(x) = f_S(x)) from one Walsh-Hadamard transform."""
    spec = integer_spectrum(h)
    return Fraction(int((1 << d) + int(spec[masks].min())), 1 << (d + 1))


def _optimal_membership(d: int) -> tuple[int, str]:
    bound = membership_query_lower_bound(1 << (d - 1))
    if d <= 7:
        from .complexity import membership_query_complexity

        exact = membership_query_complexity(paper_teachers(d)).queries
        return exact, "exact minimax (finitelearn.complexity)"
    return bound, "information-theoretic ceil(log2 |class|)"


def run_scaling(d_values: Iterable[int], tolerance: Any = "1/8", students: Any = None, out_dir: Any = None, *,
                responder: str = "max_consistent", budget: Any = None, seed: int = 0, resume: bool = True,
                progress: bool = True, on_record: Callable[[ScalingRecord], None] | None = None,
                engine: Any = None) -> list[ScalingRecord]:
    """Run the scaling experiment; write records as they finish when ``out_dir`` is given.

    Parameters
    ----------
    d_values : iterable of int
        Dimensions, 2 <= d <= 20.
    tolerance : str or number
        alpha, fixed or as a function of d (:func:`parse_tolerance`).
    students : list of str or str, optional
        Names (default: all seven); a comma-separated string is accepted.
    out_dir : path, optional
        Where ``scaling.json`` and ``scaling.csv`` go.
    responder : str
        The adversary of the SQ game, ``"max_consistent"`` (strongest) or ``"null"``.
    budget : int, optional
        Most queries per student and d (default: the class size plus d, which candidate
        testing needs at most; gf2-elimination's own default is d + 64).
    seed : int
        For the seeded students.
    resume : bool
        Skip (d, student) pairs already recorded in ``out_dir`` with the same parameters.
    progress : bool
        Show a tqdm progress bar.
    on_record : callable, optional
        Called with each new record.
    engine : Engine, optional
        A :func:`finitelearn.dask_engine`: the (d, student) records run as Dask tasks and
        are written as they finish (in any order; the file and the result are the same).
        Default: one after the other in this process.

    Returns
    -------
    list of ScalingRecord
        The records of this run's parameters, in (d, student) order (including resumed ones).

    Examples
    --------
    >>> recs = run_scaling([2, 3], "1/(2d)", students=["candidate-testing", "paper-d+1"], progress=False)
    >>> [(r.d, r.student, r.alpha, r.queries, r.identified) for r in recs]
    [(2, 'candidate-testing', '1/4', 2, False), (2, 'paper-d+1', None, 3, True),
     (3, 'candidate-testing', '1/6', 4, False), (3, 'paper-d+1', None, 4, True)]
    """
    if out_dir is not None:
        out_dir = check_out_dir(out_dir)
    if on_record is not None and not callable(on_record):
        raise fail_type("on_record", on_record, "a callable taking a ScalingRecord, or None")
    ds = _check_ds(d_values)
    args = _check_run_arguments(tolerance, students, responder, budget, seed)
    check_alphas(args[0], ds)
    return _run(ds, *args, out_dir,
                resume=check_bool(resume, "resume"), progress=check_bool(progress, "progress"), on_record=on_record,
                engine=check_engine(engine))


def _check_run_arguments(tolerance: Any, students: Any, responder: Any, budget: Any,
                         seed: Any) -> tuple[Tolerance, list[str], str, int | None, int]:
    """Validate the arguments :func:`run_scaling` and :func:`scaling_command` share, once."""
    tol = tolerance if isinstance(tolerance, Tolerance) else parse_tolerance(tolerance)
    names = _check_students(students)
    responder = normalize_responder(responder, adversarial=True)
    if budget is not None:
        budget = check_int(budget, "budget")
        if budget < 1:
            raise fail("budget", budget, "an int >= 1, or None for the default (class size + d)")
    seed = check_int(seed, "seed")
    if seed < 0:
        raise fail("seed", seed, "an int >= 0")
    return tol, names, responder, budget, seed


def _run(ds: list[int], tol: Tolerance, names: list[str], responder: str, budget: int | None, seed: int,
         out_dir: Any, *, resume: bool, progress: bool,
         on_record: Callable[[ScalingRecord], None] | None, engine: Any = None) -> list[ScalingRecord]:
    """The experiment on validated arguments (every check is done by the callers)."""
    alphas = check_alphas(tol, ds)  # 0 < alpha(d) < 1/2 for every d, before anything runs
    store = None if out_dir is None else RecordStore(out_dir)
    budget_spec = "default" if budget is None else str(budget)
    this_run = {(d, s, tol.text, responder, budget_spec, seed) for d in ds for s in names}
    done: dict[tuple, dict] = {}
    if store is not None:
        if resume:  # a bad file is refused here, before anything runs, and left as it is
            done = {record_key(r): r for r in store.records() if record_key(r) in this_run}
            store.rebuild_csv()
        else:  # recompute: drop this run's old records, keep other runs'
            store.drop(this_run)
    pairs = [(d, s) for d in ds for s in names]
    per_d: dict[int, _Dimension] = {}
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(pairs), desc="scaling", unit="run")
    if isinstance(engine, DaskEngine):
        try:
            return _run_on_cluster(engine, pairs, done, alphas, tol, responder, budget, budget_spec, seed, store,
                                   bar, on_record)
        finally:
            if bar is not None:
                bar.close()
    # The exact one-query bounds (CP-SAT at d <= SHARPEST_D_MAX, about a second each) are
    # solved in a second process while the larger d run, and those records come last; the
    # records are returned in the order of `pairs` all the same.  A process, not a thread:
    # importing ortools (which imports pandas, 0.8 s) and compiling the exhaustive search's
    # kernel are Python work that held the GIL against the students (0.6 s of the demo).
    todo = [(d, s) for d, s in pairs if (d, s, tol.text, responder, budget_spec, seed) not in done]
    exact_ds = sorted({d for d, s in todo if d <= SHARPEST_D_MAX and STUDENTS[s].kind == "sq"})
    executor = None
    sharp: dict[int, Any] = {}
    if exact_ds and any(d > SHARPEST_D_MAX for d, _ in todo):
        executor = _BoundWorker(exact_ds, alphas, responder)
        sharp = {d: executor for d in exact_ds}
        order = sorted(range(len(pairs)), key=lambda i: pairs[i][0] in sharp)  # stable: d order otherwise kept
    else:
        order = list(range(len(pairs)))
    by_index: dict[int, ScalingRecord] = {}
    try:
        for i in order:
            d, name = pairs[i]
            key = (d, name, tol.text, responder, budget_spec, seed)
            if key in done:
                by_index[i] = _from_dict(done[key])
                if bar is not None:
                    bar.update(1)
                continue
            if bar is not None:
                bar.set_postfix_str(f"d={d} {name}")
            if d not in per_d:
                per_d[d] = _Dimension.compute(d, alphas[d])
            bound = sharp[d].result(d) if d in sharp and STUDENTS[name].kind == "sq" else None
            rec = _run_one(per_d[d], name, tol.text, responder, budget, seed, bound)
            by_index[i] = rec
            _deliver(rec, store, budget_spec, on_record, bar)
    finally:
        if executor is not None:
            executor.stop()
        if bar is not None:
            bar.close()
    if executor is not None and store is not None:
        store.update(functools.partial(_in_run_order, {(d, s): i for i, (d, s) in enumerate(pairs)}, this_run))
    return ScalingRecords([by_index[i] for i in range(len(pairs))])


class _BoundWorker:
    """The exact one-query bounds of ``ds``, solved by a second Python process while the students run.

    A plain subprocess (``python -c``) that prints one line of (d, bound, source) per d,
    not a ``multiprocessing`` worker: spawning one would re-run the caller's main script
    in the child.  It imports what this process imports (this process's ``sys.path`` is
    the child's ``PYTHONPATH``); with no interpreter to start (embedded, frozen) there is
    no worker.  If the worker fails (cannot start, exits with an error, is killed,
    prints something else, or takes longer than :data:`_BOUND_WORKER_TIMEOUT`), the bounds
    it did not give are solved here: the same exact solves, so the records are the same.
    """

    def __init__(self, ds: list[int], alphas: dict[int, Fraction], responder: str) -> None:
        import json
        import os
        import subprocess
        import sys

        self._args = {d: (alphas[d], responder) for d in ds}
        self._results: dict[int, tuple[int | None, str]] | None = None
        job = json.dumps([[d, str(alphas[d]), responder] for d in ds])
        code = "import sys; from finitelearn.experiments import _bound_worker_main; _bound_worker_main(sys.argv[1])"
        # the child imports what this process imports: its sys.path, in its order
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        self._proc: Any = None
        if not sys.executable or getattr(sys, "frozen", False):
            return  # an embedded or frozen interpreter: no python to start (solved here)
        try:
            # stderr is not kept: a failed worker's bounds are solved here, where its error would show;
            # a pipe nobody reads until the end could fill and stall the worker
            self._proc = subprocess.Popen([sys.executable, "-c", code, job], stdout=subprocess.PIPE,
                                          stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True, env=env)
        except (OSError, ValueError, TypeError):
            self._proc = None

    def result(self, d: int) -> tuple[int | None, str]:
        """The bound for d (waits for the worker the first time)."""
        if self._results is None:
            self._results = {}
            if self._proc is not None:
                import subprocess

                try:
                    out, _ = self._proc.communicate(timeout=_BOUND_WORKER_TIMEOUT)
                except subprocess.TimeoutExpired:
                    self.stop()
                    out = ""
                self._results = _bound_lines(out, set(self._args))
        if d not in self._results:
            self._results[d] = sharpest_sq_bound(d, *self._args[d])
        return self._results[d]

    def stop(self) -> None:
        """End the worker if it still runs (the run stopped early), and close its pipe."""
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.kill()
        if self._proc.stdout is not None and not self._proc.stdout.closed:
            self._proc.communicate()


#: seconds the run waits for the bound worker (it needs about two at d <= 5) before solving here
_BOUND_WORKER_TIMEOUT = 600.0
_BOUND_TAG = "finitelearn-bound "


def _bound_worker_main(job: str) -> None:
    """The worker of :class:`_BoundWorker`: the bounds of a JSON list of [d, alpha, responder]."""
    import json

    for d, alpha, responder in json.loads(job):
        bound, source = sharpest_sq_bound(d, Fraction(alpha), responder)
        print(_BOUND_TAG + json.dumps([d, bound, source]), flush=True)


def _bound_lines(out: str, ds: set[int]) -> dict[int, tuple[int | None, str]]:
    """The worker's answers in its output ``out``: its tagged, well-formed lines for the d asked; others ignored."""
    import json

    found: dict[int, tuple[int | None, str]] = {}
    for line in out.splitlines():
        if not line.startswith(_BOUND_TAG):
            continue
        try:
            d, bound, source = json.loads(line[len(_BOUND_TAG):])
        except (ValueError, TypeError):  # not JSON, or not three values
            continue
        if type(d) is int and d in ds and (bound is None or type(bound) is int) and isinstance(source, str):
            found[d] = (bound, source)
    return found


def _in_run_order(position: dict[tuple[int, str], int], this_run: set[tuple], records: list[dict]) -> list[dict]:
    """``records`` with this run's records, in the slots they hold, put in the run's (d, student) order."""
    slots = [i for i, r in enumerate(records) if record_key(r) in this_run]
    mine = sorted((records[i] for i in slots), key=lambda r: position[(r["d"], r["student"])])
    out = list(records)
    for i, r in zip(slots, mine):
        out[i] = r
    return out


def _deliver(rec: ScalingRecord, store: Any, budget_spec: str,
             on_record: Callable[[ScalingRecord], None] | None, bar: Any) -> None:
    """A finished record: written to the store at once (so Ctrl-C loses nothing), passed on, counted."""
    if store is not None:
        row = asdict(rec)
        row["budget_spec"] = budget_spec
        store.add(row)
    if on_record is not None:
        on_record(rec)
    if bar is not None:
        bar.update(1)


def _record_task(d: int, alpha: Fraction, name: str, tol_text: str, responder: str, budget: int | None,
                 seed: int) -> ScalingRecord:
    """One (d, student) record, computed from scratch (a task of a Dask cluster)."""
    return _run_one(_Dimension.compute(d, alpha), name, tol_text, responder, budget, seed)


def _run_on_cluster(engine: DaskEngine, pairs: list[tuple[int, str]], done: dict[tuple, dict],
                    alphas: dict[int, Fraction], tol: Tolerance, responder: str, budget: int | None,
                    budget_spec: str, seed: int, store: Any, bar: Any,
                    on_record: Callable[[ScalingRecord], None] | None) -> list[ScalingRecord]:
    """The records not yet done as tasks; each written as it finishes; Ctrl-C cancels the rest."""
    by_pair: dict[tuple[int, str], ScalingRecord] = {}
    todo = []
    for d, name in pairs:
        key = (d, name, tol.text, responder, budget_spec, seed)
        if key in done:
            by_pair[(d, name)] = _from_dict(done[key])
            if bar is not None:
                bar.update(1)
        else:
            todo.append((d, name))
    finished = engine.submit_each(_record_task, [(d, alphas[d], name, tol.text, responder, budget, seed)
                                                 for d, name in todo])
    try:
        for i, rec in finished:
            by_pair[todo[i]] = rec
            if bar is not None:
                bar.set_postfix_str(f"d={rec.d} {rec.student}")
            _deliver(rec, store, budget_spec, on_record, bar)
    finally:
        finished.close()  # on Ctrl-C: cancels the tasks not finished (the finished ones are on disk)
    return ScalingRecords([by_pair[p] for p in pairs])


@dataclass(frozen=True)
class _Dimension:
    """What every record of one d shares: alpha(d), the class (4.3) and the bounds."""

    d: int
    alpha: Fraction
    class_size: int
    sq_bound: int | None
    removal_bound: int
    membership_bound: int
    optimal: int
    optimal_source: str

    @classmethod
    def compute(cls, d: int, alpha: Fraction) -> "_Dimension":
        m = 1 << (d - 1)  # |{f_S : 1 in S}|
        opt, src = _optimal_membership(d)
        return cls(d, alpha, m, sq_query_lower_bound(m, alpha), parseval_removal_bound(alpha),
                   membership_query_lower_bound(m), opt, src)


#: Largest d whose one-query maximum the scaling run asks the solver for (exactly, no time limit).
SHARPEST_D_MAX = 5


@functools.lru_cache(maxsize=64)
def sharpest_sq_bound(d: int, alpha: Fraction, responder: str) -> tuple[int | None, str]:
    """The sharpest lower bound known here on the SQ game's length for the class (4.3).

    max(Parseval, ceil((m - 1) / r)) where r is an upper bound on the members one query
    rules out against ``responder`` (:func:`finitelearn.max_eliminations` with
    ``require_consistent=False``, solved exactly at d <= :data:`SHARPEST_D_MAX`; at d = 5
    the max-consistent r is the null maximum over consistent queries, which caps it, so no
    result depends on a time limit or the machine's load).  No query removes more than r from a version
    space V: the max-consistent adversary keeps at least what it keeps of the class (and
    one member when |V| <= r); the null responder's answer does not depend on V, and when
    it keeps no member of V its fallback keeps one (removing |V| - 1 < r).  So m - 1
    removals need that many queries.  ``None`` means no number of queries
    suffices (r = 0).  Without the ``solver`` extra, the Parseval bound.

    >>> sharpest_sq_bound(3, Fraction(1, 8), "null")[0] >= fl_parseval(3, Fraction(1, 8))
    True
    """
    m = 1 << (d - 1)
    parseval = sq_query_lower_bound(m, alpha)
    if d > SHARPEST_D_MAX:
        return parseval, "Parseval"
    # Under the uniform distribution a Boolean query's values are multiples of 2^-d and the
    # null answer a multiple of 2^-(d+1): every alpha below 2^-(d+2) separates them alike, so
    # a tinier alpha (1/10^30) asks the solver the same question at 2^-(d+3).
    alpha = max(alpha, Fraction(1, 1 << (d + 3)))
    try:
        from .sq_complexity import max_eliminations

        cc, D = paper_teachers(d), uniform(d)
        # against the null responder every query counts (require_consistent=False): while a
        # survivor is within alpha of every null answer, a query removes at most r of them;
        # when the null answer keeps no survivor the fallback keeps one, removing fewer.
        # Only exact solves without a time limit, so records do not depend on the machine's load:
        # the null model solves in about a second at d <= 5, the max-consistent enumeration in
        # milliseconds at d <= 4; at d = 5 max-consistent is capped by the null maximum (the
        # adversary may answer the null value whenever it keeps a member).  One CP-SAT worker:
        # at d = 5 as fast as two (0.7 s against 0.85 s) with half the CPU, which the students need
        if responder == "null" or d <= 4:
            r = max_eliminations(cc, D, alpha, answer="null" if responder == "null" else "max_consistent",
                                 require_consistent=False, workers=1)
        else:
            r = max_eliminations(cc, D, alpha, answer="null", require_consistent=False, workers=1)
            if r.upper < m:
                r = max_eliminations(cc, D, alpha, answer="null", require_consistent=True, workers=1)
                responder = "the null answer, a cap on max_consistent"
            else:
                return parseval, "Parseval"
    except MissingExtra:
        return parseval, "Parseval (install the solver extra for the exact one-query bound)"
    if r.upper == 0:
        return None, f"one-query maximum 0 against {responder} ({r.status}): no query rules out a teacher"
    best, src = parseval, "Parseval"
    one = -(-(m - 1) // r.upper)
    if best is None or one > best:
        best, src = one, f"ceil((m-1)/r), r <= {r.upper} ({r.status}, one-query maximum against {responder})"
    return best, src


def fl_parseval(d: int, alpha: Fraction) -> int | None:
    """The Parseval bound of the class (4.3) at d (for the doctest above)."""
    return sq_query_lower_bound(1 << (d - 1), alpha)


def _from_dict(r: dict) -> ScalingRecord:
    fields = {k: r[k] for k in ScalingRecord.__dataclass_fields__ if k in r}
    return ScalingRecord(**fields)


def _run_one(dim: _Dimension, name: str, tol_text: str, responder: str, budget: int | None,
             seed: int, sharpest: tuple[int | None, str] | None = None) -> ScalingRecord:
    """One record; ``sharpest`` is :func:`sharpest_sq_bound`'s answer when already solved."""
    d, alpha, m = dim.d, dim.alpha, dim.class_size
    C = paper_teachers(d)
    student = make_student(name, seed=seed)
    if student.kind == "sq" and sharpest is None:
        sharpest = sharpest_sq_bound(d, alpha, responder)  # (not counted in the student's seconds)
    t0 = time.perf_counter()
    oracle: StatisticalQueryOracle | MembershipOracle
    if student.kind == "sq":
        assert sharpest is not None
        oracle = StatisticalQueryOracle(C, uniform(d), alpha, responder)
        lb, kind, r_bound = dim.sq_bound, "parseval", dim.removal_bound
        sharp, sharp_src = sharpest
    else:
        oracle = MembershipOracle(C)
        lb, kind, r_bound = dim.membership_bound, "information-theoretic", None
        sharp, sharp_src = dim.optimal, dim.optimal_source
    oracle.keep_only_answers()  # a record needs the counts, not the queries (2^(d-1) random features at d)
    res = student.learn(oracle, budget=budget)
    seconds = time.perf_counter() - t0
    masks = oracle.version_space_masks()
    assert masks is not None  # paper_teachers(d) is a parity class
    worst = _worst_agreement(res.hypothesis, masks, d)
    used_budget = budget if budget is not None else student.default_budget(m, d)
    return ScalingRecord(
        d=d, student=name, oracle=student.kind, tolerance=tol_text,
        alpha=str(alpha) if student.kind == "sq" else None, responder=responder,
        adversary=responder if student.kind == "sq" else "larger half (data queries)",
        queries=res.queries, identified=res.identified, stopped=res.stopped, lower_bound=lb, lower_bound_kind=kind,
        class_size=m, parseval_removal_bound=r_bound, max_removed=res.max_removed, paper_d_plus_1=d + 1,
        optimal_membership=dim.optimal, optimal_membership_source=dim.optimal_source, worst_case_agreement=str(worst),
        budget=used_budget, seed=seed, seconds=round(seconds, 4), version_space_sizes=res.version_space_sizes,
        sharpest_lower_bound=sharp, sharpest_lower_bound_source=sharp_src,
    )


def format_table(records: Sequence[Any]) -> str:
    """A text table: one row per d, the query count of each student (``*``: not identified).

    >>> print(format_table(run_scaling([3], "1/8", ["candidate-testing", "greedy", "optimal"], progress=False)))
    d  candidate-testing  greedy  optimal  SQ bound  d+1  log2|T|
    3  4*                 3       2        1         4    2
    (* = not identified: budget ran out or no query of the student's family could rule out a candidate)
    """
    recs = [r if isinstance(r, dict) else asdict(r) for r in records]
    if not recs:
        return "(no records)"
    names = [n for n in STUDENTS if any(r["student"] == n for r in recs)]
    names += [n for n in dict.fromkeys(r["student"] for r in recs) if n not in names]
    ds = sorted({int(r["d"]) for r in recs})
    header = ["d"] + names + ["SQ bound", "d+1", "log2|T|"]
    rows = []
    for d in ds:
        row = [str(d)]
        sq_bound, opt = "", ""
        for n in names:
            hit = [r for r in recs if int(r["d"]) == d and r["student"] == n]
            if not hit:
                row.append("")
                continue
            r = hit[-1]
            row.append(f"{r['queries']}" + ("" if r["identified"] else "*"))
            if r["oracle"] == "sq":
                sq_bound = "inf" if r["lower_bound"] is None else str(r["lower_bound"])
            opt = str(r["optimal_membership"])
        if not sq_bound:
            sq_bound = "-"
        row += [sq_bound, str(d + 1), opt or str(d - 1)]
        rows.append(row)
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    if any(not r["identified"] for r in recs):
        lines.append("(* = not identified: budget ran out or no query of the student's family could rule out a candidate)")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# the command line (finitelearn scaling / finitelearn demo)
# ---------------------------------------------------------------------------------------
class ScalingRecords(list):
    """The records of a scaling run: a list of :class:`ScalingRecord` that a notebook shows as a table."""

    def _repr_markdown_(self) -> str:
        from .notebook import markdown_table

        rows = [[r.d, r.student, r.queries, "yes" if r.identified else "no", r.stopped,
                 "-" if r.lower_bound is None else r.lower_bound, r.tolerance] for r in self]
        return markdown_table(["d", "student", "queries", "identified", "stopped", "lower bound", "tolerance"],
                              rows, title=f"{len(self)} scaling records")


class ExperimentInterrupted(KeyboardInterrupt):
    """Ctrl-C during a run: the records finished so far are on disk (and plotted)."""

    def __init__(self, kept: int, out_dir: Path, resumable: bool = True) -> None:
        then = "; run the same command to resume" if resumable else ""
        super().__init__(f"interrupted: {kept} records kept in {out_dir}{then}")
        self.kept = kept
        self.out_dir = out_dir



def _feature_query_note(tol: Tolerance, ds: list[int], responder: str, names: list[str]) -> str | None:
    feature_students = [n for n in ("candidate-testing", "coordinate-correlations", "random-features") if n in names]
    if responder != "max_consistent" or not feature_students or not any(tol(d) >= Fraction(1, 8) for d in ds):
        return None
    return ("note: at tolerance >= 1/8 the feature-query students (" + ", ".join(feature_students) + ") cannot rule "
            "out any teacher against the max-consistent adversary: |E[h f_S] - E[h f_S']| <= 1/4 <= 2 alpha for every "
            "feature h, so one answer fits every parity.  Try --tolerance 1/16 or --responder null.")


def scaling_command(d_min: int, d_max: int, tolerance: str, out_dir: Any, *, students: Any = None,
                    responder: str = "max_consistent", budget: Any = None, seed: int = 0, resume: bool = True,
                    progress: bool = True, plot: bool = True, stream: Any = None,
                    engine: Any = None) -> list[ScalingRecord]:
    """Run the experiment, print the table, write CSV/JSON (and the PNG), say where the files are.

    With ``engine`` (a :func:`finitelearn.dask_engine`) the records run as Dask tasks.
    """
    import sys

    stream = stream or sys.stdout
    d_max = check_int(d_max, "d_max")
    if not 2 <= d_max <= _D_MAX:
        raise fail("d_max", d_max, f"an int in 2..{_D_MAX} (the class (4.3) needs d >= 2; 2^19 teachers at most)")
    d_min = check_int(d_min, "d_min")
    if not 2 <= d_min <= d_max:
        raise fail("d_min", d_min, f"an int in 2..d_max={d_max}")
    ds = list(range(d_min, d_max + 1))
    out = check_out_dir(out_dir, "out")
    tol, names, responder, budget, seed = _check_run_arguments(tolerance, students, responder, budget, seed)
    resume, progress, plot = check_bool(resume, "resume"), check_bool(progress, "progress"), check_bool(plot, "plot")
    check_alphas(tol, ds)  # refuse a bad tolerance before anything is written
    engine = check_engine(engine)
    t0 = time.perf_counter()
    try:
        recs = _run(ds, tol, names, responder, budget, seed, out, resume=resume, progress=progress, on_record=None,
                    engine=engine)
    except KeyboardInterrupt:
        budget_spec = "default" if budget is None else str(budget)
        keys = {(d, s, tol.text, responder, budget_spec, seed) for d in ds for s in names}
        kept = [r for r in read_records(out) if record_key(r) in keys]
        if plot and kept:
            from .plots import plot_scaling

            plot_scaling(kept, out / "scaling.png")
        raise ExperimentInterrupted(len(kept), out, resumable=resume) from None
    seconds = time.perf_counter() - t0
    print(format_table(recs), file=stream)
    note = _feature_query_note(tol, ds, responder, names)
    if note:
        print(note, file=stream)
    print(f"\n{len(recs)} records in {seconds:.1f} s (tolerance {tol.text}, adversary {responder})", file=stream)
    print(f"  {out / 'scaling.csv'}\n  {out / 'scaling.json'}", file=stream)
    if plot:
        from .plots import plot_scaling

        png = out / "scaling.png"
        plot_scaling(recs, png)
        print(f"  {png}", file=stream)
    return recs
