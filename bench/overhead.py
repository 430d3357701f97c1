"""Start-up and per-call costs: import time in fresh processes, the first
call of a tiny function, and the dispatcher's call overhead."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import timeit
from pathlib import Path
from typing import Callable, Dict, List, Tuple

import numpy as np


ROOT = Path(__file__).resolve().parents[1]
JITS = ("mumba", "numba")


def noop_scalars(x, y):
    return None


def noop_array(a):
    return None


def first(x, y):
    return x


def second(x, y):
    return y


def pair(x, y):
    return x, y


def second_if_first_positive(x, y):
    if x > 0:
        return y
    return None


def first_item(a):
    return a[0]


def identity(a):
    return a


def copy_of(a):
    return a.copy()


def call_cases() -> List[Tuple[str, Callable, tuple]]:
    """(label, function, arguments) of each call timed for its overhead: the
    no-ops, then one per kind of result (issue 21), each boxed by the JIT."""
    a = np.zeros(10)
    cases = [
        ("no-op `f(1, 2.0)`", noop_scalars, (1, 2.0)),
        ("no-op `f(a)`", noop_array, (a,)),
        ("`f(x, y): return x` on `(1, 2.0)`: int64", first, (1, 2.0)),
        ("`f(x, y): return y` on `(1, 2.0)`: float64", second, (1, 2.0)),
        ("`f(x, y): return x` on `(True, 2.0)`: bool", first, (True, 2.0)),
    ]
    for dtype in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
                  "bool_", "float32", "float64", "complex64", "complex128"):
        value = np.dtype(dtype).type(1)
        cases.append((f"`return y`, y a NumPy {dtype}", second, (1, value)))
    cases += [
        ("`return y`, y = 2j: complex128", second, (1, 2j)),
        ("`return x, y` on `(1, 2.0)`: a tuple", pair, (1, 2.0)),
        ("Optional result, a number", second_if_first_positive, (1, 2.0)),
        ("Optional result, None", second_if_first_positive, (-1, 2.0)),
        ("`return a[0]`, a float64 array", first_item, (a,)),
        ("`return a`: a view of the argument", identity, (a,)),
        ("`return a.copy()`: a new array", copy_of, (a,)),
    ]
    return cases


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


def _timer(fn: Callable, args: tuple) -> timeit.Timer:
    """Times the call itself, ``f(a0, a1)`` spelt out: no lambda or ``*args``
    around it to add their own cost to both JITs."""
    names = [f"a{i}" for i in range(len(args))]
    return timeit.Timer(f"f({', '.join(names)})", globals=dict(zip(names, args), f=fn))


def call_overhead(number: int, repeat: int) -> Dict[str, Dict[str, float]]:
    """Seconds per call of each of :func:`call_cases` for Mumba, Numba and a
    plain Python function: the best of ``repeat`` rounds of ``number``
    calls, the three interleaved in each round (the order rotating) so that
    machine noise hits them alike."""
    import mumba
    import numba

    out: Dict[str, Dict[str, float]] = {}
    for label, fn, args in call_cases():
        variants = {"mumba": mumba.njit(fn), "numba": numba.njit(fn), "python": fn}
        for f in variants.values():
            f(*args)  # compile
        timers = {name: _timer(f, args) for name, f in variants.items()}
        names = list(timers)
        best = {name: float("inf") for name in names}
        for r in range(repeat):
            for i in range(len(names)):
                name = names[(r + i) % len(names)]
                best[name] = min(best[name], timers[name].timeit(number) / number)
        out[label] = best
    return out
