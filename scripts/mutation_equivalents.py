"""The surviving mutants of scripts/mutation.py that are equivalent, each with the reason.

A rule names a module (relative to finitelearn/), the line a mutant changes and the line it
becomes (both stripped, as in cosmic-ray's diff), and why no test can tell them apart: the
program computes the same values for every input its callers can pass.  A survivor matching
no rule is reported as NOT EXPLAINED; the goal is none.
"""

from __future__ import annotations

_1D = "the array is one-dimensional (the kernel's contract; every caller passes a 1-D array), so shape[-1] is shape[0]"

# (module, line before, line after, why)
RULES: list[tuple[str, str, str, str]] = [
    ("_kernels/oracle.py", "for k in range(support.shape[0]):", "for k in range(support.shape[ -1]):", _1D),
    ("_kernels/oracle.py", "out = np.empty(rows.shape[0], dtype=np.int64)", "out = np.empty(rows.shape[ -1], dtype=np.int64)", _1D),
    ("_kernels/oracle.py", "for r in range(rows.shape[0]):", "for r in range(rows.shape[ -1]):", _1D),
    ("_kernels/oracle.py", "out = np.empty(masks.shape[0], dtype=np.uint8)", "out = np.empty(masks.shape[ -1], dtype=np.uint8)", _1D),
    ("_kernels/oracle.py", "for k in range(masks.shape[0]):", "for k in range(masks.shape[ -1]):", _1D),
]


def changed(diff: str) -> tuple[str, str]:
    """The (removed, added) line of a one-line mutant's diff, stripped."""
    minus = [line[1:].strip() for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    plus = [line[1:].strip() for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    return (minus[0] if len(minus) == 1 else "", plus[0] if len(plus) == 1 else "")


def equivalent(module: str, diff: str) -> str | None:
    """Why the mutant with this diff of ``module`` is equivalent, or None."""
    before, after = changed(diff)
    for mod, b, a, why in RULES:
        if mod == module and b == before and a == after:
            return why
    return None
