"""Timing primitives: one timed call, and interleaved best-of-N rounds."""

from __future__ import annotations

import gc
import time
from typing import Any, Callable, Dict, Tuple


def timed(fn: Callable[[], Any]) -> Tuple[float, Any]:
    """(seconds, return value) of one call."""
    t0 = time.perf_counter()
    ret = fn()
    return time.perf_counter() - t0, ret


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    """The fastest of ``repeat`` calls, in seconds."""
    return min(timed(fn)[0] for _ in range(repeat))


def rounds_for(budget: float, one_round: float, low: int = 3, high: int = 30) -> int:
    """How many rounds fit in ``budget`` seconds when one round takes
    ``one_round`` seconds, clamped to ``[low, high]``."""
    if one_round <= 0.0:
        return high
    return max(low, min(high, int(budget / one_round)))


def interleaved_best(fns: Dict[str, Callable[[], Any]], budget: float) -> Dict[str, float]:
    """Best time of each callable, after one warm-up call each.

    The calls are interleaved (one of each per round) so that a burst of
    machine noise hits every implementation alike, and the order rotates
    each round so that none always runs after the same neighbour (which
    leaves the caches in its own state).  The number of rounds is chosen so
    that all of them take about ``budget`` seconds.  The garbage collector
    is off while timing.
    """
    warm = {name: timed(fn)[0] for name, fn in fns.items()}
    n = rounds_for(budget, sum(warm.values()))
    best = dict(warm)
    enabled = gc.isenabled()
    gc.disable()
    try:
        names = list(fns)
        for r in range(n):
            for i in range(len(names)):
                name = names[(r + i) % len(names)]
                best[name] = min(best[name], timed(fns[name])[0])
    finally:
        if enabled:
            gc.enable()
    return best
