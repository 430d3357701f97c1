"""The np.random runtime (lib/Runtime/Random*.c) through ctypes: every draw
bit-identical to NumPy's legacy RandomState for the same seed, NumPy's
errors, one state per thread."""

from __future__ import annotations

import ctypes
import threading
import warnings
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest
from numpy.testing import assert_array_equal

LIB_PATH = Path(__file__).resolve().parents[2] / "build" / "lib" / "libmumba_runtime.so"
SEEDS = [0, 1, 12345, 2**32 - 1]
N = 1000
MUMBA_OK = 0
MUMBA_RANDOM_ERROR = 16

D = ctypes.c_double
I64 = ctypes.c_int64
PTR = ctypes.c_void_p

# name: (result, arguments); draws take and return plain scalars.
SIGNATURES: dict[str, tuple[Any, list[Any]]] = {
    "Seed": (ctypes.c_int, [I64]),
    "Status": (ctypes.c_int, []),
    "Random": (D, []),
    "Uniform": (D, [D, D]),
    "Randint": (I64, [I64, I64]),
    "RandomIntegers": (I64, [I64, I64]),
    "RandintFill": (ctypes.c_int, [PTR, I64, I64, ctypes.c_int, I64, I64]),
    "StandardNormal": (D, []),
    "Normal": (D, [D, D]),
    "Lognormal": (D, [D, D]),
    "StandardExponential": (D, []),
    "Exponential": (D, [D]),
    "StandardGamma": (D, [D]),
    "Gamma": (D, [D, D]),
    "Beta": (D, [D, D]),
    "Chisquare": (D, [D]),
    "F": (D, [D, D]),
    "StandardT": (D, [D]),
    "StandardCauchy": (D, []),
    "Laplace": (D, [D, D]),
    "Logistic": (D, [D, D]),
    "Gumbel": (D, [D, D]),
    "Pareto": (D, [D]),
    "Power": (D, [D]),
    "Weibull": (D, [D]),
    "Rayleigh": (D, [D]),
    "Triangular": (D, [D, D, D]),
    "Vonmises": (D, [D, D]),
    "Wald": (D, [D, D]),
    "Binomial": (I64, [I64, D]),
    "NegativeBinomial": (I64, [D, D]),
    "Poisson": (I64, [D]),
    "Geometric": (I64, [D]),
    "Hypergeometric": (I64, [I64, I64, I64]),
    "Logseries": (I64, [D]),
    "Zipf": (I64, [D]),
    "Multinomial": (ctypes.c_int, [PTR, I64, I64, PTR, I64, I64]),
    "Shuffle": (None, [PTR, I64, I64, I64]),
    "Permutation": (ctypes.c_int, [PTR, I64]),
    "Choice": (ctypes.c_int, [PTR, I64, I64, ctypes.c_int, ctypes.c_int, PTR, I64, I64]),
}

# Random.h's MumbaRandomIntKind.
INT_KINDS = {
    "bool": 0,
    "int8": 1,
    "uint8": 2,
    "int16": 3,
    "uint16": 4,
    "int32": 5,
    "uint32": 6,
    "int64": 7,
    "uint64": 8,
}


def _load() -> ctypes.CDLL:
    lib = ctypes.CDLL(str(LIB_PATH))
    for name, (res, args) in SIGNATURES.items():
        fn = getattr(lib, "mumbaRandom" + name)
        fn.restype = res
        fn.argtypes = args
    lib.mumbaStatusMessage.restype = ctypes.c_char_p
    lib.mumbaStatusMessage.argtypes = [ctypes.c_int]
    lib.mumbaRecordedExceptionClass.restype = ctypes.c_char_p
    return lib


LIB = _load()


def fn(name: str) -> Callable[..., Any]:
    return getattr(LIB, "mumbaRandom" + name)


def seed(s: int) -> None:
    assert LIB.mumbaRandomSeed(s) == MUMBA_OK


def status() -> int:
    return LIB.mumbaRandomStatus()


def assert_bitwise(got: Any, expected: Any) -> None:
    """Equal values, floats compared bit for bit (NaN and -0.0 too)."""
    got = np.asarray(got)
    expected = np.asarray(expected)
    assert got.shape == expected.shape
    if expected.dtype.kind == "f":
        assert got.dtype == np.float64
        assert_array_equal(got.view(np.uint64), expected.astype(np.float64).view(np.uint64))
    else:
        assert_array_equal(got, expected)


def draws(name: str, args: tuple, n: int = N) -> np.ndarray:
    f = fn(name)
    out = np.array([f(*args) for _ in range(n)])
    assert status() == MUMBA_OK
    return out


def numpy_error(call: Callable[[], Any]) -> tuple[str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(Exception) as info:
            call()
    return type(info.value).__name__, str(info.value)


def recorded_error(code: int) -> tuple[str, str]:
    assert code == MUMBA_RANDOM_ERROR
    return (
        LIB.mumbaRecordedExceptionClass().decode(),
        LIB.mumbaStatusMessage(code).decode(),
    )


# (mumba name, numpy method, parameter sets): parameters chosen to reach
# every branch of NumPy's algorithm.
CASES = [
    ("Random", "random_sample", [()]),
    ("Uniform", "uniform", [(0.0, 1.0), (-3.0, 5.5), (5.0, 1.0), (2.0, 2.0)]),
    ("StandardNormal", "standard_normal", [()]),
    ("Normal", "normal", [(0.0, 1.0), (3.0, 0.5), (-2.0, 0.0)]),
    ("Lognormal", "lognormal", [(0.0, 1.0), (1.0, 0.25)]),
    ("StandardExponential", "standard_exponential", [()]),
    ("Exponential", "exponential", [(1.0,), (2.5,), (0.0,)]),
    ("StandardGamma", "standard_gamma", [(0.2,), (1.0,), (5.5,), (0.0,), (1e-3,)]),
    ("Gamma", "gamma", [(0.5, 1.0), (1.0, 2.0), (3.7, 2.0), (0.0, 1.0)]),
    ("Beta", "beta", [(0.5, 0.5), (0.1, 0.9), (2.0, 3.0), (0.5, 5.0), (1e-3, 1e-3)]),
    ("Chisquare", "chisquare", [(1.0,), (2.0,), (10.5,), (0.3,)]),
    ("F", "f", [(1.0, 1.0), (5.0, 10.0), (0.5, 20.0)]),
    ("StandardT", "standard_t", [(1.0,), (3.5,), (0.5,), (100.0,)]),
    ("StandardCauchy", "standard_cauchy", [()]),
    ("Laplace", "laplace", [(0.0, 1.0), (2.0, 0.5), (0.0, 0.0)]),
    ("Logistic", "logistic", [(0.0, 1.0), (-1.0, 3.0)]),
    ("Gumbel", "gumbel", [(0.0, 1.0), (5.0, 0.1)]),
    ("Pareto", "pareto", [(1.0,), (3.5,), (0.1,)]),
    ("Power", "power", [(1.0,), (0.5,), (5.0,)]),
    ("Weibull", "weibull", [(1.0,), (0.5,), (3.0,), (0.0,)]),
    ("Rayleigh", "rayleigh", [(1.0,), (2.5,), (0.0,)]),
    ("Triangular", "triangular", [(0.0, 0.5, 1.0), (-1.0, -1.0, 2.0), (0.0, 3.0, 3.0), (1.0, 2.0, 10.0)]),
    (
        "Vonmises",
        "vonmises",
        [(0.0, 1.0), (1.0, 0.1), (0.0, 1e-9), (0.0, 5e-6), (2.0, 100.0), (-3.0, 1e7), (3.0, 0.0), (3.1, 0.5)],
    ),
    ("Wald", "wald", [(1.0, 1.0), (3.0, 0.5), (0.1, 10.0)]),
    (
        "Binomial",
        "binomial",
        [(10, 0.3), (1000, 0.3), (1000, 0.7), (20, 0.9), (0, 0.5), (5, 0.0), (5, 1.0), (100000, 0.5), (2**40, 1e-3)],
    ),
    ("NegativeBinomial", "negative_binomial", [(1.0, 0.5), (5.5, 0.3), (0.5, 0.9), (10.0, 1.0), (100.0, 0.01)]),
    ("Poisson", "poisson", [(0.0,), (0.5,), (5.0,), (10.0,), (150.5,), (1e6,), (1e12,)]),
    ("Geometric", "geometric", [(0.5,), (0.1,), (0.9,), (1.0,), (1e-5,), (1.0 / 3.0,), (1e-15,)]),
    (
        "Hypergeometric",
        "hypergeometric",
        [(5, 10, 3), (50, 60, 30), (100, 2, 20), (2, 100, 50), (10**6, 10**6, 1000)]
        + [(5, 5, 10), (1000, 10, 900), (3, 4, 1)],
    ),
    ("Logseries", "logseries", [(0.5,), (0.9,), (0.99,), (0.01,), (0.0,), (0.9999,)]),
    ("Zipf", "zipf", [(2.0,), (1.5,), (4.0,), (1.05,)]),
]

DRAW_PARAMS = [
    pytest.param(name, method, args, id=f"{method}{args}") for name, method, sets in CASES for args in sets
]


@pytest.mark.parametrize("name,method,args", DRAW_PARAMS)
@pytest.mark.parametrize("s", SEEDS)
def test_draws_match_numpy(name: str, method: str, args: tuple, s: int) -> None:
    seed(s)
    got = draws(name, args)
    expected = getattr(np.random.RandomState(s), method)(*args, size=N)
    assert_bitwise(got, expected)


@pytest.mark.parametrize("s", SEEDS)
def test_global_seed_matches_np_random_seed(s: int) -> None:
    np.random.seed(s)
    expected = [np.random.random(), np.random.normal(), np.random.randint(0, 100), np.random.gamma(2.0)]
    seed(s)
    got = [fn("Random")(), fn("Normal")(0.0, 1.0), fn("Randint")(0, 100), fn("Gamma")(2.0, 1.0)]
    assert_bitwise(got[:2] + got[3:], expected[:2] + expected[3:])
    assert got[2] == expected[2]


INT_RANGES = [
    (0, 10),
    (-5, 5),
    (0, 1),
    (0, 2**31),
    (0, 2**32),
    (0, 2**32 + 1),
    (10, 2**40),
    (-(2**63), 2**63 - 1),
    (2**62, 2**63 - 1),
]


@pytest.mark.parametrize("low,high", INT_RANGES)
@pytest.mark.parametrize("s", SEEDS)
def test_randint_matches_numpy(low: int, high: int, s: int) -> None:
    seed(s)
    got = draws("Randint", (low, high))
    assert_array_equal(got, np.random.RandomState(s).randint(low, high, size=N))


@pytest.mark.parametrize("low,high", [(1, 6), (0, 0), (-(2**63), 2**63 - 1), (5, 2**33), (-7, 2**63 - 1)])
@pytest.mark.parametrize("s", SEEDS)
def test_random_integers_matches_numpy(low: int, high: int, s: int) -> None:
    seed(s)
    got = draws("RandomIntegers", (low, high))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        expected = np.random.RandomState(s).random_integers(low, high, size=N)
    assert_array_equal(got, expected)


DTYPE_RANGES = [
    ("bool", 0, 2),
    ("bool", 0, 1),
    ("bool", 1, 2),
    ("int8", -128, 128),
    ("int8", -5, 7),
    ("uint8", 0, 256),
    ("uint8", 3, 100),
    ("int16", -(2**15), 2**15),
    ("int16", -100, 1000),
    ("uint16", 0, 2**16),
    ("uint16", 7, 9),
    ("int32", -(2**31), 2**31),
    ("int32", 0, 10),
    ("uint32", 0, 2**32),
    ("uint32", 5, 2**31 + 7),
    ("int64", -(2**63), 2**63 - 1),
    ("int64", 0, 3),
    ("uint64", 0, 2**40),
    ("uint64", 0, 2**63 - 1),
]


@pytest.mark.parametrize("dtype,low,high", DTYPE_RANGES)
@pytest.mark.parametrize("s", SEEDS)
def test_randint_dtypes_match_numpy(dtype: str, low: int, high: int, s: int) -> None:
    """One fill call is one NumPy call of that size (narrow dtypes share
    32-bit draws), including strided output; then a scalar call."""
    seed(s)
    out = np.zeros(2 * N, dtype=dtype)
    view = out[::2]
    assert fn("RandintFill")(view.ctypes.data, N, view.strides[0], INT_KINDS[dtype], low, high) == MUMBA_OK
    one = np.zeros(1, dtype=dtype)
    assert fn("RandintFill")(one.ctypes.data, 1, one.itemsize, INT_KINDS[dtype], low, high) == MUMBA_OK
    rs = np.random.RandomState(s)
    assert_array_equal(view, rs.randint(low, high, size=N, dtype=dtype))
    assert one[0] == rs.randint(low, high, dtype=dtype)
    assert_array_equal(out[1::2], 0)


def test_gauss_cache_interleaved() -> None:
    """The kept second Gaussian survives other draws and is dropped by seed."""
    for s in SEEDS:
        seed(s)
        fn("StandardNormal")()
        seed(s)  # drops the kept value
        rs = np.random.RandomState(s)
        got, expected = [], []
        for i in range(N):
            k = i % 7
            if k == 0:
                got.append(fn("Normal")(1.0, 2.0)), expected.append(rs.normal(1.0, 2.0))
            elif k == 1:
                got.append(fn("Random")()), expected.append(rs.random_sample())
            elif k == 2:
                got.append(fn("StandardNormal")()), expected.append(rs.standard_normal())
            elif k == 3:
                got.append(fn("Gamma")(3.0, 1.0)), expected.append(rs.gamma(3.0))
            elif k == 4:
                got.append(float(fn("Randint")(0, 1000))), expected.append(float(rs.randint(0, 1000)))
            elif k == 5:
                got.append(fn("StandardT")(4.0)), expected.append(rs.standard_t(4.0))
            else:
                got.append(fn("Wald")(2.0, 1.0)), expected.append(rs.wald(2.0, 1.0))
        assert_bitwise(got, expected)


@pytest.mark.parametrize(
    "n,pvals",
    [
        (10, [0.2, 0.3, 0.5]),
        (100, [0.1] * 10),
        (0, [0.5, 0.5]),
        (1000, [0.9, 0.05, 0.05]),
        (50, [0.0, 0.5, 0.5]),
        (7, [1.0]),
        (100000, [0.3, 0.3, 0.4]),
        (20, [0.2, 0.8, 0.0]),
    ],
)
@pytest.mark.parametrize("s", SEEDS)
def test_multinomial_matches_numpy(n: int, pvals: list, s: int) -> None:
    seed(s)
    k = 200
    p = np.array(pvals)
    out = np.full((k, len(p)), -1, dtype=np.int64)
    for i in range(k):
        row = out[i]
        assert fn("Multinomial")(row.ctypes.data, 8, n, p.ctypes.data, len(p), 8) == MUMBA_OK
    assert_array_equal(out, np.random.RandomState(s).multinomial(n, pvals, size=k))


def test_multinomial_strided() -> None:
    seed(3)
    p = np.array([0.1, 0.0, 0.2, 0.0, 0.7, 0.0])[::2]  # stride 16
    out = np.zeros(6, dtype=np.int64)[::2]
    assert fn("Multinomial")(out.ctypes.data, 16, 30, p.ctypes.data, 3, 16) == MUMBA_OK
    assert_array_equal(out, np.random.RandomState(3).multinomial(30, p))


def shuffle(a: np.ndarray) -> None:
    fn("Shuffle")(a.ctypes.data, a.shape[0], a.strides[0], a[0, ...].nbytes if a.ndim > 1 else a.itemsize)


@pytest.mark.parametrize("s", SEEDS)
def test_shuffle_matches_numpy(s: int) -> None:
    cases = [
        np.arange(N, dtype=np.int64),
        np.arange(N, dtype=np.float32) * 0.5,
        np.arange(3 * 401, dtype=np.int16).reshape(401, 3),
        np.arange(N, dtype=np.float64)[::3],
        np.arange(40 * 70, dtype=np.float64).reshape(40, 70),  # rows over 64 bytes
        np.array([5]),
        np.array([], dtype=np.int64),
    ]
    for a in cases:
        ours, theirs = a.copy(), a.copy()
        if a.ndim == 1 and a.size > 2 and not a.flags.c_contiguous:
            ours, theirs = np.arange(N, dtype=np.float64)[::3], np.arange(N, dtype=np.float64)[::3]
        seed(s)
        shuffle(ours)
        np.random.RandomState(s).shuffle(theirs)
        assert_array_equal(ours, theirs)


@pytest.mark.parametrize("n", [0, 1, 2, 10, 1000, 70000])
@pytest.mark.parametrize("s", SEEDS)
def test_permutation_matches_numpy(n: int, s: int) -> None:
    seed(s)
    out = np.full(n, -1, dtype=np.int64)
    assert fn("Permutation")(out.ctypes.data, n) == MUMBA_OK
    assert_array_equal(out, np.random.RandomState(s).permutation(n))


def choice(
    pop: int, size: int, replace: bool, p: np.ndarray | None = None, is_array: bool = False
) -> tuple[int, np.ndarray]:
    """Our choice's status and indices."""
    out = np.full(max(size, 0), -1, dtype=np.int64)
    if p is None:
        code = fn("Choice")(out.ctypes.data, size, pop, is_array, replace, None, 0, 0)
    else:
        code = fn("Choice")(out.ctypes.data, size, pop, is_array, replace, p.ctypes.data, p.shape[0], p.strides[0])
    return code, out


def weights(n: int, zeros: int = 0) -> np.ndarray:
    w = np.random.RandomState(99).random_sample(n)
    w[:zeros] = 0.0
    return w / w.sum()


CHOICES = [
    (10, N, True, None),
    (2**33, N, True, None),
    (1000, 100, False, None),
    (5, 5, False, None),
    (7, N, True, weights(7)),
    (50, N, True, weights(50, zeros=10)),
    (20, 10, False, weights(20, zeros=5)),
    (10, 10, False, weights(10)),
    (300, 200, False, weights(300, zeros=50)),
    (3, 0, False, weights(3)),
]


@pytest.mark.parametrize("pop,size,replace,p", CHOICES, ids=lambda v: "p" if isinstance(v, np.ndarray) else repr(v))
@pytest.mark.parametrize("s", SEEDS)
def test_choice_matches_numpy(pop: int, size: int, replace: bool, p: np.ndarray | None, s: int) -> None:
    seed(s)
    code, got = choice(pop, size, replace, p)
    assert code == MUMBA_OK
    expected = np.random.RandomState(s).choice(pop, size, replace=replace, p=p)
    assert_array_equal(got, expected)
    # The scalar form (size=None) draws what size=1 draws.
    if pop < 2**20:
        seed(s)
        _, one = choice(pop, 1, replace, p)
        assert one[0] == np.random.RandomState(s).choice(pop, replace=replace, p=p)


def test_choice_strided_p() -> None:
    p = np.zeros(10)
    p[::2] = weights(5)
    view = p[::2]
    seed(8)
    out = np.zeros(N, dtype=np.int64)
    assert fn("Choice")(out.ctypes.data, N, 5, 0, 1, view.ctypes.data, 5, 16) == MUMBA_OK
    assert_array_equal(out, np.random.RandomState(8).choice(5, N, p=view))


# (mumba call, the same call in NumPy)
NAN = float("nan")
ERROR_CASES: list[tuple[str, tuple, Callable[[np.random.RandomState], Any]]] = [
    ("Uniform", (0.0, float("inf")), lambda r: r.uniform(0, np.inf)),
    ("Uniform", (NAN, 1.0), lambda r: r.uniform(NAN, 1)),
    ("Uniform", (-1e308, 1e308), lambda r: r.uniform(-1e308, 1e308)),
    ("Randint", (5, 5), lambda r: r.randint(5, 5)),
    ("Randint", (0, 0), lambda r: r.randint(0, 0)),
    ("Randint", (0, -5), lambda r: r.randint(-5)),
    ("RandomIntegers", (5, 4), lambda r: r.random_integers(5, 4)),
    ("RandomIntegers", (0, -1), lambda r: r.random_integers(0, -1)),
    ("Normal", (0.0, -1.0), lambda r: r.normal(0, -1)),
    ("Normal", (0.0, -0.0), lambda r: r.normal(0, -0.0)),
    ("Lognormal", (0.0, -1.0), lambda r: r.lognormal(0, -1)),
    ("Exponential", (-1.0,), lambda r: r.exponential(-1)),
    ("StandardGamma", (-1.0,), lambda r: r.standard_gamma(-1)),
    ("Gamma", (-1.0, -1.0), lambda r: r.gamma(-1, -1)),
    ("Gamma", (1.0, -1.0), lambda r: r.gamma(1, -1)),
    ("Beta", (0.0, 1.0), lambda r: r.beta(0, 1)),
    ("Beta", (1.0, -0.0), lambda r: r.beta(1, -0.0)),
    ("Chisquare", (0.0,), lambda r: r.chisquare(0)),
    ("F", (0.0, 0.0), lambda r: r.f(0, 0)),
    ("F", (1.0, -2.0), lambda r: r.f(1, -2)),
    ("StandardT", (-1.0,), lambda r: r.standard_t(-1)),
    ("Laplace", (0.0, -1.0), lambda r: r.laplace(0, -1)),
    ("Logistic", (0.0, -1.0), lambda r: r.logistic(0, -1)),
    ("Gumbel", (0.0, -1.0), lambda r: r.gumbel(0, -1)),
    ("Pareto", (0.0,), lambda r: r.pareto(0)),
    ("Power", (-1.0,), lambda r: r.power(-1)),
    ("Weibull", (-1.0,), lambda r: r.weibull(-1)),
    ("Rayleigh", (-1.0,), lambda r: r.rayleigh(-1)),
    ("Triangular", (2.0, 1.0, 0.0), lambda r: r.triangular(2, 1, 0)),
    ("Triangular", (0.0, 2.0, 1.0), lambda r: r.triangular(0, 2, 1)),
    ("Triangular", (1.0, 1.0, 1.0), lambda r: r.triangular(1, 1, 1)),
    ("Vonmises", (0.0, -1.0), lambda r: r.vonmises(0, -1)),
    ("Wald", (0.0, 0.0), lambda r: r.wald(0, 0)),
    ("Wald", (1.0, 0.0), lambda r: r.wald(1, 0)),
    ("Binomial", (-1, 2.0), lambda r: r.binomial(-1, 2)),
    ("Binomial", (-1, 0.5), lambda r: r.binomial(-1, 0.5)),
    ("Binomial", (1, NAN), lambda r: r.binomial(1, NAN)),
    ("NegativeBinomial", (0.0, 0.5), lambda r: r.negative_binomial(0, 0.5)),
    ("NegativeBinomial", (1.0, 1.5), lambda r: r.negative_binomial(1, 1.5)),
    ("Poisson", (-1.0,), lambda r: r.poisson(-1)),
    ("Poisson", (NAN,), lambda r: r.poisson(NAN)),
    ("Poisson", (1e19,), lambda r: r.poisson(1e19)),
    ("Geometric", (0.0,), lambda r: r.geometric(0)),
    ("Geometric", (1.5,), lambda r: r.geometric(1.5)),
    ("Hypergeometric", (-1, 1, 1), lambda r: r.hypergeometric(-1, 1, 1)),
    ("Hypergeometric", (-1, 5, 1), lambda r: r.hypergeometric(-1, 5, 1)),
    ("Hypergeometric", (5, -1, 0), lambda r: r.hypergeometric(5, -1, 0)),
    ("Hypergeometric", (5, 5, 0), lambda r: r.hypergeometric(5, 5, 0)),
    ("Hypergeometric", (2**62, 2**62, 1), lambda r: r.hypergeometric(2**62, 2**62, 1)),
    ("Logseries", (1.0,), lambda r: r.logseries(1)),
    ("Logseries", (NAN,), lambda r: r.logseries(NAN)),
    ("Zipf", (1.0,), lambda r: r.zipf(1)),
    ("Zipf", (NAN,), lambda r: r.zipf(NAN)),
]


@pytest.mark.parametrize("name,args,numpy_call", ERROR_CASES, ids=[f"{c[0]}{c[1]}" for c in ERROR_CASES])
def test_draw_errors_match_numpy(name: str, args: tuple, numpy_call: Callable) -> None:
    """A rejected draw draws nothing, leaves NumPy's error pending once."""
    seed(7)
    value = fn(name)(*args)
    code = status()
    assert recorded_error(code) == numpy_error(lambda: numpy_call(np.random.RandomState(7)))
    assert status() == MUMBA_OK
    if isinstance(value, float):
        assert np.isnan(value)
    else:
        assert value == 0
    assert fn("Random")() == np.random.RandomState(7).random_sample()


def test_nan_parameters_pass_as_numpy() -> None:
    """NaN passes NumPy's sign checks, so these draw (and give NaN)."""
    for name, args, method in [
        ("Normal", (0.0, NAN), "normal"),
        ("Exponential", (NAN,), "exponential"),
        ("Pareto", (-NAN,), "pareto"),
        ("Vonmises", (0.0, NAN), "vonmises"),
        ("Triangular", (NAN, 1.0, 2.0), "triangular"),
    ]:
        seed(2)
        got = draws(name, args, 5)
        assert_bitwise(np.isnan(got), np.isnan(getattr(np.random.RandomState(2), method)(*args, size=5)))


def test_seed_errors() -> None:
    for bad in (-1, 2**32):
        expected = numpy_error(lambda: np.random.seed(bad))
        assert recorded_error(LIB.mumbaRandomSeed(bad)) == expected
        assert status() == MUMBA_OK


RANDINT_DTYPE_ERRORS = [
    ("int8", 0, 256),
    ("int8", -200, 300),
    ("uint8", -1, 3),
    ("bool", 0, 3),
    ("int8", 1, 0),
    ("int16", 0, 0),
    ("uint64", -1, 5),
    ("int32", 0, 2**31 + 1),
]


@pytest.mark.parametrize("dtype,low,high", RANDINT_DTYPE_ERRORS)
def test_randint_dtype_errors(dtype: str, low: int, high: int) -> None:
    out = np.zeros(4, dtype=dtype)
    code = fn("RandintFill")(out.ctypes.data, 4, out.itemsize, INT_KINDS[dtype], low, high)
    assert recorded_error(code) == numpy_error(lambda: np.random.randint(low, high, size=4, dtype=dtype))
    assert status() == MUMBA_OK


MULTINOMIAL_ERRORS = [
    (1, [-0.5, 1.5]),
    (1, [NAN, 0.5]),
    (1, [0.7, 0.7, 0.1]),
    (-1, [0.7, 0.7, 0.1]),
    (-1, [0.5, 0.5]),
    (5, [0.5, 0.5 + 1e-11, 0.0]),
]


@pytest.mark.parametrize("n,pvals", MULTINOMIAL_ERRORS)
def test_multinomial_errors(n: int, pvals: list) -> None:
    p = np.array(pvals)
    out = np.zeros(len(p), dtype=np.int64)
    code = fn("Multinomial")(out.ctypes.data, 8, n, p.ctypes.data, len(p), 8)
    assert recorded_error(code) == numpy_error(lambda: np.random.multinomial(n, pvals))


CHOICE_ERRORS = [
    (0, 1, True, None, False),
    (-1, 1, True, None, False),
    (0, 1, True, None, True),
    (3, 1, True, [0.5, 0.5], False),
    (2, 1, True, [0.5, 0.6], False),
    (2, 1, True, [-0.5, 1.5], False),
    (2, 1, True, [NAN, 0.5], False),
    (2, 3, False, None, False),
    (3, 3, False, [1.0, 0.0, 0.0], False),
    (2, -1, True, None, False),
    (2, -1, False, None, False),
]


@pytest.mark.parametrize("pop,size,replace,p,is_array", CHOICE_ERRORS)
def test_choice_errors(pop: int, size: int, replace: bool, p: list | None, is_array: bool) -> None:
    parr = None if p is None else np.array(p)
    code, _ = choice(pop, size, replace, parr, is_array)
    a = np.arange(pop) if is_array else pop
    assert recorded_error(code) == numpy_error(lambda: np.random.choice(a, size, replace=replace, p=p))


def test_choice_empty_sample_is_fine() -> None:
    assert choice(0, 0, True)[0] == MUMBA_OK
    assert choice(0, 0, False)[0] == MUMBA_OK
    assert np.random.choice(0, 0).size == 0


def run_in_thread(work: Callable[[], Any]) -> Any:
    result: list[Any] = []
    t = threading.Thread(target=lambda: result.append(work()))
    t.start()
    t.join()
    return result[0]


def test_threads_have_independent_states() -> None:
    """Seeding one thread leaves another's stream alone, with both running
    at once; a new thread starts from entropy, not from a seeded state."""
    barrier = threading.Barrier(2)
    results: dict[int, list[float]] = {}

    def worker(s: int) -> None:
        seed(s)
        out = []
        for _ in range(200):
            barrier.wait()
            out.append(fn("Normal")(0.0, 1.0))
            if s == 1:
                seed(5)  # reseeds this thread only
        results[s] = out

    threads = [threading.Thread(target=worker, args=(s,)) for s in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert_bitwise(results[2], np.random.RandomState(2).normal(size=200))
    # Thread 1 reseeded with 5 after its first draw: its later draws are
    # RandomState(5)'s first ones, each time (the kept Gaussian dropped).
    assert results[1][0] == np.random.RandomState(1).normal()
    assert all(v == np.random.RandomState(5).normal() for v in results[1][1:])

    seed(0)
    main_first = fn("Random")()
    seed(0)
    fresh = [run_in_thread(lambda: [fn("Random")() for _ in range(4)]) for _ in range(2)]
    assert fresh[0] != fresh[1]
    assert fresh[0][0] != main_first
    assert fn("Random")() == main_first
