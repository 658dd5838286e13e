"""Theorem 4.2, proof: "T conditioned on X_0 contains all the parity functions of x_2, ..., x_3".

X_0 = {x : x_1 = 0}.  Checked with ``BooleanFunction.restrict``: for every d = 2..d_max the
restrictions {T|_{X_0} : T in T} are exactly the 2^(d-1) parities of (x_2, ..., x_d), each
once (f_S restricts to the parity of S minus {1}, a bijection), including the constant 0
(from S = {1}).

Erratum: the paper writes "x_2, ..., x_3"; it must be "x_2, ..., x_d".  Read literally
("the parities of x_2 and x_3") the statement describes 4 functions, which is the right set
only for d = 3 (for d = 2 there is no x_3); the check counts both readings.
"""

from __future__ import annotations

import finitelearn as fl

from .common import set_text
from .report import ERRATUM, REFUTED, VERIFIED, Report, failed_facts

REFERENCE = "Thm 4.2 proof, last par."
DEFAULT_D_MAX = 12
MAX_D = 16
CAP_REASON = "2^(d-1) restrictions of 2^d-entry tables: d = 16 is 2^15 x 2^16"


def check(d_max: int = DEFAULT_D_MAX) -> list[Report]:
    d_max = min(int(d_max), MAX_D)          # larger d: see MAX_D
    facts: dict[str, bool] = {}
    literal_matches = []
    checked = 0
    for d in range(2, d_max + 1):
        T = fl.paper_teachers(d)
        restricted = [f.restrict({0: 0}) for f in T]
        target = set(fl.parities(d - 1))
        # f_S restricts to the parity of S \ {1}, shifted down by one coordinate
        expected = [fl.parity(d - 1, {i - 1 for i in S if i != 0}) for S in T.subsets()]
        facts[f"bijection onto parities of x_2..x_d, d={d}"] = (
            restricted == expected and set(restricted) == target and len(restricted) == len(target) == 2 ** (d - 1))
        # the literal reading: parities of x_2, x_3 only (paper coordinates 2, 3 = code 1, 2)
        if d >= 3:
            literal = {fl.parity(d - 1, S) for S in (set(), {0}, {1}, {0, 1})}
            if literal == target:
                literal_matches.append(d)
        checked += len(T)
    holds = all(facts.values())
    counter = next((d for d in range(4, d_max + 1)), None)
    evidence = (
        f"for d=2..{d_max} restriction to X_0 maps f_S -> parity of S\\{{1}} on (x_2..x_d), a bijection "
        f"onto all 2^(d-1) of them (f_{set_text(1)} -> constant 0); read as written, 'the parity "
        f"functions of x_2, ..., x_3' are 4 functions, the right set only for d in {literal_matches}: "
        + (f"counterexample d={counter}: the class restricted to X_0 has {2 ** (counter - 1)} functions, "
           f"not 4. Typo for 'x_2, ..., x_d'" if counter else "no d >= 4 checked")
    ) if holds else failed_facts(facts)
    return [Report(
        title="T restricted to X_0: 'parity functions of x_2, ..., x_3'",
        claim='"By the definition, T conditioned on X_0 contains all the parity functions of x_2, ..., x_3."',
        reference=REFERENCE, verdict=(ERRATUM if counter else VERIFIED) if holds else REFUTED,
        checked=f"every teacher of (4.3) restricted to X_0, d=2..{d_max}", evidence=evidence,
        independent_reference="the expected restriction written here: parity of S minus {1} on (x_2..x_d) "
                              "(since x_1 = 0 on X_0), compared as truth tables",
        count=checked, d_min=2, d_max=d_max,
        details={"facts": facts, "literal_reading_correct_for_d": literal_matches})]
