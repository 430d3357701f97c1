"""Tuples: build, index, unpack, len, concatenate, compare, merge."""

import numpy as np
import pytest

from mumba import TypingError, njit
from helpers import check, check_outcome
from test_types_support import check_py, result_type


@njit
def unpack(t0, t1):
    t = (t0, t1)
    a, b = t
    return b, a


@pytest.mark.parametrize("x,y", [(1, 2.5), (-3, 0.0), (True, 7)])
def test_unpack_tuple_value(x, y):
    check(unpack, x, y)


@njit
def unpack_nested(a, b, c):
    t = ((a, b), c)
    (x, y), z = t
    return x + y + z


@pytest.mark.parametrize("a,b,c", [(1, 2, 3), (1.5, -2, 0), (0, 0, 0)])
def test_unpack_nested(a, b, c):
    check(unpack_nested, a, b, c)


@njit
def swap(a, b):
    a, b = b, a
    return a - b


@pytest.mark.parametrize("a,b", [(1, 2), (5.5, -1.0)])
def test_swap(a, b):
    check(swap, a, b)


@njit
def length(a, b):
    return len((a, b, a)), len(()), len((a,))


def test_len_of_tuples():
    check(length, 1, 2.0)


@njit
def static_index(a, b, c):
    t = (a, b, c)
    return t[0], t[-1], t[1], t[-3]


@pytest.mark.parametrize("v", [(1, 2.5, True), (-1, 0.0, False)])
def test_static_index_heterogeneous(v):
    check(static_index, *v)


@njit
def dynamic_index(i):
    t = (10, 20, 30, 40)
    return t[i]


@pytest.mark.parametrize("i", [0, 3, -1, -4, 2])
def test_dynamic_index_homogeneous(i):
    check(dynamic_index, i)


@njit
def concat(a, b):
    t = (a, 1) + (b,) + ()
    return t


@pytest.mark.parametrize("a,b", [(1, 2.0), (-5, 0.5)])
def test_tuple_concatenation(a, b):
    check(concat, a, b)
    assert result_type(concat).startswith("tuple<si64, si64, f64>")


@njit
def tuple_eq(a, b, c, d):
    return (a, b) == (c, d), (a, b) != (c, d), (a, b) == (c, d, a)


@pytest.mark.parametrize("v", [(1, 2, 1, 2), (1, 2, 1, 3), (1.0, float("nan"), 1.0, float("nan"))])
def test_tuple_equality(v):
    check(tuple_eq, *v)


@njit
def tuple_order(a, b, c, d):
    return (a, b) < (c, d), (a, b) <= (c, d), (a, b) > (c, d), (a, b) >= (c, d), (a,) < (a, b)


@pytest.mark.parametrize("v", [(1, 2, 1, 3), (2, 0, 1, 9), (1, 1, 1, 1), (1.5, 2, 1.5, -1)])
def test_tuple_ordering_is_lexicographic(v):
    check(tuple_order, *v)


@njit
def membership(x):
    return x in (1, 2, 3), x not in (1.5, 2.5), x in ()


@pytest.mark.parametrize("x", [1, 2, 4, 2.5, -1])
def test_in_tuple(x):
    check(membership, x)


@njit
def tuple_truth(a):
    t = (a,)
    e = ()
    r = 0
    if t:
        r += 1
    if not e:
        r += 2
    return r


def test_tuple_truthiness():
    check(tuple_truth, 0)


@njit
def returns_tuple(a, b):
    return a, b, a * b


@pytest.mark.parametrize("a,b", [(2, 3.5), (np.int8(-4), np.uint8(3))])
def test_return_heterogeneous_tuple(a, b):
    check_py(returns_tuple, a, b)


@njit
def merge_tuple(n):
    t = (0, 0.0)
    for i in range(n):
        t = (t[0] + i, t[1] + 0.5)
    return t


@pytest.mark.parametrize("n", [0, 3])
def test_tuple_loop_carried(n):
    check(merge_tuple, n)


@njit
def min_max_tuple(a, b, c):
    t = (a, b, c)
    return min(t), max(t)


@pytest.mark.parametrize("v", [(3, 1, 2), (-1.5, 2.0, 0.0), (5, 5, 5)])
def test_min_max_of_tuple(v):
    check(min_max_tuple, *v)


@njit
def global_tuple_index(i):
    return WEIGHTS[i] * SCALE


WEIGHTS = (0.5, 1.5, 2.5)
SCALE = 2


@pytest.mark.parametrize("i", [0, 1, 2, -1])
def test_frozen_global_tuple(i):
    check(global_tuple_index, i)


@njit
def shape_unpack(a):
    n, m = a.shape
    return n * 10 + m, a.ndim, a.size


@pytest.mark.parametrize("shape", [(2, 3), (0, 5), (1, 1)])
def test_unpack_array_shape(shape):
    check(shape_unpack, np.zeros(shape))


@njit
def shape_at(a, i):
    return a.shape[i]


@njit
def strides_at(a, i):
    return a.strides[i]


@pytest.mark.parametrize("shape", [(3,), (2, 5), (4, 1, 3)])
def test_shape_and_strides_index_checked(shape):
    # Out of range raises IndexError as Python does, instead of reading past
    # the descriptor; negative indices count from the end.
    a = np.zeros(shape)
    for i in range(-len(shape) - 3, len(shape) + 3):
        check_outcome(shape_at, a, i)
        check_outcome(strides_at, a, i)


@pytest.mark.parametrize("i", [4, -5, 100, -2**63, 2**63 - 1])
def test_dynamic_index_out_of_range(i):
    check_outcome(dynamic_index, i)


@njit
def nested_index(i, j):
    t = ((1.5, 2.5), (3.5, 4.5), (5.5, 6.5))
    return t[i][j]


@pytest.mark.parametrize("i,j", [(0, 1), (-1, 0), (2, -2), (3, 0), (0, 2), (-4, 1)])
def test_nested_tuple_index_checked(i, j):
    check_outcome(nested_index, i, j)


@pytest.mark.parametrize("i", [np.uint64(2**64 - 1), np.uint8(3), np.uint8(2), True, False])
def test_unsigned_and_bool_indices(i):
    # An unsigned index never counts from the end: 2**64 - 1 is out of
    # range, with Python's message for an int index that is too big.
    assert _outcome(dynamic_index, i) == _outcome(dynamic_index.py_func, int(i))


def _outcome(f, *args):
    try:
        return f(*args)
    except IndexError as exc:
        return ("IndexError", exc.args)


@njit
def constant_out_of_range(a):
    return a.shape[3]


def test_constant_index_out_of_range_is_a_typing_error():
    with pytest.raises(TypingError, match="tuple index 3 out of range"):
        constant_out_of_range(np.zeros(2))


@njit
def float_index(t0, x):
    t = (t0, t0)
    return t[x]


def test_float_index_is_a_typing_error():
    with pytest.raises(TypingError, match="invalid index of type 'float64'"):
        float_index(1, 1.0)
