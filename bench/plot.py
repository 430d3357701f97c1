"""docs/benchmarks.png: Mumba's run time over Numba's and over C's."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Tuple

from .cbuild import CC, CFLAGS
from .results import Run


def _bars(run: Run, other: str) -> Tuple[List[str], List[float], List[str]]:
    names, values, colours = [], [], []
    for group, colour in ((run.core, "tab:blue"), (run.fastmath, "tab:orange")):
        for r in group:
            q = r.ratio("mumba", other)
            if q is not None:
                names.append(r.kernel.name)
                values.append(q)
                colours.append(colour)
    mean = run.ratio_mean("mumba", other)
    if mean is not None:
        names.append("geomean (core)")
        values.append(mean)
        colours.append("black")
    return names, values, colours


def plot(run: Run, path: Path) -> Optional[Path]:
    """Write the figure; None when matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import matplotlib.ticker
    except ImportError:
        return None
    goals = {"numba": 0.8, "c": 1.1}
    titles = {"numba": "Mumba / Numba", "c": "Mumba / C (" + " ".join((CC,) + CFLAGS) + ")"}
    fig, axes = plt.subplots(1, 2, figsize=(12, 7), sharey=True)
    for ax, other in zip(axes, ("numba", "c")):
        names, values, colours = _bars(run, other)
        lo, hi = min(values + [0.5]), max(values + [2.0])
        y = list(range(len(names)))[::-1]
        ax.barh(y, values, color=colours, height=0.7)
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(matplotlib.ticker.FormatStrFormatter("%g"))
        ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        ax.set_xticks([t for t in (0.1, 0.2, 0.5, 1, 2, 5, 10) if lo / 1.3 <= t <= hi * 1.6])
        ax.axvline(1.0, color="grey", lw=1)
        ax.axvline(goals[other], color="green", ls="--", lw=1, label=f"goal for the geomean ({goals[other]})")
        ax.set_yticks(y)
        ax.set_yticklabels(names)
        ax.set_title(titles[other])
        ax.set_xlabel("run-time ratio (log scale; < 1: Mumba faster)")
        for yi, v in zip(y, values):
            ax.text(v, yi, f" {v:.2f}", va="center", fontsize=8)
        ax.set_xlim(lo / 1.3, hi * 1.6)
        ax.legend(loc="lower right", fontsize=8)
    fig.suptitle(
        f"Mumba's run time per kernel, {run.meta.get('date', '')},"
        f" {run.meta.get('machine', '').split(' (')[0]}\n"
        "blue: the suite; orange: fastmath variants; black: geometric mean of the suite"
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
