"""Arrays too big to describe or to allocate (issue 17, "never lie"): every
array compiled code allocates raises NumPy's exception with NumPy's message,
ValueError before allocating when the byte size overflows, MemoryError when
the allocator fails, instead of a segfault, a corrupted heap or an "array"
over a one-byte buffer."""

from __future__ import annotations

import linecache

import numpy as np
import pytest

from mumba import _mumba, njit


def outcome(fn, *args):
    """('ok', shape, dtype) or (exception class, message) of fn(*args)."""
    try:
        result = fn(*args)
    except (ValueError, MemoryError, ZeroDivisionError) as error:
        # NumPy's _ArrayMemoryError is a MemoryError; compiled code raises
        # the builtin.
        kind = MemoryError if isinstance(error, MemoryError) else type(error)
        return kind, str(error)
    return "ok", result.shape, result.dtype


def agree(fn, *args):
    before = _mumba.live_allocations()
    expected = outcome(fn.py_func, *args)
    assert outcome(fn, *args) == expected, args
    assert _mumba.live_allocations() == before  # nothing leaked on raising
    return expected


#: Constructors by name: a body over `shape` (a tuple built in the function,
#: since tuples are not arguments).
BODIES = {
    "zeros": "np.zeros(shape)",
    "empty_i8": "np.empty(shape, np.int8)",
    "ones_bool": "np.ones(shape, np.bool_)",
    "full_i16": "np.full(shape, 7, np.int16)",
    "zeros_c128": "np.zeros(shape, dtype=np.complex128)",
}


def constructor(name, ndim):
    """The jitted `name` taking the `ndim` extents as arguments."""
    params = ", ".join(f"d{i}" for i in range(ndim))
    shape = params if ndim != 1 else "d0"
    source = f"def {name}({params}):\n    shape = ({shape})\n    return {BODIES[name]}\n"
    # Registered with linecache so that the frontend can read the source.
    filename = f"<array_limits {name} {ndim}d>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    scope = {"np": np}
    exec(compile(source, filename, "exec"), scope)
    return njit(scope[name])


_JITTED = {}


def build(name, shape):
    shape = shape if isinstance(shape, tuple) else (shape,)
    key = (name, len(shape))
    if key not in _JITTED:
        _JITTED[key] = constructor(name, len(shape))
    return _JITTED[key], shape


TOO_BIG = [
    2**61,
    2**62,
    2**63 - 1,
    (2**32, 2**32),
    (3, 2**61),
    (2**62, 2**62, 0),  # NumPy skips zero extents, so still too big
    (0, 2**62, 2**62),
]


@pytest.mark.parametrize("name", BODIES)
@pytest.mark.parametrize("shape", TOO_BIG, ids=str)
def test_overflowing_size_is_value_error(name, shape):
    fn, dims = build(name, shape)
    kind, message = agree(fn, *dims)[:2]
    # Not every dtype overflows at 2**61 (int8, bool): those are MemoryError.
    assert kind in (ValueError, MemoryError)
    if kind is ValueError:
        assert message.startswith("array is too big; `arr.size * arr.dtype.itemsize`")


@pytest.mark.parametrize("name", BODIES)
@pytest.mark.parametrize(
    "shape",
    [2**55, (2**40, 2**10), (2**27, 2**28), (7, 3, 2**50)],
    ids=str,
)
def test_failed_allocation_is_memory_error(name, shape):
    # Every size is past the 47-bit address space, so no allocator can
    # succeed, overcommitting or not.
    fn, dims = build(name, shape)
    kind, message = agree(fn, *dims)[:2]
    assert kind is MemoryError
    assert message.startswith("Unable to allocate ")


def test_memory_error_message_is_numpys():
    assert agree(build("empty_i8", 1)[0], 2**63 - 1) == (
        MemoryError,
        "Unable to allocate 8.00 EiB for an array with shape "
        "(9223372036854775807,) and data type int8",
    )
    assert agree(build("zeros", (1, 1))[0], 2**40, 2**10) == (
        MemoryError,
        "Unable to allocate 8.00 PiB for an array with shape "
        "(1099511627776, 1024) and data type float64",
    )


@pytest.mark.parametrize("name", BODIES)
@pytest.mark.parametrize("shape", [0, 5, (0, 2**40), (2**40, 0), (3, 0, 7)], ids=str)
def test_sizes_that_fit_still_work(name, shape):
    fn, dims = build(name, shape)
    expected = agree(fn, *dims)
    assert expected[0] == "ok"


@njit
def arange2(a, b):
    return np.arange(a, b)


@njit
def arange3(a, b, s):
    return np.arange(a, b, s)


@pytest.mark.parametrize(
    "args",
    [
        (-(2**63), 2**63 - 1),  # stop - start does not fit an int64
        (0, 2**62),  # fits as a length, not as bytes
        (0, 2**59),
        (2**63 - 1, -(2**63)),
        (5, -3),
        (-3, 5),
    ],
    ids=str,
)
def test_arange_int_lengths(args):
    agree(arange2, *args)


@pytest.mark.parametrize(
    "args",
    [
        (0, 10, 0),
        (0.0, 10.0, 0.0),
        (0.0, 1e300, 1.0),
        (0.0, -1e300, 1.0),  # NumPy range-checks the signed count
        (0.0, float("inf"), 1.0),
        (0.0, float("nan"), 1.0),
        (0.0, 1.0, 1e-300),
        (0.0, 1.0, 0.25),
        (10, 0, -(2**63)),
        (0, 2**63 - 1, 3),
        (-(2**63), 2**63 - 1, 2**62),
    ],
    ids=str,
)
def test_arange_errors_and_lengths(args):
    agree(arange3, *args)


@njit
def copies(a):
    return a.copy(), np.zeros_like(a), np.empty_like(a), np.ones_like(a)


@pytest.mark.parametrize("shape", [(0,), (4, 0), (3, 5)], ids=str)
def test_copies_go_through_the_checked_allocation(shape):
    a = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
    got = copies(a)
    assert [x.shape for x in got] == [shape] * 4
    np.testing.assert_array_equal(got[0], a)


@njit
def add(a, b):
    return a + b


@pytest.mark.parametrize(
    "rows, cols",
    [(2**40, 2**40), (2**20, 2**30), (2**31, 2**31), (2**32, 2**31)],
    ids=str,
)
def test_array_expression_results_are_checked(rows, cols):
    # Zero-stride views: huge shapes without memory, whose broadcast result
    # is too big to describe or to allocate.
    a = np.broadcast_to(np.zeros((1, 1)), (rows, 1))
    b = np.broadcast_to(np.ones((1, 1)), (1, cols))
    agree(add, a, b)
