"""Introspection: signatures, stages, and mumba-opt reproducing the JIT."""

import subprocess

import numpy as np
import pytest

from mumba import njit
from helpers import MUMBA_OPT, check, make_array


@njit
def axpy(a, x, y):
    for i in range(x.shape[0]):
        y[i] += a * x[i]


def _fresh(fn):
    return njit(fn.py_func)


def test_signatures_grow_per_type():
    f = _fresh(axpy)
    assert f.signatures == []
    check(f, 2.0, make_array(5, "float64"), make_array(5, "float64", seed=1))
    check(f, 2, make_array(5, "float64"), make_array(5, "float64", seed=1))
    check(f, 2.0, make_array(5, "float32"), make_array(5, "float32", seed=1))
    assert f.signatures == [
        ("f64", "!nb.array<f64, 1, C>", "!nb.array<f64, 1, C>"),
        ("si64", "!nb.array<f64, 1, C>", "!nb.array<f64, 1, C>"),
        ("f64", "!nb.array<f32, 1, C>", "!nb.array<f32, 1, C>"),
    ]
    # Same types again: no new specialisation.
    f(1.0, np.zeros(2), np.zeros(2))
    assert len(f.signatures) == 3


@pytest.mark.parametrize("stage", ["nb", "nb-ssa", "nb-typed", "std", "llvm"])
def test_stages_available(stage):
    f = _fresh(axpy)
    f(2.0, np.ones(3), np.ones(3))
    text = f.inspect_mlir(stage)
    assert isinstance(text, str) and "module" in text
    assert text == f.inspect_mlir(stage, f.signatures[0])


def test_stage_contents():
    f = _fresh(axpy)
    f(2.0, np.ones(3), np.ones(3))
    assert "nb.var" in f.inspect_mlir("nb")
    # The "nb" stage is the frontend's module, re-printed by MLIR.
    frontend_text, _ = f.module_text(f.signatures[0])
    ops = lambda t: [l.split("loc(")[0].split("=")[-1].split()[0] for l in t.splitlines() if " nb." in l or l.strip().startswith("nb.")]
    assert ops(f.inspect_mlir("nb")) == ops(frontend_text)
    assert "nb.var" not in f.inspect_mlir("nb-ssa")
    assert "!nb.unknown" not in f.inspect_mlir("nb-typed")
    assert "llvm.func" in f.inspect_mlir("llvm")
    assert "nb." not in f.inspect_mlir("llvm")


def test_inspect_before_compile_raises():
    f = _fresh(axpy)
    with pytest.raises(ValueError):
        f.inspect_mlir("nb")


def _strip(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines())


@njit
def mandel_point(cr, ci, maxiter):
    zr = 0.0
    zi = 0.0
    n = 0
    while n < maxiter and zr * zr + zi * zi <= 4.0:
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        n += 1
    return n


@pytest.mark.parametrize(
    "fn,args",
    [(axpy, (2.0, np.ones(4), np.ones(4))), (mandel_point, (-0.5, 0.5, 100))],
)
def test_mumba_opt_reproduces_pipeline(fn, args):
    f = _fresh(fn)
    f(*args)
    assert MUMBA_OPT.exists(), f"{MUMBA_OPT} is not built"
    result = subprocess.run(
        [str(MUMBA_OPT), "--mumba-cpu-pipeline", "-"],
        input=f.inspect_mlir("nb"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert _strip(result.stdout) == _strip(f.inspect_mlir("llvm"))
