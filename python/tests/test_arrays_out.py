"""Arrays created in compiled code and returned to NumPy (issue: arrays out)."""

from __future__ import annotations

import gc
import resource

import numpy as np
import pytest
from helpers import check, make_array

from mumba import njit
from mumba import _mumba


@njit
def zeros_1d(n):
    return np.zeros(n)


@njit
def ones_2d(n, m):
    return np.ones((n, m))


@njit
def empty_filled(n):
    a = np.empty(n)
    for i in range(n):
        a[i] = i * 0.5
    return a


@njit
def zeros_f32(n):
    return np.zeros(n, dtype=np.float32)


@njit
def zeros_typed(n, m):
    return np.zeros((n, m), np.int32)


@njit
def full_int(n, v):
    return np.full(n, v)


@njit
def full_float_3d(n):
    return np.full((n, 2, 3), 2.5)


@njit
def full_4d(n):
    return np.full((2, n, 2, 1), 7, dtype=np.int64)


@njit
def like(a):
    return np.zeros_like(a), np.ones_like(a), np.empty_like(a).shape[0]


@njit
def like_dtype(a):
    return np.ones_like(a, dtype=np.int32)


@njit
def arange_stop(n):
    return np.arange(n)


@njit
def arange_range(start, stop, step):
    return np.arange(start, stop, step)


@njit
def arange_float(stop):
    return np.arange(0.5, stop, 0.25)


@njit
def copy_of(a):
    b = a.copy()
    b[0] = -1
    return b


@njit
def identity(a):
    return a


@njit
def maybe_input(a, flag):
    if flag:
        return a
    return a.copy()


@njit
def temporaries(n):
    s = 0.0
    for k in range(3):
        t = np.ones(n)
        for i in range(n):
            s += t[i] * k
    return s


@njit
def pair(n):
    return np.zeros(n), n, np.arange(n)


@njit
def cumulative(a):
    out = np.empty_like(a)
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
        out[i] = s
    return out


@njit
def calls_alloc(n):
    a = arange_stop(n)
    s = 0
    for i in range(n):
        s += a[i]
    return s


@pytest.mark.parametrize("n", [0, 1, 5, 17])
def test_zeros_ones_empty(n):
    check(zeros_1d, n)
    check(ones_2d, n, 3)
    check(empty_filled, n)


@pytest.mark.parametrize("n", [0, 4])
def test_dtypes(n):
    assert zeros_f32(n).dtype == np.float32
    check(zeros_f32, n)
    check(zeros_typed, n, 2)
    assert zeros_typed(n, 2).dtype == np.int32


@pytest.mark.parametrize("v", [3, -2])
def test_full(v):
    check(full_int, 4, v)
    check(full_float_3d, 2)
    check(full_4d, 3)


@pytest.mark.parametrize("dtype", ["float64", "float32", "int64", "int32"])
@pytest.mark.parametrize("layout", ["C", "A"])
def test_like_and_copy(dtype, layout):
    a = make_array(6, dtype, layout)
    check(like, a)
    check(like_dtype, a)
    check(copy_of, a)
    assert copy_of(a).flags.c_contiguous


@pytest.mark.parametrize("args", [(0, 10, 3), (10, 0, -3), (5, 5, 1), (-3, 4, 2)])
def test_arange(args):
    check(arange_stop, args[1])
    check(arange_range, *args)
    check(arange_float, 3.0)


def test_zero_size_and_cumulative():
    check(zeros_1d, 0)
    check(cumulative, np.arange(6.0))
    check(cumulative, np.zeros(0))


def test_returned_argument_is_the_same_memory():
    a = np.arange(5.0)
    b = identity(a)
    assert np.shares_memory(a, b)
    b[0] = 42.0
    assert a[0] == 42.0
    # The input keeps the memory alive for the result.
    del a
    gc.collect()
    assert b[0] == 42.0
    c = np.arange(3.0)
    assert np.shares_memory(maybe_input(c, True), c)
    assert not np.shares_memory(maybe_input(c, False), c)


def test_owned_result_memory_is_numpys():
    a = zeros_1d(10)
    assert a.base is not None  # a capsule that frees the runtime buffer
    a[3] = 1.0
    assert a.sum() == 1.0


def test_tuple_of_arrays_and_scalars():
    check(pair, 4)
    check(pair, 0)


def test_arrays_across_jitted_calls():
    check(calls_alloc, 10)
    check(calls_alloc, 0)


def test_temporaries_are_freed():
    before = _mumba.live_allocations()
    for _ in range(100):
        temporaries(50)
    assert _mumba.live_allocations() == before


def test_returned_arrays_are_freed_with_numpy():
    zeros_1d(8)  # compile outside the count
    before = _mumba.live_allocations()
    for _ in range(1000):
        a = zeros_1d(8)
        del a
    gc.collect()
    assert _mumba.live_allocations() == before


def test_rss_stays_flat():
    n = 1000
    zeros_1d(n)
    for _ in range(2000):
        zeros_1d(n)
    gc.collect()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(20000):
        zeros_1d(n)
    gc.collect()
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # 20000 leaked arrays of 8 kB would be 160 MB; allow allocator noise.
    assert rss1 - rss0 < 8 * 1024, (rss0, rss1)


def test_negative_dimensions_raise_and_do_not_leak():
    before = _mumba.live_allocations()
    with pytest.raises(ValueError, match="negative dimensions are not allowed"):
        zeros_1d(-1)
    with pytest.raises(ValueError):
        np.zeros(-1)
    assert _mumba.live_allocations() == before
    check(zeros_1d, 2)


def test_arange_zero_step_raises():
    with pytest.raises(ZeroDivisionError):
        arange_range(0, 5, 0)
    with pytest.raises(ZeroDivisionError):
        np.arange(0, 5, 0)


@njit
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@njit
def write_first(a):
    a[0] = 1.0


def test_read_only_arrays_read_but_not_written():
    from mumba import TypingError

    a = np.arange(4.0)
    a.flags.writeable = False
    check(total, a)
    assert any("readonly" in t for sig in total.signatures for t in sig)
    with pytest.raises(TypingError, match="read-only array"):
        write_first(a)
    b = np.zeros(2)
    write_first(b)
    assert b[0] == 1.0
    # A copy of a read-only array is writable.
    c = copy_of(a)
    assert c.flags.writeable and c[0] == -1


@njit
def element_sum(a):
    t = 0
    for i in range(a.shape[0]):
        t += a[i]
    return t


@njit
def corner_4d(a):
    return a[1, 0, 1, 0] + a.shape[3]


@njit
def rank(a):
    return a.ndim


@njit
def zeros_0d():
    return np.zeros(())


@pytest.mark.parametrize(
    "dtype", ["int8", "int16", "uint8", "uint16", "uint32", "uint64", "bool_", "float32"]
)
def test_arguments_of_every_dtype(dtype):
    check(element_sum, np.arange(5).astype(dtype))


def test_zero_and_four_dimensional_arrays():
    check(corner_4d, np.arange(16.0).reshape(2, 2, 2, 2))
    check(rank, np.zeros(()))
    check(zeros_0d)
