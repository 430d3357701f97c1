"""Parallel loops: a compute-bound ``prange`` kernel compiled by Mumba with
``parallel=True`` beside Mumba's own serial code (the same source with
``parallel=False``) and beside Numba's ``parallel=True``; and the cost of
entering and leaving a parallel region with almost nothing to do.

    PYTHONPATH=build/python:. /usr/bin/python3 -m bench.parallel [--quick]

The thread count is every core (``MUMBA_NUM_THREADS`` and Numba's
``NUMBA_NUM_THREADS`` say otherwise). The report shows the speed-up over
Mumba's serial code, which is what the cores buy, and Mumba over Numba.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import timeit
from typing import Callable, Dict, List

import numpy as np

from .timing import interleaved_best

prange = range  # the kernels' globals: replaced by each JIT's prange


def waves(a):
    s = 0.0
    for i in prange(a.shape[0]):
        x = a[i]
        s += math.sin(x) * math.cos(x) + math.sqrt(x) * math.exp(-x)
    return s


def touch(out):
    for i in prange(out.shape[0]):
        out[i] = i


def _with_prange(fn: Callable, prange_object) -> Callable:
    """``fn`` with its global ``prange`` bound to ``prange_object``."""
    import types

    namespace = dict(fn.__globals__, prange=prange_object)
    return types.FunctionType(fn.__code__, namespace, fn.__name__)


def implementations(fn: Callable) -> Dict[str, Callable]:
    """Mumba serial, Mumba parallel and Numba parallel of one kernel."""
    import numba

    import mumba

    mumba_fn = _with_prange(fn, mumba.prange)
    numba_fn = _with_prange(fn, numba.prange)
    return {
        "mumba_serial": mumba.njit(mumba_fn),
        "mumba": mumba.njit(parallel=True)(mumba_fn),
        "numba": numba.njit(parallel=True)(numba_fn),
    }


def _per_call(f: Callable, arg, calls: int, loops: int) -> float:
    timer = timeit.Timer("f(a)", globals={"f": f, "a": arg})
    return min(timer.repeat(loops, calls)) / calls


def threads() -> int:
    import mumba

    return mumba.get_num_threads()


def measure(n: int, budget: float, calls: int, loops: int) -> Dict[str, Dict[str, float]]:
    """Row label -> implementation -> seconds per call."""
    a = np.random.default_rng(0).random(n)
    impls = implementations(waves)
    expected = sum(math.sin(x) * math.cos(x) + math.sqrt(x) * math.exp(-x) for x in a[:1000])
    for name, f in impls.items():
        got = f(a[:1000])
        assert math.isclose(got, expected, rel_tol=1e-12), (name, got, expected)
    compute = interleaved_best({k: (lambda f=f: f(a)) for k, f in impls.items()}, budget)
    # One iteration: what the region itself costs (its thread team's fork
    # and join), beside the serial loop's call.
    out = np.zeros(1, dtype=np.int64)
    regions = implementations(touch)
    region = {}
    for _ in range(2):  # interleave, keep the best
        for k, f in regions.items():
            f(out)
            t = _per_call(f, out, calls, loops)
            region[k] = min(region.get(k, t), t)
    return {
        f"compute-bound prange, {n:.0e} float64": compute,
        "a region of one iteration (per call)": region,
    }


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    opts = parser.parse_args(argv)
    n, budget, calls = (10**5, 0.2, 2_000) if opts.quick else (10**7, 3.0, 20_000)
    print(f"{threads()} threads ({os.cpu_count()} cores)")
    for label, row in measure(n, budget, calls, 5).items():
        cells = "  ".join(f"{k} {v * 1e6:10.2f} us" for k, v in row.items())
        print(f"{label:42s} {cells}  speed-up {row['mumba_serial'] / row['mumba']:.2f}  "
              f"mumba/numba {row['mumba'] / row['numba']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
