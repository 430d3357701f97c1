"""Ufuncs: a Mumba ``@vectorize`` ufunc beside the same ``@numba.vectorize``
one and NumPy's own ufunc expression, on a large float64 array and on a
10-element one (where the call itself is what is timed).

    PYTHONPATH=build/python:. /usr/bin/python3 -m bench.ufuncs [--quick]
"""

from __future__ import annotations

import argparse
import sys
import timeit
from typing import Callable, Dict, List

import numpy as np

from .timing import interleaved_best

SIGNATURES = ["float64(float64, float64)"]


def blend(x, y):
    return 2.0 * x + y * y


def numpy_blend(x, y):
    return 2.0 * x + y * y


def ufuncs() -> Dict[str, Callable]:
    """The three implementations, each called as ``f(x, y)``."""
    import numba

    import mumba

    return {
        "mumba": mumba.vectorize(SIGNATURES)(blend),
        "numba": numba.vectorize(SIGNATURES)(blend),
        "numpy": numpy_blend,
    }


def _check(impls: Dict[str, Callable], x: np.ndarray, y: np.ndarray) -> None:
    expected = numpy_blend(x, y)
    for name, f in impls.items():
        np.testing.assert_allclose(f(x, y), expected, rtol=1e-15, err_msg=name)


def _per_call(f: Callable, x: np.ndarray, y: np.ndarray, calls: int, loops: int) -> float:
    timer = timeit.Timer("f(x, y)", globals={"f": f, "x": x, "y": y})
    return min(timer.repeat(loops, calls)) / calls


def measure(n: int, budget: float, calls: int, loops: int) -> Dict[str, Dict[str, float]]:
    """Row label -> implementation -> seconds: one call on ``n`` float64s,
    and the per-call time on 10 elements."""
    impls = ufuncs()
    rng = np.random.default_rng(0)
    x, y = rng.random(n), rng.random(n)
    _check(impls, x, y)
    big = interleaved_best({k: (lambda f=f: f(x, y)) for k, f in impls.items()}, budget)
    xs, ys = x[:10].copy(), y[:10].copy()
    _check(impls, xs, ys)
    small = {}
    for _ in range(2):  # interleave the implementations, keep the best
        for k, f in impls.items():
            t = _per_call(f, xs, ys, calls, loops)
            small[k] = min(small.get(k, t), t)
    return {f"`2x + y*y`, {n:.0e} float64": big, "`2x + y*y`, 10 float64 (per call)": small}


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    opts = parser.parse_args(argv)
    n, budget, calls = (10**5, 0.2, 20_000) if opts.quick else (10**7, 3.0, 100_000)
    for label, row in measure(n, budget, calls, 5).items():
        cells = "  ".join(f"{k} {v * 1e6:9.2f} us" for k, v in row.items())
        print(f"{label:40s} {cells}  mumba/numba {row['mumba'] / row['numba']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
