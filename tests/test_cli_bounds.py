"""`finitelearn bounds`: the table, its JSON/CSV with per-cell timings, errors in option names."""

from __future__ import annotations

import csv
import json

import pytest

from finitelearn.cli import main

pytest.importorskip("ortools")


def test_bounds_writes_json_and_csv(tmp_path, capsys):
    assert main(["bounds", "--d-max", "3", "--tolerance", "1/8", "--out", str(tmp_path)]) == 0
    rows = json.loads((tmp_path / "bounds.json").read_text())["rows"]
    assert [r["d"] for r in rows] == [2, 3]
    r3 = rows[1]
    assert r3["one_query_null"]["value"] == 3 and r3["one_query_null"]["status"] == "optimal"
    assert r3["adaptive"]["value"] == 3 and r3["parseval_queries"]["value"] == 1
    assert all("seconds" in r3[k] for k in r3 if isinstance(r3[k], dict))
    with open(tmp_path / "bounds.csv") as fh:
        flat = list(csv.DictReader(fh))
    assert flat[1]["adaptive"] == "3" and "adaptive_seconds" in flat[1]
    assert "Parseval" in capsys.readouterr().out


@pytest.mark.parametrize("argv,word", [
    (["--tolerance", "0"], "--tolerance="),
    (["--d-min", "4", "--d-max", "3"], "--d-min="),
])
def test_bounds_errors_name_the_option(tmp_path, capsys, argv, word):
    assert main(["bounds", "--out", str(tmp_path), *argv]) == 2
    assert word in capsys.readouterr().err


def test_bounds_time_limit_refused(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["bounds", "--time-limit", "0", "--out", str(tmp_path)])
    assert "--time-limit" in capsys.readouterr().err
