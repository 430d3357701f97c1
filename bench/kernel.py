"""What one benchmark kernel is: its Python source, inputs and checks."""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Optional, Sequence, Tuple

import numpy as np

#: Every dispatcher the suite creates, kept alive to the end of the process.
@dataclass
class Kernel:
    """One kernel, written once in Python and run by every implementation.

    ``make_args(n)`` builds fresh, seeded arguments for problem size ``n``;
    output arrays are allocated there (Mumba cannot create arrays in compiled
    code yet), so every implementation takes the same arguments: the Python
    function (under Mumba, Numba and plain Python), ``numpy`` (a vectorised
    equivalent with the same signature) and the C function ``bench_<name>``
    in ``bench/c/<name>.c`` (see :mod:`bench.cbuild` for how arguments map).
    Kernels are idempotent: running one twice on the same arguments gives
    the same result, so repeated timing calls do the same work.
    """

    name: str
    title: str
    py: Callable[..., Any]
    make_args: Callable[[int], Tuple[Any, ...]]
    #: problem sizes: "check" (small enough for plain Python), "quick", "full"
    sizes: Dict[str, int]
    #: how ``n`` reads in the tables, e.g. ``"n={n}"``
    size_label: str
    numpy: Optional[Callable[..., Any]] = None
    #: indices of the arguments the kernel writes (its results besides the return)
    outputs: Sequence[int] = ()
    #: the C function's return type: "f64", "i64" or "none"
    c_ret: str = "none"
    #: tolerances for float results (``numpy.testing.assert_allclose``)
    rtol: float = 1e-10
    atol: float = 0.0
    #: the C file ``bench/c/<c_name>.c`` and function ``bench_<c_name>``;
    #: empty means ``name``
    c_name: str = ""
    #: keyword options for both ``mumba.njit`` and ``numba.njit``
    jit_options: Dict[str, Any] = field(default_factory=dict)
    #: extra clang flags for this kernel's C file
    cflags: Tuple[str, ...] = ()
    #: global name -> Python function the kernel calls; each JIT compiles
    #: its own copy, so the same source runs under Mumba and Numba
    helpers: Dict[str, Callable[..., Any]] = field(default_factory=dict)
    #: a note shown in the report (why NumPy is absent, what rtol allows, ...)
    note: str = ""

    def compiled(self, njit: Callable[..., Any]) -> Callable[..., Any]:
        """The kernel under ``njit`` (``mumba.njit`` or ``numba.njit``) with
        this kernel's options; its helpers are compiled by the same ``njit``."""
        jit = njit(**self.jit_options) if self.jit_options else njit
        fn = self.py
        if self.helpers:
            glb = dict(fn.__globals__)
            glb.update({k: jit(h) for k, h in self.helpers.items()})
            fn = types.FunctionType(fn.__code__, glb, fn.__name__, fn.__defaults__, fn.__closure__)
        return jit(fn)

    def label(self, n: int) -> str:
        """The problem size as the tables show it."""
        return self.size_label.format(n=n)

    def result(self, ret: Any, args: Sequence[Any]) -> Tuple[Any, ...]:
        """What must agree across implementations: the return value (if
        any) and copies of the output arrays."""
        got = tuple(np.array(args[i], copy=True) for i in self.outputs)
        return got if ret is None else (ret,) + got
