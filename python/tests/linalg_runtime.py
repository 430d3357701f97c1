"""ctypes bindings of the linear-algebra runtime (include/mumba/Runtime/Linalg.h)
shaped like numpy.linalg, for test_linalg_runtime.py.

Each wrapper passes NumPy arrays as the views the C functions take
(address of element [0, 0], shape, strides in elements), raises the Python
exception a status stands for, and checks that no input was modified.
"""

from __future__ import annotations

import builtins
import ctypes
from pathlib import Path
from typing import Any, Callable, List, Optional, Sequence, Tuple

import numpy as np

LIB_PATH = Path(__file__).resolve().parents[2] / "build" / "lib" / "libmumba_runtime.so"
lib = ctypes.CDLL(str(LIB_PATH))

TYPE_CODES = {
    np.dtype(np.float32): 0,
    np.dtype(np.float64): 1,
    np.dtype(np.complex64): 2,
    np.dtype(np.complex128): 3,
}
MUMBA_LINALG_ERROR = 15
MUMBA_EXC_LINALG = 6
MUMBA_USER_EXCEPTION = 11

_P, _I, _D, _N = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_int64
_MAT = [_P, _N, _N, _N, _N]
_VEC = [_P, _N, _N]
_SIGNATURES = {
    "mumbaLinalgGemm": [_I] + _MAT * 3,
    "mumbaLinalgGemv": [_I] + _MAT + _VEC * 2,
    "mumbaLinalgDot": [_I] + _VEC * 2 + [_P],
    "mumbaLinalgVdot": [_I] + _VEC * 2 + [_P],
    "mumbaLinalgSolve": [_I] + _MAT * 3,
    "mumbaLinalgInv": [_I] + _MAT * 2,
    "mumbaLinalgDet": [_I] + _MAT + [_P],
    "mumbaLinalgSlogdet": [_I] + _MAT + [_P, _P],
    "mumbaLinalgCholesky": [_I] + _MAT * 2,
    "mumbaLinalgQr": [_I, _I] + _MAT * 3,
    "mumbaLinalgLstsq": [_I, _D] + _MAT * 3 + _VEC + [_P, _P] + _VEC,
    "mumbaLinalgEig": [_I] + _MAT + _VEC + _MAT + [_P],
    "mumbaLinalgEigh": [_I, _I] + _MAT + _VEC + _MAT,
    "mumbaLinalgSvd": [_I, _I] + _MAT + _VEC + _MAT * 2,
    "mumbaLinalgPinv": [_I, _D] + _MAT * 2,
    "mumbaLinalgMatrixRank": [_I, _I, _D] + _MAT + [_P],
}
for _name, _args in _SIGNATURES.items():
    getattr(lib, _name).argtypes = _args
    getattr(lib, _name).restype = ctypes.c_int
lib.mumbaLinalgProductCopies.restype = ctypes.c_longlong
lib.mumbaStatusMessage.restype = ctypes.c_char_p
lib.mumbaStatusMessage.argtypes = [ctypes.c_int]
lib.mumbaStatusException.restype = ctypes.c_int
lib.mumbaStatusException.argtypes = [ctypes.c_int]
lib.mumbaRecordedExceptionClass.restype = ctypes.c_char_p


def mat(a: Optional[np.ndarray]) -> List[Any]:
    """A 2-D array as the five view parameters; None as a NULL view."""
    if a is None:
        return [None, 0, 0, 0, 0]
    assert a.ndim == 2
    item = a.itemsize
    return [a.ctypes.data, a.shape[0], a.shape[1], a.strides[0] // item, a.strides[1] // item]


def vec(a: np.ndarray) -> List[Any]:
    """A 1-D array as the three view parameters."""
    assert a.ndim == 1
    return [a.ctypes.data, a.shape[0], a.strides[0] // a.itemsize]


def check(status: int) -> None:
    """Raise what the status stands for, as the dispatcher does."""
    if status == 0:
        return
    message = lib.mumbaStatusMessage(status).decode()
    if lib.mumbaStatusException(status) == MUMBA_EXC_LINALG:
        raise np.linalg.LinAlgError(message)
    assert status == MUMBA_USER_EXCEPTION, status
    raise getattr(builtins, lib.mumbaRecordedExceptionClass().decode())(message)


def guarded(*inputs: np.ndarray) -> Callable[[Callable[[], int]], None]:
    """Run a call and check its status and that it left `inputs` alone."""
    before = [x.copy() for x in inputs]

    def run(call: Callable[[], int]) -> None:
        status = call()
        for x, saved in zip(inputs, before):
            np.testing.assert_array_equal(x, saved, err_msg="an input was modified")
        check(status)

    return run


def code(a: np.ndarray) -> int:
    return TYPE_CODES[a.dtype]


def real_dtype(dtype: np.dtype) -> np.dtype:
    return np.empty(0, dtype).real.dtype


def complex_dtype(dtype: np.dtype) -> np.dtype:
    return np.result_type(dtype, np.complex64)


def matmul(a: np.ndarray, b: np.ndarray, out: Optional[np.ndarray] = None) -> np.ndarray:
    c = np.empty((a.shape[0], b.shape[1]), a.dtype) if out is None else out
    guarded(a, b)(lambda: lib.mumbaLinalgGemm(code(a), *mat(a), *mat(b), *mat(c)))
    return c


def matvec(a: np.ndarray, x: np.ndarray, out: Optional[np.ndarray] = None) -> np.ndarray:
    y = np.empty(a.shape[0], a.dtype) if out is None else out
    guarded(a, x)(lambda: lib.mumbaLinalgGemv(code(a), *mat(a), *vec(x), *vec(y)))
    return y


def dot(x: np.ndarray, y: np.ndarray, conjugate: bool = False) -> Any:
    out = np.empty(1, x.dtype)
    fn = lib.mumbaLinalgVdot if conjugate else lib.mumbaLinalgDot
    guarded(x, y)(lambda: fn(code(x), *vec(x), *vec(y), out.ctypes.data))
    return out[0]


def solve(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    b2 = b[:, None] if b.ndim == 1 else b
    x = np.empty((a.shape[1], b2.shape[1]), a.dtype)
    guarded(a, b)(lambda: lib.mumbaLinalgSolve(code(a), *mat(a), *mat(b2), *mat(x)))
    return x[:, 0] if b.ndim == 1 else x


def inv(a: np.ndarray, out: Optional[np.ndarray] = None) -> np.ndarray:
    r = np.empty(a.shape, a.dtype) if out is None else out
    guarded(a)(lambda: lib.mumbaLinalgInv(code(a), *mat(a), *mat(r)))
    return r


def det(a: np.ndarray) -> Any:
    out = np.empty(1, a.dtype)
    guarded(a)(lambda: lib.mumbaLinalgDet(code(a), *mat(a), out.ctypes.data))
    return out[0]


def slogdet(a: np.ndarray) -> Tuple[Any, Any]:
    sign = np.empty(1, a.dtype)
    logdet = np.empty(1, real_dtype(a.dtype))
    guarded(a)(
        lambda: lib.mumbaLinalgSlogdet(code(a), *mat(a), sign.ctypes.data, logdet.ctypes.data)
    )
    return sign[0], logdet[0]


def cholesky(a: np.ndarray) -> np.ndarray:
    out = np.empty(a.shape, a.dtype)
    guarded(a)(lambda: lib.mumbaLinalgCholesky(code(a), *mat(a), *mat(out)))
    return out


QR_MODES = {"reduced": 0, "complete": 1, "r": 2}


def qr(a: np.ndarray, mode: str = "reduced") -> Any:
    m, n = a.shape
    k = min(m, n)
    q = None if mode == "r" else np.empty((m, m if mode == "complete" else k), a.dtype)
    r = np.empty((m if mode == "complete" else k, n), a.dtype)
    guarded(a)(lambda: lib.mumbaLinalgQr(code(a), QR_MODES[mode], *mat(a), *mat(q), *mat(r)))
    return r if q is None else (q, r)


def lstsq(a: np.ndarray, b: np.ndarray, rcond: Optional[float] = None) -> Tuple[Any, ...]:
    m, n = a.shape
    b2 = b[:, None] if b.ndim == 1 else b
    nrhs = b2.shape[1]
    if rcond is None:
        rcond = np.finfo(np.float64).eps * max(m, n)
    rt = real_dtype(a.dtype)
    x = np.empty((n, nrhs), a.dtype)
    resid = np.empty(nrhs, rt)
    count = ctypes.c_int64(-1)
    rank = ctypes.c_int64(-1)
    s = np.empty(min(m, n), rt)
    guarded(a, b)(
        lambda: lib.mumbaLinalgLstsq(
            code(a), rcond, *mat(a), *mat(b2), *mat(x), *vec(resid),
            ctypes.byref(count), ctypes.byref(rank), *vec(s),
        )
    )
    return (x[:, 0] if b.ndim == 1 else x), resid[: count.value], rank.value, s


def eig(a: np.ndarray, vectors: bool = True) -> Tuple[np.ndarray, Optional[np.ndarray], bool]:
    """(w, v, all_real): complex results and the all-real flag."""
    n = a.shape[0]
    ct = complex_dtype(a.dtype)
    w = np.empty(n, ct)
    v = np.empty((n, n), ct) if vectors else None
    all_real = ctypes.c_int64(-1)
    guarded(a)(
        lambda: lib.mumbaLinalgEig(code(a), *mat(a), *vec(w), *mat(v), ctypes.byref(all_real))
    )
    return w, v, bool(all_real.value)


def eigh(a: np.ndarray, uplo: str = "L", vectors: bool = True) -> Tuple[Any, ...]:
    n = a.shape[0]
    w = np.empty(n, real_dtype(a.dtype))
    v = np.empty((n, n), a.dtype) if vectors else None
    guarded(a)(lambda: lib.mumbaLinalgEigh(code(a), ord(uplo), *mat(a), *vec(w), *mat(v)))
    return (w, v) if vectors else w


def svd(a: np.ndarray, full_matrices: bool = True, compute_uv: bool = True) -> Any:
    m, n = a.shape
    k = min(m, n)
    s = np.empty(k, real_dtype(a.dtype))
    u = np.empty((m, m if full_matrices else k), a.dtype) if compute_uv else None
    vh = np.empty((n if full_matrices else k, n), a.dtype) if compute_uv else None
    guarded(a)(
        lambda: lib.mumbaLinalgSvd(code(a), int(full_matrices), *mat(a), *vec(s), *mat(u), *mat(vh))
    )
    return (u, s, vh) if compute_uv else s


def pinv(a: np.ndarray, rcond: float = 1e-15) -> np.ndarray:
    out = np.empty((a.shape[1], a.shape[0]), a.dtype)
    guarded(a)(lambda: lib.mumbaLinalgPinv(code(a), rcond, *mat(a), *mat(out)))
    return out


def matrix_rank(a: np.ndarray, tol: Optional[float] = None) -> int:
    rank = ctypes.c_int64(-1)
    guarded(a)(
        lambda: lib.mumbaLinalgMatrixRank(
            code(a), tol is not None, 0.0 if tol is None else tol, *mat(a), ctypes.byref(rank)
        )
    )
    return rank.value


def layouts(x: np.ndarray) -> dict:
    """Views holding x's values: C order, Fortran order, a strided view
    (every 2nd row, 3rd column), both strides negative, and one negative."""
    m, n = x.shape
    big = np.zeros((2 * m + 1, 3 * n + 1), x.dtype)
    big[: 2 * m : 2, : 3 * n : 3] = x
    strided = big[: 2 * m : 2, : 3 * n : 3]
    negative = np.ascontiguousarray(x[::-1, ::-1])[::-1, ::-1]
    mixed = np.asfortranarray(x[::-1])[::-1]
    views = {
        "C": np.ascontiguousarray(x),
        "F": np.asfortranarray(x),
        "strided": strided,
        "negative": negative,
        "mixed": mixed,
    }
    for v in views.values():
        assert np.array_equal(v, x)
    return views


LAYOUTS = ["C", "F", "strided", "negative", "mixed"]
DTYPES = [np.float32, np.float64, np.complex64, np.complex128]


def random(rng: np.random.Generator, shape: Sequence[int], dtype: Any) -> np.ndarray:
    """Standard normal values of a dtype (complex: both parts)."""
    x = rng.standard_normal(shape)
    if np.issubdtype(dtype, np.complexfloating):
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dtype)


def tol(dtype: Any) -> float:
    """A relative tolerance for results computed in dtype's precision."""
    return 2e-5 if np.dtype(dtype) in (np.dtype(np.float32), np.dtype(np.complex64)) else 1e-11
