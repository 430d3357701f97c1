"""The benchmark kernels, in report order, and the quick subset."""

from __future__ import annotations

import dataclasses
from typing import Dict, List

from ..kernel import Kernel
from . import elementwise, grids, integers, reductions, simulation


def _fastmath(k: Kernel) -> Kernel:
    """The same kernel with ``fastmath=True`` for both JITs and
    ``-ffast-math`` for C (reductions may reassociate, so they vectorise)."""
    return dataclasses.replace(
        k,
        name=k.name + "_fastmath",
        c_name=k.c_name or k.name,
        title=k.title + " (fastmath)",
        jit_options=dict(k.jit_options, fastmath=True),
        cflags=k.cflags + ("-ffast-math",),
        rtol=max(k.rtol, 1e-8),
        numpy=None,
        note="fastmath=True for Mumba and Numba, -ffast-math for C.",
    )


_BY_NAME: Dict[str, Kernel] = {
    k.name: k
    for k in reductions.KERNELS
    + elementwise.KERNELS
    + grids.KERNELS
    + simulation.KERNELS
    + integers.KERNELS
}

#: The suite the goals are measured on.
CORE: List[Kernel] = list(_BY_NAME.values())

#: fastmath variants, reported beside the suite and left out of its means.
FASTMATH: List[Kernel] = [_fastmath(_BY_NAME["dot"]), _fastmath(_BY_NAME["nbody"])]

ALL: List[Kernel] = CORE + FASTMATH

#: The one-minute run (``./scripts/bench --quick``, and the pytest check):
#: every core kernel at its smaller "quick" size.
QUICK: List[Kernel] = CORE

#: Kernels run at three sizes for the scaling table.
SCALING = {"sum": (100_000, 1_000_000, 10_000_000), "matmul": (64, 128, 256), "jacobi": (250, 1000, 4000)}


def by_name(name: str) -> Kernel:
    """The kernel called ``name`` (fastmath variants included)."""
    for k in ALL:
        if k.name == name:
            return k
    raise KeyError(name)
