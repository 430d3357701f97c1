"""The implementations every kernel runs under, as callables over the
kernel's Python arguments."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, Sequence

from . import cbuild
from .kernel import Kernel

#: Compiled implementations, in table order.  Plain Python runs only at the
#: small "check" size, as the oracle.
NAMES = ("mumba", "numba", "c", "numpy")


def implementations(
    kernel: Kernel, c_dir: Path, names: Sequence[str] = NAMES
) -> Dict[str, Callable[..., Any]]:
    """Fresh (not yet compiled) implementations of ``kernel`` by name;
    ``numpy`` is left out where the kernel has no NumPy version."""
    out: Dict[str, Callable[..., Any]] = {}
    for name in names:
        if name == "mumba":
            import mumba

            out[name] = kernel.compiled(mumba.njit)
        elif name == "numba":
            import numba

            out[name] = kernel.compiled(numba.njit)
        elif name == "c":
            out[name] = cbuild.load(kernel, c_dir)
        elif name == "numpy":
            if kernel.numpy is not None:
                out[name] = kernel.numpy
        else:
            raise ValueError(f"unknown implementation {name!r}")
    return out


def prepared(impl: Callable[..., Any], args: Sequence[Any]) -> Callable[[], Any]:
    """A no-argument call of ``impl`` on ``args``; C converts its
    arguments here, once, not on every timed call."""
    if isinstance(impl, cbuild.CKernel):
        return impl.prepare(args)
    return lambda: impl(*args)
