"""Shared helpers: run a function interpreted and compiled, compare."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
from numpy.testing import assert_allclose, assert_array_equal

from mumba import typeof

REPO_ROOT = Path(__file__).resolve().parents[2]
MUMBA_OPT = REPO_ROOT / "build" / "bin" / "mumba-opt"

FLOAT_DTYPES = ["float64", "float32"]
INT_DTYPES = ["int64", "int32"]
DTYPES = FLOAT_DTYPES + INT_DTYPES


def clone(x: Any) -> Any:
    """A copy of ``x`` that keeps its Mumba type (dtype, ndim, layout)."""
    if not isinstance(x, np.ndarray):
        return x
    if x.flags.c_contiguous:
        return np.array(x, order="C", copy=True)
    if x.flags.f_contiguous:
        return np.array(x, order="F", copy=True)
    # Non-contiguous: a strided view into a bigger buffer.
    big = np.zeros(x.shape + (2,), dtype=x.dtype)
    view = big[..., 0]
    view[...] = x
    assert typeof(view) == typeof(x)
    return view


def _rtol_for(*values: Any) -> float:
    for v in values:
        if isinstance(v, (np.float32, np.ndarray)) and getattr(v, "dtype", None) == np.float32:
            return 2e-5
    return 1e-12


def assert_same(got: Any, expected: Any, rtol: float | None = None, int_as_float: bool = False) -> None:
    """Exact for ints and bools, ``assert_allclose`` for floats; also checks
    that the kinds agree (an int result must not come back as a float)."""
    if isinstance(expected, tuple):
        assert isinstance(got, tuple), f"expected a tuple, got {got!r}"
        assert len(got) == len(expected)
        for g, e in zip(got, expected):
            assert_same(g, e, rtol, int_as_float)
        return
    if expected is None:
        assert got is None, f"expected None, got {got!r}"
        return
    if isinstance(expected, (bool, np.bool_)):
        assert isinstance(got, (bool, np.bool_)), f"expected a bool, got {got!r}"
        assert bool(got) == bool(expected)
        return
    if isinstance(expected, (int, np.integer)) and not int_as_float:
        assert isinstance(got, (int, np.integer)) and not isinstance(
            got, (bool, np.bool_)
        ), f"expected an int, got {got!r} ({type(got).__name__})"
        assert int(got) == int(expected), f"{got!r} != {expected!r}"
        return
    if isinstance(expected, (complex, np.complexfloating)):
        assert isinstance(got, (complex, np.complexfloating)), f"expected a complex, got {got!r}"
        rtol = rtol or 1e-12
        assert_allclose(complex(got).real, complex(expected).real, rtol=rtol, atol=1e-300)
        assert_allclose(complex(got).imag, complex(expected).imag, rtol=rtol, atol=1e-300)
        return
    if isinstance(expected, (int, float, np.integer, np.floating)):
        assert isinstance(got, (float, np.floating)) or int_as_float, (
            f"expected a float, got {got!r} ({type(got).__name__})"
        )
        if rtol is None:
            rtol = _rtol_for(got, expected)
        if math.isinf(float(expected)):
            assert float(got) == float(expected)
        else:
            assert_allclose(float(got), float(expected), rtol=rtol, atol=1e-300)
        return
    if isinstance(expected, np.ndarray):
        assert isinstance(got, np.ndarray)
        assert got.dtype == expected.dtype and got.shape == expected.shape
        if expected.dtype.kind == "f":
            assert_allclose(got, expected, rtol=rtol or _rtol_for(expected))
        else:
            assert_array_equal(got, expected)
        return
    raise AssertionError(f"cannot compare {expected!r}")


def check(f: Any, *args: Any, rtol: float | None = None, int_as_float: bool = False) -> Any:
    """Run ``f.py_func`` on copies of ``args`` and ``f`` on ``args``; the
    results and every array argument afterwards must agree.

    The compiled call gets the original arrays (real strided views); the
    interpreted one gets copies of the same type.
    """
    py_args = [clone(a) for a in args]
    expected = f.py_func(*py_args)
    got = f(*args)
    key = tuple(typeof(a) for a in args)
    assert key in f.signatures, f"{key} was not compiled"
    assert_same(got, expected, rtol, int_as_float)
    for a, p in zip(args, py_args):
        if isinstance(a, np.ndarray):
            assert_same(a, p, rtol)
    return got


def check_outcome(f: Any, *args: Any, rtol: float | None = None) -> Any:
    """Like :func:`check`, but where ``f.py_func`` raises, the compiled call
    must raise the same exception class with the same ``args``."""
    try:
        expected = f.py_func(*[clone(a) for a in args])
    except Exception as exc:  # noqa: BLE001 - any exception Python raises
        try:
            f(*args)
        except Exception as got:  # noqa: BLE001
            assert type(got) is type(exc), f"raised {got!r}, Python {exc!r}"
            assert got.args == exc.args, f"raised {got!r}, Python {exc!r}"
            return got
        raise AssertionError(f"returned where Python raised {exc!r}") from None
    got = f(*args)
    assert_same(got, expected, rtol)
    return got


def make_array(shape, dtype: str, layout: str = "C", seed: int = 0, low: int = -9, high: int = 10) -> np.ndarray:
    """A test array of the given Mumba layout: ``C``, ``F`` or ``A``
    (a non-contiguous view).  Integer dtypes hold small values."""
    rng = np.random.default_rng(seed)
    if isinstance(shape, int):
        shape = (shape,)
    if layout == "A":
        # Take every other element along the last axis of a bigger array.
        base_shape = tuple(shape[:-1]) + (shape[-1] * 2,)
        base = make_array(base_shape, dtype, "C", seed, low, high)
        a = base[..., ::2]
        assert typeof(a).endswith("A>") or a.size <= 1
        return a
    if np.dtype(dtype).kind == "f":
        data = rng.uniform(low, high, size=shape).astype(dtype)
    else:
        data = rng.integers(low, high, size=shape).astype(dtype)
    if layout == "F":
        return np.asfortranarray(data)
    return np.ascontiguousarray(data)
