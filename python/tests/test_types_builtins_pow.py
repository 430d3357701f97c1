"""pow(base, exp, mod): modular exponentiation with Python's results."""

from __future__ import annotations

import pytest
from helpers import check

from mumba import njit


@njit
def modpow(a, b, m):
    return pow(a, b, m)


@njit
def modpow_keywords(a, b, m):
    return pow(a, b, mod=m)


@pytest.mark.parametrize(
    "a,b,m",
    [(2, 10, 1000), (3, 200, 13), (-7, 5, 10), (7, 5, -10), (2**62, 2**62, 2**61 + 1), (5, 0, 7), (0, 0, 1), (10, 3, 1)],
)
def test_modular_power_matches_python(a, b, m):
    check(modpow, a, b, m)
    check(modpow_keywords, a, b, m)


@pytest.mark.parametrize("a,b,m", [(2, 3, 0), (2, -1, 5)])
def test_zero_modulus_and_negative_exponent_raise(a, b, m):
    # Python raises for a zero modulus and computes an inverse for a
    # negative exponent; compiled code raises ValueError for both.
    with pytest.raises(ValueError, match="pow\\(\\) with a modulus"):
        modpow(a, b, m)
    assert modpow(2, 3, 5) == 3
