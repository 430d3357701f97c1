"""Why Mumba is slower than Numba (or C) on a kernel: one line each,
found by reading the IR (``python3 -m bench.ir KERNEL --show std|affine|llvm``)
and the assembly (``--show asm|numba-asm|c-asm``).  The report prints the
line for every kernel Mumba loses on in that run; the experiments quoted
were run on the machine the committed report names."""

from __future__ import annotations

from typing import Dict, List

_SAME_LOOP = (
    "the same machine code as Numba for the loop (read from the JIT's memory with gdb for"
    " sum; `bench.ir --show asm` for the others): run-to-run noise"
)

#: kernel name -> reason Mumba loses to Numba
VS_NUMBA: Dict[str, str] = {
    "sum": _SAME_LOOP,
    "dot": _SAME_LOOP,
    "saxpy": _SAME_LOOP + " (both: 4 × 4-wide ymm after a runtime overlap check)",
    "prefix_sum": _SAME_LOOP,
    "nbody": "both loops are scalar: the in-order reductions (no fastmath) and the"
    " zero-divisor test keep LLVM from vectorising; noise",
    "dot_fastmath": "the same vector loop as Numba (four 4-wide FMA accumulators): noise"
    " (timed on separate arrays it once showed 1.12, all of it where the arrays lay in"
    " memory; the suite now times every implementation on the same arrays)",
    "nbody_fastmath": "(Mumba ahead) the divisor r2*sqrt(r2) with r2 = dx²+dy²+dz²+eps is"
    " proven non-zero, so Mumba's inner loop has no zero test and vectorises; Numba's"
    " stays scalar",
    "histogram": "the same loop as Numba (2× unrolled, both keep the negative-index wrap"
    " on `hist[b]`, see below); bound by store-to-load forwarding on the bins, it is the"
    " kernel most moved by its surroundings (1.2 when timed among NumPy's temporaries,"
    " 0.94–1.06 apart from them)",
    "branch_sum": "the same scalar loop as Numba (ordered sum, the branch as a select):"
    " noise",
}

#: kernel name -> reason Mumba loses to C by more than the noise
VS_C: Dict[str, str] = {
    "histogram": "the bin `b` is clamped to [0, nbins-1], but nbins-1 is -1 for an empty"
    " array, so the negative-index wrap (sar/and/lea before each `incq`) stays; C with the"
    " same wrap added takes 4.0 ms instead of 3.6 ms (Mumba 4.3 ms, unrolled 2× where C"
    " unrolls 4×). Fix: with boundscheck off an access"
    " `hist[b]` implies `hist.shape[0] >= 1`; give integer range analysis that fact and it"
    " proves b >= 0",
    "black_scholes": "1/(1+0.23·|x|) is now proven non-zero, but s/k and …/(vol·sqrt(t))"
    " divide by arguments, so two zero tests per element stay branches in the loop and LLVM"
    " does not vectorise it; with `error_model=\"numpy\"` Mumba (and Numba) run it 4-wide in"
    " 17.5 ms, faster than C (22.4 ms, scalar because `sqrt` may set errno). Fix: version"
    " the loop (a vector body when no divisor in the chunk is zero)",
    "dot_fastmath": "the same vector loop as C (four 4-wide FMA accumulators): noise",
    "branch_sum": "the same loop as C (ordered sum, the branch as a masked move, -0.5·v"
    " instead of s -= 0.5·v): noise",
    "jacobi": "the affine stage is the clean nest C has (four `affine.load`s, no index"
    " wraps); both are vectorised 4-wide behind overlap checks, Mumba's LLVM unrolling"
    " further; bandwidth-bound, 0.97–1.08 of C across runs: noise",
    "prefix_sum": "the same loop as C (an 8× unrolled `vaddsd`/`vmovsd` chain): noise;"
    " three reruns gave 0.99–1.03",
    "sieve": "the inner `range(i*i, n, i)` keeps its step-sign test (`step > 0 ? j < n :"
    " j > n`) and the index wrap inside the loop (C: neither); the loop is bound by its"
    " strided stores, so it costs little",
}

#: Findings that are not about one kernel.
GENERAL: List[str] = [
    "Compile time is mostly LLVM: for jacobi the MLIR pipeline takes ~7 ms"
    " (`mumba-opt --mumba-cpu-pipeline -mlir-timing`) of a 55 ms compile (9 ms at"
    " opt_level 0); jacobi and floyd_warshall, whose loops LLVM vectorises behind runtime"
    " overlap checks, come closest to Numba's compile time.",
    "Where Mumba wins big it is the design's points: no negative-index fix-up on indices the"
    " affine raising proves non-negative (jacobi, matmul, floyd_warshall: Numba's code has"
    " sar/cmov wraps on them), and `%`/`//` without sign fix-ups on non-negative operands"
    " (collatz, 2.2× Numba, equal to C). Numba 0.56 also compiles with LLVM 14, Mumba with"
    " LLVM 22.",
    "Float zero-divisor tests are what is left between Mumba and C (black_scholes above):"
    " with `error_model=\"numpy\"` both JITs reach or beat C. Divisors built from squares,"
    " positive constants, abs and sqrt are proven non-zero and lose their tests"
    " (nbody_fastmath: 0.48 of Numba, equal to C).",
]
