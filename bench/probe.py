"""Run in a fresh interpreter by :mod:`bench.overhead`: times ``import``
of a JIT package, or import plus the first call of a tiny jitted function.

    python3 -m bench.probe mumba|numba import|first_call

prints the seconds.
"""

from __future__ import annotations

import importlib
import sys
import time


def tiny(x, y):
    return x + y


def main() -> None:
    package, what = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    mod = importlib.import_module(package)
    if what == "first_call":
        mod.njit(tiny)(1, 2.0)
    print(time.perf_counter() - t0)


if __name__ == "__main__":
    main()
