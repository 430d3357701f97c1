"""Cache entries that are not regular files, or lie about their size, are
stale: the function compiles, the entry is rewritten where it can be, and
nothing is read without bound or waited on.

Before, an entry symlinked to /dev/zero was read until the OOM killer came,
and one symlinked to /dev/urandom, or a FIFO, hung the process. Each case
runs in a subprocess with a timeout and an address-space limit, so that a
regression fails the test instead of hanging the suite or the machine."""

from __future__ import annotations

import json
import os
import resource
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import REPO_ROOT

MODULE = """
import json
from mumba import njit

@njit(cache=True)
def kernel(n):
    t = 0
    for i in range(n):
        t += i * i
    return t

if __name__ == "__main__":
    result = kernel(100)
    print(json.dumps(dict(
        result=result,
        hits=sum(kernel.stats.cache_hits.values()),
        misses=sum(kernel.stats.cache_misses.values()),
        reason=kernel._cache.last_miss_reason,
    )))
"""
EXPECTED = sum(i * i for i in range(100))
# Each case, compile included, takes about a second; a hang or an unbounded
# read meets one of these.
TIMEOUT_S = 60
ADDRESS_SPACE = 16 << 30


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _run(path: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT / "build" / "python"))
    env.pop("MUMBA_CACHE_DIR", None)
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT_S,
        preexec_fn=_limit_memory,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["seconds"] = time.perf_counter() - start
    return result


@pytest.fixture
def cached(tmp_path):
    """A module whose kernel has one entry on disk; returns (module, entry)."""
    path = tmp_path / "hostile_mod.py"
    path.write_text(MODULE)
    first = _run(path)
    assert first["misses"] == 1 and first["result"] == EXPECTED
    (entry,) = sorted((tmp_path / "__pycache__").glob("hostile_mod.kernel-*.mbc"))
    return path, entry


def _replace(entry: Path, case: str, tmp_path: Path) -> None:
    blob = entry.read_bytes()
    entry.unlink()
    if case == "dev-zero":
        entry.symlink_to("/dev/zero")
    elif case == "dev-urandom":
        entry.symlink_to("/dev/urandom")
    elif case == "fifo":
        os.mkfifo(entry)
    elif case == "directory":
        entry.mkdir()
    elif case == "truncated":
        entry.write_bytes(blob[: len(blob) - 100])
    elif case == "huge-size":
        # The header declares 2**62 payload bytes.
        entry.write_bytes(blob[:16] + struct.pack("<Q", 1 << 62) + blob[24:])
    elif case == "header-only":
        entry.write_bytes(blob[:32])
    elif case == "symlink-to-entry":
        # A valid entry, but outside the cache directory and through a link.
        outside = tmp_path / "elsewhere.mbc"
        outside.write_bytes(blob)
        entry.symlink_to(outside)
    else:
        raise AssertionError(case)


CASES = {
    "dev-zero": "symbolic link",
    "dev-urandom": "symbolic link",
    "fifo": "not a regular file",
    "directory": "not a regular file",
    "truncated": "declares",
    "huge-size": "declares",
    "header-only": "declares",
    "symlink-to-entry": "symbolic link",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_entry_is_stale(cached, tmp_path, case):
    path, entry = cached
    _replace(entry, case, tmp_path)
    again = _run(path)
    assert again["result"] == EXPECTED
    assert again["hits"] == 0 and again["misses"] == 1
    assert again["reason"].startswith("stale: ") and CASES[case] in again["reason"], again
    if case == "directory":
        # Not ours to delete: the entry stays unwritable, compiling works.
        assert entry.is_dir()
        assert _run(path)["misses"] == 1
        return
    # Rewritten as a regular file: the next process loads it.
    assert entry.is_file() and not entry.is_symlink()
    third = _run(path)
    assert third["hits"] == 1 and third["reason"] == "" and third["result"] == EXPECTED
