"""Mumba: a Numba-like JIT compiler for numeric Python, built on MLIR.

    from mumba import njit

    @njit
    def dot(a, b):
        s = 0.0
        for i in range(a.shape[0]):
            s += a[i] * b[i]
        return s

Importing this package is cheap: the compiler (``mumba._mumba``) is loaded
on the first compilation.
"""

from . import config
from .decorators import guvectorize, jit, njit, vectorize
from .dispatcher import Dispatcher
from .parallel import get_num_threads, prange, set_num_threads
from .errors import (
    ArgumentTypeError,
    MumbaError,
    MumbaWarning,
    PerformanceWarning,
    TypingError,
    UnsupportedError,
)
from .typeof import typeof
from .version import __version__


__all__ = [
    "njit",
    "jit",
    "vectorize",
    "guvectorize",
    "Dispatcher",
    "prange",
    "set_num_threads",
    "get_num_threads",
    "MumbaError",
    "TypingError",
    "UnsupportedError",
    "ArgumentTypeError",
    "MumbaWarning",
    "PerformanceWarning",
    "config",
    "typeof",
    "__version__",
]
