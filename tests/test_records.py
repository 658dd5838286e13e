"""Records on disk (finitelearn/records.py): validated field by field, never lost, safe to share."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

import finitelearn as fl
from finitelearn.cli import main
from finitelearn.records import RecordStore, read_records, validate_record

STUDENTS = "greedy,paper-d+1,optimal"


def _run_cli(out, *extra):
    return main(["scaling", "--d-max", "4", "--out", str(out), "--no-progress", "--no-plot",
                 "--students", STUDENTS, *extra])


def _records(out):
    return json.loads((out / "scaling.json").read_text())["records"]


@pytest.mark.parametrize("field, bad", [
    ("queries", "lots"), ("identified", "maybe"), ("d", 2.5), ("d", True), ("seconds", -1), ("alpha", "x/y"),
    ("oracle", "magic"), ("version_space_sizes", [1, "2"]), ("worst_case_agreement", None), ("budget", 0),
])
def test_a_bad_resume_file_is_refused_and_left_as_it_is(tmp_path, capsys, field, bad):
    out = tmp_path / "run"
    assert _run_cli(out) == 0
    recs = _records(out)
    recs[1][field] = bad
    text = json.dumps({"records": recs})
    (out / "scaling.json").write_text(text)
    capsys.readouterr()
    assert _run_cli(out) == 2
    err = capsys.readouterr().err
    assert "record 1" in err and field in err
    assert (out / "scaling.json").read_text() == text  # never overwritten


def test_a_missing_field_is_named():
    with pytest.raises(fl.InvalidArgument, match="'oracle' \\(missing\\)"):
        validate_record({"d": 3, "student": "greedy"})
    rec = fl.run_scaling([3], "1/8", ["greedy"], progress=False)[0]
    from dataclasses import asdict

    row = asdict(rec)
    del row["queries"]
    with pytest.raises(fl.InvalidArgument, match="field 'queries' \\(missing\\)"):
        validate_record(row)


def test_a_csv_cut_short_is_rebuilt_from_the_json_at_run_start(tmp_path):
    out = tmp_path / "run"
    assert _run_cli(out) == 0
    full = (out / "scaling.csv").read_text()
    (out / "scaling.csv").write_text(full[: len(full) // 3])
    assert _run_cli(out) == 0  # resumes everything: nothing recomputed, the CSV mended
    assert (out / "scaling.csv").read_text() == full
    with open(out / "scaling.csv", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == len(_records(out)) == 9


def test_an_empty_out_is_refused_and_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["scaling", "--d-max", "3", "--out", "", "--no-progress"]) == 2
    assert "--out=''" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


def test_the_store_replaces_a_record_with_the_same_key(tmp_path):
    store = RecordStore(tmp_path / "s")
    rec = fl.run_scaling([3], "1/8", ["greedy"], progress=False)[0]
    from dataclasses import asdict

    row = asdict(rec) | {"budget_spec": "default"}
    store.add(row)
    store.add(row | {"seconds": 9.0})
    assert [r["seconds"] for r in store.records()] == [9.0]
    assert not list((tmp_path / "s").glob("*.tmp"))


def test_two_stores_on_one_folder_see_each_others_writes(tmp_path):
    """A store does not re-read the JSON it wrote itself; any other write (another store, or a
    hand edit) changes the file and is read again, so no record is lost between writers."""
    from dataclasses import asdict

    recs = [asdict(r) | {"budget_spec": "default"}
            for r in fl.run_scaling([2, 3, 4], "1/8", ["paper-d+1"], progress=False)]
    a, b = RecordStore(tmp_path / "s"), RecordStore(tmp_path / "s")
    a.add(recs[0])
    b.add(recs[1])
    a.add(recs[2])
    assert [r["d"] for r in read_records(tmp_path / "s")] == [2, 3, 4]
    text = (tmp_path / "s" / "scaling.json").read_text()
    (tmp_path / "s" / "scaling.json").write_text(text.replace('"seconds": ', '"seconds": 1', 1))
    a.add(recs[1] | {"seconds": 0.5})  # a wrote last: only the edit tells it to read again
    on_disk = read_records(tmp_path / "s")
    assert [r["d"] for r in on_disk] == [2, 4, 3] and on_disk[-1]["seconds"] == 0.5
    assert str(on_disk[0]["seconds"]).startswith("1")
    assert json.loads(text)["records"] == recs  # one record per line, plain JSON
    assert len(text.splitlines()) == len(recs) + 2


def _scaling_cmd(out, students, tolerance="1/8"):
    return [sys.executable, "-m", "finitelearn", "scaling", "--d-min", "2", "--d-max", "9", "--out", str(out),
            "--no-progress", "--no-plot", "--students", students, "--tolerance", tolerance]


def test_two_concurrent_runs_on_one_folder_keep_both_runs_records(tmp_path):
    out = tmp_path / "shared"
    a = subprocess.Popen(_scaling_cmd(out, "greedy,coordinate-correlations"), stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    b = subprocess.Popen(_scaling_cmd(out, "paper-d+1,optimal,gf2-elimination", "1/16"), stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    assert a.wait(timeout=600) == 0, a.stderr.read()
    assert b.wait(timeout=600) == 0, b.stderr.read()
    recs = read_records(out)
    keys = {(r["d"], r["student"], r["tolerance"]) for r in recs}
    want = {(d, s, "1/8") for d in range(2, 10) for s in ("greedy", "coordinate-correlations")}
    want |= {(d, s, "1/16") for d in range(2, 10) for s in ("paper-d+1", "optimal", "gf2-elimination")}
    assert keys == want and len(recs) == len(want)
    with open(out / "scaling.csv", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == len(want)
    assert not list(out.glob("*.tmp"))


@pytest.mark.parametrize("trial", range(3))
def test_sigkill_at_a_random_moment_loses_no_finished_record(tmp_path, trial):
    out = tmp_path / "killed"
    rng = random.Random(trial)
    proc = subprocess.Popen(_scaling_cmd(out, "greedy,paper-d+1,optimal,random-features"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: list[tuple] = []
    deadline = time.time() + rng.uniform(1.5, 6.0)
    while time.time() < deadline and proc.poll() is None:
        try:  # what a reader saw complete on disk must survive the kill
            seen = [(r["d"], r["student"]) for r in read_records(out)]
        except (fl.InvalidArgument, FileNotFoundError):
            pass  # between mkdir and the first write
        time.sleep(rng.uniform(0.01, 0.2))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    after = [(r["d"], r["student"]) for r in read_records(out)] if (out / "scaling.json").exists() else []
    assert set(seen) <= set(after)
    # the same command resumes: every record once, the CSV complete
    assert subprocess.run(_scaling_cmd(out, "greedy,paper-d+1,optimal,random-features"),
                          stdout=subprocess.DEVNULL, timeout=600).returncode == 0
    final = read_records(out)
    assert len(final) == len({(r["d"], r["student"]) for r in final}) == 8 * 4
    with open(out / "scaling.csv", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 32
