"""Command line of proofs_check (also behind ``finitelearn verify``)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Sequence

import finitelearn as fl

from . import CHECKS, run
from .report import format_markdown, format_table, summary_line

__all__ = ["add_arguments", "main", "run_from_args"]


def _d_max(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an int") from None
    if not 2 <= value <= 24:
        raise argparse.ArgumentTypeError(f"{value} is not allowed: an int in 2..24")
    return value


def _check_name(text: str) -> str:
    if text not in CHECKS:
        raise argparse.ArgumentTypeError(f"{text!r} is not allowed: one of {', '.join(CHECKS)}")
    return text


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``python -m proofs_check`` and ``finitelearn verify``."""
    p.add_argument("--d-max", type=_d_max, default=None, metavar="N",
                   help="largest cube dimension d for every check (default: each check's own, "
                        "chosen so that the whole run takes under a minute); each check caps it "
                        "at its own MAX_D, for the reason its CAP_REASON states")
    p.add_argument("--json", metavar="FILE", default=None,
                   help="also write the records (claim, reference, verdict, checked, evidence, "
                        "independent_reference, seconds, ...) as JSON")
    p.add_argument("--markdown", metavar="FILE", default=None,
                   help="also write a Markdown report, every finding with its evidence")
    p.add_argument("--only", type=_check_name, action="append", metavar="NAME",
                   help="run only this check (repeatable); names: " + ", ".join(CHECKS))
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")


def _output_path(text: str | None, option: str) -> Path | None:
    """Checked, and its folder made, before any check runs."""
    if not text:
        return None
    path = Path(text)
    if path.is_dir():
        raise fl.validation.fail(option, text, "a file path (this path is a folder)")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def run_from_args(args: argparse.Namespace) -> int:
    """Run, print the table and the summary line; exit status 0 unless a claim is
    refuted or a check crashed (errata, gaps and improvements are findings, not failures)."""
    t0 = time.perf_counter()
    json_path = _output_path(args.json, "--json")
    md_path = _output_path(getattr(args, "markdown", None), "--markdown")

    def progress(r) -> None:
        if not args.quiet:
            print(f"  [{r.seconds:6.1f} s] {r.name}: {r.title}: {r.verdict}", file=sys.stderr, flush=True)

    reports = run(args.d_max, args.only, on_report=progress)
    print(format_table(reports), end="")
    if json_path is not None:
        with open(json_path, "w", encoding="utf-8") as fh:
            json.dump([r.to_json() for r in reports], fh, indent=2, default=str)
            fh.write("\n")
    if md_path is not None:
        md_path.write_text(format_markdown(reports), encoding="utf-8")
    if not args.quiet:
        print(f"  total {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    print(summary_line(reports))
    return 0 if all(r.passed for r in reports) else 1


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m proofs_check",
        description="Check every claim of Sections 3, 4 and Appendix A of Ma & Ying mechanically.")
    add_arguments(p)
    args = p.parse_args(argv)
    try:
        return run_from_args(args)
    except fl.FinitelearnError as exc:
        print(f"python -m proofs_check: error: {exc}", file=sys.stderr)
        return 2
