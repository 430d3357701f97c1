"""Run the benchmark suite and write the report: ``./scripts/bench``.

    python3 -m bench.run [--quick] [--out DIR] [--kernels a,b,...]

The full run writes docs/benchmarks.md and docs/benchmarks.png; ``--quick``
(the one-minute subset) writes them under build/bench/quick/ instead.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Dict, List

from . import kernels, overhead, parallel, ufuncs
from .cbuild import CC
from .measure import KernelResult, measure_kernel, measure_sizes
from .plot import plot
from .report import markdown, summary
from .results import Run

ROOT = Path(__file__).resolve().parents[1]
C_DIR = ROOT / "build" / "bench" / "c"

#: Per mode: kernels, size, seconds of timing per kernel, scaling table,
#: fresh processes per start-up figure, (calls per loop, loops) for overhead.
MODES = {
    "full": dict(kernels=kernels.ALL, size="full", budget=3.0, scaling=kernels.SCALING,
                 startup=5, calls=(100_000, 9), ufunc_size=10**7, out=ROOT / "docs"),
    "quick": dict(kernels=kernels.QUICK, size="quick", budget=0.2, scaling={},
                  startup=1, calls=(20_000, 3), ufunc_size=10**5,
                  out=ROOT / "build" / "bench" / "quick"),
}


def _sh(cmd: List[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).stdout.strip()
    except OSError:
        return ""


def machine() -> str:
    """``lscpu``'s model name and CPU count (and hypervisor, if any)."""
    fields = {}
    for line in _sh(["lscpu"]).splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    text = f"{fields.get('Model name', platform.processor())}, {fields.get('CPU(s)', '?')} cores"
    caches = [f"{level} {fields[key].split(' (')[0]}"  # lscpu: "4 MiB (2 instances)", in all
              for level, key in (("L2", "L2 cache"), ("L3", "L3 cache")) if fields.get(key)]
    extra = ([f"{fields['Hypervisor vendor']} guest"] if fields.get("Hypervisor vendor") else []) + caches
    if extra:
        text += f" ({', '.join(extra)})"
    return text


def metadata() -> Dict[str, str]:
    import numba
    import numpy

    import mumba

    commit = _sh(["git", "rev-parse", "--short", "HEAD"])
    # Others may be changing the compiler in this working tree: say so.
    if _sh(["git", "status", "--porcelain", "--", "lib", "include", "python", "tools"]):
        commit += " + uncommitted compiler changes"
    return dict(
        date=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        machine=machine(),
        mumba=f"{mumba.__version__} ({commit})" if commit else mumba.__version__,
        numba=numba.__version__,
        numpy=numpy.__version__,
        cc=_sh([CC, "--version"]).splitlines()[0] if _sh([CC, "--version"]) else CC,
        python=platform.python_version(),
    )


def warm_up_compilers() -> None:
    """Compile a tiny function with both JITs so that their one-time
    start-up is not charged to the first kernel's compile time."""
    import numba

    import mumba

    mumba.njit(overhead.noop_scalars)(1, 2.0)
    numba.njit(overhead.noop_scalars)(1, 2.0)


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the one-minute subset")
    parser.add_argument("--out", type=Path, help="where benchmarks.md/.png go")
    parser.add_argument("--kernels", help="comma-separated kernel names (for development)")
    opts = parser.parse_args(argv)
    mode = "quick" if opts.quick else "full"
    cfg = MODES[mode]
    out_dir = opts.out or cfg["out"]
    if opts.kernels and not opts.out:  # a partial run never overwrites docs/
        out_dir = ROOT / "build" / "bench" / "partial"
    chosen = cfg["kernels"]
    if opts.kernels:
        chosen = [kernels.by_name(n) for n in opts.kernels.split(",")]

    t_start = time.perf_counter()
    run = Run(mode=mode, core=[], fastmath=[], meta=metadata())
    warm_up_compilers()
    fastmath_names = {k.name for k in kernels.FASTMATH}
    for k in chosen:
        try:
            r: KernelResult = measure_kernel(k, k.sizes[cfg["size"]], C_DIR, cfg["budget"])
        except Exception as exc:  # report it and go on with the others
            traceback.print_exc()
            run.failures[k.name] = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            continue
        (run.fastmath if k.name in fastmath_names else run.core).append(r)
        print(f"{k.name:16s} mumba/numba {r.ratio('mumba', 'numba'):5.2f}  "
              f"mumba/c {r.ratio('mumba', 'c'):5.2f}  "
              f"compile {r.compile['mumba'] * 1e3:5.0f} ms vs {r.compile['numba'] * 1e3:5.0f} ms",
              flush=True)
    for name, sizes in cfg["scaling"].items():
        if opts.kernels and name not in opts.kernels.split(","):
            continue
        print(f"scaling {name} {sizes}", flush=True)
        run.scaling[name] = measure_sizes(kernels.by_name(name), sizes, C_DIR, cfg["budget"] / 2)
    if not opts.kernels:
        print("start-up and call overhead", flush=True)
        run.startup = overhead.startup(cfg["startup"])
        run.calls = overhead.call_overhead(*cfg["calls"])
        print("ufuncs", flush=True)
        run.ufuncs = ufuncs.measure(cfg["ufunc_size"], cfg["budget"], *cfg["calls"])
        print("parallel loops", flush=True)
        calls, loops = cfg["calls"]
        run.parallel = parallel.measure(cfg["ufunc_size"], cfg["budget"], calls // 10, loops)
        run.threads = parallel.threads()
    run.meta["wall"] = f"{time.perf_counter() - t_start:.0f} s"

    png = plot(run, out_dir / "benchmarks.png")
    md = markdown(run, png.name if png else None, f"{cfg['budget']} s per kernel")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "benchmarks.md").write_text(md + "\n")
    print()
    print(summary(run))
    print(f"wrote {out_dir / 'benchmarks.md'}" + (f" and {png}" if png else " (no matplotlib: no plot)"))
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
