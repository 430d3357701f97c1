"""Numeric promotion and unification: Numba's arithmetic, NumPy's merges."""

import math

import numpy as np
import pytest

from mumba import njit
from helpers import check
from test_types_support import as_python, check_py, check_value, result_type, wrap


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


@njit
def lshift(a, b):
    return a << b


@njit
def bitand(a, b):
    return a & b


@njit
def neg(a):
    return -a


@njit
def invert(a):
    return ~a


@njit
def pick(c, a, b):
    x = a
    if c:
        x = b
    return x


# -- arithmetic -----------------------------------------------------------------


@pytest.mark.parametrize("a,b", [(100, 100), (-128, -128), (127, 1), (0, -1)])
def test_int8_add_widens_to_int64(a, b):
    check_py(add, np.int8(a), np.int8(b))
    assert result_type(add) == "si64"


@pytest.mark.parametrize("a,b", [(200, 100), (255, 255), (0, 0), (1, 254)])
def test_uint8_add_widens_to_uint64(a, b):
    check_py(add, np.uint8(a), np.uint8(b))
    assert result_type(add) == "ui64"


@pytest.mark.parametrize("a,b", [(-100, 200), (127, 255), (-128, 0)])
def test_int8_uint8_mix_is_int64(a, b):
    check_py(add, np.int8(a), np.uint8(b))
    assert result_type(add) == "si64"


@pytest.mark.parametrize("a,b", [(0, 1), (5, 200), (0, 0)])
def test_uint8_sub_goes_negative(a, b):
    # Widened to uint64 as Numba does: below zero wraps around 2**64.
    check_value(sub, (np.uint8(a), np.uint8(b)), wrap(a - b, 64, signed=False))


@pytest.mark.parametrize("a,b", [(2**64 - 1, 1), (2**63, -5), (7, -7)])
def test_uint64_int64_mix_is_float64(a, b):
    check_value(add, (np.uint64(a), np.int64(b)), float(a) + float(b))
    assert result_type(add) == "f64"


@pytest.mark.parametrize("a,b", [(2**64 - 1, 1), (2**63, 2**63), (3, 4)])
def test_uint64_add_wraps(a, b):
    check_value(add, (np.uint64(a), np.uint64(b)), (a + b) % 2**64)
    assert result_type(add) == "ui64"


@pytest.mark.parametrize("a,b", [(2**31 - 1, 1), (-(2**31), -1), (7, 9)])
def test_int32_add_does_not_overflow_32_bits(a, b):
    check_py(add, np.int32(a), np.int32(b))


@pytest.mark.parametrize("a,b", [(2**63 - 1, 1), (-(2**63), -1), (2**62, 2**62)])
def test_int64_overflow_wraps(a, b):
    check_value(add, (a, b), wrap(a + b))


@pytest.mark.parametrize("a,b", [(1.5, 3), (-0.5, -32768), (1e30, 7)])
def test_float32_with_int16_stays_float32(a, b):
    check(add, np.float32(a), np.int16(b))
    assert result_type(add) == "f32"


@pytest.mark.parametrize("a,b", [(1.5, 3), (-0.5, 2**31 - 1)])
def test_float32_with_int32_is_float64(a, b):
    check_value(add, (np.float32(a), np.int32(b)), float(np.float32(a)) + b)
    assert result_type(add) == "f64"


@pytest.mark.parametrize("a,b", [(1.25, 2.5), (float("inf"), -1.0), (-0.0, 0.0)])
def test_float32_with_float64_is_float64(a, b):
    check(add, np.float32(a), b)
    assert result_type(add) == "f64"


@pytest.mark.parametrize("a,b", [(True, True), (True, False), (False, False)])
def test_bool_arithmetic_is_int(a, b):
    check(add, a, b)
    check(sub, a, b)
    assert result_type(sub) == "si64"


@pytest.mark.parametrize("a,b", [(True, 255), (False, 0)])
def test_bool_with_uint8_is_unsigned(a, b):
    check_py(add, a, np.uint8(b))
    assert result_type(add) == "ui64"


@pytest.mark.parametrize("a,b", [(4000000000, -1), (0, -(2**31)), (7, 3)])
def test_uint32_with_int32_is_int64(a, b):
    check_py(add, np.uint32(a), np.int32(b))
    assert result_type(add) == "si64"


@pytest.mark.parametrize("a,b", [(7, 2), (-7, 2), (1, 3), (0, 5)])
def test_int_truediv_is_float64(a, b):
    check_py(truediv, np.int16(a), np.int16(b))
    assert result_type(truediv) == "f64"


@pytest.mark.parametrize("a,b", [(7, 2), (-7, 2), (7, -2), (-128, -1)])
def test_small_int_floordiv_and_mod(a, b):
    check_py(floordiv, np.int8(a), np.int8(b))
    check_py(mod, np.int8(a), np.int8(b))


@pytest.mark.parametrize("a,b", [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-0.0, 3.0)])
def test_float32_floordiv_and_mod(a, b):
    check(floordiv, np.float32(a), np.float32(b))
    check(mod, np.float32(a), np.float32(b))


@pytest.mark.parametrize("a,b", [(1, 3), (255, 8), (1, 70)])
def test_shift_of_small_unsigned(a, b):
    got = lshift(np.uint8(a), np.uint8(b))
    assert got == ((a << b) % 2**64 if b < 64 else 0)


@pytest.mark.parametrize("a,b", [(-1, 255), (0x7F, 0x0F), (-128, 1)])
def test_bitand_mixed_widths(a, b):
    check_py(bitand, np.int8(a), np.uint16(b))


@njit
def pos(a):
    return +a


@njit
def absolute(a):
    return abs(a)


NB_INT = {np.int8: "si8", np.int16: "si16", np.int32: "si32", np.int64: "si64",
          np.uint8: "ui8", np.uint16: "ui16", np.uint32: "ui32", np.uint64: "ui64"}


@pytest.mark.parametrize("dtype", list(NB_INT))
@pytest.mark.parametrize("op", [neg, pos, invert, absolute], ids=lambda f: f.__name__)
def test_unary_keeps_numpy_width(op, dtype):
    # As NumPy's scalars: ~np.uint8(5) is uint8(250), -np.uint8(5) is
    # uint8(251), abs(np.int8(-128)) wraps to -128.
    info = np.iinfo(dtype)
    for v in sorted({0, 1, 5, info.max, info.min, info.min + 1}):
        x = dtype(v)
        with np.errstate(over="ignore"):
            expected = op.py_func(x)
        assert type(expected) is dtype
        got = op(x)
        assert type(got) is int and got == int(expected), (op.__name__, x, got, expected)
        assert result_type(op) == NB_INT[dtype]


@pytest.mark.parametrize("a", [True, False, 7, -2**62])
def test_unary_of_python_ints_and_bools_is_int64(a):
    # A bool is an int (-True is -1); Python ints are int64.
    for op in (neg, pos, invert, absolute):
        check_py(op, a)
        assert result_type(op) == "si64"


@pytest.mark.parametrize("a", [True, False, np.int8(-128), 0, -1])
def test_invert_ints_and_bools(a):
    check_py(invert, a)


@pytest.mark.parametrize("a", [0.0, -0.0, 1.5, float("nan")])
def test_negative_zero_survives_negation(a):
    got = neg(a)
    expected = -a
    assert math.copysign(1.0, got) == math.copysign(1.0, expected) or math.isnan(a)
    assert (math.isnan(got) and math.isnan(expected)) or got == expected


# -- merges -----------------------------------------------------------------------


@pytest.mark.parametrize("c", [True, False])
def test_merge_int8_uint8_is_int16(c):
    check_py(pick, c, np.int8(-5), np.uint8(250))
    assert result_type(pick) == "si16"


@pytest.mark.parametrize("c", [True, False])
def test_merge_int64_uint64_is_float64(c):
    check_value(pick, (c, -5, np.uint64(2**63)), float(2**63) if c else -5.0)
    assert result_type(pick) == "f64"


@pytest.mark.parametrize("c", [True, False])
def test_merge_int_float_is_float64(c):
    check_value(pick, (c, 3, 2.5), 2.5 if c else 3.0)
    assert result_type(pick) == "f64"


@pytest.mark.parametrize("c", [True, False])
def test_merge_float32_int16_is_float32(c):
    check_value(pick, (c, np.float32(1.5), np.int16(-7)), -7.0 if c else 1.5)
    assert result_type(pick) == "f32"


@pytest.mark.parametrize("c", [True, False])
def test_merge_bool_int_is_int(c):
    check_value(pick, (c, True, 7), 7 if c else 1)
    assert result_type(pick) == "si64"


@pytest.mark.parametrize("c", [True, False])
def test_merge_uint16_uint32_is_uint32(c):
    check_py(pick, c, np.uint16(65535), np.uint32(2**32 - 1))
    assert result_type(pick) == "ui32"


@pytest.mark.parametrize("c", [True, False])
def test_merge_tuples_elementwise(c):
    @njit
    def tuples(c, a, b):
        t = (a, 1)
        if c:
            t = (b, 2.5)
        return t

    check_value(tuples, (c, 3, 4.5), (4.5, 2.5) if c else (3.0, 1.0))
    assert result_type(tuples) == "tuple<f64, f64>"


@njit
def accumulate(n):
    t = 0
    for i in range(n):
        t += i * 0.5
    return t


@pytest.mark.parametrize("n", [0, 1, 10])
def test_loop_carried_int_becomes_float(n):
    # Python returns the int 0 when the loop does not run; the merged type
    # is float64 on every path.
    check_value(accumulate, (n,), float(accumulate.py_func(n)))


# -- literals ---------------------------------------------------------------------


@njit
def big_literal():
    return 18446744073709551615


@njit
def big_literal_minus_one():
    u = 18446744073709551615
    return u - 1, u // 2, u % 10


def test_literal_beyond_int64_is_uint64():
    check(big_literal)
    assert result_type(big_literal) == "ui64"


def test_literal_that_fits_meets_uint64_exactly():
    # A non-negative literal meets uint64 as uint64, so Python's exact
    # answer survives instead of going through float64.
    check(big_literal_minus_one)


@njit
def uint64_plus_one(u):
    return u + 1


@pytest.mark.parametrize("u", [0, 2**63, 2**64 - 2])
def test_uint64_plus_literal_stays_uint64(u):
    check_value(uint64_plus_one, (np.uint64(u),), u + 1)
    assert result_type(uint64_plus_one) == "ui64"


@njit
def uint8_minus_one(u):
    return u - 1


@pytest.mark.parametrize("u", [0, 1, 255])
def test_uint8_minus_literal_is_int64(u):
    check_py(uint8_minus_one, np.uint8(u))
    assert result_type(uint8_minus_one) == "si64"


# -- comparisons ------------------------------------------------------------------


@njit
def compare_all(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b


@pytest.mark.parametrize("a,b", [(2**64 - 1, -1), (0, -1), (5, 5), (2**63, 2**63 - 1)])
def test_uint64_int64_compare_exactly(a, b):
    # Python compares integers exactly; float64 would say 2**63 == 2**63 - 1.
    check_value(compare_all, (np.uint64(a), np.int64(b)), compare_all.py_func(a, b))
    check_value(compare_all, (np.int64(b), np.uint64(a)), compare_all.py_func(b, a))


@pytest.mark.parametrize(
    "a,b", [(float("nan"), 1.0), (float("nan"), float("nan")), (-0.0, 0.0), (float("inf"), 1e308)]
)
def test_float_comparisons_with_nan_and_zero(a, b):
    check(compare_all, a, b)


@pytest.mark.parametrize("a,b", [(3, 3.0), (-1, 0.5), (np.int8(-128), np.uint8(0))])
def test_mixed_comparisons(a, b):
    check_py(compare_all, a, b)
