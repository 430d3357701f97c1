"""Parallel loops: ``prange`` and the number of threads they use.

    from mumba import njit, prange

    @njit(parallel=True)
    def total(a):
        s = 0.0
        for i in prange(a.shape[0]):   # iterations run on several threads
            s += a[i]                  # a reduction (docs/parallel.md)
        return s

Outside ``@njit(parallel=True)``, and when Python runs the function,
``prange`` is ``range``. The loops use :func:`get_num_threads` threads:
``MUMBA_NUM_THREADS`` (default: every core) unless
:func:`set_num_threads` changed it for the calling thread, as Numba's does.
"""

from __future__ import annotations

from typing import Any

from . import config
from .compiler import extension

__all__ = ["prange", "set_num_threads", "get_num_threads"]


class prange:  # noqa: N801 - Numba's name
    """``range(stop)``, ``range(start, stop[, step])`` whose iterations may
    run in parallel in a function compiled with ``parallel=True``.

    Calling it in Python gives the plain range."""

    #: How the frontend tells prange from range without importing this.
    _mumba_prange_ = True

    def __new__(cls, *args: Any) -> range:  # type: ignore[misc]
        return range(*args)


def set_num_threads(n: int) -> None:
    """Use ``n`` threads (1 to ``mumba.config.NUM_THREADS``) for the
    parallel loops the calling thread runs from now on."""
    if isinstance(n, bool) or not hasattr(n, "__index__"):
        raise TypeError(f"the number of threads must be an integer, not {type(n).__name__}")
    n = n.__index__()
    if not 1 <= n <= config.NUM_THREADS:
        raise ValueError(
            f"the number of threads must be between 1 and {config.NUM_THREADS} "
            f"(MUMBA_NUM_THREADS), not {n}"
        )
    extension().set_num_threads(n)


def get_num_threads() -> int:
    """How many threads the calling thread's parallel loops use."""
    return extension().get_num_threads()
