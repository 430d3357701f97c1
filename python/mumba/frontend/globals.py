"""Resolve the free names of a function to what the nb dialect can express.

Globals are frozen at compile time, like Numba: numbers become constants,
modules and known functions become ``nb.global`` references, and other
jitted functions become calls to function templates in the same module.
"""

from __future__ import annotations

import builtins
import sys
import types
from dataclasses import dataclass
from typing import Any, Callable, Optional, Tuple

__all__ = [
    "Resolved",
    "lookup_name",
    "classify",
    "SUPPORTED_MODULES",
    "BUILTIN_FUNCTIONS",
    "is_prange",
]

#: Modules that may be referenced (by whatever alias) from jitted code.
SUPPORTED_MODULES = ("math", "cmath", "numpy", "numpy.random", "numpy.linalg")

#: Builtins callable from jitted code, by the name the typing registry knows.
BUILTIN_FUNCTIONS = (
    "range",
    "len",
    "abs",
    "min",
    "max",
    "int",
    "float",
    "bool",
    "print",
    "round",
    "pow",
    "divmod",
    "sum",
    "enumerate",
    "zip",
    "complex",
    "isinstance",
    "reversed",
    "tuple",
)

_BUILTINS_BY_ID = {id(getattr(builtins, n)): n for n in BUILTIN_FUNCTIONS}

_MISSING = object()


@dataclass(frozen=True)
class Resolved:
    """How a global object is emitted.

    ``kind`` is one of ``"const"`` (``value`` is a
    bool/int/float/complex/str/None), ``"npscalar"`` (``value`` is
    ``(dtype name, Python value)``: a NumPy scalar keeps its type), ``"tuple"``
    (``value`` is a tuple of :class:`Resolved`), ``"global"`` (``value`` is
    the name for ``nb.global "name"``) or ``"dispatcher"`` (``value`` is the
    jitted function object).
    """

    kind: str
    value: Any


def lookup_name(fn: Callable, name: str) -> Tuple[bool, Any]:
    """Look ``name`` up in the closure, the globals, then the builtins."""
    code = fn.__code__
    if fn.__closure__ and name in code.co_freevars:
        cell = fn.__closure__[code.co_freevars.index(name)]
        try:
            return True, cell.cell_contents
        except ValueError:  # empty cell
            return False, None
    g = fn.__globals__
    if name in g:
        return True, g[name]
    b = g.get("__builtins__", builtins)
    if isinstance(b, dict):
        if name in b:
            return True, b[name]
    elif hasattr(b, name):
        return True, getattr(b, name)
    return False, None


def _is_dispatcher(obj: Any) -> bool:
    """A jitted function, by the protocol attribute dispatchers carry (the
    frontend sits below the dispatcher and never imports it)."""
    return getattr(obj, "_mumba_jitted_", False) is True


def is_prange(obj: Any) -> bool:
    """``mumba.prange``, by the protocol attribute it carries (the frontend
    does not import the package above it)."""
    return getattr(obj, "_mumba_prange_", False) is True


def qualified_function_name(obj: Any) -> Optional[str]:
    """``'math.sqrt'`` for ``math.sqrt`` imported under any name, etc."""
    name = getattr(obj, "__name__", None)
    if not isinstance(name, str):
        return None
    for modname in SUPPORTED_MODULES:
        mod = sys.modules.get(modname)
        if mod is not None and getattr(mod, name, _MISSING) is obj:
            return f"{modname}.{name}"
    return None


#: NumPy scalar types a frozen global keeps (others become Python numbers).
_NUMPY_SCALAR_DTYPES = (
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float32",
    "float64",
    "complex64",
    "complex128",
)


def _numpy_scalar(obj: Any) -> Any:
    """``(dtype name, Python value)`` of a NumPy scalar, or a Python bool."""
    np = sys.modules.get("numpy")
    if np is None:
        return _MISSING
    if isinstance(obj, np.bool_):
        return bool(obj)
    if isinstance(obj, (np.integer, np.floating, np.complexfloating)):
        name = obj.dtype.name
        if name not in _NUMPY_SCALAR_DTYPES:
            return _MISSING
        value = obj.item()
        return (name, value)
    return _MISSING


def classify(obj: Any, qualname: Optional[str] = None) -> Tuple[Optional[Resolved], str]:
    """Decide how ``obj`` is emitted.

    ``qualname`` is the dotted name when the object was reached as a module
    attribute (``np.abs`` -> ``'numpy.abs'``).  Returns ``(resolved, why)``;
    ``resolved`` is None when unsupported, and ``why`` then says what it is.
    """
    if obj is None or isinstance(obj, (bool, int, float, complex, str)):
        if isinstance(obj, int) and not isinstance(obj, bool):
            if not -(2**63) <= obj < 2**64:
                return None, "integer constant outside the int64 and uint64 ranges"
        return Resolved("const", obj), ""
    value = _numpy_scalar(obj)
    if value is not _MISSING:
        if isinstance(value, bool):
            return classify(value)
        return Resolved("npscalar", value), ""
    if isinstance(obj, tuple):
        items = []
        for item in obj:
            r, why = classify(item)
            if r is None or r.kind == "dispatcher":
                return None, f"tuple containing {why or type(item).__name__}"
            items.append(r)
        return Resolved("tuple", tuple(items)), ""
    if isinstance(obj, types.ModuleType):
        if obj.__name__ in SUPPORTED_MODULES:
            return Resolved("global", obj.__name__), ""
        return None, f"module {obj.__name__!r}"
    if _is_dispatcher(obj):
        return Resolved("dispatcher", obj), ""
    if is_prange(obj):
        # Outside the head of a parallel for loop, prange is range.
        return Resolved("global", "range"), ""
    if id(obj) in _BUILTINS_BY_ID and getattr(builtins, _BUILTINS_BY_ID[id(obj)]) is obj:
        return Resolved("global", _BUILTINS_BY_ID[id(obj)]), ""
    if callable(obj):
        name = None
        if qualname and qualname.split(".")[0] in ("math", "cmath", "numpy"):
            name = qualname
        name = name or qualified_function_name(obj)
        if name is not None:
            return Resolved("global", name), ""
        if getattr(obj, "__code__", None) is not None:
            return None, (
                f"call to the plain Python function {getattr(obj, '__qualname__', obj)!r} "
                "(decorate it with @njit)"
            )
    return None, f"global value of type {type(obj).__qualname__}"
