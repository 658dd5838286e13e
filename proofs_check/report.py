"""The record every check returns, the table ``python -m proofs_check`` prints, and the
Markdown report.

A check returns a list of :class:`Report` records, **one per finding**.  Each record says

* ``claim``: the paper's words, quoted (what is being checked);
* ``reference``: where (section, equation, theorem);
* ``verdict``: one of the five below (or ``error`` when the check itself crashed);
* ``checked``: what was enumerated or counted, in words; ``count`` the number of objects;
* ``evidence``: the numbers, the counterexample or the witness;
* ``independent_reference``: how the expected value was obtained *without* the code under
  test (a plain enumeration written in the check, or a closed form with its derivation);
* ``seconds``: the run time of the check that produced it (shared by its records);
* ``d_min``/``d_max``/``scope``: the sizes covered; ``details``: the raw facts and tables.

Verdicts
--------
``verified``     the claim holds as stated for everything checked.
``erratum``      the paper states something false: the evidence is a counterexample.
``gap``          the claim holds, but a step of its proof is missing or wrong (the evidence
                 shows the failing step and the repair).
``improvement``  the claim holds, and exact computation does strictly better.
``refuted``      a claim of the paper fails and cannot be repaired here.
``error``        not a verdict on the paper: the check crashed (the traceback is in
                 ``details``).  ``python -m proofs_check`` exits non-zero on ``refuted`` and
                 ``error`` only.

Examples
--------
>>> r = Report(title="1 + 1 = 2", claim='"1 + 1 = 2"', reference="arithmetic", verdict=VERIFIED,
...            checked="three sums", evidence="all three equal 2", independent_reference="counting",
...            count=3, d_min=1, d_max=3)
>>> r.passed, r.d_range
(True, '1..3')
>>> sorted(r.to_json())[:4]
['checked', 'claim', 'count', 'd_max']
"""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

import finitelearn as fl

__all__ = ["VERIFIED", "ERRATUM", "GAP", "IMPROVEMENT", "REFUTED", "ERROR", "VERDICTS", "Report",
           "format_table", "format_markdown", "summary_line", "failed_facts"]

VERIFIED = "verified"
ERRATUM = "erratum"
GAP = "gap"
IMPROVEMENT = "improvement"
REFUTED = "refuted"
ERROR = "error"
#: The five verdicts on the paper, then ``error`` (a crashed check, no verdict).
VERDICTS = (VERIFIED, ERRATUM, GAP, IMPROVEMENT, REFUTED, ERROR)
_PLURAL = {VERIFIED: "verified", ERRATUM: "errata", GAP: "gaps", IMPROVEMENT: "improvements",
           REFUTED: "refuted", ERROR: "errors"}


@dataclass
class Report:
    """One finding of one check (see the module docstring for the fields)."""

    title: str
    claim: str
    reference: str
    verdict: str
    checked: str
    evidence: str
    independent_reference: str
    count: int = 0
    d_min: int | None = None
    d_max: int | None = None
    scope: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    name: str = ""

    def _repr_markdown_(self) -> str:
        """The finding, for a notebook."""
        return (f"**{self.title or self.name}**: *{self.verdict}* ({self.reference})\n\n> {self.claim}\n\n"
                f"- checked: {self.checked}\n- evidence: {self.evidence}\n"
                f"- independent reference: {self.independent_reference}")

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict={self.verdict!r} is not allowed: one of {VERDICTS}")
        for f in ("title", "claim", "reference", "checked", "evidence", "independent_reference"):
            if not isinstance(getattr(self, f), str) or not getattr(self, f):
                raise ValueError(f"{f}={getattr(self, f)!r} is not allowed: a non-empty string")

    @property
    def passed(self) -> bool:
        """False for ``refuted`` and ``error``: errata, gaps and improvements are findings."""
        return self.verdict not in (REFUTED, ERROR)

    @property
    def d_range(self) -> str:
        if self.d_min is None:
            return self.scope or "-"
        text = str(self.d_min) if self.d_min == self.d_max else f"{self.d_min}..{self.d_max}"
        return f"{text} ({self.scope})" if self.scope else text

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: claim, reference, verdict, checked, evidence,
        independent_reference, seconds (and title, count, d_min, d_max, scope, name, details)."""
        out = asdict(self)
        out["seconds"] = round(self.seconds, 3)
        return out


def failed_facts(facts: dict[str, bool]) -> str:
    """The evidence of a record whose facts do not all hold: which ones failed."""
    return "FAILED: " + ", ".join(k for k, v in facts.items() if not v)


def _check_reports(reports: Iterable[Report]) -> list[Report]:
    if isinstance(reports, (str, bytes, Report)) or not isinstance(reports, Iterable):
        raise fl.validation.fail_type("reports", reports, "an iterable of proofs_check Reports")
    out = list(reports)
    for i, r in enumerate(out):
        if not isinstance(r, Report):
            raise fl.validation.fail_type(f"reports[{i}]", r, "a proofs_check Report")
    return out


def format_table(reports: Iterable[Report], width: int | None = None) -> str:
    """One table: finding, paper reference, d range, objects counted, verdict, evidence."""
    reports = _check_reports(reports)
    if width is None:
        width = max(120, min(200, shutil.get_terminal_size((160, 40)).columns))
    cols = [("finding", 30), ("reference", 16), ("d", 10), ("checked", 11), ("verdict", 11)]
    fixed = sum(w for _, w in cols) + 2 * len(cols)
    ev_w = max(30, width - fixed)
    lines = ["  ".join(f"{h:<{w}}" for h, w in cols) + "  evidence", "-" * min(width, fixed + ev_w)]
    for r in reports:
        cells = [textwrap.wrap(str(v), w) or [""] for v, (_, w) in
                 zip((r.title, r.reference, r.d_range, f"{r.count:,}", r.verdict), cols)]
        ev = textwrap.wrap(r.evidence, ev_w) or [""]
        n = max(len(ev), *(len(c) for c in cells))
        for i in range(n):
            row = "  ".join(f"{(c[i] if i < len(c) else ''):<{w}}" for c, (_, w) in zip(cells, cols))
            lines.append((row + "  " + (ev[i] if i < len(ev) else "")).rstrip())
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def format_markdown(reports: Iterable[Report]) -> str:
    """A report a reader can put next to the paper: a summary table, then every finding
    with the paper's words, what was checked, the evidence and the independent reference."""
    reports = _check_reports(reports)
    out = ["# proofs_check: Ma & Ying, Sections 3, 4 and Appendix A, checked by exact computation", "",
           summary_line(reports), "",
           "| # | finding | reference | d | verdict |", "|---|---|---|---|---|"]
    for i, r in enumerate(reports, 1):
        out.append(f"| {i} | {r.title} | {r.reference} | {r.d_range} | **{r.verdict}** |")
    out.append("")
    for i, r in enumerate(reports, 1):
        out += [f"## {i}. {r.title} ({r.verdict})", "",
                f"*{r.reference}* (check `{r.name}`, {r.seconds:.1f} s)", "",
                f"> {r.claim}", "",
                f"**Checked.** {r.checked} ({r.count:,} objects; d: {r.d_range})", "",
                f"**Evidence.** {r.evidence}", "",
                f"**Independent reference.** {r.independent_reference}", ""]
    return "\n".join(out).rstrip() + "\n"


def summary_line(reports: Iterable[Report]) -> str:
    """``N claims: V verified, E errata, G gaps, I improvements, R refuted`` (and
    ``, X errors`` when a check crashed).

    >>> summary_line([])
    '0 claims: 0 verified, 0 errata, 0 gaps, 0 improvements, 0 refuted'
    """
    reports = _check_reports(reports)
    shown = [v for v in VERDICTS if v != ERROR or any(r.verdict == ERROR for r in reports)]
    counts = ", ".join(f"{sum(1 for r in reports if r.verdict == v)} {_PLURAL[v]}" for v in shown)
    return f"{len(reports)} claim{'s' if len(reports) != 1 else ''}: {counts}"
