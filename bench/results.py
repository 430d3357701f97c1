"""A whole run's measurements, their geometric means and the goals."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from .measure import KernelResult

#: A ratio within this factor of 1 is a tie: run-to-run noise on this
#: machine is a few per cent.
NOISE = 1.05


def geomean(values: Sequence[Optional[float]]) -> Optional[float]:
    """Geometric mean of the values that are present and positive."""
    vals = [v for v in values if v is not None and v > 0]
    if not vals:
        return None
    return math.exp(sum(math.log(v) for v in vals) / len(vals))


@dataclass
class Goal:
    """One goal from the issue, with what this run measured."""

    what: str
    target: str
    measured: str
    met: bool


@dataclass
class Run:
    """Everything one ``./scripts/bench`` run measured (seconds)."""

    mode: str
    core: List[KernelResult]
    fastmath: List[KernelResult]
    #: kernel name -> size -> implementation -> best seconds
    scaling: Dict[str, Dict[int, Dict[str, float]]] = field(default_factory=dict)
    #: "import" / "first_call" -> JIT -> median seconds in fresh processes
    startup: Dict[str, Dict[str, float]] = field(default_factory=dict)
    #: call (bench.overhead.call_cases) -> "mumba" / "numba" / "python" -> seconds per call
    calls: Dict[str, Dict[str, float]] = field(default_factory=dict)
    #: row (bench.ufuncs.measure) -> "mumba" / "numba" / "numpy" -> seconds per call
    ufuncs: Dict[str, Dict[str, float]] = field(default_factory=dict)
    #: row (bench.parallel.measure) -> "mumba_serial" / "mumba" / "numba" -> seconds per call
    parallel: Dict[str, Dict[str, float]] = field(default_factory=dict)
    #: threads the parallel rows ran on
    threads: int = 0
    meta: Dict[str, str] = field(default_factory=dict)
    #: kernel name -> why it could not be measured (compile error, mismatch)
    failures: Dict[str, str] = field(default_factory=dict)

    def ratio_mean(self, a: str, b: str, results: Optional[List[KernelResult]] = None) -> Optional[float]:
        """Geometric mean over the core kernels of times[a] / times[b]."""
        return geomean([r.ratio(a, b) for r in (self.core if results is None else results)])

    def compile_mean(self) -> Optional[float]:
        """Geometric mean over the core kernels of Mumba's compile time over Numba's."""
        return geomean(
            [r.compile["mumba"] / r.compile["numba"] for r in self.core if r.compile.get("numba")]
        )

    def slower_than_numba(self) -> List[Tuple[KernelResult, float]]:
        """Kernels (core and fastmath) where Mumba took longer than Numba."""
        out = []
        for r in self.core + self.fastmath:
            q = r.ratio("mumba", "numba")
            if q is not None and q > 1.0:
                out.append((r, q))
        return sorted(out, key=lambda rq: -rq[1])

    def goals(self) -> List[Goal]:
        """The issue's goals, each met or not by this run."""
        out: List[Goal] = []

        def add(what: str, target: float, value: Optional[float], fmt: str, cmp: str = "<=") -> None:
            met = value is not None and value <= target
            shown = "-" if value is None else fmt.format(value)
            out.append(Goal(what, f"{cmp} {fmt.format(target)}", shown, met))

        n = len(self.core)
        add(f"run time Mumba/Numba, geomean of {n} kernels", 0.8, self.ratio_mean("mumba", "numba"), "{:.2f}")
        add(f"run time Mumba/C, geomean of {n} kernels", 1.1, self.ratio_mean("mumba", "c"), "{:.2f}")
        add("compile time Mumba/Numba, geomean", 0.5, self.compile_mean(), "{:.2f}")
        if self.calls:
            worst = max((row["mumba"] / row["numba"] for row in self.calls.values()
                         if row.get("numba")), default=None)
            add(f"call overhead Mumba/Numba, worst of {len(self.calls)} calls (no-ops, each result kind)",
                0.6, worst, "{:.2f}")
        compute = next((row for label, row in self.parallel.items() if "compute" in label), None)
        if compute and self.threads >= 2:
            speedup = compute["mumba_serial"] / compute["mumba"]
            out.append(Goal(f"prange speed-up over Mumba's serial code, {self.threads} threads",
                            ">= 1.80", f"{speedup:.2f}", speedup >= 1.8))
            add("prange run time Mumba/Numba (both parallel=True)", 1.0,
                compute["mumba"] / compute["numba"], "{:.2f}")
        imp = self.startup.get("import", {}).get("mumba")
        add("`import mumba` (fresh process, median)", 0.1, imp, "{:.3f} s")
        return out
