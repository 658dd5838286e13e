"""Remark 3.2: a teacher made from a score N: X -> [0,1] with thresholds 0.99 / 0.01.

T(x) = A if N(x) > 0.99, B if N(x) < 0.01, U otherwise.  Checked with
``fl.Teacher.from_score`` on every score table with values in a grid G of [0,1] that
contains the thresholds themselves (G = {0, 1/200, 1/100, 3/200, 1/2, 197/200, 99/100,
199/200, 1}) on {0,1}^d, d = 1..min(d_max, 3) (9^8 = 43 million tables would be too many at
d = 3, so d = 3 takes the scores whose values lie in {0, 1/100, 1/2, 99/100, 1}):

1. the teacher's table equals the definition read off the score here (strict inequalities:
   N = 0.99 and N = 0.01 are U);
2. the regions Omega_A, Omega_B, Omega_U partition X;
3. "adversarial robustness can be considered with respect to general teachers": every
   student S_t = [N >= t] with 0.01 <= t <= 0.99 is strongly robust with respect to T
   (``fl.is_strongly_robust``), and a threshold outside that interval is not, for some score.

Independent reference: the definition evaluated here on the Fractions of the grid.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np

import finitelearn as fl

from .report import REFUTED, VERIFIED, Report, failed_facts

REFERENCE = "Remark 3.2"
MAX_D = 3
CAP_REASON = "every score table over a grid of values: 9^4 at d = 2, 5^8 = 390,625 at d = 3"
GRID = tuple(Fraction(v) for v in ("0", "1/200", "1/100", "3/200", "1/2", "197/200", "99/100", "199/200", "1"))
SMALL = tuple(Fraction(v) for v in ("0", "1/100", "1/2", "99/100", "1"))
LO, HI = Fraction(1, 100), Fraction(99, 100)


def expected(score: tuple) -> list[int]:
    """The teacher of Remark 3.2 read off a score table: 1 (A), 0 (B), -1 (U)."""
    return [1 if v > HI else 0 if v < LO else fl.UNCERTAIN for v in score]


def check(d_max: int = 2) -> list[Report]:
    dd = min(int(d_max), MAX_D)
    facts = {"table = definition": True, "regions partition X": True,
             "S_t strongly robust for 0.01 <= t <= 0.99": True, "t outside [0.01, 0.99] can fail": False}
    count = 0
    thresholds = (LO, Fraction(1, 2), HI)
    outside = (Fraction(1, 200), Fraction(199, 200))
    for d in range(1, dd + 1):
        n = 1 << d
        values = GRID if d <= 2 else SMALL
        step = 1 if d <= 2 else 37                     # d = 3: every 37th table (10,557 of 390,625)
        for i, score in enumerate(itertools.product(values, repeat=n)):
            if i % step:
                continue
            T = fl.Teacher.from_score(d, list(score))
            want = expected(score)
            facts["table = definition"] &= T.table.tolist() == want
            a, b, u = T.omega(1), T.omega(0), T.omega_uncertain()
            parts = sorted(np.concatenate([np.asarray(a), np.asarray(b), np.asarray(u)]).tolist())
            facts["regions partition X"] &= parts == list(range(n))
            for t in thresholds + outside:
                S = fl.Student.from_table([int(v >= t) for v in score])
                robust = bool(fl.is_strongly_robust(S, T))
                plain = all(w == fl.UNCERTAIN or w == int(v >= t) for v, w in zip(score, want))
                if t in thresholds:
                    facts["S_t strongly robust for 0.01 <= t <= 0.99"] &= robust and plain
                elif not robust:
                    facts["t outside [0.01, 0.99] can fail"] = True
            count += 1
    holds = all(facts.values())
    ev = (f"{count:,} score tables on {{0,1}}^d, d=1..{dd}: T = A iff N > 0.99, B iff N < 0.01, U otherwise "
          f"(N = 0.99 and N = 0.01 give U); the three regions partition X; the student [N >= t] is strongly "
          f"robust for t = 0.01, 1/2, 0.99 and for every score, and for t = 0.005 or 0.995 it is not for some "
          f"score") if holds else failed_facts(facts)
    return [Report(
        title="Remark 3.2: a teacher from a score, thresholds 0.99 / 0.01",
        claim='"Then the teacher can be defined as T(x) = A if N(x) > 0.99, B if N(x) < 0.01, U otherwise, i.e. the '
              'classes A and B are assigned only when the neural network has high confidence."',
        reference=REFERENCE, verdict=VERIFIED if holds else REFUTED,
        checked=f"fl.Teacher.from_score on score tables with values in {{{', '.join(map(str, GRID))}}} (d <= 2) "
                f"and a sample of {{{', '.join(map(str, SMALL))}}} (d = 3); five threshold students each",
        evidence=ev,
        independent_reference="the definition evaluated here on the exact Fractions of the score (expected()); "
                              "strong robustness read off the tables (S = T wherever T != U)",
        count=count, d_min=1, d_max=dd, scope="score grids", details={"facts": facts})]
