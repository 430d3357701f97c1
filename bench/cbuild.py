"""Build the C kernels with clang and call them through ctypes."""

from __future__ import annotations

import ctypes
import os
import subprocess
from pathlib import Path
from typing import Any, Callable, List, Optional, Sequence

import numpy as np

from .kernel import Kernel

ROOT = Path(__file__).resolve().parents[1]
C_DIR = ROOT / "bench" / "c"
CC = "clang-22"
CFLAGS = ("-O3", "-march=native", "-ffp-contract=off")
_RESTYPES = {"f64": ctypes.c_double, "i64": ctypes.c_int64, "none": None}


def cflags(kernel: Kernel) -> List[str]:
    """The flags a kernel's C file is compiled with."""
    return list(CFLAGS) + list(kernel.cflags)


def build(kernel: Kernel, out_dir: Path) -> Path:
    """Compile ``bench/c/<c_name>.c`` into ``out_dir/<name>.so`` unless an
    up-to-date library built with the same flags is already there."""
    src = C_DIR / f"{kernel.c_name or kernel.name}.c"
    lib = out_dir / f"{kernel.name}.so"
    stamp = out_dir / f"{kernel.name}.flags"
    cmd = [CC, *cflags(kernel), "-shared", "-fPIC", str(src), "-lm"]
    key = " ".join(cmd)
    fresh = (
        lib.exists()
        and stamp.exists()
        and stamp.read_text() == key
        and lib.stat().st_mtime >= src.stat().st_mtime
    )
    if not fresh:
        out_dir.mkdir(parents=True, exist_ok=True)
        # Build beside the target and rename: a test run and a benchmark
        # run may build the same library at once.
        tmp = out_dir / f".{kernel.name}.{os.getpid()}.so"
        subprocess.run(cmd + ["-o", str(tmp)], check=True)
        os.replace(tmp, lib)
        stamp.write_text(key)
    return lib


def c_args(args: Sequence[Any]) -> List[Any]:
    """Flatten Python arguments the way bench/c/README.md describes: an
    array is its data pointer then its shape, an int an int64_t, a float a
    double."""
    out: List[Any] = []
    for a in args:
        if isinstance(a, np.ndarray):
            if not a.flags.c_contiguous:
                raise ValueError("the C kernels take C-contiguous arrays")
            out.append(ctypes.c_void_p(a.ctypes.data))
            out.extend(ctypes.c_int64(d) for d in a.shape)
        elif isinstance(a, (bool, np.bool_)):
            raise TypeError("no bool arguments in the C kernels")
        elif isinstance(a, (int, np.integer)):
            out.append(ctypes.c_int64(int(a)))
        elif isinstance(a, (float, np.floating)):
            out.append(ctypes.c_double(float(a)))
        else:
            raise TypeError(f"cannot pass {type(a).__name__} to C")
    return out


class CKernel:
    """A kernel's C function, callable with the Python arguments.

    ``prepare(args)`` converts the arguments once and returns a no-argument
    callable, so that timing measures the C call, not the conversion.
    """

    def __init__(self, kernel: Kernel, lib: Path) -> None:
        self._dll = ctypes.CDLL(str(lib))
        self.fn = getattr(self._dll, f"bench_{kernel.c_name or kernel.name}")
        self.fn.restype = _RESTYPES[kernel.c_ret]

    def prepare(self, args: Sequence[Any]) -> Callable[[], Optional[Any]]:
        fn, cargs = self.fn, c_args(args)
        keep = tuple(args)  # the pointers in cargs live as long as the arrays

        def call() -> Optional[Any]:
            assert keep
            return fn(*cargs)

        return call

    def __call__(self, *args: Any) -> Optional[Any]:
        return self.prepare(args)()


def load(kernel: Kernel, out_dir: Path) -> CKernel:
    """Build (if needed) and load a kernel's C version."""
    return CKernel(kernel, build(kernel, out_dir))
