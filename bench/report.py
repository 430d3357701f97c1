"""docs/benchmarks.md from a :class:`~bench.results.Run`."""

from __future__ import annotations

from typing import Dict, List, Optional

from . import findings
from .cbuild import CC, CFLAGS
from .fmt import ratio, seconds, table
from .measure import KernelResult
from .results import NOISE, Run

METHOD = """\
- Every kernel is written once in Python (`bench/kernels/`) and compiled by
  `mumba.njit` and `numba.njit` from the same source, with the same options
  (Numba's defaults: no fastmath, `error_model="python"`, no boundscheck).
  The C version (`bench/c/<kernel>.c`, the same loops) is built with
  `{cc} {cflags} -shared -fPIC` and called through ctypes with NumPy's data
  pointers; arguments are converted once, outside the timed call, and the
  suite's calls run for milliseconds, so the ctypes call (about a
  microsecond) does not matter (it shows a little in the smallest scaling
  sizes). `-ffp-contract=off` keeps clang from fusing `a*b + c` into an FMA,
  which Python semantics (and Mumba and Numba without fastmath) never do:
  the C results then agree with Python's, and a dot product is not slowed
  down by putting the FMA's latency on its dependency chain (1.7× with
  clang's default). The C arrays are not `restrict` (bench/c/README.md).
  The NumPy column is a vectorised equivalent with the same arguments,
  where one exists.
- Output arrays are allocated by the caller and passed in (Mumba cannot
  create arrays in compiled code yet); kernels are idempotent, so repeated
  calls do the same work.
- Correctness first: at a small size every implementation is compared with
  plain Python (the oracle), and at the timed size with Numba; integers
  must agree exactly, floats to the kernel's tolerance.
- Compile time: the first call (at the small size) minus a steady call at
  that size. Both compilers are warmed up on a tiny function first, so the
  one-time start-up (loading LLVM) is not charged to the first kernel; it
  is in "first call" under start-up below.
- Run time: the best of N calls after a warm-up call, with the
  implementations interleaved (one call of each per round, the order
  rotating from round to round) so that machine noise and cache state hit
  all alike; N is chosen to fill a time budget ({budget}) and lies between
  3 and 30. All implementations are timed on the same arrays (checked on
  separate ones first), on two fresh sets of them in turn, each keeping
  its best: where arrays land in memory moves some kernels by 10–20 %.
  NumPy is timed after the compiled three, not among them: its large
  temporaries slow down the calls that follow them.
- The 1-D kernels use 4 M float64 elements (32 MB an array): where the
  L3 cache is large (see the machine above) they stay in it between calls,
  and bandwidth-bound kernels measure L3 bandwidth, alike for every
  implementation.
- Plain Python runs at the small size only: "vs Python" is plain Python's
  time over Mumba's at that size (column "Python/Mumba").
- Ratios are time over time: below 1 means Mumba is faster. Means are
  geometric over the {n} core kernels; the fastmath variants are reported
  apart. Ratios within {noise:.0%} of 1 are within run-to-run noise.
"""


CALLS_INTRO = """\
Per call, by what the function returns (the result is boxed into a Python
object by each JIT): best of several rounds of many calls, Mumba, Numba and
plain Python interleaved in one process, the call itself timed (`f(a0, a1)`
in `timeit`, no lambda around it)."""


PARALLEL_INTRO = (
    "`for i in prange(n)` with `parallel=True` on {threads} threads (bench/parallel.py, "
    "docs/parallel.md): a compute-bound reduction (`sin(x) * cos(x) + sqrt(x) * exp(-x)` "
    "summed), beside the same source compiled serially by Mumba (the speed-up is what "
    "the threads buy) and by Numba with `parallel=True`; and a loop of one iteration, "
    "which costs what entering and leaving a parallel region costs. The cores are "
    "shared with whatever else runs on the machine."
)

UFUNCS_INTRO = (
    "`@mumba.vectorize` and `@numba.vectorize` ufuncs of `2.0 * x + y * y` (signature "
    "`float64(float64, float64)`) beside NumPy's own expression (three ufunc calls, two "
    "temporaries); each call allocates its result (bench/ufuncs.py, docs/ufuncs.md)."
)


def _kernel_rows(results: List[KernelResult]) -> List[List[str]]:
    rows = []
    for r in results:
        k, t = r.kernel, r.times
        speedup = r.python / r.mumba_small if r.python and r.mumba_small else None
        rows.append([
            f"{k.name}", k.label(r.size),
            seconds(t.get("c")), seconds(t.get("numba")), seconds(t.get("mumba")),
            seconds(t.get("numpy")),
            ratio(r.ratio("mumba", "numba")), ratio(r.ratio("mumba", "c")),
            ratio(r.ratio("mumba", "numpy")),
            f"{speedup:.0f}×" if speedup else "-",
        ])
    return rows


def _run_table(run: Run, results: List[KernelResult]) -> List[str]:
    head = ["kernel", "size", "C", "Numba", "Mumba", "NumPy",
            "Mumba/Numba", "Mumba/C", "Mumba/NumPy", "Python/Mumba (small size)"]
    rows = _kernel_rows(results)
    rows.append(["**geomean**", "", "", "", "", "",
                 f"**{ratio(run.ratio_mean('mumba', 'numba', results))}**",
                 f"**{ratio(run.ratio_mean('mumba', 'c', results))}**",
                 f"**{ratio(run.ratio_mean('mumba', 'numpy', results))}**", ""])
    return table(head, rows, right_from=2)


def _slower(run: Run) -> List[str]:
    lines = []
    for r, q in run.slower_than_numba():
        reason = findings.VS_NUMBA.get(r.kernel.name)
        if reason is None:
            reason = (f"within the {NOISE - 1:.0%} noise" if q <= NOISE
                      else "not analysed yet")
        lines.append(f"- **{r.kernel.name}** ({q:.2f}×): {reason}")
    if not lines:
        lines.append("- none: Mumba is at least as fast as Numba on every kernel.")
    behind_c = [(r, r.ratio("mumba", "c")) for r in run.core + run.fastmath]
    behind_c = [(r, q) for r, q in behind_c if q is not None and q > NOISE]
    if behind_c:
        lines += ["", f"Kernels where Mumba is more than {NOISE - 1:.0%} behind C:", ""]
        for r, q in sorted(behind_c, key=lambda rq: -rq[1]):
            reason = findings.VS_C.get(r.kernel.name, "not analysed yet")
            lines.append(f"- **{r.kernel.name}** ({q:.2f}× C): {reason}")
    return lines


def _compile_table(run: Run) -> List[str]:
    rows = []
    for r in run.core:
        m, n = r.compile.get("mumba"), r.compile.get("numba")
        rows.append([r.kernel.name, seconds(m), seconds(n), ratio(m / n if m and n else None)])
    rows.append(["**geomean**", "", "", f"**{ratio(run.compile_mean())}**"])
    return table(["kernel", "Mumba", "Numba", "Mumba/Numba"], rows)


def _startup(run: Run) -> List[str]:
    rows = []
    labels = {"import": "`import` (fresh process)",
              "first_call": "`import`, `njit`, first call of `f(1, 2.0)` (fresh process)"}
    for what, row in run.startup.items():
        m, n = row.get("mumba"), row.get("numba")
        rows.append([labels.get(what, what), seconds(m), seconds(n), ratio(m / n if m and n else None)])
    return table(["", "Mumba", "Numba", "Mumba/Numba"], rows)


def _calls(run: Run) -> List[str]:
    rows = []
    for call, row in run.calls.items():
        m, n = row.get("mumba"), row.get("numba")
        rows.append([call, seconds(m), seconds(n), ratio(m / n if m and n else None),
                     seconds(row.get("python"))])
    return table(["call (per call)", "Mumba", "Numba", "Mumba/Numba", "plain Python"], rows)


def _ufuncs(run: Run) -> List[str]:
    rows = []
    for label, row in run.ufuncs.items():
        m, n, p = row.get("mumba"), row.get("numba"), row.get("numpy")
        rows.append([label, seconds(m), seconds(n), seconds(p), ratio(m / n if m and n else None),
                     ratio(m / p if m and p else None)])
    return table(["ufunc call", "Mumba", "Numba", "NumPy", "Mumba/Numba", "Mumba/NumPy"], rows)


def _parallel(run: Run) -> List[str]:
    rows = []
    for label, row in run.parallel.items():
        s, m, n = row.get("mumba_serial"), row.get("mumba"), row.get("numba")
        rows.append([label, seconds(s), seconds(m), seconds(n),
                     ratio(s / m if s and m else None), ratio(m / n if m and n else None)])
    return table(["prange", "Mumba serial", "Mumba parallel", "Numba parallel",
                  "speed-up", "Mumba/Numba"], rows)


def _scaling(run: Run, kernels: Dict[str, KernelResult]) -> List[str]:
    rows = []
    for name, by_size in run.scaling.items():
        k = kernels[name].kernel if name in kernels else None
        for n, t in by_size.items():
            m = t.get("mumba")
            rows.append([name, k.label(n) if k else str(n), seconds(t.get("c")),
                         seconds(t.get("numba")), seconds(m),
                         ratio(m / t["numba"] if m and t.get("numba") else None),
                         ratio(m / t["c"] if m and t.get("c") else None)])
    return table(["kernel", "size", "C", "Numba", "Mumba", "Mumba/Numba", "Mumba/C"], rows, 2)


def markdown(run: Run, plot_name: Optional[str], budget: str) -> str:
    """The whole report."""
    meta = run.meta
    out = [
        "# Benchmarks",
        "",
        "<!-- Written by ./scripts/bench; do not edit by hand. -->",
        "",
        f"Measured {meta.get('date', '?')} on {meta.get('machine', '?')}"
        f" ({run.mode} run, {meta.get('wall', '?')}).",
        f"Mumba {meta.get('mumba', '?')}; Numba {meta.get('numba', '?')};"
        f" NumPy {meta.get('numpy', '?')}; {meta.get('cc', CC)}; Python {meta.get('python', '?')}.",
        "Reproduce with `./scripts/bench` (`--quick` for the one-minute subset).",
        "",
        "## Goals",
        "",
    ]
    out += table(["goal", "target", "measured", ""],
                 [[g.what, g.target, g.measured, "met" if g.met else "**not met**"]
                  for g in run.goals()], right_from=9)
    if run.failures:
        out += ["", "## Failures", "", "These kernels are missing from every table below:", ""]
        out += [f"- **{name}**: {why}" for name, why in run.failures.items()]
    out += ["", "## Run time", ""]
    if plot_name:
        out += [f"![Mumba's run time over Numba's and over C's, per kernel]({plot_name})", ""]
    out += _run_table(run, run.core)
    out += ["", "### Where Mumba is slower than Numba", ""] + _slower(run)
    if run.fastmath:
        out += ["", "### fastmath variants", "",
                "The same kernels with `fastmath=True` for both JITs and `-ffast-math` for C.", ""]
        out += _run_table(run, run.fastmath)
    out += ["", "## Compile time", "", "First call minus a steady call, at the small size.", ""]
    out += _compile_table(run)
    if run.startup or run.calls:
        out += ["", "## Start-up and call overhead", ""] + _startup(run)
    if run.calls:
        out += ["", CALLS_INTRO, ""] + _calls(run)
    if run.ufuncs:
        out += ["", "## Ufuncs", "", UFUNCS_INTRO, ""] + _ufuncs(run)
    if run.parallel:
        out += ["", "## Parallel loops", "", PARALLEL_INTRO.format(threads=run.threads), ""]
        out += _parallel(run)
    if run.scaling:
        out += ["", "## Scaling with problem size", ""]
        out += _scaling(run, {r.kernel.name: r for r in run.core})
    out += ["", "## Other findings", ""] + [f"- {line}" for line in findings.GENERAL]
    notes = [r.kernel for r in run.core + run.fastmath if r.kernel.note]
    if notes:
        out += ["", "## Notes on kernels", ""]
        out += [f"- **{k.name}**: {k.note}" for k in notes]
    out += ["", "## Method", "",
            METHOD.format(cc=CC, cflags=" ".join(CFLAGS), budget=budget,
                          n=len(run.core), noise=NOISE - 1)]
    return "\n".join(out)


def summary(run: Run) -> str:
    """The goals and the worst kernels, for the terminal."""
    lines = [f"{'goal':55s} {'target':>10s} {'measured':>10s}"]
    for g in run.goals():
        lines.append(f"{g.what:55s} {g.target:>10s} {g.measured:>10s}  {'met' if g.met else 'NOT MET'}")
    for name, why in run.failures.items():
        lines.append(f"FAILED {name}: {why}")
    slow = run.slower_than_numba()
    if slow:
        lines.append("slower than Numba: " + ", ".join(f"{r.kernel.name} {q:.2f}" for r, q in slow))
    return "\n".join(lines)
