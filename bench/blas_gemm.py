"""OpenBLAS dgemm from C beside NumPy's ``a @ b`` (float64, n x n), in GFLOP/s.

The baseline the compiled ``a @ b`` will be compared with once compiled code
calls the linear-algebra runtime (docs/linalg.md). Builds
``bench/blas/dgemm.c`` against OpenBLAS and build/lib/libmumba_runtime.so
and runs it and a NumPy timing, each in a fresh process with the same
``OPENBLAS_NUM_THREADS``::

    ./scripts/build
    /usr/bin/python3 -m bench.blas_gemm                # n = 1024
    /usr/bin/python3 -m bench.blas_gemm --threads 1 --n 512
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional

from .cbuild import CC

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "bench" / "blas" / "dgemm.c"
OUT_DIR = ROOT / "build" / "bench" / "blas"
RUNTIME_DIR = ROOT / "build" / "lib"

NUMPY_TIMING = """
import sys, time
import numpy as np
n, repeats = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(1)
a, b = rng.random((n, n)) - 0.5, rng.random((n, n)) - 0.5
a @ b
best = float("inf")
for _ in range(repeats):
    t0 = time.perf_counter()
    a @ b
    best = min(best, time.perf_counter() - t0)
print(f"numpy a @ b n={n} best_s={best:.6f} gflops={2 * n**3 / best * 1e-9:.2f}")
"""


def build() -> Path:
    """Compile the C program into build/bench/blas/dgemm."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    exe = OUT_DIR / "dgemm"
    cmd = [
        CC, "-O2", "-I", str(ROOT / "include"),
        "-I", "/usr/include/x86_64-linux-gnu/openblas-pthread",
        str(SOURCE), "-o", str(exe),
        "-L", str(RUNTIME_DIR), "-lmumba_runtime", "-lopenblas",
        f"-Wl,-rpath,{RUNTIME_DIR}",
    ]
    subprocess.run(cmd, check=True)
    return exe


def parse(line: str) -> Dict[str, str]:
    """``name k=v k=v`` -> {"name": ..., k: v}."""
    words = line.split()
    fields = dict(w.split("=", 1) for w in words if "=" in w)
    fields["name"] = " ".join(w for w in words if "=" not in w)
    return fields


def measure(n: int, repeats: int, threads: Optional[int]) -> List[Dict[str, str]]:
    """One row per variant: the C calls, then NumPy."""
    env = dict(os.environ)
    if threads is not None:
        env["OPENBLAS_NUM_THREADS"] = str(threads)
    exe = build()
    out = subprocess.run([str(exe), str(n), str(repeats)], env=env, check=True,
                         capture_output=True, text=True).stdout
    out += subprocess.run([sys.executable, "-c", NUMPY_TIMING, str(n), str(repeats)],
                          env=env, check=True, capture_output=True, text=True).stdout
    return [parse(line) for line in out.splitlines() if line.strip()]


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1024)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--threads", type=int, default=None,
                        help="OPENBLAS_NUM_THREADS (default: OpenBLAS's own choice)")
    args = parser.parse_args(argv)
    rows = measure(args.n, args.repeats, args.threads)
    print(f"{'variant':<18} {'n':>6} {'threads':>8} {'best ms':>10} {'GFLOP/s':>9}")
    for r in rows:
        print(
            f"{r['name']:<18} {r['n']:>6} {r.get('threads', '-'):>8} "
            f"{float(r['best_s']) * 1e3:>10.2f} {r['gflops']:>9}"
        )


if __name__ == "__main__":
    main()
