"""Start-up and per-call costs: import time in fresh processes, the first
call of a tiny function, and the dispatcher's call overhead."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import timeit
from pathlib import Path
from typing import Callable, Dict, List

import numpy as np


ROOT = Path(__file__).resolve().parents[1]
JITS = ("mumba", "numba")


def noop_scalars(x, y):
    return None


def noop_array(a):
    return None


def _fresh(package: str, what: str) -> float:
    """Seconds reported by :mod:`bench.probe` in a new interpreter."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "build" / "python"), str(ROOT)])
    out = subprocess.run(
        [sys.executable, "-m", "bench.probe", package, what],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )
    return float(out.stdout.split()[-1])


def startup(repeat: int) -> Dict[str, Dict[str, float]]:
    """Median over ``repeat`` fresh processes of ``import`` and of import
    plus a first call (``{"import": {"mumba": s, "numba": s}, ...}``)."""
    result: Dict[str, Dict[str, float]] = {}
    for what in ("import", "first_call"):
        samples: Dict[str, List[float]] = {p: [] for p in JITS}
        for _ in range(repeat):
            for p in JITS:  # interleaved, like the kernels
                samples[p].append(_fresh(p, what))
        result[what] = {p: statistics.median(s) for p, s in samples.items()}
    return result


def _per_call(call: Callable[[], object], number: int, repeat: int) -> float:
    """Best seconds per call over ``repeat`` loops of ``number`` calls."""
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number


def call_overhead(number: int, repeat: int) -> Dict[str, Dict[str, float]]:
    """Seconds per call of a no-op ``f(1, 2.0)`` and ``f(a)`` on a
    10-element array, for Mumba, Numba and a plain Python function."""
    import mumba
    import numba

    a = np.zeros(10)
    cases = {"f(1, 2.0)": (noop_scalars, (1, 2.0)), "f(a)": (noop_array, (a,))}
    out: Dict[str, Dict[str, float]] = {}
    for label, (fn, args) in cases.items():
        variants = {"mumba": mumba.njit(fn), "numba": numba.njit(fn), "python": fn}
        row = {}
        for name, f in variants.items():
            f(*args)  # compile
            row[name] = _per_call(lambda f=f: f(*args), number, repeat)
        out[label] = row
    return out
