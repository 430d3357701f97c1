"""Helpers for the test_types_* files (no tests here).

The oracle is plain Python. NumPy scalars passed to the interpreted function
would follow NumPy's scalar rules (int8 + int8 wraps in int8), while compiled
code follows Numba's (integer arithmetic widens to 64 bits); ``as_python``
turns NumPy integers into Python ints, which is what Numba's rules compute
as long as nothing overflows 64 bits.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from helpers import assert_same

_FUNC_RE = re.compile(r"^\s*func\.func @[^(]+\((.*)\) -> (.+) \{$", re.M)


def result_type(f: Any) -> str:
    """The nb type the entry function of the last compiled specialisation of
    ``f`` returns, e.g. ``'si64'`` or ``'tuple<f64, ui64>'``."""
    text = f.inspect_mlir("nb-typed")
    for line in text.splitlines():
        if line.strip().startswith("func.func @") and "private" not in line:
            m = _FUNC_RE.match(line)
            if m:
                return m.group(2)
    raise AssertionError(f"no entry function in:\n{text}")


def as_python(x: Any) -> Any:
    """NumPy integers and bools as Python ones; floats and the rest kept."""
    if isinstance(x, np.bool_):
        return bool(x)
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, tuple):
        return tuple(as_python(v) for v in x)
    return x


def check_py(f: Any, *args: Any, rtol: float | None = None) -> Any:
    """Compiled ``f`` against ``f.py_func`` run on Python-number versions of
    the arguments (see the module docstring); returns the compiled result."""
    expected = f.py_func(*[as_python(a) for a in args])
    got = f(*args)
    assert_same(got, expected, rtol)
    return got


def check_value(f: Any, args: tuple, expected: Any, rtol: float | None = None) -> Any:
    """Compiled ``f(*args)`` against an explicit expectation (for documented
    differences from Python, such as wrapping fixed-width integers)."""
    got = f(*args)
    assert_same(got, expected, rtol)
    return got


def wrap(value: int, bits: int = 64, signed: bool = True) -> int:
    """``value`` wrapped to a fixed-width integer, as compiled code computes."""
    value &= (1 << bits) - 1
    if signed and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value
