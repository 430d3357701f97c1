"""The acceptance kernels: small numeric programs a Numba user writes."""

import math

import numpy as np
import pytest

from mumba import njit
from helpers import DTYPES, FLOAT_DTYPES, check, make_array


@njit
def array_sum(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("n", [0, 1, 1000, 100003])
def test_sum(dtype, n):
    check(array_sum, make_array(n, dtype))


@njit
def dot(a, b):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", ["C", "A"])
def test_dot(dtype, layout):
    check(dot, make_array(257, dtype, layout), make_array(257, dtype, layout, seed=5))


@njit
def saxpy(a, x, y):
    for i in range(x.shape[0]):
        y[i] = a * x[i] + y[i]


@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
@pytest.mark.parametrize("layout", ["C", "A"])
@pytest.mark.parametrize("n", [0, 3, 1001])
def test_saxpy_in_place(dtype, layout, n):
    x = make_array(n, dtype, layout)
    y = make_array(n, dtype, layout, seed=9)
    check(saxpy, 1.75, x, y)


@njit
def matmul(a, b, out):
    n, k = a.shape[0], a.shape[1]
    m = b.shape[1]
    for i in range(n):
        for j in range(m):
            acc = 0.0
            for p in range(k):
                acc += a[i, p] * b[p, j]
            out[i, j] = acc


@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
@pytest.mark.parametrize("layout", ["C", "F", "A"])
def test_matmul(dtype, layout):
    a = make_array((7, 5), dtype, layout)
    b = make_array((5, 6), dtype, layout, seed=1)
    out = np.zeros((7, 6), dtype=dtype)
    check(matmul, a, b, out)
    np.testing.assert_allclose(out, a.astype(np.float64) @ b.astype(np.float64), rtol=1e-5)


@njit
def mandelbrot_point(cr, ci, maxiter):
    zr = 0.0
    zi = 0.0
    n = 0
    while n < maxiter and zr * zr + zi * zi <= 4.0:
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        n += 1
    return n


@pytest.mark.parametrize("c", [(0.0, 0.0), (-0.75, 0.1), (0.3, 0.5), (2.0, 2.0), (-1.7499, 0.0), (0.25, 0.0)])
def test_mandelbrot(c):
    check(mandelbrot_point, c[0], c[1], 200)


@njit
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


@pytest.mark.parametrize("n", [0, 1, 2, 10, 50, 90])
def test_fibonacci(n):
    check(fib, n)


@njit
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


@pytest.mark.parametrize("a,b", [(12, 18), (17, 5), (0, 9), (9, 0), (1071, 462), (-12, 18), (12, -18)])
def test_gcd(a, b):
    check(gcd, a, b)


@njit
def count_primes(n):
    count = 0
    for k in range(2, n):
        is_prime = True
        d = 2
        while d * d <= k:
            if k % d == 0:
                is_prime = False
                break
            d += 1
        if is_prime:
            count += 1
    return count


@njit
def count_primes_for_else(n):
    count = 0
    for k in range(2, n):
        for d in range(2, k):
            if d * d > k:
                count += 1
                break
            if k % d == 0:
                break
        else:
            count += 1
    return count


@pytest.mark.parametrize("n", [0, 2, 3, 10, 100, 5000])
def test_count_primes(n):
    check(count_primes, n)
    check(count_primes_for_else, n)


@njit
def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@pytest.mark.parametrize("n", [1, 2, 7, 27, 97, 837799])
def test_collatz(n):
    check(collatz_steps, n)


@njit
def pairwise_distances(x, out):
    n = x.shape[0]
    d = x.shape[1]
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(d):
                t = x[i, k] - x[j, k]
                s += t * t
            out[i, j] = math.sqrt(s)


@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
@pytest.mark.parametrize("layout", ["C", "F", "A"])
def test_pairwise_distances(dtype, layout):
    x = make_array((9, 3), dtype, layout)
    out = np.zeros((9, 9), dtype=np.float64)
    check(pairwise_distances, x, out)
    assert np.allclose(np.diag(out), 0.0)


@njit
def clip_in_place(a, lo, hi):
    for i in range(a.shape[0]):
        if a[i] < lo:
            a[i] = lo
        elif a[i] > hi:
            a[i] = hi
        else:
            a[i] = a[i] * 1


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", ["C", "A"])
def test_clip(dtype, layout):
    a = make_array(100, dtype, layout)
    check(clip_in_place, a, -3, 4)
    assert a.min() >= -3 and a.max() <= 4


@njit
def first_negative(a):
    for i in range(a.shape[0]):
        if a[i] < 0:
            return i
    return -1


@pytest.mark.parametrize("dtype", DTYPES)
def test_first_negative(dtype):
    a = np.abs(make_array(50, dtype))
    check(first_negative, a)  # none: -1
    a[31] = -1
    a[40] = -2
    check(first_negative, a)
    check(first_negative, a[::-1])
    check(first_negative, np.zeros(0, dtype=dtype))


@njit
def int_accumulator(a):
    s = 0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
def test_int_accumulator_adding_floats(dtype):
    got = check(int_accumulator, make_array(64, dtype))
    assert isinstance(got, (float, np.floating))
    # An empty array returns 0 in Python but 0.0 compiled: the accumulator
    # is typed float64 by unification, as in Numba.
    assert check(int_accumulator, np.zeros(0, dtype=dtype), int_as_float=True) == 0
