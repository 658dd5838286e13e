"""The equivalence rules of scripts/mutation_equivalents.py that read a diff's context.

A context rule excuses a mutant of a line whose text recurs in the module: it must match
the mutant at the place it was argued for and no other, since the mutant of the same text
elsewhere is not equivalent (a test kills it).  The diffs are made here, from the module as
it is, in the unified format cosmic-ray writes (three lines of context).
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from mutation_equivalents import CONTEXT_RULES, equivalent  # noqa: E402


def mutant_diffs(module: str, before: str, after: str) -> dict[int, str]:
    """line number -> cosmic-ray style diff, for every line of ``module`` whose stripped text is ``before``."""
    lines = (ROOT / "finitelearn" / module).read_text().splitlines(keepends=True)
    out = {}
    for i, line in enumerate(lines):
        if line.strip() == before:
            mutated = lines[:i] + [line.replace(before, after)] + lines[i + 1:]
            out[i + 1] = "--- mutation diff ---\n" + "".join(difflib.unified_diff(
                lines, mutated, f"a/finitelearn/{module}", f"b/finitelearn/{module}", n=3))
    return out


@pytest.mark.parametrize("module, before, after, context, why", CONTEXT_RULES)
def test_a_context_rule_excuses_one_place_of_its_line(module, before, after, context, why):
    diffs = mutant_diffs(module, before, after)
    assert len(diffs) >= 2, "the line text recurs (else a plain rule would do)"
    excused = [n for n, d in diffs.items() if equivalent(module, d) == why]
    assert len(excused) == 1, (excused, sorted(diffs))
    src = (ROOT / "finitelearn" / module).read_text().splitlines()
    n = excused[0]
    assert set(context.split("\n")) <= {s.strip() for s in src[n - 4:n + 3]}  # (several lines: all of them)


def test_the_places_argued_for():
    # greedy: the block-translate loop's guard, not the anchors' loop's
    diffs = mutant_diffs("_kernels/greedy.py", "continue", "break")
    src = (ROOT / "finitelearn" / "_kernels" / "greedy.py").read_text().splitlines()
    for n, d in diffs.items():
        in_block_loop = src[n - 2].strip() == "if k > nblock:"
        assert (equivalent("_kernels/greedy.py", d) is not None) == in_block_loop, n
    # wht: _log2_radix's radix 4, not _radix's last return
    diffs = mutant_diffs("_kernels/wht.py", "return 2", "return 3")
    src = (ROOT / "finitelearn" / "_kernels" / "wht.py").read_text().splitlines()
    for n, d in diffs.items():
        assert (equivalent("_kernels/wht.py", d) is not None) == (src[n - 2].strip() == "if radix == 4:"), n
