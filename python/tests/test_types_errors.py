"""Error messages: one short line naming the construct and its types, the
source line with a caret under the construct, notes where a second place
matters (the other assignment, the other return, the jitted callee)."""

import inspect
import math

import numpy as np
import pytest

from mumba import MumbaError, TypingError, UnsupportedError, njit

THIS_FILE = __file__


def _line_of(marker: str) -> tuple:
    """(line number, text) of the unique source line with ``# marker``."""
    lines = inspect.getsource(inspect.getmodule(_line_of)).splitlines()
    hits = [(i + 1, l) for i, l in enumerate(lines) if ("# " + marker + " ") in l + " "]
    assert len(hits) == 1, (marker, hits)
    return hits[0]


def expect_error(cls, call, message, marker, column_text):
    """``call()`` raises exactly ``cls`` whose first line is ``message``
    (compared whole), pointing at ``column_text`` on the marked line."""
    with pytest.raises(MumbaError) as info:
        call()
    err = info.value
    assert type(err) is cls, (type(err), str(err))
    assert err.msg == message, err.msg
    lineno, text = _line_of(marker)
    assert err.lineno == lineno, (err.lineno, lineno, str(err))
    assert err.col == text.index(column_text) + 1, (err.col, str(err))
    lines = str(err).splitlines()
    assert lines[0] == message
    assert lines[2] == f'File "{THIS_FILE}", line {lineno}:'
    assert lines[3] == text
    assert lines[4] == " " * text.index(column_text) + "^"
    return err


def note_at(err, message, marker, column_text=None):
    """``err`` has a note ``message`` at the marked line (and column)."""
    lineno, text = _line_of(marker)
    for msg, fname, line, col in err.notes:
        if msg == message and line == lineno:
            if column_text is not None:
                assert col == text.index(column_text) + 1
            assert message in str(err)
            return
    raise AssertionError(f"no note {message!r} at line {lineno}: {err.notes}")


# -- operators ----------------------------------------------------------------------


@njit
def e_add_tuple(x):
    t = (1, 2)
    return x + t  # E-add-tuple


def test_add_int_and_tuple():
    expect_error(
        TypingError,
        lambda: e_add_tuple(1),
        "invalid operand types for +: 'int64' and 'tuple(int64, int64)'",
        "E-add-tuple",
        "x + t",
    )


@njit
def e_shift_float(x, n):
    return x << n  # E-shift-float


def test_shift_of_float():
    expect_error(
        TypingError,
        lambda: e_shift_float(1.5, 2),
        "invalid operand types for <<: 'float64' and 'int64'",
        "E-shift-float",
        "x << n",
    )


@njit
def e_floordiv_complex(x):
    z = complex(x, 1.0)
    return (z // 2).real  # E-floordiv-complex


def test_floordiv_of_complex():
    expect_error(
        TypingError,
        lambda: e_floordiv_complex(1.0),
        "invalid operand types for //: 'complex128' and 'int64'",
        "E-floordiv-complex",
        "z // 2",
    )


@njit
def e_order_complex(x):
    return complex(x, 1.0) < complex(1.0, x)  # E-order-complex


def test_ordering_complex_numbers():
    expect_error(
        TypingError,
        lambda: e_order_complex(1.0),
        "'<' is not supported between 'complex128' and 'complex128'",
        "E-order-complex",
        "complex(x, 1.0) <",
    )


@njit
def e_invert_float(x):
    return ~x  # E-invert-float


def test_invert_float():
    expect_error(
        TypingError, lambda: e_invert_float(2.5), "bad operand type for unary ~: 'float64'", "E-invert-float", "~x"
    )


@njit
def e_negate_tuple(x):
    t = (x,)
    return -t  # E-negate-tuple


def test_negate_tuple():
    expect_error(
        TypingError, lambda: e_negate_tuple(1), "bad operand type for unary -: 'tuple(int64)'", "E-negate-tuple", "-t"
    )


@njit
def e_array_condition(a):
    if a:  # E-array-condition
        return 1
    return 0


def test_array_as_condition():
    expect_error(
        TypingError,
        lambda: e_array_condition(np.zeros(3)),
        "cannot use an array 'array(float64, 1d, C)' as a condition: its truth value is ambiguous "
        "(use a.any() or a.all() in Python, or test an element)",
        "E-array-condition",
        "a:",
    )


@njit
def e_str_arith(x):
    s = "total"
    return s + x  # E-str-arith


def test_string_arithmetic():
    expect_error(
        TypingError, lambda: e_str_arith(1), "invalid operand types for +: 'str' and 'int64'", "E-str-arith", "s + x"
    )


@njit
def e_in_int(x):
    return x in 5  # E-in-int


def test_membership_in_a_number():
    expect_error(
        UnsupportedError,
        lambda: e_in_int(1),
        "unsupported: 'in' with 'int64' and 'int64' (membership tests only look into tuples)",
        "E-in-int",
        "x in 5",
    )


@njit
def e_tuple_order(x):
    return (x, None) < (x, 3)  # E-tuple-order


def test_ordering_tuples_with_none():
    expect_error(
        TypingError,
        lambda: e_tuple_order(1),
        "'<' is not supported between 'tuple(int64, none)' and 'tuple(int64, int64)'",
        "E-tuple-order",
        "(x, None) <",
    )


# -- items and attributes -------------------------------------------------------------


@njit
def e_float_index(a, x):
    return a[x]  # E-float-index


def test_float_index():
    expect_error(
        TypingError,
        lambda: e_float_index(np.zeros(3), 1.5),
        "invalid index of type 'float64' into 'array(float64, 1d, C)' (indices are integers)",
        "E-float-index",
        "a[x]",
    )


@njit
def e_row_index(a, i, j):
    return a[i, j, i]  # E-row-index


def test_too_many_indices():
    expect_error(
        TypingError,
        lambda: e_row_index(np.zeros((2, 2)), 0, 1),
        "too many indices for the 2-d array 'array(float64, 2d, C)': 3",
        "E-row-index",
        "a[i, j, i]",
    )


@njit
def e_hetero_index(x, i):
    t = (x, 2.5)
    return t[i]  # E-hetero-index


def test_dynamic_index_of_heterogeneous_tuple():
    expect_error(
        TypingError,
        lambda: e_hetero_index(1, 0),
        "cannot index the heterogeneous tuple 'tuple(int64, float64)' with a non-constant index "
        "(its element types differ)",
        "E-hetero-index",
        "t[i]",
    )


@njit
def e_static_index(x):
    t = (x, x)
    return t[5]  # E-static-index


def test_tuple_index_out_of_range():
    expect_error(
        TypingError,
        lambda: e_static_index(1),
        "tuple index 5 out of range for 'tuple(int64, int64)'",
        "E-static-index",
        "t[5]",
    )


@njit
def e_tuple_assign(x):
    t = (x, x)
    t[0] = 1  # E-tuple-assign
    return t


def test_tuple_item_assignment():
    expect_error(
        TypingError,
        lambda: e_tuple_assign(1),
        "cannot assign to an item of 'tuple(int64, int64)': tuples are immutable",
        "E-tuple-assign",
        "t[0]",
    )


@njit
def e_int_attr(x):
    return x.foo  # E-int-attr


def test_unknown_attribute_of_int():
    expect_error(TypingError, lambda: e_int_attr(1), "unknown attribute 'foo' of 'int64'", "E-int-attr", "x.foo")


@njit
def e_store_complex(a, x):
    a[0] = complex(x, 1.0)  # E-store-complex


def test_store_complex_into_float_array():
    expect_error(
        TypingError,
        lambda: e_store_complex(np.zeros(2), 1.0),
        "cannot store a value of type 'complex128' into 'array(float64, 1d, C)'",
        "E-store-complex",
        "a[0]",
    )


# -- unpacking and iteration ----------------------------------------------------------


@njit
def e_unpack_count(x):
    t = (x, x, x)
    a, b = t  # E-unpack-count
    return a + b


def test_unpack_wrong_count():
    expect_error(
        TypingError,
        lambda: e_unpack_count(1),
        "cannot unpack 'tuple(int64, int64, int64)' of 3 values into 2 targets",
        "E-unpack-count",
        "a, b",
    )


@njit
def e_unpack_int(x):
    a, b = x  # E-unpack-int
    return a


def test_unpack_a_number():
    expect_error(
        UnsupportedError,
        lambda: e_unpack_int(1),
        "unsupported: unpacking a value of type 'int64' (only tuples unpack)",
        "E-unpack-int",
        "a, b",
    )


@njit
def e_iterate_int(x):
    for i in x:  # E-iterate-int
        pass


def test_iterate_a_number():
    expect_error(
        UnsupportedError, lambda: e_iterate_int(3), "unsupported: iterating over 'int64'", "E-iterate-int", "x:"
    )


@njit
def e_enumerate_float(x):
    for i, v in enumerate(x):  # E-enumerate-float
        pass


def test_enumerate_of_a_float():
    expect_error(
        TypingError,
        lambda: e_enumerate_float(1.5),
        "invalid arguments to enumerate(): got (float64); it accepts "
        "(iterable: range, 1-d array, tuple, enumerate or zip, start: int = 0)",
        "E-enumerate-float",
        "enumerate(x)",
    )


@njit
def e_zip_int(a, n):
    for x, y in zip(a, n):  # E-zip-int
        pass


def test_zip_with_a_number():
    expect_error(
        TypingError,
        lambda: e_zip_int(np.zeros(2), 3),
        "invalid arguments to zip(): got (array(float64, 1d, C), int64); it accepts "
        "(iterable, ...: ranges, arrays, tuples, enumerate or zip objects)",
        "E-zip-int",
        "zip(a, n)",
    )


@njit
def e_reversed_array(a):
    for x in reversed(a):  # E-reversed-array
        pass


def test_reversed_array():
    expect_error(
        TypingError,
        lambda: e_reversed_array(np.zeros(2)),
        "invalid arguments to reversed(): got (array(float64, 1d, C)); it accepts (seq: range or tuple of numbers)",
        "E-reversed-array",
        "reversed(a)",
    )


# -- calls ------------------------------------------------------------------------------


@njit
def e_sqrt_tuple(x):
    return math.sqrt((x, x))  # E-sqrt-tuple


def test_math_function_with_a_tuple():
    expect_error(
        TypingError,
        lambda: e_sqrt_tuple(1.0),
        "invalid arguments to math.sqrt(): got (tuple(float64, float64)); it accepts (x: real)",
        "E-sqrt-tuple",
        "math.sqrt(",
    )


@njit
def e_sqrt_complex(x):
    return math.sqrt(complex(x, 1.0))  # E-sqrt-complex


def test_math_function_with_a_complex():
    expect_error(
        TypingError,
        lambda: e_sqrt_complex(1.0),
        "invalid arguments to math.sqrt(): got (complex128); it accepts (x: real)",
        "E-sqrt-complex",
        "math.sqrt(",
    )


@njit
def e_atan2_arity(x):
    return math.atan2(x)  # E-atan2-arity


def test_math_function_arity():
    expect_error(
        TypingError,
        lambda: e_atan2_arity(1.0),
        "invalid arguments to math.atan2(): got (float64); it accepts (y: real, x: real)",
        "E-atan2-arity",
        "math.atan2(x)",
    )


@njit
def e_range_float(x):
    return range(x)  # E-range-float


def test_range_of_a_float():
    expect_error(
        TypingError,
        lambda: e_range_float(2.5),
        "invalid arguments to range(): got (float64); it accepts (stop: int) or (start: int, stop: int[, step: int])",
        "E-range-float",
        "range(x)",
    )


@njit
def e_len_int(x):
    return len(x)  # E-len-int


def test_len_of_an_int():
    expect_error(
        TypingError,
        lambda: e_len_int(3),
        "invalid arguments to len(): got (int64); it accepts (obj: array, tuple, range or str)",
        "E-len-int",
        "len(x)",
    )


@njit
def e_int_complex(x):
    return int(complex(x, 0.0))  # E-int-complex


def test_int_of_a_complex():
    expect_error(
        TypingError,
        lambda: e_int_complex(1.0),
        "invalid arguments to int(): got (complex128); it accepts (x: real)",
        "E-int-complex",
        "int(complex",
    )


@njit
def e_round_digits(x):
    return round(x, 2.5)  # E-round-digits


def test_round_with_float_digits():
    expect_error(
        TypingError,
        lambda: e_round_digits(1.5),
        "invalid arguments to round(): got (float64, float64); it accepts (number: real, ndigits: int = None)",
        "E-round-digits",
        "round(x, 2.5)",
    )


@njit
def e_isinstance_value(x):
    return isinstance(x, 3)  # E-isinstance-value


def test_isinstance_with_a_value():
    expect_error(
        TypingError,
        lambda: e_isinstance_value(1),
        "invalid arguments to isinstance(): got (int64, int64); it accepts "
        "(obj, classinfo: int, float, bool, complex, tuple, a NumPy scalar type or a tuple of those)",
        "E-isinstance-value",
        "isinstance(x, 3)",
    )


@njit
def e_zeros_order(n):
    return np.zeros(n, order="F")  # E-zeros-order


def test_unexpected_keyword():
    expect_error(
        TypingError,
        lambda: e_zeros_order(3),
        "numpy.zeros() got an unexpected keyword argument 'order'",
        "E-zeros-order",
        "np.zeros(",
    )


@njit
def e_floor_keyword(x):
    return math.floor(x=x)  # E-floor-keyword


def test_keyword_to_a_positional_only_function():
    expect_error(
        TypingError,
        lambda: e_floor_keyword(1.5),
        "math.floor() takes no keyword arguments",
        "E-floor-keyword",
        "math.floor(",
    )


@njit
def e_float32_tuple(x):
    return np.float32((x, x))  # E-float32-tuple


def test_numpy_scalar_type_with_a_tuple():
    expect_error(
        TypingError,
        lambda: e_float32_tuple(1.0),
        "invalid arguments to numpy.float32(): got (tuple(float64, float64)); it accepts (x: real)",
        "E-float32-tuple",
        "np.float32(",
    )


@njit
def e_float64_complex(x):
    return np.float64(complex(x, 1.0))  # E-float64-complex


def test_numpy_real_type_of_a_complex():
    expect_error(
        TypingError,
        lambda: e_float64_complex(1.0),
        "invalid arguments to numpy.float64(): got (complex128); it accepts (x: real)",
        "E-float64-complex",
        "np.float64(",
    )


@njit
def e_numpy_sum(a):
    return np.sum(a)  # E-numpy-sum


def test_unsupported_numpy_function():
    expect_error(
        UnsupportedError,
        lambda: e_numpy_sum(np.zeros(2)),
        "unsupported: call to 'numpy.sum' in nopython mode",
        "E-numpy-sum",
        "np.sum",
    )


@njit
def e_math_nosuch(x):
    return math.nosuch(x)  # E-math-nosuch


def test_attribute_the_module_lacks():
    expect_error(
        UnsupportedError,
        lambda: e_math_nosuch(1.0),
        "unsupported attribute 'nosuch': module 'math' has no such attribute",
        "E-math-nosuch",
        "math.nosuch",
    )


def plain_helper(x):
    return x


@njit
def e_plain_call(x):
    return plain_helper(x)  # E-plain-call


def test_call_of_a_plain_python_function():
    expect_error(
        UnsupportedError,
        lambda: e_plain_call(1),
        "unsupported use of global 'plain_helper': call to the plain Python function 'plain_helper' "
        "(decorate it with @njit)",
        "E-plain-call",
        "plain_helper",
    )


@njit
def e_callee(x):
    return x + (x,)  # E-callee-inner


@njit
def e_caller(x):
    return e_callee(x)  # E-callee-outer


def test_error_inside_a_jitted_callee_names_both_places():
    err = expect_error(
        TypingError,
        lambda: e_caller(2),
        "invalid operand types for +: 'int64' and 'tuple(int64)'",
        "E-callee-inner",
        "x + (x,)",
    )
    note_at(err, "error: while specialising 'e_callee' for argument types (int64)", "E-callee-outer", "e_callee(x)")


@njit
def e_arity_callee(a, b):
    return a + b


@njit
def e_arity_caller(x):
    return e_arity_callee(x, x, x)  # E-arity


def test_jitted_call_with_too_many_arguments():
    expect_error(
        TypingError,
        lambda: e_arity_caller(1),
        "e_arity_callee() takes 2 arguments but 3 were given",
        "E-arity",
        "e_arity_callee(",
    )


@njit
def e_unknown_name(x):
    return x + no_such_name_anywhere  # E-unknown-name  # noqa: F821


def test_unknown_global_name():
    expect_error(
        UnsupportedError,
        lambda: e_unknown_name(1),
        "unsupported name 'no_such_name_anywhere': it is not a local, global or builtin name",
        "E-unknown-name",
        "no_such_name_anywhere",
    )


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
    assert lines == {_line_of("E-merge-first")[0], _line_of("E-merge-second")[0]}
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
    assert lines == {_line_of("E-none-first")[0], _line_of("E-none-second")[0]}


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
    assert err.lineno == _line_of("E-ifexp")[0]
    assert err.notes and err.notes[0][2] == _line_of("E-ifexp")[0]


@njit
def e_or(x):
    return x or (x, x)  # E-or


def test_or_operands_that_do_not_unify():
    with pytest.raises(TypingError) as info:
        e_or(1)
    assert info.value.msg.endswith("for the operands of 'or'")
    assert info.value.lineno == _line_of("E-or")[0]
