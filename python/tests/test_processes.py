"""Jitted functions and Mumba ufuncs across processes: pickling by
reference and by value, multiprocessing (fork and spawn), process pools,
and processes sharing one cache directory."""

import json
import multiprocessing
import os
import pickle
import subprocess
import sys
import textwrap
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

import mumba
import ufunc_kernels as K

HERE = Path(__file__).resolve().parent
BUILD = HERE.parents[1] / "build" / "python"
TIMEOUT = 120


def _env(**extra):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(BUILD), str(HERE)])
    env.update(extra)
    return env


def _in_fresh_process(payload: bytes, code: str) -> str:
    """Runs ``code`` in a new interpreter with ``payload`` on stdin; its stdout."""
    r = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        input=payload,
        capture_output=True,
        env=_env(),
        timeout=TIMEOUT,
    )
    assert r.returncode == 0, r.stderr.decode()
    return r.stdout.decode()


def _make_locals():
    """Objects no other process can import: they pickle by value."""
    k = 2.5

    @mumba.njit
    def scaled_norm(a):
        return K.norm2(a) * k  # calls a module-level dispatcher, reads a closure value

    @mumba.njit
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)

    @mumba.njit("float64(float64[:])")
    def eager_sum(a):
        s = 0.0
        for v in a:
            s += v
        return s

    @mumba.vectorize(["float64(float64)", "int64(int64)"], identity=0)
    def shifted(x):
        return x + 7

    @mumba.guvectorize(["void(float64[:], float64[:])"], "(n)->(n)")
    def running(x, out):
        s = 0.0
        for i in range(x.shape[0]):
            s += x[i]
            out[i] = s

    @mumba.vectorize
    def dyn(x):
        return x * 3

    dyn(np.arange(3.0))
    return scaled_norm, fact, eager_sum, shifted, running, dyn


def test_module_level_objects_pickle_by_reference():
    for obj in (K.norm2, K.add_twice, K.dot, K.dyn_scale):
        data = pickle.dumps(obj)
        assert b"ufunc_kernels" in data and b"pickling" not in data, obj
        assert pickle.loads(data) is obj
    # NumPy's own ufuncs still pickle as NumPy does.
    assert pickle.loads(pickle.dumps(np.add)) is np.add


def test_local_objects_pickle_by_value_and_run_elsewhere():
    objs = _make_locals()
    for obj in objs:
        assert b"mumba.pickling" in pickle.dumps(obj) or b"_rebuild" in pickle.dumps(obj)
    # In this process first.
    scaled_norm, fact, eager_sum, shifted, running, dyn = pickle.loads(pickle.dumps(objs))
    x = np.arange(5.0)
    assert scaled_norm(x) == 30.0 * 2.5
    assert fact(10) == 3628800
    assert eager_sum.signatures == [("!nb.array<f64, 1, A>",)]
    assert isinstance(shifted, np.ufunc) and shifted.types == ["d->d", "l->l"]
    assert shifted.identity == 0
    assert_array_equal(running(x), np.cumsum(x))
    assert dyn.types == ["d->d"]
    # Then in a fresh interpreter, which compiles them itself.
    out = _in_fresh_process(
        pickle.dumps(objs),
        """
        import pickle, sys, json
        import numpy as np
        scaled_norm, fact, eager_sum, shifted, running, dyn = pickle.loads(sys.stdin.buffer.read())
        x = np.arange(5.0)
        print(json.dumps([scaled_norm(x), fact(10), eager_sum(x), shifted(x).tolist(),
                          shifted(np.arange(4)).tolist(), running(x).tolist(),
                          dyn(np.arange(3)).tolist(), dyn.types]))
        """,
    )
    assert json.loads(out) == [75.0, 3628800, 10.0, [7.0, 8.0, 9.0, 10.0, 11.0], [7, 8, 9, 10], [0.0, 1.0, 3.0, 6.0, 10.0], [0, 3, 6], ["l->l", "d->d"]]


def test_by_value_errors_still_show_the_source_line():
    def outer():
        @mumba.njit
        def bad(x):
            return x.missing

        return bad

    clone = pickle.loads(pickle.dumps(outer()))
    with pytest.raises(mumba.TypingError) as info:
        clone(1.0)
    assert "return x.missing" in str(info.value) and "^" in str(info.value)


def _work(args):
    kind, x = args
    if kind == "njit":
        return K.norm2(x)
    if kind == "ufunc":
        return K.add_twice(x, x).sum()
    return K.dot(x.reshape(2, -1), x.reshape(2, -1)).sum()


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_multiprocessing_runs_jitted_code(method):
    x = np.arange(8.0)
    K.norm2(x)  # compiled here first: fork children inherit it, spawn ones compile
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(2) as pool:
        got = pool.map(_work, [("njit", x), ("ufunc", x), ("gufunc", x)], chunksize=1)
    assert got == [_work(("njit", x)), _work(("ufunc", x)), _work(("gufunc", x))]


def test_process_pool_runs_local_functions_by_value():
    scaled_norm, _, _, shifted, _, _ = _make_locals()
    x = np.arange(6.0)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        a = pool.submit(scaled_norm, x)
        b = pool.submit(shifted, x)
        assert a.result(timeout=TIMEOUT) == scaled_norm(x)
        assert_array_equal(b.result(timeout=TIMEOUT), x + 7)


CACHED_MODULE = '''
import numpy as np
from mumba import njit

@njit(cache=True)
def kernel(a, k):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * k + i
    return s
'''

WORKER = '''
import json, sys
import numpy as np
import cached_kernel
a = np.arange(1000.0)
r = cached_kernel.kernel(a, 2.0)
st = cached_kernel.kernel.stats
print(json.dumps([r, sum(st.cache_hits.values()), sum(st.cache_misses.values())]))
'''


def _run_together(tmp_path, n):
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(PYTHONPATH=os.pathsep.join([str(BUILD), str(tmp_path)]), MUMBA_CACHE_DIR=str(tmp_path / "cache")),
        )
        for _ in range(n)
    ]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=TIMEOUT)
        assert p.returncode == 0, err.decode()
        results.append(json.loads(out))
    return results


def test_processes_share_a_cache_safely(tmp_path):
    (tmp_path / "cached_kernel.py").write_text(CACHED_MODULE)
    expected = float(sum(v * 2.0 + i for i, v in enumerate(np.arange(1000.0))))
    # Four processes compile (or load what another just wrote) at once.
    first = _run_together(tmp_path, 4)
    assert all(r[0] == expected for r in first)
    assert all(r[1] + r[2] == 1 for r in first)
    entries = list((tmp_path / "cache").rglob("*.mbc"))
    assert len(entries) == 1
    assert not list((tmp_path / "cache").rglob("*.tmp"))
    # Then four more load the entry at once, none compiling.
    second = _run_together(tmp_path, 4)
    assert all(r == [expected, 1, 0] for r in second)


def test_lambdas_and_defaults_pickle_by_value():
    f = mumba.njit(lambda x, y=2: x * y)
    u = mumba.vectorize(["float64(float64)"])(lambda x: x + 1)
    g, v = pickle.loads(pickle.dumps((f, u)))
    assert g(3) == 6 and g(3, 4) == 12
    assert_array_equal(v(np.arange(3.0)), np.arange(3.0) + 1)
