"""scripts/mutation.py's bookkeeping that decides verdicts or samples without running a
mutant: which mutant of an earlier session is the same mutant (--reuse), the diffs carried
over, and the mutants --extend-sample adds.

cosmic-ray itself is not needed here: a session is a sqlite database (the two tables read
are built below by hand), a mutation spec a row (job id, operator, operator args,
occurrence, start row, start col, end row, end col).
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


def _session(path, rows):
    """A session database with cosmic-ray's two tables that --extend-sample reads: rows of
    (job id, worker outcome, test outcome, output); a job without a row is pending."""
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("CREATE TABLE work_items (job_id VARCHAR NOT NULL PRIMARY KEY)")
    con.execute("CREATE TABLE work_results (worker_outcome VARCHAR(9), output TEXT, test_outcome VARCHAR(11),"
                " diff TEXT, job_id VARCHAR NOT NULL PRIMARY KEY)")
    con.executemany("INSERT INTO work_items VALUES (?)", [(r[0],) for r in rows])
    con.executemany("INSERT INTO work_results VALUES (?, ?, ?, '', ?)",
                    [(w, out, t, j) for j, w, t, out in rows if w is not None])
    con.commit()
    con.close()


def _results(path):
    import sqlite3

    con = sqlite3.connect(path)
    got = dict(con.execute("SELECT job_id, output FROM work_results"))
    con.close()
    return got


ROWS = ([(f"s{i}", "SKIPPED", None, mutation.NOT_SAMPLED) for i in range(10)]
        + [(f"k{i}", "NORMAL", "KILLED", "1 failed") for i in range(3)]
        + [(f"o{i}", "SKIPPED", None, mutation.OPERATOR_LEFT_OUT) for i in range(3)]
        + [("p0", None, None, None)])


def test_extend_sample_makes_only_unsampled_mutants_pending(tmp_path):
    db = tmp_path / "session.sqlite"
    _session(db, ROWS)
    before = _results(db)
    assert mutation._extend_sample(db, 4, seed=7) == 4
    after = _results(db)
    gone = set(before) - set(after)
    assert len(gone) == 4 and all(j.startswith("s") for j in gone)     # killed, left-out rows kept
    assert all(after[j] == before[j] for j in after)
    # asking for more than are left takes the rest, and then there is nothing to add
    assert mutation._extend_sample(db, 100, seed=7) == 6
    assert not any(j.startswith("s") for j in _results(db))
    assert mutation._extend_sample(db, 3, seed=7) == 0


def test_extend_sample_draws_uniformly_and_follows_its_seed(tmp_path):
    # every unsampled mutant equally likely: 3 of 10 over 800 seeds, each expected 240 times
    # (binomial sd ~13); a draw biased to the first or last rows, or one ignoring the seed,
    # lands far outside
    counts = dict.fromkeys((f"s{i}" for i in range(10)), 0)
    draws = set()
    for seed in range(800):
        db = tmp_path / f"{seed}.sqlite"
        _session(db, ROWS)
        mutation._extend_sample(db, 3, seed=seed)
        gone = frozenset(f"s{i}" for i in range(10)) - set(_results(db))
        draws.add(gone)
        for j in gone:
            counts[j] += 1
        db.unlink()
    assert all(180 <= c <= 300 for c in counts.values()), counts
    assert len(draws) > 100                                             # of the 120 possible


def test_unsample_pending_leaves_exactly_the_pending_mutants_out(tmp_path):
    # a run stopped by --cap: the mutants without a result leave the sample, nothing else moves
    db = tmp_path / "session.sqlite"
    _session(db, ROWS + [("p1", None, None, None), ("p2", None, None, None)])
    before = _results(db)
    assert mutation._pending(db) == 3
    assert mutation._unsample_pending(db) == 3
    after = _results(db)
    assert mutation._pending(db) == 0
    assert {j: after[j] for j in before} == before
    assert {j: after[j] for j in set(after) - set(before)} == dict.fromkeys(("p0", "p1", "p2"), mutation.NOT_SAMPLED)
    # and such a mutant can be drawn back by --extend-sample
    assert mutation._extend_sample(db, 13, seed=0) == 13 and mutation._pending(db) == 13
    assert mutation._unsample_pending(db) == 13 and mutation._pending(db) == 0


def test_archive_keeps_the_module_sessions_not_the_parallel_jobs_copies(tmp_path):
    """--jobs 2 leaves <slug>~0 and <slug>~1 beside <slug>: only the module's session (into
    which the jobs' verdicts were gathered) is archived."""
    import sqlite3

    work, dest = tmp_path / "work", tmp_path / "archive"
    for name in ("fourier", "fourier~0", "fourier~1"):
        (work / name).mkdir(parents=True)
        with sqlite3.connect(work / name / "session.sqlite") as con:
            con.execute("CREATE TABLE work_results (job_id TEXT, output TEXT)")
            con.execute("INSERT INTO work_results VALUES ('a', ?)", (f"{name}\nkilled",))
    mutation.archive(work, tmp_path / "report", dest)
    assert sorted(p.name for p in dest.glob("*.sqlite")) == ["fourier.sqlite"]
    con = sqlite3.connect(dest / "fourier.sqlite")
    assert con.execute("SELECT output FROM work_results").fetchall() == [("killed",)]  # cut to the last line
    con.close()
