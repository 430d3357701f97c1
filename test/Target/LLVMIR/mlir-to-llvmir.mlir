// REQUIRES: mumba-translate
// RUN: split-file %s %t
// RUN: mumba-translate %t/llvm.mlir --mlir-to-llvmir | FileCheck %s
// RUN: mumba-opt %t/nb.mlir --mumba-cpu-pipeline | mumba-translate --mlir-to-llvmir \
// RUN:   | FileCheck %s --check-prefix=NB

// mumba-translate turns the llvm dialect into LLVM IR: a module as
// --mumba-cpu-pipeline writes it, then the pipeline's own output on an nb
// function.

// CHECK: define { i32, i64 } @add1(i64 %[[A:.*]])
// CHECK: %[[S:.*]] = add i64 %[[A]], 1
// CHECK: %[[R:.*]] = insertvalue { i32, i64 } { i32 0, i64 poison }, i64 %[[S]], 1
// CHECK: ret { i32, i64 } %[[R]]

// NB: define { i32, double } @half(i64 %[[X:.*]])
// NB: %[[F:.*]] = sitofp i64 %[[X]] to double
// NB: fmul double %[[F]], 5.000000e-01
// NB: ret { i32, double }

//--- llvm.mlir
llvm.func @add1(%arg0: i64) -> !llvm.struct<(i32, i64)> {
  %0 = llvm.mlir.poison : !llvm.struct<(i32, i64)>
  %1 = llvm.mlir.constant(1 : i64) : i64
  %2 = llvm.mlir.constant(0 : i32) : i32
  %3 = llvm.add %arg0, %1 : i64
  %4 = llvm.insertvalue %2, %0[0] : !llvm.struct<(i32, i64)>
  %5 = llvm.insertvalue %3, %4[1] : !llvm.struct<(i32, i64)>
  llvm.return %5 : !llvm.struct<(i32, i64)>
}

//--- nb.mlir
// def half(x): return x * 0.5
func.func @half(%arg0: si64) -> !nb.unknown {
  %0 = nb.arg 0 "x" : !nb.unknown
  %1 = nb.const(0.5) : !nb.unknown
  %2 = nb.binop mul %0, %1 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %2 : !nb.unknown
}
