"""The ``finitelearn`` command.

Each subcommand has a ``_add_<name>(subparsers)`` function that registers its parser
and sets ``func``; ``main`` wires them together.  Heavy modules are imported inside
the handlers so that ``finitelearn --version`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from . import __version__

__all__ = ["main"]


def _cmd_info(args: argparse.Namespace) -> int:
    from .cube import _format_bytes, available_memory, memory_required

    d = args.d
    print(f"d = {d}: {1 << d:,} points of {{0,1}}^{d}")
    rows = [
        ("truth table (uint8)", memory_required(d, 1)),
        ("bit-packed truth table", memory_required(d, 1 / 8)),
        ("int64 / float64 spectrum", memory_required(d, 8)),
        ("points(d) array (d bytes per point)", memory_required(d, d)),
    ]
    for label, nbytes in rows:
        print(f"  {label:<38} {_format_bytes(nbytes):>12}")
    print(f"  machine memory: {_format_bytes(available_memory())} (tables may use half)")
    return 0


def _add_info(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help="what one table over {0,1}^d costs in memory")
    p.add_argument("d", type=_positive_int, help="cube dimension")
    p.set_defaults(func=_cmd_info)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an int") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not allowed: an int >= 1")
    return value


_REGISTRARS = [_add_info]


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
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from .errors import FinitelearnError

    try:
        return int(args.func(args) or 0)
    except FinitelearnError as exc:
        print(f"finitelearn {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
