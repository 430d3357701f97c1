"""Errors: typing and unsupported features with source locations, runtime
faults raised as Python exceptions."""

import re

import numpy as np
import pytest

import mumba
from mumba import MumbaError, TypingError, UnsupportedError, njit
from error_asserts import points_at
from helpers import check


@njit
def bad_add(x):
    t = (1, 2)
    return x + t  # MARK-typing


def test_typing_error_has_location():
    with pytest.raises(TypingError) as info:
        bad_add(1.5)
    assert not isinstance(info.value, UnsupportedError)
    points_at(info.value, "MARK-typing", "x + t")


@njit
def bad_call(x):
    return len(x)  # MARK-len


def test_typing_error_on_call():
    with pytest.raises(TypingError) as info:
        bad_call(2.0)
    points_at(info.value, "MARK-len", "len(x)")


@njit
def uses_bytes(x):
    s = b"hello"  # MARK-bytes
    return x


@njit
def uses_dict(x):
    d = {1: x}  # MARK-dict
    return x


class _Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


CTX = _Ctx()


@njit
def uses_with(x):
    with CTX:  # MARK-with
        x = x + 1
    return x


@njit
def uses_list(x):
    return [x, x]  # MARK-list


@njit
def uses_ellipsis(a):
    a[...] = 0.0  # MARK-ellipsis
    return a


@njit
def uses_try(x):
    try:  # MARK-try
        return x
    except Exception:
        return 0


@njit
def uses_undefined(x):
    return x + not_defined_anywhere  # MARK-undef


@njit
def uses_comprehension(n):
    return sum([i for i in range(n)])  # MARK-comp


@pytest.mark.parametrize(
    "fn,arg,marker,column_text",
    [
        (uses_bytes, 1, "MARK-bytes", 'b"hello"'),
        (uses_dict, 1, "MARK-dict", "{1: x}"),
        (uses_with, 1, "MARK-with", "with CTX"),
        (uses_list, 1, "MARK-list", "[x, x]"),
        (uses_ellipsis, np.zeros(3), "MARK-ellipsis", "..."),
        (uses_try, 1, "MARK-try", "try:"),
        (uses_undefined, 1, "MARK-undef", "not_defined_anywhere"),
        (uses_comprehension, 3, "MARK-comp", "[i for"),
    ],
)
def test_unsupported_features(fn, arg, marker, column_text):
    with pytest.raises(UnsupportedError) as info:
        fn(arg)
    assert str(info.value).startswith("unsupported")
    points_at(info.value, marker, column_text)


def test_error_hierarchy():
    assert issubclass(TypingError, MumbaError)
    assert issubclass(UnsupportedError, MumbaError)
    assert issubclass(MumbaError, Exception)
    assert mumba.__version__ == "0.1.0"


@njit
def int_div(a, b):
    return a // b


@njit
def int_mod(a, b):
    return a % b


@njit
def true_div(a, b):
    return a / b


@pytest.mark.parametrize("fn", [int_div, int_mod, true_div])
@pytest.mark.parametrize("a,zero", [(7, 0), (7.5, 0.0), (3, 0.0), (2.5, 0)])
def test_division_by_zero(fn, a, zero):
    with pytest.raises(ZeroDivisionError):
        fn.py_func(a, zero)
    with pytest.raises(ZeroDivisionError):
        fn(a, zero)
    # The function stays usable afterwards.
    check(fn, a, 2)
    with pytest.raises(ZeroDivisionError):
        fn(a, zero)


@njit
def div_in_loop(a, d):
    s = 0
    for i in range(a.shape[0]):
        s += a[i] // d[i]
    return s


def test_division_by_zero_inside_loop():
    a = np.arange(10, dtype=np.int64)
    d = np.ones(10, dtype=np.int64)
    d[7] = 0
    with pytest.raises(ZeroDivisionError):
        div_in_loop(a, d)
    d[7] = 3
    check(div_in_loop, a, d)


@njit
def identity(x):
    return x


@pytest.mark.parametrize(
    "value", ["text", [1, 2], None, np.zeros(3, dtype=np.float16), np.zeros((2, 2, 2, 2, 2)), np.float16(1)]
)
def test_unsupported_argument_types(value):
    with pytest.raises(TypingError) as info:
        identity(value)
    assert isinstance(info.value, TypeError)
    assert "'x'" in str(info.value)
