#!/usr/bin/env python3
"""Mumba demo: compile two kernels, check them against plain Python, and
print a timing table beside Numba (when ``import numba`` works).

Run from the repository root after building:

    PYTHONPATH=build/python /usr/bin/python3 bench/demo.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Dict, List, Tuple

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "build" / "python"))
sys.path.insert(0, str(ROOT))

from bench.fmt import seconds  # noqa: E402
from bench.kernels.reductions import array_sum  # noqa: E402
from bench.kernels.simulation import mandelbrot  # noqa: E402
from bench.timing import best_of, timed  # noqa: E402
from mumba import njit  # noqa: E402

try:
    import numba  # noqa: E402
except Exception:  # pragma: no cover - numba is optional
    numba = None

HEIGHT, WIDTH, MAXITER = 200, 300, 100
N_SUM = 1_000_000


class Kernel:
    """One benchmark: a function and a factory for fresh arguments."""

    def __init__(self, name: str, fn: Callable, make_args: Callable[[], tuple], result: Callable):
        self.name = name
        self.fn = fn
        self.make_args = make_args
        self.result = result  # (return value, args) -> comparable result


def _run(kernel: Kernel, compiled: Callable, repeat: int) -> Tuple[float, float, object]:
    """(compile seconds, steady seconds, result) of a jitted variant."""
    args = kernel.make_args()
    first, _ = timed(lambda: compiled(*args))
    args = kernel.make_args()
    ret = compiled(*args)
    result = kernel.result(ret, args)
    steady = best_of(lambda: compiled(*args), repeat)
    return max(first - steady, 0.0), steady, result


def main() -> int:
    kernels = [
        Kernel(
            f"mandelbrot {HEIGHT}x{WIDTH}, maxiter {MAXITER}",
            mandelbrot,
            lambda: (np.zeros((HEIGHT, WIDTH), dtype=np.int64), -2.0, 1.0, -1.0, 1.0, MAXITER),
            lambda ret, args: args[0].copy(),
        ),
        Kernel(
            f"loop sum of {N_SUM} float64",
            array_sum,
            lambda: (np.random.default_rng(0).random(N_SUM),),
            lambda ret, args: ret,
        ),
    ]
    rows: List[Dict[str, object]] = []
    for k in kernels:
        args = k.make_args()
        py_ret = k.fn(*args)
        expected = k.result(py_ret, args)
        py_time = best_of(lambda: k.fn(*k.make_args()), 1)

        mcompile, mtime, mresult = _run(k, njit(k.fn), 5)
        np.testing.assert_allclose(mresult, expected, rtol=1e-9)
        row = dict(name=k.name, python=py_time, mumba=mtime, mumba_compile=mcompile)
        if numba is not None:
            ncompile, ntime, nresult = _run(k, numba.njit(k.fn), 5)
            np.testing.assert_allclose(nresult, expected, rtol=1e-9)
            row.update(numba=ntime, numba_compile=ncompile)
        rows.append(row)
    print("results agree with plain Python\n")

    head = ["kernel", "python", "mumba", "speed-up", "mumba compile"]
    if numba is not None:
        head += ["numba", "numba compile", "mumba/numba"]
    table = [head]
    for r in rows:
        line = [
            str(r["name"]),
            seconds(r["python"]),
            seconds(r["mumba"]),
            f"{r['python'] / r['mumba']:.0f}x",
            seconds(r["mumba_compile"]),
        ]
        if numba is not None:
            line += [
                seconds(r["numba"]),
                seconds(r["numba_compile"]),
                f"{r['mumba'] / r['numba']:.2f}",
            ]
        table.append(line)
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    for j, row in enumerate(table):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if j == 0:
            print("  ".join("-" * w for w in widths))
    if numba is None:
        print("\n(numba is not importable: its columns are left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
