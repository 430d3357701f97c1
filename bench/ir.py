"""Look at what a kernel compiles to, for the "why slower" lines of the
report.

    python3 -m bench.ir KERNEL [--show STAGE|asm|numba-asm|c-asm]

A stage name (``std``, ``affine``, ``llvm``, ...) shows that stage of Mumba's
MLIR (``f.inspect_mlir``); ``asm`` is the JIT's own assembly
(``f.inspect_asm()``), or where the dispatcher lacks it, Mumba's LLVM
dialect through mumba-translate, ``opt -O3`` and ``llc -O3`` for the host
CPU; ``numba-asm`` is Numba's ``inspect_asm``; ``c-asm`` the C file under
the benchmark's clang flags.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from . import kernels
from .cbuild import C_DIR, CC, cflags

ROOT = Path(__file__).resolve().parents[1]
LLVM_BIN = Path("/usr/lib/llvm-22/bin")
TRIPLE = "x86_64-unknown-linux-gnu"


def _pipe(cmd, text: str) -> str:
    return subprocess.run(cmd, input=text, capture_output=True, text=True, check=True).stdout


def mumba_asm(llvm_dialect: str) -> str:
    """Host assembly from Mumba's ``llvm`` stage."""
    ir = _pipe([str(ROOT / "build" / "bin" / "mumba-translate"), "--mlir-to-llvmir"], llvm_dialect)
    ir = _pipe([str(LLVM_BIN / "opt"), "-O3", f"-mtriple={TRIPLE}", "-mcpu=native", "-S"], ir)
    return _pipe([str(LLVM_BIN / "llc"), "-O3", f"-mtriple={TRIPLE}", "-mcpu=native"], ir)


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kernel")
    parser.add_argument("--show", default="std",
                        help="a Mumba stage (nb, nb-typed, std, affine, llvm, ...), "
                        "asm, numba-asm or c-asm")
    opts = parser.parse_args(argv)
    k = kernels.by_name(opts.kernel)
    if opts.show == "c-asm":
        src = C_DIR / f"{k.c_name or k.name}.c"
        print(subprocess.run([CC, *cflags(k), "-S", "-o", "-", str(src)],
                             capture_output=True, text=True, check=True).stdout)
        return 0
    import mumba
    import numba

    jit = numba.njit if opts.show == "numba-asm" else mumba.njit
    f = k.compiled(jit)
    f(*k.make_args(k.sizes["check"]))
    if opts.show == "numba-asm":
        print(f.inspect_asm(f.signatures[0]))
    elif opts.show == "asm":
        own = getattr(f, "inspect_asm", None)
        print(own() if own else mumba_asm(f.inspect_mlir("llvm")))
    else:
        print(f.inspect_mlir(opts.show))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
