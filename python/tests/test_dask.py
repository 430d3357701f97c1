"""Jitted code on a real Dask cluster: two worker processes on 127.0.0.1
run map_blocks over a jitted function, a Mumba ufunc (elementwise and as a
reduction), a gufunc through apply_gufunc and a delayed pipeline; every
result equals NumPy's. The whole module is bounded in time."""

import signal

import dask
import dask.array as da
import distributed
import numpy as np
import pytest
from numpy.testing import assert_allclose

import mumba
import ufunc_kernels as K

#: Seconds the cluster and all the tests together may take.
MODULE_LIMIT = 90


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout(f"the Dask tests ran past {MODULE_LIMIT} s")


@pytest.fixture(scope="module")
def client():
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(MODULE_LIMIT)
    cluster = c = None
    try:
        cluster = distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=40,
        )
        c = distributed.Client(cluster)
        yield c
    finally:
        try:
            if c is not None:
                c.close()
            if cluster is not None:
                cluster.close()
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)


def _data(n=40_000, chunks=10_000, seed=0):
    x = np.random.default_rng(seed).uniform(-5, 5, n)
    return x, da.from_array(x, chunks=chunks)


def test_two_worker_processes(client):
    info = client.scheduler_info()["workers"]
    assert len(info) == 2
    pids = client.run(lambda: __import__("os").getpid())
    assert len(set(pids.values())) == 2


def test_map_blocks_over_a_jitted_function(client):
    x, dx = _data()
    got = dx.map_blocks(K.smooth, dtype=np.float64).compute()
    expected = np.concatenate([K.smooth.py_func(b) for b in np.split(x, 4)])
    assert_allclose(got, expected, rtol=1e-14)


def test_ufunc_on_a_dask_array(client):
    x, dx = _data(seed=1)
    y, dy = _data(seed=2)
    lazy = K.add_twice(dx, dy)
    assert isinstance(lazy, da.Array)
    assert_allclose(lazy.compute(), x + 2 * y, rtol=1e-14)
    # The reduction: per block, then over the blocks' results.
    total = da.reduction(
        dx,
        chunk=lambda b, axis, keepdims: K.hypot.reduce(b, axis=axis, keepdims=keepdims),
        aggregate=lambda b, axis, keepdims: K.hypot.reduce(b, axis=axis, keepdims=keepdims),
        dtype=np.float64,
    )
    assert_allclose(total.compute(), np.sqrt((x * x).sum()), rtol=1e-12)


def test_dynamic_and_local_ufuncs_on_a_dask_array(client):
    x, dx = _data(seed=3)
    assert_allclose(K.dyn_scale(dx, 1.0).compute(), x * 2 + 1.0, rtol=1e-14)

    offset = 0.25

    @mumba.vectorize(["float64(float64)"])
    def shifted(v):
        return v * v + offset

    assert_allclose(shifted(dx).compute(), x * x + offset, rtol=1e-14)


def test_apply_gufunc(client):
    m = np.random.default_rng(4).uniform(-1, 1, (4000, 16))
    dm = da.from_array(m, chunks=(1000, 16))
    got = da.apply_gufunc(K.dot, "(n),(n)->()", dm, dm, output_dtypes=np.float64).compute()
    assert_allclose(got, np.einsum("ij,ij->i", m, m), rtol=1e-13)
    assert_allclose(K.dot(dm, dm).compute(), got, rtol=0)


def test_delayed_pipeline(client):
    @mumba.njit
    def partial_norm(block):
        return K.norm2(block)

    x, _ = _data(seed=5)
    parts = [dask.delayed(partial_norm)(b) for b in np.split(x, 8)]
    total = dask.delayed(sum)(parts)
    assert_allclose(total.compute(), (x * x).sum(), rtol=1e-12)
