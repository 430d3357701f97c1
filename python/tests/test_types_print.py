"""print() in compiled code writes what Python's print would."""

import numpy as np
import pytest

from mumba import njit

NAN = float("nan")
INF = float("inf")


def same_output(capfd, f, *args):
    """f's compiled and interpreted output must be the same text."""
    f(*args)
    got = capfd.readouterr().out
    f.py_func(*args)
    expected = capfd.readouterr().out
    assert got == expected
    return got


@njit
def p_scalar(x):
    print(x)


@pytest.mark.parametrize(
    "x",
    [0, -7, 2**63 - 1, -(2**63), True, False, 1.0, -0.0, 0.1, 1e16, 1e15, 1e-5, 0.0001, 123456.789, NAN, INF, -INF, 5e-324],
)
def test_print_python_scalars(capfd, x):
    same_output(capfd, p_scalar, x)


@pytest.mark.parametrize("x", [np.uint64(2**64 - 1), np.uint8(255), np.int8(-128), np.int16(300)])
def test_print_numpy_ints(capfd, x):
    same_output(capfd, p_scalar, x)


@pytest.mark.parametrize("x", [0.1, 3.0, 1e-6, 16777216.0, 1.5e20])
def test_print_float32_as_numpy_does(capfd, x):
    same_output(capfd, p_scalar, np.float32(x))


@njit
def p_many(a, b):
    print("a =", a, "b =", b, None, (a, b), (a,), ())


@pytest.mark.parametrize("a,b", [(1, 2.5), (-3, True)])
def test_print_strings_none_and_tuples(capfd, a, b):
    same_output(capfd, p_many, a, b)


@njit
def p_sep_end(a, b):
    print(a, b, sep=", ", end=";\n")
    print(a, b, sep="")
    print("no newline", end="")
    print()


def test_print_sep_and_end(capfd):
    same_output(capfd, p_sep_end, 1, 2.0)


@njit
def p_complex(a, b):
    print(complex(a, b))
    print((complex(a, b), 1j))


@pytest.mark.parametrize("a,b", [(1.0, 2.0), (0.0, -1.0), (-0.0, 1.0), (1.5, -0.0), (INF, NAN), (0.0, 0.0)])
def test_print_complex(capfd, a, b):
    same_output(capfd, p_complex, a, b)


@njit
def p_loop(n):
    for i in range(n):
        print("line", i, i * 0.5)


@pytest.mark.parametrize("n", [0, 3])
def test_print_in_a_loop(capfd, n):
    same_output(capfd, p_loop, n)


@njit
def p_quotes():
    print(("it's", 'say "hi"', "back\\slash", "tab\t"), "it's")


def test_print_string_reprs_inside_tuples(capfd):
    same_output(capfd, p_quotes)


@njit
def p_returns(x):
    r = print(x)
    return r is None


def test_print_returns_none(capfd):
    assert p_returns(3) is True
    assert capfd.readouterr().out == "3\n"
