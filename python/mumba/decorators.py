"""The ``@njit`` and ``@jit`` decorators and their options.

- ``@njit``: nopython mode; a function that does not type is an error.
- ``@jit``: tries nopython mode for each new set of argument types and
  falls back to object mode with a :class:`mumba.PerformanceWarning`
  (:mod:`mumba.objmode`), lifting the loops that compile;
  ``jit(nopython=True)`` is ``njit``, ``jit(forceobj=True)`` always uses
  object mode.
- ``@vectorize`` / ``@guvectorize``: NumPy ufuncs and generalized ufuncs
  (:mod:`mumba.ufunc`).
- Explicit signatures (``@njit("float64(float64[:], int64)")`` or a list)
  compile when the function is decorated; calls then convert to the
  closest signature or raise TypeError (:mod:`mumba.signatures`).
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Dict, Optional

from . import config
from .compiler import extension
from .dispatcher import Dispatcher
from .objmode import ObjectModeDispatcher
from .ufunc import DUFunc, make_guvectorize, make_vectorize

__all__ = ["njit", "jit", "vectorize", "guvectorize"]


def _is_signature(value: Any) -> bool:
    """A signature or a list of them, as opposed to the function."""
    if isinstance(value, str):
        return True
    if isinstance(value, list):
        return True
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return True
    # A Numba signature object.
    return type(value).__name__ == "Signature" and not callable(value)


def _make(fn: Any, options: Dict[str, Any], cls: type = Dispatcher):
    """Applies options to ``fn`` (a function, or signatures, or None)."""
    if fn is not None and _is_signature(fn):
        from .signatures import parse_signatures  # noqa: PLC0415 - import cost

        sigs = parse_signatures(fn)

        def wrap_eager(f: Callable) -> Dispatcher:
            disp = cls(f, options)
            for sig in sigs:
                disp.add_signature(sig)
            return disp

        return wrap_eager
    if fn is not None and not callable(fn):
        raise TypeError(
            f"expected a function or a signature (such as 'float64(float64[:])'), got {fn!r}"
        )

    def wrap(f: Callable) -> Dispatcher:
        return cls(f, options)

    return wrap(fn) if fn is not None else wrap


def _options(
    cache: bool,
    fastmath: bool,
    parallel: bool,
    boundscheck: Optional[bool],
    error_model: str,
    nogil: bool,
    opt_level: Optional[int],
    vectorize: bool,
    target_cpu: str,
    target_features: str,
) -> Dict[str, Any]:
    if error_model not in ("python", "numpy"):
        raise ValueError(f"error_model must be 'python' or 'numpy', not {error_model!r}")
    if opt_level is None:
        opt_level = config.OPT
    if opt_level not in (0, 1, 2, 3):
        raise ValueError(f"opt_level must be 0, 1, 2 or 3, not {opt_level!r}")
    if boundscheck is None:
        boundscheck = config.BOUNDSCHECK
    if target_cpu or target_features:
        # LLVM aborts the process on some CPUs; ValueError names the valid ones.
        extension().check_target(target_cpu, target_features)
    return dict(
        cache=bool(cache),
        fastmath=fastmath,
        parallel=parallel,
        boundscheck=bool(boundscheck),
        error_model=error_model,
        nogil=nogil,
        opt_level=opt_level,
        vectorize=vectorize,
        target_cpu=target_cpu,
        target_features=target_features,
    )


def njit(
    fn: Optional[Any] = None,
    *,
    cache: bool = False,
    fastmath: bool = False,
    parallel: bool = False,
    boundscheck: Optional[bool] = None,
    error_model: str = "python",
    nogil: bool = False,
    opt_level: Optional[int] = None,
    vectorize: bool = True,
    target_cpu: str = "",
    target_features: str = "",
):
    """Compile a function to native code on its first call, like Numba's.

    Use as ``@njit``, ``@njit(fastmath=True, ...)`` or with explicit
    signatures, ``@njit("float64(float64[:], int64)")`` or a list of them,
    which compile at once (calls then must convert to one of them). The
    options are in ``f.options``:

    - ``cache``: keep compiled code on disk for other processes
      (docs/caching.md);
    - ``fastmath``, ``error_model`` (``"python"`` or ``"numpy"``),
      ``boundscheck`` (None follows ``MUMBA_BOUNDSCHECK``);
    - ``nogil``: release the GIL while the compiled code runs;
    - ``opt_level`` (0 to 3, default ``MUMBA_OPT`` or 3), ``vectorize``,
      ``target_cpu`` and ``target_features`` (default: the host's).
    """
    options = _options(
        cache, fastmath, parallel, boundscheck, error_model, nogil, opt_level,
        vectorize, target_cpu, target_features,
    )
    return _make(fn, options)


def jit(
    fn: Optional[Any] = None,
    *,
    nopython: bool = False,
    forceobj: bool = False,
    looplift: bool = True,
    **options: Any,
):
    """Numba's ``@jit``: nopython mode where the function types, object mode
    where it does not.

    ``@jit(nopython=True)`` is :func:`njit`. Otherwise each new set of
    argument types is compiled in nopython mode first; when that fails the
    function runs in object mode (interpreted by Python, its top-level loops
    lifted and compiled where they type, unless ``looplift=False``), with a
    :class:`mumba.PerformanceWarning` that gives the reason and the line.
    ``forceobj=True`` always uses object mode. Other options are
    :func:`njit`'s.
    """
    if nopython and forceobj:
        raise ValueError("nopython=True and forceobj=True contradict each other")
    if nopython:
        return njit(fn, **options)
    unknown = set(options) - set(inspect.signature(njit).parameters)
    if unknown:
        raise TypeError(f"jit() got unexpected keyword argument(s): {', '.join(sorted(unknown))}")
    opts = _options(
        options.get("cache", False),
        options.get("fastmath", False),
        options.get("parallel", False),
        options.get("boundscheck"),
        options.get("error_model", "python"),
        options.get("nogil", False),
        options.get("opt_level"),
        options.get("vectorize", True),
        options.get("target_cpu", ""),
        options.get("target_features", ""),
    )
    opts.update(objmode_fallback=not forceobj, forceobj=forceobj, looplift=looplift)
    return _make(fn, opts, ObjectModeDispatcher)


def _ufunc_options(
    fastmath: bool, error_model: str, boundscheck: Optional[bool], opt_level: Optional[int]
) -> Dict[str, Any]:
    return _options(
        False, fastmath, False, boundscheck, error_model, False, opt_level, True, "", ""
    )


def vectorize(
    ftylist_or_function: Any = (),
    *,
    identity: Any = None,
    target: str = "cpu",
    fastmath: bool = False,
    error_model: str = "numpy",
    boundscheck: Optional[bool] = None,
    opt_level: Optional[int] = None,
):
    """Make a NumPy ufunc from a scalar function, like Numba's.

    ``@vectorize(["float64(float64, float64)", "float32(float32, float32)"])``
    returns a ``numpy.ufunc`` with one compiled loop per signature, which
    NumPy chooses among in that order; ``@vectorize`` (no signatures) returns
    a :class:`mumba.ufunc.DUFunc` that compiles a loop per new input dtype.
    ``identity`` (``0``, ``1``, any value, ``"reorderable"`` or None) is
    what ``reduce`` starts from; ``target="parallel"`` splits large loops
    over ``MUMBA_NUM_THREADS`` threads. Division by zero follows NumPy
    (``error_model="numpy"``) unless ``error_model="python"``.
    """
    options = _ufunc_options(fastmath, error_model, boundscheck, opt_level)
    if callable(ftylist_or_function) and not _is_signature(ftylist_or_function):
        return DUFunc(ftylist_or_function, identity, options, target)
    sigs = ftylist_or_function
    if isinstance(sigs, str):
        sigs = [sigs]
    sigs = list(sigs)

    def wrap(fn: Callable) -> Any:
        if not sigs:
            return DUFunc(fn, identity, options, target)
        return make_vectorize(fn, sigs, identity, options, target)

    return wrap


def guvectorize(
    ftylist: Any,
    signature: str,
    *,
    identity: Any = None,
    target: str = "cpu",
    fastmath: bool = False,
    error_model: str = "numpy",
    boundscheck: Optional[bool] = None,
    opt_level: Optional[int] = None,
):
    """Make a generalized NumPy ufunc, like Numba's.

    ``@guvectorize(["void(float64[:], float64[:], float64[:])"], "(n),(n)->()")``
    compiles the function (which writes its results into its last
    arguments) for each signature and loops it over the dimensions that
    broadcast; a ``()`` operand declared as ``float64[:]`` is a one-element
    array, one declared ``float64`` a scalar. Options are
    :func:`vectorize`'s.
    """
    options = _ufunc_options(fastmath, error_model, boundscheck, opt_level)
    sigs = [ftylist] if isinstance(ftylist, str) else list(ftylist)
    if not sigs:
        raise TypeError("guvectorize needs at least one signature")
    if not isinstance(signature, str):
        raise TypeError(f"guvectorize's layout must be a string such as '(n),(n)->()', not {signature!r}")

    def wrap(fn: Callable) -> Any:
        return make_guvectorize(fn, sigs, signature, identity, options, target)

    return wrap
