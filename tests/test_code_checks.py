"""The code checks, run with the tests so CI runs them: ruff (errors and likely
bugs), mypy (types of ``secretariat/``) and vulture (dead code). Each is
configured in pyproject.toml; here they only run, from the project's root."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _check(*command: str) -> None:
    done = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, f"{command[0]} found:\n{done.stdout}{done.stderr}"


def test_ruff():
    _check("ruff", "check", "--no-cache", "--quiet")


def test_mypy(tmp_path):
    _check("mypy", "--cache-dir", str(tmp_path))  # a cold cache: no folder left in the tree


def test_vulture():
    _check("vulture")

