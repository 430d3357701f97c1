"""Vectorisation and CPU targets: results agree with Python whatever the
options, and the code is what the options promise (affine loops in the
"affine" stage, packed instructions in the assembly, fast-math flags in the
LLVM IR)."""

import platform
import re

import numpy as np
import pytest

from mumba import Dispatcher, njit
from helpers import make_array

X86 = platform.machine() in ("x86_64", "AMD64")


def _host_flags():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


#: Packed double-precision arithmetic on the host's widest registers.
PACKED = (
    re.compile(r"\bv(add|mul|fmadd\w*|sub)pd\s.*%[yz]mm")
    if "avx2" in _host_flags()
    else re.compile(r"\b(v?add|v?mul)pd\b")
)
SCALAR_ADD = re.compile(r"\bv?addsd\b")


def total(a):
    t = 0.0
    for i in range(len(a)):
        t += a[i]
    return t


def dot(x, y):
    t = 0.0
    for i in range(len(x)):
        t += x[i] * y[i]
    return t


def saxpy(a, x, y, out):
    for i in range(len(x)):
        out[i] = a * x[i] + y[i]


def stencil(a, b):
    n, m = a.shape
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            b[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])


def matmul_into(a, b, c):
    n, k = a.shape
    m = b.shape[1]
    for i in range(n):
        for j in range(m):
            t = 0.0
            for p in range(k):
                t += a[i, p] * b[p, j]
            c[i, j] = t


def shift_back(a, out):
    # a[i - 1] for i = 0 is a[-1]: the wrap must stay.
    for i in range(len(a)):
        out[i] = a[i - 1]


def add_one_into(src, dst):
    for i in range(len(src)):
        dst[i] = src[i] + 1.0


def _options(**kw):
    options = dict(cache=False, fastmath=False, parallel=False, boundscheck=False, error_model="python")
    options.update(kw)
    return options


# -- results ------------------------------------------------------------------


@pytest.mark.parametrize("fastmath", [False, True])
@pytest.mark.parametrize("dtype", ["float64", "float32", "int64"])
@pytest.mark.parametrize("n", [0, 1, 7, 64, 1001])
def test_reductions_agree(fastmath, dtype, n):
    f, g = njit(fastmath=fastmath)(total), njit(fastmath=fastmath)(dot)
    a, b = make_array(n, dtype), make_array(n, dtype, seed=1)
    np.testing.assert_allclose(f(a), total(a), rtol=1e-9 if dtype != "float32" else 1e-5)
    np.testing.assert_allclose(g(a, b), dot(a, b), rtol=1e-9 if dtype != "float32" else 1e-5)


def test_fastmath_reassociates_but_plain_keeps_order():
    a = np.array([1e16, 1.0, -1e16, 1.0] * 8)
    # In order, as Python: each 1.0 is lost against 1e16.
    assert njit(total)(a) == total(a)


@pytest.mark.parametrize("layout", ["C", "strided"])
@pytest.mark.parametrize("fastmath", [False, True])
def test_saxpy_and_stencil_agree(layout, fastmath):
    lay = "A" if layout == "strided" else "C"
    x, y = make_array(257, "float64", lay), make_array(257, "float64", lay, seed=2)
    a = make_array((19, 23), "float64", lay, seed=3)
    out, expected = np.zeros(len(x)), np.zeros(len(x))
    njit(fastmath=fastmath)(saxpy)(2.5, x, y, out)
    saxpy(2.5, x, y, expected)
    np.testing.assert_allclose(out, expected)
    b, eb = np.zeros(a.shape), np.zeros(a.shape)
    njit(fastmath=fastmath)(stencil)(a, b)
    stencil(a, eb)
    np.testing.assert_allclose(b, eb)


def test_matmul_into_agrees():
    a, b = make_array((13, 17), "float64"), make_array((17, 11), "float64", seed=1)
    c = np.zeros((13, 11))
    njit(matmul_into)(a, b, c)
    np.testing.assert_allclose(c, a @ b)


def test_negative_index_wrap_is_kept():
    a, out = np.arange(6.0), np.zeros(6)
    njit(shift_back)(a, out)
    np.testing.assert_array_equal(out, [5.0, 0, 1, 2, 3, 4])


def test_overlapping_arrays_keep_python_order():
    # dst is src shifted by one: each write feeds the next read, as in Python.
    base, expected = np.zeros(40), np.zeros(40)
    njit(add_one_into)(base[:-1], base[1:])
    add_one_into(expected[:-1], expected[1:])
    np.testing.assert_array_equal(base, expected)
    x = make_array(100, "float64")
    x2 = x.copy()
    njit(saxpy)(3.0, x, x, x)
    saxpy(3.0, x2, x2, x2)
    np.testing.assert_allclose(x, x2)


@pytest.mark.parametrize("vectorize", [False, True])
@pytest.mark.parametrize("opt_level", [0, 2, 3])
def test_options_agree(vectorize, opt_level):
    f = Dispatcher(dot, _options(vectorize=vectorize, opt_level=opt_level))
    a, b = make_array(333, "float64"), make_array(333, "float64", seed=1)
    np.testing.assert_allclose(f(a, b), dot(a, b))


# -- the code -----------------------------------------------------------------


@pytest.mark.parametrize("fn,args", [
    (stencil, (np.zeros((8, 8)), np.zeros((8, 8)))),
    (matmul_into, (np.zeros((4, 5)), np.zeros((5, 6)), np.zeros((4, 6)))),
])
def test_affine_stage_has_affine_loops(fn, args):
    f = njit(fn)
    f(*args)
    text = f.inspect_mlir("affine")
    assert "affine.for" in text and "affine.load" in text and "affine.store" in text
    # Every index is provably non-negative: no wrap-around left.
    assert "arith.select" not in text
    assert "scf.while" not in text and "cf.br" not in text


def test_affine_stage_keeps_unknown_wraps():
    f = njit(shift_back)
    f(np.arange(3.0), np.zeros(3))
    text = f.inspect_mlir("affine")
    assert "affine.for" in text and "arith.select" in text and "memref.load" in text


@pytest.mark.skipif(not X86, reason="x86-64 registers")
def test_asm_sum_packed_only_with_fastmath():
    fast, plain = njit(fastmath=True)(total), njit(total)
    a = np.arange(100.0)
    assert fast(a) == plain(a) == total(a)
    assert PACKED.search(fast.inspect_asm()), "fastmath sum is not vectorised"
    asm = plain.inspect_asm()
    assert not re.search(r"\bv?addpd\b", asm), "in-order sum was reassociated"
    assert SCALAR_ADD.search(asm)


@pytest.mark.skipif(not X86, reason="x86-64 registers")
def test_asm_saxpy_dot_stencil_packed():
    a = np.arange(64.0)
    f = njit(saxpy)
    f(2.0, a, a.copy(), np.zeros(64))
    assert PACKED.search(f.inspect_asm())
    g = njit(fastmath=True)(dot)
    g(a, a)
    assert PACKED.search(g.inspect_asm())
    h = njit(stencil)
    h(np.zeros((8, 8)), np.zeros((8, 8)))
    assert PACKED.search(h.inspect_asm())


def test_inspect_llvm_shows_vectors_and_flags():
    f = njit(fastmath=True)(total)
    f(np.arange(10.0))
    ir = f.inspect_llvm()
    assert "define" in ir and "@total" in ir
    assert re.search(r"<\d+ x double>", ir)
    assert "fadd fast" in ir or "fadd reassoc" in ir
    plain = njit(total)
    plain(np.arange(10.0))
    assert "fast" not in plain.inspect_llvm()
    # Made once, then the same text.
    assert f.inspect_llvm() is not None and f.inspect_llvm() == ir


@pytest.mark.skipif(not X86, reason="x86-64 registers")
def test_vectorize_off_and_target_cpu():
    a = np.arange(64.0)
    off = Dispatcher(saxpy, _options(vectorize=False))
    off(2.0, a, a.copy(), np.zeros(64))
    assert not re.search(r"\bv?(add|mul)pd\b", off.inspect_asm())
    # The baseline x86-64 CPU has SSE2 only: 128-bit registers at most.
    sse = Dispatcher(saxpy, _options(target_cpu="x86-64"))
    out = np.zeros(64)
    sse(2.0, a, a, out)
    np.testing.assert_allclose(out, 3 * a)
    asm = sse.inspect_asm()
    assert re.search(r"\bmulpd\b", asm) and not re.search(r"%[yz]mm", asm)


def test_inspect_before_compile_raises():
    with pytest.raises(ValueError):
        njit(total).inspect_asm()


def smooth(a):
    for i in range(1, len(a) - 1):
        a[i] = 0.5 * (a[i - 1] + a[i + 1])


def sum_first(a, n):
    t = 0.0
    for i in range(n):
        t += a[i]
    return t


def test_boundscheck_in_range_loops_are_raised():
    f = njit(boundscheck=True)(total)
    a = make_array(100, "float64")
    np.testing.assert_allclose(f(a), total(a))
    text = f.inspect_mlir("affine")
    # range(len(a)) never leaves the array: no check, an affine loop.
    assert "affine.for" in text and "call @mumbaRaiseIndexError" not in text
    # a[i - 1] and a[i + 1] for i in range(1, len(a) - 1): within a.
    g = njit(boundscheck=True)(smooth)
    a = make_array(50, "float64")
    expected = a.copy()
    g(a)
    smooth(expected)
    np.testing.assert_allclose(a, expected)
    text = g.inspect_mlir("affine")
    assert "affine.for" in text and "call @mumbaRaiseIndexError" not in text
    # b's size says nothing about a's: the checks on b stay.
    h = njit(boundscheck=True)(stencil)
    a, b, eb = make_array((9, 7), "float64"), np.zeros((9, 7)), np.zeros((9, 7))
    h(a, b)
    stencil(a, eb)
    np.testing.assert_allclose(b, eb)
    with pytest.raises(IndexError):
        h(a, np.zeros((9, 3)))


def test_boundscheck_still_raises_where_undecided():
    f = njit(boundscheck=True)(sum_first)
    a = make_array(10, "float64")
    np.testing.assert_allclose(f(a, 10), sum_first(a, 10))
    with pytest.raises(IndexError):
        f(a, 11)


@njit
def conditional_accumulate(c, n):
    a = 0
    for i in range(n):
        if c:
            a = a + i
    return a


@pytest.mark.parametrize("c", [True, False])
def test_conditional_update_in_a_raised_loop(c):
    # An scf.if with an invariant condition in an affine loop once made
    # affine LICM hoist it out of the loop.
    assert conditional_accumulate(c, 10) == conditional_accumulate.py_func(c, 10)
