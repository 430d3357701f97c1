"""Compile errors of merges, returns and unbound variables (with notes at
the other place), and of syntax nopython mode does not support."""

import numpy as np
import pytest

from error_asserts import line_of, expect_error, note_at
from mumba import TypingError, UnsupportedError, njit


# -- merges, returns, unbound variables --------------------------------------------------


@njit
def e_merge_tuple(c, x):
    if c:
        y = (x, x)  # E-merge-first
    else:
        y = x  # E-merge-second
    return y


def test_variable_that_cannot_unify_shows_both_assignments():
    with pytest.raises(TypingError) as info:
        e_merge_tuple(True, 1)
    err = info.value
    # One assignment is the error, the other a note; both lines appear.
    lines = {err.lineno} | {n[2] for n in err.notes}
    assert lines == {line_of("E-merge-first")[0], line_of("E-merge-second")[0]}
    assert err.msg in (
        "cannot unify 'tuple(int64, int64)' and 'int64' for variable 'y'",
        "cannot unify 'int64' and 'tuple(int64, int64)' for variable 'y'",
    )
    assert any(n[0].startswith("the other value, of type ") for n in err.notes)


@njit
def e_merge_none(c, x):
    y = None  # E-none-first
    if c:
        y = x  # E-none-second
    return y


def test_variable_that_may_be_none():
    with pytest.raises(TypingError) as info:
        e_merge_none(True, 1)
    err = info.value
    assert "a variable that may be None is not supported" in err.msg
    lines = {err.lineno} | {n[2] for n in err.notes}
    assert lines == {line_of("E-none-first")[0], line_of("E-none-second")[0]}


@njit
def e_return_none(x):
    if x > 0:
        return (x, x)  # E-return-value
    return None  # E-return-none


def test_return_none_on_one_path_and_a_tuple_on_another():
    err = expect_error(
        TypingError,
        lambda: e_return_none(1),
        "function 'e_return_none' returns 'none' here but 'tuple(int64, int64)' elsewhere, and the two do not "
        "unify (only a function's result may be None or a number; a variable that may be None is not "
        "supported: use a sentinel of the same type, such as -1 or nan)",
        "E-return-none",
        "return None",
    )
    note_at(err, "returns 'tuple(int64, int64)' here", "E-return-value", "return (x, x)")


@njit
def e_unbound(x):
    y = z + x  # E-unbound  # noqa: F821
    z = 1
    return y


def test_use_before_assignment():
    err = expect_error(
        TypingError,
        lambda: e_unbound(1),
        "local variable 'z' is read before any assignment",
        "E-unbound",
        "z + x",
    )
    assert any(n[0] == "the variable is declared here" for n in err.notes)


@njit
def e_unbound_loop(n):
    for i in range(n):
        t = t + i  # E-unbound-loop  # noqa: F821
    return 0


def test_use_before_assignment_in_a_loop():
    expect_error(
        TypingError,
        lambda: e_unbound_loop(3),
        "local variable 't' is read before any assignment",
        "E-unbound-loop",
        "t + i",
    )


# -- unsupported syntax ---------------------------------------------------------------------


@njit
def e_lambda(x):
    f = lambda y: y  # E-lambda  # noqa: E731
    return x


def test_lambda():
    expect_error(UnsupportedError, lambda: e_lambda(1), "unsupported lambda expression", "E-lambda", "lambda y")


@njit
def e_fstring(x):
    print(f"x={x}")  # E-fstring
    return x


def test_fstring():
    expect_error(UnsupportedError, lambda: e_fstring(1), "unsupported f-string", "E-fstring", 'f"x={x}"')


@njit
def e_print_file(x):
    print(x, file=None)  # E-print-file


def test_print_keyword():
    expect_error(
        UnsupportedError,
        lambda: e_print_file(1),
        "unsupported print() keyword argument 'file'",
        "E-print-file",
        "None)",
    )


@njit
def e_print_array(a):
    print(a)  # E-print-array


def test_print_an_array():
    expect_error(
        UnsupportedError,
        lambda: e_print_array(np.zeros(2)),
        "unsupported: printing a value of type 'array(float64, 1d, C)' (print takes numbers, None, "
        "string literals and tuples of them)",
        "E-print-array",
        "print(a)",
    )


@njit
def e_pow_modulus(x):
    return pow(x, 2.0, 5)  # E-pow-modulus


def test_pow_with_a_modulus_takes_integers():
    expect_error(
        TypingError,
        lambda: e_pow_modulus(3),
        "invalid arguments to pow(): got (int64, float64, int64); it accepts "
        "(base: int, exp: int >= 0, mod: int != 0)",
        "E-pow-modulus",
        "pow(x, 2.0, 5)",
    )


@njit
def e_list(x):
    return [x, x]  # E-list


def test_list_display():
    expect_error(
        UnsupportedError, lambda: e_list(1), "unsupported list display (use a tuple or a NumPy array)", "E-list", "[x, x]"
    )


def test_half_precision_arrays_are_a_clear_error():
    import numpy as np

    @njit
    def takes(z):
        return z

    with pytest.raises(TypeError, match="float16"):
        takes(np.zeros(2, dtype=np.float16))


@njit
def e_ifexp(c, x):
    return (x, x) if c else x  # E-ifexp


def test_conditional_expression_branches_that_do_not_unify():
    with pytest.raises(TypingError) as info:
        e_ifexp(True, 1)
    err = info.value
    assert err.msg.endswith("for the two branches of a conditional expression")
    assert err.lineno == line_of("E-ifexp")[0]
    assert err.notes and err.notes[0][2] == line_of("E-ifexp")[0]


@njit
def e_or(x):
    return x or (x, x)  # E-or


def test_or_operands_that_do_not_unify():
    with pytest.raises(TypingError) as info:
        e_or(1)
    assert info.value.msg.endswith("for the operands of 'or'")
    assert info.value.lineno == line_of("E-or")[0]
