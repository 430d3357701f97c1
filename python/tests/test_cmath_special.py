"""cmath at special values: every supported cmath function over signed
zeros, ones, infinities, NaN and a finite value in both parts, against
CPython, signs of zeros and positions of NaNs included.

Where CPython raises ValueError (its special-value tables flag the result
"invalid" or "divide-by-zero"), compiled code returns the table's value
instead, as it returns NaN for math's domain errors
(docs/python-semantics.md); RAISING lists those values, as CPython's
cmath_testcases.txt documents them.
"""

from __future__ import annotations

import cmath
import itertools
import math

import pytest

from mumba import njit

INF, NAN = math.inf, math.nan
VALUES = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, INF, -INF, NAN]
POINTS = list(itertools.product(VALUES, VALUES))


def kind(x: float) -> str:
    """The class CPython's tables use: a signed zero, a signed non-zero
    finite value (x), a signed infinity, or nan."""
    if math.isnan(x):
        return "nan"
    sign = "-" if math.copysign(1.0, x) < 0 else ""
    if x == 0:
        return sign + "0"
    return sign + ("inf" if math.isinf(x) else "x")


def _signs(k: str) -> list:
    return [k[1:], "-" + k[1:]] if k.startswith("±") else [k]


def _table(*rows):
    """{(class of re, class of im): (re, im, ignored signs)} from rows
    (re class, im class, "re im", ignored), '±' standing for both signs."""
    table = {}
    for re_kind, im_kind, result, ignored in rows:
        re, im = (float(v) for v in result.split())
        for key in itertools.product(_signs(re_kind), _signs(im_kind)):
            table[key] = (re, im, ignored)
    return table


RAISING = {
    "exp": _table(
        ("±0", "±inf", "nan nan", ""),
        ("±x", "±inf", "nan nan", ""),
        ("inf", "±inf", "inf nan", "re"),
    ),
    "cosh": _table(
        ("±0", "±inf", "nan 0", "im"),
        ("±x", "±inf", "nan nan", ""),
        ("±inf", "±inf", "inf nan", "re"),
    ),
    "sinh": _table(
        ("±0", "±inf", "0 nan", "re"),
        ("±x", "±inf", "nan nan", ""),
        ("±inf", "±inf", "inf nan", "re"),
    ),
    "tanh": _table(("±0", "±inf", "nan nan", ""), ("±x", "±inf", "nan nan", "")),
    "cos": _table(
        ("±inf", "±0", "nan 0", "im"),
        ("±inf", "±x", "nan nan", ""),
        ("±inf", "±inf", "inf nan", "re"),
    ),
    "sin": _table(
        ("±inf", "±0", "nan 0", "im"),
        ("±inf", "±x", "nan nan", ""),
        ("±inf", "±inf", "nan inf", "im"),
    ),
    "tan": _table(("±inf", "±0", "nan nan", ""), ("±inf", "±x", "nan nan", "")),
    "rect": _table(("±x", "±inf", "nan nan", ""), ("±inf", "±inf", "inf nan", "re")),
    # log(±0 ± 0j) is -inf with the phase of the zero.
    "log": {k: None for k in itertools.product(["0", "-0"], ["0", "-0"])},
    "log10": {k: None for k in itertools.product(["0", "-0"], ["0", "-0"])},
}


def same(got: float, want: float, ignore_sign: bool = False) -> bool:
    """Equal as CPython's tests compare: NaN matches NaN, zeros and
    infinities exactly with their signs, other values to a few ulps."""
    if math.isnan(want) or math.isnan(got):
        return math.isnan(want) and math.isnan(got)
    if ignore_sign:
        got, want = abs(got), abs(want)
    if want == 0 or math.isinf(want):
        return got == want and math.copysign(1, got) == math.copysign(1, want)
    return math.isclose(got, want, rel_tol=4e-16, abs_tol=0.0)


def expected(name: str, fn, *args):
    """CPython's result as (re, im, ignored signs), or the table's value
    where CPython raises ValueError, or the exception it raises."""
    try:
        z = fn(*args)
    except ValueError:
        key = (kind(args[0]), kind(args[1])) if name == "rect" else (
            kind(args[0].real), kind(args[0].imag))
        assert key in RAISING[name], f"{name}{args} raises in CPython; not in the table"
        row = RAISING[name][key]
        if row is None:  # log of a zero
            z = args[0]
            phase = math.atan2(z.imag, z.real)
            return (-INF, phase / math.log(10) if name == "log10" else phase, "")
        return row
    except ZeroDivisionError as exc:
        return exc
    if isinstance(z, tuple):
        return z
    return (z.real, z.imag, "")


def check(name, compiled, py, points):
    bad = []
    for args in points:
        want = expected(name, py, *args)
        if isinstance(want, BaseException):
            with pytest.raises(type(want)):
                compiled(*[a for arg in args for a in _parts(arg)])
            continue
        got = compiled(*[a for arg in args for a in _parts(arg)])
        re, im, ignored = want if len(want) == 3 else (*want, "")
        if not (same(got[0], re, "re" in ignored) and same(got[1], im, "im" in ignored)):
            bad.append(f"{name}{args}: got {got}, CPython {want[:2]}")
    assert not bad, "\n".join(bad)


def _parts(x):
    return (x.real, x.imag) if isinstance(x, complex) else (x,)


def _unary(name):
    f = getattr(cmath, name)

    def kernel(re, im):
        w = f(complex(re, im))
        return w.real, w.imag

    kernel.__name__ = f"cmath_{name}"
    return njit(kernel)


UNARY = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh"]


@pytest.mark.parametrize("name", UNARY)
def test_unary_special_values(name):
    compiled = _unary(name)
    check(name, compiled, getattr(cmath, name), [(complex(re, im),) for re, im in POINTS])


@njit
def _log_base(re, im, bre, bim):
    w = cmath.log(complex(re, im), complex(bre, bim))
    return w.real, w.imag


def test_log_with_base_special_values():
    bases = [complex(b, 0.0) for b in (2.5, 0.5, 10.0, INF, NAN)] + [complex(0.0, 2.5)]
    points = [(complex(re, im), b) for (re, im) in POINTS for b in bases]
    # CPython raises for log(0, b); the value is log(0) / log(b).
    def py(z, b):
        try:
            return cmath.log(z, b)
        except ValueError:
            return complex(-INF, math.atan2(z.imag, z.real)) / cmath.log(b)
    check("log", _log_base, py, points)


def test_log_base_one_raises():
    # log(1) is 0, and CPython's division by it is a domain error.
    with pytest.raises(ValueError, match="^math domain error$"):
        cmath.log(complex(2.5, 1.0), 1.0)
    with pytest.raises(ValueError, match="^math domain error$"):
        _log_base(2.5, 1.0, 1.0, 0.0)


@njit
def _rect(r, phi):
    w = cmath.rect(r, phi)
    return w.real, w.imag


def test_rect_special_values():
    check("rect", _rect, cmath.rect, POINTS)


@njit
def _phase(re, im):
    return cmath.phase(complex(re, im)), 0.0


@njit
def _polar(re, im):
    return cmath.polar(complex(re, im))


def test_phase_and_polar_special_values():
    check("phase", _phase, lambda z: (cmath.phase(z), 0.0, ""), [(complex(*p),) for p in POINTS])
    check("polar", _polar, cmath.polar, [(complex(*p),) for p in POINTS])


@njit
def _classify(re, im):
    z = complex(re, im)
    return cmath.isnan(z), cmath.isinf(z), cmath.isfinite(z)


def test_classify_special_values():
    for re, im in POINTS:
        z = complex(re, im)
        assert _classify(re, im) == (cmath.isnan(z), cmath.isinf(z), cmath.isfinite(z))


def test_rect_of_negative_zero_and_infinite_phase():
    # The reported case: CPython gives 0j, not nan+nanj.
    re, im = _rect(-0.0, -INF)
    w = cmath.rect(-0.0, -INF)
    assert same(re, w.real) and same(im, w.imag)


# Finite values far from the special ones: tiny (subnormal) parts, parts
# near overflow, and ordinary ones; CPython raises OverflowError where the
# result overflows, which compiled code gives as an infinity (skipped here).
FINITE = [
    (1e-310, 1e-310), (-3e-320, 5e-324), (0.3, 1e-310), (710.5, 0.3),
    (-710.5, 2.0), (709.0, -1.0), (1e300, 1e300), (-1e300, 3.0),
    (0.5, 0.25), (-3.0, 4.0), (20.0, -0.5), (-0.75, 100.0), (1.0, 1e-20),
]


def ulps(got: float, want: float) -> float:
    if got == want:
        return 0.0
    return abs(got - want) / math.ulp(abs(want))


@pytest.mark.parametrize("name", UNARY)
def test_unary_finite_values_to_the_last_bits(name):
    compiled, f = _unary(name), getattr(cmath, name)
    for re, im in FINITE:
        try:
            want = f(complex(re, im))
        except OverflowError:
            continue
        got = compiled(re, im)
        assert ulps(got[0], want.real) <= 2 and ulps(got[1], want.imag) <= 2, (
            name, re, im, got, want)
