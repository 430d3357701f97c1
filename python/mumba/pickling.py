"""Jitted functions across processes: pickling by reference or by value.

A dispatcher (or a Mumba ufunc) pickles **by reference** when another
process can import it: its module is not ``__main__`` and the module
attribute its qualified name spells is the object itself. Otherwise it
pickles **by value**: the function's source text, the globals its code
reads (modules by name, jitted functions recursively, other values as
pickle stores them), its closure's values (the rebuilt function is
closure-free: they become globals), its defaults, and the options it was
decorated with. The receiving process rebuilds the function from that
source (registered with :mod:`linecache`, so errors still show the line
and a caret) and compiles it on its first call; by-reference objects load
from the cache when their module says ``cache=True``.
"""

from __future__ import annotations

import ast
import builtins
import hashlib
import importlib
import linecache
import sys
import textwrap
import types
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, Tuple

__all__ = [
    "importable_name",
    "function_state",
    "rebuild_function",
    "rebuild_dispatcher",
    "FunctionState",
]


def _getattribute(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if part == "<locals>":
            raise AttributeError(dotted)
        obj = getattr(obj, part)
    return obj


def importable_name(obj: Any, module: Optional[str], qualname: Optional[str]) -> bool:
    """Whether ``module.qualname`` names ``obj`` in a module that another
    process imports under the same name (not ``__main__``)."""
    if not module or not qualname or module in ("__main__", "__mp_main__"):
        return False
    mod = sys.modules.get(module)
    if mod is None:
        try:
            mod = importlib.import_module(module)
        except Exception:  # noqa: BLE001 - not importable, then
            return False
    try:
        return _getattribute(mod, qualname) is obj
    except AttributeError:
        return False


@dataclass(frozen=True)
class _ModuleRef:
    """A module a function's globals name, imported again on arrival."""

    name: str


@dataclass(frozen=True)
class _SelfRef:
    """The pickled object itself (a recursive function names itself)."""


@dataclass
class FunctionState:
    """A plain Python function as source and the values it reads."""

    name: str
    qualname: str
    module: str
    filename: str
    firstlineno: int
    source: str
    values: Dict[str, Any]
    defaults: Optional[Tuple[Any, ...]]
    kwdefaults: Optional[Dict[str, Any]]


def _code_names(code: types.CodeType) -> set:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def _freeze(value: Any, owner: Any) -> Any:
    if owner is not None and value is owner:
        return _SelfRef()
    if isinstance(value, types.ModuleType):
        return _ModuleRef(value.__name__)
    return value


def _function_text(fn: Callable) -> Tuple[str, int]:
    """The definition alone (no decorators), dedented, and its first line."""
    from .frontend import get_source  # noqa: PLC0415 - import cost, as the dispatcher's

    src = get_source(fn)
    node = src.node
    if fn.__name__ == "<lambda>":
        # A lambda is cut out of a larger line: rebuild it as an assignment.
        ret = node.body[0]
        lam = ast.Lambda(args=node.args, body=ret.value)
        return f"{fn.__name__.strip('<>')}_ = {ast.unparse(lam)}\n", node.lineno
    last = getattr(node, "end_lineno", None) or max(src.lines)
    lines = [src.lines.get(i, "") for i in range(node.lineno, last + 1)]
    return textwrap.dedent("\n".join(lines)) + "\n", node.lineno


def function_state(fn: Callable, owner: Any = None) -> FunctionState:
    """What rebuilds ``fn`` in another process; ``owner`` (the dispatcher or
    ufunc being pickled) is stored as a reference to itself."""
    source, first = _function_text(fn)
    values: Dict[str, Any] = {}
    for name in sorted(_code_names(fn.__code__)):
        if name in fn.__globals__:
            values[name] = _freeze(fn.__globals__[name], owner)
    if fn.__closure__:
        for name, cell in zip(fn.__code__.co_freevars, fn.__closure__):
            try:
                values[name] = _freeze(cell.cell_contents, owner)
            except ValueError:  # an empty cell: the name stays undefined
                pass
    return FunctionState(
        name=fn.__name__,
        qualname=fn.__qualname__,
        module=fn.__module__ or "__main__",
        filename=fn.__code__.co_filename,
        firstlineno=first,
        source=source,
        values=values,
        defaults=fn.__defaults__,
        kwdefaults=fn.__kwdefaults__,
    )


def _register_source(state: FunctionState, text: str) -> str:
    """A pseudo file name for the rebuilt function's text, in linecache."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    filename = f"<mumba pickled {state.qualname} from {state.filename} {digest}>"
    # mtime None: linecache.checkcache leaves the entry alone.
    linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
    return filename


def rebuild_function(state: FunctionState, owner: Any = None) -> Tuple[Callable, Dict[str, Any]]:
    """The function ``state`` describes, and its globals dictionary (in
    which references to the pickled object itself are set later with
    :func:`bind_self`)."""
    # Blank lines first, so line numbers are the original file's.
    text = "\n" * (state.firstlineno - 1) + state.source
    filename = _register_source(state, text)
    values = {}
    for name, value in state.values.items():
        if isinstance(value, _ModuleRef):
            value = importlib.import_module(value.name)
        values[name] = value
    namespace: Dict[str, Any] = {"__builtins__": builtins, "__name__": state.module}
    namespace.update(values)
    exec(compile(text, filename, "exec"), namespace)  # noqa: S102 - our own pickle
    key = state.name if state.name != "<lambda>" else "lambda_"
    fn = namespace[key]
    # The definition took the name of a global it may read (itself, as a
    # dispatcher): put the globals back.
    namespace.update(values)
    if key not in values:
        del namespace[key]
    fn.__defaults__ = state.defaults
    fn.__kwdefaults__ = state.kwdefaults
    fn.__qualname__ = state.qualname
    return fn, namespace


def bind_self(state: FunctionState, namespace: Dict[str, Any], obj: Any) -> None:
    """Points the names that referred to the pickled object at ``obj``."""
    for name, value in state.values.items():
        if isinstance(value, _SelfRef):
            namespace[name] = obj


def rebuild_dispatcher(cls: type, state: FunctionState, options: Dict[str, Any], signatures: Any) -> Any:
    """A dispatcher of class ``cls`` over the rebuilt function; explicit
    ``signatures`` compile now, others on the first call."""
    fn, namespace = rebuild_function(state)
    disp = cls(fn, options)
    bind_self(state, namespace, disp)
    for sig in signatures or ():
        disp.add_signature(sig)
    return disp
