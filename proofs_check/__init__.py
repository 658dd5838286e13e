"""proofs_check: every claim of Sections 3, 4 and Appendix A of Ma & Ying, checked mechanically.

One module per claim; each has ``check(d_max=...) -> list[Report]``, one record per finding
(see :mod:`.report` for the fields and the five verdicts).  ``python -m proofs_check
[--d-max N] [--json FILE] [--markdown FILE]`` (or ``finitelearn verify``) runs them all,
prints one table and the line ``N claims: V verified, E errata, G gaps, I improvements,
R refuted``.  The checks use only the public API of finitelearn (``import finitelearn as
fl``) and plain enumeration; printed coordinates follow the paper's 1-based numbering.

Sizes.  Each check has its own default d and a cap ``MAX_D`` with the reason in
``CAP_REASON`` (:data:`CAPS`); ``--d-max`` raises the sizes up to the caps, so that no
check runs for more than about a minute.  The default run takes well under a minute on
two cores.

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

from .report import (ERRATUM, ERROR, GAP, IMPROVEMENT, REFUTED, VERIFIED, Report, format_markdown,
                     format_table, summary_line)

__all__ = ["CHECKS", "run", "run_one", "check_d_max", "caps", "Report", "VERIFIED", "ERRATUM", "GAP",
           "IMPROVEMENT", "REFUTED", "ERROR", "format_table", "format_markdown", "summary_line"]

#: The checks, in the paper's order: module name -> one-line description.
CHECKS = {
    "remark_3_2": "Remark 3.2: a teacher from a score with thresholds 0.99 / 0.01",
    "def_3_1_implies_3_2": "Definitions 3.1 and 3.2: strong => every attack; the infimum (3.1)",
    "attack_families": "Section 3.2: the l_p, Radon-Nikodym and fast-gradient families, brute force",
    "fig_3_2": "Fig. 3.2: l2 robustness and strong robustness are independent",
    "thm_4_1_parities": "Theorem 4.1 as used: uncorrelated parities, SQ dimension, Parseval per query",
    "thm_4_1_accuracy": "Theorem 4.1: which accuracies eps the statement can hold for",
    "thm_4_2_setting": "Theorem 4.2 setting: mu carries no information, regression fits all",
    "thm_4_2_restriction": "Theorem 4.2 proof: the class restricted to X_0",
    "thm_4_2_inequality": "Theorem 4.2 proof: from P_X(h != T) <= eps to (4.5)",
    "thm_4_2_simulation": "Theorem 4.2 proof: a feature query on nu is one SQ on unif(X_0)",
    "thm_4_2_bound": "Theorem 4.2: the query lower bound and the range of eps",
    "thm_4_3_learner": "Theorem 4.3: the d+1 membership-query learner",
    "thm_4_3_optimal": "Theorem 4.3: the optimal query count and the teaching dimension",
    "sq_vs_membership": "Section 4: exponential SQ bound vs linear membership count",
    "example_4_1": "Example 4.1: rounded model strongly robust, least squares not; population solution",
    "example_4_2": "Example 4.2 / Appendix A: the data, the max-pool filter, a reduced training run",
}


def check_d_max(d_max: object) -> int | None:
    """None (each check's own default) or an int >= 2 (the smallest d of the paper's class (4.3)).

    Bools, floats (also 4.0 and nan) and strings are refused: a size is an int.

    >>> check_d_max(4), check_d_max(None)
    (4, None)
    """
    if d_max is None:
        return None
    d = fl.validation.check_int(d_max, "d_max")
    if d < 2:
        raise fl.validation.fail("d_max", d_max, "an int >= 2 (the class (4.3) needs d >= 2), or None")
    return d


def caps() -> dict[str, tuple[int | None, str]]:
    """Each check's cap on d and its reason: name -> (MAX_D or None, CAP_REASON)."""
    out = {}
    for name in CHECKS:
        module = importlib.import_module(f"{__name__}.{name}")
        out[name] = (getattr(module, "MAX_D", None), module.CAP_REASON)
    return out


def run_one(name: str, d_max: int | None = None) -> list[Report]:
    """Run the check ``name``: its records, one per finding.

    ``name`` is one of :data:`CHECKS`; ``d_max`` is checked by :func:`check_d_max`
    before anything runs, and each check caps it at its ``MAX_D``.  An exception inside
    the check becomes one record with verdict ``error`` (not a verdict on the paper).
    """
    if not isinstance(name, str) or name not in CHECKS:
        raise fl.validation.fail("name", name, f"one of {', '.join(CHECKS)}")
    d_max = check_d_max(d_max)
    t0 = time.perf_counter()
    try:
        module = importlib.import_module(f"{__name__}.{name}")
        reports = module.check() if d_max is None else module.check(d_max)
        if isinstance(reports, Report) or not reports or not all(isinstance(r, Report) for r in reports):
            raise TypeError(f"{name}.check() must return a non-empty list of Reports, got {reports!r:.200}")
        reports = list(reports)
    except Exception as exc:  # a crash is not a verdict: its own status, with its cause
        reports = [Report(title=CHECKS[name], claim="(the check crashed before reaching a verdict)",
                          reference="-", verdict=ERROR, checked="nothing: the check raised",
                          evidence=f"the check crashed: {type(exc).__name__}: {exc}",
                          independent_reference="-", d_max=d_max,
                          details={"traceback": traceback.format_exc()})]
    seconds = time.perf_counter() - t0
    for r in reports:
        r.seconds = seconds
        r.name = name
    return reports


def run(d_max: int | None = None, only: Iterable[str] | None = None,
        on_report: Callable[[Report], None] | None = None) -> list[Report]:
    """Run the checks (all, or those named in ``only``) in the paper's order: all records."""
    d_max = check_d_max(d_max)
    if isinstance(only, str):
        raise fl.validation.fail_type("only", only, "an iterable of check names (a list), not one string")
    names = list(CHECKS) if only is None else list(only)
    for name in names:
        if not isinstance(name, str) or name not in CHECKS:
            raise fl.validation.fail("only", name, f"names of checks: {', '.join(CHECKS)}")
    out = []
    for name in names:
        for r in run_one(name, d_max):
            if on_report is not None:
                on_report(r)
            out.append(r)
    return out
