"""`finitelearn bounds`: the table, its JSON/CSV with per-cell timings, errors in option names."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from finitelearn.cli import main
from tests import sq_twins

pytest.importorskip("ortools")


def test_bounds_writes_json_and_csv(tmp_path, capsys):
    assert main(["bounds", "--d-max", "3", "--tolerance", "1/8", "--out", str(tmp_path)]) == 0
    rows = json.loads((tmp_path / "bounds.json").read_text())["rows"]
    assert [r["d"] for r in rows] == [2, 3]
    for r in rows:  # every cell that has a twin (tests/sq_twins.py), d = 2 and 3
        d, m = r["d"], 1 << (r["d"] - 1)
        tables, w = sq_twins.paper_tables(d), np.ones(1 << d, dtype=np.int64)
        null, null_any, mc = sq_twins.twin_max_eliminations(tables, w, "1/8")
        cells = {k: r[k]["value"] for k in ("one_query_null", "one_query_null_any", "one_query_max_consistent",
                                            "one_query_queries", "adaptive", "parseval_queries")}
        assert cells == {"one_query_null": null, "one_query_null_any": null_any, "one_query_max_consistent": mc,
                         "one_query_queries": -(-(m - 1) // mc), "adaptive": sq_twins.twin_game(tables, w, "1/8"),
                         "parseval_queries": sq_twins.parseval_bound(m, "1/8")}
        assert r["one_query_null"]["status"] == "optimal" and r["paper_membership"]["value"] == d + 1
    r3 = rows[1]
    assert r3["adaptive"]["value"] == 3  # (the d = 3 values the CSV is read for below)
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
