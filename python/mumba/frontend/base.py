"""State shared by the statement and expression lowerings of one function."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Callable, Dict, List, NoReturn, Optional, Tuple

from ..errors import UnsupportedError
from .emitter import Block, FunctionEmitter, Loc
from .scope import local_names
from .source import FunctionSource

if TYPE_CHECKING:  # pragma: no cover
    from .module import ModuleBuilder

__all__ = ["LoweringBase", "LoopTargets"]


class LoopTargets:
    """Where ``continue`` and ``break`` jump inside the innermost loop, and
    whether it is a parallel (prange) loop."""

    def __init__(self, continue_to: Block, break_to: Block, parallel: bool = False) -> None:
        self.continue_to = continue_to
        self.break_to = break_to
        self.parallel = parallel


class LoweringBase:
    """Common helpers: positions, errors, variable slots, temporaries."""

    def __init__(
        self,
        fn: Callable,
        src: FunctionSource,
        module: "ModuleBuilder",
        parallel: bool = False,
    ) -> None:
        self.fn = fn
        #: ``parallel=True``: ``for ... in prange(...)`` loops run on threads.
        self.parallel = parallel
        self.src = src
        self.module = module
        self.e = FunctionEmitter(src.filename)
        self.def_loc: Loc = src.position(src.node)
        self.locals = set(local_names(src.node))
        self.slots: Dict[str, str] = {}
        self.loops: List[LoopTargets] = []
        self._temps = 0

    # -- positions and errors -------------------------------------------------
    def pos(self, node: ast.AST) -> Loc:
        return self.src.position(node)

    def unsupported(self, node: Optional[ast.AST], what: str) -> NoReturn:
        """Raise ``UnsupportedError("unsupported <what>")`` at ``node``."""
        line, col = self.pos(node) if node is not None else self.def_loc
        raise UnsupportedError(f"unsupported {what}", self.src.filename, line, col)

    # -- variables --------------------------------------------------------------
    def slot(self, name: str) -> str:
        """The ``nb.var`` slot of local ``name``, declared on first use."""
        s = self.slots.get(name)
        if s is None:
            s = self.e.declare_var(name, self.def_loc)
            self.slots[name] = s
        return s

    def temp(self, prefix: str) -> str:
        """A fresh temporary slot named ``$<prefix><n>``."""
        name = f"${prefix}{self._temps}"
        self._temps += 1
        return self.slot(name)

    def store_name(self, name: str, value: str, loc: Loc) -> None:
        self.e.store_var(self.slot(name), value, loc)

    def load_name(self, name: str, loc: Loc) -> str:
        return self.e.load_var(self.slot(name), loc)

    def const_index(self, node: ast.AST) -> Optional[int]:
        """The value of an integer literal such as ``2`` or ``-1``, else None."""
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            inner = self.const_index(node.operand)
            if inner is None:
                return None
            return -inner if isinstance(node.op, ast.USub) else inner
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, int)
            and not isinstance(node.value, bool)
            and -(2**63) <= node.value < 2**63
        ):
            return node.value
        return None

    # Implemented by the mixins.
    def expr(self, node: ast.expr) -> str:  # pragma: no cover
        raise NotImplementedError

    def cond(self, node: ast.expr, if_true: Block, if_false: Block) -> None:  # pragma: no cover
        raise NotImplementedError
