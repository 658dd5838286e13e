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

Records (one per finding):

* ``verified``: strong robustness implies (A, mu, eps)-robustness for every attack and every
  eps in (0, 1] wherever (3.1) is defined.  eps = 0 is a parameter choice, not an erratum:
  with the strict ">" of (3.1) no student, not even S = T, is robust at eps = 0 (checked), so
  the definition is meant for eps > 0;
* ``verified``: the remark "strong adversarial robustness can be viewed as robustness with
  an attack that produces all the probability distributions on X";
* ``gap``: (3.1) is a conditional probability given the confident region, undefined when a
  member nu gives it no mass (e.g. mu on Omega_U and a radius-0 attack); the definition does
  not say what the infimum is then (the library skips such members, and calls (3.1)
  undefined when every member is such).

Independent reference: the tables themselves (S = T on the confident points, read off
the tuples enumerated here) and, for strongly robust students, the fact that every member's
conditional probability is a ratio of equal sums (agreement on the whole confident region).
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np

import finitelearn as fl

from .report import GAP, REFUTED, VERIFIED, Report, failed_facts

REFERENCE = "Def. 3.1, Def. 3.2, (3.1)"
MAX_D = 2
CAP_REASON = ("every teacher (K+1)^(2^d) x every student K^(2^d) x mus x 12 attacks: d = 2 is "
              "81 x 16 x 4 x 12; d = 3 would be 6561 x 256 x ...")
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


def check(d_max: int = 2) -> list[Report]:
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
    dd = max(d for d, _ in settings)
    main = ["strong robustness matches tables", "strong => value 1 when defined",
            "strong => robust for eps in (0,1]", "eps = 0: never robust"]
    f1 = {k: facts[k] for k in main}
    f2 = {"all distributions <=> strong": facts["all distributions <=> strong"]}
    common = dict(d_min=1, d_max=dd, scope="all S, T; K<=3",
                  independent_reference="the definitions read off the enumerated tables: S = T on every "
                                        "confident point (plain numpy comparison), value 1 = equal sums")
    r1 = Report(
        title="Def 3.1 (strong) => Def 3.2 for every attack",
        claim='"Besides strong adversarial robustness, we can also define a weaker version of adversarial '
              'robustness." (Definition 3.2 with (3.1) ... > 1 - eps)',
        reference=REFERENCE, verdict=VERIFIED if all(f1.values()) else REFUTED,
        checked=f"every teacher and student on {{0,1}}^1 (K=2,3) and {{0,1}}^2 (K=2), {len(_mus(2))} mus, "
                f"{len(_attacks(2))} attacks",
        evidence=(f"{n_strong:,} strongly robust (S,T,mu) triples x {len(_attacks(2))} attacks: infimum (3.1) = 1 "
                  f"whenever defined, so robust for every eps in (0,1]; eps = 0 is excluded by the strict '>' "
                  f"(even S = T is not robust there): a parameter choice") if all(f1.values()) else failed_facts(f1),
        count=checked, details={"facts": f1}, **common)
    r2 = Report(
        title="Strong robustness = robustness for the attack of all distributions",
        claim='"Finally, strong adversarial robustness can be viewed as robustness with an attack that '
              'produces all the probability distributions on X."',
        reference="Sec. 3.2, after Def. 3.2", verdict=VERIFIED if all(f2.values()) else REFUTED,
        checked="every teacher with a confident point, every student, every mu above",
        evidence="the infimum (3.1) over all distributions is 1 iff S is strongly robust, else 0 (a point "
                 "mass on an adversarial example)" if all(f2.values()) else failed_facts(f2),
        count=checked, details={"facts": f2}, **common)
    if undefined_example is not None:
        d, K, t, A, mu = undefined_example
        tt = ["U" if v == fl.UNCERTAIN else str(v) for v in t]
        undef = (f"(3.1) is undefined in {n_undefined:,} strongly robust cases, e.g. d={d}, T={tt}, "
                 f"{A!r}, mu={mu!r}: no member charges the confident region, so P(T = S | x in Omega) "
                 f"has no value and the definition does not say whether S is robust")
    else:
        undef = "(3.1) always defined here"
    r3 = Report(
        title="(3.1) undefined when nu gives the confident region no mass",
        claim='"inf_{nu in P} P_{x~nu}(T(x) = S(x) | x in U_k Omega_{C_k}) > 1 - eps" (3.1)',
        reference="Def. 3.2, (3.1)", verdict=GAP if n_undefined else VERIFIED,
        checked="the same enumeration: every member nu of every family, whether nu(confident region) > 0",
        evidence=undef, count=n_undefined, details={"undefined_cases": n_undefined}, **common)
    return [r1, r2, r3]
