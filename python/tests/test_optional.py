"""Results that are a number or None (Numba's OptionalType for results)."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import check

from mumba import TypingError, njit


@njit
def find(a, x):
    for i in range(a.shape[0]):
        if a[i] == x:
            return i
    return None


@njit
def half(x):
    if x % 2 == 0:
        return x / 2
    return None


@njit
def with_half(x):
    return x, half(x)


@njit
def int_or_float(x):
    if x > 0:
        return 1
    if x < 0:
        return 2.5
    return None


@njit
def uses_optional(x):
    return half(x) + 1


@pytest.mark.parametrize("x", [5.0, 7.0, 4.0, np.nan])
def test_search_returns_an_index_or_none(x):
    check(find, np.array([3.0, 5.0, 7.0]), x)
    check(find, np.zeros(0), x)


@pytest.mark.parametrize("x", [4, 3, 0, -2])
def test_optional_in_a_tuple_and_through_calls(x):
    check(half, x)
    check(with_half, x)


@pytest.mark.parametrize("x", [3, -3, 0])
def test_optional_unifies_numbers(x):
    got = int_or_float(x)
    assert got == int_or_float.py_func(x)
    assert got is None or isinstance(got, float)
    assert "-> !nb.optional<f64>" in int_or_float.inspect_mlir("nb-typed")


def test_an_optional_must_be_checked_before_use():
    with pytest.raises(TypingError, match="OptionalType\\(float64\\)"):
        uses_optional(4)
