"""The perf and gdb JIT listeners are opt-in (MUMBA_JIT_PERF, MUMBA_JIT_GDB).

They used to be on for every compile: each process left a perf jitdump file
under ~/.debug/jit and printed noise where that was not writable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

from helpers import REPO_ROOT

SCRIPT = """
from mumba import njit

@njit
def f(x):
    return x * 3 + 1

print(f(13))
"""


def _compile_in(home: Path, tmp_path: Path, **extra: str) -> subprocess.CompletedProcess:
    script = tmp_path / "listeners_case.py"
    script.write_text(SCRIPT)
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("MUMBA_JIT_", "JITDUMPDIR"))
    }
    env.update(
        PYTHONPATH=str(REPO_ROOT / "build" / "python"),
        HOME=str(home),
        TMPDIR=str(home),
        TMP=str(home),
        TEMP=str(home),
        **extra,
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "40"
    return result


def _dumps(home: Path) -> List[Path]:
    return sorted(home.rglob("*.dump"))


def test_no_jitdump_by_default(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = _compile_in(home, tmp_path)
    assert _dumps(home) == [] and not (home / ".debug").exists()
    assert result.stderr == ""


def test_no_noise_when_home_is_not_writable(tmp_path):
    # Under a regular file, so that not even root can create ~/.debug (the
    # listener used to print "could not create jit cache directory").
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = _compile_in(blocker / "home", tmp_path)
    assert result.stderr == ""


@pytest.mark.parametrize("value", ["1", "yes"])
def test_perf_listener_on_request(tmp_path, value):
    # The positive control: the same run with the listener asked for writes
    # the jitdump file this test looks for.
    home = tmp_path / "home"
    home.mkdir()
    _compile_in(home, tmp_path, MUMBA_JIT_PERF=value)
    dumps = _dumps(home)
    assert len(dumps) == 1 and dumps[0].name.startswith("jit-"), dumps


def test_zero_means_off(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    _compile_in(home, tmp_path, MUMBA_JIT_PERF="0", MUMBA_JIT_GDB="0")
    assert _dumps(home) == []


def test_gdb_listener_on_request(tmp_path):
    # GDB registration writes nothing to disk; the compile must still work
    # and leave no perf file.
    home = tmp_path / "home"
    home.mkdir()
    result = _compile_in(home, tmp_path, MUMBA_JIT_GDB="1")
    assert _dumps(home) == [] and result.stderr == ""
