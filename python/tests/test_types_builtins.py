"""Builtins: abs, min, max, int, float, bool, round, divmod, pow, len,
isinstance, complex, and frozen globals of every kind."""

import math

import numpy as np
import pytest

from mumba import njit
from helpers import check
from test_types_support import check_py, check_value, result_type

NAN = float("nan")
INF = float("inf")


@njit
def round1(x):
    return round(x)


@pytest.mark.parametrize("x", [0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, -2.6, 0.0, -0.0, 1e15 + 0.5])
def test_round_half_to_even_gives_int(x):
    check(round1, x)
    assert result_type(round1) == "si64"


@pytest.mark.parametrize("x", [7, -7, 0, True])
def test_round_of_int(x):
    check(round1, x)


@njit
def round2(x, n):
    return round(x, n)


@pytest.mark.parametrize("x,n", [(3.14159, 2), (2.675, 2), (-1.005, 2), (1234.5, -2), (0.5, 0), (1e300, 5), (123.456, -1)])
def test_round_with_digits(x, n):
    check(round2, x, n)


@pytest.mark.parametrize("x,n", [(1234, -2), (1250, -2), (1350, -2), (-1250, -2), (17, 1), (5, -1), (15, -1)])
def test_round_int_with_negative_digits(x, n):
    check(round2, x, n)


@njit
def round_none(x):
    return round(x, None)


def test_round_with_none_digits():
    check(round_none, 2.5)


@njit
def divmod_pair(a, b):
    return divmod(a, b)


@pytest.mark.parametrize("a,b", [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (7.5, 2.0), (-7.5, 2.0), (7, 0.5)])
def test_divmod(a, b):
    check(divmod_pair, a, b)


def test_divmod_by_zero_raises():
    with pytest.raises(ZeroDivisionError):
        divmod_pair(1, 0)
    with pytest.raises(ZeroDivisionError):
        divmod_pair(1.0, 0.0)


@njit
def pow2(a, b):
    return pow(a, b), pow(base=a, exp=b)


@pytest.mark.parametrize("a,b", [(2, 10), (3, 0), (-2, 3), (2.0, 0.5), (2.0, -1), (0.0, 0.0), (10, 18)])
def test_pow_builtin(a, b):
    check(pow2, a, b)


@njit
def int_pow_negative_literal(a):
    return a ** -2, pow(a, -1)


@pytest.mark.parametrize("a", [2, -4, 1])
def test_int_to_negative_literal_power_is_float(a):
    check(int_pow_negative_literal, a)


@njit
def int_pow_variable(a, b):
    return a ** b


def test_int_to_negative_variable_power_follows_numba():
    # The sign of a variable exponent is unknown when typing: int ** int is
    # an int, as in Numba, and a negative exponent truncates toward zero.
    check_value(int_pow_variable, (2, -1), 0)
    check_value(int_pow_variable, (1, -3), 1)


@njit
def abs_all(i, f, b, u):
    return abs(i), abs(f), abs(b), abs(u)


@pytest.mark.parametrize("i,f", [(-5, -0.0), (0, NAN), (-(2**63) + 1, -INF), (7, 2.5)])
def test_abs_of_every_kind(i, f):
    check_py(abs_all, i, f, True, np.uint8(200))


@njit
def min_max(a, b, c):
    return min(a, b), max(a, b), min(a, b, c), max(c, b, a)


@pytest.mark.parametrize("v", [(1, 2, 3), (3.5, -1, 2), (NAN, 1.0, 2.0), (1.0, NAN, 0.0), (-0.0, 0.0, 0.0)])
def test_min_max_keep_python_order(v):
    # Python returns the first extreme argument; a NaN first stays.
    got = min_max(*v)
    expected = min_max.py_func(*v)
    for g, e in zip(got, expected):
        assert (math.isnan(g) and math.isnan(e)) or (g == e and math.copysign(1, g) == math.copysign(1, e))


@njit
def conversions(x):
    return int(x), float(x), bool(x)


@pytest.mark.parametrize("x", [2.9, -2.9, 0.0, -0.0, 1e18, 7, 0, True])
def test_int_float_bool(x):
    check(conversions, x)


@njit
def bool_of_nan(x):
    return bool(x), not x


def test_nan_is_true():
    check(bool_of_nan, NAN)


@njit
def numpy_conversions(x):
    return np.int8(x), np.uint8(x), np.float32(x), np.int64(x), np.bool_(x)


@pytest.mark.parametrize("x", [3.75, -2.0, 100])
def test_numpy_scalar_conversions(x):
    got = numpy_conversions(x)
    assert got[0] == int(x) and got[2] == float(np.float32(x)) and got[3] == int(x)
    assert got[4] is bool(x) or got[4] == bool(x)
    assert result_type(numpy_conversions) == "tuple<si8, ui8, f32, si64, i1>"


@njit
def isinst(x):
    return (
        isinstance(x, int),
        isinstance(x, float),
        isinstance(x, bool),
        isinstance(x, complex),
        isinstance(x, (int, float)),
        isinstance(x, tuple),
        isinstance((x, x), tuple),
    )


@pytest.mark.parametrize("x", [1, 1.5, True])
def test_isinstance_on_simple_types(x):
    check(isinst, x)


@njit
def isinst_numpy(x):
    return isinstance(x, int), isinstance(x, np.int8), isinstance(x, np.float64), isinstance(x, float)


def test_isinstance_follows_numba_for_numpy_ints():
    # Numba: every integer type is an int; NumPy scalar types match exactly.
    assert isinst_numpy(np.int8(3)) == (True, True, False, False)
    assert isinst_numpy(np.float32(3)) == (False, False, False, True)


@njit
def isinstance_branch(x):
    if isinstance(x, float):
        return x * 2
    return x + 1


@pytest.mark.parametrize("x", [1, 2.5])
def test_isinstance_picks_a_branch(x):
    check(isinstance_branch, x)


@njit
def lengths(a, n):
    return len(a), len(range(n)), len(range(0, n, 3)), len(range(n, 0, -2)), len("hello")


@pytest.mark.parametrize("n", [0, 1, 10, -4])
def test_len_of_everything(n):
    check(lengths, np.zeros(n if n > 0 else 0), n)


INT_G = 7
FLOAT_G = -2.5
BOOL_G = True
NONE_G = None
BIG_G = 2**64 - 1
COMPLEX_G = 1 - 2j
F32_G = np.float32(0.1)
I8_G = np.int8(-7)
STR_G = "text"


@njit
def frozen_globals(x):
    z = COMPLEX_G * x
    return INT_G * x, FLOAT_G + x, BOOL_G and x > 0, NONE_G is None, BIG_G, z.real, z.imag, len(STR_G)


@pytest.mark.parametrize("x", [1, -3])
def test_frozen_globals_of_every_kind(x):
    check(frozen_globals, x)


@njit
def numpy_scalar_globals(x):
    return F32_G + x, I8_G * x


def test_numpy_scalar_globals_keep_their_type():
    got = numpy_scalar_globals(np.float32(2.0))
    assert got[0] == float(np.float32(0.1) + np.float32(2.0))
    assert result_type(numpy_scalar_globals) == "tuple<f32, f32>"
    check_value(numpy_scalar_globals, (np.int16(3),), (float(np.float32(0.1) + np.float32(3)), -21))


@njit
def math_constants():
    return math.pi, math.e, math.tau, math.inf, -math.inf, np.pi, np.e, np.inf


def test_module_constants():
    check(math_constants)


@njit
def nan_constants():
    return math.isnan(math.nan), np.isnan(np.nan)


def test_nan_constants():
    check(nan_constants)


@njit
def chained_compare(a, b, c):
    return a < b < c, a < b > c, a == b == c


@pytest.mark.parametrize("v", [(1, 2, 3), (3, 2, 1), (1, 1, 1), (1.0, NAN, 2.0)])
def test_chained_comparisons(v):
    check(chained_compare, *v)


@njit
def and_or(a, b):
    return (a and b), (a or b), (not a)


@pytest.mark.parametrize("a,b", [(0, 5), (3, 0), (2, 7), (0.0, 1.5)])
def test_and_or_return_an_operand(a, b):
    check(and_or, a, b)


@njit
def is_none(x):
    y = None
    return y is None, x is None, x is not None, y == None, x == None  # noqa: E711


@pytest.mark.parametrize("x", [0, 1.5])
def test_none_comparisons(x):
    check(is_none, x)


@njit
def returns_none_implicitly(x):
    if x > 0:
        return None


@pytest.mark.parametrize("x", [1, -1])
def test_none_on_every_path(x):
    check(returns_none_implicitly, x)


def test_round_is_correctly_rounded_like_python():
    rng = np.random.default_rng(3)
    values = np.concatenate(
        [rng.uniform(-1000, 1000, 300), np.round(rng.uniform(-100, 100, 300), 3) + 0.0005, rng.normal(0, 1e-3, 100)]
    )
    for x in values:
        for n in (0, 1, 2, 3, 5, -1, -2):
            assert round2(float(x), n) == round(float(x), n), (x, n)
