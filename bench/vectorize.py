"""Vectorised kernels: Mumba (fastmath off and on) next to Numba, one run.

    PYTHONPATH=build/python /usr/bin/python3 bench/vectorize.py [--quick]

Times sum, saxpy, dot and a 2-D 5-point stencil over float64 arrays, each
compiled by Mumba and by Numba with the same source and the same options
(``fastmath=False`` and ``fastmath=True``), and prints the best time of
several calls per implementation and Numba's time over Mumba's (above 1:
Mumba is faster). Sizes: one that fits in L2 (compute bound) and one in
main memory (bandwidth bound). Results are checked against NumPy first.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from typing import Callable, Dict, List, Tuple

import numpy as np


def total(a):
    t = 0.0
    for i in range(len(a)):
        t += a[i]
    return t


def saxpy(a, x, y, out):
    for i in range(len(x)):
        out[i] = a * x[i] + y[i]


def dot(x, y):
    t = 0.0
    for i in range(len(x)):
        t += x[i] * y[i]
    return t


def stencil(a, b):
    n, m = a.shape
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            b[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])


KERNELS = {"sum": total, "saxpy": saxpy, "dot": dot, "stencil": stencil}


def _arguments(kernel: str, n: int) -> Tuple:
    rng = np.random.default_rng(0)
    if kernel == "stencil":
        side = int(round(n**0.5))
        return (rng.random((side, side)), np.zeros((side, side)))
    x, y = rng.random(n), rng.random(n)
    if kernel == "sum":
        return (x,)
    if kernel == "dot":
        return (x, y)
    return (2.5, x, y, np.zeros(n))


def _reference(kernel: str, args: Tuple):
    if kernel == "sum":
        return args[0].sum()
    if kernel == "dot":
        return args[0] @ args[1]
    if kernel == "saxpy":
        return args[0] * args[1] + args[2]
    a = args[0]
    b = np.zeros_like(a)
    b[1:-1, 1:-1] = 0.25 * (a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:])
    return b


def _check(kernel: str, fn: Callable, args: Tuple, who: str) -> None:
    result = fn(*args)
    if kernel in ("saxpy", "stencil"):
        result = args[-1]
    expected = _reference(kernel, args)
    if not np.allclose(result, expected, rtol=1e-9, atol=1e-9):
        sys.exit(f"{who} {kernel}: wrong result")


def _best_time(fn: Callable, args: Tuple, budget: float) -> float:
    """Best of repeated calls, within about `budget` seconds."""
    fn(*args)
    best = float("inf")
    deadline = time.perf_counter() + budget
    calls = 0
    while calls < 5 or time.perf_counter() < deadline:
        start = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - start)
        calls += 1
        if calls >= 2000:
            break
    return best


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main(argv: List[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller budget, for a smoke run")
    options = parser.parse_args(argv)
    budget = 0.05 if options.quick else 0.4

    import numba
    import mumba

    print(f"CPU: {_cpu()}; NumPy {np.__version__}, Numba {numba.__version__}, Mumba {mumba.__version__}")
    implementations: Dict[str, Dict[str, Callable]] = {}
    for name, fn in KERNELS.items():
        implementations[name] = {
            "numba": numba.njit(fn),
            "numba fm": numba.njit(fastmath=True)(fn),
            "mumba": mumba.njit(fn),
            "mumba fm": mumba.njit(fastmath=True)(fn),
        }
    columns = ["numba", "mumba", "numba fm", "mumba fm"]
    header = f"{'kernel':<8} {'n':>9} " + " ".join(f"{c + ' us':>12}" for c in columns)
    header += f" {'ratio':>7} {'ratio fm':>8}"
    print(header)
    print("-" * len(header))
    sizes = [1 << 14, 1 << 22] if not options.quick else [1 << 12, 1 << 18]
    for name in KERNELS:
        for n in sizes:
            args = _arguments(name, n)
            times = {}
            for column in columns:
                fn = implementations[name][column]
                _check(name, fn, args, column)
                times[column] = _best_time(fn, args, budget)
            cells = " ".join(f"{times[c] * 1e6:12.1f}" for c in columns)
            ratio = times["numba"] / times["mumba"]
            ratio_fm = times["numba fm"] / times["mumba fm"]
            print(f"{name:<8} {n:>9} {cells} {ratio:7.2f} {ratio_fm:8.2f}")
    print("ratio: Numba's time / Mumba's (fm: both with fastmath=True); > 1 means Mumba is faster")


if __name__ == "__main__":
    main(sys.argv[1:])
