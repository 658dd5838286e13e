"""Definition 3.1 (strong robustness) implies Definition 3.2 (robustness w.r.t. any attack).

Exhaustive on the smallest domains: every teacher T: X -> {0, .., K-1, U} and every student
S: X -> {0, .., K-1} on X = {0,1}^1 (K = 2 and K = 3) and X = {0,1}^2 (K = 2), several data
generators mu, and a family of attacks (l_p neighbourhoods for several (delta, p), the
Radon-Nikodym balls c = 1/2 and c = 1, two pushforwards, the list of all point masses,
the uniform distribution alone, and all distributions).  For each combination:

1. ``fl.is_strongly_robust`` agrees with the definition read off the tables
   (S = T on Omega_0 u ... u Omega_{K-1});
2. if S is strongly robust, the infimum (3.1) computed by ``fl.robustness`` is 1 whenever
   it is defined, so S is (A, mu, eps)-robust for every eps in (0, 1] (``fl.is_robust``);
3. the paper's remark after Definition 3.2: robustness for the attack producing all
   distributions is strong robustness (for every eps in (0, 1]; a student that is not
   strongly robust has infimum 0 there).

What the paper leaves open (verdict ``erratum``, the implication itself holds):
(3.1) is a conditional probability given the confident region and is undefined when a
family puts no mass there (e.g. mu on Omega_U and a radius-0 attack); and with the strict
">" of (3.1) no student, not even S = T, is robust at eps = 0, so the implication needs
eps > 0 (and a defined (3.1)).
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np

import finitelearn as fl

from .report import Report, verdict_of

CLAIM = "Def 3.1 (strong) => Def 3.2 for every attack"
REFERENCE = "Def. 3.1, Def. 3.2, (3.1)"
EPS = (Fraction(1, 100), Fraction(1, 2), Fraction(1))


def _attacks(d: int) -> list:
    n = 1 << d
    out = [fl.LpNeighbourhood(0, p=1), fl.LpNeighbourhood(1, p=1), fl.LpNeighbourhood(1, p=2),
           fl.LpNeighbourhood(1, p=float("inf")), fl.LpNeighbourhood(d, p=0),
           fl.RadonNikodymBall(Fraction(1, 2)), fl.RadonNikodymBall(1),
           fl.Pushforward(lambda x: (1 - x[0],) + tuple(x[1:])),      # flip x_1
           fl.Pushforward([n - 1] * n),                                 # everything to (1,..,1)
           fl.DistributionList([fl.point_masses(d, [k]) for k in range(n)]),
           fl.DistributionList([fl.uniform(d)]),
           fl.AllDistributions()]
    return out


def _mus(d: int) -> list:
    n = 1 << d
    mus = [fl.uniform(d), fl.point_masses(d, [0]), fl.point_masses(d, [n - 1])]
    if n >= 4:
        mus.append(fl.from_weights(list(range(1, n + 1))))
    return mus


def check(d_max: int = 2) -> Report:
    facts = {"strong robustness matches tables": True, "strong => value 1 when defined": True,
             "strong => robust for eps in (0,1]": True, "all distributions <=> strong": True,
             "eps = 0: never robust": True}
    checked = 0
    undefined_example = None
    n_undefined = 0
    n_strong = 0
    settings = [(1, 2), (1, 3)] + ([(2, 2)] if d_max >= 2 else [])
    for d, K in settings:
        n = 1 << d
        attacks = _attacks(d)
        mus = _mus(d)
        labels = list(range(K)) + [fl.UNCERTAIN]
        students = [fl.Student.from_table(list(s)) for s in itertools.product(range(K), repeat=n)]
        for t in itertools.product(labels, repeat=n):
            T = fl.Teacher.from_table(list(t), n_classes=K)
            conf = np.array(t) != fl.UNCERTAIN
            for S in students:
                strong = bool((S.table[conf] == np.array(t)[conf]).all())
                r = fl.is_strongly_robust(S, T)
                if bool(r) != strong:
                    facts["strong robustness matches tables"] = False
                checked += 1
                for mu in mus:
                    r_all = fl.robustness(S, T, fl.AllDistributions(), mu)
                    if conf.any() and (r_all.value == 1) != strong:
                        facts["all distributions <=> strong"] = False
                    if not strong:
                        continue
                    n_strong += 1
                    for A in attacks:
                        rb = fl.robustness(S, T, A, mu)
                        checked += 1
                        if not rb.defined:
                            n_undefined += 1
                            if undefined_example is None:
                                undefined_example = (d, K, t, A, mu)
                            continue
                        if rb.value != 1:
                            facts["strong => value 1 when defined"] = False
                        if A is attacks[1]:          # exercise is_robust itself on one attack
                            if not all(bool(fl.is_robust(S, T, A, mu, e)) for e in EPS):
                                facts["strong => robust for eps in (0,1]"] = False
                            if bool(fl.is_robust(S, T, A, mu, 0)):
                                facts["eps = 0: never robust"] = False
    holds = all(facts.values())
    if undefined_example is not None:
        d, K, t, A, mu = undefined_example
        tt = ["U" if v == fl.UNCERTAIN else str(v) for v in t]
        undef = (f"(3.1) undefined in {n_undefined:,} strongly robust cases, e.g. d={d}, T={tt}, "
                 f"{A!r}, mu={mu!r}: no member charges the confident region")
    else:
        undef = "(3.1) always defined here"
    witness = (
        f"{n_strong:,} strongly robust (S,T,mu) triples x {len(_attacks(2))} attacks: infimum (3.1) = 1 "
        f"whenever defined, robust for eps in (0,1]; all-distributions attack <=> strong. Paper silent: "
        f"eps = 0 makes even S = T non-robust (strict '>'); {undef}"
    ) if holds else "FAILED: " + ", ".join(k for k, v in facts.items() if not v)
    return Report(claim=CLAIM, reference=REFERENCE, d_min=1, d_max=max(d for d, _ in settings),
                  checked=checked, verdict=verdict_of(holds, False), witness=witness,
                  scope="all S, T; K<=3", details={"facts": facts, "undefined_cases": n_undefined})
