"""The ``finitelearn`` command.

Each subcommand has a ``_add_<name>(subparsers)`` function that registers its parser
and sets ``func``; ``main`` wires them together.  Heavy modules are imported inside
the handlers so that ``finitelearn --version`` stays fast.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Sequence

from . import __version__

__all__ = ["main"]


def _cmd_info(args: argparse.Namespace) -> int:
    from .memory import available_memory, format_bytes, memory_required

    d = args.d
    rows = [
        ("truth table (uint8)", memory_required(d, 1)),
        ("bit-packed truth table (uint64 words)", 8 * max(1, memory_required(d, 1) // 64)),
        ("int64 / float64 spectrum", memory_required(d, 8)),
        ("points(d) array (d bytes per point)", memory_required(d, d)),
    ]
    print(f"d = {d}: {1 << d:,} points of {{0,1}}^{d}")
    for label, nbytes in rows:
        print(f"  {label:<38} {format_bytes(nbytes):>12}")
    print(f"  memory available now: {format_bytes(available_memory())} "
          "(an operation is refused before it allocates more than this)")
    return 0


def _add_info(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help="what one table over {0,1}^d costs in memory")
    p.add_argument("d", type=_positive_int, help="cube dimension")
    p.set_defaults(func=_cmd_info)


def _int_at_least(minimum: int):
    """An argparse type: an int >= ``minimum``, with the package's message template."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not an int") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is not allowed: an int >= {minimum}")
        return value

    parse.__name__ = f"int >= {minimum}"
    return parse


_positive_int = _int_at_least(1)
_seed_int = _int_at_least(0)
_dimension_int = _int_at_least(2)  # the class (4.3) needs d >= 2


def _cmd_example_4_1(args: argparse.Namespace) -> int:
    from .paper import example_4_1

    r = example_4_1.run(seed=args.seed, out=args.out, progress=True)
    a1, a2 = r["sparse_coefficients"]
    print(f"Example 4.1, seed {args.seed}: wrote {args.out}/example_4_1.json and {r['figure']}")
    print(f"  sparse student: y = {a1:.4f} x_1 + {a2:.4f} x_100 (paper: -2.01, 1.98); "
          f"rounded: {r['rounded_coefficients']}")
    print(f"  attack on the dense student flips {r['attack_success_rate']:.1%} of "
          f"{r['attacked_points']} correctly classified test points "
          f"(median eps {r['attack_eps_min']['median']:.3g}; inside the cube "
          f"{r['attack_inside_cube_rate']:.1%}; clipped variant {r['attack_clipped_success_rate']:.1%})")
    w = r["sparse_witness"]
    if w is not None:
        print(f"  sparse student's adversarial example (exact): x_1 = {w['point'][0]}, "
              f"x_100 = {w['point'][1]}")
    print(f"  rounded student strongly robust: {r['rounded_strongly_robust']} "
          f"(symbolic proof: {r['rounded_symbolic_proof']})")
    return 0


def _cmd_example_4_2(args: argparse.Namespace) -> int:
    from .paper import example_4_2

    example_4_2.require_torch()  # a clear message if the nn extra is missing
    kwargs = {}
    if args.channels is not None:
        kwargs["channels"] = args.channels
    if args.threads is not None:
        kwargs["num_threads"] = args.threads
    r = example_4_2.run(args.out, epochs=args.epochs, n_train=args.n_train, seed=args.seed,
                        progress=True, parallel=False if args.sequential else None, **kwargs)
    print(f"Example 4.2, seed {args.seed}: wrote {args.out}/example_4_2.json, the CSV "
          f"records and {r['figure']}")
    for name, s in r["students"].items():
        print(f"  {name:8} student: test accuracy {s['final_test_accuracy']:.3f}, adversarial "
              f"accuracy {s['final_adversarial_accuracy']:.3f} ({s['seconds']:.0f} s)")
    return 0



def _example_channels(text: str) -> tuple[int, ...]:
    parts = text.split(",")
    try:
        values = tuple(int(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not three ints such as 8,16,16") from None
    if len(values) != 3 or min(values) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not allowed: three ints >= 1, e.g. 8,16,16")
    return values


def _add_example(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("example", help="run the paper's Example 4.1 or 4.2 (Section 4.2)")
    which = p.add_subparsers(dest="example", metavar="EXAMPLE", required=True)
    p41 = which.add_parser("4.1", help="linear students of x_1 <= x_100 (numpy)")
    p41.add_argument("--seed", type=_seed_int, default=0, help="random seed (default 0)")
    p41.add_argument("--out", default=".", help="output directory (default: .)")
    p41.set_defaults(func=_cmd_example_4_1)
    p42 = which.add_parser("4.2", help="CNN students of squares and disks (needs finitelearn[nn])")
    p42.add_argument("--epochs", type=_positive_int, default=10, help="epochs (default 10)")
    p42.add_argument("--n-train", type=_positive_int, default=1000,
                     help="training images, even (default 1000)")
    p42.add_argument("--seed", type=_seed_int, default=0, help="random seed (default 0)")
    p42.add_argument("--out", default=".", help="output directory (default: .)")
    p42.add_argument("--channels", type=_example_channels, default=None,
                     help="channels of the 3 convolutions (default 16,32,32)")
    p42.add_argument("--threads", type=_positive_int, default=None,
                     help="torch threads of each student (default: 1 when the students "
                          "train in parallel, else torch's own setting)")
    p42.add_argument("--sequential", action="store_true",
                     help="train the students one after the other in this process (default: "
                          "at the same time, a process each, when 2 or more CPUs are usable)")
    p42.set_defaults(func=_cmd_example_4_2)


def _cmd_verify(args: argparse.Namespace) -> int:
    from proofs_check.cli import run_from_args

    return run_from_args(args)


def _add_verify(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="check every claim of Sections 3 and 4 (python -m proofs_check)")
    from proofs_check.cli import add_arguments

    add_arguments(p)
    p.set_defaults(func=_cmd_verify)


_REGISTRARS = [_add_info, _add_example]
_REGISTRARS.append(_add_verify)


def _cmd_scaling(args: argparse.Namespace) -> int:
    from .experiments import scaling_command

    engine = None
    if args.scheduler is not None and args.workers is not None:
        from .validation import fail

        raise fail("scheduler", args.scheduler, "either --scheduler (a running cluster) or --workers "
                   "(a local one), not both")
    address = args.scheduler if args.workers is None else None
    if address is None and args.workers is None:
        address = os.environ.get("FINITELEARN_SCHEDULER") or None
    if address is not None or args.workers is not None:
        from .engine import dask_engine

        engine = dask_engine(address, workers=args.workers or 2)
    try:
        scaling_command(args.d_min, args.d_max, args.tolerance, args.out, students=args.students,
                        responder=args.responder, budget=args.budget, seed=args.seed, resume=not args.no_resume,
                        progress=not args.no_progress, plot=not args.no_plot, engine=engine)
    finally:
        if engine is not None:
            engine.close()
    return 0


def _add_scaling(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "scaling",
        help="queries to identify a parity teacher: SQ students vs data-query students (Theorems 4.2, 4.3)",
        description="For each d and student, the worst-case number of queries until one teacher of "
        "{f_S : 1 in S} is left, against the Parseval lower bound and the paper's d+1. Records go to "
        "OUT/scaling.csv and OUT/scaling.json as they finish (a rerun resumes), the plot to OUT/scaling.png.",
    )
    p.add_argument("--d-min", type=_dimension_int, default=2, help="smallest d (>= 2, default 2)")
    p.add_argument("--d-max", type=_dimension_int, default=14, help="largest d (<= 20, default 14)")
    p.add_argument("--tolerance", default="1/8",
                   help="SQ tolerance alpha: a number or an expression in d, e.g. 1/8, 1/d, 1/d^2, 1/(2d) (default 1/8)")
    p.add_argument("--students", default=None,
                   help="comma-separated names (default all): candidate-testing, coordinate-correlations, "
                   "random-features, greedy, paper-d+1, optimal, gf2-elimination")
    p.add_argument("--responder", default="max_consistent", choices=["max_consistent", "null"],
                   help="the SQ adversary (default max_consistent, the strongest)")
    p.add_argument("--budget", type=_positive_int, default=None,
                   help="most queries per student and d (default: number of teachers + d)")
    p.add_argument("--seed", type=_seed_int, default=0, help="seed of the random students (default 0)")
    p.add_argument("--out", default="finitelearn-scaling", help="output directory (default ./finitelearn-scaling)")
    p.add_argument("--no-resume", action="store_true", help="recompute records already in OUT")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--no-plot", action="store_true", help="do not write scaling.png")
    p.add_argument("--workers", type=_positive_int, default=None,
                   help="run the records as tasks on a local Dask cluster of N worker processes (the dask extra)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="run the records as tasks on a running Dask scheduler, e.g. tcp://host:8786 "
                   "(default: $FINITELEARN_SCHEDULER; unset: in this process)")
    p.set_defaults(func=_cmd_scaling)


def _cmd_demo(args: argparse.Namespace) -> int:
    import time

    from .experiments import scaling_command

    print(f"finitelearn demo: passive teacher (statistical queries) vs active teacher (data queries),\n"
          f"teachers f_S on {{0,1}}^d with 1 in S (equation (4.3)), d = 2..{args.d_max}, all students.\n")
    t0 = time.perf_counter()
    scaling_command(2, args.d_max, args.tolerance, args.out, responder=args.responder,
                    progress=not args.no_progress, resume=False)
    print(f"\ndemo finished in {time.perf_counter() - t0:.1f} s; open {args.out}/scaling.png. "
          f"Larger d: finitelearn scaling --d-max 16 --out DIR (about a minute)")
    return 0


def _add_demo(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="the scaling experiment for small d in seconds: table, CSV/JSON and plot")
    p.add_argument("--out", default="finitelearn-demo", help="output directory (default ./finitelearn-demo)")
    p.add_argument("--d-max", type=_dimension_int, default=12, help="largest d (2..20, default 12)")
    p.add_argument("--tolerance", default="1/8", help="SQ tolerance alpha (default 1/8)")
    p.add_argument("--responder", default="max_consistent", choices=["max_consistent", "null"],
                   help="the SQ adversary (default max_consistent)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_demo)


_REGISTRARS += [_add_scaling, _add_demo]


def _cmd_bounds(args: argparse.Namespace) -> int:
    import csv
    import json
    import os

    from .sq_complexity import bounds_csv_rows, bounds_row
    from .validation import fail

    from .bounds import check_tolerance

    if args.d_min > args.d_max:
        raise fail("d_min", args.d_min, f"an int in 2..d_max={args.d_max}")
    check_tolerance(args.tolerance)
    os.makedirs(args.out, exist_ok=True)
    rows = []
    short = {"parseval_queries": "Parseval", "sq_dimension_queries": "SQdim", "sda_queries": "SDA",
             "one_query_null": "1q null", "one_query_null_any": "1q null*", "one_query_max_consistent": "1q maxc",
             "one_query_queries": "1q => q", "adaptive": "exact", "best_student": "student",
             "paper_membership": "d+1", "optimal_membership": "d-1"}
    print("d  " + "  ".join(f"{v:>12}" for v in short.values()))
    for d in range(args.d_min, args.d_max + 1):
        r = bounds_row(d, args.tolerance, time_limit=args.time_limit, game_d_max=args.game_d_max)
        rows.append(r)

        def show(c: dict) -> str:
            if c["status"] == "optimal":
                return str(c["value"])
            if c["status"] == "bounds":
                return f"[{c['lower']},{'?' if c['upper'] is None else c['upper']}]"
            return "-"

        print(f"{d:<2} " + "  ".join(f"{show(r[k]):>12}" for k in short), flush=True)
    with open(os.path.join(args.out, "bounds.json"), "w") as fh:
        json.dump({"tolerance": args.tolerance, "time_limit": args.time_limit, "rows": rows}, fh, indent=1)
    flat = bounds_csv_rows(rows)
    with open(os.path.join(args.out, "bounds.csv"), "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(flat[0]))
        w.writeheader()
        w.writerows(flat)
    print(f"wrote {args.out}/bounds.json and {args.out}/bounds.csv (cells: value, status, lower, upper, seconds; "
          "[lo,hi] = bounds, - = not computed; 1q null* = null answer without the consistency requirement)")
    return 0


def _time_limit(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{value} is not allowed: a positive number of seconds")
    return value


def _add_bounds(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "bounds",
        help="exact SQ complexity of the class (4.3) beside the Parseval, SQ-dimension and SDA bounds",
        description="For each d, the class {f_S : 1 in S} under uniform x: Parseval, SQ-dimension and SDA "
        "bounds, the exact one-query maxima (CP-SAT), the query bound they imply, the exact adaptive "
        "complexity where computed and the membership counts; each cell with its status and time. "
        "Needs the solver extra (pip install 'finitelearn[solver]').",
    )
    p.add_argument("--d-min", type=_dimension_int, default=2, help="smallest d (>= 2, default 2)")
    p.add_argument("--d-max", type=_dimension_int, default=5, help="largest d (default 5)")
    p.add_argument("--tolerance", default="1/8", help="SQ tolerance alpha (default 1/8)")
    p.add_argument("--time-limit", type=_time_limit, default=60.0,
                   help="seconds per one-query solve; a solve stopped early reports bounds (default 60)")
    p.add_argument("--game-d-max", type=_int_at_least(0), default=4,
                   help="largest d for the exact adaptive game (exhaustive; default 4)")
    p.add_argument("--out", default="finitelearn-bounds", help="output directory (default ./finitelearn-bounds)")
    p.set_defaults(func=_cmd_bounds)


_REGISTRARS.append(_add_bounds)

# The library's messages name its arguments ("d_max=25 is not allowed: ..."); the user
# typed options.  Per subcommand: the argument names its handler passes on, and the
# option each one came from.
OPTION_NAMES = {
    "scaling": {"d_min": "--d-min", "d_max": "--d-max", "tolerance": "--tolerance", "students": "--students",
                "responder": "--responder", "budget": "--budget", "seed": "--seed", "out": "--out",
                "out_dir": "--out", "scheduler": "--scheduler", "workers": "--workers"},
    "bounds": {"d_min": "--d-min", "d_max": "--d-max", "d": "--d-max", "tolerance": "--tolerance",
               "time_limit": "--time-limit", "out": "--out"},
    "demo": {"d_max": "--d-max", "tolerance": "--tolerance", "responder": "--responder", "out": "--out",
             "out_dir": "--out"},
}


def in_option_names(command: str, message: str) -> str:
    """``message`` with each argument name ``name=`` of ``command`` replaced by its option.

    >>> in_option_names("scaling", "d_min=5 is not allowed: an int in 2..d_max=3")
    '--d-min=5 is not allowed: an int in 2..--d-max=3'
    """
    table = OPTION_NAMES.get(command, {})
    if not table:
        return message
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, table)) + r")=")
    return pattern.sub(lambda m: table[m.group(1)] + "=", message)


_VALUE_OPTIONS = ("--time-limit", "--tolerance", "--d-min", "--d-max", "--seed", "--budget", "--epochs", "--n-train")


def _hint_negative_values(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    """argparse reads ``--tolerance -1/8`` as two options; say how to pass a negative value."""
    for opt, value in zip(argv, argv[1:]):
        # argparse itself takes plain negative numbers (-1, -0.5) as values
        if opt in _VALUE_OPTIONS and re.fullmatch(r"-[\d.(].*", value) and not re.fullmatch(r"-\d+|-\d*\.\d+", value):
            parser.error(f"argument {opt}: {value!r} looks like an option; write {opt}={value} "
                         "to pass a value that starts with '-'")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``finitelearn`` command."""
    parser = argparse.ArgumentParser(
        prog="finitelearn",
        description="Exact checks of 'Achieving adversarial robustness requires an active teacher'.",
    )
    parser.add_argument("--version", action="version", version=f"finitelearn {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _REGISTRARS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``finitelearn`` console script."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    _hint_negative_values(parser, argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from .errors import FinitelearnError

    command = " ".join(c for c in (args.command, getattr(args, "example", None)) if c)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt as exc:  # Ctrl-C: one line, what is done is kept (exit 130 as a shell does)
        text = str(exc) if str(exc).startswith("interrupted") else "interrupted"
        print(f"\nfinitelearn {command}: {text}", file=sys.stderr)
        return 130
    except FinitelearnError as exc:
        print(f"finitelearn {command}: error: {in_option_names(args.command, str(exc))}", file=sys.stderr)
        return 2
    except OSError as exc:  # an output folder that cannot be written, a full disk, ...
        where = f" ({exc.filename})" if exc.filename else ""
        hint = "; choose another --out folder" if hasattr(args, "out") else ""
        print(f"finitelearn {command}: error: cannot write the output{where}: {exc.strerror or exc}{hint}",
              file=sys.stderr)
        return 2


def run() -> None:
    """The ``finitelearn`` console script: :func:`main`, then exit without the interpreter's teardown.

    Freeing numba's and matplotlib's module state at exit took 0.5 s of the demo's 5 s
    (measured: the same run ended by ``os._exit`` after its output).  The command has
    written and closed its files by then; the ``atexit`` handlers run and the output is
    flushed, then the process ends.  Under a profiler or a tracer (``python -m cProfile``,
    coverage), which write their results after the program, it exits the usual way; so
    does an exception (a bug), with its traceback.
    """
    code = main()
    if sys.getprofile() is not None or sys.gettrace() is not None or "coverage" in sys.modules:
        sys.exit(code)
    import atexit
    import logging

    atexit._run_exitfuncs()  # what users and libraries registered (logging's shutdown among them)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (``| head``) or stream
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
