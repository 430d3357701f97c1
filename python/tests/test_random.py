"""np.random in compiled code: after the same seed, every function returns
exactly what NumPy's legacy generator returns (docs/random.md). Each
kernel seeds inside itself and draws; the interpreter runs the same
function through NumPy and the results must agree bit for bit."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

import numpy as np
import numpy.random as npr
import pytest
from numpy.random import normal as imported_normal

import mumba
from mumba import njit

from helpers import clone

# random_integers is deprecated in NumPy, not in compiled code.
pytestmark = pytest.mark.filterwarnings("ignore:This function is deprecated:DeprecationWarning")

SEEDS = [0, 1, 12345, 2**32 - 1]
SIZES = [None, 7, (3, 4)]


def assert_identical(got, expected):
    """The same values bit for bit, the same shapes and dtypes for arrays,
    the same kind (bool, int, float) for scalars."""
    if isinstance(expected, tuple):
        assert isinstance(got, tuple) and len(got) == len(expected)
        for g, e in zip(got, expected):
            assert_identical(g, e)
        return
    if expected is None:
        assert got is None
        return
    if isinstance(expected, np.ndarray):
        assert isinstance(got, np.ndarray), f"expected an array, got {got!r}"
        assert got.dtype == expected.dtype and got.shape == expected.shape
        assert got.tobytes() == expected.tobytes(), f"{got} != {expected}"
        return
    assert not isinstance(got, np.ndarray), f"expected a scalar, got {got!r}"
    # Compiled code returns Python ints for every integer dtype.
    kind = lambda v: np.asarray(v).dtype.kind.replace("u", "i")  # noqa: E731
    assert kind(got) == kind(expected), f"{got!r} vs {expected!r}"
    if kind(expected) == "f":
        assert np.float64(got).tobytes() == np.float64(expected).tobytes(), (got, expected)
    else:
        assert got == expected


def check_seeds(fn, *args):
    compiled = njit(fn)
    for seed in SEEDS:
        assert_identical(compiled(seed, *args), fn(seed, *args))


# -- kernels, one factory per family: `size` is frozen into the kernel ----------


def k_uniform(size):
    def k(seed):
        np.random.seed(seed)
        return (
            np.random.random(size),
            np.random.random_sample(size=size),
            np.random.sample(size),
            np.random.ranf(size),
            np.random.uniform(size=size),
            np.random.uniform(-2.0, 3.0, size),
            np.random.uniform(5, 1, size),
            np.random.uniform(high=10.0, size=size),
        )

    return k


def k_randint(size):
    def k(seed):
        np.random.seed(seed)
        return (
            np.random.randint(10, size=size),
            np.random.randint(-5, 5, size),
            np.random.randint(0, 2**40, size),
            np.random.randint(-(2**62), 2**62, size),
            np.random.randint(3, 4, size),
            np.random.randint(low=1, high=7, size=size),
            np.random.random_integers(5, size=size),
            np.random.random_integers(-3, 3, size),
        )

    return k


def k_normal(size):
    def k(seed):
        np.random.seed(seed)
        return (
            np.random.normal(1.5, 2.0, size),
            np.random.normal(size=size),
            np.random.normal(scale=0.5, loc=-1.0, size=size),
            np.random.standard_normal(size),
            imported_normal(0.0, 3.0, size),
            npr.normal(2.0, size=size),
            np.random.lognormal(size=size),
            np.random.lognormal(1.0, 0.5, size),
        )

    return k


def k_exponential(size):
    def k(seed):
        np.random.seed(seed)
        return (
            np.random.exponential(2.0, size),
            np.random.exponential(size=size),
            np.random.standard_exponential(size),
            np.random.rayleigh(size=size),
            np.random.rayleigh(2.0, size),
            np.random.standard_cauchy(size),
        )

    return k


def k_gamma(size):
    def k(seed):
        np.random.seed(seed)
        return (
            np.random.gamma(0.5, 2.0, size),
            np.random.gamma(1.0, size=size),
            np.random.gamma(3.5, 0.5, size),
            np.random.gamma(0.0, size=size),
            np.random.standard_gamma(0.3, size),
            np.random.standard_gamma(shape=2.0, size=size),
            np.random.beta(0.5, 0.7, size),
            np.random.beta(2.0, 3.0, size),
            np.random.beta(1e-3, 2e-3, size),
        )

    return k


def k_from_gamma(size):
    def k(seed):
        np.random.seed(seed)
        return (
            np.random.chisquare(3.0, size),
            np.random.chisquare(df=0.5, size=size),
            np.random.f(5.0, 7.0, size),
            np.random.standard_t(4.0, size),
            np.random.standard_t(0.5, size),
            np.random.negative_binomial(5, 0.3, size),
            np.random.negative_binomial(0.5, 0.9, size),
        )

    return k


def k_inversion(size):
    def k(seed):
        np.random.seed(seed)
        return (
            np.random.laplace(size=size),
            np.random.laplace(1.0, 2.0, size),
            np.random.logistic(size=size),
            np.random.logistic(-1.0, 0.5, size),
            np.random.gumbel(size=size),
            np.random.gumbel(3.0, 2.0, size),
            np.random.pareto(3.0, size),
            np.random.power(2.5, size),
            np.random.weibull(1.5, size),
            np.random.weibull(0.0, size),
            np.random.triangular(0.0, 1.0, 3.0, size),
            np.random.triangular(-1, -1, 2, size),
        )

    return k


def k_rejection(size):
    def k(seed):
        np.random.seed(seed)
        return (
            np.random.vonmises(0.5, 4.0, size),
            np.random.vonmises(-1.0, 1e-9, size),
            np.random.vonmises(2.0, 0.5, size),
            np.random.wald(1.0, 2.0, size),
            np.random.wald(mean=3.0, scale=0.1, size=size),
            np.random.zipf(2.0, size),
            np.random.zipf(1.5, size),
        )

    return k


def k_discrete(size):
    def k(seed):
        np.random.seed(seed)
        return (
            np.random.binomial(10, 0.3, size),
            np.random.binomial(1000, 0.4, size),
            np.random.binomial(50, 0.9, size),
            np.random.binomial(0, 0.5, size),
            np.random.binomial(5, 0.0, size),
            np.random.poisson(size=size),
            np.random.poisson(3.0, size),
            np.random.poisson(50.0, size),
            np.random.poisson(0.0, size),
            np.random.geometric(0.5, size),
            np.random.geometric(0.05, size),
            np.random.hypergeometric(10, 5, 7, size),
            np.random.hypergeometric(100, 200, 50, size),
            np.random.hypergeometric(5, 10, 12, size),
            np.random.logseries(0.3, size),
            np.random.logseries(0.99, size),
        )

    return k


FAMILIES = [
    k_uniform,
    k_randint,
    k_normal,
    k_exponential,
    k_gamma,
    k_from_gamma,
    k_inversion,
    k_rejection,
    k_discrete,
]


@pytest.mark.parametrize("size", SIZES, ids=str)
@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.__name__[2:])
def test_draws_are_numpys(family, size):
    check_seeds(family(size))


@pytest.mark.parametrize("size", [0, (0, 3), (2, 0)], ids=str)
def test_empty_sizes(size):
    check_seeds(k_normal(size))
    check_seeds(k_discrete(size))
    check_seeds(k_randint(size))


def rand_dims(seed):
    np.random.seed(seed)
    return (
        np.random.rand(),
        np.random.rand(3),
        np.random.rand(2, 3),
        np.random.randn(),
        np.random.randn(5),
        np.random.randn(2, 1, 3),
    )


def test_rand_and_randn():
    check_seeds(rand_dims)


def k_randint_dtype(dtype, low, high, size):
    def k(seed):
        np.random.seed(seed)
        return (
            np.random.randint(low, high, size, dtype),
            np.random.randint(low, high, dtype=dtype),
            np.random.randint(high, size=size, dtype=dtype),
        )

    return k


RANDINT_DTYPES = [
    (np.bool_, 0, 2),
    (bool, 0, 2),
    (np.int8, -100, 100),
    (np.uint8, 0, 200),
    (np.int16, -3, 3),
    (np.uint16, 5, 60000),
    (np.int32, -(2**31), 2**31 - 1),
    (np.uint32, 0, 2**32 - 1),
    (np.int64, -(2**40), 2**40),
    (np.uint64, 0, 2**63 - 1),
    (int, -7, 7),
]


@pytest.mark.parametrize("size", [7, (3, 5)], ids=str)
@pytest.mark.parametrize("dtype,low,high", RANDINT_DTYPES, ids=lambda v: str(v))
def test_randint_dtypes(dtype, low, high, size):
    check_seeds(k_randint_dtype(dtype, low, high, size))


def multinomial_draws(seed, pvals):
    np.random.seed(seed)
    return (
        np.random.multinomial(20, pvals),
        np.random.multinomial(100, pvals, 4),
        np.random.multinomial(n=7, pvals=pvals, size=(2, 3)),
        np.random.multinomial(0, pvals, 2),
    )


@pytest.mark.parametrize(
    "pvals",
    [
        np.array([0.2, 0.3, 0.5]),
        np.array([0.0, 1.0]),
        np.array([0.1, 0.2, 0.3, 0.2, 0.1, 0.1])[::2],
        np.array([1.0]),
    ],
    ids=["three", "certain", "strided", "one"],
)
def test_multinomial(pvals):
    check_seeds(multinomial_draws, pvals)


def choice_from_int(seed, p):
    np.random.seed(seed)
    return (
        np.random.choice(5),
        np.random.choice(5, 8),
        np.random.choice(5, (2, 3)),
        np.random.choice(5, 3, replace=False),
        np.random.choice(5, 5, False),
        np.random.choice(5, p=p),
        np.random.choice(5, 6, p=p),
        np.random.choice(5, (2, 2), False, p),
        np.random.choice(5, 0),
    )


def choice_from_array(seed, a, p):
    np.random.seed(seed)
    return (
        np.random.choice(a),
        np.random.choice(a, 8),
        np.random.choice(a, (2, 3)),
        np.random.choice(a, 3, replace=False),
        np.random.choice(a, p=p),
        np.random.choice(a, size=6, p=p),
        np.random.choice(a, (2, 2), replace=False, p=p),
        np.random.choice(a, 1, False, p),
    )


P5 = np.array([0.1, 0.0, 0.4, 0.2, 0.3])


def test_choice_from_an_int():
    check_seeds(choice_from_int, P5)


@pytest.mark.parametrize(
    "a",
    [
        np.arange(5) * 1.5,
        np.arange(10, 15),
        np.arange(10, dtype=np.int32)[::2],
        np.array([True, False, True, True, False]),
        np.arange(5) + 1j,
    ],
    ids=["float", "int", "strided", "bool", "complex"],
)
def test_choice_from_an_array(a):
    check_seeds(choice_from_array, a, P5)


def shuffle_twice(seed, x):
    np.random.seed(seed)
    np.random.shuffle(x)
    return np.random.shuffle(x)


def permutations(seed, x):
    np.random.seed(seed)
    return np.random.permutation(x), np.random.permutation(10), np.random.permutation(0)


SHUFFLED = [
    np.arange(10.0),
    np.arange(20)[::3],
    np.arange(24).reshape(6, 4),
    np.asfortranarray(np.arange(24.0).reshape(6, 4)),
    np.arange(48).reshape(6, 8)[:, ::2],
    np.arange(24).reshape(4, 3, 2),
    np.array([True, False, False, True, True]),
    np.zeros(0),
    np.zeros((5, 0)),
    np.arange(1),
]
SHUFFLED_IDS = ["1d", "strided", "2d", "fortran", "2d-strided", "3d", "bool", "empty", "no-columns", "one"]


@pytest.mark.parametrize("x", SHUFFLED, ids=SHUFFLED_IDS)
def test_shuffle_in_place(x):
    compiled = njit(shuffle_twice)
    for seed in SEEDS:
        got, expected = clone(x), clone(x)
        assert_identical(compiled(seed, got), shuffle_twice(seed, expected))
        assert_identical(got, expected)


@pytest.mark.parametrize("x", SHUFFLED, ids=SHUFFLED_IDS)
def test_permutation(x):
    check_seeds(permutations, x)


def test_permutation_of_a_negative_int_is_empty():
    def negative(seed):
        np.random.seed(seed)
        return np.random.permutation(-3)

    check_seeds(negative)


# -- the state across calls ------------------------------------------------------


def seed_only(seed):
    np.random.seed(seed)


def one_normal():
    return np.random.normal()


def one_normal_array(n):
    return np.random.standard_normal(n)


def one_random():
    return np.random.random()


def test_the_kept_gaussian_lives_across_calls():
    """Seed in one call, draw normals in later ones: the second value of
    each polar pair comes from the previous call, as in NumPy."""
    cseed, cnormal, carray = njit(seed_only), njit(one_normal), njit(one_normal_array)
    for seed in SEEDS:
        cseed(seed)
        got = [cnormal(), cnormal(), cnormal(), carray(3), cnormal(), carray(2)]
        seed_only(seed)
        expected = [one_normal(), one_normal(), one_normal(), one_normal_array(3)]
        expected += [one_normal(), one_normal_array(2)]
        for g, e in zip(got, expected):
            assert_identical(g, e)


def test_seeding_drops_the_kept_gaussian():
    cseed, cnormal = njit(seed_only), njit(one_normal)
    cseed(7)
    cnormal()  # keeps the second value of the pair
    cseed(7)
    seed_only(7)
    assert_identical(cnormal(), one_normal())


def test_compiled_state_is_separate_from_the_interpreters():
    cseed, crandom = njit(seed_only), njit(one_random)
    cseed(5)
    first = crandom()
    np.random.seed(99)  # the interpreter's generator only
    second = crandom()
    expected = np.random.RandomState(5).random_sample(2)
    assert_identical((first, second), (expected[0], expected[1]))


def scalar_loop(seed, n):
    np.random.seed(seed)
    out = np.empty(n)
    for i in range(n):
        out[i] = np.random.gamma(0.7) + np.random.normal() + np.random.binomial(20, 0.4)
    return out


def test_scalar_draws_in_a_loop():
    check_seeds(scalar_loop, 50)


def monte_carlo_pi(seed, n):
    np.random.seed(seed)
    inside = 0
    for _ in range(n):
        x = np.random.random()
        y = np.random.random()
        if x * x + y * y < 1.0:
            inside += 1
    return 4.0 * inside / n


def test_monte_carlo_pi():
    check_seeds(monte_carlo_pi, 10_000)
    assert abs(njit(monte_carlo_pi)(0, 1_000_000) - np.pi) < 0.01


# -- threads ---------------------------------------------------------------------


def seeded_randoms(seed, n):
    np.random.seed(seed)
    out = np.empty(n)
    for i in range(n):
        out[i] = np.random.random()
    return out


def randoms(n):
    return np.random.random(n)


def test_each_thread_has_its_own_state():
    """Threads seeded differently, drawing at the same time (nogil), each
    get exactly their seed's sequence: seeding or drawing on one never
    moves another."""
    cseed, cdraw = njit(nogil=True)(seed_only), njit(nogil=True)(randoms)
    cdraw(1)  # compiled before the threads start
    barrier = threading.Barrier(3)
    results = {}

    def work(seed):
        cseed(seed)
        barrier.wait()
        parts = []
        for _ in range(20):
            parts.append(cdraw(5))
        results[seed] = np.concatenate(parts)

    threads = [threading.Thread(target=work, args=(s,)) for s in (1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for seed, got in results.items():
        assert_identical(got, np.random.RandomState(seed).random_sample(100))


def test_seeding_one_thread_leaves_a_new_thread_unseeded():
    cseed, cdraw = njit(seed_only), njit(randoms)
    cseed(11)
    seeded = np.random.RandomState(11).random_sample(4)
    got = {}
    t = threading.Thread(target=lambda: got.update(x=cdraw(4)))
    t.start()
    t.join()
    # The new thread drew from its own state, filled from the OS.
    assert not np.array_equal(got["x"], seeded)
    assert_identical(cdraw(4), seeded)


# -- errors ----------------------------------------------------------------------


def generated_module(directory, name, source):
    """Imports `source` as a module from a file (compiled code needs its
    functions' source text)."""
    path = directory / f"{name}.py"
    path.write_text("import numpy as np\n\n" + source)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BAD_CALLS = [
    "np.random.uniform(0.0, np.inf, size)",
    "np.random.randint(5, 5, size)",
    "np.random.randint(0, size=size)",
    "np.random.randint(-1, 5, size, np.uint8)",
    "np.random.randint(0, 300, size, np.int8)",
    "np.random.random_integers(5, 4, size)",
    "np.random.normal(0.0, -1.0, size)",
    "np.random.normal(0.0, -0.0, size)",
    "np.random.lognormal(0.0, -1.0, size)",
    "np.random.exponential(-1.0, size)",
    "np.random.gamma(-1.0, 1.0, size)",
    "np.random.gamma(1.0, -1.0, size)",
    "np.random.standard_gamma(-0.5, size)",
    "np.random.beta(0.0, 1.0, size)",
    "np.random.beta(1.0, -1.0, size)",
    "np.random.binomial(-1, 0.5, size)",
    "np.random.binomial(5, 1.5, size)",
    "np.random.binomial(5, np.nan, size)",
    "np.random.poisson(-1.0, size)",
    "np.random.poisson(1e20, size)",
    "np.random.geometric(0.0, size)",
    "np.random.hypergeometric(2, 3, 10, size)",
    "np.random.hypergeometric(-2, 3, 1, size)",
    "np.random.hypergeometric(2, 3, 0, size)",
    "np.random.laplace(0.0, -2.0, size)",
    "np.random.logistic(0.0, -2.0, size)",
    "np.random.gumbel(0.0, -2.0, size)",
    "np.random.logseries(1.0, size)",
    "np.random.negative_binomial(0, 0.5, size)",
    "np.random.negative_binomial(1, 2.0, size)",
    "np.random.chisquare(0.0, size)",
    "np.random.f(0.0, 1.0, size)",
    "np.random.f(1.0, -1.0, size)",
    "np.random.pareto(0.0, size)",
    "np.random.power(-1.0, size)",
    "np.random.rayleigh(-1.0, size)",
    "np.random.standard_t(0.0, size)",
    "np.random.triangular(2.0, 1.0, 3.0, size)",
    "np.random.triangular(1.0, 4.0, 3.0, size)",
    "np.random.triangular(1.0, 1.0, 1.0, size)",
    "np.random.vonmises(0.0, -1.0, size)",
    "np.random.wald(0.0, 1.0, size)",
    "np.random.wald(1.0, 0.0, size)",
    "np.random.weibull(-1.0, size)",
    "np.random.zipf(1.0, size)",
    "np.random.choice(0, size)",
    "np.random.choice(3, size, False)",
    "np.random.normal(0.0, 1.0, -2)",
    "np.random.normal(0.0, 1.0, (2, -1))",
    "np.random.normal(0.0, -1.0, -2)",
    "np.random.randint(0, 5, -2)",
    "np.random.randint(5, 0, -2)",
    "np.random.random(-1)",
    "np.random.rand(2, -1)",
    "np.random.choice(5, -1)",
    "np.random.choice(5, -1, False)",
]


# Sizes with which NumPy accepts a call of BAD_CALLS.
ACCEPTED = {
    ("np.random.choice(0, size)", 0),
    ("np.random.choice(3, size, False)", None),
    ("np.random.choice(3, size, False)", 0),
    # randint returns np.empty(size) before checking its bounds.
    ("np.random.randint(5, 5, size)", 0),
    ("np.random.randint(0, size=size)", 0),
    ("np.random.randint(-1, 5, size, np.uint8)", 0),
    ("np.random.randint(0, 300, size, np.int8)", 0),
    ("np.random.random_integers(5, 4, size)", 0),
}
ERROR_CASES = [(call, size) for call in BAD_CALLS for size in [None, 0, 4, (2, 3)]]


@pytest.fixture(scope="module")
def error_kernels(tmp_path_factory):
    source = "".join(
        f"def make_{i}(size):\n"
        f"    def bad(seed):\n"
        f"        np.random.seed(seed)\n"
        f"        return {call}\n"
        f"    return bad\n\n"
        for i, call in enumerate(BAD_CALLS)
    )
    return generated_module(tmp_path_factory.mktemp("random"), "random_errors", source)


def raised(fn, *args):
    with pytest.raises(Exception) as info:
        fn(*args)
    return type(info.value), str(info.value)


@pytest.mark.parametrize("call,size", ERROR_CASES, ids=str)
def test_bad_parameters_raise_numpys_error(error_kernels, call, size):
    fn = getattr(error_kernels, f"make_{BAD_CALLS.index(call)}")(size)
    if (call, size) in ACCEPTED:
        assert_identical(njit(fn)(0), fn(0))
    else:
        assert raised(njit(fn), 0) == raised(fn, 0)


def bad_seed(seed):
    np.random.seed(seed)


@pytest.mark.parametrize("seed", [-1, 2**32, np.uint64(2**63 + 5)])
def test_bad_seed(seed):
    assert raised(njit(bad_seed), seed) == raised(bad_seed, seed)


def multinomial_only(seed, pvals, n):
    np.random.seed(seed)
    return np.random.multinomial(n, pvals, 3), np.random.multinomial(n, pvals, 0)


@pytest.mark.parametrize(
    "pvals,n",
    [(np.array([0.7, 0.5, 0.1]), 3), (np.array([-0.1, 1.1]), 3), (np.array([0.5, 0.5]), -1)],
)
def test_bad_multinomial(pvals, n):
    assert raised(njit(multinomial_only), 0, pvals, n) == raised(multinomial_only, 0, pvals, n)


def choice_p(seed, p):
    np.random.seed(seed)
    return np.random.choice(3, 2, True, p)


@pytest.mark.parametrize(
    "p",
    [np.array([0.5, 0.5]), np.array([0.5, np.nan, 0.5]), np.array([-0.5, 1.0, 0.5]), np.array([0.2, 0.2, 0.2])],
)
def test_bad_choice_probabilities(p):
    assert raised(njit(choice_p), 0, p) == raised(choice_p, 0, p)


def test_a_failed_draw_draws_nothing():
    """NumPy checks before drawing: the next draw continues the sequence."""

    def fail_then_draw(seed, scale):
        np.random.seed(seed)
        return np.random.normal(0.0, scale)

    compiled = njit(fail_then_draw)
    with pytest.raises(ValueError, match="scale < 0"):
        compiled(4, -1.0)
    assert_identical(njit(one_random)(), np.random.RandomState(4).random_sample())


# -- compile-time errors ---------------------------------------------------------


@pytest.mark.parametrize(
    "call,message",
    [
        ("np.random.normal(x)", "invalid arguments to numpy.random.normal()"),
        ("np.random.randint(1.5)", "invalid arguments to numpy.random.randint()"),
        ("np.random.randint(3, dtype=np.float64)", "randint() takes an integer or bool dtype"),
        ("np.random.random(1.5)", "size must be None, an int or a non-empty tuple of ints"),
        ("np.random.random(())", "size must be None, an int or a non-empty tuple of ints"),
        ("np.random.choice(m)", "choice(): a must be 1-dimensional"),
        ("np.random.choice(4, p=s)", "invalid arguments to numpy.random.choice()"),
        ("np.random.shuffle(3)", "shuffle() expects an array of at least one dimension"),
        ("np.random.permutation(1.5)", "permutation() expects an array of at least one dimension"),
        ("np.random.seed()", "invalid arguments to numpy.random.seed()"),
        ("np.random.seed(1.5)", "invalid arguments to numpy.random.seed()"),
        ("np.random.normal(0.0, 1.0, 3, 4)", "invalid arguments to numpy.random.normal()"),
        ("np.random.normal(sigma=1.0)", "got an unexpected keyword argument 'sigma'"),
        ("np.random.rand(size=3)", "takes no keyword arguments"),
        ("np.random.multinomial(3, i)", "invalid arguments to numpy.random.multinomial()"),
    ],
)
def test_typing_errors(tmp_path, call, message):
    source = f"def f(x, m, s, i):\n    return {call}\n"
    fn = generated_module(tmp_path, "random_typing", source).f
    with pytest.raises(mumba.TypingError) as info:
        njit(fn)(np.arange(4.0), np.ones((2, 2)), np.ones(4, np.float32), np.arange(4))
    assert message in str(info.value)
    assert "random_typing.py\", line 4" in str(info.value)


# -- the example of docs/random.md -----------------------------------------------


def test_docs_example(tmp_path, capsys):
    page = (Path(__file__).resolve().parents[2] / "docs" / "random.md").read_text()
    section = page.split("## Example: Monte Carlo pi", 1)[1]
    block = section.split("```python\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "monte_carlo_pi.py"
    path.write_text(block)
    spec = importlib.util.spec_from_file_location("monte_carlo_pi", path)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    printed = float(capsys.readouterr().out)
    assert abs(printed - np.pi) < 1e-3
    assert printed == 3.1415988  # what the page says it prints
