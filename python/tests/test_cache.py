"""cache=True: entries beside the source (or in MUMBA_CACHE_DIR), loaded by
a second process instead of compiling; corrupt, truncated and stale entries
are ignored and rewritten, never a crash."""

import json
import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from mumba import njit
from helpers import REPO_ROOT

MODULE = '''
import json, math, sys, time
import numpy as np
import mumba._mumba  # loaded before timing: both runs pay for it alike
from mumba import njit

SCALE = {scale}

@njit
def helper(x):
    return x * SCALE + {offset}

@njit(cache=True)
def kernel(a, b):
    t = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            t += helper(a[i, j]) * b[j] + math.sin(a[i, j])
    return t, np.zeros(2)

@njit(["float64(float64[::1])", "float32(float32[::1])"], cache=True)
def total(a):
    s = 0.0
    for x in a:
        s += x
    return s

if __name__ == "__main__":
    a = np.arange(60.0).reshape(6, 10) / 7.0
    b = np.ones(10)
    t0 = time.perf_counter()
    result = kernel(a, b)
    seconds = time.perf_counter() - t0
    print(json.dumps(dict(
        seconds=seconds,
        result=result[0],
        hits=sum(kernel.stats.cache_hits.values()),
        misses=sum(kernel.stats.cache_misses.values()),
        reason=kernel._cache.last_miss_reason,
        total=[total(np.arange(5.0)), float(total(np.arange(5, dtype=np.float32)))],
        total_hits=sum(total.stats.cache_hits.values()),
    )))
'''


def _write_module(directory: Path, scale: float = 2.0, offset: float = 0.5) -> Path:
    path = directory / "cached_mod.py"
    path.write_text(MODULE.format(scale=scale, offset=offset))
    return path


def _run(path: Path, **env):
    full = dict(os.environ, PYTHONPATH=str(REPO_ROOT / "build" / "python"), **env)
    if "MUMBA_CACHE_DIR" not in env:
        full.pop("MUMBA_CACHE_DIR", None)
    out = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, env=full, timeout=300
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def _entries(directory: Path):
    return sorted(directory.glob("cached_mod.kernel-*.mbc"))


def _expected(scale=2.0, offset=0.5):
    a = np.arange(60.0).reshape(6, 10) / 7.0
    return float(sum((x * scale + offset) + np.sin(x) for x in a.ravel()))


def test_second_process_loads_instead_of_compiling(tmp_path):
    path = _write_module(tmp_path)
    first = _run(path)
    assert first["misses"] == 1 and first["hits"] == 0 and first["reason"] == "no entry"
    entries = _entries(tmp_path / "__pycache__")
    assert len(entries) == 1
    second = _run(path)
    assert second["hits"] == 1 and second["misses"] == 0 and second["reason"] == ""
    assert second["result"] == first["result"] == pytest.approx(_expected())
    assert second["total"] == [10.0, 10.0] and second["total_hits"] == 2
    print(
        f"\nfirst process compiles in {first['seconds'] * 1e3:.1f} ms, "
        f"second loads in {second['seconds'] * 1e3:.1f} ms"
    )
    assert second["seconds"] < first["seconds"]
    # Loading did not rewrite the entry.
    assert _entries(tmp_path / "__pycache__") == entries


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "empty", "header"])
def test_corrupt_entry_is_rewritten(tmp_path, damage):
    path = _write_module(tmp_path)
    _run(path)
    (entry,) = _entries(tmp_path / "__pycache__")
    blob = entry.read_bytes()
    if damage == "garbage":
        entry.write_bytes(b"\x00not a cache entry\xff" * 50)
    elif damage == "truncated":
        entry.write_bytes(blob[: len(blob) // 2])
    elif damage == "flipped":
        mid = len(blob) // 2
        entry.write_bytes(blob[:mid] + bytes([blob[mid] ^ 0x40]) + blob[mid + 1 :])
    elif damage == "empty":
        entry.write_bytes(b"")
    else:  # a future format version
        entry.write_bytes(blob[:8] + (99).to_bytes(4, "little") + blob[12:])
    again = _run(path)
    assert again["misses"] == 1 and again["hits"] == 0
    assert again["result"] == pytest.approx(_expected())
    reason = again["reason"]
    assert any(word in reason for word in ("corrupt", "truncated", "not a Mumba", "stale")), reason
    # Rewritten: the next process loads it.
    third = _run(path)
    assert third["hits"] == 1 and third["reason"] == ""


def test_stale_entry_after_source_change(tmp_path):
    path = _write_module(tmp_path, offset=0.5)
    _run(path)
    # Another body for helper (a callee): the key changes, the same file is
    # rewritten.
    _write_module(tmp_path, offset=1.5)
    changed = _run(path)
    assert changed["misses"] == 1 and "stale" in changed["reason"]
    assert changed["result"] == pytest.approx(_expected(offset=1.5))
    assert len(_entries(tmp_path / "__pycache__")) == 1
    assert _run(path)["hits"] == 1


def test_stale_entry_after_global_change(tmp_path):
    path = _write_module(tmp_path, scale=2.0)
    _run(path)
    _write_module(tmp_path, scale=3.0)
    changed = _run(path)
    assert changed["misses"] == 1 and "stale" in changed["reason"]
    assert changed["result"] == pytest.approx(_expected(scale=3.0))


def test_cache_dir_variable(tmp_path):
    path = _write_module(tmp_path)
    cache_dir = tmp_path / "elsewhere"
    first = _run(path, MUMBA_CACHE_DIR=str(cache_dir))
    assert first["misses"] == 1
    assert not (tmp_path / "__pycache__").exists() or not _entries(tmp_path / "__pycache__")
    assert len(list(cache_dir.rglob("cached_mod.kernel-*.mbc"))) == 1
    assert _run(path, MUMBA_CACHE_DIR=str(cache_dir))["hits"] == 1


def test_unusable_cache_dir_still_compiles(tmp_path):
    path = _write_module(tmp_path)
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    out = _run(path, MUMBA_CACHE_DIR=str(blocker))
    assert out["misses"] == 1 and out["result"] == pytest.approx(_expected())


def test_processes_sharing_a_cache_at_once(tmp_path):
    path = _write_module(tmp_path)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: _run(path), range(4)))
    assert all(r["result"] == pytest.approx(_expected()) for r in results)
    # Whoever wrote last, the entry is whole: the next process loads it.
    assert _run(path)["hits"] == 1
    assert not list((tmp_path / "__pycache__").glob("*.tmp"))


# -- in one process ---------------------------------------------------------------------


def _cached_copy(fn):
    return njit(cache=True)(fn)


def axpy(a, x, y):
    out = np.empty_like(x)
    for i in range(x.shape[0]):
        out[i] = a * x[i] + y[i]
    return out


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    import mumba

    monkeypatch.setattr(mumba.config, "CACHE_DIR", str(tmp_path))
    return tmp_path


def test_in_process_reload_and_introspection(cache_dir):
    x, y = np.arange(5.0), np.ones(5)
    f = _cached_copy(axpy)
    expected = f(2.0, x, y)
    g = _cached_copy(axpy)  # a new dispatcher: loads the entry
    np.testing.assert_array_equal(g(2.0, x, y), expected)
    assert sum(g.stats.cache_hits.values()) == 1
    # What a loaded specialisation can still show.
    assert "nb.getitem" in g.inspect_mlir("nb-typed")
    assert "affine" in g.inspect_mlir("affine") or "func.func" in g.inspect_mlir("affine")
    assert "define" in g.inspect_llvm() and g.inspect_asm()
    assert g.inspect_mlir("llvm") == f.inspect_mlir("llvm")


def test_loaded_code_raises_and_allocates(cache_dir):
    def checked(a, i):
        if i < 0:
            raise ValueError("negative")
        out = np.zeros(i)
        for k in range(i):
            out[k] = a[k] / a[0]
        return out

    f = njit(cache=True)(checked)
    f(np.ones(3), 2)
    g = njit(cache=True)(checked)
    np.testing.assert_array_equal(g(np.arange(1.0, 4.0), 3), [1.0, 2.0, 3.0])
    assert sum(g.stats.cache_hits.values()) == 1
    with pytest.raises(ValueError, match="negative"):
        g(np.ones(3), -1)
    with pytest.raises(ZeroDivisionError):
        g(np.zeros(3), 2)


def test_options_select_other_entries(cache_dir):
    f = njit(cache=True)(axpy)
    f(1.0, np.ones(3), np.ones(3))
    g = njit(cache=True, fastmath=True)(axpy)
    g(1.0, np.ones(3), np.ones(3))
    assert sum(g.stats.cache_misses.values()) == 1
    assert len(list(cache_dir.rglob("*.mbc"))) == 2


def test_exec_function_is_not_cached(cache_dir):
    namespace = {}
    exec(textwrap.dedent("""
        def f(x):
            return x + 1
    """), namespace)
    # No source file: the frontend cannot compile it either; the cache must
    # not be the thing that fails.
    f = njit(cache=True)(namespace["f"])
    with pytest.raises(Exception) as info:
        f(1)
    assert "source" in str(info.value)
    assert not list(cache_dir.rglob("*.mbc"))
