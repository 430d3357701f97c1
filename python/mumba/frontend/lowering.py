"""Lowering of one Python function to an untyped ``func.func``."""

from __future__ import annotations

import ast
from typing import Optional, Sequence

from ..errors import UnsupportedError
from .emitter import UNKNOWN
from .lower_stmt import StmtLowering

__all__ = ["FunctionLowering"]


class FunctionLowering(StmtLowering):
    """Lowers ``self.src.node`` into a ``func.func`` named ``symbol``."""

    def lower(
        self,
        symbol: str,
        arg_types: Optional[Sequence[str]],
        return_type: Optional[str] = None,
    ) -> str:
        """Return the text of the function.

        ``arg_types`` gives the signature of the entry function; None makes a
        private template whose arguments are ``!nb.unknown``. ``return_type``,
        an explicit signature's, becomes ``nb.declared_result``: type
        inference casts every returned value to it.
        """
        fdef = self.src.node
        a = fdef.args
        if a.vararg is not None:
            self.unsupported(a.vararg, "'*args' parameter")
        if a.kwarg is not None:
            self.unsupported(a.kwarg, "'**kwargs' parameter")
        params = [*a.posonlyargs, *a.args, *a.kwonlyargs]
        if arg_types is not None and len(arg_types) != len(params):
            raise ValueError(
                f"{len(arg_types)} argument types for {len(params)} parameters"
            )
        e = self.e
        for i, p in enumerate(params):
            loc = self.pos(p)
            self.store_name(p.arg, e.arg(i, p.arg, loc), loc)
        try:
            self.body(fdef.body)
        except RecursionError:
            # What the explicit stacks (operators, elif chains, not) do not
            # cover, nested past Python's recursion limit: say where.
            node = self.deepest if self.deepest is not None else fdef
            line, col = self.pos(node)
            raise UnsupportedError(
                "unsupported expression or statement nested this deeply "
                "(past Python's recursion limit in the compiler)",
                self.src.filename,
                line,
                col,
            ) from None
        if e.reachable:  # falling off the end returns None
            loc = self.pos(fdef.body[-1]) if fdef.body else self.def_loc
            e.ret(e.const_none(loc), loc)

        types = arg_types if arg_types is not None else [UNKNOWN] * len(params)
        sig = ", ".join(f"%arg{i}: {t}" for i, t in enumerate(types))
        private = "" if arg_types is not None else "private "
        attrs = f" attributes {{nb.declared_result = {return_type}}}" if return_type else ""
        header = f"func.func {private}@{symbol}({sig}) -> {UNKNOWN}{attrs} {{"
        return e.render(header, self.def_loc)
