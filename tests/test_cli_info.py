import subprocess
import sys

import finitelearn as fl
from finitelearn.cli import main


def test_version_and_info(capsys):
    try:
        main(["--version"])
    except SystemExit as e:
        assert e.code == 0
    assert fl.__version__ in capsys.readouterr().out
    assert main(["info", "20"]) == 0
    out = capsys.readouterr().out
    assert "1,048,576 points" in out and "1.0 MiB" in out and "8.0 MiB" in out and "128.0 KiB" in out


def test_console_script_runs():
    r = subprocess.run([sys.executable, "-m", "finitelearn", "info", "10"], capture_output=True, text=True)
    assert r.returncode == 0 and "1,024 points" in r.stdout


def test_info_refuses_bad_d():
    r = subprocess.run([sys.executable, "-m", "finitelearn", "info", "0"], capture_output=True, text=True)
    assert r.returncode == 2 and "an int >= 1" in r.stderr
