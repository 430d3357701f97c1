"""NumPy functions on scalars: float32 stays float32, edge values.

The oracle is NumPy itself on NumPy scalars; int arguments compute in
float64 as Numba's scalar ufuncs do (NumPy would pick float16 for int8).
"""

import math

import numpy as np
import pytest

from mumba import njit
from test_types_support import check_value, result_type

NAN = float("nan")
INF = float("inf")


def close(got, expected, rtol=1e-12):
    if isinstance(expected, tuple):
        assert len(got) == len(expected)
        for g, e in zip(got, expected):
            close(g, e, rtol)
        return
    e = float(expected) if not isinstance(expected, (bool, np.bool_)) else bool(expected)
    if isinstance(e, bool):
        assert bool(got) == e
    elif math.isnan(e):
        assert math.isnan(got)
    else:
        assert math.isclose(got, e, rel_tol=rtol, abs_tol=1e-300), (got, e)
        assert math.copysign(1, got) == math.copysign(1, e) or e == 0 and got == 0


@njit
def np_exp_log(x):
    return np.exp(x), np.expm1(x), np.exp2(x), np.log1p(x)


@njit
def np_logs(x):
    return np.log(x), np.log2(x), np.log10(x), np.sqrt(x), np.cbrt(x)


@njit
def np_trig(x):
    return np.sin(x), np.cos(x), np.tan(x), np.arctan(x), np.sinh(x), np.cosh(x), np.tanh(x), np.arcsinh(x)


@njit
def np_rounding(x):
    return np.floor(x), np.ceil(x), np.trunc(x), np.rint(x), np.fabs(x)


@njit
def np_angles(x):
    return np.deg2rad(x), np.rad2deg(x), np.degrees(x), np.radians(x)


@njit
def np_sign(x):
    return np.sign(x)


@njit
def np_square(x):
    return np.square(x)


@njit
def np_classify(x):
    return np.isnan(x), np.isinf(x), np.isfinite(x), np.signbit(x)


@njit
def np_binary(x, y):
    return np.maximum(x, y), np.minimum(x, y), np.fmax(x, y), np.fmin(x, y)


@njit
def np_float_binary(x, y):
    return np.arctan2(x, y), np.hypot(x, y), np.copysign(x, y)


@njit
def np_power(x, y):
    return np.power(x, y)


@njit
def np_abs(x):
    return np.abs(x), np.absolute(x)


@njit
def np_parts(x):
    return np.real(x), np.imag(x), np.conj(x)


def expected_of(f, *args):
    with np.errstate(all="ignore"):
        return f.py_func(*args)


@pytest.mark.parametrize("x", [0.0, 1.0, -2.5, 1e-10, 700.0])
def test_exp_family(x):
    close(np_exp_log(x), expected_of(np_exp_log, np.float64(x)))


@pytest.mark.parametrize("x", [1.0, 2.5, 1e-300, 0.0, -1.0])
def test_log_family_and_roots(x):
    close(np_logs(x), expected_of(np_logs, np.float64(x)))


@pytest.mark.parametrize("x", [0.0, -0.0, 0.5, -3.0, 10.0])
def test_trig_family(x):
    close(np_trig(x), expected_of(np_trig, np.float64(x)), rtol=1e-13)


@pytest.mark.parametrize("x", [2.5, -2.5, 3.5, -0.5, 0.0, -0.0, INF, NAN])
def test_rounding_family(x):
    close(np_rounding(x), expected_of(np_rounding, np.float64(x)))


@pytest.mark.parametrize("x", [0.0, 180.0, -math.pi])
def test_angle_conversions(x):
    close(np_angles(x), expected_of(np_angles, np.float64(x)))


@pytest.mark.parametrize("x", [2.5, -0.1, 0.0, -0.0, NAN, -INF])
def test_sign_of_floats(x):
    close(np_sign(x), expected_of(np_sign, np.float64(x)))


@pytest.mark.parametrize("x", [5, -7, 0])
def test_sign_of_ints_is_int(x):
    check_value(np_sign, (x,), int(np.sign(x)))
    assert result_type(np_sign) == "si64"


@pytest.mark.parametrize("x", [3, -4, 2.5, np.float32(1.5)])
def test_square(x):
    got = np_square(x)
    assert got == np.square(x)


@pytest.mark.parametrize("x", [0.0, -0.0, NAN, INF, -INF, -1.5, 5])
def test_classify_and_signbit(x):
    close(np_classify(x), expected_of(np_classify, np.float64(x)))


@pytest.mark.parametrize("x,y", [(1.0, 2.0), (NAN, 1.0), (1.0, NAN), (-0.0, 0.0), (3, 2.5)])
def test_maximum_minimum_fmax_fmin(x, y):
    close(np_binary(x, y), expected_of(np_binary, np.float64(x), np.float64(y)))


@pytest.mark.parametrize("x,y", [(5, 9), (-3, np.int8(4)), (np.uint8(7), np.uint8(200))])
def test_maximum_of_ints_stays_int(x, y):
    got = np_binary(x, y)
    assert got[0] == max(int(x), int(y)) and got[1] == min(int(x), int(y))
    assert result_type(np_binary).startswith("tuple<si") or result_type(np_binary).startswith("tuple<ui")


@pytest.mark.parametrize("x,y", [(1.0, 1.0), (-1.0, -0.0), (3.0, 4.0), (INF, NAN)])
def test_arctan2_hypot_copysign(x, y):
    close(np_float_binary(x, y), expected_of(np_float_binary, np.float64(x), np.float64(y)))


@pytest.mark.parametrize("x,y", [(2, 10), (3, 0), (-2, 3), (2.0, 0.5), (0.0, 0.0), (2.0, -1.0)])
def test_power(x, y):
    expected = np.power(np.float64(x) if isinstance(x, float) else x, y)
    got = np_power(x, y)
    assert got == expected


def test_integer_power_with_negative_exponent_raises():
    with pytest.raises(ValueError, match="Integers to negative integer powers are not allowed"):
        np_power(2, -1)


@pytest.mark.parametrize("x", [-3, 3.5, -0.0, np.int8(-128), np.uint16(5)])
def test_abs(x):
    got = np_abs(x)
    assert got[0] == abs(int(x) if isinstance(x, np.integer) else x)


@pytest.mark.parametrize("x", [2.5, -3])
def test_real_imag_conj_of_reals(x):
    assert np_parts(x) == (x, 0, x)


@njit
def float32_stays(x):
    return np.sqrt(x), np.exp(x), np.floor(x), np.abs(x), np.sin(x)


@pytest.mark.parametrize("x", [2.0, 0.25, 100.0])
def test_float32_stays_float32(x):
    x32 = np.float32(x)
    got = float32_stays(x32)
    assert result_type(float32_stays) == "tuple<f32, f32, f32, f32, f32>"
    with np.errstate(over="ignore"):
        expected = (np.sqrt(x32), np.exp(x32), np.floor(x32), np.abs(x32), np.sin(x32))
    close(got, tuple(float(e) for e in expected), rtol=1e-6)


@njit
def ints_compute_in_float64(n):
    return np.sqrt(n), np.exp(n)


@pytest.mark.parametrize("n", [np.int8(4), np.uint16(9), 16, True])
def test_ints_compute_in_float64(n):
    got = ints_compute_in_float64(n)
    assert result_type(ints_compute_in_float64) == "tuple<f64, f64>"
    close(got, (math.sqrt(int(n)), math.exp(int(n))))


@njit
def numpy_constants():
    return np.pi, np.e, np.inf, np.euler_gamma


def test_numpy_constants():
    close(numpy_constants(), (np.pi, np.e, np.inf, np.euler_gamma))


@njit
def np_logaddexp(x, y):
    return np.logaddexp(x, y)


LOGADDEXP_POINTS = [
    (0.0, 0.0), (1.0, 2.0), (-3.5, 700.0), (800.0, 800.0), (-800.0, -801.0),
    (INF, INF), (-INF, -INF), (INF, -INF), (-INF, 3.0), (NAN, 1.0), (2.0, NAN),
    (1e-300, -1e-300), (-0.0, 0.0),
]


@pytest.mark.parametrize("x,y", LOGADDEXP_POINTS)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_logaddexp(x, y, dtype):
    with np.errstate(all="ignore"):
        expected = np.logaddexp(dtype(x), dtype(y))
    got = np_logaddexp(dtype(x), dtype(y))
    np.testing.assert_allclose(got, expected, rtol=1e-6 if dtype is np.float32 else 1e-15)
    assert result_type(np_logaddexp) == ("f32" if dtype is np.float32 else "f64")


def test_logaddexp_of_ints_is_float64():
    assert np_logaddexp(3, 4) == pytest.approx(np.logaddexp(3, 4), rel=1e-15)
    assert result_type(np_logaddexp) == "f64"
