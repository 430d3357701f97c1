"""The objects a call returns (python/src/CompiledResult.cpp): Python types
and values per dtype (Numba's: every integer width is a Python int, both
float widths a Python float), complex, tuples, optionals, arrays that view
an argument and arrays compiled code made."""

from __future__ import annotations

import gc

import numpy as np
import pytest

from mumba import _mumba, njit


@njit
def identity(x):
    return x


@njit
def first(a):
    return a[0]


@njit
def pair(x, y):
    return x, y


@njit
def mixed(b, z, i):
    return i, b, z, i + 1


@njit
def positive_or_none(x):
    if x > 0:
        return x
    return None


@njit
def scaled_or_none(x):
    if x > 0:
        return x * 2.0
    return None


@njit
def with_optionals(x):
    # Each optional is its number then a flag: the offsets after it move.
    return scaled_or_none(x), x, positive_or_none(x)


@njit
def copy_of(a):
    return a.copy()


@njit
def two_new(n):
    return np.zeros(n), n, np.ones(n)


@njit
def argument_and_new(a):
    return a, a.copy()


# (value, the Python type Numba returns it as); extremes catch a wrong
# width or sign extension.
SCALARS = [
    (np.int8(-128), int),
    (np.int8(127), int),
    (np.int16(-32768), int),
    (np.int32(-(2**31)), int),
    (np.int64(-(2**63)), int),
    (np.int64(2**63 - 1), int),
    (np.uint8(255), int),
    (np.uint16(65535), int),
    (np.uint32(2**32 - 1), int),
    (np.uint64(2**64 - 1), int),
    (-7, int),
    (np.bool_(True), bool),
    (np.bool_(False), bool),
    (True, bool),
    (np.float32(1.1), float),
    (np.float64(-2.5e300), float),
    (0.1, float),
    (np.complex64(1.5 - 2.25j), complex),
    (np.complex128(3e200 + 1e-300j), complex),
    (-1j, complex),
]


@pytest.mark.parametrize("value,kind", SCALARS, ids=lambda v: repr(v))
def test_returned_scalar_type_and_value(value, kind):
    got = identity(value)
    assert type(got) is kind
    assert got == kind(value)  # exact: float32 widens without rounding


@pytest.mark.parametrize("value,kind", SCALARS, ids=lambda v: repr(v))
def test_array_element_type_and_value(value, kind):
    a = np.array([value, value])
    got = first(a)
    assert type(got) is kind
    assert got == kind(a[0])


def test_tuples_of_scalars():
    got = pair(3, 0.5)
    assert type(got) is tuple and got == (3, 0.5)
    assert [type(v) for v in got] == [int, float]
    got = pair(np.float32(0.25), np.int8(-3))
    assert got == (0.25, -3) and [type(v) for v in got] == [float, int]
    got = mixed(True, 2 - 1j, np.int16(-5))
    assert got == (-5, True, 2 - 1j, -4)
    assert [type(v) for v in got] == [int, bool, complex, int]


def test_optional_results():
    assert positive_or_none(-3) is None
    assert positive_or_none(3) == 3 and type(positive_or_none(3)) is int
    assert positive_or_none(0.0) is None
    assert positive_or_none(2.5) == 2.5 and type(positive_or_none(2.5)) is float
    assert with_optionals(2) == (4.0, 2, 2)
    assert with_optionals(-2) == (None, -2, None)
    assert [type(v) for v in with_optionals(3)] == [float, int, int]


@pytest.mark.parametrize("dtype", ["float64", "float32", "int8", "uint64", "bool", "complex128"])
def test_returned_argument_is_a_view_of_it(dtype):
    a = np.arange(6).astype(dtype)
    b = identity(a)
    # As docs/runtime.md promises: a view whose base is the argument.
    assert b.base is a
    assert b.dtype == a.dtype and b.shape == a.shape and b.strides == a.strides
    assert b.ctypes.data == a.ctypes.data
    np.testing.assert_array_equal(b, a)


def test_returned_argument_views_keep_layout_and_writability():
    m = np.arange(12.0).reshape(3, 4)
    for arg in (m, np.asfortranarray(m), m[:, ::2], m[::-1]):
        got = identity(arg)
        assert got.ctypes.data == arg.ctypes.data
        assert got.strides == arg.strides and got.shape == arg.shape
        np.testing.assert_array_equal(got, arg)
        assert got.flags.writeable
    frozen = np.arange(3.0)
    frozen.flags.writeable = False
    got = identity(frozen)
    assert not got.flags.writeable and np.shares_memory(got, frozen)
    # Writes through the view reach the argument, which keeps it alive.
    a = np.arange(4.0)
    b = identity(a)
    b[1] = 9.0
    assert a[1] == 9.0
    del a
    gc.collect()
    assert b[1] == 9.0


def test_new_arrays_own_their_memory():
    before = _mumba.live_allocations()
    a = np.arange(5.0)
    b = copy_of(a)
    assert not np.shares_memory(a, b)
    assert b.base is not None and not isinstance(b.base, np.ndarray)
    assert b.flags.writeable and b.flags.c_contiguous
    np.testing.assert_array_equal(b, a)
    assert _mumba.live_allocations() == before + 1
    del b
    gc.collect()
    assert _mumba.live_allocations() == before


def test_tuples_with_arrays():
    before = _mumba.live_allocations()
    z, n, o = two_new(3)
    assert n == 3 and type(n) is int
    np.testing.assert_array_equal(z, np.zeros(3))
    np.testing.assert_array_equal(o, np.ones(3))
    assert not np.shares_memory(z, o)
    a = np.arange(3.0)
    same, fresh = argument_and_new(a)
    assert same.base is a and not np.shares_memory(fresh, a)
    del z, o, fresh
    gc.collect()
    assert _mumba.live_allocations() == before
