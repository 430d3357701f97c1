"""Calls between jitted functions: templates, keywords, defaults, recursion."""

import math

import numpy as np
import pytest

from mumba import njit
from helpers import check, make_array


@njit
def square(x):
    return x * x


@njit
def hyp(a, b):
    return math.sqrt(square(a) + square(b))


@pytest.mark.parametrize("a,b", [(3, 4), (3.0, 4.5), (0, 0)])
def test_call_njit_function(a, b):
    check(hyp, a, b)


@njit
def scaled(x, factor=2, offset=0.5):
    return x * factor + offset


@njit
def uses_keywords(x):
    return scaled(x) + scaled(x, 3) + scaled(x, offset=1.0) + scaled(offset=-1.0, x=x, factor=4)


@pytest.mark.parametrize("x", [1, -2.5])
def test_keywords_and_defaults(x):
    check(uses_keywords, x)


def test_dispatcher_called_with_keywords_from_python():
    assert scaled(2, offset=1.5) == scaled.py_func(2, offset=1.5)
    assert scaled(x=3) == scaled.py_func(x=3)


@njit
def fib_rec(n):
    if n < 2:
        return n
    return fib_rec(n - 1) + fib_rec(n - 2)


@pytest.mark.parametrize("n", [0, 1, 2, 10, 20])
def test_recursion(n):
    check(fib_rec, n)


@njit
def dot_helper(a, b):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s


@njit
def row_dots(m, v, out):
    for i in range(m.shape[0]):
        acc = 0.0
        for j in range(m.shape[1]):
            acc += m[i, j] * v[j]
        out[i] = acc + dot_helper(v, v)


def test_callee_with_array_arguments():
    m = make_array((4, 3), "float64")
    v = make_array(3, "float64", seed=2)
    check(row_dots, m, v, np.zeros(4))


@njit
def poly_twice(x, y):
    # The same callee specialised for two argument types.
    return square(x) + square(y)


@pytest.mark.parametrize("x,y", [(3, 2.5), (2.5, 3), (True, 4)])
def test_callee_specialised_per_type(x, y):
    check(poly_twice, x, y)


@njit
def chain_c(x):
    return x - 1


@njit
def chain_b(x):
    return chain_c(x) * 2


@njit
def chain_a(x):
    return chain_b(x) + chain_c(x)


@pytest.mark.parametrize("x", [5, 0.5])
def test_transitive_calls(x):
    check(chain_a, x)


@njit
def returns_tuple(x):
    return x + 1, x * 2


@njit
def unpack_call(x):
    a, b = returns_tuple(x)
    return a * b


@pytest.mark.parametrize("x", [3, 1.5])
def test_tuple_unpack_of_call(x):
    check(unpack_call, x)


@pytest.mark.parametrize("x", [3, 1.5])
def test_tuple_return(x):
    check(returns_tuple, x)


@njit
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


@njit
def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


@pytest.mark.parametrize("n", [0, 1, 10, 15])
def test_mutual_recursion(n):
    check(is_even, n)
