"""Entry functions that wrap a jitted function, for explicit signatures.

A signature with a return type (``"float64(int64)"``) fixes what the
specialisation returns. When type inference finds another type, the entry
becomes a small wrapper that calls the function (a template, specialised
as any jitted callee is) and casts its result with ``nb.cast``, which types
the cast and rejects conversions that do not exist.
"""

from __future__ import annotations

from typing import Any, Sequence, Tuple

from .emitter import UNKNOWN, FunctionEmitter
from .module import ModuleBuilder
from .scope import parameter_names

__all__ = ["build_cast_module"]


class _WrapperModuleBuilder(ModuleBuilder):
    def build_wrapper(
        self, target: Any, arg_types: Sequence[str], return_type: str
    ) -> Tuple[str, str]:
        src = target.source()
        callee = self.symbol_for(target)
        entry = self._unique(f"{target.py_func.__name__}__entry")
        e = FunctionEmitter(src.filename)
        loc = src.position(src.node)
        names = parameter_names(src.node)
        args = [e.arg(i, name, loc) for i, name in enumerate(names)]
        result = e.call(e.global_symbol(callee, loc), args, loc)
        cast = e._def(f"nb.cast {result} : {UNKNOWN} to {return_type}", loc)
        e._terminate(f"nb.return {cast} : {return_type}", loc)
        sig = ", ".join(f"%arg{i}: {t}" for i, t in enumerate(arg_types))
        funcs = [e.render(f"func.func @{entry}({sig}) -> {UNKNOWN} {{", loc)]
        while self._pending:
            disp, sym = self._pending.pop(0)
            funcs.append(self._lower(disp, sym, None))
        return "module {\n" + "\n".join(funcs) + "\n}\n", entry


def build_cast_module(
    target: Any, arg_types: Sequence[str], return_type: str
) -> Tuple[str, str]:
    """Module text and entry symbol of a wrapper that calls ``target`` with
    ``arg_types`` and returns its result cast to ``return_type``."""
    return _WrapperModuleBuilder().build_wrapper(target, arg_types, return_type)
