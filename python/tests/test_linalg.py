"""Compiled `@`, np.dot/vdot/inner/outer/matmul/trace and numpy.linalg
against NumPy: float32/float64/complex64/complex128 (and ints and bools for
the products), C, Fortran and strided layouts, empty and 1x1 inputs,
NumPy's errors, and inputs left alone."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

import mumba
from mumba import njit

FLOATS = [np.float32, np.float64, np.complex64, np.complex128]
INTS = [np.int32, np.int64, np.uint8, np.bool_]


def tol(dtype):
    return 2e-4 if np.dtype(dtype) in (np.float32, np.complex64) else 1e-11


def random(rng, shape, dtype):
    if np.dtype(dtype) == np.bool_:
        return rng.integers(0, 2, shape).astype(bool)
    if np.issubdtype(dtype, np.integer):
        return rng.integers(0, 7, shape).astype(dtype)
    x = rng.standard_normal(shape)
    if np.issubdtype(dtype, np.complexfloating):
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dtype)


def layouts(a):
    """The same values as C, Fortran and strided (every other element)."""
    out = {"C": np.ascontiguousarray(a), "F": np.asfortranarray(a)}
    big = np.zeros(tuple(2 * s for s in a.shape), a.dtype)
    view = big[tuple(slice(None, None, 2) for _ in a.shape)]
    view[...] = a
    out["strided"] = view
    return out


_COMPILED = {}


def jit(fn):
    """One dispatcher per function, so that signatures compile once."""
    if fn not in _COMPILED:
        _COMPILED[fn] = njit(fn)
    return _COMPILED[fn]


def run_same(fn, *args):
    """fn compiled and interpreted on copies; checks the inputs survive."""
    saved = [np.copy(a) for a in args]
    got = jit(fn)(*args)
    for a, s in zip(args, saved):
        assert_array_equal(a, s)
    return got, fn(*saved)


def close(got, want, dtype, scale=1.0):
    if isinstance(want, tuple):
        assert isinstance(got, tuple) and len(got) == len(want)
        for g, w in zip(got, want):
            close(g, w, dtype, scale)
        return
    if isinstance(got, (bool, int, float, complex)):
        # Compiled code returns scalars as Python numbers, as Numba does.
        kinds = {bool: "b", int: "iu", float: "f", complex: "c"}
        assert np.asarray(want).dtype.kind in kinds[type(got)], (got, want)
    else:
        assert np.asarray(got).dtype == np.asarray(want).dtype, (got, want)
    assert np.shape(got) == np.shape(want)
    if np.issubdtype(np.asarray(want).dtype, np.inexact):
        r = tol(dtype)
        assert_allclose(got, want, rtol=r, atol=r * scale)
    else:
        assert_array_equal(got, want)


def raises_like(fn, *args):
    """Compiled fn raises what NumPy raises, with the same message."""
    with pytest.raises(Exception) as want:
        fn(*args)
    with pytest.raises(type(want.value)) as got:
        jit(fn)(*args)
    assert str(got.value) == str(want.value)


# --- products ----------------------------------------------------------------


def matmul_op(a, b):
    return a @ b


def np_matmul(a, b):
    return np.matmul(a, b)


def np_dot(a, b):
    return np.dot(a, b)


def np_inner(a, b):
    return np.inner(a, b)


PRODUCTS = [matmul_op, np_matmul, np_dot]

# (m, k, n): below, at and above the loop/BLAS switch (8), and empty.
SHAPES = [(1, 1, 1), (3, 4, 2), (8, 8, 8), (9, 5, 3), (5, 9, 5), (3, 40, 20), (0, 3, 4), (3, 0, 4), (2, 3, 0)]


@pytest.mark.parametrize("dtype", FLOATS + INTS)
@pytest.mark.parametrize("fn", PRODUCTS)
def test_matrix_products(fn, dtype):
    rng = np.random.default_rng(1)
    for m, k, n in SHAPES:
        a = random(rng, (m, k), dtype)
        b = random(rng, (k, n), dtype)
        got, want = run_same(fn, a, b)
        close(got, want, dtype, scale=k + 1)


@pytest.mark.parametrize("dtype", FLOATS + [np.int64])
@pytest.mark.parametrize("la", ["C", "F", "strided"])
@pytest.mark.parametrize("lb", ["C", "F", "strided"])
def test_product_layouts(dtype, la, lb):
    rng = np.random.default_rng(2)
    for m, k, n in [(3, 4, 5), (20, 30, 25)]:
        a = layouts(random(rng, (m, k), dtype))[la]
        b = layouts(random(rng, (k, n), dtype))[lb]
        got, want = run_same(matmul_op, a, b)
        close(got, want, dtype, scale=k)
        got, want = run_same(matmul_op, b.T, a.T)
        close(got, want, dtype, scale=k)


@pytest.mark.parametrize("dtype", FLOATS + INTS)
@pytest.mark.parametrize("fn", PRODUCTS + [np_inner])
def test_vector_products(fn, dtype):
    rng = np.random.default_rng(3)
    for m, k in [(1, 1), (3, 4), (20, 30), (0, 3), (3, 0)]:
        a = random(rng, (m, k), dtype)
        x = random(rng, (k,), dtype)
        y = random(rng, (m,), dtype)
        for args in [(a, x), (y, a), (x, x), (layouts(a)["strided"], x[::-1])]:
            if fn is np_inner and args[0].ndim == 1 and args[1].ndim == 2:
                args = (x, a)
            got, want = run_same(fn, *args)
            close(got, want, dtype, scale=k + 1)


@pytest.mark.parametrize("dtype", FLOATS + INTS)
def test_inner_matrices(dtype):
    rng = np.random.default_rng(4)
    for m, k, n in [(2, 3, 4), (20, 17, 18), (0, 2, 3)]:
        got, want = run_same(np_inner, random(rng, (m, k), dtype), random(rng, (n, k), dtype))
        close(got, want, dtype, scale=k + 1)


def test_mixed_dtypes_promote_as_numpy():
    rng = np.random.default_rng(5)
    pairs = [
        (np.int32, np.float32),
        (np.int8, np.uint8),
        (np.float32, np.complex128),
        (np.bool_, np.int64),
        (np.float32, np.float64),
    ]
    for da, db in pairs:
        a = random(rng, (4, 5), da)
        b = random(rng, (5, 3), db)
        got, want = run_same(matmul_op, a, b)
        close(got, want, np.float32, scale=5)
        got, want = run_same(np_dot, a[0], b[:, 0])
        close(got, want, np.float32, scale=5)


def test_vdot_outer_trace():
    rng = np.random.default_rng(6)

    def vdot(a, b):
        return np.vdot(a, b)

    def outer(a, b):
        return np.outer(a, b)

    def trace(a):
        return np.trace(a)

    def trace_offset(a, k):
        return np.trace(a, k)

    for dtype in FLOATS + INTS:
        for n in [0, 1, 5, 40]:
            x = random(rng, (n,), dtype)
            y = random(rng, (2 * n,), dtype)[::2]
            close(*run_same(vdot, x, y), dtype, scale=n + 1)
            close(*run_same(outer, x, y[: max(n - 1, 0)]), dtype)
        a = random(rng, (4, 6), dtype)
        close(*run_same(trace, a), dtype, scale=6)
        close(*run_same(trace, a.T), dtype, scale=6)
        for k in [-5, -1, 0, 2, 7]:
            close(*run_same(trace_offset, a, k), dtype, scale=6)


def test_product_shape_errors():
    a, b, x, y = np.ones((2, 3)), np.ones((4, 5)), np.ones(3), np.ones(4)
    for fn in PRODUCTS + [np_inner]:
        for args in [(a, b), (x, y), (a, y), (y, a)]:
            raises_like(fn, *args)
    raises_like(lambda u, v: np.vdot(u, v), x, y)
    raises_like(np_matmul, np.ones((2, 3), np.int64), np.ones((2, 3), np.int64))


def test_product_typing_errors():
    with pytest.raises(mumba.TypingError, match=r"numpy.matmul\(\)"):
        njit(matmul_op)(np.ones((2, 2)), 2.0)
    with pytest.raises(mumba.TypingError, match=r"numpy.dot\(\)"):
        njit(np_dot)(np.ones((2, 2, 2)), np.ones(2))


def test_inplace_matmul_is_refused_as_in_numpy():
    def f(a, b):
        a @= b
        return a

    with pytest.raises(mumba.UnsupportedError, match="a = a @ b"):
        njit(f)(np.eye(2), np.eye(2))


def test_inspect_llvm_shows_the_calls():
    a = np.ones((3, 3))
    f = njit(matmul_op)
    f(a, a)
    assert "mumbaLinalgGemm" in f.inspect_llvm(f.signatures[0])
    g = njit(lambda m, v: np.linalg.solve(m, v))
    g(np.eye(2), np.ones(2))
    assert "mumbaLinalgSolve" in g.inspect_llvm(g.signatures[0])
    h = njit(matmul_op)
    h(np.ones((3, 3), np.int64), np.ones((3, 3), np.int64))
    assert "mumbaLinalgGemm" not in h.inspect_llvm(h.signatures[0])


# --- numpy.linalg ----------------------------------------------------------------

LINALG_DTYPES = FLOATS + [np.int64]


def well_conditioned(rng, n, dtype):
    x = random(rng, (n, n), dtype)
    return (x + (3 * n + 1) * np.eye(n, dtype=x.dtype)).astype(dtype)


def positive_definite(rng, n, dtype):
    x = random(rng, (n, n), dtype)
    return (x @ x.conj().T + n * np.eye(n)).astype(dtype)


def hermitian(rng, n, dtype):
    x = random(rng, (n, n), dtype)
    return ((x + x.conj().T) / 2).astype(dtype)


def solve(a, b):
    return np.linalg.solve(a, b)


def inv(a):
    return np.linalg.inv(a)


def det(a):
    return np.linalg.det(a)


def slogdet(a):
    return np.linalg.slogdet(a)


def cholesky(a):
    return np.linalg.cholesky(a)


@pytest.mark.parametrize("dtype", LINALG_DTYPES)
@pytest.mark.parametrize("layout", ["C", "F", "strided"])
def test_solve_inv_det(dtype, layout):
    rng = np.random.default_rng(7)
    for n in [0, 1, 2, 5, 30]:
        a = layouts(well_conditioned(rng, n, dtype))[layout]
        close(*run_same(solve, a, random(rng, (n,), dtype)), dtype, scale=10)
        close(*run_same(solve, a, layouts(random(rng, (n, 3), dtype))[layout]), dtype, scale=10)
        close(*run_same(inv, a), dtype, scale=10)
        close(*run_same(det, a), dtype, scale=abs(np.linalg.det(a)) + 1)
        got, want = run_same(slogdet, a)
        close(got, want, dtype, scale=abs(want[1]) + 1)
        pd = layouts(positive_definite(rng, n, dtype))[layout]
        close(*run_same(cholesky, pd), dtype, scale=10)


def test_solve_mixed_and_errors():
    rng = np.random.default_rng(8)
    a = well_conditioned(rng, 3, np.float32)
    close(*run_same(solve, a, random(rng, (3,), np.complex64)), np.float32, scale=10)
    close(*run_same(solve, a, random(rng, (3,), np.float64)), np.float32, scale=10)
    raises_like(solve, np.eye(3), np.ones(4))
    raises_like(solve, np.eye(3), np.ones((4, 2)))
    raises_like(solve, np.ones((2, 3)), np.ones(4))
    raises_like(solve, np.zeros((2, 2)), np.ones(2))
    raises_like(inv, np.ones((3, 3)))
    raises_like(inv, np.ones((2, 3)))
    raises_like(det, np.ones((2, 3)))
    raises_like(cholesky, -np.eye(2))
    raises_like(cholesky, np.ones((2, 3)))


def eig(a):
    return np.linalg.eig(a)


def eigvals(a):
    return np.linalg.eigvals(a)


def eigh(a):
    return np.linalg.eigh(a)


def eigh_upper(a):
    return np.linalg.eigh(a, "U")


def eigvalsh(a):
    return np.linalg.eigvalsh(a, UPLO="U")


@pytest.mark.parametrize("dtype", LINALG_DTYPES)
def test_eigen(dtype):
    rng = np.random.default_rng(9)
    for n in [0, 1, 4, 12]:
        # Real input: symmetric, so that NumPy's result is real too.
        if np.issubdtype(dtype, np.complexfloating):
            a = hermitian(rng, n, dtype)
        else:
            a = hermitian(rng, n, np.float64).astype(dtype)
        w, v = njit(eig)(a)
        ww, vw = np.linalg.eig(a)
        assert w.dtype == ww.dtype and v.dtype == vw.dtype
        close(np.sort_complex(w), np.sort_complex(ww), dtype, scale=10)
        close(a.astype(v.dtype) @ v, v * w, dtype, scale=10)
        close(np.sort_complex(njit(eigvals)(a)), np.sort_complex(np.linalg.eigvals(a)), dtype, scale=10)
        for fn in (eigh, eigh_upper):
            got, want = run_same(fn, a)
            close(got[0], want[0], dtype, scale=10)
            close(np.abs(got[1]), np.abs(want[1]), dtype, scale=10)
        close(*run_same(eigvalsh, a), dtype, scale=10)


def test_eig_of_real_matrix_with_complex_eigenvalues_raises_as_numba():
    rotation = np.array([[0.0, -1.0], [1.0, 0.0]])
    with pytest.raises(ValueError, match=r"eig\(\) argument must not cause a domain change"):
        njit(eig)(rotation)
    with pytest.raises(ValueError, match=r"eigvals\(\) argument"):
        njit(eigvals)(rotation)
    w, _ = njit(eig)(rotation.astype(np.complex128))
    close(np.sort(w.imag), [-1.0, 1.0], np.float64)
    close(w.real, [0.0, 0.0], np.float64)


def svd(a):
    return np.linalg.svd(a)


def svd_reduced(a):
    return np.linalg.svd(a, full_matrices=False)


def svd_values(a):
    return np.linalg.svd(a, compute_uv=False)


def qr(a):
    return np.linalg.qr(a)


def qr_complete(a):
    return np.linalg.qr(a, mode="complete")


def qr_r(a):
    return np.linalg.qr(a, "r")


def lstsq(a, b):
    return np.linalg.lstsq(a, b, rcond=None)


def lstsq_rcond(a, b):
    return np.linalg.lstsq(a, b, 1e-3)


def pinv(a):
    return np.linalg.pinv(a)


def matrix_rank(a):
    return np.linalg.matrix_rank(a)


def matrix_rank_tol(a):
    return np.linalg.matrix_rank(a, 0.5)


RECT = [(0, 0), (1, 1), (3, 0), (4, 4), (6, 3), (3, 6)]


@pytest.mark.parametrize("dtype", LINALG_DTYPES)
def test_factorisations(dtype):
    rng = np.random.default_rng(10)
    for shape in RECT:
        for a in layouts(random(rng, shape, dtype)).values():
            for fn in (svd, svd_reduced):
                (u, s, vh), (uw, sw, vhw) = run_same(fn, a)
                close(s, sw, dtype, scale=10)
                assert u.shape == uw.shape and vh.shape == vhw.shape
                assert u.dtype == uw.dtype and vh.dtype == vhw.dtype
                k = min(shape)
                close((u[:, :k] * s) @ vh[:k], a.astype(u.dtype), dtype, scale=10)
            close(*run_same(svd_values, a), dtype, scale=10)
            for fn in (qr, qr_complete):
                (q, r), (qw, rw) = run_same(fn, a)
                close(q, qw, dtype, scale=10)
                close(r, rw, dtype, scale=10)
            close(*run_same(qr_r, a), dtype, scale=10)
            if a.size or not np.issubdtype(dtype, np.integer):
                # (NumPy's pinv of an empty int matrix keeps the int dtype.)
                close(*run_same(pinv, a), dtype, scale=10)
            if min(shape) > 0:
                assert run_same(matrix_rank, a)[0] == matrix_rank(a)
                assert run_same(matrix_rank_tol, a)[0] == matrix_rank_tol(a)


@pytest.mark.parametrize("dtype", LINALG_DTYPES)
def test_lstsq(dtype):
    rng = np.random.default_rng(11)
    for m, n in [(6, 3), (3, 6), (4, 4), (5, 0), (1, 1)]:
        a = random(rng, (m, n), dtype)
        for b in (random(rng, (m,), dtype), random(rng, (m, 2), dtype)):
            for fn in (lstsq, lstsq_rcond):
                got, want = run_same(fn, a, b)
                # NumPy's rank is an int32 scalar; compiled code returns an int.
                assert isinstance(got[2], int) and got[2] == want[2]
                close(got[0], want[0], dtype, scale=100)
                close(got[1], want[1], dtype, scale=100)
                close(got[3], want[3], dtype, scale=10)
    raises_like(lstsq, np.ones((3, 2)), np.ones(4))


def matrix_power(a, n):
    return np.linalg.matrix_power(a, n)


@pytest.mark.parametrize("dtype", FLOATS + [np.int64, np.int32])
def test_matrix_power(dtype):
    rng = np.random.default_rng(12)
    for size in [0, 1, 3, 20]:
        a = random(rng, (size, size), dtype)
        if np.issubdtype(dtype, np.integer):
            a = a % 2
        for n in [0, 1, 2, 3, 5, 8]:
            got, want = run_same(matrix_power, a, n)
            close(got, want, dtype, scale=float(np.abs(want).max(initial=1)))
        if not np.issubdtype(dtype, np.integer) and size:
            a = well_conditioned(rng, size, dtype)
            for n in [-1, -3]:
                got, want = run_same(matrix_power, a, n)
                close(got, want, dtype, scale=1)
    raises_like(matrix_power, np.ones((2, 3)), 2)
    with pytest.raises(TypeError, match="negative power"):
        njit(matrix_power)(np.eye(2, dtype=np.int64), -1)


def norm(x):
    return np.linalg.norm(x)


def norm_ord(x, p):
    return np.linalg.norm(x, p)


def norm_fro(x):
    return np.linalg.norm(x, "fro")


def norm_nuc(x):
    return np.linalg.norm(x, "nuc")


def norm_axis(x, p, axis):
    return np.linalg.norm(x, p, axis)


def cond(x):
    return np.linalg.cond(x)


def cond_p(x, p):
    return np.linalg.cond(x, p)


def cond_fro(x):
    return np.linalg.cond(x, "fro")


def cond_1(x):
    return np.linalg.cond(x, 1)


def cond_m1(x):
    return np.linalg.cond(x, -1)


def cond_2(x):
    return np.linalg.cond(x, 2)


def cond_m2(x):
    return np.linalg.cond(x, -2)


def cond_inf(x):
    return np.linalg.cond(x, np.inf)


#: Literal orders: cond's result type for complex x depends on p.
COND_LITERAL = [cond_1, cond_m1, cond_2, cond_m2, cond_inf, cond_fro]


@pytest.mark.parametrize("dtype", LINALG_DTYPES)
def test_norms(dtype):
    rng = np.random.default_rng(13)
    for n in [1, 7]:
        x = layouts(random(rng, (n,), dtype))["strided"]
        close(*run_same(norm, x), dtype, scale=10)
        for p in [np.inf, -np.inf, 0, 1, 2, -1, 3.5, 0.5]:
            close(*run_same(norm_ord, x, p), dtype, scale=10)
    for shape in [(3, 4), (5, 5), (1, 1)]:
        for a in layouts(random(rng, shape, dtype)).values():
            for fn in (norm, norm_fro, norm_nuc):
                close(*run_same(fn, a), dtype, scale=10)
            for p in [np.inf, -np.inf, 1, -1, 2, -2]:
                close(*run_same(norm_ord, a, p), dtype, scale=10)
                for axis in [0, 1, -1]:
                    close(*run_same(norm_axis, a, p, axis), dtype, scale=10)
            close(*run_same(cond, a), dtype, scale=1e3)
            if shape[0] == shape[1]:
                sq = well_conditioned(rng, shape[0], dtype)
                for fn in COND_LITERAL:
                    close(*run_same(fn, sq), dtype, scale=1e3)
                if not np.issubdtype(dtype, np.complexfloating):
                    for p in [1, -1, 2, -2, np.inf]:
                        close(*run_same(cond_p, sq, p), dtype, scale=1e3)
            close(*run_same(cond_2, a), dtype, scale=1e3)
            close(*run_same(cond_m2, a), dtype, scale=1e3)
    close(*run_same(norm, random(rng, (0,), dtype)), dtype)
    close(*run_same(norm_ord, random(rng, (0,), dtype), 1), dtype)


def test_norm_and_cond_errors():
    raises_like(norm_ord, np.ones((2, 2)), 3)
    raises_like(norm_ord, np.ones(0), np.inf)
    raises_like(norm_ord, np.ones((0, 2)), np.inf)
    raises_like(cond_p, np.ones((2, 3)), 1)
    with pytest.raises(mumba.TypingError, match="needs a literal p"):
        njit(cond_p)(np.eye(2, dtype=np.complex128), 1)
    with pytest.raises(mumba.TypingError, match="Invalid norm order 'fro' for vectors"):
        njit(norm_fro)(np.ones(3))
    # A singular matrix's condition number is inf, as NumPy's.
    assert njit(cond_p)(np.ones((2, 2)), 1) == cond_p(np.ones((2, 2)), 1) == np.inf
    assert njit(cond)(np.zeros((2, 2))) == cond(np.zeros((2, 2)))


def test_linalg_typing_errors():
    with pytest.raises(mumba.TypingError, match="compute_uv must be a literal"):
        njit(lambda a, c: np.linalg.svd(a, compute_uv=c))(np.eye(2), False)
    with pytest.raises(mumba.TypingError, match="UPLO argument must be 'L' or 'U'"):
        njit(lambda a: np.linalg.eigh(a, "X"))(np.eye(2))
    with pytest.raises(mumba.TypingError, match="qr mode"):
        njit(lambda a: np.linalg.qr(a, "raw"))(np.eye(2))
    with pytest.raises(mumba.TypingError, match=r"numpy.linalg.inv\(\)"):
        njit(inv)(np.ones(3))


def test_linalg_module_spellings():
    import numpy.linalg as la
    from numpy.linalg import solve as solve_fn

    a, b = np.eye(3) * 2, np.ones(3)
    assert_allclose(njit(lambda m, v: la.solve(m, v))(a, b), np.linalg.solve(a, b))
    assert_allclose(njit(lambda m, v: solve_fn(m, v))(a, b), np.linalg.solve(a, b))
