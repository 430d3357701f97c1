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


@njit
def math_funcs(x):
    return (
        math.sqrt(x),
        math.exp(-x),
        math.log(x + 1.0),
        math.sin(x),
        math.cos(x),
        math.tan(x * 0.1),
        math.atan2(x, 2.0),
        math.pow(x, 1.5),
        math.fabs(-x),
        math.hypot(x, 3.0),
    )


@pytest.mark.parametrize("x", [0.0, 0.5, 1.0, 2.0, 10.0, 123.456])
def test_math_functions(x):
    check(math_funcs, x)


@njit
def rounding(x):
    return math.floor(x), math.ceil(x), math.trunc(x)


@pytest.mark.parametrize("x", [2.5, -2.5, 3.0, -0.1, 7.99])
def test_floor_ceil_trunc(x):
    check(rounding, x)


@njit
def imported_sqrt(x):
    return square_root(x) + math.pi - math.e


@pytest.mark.parametrize("x", [0.0, 2.0, 16.0])
def test_from_import_and_constants(x):
    check(imported_sqrt, x)


@njit
def builtins_mix(a, b):
    return abs(a), abs(b), min(a, b), max(a, b)


@pytest.mark.parametrize("a,b", [(3, -7), (-3, 7), (0, 0), (2.5, -1.5), (-2.5, -1.5)])
def test_abs_min_max(a, b):
    check(builtins_mix, a, b)


@njit
def min3_max3(a, b, c):
    return min(a, b, c), max(a, b, c)


@pytest.mark.parametrize("a,b,c", [(1, 2, 3), (3, 2, 1), (2, 3, 1), (-1, -1, 0)])
def test_min_max_three_args(a, b, c):
    check(min3_max3, a, b, c)


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


@njit
def isnan_isinf(x):
    return math.isnan(x), math.isinf(x), math.isfinite(x)


@pytest.mark.parametrize("x", [1.0, math.inf, -math.inf, math.nan])
def test_isnan_isinf(x):
    check(isnan_isinf, x)
