"""Kernels that raise, kept out of test modules: pytest rewrites the
``assert`` statements of test modules, which would change what the plain
Python function raises."""

from mumba import njit


@njit
def checked_sqrt(x):
    if x < 0:
        raise ValueError("x must be non-negative")
    assert x != 3, "three is right out"
    assert x != 4
    return x * 2


@njit
def calls_checked(x):
    return checked_sqrt(x) + 1


@njit
def raise_bare_class(x):
    if x:
        raise KeyError
    return 0


@njit
def raise_in_loop(n):
    s = 0
    for i in range(n):
        if i == 7:
            raise OverflowError("too far", 7)
        s += i
    return s
