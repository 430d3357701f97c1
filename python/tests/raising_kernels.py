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


@njit
def assert_bare(x):
    assert x > 0
    return x


@njit
def assert_message(x):
    assert x > 0, "x must be positive"
    return x


@njit
def assert_number(x):
    assert x > 0, -5
    return x


@njit
def raise_class(x):
    if x > 0:
        raise KeyError
    return x


@njit
def raise_empty(x):
    if x > 0:
        raise ValueError()
    return x


@njit
def raise_key(x):
    if x > 0:
        raise KeyError("missing")  # str() quotes it; the argument is plain
    return x


@njit
def raise_many(x):
    if x > 0:
        raise ValueError("bad", -2, (1.5, "x"), None)
    return x


@njit
def raise_os(x):
    if x > 0:
        raise OSError(2, "no such file")  # CPython makes a FileNotFoundError
    return x
