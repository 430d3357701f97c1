"""The dispatcher: one compiled specialisation per argument types.

A :class:`Dispatcher` is what ``@njit`` returns (:mod:`mumba.decorators`);
its call path is native (python/src/Dispatcher.cpp) and this class runs on
a miss only. ``cache=True`` keeps compiled code on disk
(:mod:`mumba.cache`); object mode is a subclass (:mod:`mumba.objmode`).
"""

from __future__ import annotations

import collections
import functools
import inspect
import sys
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, TextIO, Tuple

from . import config
from ._dispatch import DispatcherBase
from .compiler import STAGES, convert_compile_error, extension
from .pickling import function_state, importable_name, rebuild_dispatcher
from .typeof import typeof

__all__ = ["Dispatcher", "STAGES", "DispatcherStats"]


def _signatures():
    """mumba.signatures, imported on first use: its regular expressions
    cost a few milliseconds that ``import mumba`` need not pay."""
    from . import signatures  # noqa: PLC0415 - import cost

    return signatures

class _Default:
    """Stands for every default in a binding stub (its repr is the name the
    stub's source binds)."""

    def __repr__(self) -> str:
        return "_default"


def _binding_error(func: Callable, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> TypeError:
    """The TypeError CPython gives for calling ``func`` with these
    arguments, exactly: a stub with ``func``'s parameters (defaults,
    keyword-only, ``/``, ``*args`` and ``**kwargs`` included) is called
    instead, so no code of ``func`` runs. inspect's own messages differ
    ("missing a required argument: 'a'" for an unexpected keyword)."""
    signature = inspect.signature(func)
    plain = signature.replace(
        parameters=[
            p.replace(
                annotation=inspect.Parameter.empty,
                default=_Default() if p.default is not inspect.Parameter.empty else p.default,
            )
            for p in signature.parameters.values()
        ],
        return_annotation=inspect.Signature.empty,
    )
    scope: Dict[str, Any] = {"_default": None}
    exec(f"def stub{plain}:\n    pass\n", scope)  # noqa: S102 - our own text
    stub = scope["stub"]
    stub.__name__ = func.__name__
    stub.__qualname__ = getattr(func, "__qualname__", func.__name__)
    try:
        stub(*args, **kwargs)
    except TypeError as error:
        return error
    return TypeError(f"cannot bind the arguments of {func.__qualname__}()")


#: How a specialisation compiled in object mode is listed in ``signatures``.
PYOBJECT = "pyobject"

@dataclass
class DispatcherStats:
    """Counts per signature (argument-type tuple), as Numba's
    ``dispatcher.stats``: entries loaded from the cache, and compiles that
    found no usable entry."""

    cache_hits: collections.Counter = field(default_factory=collections.Counter)
    cache_misses: collections.Counter = field(default_factory=collections.Counter)


class Dispatcher(DispatcherBase):
    """A jitted function: compiles one specialisation per argument types.

    Calls go through the native base class (python/src/Dispatcher.cpp),
    which keys the arguments' types in C and calls the compiled code (or,
    in object mode, the Python function); this class runs only on a miss
    (:meth:`_compile_for`) and for keyword arguments.
    """

    #: How the frontend recognises a jitted callee (as Numba's
    #: ``_numba_type_``) without importing this module.
    _mumba_jitted_ = True

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
        #: Explicit signatures: set when the function was decorated with them;
        #: no other specialisation is then compiled.
        self._explicit: Optional[List[Any]] = None
        #: Declared return types of the explicit signatures, by argument types.
        self._declared: Dict[Tuple[str, ...], Optional[str]] = {}
        self._objmode = None
        self._objmode_signatures: List[Tuple[str, ...]] = []
        self._cache = None
        self.stats = DispatcherStats()
        code = py_func.__code__
        # Calls with exactly the positional parameters take the native path
        # directly; others bind first (always, with *args or **kwargs).
        varargs = code.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS)
        argcount = code.co_argcount if not (code.co_kwonlyargcount or varargs) else -1
        super().__init__(argcount)
        functools.update_wrapper(self, py_func)

    # -- modes ----------------------------------------------------------------------
    @property
    def nopython(self) -> bool:
        """False for ``@jit`` functions, which may fall back to object mode."""
        return not self.options.get("objmode_fallback", False) and not self.options.get(
            "forceobj", False
        )

    @property
    def lifted_loops(self) -> List[Any]:
        """The loops lifted out of this function in object mode (each a
        dispatcher of its own); empty until object mode is used."""
        return list(self._objmode.loops) if self._objmode is not None else []

    # -- pickling -------------------------------------------------------------------
    def __reduce__(self) -> Any:
        """By reference (module and qualified name) when another process can
        import this dispatcher, by value otherwise (:mod:`mumba.pickling`);
        either way the receiving process compiles (or loads from the cache)
        on its own."""
        fn = self.py_func
        if importable_name(self, fn.__module__, fn.__qualname__):
            return fn.__qualname__
        return (
            rebuild_dispatcher,
            (type(self), function_state(fn, self), self.options, self._explicit),
        )

    # -- introspection ----------------------------------------------------------
    def __repr__(self) -> str:
        return f"<mumba.Dispatcher {self.py_func.__qualname__}>"

    @property
    def signatures(self) -> List[Tuple[str, ...]]:
        """Argument type tuples compiled so far, in compile order; object
        mode appears as a tuple of ``"pyobject"``."""
        return list(self._overloads) + list(self._objmode_signatures)

    @property
    def nopython_signatures(self) -> List[Tuple[str, ...]]:
        """The argument type tuples compiled to native code."""
        return list(self._overloads)

    def source(self):
        """The parsed source (:class:`mumba.frontend.FunctionSource`)."""
        if self._source is None:
            from .frontend import get_source

            self._source = get_source(self.py_func)
        return self._source

    def module_text(
        self, arg_types: Sequence[str], return_type: Optional[str] = None
    ) -> Tuple[str, str]:
        """The untyped nb module the frontend builds for ``arg_types`` (and
        a declared ``return_type``), and the entry symbol (no compilation)."""
        from .frontend import build_module

        return build_module(self, tuple(arg_types), return_type)

    def _overload(self, signature) -> Any:
        if not self._overloads:
            if self._objmode_signatures:
                raise ValueError(
                    f"{self.__name__} runs in object mode: it has no compiled code "
                    "(see inspect_types() for its lifted loops)"
                )
            raise ValueError(f"{self.__name__} has not been compiled yet; call it first")
        if signature is None:
            key = self._last_key if self._last_key in self._overloads else next(iter(self._overloads))
            return self._overloads[key]
        if isinstance(signature, str):
            signature = _signatures().parse_signature(signature).args
        key = tuple(signature)
        if key not in self._overloads:
            names = _signatures().numba_name
            compiled = "; ".join("(" + ", ".join(map(names, k)) + ")" for k in self._overloads)
            raise KeyError(
                f"no specialisation of {self.__name__} for ({', '.join(map(names, key))}); "
                f"compiled: {compiled or 'none'}"
            )
        return self._overloads[key]

    def inspect_mlir(self, stage: str = "nb", signature: Optional[Sequence[str]] = None) -> str:
        """MLIR text of one specialisation after ``stage``, one of
        :data:`STAGES`: ``"nb"`` (the frontend's module as MLIR prints it),
        ``"nb-ssa"``, ``"nb-typed"``, ``"std"``, ``"affine"`` or ``"llvm"``.
        ``signature`` defaults to the last one compiled."""
        stages = self._overload(signature).stages
        if stage not in stages:
            raise ValueError(f"unknown stage {stage!r}; available: {list(STAGES)}")
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

    def inspect_types(
        self, file: Optional[TextIO] = None, signature: Optional[Sequence[str]] = None
    ) -> None:
        """Print each specialisation (or the one ``signature`` names) as
        Numba does: every source line with the typed ops it became, values
        named after the variables they are assigned to, then each variable's
        type. Object-mode specialisations show their lifted loops."""
        file = file if file is not None else sys.stdout
        file.write(self._types_text(signature))

    def _types_text(self, signature: Optional[Sequence[str]] = None) -> str:
        from .inspection import find_copies, parse_description, render_types
        if signature is not None:
            keys = [tuple(self._overload(signature).arg_types)]
        else:
            keys = list(self._overloads)
        src = self.source()
        node = src.node
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        last = getattr(node, "end_lineno", None) or max(src.lines)
        from .frontend.scope import local_names

        variables = local_names(node)
        out = []
        ext = extension() if keys else None
        for key in keys:
            text, entry = self.module_text(key)
            try:
                described = ext.describe_types(
                    text,
                    opt_level=self.options.get("opt_level", 3),
                    fastmath=self.options["fastmath"],
                    boundscheck=self.options["boundscheck"],
                    error_model=self.options["error_model"],
                )
            except ext.CompileError as exc:
                raise convert_compile_error(exc) from None
            funcs = parse_description(described)
            func = funcs.get(entry) or next(iter(funcs.values()))
            sig = ", ".join(_signatures().numba_name(t) for t in key)
            header = f"{self.py_func.__name__} ({sig}{',' if len(key) == 1 else ''})"
            copies = find_copies(text, entry)
            out.append(
                render_types(header, src.filename, src.lines, first, last, func, variables, copies)
            )
        if self._objmode_signatures and signature is None:
            out.append(self._objmode_types_text())
        return "".join(out)

    def _objmode_types_text(self) -> str:
        """The object-mode part of :meth:`inspect_types` (none here)."""
        return ""

    # -- compilation ------------------------------------------------------------
    def _bind(self, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Tuple[Any, ...]:
        if self._signature is None:
            self._signature = inspect.signature(self.py_func)
        try:
            bound = self._signature.bind(*args, **kwargs)
        except TypeError:
            raise _binding_error(self.py_func, args, kwargs) from None
        bound.apply_defaults()
        return tuple(bound.arguments[name] for name in self._signature.parameters)

    def _raise_argument_error(self, args: Tuple[Any, ...]) -> None:
        """Re-type ``args`` one by one to name the offending parameter."""
        names = list(inspect.signature(self.py_func).parameters)
        for i, a in enumerate(args):
            typeof(a, names[i] if i < len(names) else f"#{i}")

    def _native_compile(self, text: str, entry: str) -> Any:
        ext = extension()
        try:
            return ext.compile(
                text,
                entry,
                opt_level=self.options.get("opt_level", 3),
                fastmath=self.options["fastmath"],
                boundscheck=self.options["boundscheck"],
                error_model=self.options["error_model"],
                nogil=self.options.get("nogil", False),
                parallel=bool(self.options.get("parallel", False)),
                vectorize=self.options.get("vectorize", True),
                target_cpu=self.options.get("target_cpu", ""),
                target_features=self.options.get("target_features", ""),
            )
        except ext.CompileError as exc:
            raise convert_compile_error(exc) from None

    def _function_cache(self):
        if self._cache is None and self.options.get("cache"):
            from .cache import FunctionCache  # noqa: PLC0415 - only with cache=True

            self._cache = FunctionCache(self)
        return self._cache

    def _build(self, key: Tuple[str, ...], return_type: Optional[str]) -> Any:
        """Load ``key``'s specialisation from the cache, or compile it (and
        store it)."""
        text, entry = self.module_text(key, return_type)
        cache = self._function_cache()
        path = cache_key = None
        if cache is not None and cache.usable:
            ext = extension()
            path = cache.path_for(key, return_type)
            cache_key = cache.key(ext, key, return_type, text)
            compiled = cache.load(ext, path, cache_key, self.options.get("nogil", False))
            if compiled is not None:
                self.stats.cache_hits[key] += 1
                return compiled
            self.stats.cache_misses[key] += 1
        compiled = self._native_compile(text, entry)
        if path is not None:
            cache.store(path, cache_key, compiled)
        return compiled

    def compile(self, arg_types: Sequence[str]) -> Any:
        """Compile (or find) the specialisation for ``arg_types``."""
        key = tuple(arg_types)
        with self._lock:
            compiled = self._overloads.get(key)
            if compiled is None:
                compiled = self._build(key, self._declared.get(key))
                # Names for messages about arguments that do not convert.
                compiled.arg_names = list(inspect.signature(self.py_func).parameters)
                self._overloads[key] = compiled
                stages = _dump_stages()
                if stages:
                    from .inspection import dump_ir

                    dump_ir(self.py_func.__qualname__, key, compiled, stages)
            self._last_key = key
            return compiled

    def add_signature(self, signature: Any) -> Any:
        """Compile for an explicit signature now (a string such as
        ``"float64(float64[:], int64)"``); returns the specialisation."""
        sig = _signatures().parse_signature(signature)
        with self._lock:
            if self._explicit is None:
                self._explicit = []
            self._explicit.append(sig)
            self._declared[sig.args] = sig.return_type
            return self.compile(sig.args)

    def _no_match(self, args: Tuple[Any, ...]) -> TypeError:
        shown = []
        for a in args:
            try:
                shown.append(_signatures().numba_name(typeof(a)))
            except TypeError:
                shown.append(type(a).__name__)
        listed = "\n".join(f"  {sig}" for sig in self._explicit or [])
        return TypeError(
            f"No matching definition for argument type(s) {', '.join(shown)} of "
            f"{self.__name__}; its signatures are:\n{listed}"
        )

    def _fall_back(self, args: Tuple[Any, ...], exc: BaseException) -> Callable:
        """What runs when ``args`` do not compile: nopython mode raises
        (object mode overrides this)."""
        raise exc

    def _compile_for(self, args: Tuple[Any, ...]) -> Any:
        """The specialisation for ``args``' types, compiled if need be; the
        native call path asks when it has not seen these types before. In
        object mode, a Python function to call instead."""
        if self.options.get("forceobj"):
            return self._fall_back(args, None)
        fallback = self.options.get("objmode_fallback", False)
        try:
            key = tuple(map(typeof, args))
        except TypeError as exc:
            if self._explicit is not None:
                raise self._no_match(args) from None
            try:
                self._raise_argument_error(args)
            except TypeError as named:
                exc = named
            if fallback:
                return self._fall_back(args, exc)
            raise exc from None
        compiled = self._overloads.get(key)
        if compiled is not None:
            return compiled
        if self._explicit is not None:
            best = _signatures().match(key, [s.args for s in self._explicit])
            if best is None:
                raise self._no_match(args)
            return self._overloads[best]
        if not fallback:
            return self.compile(key)
        try:
            return self.compile(key)
        except Exception as exc:  # noqa: BLE001 - anything that does not compile
            return self._fall_back(args, exc)

    def _call_with_keywords(self, *args: Any, **kwargs: Any) -> Any:
        """Binds keyword arguments and defaults, then calls natively."""
        return self._call_bound(*self._bind(args, kwargs))


def _dump_stages() -> List[str]:
    names = config.dump_stages()
    if not names:
        return []
    order = list(STAGES) + ["llvm-ir", "asm"]
    return [s for s in order if s in names]
