//===- ParallelLoops.h - How a prange loop is marked ------------*- C++ -*-===//
//
// A `for i in prange(...)` loop under `parallel=True` reaches the std stage
// as a cf loop whose header compares the range's cursor with its stop in an
// `arith.cmpi` carrying the unit attribute below. mumba-parallel-loop-exits
// finds the loop by it; mumba-uplift-while-to-for moves it onto the
// `scf.for` the loop becomes, and mumba-parallelize-loops turns that loop
// into `scf.parallel` (docs/parallel.md).
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_TRANSFORMS_PARALLELLOOPS_H
#define MUMBA_TRANSFORMS_PARALLELLOOPS_H

#include "llvm/ADT/StringRef.h"

namespace mumba {

/// The discardable attribute that marks a prange loop's comparison and
/// then its `scf.for`.
inline constexpr llvm::StringLiteral kParallelLoopAttr = "mumba.parallel";

/// How many i64 words the status record of a parallel loop takes: the
/// status, then the recorded exception class and message (MumbaParallel in
/// mumba/Runtime/Parallel.h).
inline constexpr int64_t kParallelStatusWords = 137;

} // namespace mumba

#endif // MUMBA_TRANSFORMS_PARALLELLOOPS_H
