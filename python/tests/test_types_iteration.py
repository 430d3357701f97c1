"""Iteration: ranges, arrays, tuples, enumerate, zip, reversed."""

import numpy as np
import pytest

from mumba import njit
from mumba.errors import UnsupportedError
from helpers import check

RANGES = [(0, 0, 1), (0, 5, 1), (5, 0, -1), (-3, 7, 2), (10, -10, -3), (3, 3, 1), (0, 1, 5)]


@njit
def sum_range(a, b, s):
    t = 0
    for i in range(a, b, s):
        t = t * 3 + i
    return t


@pytest.mark.parametrize("r", RANGES)
def test_range_with_step(r):
    check(sum_range, *r)


@njit
def sum_reversed(a, b, s):
    t = 0
    for i in reversed(range(a, b, s)):
        t = t * 3 + i
    return t


@pytest.mark.parametrize("r", RANGES)
def test_reversed_range(r):
    check(sum_reversed, *r)


@njit
def enumerate_array(a):
    t = 0.0
    for i, x in enumerate(a):
        t += i * x
    return t


@pytest.mark.parametrize("n", [0, 1, 7])
def test_enumerate_array(n):
    check(enumerate_array, np.arange(n, dtype=np.float64) * 0.5)


@pytest.mark.parametrize("dtype", ["float32", "int16", "uint64"])
def test_enumerate_strided_array(dtype):
    a = np.arange(12).astype(dtype)[::3]
    check(enumerate_array, a)
    b = np.asfortranarray(np.arange(5).astype(dtype))
    check(enumerate_array, b)


@njit
def enumerate_start(n, start):
    t = 0
    for i, j in enumerate(range(n), start):
        t = t * 7 + i * j
    return t


@pytest.mark.parametrize("n,start", [(0, 0), (5, 0), (5, 10), (4, -3)])
def test_enumerate_range_with_start(n, start):
    check(enumerate_start, n, start)


@njit
def enumerate_keyword(n):
    t = 0
    for i, j in enumerate(range(n), start=1):
        t += i * j
    return t


@pytest.mark.parametrize("n", [0, 3])
def test_enumerate_start_keyword(n):
    check(enumerate_keyword, n)


@njit
def zip_arrays(a, b):
    t = 0.0
    for x, y in zip(a, b):
        t += x * y
    return t


@pytest.mark.parametrize("n,m", [(0, 0), (3, 3), (5, 2), (2, 5)])
def test_zip_stops_at_the_shortest(n, m):
    check(zip_arrays, np.arange(n, dtype=np.float64), np.arange(m, dtype=np.int32))


@njit
def zip_three(a, n):
    t = 0
    for x, i, k in zip(a, range(n), (1, 2, 3)):
        t = t * 5 + x * i + k
    return t


@pytest.mark.parametrize("n", [0, 1, 2, 10])
def test_zip_of_three_kinds(n):
    check(zip_three, np.arange(4, dtype=np.int64), n)


@njit
def enumerate_zip(a, b):
    t = 0
    for i, (x, y) in enumerate(zip(a, b)):
        t += i * (x - y)
    return t


def test_enumerate_of_zip():
    check(enumerate_zip, np.arange(6, dtype=np.int64), np.arange(6, dtype=np.int64)[::-1].copy())


@njit
def zip_enumerate(a):
    t = 0
    for (i, x), j in zip(enumerate(a), range(100, 0, -1)):
        t += i * x + j
    return t


def test_zip_of_enumerate():
    check(zip_enumerate, np.arange(5, dtype=np.int64))


@njit
def tuple_loop(a, b, c):
    t = 0
    for x in (a, b, c):
        t = t * 10 + x
    return t


@pytest.mark.parametrize("v", [(1, 2, 3), (-1, 0, 1), (9, 9, 9)])
def test_iterate_homogeneous_tuple(v):
    check(tuple_loop, *v)


@njit
def nested_tuple_loop(a, b):
    t = 0.0
    for x, y in ((a, b), (b, a), (a, a)):
        t = t * 2 + x - y
    return t


@pytest.mark.parametrize("a,b", [(1.0, 2.0), (0.5, -0.5)])
def test_iterate_tuple_of_tuples(a, b):
    check(nested_tuple_loop, a, b)


@njit
def empty_tuple_loop():
    t = 5
    for x in ():
        t += 1
    return t


def test_iterate_empty_tuple():
    check(empty_tuple_loop)


@njit
def reversed_tuple(a, b, c):
    t = 0
    for x in reversed((a, b, c)):
        t = t * 10 + x
    return t


@pytest.mark.parametrize("v", [(1, 2, 3), (4, 0, 7)])
def test_reversed_tuple(v):
    check(reversed_tuple, *v)


@njit
def enumerate_tuple(a, b):
    t = 0
    for i, x in enumerate((a, b)):
        t += (i + 1) * x
    return t


def test_enumerate_tuple():
    check(enumerate_tuple, 3, 4)


@njit
def for_else(a, target):
    for x in a:
        if x == target:
            break
    else:
        return -1
    return x


@pytest.mark.parametrize("target", [0, 3, 99])
def test_for_else_over_array(target):
    check(for_else, np.arange(5, dtype=np.int64), target)


@njit
def break_in_zip(a, b):
    n = 0
    for x, y in zip(a, b):
        if x > y:
            break
        n += 1
    return n


def test_break_out_of_zip():
    check(break_in_zip, np.array([1.0, 2.0, 5.0, 0.0]), np.array([2.0, 2.0, 3.0, 9.0]))


@njit
def iterate_zero_length(a):
    t = 1.0
    for x in a:
        t = -t + x
    return t


@pytest.mark.parametrize("dtype", ["float64", "int8", "uint16", "bool_"])
def test_zero_length_and_small_dtypes(dtype):
    check(iterate_zero_length, np.zeros(0, dtype=dtype))
    check(iterate_zero_length, np.ones(3, dtype=dtype))


@njit
def rows(a):
    t = 0.0
    for row in a:
        t += row[0]
    return t


def test_iterating_rows_of_2d_array():
    a = np.arange(6.0).reshape(2, 3)
    assert rows(a) == rows.py_func(a)
    assert rows(np.zeros((0, 3))) == 0.0


@njit
def heterogeneous(a, b):
    t = 0.0
    for x in (a, b):
        t += x
    return t


def test_iterating_heterogeneous_tuple_is_a_clear_error():
    with pytest.raises(UnsupportedError, match="heterogeneous tuple 'tuple.int64, float64.'"):
        heterogeneous(1, 2.0)
