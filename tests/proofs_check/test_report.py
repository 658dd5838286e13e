"""The report type, the table, the JSON records, the runner and the command line."""

from __future__ import annotations

import json

import pytest

import proofs_check
from proofs_check import cli
from proofs_check.report import ERRATUM, REFUTED, VERIFIED, Report, format_table, summary_line


def make(verdict, claim="a claim"):
    return Report(claim=claim, reference="Thm 0", d_min=2, d_max=4, checked=10, verdict=verdict,
                  witness="w " * 80)


def test_verdicts_and_passed():
    assert make(VERIFIED).passed and make(ERRATUM).passed and not make(REFUTED).passed
    with pytest.raises(ValueError):
        make("maybe")


def test_summary_line_counts_each_verdict():
    reps = [make(VERIFIED), make(ERRATUM), make(REFUTED), make(VERIFIED)]
    assert summary_line(reps) == "4 claims: 2 verified, 1 errata, 1 refuted"
    assert summary_line([make(ERRATUM)]) == "1 claim: 0 verified, 1 errata, 0 refuted"


def test_table_has_every_column_and_wraps_the_witness():
    text = format_table([make(VERIFIED, "first"), make(ERRATUM, "second")], width=120)
    header = text.splitlines()[0]
    for col in ("claim", "reference", "d", "checked", "verdict", "witness"):
        assert col in header
    assert "first" in text and "second" in text and "erratum" in text
    assert max(len(line) for line in text.splitlines()) <= 120


def test_json_fields():
    rec = make(ERRATUM).to_json()
    for key in ("claim", "reference", "d_max", "checked", "verdict", "witness"):
        assert key in rec
    json.dumps(rec)


def test_a_crashing_check_is_a_failure(monkeypatch):
    import proofs_check.thm_4_2_restriction as mod

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(mod, "check", boom)
    r = proofs_check.run_one("thm_4_2_restriction", 3)
    assert r.verdict == REFUTED and "kaboom" in r.witness and not r.passed


def test_unknown_check_name():
    with pytest.raises(ValueError):
        proofs_check.run_one("no_such_check")


def test_cli_runs_prints_table_and_summary_and_writes_json(tmp_path, capsys):
    out = tmp_path / "records.json"
    code = cli.main(["--d-max", "3", "--only", "thm_4_2_restriction", "--only", "thm_4_2_inequality",
                     "--json", str(out), "--quiet"])
    text = capsys.readouterr().out
    assert code == 0
    assert text.strip().splitlines()[-1] == "2 claims: 0 verified, 2 errata, 0 refuted"
    assert "x_2, ..., x_3" in text or "x_2..x_d" in text
    recs = json.loads(out.read_text())
    assert [r["verdict"] for r in recs] == [ERRATUM, ERRATUM]
    assert {r["name"] for r in recs} == {"thm_4_2_restriction", "thm_4_2_inequality"}
    assert all(set(r) >= {"claim", "reference", "d_max", "checked", "verdict", "witness"} for r in recs)


def test_cli_exit_status_is_1_when_a_claim_fails(monkeypatch, capsys):
    import proofs_check.thm_4_2_restriction as mod

    monkeypatch.setattr(mod, "check", lambda *a, **k: make(REFUTED))
    assert cli.main(["--only", "thm_4_2_restriction", "--quiet"]) == 1
    assert capsys.readouterr().out.strip().endswith("1 claim: 0 verified, 0 errata, 1 refuted")


def test_cli_json_into_a_missing_folder_is_created_first(tmp_path, capsys):
    out = tmp_path / "new" / "deeper" / "records.json"
    assert cli.main(["--only", "thm_4_2_restriction", "--d-max", "3", "--json", str(out), "--quiet"]) == 0
    assert json.loads(out.read_text())[0]["name"] == "thm_4_2_restriction"
    assert cli.main(["--only", "thm_4_2_restriction", "--json", str(tmp_path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "--json" in err and "folder" in err and "--out" not in err


@pytest.mark.parametrize("argv", [["--d-max", "1"], ["--d-max", "x"], ["--only", "nope"]])
def test_cli_bad_arguments(argv, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 2


def test_every_registered_check_has_a_module_with_check():
    import importlib

    for name in proofs_check.CHECKS:
        mod = importlib.import_module(f"proofs_check.{name}")
        assert callable(mod.check) and mod.CLAIM and mod.REFERENCE


def test_checks_use_only_the_public_api():
    """No check imports a private finitelearn module."""
    import importlib
    import inspect

    for name in list(proofs_check.CHECKS) + ["common", "report", "cli"]:
        src = inspect.getsource(importlib.import_module(f"proofs_check.{name}"))
        assert "finitelearn._" not in src and "from finitelearn import _" not in src
        assert "fl._" not in src.replace("fl._REGISTRARS", "")


def test_finitelearn_verify_runs_the_same(capsys):
    from finitelearn.cli import main

    code = main(["verify", "--only", "thm_4_3_optimal", "--d-max", "4", "--quiet"])
    text = capsys.readouterr().out
    assert code == 0
    assert "erratum" in text and text.strip().splitlines()[-1] == "1 claim: 0 verified, 1 errata, 0 refuted"
    assert "(0,1,0), (0,0,1)" in text            # e_2, e_3 printed in the paper's order
