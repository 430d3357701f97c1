"""@vectorize: real NumPy ufuncs whose loops are compiled kernels, compared
with the same computation in NumPy over dtypes, layouts, broadcasting and
every ufunc method."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

import mumba
from helpers import make_array
from ufunc_kernels import (
    add_twice,
    closer_than_one,
    dyn_scale,
    hypot,
    mul,
    no_identity,
    poly,
    poly_parallel,
    rotate,
)


def check(got, expected):
    assert got.dtype == expected.dtype, (got.dtype, expected.dtype)
    assert got.shape == expected.shape
    if np.issubdtype(expected.dtype, np.floating) or np.issubdtype(expected.dtype, np.complexfloating):
        rtol = 2e-6 if expected.dtype in (np.float32, np.complex64) else 1e-14
        assert_allclose(got, expected, rtol=rtol, atol=0)
    else:
        assert_array_equal(got, expected)


def test_is_a_ufunc_with_a_loop_per_signature():
    assert isinstance(add_twice, np.ufunc)
    assert add_twice.nin == 2 and add_twice.nout == 1 and add_twice.nargs == 3
    assert add_twice.types == ["dd->d", "ff->f", "ll->l", "ii->i"]
    assert add_twice.ntypes == 4
    assert add_twice.__name__ == "add_twice"
    assert add_twice.identity == 0
    assert add_twice.signature is None
    assert "x + 2 y" in add_twice.__doc__


@pytest.mark.parametrize("dtype", ["float64", "float32", "int64", "int32"])
@pytest.mark.parametrize("layout", ["C", "F", "A"])
def test_elementwise_over_dtypes_and_layouts(dtype, layout):
    x = make_array((5, 7), dtype, layout, seed=1)
    y = make_array((5, 7), dtype, layout, seed=2)
    got = add_twice(x, y)
    check(got, (x + y * 2).astype(dtype))


@pytest.mark.parametrize("dtype", ["float64", "int32"])
def test_reversed_broadcast_zero_d_and_empty(dtype):
    x = make_array(12, dtype, seed=3)
    check(add_twice(x[::-1], x), (x[::-1] + x * 2).astype(dtype))
    row = make_array((1, 4), dtype, seed=4)
    col = make_array((3, 1), dtype, seed=5)
    check(add_twice(row, col), (row + col * 2).astype(dtype))
    zero_d = np.array(3, dtype)
    got = add_twice(zero_d, zero_d)
    assert np.ndim(got) == 0 and got == 9
    empty = np.empty((0, 3), dtype)
    check(add_twice(empty, empty), empty)


def test_scalars_and_python_numbers():
    assert add_twice(1.5, 2.0) == 5.5
    assert isinstance(add_twice(1.5, 2.0), np.float64)
    assert add_twice(3, 4) == 11


def test_steps_that_are_not_whole_elements_and_misaligned_data():
    # A field of a packed record: steps of 9 bytes, data at odd addresses.
    rec = np.zeros(41, dtype=[("tag", "u1"), ("v", "f8")])
    rec["v"] = np.linspace(-3, 7, 41)
    v = rec["v"]
    assert v.strides == (9,)
    check(add_twice(v, v[::-1]), v + v[::-1] * 2)
    out = np.zeros(41, dtype=[("tag", "u1"), ("v", "f8")])["v"]
    add_twice(v, 1.0, out=out)
    check(out, v + 2.0)
    # Misaligned data, whole-element steps.
    raw = np.zeros(8 * 20 + 1, np.uint8)[1:].view(np.float64)
    raw[:] = np.arange(20.0)
    assert raw.ctypes.data % 8 != 0
    check(add_twice(raw, raw), raw * 3)


def test_out_where_dtype_casting():
    x = make_array(10, "float64", seed=6)
    y = make_array(10, "float64", seed=7)
    out = np.full(10, -1.0)
    res = add_twice(x, y, out=out)
    assert res is out
    check(out, x + 2 * y)
    out = np.full(10, -1.0)
    add_twice(x, y, out=out, where=x > 0)
    check(out, np.where(x > 0, x + 2 * y, -1.0))
    # dtype= picks the float32 loop.
    got = add_twice(x, y, dtype=np.float32)
    check(got, x.astype(np.float32) + 2 * y.astype(np.float32))
    # int64 inputs with a float64 output, casting the loop's result.
    xi = make_array(10, "int64", seed=8)
    out = np.empty(10, np.float64)
    add_twice(xi, xi, out=out)
    check(out, (xi * 3).astype(np.float64))
    with pytest.raises(TypeError):
        add_twice(x, y, out=np.empty(10, np.int64))  # same_kind forbids float -> int
    got = add_twice(x, y, out=np.empty(10, np.int64), casting="unsafe")
    check(got, (x + 2 * y).astype(np.int64))


def test_type_resolution_follows_numpy():
    # An exact loop wins; int16 casts safely to the first loop that takes
    # it, float64.
    a = np.arange(5, dtype=np.int16)
    assert add_twice(a, a).dtype == np.float64
    assert add_twice(np.arange(3, dtype=np.int32), np.arange(3, dtype=np.int32)).dtype == np.int32
    assert add_twice(np.float32(1), np.float32(2)).dtype == np.float32


def test_unsupported_input_types_raise_numpys_type_error():
    with pytest.raises(TypeError, match="ufunc 'add_twice' not supported for the input types"):
        add_twice(np.array(["a"]), np.array(["b"]))
    with pytest.raises(TypeError, match="not supported for the input types"):
        mul(np.arange(3, dtype=np.complex128), 1)


@pytest.mark.parametrize("dtype", ["float64", "int64", "int32"])
def test_reduce_accumulate_reduceat(dtype):
    x = make_array((4, 6), dtype, seed=9)
    # reduce folds acc + 2 * x[i] from the identity, 0, as NumPy does for
    # a ufunc with one; accumulate and reduceat start from the first item.
    expected = np.zeros(6, dtype)
    for row in x:
        expected = (expected + 2 * row).astype(dtype)
    check(add_twice.reduce(x, axis=0), expected)
    check(add_twice.reduce(x, axis=0, initial=5), (expected + 5).astype(dtype))
    check(add_twice.reduce(x, axis=1, keepdims=True), (2 * x).sum(axis=1, keepdims=True).astype(dtype))
    acc = [x[0]]
    for row in x[1:]:
        acc.append((acc[-1] + 2 * row).astype(dtype))
    check(add_twice.accumulate(x, axis=0), np.array(acc))
    flat = x.ravel()
    got = add_twice.reduceat(flat, [0, 5, 11])
    pieces = []
    for lo, hi in [(0, 5), (5, 11), (11, len(flat))]:
        s = flat[lo]
        for v in flat[lo + 1 : hi]:
            s = s + 2 * v
        pieces.append(s)
    check(got, np.array(pieces, dtype))


def test_reduce_identities():
    x = make_array(9, "float64", seed=10)
    assert_allclose(mul.reduce(x), np.prod(x), rtol=1e-14)
    assert mul.reduce(np.empty(0)) == 1.0
    assert add_twice.reduce(np.empty(0)) == 0.0
    with pytest.raises(ValueError):
        no_identity.reduce(np.empty(0))
    assert_allclose(no_identity.reduce(x), np.add.reduce(x), rtol=1e-14)
    # A reorderable ufunc reduces several axes at once.
    m = make_array((3, 4), "float64", seed=11)
    assert_allclose(hypot.reduce(m, axis=None), np.sqrt((m * m).sum()), rtol=1e-14)
    assert hypot.identity is None
    with pytest.raises(ValueError):
        no_identity.reduce(m, axis=(0, 1))


def test_outer_and_at():
    a = make_array(4, "float64", seed=12)
    b = make_array(3, "float64", seed=13)
    check(add_twice.outer(a, b), a[:, None] + 2 * b[None, :])
    c = np.zeros(5)
    add_twice.at(c, [0, 0, 3, 4, 4, 4], 1.0)
    ref = np.zeros(5)
    for i in [0, 0, 3, 4, 4, 4]:
        ref[i] = ref[i] + 2.0
    check(c, ref)


def test_bool_and_complex_results():
    x = make_array(20, "float64", seed=14)
    y = make_array(20, "float64", seed=15)
    check(closer_than_one(x, y), np.abs(x - y) < 1.0)
    # Complex loops come from the dynamic ufunc (signature strings spell
    # no complex types yet).
    z = x + 1j * y
    check(rotate(z, y), z * np.exp(1j * y))
    assert rotate.types == ["Dd->D"]


def test_float_errors_follow_numpy_unless_python_error_model():
    @mumba.vectorize(["float64(float64, float64)", "int64(int64, int64)"])
    def div(x, y):
        return x / y if x == x else x // y

    @mumba.vectorize(["int64(int64, int64)"], error_model="python")
    def floordiv(x, y):
        return x // y

    with np.errstate(divide="ignore", invalid="ignore"):
        got = div(np.array([1.0, -1.0, 0.0]), np.zeros(3))
    assert_array_equal(got, np.array([np.inf, -np.inf, np.nan]))
    with pytest.raises(ZeroDivisionError, match="integer division or modulo by zero"):
        floordiv(np.arange(5), np.array([1, 1, 0, 1, 1]))
    assert_array_equal(floordiv(np.arange(5), 2), np.arange(5) // 2)


def test_raise_in_the_function_is_the_python_exception():
    @mumba.vectorize(["float64(float64)"])
    def checked(x):
        if x < 0:
            raise ValueError("negative input")
        return x

    assert_array_equal(checked(np.arange(3.0)), np.arange(3.0))
    with pytest.raises(ValueError, match="negative input"):
        checked(np.array([1.0, -1.0]))


def test_signature_that_does_not_type_is_a_typing_error_with_a_caret():
    with pytest.raises(mumba.TypingError) as info:

        @mumba.vectorize(["float64(float64)"])
        def broken(x):
            return x.no_such_attribute

    text = str(info.value)
    assert "no_such_attribute" in text and "return x.no_such_attribute" in text
    assert "^" in text


def test_bad_signatures():
    with pytest.raises(TypeError, match="takes 1"):
        mumba.vectorize(["float64(float64, float64)"])(lambda x: x)
    with pytest.raises(TypeError, match="scalar types"):
        mumba.vectorize(["float64(float64[:])"])(lambda x: x)
    with pytest.raises(ValueError, match="target"):
        mumba.vectorize(["float64(float64)"], target="cuda")(lambda x: x)


def test_parallel_target_matches_serial():
    x = make_array(300_001, "float64", seed=16)
    check(poly_parallel(x), poly(x))
    check(poly_parallel(x[::3]), poly(x[::3]))
    small = x[:10]
    check(poly_parallel(small), poly(small))

    @mumba.vectorize(["int64(int64, int64)"], target="parallel", error_model="python")
    def pdiv(a, b):
        return a // b

    b = np.ones(200_000, np.int64)
    b[150_000] = 0
    with pytest.raises(ZeroDivisionError):
        pdiv(np.arange(200_000), b)


def test_dynamic_ufunc_compiles_per_input_dtype():
    duf = mumba.vectorize(lambda x, y: x * 2 + y)
    assert isinstance(duf, mumba.ufunc.DUFunc)
    assert duf.types == [] and duf.nin == 2
    check(duf(np.arange(4.0), np.arange(4.0)), np.arange(4.0) * 3)
    assert duf.types == ["dd->d"]
    check(duf(np.arange(4), np.arange(4)), np.arange(4) * 3)
    assert duf.types == ["ll->l", "dd->d"]  # NumPy's type order
    # The loop's output is what the function returns for these types:
    # float32 * int64 is float64, as in Numba.
    f32 = np.arange(4, dtype=np.float32)
    check(duf(f32, f32), f32.astype(np.float64) * 3)
    assert duf.ntypes == 3 and "ff->d" in duf.types
    assert isinstance(duf.ufunc, np.ufunc)
    check(duf.outer(np.arange(2.0), np.arange(3.0)), np.arange(2.0)[:, None] * 2 + np.arange(3.0))
    out = np.zeros(3)
    duf(np.ones(3), np.ones(3), out=out)
    check(out, np.full(3, 3.0))


def test_dynamic_ufunc_reduce_matches_a_loop():
    x = make_array(7, "float64", seed=17)
    s = x[0]
    for v in x[1:]:
        s = s * 2 + v
    assert_allclose(dyn_scale.reduce(x), s, rtol=1e-14)
    acc = dyn_scale.accumulate(x)
    assert_allclose(acc[-1], s, rtol=1e-14)
    c = np.zeros(3)
    dyn_scale.at(c, [1, 1], 1.0)
    assert_array_equal(c, [0.0, 3.0, 0.0])


def test_dynamic_ufunc_add_and_unsupported_dtype():
    @mumba.vectorize
    def neg(x):
        return -x

    neg.add("float32(float32)")
    assert neg.types == ["f->f"]
    with pytest.raises(TypeError, match="cannot compile a loop for dtype <U1"):
        neg(np.array(["a"]))
