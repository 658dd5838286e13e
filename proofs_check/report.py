"""The record every check returns, and the table that ``python -m proofs_check`` prints.

A :class:`Report` says which claim of the paper was checked (``claim``, ``reference``),
on which range of d (``d_min``..``d_max``, or ``scope`` when the domain is not a cube),
how many objects were checked (``checked``), the ``verdict`` and a ``witness``: the exact
evidence (a counterexample, an equality case, the value that settles the claim).

Verdicts
--------
``verified``  the claim holds for every object checked.
``erratum``   the paper's text is wrong, imprecise or silent here (a typo, a strict
              inequality that should be non-strict, a count that is not optimal, a step the
              proof skips), *and* the corrected claim holds for every object checked; the
              witness shows both.
``refuted``   a claim that should hold (as stated, or as corrected) does not: a failure.

Examples
--------
>>> r = Report(claim="1 + 1 = 2", reference="arithmetic", d_min=1, d_max=3, checked=3,
...            verdict=VERIFIED, witness="all three d")
>>> r.passed, r.d_range
(True, '1..3')
>>> sorted(r.to_json())[:4]
['checked', 'claim', 'd_max', 'd_min']
"""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

import finitelearn as fl

__all__ = ["VERIFIED", "REFUTED", "ERRATUM", "VERDICTS", "Report", "format_table", "summary_line"]

VERIFIED = "verified"
REFUTED = "refuted"
ERRATUM = "erratum"
VERDICTS = (VERIFIED, ERRATUM, REFUTED)


@dataclass
class Report:
    """The outcome of one check (see the module docstring for the fields)."""

    claim: str
    reference: str
    d_min: int | None
    d_max: int | None
    checked: int
    verdict: str
    witness: str
    scope: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    name: str = ""

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict={self.verdict!r} is not allowed: one of {VERDICTS}")

    @property
    def passed(self) -> bool:
        """False only for ``refuted``: an erratum is a finding, not a failure."""
        return self.verdict != REFUTED

    @property
    def d_range(self) -> str:
        if self.d_min is None:
            return self.scope or "-"
        text = str(self.d_min) if self.d_min == self.d_max else f"{self.d_min}..{self.d_max}"
        return f"{text} ({self.scope})" if self.scope else text

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with the fields claim, reference, d_max, checked, verdict,
        witness (and d_min, scope, details, seconds, name)."""
        out = asdict(self)
        out["seconds"] = round(self.seconds, 3)
        return out


def verdict_of(holds: bool, paper_exact: bool) -> str:
    """``refuted`` if the (corrected) claim fails, else ``verified`` or ``erratum``."""
    if not holds:
        return REFUTED
    return VERIFIED if paper_exact else ERRATUM


def _check_reports(reports: Iterable[Report]) -> list[Report]:
    if isinstance(reports, (str, bytes, Report)) or not isinstance(reports, Iterable):
        raise fl.validation.fail_type("reports", reports, "an iterable of proofs_check Reports")
    out = list(reports)
    for i, r in enumerate(out):
        if not isinstance(r, Report):
            raise fl.validation.fail_type(f"reports[{i}]", r, "a proofs_check Report")
    return out


def format_table(reports: Iterable[Report], width: int | None = None) -> str:
    """One table: claim, paper reference, d range, objects checked, verdict, witness."""
    reports = _check_reports(reports)
    if width is None:
        width = max(120, min(200, shutil.get_terminal_size((160, 40)).columns))
    cols = [("claim", 34), ("reference", 16), ("d", 12), ("checked", 11), ("verdict", 8)]
    fixed = sum(w for _, w in cols) + 2 * len(cols)
    wit_w = max(30, width - fixed)
    lines = ["  ".join(f"{h:<{w}}" for h, w in cols) + "  witness", "-" * min(width, fixed + wit_w)]
    for r in reports:
        cells = [textwrap.wrap(str(v), w) or [""] for v, (_, w) in
                 zip((r.claim, r.reference, r.d_range, f"{r.checked:,}", r.verdict), cols)]
        wit = textwrap.wrap(r.witness, wit_w) or [""]
        n = max(len(wit), *(len(c) for c in cells))
        for i in range(n):
            row = "  ".join(f"{(c[i] if i < len(c) else ''):<{w}}" for c, (_, w) in zip(cells, cols))
            lines.append((row + "  " + (wit[i] if i < len(wit) else "")).rstrip())
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def summary_line(reports: Iterable[Report]) -> str:
    """``N claims: V verified, E errata, R refuted``: how many records got each verdict.

    >>> summary_line([])
    '0 claims: 0 verified, 0 errata, 0 refuted'
    """
    reports = _check_reports(reports)
    names = {VERIFIED: "verified", ERRATUM: "errata", REFUTED: "refuted"}
    counts = ", ".join(f"{sum(1 for r in reports if r.verdict == v)} {names.get(v, v)}" for v in VERDICTS)
    return f"{len(reports)} claim{'s' if len(reports) != 1 else ''}: {counts}"
