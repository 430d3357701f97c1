"""The ``@njit`` decorator and the dispatcher that compiles per signature."""

from __future__ import annotations

import functools
import inspect
import os
import threading
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from ._dispatch import DispatcherBase
from .errors import MumbaError, TypingError, UnsupportedError
from .typeof import typeof

__all__ = ["Dispatcher", "njit", "jit", "STAGES"]

#: Stages that :meth:`Dispatcher.inspect_mlir` can show.
STAGES = ("nb", "nb-ssa", "nb-typed", "std", "llvm")

_ext = None


def _extension():
    """Import the C++ extension on first use (never at ``import mumba``)."""
    global _ext
    if _ext is None:
        from . import _mumba  # type: ignore[attr-defined]

        _ext = _mumba
    return _ext


def _convert_compile_error(exc: Exception) -> MumbaError:
    """Turn ``_mumba.CompileError`` into a TypingError / UnsupportedError.

    ``exc.diagnostics`` holds ``(severity, message, filename, line, col)``
    tuples; the first error is the exception, the others become notes.
    """
    diags = list(getattr(exc, "diagnostics", None) or [])
    if not diags:
        return TypingError(str(exc) or "compilation failed")
    first = next((i for i, d in enumerate(diags) if d[0] == "error"), 0)
    _, msg, fname, line, col = diags[first]
    notes = []
    for i, (severity, m, f, l, c) in enumerate(diags):
        if i != first:
            label = m if severity == "note" else f"{severity}: {m}"
            notes.append((label, f or None, l or None, c or None))
    cls = UnsupportedError if msg.startswith("unsupported") else TypingError
    return cls(msg, fname or None, line or None, col or None, notes)


class Dispatcher(DispatcherBase):
    """A jitted function: compiles one specialisation per argument types.

    Calls go through the native base class (python/src/Dispatcher.cpp),
    which keys the arguments' types in C and calls the compiled code; this
    class runs only on a miss (:meth:`_compile_for`: type the arguments with
    :func:`mumba.typeof.typeof`, compile) and for keyword arguments.
    """

    def __init__(self, py_func: Callable, options: Dict[str, Any]) -> None:
        if not inspect.isfunction(py_func):
            raise TypeError(f"njit expects a Python function, got {py_func!r}")
        self.py_func = py_func
        self.options = dict(options)
        self._overloads: Dict[Tuple[str, ...], Any] = {}
        self._last_key: Optional[Tuple[str, ...]] = None
        self._source = None
        self._signature: Optional[inspect.Signature] = None
        self._lock = threading.RLock()
        code = py_func.__code__
        # Calls with exactly the positional parameters take the native path
        # directly; others bind first.
        argcount = code.co_argcount if not code.co_kwonlyargcount else -1
        super().__init__(argcount)
        functools.update_wrapper(self, py_func)

    # -- introspection ----------------------------------------------------------
    def __repr__(self) -> str:
        return f"<mumba.Dispatcher {self.py_func.__qualname__}>"

    @property
    def signatures(self) -> List[Tuple[str, ...]]:
        """Argument type tuples compiled so far, in compile order."""
        return list(self._overloads)

    def source(self):
        """The parsed source (:class:`mumba.frontend.FunctionSource`)."""
        if self._source is None:
            from .frontend import get_source

            self._source = get_source(self.py_func)
        return self._source

    def module_text(self, arg_types: Sequence[str]) -> Tuple[str, str]:
        """The untyped nb module the frontend builds for ``arg_types``, and
        the entry symbol (no compilation)."""
        from .frontend import build_module

        return build_module(self, tuple(arg_types))

    def _overload(self, signature) -> Any:
        if not self._overloads:
            raise ValueError(f"{self.__name__} has not been compiled yet; call it first")
        if signature is None:
            return self._overloads[self._last_key]
        key = tuple(signature)
        if key not in self._overloads:
            raise KeyError(
                f"no specialisation of {self.__name__} for {key}; compiled: {self.signatures}"
            )
        return self._overloads[key]

    def inspect_mlir(self, stage: str = "nb", signature: Optional[Sequence[str]] = None) -> str:
        """MLIR text of one specialisation after ``stage``: ``"nb"`` (the
        frontend's module as MLIR prints it), ``"nb-ssa"``, ``"nb-typed"``,
        ``"std"`` or ``"llvm"``.  ``signature`` defaults to the last one
        compiled."""
        stages = self._overload(signature).stages
        if stage not in stages:
            raise ValueError(f"unknown stage {stage!r}; available: {sorted(stages)}")
        return stages[stage]

    def inspect_llvm(self, signature: Optional[Sequence[str]] = None) -> str:
        """The LLVM IR of one specialisation as the JIT compiled it, after
        LLVM's optimisations (made on the first request).  ``signature``
        defaults to the last one compiled."""
        return self._overload(signature).llvm_ir()

    def inspect_asm(self, signature: Optional[Sequence[str]] = None) -> str:
        """The assembly of one specialisation's machine code, for the CPU it
        was compiled for (made on the first request).  ``signature`` defaults
        to the last one compiled."""
        return self._overload(signature).asm()

    # -- compilation ------------------------------------------------------------
    def _bind(self, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Tuple[Any, ...]:
        if self._signature is None:
            self._signature = inspect.signature(self.py_func)
        bound = self._signature.bind(*args, **kwargs)
        bound.apply_defaults()
        return tuple(bound.arguments[name] for name in self._signature.parameters)

    def _raise_argument_error(self, args: Tuple[Any, ...]) -> None:
        """Re-type ``args`` one by one to name the offending parameter."""
        names = list(inspect.signature(self.py_func).parameters)
        for i, a in enumerate(args):
            typeof(a, names[i] if i < len(names) else f"#{i}")

    def compile(self, arg_types: Sequence[str]) -> Any:
        """Compile (or find) the specialisation for ``arg_types``."""
        key = tuple(arg_types)
        with self._lock:
            compiled = self._overloads.get(key)
            if compiled is None:
                text, entry = self.module_text(key)
                ext = _extension()
                try:
                    compiled = ext.compile(
                        text,
                        entry,
                        opt_level=self.options.get("opt_level", 3),
                        fastmath=self.options["fastmath"],
                        boundscheck=self.options["boundscheck"],
                        error_model=self.options["error_model"],
                        nogil=self.options.get("nogil", False),
                        vectorize=self.options.get("vectorize", True),
                        target_cpu=self.options.get("target_cpu", ""),
                        target_features=self.options.get("target_features", ""),
                    )
                except ext.CompileError as exc:
                    raise _convert_compile_error(exc) from None
                self._overloads[key] = compiled
            self._last_key = key
            return compiled

    def _compile_for(self, args: Tuple[Any, ...]) -> Any:
        """The specialisation for ``args``' types, compiled if need be; the
        native call path asks when it has not seen these types before."""
        try:
            key = tuple(map(typeof, args))
        except TypeError:
            self._raise_argument_error(args)
            raise
        compiled = self._overloads.get(key)
        if compiled is None:
            compiled = self.compile(key)
        return compiled

    def _call_with_keywords(self, *args: Any, **kwargs: Any) -> Any:
        """Binds keyword arguments and defaults, then calls natively."""
        return self._call_bound(*self._bind(args, kwargs))


def njit(
    fn: Optional[Callable] = None,
    *,
    cache: bool = False,
    fastmath: bool = False,
    parallel: bool = False,
    boundscheck: Optional[bool] = None,
    error_model: str = "python",
    nogil: bool = False,
):
    """Compile a function to native code on its first call, like Numba's.

    Use as ``@njit`` or ``@njit(fastmath=True, ...)``; the options are in
    ``f.options``. ``boundscheck=None`` follows the environment variable
    ``MUMBA_BOUNDSCHECK`` (``1`` checks every array index); ``nogil=True``
    releases the GIL while the compiled code runs.
    """
    if isinstance(fn, str) or (fn is not None and not callable(fn)):
        raise NotImplementedError("explicit signatures are not supported yet")
    if error_model not in ("python", "numpy"):
        raise ValueError(f"error_model must be 'python' or 'numpy', not {error_model!r}")
    if boundscheck is None:
        boundscheck = os.environ.get("MUMBA_BOUNDSCHECK", "0") not in ("", "0")
    options = dict(
        cache=cache,
        fastmath=fastmath,
        parallel=parallel,
        boundscheck=boundscheck,
        error_model=error_model,
        nogil=nogil,
    )

    def wrap(f: Callable) -> Dispatcher:
        return Dispatcher(f, options)

    return wrap(fn) if fn is not None else wrap


def jit(
    fn: Optional[Callable] = None,
    *,
    nopython: bool = False,
    forceobj: bool = False,
    **options: Any,
):
    """``jit(nopython=True)`` is :func:`njit`; object mode is not done yet."""
    if not nopython or forceobj:
        raise NotImplementedError(
            "mumba.jit supports only nopython=True for now (object mode is not "
            "implemented); use mumba.njit"
        )
    return njit(fn, **options)
