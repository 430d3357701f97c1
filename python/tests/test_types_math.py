"""The math module: every function with a scalar meaning, edge values."""

import math

import numpy as np
import pytest

from mumba import njit
from helpers import check
from test_types_support import check_py, check_value

NAN = float("nan")
INF = float("inf")
X = [0.5, 1.0, 2.5, 10.0, 1e-10, 0.0, -0.0]
R = 1e-12




@njit
def m_exp2(x):
    return math.exp2(x)


@njit
def m_cbrt(x):
    return math.cbrt(x)


@njit
def m_asinh(x):
    return math.asinh(x)


@njit
def m_acosh(x):
    return math.acosh(x)


@njit
def m_atanh(x):
    return math.atanh(x)


@njit
def m_erf(x):
    return math.erf(x), math.erfc(x)


@njit
def m_gamma(x):
    return math.gamma(x)


@njit
def m_lgamma(x):
    return math.lgamma(x)


@njit
def m_degrees(x):
    return math.degrees(x), math.radians(x)


@njit
def m_log(x, base):
    return math.log(x), math.log(x, base), math.log2(x), math.log10(x), math.log1p(x)


@njit
def m_trig(x):
    return math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.sinh(x), math.cosh(x), math.tanh(x)


@njit
def m_inverse_trig(x):
    return math.asin(x), math.acos(x)


@njit
def m_rounding(x):
    return math.floor(x), math.ceil(x), math.trunc(x)


@njit
def m_fmod(x, y):
    return math.fmod(x, y)


@njit
def m_copysign_hypot_atan2(x, y):
    return math.copysign(x, y), math.hypot(x, y), math.atan2(x, y), math.pow(x, y)


@njit
def m_classify(x):
    return math.isnan(x), math.isinf(x), math.isfinite(x)


@njit
def m_factorial(n):
    return math.factorial(n)


@njit
def m_gcd(a, b, c):
    return math.gcd(a, b), math.gcd(a, b, c), math.gcd(a), math.gcd()


@njit
def m_isclose(a, b):
    return math.isclose(a, b), math.isclose(a, b, rel_tol=1e-3), math.isclose(a, b, abs_tol=0.5)


@njit
def m_frexp(x):
    return math.frexp(x)


@njit
def m_modf(x):
    return math.modf(x)


@njit
def m_ldexp(x, i):
    return math.ldexp(x, i)


@pytest.mark.parametrize("x", [0.0, 1.0, -3.5, 10.25, 1023.0, -1075.0])
def test_exp2(x):
    check(m_exp2, x, rtol=R)


@pytest.mark.parametrize("x", [27.0, -8.0, 0.0, -0.0, 2.0, 1e-300])
def test_cbrt(x):
    check(m_cbrt, x, rtol=R)


@pytest.mark.parametrize("x", [0.0, 0.5, -2.0, 1e10])
def test_asinh(x):
    check(m_asinh, x, rtol=R)


@pytest.mark.parametrize("x", [1.0, 1.5, 100.0])
def test_acosh(x):
    check(m_acosh, x, rtol=R)


@pytest.mark.parametrize("x", [0.0, 0.5, -0.99])
def test_atanh(x):
    check(m_atanh, x, rtol=R)


@pytest.mark.parametrize("x", [0.0, 0.5, -1.5, 3.0, 10.0, -30.0])
def test_erf_erfc(x):
    check(m_erf, x, rtol=1e-12)


@pytest.mark.parametrize("x", [0.5, 1.0, 2.5, 5.0, 171.0, -0.5, -2.5, 1e-10])
def test_gamma(x):
    check(m_gamma, x, rtol=1e-13)


@pytest.mark.parametrize("x", [0.0, -1.0, -2.0])
def test_gamma_at_poles_raises(x):
    with pytest.raises(ValueError, match="math domain error"):
        m_gamma(x)
    with pytest.raises(ValueError, match="math domain error"):
        m_lgamma(x)


@pytest.mark.parametrize("x", [0.5, 1.0, 2.0, 100.0, -0.5, -2.5, 1e300])
def test_lgamma(x):
    check(m_lgamma, x, rtol=1e-12)


def test_lgamma_of_minus_infinity():
    check(m_lgamma, -INF)


@pytest.mark.parametrize("x", [0.0, 90.0, -180.0, math.pi, 1e300])
def test_degrees_radians(x):
    check(m_degrees, x, rtol=R)


@pytest.mark.parametrize("x", [1.0, 2.5, 1e-300, 1e300, 100.0])
def test_logs(x):
    check(m_log, x, 10.0, rtol=R)


@pytest.mark.parametrize("x", [0.0, -0.0, 0.5, -1.5, 3.0, 100.0])
def test_trig_and_hyperbolic(x):
    check(m_trig, x, rtol=1e-13)


@pytest.mark.parametrize("x", [0.0, 0.5, -1.0, 1.0])
def test_inverse_trig(x):
    check(m_inverse_trig, x, rtol=R)


@pytest.mark.parametrize("x", [2.5, -2.5, 0.0, -0.0, 3.0, 1e18, -0.5, 7])
def test_floor_ceil_trunc_give_ints(x):
    check(m_rounding, x)


@pytest.mark.parametrize("x,y", [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (1.0, INF), (-0.0, 1.0)])
def test_fmod_keeps_dividend_sign(x, y):
    check(m_fmod, x, y)


@pytest.mark.parametrize("x,y", [(3.0, -4.0), (-0.0, 1.0), (1.0, -0.0), (INF, NAN), (1e300, 0.5), (2.0, 0.5)])
def test_copysign_hypot_atan2_pow(x, y):
    got = m_copysign_hypot_atan2(x, y)
    expected = m_copysign_hypot_atan2.py_func(x, y)
    for g, e in zip(got, expected):
        assert (math.isnan(g) and math.isnan(e)) or math.isclose(g, e, rel_tol=1e-14)
        assert math.isnan(g) or math.copysign(1, g) == math.copysign(1, e)


@pytest.mark.parametrize("x", [0.0, NAN, INF, -INF, 1e308, -5, True])
def test_classify(x):
    check(m_classify, x)


@pytest.mark.parametrize("n", [0, 1, 5, 20, np.int8(10)])
def test_factorial(n):
    check_py(m_factorial, n)


def test_factorial_of_negative_raises():
    with pytest.raises(ValueError, match="factorial.. not defined for negative values"):
        m_factorial(-1)


def test_factorial_past_int64_raises_overflow():
    with pytest.raises(OverflowError):
        m_factorial(21)


@pytest.mark.parametrize("a,b,c", [(12, 18, 27), (0, 0, 0), (-12, 18, 0), (7, 13, 1), (2**62, 2**61, 2**60)])
def test_gcd(a, b, c):
    check(m_gcd, a, b, c)


@pytest.mark.parametrize("a,b", [(1.0, 1.0 + 1e-10), (1.0, 1.001), (INF, INF), (INF, -INF), (0.0, 0.4), (NAN, NAN)])
def test_isclose(a, b):
    check(m_isclose, a, b)


@njit
def isclose_bad(a):
    return math.isclose(a, a, rel_tol=-1.0)


def test_isclose_negative_tolerance_raises():
    with pytest.raises(ValueError, match="tolerances must be non-negative"):
        isclose_bad(1.0)


@pytest.mark.parametrize("x", [0.0, -0.0, 1.0, 0.3, -8.5, 1e300, 5e-324, 2.2250738585072014e-308, INF, -INF])
def test_frexp(x):
    check(m_frexp, x)


def test_frexp_of_nan():
    m, e = m_frexp(NAN)
    assert math.isnan(m) and e == 0


@pytest.mark.parametrize("x", [3.5, -3.5, 0.0, -0.0, 1e20, INF, -INF, 7])
def test_modf(x):
    got = m_modf(x)
    expected = math.modf(x)
    for g, e in zip(got, expected):
        assert g == e and math.copysign(1, g) == math.copysign(1, e)


@pytest.mark.parametrize("x,i", [(0.75, 3), (1.0, -1074), (1.0, 1024), (-3.0, 0), (0.5, 100000)])
def test_ldexp(x, i):
    if x * 2.0 ** min(i, 1023) == INF or i > 1023:
        check_value(m_ldexp, (x, i), math.copysign(INF, x))
    else:
        check(m_ldexp, x, i)


@njit
def math_of_int_args(n):
    return math.sqrt(n), math.exp(n), math.floor(n), math.isnan(n)


@pytest.mark.parametrize("n", [0, 4, np.uint8(200), np.int64(-3)])
def test_math_takes_any_real(n):
    if n < 0:
        got = math_of_int_args(n)
        assert math.isnan(got[0])  # Python raises ValueError; Numba gives nan
    else:
        check_py(math_of_int_args, n)


@njit
def sqrt_negative(x):
    return math.sqrt(x), math.log(x)


def test_domain_errors_give_nan_as_in_numba():
    r = sqrt_negative(-1.0)
    assert math.isnan(r[0]) and math.isnan(r[1])


def test_overflow_gives_inf_as_in_numba():
    # Python raises OverflowError("math range error"); compiled code, like
    # Numba's, returns inf.
    assert m_copysign_hypot_atan2(1e300, 1e300)[3] == INF


@njit
def m_lcm_isqrt(a, b, n):
    return math.lcm(a, b), math.lcm(), math.lcm(a, b, 6), math.isqrt(n)


@pytest.mark.parametrize(
    "a,b,n", [(4, 6, 0), (0, 5, 1), (-4, 6, 15), (21, 6, 16), (7, 13, 2**62), (1, 1, 2**63 - 1), (3, 5, 10**18)]
)
def test_lcm_and_isqrt(a, b, n):
    check(m_lcm_isqrt, a, b, n)


def test_isqrt_of_negative_raises():
    with pytest.raises(ValueError, match="isqrt.. argument must be nonnegative"):
        m_lcm_isqrt(1, 1, -1)


@njit
def m_next_ulp_remainder(x, y):
    return math.nextafter(x, y), math.ulp(x), math.remainder(x, y)


@pytest.mark.parametrize("x,y", [(1.0, 2.0), (0.0, 1.0), (-1.5, -INF), (5.0, 3.0), (1.7976931348623157e308, INF)])
def test_nextafter_ulp_remainder(x, y):
    check(m_next_ulp_remainder, x, y)


def test_remainder_by_zero_is_nan_as_a_domain_error():
    # Python raises ValueError("math domain error"); compiled code gives nan.
    assert math.isnan(m_next_ulp_remainder(1.0, 0.0)[2])


def test_ulp_of_special_values():
    assert math.isnan(m_next_ulp_remainder(NAN, 1.0)[1])
    assert m_next_ulp_remainder(INF, 1.0)[1] == INF
