"""Complex numbers as arguments and results of compiled functions."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import check

from mumba import njit


@njit
def affine(z, w):
    return z * w + 1


@njit
def parts(z):
    return z.real, z.imag, abs(z)


@njit
def mixed(z, x, n):
    return z * x - n


@pytest.mark.parametrize("z,w", [(1 + 2j, 3 - 1j), (0j, 5j), (-1.5 + 0j, 2 + 2j)])
def test_complex128_in_and_out(z, w):
    check(affine, z, w)
    check(parts, z)


def test_complex64_keeps_its_precision():
    z, w = np.complex64(1 + 2j), np.complex64(2 - 0.5j)
    got = affine(z, w)
    assert got == pytest.approx(complex(affine.py_func(z, w)), rel=1e-6)
    assert "complex<f32>" in affine.signatures[-1]


def test_complex_mixes_with_numbers():
    check(mixed, 1 + 1j, 2.5, 3)
    check(mixed, -2j, 0.0, -1)


@njit
def complex_sum(a):
    t = 0j
    for i in range(a.shape[0]):
        t += a[i] * 2
    return t


@njit
def complex_ramp(n):
    a = np.zeros(n, dtype=np.complex128)
    for i in range(n):
        a[i] = complex(i, -i)
    return a, a.itemsize, a.nbytes


@njit
def store_real_into_complex(a):
    a[0] = 5
    return a


@pytest.mark.parametrize("dtype", ["complex128", "complex64"])
def test_complex_arrays_in(dtype):
    z = np.array([1 + 2j, 3 - 1j, -0.5j], dtype=dtype)
    got = complex_sum(z)
    assert got == pytest.approx(complex(complex_sum.py_func(z)), rel=1e-6)
    check(store_real_into_complex, z.copy())


def test_complex_arrays_out():
    check(complex_ramp, 4)
    check(complex_ramp, 0)


def test_complex_value_into_real_array_is_a_typing_error():
    from mumba import TypingError

    @njit
    def put(a, z):
        a[0] = z

    with pytest.raises(TypingError, match="cannot store a value of type 'complex128'"):
        put(np.zeros(2), 1j)
