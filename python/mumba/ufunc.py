"""``@vectorize`` and ``@guvectorize``: compiled kernels as real NumPy ufuncs.

Each type signature becomes one loop of a ``numpy.ufunc`` made by the
extension (python/src/UFunc.cpp). The loop is a jitted kernel over arrays of
layout A, written here as Python and compiled by Mumba like any function::

    def f_ufunc_loop(a0, a1, r0):            # vectorize, two inputs
        for i in range(r0.shape[0]):
            r0[i] = f(a0[i], a1[i])

    def f_gufunc_loop(a0, a1, r0):           # guvectorize: the outer loop
        for i in range(a0.shape[0]):         # over views of the core
            f(a0[i], a1[i], r0[i])

so the user's function is typed for the loop's scalar (or core array)
types and inlined into a loop that LLVM optimises. NumPy chooses the loop
(its type resolution, in the order of the signatures), broadcasts, and
provides ``out=``, ``where=``, ``dtype=``, ``casting=`` and the methods
``reduce``, ``accumulate``, ``reduceat``, ``outer`` and ``at``.

``@vectorize`` without signatures gives a :class:`DUFunc`, which compiles a
loop for each new input dtype on first use and otherwise hands the call to
its current ufunc (so NumPy and Dask see a ufunc through
``__array_ufunc__``).

Ufuncs pickle (NumPy pickles ufuncs by name): one whose name is a module
attribute in an importable module pickles by reference; any other Mumba
ufunc pickles by value, through a reducer registered for ``numpy.ufunc``
that leaves NumPy's own ufuncs to NumPy's (:func:`_reduce_ufunc`).
"""

from __future__ import annotations

import builtins
import copyreg
import functools
import itertools
import linecache
import re
import sys
import threading
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from . import compiler, config
from .dispatcher import Dispatcher
from .errors import TypingError
from .pickling import FunctionState, function_state, importable_name, rebuild_function
from .typeof import ARRAY_DTYPES

__all__ = ["make_vectorize", "make_guvectorize", "DUFunc", "UFuncInfo", "parse_layout"]

#: nb scalar type -> NumPy dtype name.
_DTYPE_OF: Dict[str, str] = {
    nb: ("bool" if name == "bool_" else name) for name, nb in ARRAY_DTYPES.items()
}
_ARRAY_RE = re.compile(r"!nb\.array<(.+), (\d+), [CFA](?:, readonly)?>$")
_TARGETS = ("cpu", "parallel")
_counter = itertools.count()
_lock = threading.RLock()


def _numpy() -> Any:
    """NumPy, imported when the first ufunc is made (not at ``import
    mumba``)."""
    import numpy  # noqa: PLC0415 - import cost

    return numpy


def _signatures() -> Any:
    from . import signatures  # noqa: PLC0415 - import cost

    return signatures


@dataclass
class UFuncInfo:
    """What made a Mumba ufunc; it rides with the ufunc (the extension keeps
    it) so that the ufunc can be pickled by value and rebuilt."""

    kind: str
    """``"vectorize"`` or ``"guvectorize"``."""
    py_func: Callable
    signatures: List[Any]
    """:class:`mumba.signatures.Signature` of each loop, in loop order."""
    layout: Optional[str]
    identity: Any
    options: Dict[str, Any]
    target: str


# -- kernels --------------------------------------------------------------------
def _scalar_dispatcher(fn: Callable, options: Dict[str, Any]) -> Dispatcher:
    if getattr(fn, "_mumba_jitted_", False):
        return fn  # type: ignore[return-value]
    return Dispatcher(fn, options)


def _kernel(scalar: Dispatcher, nin: int, nout: int, gufunc: bool, options: Dict[str, Any]) -> Dispatcher:
    """The loop over the user's function, as a jitted Python function whose
    source lives in :mod:`linecache` (errors in it show its lines)."""
    base = re.sub(r"\W", "_", scalar.py_func.__name__).strip("_") or "f"
    name = f"{base}_{'gufunc' if gufunc else 'ufunc'}_loop"
    inputs = [f"a{i}" for i in range(nin)]
    outputs = [f"r{i}" for i in range(nout)]
    if gufunc:
        call = ", ".join(f"{p}[i]" for p in inputs + outputs)
        body = f"        __mumba_kernel({call})\n"
        length = inputs[0]
    else:
        call = ", ".join(f"{p}[i]" for p in inputs)
        body = f"        r0[i] = __mumba_kernel({call})\n"
        length = "r0"
    text = (
        f"def {name}({', '.join(inputs + outputs)}):\n"
        f"    for i in range({length}.shape[0]):\n" + body
    )
    filename = f"<mumba {'guvectorize' if gufunc else 'vectorize'} loop {next(_counter)}>"
    linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
    namespace: Dict[str, Any] = {"__builtins__": builtins, "__mumba_kernel": scalar}
    exec(compile(text, filename, "exec"), namespace)  # noqa: S102 - our own text
    return Dispatcher(namespace[name], options)


def _type_num(nb_type: str, what: str) -> int:
    dtype = _DTYPE_OF.get(nb_type)
    if dtype is None:
        raise TypeError(
            f"{what}: {_signatures().numba_name(nb_type)} is not a NumPy scalar type "
            "a ufunc loop can take"
        )
    return _numpy().dtype(dtype).num


def _loop_options(options: Dict[str, Any]) -> Dict[str, Any]:
    opts = dict(options)
    opts["cache"] = False  # a kernel has no source file to key a cache entry on
    return opts


# -- vectorize --------------------------------------------------------------------
class _VectorizeBuilder:
    """Compiles the loops of one ``@vectorize`` function."""

    def __init__(self, py_func: Callable, options: Dict[str, Any]) -> None:
        self.py_func = py_func
        self.options = _loop_options(options)
        self.scalar = _scalar_dispatcher(py_func, self.options)
        params = self.scalar.py_func.__code__.co_argcount
        self.nin = params
        self.kernel = _kernel(self.scalar, params, 1, False, self.options)

    def return_type(self, args: Tuple[str, ...]) -> str:
        """The nb type the function returns for scalar ``args``."""
        compiled = self.scalar.compile(args)
        ret = compiled.return_type
        if ret not in _DTYPE_OF:
            raise TypingError(
                f"a vectorize function must return a number or a bool, but "
                f"{self.scalar.__name__} returns {ret} for ({', '.join(args)})"
            )
        return ret

    def loop(self, sig: Any) -> Tuple[Tuple[Any, Any, Any], Any]:
        """The extension's loop entry for one signature, and the signature
        with its return type filled in."""
        args = tuple(sig.args)
        if len(args) != self.nin:
            raise TypeError(
                f"signature {sig.text!r} has {len(args)} argument(s); "
                f"{self.scalar.__name__} takes {self.nin}"
            )
        for a in args:
            if a not in _DTYPE_OF:
                raise TypeError(
                    f"signature {sig.text!r}: vectorize takes scalar types, not "
                    f"{_signatures().numba_name(a)}"
                )
        ret = sig.return_type or self.return_type(args)
        types = args + (ret,)
        nums = tuple(_type_num(t, f"signature {sig.text!r}") for t in types)
        compiled = self.kernel.compile([f"!nb.array<{t}, 1, A>" for t in types])
        full = _signatures().Signature(args, ret, sig.text)
        return (nums, compiled, ((),) * len(types)), full


def _threads(target: str) -> int:
    if target not in _TARGETS:
        raise ValueError(f"target must be one of {', '.join(map(repr, _TARGETS))}, not {target!r}")
    return config.NUM_THREADS if target == "parallel" else 1


def _doc(py_func: Callable) -> str:
    return getattr(py_func, "__doc__", None) or ""


def _make(info: UFuncInfo, loops: List[Any], nin: int, nout: int, layout: Optional[str]) -> Any:
    _install_reducer()
    fn = info.py_func
    name = getattr(fn, "__name__", "ufunc")
    return compiler.extension().make_ufunc(
        name, _doc(fn), nin, nout, loops, info.identity, layout, _threads(info.target), info
    )


def make_vectorize(
    py_func: Callable, signatures: Sequence[Any], identity: Any, options: Dict[str, Any], target: str
) -> Any:
    """A ``numpy.ufunc`` with one compiled loop per signature (in order)."""
    _threads(target)
    builder = _VectorizeBuilder(py_func, options)
    loops, sigs = [], []
    for sig in signatures:
        loop, full = builder.loop(_signatures().parse_signature(sig))
        loops.append(loop)
        sigs.append(full)
    info = UFuncInfo("vectorize", py_func, sigs, None, identity, dict(options), target)
    return _make(info, loops, builder.nin, 1, None)


# -- guvectorize ------------------------------------------------------------------
_CORE_RE = re.compile(r"\(([^()]*)\)")


def parse_layout(layout: str) -> Tuple[List[List[str]], List[List[str]]]:
    """``"(m,n),(n)->(m)"`` -> ``([["m", "n"], ["n"]], [["m"]])``."""
    text = re.sub(r"\s+", "", layout)
    ins, arrow, outs = text.partition("->")

    def side(part: str) -> List[List[str]]:
        groups = _CORE_RE.findall(part)
        if not groups or ",".join(f"({g})" for g in groups) != part:
            raise ValueError(f"cannot read the gufunc layout {layout!r}")
        out = []
        for g in groups:
            names = [n for n in g.split(",")] if g else []
            for n in names:
                if not re.fullmatch(r"\w+", n):
                    raise ValueError(f"cannot read the core dimension {n!r} of {layout!r}")
            out.append(names)
        return out

    if not arrow:
        raise ValueError(f"a gufunc layout needs '->': {layout!r}")
    return side(ins), side(outs)


def _core_text(groups: List[List[str]]) -> str:
    return ",".join("(" + ",".join(names) + ")" for names in groups)


class _GUVectorizeBuilder:
    """Compiles the loops of one ``@guvectorize`` function."""

    def __init__(self, py_func: Callable, layout: str, options: Dict[str, Any]) -> None:
        self.layout = layout
        self.inputs, self.outputs = parse_layout(layout)
        self.nin, self.nout = len(self.inputs), len(self.outputs)
        order: Dict[str, int] = {}
        for names in self.inputs + self.outputs:
            for n in names:
                order.setdefault(n, len(order))
        self.dim_index = order
        self.options = _loop_options(options)
        self.scalar = _scalar_dispatcher(py_func, self.options)
        params = self.scalar.py_func.__code__.co_argcount
        if params != self.nin + self.nout:
            raise TypeError(
                f"{self.scalar.__name__} takes {params} argument(s) but the layout "
                f"{layout!r} has {self.nin + self.nout} operands"
            )
        self.kernel = _kernel(self.scalar, self.nin, self.nout, True, self.options)

    def loop(self, sig: Any) -> Tuple[Any, Any]:
        args = tuple(sig.args)
        if len(args) != self.nin + self.nout:
            raise TypeError(
                f"signature {sig.text!r} has {len(args)} argument(s); the layout "
                f"{self.layout!r} has {self.nin + self.nout} operands"
            )
        nums, kernel_types, cores = [], [], []
        for k, (declared, names) in enumerate(zip(args, self.inputs + self.outputs)):
            where = f"signature {sig.text!r}, operand {k}"
            match = _ARRAY_RE.match(declared)
            index = [self.dim_index[n] for n in names]
            if match is None:
                if names or k >= self.nin:
                    raise TypeError(
                        f"{where}: {declared} is a scalar, but "
                        + ("outputs must be arrays" if k >= self.nin else f"its core is ({','.join(names)})")
                    )
                elem, ndim = declared, 0
            else:
                elem, ndim = match.group(1), int(match.group(2))
                if not names and ndim == 1:
                    index = [-1]  # "()" seen as a one-element array
                elif ndim != len(names):
                    raise TypeError(
                        f"{where}: {declared} has {ndim} dimension(s), but its core is "
                        f"({','.join(names)})"
                    )
            nums.append(_type_num(elem, where))
            kernel_types.append(f"!nb.array<{elem}, {1 + len(index)}, A>")
            cores.append(tuple(index))
        compiled = self.kernel.compile(kernel_types)
        return (tuple(nums), compiled, tuple(cores)), sig


def make_guvectorize(
    py_func: Callable,
    signatures: Sequence[Any],
    layout: str,
    identity: Any,
    options: Dict[str, Any],
    target: str,
) -> Any:
    """A generalized ``numpy.ufunc`` with core dimensions ``layout``."""
    _threads(target)
    builder = _GUVectorizeBuilder(py_func, layout, options)
    loops, sigs = [], []
    for sig in signatures:
        loop, full = builder.loop(_signatures().parse_signature(sig))
        loops.append(loop)
        sigs.append(full)
    info = UFuncInfo("guvectorize", py_func, sigs, layout, identity, dict(options), target)
    core = _core_text(builder.inputs) + "->" + _core_text(builder.outputs)
    return _make(info, loops, builder.nin, builder.nout, core)


# -- vectorize without signatures --------------------------------------------------
class DUFunc:
    """``@vectorize`` without signatures: a ufunc that compiles a loop for
    each new combination of input dtypes (Numba's ``DUFunc``).

    Calls and the ufunc methods find (or compile) the loop for their inputs'
    dtypes, then run the current ``numpy.ufunc`` (:attr:`ufunc`), which
    NumPy and array libraries (Dask through ``__array_ufunc__``) treat as
    any other ufunc. Loops are kept in NumPy's type order, so an exact loop
    wins over one the inputs merely cast to.
    """

    def __init__(self, py_func: Callable, identity: Any, options: Dict[str, Any], target: str) -> None:
        _threads(target)
        self.py_func = py_func
        self.identity = identity
        self.options = dict(options)
        self.target = target
        self._builder = _VectorizeBuilder(py_func, options)
        self._loops: Dict[Tuple[int, ...], Tuple[Any, Any]] = {}
        self._ufunc: Any = None
        self._lock = threading.RLock()
        functools.update_wrapper(self, getattr(py_func, "py_func", py_func))

    # -- loops --------------------------------------------------------------------
    @property
    def ufunc(self) -> Any:
        """The ``numpy.ufunc`` with every loop compiled so far (None before
        the first)."""
        return self._ufunc

    @property
    def nin(self) -> int:
        return self._builder.nin

    @property
    def nout(self) -> int:
        return 1

    @property
    def nargs(self) -> int:
        return self.nin + 1

    @property
    def types(self) -> List[str]:
        return list(self._ufunc.types) if self._ufunc is not None else []

    @property
    def ntypes(self) -> int:
        return len(self._loops)

    @property
    def signature(self) -> None:
        return None

    def add(self, sig: Any) -> None:
        """Compile the loop for a signature now (``"float64(float64)"``)."""
        parsed = _signatures().parse_signature(sig)
        self._add_loop(tuple(parsed.args), parsed)

    def _add_loop(self, args: Tuple[str, ...], sig: Any = None) -> None:
        with self._lock:
            nums = tuple(_type_num(a, "vectorize") for a in args)
            if nums in self._loops:
                return
            if sig is None:
                sig = _signatures().Signature(args, None, f"({', '.join(args)})")
            self._loops[nums] = self._builder.loop(sig)
            ordered = [self._loops[k] for k in sorted(self._loops)]
            info = UFuncInfo(
                "vectorize",
                self.py_func,
                [full for _, full in ordered],
                None,
                self.identity,
                self.options,
                self.target,
            )
            self._ufunc = _make(info, [loop for loop, _ in ordered], self.nin, 1, None)

    def _ensure(self, operands: Sequence[Any]) -> Any:
        np = _numpy()
        nb_types = []
        for x in operands:
            dtype = getattr(x, "dtype", None)
            if not isinstance(dtype, np.dtype):
                dtype = np.asarray(x).dtype
            nb = ARRAY_DTYPES.get("bool_" if dtype == np.bool_ else dtype.name)
            if nb is None:
                raise TypeError(
                    f"ufunc {self.__name__!r} cannot compile a loop for dtype {dtype}"
                )
            nb_types.append(nb)
        key = tuple(np.dtype(_DTYPE_OF[t]).num for t in nb_types)
        if key not in self._loops:
            self._add_loop(tuple(nb_types))
        return self._ufunc

    def _inputs(self, args: Sequence[Any], kwargs: Dict[str, Any]) -> List[Any]:
        dtype = kwargs.get("dtype")
        if dtype is not None:
            return [_numpy().empty(0, dtype)] * self.nin
        return list(args[: self.nin])

    # -- the ufunc protocol -----------------------------------------------------------
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if len(args) < self.nin:
            raise TypeError(f"{self.__name__}() takes {self.nin} input(s), got {len(args)}")
        return self._ensure(self._inputs(args, kwargs))(*args, **kwargs)

    def reduce(self, array: Any, *args: Any, **kwargs: Any) -> Any:
        return self._ensure(self._inputs([array] * self.nin, kwargs)).reduce(array, *args, **kwargs)

    def accumulate(self, array: Any, *args: Any, **kwargs: Any) -> Any:
        return self._ensure(self._inputs([array] * self.nin, kwargs)).accumulate(array, *args, **kwargs)

    def reduceat(self, array: Any, indices: Any, *args: Any, **kwargs: Any) -> Any:
        uf = self._ensure(self._inputs([array] * self.nin, kwargs))
        return uf.reduceat(array, indices, *args, **kwargs)

    def outer(self, a: Any, b: Any, **kwargs: Any) -> Any:
        return self._ensure(self._inputs([a, b], kwargs)).outer(a, b, **kwargs)

    def at(self, a: Any, indices: Any, b: Any = None) -> Any:
        operands = [a] if b is None else [a, b]
        return self._ensure(operands).at(a, indices, *([] if b is None else [b]))

    def __repr__(self) -> str:
        return f"<mumba.DUFunc {self.__name__!r}>"

    def __reduce__(self) -> Any:
        fn = getattr(self.py_func, "py_func", self.py_func)
        if importable_name(self, fn.__module__, fn.__qualname__):
            return fn.__qualname__
        sigs = [full for _, full in (self._loops[k] for k in sorted(self._loops))]
        return (
            _rebuild_dufunc,
            (function_state(fn), self.identity, self.options, self.target, sigs),
        )


def _rebuild_dufunc(state: FunctionState, identity: Any, options: Dict[str, Any], target: str, sigs: List[Any]) -> DUFunc:
    fn, _ = rebuild_function(state)
    duf = DUFunc(fn, identity, options, target)
    for sig in sigs:
        duf.add(sig)
    return duf


# -- pickling ------------------------------------------------------------------------
_numpy_reduce: Any = None


def _install_reducer() -> None:
    """Registers :func:`_reduce_ufunc` for ``numpy.ufunc`` (once, when the
    first Mumba ufunc is made), keeping NumPy's reducer for its own."""
    global _numpy_reduce
    with _lock:
        if _numpy_reduce is not None:
            return
        np = _numpy()
        _numpy_reduce = copyreg.dispatch_table.get(np.ufunc, lambda uf: uf.__name__)
        copyreg.pickle(np.ufunc, _reduce_ufunc)


def _module_attribute(obj: Any, name: str) -> bool:
    """Whether an importable module (not ``__main__``) has ``obj`` as
    ``name``, which is how pickle finds a ufunc by name."""
    for modname, module in list(sys.modules.items()):
        if module is None or modname in ("__main__", "__mp_main__"):
            continue
        try:
            if getattr(module, name, None) is obj:
                return True
        except Exception:  # noqa: BLE001 - lazy modules may fail
            continue
    return False


def _reduce_ufunc(uf: Any) -> Any:
    info = compiler.extension().ufunc_info(uf) if compiler.loaded() else None
    if info is None or _module_attribute(uf, uf.__name__):
        return _numpy_reduce(uf)
    fn = getattr(info.py_func, "py_func", info.py_func)
    return (
        _rebuild_ufunc,
        (
            info.kind,
            function_state(fn),
            info.signatures,
            info.layout,
            info.identity,
            info.options,
            info.target,
        ),
    )


def _rebuild_ufunc(
    kind: str,
    state: FunctionState,
    sigs: List[Any],
    layout: Optional[str],
    identity: Any,
    options: Dict[str, Any],
    target: str,
) -> Any:
    fn, _ = rebuild_function(state)
    if kind == "guvectorize":
        return make_guvectorize(fn, sigs, layout or "", identity, options, target)
    return make_vectorize(fn, sigs, identity, options, target)
