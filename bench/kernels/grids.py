"""Nested loops over 2-D arrays: matrix product, Jacobi stencil, pairwise
distances and Floyd–Warshall shortest paths."""

from __future__ import annotations

import math

import numpy as np

from ..kernel import Kernel
from .inputs import uniform


def matmul(a, b, c):
    n = a.shape[0]
    m = a.shape[1]
    p = b.shape[1]
    for i in range(n):
        for j in range(p):
            c[i, j] = 0.0
        for k in range(m):
            aik = a[i, k]
            for j in range(p):
                c[i, j] += aik * b[k, j]


def np_matmul(a, b, c):
    np.matmul(a, b, out=c)


def jacobi(a, out):
    n = a.shape[0]
    m = a.shape[1]
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            out[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])


def np_jacobi(a, out):
    out[1:-1, 1:-1] = 0.25 * (a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:])


def pairwise(x, d):
    n = x.shape[0]
    m = x.shape[1]
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(m):
                t = x[i, k] - x[j, k]
                s += t * t
            d[i, j] = math.sqrt(s)


def np_pairwise(x, d):
    diff = x[:, None, :] - x[None, :, :]
    np.sqrt((diff * diff).sum(axis=-1), out=d)


def floyd_warshall(w, d):
    n = w.shape[0]
    for i in range(n):
        for j in range(n):
            d[i, j] = w[i, j]
    for k in range(n):
        for i in range(n):
            dik = d[i, k]
            for j in range(n):
                c = dik + d[k, j]
                if c < d[i, j]:
                    d[i, j] = c


def np_floyd_warshall(w, d):
    d[:] = w
    for k in range(w.shape[0]):
        np.minimum(d, d[:, k, None] + d[None, k, :], out=d)


KERNELS = [
    Kernel(
        "matmul", "matrix product, i-k-j loops", matmul,
        lambda n: (uniform((n, n), seed=10), uniform((n, n), seed=11), np.zeros((n, n))),
        dict(check=24, quick=96, full=256), "{n}x{n}",
        numpy=np_matmul, outputs=(2,),
        note="NumPy calls BLAS (blocked, multithreaded): not the same algorithm.",
    ),
    Kernel(
        "jacobi", "2-D Jacobi stencil, one sweep", jacobi,
        lambda n: (uniform((n, n), seed=12), np.zeros((n, n))),
        dict(check=60, quick=600, full=2000), "{n}x{n}",
        numpy=np_jacobi, outputs=(1,),
    ),
    Kernel(
        "pairwise", "pairwise distances, 3-D points", pairwise,
        lambda n: (uniform((n, 3), seed=13), np.zeros((n, n))),
        dict(check=60, quick=400, full=2000), "n={n}",
        numpy=np_pairwise, outputs=(1,),
    ),
    Kernel(
        "floyd_warshall", "Floyd–Warshall, dense graph", floyd_warshall,
        lambda n: (uniform((n, n), seed=14, low=1.0, high=100.0), np.zeros((n, n))),
        dict(check=30, quick=100, full=300), "{n} nodes",
        numpy=np_floyd_warshall, outputs=(1,),
    ),
]
