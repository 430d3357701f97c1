// RUN: mumba-opt %s --mumba-fastmath | FileCheck %s
// RUN: mumba-opt %s --mumba-fastmath --mumba-std-to-llvm | FileCheck %s --check-prefix=LLVM

// @njit(fastmath=True): every float op gets the `fast` flags, math ops
// too; integer ops have none to take.
// CHECK-LABEL: func.func @dot
// CHECK: arith.mulf %{{.*}}, %{{.*}} fastmath<fast> : f64
// CHECK: arith.addf %{{.*}}, %{{.*}} fastmath<fast> : f64
// CHECK: math.sqrt %{{.*}} fastmath<fast> : f64
// CHECK: arith.addi %{{.*}}, %{{.*}} : i64
// The llvm dialect carries them to LLVM IR.
// LLVM-LABEL: llvm.func @dot
// LLVM: llvm.fmul %{{.*}}, %{{.*}} {fastmathFlags = #llvm.fastmath<fast>} : f64
// LLVM: llvm.fadd %{{.*}}, %{{.*}} {fastmathFlags = #llvm.fastmath<fast>} : f64
// LLVM: llvm.intr.sqrt(%{{.*}}) {fastmathFlags = #llvm.fastmath<fast>} : (f64) -> f64
func.func @dot(%x: f64, %y: f64, %t: f64, %i: i64) -> (f64, i64) {
  %p = arith.mulf %x, %y : f64
  %s = arith.addf %t, %p : f64
  %r = math.sqrt %s : f64
  %j = arith.addi %i, %i : i64
  return %r, %j : f64, i64
}
