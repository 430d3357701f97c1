"""complex64 and complex128: Python's arithmetic, CPython's algorithms.

Complex numbers cannot cross the call boundary yet, so the kernels take and
return their parts.
"""

import cmath
import math

import numpy as np
import pytest

from mumba import njit
from helpers import check
from test_types_support import check_value, result_type

VALUES = [(1.5, -2.0), (0.0, 0.0), (-0.0, 1.0), (3.0, 4.0), (1e-300, 1e300), (-2.5, 0.0)]
PAIRS = [((1.5, -2.0), (0.5, 3.0)), ((1.0, 0.0), (0.0, 1.0)), ((-4.0, 2.0), (2.0, -1.0))]


def parts(z):
    return z.real, z.imag


@njit
def add_c(a, b, c, d):
    z = complex(a, b) + complex(c, d)
    return z.real, z.imag


@njit
def sub_c(a, b, c, d):
    z = complex(a, b) - complex(c, d)
    return z.real, z.imag


@njit
def mul_c(a, b, c, d):
    z = complex(a, b) * complex(c, d)
    return z.real, z.imag


@njit
def div_c(a, b, c, d):
    z = complex(a, b) / complex(c, d)
    return z.real, z.imag


@njit
def pow_c(a, b, c, d):
    z = complex(a, b) ** complex(c, d)
    return z.real, z.imag


@pytest.mark.parametrize("x,y", PAIRS)
def test_complex_add(x, y):
    check(add_c, *x, *y)


@pytest.mark.parametrize("x,y", PAIRS)
def test_complex_sub(x, y):
    check(sub_c, *x, *y)


@pytest.mark.parametrize("x,y", PAIRS + [((float("inf"), 1.0), (2.0, 0.0))])
def test_complex_mul(x, y):
    check(mul_c, *x, *y)


@pytest.mark.parametrize("x,y", PAIRS + [((1.0, 1.0), (1e-310, 1e-310)), ((5.0, 0.0), (0.0, -2.0))])
def test_complex_div(x, y):
    check(div_c, *x, *y)


def test_complex_div_by_zero_raises():
    with pytest.raises(ZeroDivisionError, match="complex division by zero"):
        div_c(1.0, 2.0, 0.0, 0.0)


@pytest.mark.parametrize(
    "x,y", [((1.0, 2.0), (2.0, 0.0)), ((1.0, 2.0), (-3.0, 0.0)), ((2.0, 0.5), (0.5, 0.25)), ((0.0, 0.0), (0.0, 0.0))]
)
def test_complex_pow(x, y):
    check(pow_c, *x, *y)


@pytest.mark.parametrize("y", [(-1.0, 0.0), (0.0, 1.0)])
def test_zero_to_negative_complex_power_raises(y):
    with pytest.raises(ZeroDivisionError, match="0.0 to a negative or complex power"):
        pow_c(0.0, 0.0, *y)


@njit
def int_pow(a, b, n):
    z = complex(a, b) ** n
    return z.real, z.imag


@pytest.mark.parametrize("n", [0, 1, 2, 5, -2, 100, 101])
def test_complex_integer_power_multiplies(n):
    # CPython multiplies for integral exponents up to 100: exact here.
    check(int_pow, 1.0, 2.0, n, rtol=1e-12)


@njit
def mixed(a, n):
    z = 1j * a + n
    w = z * 2 + 0.5 - n
    return w.real, w.imag


@pytest.mark.parametrize("a,n", [(1.5, 2), (-2.0, 0), (0.0, -7)])
def test_complex_mixes_with_int_and_float(a, n):
    check(mixed, a, n)


@njit
def literal_parts():
    z = 3 + 4j
    return z.real, z.imag, abs(z), (2j).imag, (-1j).imag


def test_complex_literals():
    check(literal_parts)


@njit
def abs_c(a, b):
    return abs(complex(a, b))


@pytest.mark.parametrize("x", VALUES + [(float("inf"), float("nan")), (-3.0, -4.0)])
def test_complex_abs(x):
    check(abs_c, *x)


@njit
def compare_c(a, b, c, d):
    z, w = complex(a, b), complex(c, d)
    return z == w, z != w, z == a, w != c


@pytest.mark.parametrize("x,y", PAIRS + [((1.0, 0.0), (1.0, 0.0)), ((float("nan"), 0.0), (float("nan"), 0.0))])
def test_complex_equality(x, y):
    check(compare_c, *x, *y)


@njit
def truth_c(a, b):
    z = complex(a, b)
    if z:
        return 1
    return 0


@pytest.mark.parametrize("x", [(0.0, 0.0), (-0.0, 0.0), (0.0, 1e-300), (float("nan"), 0.0)])
def test_complex_truth(x):
    check(truth_c, *x)


@njit
def neg_c(a, b):
    z = -complex(a, b)
    w = +z
    return w.real, w.imag, (not z)


@pytest.mark.parametrize("x", VALUES)
def test_complex_negation(x):
    check(neg_c, *x)


@njit
def complex_ctor(a, b):
    z = complex(a)
    w = complex(a, b)
    v = complex(imag=b)
    u = complex(w, w)
    return z.real, z.imag, w.real, v.imag, u.real, u.imag


@pytest.mark.parametrize("x", [(1.0, 2.0), (-3.0, 0.5), (0.0, -0.0)])
def test_complex_constructor(x):
    check(complex_ctor, *x)


@njit
def complex_from_int(n):
    z = complex(n, True)
    return z.real, z.imag


@pytest.mark.parametrize("n", [0, -5, 2**53 + 1])
def test_complex_from_int_and_bool(n):
    check(complex_from_int, n)


@njit
def real_imag_of_reals(i, f, b):
    return i.real, i.imag, f.real, f.imag, b.real, b.imag


@pytest.mark.parametrize("i,f,b", [(3, 2.5, True), (-7, -0.0, False)])
def test_real_and_imag_of_real_numbers(i, f, b):
    check(real_imag_of_reals, i, f, b)


@njit
def complex64_ops(a, b):
    z = np.complex64(complex(a, b))
    w = z * z + z
    return w.real, w.imag


@pytest.mark.parametrize("x", [(1.5, -2.0), (0.25, 0.5)])
def test_complex64_stays_complex64(x):
    z = np.complex64(complex(*x))
    w = z * z + z
    check_value(complex64_ops, x, (float(w.real), float(w.imag)), rtol=1e-6)
    assert result_type(complex64_ops) == "tuple<f32, f32>"


@njit
def complex_merge(c, a):
    z = a
    if c:
        z = complex(a, 1.0)
    return z.real, z.imag


@pytest.mark.parametrize("c", [True, False])
def test_complex_unifies_with_float(c):
    check_value(complex_merge, (c, 2.5), (2.5, 1.0 if c else 0.0))


@njit
def cmath_funcs(a, b):
    z = complex(a, b)
    s = cmath.sqrt(z)
    e = cmath.exp(z)
    l = cmath.log(z)
    return s.real, s.imag, e.real, e.imag, l.real, l.imag


@pytest.mark.parametrize("x", [(1.5, -2.0), (-4.0, 0.0), (0.25, 3.0), (2.0, 0.0)])
def test_cmath_sqrt_exp_log(x):
    check(cmath_funcs, *x, rtol=1e-12)


@njit
def cmath_trig(a, b):
    z = complex(a, b)
    s, c, t = cmath.sin(z), cmath.cos(z), cmath.tan(z)
    sh, ch, th = cmath.sinh(z), cmath.cosh(z), cmath.tanh(z)
    return s.real, s.imag, c.real, c.imag, t.real, t.imag, sh.real, sh.imag, ch.real, ch.imag, th.real, th.imag


@pytest.mark.parametrize("x", [(0.5, -0.25), (1.0, 1.0), (-2.0, 0.5)])
def test_cmath_trig_and_hyperbolic(x):
    check(cmath_trig, *x, rtol=1e-12)


@njit
def cmath_polar(a, b):
    z = complex(a, b)
    r, phi = cmath.polar(z)
    w = cmath.rect(r, phi)
    return r, phi, cmath.phase(z), w.real, w.imag


@pytest.mark.parametrize("x", [(1.0, 1.0), (-1.0, 0.0), (-1.0, -0.0), (0.0, 0.0), (3.0, -4.0)])
def test_cmath_polar_rect_phase(x):
    check(cmath_polar, *x, rtol=1e-12)


@njit
def cmath_classify(a, b):
    z = complex(a, b)
    return cmath.isnan(z), cmath.isinf(z), cmath.isfinite(z)


@pytest.mark.parametrize("x", [(1.0, 2.0), (float("nan"), 0.0), (0.0, float("-inf")), (float("inf"), float("nan"))])
def test_cmath_classify(x):
    check(cmath_classify, *x)


@njit
def cmath_log_base(a, b, base):
    z = cmath.log(complex(a, b), base)
    w = cmath.log10(complex(a, b))
    return z.real, z.imag, w.real, w.imag


@pytest.mark.parametrize("x", [(100.0, 0.0), (1.0, 1.0), (-10.0, 0.0)])
def test_cmath_log_with_base(x):
    check(cmath_log_base, *x, 10.0, rtol=1e-12)


@njit
def numpy_on_complex(a, b):
    z = complex(a, b)
    s = np.sqrt(z)
    e = np.exp(z)
    c = np.conj(z)
    return np.abs(z), s.real, s.imag, e.real, e.imag, c.imag, np.real(z), np.imag(z), np.isfinite(z)


@pytest.mark.parametrize("x", [(3.0, 4.0), (-1.0, 0.0), (0.5, -0.5)])
def test_numpy_functions_on_complex(x):
    z = complex(*x)
    s, e = np.sqrt(z), np.exp(z)
    expected = (
        float(np.abs(z)),
        float(s.real),
        float(s.imag),
        float(e.real),
        float(e.imag),
        float(np.conj(z).imag),
        float(np.real(z)),
        float(np.imag(z)),
        bool(np.isfinite(z)),
    )
    check_value(numpy_on_complex, x, expected, rtol=1e-12)


@njit
def mandel(cr, ci, n):
    c = complex(cr, ci)
    z = 0j
    for i in range(n):
        z = z * z + c
        if abs(z) > 2.0:
            return i
    return n


@pytest.mark.parametrize("c", [(-2.0, 0.5), (-0.5, 0.5), (0.3, 0.5), (0.0, 0.0), (2.0, 2.0)])
def test_mandelbrot_escape_time(c):
    check(mandel, *c, 50)


@njit
def square_c(z):
    return z * z


@njit
def through_callee(a):
    t = 0
    for x in a:
        t += square_c(complex(x, 1.0))
    return t.real, t.imag


@pytest.mark.parametrize("n", [0, 1, 4])
def test_complex_through_a_jitted_callee(n):
    a = np.arange(float(n))
    t = 0
    for x in a:
        t += complex(x, 1.0) ** 2
    check_value(through_callee, (a,), (float(complex(t).real), float(complex(t).imag)))
