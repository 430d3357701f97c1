"""Assembly of a whole nb module: the entry function plus the untyped
templates of every jitted function it calls, transitively."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Sequence, Tuple

from .lowering import FunctionLowering

__all__ = ["ModuleBuilder", "build_module"]

_SYMBOL_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_$.]*")

#: Symbols compiled code calls in the C library and the runtime: a jitted
#: function of the same name would take their place, so it gets a suffix.
_RESERVED_SYMBOLS = frozenset(
    f + suffix
    for f in (
        "sin cos tan asin acos atan atan2 sinh cosh tanh asinh acosh atanh exp exp2 expm1 "
        "log log2 log10 log1p sqrt cbrt pow hypot erf erfc tgamma lgamma ldexp frexp fmod "
        "floor ceil trunc round rint copysign fabs fma"
    ).split()
    for suffix in ("", "f")
) | {
    "main",
    "malloc",
    "free",
    "memcpy",
    "memset",
    "mumbaPrint",
    "mumbaRaiseUser",
    "mumbaRaiseIndexError",
}


def _sanitize(name: str) -> str:
    name = re.sub(r"[^A-Za-z0-9_$.]", "_", name) or "fn"
    if not _SYMBOL_RE.fullmatch(name):
        name = "_" + name
    return name


class ModuleBuilder:
    """Gives each jitted function one unique symbol and lowers it once."""

    def __init__(self) -> None:
        self._symbols: Dict[int, str] = {}
        self._used: set = set(_RESERVED_SYMBOLS)
        self._keep: List[Any] = []  # keeps ids in _symbols valid
        self._pending: List[Tuple[Any, str]] = []

    def _unique(self, name: str) -> str:
        base = _sanitize(name)
        sym, n = base, 0
        while sym in self._used:
            n += 1
            sym = f"{base}_{n}"
        self._used.add(sym)
        return sym

    def symbol_for(self, dispatcher: Any) -> str:
        """The symbol of a called jitted function; queues its template."""
        sym = self._symbols.get(id(dispatcher))
        if sym is None:
            sym = self._unique(dispatcher.py_func.__name__)
            self._symbols[id(dispatcher)] = sym
            self._keep.append(dispatcher)
            self._pending.append((dispatcher, sym))
        return sym

    def _lower(self, dispatcher: Any, sym: str, arg_types) -> str:
        lowering = FunctionLowering(dispatcher.py_func, dispatcher.source(), self)
        return lowering.lower(sym, arg_types)

    def build(self, entry: Any, arg_types: Sequence[str]) -> Tuple[str, str]:
        """Return ``(module_text, entry_symbol)``."""
        sym = self._unique(entry.py_func.__name__)
        self._symbols[id(entry)] = sym
        self._keep.append(entry)
        funcs = [self._lower(entry, sym, list(arg_types))]
        while self._pending:
            disp, s = self._pending.pop(0)
            funcs.append(self._lower(disp, s, None))
        return "module {\n" + "\n".join(funcs) + "\n}\n", sym


def build_module(entry: Any, arg_types: Sequence[str]) -> Tuple[str, str]:
    """Module text and entry symbol for calling ``entry`` with ``arg_types``."""
    return ModuleBuilder().build(entry, arg_types)
