"""prange under parallel=True (docs/parallel.md): each construct compiled
with parallel=True against the same function run by Python; reductions of
ints exact, of floats within reassociation tolerance."""

import ctypes
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import numpy as np
import pytest

import mumba
import mumba.aot
from mumba import TypingError, UnsupportedError, njit, prange

from test_aot import describe


def pnjit(fn=None, **options):
    """njit(parallel=True, ...)."""
    if fn is None:
        return lambda f: njit(parallel=True, **options)(f)
    return njit(parallel=True, **options)(fn)


def is_parallel(dispatcher):
    """Whether the last specialisation has an OpenMP region."""
    return "omp.parallel" in dispatcher.inspect_mlir("omp")


RNG = np.random.default_rng(7)

#: Where the mumba package under test is, for subprocesses.
PACKAGE_DIR = str(Path(mumba.__file__).resolve().parents[1])


def run_python(args, **env):
    """Runs Python with the package under test; its stdout split."""
    environ = dict(os.environ, PYTHONPATH=PACKAGE_DIR, **env)
    done = subprocess.run(
        [sys.executable, *args], env=environ, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


# -- prange itself ------------------------------------------------------------------
def test_interpreted_prange_is_range():
    assert prange(5) == range(5)
    assert list(prange(1, 10, 3)) == [1, 4, 7]
    assert list(prange(5, 0, -2)) == [5, 3, 1]
    assert mumba.prange is prange


def test_without_parallel_prange_is_range():
    def f(n):
        s = 0
        for i in prange(n):
            s += i
        return s

    serial = njit(f)
    assert serial(100) == f(100)
    assert not is_parallel(serial)
    parallel = pnjit(f)
    assert parallel(100) == f(100)
    assert is_parallel(parallel)


def test_prange_by_module_attribute():
    def f(a):
        s = 0.0
        for i in mumba.prange(a.shape[0]):
            s += a[i]
        return s

    a = RNG.random(100)
    g = pnjit(f)
    np.testing.assert_allclose(g(a), f(a), rtol=1e-12)
    assert is_parallel(g)


def test_prange_value_outside_a_loop_is_range():
    def f(n):
        r = prange(n)
        return len(r)

    assert pnjit(f)(7) == 7


# -- reductions ---------------------------------------------------------------------
def float_reductions(a):
    s = 0.0
    d = 100.0
    p = 1.0
    lo = 1e300
    hi = -1e300
    for i in prange(a.shape[0]):
        s += a[i]
        d -= a[i]
        p *= 1.0 + a[i] * 1e-3
        lo = min(lo, a[i])
        hi = max(a[i], hi)
    return s, d, p, lo, hi


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("n", [0, 1, 7, 1000])
def test_float_reductions(dtype, n):
    a = RNG.random(n).astype(dtype)
    got = pnjit(float_reductions)(a)
    want = float_reductions(a)
    rtol = 1e-12 if dtype == np.float64 else 1e-5
    np.testing.assert_allclose(got, want, rtol=rtol)


def int_reductions(a):
    s = 0
    d = 5
    p = 1
    lo = 10**18
    hi = -(10**18)
    o = 0
    an = -1
    x = 0
    for i in prange(a.shape[0]):
        s += a[i]
        d -= a[i]
        p *= 3 if a[i] % 64 == 0 else 1
        lo = min(lo, a[i])
        hi = max(hi, a[i])
        o |= a[i]
        an &= a[i] | 1
        x ^= a[i]
    return s, d, p, lo, hi, o, an, x


@pytest.mark.parametrize("dtype", [np.int64, np.int32, np.uint8])
@pytest.mark.parametrize("n", [0, 1, 33, 1000])
def test_int_reductions(dtype, n):
    a = RNG.integers(0, 200, n).astype(dtype)
    assert pnjit(int_reductions)(a) == int_reductions(a)


def test_float_min_max_over_infinities():
    """Each thread starts a min at +inf (not the largest finite float)."""

    def f(a):
        lo = np.inf
        hi = -np.inf
        for i in prange(a.shape[0]):
            lo = min(lo, a[i])
            hi = max(hi, a[i])
        return lo, hi

    a = np.full(100, np.inf)
    assert pnjit(f)(a) == (np.inf, np.inf)
    assert pnjit(f)(-a) == (-np.inf, -np.inf)


def test_negative_zero_sum():
    def f(a):
        s = -0.0
        for i in prange(a.shape[0]):
            s += a[i]
        return s

    got = pnjit(f)(np.full(10, -0.0))
    assert got == 0.0 and np.signbit(got)


def test_bool_reductions():
    def f(a):
        any_small = False
        all_positive = True
        for i in prange(a.shape[0]):
            any_small |= a[i] < 0.05
            all_positive &= a[i] > 0.0
        return any_small, all_positive

    for a in (RNG.random(500), np.zeros(3), np.full(4, 0.5), np.zeros(0)):
        assert pnjit(f)(a) == f(a)


def test_conditional_and_repeated_updates():
    def f(a):
        s = 0.0
        n = 0
        for i in prange(a.shape[0]):
            if a[i] > 0.5:
                s += a[i]
                n += 1
            else:
                s -= 1.0
            s += 2.0 * a[i]
        return s, n

    a = RNG.random(999)
    got, want = pnjit(f)(a), f(a)
    np.testing.assert_allclose(got[0], want[0], rtol=1e-12)
    assert got[1] == want[1]


def test_reduction_in_an_inner_serial_loop():
    def f(m):
        s = 0.0
        for i in prange(m.shape[0]):
            for j in range(m.shape[1]):
                s += m[i, j] * (i + j)
        return s

    m = RNG.random((40, 30))
    np.testing.assert_allclose(pnjit(f)(m), f(m), rtol=1e-12)


# -- arrays, nesting, ranges -----------------------------------------------------------
def test_distinct_elements():
    def f(a, out):
        for i in prange(a.shape[0]):
            out[i] = a[i] * 2.0 + i
        return out

    a = RNG.random(1001)
    np.testing.assert_array_equal(pnjit(f)(a, np.empty(1001)), f(a, np.empty(1001)))


def test_nested_prange_outer_parallel_inner_serial():
    def f(m):
        out = np.empty(m.shape[0])
        total = 0.0
        for i in prange(m.shape[0]):
            r = 0.0
            for j in prange(m.shape[1]):
                r += m[i, j]
            out[i] = r
            total += r
        return out, total

    m = RNG.random((25, 17))
    g = pnjit(f)
    out, total = g(m)
    want_out, want_total = f(m)
    np.testing.assert_allclose(out, want_out, rtol=1e-12)
    np.testing.assert_allclose(total, want_total, rtol=1e-12)
    assert g.inspect_mlir("omp").count("omp.parallel") == 1


def test_temporary_arrays_in_the_body_are_freed():
    def f(a):
        s = 0.0
        for i in prange(a.shape[0]):
            t = np.zeros(3)
            t[0] = a[i]
            t[2] = 2.0 * a[i]
            s += t[0] + t[1] + t[2]
        return s

    ext = mumba.compiler.extension()
    a = RNG.random(300)
    before = ext.live_allocations()
    np.testing.assert_allclose(pnjit(f)(a), f(a), rtol=1e-12)
    assert ext.live_allocations() == before


def stepped(start, stop, step):
    s = 0
    for i in prange(start, stop, step):
        s += i * i + 1
    return s


@pytest.mark.parametrize(
    "args", [(0, 100, 3), (100, -1, -3), (5, 5, 1), (10, 0, 2), (0, 10, -1), (-7, 40, 7), (50, 3, -4)]
)
def test_steps(args):
    assert pnjit(stepped)(*args) == stepped(*args)


def test_literal_steps():
    def up(n):
        s = 0
        for i in prange(1, n, 2):
            s += i
        return s

    def down(n):
        s = 0
        for i in prange(n, 0, -2):
            s += i
        return s

    fast_up, fast_down = pnjit(up), pnjit(down)
    for n in (0, 1, 10, 11):
        assert fast_up(n) == up(n)
        assert fast_down(n) == down(n)
    assert is_parallel(fast_down)


def test_zero_step_raises():
    with pytest.raises(ValueError, match="arg 3 must not be zero"):
        pnjit(stepped)(0, 10, 0)


# -- what is not allowed ------------------------------------------------------------
def test_last_value_is_a_race():
    def f(a):
        t = 0.0
        for i in prange(a.shape[0]):
            t = a[i]
        return t

    with pytest.raises(TypingError, match="'t' is assigned in the loop's body") as info:
        pnjit(f)(np.ones(3))
    assert info.value.lineno == f.__code__.co_firstlineno + 2


def test_loop_variable_after_the_loop_is_a_race():
    def f(n):
        i = -1
        for i in prange(n):
            pass
        return i

    with pytest.raises(TypingError, match="is assigned in the loop's body and read after it"):
        pnjit(f)(5)


def test_non_reduction_update_is_a_race():
    def f(a):
        s = 1.0
        for i in prange(a.shape[0]):
            s = s * 0.5 + a[i]
        return s

    with pytest.raises(TypingError, match="'s' is assigned.*not a reduction"):
        pnjit(f)(np.ones(3))


def breaks(a):
    s = 0.0
    for i in prange(a.shape[0]):
        if a[i] > 0.5:
            break
        s += a[i]
    return s


def returns(a):
    s = 0.0
    for i in prange(a.shape[0]):
        if a[i] > 0.5:
            return 1.0
        s += a[i]
    return s


@pytest.mark.parametrize("fn", [breaks, returns])
def test_break_and_return(fn):
    with pytest.raises(UnsupportedError, match="in a prange loop") as info:
        pnjit(fn)(np.ones(3))
    assert info.value.lineno == fn.__code__.co_firstlineno + 4


def test_break_in_an_inner_loop_is_fine():
    def f(m):
        s = 0
        for i in prange(m.shape[0]):
            for j in range(m.shape[1]):
                if m[i, j] > 0.5:
                    break
                s += 1
        return s

    m = RNG.random((30, 20))
    assert pnjit(f)(m) == f(m)


# -- exceptions in the body ------------------------------------------------------------
def divide(a, b):
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i] / b[i]
    return s


def test_zero_division_in_the_body():
    g = pnjit(divide)
    a, b = np.ones(1000), np.ones(1000)
    assert g(a, b) == 1000.0
    b[[3, 500, 999]] = 0.0
    with pytest.raises(ZeroDivisionError, match="float division by zero"):
        g(a, b)
    b[:] = 2.0
    assert g(a, b) == 500.0


def test_integer_zero_division():
    def f(a, d):
        s = 0
        for i in prange(a.shape[0]):
            s += a[i] // d[i]
        return s

    a, d = np.arange(100), np.ones(100, dtype=np.int64)
    d[40] = 0
    with pytest.raises(ZeroDivisionError, match="integer division or modulo by zero"):
        pnjit(f)(a, d)


def test_index_error_with_boundscheck():
    def f(a, n):
        s = 0.0
        for i in prange(n):
            s += a[i]
        return s

    g = pnjit(f, boundscheck=True)
    a = RNG.random(50)
    np.testing.assert_allclose(g(a, 50), f(a, 50), rtol=1e-12)
    with pytest.raises(IndexError, match="index 5[0-9] is out of bounds for axis 0 with size 50"):
        g(a, 60)
    np.testing.assert_allclose(g(a, 50), f(a, 50), rtol=1e-12)


def test_user_exception_and_callee_exception():
    @njit
    def check(x):
        if x > 0.9:
            raise ValueError("too big")
        return x

    def f(a):
        s = 0.0
        for i in prange(a.shape[0]):
            if a[i] < 0.0:
                raise KeyError("negative")
            s += check(a[i])
        return s

    g = pnjit(f)
    a = RNG.random(200) * 0.8
    np.testing.assert_allclose(g(a), a.sum(), rtol=1e-12)
    a[100] = 0.95
    with pytest.raises(ValueError, match="too big"):
        g(a)
    a[100] = -1.0
    with pytest.raises(KeyError, match="negative"):
        g(a)


def test_exception_from_many_iterations_is_raised_once():
    """Every iteration raises; one exception reaches the caller, and the
    runtime keeps working for the next calls."""
    g = pnjit(divide)
    for _ in range(20):
        with pytest.raises(ZeroDivisionError):
            g(np.ones(10_000), np.zeros(10_000))
        assert g(np.ones(10), np.ones(10)) == 10.0


# -- threads ----------------------------------------------------------------------------
def test_num_threads():
    assert 1 <= mumba.get_num_threads() <= mumba.config.NUM_THREADS
    try:
        mumba.set_num_threads(1)
        assert mumba.get_num_threads() == 1
        assert pnjit(divide)(np.ones(100), np.ones(100)) == 100.0
        with pytest.raises(ValueError, match="between 1 and"):
            mumba.set_num_threads(0)
        with pytest.raises(ValueError, match="between 1 and"):
            mumba.set_num_threads(mumba.config.NUM_THREADS + 1)
        with pytest.raises(TypeError):
            mumba.set_num_threads(1.5)
    finally:
        mumba.set_num_threads(mumba.config.NUM_THREADS)


def test_num_threads_is_per_thread():
    seen = []
    try:
        mumba.set_num_threads(1)
        t = threading.Thread(target=lambda: seen.append(mumba.get_num_threads()))
        t.start()
        t.join()
        assert seen == [mumba.config.NUM_THREADS]
        assert mumba.get_num_threads() == 1
    finally:
        mumba.set_num_threads(mumba.config.NUM_THREADS)


def test_calls_from_several_python_threads():
    @njit(parallel=True, nogil=True)
    def work(a, b):
        s = 0.0
        for i in prange(a.shape[0]):
            s += np.sin(a[i]) / b[i]
        return s

    a = RNG.random(200_000)
    ones = np.ones_like(a)
    zeros = ones.copy()
    zeros[12345] = 0.0
    want = np.sin(a).sum()
    work(a, ones)
    results, errors = [], []

    def run(k):
        for j in range(6):
            if (j + k) % 3 == 0:
                try:
                    work(a, zeros)
                except ZeroDivisionError:
                    errors.append(k)
            else:
                results.append(work(a, ones))

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) + len(errors) == 24 and len(errors) == 8
    np.testing.assert_allclose(results, want, rtol=1e-10)


SCRIPT = """
import os, sys
import numpy as np
import mumba
from mumba import njit, prange

@njit(parallel=True)
def total(a):
    s = 0
    for i in prange(a.shape[0]):
        s += a[i] * a[i]
    return s

a = np.arange(100_000)
before = len(os.listdir("/proc/self/task"))
result = total(a)
after = len(os.listdir("/proc/self/task"))
print(mumba.get_num_threads(), mumba.config.NUM_THREADS, result == int((a * a).sum()), after - before)
"""


@pytest.mark.parametrize("count", [1, 2])
def test_mumba_num_threads(count, tmp_path):
    """MUMBA_NUM_THREADS sets the default and the limit; the OpenMP team
    starts that many threads (workers beside the calling one)."""
    script = tmp_path / "threads.py"
    script.write_text(SCRIPT)
    out = run_python([str(script)], MUMBA_NUM_THREADS=str(count))
    assert out[:3] == [str(count), str(count), "True"]
    assert int(out[3]) == count - 1


# -- stages, caching, ahead of time ------------------------------------------------
def test_stages_show_scf_parallel_and_omp():
    g = pnjit(float_reductions)
    g(RNG.random(10))
    scf = g.inspect_mlir("scf")
    assert "scf.parallel" in scf and "scf.reduce" in scf
    omp = g.inspect_mlir("omp")
    assert "omp.parallel num_threads" in omp and "omp.wsloop reduction" in omp
    assert "mumbaGetNumThreads" in omp
    assert "omp.parallel" in g.inspect_mlir("llvm")


def test_cached_parallel_code(tmp_path):
    source = tmp_path / "cached_prange.py"
    source.write_text(
        textwrap.dedent(
            """
            import numpy as np
            from mumba import njit, prange

            @njit(parallel=True, cache=True)
            def total(a):
                s = 0.0
                for i in prange(a.shape[0]):
                    s += a[i] / (i + 1.0)
                return s

            a = np.ones(1000)
            print(round(total(a), 9), total.stats.cache_hits)
            """
        )
    )
    run = lambda: run_python([str(source)], MUMBA_CACHE_DIR=str(tmp_path / "cache"))  # noqa: E731
    want = str(round(sum(1.0 / (i + 1.0) for i in range(1000)), 9))
    first = run()
    second = run()
    assert first[0] == want and second[0] == want
    assert "1" in second[-1]


def test_ahead_of_time_library(tmp_path):
    def total(a):
        s = 0.0
        for i in prange(a.shape[0]):
            s += a[i] * 2.0
        return s

    built = mumba.aot.compile(pnjit(total), ["float64[::1]"], "ptotal", directory=tmp_path)
    lib = ctypes.CDLL(str(built.library))
    function = getattr(lib, built.functions[0].name)
    function.restype = ctypes.c_int32
    a = RNG.random(1000)
    result = ctypes.c_double()
    status = function(ctypes.byref(describe(a, ctypes.c_double)), ctypes.byref(result))
    assert status == 0
    np.testing.assert_allclose(result.value, 2.0 * a.sum(), rtol=1e-12)
