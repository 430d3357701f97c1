"""Loop lifting: the top-level loops of an object-mode function that may
compile on their own.

Numba's loop lifting, on the AST. For each ``for`` or ``while`` statement in
the function's top-level body, the analysis finds

- its inputs: the function's local variables the loop reads that may be
  assigned before it (the others are the loop's own temporaries), and
- its outputs: the locals the loop assigns that are read after it (a read
  before an unconditional top-level reassignment).

The loop becomes a function of its inputs that returns its outputs
(:attr:`LiftedLoop.function_def`, lowered as any ``@njit`` function with the
original file positions), and the object-mode function is rewritten to call
it (:func:`rewrite_function`)::

    $res = <lifted>(in1, in2)          # compiled per argument types
    if $res is <FALLBACK>:             # the loop did not compile for them
        <the original loop>
    else:
        out1, out2 = $res

so a loop that does not type in nopython mode still runs, interpreted.
Loops nested in other statements are not lifted (they run in Python with
the statement around them); neither is a loop that returns, yields, uses
nested scopes, ``del``, ``global``/``nonlocal``, ``super()`` or private
(name-mangled) names, or that assigns a variable read after it which may be
unassigned before it.
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Set, Tuple, Union

from .scope import local_names, parameter_names

__all__ = ["LiftedLoop", "find_loops", "rewrite_function", "why_not_rewritable", "FALLBACK_NAME"]

Loop = Union[ast.For, ast.While]

#: What a lifted loop returns when it did not compile for its arguments;
#: the rewritten function's names are dunder names, which user code does
#: not use.
FALLBACK_NAME = "__mumba_fallback__"

_NESTED = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Lambda,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
    ast.GeneratorExp,
)
_FORBIDDEN = {
    ast.Return: "it contains 'return'",
    ast.Yield: "it contains 'yield'",
    ast.YieldFrom: "it contains 'yield from'",
    ast.Await: "it contains 'await'",
    ast.Global: "it contains a 'global' declaration",
    ast.Nonlocal: "it contains a 'nonlocal' declaration",
    ast.Delete: "it contains 'del'",
}


@dataclass
class LiftedLoop:
    """One top-level loop that is lifted out of an object-mode function."""

    index: int
    """Position of the loop in the function's top-level body."""
    node: Loop
    """The loop as it is in the function's AST."""
    inputs: List[str]
    outputs: List[str]
    name: str
    """The lifted function's name, ``<function>__loop<n>``."""
    var: str
    """The name the rewritten function calls it by."""
    function_def: ast.FunctionDef = field(repr=False)
    guard_inputs: bool = False
    """Whether some input may be unassigned when the loop starts (the
    rewritten code then checks, and runs the loop in Python if so)."""

    @property
    def lineno(self) -> int:
        return self.node.lineno


def _names(node: ast.AST, ctx: type) -> List[str]:
    """Names with context ``ctx`` in ``node``, in source order, nested
    scopes included (a closure reads its free names too)."""
    out: Dict[str, None] = {}
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ctx):
            out.setdefault(n.id)
    return sorted(out, key=lambda name: _first_position(node, name, ctx))


def _first_position(node: ast.AST, name: str, ctx: type) -> Tuple[int, int]:
    best = (1 << 30, 0)
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ctx):
            best = min(best, (n.lineno, n.col_offset))
    return best


def _loads(node: ast.AST) -> List[str]:
    """Names a statement reads: loads, and the targets of ``x += ...``."""
    names = _names(node, ast.Load)
    for n in ast.walk(node):
        if isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name):
            if n.target.id not in names:
                names.append(n.target.id)
    return names


def _target_names(target: ast.AST) -> Set[str]:
    return {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}


def _definitely_assigned(stmts: Iterable[ast.stmt]) -> Set[str]:
    """Names every path through ``stmts`` assigns (conservatively)."""
    names: Set[str] = set()
    for s in stmts:
        if isinstance(s, ast.Assign):
            for t in s.targets:
                names |= {
                    n.id
                    for n in ast.walk(t)
                    if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
                }
        elif isinstance(s, (ast.AnnAssign, ast.AugAssign)):
            if isinstance(s.target, ast.Name) and (
                not isinstance(s, ast.AnnAssign) or s.value is not None
            ):
                names.add(s.target.id)
        elif isinstance(s, (ast.Import, ast.ImportFrom)):
            for alias in s.names:
                names.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(s, ast.If):
            if s.orelse:
                names |= _definitely_assigned(s.body) & _definitely_assigned(s.orelse)
        elif isinstance(s, (ast.With, ast.AsyncWith)):
            for item in s.items:
                if item.optional_vars is not None:
                    names |= _target_names(item.optional_vars)
            names |= _definitely_assigned(s.body)
        elif isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(s.name)
    return names


def _maybe_assigned(stmts: Iterable[ast.stmt]) -> Set[str]:
    """Names some path through ``stmts`` may assign."""
    names: Set[str] = set()
    for s in stmts:
        for n in ast.walk(s):
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                names.add(n.id)
            elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(n.name)
            elif isinstance(n, (ast.Import, ast.ImportFrom)):
                for alias in n.names:
                    names.add((alias.asname or alias.name).split(".")[0])
            elif isinstance(n, ast.ExceptHandler) and n.name:
                names.add(n.name)
    return names


def _live_after(rest: List[ast.stmt]) -> Set[str]:
    """Names read by ``rest`` before an unconditional top-level
    reassignment."""
    live: Set[str] = set()
    killed: Set[str] = set()
    for s in rest:
        for name in _loads(s):
            if name not in killed:
                live.add(name)
        killed |= _definitely_assigned([s])
    return live


def _why_not(loop: Loop) -> Optional[str]:
    for n in ast.walk(loop):
        for cls, why in _FORBIDDEN.items():
            if isinstance(n, cls):
                return why
        if n is not loop and isinstance(n, _NESTED):
            return "it contains a nested function, class or comprehension"
        name = None
        if isinstance(n, ast.Name):
            name = n.id
        elif isinstance(n, ast.Attribute):
            name = n.attr
        if name == "super":
            return "it calls super()"
        if name and name.startswith("__") and not name.endswith("__"):
            return f"it uses the private name {name!r}"
    return None


def why_not_rewritable(fdef: ast.FunctionDef) -> Optional[str]:
    """Why the function as a whole cannot be recompiled outside its class:
    zero-argument ``super()`` needs the class cell, private names are
    mangled with the class's name."""
    for n in ast.walk(fdef):
        name = n.id if isinstance(n, ast.Name) else n.attr if isinstance(n, ast.Attribute) else None
        if name == "super":
            return "the function calls super()"
        if name and name.startswith("__") and not name.endswith("__"):
            return f"the function uses the private name {name!r}"
    return None


def find_loops(fdef: ast.FunctionDef, fn_name: str) -> Tuple[List[LiftedLoop], List[Tuple[int, str]]]:
    """The liftable top-level loops of ``fdef``, and ``(line, reason)`` for
    each top-level loop that is not lifted."""
    params = parameter_names(fdef)
    local = set(local_names(fdef))
    lifted: List[LiftedLoop] = []
    rejected: List[Tuple[int, str]] = []
    body = fdef.body
    for index, stmt in enumerate(body):
        if not isinstance(stmt, (ast.For, ast.While)):
            continue
        why = _why_not(stmt)
        before = body[:index]
        definite = set(params) | _definitely_assigned(before)
        maybe = definite | _maybe_assigned(before)
        loads = [n for n in _loads(stmt) if n in local]
        stores = [n for n in _names(stmt, ast.Store) if n in local]
        live = _live_after(body[index + 1 :])
        outputs = [n for n in stores if n in live]
        if why is None:
            unsure = [n for n in outputs if n not in maybe]
            if unsure:
                why = (
                    f"variable {unsure[0]!r} is read after the loop but may be "
                    "unassigned before it"
                )
        if why is not None:
            rejected.append((stmt.lineno, why))
            continue
        inputs = [n for n in loads if n in maybe]
        inputs += [n for n in outputs if n not in inputs]
        name = f"{fn_name}__loop{len(lifted)}"
        lifted.append(
            LiftedLoop(
                index=index,
                node=stmt,
                inputs=inputs,
                outputs=outputs,
                name=name,
                var=f"__mumba_loop{len(lifted)}__",
                function_def=_loop_function(stmt, name, inputs, outputs),
                guard_inputs=any(n not in definite for n in inputs),
            )
        )
    return lifted, rejected


def _loc(node: ast.AST, like: ast.AST) -> ast.AST:
    """``node`` and its children at ``like``'s position."""
    for n in ast.walk(node):
        if hasattr(n, "lineno") or isinstance(n, (ast.expr, ast.stmt, ast.arg)):
            ast.copy_location(n, like)
            n.end_lineno = getattr(like, "lineno", None)
            n.end_col_offset = getattr(like, "col_offset", None)
    return node


def _loop_function(loop: Loop, name: str, inputs: List[str], outputs: List[str]) -> ast.FunctionDef:
    """``def name(inputs): <loop>; return outputs``, at the loop's lines."""
    args = ast.arguments(
        posonlyargs=[],
        args=[_loc(ast.arg(arg=n), loop) for n in inputs],
        vararg=None,
        kwonlyargs=[],
        kw_defaults=[],
        kwarg=None,
        defaults=[],
    )
    body: List[ast.stmt] = [copy.deepcopy(loop)]
    if len(outputs) == 1:
        value: Optional[ast.expr] = ast.Name(id=outputs[0], ctx=ast.Load())
    elif outputs:
        value = ast.Tuple(elts=[ast.Name(id=n, ctx=ast.Load()) for n in outputs], ctx=ast.Load())
    else:
        value = None
    body.append(_loc(ast.Return(value=value), loop))
    fdef = ast.FunctionDef(name=name, args=args, body=body, decorator_list=[], returns=None)
    if "type_params" in ast.FunctionDef._fields:
        fdef.type_params = []
    ast.copy_location(fdef, loop)
    fdef.end_lineno = getattr(loop, "end_lineno", loop.lineno)
    fdef.end_col_offset = getattr(loop, "end_col_offset", 0)
    return fdef


def _parse_stmts(text: str, like: ast.AST) -> List[ast.stmt]:
    return [_loc(s, like) for s in ast.parse(text).body]


def rewrite_function(fdef: ast.FunctionDef, loops: List[LiftedLoop]) -> ast.FunctionDef:
    """A copy of ``fdef`` whose lifted loops call their functions (by the
    names :attr:`LiftedLoop.name`), falling back to the loop itself."""
    new = copy.deepcopy(fdef)
    new.decorator_list = []
    # Defaults and annotations are the original function's objects, not
    # evaluated again (the caller copies them over).
    new.returns = None
    a = new.args
    a.defaults = []
    a.kw_defaults = [None] * len(a.kwonlyargs)
    for p in (*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg):
        if p is not None:
            p.annotation = None
    by_index = {loop.index: loop for loop in loops}
    body: List[ast.stmt] = []
    for index, stmt in enumerate(new.body):
        loop = by_index.get(index)
        if loop is None:
            body.append(stmt)
            continue
        res = f"__mumba_res{len(body)}__"
        call = f"{loop.var}({', '.join(loop.inputs)})"
        if loop.guard_inputs:
            # An input that is not assigned yet: run the loop in Python,
            # which raises exactly where Python would.
            code = (
                f"try:\n    {res} = ({', '.join(loop.inputs)},)\n"
                f"except NameError:\n    {res} = {FALLBACK_NAME}\n"
                f"else:\n    {res} = {loop.var}(*{res})\n"
            )
        else:
            code = f"{res} = {call}\n"
        stmts = _parse_stmts(code, stmt)
        if loop.outputs:
            unpack = ", ".join(loop.outputs)
            orelse = _parse_stmts(f"{unpack} = {res}\n", stmt)
        else:
            orelse = []
        test = _parse_stmts(f"{res} is {FALLBACK_NAME}\n", stmt)[0].value
        branch = ast.If(test=test, body=[stmt], orelse=orelse)
        ast.copy_location(branch, stmt)
        body.extend(stmts)
        body.append(branch)
    new.body = body
    return new
