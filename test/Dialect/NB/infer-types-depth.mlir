// RUN: not mumba-opt %s -nb-infer-types 2>&1 | FileCheck %s

// A recursion whose argument type grows on every call, `def deep(x): return
// deep((x,))`, would specialise forever: inference stops 64 levels down and
// names every level on the way back up, innermost first.
// (-verify-diagnostics would need one line per level, hence plain FileCheck.)

func.func private @deep(%arg0: !nb.unknown) -> !nb.unknown {
  %x = nb.arg 0 "x" : !nb.unknown
  %t = nb.build_tuple(%x) : (!nb.unknown) -> !nb.unknown
  %f = nb.global(@deep) : !nb.unknown
  // CHECK: infer-types-depth.mlir:[[# @LINE + 3]]:8: error: calls nest more than 64 specialisations deep
  // CHECK: infer-types-depth.mlir:[[# @LINE + 2]]:8: error: while specialising 'deep' for argument types ({{(tuple[(]){63}int64[)]{63}[)]}}
  // CHECK: infer-types-depth.mlir:[[# @LINE + 1]]:8: error: while specialising 'deep' for argument types (tuple(int64))
  %0 = nb.call %f(%t) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

func.func @root(%a: si64) -> !nb.unknown {
  %f = nb.global(@deep) : !nb.unknown
  // CHECK: infer-types-depth.mlir:[[# @LINE + 1]]:8: error: while specialising 'deep' for argument types (int64)
  %0 = nb.call %f(%a) : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}
