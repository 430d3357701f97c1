"""The benchmark suite's correctness checks (bench/, ./scripts/bench --quick),
without its timings: every kernel under Mumba, Numba, C and NumPy must agree
with plain Python at the small size, and with Numba at the quick size."""

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

pytest.importorskip("numba")

from bench import kernels  # noqa: E402
from bench.checks import check_against_python  # noqa: E402
from bench.impls import implementations  # noqa: E402
from bench.measure import agree_at  # noqa: E402

C_DIR = REPO_ROOT / "build" / "bench" / "c"


@pytest.mark.parametrize("kernel", kernels.QUICK, ids=lambda k: k.name)
def test_quick_kernel_agrees(kernel):
    impls = implementations(kernel, C_DIR)
    assert {"mumba", "numba", "c"} <= set(impls)
    check_against_python(kernel, impls, kernel.sizes["check"])
    agree_at(kernel, impls, kernel.sizes["quick"])


@pytest.mark.parametrize("kernel", kernels.FASTMATH, ids=lambda k: k.name)
def test_fastmath_variant_agrees(kernel):
    check_against_python(kernel, implementations(kernel, C_DIR), kernel.sizes["check"])


def test_suite_has_the_issue_kernels():
    names = {k.name for k in kernels.CORE}
    assert len(names) >= 15
    assert {"sum", "dot", "saxpy", "matmul", "jacobi", "mandelbrot", "nbody", "pairwise",
            "black_scholes", "histogram", "prefix_sum", "floyd_warshall", "collatz",
            "sieve", "branch_sum"} <= names
    assert set(kernels.SCALING) <= names and len(kernels.SCALING) == 3


def test_a_wrong_implementation_is_caught():
    from bench.checks import Mismatch

    k = kernels.by_name("prefix_sum")

    def off_by_one(a, out):
        k.py(a, out)
        out[-1] += 1.0

    with pytest.raises(Mismatch, match="prefix_sum: broken disagrees"):
        check_against_python(k, {"broken": off_by_one}, k.sizes["check"])


def test_ufunc_rows_agree_and_are_reported():
    import numpy as np

    from bench import ufuncs
    from bench.report import _ufuncs
    from bench.results import Run

    impls = ufuncs.ufuncs()
    assert isinstance(impls["mumba"], np.ufunc)
    x = np.linspace(-2, 2, 1001)
    ufuncs._check(impls, x, x[::-1].copy())
    rows = ufuncs.measure(1000, 0.01, 100, 1)
    assert len(rows) == 2 and all(set(r) == {"mumba", "numba", "numpy"} for r in rows.values())
    text = "\n".join(_ufuncs(Run(mode="quick", core=[], fastmath=[], ufuncs=rows)))
    assert "10 float64 (per call)" in text and "Mumba/NumPy" in text


def test_parallel_rows_agree_and_are_reported():
    from bench import parallel
    from bench.report import _parallel
    from bench.results import Run

    rows = parallel.measure(2000, 0.01, 10, 1)
    assert len(rows) == 2
    assert all(set(r) == {"mumba_serial", "mumba", "numba"} for r in rows.values())
    run = Run(mode="quick", core=[], fastmath=[], parallel=rows, threads=2)
    text = "\n".join(_parallel(run))
    assert "Mumba parallel" in text and "speed-up" in text
    assert any("prange speed-up" in g.what for g in run.goals())
