"""Object mode: what ``@jit`` runs when a function does not compile in
nopython mode.

The function runs as Python: the interpreter executes it, with Python's
objects and Python's semantics, so its results are plain Python's. With
loop lifting (the default), each top-level loop that may compile on its own
(:mod:`mumba.frontend.lifting`) is extracted into a function compiled like
``@njit`` for the types it is called with, and the object-mode function is a
rewrite of the original that calls it. A lifted loop that does not compile
for its arguments (they hold Python objects, or its body does not type)
runs interpreted, as the original loop.
"""

from __future__ import annotations

import ast
import inspect
import types
import warnings
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from .dispatcher import PYOBJECT, Dispatcher
from .errors import PerformanceWarning, format_location

__all__ = [
    "FALLBACK",
    "ObjectModeDispatcher",
    "ObjectModeFunction",
    "LiftedLoopDispatcher",
    "warn_fallback",
]


class _Fallback:
    """What a lifted loop returns when it did not compile for its
    arguments: the caller then runs the loop in Python."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<mumba lifted loop fallback>"


FALLBACK = _Fallback()


def _fallback(*args: Any) -> _Fallback:
    return FALLBACK


def make_function(
    fdef: ast.FunctionDef,
    original: types.FunctionType,
    extra: Dict[str, Any],
    qualname: str,
    same_parameters: bool,
) -> types.FunctionType:
    """Compile ``fdef`` into a function that sees ``original``'s globals and
    closure cells, plus ``extra`` names as closure variables. Line numbers
    are the original file's, so tracebacks point at the user's source."""
    code = original.__code__
    free = list(code.co_freevars) + [n for n in extra if n not in code.co_freevars]
    factory = ast.FunctionDef(
        name="__mumba_factory__",
        args=ast.arguments(
            posonlyargs=[],
            args=[ast.arg(arg=n) for n in free],
            vararg=None,
            kwonlyargs=[],
            kw_defaults=[],
            kwarg=None,
            defaults=[],
        ),
        body=[fdef, ast.Return(value=ast.Name(id=fdef.name, ctx=ast.Load()))],
        decorator_list=[],
        returns=None,
    )
    if "type_params" in ast.FunctionDef._fields:
        factory.type_params = []
    ast.copy_location(factory, fdef)
    module = ast.Module(body=[factory], type_ignores=[])
    ast.fix_missing_locations(module)
    namespace: Dict[str, Any] = {}
    exec(compile(module, code.co_filename, "exec"), original.__globals__, namespace)
    factory_code = namespace["__mumba_factory__"].__code__
    inner = next(
        c
        for c in factory_code.co_consts
        if isinstance(c, types.CodeType) and c.co_name == fdef.name
    )
    cells = dict(zip(code.co_freevars, original.__closure__ or ()))
    closure = tuple(
        cells[n] if n in cells else types.CellType(extra[n]) for n in inner.co_freevars
    )
    fn = types.FunctionType(
        inner,
        original.__globals__,
        fdef.name,
        original.__defaults__ if same_parameters else None,
        closure or None,
    )
    if same_parameters:
        fn.__kwdefaults__ = original.__kwdefaults__
        fn.__doc__ = original.__doc__
        fn.__annotations__ = dict(getattr(original, "__annotations__", {}))
    fn.__qualname__ = qualname
    fn.__module__ = original.__module__
    return fn


class LiftedLoopDispatcher(Dispatcher):
    """A lifted loop: compiled like ``@njit`` per argument types; types it
    does not compile for make it return :data:`FALLBACK` instead."""

    def __init__(self, py_func: Callable, source: Any, options: Dict[str, Any], lineno: int) -> None:
        super().__init__(py_func, options)
        self._source = source
        self.lineno = lineno
        #: Argument types (or Python type names) -> why they did not compile.
        self.failures: Dict[Tuple[str, ...], str] = {}

    def __repr__(self) -> str:
        return f"<mumba lifted loop {self.py_func.__qualname__} (line {self.lineno})>"

    def _compile_for(self, args: Tuple[Any, ...]) -> Any:
        try:
            return super()._compile_for(args)
        except Exception as exc:  # noqa: BLE001 - any failure runs Python
            key = tuple(type(a).__name__ for a in args)
            self.failures[key] = getattr(exc, "msg", None) or str(exc)
            return _fallback


def _bound_call_adapter(fn: Callable, py_func: Callable) -> Callable:
    """``fn`` called with one positional value per parameter of
    ``py_func`` (the dispatcher's bound form: ``*args`` as a tuple,
    ``**kwargs`` as a dict, keyword-only ones in order); ``fn`` itself when
    that is already how it is called."""

    params = list(inspect.signature(py_func).parameters.values())
    kinds = {p.kind for p in params}
    if not kinds & {
        inspect.Parameter.VAR_POSITIONAL,
        inspect.Parameter.KEYWORD_ONLY,
        inspect.Parameter.VAR_KEYWORD,
    }:
        return fn
    names = [f"__p{i}" for i in range(len(params))]
    parts = []
    for name, p in zip(names, params):
        if p.kind == p.VAR_POSITIONAL:
            parts.append(f"*{name}")
        elif p.kind == p.KEYWORD_ONLY:
            parts.append(f"{p.name}={name}")
        elif p.kind == p.VAR_KEYWORD:
            parts.append(f"**{name}")
        else:
            parts.append(name)
    code = (
        f"def __mumba_bound_call__({', '.join(names)}):\n"
        f"    return __mumba_target__({', '.join(parts)})\n"
    )
    namespace: Dict[str, Any] = {"__mumba_target__": fn}
    exec(code, namespace)
    adapter = namespace["__mumba_bound_call__"]
    adapter.__qualname__ = getattr(py_func, "__qualname__", adapter.__qualname__)
    return adapter


class ObjectModeFunction:
    """The Python function object mode runs for a jitted function, with its
    loops lifted when it can."""

    def __init__(self, dispatcher: Dispatcher, looplift: bool) -> None:
        self.dispatcher = dispatcher
        self.function: Callable = dispatcher.py_func
        self.loops: List[LiftedLoopDispatcher] = []
        #: (line, reason) for the top-level loops that are not lifted.
        self.rejected: List[Tuple[int, str]] = []
        #: Why lifting was not tried at all ("" when it was).
        self.no_lifting_reason = "" if looplift else "loop lifting is off"
        if looplift:
            self._lift()
        #: What the native dispatcher calls: ``function`` taking one value
        #: per parameter, as the dispatcher passes them.
        self.entry: Callable = _bound_call_adapter(self.function, dispatcher.py_func)

    def _lift(self) -> None:
        from .frontend.lifting import (
            FALLBACK_NAME,
            find_loops,
            rewrite_function,
            why_not_rewritable,
        )
        from .frontend.source import FunctionSource

        py_func = self.dispatcher.py_func
        try:
            src = self.dispatcher.source()
        except Exception as exc:  # noqa: BLE001 - no source: interpret as is
            self.no_lifting_reason = f"no source ({getattr(exc, 'msg', exc)})"
            return
        if py_func.__name__ == "<lambda>":
            self.no_lifting_reason = "a lambda has no statements to lift"
            return
        why = why_not_rewritable(src.node)
        if why is None and "__class__" in py_func.__code__.co_freevars:
            why = "the function refers to its class"
        if why is not None:
            self.no_lifting_reason = why
            return
        found, self.rejected = find_loops(src.node, py_func.__name__)
        if not found:
            return
        # The loops compile as @njit functions.
        options = {
            k: v
            for k, v in self.dispatcher.options.items()
            if k not in ("objmode_fallback", "forceobj", "looplift")
        }
        extra: Dict[str, Any] = {FALLBACK_NAME: FALLBACK}
        try:
            for loop in found:
                fn = make_function(
                    loop.function_def,
                    py_func,
                    {},
                    f"{py_func.__qualname__}.<loop at line {loop.lineno}>",
                    same_parameters=False,
                )
                fsrc = FunctionSource(filename=src.filename, node=loop.function_def, lines=src.lines)
                lifted = LiftedLoopDispatcher(fn, fsrc, options, loop.lineno)
                lifted.inputs = list(loop.inputs)
                lifted.outputs = list(loop.outputs)
                self.loops.append(lifted)
                extra[loop.var] = lifted
            wrapper = rewrite_function(src.node, found)
            self.function = make_function(
                wrapper, py_func, extra, py_func.__qualname__, same_parameters=True
            )
        except Exception as exc:  # noqa: BLE001 - lifting is an optimisation
            self.loops = []
            self.function = py_func
            self.no_lifting_reason = f"lifting failed ({type(exc).__name__}: {exc})"


def warn_fallback(dispatcher: Dispatcher, exc: BaseException, objmode: ObjectModeFunction) -> None:
    """The PerformanceWarning for a function that falls back to object
    mode: the reason, and where in the source it lies."""
    py_func = dispatcher.py_func
    reason = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
    filename = getattr(exc, "filename", None)
    lineno = getattr(exc, "lineno", None)
    col = getattr(exc, "col", None)
    if not filename or not lineno:
        filename = py_func.__code__.co_filename
        lineno = py_func.__code__.co_firstlineno
        try:
            lineno = dispatcher.source().node.lineno
        except Exception:  # noqa: BLE001
            pass
        col = None
    lifting = "WITHOUT" if objmode.no_lifting_reason == "loop lifting is off" else "WITH"
    msg = (
        f'Compilation of "{py_func.__qualname__}" is falling back to object mode '
        f"{lifting} loop lifting enabled because nopython compilation failed "
        f"at line {lineno}: {reason}"
    )
    if objmode.loops:
        lines = ", ".join(str(loop.lineno) for loop in objmode.loops)
        noun = "loop" if len(objmode.loops) == 1 else "loops"
        msg += f"\n({len(objmode.loops)} {noun} lifted, at line {lines})"
    where = format_location(filename, lineno, col)
    if where:
        msg += "\n\n" + where
    warnings.warn_explicit(
        msg,
        PerformanceWarning,
        filename,
        lineno,
        module=getattr(py_func, "__module__", None) or "mumba",
    )


class ObjectModeDispatcher(Dispatcher):
    """What ``@jit`` returns: a dispatcher that runs the function in object
    mode (interpreted, its loops lifted) where nopython mode fails, or
    always with ``forceobj=True``."""

    def _object_mode(self) -> ObjectModeFunction:
        """The Python function object mode runs (built once)."""
        with self._lock:
            if self._objmode is None:
                self._objmode = ObjectModeFunction(self, self.options.get("looplift", True))
            return self._objmode

    def _fall_back(self, args: Tuple[Any, ...], exc: Optional[BaseException]) -> Callable:
        """Object mode for ``args``; with a PerformanceWarning giving ``exc``
        unless object mode was asked for (``exc`` None, ``forceobj``)."""
        objmode = self._object_mode()
        sig = (PYOBJECT,) * len(args)
        if sig not in self._objmode_signatures:
            self._objmode_signatures.append(sig)
        if exc is not None:
            warn_fallback(self, exc, objmode)
        return objmode.entry

    def _objmode_types_text(self) -> str:
        objmode = self._object_mode()
        lines = [
            f"{self.py_func.__name__} ({', '.join(self._objmode_signatures[0])})",
            "-" * 80,
            "# object mode: the function runs in the Python interpreter",
        ]
        if objmode.no_lifting_reason:
            lines.append(f"# no loops lifted: {objmode.no_lifting_reason}")
        for loop in objmode.loops:
            lines.append(
                f"# lifted loop at line {loop.lineno}: {loop.py_func.__name__}"
                f"({', '.join(loop.inputs)}) -> ({', '.join(loop.outputs)})"
            )
            for key, why in loop.failures.items():
                lines.append(f"#   runs in Python for ({', '.join(key)}): {why}")
        for line, why in objmode.rejected:
            lines.append(f"# loop at line {line} not lifted: {why}")
        lines.append("=" * 80)
        text = "\n".join(lines) + "\n"
        for loop in objmode.loops:
            if loop.nopython_signatures:
                text += loop._types_text()
        return text


