"""Lowering of Python expressions to nb ops."""

from __future__ import annotations

import ast
import builtins
import inspect
import math
import types
from typing import Any, List, Optional, Sequence, Tuple

from ..errors import TypingError
from .base import LoweringBase
from .emitter import Block, Loc
from .globals import Resolved, classify, lookup_name

__all__ = ["ExprLowering", "BINOP_KINDS", "COMPARE_KINDS", "UNARY_KINDS"]

BINOP_KINDS = {
    ast.Add: "add",
    ast.Sub: "sub",
    ast.Mult: "mul",
    ast.Div: "truediv",
    ast.FloorDiv: "floordiv",
    ast.Mod: "mod",
    ast.Pow: "pow",
    ast.LShift: "lshift",
    ast.RShift: "rshift",
    ast.BitAnd: "bitand",
    ast.BitOr: "bitor",
    ast.BitXor: "bitxor",
}

COMPARE_KINDS = {
    ast.Eq: "eq",
    ast.NotEq: "ne",
    ast.Lt: "lt",
    ast.LtE: "le",
    ast.Gt: "gt",
    ast.GtE: "ge",
    ast.Is: "is",
    ast.IsNot: "isnot",
    ast.In: "in",
    ast.NotIn: "notin",
}

UNARY_KINDS = {ast.USub: "neg", ast.UAdd: "pos", ast.Not: "not", ast.Invert: "invert"}

#: Expressions rejected with "unsupported <what>".
_UNSUPPORTED_EXPRS = {
    ast.List: "list display (use a tuple or a NumPy array)",
    ast.Dict: "dict display",
    ast.Set: "set display",
    ast.ListComp: "list comprehension",
    ast.SetComp: "set comprehension",
    ast.DictComp: "dict comprehension",
    ast.GeneratorExp: "generator expression",
    ast.Lambda: "lambda expression",
    ast.JoinedStr: "f-string",
    ast.FormattedValue: "f-string",
    ast.Starred: "starred expression",
    ast.Slice: "slice",
    ast.Yield: "yield expression",
    ast.YieldFrom: "yield expression",
    ast.Await: "await expression",
}

_MISSING = object()


def _folds(node: ast.UnaryOp) -> bool:
    """``-5`` and ``-2.5`` are literals, as Python's compiler folds them."""
    if not (isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant)):
        return False
    v = node.operand.value
    return isinstance(v, (int, float)) and not isinstance(v, bool)


class ExprLowering(LoweringBase):
    """Turns ``ast.expr`` nodes into nb ops; ``expr`` returns the SSA value."""

    #: The expression being lowered most recently begun: where to point when
    #: nesting exhausts the recursion limit.
    deepest: Optional[ast.expr] = None

    def expr(self, node: ast.expr) -> str:
        self.deepest = node
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            what = _UNSUPPORTED_EXPRS.get(type(node), f"expression {type(node).__name__}")
            self.unsupported(node, what)
        return method(node)

    # -- leaves ---------------------------------------------------------------------
    def constant(self, value: Any, node: ast.AST) -> str:
        loc = self.pos(node)
        e = self.e
        if value is None:
            return e.const_none(loc)
        if isinstance(value, bool):
            return e.const_bool(value, loc)
        if isinstance(value, int):
            # int64, or uint64 for literals that only fit unsigned (Numba).
            if not -(2**63) <= value < 2**64:
                self.unsupported(
                    node, f"integer literal {value} (outside the int64 and uint64 ranges)"
                )
            return e.const_int(value, loc)
        if isinstance(value, float):
            if not math.isfinite(value):
                # No literal syntax for inf/nan: read math.inf / math.nan.
                mod = e.global_name("math", loc)
                v = e.getattr(mod, "nan" if math.isnan(value) else "inf", loc)
                return e.unary("neg", v, loc) if value < 0 else v
            return e.const_float(value, loc)
        if isinstance(value, str):
            # A compile-time value: it prints and compares, nothing more.
            return e.const_str(value, loc)
        if isinstance(value, bytes):
            self.unsupported(node, "bytes literal")
        if isinstance(value, complex):
            # complex(re, im): nb has no complex attribute, the call folds.
            callee = e.global_name("complex", loc)
            parts = [self.constant(value.real, node), self.constant(value.imag, node)]
            return e.call(callee, parts, loc)
        if value is Ellipsis:
            self.unsupported(node, "'...' (Ellipsis)")
        self.unsupported(node, f"constant {value!r}")

    def expr_Constant(self, node: ast.Constant) -> str:
        return self.constant(node.value, node)

    def expr_Name(self, node: ast.Name) -> str:
        if node.id in self.locals:
            return self.load_name(node.id, self.pos(node))
        found, obj = lookup_name(self.fn, node.id)
        if not found:
            self.unsupported(
                node, f"name {node.id!r}: it is not a local, global or builtin name"
            )
        return self.emit_object(obj, node, node.id)

    def emit_object(
        self, obj: Any, node: ast.AST, name: str, qualname: Optional[str] = None
    ) -> str:
        """Emit a compile-time constant Python object (a frozen global)."""
        r, why = classify(obj, qualname)
        if r is None:
            self.unsupported(node, f"use of global {name!r}: {why}")
        return self.emit_resolved(r, node)

    def emit_resolved(self, r: Resolved, node: ast.AST) -> str:
        if r.kind == "const":
            return self.constant(r.value, node)
        if r.kind == "tuple":
            items = [self.emit_resolved(item, node) for item in r.value]
            return self.e.build_tuple(items, self.pos(node))
        if r.kind == "npscalar":
            # np.float32(1.5) frozen keeps its type: numpy.float32(1.5).
            dtype, value = r.value
            loc = self.pos(node)
            callee = self.e.global_name(f"numpy.{dtype}", loc)
            return self.e.call(callee, [self.constant(value, node)], loc)
        if r.kind == "global":
            return self.e.global_name(r.value, self.pos(node))
        assert r.kind == "dispatcher"
        return self.e.global_symbol(self.module.symbol_for(r.value), self.pos(node))

    # -- compile-time attribute chains (math.pi, np.random.rand) ----------------------
    def static_object(self, node: ast.expr) -> Optional[Tuple[Any, str]]:
        """(object, dotted name) when ``node`` names a module or a module
        attribute without running code; None otherwise."""
        if isinstance(node, ast.Name):
            if node.id in self.locals:
                return None
            found, obj = lookup_name(self.fn, node.id)
            if found and isinstance(obj, types.ModuleType):
                return obj, obj.__name__
            return None
        if isinstance(node, ast.Attribute):
            base = self.static_object(node.value)
            if base is None or not isinstance(base[0], types.ModuleType):
                return None
            obj = getattr(base[0], node.attr, _MISSING)
            if obj is _MISSING:
                self.unsupported(
                    node, f"attribute {node.attr!r}: module {base[1]!r} has no such attribute"
                )
            return obj, f"{base[1]}.{node.attr}"
        return None

    def expr_Attribute(self, node: ast.Attribute) -> str:
        static = self.static_object(node)
        if static is not None:
            obj, qualname = static
            return self.emit_object(obj, node, qualname, qualname)
        value = self.expr(node.value)
        return self.e.getattr(value, node.attr, self.pos(node))

    # -- operators ---------------------------------------------------------------
    def expr_BinOp(self, node: ast.BinOp) -> str:
        return self.operators(node)

    def matmul(self, lhs: str, rhs: str, node: ast.BinOp) -> str:
        """``a @ b`` is ``numpy.matmul(a, b)``: the call typing registry's
        entry types it (the operands are arrays; no binop rule needed)."""
        loc = self.pos(node)
        return self.e.call(self.e.global_name("numpy.matmul", loc), [lhs, rhs], loc)

    def expr_UnaryOp(self, node: ast.UnaryOp) -> str:
        return self.operators(node)

    def operators(self, root: ast.expr) -> str:
        """Lowers a tree of binary and unary operators with an explicit stack,
        post-order, left operand first as Python evaluates: generated code
        chains thousands of them (``a + b + ...``, ``- - x``, ``not not x``),
        deeper than Python's recursion limit. Other operands go through
        ``expr``."""
        values: List[str] = []
        # (node, True) once its operands are on `values`.
        stack: List[Tuple[ast.expr, bool]] = [(root, False)]
        while stack:
            node, ready = stack.pop()
            if isinstance(node, ast.BinOp):
                if not ready:
                    stack += [(node, True), (node.right, False), (node.left, False)]
                    continue
                rhs = values.pop()
                lhs = values.pop()
                if isinstance(node.op, ast.MatMult):
                    values.append(self.matmul(lhs, rhs, node))
                else:
                    values.append(
                        self.e.binop(BINOP_KINDS[type(node.op)], lhs, rhs, self.pos(node))
                    )
            elif isinstance(node, ast.UnaryOp) and not _folds(node):
                if not ready:
                    stack += [(node, True), (node.operand, False)]
                    continue
                operand = values.pop()
                values.append(self.e.unary(UNARY_KINDS[type(node.op)], operand, self.pos(node)))
            elif isinstance(node, ast.UnaryOp):
                values.append(self.constant(-node.operand.value, node))
            else:
                values.append(self.expr(node))
        (value,) = values
        return value

    def expr_Compare(self, node: ast.Compare) -> str:
        if len(node.ops) == 1:
            lhs = self.expr(node.left)
            rhs = self.expr(node.comparators[0])
            return self.e.compare(COMPARE_KINDS[type(node.ops[0])], lhs, rhs, self.pos(node))
        # a < b < c: short-circuit, each operand evaluated once.
        loc = self.pos(node)
        slot = self.temp("cmp")
        done = self.e.new_block()
        lhs = self.expr(node.left)
        last = len(node.ops) - 1
        for i, (op, comp) in enumerate(zip(node.ops, node.comparators)):
            rhs = self.expr(comp)
            r = self.e.compare(COMPARE_KINDS[type(op)], lhs, rhs, loc)
            self.e.store_var(slot, r, loc)
            if i == last:
                self.e.br(done, loc)
            else:
                nxt = self.e.new_block()
                self.e.cond_br(self.e.truth(r, loc), nxt, done, loc)
                self.e.set_block(nxt)
            lhs = rhs
        self.e.set_block(done)
        return self.e.load_var(slot, loc)

    def expr_BoolOp(self, node: ast.BoolOp) -> str:
        # Value-returning and short-circuit: `x or y` is x when x is truthy.
        is_and = isinstance(node.op, ast.And)
        loc = self.pos(node)
        slot = self.temp("and" if is_and else "or")
        done = self.e.new_block()
        last = len(node.values) - 1
        for i, operand in enumerate(node.values):
            v = self.expr(operand)
            self.e.store_var(slot, v, loc)
            if i == last:
                self.e.br(done, loc)
                break
            nxt = self.e.new_block()
            c = self.e.truth(v, loc)
            if is_and:
                self.e.cond_br(c, nxt, done, loc)
            else:
                self.e.cond_br(c, done, nxt, loc)
            self.e.set_block(nxt)
        self.e.set_block(done)
        return self.e.load_var(slot, loc)

    def expr_IfExp(self, node: ast.IfExp) -> str:
        loc = self.pos(node)
        slot = self.temp("ifexp")
        then_b, else_b, done = self.e.new_block(), self.e.new_block(), self.e.new_block()
        self.cond(node.test, then_b, else_b)
        for block, value in ((then_b, node.body), (else_b, node.orelse)):
            self.e.set_block(block)
            if self.e.reachable:
                self.e.store_var(slot, self.expr(value), loc)
                self.e.br(done, loc)
        self.e.set_block(done)
        return self.e.load_var(slot, loc)

    def expr_NamedExpr(self, node: ast.NamedExpr) -> str:
        v = self.expr(node.value)
        self.store_name(node.target.id, v, self.pos(node.target))
        return v

    # -- branching on a condition --------------------------------------------------
    def cond(self, node: ast.expr, if_true: Block, if_false: Block) -> None:
        """Branch on the truth of ``node``; ``and``/``or``/``not`` and chained
        comparisons branch directly instead of building a value."""
        e = self.e
        if not e.reachable:
            return
        # `not not ... x` swaps the targets, in a loop: chains can be deep.
        while isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            node, if_true, if_false = node.operand, if_false, if_true
        loc = self.pos(node)
        if isinstance(node, ast.Constant) and not isinstance(node.value, (str, bytes)):
            e.br(if_true if node.value else if_false, loc)
            return
        if isinstance(node, ast.BoolOp):
            is_and = isinstance(node.op, ast.And)
            for operand in node.values[:-1]:
                nxt = e.new_block()
                if is_and:
                    self.cond(operand, nxt, if_false)
                else:
                    self.cond(operand, if_true, nxt)
                e.set_block(nxt)
            self.cond(node.values[-1], if_true, if_false)
            return
        if isinstance(node, ast.Compare) and len(node.ops) > 1:
            lhs = self.expr(node.left)
            last = len(node.ops) - 1
            for i, (op, comp) in enumerate(zip(node.ops, node.comparators)):
                rhs = self.expr(comp)
                r = e.compare(COMPARE_KINDS[type(op)], lhs, rhs, loc)
                c = e.truth(r, loc)
                if i == last:
                    e.cond_br(c, if_true, if_false, loc)
                else:
                    nxt = e.new_block()
                    e.cond_br(c, nxt, if_false, loc)
                    e.set_block(nxt)
                lhs = rhs
            return
        v = self.expr(node)
        e.cond_br(e.truth(v, loc), if_true, if_false, loc)

    # -- containers, subscripts -------------------------------------------------------
    def expr_Tuple(self, node: ast.Tuple) -> str:
        items = [self.expr(elt) for elt in node.elts]
        return self.e.build_tuple(items, self.pos(node))

    def check_index(self, index: ast.expr, slices: bool = False) -> None:
        parts = index.elts if isinstance(index, ast.Tuple) else [index]
        for part in parts:
            if isinstance(part, ast.Slice) and not slices:
                self.unsupported(part, "assignment to a slice")
            if isinstance(part, ast.Starred):
                self.unsupported(part, "starred expression in a subscript")

    def index_operands(self, index: ast.expr, slices: bool = False) -> List[str]:
        """The index values of ``a[index]``: one per element of a tuple;
        with ``slices``, ``start:stop:step`` parts become nb.build_slice."""
        self.check_index(index, slices)
        parts = index.elts if isinstance(index, ast.Tuple) else [index]
        return [self.slice_value(p) if isinstance(p, ast.Slice) else self.expr(p) for p in parts]

    def slice_value(self, node: ast.Slice) -> str:
        loc = self.pos(node)
        bounds = [
            self.expr(b) if b is not None else self.e.const_none(loc)
            for b in (node.lower, node.upper, node.step)
        ]
        return self.e.build_slice(bounds, loc)

    def expr_Subscript(self, node: ast.Subscript) -> str:
        self.check_index(node.slice, slices=True)
        value = self.expr(node.value)
        k = self.const_index(node.slice)
        if k is not None:
            return self.e.static_getitem(value, k, self.pos(node))
        indices = self.index_operands(node.slice, slices=True)
        return self.e.getitem(value, indices, self.pos(node))

    # -- calls ---------------------------------------------------------------
    def expr_Call(self, node: ast.Call) -> str:
        for a in node.args:
            if isinstance(a, ast.Starred):
                self.unsupported(a, "'*args' in a call")
        for kw in node.keywords:
            if kw.arg is None:
                self.unsupported(kw.value, "'**kwargs' in a call")
        builtin = self.builtin_callee(node.func)
        if builtin in ("print", "divmod", "pow"):
            return getattr(self, f"call_{builtin}")(node)
        target = self.static_callee(node.func)
        if target is not None:
            callee = self.e.global_symbol(self.module.symbol_for(target), self.pos(node.func))
            args = self.bind_call(target, node)
            return self.e.call(callee, args, self.pos(node))
        callee = self.expr(node.func)
        args = [self.expr(a) for a in node.args]
        kwargs = [(kw.arg, self.expr(kw.value)) for kw in node.keywords]
        return self.e.call(callee, args, self.pos(node), kwargs)

    def builtin_callee(self, func: ast.expr) -> Optional[str]:
        """The name of the builtin function a call names, if any."""
        if not isinstance(func, ast.Name) or func.id in self.locals:
            return None
        found, value = lookup_name(self.fn, func.id)
        if found and getattr(builtins, func.id, _MISSING) is value:
            return func.id
        return None

    def _const_str_arg(self, node: ast.expr, what: str) -> Optional[str]:
        """The text of a string literal (or None for ``None``) argument."""
        if isinstance(node, ast.Constant) and (node.value is None or isinstance(node.value, str)):
            return node.value
        self.unsupported(node, f"{what} that is not a string literal")

    def call_print(self, node: ast.Call) -> str:
        """``print(*values, sep=..., end=...)`` is the nb.print statement."""
        options = {}
        for kw in node.keywords:
            if kw.arg not in ("sep", "end"):
                self.unsupported(kw.value, f"print() keyword argument {kw.arg!r}")
            options[kw.arg] = self._const_str_arg(kw.value, f"print({kw.arg}=...)")
        values = [self.expr(a) for a in node.args]
        loc = self.pos(node)
        self.e.print_values(values, loc, options.get("sep"), options.get("end"))
        return self.e.const_none(loc)

    def call_divmod(self, node: ast.Call) -> str:
        """``divmod(a, b)`` is ``(a // b, a % b)``, each operand evaluated once."""
        if len(node.args) != 2 or node.keywords:
            self._call_error(node, "divmod() takes exactly 2 positional arguments")
        lhs, rhs = (self.expr(a) for a in node.args)
        loc = self.pos(node)
        quotient = self.e.binop("floordiv", lhs, rhs, loc)
        remainder = self.e.binop("mod", lhs, rhs, loc)
        return self.e.build_tuple([quotient, remainder], loc)

    def call_pow(self, node: ast.Call) -> str:
        """``pow(a, b)`` is ``a ** b``; the three-argument form is not."""
        args = list(node.args)
        for kw in node.keywords:
            if kw.arg not in ("base", "exp", "mod"):
                self._call_error(kw, f"pow() got an unexpected keyword argument {kw.arg!r}")
        names = {kw.arg: kw.value for kw in node.keywords}
        if "mod" in names or len(args) > 2:
            # Modular exponentiation: a call of the builtin template.
            loc = self.pos(node)
            callee = self.e.global_name("pow", self.pos(node.func))
            kwargs = [(kw.arg, self.expr(kw.value)) for kw in node.keywords]
            return self.e.call(callee, [self.expr(a) for a in args], loc, kwargs)
        for name in ("base", "exp"):
            if name in names:
                args.append(names[name])
        if len(args) != 2:
            self._call_error(node, "pow() takes 2 arguments (base and exp)")
        lhs, rhs = (self.expr(a) for a in args)
        return self.e.binop("pow", lhs, rhs, self.pos(node))

    def static_callee(self, func: ast.expr) -> Any:
        """The jitted function a call names at compile time, if any."""
        obj = _MISSING
        if isinstance(func, ast.Name) and func.id not in self.locals:
            found, value = lookup_name(self.fn, func.id)
            if found:
                obj = value
        elif isinstance(func, ast.Attribute):
            static = self.static_object(func)
            if static is not None:
                obj = static[0]
        if obj is _MISSING:
            return None
        r, _ = classify(obj)
        if r is not None and r.kind == "dispatcher":
            return obj
        return None

    def bind_call(self, target: Any, node: ast.Call) -> List[str]:
        """Positional arguments of a call to a jitted function: keywords are
        put in place and defaults filled in, so templates take positions."""
        name = target.__name__
        params = list(inspect.signature(target.py_func).parameters.values())
        for p in params:
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                self.unsupported(node, f"call to {name!r}, which takes *args or **kwargs")
        values: List[Any] = [_MISSING] * len(params)
        names = [p.name for p in params]
        if len(node.args) > len(params):
            self._call_error(
                node,
                f"{name}() takes {len(params)} arguments but {len(node.args)} were given",
            )
        for i, a in enumerate(node.args):
            if params[i].kind == params[i].KEYWORD_ONLY:
                self._call_error(node, f"{name}() got too many positional arguments")
            values[i] = self.expr(a)
        for kw in node.keywords:
            if kw.arg not in names:
                self._call_error(kw, f"{name}() got an unexpected keyword argument {kw.arg!r}")
            i = names.index(kw.arg)
            if values[i] is not _MISSING or params[i].kind == params[i].POSITIONAL_ONLY:
                self._call_error(kw, f"{name}() got multiple values for argument {kw.arg!r}")
            values[i] = self.expr(kw.value)
        for i, p in enumerate(params):
            if values[i] is _MISSING:
                if p.default is p.empty:
                    self._call_error(node, f"{name}() missing required argument {p.name!r}")
                values[i] = self.emit_object(p.default, node, f"default of {p.name}")
        return values

    def _call_error(self, node: ast.AST, msg: str) -> None:
        line, col = self.pos(node)
        raise TypingError(msg, self.src.filename, line, col)
