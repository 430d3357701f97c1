"""Compiled linear algebra beside Numba (and OpenBLAS from C): the rows of
docs/linalg.md's "Speed" section.

- ``a @ b``, float64 1024 x 1024: Mumba, Numba, and cblas_dgemm from C
  (bench/blas/dgemm.c, through bench.blas_gemm), in GFLOP/s;
- 8 x 8 and 32 x 32 products, 1e5 of them in one compiled loop (Mumba's
  generated loop nest below 17, BLAS above; Numba always BLAS);
- ``np.linalg.solve``, 500 x 500 with one right-hand side;
- ``--crossover``: compiled ``a @ b`` per call for small n, to place the
  loop/BLAS switch (kSmallProductExtent in Calls/LinalgLowering.h).

Each row is the best of several runs, each implementation warmed up first::

    ./scripts/build
    PYTHONPATH=build/python:. /usr/bin/python3 -m bench.linalg
    PYTHONPATH=build/python:. /usr/bin/python3 -m bench.linalg --crossover
"""

from __future__ import annotations

import argparse
import time
from typing import Callable, List, Optional

import numpy as np

import mumba

from . import blas_gemm

try:  # Numba is the comparison, not a requirement.
    import numba
except ImportError:  # pragma: no cover
    numba = None


def matmul(a, b):
    return a @ b


def products(a, b, count):
    """`count` products in one compiled call; the sum keeps them alive."""
    total = 0.0
    for _ in range(count):
        c = a @ b
        total += c[0, 0]
    return total


def solve(a, b):
    return np.linalg.solve(a, b)


def best_of(fn: Callable[[], object], repeats: int) -> float:
    fn()
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def compilers():
    out = [("mumba", mumba.njit)]
    if numba is not None:
        out.append(("numba", numba.njit))
    return out


def rows(repeats: int) -> List[str]:
    rng = np.random.default_rng(1)
    lines = []
    n = 1024
    a, b = rng.random((n, n)) - 0.5, rng.random((n, n)) - 0.5
    for name, jit in compilers():
        f = jit(matmul)
        t = best_of(lambda: f(a, b), repeats)
        gflops = 2 * n**3 / t * 1e-9
        lines.append(f"{'a @ b float64 1024x1024':<28} {name:<20} {t * 1e3:9.2f} ms  {gflops:7.2f} GFLOP/s")
    for r in blas_gemm.measure(n, repeats, None):
        t = float(r["best_s"])
        label = r["name"].split()[0] + (" (C)" if "numpy" not in r["name"] else "")
        gflops = float(r["gflops"])
        lines.append(f"{'a @ b float64 1024x1024':<28} {label:<20} {t * 1e3:9.2f} ms  {gflops:7.2f} GFLOP/s")
    count = 100_000
    for size in (8, 32):
        x, y = rng.random((size, size)), rng.random((size, size))
        for name, jit in compilers():
            f = jit(products)
            t = best_of(lambda: f(x, y, count), max(2, repeats // 3))
            what = f"1e5 x {size}x{size} @ {size}x{size}"
            lines.append(f"{what:<28} {name:<20} {t * 1e3:9.2f} ms  {t / count * 1e9:7.0f} ns/product")
    n = 500
    m = rng.random((n, n)) + n * np.eye(n)
    v = rng.random(n)
    for name, jit in compilers():
        f = jit(solve)
        t = best_of(lambda: f(m, v), repeats)
        lines.append(f"{'np.linalg.solve 500x500':<28} {name:<20} {t * 1e3:9.2f} ms")
    return lines


def crossover(repeats: int) -> List[str]:
    """Per-product time of the compiled `a @ b` in a loop, by size."""
    rng = np.random.default_rng(2)
    f = mumba.njit(products)
    g = numba.njit(products) if numba is not None else None
    lines = []
    for size in (2, 4, 8, 12, 16, 17, 20, 24, 32, 48, 64):
        x, y = rng.random((size, size)), rng.random((size, size))
        count = max(1000, 2_000_000 // size**3)
        t = best_of(lambda: f(x, y, count), repeats) / count
        line = f"n={size:<3} mumba {t * 1e9:9.0f} ns"
        if g is not None:
            u = best_of(lambda: g(x, y, count), repeats) / count
            line += f"   numba {u * 1e9:9.0f} ns"
        lines.append(line)
    return lines


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--crossover", action="store_true")
    args = parser.parse_args(argv)
    for line in (crossover if args.crossover else rows)(args.repeats):
        print(line, flush=True)


if __name__ == "__main__":
    main()
