"""The linear-algebra runtime (lib/Runtime/Linalg*.c) through ctypes against
numpy.linalg: four dtypes, C/Fortran/strided/negative-stride views, empty
and 1x1 matrices, LinAlgError and ValueError cases; every call also checks
that its inputs were left alone (linalg_runtime.guarded)."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

import linalg_runtime as rt
from linalg_runtime import DTYPES, LAYOUTS, layouts, random, tol

SQUARE_SIZES = [0, 1, 2, 5, 8]
RECT_SHAPES = [(0, 0), (1, 1), (0, 3), (3, 0), (4, 4), (6, 3), (3, 6), (1, 5)]


def close(got, want, dtype, scale=1.0):
    r = tol(dtype)
    assert_allclose(got, want, rtol=r, atol=r * scale)


def scale_of(*arrays):
    return max([1.0] + [float(np.abs(a).max()) for a in arrays if np.size(a)])


def well_conditioned(rng, n, dtype):
    return (random(rng, (n, n), dtype) + 3 * n * np.eye(n)).astype(dtype)


def hermitian(rng, n, dtype):
    x = random(rng, (n, n), dtype)
    return ((x + x.conj().T) / 2).astype(dtype)


def positive_definite(rng, n, dtype):
    x = random(rng, (n, n), dtype)
    return (x @ x.conj().T + n * np.eye(n)).astype(dtype)


# --- products ---------------------------------------------------------------

GEMM_SHAPES = [(0, 3, 4), (3, 0, 4), (3, 4, 0), (1, 1, 1), (4, 5, 3), (17, 9, 13), (1, 6, 1)]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("la", LAYOUTS)
@pytest.mark.parametrize("lb", LAYOUTS)
def test_gemm_layouts(dtype, la, lb):
    rng = np.random.default_rng(1)
    for m, k, n in GEMM_SHAPES:
        a = layouts(random(rng, (m, k), dtype))[la]
        b = layouts(random(rng, (k, n), dtype))[lb]
        got = rt.matmul(a, b)
        want = a @ b
        assert got.dtype == want.dtype
        close(got, want, dtype, scale=k + 1)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("lc", LAYOUTS)
def test_gemm_output_layouts(dtype, lc):
    rng = np.random.default_rng(2)
    a, b = random(rng, (5, 7), dtype), random(rng, (7, 4), dtype)
    out = layouts(np.zeros((5, 4), dtype))[lc]
    rt.matmul(a, b, out=out)
    close(out, a @ b, dtype, scale=8)


@pytest.mark.parametrize("dtype", DTYPES)
def test_gemm_output_overlapping_input(dtype):
    # c = a @ a written over a: the product must read a before c is written.
    rng = np.random.default_rng(3)
    a = random(rng, (6, 6), dtype)
    want = a @ a
    got = rt.matmul(a.copy(), a.copy())
    close(got, want, dtype, scale=7)
    alias = a.copy()
    before = alias.copy()
    status = rt.lib.mumbaLinalgGemm(
        rt.code(alias), *rt.mat(alias), *rt.mat(alias), *rt.mat(alias)
    )
    assert status == 0
    close(alias, before @ before, dtype, scale=7)


def copies_made(call) -> int:
    before = rt.lib.mumbaLinalgProductCopies()
    call()
    return rt.lib.mumbaLinalgProductCopies() - before


def test_products_copy_only_what_blas_cannot_address():
    rng = np.random.default_rng(17)
    x = random(rng, (6, 5), np.float64)
    v = layouts(x)
    y = random(rng, (5, 4), np.float64)
    # One unit stride is enough: C, Fortran, transposed, a column block.
    for a in [v["C"], v["F"], v["C"].T.T, v["F"][:, 1:4], v["C"][1:5]]:
        assert copies_made(lambda: rt.matmul(a, y[: a.shape[1]])) == 0
        assert copies_made(lambda: rt.matmul(y[: a.shape[1]].T, a.T)) == 0
    # Strides other than 1 in both dimensions, negative or not: one copy.
    for name in ["strided", "negative", "mixed"]:
        assert copies_made(lambda: rt.matmul(v[name], y)) == 1
    assert copies_made(lambda: rt.matmul(v["C"], y, out=layouts(np.zeros((6, 4)))["negative"])) == 1
    # A result overlapping an operand is computed aside.
    sq = v["C"][:5].copy()
    aliased = rt.mat(sq) * 3
    assert copies_made(lambda: rt.lib.mumbaLinalgGemm(1, *aliased)) == 1
    # Vectors: BLAS walks any non-zero increment, negative included.
    z = random(rng, (10,), np.float64)
    for vec in [z[:5], z[::2], z[::-2], z[5:0:-1]]:
        assert copies_made(lambda: rt.matvec(v["C"][:, :5], vec)) == 0
        assert copies_made(lambda: rt.dot(vec, z[:5])) == 0
    assert copies_made(lambda: rt.dot(np.broadcast_to(z[:1], (5,)), z[:5])) == 1


def test_gemm_broadcast_input():
    # A stride-0 view (np.broadcast_to) is not a BLAS layout: copied.
    a = np.broadcast_to(np.arange(4.0), (3, 4))
    b = np.arange(8.0).reshape(4, 2)
    assert_allclose(rt.matmul(a, b), a @ b)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("la", LAYOUTS)
@pytest.mark.parametrize("lx", ["contiguous", "strided", "negative", "broadcast"])
def test_gemv(dtype, la, lx):
    rng = np.random.default_rng(4)
    for m, n in [(0, 3), (3, 0), (1, 1), (5, 7), (7, 5)]:
        a = layouts(random(rng, (m, n), dtype))[la]
        x = random(rng, (n,), dtype)
        x = {
            "contiguous": x,
            "strided": np.repeat(x, 3)[::3],
            "negative": x[::-1].copy()[::-1],
            "broadcast": np.broadcast_to(x[:1], (n,)) if n else x,
        }[lx]
        close(rt.matvec(a, x), a @ x, dtype, scale=n + 1)
        # x @ a as the same call on a's transposed view.
        y = random(rng, (m,), dtype)
        close(rt.matvec(a.T, y), y @ a, dtype, scale=m + 1)


@pytest.mark.parametrize("dtype", DTYPES)
def test_gemv_output_views(dtype):
    rng = np.random.default_rng(5)
    a, x = random(rng, (6, 4), dtype), random(rng, (4,), dtype)
    for y in [np.zeros(12, dtype)[::2], np.zeros(6, dtype)[::-1]]:
        rt.matvec(a, x, out=y)
        close(y, a @ x, dtype, scale=5)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("n", [0, 1, 5, 33])
def test_dot_vdot(dtype, n):
    rng = np.random.default_rng(6)
    x, y = random(rng, (n,), dtype), random(rng, (3 * n,), dtype)[::-3]
    for xv in [x, np.repeat(x, 2)[::2], x[::-1].copy()[::-1]]:
        got = rt.dot(xv, y)
        assert type(got) is type(np.dot(xv, y))
        close(got, np.dot(xv, y), dtype, scale=n + 1)
        close(rt.dot(xv, y, conjugate=True), np.vdot(xv, y), dtype, scale=n + 1)
    if n:
        b = np.broadcast_to(x[:1], (n,))
        close(rt.dot(b, y), np.dot(b, y), dtype, scale=n + 1)


def test_product_shape_errors_use_numpy_wording():
    a, b = np.ones((2, 3)), np.ones((4, 5))
    with pytest.raises(ValueError) as want:
        a @ b
    with pytest.raises(ValueError) as got:
        rt.check(rt.lib.mumbaLinalgGemm(1, *rt.mat(a), *rt.mat(b), *rt.mat(np.empty((2, 5)))))
    assert str(got.value) == str(want.value)
    with pytest.raises(ValueError) as want:
        np.matmul(np.ones((2, 3)), np.ones((3, 4)), out=np.empty((3, 4)))
    with pytest.raises(ValueError) as got:
        rt.matmul(np.ones((2, 3)), np.ones((3, 4)), out=np.empty((3, 4)))
    assert str(got.value) == str(want.value)
    with pytest.raises(ValueError) as want:
        np.dot(np.ones(3), np.ones(4))
    with pytest.raises(ValueError) as got:
        rt.dot(np.ones(3), np.ones(4))
    assert str(got.value) == str(want.value)
    with pytest.raises(ValueError) as want:
        np.vdot(np.ones(4), np.ones(3))
    with pytest.raises(ValueError) as got:
        rt.dot(np.ones(4), np.ones(3), conjugate=True)
    assert str(got.value) == str(want.value)
    with pytest.raises(ValueError, match="unsupported element type"):
        rt.check(rt.lib.mumbaLinalgGemm(7, *rt.mat(a), *rt.mat(a.T), *rt.mat(np.empty((2, 2)))))


# --- solvers and factorisations --------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_solve_inv(dtype, layout):
    rng = np.random.default_rng(7)
    for n in SQUARE_SIZES:
        a = layouts(well_conditioned(rng, n, dtype))[layout]
        for nrhs in [1, 3, 0]:
            b = layouts(random(rng, (n, nrhs), dtype))[layout]
            got = rt.solve(a, b)
            want = np.linalg.solve(a, b)
            assert got.dtype == want.dtype
            close(got, want, dtype)
        b1 = random(rng, (3 * n,), dtype)[::3]
        close(rt.solve(a, b1), np.linalg.solve(a, b1), dtype)
        got = rt.inv(a)
        assert got.dtype == np.linalg.inv(a).dtype
        close(got, np.linalg.inv(a), dtype)


@pytest.mark.parametrize("dtype", DTYPES)
def test_inv_into_strided_output(dtype):
    rng = np.random.default_rng(8)
    a = well_conditioned(rng, 5, dtype)
    out = np.zeros((10, 10), dtype)[::2, ::-2]
    rt.inv(a, out=out)
    close(out, np.linalg.inv(a), dtype)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_det_slogdet(dtype, layout):
    rng = np.random.default_rng(9)
    for n in SQUARE_SIZES:
        a = layouts(random(rng, (n, n), dtype))[layout]
        got, want = rt.det(a), np.linalg.det(a)
        assert type(got) is type(want)
        close(got, want, dtype, scale=abs(want))
        sign, logdet = rt.slogdet(a)
        wsign, wlogdet = np.linalg.slogdet(a)
        assert type(sign) is type(wsign) and type(logdet) is type(wlogdet)
        close(sign, wsign, dtype)
        close(logdet, wlogdet, dtype, scale=abs(wlogdet) + 1)


@pytest.mark.parametrize("dtype", DTYPES)
def test_det_singular(dtype):
    a = np.array([[1, 2], [2, 4]], dtype)
    assert rt.det(a) == np.linalg.det(a) == 0
    sign, logdet = rt.slogdet(a)
    assert sign == 0 and logdet == -np.inf
    assert (sign, logdet) == tuple(np.linalg.slogdet(a))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_cholesky(dtype, layout):
    rng = np.random.default_rng(10)
    for n in SQUARE_SIZES:
        a = positive_definite(rng, n, dtype)
        # Only the lower triangle is read: garbage above must not matter.
        a = layouts(np.tril(a) + np.triu(random(rng, (n, n), dtype), 1))[layout]
        got = rt.cholesky(a)
        close(got, np.linalg.cholesky(a), dtype, scale=scale_of(got))
        assert_array_equal(np.triu(got, 1), 0)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("mode", ["reduced", "complete", "r"])
def test_qr(dtype, layout, mode):
    rng = np.random.default_rng(11)
    for shape in RECT_SHAPES:
        a = layouts(random(rng, shape, dtype))[layout]
        want = np.linalg.qr(a, mode=mode)
        got = rt.qr(a, mode=mode)
        if mode == "r":
            assert got.shape == want.shape
            close(got, want, dtype, scale=scale_of(want))
            continue
        (q, r), (wq, wr) = got, want
        assert q.shape == wq.shape and r.shape == wr.shape
        assert_array_equal(np.tril(r, -1), 0)
        close(q @ r, a, dtype, scale=scale_of(a))
        close(q.conj().T @ q, np.eye(q.shape[1]), dtype)
        close(q, wq, dtype)
        close(r, wr, dtype, scale=scale_of(wr))


LSTSQ_SHAPES = [(6, 3), (3, 6), (4, 4), (1, 1), (0, 3), (3, 0), (0, 0)]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_lstsq(dtype, layout):
    rng = np.random.default_rng(12)
    for m, n in LSTSQ_SHAPES:
        a = layouts(random(rng, (m, n), dtype))[layout]
        for b in [random(rng, (m, 2), dtype), random(rng, (m,), dtype), random(rng, (m, 0), dtype)]:
            check_lstsq(a, b, dtype)
    # Rank deficient: no residuals.
    a = random(rng, (6, 2), dtype) @ random(rng, (2, 4), dtype)
    check_lstsq(a, random(rng, (6, 3), dtype), dtype)
    # rcond chosen by the caller.
    check_lstsq(np.diag([1.0, 1e-3, 1e-9]).astype(dtype), np.ones(3, dtype), dtype, rcond=1e-6)


def check_lstsq(a, b, dtype, rcond=None):
    x, resid, rank, s = rt.lstsq(a, b, rcond=rcond)
    wx, wresid, wrank, ws = np.linalg.lstsq(a, b, rcond=rcond)
    assert rank == wrank
    assert x.shape == wx.shape and x.dtype == wx.dtype
    assert resid.shape == wresid.shape and resid.dtype == wresid.dtype
    close(x, wx, dtype, scale=scale_of(wx))
    close(resid, wresid, dtype, scale=scale_of(wresid))
    close(s, ws, dtype, scale=scale_of(ws))


# --- eigenvalues and singular values ----------------------------------------


def sorted_complex(w):
    return np.sort_complex(np.round(w.astype(np.complex128), 6))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_eig(dtype, layout):
    rng = np.random.default_rng(13)
    for n in SQUARE_SIZES:
        a = layouts(random(rng, (n, n), dtype))[layout]
        w, v, all_real = rt.eig(a)
        ww, wv = np.linalg.eig(a)
        assert w.dtype == np.result_type(ww.dtype, np.complex64)
        # NumPy returns real arrays exactly when the flag says so.
        assert all_real == (not np.iscomplexobj(ww))
        close(np.sort_complex(w), np.sort_complex(ww.astype(w.dtype)), dtype, scale=scale_of(ww))
        close(a @ v, v * w, dtype, scale=scale_of(a) * n + 1)
        w2, none, _ = rt.eig(a, vectors=False)
        assert none is None
        want = np.sort_complex(np.linalg.eigvals(a).astype(w.dtype))
        close(np.sort_complex(w2), want, dtype, scale=scale_of(ww))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_eig_real_input_complex_pair(dtype):
    a = np.array([[0, -2, 0], [2, 0, 0], [0, 0, 3]], dtype)
    w, v, all_real = rt.eig(a)
    ww, wv = np.linalg.eig(a)
    assert not all_real and ww.dtype == w.dtype
    close(w, ww, dtype, scale=3)
    close(v, wv, dtype)
    sym = np.array([[2, 1], [1, 2]], dtype)
    w, v, all_real = rt.eig(sym)
    assert all_real
    close(w.real, np.linalg.eig(sym)[0], dtype, scale=3)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("uplo", ["L", "U"])
def test_eigh(dtype, layout, uplo):
    rng = np.random.default_rng(14)
    for n in SQUARE_SIZES:
        h = hermitian(rng, n, dtype)
        # Garbage in the triangle that uplo does not name.
        junk = random(rng, (n, n), dtype)
        a = np.tril(h) + np.triu(junk, 1) if uplo == "L" else np.triu(h) + np.tril(junk, -1)
        a = layouts(a.astype(dtype))[layout]
        w, v = rt.eigh(a, uplo)
        ww, wv = np.linalg.eigh(a, UPLO=uplo)
        assert w.dtype == ww.dtype and v.dtype == wv.dtype
        close(w, ww, dtype, scale=scale_of(ww))
        close(h @ v, v * w, dtype, scale=scale_of(h) * n + 1)
        want = np.linalg.eigvalsh(a, UPLO=uplo)
        close(rt.eigh(a, uplo, vectors=False), want, dtype, scale=scale_of(ww))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("full", [True, False])
def test_svd(dtype, layout, full):
    rng = np.random.default_rng(15)
    for shape in RECT_SHAPES:
        a = layouts(random(rng, shape, dtype))[layout]
        u, s, vh = rt.svd(a, full_matrices=full)
        wu, ws, wvh = np.linalg.svd(a, full_matrices=full)
        assert (u.shape, s.shape, vh.shape) == (wu.shape, ws.shape, wvh.shape)
        assert (u.dtype, s.dtype, vh.dtype) == (wu.dtype, ws.dtype, wvh.dtype)
        close(s, ws, dtype, scale=scale_of(ws))
        k = s.shape[0]
        close((u[:, :k] * s) @ vh[:k], a, dtype, scale=scale_of(a))
        close(u.conj().T @ u, np.eye(u.shape[1]), dtype)
        close(vh @ vh.conj().T, np.eye(vh.shape[0]), dtype)
        want = np.linalg.svd(a, compute_uv=False)
        close(rt.svd(a, compute_uv=False), want, dtype, scale=scale_of(ws))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_pinv_matrix_rank(dtype, layout):
    rng = np.random.default_rng(16)
    for shape in RECT_SHAPES:
        a = layouts(random(rng, shape, dtype))[layout]
        want = np.linalg.pinv(a)
        got = rt.pinv(a)
        assert got.shape == want.shape and got.dtype == want.dtype
        close(got, want, dtype, scale=scale_of(want))
        if a.size:
            assert rt.matrix_rank(a) == np.linalg.matrix_rank(a)
        assert rt.matrix_rank(a, tol=0.5) == np.linalg.matrix_rank(a, tol=0.5)
    low = (random(rng, (7, 2), dtype) @ random(rng, (2, 5), dtype)).astype(dtype)
    a = layouts(low)[layout]
    assert rt.matrix_rank(a) == np.linalg.matrix_rank(a) == 2
    close(rt.pinv(a), np.linalg.pinv(a), dtype, scale=scale_of(np.linalg.pinv(a)))
    # rcond drops the small singular value as NumPy does.
    d = np.diag([1.0, 1e-8]).astype(dtype)
    close(rt.pinv(d, rcond=1e-6), np.linalg.pinv(d, rcond=1e-6), dtype)


# --- errors ------------------------------------------------------------------


def numpy_error(fn, *args, **kwargs):
    with pytest.raises(Exception) as info:
        fn(*args, **kwargs)
    return type(info.value), str(info.value)


def assert_same_error(ours, theirs):
    with pytest.raises(Exception) as info:
        ours()
    want_type, want_message = numpy_error(theirs)
    assert (type(info.value), str(info.value)) == (want_type, want_message)


@pytest.mark.parametrize("dtype", DTYPES)
def test_linalg_errors(dtype):
    singular = np.array([[1, 2], [2, 4]], dtype)
    b = np.ones((2, 1), dtype)
    assert_same_error(lambda: rt.solve(singular, b), lambda: np.linalg.solve(singular, b))
    assert_same_error(lambda: rt.inv(singular), lambda: np.linalg.inv(singular))
    not_pd = -np.eye(3, dtype=dtype)
    assert_same_error(lambda: rt.cholesky(not_pd), lambda: np.linalg.cholesky(not_pd))
    nan = np.array([[np.nan, 1], [1, 1]], dtype)
    assert_same_error(lambda: rt.eig(nan), lambda: np.linalg.eig(nan))
    assert_same_error(lambda: rt.eig(nan, vectors=False), lambda: np.linalg.eigvals(nan))
    rect = np.ones((2, 3), dtype)
    for ours, theirs in [
        (lambda: rt.inv(rect, out=np.empty((2, 3), dtype)), np.linalg.inv),
        (lambda: rt.det(rect), np.linalg.det),
        (lambda: rt.slogdet(rect), np.linalg.slogdet),
        (lambda: rt.eig(rect), np.linalg.eig),
        (lambda: rt.eigh(rect), np.linalg.eigh),
        (lambda: rt.cholesky(rect), np.linalg.cholesky),
    ]:
        assert_same_error(ours, lambda: theirs(rect))
    eye = np.eye(3, dtype=dtype)
    b2 = np.ones((2, 2), dtype)
    assert_same_error(lambda: rt.solve(eye, b2), lambda: np.linalg.solve(eye, b2))
    assert_same_error(lambda: rt.eigh(eye, "X"), lambda: np.linalg.eigh(eye, UPLO="X"))
    b1 = np.ones((2, 1), dtype)
    assert_same_error(lambda: rt.lstsq(eye, b1), lambda: np.linalg.lstsq(eye, b1, rcond=None))
    empty = np.zeros((0, 3), dtype)
    assert_same_error(lambda: rt.matrix_rank(empty), lambda: np.linalg.matrix_rank(empty))


def test_error_statuses_map_to_linalgerror():
    assert rt.lib.mumbaStatusException(rt.MUMBA_LINALG_ERROR) == rt.MUMBA_EXC_LINALG
    singular = np.zeros((2, 2))
    status = rt.lib.mumbaLinalgInv(1, *rt.mat(singular), *rt.mat(np.empty((2, 2))))
    assert status == rt.MUMBA_LINALG_ERROR
    assert rt.lib.mumbaStatusMessage(status) == b"Singular matrix"


def test_bad_output_shapes_are_value_errors():
    a = np.eye(3)
    with pytest.raises(ValueError, match=r"inv: the result has shape \(2,3\), expected \(3,3\)"):
        rt.inv(a, out=np.empty((2, 3)))
    with pytest.raises(ValueError, match="Unrecognized mode '7'"):
        rt.check(rt.lib.mumbaLinalgQr(1, 7, *rt.mat(a), *rt.mat(a.copy()), *rt.mat(a.copy())))


def test_work_buffer_too_big_is_memory_error():
    # The sizes are checked before the (tiny) input is read.
    tiny = np.eye(1)
    for n in [1 << 24, (1 << 31) - 1]:
        view = [tiny.ctypes.data, n, n, 1, 1]
        with pytest.raises(MemoryError, match="Unable to allocate"):
            rt.check(rt.lib.mumbaLinalgInv(1, *view, *view))
    view = [tiny.ctypes.data, 1 << 32, 1 << 32, 1, 1]
    with pytest.raises(ValueError, match="32-bit"):
        rt.check(rt.lib.mumbaLinalgInv(1, *view, *view))


def test_calls_from_several_threads():
    # ctypes drops the GIL: the calls overlap, in OpenBLAS and in the
    # runtime's per-thread error records.
    rng = np.random.default_rng(18)
    work = [
        (well_conditioned(rng, 40, np.float64), random(rng, (40, 40), np.float64))
        for _ in range(4)
    ]
    failures = []

    def worker(index):
        a, b = work[index]
        try:
            for _ in range(30):
                close(rt.matmul(a, b), a @ b, np.float64, scale=50)
                close(rt.solve(a, b), np.linalg.solve(a, b), np.float64)
                with pytest.raises(np.linalg.LinAlgError, match="^Singular matrix$"):
                    rt.inv(np.zeros((3, 3)))
                with pytest.raises(ValueError, match="UPLO"):
                    rt.eigh(a, "X")
        except BaseException as e:  # reported on the main thread
            failures.append(e)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures
