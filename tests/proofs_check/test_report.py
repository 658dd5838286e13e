"""The record type, the table, the Markdown and JSON outputs, the runner and the command line."""

from __future__ import annotations

import json
import math

import pytest

import proofs_check
from proofs_check import cli
from proofs_check.report import (ERRATUM, ERROR, GAP, IMPROVEMENT, REFUTED, VERIFIED, Report,
                                 format_markdown, format_table, summary_line)


def make(verdict, title="a finding"):
    return Report(title=title, claim='"a claim"', reference="Thm 0", verdict=verdict, checked="ten things",
                  evidence="w " * 80, independent_reference="counting by hand", count=10, d_min=2, d_max=4)


def test_verdicts_and_passed():
    assert all(make(v).passed for v in (VERIFIED, ERRATUM, GAP, IMPROVEMENT))
    assert not make(REFUTED).passed and not make(ERROR).passed
    with pytest.raises(ValueError):
        make("maybe")
    with pytest.raises(ValueError):
        Report(title="t", claim="", reference="r", verdict=VERIFIED, checked="c", evidence="e",
               independent_reference="i")


def test_summary_line_counts_each_verdict():
    reps = [make(v) for v in (VERIFIED, ERRATUM, GAP, IMPROVEMENT, REFUTED, VERIFIED, GAP)]
    assert summary_line(reps) == "7 claims: 2 verified, 1 errata, 2 gaps, 1 improvements, 1 refuted"
    assert summary_line([make(ERRATUM)]) == "1 claim: 0 verified, 1 errata, 0 gaps, 0 improvements, 0 refuted"
    assert summary_line([make(ERROR)]).endswith(", 0 refuted, 1 errors")


def test_table_and_markdown_have_every_field():
    reps = [make(VERIFIED, "first"), make(GAP, "second")]
    text = format_table(reps, width=120)
    for col in ("finding", "reference", "d", "checked", "verdict", "evidence"):
        assert col in text.splitlines()[0]
    assert "first" in text and "gap" in text and max(len(line) for line in text.splitlines()) <= 120
    md = format_markdown(reps)
    for part in ('> "a claim"', "**Checked.** ten things", "**Evidence.**", "**Independent reference.** counting"):
        assert part in md
    assert summary_line(reps) in md


def test_json_fields():
    rec = make(ERRATUM).to_json()
    for key in ("claim", "reference", "verdict", "checked", "evidence", "independent_reference", "seconds"):
        assert key in rec
    json.dumps(rec)


def test_a_crashing_check_is_an_error_not_refuted(monkeypatch):
    import proofs_check.thm_4_2_restriction as mod

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(mod, "check", boom)
    [r] = proofs_check.run_one("thm_4_2_restriction", 3)
    assert r.verdict == ERROR and "kaboom" in r.evidence and not r.passed
    assert "traceback" in r.details


@pytest.mark.parametrize("bad", [-1, 0, 1, 1.5, True, "4", math.nan, 4.0])
def test_bad_d_max_is_refused_before_running(bad):
    with pytest.raises((ValueError, TypeError)):
        proofs_check.run_one("thm_4_2_restriction", bad)
    with pytest.raises((ValueError, TypeError)):
        proofs_check.run(bad)


def test_unknown_check_name():
    with pytest.raises(ValueError):
        proofs_check.run_one("no_such_check")
    with pytest.raises(TypeError):
        proofs_check.run(only="thm_4_2_restriction")


def test_every_check_states_its_cap_and_reason():
    for name, (cap, reason) in proofs_check.caps().items():
        assert isinstance(reason, str) and len(reason) > 20, name
        assert cap is None or cap <= 256, name


def test_cli_runs_prints_table_and_summary_and_writes_json_and_markdown(tmp_path, capsys):
    out, md = tmp_path / "records.json", tmp_path / "deep" / "report.md"
    code = cli.main(["--d-max", "3", "--only", "thm_4_2_restriction", "--only", "thm_4_2_inequality",
                     "--json", str(out), "--markdown", str(md), "--quiet"])
    text = capsys.readouterr().out
    assert code == 0
    assert text.strip().splitlines()[-1] == "2 claims: 1 verified, 0 errata, 1 gaps, 0 improvements, 0 refuted"
    recs = json.loads(out.read_text())
    assert [r["verdict"] for r in recs] == [VERIFIED, GAP]         # d = 3: no counterexample to 'x_2..x_3'
    assert {r["name"] for r in recs} == {"thm_4_2_restriction", "thm_4_2_inequality"}
    assert all(set(r) >= {"claim", "reference", "verdict", "checked", "evidence", "independent_reference",
                          "seconds"} for r in recs)
    assert "x_2, ..., x_3" in md.read_text()


def test_cli_exit_status_is_1_when_a_claim_is_refuted_or_a_check_crashes(monkeypatch, capsys):
    import proofs_check.thm_4_2_restriction as mod

    monkeypatch.setattr(mod, "check", lambda *a, **k: [make(REFUTED)])
    assert cli.main(["--only", "thm_4_2_restriction", "--quiet"]) == 1
    assert capsys.readouterr().out.strip().endswith("1 refuted")
    monkeypatch.setattr(mod, "check", lambda *a, **k: 1 / 0)
    assert cli.main(["--only", "thm_4_2_restriction", "--quiet"]) == 1
    assert capsys.readouterr().out.strip().endswith("1 errors")
    monkeypatch.setattr(mod, "check", lambda *a, **k: [make(ERRATUM), make(GAP), make(IMPROVEMENT)])
    assert cli.main(["--only", "thm_4_2_restriction", "--quiet"]) == 0


def test_cli_output_folders_are_created_first_and_a_folder_is_refused(tmp_path, capsys):
    out = tmp_path / "new" / "deeper" / "records.json"
    assert cli.main(["--only", "thm_4_2_restriction", "--d-max", "3", "--json", str(out), "--quiet"]) == 0
    assert json.loads(out.read_text())[0]["name"] == "thm_4_2_restriction"
    for opt in ("--json", "--markdown"):
        assert cli.main(["--only", "thm_4_2_restriction", opt, str(tmp_path), "--quiet"]) == 2
        err = capsys.readouterr().err
        assert opt in err and "folder" in err and "--out" not in err


@pytest.mark.parametrize("argv", [["--d-max", "1"], ["--d-max", "x"], ["--only", "nope"], ["--d-max", "25"]])
def test_cli_bad_arguments(argv, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 2


def test_every_registered_check_has_a_module_with_check():
    import importlib

    for name in proofs_check.CHECKS:
        mod = importlib.import_module(f"proofs_check.{name}")
        assert callable(mod.check) and mod.CAP_REASON


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
    assert "improvement" in text
    assert text.strip().splitlines()[-1] == "2 claims: 0 verified, 0 errata, 0 gaps, 2 improvements, 0 refuted"
    assert "(0,1,0), (0,0,1)" in text            # e_2, e_3 printed in the paper's order
