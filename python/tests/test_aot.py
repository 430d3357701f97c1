"""Ahead-of-time compilation: mumba.aot.compile writes a shared library and a
C header; the library is called through ctypes and from a C program, and
must agree with plain Python."""

import ctypes
import shutil
import subprocess

import numpy as np
import pytest

import mumba.aot
from mumba import MumbaError, njit


def total(a):
    t = 0.0
    for i in range(len(a)):
        t += a[i]
    return t


def saxpy(a, x, y, out):
    for i in range(len(x)):
        out[i] = a * x[i] + y[i]


def idiv(a, b):
    return a // b, a % b


def stencil(a, b):
    n, m = a.shape
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            b[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])


def make_twice(a):
    return a * 2.0


def memref_type(ctype, ndim):
    """The memref descriptor of the header, as a ctypes structure."""

    class Memref(ctypes.Structure):
        _fields_ = [
            ("allocated", ctypes.POINTER(ctype)),
            ("aligned", ctypes.POINTER(ctype)),
            ("offset", ctypes.c_int64),
            ("sizes", ctypes.c_int64 * ndim),
            ("strides", ctypes.c_int64 * ndim),
        ]

    return Memref


def describe(array, ctype):
    """The descriptor of a NumPy array (element strides, no copy)."""
    memref = memref_type(ctype, array.ndim)()
    data = array.ctypes.data_as(ctypes.POINTER(ctype))
    memref.allocated = memref.aligned = data
    memref.offset = 0
    for d in range(array.ndim):
        memref.sizes[d] = array.shape[d]
        memref.strides[d] = array.strides[d] // array.itemsize
    return memref


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    directory = tmp_path_factory.mktemp("aot")
    lib_total = mumba.aot.compile(
        total, ["float64[::1]", ("float32[::1]",), [np.zeros(3)[::2]]], "totals", directory=directory
    )
    return lib_total


def test_writes_library_and_header(library):
    assert library.library.exists() and library.library.suffix == ".so"
    header = library.header.read_text()
    names = [f.name for f in library.functions]
    assert names == ["total_f64_1d", "total_f32_1d", "total_f64_1da"]
    for f in library.functions:
        assert f.prototype in header
    assert "int32_t total_f64_1d(const mumba_memref_f64_1d *arg0, double *result);" in header
    assert "typedef struct {" in header and "int64_t strides[1];" in header
    assert "MUMBA_ZERO_DIV_INT = 1" in header


@pytest.mark.parametrize(
    "name,dtype,ctype,step",
    [
        ("total_f64_1d", np.float64, ctypes.c_double, 1),
        ("total_f32_1d", np.float32, ctypes.c_float, 1),
        ("total_f64_1da", np.float64, ctypes.c_double, 3),
    ],
)
def test_call_through_ctypes(library, name, dtype, ctype, step):
    lib = ctypes.CDLL(str(library.library))
    function = getattr(lib, name)
    function.restype = ctypes.c_int32
    array = np.arange(1, 31, dtype=dtype)[::step]
    if step == 1:
        array = np.ascontiguousarray(array)
    # t starts as a Python float, so even a float32 sum is a double.
    result = ctypes.c_double()
    status = function(ctypes.byref(describe(array, ctype)), ctypes.byref(result))
    assert status == 0
    np.testing.assert_allclose(result.value, total(array), rtol=1e-6)


def test_fastmath_tuples_status_and_none(tmp_path):
    built = mumba.aot.compile(njit(fastmath=True)(saxpy), ["float64(float64, float64[::1], float64[::1], float64[::1])"], "saxpy", directory=tmp_path)
    lib = ctypes.CDLL(str(built.library))
    x, y, out = np.arange(100.0), np.ones(100), np.zeros(100)
    lib.saxpy_f64_f64_1d_f64_1d_f64_1d.restype = ctypes.c_int32
    status = lib.saxpy_f64_f64_1d_f64_1d_f64_1d(
        ctypes.c_double(2.0), *(ctypes.byref(describe(v, ctypes.c_double)) for v in (x, y, out))
    )
    assert status == 0
    expected = np.zeros(100)
    saxpy(2.0, x, y, expected)
    np.testing.assert_allclose(out, expected)
    # None: no result pointer.
    assert "const mumba_memref_f64_1d *arg3);" in built.header.read_text()

    built = mumba.aot.compile(idiv, [("int64", "int64")], "idiv", directory=tmp_path, names=["py_divmod"])
    header = built.header.read_text()
    assert "typedef struct {\n  int64_t f0;\n  int64_t f1;\n} py_divmod_result;" in header

    class Result(ctypes.Structure):
        _fields_ = [("f0", ctypes.c_int64), ("f1", ctypes.c_int64)]

    lib = ctypes.CDLL(str(built.library))
    lib.py_divmod.restype = ctypes.c_int32
    lib.py_divmod.argtypes = [ctypes.c_int64, ctypes.c_int64, ctypes.POINTER(Result)]
    r = Result()
    for a, b in [(-7, 2), (7, -2), (9, 3)]:
        assert lib.py_divmod(a, b, ctypes.byref(r)) == 0
        assert (r.f0, r.f1) == idiv(a, b)
    # ZeroDivisionError is status 1.
    assert lib.py_divmod(1, 0, ctypes.byref(r)) == 1


@pytest.mark.skipif(not (shutil.which("cc") or shutil.which("clang")), reason="no C compiler")
def test_c_program(tmp_path):
    built = mumba.aot.compile(stencil, ["(float64[:, ::1], float64[:, ::1])"], "stencil", directory=tmp_path)
    (name,) = [f.name for f in built.functions]
    main = tmp_path / "main.c"
    main.write_text(
        f"""
#include <stdio.h>
#include "stencil.h"
int main(void) {{
  double a[4][5], b[4][5] = {{{{0}}}};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 5; ++j)
      a[i][j] = i * 10 + j * j;
  mumba_memref_f64_2d ma = {{&a[0][0], &a[0][0], 0, {{4, 5}}, {{5, 1}}}};
  mumba_memref_f64_2d mb = {{&b[0][0], &b[0][0], 0, {{4, 5}}, {{5, 1}}}};
  int status = {name}(&ma, &mb);
  printf("%d", status);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 5; ++j)
      printf(" %g", b[i][j]);
  printf("\\n");
  return 0;
}}
"""
    )
    cc = shutil.which("cc") or shutil.which("clang")
    exe = tmp_path / "main"
    subprocess.run(
        [cc, str(main), "-I", str(tmp_path), str(built.library), f"-Wl,-rpath,{tmp_path}", "-o", str(exe)],
        check=True,
    )
    out = subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout.split()
    a = np.array([[i * 10 + j * j for j in range(5)] for i in range(4)], dtype=np.float64)
    b = np.zeros_like(a)
    stencil(a, b)
    assert out[0] == "0"
    np.testing.assert_allclose([float(v) for v in out[1:]], b.ravel())


def test_cross_target_keeps_objects(tmp_path):
    built = mumba.aot.compile(
        total, ["float64[::1]"], "portable", directory=tmp_path,
        target_triple="aarch64-unknown-linux-gnu", target_cpu="neoverse-v2",
    )
    assert built.library.suffix == ".o" and built.library.exists()
    assert built.library.read_bytes()[:4] == b"\x7fELF"


def test_errors(tmp_path):
    with pytest.raises(ValueError, match=r"cannot read the signature 'float64\[3\]': array dimensions"):
        mumba.aot.parse_type("float64[3]")
    assert mumba.aot.parse_type("int32[:, :]") == "!nb.array<si32, 2, A>"
    assert mumba.aot.parse_type("float64[:, ::1]") == "!nb.array<f64, 2, C>"
    # Arrays made in compiled code cannot be handed to C.
    with pytest.raises(MumbaError):
        mumba.aot.compile(make_twice, ["float64[::1]"], "twice", directory=tmp_path)
