"""Names and limits the compiler owns, and the Python package's copies of
them: each list has one owner (C++), exported by the extension."""

from __future__ import annotations

import math

import numpy as np
import pytest

import mumba
from mumba import _mumba, njit
from mumba.typeof import MAX_NDIM
from mumba.dispatcher import STAGES
from mumba.frontend.module import RUNTIME_SYMBOLS

FACTS = _mumba.compiler_facts()


def test_typing_and_lowering_registries_have_the_same_keys():
    typed, lowered = set(FACTS["typed_calls"]), set(FACTS["lowered_calls"])
    assert typed - lowered == set(), "typed but not lowered"
    assert lowered - typed == set(), "lowered but not typed"
    assert {"range", "math.sqrt", "cmath.exp", "numpy.exp", "numpy.zeros", "array.copy"} <= typed


def test_stages_are_the_compilers():
    assert STAGES == FACTS["stages"]


def test_runtime_symbols_are_the_runtimes():
    assert RUNTIME_SYMBOLS == frozenset(FACTS["runtime_symbols"])


def test_argument_rank_within_the_dialects_limit():
    assert FACTS["max_array_rank"] == 32  # NumPy's NPY_MAXDIMS
    assert MAX_NDIM <= FACTS["max_array_rank"]


# A jitted function may carry the name of any function compiled code calls
# (libm, the C library, the runtime) and both still work.
def nextafter(x, y):
    return x + y


def remainder(x, y):
    return x * y


def mumbaPrint(x):
    return x - 1


def mumbaModPow(x):
    return x * 3


def mumbaRaiseUser(x):
    return x + 7


def expm1f(x):
    return x * 2.0


def _calls_all(x):
    a = nextafter(x, 1.0) + math.nextafter(x, 2.0)
    b = remainder(x, 3.0) + math.remainder(x, 3.0)
    c = mumbaPrint(x) + mumbaModPow(x) + mumbaRaiseUser(x) + expm1f(np.float32(x))
    d = pow(7, 3, 5) + math.expm1(x)
    if x < -100.0:
        raise ValueError("negative")
    print(c)
    return a + b + c + d


@pytest.mark.parametrize("name", ["nextafter", "remainder", "mumbaPrint", "mumbaModPow", "mumbaRaiseUser", "expm1f"])
def test_user_function_named_like_a_symbol(name):
    fn = globals()[name]
    args = (2.5, 1.5)[: fn.__code__.co_argcount]
    assert njit(fn)(*args) == fn(*args)


def test_functions_named_like_symbols_called_together(capfd):
    g = dict(globals())
    for name in ("nextafter", "remainder", "mumbaPrint", "mumbaModPow", "mumbaRaiseUser", "expm1f"):
        g[name] = njit(globals()[name])
    compiled = njit(type(_calls_all)(_calls_all.__code__, g))
    expected = _calls_all(1.25)
    capfd.readouterr()
    assert compiled(1.25) == pytest.approx(expected, rel=1e-6)
    with pytest.raises(ValueError, match="negative"):
        compiled(-200.0)
