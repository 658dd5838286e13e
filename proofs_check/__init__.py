"""proofs_check: every claim of Sections 3 and 4 of Ma & Ying, checked mechanically.

One module per claim; each has ``check(d_max=None) -> Report`` (see :mod:`.report`).
``python -m proofs_check [--d-max N] [--json FILE]`` (or ``finitelearn verify``) runs them
all and prints one table, then a line ``N passed, N failed``.  The checks use only the
public API of finitelearn (``import finitelearn as fl``) and plain enumeration; printed
coordinates follow the paper's 1-based numbering (x_1, ..., x_d).

Examples
--------
>>> import proofs_check
>>> "thm_4_2_inequality" in proofs_check.CHECKS
True
"""

from __future__ import annotations

import importlib
import time
import traceback
from typing import Callable, Iterable

import finitelearn as fl

from .report import ERRATUM, REFUTED, VERIFIED, Report, format_table, summary_line

__all__ = ["CHECKS", "run", "run_one", "check_d_max", "Report", "VERIFIED", "ERRATUM", "REFUTED",
           "format_table", "summary_line"]

#: The checks, in the paper's order: module name -> one-line description.
CHECKS = {
    "def_3_1_implies_3_2": "Definition 3.1 implies Definition 3.2 for every attack",
    "fig_3_2": "Fig. 3.2: l2 robustness and strong robustness are independent",
    "thm_4_1_parities": "Theorem 4.1 as used: uncorrelated parities, SQ dimension, Parseval per query",
    "thm_4_1_accuracy": "Theorem 4.1: which accuracies eps the statement can hold for",
    "thm_4_2_setting": "Theorem 4.2 setting: mu carries no information, regression fits all",
    "thm_4_2_restriction": "Theorem 4.2 proof: the class restricted to X_0",
    "thm_4_2_inequality": "Theorem 4.2 proof: from P_X(h != T) <= eps to (4.5)",
    "thm_4_2_simulation": "Theorem 4.2 proof: queries on nu simulated by queries on unif(X_0)",
    "thm_4_2_bound": "Theorem 4.2: the query lower bound and the range of eps",
    "thm_4_3_learner": "Theorem 4.3: the d+1 membership-query learner",
    "thm_4_3_optimal": "Theorem 4.3: the optimal query count and the teaching dimension",
    "example_4_1": "Example 4.1: rounded model strongly robust, least squares not",
    "sq_vs_membership": "Section 4: exponential SQ bound vs linear membership count",
}


def check_d_max(d_max: object) -> int | None:
    """None (each check's own default) or an int >= 2 (the smallest d of the paper's class (4.3)).

    >>> check_d_max(4), check_d_max(None)
    (4, None)
    """
    if d_max is None:
        return None
    d = fl.validation.check_int(d_max, "d_max")
    if d < 2:
        raise fl.validation.fail("d_max", d_max, "an int >= 2 (the class (4.3) needs d >= 2), or None")
    return d


def run_one(name: str, d_max: int | None = None) -> Report:
    """Run the check ``name``; an exception inside it becomes a ``refuted`` report.

    ``name`` is one of :data:`CHECKS`; ``d_max`` is checked by :func:`check_d_max`
    before anything runs.
    """
    if not isinstance(name, str) or name not in CHECKS:
        raise fl.validation.fail("name", name, f"one of {', '.join(CHECKS)}")
    d_max = check_d_max(d_max)
    t0 = time.perf_counter()
    try:
        module = importlib.import_module(f"{__name__}.{name}")
        report = module.check() if d_max is None else module.check(d_max)
    except Exception as exc:  # a crash is a failed check, shown with its cause
        report = Report(claim=CHECKS[name], reference="-", d_min=None, d_max=d_max, checked=0,
                        verdict=REFUTED, witness=f"the check crashed: {type(exc).__name__}: {exc}",
                        details={"traceback": traceback.format_exc()})
    report.seconds = time.perf_counter() - t0
    report.name = name
    return report


def run(d_max: int | None = None, only: Iterable[str] | None = None,
        on_report: Callable[[Report], None] | None = None) -> list[Report]:
    """Run the checks (all, or those named in ``only``) in the paper's order."""
    d_max = check_d_max(d_max)
    if isinstance(only, str):
        raise fl.validation.fail_type("only", only, "an iterable of check names (a list), not one string")
    names = list(CHECKS) if only is None else list(only)
    for name in names:
        if not isinstance(name, str) or name not in CHECKS:
            raise fl.validation.fail("only", name, f"names of checks: {', '.join(CHECKS)}")
    out = []
    for name in names:
        r = run_one(name, d_max)
        if on_report is not None:
            on_report(r)
        out.append(r)
    return out
