"""if/elif/else, conditional expressions, and/or/not, chained comparisons."""

import pytest

from mumba import njit
from helpers import check


@njit
def sign(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    else:
        return 0


@pytest.mark.parametrize("x", [5, -3, 0, 2.5, -0.5, 0.0])
def test_if_elif_else(x):
    check(sign, x)


@njit
def classify(x):
    r = 0
    if x > 100:
        r = 3
    elif x > 10:
        r = 2
        if x % 2 == 0:
            r += 10
    elif x > 0:
        r = 1
    return r


@pytest.mark.parametrize("x", [-1, 0, 1, 5, 11, 12, 101, 1000])
def test_nested_if(x):
    check(classify, x)


@njit
def ternary(x, y):
    return x if x > y else y * 2


@pytest.mark.parametrize("x,y", [(1, 2), (3, 2), (2.5, 2.5), (-1, -4)])
def test_conditional_expression(x, y):
    check(ternary, x, y)


@njit
def or_value(x, y):
    return x or y


@njit
def and_value(x, y):
    return x and y


@pytest.mark.parametrize("x,y", [(0, 5), (3, 5), (0, 0), (-2, 0), (7, -1)])
def test_or_returns_operand(x, y):
    check(or_value, x, y)


@pytest.mark.parametrize("x,y", [(0, 5), (3, 5), (0, 0), (-2, 0), (7, -1)])
def test_and_returns_operand(x, y):
    check(and_value, x, y)


@pytest.mark.parametrize("x,y", [(0.0, 2.5), (1.5, 2.5), (-0.0, 0.0)])
def test_or_floats(x, y):
    check(or_value, x, y)


@njit
def safe_ratio(a, b):
    # Short-circuit: the division must not run when b == 0.
    if b != 0 and a / b > 1.5:
        return 1
    if b == 0 or a // b < 0:
        return 2
    return 3


@pytest.mark.parametrize("a,b", [(4, 2), (1, 0), (3, 2), (-5, 2), (0, 0)])
def test_short_circuit_skips_division(a, b):
    check(safe_ratio, a, b)


@njit
def in_range(lo, x, hi):
    return lo <= x < hi


@njit
def chain_branch(a, b, c, d):
    if a < b < c < d:
        return 1
    if a == b == c:
        return 2
    if a > b >= c:
        return 3
    return 4


@pytest.mark.parametrize("lo,x,hi", [(0, 5, 10), (0, 10, 10), (0, -1, 10), (1.5, 1.5, 2), (3, 2, 1)])
def test_chained_comparison_value(lo, x, hi):
    check(in_range, lo, x, hi)


@pytest.mark.parametrize(
    "a,b,c,d", [(1, 2, 3, 4), (1, 2, 2, 4), (3, 3, 3, 0), (5, 4, 4, 1), (5, 4, 6, 0), (0, 0, 1, 0)]
)
def test_chained_comparison_branch(a, b, c, d):
    check(chain_branch, a, b, c, d)


@njit
def logic_not(a, b):
    return not a


@njit
def logic_not_and(a, b):
    return not (a and b)


@njit
def logic_mixed(a, b):
    return (a > 0) and (b > 0) or (a < 0) and not (b < 0)


@njit
def logic_branch(a, b):
    if not a or (b and a > b):
        return 1
    return 2


@pytest.mark.parametrize("fn", [logic_not, logic_not_and, logic_mixed, logic_branch])
@pytest.mark.parametrize("a,b", [(0, 0), (1, 0), (0, 1), (2, 3), (-2, 3), (-1, -1), (3, 2)])
def test_not_and_or_logic(fn, a, b):
    check(fn, a, b)


@njit
def while_count(n):
    i = 0
    total = 0
    while i < n:
        total += i * i
        i += 1
    return total


@pytest.mark.parametrize("n", [0, 1, 10, 1000])
def test_while(n):
    check(while_count, n)


@njit
def while_else(n, stop):
    i = 0
    while i < n:
        if i == stop:
            break
        i += 1
    else:
        return -i
    return i


@pytest.mark.parametrize("n,stop", [(10, 3), (10, 20), (0, 0), (5, 4)])
def test_while_else(n, stop):
    check(while_else, n, stop)


@njit
def while_true(n):
    k = 0
    while True:
        k += 1
        if k * k >= n:
            return k


@pytest.mark.parametrize("n", [1, 2, 50, 10**6])
def test_while_true_with_return(n):
    check(while_true, n)


@njit
def dead_code_after_return(x):
    if x > 0:
        return x
        x = x + 1
    return -x


@pytest.mark.parametrize("x", [3, -3])
def test_dead_code_is_ignored(x):
    check(dead_code_after_return, x)


@njit
def returns_none(x):
    if x > 0:
        return
    return


def test_return_none():
    check(returns_none, 3)
    check(returns_none, -3)


@njit
def walrus(x):
    if (y := x * 2) > 10:
        return y
    return -y


@pytest.mark.parametrize("x", [3, 8])
def test_named_expression(x):
    check(walrus, x)


@njit
def multiple_targets(x):
    a = b = x * 2
    a += 1
    return a * b


@pytest.mark.parametrize("x", [3, -1.5])
def test_chained_assignment(x):
    check(multiple_targets, x)


@njit
def keyword_only(a, *, scale=3, shift=0.5):
    return a * scale + shift


def test_entry_keywords_and_defaults():
    assert keyword_only(2) == keyword_only.py_func(2)
    assert keyword_only(2, scale=5) == keyword_only.py_func(2, scale=5)
    assert keyword_only(shift=1.0, a=2.5) == keyword_only.py_func(shift=1.0, a=2.5)


SHAPE = (3, 4)
OFFSET = -7


def _make_closure(k):
    @njit
    def add_k(x):
        return x + k + SHAPE[1] + OFFSET

    return add_k


@pytest.mark.parametrize("k", [1, 2.5])
def test_closure_and_global_tuple(k):
    check(_make_closure(k), 10)


@njit
def big_literals(x):
    return x + 9223372036854775806 - 9223372036854775000


def test_large_int_literals():
    check(big_literals, 5)


@njit
def defined_in_branch(x):
    if x > 0:
        y = x * 2
    else:
        y = -x
    return y


@pytest.mark.parametrize("x", [4, -4])
def test_variable_defined_in_both_branches(x):
    check(defined_in_branch, x)
