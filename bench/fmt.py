"""Number formatting for the report's tables."""

from __future__ import annotations

from typing import List, Optional, Sequence


def seconds(t: Optional[float]) -> str:
    """A duration with a unit that keeps three significant digits."""
    if t is None:
        return "-"
    if t >= 1.0:
        return f"{t:.2f} s"
    if t >= 1e-3:
        return f"{t * 1e3:.3g} ms"
    if t >= 1e-6:
        return f"{t * 1e6:.3g} µs"
    return f"{t * 1e9:.3g} ns"


def ratio(q: Optional[float]) -> str:
    """A ratio such as 0.93; '-' when absent."""
    if q is None:
        return "-"
    return f"{q:.2f}" if q < 100 else f"{q:.0f}"


def table(head: Sequence[str], rows: Sequence[Sequence[str]], right_from: int = 1) -> List[str]:
    """A Markdown table; columns from ``right_from`` on are right-aligned."""
    align = ["---" if i < right_from else "---:" for i in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines
