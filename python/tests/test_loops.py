"""for/range loops, break/continue/else, nested loops."""

import pytest

from mumba import njit
from helpers import check


@njit
def range1(n):
    s = 0
    for i in range(n):
        s += i
    return s


@njit
def range2(a, b):
    s = 0
    for i in range(a, b):
        s = s * 3 + i
    return s


@njit
def range3(a, b, step):
    s = 0
    k = 0
    for i in range(a, b, step):
        s += i * k
        k += 1
    return s


@pytest.mark.parametrize("n", [0, 1, 7, -3, 1000])
def test_range_stop(n):
    check(range1, n)


@pytest.mark.parametrize("a,b", [(0, 5), (5, 0), (-5, 3), (3, 3), (-10, -2)])
def test_range_start_stop(a, b):
    check(range2, a, b)


@pytest.mark.parametrize(
    "a,b,step",
    [(0, 10, 3), (10, 0, -1), (10, 0, -3), (-1, -10, -2), (0, 10, -1), (5, 5, -1), (-5, 5, 4), (9, -9, -4)],
)
def test_range_step(a, b, step):
    check(range3, a, b, step)


@njit
def loop_var_after(n):
    i = -1
    for i in range(n):
        pass
    return i


@pytest.mark.parametrize("n", [0, 1, 5])
def test_loop_variable_after_loop(n):
    check(loop_var_after, n)


@njit
def break_continue(n):
    s = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        if i > 20:
            break
        s += i
    return s


@pytest.mark.parametrize("n", [0, 5, 20, 100])
def test_break_continue(n):
    check(break_continue, n)


@njit
def for_else(n, target):
    for i in range(n):
        if i == target:
            break
    else:
        return -1
    return i


@pytest.mark.parametrize("n,target", [(10, 4), (10, 10), (0, 0), (3, 2)])
def test_for_else(n, target):
    check(for_else, n, target)


@njit
def nested(n, m):
    s = 0
    for i in range(n):
        for j in range(i, m):
            if j == 7:
                break
            if (i + j) % 2:
                continue
            s += i * j
        else:
            s += 1000
    return s


@pytest.mark.parametrize("n,m", [(0, 0), (3, 4), (10, 10), (12, 6)])
def test_nested_loops(n, m):
    check(nested, n, m)


@njit
def return_in_loop(n, k):
    for i in range(n):
        for j in range(n):
            if i * j == k:
                return i * 100 + j
    return -1


@pytest.mark.parametrize("n,k", [(10, 12), (10, 1000), (5, 0), (0, 0)])
def test_return_inside_nested_loop(n, k):
    check(return_in_loop, n, k)


@njit
def float_accumulate(n):
    s = 0.0
    for i in range(1, n + 1):
        s += 1.0 / i
    return s


@pytest.mark.parametrize("n", [0, 1, 100, 10000])
def test_float_accumulator(n):
    check(float_accumulate, n)


@njit
def triangle_while_for(n):
    total = 0
    i = 0
    while i < n:
        for j in range(i):
            total += j
        i += 1
    return total


@pytest.mark.parametrize("n", [0, 4, 30])
def test_for_inside_while(n):
    check(triangle_while_for, n)


@njit
def iterate_array(a):
    s = 0.0
    for x in a:
        s = s * 0.5 + x
    return s


@pytest.mark.parametrize("layout", ["C", "A"])
@pytest.mark.parametrize("dtype", ["float64", "int32"])
def test_for_over_array_elements(layout, dtype):
    from helpers import make_array

    check(iterate_array, make_array(13, dtype, layout))


@njit
def reverse_weighted(a):
    s = 0.0
    k = 1
    for i in range(a.shape[0] - 1, -1, -1):
        s += a[i] * k
        k += 1
    return s


def test_reverse_index_loop():
    import numpy as np

    check(reverse_weighted, np.arange(10.0))
    check(reverse_weighted, np.zeros(0))


@njit
def type_changes_in_loop(n):
    x = 0
    for i in range(n):
        if i == 3:
            x = x + 0.5
        x = x + 1
    return x


@pytest.mark.parametrize("n", [5, 10])
def test_variable_unified_to_float(n):
    check(type_changes_in_loop, n)
