// RUN: mumba-opt %s -split-input-file --convert-scf-to-openmp --mumba-openmp-runtime | FileCheck %s

// The region asks the runtime for its thread count; the float min starts
// each thread at +inf (upstream: the largest finite float, which would win
// over +inf values); the loop body's alloca scope is gone (it allocated
// nothing), so that its scf.if can become branches later.
// CHECK: func.func private @mumbaGetNumThreads() -> i32
// CHECK: omp.declare_reduction @[[MIN:.*]] : f64 init {
// CHECK:   llvm.mlir.constant(0x7FF0000000000000 : f64) : f64
// CHECK: } combiner {
// CHECK:   arith.cmpf olt
// CHECK-LABEL: func.func @min
// CHECK: %[[N:.*]] = call @mumbaGetNumThreads() : () -> i32
// CHECK: omp.parallel num_threads(%[[N]] : i32) {
// CHECK: omp.wsloop reduction(@[[MIN]]
// CHECK: omp.loop_nest
// CHECK-NOT: memref.alloca_scope
// CHECK: scf.if
func.func @min(%a: memref<?xf64>, %n: index) -> f64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %init = arith.constant 5.0 : f64
  %r = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%init) -> f64 {
    %v = memref.load %a[%i] : memref<?xf64>
    %zero = arith.constant 0.0 : f64
    %pos = arith.cmpf ogt, %v, %zero : f64
    %w = scf.if %pos -> (f64) {
      scf.yield %v : f64
    } else {
      %inf = arith.constant 0x7FF0000000000000 : f64
      scf.yield %inf : f64
    }
    scf.reduce(%w : f64) {
    ^bb0(%x: f64, %y: f64):
      %lt = arith.cmpf olt, %x, %y : f64
      %m = arith.select %lt, %x, %y : f64
      scf.reduce.return %m : f64
    }
  }
  return %r : f64
}

// -----

// Float sums start at -0.0 (0.0 + -0.0 is 0.0). A body that allocates on
// the stack keeps that memory per iteration with a stack save and restore.
// CHECK: omp.declare_reduction @{{.*}} : f64 init {
// CHECK:   llvm.mlir.constant(-0.000000e+00 : f64) : f64
// CHECK-LABEL: func.func @sum
// CHECK: omp.loop_nest
// CHECK:   %[[SP:.*]] = llvm.intr.stacksave : !llvm.ptr
// CHECK:   memref.alloca() : memref<4xf64>
// CHECK:   llvm.intr.stackrestore %[[SP]] : !llvm.ptr
// CHECK:   omp.yield
func.func @sum(%a: memref<?xf64>, %n: index) -> f64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %init = arith.constant 0.0 : f64
  %r = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%init) -> f64 {
    %t = memref.alloca() : memref<4xf64>
    %v = memref.load %a[%i] : memref<?xf64>
    memref.store %v, %t[%c0] : memref<4xf64>
    %w = memref.load %t[%c0] : memref<4xf64>
    scf.reduce(%w : f64) {
    ^bb0(%x: f64, %y: f64):
      %s = arith.addf %x, %y : f64
      scf.reduce.return %s : f64
    }
  }
  return %r : f64
}
