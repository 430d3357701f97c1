"""Assembly of a whole nb module: the entry function plus the untyped
templates of every jitted function it calls, transitively."""

from __future__ import annotations

import ctypes
import re
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .lowering import FunctionLowering

__all__ = ["ModuleBuilder", "build_module"]

_SYMBOL_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_$.]*")

#: The runtime's symbols, a copy of include/mumba/Runtime/Symbols.h (the
#: frontend does not load the compiler; a test compares this copy with the
#: extension's ``compiler_facts()``).
RUNTIME_SYMBOLS = frozenset(
    {
        "mumbaRaiseIndexError",
        "mumbaRaiseUser",
        "mumbaPrint",
        "mumbaModPow",
        "mumbaCheckStack",
        "mumbaRaiseBroadcast",
        "mumbaRaiseLinAlg",
        "mumbaLinalgGemm",
        "mumbaLinalgGemv",
        "mumbaLinalgDot",
        "mumbaLinalgVdot",
        "mumbaLinalgShapeError",
        "mumbaLinalgSolve",
        "mumbaLinalgInv",
        "mumbaLinalgDet",
        "mumbaLinalgSlogdet",
        "mumbaLinalgCholesky",
        "mumbaLinalgQr",
        "mumbaLinalgLstsq",
        "mumbaLinalgEig",
        "mumbaLinalgEigh",
        "mumbaLinalgSvd",
        "mumbaLinalgPinv",
        "mumbaLinalgMatrixRank",
        "mumbaCmathExp",
        "mumbaCmathLog",
        "mumbaCmathSinh",
        "mumbaCmathCosh",
        "mumbaCmathTanh",
        "mumbaCmathRect",
        "mumbaParallelRaise",
        "mumbaParallelStatus",
        "mumbaGetNumThreads",
        "mumbaRecordArrayExtent",
        "mumbaRaiseArrayMemory",
        "_mlir_memref_to_llvm_alloc",
        "_mlir_memref_to_llvm_aligned_alloc",
        "_mlir_memref_to_llvm_free",
        "mumbaRandomStatus",
        "mumbaRandomSaveState",
        "mumbaRandomRestoreState",
        "mumbaRandomSeed",
        "mumbaRandomRandom",
        "mumbaRandomFillRandom",
        "mumbaRandomUniform",
        "mumbaRandomRandint",
        "mumbaRandomRandomIntegers",
        "mumbaRandomRandintFill",
        "mumbaRandomStandardNormal",
        "mumbaRandomNormal",
        "mumbaRandomLognormal",
        "mumbaRandomStandardExponential",
        "mumbaRandomExponential",
        "mumbaRandomStandardGamma",
        "mumbaRandomGamma",
        "mumbaRandomBeta",
        "mumbaRandomChisquare",
        "mumbaRandomF",
        "mumbaRandomStandardT",
        "mumbaRandomStandardCauchy",
        "mumbaRandomLaplace",
        "mumbaRandomLogistic",
        "mumbaRandomGumbel",
        "mumbaRandomPareto",
        "mumbaRandomPower",
        "mumbaRandomWeibull",
        "mumbaRandomRayleigh",
        "mumbaRandomTriangular",
        "mumbaRandomVonmises",
        "mumbaRandomWald",
        "mumbaRandomBinomial",
        "mumbaRandomNegativeBinomial",
        "mumbaRandomPoisson",
        "mumbaRandomGeometric",
        "mumbaRandomHypergeometric",
        "mumbaRandomLogseries",
        "mumbaRandomZipf",
        "mumbaRandomMultinomial",
        "mumbaRandomShuffle",
        "mumbaRandomPermutation",
        "mumbaRandomChoice",
    }
)

#: The C library and libm as this process has them loaded: compiled code
#: calls some of their functions (nextafter, expm1f, malloc, ...) by name.
_C_LIBRARY = ctypes.CDLL(None)


def _is_reserved(symbol: str) -> bool:
    """Whether a jitted function named `symbol` would take the place of a
    function that compiled code calls: a runtime or C library symbol."""
    return symbol == "main" or symbol in RUNTIME_SYMBOLS or hasattr(_C_LIBRARY, symbol)


def _sanitize(name: str) -> str:
    name = re.sub(r"[^A-Za-z0-9_$.]", "_", name) or "fn"
    if not _SYMBOL_RE.fullmatch(name):
        name = "_" + name
    return name


class ModuleBuilder:
    """Gives each jitted function one unique symbol and lowers it once."""

    def __init__(self) -> None:
        self._symbols: Dict[int, str] = {}
        self._used: set = set()
        self._keep: List[Any] = []  # keeps ids in _symbols valid
        self._pending: List[Tuple[Any, str]] = []

    def _unique(self, name: str) -> str:
        base = _sanitize(name)
        sym, n = base, 0
        while sym in self._used or _is_reserved(sym):
            n += 1
            sym = f"{base}_{n}"
        self._used.add(sym)
        return sym

    def symbol_for(self, dispatcher: Any) -> str:
        """The symbol of a called jitted function; queues its template."""
        sym = self._symbols.get(id(dispatcher))
        if sym is None:
            sym = self._unique(dispatcher.py_func.__name__)
            self._symbols[id(dispatcher)] = sym
            self._keep.append(dispatcher)
            self._pending.append((dispatcher, sym))
        return sym

    def _lower(self, dispatcher: Any, sym: str, arg_types, return_type=None) -> str:
        parallel = bool(getattr(dispatcher, "options", {}).get("parallel", False))
        lowering = FunctionLowering(dispatcher.py_func, dispatcher.source(), self, parallel)
        return lowering.lower(sym, arg_types, return_type)

    def build(
        self, entry: Any, arg_types: Sequence[str], return_type: Optional[str] = None
    ) -> Tuple[str, str]:
        """Return ``(module_text, entry_symbol)``; ``return_type``, if given,
        is what the entry must return (an explicit signature's)."""
        sym = self._unique(entry.py_func.__name__)
        self._symbols[id(entry)] = sym
        self._keep.append(entry)
        funcs = [self._lower(entry, sym, list(arg_types), return_type)]
        while self._pending:
            disp, s = self._pending.pop(0)
            funcs.append(self._lower(disp, s, None))
        return "module {\n" + "\n".join(funcs) + "\n}\n", sym


def build_module(
    entry: Any, arg_types: Sequence[str], return_type: Optional[str] = None
) -> Tuple[str, str]:
    """Module text and entry symbol for calling ``entry`` with ``arg_types``
    (returning ``return_type`` when an explicit signature declares one)."""
    return ModuleBuilder().build(entry, arg_types, return_type)
