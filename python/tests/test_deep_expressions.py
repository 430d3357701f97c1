"""Expressions and elif chains thousands deep compile and agree with Python.

The frontend lowered operators recursively, so 500 chained operators raised
a bare RecursionError with no source location; operator trees (binary, unary
minus, not) and elif chains are now walked with explicit stacks. Whatever
still nests past Python's recursion limit (a conditional-expression chain,
say) raises UnsupportedError at the source, never RecursionError.

CPython itself parses at most about 2,500 nested operators under its default
recursion limit; the depth-5,000 cases raise that limit in a subprocess, as a
program generating such code would have to."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from mumba import UnsupportedError, njit
from helpers import REPO_ROOT


def _chain(kind: str, depth: int) -> str:
    """The source of ``f(x)`` with an operator chain ``depth`` deep."""
    if kind == "add":
        return "def f(x):\n    return " + " + ".join(["x"] * depth) + "\n"
    if kind == "mixed":
        terms = [f"x * {i % 7}" if i % 3 else "x // 2" for i in range(depth)]
        return "def f(x):\n    return " + " - ".join(terms) + "\n"
    if kind == "neg":
        return "def f(x):\n    return " + "-" * depth + "x\n"
    if kind == "not":
        return "def f(x):\n    return " + "not " * depth + "x\n"
    if kind == "if-not":
        return "def f(x):\n    if " + "not " * depth + "x:\n        return 1\n    return 2\n"
    if kind == "pow":  # right-associative: the tree is deep on the right
        return "def f(x):\n    return " + "1 ** " * depth + "x\n"
    if kind == "elif":
        lines = ["def f(x):", "    r = 0", "    if x == 0:", "        r = -1"]
        for k in range(1, depth):
            lines += [f"    elif x == {k}:", f"        r = {k} * x"]
        lines += ["    else:", "        r = 7", "    return r"]
        return "\n".join(lines) + "\n"
    raise AssertionError(kind)


def _load(tmp_path: Path, source: str) -> Callable:
    path = tmp_path / "deep_mod.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("deep_mod", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.f


ARGS = [0, 1, 3, -4, 17]


@pytest.mark.parametrize("kind", ["add", "mixed", "neg", "not", "if-not", "pow", "elif"])
@pytest.mark.parametrize("depth", [500, 1000])
def test_deep_chain_compiles_and_agrees(tmp_path, kind, depth):
    f = _load(tmp_path, _chain(kind, depth))
    # The power chain costs LLVM's optimiser a while at O3; O1 suffices.
    compiled = njit(f, opt_level=1 if kind == "pow" else 3)
    for x in ARGS:
        assert compiled(x) == f(x), x


DEEP_SCRIPT = """
import json, sys
sys.setrecursionlimit(30000)
import importlib.util
from mumba import njit
spec = importlib.util.spec_from_file_location("deep_mod", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
f = module.f
g = njit(f)
print(json.dumps([[g(x), f(x)] for x in {args}]))
"""


@pytest.mark.parametrize("kind", ["add", "mixed", "neg", "not", "if-not"])
def test_depth_5000_end_to_end(tmp_path, kind):
    # A subprocess: the raised recursion limit, and any crash of a C++ pass
    # recursing on the deep tree, stay there.
    source = tmp_path / "deep_mod.py"
    source.write_text(_chain(kind, 5000))
    script = tmp_path / "run_deep.py"
    script.write_text(DEEP_SCRIPT.format(args=ARGS))
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT / "build" / "python"))
    result = subprocess.run(
        [sys.executable, str(script), str(source)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for got, expected in json.loads(result.stdout.strip().splitlines()[-1]):
        assert got == expected


@pytest.mark.parametrize(
    "body",
    [
        "".join(f"{i} if x == {i} else " for i in range(1000)) + "-1",
        "x" + ".real" * 1000,
    ],
    ids=["conditional-expressions", "attributes"],
)
def test_too_deep_is_an_error_at_the_source(tmp_path, body):
    f = _load(tmp_path, f"def f(x):\n    return {body}\n")
    with pytest.raises(UnsupportedError) as info:
        njit(f)(3)
    err = info.value
    assert not isinstance(err, RecursionError)
    assert err.msg.startswith("unsupported expression or statement nested this deeply")
    assert err.filename == str(tmp_path / "deep_mod.py") and err.lineno == 2
    lines = str(err).splitlines()
    assert lines[2] == f'File "{err.filename}", line 2:'
    assert lines[4].strip() == "^" and len(lines[4]) == err.col
