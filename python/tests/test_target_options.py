"""target_cpu / target_features are checked before LLVM sees them.

LLVM only warns about an unknown CPU and then aborts the process ("64-bit
code requested on a subtarget that doesn't support it") when the CPU it falls
back to cannot run x86-64 code. Each case runs in a subprocess, so that a
regression fails here instead of killing the test run."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from helpers import REPO_ROOT

MUMBA_TRANSLATE = REPO_ROOT / "build" / "bin" / "mumba-translate"

_SNIPPET = """
import mumba
import mumba.aot
def f(x):
    return x * 2 + 1
try:
    g = {decorate}
    print("RESULT", g(20))
except Exception as exc:
    print("RAISED", type(exc).__name__, exc)
"""


def _python(tmp_path, code: str) -> subprocess.CompletedProcess:
    """Runs `code` from a file (the frontend reads functions' source)."""
    script = tmp_path / "case.py"
    script.write_text(textwrap.dedent(code))
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120
    )


def _run(tmp_path, decorate: str) -> str:
    result = _python(tmp_path, _SNIPPET.format(decorate=decorate))
    assert result.returncode == 0, f"the interpreter died: {result.stderr[-2000:]}"
    assert "LLVM ERROR" not in result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    "decorate,message",
    [
        ('mumba.njit(target_cpu="notacpu")(f)', "unknown target CPU 'notacpu'"),
        ('mumba.jit(nopython=True, target_cpu="notacpu")(f)', "unknown target CPU 'notacpu'"),
        ('mumba.njit(target_cpu="i386")(f)', "target CPU 'i386' cannot run 64-bit code"),
        ('mumba.njit(target_features="+notafeature")(f)', "unknown target feature 'notafeature'"),
        ('mumba.njit(target_features="+avx2,-nope")(f)', "unknown target feature 'nope'"),
        ('mumba.njit(target_features="avx2")(f)', "target feature 'avx2' must start with '+' or '-'"),
        ('mumba.njit(target_features="-64bit")(f)', "cannot run 64-bit code"),
        ('mumba.njit(target_cpu="x86-64-v2", target_features="-sse2,-64bit")(f)', "cannot run 64-bit code"),
    ],
)
def test_bad_target_raises_value_error(tmp_path, decorate, message):
    out = _run(tmp_path, decorate)
    assert out.startswith("RAISED ValueError"), out
    assert message in out


def test_unknown_cpu_lists_the_known_ones(tmp_path):
    out = _run(tmp_path, 'mumba.njit(target_cpu="notacpu")(f)')
    known = out.split("known CPUs: ", 1)[1].split(", ")
    assert {"x86-64", "x86-64-v2", "x86-64-v3", "znver4", "skylake"} <= set(known)


@pytest.mark.parametrize(
    "decorate",
    [
        'mumba.njit(target_cpu="x86-64-v2")(f)',
        'mumba.njit(target_cpu="x86-64")(f)',
        'mumba.njit(target_features="-avx512f,-avx2")(f)',
        'mumba.njit(target_cpu="x86-64", target_features="+sse4.2")(f)',
    ],
)
def test_valid_targets_compile(tmp_path, decorate):
    assert _run(tmp_path, decorate) == "RESULT 41"


def test_aot_checks_the_target(tmp_path):
    out = _run(
        tmp_path,
        f'mumba.aot.compile(f, [("int64",)], "lib", directory={str(tmp_path)!r}, '
        'target_cpu="notacpu")'
    )
    assert out.startswith("RAISED ValueError") and "unknown target CPU 'notacpu'" in out


def test_aot_checks_cpu_for_a_foreign_triple(tmp_path):
    out = _run(
        tmp_path,
        f'mumba.aot.compile(f, [("int64",)], "lib", directory={str(tmp_path)!r}, '
        'target_triple="aarch64-linux-gnu", target_cpu="znver4")'
    )
    assert out.startswith("RAISED ValueError"), out
    assert "unknown target CPU 'znver4' for aarch64" in out and "cortex-a53" in out


def test_extension_compile_reports_instead_of_aborting(tmp_path):
    # Past the Python checks, the C++ side refuses the target too.
    result = _python(
        tmp_path,
        """
        import mumba
        from mumba import _mumba
        def f(x):
            return x + 1
        text, entry = mumba.njit(f).module_text(("si64",))
        try:
            _mumba.compile(text, entry, target_cpu="i386")
        except Exception as exc:
            print("RAISED", type(exc).__name__, exc)
        """,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "RAISED" in result.stdout and "cannot run 64-bit code" in result.stdout


_LLVM_FUNC = "llvm.func @f(%a: i64) -> i64 {\n  llvm.return %a : i64\n}\n"


@pytest.mark.parametrize(
    "flag,message",
    [
        ("--target-cpu=notacpu", "unknown target CPU 'notacpu'"),
        ("--target-cpu=i386", "target CPU 'i386' cannot run 64-bit code"),
        ("--target-features=+notafeature", "unknown target feature 'notafeature'"),
    ],
)
def test_mumba_translate_checks_the_target(flag, message):
    assert MUMBA_TRANSLATE.exists(), f"{MUMBA_TRANSLATE} is not built"
    result = subprocess.run(
        [str(MUMBA_TRANSLATE), "--mlir-to-assembly", flag, "-"],
        input=_LLVM_FUNC,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "LLVM ERROR" not in result.stderr
    assert message in result.stderr


def test_mumba_translate_accepts_a_valid_cpu():
    result = subprocess.run(
        [str(MUMBA_TRANSLATE), "--mlir-to-assembly", "--target-cpu=x86-64-v3", "-"],
        input=_LLVM_FUNC,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "f:" in result.stdout
