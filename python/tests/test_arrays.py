"""Arrays: dtypes, layouts (C, F, non-contiguous views), indexing, writes."""

import numpy as np
import pytest

from mumba import njit, typeof
from helpers import DTYPES, FLOAT_DTYPES, check, make_array

LAYOUTS = ["C", "F", "A"]


@njit
def sum1d(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@njit
def sum_len(a):
    s = 0.0
    for i in range(len(a)):
        s = s + a[i]
    return s


@njit
def sum2d(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j] * (i + 1) - j
    return s


@njit
def sum3d(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += a[i, j, k] * (i - j + 2 * k)
    return s


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", ["C", "A"])
@pytest.mark.parametrize("n", [0, 1, 17, 1000])
def test_sum_1d(dtype, layout, n):
    a = make_array(n, dtype, layout)
    check(sum1d, a)
    check(sum_len, a)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("shape", [(3, 4), (1, 7), (0, 5), (16, 9)])
def test_sum_2d(dtype, layout, shape):
    check(sum2d, make_array(shape, dtype, layout))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_sum_3d(dtype, layout):
    check(sum3d, make_array((3, 4, 5), dtype, layout))


def test_layouts_are_what_the_tests_claim():
    a = make_array((3, 4), "float64", "C")
    assert typeof(a) == "!nb.array<f64, 2, C>"
    assert typeof(a.T) == "!nb.array<f64, 2, F>"
    assert typeof(make_array((3, 4), "int32", "F")) == "!nb.array<si32, 2, F>"
    assert typeof(make_array((3, 4), "float32", "A")) == "!nb.array<f32, 2, A>"
    assert typeof(a[:, ::-1]) == "!nb.array<f64, 2, A>"
    assert typeof(make_array(10, "int64")[::2]) == "!nb.array<si64, 1, A>"


@pytest.mark.parametrize("dtype", DTYPES)
def test_transposed_and_reversed_views(dtype):
    a = make_array((5, 6), dtype, "C")
    check(sum2d, a.T)
    check(sum2d, a[:, ::-1])
    check(sum2d, a[::-2, 1::3])
    check(sum1d, make_array(9, dtype)[::-1])


@njit
def last_and_first(a):
    return a[-1] * 10 + a[0] - a[-2]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", ["C", "A"])
def test_negative_index(dtype, layout):
    check(last_and_first, make_array(6, dtype, layout))


@njit
def negative_index_var(a, k):
    return a[k] + a[-k]


@pytest.mark.parametrize("k", [1, 2, 3])
def test_negative_index_variable(k):
    check(negative_index_var, make_array(7, "int64"), k)


@njit
def corners(a):
    return a[0, 0] + a[-1, -1] * 2 + a[0, -1] * 3 + a[-1, 0] * 4


@pytest.mark.parametrize("layout", LAYOUTS)
def test_negative_index_2d(layout):
    check(corners, make_array((4, 5), "float64", layout))


@njit
def fill_iota(a):
    for i in range(a.shape[0]):
        a[i] = i * 2 + 1


@njit
def scale_2d(a, s):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] = a[i, j] * s + i


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", ["C", "A"])
def test_writes_visible_to_caller(dtype, layout):
    a = make_array(11, dtype, layout)
    check(fill_iota, a)
    assert a[3] == 7


@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_write_2d(dtype, layout):
    a = make_array((4, 6), dtype, layout)
    before = a.copy()
    check(scale_2d, a, 2.5)
    assert not np.array_equal(a, before)


@njit
def increment_elements(a, b):
    for i in range(a.shape[0]):
        a[i] += b[i]
        a[-1] -= 1
        b[i] *= 2


@pytest.mark.parametrize("dtype", DTYPES)
def test_augmented_item_assignment(dtype):
    check(increment_elements, make_array(8, dtype), make_array(8, dtype, seed=1))


@njit
def shape0(a):
    return a.shape[0]


@njit
def shape1(a):
    return a.shape[1]


@njit
def length(a):
    return len(a)


@njit
def shape_unpack(a):
    n, m = a.shape
    return n * 100 + m


@pytest.mark.parametrize("fn", [shape0, shape1, length, shape_unpack])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_shape_and_len(fn, layout):
    check(fn, make_array((3, 7), "int32", layout))


@njit
def int_array_sum(a):
    s = 0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@pytest.mark.parametrize("dtype", ["int64", "int32"])
def test_integer_sum_stays_integer(dtype):
    check(int_array_sum, make_array(100, dtype, low=-1000, high=1000))


@njit
def store_float_into_int(a, x):
    a[0] = x
    a[1] = x * 2


def test_store_converts_to_dtype():
    a = np.zeros(3, dtype=np.float64)
    check(store_float_into_int, a, 3)
    assert a[1] == 6.0
    b = np.zeros(3, dtype=np.float32)
    check(store_float_into_int, b, 0.1)


@njit
def copy_into(dst, src):
    for i in range(src.shape[0]):
        dst[i] = src[i]


@pytest.mark.parametrize("dst_dtype,src_dtype", [("float64", "float32"), ("float32", "float64"), ("int64", "int32"), ("float64", "int64")])
def test_mixed_dtype_copy(dst_dtype, src_dtype):
    check(copy_into, make_array(5, dst_dtype), make_array(5, src_dtype, seed=3))


@njit
def array_arg_unchanged(a):
    return a[1]


def test_readonly_array():
    a = make_array(4, "float64")
    a.setflags(write=False)
    check(array_arg_unchanged, a)


def test_new_layout_compiles_new_specialisation():
    a = make_array((4, 4), "float64", "C")
    check(sum2d, a)
    check(sum2d, np.asfortranarray(a))
    sigs = set(sum2d.signatures)
    assert ("!nb.array<f64, 2, C>",) in sigs and ("!nb.array<f64, 2, F>",) in sigs


@njit
def add_outer(a, u, v):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] += u[i] * v[j]
            a[i, -1] -= 1


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_augmented_2d(dtype, layout):
    a = make_array((5, 4), dtype, layout)
    check(add_outer, a, make_array(5, dtype, seed=1), make_array(4, dtype, seed=2))


@njit
def stencil3d(a, out):
    for i in range(1, a.shape[0] - 1):
        for j in range(1, a.shape[1] - 1):
            for k in range(1, a.shape[2] - 1):
                out[i, j, k] = (a[i - 1, j, k] + a[i + 1, j, k] + a[i, j - 1, k] + a[i, j + 1, k] + a[i, j, k - 1] + a[i, j, k + 1]) / 6.0


@pytest.mark.parametrize("layout", LAYOUTS)
def test_write_3d(layout):
    a = make_array((5, 6, 7), "float64", layout)
    check(stencil3d, a, np.zeros((5, 6, 7)))
