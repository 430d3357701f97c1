"""Compile errors of indexing, attributes, unpacking and iteration."""

import numpy as np

from error_asserts import expect_error
from mumba import TypingError, UnsupportedError, njit


# -- items and attributes -------------------------------------------------------------


@njit
def e_float_index(a, x):
    return a[x]  # E-float-index


def test_float_index():
    expect_error(
        TypingError,
        lambda: e_float_index(np.zeros(3), 1.5),
        "invalid index of type 'float64' into 'array(float64, 1d, C)' (indices are integers)",
        "E-float-index",
        "a[x]",
    )


@njit
def e_row_index(a, i, j):
    return a[i, j, i]  # E-row-index


def test_too_many_indices():
    expect_error(
        TypingError,
        lambda: e_row_index(np.zeros((2, 2)), 0, 1),
        "too many indices for the 2-d array 'array(float64, 2d, C)': 3",
        "E-row-index",
        "a[i, j, i]",
    )


@njit
def e_hetero_index(x, i):
    t = (x, 2.5)
    return t[i]  # E-hetero-index


def test_dynamic_index_of_heterogeneous_tuple():
    expect_error(
        TypingError,
        lambda: e_hetero_index(1, 0),
        "cannot index the heterogeneous tuple 'tuple(int64, float64)' with a non-constant index "
        "(its element types differ)",
        "E-hetero-index",
        "t[i]",
    )


@njit
def e_static_index(x):
    t = (x, x)
    return t[5]  # E-static-index


def test_tuple_index_out_of_range():
    expect_error(
        TypingError,
        lambda: e_static_index(1),
        "tuple index 5 out of range for 'tuple(int64, int64)'",
        "E-static-index",
        "t[5]",
    )


@njit
def e_tuple_assign(x):
    t = (x, x)
    t[0] = 1  # E-tuple-assign
    return t


def test_tuple_item_assignment():
    expect_error(
        TypingError,
        lambda: e_tuple_assign(1),
        "cannot assign to an item of 'tuple(int64, int64)': tuples are immutable",
        "E-tuple-assign",
        "t[0]",
    )


@njit
def e_int_attr(x):
    return x.foo  # E-int-attr


def test_unknown_attribute_of_int():
    expect_error(TypingError, lambda: e_int_attr(1), "unknown attribute 'foo' of 'int64'", "E-int-attr", "x.foo")


@njit
def e_store_complex(a, x):
    a[0] = complex(x, 1.0)  # E-store-complex


def test_store_complex_into_float_array():
    expect_error(
        TypingError,
        lambda: e_store_complex(np.zeros(2), 1.0),
        "cannot store a value of type 'complex128' into 'array(float64, 1d, C)'",
        "E-store-complex",
        "a[0]",
    )


# -- unpacking and iteration ----------------------------------------------------------


@njit
def e_unpack_count(x):
    t = (x, x, x)
    a, b = t  # E-unpack-count
    return a + b


def test_unpack_wrong_count():
    expect_error(
        TypingError,
        lambda: e_unpack_count(1),
        "cannot unpack 'tuple(int64, int64, int64)' of 3 values into 2 targets",
        "E-unpack-count",
        "a, b",
    )


@njit
def e_unpack_int(x):
    a, b = x  # E-unpack-int
    return a


def test_unpack_a_number():
    expect_error(
        UnsupportedError,
        lambda: e_unpack_int(1),
        "unsupported: unpacking a value of type 'int64' (only tuples unpack)",
        "E-unpack-int",
        "a, b",
    )


@njit
def e_iterate_int(x):
    for i in x:  # E-iterate-int
        pass


def test_iterate_a_number():
    expect_error(
        UnsupportedError, lambda: e_iterate_int(3), "unsupported: iterating over 'int64'", "E-iterate-int", "x:"
    )


@njit
def e_enumerate_float(x):
    for i, v in enumerate(x):  # E-enumerate-float
        pass


def test_enumerate_of_a_float():
    expect_error(
        TypingError,
        lambda: e_enumerate_float(1.5),
        "invalid arguments to enumerate(): got (float64); it accepts "
        "(iterable: range, 1-d array, tuple, enumerate or zip, start: int = 0)",
        "E-enumerate-float",
        "enumerate(x)",
    )


@njit
def e_zip_int(a, n):
    for x, y in zip(a, n):  # E-zip-int
        pass


def test_zip_with_a_number():
    expect_error(
        TypingError,
        lambda: e_zip_int(np.zeros(2), 3),
        "invalid arguments to zip(): got (array(float64, 1d, C), int64); it accepts "
        "(iterable, ...: ranges, arrays, tuples, enumerate or zip objects)",
        "E-zip-int",
        "zip(a, n)",
    )


@njit
def e_reversed_array(a):
    for x in reversed(a):  # E-reversed-array
        pass


def test_reversed_array():
    expect_error(
        TypingError,
        lambda: e_reversed_array(np.zeros(2)),
        "invalid arguments to reversed(): got (array(float64, 1d, C)); it accepts (seq: range or tuple of numbers)",
        "E-reversed-array",
        "reversed(a)",
    )
