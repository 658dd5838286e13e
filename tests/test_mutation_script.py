"""scripts/mutation.py's bookkeeping that decides verdicts without running a mutant: which
mutant of an earlier session is the same mutant (--reuse), and the diffs carried over.

cosmic-ray itself is not needed here: its mutation specs are rows (job id, operator,
operator args, occurrence, start row, start col, end row, end col), built below by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import mutation  # noqa: E402

OLD = '''\
def f(x):
    return x + 1 + 2


def g(y):
    return y * 3
'''
# g unchanged but two lines lower; f changed
NEW = '''\
def f(x):
    # a comment
    return x - 1 + 2


def g(y):
    return y * 3
'''


def spec(job, op, row, col, occurrence=0, args="{}"):
    return (job, op, args, occurrence, row, col, row, col + 1)


def test_a_moved_function_keeps_its_mutants_and_a_changed_one_does_not():
    old = [spec("o-f", "ReplaceBinaryOperator_Add_Sub", 2, 13), spec("o-g", "ReplaceBinaryOperator_Mul_Add", 6, 13)]
    new = [spec("n-f", "ReplaceBinaryOperator_Add_Sub", 3, 13), spec("n-g", "ReplaceBinaryOperator_Mul_Add", 7, 13)]
    assert mutation.same_mutants(OLD, old, {"o-f", "o-g"}, NEW, new, {"n-f", "n-g"}) == {"n-g": "o-g"}


def test_the_rank_among_mutants_at_one_spot_does_not_depend_on_which_are_kept():
    # two mutants of the same operator at the same spot (say, two number replacements of one
    # literal), told apart only by their rank; only the second was killed before.  Keys made
    # over the kept mutants alone gave the first new mutant the second's verdict.
    old = [spec("o-1", "NumberReplacer", 6, 15, 0), spec("o-2", "NumberReplacer", 6, 15, 1)]
    new = [spec("n-1", "NumberReplacer", 7, 15, 0), spec("n-2", "NumberReplacer", 7, 15, 1)]
    assert mutation.same_mutants(OLD, old, {"o-2"}, NEW, new, {"n-1", "n-2"}) == {"n-2": "o-2"}
    # and with only the first new one pending, it gets nothing
    assert mutation.same_mutants(OLD, old, {"o-2"}, NEW, new, {"n-1"}) == {}
    # both killed before: each to its own
    assert mutation.same_mutants(OLD, old, {"o-1", "o-2"}, NEW, new, {"n-1", "n-2"}) == {"n-1": "o-1", "n-2": "o-2"}


def test_a_carried_over_diff_moves_with_its_function():
    diff = "--- a/m.py\n+++ b/m.py\n@@ -4,7 +4,7 @@\n a\n-b\n+c\n@@ -40 +40 @@\n-q\n+r\n"
    moved = mutation._shift_hunks(diff, 2)
    assert moved.splitlines()[2] == "@@ -6,7 +6,7 @@" and moved.splitlines()[6] == "@@ -42 +42 @@"
    assert [ln for ln in moved.splitlines() if not ln.startswith("@@")] == \
        [ln for ln in diff.splitlines() if not ln.startswith("@@")]
