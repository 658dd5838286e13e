"""`finitelearn scaling` and `finitelearn demo`."""

from __future__ import annotations

import csv
import json

import pytest

from finitelearn.cli import main


def test_scaling_writes_records_plot_and_resumes(tmp_path, capsys):
    out = tmp_path / "run"
    code = main(["scaling", "--d-min", "3", "--d-max", "7", "--tolerance", "1/d", "--out", str(out), "--no-progress",
                 "--students", "greedy,paper-d+1,optimal"])
    assert code == 0
    text = capsys.readouterr().out
    assert "greedy" in text and "paper-d+1" in text and "scaling.png" in text
    assert (out / "scaling.png").stat().st_size > 10_000
    recs = json.loads((out / "scaling.json").read_text())["records"]
    assert len(recs) == 15 and {r["tolerance"] for r in recs} == {"1/d"}
    assert [r["alpha"] for r in recs if r["student"] == "greedy"] == ["1/3", "1/4", "1/5", "1/6", "1/7"]
    with open(out / "scaling.csv", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 15
    secs = {(r["d"], r["student"]): r["seconds"] for r in recs}
    assert main(["scaling", "--d-min", "3", "--d-max", "8", "--tolerance", "1/d", "--out", str(out), "--no-progress", "--no-plot",
                 "--students", "greedy,paper-d+1,optimal"]) == 0
    recs2 = json.loads((out / "scaling.json").read_text())["records"]
    assert len(recs2) == 18
    assert {(r["d"], r["student"]): r["seconds"] for r in recs2 if r["d"] <= 7} == secs  # resumed, not recomputed


def test_the_seed_option_reaches_the_records_and_their_resume_key(tmp_path, capsys):
    """--seed: random-features at d = 8, alpha = 1/64, where two seeds' records differ with
    overwhelming probability (tests/test_experiments.py says why); a run with another seed adds
    its own record to the folder, a rerun of the first seed is resumed."""
    out = tmp_path / "run"

    def scaling(seed):
        assert main(["scaling", "--d-min", "8", "--d-max", "8", "--tolerance", "1/64", "--students", "random-features",
                     "--seed", str(seed), "--out", str(out), "--no-progress", "--no-plot"]) == 0
        return {r["seed"]: r for r in json.loads((out / "scaling.json").read_text())["records"]}

    first = scaling(1)[1]
    recs = scaling(2)
    assert sorted(recs) == [1, 2] and recs[1] == first
    assert recs[2]["version_space_sizes"] != first["version_space_sizes"]
    assert scaling(1) == recs  # resumed: seed 1's record (its seconds too) unchanged
    capsys.readouterr()


def test_a_tolerance_of_one_half_or_more_is_refused_with_the_reason(tmp_path, capsys):
    for tol in ("1/2", "2", "1/d"):  # 1/d is 1/2 at d = 2
        assert main(["scaling", "--d-max", "3", "--tolerance", tol, "--out", str(tmp_path / "x"), "--no-progress"]) == 2
        err = capsys.readouterr().err
        assert f"--tolerance='{tol}'" in err and "alpha < 1/2" in err and "constant answer 1/2" in err
    assert not (tmp_path / "x").exists()  # nothing written


def test_scaling_bad_input_is_a_clear_error(tmp_path, capsys):
    assert main(["scaling", "--d-min", "3", "--d-max", "4", "--tolerance", "1/(d-3)", "--out", str(tmp_path),
                 "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "finitelearn scaling: error: --tolerance='1/(d-3)'" in err and "d=3" in err
    assert main(["scaling", "--d-max", "4", "--students", "genius", "--out", str(tmp_path), "--no-progress"]) == 2
    assert "--students='genius'" in capsys.readouterr().err
    assert main(["scaling", "--d-min", "5", "--d-max", "3", "--out", str(tmp_path), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "--d-min=5" in err and "--d-max=3" in err and "d_min" not in err
    f = tmp_path / "file"
    f.write_text("x")
    assert main(["scaling", "--d-max", "3", "--out", str(f), "--no-progress"]) == 2
    assert "a folder" in capsys.readouterr().err


def test_demo_prints_table_and_paths(tmp_path, capsys):
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out), "--d-max", "7", "--no-progress"]) == 0
    text = capsys.readouterr().out
    for word in ["candidate-testing", "gf2-elimination", "SQ bound", "d+1", str(out / "scaling.png"),
                 "demo finished", "note: at tolerance >= 1/8"]:
        assert word in text
    assert len(json.loads((out / "scaling.json").read_text())["records"]) == 6 * 7
    assert (out / "scaling.png").exists()


def test_the_console_script_flushes_everything_and_exits_with_main_s_code(tmp_path):
    """``finitelearn`` ends by os._exit after main (no interpreter teardown): what it printed into a
    pipe still arrives whole, and the exit code is main's (0; 2 for a bad argument)."""
    import subprocess
    import sys

    out = tmp_path / "demo"
    r = subprocess.run([sys.executable, "-m", "finitelearn", "demo", "--out", str(out), "--d-max", "6",
                        "--no-progress"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "gf2-elimination" in r.stdout and r.stdout.rstrip().splitlines()[-1].startswith("demo finished")
    assert len(json.loads((out / "scaling.json").read_text())["records"]) == 5 * 7
    bad = subprocess.run([sys.executable, "-m", "finitelearn", "demo", "--d-max", "x"], capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 2 and "--d-max" in bad.stderr  # (argparse's own exit)
    # main() returns 2 (a refused tolerance): the code os._exit ends with
    refused = subprocess.run([sys.executable, "-m", "finitelearn", "scaling", "--tolerance", "1/d", "--d-min", "2",
                              "--d-max", "3", "--no-progress", "--out", str(tmp_path / "x")],
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "--tolerance" in refused.stderr


def test_the_console_script_runs_atexit_handlers_and_leaves_profilers_their_exit(tmp_path):
    """Before os._exit the atexit handlers run (a user's, a library's); under cProfile the
    process exits the usual way, so the profile is written."""
    import subprocess
    import sys

    code = ("import atexit, sys; atexit.register(lambda: print('handler ran', flush=True)); "
            "sys.argv = ['finitelearn', 'info', '3']; from finitelearn.cli import run; run()")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.rstrip().endswith("handler ran")
    prof = tmp_path / "p.prof"
    r = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "finitelearn", "info", "3"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and prof.stat().st_size > 0


def test_cli_unwritable_out_and_negative_seed(tmp_path, capsys):
    import pytest

    blocker = tmp_path / "a_file"
    blocker.write_text("not a directory")
    assert main(["scaling", "--d-min", "2", "--d-max", "2", "--out", str(blocker / "sub")]) == 2
    assert "cannot write the output" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["scaling", "--d-max", "3", "--seed", "-1"])
    assert info.value.code == 2 and "an int >= 0" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["scaling", "demo"])
@pytest.mark.parametrize("d_max", ["1", "21"])
def test_a_bad_d_max_is_named_as_the_option_typed(tmp_path, capsys, command, d_max):
    """The message names --d-max, never the library's d_min / d_values."""
    argv = [command, "--d-max", d_max, "--out", str(tmp_path / "out"), "--no-progress"]
    try:
        code = main(argv)
    except SystemExit as exc:  # refused by argparse itself (d < 2)
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert "--d-max" in err and d_max in err
    for internal in ("d_min", "d_values", "d_max"):
        assert internal not in err
    assert not (tmp_path / "out").exists()


def test_option_table_covers_every_argument_the_handlers_pass():
    """Each library argument a subcommand forwards has an entry, and each entry is a real option."""
    from finitelearn.cli import OPTION_NAMES, build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices
    for command, table in OPTION_NAMES.items():
        options = {s for a in sub[command]._actions for s in a.option_strings}
        assert set(table.values()) <= options, command


def test_ctrl_c_ends_with_one_line_keeps_the_records_and_draws_them(tmp_path, capsys, monkeypatch):
    import finitelearn.experiments as E

    real = E._run_one
    calls = {"n": 0}

    def interrupted_after_three(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(E, "_run_one", interrupted_after_three)
    out = tmp_path / "run"
    code = main(["scaling", "--d-max", "4", "--out", str(out), "--no-progress", "--students", "greedy,paper-d+1"])
    assert code == 130
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"finitelearn scaling: interrupted: 3 records kept in {out}; run the same command to resume"]
    assert len(json.loads((out / "scaling.json").read_text())["records"]) == 3
    assert (out / "scaling.png").stat().st_size > 1000
    monkeypatch.setattr(E, "_run_one", real)
    assert main(["scaling", "--d-max", "4", "--out", str(out), "--no-progress", "--students", "greedy,paper-d+1",
                 "--no-plot"]) == 0
    assert len(json.loads((out / "scaling.json").read_text())["records"]) == 6
