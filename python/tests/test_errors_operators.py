"""Compile errors of operators: the message names the operator and both
types; the caret sits under the expression."""

import numpy as np

from error_asserts import expect_error
from mumba import TypingError, UnsupportedError, njit


# -- operators ----------------------------------------------------------------------


@njit
def e_add_tuple(x):
    t = (1, 2)
    return x + t  # E-add-tuple


def test_add_int_and_tuple():
    expect_error(
        TypingError,
        lambda: e_add_tuple(1),
        "invalid operand types for +: 'int64' and 'tuple(int64, int64)'",
        "E-add-tuple",
        "x + t",
    )


@njit
def e_shift_float(x, n):
    return x << n  # E-shift-float


def test_shift_of_float():
    expect_error(
        TypingError,
        lambda: e_shift_float(1.5, 2),
        "invalid operand types for <<: 'float64' and 'int64'",
        "E-shift-float",
        "x << n",
    )


@njit
def e_floordiv_complex(x):
    z = complex(x, 1.0)
    return (z // 2).real  # E-floordiv-complex


def test_floordiv_of_complex():
    expect_error(
        TypingError,
        lambda: e_floordiv_complex(1.0),
        "invalid operand types for //: 'complex128' and 'int64'",
        "E-floordiv-complex",
        "z // 2",
    )


@njit
def e_order_complex(x):
    return complex(x, 1.0) < complex(1.0, x)  # E-order-complex


def test_ordering_complex_numbers():
    expect_error(
        TypingError,
        lambda: e_order_complex(1.0),
        "'<' is not supported between 'complex128' and 'complex128'",
        "E-order-complex",
        "complex(x, 1.0) <",
    )


@njit
def e_invert_float(x):
    return ~x  # E-invert-float


def test_invert_float():
    expect_error(
        TypingError, lambda: e_invert_float(2.5), "bad operand type for unary ~: 'float64'", "E-invert-float", "~x"
    )


@njit
def e_negate_tuple(x):
    t = (x,)
    return -t  # E-negate-tuple


def test_negate_tuple():
    expect_error(
        TypingError, lambda: e_negate_tuple(1), "bad operand type for unary -: 'tuple(int64)'", "E-negate-tuple", "-t"
    )


@njit
def e_array_condition(a):
    if a:  # E-array-condition
        return 1
    return 0


def test_array_as_condition():
    expect_error(
        TypingError,
        lambda: e_array_condition(np.zeros(3)),
        "cannot use an array 'array(float64, 1d, C)' as a condition: its truth value is ambiguous "
        "(use a.any() or a.all() in Python, or test an element)",
        "E-array-condition",
        "a:",
    )


@njit
def e_str_arith(x):
    s = "total"
    return s + x  # E-str-arith


def test_string_arithmetic():
    expect_error(
        TypingError, lambda: e_str_arith(1), "invalid operand types for +: 'str' and 'int64'", "E-str-arith", "s + x"
    )


@njit
def e_in_int(x):
    return x in 5  # E-in-int


def test_membership_in_a_number():
    expect_error(
        UnsupportedError,
        lambda: e_in_int(1),
        "unsupported: 'in' with 'int64' and 'int64' (membership tests only look into tuples)",
        "E-in-int",
        "x in 5",
    )


@njit
def e_tuple_order(x):
    return (x, None) < (x, 3)  # E-tuple-order


def test_ordering_tuples_with_none():
    expect_error(
        TypingError,
        lambda: e_tuple_order(1),
        "'<' is not supported between 'tuple(int64, none)' and 'tuple(int64, int64)'",
        "E-tuple-order",
        "(x, None) <",
    )
