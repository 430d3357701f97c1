"""Array views: slices, partial indexing and row iteration."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from helpers import check, make_array

from mumba import njit


@njit
def total(a):
    t = 0.0
    for i in range(a.shape[0]):
        t += a[i]
    return t


@njit
def sliced_total(a, start, stop, step):
    return total(a[start:stop:step])


@njit
def head(a, n):
    return total(a[:n])


@njit
def tail(a, n):
    return total(a[n:])


@njit
def every_other_reversed(a):
    return a[::-2]


@njit
def row(m, i):
    return m[i]


@njit
def column(m, j):
    return m[:, j]


@njit
def block(m):
    return m[1:, ::2]


@njit
def first_row_sum(m):
    return total(m[0])


@njit
def rows_sum(m):
    t = 0.0
    for r in m:
        for x in r:
            t += x
    return t


@njit
def scale_rows(m):
    for i, r in enumerate(m):
        for j in range(r.shape[0]):
            r[j] *= i + 1
    return m


@njit
def plane(t, k):
    return t[k, :, 1:]


@njit
def zero_step(a):
    return a[::0]


@njit
def s_all(a, start, stop, step):
    return total(a[start:stop:step])


@njit
def s_no_start(a, start, stop, step):
    return total(a[:stop:step])


@njit
def s_no_stop(a, start, stop, step):
    return total(a[start::step])


@njit
def s_no_step(a, start, stop, step):
    return total(a[start:stop])


@njit
def s_only_step(a, start, stop, step):
    return total(a[::step])


@njit
def s_only_start(a, start, stop, step):
    return total(a[start:])


@njit
def s_only_stop(a, start, stop, step):
    return total(a[:stop])


#: Mumba types a missing bound statically, so each pattern of given and
#: missing bounds is its own function.
SLICERS = {
    (True, True, True): s_all,
    (False, True, True): s_no_start,
    (True, False, True): s_no_stop,
    (True, True, False): s_no_step,
    (False, False, True): s_only_step,
    (True, False, False): s_only_start,
    (False, True, False): s_only_stop,
}

BOUNDS = [0, 1, 3, -1, -4, 7, 20, -20]
STEPS = [1, 2, 3, -1, -2, -5]


@pytest.mark.parametrize("pattern", list(SLICERS), ids=str)
def test_slices_match_python(pattern):
    f = SLICERS[pattern]
    a = np.arange(7.0)
    for start, stop, step in itertools.product(BOUNDS, BOUNDS, STEPS):
        expected = f.py_func(a, start, stop, step)
        assert f(a, start, stop, step) == expected, (pattern, start, stop, step)


@pytest.mark.parametrize("args", [(0, 7, 1), (1, 6, 2), (-3, 7, 1), (6, 0, -2), (-1, -8, -1), (5, 5, 1), (10, 20, 1)])
def test_compiled_slices(args):
    check(sliced_total, np.arange(7.0), *args)


@pytest.mark.parametrize("n", [0, 2, 7, 9, -2])
def test_open_ended_slices(n):
    a = np.arange(7.0)
    check(head, a, n)
    check(tail, a, n)


@pytest.mark.parametrize("dtype", ["float64", "float32", "int64", "int32"])
@pytest.mark.parametrize("layout", ["C", "A"])
def test_views_of_every_layout(dtype, layout):
    a = make_array(9, dtype, layout)
    check(every_other_reversed, a)
    m = make_array((3, 4), dtype, layout)
    check(row, m, 1)
    check(row, m, -1)
    check(column, m, 2)
    check(block, m)


def test_views_share_memory_with_their_array():
    a = np.arange(8.0)
    v = every_other_reversed(a)
    assert np.shares_memory(a, v)
    v[0] = 100.0
    assert a[7] == 100.0
    m = np.arange(12.0).reshape(3, 4)
    column(m, 1)[:] = -1.0
    assert (m[:, 1] == -1.0).all()


def test_rows():
    m = np.arange(12.0).reshape(3, 4)
    check(first_row_sum, m)
    check(rows_sum, m)
    check(rows_sum, np.zeros((0, 4)))
    check(scale_rows, np.ones((3, 2)))
    check(plane, np.arange(24.0).reshape(2, 3, 4), 1)


def test_zero_step_raises():
    with pytest.raises(ValueError, match="slice step cannot be zero"):
        zero_step(np.zeros(3))
    with pytest.raises(ValueError, match="slice step cannot be zero"):
        zero_step.py_func(np.zeros(3))


def test_row_index_is_bounds_checked():
    checked = njit(boundscheck=True)(row.py_func)
    with pytest.raises(IndexError, match="index 3 is out of bounds for axis 0 with size 3"):
        checked(np.zeros((3, 2)), 3)
