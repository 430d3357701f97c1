"""Introspection: signatures, inspect_types (source lines with their typed
ops and variables' types), every stage of inspect_mlir, LLVM IR and
assembly, and IR dumps from mumba.config / MUMBA_DUMP_IR."""

import io
import os
import subprocess
import sys

import numpy as np
import pytest

import mumba
from mumba import njit
from mumba.dispatcher import STAGES
from helpers import REPO_ROOT


def mean(a):
    t = 0
    for i in range(len(a)):
        t += a[i]
    n = len(a)
    return t / n


def _types(f, **kwargs):
    out = io.StringIO()
    f.inspect_types(file=out, **kwargs)
    return out.getvalue()


def _source_line(fn, text):
    import inspect

    lines, start = inspect.getsourcelines(fn)
    return start + next(i for i, l in enumerate(lines) if text in l)


def test_signatures_in_compile_order():
    f = njit(mean)
    assert f.signatures == []
    f(np.arange(3.0))
    f(np.arange(3, dtype=np.int32))
    assert f.signatures == [("!nb.array<f64, 1, C>",), ("!nb.array<si32, 1, C>",)]


def test_inspect_types_layout():
    f = njit(mean)
    f(np.arange(4.0))
    text = _types(f)
    lines = text.splitlines()
    assert lines[0] == "mean (array(float64, 1d, C),)"
    assert lines[1] == "-" * 80
    assert lines[2].startswith("# File: ") and lines[2].endswith("test_introspection.py")
    assert lines[-1] == "=" * 80
    # Each source line appears, after a header and its typed ops.
    line = _source_line(mean, "t += a[i]")
    at = lines.index(f"        # --- LINE {line} --- ")
    block = lines[at : lines.index("        t += a[i]")]
    assert any("nb.getitem a[i]  :: float64" in l for l in block)
    assert any("nb.inplace_binop add" in l and l.endswith(":: float64") for l in block)
    assert "    t = 0" in lines and "def mean(a):" in lines
    # The variables and their types, as Numba names them; t is an int first.
    assert f"#   t: int64 (line {_source_line(mean, 't = 0')}), float64" in text
    assert "#   a: array(float64, 1d, C)" in text
    assert "#   i: int64" in text and "#   n: int64" in text


def best(a):
    m = a[0]
    for i in range(len(a)):
        v = a[i]
        if v > m:
            m = v
    k = m
    return k


def test_inspect_types_shows_copies():
    f = njit(best)
    f(np.arange(3, dtype=np.int32))
    text = _types(f)
    assert "#   m = v  :: int32" in text
    assert "#   k = m  :: int32" in text
    assert "#   k: int32" in text


def test_inspect_types_per_signature():
    f = njit(mean)
    f(np.arange(4.0))
    f(np.arange(4, dtype=np.int32))
    both = _types(f)
    assert both.count("=" * 80) == 2
    assert "mean (array(int32, 1d, C),)" in both
    one = _types(f, signature=("!nb.array<si32, 1, C>",))
    assert one.count("=" * 80) == 1 and "#   t: int64" in one and "float64" in one
    assert "int32" in one


def test_inspect_types_to_stdout(capsys):
    f = njit(mean)
    f(np.arange(2.0))
    assert f.inspect_types() is None
    assert "# Variables:" in capsys.readouterr().out


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage(stage):
    f = njit(mean)
    f(np.arange(3.0))
    text = f.inspect_mlir(stage)
    assert "module" in text
    assert text == f.inspect_mlir(stage, f.signatures[0])


def test_stage_contents():
    f = njit(mean)
    f(np.arange(3.0))
    assert "nb.var" in f.inspect_mlir("nb")
    assert "nb.var" not in f.inspect_mlir("nb-ssa")
    assert "!nb.unknown" not in f.inspect_mlir("nb-typed")
    assert "nb." not in f.inspect_mlir("std")
    assert "affine.for" in f.inspect_mlir("affine")
    assert "llvm.func" in f.inspect_mlir("llvm")
    with pytest.raises(ValueError, match="unknown stage"):
        f.inspect_mlir("bogus")


def test_llvm_and_asm():
    f = njit(mean)
    f(np.arange(3.0))
    assert "define" in f.inspect_llvm() and "_mlir_mean" in f.inspect_llvm()
    asm = f.inspect_asm()
    assert "mean" in asm and ("ret" in asm or "retq" in asm)


def test_signature_by_numba_spelling():
    f = njit(mean)
    f(np.arange(3.0))
    assert f.inspect_mlir("nb-typed", "(float64[::1],)") == f.inspect_mlir("nb-typed")


def test_dump_ir_from_config(capsys, monkeypatch):
    monkeypatch.setattr(mumba.config, "DUMP_IR", "nb-typed,llvm-ir")
    f = njit(mean)
    f(np.arange(3.0))
    err = capsys.readouterr().err
    assert "-------- mean(array(float64, 1d, C)): nb-typed --------" in err
    assert "-------- mean(array(float64, 1d, C)): llvm-ir --------" in err
    assert "define" in err and "nb.getitem" in err
    assert ": std --------" not in err


def test_dump_ir_environment_variable(tmp_path):
    script = tmp_path / "dump.py"
    script.write_text(
        "import numpy as np\n"
        "from mumba import njit\n"
        "@njit\n"
        "def f(x):\n"
        "    return x + 1\n"
        "f(1)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT / "build" / "python"), MUMBA_DUMP_IR="all")
    out = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    for stage in list(STAGES) + ["llvm-ir", "asm"]:
        assert f"-------- f(int64): {stage} --------" in out.stderr


def test_config_names():
    assert isinstance(mumba.config.OPT, int)
    assert mumba.config.dump_stages() == frozenset() or mumba.config.DUMP_IR
