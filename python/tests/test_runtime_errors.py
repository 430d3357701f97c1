"""Runtime errors: error models, bounds checks, exceptions from compiled code."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import check, check_outcome

from mumba import njit
import raising_kernels as rk
from raising_kernels import calls_checked, checked_sqrt, raise_bare_class, raise_in_loop


def _div(a, b):
    return a // b, a % b, a / b


def _fdiv(a, b):
    return a / b


def _get(a, i):
    return a[i]


def _get2(a, i, j):
    return a[i, j]


def _put(a, i, v):
    a[i] = v


py_div = njit(_div)
np_div = njit(error_model="numpy")(_div)
np_fdiv = njit(error_model="numpy")(_fdiv)
checked_get = njit(boundscheck=True)(_get)
checked_get2 = njit(boundscheck=True)(_get2)
checked_put = njit(boundscheck=True)(_put)
unchecked_get = njit(_get)


@pytest.mark.parametrize("a,b", [(7, 2), (-7, 2), (7, -2), (0, 5)])
def test_python_error_model_values(a, b):
    check(py_div, a, b)
    check(np_div, a, b)


@pytest.mark.parametrize("a", [7, -7, 0])
def test_python_error_model_raises(a):
    with pytest.raises(ZeroDivisionError):
        py_div(a, 0)
    with pytest.raises(ZeroDivisionError, match="float division by zero"):
        _fdiv(float(a), 0.0)
    with pytest.raises(ZeroDivisionError, match="float division by zero"):
        njit(_fdiv)(float(a), 0.0)


def test_numpy_error_model_integers_give_zero():
    q, r, t = np_div(7, 0)
    assert (q, r) == (0, 0)
    assert t == float("inf")


@pytest.mark.parametrize("a,expected", [(1.0, np.inf), (-1.0, -np.inf)])
def test_numpy_error_model_floats_follow_ieee(a, expected):
    assert np_fdiv(a, 0.0) == expected
    assert np.isnan(np_fdiv(0.0, 0.0))


@pytest.mark.parametrize("i", [0, 4, -1, -5])
def test_boundscheck_in_range(i):
    a = np.arange(5.0)
    check(checked_get, a, i)


@pytest.mark.parametrize("i", [5, 100, -6])
def test_boundscheck_raises_index_error(i):
    a = np.arange(5.0)
    with pytest.raises(IndexError) as info:
        checked_get(a, i)
    assert str(info.value) == f"index {i} is out of bounds for axis 0 with size 5"
    with pytest.raises(IndexError):
        a[i]


def test_boundscheck_axis_and_store():
    a = np.zeros((2, 3))
    with pytest.raises(IndexError, match="axis 1 with size 3"):
        checked_get2(a, 1, 3)
    with pytest.raises(IndexError, match="axis 0 with size 2"):
        checked_get2(a, -3, 0)
    b = np.zeros(3)
    with pytest.raises(IndexError):
        checked_put(b, 3, 1.0)
    checked_put(b, -1, 2.0)
    assert b[2] == 2.0


def test_without_boundscheck_negative_indices_wrap():
    a = np.arange(5.0)
    check(unchecked_get, a, -1)
    check(unchecked_get, a, -5)


def test_still_callable_after_an_exception():
    for _ in range(3):
        with pytest.raises(ZeroDivisionError):
            py_div(1, 0)
        check(py_div, 9, 4)
        with pytest.raises(IndexError):
            checked_get(np.zeros(2), 2)
        check(checked_get, np.arange(2.0), 1)


def test_zero_to_negative_power_raises():
    f = njit(lambda_pow)
    with pytest.raises(ZeroDivisionError):
        f(0, -1)
    with pytest.raises(ZeroDivisionError):
        lambda_pow(0.0, -1)
    assert f(2, 10) == 1024


def lambda_pow(a, b):
    return a ** b


INF = float("inf")
py_pow = njit(lambda_pow)
np_pow = njit(error_model="numpy")(lambda_pow)


@pytest.mark.parametrize(
    "a,b",
    [(0.0, -1), (-0.0, -1), (0.0, -2), (0.0, -1.0), (-0.0, -0.5), (0, -1.5),
     (0.0, -INF), (-0.0, -INF), (0.0, 0), (0.0, 3), (0.0, 0.5), (0.0, float("nan")),
     (2.0, -1), (-2.0, -3)],
)
def test_float_zero_to_negative_power_matches_python(a, b):
    # Python raises ZeroDivisionError("0.0 cannot be raised to a negative
    # power") for a float zero to a finite negative power (int or float);
    # -inf gives inf.
    check_outcome(py_pow, a, b)


def test_float32_zero_to_negative_power_raises_as_division_does():
    # The Python error model covers float32 too (as for 1 / 0), where a
    # NumPy scalar would give inf.
    for b in (-1, np.float32(-2.5)):
        with pytest.raises(ZeroDivisionError, match="^0.0 cannot be raised to a negative power$"):
            py_pow(np.float32(0), b)
    assert np_pow(np.float32(0), -1) == INF


def test_zero_to_negative_literal_power():
    check_outcome(njit(lambda x: x ** -2), 0.0)
    check_outcome(njit(lambda n: n ** -1), 0)  # a float: the literal is negative
    check_outcome(njit(lambda x: x ** -1), 4.0)


@pytest.mark.parametrize(
    "a,b,expected", [(0.0, -1, INF), (-0.0, -1, -INF), (-0.0, -2, INF), (0.0, -0.5, INF)]
)
def test_numpy_error_model_zero_power_is_ieee(a, b, expected):
    # NumPy's model: IEEE pow, an infinity signed for odd integral powers.
    with np.errstate(divide="ignore"):
        assert np_pow(a, b) == expected and np.power(a, float(b)) == expected
    assert np.signbit(np_pow(a, b)) == np.signbit(expected)


@pytest.mark.parametrize("x", [1, 5, -1, 3, 4])
def test_raise_and_assert_match_python(x):
    try:
        expected = checked_sqrt.py_func(x)
    except Exception as exc:  # noqa: BLE001 - compare with whatever Python raises
        with pytest.raises(type(exc)) as info:
            checked_sqrt(x)
        assert str(info.value) == str(exc)
    else:
        assert checked_sqrt(x) == expected


def test_raise_propagates_through_calls_and_loops():
    with pytest.raises(ValueError, match="non-negative"):
        calls_checked(-2)
    assert calls_checked(2) == 5
    with pytest.raises(KeyError):
        raise_bare_class(1)
    assert raise_bare_class(0) == 0
    with pytest.raises(OverflowError) as info:
        raise_in_loop(10)
    assert str(info.value) == str(OverflowError("too far", 7))
    assert raise_in_loop(5) == 10


def test_raise_of_non_builtin_is_unsupported():
    from mumba import UnsupportedError

    class MyError(Exception):
        pass

    def f(x):
        raise MyError("x")

    with pytest.raises(UnsupportedError, match="builtin exception class"):
        njit(f)(1)


def _softened(x, y):
    r2 = x * x + y * y + 1e-3
    return 1.0 / (r2 * (r2 ** 0.5))


def _inverse_square(x):
    return 1.0 / (x * x)


softened = njit(_softened)
inverse_square = njit(_inverse_square)


@pytest.mark.parametrize("x,y", [(0.0, 0.0), (1.0, -2.0), (1e-200, 0.0)])
def test_provably_nonzero_divisor_needs_no_test(x, y):
    check(softened, x, y)


def test_possibly_zero_divisor_still_raises():
    with pytest.raises(ZeroDivisionError, match="float division by zero"):
        inverse_square(0.0)
    with pytest.raises(ZeroDivisionError):
        _inverse_square(0.0)
    check(inverse_square, 2.0)


@njit
def count_down(n):
    if n == 0:
        return 0
    return count_down(n - 1) + 1


@njit
def is_even(n):
    return True if n == 0 else is_odd(n - 1)


@njit
def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def test_deep_recursion_raises_recursion_error_instead_of_crashing():
    assert count_down(10000) == 10000
    with pytest.raises(RecursionError, match="maximum recursion depth exceeded"):
        count_down(50_000_000)
    # The stack is back to normal afterwards.
    assert count_down(100) == 100
    with pytest.raises(RecursionError):
        is_even(50_000_000)
    assert is_even(10) is True


def test_only_recursive_functions_check_the_stack():
    assert "mumbaCheckStack" in count_down.inspect_mlir("std")
    assert "mumbaCheckStack" not in py_div.inspect_mlir("std")


def _floor_divmod(a, b):
    return a // b, a % b


def _floor_div_arrays(a, b, out):
    # Element by element: `a // b` on whole arrays is not typed yet.
    for i in range(a.shape[0]):
        out[i] = a[i] // b[i]


np_floor_divmod = njit(error_model="numpy")(_floor_divmod)
np_floor_div_arrays = njit(error_model="numpy")(_floor_div_arrays)

_INF, _NAN = float("inf"), float("nan")
# Signs, zeros of both signs, infinities and nan, as divisor and dividend.
_FLOOR_CASES = [
    (7.0, 0.0), (-7.0, 0.0), (7.0, -0.0), (-7.0, -0.0), (0.0, 0.0), (-0.0, 0.0),
    (0.0, -0.0), (_INF, 0.0), (-_INF, -0.0), (_NAN, 0.0), (7.0, 2.0), (-7.0, 2.0),
    (7.0, -2.0), (-7.0, -2.0), (0.0, -3.0), (-0.0, 3.0), (7.0, _INF), (-7.0, _INF),
    (7.0, -_INF), (_INF, 2.0), (-_INF, 2.0), (_INF, _INF), (_NAN, 2.0), (2.0, _NAN),
    (1e308, 1e-308), (5.0, 0.5),
]


def _same_float(got, expected):
    """Equal, nan to nan, and with the same sign for zeros."""
    if np.isnan(expected):
        return np.isnan(got)
    return got == expected and np.signbit(got) == np.signbit(expected)


@pytest.mark.parametrize("a,b", _FLOOR_CASES)
def test_numpy_error_model_floor_divide_is_numpys(a, b):
    q, r = np_floor_divmod(a, b)
    with np.errstate(all="ignore"):
        eq, er = np.floor_divide(a, b), np.remainder(a, b)
    assert _same_float(q, eq), (a, b, q, eq)
    assert _same_float(r, er), (a, b, r, er)


@pytest.mark.parametrize("a,b,expected", [(7, 0.0, _INF), (-7, 0.0, -_INF), (0, 0.0, _NAN), (7, -0.0, -_INF)])
def test_numpy_error_model_int_by_float_zero(a, b, expected):
    q, _ = np_floor_divmod(a, b)
    assert _same_float(q, expected), (a, b, q)


def test_numpy_error_model_floor_divide_float32_and_in_loops():
    a32, b32 = np.float32(-7.0), np.float32(0.0)
    q, _ = np_floor_divmod(a32, b32)
    assert q == -np.inf
    a = np.array([c[0] for c in _FLOOR_CASES])
    b = np.array([c[1] for c in _FLOOR_CASES])
    got = np.empty_like(a)
    np_floor_div_arrays(a, b, got)
    with np.errstate(all="ignore"):
        expected = np.floor_divide(a, b)
    assert all(_same_float(g, e) for g, e in zip(got, expected)), (got, expected)


def test_python_error_model_float_floor_divide_still_raises():
    with pytest.raises(ZeroDivisionError):
        njit(_floor_divmod)(7.0, 0.0)
@pytest.mark.parametrize(
    "f",
    [rk.assert_bare, rk.assert_message, rk.assert_number, rk.raise_class,
     rk.raise_empty, rk.raise_key, rk.raise_many, rk.raise_os],
    ids=lambda f: f.__name__,
)
def test_raised_exceptions_carry_python_args(f):
    # The same class and exactly the same args as CPython: none for a bare
    # assert or `raise KeyError`, not ('',); the same str() then follows.
    raised = 0
    for x in (1, -1):
        got = check_outcome(f, x)
        if isinstance(got, BaseException):
            raised += 1
            try:
                f.py_func(x)
            except Exception as exc:  # noqa: BLE001
                assert str(got) == str(exc)
    assert raised == 1
