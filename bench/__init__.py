"""Mumba's benchmark suite: the same kernels under Mumba, Numba, NumPy,
plain Python and C.  Run it with ``./scripts/bench`` (``--quick`` for the
one-minute subset); docs/benchmarks.md describes the method."""
