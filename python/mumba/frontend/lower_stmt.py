"""Lowering of Python statements to nb ops and cf branches."""

from __future__ import annotations

import ast
import builtins
from typing import List, Sequence

from .base import LoopTargets
from .emitter import Loc
from .globals import lookup_name
from .lower_expr import BINOP_KINDS, ExprLowering

__all__ = ["StmtLowering"]

#: Statements rejected with "unsupported <what>".
_UNSUPPORTED_STMTS = {
    ast.With: "'with' statement",
    ast.AsyncWith: "'async with' statement",
    ast.Try: "'try' statement",
    ast.Delete: "'del' statement",
    ast.Import: "import inside a jitted function",
    ast.ImportFrom: "import inside a jitted function",
    ast.Global: "'global' declaration",
    ast.Nonlocal: "'nonlocal' declaration",
    ast.FunctionDef: "nested function definition",
    ast.AsyncFunctionDef: "nested function definition",
    ast.ClassDef: "class definition",
    ast.AsyncFor: "'async for' loop",
}
if hasattr(ast, "TryStar"):
    _UNSUPPORTED_STMTS[ast.TryStar] = "'try' statement"
if hasattr(ast, "Match"):
    _UNSUPPORTED_STMTS[ast.Match] = "'match' statement"


class StmtLowering(ExprLowering):
    """Turns statements into ops; control flow becomes ``cf`` branches."""

    def body(self, stmts: Sequence[ast.stmt]) -> None:
        """Lower a statement list, skipping what follows a terminator."""
        for s in stmts:
            if not self.e.reachable:
                return
            self.stmt(s)

    def stmt(self, node: ast.stmt) -> None:
        method = getattr(self, "stmt_" + type(node).__name__, None)
        if method is None:
            what = _UNSUPPORTED_STMTS.get(type(node), f"statement {type(node).__name__}")
            self.unsupported(node, what)
        method(node)

    # -- simple statements ---------------------------------------------------------
    def stmt_Pass(self, node: ast.Pass) -> None:
        pass

    def stmt_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return  # a docstring or a string used as a comment
        self.expr(node.value)

    def stmt_Raise(self, node: ast.Raise) -> None:
        """``raise E`` / ``raise E(literals...)`` of a builtin exception
        class: the class and its arguments are known at compile time, and
        the exception carries exactly those arguments (none for ``raise E``
        and ``raise E()``), as in Python."""
        if node.exc is None:
            self.unsupported(node, "bare 'raise' (re-raise)")
        if node.cause is not None:
            self.unsupported(node, "'raise ... from ...'")
        exc, args = node.exc, []
        if isinstance(exc, ast.Call):
            if exc.keywords:
                self.unsupported(exc, "keyword arguments to an exception")
            args = [self._literal(arg, "non-constant exception argument") for arg in exc.args]
            exc = exc.func
        cls = self._exception_class(exc)
        try:
            cls(*args)
        except Exception as why:  # noqa: BLE001 - what the class refuses
            self.unsupported(node, f"exception {cls.__name__}{tuple(args)!r} ({why})")
        self.e.raise_exc(cls.__name__, self._args_literal(node, args), self.pos(node))

    def stmt_Assert(self, node: ast.Assert) -> None:
        """``assert test, msg``: raise AssertionError(msg) when test is false
        (AssertionError() without a message)."""
        args = []
        if node.msg is not None:
            args = [self._literal(node.msg, "non-constant assertion message")]
        e = self.e
        ok, fail = e.new_block(), e.new_block()
        self.cond(node.test, ok, fail)
        e.set_block(fail)
        e.raise_exc("AssertionError", self._args_literal(node, args), self.pos(node))
        e.set_block(ok)

    def _literal(self, node: ast.expr, what: str):
        """The value of a literal (``3``, ``-1``, ``'m'``, ``(1, 'a')``)."""
        try:
            return ast.literal_eval(node)
        except ValueError:
            self.unsupported(node, what)

    def _args_literal(self, node: ast.AST, args: list) -> str:
        """The Python literal of ``tuple(args)``, which the dispatcher
        evaluates back when the exception is raised."""
        text = repr(tuple(args))
        try:
            same = repr(ast.literal_eval(text)) == text
        except (ValueError, SyntaxError):
            same = False
        if not same:  # nan, inf, Ellipsis have no literal
            self.unsupported(node, f"exception arguments {text} without a literal form")
        return text

    def _exception_class(self, node: ast.expr) -> type:
        """The builtin exception class ``node`` names."""
        if isinstance(node, ast.Name) and node.id not in self.locals:
            found, obj = lookup_name(self.fn, node.id)
            if (
                found
                and isinstance(obj, type)
                and issubclass(obj, BaseException)
                and getattr(builtins, obj.__name__, None) is obj
            ):
                return obj
        self.unsupported(node, "raising anything but a builtin exception class")

    def stmt_Return(self, node: ast.Return) -> None:
        loc = self.pos(node)
        if node.value is None:
            value = self.e.const_none(loc)
        else:
            value = self.expr(node.value)
        self.e.ret(value, loc)

    def stmt_Assign(self, node: ast.Assign) -> None:
        targets, rhs = node.targets, node.value
        if (
            len(targets) == 1
            and isinstance(targets[0], (ast.Tuple, ast.List))
            and isinstance(rhs, ast.Tuple)
            and len(rhs.elts) == len(targets[0].elts)
            and not any(isinstance(x, ast.Starred) for x in (*rhs.elts, *targets[0].elts))
        ):
            # a, b = b, a + b: evaluate the whole right side, then assign.
            values = [self.expr(v) for v in rhs.elts]
            for target, value in zip(targets[0].elts, values):
                self.assign(target, value)
            return
        value = self.expr(rhs)
        for target in targets:
            self.assign(target, value)

    def stmt_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is None:
            if not isinstance(node.target, ast.Name):
                self.unsupported(node, "annotation without a value")
            return
        self.assign(node.target, self.expr(node.value))

    def assign(self, target: ast.expr, value: str) -> None:
        """Store ``value`` into an assignment target."""
        loc = self.pos(target)
        if isinstance(target, ast.Name):
            self.store_name(target.id, value, loc)
        elif isinstance(target, ast.Subscript):
            obj = self.expr(target.value)
            indices = self.index_operands(target.slice)
            self.e.setitem(obj, indices, value, loc)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                if isinstance(elt, ast.Starred):
                    self.unsupported(elt, "starred assignment target")
            items = self.e.exhaust_iter(value, len(target.elts), loc)
            for i, elt in enumerate(target.elts):
                self.assign(elt, self.e.static_getitem(items, i, self.pos(elt)))
        elif isinstance(target, ast.Attribute):
            self.unsupported(target, "assignment to an attribute")
        else:
            self.unsupported(target, f"assignment target {type(target).__name__}")

    def stmt_AugAssign(self, node: ast.AugAssign) -> None:
        if isinstance(node.op, ast.MatMult):
            # NumPy 1.24 refuses it too (TypeError), with this advice.
            self.unsupported(
                node,
                "in-place matrix multiplication: use 'a = a @ b' instead of 'a @= b'",
            )
        kind = BINOP_KINDS[type(node.op)]
        loc = self.pos(node)
        target = node.target
        if isinstance(target, ast.Name):
            current = self.load_name(target.id, self.pos(target))
            result = self.e.binop(kind, current, self.expr(node.value), loc, inplace=True)
            self.store_name(target.id, result, self.pos(target))
        elif isinstance(target, ast.Subscript):
            # a[i] += v: container and index evaluated once.
            obj = self.expr(target.value)
            k = self.const_index(target.slice)
            indices = self.index_operands(target.slice)
            tloc = self.pos(target)
            if k is not None:
                current = self.e.static_getitem(obj, k, tloc)
            else:
                current = self.e.getitem(obj, indices, tloc)
            result = self.e.binop(kind, current, self.expr(node.value), loc, inplace=True)
            self.e.setitem(obj, indices, result, tloc)
        else:
            self.unsupported(target, "augmented assignment to an attribute")

    # -- control flow ------------------------------------------------------------
    def stmt_If(self, node: ast.If) -> None:
        e = self.e
        # An elif chain nests an If in each orelse: walked in a loop, every
        # branch joining one merge block. (Nested merges that only branch on
        # cost the canonicalizer cubic time to collapse: a 2,500-branch chain
        # took 50 s.)
        merge = e.new_block()
        while True:
            then_b = e.new_block()
            else_b = e.new_block() if node.orelse else merge
            self.cond(node.test, then_b, else_b)
            e.set_block(then_b)
            self.body(node.body)
            if e.reachable:
                e.br(merge, self._end_loc(node.body))
            e.set_block(else_b)
            if not node.orelse:
                break
            elif_ = node.orelse[0] if len(node.orelse) == 1 else None
            if isinstance(elif_, ast.If) and e.reachable:
                node = elif_
                continue
            self.body(node.orelse)
            if e.reachable:
                e.br(merge, self._end_loc(node.orelse))
            e.set_block(merge)
            break

    def stmt_While(self, node: ast.While) -> None:
        e = self.e
        loc = self.pos(node)
        header, body_b, exit_b = e.new_block(), e.new_block(), e.new_block()
        else_b = e.new_block() if node.orelse else exit_b
        e.br(header, loc)
        e.set_block(header)
        self.cond(node.test, body_b, else_b)
        self._loop_body(node, header, body_b, exit_b, else_b)

    def stmt_For(self, node: ast.For) -> None:
        e = self.e
        loc = self.pos(node)
        iterable = self.expr(node.iter)
        it = e.getiter(iterable, self.pos(node.iter))
        slot = self.temp("iter")
        e.store_var(slot, it, loc)
        header, body_b, exit_b = e.new_block(), e.new_block(), e.new_block()
        else_b = e.new_block() if node.orelse else exit_b
        e.br(header, loc)
        e.set_block(header)
        pair = e.iternext(e.load_var(slot, loc), loc)
        ok = e.pair_second(pair, loc)
        e.cond_br(e.truth(ok, loc), body_b, else_b, loc)
        e.set_block(body_b)
        self.assign(node.target, e.pair_first(pair, self.pos(node.target)))
        self._loop_body(node, header, body_b, exit_b, else_b)

    def _loop_body(self, node, header, body_b, exit_b, else_b) -> None:
        e = self.e
        e.set_block(body_b)
        self.loops.append(LoopTargets(header, exit_b))
        self.body(node.body)
        self.loops.pop()
        if e.reachable:
            e.br(header, self._end_loc(node.body))
        if node.orelse:
            e.set_block(else_b)
            self.body(node.orelse)
            if e.reachable:
                e.br(exit_b, self._end_loc(node.orelse))
        e.set_block(exit_b)

    def stmt_Break(self, node: ast.Break) -> None:
        self.e.br(self.loops[-1].break_to, self.pos(node))

    def stmt_Continue(self, node: ast.Continue) -> None:
        self.e.br(self.loops[-1].continue_to, self.pos(node))

    def _end_loc(self, stmts: List[ast.stmt]) -> Loc:
        """Where the implicit jump at the end of a statement list points."""
        return self.pos(stmts[-1])
