// REQUIRES: mumba-translate
// RUN: rm -rf %t && split-file %s %t
// Ahead-of-time: nb kernels, as the frontend writes them, through the @njit
// pipeline with plain C entry points, to an object file for the host, a
// shared library, and a C program that calls it.
// RUN: mumba-opt %t/kernels.mlir "--mumba-cpu-pipeline=c-entries=total,saxpy=mumba_saxpy,idiv" \
// RUN:   | mumba-translate --mlir-to-object -o %t/kernels.o
// RUN: clang -shared %t/kernels.o -o %t/libkernels.so
// RUN: clang %t/main.c -L%t -lkernels -Wl,-rpath,%t -o %t/main
// RUN: %t/main | FileCheck %s
// Only the entry points are exported.
// RUN: llvm-nm -D --defined-only %t/libkernels.so | FileCheck %s --check-prefix=SYMBOLS

// CHECK: total 0 15
// CHECK-NEXT: saxpy 0 3 5 7 9
// CHECK-NEXT: idiv 0 -4 1
// CHECK-NEXT: idiv 1
// SYMBOLS-DAG: T idiv
// SYMBOLS-DAG: T mumba_saxpy
// SYMBOLS-DAG: T total
// SYMBOLS-NOT: __mumba

//--- main.c
#include <stdint.h>
#include <stdio.h>

/* A C-contiguous 1-D float64 array: its memref descriptor. */
typedef struct {
  double *allocated, *aligned;
  int64_t offset, sizes[1], strides[1];
} memref_f64_1d;

/* A tuple result: a struct of its elements. */
typedef struct {
  int64_t quotient, remainder;
} idiv_result;

int32_t total(const memref_f64_1d *a, double *result);
int32_t mumba_saxpy(double a, const memref_f64_1d *x, const memref_f64_1d *y,
                    const memref_f64_1d *out);
int32_t idiv(int64_t a, int64_t b, idiv_result *result);

int main(void) {
  double x[5] = {1, 2, 3, 4, 5}, y[5] = {1, 1, 1, 1, 1}, out[5];
  memref_f64_1d mx = {x, x, 0, {5}, {1}}, my = {y, y, 0, {5}, {1}},
                mo = {out, out, 0, {5}, {1}};
  double sum = 0;
  int32_t status = total(&mx, &sum);
  printf("total %d %g\n", status, sum);
  status = mumba_saxpy(2.0, &mx, &my, &mo);
  printf("saxpy %d %g %g %g %g %g\n", status, out[0], out[1], out[2], out[3],
         out[4]);
  idiv_result r;
  status = idiv(-7, 2, &r);
  printf("idiv %d %lld %lld\n", status, (long long)r.quotient,
         (long long)r.remainder);
  /* Python's ZeroDivisionError: status 1 (MUMBA_ZERO_DIV_INT). */
  status = idiv(1, 0, &r);
  printf("idiv %d\n", status);
  return 0;
}

//--- kernels.mlir
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

func.func @idiv(%arg0: si64, %arg1: si64) -> !nb.unknown {
  %0 = nb.var "a"
  %1 = nb.var "b"
  %2 = nb.arg 0 "a" : !nb.unknown
  nb.store_var %2 to %0 : !nb.unknown
  %3 = nb.arg 1 "b" : !nb.unknown
  nb.store_var %3 to %1 : !nb.unknown
  %4 = nb.load_var %0 : !nb.unknown
  %5 = nb.load_var %1 : !nb.unknown
  %6 = nb.binop floordiv %4, %5 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %7 = nb.load_var %0 : !nb.unknown
  %8 = nb.load_var %1 : !nb.unknown
  %9 = nb.binop mod %7, %8 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %10 = nb.build_tuple(%6, %9) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %10 : !nb.unknown
}

