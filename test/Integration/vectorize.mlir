// REQUIRES: mumba-translate
// RUN: split-file %s %t
//
// Code for a fixed target (an AVX-512 CPU), whatever the host:
// RUN: mumba-opt %t/sum.mlir --mumba-cpu-pipeline=fastmath=true \
// RUN:   | mumba-translate --mlir-to-assembly --target-triple=x86_64-unknown-linux-gnu \
// RUN:       --target-cpu=znver4 | FileCheck %s --check-prefix=FAST
// RUN: mumba-opt %t/sum.mlir --mumba-cpu-pipeline \
// RUN:   | mumba-translate --mlir-to-assembly --target-triple=x86_64-unknown-linux-gnu \
// RUN:       --target-cpu=znver4 | FileCheck %s --check-prefix=ORDERED
// RUN: mumba-opt %t/saxpy.mlir --mumba-cpu-pipeline \
// RUN:   | mumba-translate --mlir-to-assembly --target-triple=x86_64-unknown-linux-gnu \
// RUN:       --target-cpu=znver4 | FileCheck %s --check-prefix=SAXPY
// RUN: mumba-opt %t/saxpy.mlir --mumba-cpu-pipeline \
// RUN:   | mumba-translate --mlir-to-assembly --target-triple=x86_64-unknown-linux-gnu \
// RUN:       --target-cpu=x86-64-v3 | FileCheck %s --check-prefix=AVX2
// RUN: mumba-opt %t/saxpy.mlir --mumba-cpu-pipeline=vectorize=false \
// RUN:   | mumba-translate --mlir-to-assembly --target-triple=x86_64-unknown-linux-gnu \
// RUN:       --target-cpu=znver4 --vectorize=false | FileCheck %s --check-prefix=SCALAR
// RUN: mumba-opt %t/sum.mlir --mumba-cpu-pipeline="fastmath=true affine-vector-size=8" \
// RUN:   | FileCheck %s --check-prefix=AFFINE
// RUN: mumba-opt %t/sum.mlir --mumba-cpu-pipeline="fastmath=true affine-vector-size=8" \
// RUN:   | mumba-translate --mlir-to-assembly --target-triple=x86_64-unknown-linux-gnu \
// RUN:       --target-cpu=znver4 | FileCheck %s --check-prefix=AFFINE-ASM

// def total(a):
//     t = 0.0
//     for i in range(len(a)): t += a[i]
//     return t
// With fastmath=True the float reduction is reassociated: LLVM's loop
// vectorizer keeps partial sums in 512-bit registers.
// FAST-LABEL: total:
// FAST: vaddpd {{.*}}%zmm
// Without it the additions stay in Python's order, one at a time, as in
// Numba.
// ORDERED-LABEL: total:
// ORDERED-NOT: vaddpd
// ORDERED: vaddsd
// ORDERED-NOT: vaddpd
// ORDERED: .size total

// def saxpy(a, x, y, out):
//     for i in range(len(x)): out[i] = a * x[i] + y[i]
// No reduction, no fastmath needed: packed multiplies and adds (behind a
// run-time check that out does not overlap x or y).
// SAXPY-LABEL: saxpy:
// SAXPY: vmulpd {{.*}}%zmm
// SAXPY: vaddpd {{.*}}%zmm
// For an AVX2 CPU, 256-bit registers.
// AVX2-LABEL: saxpy:
// AVX2: vmulpd {{.*}}%ymm
// AVX2-NOT: zmm
// vectorize=false: scalar code only.
// SCALAR-LABEL: saxpy:
// SCALAR-NOT: {{[xyz]mm.*pd}}
// SCALAR: vmulsd
// SCALAR-NOT: {{v(mul|add)pd}}
// SCALAR: .size saxpy

// affine-vector-size=8: the affine super-vectorizer makes the loop a loop
// over vector<8xf64> in MLIR already.
// AFFINE-LABEL: llvm.func @total
// AFFINE: llvm.fadd %{{.*}}, %{{.*}} {fastmathFlags = #llvm.fastmath<fast>} : vector<8xf64>
// AFFINE: llvm.intr.vector.reduce.fadd
// AFFINE-ASM-LABEL: total:
// AFFINE-ASM: vaddpd {{.*}}%zmm

//--- sum.mlir
func.func @total(%arg0: !nb.array<f64, 1, C>) -> !nb.unknown {
  %0 = nb.var "a"
  %1 = nb.var "t"
  %2 = nb.var "$iter0"
  %3 = nb.var "i"
  %4 = nb.arg 0 "a" : !nb.unknown
  nb.store_var %4 to %0 : !nb.unknown
  %5 = nb.const(0.000000e+00 : f64) : !nb.unknown
  nb.store_var %5 to %1 : !nb.unknown
  %6 = nb.global("range") : !nb.unknown
  %7 = nb.global("len") : !nb.unknown
  %8 = nb.load_var %0 : !nb.unknown
  %9 = nb.call %7(%8) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %10 = nb.call %6(%9) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %11 = nb.getiter %10 : !nb.unknown -> !nb.unknown
  nb.store_var %11 to %2 : !nb.unknown
  cf.br ^bb1
^bb1:  // 2 preds: ^bb0, ^bb2
  %12 = nb.load_var %2 : !nb.unknown
  %13 = nb.iternext %12 : !nb.unknown -> !nb.unknown
  %14 = nb.pair_second %13 : !nb.unknown -> !nb.unknown
  %15 = nb.truth %14 : !nb.unknown
  cf.cond_br %15, ^bb2, ^bb3
^bb2:  // pred: ^bb1
  %16 = nb.pair_first %13 : !nb.unknown -> !nb.unknown
  nb.store_var %16 to %3 : !nb.unknown
  %17 = nb.load_var %1 : !nb.unknown
  %18 = nb.load_var %0 : !nb.unknown
  %19 = nb.load_var %3 : !nb.unknown
  %20 = nb.getitem %18[%19] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %21 = nb.inplace_binop add %17, %20 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %21 to %1 : !nb.unknown
  cf.br ^bb1
^bb3:  // pred: ^bb1
  %22 = nb.load_var %1 : !nb.unknown
  nb.return %22 : !nb.unknown
}

//--- saxpy.mlir
func.func @saxpy(%arg0: f64, %arg1: !nb.array<f64, 1, C>, %arg2: !nb.array<f64, 1, C>, %arg3: !nb.array<f64, 1, C>) -> !nb.unknown {
  %0 = nb.var "a"
  %1 = nb.var "x"
  %2 = nb.var "y"
  %3 = nb.var "out"
  %4 = nb.var "$iter0"
  %5 = nb.var "i"
  %6 = nb.arg 0 "a" : !nb.unknown
  nb.store_var %6 to %0 : !nb.unknown
  %7 = nb.arg 1 "x" : !nb.unknown
  nb.store_var %7 to %1 : !nb.unknown
  %8 = nb.arg 2 "y" : !nb.unknown
  nb.store_var %8 to %2 : !nb.unknown
  %9 = nb.arg 3 "out" : !nb.unknown
  nb.store_var %9 to %3 : !nb.unknown
  %10 = nb.global("range") : !nb.unknown
  %11 = nb.global("len") : !nb.unknown
  %12 = nb.load_var %1 : !nb.unknown
  %13 = nb.call %11(%12) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %14 = nb.call %10(%13) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %15 = nb.getiter %14 : !nb.unknown -> !nb.unknown
  nb.store_var %15 to %4 : !nb.unknown
  cf.br ^bb1
^bb1:  // 2 preds: ^bb0, ^bb2
  %16 = nb.load_var %4 : !nb.unknown
  %17 = nb.iternext %16 : !nb.unknown -> !nb.unknown
  %18 = nb.pair_second %17 : !nb.unknown -> !nb.unknown
  %19 = nb.truth %18 : !nb.unknown
  cf.cond_br %19, ^bb2, ^bb3
^bb2:  // pred: ^bb1
  %20 = nb.pair_first %17 : !nb.unknown -> !nb.unknown
  nb.store_var %20 to %5 : !nb.unknown
  %21 = nb.load_var %0 : !nb.unknown
  %22 = nb.load_var %1 : !nb.unknown
  %23 = nb.load_var %5 : !nb.unknown
  %24 = nb.getitem %22[%23] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %25 = nb.binop mul %21, %24 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %26 = nb.load_var %2 : !nb.unknown
  %27 = nb.load_var %5 : !nb.unknown
  %28 = nb.getitem %26[%27] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %29 = nb.binop add %25, %28 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %30 = nb.load_var %3 : !nb.unknown
  %31 = nb.load_var %5 : !nb.unknown
  nb.setitem %30[%31], %29 : (!nb.unknown, !nb.unknown, !nb.unknown) -> ()
  cf.br ^bb1
^bb3:  // pred: ^bb1
  %32 = nb.const(unit) : !nb.unknown
  nb.return %32 : !nb.unknown
}
