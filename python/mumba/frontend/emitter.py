"""Text builder for one untyped nb-dialect function.

The emitter knows the exact syntax of every op the frontend writes; the
lowering visitors only decide which ops to emit.  Values are untyped
(``!nb.unknown``) until ``nb-infer-types`` runs.
"""

from __future__ import annotations

import math
import re
from typing import List, Optional, Sequence, Tuple

__all__ = ["UNKNOWN", "Block", "FunctionEmitter", "Loc", "escape_string"]

UNKNOWN = "!nb.unknown"
T = UNKNOWN

#: A source position: (line, 1-based column).
Loc = Tuple[int, int]

_LABEL_RE = re.compile(r"\^bb\d+(?=[ ,])")

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
UINT64_MAX = 2**64 - 1


def escape_string(text: str) -> str:
    """Escape ``text`` for an MLIR string literal (without the quotes)."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\%02X" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def _ftype(n_operands: int, results: str = T) -> str:
    return "(" + ", ".join([T] * n_operands) + ") -> " + results


class Block:
    """A basic block: a label, op lines, and the number of branches to it."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.lines: List[str] = []
        self.preds = 0
        self.terminated = False
        self.placed = False

    @property
    def label(self) -> str:
        return f"^bb{self.index}"


class FunctionEmitter:
    """Builds the body of one ``func.func`` in the nb dialect."""

    def __init__(self, filename: str) -> None:
        self._file = escape_string(filename)
        self._next_value = 0
        self._next_block = 1
        self._var_lines: List[str] = []
        self.entry = Block(0)
        self.entry.placed = True
        self.blocks: List[Block] = [self.entry]
        self.current: Block = self.entry

    # -- blocks ---------------------------------------------------------
    def new_block(self) -> Block:
        """A fresh block, not yet placed; place it with :meth:`set_block`."""
        block = Block(self._next_block)
        self._next_block += 1
        return block

    def set_block(self, block: Block) -> None:
        """Continue emitting into ``block`` (appended to the function)."""
        if not block.placed:
            block.placed = True
            self.blocks.append(block)
        self.current = block

    @property
    def reachable(self) -> bool:
        """Whether ops emitted now could run (live and not yet terminated)."""
        b = self.current
        return not b.terminated and (b is self.entry or b.preds > 0)

    # -- low level --------------------------------------------------------
    def loc(self, loc: Loc) -> str:
        return f'loc("{self._file}":{loc[0]}:{loc[1]})'

    def _value(self) -> str:
        name = f"%{self._next_value}"
        self._next_value += 1
        return name

    def _emit(self, text: str, loc: Loc) -> None:
        assert not self.current.terminated, "emitting after a terminator"
        self.current.lines.append(f"{text} {self.loc(loc)}")

    def _def(self, body: str, loc: Loc) -> str:
        v = self._value()
        self._emit(f"{v} = {body}", loc)
        return v

    def _terminate(self, text: str, loc: Loc) -> None:
        self._emit(text, loc)
        self.current.terminated = True

    # -- variables ------------------------------------------------------------
    def declare_var(self, name: str, loc: Loc) -> str:
        """Declare a ``nb.var`` slot at the top of the entry block."""
        v = f"%v{len(self._var_lines)}"
        self._var_lines.append(f'{v} = nb.var "{escape_string(name)}" {self.loc(loc)}')
        return v

    def store_var(self, slot: str, value: str, loc: Loc) -> None:
        self._emit(f"nb.store_var {value} to {slot} : {T}", loc)

    def load_var(self, slot: str, loc: Loc) -> str:
        return self._def(f"nb.load_var {slot} : {T}", loc)

    def arg(self, index: int, name: str, loc: Loc) -> str:
        return self._def(f'nb.arg {index} "{escape_string(name)}" : {T}', loc)

    # -- constants and globals --------------------------------------------------
    def const_int(self, value: int, loc: Loc) -> str:
        """An int literal: int64, or uint64 from 2**63 to 2**64 - 1 (as Numba
        types literals that only fit unsigned)."""
        assert INT64_MIN <= value <= UINT64_MAX
        if value > INT64_MAX:
            return self._def(f"nb.const({int(value)} : ui64) : {T}", loc)
        return self._def(f"nb.const({int(value)}) : {T}", loc)

    def const_str(self, value: str, loc: Loc) -> str:
        return self._def(f'nb.const("{escape_string(value)}") : {T}', loc)

    def const_float(self, value: float, loc: Loc) -> str:
        assert math.isfinite(value)
        return self._def(f"nb.const({'%.17e' % value}) : {T}", loc)

    def const_bool(self, value: bool, loc: Loc) -> str:
        return self._def(f"nb.const({'true' if value else 'false'}) : {T}", loc)

    def const_none(self, loc: Loc) -> str:
        return self._def(f"nb.const(unit) : {T}", loc)

    def global_name(self, name: str, loc: Loc) -> str:
        return self._def(f'nb.global("{escape_string(name)}") : {T}', loc)

    def global_symbol(self, symbol: str, loc: Loc) -> str:
        return self._def(f"nb.global(@{symbol}) : {T}", loc)

    # -- expressions --------------------------------------------------------------
    def getattr(self, obj: str, attr: str, loc: Loc) -> str:
        return self._def(f'nb.getattr {obj}, "{escape_string(attr)}" : {T} -> {T}', loc)

    def getitem(self, obj: str, indices: Sequence[str], loc: Loc) -> str:
        idx = ", ".join(indices)
        return self._def(f"nb.getitem {obj}[{idx}] : {_ftype(1 + len(indices))}", loc)

    def build_slice(self, bounds: Sequence[str], loc: Loc) -> str:
        start, stop, step = bounds
        return self._def(f"nb.build_slice({start}, {stop}, {step}) : {_ftype(3)}", loc)

    def static_getitem(self, obj: str, index: int, loc: Loc) -> str:
        return self._def(f"nb.static_getitem {obj}[{int(index)}] : {T} -> {T}", loc)

    def setitem(self, obj: str, indices: Sequence[str], value: str, loc: Loc) -> None:
        idx = ", ".join(indices)
        self._emit(
            f"nb.setitem {obj}[{idx}], {value} : {_ftype(2 + len(indices), '()')}", loc
        )

    def binop(self, kind: str, lhs: str, rhs: str, loc: Loc, inplace: bool = False) -> str:
        op = "nb.inplace_binop" if inplace else "nb.binop"
        return self._def(f"{op} {kind} {lhs}, {rhs} : {_ftype(2)}", loc)

    def compare(self, kind: str, lhs: str, rhs: str, loc: Loc) -> str:
        return self._def(f"nb.compare {kind} {lhs}, {rhs} : {_ftype(2)}", loc)

    def unary(self, kind: str, operand: str, loc: Loc) -> str:
        return self._def(f"nb.unary {kind} {operand} : {T} -> {T}", loc)

    def truth(self, value: str, loc: Loc) -> str:
        return self._def(f"nb.truth {value} : {T}", loc)

    def call(
        self,
        callee: str,
        args: Sequence[str],
        loc: Loc,
        kwargs: Sequence[Tuple[str, str]] = (),
    ) -> str:
        text = f"nb.call {callee}({', '.join(args)})"
        if kwargs:
            text += " kw(" + ", ".join(v for _, v in kwargs) + ")"
            names = ", ".join(f'"{escape_string(k)}"' for k, _ in kwargs)
            text += " {kwnames = [" + names + "]}"
        text += f" : {_ftype(1 + len(args) + len(kwargs))}"
        return self._def(text, loc)

    def build_tuple(self, items: Sequence[str], loc: Loc) -> str:
        return self._def(f"nb.build_tuple({', '.join(items)}) : {_ftype(len(items))}", loc)

    def getiter(self, value: str, loc: Loc) -> str:
        return self._def(f"nb.getiter {value} : {T} -> {T}", loc)

    def iternext(self, it: str, loc: Loc) -> str:
        return self._def(f"nb.iternext {it} : {T} -> {T}", loc)

    def pair_first(self, pair: str, loc: Loc) -> str:
        return self._def(f"nb.pair_first {pair} : {T} -> {T}", loc)

    def pair_second(self, pair: str, loc: Loc) -> str:
        return self._def(f"nb.pair_second {pair} : {T} -> {T}", loc)

    def print_values(
        self, values: Sequence[str], loc: Loc, sep: Optional[str] = None, end: Optional[str] = None
    ) -> None:
        """``print(*values, sep=sep, end=end)``."""
        attrs = []
        if sep is not None:
            attrs.append(f'sep = "{escape_string(sep)}"')
        if end is not None:
            attrs.append(f'end = "{escape_string(end)}"')
        text = f"nb.print({', '.join(values)})"
        if attrs:
            text += " {" + ", ".join(attrs) + "}"
        if values:
            text += " : " + ", ".join([T] * len(values))
        self._emit(text, loc)

    def exhaust_iter(self, value: str, count: int, loc: Loc) -> str:
        return self._def(f"nb.exhaust_iter {value}, {int(count)} : {T} -> {T}", loc)

    # -- terminators ------------------------------------------------------------
    def ret(self, value: str, loc: Loc) -> None:
        self._terminate(f"nb.return {value} : {T}", loc)

    def raise_exc(self, exc_class: str, args: str, loc: Loc) -> None:
        """Raise ``exc_class(*args)``, ``args`` the literal of a tuple."""
        self._terminate(
            f'nb.raise {{exc_class = "{escape_string(exc_class)}", '
            f'exc_args = "{escape_string(args)}"}}',
            loc,
        )

    def br(self, target: Block, loc: Loc) -> None:
        target.preds += 1
        self._terminate(f"cf.br {target.label}", loc)

    def cond_br(self, cond: str, if_true: Block, if_false: Block, loc: Loc) -> None:
        if_true.preds += 1
        if_false.preds += 1
        self._terminate(f"cf.cond_br {cond}, {if_true.label}, {if_false.label}", loc)

    # -- output -------------------------------------------------------------------
    def render(self, header: str, loc: Loc, indent: str = "  ") -> str:
        """The whole ``func.func`` op; unreachable blocks are dropped."""
        body_indent = indent * 2
        live = [b for b in self.blocks if b is self.entry or b.preds > 0]
        # Number the labels in layout order for readable output.
        number = {b.label: f"^bb{i}" for i, b in enumerate(live)}

        def relabel(m: "re.Match[str]") -> str:
            return number[m.group(0)]

        out = [indent + header]
        for block in live:
            assert block.terminated, f"{block.label} lacks a terminator"
            if block is self.entry:
                lines = self._var_lines + block.lines
            else:
                out.append(f"{indent}{number[block.label]}:")
                lines = block.lines
            if lines and lines[-1].startswith("cf."):
                lines = lines[:-1] + [_LABEL_RE.sub(relabel, lines[-1])]
            out.extend(body_indent + line for line in lines)
        out.append(f"{indent}}} {self.loc(loc)}")
        return "\n".join(out)
