"""Measure one kernel: check it, time its compilation and its runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Sequence

from .checks import assert_agree, check_against_python
from .impls import NAMES, implementations, prepared
from .kernel import Kernel
from .timing import best_of, interleaved_best, timed

JITS = ("mumba", "numba")


@dataclass
class KernelResult:
    """Everything measured for one kernel at one size (seconds)."""

    kernel: Kernel
    size: int
    #: best run time per implementation at ``size``
    times: Dict[str, float]
    #: compile time of the first call per JIT
    compile: Dict[str, float] = field(default_factory=dict)
    #: plain Python and Mumba at the small check size
    check_size: int = 0
    python: Optional[float] = None
    mumba_small: Optional[float] = None

    def ratio(self, a: str, b: str) -> Optional[float]:
        """times[a] / times[b], or None when either is missing."""
        if a in self.times and b in self.times and self.times[b] > 0:
            return self.times[a] / self.times[b]
        return None


def agree_at(
    kernel: Kernel, impls: Dict[str, Callable[..., Any]], n: int
) -> Dict[str, Callable[[], Any]]:
    """Run every implementation once on its own fresh arguments of size
    ``n`` and check that all agree with Numba (which runs the same source);
    returns the prepared calls, ready to be timed."""
    calls = {}
    results = {}
    for name, impl in impls.items():
        args = kernel.make_args(n)
        call = prepared(impl, args)
        _, ret = timed(call)
        results[name] = kernel.result(ret, args)
        calls[name] = call
    ref = "numba" if "numba" in results else next(iter(results))
    for name, got in results.items():
        if name != ref:
            assert_agree(kernel, got, results[ref], name, ref)
    return calls


#: Fresh argument sets each kernel is timed on (see _time_at).
PLACEMENTS = 2


def _time_at(
    kernel: Kernel, impls: Dict[str, Callable[..., Any]], n: int, budget: float
) -> Dict[str, float]:
    """Check the implementations at size ``n``, then time them side by side.

    Where arrays land in memory (huge pages or not, 4K aliasing between a
    kernel's loads and stores) moves some kernels by 10–20 %, and not alike
    for different machine code.  So all implementations are timed on the
    same arrays, and on :data:`PLACEMENTS` fresh sets of them, each keeping
    its best.  Sharing is safe: no kernel writes its inputs, and each
    overwrites its outputs whole.
    """
    agree_at(kernel, impls, n)
    best: Dict[str, float] = {}
    # NumPy is timed apart: its temporaries (tens of MB, allocated and
    # freed on every call) slow down whatever runs after them, and the
    # JITs' code more than C's (histogram: 1.0 vs Numba alone, 1.2 beside NumPy).
    groups = [[k for k in impls if k != "numpy"], [k for k in impls if k == "numpy"]]
    for group in filter(None, groups):
        for _ in range(PLACEMENTS):
            args = kernel.make_args(n)
            calls = {name: prepared(impls[name], args) for name in group}
            for name, t in interleaved_best(calls, budget / PLACEMENTS).items():
                best[name] = min(best.get(name, t), t)
    return best


def measure_kernel(kernel: Kernel, n: int, c_dir: Path, budget: float) -> KernelResult:
    """Check ``kernel`` against plain Python at its check size (the JITs'
    first calls compile there: compile time is that call minus a steady
    call), then time every implementation at size ``n``."""
    impls = implementations(kernel, c_dir)
    small = kernel.sizes["check"]
    first = check_against_python(kernel, impls, small)
    steady = {}
    for name in JITS:
        args = kernel.make_args(small)
        steady[name] = best_of(prepared(impls[name], args), 3)
    compile_s = {name: max(first[name] - steady[name], 0.0) for name in JITS}
    times = _time_at(kernel, impls, n, budget)
    return KernelResult(
        kernel, n, times, compile_s, small, first["python"], steady["mumba"]
    )


def measure_sizes(
    kernel: Kernel, sizes: Sequence[int], c_dir: Path, budget: float
) -> Dict[int, Dict[str, float]]:
    """Best times of Mumba, Numba and C at each size (for the scaling table)."""
    impls = implementations(kernel, c_dir, ("mumba", "numba", "c"))
    return {n: _time_at(kernel, impls, n, budget) for n in sizes}
