"""Ufuncs, gufuncs and jitted functions defined at module level, so that
other processes (multiprocessing, Dask workers) import them by reference."""

import math

import numpy as np

import mumba

#: The signatures the elementwise tests use, in NumPy's loop order.
BINARY_SIGS = [
    "float64(float64, float64)",
    "float32(float32, float32)",
    "int64(int64, int64)",
    "int32(int32, int32)",
]


@mumba.vectorize(BINARY_SIGS, identity=0)
def add_twice(x, y):
    """x + 2 y"""
    return x + y * 2


@mumba.vectorize(["float64(float64, float64)", "float32(float32, float32)"], identity="reorderable")
def hypot(x, y):
    return math.sqrt(x * x + y * y)


@mumba.vectorize(["float64(float64, float64)"], identity=1)
def mul(x, y):
    return x * y


@mumba.vectorize(["float64(float64, float64)"])
def no_identity(x, y):
    return x + y


@mumba.vectorize(["boolean(float64, float64)"])
def closer_than_one(x, y):
    return abs(x - y) < 1.0


@mumba.vectorize
def rotate(z, t):
    return z * complex(math.cos(t), math.sin(t))


@mumba.vectorize(["float64(float64)"], target="parallel")
def poly_parallel(x):
    return 3.0 * x * x - 2.0 * x + 1.0


@mumba.vectorize(["float64(float64)"])
def poly(x):
    return 3.0 * x * x - 2.0 * x + 1.0


@mumba.vectorize
def dyn_scale(x, y):
    return x * 2 + y


@mumba.guvectorize(
    ["void(float64[:], float64[:], float64[:])", "void(float32[:], float32[:], float32[:])"],
    "(n),(n)->()",
)
def dot(x, y, out):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    out[0] = s


@mumba.njit
def norm2(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * a[i]
    return s


@mumba.njit
def smooth(block):
    out = np.empty_like(block)
    n = block.shape[0]
    for i in range(n):
        lo = max(i - 1, 0)
        hi = min(i + 1, n - 1)
        out[i] = (block[lo] + block[i] + block[hi]) / 3.0
    return out
