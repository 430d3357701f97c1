"""Reductions over 1-D arrays: sum, dot, a reduction with a branch, prefix
sum and a histogram."""

from __future__ import annotations

import numpy as np

from ..kernel import Kernel
from .inputs import rng, uniform


def array_sum(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


def dot(x, y):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


def branch_sum(a, threshold):
    s = 0.0
    for i in range(a.shape[0]):
        v = a[i]
        if v > threshold:
            s += v
        else:
            s -= 0.5 * v
    return s


def np_branch_sum(a, threshold):
    return float(np.where(a > threshold, a, -0.5 * a).sum())


def prefix_sum(a, out):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
        out[i] = s


def np_prefix_sum(a, out):
    np.cumsum(a, out=out)


def histogram(x, hist):
    nbins = hist.shape[0]
    for b in range(nbins):
        hist[b] = 0
    for i in range(x.shape[0]):
        b = int(x[i] * nbins)
        if b >= nbins:
            b = nbins - 1
        elif b < 0:
            b = 0
        hist[b] += 1


def np_histogram(x, hist):
    nbins = hist.shape[0]
    idx = np.clip((x * nbins).astype(np.int64), 0, nbins - 1)
    hist[:] = np.bincount(idx, minlength=nbins)


def _histogram_args(n):
    return (uniform(n, seed=4), np.zeros(64, dtype=np.int64))


KERNELS = [
    Kernel(
        "sum", "sum of an array", array_sum,
        lambda n: (uniform(n, seed=1),),
        dict(check=20_000, quick=400_000, full=4_000_000), "n={n}",
        numpy=lambda a: float(np.sum(a)), c_ret="f64", rtol=1e-9,
        note="NumPy sums pairwise, the loops in order: results agree to rtol 1e-9.",
    ),
    Kernel(
        "dot", "dot product", dot,
        lambda n: (uniform(n, seed=2), uniform(n, seed=3)),
        dict(check=20_000, quick=400_000, full=4_000_000), "n={n}",
        numpy=lambda x, y: float(np.dot(x, y)), c_ret="f64", rtol=1e-9,
    ),
    Kernel(
        "branch_sum", "reduction with a branch", branch_sum,
        lambda n: (uniform(n, seed=5, low=-1.0), 0.25),
        dict(check=20_000, quick=400_000, full=4_000_000), "n={n}",
        numpy=np_branch_sum, c_ret="f64", rtol=1e-9,
    ),
    Kernel(
        "prefix_sum", "prefix sum", prefix_sum,
        lambda n: (uniform(n, seed=6), np.zeros(n)),
        dict(check=20_000, quick=400_000, full=4_000_000), "n={n}",
        numpy=np_prefix_sum, outputs=(1,),
    ),
    Kernel(
        "histogram", "histogram, 64 bins", histogram, _histogram_args,
        dict(check=20_000, quick=400_000, full=4_000_000), "n={n}",
        numpy=np_histogram, outputs=(1,),
    ),
]
