"""Map Python argument values to the MLIR type strings of the nb dialect.

This runs on every call of a jitted function, so the common cases are one
dictionary lookup on ``type(value)``.  NumPy is never imported here: a NumPy
value can only exist once the user has imported NumPy, and the NumPy entries
are added to the tables the first time such a value is seen.
"""

from __future__ import annotations

import sys
from typing import Any, Dict, Optional, Tuple

from .errors import ArgumentTypeError

__all__ = ["typeof", "ARRAY_DTYPES", "MAX_NDIM"]

#: Python scalar types -> MLIR type.  ``bool`` must not fall back to ``int``.
_SCALARS: Dict[type, str] = {bool: "i1", int: "si64", float: "f64"}

#: NumPy dtype name -> MLIR element type of ``!nb.array``.
ARRAY_DTYPES: Dict[str, str] = {
    "float64": "f64",
    "float32": "f32",
    "int64": "si64",
    "int32": "si32",
    "int16": "si16",
    "int8": "si8",
    "uint64": "ui64",
    "uint32": "ui32",
    "uint16": "ui16",
    "uint8": "ui8",
    "bool_": "i1",
    "complex128": "complex<f64>",
    "complex64": "complex<f32>",
}

_NUMPY_SCALARS = dict(ARRAY_DTYPES)

MAX_NDIM = 4

# (dtype, ndim, contiguity bits) -> "!nb.array<...>"; NumPy dtype objects
# hash well, and ``flags.num & 0x403`` holds C_CONTIGUOUS (1), F_CONTIGUOUS (2)
# and WRITEABLE (0x400).
_ARRAY_CACHE: Dict[Tuple[Any, int, int], str] = {}
_ARRAY_DTYPE_BY_DTYPE: Dict[Any, str] = {}
_ndarray: Optional[type] = None


def _init_numpy() -> bool:
    """Register NumPy scalar and array types once NumPy has been imported."""
    global _ndarray
    if _ndarray is not None:
        return True
    np = sys.modules.get("numpy")
    if np is None:
        return False
    for name, mlir in _NUMPY_SCALARS.items():
        _SCALARS[getattr(np, name)] = mlir
    for name, mlir in ARRAY_DTYPES.items():
        _ARRAY_DTYPE_BY_DTYPE[np.dtype(name)] = mlir
    _ndarray = np.ndarray
    return True


def _describe(value: Any) -> str:
    t = type(value)
    if _ndarray is not None and isinstance(value, _ndarray):
        return f"numpy array of dtype {value.dtype} with {value.ndim} dimension(s)"
    return f"{t.__module__}.{t.__qualname__}" if t.__module__ != "builtins" else t.__name__


def _fail(value: Any, name: Optional[str], why: str = "") -> ArgumentTypeError:
    who = f"argument {name!r}" if name else "value"
    msg = f"cannot type {who}: unsupported type {_describe(value)}"
    if why:
        msg += f" ({why})"
    msg += (
        "; supported are bool, int, float, complex, NumPy bool_, (u)int8-64, "
        f"float32/64 and complex64/128 scalars, and arrays of those with 0 to {MAX_NDIM}"
        " dimensions"
    )
    return ArgumentTypeError(msg)


def _typeof_array(value: Any, name: Optional[str]) -> str:
    dtype = value.dtype
    ndim = value.ndim
    # C- and F-contiguity, and writability (NPY_ARRAY_WRITEABLE).
    bits = value.flags.num & 0x403
    key = (dtype, ndim, bits)
    cached = _ARRAY_CACHE.get(key)
    if cached is not None:
        return cached
    elem = _ARRAY_DTYPE_BY_DTYPE.get(dtype)
    if elem is None:
        raise _fail(value, name, f"dtype {dtype} is not supported")
    if not 0 <= ndim <= MAX_NDIM:
        raise _fail(value, name, f"{ndim}-dimensional arrays are not supported")
    layout = "C" if bits & 1 else ("F" if bits & 2 else "A")
    readonly = "" if bits & 0x400 else ", readonly"
    text = f"!nb.array<{elem}, {ndim}, {layout}{readonly}>"
    _ARRAY_CACHE[key] = text
    return text


def typeof(value: Any, name: Optional[str] = None) -> str:
    """Return the nb type string of ``value``, e.g. ``'si64'`` or
    ``'!nb.array<f64, 2, C>'``.

    ``name`` (the parameter name) only improves the error message.  Raises
    :class:`mumba.errors.ArgumentTypeError` (a ``TypingError`` and a
    ``TypeError``) for values Mumba cannot compile for.
    """
    t = type(value)
    s = _SCALARS.get(t)
    if s is not None:
        return s
    if t is _ndarray:
        s = _ARRAY_CACHE.get((value.dtype, value.ndim, value.flags.num & 0x403))
        return s if s is not None else _typeof_array(value, name)
    if _init_numpy():
        s = _SCALARS.get(t)
        if s is not None:
            return s
        if isinstance(value, _ndarray):  # type: ignore[arg-type]
            if t is not _ndarray:
                raise _fail(value, name, "ndarray subclasses are not supported")
            return _typeof_array(value, name)
    if t is complex or type(value).__name__ == "complex128":
        return "complex<f64>"
    if type(value).__name__ == "complex64":
        return "complex<f32>"
    raise _fail(value, name)
