"""Correctness: every implementation must give the same result."""

from __future__ import annotations

from typing import Any, Callable, Dict, Sequence, Tuple

import numpy as np

from .kernel import Kernel
from .timing import timed


class Mismatch(AssertionError):
    """Two implementations of a kernel disagree."""


def assert_agree(kernel: Kernel, got: Sequence[Any], expected: Sequence[Any], who: str, oracle: str) -> None:
    """Exact for integers, ``kernel.rtol`` / ``kernel.atol`` for floats."""
    if len(got) != len(expected):
        raise Mismatch(f"{kernel.name}: {who} gave {len(got)} results, {oracle} {len(expected)}")
    for i, (g, e) in enumerate(zip(got, expected)):
        g, e = np.asarray(g), np.asarray(e)
        what = f"{kernel.name}: {who} disagrees with {oracle} (result {i})"
        try:
            if g.dtype.kind in "iub" and e.dtype.kind in "iub":
                np.testing.assert_array_equal(g, e, err_msg=what)
            else:
                np.testing.assert_allclose(g, e, rtol=kernel.rtol, atol=kernel.atol, err_msg=what)
        except AssertionError as exc:
            raise Mismatch(str(exc)) from None


def run_once(kernel: Kernel, impl: Callable[..., Any], n: int) -> Tuple[float, Tuple[Any, ...]]:
    """(seconds, result) of one call of ``impl`` on fresh arguments of size ``n``."""
    args = kernel.make_args(n)
    seconds, ret = timed(lambda: impl(*args))
    return seconds, kernel.result(ret, args)


def check_against_python(
    kernel: Kernel, impls: Dict[str, Callable[..., Any]], n: int
) -> Dict[str, float]:
    """Run plain Python (the oracle) and every implementation once at size
    ``n``; raise :class:`Mismatch` on a disagreement.  Returns the seconds
    of each call, ``"python"`` included: for a JIT that has not run yet,
    its first call, which compiles."""
    seconds, expected = run_once(kernel, kernel.py, n)
    times = {"python": seconds}
    for name, impl in impls.items():
        times[name], got = run_once(kernel, impl, n)
        assert_agree(kernel, got, expected, name, "plain Python")
    return times
