"""Compile errors of calls: builtins, math, NumPy, plain Python and jitted
callees, unknown names."""

import math

import numpy as np

from error_asserts import expect_error, note_at
from mumba import TypingError, UnsupportedError, njit


# -- calls ------------------------------------------------------------------------------


@njit
def e_sqrt_tuple(x):
    return math.sqrt((x, x))  # E-sqrt-tuple


def test_math_function_with_a_tuple():
    expect_error(
        TypingError,
        lambda: e_sqrt_tuple(1.0),
        "invalid arguments to math.sqrt(): got (tuple(float64, float64)); it accepts (x: real)",
        "E-sqrt-tuple",
        "math.sqrt(",
    )


@njit
def e_sqrt_complex(x):
    return math.sqrt(complex(x, 1.0))  # E-sqrt-complex


def test_math_function_with_a_complex():
    expect_error(
        TypingError,
        lambda: e_sqrt_complex(1.0),
        "invalid arguments to math.sqrt(): got (complex128); it accepts (x: real)",
        "E-sqrt-complex",
        "math.sqrt(",
    )


@njit
def e_atan2_arity(x):
    return math.atan2(x)  # E-atan2-arity


def test_math_function_arity():
    expect_error(
        TypingError,
        lambda: e_atan2_arity(1.0),
        "invalid arguments to math.atan2(): got (float64); it accepts (y: real, x: real)",
        "E-atan2-arity",
        "math.atan2(x)",
    )


@njit
def e_range_float(x):
    return range(x)  # E-range-float


def test_range_of_a_float():
    expect_error(
        TypingError,
        lambda: e_range_float(2.5),
        "invalid arguments to range(): got (float64); it accepts (stop: int) or (start: int, stop: int[, step: int])",
        "E-range-float",
        "range(x)",
    )


@njit
def e_len_int(x):
    return len(x)  # E-len-int


def test_len_of_an_int():
    expect_error(
        TypingError,
        lambda: e_len_int(3),
        "invalid arguments to len(): got (int64); it accepts (obj: array, tuple, range or str)",
        "E-len-int",
        "len(x)",
    )


@njit
def e_int_complex(x):
    return int(complex(x, 0.0))  # E-int-complex


def test_int_of_a_complex():
    expect_error(
        TypingError,
        lambda: e_int_complex(1.0),
        "invalid arguments to int(): got (complex128); it accepts (x: real)",
        "E-int-complex",
        "int(complex",
    )


@njit
def e_round_digits(x):
    return round(x, 2.5)  # E-round-digits


def test_round_with_float_digits():
    expect_error(
        TypingError,
        lambda: e_round_digits(1.5),
        "invalid arguments to round(): got (float64, float64); it accepts (number: real, ndigits: int = None)",
        "E-round-digits",
        "round(x, 2.5)",
    )


@njit
def e_isinstance_value(x):
    return isinstance(x, 3)  # E-isinstance-value


def test_isinstance_with_a_value():
    expect_error(
        TypingError,
        lambda: e_isinstance_value(1),
        "invalid arguments to isinstance(): got (int64, int64); it accepts "
        "(obj, classinfo: int, float, bool, complex, tuple, a NumPy scalar type or a tuple of those)",
        "E-isinstance-value",
        "isinstance(x, 3)",
    )


@njit
def e_zeros_order(n):
    return np.zeros(n, order="F")  # E-zeros-order


def test_unexpected_keyword():
    expect_error(
        TypingError,
        lambda: e_zeros_order(3),
        "numpy.zeros() got an unexpected keyword argument 'order'",
        "E-zeros-order",
        "np.zeros(",
    )


@njit
def e_floor_keyword(x):
    return math.floor(x=x)  # E-floor-keyword


def test_keyword_to_a_positional_only_function():
    expect_error(
        TypingError,
        lambda: e_floor_keyword(1.5),
        "math.floor() takes no keyword arguments",
        "E-floor-keyword",
        "math.floor(",
    )


@njit
def e_float32_tuple(x):
    return np.float32((x, x))  # E-float32-tuple


def test_numpy_scalar_type_with_a_tuple():
    expect_error(
        TypingError,
        lambda: e_float32_tuple(1.0),
        "invalid arguments to numpy.float32(): got (tuple(float64, float64)); it accepts (x: real)",
        "E-float32-tuple",
        "np.float32(",
    )


@njit
def e_float64_complex(x):
    return np.float64(complex(x, 1.0))  # E-float64-complex


def test_numpy_real_type_of_a_complex():
    expect_error(
        TypingError,
        lambda: e_float64_complex(1.0),
        "invalid arguments to numpy.float64(): got (complex128); it accepts (x: real)",
        "E-float64-complex",
        "np.float64(",
    )


@njit
def e_numpy_sum(a):
    return np.sum(a)  # E-numpy-sum


def test_unsupported_numpy_function():
    expect_error(
        UnsupportedError,
        lambda: e_numpy_sum(np.zeros(2)),
        "unsupported: call to 'numpy.sum' in nopython mode",
        "E-numpy-sum",
        "np.sum",
    )


@njit
def e_math_nosuch(x):
    return math.nosuch(x)  # E-math-nosuch


def test_attribute_the_module_lacks():
    expect_error(
        UnsupportedError,
        lambda: e_math_nosuch(1.0),
        "unsupported attribute 'nosuch': module 'math' has no such attribute",
        "E-math-nosuch",
        "math.nosuch",
    )


def plain_helper(x):
    return x


@njit
def e_plain_call(x):
    return plain_helper(x)  # E-plain-call


def test_call_of_a_plain_python_function():
    expect_error(
        UnsupportedError,
        lambda: e_plain_call(1),
        "unsupported use of global 'plain_helper': call to the plain Python function 'plain_helper' "
        "(decorate it with @njit)",
        "E-plain-call",
        "plain_helper",
    )


@njit
def e_callee(x):
    return x + (x,)  # E-callee-inner


@njit
def e_caller(x):
    return e_callee(x)  # E-callee-outer


def test_error_inside_a_jitted_callee_names_both_places():
    err = expect_error(
        TypingError,
        lambda: e_caller(2),
        "invalid operand types for +: 'int64' and 'tuple(int64)'",
        "E-callee-inner",
        "x + (x,)",
    )
    note_at(err, "error: while specialising 'e_callee' for argument types (int64)", "E-callee-outer", "e_callee(x)")


@njit
def e_arity_callee(a, b):
    return a + b


@njit
def e_arity_caller(x):
    return e_arity_callee(x, x, x)  # E-arity


def test_jitted_call_with_too_many_arguments():
    expect_error(
        TypingError,
        lambda: e_arity_caller(1),
        "e_arity_callee() takes 2 arguments but 3 were given",
        "E-arity",
        "e_arity_callee(",
    )


@njit
def e_unknown_name(x):
    return x + no_such_name_anywhere  # E-unknown-name  # noqa: F821


def test_unknown_global_name():
    expect_error(
        UnsupportedError,
        lambda: e_unknown_name(1),
        "unsupported name 'no_such_name_anywhere': it is not a local, global or builtin name",
        "E-unknown-name",
        "no_such_name_anywhere",
    )
