"""Array expressions beside Numba and NumPy: the rows of docs/arrays.md's
"Speed" section.

- a 5-operation element-wise expression, n = 4e6;
- a Jacobi sweep written with slices on a 2000 x 2000 grid;
- a broadcast 2-D / 1-D expression;
- the memory-bound ``a + b``, as GB/s (two reads, one write).

Each row is the best of several interleaved rounds, every implementation
warmed up (compiled) first::

    PYTHONPATH=build/python:. /usr/bin/python3 -m bench.array_exprs
"""

from __future__ import annotations

import time
from typing import Callable, Dict

import numpy as np

import mumba

try:  # Numba is the comparison, not a requirement.
    import numba
except ImportError:  # pragma: no cover
    numba = None


def five_ops(a, b):
    return a * b + 2.0 * a - b / 3.0 + 1.5


def jacobi(u):
    u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    return u


def broadcast(m, v):
    return m * v + v


def add(a, b):
    return a + b


def _best(fn: Callable, args, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - start)
    return best


def main(rounds: int = 7) -> Dict[str, Dict[str, float]]:
    rng = np.random.default_rng(0)
    n = 4_000_000
    a, b = rng.random(n), rng.random(n)
    grid = rng.random((2000, 2000))
    m, v = rng.random((2000, 2000)), rng.random(2000)
    cases = {
        "5-op expression, n=4e6": (five_ops, (a, b)),
        "Jacobi sweep 2000x2000 (slices)": (jacobi, (grid,)),
        "broadcast 2-D * 1-D + 1-D": (broadcast, (m, v)),
        "a + b, n=4e6": (add, (a, b)),
    }
    rows: Dict[str, Dict[str, float]] = {}
    for name, (fn, args) in cases.items():
        impls = {"numpy": fn, "mumba": mumba.njit(fn)}
        if numba is not None:
            impls["numba"] = numba.njit(fn)
        for impl in impls.values():
            impl(*args)  # compile
        times = {k: float("inf") for k in impls}
        for _ in range(rounds):  # interleaved
            for k, impl in impls.items():
                times[k] = min(times[k], _best(impl, args, 1))
        rows[name] = times
        line = "  ".join(f"{k} {t * 1e3:8.2f} ms" for k, t in times.items())
        ratios = f"mumba/numba {times['mumba'] / times['numba']:.2f}" if "numba" in times else ""
        print(f"{name:34s} {line}  {ratios}  mumba/numpy {times['mumba'] / times['numpy']:.2f}")
    t = rows["a + b, n=4e6"]["mumba"]
    print(f"a + b: {3 * 8 * n / t / 1e9:.1f} GB/s (two reads, one write)")
    return rows


if __name__ == "__main__":
    main()
