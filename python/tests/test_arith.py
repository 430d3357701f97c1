"""Arithmetic semantics: Python's, not C's."""

import numpy as np
import pytest

from mumba import njit
from helpers import check
from test_types_support import wrap

INT_PAIRS = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3), (-6, 3), (1, -1), (123456789, 1000)]
FLOAT_PAIRS = [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.25), (0.0, 3.0), (1e10, 3.0)]


@njit
def add(a, b):
    return a + b


@njit
def sub(a, b):
    return a - b


@njit
def mul(a, b):
    return a * b


@njit
def truediv(a, b):
    return a / b


@njit
def floordiv(a, b):
    return a // b


@njit
def mod(a, b):
    return a % b


@pytest.mark.parametrize("op", [add, sub, mul, truediv, floordiv, mod])
@pytest.mark.parametrize("a,b", INT_PAIRS)
def test_int_binops(op, a, b):
    check(op, a, b)


@pytest.mark.parametrize("op", [add, sub, mul, truediv, floordiv, mod])
@pytest.mark.parametrize("a,b", FLOAT_PAIRS)
def test_float_binops(op, a, b):
    check(op, a, b)


@pytest.mark.parametrize("op", [add, sub, mul, truediv, floordiv, mod])
@pytest.mark.parametrize("a,b", [(7, 2.5), (-7, 2.5), (3.5, -2), (-3.5, 2)])
def test_mixed_int_float(op, a, b):
    check(op, a, b)


@pytest.mark.parametrize("op", [add, sub, mul, floordiv, mod])
@pytest.mark.parametrize("a,b", [(True, True), (True, 3), (4, True), (False, 2.5)])
def test_bool_arithmetic_is_int(op, a, b):
    check(op, a, b)


@pytest.mark.parametrize("op", [add, sub, mul])
@pytest.mark.parametrize("a,b", [(4, False), (False, False)])
def test_bool_false_operand(op, a, b):
    check(op, a, b)


@njit
def power(a, b):
    return a**b


@pytest.mark.parametrize("a,b", [(2, 10), (-3, 3), (7, 0), (2.0, 0.5), (2.5, 3), (9, 0.5), (-2.0, 3.0)])
def test_pow(a, b):
    check(power, a, b)


@njit
def bitops(a, b):
    return (a & b) + (a | b) * 3 + (a ^ b) * 7 + (a << 3) - (b >> 1) + ~a


@pytest.mark.parametrize("a,b", [(12, 10), (-12, 5), (0, 7), (255, 3)])
def test_bit_operations(a, b):
    check(bitops, a, b)


@njit
def neg(a):
    return -a


@njit
def pos(a):
    return +a


@njit
def not_(a):
    return not a


@njit
def invert(a):
    return ~a


@pytest.mark.parametrize("op", [neg, pos, not_])
@pytest.mark.parametrize("a", [3, -4, 0, 2.5, -0.0, 0.0, True, False])
def test_unary(op, a):
    check(op, a)


@pytest.mark.parametrize("a", [0, 5, -6, 2**40])
def test_invert(a):
    check(invert, a)


@njit
def lt(a, b):
    return a < b


@njit
def le(a, b):
    return a <= b


@njit
def gt(a, b):
    return a > b


@njit
def ge(a, b):
    return a >= b


@njit
def eq(a, b):
    return a == b


@njit
def ne(a, b):
    return a != b


@pytest.mark.parametrize("op", [lt, le, gt, ge, eq, ne])
@pytest.mark.parametrize("a,b", [(1, 2), (2, 1), (3, 3), (1.5, 1), (2, 2.0), (-1.0, -1.5), (True, 1)])
def test_comparisons(op, a, b):
    check(op, a, b)


@njit
def compare_tuple(a, b):
    return (a < b, a <= b, a > b, a >= b, a == b, a != b)


def test_comparisons_returned_as_tuple():
    check(compare_tuple, 1, 2)
    check(compare_tuple, 2.5, 2.5)


@njit
def poly(x):
    return 3 * x * x - 2 * x + 1 - x / 4


@pytest.mark.parametrize("x", [0, 1, -5, 10**6, 0.25, -3.75])
def test_polynomial(x):
    check(poly, x)


@pytest.mark.parametrize(
    "a,b",
    [
        (np.int32(7), np.int32(-2)),
        (np.float32(7.5), np.float32(2.0)),
        (np.int64(-9), np.int32(4)),
        (np.float32(1.5), 2.0),
        (np.int32(5), 0.5),
    ],
)
@pytest.mark.parametrize("op", [add, mul, floordiv, mod, truediv])
def test_numpy_scalars(op, a, b):
    check(op, a, b, rtol=1e-6)


@njit
def augmented(a, b):
    x = a
    x += b
    x *= 2
    x -= 1
    x //= 3
    x %= 100
    x **= 2
    return x


@pytest.mark.parametrize("a,b", [(5, 3), (-5, 3), (17, -4), (2.5, 1.5)])
def test_augmented_assignment(a, b):
    check(augmented, a, b)


@njit
def to_int(x):
    return int(x)


@njit
def to_float(x):
    return float(x)


@njit
def to_bool(x):
    return bool(x)


@pytest.mark.parametrize("x", [3.7, -3.7, 0.0, 5, -2, 0])
@pytest.mark.parametrize("conv", [to_int, to_float, to_bool])
def test_conversions(conv, x):
    check(conv, x)


MIN64 = -2**63


@njit
def floor_div_mod(a, b):
    q = a
    q //= b
    d, m = divmod(a, b)
    return a // b, a % b, d, m, q


@njit
def min_by_minus_one():
    d, m = divmod(-2**63, -1)
    return (-2**63) // -1, (-2**63) % -1, d, m


@pytest.mark.parametrize(
    "a,b",
    [(MIN64, -1), (MIN64, 1), (MIN64, 2), (MIN64, -2), (MIN64 + 1, -1),
     (MIN64, MIN64), (-1, MIN64), (2**63 - 1, -1), (7, -1)],
)
def test_int64_min_floor_division_wraps(a, b):
    # Python's MIN // -1 is 2**63, which int64 cannot hold: it wraps to MIN
    # as every int64 overflow does (docs/python-semantics.md), and the
    # remainder is 0; the hardware division, which traps there (SIGFPE on
    # x86), is never asked. Numba gives (0, 0).
    q, r = a // b, a % b
    expected = (wrap(q), wrap(r), wrap(q), wrap(r), wrap(q))
    assert floor_div_mod(a, b) == expected
    assert njit(error_model="numpy")(floor_div_mod.py_func)(a, b) == expected


def test_int64_min_by_minus_one_literals():
    assert min_by_minus_one() == (MIN64, 0, MIN64, 0)
