"""Arrays as values: element-wise operators, broadcasting, slice
assignment, in-place updates, with NumPy as the oracle (values, dtypes and
shapes) over dtypes, ranks, layouts and empty arrays."""

from __future__ import annotations

import operator

import numpy as np
import pytest

import mumba
from mumba import MumbaError, njit

DTYPES = ["bool", "int8", "uint8", "int32", "int64", "uint64", "float32", "float64",
          "complex64", "complex128"]

BINARY = {
    "add": operator.add, "sub": operator.sub, "mul": operator.mul,
    "truediv": operator.truediv, "floordiv": operator.floordiv, "mod": operator.mod,
    "pow": operator.pow, "and": operator.and_, "or": operator.or_, "xor": operator.xor,
    "lshift": operator.lshift, "rshift": operator.rshift,
    "lt": operator.lt, "le": operator.le, "eq": operator.eq, "ne": operator.ne,
    "gt": operator.gt, "ge": operator.ge,
}

# One jitted function per operator, written as a user would.
def _add(a, b): return a + b
def _sub(a, b): return a - b
def _mul(a, b): return a * b
def _truediv(a, b): return a / b
def _floordiv(a, b): return a // b
def _mod(a, b): return a % b
def _pow(a, b): return a ** b
def _and(a, b): return a & b
def _or(a, b): return a | b
def _xor(a, b): return a ^ b
def _lshift(a, b): return a << b
def _rshift(a, b): return a >> b
def _lt(a, b): return a < b
def _le(a, b): return a <= b
def _eq(a, b): return a == b
def _ne(a, b): return a != b
def _gt(a, b): return a > b
def _ge(a, b): return a >= b

PY = {name: globals()["_" + name] for name in BINARY}
JIT = {name: njit(fn) for name, fn in PY.items()}


def values(dtype, n=6, shift=False):
    """Test data of `dtype`: negatives, zeros and small numbers; shift
    counts stay in 0..7 (NumPy's shifts by more are the C library's)."""
    if shift:
        return (np.arange(n) % 8).astype(dtype)
    base = np.array([3, -2, 0, 5, 1, -7, 2, 4, -1, 6, 0, 9][:n])
    if dtype == "bool":
        return base > 0
    if dtype.startswith("uint"):
        base = np.abs(base)
    arr = base.astype(dtype)
    if dtype.startswith("complex"):
        arr = arr + 1j * np.arange(n).astype(dtype)
    elif dtype.startswith("float"):
        arr = arr * 0.75
    return arr


def check(name, a, b):
    """The compiled operator agrees with NumPy: same values, dtype, shape;
    where NumPy refuses the dtypes, compiling fails with a typing error."""
    with np.errstate(all="ignore"):
        try:
            expected = BINARY[name](a, b)
        except (TypeError, ValueError) as exc:
            expected = exc
    if isinstance(expected, Exception):
        with pytest.raises((MumbaError, TypeError, ValueError)):
            JIT[name](a, b)
        return
    got = JIT[name](a, b)
    assert isinstance(got, np.ndarray)
    assert got.dtype == expected.dtype, (name, a.dtype, getattr(b, "dtype", type(b)))
    assert got.shape == expected.shape
    if got.dtype.kind in "fc":
        single = got.dtype in (np.float32, np.complex64)
        np.testing.assert_allclose(got, expected, rtol=2e-6 if single else 1e-12, equal_nan=True)
    else:
        np.testing.assert_array_equal(got, expected)


def _skip_pow_negative(name, a, b):
    # NumPy raises ValueError for integer arrays to negative powers; array
    # elements cannot raise in compiled code (docs/arrays.md).
    return name == "pow" and np.asarray(b).dtype.kind in "iu" and np.any(np.asarray(b) < 0)


@pytest.mark.parametrize("name", list(BINARY))
@pytest.mark.parametrize("dtype", DTYPES)
def test_operator_same_dtype(name, dtype):
    a = values(dtype)
    b = values(dtype, shift=name in ("lshift", "rshift") and dtype != "bool")
    if name == "pow" and dtype not in ("bool",) and np.dtype(dtype).kind in "iu":
        b = np.abs(b.astype(np.int64)).astype(dtype) % 4
    if (name in ("lt", "le", "gt", "ge", "pow")) and dtype.startswith("complex"):
        # Not compiled yet (docs/arrays.md): a typing error, never a wrong
        # answer.
        with pytest.raises(MumbaError, match="complex"):
            JIT[name](a, b)
        return
    check(name, a, b)


MIXED = [("int8", "uint8"), ("int32", "float32"), ("int16", "float32"), ("uint64", "int64"),
         ("bool", "int32"), ("float32", "float64"), ("float32", "complex64"),
         ("int64", "complex128"), ("uint8", "float64"), ("bool", "float32")]


@pytest.mark.parametrize("name", ["add", "mul", "truediv", "floordiv", "lt", "eq"])
@pytest.mark.parametrize("l,r", MIXED)
def test_operator_mixed_dtypes(name, l, r):
    if name in ("floordiv", "lt") and "complex" in l + r:
        return check_refused(name, values(l), values(r))
    check(name, values(l), values(r))


def check_refused(name, a, b):
    with pytest.raises((MumbaError, TypeError)):
        JIT[name](a, b)


# Python scalars are weaker than arrays (NumPy 1.24's value-based casting).
def _times_three(a): return a * 3
def _plus_1000(a): return a + 1000
def _times_two_float(a): return a * 2.0
def _minus_one(a): return a - 1
def _plus_complex(a): return a + 1j
def _scalar_first(a): return 2.5 - a


@pytest.mark.parametrize("fn", [_times_three, _plus_1000, _times_two_float, _minus_one,
                                _plus_complex, _scalar_first])
@pytest.mark.parametrize("dtype", ["int8", "uint8", "int32", "float32", "float64", "bool"])
def test_literal_scalars(fn, dtype):
    a = values(dtype)
    with np.errstate(all="ignore"):
        try:
            expected = fn(a)
        except TypeError:
            with pytest.raises((MumbaError, TypeError)):
                njit(fn)(a)
            return
    got = njit(fn)(a)
    assert got.dtype == expected.dtype, (fn.__name__, dtype)
    np.testing.assert_allclose(got, expected, rtol=1e-6)


def _expression(a, b):
    return a * b + 2.0 * a - b / 3.0


def _unary(a):
    return -a, +a, abs(a)


def _invert(a):
    return ~a


@pytest.mark.parametrize("dtype", DTYPES)
def test_unary(dtype):
    a = values(dtype)
    if dtype == "bool":
        with pytest.raises(MumbaError, match="boolean negative"):
            njit(_unary)(a)
    else:
        for got, expected in zip(njit(_unary)(a), _unary(a)):
            assert got.dtype == expected.dtype
            np.testing.assert_allclose(got, expected)
    if dtype.startswith(("float", "complex")):
        with pytest.raises(MumbaError, match="invert"):
            njit(_invert)(a)
    else:
        got, expected = njit(_invert)(a), _invert(a)
        assert got.dtype == expected.dtype
        np.testing.assert_array_equal(got, expected)


def _layouts():
    base = np.arange(48.0).reshape(6, 8) * 0.5 - 3
    return {
        "C": base,
        "F": np.asfortranarray(base),
        "strided": base[::2, 1::3],
        "negative": base[::-1, ::-2],
        "transposed": base.T,
        "empty": base[:0],
    }


@pytest.mark.parametrize("layout", list(_layouts()))
def test_layouts(layout):
    a = _layouts()[layout]
    b = np.ones(a.shape[-1])
    got, expected = njit(_expression)(a, b), _expression(a, b)
    assert got.shape == expected.shape and got.flags.c_contiguous
    np.testing.assert_allclose(got, expected)


@pytest.mark.parametrize("shapes", [((3, 1), (4,)), ((2, 1, 5), (3, 1)), ((1,), (0,)),
                                    ((4, 1, 2, 1), (3, 1, 6)), ((), (3,)), ((5,), ())])
def test_broadcasting(shapes):
    a = np.arange(int(np.prod(shapes[0]))).reshape(shapes[0]).astype(float) + 1
    b = np.arange(int(np.prod(shapes[1]))).reshape(shapes[1]).astype(float) - 2
    got = JIT["mul"](a, b)
    np.testing.assert_allclose(got, a * b)
    assert got.shape == (a * b).shape


@pytest.mark.parametrize("shapes", [((3,), (4,)), ((2, 3), (4, 1, 2)), ((0,), (2,))])
def test_shapes_that_do_not_broadcast(shapes):
    a, b = np.zeros(shapes[0]), np.zeros(shapes[1])
    with pytest.raises(ValueError) as info:
        JIT["add"](a, b)
    with pytest.raises(ValueError) as expected:
        a + b
    assert str(info.value) == str(expected.value)


def test_truth_of_an_array_is_a_typing_error():
    def f(a):
        if a:
            return 1
        return 0

    def g(a):
        return not a

    with pytest.raises(MumbaError, match="ambiguous"):
        njit(f)(np.zeros(3))
    with pytest.raises(MumbaError, match="ambiguous"):
        njit(g)(np.zeros(3))


# Slice assignment and in-place updates.
def _jacobi(u):
    u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    return u


def _shift_add(a):
    a[1:] += a[:-1]
    return a


def _column_row(m, v):
    m[:, 0] = v
    m[1] = 7
    m[0, 1:] *= 2
    m[2, ::2] = m[1, ::2] - 1
    return m


def _rebind(a):
    b = a
    a = a + 1
    return a, b


def _view_update(a):
    b = a[::2]
    b += 1
    return a


def _fill(a, x):
    a[:] = x
    return a


@pytest.mark.parametrize("layout", ["C", "F", "strided", "negative"])
def test_jacobi_sweep(layout):
    u = _layouts()[layout].copy() if layout in ("C", "F") else _layouts()[layout]
    expected = _jacobi(np.array(u, copy=True))
    got = njit(_jacobi)(np.array(u, copy=True, order="K"))
    np.testing.assert_allclose(got, expected)


def test_overlapping_update_reads_old_values():
    a = np.arange(8.0)
    np.testing.assert_array_equal(njit(_shift_add)(a.copy()), _shift_add(a.copy()))
    # Negative strides overlapping the other way.
    b = np.arange(8.0)[::-1]
    np.testing.assert_array_equal(njit(_shift_add)(b.copy()[::1]), _shift_add(b.copy()[::1]))


def test_rows_columns_and_augmented_slices():
    m, v = np.ones((3, 4)), np.arange(3.0)
    np.testing.assert_array_equal(njit(_column_row)(m.copy(), v), _column_row(m.copy(), v))


def test_rebinding_and_views():
    a = np.arange(5.0)
    got_a, got_b = njit(_rebind)(a)
    assert got_b is not got_a and np.array_equal(got_b, a) and np.array_equal(got_a, a + 1)
    x = np.zeros(6)
    njit(_view_update)(x)
    np.testing.assert_array_equal(x, [1, 0, 1, 0, 1, 0])


@pytest.mark.parametrize("dtype", ["int32", "float32", "complex128", "bool"])
def test_fill_converts_to_the_dtype(dtype):
    a = np.zeros(4, dtype)
    np.testing.assert_array_equal(njit(_fill)(a.copy(), 3), _fill(a.copy(), 3))


def test_assignment_that_does_not_broadcast():
    def f(a):
        a[:] = np.zeros(3) + 1
        return a

    with pytest.raises(ValueError, match=r"could not broadcast input array from shape \(3,\) into shape \(4,\)"):
        njit(f)(np.zeros(4))


def test_inplace_result_of_a_higher_kind_is_refused():
    def f(a, b):
        a += b
        return a

    with pytest.raises(MumbaError, match="same_kind"):
        njit(f)(np.zeros(3, np.int64), np.ones(3))


@pytest.mark.parametrize("ndim", [1, 2, 3, 4])
def test_ranks(ndim):
    a = np.arange(2 ** ndim * 3, dtype=float).reshape((2,) * (ndim - 1) + (-1,))
    np.testing.assert_allclose(njit(_expression)(a, a), _expression(a, a))


def test_results_are_freed():
    def f(a, b):
        return a * b + 1.0

    jf = njit(f)
    a = np.ones(50)
    jf(a, a)
    before = mumba._mumba.live_allocations()
    for _ in range(100_000):
        jf(a, a)
    assert mumba._mumba.live_allocations() == before


def test_fused_expression_allocates_one_buffer():
    def f(a, b):
        return a * b + 2.0 * np.float64(1.0) * a - b / 3.0

    jf = njit(f)
    a = np.ones(4)
    jf(a, a)
    std = jf.inspect_mlir("std")
    # One buffer; one loop for inputs of the result's shape and one for
    # broadcasting ones, chosen at run time.
    assert std.count("memref.alloc(") == 1 and std.count("scf.for") == 2
    before = mumba._mumba.live_allocations()
    result = jf(a, a)
    assert mumba._mumba.live_allocations() == before + 1  # the result alone
    del result
