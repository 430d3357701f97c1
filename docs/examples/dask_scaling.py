"""docs/dask.md's worked example: one jitted kernel, from one core to a
Dask cluster. Run with

    PYTHONPATH=build/python /usr/bin/python3 docs/examples/dask_scaling.py [n] [workers]

It prints the time of each step; every result is checked against NumPy.
"""

import sys
import time

import numpy as np

import mumba

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000
WORKERS = int(sys.argv[2]) if len(sys.argv) > 2 else 2


@mumba.vectorize(["float64(float64, float64)"])
def potential(r, q):
    """A screened Coulomb term: work enough per element to be compute bound."""
    s = 0.0
    for k in range(1, 9):
        s += q * np.exp(-k * r) / (r + k)
    return s


def numpy_potential(r, q):
    s = np.zeros_like(r)
    for k in range(1, 9):
        s += q * np.exp(-k * r) / (r + k)
    return s


def timed(label, fn):
    t0 = time.perf_counter()
    out = fn()
    print(f"{label:48s} {time.perf_counter() - t0:7.3f} s", flush=True)
    return out


def main():
    import dask.array as da
    import distributed

    rng = np.random.default_rng(0)
    r = rng.uniform(0.1, 3.0, N)
    q = rng.uniform(-1.0, 1.0, N)
    expected = timed("NumPy expression, one core", lambda: numpy_potential(r, q).sum())
    potential(r[:10], q[:10])  # compile outside the timings
    got = timed("Mumba ufunc, one core", lambda: potential(r, q).sum())
    np.testing.assert_allclose(got, expected, rtol=1e-9)

    cluster = distributed.LocalCluster(
        n_workers=WORKERS, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, silence_logs=40,
    )
    client = distributed.Client(cluster)
    try:
        dr = da.from_array(r, chunks=N // (4 * WORKERS))
        dq = da.from_array(q, chunks=N // (4 * WORKERS))
        dr, dq = client.persist([dr, dq])  # the data lives on the workers
        distributed.wait([dr, dq])
        lazy = potential(dr, dq).sum()
        got = timed(f"Mumba ufunc on Dask, {WORKERS} workers (first: compiles)", lazy.compute)
        np.testing.assert_allclose(got, expected, rtol=1e-9)
        got = timed(f"Mumba ufunc on Dask, {WORKERS} workers", lazy.compute)
        np.testing.assert_allclose(got, expected, rtol=1e-9)
        lazy_np = da.map_blocks(numpy_potential, dr, dq, dtype=np.float64).sum()
        got = timed(f"NumPy expression on Dask, {WORKERS} workers", lazy_np.compute)
        np.testing.assert_allclose(got, expected, rtol=1e-9)
    finally:
        client.close()
        cluster.close()


if __name__ == "__main__":
    main()
