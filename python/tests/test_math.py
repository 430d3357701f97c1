"""math functions and builtins."""

import math
from math import sqrt as square_root

import numpy as np
import pytest

from mumba import njit
from helpers import check, make_array

SCALE = 2.5
COUNT = 3
FLAG = True


def _unary(fn):
    @njit
    def kernel(x):
        return fn(x)

    return kernel


def _binary(fn):
    @njit
    def kernel(x, y):
        return fn(x, y)

    return kernel


UNARY = {
    "sqrt": (math.sqrt, [0.0, 2.0, 1e6]),
    "exp": (math.exp, [0.0, -1.5, 3.0]),
    "log": (math.log, [0.5, 1.0, 1e10]),
    "sin": (math.sin, [0.0, 1.0, -4.0]),
    "cos": (math.cos, [0.0, 1.0, -4.0]),
    "tan": (math.tan, [0.0, 0.3, -1.2]),
    "atan": (math.atan, [0.0, 5.0, -0.5]),
    "tanh": (math.tanh, [0.0, 0.7, -3.0]),
    "fabs": (math.fabs, [-2.5, 0.0, 3.0]),
    "np.sqrt": (np.sqrt, [0.0, 2.0]),
    "np.exp": (np.exp, [0.0, -1.5]),
}

BINARY = {
    "pow": (math.pow, [(2.0, 0.5), (3.0, 2.0)]),
    "atan2": (math.atan2, [(1.0, 2.0), (-1.0, -2.0)]),
    "hypot": (math.hypot, [(3.0, 4.0), (1e200, 1e200)]),
    "copysign": (math.copysign, [(3.0, -0.0), (-2.0, 1.0)]),
}

_UNARY_KERNELS = {name: _unary(fn) for name, (fn, _) in UNARY.items()}
_BINARY_KERNELS = {name: _binary(fn) for name, (fn, _) in BINARY.items()}


@pytest.mark.parametrize(
    "name,x", [(name, x) for name, (_, xs) in UNARY.items() for x in xs]
)
def test_math_unary(name, x):
    check(_UNARY_KERNELS[name], x)


@pytest.mark.parametrize(
    "name,x,y", [(name, x, y) for name, (_, xys) in BINARY.items() for x, y in xys]
)
def test_math_binary(name, x, y):
    check(_BINARY_KERNELS[name], x, y)


@pytest.mark.parametrize("name", ["sqrt", "exp", "sin"])
def test_math_of_int_argument(name):
    check(_UNARY_KERNELS[name], 2)


@pytest.mark.parametrize("fn", [math.floor, math.ceil, math.trunc])
@pytest.mark.parametrize("x", [2.5, -2.5, 3.0, -0.1, 7.99])
def test_floor_ceil_trunc(fn, x):
    check(_ROUNDING[fn.__name__], x)


_ROUNDING = {fn.__name__: _unary(fn) for fn in (math.floor, math.ceil, math.trunc)}


@njit
def imported_sqrt(x):
    return square_root(x) + math.pi - math.e


@pytest.mark.parametrize("x", [0.0, 2.0, 16.0])
def test_from_import_and_constants(x):
    check(imported_sqrt, x)


_ABS = _unary(abs)
_MIN = _binary(min)
_MAX = _binary(max)


@pytest.mark.parametrize("a,b", [(3, -7), (-3, 7), (0, 0), (2.5, -1.5), (-2.5, -1.5)])
def test_abs_min_max(a, b):
    check(_ABS, a)
    check(_ABS, b)
    check(_MIN, a, b)
    check(_MAX, a, b)


@njit
def min3(a, b, c):
    return min(a, b, c)


@njit
def max3(a, b, c):
    return max(a, b, c)


@pytest.mark.parametrize("a,b,c", [(1, 2, 3), (3, 2, 1), (2, 3, 1), (-1, -1, 0)])
def test_min_max_three_args(a, b, c):
    check(min3, a, b, c)
    check(max3, a, b, c)


@njit
def uses_globals(x):
    if FLAG:
        return x * SCALE + COUNT
    return x


@pytest.mark.parametrize("x", [0, 1, -2.5])
def test_global_constants_are_frozen(x):
    check(uses_globals, x)


@njit
def numpy_math(x):
    return np.sqrt(x) + np.exp(x * 0.1) + np.abs(-x)


@pytest.mark.parametrize("x", [0.0, 1.0, 4.0])
def test_numpy_scalar_functions(x):
    check(numpy_math, x)


@njit
def norm(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * a[i]
    return math.sqrt(s)


@pytest.mark.parametrize("dtype", ["float64", "float32", "int64"])
def test_norm(dtype):
    check(norm, make_array(50, dtype))


_CLASSIFY = {fn.__name__: _unary(fn) for fn in (math.isnan, math.isinf, math.isfinite)}


@pytest.mark.parametrize("name", sorted(_CLASSIFY))
@pytest.mark.parametrize("x", [1.0, math.inf, -math.inf, math.nan, 0.0])
def test_isnan_isinf(name, x):
    check(_CLASSIFY[name], x)
