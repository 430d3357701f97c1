"""Errors about the arguments of a call say what CPython and Numba say
(issue 17, "never lie"): a wrong keyword is an unexpected keyword, not a
missing argument; an int too big for its type names the parameter; types
are spelled as Numba spells them, never as MLIR does."""

from __future__ import annotations

import numpy as np
import pytest

from mumba import njit, vectorize


@njit
def two(a, b=2):
    return a + b


@njit
def shaped(a, /, b, *, c, d=4):
    return a + b + c + d


def python_error(fn, args, kwargs):
    with pytest.raises(TypeError) as info:
        fn(*args, **kwargs)
    return str(info.value)


@pytest.mark.parametrize(
    "fn, args, kwargs",
    [
        (two, (), {"c": 3}),  # was "missing a required argument: 'a'"
        (two, (1,), {"c": 3}),
        (two, (), {"a": 1, "c": 3}),
        (two, (1, 2, 3), {}),
        (two, (1,), {"a": 2}),
        (two, (), {}),
        (shaped, (1, 2), {}),
        (shaped, (), {"a": 1, "b": 2, "c": 3}),
        (shaped, (1, 2, 3), {}),
        (shaped, (1,), {"b": 2, "c": 3, "e": 5}),
        (shaped, (1, 2), {"c": 3, "b": 4}),
        (shaped, (), {}),
    ],
)
def test_binding_errors_are_cpythons(fn, args, kwargs):
    assert python_error(fn, args, kwargs) == python_error(fn.py_func, args, kwargs)


def test_binding_still_works():
    assert two(1, b=5) == two.py_func(1, b=5)
    assert shaped(1, 2, c=3) == shaped.py_func(1, 2, c=3)
    assert shaped(1, b=2, c=3, d=0) == shaped.py_func(1, b=2, c=3, d=0)


@pytest.mark.parametrize(
    "args, kwargs, name",
    [((2**70,), {}, "a"), ((1, 2**70), {}, "b"), ((1,), {"b": -(2**63) - 1}, "b")],
)
def test_int_too_big_names_the_argument(args, kwargs, name):
    two(1, 2)  # compiled for (int64, int64): the big int meets that type
    value = (list(args) + list(kwargs.values()))[-1]
    with pytest.raises(OverflowError) as info:
        two(*args, **kwargs)
    assert str(info.value).startswith(f"argument '{name}': {value} does not fit in int64")


def test_int_too_big_for_a_declared_unsigned_type():
    @njit("uint64(uint64)")
    def ident(x):
        return x

    assert ident(2**64 - 1) == 2**64 - 1
    with pytest.raises(OverflowError, match=r"^argument 'x': 18446744073709551616 does not fit in uint64"):
        ident(2**64)
    with pytest.raises(OverflowError, match=r"^argument 'x': -1 does not fit in uint64"):
        ident(-1)


def test_vectorize_names_array_types_as_numba():
    with pytest.raises(TypeError) as info:

        @vectorize(["float64(float64[:])"])
        def v(x):
            return x

    message = str(info.value)
    assert "array(float64, 1d, A)" in message and "!nb" not in message


def test_missing_specialisation_names_types_as_numba():
    @njit
    def ident(a):
        return a

    ident(np.zeros(3))
    with pytest.raises(KeyError) as info:
        ident.inspect_llvm(("!nb.array<f64, 2, A>",))
    message = str(info.value)
    assert "array(float64, 2d, A)" in message and "array(float64, 1d, C)" in message
    assert "!nb" not in message
