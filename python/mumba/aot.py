"""Ahead-of-time compilation: jitted functions to a shared library and a C
header.

    import mumba.aot
    from mumba import njit

    @njit
    def total(a):
        t = 0.0
        for i in range(len(a)):
            t += a[i]
        return t

    lib = mumba.aot.compile(total, ["float64[::1]", "float32[::1]"], "totals")
    # totals.so and totals.h in the current directory

Each signature becomes one C function (``total_f64_1d``, ``total_f32_1d``
here, or the names given) that returns the status (0, or the Python
exception the call raised, see ``mumba_status`` in the header) and writes
the result through its last argument. Arrays pass as pointers to memref
descriptors: allocated and aligned data pointers, offset, sizes and strides
in elements. docs/targets.md describes the ABI.

The code is the same as the JIT's: the specialisation goes through the
@njit pipeline with the function's options, then through LLVM for the
chosen target (the host by default), and the objects are linked with the
system's C compiler together with Mumba's runtime.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

from .compiler import convert_compile_error, extension
from .decorators import njit
from .dispatcher import Dispatcher
from .errors import MumbaError
from .signatures import numba_name, parse_type
from .typeof import typeof

__all__ = ["compile", "AOTLibrary", "AOTFunction", "parse_type"]

#: nb scalar types -> C types.
_C_SCALARS: Dict[str, str] = {
    "f64": "double",
    "f32": "float",
    "si64": "int64_t",
    "si32": "int32_t",
    "si16": "int16_t",
    "si8": "int8_t",
    "ui64": "uint64_t",
    "ui32": "uint32_t",
    "i1": "bool",
}

_ARRAY_RE = re.compile(r"!nb\.array<(\w+), (\d+), ([CFA])>")
def _mangle(nb_type: str) -> str:
    match = _ARRAY_RE.fullmatch(nb_type)
    if match:
        dtype, ndim, layout = match.groups()
        return f"{dtype.lstrip('s')}_{ndim}d" + ("" if layout == "C" else "a")
    return nb_type.lstrip("s")


def _c_array_type(nb_type: str) -> Tuple[str, str, int]:
    """The descriptor typedef name, element C type and rank of an array."""
    dtype, ndim, _ = _ARRAY_RE.fullmatch(nb_type).groups()
    if dtype not in _C_SCALARS:
        raise MumbaError(f"cannot export arrays of {dtype}")
    return f"mumba_memref_{dtype.lstrip('s')}_{ndim}d", _C_SCALARS[dtype], int(ndim)


def _c_scalar(nb_type: str) -> str:
    if nb_type not in _C_SCALARS:
        raise MumbaError(f"cannot export a value of type {numba_name(nb_type)} to C")
    return _C_SCALARS[nb_type]


@dataclasses.dataclass
class AOTFunction:
    """One exported specialisation."""

    name: str
    arg_types: Tuple[str, ...]
    return_type: str
    prototype: str


@dataclasses.dataclass
class AOTLibrary:
    """What :func:`compile` wrote."""

    library: Path
    header: Path
    functions: List[AOTFunction]


def _find_cc(cc: Optional[str]) -> str:
    for candidate in ([cc] if cc else []) + [os.environ.get("CC"), "cc", "clang", "gcc"]:
        if candidate and shutil.which(candidate):
            return candidate
    raise MumbaError("no C compiler found to link the shared library (set CC)")


def _runtime_archive() -> Optional[Path]:
    """Mumba's runtime (allocator, error records) as a static archive, from
    the build tree the extension lives in."""
    ext = Path(extension().__file__).resolve()
    for root in ext.parents:
        candidate = root / "lib" / "Runtime" / "libMumbaRuntime.a"
        if candidate.exists():
            return candidate
    return None


class _Header:
    """The C header of a library."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.typedefs: Dict[str, str] = {}
        self.prototypes: List[str] = []

    def array(self, nb_type: str) -> str:
        typedef, element, ndim = _c_array_type(nb_type)
        self.typedefs.setdefault(
            typedef,
            f"typedef struct {{\n  {element} *allocated;\n  {element} *aligned;\n"
            f"  int64_t offset;\n  int64_t sizes[{ndim}];\n  int64_t strides[{ndim}];\n"
            f"}} {typedef};",
        )
        return typedef

    def result(self, function: str, return_type: str) -> Optional[str]:
        """The C type the result pointer points to; None for None."""
        if return_type == "!nb.none":
            return None
        if return_type.startswith("tuple<"):
            elements = [t.strip() for t in return_type[len("tuple<") : -1].split(",")]
            fields = "".join(
                f"  {_c_scalar(t)} f{i};\n" for i, t in enumerate(elements)
            )
            typedef = f"{function}_result"
            self.typedefs[typedef] = f"typedef struct {{\n{fields}}} {typedef};"
            return typedef
        return _c_scalar(return_type)

    def text(self) -> str:
        guard = re.sub(r"\W", "_", self.name).upper() + "_H"
        lines = [
            f"/* {self.name}: compiled ahead of time by Mumba. */",
            f"#ifndef {guard}",
            f"#define {guard}",
            "",
            "#include <stdbool.h>",
            "#include <stdint.h>",
            "",
            "#ifdef __cplusplus",
            'extern "C" {',
            "#endif",
            "",
            "/* What a call returns: 0, or the Python exception it raised. */",
            "enum mumba_status {",
            "  MUMBA_OK = 0,",
            "  MUMBA_ZERO_DIV_INT = 1,        /* ZeroDivisionError: int // 0 */",
            "  MUMBA_ZERO_MOD_INT = 2,        /* ZeroDivisionError: int % 0 */",
            "  MUMBA_ZERO_TRUEDIV = 3,        /* ZeroDivisionError: int / 0 */",
            "  MUMBA_ZERO_DIV_FLOAT = 4,      /* ZeroDivisionError: float / 0.0 */",
            "  MUMBA_ZERO_FLOORDIV_FLOAT = 5, /* ZeroDivisionError: float // 0.0 */",
            "  MUMBA_ZERO_MOD_FLOAT = 6,      /* ZeroDivisionError: float % 0.0 */",
            "  MUMBA_RANGE_STEP_ZERO = 7,     /* ValueError: range() step 0 */",
            "  MUMBA_INDEX_ERROR = 8,         /* IndexError (boundscheck) */",
            "};",
            "",
            "/* Arrays: memref descriptors; sizes and strides count elements. */",
        ]
        lines += [t + "\n" for t in self.typedefs.values()]
        lines += self.prototypes
        lines += ["", "#ifdef __cplusplus", "}", "#endif", "", f"#endif /* {guard} */", ""]
        return "\n".join(lines)


def _split_arguments(text: str) -> List[str]:
    """Split ``a, b[:, ::1], c`` at the commas outside brackets."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current)
    return [p.strip() for p in parts]


def _signature_types(signature: Union[str, Sequence[Any]]) -> Tuple[str, ...]:
    if isinstance(signature, str):
        # Numba's "float64(float64[::1], int64)": the return type is inferred.
        match = re.fullmatch(r"\s*[\w\[\]:, ]*?\((.*)\)\s*", signature)
        signature = _split_arguments(match.group(1)) if match else [signature]
    return tuple(parse_type(t) if isinstance(t, str) else _typeof(t) for t in signature)


def _typeof(value: Any) -> str:
    return typeof(value)


def compile(
    fn: Union[Dispatcher, Callable],
    signatures: Sequence[Union[str, Sequence[Any]]],
    name: str,
    *,
    directory: Union[str, os.PathLike] = ".",
    names: Optional[Sequence[str]] = None,
    target_triple: str = "",
    target_cpu: str = "",
    target_features: str = "",
    cc: Optional[str] = None,
) -> AOTLibrary:
    """Compile ``fn`` for each of ``signatures`` into the shared library
    ``<directory>/<name>.so`` with the C header ``<name>.h``.

    ``fn`` is an ``@njit`` function (its options, fastmath included, apply)
    or a plain one (compiled with the defaults). A signature is a sequence
    of argument types (see :func:`parse_type`) or of example arguments, or
    Numba's string form ``"float64(float64[::1], int64)"``.
    ``names`` gives the C functions' names; by default they are the
    function's name with the argument types (``total_f64_1d``). The target
    (``target_triple``, ``target_cpu``, ``target_features``) defaults to the
    host; for another machine the library must be linked there, so only the
    object files are kept (``<name>_<i>.o``) and ``library`` names the first.
    """
    if not isinstance(fn, Dispatcher):
        fn = njit(fn)
    if not signatures:
        raise ValueError("no signatures to compile")
    if target_cpu or target_features:
        extension().check_target(target_cpu, target_features, target_triple)
    if names is not None and len(names) != len(signatures):
        raise ValueError("names and signatures differ in length")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    ext = extension()
    header = _Header(name)
    functions: List[AOTFunction] = []
    with tempfile.TemporaryDirectory(prefix="mumba-aot-") as tmp:
        objects = []
        for i, signature in enumerate(signatures):
            arg_types = _signature_types(signature)
            compiled = fn.compile(arg_types)
            export = (
                names[i]
                if names is not None
                else f"{fn.__name__}_" + "_".join(_mangle(t) for t in arg_types)
                if arg_types
                else fn.__name__
            )
            params = []
            for index, t in enumerate(compiled.arg_types):
                if _ARRAY_RE.fullmatch(t):
                    params.append(f"const {header.array(t)} *arg{index}")
                else:
                    params.append(f"{_c_scalar(t)} arg{index}")
            result = header.result(export, compiled.return_type)
            if result is not None:
                params.append(f"{result} *result")
            prototype = f"int32_t {export}({', '.join(params) or 'void'});"
            header.prototypes.append(
                f"/* {fn.__name__}({', '.join(compiled.arg_types)}) -> "
                f"{compiled.return_type} */\n{prototype}"
            )
            try:
                code = compiled.object_code(
                    export, triple=target_triple, cpu=target_cpu, features=target_features
                )
            except ext.CompileError as exc:
                raise convert_compile_error(exc) from None
            obj = Path(tmp) / f"{name}_{i}.o"
            obj.write_bytes(code)
            objects.append(obj)
            functions.append(AOTFunction(export, tuple(compiled.arg_types), compiled.return_type, prototype))

        header_path = directory / f"{name}.h"
        header_path.write_text(header.text())
        if target_triple:
            kept = []
            for obj in objects:
                kept.append(directory / obj.name)
                shutil.copyfile(obj, kept[-1])
            return AOTLibrary(kept[0], header_path, functions)
        library = directory / f"{name}.so"
        command = [_find_cc(cc), "-shared", "-o", str(library), *map(str, objects)]
        runtime = _runtime_archive()
        if runtime is not None:
            command.append(str(runtime))
        if fn.options.get("parallel"):
            # prange loops call the OpenMP runtime the JIT loads.
            libomp = Path(ext.compiler_facts()["openmp_library"])
            command += [str(libomp), f"-Wl,-rpath,{libomp.parent}"]
        command.append("-lm")
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise MumbaError(f"linking {library} failed:\n{result.stderr}")
    return AOTLibrary(library, header_path, functions)
